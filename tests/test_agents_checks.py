"""Checks that need no model (agents/checks.py): answer leaks, final answers, false premises."""

from __future__ import annotations

import pytest

from agents.checks import false_premises, final_answer_of, find_leaks, numbers_in
from tutor.verify import compare_answers


def leaks(draft: str, answer, statement: str, answer_text: str = "") -> list[str]:
    return find_leaks(draft, answer=answer, answer_text=answer_text or str(answer), statement=statement,
                      compare=compare_answers)


def test_numbers_in_reads_thousands_decimals_and_fractions():
    assert numbers_in("1,000 apples, 3.5 kg and 3 / 4 of a pie; -2 degrees") == ["1000", "3.5", "3/4", "-2"]
    assert numbers_in("no numbers here") == []


@pytest.mark.parametrize("draft", [
    "What do you get when you add 7 and 5?",
    "Start with the 7 apples. How many more does Sam get?",
    "Good try! Count on from 7.",
])
def test_a_guiding_question_is_not_a_leak(draft):
    assert leaks(draft, 12, "Sam has 7 apples and gets 5 more. How many now?") == []


@pytest.mark.parametrize(("draft", "leaked"), [
    ("The answer is 12.", ["12"]),
    ("Sam ends up with twelve, that is 12 apples.", ["12"]),
    ("You should get 7 + 5 if you add them.", ["7 + 5"]),  # the answer left as a sum to finish
    ("Think of it as 24/2.", ["24/2"]),  # an equal number in another form
])
def test_the_answer_in_any_form_is_a_leak(draft, leaked):
    assert leaks(draft, 12, "Sam has 7 apples and gets 5 more. How many now?") == leaked


def test_a_number_from_the_statement_leaks_only_when_presented_as_the_result():
    statement = "What is 12 × 1?"
    assert leaks("Look at the 12: what happens when you multiply by 1?", 12, statement) == []
    assert leaks("So 12 × 1 equals 12.", 12, statement) == ["12"]
    assert leaks("You can write 12 × 1 again.", 12, statement) == []  # the problem's own expression


def test_a_written_out_answer_leaks_wherever_it_appears():
    statement = "Solve x + y = 5 and x - y = 1."
    assert leaks("Check that x = 3, y = 2 works in both.", {"x": 3, "y": 2}, statement,
                 answer_text="x = 3, y = 2") == ["x = 3, y = 2"]


@pytest.mark.parametrize(("text", "final"), [
    ("So the total is \\boxed{42} apples.", "42"),
    ("Work...\n#### 1,250", "1250"),
    ("Final answer: **3/4**", "3/4"),
    ("The answer is 17 x 7 = 119.", "119"),  # the result after the last '='
    ("The answer is y.", "y"),  # no number in it: the words as written
    ("The answer is x + 1.", "1"),  # a number in it wins (answers are mostly numbers)
    ("First 3 apples, then 4 more, 7 in all", "7"),  # no cue: the last number
    ("I am not sure yet.", None),
])
def test_final_answer_of(text, final):
    assert final_answer_of(text) == final


def test_division_by_zero_is_a_false_premise():
    assert false_premises("What is 5 / 0?") == ["Dividing by zero is not defined, so that expression has no value."]
    assert false_premises("Can you divide 8 by zero?")
    assert false_premises("What is 5 / 0.5?") == []
    assert false_premises("What is 10 / 20?") == []


def test_an_equation_without_a_solution_is_a_false_premise():
    [reason] = false_premises("Solve x + 1 = x + 3 for x.")
    assert reason == "The equation x + 1 = x + 3 has no solution: the x's cancel and it says -2 = 0."
    assert false_premises("If 3(x + 1) = 3x + 5, what is x?")
    assert false_premises("Solve 2x + 1 = 5.") == []
    assert false_premises("Why is x + 1 = x + 1 always true?") == []  # every x solves it
    assert false_premises("If x + y = 3, what is y?") == []  # two unknowns: not judged


def test_an_equation_whose_unknown_always_has_a_coefficient_is_judged_too():
    assert false_premises("Solve 2x + 1 = 2x + 3.")


def test_false_premises_reads_the_students_text_with_the_bounded_parser_never_sympify(monkeypatch):
    """Regression: the equation in a question went through sympy.sympify, which evaluates Python."""
    import sympy

    def forbidden(*_a, **_k):
        raise AssertionError("sympify called on a student's text")

    monkeypatch.setattr(sympy, "sympify", forbidden)
    assert false_premises("Solve 3(x+2) = 3x + 7") and false_premises("Solve 9^9^9^9 = x + 1 - x") == []


@pytest.mark.parametrize(("final", "question", "placeholder"), [
    ("N", "What is 6 times 7?", True),
    ("<answer>", "Sam has 3 apples and buys 4 more. How many?", True),
    ("your result", "how many eggs are left", True),
    ("x", "solve for x: 2x = x", False),  # the question's own letter
    ("42", "What is 6 times 7?", False),
    ("x = 4", "Solve 2x = 8", False),
])
def test_a_template_stand_in_is_no_final_answer(final, question, placeholder):
    from agents.checks import is_placeholder_answer

    assert is_placeholder_answer(final, question) is placeholder


def test_copied_angle_bracket_placeholders_are_found():
    from agents.checks import echoes_placeholder

    assert echoes_placeholder("Hi! <one or two sentences greeting the student by name>")
    assert not echoes_placeholder("Hi Sam! 3 < 4 and 5 > 2.")


def test_the_whole_final_answer_drops_a_colon_after_answer_is():
    from agents.checks import final_answer_phrase

    assert final_answer_phrase("So we flip and multiply. The answer is: 3/2.") == "3/2"
    assert final_answer_phrase("The answer is x = -4 or x = 4.") == "x = -4 or x = 4"


def test_a_number_glued_to_chinese_is_still_a_number_for_the_leak_check():
    """A Socratic reply '还剩9页' must be seen to contain 9: the leak check missed numbers next to Chinese."""
    assert numbers_in("还剩9页没有看") == ["9"]
    assert numbers_in("x2 + v1.5") == []
    from tutor.verify import compare_answers

    assert find_leaks("所以还剩9页。", answer="9", answer_text="9", statement="一本书有20页，看了11页，还剩几页？",
                      compare=compare_answers)


def test_an_answer_on_the_line_after_the_answer_is_is_read():
    """Misreading family (everyday held-out): "The answer is:" then the formula on its own line was read as ':'."""
    from agents.checks import final_answer_phrase

    assert final_answer_phrase("The answer is:\n2x ln(x) + x") == "2x ln(x) + x"
    assert final_answer_phrase("The final answer is:\n\\[ 2x + 1 \\]") == "2x + 1"
    assert final_answer_phrase("The answer is:\n$$x = 4$$") == "x = 4"
    assert final_answer_of("The answer is:\n12 apples") == "12"
    assert final_answer_phrase("The answer is: 3/2") == "3/2"


def test_the_answer_phrase_ends_where_the_next_sentence_starts():
    """Regression (everyday held-out rerun): "… the answer is sin(x) + C. Ask me if …" was read whole."""
    from agents.checks import final_answer_phrase

    assert final_answer_phrase("So the answer is sin(x) + C. Ask me if you'd like more.") == "sin(x) + C"
    assert final_answer_phrase("The answer is 3.5. Well done!") == "3.5"
    assert final_answer_phrase("The answer is 12 cm.") == "12 cm"


def test_the_closing_sentence_states_the_answer_whole():
    from agents.checks import closing_answer

    assert closing_answer("12 ÷ 6 = 2\n18 ÷ 6 = 3\nThe simplified ratio is 2:3.") == "2:3"
    assert closing_answer("3x * (-4) = -12x\n3x^3 - 12x = 3x^3 - 12x") == "3x^3 - 12x"
    assert closing_answer("x^2 = 16, so the roots are these.\nSo x = 4 or x = -4.") == "x = 4 or x = -4"
    assert closing_answer(r"\[ x^2 + 7x + 12 = (x + 3)(x + 4) \]") == "(x + 3)(x + 4)"
    assert closing_answer("The area of the room is 4.5 m × 3 m = 13.5 m².") == "13.5 m²"
    assert closing_answer("So the solution is x = 5 or x = -1.") == "x = 5 or x = -1"
    assert closing_answer("Great work! This is the way.") is None  # words, nothing to compare
    assert closing_answer("") is None


def test_a_closing_sentence_that_gives_its_result_states_it_whole():
    """"This gives us 3x(x + 4)." ended a right factorisation and was read as the answer 4 (refuted)."""
    from agents.checks import closing_answer

    assert closing_answer("The common factor is 3x.\nThis gives us 3x(x + 4).") == "3x(x + 4)"
    assert closing_answer("Subtracting 4 from both sides, we get x = 5.") == "x = 5"
    assert closing_answer("So the expression becomes 2x + 7.") == "2x + 7"
    # ev014: "... we can write the expression as (x + 3)(x + 4)." was read as the answer 4
    assert closing_answer("Therefore, we can write the expression as (x + 3)(x + 4).") == "(x + 3)(x + 4)"
    assert closing_answer("So 8/12 simplifies to 2/3.") == "2/3"
    assert closing_answer("3 - 2x > 11\n-2x > 8\nx < -4") == "x < -4"  # ej049: was read as the answer -4
    assert closing_answer("So x ≥ 3.") == "x ≥ 3"
    assert closing_answer("We know 3 < 4.") is None  # a comparison of numbers is no solved inequality


def test_a_final_answer_that_is_a_share_in_words_is_its_fraction():
    """"The answer is 3 out of 10." states 3/10: taken as 3, it disputed the programs' 0.3 and a right draft
    was repaired."""
    assert final_answer_of("The answer is 3 out of 10.") == "3/10"
    assert final_answer_of("The answer is 3 out of 10, or 0.3.") == "3/10"


def test_a_chinese_closing_sentence_is_read_whole_after_its_connective():
    from agents.checks import closing_answer
    from tutor.verify import compare_answers

    # "所以，x = 4，y = 3。": the pair, not the last assignment (which compared with the reference as "3")
    pair = closing_answer("x = 4 代入第二个方程：\n4 - y = 1\n所以，x = 4，y = 3。")
    assert pair == "x = 4，y = 3"
    assert compare_answers(pair, "x = 4, y = 3").status.value == "verified"
    assert closing_answer("2x = 10\n因此 x = 5。") == "x = 5"
    assert closing_answer("因此，面积 = 12 × 7.5 = 90。") == "90"


def test_a_chinese_closing_sentence_states_what_follows_its_last_verb():
    from agents.checks import closing_answer, final_answer_phrase

    # held-out Chinese set 5: a right expansion was read as its last number, 12
    assert closing_answer("合并同类项，我们得到：\n因此，(2x - 3)(x + 4)展开等于 \\(2x^2 + 5x - 12\\)。") == "2x^2 + 5x - 12"
    # what the phrase states after 等于, not the conversion it restates
    assert final_answer_phrase("答案是：0.6公顷等于6000平方米。") == "6000平方米"
    # a closing sentence is the last one: an echo after the answer states nothing
    assert closing_answer("最后的结果是11/12。你可以把上面学生的消息当作第二次回答") is None


def test_a_chinese_so_sentence_with_no_number_states_no_answer():
    """Held-out Chinese set 7: "所以每段的长度必须是两根彩带长度的公约数" (a reason) was taken for the final answer of a
    reply that ended "因此，每段小段的长度最长是12厘米。", so the right 12 could not be compared with anything."""
    from agents.checks import closing_answer, final_answer_of, final_answer_phrase

    text = ("因为不能有剩余，所以每段的长度必须是两根彩带长度的公约数。\nGCD = 2^2 * 3 = 12\n"
            "因此，每段小段的长度最长是12厘米。")
    assert final_answer_phrase(text) is None
    assert closing_answer(text) == "12厘米" and final_answer_of(text) == "12"
    assert final_answer_phrase("所以，剩下的是 15 个。") == "15 个"


@pytest.mark.parametrize(("phrase", "symbolic_answer"), [
    ("x \\le -11", True), ("-11 \\le x", True), ("2x^2 + 5x - 12", True), ("x = 2 或 x = 5", True),
    ("\\frac{1}{2}", False), ("5 m", False), ("48元", False), ("46 meters of fencing", False), ("9π", False),
])
def test_an_answer_with_a_variable_is_told_from_a_number_with_a_unit(phrase, symbolic_answer):
    from agents.checks import symbolic

    assert symbolic(phrase) is symbolic_answer
