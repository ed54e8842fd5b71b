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

_END = r"\s*[?.!]?\s*$"
_ASK = r"(?:是多少|是几|等于多少|等于几|得多少|得几|是什么|为多少|=\s*\?|=)?"
_LIST = r"(-?\d+(?:\.\d+)?(?:\s*[,、和与及]\s*-?\d+(?:\.\d+)?)+)"

_FORMS: list[tuple[re.Pattern[str], str]] = [
    # the whole question is an instruction followed by the math
    (re.compile(r"^(?:请)?解(?:方程|不等式|方程组)?\s*[:]?\s*(?P<m>[^\u4e00-\u9fff]+?)" + _END), "solve {m}"),
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
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"\s*的平均数" + _ASK + _END), "mean of {0}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"\s*的中位数" + _ASK + _END), "median of {0}"),
    (re.compile(r"^(?:请)?(?:求|计算)?\s*" + _LIST + r"\s*的众数" + _ASK + _END), "mode of {0}"),
    # plain evaluation: 计算 …, … 等于多少, … = ?
    (re.compile(r"^(?:请)?(?:计算|算一算|算算|求)\s*[:]?\s*(?P<m>[^\u4e00-\u9fff]+?)\s*" + _ASK + _END), "what is {m}"),
    (re.compile(r"^(?P<m>[^\u4e00-\u9fff=]+?)\s*(?:是多少|是几|等于多少|等于几|得多少|得几|=\s*\?)" + _END), "what is {m}"),
]


def as_english(question: str) -> str | None:
    """The English phrasing of a Chinese math question, or None (not Chinese, or not one whole known form)."""
    if not has_chinese(question):
        return None
    text = to_ascii_math(question).strip()
    for pattern, english in _FORMS:
        m = pattern.match(text)
        if m is None:
            continue
        groups = {k: v.strip() for k, v in m.groupdict().items() if v is not None}
        listed = m.group(1) if not groups else ""
        if listed:
            listed = re.sub(r"\s*[,、和与及]\s*", ", ", listed)
        out = english.format(listed, **groups)
        if has_chinese(out) or not re.search(r"\d|[a-z]", out.split(" ", 1)[-1]):
            return None
        return out
    return None
