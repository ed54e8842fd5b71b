"""Student pages in AppTest: Today's plan, the tutor chat (scripted fake model), and practice."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from sqlmodel import select

from tests.test_agents_support import make_context, pot
from tests.support import crashes
from tests.test_webapp import log_in, open_page, texts
from tests.test_reports_data import seed_school
from tutor.llm.fake import FakeChatModel
from tutor.models import Attempt


@pytest.fixture
def school(ctx):
    return seed_school(ctx)


@pytest.fixture
def fake_llm(monkeypatch, settings):
    """The app's tutor chat over a scripted fake model (no weights needed)."""
    import webapp.common
    from agents.service import TutorChat

    llm = FakeChatModel()

    def make_chat(app_ctx):
        return TutorChat(app_ctx, agent_context=make_context(app_ctx.settings, llm, tutor=app_ctx,
                                                             plugins=app_ctx.plugins),
                         checkpointer=InMemorySaver())

    monkeypatch.setattr(webapp.common, "make_chat", make_chat)
    return llm


def test_today_without_plan_offers_to_plan_one(school, fake_llm):
    at = log_in("chloe")
    assert "No lesson planned for today yet." in texts(at)
    fake_llm.enqueue(*["Hi Chloe! Let's warm up with a few problems."] * 3)
    at.button[0].click().run()
    assert not at.error
    shown = texts(at)
    assert "0 of" in str([p.proto.text for p in at.get("progress")])
    assert "No lesson planned" not in shown
    at.button(key="next_step").click().run()
    assert "from today's lesson" in texts(at)
    at.text_input(key="answer_text").input(at.session_state["practice"].problem.answer_text)
    at.button(key="check").click().run()
    assert "Right!" in texts(at)
    at.switch_page("webapp/routes/today.py").run()
    assert "1 of" in str([p.proto.text for p in at.get("progress")])


def test_a_lesson_step_of_another_student_is_refused(ctx, school):
    from tests.test_reports_data import user
    from tutor.errors import PermissionDenied
    from tutor import learner
    from tutor.models import LessonItem, LessonPlan

    with ctx.session() as s:
        plan = LessonPlan(student_id=school["ben"])
        s.add(plan)
        s.flush()
        item = LessonItem(plan_id=plan.id, position=0, kind="practice", skill_id="fractions.add", title="x")
        s.add(item)
        s.flush()
        with pytest.raises(PermissionDenied):
            learner.lesson_item_problem(session=s, plugins=ctx.plugins, student_id=user(s, "ava").id, item_id=item.id)


def test_learn_shows_a_verified_reply_with_its_mark(school, fake_llm):
    fake_llm.enqueue("Ben has 3 + 4 = 8 apples. The answer is 8.", "Ben has 3 + 4 = 7 apples. The answer is 7.",
                     pot("3 + 4"), pot("3 + 4"))
    at = open_page(log_in("ava"), "learn")
    assert "Learn with the tutor" in texts(at)
    at.chat_input[0].set_value("Ben has 3 apples and gets 4 more. How many now?").run(timeout=120)
    assert not at.error
    shown = texts(at)
    assert "3 + 4 = 7" in shown and "3 + 4 = 8" not in shown
    assert "checked by the verifier" in shown
    assert at.session_state["thread_id"]


def test_learn_hint_button_climbs_the_ladder(school, fake_llm):
    at = open_page(log_in("ava"), "learn")
    at.button(key="new_problem").click().run(timeout=120)
    assert "Here's a problem for you" in texts(at)
    at.button(key="hint").click().run(timeout=120)
    assert not at.error
    assert "I'm stuck, can I have a hint?" in texts(at)
    log = at.session_state["chat_log"]
    assert log[-2]["text"] == "I'm stuck, can I have a hint?" and log[-1]["role"] == "assistant"


def test_practice_grades_records_and_shows_the_solution(ctx, school):
    def verdicts():
        with ctx.session() as s:
            return [a.verdict for a in s.exec(select(Attempt).where(Attempt.student_id == school["chloe"])
                                             .order_by(Attempt.id))]

    before = verdicts()
    at = open_page(log_in("chloe"), "practice")
    assert "press **New problem**" in texts(at)
    at.selectbox(key="practice_skill").set_value("arith.add_sub").run()
    at.button(key="new").click().run()
    problem = at.session_state["practice"].problem
    at.button(key="practice_hint").click().run()
    assert len(at.info) >= 1
    at.text_input(key="answer_text").input("999999")
    at.button(key="check").click().run()
    assert "Not quite" in texts(at)
    at.text_input(key="answer_text").input(problem.answer_text)
    at.button(key="check").click().run()
    assert not at.error
    shown = texts(at)
    assert "Right!" in shown and "**Answer:**" in shown
    assert verdicts()[len(before):] == ["incorrect", "correct"]


def test_practice_unreadable_answer_is_not_marked(school):
    at = open_page(log_in("chloe"), "practice")
    at.selectbox(key="practice_skill").set_value("arith.add_sub").run()
    at.button(key="new").click().run()
    at.text_input(key="answer_text").input("banana")
    at.button(key="check").click().run()
    assert "couldn't read that answer" in texts(at)
    assert not at.success and not at.error


def test_whats_due_picks_the_overdue_review(ctx, school):
    from datetime import timedelta

    from tutor import repo
    from tutor.models import MasteryState, Skill, utcnow

    # The seeded overdue review (fractions.add) belongs to a test skill no plugin can pose
    # problems for, so give ava one on a plugin skill that nothing else would choose.
    now = utcnow()
    with ctx.session() as s:
        repo.upsert_skills(session=s, skills=[Skill(id="frac.add_sub", title="Add and subtract fractions",
                                                    subject="fractions", plugin="fractions")])
        repo.save_mastery(session=s, state=MasteryState(
            student_id=school["ava"], skill_id="frac.add_sub", p_mastery=0.97, n_attempts=9, n_correct=9,
            mastered_at=now - timedelta(days=10), due_at=now - timedelta(hours=2)))
    at = open_page(log_in("ava"), "practice")
    picker = at.selectbox(key="practice_skill")
    assert picker.options[picker.index] == "What's due for me"
    at.button(key="new").click().run()
    assert not at.error
    assert "**Add and subtract fractions**" in [m.value for m in at.markdown]  # the skill above the problem


def test_learn_shows_the_earlier_conversation_after_login(school):
    at = open_page(log_in("ava"), "learn")
    assert [m.avatar for m in at.chat_message] == ["user", "assistant"]
    assert "5/6" in texts(at)


def test_learn_grades_an_inline_answer_to_a_served_problem(school, fake_llm):
    at = open_page(log_in("chloe"), "learn")
    at.button(key="new_problem").click().run(timeout=120)
    problem = at.session_state["chat_problem"]
    at.chat_input[0].set_value(problem.answer_text).run(timeout=120)
    assert not at.error
    assert at.session_state["chat_log"][-1]["status"] == "graded"
    assert "graded" in texts(at)


def test_model_failure_is_a_message_not_a_traceback(school, fake_llm):
    from tutor.errors import ModelError

    fake_llm.enqueue(*[ModelError("The model file is missing; run `tutor model install`.")] * 6)
    at = open_page(log_in("ava"), "learn")
    at.chat_input[0].set_value("What is 3 + 4?").run(timeout=120)
    assert not crashes(at)
    assert [e.value for e in at.error] == ["The model file is missing; run `tutor model install`."]


def _corpus_answers() -> list[str]:
    """Every student-side input the fuzz ever caught (tests/data/fuzz_corpus.jsonl), as typed answers."""
    import json
    from pathlib import Path

    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "fuzz_corpus.jsonl").read_text().splitlines()
            if line.strip()]
    return sorted({str(r["input"][0]) for r in rows if r.get("target") == "compare_answers"})


def _cpu_and_rss() -> tuple[float, float]:
    import resource
    import time
    from pathlib import Path

    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
               if line.startswith("VmRSS:"))
    return time.process_time() + kids.ru_utime + kids.ru_stime, rss / 1024


def _answer_in_practice(at, text: str) -> tuple[float, float]:
    at.text_input(key="answer_text").input(text)
    cpu0, rss0 = _cpu_and_rss()
    at.button(key="check").click().run(timeout=60)
    cpu1, rss1 = _cpu_and_rss()
    return cpu1 - cpu0, rss1 - rss0


@pytest.mark.parametrize("hostile", _corpus_answers())
def test_a_hostile_answer_in_practice_gets_a_bounded_verdict_and_the_page_answers(school, hostile):
    """Issue 17: a typed answer like ((1558621700)!)! took 32 s of CPU and 11.6 GB in the app's one process."""
    at = open_page(log_in("chloe"), "practice")
    at.selectbox(key="practice_skill").set_value("arith.add_sub").run()
    at.button(key="new").click().run()
    baseline_cpu, _ = _answer_in_practice(at, "12345")
    cpu, grown_mb = _answer_in_practice(at, hostile)
    assert not crashes(at)
    shown = texts(at)
    assert "Not quite" in shown or "couldn't read that answer" in shown  # a verdict, never "Right!"
    assert cpu < baseline_cpu + 2.0 and grown_mb < 200


@pytest.mark.parametrize("hostile", _corpus_answers())
def test_a_hostile_answer_in_the_chat_gets_a_bounded_verdict_and_the_page_answers(school, fake_llm, hostile):
    at = open_page(log_in("ava"), "learn")
    at.button(key="new_problem").click().run(timeout=120)
    # No rule reads it as an answer, so the model labels it and drafts a reply that repeats it; every
    # check of that draft (claims, the final answer against the re-solve's programs) must stay bounded.
    draft = f"We can write it as {hostile}, so the answer is {hostile}."
    fake_llm.enqueue("math", draft, *[pot("1")] * 4, draft, draft, draft)
    cpu0, rss0 = _cpu_and_rss()
    at.chat_input[0].set_value(hostile).run(timeout=120)
    cpu1, rss1 = _cpu_and_rss()
    assert not crashes(at)
    log = at.session_state["chat_log"]
    assert log[-2]["text"] == hostile and log[-1]["role"] == "assistant" and log[-1]["text"]
    assert log[-1].get("status") != "verified"
    assert cpu1 - cpu0 < 4.0 and rss1 - rss0 < 200


def test_learn_shows_the_answer_sympy_worked_out_and_checks_the_reply_against_it(school, fake_llm):
    fake_llm.enqueue("1/3 = 4/12 and 1/4 = 3/12, so 4/12 + 3/12 = 7/12. The answer is 7/12.")
    at = open_page(log_in("ava"), "learn")
    at.chat_input[0].set_value("What is 1/3 + 1/4?").run(timeout=120)
    assert not crashes(at) and not at.error
    shown = texts(at) + " ".join(c.value for c in at.caption)
    assert "checked by the verifier" in shown
    assert "Answer checked against SymPy's exact working: 7/12" in shown
    assert at.session_state["chat_log"][-1]["reference"] == {"answer": "7/12", "source": "sympy"}


def test_a_formula_is_typeset_only_when_it_says_something_the_statement_does_not_show_as_math():
    from types import SimpleNamespace as P

    from webapp.student import formula_helps

    assert formula_helps(P(statement="What is 25 + 7?", latex="25 + 7"))
    assert formula_helps(P(statement="Solve for x.", latex=r"3x + 2 = 8x - 13"))
    assert not formula_helps(P(statement="Look at the clock. What time is it?", latex=r"\text{?}"))
    assert not formula_helps(P(statement="Plot A.", latex=r"(x,\ y) = ?"))
    assert not formula_helps(P(statement="Round 45 to the nearest ten.", latex="Round 45 to the nearest ten."))
    assert not formula_helps(P(statement="把45四舍五入到十位。", latex="把45四舍五入到十位"))
    assert formula_helps(P(statement="Convert.", latex=r"3\,\mathrm{min} = ?\,\mathrm{s}"))


def test_learn_shows_the_picture_of_a_served_problem(school, fake_llm, monkeypatch):
    """A problem with a figure, served in the chat, shows its SVG under the text (sanitised, with alt text)."""
    from tutor import learner
    from tutor.plugins import PluginManager

    clock_problem = PluginManager.load(third_party=False).generate("md.time_five", 2, 1, language="en")
    monkeypatch.setattr(learner, "next_problem", lambda **kw: clock_problem)
    at = open_page(log_in("chloe"), "learn")
    at.button(key="new_problem").click().run(timeout=120)
    assert at.session_state["chat_log"][-1]["figure"]["kind"] == "clock"
    shown = [m.value for m in at.markdown if 'class="tutor-figure"' in m.value]
    assert len(shown) == 1 and 'data-kind="clock"' in shown[0] and "<svg" in shown[0]
    assert f'aria-label="{clock_problem.figure.alt}"' in shown[0]


def test_the_learn_page_primes_the_models_prompts_once_after_loading_it(school, fake_llm, monkeypatch):
    """Issue 14, item 3: the fixed prompts are decoded while the student reads the page (``TutorChat.prime``, in a
    thread), once, not in the first question's wait and not again on every rerun."""
    import threading

    from agents.service import TutorChat

    primed: list[str] = []
    started = threading.Event()

    def prime(self, language=None):
        primed.append(threading.current_thread().name)
        started.set()
        return True

    monkeypatch.setattr(TutorChat, "prime", prime)
    at = open_page(log_in("ava"), "learn")
    assert started.wait(10)
    at.run()  # a rerun of the page: no second priming
    assert not at.error and primed == ["tutor-prime"]
