"""GPU offload: TUTOR_GPU_LAYERS auto puts every layer on the GPU of a GPU build and none on a CPU build; a number
overrides; `tutor model check` says where the layers run (from the file's header, and after loading)."""

from __future__ import annotations

import functools
import sys
import types
from dataclasses import replace
from pathlib import Path

import pytest

from bench.gguf_random import TINY, write_random_gguf
from tests.support import require_module
from tutor.llm import llama_cpp as backend
from tutor.llm.gguf_info import read_model_info


class FakeLlama:
    """Records what the backend asked llama.cpp for; on a GPU build it logs what llama.cpp logs after loading."""

    seen: list[dict] = []

    def __init__(self, **kwargs):
        FakeLlama.seen.append(kwargs)
        module = sys.modules["llama_cpp"]
        if module.llama_supports_gpu_offload() and callable(module.log_callback):
            asked = kwargs["n_gpu_layers"]
            done = 29 if asked < 0 else min(asked, 29)
            module.log_callback(1, f"load_tensors: offloaded {done}/29 layers to GPU\n".encode(), None)


def stub_llama_cpp(monkeypatch, gpu: bool) -> types.SimpleNamespace:
    """A ``llama_cpp`` module with llama-cpp-python's logging hooks, built with or without GPU support."""
    logger = types.SimpleNamespace(llama_log_callback="llama-cpp-python's own")
    module = types.SimpleNamespace(Llama=FakeLlama, llama_supports_gpu_offload=lambda: gpu, _logger=logger,
                                   llama_log_callback=lambda fn: fn, log_callback=logger.llama_log_callback)

    def log_set(callback, user_data):
        module.log_callback = callback

    module.llama_log_set = log_set
    monkeypatch.setitem(sys.modules, "llama_cpp", module)
    FakeLlama.seen = []
    return module


class Loaded:
    """Stands in for LlamaCppModel around the fake Llama."""

    offload = None
    offloaded = None

    def __init__(self, llama, info, thread=None):
        self.llama, self.info = llama, info


@pytest.fixture
def qwen_header(monkeypatch):
    """The default model's header facts (28 blocks) without the file."""
    info = types.SimpleNamespace(format="gguf", version=3, trained_context=0, block_count=28, describe=lambda: "fake")
    monkeypatch.setattr(backend, "read_model_info", lambda _path: info)
    monkeypatch.setattr(backend, "LlamaCppModel", Loaded)
    return info


def load(settings, tmp_path, **changes):
    return backend.load(replace(settings, **changes), tmp_path / "m.gguf")


def test_auto_offloads_every_layer_on_a_gpu_build(monkeypatch, qwen_header, settings, tmp_path):
    module = stub_llama_cpp(monkeypatch, gpu=True)
    model = load(settings, tmp_path)
    assert settings.gpu_layers is None
    assert FakeLlama.seen[0]["n_gpu_layers"] == -1
    assert model.offload == backend.Offload(gpu_build=True, layers=-1, total=29) and model.offload.on_gpu == 29
    assert model.offloaded == (29, 29)  # read from llama.cpp's own log line
    assert module.log_callback == "llama-cpp-python's own"  # its logging is put back after loading


def test_auto_is_the_cpu_without_a_warning_on_a_cpu_build(monkeypatch, qwen_header, settings, tmp_path, caplog):
    stub_llama_cpp(monkeypatch, gpu=False)
    model = load(settings, tmp_path)
    assert FakeLlama.seen[0]["n_gpu_layers"] == 0
    assert model.offload.on_gpu == 0 and model.offloaded is None
    assert "GPU" not in caplog.text


@pytest.mark.parametrize(("layers", "on_gpu"), [(0, 0), (-1, 29), (10, 10), (99, 29)])
def test_a_number_overrides_auto_on_a_gpu_build(monkeypatch, qwen_header, settings, tmp_path, layers, on_gpu):
    stub_llama_cpp(monkeypatch, gpu=True)
    model = load(settings, tmp_path, gpu_layers=layers)
    assert FakeLlama.seen[0]["n_gpu_layers"] == layers
    assert model.offload.on_gpu == on_gpu
    if layers:
        assert model.offloaded == (on_gpu, 29)


def test_a_number_on_a_cpu_build_warns_and_runs_on_the_cpu(monkeypatch, qwen_header, settings, tmp_path, caplog):
    stub_llama_cpp(monkeypatch, gpu=False)
    load(settings, tmp_path, gpu_layers=-1)
    assert FakeLlama.seen[0]["n_gpu_layers"] == 0
    assert "TUTOR_GPU_LAYERS=-1 but llama-cpp-python was built without GPU support" in caplog.text


def test_without_llama_cpp_pythons_logger_nothing_is_collected(monkeypatch, qwen_header, settings, tmp_path):
    module = stub_llama_cpp(monkeypatch, gpu=True)
    del module._logger  # another llama-cpp-python layout: load as before, just without the confirmation
    model = load(settings, tmp_path)
    assert FakeLlama.seen[0]["n_gpu_layers"] == -1 and model.offloaded is None


def test_offload_plan_without_a_block_count():
    assert backend.Offload(gpu_build=True, layers=-1, total=None).on_gpu is None  # some: the file does not say
    assert backend.Offload(gpu_build=True, layers=0, total=None).on_gpu == 0
    assert backend.Offload(gpu_build=False, layers=0, total=None).on_gpu == 0


def test_model_check_without_a_block_count(monkeypatch, settings, gpu_build):
    from tutor.cli.model import _layers_planned

    info = types.SimpleNamespace(block_count=None)
    assert _layers_planned(settings, info) == (
        "layers: n_gpu_layers -1 on the GPU (the file does not say how many layers it has)")


def test_ctransformers_auto_means_the_cpu(monkeypatch, settings, tmp_path):
    from tutor.llm import ctransformers as ct

    asked = []
    auto_model = types.SimpleNamespace(from_pretrained=lambda path, gpu_layers, **kw: asked.append(gpu_layers))
    monkeypatch.setitem(sys.modules, "ctransformers", types.SimpleNamespace(AutoModelForCausalLM=auto_model))
    monkeypatch.setattr(ct, "read_model_info", lambda _p: types.SimpleNamespace(trained_context=0))
    monkeypatch.setattr(ct, "check_supported", lambda _info: None)
    monkeypatch.setattr(ct, "CTransformersModel", lambda *args: args)
    ct.load(settings, tmp_path / "m.bin")
    ct.load(replace(settings, gpu_layers=8), tmp_path / "m.bin")
    assert asked == [0, 8]


# The header says how many layers there are: blocks plus the output layer


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    return write_random_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf", TINY, log=lambda _msg: None)


def test_block_count_comes_from_the_header(tiny_model):
    assert read_model_info(tiny_model).block_count == TINY.blocks


# tutor model check


@pytest.fixture
def model_check(monkeypatch, tiny_model):
    from typer.testing import CliRunner

    import tutor.cli.core
    import tutor.cli.model
    from tutor.cli import _register, app

    _register()
    monkeypatch.setenv("TUTOR_MODEL_PATH", str(tiny_model))

    def run(*args: str, **env: str) -> str:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        # The CLI reads its settings once per process: a fresh context for each run's variables.
        monkeypatch.setattr(tutor.cli.model, "context", functools.cache(tutor.cli.core.context.__wrapped__))
        result = CliRunner().invoke(app, ["model", "check", *args])
        assert result.exit_code == 0, result.output
        return result.output

    return run


def layers_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(("layers:", "模型层")))


@pytest.fixture
def gpu_build(monkeypatch):
    monkeypatch.setattr(backend, "gpu_offload_supported", lambda: True)


@pytest.fixture
def cpu_build(monkeypatch):
    monkeypatch.setattr(backend, "gpu_offload_supported", lambda: False)


def test_model_check_on_a_cpu_build_says_cpu(model_check, cpu_build):
    assert layers_line(model_check()) == "layers: CPU (llama-cpp-python built without GPU support)"


def test_model_check_on_a_gpu_build_says_every_layer_is_on_the_gpu(model_check, gpu_build):
    assert layers_line(model_check()) == "layers: all 3 on the GPU (GPU build)"  # 2 blocks + the output layer


def test_model_check_follows_tutor_gpu_layers(model_check, gpu_build):
    assert layers_line(model_check(TUTOR_GPU_LAYERS="2")) == "layers: 2 of 3 on the GPU, the rest on the CPU"
    assert layers_line(model_check(TUTOR_GPU_LAYERS="0")) == "layers: CPU (TUTOR_GPU_LAYERS=0)"
    assert layers_line(model_check(TUTOR_GPU_LAYERS="-1")) == "layers: all 3 on the GPU (GPU build)"


def test_model_check_speaks_chinese(model_check, gpu_build):
    assert layers_line(model_check(TUTOR_LANGUAGE="zh")) == "模型层：全部 3 层在 GPU 上（GPU 构建）"


def test_model_check_without_llama_cpp(model_check, monkeypatch):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)
    assert layers_line(model_check()) == "layers: unknown (llama-cpp-python is not installed)"


@pytest.mark.real_model
def test_model_check_load_on_this_build_says_where_the_layers_went(model_check):
    """The real llama-cpp-python installed here (CI: a CPU build) loads the tiny model and says so."""
    llama_cpp = require_module("llama_cpp")
    out = model_check("--load")
    if llama_cpp.llama_supports_gpu_offload():
        assert layers_line(out) == "layers: all 3 on the GPU (GPU build)"
        assert "after loading: llama.cpp put 3 of 3 layers on the GPU" in out
    else:
        assert layers_line(out) == "layers: CPU (llama-cpp-python built without GPU support)"
        assert "after loading: the model runs on the CPU" in out
    assert out.rstrip().endswith("OK")
