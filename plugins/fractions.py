"""Fractions, decimals and percents (grades 4-7), with a lowest-terms answer checker."""

from __future__ import annotations

import math
import random
import re

import sympy
from sympy import Rational as R

from plugins._common import N_, Draft, SeededGenerator, _, decimal_text, plain, skill, step
from tutor import hookimpl
from tutor.plugin_api import Grade, Problem, compare_answers

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Fractions, decimals and percents")
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
        _("Write {n}/{d} in lowest terms.").format(n=n, d=d), rf"\frac{{{n}}}{{{d}}}", base, plain(base),
        [
            step(_("The greatest common factor of {n} and {d} is {g}.").format(n=n, d=d, g=g), sympy.gcd(n, d), g),
            step(_("Divide top and bottom by {g}: {n}/{d} = {p}/{q}").format(g=g, n=n, d=d, p=base.p, q=base.q),
                 R(n, d), base),
        ],
        _("Find a number that divides both the top and the bottom."),
        method=_("Find the greatest common factor of the top and the bottom, then divide both by it."),
        answer_format=_("a fraction in lowest terms, like 2/3"),
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
        step(_("A common denominator of {a} and {b} is {lcd}.").format(a=a.q, b=b.q, lcd=lcd), sympy.ilcm(a.q, b.q), lcd),
        step(
            _("Rewrite: {first} {op} {second}").format(first=f"{a.p * lcd // a.q}/{lcd}", op=op,
                                                        second=f"{b.p * lcd // b.q}/{lcd}"),
            sympy.Add(R(a.p * lcd // a.q, lcd), -b if sub else b, evaluate=False), ans,
        ),
        step(_("Combine the numerators and simplify: {result}").format(result=plain(ans)), a - b if sub else a + b, ans),
    ]
    return Draft(
        _("What is {a} {op} {b}?").format(a=plain(a), op=op, b=plain(b)),
        rf"\frac{{{a.p}}}{{{a.q}}} {op} \frac{{{b.p}}}{{{b.q}}}",
        ans, plain(ans), steps, _("Fractions can be added once they have the same denominator."),
        method=_("Rewrite both fractions over a common denominator, combine the numerators, then simplify."),
        answer_format=_("a fraction in lowest terms (or a whole number)"),
    )


def mult_div(rng: random.Random, level: int) -> Draft:
    a, b = _frac(rng, (5, 9, 12)[level - 1]), _frac(rng, (5, 9, 12)[level - 1])
    if level >= 2 and rng.random() < 0.5:
        ans = a / b
        steps = [
            step(_("Dividing by {b} is multiplying by its reciprocal {reciprocal}.").format(
                b=plain(b), reciprocal=f"{b.q}/{b.p}"), a / b, a * (1 / b)),
            step(_("Multiply tops and bottoms: {product} = {result}").format(
                product=f"{a.p * b.q}/{a.q * b.p}", result=plain(ans)), R(a.p * b.q, a.q * b.p), ans),
        ]
        return Draft(
            _("What is {a} ÷ {b}?").format(a=plain(a), b=plain(b)), rf"\frac{{{a.p}}}{{{a.q}}} \div \frac{{{b.p}}}{{{b.q}}}",
            ans, plain(ans), steps, _("Keep, change, flip."),
            method=_("Keep the first fraction, change ÷ to ×, flip the second fraction; then multiply tops and bottoms "
                     "and simplify."),
            answer_format=_("a fraction in lowest terms"),
        )
    ans = a * b
    steps = [
        step(_("Multiply the tops: {a} × {b} = {top}, and the bottoms: {c} × {d} = {bottom}").format(
            a=a.p, b=b.p, top=a.p * b.p, c=a.q, d=b.q, bottom=a.q * b.q), sympy.Mul(a.p, b.p, evaluate=False), a.p * b.p),
        step(_("So the product is {product} = {result}").format(product=f"{a.p * b.p}/{a.q * b.q}", result=plain(ans)),
             R(a.p * b.p, a.q * b.q), ans),
    ]
    return Draft(
        _("What is {a} × {b}?").format(a=plain(a), b=plain(b)), rf"\frac{{{a.p}}}{{{a.q}}} \times \frac{{{b.p}}}{{{b.q}}}",
        ans, plain(ans), steps, _("Multiply the numerators together and the denominators together."),
        method=_("Multiply top by top and bottom by bottom, then simplify the fraction you get."),
        answer_format=_("a fraction in lowest terms"),
    )


def decimals(rng: random.Random, level: int) -> Draft:
    places = (1, 2, 2)[level - 1]
    a = R(rng.randint(10, 999), 10**places)
    b = R(rng.randint(10, 999), 10**places)
    if level < 3:
        ans = a + b
        sa, sb = decimal_text(a), decimal_text(b)
        return Draft(
            _("What is {a} + {b}?").format(a=sa, b=sb), f"{sa} + {sb}", ans, decimal_text(ans),
            [step(_("Line up the decimal points and add: {a} + {b} = {ans}").format(a=sa, b=sb, ans=decimal_text(ans)),
                  sympy.Add(a, b, evaluate=False), ans)],
            _("Line up the decimal points before adding."),
            method=_("Write the numbers with their decimal points lined up, add as with whole numbers, and keep the "
                     "point in the same place."),
            answer_format=_("a decimal"),
        )
    b = R(rng.randint(2, 9))
    ans = a * b
    sa = decimal_text(a)
    return Draft(
        _("What is {a} × {b}?").format(a=sa, b=b), rf"{sa} \times {b}", ans, decimal_text(ans),
        [
            step(_("Multiply as whole numbers: {a} × {b} = {product}").format(a=a * 100, b=b, product=a * 100 * b),
                 sympy.Mul(a * 100, b, evaluate=False), a * 100 * b),
            step(_("Put back two decimal places: {ans}").format(ans=decimal_text(ans)), a * 100 * b / 100, ans),
        ],
        _("Multiply as if there were no decimal point, then place it."),
        method=_("Multiply the digits as whole numbers, then count the decimal places in the question and put that "
                 "many back."),
        answer_format=_("a decimal"),
    )


def percent(rng: random.Random, level: int) -> Draft:
    p = rng.choice([10, 20, 25, 50, 75] if level == 1 else [5, 12, 15, 30, 35, 40, 60, 85])
    whole = rng.choice([20, 40, 60, 80, 100, 120, 200, 360]) if level < 3 else rng.randint(2, 40) * 20
    part = R(p, 100) * whole
    if level == 3:
        # Reverse: the part and the percent are known, find the whole.
        return Draft(
            _("{part} is {p}% of what number?").format(part=decimal_text(part), p=p),
            rf"{decimal_text(part)} = {p}\% \cdot n",
            R(whole), str(whole),
            [
                step(_("{p}% means {p}/100, so {p}/100 × n = {part}.").format(p=p, part=decimal_text(part)),
                     R(p, 100) * whole, part),
                step(_("Divide: n = {part} ÷ {p}/100 = {whole}").format(part=decimal_text(part), p=p, whole=whole),
                     part / R(p, 100), whole),
            ],
            _("Write the percent as a fraction of the unknown whole."),
            method=_("Write the percent as a fraction over one hundred: that fraction times the unknown whole is the "
                     "part, so divide the part by it."),
            answer_format=_("a number"),
        )
    return Draft(
        _("What is {p}% of {whole}?").format(p=p, whole=whole), rf"{p}\% \text{{ of }} {whole}", part, decimal_text(part),
        [
            step(f"{p}% = {p}/100 = {decimal_text(R(p, 100))}", R(p, 100), R(p, 100)),
            step(f"{decimal_text(R(p, 100))} × {whole} = {decimal_text(part)}", sympy.Mul(R(p, 100), whole, evaluate=False), part),
        ],
        _("Percent means 'per hundred'."),
        method=_("Write the percent as a fraction over one hundred (or as a decimal), then multiply it by the whole."),
        answer_format=_("a number"),
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
            return Grade("refuted", _("{given} has the right value but is not in lowest terms.").format(
                given=given.strip()), "not_simplest_form")
        return grade


@hookimpl
def register_skills(register):
    register(skill("frac.simplify", N_("Simplify fractions"), SUBJECT, 4, 5, ("arith.mult_div",),
                   description=N_("Write a fraction in lowest terms by dividing by the greatest common factor."),
                   standards=("4.NF.A.1",)))
    register(skill("frac.add_sub", N_("Add and subtract fractions"), SUBJECT, 5, 6, ("frac.simplify",),
                   description=N_("Add and subtract fractions over a common denominator."),
                   standards=("5.NF.A.1",)))
    register(skill("frac.mult_div", N_("Multiply and divide fractions"), SUBJECT, 5, 6, ("frac.simplify",),
                   description=N_("Multiply fractions, and divide by multiplying by the reciprocal."),
                   standards=("5.NF.B.4", "6.NS.A.1")))
    register(skill("frac.decimals", N_("Decimal arithmetic"), SUBJECT, 5, 6, ("arith.mult_div",),
                   description=N_("Add and multiply decimals, keeping track of the decimal point."),
                   standards=("5.NBT.B.7",)))
    register(skill("frac.percent", N_("Percents"), SUBJECT, 6, 7, ("frac.decimals", "frac.mult_div"),
                   description=N_("Find a percent of a number, and the whole from a part and its percent."),
                   standards=("6.RP.A.3c",)))


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
