"""Multi-step word problems in the style of GSM8K, plus an agent that sets up equations."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import sympy

from plugins._common import Draft, SeededGenerator, plain, step, x
from tutor import hookimpl
from tutor.plugin_api import HINT_LEVELS, AgentDeps, AgentSpec, Problem, SkillSpec

__version__ = "1.0.0"

SUBJECT = "Word problems"
NAMES = ["Maya", "Leo", "Aisha", "Tom", "Sofia", "Kenji", "Ana", "Sam", "Zara", "Eli"]
ITEMS = [("stickers", "pack"), ("pencils", "box"), ("cookies", "tray"), ("marbles", "bag"), ("cards", "deck")]


_LATEX_SPECIAL = {c: "\\" + c for c in "$%&#_{}"}


def asked(what: str) -> str:
    """The problem's LaTeX: the question part only ("stickers left = ?").

    Never the setup formula: a formula such as 3 × 8 - 5 would give the method
    away wherever the LaTeX is shown.
    """
    text = "".join(_LATEX_SPECIAL.get(c, c) for c in what)
    return rf"\text{{{text}}} = \,?"


def multi_step(rng: random.Random, level: int) -> Draft:
    name = rng.choice(NAMES)
    item, holder = rng.choice(ITEMS)
    if level == 1:
        packs, per, gave = rng.randint(2, 6), rng.randint(5, 12), rng.randint(1, 9)
        total = packs * per
        ans = total - gave
        return Draft(
            f"{name} buys {packs} {holder}s of {item} with {per} {item} in each {holder}. "
            f"{name} gives {gave} {item} to a friend. How many {item} does {name} have left?",
            asked(f"{item} left"), sympy.Integer(ans), str(ans),
            [
                step(f"{packs} {holder}s × {per} = {total} {item}", sympy.Mul(packs, per, evaluate=False), total),
                step(f"{total} - {gave} = {ans} {item} left", sympy.Add(total, -gave, evaluate=False), ans),
            ],
            "First work out how many there were before any were given away.", method="Multiply to find how many there were in all, then subtract the ones given away.",
            data={"setup": [("total bought", f"{packs} × {per}", total), ("left", f"total bought - {gave}", ans)]},
        )
    if level == 2:
        price_a, price_b = rng.randint(2, 9), rng.randint(1, 5)
        na, nb = rng.randint(2, 6), rng.randint(2, 8)
        cost = na * price_a + nb * price_b
        paid = (cost // 10 + 1 + rng.randint(0, 3)) * 10
        ans = paid - cost
        return Draft(
            f"A notebook costs ${price_a} and a pen costs ${price_b}. {name} buys {na} notebooks and {nb} pens "
            f"and pays with ${paid}. How many dollars of change does {name} get?",
            asked("change in dollars"), sympy.Integer(ans), str(ans),
            [
                step(f"Notebooks: {na} × ${price_a} = ${na * price_a}", sympy.Mul(na, price_a, evaluate=False), na * price_a),
                step(f"Pens: {nb} × ${price_b} = ${nb * price_b}", sympy.Mul(nb, price_b, evaluate=False), nb * price_b),
                step(f"Total: ${na * price_a} + ${nb * price_b} = ${cost}", sympy.Add(na * price_a, nb * price_b, evaluate=False), cost),
                step(f"Change: ${paid} - ${cost} = ${ans}", sympy.Add(paid, -cost, evaluate=False), ans),
            ],
            "What does everything cost together?", method="Work out the cost of each kind of item, add them for the total, then subtract the total from the money paid.",
            data={"setup": [("cost", f"{na}·{price_a} + {nb}·{price_b}", cost), ("change", f"{paid} - cost", ans)]},
        )
    rate, hours = rng.randint(2, 8) * 4, rng.randint(2, 6)
    made = rate * hours
    frac = rng.choice([sympy.Rational(1, 2), sympy.Rational(3, 4), sympy.Rational(1, 4)])
    sold = frac * made
    left = made - sold
    boxes = rng.choice([b for b in (2, 3, 4, 5, 6) if left % b == 0] or [1])
    ans = left / boxes
    return Draft(
        f"A bakery makes {rate} muffins an hour for {hours} hours. It sells {plain(frac)} of them in the morning "
        f"and packs the rest equally into {boxes} boxes. How many muffins go in each box?",
        asked("muffins in each box"), ans, plain(ans),
        [
            step(f"Muffins made: {rate} × {hours} = {made}", sympy.Mul(rate, hours, evaluate=False), made),
            step(f"Sold: {plain(frac)} × {made} = {plain(sold)}", sympy.Mul(frac, made, evaluate=False), sold),
            step(f"Left: {made} - {plain(sold)} = {plain(left)}", sympy.Add(made, -sold, evaluate=False), left),
            step(f"Per box: {plain(left)} ÷ {boxes} = {plain(ans)}", left / boxes, ans),
        ],
        "Break it into steps: made, sold, left, then per box.", method="Multiply to find how many were made, find the part sold, subtract to find how many are left, then divide by the number of boxes.",
        data={"setup": [("made", f"{rate} × {hours}", made), ("left", f"made - {plain(frac)} of made", left),
                       ("in each box", f"left ÷ {boxes}", ans)]},
    )


def equations(rng: random.Random, level: int) -> Draft:
    name, other = rng.sample(NAMES, 2)
    if level == 1:
        k, sister = rng.randint(2, 5), rng.randint(3, 12)
        total = sister * (k + 1)
        lhs, unknown = x + k * x, f"{other}'s age"
        statement = f"{name} is {k} times as old as {other}. Together their ages add up to {total}. How old is {other}?"
        rhs, sol = total, sister
    elif level == 2:
        price, fee = rng.randint(3, 12), rng.randint(5, 20)
        n = rng.randint(3, 15)
        total = price * n + fee
        lhs, unknown = price * x + fee, "the number of tickets"
        statement = (f"A fair charges ${fee} to enter and ${price} per ride ticket. {name} spends ${total} in all. "
                     "How many ride tickets did they buy?")
        rhs, sol = total, n
    else:
        diff, small = rng.randint(2, 15), rng.randint(5, 30)
        total = 2 * small + diff
        lhs, unknown = x + (x + diff), "the smaller number"
        statement = f"Two numbers add up to {total}. One is {diff} more than the other. What is the smaller number?"
        rhs, sol = total, small
    collected = sympy.expand(lhs)
    steps = [
        step(f"Let x be {unknown}.", None),
        step(f"Write the equation: {plain(lhs)} = {rhs}", lhs, rhs),
        step(f"Simplify: {plain(collected)} = {rhs}", collected, rhs),
        step(f"Solve: x = {sol}", x, sympy.Integer(rhs - collected.coeff(x, 0)) / collected.coeff(x, 1)),
    ]
    return Draft(
        statement, asked(unknown), sympy.Integer(sol), str(sol), steps,
        "What do you not know yet? Call it x.", method="Let x be the unknown, turn the sentences into one equation in x, collect the x terms, then solve for x.", bindings={x: sol}, answer_format="a number",
        data={"unknown": unknown, "equation": (lhs, rhs), "variable": x},
    )


BOTTOM_OUT = HINT_LEVELS.index("bottom_out")
"""The hint level at which the agent may solve the problem (in Socratic use it only sets it up)."""


def _setup_lines(problem: Problem) -> list[str]:
    """The set-up, one line per rung: what is unknown and how the quantities relate, never a result.

    Quantities still to be worked out are named in words ("change: 40 - cost"),
    so no line hands over a number the student is meant to find.
    """
    data = problem.data
    if "equation" in data:
        lhs, rhs = data["equation"]
        return [
            f"Name the unknown: let x be {data['unknown']}.",
            f"Turn the sentences into an equation: {plain(lhs)} = {plain(rhs)}.",
            "Now solve it for x yourself: collect the x terms, undo what is done to x, "
            "then check your x against the words of the problem.",
        ]
    if "setup" in data:
        lines = ["List what you know and what you are asked for."]
        lines += [f"{what.capitalize()}: {expr}." for what, expr, _ in data["setup"]]
        return lines
    return []


def _solution_line(problem: Problem) -> str:
    """The bottom-out: the rest of the generator's checked steps, down to the answer."""
    rest = problem.steps[2:] if "equation" in problem.data else problem.steps
    return "Solving it: " + "; ".join(s.text for s in rest) + f". The answer is {problem.answer_text}."


def make_setup_agent(deps: AgentDeps):
    """A LangGraph node: from ``state["problem"]`` (a Problem) and ``state["hint_level"]``, set up the equations.

    Each hint level adds one line of the set-up (name the unknown, write the
    equation, ...). The agent stops before solving: only at the bottom-out
    level (``hint_level`` 3) does it solve the equation and give the answer.
    Returns a partial state update with ``plugin_reply`` (text for the student),
    ``plugin_agent`` and ``handled`` (False when the problem carries no setup).
    Every line comes from the generator's checked steps, so nothing unverified is said.
    """

    def setup_word_problem(state: Mapping[str, Any]) -> dict[str, Any]:
        problem = state.get("problem")
        if problem is None and deps.generate is not None and state.get("skill_id"):
            problem = deps.generate(state["skill_id"], int(state.get("seed", 0)), int(state.get("difficulty", 1)))
        lines = _setup_lines(problem) if isinstance(problem, Problem) else []
        if not lines:
            return {"plugin_agent": "word_problem_setup", "handled": False,
                    "plugin_reply": "I can set up equations for the tutor's word problems; this one has no setup I can check."}
        level = state.get("hint_level")
        if level is None:
            shown = lines
        elif int(level) >= BOTTOM_OUT:
            shown = [*lines, _solution_line(problem)]
        else:
            shown = lines[: max(0, int(level)) + 1]
        return {"plugin_agent": "word_problem_setup", "handled": True, "plugin_reply": "\n".join(shown)}

    return setup_word_problem


@hookimpl
def register_skills(register):
    register(SkillSpec("word.multi_step", "Multi-step word problems", SUBJECT, 3, 6, ("arith.order_ops",)))
    register(SkillSpec("word.equations", "Word problems with equations", SUBJECT, 6, 8, ("word.multi_step", "lin.one_step")))


@hookimpl
def register_generators(register):
    register(SeededGenerator("word.multi_step", multi_step))
    register(SeededGenerator("word.equations", equations))


@hookimpl
def register_agents(register):
    register(AgentSpec(
        name="word_problem_setup",
        description="Turns a word problem into quantities and an equation step by step (name the unknown, "
                    "write the equation) and stops before solving it, unless the student is at the bottom-out. "
                    "Route here when a student is stuck setting up a word problem.",
        factory=make_setup_agent,
        skills=("word.multi_step", "word.equations"),
    ))
