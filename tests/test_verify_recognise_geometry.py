"""Geometry and counting questions answered by SymPy (tutor.verify.recognise.geometry, .counting), or left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp

from tutor.verify import Status, compare_answers, solve_question

ROOT = Path(__file__).resolve().parents[1]

# (question, kind, answer, answer_text)
SHAPES = [
    # rectangles and squares
    ("area of a rectangle 8 by 5", "area", 40, "40"),
    ("whats the area of a rectangle 8 cm by 5 cm", "area", 40, "40 cm²"),
    ("area of rectangle that is 8 long and 5 wide", "area", 40, "40"),
    ("a rectangle is 8 cm long and 5 cm wide. what is its area", "area", 40, "40 cm²"),
    ("find the area of a rectangle with sides 8 and 5", "area", 40, "40"),
    ("the length of a rectangle is 8 and the width is 5 find the area", "area", 40, "40"),
    ("A rectangular garden is 10 m by 6 m. What is its area?", "area", 60, "60 m²"),
    ("area of a rectangle 8 x 5", "area", 40, "40"),
    ("area of a rectangle 8 by 5 in cm", "area", 40, "40 cm²"),
    ("what is the perimeter of a rectangle with length 8 and width 5", "perimeter", 26, "26"),
    ("a rectangle has a length of 12 cm and a width of 7 cm what is the perimeter", "perimeter", 38, "38 cm"),
    ("whats the perimeter of a rectangle 8 by 5 pls", "perimeter", 26, "26"),
    ("perimeter of a square with side 5 cm", "perimeter", 20, "20 cm"),
    ("area of a 5 cm square", "area", 25, "25 cm²"),
    ("whats the area of a square with sides of 6 inches", "area", 36, "36 in²"),
    ("what is the area of a square whose side is 4 ft", "area", 16, "16 ft²"),
    # triangles, parallelograms, trapezoids
    ("area of a triangle with base 6 and height 4", "area", 12, "12"),
    ("area of a right triangle with legs 3 and 4", "area", 6, "6"),
    ("area of an equilateral triangle with side 5", "area", 25 * sp.sqrt(3) / 4, "25√3/4 ≈ 10.83"),
    ("what is the perimeter of a triangle with sides 3, 4 and 5", "perimeter", 12, "12"),
    ("area of a parallelogram with base 7 and height 3", "area", 21, "21"),
    ("area of a trapezoid with bases 6 and 10 and height 4", "area", 32, "32"),
    ("area of a trapezium with parallel sides of 6 cm and 10 cm and a height of 4 cm", "area", 32, "32 cm²"),
    # regular polygons
    ("perimeter of a regular hexagon with side 4", "perimeter", 24, "24"),
    ("what is the perimeter of a regular pentagon with sides of 3 cm", "perimeter", 15, "15 cm"),
    ("perimeter of an octagon with each side 2 m", "perimeter", 16, "16 m"),
    ("a polygon has 6 sides of length 4 what is the perimeter", "perimeter", 24, "24"),
    # circles
    ("what is the area of a circle with radius 3", "area", 9 * sp.pi, "9π ≈ 28.27"),
    ("area of a circle with diameter 10 cm", "area", 25 * sp.pi, "25π cm² ≈ 78.54 cm²"),
    ("area of circle radius 5cm", "area", 25 * sp.pi, "25π cm² ≈ 78.54 cm²"),
    ("circumference of a circle radius 7", "circumference", 14 * sp.pi, "14π ≈ 43.98"),
    ("what's the circumference of a circle with a diameter of 10", "circumference", 10 * sp.pi, "10π ≈ 31.42"),
    ("find the circumference of a circle if the radius is 4 cm", "circumference", 8 * sp.pi, "8π cm ≈ 25.13 cm"),
    ("a circular pond has a radius of 2 m what is its area", "area", 4 * sp.pi, "4π m² ≈ 12.57 m²"),
    ("what is the area of a circle with radius 3 in terms of pi", "area", 9 * sp.pi, "9π"),
    ("area of a circle with radius 3 use 3.14", "area", sp.Rational("28.26"), "28.26"),
    ("circumference of a circle radius 7 use 22/7", "circumference", 44, "44"),
    ("a circle with diameter 10 what is the radius", "radius", 5, "5"),
    # solids
    ("volume of a cube with side 3", "volume", 27, "27"),
    ("what is the volume of a cube with edges 4 cm long", "volume", 64, "64 cm³"),
    ("a cube has a side length of 5 cm what is its volume", "volume", 125, "125 cm³"),
    ("volume of a box 3 by 4 by 5", "volume", 60, "60"),
    ("volume of a rectangular prism with length 3 width 4 and height 5", "volume", 60, "60"),
    ("volume of a cylinder with radius 3 and height 5", "volume", 45 * sp.pi, "45π ≈ 141.37"),
    ("what is the volume of a cylinder with a radius of 2 cm and a height of 10 cm", "volume", 40 * sp.pi,
     "40π cm³ ≈ 125.66 cm³"),
    ("volume of a sphere with radius 3", "volume", 36 * sp.pi, "36π ≈ 113.1"),
    ("the radius of a sphere is 6 find its volume", "volume", 288 * sp.pi, "288π ≈ 904.78"),
    ("what is the volume of a ball with diameter 10", "volume", 500 * sp.pi / 3, "500π/3 ≈ 523.6"),
    ("volume of a cone with radius 3 cm and height 4 cm", "volume", 12 * sp.pi, "12π cm³ ≈ 37.7 cm³"),
    ("volume of a pyramid with a rectangular base 4 by 5 and height 6", "volume", 40, "40"),
    ("volume of a square pyramid with base side 4 and height 6", "volume", 32, "32"),
    ("volume of a pyramid with base 4 by 5 and height 7", "volume", sp.Rational(140, 3), "140/3 ≈ 46.67"),
    ("surface area of a cube with side 3", "surface_area", 54, "54"),
    ("surface area of a box 3 by 4 by 5", "surface_area", 94, "94"),
    ("find the surface area of a cylinder radius 3 height 5", "surface_area", 48 * sp.pi, "48π ≈ 150.8"),
    ("surface area of a sphere radius 2", "surface_area", 16 * sp.pi, "16π ≈ 50.27"),
    # Pythagoras
    ("legs 3 and 4 find the hypotenuse", "hypotenuse", 5, "5"),
    ("sides 6 and 8 of a right triangle, find the hypotenuse", "hypotenuse", 10, "10"),
    ("find the hypotenuse of a right triangle with legs 5 and 12", "hypotenuse", 13, "13"),
    ("a right angled triangle has legs of 6 cm and 8 cm how long is the hypotenuse", "hypotenuse", 10, "10 cm"),
    ("a right triangle has legs 1 and 1 what is the hypotenuse", "hypotenuse", sp.sqrt(2), "√2 ≈ 1.414"),
    ("the legs of a right triangle are 2 and 3 find the hypotenuse", "hypotenuse", sp.sqrt(13), "√13 ≈ 3.606"),
    ("hypotenuse is 13 and one leg is 5, what is the other leg", "other_leg", 12, "12"),
    ("a right triangle has a hypotenuse of 10 and a leg of 6 find the other leg", "other_leg", 8, "8"),
    ("the hypotenuse of a right triangle is 13 and one leg is 5 what is the other leg", "other_leg", 12, "12"),
]


@pytest.mark.parametrize(("question", "kind", "answer", "text"), SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_each_shape_form_is_answered_exactly(question, kind, answer, text):
    solution = solve_question(question)
    assert solution is not None, question
    assert solution.kind == kind
    assert sp.simplify(solution.answer - sp.sympify(answer)) == 0
    assert solution.answer_text == text


SHAPES_LEFT_ALONE = [
    # a story with more than one shape or extra quantities
    "a garden is 10 m by 6 m and a path 1 m wide goes round it what is the area of the path",
    "area of a rectangle 8 by 5 and a square of side 3",
    "a rectangle 8 by 5 has a square 2 by 2 cut out what is the area left",
    "tom has a rectangle 8 by 5 and cuts it in half what is the area of each part",
    "how much paint do i need for a wall 3 m by 4 m",
    "a room is 5 m by 4 m how much carpet",
    "area of a triangle with base 6 height 4 and side 5",
    "a circle has radius 3 and diameter 6 what is the area",
    # inverse questions
    "the area is 24 and the width is 4, find the length",
    "the area of a square is 36 what is the side",
    "the perimeter of a square is 20 what is the area",
    "a rectangle has an area of 24 cm² and a width of 4 cm what is its length",
    # changes, parts, rounding
    "area of a rectangle 8 by 5 if the length is doubled",
    "what is half the area of a circle with radius 2",
    "what is the area of a semicircle with radius 2",
    "what is the area of a rectangle 8 by 5 rounded to the nearest ten",
    "area of the rectangle 8 by 5 plus 3",
    # two units, impossible or empty measurements
    "area of a rectangle 8 cm by 5 m",
    "area of a rectangle 8 cm by 5 cm in square meters",
    "area of a rectangle with length -8 and width 5",
    "area of a square with side 0",
    "perimeter of a triangle with sides 1, 2 and 5",
    "perimeter of a triangle with sides 3, 4 and 7",
    "hypotenuse is 5 and one leg is 7, what is the other leg",
    "a right triangle has a hypotenuse of 5 and a leg of 5 find the other leg",
    "perimeter of a right triangle with sides 3, 4 and 6",
    # underdetermined or ambiguous
    "a right triangle has sides 3 and 4 what is the third side",
    "perimeter of a triangle with sides 3 4 and 5",
    "perimeter of a hexagon with side 4",
    "area of a triangle with sides 3, 4 and 5",
    "a rectangle with sides of 8 what is its area",
    "what is 8 by 5",
    "area of a circle with radius 3 use 3.14 and pi = 22/7",
    "area of a rectangle 8 by 5 use 3.14",
]


@pytest.mark.parametrize("question", SHAPES_LEFT_ALONE)
def test_shape_questions_it_must_leave_alone(question):
    assert solve_question(question) is None
