"""Chinese math prose rewritten as the ASCII math the English readers already understand (issue 15).

The readers in this package (:mod:`~tutor.verify.arithmetic`, :mod:`~tutor.verify.answers`) read
``12 + 3 = 15``, ``2/3``, ``25%`` and ``12 cm``. This module turns the Chinese ways of writing the
same things into those forms, so the readers need no Chinese of their own:

* full-width forms: ``１２＋３＝１５`` → ``12+3=15``, ``（）％：`` → ``()%:``; Chinese punctuation
  (。，；！？、) becomes ASCII punctuation followed by a space, so it ends a claim the way English
  punctuation does and a ``，`` is never read as a thousands separator;
* numerals: ``三点五`` → ``3.5``, ``两千零五`` → ``2005``, ``负三`` → ``-3``, ``3万`` → ``30000``;
  numerals inside words (一些, 一起, 一样, 统一, 十分, 三角形, 四舍五入 …) and ordinals
  (第一) are left alone, and so are bare digit strings such as 三四 ("three or four");
* fractions and shares: ``三分之二`` → ``2/3``, ``百分之二十五`` → ``25%``, ``一半`` → ``1/2``,
  discounts ``打七五折`` → ``75%`` (the price factor), ``打八折`` → ``80%``, ``三成`` → ``30%``;
* operator words between numbers: 加/减/乘/除以/等于, ``30的2/5`` → ``30 * 2/5``, ``的平方``.

Text without Chinese or full-width characters is returned unchanged, so English behaviour is
untouched. :func:`prose_to_math` adds what only claim finding needs (a count word or a single unit
between a number and an operator is dropped: ``4小时 × 3 = 12小时``); :func:`answer_pair` reads a
Chinese answer and gold with their units (``27只``, ``1元5角``, ``3小时20分钟``, ``40平方厘米``).
"""

from __future__ import annotations

import re
from fractions import Fraction

from tutor.verify.parse import group_fraction_divisors

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")

# ---------------------------------------------------------------- characters

_PUNCT = {
    "，": ", ", "、": ", ", "。": ". ", "；": "; ", "！": ". ", "？": "? ", "：": ":", "　": " ",
    "（": "(", "）": ")", "【": "[", "】": "]", "．": ".", "×": "*", "÷": "/", "−": "-", "＜": "<", "＞": ">",
}
"""Chinese punctuation as ASCII. '！' is never a factorial in Chinese prose, so it ends the sentence."""


def has_chinese(text: str) -> bool:
    """Whether ``text`` has Chinese characters, Chinese punctuation or full-width forms."""
    return isinstance(text, str) and bool(_CJK.search(text))


def _width(text: str) -> str:
    """Full-width ASCII forms (U+FF01–FF5E) as ASCII, Chinese punctuation as ASCII punctuation."""
    # "20 ÷ 5/6 = 24", "÷ x/(x²−1)": a fraction after ÷ is one number (written stacked on paper)
    text = group_fraction_divisors(text)
    out = []
    for ch in text:
        if ch in _PUNCT:
            out.append(_PUNCT[ch])
        elif "\uff01" <= ch <= "\uff5e":
            out.append(chr(ord(ch) - 0xFEE0))
        else:
            out.append(ch)
    text = "".join(out)
    # a dash between numbers is a minus ("12—3"), elsewhere it is punctuation
    return re.sub(r"(?<=[\d)])\s*[—–]\s*(?=[\d(])", " - ", text)


# ---------------------------------------------------------------- numerals

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN = f"[{_NUMERAL_CHARS}]+"
_CN_DECIMAL = rf"{_CN}(?:点[零〇一二三四五六七八九]+)?"
_AR = r"\d+(?:\.\d+)?"
_QTY = rf"(?:{_AR}|{_CN_DECIMAL})"
"""A number written either way (Arabic or Chinese)."""
MAX_VALUE = 10**16
"""Larger Chinese numerals are left as written (a guard against 亿亿亿… blowing up into huge numbers)."""
_RUN_START = r"(?<![\d.零〇一二两三四五六七八九十百千万亿])"
"""Matches start where a run of digits or numerals starts (so a long run is tried once, not at every character)."""


def cn_integer(s: str) -> int | None:
    """A Chinese integer numeral as an int: 十二 → 12, 两千零五 → 2005, 三百五 → 350; None if not one.

    A string of bare digits (三四, 七五) is not read here: it may be "three or four".
    """
    if not s or any(ch not in _NUMERAL_CHARS for ch in s):
        return None
    if all(ch in _DIGIT for ch in s):
        return _DIGIT[s] if len(s) == 1 else None
    total = section = 0
    digit: int | None = None
    last_unit = 0  # the unit just written, for the colloquial 三百五 (= 350) and 一万二 (= 12000)
    zero = False
    for ch in s:
        if ch in _DIGIT:
            if digit is not None:
                return None  # two digits in a row: not a numeral
            digit = _DIGIT[ch]
            if digit == 0:
                zero, digit = True, None
        elif ch in _SMALL:
            unit = _SMALL[ch]
            if digit is None and last_unit and unit >= last_unit:
                return None  # 十十, 十百: units only fall within a section
            section += (1 if digit is None else digit) * unit
            digit, last_unit, zero = None, unit, False
        else:
            big = _BIG[ch]
            section += digit or 0
            if section == 0 and total == 0:
                section = 1
            if big == 10**8:
                total = (total + section) * big
            else:
                total += section * big
            section, digit, last_unit, zero = 0, None, big, False
            if total > MAX_VALUE:
                return None  # 亿亿亿…: no number a word problem writes
    if digit is not None:
        section += digit * last_unit // 10 if last_unit >= 10 and not zero else digit
    return total + section


def cn_number(s: str) -> str | None:
    """A Chinese numeral, with a 点 decimal part, as Arabic digits: 三点五 → '3.5'; None if not one."""
    whole, _, frac = s.partition("点")
    value = cn_integer(whole)
    if value is None:
        return None
    if frac:
        return f"{value}." + "".join(str(_DIGIT[ch]) for ch in frac)
    return str(value)


def _value(s: str) -> str | None:
    """An Arabic or Chinese number as Arabic digits."""
    if re.fullmatch(_AR, s):
        return s
    return cn_number(s)


def _digit_string(s: str) -> str | None:
    """Bare Chinese digits as Arabic digits (七五 → '75'), only where the context makes them one number."""
    if s and all(ch in _DIGIT for ch in s):
        return "".join(str(_DIGIT[ch]) for ch in s)
    return None


# Words in which a numeral is not a number (or is an ordinal): left exactly as written.
_PROTECTED = re.compile(
    r"第[零〇一二两三四五六七八九十百千万亿\d]+"
    r"|一(?:些|起|样|共|定|下|直|般|边|旦|切|致|再|向|同|律|面|会|时|瞬|心|生|手|模一样|方面|块儿|一|点儿|点(?![零〇一二三四五六七八九]))"
    r"|(?:统|唯|同|万|之|专|均)一|一成不变|十分(?![钟之])|(?<![三四五六七八九十多])[三四五六七八九十多]{1,3}[边角]形|三角(?=板|尺|函数)"
    r"|四舍五入|[一二三]元[一二三]次|[一二三四五]次(?=函数|方程|根|项|幂|式)|千万(?=[不别要记得])|九九|三好|五官"
    r"|[一二三四五六]年级|星期[一二三四五六日天]|周[一二三四五六日]|初[一二三]|高[一二三]"
)
_PROTECT_BASE = 0xF0000
"""Protected spans are swapped for private-use characters while the numerals around them are read."""


def _protect(text: str) -> tuple[str, list[str]]:
    kept: list[str] = []

    def keep(m: re.Match) -> str:
        kept.append(m.group(0))
        return chr(_PROTECT_BASE + len(kept) - 1)

    return _PROTECTED.sub(keep, text), kept


_PRIVATE = re.compile("[\U000f0000-\U000fffff]")


def _restore(text: str, kept: list[str]) -> str:
    return _PRIVATE.sub(lambda m: kept[ord(m.group(0)) - _PROTECT_BASE], text)


def _fraction(m: re.Match) -> str:
    den, num = _value(m.group("den")), _value(m.group("num"))
    if den is None or num is None:
        return m.group(0)
    before = m.string[:m.start()].rstrip()
    if den == "100":
        return f"{num}%"
    text = f"{num}/{den}"
    # "12除以三分之二" is 12 / (2/3): brackets where an operator before would bind tighter
    return f"({text})" if before.endswith(("/", "除以", "^", "÷", "-", "减", "减去")) else text


def _discount(m: re.Match) -> str:
    """打八折 → 80%, 打七五折 / 7.5折 / 75折 → 75%: the factor the price is multiplied by."""
    raw = m.group("d")
    if re.fullmatch(_AR, raw):
        value = float(raw)
        pct = value * 10 if value < 10 else value
    else:
        digits = _digit_string(raw)
        if digits is None or len(digits) > 2:
            return m.group(0)
        pct = int(digits) * 10 if len(digits) == 1 else int(digits)
    if not 0 < pct < 100:
        return m.group(0)
    return f"{pct:g}%"


def _cheng(m: re.Match) -> str:
    """三成 → 30%, 七成五 → 75%, 十成 → 100%."""
    tens = 10 if m.group("t") == "十" else _DIGIT[m.group("t")]
    ones = _DIGIT[m.group("o")] if m.group("o") else 0
    return f"{tens * 10 + ones}%"


def _numeral(s: str, after: str) -> str:
    """A run of Chinese numerals as Arabic digits, or as written where it is not one number."""
    if "点" not in s and all(ch in _DIGIT for ch in s) and len(s) > 1:
        # 二〇二三年, 一九九八年: a year read digit by digit; 三四个 stays "three or four"
        if "零" in s or "〇" in s or (len(s) == 4 and after == "年"):
            return _digit_string(s) or s
        return s
    value = cn_number(s)
    return s if value is None else value


def _scaled(m: re.Match) -> str:
    """3万 → 30000, 2.5亿 → 250000000, 3千 → 3000 (not 3千米/3千克, where 千 is part of the unit)."""
    scale = {"百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8}[m.group(2)]
    value = Fraction(m.group(1)) * scale
    if value > MAX_VALUE:
        return m.group(0)
    return str(value.numerator) if value.denominator == 1 else str(float(value))


_OP_WORDS = [
    (r"加上|加", "+"), (r"减去|减", "-"), (r"乘以|乘上|乘", "*"), (r"除以", "/"),
    (r"约等于|大约等于|近似于|≈", "≈"), (r"等于", "="),
]


def to_ascii_math(text: str) -> str:
    """Chinese math prose as ASCII math: ``１２＋３＝１５`` → ``12+3=15``, ``三分之二`` → ``2/3``.

    Text without Chinese or full-width characters is returned as it is.
    """
    if not has_chinese(text):
        return text
    text = _width(text)
    # fractions and shares first: 三分之二, 百分之二十五, 十分之一 (before 十分 "very" is protected)
    text = re.sub(rf"{_RUN_START}(?P<den>{_QTY})分之(?P<num>{_QTY})", _fraction, text)
    text = re.sub(r"(?<![\d零一二两三四五六七八九十])一半", "1/2", text)
    text = re.sub(rf"{_RUN_START}打?(?P<d>{_AR}|[一二三四五六七八九]{{1,2}})折(?![合线叠算扣])", _discount, text)
    text = re.sub(r"(?<![\d零〇一二两三四五六七八九十百千万亿第])(?P<t>[一二两三四五六七八九十])成"
                  r"(?P<o>[一二三四五六七八九](?![十百千万个只]))?"
                  r"(?![功绩员本立熟为了就品年长人语型交果分不])", _cheng, text)
    if _PRIVATE.search(text):
        return text  # our placeholders could not be told from the text's own characters: numerals stay as written
    text, kept = _protect(text)
    text = re.sub(rf"负\s*(?={_AR}|{_CN})", "-", text)
    # 千 before 米/克/瓦 is the unit's "kilo", not a thousand: 三千米 is 3 km
    text = re.sub(rf"(?<![\d.]){_CN_DECIMAL}", _kilo, text)
    text = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(十万|百万|千万|亿|万|千(?![米克瓦卡帕])|百(?![分米]))", _scaled, text)
    text = _restore(text, kept)
    text = re.sub(r"(?<!\d)(\d+)\s*又\s*(\d+/\d+)", r"(\1+\2)", text)  # 1又三分之二: one and two thirds
    text = re.sub(r"(?<![\d.])(\d+)\s*个?半(?=小时|钟头|天|年|个月|月|米|千克|公斤|斤|元|块)", r"\1.5", text)
    text = re.sub(r"(?<![\d.])半(?=小时|钟头|天|年|个月|米|千克|公斤|斤)", "0.5", text)
    # operator words between numbers ("3乘4等于12", "30的2/5", "5的平方")
    num_end, num_start = r"(?<=[\d%)])\s*", r"\s*(?=[-\d(])"
    for words, op in _OP_WORDS:
        text = re.sub(num_end + f"(?:{words})" + num_start, f" {op} ", text)
    text = re.sub(num_end + r"的\s*(?=\(?\d+/\d+|\d+(?:\.\d+)?%)", " * ", text)
    # "4个十分之一是0.4", "5个0.01": a count of fractional units is a product
    text = re.sub(r"(?<![\d.])(\d+)\s*个\s*(?=(?:\d+/\d+|0\.\d+)(?![\d./]))", r"\1 * ", text)
    text = re.sub(num_end + r"的\s*(\d+(?:\.\d+)?)\s*倍(?!数)", r" * \1", text)
    text = re.sub(num_end + r"的\s*平方(?![米厘分千毫公根])", "^2", text)  # 的平方根 is a root
    text = re.sub(num_end + r"的\s*立方(?![米厘分千毫])", "^3", text)
    text = re.sub(num_end + r"的\s*(\d+)\s*次方", r"^\1", text)
    # "5+3是8", "5+3得8": read like English "is" (an equals only after an operation)
    text = re.sub(num_end + r"(?:是|得|为)" + num_start, " is ", text)
    return text


def _kilo(m: re.Match) -> str:
    s = m.group(0)
    rest = m.string[m.end():m.end() + 1]
    if s.endswith("千") and rest in ("米", "克", "瓦", "卡", "帕") and len(s) > 1:
        head = s[:-1]
        # 三千米: 3 km; 4万千米 ("4 ten-thousand km"): a bare 万 stays a word, it is no number of its own
        return (head if head in ("百", "万", "亿") else _numeral(head, "千")) + "千"
    if s in ("千", "百", "万", "亿"):
        return s  # a bare 千 (千米, 千克), 百 (百米), 万, 亿: not a number on its own
    return _numeral(s, rest)


# ---------------------------------------------------------------- units and measure words

_UNITS: dict[str, list[tuple[str, Fraction]]] = {}


def _unit(dim: str, factor, *names: str) -> None:
    for name in names:
        _UNITS.setdefault(name, []).append((dim, Fraction(factor)))


_unit("money", 1, "元", "块")
_unit("money", Fraction(1, 10), "角", "毛")
_unit("money", Fraction(1, 100), "分")
_unit("length", Fraction(1, 1000), "毫米")
_unit("length", Fraction(1, 100), "厘米")
_unit("length", Fraction(1, 10), "分米")
_unit("length", 1, "米")
_unit("length", 1000, "千米", "公里")
_unit("area", Fraction(1, 10**6), "平方毫米")
_unit("area", Fraction(1, 10**4), "平方厘米")
_unit("area", Fraction(1, 100), "平方分米")
_unit("area", 1, "平方米")
_unit("area", 10**4, "公顷")
_unit("area", 10**6, "平方千米", "平方公里")
_unit("volume", Fraction(1, 10**6), "立方厘米", "毫升")
_unit("volume", Fraction(1, 1000), "立方分米", "升")
_unit("volume", 1, "立方米")
_unit("mass", Fraction(1, 1000), "毫克")
_unit("mass", 1, "克")
_unit("mass", 500, "斤")
_unit("mass", 1000, "千克", "公斤")
_unit("mass", 10**6, "吨")
_unit("time", 1, "秒", "秒钟")
_unit("time", 60, "分钟", "分")
_unit("time", 3600, "小时", "时", "钟头")
_unit("time", 86400, "天", "日")
_unit("time", 7 * 86400, "周", "星期")
_unit("month", 1, "月")
_unit("month", 12, "年")
_unit("angle", 1, "度", "°")

MEASURE_WORDS = ("个只本支张块条辆棵人名位头匹次页道件双对盆朵份颗箱袋瓶杯碗盒包把间层排行组队班所座根片粒枝"
                 "架艘台部封幅首篇场户岁下步圈题枚筐束捆堆串套节块副顶把扇面口")
"""Count words ("27只", "15个"): dropped after a number, they say what is counted, not how much."""

_UNIT_RE = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_MEASURE_RE = f"[{MEASURE_WORDS}]"
_NUM_TEXT = r"-?(?:\d+(?:\.\d+)?(?:/\d+)?%?|\(\d+\+\d+/\d+\))"
_ANSWER_LEAD = re.compile(
    r"^(?:\s*(?:最终|最后的?)?答案\s*(?:是|为|:)|\s*答\s*:|\s*我的答案是|\s*我?(?:觉得|认为|想|猜|算出来?|算得|得到)(?:应该)?是?"
    r"|\s*应该是|\s*结果(?:是|为)|\s*所以|\s*(?:一共|总共|共|还剩)(?:有|是)?|\s*是|\s*等于|\s*=|\s*,)+\s*")
"""What a student or a model writes before a Chinese answer ("答案是", "答:", "我觉得是", "一共")."""
_PAIR = re.compile(rf"\s*({_NUM_TEXT})\s*个?\s*({_UNIT_RE})?(?:\s*{_MEASURE_RE})?")
_ROUGHLY = re.compile(r"多|余|左右|以上|以下|以内|不到|不足|约|几|少")
"""After the number these make it approximate or a bound ("27只左右"): not read as the number."""
_TAIL = re.compile(r"\s*[钱的]?[\u4e00-\u9fff]{0,6}\s*[.?]?\s*$")


def _number(text: str) -> Fraction | None:
    text = text.strip()
    try:
        if text.endswith("%"):
            return Fraction(text[:-1]) / 100
        m = re.fullmatch(r"\((\d+)\+(\d+)/(\d+)\)", text)
        if m:
            return int(m.group(1)) + Fraction(int(m.group(2)), int(m.group(3)))
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


def read_quantity(text: str) -> tuple[str, list[tuple[Fraction, str | None]]] | None:
    """A Chinese answer as its number(s) and unit(s): ``27只`` → [(27, None)], ``1元5角`` → [(1, 元), (5, 角)].

    Returns (the number as written when there is one part, the parts), or None when the text is
    not a number with units and count words (``x = 2/3``, a sentence, a formula).
    """
    text = _ANSWER_LEAD.sub("", to_ascii_math(text or "")).strip()
    parts: list[tuple[Fraction, str | None]] = []
    written = ""
    pos = 0
    while pos < len(text):
        m = _PAIR.match(text, pos)
        if m is None or m.end() == pos:
            break
        value = _number(m.group(1))
        if value is None:
            return None
        parts.append((value, m.group(2)))
        written = m.group(1)
        pos = m.end()
        if m.group(2) is None:
            break  # a count word or nothing: the number is the whole answer
    if not parts or not _TAIL.fullmatch(text, pos) or _ROUGHLY.search(text, pos):
        return None
    if len(parts) > 1 and any(u is None for _, u in parts):
        return None
    if pos == len(text) and len(parts) == 1 and parts[0][1] is None and text.strip() == written:
        return None  # a bare number: nothing to read
    return written, parts


def _dims(units: list[str]) -> set[str]:
    found = None
    for u in units:
        dims = {d for d, _ in _UNITS[u]}
        found = dims if found is None else found & dims
    return found or set()


def _in_unit(parts: list[tuple[Fraction, str | None]], dim: str, unit: str | None = None) -> Fraction:
    """The parts' total in ``unit`` (the base unit of ``dim`` when None)."""
    base = sum(v * dict(_UNITS[u])[dim] for v, u in parts)
    return base if unit is None else base / dict(_UNITS[unit])[dim]


def _text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    return str(float(value)) if d == 1 else f"{value.numerator}/{value.denominator}"


_OR = re.compile(r"(?<=[\w)])\s*(?:或者|或)\s*(?=[-\w(√])")
_NUMBERED_ROOTS = re.compile(r"([a-z])\s*(?:₁|_?1|_\{1\})\s*=\s*([^,;=]+?)\s*[,;]\s*(?:\1\s*(?:₂|_?2|_\{2\}))\s*=\s*([^,;=]+)")


def answer_text(text: str) -> str:
    """A Chinese answer as plain math for the answer readers: ``27只`` → ``27``, ``三分之二`` → ``2/3``,
    ``1元5角`` → ``1.5`` (in the largest unit written); other text through :func:`to_ascii_math`."""
    if not has_chinese(text):
        return text
    read = read_quantity(text)
    if read is None:
        plain = _ANSWER_LEAD.sub("", to_ascii_math(text)).strip().rstrip(".").strip()
        # roots: "x = 3 或 x = 4", "x₁ = 3，x₂ = 4" are the solution set {3, 4}, said as "x = 3 or x = 4"
        plain = _OR.sub(" or ", plain)
        roots = _NUMBERED_ROOTS.fullmatch(plain)
        return f"{roots.group(1)} = {roots.group(2)} or {roots.group(1)} = {roots.group(3)}" if roots else plain
    written, parts = read
    if len(parts) == 1:
        return written
    units = [u for _, u in parts]
    dims = _dims(units)
    if not dims:
        return to_ascii_math(text)
    dim = sorted(dims)[0]
    return _text(_in_unit(parts, dim, max(units, key=lambda u: dict(_UNITS[u])[dim])))


def answer_pair(given: str, gold):
    """``given`` and ``gold`` read for comparison when either is Chinese; a non-string gold is kept.

    Both with units of one kind: both in that kind's base unit (``1.5千克`` vs ``1500克``). One
    compound answer (``3小时20分钟``) against a plain number: in whichever of its own units gives
    that number, else in its largest unit. Otherwise each as :func:`answer_text` reads it.
    """
    given_q = read_quantity(given) if has_chinese(given) else None
    gold_q = read_quantity(gold) if isinstance(gold, str) and has_chinese(gold) else None
    if given_q and gold_q is None and isinstance(gold, str):
        measured = _against_measured_gold(given_q[1], gold)  # "3小时20分钟" for "200 min", "3千克" for "3000 g"
        if measured is not None:
            return measured
    if given_q and gold_q:
        gu = [u for _, u in given_q[1] if u]
        ou = [u for _, u in gold_q[1] if u]
        dims = _dims(gu + ou) if gu and ou and all(u is not None for _, u in given_q[1] + gold_q[1]) else set()
        if dims:
            dim = sorted(dims)[0]
            return _text(_in_unit(given_q[1], dim)), _text(_in_unit(gold_q[1], dim))
    if given_q and len(given_q[1]) > 1 and gold_q is None:
        target = _number(str(gold)) if isinstance(gold, (str, int)) and not isinstance(gold, bool) else None
        units = [u for _, u in given_q[1]]
        dims = _dims(units)
        if target is not None and dims:
            dim = sorted(dims)[0]
            for unit in dict.fromkeys(units):
                if _in_unit(given_q[1], dim, unit) == target:
                    given = _text(target)
                    break
    new_given = answer_text(given)
    new_gold = answer_text(gold) if isinstance(gold, str) else gold
    return new_given, new_gold


_KIND_TO_DIM = {"length": ("length", 1), "mass": ("mass", 1), "time": ("time", 1), "area": ("area", 1),
                "volume": ("volume", Fraction(1, 1000)), "money": ("money", 1), "angle": ("angle", 1)}
"""An English unit kind (``tutor.verify.units``) -> (the Chinese dimension, the English base unit in the Chinese
base unit): a litre is 1/1000 立方米; money in 元 is the problem's own currency."""


def _against_measured_gold(parts: list[tuple[Fraction, str | None]], gold: str) -> tuple[str, str] | None:
    """A Chinese quantity against a gold written with an English unit ("200 min", "$4.05"): both as numbers
    in the gold's unit, when the answer's units measure what the gold's unit does; else None. A unit that
    names two things (分: minutes or fen) is read as the one the gold measures."""
    from tutor.verify.units import _UNITS as ENGLISH
    from tutor.verify.units import split_quantity

    read = split_quantity(gold)
    if read is None or read[1] is None or any(u is None for _, u in parts):
        return None
    gold_value, gold_unit = read
    kind, factor = ENGLISH.get(gold_unit, (None, None))
    if kind not in _KIND_TO_DIM:
        return None
    dim, base = _KIND_TO_DIM[kind]
    if dim not in _dims([u for _, u in parts]):
        return None
    value = _in_unit(parts, dim) / (Fraction(base) * factor)
    return _text(value), _text(gold_value)


# ---------------------------------------------------------------- claims in prose

_ANSWER_LINE = re.compile(r"\s*(?:答|(?:最终|最后的?)?答案)\s*(?:[:：是为])")


def restates_answer(step: str) -> bool:
    """Whether a step is the closing answer line of a Chinese solution ("答：还剩9页。", "答案是12")."""
    return isinstance(step, str) and bool(_ANSWER_LINE.match(step))


_SIGN_BEFORE = set("是为得到从和与或及比加减乘除约等于:=([,;")
"""Characters after which a '-' starts a negative number ("气温是-3度"), not a minus with words on its left."""
_KEEP = re.compile(r"倍|方|成|折|分之|多|少|以|第")
"""Words after a number that change what it means: never dropped to join it with an operator."""
_MARK = " zh "
"""An ASCII word put between Chinese words and a leading operator: the claim reader then treats the operand
on its left as written in words ("苹果 - 3 = 2" is not the claim "-3 = 2"), as it does for English words."""


_REMAINDER = re.compile(
    rf"(?<![\d.)])(?P<a>\d+)\s*/\s*(?P<b>\d+)\s*=\s*(?P<q>\d+)(?P<unit>\s*(?:\([^()]*\))?)\s*(?:…+|\.{{3,}})\s*(?P<r>\d+)(?:\s*\([^()]*\))?")
"""A division with a remainder as Chinese school math writes it: ``52÷6=8（根）……4（米）``."""


def _remainder(m: re.Match) -> str:
    """``52 / 6 = 8……4`` → ``(52 - 4) / 6 = 8``: true exactly when 52 = 6 × 8 + 4.

    A remainder not smaller than the divisor is no remainder: the division is left as written (and is refuted).
    """
    if int(m.group("r")) >= int(m.group("b")) or re.search(r"[-+*/^]\s*$", m.string[:m.start()]):
        return m.group(0)
    return f"({m.group('a')} - {m.group('r')}) / {m.group('b')} = {m.group('q')}{m.group('unit')}"


_CONVERSION = re.compile(rf"(?<![\d.])(?P<a>{_AR})\s*(?P<u>{_UNIT_RE})\s*(?:(?P<a2>{_AR})\s*(?P<u2>{_UNIT_RE})\s*)?"
                         rf"(?:=|等于|合)\s*(?:(?P<mid>[\d.\s+\-*/()]*?[-+*/][\d.\s+\-*/()]*?)\s*=\s*)?"
                         rf"(?P<b>{_AR})\s*(?P<v>{_UNIT_RE})")
"""A unit conversion: ``6吨=6000千克``, ``567立方厘米=0.567立方分米``, ``1升等于1立方分米`` (等于 after a unit is
not turned into '=' by ``to_ascii_math``, which does so only between numbers), and of an amount in two units:
``2千克50克=2.05千克``, ``3时20分=200分``, ``3元5角=35角``; the working may stand between the two amounts:
``62.8立方分米 = 62.8 ÷ 1000 = 0.0628升``."""


def _factor(f: Fraction) -> str:
    return str(f.numerator) if f.denominator == 1 else f"({f.numerator}/{f.denominator})"


def _conversion(m: re.Match) -> str:
    """``6吨=6000千克`` → ``6 * 1000 = 6000千克``, ``2千克50克=2.5千克`` → ``2 * 1 + 50 * (1/1000) = 2.5千克``: the
    conversion checked as arithmetic, its result in the new unit.

    Left as written when the left number is part of a sum or of something longer ("2米 + 50厘米 = 250厘米"), the
    units measure different things, nothing is converted, or an amount in two units has the smaller first.
    """
    u, u2, v = m.group("u"), m.group("u2"), m.group("v")
    units = [u, u2, v] if u2 else [u, v]
    dims = _dims(units)
    if (u == v and not u2) or not dims or re.search(rf"(?:[-+*/^(]|{_UNIT_RE})\s*$", m.string[:m.start()]):
        return m.group(0)
    dim = sorted(dims)[0]
    to = dict(_UNITS[v])[dim]
    big = dict(_UNITS[u])[dim]
    mid = f"{m.group('mid').strip()} = " if m.group("mid") else ""
    if not u2:
        return f"{m.group('a')} * {_factor(big / to)} = {mid}{m.group('b')}{v}"
    small = dict(_UNITS[u2])[dim]
    if big <= small:
        return m.group(0)
    return f"{m.group('a')} * {_factor(big / to)} + {m.group('a2')} * {_factor(small / to)} = {mid}{m.group('b')}{v}"


def prose_to_math(text: str) -> str:
    """:func:`to_ascii_math`, plus what reading claims in prose needs.

    A count word, or a unit when the sentence uses only that one unit, between a number and an
    operator is dropped ("4小时 × 3 = 12小时" → "4 × 3 = 12小时", "3只鸡 + 4只鸡" → "3 + 4只鸡");
    with mixed units ("3小时 = 180分钟", "2米 + 50厘米") the units stay, and keep the numbers apart.
    """
    if not has_chinese(text):
        return text
    text = to_ascii_math(text)
    text = _REMAINDER.sub(_remainder, text)
    text = _CONVERSION.sub(_conversion, text)
    out = []
    for clause in re.split(r"(?<=[.;?!\n])(?!\d)", text):
        units = set(re.findall(rf"(?<=[\d%)])\s*({_UNIT_RE})", clause))
        one_unit = len(units) <= 1

        def drop(m: re.Match, one_unit: bool = one_unit) -> str:
            words = m.group(0)
            if _KEEP.search(words) or (not one_unit and re.search(_UNIT_RE, words)):
                return words  # 3倍 - 2: a multiplier; 2米 + 50厘米: mixed units keep the numbers apart
            return ""

        clause = re.sub(rf"(?<=[\d%)])\s*[\u4e00-\u9fff]{{1,4}}(?=\s*[-+*/^]\s*[\d(])", drop, clause)
        if one_unit:
            # "3 + 4只鸡 = 7只": after an operation, a count word (and a short noun) or the unit before '='
            clause = re.sub(rf"([-+*/]\s*\d+(?:\.\d+)?%?)\s*(?:{_UNIT_RE}|{_MEASURE_RE}[\u4e00-\u9fff]?)(?=\s*[=≈]\s*[\d(])",
                            r"\1", clause)
        clause = re.sub(r"([\u4e00-\u9fff])([ \t]*)(?=[-+−*/]\s*[\d(])",
                        lambda m: m.group(0) if m.group(1) in _SIGN_BEFORE else m.group(1) + _MARK, clause)
        out.append(clause)
    return "".join(out)


__all__ = ["answer_pair", "answer_text", "cn_integer", "cn_number", "has_chinese", "prose_to_math", "read_quantity",
           "restates_answer", "to_ascii_math"]
