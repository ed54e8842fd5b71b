"""bench/gpu_check.sh and its parts, on the CPU: the random-weight GGUF (bench/gguf_random.py) loads in llama.cpp and
generates, the speed measurement (bench/gpu_speed.py) runs and the summary reads its results, so a lent GPU's time is
not spent finding a broken script."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bench import gpu_speed
from bench.gguf_random import DEFAULT, DEFAULT_Q6_BLOCKS, TINY, layout, tensor_bytes, write_random_gguf
from tests.support import require_module
from tutor.llm.gguf_info import read_model_info

ROOT = Path(__file__).resolve().parents[1]
TINY_Q4 = replace(TINY, blocks=3, embd=256, ff=512, weights="q4_k_m")  # k-quants need rows of 256 values


def quiet(_message: str) -> None:
    pass


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return write_random_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf", TINY, log=quiet)


@pytest.fixture(scope="module")
def tiny_q4(tmp_path_factory) -> Path:
    return write_random_gguf(tmp_path_factory.mktemp("gguf") / "tiny-q4.gguf", TINY_Q4, log=quiet)


def test_gpu_check_script_parses():
    for script in ("bench/gpu_check.sh", "scripts/setup.sh"):
        out = subprocess.run(["bash", "-n", script], cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr


def test_the_default_layout_is_the_default_models():
    """Same tensors, shapes and types as Qwen2.5-Coder-1.5B-Instruct Q4_K_M (read from the installed file once)."""
    tensors = layout(DEFAULT)
    assert len(tensors) == 339
    assert sum(tensor_bytes(rows, cols, kind) for _, rows, cols, kind in tensors) == 1_111_370_240
    kinds = {name: kind for name, _, _, kind in tensors}
    assert (kinds["token_embd.weight"], kinds["output.weight"], kinds["blk.0.attn_q.weight"]) == ("Q4_K", "Q6_K", "Q4_K")
    assert [i for i in range(28) if kinds[f"blk.{i}.ffn_down.weight"] == "Q6_K"] == sorted(DEFAULT_Q6_BLOCKS)
    assert (DEFAULT.blocks, DEFAULT.embd, DEFAULT.ff, DEFAULT.heads, DEFAULT.kv_heads, DEFAULT.vocab) == (
        28, 1536, 8960, 12, 2, 151_936)


def test_tiny_header(tiny, tiny_q4):
    info = read_model_info(tiny)
    assert (info.architecture, info.tokenizer_model, info.block_count, info.trained_context) == (
        "qwen2", "gpt2", 2, 2048)
    assert info.tensor_types == {"F16", "F32"} and info.tensor_count == 3 + 12 * 2
    assert info.metadata["tokenizer.ggml.tokens"] == ("array", TINY.vocab)
    assert read_model_info(tiny_q4).tensor_types == {"Q4_K", "Q6_K", "F32"}


def test_k_quant_layout_needs_rows_of_256():
    with pytest.raises(SystemExit, match="multiples of 256"):
        layout(replace(TINY, weights="q4_k_m"))


# In llama.cpp (CI has llama-cpp-python): loads, tokenizes, generates


@pytest.fixture(scope="module")
def llama_cpp():
    return require_module("llama_cpp")


@pytest.mark.real_model
@pytest.mark.parametrize("fixture", ["tiny", "tiny_q4"])
def test_the_random_model_loads_and_generates_in_llama_cpp(llama_cpp, request, fixture, tmp_path):
    from tutor.llm import ChatMessage, GenerationParams
    from tutor.llm.llama_cpp import load
    from tutor.settings import Settings

    path = request.getfixturevalue(fixture)
    model = load(Settings.from_env({"TUTOR_HOME": str(tmp_path), "TUTOR_CONTEXT_WINDOW": "1024"}), path)
    try:
        text = "What is 3 x 12? 小明有 5 个苹果。"
        assert model.llama.detokenize(model.llama.tokenize(text.encode(), add_bos=False)).decode() == text
        # The chat template comes from the file (ChatML, as Qwen2.5's) and the reply runs to max_tokens.
        reply = model.complete([ChatMessage("system", "You are a math tutor."), ChatMessage("user", "2 + 3?")],
                               GenerationParams(max_tokens=6, temperature=0))
        assert isinstance(reply, str) and model.calls[-1]["prompt"] > 10
        assert np.isfinite(model.llama.scores[: model.llama.n_tokens]).all()  # valid random blocks: no NaN logits
        sampled = model.complete([ChatMessage("user", "the sum of")], GenerationParams(max_tokens=6, seed=3))
        assert isinstance(sampled, str)
    finally:
        model.close()


@pytest.mark.real_model
def test_a_vocabulary_copied_from_another_gguf_tokenizes_like_it(llama_cpp, tmp_path):
    """--vocab (gpu_check.sh passes llama.cpp's Qwen2 vocabulary): SmolLM2's byte-level BPE here, as CI has it."""
    from tutor.llm.catalog import SMALL
    from tutor.llm.install import package_sources

    smollm2 = package_sources(SMALL, install=False)[0]
    path = write_random_gguf(tmp_path / "v.gguf", TINY, vocab=smollm2, log=quiet)
    assert read_model_info(path).metadata["tokenizer.ggml.tokens"] == ("array", 49_152)
    ours = llama_cpp.Llama(model_path=str(path), vocab_only=True, verbose=False)
    theirs = llama_cpp.Llama(model_path=str(smollm2), vocab_only=True, verbose=False)
    text = b"A class of 28 students goes on a trip. How many buses?"
    assert ours.tokenize(text, add_bos=False) == theirs.tokenize(text, add_bos=False)


@pytest.mark.real_model
def test_speed_measurement_and_summary(llama_cpp, tiny, tmp_path, capsys):
    speed = tmp_path / "speed.json"
    out = subprocess.run(
        [sys.executable, "bench/gpu_speed.py", str(tiny), "--sides", "cpu", "--runs", "1", "--prompt-tokens", "32",
         "--gen-tokens", "4", "--json", str(speed)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr + out.stdout
    cpu = json.loads(speed.read_text())["cpu"]
    assert cpu["n_gpu_layers"] == 0 and cpu["layers"] == TINY.blocks + 1 and cpu["offloaded"] is None
    assert cpu["prompt_tps"] > 0 and cpu["gen_tps"] > 0 and cpu["prompt_tokens"] == 32

    reply = tmp_path / "reply.summary.json"
    spread = {"n": 2, "p50": 1.5, "p90": 1.9, "max": 2.0}
    reply.write_text(json.dumps({"questions": 2, "errors": 0, "bare_generation": {"median": 0.4},
                                 "latency": {"final": spread, "first_progress": spread}}))
    summary = gpu_speed.check_summary(tmp_path / "out" / "gpu_check.json", speed, reply, tiny, tmp_path / "none",
                                      env={"GC_PIN": "0.3.36", "GC_BUILD": "built", "GC_BUILD_S": "200"})
    printed = capsys.readouterr().out
    assert "cpu  prompt" in printed and "goal checked reply p50 <= 2 s: met" in printed
    written = json.loads((tmp_path / "out" / "gpu_check.json").read_text())
    assert written == json.loads(json.dumps(summary))
    assert written["model_file"]["vocabulary"] == "synthetic" and written["build_s"] == 200


def test_summary_when_nothing_was_measured(tmp_path, capsys):
    missing = tmp_path / "missing.json"
    summary = gpu_speed.check_summary(tmp_path / "gpu_check.json", missing, missing, tmp_path / "m.gguf", missing,
                                      env={})
    assert summary["speed"] is None and summary["reply"] is None
    assert "tutor replies on the GPU: not measured" in capsys.readouterr().out
