"""Warm SymPy once per process, before the first bounded call.

SymPy's first exact call in a process is slow: about 0.7 s for the first ``solveset`` of an
inequality, 0.6 s for the first ``simplify``, 0.3 s for the first ``integrate`` (lazy imports and
caches inside SymPy); later ones take milliseconds. Under the verifier's half-second bound such a
first call times out, so the first question of a process ("simplify 2(x+3) - x", "solve 2x - 5 < 9")
would go unanswered. Importing this module warms the importing process once, on fixed inputs (never
a student's text, so no bound is needed): the fork server imports it (``tutor.verify.bounded``'s
preload), so every worker starts warm, and ``bounded.limited`` imports it before its first
in-process call.
"""

from __future__ import annotations

import sympy as sp


def warm() -> None:
    x = sp.Symbol("x")
    sp.solveset(2 * x - 5 < 9, x, domain=sp.S.Reals)  # also warms simplify, solveset and relations
    sp.integrate(x * sp.cos(x), x)


warm()
