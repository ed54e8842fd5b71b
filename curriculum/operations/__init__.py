"""Curriculum plugin operations: operations and algebraic thinking (Common Core OA, grades 1–5)."""

from __future__ import annotations

from curriculum.kit import N_, catalogue, register_table
from curriculum.operations import early, later
from tutor import hookimpl

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "operations")

SUBJECT = N_("Operations and algebraic thinking")

SKILLS = [
    ("oa.facts_20", N_("Addition and subtraction facts within 20"), 1, 2, (),
     N_("Add and subtract within 20 by making a ten and counting on or back."), ("1.OA.C.6", "2.OA.B.2"),
     early.facts_20),
    ("oa.unknown_addend", N_("Find the missing number"), 1, 1, ("oa.facts_20",),
     N_("Find the unknown number in an addition or subtraction equation within 20."), ("1.OA.D.8", "1.OA.B.4"),
     early.unknown_addend),
    ("oa.word_100", N_("Word problems within 100"), 2, 2, ("oa.facts_20",),
     N_("Solve one- and two-step addition and subtraction stories within 100."), ("2.OA.A.1",), early.word_100),
    ("oa.arrays", N_("Arrays and equal rows"), 2, 2, ("oa.facts_20",),
     N_("Count the objects in an array by repeated addition, and split an even number into two equal rows."),
     ("2.OA.C.4", "2.OA.C.3"), early.arrays),
    ("oa.mult_groups", N_("Multiplication as equal groups"), 3, 3, ("oa.arrays",),
     N_("Multiply within 100 by thinking of equal groups."), ("3.OA.A.1", "3.OA.C.7"), later.mult_groups),
    ("oa.div_unknown", N_("Division as an unknown factor"), 3, 3, ("oa.mult_groups",),
     N_("Divide within 100 by finding the missing factor of a multiplication."), ("3.OA.B.6", "3.OA.A.2", "3.OA.A.4"),
     later.div_unknown),
    ("oa.two_step", N_("Two-step word problems"), 3, 3, ("oa.div_unknown", "oa.word_100"),
     N_("Solve two-step word problems with the four operations."), ("3.OA.D.8",), later.two_step),
    ("oa.factors", N_("Factors, multiples and primes"), 4, 4, ("oa.div_unknown",),
     N_("List factor pairs and tell prime numbers from composite ones."), ("4.OA.B.4",), later.factors),
    ("oa.patterns", N_("Number patterns"), 4, 4, ("oa.mult_groups",),
     N_("Continue a number pattern that follows a rule."), ("4.OA.C.5",), later.patterns),
    ("oa.expressions", N_("Expressions with parentheses"), 5, 5, ("oa.two_step",),
     N_("Evaluate numerical expressions with parentheses in the right order."), ("5.OA.A.1",), later.expressions),
]


@hookimpl
def register_skills(register):
    register_table(register, None, SKILLS, _, SUBJECT)


@hookimpl
def register_generators(register):
    register_table(None, register, SKILLS, _, SUBJECT)
