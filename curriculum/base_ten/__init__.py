"""Curriculum plugin base_ten: place value and whole-number operations in base ten (Common Core NBT, grades 1–5)."""

from __future__ import annotations

import re

from curriculum.base_ten import early, later
from curriculum.kit import N_, catalogue, register_table
from tutor import hookimpl
from tutor.plugin_api import Grade, Problem, compare_answers

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "base_ten")

SUBJECT = N_("Place value and whole numbers")

SKILLS = [
    ("nbt.tens_ones", N_("Tens and ones"), 1, 1, (),
     N_("Read and build numbers to 120 from tens and ones, and find 10 more or 10 less."),
     ("1.NBT.B.2", "1.NBT.A.1", "1.NBT.C.5"), early.tens_ones),
    ("nbt.compare", N_("Compare two-digit numbers"), 1, 1, ("nbt.tens_ones",),
     N_("Order two-digit numbers by comparing tens first, then ones."), ("1.NBT.B.3",), early.compare),
    ("nbt.add_100", N_("Add within 100 with regrouping"), 1, 2, ("nbt.tens_ones",),
     N_("Add two-digit numbers, regrouping ten ones as a ten."), ("1.NBT.C.4", "2.NBT.B.5"), early.add_100),
    ("nbt.sub_100", N_("Subtract within 100 with regrouping"), 2, 2, ("nbt.add_100",),
     N_("Subtract two-digit numbers, regrouping a ten as ten ones."), ("2.NBT.B.5",), early.sub_100),
    ("nbt.place_value_1000", N_("Place value to 1000"), 2, 2, ("nbt.tens_ones",),
     N_("Hundreds, tens and ones: read, write and expand three-digit numbers."), ("2.NBT.A.1", "2.NBT.A.3"),
     early.place_value_1000),
    ("nbt.add_sub_1000", N_("Add and subtract within 1000"), 2, 3, ("nbt.sub_100", "nbt.place_value_1000"),
     N_("Add and subtract three-digit numbers with the standard algorithm."), ("2.NBT.B.7", "3.NBT.A.2"),
     early.add_sub_1000),
    ("nbt.round", N_("Round to the nearest 10 or 100"), 3, 3, ("nbt.place_value_1000",),
     N_("Round whole numbers to the nearest ten or hundred."), ("3.NBT.A.1",), later.round_3),
    ("nbt.mult_tens", N_("Multiply by multiples of 10"), 3, 3, ("nbt.place_value_1000",),
     N_("Multiply a one-digit number by a multiple of ten using place value."), ("3.NBT.A.3",), later.mult_tens),
    ("nbt.round_large", N_("Place value to a million and rounding"), 4, 4, ("nbt.round",),
     N_("Round multi-digit whole numbers to any place."), ("4.NBT.A.3", "4.NBT.A.2"), later.round_large),
    ("nbt.multiply", N_("Multi-digit multiplication"), 4, 5, ("nbt.mult_tens", "arith.mult_div"),
     N_("Multiply multi-digit numbers with partial products and the standard algorithm."),
     ("4.NBT.B.5", "5.NBT.B.5"), later.multiply),
    ("nbt.divide", N_("Long division with remainders"), 4, 5, ("nbt.multiply",),
     N_("Divide multi-digit numbers and give the quotient and the remainder."), ("4.NBT.B.6", "5.NBT.B.6"),
     later.divide),
    ("nbt.decimals", N_("Decimal place value and powers of ten"), 5, 5, ("nbt.round_large",),
     N_("Read the value of decimal digits and multiply or divide by 10, 100 and 1000."), ("5.NBT.A.1", "5.NBT.A.2"),
     later.decimals),
]

_REMAINDER = re.compile(r"^\s*(\d+)\s*(?:r|R|rem|remainder|余|……|…|\.\.\.\.\.\.|\.\.\.)\s*(\d+)\s*$")


def graded(text: str, problem: Problem) -> Grade:
    """``text`` (already rewritten in the verifier's form) against the answer; a wrong one that is a common
    misconception is named here, since the tutor would compare the student's own spelling."""
    grade = compare_answers(text, problem.answer)
    if grade.status == "refuted":
        for m in problem.misconceptions:
            if compare_answers(text, m.answer).status == "verified":
                return Grade("refuted", m.explanation, m.tag)
    return grade


class RemainderChecker:
    """Reads a quotient with a remainder as a child writes it: "26 R 1", "26 remainder 1", "26……1", "26, 1"."""

    skill_id = "nbt.divide"

    def check(self, given: str, problem: Problem) -> Grade:
        m = _REMAINDER.match(given or "")
        text = f"{m.group(1)}, {m.group(2)}" if m else given
        return graded(text, problem)


class OrderChecker:
    """An order written with signs reads as the list: "39 < 47 < 74" is "39, 47, 74"."""

    skill_id = "nbt.compare"

    def check(self, given: str, problem: Problem) -> Grade:
        text = given or ""
        if "<" in text and not re.search(r"[^\d\s<]", text):
            text = ", ".join(part.strip() for part in text.split("<"))
        return graded(text, problem)


@hookimpl
def register_skills(register):
    register_table(register, None, SKILLS, _, SUBJECT)


@hookimpl
def register_generators(register):
    register_table(None, register, SKILLS, _, SUBJECT)


@hookimpl
def register_checkers(register):
    register(RemainderChecker())
    register(OrderChecker())
