"""Perimeter, area, area against perimeter, volume of boxes of unit cubes, and angles."""

from __future__ import annotations

import random

from sympy import Integer as I
from sympy import Rational as R

from curriculum.kit import N_, Draft, misconception, step
from curriculum.measurement import _
from curriculum.measurement import figures as fig
from curriculum.measurement.common import add, mul, qty, sub, unit, words


def _sides_text(sides: list[int], code: str) -> str:
    return _(", ").join(qty(s, code) for s in sides)


def _area_perimeter_mix(length: int, width: int, asked: str) -> list:
    """The classic swaps: perimeter for area and area for perimeter, and adding just two sides."""
    area, perimeter = length * width, 2 * (length + width)
    out = []
    if asked == "area":
        out.append(misconception(N_("found the perimeter instead of the area"), I(perimeter),
                                 _("You added the sides, which measures the distance around (the perimeter). Area "
                                   "counts the unit squares inside: multiply the length by the width.")))
    else:
        out.append(misconception(N_("found the area instead of the perimeter"), I(area),
                                 _("You multiplied the sides, which counts the squares inside (the area). Perimeter "
                                   "is the distance all the way around: add every side.")))
        out.append(misconception(N_("added only two sides"), I(length + width),
                                 _("A rectangle has four sides. You added one length and one width: add the other "
                                   "two sides as well.")))
    if asked == "area":
        out.append(misconception(N_("added the sides instead of multiplying"), I(length + width),
                                 _("Area is rows times columns of unit squares: multiply the length by the width "
                                   "instead of adding them.")))
    return out


def perimeter(rng: random.Random, level: int) -> Draft:
    if level == 1:
        length, width = rng.sample(range(2, 13), 2)
        p = 2 * (length + width)
        data = {"length": length, "width": width}
        return Draft(
            _("A rectangle is {l} long and {w} wide. What is its perimeter?").format(
                l=qty(length, "cm"), w=qty(width, "cm")),
            "P = ?", I(p), str(p),  # the formula would give the method away
            [step(_("A rectangle has two sides of {l} cm and two sides of {w} cm.").format(l=length, w=width),
                  I(length), I(length)),
             step(_("Add all four sides: {l} + {w} + {l} + {w} = {p}.").format(l=length, w=width, p=p),
                  add(length, width, length, width), I(p))],
            _("Perimeter is the distance all the way around the shape."),
            method=_("Add the lengths of all four sides: two lengths and two widths."),
            answer_format=_("a number of centimeters"),
            data={**data, "unit": words("cm"), "facts": []},
            figure=fig.rectangle(length, width, unit=unit("cm"), data=data,
                                 alt=_("A rectangle with its length and width labelled.")),
            misconceptions=_area_perimeter_mix(length, width, "perimeter"), answer_unit="cm",
        )
    n = rng.randint(3, 6) if level == 2 else rng.randint(4, 5)
    hidden = rng.randrange(n)
    sides = [rng.randint(2, 15) for _k in range(n)]
    # A shape that can be drawn (every side shorter than the rest together), and a missing side whose length
    # is not shown on another side.
    while 2 * max(sides) >= sum(sides) or (level == 3 and sides.count(sides[hidden]) > 1):
        sides = [rng.randint(2, 15) for _k in range(n)]
    total = sum(sides)
    if level == 2:
        data = {"sides": sides}
        return Draft(
            _("A garden has {n} sides. They measure {sides}. How many meters of fence go all the way around it?")
            .format(n=n, sides=_sides_text(sides, "m")),
            "P = ?", I(total), str(total),  # the sum would give the answer away
            [step(_("Add the sides one at a time: {sum} = {p}.").format(sum=" + ".join(map(str, sides)), p=total),
                  add(*sides), I(total))],
            _("The fence goes around the whole garden: every side counts."),
            method=_("Add up the lengths of all the sides, ticking off each side as you add it."),
            answer_format=_("a number of meters"),
            data={**data, "unit": words("m"), "facts": []},
            figure=fig.polygon(sides, unit=unit("m"), data=data,
                               alt=_("A garden shaped like a polygon, each side labelled with its length.")),
            misconceptions=[
                misconception(N_("missed a side"), I(total - sides[-1]),
                              _("Count the sides of the shape and make sure you added each one exactly once.")),
                misconception(N_("added only two sides"), I(sides[0] + sides[1]),
                              _("The fence goes all the way around, so add every side, not just two.")),
            ],
            answer_unit="m",
        )
    known = [s for k, s in enumerate(sides) if k != hidden]
    shown = ["?" if k == hidden else s for k, s in enumerate(sides)]
    data = {"sides": shown, "perimeter": total}
    return Draft(
        _("A shape with {n} sides has a perimeter of {p}. The sides you know measure {sides}. How long is the "
          "missing side?").format(n=n, p=qty(total, "cm"), sides=_sides_text(known, "cm")),
        "P = " + " + ".join(map(str, known)) + " + ?", I(sides[hidden]), str(sides[hidden]),
        [step(_("Add the sides you know: {sum} = {s}.").format(sum=" + ".join(map(str, known)), s=sum(known)),
              add(*known), I(sum(known))),
         step(_("The missing side is the rest of the perimeter: {p} - {s} = {m}.").format(
             p=total, s=sum(known), m=sides[hidden]), sub(total, sum(known)), I(sides[hidden]))],
        _("The perimeter is all the sides added together, including the missing one."),
        method=_("Add the sides you know, then take that away from the perimeter."),
        answer_format=_("a number of centimeters"),
        data={**data, "unit": words("cm"), "facts": []},
        figure=fig.polygon(shown, unit=unit("cm"), data={"sides": shown}, hidden=hidden,
                           alt=_("A polygon with its sides labelled and one side marked with a question mark.")),
        misconceptions=[
            misconception(N_("added instead of subtracting"), I(total + sum(known)),
                          _("The perimeter already includes the missing side: take the known sides away from it.")),
            misconception(N_("gave the sum of the known sides"), I(sum(known)),
                          _("That is the sides you know added up. The missing side is what is left of the perimeter "
                            "after them.")),
        ],
        answer_unit="cm",
    )


def area_rectangle(rng: random.Random, level: int) -> Draft:
    if level < 3:
        length, width = rng.sample(range(2, 7) if level == 1 else range(4, 13), 2)
        area = length * width
        data = {"length": length, "width": width}
        statement = (_("The rectangle is covered with squares of 1 square centimeter. It is {l} long and {w} wide. "
                       "What is its area?") if level == 1 else
                     _("A rectangle is {l} long and {w} wide. What is its area in square centimeters?")).format(
            l=qty(length, "cm"), w=qty(width, "cm"))
        return Draft(
            statement, "A = ?", I(area), str(area),  # the formula would give the method away
            [step(_("There are {w} rows of {l} unit squares.").format(w=width, l=length), I(width), I(width)),
             step(_("Rows times squares in a row: {w} × {l} = {a}.").format(w=width, l=length, a=area),
                  mul(width, length), I(area))],
            _("Area counts the unit squares that cover the inside of the shape."),
            method=_("Count the squares in one row, count the rows, and multiply (length times width)."),
            answer_format=_("a number of square centimeters"),
            data={**data, "unit": words("cm²"), "facts": [_("1 square centimeter is a square 1 cm on each side")]},
            figure=fig.rectangle(length, width, unit=unit("cm"), data=data, grid=level == 1,
                                 alt=_("A rectangle with its length and width labelled.") if level > 1 else
                                 _("A rectangle tiled with unit squares, its length and width labelled.")),
            misconceptions=_area_perimeter_mix(length, width, "area"), answer_unit="cm²",
        )
    length, width = rng.sample(range(3, 13), 2)
    area = length * width
    data = {"length": length, "area": area}
    return Draft(
        _("A rectangle has an area of {a} and a length of {l}. How wide is it?").format(
            a=qty(area, "cm²"), l=qty(length, "cm")),
        rf"{length} \times ? = {area}", I(width), str(width),
        [step(_("Length × width = area, so {l} × ? = {a}.").format(l=length, a=area), I(area), I(area)),
         step(_("Divide: {a} ÷ {l} = {w}.").format(a=area, l=length, w=width), R(area, length), I(width))],
        _("Area is length times width, and you know the area and the length."),
        method=_("Think of the missing factor: which number times the length gives the area? Divide to find it."),
        answer_format=_("a number of centimeters"),
        data={**data, "unit": words("cm"), "facts": []},
        figure=fig.rectangle(length, width, unit=unit("cm"), data={"length": length}, labels=(True, False),
                             alt=_("A rectangle with its length labelled and its width marked with a question "
                                   "mark.")),
        misconceptions=[
            misconception(N_("subtracted instead of dividing"), I(area - length),
                          _("The area is length times width, so undo the multiplying by dividing.")),
            misconception(N_("multiplied instead of dividing"), I(area * length),
                          _("The width must be smaller than the area: divide the area by the length.")),
        ],
        answer_unit="cm",
    )


def area_vs_perimeter(rng: random.Random, level: int) -> Draft:
    length, width = rng.sample(range(3, 10) if level == 1 else range(5, 16), 2)
    area, perim = length * width, 2 * (length + width)
    if level < 3:
        asked = rng.choice(["area", "perimeter"])
        data = {"length": length, "width": width}
        if asked == "area":
            statement = _("A garden is {l} long and {w} wide. Grass will cover all of it. How many square meters of "
                          "grass are needed?")
            steps = [step(_("Covering the inside is area: {l} × {w} = {a}.").format(l=length, w=width, a=area),
                          mul(length, width), I(area))]
            ans, code = area, "m²"
        else:
            statement = _("A garden is {l} long and {w} wide. A fence will go all the way around it. How many meters "
                          "of fence are needed?")
            steps = [step(_("Going around the edge is perimeter: {l} + {w} + {l} + {w} = {p}.").format(
                l=length, w=width, p=perim), add(length, width, length, width), I(perim))]
            ans, code = perim, "m"
        return Draft(
            statement.format(l=qty(length, "m"), w=qty(width, "m")), r"\text{?}", I(ans), str(ans), steps,
            _("Does the question measure the edge around the garden, or the ground inside it?"),
            method=_("Around the edge is perimeter (add all the sides); covering the inside is area (multiply "
                     "length by width)."),
            answer_format=_("a number (square meters for area, meters for perimeter)"),
            data={**data, "unit": words(code), "facts": []},
            figure=fig.rectangle(length, width, unit=unit("m"), data=data,
                                 alt=_("A rectangular garden with its length and width labelled.")),
            misconceptions=_area_perimeter_mix(length, width, asked), answer_unit=code,
        )
    data = {"length": length, "perimeter": perim}
    half = perim // 2
    return Draft(
        _("A rectangle has a perimeter of {p} and a length of {l}. What is its area?").format(
            p=qty(perim, "cm"), l=qty(length, "cm")),
        r"\text{?}", I(area), str(area),
        [step(_("One length and one width make half the perimeter: {p} ÷ 2 = {h}.").format(p=perim, h=half),
              R(perim, 2), I(half)),
         step(_("So the width is {h} - {l} = {w}.").format(h=half, l=length, w=width), sub(half, length), I(width)),
         step(_("Area = length × width = {l} × {w} = {a}.").format(l=length, w=width, a=area), mul(length, width),
              I(area))],
        _("First find the missing side from the perimeter; then the area."),
        method=_("Half the perimeter is one length plus one width: subtract the length to find the width, then "
                 "multiply length by width."),
        answer_format=_("a number of square centimeters"),
        data={**data, "unit": words("cm²"), "facts": []},
        figure=fig.rectangle(length, width, unit=unit("cm"), data={"length": length}, labels=(True, False),
                             alt=_("A rectangle with its length labelled and its width marked with a question "
                                   "mark.")),
        misconceptions=[
            misconception(N_("stopped at the width"), I(width),
                          _("That is the width. The question asks for the area: multiply the length by the width.")),
            misconception(N_("multiplied the perimeter by the length"), I(perim * length),
                          _("The perimeter is not a side. Use it to find the width first, then multiply the sides.")),
        ],
        answer_unit="cm²",
    )


def volume_prism(rng: random.Random, level: int) -> Draft:
    if level == 1:
        length, width, height = rng.randint(2, 4), rng.randint(2, 3), rng.randint(2, 4)
    else:
        length, width, height = rng.randint(3, 8), rng.randint(2, 5), rng.randint(2, 6)
        while level == 3 and height in (length, width):  # the height asked for is not a labelled edge
            height = rng.randint(2, 6)
    volume = length * width * height
    layer = length * width
    if level < 3:
        data = {"length": length, "width": width, "height": height}
        statement = (_("This box is built from cubes of 1 cubic centimeter. It is {l} cubes long, {w} cubes wide "
                       "and {h} cubes high. What is its volume?") if level == 1 else
                     _("A box is {l} long, {w} wide and {h} high. What is its volume in cubic centimeters?"))
        return Draft(
            statement.format(l=length if level == 1 else qty(length, "cm"), w=width if level == 1 else qty(width, "cm"),
                             h=height if level == 1 else qty(height, "cm")),
            "V = ?", I(volume), str(volume),  # the product would give the method away
            [step(_("One layer: {l} × {w} = {n} cubes.").format(l=length, w=width, n=layer), mul(length, width),
                  I(layer)),
             step(_("{h} layers: {n} × {h} = {v}.").format(h=height, n=layer, v=volume), mul(layer, height),
                  I(volume))],
            _("Volume counts the unit cubes that fill the box, layer by layer."),
            method=_("Find the cubes in one layer (length × width), then multiply by the number of layers (the "
                     "height): V = l × w × h."),
            answer_format=_("a number of cubic centimeters"),
            data={**data, "unit": words("cm³"), "facts": [_("V = l × w × h")]},
            figure=fig.prism(length, width, height, data=data,
                             alt=_("A box made of unit cubes, with its length, width and height labelled.")),
            misconceptions=[
                misconception(N_("added the edges instead of multiplying"), I(length + width + height),
                              _("Volume is not the edges added up: count the cubes in one layer and multiply by the "
                                "number of layers.")),
                misconception(N_("counted only one layer"), I(layer),
                              _("That is one layer of cubes. Multiply by how many layers high the box is.")),
            ],
            answer_unit="cm³",
        )
    data = {"length": length, "width": width, "volume": volume}
    return Draft(
        _("A box has a volume of {v}. It is {l} long and {w} wide. How high is it?").format(
            v=qty(volume, "cm³"), l=qty(length, "cm"), w=qty(width, "cm")),
        rf"{length} \times {width} \times ? = {volume}", I(height), str(height),
        [step(_("One layer holds {l} × {w} = {n} cubes.").format(l=length, w=width, n=layer), mul(length, width),
              I(layer)),
         step(_("Number of layers: {v} ÷ {n} = {h}.").format(v=volume, n=layer, h=height), R(volume, layer),
              I(height))],
        _("The volume is the cubes in one layer times the number of layers."),
        method=_("Find how many cubes fit in one layer (length × width), then divide the volume by it."),
        answer_format=_("a number of centimeters"),
        data={**data, "unit": words("cm"), "facts": [_("V = l × w × h")]},
        figure=fig.prism(length, width, height, data={"length": length, "width": width}, labels=(True, True, False),
                         alt=_("A box made of unit cubes, with its length and width labelled and its height marked "
                               "with a question mark.")),
        misconceptions=[
            misconception(N_("subtracted instead of dividing"), I(volume - layer),
                          _("The volume is a product of the three edges: divide by the layer instead of "
                            "subtracting it.")),
            misconception(N_("divided by only one edge"), R(volume, length),
                          _("Divide by the whole layer, length times width, not by the length alone.")),
        ],
        answer_unit="cm",
    )


PROTRACTOR_THINGS = [N_("the angle between the two rays"), N_("how far a door is open"), N_("the slope of a ramp"),
                     N_("the opening of a pair of scissors"), N_("the angle of a slice of pizza")]


def angles(rng: random.Random, level: int) -> Draft:
    if level == 1:
        a = 5 * rng.choice([k for k in range(3, 35) if k != 18])
        data = {"angle": a}
        return Draft(
            _("The protractor measures {what}, starting from the 0 on the right. How many degrees is it?").format(
                what=_(rng.choice(PROTRACTOR_THINGS))),
            r"\angle = ?", I(a), str(a),
            [step(_("The ray starts on 0 of the inner scale; count up that same scale to the other ray: {a}° - 0° "
                    "= {a}°.").format(a=a), sub(a, 0), I(a))],
            _("Start from the ray that lies on 0, and use the scale that starts at that 0."),
            method=_("Find which scale has 0 on the first ray, then read that scale where the other ray crosses it."),
            answer_format=_("a number of degrees"),
            data={**data, "unit": words("°"), "facts": [_("A straight angle is 180°")]},
            figure=fig.protractor(a, data=data, alt=_("A protractor measuring an angle with one ray on 0.")),
            misconceptions=[
                misconception(N_("read the wrong scale"), I(180 - a),
                              _("A protractor has two scales. Use the one that reads 0 on the first ray.")),
                misconception(N_("read the nearest labelled number"), I(30 * round(a / 30)),
                              _("Between the numbered marks, count the small marks: each small mark is 5 degrees.")),
            ],
            answer_unit="°",
        )
    if level == 2:
        whole = 5 * rng.randint(12, 34)
        part = 5 * rng.randint(3, whole // 5 - 3)
    else:
        whole = 180
        part = 5 * rng.randint(4, 32)
    if 2 * part == whole:  # the other part would equal the labelled one
        part += 5
    ans = whole - part
    data = {"whole": whole, "part": part}
    statement = (_("An angle of {whole}° is split by a ray into two angles. One of them is {part}°. How many degrees "
                   "is the other?") if level == 2 else
                 _("Two angles together make a straight line. One of them is {part}°. How many degrees is the "
                   "other?")).format(whole=whole, part=part)
    steps = ([step(_("The angles on a straight line add up to 180°."), I(180), I(whole))] if level == 3 else
             [step(_("The two parts add up to the whole angle: {part}° + ? = {whole}°.").format(
                 part=part, whole=whole), I(whole), I(whole))])
    steps.append(step(_("Subtract: {whole}° - {part}° = {ans}°.").format(whole=whole, part=part, ans=ans),
                      sub(whole, part), I(ans)))
    mis = [misconception(N_("added the angles instead of subtracting"), I(whole + part),
                         _("The other angle is a part of the whole, so it is smaller than the whole: subtract."))]
    if level == 3:
        mis.append(misconception(N_("used a full turn instead of a straight angle"), I(360 - part),
                                 _("A straight line is half a turn, 180°, not a full turn of 360°.")))
    else:
        mis.append(misconception(N_("assumed the whole was a straight angle"), I(180 - part),
                                 _("The whole angle here is not a straight line: use the size of the whole angle "
                                   "given.")))
    return Draft(
        statement, rf"{part}^\circ + ? = {whole}^\circ", I(ans), str(ans), steps,
        _("The two smaller angles fit together to make the whole angle."),
        method=_("Angle measures add: the whole angle is the sum of its parts, so subtract the part you know from "
                 "the whole."),
        answer_format=_("a number of degrees"),
        data={**data, "unit": words("°"), "facts": [_("A straight angle is 180°")]},
        figure=fig.split_angle(whole, part, data=data, show_whole=level == 2,
                               alt=_("An angle split into two parts by a ray; one part is labelled and the other is "
                                     "marked with a question mark.")),
        misconceptions=mis, answer_unit="°",
    )
