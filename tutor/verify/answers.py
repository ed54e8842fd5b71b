"""Answer equivalence through Math-Verify, with size guards and a hard bound.

Math-Verify (Hugging Face's maintained comparer) handles fractions vs
decimals, sets, intervals, tuples, ``x = 4`` vs ``4`` and LaTeX vs plain text.
It parses with latex2sympy/SymPy, which evaluates as it reads, so we refuse
oversized, tower-shaped or too-big-to-compute input first
(:func:`guard`, :mod:`tutor.verify.size`), and run it in a worker process with
a memory limit and a CPU timer (:func:`tutor.verify.bounded.isolated`): a gap
in the guards costs that worker, never the app.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS, TOO_BIG, isolated, reason
from tutor.verify.chinese import answer_pair
from tutor.verify.parse import parse_chain
from tutor.verify.result import Check, Status, undetermined
from tutor.verify.size import check_result_size, too_big
from tutor.verify.typed import MATH_WORDS, compare_typed, reads_as_math

MAX_ANSWER_CHARS = 20_000
TIMEOUT_S = 2
"""Math-Verify's own timeout for each parse and for the comparison."""
WORKER_CPU_S = 4.0
"""CPU time one Math-Verify comparison may take in its worker before the worker is killed."""
# 9^9^9 or 2^{3^{4}} (right-nested); (3^5)^6 is left-nested and harmless
_TOWER = re.compile(r"(?:\*\*|\^)\s*[{(]?\s*[-+]?\s*[\w.]+\s*(?:\*\*|\^)")
_HUGE_EXP = re.compile(r"(?:\*\*|\^)\s*[{(]?\s*[-+]?\d{4,}")
# form feed / vertical tab count as white space (str.isspace), like in parse.py
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LOOKALIKE = re.compile(r"[\u0400-\u052f\u0530-\u058f\u13a0-\u13ff\uff21-\uff5a]")
_CODE = re.compile(r"__|\bimport\b|\blambda\b|\bexec\b|\beval\b")
_DECIMAL = re.compile(r"\.\d")
_ASSIGN = re.compile(r"^\s*\$?\s*[a-zA-Z]\s*=\s*")


def guard(text: str) -> None:
    """Raise VerificationError for input that could make a SymPy-based parser hang."""
    if len(text) > MAX_ANSWER_CHARS:
        raise VerificationError(f"too large: {len(text)} characters")
    if _CONTROL.search(text):
        raise VerificationError("malformed: control characters")
    if _CODE.search(text):
        raise VerificationError("malformed: this looks like program code, not an answer")
    if _LOOKALIKE.search(text):
        raise VerificationError("malformed: mixed scripts (letters that only look like Latin ones)")
    if _TOWER.search(text) or _HUGE_EXP.search(text):
        raise too_big("a power tower or a huge exponent")
    depth = worst = 0
    for ch in text:
        if ch in "({[":
            depth += 1
            worst = max(worst, depth)
        elif ch in ")}]":
            depth -= 1
    if worst > 40:
        raise VerificationError("too large: brackets nested too deep")
    check_result_size(text)


def _gold_items(gold) -> list:
    """Gold as Math-Verify wants it: a list of SymPy objects and/or strings."""
    if isinstance(gold, str):
        return [gold]
    if isinstance(gold, (bool,)):
        raise VerificationError("malformed: a yes/no gold answer")
    if isinstance(gold, (int, float)):
        return [sp.nsimplify(gold) if isinstance(gold, float) else sp.Integer(gold)]
    if isinstance(gold, tuple):
        return [sp.Tuple(*(_gold_items(g)[0] for g in gold))]
    if isinstance(gold, (set, frozenset)):
        return [sp.FiniteSet(*(_gold_items(g)[0] for g in gold))]
    if isinstance(gold, sp.Basic):
        return [gold]
    raise VerificationError(f"malformed: a gold answer of type {type(gold).__name__}")


def _mv_compare(gold: list, given: str, match_types: tuple[str, ...], precision: int, strict: bool,
                allow_set_relation_comp: bool, timeout: int | None) -> tuple[bool, bool]:
    """(both parsed, Math-Verify says equal). Runs in this process."""
    from math_verify import ExprExtractionConfig, LatexExtractionConfig, parse, verify

    configs = []
    if "latex" in match_types:
        configs.append(LatexExtractionConfig())
    if "expr" in match_types:
        configs.append(ExprExtractionConfig())
    gold_parsed = []
    for item in gold:
        if isinstance(item, str):
            gold_parsed.extend(parse(item, extraction_config=configs, parsing_timeout=timeout))
        else:
            gold_parsed.append(item)
    given_parsed = parse(given, extraction_config=configs, parsing_timeout=timeout)
    if not gold_parsed or not given_parsed:
        return False, False
    # Same letter, same variable: a gold Symbol('x') must equal the student's (real) x
    by_name = {s.name: s for g in given_parsed if isinstance(g, sp.Basic) for s in g.free_symbols
               if isinstance(s, sp.Symbol)}
    gold_parsed = [_rename(g, by_name) if isinstance(g, sp.Basic) else g for g in gold_parsed]
    same = bool(verify(gold_parsed, given_parsed, float_rounding=precision, strict=strict,
                       allow_set_relation_comp=allow_set_relation_comp, timeout_seconds=timeout))
    extracted = next((g for g in given_parsed if isinstance(g, str)), None)
    gold_texts = [g for g in gold_parsed if isinstance(g, str)]
    if extracted is not None and extracted in gold_texts:
        return True, same  # the very text of the gold answer
    if extracted is None or all(isinstance(g, str) for g in given_parsed) or all(isinstance(g, str) for g in gold_parsed):
        return False, False  # only a bare string: Math-Verify could not read it as math
    names = frozenset(s.name for g in gold_parsed if isinstance(g, sp.Basic) for s in g.free_symbols
                      if len(getattr(s, "name", "")) == 1)
    texts = gold_texts + [g for g in gold if isinstance(g, str)]
    words = frozenset(w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t))
    if not reads_as_math(extracted, given, names, words):
        return False, False
    return True, same


def _rename(expr: sp.Basic, by_name: dict[str, sp.Symbol]) -> sp.Basic:
    """``expr`` with its symbols swapped for same-named ones; untouched (not rebuilt) if none differ."""
    swap = {s: by_name[s.name] for s in expr.free_symbols
            if isinstance(s, sp.Symbol) and s.name in by_name and by_name[s.name] != s}
    return expr.xreplace(swap) if swap else expr


def _quick_number(text: str):
    """A plain number or simple expression (``x = 4``, ``3/4``), read by our own parser."""
    try:
        parts, ops = parse_chain(_ASSIGN.sub("", text.strip().strip("$")))
    except VerificationError:
        return None
    value = parts[-1]
    return value if not ops and value.is_number and value.is_finite else None


def equivalent(gold, given: str, *, match_types: tuple[str, ...] = ("latex", "expr"), precision: int = 6,
               strict: bool = True, allow_set_relation_comp: bool = False) -> Status:
    """Math-Verify's verdict on ``given`` vs ``gold`` with its options, guarded and bounded."""
    return _equivalent(gold, given, tuple(match_types), precision, strict, allow_set_relation_comp)[0]


def _equivalent(gold, given: str, match_types: tuple[str, ...] = ("latex", "expr"), precision: int = 6,
                strict: bool = True, allow_set_relation_comp: bool = False) -> tuple[Status, str | None]:
    """:func:`equivalent`, with the reason when undetermined for a reason worth telling."""
    try:
        items = _gold_items(gold)
        guard(given)
        for item in items:
            guard(item if isinstance(item, str) else str(item))
        if len(items) == 1:
            g = _quick_number(items[0]) if isinstance(items[0], str) else items[0]
            p = _quick_number(given)
            if g is not None and p is not None and getattr(g, "is_Rational", False) and p.is_Rational and g == p:
                return Status.verified, None
        parsed, same = isolated(_mv_compare, items, given, match_types, precision, strict,
                                allow_set_relation_comp, TIMEOUT_S, cpu_seconds=WORKER_CPU_S)
    except VerificationError as exc:
        return Status.undetermined, str(exc)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on untrusted text: any failure is "could not decide"
        return Status.undetermined, reason(exc)
    if not parsed:
        return Status.undetermined, None
    return (Status.verified if same else Status.refuted), None


def _looks_like_math(text: str) -> bool:
    """Short and made of math: no English words (so "banana" is not read as b·a·n·a·n·a)."""
    if len(text) > 500:
        return False
    words = re.findall(r"(?<![\\A-Za-z])[A-Za-z]{3,}", text)
    return all(w.lower() in MATH_WORDS for w in words)


def _delimit(text):
    if not isinstance(text, str) or any(m in text for m in ("$", "\\(", "\\[", "\\boxed")) or len(text) > 500:
        return text
    return f"${text.strip()}$"


_UNIT_WORD = re.compile(r"[A-Za-z\u4e00-\u9fff]{2,}")
"""A word in a given answer: it may be a unit ("2 hours 55 minutes") to read against a bare exact number."""


def compare_answers(given: str, gold) -> Check:
    """Does the answer ``given`` mean the same as ``gold``?

    Never raises: an answer too big to evaluate (``(10^9)!``) or one that
    makes SymPy overflow is undetermined, with the reason in the explanation.

    Args:
        given: a student's or model's answer (``"x = 4"``, ``"\\frac{1}{2}"``, ``"0.5"``).
        gold: the right answer as a string, LaTeX string, number, or SymPy object,
            tuple, set, FiniteSet or Interval.

    Returns:
        A Check: verified if equivalent, refuted if both were read and differ,
        undetermined if either could not be read (never verified by default).
    """
    try:
        return _compare_answers(given, gold)
    except MATH_ERRORS as exc:
        return undetermined(str(given)[:200], "answer", f"I could not compare this answer: {reason(exc)}.")


_YES = re.compile(r"^\W*(?:yes|yep|yeah|true|correct|right)\b", re.I)
_NO = re.compile(r"^\W*(?:no|nope|false|incorrect|wrong)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|cannot)\b|n't\b", re.I)


def _read_yes_no(text: str) -> bool | None:
    """A yes/no answer: 'Yes', 'no, 57 = 3 × 19', '57 is not prime' (False); None when it says neither.

    A statement without a yes, a no or a negation ('57 is composite') is not read as either:
    what it affirms depends on the question, so it stays unchecked rather than guessed.
    """
    if _YES.match(text):
        return True
    if _NO.match(text):
        return False
    if _NEGATION.search(text):
        return False
    return None


def _truth_value(gold) -> bool | None:
    if isinstance(gold, bool):
        return gold
    if gold is sp.true or gold is sp.false:
        return bool(gold)
    return None


_RATIO_WORDS = re.compile(r"^\s*(\d+)\s+to\s+(\d+)\s*\.?\s*$", re.I)
_DECIMAL_COMMA = re.compile(r"^\s*(-?\d+),(\d{1,2})\s*$")
_OUT_OF = re.compile(r"(?<![\d.,/])(\d+)\s+out\s+of\s+(\d+)(?![\d/]|[.,]\d)", re.I)


def shares_as_fractions(text: str) -> str:
    """"3 out of 10" as the fraction "3/10": a share or a chance written in words is one number, not 3."""
    return _OUT_OF.sub(r"\1/\2", text)


_ROUNDED_ASIDE = re.compile(r"(?<=\S)\s*,?\s*(?:\bor\s+)?\(\s*(?:about|approximately|approx\.?|roughly|≈)\s*([^()]+?)\s*\)"
                            r"\s*\.?\s*$", re.I)
_ROUNDED_AFTER = re.compile(r"(?<=\S)(?:\s*,\s*(?:or\s+)?|\s+or\s+)(?:about|approximately|approx\.|roughly)\s+(?=[-−\d.])",
                            re.I)
"""", or about 33%", " or about 0.33": a second form of the answer (not "The area is about 78.5")."""


_NO_SOLUTION = re.compile(
    r"^\W*(?:(?:so|thus|therefore|hence),?\s+)?(?:there\s+(?:is|are)\s+|it\s+has\s+|the equation has\s+)?"
    r"no\s+(?:real\s+)?(?:solutions?|roots?|answers?|values?(?:\s+of\s+x)?)\b"
    r"(?:[^0-9=<>]*|\s*(?:[,;:(]|\bbecause\b|\bsince\b|\bas\b).*)$"
    r"|^\s*(?:∅|\{\s*\}|(?:the\s+)?empty\s+set|无解|没有(?:实数)?解)\s*[.。]?\s*$", re.I)
"""An answer that says the solution set is empty: "no real solution", "There are no solutions.", "∅"."""


def _compare_answers(given: str, gold) -> Check:
    shown = gold if isinstance(gold, str) else str(gold)
    # Chinese answers (issue 15): "27只", "三分之二", "１２", "1元5角" read as plain math (units weighed) first;
    # answers and golds without Chinese or full-width characters come back unchanged
    given, gold = answer_pair(given, gold)
    from tutor.verify.units import improper

    given = improper(given)  # "2 1/2", "2½", "2 and 1/2": a mixed number, never 2 × 1/2
    if isinstance(gold, str):
        gold = improper(gold)  # an answer key's "1 1/2" is one and a half too, never a half
    if len(given) <= 200:  # a typed answer, not a page (guard() refuses that below)
        given = _RATIO_WORDS.sub(r"\1:\2", given)  # "3 to 2" for a ratio
        given = _DECIMAL_COMMA.sub(r"\1.\2", given)  # "7,5": a decimal comma (a thousands group has 3 digits)
        given = shares_as_fractions(given)
        # "1/3, or about 33%", "5√2 (about 7.07)": a value and its rounding, read as "1/3 ≈ 33%"
        given = _ROUNDED_ASIDE.sub(r" ≈ \1", given)
        given = _ROUNDED_AFTER.sub(" ≈ ", given)
    truth = _truth_value(gold)
    if truth is not None:
        said = _read_yes_no(given)
        if said is None:
            return undetermined(given[:200], "answer", "This answer does not say yes or no.")
        word = "matches" if said is truth else "does not match"
        return Check(Status.verified if said is truth else Status.refuted, given, "answer", "yes" if truth else "no",
                     f"This answer {word} the right answer, {'yes' if truth else 'no'}.")
    if len(given) <= 200 and _NO_SOLUTION.match(given):  # "no real solution", "∅", "无解": the empty set, said in words
        empty = gold == sp.S.EmptySet if isinstance(gold, sp.Basic) else bool(_NO_SOLUTION.match(shown))
        return Check(Status.verified if empty else Status.refuted, given, "answer", shown,
                     f"This answer {'matches' if empty else 'does not match'} the right answer, {shown}.")
    if isinstance(gold, str) or (isinstance(gold, sp.Rational) and _UNIT_WORD.search(given)):
        from tutor.verify.units import compare_quantities

        # SymPy's exact 35/12 for "how long together, in hours": "2 hours 55 minutes" states it in its own units
        # (a string copy only here: the gold stays SymPy's below, so Math-Verify never reads "4" out of "4ac")
        written = gold if isinstance(gold, str) else str(gold)
        measured = compare_quantities(given, written)  # "2400 meters" or "2.4 km" or "2400" for "2400 m"
        if measured is None:
            from tutor.verify.units import compare_measured

            measured = compare_measured(given, written)  # "28.27 cm²" or "9π" for "9π cm² ≈ 28.27 cm²"
        if measured is not None:
            word = "matches" if measured is Status.verified else "does not match"
            return Check(measured, given, "answer", shown, f"This answer {word} the right answer, {shown}.")
    relation, as_set = _compare_relations(given, gold)
    if relation is Status.undetermined:
        return undetermined(given[:200], "answer", "I could not compare these inequalities in time.")
    if relation is not None:
        word = "matches" if relation is Status.verified else "does not match"
        return Check(relation, given, "answer", shown, f"This answer {word} the right answer, {shown}.")
    if as_set is not None:
        gold = as_set  # "(-2, 3)" for -2 < x < 3: compare as an interval
    rounded = _rounded_match(given, gold)
    if rounded is not None:
        word = "matches" if rounded is Status.verified else "does not match"
        return Check(rounded, given, "answer", shown, f"This answer {word} the right answer, {shown}, "
                                                      "to the decimals written.")
    # Our own reading first: typed forms Math-Verify misreads, SymPy golds with plain symbols
    # A text gold we read as one value is compared as that value, by us and by Math-Verify, so a text gold and
    # the same SymPy gold give one verdict ("9π" against "9pi", which Math-Verify alone reads as 9·p·i;
    # "(2x - 5)(2x + 5)" as text was refuted against a sentence ending in it)
    value = None
    try:  # our parser has its own bounds; guard() protects Math-Verify (e^(x^2) is no tower to us)
        own = compare_typed(given, gold)
        if own is None and isinstance(gold, str):
            from tutor.verify.typed import gold_reading

            read = gold_reading(gold)
            if read is not None and read.shape == "one":
                value = read.values[0]
                own = compare_typed(given, value)
    except VerificationError:
        own = None
    status, why = Status.undetermined, None
    # Math-Verify may still verify a decimal we refute (it rounds: 0.333333 for 1/3); nothing else we read
    if own is Status.verified or (own is Status.refuted and not _DECIMAL.search(given)):
        status = own
    else:
        # Plain text like "{1,2}" or "[0, 1)" only reads as a set/interval inside math delimiters
        attempts = [(gold, given)]
        if _looks_like_math(given):
            attempts.insert(0, (_delimit(gold), _delimit(given)))
        if own is None and value is not None:
            attempts.insert(0, (value, _delimit(given) if _looks_like_math(given) else given))
        for g, p in attempts:
            status, why = _equivalent(g, p)
            if status is not Status.undetermined or (why or "").startswith(TOO_BIG):
                break
        if own is Status.refuted and status is not Status.verified:
            status = own
    if status is Status.verified:
        return Check(status, given, "answer", shown, "This answer matches the right answer.")
    if status is Status.refuted:
        return Check(status, given, "answer", shown, f"This answer does not match the right answer, {shown}.")
    if why and why.startswith(TOO_BIG):
        return undetermined(given[:200], "answer", f"This answer is {why}.")
    return undetermined(given[:200], "answer", "I could not read this answer well enough to compare it.")


_JOINERS = re.compile(r"\s*(?:\bor\b|\band\b|,|;|∪|∩)\s*", re.I)
RELATION_SECONDS = 4.0
"""Bound on reading an inequality as a set: milliseconds when warm, but a first call imports SymPy's solvers
(a 1 s bound failed once in a loaded full test run, and the answer fell through to a reader that refuted it)."""


def _relation_set(expr, var):
    return expr.as_set() if expr.free_symbols == {var} else None


def _read_relation(text: str):
    """A typed inequality answer as one SymPy boolean: 'x < -2 or x > 2', '-2 < x < 3', 'x > -2 and x < 3'."""
    from tutor.verify.parse import safe_parse

    text = text.strip().rstrip(".")
    parts = [p for p in _JOINERS.split(text) if p.strip()]
    joins = [j.strip().lower() for j in _JOINERS.findall(text)]
    exprs = [safe_parse(p) for p in parts]
    if not all(isinstance(e, sp.Rel | sp.And | sp.Or) and not isinstance(e, sp.Eq | sp.Ne) for e in exprs):
        return None
    if len(exprs) == 1:
        return exprs[0]
    if all(j in ("and", "∩") for j in joins):
        return sp.And(*exprs)
    if all(j in ("or", "∪", ",") for j in joins):
        return sp.Or(*exprs)
    return None


def _compare_relations(given: str, gold):
    """Inequality answers compared as the sets of numbers they describe.

    Returns (status, None) when decided; (None, the gold as a set) when the gold is an
    inequality but the answer is written another way (an interval); (None, None) otherwise.
    '-2 < x < 3' and 'x > -2 and x < 3' describe the same numbers as And(x > -2, x < 3);
    'x = 7' for 'x < 7' is refuted, never read as a number picked out of it.
    """
    from tutor.verify.bounded import limited

    if isinstance(gold, str) and _INEQUALITY_SIGN.search(gold):
        try:
            read = _read_relation(gold)
        except VerificationError:
            return None, None
        gold = gold if read is None else read
    if isinstance(gold, sp.Interval | sp.Union) and _INEQUALITY_SIGN.search(given):
        # an interval gold answered with an inequality ("x > 3" for (3, oo)): compare the sets
        try:
            mine = _read_relation(given)
        except VerificationError:
            return None, None
        if mine is None or len(mine.free_symbols) != 1:
            return None, None
        (var,) = mine.free_symbols
        try:
            mine_set = limited(_relation_set, mine, var, seconds=RELATION_SECONDS)
        except VerificationError:
            return Status.undetermined, None
        if mine_set is None:
            return None, None
        return (Status.verified if mine_set == gold else Status.refuted), None
    if isinstance(gold, str) or not isinstance(gold, sp.Rel | sp.And | sp.Or) or isinstance(gold, sp.Eq | sp.Ne):
        return None, None
    if len(gold.free_symbols) != 1:
        return None, None
    (var,) = gold.free_symbols
    try:
        gold_set = limited(_relation_set, gold, var, seconds=RELATION_SECONDS)
        interval = _read_interval(given)
        if interval is not None and gold_set is not None:
            return (Status.verified if interval == gold_set else Status.refuted), None
        mine = _read_relation(given)
    except VerificationError:
        return None, None
    if mine is None:
        if re.search(r"=", given) and not _INEQUALITY_SIGN.search(given):
            return Status.refuted, None  # an equation or a number for an inequality
        return None, gold_set
    names = {s.name for s in mine.free_symbols}
    if names != {var.name}:
        return (Status.refuted if len(names) == 1 else None), None
    mine = mine.subs({s: var for s in mine.free_symbols})
    try:
        mine_set = limited(_relation_set, mine, var, seconds=RELATION_SECONDS)
    except VerificationError:
        return Status.undetermined, None  # both read as inequalities: no other reader may judge them instead
    if mine_set is None or gold_set is None:
        return None, None
    return (Status.verified if mine_set == gold_set else Status.refuted), None


_INEQUALITY_SIGN = re.compile(r"[<>≤≥]")
_INTERVAL = re.compile(r"\s*([(\[])\s*([^,()\[\]]+?)\s*,\s*([^,()\[\]]+?)\s*([)\]])\s*")
_UNION = re.compile(r"\s*(?:∪|\bU\b|\bu\b|\bor\b|\bunion\b)\s*", re.I)
_INFINITY = {"oo": sp.oo, "∞": sp.oo, "inf": sp.oo, "infinity": sp.oo, "+oo": sp.oo, "+∞": sp.oo, "+inf": sp.oo,
             "+infinity": sp.oo, "-oo": -sp.oo, "-∞": -sp.oo, "-inf": -sp.oo, "-infinity": -sp.oo}


def _read_interval(text: str):
    """Interval notation as a SymPy set: '(-2, 3)', '[1, oo)', '(-∞, -2) ∪ (2, ∞)'; None if not that.

    Read only when the answer is compared with an inequality, where '(-2, 3)' cannot be a point.
    """
    from tutor.verify.parse import safe_parse

    pieces = _UNION.split(text.strip().rstrip(".").replace("−", "-"))
    if not pieces or len(pieces) > 8:
        return None
    result = sp.EmptySet
    for piece in pieces:
        m = _INTERVAL.fullmatch(piece)
        if m is None:
            return None
        ends = []
        for end in (m.group(2), m.group(3)):
            key = end.replace(" ", "").lower()
            value = _INFINITY.get(key)
            if value is None:
                value = safe_parse(end)
                if not isinstance(value, sp.Expr) or value.free_symbols or not value.is_real:
                    return None
                value = sp.nsimplify(value, rational=True) if value.is_Float else value
            ends.append(value)
        lo, hi = ends
        if (lo.is_infinite and m.group(1) == "[") or (hi.is_infinite and m.group(4) == "]") or bool(lo > hi):
            return None
        result = sp.Union(result, sp.Interval(lo, hi, m.group(1) == "(", m.group(4) == ")"))
    return result


_PLAIN_DECIMAL = re.compile(r"^\s*[-+−]?\d+\.(\d+)\s*$")


def _exact_number(value):
    """An exact irrational SymPy number (9*pi, sqrt(2), or a text gold read as one: "9pi", "5√2"), else None."""
    if isinstance(value, str):
        from tutor.verify.typed import gold_reading

        try:
            read = gold_reading(value)
        except VerificationError:
            return None
        if read is None or read.shape != "one":
            return None
        value = read.values[0]
    try:
        value = sp.sympify(value, strict=True) if not isinstance(value, sp.Basic) else value
    except (sp.SympifyError, TypeError):
        return None
    if value.free_symbols or not value.is_number or value.is_Rational or value.is_Float or not value.is_real:
        return None
    return value


def rounds_to(given: str, gold) -> bool:
    """Whether ``given`` is ``gold``, an exact rational whose decimal never ends, rounded to the two or more places
    written: 0.5833 and 0.58 for 7/12, 6.67 (天) for 20/3; never 0.6 (too coarse to tell), never a rounding of a
    decimal that ends (0.26 for 0.255 is a different number).

    Not part of ``compare_answers``, which grades a student's typed answer exactly (a fractions lesson does not
    take 0.58 for 7/12). The tutor's vote takes a reply's decimal against a checking program's six-place one the
    same way (``agents.resolve._same_rounding``); the benchmarks score a reply's final answer against the gold
    with this rule, so a reply the tutor rightly verified to the printed precision is not counted wrong."""
    try:
        given, gold = answer_pair(str(given), gold)
        m = _PLAIN_DECIMAL.match(given.strip())
        if m is None or len(m.group(1)) < 2:
            return False
        from tutor.verify.typed import gold_reading

        read = gold_reading(gold) if isinstance(gold, str) else None
        value = read.values[0] if read is not None and read.shape == "one" else gold
        value = sp.nsimplify(value) if isinstance(value, (int, float)) else value
        if not isinstance(value, sp.Rational) or value.is_Integer or set(sp.factorint(value.q)) <= {2, 5}:
            return False
        places = len(m.group(1))
        written = sp.Rational(given.strip().replace("−", "-"))
        return abs(value - written) <= sp.Rational(1, 2) * sp.Rational(10) ** -places
    except (VerificationError, ValueError, TypeError, *MATH_ERRORS):
        return False


def _rounded_match(given: str, gold) -> Status | None:
    """A decimal answer to an irrational value, judged at the precision it is written to.

    28.27 and 28.274333882308138 both state 9π, rounded; 28.28 does not. Only for an
    irrational exact gold (a rational one compares exactly, where 0.58333 for 7/12 is
    handled by the reader) and a decimal written with at least one decimal place, so a
    whole number is never taken as a rounding. None: not this case.
    """
    m = _PLAIN_DECIMAL.match(given or "")
    exact = _exact_number(gold)
    if m is None or exact is None:
        return None
    places = min(len(m.group(1)), 30)
    written = sp.Rational(given.strip().replace("−", "-"))
    value = sp.N(exact, places + 10)
    error = abs(value - written)
    # half a unit of the last place written; a program's float (17 digits) also carries a double's rounding
    allowed = sp.Rational(1, 2) * sp.Rational(10) ** -places + abs(value) * sp.Rational(1, 2**50)
    return Status.verified if error <= allowed else Status.refuted
