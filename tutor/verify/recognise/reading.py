"""Reading a typed question and writing answers back: shared by every form of the recogniser.

The question is normalised (LaTeX wrappers, politeness, a trailing ``= ?``), spoken operators
become symbols, and the math is read by :func:`~tutor.verify.parse.safe_parse` (never ``sympify``)
after the size guards. Answers are printed in the plain text a child reads and our parser reads back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from tutor.verify.bounded import limited
from tutor.verify.parse import group_fraction_divisors, safe_parse
from tutor.verify.recognise.spelling import correct_spelling
from tutor.verify.size import check_result_size

EXACT_SECONDS = 1.5
"""Bound on each solve/integrate/limit/simplify/factor call."""


@dataclass(frozen=True)
class Solution:
    """A question's answer, computed by SymPy.

    Attributes:
        kind: the form recognised ("solve", "derivative", "percent", ...).
        answer: the ground truth, a SymPy object (number, expression, relational,
            Tuple for a system, FiniteSet for several roots or modes, ``sp.true``/``sp.false``
            for yes/no questions); usable as ``gold`` for ``compare_answers``.
        answer_text: the answer as a child would read it ("x = -4 or x = 4", "3x^2 + C").
        expression: what was computed, in plain text.
        form: "factored", "expanded" or "simplest" when the question asks for that form, else None.
        unit: the unit of a measured answer ("m", "%", "minutes"), else None.
    """

    kind: str
    answer: object
    answer_text: str
    expression: str
    form: str | None = None
    unit: str | None = None


class NotMine(Exception):
    """The question is not one of our forms, or we cannot state its answer exactly."""


# --- reading the question -------------------------------------------------------------

_POLITE_START = re.compile(
    r"^(?:(?:please|pls|plz|hey|hi|hello|ok|okay|so|um|quick question|question|can you|could you|would you|"
    r"will you|can u|help(?: me| us)? (?:with|on)(?: this(?: one| problem| question| equation| sum)?)?|"
    r"help me(?: to)?|help|i need to|i need|i want to|i have to|we need to|how do (?:i|you|we)|"
    r"how would (?:i|you)|how can i|tell me|show me|let'?s|try to|now)\b[\s,:!-]*)+", re.I)
_POLITE_END = re.compile(r"(?:[\s,]*(?:please|pls|plz|for me|thanks|thank you|thx|step by step|"
                         r"and show (?:your|the) work(?:ing)?))+\s*$", re.I)
ASK = r"(?:what(?:'s|’s| is| are|s| does| do)?|calculate|compute|evaluate|work out|figure out|find|determine|get)"


_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+|\\[[\u4e00-\u9fff]{1,4}\\]")
"""Emoji, and chat apps' emoticons in brackets ([捂脸], [流泪], [抱拳])."""


def without_emoji(text: str) -> str:
    """``text`` without emoji and bracketed emoticons: "what is 2 + 3 😭", "…就不会了[流泪]" are feelings, not math."""
    return _EMOJI.sub(" ", text)


def normalise(question: str) -> str:
    text = correct_spelling(question.strip())  # "perimiter", "hypotnuse", "thru": the keyword meant
    text = text.replace("\\(", " ").replace("\\)", " ").replace("\\[", " ").replace("\\]", " ").replace("$$", " ")
    text = re.sub(r"\\text\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\(log|ln|sin|cos|tan|lim)(?![A-Za-z])", r"\1", text)
    text = re.sub(r"\\int\b", "∫", text)
    text = text.replace("’", "'").replace("−", "-").replace("–", "-")
    text = without_emoji(text)
    text = re.sub(r"\s+", " ", text).strip()
    for _ in range(3):
        before = text
        text = text.strip().rstrip("?.!").strip()
        text = _POLITE_END.sub("", text)
        text = _POLITE_START.sub("", text)
        text = re.sub(r"\s*=\s*\?*$", "", text) if not re.search(r"[<>]\s*=\s*\?*$", text) else text
        if text == before:
            break
    return text.strip()


_STOP_WORDS = frozenset("""and or the of is to in on at by if it be as an am are was has had his her how why who can you me my
we do so no not per off out up all any one two six ten get got buy did let use day has its our she he they them
than then what when with from into many much more less each every most some sum""".split())
_KNOWN_WORDS = {"sqrt", "sin", "cos", "tan", "ln", "log", "exp", "abs", "asin", "acos", "atan", "pi", "oo", "e"}


def read_math(fragment: str, *, numbers_only: bool = False):
    """``fragment`` read by the safe parser, after turning spoken operators into symbols."""
    text = spoken(fragment).strip()
    if not text:
        raise NotMine
    for word in re.findall(r"(?<![\\A-Za-z])[A-Za-z]{2,}", text):
        if word.lower() in _STOP_WORDS or (word.lower() not in _KNOWN_WORDS and len(word) > 3):
            raise NotMine  # English, not math: "what is a prime number", "2+3 and 4+1"
    if re.search(r"\b(?:sin|cos|tan|ln|log|sqrt|exp)\s+\d[\d.]*\s*[A-Za-z(√]", text):
        raise NotMine  # "sin 2x": sin(2x) as meant, or sin(2)·x as the parser reads it? we do not guess
    check_result_size(text)
    value = safe_parse(text)
    if numbers_only and (not isinstance(value, sp.Expr) or value.free_symbols):
        raise NotMine
    return value


_SPOKEN = [
    (r"\bmultiplied by\b|\btimes\b", "*"), (r"\bdivided by\b", "/"), (r"\bplus\b|\badded to\b", "+"),
    (r"\bminus\b|\btake away\b", "-"), (r"\bsquared\b", "^2"), (r"\bcubed\b", "^3"),
    (r"\b(?:raised )?to the power of\b|\braised to(?: the)?\b", "^"),
    (r"\bto the (\d+)(?:st|nd|rd|th)(?: power)?\b", r"^\1"),
    (r"\b(?:the )?square root of\b", "√"), (r"\bpi\b", "pi"), (r"°", " degrees"),
]


_MIXED = re.compile(r"(?<![\w^).,/])(\d+)\s+(\d+)\s*/\s*(\d+)(?![\w.(^])")
_FRACTION = re.compile(r"(?<![\w^)./])(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)(?![\w.(^/])")


_TRIG_POWER = re.compile(r"\b(sin|cos|tan)\s*(?:\^\s*([23])|([²³]))\s*(\d+(?:\.\d+)?\s*°|\([^()]*\))")
"""'cos²45°', 'sin^2(x)': the function's value squared, as textbooks write it (the parser would square the angle)."""


def trig_powers(text: str) -> str:
    """'cos²45°' -> '(cos(45°))^2', 'sin^2(x)' -> '(sin(x))^2'."""
    def squared(m: re.Match) -> str:
        angle = m[4].strip()
        angle = angle if angle.startswith("(") else f"({angle})"
        return f"({m[1]}{angle})^{m[2] or {'²': '2', '³': '3'}[m[3]]}"

    return _TRIG_POWER.sub(squared, text)


def spoken(text: str) -> str:
    text = trig_powers(text)
    # 2 1/2 is two and a half (not 2 × 1/2); 1/2 ÷ 1/4 and ÷ x/(x^2 - 1) divide by the fraction (not by 1, then by 4)
    text = group_fraction_divisors(text)
    text = _MIXED.sub(lambda m: f"({m[1]} + {m[2]}/{m[3]})" if int(m[2]) < int(m[3]) else m[0], text)
    text = _FRACTION.sub(r"(\1/\2)", text)
    for pattern, repl in _SPOKEN:
        text = re.sub(pattern, repl, text, flags=re.I)
    text = re.sub(r"\b(?:the )?cube root of (\(?[\d./]+\)?)", r"(\1)^(1/3)", text, flags=re.I)
    text = re.sub(r"(?<=\d)\s*[xX]\s*(?=\d)", "*", text)  # 17 x 23
    text = re.sub(r"(?<=[\d)])\s+of\s+(?=[\d(])", "*", text)  # 2/3 of 12
    text = re.sub(r"\bhalf of\b", "1/2*", text, flags=re.I)
    return text


def plain_input(fragment: str) -> str:
    return re.sub(r"\s+", " ", spoken(fragment)).strip()


# --- presenting answers ----------------------------------------------------------------


def plain(expr) -> str:
    """``expr`` in the plain text a child reads and our parser reads back: ``3x^2 + C``, ``(x + 3)(x + 4)``."""
    if isinstance(expr, (sp.Tuple, tuple)):
        return "(" + ", ".join(plain(e) for e in expr) + ")"
    text = sp.sstr(expr)
    text = text.replace("**", "^")
    text = re.sub(r"\bsqrt\((\d+)\)", r"√\1", text)
    text = re.sub(r"\bexp\((\w+)\)", r"e^\1", text)
    text = re.sub(r"\bexp\(", "e^(", text)
    text = re.sub(r"\blog\(Abs\(([^()]*(?:\([^()]*\))?[^()]*)\)\)", r"ln|\1|", text)  # log(Abs(x)) -> ln|x|
    text = re.sub(r"\blog\(", "ln(", text)  # SymPy's log is the natural log; "log" reads as base 10 to a child
    text = re.sub(r"\bpi\b", "π", text)
    text = re.sub(r"\bE\b", "e", text)
    text = re.sub(r"\boo\b", "∞", text)
    text = re.sub(r"(?<=\^\d)\*(?=[A-Za-zπ√])", " ", text)  # x^2*y -> x^2 y, not x^2y
    text = re.sub(r"(?<=[\d)])\*(?=[A-Za-zπ√(])", "", text)  # 3*x -> 3x, )*( -> )(
    text = re.sub(r"(?<=\w)\*(?=[a-z]{2,}\()", " ", text)  # x*cos(x) -> x cos(x)
    text = re.sub(r"(?<=\b[A-Za-z])\*(?=[A-Za-z]\b)", "", text)  # x*y -> xy
    return text


def number_text(value) -> str:
    """A rational as a child writes it: 12, 7/12, or 5.5 when the decimal ends quickly."""
    value = sp.nsimplify(value) if isinstance(value, sp.Float) else value
    if isinstance(value, sp.Rational) and not value.is_Integer:
        q = int(value.q)
        while q % 2 == 0:
            q //= 2
        while q % 5 == 0:
            q //= 5
        if q == 1 and int(value.q) <= 10_000:
            return _decimal(value)
    return plain(value)


def _decimal(value: sp.Rational) -> str:
    text = str(Fraction(int(value.p), int(value.q)).__round__(12))
    frac = Fraction(int(value.p), int(value.q))
    digits = 0
    while (frac * 10**digits).denominator != 1:
        digits += 1
    return f"{float(frac):.{digits}f}" if digits <= 12 else text


def approx(value) -> str:
    return f"{float(sp.N(value, 15)):.4g}"


def exact_or_approx(value) -> str:
    if value.is_Rational:
        return plain(value)
    return f"{plain(value)} ≈ {approx(value)}"


# --- the forms --------------------------------------------------------------------------


_ELEMENTARY = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.exp, sp.log, sp.asin, sp.acos, sp.atan, sp.Abs)


def within_bounds(fn, *args):
    """``fn(*args)`` under the verifier's bound; a result a child cannot read (erfi, Piecewise) is not ours."""
    value = limited(fn, *args, seconds=EXACT_SECONDS)
    for item in value if isinstance(value, (list, tuple)) else (value,):
        if isinstance(item, sp.Basic) and (item.has(sp.Piecewise, sp.Integral, sp.Limit, sp.Derivative)
                                           or any(not isinstance(f, _ELEMENTARY) for f in item.atoms(sp.Function))):
            raise NotMine
    return value


def read_expression(fragment: str) -> sp.Expr:
    """``fragment`` read as an expression (not an equation or a relation), else not ours."""
    value = read_math(fragment)
    if not isinstance(value, sp.Expr):
        raise NotMine
    return value


NUM = r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)"
