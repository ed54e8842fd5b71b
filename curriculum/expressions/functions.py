"""Lines and functions (grade 8): slope, systems by graphing, functions from tables, linear functions and
comparing linear models."""

from __future__ import annotations

import random

import sympy
from sympy import Rational as R

from curriculum.expressions import _
from curriculum.expressions.shared import linear_text, pick, sentences, xy_table
from curriculum.kit import N_, Draft, misconception, nonzero, step
from plugins._common import x
from tutor.figures import coordinate_plane


def _frac_text(v) -> str:
    v = sympy.nsimplify(v)
    return str(int(v)) if v.is_Integer else f"{v.p}/{v.q}"


def slope(rng: random.Random, level: int) -> Draft:
    def draw():
        x1, x2 = sorted(rng.sample(range(-5, 6), 2))
        y1, y2 = rng.randint(-5, 5), rng.randint(-5, 5)
        return x1, y1, x2, y2

    def fine(t):
        x1, y1, x2, y2 = t
        if y1 == y2:
            return False
        m = R(y2 - y1, x2 - x1)
        if level == 1:
            return m.is_Integer and m > 0
        if level == 2:
            return m.is_Integer and m < 0
        return not m.is_Integer and abs(m) != 1

    x1, y1, x2, y2 = pick(rng, draw, fine)
    m = R(y2 - y1, x2 - x1)
    data = {"A": (x1, y1), "B": (x2, y2)}
    fig = coordinate_plane(-6, 6, points=data, lines=[(m, y1 - m * x1)], show_coordinates=True,
                           alt=_("A line through A({x1}, {y1}) and B({x2}, {y2}).").format(x1=x1, y1=y1, x2=x2, y2=y2),
                           data=data)
    rise, run = y2 - y1, x2 - x1
    return Draft(
        _("A line passes through A({x1}, {y1}) and B({x2}, {y2}). What is its slope?").format(x1=x1, y1=y1, x2=x2,
                                                                                             y2=y2),
        rf"A({x1}, {y1}),\ B({x2}, {y2})", m, _frac_text(m),
        [step(_("Rise: {y2} - ({y1}) = {rise}.").format(y2=y2, y1=y1, rise=rise), sympy.Integer(y2 - y1), rise),
         step(_("Run: {x2} - ({x1}) = {run}.").format(x2=x2, x1=x1, run=run), sympy.Integer(x2 - x1), run),
         step(_("Slope = rise ÷ run = {rise}/{run}.").format(rise=rise, run=run), R(rise, run), m)],
        _("Slope is how much y changes for each step of 1 in x."),
        method=_("Subtract the y-coordinates for the rise and the x-coordinates in the same order for the run, then "
                 "divide rise by run."),
        answer_format=_("a number or a fraction, like -3/2"), data=data, figure=fig,
        misconceptions=[
            misconception(N_("used run over rise"), 1 / m,
                          _("You divided the change in x by the change in y. Slope is rise over run: the change in y "
                            "divided by the change in x.")),
            misconception(N_("got the sign of the slope wrong"), -m,
                          _("Check the sign: a line going up from left to right has a positive slope, going down a "
                            "negative one. Subtract in the same order on top and bottom.")),
        ],
    )


def systems_graph(rng: random.Random, level: int) -> Draft:
    def draw():
        x0, y0 = rng.randint(-4, 4), rng.randint(-4, 4)
        m1, m2 = rng.sample([-3, -2, -1, 1, 2, 3], 2)
        return x0, y0, m1, m2

    def fine(t):
        x0, y0, m1, m2 = t
        b1, b2 = y0 - m1 * x0, y0 - m2 * x0
        return x0 != y0 and abs(b1) <= 8 and abs(b2) <= 8 and b1 != b2
    x0, y0, m1, m2 = pick(rng, draw, fine)
    b1, b2 = y0 - m1 * x0, y0 - m2 * x0
    ans = (sympy.Integer(x0), sympy.Integer(y0))
    wrong = [misconception(N_("swapped x and y"), (sympy.Integer(y0), sympy.Integer(x0)),
                           _("A point is written (x, y): the x-coordinate, across, comes first.")),
             misconception(N_("gave a y-intercept instead of the crossing point"), (sympy.Integer(0), sympy.Integer(b1)),
                           _("That is where one line crosses the y-axis. The solution is where the two lines cross "
                             "each other."))]
    eq1, eq2 = f"y = {linear_text(m1, b1)}", f"y = {linear_text(m2, b2)}"
    steps = [step(_("Where the lines cross, both equations give the same y: {left} = {right}.").format(
                 left=linear_text(m1, b1), right=linear_text(m2, b2)), m1 * x0 + b1, m2 * x0 + b2),
             step(_("Check x = {x0} in the first equation: y = {y0}.").format(x0=x0, y0=y0), m1 * x0 + b1, y0)]
    if level < 3:
        data = {"line1": (m1, b1), "line2": (m2, b2)}
        fig = coordinate_plane(-6, 6, lines=[(m1, b1), (m2, b2)], data=data,
                               alt=_("The graphs of {eq1} and {eq2} on a grid.").format(eq1=eq1, eq2=eq2))
        statement = _("The graph shows the lines {eq1} and {eq2}. Where do they cross? This point solves the system."
                      ).format(eq1=eq1, eq2=eq2)
    else:
        data, fig = None, None
        s = x0 + y0
        eq2 = f"x + y = {s}"
        steps = [step(_("Put y = {right} into x + y = {s}: x + {right2} = {s}.").format(
                     right=linear_text(m1, b1), right2=f"({linear_text(m1, b1)})", s=s), x0 + m1 * x0 + b1, s),
                 step(_("Then y = {y0}.").format(y0=y0), m1 * x0 + b1, y0)]
        statement = _("Solve the system {eq1} and {eq2}.").format(eq1=eq1, eq2=eq2)
    return Draft(
        statement, rf"{eq1},\ {eq2}", ans, f"({x0}, {y0})", steps,
        _("The solution of a system is the point that lies on both lines."),
        method=_("Find the point the two lines share: set the two expressions for y equal, or substitute one "
                 "equation into the other, and solve for x, then y."),
        answer_format=_("a point (x, y)"), data=data, figure=fig, misconceptions=wrong,
    )


def fn_tables(rng: random.Random, level: int) -> Draft:
    if level == 2:
        m, b = rng.randint(2, 6), rng.randint(-5, 9)
        xs = [1, 2, 3, 4]
        ys = [m * v + b for v in xs]
        a = rng.randint(7, 12)
        ans = sympy.Integer(m * a + b)
        data = {"x": xs, "y": ys}
        fig = xy_table(xs, ys, alt=_("A table of a function: x = {x1}, {x2}, {x3}, {x4} and y = {y1}, {y2}, {y3}, "
                                     "{y4}.").format(x1=1, x2=2, x3=3, x4=4, y1=ys[0], y2=ys[1], y3=ys[2], y4=ys[3]),
                       data=data)
        return Draft(
            _("The table shows a linear function: x: {x1}, {x2}, {x3}, {x4}; y: {y1}, {y2}, {y3}, {y4}. What is y when "
              "x = {a}?").format(x1=1, x2=2, x3=3, x4=4, y1=ys[0], y2=ys[1], y3=ys[2], y4=ys[3], a=a),
            rf"f({a}) = ?", ans, str(ans),
            [step(_("Each time x goes up by 1, y goes up by {m}: {y2} - {y1} = {m}.").format(m=m, y1=ys[0], y2=ys[1]),
                  sympy.Integer(ys[1] - ys[0]), m),
             step(_("The rule is y = {rule}.").format(rule=linear_text(m, b)), m * x + b, m * x + b),
             step(_("So y = {m} × {a} + ({b}) = {ans}.").format(m=m, a=a, b=b, ans=ans), m * a + b, ans)],
            _("Find the rule that turns each x into its y."),
            method=_("Find how much y changes when x goes up by 1, write the rule y = mx + b, then put in the new x."),
            answer_format=_("a number"), data=data, figure=fig,
            misconceptions=[
                misconception(N_("added one step after the last row"), sympy.Integer(ys[-1] + m),
                              _("That is the next row of the table. The x you need is further along, so use the "
                                "rule.")),
                misconception(N_("forgot the starting value"), sympy.Integer(m * a),
                              _("You multiplied by the rate but left out the number the rule adds on.")),
            ],
        )
    if level == 1:
        m, b = nonzero(rng, -6, 6), nonzero(rng, -9, 9)
        a = nonzero(rng, -5, 6)
        rule = linear_text(m, b)
        ans = sympy.Integer(m * a + b)
        wrong = [misconception(N_("forgot the starting value"), sympy.Integer(m * a),
                               _("You multiplied but did not add the constant term of the rule.")),
                 misconception(N_("added the input instead of multiplying"), sympy.Integer(m + a + b),
                               _("mx means m times x: multiply the input by the coefficient."))]
        steps = [step(_("Replace x by {a}: f({a}) = {m} × ({a}) + ({b}).").format(a=a, m=m, b=b),
                      (m * x + b).subs(x, a), m * a + b),
                 step(_("Multiply first: {m} × ({a}) = {p}.").format(m=m, a=a, p=m * a), sympy.Mul(m, a, evaluate=False),
                      m * a)]
    else:
        m, b = rng.randint(2, 4), rng.randint(-9, 9)
        a = -rng.randint(2, 5)
        rule = f"{m}x^2 + {b}" if b >= 0 else f"{m}x^2 - {-b}"
        ans = sympy.Integer(m * a * a + b)
        wrong = [misconception(N_("squared a negative number to a negative"), sympy.Integer(-m * a * a + b),
                               _("A negative number times itself is positive.")),
                 misconception(N_("multiplied by the exponent instead of squaring"), sympy.Integer(m * a * 2 + b),
                               _("x^2 means x times x, not x times 2."))]
        steps = [step(_("Square the input: ({a})^2 = {sq}.").format(a=a, sq=a * a), sympy.Pow(a, 2, evaluate=False),
                      a * a),
                 step(_("Multiply by {m}: {m} × {sq} = {p}.").format(m=m, sq=a * a, p=m * a * a),
                      sympy.Mul(m, a * a, evaluate=False), m * a * a)]
    return Draft(
        _("A function is given by f(x) = {rule}. What is f({a})?").format(rule=rule, a=a), rf"f(x) = {rule},\ f({a})",
        ans, str(ans), steps, _("A function gives exactly one output for each input: put the input in for x."),
        method=_("Replace every x in the rule by the input, in brackets, and follow the order of operations."),
        answer_format=_("a number"), misconceptions=wrong,
    )


LINEAR_CONTEXTS = [
    N_("A taxi ride costs y dollars for x miles."),
    N_("A plant is y centimeters tall after x weeks."),
    N_("A tank holds y liters after x minutes of filling."),
]


def fn_linear(rng: random.Random, level: int) -> Draft:
    m = rng.randint(2, 6)
    b = rng.randint(3, 15)
    xs = [2, 3, 4, 5] if level != 2 else []
    ys = [m * v + b for v in xs]
    if level == 2:
        x1, x2 = sorted(rng.sample(range(1, 9), 2))
        m = pick(rng, lambda: nonzero(rng, -6, 6), lambda v: abs(v) != 1)
        y1, y2 = m * x1 + b, m * x2 + b
        return Draft(
            _("A linear function has f({x1}) = {y1} and f({x2}) = {y2}. What is its rate of change?").format(
                x1=x1, y1=y1, x2=x2, y2=y2), rf"f({x1}) = {y1},\ f({x2}) = {y2}", sympy.Integer(m), str(m),
            [step(_("Change in output: {y2} - {y1} = {dy}.").format(y2=y2, y1=y1, dy=y2 - y1), sympy.Integer(y2 - y1),
                  y2 - y1),
             step(_("Change in input: {x2} - {x1} = {dx}.").format(x2=x2, x1=x1, dx=x2 - x1), sympy.Integer(x2 - x1),
                  x2 - x1),
             step(_("Rate of change = {dy} ÷ {dx} = {m}.").format(dy=y2 - y1, dx=x2 - x1, m=m), R(y2 - y1, x2 - x1), m)],
            _("The rate of change is how much the output changes for each 1 the input changes."),
            method=_("Divide the change in the outputs by the change in the inputs."),
            answer_format=_("a number"), data={"x": [x1, x2], "y": [y1, y2]},
            misconceptions=[
                misconception(N_("used run over rise"), R(x2 - x1, y2 - y1),
                              _("You divided the change in input by the change in output. Rate of change is output "
                                "change over input change.")),
                misconception(N_("divided an output by its input"), R(y2, x2),
                              _("Dividing one output by its input works only when the line goes through (0, 0). "
                                "Use the changes between two points.")),
            ],
        )
    context = _(rng.choice(LINEAR_CONTEXTS))
    data = {"x": xs, "y": ys}
    fig = xy_table(xs, ys, alt=_("A table with x = {x1}, {x2}, {x3}, {x4} and y = {y1}, {y2}, {y3}, {y4}.").format(
        x1=xs[0], x2=xs[1], x3=xs[2], x4=xs[3], y1=ys[0], y2=ys[1], y3=ys[2], y4=ys[3]), data=data)
    table = _("x: {x1}, {x2}, {x3}, {x4}; y: {y1}, {y2}, {y3}, {y4}.").format(
        x1=xs[0], x2=xs[1], x3=xs[2], x4=xs[3], y1=ys[0], y2=ys[1], y3=ys[2], y4=ys[3])
    steps = [step(_("The rate of change: when x goes up by 1, y goes up by {y2} - {y1} = {m}.").format(
                 y2=ys[1], y1=ys[0], m=m), sympy.Integer(ys[1] - ys[0]), m),
             step(_("Go back from x = {x1} to x = 0: {y1} - {x1} × {m} = {b}.").format(x1=xs[0], y1=ys[0], m=m, b=b),
                  ys[0] - xs[0] * m, b)]
    if level == 1:
        return Draft(
            sentences(context, table, _("What is the initial value (y when x = 0)?")), r"y = mx + b,\ b = ?",
            sympy.Integer(b), str(b), steps, _("The initial value is the output when the input is 0."),
            method=_("Find how much y changes for each 1 of x, then work backwards from the first row to x = 0."),
            answer_format=_("a number"), data=data, figure=fig,
            misconceptions=[
                misconception(N_("used the first y-value as the start"), sympy.Integer(ys[0]),
                              _("The table starts at a later x, not at 0. Work backwards to x = 0.")),
                misconception(N_("gave the rate of change"), sympy.Integer(m),
                              _("That is how much y changes each step. The initial value is y when x is 0.")),
            ],
        )
    ans = m * x + b
    steps.append(step(_("So y = {rule}.").format(rule=linear_text(m, b)), m * x + b, ans))
    return Draft(
        sentences(context, table, _("Write the equation of the function in the form y = mx + b.")),
        r"y = mx + b", ans, f"y = {linear_text(m, b)}", steps,
        _("Find the rate of change m and the initial value b."),
        method=_("The rate of change is the change in y for each 1 of x; the initial value is y at x = 0; then write "
                 "y = mx + b."),
        answer_format=_("an equation like y = 2x + 5"), data=data, figure=fig,
        misconceptions=[
            misconception(N_("used the first y-value as the start"), m * x + ys[0],
                          _("The table does not start at x = 0, so its first y is not the initial value.")),
            misconception(N_("swapped the rate and the start"), b * x + m,
                          _("In y = mx + b the rate of change multiplies x and the initial value is added.")),
        ],
    )


def fn_compare(rng: random.Random, level: int) -> Draft:
    if level == 1:
        m1, m2 = rng.sample(range(2, 9), 2)
        b1, b2 = rng.randint(0, 12), rng.randint(0, 12)
        xs = [0, 1, 2, 3]
        ys = [m2 * v + b2 for v in xs]
        data = {"x": xs, "y": ys}
        fig = xy_table(xs, ys, alt=_("A table for g: x = {x1}, {x2}, {x3}, {x4} and y = {y1}, {y2}, {y3}, {y4}."
                                     ).format(x1=0, x2=1, x3=2, x4=3, y1=ys[0], y2=ys[1], y3=ys[2], y4=ys[3]),
                       data=data)
        ans = sympy.Integer(max(m1, m2))
        wrong = [misconception(N_("picked the smaller rate"), sympy.Integer(min(m1, m2)),
                               _("That rate is the smaller of the two. Compare the two rates and take the greater.")),
                 misconception(N_("compared the starting values"), sympy.Integer(max(b1, b2)),
                               _("That is a starting value (the output at 0), not a rate of change."))]
        return Draft(
            _("Function f is y = {rule}. Function g has this table: x: {x1}, {x2}, {x3}, {x4}; y: {y1}, {y2}, {y3}, "
              "{y4}. What is the greater of the two rates of change?").format(
                rule=linear_text(m1, b1), x1=0, x2=1, x3=2, x4=3, y1=ys[0], y2=ys[1], y3=ys[2], y4=ys[3]),
            rf"f(x) = {linear_text(m1, b1)}", ans, str(ans),
            [step(_("The rate of f is its coefficient of x, {m1}.").format(m1=m1), sympy.Integer(m1), m1),
             step(_("The rate of g is {y2} - {y1} = {m2}.").format(y2=ys[1], y1=ys[0], m2=m2),
                  sympy.Integer(ys[1] - ys[0]), m2)],
            _("A rate of change is how fast the output grows for each 1 of input."),
            method=_("Read the rate of f from its equation and the rate of g from the table, then compare."),
            answer_format=_("a number"), data=data, figure=fig, misconceptions=wrong,
        )
    t = rng.randint(3, 12) if level == 2 else rng.randint(8, 24)
    n = rng.randint(5, 20)
    m = n + rng.randint(2, 9)
    a = rng.randint(0, 10) * 5
    bfee = a + (m - n) * t
    return Draft(
        _("Plan A costs ${a} to join plus ${m} per month. Plan B costs ${b} to join plus ${n} per month. After how "
          "many months do the two plans cost the same?").format(a=a, m=m, b=bfee, n=n),
        rf"{a} + {m}t = {bfee} + {n}t", sympy.Integer(t), str(t),
        [step(_("Set the costs equal: {a} + {m}t = {b} + {n}t.").format(a=a, m=m, b=bfee, n=n),
              a + m * t, bfee + n * t),
         step(_("Plan B starts {diff} dollars higher: {b} - {a} = {diff}.").format(b=bfee, a=a, diff=bfee - a),
              sympy.Integer(bfee - a), bfee - a),
         step(_("Each month the gap shrinks by {m} - {n} = {d} dollars.").format(m=m, n=n, d=m - n),
              sympy.Integer(m - n), m - n),
         step(_("Divide: {diff} ÷ {d} = {t}.").format(diff=bfee - a, d=m - n, t=t), R(bfee - a, m - n), t)],
        _("Write each plan's cost after t months as a linear function, then find when they are equal."),
        method=_("Cost = joining fee + monthly price × months. Set the two costs equal and solve for the months."),
        answer_format=_("a number of months"), data={"a": a, "m": m, "b": bfee, "n": n}, answer_unit="",
        misconceptions=[
            misconception(N_("gave the difference in fees"), sympy.Integer(bfee - a),
                          _("That is how much more one plan costs to join. Divide it by the difference in the "
                            "monthly prices.")),
            misconception(N_("added the monthly prices"), R(bfee - a, m + n),
                          _("Each month the gap shrinks by the difference of the monthly prices, not their sum.")),
        ],
    )
