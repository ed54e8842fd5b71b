"""Line plots of measurements in fractions of a unit, and picture and bar graphs."""

from __future__ import annotations

import random
from collections import Counter

from sympy import Integer as I
from sympy import Rational as R

from curriculum.kit import N_, Draft, misconception, step
from curriculum.measurement import _
from curriculum.measurement import figures as fig
from curriculum.measurement.common import add, mul, num, sub, words
from tutor.figures import bar_graph as draw_bar_graph

PLOTS = [(N_("The line plot shows the lengths of some pencils, in inches."), N_("Pencil length (inches)")),
         (N_("The line plot shows the lengths of some leaves the class collected, in inches."),
          N_("Leaf length (inches)")),
         (N_("The line plot shows the lengths of some ribbons, in inches."), N_("Ribbon length (inches)"))]


def line_plot(rng: random.Random, level: int) -> Draft:
    den = (2, 4, 8)[level - 1]
    lo = rng.randint(1, 4) if level < 3 else rng.randint(0, 2)
    span = 2 if level < 3 else 1
    marks = [R(lo * den + k, den) for k in range(span * den + 1)]
    values = sorted(rng.choice(marks) for _k in range(rng.randint(6, 9)))
    while values[-1] == values[0]:
        values = sorted(rng.choice(marks) for _k in range(rng.randint(6, 9)))
    intro, title = (_(t) for t in rng.choice(PLOTS))
    data = {"measurements": values}
    figure = fig.line_plot(values, lo, lo + span, den, title=title, data=data,
                           alt=_("A line plot: a number line in fractions of an inch with an X for each "
                                 "measurement."))
    common = {"measurements": values, "unit": words("in"), "facts": []}
    if level < 3:
        longest, shortest = values[-1], values[0]
        ans = longest - shortest
        return Draft(
            _("{intro} How much longer is the longest one than the shortest one?").format(intro=intro),
            r"\text{?}", ans, num(ans),
            [step(_("The X farthest right is at {a} in and the X farthest left is at {b} in.").format(
                a=num(longest), b=num(shortest)), longest, longest),
             step(_("Subtract: {a} - {b} = {d}.").format(a=num(longest), b=num(shortest), d=num(ans)),
                  sub(longest, shortest), ans)],
            _("Find the longest and the shortest measurement on the line plot."),
            method=_("Read the X farthest to the right and the X farthest to the left, then subtract the fractions "
                     "(or count the spaces between them)."),
            answer_format=_("a number of inches, like 1 1/2 or 3/4"),
            data=common, figure=figure,
            misconceptions=[
                misconception(N_("added instead of subtracting"), longest + shortest,
                              _("How much longer asks for the difference: subtract the shortest from the longest.")),
                misconception(N_("counted the spaces as whole units"), I(ans * den),
                              _("Each space on this line plot is a fraction of an inch, not a whole inch: look at "
                                "the numbers under the marks.")),
            ],
            answer_unit="in",
        )
    counts = Counter(values)
    value, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if count < 2:
        values = sorted([*values[:-1], values[0]])
        data = {"measurements": values}
        common["measurements"] = values
        figure = fig.line_plot(values, lo, lo + span, den, title=title, data=data, alt=figure.alt)
        counts = Counter(values)
        value, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    ans = count * value
    return Draft(
        _("{intro} All the pieces that are {v} inches long are laid end to end. How long is the line they make, in "
          "inches?").format(intro=intro, v=num(value)),
        r"\text{?}", ans, num(ans),
        [step(_("There are {n} Xs above {v}.").format(n=count, v=num(value)), I(count), I(count)),
         step(_("{n} pieces of {v} in: {n} × {v} = {t}.").format(n=count, v=num(value), t=num(ans)),
              mul(count, value), ans)],
        _("Count the Xs above that measurement: each X is one piece of that length."),
        method=_("Multiply the number of Xs above the measurement by the measurement (or add it that many times)."),
        answer_format=_("a number of inches, like 1 1/2 or 3/4"),
        data=common, figure=figure,
        misconceptions=[
            misconception(N_("counted the Xs instead of adding the lengths"), I(count),
                          _("That is how many pieces there are. Each piece has a length: add the lengths together.")),
            misconception(N_("gave the length of one piece"), value,
                          _("That is one piece. The line is made of all the pieces of that length, end to end.")),
        ],
        answer_unit="in",
    )


FRUITS = [N_("apples"), N_("bananas"), N_("grapes"), N_("pears"), N_("oranges"), N_("cherries")]


def bar_graph(rng: random.Random, level: int) -> Draft:
    n = 3 if level == 1 else 4
    scale = (1, 2, 5)[level - 1]
    names = [_(f) for f in rng.sample(FRUITS, n)]
    values = [scale * v for v in rng.sample(range(1, 11), n)]
    i, j = sorted(rng.sample(range(n), 2), key=lambda k: -values[k])
    a, b = values[i], values[j]
    data = {"categories": names, "values": values}
    figure = draw_bar_graph(names, values, step=scale, title=_("Favorite fruit"), data=data,
                            alt=_("A bar graph of the fruit children chose as their favorite, one bar per fruit."))
    intro = _("The bar graph shows the fruit the children in a class chose as their favorite.")
    together = level == 3 and rng.random() < 0.4
    if together:
        ans = a + b
        question = _("How many children chose {a} or {b} in all?").format(a=names[i], b=names[j])
        steps = [step(_("Read the bars: {a} and {b}.").format(a=a, b=b), I(a), I(a)),
                 step(_("Put them together: {a} + {b} = {s}.").format(a=a, b=b, s=ans), add(a, b), I(ans))]
        mis = [misconception(N_("subtracted instead of adding"), I(a - b),
                             _("In all means put the two groups together: add.")),
               misconception(N_("read each square of the scale as one"), I(ans // scale),
                             _("The scale counts by {step}s: read the number at the top of each bar on the scale.")
                             .format(step=scale))]
    else:
        ans = a - b
        question = _("How many more children chose {a} than {b}?").format(a=names[i], b=names[j])
        steps = [step(_("Read the bars: {a} and {b}.").format(a=a, b=b), I(a), I(a)),
                 step(_("Compare: {a} - {b} = {d}.").format(a=a, b=b, d=ans), sub(a, b), I(ans))]
        mis = [misconception(N_("added instead of comparing"), I(a + b),
                             _("How many more asks for the difference between the bars: subtract.")),
               misconception(N_("gave the taller bar instead of the difference"), I(a),
                             _("That is the height of one bar. How many more is the difference between the two.")),]
        if scale > 1:
            mis.append(misconception(N_("read each square of the scale as one"), I(ans // scale),
                                     _("The scale counts by {step}s: read the number at the top of each bar on the "
                                       "scale.").format(step=scale)))
    return Draft(
        _("{intro} {question}").format(intro=intro, question=question), r"\text{?}", I(ans), str(ans), steps,
        _("Read the height of each bar against the scale on the left."),
        method=_("Find the top of each bar on the scale, then subtract for how many more, or add for how many in "
                 "all."),
        answer_format=_("a whole number"),
        data={**data, "unit": _("children"), "facts": [_("the scale counts by {step}s").format(step=scale)]},
        figure=figure, misconceptions=mis,
    )
