"""Grade 8: triangle angles, transformations, the Pythagorean theorem, volumes of round solids."""

from __future__ import annotations

import random

import sympy
from sympy import Integer as I
from sympy import Rational as R
from sympy import pi

from curriculum.kit import N_, Draft, misconception, step
from curriculum.shapes import figs
from curriculum.shapes.common import _, cm, deg, geo, pi_text
from tutor.figures import coordinate_plane

TRIPLES = [(3, 4, 5), (6, 8, 10), (5, 12, 13), (9, 12, 15), (8, 15, 17), (12, 16, 20), (7, 24, 25), (15, 20, 25)]


def _pair(p) -> str:
    return f"({p[0]}, {p[1]})"


def triangle_angles(rng: random.Random, level: int) -> Draft:
    """8.G.A.5: the angle sum of a triangle, exterior angles, and an unknown from an equation."""
    while True:
        a, b = rng.randint(25, 95), rng.randint(25, 95)
        if a + b < 165 and a != b:
            break
    c = 180 - a - b
    shape = [(0, 0), (6, 0), (2.2, 3.6)]
    if level == 1:
        ans = c
        fdata = {"angles": [a, b]}
        statement = _("Two angles of a triangle are {a}° and {b}°. What is the third angle x?").format(a=a, b=b)
        steps = [
            step(_("The two known angles: {a}° + {b}° = {s}°").format(a=a, b=b, s=a + b), sympy.Add(a, b, evaluate=False), a + b),
            step(_("x = {t}° - {s}° = {x}°").format(t=180, s=a + b, x=ans), sympy.Add(180, -(a + b), evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("used 360° for a triangle"), I(360 - a - b), _(
                "The angles of a triangle add up to a straight angle, not a full turn.")),
            misconception(N_("subtracted only one angle"), I(180 - a), _(
                "Both known angles are part of the triangle's total: take both of them away.")),
        ]
        fig = figs.triangle(shape, [deg(a), deg(b), "x"], alt=_("A triangle with angles {a}°, {b}° and x.").format(a=a, b=b),
                            data=fdata)
        rule = _("The three angles of a triangle add up to {t}°.").format(t=180)
        shows = _("The figure shows a triangle with angles {a}° and {b}°, and the unknown angle x.").format(a=a, b=b)
    elif level == 2:
        ans = a + b
        fdata = {"angles": [a, b]}
        statement = _("In a triangle two angles are {a}° and {b}°. The side beside the third angle is extended. "
                      "What is the exterior angle x there?").format(a=a, b=b)
        steps = [
            step(_("The third angle is {t}° - {a}° - {b}° = {c}°").format(t=180, a=a, b=b, c=c),
                 sympy.Add(180, -a, -b, evaluate=False), c),
            step(_("The exterior angle makes a straight line with it: x = {t}° - {c}° = {x}°").format(t=180, c=c, x=ans),
                 sympy.Add(180, -c, evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("gave the interior angle, not the exterior one"), I(c), _(
                "That is the angle inside the triangle. The exterior angle is outside, on the extended side.")),
            misconception(N_("used 360° for a triangle"), I(360 - a - b), _(
                "The exterior angle equals the sum of the two angles inside the triangle that are not next to it.")),
        ]
        fig = figs.triangle([(2.2, 3.6), (6, 0), (0, 0)],
                            [deg(a), "", deg(b)], exterior="x",
                            alt=_("A triangle with angles {a}° and {b}°, one side extended, and the exterior angle x.").format(
                                a=a, b=b), data=fdata)
        rule = _("An exterior angle of a triangle equals the sum of the two interior angles not next to it.")
        shows = _("The figure shows a triangle with angles {a}° and {b}°, and the exterior angle x.").format(a=a, b=b)
    else:
        while True:
            a, d = rng.randint(30, 100), rng.randint(5, 40)
            if (180 - a - d) % 2 == 0 and 180 - a - d > 20:
                break
        ans = (180 - a - d) // 2
        fdata = {"angle": a, "more": d}
        statement = _("The angles of a triangle are x°, (x + {d})° and {a}°. What is x?").format(d=d, a=a)
        steps = [
            step(_("x + (x + {d}) + {a} = {t}, so 2x + {s} = {t}").format(d=d, a=a, t=180, s=a + d),
                 2 * I(ans) + a + d, 180),
            step(_("2x = {t} - {s} = {r}").format(t=180, s=a + d, r=180 - a - d), sympy.Add(180, -(a + d), evaluate=False),
                 2 * ans),
            step(_("x = {r} ÷ 2 = {x}").format(r=180 - a - d, x=ans), I(180 - a - d) / 2, ans),
        ]
        wrong = [
            misconception(N_("forgot there are two x's"), I(180 - a - d), _(
                "x appears in two of the angles: collect them as 2x before dividing.")),
            misconception(N_("used 360° for a triangle"), R(360 - a - d, 2), _(
                "The angles of a triangle add up to a straight angle, not a full turn.")),
        ]
        fig = figs.triangle(shape, ["x°", _("(x + {d})°").format(d=d), deg(a)],
                            alt=_("A triangle with angles x°, (x + {d})° and {a}°.").format(d=d, a=a), data=fdata)
        rule = _("The three angles of a triangle add up to {t}°.").format(t=180)
        shows = _("The figure shows a triangle with angles x°, (x + {d})° and {a}°.").format(d=d, a=a)
    return Draft(
        statement, r"x = ?", I(ans), str(ans), steps,
        _("What do the three angles of any triangle add up to?"),
        method=_("Use the angle sum of a triangle: write what the angles add up to, then find the missing part."),
        answer_format=_("a number of degrees"), data=geo(fdata, shows, rule), figure=fig, misconceptions=wrong,
        answer_unit="°",
    )


def transformations(rng: random.Random, level: int) -> Draft:
    """8.G.A.1, 8.G.A.3: the image of a point under a translation, a reflection in an axis, or a rotation about the origin."""
    while True:
        a, b = rng.randint(-7, 7), rng.randint(-7, 7)
        if a and b and abs(a) != abs(b):
            break
    P = (a, b)
    fdata = {"P": P}
    if level == 1:
        while True:
            h, k = rng.randint(-5, 5), rng.randint(-5, 5)
            if h and k and abs(h) != abs(k) and abs(a + h) <= 9 and abs(b + k) <= 9 and (a + h, b + k) != (a + k, b + h):
                break
        fdata["move"] = (h, k)
        ans = (I(a + h), I(b + k))
        right = _("{n} to the right").format(n=h) if h > 0 else _("{n} to the left").format(n=-h)
        up = _("{n} up").format(n=k) if k > 0 else _("{n} down").format(n=-k)
        statement = _("Point P{p} is translated {right} and {up}. What are the coordinates of its image P'?").format(
            p=_pair(P), right=right, up=up)
        steps = [
            step(_("x: {a} + ({h}) = {x}").format(a=a, h=h, x=a + h), sympy.Add(a, h, evaluate=False), a + h),
            step(_("y: {b} + ({k}) = {y}").format(b=b, k=k, y=b + k), sympy.Add(b, k, evaluate=False), b + k),
            step(_("P' = {p}").format(p=_pair(ans)), ans, ans),
        ]
        wrong = [
            misconception(N_("moved along the wrong axes"), (I(a + k), I(b + h)), _(
                "Left and right change x (the first coordinate); up and down change y (the second).")),
            misconception(N_("moved the wrong way"), (I(a - h), I(b - k)), _(
                "Right and up add; left and down subtract. Check each direction again.")),
        ]
        rule = _("A translation adds the same amount to every x and the same amount to every y.")
        what = _("the translation")
    elif level == 2:
        over_x = rng.random() < 0.5
        ans = (I(a), I(-b)) if over_x else (I(-a), I(b))
        statement = (_("Point P{p} is reflected in the x-axis. What are the coordinates of its image P'?") if over_x else
                     _("Point P{p} is reflected in the y-axis. What are the coordinates of its image P'?")).format(p=_pair(P))
        steps = [
            step(_("Reflecting in the x-axis keeps x and changes the sign of y: ({a}, -({b}))").format(a=a, b=b)
                 if over_x else
                 _("Reflecting in the y-axis changes the sign of x and keeps y: (-({a}), {b})").format(a=a, b=b),
                 ans, ans),
        ]
        wrong = [
            misconception(N_("reflected over the wrong axis"), (I(-a), I(b)) if over_x else (I(a), I(-b)), _(
                "In a reflection the coordinate along the mirror line stays the same; only the distance across "
                "the mirror changes sign.")),
            misconception(N_("rotated instead of reflecting"), (I(-a), I(-b)), _(
                "Changing both signs is a half turn about the origin. A reflection in one axis changes only one sign.")),
        ]
        rule = _("Reflecting in the x-axis: (x, y) → (x, -y). Reflecting in the y-axis: (x, y) → (-x, y).")
        what = _("the reflection")
    else:
        turn = rng.choice(["ccw", "cw", "half"])
        if turn == "ccw":
            ans = (I(-b), I(a))
            statement = _("Point P{p} is rotated 90° anticlockwise about the origin. What are the coordinates of its image P'?")
            steps = [step(_("A quarter turn anticlockwise: (x, y) → (-y, x), so P' = (-({b}), {a})").format(a=a, b=b), ans, ans)]
            wrong = [misconception(N_("turned the wrong way"), (I(b), I(-a)), _(
                "That is a quarter turn clockwise. Anticlockwise is the other way round."))]
        elif turn == "cw":
            ans = (I(b), I(-a))
            statement = _("Point P{p} is rotated 90° clockwise about the origin. What are the coordinates of its image P'?")
            steps = [step(_("A quarter turn clockwise: (x, y) → (y, -x), so P' = ({b}, -({a}))").format(a=a, b=b), ans, ans)]
            wrong = [misconception(N_("turned the wrong way"), (I(-b), I(a)), _(
                "That is a quarter turn anticlockwise. Clockwise is the way a clock's hands go."))]
        else:
            ans = (I(-a), I(-b))
            statement = _("Point P{p} is rotated 180° about the origin. What are the coordinates of its image P'?")
            steps = [step(_("A half turn: (x, y) → (-x, -y), so P' = (-({a}), -({b}))").format(a=a, b=b), ans, ans)]
            wrong = [misconception(N_("reflected over the wrong axis"), (I(a), I(-b)), _(
                "A half turn changes the sign of both coordinates, not just one."))]
        statement = statement.format(p=_pair(P))
        wrong.append(misconception(N_("swapped x and y without changing a sign"), (I(b), I(a)), _(
            "Swapping the coordinates is not enough: a turn also changes the sign of one or both of them.")))
        rule = _("About the origin: a quarter turn anticlockwise is (x, y) → (-y, x); clockwise (x, y) → (y, -x); "
                 "a half turn (x, y) → (-x, -y).")
        what = _("the rotation")
    return Draft(
        statement, r"P' = ?", ans, _pair(ans), steps,
        _("Which coordinates change, and how, in {what}?").format(what=what),
        method=_("Apply the rule of the transformation to each coordinate of P in turn."),
        answer_format=_("a point (x, y)"),
        data=geo(fdata, _("The grid shows the point P{p}.").format(p=_pair(P)), rule),
        figure=coordinate_plane(-10, 10, points={"P": P}, show_coordinates=True,
                                alt=_("A grid with the point P{p}.").format(p=_pair(P)), data=fdata),
        misconceptions=wrong,
    )


def pythagorean(rng: random.Random, level: int) -> Draft:
    """8.G.B.7, 8.G.B.8: a missing side of a right triangle, and the distance between two points."""
    a, b, c = rng.choice(TRIPLES[:5] if level == 1 else TRIPLES if level == 2 else TRIPLES[:6])
    if rng.random() < 0.5:
        a, b = b, a
    if level == 1:
        ans = I(c)
        fdata = {"legs": [a, b]}
        statement = _("A right triangle has legs of {a} cm and {b} cm. How long is the hypotenuse c?").format(a=a, b=b)
        steps = [
            step(_("c² = {a}² + {b}² = {a2} + {b2} = {c2}").format(a=a, b=b, a2=a * a, b2=b * b, c2=c * c),
                 sympy.Add(a ** 2, b ** 2, evaluate=False), c * c),
            step(_("c = √{c2} = {c}").format(c2=c * c, c=c), sympy.sqrt(c * c), ans),
        ]
        wrong = [
            misconception(N_("added the legs instead of their squares"), I(a + b), _(
                "The sides themselves do not add up: their squares do. Square the legs, add, then take the square root.")),
            misconception(N_("forgot the square root"), I(c * c), _(
                "a² + b² is c², the square of the hypotenuse: take its square root.")),
        ]
        fig = figs.right_triangle(cm(a), cm(b), "c", a, b, alt=_("A right triangle with legs {a} cm and {b} cm.").format(
            a=a, b=b), data=fdata)
        shows = _("The figure shows a right triangle with legs of {a} cm and {b} cm.").format(a=a, b=b)
        unit = "cm"
    elif level == 2:
        ans = I(b)
        fdata = {"leg": a, "hypotenuse": c}
        statement = _("A right triangle has a hypotenuse of {c} cm and one leg of {a} cm. How long is the other leg b?").format(
            c=c, a=a)
        steps = [
            step(_("b² = {c}² - {a}² = {c2} - {a2} = {b2}").format(c=c, a=a, c2=c * c, a2=a * a, b2=b * b),
                 sympy.Add(c ** 2, -a ** 2, evaluate=False), b * b),
            step(_("b = √{b2} = {b}").format(b2=b * b, b=b), sympy.sqrt(b * b), ans),
        ]
        wrong = [
            misconception(N_("added the squares when a leg is asked"), sympy.sqrt(c * c + a * a), _(
                "The hypotenuse is the longest side: a leg is shorter, so subtract the squares, don't add them.")),
            misconception(N_("subtracted the sides instead of their squares"), I(c - a), _(
                "The theorem is about the squares of the sides: square, subtract, then take the square root.")),
        ]
        fig = figs.right_triangle(cm(a), "b", cm(c), a, b, alt=_("A right triangle with hypotenuse {c} cm and one leg {a} cm.").format(
            c=c, a=a), data=fdata)
        shows = _("The figure shows a right triangle with hypotenuse {c} cm and one leg {a} cm.").format(c=c, a=a)
        unit = "cm"
    else:
        while True:
            x1, y1 = rng.randint(-8, 8), rng.randint(-8, 8)
            sx, sy = rng.choice([1, -1]), rng.choice([1, -1])
            x2, y2 = x1 + sx * a, y1 + sy * b
            if -10 <= x2 <= 10 and -10 <= y2 <= 10:
                break
        ans = I(c)
        A, B = (x1, y1), (x2, y2)
        fdata = {"A": A, "B": B}
        statement = _("What is the distance between A{a} and B{b}?").format(a=_pair(A), b=_pair(B))
        steps = [
            step(_("Across: |{x2} - ({x1})| = {dx}; up or down: |{y2} - ({y1})| = {dy}").format(
                x2=x2, x1=x1, dx=a, y2=y2, y1=y1, dy=b), sympy.Abs(x2 - x1) + sympy.Abs(y2 - y1), a + b),
            step(_("AB² = {dx}² + {dy}² = {s}").format(dx=a, dy=b, s=c * c), sympy.Add(a ** 2, b ** 2, evaluate=False), c * c),
            step(_("AB = √{s} = {d}").format(s=c * c, d=c), sympy.sqrt(c * c), ans),
        ]
        wrong = [
            misconception(N_("added the legs instead of their squares"), I(a + b), _(
                "Going across and then up is longer than the straight line: square the two distances, add, then take "
                "the square root.")),
            misconception(N_("forgot the square root"), I(c * c), _(
                "The sum of the squares is the square of the distance: take its square root.")),
        ]
        fig = coordinate_plane(-10, 10, points={"A": A, "B": B}, show_coordinates=True,
                               alt=_("A grid with points A and B."), data=fdata)
        shows = _("The grid shows A{a} and B{b}.").format(a=_pair(A), b=_pair(B))
        unit = ""
    return Draft(
        statement, r"\text{?}", ans, str(ans), steps,
        _("Which side is the hypotenuse, the side opposite the right angle?"),
        method=_("Use a² + b² = c² with c the hypotenuse: square the sides you know, add or subtract, then take the "
                 "square root."),
        answer_format=_("a number"), data=geo(fdata, shows, _("In a right triangle a² + b² = c², where c is the hypotenuse.")),
        figure=fig, misconceptions=wrong, answer_unit=unit,
    )


def volume(rng: random.Random, level: int) -> Draft:
    """8.G.C.9: volume of a cylinder, a cone and a sphere, in terms of π."""
    if level == 1:
        r, h = rng.randint(2, 9), rng.randint(2, 15)
        use_d = rng.random() < 0.4
        ans = pi * r ** 2 * h
        fdata = {"diameter": 2 * r, "height": h} if use_d else {"radius": r, "height": h}
        given = (_("a diameter of {n} cm") if use_d else _("a radius of {n} cm")).format(n=2 * r if use_d else r)
        statement = _("A cylinder has {given} and a height of {h} cm. What is its volume? Give the answer in terms of π.").format(
            given=given, h=h)
        steps = ([step(_("Radius = {d} ÷ 2 = {r}").format(d=2 * r, r=r), I(2 * r) / 2, r)] if use_d else []) + [
            step(_("Base area = π × {r}² = {base}").format(r=r, base=pi_text(pi * r * r)), pi * r ** 2, pi * r * r),
            step(_("Volume = base area × height = {base} × {h} = {v}").format(base=pi_text(pi * r * r), h=h, v=pi_text(ans)),
                 pi * r * r * h, ans),
        ]
        wrong = [
            misconception(N_("used the diameter as the radius"), pi * (2 * r) ** 2 * h, _(
                "The radius is half the diameter: square the radius, not the diameter.")),
            misconception(N_("forgot to square the radius"), pi * r * h, _(
                "The base is a circle, whose area is π times the radius squared.")),
        ]
        rule = _("Volume of a cylinder = π × r² × h.")
        solid, labels = "cylinder", {("d" if use_d else "r"): cm(2 * r if use_d else r), "h": cm(h)}
        what = _("cylinder")
    elif level == 2:
        while True:
            r, h = rng.randint(2, 9), rng.randint(2, 15)
            if (r * r * h) % 3 == 0:
                break
        ans = pi * r ** 2 * h / 3
        fdata = {"radius": r, "height": h}
        statement = _("A cone has a radius of {r} cm and a height of {h} cm. What is its volume? Give the answer in terms of π.").format(
            r=r, h=h)
        steps = [
            step(_("Base area = π × {r}² = {base}").format(r=r, base=pi_text(pi * r * r)), pi * r ** 2, pi * r * r),
            step(_("Volume = ⅓ × {base} × {h} = {v}").format(base=pi_text(pi * r * r), h=h, v=pi_text(ans)),
                 pi * r * r * h / 3, ans),
        ]
        wrong = [
            misconception(N_("forgot the ⅓ for a cone"), pi * r ** 2 * h, _(
                "That is the volume of a cylinder with the same base and height; a cone holds a third of it.")),
            misconception(N_("forgot to square the radius"), pi * r * h / 3, _(
                "The base is a circle, whose area is π times the radius squared.")),
        ]
        rule = _("Volume of a cone = ⅓ × π × r² × h.")
        solid, labels = "cone", {"r": cm(r), "h": cm(h)}
        what = _("cone")
    else:
        r = rng.choice([3, 6, 9, 12, 15])
        ans = R(4, 3) * pi * r ** 3
        fdata = {"radius": r}
        statement = _("A sphere has a radius of {r} cm. What is its volume? Give the answer in terms of π.").format(r=r)
        steps = [
            step(_("r³ = {r} × {r} × {r} = {cube}").format(r=r, cube=r ** 3), sympy.Mul(r, r, r, evaluate=False), r ** 3),
            step(_("Volume = 4/3 × π × {cube} = {v}").format(cube=r ** 3, v=pi_text(ans)), R(4, 3) * pi * r ** 3, ans),
        ]
        wrong = [
            misconception(N_("used the surface area formula"), 4 * pi * r ** 2, _(
                "4πr² is the area of the sphere's surface. Volume uses the radius cubed.")),
            misconception(N_("squared the radius instead of cubing it"), R(4, 3) * pi * r ** 2, _(
                "Volume is in cubic units: the radius is multiplied by itself three times.")),
        ]
        rule = _("Volume of a sphere = 4/3 × π × r³.")
        solid, labels = "sphere", {"r": cm(r)}
        what = _("sphere")
    return Draft(
        statement, r"V = ?", ans, pi_text(ans), steps,
        _("Which volume formula fits this solid?"),
        method=_("Write the volume formula for the solid, put in the radius (half the diameter) and height, and keep "
                 "π as a symbol."),
        answer_format=_("a number of cubic centimetres, in terms of π (like 12π)"),
        data=geo(fdata, _("The figure shows a {solid} with its measurements.").format(solid=what), rule),
        figure=figs.solid(solid, labels, alt=_("A {solid} with its measurements.").format(solid=what), data=fdata),
        misconceptions=wrong,
    )
