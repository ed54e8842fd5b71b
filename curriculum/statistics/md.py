"""Reading data, grades 1–3 (Measurement & data): tally charts, bar graphs, scaled picture graphs."""

from __future__ import annotations

import random

import sympy

from curriculum.kit import N_, Draft, misconception, step
from curriculum.statistics import _
from curriculum.statistics.figures import picture_graph, tally_chart
from tutor.figures import bar_graph

TOPICS = [
    {"things": [N_("apples"), N_("bananas"), N_("grapes"), N_("pears"), N_("oranges")],
     "story": N_("The children in a class voted for their favourite fruit."), "header": N_("Fruit")},
    {"things": [N_("cats"), N_("dogs"), N_("fish"), N_("rabbits"), N_("birds")],
     "story": N_("The children in a class voted for their favourite pet."), "header": N_("Pet")},
    {"things": [N_("soccer"), N_("swimming"), N_("running"), N_("dancing"), N_("basketball")],
     "story": N_("The children in a class voted for their favourite sport."), "header": N_("Sport")},
]
"""What was counted: the category names are words (labels), the counts are the problem's data."""


def _topic(rng: random.Random, k: int) -> tuple[dict, list[str]]:
    topic = rng.choice(TOPICS)
    return topic, [_(t) for t in rng.sample(topic["things"], k)]


def _how_many_more(names, counts, i, j, unit_note=""):
    """(statement question, answer, steps, misconceptions) for 'how many more chose names[i] than names[j]'."""
    a, b = counts[i], counts[j]
    ans = a - b
    steps = [
        step(_("{name}: {n} votes.").format(name=names[i], n=a), sympy.Integer(a), a),
        step(_("{name}: {n} votes.").format(name=names[j], n=b), sympy.Integer(b), b),
        step(_("Compare by subtracting: {a} - {b} = {d}").format(a=a, b=b, d=ans), sympy.Add(a, -b, evaluate=False),
             ans),
    ]
    wrong = [
        misconception(N_("added instead of subtracting"), sympy.Integer(a + b),
                      _("You added the two groups. 'How many more' asks for the difference: take the smaller "
                        "count away from the larger one.")),
        misconception(N_("gave one count instead of the difference"), sympy.Integer(a),
                      _("That is how many are in one group. 'How many more' compares two groups: find how far "
                        "apart their counts are.")),
    ]
    return ans, steps, wrong


def tally(rng: random.Random, level: int) -> Draft:
    """Grade 1: three categories in a tally chart; how many in all, or how many more."""
    topic, names = _topic(rng, 3)
    top = (9, 12, 15)[level - 1]
    while True:  # three different counts, at least one a full bundle of five
        counts = rng.sample(range(3, top + 1), 3)
        if max(counts) >= 6 and (level > 1 or sum(counts) <= 20):  # grade 1 adds within 20
            break
    data = {"counts": counts}
    fig = tally_chart(names, counts, header=(_(topic["header"]), _("Tally")),
                      alt=_("A tally chart of the votes for each choice."), data=data)
    if level == 2:
        i, j = sorted(rng.sample(range(3), 2), key=lambda k: -counts[k])
        ans, steps, wrong = _how_many_more(names, counts, i, j)
        return Draft(
            _("{story} Look at the tally chart. How many more children chose {a} than {b}?").format(
                story=_(topic["story"]), a=names[i], b=names[j]),
            r"\text{?}", sympy.Integer(ans), str(ans), steps,
            _("Count the tally marks in each of the two rows: each bundle with a line across is five."),
            method=_("Count each row by fives, then ones; then subtract the smaller count from the larger."),
            data=data, figure=fig, misconceptions=wrong, answer_format=_("a whole number"),
        )
    total = sum(counts)
    steps = [step(_("{name}: {n} marks").format(name=name, n=n), sympy.Integer(n), n) for name, n in zip(names, counts)]
    steps.append(step(_("Add the rows: {a} + {b} + {c} = {total}").format(a=counts[0], b=counts[1], c=counts[2],
                                                                       total=total),
                      sympy.Add(*counts, evaluate=False), total))
    bundles = sum(n // 5 + n % 5 for n in counts)
    return Draft(
        _("{story} Look at the tally chart. How many children voted in all?").format(story=_(topic["story"])),
        r"\text{?}", sympy.Integer(total), str(total), steps,
        _("'In all' means every row together."),
        method=_("Count each row, counting a bundle of tally marks as five, then add the three rows."),
        data=data, figure=fig, answer_format=_("a whole number"),
        misconceptions=[
            misconception(N_("counted a bundle of five tallies as one"), sympy.Integer(bundles),
                          _("A bundle of tally marks with a line across stands for five, not one. Count each "
                            "bundle as five.")),
            misconception(N_("left out a category"), sympy.Integer(counts[0] + counts[1]),
                          _("You added only two of the rows. 'In all' means every row of the chart.")),
            misconception(N_("counted only the longest row"), sympy.Integer(max(counts)),
                          _("That is only one row. 'In all' means adding every row of the chart.")),
        ],
    )


def bar_graph_problem(rng: random.Random, level: int) -> Draft:
    """Grade 2: a bar graph with a scale of ones; put together, take apart and compare."""
    topic, names = _topic(rng, 4)
    counts = rng.sample(range(2, (10, 14, 18)[level - 1] + 1), 4)
    data = {"counts": counts}
    fig = bar_graph(names, counts, step=1 if max(counts) <= 10 else 2,
                    alt=_("A bar graph of the votes for each choice."), data=data)
    i, j = rng.sample(range(4), 2)
    if counts[i] < counts[j]:
        i, j = j, i
    if level == 1:
        ans = counts[i] + counts[j]
        steps = [
            step(_("The bar for {name} reaches {n}.").format(name=names[i], n=counts[i]), sympy.Integer(counts[i]),
                 counts[i]),
            step(_("The bar for {name} reaches {n}.").format(name=names[j], n=counts[j]), sympy.Integer(counts[j]),
                 counts[j]),
            step(_("Put them together: {a} + {b} = {total}").format(a=counts[i], b=counts[j], total=ans),
                 sympy.Add(counts[i], counts[j], evaluate=False), ans),
        ]
        return Draft(
            _("{story} Look at the bar graph. How many children chose {a} or {b}?").format(
                story=_(topic["story"]), a=names[i], b=names[j]),
            r"\text{?}", sympy.Integer(ans), str(ans), steps,
            _("Read the top of each of the two bars against the scale."),
            method=_("Follow the top of each bar across to the scale to read its number, then add the two numbers."),
            data=data, figure=fig, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("subtracted instead of adding"), sympy.Integer(counts[i] - counts[j]),
                              _("You found the difference. Children who chose either one are put together: add "
                                "the two bars.")),
                misconception(N_("read only one bar"), sympy.Integer(counts[i]),
                              _("That is only one of the bars. The question asks about both choices together.")),
            ],
        )
    ans, steps, wrong = _how_many_more(names, counts, i, j)
    if level == 2:
        question = _("{story} Look at the bar graph. How many more children chose {a} than {b}?")
    else:
        question = _("{story} Look at the bar graph. How many fewer children chose {b} than {a}?")
    return Draft(
        question.format(story=_(topic["story"]), a=names[i], b=names[j]),
        r"\text{?}", sympy.Integer(ans), str(ans), steps,
        _("Read the top of each of the two bars against the scale."),
        method=_("Read both bars on the scale, then subtract the shorter bar's number from the taller bar's."),
        data=data, figure=fig, misconceptions=wrong, answer_format=_("a whole number"),
    )


def scaled_graph(rng: random.Random, level: int) -> Draft:
    """Grade 3: a picture graph where each picture stands for 2 or 5."""
    topic, names = _topic(rng, 4)
    key = rng.choice((2, 5)) if level > 1 else 2
    icons = rng.sample(range(1, 9), 4)
    data = {"icons": icons, "key": key}
    fig = picture_graph(names, icons, key_label=_("= {key} votes").format(key=key),
                        alt=_("A picture graph of the votes; each star stands for {key} votes.").format(key=key),
                        data=data)
    story = _("{story} In the picture graph, each star stands for {key} votes.").format(story=_(topic["story"]),
                                                                                      key=key)
    i, j = rng.sample(range(4), 2)
    if icons[i] < icons[j]:
        i, j = j, i
    if level < 3:
        ans = icons[i] * key
        return Draft(
            _("{story} How many children chose {a}?").format(story=story, a=names[i]),
            r"\text{?}", sympy.Integer(ans), str(ans),
            [
                step(_("The row for {name} has {n} stars.").format(name=names[i], n=icons[i]),
                     sympy.Integer(icons[i]), icons[i]),
                step(_("Each star is {key} votes: {n} × {key} = {votes}").format(n=icons[i], key=key, votes=ans),
                     sympy.Mul(icons[i], key, evaluate=False), ans),
            ],
            _("Look at the key first: one star is more than one vote."),
            method=_("Count the stars in the row, then multiply by the number each star stands for."),
            data=data, figure=fig, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("ignored the picture graph key"), sympy.Integer(icons[i]),
                              _("You counted the stars, but each star stands for more than one vote. Use the key.")),
                misconception(N_("added the key instead of multiplying"), sympy.Integer(icons[i] + key),
                              _("Every star stands for the key's number of votes, so it is repeated once per star: "
                                "multiply.")),
            ],
        )
    a, b = icons[i] * key, icons[j] * key
    ans = a - b
    return Draft(
        _("{story} How many more children chose {a} than {b}?").format(story=story, a=names[i], b=names[j]),
        r"\text{?}", sympy.Integer(ans), str(ans),
        [
            step(_("{name}: {n} × {key} = {votes}").format(name=names[i], n=icons[i], key=key, votes=a),
                 sympy.Mul(icons[i], key, evaluate=False), a),
            step(_("{name}: {n} × {key} = {votes}").format(name=names[j], n=icons[j], key=key, votes=b),
                 sympy.Mul(icons[j], key, evaluate=False), b),
            step(_("Difference: {a} - {b} = {d}").format(a=a, b=b, d=ans), sympy.Add(a, -b, evaluate=False), ans),
        ],
        _("Look at the key first: one star is more than one vote."),
        method=_("Turn each row's stars into votes with the key, then subtract."),
        data=data, figure=fig, answer_format=_("a whole number"),
        misconceptions=[
            misconception(N_("ignored the picture graph key"), sympy.Integer(icons[i] - icons[j]),
                          _("You compared the numbers of stars, but each star stands for more than one vote. Use "
                            "the key.")),
            misconception(N_("added instead of subtracting"), sympy.Integer(a + b),
                          _("You added the two rows. 'How many more' asks for the difference.")),
        ],
    )
