"""Fractions, decimals and percents (grades 4-7), with a lowest-terms answer checker."""

from __future__ import annotations

import math
import random
import re

import sympy
from sympy import Rational as R

from plugins._common import Draft, SeededGenerator, decimal_text, plain, step
from tutor import hookimpl
from tutor.plugin_api import Grade, Problem, SkillSpec, compare_answers

__version__ = "1.0.0"

SUBJECT = "Fractions, decimals and percents"
FRACTION = re.compile(r"^\s*(-?\d+)\s*/\s*(\d+)\s*$")


def _frac(rng: random.Random, max_den: int) -> R:
    d = rng.randint(2, max_den)
    return R(rng.randint(1, d - 1), d)


def simplify(rng: random.Random, level: int) -> Draft:
    base = _frac(rng, (6, 10, 15)[level - 1])
    k = rng.randint(2, (4, 6, 9)[level - 1])
    n, d = base.p * k, base.q * k
    g = math.gcd(n, d)
    return Draft(
        f"Write {n}/{d} in lowest terms.", rf"\frac{{{n}}}{{{d}}}", base, plain(base),
        [
            step(f"The greatest common factor of {n} and {d} is {g}.", sympy.gcd(n, d), g),
            step(f"Divide top and bottom by {g}: {n}/{d} = {base.p}/{base.q}", R(n, d), base),
        ],
        "Find a number that divides both the top and the bottom.", method="Find the greatest common factor of the top and the bottom, then divide both by it.",
        answer_format="a fraction in lowest terms, like 2/3",
    )


def add_sub(rng: random.Random, level: int) -> Draft:
    a, b = _frac(rng, (6, 10, 12)[level - 1]), _frac(rng, (6, 10, 12)[level - 1])
    if level == 1:
        b = R(rng.randint(1, a.q - 1), a.q) if a.q > 2 else R(1, 2)
    sub = level == 3 and a != b and rng.random() < 0.5
    if sub and a < b:
        a, b = b, a
    op = "-" if sub else "+"
    ans = a - b if sub else a + b
    lcd = sympy.ilcm(a.q, b.q)
    steps = [
        step(f"A common denominator of {a.q} and {b.q} is {lcd}.", sympy.ilcm(a.q, b.q), lcd),
        step(
            f"Rewrite: {a.p * lcd // a.q}/{lcd} {op} {b.p * lcd // b.q}/{lcd}",
            sympy.Add(R(a.p * lcd // a.q, lcd), -b if sub else b, evaluate=False), ans,
        ),
        step(f"Combine the numerators and simplify: {plain(ans)}", a - b if sub else a + b, ans),
    ]
    return Draft(
        f"What is {plain(a)} {op} {plain(b)}?", rf"\frac{{{a.p}}}{{{a.q}}} {op} \frac{{{b.p}}}{{{b.q}}}",
        ans, plain(ans), steps, "Fractions can be added once they have the same denominator.", method="Rewrite both fractions over a common denominator, combine the numerators, then simplify.",
        answer_format="a fraction in lowest terms (or a whole number)",
    )


def mult_div(rng: random.Random, level: int) -> Draft:
    a, b = _frac(rng, (5, 9, 12)[level - 1]), _frac(rng, (5, 9, 12)[level - 1])
    if level >= 2 and rng.random() < 0.5:
        ans = a / b
        steps = [
            step(f"Dividing by {plain(b)} is multiplying by its reciprocal {b.q}/{b.p}.", a / b, a * (1 / b)),
            step(f"Multiply tops and bottoms: {a.p * b.q}/{a.q * b.p} = {plain(ans)}", R(a.p * b.q, a.q * b.p), ans),
        ]
        return Draft(
            f"What is {plain(a)} ÷ {plain(b)}?", rf"\frac{{{a.p}}}{{{a.q}}} \div \frac{{{b.p}}}{{{b.q}}}",
            ans, plain(ans), steps, "Keep, change, flip.", method="Keep the first fraction, change ÷ to ×, flip the second fraction; then multiply tops and bottoms and simplify.", answer_format="a fraction in lowest terms",
        )
    ans = a * b
    steps = [
        step(f"Multiply the tops: {a.p} × {b.p} = {a.p * b.p}, and the bottoms: {a.q} × {b.q} = {a.q * b.q}",
             sympy.Mul(a.p, b.p, evaluate=False), a.p * b.p),
        step(f"So the product is {a.p * b.p}/{a.q * b.q} = {plain(ans)}", R(a.p * b.p, a.q * b.q), ans),
    ]
    return Draft(
        f"What is {plain(a)} × {plain(b)}?", rf"\frac{{{a.p}}}{{{a.q}}} \times \frac{{{b.p}}}{{{b.q}}}",
        ans, plain(ans), steps, "Multiply the numerators together and the denominators together.", method="Multiply top by top and bottom by bottom, then simplify the fraction you get.",
        answer_format="a fraction in lowest terms",
    )


def decimals(rng: random.Random, level: int) -> Draft:
    places = (1, 2, 2)[level - 1]
    a = R(rng.randint(10, 999), 10**places)
    b = R(rng.randint(10, 999), 10**places)
    if level < 3:
        ans = a + b
        sa, sb = decimal_text(a), decimal_text(b)
        return Draft(
            f"What is {sa} + {sb}?", f"{sa} + {sb}", ans, decimal_text(ans),
            [step(f"Line up the decimal points and add: {sa} + {sb} = {decimal_text(ans)}", sympy.Add(a, b, evaluate=False), ans)],
            "Line up the decimal points before adding.", method="Write the numbers with their decimal points lined up, add as with whole numbers, and keep the point in the same place.", answer_format="a decimal",
        )
    b = R(rng.randint(2, 9))
    ans = a * b
    sa = decimal_text(a)
    return Draft(
        f"What is {sa} × {b}?", rf"{sa} \times {b}", ans, decimal_text(ans),
        [
            step(f"Multiply as whole numbers: {a * 100} × {b} = {a * 100 * b}", sympy.Mul(a * 100, b, evaluate=False), a * 100 * b),
            step(f"Put back two decimal places: {decimal_text(ans)}", a * 100 * b / 100, ans),
        ],
        "Multiply as if there were no decimal point, then place it.", method="Multiply the digits as whole numbers, then count the decimal places in the question and put that many back.", answer_format="a decimal",
    )


def percent(rng: random.Random, level: int) -> Draft:
    p = rng.choice([10, 20, 25, 50, 75] if level == 1 else [5, 12, 15, 30, 35, 40, 60, 85])
    whole = rng.choice([20, 40, 60, 80, 100, 120, 200, 360]) if level < 3 else rng.randint(2, 40) * 20
    part = R(p, 100) * whole
    if level == 3:
        # Reverse: the part and the percent are known, find the whole.
        return Draft(
            f"{decimal_text(part)} is {p}% of what number?", rf"{decimal_text(part)} = {p}\% \cdot n",
            R(whole), str(whole),
            [
                step(f"{p}% means {p}/100, so {p}/100 × n = {decimal_text(part)}.", R(p, 100) * whole, part),
                step(f"Divide: n = {decimal_text(part)} ÷ {p}/100 = {whole}", part / R(p, 100), whole),
            ],
            "Write the percent as a fraction of the unknown whole.", method="Write the percent as a fraction over one hundred: that fraction times the unknown whole is the part, so divide the part by it.", answer_format="a number",
        )
    return Draft(
        f"What is {p}% of {whole}?", rf"{p}\% \text{{ of }} {whole}", part, decimal_text(part),
        [
            step(f"{p}% = {p}/100 = {decimal_text(R(p, 100))}", R(p, 100), R(p, 100)),
            step(f"{decimal_text(R(p, 100))} × {whole} = {decimal_text(part)}", sympy.Mul(R(p, 100), whole, evaluate=False), part),
        ],
        "Percent means 'per hundred'.", method="Write the percent as a fraction over one hundred (or as a decimal), then multiply it by the whole.", answer_format="a number",
    )


class LowestTermsChecker:
    """Equal in value is not enough for 'write in lowest terms': 4/6 is refuted with a tag."""

    skill_id = "frac.simplify"

    def check(self, given: str, problem: Problem) -> Grade:
        grade = compare_answers(given, problem.answer)
        if grade.status != "verified":
            return grade
        m = FRACTION.match(given)
        if m and math.gcd(int(m.group(1)), int(m.group(2))) != 1:
            return Grade("refuted", f"{given.strip()} has the right value but is not in lowest terms.", "not_simplest_form")
        return grade


@hookimpl
def register_skills(register):
    register(SkillSpec("frac.simplify", "Simplify fractions", SUBJECT, 4, 5, ("arith.mult_div",)))
    register(SkillSpec("frac.add_sub", "Add and subtract fractions", SUBJECT, 5, 6, ("frac.simplify",)))
    register(SkillSpec("frac.mult_div", "Multiply and divide fractions", SUBJECT, 5, 6, ("frac.simplify",)))
    register(SkillSpec("frac.decimals", "Decimal arithmetic", SUBJECT, 5, 6, ("arith.mult_div",)))
    register(SkillSpec("frac.percent", "Percents", SUBJECT, 6, 7, ("frac.decimals", "frac.mult_div")))


@hookimpl
def register_generators(register):
    register(SeededGenerator("frac.simplify", simplify))
    register(SeededGenerator("frac.add_sub", add_sub))
    register(SeededGenerator("frac.mult_div", mult_div))
    register(SeededGenerator("frac.decimals", decimals))
    register(SeededGenerator("frac.percent", percent))


@hookimpl
def register_checkers(register):
    register(LowestTermsChecker())
