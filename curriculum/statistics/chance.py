"""Probability (grade 7) and bivariate data (grade 8): simple and compound probability, sample spaces,
experimental probability, scatter plots and two-way tables."""

from __future__ import annotations

import random

import sympy
from sympy import Rational as R

from curriculum.kit import N_, Draft, misconception, plain, step
from curriculum.statistics import _
from curriculum.statistics.figures import (
    scatter_plot,
    spinner,
    tree_diagram,
    two_way_table,
)
from curriculum.statistics.measures import tex_word
from tutor.figures import bar_graph

COLOUR_NAMES = {"red": N_("red"), "blue": N_("blue"), "green": N_("green"), "yellow": N_("yellow"),
                "purple": N_("purple")}
FRACTION = N_("a fraction in lowest terms")


def probability(rng: random.Random, level: int) -> Draft:
    colours = rng.sample(list(COLOUR_NAMES), 3)
    names = [_(COLOUR_NAMES[c]) for c in colours]
    if level == 1:  # a spinner of equal sectors
        sectors = rng.randint(5, 8)
        while True:
            counts = [rng.randint(1, sectors - 2) for _c in range(2)]
            if sum(counts) < sectors:
                break
        counts.append(sectors - sum(counts))
        order = [k for k, n in enumerate(counts) for _i in range(n)]
        rng.shuffle(order)
        fav, total = counts[0], sectors
        data = {"sectors": sectors}
        fig = spinner([colours[k] for k in order], [names[k] for k in order],
                      alt=_("A spinner with equal parts coloured {a}, {b} and {c}.").format(
                          a=names[0], b=names[1], c=names[2]), data=data)
        statement = _("The spinner has {n} equal parts. What is the probability that it lands on {colour}?").format(
            n=sectors, colour=names[0])
    else:
        counts = [rng.randint(2, (6, 9)[level - 2]) for _c in range(3)]
        total = sum(counts)
        fav = counts[0]
        data, fig = {"counts": counts}, None
        statement = _("A bag holds {a} {ca}, {b} {cb} and {c} {cc} marbles. One marble is picked without looking. "
                      "What is the probability that it is {ca}?").format(
            a=counts[0], ca=names[0], b=counts[1], cb=names[1], c=counts[2], cc=names[2])
        if level == 3:
            statement = _("A bag holds {a} {ca}, {b} {cb} and {c} {cc} marbles. One marble is picked without "
                          "looking. What is the probability that it is not {ca}?").format(
                a=counts[0], ca=names[0], b=counts[1], cb=names[1], c=counts[2], cc=names[2])
            fav = total - counts[0]
    ans = R(fav, total)
    return Draft(
        statement, r"P = \frac{?}{?}", ans, plain(ans),
        [
            step(_("Equally likely outcomes in all: {total}").format(total=total), sympy.Integer(total), total),
            step(_("Outcomes you want: {fav}").format(fav=fav), sympy.Integer(fav), fav),
            step(_("Probability = {fav}/{total} = {p}").format(fav=fav, total=total, p=plain(ans)) if ans.q != total
                 else _("Probability = {fav}/{total}").format(fav=fav, total=total), R(fav, total), ans),
        ],
        _("A probability compares the outcomes you want with all the equally likely outcomes."),
        method=_("Count the outcomes you want and all the outcomes, write wanted over all, and simplify."),
        data=data, figure=fig, answer_format=_(FRACTION),
        misconceptions=[
            misconception(N_("probability written as odds"), R(fav, total - fav),
                          _("You compared the outcomes you want with the ones you don't. A probability compares "
                            "them with all the outcomes.")),
            misconception(N_("one over the number of colours"), R(1, 3),
                          _("The colours are not equally likely: count how many of each there are.")),
            misconception(N_("gave the count instead of the probability"), sympy.Integer(fav),
                          _("That is how many outcomes you want. Write it as a fraction of all the outcomes.")),
        ],
    )


CHOICES = [
    (N_("shirts"), N_("pairs of trousers"), N_("hats"), N_("outfits")),
    (N_("kinds of bread"), N_("fillings"), N_("drinks"), N_("lunches")),
    (N_("starters"), N_("main dishes"), N_("desserts"), N_("meals")),
]
SHIRTS = [N_("T-shirt"), N_("polo"), N_("sweater")]
TROUSERS = [N_("jeans"), N_("shorts"), N_("skirt")]


def sample_space(rng: random.Random, level: int) -> Draft:
    if level == 1:
        a, b = rng.choice([(2, 3), (3, 2), (3, 3)])
        first, second = [_(t) for t in SHIRTS[:a]], [_(t) for t in TROUSERS[:b]]
        ans = a * b
        data = {"first": first, "second": second}
        return Draft(
            _("Mia chooses one top ({tops}) and one bottom ({bottoms}). How many different outfits can she make?").format(
                tops=_(", ").join(first), bottoms=_(", ").join(second)),
            tex_word(_("number of outcomes")) + " = ?", sympy.Integer(ans), str(ans),
            [step(_("Each of the {a} tops goes with each of the {b} bottoms: {a} × {b} = {n}").format(a=a, b=b, n=ans),
                  sympy.Mul(a, b, evaluate=False), ans)],
            _("A tree diagram shows every top branching to every bottom."),
            method=_("Count the branches at the end of the tree: each first choice is paired with every second "
                     "choice."),
            data=data, answer_format=_("a whole number"),
            figure=tree_diagram(first, second, alt=_("A tree diagram: each top branches to each bottom."), data=data),
            misconceptions=[
                misconception(N_("added instead of multiplying"), sympy.Integer(a + b),
                              _("You added the choices. Every top can go with every bottom, so the number of "
                                "pairs multiplies.")),
                misconception(N_("counted only the first choices"), sympy.Integer(a),
                              _("Each top makes several outfits, one with each bottom.")),
            ],
        )
    first, second, third, whole = (_(t) for t in rng.choice(CHOICES))
    a, b = rng.randint(2, 6), rng.randint(2, 6)
    c = rng.randint(2, 4) if level == 3 else 1
    ans = a * b * c
    if level == 2:
        statement = _("A shop offers {a} {first} and {b} {second}. Choosing one of each, how many different {whole} "
                      "are there?").format(a=a, first=first, b=b, second=second, whole=whole)
        steps = [step(_("Multiply the choices: {a} × {b} = {n}").format(a=a, b=b, n=ans),
                      sympy.Mul(a, b, evaluate=False), ans)]
        wrong_partial = sympy.Integer(a * b + 1)
    else:
        statement = _("A shop offers {a} {first}, {b} {second} and {c} {third}. Choosing one of each, how many "
                      "different {whole} are there?").format(a=a, first=first, b=b, second=second, c=c, third=third,
                                                               whole=whole)
        steps = [step(_("Multiply the choices: {a} × {b} × {c} = {n}").format(a=a, b=b, c=c, n=ans),
                      sympy.Mul(a, b, c, evaluate=False), ans)]
        wrong_partial = sympy.Integer(a * b + c)
    return Draft(
        statement, tex_word(_("number of outcomes")) + " = ?", sympy.Integer(ans), str(ans), steps,
        _("Picture a tree diagram: every choice of one kind branches to every choice of the next."),
        method=_("Use the counting principle: multiply the numbers of choices at each stage."),
        data={"choices": [a, b, c]}, answer_format=_("a whole number"),
        misconceptions=[
            misconception(N_("added instead of multiplying"), sympy.Integer(a + b + (c if level == 3 else 0)),
                          _("You added the choices. Every choice of one kind goes with every choice of the others, "
                            "so multiply.")),
            misconception(N_("multiplied some stages and added another"), wrong_partial,
                          _("Every stage multiplies the number of outcomes: multiply all the numbers of choices.")),
        ],
    )


def compound(rng: random.Random, level: int) -> Draft:
    if level == 1:
        face = rng.randint(1, 6)
        side = rng.choice((N_("heads"), N_("tails")))
        pa, pb = R(1, 2), R(1, 6)
        statement = _("A coin is tossed and a number cube (1 to 6) is rolled. What is the probability of {side} and "
                      "a {face}?").format(side=_(side), face=face)
        first = _("P(coin) = 1/2")
        second = _("P(number) = 1/6")
    elif level == 2:
        n1, n2 = rng.randint(3, 6), rng.randint(3, 6)
        k1, k2 = rng.randint(1, n1 - 1), rng.randint(1, n2 - 1)
        pa, pb = R(k1, n1), R(k2, n2)
        statement = _("Spinner A has {n1} equal parts, {k1} of them red. Spinner B has {n2} equal parts, {k2} of them "
                      "blue. Both are spun. What is the probability of red on A and blue on B?").format(
            n1=n1, k1=k1, n2=n2, k2=k2)
        first = _("P(red on A) = {k}/{n}").format(k=k1, n=n1)
        second = _("P(blue on B) = {k}/{n}").format(k=k2, n=n2)
    else:
        red, blue = rng.randint(2, 6), rng.randint(2, 6)
        pa = pb = R(red, red + blue)
        statement = _("A bag holds {r} red and {b} blue cubes. A cube is picked, put back, and a cube is picked "
                      "again. What is the probability that both are red?").format(r=red, b=blue)
        first = _("P(red) = {r}/{t} each time").format(r=red, t=red + blue)
        second = _("Putting it back keeps the two picks independent.")
    ans = pa * pb
    steps = [step(first, pa, pa), step(second, pb, pb),
             step(_("Multiply: {a} × {b} = {p}").format(a=plain(pa), b=plain(pb), p=plain(ans)),
                  sympy.Mul(pa, pb, evaluate=False), ans)]
    return Draft(
        statement, "P(A" + tex_word(_(" and ")) + "B) = ?", ans, plain(ans), steps,
        _("The two events do not affect each other: they are independent."),
        method=_("Find the probability of each event on its own, then multiply them."),
        data={"p": [pa, pb]}, answer_format=_(FRACTION),
        misconceptions=[
            misconception(N_("added probabilities of independent events"), pa + pb,
                          _("Adding gives a chance that is too big. For one event and then another, multiply the "
                            "probabilities.")),
            misconception(N_("ignored the second event"), pa,
                          _("That is the chance of the first event alone. Both must happen: multiply by the second "
                            "event's probability.")),
        ],
    )


def experimental(rng: random.Random, level: int) -> Draft:
    rolls = rng.choice((30, 60, 120)) if level < 3 else rng.choice((60, 120, 300))
    face = rng.randint(1, 6)
    if level == 2:
        ans = sympy.Integer(rolls // 6)
        return Draft(
            _("A fair number cube (1 to 6) is rolled {n} times. About how many times would you expect to roll a "
              "{face}?").format(n=rolls, face=face),
            tex_word(_("expected count")) + " = ?", ans, str(ans),
            [step(_("Theoretical probability of a {face}: 1/6").format(face=face), R(1, 6), R(1, 6)),
             step(_("Expected count: 1/6 × {n} = {e}").format(n=rolls, e=ans), sympy.Mul(R(1, 6), rolls, evaluate=False),
                  ans)],
            _("Each face has the same chance on a fair cube."),
            method=_("Multiply the theoretical probability by the number of rolls."),
            data={"rolls": rolls}, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("multiplied by the number of faces"), sympy.Integer(rolls * 6),
                              _("Only one face in six is the one you want, so the expected count is a part of the "
                                "rolls, not more than them.")),
                misconception(N_("gave the probability, not the count"), R(1, 6),
                              _("That is the probability for one roll. The question asks how many times in all the "
                                "rolls.")),
            ],
        )
    while True:
        counts = [rng.randint(rolls // 12, rolls // 4) for _f in range(5)]
        last = rolls - sum(counts)
        if 0 < last and (level != 3 or 6 * (counts + [last])[face - 1] != rolls):
            counts.append(last)
            break
    hits = counts[face - 1]
    exp = R(hits, rolls)
    data = {"counts": counts, "rolls": rolls, "faces": list(range(1, 7))}
    fig = bar_graph([str(f) for f in range(1, 7)], counts, data=data,
                    alt=_("A bar graph of how many times each face came up."))
    if level == 1:
        ans = exp
        steps = [step(_("The bar for {face} shows {k} of the {n} rolls.").format(face=face, k=hits, n=rolls),
                      sympy.Integer(hits), hits),
                 step(_("Experimental probability = {k}/{n} = {p}").format(k=hits, n=rolls, p=plain(ans))
                      if ans.q != rolls else _("Experimental probability = {k}/{n}").format(k=hits, n=rolls),
                      R(hits, rolls), ans)]
        question = _("A number cube was rolled {n} times; the bar graph shows the results. What is the experimental "
                     "probability of rolling a {face}?")
        wrong = [
            misconception(N_("used the theoretical probability"), R(1, 6),
                          _("That is the theoretical probability. The experimental one comes from what actually "
                            "happened in the rolls.")),
            misconception(N_("probability written as odds"), R(hits, rolls - hits),
                          _("You compared the rolls you want with the other rolls. Compare them with all the "
                            "rolls.")),
            misconception(N_("gave the count instead of the probability"), sympy.Integer(hits),
                          _("That is how many times it happened. Write it as a fraction of all the rolls.")),
        ]
    else:
        ans = exp - R(1, 6)
        steps = [step(_("Experimental: {k}/{n} = {p}").format(k=hits, n=rolls, p=plain(exp)) if exp.q != rolls
                      else _("Experimental: {k}/{n}").format(k=hits, n=rolls), R(hits, rolls), exp),
                 step(_("Theoretical: 1/6"), R(1, 6), R(1, 6)),
                 step(_("Difference: {e} - 1/6 = {d}").format(e=plain(exp), d=plain(ans)), exp - R(1, 6), ans)]
        question = _("A number cube was rolled {n} times; the bar graph shows the results. How much greater or "
                     "smaller is the experimental probability of a {face} than the theoretical probability? "
                     "(Experimental minus theoretical.)")
        wrong = [
            misconception(N_("gave the experimental probability only"), exp,
                          _("That is the experimental probability. Subtract the theoretical probability from it.")),
            misconception(N_("subtracted the wrong way round"), -ans,
                          _("Take experimental minus theoretical, in that order.")),
        ]
    return Draft(
        question.format(n=rolls, face=face), r"P = ?", ans, plain(ans), steps,
        _("Experimental probability comes from the results: how often it happened out of all the tries."),
        method=_("Read how many times that face came up, and write it over the total number of rolls."),
        data=data, figure=fig, answer_format=_("a fraction in lowest terms (it may be negative)") if level == 3
        else _(FRACTION), misconceptions=wrong,
    )


SCATTERS = [
    (N_("hours studied"), N_("test score"), N_("The scatter plot shows hours studied and test scores.")),
    (N_("temperature"), N_("drinks sold"), N_("The scatter plot shows the temperature and the drinks sold each day.")),
]


def scatter(rng: random.Random, level: int) -> Draft:
    xlabel, ylabel, intro = (_(t) for t in rng.choice(SCATTERS))
    m, b = rng.randint(2, 5), rng.randint(2, 10)
    xs = sorted(rng.sample(range(1, 11), 7))
    points = [(xv, m * xv + b + rng.choice((-2, -1, 1, 2))) for xv in xs]
    ymax = ((m * 12 + b) // 10 + 1) * 10
    if level == 1:
        xv, yv = rng.choice(points)
        data = {"points": points}
        fig = scatter_plot(points, 12, ymax, line=None, axes=(xlabel, ylabel),
                           alt=_("A scatter plot of {x} against {y}.").format(x=xlabel, y=ylabel), data=data)
        ans = sympy.Integer(yv)
        return Draft(
            _("{intro} What is the y-value of the point whose x-value is {x}?").format(intro=intro, x=xv),
            r"y = ?", ans, str(ans),
            [step(_("Go up from {x} on the x-axis to the point, then across to the y-axis.").format(x=xv),
                  sympy.Integer(xv), xv),
             step(_("The point is at ({x}, {y}).").format(x=xv, y=yv), ans, yv)],
            _("A point is read along the x-axis first, then up the y-axis."),
            method=_("Find the x-value on the bottom axis, go straight up to the point, and read across to the scale "
                     "on the left."),
            data=data, figure=fig, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("swapped x and y"), sympy.Integer(xv),
                              _("That is the x-value. Read the point's height on the y-axis.")),
                misconception(N_("read the trend instead of the point"), sympy.Integer(m * xv + b),
                              _("The question asks for the point itself, not the trend line through the data.")),
            ],
        )
    x0 = rng.randint(11, 12) if level == 2 else rng.randint(13, 20)
    ans = sympy.Integer(m * x0 + b)
    data = {"points": points, "line": [m, b]}
    fig = scatter_plot(points, 12, ymax, line=(m, b), axes=(xlabel, ylabel),
                       alt=_("A scatter plot of {x} against {y} with a line of best fit.").format(x=xlabel, y=ylabel),
                       data=data)
    return Draft(
        _("{intro} The line of best fit is y = {m}x + {b}. Use it to predict y when x = {x}.").format(
            intro=intro, m=m, b=b, x=x0),
        rf"y = {m}x + {b},\; x = {x0}", ans, str(ans),
        [step(_("Multiply: {m} × {x} = {p}").format(m=m, x=x0, p=m * x0), sympy.Mul(m, x0, evaluate=False), m * x0),
         step(_("Add the starting value: {p} + {b} = {y}").format(p=m * x0, b=b, y=ans),
              sympy.Add(m * x0, b, evaluate=False), ans)],
        _("A line of best fit turns an x-value into a predicted y-value."),
        method=_("Put the x-value into the equation of the line: multiply by the slope, then add the intercept."),
        data=data, figure=fig, answer_format=_("a whole number"),
        misconceptions=[
            misconception(N_("forgot the intercept"), sympy.Integer(m * x0),
                          _("You used the slope but not the starting value. Add the intercept too.")),
            misconception(N_("forgot to multiply by the slope"), sympy.Integer(x0 + b),
                          _("The x-value has to be multiplied by the slope before you add the intercept.")),
            misconception(N_("added the slope instead of multiplying"), sympy.Integer(m + x0 + b),
                          _("The slope is how much y grows for each 1 of x, so multiply it by the x-value.")),
        ],
    )


TABLES = [
    ((N_("seventh graders"), N_("eighth graders")), (N_("plays sport"), N_("no sport")), N_("students")),
    ((N_("boys"), N_("girls")), (N_("has a pet"), N_("no pet")), N_("children")),
]


def two_way(rng: random.Random, level: int) -> Draft:
    (rows, cols, who) = rng.choice(TABLES)
    rows, cols, who = [_(r) for r in rows], [_(c) for c in cols], _(who)
    cells = [[rng.randint(4, 30) for _c in range(2)] for _r in range(2)]
    data = {"cells": cells}
    fig = two_way_table(rows, cols, cells, alt=_("A two-way table of counts."), data=data)
    intro = _("The two-way table counts {who}.").format(who=who)
    i, j = rng.randrange(2), rng.randrange(2)
    cell = cells[i][j]
    row_total, col_total = sum(cells[i]), cells[0][j] + cells[1][j]
    grand = sum(map(sum, cells))
    if level == 1:
        ans = sympy.Integer(col_total)
        return Draft(
            _("{intro} How many {who} in all are in the column '{col}'?").format(intro=intro, who=who, col=cols[j]),
            tex_word(_("total")) + " = ?", ans, str(ans),
            [step(_("Add down the column: {a} + {b} = {t}").format(a=cells[0][j], b=cells[1][j], t=col_total),
                  sympy.Add(cells[0][j], cells[1][j], evaluate=False), ans)],
            _("A column total adds the numbers down one column."),
            method=_("Find the column and add the numbers in it, one from each row."),
            data=data, figure=fig, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("added a row instead of a column"), sympy.Integer(sum(cells[0])),
                              _("You added across a row. The question asks about a column: add downwards.")),
                misconception(N_("added the whole table"), sympy.Integer(grand),
                              _("That is everyone in the table. Add only the column asked about.")),
                misconception(N_("gave a single cell"), sympy.Integer(cells[0][j]),
                              _("That is one cell of the column. The column total adds every row's number in it.")),
            ],
        )
    if level == 2:
        ans = R(cell, row_total)
        question = _("{intro} What fraction of the {row} are in the column '{col}'? (Relative frequency in the row.)")
        steps = [step(_("Row total for {row}: {a} + {b} = {t}").format(row=rows[i], a=cells[i][0], b=cells[i][1],
                                                                        t=row_total),
                      sympy.Add(cells[i][0], cells[i][1], evaluate=False), row_total),
                 step(_("Relative frequency: {c}/{t} = {f}").format(c=cell, t=row_total, f=plain(ans)),
                      R(cell, row_total), ans)]
        other = misconception(N_("divided by the column total instead of the row total"), R(cell, col_total),
                              _("You divided by the column total. The question is about one row: divide by that "
                                "row's total."))
    else:
        ans = R(cell, col_total)
        question = _("{intro} Of the {who} in the column '{col}', what fraction are {row}? (Relative frequency in the "
                     "column.)")
        steps = [step(_("Column total for {col}: {a} + {b} = {t}").format(col=cols[j], a=cells[0][j], b=cells[1][j],
                                                                           t=col_total),
                      sympy.Add(cells[0][j], cells[1][j], evaluate=False), col_total),
                 step(_("Relative frequency: {c}/{t} = {f}").format(c=cell, t=col_total, f=plain(ans)),
                      R(cell, col_total), ans)]
        other = misconception(N_("divided by the row total instead of the column total"), R(cell, row_total),
                              _("You divided by the row total. The question is about one column: divide by that "
                                "column's total."))
    return Draft(
        question.format(intro=intro, who=who, row=rows[i], col=cols[j]), r"\frac{?}{?}", ans, plain(ans), steps,
        _("A relative frequency is a count divided by the right total."),
        method=_("Find the total of the row or column the question is about, then divide the cell's count by it."),
        data=data, figure=fig, answer_format=_(FRACTION),
        misconceptions=[
            misconception(N_("divided by the whole table"), R(cell, grand),
                          _("You divided by everyone in the table. Divide by the total of the group the question "
                            "is about.")),
            other,
            misconception(N_("gave the count instead of the fraction"), sympy.Integer(cell),
                          _("That is the count in the cell. Write it as a fraction of the right total.")),
        ],
    )
