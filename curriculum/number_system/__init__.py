"""The number system (Common Core NS, grades 6–8): dividing fractions, factors and multiples, decimals, negative
numbers and absolute value on the number line, the four operations with rational numbers, roots and irrational
numbers."""

from __future__ import annotations

from curriculum.kit import N_, catalogue, register_table
from curriculum.number_system import gen
from tutor import hookimpl

__version__ = "0.1.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "number_system")

SUBJECT = N_("The number system")

SKILLS = [
    ("ns.divide_fractions", N_("Divide fractions by fractions"), 6, 6, ("frac.mult_div",),
     N_("Divide a fraction by a fraction, in stories about how many pieces fit."), ("6.NS.A.1",),
     gen.divide_fractions),
    ("ns.gcf_lcm", N_("Greatest common factor and least common multiple"), 6, 6, ("arith.mult_div",),
     N_("Find the greatest common factor and the least common multiple of two whole numbers."), ("6.NS.B.4",),
     gen.gcf_lcm),
    ("ns.decimals", N_("Multi-digit decimal operations"), 6, 6, ("frac.decimals",),
     N_("Add, subtract, multiply and divide multi-digit decimals."), ("6.NS.B.3",), gen.decimals),
    ("ns.integers_line", N_("Negative numbers and opposites"), 6, 6, (),
     N_("Place positive and negative numbers on the number line and find opposites."),
     ("6.NS.C.5", "6.NS.C.6a", "6.NS.C.6c"), gen.integers_line),
    ("ns.absolute_compare", N_("Absolute value and comparing rational numbers"), 6, 6, ("ns.integers_line",),
     N_("Find absolute values as distances from 0 and compare negative numbers."),
     ("6.NS.C.7a", "6.NS.C.7b", "6.NS.C.7c"), gen.absolute_compare),
    ("ns.add_sub_rational", N_("Add and subtract rational numbers"), 7, 7, ("ns.absolute_compare",),
     N_("Add and subtract positive and negative numbers, including fractions and decimals."),
     ("7.NS.A.1b", "7.NS.A.1c", "7.NS.A.1d"), gen.add_sub_rational),
    ("ns.mult_div_rational", N_("Multiply and divide rational numbers"), 7, 7, ("ns.add_sub_rational",),
     N_("Multiply and divide positive and negative numbers, deciding the sign by the negative signs."),
     ("7.NS.A.2a", "7.NS.A.2b", "7.NS.A.2c"), gen.mult_div_rational),
    ("ns.roots", N_("Square roots and cube roots"), 8, 8, ("int.exponents",),
     N_("Find square roots of perfect squares and cube roots of perfect cubes."), ("8.EE.A.2",), gen.roots),
    ("ns.estimate_roots", N_("Estimate square roots"), 8, 8, ("ns.roots",),
     N_("Find the whole numbers a square root lies between, and round it to the nearest whole number."),
     ("8.NS.A.2",), gen.estimate_roots),
    ("ns.rational_irrational", N_("Rational and irrational numbers"), 8, 8, ("ns.roots",),
     N_("Tell rational numbers from irrational ones."), ("8.NS.A.1",), gen.rational_irrational),
]


@hookimpl
def register_skills(register):
    register_table(register, None, SKILLS, _, SUBJECT)


@hookimpl
def register_generators(register):
    register_table(None, register, SKILLS, _, SUBJECT)
