"""Grades 6–7: four quadrants, area of polygons, surface area from nets, circles, angle relationships."""

from __future__ import annotations

import random

import sympy
from sympy import Integer as I
from sympy import pi

from curriculum.kit import N_, Draft, misconception, step
from curriculum.shapes import figs
from curriculum.shapes.common import _, cm, deg, geo, pi_text
from tutor.figures import coordinate_plane

TRIPLES = [(3, 4, 5), (4, 3, 5), (6, 8, 10), (8, 6, 10), (5, 12, 13), (12, 5, 13), (9, 12, 15), (12, 9, 15),
           (8, 15, 17), (15, 8, 17)]


def _pair(p) -> str:
    return f"({p[0]}, {p[1]})"


def four_quadrants(rng: random.Random, level: int) -> Draft:
    """6.G.A.3, 6.NS.C.8: read points in all four quadrants; the distance between points on a level or upright line."""
    lim = 6 if level < 3 else 10
    if level == 1:
        while True:
            a, b = rng.randint(-6, 6), rng.randint(-6, 6)
            if a and b and abs(a) != abs(b) and (a < 0 or b < 0):
                break
        label = rng.choice("PQRMNK")
        ans = (I(a), I(b))
        fdata = {label: (a, b)}
        steps = [
            step(_("Across from 0 (left is negative): x = {x}").format(x=a), I(a), a),
            step(_("Up or down from 0 (down is negative): y = {y}").format(y=b), I(b), b),
            step(_("{name} = {point}").format(name=label, point=_pair((a, b))), ans, ans),
        ]
        wrong = [
            misconception(N_("swapped x and y"), (I(b), I(a)), _(
                "The first coordinate is across (x), the second is up or down (y).")),
            misconception(N_("dropped the negative sign"), (I(abs(a)), I(abs(b))), _(
                "Left of the y-axis x is negative, and below the x-axis y is negative.")),
        ]
        return Draft(
            _("Point {name} is marked on the grid. What are its coordinates?").format(name=label), r"(x,\ y) = ?",
            ans, _pair(ans), steps,
            _("Which side of each axis is the point on?"),
            method=_("Count across from the origin for x (left is negative), then up or down for y (down is negative)."),
            answer_format=_("a point (x, y)"),
            data=geo(fdata, _("The grid shows point {name} in one of the four quadrants.").format(name=label),
                     _("Left of the origin x is negative; below it y is negative.")),
            figure=coordinate_plane(-lim, lim, points=fdata, alt=_("A grid with point {name} marked.").format(name=label),
                                    data=fdata),
            misconceptions=wrong,
        )
    upright = level == 3 and rng.random() < 0.5
    while True:
        p, q, c = rng.randint(-lim + 1, -1), rng.randint(1, lim - 1), rng.randint(-lim + 1, lim - 1)
        if abs(p) != q and c:
            break
    A, B = ((c, p), (c, q)) if upright else ((p, c), (q, c))
    ans = q - p
    fdata = {"A": A, "B": B}
    steps = [
        step(_("A and B share a coordinate, so the distance is the difference of the other ones: "
               "{q} - ({p}) = {d}").format(q=q, p=p, d=ans), sympy.Add(q, -p, evaluate=False), ans),
    ]
    wrong = [
        misconception(N_("subtracted the distances from the axis"), I(q - abs(p)), _(
            "The points are on opposite sides of 0: the distance from one to the other goes through 0, so add "
            "their distances from 0.")),
        misconception(N_("counted the grid points, not the spaces"), I(ans + 1), _(
            "Count the spaces between the points, not the grid lines you pass.")),
    ]
    return Draft(
        _("What is the distance between A{a} and B{b}?").format(a=_pair(A), b=_pair(B)), r"AB = ?", I(ans), str(ans),
        steps,
        _("The points share one coordinate: look at the one that changes."),
        method=_("Find how far each point is from 0 along the changing coordinate; on opposite sides of 0, add those "
                 "distances."),
        answer_format=_("a whole number of units"),
        data=geo(fdata, _("The grid shows A{a} and B{b}.").format(a=_pair(A), b=_pair(B)),
                 _("Points with the same {axis} lie on a line; the distance is the difference of the other coordinates.").format(
                     axis=_("x") if upright else _("y"))),
        figure=coordinate_plane(-lim, lim, points={"A": A, "B": B}, show_coordinates=True,
                                alt=_("A grid with points A and B on one line."), data=fdata),
        misconceptions=wrong,
    )


def area_polygons(rng: random.Random, level: int) -> Draft:
    """6.G.A.1: area of triangles, parallelograms and trapezoids (the height, not the slanted side)."""
    h, off, s = rng.choice(TRIPLES)
    if level == 1:
        b = rng.choice([v for v in range(off + 2, off + 12) if (v * h) % 2 == 0])
        ans = I(b * h) / 2
        pts = [(0, 0), (b, 0), (off, h)]
        fdata = {"base": b, "height": h, "side": s}
        statement = _("A triangle has a base of {b} cm and a height of {h} cm; one slanted side is {s} cm. "
                      "What is its area?").format(b=b, h=h, s=s)
        steps = [
            step(_("Base × height = {b} × {h} = {bh}").format(b=b, h=h, bh=b * h), sympy.Mul(b, h, evaluate=False), b * h),
            step(_("Half of that: {bh} ÷ 2 = {area}").format(bh=b * h, area=ans), I(b * h) / 2, ans),
        ]
        wrong = [
            misconception(N_("forgot the ½ in the triangle area"), I(b * h), _(
                "Base × height is the area of a rectangle; a triangle is half of it.")),
            misconception(N_("used the slanted side as the height"), I(b * s) / 2, _(
                "The height is the dashed line that meets the base at a right angle, not the slanted side.")),
        ]
        fig = figs.polygon(pts, {0: cm(b), 2: cm(s)}, height_line=((off, h), (off, 0), cm(h)),
                           alt=_("A triangle with base, height and one slanted side marked."), data=fdata)
        rule = _("Area of a triangle = ½ × base × height.")
        nudge = _("A triangle is half of a rectangle with the same base and height.")
        method = _("Multiply the base by the height (the dashed line, not the slanted side), then take half.")
    elif level == 2:
        b = rng.randint(off + 2, off + 12)
        ans = I(b * h)
        pts = [(0, 0), (b, 0), (b + off, h), (off, h)]
        fdata = {"base": b, "height": h, "side": s}
        statement = _("A parallelogram has a base of {b} cm and a slanted side of {s} cm. Its height is {h} cm. "
                      "What is its area?").format(b=b, h=h, s=s)
        steps = [
            step(_("The height is the dashed line, {h} cm; the slanted side, {s} cm, is not used.").format(h=h, s=s),
                 I(h), h),
            step(_("Area = base × height = {b} × {h} = {area}").format(b=b, h=h, area=ans),
                 sympy.Mul(b, h, evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("used the slanted side as the height"), I(b * s), _(
                "The height is the dashed line at a right angle to the base, not the slanted side.")),
            misconception(N_("found the perimeter instead of the area"), I(2 * (b + s)), _(
                "Adding the sides around the edge gives the perimeter; the area counts the squares inside.")),
            misconception(N_("halved as for a triangle"), I(b * h) / 2, _(
                "A parallelogram is not half of anything here: cut off the triangle at one end and move it to the "
                "other, and you get a whole rectangle.")),
        ]
        fig = figs.polygon(pts, {0: cm(b), 3: cm(s)}, height_line=((off + 1, h), (off + 1, 0), cm(h)),
                           alt=_("A parallelogram with base, slanted side and height marked."), data=fdata)
        rule = _("Area of a parallelogram = base × height.")
        nudge = _("Which line meets the base at a right angle?")
        method = _("Multiply the base by the height measured at a right angle to it, not by the slanted side.")
    elif rng.random() < 0.5:
        W, H = rng.randint(6, 16), rng.randint(5, 14)
        w, k = rng.randint(2, W - 2), rng.randint(2, H - 2)
        ans = I(W * H - w * k)
        pts = [(0, 0), (W, 0), (W, H - k), (W - w, H - k), (W - w, H), (0, H)]
        fdata = {"width": W, "height": H, "cut_width": w, "cut_height": k}
        statement = _("A figure is a {W} cm by {H} cm rectangle with a {w} cm by {k} cm rectangle cut out of one "
                      "corner. What is its area?").format(W=W, H=H, w=w, k=k)
        steps = [
            step(_("The whole rectangle: {W} × {H} = {big}").format(W=W, H=H, big=W * H), sympy.Mul(W, H, evaluate=False), W * H),
            step(_("The cut-out corner: {w} × {k} = {small}").format(w=w, k=k, small=w * k), sympy.Mul(w, k, evaluate=False), w * k),
            step(_("Take it away: {big} - {small} = {area}").format(big=W * H, small=w * k, area=ans),
                 sympy.Add(W * H, -w * k, evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("forgot to take away the cut-out corner"), I(W * H), _(
                "That is the area of the whole rectangle, before the corner was cut out.")),
            misconception(N_("found the perimeter instead of the area"), I(2 * (W + H)), _(
                "Adding the sides around the edge gives the perimeter; the area counts the squares inside.")),
        ]
        fig = figs.polygon(pts, {0: cm(W), 5: cm(H), 2: cm(w), 3: cm(k)},
                           alt=_("A rectangle with a smaller rectangle cut out of one corner."), data=fdata)
        rule = _("The area of a composite figure is the whole rectangle's area minus the part cut out.")
        nudge = _("Picture the whole rectangle before the corner was cut out.")
        method = _("Find the area of the whole rectangle, find the area of the cut-out corner, then subtract.")
    else:
        top = rng.randint(2, 9)
        b = top + off + rng.randint(1, 6)
        if ((top + b) * h) % 2:
            b += 1
        ans = I((top + b) * h) / 2
        pts = [(0, 0), (b, 0), (off + top, h), (off, h)]
        fdata = {"top": top, "base": b, "height": h}
        statement = _("A trapezoid has parallel sides of {a} cm and {b} cm, and a height of {h} cm. "
                      "What is its area?").format(a=top, b=b, h=h)
        steps = [
            step(_("Add the parallel sides: {a} + {b} = {total}").format(a=top, b=b, total=top + b),
                 sympy.Add(top, b, evaluate=False), top + b),
            step(_("Times the height: {total} × {h} = {product}").format(total=top + b, h=h, product=(top + b) * h),
                 sympy.Mul(top + b, h, evaluate=False), (top + b) * h),
            step(_("Half of that: {product} ÷ 2 = {area}").format(product=(top + b) * h, area=ans),
                 I((top + b) * h) / 2, ans),
        ]
        wrong = [
            misconception(N_("forgot the ½ in the trapezoid area"), I((top + b) * h), _(
                "Two copies of the trapezoid make a parallelogram; one trapezoid is half of it.")),
            misconception(N_("used only one of the parallel sides"), I(b * h), _(
                "Both parallel sides count: use their average, not just the longer one.")),
        ]
        fig = figs.polygon(pts, {0: cm(b), 2: cm(top)}, height_line=((off, h), (off, 0), cm(h)),
                           alt=_("A trapezoid with both parallel sides and the height marked."), data=fdata)
        rule = _("Area of a trapezoid = ½ × (sum of the parallel sides) × height.")
        nudge = _("Two copies of a trapezoid fit together into a parallelogram.")
        method = _("Add the two parallel sides, multiply by the height, then take half.")
    shows = _("The figure shows the measurements: {items}.").format(
        items=", ".join(cm(v) for v in fdata.values()))
    return Draft(
        statement, r"A = ?", ans, str(ans), steps, nudge, method=method,
        answer_format=_("a number of square centimetres"), data=geo(fdata, shows, rule), figure=fig,
        misconceptions=wrong, answer_unit="cm²",
    )


def surface_area(rng: random.Random, level: int) -> Draft:
    """6.G.A.4: surface area of a cube or rectangular prism from its net."""
    if level == 1:
        e = rng.randint(2, 9)
        l = w = h = e
        statement = _("This net folds into a cube with edges of {e} cm. What is the surface area of the cube?").format(e=e)
        ans = I(6 * e * e)
        steps = [
            step(_("One face: {e} × {e} = {face}").format(e=e, face=e * e), sympy.Mul(e, e, evaluate=False), e * e),
            step(_("Six faces: 6 × {face} = {total}").format(face=e * e, total=6 * e * e), sympy.Mul(6, e * e, evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("found the volume instead"), I(e ** 3), _(
                "Edge × edge × edge is the space inside (volume). Surface area adds up the faces of the net.")),
            misconception(N_("counted only some of the faces"), I(4 * e * e), _(
                "The net has a face for every side of the cube: count all of them.")),
        ]
        fdata = {"edge": e}
        labels = {"l": cm(e), "w": cm(e), "h": cm(e)}
    else:
        while True:
            l, w, h = rng.randint(3, 12), rng.randint(2, 8), rng.randint(2, 9 if level == 2 else 15)
            if len({l, w, h}) == 3:
                break
        statement = _("This net folds into a box {l} cm long, {w} cm wide and {h} cm tall. "
                      "What is the surface area of the box?").format(l=l, w=w, h=h)
        ans = I(2 * (l * w + l * h + w * h))
        steps = [
            step(_("Top and bottom: 2 × {l} × {w} = {a}").format(l=l, w=w, a=2 * l * w), sympy.Mul(2, l, w, evaluate=False), 2 * l * w),
            step(_("Front and back: 2 × {l} × {h} = {b}").format(l=l, h=h, b=2 * l * h), sympy.Mul(2, l, h, evaluate=False), 2 * l * h),
            step(_("The two ends: 2 × {w} × {h} = {c}").format(w=w, h=h, c=2 * w * h), sympy.Mul(2, w, h, evaluate=False), 2 * w * h),
            step(_("Add them: {a} + {b} + {c} = {total}").format(a=2 * l * w, b=2 * l * h, c=2 * w * h, total=ans),
                 sympy.Add(2 * l * w, 2 * l * h, 2 * w * h, evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("found the volume instead"), I(l * w * h), _(
                "Length × width × height is the space inside (volume). Surface area adds up the faces of the net.")),
            misconception(N_("counted each pair of faces once"), I(l * w + l * h + w * h), _(
                "Each face of the box has a matching face opposite it: the net shows both, so count each pair twice.")),
        ]
        fdata = {"length": l, "width": w, "height": h}
        labels = {"l": cm(l), "w": cm(w), "h": cm(h)}
    return Draft(
        statement, r"S = ?", ans, str(ans), steps,
        _("The surface area is the area of the whole net."),
        method=_("Find the area of each rectangle in the net (they come in matching pairs) and add them all."),
        answer_format=_("a number of square centimetres"),
        data=geo(fdata, _("The net shows the faces of the box, with edges of {items}.").format(
            items=", ".join(cm(v) for v in fdata.values())),
            _("Surface area = the sum of the areas of all the faces; opposite faces are equal.")),
        figure=figs.net(l, w, h, labels, alt=_("The net of a box: six rectangles."), data=fdata),
        misconceptions=wrong, answer_unit="cm²",
    )


def circles(rng: random.Random, level: int) -> Draft:
    """7.G.B.4: circumference and area of a circle from its radius or diameter, in terms of π."""
    use_d = level == 3
    r = rng.randint(2, 12)
    d = 2 * r
    area = level >= 2 and (level == 2 or rng.random() < 0.5)
    given = _("diameter") if use_d else _("radius")
    size = d if use_d else r
    if area:
        ans = pi * r ** 2
        statement = _("A circle has a {given} of {n} cm. What is its area? Give the answer in terms of π.").format(
            given=given, n=size)
        steps = ([step(_("The radius is half the diameter: {d} ÷ 2 = {r}").format(d=d, r=r), I(d) / 2, r)] if use_d else []) + [
            step(_("r² = {r} × {r} = {sq}").format(r=r, sq=r * r), sympy.Mul(r, r, evaluate=False), r * r),
            step(_("Area = π × {sq} = {area}").format(sq=r * r, area=pi_text(ans)), pi * r * r, ans),
        ]
        wrong = [
            misconception(N_("mixed up 2πr and πr²"), 2 * pi * r, _(
                "2πr is the distance around the circle. The area uses the radius squared.")),
            misconception(N_("used the diameter as the radius"), pi * d ** 2, _(
                "The radius is from the centre to the edge, half of the diameter: square the radius, not the diameter.")),
        ]
        rule = _("Area of a circle = π × r², where r is the radius.")
        method = _("Find the radius, square it, and multiply by π.")
        fmt = _("a number of square centimetres, in terms of π (like 9π)")
    else:
        ans = 2 * pi * r
        statement = _("A circle has a {given} of {n} cm. What is its circumference? Give the answer in terms of π.").format(
            given=given, n=size)
        steps = [
            step(_("The radius is half the diameter: {d} ÷ 2 = {r}").format(d=d, r=r), I(d) / 2, r) if use_d else
            step(_("The diameter is two radii: 2 × {r} = {d}").format(r=r, d=d), sympy.Mul(2, r, evaluate=False), d),
            step(_("Circumference = 2 × π × {r} = {c}").format(r=r, c=pi_text(ans)), 2 * pi * r, ans),
        ]
        wrong = [
            misconception(N_("mixed up 2πr and πr²"), pi * r ** 2, _(
                "πr² is the area inside the circle. The distance around it uses 2πr (or π × diameter).")),
            misconception(N_("forgot the 2 in 2πr"), pi * r, _(
                "π × radius is only half-way around: the circumference is π times the diameter, which is two radii.")),
        ]
        rule = _("Circumference = 2 × π × r = π × d.")
        method = _("Multiply the diameter (two radii) by π.")
        fmt = _("a number of centimetres, in terms of π (like 6π)")
    fdata = {"diameter": d} if use_d else {"radius": r}
    return Draft(
        statement, r"\text{?}", ans, pi_text(ans), steps,
        _("Is the number given the radius or the diameter?"), method=method, answer_format=fmt,
        data=geo(fdata, _("The figure shows a circle with a {given} of {n} cm.").format(given=given, n=size), rule),
        figure=figs.circle(cm(size), use_d, alt=_("A circle with its {given} marked.").format(given=given), data=fdata),
        misconceptions=wrong,
    )


def angle_relationships(rng: random.Random, level: int) -> Draft:
    """7.G.B.5: complementary, supplementary, vertical and adjacent angles; an unknown angle from an equation."""
    if level == 1:
        comp = rng.random() < 0.5
        whole = 90 if comp else 180
        a = (rng.randint(3, 16) if comp else rng.randint(4, 32)) * 5 + rng.choice([0, 1, 2, 3])
        ans = whole - a
        statement = (_("Two angles are complementary. One is {a}°. What is the other angle x?") if comp else
                     _("Two angles are supplementary. One is {a}°. What is the other angle x?")).format(a=a)
        fdata = {"angle": a}
        fig = figs.rays([0, a, whole], [(0, a, deg(a)), (a, whole, "x")], right_angle=0 if comp else None,
                        alt=_("Two angles side by side: {a}° and x.").format(a=a), data=fdata)
        steps = [step(_("x = {w}° - {a}° = {x}°").format(w=whole, a=a, x=ans), sympy.Add(whole, -a, evaluate=False), ans)]
        wrong = [
            misconception(N_("mixed up complementary and supplementary"), I(270 - whole - a), _(
                "Complementary angles add up to a right angle; supplementary angles add up to a straight angle.")),
            misconception(N_("thought the angles are equal"), I(a), _(
                "Only vertical angles are equal. These two angles fill a whole angle together.")),
        ]
        rule = _("Complementary angles add up to {r}°; supplementary angles add up to {s}°.").format(r=90, s=180)
        shows = _("The figure shows an angle of {a}° and the unknown angle x.").format(a=a)
    elif level == 2:
        a = rng.randint(5, 34) * 5 + rng.choice([0, 1, 2, 3, 4])
        a = 95 if a == 90 else a
        vertical = rng.random() < 0.5
        ans = a if vertical else 180 - a
        statement = (_("Two straight lines cross. One of the angles is {a}°. x is the angle opposite it. What is x?")
                     if vertical else
                     _("Two straight lines cross. One of the angles is {a}°. x is the angle next to it on the same "
                       "line. What is x?")).format(a=a)
        mark = (180, 180 + a, "x") if vertical else (a, 180, "x")
        fdata = {"angle": a}
        fig = figs.rays([0, a], [(0, a, deg(a)), mark], lines=True,
                        alt=_("Two crossing lines with one angle of {a}° and the angle x marked.").format(a=a),
                        data=fdata)
        if vertical:
            steps = [step(_("Vertical angles are equal: x = {a}°").format(a=a), I(a), ans)]
            wrong = [misconception(N_("thought vertical angles add up to a straight angle"), I(180 - a), _(
                "Angles opposite each other where two lines cross are equal; the angles next to each other make a "
                "straight line."))]
        else:
            steps = [
                step(_("x and {a}° make a straight line: x + {a}° = {s}°").format(a=a, s=180), I(ans + a), 180),
                step(_("x = {s}° - {a}° = {x}°").format(s=180, a=a, x=ans), sympy.Add(180, -a, evaluate=False), ans),
            ]
            wrong = [misconception(N_("thought the angles are equal"), I(a), _(
                "The angle next to it on the same line is not opposite it: together they make a straight line."))]
        wrong.append(misconception(N_("mixed up complementary and supplementary"), I(abs(90 - a)), _(
            "Angles along a straight line add up to a straight angle, not a right angle.")))
        rule = _("Vertical (opposite) angles are equal; angles next to each other on a straight line add up to "
                 "{s}°.").format(s=180)
        shows = _("The figure shows an angle of {a}° and the unknown angle x.").format(a=a)
    else:
        comp = rng.random() < 0.5
        whole = 90 if comp else 180
        k = rng.choice([k for k in (2, 3, 4, 5, 8, 9) if whole % (k + 1) == 0])
        ans = whole // (k + 1)
        statement = (_("Two angles are complementary. One is {k} times the other. What is the smaller angle x?") if comp
                     else _("Two angles are supplementary. One is {k} times the other. What is the smaller angle x?")
                     ).format(k=k)
        fdata = {"times": k}
        fig = figs.rays([0, ans, whole], [(0, ans, "x"), (ans, whole, _("{k}x").format(k=k))],
                        right_angle=0 if comp else None, alt=_("Two angles side by side: x and {k}x.").format(k=k),
                        data=fdata)
        steps = [
            step(_("x + {k}x = {w}°, so {n}x = {w}°").format(k=k, w=whole, n=k + 1), I(k + 1) * ans, whole),
            step(_("x = {w}° ÷ {n} = {x}°").format(w=whole, n=k + 1, x=ans), I(whole) / (k + 1), ans),
        ]
        wrong = [
            misconception(N_("mixed up complementary and supplementary"), I((270 - whole) // (k + 1)) if (270 - whole) % (k + 1) == 0
                          else sympy.Rational(270 - whole, k + 1), _(
                "Complementary angles add up to a right angle; supplementary angles add up to a straight angle.")),
            misconception(N_("gave the larger angle"), I(k * ans), _(
                "That is the angle that is several times the other: the question asks for the smaller one.")),
        ]
        rule = _("Complementary angles add up to {r}°; supplementary angles add up to {s}°.").format(r=90, s=180)
        shows = _("The figure shows two angles side by side, x and {k}x.").format(k=k)
    return Draft(
        statement, r"x = ?", I(ans), str(ans), steps,
        _("Do the two angles together make a right angle, a straight line, or are they opposite each other?"),
        method=_("Decide which relationship links x to the angle you know, then either subtract from the whole "
                 "angle or use that opposite angles are equal."),
        answer_format=_("a number of degrees"),
        data=geo(fdata, shows, rule), figure=fig, misconceptions=wrong, answer_unit="°",
    )
