"""A small, bounded math parser that builds SymPy objects directly.

Untrusted text (model output, a student's answer) never reaches ``eval``,
``sympify`` or ``parse_expr``: those run Python code paths on their input and
can hang on ``9**9**9**9``. Instead a tokenizer and a recursive-descent parser
accept a plain-math subset (numbers, single-letter variables, + - * / ^, a few
functions, a little LaTeX) and refuse anything too long, too deep or too large
with :class:`~tutor.errors.VerificationError` before SymPy does any work.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS, reason
from tutor.verify.size import MAX_FACTORIAL, MAX_RESULT_DIGITS, too_big

MAX_CHARS = 2_000
"""Longest text we parse at all."""
MAX_TOKENS = 400
MAX_DEPTH = 40
"""Deepest nesting of brackets/unary operators."""
MAX_NUMBER_DIGITS = 60
MAX_SYMBOLIC_EXPONENT = 64
"""``(x+1)^n`` with a larger n is refused: expanding it would be slow."""

RELATIONS = {"=": "=", "==": "=", "≈": "≈", "~": "≈", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "≤": "<=",
             "≥": ">=", "≠": "!=", "!=": "!="}
FUNCTIONS = {
    "sqrt": sp.sqrt, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "ln": sp.log, "log": sp.log,
    "exp": sp.exp, "abs": sp.Abs, "asin": sp.asin, "acos": sp.acos, "atan": sp.atan,
}
_GREEK = "αβγδθλμσφω"
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile(r"[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_LATEX_WORDS = {
    r"\cdot": "*", r"\times": "*", r"\div": "/", r"\left": "", r"\right": "", r"\pi": " pi ",
    r"\le": "<=", r"\leq": "<=", r"\ge": ">=", r"\geq": ">=", r"\neq": "!=", r"\ne": "!=",
    r"\approx": "≈", r"\%": "%", r"\,": " ", r"\;": " ", r"\!": "", r"\ ": " ", r"\quad": " ",
    r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\sqrt": r"\sqrt", r"\frac": r"\frac",
    r"\sin": "sin", r"\cos": "cos", r"\tan": "tan", r"\ln": "ln", r"\log": "log", r"\exp": "exp",
    r"\infty": " oo ", r"\pm": "±", r"\mp": "∓", r"\{": "{", r"\}": "}",
}
_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+)
  | (?P<latex>\\[a-zA-Z]+|\\[,;!% {}])
  | (?P<op>\*\*|<=|>=|==|!=|[-+*/^()\[\]{}=<>!%|,≈~≤≥≠×÷·⋅−–√±∓])
  | (?P<name>[a-zA-Z""" + _GREEK + r"""]+)
    """,
    re.VERBOSE,
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Token:
    kind: str  # num, name, op, latex, end
    text: str


_OPERAND = (r"(?:\d+(?:\.\d+)?|[A-Za-z](?:\s*\^\s*\d+|[²³])?"
            r"|[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）])")
_DIVISOR = re.compile(rf"÷(\s*)({_OPERAND}\s*/\s*{_OPERAND})(?![\w.(（/^²³])")


def group_fraction_divisors(text: str) -> str:
    """A fraction written right after ÷ is one number, as it stands stacked on paper: ``20 ÷ 5/6`` is 20 ÷ (5/6),
    ``(1 − 1/(x+1)) ÷ x/(x²−1)`` divides by the fraction x/(x²−1), not by x and then by x²−1 (a "simplify, then
    evaluate" exercise answered 1/32 for 2). Numbers, a letter with its power and bracketed groups are the
    fraction's parts; anything longer after ÷ is left as written."""
    return _DIVISOR.sub(r"÷\1(\2)", text) if "÷" in text else text


def check_size(text: str) -> None:
    """Raise VerificationError if ``text`` is too long or holds control characters."""
    if len(text) > MAX_CHARS:
        raise VerificationError(f"too large: {len(text)} characters (limit {MAX_CHARS})")
    if _CONTROL_RE.search(text):
        raise VerificationError("malformed: the text holds control characters")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; raise VerificationError on anything unknown."""
    check_size(text)
    # a run of superscripts is one exponent: "10⁻⁴" is 10^(-4), "2¹⁰" is 2^(10) (not 2^1^0)
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^(" + m.group(0).translate(_SUPERSCRIPT_DIGITS) + ")", text)
    text = text.replace("$", " ").replace("π", " pi ")  # "9π", "2πr": the number π, as students type it
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m:
            raise VerificationError(f"malformed: cannot read {text[pos:pos + 10]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind == "ws":
            continue
        tok = m.group()
        if kind == "latex":
            if tok not in _LATEX_WORDS:
                raise VerificationError(f"malformed: unknown LaTeX command {tok}")
            repl = _LATEX_WORDS[tok]
            if repl in (r"\frac", r"\sqrt"):
                tokens.append(Token("latex", repl))
            else:
                tokens.extend(t for t in tokenize(repl) if t.kind != "end")
            continue
        if kind == "op":
            tok = {"−": "-", "–": "-", "×": "*", "·": "*", "⋅": "*", "÷": "/", "**": "^"}.get(tok, tok)
        if kind == "num":
            tok = tok.replace(",", "")
            if len(tok) > MAX_NUMBER_DIGITS:
                raise VerificationError(f"too large: a number with {len(tok)} digits")
        tokens.append(Token(kind, tok))
        if len(tokens) > MAX_TOKENS:
            raise VerificationError(f"too large: more than {MAX_TOKENS} symbols")
    tokens.append(Token("end", ""))
    return tokens


def number(text: str) -> sp.Rational:
    """Exact rational value of a decimal literal like ``1.50``."""
    return sp.Rational(Fraction(text))


def guard_pow(base: sp.Expr, exp: sp.Expr) -> sp.Expr:
    """``base ** exp``, refusing results too large to compute quickly."""
    if exp.free_symbols:
        # e^(x^2+1) is fine (inner powers were guarded when built); x^(y^z) or 2^2^x is a tower
        if any(p.exp.free_symbols for p in exp.atoms(sp.Pow)) or len(exp.free_symbols) > 2:
            raise VerificationError("too large: an exponent tower")
        return sp.Pow(base, exp)
    if not exp.is_number:
        raise VerificationError("malformed: unusable exponent")
    if exp.is_Rational and base.is_Rational:
        if exp.q > 100 or abs(exp.p) > 10**6:
            raise VerificationError("too large: a huge exponent")
        b = abs(base)
        if b not in (0, 1):
            size = abs(float(exp)) * max(abs(math.log10(b.p)) if b.p else 0, math.log10(b.q) if b.q > 1 else 0, 1e-9)
            if size > MAX_RESULT_DIGITS:
                raise VerificationError("too large: the power has too many digits")
        if base == 0 and exp < 0:
            return sp.zoo
        return sp.Pow(base, exp)
    try:
        magnitude = abs(complex(sp.N(exp, 15)))
    except (TypeError, ValueError):
        raise VerificationError("malformed: unusable exponent") from None
    if magnitude > MAX_SYMBOLIC_EXPONENT and not (base.is_number and magnitude < 10_000):
        raise VerificationError("too large: a huge exponent")
    if base.is_number and exp.is_number and magnitude >= 10_000:
        raise VerificationError("too large: a huge exponent")
    return sp.Pow(base, exp)


class Parser:
    """Recursive descent over tokens; every node is built with SymPy constructors."""

    def __init__(self, tokens: list[Token], symbols: dict[str, sp.Symbol] | None = None):
        self.toks = tokens
        self.i = 0
        self.depth = 0
        self.symbols = symbols if symbols is not None else {}

    # --- helpers
    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def take(self) -> Token:
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, text: str) -> None:
        if self.tok.text != text:
            raise VerificationError(f"malformed: expected {text!r}")
        self.i += 1

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise VerificationError(f"too large: nested more than {MAX_DEPTH} deep")

    def symbol(self, name: str) -> sp.Symbol:
        if name not in self.symbols:
            self.symbols[name] = sp.Symbol(name)
        return self.symbols[name]

    # --- grammar
    def chain(self) -> tuple[list[sp.Expr], list[str]]:
        """expr (relation expr)*"""
        parts = [self.expr()]
        ops: list[str] = []
        while self.tok.kind == "op" and self.tok.text in RELATIONS:
            ops.append(RELATIONS[self.take().text])
            parts.append(self.expr())
        if self.tok.kind != "end":
            raise VerificationError(f"malformed: unexpected {self.tok.text!r}")
        return parts, ops

    def expr(self) -> sp.Expr:
        left = self.term()
        while self.tok.text in ("+", "-") and self.tok.kind == "op":
            op = self.take().text
            right = self.term()
            left = sp.Add(left, right if op == "+" else -right)
        return left

    def term(self) -> sp.Expr:
        left = self.unary()
        while True:
            t = self.tok
            if t.kind == "op" and t.text in ("*", "/"):
                self.take()
                right = self.unary()
                if t.text == "*":
                    left = sp.Mul(left, right)
                else:
                    left = sp.Mul(left, sp.Pow(right, -1)) if right != 0 else sp.zoo
            elif self.starts_atom(t):
                left = sp.Mul(left, self.power())
            else:
                return left

    @staticmethod
    def starts_atom(t: Token) -> bool:
        return t.kind in ("num", "name", "latex") or (t.kind == "op" and t.text in ("(", "[", "{", "√"))

    def unary(self) -> sp.Expr:
        if self.tok.kind == "op" and self.tok.text in ("-", "+"):
            op = self.take().text
            self.enter()
            value = self.unary()
            self.depth -= 1
            return -value if op == "-" else value
        return self.power()

    def power(self) -> sp.Expr:
        base = self.postfix()
        if self.tok.kind == "op" and self.tok.text == "^":
            self.take()
            self.enter()
            exp = self.unary()
            self.depth -= 1
            return guard_pow(base, exp)
        return base

    def postfix(self) -> sp.Expr:
        value = self.atom()
        while self.tok.kind == "op" and self.tok.text in ("!", "%"):
            if self.take().text == "%":
                value = value / 100
            else:
                if not (value.is_Integer and 0 <= value <= MAX_FACTORIAL):
                    raise too_big("the factorial of a big or non-integer number")
                value = sp.factorial(value)
        return value

    def group(self, close: str) -> sp.Expr:
        self.enter()
        value = self.expr()
        self.expect(close)
        self.depth -= 1
        return value

    def atom(self) -> sp.Expr:
        t = self.take()
        if t.kind == "num":
            return number(t.text)
        if t.kind == "op":
            if t.text == "(":
                return self.group(")")
            if t.text == "[":
                return self.group("]")
            if t.text == "{":
                return self.group("}")
            if t.text == "|":
                self.enter()
                value = self.expr()
                self.expect("|")
                self.depth -= 1
                return sp.Abs(value)
            if t.text == "√":
                self.enter()
                value = self.power()
                self.depth -= 1
                return sp.sqrt(value)
        if t.kind == "latex":
            if t.text == r"\frac":
                self.expect("{")
                num = self.group("}")
                self.expect("{")
                den = self.group("}")
                return sp.Mul(num, sp.Pow(den, -1)) if den != 0 else sp.zoo
            if t.text == r"\sqrt":
                index = None
                if self.tok.text == "[":
                    self.take()
                    index = self.group("]")
                self.expect("{")
                value = self.group("}")
                return sp.sqrt(value) if index is None else guard_pow(value, 1 / index)
        if t.kind == "name":
            return self.name(t.text)
        raise VerificationError(f"malformed: unexpected {t.text or 'end of text'!r}")

    def name(self, word: str) -> sp.Expr:
        low = word.lower()
        if low in FUNCTIONS:
            self.enter()
            if self.tok.text == "(":
                self.take()
                arg = self.group(")")
            else:
                arg = self.power()
            self.depth -= 1
            return FUNCTIONS[low](arg)
        if low in ("pi", "π"):
            return sp.pi
        if word == "oo":
            return sp.oo
        if word == "e":
            return sp.E
        if len(word) == 1:
            return self.symbol(word)
        if len(word) <= 3 and word.isascii():
            # "xy" or "2ab": a product of single-letter variables
            return sp.Mul(*(self.symbol(c) for c in word))
        raise VerificationError(f"malformed: unknown word {word!r}")


def parse_chain(text: str, symbols: dict[str, sp.Symbol] | None = None) -> tuple[list[sp.Expr], list[str]]:
    """Parse ``a = b = c`` (or ``<``, ``≈`` …) into its parts and relation signs."""
    return Parser(tokenize(text), symbols).chain()


def safe_parse(text: str):
    """Parse plain math or simple LaTeX into a SymPy expression, ``Eq`` or relation.

    Raises:
        VerificationError: too long, too deep, too large, or not math we read
            (also for what SymPy cannot evaluate: never another exception).
    """
    try:
        return _safe_parse(text)
    except MATH_ERRORS as exc:
        raise VerificationError(reason(exc)) from None


def _safe_parse(text: str):
    parts, ops = parse_chain(text)
    if not ops:
        return parts[0]
    rels = [_relation(a, op, b) for a, op, b in zip(parts, ops, parts[1:])]
    return rels[0] if len(rels) == 1 else sp.And(*rels, evaluate=False)


def _relation(a, op: str, b):
    make = {"=": sp.Eq, "≈": sp.Eq, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge, "!=": sp.Ne}[op]
    return make(a, b, evaluate=False)
