"""Answers as students type them, read by our own bounded parser.

Math-Verify reads LaTeX well but plain text poorly (``-2*cos(2*x+8)`` becomes
``-2``, ``e^x`` nothing, ``3/+`` becomes 3), and its letters are real symbols
while a SymPy gold's ``Symbol('x')`` carries no assumptions, so the two never
compare equal. :func:`compare_typed` therefore reads the common typed forms
first with :mod:`tutor.verify.parse` (one expression; a set or list such as
``{a, b}``, ``a, b`` or ``x = a or x = b``; ``±``), renames the gold's symbols
to plain ones by name, and compares values with
:func:`~tutor.verify.numeric.same_value`. :func:`reads_as_math` is the test the
text Math-Verify extracted must pass before its verdict counts, so garbage is
undetermined rather than refuted.
"""

from __future__ import annotations

import cmath
import itertools
import re
import time
from dataclasses import dataclass

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS
from tutor.verify.numeric import same_value
from tutor.verify.parse import FUNCTIONS, Parser, Token, tokenize
from tutor.verify.result import Status

MAX_ITEMS = 8
"""More values than this in one answer are left to Math-Verify (which bounds its own time)."""
MAX_PLUS_MINUS = 2
DEADLINE_S = 1.0
"""Time for all value comparisons of one answer; past it the answer is undetermined."""

MATH_WORDS = frozenset({"sqrt", "sin", "cos", "tan", "log", "ln", "exp", "pi", "inf", "infty", "frac", "dfrac",
                        "cup", "cap", "and", "or", "abs", "asin", "acos", "atan", "oo"})
_NAME_EQUALS = re.compile(r"\b([a-zA-Z])_\{?\w\}?(?=\s*=)")  # x_1 = ... -> x = ...
_TIMES_X = re.compile(r"(?<=\d)\s*[xX]\s*(?=\d)")
_E_NOTATION = re.compile(r"(?<=\d)[eE]([-+]?\d+)(?![\w.])")
_BOXED = re.compile(r"^\s*\\boxed\s*\{(.*)\}\s*$", re.DOTALL)
_OUTER_DELIMS = re.compile(r"^\s*\\[(\[](.*)\\[)\]]\s*$", re.DOTALL)
_SEPARATOR_WORDS = ("or", "and")


@dataclass(frozen=True)
class Reading:
    """What an answer says: its values and how they were written.

    ``shape`` is ``one`` (a single expression), ``list`` (``a, b``), ``braces``
    (``{a, b}``), ``alternatives`` (``a or b``, ``a ± b``) or ``bracketed``
    (``(a, b)``/``[a, b]``, a tuple or an interval).
    """

    values: tuple[sp.Expr, ...]
    shape: str


def _closing(tokens: list[Token], start: int) -> int:
    """Index of the bracket closing the one at ``start`` (-1 if unbalanced)."""
    depth = 0
    for i in range(start, len(tokens)):
        if tokens[i].kind == "op" and tokens[i].text in "([{":
            depth += 1
        elif tokens[i].kind == "op" and tokens[i].text in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split(tokens: list[Token]) -> list[list[Token]]:
    """Split at commas and the words "or"/"and" outside brackets."""
    items: list[list[Token]] = [[]]
    depth = 0
    for t in tokens:
        if t.kind == "op" and t.text in "([{":
            depth += 1
        elif t.kind == "op" and t.text in ")]}":
            depth -= 1
        if depth == 0 and ((t.kind == "op" and t.text == ",") or (t.kind == "name" and t.text.lower() in _SEPARATOR_WORDS)):
            items.append([])
        else:
            items[-1].append(t)
    return items


def _words_ok(item: list[Token], names: frozenset[str]) -> bool:
    """Letters run together ("xy") only if each is one of the gold's variables: "cat" is not c·a·t."""
    for t in item:
        if t.kind != "name" or len(t.text) == 1 or t.text.lower() in FUNCTIONS or t.text.lower() in ("pi", "oo"):
            continue
        if not all(c in names for c in t.text):
            return False
    return True


def _plus_minus(item: list[Token]) -> list[list[Token]]:
    """Every reading of ``a ± b`` (``∓`` takes the opposite sign)."""
    spots = [i for i, t in enumerate(item) if t.kind == "op" and t.text in ("±", "∓")]
    if len(spots) > MAX_PLUS_MINUS:
        raise VerificationError(f"too large: more than {MAX_PLUS_MINUS} ± signs")
    variants = []
    for signs in itertools.product("+-", repeat=len(spots)):
        v = list(item)
        for i, s in zip(spots, signs):
            v[i] = Token("op", s if item[i].text == "±" else {"+": "-", "-": "+"}[s])
        variants.append(v)
    return variants


def _unwrap(text: str) -> str:
    text = text.strip().strip("$").replace("+/-", "±")
    for pattern in (_BOXED, _OUTER_DELIMS):
        m = pattern.match(text)
        if m:
            text = m.group(1)
    return _NAME_EQUALS.sub(r"\1", text)


def read_answer(text: str, names: frozenset[str] = frozenset()) -> Reading | None:
    """Read a typed answer into values, or None if it is not plain math we read.

    Args:
        text: the answer, e.g. ``"x = -2 ± √11"`` or ``"{1, 2}"`` or ``"2x cos(x^2)"``.
        names: the variables the gold answer uses; letters run together must be among them.
    """
    text = _unwrap(text)
    if "x" not in names and "X" not in names:
        text = _TIMES_X.sub(" * ", text)  # "4.82 x 10^-4", "3 x 4": a times sign typed as a letter
    if "e" not in names:
        text = _E_NOTATION.sub(r" * 10^(\1)", text)  # "4.82e-4": a calculator's power of ten, not Euler's e − 4
    try:
        body = tokenize(text)[:-1]
    except VerificationError:
        return None
    if not body:
        return None
    shape = "one"
    if body[0].kind == "op" and body[0].text in "([{" and _closing(body, 0) == len(body) - 1:
        inner = body[1:-1]
        if body[0].text == "{":
            body, shape = inner, "braces"
        elif len(_split(inner)) > 1:
            body, shape = inner, "bracketed"
    items = _split(body)
    if len(items) > MAX_ITEMS:
        return None
    if shape == "one" and len(items) > 1:
        worded = any(t.kind == "name" and t.text.lower() in _SEPARATOR_WORDS for t in body)
        shape = "alternatives" if worded else "list"
    values: list[sp.Expr] = []
    try:
        for item in items:
            if len(item) >= 2 and item[0].kind == "name" and len(item[0].text) == 1 and item[1].text == "=":
                item = item[2:]
            if not item or not _words_ok(item, names):
                return None
            variants = _plus_minus(item)
            if len(variants) > 1 and shape == "one":
                shape = "alternatives"
            for v in variants:
                parts, ops = Parser(v + [Token("end", "")]).chain()
                if ops or not isinstance(parts[0], sp.Expr) or parts[0].has(sp.zoo, sp.oo, sp.nan):
                    return None
                values.append(parts[0])
    except VerificationError:
        return None
    if len(values) > MAX_ITEMS:
        return None
    return Reading(tuple(values), shape)


def plain_symbols(expr: sp.Basic) -> sp.Basic:
    """``expr`` with every symbol replaced by an assumption-free one of the same name."""
    return expr.xreplace({s: sp.Symbol(s.name) for s in expr.free_symbols if isinstance(s, sp.Symbol)})


def _gold_value(item) -> sp.Expr | None:
    if isinstance(item, bool):
        return None
    if isinstance(item, int):
        return sp.Integer(item)
    if isinstance(item, float):
        return sp.nsimplify(item, rational=True)
    if isinstance(item, sp.Expr) and not item.is_Matrix and not item.has(sp.zoo, sp.oo, sp.nan):
        return plain_symbols(item)
    return None


def gold_reading(gold) -> Reading | None:
    """The gold answer as values and a shape (``one``, ``set`` or ``tuple``), or None."""
    if isinstance(gold, str):
        read = read_answer(gold)
        if read is None or read.shape == "bracketed":
            return None
        return Reading(read.values, "one" if read.shape == "one" else "set")
    if isinstance(gold, (set, frozenset, sp.FiniteSet, tuple, sp.Tuple)):
        values = [_gold_value(g) for g in gold]
        if any(v is None for v in values) or not 0 < len(values) <= MAX_ITEMS:
            return None
        return Reading(tuple(values), "tuple" if isinstance(gold, (tuple, sp.Tuple)) else "set")
    value = _gold_value(gold)
    return None if value is None else Reading((value,), "one")


def _same(a: sp.Expr, b: sp.Expr, deadline: float) -> Status:
    if time.monotonic() > deadline:
        return Status.undetermined
    if not (a.free_symbols or b.free_symbols):
        try:
            va, vb = complex(sp.N(a, 15)), complex(sp.N(b, 15))
        except MATH_ERRORS:
            return Status.undetermined
        # past a float's range (300!, pi^1633) the values say nothing: exact work decides
        if cmath.isfinite(va) and cmath.isfinite(vb) and abs(va - vb) > 1e-9 * max(1.0, abs(va), abs(vb)):
            return Status.refuted  # clearly different; exact work only for near-equal values
    return same_value(a, b)


def _same_set(given: tuple[sp.Expr, ...], gold: tuple[sp.Expr, ...], deadline: float) -> Status:
    """Every given value is a gold value and every gold value is given (repeats allowed)."""
    matched: set[int] = set()
    unsure = False
    for v in dict.fromkeys(given):
        hit = False
        for j, g in enumerate(gold):
            s = _same(v, g, deadline)
            if s is Status.verified:
                matched.add(j)
                hit = True
                break
            unsure |= s is Status.undetermined
        if not hit:
            return Status.undetermined if unsure else Status.refuted
    if len(matched) == len(gold):
        return Status.verified
    return Status.undetermined if unsure else Status.refuted


def compare_typed(given: str, gold) -> Status | None:
    """Compare a typed answer with the gold by our own reading; None when we cannot read one of them.

    Refuted only when both were read as values and differ; undetermined when a
    comparison could not be decided in time.
    """
    target = gold_reading(gold)
    if target is None:
        return None
    names = frozenset().union(*(v.free_symbols for v in target.values))
    read = read_answer(given, frozenset(s.name for s in names if len(s.name) == 1))
    if read is None:
        return None
    deadline = time.monotonic() + DEADLINE_S
    if target.shape == "tuple":
        if read.shape not in ("bracketed", "list"):
            return None
        if len(read.values) != len(target.values):
            return Status.refuted
        statuses = [_same(v, g, deadline) for v, g in zip(read.values, target.values)]
        if Status.refuted in statuses:
            return Status.refuted
        return Status.verified if all(s is Status.verified for s in statuses) else Status.undetermined
    if target.shape == "set" and read.shape == "bracketed":
        return None  # (a, b) may be an interval: Math-Verify decides
    if target.shape == "one" and len(set(read.values)) > 1:
        return Status.refuted
    return _same_set(read.values, target.values, deadline)


# words inside these are labels, not letters of the answer: \text{ cm}, \begin{array}{cc}
_TEXT_COMMANDS = re.compile(r"\\(?:text|mathrm|mbox|textbf|operatorname|end)\s*\{[^{}]*\}|\\begin\s*\{[^{}]*\}(?:\{[lcr|]*\})?")
_WORD = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{2,}")
_OPERATOR_PAIR = re.compile(r"[-+*/^]\s*[*/^]")
_DANGLING = re.compile(r"[-+*/^=,]\s*$|^\s*[*/^=,]")
_JOINS = "*/^+-(,_|"
_OPENERS = ("\\(", "\\[", "$", "\\boxed{")
_CLOSERS = ("\\)", "\\]", "$")


def _trim(text: str, marks: tuple[str, ...], end: bool) -> str:
    """Drop math delimiters (and white space) from the end (or the start) of ``text``."""
    while True:
        text = text.rstrip() if end else text.lstrip()
        mark = next((m for m in marks if (text.endswith(m) if end else text.startswith(m))), None)
        if mark is None:
            return text
        text = text[: -len(mark)] if end else text[len(mark):]


def reads_as_math(extracted: str, given: str, names: frozenset[str], words: frozenset[str] = frozenset()) -> bool:
    """Is ``extracted`` (what Math-Verify read from ``given``) well-formed math and all of it?

    False for words ("the cat"), dangling or doubled operators ("3/+", "2 +* 3"),
    unbalanced brackets, and a number cut out of a longer expression ("-2" from
    "-2*foo(2x+8)"): such answers must be undetermined, never refuted.

    Args:
        extracted: the text Math-Verify parsed.
        given: the whole answer it came from.
        names: one-letter variables of the gold answer (letters run together must be these).
        words: lower-case words of the gold answer's text ("odd" may answer "\\text{odd}").
    """
    text = _TEXT_COMMANDS.sub(" ", extracted.replace("**", "^"))
    if "\\\\" in text and "\\begin" not in given:
        return False  # a LaTeX line break outside a matrix: Math-Verify reads only the last line
    if _OPERATOR_PAIR.search(text) or _DANGLING.search(text):
        return False
    for word in _WORD.findall(text):
        if word.lower() not in MATH_WORDS | words and not all(c in names for c in word):
            return False
    plain = text.replace("\\{", "{").replace("\\}", "}")
    round_depth = brace_depth = 0
    for ch in plain:
        round_depth += (ch in "([") - (ch in ")]")
        brace_depth += (ch == "{") - (ch == "}")
        if round_depth < 0 or brace_depth < 0:
            return False
    if round_depth or brace_depth or plain.count("|") % 2:
        return False
    pos = given.rfind(extracted)
    if pos < 0:
        return True  # Math-Verify assembled it (e.g. "x=2 and x=3" from two formulas)
    before = _trim(given[:pos], _OPENERS, end=True)
    after = _trim(given[pos + len(extracted):], _CLOSERS, end=False)
    if before and (before[-1] in _JOINS or before[-1].isdigit() or (before.endswith("\\\\") and "\\begin" not in given)):
        return False  # also: only the line after a LaTeX line break was read
    return not (after and (after[0] in _JOINS or after[0].isdigit() or after[0] == "!"))
