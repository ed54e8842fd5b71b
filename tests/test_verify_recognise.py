"""The recogniser: typed questions answered by SymPy through the safe parser, or None."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from tutor.verify import Solution, Status, compare_answers, safe_parse, solve_question

# (question, kind, a right answer as a student types it, answer_text)
FORMS = [
    # evaluate, fractions, percents
    ("What is 1/3 + 1/4?", "fraction", "7/12", "7/12"),
    ("what's 1/2 + 1/3", "fraction", "5/6", "5/6"),
    (r"\frac{1}{3} + \frac{1}{4}", "fraction", "7/12", "7/12"),
    ("Calculate 3/4 - 1/8 please", "fraction", "5/8", "5/8"),
    ("what is 2/3 of 12", "fraction", "8", "8"),
    ("17 times 23", "evaluate", "391", "391"),
    ("What is 17 x 23?", "evaluate", "391", "391"),
    ("whats 144 divided by 12", "evaluate", "12", "12"),
    ("What is 1/2 divided by 1/4?", "fraction", "2", "2"),
    ("what's 2 1/2 + 1 1/4", "fraction", "15/4", "15/4"),
    ("5 squared plus 3", "evaluate", "28", "28"),
    ("what is the square root of 144", "evaluate", "12", "12"),
    ("Evaluate 2^10", "evaluate", "1024", "1024"),
    ("12 + 7 × 3 = ?", "evaluate", "33", "33"),
    ("what's 15% of 80", "percent", "12", "12"),
    ("What is 20 percent of $40?", "percent", "8", "8"),
    ("find 12.5% of 64", "percent", "8", "8"),
    ("what percent of 80 is 12?", "percent", "15", "15%"),
    ("12 is what percentage of 48", "percent", "25", "25%"),
    ("convert 3/4 to a percent", "convert", "75", "75%"),
    ("write 0.75 as a fraction", "fraction", "3/4", "3/4"),
    ("what is 3/8 as a decimal", "convert", "0.375", "0.375"),
    # simplify, factor, expand
    ("simplify 16/20", "simplify", "4/5", "4/5"),
    ("Simplify 18/24 fully", "simplify", "3/4", "3/4"),
    ("write 16/20 in simplest form", "simplify", "4/5", "4/5"),
    ("simplify 2(x+3) - x", "simplify", "x + 6", "x + 6"),
    ("Simplify: 3a + 2b - a + 4b", "simplify", "2a + 6b", "2a + 6b"),
    ("simplify (x^2 - 1)/(x - 1)", "simplify", "x + 1", "x + 1"),
    ("factor x^2 + 7x + 12", "factor", "(x+3)(x+4)", "(x + 3)(x + 4)"),
    ("Factorise x² - 9", "factor", "(x-3)(x+3)", "(x - 3)(x + 3)"),
    ("factor completely 2x^2 + 10x + 12", "factor", "2(x+2)(x+3)", "2(x + 2)(x + 3)"),
    ("expand (x + 2)(x - 5)", "expand", "x^2 - 3x - 10", "x^2 - 3x - 10"),
    ("Multiply out (2x - 1)^2", "expand", "4x^2 - 4x + 1", "4x^2 - 4x + 1"),
    ("expand 3(x + 4)", "expand", "3x + 12", "3x + 12"),
    ("expand and simplify (x+1)(x+2)", "expand", "x^2 + 3x + 2", "x^2 + 3x + 2"),
    # equations, inequalities, systems
    ("solve 2x - 5 = 9", "solve", "x = 7", "x = 7"),
    ("Solve for x: 3x + 4 = 19", "solve", "5", "x = 5"),
    ("2x+3=11", "solve", "x = 4", "x = 4"),
    ("find x if 5x - 2 = 3x + 8", "solve", "5", "x = 5"),
    ("Find the value of x: 2x/3 = 8", "solve", "12", "x = 12"),
    ("How do I solve 3(x - 2) = 12?", "solve", "6", "x = 6"),
    ("solve x^2 - 16 = 0", "solve", "x = -4 or x = 4", "x = -4 or x = 4"),
    ("Solve x^2 + 5x + 6 = 0.", "solve", "-3, -2", "x = -3 or x = -2"),
    ("solve x/4 = 3", "solve", "12", "x = 12"),
    ("solve for y: 2x + y = 5", "solve", "y = 5 - 2x", "y = 5 - 2x"),
    ("solve 2x - 5 < 9", "inequality", "x < 7", "x < 7"),
    ("Solve -3x >= 12", "inequality", "x <= -4", "x ≤ -4"),
    ("solve x + y = 10 and x - y = 2", "system", "x = 6, y = 4", "x = 6, y = 4"),
    ("Solve the system: 2x + y = 7, x - y = 2", "system", "x = 3, y = 1", "x = 3, y = 1"),
    ("x + y = 5; x - y = 1", "system", "(3, 2)", "x = 3, y = 2"),
    # calculus
    ("derivative of x^3 sin(x)", "derivative", "x^3 cos(x) + 3x^2 sin(x)", "x^3 cos(x) + 3x^2 sin(x)"),
    ("d/dx (x^2+1)", "derivative", "2x", "2x"),
    ("What is the derivative of 3x^4 - 2x?", "derivative", "12x^3 - 2", "12x^3 - 2"),
    ("differentiate e^(2x)", "derivative", "2e^(2x)", "2e^(2x)"),
    (r"\frac{d}{dx} x^5", "derivative", "5x^4", "5x^4"),
    ("find dy/dx if y = x^2 + 3x", "derivative", "2x + 3", "2x + 3"),
    ("integrate 2x", "integral", "x^2 + C", "x^2 + C"),
    ("what is the integral of 3x^2 dx", "integral", "x^3 + C", "x^3 + C"),
    ("∫ cos(x) dx", "integral", "sin(x) + C", "sin(x) + C"),
    ("integral of x^2 from 0 to 3", "definite_integral", "9", "9"),
    (r"\int_0^1 2x dx", "definite_integral", "1", "1"),
    ("integrate x from 1 to 3", "definite_integral", "4", "4"),
    ("limit of sin(x)/x as x -> 0", "limit", "1", "1"),
    ("find the limit as x approaches 2 of (x^2 - 4)/(x - 2)", "limit", "4", "4"),
    (r"\lim_{x \to \infty} 1/x", "limit", "0", "0"),
    # number theory
    ("gcf of 12 and 18", "gcf", "6", "6"),
    ("What is the greatest common factor of 24, 36 and 60?", "gcf", "12", "12"),
    ("HCF of 8 and 20", "gcf", "4", "4"),
    ("gcd(48, 18)", "gcf", "6", "6"),
    ("lcm of 4 and 6", "lcm", "12", "12"),
    ("Find the least common multiple of 6 and 8", "lcm", "24", "24"),
    ("lowest common multiple of 3, 4 and 5", "lcm", "60", "60"),
    ("prime factorisation of 84", "factorise_integer", "2^2 * 3 * 7", "2^2 × 3 × 7"),
    ("What is the prime factorization of 60?", "factorise_integer", "2^2 * 3 * 5", "2^2 × 3 × 5"),
    ("write 45 as a product of primes", "factorise_integer", "3^2 * 5", "3^2 × 5"),
    # statistics
    ("mean of 3, 5, 7, 7", "mean", "5.5", "5.5"),
    ("What is the average of 4, 8 and 12?", "mean", "8", "8"),
    ("median of 3, 5, 7, 7", "median", "6", "6"),
    ("find the median of 9, 2, 5", "median", "5", "5"),
    ("mode of 3, 5, 7, 7", "mode", "7", "7"),
    ("Find the mode: 1, 2, 2, 3, 3, 3", "mode", "3", "3"),
    ("range of 3, 5, 7, 7", "range", "4", "4"),
    ("What's the range of the data 12, 4, 9, 20?", "range", "16", "16"),
    # trig, logs
    ("sin(30 degrees)", "trig", "1/2", "1/2"),
    ("cos(pi/3)", "trig", "1/2", "1/2"),
    ("what is tan 45°", "trig", "1", "1"),
    ("What is the cosine of 60 degrees?", "trig", "0.5", "1/2"),
    ("sin(pi/4)", "trig", "sqrt(2)/2", "√2/2"),
    ("log base 2 of 8", "log", "3", "3"),
    ("log_3 81", "log", "4", "4"),
    ("what is log of 1000", "log", "3", "3"),
    ("ln(e^2)", "log", "2", "2"),
    (r"\log_{2} 32", "log", "5", "5"),
    # units, probability
    ("convert 5 km to m", "convert", "5000", "5000 m"),
    ("how many minutes in 3 hours", "convert", "180", "180 minutes"),
    ("How many cm are in 2.5 m?", "convert", "250", "250 cm"),
    ("what is 3 kg in grams", "convert", "3000", "3000 grams"),
    ("how many seconds in a day", "convert", "86400", "86400 seconds"),
    ("convert 212 F to C", "convert", "100", "100 °C"),
    ("chance of rolling a number greater than 4 on a die", "probability", "1/3", "1/3"),
    ("What is the probability of rolling an even number on a fair die?", "probability", "1/2", "1/2"),
    ("probability of rolling a 6 on a dice", "probability", "1/6", "1/6"),
    ("probability of getting heads when flipping a coin", "probability", "1/2", "1/2"),
    ("What is the probability of getting tails?", "probability", "1/2", "1/2"),
    ("probability of drawing a king from a deck of cards", "probability", "1/13", "1/13"),
]


@pytest.mark.parametrize(("question", "kind", "given", "text"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_each_form_is_answered_by_sympy(question, kind, given, text):
    solution = solve_question(question)
    assert solution is not None, question
    assert solution.kind == kind
    assert solution.answer_text == text
    assert compare_answers(given, solution.answer).status is Status.verified, (given, solution.answer)


def test_a_wrong_answer_is_refuted_against_the_recognised_gold():
    """The gold is the whole answer: one root of two, or x = 7 for an inequality, is not it."""
    assert compare_answers("x = 4", solve_question("solve x^2 - 16 = 0").answer).status is Status.refuted
    assert compare_answers("x = 7", solve_question("solve 2x - 5 < 9").answer).status is not Status.verified
    assert compare_answers("7", solve_question("solve x + y = 10 and x - y = 2").answer).status is not Status.verified
    assert compare_answers("36", solve_question("lcm of 4 and 6").answer).status is Status.refuted
    assert compare_answers("0.5833333", solve_question("What is 1/3 + 1/4?").answer).status is Status.verified


def test_answer_text_reads_back_as_the_answer():
    """What the child is shown is plain math our own parser reads to the same value."""
    for question in ("factor x^2 + 7x + 12", "expand (x + 2)(x - 5)", "derivative of x^3 sin(x)",
                     "simplify 2(x+3) - x", "What is 1/3 + 1/4?", "differentiate e^(2x)"):
        solution = solve_question(question)
        assert sp.simplify(safe_parse(solution.answer_text) - solution.answer) == 0, question
    assert "**" not in solve_question("factor x^3 - x").answer_text


def test_forms_that_ask_for_a_form_say_so():
    assert solve_question("factor x^2 + 7x + 12").form == "factored"
    assert solve_question("expand (x + 2)(x - 5)").form == "expanded"
    assert solve_question("simplify 16/20").form == "simplest"
    assert solve_question("prime factorisation of 84").form == "factored"
    assert solve_question("17 times 23").form is None


def test_dividing_by_a_fraction_divides_by_the_whole_fraction():
    """Regression: "1/2 divided by 1/4" was read as ((1/2)/1)/4 = 1/8; a mixed number 2 1/2 as 2 × 1/2."""
    assert solve_question("1/2 ÷ 1/4").answer == 2
    assert solve_question("what is 3 1/2 times 2").answer == 7
    assert solve_question("2^3/4").answer == 2 and solve_question("1/2^2").answer == sp.Rational(1, 4)
    assert solve_question("6/2/3").answer == 1


def test_is_57_prime_says_no_with_its_factors():
    solution = solve_question("Is 57 prime?")
    assert solution.kind == "prime" and solution.answer is sp.false
    assert "3 × 19" in solution.answer_text
    assert solve_question("is 53 a prime number").answer is sp.true
    assert solve_question("is 1 prime").answer is sp.false
    assert solve_question("Is 91 prime or composite?").answer is sp.false


def test_inequality_answers_are_relations_not_numbers():
    solution = solve_question("solve 1 < 2x + 3 < 7")
    assert solution.kind == "inequality" and solution.answer_text == "-1 < x < 2"
    assert isinstance(solution.answer, sp.And)
    assert solve_question("solve x^2 > 4").answer_text == "x < -2 or x > 2"
    assert solve_question("solve x^2 + 1 < 0").answer_text == "no real solution"


def test_equations_without_real_solutions_say_so():
    solution = solve_question("solve x^2 + 1 = 0")
    assert solution.answer == sp.S.EmptySet and solution.answer_text == "no real solution"


def test_indefinite_integral_carries_the_constant():
    solution = solve_question("integrate 2x")
    assert solution.answer.has(sp.Symbol("C"))
    assert compare_answers("x^2", solution.answer).status is not Status.verified


def test_units_and_percents_carry_their_unit():
    assert solve_question("convert 5 km to m").unit == "m"
    assert solve_question("what percent of 80 is 12").unit == "%"
    assert solve_question("what's 15% of 80").unit is None


def test_solution_is_a_frozen_record():
    solution = solve_question("17 times 23")
    assert isinstance(solution, Solution)
    with pytest.raises(AttributeError):
        solution.kind = "other"  # type: ignore[misc]


LEFT_ALONE = [
    "Sam has 3 apples and buys 4 more. How many apples does he have?",
    "A train travels 60 km in 1.5 hours. What is its speed?",
    "why does dividing by a fraction flip it?",
    "Why do we flip the second fraction when dividing?",
    "what is a prime number?",
    "What is a fraction?",
    "explain how to factor a quadratic",
    "what is 2+3 and 4x+1",
    "simplify 2x + 3, 4y - 1",
    "hello",
    "Hi! How are you?",
    "thanks",
    "",
    "   ?  ",
    "5",
    "what is x",
    "what is sin 30",  # degrees or radians: we do not guess
    "log(x) + ln(2)",
    "what is log(2) + 1",  # common or natural log inside an expression: we do not guess
    "solve x + y = 10",  # one equation, two unknowns
    "solve sin(x) = 0",  # infinitely many roots
    "mode of 1, 2, 3",  # no value repeats: conventions differ
    "convert 5 kg to m",
    "how many apples are in 3 baskets",
    "probability of rolling two sixes with two dice",
    "import os; os.system('ls')",
    "__import__('os').system('ls')",
    "solve x = lambda: 1",
    "what is the limit of 1/x as x -> 0",  # left and right limits differ
    "integrate e^(x^2)",  # no elementary antiderivative
]


@pytest.mark.parametrize("question", LEFT_ALONE)
def test_questions_it_must_leave_alone(question):
    assert solve_question(question) is None


HOSTILE = [
    "what is 100000!", "(10^9)!", "3!!!", "9^9^9^9", "what is 10^100000", "2^2^2^2^2^2",
    "factor x^100000 - 1", "expand (x+1)^1000", "solve x^(9^9) = 2", "simplify " + "(" * 300 + "x" + ")" * 300,
    "integrate x^(10^10)", "is " + "9" * 200 + " prime", "prime factorisation of " + "7" * 59,
    "derivative of " + "sin(" * 60 + "x" + ")" * 60, "mean of " + ", ".join(["1"] * 5000),
    "gcf of " + "9" * 5000 + " and 3", "what is 1e308 * 1e308", "solve x^64 + x^63 + 1 = 0",
]


@pytest.mark.parametrize("question", HOSTILE, ids=[h[:30] for h in HOSTILE])
def test_hostile_input_returns_quickly_without_raising(question):
    start = time.perf_counter()
    solution = solve_question(question)
    assert time.perf_counter() - start < 5
    assert solution is None or isinstance(solution, Solution)


def test_off_the_main_thread_the_work_runs_in_a_bounded_worker():
    """The web app asks from a script thread, where SIGALRM cannot bound SymPy: the worker does."""
    import threading

    results = {}

    def ask():
        results["solve"] = solve_question("solve x^2 - 16 = 0")
        results["integral"] = solve_question("integrate 2x")
        start = time.perf_counter()
        results["hostile"] = solve_question("solve x^64 + x^63 + x^5 + 1 = 0")
        results["hostile_s"] = time.perf_counter() - start

    thread = threading.Thread(target=ask)
    thread.start()
    thread.join(30)
    assert results["solve"].answer_text == "x = -4 or x = 4"
    assert results["integral"].answer_text == "x^2 + C"
    assert results["hostile_s"] < 10


def test_non_strings_are_left_alone():
    assert solve_question(None) is None  # type: ignore[arg-type]
    assert solve_question(42) is None  # type: ignore[arg-type]


def test_recogniser_never_calls_sympify_on_the_question(monkeypatch):
    """Untrusted text must reach SymPy only through the bounded parser."""

    def forbidden(*_a, **_k):
        raise AssertionError("sympify called on a student's text")

    monkeypatch.setattr(sp, "sympify", forbidden)
    monkeypatch.setattr(sp, "parse_expr", forbidden)
    for question, kind, _given, text in FORMS:
        solution = solve_question(question)
        assert solution is not None and solution.answer_text == text, question
    assert solve_question("__import__('os').system('ls')") is None


def test_the_antiderivative_of_one_over_x_is_ln_of_its_absolute_value():
    """Regression (everyday set): SymPy's log(x) + C, true only for x > 0, was taken as ground truth."""
    solution = solve_question("antiderivative of 1/x")
    assert solution.answer_text == "ln|x| + C"
    assert compare_answers("ln|x| + C", solution.answer).status is Status.verified


@pytest.mark.parametrize("question", ["can u factor x2+5x+6", "solve 3y2 = 12", "simplify x3 * x2"])
def test_a_letter_followed_by_a_digit_is_left_alone(question):
    """Regression (everyday set): 'x2+5x+6' read as 2x + 5x + 6 gave '7x + 6' as the factored form."""
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "text"), [
    ("simplify the ratio 12:18", "2:3"),
    ("what is the ratio of 6 to 4 in simplest form", "3:2"),
    ("write 10:15 in simplest form", "2:3"),
])
def test_a_ratio_in_simplest_form(question, text):
    solution = solve_question(question)
    assert solution.kind == "ratio" and solution.answer_text == text and solution.form == "simplest"


# --- chat around a question: preambles, trailing requests, trailing remarks ---------------

@pytest.mark.parametrize(("question", "given"), [
    ("my son is stuck on 2x + 3 = 11", "x = 4"),
    ("my daughter has homework: solve x^2 - 5x + 6 = 0", "x = 2 or x = 3"),
    ("my 10 year old is stuck on this: 3/4 + 1/8", "7/8"),
    ("can someone solve 3x - 4 = 11", "5"),
    ("can anyone help with x^2 - 9 = 0", "x = -3 or x = 3"),
    ("could someone please help me with 2x + 1 = 7", "3"),
    ("how do you do 2(x+3) = 4x - 8", "7"),
    ("how would i work out 15% of 80", "12"),
    ("im stuck on 5x - 3 = 2x + 9 solve it", "4"),
    # a label before the question (held-out set 3: "hw question: solve x^2 - 5x + 6 = 0" went to programs
    # that printed one root each, and a right reply was shown unchecked)
    ("hw question: solve x^2 - 5x + 6 = 0", "x = 2 or x = 3"),
    ("hw: solve 5(x - 2) = 3x + 8", "9"),
    ("problem 4: factor x^2 + 7x + 12", "(x + 3)(x + 4)"),
    ("problem 3) 12 + 15", "27"),
    ("exercise 7: simplify 3x + 2x", "5x"),
    ("#5: 3/4 + 1/8", "7/8"),
    ("my kid is stuck on this one: solve 3x + 7 = 22", "x = 5"),
    ("can you help me with this problem: 3/4 + 1/8", "7/8"),
    ("im stuck on this equation 2x + 1 = 9", "4"),
])
def test_chat_preamble_around_a_question(question, given):
    solution = solve_question(question)
    assert solution is not None, question
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize(("question", "given"), [
    ("2x^2 + 3x - 2 = 0 what are the answers", "x = -2 or x = 1/2"),
    ("x^2 - 4 = 0 what are the solutions", "-2, 2"),
    ("x^2 - 4 = 0, what are the roots?", "x = 2 or x = -2"),
    ("2(x+3) = 4x - 8 what is x", "7"),
    ("x + y = 10 and x - y = 4 find x and y", "x = 7, y = 3"),
    ("x + y = 10, x - y = 4. what are x and y", "x = 7, y = 3"),
    ("stuck on 2x^2 + 3x - 2 = 0, what are the answers", "x = -2 or x = 1/2"),
])
def test_chat_equation_with_a_trailing_request(question, given):
    solution = solve_question(question)
    assert solution is not None, question
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", [
    "3x=12 x=4",  # the equation, then the student's answer: not the chain 3x = 12x = 4, which has no solution
    "2x+3=11 x=5",
    "solve x+1=2x-3 x=4",
    "2x + 3 = 11 x = 5",
    "x^2 - 16 = 0 x = 4",
    "y = 2x + 3 x = 1",  # one equation, then a value: not two equations in two unknowns
])
def test_an_attempt_typed_after_an_equation_is_no_chain_of_equalities(question):
    """Read as one chain, these had SymPy's ground truth "no solution": a wrong answer with the tool's authority."""
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given", "kind"), [
    ("2x + y = 11 and x - y = 1 solve the system", "x = 4, y = 3", "system"),
    ("2x + y = 11, x - y = 1, solve", "x = 4, y = 3", "system"),
    ("2x+y=11 x-y=1 solve", "x = 4, y = 3", "system"),  # only a space between the equations
    ("2x + y = 11 x - y = 1 solve", "x = 4, y = 3", "system"),
    ("solve 2x + 3y = 12 3x - 2y = 5", "x = 3, y = 2", "system"),
    ("x^2 - 5x + 6 = 0 solve", "x = 2 or x = 3", "solve"),
    ("2x - 5 < 9 solve this inequality", "x < 7", "inequality"),
    ("x^2+7x+12 factor", "(x + 3)(x + 4)", "factor"),
    ("x^2 - 9 factorise it pls", "(x - 3)(x + 3)", "factor"),
    ("(x+3)(x-2) expand", "x^2 + x - 6", "expand"),
    ("16/20 simplify", "4/5", "simplify"),
])
def test_chat_command_typed_after_the_math(question, given, kind):
    """Students type the math first and the command last; the command decides the form, as when typed first."""
    solution = solve_question(question)
    assert solution is not None, question
    assert solution.kind == kind
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", [
    "3x + 2 solve",  # nothing to solve: no equation or inequality
    "the recipe says 3 cups, simplify",  # no math for the command
    "x^2 + 7x + 12 = 0 factor",  # an equation to factor: which side? left alone, as "factor x^2 + 7x + 12 = 0" is
])
def test_chat_command_after_the_math_leaves_these_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("what is 8 x 13 my daughter says 104 but i think thats wrong", "104"),
    ("what is 3 x 4 is it 12", "12"),
    ("what is 3 x 4, is it 13?", "12"),
    ("solve 3x + 1 = 10 i got x = 4", "x = 3"),
    ("what is 1/2 + 1/3 my son got 2/5 but the book says 5/6", "5/6"),
    ("what is 6 x 7? my son says 48", "42"),
    ("can someone help with subtract 17 from 50 he says 33", "33"),
    ("x + 3 = 5 what is x my son says 2", "2"),
    ("2x = 10 find x, is it 5?", "5"),
])
def test_chat_trailing_remark_never_changes_the_answer(question, given):
    """A number in the remark ('says 104', 'got x = 4') is never read as part of the math."""
    solution = solve_question(question)
    assert solution is not None, question
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", [
    "what is 7/2 my teacher says round to the nearest whole number",  # the remark changes what is asked
    "what is 5 + 3, is it prime",  # a second question, not an answer to check
    "2x + 1 = 7 what is y",  # asks for a letter the equation lacks
    "x + y = 10 and x = 2y + 1 and y = 3 find x and y",  # three equations, two unknowns
    "my son is 12 and doesnt understand fractions",
    "my daughter is stuck on this: a train travels 60 km in 2 hours, what is its speed",
    "can someone explain why dividing by a fraction flips it",
])
def test_chat_wrappers_leave_these_alone(question):
    assert solve_question(question) is None


# --- rounding, operation verbs, substitution, trig in degrees -------------------------------

@pytest.mark.parametrize(("question", "given", "text"), [
    ("round 3.14159 to two decimal places", "3.14", "3.14"),
    ("round 3.14159 to 2 dp", "3.14", "3.14"),
    ("round 3.14159 to 1 d.p.", "3.1", "3.1"),
    ("round 2,467 to the nearest hundred", "2500", "2500"),
    ("round 4.35 to the nearest tenth", "4.4", "4.4"),  # half up, exactly: binary floats say 4.3
    ("3.8 rounded to the nearest whole number", "4", "4"),
    ("what is 3.097 rounded to 2 decimal places", "3.1", "3.10"),
    ("round 2.5 to the nearest whole number", "3", "3"),
    ("round 745 to the nearest ten", "750", "750"),
    ("round 0.004567 to 2 significant figures", "0.0046", "0.0046"),
    ("round 12345 to 3 sig figs", "12300", "12300"),
])
def test_rounding_half_up_to_places_and_nearest(question, given, text):
    solution = solve_question(question)
    assert solution.kind == "round" and solution.answer_text == text
    assert compare_answers(given, solution.answer).status is Status.verified
    assert sp.simplify(safe_parse(solution.answer_text) - solution.answer) == 0


def test_rounding_refutes_the_unrounded_number():
    assert compare_answers("3.097", solve_question("round 3.097 to 2 decimal places").answer).status is Status.refuted
    assert compare_answers("4.3", solve_question("round 4.35 to the nearest tenth").answer).status is Status.refuted


@pytest.mark.parametrize("question", [
    "round -2.5 to the nearest whole number",  # half up or half away from zero? conventions differ
    "round 7 to the nearest 5",
    "round 3.14159 to a sensible degree of accuracy",
    "why do we round 5 up",
])
def test_rounding_leaves_these_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("divide 3/4 by 5/8", "6/5"),
    ("how do i divide 3/4 by 5/8", "1.2"),
    ("multiply 2.5 by 4", "10"),
    ("subtract 17 from 50", "33"),
    ("take 9 away from 20", "11"),
    ("add 3/8 and 1/4", "5/8"),
    ("what is 45 shared equally between 5", "9"),
    ("what is the sum of 12 and 30", "42"),
    ("what is the product of 6 and 7", "42"),
])
def test_operation_verbs_in_the_order_the_words_say(question, given):
    solution = solve_question(question)
    assert solution is not None, question
    assert compare_answers(given, solution.answer).status is Status.verified


def test_subtract_from_is_not_the_other_way_round():
    assert compare_answers("-33", solve_question("subtract 17 from 50").answer).status is Status.refuted


@pytest.mark.parametrize("question", [
    "divide 5 by 0",
    "45 sweets shared equally between 5 children and 3 adults",
    "why do you flip the fraction when you divide 3/4 by 5/8",
])
def test_operation_verbs_leave_these_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("evaluate 3a^2 - 2b when a = 4 and b = 5", "38"),
    ("find the value of 2x + 7 if x = -3", "1"),
    ("what is x^2 - 1 for x = 5", "24"),
    ("if x = 2, what is 3x + 1", "7"),
    ("work out 5p - q when p = 1/2 and q = 3", "-1/2"),
])
def test_substituting_values_into_an_expression(question, given):
    solution = solve_question(question)
    assert solution.kind == "substitute"
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", [
    "what is 2x + 1 when x = 3 and y = 2",  # y given but not used: a misread question
    "what is 2x + y when x = 3",  # y has no value
    "what is 1/x when x = 0",
])
def test_substitution_leaves_these_alone(question):
    assert solve_question(question) is None


def test_find_x_when_an_equation_holds_is_still_solving():
    assert solve_question("find x when 2x = 6").answer == 3


@pytest.mark.parametrize(("question", "given"), [
    ("cos(60°) + tan(45°)", "3/2"),
    ("sin 30 degrees", "1/2"),
    ("tan(45 deg) * 2", "2"),
    ("sin 30° + cos 60°", "1"),
    ("2 sin(30 degrees)", "1"),
])
def test_trig_in_degrees_inside_an_expression(question, given):
    solution = solve_question(question)
    assert solution.kind == "trig"
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", ["sin(30) + cos(60°)", "sin(30) + cos(60)", "cos 60 + 1"])
def test_trig_without_degrees_written_stays_ambiguous(question):
    assert solve_question(question) is None


# --- factors, next/previous prime, counting probability -------------------------------------

@pytest.mark.parametrize(("question", "count"), [
    ("how many factors does 36 have", 9),
    ("how many divisors has 100", 9),
    ("how many factors are there of 24", 8),
    ("How many factors does 1 have?", 1),
    ("what is the number of factors of 49", 3),
])
def test_counting_the_factors_of_a_number(question, count):
    solution = solve_question(question)
    assert solution.kind == "divisor_count"
    assert compare_answers(str(count), solution.answer).status is Status.verified


@pytest.mark.parametrize(("question", "text"), [
    ("list the factors of 12", "1, 2, 3, 4, 6, 12"),
    ("what are the factors of 12", "1, 2, 3, 4, 6, 12"),
    ("find all the factors of 30", "1, 2, 3, 5, 6, 10, 15, 30"),
    ("factors of 7", "1, 7"),
])
def test_listing_the_factors_of_a_number(question, text):
    solution = solve_question(question)
    assert solution.kind == "divisors" and solution.answer_text == text
    assert isinstance(solution.answer, sp.FiniteSet)
    assert compare_answers(text, solution.answer).status is Status.verified
    assert compare_answers(text.rsplit(",", 1)[0], solution.answer).status is not Status.verified


@pytest.mark.parametrize("question", [
    "how many prime factors does 36 have",  # distinct primes or with repeats? conventions differ
    "what are the factors of x^2 + 5x + 6 and why",
    "why does 36 have an odd number of factors",
])
def test_factor_counting_leaves_these_alone(question):
    assert solve_question(question) is None


def test_factors_of_a_polynomial_are_still_a_factorisation():
    assert solve_question("factor x^2 + 7x + 12").answer_text == "(x + 3)(x + 4)"


@pytest.mark.parametrize(("question", "prime"), [
    ("smallest prime bigger than 50", 53),
    ("what is the smallest prime number greater than 50", 53),
    ("first prime after 90", 97),
    ("next prime after 13", 17),
    ("smallest prime larger than 1", 2),
    ("largest prime less than 100", 97),
    ("biggest prime below 30", 29),
    ("the greatest prime number smaller than 14", 13),
    ("smallest prime greater than or equal to 53", 53),
])
def test_the_prime_after_or_before_a_number(question, prime):
    solution = solve_question(question)
    assert solution.kind == "prime"
    assert compare_answers(str(prime), solution.answer).status is Status.verified


@pytest.mark.parametrize("question", ["largest prime less than 2", "biggest prime below 1",
                                      "why is there no largest prime"])
def test_next_prime_leaves_these_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("a bag has 3 red 5 blue and 2 green marbles. chance of picking blue", "1/2"),
    ("a bag has 3 red 5 blue and 2 green marbles. probability of not red", "7/10"),
    ("a bag has 3 red 5 blue and 2 green marbles. what is the probability of picking red or green", "1/2"),
    ("a bag contains 4 red and 6 blue balls. what is the probability of picking a red ball", "2/5"),
    ("there are 2 yellow, 3 green and 5 pink sweets in a jar. what's the probability of picking a pink sweet", "1/2"),
    ("a bag has 3 red and 5 blue marbles. if you pick one at random, what is the probability that it is red", "3/8"),
    ("A box contains 7 white and 3 black counters. Probability of drawing a black counter?", "3/10"),
])
def test_probability_of_one_draw_from_a_bag(question, given):
    solution = solve_question(question)
    assert solution is not None and solution.kind == "probability", question
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", [
    "a bag has 3 red 5 blue marbles. probability of picking two red marbles",
    "a bag has 3 red 5 blue marbles. probability of picking red then blue without replacement",
    "a bag has 3 red 5 blue marbles. probability of picking green",  # a colour not in the bag
    "a bag has 3 red 5 blue marbles. what are the odds of picking red",  # odds are 3:5, not 3/8
    "a bag has 3 red 5 blue and 2 green marbles. probability of not red or green",
    "a bag has 3 red and 5 blue marbles and 2 red cubes. probability of picking red",
    "a bag has 3 red 3 red marbles. probability of picking red",
])
def test_bag_probability_leaves_these_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("if you roll a normal dice whats the probability of getting a multiple of 3", "1/3"),
    ("if you roll a normal dice whats the probability of getting a prime", "1/2"),
    ("if you roll a die what is the chance of rolling less than 5", "2/3"),
    ("when you roll a fair die what is the probability of getting an even number", "1/2"),
])
def test_probability_when_a_die_is_rolled_first(question, given):
    solution = solve_question(question)
    assert solution.kind == "probability"
    assert compare_answers(given, solution.answer).status is Status.verified


def test_two_dice_are_left_alone():
    assert solve_question("if you roll two dice what is the probability of getting a 7") is None


# --- GCF/LCM and statistics without "of", implicit products with functions ------------------

@pytest.mark.parametrize(("question", "given"), [
    ("lcm 12 and 18", "36"), ("gcd 24, 36", "12"), ("hcf of 8 & 12", "4"),
    ("lowest common multiple for 4 and 6", "12"), ("gcf: 12, 18", "6"),
    ("what's the mode 2,4,4,5,7,7,7,9", "7"), ("mean 3 5 7", "5"), ("median for 1, 9, 4", "4"),
    ("range: 12, 5, 19", "14"), ("average 2 4", "3"),
])
def test_gcf_lcm_and_statistics_without_of(question, given):
    solution = solve_question(question)
    assert solution is not None, question
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize(("question", "given"), [
    ("d/dx of x^2 ln x", "2x ln(x) + x"),
    ("derivative of x sin x", "x cos(x) + sin(x)"),
    ("integrate x e^x", "(x - 1)e^x + C"),
    ("derivative of e^x sin x", "e^x sin(x) + e^x cos(x)"),
    ("integral of x ln x dx", "x^2 ln(x)/2 - x^2/4 + C"),
])
def test_implicit_products_with_functions(question, given):
    solution = solve_question(question)
    assert compare_answers(given, solution.answer).status is Status.verified
    assert "log" not in solution.answer_text  # ln, as a child reads it: log would be base 10


@pytest.mark.parametrize("question", ["derivative of sin 2x", "integrate cos 3x", "what is sin 2 x"])
def test_a_function_of_a_bare_number_then_a_letter_is_left_alone(question):
    """'sin 2x' was read as sin(2)·x: sin(2x) is what a student means, but the parser says otherwise."""
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("limit of (3x^2+1)/(x^2-2) as x approaches infinity", "3"),
    ("limit of (3x^2+1)/(x^2-2) as x goes to ∞", "3"),
    ("limit of 1/x as x -> oo", "0"),
    ("lim x→∞ (2x+1)/x", "2"),
    ("limit of (2x+1)/x as x tends to infinity", "2"),
])
def test_limits_at_infinity(question, given):
    solution = solve_question(question)
    assert solution.kind == "limit"
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", ["what is d/dx of x^2 ln x", "whats d/dx x^3", "calculate d/dx of sin(x)"])
def test_a_question_word_in_front_of_a_form_that_reads_its_own_opening(question):
    """Regression (everyday held-out rerun): 'what is d/dx of x^2 ln x' was not recognised, so the tutor fell
    back to programs that voted 2."""
    assert solve_question(question) is not None and solve_question(question).kind == "derivative"


@pytest.mark.parametrize(("question", "text"), [
    # held-out set 3: no article, a thing named after the first count, "its" for "it's"; the programs split
    ("bag has 5 red marbles 3 blue and 2 green. you pick one at random, what's the probability its NOT blue", "7/10"),
    ("a bag has 5 red 3 blue and 2 green marbles, you pick one without looking, whats the chance its blue", "3/10"),
    ("bag has 2 red and 3 blue. whats the probability its red", "2/5"),
])
def test_one_draw_from_a_bag_as_parents_type_it(question, text):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == text


@pytest.mark.parametrize("question", [
    "a bag has 2 red and 3 blue, you pick two without replacing, whats the chance both are red",  # two draws
    "factor: x^2 - 9 then solve it for x = 2",
])
def test_a_label_or_a_bag_that_is_not_one_draw_is_left_alone(question):
    solution = solve_question(question)
    assert solution is None or solution.form == "factored"


@pytest.mark.parametrize(("question", "kind", "given"), [
    ("how many prime numbers are there between 30 and 50", "prime_count", "5"),
    ("How many prime numbers are between 1 and 20?", "prime_count", "8"),
    ("list the prime numbers between 30 and 50", "prime_list", "31, 37, 41, 43, 47"),
    ("which numbers are prime between 20 and 30?", "prime_list", "23, 29"),
])
def test_primes_between_two_numbers(question, kind, given):
    solution = solve_question(question)
    assert solution is not None and solution.kind == kind
    assert compare_answers(given, solution.answer).status is Status.verified


@pytest.mark.parametrize("question", [
    "how many primes between 2 and 11",  # is 2 (or 11) "between"? either reading could be the book's
    "how many primes are there between 13 and 40",
    "how many primes between 1 and 5000000",  # too long a range to list for a child
])
def test_primes_between_an_end_that_is_prime_is_left_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("3/4 + 5/6 = ? simplest form", "19/12"),
    ("3/4 + 5/6 = ?  give the answer in simplest form", "19/12"),
    ("12/18 lowest terms", "2/3"),
    ("2/3 × 9/8 = ? in simplest form please", "3/4"),
])
def test_the_form_asked_for_after_the_math(question, given):
    solution = solve_question(question)
    assert solution is not None and solution.form == "simplest"
    assert compare_answers(given, solution.answer).status is Status.verified
