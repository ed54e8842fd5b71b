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


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a lead-in, particles and a remark around the question (the chat a parent types)
        ("帮我看看这道题：2x - 3 = 7，x等于多少？", "x = 5"),
        ("孩子问我0.25×3.6是多少，我算出来怎么跟他的不一样呢", "0.9"),
        ("老师留的计算题：(-6)×(-4) - 15÷(-3) = ? 帮我看看", "29"),
        ("解方程 5(x - 2) = 3x + 4，我总是去括号出错", "x = 7"),
        ("请问 3 + 4 等于几呀", "7"),
        # the verb after the math
        ("x^2 + 5x + 6 = 0 怎么解呢?", "x = -3 or x = -2"),
        ("x/3 + 2 = x/2 这个方程怎么解，x是多少", "x = 12"),
        ("孩子问我不等式 5 - 2x > -3 的解集是什么，不等号要不要变方向啊", "x < 4"),
        ("(x - 5)(x + 3) 展开是多少？", "x^2 - 2x - 15"),
        ("x^2 - 6x + 9 因式分解是什么？", "(x - 3)^2"),
        ("3a + 2b - a + 4b 化简后是多少", "2a + 6b"),
        ("1又2/3 ÷ 5/9 怎么算，答案是多少", "3"),
        # a form the question restates, which the answer already has
        ("因式分解 x^2 - 9，要写成两个式子相乘的形式", "(x - 3)(x + 3)"),
        ("帮我算一下 3/4 + 5/6 等于多少？结果用假分数写就行", "19/12"),
        # powers, roots and conversions in Chinese
        ("2的10次方是多少呀?", "1024"),
        ("根号196等于几？", "14"),
        ("196的平方根是多少", "14"),
        ("3.5米等于多少厘米啊", "350 cm"),
        ("2.4小时是多少分钟呢？", "144 min"),
        ("把4500克换算成千克", "4.5 kg"),
        ("3分米是多少厘米", "30 cm"),
        # a method asked ("怎么求") and the topic being practised as a clause of its own
        ("老师让我们练习求最小公倍数，12和18的最小公倍数怎么求？", "36"),
        ("作业上有一道题：3又二分之一＋2又三分之二＝？结果写成假分数，谢谢", "37/6"),
    ],
)
def test_a_chinese_question_is_read_out_of_the_chat_around_it(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "计算 3/4 + 1/6，结果保留两位小数",  # a rounding asked after the math: not what SymPy's 11/12 states
        "x^2 - 9 = 0，只要正数解",  # one root of two: the answer would not be what is asked
        "3/4 + 1/6 等于多少？用小数表示",  # a form asked for
        "解方程 2x + 3 = 11，再求 x 的 2 倍",  # more math after the comma
        "5元等于多少分",  # 分 is a minute, a cent or a tenth of a yuan: left alone
        "x^2 - 9 因式分解，写成两个式子相加的形式",  # a restatement that is not the factored form
        "我们在练习用小数表示，3/4 + 1/6 等于多少",  # the topic asks for a form
    ],
)
def test_a_trailing_clause_that_may_change_what_is_asked_leaves_the_question_alone(question):
    assert solve_question(question) is None
