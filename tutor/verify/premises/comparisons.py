"""Comparisons the wrong way round: "how many more does A have than B" when A has fewer.

"小华有95枚邮票，小明有83枚邮票，小明的邮票比小华多多少枚？" asks how many more 小明 has, but 小明
has fewer: the honest reply says so, with the difference the other way ("小明比小华少12枚"), instead of
"-12" or a silent 12. The same in English: "Ann has 83 stamps and Bo has 95. How many more stamps does
Ann have than Bo?".

Silence over guessing: the two amounts are read only from a story where every clause holding a number
starts with one of the two names (nothing is bought, given away or changed in between), each name has
exactly one such clause, and the question itself holds no number.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tutor.verify.premises.reading import _show

_HAN = r"[\u4e00-\u9fff]"
_ZH_ASK = re.compile(
    rf"(?P<a>{_HAN}{{1,4}}?)(?:的{_HAN}{{1,4}})?比(?P<b>{_HAN}{{1,4}}?)(?:的{_HAN}{{1,4}})?(?P<dir>多|少)多少")
_EN_ASK = re.compile(r"[Hh]ow many (?P<dir>more|fewer|less)\b(?:\s+[a-z]+){0,2}\s+(?:does|did|do)\s+(?P<a>[A-Z][a-z]+)\s+"
                     r"(?:have|has|get|own|collect|read|make|score|eat)\s+than\s+(?P<b>[A-Z][a-z]+)\b")
_CLAUSE = re.compile(r"(?:[^，。；;！!？?,.]|\.(?=\d))+")
_AND = re.compile(r"\s+and\s+(?=[A-Z])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _amounts(text: str, ask: re.Match, a: str, b: str) -> tuple[Fraction, Fraction, str] | None:
    """Each name's one amount and the unit after the first ('枚'), when the story is only 'A has x', 'B has y'."""
    story = text[:ask.start()] + "。" + text[ask.end():]
    values: dict[str, list[Fraction]] = {a: [], b: []}
    unit = ""
    for clause in (part for c in _CLAUSE.findall(story) for part in _AND.split(c)):
        clause = clause.strip()
        numbers = _NUMBER.findall(clause)
        if not numbers:
            continue
        starts = [name for name in (a, b) if re.match(rf"(?:and\s+)?{re.escape(name)}\b" if name.isascii()
                                                      else re.escape(name), clause)]
        if len(starts) != 1 or len(numbers) != 1:
            return None  # a number that is not one person's amount: the story changes something
        values[starts[0]].append(Fraction(numbers[0]))
        unit = unit or (re.search(r"\d(?:\.\d+)?\s*([个只本支张块条辆棵人名位头匹次页道件双对盆朵份颗箱袋瓶杯碗盒包把枚元米克岁天])",
                                  clause) or re.search("()", "")).group(1)
    if len(values[a]) != 1 or len(values[b]) != 1:
        return None
    return values[a][0], values[b][0], unit


def _wrong_way(text: str, asks: re.Pattern[str], more_word: str, say) -> list[str]:
    """The reason ``say`` gives for the first question of ``asks`` whose direction the story contradicts."""
    for ask in asks.finditer(text):
        a, b, more = ask.group("a"), ask.group("b"), ask.group("dir") == more_word
        if a == b or _NUMBER.search(ask.group(0)):
            continue
        found = _amounts(text, ask, a, b)
        if found is not None and (found[0] < found[1] if more else found[0] > found[1]):
            return [say(a, b, *found, more)]
    return []


def _say_zh(a: str, b: str, x: Fraction, y: Fraction, u: str, more: bool) -> str:
    fewer, asked = ("少", "多") if more else ("多", "少")
    return f"{a}有{_show(x)}{u}，比{b}的{_show(y)}{u}{fewer}，所以{a}不比{b}{asked}：{a}比{b}{fewer}{_show(abs(y - x))}{u}。"


def _say_en(a: str, b: str, x: Fraction, y: Fraction, _unit: str, more: bool) -> str:
    fewer, asked = ("fewer", "more") if more else ("more", "fewer")
    return (f"{a} has {_show(x)}, {fewer} than {b}'s {_show(y)}, so {a} does not have {asked}: "
            f"{a} has {_show(abs(y - x))} {fewer}.")


def _comparison_direction(text: str) -> list[str]:
    """A "how many more/fewer" question asked the wrong way round (both languages)."""
    return _wrong_way(text, _ZH_ASK, "多", _say_zh) or _wrong_way(text, _EN_ASK, "more", _say_en)
