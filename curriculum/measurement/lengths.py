"""Length with a ruler, comparing lengths, mass and liquid volume, and converting units."""

from __future__ import annotations

import random

from sympy import Integer as I
from sympy import Rational as R

from curriculum.kit import N_, Draft, misconception, step
from curriculum.measurement import _
from curriculum.measurement import figures as fig
from curriculum.measurement.common import add, mul, qty, sub, unit, words

OBJECTS = [N_("pencil"), N_("crayon"), N_("straw"), N_("paintbrush"), N_("marker")]


def ruler_length(rng: random.Random, level: int) -> Draft:
    code = "in" if level == 3 else "cm"
    length = rng.randint(2, 9) if level == 1 else rng.randint(3, 8)
    start = 0 if level == 1 else rng.randint(1, 4)
    end = start + length
    size = min(max(end + rng.randint(1, 3), 8), 14)
    obj = _(rng.choice(OBJECTS))
    data = {"start": start, "end": end}
    steps = [
        step(_("The left end of the {obj} is at the {s} mark.").format(obj=obj, s=start), I(start), I(start)),
        step(_("Its right end is at the {e} mark. Count the spaces between: {e} - {s} = {n}.").format(
            e=end, s=start, n=length), sub(end, start), I(length)),
    ]
    mis = [
        misconception(N_("counted the tick marks instead of the spaces"), I(length + 1),
                      _("A length is the number of spaces between the marks, not the number of marks: the first "
                        "mark starts the count at zero.")),
    ]
    if start == 0:
        mis.append(misconception(N_("measured from 1 instead of 0"), I(length - 1),
                                 _("A ruler starts at 0, not at 1: the first unit is the space from 0 to 1.")))
    else:
        mis.append(misconception(N_("read the end mark without checking the start"), I(end),
                                 _("The object does not start at 0, so the number at its end is not its length. "
                                   "Count the units from where it starts to where it ends.")))
    alt = _("A {obj} lying above a ruler marked in {unit}.").format(obj=obj, unit=words(code))
    return Draft(
        _("How long is the {obj}? Give the length in {unit}.").format(obj=obj, unit=words(code)),
        r"\text{?}", I(length), str(length), steps,
        _("Look at where the {obj} starts and where it ends on the ruler.").format(obj=obj),
        method=_("Find the marks at both ends and count the units between them (or subtract the start from the "
                 "end)."),
        answer_format=_("a whole number of units"),
        data={**data, "unit": words(code), "facts": []},
        figure=fig.ruler(start, end, size, unit=unit(code), alt=alt, data=data),
        misconceptions=mis, answer_unit=code,
    )


RIBBONS = [N_("red ribbon"), N_("blue ribbon"), N_("green ribbon"), N_("yellow ribbon")]


def compare_lengths(rng: random.Random, level: int) -> Draft:
    top = (20, 95, 95)[level - 1]
    n = 3 if level == 3 else 2
    lengths = sorted(rng.sample(range(3, top + 1), n), reverse=True)
    while lengths[0] - lengths[-1] < 2 or lengths[0] - lengths[-1] in lengths:
        lengths = sorted(rng.sample(range(3, top + 1), n), reverse=True)
    names = [_(r) for r in rng.sample(RIBBONS, n)]
    order = list(range(n))
    rng.shuffle(order)
    shown = [lengths[i] for i in order]
    shown_names = [names[i] for i in order]
    longest, shortest = lengths[0], lengths[-1]
    ans = longest - shortest
    listing = _(", ").join(_("the {name} is {length}").format(name=nm, length=qty(v, "cm"))
                           for nm, v in zip(shown_names, shown))
    if n == 2:
        question = _("How many centimeters longer is the {a} than the {b}?").format(a=names[0], b=names[1])
    else:
        question = _("How many centimeters longer is the longest ribbon than the shortest?")
    steps = [step(_("The longer one is {a} cm and the shorter one is {b} cm.").format(a=longest, b=shortest),
                  I(longest), I(longest)),
             step(_("Subtract to compare: {a} - {b} = {d}.").format(a=longest, b=shortest, d=ans),
                  sub(longest, shortest), I(ans))]
    mis = [
        misconception(N_("added the lengths instead of comparing"), I(longest + shortest),
                      _("How much longer asks for the difference: take the shorter length away from the longer "
                        "one, do not add them.")),
        misconception(N_("gave a length instead of the difference"), I(longest),
                      _("That is the length of one ribbon. How much longer means the extra part, the difference "
                        "between the two.")),
    ]
    if n == 3:
        mis.append(misconception(N_("compared the wrong ribbons"), I(longest - lengths[1]),
                                 _("Check which ribbon is the shortest of all three before you subtract.")))
    data = {"lengths": shown}
    return Draft(
        _("Look at the ribbons: {listing}. {question}").format(listing=listing, question=question),
        rf"{longest} - {shortest} = ?", I(ans), str(ans), steps,
        _("How much longer means the difference between the two lengths."),
        method=_("Line the lengths up and subtract the shorter length from the longer one."),
        answer_format=_("a whole number of centimeters"),
        data={**data, "unit": words("cm"), "facts": []},
        figure=fig.strips(shown, shown_names, unit=unit("cm"),
                          alt=_("Ribbons drawn one under another, each labelled with its length."), data=data),
        misconceptions=mis, answer_unit="cm",
    )


def _no_carry(a: int, b: int) -> int:
    """Adding column by column and dropping every carry."""
    out, place = 0, 1
    while a or b:
        out += (a % 10 + b % 10) % 10 * place
        a, b, place = a // 10, b // 10, place * 10
    return out


def _no_regroup(a: int, b: int) -> int:
    out, place = 0, 1
    while a or b:
        out += abs(a % 10 - b % 10) * place
        a, b, place = a // 10, b // 10, place * 10
    return out


MASS_THINGS = [N_("a bag of apples"), N_("a melon"), N_("a box of books"), N_("a bag of rice")]


def mass_volume(rng: random.Random, level: int) -> Draft:
    if level == 1:
        while True:
            a, b = 10 * rng.randint(12, 58), 10 * rng.randint(12, 38)
            if (a // 10) % 10 + (b // 10) % 10 >= 10:
                break
        first, second = (_(t) for t in rng.sample(MASS_THINGS, 2))
        ans, code = a + b, "g"
        statement = _("On a scale, {first} has a mass of {a} and {second} has a mass of {b}. What is their total "
                      "mass in grams?").format(first=first, second=second, a=qty(a, "g"), b=qty(b, "g"))
        steps = [step(_("Put the two masses together: {a} + {b} = {s}.").format(a=a, b=b, s=ans), add(a, b), I(ans))]
        mis = [misconception(N_("did not regroup when adding"), I(_no_carry(a, b)),
                             _("When a column adds up to ten or more, carry the ten to the next place.")),
               misconception(N_("subtracted instead of adding"), I(abs(a - b)),
                             _("Total mass means both things together on the scale, so add the masses."))]
        method = _("Total means both together: add the two masses.")
    elif level == 2:
        while True:
            a, b = rng.randint(41, 98), rng.randint(12, 39)
            if a % 10 < b % 10:
                break
        ans, code = a - b, "l"
        statement = _("A tank holds {a} of water. {b} are used to water the garden. How many liters are left?").format(
            a=qty(a, "l"), b=qty(b, "l"))
        steps = [step(_("Take away what was used: {a} - {b} = {d}.").format(a=a, b=b, d=ans), sub(a, b), I(ans))]
        mis = [misconception(N_("subtracted without regrouping"), I(_no_regroup(a, b)),
                             _("In the ones place the top digit is smaller: regroup a ten before subtracting.")),
               misconception(N_("added instead of subtracting"), I(a + b),
                             _("Water was used up, so there is less than before: subtract.")) ]
        method = _("What is left is the amount at the start take away the amount used.")
    else:
        n, per = rng.randint(3, 9), rng.randint(2, 9)
        if rng.random() < 0.5:
            ans, code = n * per, "l"
            statement = _("There are {n} bottles of juice and each holds {per}. How many liters of juice are there "
                          "in all?").format(n=n, per=qty(per, "l"))
            steps = [step(_("{n} equal groups of {per} L: {n} × {per} = {t}.").format(n=n, per=per, t=ans),
                          mul(n, per), I(ans))]
            mis = [misconception(N_("added instead of multiplying"), I(n + per),
                                 _("Each bottle holds the same amount, so it is equal groups: multiply the number of "
                                   "bottles by the amount in each.")),
                   misconception(N_("counted only one group"), I(per),
                                 _("That is one bottle. Find the juice in all the bottles together."))]
            method = _("Equal groups: multiply the number of groups by the amount in each group.")
        else:
            total = n * per
            ans, code = per, "kg"
            statement = _("{total} of rice is shared equally into {n} bags. How many kilograms of rice go in each "
                          "bag?").format(total=qty(total, "kg"), n=n)
            steps = [step(_("Share {total} kg into {n} equal parts: {total} ÷ {n} = {each}.").format(
                total=total, n=n, each=per), R(total, n), I(per))]
            mis = [misconception(N_("multiplied instead of dividing"), I(total * n),
                                 _("Sharing makes each part smaller: divide the total by the number of bags.")),
                   misconception(N_("subtracted instead of dividing"), I(total - n),
                                 _("Sharing equally is dividing: how many kilograms in each of the equal bags?"))]
            method = _("Sharing equally: divide the total mass by the number of bags.")
    return Draft(
        statement, r"\text{?}", I(ans), str(ans), steps,
        _("Read the story: are you putting together, taking away, or working with equal groups?"),
        method=method, answer_format=_("a number (with its unit if you like)"),
        data={"unit": words(code), "facts": []}, misconceptions=mis, answer_unit=code,
    )


CONVERSIONS = [("km", "m", 1000), ("m", "cm", 100), ("kg", "g", 1000), ("l", "ml", 1000), ("h", "min", 60),
               ("min", "s", 60), ("ft", "in", 12), ("yd", "ft", 3), ("lb", "oz", 16)]


def convert_units(rng: random.Random, level: int) -> Draft:
    big, small, f = rng.choice(CONVERSIONS[:6] if level == 1 else CONVERSIONS)
    n = rng.randint(2, 9 if level == 1 else 12)
    fact = _("1 {big} = {f} {small}").format(big=unit(big), f=f, small=unit(small))
    steps = [step(_("The fact to use: {fact}.").format(fact=fact), I(f), I(f)),
             step(_("Each {big} is {f} {small}, so multiply: {n} × {f} = {p}.").format(
                 big=unit(big), f=f, small=unit(small), n=n, p=n * f), mul(n, f), I(n * f))]
    wrong_factor = 10 if f == 100 else 100
    mis = [
        misconception(N_("converted in the wrong direction"), R(n, f),
                      _("A smaller unit fits more times, so the number of small units is bigger: multiply by the "
                        "conversion factor instead of dividing.")),
        misconception(N_("used the wrong conversion factor"), I(n * wrong_factor),
                      _("Check how many of the small unit make one of the big unit before you multiply.")),
    ]
    if level < 3:
        ans = n * f
        statement = _("How many {small} are there in {amount}?").format(small=words(small), amount=qty(n, big))
        latex = rf"{n}\,\mathrm{{{big}}} = ?\,\mathrm{{{small}}}"
    else:
        r = rng.randint(1, f - 1)
        ans = n * f + r
        statement = _("How many {small} is {a} {b}?").format(small=words(small), a=qty(n, big), b=qty(r, small))
        latex = rf"{n}\,\mathrm{{{big}}}\ {r}\,\mathrm{{{small}}} = ?\,\mathrm{{{small}}}"
        steps.append(step(_("Add the {r} {small} as well: {p} + {r} = {total}.").format(
            r=r, small=unit(small), p=n * f, total=ans), add(n * f, r), I(ans)))
        mis.append(misconception(N_("forgot the smaller part"), I(n * f),
                                 _("Convert the big unit, then add the small units that were already there.")))
    return Draft(
        statement, latex, I(ans), str(ans), steps,
        _("Which unit is bigger? The answer needs more of the smaller unit."),
        method=_("Find how many of the small unit make one big unit, and multiply the number of big units by it."),
        answer_format=_("a number in the smaller unit"),
        data={"unit": words(small), "from": words(big), "facts": [fact]},
        misconceptions=mis, answer_unit=small,
    )
