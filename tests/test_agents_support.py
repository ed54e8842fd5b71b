"""Shared helpers for the agents tests: a scripted model, a fake sandbox, the built-in plugins.

Imported by the other ``test_agents_*`` modules; the one test here checks the fake sandbox itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tutor import verify
from tutor.llm.fake import FakeChatModel
from tutor.plugins import PluginManager


@dataclass
class FakeRun:
    ok: bool
    stdout: str = ""
    result: Any = None
    error: str = ""
    backend: str = "fake"


def fake_run_code(code: str, timeout_s: float = 5.0, memory_mb: int = 256) -> FakeRun:
    """Runs trusted test programs in-process (the real sandbox is the verifier engineer's)."""
    scope: dict[str, Any] = {}
    try:
        exec(compile(code, "<test>", "exec"), scope)  # noqa: S102 - only this file's fixed test programs
    except Exception as exc:  # noqa: BLE001
        return FakeRun(False, error=f"error: {type(exc).__name__}: {exc}")  # the sandbox's own wording
    return FakeRun(True, stdout=str(scope.get("result", "")), result=scope.get("result"))


def builtin_plugins() -> PluginManager:
    import plugins.arithmetic
    import plugins.word_problems

    pm = PluginManager()
    pm.add_plugin(plugins.arithmetic, "arithmetic")
    pm.add_plugin(plugins.word_problems, "word_problems")
    return pm


def make_context(settings, llm: FakeChatModel | None = None, tutor=None, plugins=None, **kw):
    from agents.context import AgentContext

    return AgentContext(
        settings=settings,
        llm=llm or FakeChatModel(),
        check_text=verify.check_text,
        check_steps=verify.check_steps,
        compare_answers=verify.compare_answers,
        run_code=fake_run_code,
        plugins=plugins if plugins is not None else builtin_plugins(),
        tutor=tutor,
        **kw,
    )


def make_student(ctx, name: str = "sam", grade: int = 6) -> int:
    from tutor.accounts import create_user

    with ctx.session() as s:
        user = create_user(session=s, username=name, role="student", display_name=name.title(),
                           password="correct horse battery", grade_level=grade)
        user_id = user.id
    return user_id


def pot(answer: str) -> str:
    """A program-of-thought reply the fake model gives."""
    return f"```python\nresult = {answer}\nprint(result)\n```"


def test_fake_run_code_reports_the_answer_variable():
    run = fake_run_code("result = 6 * 7")
    assert run.ok is True and run.result == 42
