"""Recognise a typed math question and work out its answer with SymPy, no model involved.

``solve_question("What is 1/3 + 1/4?")`` is ``Solution(kind="fraction", answer=7/12,
answer_text="7/12", ...)``. The question is matched against a small set of
anchored phrasings (evaluate, percent, simplify, factor, expand, solve, calculus,
GCF/LCM, primes, statistics, trig, logarithms, unit conversion, dice/coin/card
probability); the math inside is read by :func:`~tutor.verify.parse.safe_parse`
(never ``sympify``) after the size guards of :mod:`tutor.verify.size`, and every
SymPy call that could run long (solve, integrate, limit, simplify, factor,
factorint) is bounded by :func:`~tutor.verify.bounded.limited`.

Anything not recognised in full, any word the parser does not know, and any
result we cannot state exactly gives ``None``: the recogniser never guesses,
and a story problem is left to model-written programs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS, TOO_BIG, limited
from tutor.verify.parse import safe_parse
from tutor.verify.size import check_result_size

MAX_QUESTION_CHARS = 300
"""Longer text is a story or a worksheet, not one question."""
EXACT_SECONDS = 1.5
"""Bound on each solve/integrate/limit/simplify/factor call."""
MAX_FACTOR_DIGITS = 30
"""Integers longer than this are not factorised (primality is still decided)."""
MAX_STAT_VALUES = 50


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


class _NotMine(Exception):
    """The question is not one of our forms, or we cannot state its answer exactly."""


def solve_question(question: str) -> Solution | None:
    """The answer to ``question`` if it is a form we recognise and SymPy settles it, else None.

    Never raises and never guesses: an unknown phrasing, a story problem, text the
    safe parser refuses, or work that passes the bounds gives None.
    """
    if not isinstance(question, str) or len(question) > MAX_QUESTION_CHARS:
        return None
    try:
        text = _normalise(question)
        if not text or _AMBIGUOUS_POWER.search(text):
            return None
        for handler in _HANDLERS:
            try:
                solution = handler(text)
            except _NotMine:
                continue  # the phrasing matched but not the content: another form may fit
            except VerificationError as exc:
                if str(exc).startswith(TOO_BIG):
                    return None  # out of bounds here is out of bounds for every form
                continue
            if solution is not None:
                return solution
    except MATH_ERRORS:
        return None
    except Exception:  # noqa: BLE001 - SymPy on a student's text: any other failure is "could not decide"
        return None
    return None


_AMBIGUOUS_POWER = re.compile(r"(?<![A-Za-z\\])[a-z][2-9](?![\d.])")
"""'x2' in typed math: x squared or 2x? A guess would make a wrong ground truth, so the question is left alone."""


# --- reading the question -------------------------------------------------------------

_POLITE_START = re.compile(
    r"^(?:(?:please|pls|plz|hey|hi|hello|ok|okay|so|um|quick question|question|can you|could you|would you|"
    r"will you|can u|help me(?: to)?|help|i need to|i need|i want to|i have to|we need to|how do (?:i|you|we)|"
    r"how would (?:i|you)|how can i|tell me|show me|let'?s|try to|now)\b[\s,:!-]*)+", re.I)
_POLITE_END = re.compile(r"(?:[\s,]*(?:please|pls|plz|for me|thanks|thank you|thx|step by step|"
                         r"and show (?:your|the) work(?:ing)?))+\s*$", re.I)
_ASK = r"(?:what(?:'s|’s| is| are|s| does| do)?|calculate|compute|evaluate|work out|figure out|find|determine|get)"


def _normalise(question: str) -> str:
    text = question.strip()
    text = text.replace("\\(", " ").replace("\\)", " ").replace("\\[", " ").replace("\\]", " ").replace("$$", " ")
    text = re.sub(r"\\text\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\(log|ln|sin|cos|tan|lim)(?![A-Za-z])", r"\1", text)
    text = re.sub(r"\\int\b", "∫", text)
    text = text.replace("’", "'").replace("−", "-").replace("–", "-")
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


def _math(fragment: str, *, numbers_only: bool = False):
    """``fragment`` read by the safe parser, after turning spoken operators into symbols."""
    text = _spoken(fragment).strip()
    if not text:
        raise _NotMine
    for word in re.findall(r"(?<![\\A-Za-z])[A-Za-z]{2,}", text):
        if word.lower() in _STOP_WORDS or (word.lower() not in _KNOWN_WORDS and len(word) > 3):
            raise _NotMine  # English, not math: "what is a prime number", "2+3 and 4+1"
    check_result_size(text)
    value = safe_parse(text)
    if numbers_only and (not isinstance(value, sp.Expr) or value.free_symbols):
        raise _NotMine
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


def _spoken(text: str) -> str:
    # 2 1/2 is two and a half (not 2 × 1/2); 1/2 ÷ 1/4 divides by the fraction (not by 1, then by 4)
    text = _MIXED.sub(lambda m: f"({m[1]} + {m[2]}/{m[3]})" if int(m[2]) < int(m[3]) else m[0], text)
    text = _FRACTION.sub(r"(\1/\2)", text)
    for pattern, repl in _SPOKEN:
        text = re.sub(pattern, repl, text, flags=re.I)
    text = re.sub(r"\b(?:the )?cube root of (\(?[\d./]+\)?)", r"(\1)^(1/3)", text, flags=re.I)
    text = re.sub(r"(?<=\d)\s*[xX]\s*(?=\d)", "*", text)  # 17 x 23
    text = re.sub(r"(?<=[\d)])\s+of\s+(?=[\d(])", "*", text)  # 2/3 of 12
    text = re.sub(r"\bhalf of\b", "1/2*", text, flags=re.I)
    return text


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
    text = re.sub(r"\bpi\b", "π", text)
    text = re.sub(r"\bE\b", "e", text)
    text = re.sub(r"\boo\b", "∞", text)
    text = re.sub(r"(?<=\^\d)\*(?=[A-Za-zπ√])", " ", text)  # x^2*y -> x^2 y, not x^2y
    text = re.sub(r"(?<=[\d)])\*(?=[A-Za-zπ√(])", "", text)  # 3*x -> 3x, )*( -> )(
    text = re.sub(r"(?<=\w)\*(?=[a-z]{2,}\()", " ", text)  # x*cos(x) -> x cos(x)
    text = re.sub(r"(?<=\b[A-Za-z])\*(?=[A-Za-z]\b)", "", text)  # x*y -> xy
    return text


def _number_text(value) -> str:
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


def _approx(value) -> str:
    return f"{float(sp.N(value, 15)):.4g}"


def _exact_or_approx(value) -> str:
    if value.is_Rational:
        return plain(value)
    return f"{plain(value)} ≈ {_approx(value)}"


# --- the forms --------------------------------------------------------------------------


_ELEMENTARY = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.exp, sp.log, sp.asin, sp.acos, sp.atan, sp.Abs)


def _bounded(fn, *args):
    """``fn(*args)`` under the verifier's bound; a result a child cannot read (erfi, Piecewise) is not ours."""
    value = limited(fn, *args, seconds=EXACT_SECONDS)
    for item in value if isinstance(value, (list, tuple)) else (value,):
        if isinstance(item, sp.Basic) and (item.has(sp.Piecewise, sp.Integral, sp.Limit, sp.Derivative)
                                           or any(not isinstance(f, _ELEMENTARY) for f in item.atoms(sp.Function))):
            raise _NotMine
    return value


def _one_variable(expr) -> sp.Symbol:
    syms = sorted(expr.free_symbols, key=str)
    if len(syms) != 1:
        raise _NotMine
    return syms[0]


_NUM = r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)"


def _percent(text: str) -> Solution | None:
    m = re.fullmatch(rf"(?:{_ASK}\s+)?(?:the\s+)?({_NUM})\s*(?:%|percent|per cent)\s+of\s+\$?({_NUM})\s*(?:\$|dollars|euros|pounds|people|students|marks|points)?", text, re.I)
    if m:
        p, n = _math(m.group(1), numbers_only=True), _math(m.group(2), numbers_only=True)
        value = p * n / 100
        return Solution("percent", value, _number_text(value), f"{m.group(1)}% of {m.group(2)}")
    m = (re.fullmatch(rf"(?:{_ASK}\s+)?what percent(?:age)? of ({_NUM}) is ({_NUM})", text, re.I)
         or re.fullmatch(rf"({_NUM}) is what percent(?:age)? of ({_NUM})", text, re.I))
    if m:
        whole, part = (m.group(1), m.group(2)) if text.lower().startswith(("what", "find", "calc")) else (m.group(2), m.group(1))
        w, p = _math(whole, numbers_only=True), _math(part, numbers_only=True)
        if w == 0:
            raise _NotMine
        value = 100 * p / w
        return Solution("percent", value, _number_text(value) + "%", f"{part}/{whole} × 100", unit="%")
    return None


_TO_WHAT = r"(?:to|into|as|in)\s+(?:a\s+|an\s+)?"


def _fraction_conversions(text: str) -> Solution | None:
    m = re.fullmatch(rf"(?:(?:convert|change|write|express|turn|{_ASK})\s+)?(.+?)\s+{_TO_WHAT}"
                     r"(percent(?:age)?|%|decimal|fraction|simplest form|lowest terms)(?: form)?", text, re.I)
    if not m:
        return None
    target = m.group(2).lower()
    value = _math(m.group(1), numbers_only=True)
    if not value.is_Rational:
        raise _NotMine
    if target.startswith("percent") or target == "%":
        return Solution("convert", 100 * value, _number_text(100 * value) + "%", m.group(1), unit="%")
    if target == "decimal":
        text_value = _number_text(value) if "." in _number_text(value) or value.is_Integer else f"{_approx(value)}…"
        return Solution("convert", value, text_value, m.group(1))
    return Solution("fraction" if target == "fraction" else "simplify", value, plain(value), m.group(1),
                    form="simplest")


def _simplify(text: str) -> Solution | None:
    m = (re.fullmatch(r"(?:simplify|reduce|simplify fully|simplify completely)\s*:?\s+(.+?)"
                      r"(?:\s+(?:fully|completely|to (?:its )?(?:simplest|lowest) (?:form|terms)))?", text, re.I)
         or re.fullmatch(r"(?:write|put|reduce|express)?\s*(.+?)\s+in (?:its )?(?:simplest|lowest) (?:form|terms)",
                         text, re.I))
    if not m:
        return None
    value = _math(m.group(1))
    if not isinstance(value, sp.Expr):
        raise _NotMine
    if value.free_symbols:
        value = _bounded(_simplest, value)
    elif not value.is_Rational:
        value = _bounded(sp.simplify, value)
    return Solution("simplify", value, plain(value), m.group(1), form="simplest")


def _simplest(value):
    out = sp.simplify(value)
    expanded = sp.expand(out)
    return expanded if sp.count_ops(expanded) <= sp.count_ops(out) else out


def _factor(text: str) -> Solution | None:
    m = re.fullmatch(r"(?:factor completely|completely factor|fully factor|factorise|factorize|factor)\s*:?\s+(.+?)"
                     r"(?:\s+(?:fully|completely))?", text, re.I)
    if not m:
        return None
    value = _math(m.group(1))
    if not isinstance(value, sp.Expr):
        raise _NotMine
    if value.is_Integer:
        return _prime_factors(value, m.group(1))
    if not value.free_symbols:
        raise _NotMine
    factored = _bounded(sp.factor, value)
    return Solution("factor", factored, plain(factored), m.group(1), form="factored")


def _expand(text: str) -> Solution | None:
    m = re.fullmatch(r"(?:expand and simplify|expand|multiply out|multiply|foil|remove the brackets(?: in| from)?)"
                     r"\s*:?\s+(.+)", text, re.I)
    if not m:
        return None
    value = _math(m.group(1))
    if not isinstance(value, sp.Expr) or not value.free_symbols:
        raise _NotMine
    expanded = _bounded(sp.expand, value)
    return Solution("expand", expanded, plain(expanded), m.group(1), form="expanded")


_SOLVE = re.compile(r"(?:(?:find|what is|work out|determine|calculate) the value of ([a-z])|solve(?: the)?(?: system(?: of equations)?| simultaneous equations| pair of equations|"
                    r" equations?| inequality)?(?: for ([a-z]))?|find ([a-z])|what is ([a-z])|work out ([a-z]))"
                    r"(?:\s*(?::|if|when|given|given that|where|in|,))?\s+(.+?)(?:\s*,?\s+for ([a-z]))?", re.I)


def _solve(text: str) -> Solution | None:
    m = _SOLVE.fullmatch(text)
    if m:
        var = next((g for g in (m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(7)) if g), None)
        body = m.group(6)
    else:
        m = re.fullmatch(r"(.+?)\s*[,;:]?\s*(?:solve|find)(?: for)? ([a-z])", text, re.I)
        if m:
            body, var = m.group(1), m.group(2)
        elif re.search(r"[a-z]", text, re.I) and re.search(r"=|<|>|≤|≥", text):
            body, var = text, None  # a bare equation: "2x + 3 = 11"
        else:
            return None
    parts = [p for p in re.split(r"\s*(?:;|,|\band\b|\n)\s*", body) if p.strip()]
    if len(parts) > 1 and all(re.search(r"=", p) for p in parts):
        return _system(parts)
    relation = _math(body)
    if isinstance(relation, sp.Equality):
        return _equation(relation, var)
    if isinstance(relation, (sp.StrictLessThan, sp.StrictGreaterThan, sp.LessThan, sp.GreaterThan, sp.And)):
        return _inequality(relation, var)
    raise _NotMine


def _pick_variable(relation, var: str | None) -> sp.Symbol:
    syms = {s.name: s for s in relation.free_symbols}
    if var is not None:
        if var not in syms:
            raise _NotMine
        return syms[var]
    if len(syms) != 1:
        raise _NotMine
    return next(iter(syms.values()))


def _equation(eq: sp.Equality, var: str | None) -> Solution:
    x = _pick_variable(eq, var)
    f = eq.lhs - eq.rhs
    result = _bounded(_real_solutions, f, x)
    shown = f"{plain(eq.lhs)} = {plain(eq.rhs)}"
    if result == sp.S.EmptySet:
        return Solution("solve", sp.S.EmptySet, "no real solution", shown)
    if result == sp.S.Reals:
        return Solution("solve", sp.S.Reals, f"every real number {x}", shown)
    if not isinstance(result, sp.FiniteSet) or len(result) > 6:
        raise _NotMine
    roots = sorted(result, key=lambda r: (bool(r.free_symbols), float(sp.N(r)) if not r.free_symbols else 0))
    text = " or ".join(f"{x} = {plain(r)}" for r in roots)
    answer = roots[0] if len(roots) == 1 else sp.FiniteSet(*roots)
    return Solution("solve", answer, text, shown)


def _real_solutions(f, x):
    if f.free_symbols - {x}:
        sols = sp.solve(f, x)
        return sp.FiniteSet(*sols)
    return sp.solveset(sp.together(f), x, domain=sp.S.Reals)


def _inequality(rel, var: str | None) -> Solution:
    x = _pick_variable(rel, var)
    if len(rel.free_symbols) != 1:
        raise _NotMine
    result = _bounded(_inequality_set, rel, x)
    if result == sp.S.EmptySet:
        return Solution("inequality", sp.S.EmptySet, "no real solution", plain(rel))
    if result == sp.S.Reals:
        return Solution("inequality", sp.S.Reals, f"every real number {x}", plain(rel))
    answer = _as_relation(result, x)
    return Solution("inequality", answer, _relation_text(answer), _relation_text(rel))


def _as_relation(interval, x):
    """``x < 7`` for (-oo, 7), ``(-1 < x) & (x < 2)`` for (-1, 2), Or for a union; no infinite bounds."""
    if isinstance(interval, sp.Union):
        return sp.Or(*(_as_relation(part, x) for part in interval.args), evaluate=False)
    if not isinstance(interval, sp.Interval):
        raise _NotMine  # a point set, a complement: say it in words some other day
    parts = []
    if interval.left != -sp.oo:
        parts.append(sp.Gt(x, interval.left) if interval.left_open else sp.Ge(x, interval.left))
    if interval.right != sp.oo:
        parts.append(sp.Lt(x, interval.right) if interval.right_open else sp.Le(x, interval.right))
    return parts[0] if len(parts) == 1 else sp.And(*parts, evaluate=False)


def _inequality_set(rel, x):
    parts = rel.args if isinstance(rel, sp.And) else (rel,)
    out = sp.S.Reals
    for part in parts:
        out = out & sp.solveset(part, x, domain=sp.S.Reals)
    return out


_REL_SIGN = {sp.StrictLessThan: "<", sp.LessThan: "≤", sp.StrictGreaterThan: ">", sp.GreaterThan: "≥",
             sp.Equality: "=", sp.Unequality: "≠"}


def _relation_text(rel) -> str:
    if isinstance(rel, sp.Or):  # x < -2 or x > 2: left to right along the number line
        parts = sorted(rel.args, key=lambda a: float(min(n for n in a.atoms(sp.Number))))
        return " or ".join(_relation_text(a) for a in parts)
    if isinstance(rel, sp.And):
        args = list(rel.args)
        if len(args) == 2 and all(isinstance(a, sp.core.relational.Relational) for a in args):
            lows = [a for a in args if (a.rhs.is_Symbol and a.rel_op in ("<", "<=")) or (a.lhs.is_Symbol and a.rel_op in (">", ">="))]
            highs = [a for a in args if a not in lows]
            if len(lows) == 1 and len(highs) == 1:
                low, high = lows[0], highs[0]
                x = low.rhs if low.rhs.is_Symbol else low.lhs
                lo = low.lhs if low.rhs.is_Symbol else low.rhs
                lo_sign = "<" if isinstance(low, (sp.StrictLessThan, sp.StrictGreaterThan)) else "≤"
                hi = high.rhs if high.lhs == x else high.lhs
                hi_sign = "<" if isinstance(high, (sp.StrictLessThan, sp.StrictGreaterThan)) else "≤"
                if (high.lhs == x) != (high.rel_op in ("<", "<=")):
                    raise _NotMine
                return f"{plain(lo)} {lo_sign} {x} {hi_sign} {plain(hi)}"
        return " and ".join(_relation_text(a) for a in args)
    if isinstance(rel, sp.core.relational.Relational):
        lhs, rhs, sign = rel.lhs, rel.rhs, _REL_SIGN[type(rel)]
        if rhs.is_Symbol and not lhs.free_symbols:  # 7 > x reads better as x < 7
            flip = {"<": ">", ">": "<", "≤": "≥", "≥": "≤", "=": "=", "≠": "≠"}
            lhs, rhs, sign = rhs, lhs, flip[sign]
        return f"{plain(lhs)} {sign} {plain(rhs)}"
    return plain(rel)


def _system(parts: list[str]) -> Solution:
    if len(parts) > 3:
        raise _NotMine
    eqs = [_math(p) for p in parts]
    if not all(isinstance(e, sp.Equality) for e in eqs):
        raise _NotMine
    syms = sorted(set().union(*(e.free_symbols for e in eqs)), key=str)
    if len(syms) != len(eqs):
        raise _NotMine
    result = _bounded(_solve_system, [e.lhs - e.rhs for e in eqs], syms)
    shown = ", ".join(f"{plain(e.lhs)} = {plain(e.rhs)}" for e in eqs)
    if result is None:
        raise _NotMine
    if not result:
        return Solution("system", sp.S.EmptySet, "no solution", shown)
    if len(result) > 4:
        raise _NotMine
    texts = [", ".join(f"{s} = {plain(v)}" for s, v in zip(syms, sol)) for sol in result]
    answer = sp.Tuple(*result[0]) if len(result) == 1 else sp.FiniteSet(*(sp.Tuple(*r) for r in result))
    return Solution("system", answer, " or ".join(texts), shown)


def _solve_system(fs, syms):
    """Real solutions as value tuples in ``syms`` order, [] for none, None if infinitely many/odd."""
    sols = sp.solve(fs, syms, dict=True)
    out = []
    for sol in sols:
        if set(sol) != set(syms):
            return None  # a family of solutions
        values = tuple(sol[s] for s in syms)
        if any(v.free_symbols or not v.is_real for v in values):
            continue
        out.append(values)
    return sorted(out, key=lambda t: [float(v) for v in t])


_DERIV = [
    re.compile(rf"(?:{_ASK} )?(?:the )?(second |2nd )?derivative of (.+?)"
               r"(?: with respect to ([a-z]))?", re.I),
    re.compile(r"(?:differentiate|diff) (.+?)(?: with respect to ([a-z]))?( twice)?", re.I),
    re.compile(r"(?:d/d([a-z])|\\frac\{d\}\{d([a-z])\}|\\frac\{d\}\{d ([a-z])\})\s*(.+)", re.I),
    re.compile(r"(?:find )?(?:dy/dx|y'|f'\(x\)|f'|the derivative)\s*(?:if|when|for|of|where|,|:)\s*(?:y|f\(x\))\s*=\s*(.+)", re.I),
]


def _derivative(text: str) -> Solution | None:
    body, var, order = None, None, 1
    for i, pattern in enumerate(_DERIV):
        m = pattern.fullmatch(text)
        if not m:
            continue
        if i == 0:
            order, body, var = (2 if m.group(1) else 1), m.group(2), m.group(3)
        elif i == 1:
            body, var, order = m.group(1), m.group(2), (2 if m.group(3) else 1)
        elif i == 2:
            var, body = m.group(1) or m.group(2) or m.group(3), m.group(4)
        else:
            body = m.group(1)
        break
    if body is None:
        return None
    body = re.sub(r"^(?:y|f\(x\))\s*=\s*", "", body.strip())
    expr = _math(body)
    if not isinstance(expr, sp.Expr):
        raise _NotMine
    x = _variable(expr, var)
    value = _bounded(sp.diff, expr, x, order)
    return Solution("derivative", value, plain(value), f"d/d{x} ({plain(expr)})")


def _variable(expr, var: str | None) -> sp.Symbol:
    if var:
        return next((s for s in expr.free_symbols if s.name == var), sp.Symbol(var))
    syms = sorted(expr.free_symbols, key=str)
    if len(syms) == 1:
        return syms[0]
    if not syms or any(s.name == "x" for s in syms):
        return next((s for s in syms if s.name == "x"), sp.Symbol("x"))
    raise _NotMine


_INTEGRAL = re.compile(
    r"(?:(?:find|what is|calculate|compute|evaluate) )?(?:the )?(?:(?:indefinite |definite )?integral of|integrate|"
    r"antiderivative of|anti-derivative of|∫|\\int)\s*(?:_\{?([^{}\s^]+)\}?\s*\^\{?([^{}\s]+)\}?)?\s*(.+?)"
    r"\s*(?:d([a-z]))?(?:\s+(?:from|between) (.+?) (?:to|and) (.+?))?(?:\s+(?:with respect to|wrt) ([a-z]))?",
    re.I)


def _integral(text: str) -> Solution | None:
    m = _INTEGRAL.fullmatch(text)
    if not m:
        return None
    low_text, high_text = m.group(1) or m.group(5), m.group(2) or m.group(6)
    expr = _math(m.group(3).strip())
    if not isinstance(expr, sp.Expr):
        raise _NotMine
    x = _variable(expr, m.group(4) or m.group(7))
    if low_text is not None:
        low, high = _math(low_text, numbers_only=True), _math(high_text, numbers_only=True)
        value = _bounded(_definite, expr, x, low, high)
        return Solution("definite_integral", value, _exact_or_approx(value),
                        f"integral of {plain(expr)} d{x} from {plain(low)} to {plain(high)}")
    value = _bounded(_antiderivative, expr, x)
    c = sp.Symbol("C")
    return Solution("integral", value + c, f"{plain(value)} + C", f"integral of {plain(expr)} d{x}")


def _antiderivative(expr, x):
    value = sp.integrate(expr, x)
    if value.has(sp.Integral) or value.has(sp.Piecewise):
        raise _NotMine
    # SymPy's log(x) holds for x > 0 only; the antiderivative of 1/x is ln|x| + C.
    return value.replace(sp.log, lambda arg: sp.log(sp.Abs(arg)))


def _definite(expr, x, low, high):
    value = sp.integrate(expr, (x, low, high))
    if value.has(sp.Integral) or value.has(sp.Piecewise) or value.free_symbols or not value.is_finite:
        raise _NotMine
    return sp.nsimplify(value) if isinstance(value, sp.Float) else value


_LIMIT = [
    re.compile(r"(?:(?:find|what is|evaluate|calculate) )?(?:the )?(?:limit|lim) of (.+?),? as ([a-z])\s*"
               r"(?:->|→|approaches|goes to|tends to|\\to)\s*(.+)", re.I),
    re.compile(r"(?:(?:find|what is|evaluate|calculate) )?(?:the )?(?:limit|lim) as ([a-z])\s*"
               r"(?:->|→|approaches|goes to|tends to|\\to)\s*(.+?),? of (.+)", re.I),
    re.compile(r"\\?lim(?:it)?\s*_?\{?\s*([a-z])\s*(?:->|→|\\to)\s*([^{}\s]+)\s*\}?\s*(.+)", re.I),
]


def _limit(text: str) -> Solution | None:
    for i, pattern in enumerate(_LIMIT):
        m = pattern.fullmatch(text)
        if m:
            body, var, point = (m.group(1), m.group(2), m.group(3)) if i == 0 else (m.group(3), m.group(1), m.group(2))
            break
    else:
        return None
    direction = "+-"
    point = point.strip()
    side = re.search(r"\s*(?:from (?:the )?(left|right|below|above)|\^?([+-]))$", point, re.I)
    if side and not re.fullmatch(r"[-+]?\s*(?:∞|oo|infinity|inf|\\infty)", point, re.I):
        word = (side.group(1) or side.group(2)).lower()
        direction = "-" if word in ("left", "below", "-") else "+"
        point = point[:side.start()].strip()
    point = re.sub(r"(?i)\b(?:positive )?(?:infinity|inf)\b|∞|\\infty\b", "oo", point)
    point = re.sub(r"(?i)\bnegative oo", "-oo", point)
    a = _math(point, numbers_only=False)
    if not isinstance(a, sp.Expr) or a.free_symbols:
        raise _NotMine
    expr = _math(body)
    if not isinstance(expr, sp.Expr):
        raise _NotMine
    x = _variable(expr, var)
    if a in (sp.oo, -sp.oo):
        direction = "+" if a == sp.oo else "-"
    value = _bounded(_limit_value, expr, x, a, direction)
    arrow = f"{plain(a)}" + ("" if direction == "+-" or a in (sp.oo, -sp.oo) else direction)
    return Solution("limit", value, _exact_or_approx(value) if value.is_finite else plain(value),
                    f"limit of {plain(expr)} as {x} -> {arrow}")


def _limit_value(expr, x, a, direction):
    value = sp.limit(expr, x, a, dir=direction)
    if value.has(sp.Limit) or isinstance(value, sp.AccumBounds) or value.free_symbols or value is sp.nan \
            or value == sp.zoo:
        raise _NotMine
    return value


def _integers(listing: str) -> list[sp.Integer]:
    items = [p for p in re.split(r"\s*(?:,|\band\b|&|;)\s*|\s+", listing.strip()) if p]
    values = [_math(p, numbers_only=True) for p in items]
    if not 2 <= len(values) <= 10 or not all(v.is_Integer and v > 0 for v in values):
        raise _NotMine
    return values


_GCF = re.compile(r"(?:{ask} )?(?:the )?(?:gcf|gcd|hcf|greatest common (?:factor|divisor)|highest common factor|"
                  r"biggest common factor|largest common factor)(?: of| for|\s*\()\s*(.+?)\)?".format(ask=_ASK), re.I)
_LCM = re.compile(r"(?:{ask} )?(?:the )?(lcm|lcd|least common (?:multiple|denominator)|lowest common "
                  r"(?:multiple|denominator)|smallest common multiple)(?: of| for|\s*\()\s*(.+?)\)?".format(ask=_ASK), re.I)


def _gcf_lcm(text: str) -> Solution | None:
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
        fracs = [_math(p, numbers_only=True) for p in items]
        if len(fracs) < 2 or not all(f.is_Rational for f in fracs):
            raise _NotMine
        values = [sp.Integer(f.q) for f in fracs]
    else:
        values = _integers(m.group(2))
    value = sp.lcm_list(values)
    return Solution("lcm", value, plain(value), "lcm(" + ", ".join(map(str, values)) + ")")


_PRIME_Q = re.compile(r"(?:is|are) (\S+?) (?:a )?prime(?: number)?(?:\s*or (?:a )?composite(?: number)?)?", re.I)
_COMPOSITE_Q = re.compile(r"(?:is|are) (\S+?) (?:a )?composite(?: number)?(?:\s*or (?:a )?prime(?: number)?)?", re.I)
_FACTORISE_Q = re.compile(
    rf"(?:{_ASK} )?(?:the )?(?:prime factori[sz]ation|prime factors|prime decomposition|factor tree)(?: of| for)? (.+?)"
    r"|(?:write|express) (.+?) as (?:a )?product of (?:its )?primes?(?: factors)?"
    r"|(?:factori[sz]e|factor|break down|decompose) (.+?) into (?:its )?prime(?:s| factors)?", re.I)


def _primes(text: str) -> Solution | None:
    m = _PRIME_Q.fullmatch(text) or _COMPOSITE_Q.fullmatch(text)
    if m:
        n = _math(m.group(1), numbers_only=True)
        if not n.is_Integer or n < 0:
            raise _NotMine
        if n < 2:
            return Solution("prime", sp.false, f"No, {n} is not prime: a prime has exactly two factors, 1 and itself.",
                            f"is {n} prime")
        if sp.isprime(n):
            return Solution("prime", sp.true, f"Yes, {n} is prime: its only factors are 1 and {n}.", f"is {n} prime")
        try:
            shown = f": {n} = {_factor_text(_bounded(_factorint, n))}"
        except VerificationError:
            shown = ""
        return Solution("prime", sp.false, f"No, {n} is not prime{shown}.", f"is {n} prime")
    m = _FACTORISE_Q.fullmatch(text)
    if not m:
        return None
    fragment = m.group(1) or m.group(2) or m.group(3)
    n = _math(fragment, numbers_only=True)
    if not n.is_Integer:
        raise _NotMine
    return _prime_factors(n, fragment)


def _factorint(n):
    return sp.factorint(n)


def _factor_text(factors: dict) -> str:
    return " × ".join(f"{p}^{e}" if e > 1 else f"{p}" for p, e in sorted(factors.items()))


def _prime_factors(n: sp.Integer, fragment: str) -> Solution:
    if n < 2 or len(str(n)) > MAX_FACTOR_DIGITS:
        raise _NotMine
    factors = _bounded(_factorint, n)
    answer = sp.Mul(*(sp.Pow(p, e, evaluate=False) if e > 1 else sp.Integer(p) for p, e in sorted(factors.items())),
                    evaluate=False)
    return Solution("factorise_integer", answer, _factor_text(factors), fragment, form="factored")


_STATS = re.compile(rf"(?:{_ASK} )?(?:the )?(mean|average|median|mode|range)(?: value)?(?: (?:of|for)| ?:)(?: the (?:numbers|data|"
                    r"data set|values|set))?\s*:?\s*(.+)", re.I)


def _statistics(text: str) -> Solution | None:
    m = _STATS.fullmatch(text)
    if not m:
        return None
    items = [p for p in re.split(r"\s*(?:,|;|\band\b|&)\s*|\s+", m.group(2).strip().strip("{}[]()")) if p]
    values = [_math(p, numbers_only=True) for p in items]
    if not 2 <= len(values) <= MAX_STAT_VALUES or not all(v.is_Rational for v in values):
        raise _NotMine
    kind = {"average": "mean"}.get(m.group(1).lower(), m.group(1).lower())
    data = sorted(values)
    shown = f"{kind} of " + ", ".join(_number_text(v) for v in values)
    if kind == "mean":
        value = sp.Add(*data) / len(data)
    elif kind == "median":
        mid = len(data) // 2
        value = data[mid] if len(data) % 2 else (data[mid - 1] + data[mid]) / 2
    elif kind == "range":
        value = data[-1] - data[0]
    else:
        counts = {v: data.count(v) for v in data}
        top = max(counts.values())
        if top == 1:
            raise _NotMine  # every value once: "no mode" by one convention, all of them by another
        modes = sorted(v for v, c in counts.items() if c == top)
        value = modes[0] if len(modes) == 1 else sp.FiniteSet(*modes)
        return Solution("mode", value, " and ".join(_number_text(v) for v in modes), shown)
    return Solution(kind, value, _number_text(value), shown)


_TRIG = re.compile(rf"(?:{_ASK} )?(?:the )?(?:value of )?(sine|cosine|tangent|sin|cos|tan)\s*(?:of\s+)?(.+)", re.I)


def _trig(text: str) -> Solution | None:
    m = _TRIG.fullmatch(text)
    if not m:
        return None
    name = m.group(1).lower()[:3]
    arg_text = m.group(2).strip()
    inner = re.fullmatch(r"\((.+)\)", arg_text)
    if inner and inner.group(1).count("(") == inner.group(1).count(")"):
        arg_text = inner.group(1).strip()
    degrees = re.search(r"\s*(?:°|degrees?|deg)\s*$", arg_text, re.I)
    arg_text = arg_text[:degrees.start()] if degrees else arg_text
    arg = _math(arg_text, numbers_only=True)
    if degrees:
        arg = arg * sp.pi / 180
    elif not arg.has(sp.pi) and arg != 0:
        raise _NotMine  # "sin 30": degrees or radians? we do not guess
    value = {"sin": sp.sin, "cos": sp.cos, "tan": sp.tan}[name](arg)
    if value in (sp.zoo, sp.nan) or value.has(sp.zoo):
        return Solution("trig", sp.zoo, "undefined", f"{name}({_angle_text(arg, bool(degrees))})")
    shown = f"{name}({_angle_text(arg, bool(degrees))})"
    if value.has(sp.sin, sp.cos, sp.tan):
        return Solution("trig", value, f"≈ {_approx(value)}", shown)
    return Solution("trig", value, plain(value), shown)


def _angle_text(arg, degrees: bool) -> str:
    return f"{plain(arg * 180 / sp.pi)}°" if degrees else plain(arg)


_LOG = [
    re.compile(rf"(?:{_ASK} )?(?:the )?log(?:arithm)?\s*(?:base|_)\s*\{{?([\d.]+|e)\}}?\s*(?:of\s+)?(.+)", re.I),
    re.compile(rf"(?:{_ASK} )?(?:the )?log(?:arithm)? (?:of )?(.+?),? (?:to |in )?(?:the )?base ([\d.]+|e)", re.I),
    re.compile(rf"(?:{_ASK} )?(?:the )?log([2-9]|10)\s*(.+)", re.I),
    re.compile(rf"(?:{_ASK} )?(?:the )?(ln|natural log(?:arithm)?(?: of)?)\s*(.+)", re.I),
    re.compile(rf"(?:{_ASK} )?(?:the )?(log(?:arithm)?(?: of)?)\s*(\(?[\d.]+\)?)", re.I),
]


def _log(text: str) -> Solution | None:
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
        base = sp.E if base_text.lower() == "e" else _math(base_text, numbers_only=True)
        arg = _math(arg_text, numbers_only=True)
        if not (base.is_positive and base != 1 and arg.is_positive):
            raise _NotMine
        value = _bounded(_log_value, arg, base)
        shown = "ln(" + plain(arg) + ")" if base == sp.E else f"log base {plain(base)} of {plain(arg)}"
        return Solution("log", value, _exact_or_approx(value), shown)
    return None


def _log_value(arg, base):
    value = sp.log(arg, base)
    return value if value.is_Rational else sp.simplify(value)


# Units: (dimension, factor to the base unit). Temperatures are handled apart.
_UNITS = {}
for _names, _dim, _scale in [
    ("mm millimeter millimeters millimetre millimetres", "length", sp.Rational(1, 1000)),
    ("cm centimeter centimeters centimetre centimetres", "length", sp.Rational(1, 100)),
    ("m meter meters metre metres", "length", 1), ("km kilometer kilometers kilometre kilometres", "length", 1000),
    ("in inch inches", "length", sp.Rational(254, 10000)), ("ft foot feet", "length", sp.Rational(3048, 10000)),
    ("yd yard yards", "length", sp.Rational(9144, 10000)), ("mi mile miles", "length", sp.Rational(1609344, 1000)),
    ("mg milligram milligrams", "mass", sp.Rational(1, 1000)), ("g gram grams gramme grammes", "mass", 1),
    ("kg kilogram kilograms kilo kilos", "mass", 1000), ("t tonne tonnes", "mass", 10**6),
    ("oz ounce ounces", "mass", sp.Rational(28349523125, 10**9)), ("lb lbs pound pounds", "mass", sp.Rational(45359237, 10**5)),
    ("ms millisecond milliseconds", "time", sp.Rational(1, 1000)), ("s sec secs second seconds", "time", 1),
    ("min mins minute minutes", "time", 60), ("h hr hrs hour hours", "time", 3600), ("day days", "time", 86400),
    ("week weeks", "time", 604800),
    ("ml milliliter milliliters millilitre millilitres", "volume", sp.Rational(1, 1000)),
    ("cl centiliter centiliters centilitre centilitres", "volume", sp.Rational(1, 100)),
    ("l liter liters litre litres", "volume", 1),
    ("cents cent", "money", 1), ("dollars dollar", "money", 100),
    ("dozen dozens", "count", 12),
]:
    for _name in _names.split():
        _UNITS[_name] = (_dim, sp.Integer(_scale) if isinstance(_scale, int) else _scale, _names.split()[-1])
_TEMPS = {"c": "C", "celsius": "C", "°c": "C", "degrees c": "C", "degrees celsius": "C", "centigrade": "C",
          "f": "F", "fahrenheit": "F", "°f": "F", "degrees f": "F", "degrees fahrenheit": "F"}
_UNIT = r"(°?[a-z][a-z ]*?)"
_CONVERT = [
    re.compile(rf"(?:convert|change|express|turn|write|{_ASK})?\s*({_NUM}(?:/\d+)?)\s*{_UNIT}\s+(?:to|into|in|as)\s+{_UNIT}", re.I),
    re.compile(rf"how many {_UNIT} (?:are |is )?(?:there )?in\s+(?:an? |one )?({_NUM}(?:/\d+)?)?\s*{_UNIT}", re.I),
]


def _convert(text: str) -> Solution | None:
    m = _CONVERT[0].fullmatch(text)
    if m:
        amount_text, src, dst = m.group(1), m.group(2), m.group(3)
    else:
        m = _CONVERT[1].fullmatch(text)
        if not m:
            return None
        dst, amount_text, src = m.group(1), m.group(2) or "1", m.group(3)
    src, dst = src.strip().lower(), dst.strip().lower()
    amount = _math(amount_text, numbers_only=True)
    if src in _TEMPS and dst in _TEMPS:
        a, b = _TEMPS[src], _TEMPS[dst]
        value = amount if a == b else ((amount - 32) * sp.Rational(5, 9) if a == "F" else amount * sp.Rational(9, 5) + 32)
        return Solution("convert", value, f"{_number_text(value)} °{b}", f"{amount_text} °{a} in °{b}", unit=f"°{b}")
    if src not in _UNITS or dst not in _UNITS:
        raise _NotMine
    (dim_a, fa, _), (dim_b, fb, dst_name) = _UNITS[src], _UNITS[dst]
    if dim_a != dim_b:
        raise _NotMine
    value = amount * fa / fb
    unit = dst
    shown = _number_text(value)
    shown = f"≈ {_approx(value)}" if "/" in shown else shown  # 1 m is 1250/381 feet: a child wants 3.281
    return Solution("convert", value, f"{shown} {unit}", f"{amount_text} {src} in {dst}", unit=unit)


_DIE_WORDS = r"(?:a |an |one |a single |a fair |a regular |a normal |a standard |a six-sided |a 6-sided |)(?:fair |six-sided |6-sided |standard |)(?:die|dice|number cube)"
_PROB = re.compile(r"(?:what(?:'s| is)? )?(?:the )?(?:probability|chance|likelihood)(?: of| that| to)?(?: i| you| we)?"
                   r" (?:rolling|roll|rolls|getting|get|gets|landing on|land on|throwing|throw|flipping|flip|tossing|"
                   r"toss|drawing|draw|picking|pick|pulling|pull)\s+(.+?)\s+(?:on|with|from|when rolling|when "
                   r"flipping|when tossing|if i roll|if you roll|if i flip|if you flip|in|using)\s+(.+)", re.I)
_CARDS = {"red": 26, "black": 26, "heart": 13, "diamond": 13, "club": 13, "spade": 13, "ace": 4, "king": 4,
          "queen": 4, "jack": 4, "face card": 12, "picture card": 12}


def _probability(text: str) -> Solution | None:
    m = _PROB.fullmatch(text)
    if not m:
        coin = re.fullmatch(r"(?:what(?:'s| is)? )?(?:the )?(?:probability|chance) (?:of )?(?:getting|flipping|tossing|"
                            r"landing on) (heads|tails)", text, re.I)
        if coin:
            return Solution("probability", sp.Rational(1, 2), "1/2", f"P({coin.group(1).lower()}) with a fair coin")
        return None
    event, source = m.group(1).lower().strip(), m.group(2).lower().strip()
    if re.fullmatch(r"(?:a |one |a single |a fair |the )?(?:fair )?coin(?: once)?", source):
        if re.fullmatch(r"(?:a |an )?(?:heads?|tails?)", event):
            return Solution("probability", sp.Rational(1, 2), "1/2", f"P({event}) with a fair coin")
        raise _NotMine
    card = re.fullmatch(r"(?:a |an |one |the )?(?:regular |standard |normal |shuffled |full )?(?:deck(?: of (?:52 )?cards)?|"
                        r"pack(?: of (?:52 )?cards)?|52-card deck)", source)
    if card:
        key = re.sub(r"^(?:a |an |one )", "", event).removesuffix(" card").rstrip("s") if event not in ("a face card", "a picture card") else event[2:]
        key = {"face": "face card", "picture": "picture card"}.get(key, key)
        if key not in _CARDS:
            raise _NotMine
        value = sp.Rational(_CARDS[key], 52)
        return Solution("probability", value, plain(value), f"P({event}) drawing one card from 52")
    die = re.fullmatch(rf"{_DIE_WORDS}(?: once)?", source)
    if not die:
        raise _NotMine
    outcomes = list(range(1, 7))
    wins = [n for n in outcomes if _die_event(event, n)]
    value = sp.Rational(len(wins), len(outcomes))
    return Solution("probability", value, plain(value), f"P({event}) with a fair six-sided die")


def _die_event(event: str, n: int) -> bool:
    event = re.sub(r"^(?:a |an |the )?(?:number |value )?", "", event)
    for pattern, test in [
        (r"(?:greater|more|bigger|larger|higher) than (\d+)", lambda k: n > k),
        (r"(?:less|fewer|smaller|lower) than (\d+)", lambda k: n < k),
        (r"(?:at least|(\d+) or (?:more|higher|greater|above))\s*(\d+)?", None),
        (r"(?:at most|no more than)\s*(\d+)", lambda k: n <= k),
        (r"(\d+) or (?:less|lower|fewer|below)", lambda k: n <= k),
        (r"(?:a )?multiple of (\d+)", lambda k: n % k == 0),
        (r"(\d+)", lambda k: n == k),
        (r"not (?:a )?(\d+)", lambda k: n != k),
    ]:
        m = re.fullmatch(pattern, event)
        if m:
            if test is None:
                k = int(next(g for g in m.groups() if g))
                return n >= k
            return test(int(m.group(1)))
    m = re.fullmatch(r"(\d+) or (?:a )?(\d+)", event)
    if m:
        return n in (int(m.group(1)), int(m.group(2)))
    words = {"even": n % 2 == 0, "odd": n % 2 == 1, "prime": n in (2, 3, 5), "even number": n % 2 == 0,
             "odd number": n % 2 == 1, "prime number": n in (2, 3, 5), "six": n == 6, "one": n == 1}
    if event in words:
        return words[event]
    raise _NotMine


def _evaluate(text: str) -> Solution | None:
    m = re.fullmatch(rf"(?:{_ASK}(?: the value of| the answer to)?\s*:?\s+)?(.+?)(?:\s+equals?| is)?", text, re.I)
    if not m:
        return None
    fragment = m.group(1)
    if re.fullmatch(r"\s*[-+]?[\d.,]+\s*%?\s*", fragment):
        raise _NotMine  # a bare number is an answer, not a question
    if re.search(r"\blog\b", fragment, re.I):
        raise _NotMine  # natural or common log? only the log form above decides that
    value = _math(fragment, numbers_only=True)
    if not value.is_finite or value.has(sp.zoo, sp.nan):
        raise _NotMine
    if value.has(sp.sin, sp.cos, sp.tan) and not value.has(sp.pi) and not re.search(r"\bpi\b|π", fragment):
        raise _NotMine  # sin(30): degrees or radians?
    if not value.is_Rational:
        simpler = _bounded(sp.simplify, value)
        value = simpler if simpler.is_finite else value
    kind = "fraction" if re.search(r"\d\s*/\s*\d|\\frac", fragment) else "evaluate"
    text_value = _number_text(value) if kind == "evaluate" or value.is_Integer else plain(value)
    if not value.is_Rational and value.is_real:
        text_value = f"{plain(value)} ≈ {_approx(value)}" if value.free_symbols == set() else text_value
    return Solution(kind, value, text_value, plain_input(fragment))


def plain_input(fragment: str) -> str:
    return re.sub(r"\s+", " ", _spoken(fragment)).strip()


_HANDLERS = [_percent, _primes, _gcf_lcm, _statistics, _probability, _convert, _fraction_conversions, _derivative,
             _integral, _limit, _log, _trig, _factor, _expand, _simplify, _solve, _evaluate]
