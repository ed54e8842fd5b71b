"""The math verifier: checks arithmetic claims, algebra steps, whole solutions and answers.

Every check is three-way (:class:`Status`): verified, refuted or undetermined.
Undetermined means "could not decide" and never counts as correct. Untrusted
text is parsed by our own bounded parser (:func:`safe_parse`), never by
``eval``/``sympify``.

Public API:
    Status, Check, SolutionCheck: result types.
    safe_parse(text): a SymPy expression / relation, or VerificationError.
    check_step_pair(before, after): is ``after`` a valid next step from ``before``?
    check_text(text): every arithmetic/algebra claim found in free text.
    check_steps(steps, final_answer, question): verdict on a whole solution.
    compare_answers(given, gold): answer equivalence via Math-Verify.
    solve_question(question): Solution worked out by SymPy for a recognised question form, or None.
    worked_steps(solution): the school method's key lines behind a Solution's answer, or ().
    false_premises(question): why a question cannot be answered as asked (impossible premises), or [].
"""

from tutor.verify.algebra import check_step_pair
from tutor.verify.answers import compare_answers
from tutor.verify.arithmetic import check_text
from tutor.verify.parse import safe_parse
from tutor.verify.premises import false_premises
from tutor.verify.recognise import Solution, solve_question
from tutor.verify.recognise.worked import worked_steps
from tutor.verify.result import Check, SolutionCheck, Status
from tutor.verify.solution import check_steps

__all__ = [
    "Check",
    "Solution",
    "SolutionCheck",
    "Status",
    "check_step_pair",
    "check_steps",
    "check_text",
    "compare_answers",
    "false_premises",
    "safe_parse",
    "solve_question",
    "worked_steps",
]
