"""A "how many more" question asked the wrong way round is pointed out, with the difference the right way."""

from __future__ import annotations

import pytest

from tutor.verify import false_premises


@pytest.mark.parametrize(("question", "says"), [
    ("小华有95枚邮票，小明有83枚邮票，小明的邮票比小华多多少枚？", "小明比小华少12枚"),  # CMATH cmath-dev-072
    ("小明有30元，小红有45元，小红比小明少多少元？", "小红比小明多15元"),
    ("Ann has 83 stamps and Bo has 95 stamps. How many more stamps does Ann have than Bo?", "Ann has 12 fewer"),
])
def test_a_comparison_the_wrong_way_round_is_a_false_premise(question, says):
    reasons = false_premises(question)
    assert len(reasons) == 1 and says in reasons[0]


@pytest.mark.parametrize("question", [
    "小华有95枚邮票，小明有83枚邮票，小华的邮票比小明多多少枚？",  # asked the right way
    "小明有83枚邮票，小华有95枚，小明比小华少多少枚？",
    "小华有95枚邮票，小明有83枚邮票，又买了20枚，小明的邮票比小华多多少枚？",  # the story changes an amount
    "Ann has 83 stamps. She buys 20 more. Bo has 95 stamps. How many more stamps does Ann have than Bo?",
    "Ann has 83 stamps and Bo has 95 stamps. How many more stamps does Bo have than Ann?",
])
def test_a_comparison_that_can_be_answered_is_left_alone(question):
    assert false_premises(question) == []
