"""Multi-step word problems in the style of GSM8K, plus an agent that sets up equations."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import sympy

from plugins._common import N_, Draft, SeededGenerator, _, plain, skill, step, x
from tutor import hookimpl
from tutor.plugin_api import HINT_LEVELS, AgentDeps, AgentSpec, Problem, writing_in

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Word problems")
NAMES = [N_("Maya"), N_("Leo"), N_("Aisha"), N_("Tom"), N_("Sofia"), N_("Kenji"), N_("Ana"), N_("Sam"), N_("Zara"),
         N_("Eli")]
"""People in the stories; each language's catalogue gives its own names (小丽, 小明 …), drawn by the same seed."""
ITEMS = [
    {"bought": N_("{packs} packs of stickers"), "each": N_("{per} stickers in each pack"), "counted": N_("{n} stickers"),
     "question": N_("How many stickers does {name} have left?"), "left": N_("stickers left")},
    {"bought": N_("{packs} boxes of pencils"), "each": N_("{per} pencils in each box"), "counted": N_("{n} pencils"),
     "question": N_("How many pencils does {name} have left?"), "left": N_("pencils left")},
    {"bought": N_("{packs} trays of cookies"), "each": N_("{per} cookies on each tray"), "counted": N_("{n} cookies"),
     "question": N_("How many cookies does {name} have left?"), "left": N_("cookies left")},
    {"bought": N_("{packs} bags of marbles"), "each": N_("{per} marbles in each bag"), "counted": N_("{n} marbles"),
     "question": N_("How many marbles does {name} have left?"), "left": N_("marbles left")},
    {"bought": N_("{packs} decks of cards"), "each": N_("{per} cards in each deck"), "counted": N_("{n} cards"),
     "question": N_("How many cards does {name} have left?"), "left": N_("cards left")},
]
"""What is bought by the pack: whole phrases, so a language with measure words (3包贴纸, 每包8张) reads naturally."""


_LATEX_SPECIAL = {c: "\\" + c for c in "$%&#_{}"}


def asked(what: str) -> str:
    """The problem's LaTeX: the question part only ("stickers left = ?").

    Never the setup formula: a formula such as 3 × 8 - 5 would give the method
    away wherever the LaTeX is shown.
    """
    text = "".join(_LATEX_SPECIAL.get(c, c) for c in what)
    return rf"\text{{{text}}} = \,?"


def multi_step(rng: random.Random, level: int) -> Draft:
    name = _(rng.choice(NAMES))
    item = rng.choice(ITEMS)
    if level == 1:
        packs, per, gave = rng.randint(2, 6), rng.randint(5, 12), rng.randint(1, 9)
        total = packs * per
        ans = total - gave
        counted = _(item["counted"])
        return Draft(
            _("{name} buys {bought} with {each}. {name} gives {gave} to a friend. {question}").format(
                name=name, bought=_(item["bought"]).format(packs=packs), each=_(item["each"]).format(per=per),
                gave=counted.format(n=gave), question=_(item["question"]).format(name=name)),
            asked(_(item["left"])), sympy.Integer(ans), str(ans),
            [
                step(_("{bought} × {per} = {total}").format(bought=_(item["bought"]).format(packs=packs), per=per,
                                                            total=counted.format(n=total)),
                     sympy.Mul(packs, per, evaluate=False), total),
                step(_("{total} - {gave} = {result} left").format(total=total, gave=gave, result=counted.format(n=ans)),
                     sympy.Add(total, -gave, evaluate=False), ans),
            ],
            _("First work out how many there were before any were given away."),
            method=_("Multiply to find how many there were in all, then subtract the ones given away."),
            data={"setup": [(_("total bought"), f"{packs} × {per}", total),
                            (_("left"), _("total bought - {gave}").format(gave=gave), ans)]},
        )
    if level == 2:
        price_a, price_b = rng.randint(2, 9), rng.randint(1, 5)
        na, nb = rng.randint(2, 6), rng.randint(2, 8)
        cost = na * price_a + nb * price_b
        paid = (cost // 10 + 1 + rng.randint(0, 3)) * 10
        ans = paid - cost
        return Draft(
            _("A notebook costs ${price_a} and a pen costs ${price_b}. {name} buys {na} notebooks and {nb} pens "
              "and pays with ${paid}. How many dollars of change does {name} get?").format(
                price_a=price_a, price_b=price_b, name=name, na=na, nb=nb, paid=paid),
            asked(_("change in dollars")), sympy.Integer(ans), str(ans),
            [
                step(_("Notebooks: {n} × ${price} = ${cost}").format(n=na, price=price_a, cost=na * price_a),
                     sympy.Mul(na, price_a, evaluate=False), na * price_a),
                step(_("Pens: {n} × ${price} = ${cost}").format(n=nb, price=price_b, cost=nb * price_b),
                     sympy.Mul(nb, price_b, evaluate=False), nb * price_b),
                step(_("Total: ${a} + ${b} = ${cost}").format(a=na * price_a, b=nb * price_b, cost=cost),
                     sympy.Add(na * price_a, nb * price_b, evaluate=False), cost),
                step(_("Change: ${paid} - ${cost} = ${change}").format(paid=paid, cost=cost, change=ans),
                     sympy.Add(paid, -cost, evaluate=False), ans),
            ],
            _("What does everything cost together?"),
            method=_("Work out the cost of each kind of item, add them for the total, then subtract the total from "
                     "the money paid."),
            data={"setup": [(_("cost"), f"{na}·{price_a} + {nb}·{price_b}", cost),
                            (_("change"), _("{paid} - cost").format(paid=paid), ans)]},
        )
    rate, hours = rng.randint(2, 8) * 4, rng.randint(2, 6)
    made = rate * hours
    frac = rng.choice([sympy.Rational(1, 2), sympy.Rational(3, 4), sympy.Rational(1, 4)])
    sold = frac * made
    left = made - sold
    boxes = rng.choice([b for b in (2, 3, 4, 5, 6) if left % b == 0] or [1])
    ans = left / boxes
    return Draft(
        _("A bakery makes {rate} muffins an hour for {hours} hours. It sells {frac} of them in the morning "
          "and packs the rest equally into {boxes} boxes. How many muffins go in each box?").format(
            rate=rate, hours=hours, frac=plain(frac), boxes=boxes),
        asked(_("muffins in each box")), ans, plain(ans),
        [
            step(_("Muffins made: {rate} × {hours} = {made}").format(rate=rate, hours=hours, made=made),
                 sympy.Mul(rate, hours, evaluate=False), made),
            step(_("Sold: {frac} × {made} = {sold}").format(frac=plain(frac), made=made, sold=plain(sold)),
                 sympy.Mul(frac, made, evaluate=False), sold),
            step(_("Left: {made} - {sold} = {left}").format(made=made, sold=plain(sold), left=plain(left)),
                 sympy.Add(made, -sold, evaluate=False), left),
            step(_("Per box: {left} ÷ {boxes} = {each}").format(left=plain(left), boxes=boxes, each=plain(ans)),
                 left / boxes, ans),
        ],
        _("Break it into steps: made, sold, left, then per box."),
        method=_("Multiply to find how many were made, find the part sold, subtract to find how many are left, then "
                 "divide by the number of boxes."),
        data={"setup": [(_("made"), f"{rate} × {hours}", made),
                        (_("left"), _("made - {frac} of made").format(frac=plain(frac)), left),
                        (_("in each box"), _("left ÷ {boxes}").format(boxes=boxes), ans)]},
    )


def equations(rng: random.Random, level: int) -> Draft:
    name, other = (_(n) for n in rng.sample(NAMES, 2))
    if level == 1:
        k, sister = rng.randint(2, 5), rng.randint(3, 12)
        total = sister * (k + 1)
        lhs, unknown = x + k * x, _("{name}'s age").format(name=other)
        statement = _("{name} is {k} times as old as {other}. Together their ages add up to {total}. "
                      "How old is {other}?").format(name=name, k=k, other=other, total=total)
        rhs, sol = total, sister
    elif level == 2:
        price, fee = rng.randint(3, 12), rng.randint(5, 20)
        n = rng.randint(3, 15)
        total = price * n + fee
        lhs, unknown = price * x + fee, _("the number of tickets")
        statement = _("A fair charges ${fee} to enter and ${price} per ride ticket. {name} spends ${total} in all. "
                      "How many ride tickets did they buy?").format(fee=fee, price=price, name=name, total=total)
        rhs, sol = total, n
    else:
        diff, small = rng.randint(2, 15), rng.randint(5, 30)
        total = 2 * small + diff
        lhs, unknown = x + (x + diff), _("the smaller number")
        statement = _("Two numbers add up to {total}. One is {diff} more than the other. "
                      "What is the smaller number?").format(total=total, diff=diff)
        rhs, sol = total, small
    collected = sympy.expand(lhs)
    steps = [
        step(_("Let x be {unknown}.").format(unknown=unknown), None),
        step(_("Write the equation: {equation}").format(equation=f"{plain(lhs)} = {rhs}"), lhs, rhs),
        step(_("Simplify: {result}").format(result=f"{plain(collected)} = {rhs}"), collected, rhs),
        step(_("Solve: x = {x}").format(x=sol), x, sympy.Integer(rhs - collected.coeff(x, 0)) / collected.coeff(x, 1)),
    ]
    return Draft(
        statement, asked(unknown), sympy.Integer(sol), str(sol), steps,
        _("What do you not know yet? Call it x."),
        method=_("Let x be the unknown, turn the sentences into one equation in x, collect the x terms, then solve "
                 "for x."),
        bindings={x: sol}, answer_format=_("a number"),
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
            _("Name the unknown: let x be {unknown}.").format(unknown=data["unknown"]),
            _("Turn the sentences into an equation: {equation}.").format(equation=f"{plain(lhs)} = {plain(rhs)}"),
            _("Now solve it for x yourself: collect the x terms, undo what is done to x, "
              "then check your x against the words of the problem."),
        ]
    if "setup" in data:
        lines = [_("List what you know and what you are asked for.")]
        lines += [_("{what}: {expr}.").format(what=what.capitalize(), expr=expr) for what, expr, _value in data["setup"]]
        return lines
    return []


def _solution_line(problem: Problem) -> str:
    """The bottom-out: the rest of the generator's checked steps, down to the answer."""
    rest = problem.steps[2:] if "equation" in problem.data else problem.steps
    return _("Solving it: {steps}. The answer is {answer}.").format(
        steps=_("; ").join(s.text.rstrip(".。") for s in rest), answer=problem.answer_text)


def make_setup_agent(deps: AgentDeps):
    """A LangGraph node: from ``state["problem"]`` (a Problem) and ``state["hint_level"]``, set up the equations.

    Each hint level adds one line of the set-up (name the unknown, write the
    equation, ...). The agent stops before solving: only at the bottom-out
    level (``hint_level`` 3) does it solve the equation and give the answer.
    Returns a partial state update with ``plugin_reply`` (text for the student),
    ``plugin_agent`` and ``handled`` (False when the problem carries no setup).
    Every line comes from the generator's checked steps, so nothing unverified is said.
    The lines are in the problem's language.
    """

    def setup_word_problem(state: Mapping[str, Any]) -> dict[str, Any]:
        problem = deps.problem_of(state)
        if not isinstance(problem, Problem):
            return _declined()
        with writing_in(problem.language):
            lines = _setup_lines(problem)
            if not lines:
                return _declined()
            level = state.get("hint_level")
            if level is None:
                shown = lines
            elif int(level) >= BOTTOM_OUT:
                shown = [*lines, _solution_line(problem)]
            else:
                shown = lines[: max(0, int(level)) + 1]
        return {"plugin_agent": "word_problem_setup", "handled": True, "plugin_reply": "\n".join(shown)}

    return setup_word_problem


def _declined() -> dict[str, Any]:
    return {"plugin_agent": "word_problem_setup", "handled": False,
            "plugin_reply": _("I can set up equations for the tutor's word problems; this one has no setup I can check.")}


@hookimpl
def register_skills(register):
    register(skill("word.multi_step", N_("Multi-step word problems"), SUBJECT, 3, 6, ("arith.mult_div",),
                   description=N_("Everyday stories solved in two or more arithmetic steps."),
                   standards=("3.OA.D.8", "4.OA.A.3")))
    register(skill("word.equations", N_("Word problems with equations"), SUBJECT, 6, 8,
                   ("word.multi_step", "lin.one_step"),
                   description=N_("Turn a story into an equation in x, then solve it."),
                   standards=("7.EE.B.4a",)))


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
