"""Number questions: percentages, ratios in simplest form, fraction/decimal/percent conversions, GCF and LCM, primes and prime
factorisation, trigonometric values and logarithms."""

from __future__ import annotations

import math
import re

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.recognise.reading import (
    ASK,
    NUM,
    NotMine,
    Solution,
    approx,
    exact_or_approx,
    number_text,
    plain,
    read_math,
    within_bounds,
)

MAX_FACTOR_DIGITS = 30
"""Integers longer than this are not factorised (primality is still decided)."""


def percent(text: str) -> Solution | None:
    m = re.fullmatch(rf"(?:{ASK}\s+)?(?:the\s+)?({NUM})\s*(?:%|percent|per cent)\s+of\s+\$?({NUM})\s*(?:\$|dollars|euros|pounds|people|students|marks|points)?", text, re.I)
    if m:
        p, n = read_math(m.group(1), numbers_only=True), read_math(m.group(2), numbers_only=True)
        value = p * n / 100
        return Solution("percent", value, number_text(value), f"{m.group(1)}% of {m.group(2)}")
    m = (re.fullmatch(rf"(?:{ASK}\s+)?what percent(?:age)? of ({NUM}) is ({NUM})", text, re.I)
         or re.fullmatch(rf"({NUM}) is what percent(?:age)? of ({NUM})", text, re.I))
    if m:
        whole, part = (m.group(1), m.group(2)) if text.lower().startswith(("what", "find", "calc")) else (m.group(2), m.group(1))
        w, p = read_math(whole, numbers_only=True), read_math(part, numbers_only=True)
        if w == 0:
            raise NotMine
        value = 100 * p / w
        return Solution("percent", value, number_text(value) + "%", f"{part}/{whole} × 100", unit="%")
    return _percent_more(text)


_COMPARED = r"(more|less|greater|smaller|larger|higher|lower|bigger|fewer)"
_MORE_LESS = [
    # "30 is what percent more than 25", "by what percent is 30 more than 25", "what percent more is 30 than 25"
    re.compile(rf"(?:by\s+)?(?:{ASK}\s+)?({NUM})\s+is\s+(?:by\s+)?what\s+percent(?:age)?\s+{_COMPARED}\s+than\s+({NUM})",
               re.I),
    re.compile(rf"(?:by\s+)?what\s+percent(?:age)?\s+(?:is\s+)?({NUM})\s+{_COMPARED}\s+than\s+({NUM})", re.I),
    re.compile(rf"(?:{ASK}\s+)?what\s+percent(?:age)?\s+{_COMPARED}\s+is\s+({NUM})\s+than\s+({NUM})", re.I),
]
_LESS = ("less", "smaller", "lower", "fewer")


def _percent_more(text: str) -> Solution | None:
    """How many percent one number is more or less than another, of the other: 30 is 20% more than 25, 20 is 20%
    less than 25. A comparison asked the wrong way round (20 "more" than 25) is no question we answer."""
    for i, pattern in enumerate(_MORE_LESS):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        a, word, b = (m.group(1), m.group(2), m.group(3)) if i < 2 else (m.group(2), m.group(1), m.group(3))
        x, base = read_math(a, numbers_only=True), read_math(b, numbers_only=True)
        if base <= 0 or x < 0:
            raise NotMine
        less = word.lower() in _LESS
        diff = base - x if less else x - base
        if diff < 0:
            raise NotMine
        value = 100 * diff / base
        return Solution("percent", value, number_text(value) + "%",
                        f"({b} - {a})/{b} × 100" if less else f"({a} - {b})/{b} × 100", unit="%")
    return None


_SCIENTIFIC_ASK = re.compile(rf"(?:(?:write|express|convert|put|give|change|{ASK})\s+)?({NUM})\s+(?:in|into|as|to|using)\s+"
                             r"scientific\s+notation", re.I)


def scientific(text: str) -> Solution | None:
    """'write 0.000482 in scientific notation' -> 4.82 × 10^-4: the number, which must be written a × 10^k with
    1 ≤ |a| < 10 (the form asked)."""
    m = _SCIENTIFIC_ASK.fullmatch(text)
    if m is None:
        return None
    value = read_math(m.group(1).replace(",", ""), numbers_only=True)
    if not value.is_Rational or value == 0:
        raise NotMine
    k = int(sp.floor(sp.log(abs(value), 10)))
    mantissa = value / sp.Integer(10) ** k
    if abs(mantissa) >= 10:  # log's floor at an exact power of ten
        k, mantissa = k + 1, mantissa / 10
    elif abs(mantissa) < 1:
        k, mantissa = k - 1, mantissa * 10
    shown = number_text(mantissa)
    if shown is None or "/" in shown:
        raise NotMine  # a mantissa that never ends: not a number this form writes exactly
    return Solution("scientific", value, f"{shown} × 10^{k}", m.group(1), form="scientific")


_TO_WHAT = r"(?:to|into|as|in)\s+(?:a\s+|an\s+)?"


def fraction_conversions(text: str) -> Solution | None:
    m = re.fullmatch(rf"(?:(?:convert|change|write|express|turn|{ASK})\s+)?(.+?)\s+{_TO_WHAT}"
                     r"(percent(?:age)?|%|decimal|fraction|simplest form|lowest terms)(?: form)?", text, re.I)
    if not m:
        return None
    target = m.group(2).lower()
    value = read_math(m.group(1), numbers_only=True)
    if not value.is_Rational:
        raise NotMine
    if target.startswith("percent") or target == "%":
        return Solution("convert", 100 * value, number_text(100 * value) + "%", m.group(1), unit="%")
    if target == "decimal":
        text_value = number_text(value) if "." in number_text(value) or value.is_Integer else f"{approx(value)}…"
        return Solution("convert", value, text_value, m.group(1))
    return Solution("fraction" if target == "fraction" else "simplify", value, plain(value), m.group(1),
                    form="simplest")


_TERM = r"(\d+(?:\.\d+)?(?:\s+\d+\s*/\s*\d+|\s*/\s*\d+)?|\(\s*\d+\s*\+\s*\d+\s*/\s*\d+\s*\))"
"""One term of a ratio: a whole number, a decimal, a fraction or a mixed number ("0.75", "3/4", "1 1/4", "(1+1/4)")."""
_RATIO = [
    re.compile(rf"(?:{ASK}\s+)?(?:simplify|reduce|write)\s+(?:the\s+)?ratio\s+(?:of\s+)?{_TERM}\s*(?::|to)\s*{_TERM}"
               r"(?:\s+(?:in|to)\s+(?:its\s+)?(?:simplest|lowest)\s+(?:form|terms))?", re.I),
    re.compile(rf"(?:{ASK}\s+)?(?:the\s+)?ratio\s+(?:of\s+)?{_TERM}\s*(?::|to)\s*{_TERM}\s+(?:in|to)\s+"
               r"(?:its\s+)?(?:simplest|lowest)\s+(?:form|terms)", re.I),
    re.compile(rf"(?:(?:{ASK}|write|put|simplify|reduce)\s+)?{_TERM}\s*:\s*{_TERM}\s+(?:in|to)\s+(?:its\s+)?"
               r"(?:simplest|lowest)\s+(?:form|terms)", re.I),
]


def ratio(text: str) -> Solution | None:
    """'simplify the ratio 12:18' -> 2:3; terms may be decimals, fractions or mixed numbers ('0.75 : 1 1/4' -> 3:5:
    both terms times the same number until they are whole numbers with no common factor). The form asked is the
    simplest."""
    for pattern in _RATIO:
        m = pattern.fullmatch(text)
        if m:
            a, b = (read_math(t, numbers_only=True) for t in m.groups())
            if not (a.is_Rational and b.is_Rational) or a <= 0 or b <= 0 or max(a, b) > 10**12:
                raise NotMine
            q = sp.Rational(a) / sp.Rational(b)
            return Solution("ratio", q, f"{q.p}:{q.q}", f"{m.group(1)}:{m.group(2)}", form="simplest")
    return None


def _integers(listing: str) -> list[sp.Integer]:
    items = [p for p in re.split(r"\s*(?:,|\band\b|&|;)\s*|\s+", listing.strip()) if p]
    values = [read_math(p, numbers_only=True) for p in items]
    if not 2 <= len(values) <= 10 or not all(v.is_Integer and v > 0 for v in values):
        raise NotMine
    return values


_GCF = re.compile(r"(?:{ask} )?(?:the )?(?:gcf|gcd|hcf|greatest common (?:factor|divisor)|highest common factor|"
                  r"biggest common factor|largest common factor)(?: of| for|\s*\(|\s*:|(?= \d))\s*(.+?)\)?".format(ask=ASK), re.I)
_LCM = re.compile(r"(?:{ask} )?(?:the )?(lcm|lcd|least common (?:multiple|denominator)|lowest common "
                  r"(?:multiple|denominator)|smallest common multiple)(?: of| for|\s*\(|\s*:|(?= \d))\s*(.+?)\)?".format(ask=ASK), re.I)


def gcf_lcm(text: str) -> Solution | None:
    m = _GCF.fullmatch(text)
    if m:
        values = _integers(m.group(1))
        value = sp.gcd_list(values)
        return Solution("gcf", value, plain(value), "gcf(" + ", ".join(map(str, values)) + ")")
    m = _LCM.fullmatch(text)
    if not m:
        return None
    if "denominator" in m.group(1).lower() or m.group(1).lower() == "lcd":
        items = [p for p in re.split(r"\s*(?:,|\band\b|&|;)\s*|\s+", m.group(2).strip()) if p]
        fracs = [read_math(p, numbers_only=True) for p in items]
        if len(fracs) < 2 or not all(f.is_Rational for f in fracs):
            raise NotMine
        values = [sp.Integer(f.q) for f in fracs]
    else:
        values = _integers(m.group(2))
    value = sp.lcm_list(values)
    return Solution("lcm", value, plain(value), "lcm(" + ", ".join(map(str, values)) + ")")


_PRIME_Q = re.compile(r"(?:is|are) (\S+?) (?:a )?prime(?: number)?(?:\s*or (?:a )?composite(?: number)?)?", re.I)
_COMPOSITE_Q = re.compile(r"(?:is|are) (\S+?) (?:a )?composite(?: number)?(?:\s*or (?:a )?prime(?: number)?)?", re.I)
_FACTORISE_Q = re.compile(
    rf"(?:{ASK} )?(?:the )?(?:prime factori[sz]ation|prime factors|prime decomposition|factor tree)(?: of| for)? (.+?)"
    r"|(?:write|express) (.+?) as (?:a )?product of (?:its )?primes?(?: factors)?"
    r"|(?:factori[sz]e|factor|break down|decompose) (.+?) into (?:its )?prime(?:s| factors)?", re.I)


_PRIMES_BETWEEN = re.compile(
    r"(?:(how many)|(?:list|name|find|write down|give|what are|which are|which numbers are)(?: all)?(?: of)?)"
    r" (?:the )?primes?(?: numbers?)? (?:are there |there are |is there |are |lie )?between (\d+) and (\d+)"
    r"(?: are (?:there|prime))?", re.I)
PRIMES_BETWEEN_SPAN = 1000


def primes_between(text: str) -> Solution | None:
    """"how many prime numbers are there between 30 and 50" (5), "list the primes between 10 and 20". When an end
    is itself prime, "between" may or may not count it: the question is left alone rather than guessed."""
    m = _PRIMES_BETWEEN.fullmatch(text)
    if not m:
        return None
    low, high = sorted((int(m.group(2)), int(m.group(3))))
    if high - low > PRIMES_BETWEEN_SPAN or sp.isprime(low) or sp.isprime(high):
        raise NotMine
    found = list(sp.primerange(low + 1, high))
    shown = f"primes between {low} and {high}"
    if m.group(1):
        return Solution("prime_count", sp.Integer(len(found)), str(len(found)), shown)
    if not found:
        return Solution("prime_list", sp.S.EmptySet, "none", shown)
    return Solution("prime_list", sp.FiniteSet(*found), ", ".join(map(str, found)), shown)


def primes(text: str) -> Solution | None:
    m = _PRIME_Q.fullmatch(text) or _COMPOSITE_Q.fullmatch(text)
    if m:
        n = read_math(m.group(1), numbers_only=True)
        if not n.is_Integer or n < 0:
            raise NotMine
        if n < 2:
            return Solution("prime", sp.false, f"No, {n} is not prime: a prime has exactly two factors, 1 and itself.",
                            f"is {n} prime")
        if sp.isprime(n):
            return Solution("prime", sp.true, f"Yes, {n} is prime: its only factors are 1 and {n}.", f"is {n} prime")
        try:
            shown = f": {n} = {factor_text(within_bounds(_factorint, n))}"
        except VerificationError:
            shown = ""
        return Solution("prime", sp.false, f"No, {n} is not prime{shown}.", f"is {n} prime")
    m = _FACTORISE_Q.fullmatch(text)
    if not m:
        return None
    fragment = m.group(1) or m.group(2) or m.group(3)
    n = read_math(fragment, numbers_only=True)
    if not n.is_Integer:
        raise NotMine
    return prime_factors(n, fragment)


def _factorint(n):
    return sp.factorint(n)


def factor_text(factors: dict) -> str:
    """{2: 2, 3: 1, 7: 1} -> "2^2 × 3 × 7": a prime factorisation as the tutor writes it."""
    return " × ".join(f"{p}^{e}" if e > 1 else f"{p}" for p, e in sorted(factors.items()))


def prime_factors(n: sp.Integer, fragment: str) -> Solution:
    if n < 2 or len(str(n)) > MAX_FACTOR_DIGITS:
        raise NotMine
    factors = within_bounds(_factorint, n)
    answer = sp.Mul(*(sp.Pow(p, e, evaluate=False) if e > 1 else sp.Integer(p) for p, e in sorted(factors.items())),
                    evaluate=False)
    return Solution("factorise_integer", answer, factor_text(factors), fragment, form="factored")


_TRIG = re.compile(rf"(?:{ASK} )?(?:the )?(?:exact )?(?:value of )?(sine|cosine|tangent|sin|cos|tan)\s*(?:of\s+)?(.+)", re.I)


def trig(text: str) -> Solution | None:
    m = _TRIG.fullmatch(text)
    if not m:
        return None
    name = m.group(1).lower()[:3]
    arg_text = m.group(2).strip()
    inner = re.fullmatch(r"\((.+)\)", arg_text)
    if inner and inner.group(1).count("(") == inner.group(1).count(")"):
        arg_text = inner.group(1).strip()
    elif re.search(r"(?<=\S)\s*[-+]|\b(?:sin|cos|tan|log|ln)", arg_text, re.I):
        raise NotMine  # "sin 30 + cos 60°" is a sum of two values, not the sine of "30 + cos 60°"
    degrees = re.search(r"\s*(?:°|degrees?|deg)\s*$", arg_text, re.I)
    arg_text = arg_text[:degrees.start()] if degrees else arg_text
    arg = read_math(arg_text, numbers_only=True)
    if degrees:
        arg = arg * sp.pi / 180
    elif not arg.has(sp.pi) and arg != 0:
        raise NotMine  # "sin 30": degrees or radians? we do not guess
    value = {"sin": sp.sin, "cos": sp.cos, "tan": sp.tan}[name](arg)
    if value in (sp.zoo, sp.nan) or value.has(sp.zoo):
        return Solution("trig", sp.zoo, "undefined", f"{name}({_angle_text(arg, bool(degrees))})")
    shown = f"{name}({_angle_text(arg, bool(degrees))})"
    if value.has(sp.sin, sp.cos, sp.tan):
        return Solution("trig", value, f"≈ {approx(value)}", shown)
    return Solution("trig", value, plain(value), shown)


def _angle_text(arg, degrees: bool) -> str:
    return f"{plain(arg * 180 / sp.pi)}°" if degrees else plain(arg)


_LOG = [
    re.compile(rf"(?:{ASK} )?(?:the )?log(?:arithm)?\s*(?:base|_)\s*\{{?([\d.]+|e)\}}?\s*(?:of\s+)?(.+)", re.I),
    re.compile(rf"(?:{ASK} )?(?:the )?log(?:arithm)? (?:of )?(.+?),? (?:to |in )?(?:the )?base ([\d.]+|e)", re.I),
    re.compile(rf"(?:{ASK} )?(?:the )?log([2-9]|10)\s*(.+)", re.I),
    re.compile(rf"(?:{ASK} )?(?:the )?(ln|natural log(?:arithm)?(?: of)?)\s*(.+)", re.I),
    re.compile(rf"(?:{ASK} )?(?:the )?(log(?:arithm)?(?: of)?)\s*(\(?[\d.]+\)?)", re.I),
]


def log(text: str) -> Solution | None:
    for i, pattern in enumerate(_LOG):
        m = pattern.fullmatch(text)
        if not m:
            continue
        if i in (0, 2):
            base_text, arg_text = m.group(1), m.group(2)
        elif i == 1:
            arg_text, base_text = m.group(1), m.group(2)
        elif i == 3:
            base_text, arg_text = "e", m.group(2)
        else:
            base_text, arg_text = "10", m.group(2)  # a bare "log 1000" is the common log, as on a calculator
        base = sp.E if base_text.lower() == "e" else read_math(base_text, numbers_only=True)
        arg = read_math(arg_text, numbers_only=True)
        if not (base.is_positive and base != 1 and arg.is_positive):
            raise NotMine
        value = within_bounds(_log_value, arg, base)
        shown = "ln(" + plain(arg) + ")" if base == sp.E else f"log base {plain(base)} of {plain(arg)}"
        return Solution("log", value, exact_or_approx(value), shown)
    return None


def _log_value(arg, base):
    value = sp.log(arg, base)
    return value if value.is_Rational else sp.simplify(value)
