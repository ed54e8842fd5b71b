"""The recogniser reads Chinese questions (issue 15): one whole Chinese phrasing, said the English way, then
the same SymPy forms; a story problem or a phrasing it does not know is left alone."""

from __future__ import annotations

import pytest

from tutor.verify import solve_question
from tutor.verify.recognise.chinese import as_english


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("3/4 + 1/6 等于多少？", "11/12"),
        ("计算：3/4 + 1/6", "11/12"),
        ("三加五等于几？", "8"),
        ("２５×４＝？", "100"),  # full-width digits and operators
        ("30的五分之二是多少？", "12"),  # Chinese fraction of a number
        ("200的百分之十五是多少？", "30"),
        ("解方程 2x + 3 = 11", "x = 4"),
        ("解不等式 2x - 5 < 9", "x < 7"),
        ("化简 16/20", "4/5"),
        ("因式分解：x^2+7x+12", "(x + 3)(x + 4)"),
        ("展开 (x+3)(x+4)", "x^2 + 7x + 12"),
        ("求 12 和 18 的最大公因数", "6"),
        ("12和18的最小公倍数是多少？", "36"),
        ("12，15，18的平均数是多少？", "15"),
        ("求x^2的导数", "2x"),
        ("对x^3求导", "3x^2"),
    ],
)
def test_a_chinese_question_is_worked_out_like_its_english_twin(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


def test_a_chinese_primality_question_is_answered_no_for_a_composite():
    solution = solve_question("57是质数吗？")
    assert solution is not None and solution.answer_text.startswith("No")


@pytest.mark.parametrize(
    "question",
    [
        "一支铅笔0.8元，买15支要多少钱？",  # a story: the programs' work, not the recogniser's
        "小明有3个苹果，又买了5个，现在有几个？",
        "5个3是多少？",  # a phrasing not listed
        "今天是星期几？",
        "解释一下为什么 2 + 2 = 4",
    ],
)
def test_chinese_it_does_not_know_whole_is_left_alone(question):
    assert solve_question(question) is None


def test_english_questions_are_not_rewritten():
    assert as_english("what is 3/4 + 1/6") is None
