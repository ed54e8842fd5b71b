"""Ratios and rates (grades 6-7).

Each thing counted has its own phrases (``{n} red marbles``, ``How many red
marbles are there?``) rather than a noun slotted into a sentence, so a
language that counts with measure words (``{n}颗红弹珠``) reads naturally.
"""

from __future__ import annotations

import math
import random

import sympy
from sympy import Rational as R

from plugins._common import N_, Draft, SeededGenerator, _, decimal_text, skill, step
from tutor import hookimpl

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Ratios and rates")


def _thing(noun: str, counted: str, question: str) -> dict[str, str]:
    return {"noun": noun, "counted": counted, "question": question}


THINGS = [
    (_thing(N_("red marbles"), N_("{n} red marbles"), N_("How many red marbles are there?")),
     _thing(N_("blue marbles"), N_("{n} blue marbles"), N_("How many blue marbles are there?")),
     N_("{n} marbles")),
    (_thing(N_("cups of flour"), N_("{n} cups of flour"), N_("How many cups of flour are there?")),
     _thing(N_("cups of sugar"), N_("{n} cups of sugar"), N_("How many cups of sugar are there?")),
     N_("{n} cups")),
    (_thing(N_("boys"), N_("{n} boys"), N_("How many boys are there?")),
     _thing(N_("girls"), N_("{n} girls"), N_("How many girls are there?")),
     N_("{n} children")),
    (_thing(N_("cats"), N_("{n} cats"), N_("How many cats are there?")),
     _thing(N_("dogs"), N_("{n} dogs"), N_("How many dogs are there?")),
     N_("{n} pets")),
]
"""(first, second, how the two together are counted): what a ratio problem is about."""

RATES = [
    {"given": N_("{total} miles in {units} hours"), "ask": N_("How many miles per hour?"),
     "ask_more": N_("At the same rate, how many miles in {more} hours?"), "later": N_("? miles in {more} hours"),
     "per": N_("{rate} miles per hour")},
    {"given": N_("{total} dollars for {units} pounds"), "ask": N_("How many dollars per pound?"),
     "ask_more": N_("At the same price, how many dollars for {more} pounds?"), "later": N_("? dollars for {more} pounds"),
     "per": N_("{rate} dollars per pound")},
    {"given": N_("{total} pages in {units} minutes"), "ask": N_("How many pages per minute?"),
     "ask_more": N_("At the same rate, how many pages in {more} minutes?"), "later": N_("? pages in {more} minutes"),
     "per": N_("{rate} pages per minute")},
    {"given": N_("{total} liters in {units} minutes"), "ask": N_("How many liters per minute?"),
     "ask_more": N_("At the same rate, how many liters in {more} minutes?"), "later": N_("? liters in {more} minutes"),
     "per": N_("{rate} liters per minute")},
]
"""A rate's phrases: the amount given, the questions, and the unit rate."""


def equivalent(rng: random.Random, level: int) -> Draft:
    a, b = rng.randint(1, 9), rng.randint(1, 9)
    while math.gcd(a, b) != 1 or a == b:
        a, b = rng.randint(1, 9), rng.randint(1, 9)
    k = rng.randint(2, (5, 9, 15)[level - 1])
    first, second, together = rng.choice(THINGS)
    ratio = _("The ratio of {first} to {second} is {a}:{b}.").format(first=_(first["noun"]), second=_(second["noun"]),
                                                                     a=a, b=b)
    if level == 1:
        return Draft(
            _("{ratio} There are {count}. {question}").format(
                ratio=ratio, count=_(first["counted"]).format(n=a * k), question=_(second["question"])),
            rf"{a}:{b} = {a * k}:n", sympy.Integer(b * k), str(b * k),
            [
                step(_("{n} ÷ {a} = {k}, so the ratio was scaled by {k}.").format(n=a * k, a=a, k=k), R(a * k, a), k),
                step(_("{b} × {k} = {result}.").format(b=b, k=k, result=_(second["counted"]).format(n=b * k)),
                     sympy.Mul(b, k, evaluate=False), b * k),
            ],
            _("By what number was the first part of the ratio multiplied?"),
            method=_("Find the number the first part of the ratio was multiplied by, then multiply the second part by "
                     "the same number."),
            answer_format=_("a whole number"),
        )
    total = (a + b) * k
    in_all = _("in all")
    return Draft(
        _("{ratio} There are {total} in all. {question}").format(
            ratio=ratio, total=_(together).format(n=total), question=_(first["question"])),
        rf"{a}:{b},\ {total}\text{{ {in_all}}}", sympy.Integer(a * k), str(a * k),
        [
            step(_("The ratio has {a} + {b} = {parts} parts.").format(a=a, b=b, parts=a + b),
                 sympy.Add(a, b, evaluate=False), a + b),
            step(_("Each part is {total} ÷ {parts} = {k}.").format(total=total, parts=a + b, k=k), R(total, a + b), k),
            step(_("{things}: {a} × {k} = {result}.").format(things=_(first["noun"]).capitalize(), a=a, k=k, result=a * k),
                 sympy.Mul(a, k, evaluate=False), a * k),
        ],
        _("How many equal parts does the ratio split the total into?"),
        method=_("Add the parts of the ratio, divide the total by that to get one part, then multiply by the parts "
                 "asked for."),
        answer_format=_("a whole number"),
    )


def unit_rate(rng: random.Random, level: int) -> Draft:
    rate = R(rng.randint(2, 12) * (1 if level == 1 else 5), 1 if level == 1 else 10)
    units = rng.randint(2, 9)
    total = rate * units
    phrases = rng.choice(RATES)
    given = _(phrases["given"]).format(total=decimal_text(total), units=units)
    unit_step = step(_("Unit rate: {total} ÷ {units} = {rate}.").format(
        total=decimal_text(total), units=units, rate=_(phrases["per"]).format(rate=decimal_text(rate))), total / units, rate)
    if level == 3:
        more = rng.randint(10, 20)
        ans = rate * more
        return Draft(
            _("{given}. {question}").format(given=given, question=_(phrases["ask_more"]).format(more=more)),
            # The statement in LaTeX, not the method (total ÷ units × more would give it away).
            rf"\text{{{given}}} \;\to\; \text{{{_(phrases['later']).format(more=more)}}}",
            ans, decimal_text(ans),
            [
                unit_step,
                step(f"{decimal_text(rate)} × {more} = {decimal_text(ans)}", sympy.Mul(rate, more, evaluate=False), ans),
            ],
            _("First find the amount for one."),
            method=_("Divide to find the amount for one unit, then multiply by the new number of units."),
            answer_format=_("a number"),
        )
    return Draft(
        _("{given}. {question}").format(given=given, question=_(phrases["ask"])), rf"\text{{{given}}}",
        rate, decimal_text(rate),
        [step(_("Divide: {total} ÷ {units} = {rate}").format(total=decimal_text(total), units=units, rate=decimal_text(rate)),
              total / units, rate)],
        _("A unit rate is the amount for one."),
        method=_("Divide the amount by the number of units to get the amount for one."),
        answer_format=_("a number"),
    )


@hookimpl
def register_skills(register):
    register(skill("ratio.equivalent", N_("Equivalent ratios"), SUBJECT, 6, 7, ("frac.simplify",),
                   description=N_("Scale a ratio up, and share a total in a given ratio."),
                   standards=("6.RP.A.1", "6.RP.A.3a")))
    register(skill("ratio.unit_rate", N_("Unit rates"), SUBJECT, 6, 7, ("ratio.equivalent", "frac.decimals"),
                   description=N_("Find the amount for one, then use it for any amount."),
                   standards=("6.RP.A.2", "6.RP.A.3b")))


@hookimpl
def register_generators(register):
    register(SeededGenerator("ratio.equivalent", equivalent))
    register(SeededGenerator("ratio.unit_rate", unit_rate))
