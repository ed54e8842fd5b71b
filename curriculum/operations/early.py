"""Operations within 20 and 100, and arrays (grades 1–2)."""

from __future__ import annotations

import random

from sympy import Integer as I

from curriculum.kit import N_, Draft, misconception, step
from curriculum.operations.common import (
    _,
    add,
    array_figure,
    item,
    mul,
    names,
    sub,
    ten_frames,
)
from tutor.figures import number_line

# --------------------------------------------------------------------------- oa.facts_20 (grades 1–2)

def facts_20(rng: random.Random, level: int) -> Draft:
    minus = level == 2 or (level == 3 and rng.random() < 0.5)
    if minus:
        c = rng.randint(11, 18)
        b = rng.randint(c - 9, 9)
        ans = c - b
        statement = _("What is {a} − {b}?").format(a=c, b=b)
        steps = [step(_("Take away {x} to get to 10: {c} − {x} = 10.").format(x=c - 10, c=c), sub(c, c - 10), 10),
                 step(_("Take away the other {y}: 10 − {y} = {ans}.").format(y=b - (c - 10), ans=ans),
                      sub(10, b - (c - 10)), ans)] if b > c - 10 else \
                [step(_("{c} − {b} = {ans}").format(c=c, b=b, ans=ans), sub(c, b), ans)]
        wrong = [misconception(N_("added instead of subtracting"), I(c + b),
                               _("Minus means take away: the answer is less than the first number.")),
                 misconception(N_("counted the starting number"), I(ans + 1),
                               _("When you count back, do not count the number you start on."))]
        data = {"a": c, "b": b}
        figure = ten_frames([c], data, _("Ten frames with counters; some are crossed out."), crossed=b)
        latex = f"{c} - {b}"
        nudge, method = (_("Take away to get to 10 first."),
                         _("Split the number you take away: first take away enough to reach 10, then take away the rest."))
    else:
        a = rng.randint(2, 9) if level == 1 else rng.randint(3, 9)
        b = rng.randint(max(2, 11 - a), 9)
        ans = a + b
        big, small = max(a, b), min(a, b)
        need = 10 - big
        statement = _("What is {a} + {b}?").format(a=a, b=b)
        steps = [step(_("Make a ten: {big} + {need} = 10.").format(big=big, need=need), add(big, need), 10),
                 step(_("{small} is {need} and {rest}, so the answer is 10 + {rest} = {ans}.").format(
                     small=small, need=need, rest=small - need, ans=ans), add(10, small - need), ans)]
        wrong = [misconception(N_("counted the starting number"), I(ans - 1),
                               _("When you count on, start counting from the next number, not the one you start on.")),
                 misconception(N_("subtracted instead of adding"), I(big - small),
                               _("Plus means put together: the answer is more than either number."))]
        data = {"a": a, "b": b}
        figure = ten_frames([a, b], data, _("Ten frames with counters in two colours, one colour for each number."))
        latex = f"{a} + {b}"
        nudge, method = (_("Can you make a ten first?"),
                         _("Move enough from the smaller number to fill the ten, then add what is left to 10."))
    return Draft(statement, latex, I(ans), str(ans), steps, nudge, method=method,
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- oa.unknown_addend (grade 1)

def unknown_addend(rng: random.Random, level: int) -> Draft:
    a = rng.randint(2, 9) if level == 1 else rng.randint(3, 12)
    c = rng.randint(a + 2, min(20, a + 9))
    ans = c - a
    if level == 3:
        statement = _("{c} − ? = {a}. What number is missing?").format(c=c, a=a)
        latex = f"{c} - ? = {a}"
    elif level == 2 and rng.random() < 0.5:
        statement = _("? + {a} = {c}. What number is missing?").format(a=a, c=c)
        latex = f"? + {a} = {c}"
    else:
        statement = _("{a} + ? = {c}. What number is missing?").format(a=a, c=c)
        latex = f"{a} + ? = {c}"
    steps = [step(_("Think of a subtraction: {c} − {a} = ?").format(c=c, a=a) if level < 3 else
                  _("Take away the missing number from {c} to leave {a}: {c} − {a} = ?").format(c=c, a=a),
                  sub(c, a), ans),
             step(_("Check: {a} + {ans} = {c}").format(a=a, ans=ans, c=c), add(a, ans), c)]
    wrong = [misconception(N_("added the two numbers"), I(a + c),
                           _("The missing number is part of the total, so it must be smaller than the total.")),
             misconception(N_("counted the starting number"), I(ans + 1),
                           _("Count on from the smaller number without counting it, or subtract to check."))]
    data = {"a": a, "c": c}
    figure = number_line(0, 20, points=[a, c], labels={a: str(a), c: str(c)}, data=data,
                         alt=_("A number line from 0 to 20 with the two known numbers marked."))
    return Draft(statement, latex, I(ans), str(ans), steps,
                 _("How far is it from the smaller number to the larger one?"),
                 method=_("Count on from the smaller number up to the larger one, or subtract the smaller from the larger."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- oa.word_100 (grade 2)

def _regroups_add(a, b):
    return a % 10 + b % 10 >= 10


def word_100(rng: random.Random, level: int) -> Draft:
    first, second = names(rng)
    thing = item(rng)
    if level == 3:
        while True:
            a, b, c = rng.randint(15, 50), rng.randint(8, 40), rng.randint(5, 30)
            if a + b < 100 and c < a + b:
                break
        ans = a + b - c
        statement = _("{name} had {a} {item}. {other} gave {name} {b} more, then {name} gave away {c}. "
                      "How many {item} does {name} have now?").format(name=first, other=second, a=a, b=b, c=c, item=thing)
        steps = [step(_("First add what {name} got: {a} + {b} = {s}").format(name=first, a=a, b=b, s=a + b), add(a, b), a + b),
                 step(_("Then take away what was given away: {s} − {c} = {ans}").format(s=a + b, c=c, ans=ans),
                      sub(a + b, c), ans)]
        wrong = [misconception(N_("did only the first step"), I(a + b),
                               _("There is a second step: some were given away afterwards.")),
                 misconception(N_("added all the numbers"), I(a + b + c),
                               _("Giving away makes the amount smaller: that part is a subtraction."))]
        nudge = _("This story has two steps: what happens first, and what happens next?")
        method = _("Work in the order of the story: add what was received, then subtract what was given away.")
    elif level == 2:
        while True:
            a, b = rng.randint(30, 95), rng.randint(11, 29)
            if a % 10 < b % 10 and a - b > 5:
                break
        ans = a - b
        statement = _("{name} has {a} {item}. {other} has {b} fewer {item} than {name}. How many {item} does {other} "
                      "have?").format(name=first, other=second, a=a, b=b, item=thing)
        steps = [step(_("Fewer means subtract: {a} − {b} = {ans}").format(a=a, b=b, ans=ans), sub(a, b), ans)]
        wrong = [misconception(N_("added instead of subtracting"), I(a + b),
                               _("Fewer than means the second amount is smaller: subtract.")),
                 misconception(N_("subtracted the smaller digit from the larger"),
                               I(10 * (a // 10 - b // 10) + abs(a % 10 - b % 10)),
                               _("When the ones on top are fewer, regroup a ten before subtracting."))]
        nudge = _("Who has fewer? Will the answer be more or less than the first amount?")
        method = _("Comparing with fewer: subtract the difference from the larger amount, regrouping a ten if needed.")
    else:
        while True:
            a, b = rng.randint(12, 69), rng.randint(12, 29)
            if _regroups_add(a, b) and a + b < 100:
                break
        ans = a + b
        statement = _("{name} has {a} {item}. {other} gives {name} {b} more. How many {item} does {name} have "
                      "now?").format(name=first, other=second, a=a, b=b, item=thing)
        steps = [step(_("Put the two amounts together: {a} + {b} = {ans}").format(a=a, b=b, ans=ans), add(a, b), ans)]
        wrong = [misconception(N_("subtracted instead of adding"), I(a - b),
                               _("Getting more makes the amount bigger: add.")),
                 misconception(N_("forgot the carried ten"), I(a + b - 10),
                               _("The ones make ten or more: carry that ten to the tens."))]
        nudge = _("Is the amount getting bigger or smaller?")
        method = _("Getting more means adding: add the ones, then the tens, carrying a ten when needed.")
    return Draft(statement, statement, I(ans), str(ans), steps, nudge, method=method,
                 answer_format=_("a whole number"), misconceptions=wrong, data={"numbers": [a, b]})


# --------------------------------------------------------------------------- oa.arrays (grade 2)

def arrays(rng: random.Random, level: int) -> Draft:
    if level == 3:
        half = rng.randint(3, 10)
        n = 2 * half
        statement = _("{n} chairs are set out in 2 equal rows. How many chairs are in each row?").format(n=n)
        steps = [step(_("Two equal rows means {n} is a double: ? + ? = {n}.").format(n=n), add(half, half), n),
                 step(_("Half of {n} is {h}.").format(n=n, h=half), div_half(n), half)]
        wrong = [misconception(N_("doubled instead of halving"), I(2 * n),
                               _("The chairs are shared into two rows, so each row has fewer than the total.")),
                 misconception(N_("took away 2"), I(n - 2),
                               _("2 is the number of rows: find the number that, added to itself, makes the total."))]
        return Draft(statement, statement, I(half), str(half), steps,
                     _("An even number splits into two equal parts."),
                     method=_("Find a number that, added to itself, makes the total (a double)."),
                     answer_format=_("a whole number"), misconceptions=wrong, data={"n": n})
    rows = rng.randint(2, 4) if level == 1 else rng.randint(3, 5)
    cols = rng.randint(2, 5) if level == 1 else rng.randint(4, 5)
    if rows == cols:
        cols += 1
    ans = rows * cols
    statement = _("An array has {r} rows with {c} dots in each row. How many dots are there?").format(r=rows, c=cols)
    steps = [step(_("Add one row at a time: {sum}").format(sum=" + ".join([str(cols)] * rows)) + " = ?",
                  add(*[cols] * rows), ans),
             step(_("{r} rows of {c} make {ans}.").format(r=rows, c=cols, ans=ans), mul(rows, cols), ans)]
    wrong = [misconception(N_("added the rows and the columns"), I(rows + cols),
                           _("Count every dot: each row has the same number of dots, so add that number once per row.")),
             misconception(N_("counted only one row"), I(cols),
                           _("There are several rows: add the dots of every row."))]
    data = {"rows": rows, "cols": cols}
    figure = array_figure(rows, cols, data, _("An array of dots in equal rows."))
    return Draft(statement, statement, I(ans), str(ans), steps,
                 _("Every row has the same number of dots."),
                 method=_("Add the number in one row again and again, once for each row (repeated addition)."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


def div_half(n):
    from sympy import Mul, Pow

    return Mul(I(n), Pow(I(2), -1, evaluate=False), evaluate=False)
