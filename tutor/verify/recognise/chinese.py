"""Chinese questions for the recogniser (issue 15): the Chinese way of asking, said the English way.

The forms in this package read English phrasings ("what is 3/4 + 1/6", "solve 2x + 3 = 11",
"gcf of 12 and 18"). :func:`as_english` first rewrites Chinese math prose as ASCII math
(:func:`tutor.verify.chinese.to_ascii_math`: numerals, fractions, percents, full-width forms,
operator words), then turns one whole Chinese question phrasing into its English twin:

* 计算 3/4 + 1/6 / 3/4 + 1/6 等于多少？/ 三加五等于几？/ 25×4=？ → what is …
* 解方程 2x + 3 = 11 / 解不等式 … → solve …; 化简 … → simplify …; 因式分解 … → factor …; 展开 … → expand …
* 求 12 和 18 的最大公因数 (最大公约数, 最小公倍数) → gcf / lcm of 12 and 18
* 57 是质数吗？(素数, 合数) → is 57 prime / composite?
* 12、15、18 的平均数 (中位数, 众数) 是多少 → mean / median / mode of 12, 15, 18
* 求 x^2 的导数 / 对 x^2 求导 → derivative of x^2; x^2 的不定积分 → integrate x^2

Only a whole question is rewritten: any Chinese left over (a story, a unit, a phrasing not listed)
gives ``None``, so a word problem stays with the model-written programs, and a question is never
half-read into a wrong ground truth.
"""

from __future__ import annotations

import re

from tutor.verify.chinese import has_chinese, to_ascii_math
from tutor.verify.recognise.chinese_stories import as_english_story
from tutor.verify.recognise.reading import without_emoji
from tutor.verify.recognise.algebra import spaced_relations

_END = r"\s*[?.!]?\s*$"
_ASK = (r"(?:(?:的)?\s*(?:结果|值|得数|答案)\s*(?:是多少|等于多少|是几|为多少|是什么|是\s*\(\s*\))|是\s*\(\s*\)|是多少|是几"
        r"|等于多少|等于几|得多少|得几"
        r"|是什么|为多少|=\s*\?|=|(?:该|应该)?(?:怎么|如何|咋)(?:求|算|计算|找))?")
_LIST = (r"(?:(?:这|一|1)组数(?:据)?\s*(?:是|为)?\s*:?\s*)?"
         r"(-?\d+(?:\.\d+)?(?:(?:\s*[,、和与及]\s*|\s+)-?\d+(?:\.\d+)?)+)\s*,?\s*(?:它的|它们的|这组数(?:据)?的|的)?")
"""A list of numbers, after "一组数据" or not, separated by commas, 、, 和 or spaces, then whose statistic: "它的中位数"."""

_FORMS: list[tuple[re.Pattern[str], str]] = [
    # the whole question is an instruction followed by the math
    (re.compile(r"^(?:请)?解(?:一元一次|一元二次|二元一次)?(?:方程组|方程|不等式组|不等式)?\s*[:]?\s*(?P<m>[^\u4e00-\u9fff]+?)"
                + _END), "solve {m}"),
    (re.compile(r"^(?:请)?求(?:一元一次|一元二次|二元一次)?(?:方程组|方程|不等式组|不等式)的解集?\s*[:]?\s*"
                r"(?P<m>[^\u4e00-\u9fff]+?)" + _END), "solve {m}"),
    (re.compile(r"^(?:请)?化简\s*[:]?\s*(?P<m>[^\u4e00-\u9fff]+?)" + _END), "simplify {m}"),
    (re.compile(r"^(?:请)?(?:因式分解|分解因式)\s*[:]?\s*(?P<m>[^\u4e00-\u9fff]+?)" + _END), "factor {m}"),
    (re.compile(r"^(?:请)?展开\s*[:]?\s*(?P<m>[^\u4e00-\u9fff]+?)" + _END), "expand {m}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*(?P<m>[^\u4e00-\u9fff]+?)\s*的导数" + _ASK + _END), "derivative of {m}"),
    (re.compile(r"^(?:请)?对\s*(?P<m>[^\u4e00-\u9fff]+?)\s*求导(?:数)?" + _END), "derivative of {m}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*(?P<m>[^\u4e00-\u9fff]+?)\s*的不定积分" + _ASK + _END), "integrate {m}"),
    # number facts
    (re.compile(r"^(?:请)?(?:求|计算)?\s*(?P<a>\d+)\s*(?:和|与|,)\s*(?P<b>\d+)\s*的最大公(?:因数|约数)" + _ASK + _END),
     "gcf of {a} and {b}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*(?P<a>\d+)\s*(?:和|与|,)\s*(?P<b>\d+)\s*的最小公倍数" + _ASK + _END),
     "lcm of {a} and {b}"),
    (re.compile(r"^(?P<n>\d+)\s*是(?:不是)?(?:一个)?(?:质数|素数)(?:吗|还是合数)?" + _END), "is {n} prime?"),
    (re.compile(r"^(?P<n>\d+)\s*是(?:不是)?(?:一个)?合数吗?" + _END), "is {n} composite?"),
    (re.compile(r"^(?:请问)?(?:在)?\s*(?P<a>\d+)\s*(?:到|和|与|至|~|-)\s*(?P<b>\d+)\s*(?:之间|中间)(?:一共)?(?:有)?"
                r"(?:几个|多少个)(?:质数|素数)" + _END), "how many prime numbers are there between {a} and {b}"),
    (re.compile(r"^(?:请问)?(?:在)?\s*(?P<a>\d+)\s*(?:到|和|与|至|~|-)\s*(?P<b>\d+)\s*(?:之间|中间)的(?:质数|素数)"
                r"(?:有哪些|是哪些|有哪几个)" + _END), "which are the primes between {a} and {b}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"\s*(?:这\s*\d+\s*个数)?\s*的最小公倍数" + _ASK + _END), "lcm of {0}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"\s*(?:这\s*\d+\s*个数)?\s*的最大公(?:因数|约数)" + _ASK + _END),
     "gcf of {0}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"平均数" + _ASK + _END), "mean of {0}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"中位数" + _ASK + _END), "median of {0}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"众数" + _ASK + _END), "mode of {0}"),
    # more or less, as a share of the second: "30比25多百分之几", "20比25少百分之几"
    (re.compile(r"^(?P<a>\d+(?:\.\d+)?)\s*比\s*(?P<b>\d+(?:\.\d+)?)\s*(?P<w>多|少)(?:了)?\s*百分之几" + _END),
     "{a} is what percent {w} than {b}"),
    # a ratio in lowest terms: "化简比：0.75：1又1/4", "化简 12∶18"
    (re.compile(r"^(?:请)?(?:化简比|化简|把比化简|求最简比)\s*[:]?\s*(?P<a>[\d./()+]+)\s*(?::|比)\s*(?P<b>[\d./()+]+)"
                r"\s*(?:化成最简(?:整数)?比)?" + _END), "simplify the ratio {a} : {b}"),
    # a share: "75是300的百分之几", "18占60的百分之几"
    (re.compile(r"^(?P<a>\d+(?:\.\d+)?)\s*(?:是|占|is)\s*(?P<b>\d+(?:\.\d+)?)\s*的\s*百分之几" + _END),
     "{a} is what percent of {b}"),
    # plain evaluation: 计算 …, … 等于多少, … = ?
    (re.compile(r"^(?:请)?(?:计算|算一算|算算|求值|求)\s*[:]?\s*(?P<m>[^\u4e00-\u9fff]+?)\s*" + _ASK + _END), "what is {m}"),
    (re.compile(r"^(?P<m>[^\u4e00-\u9fff=]+?)\s*(?:(?:的)?\s*(?:结果|值|得数)\s*(?:是多少|等于多少|是几|为多少)|是多少|是几"
                r"|等于多少|等于几|得多少|得几|=\s*\?|(?:是|=)\s*\(\s*\)|=)" + _END), "what is {m}"),
]


# ---------------------------------------------------------------- the chat around a question
# A parent or a student types more than the question: a lead-in ("帮我看看这道题：", "孩子问我"), a method or
# answer question after the math ("x^2 + 5x + 6 = 0 怎么解呢？", "(x - 5)(x + 3) 展开是多少？"), a remark
# ("，我总是去括号出错") and modal particles (呢, 呀, 啊). As ``chat.unwrap`` does for English, these are peeled off
# whole, words only, so no part of the math is lost; a trailing clause that could change what is asked (a form,
# a rounding, "the positive root") is never dropped: the question is then left alone.

_PARTICLES = re.compile(r"[呢呀啊吧嘛哦哇啦呐捏]+(?=\s*[?.!~]*\s*$)")
_METHOD_NAME = r"(?:用|按|利用)[^\d,;:]{1,8}?(?:方法|法|消元)"
"""A method named: 用短除法, 用配方法, 利用因式分解法."""
_LEAD = re.compile(
    r"^(?:"  # the longer lead-ins first: an alternative that matches ends the choice
    # who asks and in which grade, as a clause of its own: "我家闺女五年级，", "孩子初一的作业，"
    r"(?:我家|我的)?(?:孩子|闺女|儿子|女儿|娃|小孩|学生)?(?:今年|现在)?(?:上|读)?(?:小学)?"
    r"(?:[一二三四五六七八九1-9]\s*年级|初[一二三1-3]|高[一二三1-3])(?:的)?(?:数学)?(?:作业|题|题目)?(?=\s*[,:]|\s+)|"
    r"(?:[一二三四五六七八九1-9]\s*年级|初[一二三1-3]|高[一二三1-3])(?:的)?(?:孩子|学生|小孩|娃)(?:问我|问)|"
    # the topic being practised, as a clause of its own: "老师让我们练习求最小公倍数，"
    r"(?:老师|我们|孩子)?(?:让我们|让孩子|在|正在)?(?:练习|学习|复习)[^\d,;:.?!]{0,10}(?=\s*,)|"
    r"(?:帮我|帮忙|帮帮我|请|麻烦)(?:算一下|算算|算一算|计算一下|看看|看一下|看下|看一看|解一下|做一下|讲一下|讲讲"
    r"|检查一下|想想)(?:这个|这道|这)?(?:方程组|方程|不等式组|不等式|题目|题)?"
    # "这题怎么做 2(x-3)=x+4 求x": the how, said before the math
    r"|(?:这|这个|这道)(?:题目|题|方程组|方程|不等式组|不等式)?(?:该|应该)?(?:怎么|如何|咋)(?:做|算|解|求)"
    # a method before the verb: "用配方法解方程 …", "用短除法求 …"
    r"|" + _METHOD_NAME + r"(?=\s*(?:解|求|计算|算|化简|分解|因式分解|展开))"
    # a label naming the kind of equation: "一元二次方程 x²－7x＋12＝0 怎么解"
    r"|(?:一元一次|一元二次|二元一次)(?:方程组|方程|不等式组|不等式)"
    r"|(?:我家|我的|我)?(?:孩子|儿子|女儿|学生|小孩|闺女|娃|宝宝)(?:问我|问|不会做|不会|卡在|让我看|做到|遇到)(?:了)?"
    r"|(?:老师|学校)(?:留的|布置的|出的|让我们练习的?)(?:计算题|作业题?|练习题?|题目?)?"
    r"|(?:我家|我的|我)?(?:孩子|儿子|女儿|小孩)?(?:的)?(?:作业|练习|练习册|课本|试卷)(?:上|里)?(?:有)?(?:一道|1道|的)?"
    r"(?:填空题|填空|计算题|题目?)?"
    r"|(?:有|这|一|1)道(?:计算|数学)?(?:题目|题|方程组|方程|不等式组|不等式|填空题|填空)|这题|这个题"
    r"|(?:老师|学校)?(?:布置|留|出)的(?:口算|作业|题目|题|练习)?"
    r"|请问|请|麻烦(?:你|您)?|你好|您好|老师好?|急|求助|求教|问一下|问个问题|想问一下|问"
    r")\s*[:,.]?\s*")
_REMARK = re.compile(
    r"(?:帮我看看|帮忙看看|帮忙看下|帮我看一下|帮我检查一下|帮忙算一下|帮我算一下|谢谢(?:你|您|了|啦|老师)?|多谢|感谢"
    r"|急|急急急|在线等|拜托(?:了|啦)?|求解答|求解释|求过程|求详细过程|求讲解|求大神|求帮助|求指出|求指点|求思路"
    r"|求(?:详细|完整)?(?:的)?(?:步骤|解题过程|过程)"
    r"|(?:那|所以)?(?:到底|究竟)?(?:是)?哪(?:一步|1步|步|里|儿|个地方)(?:算|做|写)?(?:错了|错|不对|有问题|出错了?|出了问题)"
    r"|(?:那|所以)?(?:到底|究竟)?谁(?:对|是对的)"
    r"|(?:那|所以)?(?:到底|究竟)(?:是|等于)?(?:多少|几|什么)"
    # the method asked or named: "用短除法怎么做", "用因式分解法", "去分母以后怎么解", "这个怎么算"
    r"|(?:想|要|打算|可以)?" + _METHOD_NAME + r"(?:该|应该)?(?:怎么|如何|咋)?(?:做|算|解|求|列)?"
    r"|(?:用)?[^\d,;:]{1,8}?法好还是[^\d,;:]{1,8}?法好"
    r"|[^\d,;:]{0,8}?(?:以后|之后|后)?(?:该|应该)?(?:怎么|如何|咋)(?:解|做|算|求|列|讲|写|办|弄|教)"
    r"|(?:我|他|她|孩子|我们|老师|同桌|同学)(?:总是|老是|一直|怎么|每次)?[^\d,;:]{0,12}?(?:出错|做错|算错|错了|不对|不会"
    r"|哪里错|不一样"
    r"|搞不懂|不懂|想不通|想不明白|卡住了)"
    r"|(?:我|他|她)(?:算了|做了|试了)(?:好几遍|很多遍|半天|几次)"
    r"|(?:我家孩子|孩子|我|他|她|娃|学生)[^\d,;:]{0,4}?(?:不知道|不清楚|分不清|搞不清|弄不清|想不明白|不明白|忘了|记不清)"
    r"[^\d,;:]{0,14}"
    r"|[^\d,;:]{0,10}(?:要不要|需不需要|用不用|是不是要)[^\d,;:]{0,12}"
    r"|(?:该|应该)?(?:怎么|如何)(?:算|计算|做|解|求|办)|哪里错了|错在哪(?:里|儿)?"
    r"|(?:那|所以)?(?:正确|最终|最后的?|标准)(?:的)?(?:答案|结果)(?:到底)?(?:是|等于)(?:多少|几|什么|啥)"
    r"|(?:答案|结果)?(?:是多少|等于多少|是什么|是几|等于几)|对吗|对不对|是不是"
    # the solution set asked for again, or drawn on a number line (a drawing is no answer to give)
    r"|(?:并)?(?:写出|求出|求)?(?:它的|其|不等式组?的)?解集(?:是什么|是多少|为多少)?"
    r"|(?:并)?(?:把|将)?(?:它的|其|不等式组?的)?解集(?:在数轴上|用数轴)表示(?:出来)?"
    r"|(?:并)?在数轴上表示(?:出)?(?:它的|其|不等式组?的)?解集(?:来)?)")
"""A trailing clause that says nothing about the math: help, thanks, the asker's own trouble, how to go about it."""
_FORM_WORDS = re.compile(r"保留|精确|四舍五入|小数|分数|百分|约|近似|表示|化成|写成|形式|最简")
"""Words that ask for a form of the answer (a rounding, a decimal, simplest form)."""
_FORM_CLAUSE = re.compile(_FORM_WORDS.pattern + r"|正数|负数|整数|解|根|正的|负的|较大|较小|大的那|小的那|单位")
"""A trailing clause's words that may change what is asked: a form, or which solutions ("只要正数解")."""
_ONE_WORD = re.compile(r"(?<![\d.])1(?=\s*(?:步|下|遍|些|样|直|定|般|会儿|会|项|点儿))|(?<![\d.])10(?=字相乘)")
_ASKS_MORE = re.compile(r"求|再|并|然后|还要|还是|另|比较|判断|写出|算出|列出|画出|相反数|倒数|绝对值|平方|立方|倍|多少|几"
                        r"|哪|分别|各|如果|假如|若|当|其中|已知|只要|只求|只取|只写|只算|不要|不能|不用|最大|最小|之和|之差|之积|之商|是否")
"""Words in a trailing clause that may ask for more or other than the math before it ("再求它的倒数", "哪个大")."""
_CLAUSE_END = re.compile(r"(?<=[,;?!])|(?<=\.)(?=\s|$)")
"""Where a clause ends: a comma, a semicolon, a question or exclamation mark, a full stop (not a decimal point)."""
_FACTORED = re.compile(r"(?:要|请)?(?:写成|化成|变成|分解成)?(?:两个|几个|2个)?(?:式子|因式|整式)?(?:相乘|乘积|积)的?形式")
_TEACHER = r"(?:老师|题目|书上|课本)?(?:说|要求|让)?(?:要|需要|必须|得)?"
_COMPLETELY = re.compile(_TEACHER + r"(?:因式)?分解(?:得|到)?(?:要)?(?:彻底|完全|到不能再分解(?:为止)?)")
"""'老师说要分解彻底': SymPy's factor already factors completely over the rationals, as school asks."""
_COLLECTED = re.compile(_TEACHER + r"(?:合并同类项|把同类项合并|结果要?合并同类项)(?:后|以后)?"
                        r"(?:的结果)?(?:是多少|等于多少|是什么|得多少)?")
"""'老师说要合并同类项': an expansion or simplification is shown with like terms collected."""
_IMPROPER = re.compile(r"(?:要求|题目要求)?(?:结果|答案)?(?:要|需要|得)?(?:用|写成|化成)?假分数(?:写|表示)?(?:就行|就可以|即可)?")

_SIMPLEST = re.compile(r"(?:要求|题目要求)?(?:结果|答案)?(?:要|需要|得)?(?:化成|写成|用|化为|化到|是)?最简(?:分数|分式)?(?:形式)?(?:表示)?(?:就行|就可以|即可)?")
"""'结果要化成最简分数': an exact fraction from SymPy is always in lowest terms (peeled only where the math has a
fraction bar)."""
_METHOD = re.compile(_METHOD_NAME + r"|(?:该|应该)?(?:怎么|如何|咋)(?:解|做|算|求|列|讲)")
"""A method named or asked in a remark; what is left of the remark must not ask for a form ("正数解怎么求")."""
_DOUBT = (r"(?:对吗|对不对|是对的吗|对么|对不|吗|吧|哪里错了|错在哪(?:里|儿)?|不对|好像不对|是不是对的"
          r"|[\u4e00-\u9fff]{0,3}?(?:就不会了|不会了|做不下去了|卡住了|被扣分了|打了叉|说不对|说错了))")
_UNIT_WORD = r"[\u4e00-\u9fff]{1,2}?"
"""A unit or counter after an answer: 30场, 320分, 15元."""
_CLAIM_SUBJECT = (r"(?:我家孩子|我儿子|我女儿|我家娃|孩子|儿子|女儿|闺女|小孩|娃|宝宝|学生|同学|我们|我|他|她|答案|书上|课本"
                  r"|老师|参考答案)")
_CLAIM_VERB = (r"(?:自己)?(?:说|算出来|算出|算得|算的|写的|写了个|写了|写成了|写成|化出来|化简出来|化简出|化简得|化成了|化出"
               r"|解出来|解得|解的|做出来|做的|做到|得到|得出来|得出|得的|得了|填的|填了|填成|求出来|求出|求得|答的|数出来"
               r"|数的|量出来|算到|写到|得)")
_CLAIM = re.compile(rf"(?:{_CLAIM_SUBJECT}[^,;:]{{0,24}}?)?{_CLAIM_VERB}\s*(?:的)?\s*(?:是|等于|=|得)?\s*"
                    rf"[^\u4e00-\u9fff,;]{{1,30}}?(?:{_UNIT_WORD})?\s*,?\s*{_DOUBT}?|(?:这题|这道题|这个)?(?:是)?填\s*[^\u4e00-\u9fff,;]{{1,30}}?\s*{_DOUBT}"
                    # "是8吗", "等于10对吗": the answer someone thinks it is, asked about
                    rf"|(?:答案|结果|应该)?(?:是|等于|=)\s*[^\u4e00-\u9fff,;]{{1,30}}?\s*(?:吗|么|对吗|对不对|吧|不)"
                    # "我只提了个x出来后面就不会了": how far the asker got, then stuck
                    rf"|{_CLAIM_SUBJECT}[^,;]{{0,20}}?{_DOUBT}")
"""A clause with an answer someone got ("孩子说x=8，对吗", "他写的是320", "我算出来是15对吗", "这题是填2.5吗"): the
student's attempt, not part of the question; the tools work the question out and the reply checks the attempt."""
_CLAIM_AFTER = re.compile(rf"(?:\s+|(?<=[)=]))(?<!\()(?<!\(\s){_CLAIM_SUBJECT}[^,;:\s\d]{{0,8}}?\s*{_CLAIM_VERB}\s*(?:的)?\s*(?:是|等于|=|得|(?=\s))?\s*[^\u4e00-\u9fff,;]{{1,30}}?"
                          rf"\s*{_DOUBT}?$")
"""The same, typed after the math without a comma: "化简：3a－2(a－4b)＋b 我化出来是a-7b"."""


def _peel(text: str) -> str | None:
    """``text`` without its lead-in, particles and trailing remarks; None when a trailing clause may change what
    is asked."""
    for _ in range(4):
        m = _LEAD.match(text)
        if m is None or not m.group(0).strip():
            break
        if _FORM_WORDS.search(m.group(0)):
            return None  # "我们在练习用小数表示，…": the lead-in asks for a form
        text = text[m.end():]
    text = _PARTICLES.sub("", text).strip()
    flags = {"factoring": bool(re.search(r"因式分解|分解因式", text)), "expanding": bool(re.search(r"展开|化简", text))}
    while True:
        # "x/3 + 2 = 5，求x，急！", "…，为什么？正确答案是啥": the closing mark ends the last clause, it is not an
        # empty clause of its own (a "?" after "=" is kept: "25×4=？" asks with it)
        text = re.sub(r"(?<=[^\d\s!~.?=])[\s!~.?]+$", "", text)
        parts = _CLAUSE_END.split(text)
        verdict = "keep"
        if len(parts) >= 2:
            head, tail = text[: len(text) - len(parts[-1])], parts[-1]
            verdict = _clause_verdict(tail, head, flags)
            if verdict is None:
                return None
        if verdict == "keep":
            # "2时15分＝（ ）分 我填的215 为啥错了": a clause after a space, typed without a comma
            spaced = re.search(r"\s+(?=[\u4e00-\u9fff][^\s]*$)", text)
            if spaced is None:
                return _CLAIM_AFTER.sub("", text)
            head, tail = text[: spaced.start()], text[spaced.end():]
            verdict = _clause_verdict(tail, head, flags, spaced=True)
            if verdict != "drop":
                return _CLAIM_AFTER.sub("", text) if verdict == "keep" else None
        text = _PARTICLES.sub("", head.rstrip(" ,;")).strip()  # a "?" or "!" of the question stays
        if not text:
            return None


_VERB_WORDS = re.compile(r"怎么|如何|咋|多少|几|什么|求|解|算|等于|展开|化简|分解|约")
"""Words that may be the question's own verb or ask, typed after the math with only a space before them."""


def _clause_verdict(tail: str, head: str, flags: dict[str, bool], *, spaced: bool = False) -> str | None:
    """What a trailing clause is: "drop" (a remark, an attempt, a form the answer already has), "keep" (part of the
    question, or words a form reads) or None (it may change what is asked: the question is left alone).

    A clause typed after a space (``spaced``) is only dropped when it is plainly not math: an attempt or a remark
    with no number, so "当x=-2时 x^2-3x+1 的值" keeps its parts."""
    clause = _PARTICLES.sub("", tail).strip(" .?!;~")
    # "一步一步", "一下" were written as digits by to_ascii_math ("1步1步"); in a remark they are words
    clause = _ONE_WORD.sub(lambda m: "十" if m.group(0) == "10" else "一", clause)
    if not clause:
        return "keep"
    wordy = not re.search(r"[\dA-Za-z]", clause)
    restated = ((flags["factoring"] and (_FACTORED.fullmatch(clause) or _COMPLETELY.fullmatch(clause)))
                or (flags["expanding"] and _COLLECTED.fullmatch(clause)) or _IMPROPER.fullmatch(clause)
                or ("/" in head and _SIMPLEST.fullmatch(clause)))
    if spaced:
        # after a space only an attempt, a restated form or plain feelings go: "怎么解", "展开是多少" may be the
        # question's own verb
        if _CLAIM.fullmatch(clause) or restated:
            return "drop"
        if wordy and not _VERB_WORDS.search(clause) and not _FORM_CLAUSE.search(clause) and (
                _REMARK.fullmatch(clause) or not _ASKS_MORE.search(clause)):
            return "drop"
        return "keep"
    remark = wordy and _REMARK.fullmatch(clause)
    if remark and _METHOD.search(clause) and _FORM_CLAUSE.search(_METHOD.sub("", clause)):
        return None  # "正数解怎么求": the how is said with a form
    if _CLAIM.fullmatch(clause) or remark or restated:
        return "drop"
    if not wordy:
        return "keep"
    if _FORM_CLAUSE.search(clause):
        return None
    if _ASKS_MORE.search(clause):
        return "keep"  # the words stay, and a form reads them or leaves the question alone
    # words with no number, no form and nothing more asked: how the asker feels about it ("我觉得负号那里有问题",
    # "明天就要交了", "能写下步骤吗", "为什么要变方向"), never what is asked
    return "drop"


_MATH = r"[^\u4e00-\u9fff]+?"
_THEN = r"\s*,?\s*"
_AFTER_ASK = (r"(?:(?:答案|结果)?(?:是多少|是什么|等于多少|等于什么|得多少|得什么|是几|等于几|为多少|是\s*\(\s*\)"
              r"|(?:约|大约)(?:等于|是)(?:多少|几)))?")
_HOW = r"(?:(?:该|应该)?(?:怎么|如何)(?:算|计算|做|解|求|求解|分解|展开|化简))?"
_SOLVE_ASK = (r"(?:这个(?:方程组?|不等式)?|这道题|这题)?\s*(?:" + _METHOD_NAME + r"(?:来)?(?:解|求解)?|(?:(?:去分母|去括号|移项|配方|" + _METHOD_NAME + r")(?:以后|之后|后)?)?"
              r"(?:该|应该)?(?:怎么|如何)(?:解|求解?|做|算)|求解|解是什么"
              r"|的解(?:集)?(?:是什么|是多少|为多少|是)?|[a-z]\s*(?:等于|是|为|=)\s*(?:多少|几|什么|\?)"
              r"|求\s*[a-z](?:\s*(?:和|与|、|,)\s*[a-z])*(?:的值)?)")
_ZH_UNITS = {
    "毫米": "mm", "厘米": "cm", "分米": "dm", "米": "m", "千米": "km", "公里": "km", "毫克": "mg", "克": "g",
    "千克": "kg", "公斤": "kg", "吨": "t", "秒钟": "s", "秒": "s", "分钟": "min", "小时": "h", "钟头": "h",
    "天": "day", "周": "week", "星期": "week", "毫升": "ml", "升": "l", "立方厘米": "ml", "立方分米": "l",
    "立方米": "m³", "平方毫米": "mm²", "平方厘米": "cm²", "平方分米": "dm²", "平方米": "m²", "平方千米": "km²",
    "平方公里": "km²", "公顷": "hectares",
}
"""Units a conversion is asked in, by their English names (``data.convert`` reads those). Left out on purpose:
分 (a minute, a cent or a tenth of a 元), 时 and 斤."""
_ZH_UNIT = "(" + "|".join(sorted(map(re.escape, _ZH_UNITS), key=len, reverse=True)) + ")"
_AMOUNT = r"(-?\d+(?:\.\d+)?(?:/\d+)?)"
_VALUES = (r"[a-z]\s*(?:=|等于|为)\s*-?\d+(?:\.\d+)?(?:/\d+)?"
           r"(?:\s*(?:,|和|与|且)\s*[a-z]\s*(?:=|等于|为)\s*-?\d+(?:\.\d+)?(?:/\d+)?)*")
"""Values given to letters: "x = -2", "a＝2021，b＝－3"."""
_CONVERT_TO = r"(?:等于|是|合|有|=|换算成|换成|化成|化为)\s*(?:多少|几|\(\s*\)|_+|\?)?\s*"
"""Between an amount and the unit it is asked in: 等于多少, ＝（　　）, =___."""
_PLACES = {"个位": "the nearest whole number", "整数": "the nearest whole number", "整数位": "the nearest whole number",
           "十分位": "the nearest tenth", "百分位": "the nearest hundredth", "千分位": "the nearest thousandth",
           "十位": "the nearest ten", "百位": "the nearest hundred", "千位": "the nearest thousand",
           "万位": "the nearest ten thousand"}
_PLACE = "|".join(sorted(_PLACES, key=len, reverse=True)) + r"|\d\s*位小数|0\.0*1"

_CHAT_FORMS: list[tuple[re.Pattern[str], str]] = [
    # the verb after the math: "x^2 + 5x + 6 = 0 怎么解", "2x - 3 = 7, x等于多少", "不等式 … 的解集是什么"
    (re.compile(r"^(?:解)?(?:一元一次|一元二次|二元一次)?(?:方程组?|不等式组?)?\s*:?\s*(?P<m>" + _MATH + r"[=<>≤≥]" + _MATH
                + r")" + _THEN
                + r"(?:" + _SOLVE_ASK + _THEN + r")+" + _END), "solve {m}"),
    (re.compile(r"^(?:把|将)?\s*(?P<m>" + _MATH + r")\s*(?:该|应该)?(?:怎么|如何)?展开(?:来|后|的结果)?" + _THEN + _AFTER_ASK + _END),
     "expand {m}"),
    (re.compile(r"^(?:把|将)?\s*(?P<m>" + _MATH + r")\s*(?:因式分解|分解因式)(?:后|的结果)?" + _THEN + _AFTER_ASK
                + _THEN + _HOW + _END), "factor {m}"),
    (re.compile(r"^(?:把|将)?\s*(?P<m>" + _MATH + r")\s*(?:该|应该)?(?:怎么|如何)?化简(?:后|的结果)?" + _THEN + _AFTER_ASK + _END),
     "simplify {m}"),
    # conversions: "3.5米等于多少厘米", "2.4小时是多少分钟", "把4500克换算成千克", "2.4吨＝（　　）千克", and a
    # compound amount "2时15分等于多少分钟", "3米5厘米=（ ）厘米" (时 and 分 only there: alone they are ambiguous)
    (re.compile(r"^(?:把|将)?\s*" + _AMOUNT + r"\s*" + _ZH_UNIT + r"\s*(?:" + _AMOUNT + r"\s*" + _ZH_UNIT + r"\s*)?"
                + _CONVERT_TO + _ZH_UNIT + r"\s*" + _AFTER_ASK + _END), "convert"),
    (re.compile(r"^(?:把|将)?\s*(\d+)\s*(?:小时|时)\s*(\d+)\s*(?:分钟|分)\s*" + _CONVERT_TO + r"(分钟|分|秒钟|秒)\s*"
                + _AFTER_ASK + _END), "hours and minutes"),
    # rounding: "6.8457四舍五入到百分位是多少", "3.14159保留两位小数约是多少", "把2467精确到百位"
    (re.compile(r"^(?:把|将)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?:用四舍五入法)?\s*(?:四舍五入|精确|保留|取近似数|取近似值)\s*"
                r"(?:到|至)?\s*(?P<place>" + _PLACE + r")\s*(?:后|以后)?\s*(?:约|大约)?\s*" + _AFTER_ASK + r"\s*"
                + _END), "rounding"),
    # a value substituted: "当 x = -2 时，x^2 - 3x + 1 的值是多少", "若a=3，求 2a + 5 的值"
    (re.compile(r"^(?:当|若|如果|已知)?\s*(?P<vals>" + _VALUES + r")\s*(?:时)?\s*,?\s*"
                r"(?:求|计算|那么|则)?\s*(?:代数式)?\s*(?P<m>" + _MATH + r")\s*(?:的值\s*" + _AFTER_ASK + r"|"
                + _AFTER_ASK.removesuffix("?") + r")" + _END),
     "evaluate {m} when {vals}"),
    # "先化简，再求值：(a＋b)²－a(a＋2b)，其中a＝2021，b＝－3": simplifying first is the method; the value is asked
    (re.compile(r"^(?:请)?先化简\s*,?\s*(?:再|然后)?求值\s*:?\s*(?P<m>" + _MATH + r")\s*,?\s*其中\s*(?P<vals>"
                + _VALUES + r")" + _END), "evaluate {m} when {vals}"),
    # evaluation with the method asked: "… 怎么算, 答案是多少", "… = ? 帮我看看" (the remark is peeled first)
    (re.compile(r"^(?:(?:请)?(?:计算|算一算|算算|求)\s*:?\s*)?(?P<m>[^\u4e00-\u9fff=]+?)\s*(?:=\s*\?)?"
                + _THEN + r"(?:(?:该|应该)?(?:怎么|如何)(?:算|计算|做))" + _THEN + _AFTER_ASK + _END), "what is {m}"),
]


_CIRCLED = re.compile(r"\s*[①②③④⑤⑥]\s*")
def _items(text: str) -> str:
    """The parts of a system as a list: "①2x+1>-3 ②x-1≤(x+2)/2" and "2x+3y=12 3x-2y=5" (typed with a space between
    the equations) are "2x+1>-3, x-1≤(x+2)/2" and "2x+3y=12, 3x-2y=5". A circled number that only labels one
    relation ("(x+2)/3 ≥ x ②") goes too."""
    text = re.sub(r"(?<=[\d)a-z])\s*[①②③④⑤⑥](?=\s*(?:[,;.]|$|\s+[①②③④⑤⑥]|\s+[\d(a-z-]))", "", text)
    text = re.sub(r"(?<=[:,;\s])[①②③④⑤⑥]\s*|^[①②③④⑤⑥]\s*", "", text)
    text = re.sub(r"(?<=[\d)a-z])\s*[①②③④⑤⑥]\s*", ", ", text)
    if len(re.findall(r"[=<>≤≥]", text)) >= 2:
        # "x+1>0 和 2x-3≤1": two relations joined by a word
        text = re.sub(r"(?<=[\d)a-z])\s*(?:和|与|以及|且)\s*(?=-?[\w(.]+[^,;\s\u4e00-\u9fff]*[=<>≤≥])", ", ", text)
    return spaced_relations(text)


def _roots(text: str) -> str:
    """根号196, 196的平方根 (算术平方根): the square root, as sqrt(…)."""
    text = re.sub(r"根号\s*(\d+(?:\.\d+)?)", r"sqrt(\1)", text)
    return re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)\s*的\s*(?:算术)?平方根", r"sqrt(\1)", text)


def as_english(question: str) -> str | None:
    """The English phrasing of a Chinese math question, or None (not Chinese, or not one whole known form)."""
    if not has_chinese(question):
        return None
    text = _roots(to_ascii_math(without_emoji(question)).strip())
    text = _items(text)
    candidates = list(dict.fromkeys(t for t in (text, _peel(text)) if t))
    for candidate in candidates:
        english = _read(candidate)
        if english is not None:
            return english
    bare = candidates[-1]
    if not has_chinese(bare) and re.search(r"[\d=]", bare):
        return bare  # "0.25×4.8÷0.6 我算出来是0.2，对吗？？": the math alone, as typed
    for candidate in candidates:
        english = as_english_story(question, candidate)
        if english is not None:
            return english
    return None


def _read(text: str) -> str | None:
    for pattern, english in _CHAT_FORMS:
        m = pattern.match(text)
        if m is None:
            continue
        if english == "convert":
            amount, src, more, small, dst = m.groups()
            more = f" {more} {_ZH_UNITS[small]}" if more else ""
            out = f"convert {amount} {_ZH_UNITS[src]}{more} to {_ZH_UNITS[dst]}"
        elif english == "hours and minutes":
            unit = "s" if m.group(3).startswith("秒") else "min"
            out = f"convert {m.group(1)} h {m.group(2)} min to {unit}"
        elif english == "rounding":
            place = re.sub(r"\s+", "", m.group("place"))
            target = _PLACES.get(place) or (f"{place[0]} decimal places" if place.endswith("位小数")
                                            else f"the nearest {place}")
            out = f"round {m.group('n')} to {target}"
        else:
            groups = {k: v.strip() for k, v in m.groupdict().items() if v is not None}
            if "vals" in groups:  # "a＝2021，b＝－3", "x等于-1/2", "a=2和b=3": said "a = 2021, b = -3"
                groups["vals"] = re.sub(r"\s*(?:和|与|且)\s*", ", ", re.sub(r"\s*(?:等于|为)\s*", " = ", groups["vals"]))
            out = english.format(**groups)
        if has_chinese(out) or not re.search(r"\d|[a-z]", out.split(" ", 1)[-1]):
            return None
        return out
    for pattern, english in _FORMS:
        m = pattern.match(text)
        if m is None:
            continue
        groups = {k: v.strip() for k, v in m.groupdict().items() if v is not None}
        if "w" in groups:
            groups["w"] = {"多": "more", "少": "less"}[groups["w"]]
        listed = m.group(1) if not groups else ""
        if listed:
            listed = re.sub(r"\s*[,、和与及]\s*|\s+", ", ", listed)
        out = english.format(listed, **groups)
        if has_chinese(out) or not re.search(r"\d|[a-z]", out.split(" ", 1)[-1]):
            return None
        return out
    return None
