"""Generators of the fraction_models plugin (grades 3–5): every problem is drawn as a model from its numbers."""

from __future__ import annotations

import math
import random

import sympy
from sympy import Rational as R

from curriculum.fraction_models.draw import (
    area_model,
    fraction_bars,
    fraction_circles,
    fraction_line,
    hundred_grid,
)
from curriculum.kit import (
    N_,
    Draft,
    catalogue,
    decimal_text,
    misconception,
    plain,
    step,
)

_ = catalogue(__file__, "fraction_models")

# What the whole is, for the model agent (msgids; the agent translates them).
BAR = N_("one strip")
CIRCLE = N_("one circle")
LINE = N_("the space from 0 to 1 on the number line")
SQUARE = N_("one square")
GRID100 = N_("one square of 100 small squares")

T_UNSHADED = N_("counted the unshaded parts")
T_PART_PART = N_("compared shaded parts to unshaded parts")
T_SHADED = N_("counted the shaded parts")
T_TICKS = N_("counted tick marks instead of spaces")
T_WHOLE_LINE = N_("took the whole line as one whole")
T_TICK_ZERO = N_("counted the tick mark at 0 as a space")
T_ADDITIVE = N_("added instead of multiplying")
T_ONE_PART = N_("changed only one part of the fraction")
T_BIG_DEN = N_("thought a bigger denominator means a bigger fraction")
T_SMALLER = N_("chose the smaller fraction")
T_NUMERATORS = N_("compared only the numerators")
T_WHOLE_NUM = N_("added the whole number to the numerator")
T_DIGITS = N_("wrote the whole number and numerator side by side")
T_SWAP = N_("swapped the whole number and the remainder")
T_ADD_DEN = N_("added the denominators")
T_WRONG_OP = N_("added instead of subtracting")
T_DROP_WHOLE = N_("left out the whole numbers")
T_NO_DEN = N_("wrote only the numerator")
T_SUB_ACROSS = N_("subtracted the numerators and the denominators")
T_KEEP_TOP = N_("did not take the wholes out of the numerator")
T_BOTH = N_("multiplied the denominator too")
T_ADD_WHOLE = N_("added the whole number instead of multiplying")
T_KEPT_TOP = N_("kept the numerator the same")
T_TENTHS = N_("did not change tenths to hundredths")
T_LONGER = N_("thought more digits means a bigger decimal")
T_ADD_ACROSS = N_("added the numerators and the denominators")
T_KEPT_NUMS = N_("changed the denominators but not the numerators")
T_ADD_FOR_MULT = N_("added instead of multiplying")
T_TOP_ONLY = N_("multiplied only the numerators")
T_MULT_FOR_DIV = N_("multiplied instead of dividing")
T_FLIP = N_("flipped the wrong number")


def frac_text(r: R) -> str:
    return plain(r)


def mixed_text(r: R) -> str:
    """5/2 -> '2 1/2'; a whole number or a proper fraction as usual."""
    if r.q == 1 or abs(r) < 1:
        return plain(r)
    w, n = divmod(r.p, r.q)
    return f"{w} {n}/{r.q}"


FRACTION_FORMAT = N_("a fraction, like 3/4")
MIXED_FORMAT = N_("a mixed number, like 2 1/3")
WHOLE_FORMAT = N_("a whole number")


def model(whole: str, parts: int, taken: int, **more) -> dict:
    return {"whole": whole, "parts": parts, "taken": taken, **more}


# --------------------------------------------------------------------------- grade 3

def unit_fraction(rng: random.Random, level: int) -> Draft:
    n = rng.randint(2, 6) if level == 1 else rng.randint(3, 8) if level == 2 else rng.randint(4, 12)
    k = 1 if level == 1 and rng.random() < 0.5 else rng.randint(1, n - 1)
    data = {"parts": n, "shaded": k}
    if level == 2:
        fig = fraction_circles([(n, k)], alt=_("A circle cut into {n} equal parts with {k} shaded.").format(n=n, k=k),
                               data=data)
        whole = CIRCLE
    else:
        fig = fraction_bars([(n, k, 0)], alt=_("A strip cut into {n} equal parts with {k} shaded.").format(n=n, k=k),
                            data=data)
        whole = BAR
    shape = _("circle") if level == 2 else _("strip")
    if level == 3:
        ans = R(n - k, n)
        statement = _("The {shape} is cut into {n} equal parts and {k} of them are shaded. What fraction of the "
                      "{shape} is NOT shaded?").format(shape=shape, n=n, k=k)
        steps = [step(_("The whole has {n} equal parts, each is 1/{n}; {k} are shaded, so {n} - {k} = {m} are not.")
                      .format(n=n, k=k, m=n - k), sympy.Add(n, -k, evaluate=False), n - k),
                 step(_("{m} parts of 1/{n}: the fraction not shaded is {m}/{n}.").format(m=n - k, n=n),
                      sympy.Mul(n - k, R(1, n), evaluate=False), ans)]
        wrong = [misconception(T_SHADED, R(k, n), _("That is the shaded part. The question asks for the parts that "
                                                     "are not shaded.")),
                 misconception(T_PART_PART, R(n - k, k), _("The bottom number counts all the equal parts of the "
                                                           "whole, not only the shaded ones."))]
        taken = n - k
    else:
        ans = R(k, n)
        statement = _("The {shape} is cut into {n} equal parts and {k} of them are shaded. What fraction of the "
                      "{shape} is shaded?").format(shape=shape, n=n, k=k)
        steps = [step(_("The whole is cut into {n} equal parts, so each part is 1/{n} of the whole.").format(n=n),
                      sympy.Mul(n, R(1, n), evaluate=False), 1),
                 step(_("{k} parts of 1/{n} are shaded: {k} × 1/{n} = {k}/{n}.").format(k=k, n=n),
                      sympy.Mul(k, R(1, n), evaluate=False), ans)]
        wrong = [misconception(T_UNSHADED, R(n - k, n), _("Those are the parts that are not shaded. Count the "
                                                          "shaded parts for the top number.")),
                 misconception(T_PART_PART, R(k, n - k), _("The bottom number counts all the equal parts of the "
                                                           "whole, shaded and unshaded together."))]
        taken = k
    return Draft(statement, r"\text{?}", ans, f"{taken}/{n}", steps,
                 _("Count all the equal parts first: that is the bottom number."),
                 method=_("The bottom number (denominator) is how many equal parts the whole has; the top number "
                          "(numerator) is how many parts you count."),
                 answer_format=_(FRACTION_FORMAT), data={**data, "model": model(whole, n, taken)}, figure=fig,
                 misconceptions=wrong)


def number_line(rng: random.Random, level: int) -> Draft:
    hi = level
    d = rng.randint(2, 6) if level == 1 else rng.choice([2, 3, 4, 5]) if level == 2 else rng.choice([2, 3, 4])
    k = rng.randint(1, hi * d - 1)
    if level == 3:
        k = rng.choice([j for j in range(d + 1, hi * d) if j % d])
    elif k % d == 0:
        k += 1
    point = R(k, d)
    data = {"end": hi, "spaces": d, "point": point}
    fig = fraction_line(hi, d, point, "P", alt=_("A number line from 0 to {hi}; each whole is cut into {d} equal "
                                                 "spaces; point P is marked.").format(hi=hi, d=d), data=data)
    statement = _("On the number line, the space between each pair of whole numbers is cut into {d} equal parts. "
                  "What fraction does point P show?").format(d=d)
    steps = [step(_("Each whole is cut into {d} equal spaces, so each space is 1/{d}.").format(d=d),
                  sympy.Mul(d, R(1, d), evaluate=False), 1),
             step(_("P is {k} spaces from 0: {k} × 1/{d} = {k}/{d}.").format(k=k, d=d),
                  sympy.Mul(k, R(1, d), evaluate=False), point)]
    wrong = [misconception(T_TICKS, R(k, d + 1), _("Count the spaces between the tick marks from 0 to 1, not the "
                                                   "tick marks themselves.")),
             misconception(T_WHOLE_LINE, R(k, hi * d), _("The whole is the space from 0 to 1, not the whole line. "
                                                          "Count the equal spaces between 0 and 1 only.")),
             misconception(T_TICK_ZERO, R(k + 1, d), _("Start counting at 0: the first space ends at the first tick "
                                                   "after 0."))]
    return Draft(statement, r"P = \,?", point, f"{k}/{d}", steps,
                 _("How many equal spaces are there from 0 to 1?"),
                 method=_("Count the equal spaces between 0 and 1 for the bottom number, then count the spaces from 0 "
                          "to P for the top number."),
                 answer_format=_(FRACTION_FORMAT), data={**data, "model": model(LINE, d, k)}, figure=fig,
                 misconceptions=wrong)


def equivalent(rng: random.Random, level: int) -> Draft:
    b = rng.choice([2, 3, 4, 5, 6] if level < 3 else [3, 4, 5, 6, 8])
    a = rng.randint(1, b - 1)
    k = rng.randint(2, 3 if level == 1 else 5)
    nb, na = b * k, a * k
    data = {"numerator": a, "denominator": b, "fraction": R(a, b), "new_denominator": nb} if level < 3 else {
        "numerator": a, "denominator": b, "fraction": R(a, b), "new_numerator": na}
    bars = fraction_bars([(b, a, 0), (nb, 0, 0)], alt=_("Two equal strips: one cut into {b} parts with {a} shaded, "
                                                        "one cut into {nb} parts.").format(b=b, a=a, nb=nb),
                         data=data, labels=[f"{a}/{b}", ""]) if level < 3 else None
    if level < 3:
        ans = sympy.Integer(na)
        statement = _("Fill in the missing numerator: {a}/{b} = ?/{nb}").format(a=a, b=b, nb=nb)
        steps = [step(_("{b} × {k} = {nb}: the bottom was multiplied by {k}.").format(b=b, k=k, nb=nb),
                      sympy.Mul(b, k, evaluate=False), nb),
                 step(_("Multiply the top by the same number: {a} × {k} = {na}.").format(a=a, k=k, na=na),
                      sympy.Mul(a, k, evaluate=False), na)]
        wrong = [misconception(T_ADDITIVE, sympy.Integer(a + nb - b), _("Adding the same number to the top and the "
                                                                         "bottom changes the size of the fraction. "
                                                                         "Multiply both by the same number.")),
                 misconception(T_ONE_PART, sympy.Integer(a), _("When the parts are cut smaller, more of them are "
                                                               "needed: the top must be multiplied too."))]
        latex = rf"\frac{{{a}}}{{{b}}} = \frac{{?}}{{{nb}}}"
    else:
        ans = sympy.Integer(nb)
        statement = _("Fill in the missing denominator: {a}/{b} = {na}/?").format(a=a, b=b, na=na)
        steps = [step(_("{a} × {k} = {na}: the top was multiplied by {k}.").format(a=a, k=k, na=na),
                      sympy.Mul(a, k, evaluate=False), na),
                 step(_("Multiply the bottom by the same number: {b} × {k} = {nb}.").format(b=b, k=k, nb=nb),
                      sympy.Mul(b, k, evaluate=False), nb)]
        wrong = [misconception(T_ADDITIVE, sympy.Integer(b + na - a), _("Adding the same number to the top and the "
                                                                         "bottom changes the size of the fraction. "
                                                                         "Multiply both by the same number.")),
                 misconception(T_ONE_PART, sympy.Integer(b), _("The top was multiplied, so the bottom must be "
                                                               "multiplied by the same number too."))]
        latex = rf"\frac{{{a}}}{{{b}}} = \frac{{{na}}}{{?}}"
    return Draft(statement, latex, ans, str(ans), steps,
                 _("Equivalent fractions name the same amount: compare the two bottoms (or tops)."),
                 method=_("Find what the known part was multiplied by, then multiply the other part by the same "
                          "number."),
                 answer_format=_(WHOLE_FORMAT), data={**data, "model": model(BAR, b, a)}, figure=bars,
                 misconceptions=wrong)


def compare(rng: random.Random, level: int) -> Draft:
    if level == 1:
        d = rng.randint(3, 12)
        a, c = rng.sample(range(1, d), 2)
        (p1, q1), (p2, q2) = (a, d), (c, d)
    elif level == 2:
        n = rng.randint(1, 5)
        b, d = rng.sample(range(n + 1, 13), 2)
        (p1, q1), (p2, q2) = (n, b), (n, d)
    else:
        while True:
            b, d = rng.sample([3, 4, 5, 6, 8, 10, 12], 2)
            p1, p2 = rng.randint(1, b - 1), rng.randint(1, d - 1)
            q1, q2 = b, d
            if R(p1, b) != R(p2, d) and (p1 - p2) * (b - d) > 0:
                break  # the fraction with the bigger numerator has the bigger denominator: no shortcut
    f, g = R(p1, q1), R(p2, q2)
    ft, gt = f"{p1}/{q1}", f"{p2}/{q2}"
    big, small = (f, g) if f > g else (g, f)
    big_text = ft if f > g else gt
    data = {"first": f, "second": g}
    fig = fraction_bars([(q1, p1, 0), (q2, p2, 0)], alt=_("Two equal strips: {f} shaded and {g} shaded.").format(
        f=ft, g=gt), data=data, labels=[ft, gt])
    statement = _("Which fraction is greater: {f} or {g}?").format(f=ft, g=gt)
    if level == 1:
        steps = [step(_("Both are in parts of the same size, 1/{d}.").format(d=q1), R(1, q1), R(1, q2)),
                 step(_("More parts of the same size is more: {big} is greater.").format(big=big_text),
                      sympy.Max(f, g), big)]
        wrong = [misconception(T_SMALLER, small, _("The parts are the same size, so the fraction with more parts "
                                                   "is the greater one."))]
        nudge = _("The parts are the same size: compare how many parts each fraction has.")
    elif level == 2:
        steps = [step(_("Both have {n} parts; compare the size of one part: 1/{b} and 1/{d}.").format(
                     n=p1, b=q1, d=q2), sympy.Max(R(1, q1), R(1, q2)), R(1, min(q1, q2))),
                 step(_("Fewer, bigger parts make the bigger piece: {big} is greater.").format(big=big_text),
                      sympy.Max(f, g), big)]
        wrong = [misconception(T_BIG_DEN, small, _("A bigger denominator cuts the whole into more parts, so each part "
                                                   "is smaller."))]
        nudge = _("Both fractions take the same number of parts: which parts are bigger?")
    else:
        lcd = math.lcm(q1, q2)
        steps = [step(_("Use the common denominator {lcd}: {f} = {f2}/{lcd} and {g} = {g2}/{lcd}.").format(
                     lcd=lcd, f=ft, f2=p1 * lcd // q1, g=gt, g2=p2 * lcd // q2), f - g,
                      R(p1 * lcd // q1 - p2 * lcd // q2, lcd)),
                 step(_("Compare the numerators: {big} is greater.").format(big=big_text), sympy.Max(f, g), big)]
        wrong = [misconception(T_NUMERATORS, small, _("The parts are different sizes, so the numerators alone do not "
                                                      "tell. Rewrite both with a common denominator first."))]
        nudge = _("The parts are different sizes: make them the same size first.")
    return Draft(statement, rf"\frac{{{p1}}}{{{q1}}} \;?\; \frac{{{p2}}}{{{q2}}}", big, big_text, steps, nudge,
                 method=_("Compare the fractions of the same whole: same denominator, compare tops; same numerator, "
                          "compare part sizes; otherwise rewrite with a common denominator."),
                 answer_format=_("the greater fraction, like 3/4"),
                 data={**data, "model": model(BAR, q1, p1)}, figure=fig, misconceptions=wrong)


# --------------------------------------------------------------------------- grade 4

def mixed_numbers(rng: random.Random, level: int) -> Draft:
    d = rng.randint(2, 6) if level < 3 else rng.randint(3, 9)
    w = rng.randint(1, 3) if level < 3 else rng.randint(2, 5)
    n = rng.randint(1, d - 1)
    value = R(w * d + n, d)
    data = {"whole": w, "numerator": n, "denominator": d}
    fig = fraction_circles([(d, d)] * w + [(d, n)], alt=_("{w} whole circles and {n} more parts of a circle cut into "
                                                         "{d} equal parts.").format(w=w, n=n, d=d),
                           data=data) if w <= 3 else None
    top = w * d + n
    if level == 2:
        statement = _("Write {top}/{d} as a mixed number.").format(top=top, d=d)
        steps = [step(_("{top} ÷ {d} = {w} remainder {n}: {w} wholes and {n} parts left.").format(top=top, d=d, w=w, n=n),
                      sympy.Add(w * d, n, evaluate=False), top),
                 step(_("So {top}/{d} = {w} {n}/{d}.").format(top=top, d=d, w=w, n=n), w + R(n, d), value)]
        wrong = [misconception(T_SWAP, n + R(w, d), _("The number of times the denominator fits is the whole "
                                                      "number; what is left over goes on top.")),
                 misconception(T_KEEP_TOP, w + R(top, d), _("Once the wholes are taken out, only the parts left over "
                                                            "stay in the fraction."))]
        answer_text, fmt, latex = mixed_text(value), _(MIXED_FORMAT), rf"\frac{{{top}}}{{{d}}}"
        nudge = _("How many wholes can you make from the parts?")
        method = _("Divide the numerator by the denominator: the quotient is the whole number, the remainder is the "
                   "numerator of the fraction part.")
    else:
        statement = _("Write {w} {n}/{d} as a fraction.").format(w=w, n=n, d=d)
        steps = [step(_("Each whole is {d}/{d}, so {w} wholes are {w} × {d} = {wd} parts.").format(w=w, d=d, wd=w * d),
                      sympy.Mul(w, d, evaluate=False), w * d),
                 step(_("Add the {n} parts: {wd} + {n} = {top}, so the fraction is {top}/{d}.").format(
                     wd=w * d, n=n, top=top, d=d), sympy.Add(w * d, n, evaluate=False), top)]
        wrong = [misconception(T_WHOLE_NUM, R(w + n, d), _("Each whole is a full set of parts: multiply the whole "
                                                           "number by the denominator before adding.")),
                 misconception(T_DIGITS, R(int(f"{w}{n}"), d), _("Writing the digits next to each other does not "
                                                                 "count the parts. Turn each whole into parts "
                                                                 "first."))]
        answer_text, fmt, latex = f"{top}/{d}", _(FRACTION_FORMAT), rf"{w}\frac{{{n}}}{{{d}}}"
        nudge = _("Each whole can be cut into the same parts as the fraction.")
        method = _("Multiply the whole number by the denominator, add the numerator, and keep the denominator.")
    return Draft(statement, latex, value, answer_text, steps, nudge, method=method, answer_format=fmt,
                 data={**data, "ask": "mixed" if level == 2 else "fraction", "model": model(CIRCLE, d, n, wholes=w)},
                 figure=fig, misconceptions=wrong)


def add_like(rng: random.Random, level: int) -> Draft:
    d = rng.randint(3, 12)
    if level == 3:
        w1, w2 = rng.randint(1, 4), rng.randint(1, 3)
        a, b = rng.randint(1, d - 1), rng.randint(1, d - 1)
        f, g = w1 + R(a, d), w2 + R(b, d)
        ans = f + g
        ft, gt = f"{w1} {a}/{d}", f"{w2} {b}/{d}"
        statement = _("What is {f} + {g}?").format(f=ft, g=gt)
        steps = [step(_("Add the whole numbers: {w1} + {w2} = {w}.").format(w1=w1, w2=w2, w=w1 + w2),
                      sympy.Add(w1, w2, evaluate=False), w1 + w2),
                 step(_("Add the parts: {a}/{d} + {b}/{d} = {ab}/{d}.").format(a=a, b=b, d=d, ab=a + b),
                      R(a, d) + R(b, d), R(a + b, d)),
                 step(_("Put them together: {w} + {ab}/{d} = {total}.").format(w=w1 + w2, ab=a + b, d=d,
                                                                              total=mixed_text(ans)),
                      w1 + w2 + R(a + b, d), ans)]
        wrong = [misconception(T_ADD_DEN, w1 + w2 + R(a + b, 2 * d), _("The parts stay the same size when you add "
                                                                     "them: keep the denominator.")),
                 misconception(T_DROP_WHOLE, R(a + b, d), _("Remember to add the whole numbers too."))]
        data = {"denominator": d, "first": a, "second": b}
        fig = None
        answer_text, fmt = mixed_text(ans), _(MIXED_FORMAT)
        latex = rf"{w1}\frac{{{a}}}{{{d}}} + {w2}\frac{{{b}}}{{{d}}}"
    else:
        sub = level == 2
        a, b = sorted(rng.sample(range(1, d), 2), reverse=sub)
        if not sub and rng.random() < 0.5:
            a, b = b, a
        ans = R(a - b, d) if sub else R(a + b, d)
        op = "-" if sub else "+"
        statement = _("What is {a}/{d} {op} {b}/{d}?").format(a=a, b=b, d=d, op=op)
        top = a - b if sub else a + b
        steps = [step(_("The parts are all 1/{d}: {a} {op} {b} = {top} parts.").format(d=d, a=a, b=b, op=op, top=top),
                      sympy.Add(a, -b if sub else b, evaluate=False), top),
                 step(_("So the result is {top}/{d}.").format(top=top, d=d), R(top, d), ans)]
        wrong = [misconception(T_ADD_DEN, R(top, 2 * d), _("The parts stay the same size: keep the denominator and "
                                                           "only add or take away the numerators."))]
        if sub:
            wrong.append(misconception(T_WRONG_OP, R(a + b, d), _("The question takes away: subtract the "
                                                                   "numerators.")))
        else:
            wrong.append(misconception(T_NO_DEN, sympy.Integer(a + b), _("The answer is still a number of parts of "
                                                                          "the same size: write the denominator "
                                                                          "too.")))
        data = {"denominator": d, "first": a, "second": b}
        fig = fraction_bars([(d, a, 0 if sub else b)],
                            alt=_("A strip cut into {d} equal parts with {a} shaded.").format(d=d, a=a),
                            data=data) if (sub or a + b <= d) else None
        answer_text, fmt = f"{top}/{d}", _(FRACTION_FORMAT)
        latex = rf"\frac{{{a}}}{{{d}}} {op} \frac{{{b}}}{{{d}}}"
    return Draft(statement, latex, ans, answer_text, steps,
                 _("The fractions have the same denominator: the parts are the same size."),
                 method=_("Add or subtract the numerators, keep the denominator, and add any whole numbers."),
                 answer_format=fmt, data={**data, "model": model(BAR, d, a)}, figure=fig, misconceptions=wrong)


def mult_whole(rng: random.Random, level: int) -> Draft:
    b = rng.randint(2, 8) if level < 3 else rng.choice([2, 3, 4, 5, 8, 10])
    a = 1 if level == 1 else rng.randint(1, b - 1)
    k = rng.randint(2, 5) if level < 3 else rng.randint(2, 9)
    ans = k * R(a, b)
    data = {"times": k, "numerator": a, "denominator": b}
    fig = fraction_bars([(b, a, 0)] * k, alt=_("{k} strips, each cut into {b} equal parts with {a} shaded.").format(
        k=k, b=b, a=a), data=data) if k <= 5 else None
    if level == 3:
        statement = _("Each of {k} children drinks {a}/{b} of a litre of milk. How many litres do they drink in "
                      "all?").format(k=k, a=a, b=b)
    else:
        statement = _("What is {k} × {a}/{b}?").format(k=k, a=a, b=b)
    steps = [step(_("{k} × {a}/{b} is {k} groups of {a}/{b}: {k} × {a} = {ka} parts of 1/{b}.").format(
                 k=k, a=a, b=b, ka=k * a), sympy.Mul(k, a, evaluate=False), k * a),
             step(_("So the product is {ka}/{b}.").format(ka=k * a, b=b), R(k * a, b), ans)]
    wrong = [misconception(T_BOTH, R(a, b), _("Multiplying the top and the bottom by the same number gives an equal "
                                              "fraction, not a bigger amount. Only the number of parts grows.")),
             misconception(T_ADD_WHOLE, R(a + k, b), _("Times means groups of: multiply the numerator by the whole "
                                                       "number, do not add it."))]
    return Draft(statement, rf"{k} \times \frac{{{a}}}{{{b}}}", ans, f"{k * a}/{b}", steps,
                 _("Think of it as equal groups of the same fraction."),
                 method=_("Multiply the numerator by the whole number and keep the denominator."),
                 answer_format=_("a fraction or a mixed number"), data={**data, "model": model(BAR, b, a, groups=k)},
                 figure=fig, misconceptions=wrong)


def decimal_fractions(rng: random.Random, level: int) -> Draft:
    if level == 1:
        a = rng.randint(1, 9)
        data = {"tenths": a}
        fig = hundred_grid(10 * a, alt=_("A hundred grid with {a} columns of ten shaded.").format(a=a), data=data)
        ans = sympy.Integer(10 * a)
        steps = [step(_("Each tenth is 10 hundredths: {a} × 10 = {h}.").format(a=a, h=10 * a),
                      sympy.Mul(a, 10, evaluate=False), 10 * a),
                 step(_("So {a}/10 = {h}/100.").format(a=a, h=10 * a), R(a, 10), R(10 * a, 100))]
        wrong = [misconception(T_KEPT_TOP, sympy.Integer(a), _("A hundredth is ten times smaller than a tenth, so you "
                                                               "need ten times as many of them.")),
                 misconception(T_ADDITIVE, sympy.Integer(a + 90), _("Multiply the top and the bottom by the same "
                                                                    "number; do not add."))]
        return Draft(_("Fill in the missing number: {a}/10 = ?/100").format(a=a), rf"\frac{{{a}}}{{10}} = \frac{{?}}{{100}}",
                     ans, str(ans), steps, _("How many hundredths make one tenth?"),
                     method=_("Multiply the top and the bottom of the tenths fraction by the same number to get "
                              "hundredths."), answer_format=_(WHOLE_FORMAT),
                     data={**data, "model": model(GRID100, 10, a)}, figure=fig, misconceptions=wrong)
    if level == 2:
        a, b = rng.randint(1, 8), rng.randint(1, 99)
        while b % 10 == 0 or 10 * a + b > 99:
            b = rng.randint(1, 99 - 10 * a)
        ans = R(10 * a + b, 100)
        data = {"tenths": a, "hundredths": b}
        steps = [step(_("Change tenths to hundredths: {a}/10 = {h}/100.").format(a=a, h=10 * a), R(a, 10),
                      R(10 * a, 100)),
                 step(_("Add the hundredths: {h}/100 + {b}/100 = {t}/100.").format(h=10 * a, b=b, t=10 * a + b),
                      R(10 * a, 100) + R(b, 100), ans)]
        wrong = [misconception(T_TENTHS, R(a + b, 100), _("Tenths and hundredths are different sizes: change the "
                                                          "tenths to hundredths before adding.")),
                 misconception(T_ADD_ACROSS, R(a + b, 110), _("Only add the numerators once the denominators are the "
                                                              "same; the denominator names the size of the parts."))]
        return Draft(_("What is {a}/10 + {b}/100? Write your answer as hundredths.").format(a=a, b=b),
                     rf"\frac{{{a}}}{{10}} + \frac{{{b}}}{{100}}", ans, f"{10 * a + b}/100", steps,
                     _("Tenths and hundredths are different sizes of parts."),
                     method=_("Rewrite the tenths as hundredths, then add the numerators."),
                     answer_format=_("a fraction with denominator 100"),
                     data={**data, "model": model(GRID100, 100, b)}, misconceptions=wrong)
    # compare decimals: one with tenths, one with hundredths and a bigger "number" after the point
    t = rng.randint(2, 9)
    h = rng.randint(10, t * 10 - 1)
    while h % 10 == 0:
        h = rng.randint(10, t * 10 - 1)
    f, g = R(t, 10), R(h, 100)
    pair = [f, g]
    rng.shuffle(pair)
    texts = [decimal_text(v) for v in pair]
    data = {"first": pair[0], "second": pair[1]}
    from tutor.figures import number_line as shared_line

    fig = shared_line(0, 1, step=R(1, 10), points=pair, labels={pair[0]: texts[0], pair[1]: texts[1]},
                      denominator=10, alt=_("A number line from 0 to 1 in tenths with {a} and {b} marked.").format(
                          a=texts[0], b=texts[1]), data=data)
    steps = [step(_("Write both in hundredths: {t} = {t100}/100 and {h} = {hh}/100.").format(
                 t=decimal_text(f), t100=10 * t, h=decimal_text(g), hh=h),
                  f - g, R(10 * t - h, 100)),
             step(_("{a}/100 is more than {b}/100, so {big} is greater.").format(a=10 * t, b=h, big=decimal_text(f)),
                  sympy.Max(f, g), f)]
    wrong = [misconception(T_LONGER, g, _("Compare place by place from the tenths: more digits does not mean a "
                                          "bigger number.")),
             misconception(T_TENTHS, g, _("Write both decimals with the same number of places before comparing."))]
    return Draft(_("Which decimal is greater: {a} or {b}?").format(a=texts[0], b=texts[1]), rf"{texts[0]} \;?\; {texts[1]}",
                 f, decimal_text(f), steps, _("Compare the tenths digits first."),
                 method=_("Write both decimals as hundredths (add a zero), then compare them like whole numbers."),
                 answer_format=_("a decimal"), data={**data, "model": model(LINE, 10, t)}, figure=fig,
                 misconceptions=wrong)


# --------------------------------------------------------------------------- grade 5

STORIES = [
    (N_("A jug has {a} litre of juice, and {b} litre more is poured in. How many litres are in the jug now?"),
     N_("A jug has {a} litre of juice and {b} litre is poured out. How many litres are left?")),
    (N_("{a} of a path was painted on Monday and {b} of it on Tuesday. What fraction of the path is painted?"),
     N_("{a} of a path is painted: {b} of it on Monday and the rest on Tuesday. What fraction of the path was "
        "painted on Tuesday?")),
    (N_("A ribbon {a} metre long is tied to one {b} metre long. How long is the ribbon now?"),
     N_("A ribbon is {a} metre long. A piece {b} metre long is cut off. How long is the ribbon that is left?")),
]


def add_unlike(rng: random.Random, level: int) -> Draft:
    dens = [2, 3, 4, 5, 6] if level == 1 else [2, 3, 4, 5, 6, 8, 10, 12]
    while True:
        b, d = rng.sample(dens, 2)
        f, g = R(rng.randint(1, b - 1), b), R(rng.randint(1, d - 1), d)
        if f.q == b and g.q == d and (level < 3 or (f != g and f != 2 * g and g != 2 * f)):
            break
    sub = level == 3
    if sub and f < g:
        f, g = g, f
    ans = f - g if sub else f + g
    add, take = rng.choice(STORIES)
    statement = _(take if sub else add).format(a=plain(f), b=plain(g))
    lcd = math.lcm(f.q, g.q)
    f2, g2 = f.p * lcd // f.q, g.p * lcd // g.q
    op = "-" if sub else "+"
    top = f2 - g2 if sub else f2 + g2
    steps = [step(_("A common denominator of {b} and {d} is {lcd}.").format(b=f.q, d=g.q, lcd=lcd), sympy.ilcm(f.q, g.q),
                  lcd),
             step(_("Rewrite: {f} = {f2}/{lcd} and {g} = {g2}/{lcd}.").format(f=plain(f), f2=f2, g=plain(g), g2=g2,
                                                                              lcd=lcd), f, R(f2, lcd)),
             step(_("Combine the numerators: {f2}/{lcd} {op} {g2}/{lcd} = {top}/{lcd}.").format(
                 f2=f2, g2=g2, lcd=lcd, op=op, top=top), ans, R(top, lcd))]
    wrong = [misconception(T_SUB_ACROSS if sub else T_ADD_ACROSS,
                           R(f.p - g.p, f.q - g.q) if sub else R(f.p + g.p, f.q + g.q),
                           _("Fractions can only be added or subtracted when the parts are the same size: find a "
                             "common denominator first.")),
             misconception(T_KEPT_NUMS, R(f.p - g.p if sub else f.p + g.p, lcd),
                           _("When you change a denominator, multiply the numerator by the same number too."))]
    wrong = [m for m in wrong if m.answer.is_finite]
    data = {"first": f, "second": g, "common_denominator": lcd}
    fig = fraction_bars([(f.q, f.p, 0), (g.q, g.p, 0), (lcd, 0, 0)],
                        alt=_("Three equal strips: {f} shaded, {g} shaded, and one cut into {lcd} equal parts.").format(
                            f=plain(f), g=plain(g), lcd=lcd), data=data, labels=[plain(f), plain(g), ""])
    return Draft(statement, rf"\frac{{{f.p}}}{{{f.q}}} {op} \frac{{{g.p}}}{{{g.q}}}", ans, plain(ans), steps,
                 _("The fractions have different denominators: the parts are different sizes."),
                 method=_("Rewrite both fractions with a common denominator, then add or subtract the numerators."),
                 answer_format=_("a fraction in lowest terms (or a whole number)"),
                 data={**data, "model": model(BAR, lcd, f2)}, figure=fig, misconceptions=wrong)


def multiply(rng: random.Random, level: int) -> Draft:
    b, d = rng.randint(2, 5 if level == 1 else 8), rng.randint(2, 5 if level == 1 else 8)
    a, c = rng.randint(1, b - 1), rng.randint(1, d - 1)
    if level == 1:
        a = 1
    f, g = R(a, b), R(c, d)
    ans = f * g
    data = {"first_numerator": a, "first_denominator": b, "second_numerator": c, "second_denominator": d}
    fig = area_model(b, a, d, c, alt=_("A square cut into {b} columns and {d} rows: {a} columns and {c} rows are "
                                       "shaded, and their overlap is dark.").format(b=b, d=d, a=a, c=c), data=data)
    if level == 3:
        statement = _("A garden bed is {f} m long and {g} m wide. What is its area in square metres?").format(
            f=f"{a}/{b}", g=f"{c}/{d}")
    else:
        statement = _("What is {f} × {g}?").format(f=f"{a}/{b}", g=f"{c}/{d}")
    steps = [step(_("The square is cut into {b} × {d} = {n} equal small rectangles.").format(b=b, d=d, n=b * d),
                  sympy.Mul(b, d, evaluate=False), b * d),
             step(_("The dark overlap is {a} × {c} = {m} of them.").format(a=a, c=c, m=a * c),
                  sympy.Mul(a, c, evaluate=False), a * c),
             step(_("So the product is {m}/{n}.").format(m=a * c, n=b * d), R(a * c, b * d), ans)]
    wrong = [misconception(T_ADD_FOR_MULT, f + g, _("Area and 'of' mean multiply, not add: multiply the numerators and "
                                                    "the denominators.")),
             misconception(T_TOP_ONLY, R(a * c, max(b, d)), _("Multiply the denominators too: the small rectangles "
                                                              "are smaller than either strip."))]
    return Draft(statement, rf"\frac{{{a}}}{{{b}}} \times \frac{{{c}}}{{{d}}}", ans, plain(ans), steps,
                 _("Picture one fraction of the other: shade one fraction across and the other down."),
                 method=_("Multiply the numerators together and the denominators together, then simplify."),
                 answer_format=_("a fraction in lowest terms"),
                 data={**data, "model": model(SQUARE, b * d, a * c)}, figure=fig, misconceptions=wrong)


def divide_unit(rng: random.Random, level: int) -> Draft:
    b, n = rng.randint(2, 8), rng.randint(2, 6)
    if level == 1:
        ans = R(1, b * n)
        data = {"denominator": b, "divisor": n}
        fig = fraction_bars([(b, 1, 0), (b * n, 1, 0)], alt=_("A strip cut into {b} parts with one shaded, and the "
                                                            "same strip with each part cut into {n}.").format(b=b, n=n),
                            data=data)
        statement = _("What is 1/{b} ÷ {n}?").format(b=b, n=n)
        steps = [step(_("Cut 1/{b} into {n} equal pieces: the whole now has {b} × {n} = {bn} pieces.").format(
                     b=b, n=n, bn=b * n), sympy.Mul(b, n, evaluate=False), b * n),
                 step(_("One piece is 1/{bn}.").format(bn=b * n), R(1, b) / n, ans)]
        wrong = [misconception(T_MULT_FOR_DIV, R(n, b), _("Sharing a piece into more parts makes each part "
                                                          "smaller, not bigger.")),
                 misconception(T_FLIP, R(b, n), _("Only the divisor is flipped: dividing by a whole number is "
                                                  "multiplying by one over it."))]
        latex, model_data = rf"\frac{{1}}{{{b}}} \div {n}", model(BAR, b, 1)
    else:
        ans = sympy.Integer(n * b)
        data = {"wholes": n, "denominator": b}
        fig = fraction_bars([(b, 0, 0)] * n, alt=_("{n} whole strips, each cut into {b} equal parts.").format(
            n=n, b=b), data=data) if n <= 5 else None
        if level == 3:
            statement = _("There are {n} litres of water. Each cup holds 1/{b} of a litre. How many cups can be "
                          "filled?").format(n=n, b=b)
        else:
            statement = _("What is {n} ÷ 1/{b}?").format(n=n, b=b)
        steps = [step(_("Each whole holds {b} pieces of 1/{b}.").format(b=b), sympy.Integer(1) / R(1, b), b),
                 step(_("{n} wholes hold {n} × {b} = {nb} pieces.").format(n=n, b=b, nb=n * b),
                      sympy.Mul(n, b, evaluate=False), ans)]
        wrong = [misconception(T_MULT_FOR_DIV, R(n, b), _("Ask how many small pieces fit into the wholes: there are "
                                                          "more pieces than wholes.")),
                 misconception(T_FLIP, R(1, n * b), _("Flip the divisor, not the whole number: dividing by a unit "
                                                      "fraction is multiplying by its denominator."))]
        latex, model_data = rf"{n} \div \frac{{1}}{{{b}}}", model(BAR, b, b, groups=n)
    return Draft(statement, latex, ans, plain(ans), steps, _("Picture the pieces: how many, and how big?"),
                 method=_("Dividing by a whole number cuts each piece into that many parts; dividing by a unit "
                          "fraction counts how many such pieces fit."),
                 answer_format=_("a fraction or a whole number"), data={**data, "model": model_data}, figure=fig,
                 misconceptions=wrong)
