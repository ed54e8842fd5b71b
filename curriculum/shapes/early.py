"""Grades 1–5: sides and corners, equal shares, solids, quadrilateral families, angles, symmetry, first-quadrant points."""

from __future__ import annotations

import random

import sympy
from sympy import Integer as I
from sympy import Rational as R

from curriculum.kit import N_, Draft, misconception, plain, step
from curriculum.shapes import figs
from curriculum.shapes.common import _, deg, geo, listing, name

SIDES = {"triangle": 3, "square": 4, "rectangle": 4, "pentagon": 5, "hexagon": 6}


def sides_corners(rng: random.Random, level: int) -> Draft:
    """1.G.A.1: count the sides or corners of a shape (two shapes together at level 3)."""
    if level < 3:
        key = rng.choice(list(SIDES))
        n = SIDES[key]
        corners = level == 2 or rng.random() < 0.5
        what = _("corners (vertices)") if corners else _("sides")
        statement = (_("How many corners (vertices) does a {shape} have?") if corners
                     else _("How many sides does a {shape} have?")).format(shape=name(key))
        steps = [step(_("Count them one by one, going around the {shape} once: {count}.").format(
            shape=name(key), count=n), I(n), n)]
        wrong = [
            misconception(N_("counted the first one twice"), I(n + 1), _(
                "Going around the shape you came back to where you started and counted it again: mark the one you "
                "start on, and stop when you reach it.")),
            misconception(N_("counted sides and corners together"), I(2 * n), _(
                "You counted both the straight sides and the corners. Count only the {what}.").format(what=what)),
        ]
        fdata = {"sides": n}
        fig = figs.polygon(figs.outline(key, n), {}, alt=_("A {shape}.").format(shape=name(key)), data=fdata)
        shows = _("The picture shows a {shape}.").format(shape=name(key))
        ans = n
    else:
        a, b = rng.sample(list(SIDES), 2)
        na, nb = SIDES[a], SIDES[b]
        ans = na + nb
        statement = _("How many corners do a {a} and a {b} have altogether?").format(a=name(a), b=name(b))
        steps = [
            step(_("A {shape} has {n} corners.").format(shape=name(a), n=na), I(na), na),
            step(_("A {shape} has {n} corners.").format(shape=name(b), n=nb), I(nb), nb),
            step(_("Altogether: {a} + {b} = {total}").format(a=na, b=nb, total=ans), sympy.Add(na, nb, evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("counted only one shape"), I(max(na, nb)), _(
                "That is the corners of one shape only: count the corners of both shapes and put them together.")),
            misconception(N_("counted sides and corners together"), I(2 * ans), _(
                "You counted both the sides and the corners. Count only the corners.")),
        ]
        fdata = {}
        fig = figs.gallery([a, b], alt=_("A {a} and a {b}.").format(a=name(a), b=name(b)), data=fdata)
        shows = _("The picture shows a {a} and a {b}.").format(a=name(a), b=name(b))
    return Draft(
        statement, r"\text{?}", I(ans), str(ans), steps,
        _("Put your finger on one corner and go around the shape."),
        method=_("Count each side (or corner) once as you go around, and stop when you are back at the start."),
        answer_format=_("a whole number"), data=geo(fdata, shows, _("Every flat shape with straight sides has as many "
                                                                    "corners as sides.")),
        figure=fig, misconceptions=wrong,
    )


SHARE_WORDS = {2: N_("halves"), 3: N_("thirds"), 4: N_("fourths")}
THINGS = [("sandwich", N_("sandwich"), False), ("pizza", N_("pizza"), True), ("rectangle", N_("rectangle"), False),
          ("circle", N_("circle"), True), ("cake", N_("round cake"), True), ("flag", N_("flag"), False)]


def equal_shares(rng: random.Random, level: int) -> Draft:
    """1.G.A.3, 2.G.A.3, 3.G.A.2: equal shares of a whole, and the fraction of the area they are."""
    _key, thing, round_ = rng.choice(THINGS)
    if level == 1:
        n = rng.choice([2, 3, 4])
        statement = _("A {thing} is cut into {share_word}. How many equal shares are there?").format(
            thing=_(thing), share_word=_(SHARE_WORDS[n]))
        ans, shaded = I(n), 0
        steps = [step(_("Count the equal shares in the picture: {n}.").format(n=n), I(n), n)]
        wrong = [
            misconception(N_("counted the cuts instead of the shares"), I(n - 1), _(
                "You counted the cut lines. Count the pieces the cuts make.")),
            misconception(N_("counted the whole as a share too"), I(n + 1), _(
                "The whole is not one of the shares: count only the equal pieces.")),
        ]
        rule = _("Equal shares are pieces of the same size that together make the whole.")
    elif level == 2:
        n = rng.choice([2, 3, 4, 6, 8])
        statement = _("A {thing} is cut into {n} equal shares. What fraction of the whole is one share?").format(
            thing=_(thing), n=n)
        ans, shaded = R(1, n), 1
        steps = [step(_("One share out of {n} equal shares is 1/{n} of the whole.").format(n=n), R(1, n), ans)]
        wrong = [
            misconception(N_("wrote the number of shares"), I(n), _(
                "That is how many shares there are. One share is one part out of all the equal parts: write it "
                "as a fraction.")),
            misconception(N_("counted the cuts instead of the shares"), R(1, n - 1), _(
                "You counted the cut lines. The bottom number is how many equal pieces there are.")),
        ]
        rule = _("One of n equal shares is the fraction 1/n of the whole.")
    else:
        n = rng.randint(3, 8)
        shaded = rng.randint(1, n - 1)
        statement = _("A {thing} is cut into {n} equal parts. Number of shaded parts: {k}. "
                      "What fraction of the area is shaded?").format(thing=_(thing), n=n, k=shaded)
        ans = R(shaded, n)
        steps = [
            step(_("Each part is 1/{n} of the area.").format(n=n), R(1, n), R(1, n)),
            step(_("{k} parts: {k} × 1/{n} = {k}/{n}").format(k=shaded, n=n), sympy.Mul(shaded, R(1, n), evaluate=False), ans),
        ]
        wrong = [
            misconception(N_("compared shaded parts to unshaded parts"), R(shaded, n - shaded), _(
                "The bottom number is all the equal parts of the whole, not only the parts left white.")),
            misconception(N_("gave the unshaded part"), R(n - shaded, n), _(
                "That is the part that is not shaded. Count the shaded parts for the top number.")),
        ]
        rule = _("The fraction shaded is the number of shaded parts over the number of equal parts.")
    fdata = {"parts": n, "shaded": shaded}
    fig = figs.shares(n, shaded, round_, alt=_("A {thing} cut into equal parts.").format(thing=_(thing)), data=fdata)
    text = plain(ans)
    return Draft(
        statement, r"\text{?}", ans, text, steps,
        _("Look at how many equal pieces make the whole."),
        method=_("Count all the equal pieces first; that count names the size of each piece."),
        answer_format=_("a whole number") if level == 1 else _("a fraction, like 1/2"),
        data=geo(fdata, _("The picture shows a {thing} cut into equal parts.").format(thing=_(thing)), rule),
        figure=fig, misconceptions=wrong,
    )


SOLIDS = {  # faces, vertices, edges; and what a child counts when only looking at the drawing
    "cube": (N_("cube"), (6, 8, 12), (3, 7, 9)),
    "prism": (N_("rectangular prism"), (6, 8, 12), (3, 7, 9)),
    "triangular_prism": (N_("triangular prism"), (5, 6, 9), (3, 5, 6)),
    "pyramid": (N_("square pyramid"), (5, 5, 8), (2, 4, 6)),
}
PARTS = [N_("faces"), N_("vertices (corners)"), N_("edges")]
QUESTIONS = [N_("How many faces does a {solid} have?"), N_("How many vertices (corners) does a {solid} have?"),
             N_("How many edges does a {solid} have?")]


def solids(rng: random.Random, level: int) -> Draft:
    """1.G.A.1, 2.G.A.1: faces, vertices and edges of cubes, prisms and pyramids."""
    key = rng.choice(list(SOLIDS))
    label, counts, seen = SOLIDS[key]
    which = level - 1 if rng.random() < 0.7 else rng.randrange(3)
    ans, other = counts[which], counts[(which + 1) % 3]
    steps = [step(_("Count the hidden ones too (the dashed lines): the {solid} has {n} {parts}.").format(
        solid=_(label), n=ans, parts=_(PARTS[which])), I(ans), ans)]
    wrong = [
        misconception(N_("counted only what the picture shows"), I(seen[which]), _(
            "Some of them are at the back where you cannot see them: the dashed lines show the hidden edges. "
            "Count those too.")),
        misconception(N_("mixed up faces, edges and vertices"), I(other), _(
            "Faces are the flat surfaces, edges are where two faces meet, and vertices are the corners. "
            "Count only the {parts}.").format(parts=_(PARTS[which]))),
    ]
    fig = figs.solid(key, {}, alt=_("A {solid}; hidden edges are dashed.").format(solid=_(label)), data={})
    return Draft(
        _(QUESTIONS[which]).format(solid=_(label)), r"\text{?}", I(ans), str(ans), steps,
        _("Imagine holding the solid and turning it around."),
        method=_("Count the ones at the front, then the ones at the back that you cannot see, without counting "
                 "any twice."),
        answer_format=_("a whole number"),
        data=geo({}, _("The picture shows a {solid}.").format(solid=_(label)),
                 _("Faces are flat surfaces, edges are where two faces meet, vertices are corners.")),
        figure=fig, misconceptions=wrong,
    )


QUAD_KINDS = ["square", "rectangle", "rhombus", "parallelogram", "trapezoid", "kite"]
FAMILY = {  # which outlines belong to each family
    "quadrilateral": set(QUAD_KINDS),
    "rectangle": {"square", "rectangle"},
    "rhombus": {"square", "rhombus"},
    "parallelogram": {"square", "rectangle", "rhombus", "parallelogram"},
}
FAMILY_QUESTIONS = {
    "quadrilateral": N_("How many of them are quadrilaterals?"),
    "rectangle": N_("How many of them are rectangles?"),
    "rhombus": N_("How many of them are rhombuses?"),
    "parallelogram": N_("How many of them are parallelograms?"),
}
FAMILY_RULES = {
    "quadrilateral": N_("A quadrilateral is any shape with four straight sides."),
    "rectangle": N_("A rectangle has four right angles; a square has them too, so a square is a rectangle."),
    "rhombus": N_("A rhombus has four equal sides; a square has them too, so a square is a rhombus."),
    "parallelogram": N_("A parallelogram has two pairs of parallel sides; squares, rectangles and rhombuses "
                        "have them too."),
}


def quadrilaterals(rng: random.Random, level: int) -> Draft:
    """3.G.A.1, 4.G.A.2, 5.G.B.4: sort shapes into quadrilateral families (a square is a rectangle too)."""
    family = "quadrilateral" if level == 1 else rng.choice(["rectangle", "rhombus"]) if level == 2 else "parallelogram"
    pool = QUAD_KINDS + (["triangle", "pentagon", "hexagon"] if level == 1 else [])
    while True:
        shapes = [rng.choice(pool) for _i in range(rng.randint(5, 8))]
        members = [s for s in shapes if s in FAMILY[family]]
        squares = [s for s in members if s == "square"]
        if level == 1 and len(members) < len(shapes) and any(s in ("square", "rectangle") for s in shapes):
            break
        if level > 1 and squares and len(members) > len(squares) and len(members) < len(shapes):
            break
    ans = len(members)
    if level == 1:
        wrong = [
            misconception(N_("counted every shape"), I(len(shapes)), _(
                "Some of these shapes do not have four sides: count the sides of each one.")),
            misconception(N_("counted only shapes with square corners"), I(sum(s in ("square", "rectangle") for s in shapes)), _(
                "A quadrilateral does not need square corners: any shape with four straight sides counts.")),
        ]
    else:
        special = "square" if level == 2 else ("square", "rectangle", "rhombus")
        wrong = [
            misconception(N_("counted a square as not a rectangle") if family == "rectangle" else
                          N_("left out the special cases"), I(sum(s not in special for s in members)), _(
                "A square has every property this family needs, so it belongs to the family too.")),
            misconception(N_("counted every quadrilateral"), I(len(shapes)), _(
                "Not every four-sided shape belongs: check the sides and angles each one must have.")),
        ]
    names = listing([name(s) for s in shapes])
    fdata = {"shape_count": len(shapes)}
    steps = [
        step(_("The ones that belong: {names}.").format(names=listing([name(s) for s in members])), I(len(members)), ans),
    ]
    return Draft(
        _("{intro} {question}").format(intro=_("Here are some shapes: {names}.").format(names=names),
                                       question=_(FAMILY_QUESTIONS[family])),
        r"\text{?}", I(ans), str(ans), steps,
        _("Think about what every shape of that family must have."),
        method=_("Go through the shapes one at a time and check each against the definition, not against how it "
                 "usually looks."),
        answer_format=_("a whole number"),
        data=geo(fdata, _("The picture shows the shapes: {names}.").format(names=names), _(FAMILY_RULES[family])),
        figure=figs.gallery(shapes, alt=_("The shapes: {names}.").format(names=names), data=fdata),
        misconceptions=wrong,
    )


def angles(rng: random.Random, level: int) -> Draft:
    """4.G.A.1, 4.MD.C.5, 4.MD.C.7: sort angles into acute, right and obtuse; split a right angle."""
    if level < 3:
        kind = "acute" if level == 1 else "obtuse"
        while True:
            values = [rng.choice([90] + list(range(20, 171, 5))) for _i in range(rng.randint(4, 5))]
            acute = sum(v < 90 for v in values)
            obtuse = sum(v > 90 for v in values)
            right = values.count(90)
            if right and 0 < acute and 0 < obtuse and len({acute, obtuse, acute + right, obtuse + right}) == 4:
                break
        ans = acute if kind == "acute" else obtuse
        fdata = {"angles": values}
        shown = listing([deg(v) for v in values])
        statement = (_("Here are some angles: {angles}. How many of them are acute?") if kind == "acute" else
                     _("Here are some angles: {angles}. How many of them are obtuse?")).format(angles=shown)
        steps = [step(_("Compare each angle with a right angle; the ones that are {kind}: {count}.").format(
            kind=_("smaller") if kind == "acute" else _("larger"), count=ans), I(ans), ans)]
        wrong = [
            misconception(N_("counted a right angle too"), I(ans + values.count(90)), _(
                "A right angle is exactly a square corner: it is neither acute nor obtuse.")),
            misconception(N_("mixed up acute and obtuse"), I(obtuse if kind == "acute" else acute), _(
                "Acute angles are smaller than a right angle; obtuse angles are larger than a right angle but "
                "smaller than a straight angle.")),
        ]
        fig = figs.angles_row(values, alt=_("Angles of {angles}.").format(angles=shown), data=fdata,
                              labels=[deg(v) for v in values])
        rule = _("Acute: less than a right angle. Right: a square corner. Obtuse: between a right angle and a "
                 "straight angle.")
        method = _("Compare each angle with a right angle, and count only the kind you are asked for.")
        nudge = _("A right angle is a square corner: compare each angle with it.")
        fmt = _("a whole number")
        unit = ""
    else:
        a = rng.randint(2, 16) * 5
        ans = 90 - a
        fdata = {"angle": a}
        statement = _("A right angle is split into two angles. One of them is {a}°. What is the other angle x?").format(a=a)
        steps = [step(_("The two parts make a right angle: x = {right}° - {a}° = {x}°").format(right=90, a=a, x=ans),
                      sympy.Add(90, -a, evaluate=False), ans)]
        wrong = [
            misconception(N_("used a straight angle instead of a right angle"), I(180 - a), _(
                "The two angles make a right angle (a square corner), not a straight line.")),
            misconception(N_("added the angles"), I(90 + a), _(
                "The known angle is part of the right angle: the other part is what is left, so take it away.")),
        ]
        fig = figs.rays([0, a, 90], [(0, a, deg(a)), (a, 90, "x")], right_angle=0,
                        alt=_("A right angle split into {a}° and x.").format(a=a), data=fdata)
        rule = _("The parts of an angle add up to the whole angle; a right angle is {right}°.").format(right=90)
        method = _("The two parts together make the whole right angle: take the known part away from it.")
        nudge = _("How many degrees is a right angle?")
        fmt = _("a number of degrees")
        unit = "°"
    return Draft(
        statement, r"\text{?}", I(ans), str(ans), steps, nudge, method=method, answer_format=fmt,
        data=geo(fdata, _("The picture shows the angles: {angles}.").format(
            angles=listing([deg(v) for v in fdata.get("angles", [fdata.get("angle")])])), rule),
        figure=fig, misconceptions=wrong, answer_unit=unit,
    )


SYMMETRY = {  # lines of symmetry, sides, and the usual wrong count with its tag
    "square": (4, 4, 2, N_("forgot the diagonal lines")),
    "rectangle": (2, 4, 4, N_("counted the diagonals as lines of symmetry")),
    "rhombus": (2, 4, 4, N_("counted the lines through the middles of the sides")),
    "equilateral": (3, 3, 1, N_("counted only the upright line")),
    "isosceles": (1, 3, 3, N_("gave the number of sides")),
    "parallelogram": (0, 4, 2, N_("counted the diagonals as lines of symmetry")),
    "kite": (1, 4, 2, N_("counted the diagonals as lines of symmetry")),
    "hexagon": (6, 6, 3, N_("counted only the lines through corners")),
    "pentagon": (5, 5, 1, N_("counted only the upright line")),
}


def symmetry(rng: random.Random, level: int) -> Draft:
    """4.G.A.3: lines of symmetry of polygons."""
    pool = {1: ["square", "rectangle", "equilateral", "isosceles"],
            2: ["rhombus", "parallelogram", "kite", "rectangle", "square"],
            3: ["hexagon", "pentagon", "rhombus", "parallelogram", "kite"]}[level]
    key = rng.choice(pool)
    lines, sides, usual, tag = SYMMETRY[key]
    wrong = [
        misconception(tag, I(usual), _(
            "A line of symmetry folds the shape onto itself exactly. Try each possible fold, along the diagonals "
            "and through the middles of the sides, and keep only the ones where both halves match.")),
        misconception(N_("gave the number of sides"), I(sides), _(
            "Not every shape has as many lines of symmetry as sides: only the folds where the halves match count.")),
        misconception(N_("found only one line"), I(1), _(
            "There may be more than one fold that works: try the folds in every direction.")),
        misconception(N_("counted each line twice"), I(2 * lines), _(
            "A fold line crosses the whole shape: count each line once, not once for each end.")),
    ]
    fdata = {}
    steps = [step(_("Try each fold; the halves match for {n} of them.").format(n=lines), I(lines), lines)]
    return Draft(
        _("How many lines of symmetry does a {shape} have?").format(shape=name(key)), r"\text{?}", I(lines),
        str(lines), steps,
        _("Imagine folding the shape so that one half lies exactly on the other."),
        method=_("Try folds through opposite corners and through the middles of opposite sides; count the folds where "
                 "the halves match."),
        answer_format=_("a whole number"),
        data=geo(fdata, _("The picture shows a {shape}.").format(shape=name(key)),
                 _("A line of symmetry folds a shape so that the two halves match exactly.")),
        figure=figs.polygon(figs.outline(key), {}, alt=_("A {shape}.").format(shape=name(key)), data=fdata),
        misconceptions=wrong,
    )


def _pair(p: tuple[int, int]) -> str:
    return f"({p[0]}, {p[1]})"


def plot_points(rng: random.Random, level: int) -> Draft:
    """5.G.A.1, 5.G.A.2: read, move and place points in the first quadrant."""
    from tutor.figures import coordinate_plane

    while True:
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        if a != b:
            break
    if level == 1:
        label = rng.choice("ABCDEF")
        ans = (I(a), I(b))
        fdata = {label: (a, b)}
        statement = _("Point {name} is marked on the grid. What are its coordinates?").format(name=label)
        steps = [
            step(_("Go across from 0 along the x-axis until you are under {name}: x = {x}").format(name=label, x=a), I(a), a),
            step(_("Then go up to {name}: y = {y}").format(name=label, y=b), I(b), b),
            step(_("{name} = {point}").format(name=label, point=_pair((a, b))), ans, ans),
        ]
        wrong = [
            misconception(N_("swapped x and y"), (I(b), I(a)), _(
                "The first number is how far across (x), the second how far up (y): across first, then up.")),
            misconception(N_("started counting at one"), (I(a + 1), I(b + 1)), _(
                "Count the spaces from 0, not the grid lines starting at 1.")),
        ]
        fig = coordinate_plane(0, 10, points=fdata, alt=_("A grid with point {name} marked.").format(name=label), data=fdata)
        shows = _("The grid shows point {name}.").format(name=label)
    elif level == 2:
        r, u = rng.randint(1, 10 - a), rng.randint(1, 10 - b) if b < 10 else 0
        while r == u:
            r = rng.randint(1, 10 - a)
            if 10 - a == 1:
                break
        ans = (I(a + r), I(b + u))
        fdata = {"A": (a, b)}
        statement = _("Start at A{point}. Move {r} to the right and {u} up. What point do you land on?").format(
            point=_pair((a, b)), r=r, u=u)
        steps = [
            step(_("Right changes x: {a} + {r} = {x}").format(a=a, r=r, x=a + r), sympy.Add(a, r, evaluate=False), a + r),
            step(_("Up changes y: {b} + {u} = {y}").format(b=b, u=u, y=b + u), sympy.Add(b, u, evaluate=False), b + u),
            step(_("You land on {point}.").format(point=_pair((a + r, b + u))), ans, ans),
        ]
        wrong = [
            misconception(N_("moved up along x"), (I(a + u), I(b + r)), _(
                "Moving right changes the first number (x); moving up changes the second number (y).")),
            misconception(N_("gave the moves, not the point"), (I(r), I(u)), _(
                "Those are the moves. Add them to the coordinates of the starting point.")),
        ]
        fig = coordinate_plane(0, 10, points={"A": (a, b)}, show_coordinates=True,
                               alt=_("A grid with the starting point A marked."), data=fdata)
        shows = _("The grid shows the starting point A{point}.").format(point=_pair((a, b)))
    else:
        while True:
            x1, x2 = sorted(rng.sample(range(1, 10), 2))
            y1, y2 = sorted(rng.sample(range(1, 10), 2))
            if len({x1, x2, y1, y2}) == 4:
                break
        pts = {"A": (x1, y1), "B": (x2, y1), "C": (x2, y2)}
        ans = (I(x1), I(y2))
        fdata = dict(pts)
        statement = _("A, B, C and D are the corners of a rectangle, going around. A{a}, B{b} and C{c}. "
                      "What are the coordinates of D?").format(a=_pair(pts["A"]), b=_pair(pts["B"]), c=_pair(pts["C"]))
        steps = [
            step(_("D is straight above A, so it has A's x: {x}").format(x=x1), I(x1), x1),
            step(_("D is level with C, so it has C's y: {y}").format(y=y2), I(y2), y2),
            step(_("D = {point}").format(point=_pair((x1, y2))), ans, ans),
        ]
        wrong = [
            misconception(N_("swapped x and y"), (I(y2), I(x1)), _(
                "Write the across number (x) first and the up number (y) second.")),
            misconception(N_("took the opposite corner's coordinates"), (I(x2), I(y1)), _(
                "That is a corner already given. D shares its x with one neighbour and its y with the other.")),
        ]
        fig = coordinate_plane(0, 10, points=pts, show_coordinates=True,
                               alt=_("A grid with three corners A, B and C of a rectangle."), data=fdata)
        shows = _("The grid shows A{a}, B{b} and C{c}.").format(a=_pair(pts["A"]), b=_pair(pts["B"]), c=_pair(pts["C"]))
    return Draft(
        statement, r"(x,\ y) = ?", ans, _pair(ans), steps,
        _("The first coordinate tells you how far across, the second how far up."),
        method=_("Find how far across from 0 the point is (x), then how far up (y), and write them as (x, y)."),
        answer_format=_("a point (x, y)"),
        data=geo(fdata, shows, _("A point (x, y) is x units across from 0 and y units up.")),
        figure=fig, misconceptions=wrong,
    )
