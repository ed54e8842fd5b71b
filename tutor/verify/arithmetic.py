"""Arithmetic claims in natural language: ``48/2 = 24``, ``15% of 80 is 12``.

A sentence is normalised (money signs, thousands separators, ``x`` as times,
words such as "times" or "of" after a percent), then scanned for runs of math
tokens joined by operators. Each run with a ``=`` / ``≈`` / "is" is split into
its parts and every neighbouring pair is compared:

* both sides are plain numbers after evaluation → verified or refuted, with
  a rounding tolerance taken from the precision written ("about 33.3");
* sides with letters → verified when they are identical expressions, else
  undetermined (``5P + 30 = 95`` is an equation to solve, not a false claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS, reason
from tutor.verify.chinese import prose_to_math
from tutor.verify.parse import MAX_CHARS, check_size, group_fraction_divisors, parse_chain
from tutor.verify.result import Check, Status, undetermined
from tutor.verify.units import UNIT_NAMES, VULGAR, unit

MAX_TEXT = 20_000
"""Longest free text we scan for claims (a long reply is checked in pieces)."""
MAX_CLAIMS = 200

_WORD_OPS = [
    (r"\bmultiplied by\b", "*"), (r"\bdivided by\b", "/"), (r"\btimes\b", "*"),
    (r"\bplus\b", "+"), (r"\bminus\b", "-"), (r"\bequals\b", "="), (r"\bis equal to\b", "="),
]
_NUM = r"\d[\d,]*(?:\.\d+)?|\.\d+"
_TRUNCATED = re.compile(r"[*/+×÷^]\s*(?:[A-Za-z$']+\s*){1,4}$")
_SIGN_WORDS = {"is", "was", "be", "are", "were", "equals", "of", "to", "from", "by", "at", "and", "or", "then", "so",
               "gives", "get", "gets", "makes", "becomes", "plus", "minus", "times", "than", "as", "with", "about",
               "subtract", "add", "multiply", "divide", "into", "over", "under", "below", "above", "temperature"}
"""Words after which a '-' is a negative sign ("the answer is -4"), not a minus with words on its left."""
_CONNECTIVES = {"or", "and", "but", "so", "then", "if", "when", "because", "since", "while", "where", "hence",
                "thus", "therefore"}
"""Words that join two statements: never part of a quantity's name ("0 or x + 1 = 0")."""
_APPROX_WORDS = re.compile(r"\b(?:about|approximately|approx\.?|around|roughly|nearly|almost)\s*$", re.I)

_TOKEN = re.compile(
    r"""
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|\d+(?:\.\d+)?|\.\d+)
  | (?P<eq>==|=|≈|≅)
  | (?P<root>√)
  | (?P<op>\*\*|[-+*/^×÷·−–])
  | (?P<lp>\()
  | (?P<rp>\))
  | (?P<pct>%)
  | (?P<word>[A-Za-z]+(?:'[a-z]+)?)
  | (?P<money>[$€£¥])
  | (?P<bang>!)
  | (?P<ws>\s+)
  | (?P<other>.)
    """,
    re.VERBOSE,
)
_UNIT_WORDS = {
    "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "s", "sec", "second", "seconds",
    "km", "m", "cm", "mm", "mi", "mile", "miles", "kg", "g", "lb", "lbs", "pound", "pounds", "l", "ml",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "each", "per", "unit", "units",
    "dollar", "dollars", "cent", "cents", "item", "items", "person", "people", "mph", "kph", "feet", "foot",
    "ft", "inch", "inches", "yard", "yards", "gallon", "gallons", "ounce", "ounces", "oz",
    "degree", "degrees", "celsius", "fahrenheit",
} | {name.lower() for name in UNIT_NAMES if len(name) >= 4 and name.isalpha()}
"""Words that go with a number: the units the verifier converts ("liters", "kilograms", "hectares", from
``tutor.verify.units``) and counting words ("each", "per", "items")."""


@dataclass
class Tok:
    kind: str
    text: str
    start: int
    end: int


@dataclass
class Claim:
    """A relation chain found in text: its source span and plain-math parts."""

    text: str
    parts: list[str]
    ops: list[str]
    approx: bool
    truncated: bool = False
    exclaim: bool = False
    """The claim ends in a '!' that may be a factorial or the end of a sentence ("3 + 4 = 7!", "120 = 5!")."""
    units: list[str | None] | None = None
    """The unit word written after each part ("3 hours = 180 minutes": hours, minutes), None where there is none."""
    remainder: int | None = None
    """A division written with its remainder: "17 ÷ 5 = 3 remainder 2", "3 R2"."""
    carried: dict[int, sp.Expr] | None = None
    """A quantity written in two units ("1 h 15 min"): what the other unit adds to part k, in part k's unit."""
    written: str = ""
    """The claim as written with its units, when a quantity in two units makes it longer than ``text``."""


_BULLET = re.compile(r"(?m)^([ \t]*)(?:[-*•‣◦]|\d{1,2}[.)])[ \t]+(?=\S)")
"""A list marker at the start of a line ("- 1/3 = 4/12", "2. 4 + 3 = 7"): not a minus, not a number."""


_BOLD = re.compile(r"(?<![\w)])\*\*|\*\*(?![\w(])|(?<![\w)])__|__(?![\w(])")
"""Markdown's bold markers: a '**' (or '__') without an operand on one of its sides."""


_LATEX = [
    (re.compile(r"\\[()\[\]]|\$\$"), " "),  # inline and display delimiters; a single $ is money
    (re.compile(r"\\(?:text|mathrm|textbf|mathbf|boxed)\{([^{}]*)\}"), r" \1 "),
    (re.compile(r"\\[dt]?frac\{([^{}]+)\}\{([^{}]+)\}"), r"(\1)/(\2)"),
    (re.compile(r"\\sqrt\{([^{}]+)\}"), r"√(\1)"),
    (re.compile(r"\\sqrt\[3\]\{([^{}]+)\}"), r"∛(\1)"),
    (re.compile(r"\\pi(?![A-Za-z])"), "π"),
    (re.compile(r"\\(?:times|cdot)(?![A-Za-z])"), " * "),
    (re.compile(r"\\div(?![A-Za-z])"), " ÷ "),  # ÷, so a fraction after it is one number (group_fraction_divisors)
    (re.compile(r"\\(?:left|right)(?![A-Za-z])|\\[,;!: ]|\\quad(?![A-Za-z])"), " "),
]
"""LaTeX a model writes inside prose ("\\(1200 \\div 15 = 80\\)米", "\\frac{3}{4}"), as plain math."""


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SUPERSCRIPT = re.compile(r"((?<=[\d)])|(?<![A-Za-z])(?<!\d )[A-Za-z])(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")


def _power(m: re.Match) -> str:
    exponent = m.group(2).translate(_SUPERSCRIPT_DIGITS)
    return m.group(1) + (f"^({exponent})" if exponent.startswith("-") else f"^{exponent}")


_FRACTION_BEFORE_DIVIDE = re.compile(r"(?<![\d./)])(\d+\s*/\s*\d+)(?=\s*÷)")
_VULGAR = re.compile(r"(\d+)?([" + "".join(VULGAR) + r"])")
_ROOT = re.compile(r"([∛∜])\s*(\d+(?:\.\d+)?|\([^()]*\))")


_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALED = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?|\([^()]*\))\s+(" + "|".join(_SCALES)
                     + r")\b(?![-‐])", re.I)
"""A number and the scale word after it ("3 million", "(3 * 100) thousand" on the second pass), not a
thousand-year-old tree."""


_NUMERATORS = {"": 1, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                 "tenth": 10, "tenths": 10}
_WORD_FRACTION_OF = re.compile(r"(?<![\w-])(?:(" + "|".join(k for k in _NUMERATORS if k) + r")[\s-]+)?("
                               + "|".join(_DENOMINATORS) + r")\s+of\s+(?=[$\d.(])", re.I)


_CHOOSE = re.compile(r"(?<![\w.])(\d{1,3})\s*(?:\s+choose\s+|C)(\d{1,3})(?![\w.])")


def _choose(m: re.Match) -> str:
    n, k = int(m.group(1)), int(m.group(2))
    return f"({n}!/({k}!*{n - k}!))" if k <= n else "(0)"  # no way to choose more than there are


def _word_fraction(m: re.Match) -> str:
    return f"({_NUMERATORS[(m.group(1) or '').lower()]}/{_DENOMINATORS[m.group(2).lower()]}) * "


_MENTIONS_PI = re.compile(r"π|\bpi\b|radian")


def _degrees_as_radians(line: str) -> str:
    return re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:[°º](?!\s*[CF]\b)|\s+degrees?\b)", r"(\1*π/180)", line)


def _normalise(text: str) -> str:
    # digit groups: "1\,000" (LaTeX), "1 000" with a thin or no-break space, "1 000 000" with two or more
    # plain-space groups (one plain-space group, "5 100", may be two numbers)
    text = re.sub(r"(?<=\d)(?:\\,|[\u2009\u202f\u00a0])(?=\d{3}(?!\d))", "", text)
    text = re.sub(r"(?<![\d.,])\d{1,3}(?: \d{3}){2,}(?![\d.,])", lambda m: m.group(0).replace(" ", ""), text)
    text = re.sub(r"(?<![\d.,])(\d{1,3}) (000)(?![\d.,])", r"\1\2", text)  # "72 000": no number starts with 000
    # "180° = π radians", "360° = 2π": on a line with π, degrees are the angle they measure, in radians
    if _MENTIONS_PI.search(text):
        text = "\n".join(_degrees_as_radians(line) if _MENTIONS_PI.search(line) else line
                          for line in text.split("\n"))
    # "180° ÷ 8 = 22.5°", "-6°C + 15°C = 9°C": a degree sign is a unit, as "degrees" is
    text = re.sub(r"(?<=\d)\s*[°º]\s*C\b", " celsius", text)
    text = re.sub(r"(?<=\d)\s*[°º]\s*F\b", " fahrenheit", text)
    text = re.sub(r"(?<=\d)\s*[°º]", " degrees", text)
    if "\\" in text or "$$" in text:
        for pattern, repl in _LATEX:
            text = pattern.sub(repl, text)
    # Chinese math prose (issue 15): full-width forms, numerals, 三分之二, 加/减/等于, Chinese punctuation as
    # ASCII math first; text without Chinese or full-width characters comes back unchanged
    text = prose_to_math(text)
    text = _BULLET.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
    # markdown bold ("**Step 1:** 6 × 7 = 42", "**6 × 7 = 42**"), not Python's power "2**3" between two operands
    text = _BOLD.sub("  ", text)
    # "2/5 ÷ 1/10": written fractions are divided whole, not read left to right as 2/5/1/10
    text = _FRACTION_BEFORE_DIVIDE.sub(r"(\1)", text)
    text = group_fraction_divisors(text)
    text = text.replace("\u2212", "-").replace("\u00d7", "*").replace("\u00f7", "/")
    text = text.replace("\u22c5", "*").replace("\u2219", "*")  # "6 ⋅ 2", "6 ∙ 2": dot operators
    # powers and roots in words and braces: "2 to the power of 5", "3 squared", "4^{2}", "square root of 81"
    # ("25 feet squared" is an area's unit: only a number or a bracket right before "squared" is squared)
    text = re.sub(r"\^\{([^{}]+)\}", r"^(\1)", text)
    text = re.sub(r"\s+(?:to the power of|raised to the power of|raised to)\s+(?=[\d(-])", " ^ ", text, flags=re.I)
    text = re.sub(r"(?<=[\d)])\s*squared\b", "^2", text, flags=re.I)
    text = re.sub(r"(?<=[\d)])\s*cubed\b", "^3", text, flags=re.I)
    text = re.sub(r"\b(?:the\s+)?square root of\s+(?=[\d(])", "√", text, flags=re.I)
    # "sqrt(25) = 5", "sqrt 49 = 7": the function's name in letters, as the root sign the parser reads
    text = re.sub(r"\bsqrt\s*(?=[\d(])", "√", text, flags=re.I)
    text = re.sub(r"\b(?:the\s+)?cube root of\s+(?=[\d(])", "∛", text, flags=re.I)
    # "4² × 9", "(4)²(9)", "10⁻²", "x² + 2x": a power written as a superscript after a number, a bracket or a
    # one-letter variable (after a word, or a letter that follows a number and a space, it is a unit's:
    # "cm²", "15 m²", and stays out of the claim)
    text = _SUPERSCRIPT.sub(_power, text)
    # "½ × 10", "1½ hours", "¾ of 8": vulgar fractions as fractions, after a whole number a mixed number
    text = _VULGAR.sub(lambda m: f"({m.group(1)}+{VULGAR[m.group(2)]})" if m.group(1)
                       else f"({VULGAR[m.group(2)]})", text)
    # "∛27 = 3", "∜(16)": other roots as powers (√ is read by the parser itself)
    text = _ROOT.sub(lambda m: f"(({m.group(2)})^(1/{3 if m.group(1) == '∛' else 4}))", text)
    for pattern, repl in _WORD_OPS:
        text = re.sub(pattern, f" {repl} ", text, flags=re.I)
    # "1 in 4 = 25%", "3 out of 5 is 60%": a chance or a share written in words, as the fraction it is
    text = re.sub(r"(?<![\d.,])(\d+)\s+(?:in|out of)\s+(\d+)(?![\d.,])(?=\s*(?:=|≈|is\b))", r"(\1/\2)", text)
    # "3,000,000 = 3 million", "2.5 thousand = 2500", "3 hundred thousand": a number times its scale word
    for _ in range(2):
        text = _SCALED.sub(lambda m: f"({m.group(1)} * {_SCALES[m.group(2).lower()]})", text)
    # "double 8 = 16", "twice 7 is 14", "triple 5 = 15"
    text = re.sub(r"\b(?:double|twice)\s+(?=\d)", "2 * ", text, flags=re.I)
    text = re.sub(r"\btriple\s+(?=\d)", "3 * ", text, flags=re.I)
    # "10 choose 3 = 120", "10C3 = 120": the number of ways to choose, as the factorials it is
    text = _CHOOSE.sub(_choose, text)
    # "half of 48 = 24", "a third of 27", "three quarters of 80": a fraction in words, of a number
    text = _WORD_FRACTION_OF.sub(_word_fraction, text)
    # "15% of 80", "3/4 of 20", "half of 20"
    # (only a share is taken "of" a number: "log base 2 of 64 is 6" and "3 of 10 students" are no products)
    text = re.sub(r"(%|\d/\d+|\d\.\d+|(?<=\d/\d)\))\s+of\s+(?=[$\d.(])", r"\1 * ", text)  # "(3/4) of 8": a ¾ read above
    # "$5 x 7", "3x15", "8 cm x 12": an x before a number is a times sign
    # (on one line: "= 2x" at a line's end and "5 + 2 = 7" on the next are no product)
    text = re.sub(r"(?<=[\d)%])[ \t]*[xX][ \t]*(?=[$\d.(])", " * ", text)
    text = re.sub(r"(?<=[A-Za-z])\s+[xX]\s+(?=[$\d.(]|[A-Za-z]+\s+\$?\d)", " * ", text)
    # mixed numbers: "1 1/2" is one and a half
    text = re.sub(r"(?<![\d./])(\d+) (\d+)/(\d+)(?![\d/])", r"(\1+\2/\3)", text)
    return text


def _tokens(text: str) -> list[Tok]:
    return [Tok(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text) if m.lastgroup != "ws"]


def _is_var(toks: list[Tok], i: int) -> bool:
    """A single letter used as a variable: next to a digit or an operator."""
    t = toks[i]
    if t.kind != "word" or len(t.text) != 1 or t.text in "aAI":
        return False
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    near = lambda o: o is not None and o.kind in ("op", "eq", "lp", "rp")  # noqa: E731
    glued_digit = prev is not None and prev.kind == "num" and prev.end == t.start
    if prev is not None and prev.kind == "num" and not glued_digit and nxt is not None and nxt.kind == "eq" \
            and unit(t.text) is not None and i + 3 < len(toks) and toks[i + 2].kind == "num" \
            and toks[i + 3].kind == "word" and unit(toks[i + 3].text) is not None:
        return False  # "2,000 m = 2 km", "1000 g = 1 kg": a conversion between two units, not the equation m = 2
    return glued_digit or near(prev) or near(nxt)


def find_claims(text: str) -> list[Claim]:
    """Relation chains (``a = b = c``) in free text, as plain-math strings."""
    norm = _normalise(text)
    toks = _tokens(norm)
    claims: list[Claim] = []
    run: list[Tok] = []

    def flush() -> None:
        exclaim = bool(run) and run[-1].kind == "bang"
        if exclaim:
            run[-1] = Tok("fact", "!", run[-1].start, run[-1].end)
        while run and run[-1].kind in ("op", "eq", "lp", "root"):
            run.pop()
        # "(57 ÷ 3 = 19)": a bracket opened or closed around the claim, not inside it
        while run and run[0].kind == "lp" and _depth(run) > 0:
            run.pop(0)
        while run and run[-1].kind == "rp" and _depth(run) < 0:
            run.pop()
        if len(run) > 2 and run[0].kind == "lp" and run[-1].kind == "rp" and _closing(run) == len(run) - 1:
            del run[0], run[-1]  # the whole claim in one pair of brackets
        if any(t.kind == "eq" for t in run):
            claims.append(_make_claim(norm, run))
            claims[-1].exclaim = exclaim
        run.clear()

    i = 0
    while i < len(toks):
        t = toks[i]
        kind = t.kind
        if kind == "money":
            i += 1
            continue
        if kind == "bang":
            if run and run[-1].kind in ("num", "rp") and run[-1].end == t.start:
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                same_line = nxt is not None and "\n" not in norm[t.end:nxt.start]
                # "5! = 120", "4!/2", "(3!)": a factorial; "= 7!" at the end of a clause: either reading
                run.append(Tok("fact" if same_line and nxt.kind in ("op", "eq", "rp", "bang") else "bang", t.text,
                               t.start, t.end))
                if run[-1].kind == "bang":
                    flush()
                i += 1
                continue
            flush()
            i += 1
            continue
        if kind == "word" and _is_var(toks, i):
            kind = "var"
        if kind == "other" and t.text == "π":
            kind = "var"  # the number π, part of the claim ("π(4)^2(9) = 144π"), not a break in it
        if kind == "word" and t.text.lower() in ("is", "are", "was", "gives", "makes") and run and _has_op(run):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.kind in ("num", "money"):
                run.append(Tok("eq", "=", t.start, t.end))
                i += 1
                continue
        if kind == "word" and run and run[-1].kind in ("num", "rp", "pct") and t.text.lower() in _UNIT_WORDS:
            # "4 hours * 3": skip a unit word when math continues after it
            j = i + 1
            while j < len(toks) and toks[j].kind == "word" and toks[j].text.lower() in _UNIT_WORDS:
                j += 1
            if j < len(toks) and toks[j].kind in ("op", "eq"):
                i = j
                continue
        if kind == "word" and run and run[-1].kind in ("num", "rp", "pct"):
            # "8 dog legs + 2 chicken legs": words between a number and an operator
            # that is followed by another number
            # ("x - 5 = 0 or x + 1 = 0": a connective or a variable ends the claim; it is not a noun)
            j = i
            while j < len(toks) and j - i < 3 and toks[j].kind == "word" and not _is_var(toks, j) \
                    and toks[j].text.lower() not in _CONNECTIVES:
                j += 1
            if j + 1 < len(toks) and toks[j].kind == "op" and toks[j].text in "+-*/" \
                    and toks[j + 1].kind in ("num", "money"):
                i = j
                continue
        if kind == "op" and t.text == "/" and i + 1 < len(toks) and toks[i + 1].kind == "word" \
                and not _is_unit_var(toks, i + 1) and run and run[-1].kind in ("num", "rp"):
            i += 2  # "$10/hour": a unit, not a division
            continue
        if kind in ("num", "var", "op", "eq", "lp", "rp", "pct", "root"):
            new_line = "\n" in norm[run[-1].end:t.start] if run else False
            if run and ((new_line and kind != "eq") or not _joins(run[-1], Tok(kind, t.text, t.start, t.end))):
                flush()  # a claim runs on into the next line only as "= ..." (bullets, one step per line)
            if kind == "eq" and not run:
                i += 1
                continue
            run.append(Tok(kind, t.text, t.start, t.end))
        else:
            flush()
        i += 1
        if len(claims) >= MAX_CLAIMS:
            break
    flush()
    return claims


def _is_unit_var(toks: list[Tok], i: int) -> bool:
    t = toks[i]
    return len(t.text) == 1 and t.text.lower() not in _UNIT_WORDS and _is_var(toks, i)


def _closing(run: list[Tok]) -> int:
    """Index of the bracket that closes the run's first one (-1: none)."""
    depth = 0
    for i, t in enumerate(run):
        depth += (t.kind == "lp") - (t.kind == "rp")
        if depth == 0:
            return i
    return -1


def _depth(run: list[Tok]) -> int:
    """Opening minus closing brackets in a run."""
    return sum(t.kind == "lp" for t in run) - sum(t.kind == "rp" for t in run)


def _has_op(run: list[Tok]) -> bool:
    return any(t.kind in ("op", "root") for t in run) and not any(t.kind == "eq" for t in run)


_OPERAND_END = ("num", "var", "rp", "pct", "fact")
_OPERAND_START = ("num", "var", "lp", "root")


def _joins(prev: Tok, nxt: Tok) -> bool:
    if prev.kind in _OPERAND_END:
        if nxt.kind in ("op", "eq", "rp", "pct"):
            return True
        # 5P, 2(x+1), (a)(b), 2√3: juxtaposition only without a space
        return nxt.kind in ("var", "lp", "root") and prev.end == nxt.start
    # after an operator, '=' or '(' an operand (or a sign) must follow
    return nxt.kind in _OPERAND_START or (nxt.kind == "op" and nxt.text in "-+−–")


def _make_claim(norm: str, run: list[Tok]) -> Claim:
    parts: list[str] = []
    ops: list[str] = []
    cur: list[str] = []
    for t in run:
        if t.kind == "eq":
            parts.append(" ".join(cur))
            ops.append("≈" if t.text in ("≈", "≅") else "=")
            cur = []
        else:
            cur.append(t.text)
    parts.append(" ".join(cur))
    parts = [p.replace(" !", "!") for p in parts]
    before = norm[max(0, run[0].start - 20):run[0].start]
    first_eq = next(t for t in run if t.kind == "eq")
    between = norm[first_eq.end:first_eq.end + 20]
    approx = bool(_APPROX_WORDS.search(before)) or bool(re.match(r"\s*(?:about|approximately|around|roughly)\b", between, re.I))
    # "6 sets * every 2 hours = 12": the left side started in words; do not judge it
    truncated = bool(_TRUNCATED.search(norm[max(0, run[0].start - 40):run[0].start]))
    # "Keaton's ladder length - 4 = 26": a claim that opens with an operator right after a noun has its
    # first operand in words, so the '-' is not a negative sign
    lead = re.search(r"([A-Za-z']+)[ \t]*$", norm[max(0, run[0].start - 40):run[0].start])
    if run[0].kind == "op" and run[0].text in "-+*/^×÷−–" and lead and lead.group(1).lower() not in _SIGN_WORDS:
        truncated = True
    # "12 ÷ 6 : 18 ÷ 6 = 2 : 3": the terms of a ratio, read apart, are not a claim ("18 ÷ 6 = 2")
    if _RATIO_BEFORE.search(norm[max(0, run[0].start - 12):run[0].start]) \
            or _RATIO_AFTER.match(norm[run[-1].end:run[-1].end + 12]):
        truncated = True
    # "log(100) = 2", "log₂ 8 = 3": a function's argument is not the value (school's log is base 10, the
    # parser's natural): the claim is not judged
    if _FUNCTION_BEFORE.search(norm[max(0, run[0].start - 8):run[0].start]):
        truncated = True
    if run[0].text == "(" and _CALL_BEFORE.search(norm[max(0, run[0].start - 12):run[0].start]):
        truncated = True
    # "y2 - y1 = 11 - 3": a digit glued to a letter is part of a name (y₁), not the claim's first number
    if run[0].kind == "num" and re.search(r"(?<![A-Za-z])[A-Za-z]\Z", norm[max(0, run[0].start - 2):run[0].start]):
        truncated = True
    units: list[str | None] = []
    for eq in (t for t in run if t.kind == "eq"):
        end = max(t.end for t in run if t.end <= eq.start)
        units.append(_unit_word(norm[end:eq.start]))
    after = norm[run[-1].end:run[-1].end + 40]
    units.append(_unit_word(after))
    rem = _REMAINDER.match(after)
    carried: dict[int, sp.Expr] = {}
    start, end = run[0].start, run[-1].end
    # "= 1 h 15 min": the last part goes on in a smaller unit of the same kind
    more = _COMPOUND_AFTER.match(after)
    if more and units[-1] is not None and _same_kind(units[-1], more.group(2)):
        carried[len(parts) - 1] = _in_unit(more.group(1), more.group(2), units[-1])
        end = run[-1].end + more.end()
    # "1 h 15 min = 75 min": the first part began in a larger unit before the claim
    window = max(0, run[0].start - 30)
    before_run = _COMPOUND_BEFORE.search(norm[window:run[0].start])
    if before_run and units[0] is not None and _same_kind(before_run.group(2), units[0]) \
            and decimals_written(parts[0]) is not None:
        carried[0] = _in_unit(before_run.group(1), before_run.group(2), units[0])
        start = window + before_run.start()
    if carried and units[-1] is not None and not more:
        end = run[-1].end + len(after) - len(after.lstrip()) + len(units[-1])
    return Claim(norm[run[0].start:run[-1].end].strip(), parts, ops, approx, truncated, units=units,
                 remainder=int(rem.group(1)) if rem else None, carried=carried or None,
                 written=" ".join(norm[start:end].split()) if carried else "")


_COMPOUND_AFTER = re.compile(r"[ \t]*[A-Za-z]+[ \t]+(?:and[ \t]+)?(\d+(?:\.\d+)?)[ \t]*([A-Za-z]+)")
_COMPOUND_BEFORE = re.compile(r"(\d+(?:\.\d+)?)[ \t]*([A-Za-z]+)[ \t]+(?:and[ \t]+)?$")


def _same_kind(larger: str, smaller: str) -> bool:
    """Two units of one kind, the second smaller: "1 h 15 min", "2 m 5 cm" (not "256 ounces 256 ounces")."""
    ua, ub = unit(larger), unit(smaller)
    return ua is not None and ub is not None and ua[0] == ub[0] and ua[0] != "money" and ub[1] < ua[1]


def _in_unit(number: str, source: str, target: str) -> sp.Expr:
    (_, f_source), (_, f_target) = unit(source), unit(target)
    return sp.Rational(number) * sp.Rational(f_source.numerator, f_source.denominator) \
        / sp.Rational(f_target.numerator, f_target.denominator)


_FUNCTION_BEFORE = re.compile(r"\b(?:log|ln|sin|cos|tan|lg|exp)\s*(?:_?\{?\d*\}?|[₀-₉]*)\s*$", re.I)
_CALL_BEFORE = re.compile(r"(?:\b[A-Za-z]{2,}|\b[A-Za-z]['′]+)\Z")
"""A name glued to the bracket a claim starts with: a function applied to it ("abs(-3) = 3", "round(2.5) = 3",
"g'(x) = 2x"), so the bracket alone is not the claim's first part."""
_REMAINDER = re.compile(r"\s*(?:remainder|rem\.?|r|R)\s*(\d+)\b")
_UNIT_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z²³^23]*(?:\s+[A-Za-z²³]+)?)")


def _unit_word(text: str) -> str | None:
    """The unit a part is measured in: the unit word (or two, "square feet") right after its number."""
    m = _UNIT_AFTER.match(text)
    if not m:
        return None
    words = m.group(1)
    for candidate in (words, words.split()[0]):
        if unit(candidate) is not None:
            return candidate
    return None


_RATIO_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])(?<![\u4e00-\u9fff]\d)(?<![\u4e00-\u9fff]\d\d)[\d)](?:\s+:\s+|:)$")
_RATIO_AFTER = re.compile(r"(?:\s+:\s+|:)[\d(]")
"""A ratio's colon: spaced alike on both sides ("2 : 3", "2:3"), not a label's ("Step 1: 3 + 4 = 7") nor after
Chinese text ("要减去1：9+12-1=20", its full-width colon read as ':')."""


def decimals_written(part: str) -> int | None:
    """Decimal places written in a plain number (``12.50`` → 2), None if not a plain number."""
    s = part.strip().replace(",", "")
    m = re.fullmatch(r"-?(\d*)(?:\.(\d+))?%?", s)
    if not m or not (m.group(1) or m.group(2)):
        return None
    return len(m.group(2) or "")


def format_value(value: sp.Expr) -> str:
    """A number as a child would write it: ``24``, ``12.5``, ``1/3 (about 0.333)``."""
    value = sp.nsimplify(value) if value.is_Float else value
    if value.is_Integer:
        return str(int(value))
    if value.is_Rational:
        if 10**6 % value.q == 0 or all(p in (2, 5) for p in sp.factorint(value.q)):
            return _decimal(value)
        return f"{value} (about {float(value):.4g})"
    multiple = sp.simplify(value / sp.pi) if value.has(sp.pi) else None
    if multiple is not None and multiple.is_Rational:  # 25π, not 78.5398: as the question and a textbook say it
        coefficient = "" if multiple == 1 else str(multiple) if multiple.is_Integer else f"({multiple})"
        return f"{coefficient}π (about {float(value):.4g})"
    try:
        return f"{float(value):.6g}"
    except (TypeError, ValueError):
        return str(value)


def _decimal(value: sp.Rational) -> str:
    s = f"{float(value):.10f}".rstrip("0").rstrip(".")
    return s


def _decimal_places(value: sp.Rational) -> int | None:
    """Digits after the point of a terminating decimal (2.86 → 2, 3 → 0), None if it does not terminate."""
    q = int(value.q)
    twos = fives = 0
    while q % 2 == 0:
        q, twos = q // 2, twos + 1
    while q % 5 == 0:
        q, fives = q // 5, fives + 1
    return max(twos, fives) if q == 1 else None


def compare_numbers(left: sp.Expr, right: sp.Expr, right_text: str, approx: bool) -> Status:
    """Compare two numeric values, allowing for rounding in what was written on the right."""
    if left.has(sp.zoo, sp.nan) or right.has(sp.zoo, sp.nan):
        return Status.undetermined
    diff = sp.nsimplify(left - right) if (left - right).is_Float else left - right
    if diff == 0:
        return Status.verified
    try:
        d = abs(float(sp.N(diff, 30)))
        # relative size in SymPy's own floats: past 1e308 a Python float is inf and any d looks small
        relative = abs(float(sp.N(diff / left, 30))) if left != 0 else float("inf")
    except MATH_ERRORS:
        return Status.undetermined
    if relative <= 1e-12 and not (left.is_Rational and right.is_Rational):
        return Status.verified  # exact numbers that differ differ, however large (2^1633 + 1 vs 2^1633)
    places = decimals_written(right_text)
    if places is not None and left.is_Rational and _decimal_places(left) is not None \
            and _decimal_places(left) <= places:
        return Status.refuted  # "4.36 - 1.5 = 2.87": the exact value fits in the digits written, so no rounding
    if places is not None and (places > 0 or approx):
        tol = 10.0 ** (-places)  # rounding or truncation at the precision written
        if approx and places == 0:
            digits = right_text.strip().replace(",", "").rstrip("%")
            trailing = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
            tol = max(1.0, 0.5 * 10.0**trailing)
        if d <= tol * (1 + 1e-9):
            return Status.verified
    elif places is not None and not left.is_Rational:
        # an irrational value written with no decimals: "sqrt(2) = 1" is false
        pass
    return Status.refuted


def check_claim(claim: Claim) -> list[Check]:
    """Check each neighbouring pair of a relation chain."""
    symbols: dict[str, sp.Symbol] = {}
    values: list[sp.Expr | None] = []
    for part in claim.parts:
        try:
            values.append(parse_chain(part, symbols)[0][0])
        except VerificationError:
            values.append(None)
    checks: list[Check] = []
    for k, extra in (claim.carried or {}).items():
        if values[k] is not None:
            values[k] = values[k] + extra
    for k, op in enumerate(claim.ops):
        a, b = values[k], values[k + 1]
        text = f"{claim.parts[k]} {op} {claim.parts[k + 1]}"
        if k == 0 and claim.truncated:
            checks.append(undetermined(text, "arithmetic", "Part of this calculation is written in words."))
            continue
        if a is None or b is None:
            checks.append(undetermined(text, "arithmetic", "I could not read this math."))
            continue
        if a.free_symbols or b.free_symbols:
            checks.append(_symbolic_pair(text, a, b))
            continue
        converted = _converted(claim, k, a)
        said, right_unit = claim.parts[k].strip(), ""
        if converted is not None:  # the claim is shown with its units: "3 hours = 180 minutes"
            a, units = converted, claim.units or []
            right_unit = units[k + 1] if k + 1 < len(units) and units[k + 1] else ""
            text = f"{claim.parts[k]} {units[k]} {op} {claim.parts[k + 1]} {right_unit}".rstrip()
            said = f"{said} {units[k]}"
        if claim.written and {k, k + 1} & set(claim.carried or {}):
            text = claim.written  # "75 min = 1 h 15 min", not "75 = 1"
        status = compare_numbers(a, b, claim.parts[k + 1], claim.approx or op == "≈")
        if status is Status.refuted and a.has(sp.pi) != b.has(sp.pi) and sp.pi not in (a, b):
            status = _with_school_pi(a, b, claim.parts[k + 1], claim.approx or op == "≈")
        if status is Status.refuted and _TIMES_100_PERCENT.search(claim.parts[k]) and "%" not in claim.parts[k + 1]:
            # "3 / 21 * 100% = 14.28": multiplying by 100% expresses the fraction in percent, written as a number
            a = a * 100
            status = compare_numbers(a, b, claim.parts[k + 1], claim.approx or op == "≈")
        if status is Status.refuted and _percent_points(claim, k, a, b):
            status = Status.verified  # "100 − 35 = 65%", "0.4 × 100 = 40%": a percentage written as its number
        if claim.remainder is not None and k == len(claim.ops) - 1:
            status = _with_remainder(claim.parts[k], b, claim.remainder)
            text = f"{text} remainder {claim.remainder}"
        if status is not Status.verified and claim.exclaim and k == len(claim.ops) - 1:
            # "3 + 4 = 7!": the '!' may end the sentence; the claim holds if either reading does
            plain = claim.parts[k + 1].rstrip().removesuffix("!")
            try:
                b_plain = parse_chain(plain, symbols)[0][0]
            except VerificationError:
                b_plain = None
            if b_plain is not None and not b_plain.free_symbols:
                if compare_numbers(a, b_plain, plain, claim.approx or op == "≈") is Status.verified:
                    status, text = Status.verified, f"{claim.parts[k]} {op} {plain}"
        if status is Status.verified:
            checks.append(Check(status, text, "arithmetic", format_value(a), "This calculation is right."))
        elif status is Status.refuted:
            expected = format_value(a)
            if claim.remainder is not None and k == len(claim.ops) - 1 and _DIVISION.fullmatch(claim.parts[k]):
                expected = _quotient_remainder(claim.parts[k])
            in_unit = f" {right_unit}" if right_unit else ""  # "3 hours is 180 minutes, not 120 minutes."
            checks.append(Check(status, text, "arithmetic", expected,
                                f"{said} is {expected}{in_unit}, not {claim.parts[k + 1].strip()}{in_unit}."))
        else:
            checks.append(undetermined(text, "arithmetic", "This has no number value (like dividing by zero)."))
    return checks


def _converted(claim: Claim, k: int, a: sp.Expr) -> sp.Expr | None:
    """Part ``k``'s value in the unit of the next part that has one, when the two are units of one kind
    ("3 hours = 180 minutes", "3 hours = 3 × 60 = 180 minutes", "1 km = 1000 m"), else None."""
    units = claim.units or []
    if k >= len(units) or units[k] is None or decimals_written(claim.parts[k]) is None:
        return None  # only a quantity converts: "10 hours/day * 7 days = 70 hours" is a product, not 70 days
    target = next((u for u in units[k + 1:] if u is not None), None)
    here, there = unit(units[k]), unit(target) if target else None
    if here is None or there is None or here[0] != there[0] or here[1] == there[1] or here[0] == "money":
        return None
    return a * sp.Rational(here[1].numerator, here[1].denominator) / sp.Rational(there[1].numerator,
                                                                               there[1].denominator)


_TIMES_100_PERCENT = re.compile(r"\*\s*100\s*%\s*$")


def _percent_points(claim: Claim, k: int, a: sp.Expr, b: sp.Expr) -> bool:
    """A percentage written as its number of percent on one side only: the left has no %, the right is "N%",
    and the left works out N."""
    left, right = claim.parts[k], claim.parts[k + 1].strip()
    return "%" not in left and right.endswith("%") and right.count("%") == 1 and a.is_number \
        and b.is_number and sp.simplify(a - 100 * b) == 0


_DIVISION = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def _quotient_remainder(left: str) -> str:
    dividend, divisor = (int(n) for n in _DIVISION.fullmatch(left).groups())
    return f"{dividend // divisor} remainder {dividend % divisor}" if divisor else "undefined"


def _with_remainder(left: str, quotient: sp.Expr, remainder: int) -> Status:
    """"17 ÷ 5 = 3 remainder 2": 5 × 3 + 2 = 17 with 0 ≤ 2 < 5."""
    m = _DIVISION.fullmatch(left)
    if not m or not quotient.is_Integer:
        return Status.undetermined
    dividend, divisor = int(m.group(1)), int(m.group(2))
    ok = divisor > 0 and 0 <= remainder < divisor and divisor * int(quotient) + remainder == dividend
    return Status.verified if ok else Status.refuted


SCHOOL_PI = (sp.Rational(314, 100), sp.Rational(22, 7), sp.Rational(3142, 1000), sp.Rational(31416, 10000),
             sp.Rational(314159, 100000))
"""The values of π a textbook calculates with ("π × 16 = 3.14 × 16 = 50.24")."""


def _with_school_pi(a: sp.Expr, b: sp.Expr, right_text: str, approx: bool) -> Status:
    """A step from π to a number (or back) holds if it holds with one of the values of π schools use; else it is
    refuted as before ("π × 16 = 144" is false with every one of them). Not for π itself: "π = 22/7" is false
    (the caller leaves it refuted; "π ≈ 3.14" is an approximation and holds as one)."""
    for value in SCHOOL_PI:
        if compare_numbers(a.subs(sp.pi, value), b.subs(sp.pi, value), right_text, approx) is Status.verified:
            return Status.verified
    return Status.refuted


def _symbolic_pair(text: str, a: sp.Expr, b: sp.Expr) -> Check:
    from tutor.verify.numeric import same_value

    if same_value(a, b) is Status.verified:
        return Check(Status.verified, text, "expression", None, "Both sides are the same expression.")
    return undetermined(text, "equation", "This is an equation with a letter in it, so it is not checked on its own.")


_RESULT = r"(?P<g>[^=\n]{1,80}?)\s*(?=$|\n|[.;:](?:\s|$)|,\s|\s+\((?=[A-Za-z])|\s+(?:so|and|which|because|since|for|where)\b)"
_CALCULUS = [
    # "d/dx x^3 = 3x^2", "d/dx (x^3 + 2x) = 3x^2 + 2", "\frac{d}{dx} x^2 = 2x"
    ("d/d{v} {f}", re.compile(r"(?:\(\s*)?(?:d/d(?P<v>[a-z])|\\frac\{d\}\{d(?P<w>[a-z])\})(?:\s*\))?\s*"
                             r"(?P<f>[^=\n]{1,80}?)\s*=\s*" + _RESULT)),
    # "∫ 2x dx = x^2 + C"
    ("∫ {f} d{v}", re.compile(r"∫\s*(?P<f>[^=\n∫]{1,80}?)\s*d(?P<v>[a-z])\s*=\s*" + _RESULT)),
    # "The derivative of x^3 is 3x^2."
    ("d/d{v} {f}", re.compile(r"\bderivative of\s+(?P<f>[^=\n]{1,80}?)\s+(?P<verb>is|equals|=)\s+" + _RESULT, re.I)),
]
"""A derivative or an antiderivative stated in prose, as the step pair SymPy checks (``check_step_pair``)."""


_FUNCTIONS = re.compile(r"\\?\b(?:sin|cos|tan|sec|csc|cot|ln|log|exp|sqrt)\b")
_WORDY = re.compile(r"[A-Za-z]{2,}")


def _calculus_claims(text: str) -> tuple[list[Check], str]:
    """The derivatives and integrals stated in ``text``, checked, and the text without them (so the arithmetic
    reader does not take "d/dx x^3 = 3x^2" for the truncated "x^3 = 3x^2")."""
    if "d/d" not in text and "∫" not in text and "frac{d}" not in text and "erivative of" not in text:
        return [], text
    from tutor.verify.algebra import check_step_pair

    checks: list[Check] = []
    for template, pattern in _CALCULUS:
        for m in list(pattern.finditer(text)):
            f, g = m.group("f").strip(), m.group("g").strip().rstrip(".")
            if m.groupdict().get("verb") == "=" and re.fullmatch(r"[A-Za-z](?:\s*\(\s*[a-z]\s*\))?", f):
                continue  # "the derivative of y = ln(x)": the function is named and defined, nothing is stated
            if _WORDY.search(_FUNCTIONS.sub(" ", f)) or _WORDY.search(_FUNCTIONS.sub(" ", g)):
                continue  # "the derivative of x^2 at x = 3 is 6": words in it, not one formula
            v = m.groupdict().get("v") or m.groupdict().get("w")
            if v is None:  # "the derivative of x^3": the function's one letter ("of -1": a constant's, any)
                letters = set(re.findall(r"(?<![A-Za-z])[a-z](?![A-Za-z])", f)) or {"x"}
                if len(letters) != 1:
                    continue
                (v,) = letters
            check = check_step_pair(template.format(v=v, f=f), g)
            if check.status is Status.undetermined:
                continue  # not read: left to the arithmetic reader as before
            checks.append(check)
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return checks, text


_LIST_OF = r"(?P<ns>\d{1,12}(?:\s*,\s*\d{1,12}){0,8},?\s+and\s+\d{1,12})"
_MULTIPLE_FACT = re.compile(
    r"\b(?:(?P<lcm>LCM|L\.C\.M\.|least common multiple|lowest common multiple)|"
    r"(?P<gcd>GCF|GCD|HCF|greatest common (?:factor|divisor)|highest common factor))"
    r"\s+(?:of|for)\s+" + _LIST_OF + r"\s+(?:is|=|equals)\s+(?P<v>\d{1,24})(?![\d.,]\d)", re.I)
_PRIME_FACT = re.compile(r"\b(?P<n>\d{1,12})\s+is\s+(?P<not>not\s+)?(?:a\s+)?prime(?:\s+number)?\b(?!\s+factor)", re.I)
"""Statements a tutor's explanation makes about whole numbers that SymPy settles at once: "The LCM of 4 and 6 is
12.", "The GCF of 12 and 18 is 6.", "57 is not prime." (not "if 57 is prime": after a trial word, ``_TRIAL``,
it is a question the text asks itself)."""


_MULTIPLE_FACT_ZH = re.compile(r"(?P<ns>\d{1,12}(?:\s*[、,，]\s*\d{1,12}){0,8}\s*和\s*\d{1,12})\s*的\s*"
                               r"(?:(?P<lcm>最小公倍数)|(?P<gcd>最大公(?:因|约)数))\s*(?:是|为|=)\s*(?P<v>\d{1,24})(?![\d.])")
_PRIME_FACT_ZH = re.compile(r"(?<![\d.])(?P<n>\d{1,12})\s*(?P<not>不)?是\s*(?:一个)?\s*(?:质数|素数)")
"""The same facts in Chinese: "4和6的最小公倍数是12", "12、18和24的最大公因数是6", "57不是质数"."""


def _number_facts(text: str) -> list[Check]:
    if not re.search(r"prime|LCM|L\.C\.M|GCF|GCD|HCF|common (?:multiple|factor|divisor)|公倍数|公因数|公约数|质数|素数",
                     text, re.I):
        return []
    checks: list[Check] = []
    for m in [*_MULTIPLE_FACT.finditer(text), *_MULTIPLE_FACT_ZH.finditer(text)]:
        numbers = [int(n) for n in re.findall(r"\d+", m.group("ns"))]
        if any(n == 0 for n in numbers):
            continue
        value = sp.ilcm(*numbers) if m.group("lcm") else sp.igcd(*numbers)
        name = "LCM" if m.group("lcm") else "GCF"
        claim = f"{name}({', '.join(map(str, numbers))}) = {m.group('v')}"
        if int(m.group("v")) == value:
            checks.append(Check(Status.verified, claim, "arithmetic", str(value), "This calculation is right."))
        else:
            listed = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
            checks.append(Check(Status.refuted, claim, "arithmetic", str(value),
                                f"The {name} of {listed} is {value}, not {m.group('v')}."))
    for m in [*_PRIME_FACT.finditer(text), *_PRIME_FACT_ZH.finditer(text)]:
        if _TRIAL.search(text[max(0, m.start() - 40):m.start()]) or re.search(r"(?:如果|假如|是否|吗)", text[
                max(0, m.start() - 6):m.end() + 2]):
            continue
        n, said_prime = int(m.group("n")), not m.group("not")
        prime = bool(sp.isprime(n))
        claim = f"{n} is {'' if said_prime else 'not '}prime"
        if prime == said_prime:
            checks.append(Check(Status.verified, claim, "arithmetic", claim, "This is right."))
            continue
        if prime:
            why = f"{n} is prime: its only factors are 1 and {n}."
        elif n > 1:
            from tutor.verify.recognise.numbers import factor_text

            why = f"{n} = {factor_text(sp.factorint(n))}, so it is not prime."
        else:
            why = f"{n} is not prime: a prime has exactly two factors."
        checks.append(Check(Status.refuted, claim, "arithmetic", f"{n} is {'' if prime else 'not '}prime", why))
    return checks


def check_text(text: str, start: str | None = None) -> list[Check]:
    """Every arithmetic/algebra claim found in ``text``, each checked.

    ``start`` is the equation in one unknown that ``text`` sets out to solve (the question's, as the
    recogniser read it: "5x - 10 = 3x + 4"): the text's first step must keep its solutions, like every later
    step (``equation_chain``). Without it the first equation the text writes is taken on trust. A system
    ("x + y = 10, x - y = 4") with one solution and a linear inequality ("2x - 5 < 9") are checked their own
    ways (``system_steps``, ``inequality_steps``).

    A text too long to scan gives a single undetermined check rather than an error.
    """
    if len(text) > MAX_TEXT:
        return [undetermined(text[:40], "arithmetic", "This text is too long to check.")]
    try:
        check_size(text.replace("\n", " ").replace("\r", " ").replace("\t", " ")[:MAX_CHARS])
    except VerificationError as exc:
        return [undetermined(text[:40], "arithmetic", f"Could not read this text ({exc}).")]
    checks, text = _calculus_claims(text)
    checks += _number_facts(text)
    try:
        claims = find_claims(text)
    except MATH_ERRORS as exc:
        return [undetermined(text[:40], "arithmetic", f"Could not read this text ({reason(exc)}).")]
    for claim in claims:
        try:
            checks.extend(check_claim(claim))
        except MATH_ERRORS as exc:  # SymPy overflowing on a huge number: this claim, not the reply, is unchecked
            checks.append(undetermined(claim.text[:200], "arithmetic", f"I could not check this: {reason(exc)}."))
    try:
        system = _given_system(start) if start and "," in start else None
        if system:
            checks.extend(system_steps(text, claims, system))
        elif start and _INEQUALITY.search(start):
            checks.extend(inequality_steps(text, start))
        else:
            checks.extend(equation_chain(text, claims, start))
    except MATH_ERRORS:
        pass  # the single claims above are what this text could be checked for
    return checks


_TRIAL = re.compile(r"(?:\b(?:try|trying|tried|if|whether|suppose|let|when|guess|check|checking|say|assume|test|plug|"
                    r"substitut\w*|example|e\.g|instead|not|wrong|mistake|incorrect|would|could|you\s+(?:wrote|said|got)|"
                    r"your\s+(?:answer|work|step)|student|child|son|daughter|otherwise|without)\b|"
                    r"如果|假如|假设|若|要是|的话|否则|当|代入|带入|检验|验算|试|比如|例如|而不是|不是|错|孩子|学生|娃|"
                    r"你(?:写|算|得|的|做|把)|[他她]写)"
                    r"[^.!?\n]*$", re.I)
"""Words before an equation, in its sentence, that make it a trial, a check, a counter-example or the student's own
work being discussed ("your son wrote 2x = 14", "孩子得到 x = 3"), not the next step of a solution."""


def _step_equation(claim: Claim, symbols: dict) -> tuple[sp.Expr, sp.Expr] | None:
    """The claim as one equation in one unknown ('2x = 8', 'x = 8/2 = 4' → x = 8/2), else None."""
    if not claim.ops or any(op != "=" for op in claim.ops):
        return None
    try:
        sides = [parse_chain(part, symbols)[0][0] for part in claim.parts[:2]]
        rest = [parse_chain(part, symbols)[0][0] for part in claim.parts[2:]]
    except VerificationError:
        return None
    if any(r.free_symbols for r in rest) or not all(isinstance(v, sp.Expr) for v in sides):
        return None
    if len((sides[0] - sides[1]).free_symbols) != 1:
        return None
    return sides[0], sides[1]


def equation_chain(text: str, claims: list[Claim], start: str | None = None) -> list[Check]:
    """Consecutive equations in one unknown are steps of one solution: a step must not change the solutions.

    '2x + 3 = 11' then '2x = 14' is refuted (x = 4 became x = 7); 'x^2 - 16 = 0' then 'x^2 = 32' too. A step
    that only drops solutions ('x^2 = 16', then 'x = 4' for a length) or only adds some (squaring both sides)
    is left alone: the words around it may justify it. An equation written as a trial ('try x = 3') is not a step.
    Equations joined by "or" are the branches of one step ('x - 5 = 0 or x + 1 = 0', 'x = 5 or x = -1'): their
    solutions together are compared with the step before.

    ``start`` (see ``check_text``) is the chain's step 0: "5x - 10 = 3x + 4" then "5x = 3x + 6" is refuted, though
    every later step of that text may follow from the one before it.
    """
    from tutor.verify.algebra import solutions

    norm = _normalise(text)
    symbols: dict[str, sp.Symbol] = {}
    steps: list[list] = []  # [first claim, shown text, solution set, unknown, solved form] per step; None: a break
    if start:
        given = _given_equation(start, symbols)
        if given is not None:
            unknown = next(iter((given[0] - given[1]).free_symbols))
            steps.append([None, start.strip(), solutions(*given), unknown, False])
    cursor = 0  # where the previous claim ended in ``norm``
    for claim in claims[:MAX_CHAIN]:
        at = norm.find(claim.text, cursor)
        if at < 0:
            at = norm.find(claim.text)
        before = norm[max(0, at - 80):at] if at >= 0 else ""
        between = norm[cursor:at] if at >= cursor else ""
        if at >= 0:
            cursor = at + len(claim.text)
        if claim.truncated:
            steps.append(None)  # "g'(x) = 2x", "f(x) = ...": the left side is not what was read, so no step
            continue
        equation = _step_equation(claim, symbols)
        if equation is None:
            continue  # arithmetic between the steps ("2(4) + 3 = 11") does not break the chain
        if _TRIAL.search(before):
            steps.append(None)  # "try x = 3": a trial, and what follows starts again
            continue
        unknown = next(iter((equation[0] - equation[1]).free_symbols))
        found = solutions(*equation)
        shown = f"{claim.parts[0]} = {claim.parts[1]}"
        solved = claim.parts[0].strip() == str(unknown) and not _has_letter(claim.parts[1])
        last = steps[-1] if steps else None
        if last is not None and last[3] == unknown and _BRANCH.match(between):
            last[1] += f" or {shown}"
            last[2] = last[2].union(found) if last[2] is not None and found is not None else None
            last[4] = last[4] and solved
            continue
        steps.append([claim, shown, found, unknown, solved])
    out: list[Check] = []
    for previous, step in zip(steps, steps[1:]):
        if previous is None or step is None or previous[4] or previous[3] != step[3]:
            continue  # a trial between them, a solved 'x = 4' (what follows is a check or a new question)
        before_set, found = previous[2], step[2]
        if before_set is None or found is None:
            continue
        unknown = step[3]
        label = f"{previous[1]} -> {step[1]}"
        if found == before_set:
            out.append(Check(Status.verified, label, "equation", None, "This step keeps the same solutions."))
        elif not found.is_subset(before_set) and not before_set.is_subset(found) and not _rounded(found, before_set):
            expected = _set_text(unknown, before_set)
            out.append(Check(Status.refuted, label, "equation", expected,
                             f"This step changes the solutions: {previous[1]} gives {expected}, but "
                             f"{step[1]} gives {_set_text(unknown, found)}."))
    return out


def _given_system(start: str) -> tuple[dict[sp.Symbol, sp.Expr], dict[str, sp.Symbol]] | None:
    """``check_text``'s ``start`` when it is a system of equations ("x + 2y = 11, 3x - y = 5") with exactly one
    solution: that solution and the symbols the parser made for it; else None."""
    parts = [part for part in start.split(",") if part.strip()]
    if not 2 <= len(parts) <= 3:
        return None
    symbols: dict[str, sp.Symbol] = {}
    equations = []
    for part in parts:
        if part.count("=") != 1 or re.search(r"[<>≤≥]", part):
            return None
        try:
            lhs, rhs = (parse_chain(side, symbols)[0][0] for side in _normalise(part).split("="))
        except (VerificationError, *MATH_ERRORS):
            return None
        if not all(isinstance(v, sp.Expr) for v in (lhs, rhs)):
            return None
        equations.append(lhs - rhs)
    unknowns = sorted(set().union(*(e.free_symbols for e in equations)), key=str)
    if len(unknowns) != len(equations):
        return None
    from tutor.verify.bounded import limited

    try:
        found = limited(_solve_system, equations, unknowns, seconds=2)
    except (VerificationError, *MATH_ERRORS, TypeError):
        return None
    if len(found) != 1 or set(found[0]) != set(unknowns) or not all(v.is_number for v in found[0].values()):
        return None
    return found[0], symbols


def _solve_system(equations: list, unknowns: list) -> list[dict]:
    return sp.solve(equations, unknowns, dict=True)


def system_steps(text: str, claims: list[Claim], system: tuple[dict[sp.Symbol, sp.Expr], dict]) -> list[Check]:
    """Steps of a solution of a system with one solution: every equation the text writes in its unknowns
    (added or subtracted equations, a substitution, "2x = 14", "y = 3") holds at that solution, since each
    step of a right solution follows from the system. One that does not is refuted ("x + 2y = 9" on the way to
    x = 4, y = 3). Trials and the student's own work quoted (``_TRIAL``) are not steps. Only refutations are
    reported: holding at the solution makes an equation true here, not a step that follows."""
    from tutor.verify.numeric import same_value

    solution, symbols = system
    names = {str(u) for u in solution}
    norm = _normalise(text)
    cursor, out = 0, []
    for claim in claims[:MAX_CHAIN]:
        at = norm.find(claim.text, cursor)
        before = norm[max(0, at - 80):at] if at >= 0 else ""
        if at >= 0:
            cursor = at + len(claim.text)
        if claim.truncated or not claim.ops or any(op != "=" for op in claim.ops) or _TRIAL.search(before):
            continue
        try:
            sides = [parse_chain(part, symbols)[0][0] for part in claim.parts]
        except VerificationError:
            continue
        if not all(isinstance(v, sp.Expr) for v in sides):
            continue
        free = set().union(*(v.free_symbols for v in sides))
        if not free or not {str(f) for f in free} <= names:
            continue
        values = [v.subs(solution) for v in sides]
        if all(same_value(values[0], v) is Status.verified for v in values[1:]):
            continue
        if any(same_value(values[0], v) is Status.refuted for v in values[1:]):
            shown = " = ".join(p.strip() for p in claim.parts)
            point = ", ".join(f"{u} = {format_value(v)}" for u, v in sorted(solution.items(), key=lambda kv: str(kv[0])))
            out.append(Check(Status.refuted, shown, "equation", point,
                             f"This does not hold for the system's solution ({point}), so it does not follow "
                             "from the system."))
    return out


_INEQUALITY = re.compile(r"<=|>=|<|>|≤|≥|\\[lg]eq?(?![A-Za-z])")
_RELATIONS = {"<": sp.StrictLessThan, ">": sp.StrictGreaterThan, "<=": sp.LessThan, ">=": sp.GreaterThan,
              "≤": sp.LessThan, "≥": sp.GreaterThan, "\\le": sp.LessThan, "\\leq": sp.LessThan,
              "\\ge": sp.GreaterThan, "\\geq": sp.GreaterThan}


def _read_inequality(text: str, symbols: dict) -> tuple[sp.Expr, sp.Symbol] | None:
    """One inequality in one unknown ("2x - 5 < 9", "5 > x", "x \\le -11") as a SymPy relation, else None."""
    ops = _INEQUALITY.findall(text)
    if len(ops) != 1:
        return None
    left, right = _INEQUALITY.split(text)
    if any(re.search(r"\d\s+\d", side) or not side.strip() for side in (left, right)):
        return None  # "3 2x < 12": a step number, not a product
    try:
        sides = [parse_chain(side, symbols)[0][0] for side in (left, right)]
    except (VerificationError, *MATH_ERRORS):
        return None
    if not all(isinstance(v, sp.Expr) for v in sides):
        return None
    free = (sides[0] - sides[1]).free_symbols
    if len(free) != 1:
        return None
    return _RELATIONS[ops[0]](*sides), next(iter(free))


def _solve_inequality(relation: sp.Expr, unknown: sp.Symbol):
    return sp.solve_univariate_inequality(relation, unknown, relational=False)


_SIDE_BREAK = re.compile(r"\s{2,}|(?<=\d)\s+(?=-?\d)|\.(?:\s|$)")
"""Where a side of an inequality read out of prose ends: a sentence's full stop, a step number before it, the space
around a display."""


def inequality_steps(text: str, start: str) -> list[Check]:
    """Steps of a solution of a linear inequality in one unknown: each inequality the text writes in that unknown
    has the same solutions as ``start``, since every step of a right solution ("-2x ≥ 6", "x ≤ 6 ÷ (-2)",
    "5 > x") is an equivalent inequality. A sign left unflipped after dividing by a negative number, or any other
    slip, changes the solutions and is refuted. Trials and the student's quoted work (``_TRIAL``) are not steps;
    an inequality that is not linear (x² < 4, solved in two halves) is not checked this way."""
    from tutor.verify.bounded import limited

    symbols: dict[str, sp.Symbol] = {}
    given = _read_inequality(_normalise(start), symbols)
    if given is None:
        return []
    relation, unknown = given
    try:
        if sp.Poly(relation.lhs - relation.rhs, unknown).degree() != 1:
            return []
        wanted = limited(_solve_inequality, relation, unknown, seconds=2)
    except (VerificationError, *MATH_ERRORS, sp.PolynomialError):
        return []
    letter = re.escape(str(unknown))
    side = rf"[0-9{letter}+\-*/^().√ ]"
    span = re.compile(rf"(?<![A-Za-z0-9.])(?=[0-9{letter}(\-√])({side}*?)\s*(<=|>=|<|>|≤|≥|\\[lg]eq?(?![A-Za-z]))"
                      rf"\s*({side}*{side.replace(' ', '')})")
    norm = _normalise(text)
    out: list[Check] = []
    for m in list(span.finditer(norm))[:MAX_CHAIN]:
        if _TRIAL.search(norm[max(0, m.start() - 80):m.start()]):
            continue
        # a sentence's full stop is no decimal point; a step number or the number before a display ("减去2 \\[ -11
        # \\le x") is no part of the side next to it
        left = _SIDE_BREAK.split(m.group(1).strip())[-1]
        right = _SIDE_BREAK.split(m.group(3).strip().rstrip(". "))[0]
        shown = f"{left} {m.group(2)} {right}"
        read = _read_inequality(shown, symbols)
        if read is None or read[1] != unknown:
            continue
        try:
            found = limited(_solve_inequality, read[0], unknown, seconds=2)
        except (VerificationError, *MATH_ERRORS):
            continue
        label = f"{start.strip()} -> {shown}"
        if found == wanted:
            out.append(Check(Status.verified, label, "inequality", None, "This step keeps the same solutions."))
        else:
            out.append(Check(Status.refuted, label, "inequality", _interval_text(unknown, wanted),
                             f"This step changes the solutions: {start.strip()} holds for {_interval_text(unknown, wanted)}, "
                             f"but {shown} holds for {_interval_text(unknown, found)}."))
    return out


def _interval_text(unknown: sp.Symbol, values) -> str:
    """A solution set of an inequality as a student writes it ("x < 7", "x ≥ -3"), else SymPy's text."""
    if isinstance(values, sp.Interval):
        low, high = values.start, values.end
        if low is sp.S.NegativeInfinity and high.is_finite:
            return f"{unknown} {'<' if values.right_open else '≤'} {format_value(high)}"
        if high is sp.S.Infinity and low.is_finite:
            return f"{unknown} {'>' if values.left_open else '≥'} {format_value(low)}"
    if values is sp.S.EmptySet:
        return "no number"
    if values is sp.S.Reals:
        return "every number"
    return str(values)


def _rounded(found, before) -> bool:
    """Roots written as decimals ("x = 5.23607 or x = 0.763932" for 3 ± √5): each close to one of the exact
    roots and as many of them. Rounding is no change of the solutions; how well it was rounded is not judged here."""
    if not (isinstance(found, sp.FiniteSet) and isinstance(before, sp.FiniteSet)) or len(found) != len(before):
        return False
    if not all(v.is_number for v in found) or all(v.is_rational for v in before):
        return False  # exact roots are compared exactly: only an irrational root can be rounded
    try:
        exact = [complex(sp.N(v)) for v in before]
        return all(any(abs(complex(v) - e) <= 0.01 * max(1.0, abs(e)) for e in exact) for v in found)
    except (TypeError, ValueError):
        return False


def _given_equation(text: str, symbols: dict) -> tuple[sp.Expr, sp.Expr] | None:
    """``check_text``'s ``start`` as the two sides of an equation in one unknown, else None (a system, an
    inequality, text the parser refuses: the chain then starts at the text's own first equation)."""
    if text.count("=") != 1 or re.search(r"[<>≤≥]", text):
        return None
    try:
        sides = [parse_chain(part, symbols)[0][0] for part in _normalise(text).split("=")]
    except (VerificationError, *MATH_ERRORS):
        return None
    if not all(isinstance(v, sp.Expr) for v in sides) or len((sides[0] - sides[1]).free_symbols) != 1:
        return None
    return sides[0], sides[1]


_BRANCH = re.compile(r"^[\s,;]*(?:or|or else|或者?)[\s,:]*$", re.I)
"""What stands between two equations that are alternatives ("x = 5 or x = -1"), not consecutive steps."""

MAX_CHAIN = 40
"""Equations compared per text (each needs a bounded solve)."""


def _has_letter(part: str) -> bool:
    return bool(re.search(r"[A-Za-z]", part))


def _set_text(unknown: sp.Symbol, values) -> str:
    if values is sp.S.EmptySet:
        return "no solution"
    if values is sp.S.Reals:
        return "every number"
    if isinstance(values, sp.FiniteSet):
        return " or ".join(f"{unknown} = {format_value(v) if v.is_number else v}" for v in values)
    return str(values)
