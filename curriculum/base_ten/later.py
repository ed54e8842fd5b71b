"""Rounding, multiplying and dividing multi-digit numbers, and decimal place value (grades 3–5)."""

from __future__ import annotations

import random

import sympy
from sympy import Integer as I
from sympy import Rational as R

from curriculum.base_ten.draw import SIDE, UNIT, place_value_chart
from curriculum.base_ten.early import add, mul, sub
from curriculum.kit import N_, Draft, catalogue, decimal_text, misconception, step
from tutor.figures import ACCENT, Canvas, number_line

_ = catalogue(__file__, "base_ten")

PLACES = {10: N_("ten"), 100: N_("hundred"), 1000: N_("thousand"), 10000: N_("ten thousand"),
          100000: N_("hundred thousand")}


def round_to(n: int, place: int) -> int:
    return (n + place // 2) // place * place


def rounding(n: int, place: int, figure_ok: bool = True) -> Draft:
    ans = round_to(n, place)
    lo = n // place * place
    hi = lo + place
    digit = n // (place // 10) % 10
    where = _(PLACES[place])
    statement = _("Round {n} to the nearest {place}.").format(n=n, place=where)
    steps = [step(_("{n} is between {lo} and {hi}.").format(n=n, lo=lo, hi=hi), sub(hi, lo), place),
             step(_("Halfway is {mid}.").format(mid=lo + place // 2), add(lo, place // 2), lo + place // 2),
             step(_("The digit to the right of the rounding place is {d}, so round {way}.").format(
                 d=digit, way=_("up") if digit >= 5 else _("down")), I(ans), I(hi if digit >= 5 else lo))]
    other = lo if ans == hi else hi
    wrong = [misconception(N_("rounded a 5 down") if digit == 5 else N_("rounded the wrong way"), I(other),
                           _("Look at the digit just to the right of the rounding place: 5 or more rounds up, "
                             "4 or less rounds down.")),
             misconception(N_("dropped the digits instead of writing zeros"), I(ans // place),
                           _("Rounding keeps the size of the number: the places to the right become zeros."))]
    smaller = place // 10
    if smaller >= 10:
        wrong.append(misconception(N_("rounded to the wrong place"), I(round_to(n, smaller)),
                                   _("Check which place the question asks you to round to.")))
    data = {"n": n}
    figure = None
    if figure_ok:
        figure = number_line(lo, hi, step=place // 10, points=[n], labels={n: str(n)}, data=data,
                             alt=_("A number line between two multiples with the number marked."))
    return Draft(statement, statement, I(ans), str(ans), steps,
                 _("Which two round numbers is it between, and which one is it closer to?"),
                 method=_("Find the two multiples it lies between, then look at the next digit to the right: "
                          "5 or more rounds up, otherwise round down."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


def round_3(rng: random.Random, level: int) -> Draft:
    place = 10 if level < 3 else 100
    n = rng.randint(12, 98) if level == 1 else rng.randint(101, 989)
    if rng.random() < 0.3:  # a 5 in the deciding place
        n = n // place * place + place // 2 + (rng.randint(0, 9) if place == 100 else 0)
    if n % place == 0:
        n += 3
    return rounding(n, place)


def round_large(rng: random.Random, level: int) -> Draft:
    if level == 1:
        n, place = rng.randint(1001, 9999), rng.choice([100, 1000])
    elif level == 2:
        n, place = rng.randint(10001, 99999), 1000
    else:
        n, place = rng.randint(100001, 999999), rng.choice([10000, 100000])
    if n % place == 0:
        n += 7
    return rounding(n, place)


# --------------------------------------------------------------------------- nbt.mult_tens (grade 3)

def mult_tens(rng: random.Random, level: int) -> Draft:
    a = rng.randint(2, 9)
    d = rng.randint(1, 5) if level == 1 else rng.randint(2, 9)
    if level == 3:
        a, d = rng.choice([(5, 2), (5, 4), (5, 6), (5, 8), (4, 5), (6, 5), (8, 5), (2, 5)])
        a, d = (a, d) if rng.random() < 0.5 else (d, a)
    m = 10 * d
    ans = a * m
    steps = [step(_("{m} is {d} tens, so {a} × {m} is {a} × {d} tens.").format(m=m, d=d, a=a), mul(a, m),
                  mul(a * d, 10)),
             step(_("{a} × {d} = {p}").format(a=a, d=d, p=a * d), mul(a, d), a * d),
             step(_("{p} tens = {ans}").format(p=a * d, ans=ans), mul(a * d, 10), ans)]
    wrong = [misconception(N_("left off the zero"), I(a * d),
                           _("You multiplied tens: the answer counts tens, so it needs its place-holding zero.")),
             misconception(N_("wrote too many zeros"), I(ans * 10),
                           _("Only one factor is a multiple of ten: write one zero after the basic fact.")),
             misconception(N_("added instead of multiplying"), I(a + m),
                           _("The sign is ×: {a} groups of the same size.").format(a=a))]
    data = {"a": a, "tens": d}
    figure = None
    if level < 3:
        c = Canvas(40 + d * (UNIT + 5) + 20, 20 + a * (SIDE / 2 + 12))
        for row in range(a):
            for k in range(d):
                c.rect(20 + k * (UNIT + 5), 10 + row * (SIDE / 2 + 12), UNIT, SIDE / 2, fill="#bbf7d0",
                       stroke="#15803d", width=1.2)
        figure = c.figure("base_ten_blocks", _("Equal rows of tens rods, one row for each group."), data)
    statement = _("What is {a} × {m}?").format(a=a, m=m)
    return Draft(statement, rf"{a} \times {m}", I(ans), str(ans), steps,
                 _("Think of the multiple of ten as a number of tens."),
                 method=_("Multiply the basic fact, then remember the answer counts tens: write it with a zero."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- nbt.multiply (grades 4–5)

def area_model(a_parts: list[int], b_parts: list[int], data: dict, alt: str):
    width, height = 420, 260
    c = Canvas(width, height)
    total_a, total_b = sum(a_parts), sum(b_parts)
    x0, y0, w, h = 60, 40, 340, 200
    xs = [x0]
    for p in a_parts:
        xs.append(xs[-1] + max(40, w * p / total_a))
    scale = w / (xs[-1] - x0)
    xs = [x0 + (v - x0) * scale for v in xs]
    ys = [y0]
    for p in b_parts:
        ys.append(ys[-1] + max(40, h * p / total_b))
    scale_y = h / (ys[-1] - y0)
    ys = [y0 + (v - y0) * scale_y for v in ys]
    for i, p in enumerate(a_parts):
        c.text((xs[i] + xs[i + 1]) / 2, y0 - 10, p, size=14, bold=True, color=ACCENT)
        for j in range(len(b_parts)):
            c.rect(xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j], fill="#eff6ff" if (i + j) % 2 else "#dbeafe",
                   stroke=ACCENT, width=1.5)
    for j, p in enumerate(b_parts):
        c.text(x0 - 10, (ys[j] + ys[j + 1]) / 2 + 5, p, size=14, bold=True, color=ACCENT, anchor="end")
    return c.figure("area_model", alt, data)


def multiply(rng: random.Random, level: int) -> Draft:
    if level == 1:
        a, b = rng.randint(112, 2999), rng.randint(3, 9)
    elif level == 2:
        a, b = rng.randint(13, 98), rng.randint(13, 98)
    else:
        a, b = rng.randint(112, 899), rng.randint(13, 89)
    if a % 10 == 0:
        a += 3
    if b % 10 == 0:
        b += 1
    ans = a * b
    statement = _("What is {a} × {b}?").format(a=a, b=b)
    if level == 1:
        parts_a = [int(ch) * 10 ** k for k, ch in enumerate(reversed(str(a))) if ch != "0"][::-1]
        steps = [step(_("{p} × {b} = {v}").format(p=p, b=b, v=p * b), mul(p, b), p * b) for p in parts_a]
        steps.append(step(_("Add the partial products: {ans}").format(ans=ans),
                          sympy.Add(*[I(p * b) for p in parts_a], evaluate=False), ans))
        no_carry = sum((int(ch) * b) % 10 * 10 ** k for k, ch in enumerate(reversed(str(a))))
        wrong = [misconception(N_("forgot the carried digits"), I(no_carry),
                               _("When a place makes ten or more, carry the tens to the next place and add them "
                                 "after multiplying.")),
                 misconception(N_("multiplied only the ones digit"), I(a // 10 * 10 + a % 10 * b),
                               _("Every digit of the top number must be multiplied, not only the ones."))]
        data = {"a": a, "b": b}
        figure = None
    else:
        ones, tens = b % 10, b // 10
        p1, p2 = a * ones, a * tens * 10
        steps = [step(_("{a} × {o} = {p}").format(a=a, o=ones, p=p1), mul(a, ones), p1),
                 step(_("{a} × {t} = {p}").format(a=a, t=10 * tens, p=p2), mul(a, 10 * tens), p2),
                 step(_("{p} + {q} = {ans}").format(p=p1, q=p2, ans=ans), add(p1, p2), ans)]
        wrong = [misconception(N_("forgot the zero in the second row"), I(p1 + a * tens),
                               _("The second row multiplies by tens, so it is shifted one place: write a zero first.")),
                 misconception(N_("multiplied only by the ones digit"), I(p1),
                               _("Multiply by the tens digit too, then add the two partial products."))]
        if level == 2:
            wrong.append(misconception(N_("multiplied tens by tens and ones by ones"),
                                       I(a // 10 * tens * 100 + a % 10 * ones),
                                       _("Every part of one number multiplies every part of the other: there are "
                                         "four partial products.")))
        a_parts = [int(ch) * 10 ** k for k, ch in enumerate(reversed(str(a))) if ch != "0"][::-1]
        b_parts = [10 * tens, ones]
        data = {"a": a, "b": b, "parts_a": a_parts, "parts_b": b_parts}
        figure = area_model(a_parts, b_parts, data, _("An area model: a rectangle split by place value on each side."))
    return Draft(statement, rf"{a} \times {b}", I(ans), str(ans), steps,
                 _("Break the numbers into place-value parts and multiply part by part."),
                 method=_("Multiply by each place-value part (partial products), then add the partial products."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- nbt.divide (grades 4–5)

def divide(rng: random.Random, level: int) -> Draft:
    while True:
        if level == 1:
            d, q = rng.randint(3, 9), rng.randint(4, 15)
        elif level == 2:
            d, q = rng.randint(3, 9), rng.randint(21, 199)
        else:
            d, q = rng.randint(11, 25), rng.randint(12, 99)
        r = rng.randint(1, d - 1)
        n = d * q + r
        if n < (100 if level == 1 else 1000 if level == 2 else 10000) and q > 1:
            break
    answer = (I(q), I(r))
    steps = [step(_("{d} × {q} = {p}, the largest multiple of {d} that fits into {n}.").format(d=d, q=q, p=d * q, n=n),
                  mul(d, q), d * q),
             step(_("{n} − {p} = {r}, which is less than {d}.").format(n=n, p=d * q, r=r, d=d), sub(n, d * q), r),
             step(_("Check: {d} × {q} + {r} = {n}").format(d=d, q=q, r=r, n=n),
                  sympy.Add(mul(d, q), I(r), evaluate=False), n)]
    wrong = [misconception(N_("wrote the remainder as a decimal"), R(f"{q}.{r}"),
                           _("A remainder is a whole number left over, not tenths: give the quotient and the "
                             "remainder separately.")),
             misconception(N_("left out the remainder"), I(q),
                           _("Something is left over: say how many, as the remainder.")),
             misconception(N_("remainder bigger than the divisor"), (I(q - 1), I(r + d)),
                           _("If the remainder is as big as the divisor, one more group fits.")) ]
    statement = _("Divide {n} by {d}. What are the quotient and the remainder?").format(n=n, d=d)
    return Draft(statement, rf"{n} \div {d}", answer, f"{q}, {r}", steps,
                 _("How many times does the divisor fit, and what is left over?"),
                 method=_("Divide place by place: divide, multiply, subtract, bring down the next digit; what is left "
                          "at the end is the remainder."),
                 answer_format=_("the quotient and the remainder separated by a comma (or like 12 R 3)"),
                 misconceptions=wrong, data={"n": n, "d": d})


# --------------------------------------------------------------------------- nbt.decimals (grade 5)

HEADINGS = (N_("ones"), N_("tenths"), N_("hundredths"), N_("thousandths"))


def decimals(rng: random.Random, level: int) -> Draft:
    if level == 1:
        ones, *fr = rng.sample(range(1, 10), 4)
        k = rng.randint(1, 3)
        value = R(ones) + sum(R(d, 10 ** (i + 1)) for i, d in enumerate(fr))
        digit = fr[k - 1]
        ans = R(digit, 10 ** k)
        text = decimal_text(value, 6)
        statement = _("In {n}, what is the value of the digit {d}?").format(n=text, d=digit)
        steps = [step(_("The digit {d} is {k} place(s) right of the decimal point.").format(d=digit, k=k), I(k), I(k)),
                 step(_("Its value is {d} ÷ {p}.").format(d=digit, p=10 ** k), digit / I(10 ** k), ans)]
        wrong = [misconception(N_("gave the digit, not its value"), I(digit),
                               _("Places right of the decimal point are tenths, hundredths, thousandths: name the place.")),
                 misconception(N_("read tenths as tens"), I(digit * 10 ** k),
                               _("Places to the right of the point get smaller, not bigger: tenths, not tens.")),
                 misconception(N_("used the wrong place"), R(digit, 10 ** (k + 1)),
                               _("Count the places from the decimal point: the first is tenths."))]
        data = {"digits": [ones, *fr]}
        figure = place_value_chart([_(h) for h in HEADINGS], [ones, *fr], data,
                                   _("A place-value chart with the number's digits."), point_after=0)
        return Draft(statement, statement, ans, decimal_text(ans, 6), steps,
                     _("Name the place of that digit: tenths, hundredths or thousandths."),
                     method=_("Divide the digit by ten for each place it sits to the right of the decimal point."),
                     answer_format=_("a decimal"), misconceptions=wrong, data=data, figure=figure)
    power = rng.randint(1, 3)
    p = 10 ** power
    a = R(rng.randint(101, 9999), 10 ** rng.randint(1, 2))
    times = level == 2
    ans = a * p if times else a / p
    text, atext = decimal_text(a, 6), decimal_text(ans, 8)
    sign = "×" if times else "÷"
    statement = _("What is {a} {op} {p}?").format(a=text, op=sign, p=p)
    way = _("right") if times else _("left")
    steps = [step(_("{p} has {k} zero(s), so move the decimal point {k} place(s) to the {way}.").format(
                 p=p, k=power, way=way), I(p), I(10) ** power),
             step(_("{a} {op} {p} = {ans}").format(a=text, op=sign, p=p, ans=atext),
                  sympy.Mul(a, p, evaluate=False) if times else sympy.Mul(a, R(1, p), evaluate=False), ans)]
    wrong = [misconception(N_("moved the point the wrong way"), a / p if times else a * p,
                           _("Multiplying by ten makes a number bigger, dividing makes it smaller: check your direction.")),
             misconception(N_("wrote zeros on the end"), a,
                           _("A zero at the end of a decimal does not change its value: move the decimal point instead."))]
    if power > 1:
        wrong.append(misconception(N_("moved the point one place only"), a * 10 if times else a / 10,
                                   _("Move the point one place for each zero in the power of ten.")))
    op_tex = r"\times" if times else r"\div"
    return Draft(statement, f"{text} {op_tex} {p}", ans, atext, steps,
                 _("Count the zeros in the power of ten."),
                 method=_("Each zero moves every digit one place: to the left of the point when multiplying, to the "
                          "right when dividing."),
                 answer_format=_("a decimal or whole number"), misconceptions=wrong, data={"a": text, "p": p})
