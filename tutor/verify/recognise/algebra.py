"""Algebra questions: evaluate, simplify, factor, expand, solve an equation, a system or an inequality."""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.numbers import prime_factors
from tutor.verify.recognise.reading import (
    ASK,
    NotMine,
    Solution,
    approx,
    number_text,
    plain,
    plain_input,
    read_expression,
    read_math,
    within_bounds,
)

def simplify(text: str) -> Solution | None:
    m = (re.fullmatch(r"(?:simplify|reduce|simplify fully|simplify completely)\s*:?\s+(.+?)"
                      r"(?:\s+(?:fully|completely|to (?:its )?(?:simplest|lowest) (?:form|terms)))?", text, re.I)
         or re.fullmatch(r"(?:write|put|reduce|express)?\s*(.+?)\s+in (?:its )?(?:simplest|lowest) (?:form|terms)",
                         text, re.I))
    if not m:
        return None
    value = read_expression(m.group(1))
    if value.free_symbols:
        value = within_bounds(_simplest, value)
    elif not value.is_Rational:
        value = within_bounds(sp.simplify, value)
    return Solution("simplify", value, plain(value), m.group(1), form="simplest")


def _simplest(value):
    out = sp.simplify(value)
    expanded = sp.expand(out)
    return expanded if sp.count_ops(expanded) <= sp.count_ops(out) else out


def factor(text: str) -> Solution | None:
    m = re.fullmatch(r"(?:factor completely|completely factor|fully factor|factorise|factorize|factor)\s*:?\s+(.+?)"
                     r"(?:\s+(?:fully|completely))?", text, re.I)
    if not m:
        return None
    value = read_expression(m.group(1))
    if value.is_Integer:
        return prime_factors(value, m.group(1))
    if not value.free_symbols:
        raise NotMine
    factored = within_bounds(sp.factor, value)
    return Solution("factor", factored, plain(factored), m.group(1), form="factored")


def expand(text: str) -> Solution | None:
    m = re.fullmatch(r"(?:expand and simplify|expand|multiply out|multiply|foil|remove the brackets(?: in| from)?)"
                     r"\s*:?\s+(.+)", text, re.I)
    if not m:
        return None
    value = read_expression(m.group(1))
    if not value.free_symbols:
        raise NotMine
    expanded = within_bounds(sp.expand, value)
    return Solution("expand", expanded, plain(expanded), m.group(1), form="expanded")


_SOLVE = re.compile(r"(?:(?:find|what is|work out|determine|calculate) the value of ([a-z])|solve(?: the)?(?: system(?: of equations)?| simultaneous equations| pair of equations|"
                    r" equations?| inequality)?(?: for ([a-z]))?|find ([a-z])|what is ([a-z])|work out ([a-z]))"
                    r"(?:\s*(?::|if|when|given|given that|where|in|,))?\s+(.+?)(?:\s*,?\s+for ([a-z]))?", re.I)


_EQUALS = re.compile(r"(?<![<>!=])=(?!=)")
"""An equals sign, not part of <=, >=, != or ==."""


_SPACED = re.compile(r"(?<=[=<>≤≥])(\s*-?[\w.()/]+)\s+"
                     r"(?=-?[\w(.]+[^,;\s\u4e00-\u9fff]*(?:\s*[-+*/^·×]\s*[\w(.][^,;\s\u4e00-\u9fff]*)*\s*[=<>≤≥])")


def spaced_relations(text: str) -> str:
    """Relations typed with only a space between them, as a list: "2x+y=11 x-y=1" is "2x+y=11, x-y=1". A right
    side here is one term ("11", "-3", "(x+2)/2"), so "x + 1 = 5" and "2 = x + 1" stay whole."""
    return _SPACED.sub(r"\1, ", text)


def solve(text: str) -> Solution | None:
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
    if len(parts) > 1 and all(re.search(r"[<>≤≥]", p) for p in parts):
        # a system of inequalities ("x + 1 > 0 and 2x - 3 ≤ 1", "不等式组"): the numbers that satisfy every one
        relations = [read_math(p) for p in parts]
        if not all(isinstance(r, (sp.StrictLessThan, sp.StrictGreaterThan, sp.LessThan, sp.GreaterThan))
                   for r in relations):
            raise NotMine
        return _inequality(sp.And(*relations, evaluate=False), var)
    if len(parts) == 1 and len(re.findall(r"[=<>≤≥]", body)) > 1:
        parts = spaced_relations(body).split(", ")  # "2x+y=11 x-y=1": a space between the equations
    if len(parts) > 1 and all(re.search(r"=", p) for p in parts):
        return _system(parts)  # as many equations as unknowns: "3x = 12 x = 4" (an attempt) is none
    if len(_EQUALS.findall(body)) > 1:
        # "3x = 12 x = 4" is an equation and an attempt typed after it, not the chain 3x = 12x = 4 (whose answer,
        # no solution, would be a wrong ground truth); a chain of equalities is no equation to solve
        raise NotMine
    relation = read_math(body)
    if isinstance(relation, sp.Equality):
        return _equation(relation, var)
    if isinstance(relation, (sp.StrictLessThan, sp.StrictGreaterThan, sp.LessThan, sp.GreaterThan, sp.And)):
        return _inequality(relation, var)
    raise NotMine


def _pick_variable(relation, var: str | None) -> sp.Symbol:
    syms = {s.name: s for s in relation.free_symbols}
    if var is not None:
        if var not in syms:
            raise NotMine
        return syms[var]
    if len(syms) != 1:
        raise NotMine
    return next(iter(syms.values()))


def _equation(eq: sp.Equality, var: str | None) -> Solution:
    x = _pick_variable(eq, var)
    f = eq.lhs - eq.rhs
    result = within_bounds(_real_solutions, f, x)
    shown = f"{plain(eq.lhs)} = {plain(eq.rhs)}"
    if result == sp.S.EmptySet:
        return Solution("solve", sp.S.EmptySet, "no real solution", shown)
    if result == sp.S.Reals:
        return Solution("solve", sp.S.Reals, f"every real number {x}", shown)
    if not isinstance(result, sp.FiniteSet) or len(result) > 6:
        raise NotMine
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
        raise NotMine
    result = within_bounds(_inequality_set, rel, x)
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
        raise NotMine  # a point set, a complement: say it in words some other day
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
                    raise NotMine
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
        raise NotMine
    eqs = [read_math(p) for p in parts]
    if not all(isinstance(e, sp.Equality) for e in eqs):
        raise NotMine
    syms = sorted(set().union(*(e.free_symbols for e in eqs)), key=str)
    if len(syms) != len(eqs):
        raise NotMine
    result = within_bounds(_solve_system, [e.lhs - e.rhs for e in eqs], syms)
    shown = ", ".join(f"{plain(e.lhs)} = {plain(e.rhs)}" for e in eqs)
    if result is None:
        raise NotMine
    if not result:
        return Solution("system", sp.S.EmptySet, "no solution", shown)
    if len(result) > 4:
        raise NotMine
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

def evaluate(text: str) -> Solution | None:
    m = re.fullmatch(rf"(?:{ASK}(?: the value of| the answer to)?\s*:?\s+)?(.+?)(?:\s+equals?| is)?", text, re.I)
    if not m:
        return None
    fragment = m.group(1)
    if re.fullmatch(r"\s*[-+]?[\d.,]+\s*%?\s*", fragment):
        raise NotMine  # a bare number is an answer, not a question
    if re.search(r"\blog\b", fragment, re.I):
        raise NotMine  # natural or common log? only the log form above decides that
    value = read_math(fragment, numbers_only=True)
    if not value.is_finite or value.has(sp.zoo, sp.nan):
        raise NotMine
    if value.has(sp.sin, sp.cos, sp.tan) and not value.has(sp.pi) and not re.search(r"\bpi\b|π", fragment):
        raise NotMine  # sin(30): degrees or radians?
    if not value.is_Rational:
        simpler = within_bounds(sp.simplify, value)
        value = simpler if simpler.is_finite else value
    kind = "fraction" if re.search(r"\d\s*/\s*\d|\\frac", fragment) else "evaluate"
    text_value = number_text(value) if kind == "evaluate" or value.is_Integer else plain(value)
    if not value.is_Rational and value.is_real:
        text_value = f"{plain(value)} ≈ {approx(value)}" if value.free_symbols == set() else text_value
    return Solution(kind, value, text_value, plain_input(fragment))
