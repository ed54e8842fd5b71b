"""Multiplication and division facts, two-step problems, factors, patterns and expressions (grades 3–5)."""

from __future__ import annotations

import random

import sympy
from sympy import Integer as I
from sympy import Rational as R

from curriculum.kit import N_, Draft, misconception, step
from curriculum.operations.common import (
    _,
    add,
    container,
    div,
    groups_figure,
    item,
    mul,
    names,
    sub,
)

# --------------------------------------------------------------------------- oa.mult_groups (grade 3)

def mult_groups(rng: random.Random, level: int) -> Draft:
    g = rng.randint(2, 5) if level == 1 else rng.randint(3, 9)
    k = rng.randint(2, 9) if level == 1 else rng.randint(4, 9) if level == 2 else rng.randint(6, 9)
    ans = g * k
    figure = None
    data = {"groups": g, "each": k}
    if level == 1:
        thing, box = item(rng), container(rng)
        statement = _("There are {g} {box} with {k} {item} in each. How many {item} are there in all?").format(
            g=g, box=box, k=k, item=thing)
        figure = groups_figure(g, k, data, _("Equal groups: circles with the same number of dots in each."))
    else:
        statement = _("What is {a} × {b}?").format(a=g, b=k)
    steps = [step(_("{g} groups of {k}: skip-count by {k}, {g} times.").format(g=g, k=k), add(*[k] * g), ans),
             step(_("{g} × {k} = {ans}").format(g=g, k=k, ans=ans), mul(g, k), ans)]
    wrong = [misconception(N_("added instead of multiplying"), I(g + k),
                           _("Multiplying counts equal groups: add the group size once for every group.")),
             misconception(N_("counted one group too few"), I(ans - k),
                           _("When you skip-count, keep track of how many groups you have counted.")),
             misconception(N_("counted one group too many"), I(ans + k),
                           _("When you skip-count, stop after the last group."))]
    return Draft(statement, rf"{g} \times {k}", I(ans), str(ans), steps,
                 _("Multiplication counts equal groups."),
                 method=_("Skip-count by the size of a group, once for each group, or use a fact you know."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- oa.div_unknown (grade 3)

def div_unknown(rng: random.Random, level: int) -> Draft:
    a, b = rng.randint(2, 9), rng.randint(2, 9) if level == 1 else rng.randint(3, 10)
    c = a * b
    if level == 3:
        thing, box = item(rng), container(rng)
        statement = _("{c} {item} are shared equally into {a} {box}. How many {item} go in each?").format(
            c=c, item=thing, a=a, box=box)
        latex = rf"{c} \div {a}"
    elif level == 2:
        statement = _("{a} × ? = {c}. What is the missing factor?").format(a=a, c=c)
        latex = rf"{a} \times ? = {c}"
    else:
        statement = _("What is {c} ÷ {a}?").format(c=c, a=a)
        latex = rf"{c} \div {a}"
    steps = [step(_("Think of multiplication: {a} × ? = {c}.").format(a=a, c=c), mul(a, b), c),
             step(_("{c} ÷ {a} = {b}").format(c=c, a=a, b=b), div(c, a), b)]
    wrong = [misconception(N_("subtracted instead of dividing"), I(c - a),
                           _("Dividing shares into equal groups: find how many in each group, not what is left.")),
                    misconception(N_("multiplied instead of dividing"), I(c * a),
                           _("Sharing makes each part smaller than the total: divide.")),
             misconception(N_("counted one group too many"), I(b + 1),
                           _("Check with multiplication: the factor times the other must give the total exactly."))]
    return Draft(statement, latex, I(b), str(b), steps,
                 _("Division asks for a missing factor."),
                 method=_("Find the number that multiplies the known factor to make the total; use a multiplication "
                          "fact you know."),
                 answer_format=_("a whole number"), misconceptions=wrong, data={"a": a, "c": c})


# --------------------------------------------------------------------------- oa.two_step (grade 3)

def two_step(rng: random.Random, level: int) -> Draft:
    first, _other = names(rng)
    thing, box = item(rng), container(rng)
    if level == 1:
        g, k, h = rng.randint(2, 9), rng.randint(3, 9), rng.randint(5, 30)
        ans = g * k + h
        nums = [h, g, k]
        statement = _("{name} has {h} {item} and buys {g} {box} with {k} {item} in each. How many {item} does "
                      "{name} have now?").format(name=first, h=h, g=g, k=k, item=thing, box=box)
        steps = [step(_("The new ones: {g} × {k} = {p}").format(g=g, k=k, p=g * k), mul(g, k), g * k),
                 step(_("Add the ones {name} already had: {p} + {h} = {ans}").format(name=first, p=g * k, h=h, ans=ans),
                      add(g * k, h), ans)]
        wrong = [misconception(N_("added all the numbers"), I(g + k + h),
                               _("Equal groups are multiplied: find the number in all the new groups first.")),
                 misconception(N_("did only the first step"), I(g * k),
                               _("There is a second step: add the ones that were there before."))]
    elif level == 2:
        g, each, h = rng.randint(2, 9), rng.randint(3, 9), rng.randint(3, 12)
        t = g * each + h
        ans = each
        nums = [t, h, g]
        statement = _("{name} had {t} {item}, gave away {h} and shared the rest equally among {g} friends. How many "
                      "{item} did each friend get?").format(name=first, t=t, h=h, g=g, item=thing)
        steps = [step(_("What is left to share: {t} − {h} = {r}").format(t=t, h=h, r=t - h), sub(t, h), t - h),
                 step(_("Share equally: {r} ÷ {g} = {ans}").format(r=t - h, g=g, ans=ans), div(t - h, g), ans)]
        wrong = [misconception(N_("did only the first step"), I(t - h),
                               _("There is a second step: the rest is shared equally.")),
                 misconception(N_("shared before taking away"), R(t, g) - h,
                               _("Follow the order of the story: take away first, then share what is left."))]
    else:
        g, k = rng.randint(3, 9), rng.randint(4, 9)
        u = rng.randint(5, g * k - 3)
        ans = g * k - u
        nums = [g, k, u]
        statement = _("There are {g} {box} with {k} {item} in each. {name} uses {u} of them. How many {item} are "
                      "left?").format(g=g, box=box, k=k, item=thing, name=first, u=u)
        steps = [step(_("How many in all: {g} × {k} = {p}").format(g=g, k=k, p=g * k), mul(g, k), g * k),
                 step(_("Take away the ones used: {p} − {u} = {ans}").format(p=g * k, u=u, ans=ans), sub(g * k, u), ans)]
        wrong = [misconception(N_("did only the first step"), I(g * k),
                               _("There is a second step: take away the ones that were used.")),
                 misconception(N_("added instead of subtracting"), I(g * k + u),
                               _("Using some up leaves fewer: subtract."))]
    return Draft(statement, statement, I(ans), str(ans), steps,
                 _("This story has two steps: what do you find first?"),
                 method=_("Write one equation for each step, using a letter or ? for what you do not know yet, and "
                          "solve them in the order of the story; check that the answer makes sense."),
                 answer_format=_("a whole number"), misconceptions=wrong, data={"numbers": nums})


# --------------------------------------------------------------------------- oa.factors (grade 4)

ODD_COMPOSITES = (9, 15, 21, 25, 27, 33, 35, 39, 45, 49, 51, 57, 63, 69, 77, 81, 87, 91, 93)


def factors(rng: random.Random, level: int) -> Draft:
    if level == 1:
        n = rng.choice([12, 16, 18, 20, 24, 28, 30, 32, 36, 40, 42, 45, 48])
        fs = sorted(sympy.divisors(n))
        answer = frozenset(I(f) for f in fs)
        pair = fs[1], n // fs[1]
        statement = _("List all the factors of {n}.").format(n=n)
        steps = [step(_("Test each number in turn: does it divide {n} with nothing left over? Factors come in pairs, "
                        "like {a} × {b} = {n}.").format(n=n, a=pair[0], b=pair[1]), mul(*pair), n),
                 step(_("The factors of {n} are: {list}.").format(n=n, list=", ".join(map(str, fs))), answer, answer)]
        inner = tuple(I(f) for f in fs[1:-1])
        wrong = [misconception(N_("left out 1 and the number itself"), inner,
                               _("1 and the number itself are always factors: every number is 1 times itself.")),
                 misconception(N_("listed multiples instead of factors"), tuple(I(n * k) for k in range(1, 5)),
                               _("Factors divide the number; they are never bigger than the number."))]
        return Draft(statement, statement, answer, ", ".join(map(str, fs)), steps,
                     _("Which numbers divide it with nothing left over?"),
                     method=_("Try each whole number in turn, starting from one; each one that divides exactly gives a "
                              "factor pair. Stop when the pairs start to repeat."),
                     answer_format=_("the factors separated by commas"), misconceptions=wrong, data={"n": n})
    top = 50 if level == 2 else 100
    prime = rng.choice([p for p in sympy.primerange(11, top)])
    odd = rng.choice([c for c in ODD_COMPOSITES if c < top])
    even = rng.randrange(12, top, 2)
    options = [prime, odd, even]
    if level == 3:
        options.append(1)
    rng.shuffle(options)
    low = min(d for d in range(2, odd) if odd % d == 0)
    statement = _("Which of these numbers is prime: {list}?").format(list=", ".join(map(str, options)))
    steps = [step(_("{n} = {a} × {b}, so it is composite.").format(n=odd, a=low, b=odd // low), mul(low, odd // low), odd),
             step(_("{n} = 2 × {b}, so it is composite.").format(n=even, b=even // 2), mul(2, even // 2), even),
             step(_("{p} has only the factors 1 and {p}, so it is prime.").format(p=prime),
                  sympy.Integer(len(sympy.divisors(prime))), 2)]
    wrong = [misconception(N_("thought odd numbers are prime"), I(odd),
                           _("Being odd is not enough: look for a factor other than 1 and the number.")),
             misconception(N_("chose a composite number"), I(even),
                           _("An even number greater than 2 has 2 as a factor, so it is not prime."))]
    if level == 3:
        wrong.append(misconception(N_("thought 1 is prime"), I(1),
                                   _("A prime has exactly two factors; 1 has only one.")))
    return Draft(statement, statement, I(prime), str(prime), steps,
                 _("A prime number has exactly two factors."),
                 method=_("For each number, look for a factor other than 1 and itself; the number with none is prime."),
                 answer_format=_("one number"), misconceptions=wrong, data={"options": options})


# --------------------------------------------------------------------------- oa.patterns (grade 4)

def patterns(rng: random.Random, level: int) -> Draft:
    n = rng.randint(5, 8)
    if level == 3:
        s, k = rng.randint(1, 4), rng.choice([2, 3])
        n = rng.randint(5, 6)
        terms = [s * k**i for i in range(4)]
        ans = s * k ** (n - 1)
        statement = _("A pattern starts at {s} and each number is {k} times the one before: {a}, {b}, {c}, {d}, … "
                      "What is number {n} in the pattern?").format(s=s, k=k, a=terms[0], b=terms[1], c=terms[2],
                                                                  d=terms[3], n=n)
        steps = [step(_("From the first number to number {n} there are {m} steps.").format(n=n, m=n - 1), sub(n, 1), n - 1),
                 step(_("{s} × {k} multiplied {m} times: {ans}").format(s=s, k=k, m=n - 1, ans=ans),
                      sympy.Mul(I(s), sympy.Pow(I(k), I(n - 1), evaluate=False), evaluate=False), ans)]
        wrong = [misconception(N_("counted one step too many"), I(s * k**n),
                               _("The first number is already in the pattern: count the steps between numbers, "
                                 "not the numbers.")),
                 misconception(N_("added instead of multiplying"), I(s + (n - 1) * k),
                               _("The rule says times: each number is multiplied, not increased by the same amount."))]
        data = {"terms": terms}
    else:
        if level == 1:
            s, k = rng.randint(1, 9), rng.randint(2, 9)
            sign = 1
        else:
            k = rng.randint(3, 9)
            s = rng.randint(k * 8, k * 8 + 30)
            sign = -1
        terms = [s + sign * k * i for i in range(4)]
        ans = s + sign * k * (n - 1)
        if sign > 0:
            statement = _("A pattern starts at {s} and adds {k} each time: {a}, {b}, {c}, {d}, … What is number {n} "
                          "in the pattern?").format(s=s, k=k, a=terms[0], b=terms[1], c=terms[2], d=terms[3], n=n)
        else:
            statement = _("A pattern starts at {s} and subtracts {k} each time: {a}, {b}, {c}, {d}, … What is number "
                          "{n} in the pattern?").format(s=s, k=k, a=terms[0], b=terms[1], c=terms[2], d=terms[3], n=n)
        steps = [step(_("From the first number to number {n} there are {m} steps.").format(n=n, m=n - 1), sub(n, 1), n - 1),
                 step(_("{m} steps of {k}: {m} × {k} = {t}").format(m=n - 1, k=k, t=(n - 1) * k), mul(n - 1, k), (n - 1) * k),
                 step(_("So number {n} is {ans}.").format(n=n, ans=ans), add(s, sign * (n - 1) * k), ans)]
        wrong = [misconception(N_("counted one step too many"), I(s + sign * k * n),
                               _("The first number is already in the pattern: count the steps between numbers, "
                                 "not the numbers.")),
                 misconception(N_("multiplied the position by the step"), I(n * k),
                               _("The pattern does not start at 0: begin from the first number and count the "
                                 "steps."))]
        data = {"terms": terms}
    return Draft(statement, statement, I(ans), str(ans), steps,
                 _("How many steps are there from the first number to the one asked for?"),
                 method=_("Count the steps from the first number (one fewer than the position) and apply the rule "
                          "that many times."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data)


# --------------------------------------------------------------------------- oa.expressions (grade 5)

def expressions(rng: random.Random, level: int) -> Draft:
    a, b, c = rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9)
    if level == 1:
        ans = a * (b + c)
        text, latex = f"{a} × ({b} + {c})", rf"{a} \times ({b} + {c})"
        steps = [step(_("Parentheses first: {b} + {c} = {s}").format(b=b, c=c, s=b + c), add(b, c), b + c),
                 step(_("Then {a} × {s} = {ans}").format(a=a, s=b + c, ans=ans), mul(a, b + c), ans)]
        wrong = [misconception(N_("ignored the parentheses"), I(a * b + c),
                               _("Work out what is inside the parentheses before multiplying.")),
                 misconception(N_("added all the numbers"), I(a + b + c),
                               _("The × sign means multiply the parentheses' value, not add."))]
    elif level == 2:
        ans = a + b * c
        text, latex = f"{a} + {b} × {c}", rf"{a} + {b} \times {c}"
        steps = [step(_("Multiply before adding: {b} × {c} = {p}").format(b=b, c=c, p=b * c), mul(b, c), b * c),
                 step(_("Then {a} + {p} = {ans}").format(a=a, p=b * c, ans=ans), add(a, b * c), ans)]
        wrong = [misconception(N_("worked left to right"), I((a + b) * c),
                               _("Without parentheses, multiplication comes before addition, wherever it stands.")),
                 misconception(N_("added all the numbers"), I(a + b + c),
                               _("The × sign means multiply those two numbers first."))]
    else:
        c = max(c, 3)
        d = rng.randint(1, c - 1)
        ans = (a + b) * c - d
        text, latex = f"({a} + {b}) × {c} − {d}", rf"({a} + {b}) \times {c} - {d}"
        steps = [step(_("Parentheses first: {a} + {b} = {s}").format(a=a, b=b, s=a + b), add(a, b), a + b),
                 step(_("Multiply next: {s} × {c} = {p}").format(s=a + b, c=c, p=(a + b) * c), mul(a + b, c), (a + b) * c),
                 step(_("Subtract last: {p} − {d} = {ans}").format(p=(a + b) * c, d=d, ans=ans), sub((a + b) * c, d), ans)]
        wrong = [misconception(N_("ignored the parentheses"), I(a + b * c - d),
                               _("Parentheses come first: add inside them before multiplying.")),
                 misconception(N_("subtracted before multiplying"), I((a + b) * (c - d)),
                               _("After the parentheses, multiply before you subtract."))]
    statement = _("Work out {expr}.").format(expr=text)
    return Draft(statement, latex, I(ans), str(ans), steps,
                 _("Which part do you work out first?"),
                 method=_("Parentheses first, then multiplication and division, then addition and subtraction from "
                          "left to right."),
                 answer_format=_("a whole number"), misconceptions=wrong, data={"expression": text})
