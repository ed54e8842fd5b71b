"""Derivatives: power, product and chain rules (early calculus, grades 11-12).

The higher levels use e^x, sin and cos, as a first calculus course does; answers
are written the way a student types them (``(2*x + 7)*e^x``, ``2*x*e^(x^2 + 1)``).
"""

from __future__ import annotations

import random

import sympy

from plugins._common import N_, Draft, SeededGenerator, _, nonzero, plain, skill, step, tex, x
from tutor import hookimpl

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Derivatives")


OUTER = {"power": N_("power"), "e^u": N_("e^u is its own derivative")}
"""How the chain-rule step names an outside function (msgids; sin and cos are written as they are)."""


def _ask(f) -> tuple[str, str]:
    return _("Find the derivative of f(x) = {f}.").format(f=plain(f)), rf"\frac{{d}}{{dx}}\left({tex(f)}\right)"


def power_rule(rng: random.Random, level: int) -> Draft:
    n_terms = level + 1
    powers = rng.sample(range(0, 6 + level), n_terms)
    f = sum(nonzero(rng, -9, 9) * x**p for p in powers)
    if level == 3:
        f += nonzero(rng, -5, 5) / x
    ans = sympy.diff(f, x)
    terms = sympy.Add.make_args(f)
    pieces = [sympy.diff(t, x) for t in terms]
    steps = [step(_("d/dx of {term} is {derivative}").format(term=plain(t), derivative=plain(d)), sympy.diff(t, x), d)
             for t, d in zip(terms, pieces)]
    steps.append(step(_("Add the pieces: f'(x) = {result}").format(result=plain(ans)), sympy.Add(*pieces), ans))
    return Draft(
        *_ask(f), ans, plain(ans), steps,
        _("d/dx of x^n is n·x^(n-1); differentiate term by term."),
        method=_("Differentiate one term at a time: c·x^n becomes c·n·x^(n-1), a constant becomes zero; then add the "
                 "pieces."),
        answer_format=_("an expression in x"),
    )


def _product_factors(rng: random.Random, level: int) -> tuple[sympy.Expr, sympy.Expr]:
    """u and v: two polynomials, then (ax + b)·e^x, then c·x^n·sin x or cos x (or x^n·e^x)."""
    if level == 1:
        return nonzero(rng, -5, 5) * x ** rng.randint(1, 3) + rng.randint(-5, 5), x + nonzero(rng, -6, 6)
    if level == 2:
        return nonzero(rng, -5, 5) * x + nonzero(rng, -9, 9), sympy.exp(x)
    u = nonzero(rng, -4, 4) * x ** rng.randint(2, 4)
    return u, rng.choice([sympy.sin(x), sympy.cos(x), sympy.exp(x)])


def product_rule(rng: random.Random, level: int) -> Draft:
    u, v = _product_factors(rng, level)
    du, dv = sympy.diff(u, x), sympy.diff(v, x)
    f = sympy.Mul(u, v, evaluate=False)
    # Collect on e^x so (ax + b)e^x differentiates to (ax + a + b)e^x, the form a student writes.
    ans = sympy.collect(sympy.expand(du * v + u * dv), sympy.exp(x))
    steps = [
        step(f"u = {plain(u)}, u' = {plain(du)}", sympy.diff(u, x), du),
        step(f"v = {plain(v)}, v' = {plain(dv)}", sympy.diff(v, x), dv),
        step(f"(uv)' = u'v + uv' = ({plain(du)})({plain(v)}) + ({plain(u)})({plain(dv)})", du * v + u * dv, sympy.diff(u * v, x)),
        step(_("Simplify: {result}").format(result=plain(ans)), du * v + u * dv, ans),
    ]
    return Draft(
        *_ask(f), ans, plain(ans), steps,
        _("This is a product: name the two factors u and v."),
        method=_("Product rule: (uv)' = u'v + uv'. Find u' and v' first, then put them together and simplify."),
        answer_format=_("an expression in x"),
    )


def chain_rule(rng: random.Random, level: int) -> Draft:
    if level < 3:
        # A positive slope keeps sin and cos as written (SymPy would turn sin(-3x + 4) into -sin(3x - 4)).
        inner = rng.randint(2, 5) * x + nonzero(rng, -9, 9)
    else:
        inner = x**2 + nonzero(rng, -5, 5)
    n = rng.randint(2, 5)
    outer_name = {1: "power", 2: rng.choice(["power", "sin", "exp"]), 3: rng.choice(["power", "cos", "exp"])}[level]
    if outer_name == "sin":
        f, d_outer = sympy.sin(inner), sympy.cos(inner)
    elif outer_name == "cos":
        f, d_outer = sympy.cos(inner), -sympy.sin(inner)
    elif outer_name == "exp":
        f, d_outer = sympy.exp(inner), sympy.exp(inner)
        outer_name = "e^u"
    else:
        f, d_outer = inner**n, n * inner ** (n - 1)
    d_inner = sympy.diff(inner, x)
    ans = sympy.diff(f, x)
    steps = [
        step(_("Inside: {working}").format(working=f"g(x) = {plain(inner)}, g'(x) = {plain(d_inner)}"),
             sympy.diff(inner, x), d_inner),
        step(_("Outside ({outer}) differentiated at g: {derivative}").format(outer=_(OUTER[outer_name]) if outer_name in OUTER else outer_name, derivative=plain(d_outer)),
             d_outer, d_outer),
        step(_("Chain rule: {working}").format(working=f"f'(x) = {plain(d_outer)} · {plain(d_inner)} = {plain(ans)}"),
             d_outer * d_inner, ans),
    ]
    return Draft(
        *_ask(f), ans, plain(ans), steps,
        _("This is a function inside a function: what is the inside?"),
        method=_("Chain rule: differentiate the outside function with the inside left as it is, then multiply by the "
                 "derivative of the inside."),
        answer_format=_("an expression in x"),
    )


@hookimpl
def register_skills(register):
    register(skill("calc.power_rule", N_("Derivatives: the power rule"), SUBJECT, 11, 12, ("poly.simplify",),
                   description=N_("Differentiate polynomials (and 1/x) term by term."),
                   domain="CALC"))
    register(skill("calc.product_rule", N_("Derivatives: the product rule"), SUBJECT, 11, 12,
                   ("calc.power_rule", "poly.expand"),
                   description=N_("Differentiate a product of two functions: (uv)' = u'v + uv'."),
                   domain="CALC"))
    register(skill("calc.chain_rule", N_("Derivatives: the chain rule"), SUBJECT, 11, 12, ("calc.power_rule",),
                   description=N_("Differentiate a function inside a function: the outside's derivative times the "
                                  "inside's."),
                   domain="CALC"))


@hookimpl
def register_generators(register):
    register(SeededGenerator("calc.power_rule", power_rule))
    register(SeededGenerator("calc.product_rule", product_rule))
    register(SeededGenerator("calc.chain_rule", chain_rule))
