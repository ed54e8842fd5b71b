"""The recogniser reads Chinese questions (issue 15): one whole Chinese phrasing, said the English way, then
the same SymPy forms; a story problem or a phrasing it does not know is left alone."""

from __future__ import annotations

import pytest

from tutor.verify import Status, compare_answers, solve_question
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


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # the closing mark of a remark is not a clause of its own
        ("x/3 + 2 = 5，求x，急！", "x = 9"),
        ("3x + 5 = 20 怎么做，谢谢？", "x = 5"),
        # a teacher's requirement the answer already meets
        ("展开 (2x + 1)(x - 3)，老师说要合并同类项", "2x^2 - 5x - 3"),
        ("2x^2 - 8 分解因式，老师说要分解彻底", "2(x - 2)(x + 2)"),
        # the result of a calculation, the value of an expression at a given value
        ("（7.2－2.4）÷0.6×3 的结果是多少？", "24"),
        ("当 x = -2 时，x^2 - 3x + 1 的值是多少？", "11"),
        ("若a=3，求 2a + 5 的值", "11"),
        # rounding to a place or to decimal places
        ("6.8457四舍五入到百分位是多少呀", "6.85"),
        ("3.14159保留两位小数约是多少", "3.14"),
        ("把2467精确到百位", "2500"),
        ("4.96四舍五入到十分位", "5.0"),
        ("12.5保留整数是多少", "13"),
        # a conversion blank and an amount in two units
        ("2.4吨＝（　　）千克", "2400 kg"),
        ("麻烦算一下 2时15分 等于多少分钟", "135 min"),
        ("3米5厘米=（ ）厘米", "305 cm"),
        ("2千克50克是多少克", "2050 g"),
    ],
)
def test_more_chinese_phrasings_are_worked_out(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a price and a discount: what is paid, what is saved
        ("480元打七五折是多少元啊？", "360"),
        ("一件外套原价360元，商场打八五折，现在买要多少钱？", "306"),
        ("一件外套原价360元，商场打八五折，便宜了多少钱？", "54"),
        ("一双鞋原价200元，打8折后是多少元", "160"),
        # a shape and its measures
        ("一个长方形菜地长12米，宽7.5米，面积是多少平方米？", "90 m²"),
        ("一个长方体鱼缸，长8分米，宽5分米，高4分米，它的体积是多少立方分米？", "160 dm³"),
        ("一个正方形边长6厘米，周长是多少厘米", "24 cm"),
        ("一个正方体棱长3厘米，表面积是多少平方厘米", "54 cm²"),
        ("一个三角形底6厘米，高4厘米，面积是多少平方厘米", "12 cm²"),
        ("一个圆形花坛直径10米，周长是多少米", "10π m ≈ 31.42 m"),
        # a die, a bag of balls, handshakes
        ("掷一枚普通的骰子，点数大于4的概率是多少？", "1/3"),
        ("掷一个骰子，朝上的点数是偶数的概率是多少", "1/2"),
        ("掷一个普通的六面骰子一次，掷出的点数是3的倍数的概率是多少？", "1/3"),
        ("袋子里有3个红球、5个白球、2个黄球，随便摸一个，摸到白球的概率是多少？", "1/2"),
        ("8个同学聚会，每两个人都要握一次手，一共要握多少次手?", "28"),
        # numbers made from digits used once, none starting with 0
        ("用0、1、2、3这四个数字，能组成多少个没有重复数字的两位数？", "9"),
        ("用1、2、3、4能组成多少个没有重复数字的三位数", "24"),
        ("用0、2、5、8四张数字卡片，能摆出多少个不同的三位数？（每张卡片只能用一次）", "18"),
    ],
)
def test_a_chinese_word_problem_of_a_known_kind_is_worked_out(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "一件衣服原价240元，先打八折，打完折以后满150元还能减30元，最后要付多少钱？",  # a second price cut
        "一本书原价50元，先涨价20%，后来又降价20%，现在卖多少钱？",  # a rise is not a discount
        "一件衣服打八折后是160元，原价是多少元？",  # the inverse question
        "一个长方形长12米，宽比长短4米，面积是多少平方米",  # a measure given by a relation
        "一个长方形花园长20米，宽15米，四周有一条2米宽的小路，小路的面积是多少",  # a second shape
        "一个长方体水箱，里面长5分米、宽4分米、高3分米，装满能装多少升水？",  # capacity in litres
        "一个长方形长1米，宽50厘米，面积是多少平方厘米",  # mixed units
        "袋子里有3个红球和5个白球，先摸出一个球不放回去，再摸一个，两次都摸到红球的概率是多少呢",  # two draws
        "掷两个骰子，点数之和是7的概率是多少",  # two dice
        "5元等于多少分",  # still ambiguous
        "用1、2、3能组成多少个两位数",  # may a digit repeat? not said
        "7时80分等于多少分钟",  # not how anyone writes a time
    ],
)
def test_a_chinese_word_problem_outside_the_known_kinds_is_left_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # an answer someone got is the attempt to check, not part of the question
        ("解方程：3x＋5＝20，孩子说x=8，对吗？", "x = 5"),
        ("(-2)³＋√49 等于几，这个怎么算，我算出来是15对吗", "-1"),
        ("0.125×8÷0.5=？帮忙算一下，孩子说等于0.5", "2"),
        ("化简：3a－2(a－4b)＋b 我化出来是a-7b，哪里错了", "a + 9b"),
        ("孩子作业有一道填空：3时20分＝（ ）分，他写的是320，我感觉不对，帮忙看下", "200 min"),
        # a method named or asked, before or after the math
        ("84和126的最大公因数是多少？用短除法怎么做", "42"),
        ("一元二次方程 x²－7x＋12＝0 怎么解？用因式分解法，谢谢老师", "x = 3 or x = 4"),
        ("老师，方程 x/3 － 1 ＝ (x－1)/4 去分母以后怎么解？", "x = 9"),
        ("这题怎么做 2(x-3)=x+4 求x", "x = 10"),
        ("帮忙看下这个方程组：2x+y=11，x-y=1，求x和y", "x = 4, y = 3"),
        ("解不等式 2x－1 > 3(x－2)，最后不等号方向要不要变啊", "x < 5"),
        # a blank to fill, a form the exact answer already has
        ("12和18的最小公倍数是（ ），求解答", "36"),
        ("当x=-2时，代数式x^2-3x+1的值是（ ）", "11"),
        ("展开(2x+1)(x-3)，合并同类项后是多少", "2x^2 - 5x - 3"),
        ("三分之二除以四分之三等于多少啊，结果要化成最简分数", "8/9"),
        ("老师，3又二分之一加2又三分之二等于多少？答案要写成假分数，谢谢", "37/6"),
        # a share, a round robin, a circle with π given
        ("75是300的百分之几？", "25%"),
        ("学校篮球赛有6个班参加，每两个班之间都要赛一场，一共要比多少场？我家孩子画图数出来是30场", "15"),
        ("一张圆桌桌面直径1.2米，桌面面积是多少平方米？π取3.14，谢谢", "1.1304 m²"),
    ],
)
def test_a_chinese_question_is_read_past_attempts_methods_and_blanks(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "x^2 - 9 = 0，正数解怎么求",  # the how is asked with a form: one root of two
        "x^2 - 9 = 0，孩子说x是正数，对吗",  # a condition, not an answer someone got
        "0.5 + 0.25 等于多少，结果化成最简分数",  # no fraction bar: SymPy's 0.75 is not the form asked
        "一个半圆的半径是3厘米，面积是多少",  # half a circle
        "一个长方形铁丝框长12厘米，宽8厘米，围成它需要多少厘米铁丝",  # not asked as the shape's measure
        "一张长方形纸长20厘米，宽10厘米，剪去一个最大的正方形，剩下部分的面积是多少",  # a second shape cut off
    ],
)
def test_a_chinese_question_whose_extra_words_change_it_is_left_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a trailing clause of feelings or requests, with no number, no form and nothing more asked
        ("当x=3时，代数式2x^2-x的值是多少？我觉得孩子符号那里搞错了", "15"),
        ("解方程 4x - 7 = 9，明天就要交了", "x = 4"),
        ("(x+1)/2 = 3 这个怎么解，孩子老出错，能写下步骤吗", "x = 5"),
        # the math alone is left after the chat: read as typed
        ("0.25×4.8÷0.6 我算出来是0.2，对吗？？", "2"),
        ("√144＋2³－5²＝", "-5"),
        # a method before the verb, values for two letters, simplify-then-evaluate
        ("用配方法解方程 x²－6x＋5＝0", "x = 1 or x = 5"),
        ("当a=2，b=-1时，求a^2+ab的值", "2"),
        ("先化简，再求值：(a+b)(a-b)+b^2，其中a=3，b=7。数有点大", "9"),
    ],
)
def test_a_chinese_question_is_read_past_a_remark_of_any_wording(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "解方程 2x + 3 = 11，再求它的相反数",  # more is asked after the math
        "x^2 = 9，大的那个是多少",  # one root of two
        "3/4 + 1/6，哪个分数更大",  # another question
        "解方程 x^2 = 2，结果只要正的",  # a form in words
    ],
)
def test_a_chinese_trailing_clause_that_asks_more_is_not_dropped(question):
    assert solve_question(question) is None


def test_an_attempt_with_math_in_it_is_peeled_and_the_equation_solved_whole():
    # held-out Chinese set 4: the programs each printed one root and "x = 2" was marked verified
    solution = solve_question("x(x-5)=2(x-5)，我两边同时除以(x-5)得到x=2，老师给我打了个叉，为什么？正确答案是啥")
    assert solution is not None and solution.answer_text == "x = 2 or x = 5"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # who asks and in which grade, said before the exercise
        ("我家儿子四年级，作业有一道：3/5 + 1/4，要求结果写成最简分数", "17/20"),
        ("孩子初二的作业，有道方程组：x+y=9，x-y=3。我忘光了，能一步一步讲一下吗", "x = 6, y = 3"),
        ("闺女初一，问(x+2)(x-5)展开等于多少", "x^2 - 3x - 10"),
        # an attempt with its working, and which step went wrong
        ("18.4÷0.4+1.5×4 我算出来是52，哪一步错了啊，求指出", "52"),
        ("解方程 (x+1)/2 = (x-1)/3，我去分母后写成 3x+3=2x-1，得 x=-4，老师说不对，哪一步错了", "x = -5"),
        ("x^2-4x+1=0 用配方法，我做到 (x-2)^2=3 就不会了，后面怎么写", "x = 2 - √3 or x = √3 + 2"),
        ("2.5升=多少毫升？我写的250，同桌说我错了，到底是多少", "2500 ml"),
        # values said with 等于
        ("先化简，再求值：(x+1)^2-x^2，其中x等于二分之一", "2"),
    ],
)
def test_a_chinese_question_is_read_past_grade_lead_ins_and_working(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # remarks typed after a space, with no comma
        ("2时30分＝（ ）分 我填的230 为啥错了", "150 min"),
        ("360的25%是多少 五年级的题 我家孩子不知道是该乘还是该除", "90"),
        # the question's own ask after its working
        ("(2a-1)(a+3) 怎么展开，我只记得每一项都要乘一遍，最后结果是多少", "2a^2 + 5a - 3"),
        ("[100－(26＋14)]÷12×5，她先算的12×5，我总觉得不对。正确答案是多少", "25"),
        ("(x+1)/2 - (x-1)/3 = 1 我去分母得到 3(x+1)-2(x-1)=1", "x = 1"),
        ("解一元二次方程 x²－x－6＝0，想用因式分解法，十字相乘我一直凑不出来", "x = -2 or x = 3"),
        ("当x=3时 2x^2-x 等于几", "15"),
        ("4，6，10这三个数的最小公倍数是几", "60"),
    ],
)
def test_a_chinese_question_is_read_past_remarks_typed_without_commas(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "2x + 3 = 11 再求x的相反数",  # more asked after a space
        "3/4 + 1/6 结果保留两位小数",  # a form after a space
    ],
)
def test_a_clause_after_a_space_that_asks_more_is_not_dropped(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("3平方米=（ ）平方分米", "300 dm²"),
        ("2.5立方米等于多少升", "2500 l"),
        ("娃问0.6公顷是多少平方米", "6000 m²"),
    ],
)
def test_area_and_volume_units_are_converted(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # emoticons and emoji are feelings, not math
        ("x^3-4x^2+4x 分解因式 我只提了个x出来后面就不会了[流泪]", "x*(x - 2)^2"),
        ("5+7-3=（ ）她填的8，我说不对她还不服[捂脸] 怎么讲啊", "9"),
        # an answer asked about ("是8吗"); a list of data typed with spaces, after 一组数据, with 它的
        ("一组数据 4 9 2 7 7 5 它的中位数是多少 是7吗", "6"),
        ("这组数据 3、5、7、9 的平均数是多少", "6"),
        # a system typed with a space between the equations, a method named with 消元
        ("解方程组 x+2y=8 3x-y=3 用代入消元怎么做", "x = 2, y = 3"),
        # systems of inequalities: circled labels, 和 between the inequalities, the solution set asked again
        ("解不等式组：①3x-1＞2 ②x+1≤(2x+8)/3 ，写出解集", "1 < x ≤ 5"),
        ("求不等式组的解集：x－2＜2x ① ；(x+1)/2 ≥ x－1 ②", "-2 < x ≤ 3"),
        ("解不等式组 x-1>0 和 3x-2≤7，解集是什么", "1 < x ≤ 3"),
        # the number line asked for as well: a drawing is no answer to give
        ("解不等式 4－x ≥ 2(x－1)，并在数轴上表示解集", "x ≤ 2"),
        # 求值 as the verb; a percent more or less; a ratio of a decimal and a mixed number
        ("求值 (1/3)^-1 + (π-2)^0", "4"),
        ("四十比三十二多百分之几？", "25%"),
        ("15比20少百分之几", "25%"),
        ("化简比：0.6：1又1/5", "1:2"),
        # a trig function squared, written the textbook way
        ("cos²60°+sin30°·tan45° 等于多少", "3/4"),
    ],
)
def test_a_chinese_question_is_read_past_emoticons_labels_and_spaced_lists(question, answer):
    """Held-out Chinese set 7: each phrasing family here was left unread (12 of 40 recognised)."""
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "20比25多百分之几",  # asked the wrong way round
        "解不等式组 x-1>0 和 3x-2≤7，并求出它的整数解",  # the whole numbers in it, not the set
    ],
)
def test_a_chinese_comparison_or_system_that_asks_otherwise_is_left_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("一条小路长150米 在路的一边每隔10米种一棵树 两头都不种 一共要种几棵", "14"),
        ("在一条长200米的公路两旁每隔10米栽一棵树，两端都要栽，一共要栽多少棵树？", "42"),
        ("一个圆形水池周长60米，每隔3米种一棵柳树，一共能种多少棵？", "20"),
        ("学校门前的路长80米，在路的一边每隔4米装一盏路灯，只装一端，需要几盏", "20"),
    ],
)
def test_a_chinese_planting_problem_is_worked_out(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "一条路长100米，每隔5米种一棵树，一共种多少棵",  # which ends: not said
        "一条路长100米，每隔7米种一棵树，两端都种，一共种多少棵",  # 7 does not divide 100
        "一条路长100米，每隔5米种一棵树，两端都种，每棵树苗20元，一共要花多少钱",  # a price: more than the count
    ],
)
def test_a_chinese_planting_problem_not_fully_said_is_left_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("停车场里自行车和三轮车一共20辆，数了数轮子一共有47个，三轮车有几辆？", "7"),
        ("鸡兔同笼，共有35个头，94只脚，兔有几只？", "12"),
        ("停车场有汽车和摩托车共24辆，轮子共86个，摩托车有多少辆", "5"),
    ],
)
def test_a_chinese_heads_and_legs_problem_is_worked_out(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "鸡兔同笼，共有35个头，94只脚，鸡和兔各有几只？",  # both asked
        "笼子里有鸡和兔，鸡有10只，兔有5只，一共有几只脚",  # the legs asked
    ],
)
def test_a_chinese_heads_and_legs_problem_asking_otherwise_is_left_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("一项工程，甲队单独做要10天完成，乙队单独做要15天完成，两队合作需要几天完成？", "6 days"),
        ("一件工作，甲单独做要6小时完成，乙单独做要4小时完成，两人合作几小时完成", "2.4 hours"),
        ("一项工程，甲队单独做12天完成，乙队单独做18天完成。甲队先做3天，剩下的两队合作，还要几天完成？", "5.4 days"),
        ("一项工程，甲队单独做12天完成，乙队单独做18天完成。乙队先做3天，剩下的两队合作，还要几天完成？", "6 days"),
    ],
)
def test_a_chinese_work_problem_is_worked_out(question, answer):
    solution = solve_question(question)
    assert solution is not None and solution.answer_text == answer


@pytest.mark.parametrize(
    "question",
    [
        "一项工程，甲队单独做要10天完成，乙队单独做要15天完成。两队先合做2天，然后甲队调走了，剩下的乙队单独做，还要几天才能做完？",
        "一项工程，甲队单独做要10天，乙队的效率是甲队的2倍，两队合作需要几天？",
    ],
)
def test_a_chinese_work_problem_with_a_change_is_left_alone(question):
    assert solve_question(question) is None


@pytest.mark.parametrize(("question", "given"), [
    ("30到50之间有几个质数？", "5"),
    ("在30和50之间一共有多少个素数", "5"),
    ("20到30之间的质数有哪些", "23, 29"),
])
def test_primes_between_two_numbers_in_chinese(question, given):
    solution = solve_question(question)
    assert solution is not None
    assert compare_answers(given, solution.answer).status is Status.verified


def test_primes_between_an_end_that_is_prime_in_chinese():
    assert solve_question("2到11之间有几个质数") is None
