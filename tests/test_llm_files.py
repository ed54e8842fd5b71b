"""Model files: the header check, the ctransformers guard and backend (for real, on a tiny GGUF
written here), and what each backend says about bad files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.support import require_module
from tutor.errors import ModelError
from tutor.llm import ChatMessage, GenerationParams, load_model
from tutor.llm.ctransformers import check_supported
from tutor.llm.gguf_info import read_model_info

gguf = require_module("gguf")

N_EMBD, N_HEAD, N_LAYER, N_FF, N_CTX = 32, 4, 2, 64, 128


def sentencepiece_vocab() -> tuple[list[str], list[float], list[int]]:
    """<unk>/<s>/</s>, the 256 ``<0xXX>`` byte tokens, every ASCII character, a few merges with scores."""
    pieces = ["▁"] + [chr(c) for c in range(33, 127)]
    pieces += ["▁t", "th", "he", "▁th", "▁the", "▁a", "▁s", "su", "um", "▁su", "▁sum", "▁o", "of", "▁of", "is", "▁is"]
    tokens = ["<unk>", "<s>", "</s>"] + [f"<0x{i:02X}>" for i in range(256)] + pieces
    scores = [0.0] * 259 + [-float(i) for i in range(len(pieces))]
    types = [gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL]
    types += [gguf.TokenType.BYTE] * 256 + [gguf.TokenType.NORMAL] * len(pieces)
    return tokens, scores, [int(t) for t in types]


def write_tiny_gguf(path: Path, arch: str = "llama", tokenizer: str = "llama") -> Path:
    """A tiny random-weight llama-layout model with an untied output matrix."""
    rng = np.random.default_rng(0)
    tokens, scores, types = sentencepiece_vocab()
    writer = gguf.GGUFWriter(str(path), arch)
    writer.add_context_length(N_CTX)
    writer.add_embedding_length(N_EMBD)
    writer.add_block_count(N_LAYER)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEAD)
    writer.add_head_count_kv(N_HEAD)
    writer.add_rope_dimension_count(N_EMBD // N_HEAD)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_tokenizer_model(tokenizer)
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_unk_token_id(0)

    def weights(*shape):
        return (rng.standard_normal(shape) * 0.1).astype(np.float32)

    ones = np.ones(N_EMBD, np.float32)
    writer.add_tensor("token_embd.weight", weights(len(tokens), N_EMBD))
    writer.add_tensor("output_norm.weight", ones)
    writer.add_tensor("output.weight", weights(len(tokens), N_EMBD))  # untied from token_embd
    for i in range(N_LAYER):
        writer.add_tensor(f"blk.{i}.attn_norm.weight", ones)
        for name in ("q", "k", "v", "output"):
            writer.add_tensor(f"blk.{i}.attn_{name}.weight", weights(N_EMBD, N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_norm.weight", ones)
        writer.add_tensor(f"blk.{i}.ffn_gate.weight", weights(N_FF, N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_up.weight", weights(N_FF, N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_down.weight", weights(N_EMBD, N_FF))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


@pytest.fixture(scope="session")
def tiny_llama(tmp_path_factory) -> Path:
    return write_tiny_gguf(tmp_path_factory.mktemp("gguf") / "tiny-llama.gguf")


@pytest.fixture
def truncated(tiny_llama, tmp_path) -> Path:
    path = tmp_path / "truncated.gguf"
    path.write_bytes(tiny_llama.read_bytes()[: tiny_llama.stat().st_size // 2])
    return path


@pytest.fixture
def not_gguf(tmp_path) -> Path:
    path = tmp_path / "notes.gguf"
    path.write_text("these are lesson notes, not a model\n" * 20)
    return path


def use(settings, path: Path, backend: str = "llama_cpp", **changes):
    return settings.replace(model_path=path, model_backend=backend, **changes)


# The header check


def test_header_of_a_good_file(tiny_llama):
    info = read_model_info(tiny_llama)
    assert (info.format, info.version, info.architecture, info.tokenizer_model) == ("gguf", 3, "llama", "llama")
    assert info.data_end == info.size and info.tensor_count == 3 + 9 * N_LAYER
    assert info.trained_context == N_CTX and info.tensor_types == {"F32"}


def test_missing_file(tmp_path):
    with pytest.raises(ModelError, match="no model file at .*tutor model install"):
        read_model_info(tmp_path / "nope.gguf")


def test_truncated_file_is_refused(truncated):
    with pytest.raises(ModelError, match="truncated"):
        read_model_info(truncated)


def test_file_cut_inside_the_header_is_refused(tiny_llama, tmp_path):
    path = tmp_path / "cut.gguf"
    path.write_bytes(tiny_llama.read_bytes()[:100])
    with pytest.raises(ModelError, match="truncated or corrupt"):
        read_model_info(path)


def test_non_gguf_file_is_refused(not_gguf):
    with pytest.raises(ModelError, match="not a GGUF model file"):
        read_model_info(not_gguf)


def test_corrupt_header_is_refused(tiny_llama, tmp_path):
    data = bytearray(tiny_llama.read_bytes())
    data[24:32] = (2**40).to_bytes(8, "little")  # the first key's length: absurd
    path = tmp_path / "corrupt.gguf"
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="corrupt"):
        read_model_info(path)


def test_directory_and_empty_file_are_refused(tmp_path):
    with pytest.raises(ModelError, match="not a file"):
        read_model_info(tmp_path)
    (tmp_path / "empty.gguf").write_bytes(b"")
    with pytest.raises(ModelError, match="empty or truncated"):
        read_model_info(tmp_path / "empty.gguf")


# Bad files through the llama.cpp backend (checked before llama.cpp sees them)


@pytest.mark.parametrize("fixture", ["truncated", "not_gguf"])
def test_llama_cpp_backend_refuses_bad_files(settings, fixture, request):
    with pytest.raises(ModelError):
        load_model(use(settings, request.getfixturevalue(fixture)))


def test_llama_cpp_backend_missing_file(settings, tmp_path):
    with pytest.raises(ModelError, match="no model file"):
        load_model(use(settings, tmp_path / "missing.gguf"))


def test_llama_cpp_backend_refuses_legacy_ggml(settings, tmp_path):
    path = tmp_path / "old.bin"
    path.write_bytes((0x67676A74).to_bytes(4, "little") + (3).to_bytes(4, "little") + b"\0" * 64)
    with pytest.raises(ModelError, match="ctransformers"):
        load_model(use(settings, path))


# The ctransformers guard: refuses before ctransformers is handed the file


@pytest.fixture
def no_ctransformers(monkeypatch):
    """Make importing ctransformers fail loudly, proving the guard ran first."""
    monkeypatch.setitem(sys.modules, "ctransformers", None)


@pytest.mark.parametrize(
    ("arch", "tokenizer", "message"),
    [("qwen2", "gpt2", "'qwen2' model"), ("gemma3", "llama", "'gemma3' model"), ("llama", "gpt2", "BPE")],
)
def test_ctransformers_guard_refuses_unsupported_files(settings, tmp_path, no_ctransformers, arch, tokenizer, message):
    path = write_tiny_gguf(tmp_path / f"{arch}-{tokenizer}.gguf", arch=arch, tokenizer=tokenizer)
    with pytest.raises(ModelError, match=message) as err:
        load_model(use(settings, path, "ctransformers"))
    assert "TUTOR_MODEL_BACKEND=llama_cpp" in str(err.value)


def test_ctransformers_guard_refuses_tensor_types_it_cannot_read(tiny_llama):
    info = read_model_info(tiny_llama)
    object.__setattr__(info, "tensor_types", frozenset({"F32", "IQ4_XS"}))
    with pytest.raises(ModelError, match="IQ4_XS"):
        check_supported(info)


def test_ctransformers_guard_refuses_smollm2_bpe_vocabulary(settings, no_ctransformers):
    from tutor.llm.install import package_sources
    from tutor.llm.catalog import SMALL

    smol = package_sources(SMALL, install=False)[0]
    with pytest.raises(ModelError, match="BPE"):
        load_model(use(settings, smol, "ctransformers"))


@pytest.mark.parametrize("fixture", ["truncated", "not_gguf"])
def test_ctransformers_backend_refuses_bad_files(settings, fixture, request, no_ctransformers):
    with pytest.raises(ModelError):
        load_model(use(settings, request.getfixturevalue(fixture), "ctransformers"))


# ctransformers for real (the legacy extra; scripts/setup.sh dev installs it)


@pytest.fixture(scope="session")
def needs_ctransformers():
    require_module("ctransformers")


@pytest.fixture(scope="session")
def ct_model(tiny_llama, needs_ctransformers):
    from tutor.llm.ctransformers import load
    from tutor.settings import Settings

    settings = Settings.from_env({"TUTOR_HOME": str(tiny_llama.parent), "TUTOR_MODEL_BACKEND": "ctransformers"})
    return load(settings.replace(model_path=tiny_llama, context_window=N_CTX), tiny_llama)


def test_ctransformers_loads_tiny_llama_and_streams_tokens(ct_model):
    tokens = list(ct_model.stream([ChatMessage("user", "the sum of")], GenerationParams(max_tokens=12, seed=1)))
    assert ct_model.context_window == N_CTX
    assert 1 <= len(tokens) <= 12 and all(isinstance(t, str) for t in tokens)


def test_ctransformers_greedy_is_repeatable(ct_model):
    params = GenerationParams(max_tokens=8, temperature=0)
    first = ct_model.complete([ChatMessage("user", "the sum")], params)
    assert ct_model.complete([ChatMessage("user", "the sum")], params) == first


def test_ctransformers_non_ascii_prompt_does_not_corrupt_memory(ct_model):
    # ctransformers' own tokenize() overflows its buffer when characters fall back to byte tokens.
    text = "数学ü" * 10
    tokens = ct_model.tokenize(text)
    assert len(tokens) > len(text) + 1
    assert isinstance(ct_model.complete([ChatMessage("user", text)], GenerationParams(max_tokens=4)), str)


def test_ctransformers_prompt_longer_than_context(ct_model):
    with pytest.raises(ModelError, match="context window"):
        ct_model.complete([ChatMessage("user", "the sum of " * 100)])


def test_ctransformers_gpu_layers_without_cuda_falls_back_to_cpu(tiny_llama, tmp_path, caplog, needs_ctransformers):
    from tutor.settings import Settings

    settings = Settings.from_env({"TUTOR_HOME": str(tmp_path), "TUTOR_GPU_LAYERS": "4"})
    model = load_model(use(settings, tiny_llama, "ctransformers", context_window=N_CTX))
    assert model.complete([ChatMessage("user", "the")], GenerationParams(max_tokens=3, seed=2)) is not None
    if shutil.which("nvidia-smi") is None:
        assert "running on the CPU" in caplog.text


def test_ctransformers_process_exits_cleanly(tiny_llama, needs_ctransformers):
    """Load, generate and exit in a fresh interpreter: no segfault at shutdown (exit code 0)."""
    code = (
        "import sys; from pathlib import Path; from tutor.settings import Settings; from tutor.llm import load_model, ChatMessage\n"
        f"p = Path({str(tiny_llama)!r})\n"
        "s = Settings.from_env({'TUTOR_HOME': str(p.parent), 'TUTOR_MODEL_BACKEND': 'ctransformers'}).replace(model_path=p)\n"
        "m = load_model(s); print(m.complete([ChatMessage('user', 'the sum of ünïcode 数学')]) is not None)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "True"
