"""Division by zero, equations with no solution, no real solution."""

from __future__ import annotations

import re

from tutor.verify.premises.reading import MAX_EXPAND_POWER, _D, _MINUS, _num, _show

def _division_by_zero(text: str) -> list[str]:
    if (re.search(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:/|÷|divided by)\s*0(?![\d.])", text, re.I)
            or re.search(r"divide\w* (?:\d+|it|them|something|a number) by zero", text, re.I)
            or re.search(r"\b(?:share|split|divide|shared|divided)\b[^.?!]{1,60}?\b(?:among|between|into)\s+(?:0|zero)\b"
                         r"(?!\s*(?:\.\d|point))", text, re.I)):
        return ["Dividing by zero is not defined, so that expression has no value."]
    if _zero_divisor(text):
        return ["Dividing by zero is not defined, and the number divided by here works out to 0."]
    m = _ZERO_RATE.search(text)
    if m and _RATE_ASKED.search(text):
        return [f"A speed or a rate divides by the time taken, and here that time is 0 ({m.group(0).strip()}): "
                "dividing by zero is not defined."]
    if _NOBODY.search(text) and _AVERAGE.search(text):
        return ["An average divides a total by how many there are, and here there are none: dividing by zero is "
                "not defined."]
    return []


_DIVISOR = re.compile(r"(?:/|÷|divided\s+by|over)\s*(\([^()]{1,80}\))", re.I)
_ZERO_RATE = re.compile(r"\b(?:in\s+|took\s+|showed\s+|shows\s+|read\s+|reads\s+|lasted\s+|of\s+)?(?:0|zero)\s+"
                        r"(?:hours?|minutes?|seconds?|days?|weeks?|years?|h|min|s)\b", re.I)
_RATE_ASKED = re.compile(r"\b(?:speed|rate|per|average|mph|km/h|an hour|a minute|a second|each hour|how fast)\b", re.I)
_NOBODY = re.compile(r"\b(?:nobody|no one|no-one|none of|(?:0|zero)\s+(?:people|students|runners|players|children|"
                     r"kids|members|entries|items|games|tests|scores|numbers|values|days))\b", re.I)
_AVERAGE = re.compile(r"\b(?:average|mean|per person|each (?:person|one) (?:get|gets|pay|pays))\b", re.I)


def _constants(pattern: re.Pattern, text: str):
    """(match, value) for each bracket ``pattern`` captures that reads as a number (no letters) with the safe parser."""
    import sympy

    from tutor.errors import VerificationError
    from tutor.verify.parse import safe_parse

    for m in pattern.finditer(text.replace("−", "-").replace("×", "*")):
        try:
            value = safe_parse(m.group(1))
        except VerificationError:
            continue
        if isinstance(value, sympy.Expr) and not value.free_symbols:
            yield m, value


def _zero_divisor(text: str) -> bool:
    """A bracketed divisor that works out to zero: '15 divided by (7 - 7)', '8 / (2*3 - 6)'."""
    return any(value.is_zero for _m, value in _constants(_DIVISOR, text))


_MATH_TAIL = re.compile(r"(?:[\d.()+\-*/^ |√−]|\bsqrt\b|(?<![A-Za-z])[a-z](?![A-Za-z]))+$")
_MATH_HEAD = re.compile(r"^(?:[\d.()+\-*/^ |√−]|\bsqrt\b|(?<![A-Za-z])[a-z](?![A-Za-z]))+")


def _equations(text: str) -> list[str]:
    """Equations written in running text: the math characters on both sides of each '='."""
    parts = text.split("=")[:40]
    found = []
    for left, right in zip(parts, parts[1:]):
        lm, rm = _MATH_TAIL.search(left[-200:]), _MATH_HEAD.search(right[:200])
        if lm and rm and lm.group(0).strip() and rm.group(0).strip():
            found.append(f"{lm.group(0).strip()} = {rm.group(0).strip().rstrip('.')}")
    return found


def _short(eq: str) -> str:
    """An equation as the student wrote it, cut short enough to read in one sentence."""
    eq = eq.strip()
    return eq if len(eq) <= 60 else eq[:57].rstrip() + "…"


def _one_unknown_equation(eq: str):
    """``(relation, unknown)`` for an equation in one unknown, read with the bounded parser; else None."""
    import sympy

    from tutor.errors import VerificationError
    from tutor.verify.parse import safe_parse

    try:
        relation = safe_parse(eq)
    except VerificationError:
        return None
    if not isinstance(relation, sympy.Eq) or len(relation.free_symbols) != 1:
        return None
    if any(p.exp.is_Number and abs(p.exp) > MAX_EXPAND_POWER for p in relation.atoms(sympy.Pow)):
        return None
    return relation, next(iter(relation.free_symbols))


def _no_solution(text: str) -> list[str]:
    """A one-unknown equation whose unknown cancels, leaving a false statement ("x + 1 = x + 3")."""
    import sympy

    found = []
    for eq in _equations(text):
        parsed = _one_unknown_equation(eq)
        if parsed is None:
            continue
        relation, unknown = parsed
        try:
            diff = sympy.expand(relation.lhs - relation.rhs)
        except (ArithmeticError, RecursionError, TypeError, ValueError):
            continue
        if not diff.free_symbols and diff != 0:
            found.append(f"The equation {_short(eq)} has no solution: the {unknown}'s cancel and it says "
                         f"{sympy.sstr(diff)} = 0.")
    return found


def _no_real_solution(text: str) -> list[str]:
    """A real number asked for where none exists: √ of a negative, or a quadratic with negative discriminant."""
    import sympy

    if not _ASKS_REAL.search(text) or _ALLOWS_COMPLEX.search(_NOT_COMPLEX.sub(" ", text)):
        return []
    found = []
    for m in re.finditer(rf"(?:square\s+root|sqrt|√)\s*(?:of\s*)?\(?\s*{_MINUS}\s*({_D})", text, re.I):
        value = _num(m.group(1))
        if value:
            found.append(f"No real number times itself gives a negative number, so -{_show(value)} has no real "
                         "square root.")
    if not found:
        inside = _negative_radicand(text)
        if inside:
            found.append(f"√{inside[0]} has no real value: {inside[0][1:-1].strip()} = {inside[1]}, and no real number "
                         "times itself gives a negative number.")
    for eq in _equations(text):
        parsed = _one_unknown_equation(eq)
        if parsed is None:
            continue
        relation, unknown = parsed
        try:
            poly = sympy.Poly(relation.lhs - relation.rhs, unknown)
            if poly.degree() != 2 or not all(c.is_Rational for c in poly.all_coeffs()):
                continue
            a, b, c = poly.all_coeffs()
        except (sympy.PolynomialError, ArithmeticError, RecursionError, TypeError, ValueError):
            continue
        if b * b - 4 * a * c < 0:
            found.append(f"The equation {_short(eq)} has no real solution: no real number squared is negative.")
    return found


_ASKS_REAL = re.compile(r"\b(?:real|ordinary|regular|normal)\b(?:\s+\w+)?\s+(?:numbers?|answer|solutions?|value)|"
                        r"\breal\b|\bno\s+(?:i|imaginary|complex)\b", re.I)
_NOT_COMPLEX = re.compile(r"\b(?:no|not|without|never)\s+(?:an?\s+)?(?:i|imaginary|complex)(?:\s+numbers?)?\b", re.I)
_ALLOWS_COMPLEX = re.compile(r"\b(?:imaginary|complex)\b|\b(?:in terms of|using|with|use)\s+i\b|\d\s*i\b|\bi\s*[\^²]",
                             re.I)
"""Complex numbers allowed: "imaginary", "in terms of i", "3i"; the pronoun "i" ("when i type") is not the unit i."""
_RADICAND = re.compile(r"(?:square\s+root|sqrt|√)\s*(?:of\s*)?(\([^()]{1,80}\))", re.I)


def _negative_radicand(text: str) -> tuple[str, str] | None:
    """'√(5 − 14)': the bracket under a square root, when it works out to a negative number."""
    import sympy

    for m, value in _constants(_RADICAND, text):
        if value.is_negative:
            return m.group(1), sympy.sstr(value)
    return None


_ABS_EQ = re.compile(r"\|\s*([^|=]{1,40}?)\s*\|\s*=\s*(-|−|minus\s+|negative\s+)\s*(\d{1,15}(?:\.\d{1,15})?)")


def _absolute_negative(text: str) -> list[str]:
    """'|x| = -5': an absolute value is a distance, never negative."""
    m = _ABS_EQ.search(text)
    if m and _num(m.group(3)):
        return [f"|{m.group(1).strip()}| = -{m.group(3)} has no solution: an absolute value is a distance from 0, "
                "so it is never negative."]
    return []


SOLVE_SECONDS = 1.0


def _real_valued_no_solution(text: str) -> list[str]:
    """An equation with an absolute value or a square root that no real number solves: '|2x - 1| + 6 = 2',
    'sqrt(x + 3) = -5'. Both sides are real for every real x, so there is no other kind of number to try."""
    import sympy

    from tutor.errors import VerificationError
    from tutor.verify.bounded import limited

    found = []
    for eq in _equations(text):
        if not re.search(r"\||√|sqrt", eq):
            continue
        parsed = _one_unknown_equation(eq)
        if parsed is None:
            continue
        relation, unknown = parsed
        if not relation.has(sympy.Abs) and not any(p.exp == sympy.Rational(1, 2) for p in relation.atoms(sympy.Pow)):
            continue
        real = sympy.Symbol(unknown.name, real=True)
        try:
            solutions = limited(sympy.solveset, relation.subs(unknown, real), real, sympy.S.Reals,
                                seconds=SOLVE_SECONDS)
        except (VerificationError, ArithmeticError, RecursionError, TypeError, ValueError, NotImplementedError):
            continue
        if solutions is sympy.S.EmptySet:
            found.append(f"The equation {_short(eq)} has no solution: an absolute value or a square root is never "
                         "negative, so the two sides can never be equal.")
    return found


_AT_VALUE = re.compile(r"(?P<expr>[^.?!:;=]{1,80}?)\s+(?:when|at|for|if|where|with)\s+(?P<var>[a-z])\s*=\s*"
                       r"(?P<val>-?\d{1,9}(?:\.\d{1,6})?)", re.I)


_FUNCTION_DEF = re.compile(r"\b(?P<f>[a-z])\s*\(\s*(?P<x>[a-z])\s*\)\s*=\s*(?P<expr>[^=,;?!]{1,80}?)(?=[,;?!]|\.(?:\s|$)|$|"
                           r"\s+(?:at|when|for|if)\b)", re.I)


def _undefined_at(text: str) -> list[str]:
    """An expression evaluated where it has no value: '(3x + 12)/(x^2 - 9) when x = 3' divides by zero;
    '√(x − 10) at x = 4' has no real value."""
    import sympy

    from tutor.errors import VerificationError
    from tutor.verify.parse import safe_parse

    found = []
    text = text.replace("−", "-").replace("×", "*")
    for f in _FUNCTION_DEF.finditer(text):  # "find g(5) if g(x) = √(x - 9)": the same as √(x - 9) at x = 5
        for call in re.finditer(rf"\b{f.group('f')}\(\s*(-?\d{{1,9}}(?:\.\d{{1,6}})?)\s*\)", text):
            text += f". {f.group('expr').strip()} at {f.group('x')} = {call.group(1)}"
    for m in _AT_VALUE.finditer(text):
        expr_text = m.group("expr")
        expr_text = re.split(r"(?i)\b(?:evaluate|compute|calculate|find|simplify|work out|what is|whats|what's)\b|,",
                             expr_text)[-1]
        expr_text = re.sub(r"^\s*(?:the\s+)?(?:value\s+of\s+)?(?:[a-z]\s*\(\s*[a-z]\s*\)\s*)?", "", expr_text, flags=re.I)
        try:
            expr = safe_parse(expr_text)
        except VerificationError:
            continue
        if not isinstance(expr, sympy.Expr) or {s.name for s in expr.free_symbols} != {m.group("var")}:
            continue
        var = next(iter(expr.free_symbols))
        value = sympy.Rational(m.group("val"))
        for den in (sympy.denom(t) for t in sympy.Add.make_args(expr)):
            if den.free_symbols and den.subs(var, value).is_zero:
                found.append(f"At {var} = {m.group('val')} the expression divides by zero "
                             f"({sympy.sstr(den)} = 0), so it has no value there.")
                return found
        if _ASKS_REAL.search(text) and not _ALLOWS_COMPLEX.search(_NOT_COMPLEX.sub(" ", text)):
            for root in (p for p in expr.atoms(sympy.Pow) if p.exp == sympy.Rational(1, 2)):
                inside = root.base.subs(var, value)
                if inside.is_negative:
                    found.append(f"At {var} = {m.group('val')}, √({sympy.sstr(root.base)}) is √({sympy.sstr(inside)}), "
                                 "and no real number times itself gives a negative number.")
                    return found
    return found


_WORD_QUOTIENT = re.compile(r"\b(?:the\s+)?(?P<a>[a-z]+)\s+divided\s+by\s+(?:the\s+)?(?P<b>[a-z]+)\b", re.I)
_ZERO_COUNT = re.compile(r"\b(?:zero|no|0)\s+(?P<who>[a-z]+)\s+(?:came|come|showed up|turned up|arrived|joined|"
                         r"entered|signed up|are\s+(?:there|left|coming))\b", re.I)
_NOBODY_CAME = re.compile(r"\b(?:nobody|no one|no-one|none of them)\s+(?:came|showed up|turned up|arrived|joined|"
                          r"entered|signed up|was there)\b", re.I)
_SHARE_AMONG = re.compile(r"\b(?:split|share|divide|distribute)\w*\b[^.?!]{0,60}?\b(?:among|between|to)\s+(?:the\s+)?"
                          r"(?P<who>[a-z]+)(?:\s+(?P<who2>[a-z]+))?\b", re.I)


def _named_zero_divisor(text: str) -> list[str]:
    """The divisor named in words and then said to be zero: 'slope = rise divided by run … the run is 0 m';
    'split 24 bottles among the players who come … zero players came'."""
    for m in _WORD_QUOTIENT.finditer(text):
        b = m.group("b").lower()
        if re.search(rf"\b(?:the\s+)?{b}\s+(?:is|was|=|equals|measures)\s+(?:0|zero)(?:\.0+)?(?![\d.])", text[m.end():],
                     re.I):
            return [f"The {b} is 0, and dividing by zero is not defined, so the {m.group('a').lower()} divided by "
                    f"the {b} has no value."]
    if _NOBODY_CAME.search(text) and _SHARE_AMONG.search(text):
        return ["Sharing among nobody means dividing by zero, which is not defined: there is no one to share with."]
    zero = _ZERO_COUNT.search(text)
    if zero:
        who = zero.group("who").lower().rstrip("s")
        for m in _SHARE_AMONG.finditer(text):
            if who in {(w or "").lower().rstrip("s") for w in (m.group("who"), m.group("who2"))}:
                return [f"Sharing among zero {zero.group('who')} means dividing by zero, which is not defined: there "
                        "is no one to share with."]
    return []


def _inconsistent_system(text: str) -> list[str]:
    """Two linear equations in two unknowns with no common solution: 'x + y = 7 and 2x + 2y = 15'."""
    import sympy

    from tutor.errors import VerificationError
    from tutor.verify.parse import safe_parse

    relations = []
    for eq in _equations(text)[:4]:
        try:
            relation = safe_parse(eq)
        except VerificationError:
            continue
        if isinstance(relation, sympy.Eq) and len(relation.free_symbols) == 2:
            relations.append((eq, relation))
    if len(relations) != 2 or relations[0][1].free_symbols != relations[1][1].free_symbols:
        return []
    unknowns = sorted(relations[0][1].free_symbols, key=str)
    try:
        polys = [sympy.Poly(r.lhs - r.rhs, *unknowns) for _e, r in relations]
        if any(p.total_degree() != 1 for p in polys):
            return []
        solution = sympy.linsolve([r.lhs - r.rhs for _e, r in relations], unknowns)
    except (sympy.PolynomialError, ArithmeticError, RecursionError, TypeError, ValueError):
        return []
    if solution is sympy.S.EmptySet:
        return [f"The equations {_short(relations[0][0])} and {_short(relations[1][0])} have no common solution: "
                "one says something the other contradicts (multiply the first to compare them)."]
    return []


_SQUARED_NEGATIVE = re.compile(rf"\b(?:squared|times itself|multiplied by itself)\s+(?:gives|is|equals|makes|=|to get)\s*"
                               rf"(?:-|−)\s*({_D})", re.I)


def _square_negative(text: str) -> list[str]:
    """'what real number squared gives negative 36'."""
    m = _SQUARED_NEGATIVE.search(text)
    if m and _num(m.group(1)) and not _ALLOWS_COMPLEX.search(_NOT_COMPLEX.sub(" ", text)):
        return [f"No real number squared gives -{m.group(1)}: a number times itself is never negative."]
    return []


_LENGTH_CONTEXT = re.compile(r"\b(?:side|length|long|width|wide|height|tall|radius|distance|real)\b", re.I)
_LATER_VALUE = re.compile(r"\b(?:when|if|for|at|where)\s+([a-z])\s*=\s*(-?\d{1,9}(?:\.\d{1,6})?)", re.I)


def _radicand_at(text: str) -> list[str]:
    """A square root of an expression in a letter, evaluated later where it is negative: '√(b - 10) cm … when b = 4'."""
    import sympy

    from tutor.errors import VerificationError
    from tutor.verify.parse import safe_parse

    if not _LENGTH_CONTEXT.search(text) or _ALLOWS_COMPLEX.search(_NOT_COMPLEX.sub(" ", text)):
        return []
    values = {m.group(1): m.group(2) for m in _LATER_VALUE.finditer(text)}
    for m in _RADICAND.finditer(text.replace("−", "-")):
        try:
            inside = safe_parse(m.group(1))
        except VerificationError:
            continue
        if not isinstance(inside, sympy.Expr) or len(inside.free_symbols) != 1:
            continue
        (var,) = inside.free_symbols
        if var.name not in values:
            continue
        value = inside.subs(var, sympy.Rational(values[var.name]))
        if value.is_negative:
            return [f"At {var} = {values[var.name]}, √{m.group(1)} is √({sympy.sstr(value)}): no real number times "
                    "itself gives a negative number, so that length can't exist."]
    return []
