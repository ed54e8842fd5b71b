"""Ratios and proportional relationships (grades 6–7): ratio tables, percents of a quantity, the constant of
proportionality, and percent increase, decrease, tax, tip, discount and simple interest."""

from __future__ import annotations

import random

import sympy
from sympy import Rational as R

from curriculum.expressions import _
from curriculum.expressions.shared import (
    money,
    num,
    pick,
    ratio_table,
    sentences,
    tape_diagram,
    xy_table,
)
from curriculum.kit import N_, Draft, misconception, step
from tutor.figures import coordinate_plane

RATIO_CONTEXTS = [
    {"rows": (N_("flour (cups)"), N_("sugar (cups)")),
     "given": N_("A recipe uses {a} cups of flour for every {b} cups of sugar."),
     "ask": N_("How many cups of sugar go with {c} cups of flour?")},
    {"rows": (N_("red paint (cans)"), N_("white paint (cans)")),
     "given": N_("A paint mix uses {a} cans of red paint for every {b} cans of white paint."),
     "ask": N_("How many cans of white paint go with {c} cans of red paint?")},
    {"rows": (N_("boys"), N_("girls")),
     "given": N_("A club has {a} boys for every {b} girls."),
     "ask": N_("How many girls are there when there are {c} boys?")},
    {"rows": (N_("juice (cups)"), N_("water (cups)")),
     "given": N_("A drink is made with {a} cups of juice for every {b} cups of water."),
     "ask": N_("How many cups of water go with {c} cups of juice?")},
]


def ratio_tables(rng: random.Random, level: int) -> Draft:
    ctx = rng.choice(RATIO_CONTEXTS)
    if level < 3:
        def draw():
            a, b = rng.randint(1, 5 if level == 1 else 9), rng.randint(1, 5 if level == 1 else 9)
            k = rng.randint(3, 6 if level == 1 else 12)
            return a, b, k, 1
    else:
        def draw():
            p, q = rng.randint(2, 5), rng.randint(2, 7)
            m, n = rng.randint(2, 4), rng.randint(3, 9)
            return p * m, q * m, n, m  # given (p·m, q·m); asked n·p

    def fine(t):
        a, b, k, m = t
        if a == b or sympy.gcd(a, b) != m or k == m:
            return False
        ans = b * k // m
        return ans not in (2 * a, 2 * b, a, b) and (a * k) % m == 0 and (b * k) % m == 0 and a * k // m != ans

    a, b, k, m = pick(rng, draw, fine)
    c, ans = a * k // m, b * k // m
    first, second = [a, 2 * a, c], [b, 2 * b, None]
    data = {"first": first, "second": [b, 2 * b, "?"], "a": a, "b": b, "c": c}
    rows = (_(ctx["rows"][0]), _(ctx["rows"][1]))
    fig = ratio_table(rows, first, second, alt=_("A ratio table: the top row is {a}, {a2}, {c}; the bottom row is "
                                                   "{b}, {b2} and an unknown.").format(a=a, a2=2 * a, c=c, b=b, b2=2 * b),
                      data={"first": first, "second": [b, 2 * b, "?"]})
    if m == 1:
        steps = [step(_("From {a} to {c} the top row is multiplied by {k}: {a} × {k} = {c}.").format(a=a, c=c, k=k),
                      sympy.Mul(a, k, evaluate=False), c),
                 step(_("Multiply the bottom row by the same number: {b} × {k} = {ans}.").format(b=b, k=k, ans=ans),
                      sympy.Mul(b, k, evaluate=False), ans)]
    else:
        p, q = a // m, b // m
        steps = [step(_("Divide both rows by {m} to get the simplest pair: {a} ÷ {m} = {p} and {b} ÷ {m} = {q}.").format(
                     m=m, a=a, b=b, p=p, q=q), R(a, m) + R(b, m), p + q),
                 step(_("From {p} to {c} is multiplying by {n}: {q} × {n} = {ans}.").format(p=p, c=c, n=k, q=q, ans=ans),
                      sympy.Mul(q, k, evaluate=False), ans)]
    return Draft(
        sentences(_(ctx["given"]).format(a=a, b=b), _(ctx["ask"]).format(c=c)),
        rf"{a} : {b} = {c} : ?", sympy.Integer(ans), str(ans), steps,
        _("In a ratio table every column is the first column multiplied by the same number."),
        method=_("Find what the top row was multiplied by, then multiply the bottom row by the same number."),
        answer_format=_("a whole number"), data=data, figure=fig,
        misconceptions=[
            misconception(N_("added instead of multiplying"), sympy.Integer(b + c - a),
                          _("You added the same amount to both rows. Equal ratios come from multiplying both "
                            "quantities by the same number, not from adding.")),
            misconception(N_("used the ratio the wrong way round"), R(c * a, b),
                          _("You swapped the two quantities of the ratio. Keep the rows in the order the problem "
                            "gives them.")),
        ],
    )


def percent_whole(rng: random.Random, level: int) -> Draft:
    if level < 3:
        p = rng.choice([10, 20, 25, 50, 75] if level == 1 else [5, 15, 30, 35, 40, 60, 65, 80, 90])
        whole = pick(rng, lambda: rng.randint(2, 40) * 20, lambda w: (w * p) % 100 == 0 and w * p != 10000)
        part = whole * p // 100
        data = {"p": p, "whole": whole, "full": 100}
        fig = tape_diagram([(f"{p}%", p), ("", 100 - p)], str(whole),
                           alt=_("A bar for the whole, {whole}, with {p}% of it shaded.").format(whole=whole, p=p),
                           data=data)
        return Draft(
            _("What is {p}% of {whole}?").format(p=p, whole=whole), rf"{p}\% \text{{ of }} {whole}",
            sympy.Integer(part), str(part),
            [step(_("{p}% is {p}/100.").format(p=p), R(p, 100), R(p, 100)),
             step(_("Multiply: {p}/100 × {whole} = {part}.").format(p=p, whole=whole, part=part),
                  sympy.Mul(R(p, 100), whole, evaluate=False), part)],
            _("Percent means 'out of 100'."),
            method=_("Write the percent as a fraction over 100, then multiply it by the whole."),
            answer_format=_("a number"), data=data, figure=fig,
            misconceptions=[
                misconception(N_("found the rest instead of the part"), sympy.Integer(whole - part),
                              _("That is the part that is left over. The question asks for the percent itself, the "
                                "shaded part of the bar.")),
                misconception(N_("divided by 10 instead of 100"), R(whole * p, 10),
                              _("Percent means out of 100, so the percent is divided by 100, not by 10.")),
            ],
        )
    p = rng.choice([10, 20, 25, 40, 50, 75, 30, 60])
    whole = pick(rng, lambda: rng.randint(2, 30) * 20, lambda w: (w * p) % 100 == 0 and w != 100)
    part = whole * p // 100
    data = {"p": p, "part": part, "full": 100}
    fig = tape_diagram([(str(part), p), ("", 100 - p)], "100%",
                       alt=_("A bar for the unknown whole (100%); its first {p}% is {part}.").format(p=p, part=part),
                       data=data)
    return Draft(
        _("{part} is {p}% of a number. What is the number?").format(part=part, p=p),
        rf"{part} = {p}\% \cdot n", sympy.Integer(whole), str(whole),
        [step(_("{p}% of the number is {part}, so 1% of it is {part} ÷ {p}.").format(p=p, part=part),
              R(part, p), R(part, p)),
         step(_("100% of it is 100 times that: {part} ÷ {p} × 100 = {whole}.").format(part=part, p=p, whole=whole),
              R(part, p) * 100, whole)],
        _("The part is only some of the whole; the whole is 100%."),
        method=_("Find what 1% is by dividing the part by the percent, then multiply by 100."),
        answer_format=_("a number"), data=data, figure=fig,
        misconceptions=[
            misconception(N_("multiplied instead of dividing"), R(part * p, 100),
                          _("You took the percent of the part. Here the part is known and the whole is missing, so "
                            "divide by the percent.")),
            misconception(N_("forgot to multiply by 100"), R(part, p),
                          _("Dividing the part by the percent gives 1% of the whole. Multiply by 100 to get the "
                            "whole.")),
        ],
    )


PROPORTIONAL = [
    N_("The table shows how many dollars y a shop charges for x pounds of apples."),
    N_("The table shows the distance y in miles a car travels in x hours."),
    N_("The table shows how many liters y a pump fills in x minutes."),
]


def proportional(rng: random.Random, level: int) -> Draft:
    if level == 3:
        k = R(rng.choice([3, 5, 7]), 2) if rng.random() < 0.5 else R(rng.choice([4, 5, 7]), 3)
        xs = sorted(rng.sample(range(1, 5), 3))
        xs = [v * k.q for v in xs]
    elif level == 2:
        k = sympy.Integer(rng.randint(2, 5))
        xs = sorted(rng.sample(range(1, 5), 3))
    else:
        k = sympy.Integer(rng.randint(2, 9))
        xs = sorted(rng.sample(range(1, 9), 3))
    ys = [k * v for v in xs]
    x1, y1 = xs[-1], ys[-1]
    wrong = [misconception(N_("divided x by y"), 1 / k,
                           _("You divided x by y. The constant of proportionality is y divided by x: how much y "
                             "for each 1 of x.")),
             misconception(N_("subtracted instead of dividing"), y1 - x1,
                           _("In a proportional relationship y is a multiple of x, so compare them by dividing, not "
                             "subtracting."))]
    steps = [step(_("Divide y by x: {y} ÷ {x} = {k}.").format(y=num(y1), x=num(x1), k=num(k)), R(y1, x1), k),
             step(_("Check another pair: {y} ÷ {x} = {k}.").format(y=num(ys[0]), x=num(xs[0]), k=num(k)),
                  R(ys[0], xs[0]), k)]
    if level == 2:
        data = {"A": (x1, y1), "B": (xs[0], ys[0])}
        hi = max(10, int(y1) + 1)
        fig = coordinate_plane(0, hi, points=data, lines=[(k, 0)], show_coordinates=True,
                               alt=_("A line through the origin and the points ({x1}, {y1}) and ({x2}, {y2}).").format(
                                   x1=x1, y1=y1, x2=xs[0], y2=ys[0]), data=data)
        statement = _("The graph of a proportional relationship passes through ({x1}, {y1}) and ({x2}, {y2}). What is "
                      "the constant of proportionality?").format(x1=x1, y1=y1, x2=xs[0], y2=ys[0])
    else:
        data = {"x": xs, "y": ys}
        fig = xy_table(xs, ys, alt=_("A table with x = {x1}, {x2}, {x3} and y = {y1}, {y2}, {y3}.").format(
            x1=xs[0], x2=xs[1], x3=xs[2], y1=ys[0], y2=ys[1], y3=ys[2]), data=data)
        statement = sentences(_(rng.choice(PROPORTIONAL)), _("x: {x1}, {x2}, {x3}; y: {y1}, {y2}, {y3}.").format(
            x1=xs[0], x2=xs[1], x3=xs[2], y1=ys[0], y2=ys[1], y3=ys[2]),
            _("What is the constant of proportionality (y per x)?"))
    return Draft(statement, r"y = k x,\ k = ?", k, num(k) if k.is_Integer else f"{k.p}/{k.q}", steps,
                 _("In a proportional relationship y = kx, and k is the same for every pair."),
                 method=_("Divide a y value by its x value; every pair should give the same quotient."),
                 answer_format=_("a number (a fraction is fine)"), data=data, figure=fig, misconceptions=wrong)


def percent_change(rng: random.Random, level: int) -> Draft:
    if level == 1:
        kind = rng.choice(["discount", "tax", "tip"])
        price = rng.randint(4, 40) * 5
        p = rng.choice([10, 20, 25, 30, 40]) if kind == "discount" else rng.choice([5, 8, 10, 15, 20])
        change = R(price * p, 100)
        if kind == "discount":
            ans = price - change
            statement = _("A jacket costs ${price}. It is on sale for {p}% off. What is the sale price in dollars?")
            first = _("The discount is {p}% of ${price}: {p}/100 × {price} = {change}.")
            second = _("Subtract the discount: {price} - {change} = {ans}.")
            wrong = [misconception(N_("subtracted the percent as a number"), sympy.Integer(price - p),
                                   _("You took away the percent as if it were dollars. First find that percent of "
                                     "the price, then subtract it.")),
                     misconception(N_("gave the discount, not the sale price"), change,
                                   _("That is how much you save. The sale price is the price minus the discount."))]
        else:
            ans = price + change
            statement = (_("A meal costs ${price}. A {p}% tip is added. What is the total in dollars?") if kind == "tip"
                         else _("A game costs ${price} plus {p}% sales tax. What is the total in dollars?"))
            first = _("The extra is {p}% of ${price}: {p}/100 × {price} = {change}.")
            second = _("Add it to the price: {price} + {change} = {ans}.")
            wrong = [misconception(N_("gave only the tax or tip"), change,
                                   _("That is only the extra amount. The total is the price plus the extra.")),
                     misconception(N_("added the percent as a number"), sympy.Integer(price + p),
                                   _("You added the percent as if it were dollars. First find that percent of the "
                                     "price, then add it."))]
        steps = [step(first.format(p=p, price=price, change=money(change)), sympy.Mul(R(p, 100), price, evaluate=False),
                      change),
                 step(second.format(price=price, change=money(change), ans=money(ans)),
                      price - change if kind == "discount" else price + change, ans)]
        return Draft(statement.format(price=price, p=p), rf"{price} \pm {p}\%", ans, money(ans), steps,
                     _("Find the percent of the price first, in dollars."),
                     method=_("Change the percent into dollars by multiplying it by the price, then subtract a "
                              "discount or add a tax or tip."),
                     answer_format=_("an amount in dollars"), data={"price": price, "p": p}, misconceptions=wrong,
                     answer_unit="$")
    if level == 2:
        old = rng.choice([20, 40, 50, 80, 200, 250, 400])
        p = pick(rng, lambda: rng.choice([10, 20, 25, 30, 40, 50, 60, 75]), lambda q: (old * q) % 100 == 0)
        up = rng.random() < 0.5
        change = old * p // 100
        new = old + change if up else old - change
        statement = (_("A price went up from ${old} to ${new}. What is the percent increase?") if up
                     else _("A price went down from ${old} to ${new}. What is the percent decrease?"))
        return Draft(
            statement.format(old=old, new=new), rf"\frac{{{new} - {old}}}{{{old}}} \times 100",
            sympy.Integer(p), str(p),
            [step(_("The change is {big} - {small} = {change}.").format(big=max(old, new), small=min(old, new),
                                                                       change=change),
                  abs(new - old), change),
             step(_("Divide by the original amount and multiply by 100: {change} ÷ {old} × 100 = {p}.").format(
                 change=change, old=old, p=p), R(change, old) * 100, p)],
            _("A percent change compares the change with the original amount."),
            method=_("Find the change, divide it by the original (starting) amount, then multiply by 100."),
            answer_format=_("a percent, as a number (25 for 25%)"), data={"old": old, "new": new, "percent": True},
            misconceptions=[
                misconception(N_("divided by the new value"), R(change * 100, new),
                              _("You divided by the new amount. A percent change is measured against the original "
                                "amount.")),
                misconception(N_("gave the change, not the percent"), sympy.Integer(change),
                              _("That is the change in dollars. Divide it by the original amount to turn it into a "
                                "percent.")),
            ],
        )
    principal = rng.choice([200, 300, 400, 500, 600, 800, 1000, 1200, 1500])
    rate = rng.choice([2, 3, 4, 5, 6])
    years = rng.randint(2, 6)
    interest = R(principal * rate * years, 100)
    return Draft(
        _("You put ${principal} in a savings account that pays {rate}% simple interest per year. How much interest, "
          "in dollars, do you earn in {years} years?").format(principal=principal, rate=rate, years=years),
        r"I = P r t", interest, money(interest),
        [step(_("One year's interest is {rate}% of ${principal}: {rate}/100 × {principal} = {one}.").format(
            rate=rate, principal=principal, one=money(R(principal * rate, 100))),
            sympy.Mul(R(rate, 100), principal, evaluate=False), R(principal * rate, 100)),
         step(_("Multiply by the number of years: {one} × {years} = {interest}.").format(
             one=money(R(principal * rate, 100)), years=years, interest=money(interest)),
             R(principal * rate, 100) * years, interest)],
        _("Simple interest is the same amount every year."),
        method=_("Interest = principal × rate × time: find one year's interest, then multiply by the years."),
        answer_format=_("an amount in dollars"), data={"principal": principal, "rate": rate, "years": years},
        answer_unit="$",
        misconceptions=[
            misconception(N_("forgot to multiply by the years"), R(principal * rate, 100),
                          _("That is the interest for one year only. Simple interest is earned every year.")),
            misconception(N_("gave the total, not the interest"), principal + interest,
                          _("You added the money you put in. The question asks only for the interest earned.")),
        ],
    )
