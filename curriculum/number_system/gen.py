"""Generators of the number_system plugin (grades 6–8)."""

from __future__ import annotations

import math
import random

import sympy
from sympy import Rational as R

from curriculum.kit import (
    N_,
    Draft,
    catalogue,
    decimal_text,
    misconception,
    nonzero,
    plain,
    step,
)
from tutor.figures import ACCENT, INK, SOFT, Canvas, number_line

_ = catalogue(__file__, "number_system")

T_FLIP_FIRST = N_("inverted the wrong fraction")
T_NO_FLIP = N_("multiplied without inverting")
T_SWAP_GL = N_("found the LCM instead of the GCF")
T_SWAP_LG = N_("found the GCF instead of the LCM")
T_PRODUCT = N_("multiplied the two numbers")
T_SMALLER = N_("gave the smaller number")
T_ALIGN = N_("lined up the last digits instead of the decimal points")
T_POINT = N_("put the decimal point in the wrong place")
T_SAME = N_("gave the same number")
T_WRONG_WAY = N_("moved the wrong way on the number line")
T_DOUBLE_NEG = N_("thought a double negative stays negative")
T_ABS_SIGN = N_("kept the negative sign in the absolute value")
T_NO_BARS = N_("ignored the absolute value bars")
T_DIGITS = N_("compared the numbers without their signs")
T_SUB_NEG = N_("subtracted a negative as if it were positive")
T_SIGN = N_("got the sign wrong")
T_ADD_ABS = N_("added the sizes when the signs differ")
T_NEG_NEG = N_("thought a negative times a negative is negative")
T_HALF = N_("took the square root as half the number")
T_THIRD = N_("took the cube root as a third of the number")
T_SQUARE = N_("squared instead of taking the root")
T_ROUND = N_("rounded to the wrong whole number")
T_OTHER = N_("gave the other whole number next to it")
T_ROOT_RATIONAL = N_("thought every square root is rational")
T_OP = N_("added or subtracted instead of multiplying or dividing")
T_IGNORE_MINUS = N_("ignored the minus sign in front")
T_ALL_ROOTS = N_("thought every square root is irrational")
T_FRACTION = N_("thought a fraction can be irrational")
T_PI = N_("thought pi is a fraction")

NUMBER_FORMAT = N_("a number")
FRACTION_FORMAT = N_("a fraction in lowest terms (or a whole number)")
DECIMAL_FORMAT = N_("a decimal")


def signed(v) -> str:
    """A number as written in a sum: negative numbers in brackets, (-3)."""
    text = decimal_text(v) if v.q != 1 and 10 ** 4 % v.q == 0 else plain(v)
    return f"({text})" if v < 0 else text


def fraction_bars(rows, *, alt: str, data: dict):
    """Strips ``(parts, shaded, 0)`` of equal length, cut into equal parts, ``shaded`` of them filled."""
    width, strip, gap = 440, 30, 12
    c = Canvas(width + 20, 10 + len(rows) * (strip + gap))
    for i, (parts, shaded, _more) in enumerate(rows):
        y = 10 + i * (strip + gap)
        w = width / parts
        for k in range(parts):
            c.rect(10 + k * w, y, w, strip, fill=ACCENT if k < shaded else "white", stroke=INK, width=1.5)
    return c.figure("fraction_bar", alt, data)


def num(v) -> str:
    return decimal_text(v) if v.q != 1 and 10 ** 4 % v.q == 0 else plain(v)


# --------------------------------------------------------------------------- grade 6

STORIES = [
    N_("How many {c} cup servings are in {a} cups of yogurt?"),
    N_("A ribbon {a} m long is cut into pieces {c} m long. How many pieces are there?"),
    N_("A path {a} km long is marked every {c} km. How many parts is the path cut into?"),
]


def divide_fractions(rng: random.Random, level: int) -> Draft:
    while True:
        b, d = rng.randint(2, 9), rng.randint(2, 9)
        g = R(rng.randint(1, d - 1), d)
        f = g * rng.randint(2, 6) if level == 2 else R(rng.randint(1, 3 * b), b)
        if f.q > 1 and g.q > 1 and f != g and (level == 1 or f > g):
            break
    ans = f / g
    ft, gt = plain(f), plain(g)
    statement = (_("What is {a} ÷ {c}?").format(a=ft, c=gt) if level == 1
                 else _(rng.choice(STORIES) if level == 2 else STORIES[0]).format(a=ft, c=gt))
    steps = [step(_("Dividing by {c} is multiplying by its reciprocal {r}.").format(c=gt, r=f"{g.q}/{g.p}"),
                  f / g, f * R(g.q, g.p)),
             step(_("Multiply: {a} × {r} = {top}/{bottom} = {ans}.").format(a=ft, r=f"{g.q}/{g.p}", top=f.p * g.q,
                                                                             bottom=f.q * g.p, ans=plain(ans)),
                  R(f.p * g.q, f.q * g.p), ans)]
    wrong = [misconception(T_FLIP_FIRST, (1 / f) * g, _("Keep the first fraction as it is and flip the one you "
                                                          "divide by.")),
             misconception(T_NO_FLIP, f * g, _("Dividing is not multiplying: multiply by the reciprocal of the "
                                               "divisor."))]
    lcd = math.lcm(f.q, g.q)
    wholes = math.ceil(f)
    rows = [(lcd, min(lcd, int(f * lcd) - lcd * i), 0) for i in range(wholes)]
    fig = fraction_bars(rows, alt=_("Strips cut into {lcd} equal parts; the shaded parts make {a}.").format(
        lcd=lcd, a=ft), data={"dividend": f, "divisor": g, "common_denominator": lcd}) if wholes <= 3 else None
    return Draft(statement, rf"\frac{{{f.p}}}{{{f.q}}} \div \frac{{{g.p}}}{{{g.q}}}", ans, plain(ans), steps,
                 _("How many of the second amount fit into the first?"),
                 method=_("Keep the first fraction, change ÷ to ×, flip the second fraction, then multiply and "
                          "simplify."), answer_format=_(FRACTION_FORMAT),
                 data={"dividend": f, "divisor": g, "common_denominator": lcd}, figure=fig, misconceptions=wrong)


def gcf_lcm(rng: random.Random, level: int) -> Draft:
    if level == 2:
        a, b = rng.sample(range(3, 16), 2)
        while math.gcd(a, b) == 1 and rng.random() < 0.7:
            a, b = rng.sample(range(3, 16), 2)
    else:
        g = rng.randint(2, 12)
        a, b = rng.sample([k for k in range(1, 10)], 2)
        while math.gcd(a, b) != 1:
            a, b = rng.sample(range(1, 10), 2)
        a, b = a * g, b * g
    gcf, lcm = math.gcd(a, b), math.lcm(a, b)
    if level == 1:
        statement = _("What is the greatest common factor of {a} and {b}?").format(a=a, b=b)
        ans = gcf
    elif level == 2:
        statement = _("What is the least common multiple of {a} and {b}?").format(a=a, b=b)
        ans = lcm
    else:
        statement = _("{a} red pens and {b} blue pens are shared into identical packs with nothing left over. What "
                      "is the greatest number of packs that can be made?").format(a=a, b=b)
        ans = gcf
    if ans == gcf:
        steps = [step(_("{g} divides both: {a} = {g} × {p} and {b} = {g} × {q}.").format(g=gcf, a=a, b=b, p=a // gcf,
                                                                                        q=b // gcf),
                      sympy.Mul(gcf, a // gcf, evaluate=False), a),
                 step(_("{p} and {q} have no common factor but 1, so the greatest common factor is {g}.").format(
                     p=a // gcf, q=b // gcf, g=gcf), sympy.igcd(a, b), gcf)]
        wrong = [misconception(T_SWAP_GL, sympy.Integer(lcm), _("The greatest common factor divides both numbers, "
                                                                "so it can be no bigger than the smaller one.")),
                 misconception(T_SMALLER, sympy.Integer(min(a, b)), _("Check that the factor divides both numbers "
                                                                      "with nothing left over."))]
        nudge = _("List the factors of each number.")
        method = _("List the factors of both numbers (or their prime factors) and take the largest one they share.")
    else:
        steps = [step(_("The greatest common factor of {a} and {b} is {g}.").format(a=a, b=b, g=gcf), sympy.igcd(a, b),
                      gcf),
                 step(_("LCM = {a} × {b} ÷ {g} = {l}.").format(a=a, b=b, g=gcf, l=lcm), R(a * b, gcf), lcm)]
        wrong = [misconception(T_SWAP_LG, sympy.Integer(gcf), _("A common multiple is a number both divide into, so "
                                                                "it can be no smaller than the larger number.")),
                 misconception(T_PRODUCT, sympy.Integer(a * b), _("The product is a common multiple, but look for a "
                                                                  "smaller one."))]
        nudge = _("List the multiples of the larger number.")
        method = _("List the multiples of the larger number until you reach one the smaller number divides.")
    return Draft(statement, r"?", sympy.Integer(ans), str(ans), steps, nudge, method=method,
                 answer_format=_(NUMBER_FORMAT), data={"numbers": [a, b]}, misconceptions=wrong)


def decimals(rng: random.Random, level: int) -> Draft:
    if level == 1:
        a = R(rng.randint(101, 9999), 100)
        b = R(rng.randint(11, 999), 10)
        sub = rng.random() < 0.5 and a > b
        ans = a - b if sub else a + b
        op = "-" if sub else "+"
        # lining up the last digits: b read as hundredths
        slip = a - b / 10 if sub else a + b / 10
        steps = [step(_("Line up the decimal points: write {b} as {b2}.").format(b=num(b), b2=f"{float(b):.2f}"), b, b),
                 step(_("{a} {op} {b} = {ans}").format(a=num(a), op=op, b=f"{float(b):.2f}", ans=num(ans)),
                      sympy.Add(a, -b if sub else b, evaluate=False), ans)]
        wrong = [misconception(T_ALIGN, slip, _("Tenths must be added to tenths: line up the decimal points, not the "
                                                "last digits.")),
                 misconception(T_POINT, ans * 10, _("Keep the decimal point in the same column as in the numbers."))]
        latex = f"{num(a)} {op} {num(b)}"
        nudge, method = (_("Line up the decimal points."),
                         _("Write the numbers with their decimal points in one column, fill empty places with zeros, "
                           "then add or subtract as with whole numbers."))
    elif level == 2:
        a, b = R(rng.randint(11, 999), 10), R(rng.randint(11, 99), 10 if rng.random() < 0.5 else 100)
        ans = a * b
        pa, pb = len(decimal_text(a).split(".")[1]) if "." in decimal_text(a) else 0, \
            len(decimal_text(b).split(".")[1]) if "." in decimal_text(b) else 0
        ia, ib = int(a * 10 ** pa), int(b * 10 ** pb)
        steps = [step(_("Multiply as whole numbers: {ia} × {ib} = {p}.").format(ia=ia, ib=ib, p=ia * ib),
                      sympy.Mul(ia, ib, evaluate=False), ia * ib),
                 step(_("There are {n} decimal places in all: {ans}.").format(n=pa + pb, ans=num(ans)),
                      R(ia * ib, 10 ** (pa + pb)), ans)]
        wrong = [misconception(T_POINT, ans * 10, _("Count the decimal places in both numbers together and give the "
                                                    "product that many.")),
                 misconception(T_POINT, ans / 10, _("Count the decimal places in both numbers together and give the "
                                                    "product that many."))]
        latex = rf"{num(a)} \times {num(b)}"
        nudge, method = (_("Multiply first, then place the point."),
                         _("Multiply the digits as whole numbers, then count the decimal places in both numbers and "
                           "put that many in the product."))
    else:
        b = R(rng.randint(2, 9), 10) if rng.random() < 0.5 else R(rng.randint(11, 99), 100)
        q = R(rng.randint(12, 99), 10)
        a = b * q
        ans = q
        scale = b.q
        steps = [step(_("Multiply both numbers by {s} so the divisor is whole: {a} ÷ {b} = {a2} ÷ {b2}.").format(
                     s=scale, a=num(a), b=num(b), a2=num(a * scale), b2=num(b * scale)), a / b, (a * scale) / (b * scale)),
                 step(_("{a2} ÷ {b2} = {ans}").format(a2=num(a * scale), b2=num(b * scale), ans=num(ans)),
                      (a * scale) / (b * scale), ans)]
        wrong = [misconception(T_POINT, ans * 10, _("Move the decimal point in both numbers by the same number of "
                                                    "places before dividing.")),
                 misconception(T_POINT, ans / 10, _("Move the decimal point in both numbers by the same number of "
                                                    "places before dividing."))]
        latex = rf"{num(a)} \div {num(b)}"
        nudge, method = (_("Make the divisor a whole number first."),
                         _("Move the decimal point in the divisor until it is whole, move it the same number of places "
                           "in the dividend, then divide."))
    statement = _("Work out {expr}.").format(expr=latex.replace(r"\times", "×").replace(r"\div", "÷"))
    return Draft(statement, latex, ans, num(ans), steps, nudge, method=method, answer_format=_(DECIMAL_FORMAT),
                 misconceptions=wrong)


def integers_line(rng: random.Random, level: int) -> Draft:
    n = nonzero(rng, -9, 9)
    if level == 1:
        ans = -n
        data = {"number": n}
        fig = number_line(-10, 10, points=[n], labels={n: str(n)}, alt=_("A number line from -10 to 10 with {n} "
                                                                         "marked.").format(n=n), data=data)
        statement = _("What is the opposite of {n}?").format(n=n)
        steps = [step(_("{n} is {d} units from 0; the opposite is the same distance on the other side of 0.").format(
                     n=n, d=abs(n)), sympy.Abs(n), abs(n)),
                 step(_("So the opposite of {n} is {ans}.").format(n=n, ans=ans), -sympy.Integer(n), ans)]
        wrong = [misconception(T_SAME, sympy.Integer(n), _("The opposite is on the other side of 0, at the same "
                                                           "distance.")),
                 misconception(T_WRONG_WAY, sympy.Integer(-n + (1 if n > 0 else -1)), _("Count the same number of "
                                                                                        "units from 0 on the other "
                                                                                        "side."))]
        nudge, method = (_("Opposites are the same distance from 0."),
                         _("Find how far the number is from 0, then go the same distance on the other side of 0."))
        latex = rf"-({n})"
    elif level == 2:
        d = rng.randint(2, 9)
        d += d == n  # never 0: an explanation mentions 0
        ans = n - d
        data = {"start": n, "move": d}
        fig = number_line(-20, 10, step=2, points=[n], labels={n: str(n)},
                          alt=_("A number line with {n} marked.").format(n=n), data=data)
        statement = _("Which number is {d} units to the left of {n} on the number line?").format(d=d, n=n)
        steps = [step(_("Left means smaller: {n} - {d} = {ans}.").format(n=n, d=d, ans=ans),
                      sympy.Add(n, -d, evaluate=False), ans)]
        wrong = [misconception(T_WRONG_WAY, sympy.Integer(n + d), _("Numbers get smaller to the left, even below "
                                                                    "0.")),
                 misconception(T_SIGN, sympy.Integer(-ans), _("Count the units one by one from the start; left of 0 "
                                                              "the numbers are negative."))]
        nudge, method = (_("Which way do the numbers get smaller?"),
                         _("Start at the given number and count the units to the left one by one."))
        latex = f"{n} - {d}"
    else:
        k = abs(n)
        ans = sympy.Integer(k if rng.random() < 0.5 else -k)
        inner = -ans
        data, fig = {}, None
        statement = _("What is -({inner})?").format(inner=inner)
        steps = [step(_("-({inner}) is the opposite of {inner}.").format(inner=inner), -inner, ans)]
        wrong = [misconception(T_DOUBLE_NEG if inner < 0 else T_IGNORE_MINUS, inner,
                               _("The minus sign in front means the opposite: go to the other side of 0."))]
        nudge, method = (_("A minus sign in front means 'the opposite of'."),
                         _("Find the opposite of the number in brackets: the same distance from 0, other side."))
        latex = rf"-({inner})"
    return Draft(statement, latex, sympy.Integer(ans), str(ans), steps, nudge, method=method,
                 answer_format=_(NUMBER_FORMAT), data=data, figure=fig, misconceptions=wrong)


def absolute_compare(rng: random.Random, level: int) -> Draft:
    if level == 1:
        a, b = -rng.randint(2, 15), nonzero(rng, -15, 15)
        ans = abs(a) + abs(b)
        statement = _("What is |{a}| + |{b}|?").format(a=a, b=b)
        steps = [step(_("|{a}| = {aa} and |{b}| = {bb}: the distances from 0.").format(a=a, aa=abs(a), b=b, bb=abs(b)),
                      sympy.Abs(a), abs(a)),
                 step(_("{aa} + {bb} = {ans}").format(aa=abs(a), bb=abs(b), ans=ans),
                      sympy.Add(abs(a), abs(b), evaluate=False), ans)]
        wrong = [misconception(T_NO_BARS, sympy.Integer(a + b), _("The bars mean distance from 0, which is never "
                                                                  "negative: take each absolute value first.")),
                 misconception(T_ABS_SIGN, sympy.Integer(a + abs(b)), _("The absolute value of a negative number is "
                                                                        "positive: it is a distance."))]
        data = {"first": a, "second": b}
        fig = number_line(-15, 15, step=5, points=[a], labels={a: str(a)}, alt=_("A number line with {a} "
                                                                                 "marked.").format(a=a),
                          data={"first": a})
        return Draft(statement, rf"|{a}| + |{b}|", sympy.Integer(ans), str(ans), steps,
                     _("Absolute value is the distance from 0."),
                     method=_("Write each absolute value as a distance from 0 (never negative), then add."),
                     answer_format=_(NUMBER_FORMAT), data=data, figure=fig, misconceptions=wrong)
    if level == 2:
        a, b = rng.sample(range(-15, 0), 2)
        f, g = R(a), R(b)
    else:
        f = -R(rng.randint(11, 99), 10)
        g = -R(rng.randint(101, 999), 100)
        while abs(abs(f) - abs(g)) < R(1, 10):
            g = -R(rng.randint(101, 999), 100)
    pair = [f, g]
    rng.shuffle(pair)
    ft, gt = num(pair[0]), num(pair[1])
    big, small = max(f, g), min(f, g)
    lo, hi = math.floor(min(f, g)) - 1, 0
    data = {"first": pair[0], "second": pair[1]}
    fig = number_line(lo, hi, step=1 if hi - lo <= 16 else 2, points=pair, labels={pair[0]: ft, pair[1]: gt},
                      alt=_("A number line with {a} and {b} marked.").format(a=ft, b=gt), data=data)
    statement = _("Which number is greater: {a} or {b}?").format(a=ft, b=gt)
    steps = [step(_("{s} is farther left (farther below 0) than {b}.").format(s=num(small), b=num(big)),
                  sympy.Min(f, g), small),
             step(_("The number farther right is greater: {b}.").format(b=num(big)), sympy.Max(f, g), big)]
    wrong = [misconception(T_DIGITS, small, _("For negative numbers, the one farther from 0 is the smaller one: "
                                              "picture them on the number line.")),
]
    return Draft(statement, rf"{ft} \;?\; {gt}", big, num(big), steps,
                 _("Picture both numbers on the number line."),
                 method=_("On a number line, numbers increase to the right; the number farther right is greater."),
                 answer_format=_("the greater number"), data=data, figure=fig, misconceptions=wrong)


# --------------------------------------------------------------------------- grade 7

def add_sub_rational(rng: random.Random, level: int) -> Draft:
    if level == 3:
        a = R(nonzero(rng, -40, 40), rng.choice([2, 4, 10]))
        b = R(nonzero(rng, -40, 40), rng.choice([2, 4, 10]))
    else:
        a, b = R(nonzero(rng, -20, 20)), R(nonzero(rng, -20, 20))
    sub = level >= 2
    if sub and b > 0 and rng.random() < 0.7:
        b = -b
    ans = a - b if sub else a + b
    op = "-" if sub else "+"
    statement = _("Work out {a} {op} {b}.").format(a=num(a), op=op, b=signed(b))
    if sub:
        steps = [step(_("Subtracting {b} is adding its opposite: {a} - {sb} = {a} + {nb}.").format(
                     b=num(b), a=num(a), sb=signed(b), nb=signed(-b)), a - b, a + (-b)),
                 step(_("{a} + {nb} = {ans}").format(a=num(a), nb=signed(-b), ans=num(ans)),
                      sympy.Add(a, -b, evaluate=False), ans)]
        wrong = [misconception(T_SUB_NEG, a + b, _("Taking away a negative number is the same as adding its "
                                                   "opposite.")),
                 misconception(T_SIGN, -ans, _("Check the sign: picture the move on a number line."))]
    else:
        steps = [step(_("{a} + {b}: when the signs differ, subtract the sizes and keep the sign of the larger "
                        "size.").format(a=num(a), b=signed(b)) if a * b < 0 else
                      _("{a} + {b}: when the signs are the same, add the sizes and keep the sign.").format(
                          a=num(a), b=signed(b)), sympy.Abs(a + b), abs(a + b)),
                 step(_("{a} + {b} = {ans}").format(a=num(a), b=signed(b), ans=num(ans)),
                      sympy.Add(a, b, evaluate=False), ans)]
        wrong = [misconception(T_SIGN, -ans, _("Check the sign: the sum has the sign of the number with the "
                                               "larger size.")),
                 misconception(T_ADD_ABS, (abs(a) + abs(b)) * (1 if a + b > 0 else -1),
                               _("When the signs differ, the numbers pull opposite ways: subtract the sizes."))]
    data = {"start": a}
    fig = number_line(-20, 20, step=5, points=[a], labels={a: num(a)}, alt=_("A number line from -20 to 20 with "
                                                                             "{a} marked.").format(a=num(a)),
                      data=data) if level < 3 else None
    return Draft(statement, f"{num(a)} {op} {signed(b)}", ans, num(ans), steps,
                 _("Think of moves on a number line."), data=data, figure=fig,
                 method=_("Rewrite subtraction as adding the opposite; same signs add the sizes, different signs "
                          "subtract them and keep the sign of the larger size."),
                 answer_format=_(NUMBER_FORMAT), misconceptions=wrong)


def mult_div_rational(rng: random.Random, level: int) -> Draft:
    if level == 3:
        a = R(nonzero(rng, -9, 9), rng.randint(2, 9))
        b = R(nonzero(rng, -9, 9), rng.randint(2, 9))
        if a * b > 0 and rng.random() < 0.5:
            b = -b
        ans = a * b
        op, latex_op = "×", r"\times"
    else:
        x, y = nonzero(rng, -12, 12), nonzero(rng, -12, 12)
        if x * y > 0 and rng.random() < 0.6:
            x, y = -abs(x), -abs(y)
        if level == 1:
            a, b, ans = R(x), R(y), R(x * y)
            op, latex_op = "×", r"\times"
        else:
            a, b, ans = R(x * y), R(y), R(x)
            op, latex_op = "÷", r"\div"
    negs = int(bool(a < 0)) + int(bool(b < 0))
    statement = _("Work out {a} {op} {b}.").format(a=num(a), op=op, b=signed(b))
    size = abs(a) * abs(b) if op == "×" else abs(a) / abs(b)
    steps = [step(_("Sizes: {a} {op} {b} = {s}.").format(a=num(abs(a)), op=op, b=num(abs(b)), s=num(size)),
                  abs(a) * abs(b) if op == "×" else abs(a) / abs(b), size),
             step((_("An even number of negative signs gives a positive result: {ans}.") if negs % 2 == 0 else
                   _("An odd number of negative signs gives a negative result: {ans}.")).format(ans=num(ans)),
                  a * b if op == "×" else a / b, ans)]
    wrong = [misconception(T_NEG_NEG if negs == 2 else T_SIGN, -ans,
                           _("Count the negative signs: two negatives make a positive, one makes a negative.")),
             misconception(T_OP, a + b if op == "×" else a - b,
                           _("The question asks for a product or a quotient, not a sum or a difference."))]
    return Draft(statement, rf"{num(a)} {latex_op} {signed(b)}", ans, num(ans), steps,
                 _("Work out the size first, then the sign."),
                 method=_("Multiply or divide the sizes, then decide the sign by counting the negative signs."),
                 answer_format=_(FRACTION_FORMAT), misconceptions=wrong)


# --------------------------------------------------------------------------- grade 8

def square_figure(n: int, alt: str, data: dict) -> object:
    c = Canvas(220, 200)
    c.rect(30, 20, 160, 160, fill=SOFT, stroke=INK)
    c.text(110, 105, _("Area = {n}").format(n=n), size=16)
    c.text(110, 196, "?", size=16)
    return c.figure("shape", alt, data)


def roots(rng: random.Random, level: int) -> Draft:
    r = rng.randint(2, 15) if level != 2 else rng.randint(2, 6)
    if level == 2:
        n = r ** 3
        statement = _("What is the cube root of {n}?").format(n=n)
        steps = [step(_("{r} × {r} × {r} = {n}").format(r=r, n=n), sympy.Mul(r, r, r, evaluate=False), n),
                 step(_("So the cube root of {n} is {r}.").format(n=n, r=r), sympy.cbrt(n), r)]
        wrong = [misconception(T_THIRD, R(n, 3), _("A cube root is a number used three times as a factor, not the "
                                                  "number divided by three.")),
                 misconception(T_HALF, R(n, 2), _("Look for the number that, multiplied by itself three times, "
                                                  "gives the number."))]
        latex, data, fig = rf"\sqrt[3]{{{n}}}", {"number": n}, None
    else:
        n = r * r
        data = {"area": n}
        if level == 3:
            statement = _("A square has an area of {n} square centimetres. How long is each side?").format(n=n)
            fig = square_figure(n, _("A square with area {n}; its side is unknown.").format(n=n), data)
        else:
            statement = _("What is the square root of {n}?").format(n=n)
            fig = None
        steps = [step(_("{r} × {r} = {n}").format(r=r, n=n), sympy.Mul(r, r, evaluate=False), n),
                 step(_("So the square root of {n} is {r}.").format(n=n, r=r), sympy.sqrt(n), r)]
        wrong = [misconception(T_HALF, R(n, 2), _("A square root is a number times itself, not half of the "
                                                  "number.")),
                 misconception(T_SQUARE, sympy.Integer(n * n), _("The root undoes squaring: find the number that, "
                                                                 "times itself, gives this one."))]
        latex = rf"\sqrt{{{n}}}"
    return Draft(statement, latex, sympy.Integer(r), str(r), steps,
                 _("Which number, multiplied by itself, gives this one?"),
                 method=_("Try whole numbers: square (or cube) them until you reach the number."),
                 answer_format=_(NUMBER_FORMAT), data=data, figure=fig,
                 answer_unit="cm" if level == 3 else "", misconceptions=wrong)


def estimate_roots(rng: random.Random, level: int) -> Draft:
    a = rng.randint(2, 9) if level < 3 else rng.randint(4, 12)
    n = rng.randint(a * a + 1, (a + 1) ** 2 - 1)
    root = sympy.sqrt(n)
    lo_sq, hi_sq = a * a, (a + 1) ** 2
    data = {"number": n, "below": lo_sq, "above": hi_sq, "roots": [a, a + 1]}
    if level == 1:
        ans = sympy.Integer(a)
        statement = _("The square root of {n} lies between two whole numbers next to each other. What is the smaller "
                      "one?").format(n=n)
    elif level == 2:
        ans = sympy.Integer(a + 1)
        statement = _("The square root of {n} lies between two whole numbers next to each other. What is the larger "
                      "one?").format(n=n)
    else:
        ans = sympy.Integer(round(float(root)))
        statement = _("What is the square root of {n} to the nearest whole number?").format(n=n)
    steps = [step(_("{a}² = {lo} and {b}² = {hi}.").format(a=a, lo=lo_sq, b=a + 1, hi=hi_sq),
                  sympy.Integer(a) ** 2, lo_sq),
             step(_("{lo} < {n} < {hi}, so the square root of {n} is between {a} and {b}.").format(
                 lo=lo_sq, n=n, hi=hi_sq, a=a, b=a + 1), sympy.floor(root), a)]
    if level == 3:
        steps.append(step(_("{n} is closer to {near}, so the square root is about {ans}.").format(
            n=n, near=int(ans) ** 2, ans=ans), sympy.Integer(round(float(root))), ans))
    other = a + 1 if ans == a else a
    wrong = [misconception(T_HALF, R(n, 2), _("The square root is a number that times itself gives the number, not "
                                              "half of it.")),
             misconception(T_ROUND if level == 3 else T_OTHER, sympy.Integer(other), _("Find the perfect squares on either side of the number "
                                                            "and check which one the question asks for."))]
    fig = number_line(a - 1, a + 2, points=[a, a + 1], alt=_("A number line with the whole numbers whose squares "
                                                            "are {lo} and {hi} marked.").format(lo=lo_sq, hi=hi_sq),
                      data={"number": n, "roots": [a, a + 1]}) if level == 3 else None
    return Draft(statement, rf"\sqrt{{{n}}}", ans, str(ans), steps,
                 _("Which perfect squares are just below and just above the number?"),
                 method=_("Find the perfect squares on either side of the number; their roots are the whole numbers "
                          "on either side of the square root."),
                 answer_format=_(NUMBER_FORMAT), data=data, figure=fig, misconceptions=wrong)


def rational_irrational(rng: random.Random, level: int) -> Draft:
    sq = rng.randint(2, 12)
    k = rng.choice([j for j in range(2, 40) if math.isqrt(j) ** 2 != j])
    frac = R(rng.randint(1, 9), rng.choice([3, 7, 9, 11]))
    while frac.q == 1:
        frac = R(rng.randint(1, 9), 7)
    dec = R(rng.randint(11, 99), 100)
    if level < 3:
        options = [(f"√{sq * sq}", sympy.sqrt(sq * sq)), (plain(frac), frac), (decimal_text(dec), dec),
                   (f"√{k}", sympy.sqrt(k))]
        rng.shuffle(options)
        ans = sympy.sqrt(k)
        statement = _("Which of these numbers is irrational: {options}?").format(options=", ".join(t for t, _v in options))
        steps = [step(_("√{s} = {r}, a whole number, so it is rational.").format(s=sq * sq, r=sq), sympy.sqrt(sq * sq), sq),
                 step(_("{f} and {d} are fractions (their decimals end or repeat), so they are rational.").format(
                     f=plain(frac), d=decimal_text(dec)), dec, R(dec.p, dec.q)),
                 step(_("{k} is not a perfect square, so √{k} is irrational.").format(k=k), sympy.sqrt(k) ** 2, k)]
        wrong = [misconception(T_ALL_ROOTS, sympy.Integer(sq), _("A square root of a perfect square is a whole number, "
                                                                 "so it is rational.")),
                 misconception(T_FRACTION, frac, _("Every fraction of whole numbers is rational, even when its "
                                                   "decimal repeats forever."))]
        nudge = _("A rational number can be written as a fraction of two whole numbers.")
        answer_text = f"sqrt({k})"
    else:
        options = [("π", sympy.pi), (f"√{k}", sympy.sqrt(k)), (f"√{sq * sq}", sympy.sqrt(sq * sq))]
        rng.shuffle(options)
        ans = sympy.Integer(sq)
        statement = _("Which of these numbers is rational: {options}?").format(options=", ".join(t for t, _v in options))
        steps = [step(_("√{s} = {r}, a whole number, so it is rational.").format(s=sq * sq, r=sq),
                      sympy.sqrt(sq * sq), sq),
                 step(_("{k} is not a perfect square, so √{k} is irrational; π is irrational too.").format(k=k),
                      sympy.sqrt(k) ** 2, k)]
        wrong = [misconception(T_PI, sympy.pi, _("π is close to a fraction, but its decimal never ends or repeats, so "
                                                 "it is irrational.")),
                 misconception(T_ROOT_RATIONAL, sympy.sqrt(k), _("Only the square root of a perfect square is a whole "
                                                             "number."))]
        nudge = _("Can the number be written as a fraction of two whole numbers?")
        answer_text = str(sq)
    return Draft(statement, r"?", ans, answer_text, steps, nudge,
                 method=_("Check each number: whole numbers, fractions, ending or repeating decimals and roots of "
                          "perfect squares are rational."),
                 answer_format=_("one of the numbers"), data={"perfect_square": sq * sq, "not_square": k},
                 misconceptions=wrong)
