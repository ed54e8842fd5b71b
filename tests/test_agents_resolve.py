"""Independent re-solve: majority vote, and verify-steps --resolve never lets a disagreement read as correct."""

from __future__ import annotations

import io
import json

import pytest

from agents.resolve import (
    EXAMPLE_QUESTION,
    FAMILY_EXAMPLES,
    POT_FACTS_SYSTEM,
    POT_SYSTEM,
    PROMPT_FAMILIES,
    Resolution,
    extract_code,
    fixable,
    judge,
    majority,
    normalise_number,
    program_answer,
    program_request,
    resolve,
)
from agents.solution_check import apply_resolution, make_resolver
from tests.test_agents_support import fake_run_code, pot
from tutor.cli.verify import verify_lines
from tutor.llm.fake import FakeChatModel
from tutor.sandbox import run_code
from tutor.verify import SolutionCheck, Status, compare_answers

RECORD = {"id": "c1", "question": "Sam has 5 pens and buys 3 more. How many pens?",
          "steps": ["5 * 3 = 15"], "final_answer": "15"}


def test_majority_needs_a_quorum_and_no_tie():
    assert majority(["8", "8", "15"], 2) == ("8", {"8": 2, "15": 1})
    assert majority(["8", "15", None], 2)[0] is None
    assert majority([None, None], 1) == (None, {})


def test_numbers_are_normalised_for_voting():
    assert [normalise_number(v) for v in ("8.0", "8", "2/4", "$1,200", "x")] == ["8", "8", "0.5", "1200", None]


def test_code_is_taken_from_the_fenced_block():
    assert extract_code("Here:\n```python\nresult = 1\n```\nDone") == "result = 1"


@pytest.mark.parametrize(
    ("votes", "expected"),
    [
        ({"15": 2}, "verified"),
        ({"15": 3, "8": 1}, "verified"),
        ({"15": 2, "8": 1}, "undetermined"),  # a 2-1 split is not agreement enough
        ({"15.0": 3}, "verified"),
        ({"15": 1}, "undetermined"),  # one program is not agreement
        ({"15": 2, "8": 2}, "undetermined"),  # a tie confirms nothing
        ({"15": 1, "8": 1}, "undetermined"),
        ({"8": 4}, "refuted"),  # none got 15, all four agree on 8
        ({"8": 5, "9": 1}, "refuted"),
        ({"8": 3}, "disputed"),  # three of three is not yet all four
        ({"8": 3, "9": 1}, "disputed"),
        ({"8": 2}, "disputed"),  # outvoted, but two programs are not proof
        ({"8": 3, "15": 1}, "disputed"),  # one program agreeing keeps it from being called wrong
        ({}, "undetermined"),
    ],
)
def test_judge_verifies_on_agreement_and_refutes_only_on_strong_disagreement(votes, expected):
    assert judge("15", votes, compare_answers).status == expected


def test_judge_without_a_candidate_is_undetermined():
    assert judge(None, {"8": 4}, compare_answers).status == "undetermined"


def test_resolve_settles_a_solution_the_steps_could_not_fault():
    steps_ok = SolutionCheck(Status.verified, None, [], "All steps check out.")
    refuted = apply_resolution(RECORD, steps_ok, Resolution("8", {"8": 4}), compare_answers)
    assert refuted.status is Status.refuted and refuted.first_error_step == 1
    assert "8" in refuted.explanation
    disputed = apply_resolution(RECORD, steps_ok, Resolution("8", {"8": 2}), compare_answers)
    assert disputed.status is Status.undetermined and disputed.first_error_step is None
    agreed = apply_resolution(RECORD | {"final_answer": "8"}, steps_ok, Resolution("8", {"8": 2}), compare_answers)
    assert agreed.status is Status.verified
    no_majority = apply_resolution(RECORD, steps_ok, Resolution(None, {"8": 1, "15": 1}), compare_answers)
    assert no_majority.status is Status.undetermined
    caught = SolutionCheck(Status.refuted, 1, [], "5 * 3 is wrong.")
    assert apply_resolution(RECORD, caught, Resolution("15", {"15": 4}), compare_answers) is caught


def test_verify_steps_with_resolver_uses_the_model_and_sandbox():
    llm = FakeChatModel(pot("5 + 3"), pot("5 + 3"), pot("5 + 3"), pot("5 + 3"))
    resolver = make_resolver(llm, fake_run_code, compare_answers, samples=4)
    out = io.StringIO()
    verify_lines([json.dumps(RECORD)], out, resolver)
    verdict = json.loads(out.getvalue())
    assert verdict["verdict"] == "wrong" and verdict["first_error_step"] == 1
    assert len(llm.history) == 4 and llm.pending == 0


def test_verify_steps_resolver_stops_once_two_programs_confirm_the_answer():
    llm = FakeChatModel(pot("5 * 3"), pot("15"))
    resolver = make_resolver(llm, fake_run_code, compare_answers, samples=4)
    out = io.StringIO()
    verify_lines([json.dumps(RECORD)], out, resolver)
    assert json.loads(out.getvalue())["verdict"] == "correct"
    assert len(llm.history) == 2


def test_split_programs_leave_the_solution_undetermined_not_wrong():
    llm = FakeChatModel(pot("5 + 3"), pot("5 + 3"), pot("5 + 3"), pot("5 * 3"))
    resolver = make_resolver(llm, fake_run_code, compare_answers, samples=4)
    out = io.StringIO()
    verify_lines([json.dumps(RECORD)], out, resolver)
    assert json.loads(out.getvalue())["verdict"] == "undetermined"  # 3-1 against: outvoted, not proven wrong
    assert len(llm.history) == 4


@pytest.mark.asyncio
async def test_prompt_families_alternate_and_each_starts_greedy():
    llm = FakeChatModel(pot("1"), pot("2"), pot("1"), pot("1"))
    res = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="1", compare=compare_answers)
    systems = [call.messages[0].content for call in llm.history]
    assert systems == [POT_SYSTEM, POT_FACTS_SYSTEM, POT_SYSTEM, POT_FACTS_SYSTEM]
    assert [call.params.temperature for call in llm.history] == [0.0, 0.0, 0.7, 0.7]
    assert [s["family"] for s in res.samples] == ["plain", "facts", "plain", "facts"]
    assert res.answer == "1" and res.votes == {"1": 3, "2": 1}
    assert judge("1", res.votes, compare_answers).status == "verified"


@pytest.mark.asyncio
async def test_programs_stop_at_their_closing_fence():
    """Do less: prose after the program is never generated."""
    from agents.resolve import PROGRAM_END, resolve
    from tests.test_agents_support import fake_run_code, pot
    from tutor.llm.fake import FakeChatModel

    llm = FakeChatModel(pot("3 + 4"), pot("3 + 4"))
    await resolve("Ben has 3 apples and gets 4 more. How many?", llm=llm, run_code=fake_run_code, samples=2)
    assert all(PROGRAM_END in call.params.stop for call in llm.history)


@pytest.mark.asyncio
async def test_a_repaired_answer_is_judged_by_more_programs_when_they_can_settle_it():
    """The first draft's 15 stopped the programs at 8, 8, 15 (more could not verify or refute 15). A repair
    that answers 8 can still be settled: the next program is written, and 3-1 verifies it."""
    llm = FakeChatModel(pot("5 + 3"))
    res = await resolve("Mia has 5 pens and buys 3 more. How many pens?", llm=llm, run_code=fake_run_code,
                        samples=4, candidate="8", compare=compare_answers, prior=["8", "8", "15"])
    assert len(llm.history) == 1
    assert llm.history[0].messages[0].content == POT_FACTS_SYSTEM  # sample 4 of the alternation, not sample 1
    assert llm.history[0].params.temperature == 0.7 and llm.history[0].params.seed == 3
    assert res.answers == ["8", "8", "15", "8"] and res.votes == {"8": 3, "15": 1}
    assert judge("8", res.votes, compare_answers).status == "verified"


@pytest.mark.asyncio
async def test_programs_already_run_are_not_run_again():
    """A repaired answer the earlier programs already settle (or that no further program could) costs nothing."""
    llm = FakeChatModel()
    settled = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="8",
                            compare=compare_answers, prior=["8", "8"])
    hopeless = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="15",
                             compare=compare_answers, prior=["8", "8", "15"])
    assert llm.history == []
    assert settled.votes == {"8": 2} and hopeless.votes == {"8": 2, "15": 1}


@pytest.mark.parametrize(("candidate", "votes", "against", "expected"), [
    ("36", {"36": 4, "24": 2}, None, "verified"),  # 4-2 alone verifies
    ("36", {"36": 4, "24": 2}, "24", "undetermined"),  # a repair's 36 against the first draft's 24 as well: 4-3
    ("36", {"36": 4, "24": 1}, "24", "verified"),  # 4-2 with the first draft counted
    ("36", {"36": 2}, "24", "undetermined"),  # two programs against the first draft: 2-1 is not two ahead
    ("24", {"24": 2}, "24", "verified"),  # the first draft's own answer: never counted for it
    ("36", {"24": 3}, "24", "disputed"),  # and never towards a refutation (four programs refute, not 3 + 1)
])
def test_the_first_drafts_answer_weighs_against_a_repair_never_for_anything(candidate, votes, against, expected):
    assert judge(candidate, votes, compare_answers, against).status == expected


@pytest.mark.parametrize(("question", "answer", "expected"), [
    ("How many hours faster is the bigger sail than the smaller one?", "-6", False),  # subtracted backwards
    ("How much more money does she need to buy the pen?", "-20", False),
    ("How many dollars more did Akeno spend than the other 2 people combined?", "1172", True),
    ("小明比小红多多少本书？", "-3", False),
    ("What is 5 - 8?", "-3", True),  # not a how-many question: any number may answer it
    ("The temperature was 4 degrees and fell 10 degrees. How much is it now?", "-6", True),  # can go below zero
    ("How many feet below sea level is the diver?", "-30", True),
    ("How many apples are left?", None, False),  # a failed program is no answer either
    ("How many apples are left?", "0", True),
])
def test_a_negative_answer_to_a_how_many_question_is_no_answer(question, answer, expected):
    from agents.resolve import fits

    assert fits(question, answer) is expected


@pytest.mark.asyncio
async def test_a_program_that_subtracts_the_wrong_way_round_is_no_vote():
    """gsm8k-train-3593 in the calibration: two of six programs got -20 for "how much more does she need".
    They are not votes against the right 20, and they are logged as no answer."""
    llm = FakeChatModel(pot("10 - 30"), pot("30 - 10"), pot("30 - 10"), pot("10 - 30"))
    res = await resolve("The pen costs $30 and Kate has $10. How much more money does she need?", llm=llm,
                        run_code=fake_run_code, samples=4, candidate="20", compare=compare_answers)
    assert res.answers[:3] == [None, "20", "20"] and res.votes == {"20": 2}
    assert "cannot answer a how-many question" in res.samples[0]["error"]
    assert judge("20", res.votes, compare_answers).status == "verified"


@pytest.mark.parametrize(("draft", "program", "agree"), [
    ("3.14159", "3.141593", True),  # the program's π, rounded to six places by normalise_number
    ("3.14", "3.141593", True),
    ("3.1416", "3.141593", True),
    ("3.15", "3.141593", False),
    ("3.14", "3.14", True),
    ("3.1", "3.14", False),  # neither is a six-place rounding: compared as written
    ("28.27", "28.274334", True),
    ("0.3", "0.333333", False),  # one place is too coarse to call a rounding
])
def test_a_decimal_agrees_with_a_programs_six_place_rounding_of_it(draft, program, agree):
    """ej052 in the held-out everyday set: "The answer is 3.14159" was disputed by four programs' 3.141593 and
    repaired twice."""
    from agents.resolve import _agree

    assert _agree(compare_answers, draft, program) is agree
    assert judge(draft, {program: 2}, compare_answers).status == ("verified" if agree else "disputed")


LAST_LINE_ONLY = "```python\nresult = carlos_cards + matias_cards + jorge_cards\nprint(result)\n```"
"""The plain family's greedy program for gsm8k-train-2751 in tutor_eval run 6: only its last line, so it stops
with a NameError and is no vote."""
CARDS = "Jorge has as many cards as Matias, who has 6 fewer than Carlos. Carlos has 20. How many do the three have?"


class _Batched(FakeChatModel):
    decodes_batches = True


@pytest.mark.asyncio
@pytest.mark.parametrize("llm_class", [FakeChatModel, _Batched])
async def test_a_program_that_stops_with_an_error_is_shown_it_and_written_again(llm_class):
    """Tool-integrated reasoning: the failed program's writer reads the sandbox's error, and the same family's
    next sample is the whole program again (in the same budget), not a fresh one that may fail the same way."""
    fixed = "```python\ncarlos = 20\nmatias = carlos - 6\nresult = carlos + matias + matias\n```"
    llm = llm_class(LAST_LINE_ONLY, pot("20 + 14 + 14"), fixed, pot("99"))  # a batch writes 99 too, unread
    res = await resolve(CARDS, llm=llm, run_code=fake_run_code, samples=4, candidate="48", compare=compare_answers)
    assert res.answers == [None, "48", "48"] and judge("48", res.votes, compare_answers).status == "verified"
    fix = llm.history[2]
    assert fix.messages[0].content == POT_SYSTEM  # the failed program's family and conversation
    assert fix.messages[:-2] == llm.history[0].messages  # the first request's whole conversation, then:
    assert fix.messages[-2].role == "assistant" and fix.messages[-2].content == LAST_LINE_ONLY
    assert "NameError: name 'carlos_cards' is not defined" in fix.messages[-1].content
    assert fix.params.temperature == 0.0  # the greedy program is fixed greedily: the same fix every time
    assert [s.get("fixes") for s in res.samples] == [None, None, 1]  # logged as program 1's fix


@pytest.mark.asyncio
async def test_a_fix_that_fails_again_is_not_fixed_again():
    """A question keeps fresh samples: a fix that stops with an error is no vote, and the slot after it is a new
    program from the family's prompt."""
    llm = FakeChatModel(LAST_LINE_ONLY, pot("1"), LAST_LINE_ONLY, pot("1"))
    res = await resolve(CARDS, llm=llm, run_code=fake_run_code, samples=4, candidate="1", compare=compare_answers)
    asked = len(llm.history[0].messages)
    assert [len(call.messages) for call in llm.history] == [asked, asked, asked + 2, asked]  # 3 fixes 1, 4 is new
    assert res.answers == [None, "1", None, "1"] and res.failed == {}


@pytest.mark.parametrize(("error", "expected"), [
    ("error: NameError: name 'x' is not defined", True),
    ("error: SyntaxError: invalid syntax (<string>, line 2)", True),
    ("timeout: the program ran longer than 10 s", False),  # the same idea rewritten meets the same limit
    ("memory: the program used more than 256 MB", False),
    ("forbidden: import os", False),
    (None, False),
    ("", False),
])
def test_only_a_programs_own_python_error_is_shown_to_it(error, expected):
    assert fixable(error) is expected


@pytest.mark.asyncio
async def test_a_failure_whose_fix_has_not_run_is_fixed_by_the_next_call():
    """A first call's budget ran out with both programs failed; a repaired answer's call (``prior``) writes
    their fixes first, each in its family's next slot."""
    first = await resolve(CARDS, llm=FakeChatModel(LAST_LINE_ONLY, LAST_LINE_ONLY), run_code=fake_run_code,
                          samples=2, quorum=1)
    assert first.answers == [None, None] and set(first.failed) == {0, 1}
    kept = {str(i): v for i, v in first.failed.items()}  # as the tutor's reference keeps them (JSON keys)
    llm = FakeChatModel(pot("48"), pot("48"))
    again = await resolve(CARDS, llm=llm, run_code=fake_run_code, samples=4, candidate="48",
                          compare=compare_answers, prior=first.answers, failed=kept)
    assert [call.messages[-2].content for call in llm.history] == [LAST_LINE_ONLY, LAST_LINE_ONLY]
    assert [call.messages[0].content for call in llm.history] == [POT_SYSTEM, POT_FACTS_SYSTEM]
    assert again.answers == [None, None, "48", "48"] and again.failed == {}
    assert judge("48", again.votes, compare_answers).status == "verified"


@pytest.mark.parametrize(("printed", "answer"), [
    ("[2, 5]", "{2, 5}"),  # sympy's roots, printed whole: not the last one
    ("(5, 2)", "{2, 5}"),
    ("{0.5, -3}", "{-3, 0.5}"),
    ("[7]", None),  # one number: read as that number, as before
    ("[2, 2]", "2"),
    ("{x: 4, y: 3}", None),  # not a collection of numbers
    ("12", None),
])
def test_several_numbers_printed_as_one_collection_are_a_set(printed, answer):
    from agents.resolve import collection_answer

    assert collection_answer(printed) == answer


def test_a_set_of_roots_is_no_answer_to_a_how_many_question():
    from agents.resolve import fits

    assert not fits("How many apples does she have left?", "{-3, 5}")
    assert fits("Solve x(x - 5) = 2(x - 5).", "{2, 5}")


def test_one_number_is_no_answer_to_a_question_asking_for_several():
    from agents.resolve import fits

    # held-out Chinese set 4: four programs printed the lcm alone, and "80" was marked verified
    assert not fits("16和40的最大公因数跟最小公倍数分别是几？", "80")
    assert not fits("Find the GCF and the LCM of 16 and 40 respectively.", "80")
    assert fits("16和40的最小公倍数是几？", "80")
    assert fits("16和40的最大公因数跟最小公倍数分别是多少？", "{8, 80}")


@pytest.mark.parametrize(("printed", "answer"), [
    ("2*x**2 + 5*x - 12", None),  # an expression: not the number 12 (held-out Chinese set 5)
    ("x <= -11", None),
    ("x = 4", "4"),
    ("Total: 42", "42"),
    ("[2, 5]", "{2, 5}"),
])
def test_a_printed_expression_is_no_vote_and_a_printed_number_is(printed, answer):
    from types import SimpleNamespace

    from agents.resolve import program_answer

    assert program_answer(SimpleNamespace(ok=True, result=None, stdout=printed + "\n")) == answer


@pytest.mark.parametrize("family", [name for name, _ in PROMPT_FAMILIES])
def test_each_familys_worked_example_is_a_right_program(family, settings):
    """The example shown before every question is copied in shape by a small model, so it must itself be right:
    run in the sandbox as the tutor runs programs, it answers the example's question (15 stickers, 4 times as
    many is 60, 20% of 60 given away leaves 48)."""
    code = extract_code(FAMILY_EXAMPLES[family])
    assert program_answer(run_code(code, settings=settings)) == "48"


def test_a_program_request_shows_the_worked_example_then_asks_the_question():
    """Instructions, the example asked and answered as a conversation, then the real question last: everything
    before it is the same for every question, so a model that keeps its prompts decodes it once."""
    for i, (family, system) in enumerate(PROMPT_FAMILIES):
        messages, params = program_request(CARDS, i)
        assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
        assert messages[0]["content"] == system
        assert EXAMPLE_QUESTION in messages[1]["content"] and messages[2]["content"] == FAMILY_EXAMPLES[family]
        assert CARDS.strip() in messages[3]["content"] and EXAMPLE_QUESTION not in messages[3]["content"]
        other, _ = program_request("What is 2 + 3?", i)
        assert other[:3] == messages[:3]
    plain, facts = (FAMILY_EXAMPLES[name] for name, _ in PROMPT_FAMILIES)
    assert "#" not in plain and facts.count("\n#") >= 4  # the facts family restates each sentence first
