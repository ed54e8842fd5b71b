"""Expressions, equations and functions, with ratios and proportional relationships (grades 6–8).

Skills ``rp.*`` (ratio tables, percents, proportional relationships, percent change), ``ee.*`` (exponents,
equivalent expressions, inequalities, two-step and multi-step equations, exponent laws, scientific notation,
slope, systems by graphing) and ``fn.*`` (functions from tables and rules, linear functions, comparing linear
models). Figures: ratio tables, tape diagrams, x–y tables, number lines with a ray, coordinate planes.
"""

from __future__ import annotations

from curriculum.kit import catalogue

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "expressions")

import re

from curriculum.expressions import algebra, functions, ratios
from curriculum.kit import N_, SeededGenerator, skill
from tutor import hookimpl
from tutor.plugin_api import Grade, Problem, compare_answers

SUBJECT = N_("Expressions, equations and functions")
RP_SUBJECT = N_("Ratios and proportions")

GENERATORS = {
    "rp.ratio_tables": ratios.ratio_tables,
    "rp.percent_whole": ratios.percent_whole,
    "rp.proportional": ratios.proportional,
    "rp.percent_change": ratios.percent_change,
    "ee.exponent_expr": algebra.exponent_expr,
    "ee.equivalent": algebra.equivalent,
    "ee.inequalities": algebra.inequalities,
    "ee.two_step_eq": algebra.two_step_eq,
    "ee.two_step_ineq": algebra.two_step_ineq,
    "ee.exponent_laws": algebra.exponent_laws,
    "ee.sci_notation": algebra.sci_notation,
    "ee.multi_side": algebra.multi_side,
    "ee.slope": functions.slope,
    "ee.systems_graph": functions.systems_graph,
    "fn.tables": functions.fn_tables,
    "fn.linear": functions.fn_linear,
    "fn.compare": functions.fn_compare,
}


@hookimpl
def register_skills(register):
    r = register
    r(skill(_, "rp.ratio_tables", N_("Ratio tables"), RP_SUBJECT, 6, 6, ("arith.mult_div",),
            N_("Complete a table of equivalent ratios by multiplying both quantities by the same number."),
            standards=("6.RP.A.3a", "6.RP.A.1")))
    r(skill(_, "rp.percent_whole", N_("Percent of a quantity and finding the whole"), RP_SUBJECT, 6, 6,
            ("rp.ratio_tables",), N_("Find a percent of a number, and the whole when a part and its percent are known."),
            standards=("6.RP.A.3c",)))
    r(skill(_, "rp.proportional", N_("Constant of proportionality"), RP_SUBJECT, 7, 7,
            ("rp.ratio_tables", "ratio.unit_rate"),
            N_("Find the constant of proportionality from a table or a graph of a proportional relationship."),
            standards=("7.RP.A.2b", "7.RP.A.2a")))
    r(skill(_, "rp.percent_change", N_("Percent increase, decrease, tax, tip and interest"), RP_SUBJECT, 7, 7,
            ("rp.percent_whole",),
            N_("Solve percent problems: discounts, tax, tips, percent increase and decrease, and simple interest."),
            standards=("7.RP.A.3",)))
    r(skill(_, "ee.exponent_expr", N_("Expressions with exponents"), SUBJECT, 6, 6, ("arith.order_ops",),
            N_("Evaluate powers and expressions with whole-number exponents, such as 3x^2 when x = 4."),
            standards=("6.EE.A.1", "6.EE.A.2c")))
    r(skill(_, "ee.equivalent", N_("Equivalent expressions"), SUBJECT, 6, 7, ("arith.order_ops",),
            N_("Use the distributive property and combine like terms to write equivalent expressions."),
            standards=("6.EE.A.3", "6.EE.A.4", "7.EE.A.1")))
    r(skill(_, "ee.inequalities", N_("One-variable inequalities"), SUBJECT, 6, 7, ("lin.one_step",),
            N_("Write inequalities like x > 3 from a number line and solve one-step inequalities."),
            standards=("6.EE.B.8", "6.EE.B.5")))
    r(skill(_, "ee.two_step_eq", N_("Two-step equations"), SUBJECT, 7, 7, ("lin.one_step", "int.operations"),
            N_("Solve equations of the form px + q = r."), standards=("7.EE.B.4a",)))
    r(skill(_, "ee.two_step_ineq", N_("Two-step inequalities"), SUBJECT, 7, 7, ("ee.inequalities", "ee.two_step_eq"),
            N_("Solve inequalities of the form px + q > r, flipping the sign when dividing by a negative number."),
            standards=("7.EE.B.4b",)))
    r(skill(_, "ee.exponent_laws", N_("Laws of exponents"), SUBJECT, 8, 8, ("ee.exponent_expr", "int.exponents"),
            N_("Multiply, divide and raise powers, including zero and negative exponents."), standards=("8.EE.A.1",)))
    r(skill(_, "ee.sci_notation", N_("Scientific notation"), SUBJECT, 8, 8, ("ee.exponent_laws",),
            N_("Write very large and very small numbers in scientific notation and multiply them."),
            standards=("8.EE.A.3", "8.EE.A.4")))
    r(skill(_, "ee.multi_side", N_("Equations with variables on both sides"), SUBJECT, 8, 8,
            ("ee.two_step_eq", "ee.equivalent"),
            N_("Solve linear equations with the variable on both sides, including brackets."),
            standards=("8.EE.C.7b", "8.EE.C.7a")))
    r(skill(_, "ee.slope", N_("Slope of a line"), SUBJECT, 8, 8, ("rp.proportional",),
            N_("Find the slope of a line from two points or its graph, as rise over run."),
            standards=("8.EE.B.6", "8.EE.B.5", "8.F.B.4")))
    r(skill(_, "ee.systems_graph", N_("Systems of equations by graphing"), SUBJECT, 8, 8, ("ee.slope",),
            N_("Solve a system of two linear equations by finding where their graphs cross."),
            standards=("8.EE.C.8a", "8.EE.C.8b")))
    r(skill(_, "fn.tables", N_("Functions from rules and tables"), SUBJECT, 8, 8, ("ee.exponent_expr",),
            N_("Evaluate a function from its rule or its table: each input has exactly one output."),
            standards=("8.F.A.1",)))
    r(skill(_, "fn.linear", N_("Linear functions"), SUBJECT, 8, 8, ("ee.slope", "fn.tables"),
            N_("Find the rate of change, the initial value and the equation y = mx + b of a linear function."),
            standards=("8.F.B.4", "8.F.A.3")))
    r(skill(_, "fn.compare", N_("Comparing linear functions"), SUBJECT, 8, 8, ("fn.linear",),
            N_("Compare two linear functions given in different ways, and linear models in context."),
            standards=("8.F.A.2", "8.F.B.4")))


@hookimpl
def register_generators(register):
    for skill_id, make in GENERATORS.items():
        register(SeededGenerator(skill_id, make))


SCIENTIFIC = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:×|x|X|\*|·|⋅)\s*10\s*\^\s*\(?\s*([-−]?\d+)\s*\)?\s*$")


class ScientificNotationChecker:
    """A number asked for in scientific notation must be written that way: 4500000 has the right value but is
    not 4.5 × 10^6 (refuted, tagged); "4.5 x 10^6" with a letter x reads as the times sign."""

    skill_id = "ee.sci_notation"

    def check(self, given: str, problem: Problem) -> Grade:
        import sympy

        m = SCIENTIFIC.match(given.replace(",", ""))
        if m:
            coef = sympy.Rational(m.group(1))
            value = coef * sympy.Integer(10) ** int(m.group(2).replace("−", "-"))
            if value != problem.answer:
                return Grade("refuted")
            if not 1 <= abs(coef) < 10:
                return Grade("refuted", _("{given} has the right value, but in scientific notation the number in front "
                                          "is at least 1 and less than 10.").format(given=given.strip()),
                             "not_scientific_notation")
            return Grade("verified")
        grade = compare_answers(given, problem.answer)
        if grade.status == "verified":
            return Grade("refuted", _("{given} has the right value, but the question asks for scientific notation: a "
                                      "number from 1 to 10 times a power of ten.").format(given=given.strip()),
                         "not_scientific_notation")
        return grade


class PercentChecker:
    """Percent problems: a percent answer may be typed with its sign ("25%" and "25" both read as 25); an amount
    of money is compared with its unit, as the tutor does for any answer with a unit ("$12.50", "12.5")."""

    skill_id = "rp.percent_change"

    def check(self, given: str, problem: Problem) -> Grade:
        text = given.strip()
        if problem.data.get("percent") and text.endswith("%"):
            return compare_answers(text[:-1].strip(), problem.answer)
        if problem.answer_unit:
            return compare_answers(given, f"{problem.answer_text} {problem.answer_unit}")
        return compare_answers(given, problem.answer)


@hookimpl
def register_checkers(register):
    register(ScientificNotationChecker())
    register(PercentChecker())
