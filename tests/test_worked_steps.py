"""SymPy's working for the forms with a school method, as lines the verifier checks and a model can follow."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agents import prompts
from agents.tutor import build_graph
from tests.test_agents_support import make_context
from tests.test_agents_tutor import _prompt_text, turn
from tutor.llm.fake import FakeChatModel
from tutor.verify import Status, check_text, solve_question, worked_steps


@pytest.mark.parametrize(("question", "lines"), [
    ("solve x/3 + 2 = x/2 - 1", ["2x + 12 = 3x - 6", "-x = -18", "x = 18"]),  # denominators cleared first
    ("2x+5=11", ["2x = 6", "x = 3"]),
    ("solve 2x² - 5x - 3 = 0", ["(x - 3)(2x + 1) = 0", "x - 3 = 0 or 2x + 1 = 0"]),
    ("solve x^2+2x-4=0", ["b^2 - 4ac = 4 + 16 = 20", "x = (-2 ± √20) / 2"]),  # no rational root: the formula
    ("solve -3x + 4 ≤ 19", ["-3x ≤ 15", "x ≥ -5"]),  # dividing by a negative number turns the sign round
    ("3/4 + 5/6", ["3/4 = 9/12", "5/6 = 10/12", "9/12 + 10/12 = 19/12"]),
    ("how do you do 4 2/3 − 1 5/6?", ["4 2/3 = 14/3", "1 5/6 = 11/6", "14/3 = 28/6", "28/6 - 11/6 = 17/6"]),
    ("2/3 ÷ 8/9", ["2/3 ÷ 8/9 = 2/3 × 9/8", "2/3 × 9/8 = 18/24 = 3/4"]),
    ("lcm of 18, 24 and 30?", ["18 = 2 × 3^2", "24 = 2^3 × 3", "30 = 2 × 3 × 5",
                               "lcm(18, 24, 30) = 2^3 × 3^2 × 5 = 360"]),
    ("36和48的最小公倍数是多少", ["36 = 2^2 × 3^2", "48 = 2^4 × 3", "lcm(36, 48) = 2^4 × 3^2 = 144"]),
    ("gcf of 84 and 126", ["84 = 2^2 × 3 × 7", "126 = 2 × 3^2 × 7", "gcf(84, 126) = 2 × 3 × 7 = 42"]),
    ("median of 8 3 11 6 14 2", ["2, 3, 6, 8, 11, 14", "(6 + 8) / 2 = 7"]),
    ("mean of 4, 8, 9", ["4 + 8 + 9 = 21", "21 / 3 = 7"]),
    ("factor x^2 + 2x - 35", ["-5 × 7 = -35", "-5 + 7 = 2", "x^2 + 2x - 35 = (x - 5)(x + 7)"]),
    ("factor completely 6x^2 - 24", ["6x^2 - 24 = 6(x^2 - 4)", "6x^2 - 24 = 6(x - 2)(x + 2)"]),
    ("展开 (2x−3)(x+4)", ["(2x - 3)(x + 4) = 2x^2 + 8x - 3x - 12", "2x^2 + 8x - 3x - 12 = 2x^2 + 5x - 12"]),
    ("expand (2x − 3)²", ["(2x - 3)(2x - 3) = 4x^2 - 6x - 6x + 9", "4x^2 - 6x - 6x + 9 = 4x^2 - 12x + 9"]),
    ("find the derivative of f(x) = 3x^4 - 5x^2 + 7x", ["d/dx (3x^4) = 12x^3", "d/dx (-5x^2) = -10x", "d/dx (7x) = 7"]),
    ("\\int_0^3 x^2\\,dx", ["F(x) = x^3/3", "F(3) - F(0) = 9 - 0 = 9"]),
    ("当a=−2，b=3时，求代数式a²−2ab+b²的值", ["(-2)^2 - 2(-2)(3) + (3)^2 = 4 + 12 + 9 = 25"]),
    ("what is 15% of 80?", ["15% = 15/100 = 0.15", "0.15 × 80 = 12"]),
    ("2x + y = 11 and x - y = 1", ["(2x + y) + (x - y) = 11 + 1", "3x = 12", "x = 4", "y = 11 - 8 = 3"]),
    ("how many prime numbers are there between 30 and 50", ["31, 37, 41, 43, 47"]),
    ("3/4 + 5/6 = ? simplest form", ["3/4 = 9/12", "5/6 = 10/12", "9/12 + 10/12 = 19/12"]),
    ("simplify 16/20", ["gcf(16, 20) = 4", "16/20 = (4 × 4)/(5 × 4) = 4/5"]),
    ("解方程组 2x+3y=12 3x-2y=5", ["6x + 9y = 36", "6x - 4y = 10", "(6x + 9y) - (6x - 4y) = 36 - 10", "13y = 26",
                                "y = 2", "2x = 12 - 6 = 6", "x = 3"]),
])
def test_the_working_of_a_school_method(question, lines):
    """The lines a student's textbook writes, each worked out by SymPy."""
    assert list(worked_steps(solve_question(question))) == lines


@pytest.mark.parametrize("question", [
    "solve x/3 + 2 = x/2 - 1", "solve 2x² - 5x - 3 = 0", "solve x^2+2x-4=0", "how do you do 4 2/3 − 1 5/6?", "2/3 ÷ 8/9", "3/4 × 2/9", "lcm of 18, 24 and 30?",
    "gcf of 84 and 126", "median of 8 3 11 6 14 2", "mean of 4, 8, 9", "(2x−1)/3 − (x+2)/4 = 1", "x^2 + 1 = 0",
    "解方程：3.5x－1.2x＝6.9", "factor x^2 + 2x - 35", "x^3-6x^2+9x 分解因式", "因式分解：3a²b－12b", "expand (2x − 3)²",
    "expand 2(x+1)(x-1)", "find the derivative of f(x) = 3x^4 - 5x^2 + 7x", "\\int_0^3 x^2\\,dx",
    "evaluate 3x^2 - 2x when x = -1", "what is 12.5% of 40", "12/18 lowest terms", "2x + y = 11 and x - y = 1", "solve 3x + 2y = 16, x - y = 2",
])
def test_no_line_of_the_working_is_refuted_by_the_verifier(question):
    """A model that copies the working must never be called wrong for it: every line the verifier reads in it
    holds (or cannot be decided alone, like the first line of an equation)."""
    steps = worked_steps(solve_question(question))
    assert steps
    checks = check_text("\n".join(steps))
    assert checks and all(c.status is not Status.refuted for c in checks)
    assert any(c.status is Status.verified for c in checks)


@pytest.mark.parametrize("question", ["solve -3x + 4 ≤ 19", "5-2x ≥ 3(x-5)", "solve 2x + 1 > 7", "x/2 - 1 < 3"])
def test_each_line_of_an_inequality_has_the_same_solutions(question):
    """The verifier reads no claim in a line like "-3x ≤ 15", so SymPy checks the lines here: each one has the
    question's solution set (the sign turned round where a negative number divided)."""
    import sympy as sp

    from tutor.verify.recognise.reading import read_math

    solution = solve_question(question)
    steps = worked_steps(solution)
    assert steps
    x = sp.Symbol("x")
    expected = sp.solveset(read_math(solution.expression), x, sp.S.Reals)
    for line in steps:
        assert sp.solveset(read_math(line), x, sp.S.Reals) == expected, line


@pytest.mark.parametrize("question", [
    "what is 18 - 3 × 4 + 6 ÷ 2",  # no school method written here yet: the model's own explanation, checked
    "derivative of x^3",  # one term: nothing to show but the answer
    "solve x^3 - x = 0",  # a cubic
    "integral of cos(x)",
    "sin 30°",
])
def test_forms_without_a_written_method_have_no_working(question):
    solution = solve_question(question)
    assert solution is not None
    assert worked_steps(solution) == ()


def test_no_solution_no_working():
    assert worked_steps(None) == ()


def test_the_prompt_carries_the_working_only_when_there_is_one():
    rule, with_steps = prompts.settled_prompt("en", {"answer": "x = 3", "steps": ["2x = 6", "x = 3"]})
    assert "x = 3" in with_steps and "2x = 6\nx = 3" in with_steps
    assert prompts.settled_prompt("en", {"answer": "x = 3"})[1] == prompts.say("en", prompts.EXACT_ANSWER,
                                                                                answer="x = 3")
    _, chinese = prompts.settled_prompt("zh", {"answer": "144", "steps": ["36 = 2^2 × 3^2"]})
    assert "计算过程" in chinese and "36 = 2^2 × 3^2" in chinese


def test_the_fixed_rule_is_the_same_for_every_settled_question():
    """Only the student's turn changes between settled questions: the system prompt stays decoded."""
    for lang in ("en", "zh"):
        first = prompts.settled_prompt(lang, {"answer": "x = 3", "steps": ["2x = 6", "x = 3"]})
        second = prompts.settled_prompt(lang, {"answer": "360"})
        assert first[0] == second[0] and first[1] != second[1]
        assert "360" not in second[0] and "360" in second[1]


@pytest.mark.asyncio
async def test_the_model_explains_sympys_working(settings):
    """The draft prompt of a settled question holds SymPy's lines; a draft that follows them is verified."""
    llm = FakeChatModel("Take 5 from both sides: 2x = 6. Divide by 2: x = 3. The answer is x = 3.")
    reply = await turn(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm), "Solve 2x + 5 = 11")
    assert reply["status"] == "verified" and reply["tries"] == 1
    prompt = _prompt_text(llm.history[0])
    assert "2x = 6\nx = 3" in prompt and "x = 3" in prompt
    # the working is in the student's turn, last; the system prompt is the fixed rule (decoded once)
    system, *_, student = llm.history[0].messages
    content = lambda m: m["content"] if isinstance(m, dict) else m.content  # noqa: E731
    assert "2x = 6" not in content(system) and content(student).endswith("The answer is x = 3.)")
    # one fixed worked turn shows the model how short an explanation of a working is
    example = llm.history[0].messages[1:3]
    assert [m.role for m in example] == ["user", "assistant"]
    assert content(example[1]).endswith("The answer is x = 5.") and len(content(example[1]).splitlines()) == 3


@pytest.mark.asyncio
async def test_an_explanation_that_never_states_sympys_answer_gives_way_to_it(settings):
    """Held-out Chinese set 5 (with the working in the prompt): a repaired explanation described its instructions
    ("用“答案是”开头，以“x = -2 or x = 7”结束") and stated no answer; it was shown, marked not checked, though
    SymPy had the answer. An explanation of a settled question that does not end with SymPy's answer is replaced
    by the tool's own answer and working, marked checked."""
    vague = ("解释了因式分解法的步骤：将方程分解为两个因式相乘等于零。然后，解出每个因式等于零，得到方程的解。"
             "最后，用“答案是”开头，以“x = -2 or x = 7”结束。")
    llm = FakeChatModel(vague, vague, vague)
    reply = await turn(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm),
                       "用因式分解法解方程 x²−5x−14=0")
    assert reply["reference"]["source"] == "sympy"
    assert vague not in reply["text"]
    assert reply["status"] == "verified" and "SymPy" in reply["text"]
    assert "x = -2" in reply["text"] and "x = 7" in reply["text"]
    # SymPy's working is there to show instead, so no repair is written (issue 14: no repair pass when the tools
    # settled the answer): the student sees SymPy's lines at once
    assert reply["tries"] == 1 and llm.pending == 2
    assert "(x - 7)(x + 2) = 0" in reply["text"]


@pytest.mark.asyncio
async def test_without_a_working_a_settled_question_still_gets_one_repair(settings):
    """Forms with no written method keep the repair: the tool's bare answer is a poorer reply than a repaired
    explanation."""
    llm = FakeChatModel("So sin(30°) = 1. The answer is 1.", "sin(30°) = 1/2. The answer is 1/2.")
    reply = await turn(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm), "what is sin 30°")
    assert reply["reference"]["source"] == "sympy" and reply["tries"] == 2
    assert reply["status"] == "verified" and "1/2" in reply["text"] and "SymPy" not in reply["text"]


@pytest.mark.parametrize("question", [
    "2x + y = 11 and x - y = 1", "解方程组 2x+3y=12 3x-2y=5", "solve 3x + 2y = 16, x - y = 2",
    "solve x + y = 10 and x - y = 2", "solve 2a + 3b = 7, 3a - 2b = 4", "solve 2x - y = -3, x + y = 6",
])
def test_each_line_of_a_system_holds_at_its_solution(question):
    """The verifier cannot decide "13y = 26" alone, so SymPy checks here that every line of the elimination
    holds at the system's solution, and that the lines end with both unknowns' values."""
    import sympy as sp

    from tutor.verify.recognise.reading import read_math

    solution = solve_question(question)
    steps = worked_steps(solution)
    assert len(steps) >= 3
    names = sorted(set().union(*(read_math(p).free_symbols for p in solution.expression.split(","))), key=str)
    values = dict(zip(names, solution.answer))
    for line in steps:
        sides = [read_math(side) for side in line.split(" = ")]
        assert len({sp.simplify(side.subs(values)) for side in sides}) == 1, line
    for name, value in values.items():  # each unknown's value is stated: "x = 4", "y = 11 - 8 = 3"
        assert any(line.startswith(f"{name} = ") and read_math(line.split(" = ")[-1]) == value for line in steps)


@pytest.mark.asyncio
async def test_without_a_working_an_explanation_that_never_states_the_answer_is_repaired_then_replaced(settings):
    vague = "Sine is the opposite side over the hypotenuse, and 30° is a special angle."
    llm = FakeChatModel(vague, vague, vague)
    reply = await turn(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm), "what is sin 30°")
    assert reply["tries"] == 2 and vague not in reply["text"]
    assert reply["status"] == "verified" and "SymPy" in reply["text"] and "1/2" in reply["text"]


@pytest.mark.asyncio
async def test_an_explanation_that_copies_the_notes_labels_gives_way_to_sympys_working(settings):
    """Held-out Chinese set 7 (session 19): a reply copied the note of SymPy's answer to the student, labels and
    all ("计算过程： 7.2 ÷ 0.24 = 30 最后写：答案是30。"). A reply that repeats a note's label is an echo: SymPy's own
    working is shown instead."""
    echo = "计算过程：\n2x = 6\nx = 3\n最后写：答案是x = 3。"
    llm = FakeChatModel(echo, echo)
    reply = await turn(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm), "解方程 2x + 5 = 11")
    assert reply["status"] == "verified" and "最后写" not in reply["text"] and "SymPy" in reply["text"]
    plain = "两边同时减去 5：2x = 6\n两边同时除以 2：x = 3\n答案是 x = 3。"
    reply = await turn(build_graph(checkpointer=InMemorySaver()), make_context(settings, FakeChatModel(plain)),
                       "解方程 2x + 5 = 11")
    assert reply["status"] == "verified" and reply["text"] == plain
