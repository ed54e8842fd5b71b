"""Check one draft reply: arithmetic/algebra claims, answer leaks, agreement with a reference.

Returns the verdict the repair loop acts on. Three-way like the verifier: a
draft is ``verified`` only when something was checked and nothing was refuted;
``refuted`` drafts are repaired or withheld; ``undetermined`` ones may be shown
but nothing in them is marked as checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agents.checks import (closing_answer, closing_chain_sides, echoed_instructions, final_answer_of, symbolic,
                           final_answer_phrase, find_leaks, is_placeholder_answer)
from agents.resolve import VERIFY_VOTES, judge
from tutor.verify.forms import in_form
from tutor.verify.units import split_quantity


def status_name(status: Any) -> str:
    """'verified', 'refuted' or 'undetermined' for a verifier Status (or its name)."""
    name = getattr(status, "value", None) or str(status)
    return name if name in ("verified", "refuted", "undetermined") else "undetermined"


def check_dict(check: Any) -> dict[str, Any]:
    return {
        "claim": str(getattr(check, "claim", ""))[:1000],
        "kind": str(getattr(check, "kind", "")),
        "status": status_name(getattr(check, "status", None)),
        "expected": getattr(check, "expected", None),
        "explanation": str(getattr(check, "explanation", "") or ""),
    }


@dataclass
class DraftVerdict:
    status: str
    checks: list[dict[str, Any]] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    """Plain-language findings for the repair prompt (what was wrong)."""

    @property
    def refuted(self) -> list[dict[str, Any]]:
        return [c for c in self.checks if c["status"] == "refuted"]

    @property
    def verified(self) -> list[str]:
        return [c["claim"] for c in self.checks if c["status"] == "verified"]

    @property
    def disputed(self) -> list[dict[str, Any]]:
        """Final answers an independent re-solve outvoted without refuting them (worth a repair)."""
        return [c for c in self.checks if c.get("disputed")]


def assess_draft(
    draft: str,
    *,
    check_text: Any,
    compare_answers: Any,
    gold: Any = None,
    answer_text: str = "",
    statement: str = "",
    forbid_answer: bool = False,
    reference: str | None = None,
    votes: dict[str, int] | None = None,
    against: str | None = None,
    expects_answer: bool = False,
    reference_source: str = "program",
    reference_text: str = "",
    form: str | None = None,
    question: str = "",
    instructions: tuple[str, ...] = (),
    start: str | None = None,
) -> DraftVerdict:
    """Check ``draft``.

    Args:
        gold: the current problem's ground-truth answer (plugin), if any.
        forbid_answer: Socratic mode before an attempt: stating ``gold`` is a refutation.
        reference: an independent answer (ground truth or program-of-thought
            majority) the draft's final answer must agree with (without ``votes``).
        votes: the program-of-thought re-solve's votes (answer -> programs); the
            final answer is judged by ``agents.resolve.judge`` (takes precedence
            over ``reference``). A disputed answer stays undetermined but is
            flagged ``disputed`` so the tutor can try a repair.
        expects_answer: the draft answers a computational question, so its final
            answer must be checked against ``reference`` or ``votes`` (neither: undetermined).
        against: the first draft's answer when this draft is a repair (``agents.resolve.judge``: it weighs
            against a different answer being verified by the votes).
        question: the student's question (a letter it uses is no placeholder).
        instructions: the prompt's own texts (system prompt, rules, repair note): a draft that repeats them to
            the student is refuted, whatever its math.
        form: the form the question asks for (``factored``, ``expanded``, ``simplest``): an
            equal answer written in another form is refuted.
        reference_source: ``sympy`` when ``reference`` is SymPy's exact answer: the draft's
            final answer is then compared whole (a set, an inequality, an expression), and a
            mismatch is a refutation with the reference named for the repair.
        start: the equation the question asks to solve, as SymPy read it: the draft's steps must keep its
            solutions from the first one on (``check_text``'s ``start``).
    """
    checks = [check_dict(c) for c in (check_text(draft, start=start) if start else check_text(draft))]
    findings = [
        f"The statement '{c['claim']}' is wrong" + (f"; the correct value is {c['expected']}." if c["expected"] else ".")
        for c in checks
        if c["status"] == "refuted"
    ]
    if forbid_answer and gold is not None:
        leaks = find_leaks(draft, answer=gold, answer_text=answer_text, statement=statement, compare=compare_answers)
        for leak in leaks:
            checks.append(
                {
                    "claim": leak,
                    "kind": "answer_leak",
                    "status": "refuted",
                    "expected": None,
                    "explanation": "The reply gives away the answer before the student has tried.",
                }
            )
            findings.append(
                f"Do not state the answer ({leak}) or any number equal to it; the student has not tried yet. "
                "Guide with a question instead."
            )
    exact = reference_source == "sympy" and reference is not None
    final = None
    if expects_answer:
        phrase = final_answer_phrase(draft)
        if exact:
            final = phrase or final_answer_of(draft)
        else:
            # Judged by the programs' numbers: a number is read, except out of an expression, an equation or a
            # set ("(x－1)²/(x＋1)²" is not 1, "x = 2 or x = 5" not 5): those are judged whole, so a program's
            # number cannot verify one of their numbers (held-out Chinese set 4)
            stated = phrase if phrase is not None else closing_answer(draft)
            final = stated if stated is not None and symbolic(stated) else final_answer_of(draft)
        if exact and phrase is None:
            # no "The answer is": the last sentence's statement, whole, when it can be compared ("The simplified
            # ratio is 2:3." is 2:3, not the last number 3)
            closing = closing_answer(draft)
            if form and closing is not None:
                # "2 × 2 × 3 × 7 = 84" for a prime factorisation: the chain's side written in the asked form,
                # when it is the answer, is what the line states (the result after the last '=' is only its value)
                closing = next((side for side in closing_chain_sides(draft)
                                if status_name(in_form(side, form)) == "verified"
                                and status_name(compare_answers(side, reference).status) == "verified"), closing)
            if closing is not None and status_name(compare_answers(closing, reference).status) != "undetermined":
                final = closing
    if expects_answer and final is not None and votes:
        verdict = judge(final, votes, compare_answers, against)
        status = verdict.status if verdict.status in ("verified", "refuted") else "undetermined"
        checks.append(
            {
                "claim": f"final answer {final}",
                "kind": "resolve",
                "status": status,
                "expected": final if status == "verified" else verdict.rival,
                "explanation": verdict.explanation,
                # Worth a repair only when at least two programs agree against it: a lone
                # program (the others failed) is too thin to argue a draft out of its answer.
                "disputed": verdict.status == "disputed" and verdict.rival_votes >= VERIFY_VOTES,
            }
        )
        if verdict.status == "refuted" or checks[-1]["disputed"]:
            findings.append(
                f"Your final answer {final} disagrees with independent calculations. "
                "Re-read the question, set it up again step by step and recompute."
            )
    elif expects_answer:
        if final is None and exact:
            # SymPy has the answer and the draft states none we can read: ask again, with the answer to state
            checks.append(
                {
                    "claim": "final answer",
                    "kind": "no_final_answer",
                    "status": "refuted",
                    "expected": reference_text or str(reference),
                    "explanation": "The reply does not end with an answer that can be checked.",
                }
            )
            # the instructions say how the sentence begins, in the reply's language ("The answer is", "答案是")
            findings.append(f"End with the one final-answer sentence your instructions describe, stating exactly "
                            f"{reference_text or reference}.")
        elif final is None and not re.search(r"\d", draft):
            # a computation answered with no number at all ("好的，请你重新阅读题目，设置它并重新计算。": a repair
            # note said back in the reply's language) is no reply to show: ask again, then the fallback
            checks.append(
                {
                    "claim": "final answer",
                    "kind": "no_final_answer",
                    "status": "refuted",
                    "expected": None,
                    "explanation": "The reply to a computation states no answer.",
                }
            )
            findings.append("Work the question out and end with the one final-answer sentence your instructions "
                            "describe.")
        elif final is None or reference is None:
            checks.append(
                {
                    "claim": f"final answer {final}" if final else "final answer",
                    "kind": "resolve",
                    "status": "undetermined",
                    "expected": (reference_text or str(reference)) if reference is not None else None,
                    "explanation": "No independent solution agreed, so the final answer is not checked.",
                }
            )
        else:
            same = status_name(compare_answers(final, reference).status)
            shown = str(reference_text or reference)
            if exact and same != "verified" and reference_text:
                # Read the same way as the reference is written: "5000 m" against "5000 m", "75%" against "75%".
                as_written = status_name(compare_answers(final, reference_text).status)
                if as_written == "verified" or same == "undetermined":
                    same = as_written
            elif exact and same == "verified" and reference_text and _measured(final) and _measured(reference_text):
                # "40 cm" for an area of 40 cm²: the number agrees with SymPy's, the unit is of another kind
                if status_name(compare_answers(final, reference_text).status) == "refuted":
                    same = "refuted"
            if same == "verified" and form and status_name(in_form(final, form)) == "refuted":
                same = "refuted"
                findings.append(f"The question asks for the {form} form; write the answer as {shown}.")
            checks.append(
                {
                    "claim": f"final answer {final}",
                    "kind": "resolve",
                    "status": same,
                    "expected": shown,
                    "source": reference_source,
                    "explanation": ("Checked against SymPy's exact answer." if exact else
                                    "Checked against an independent solution.")
                    if same == "verified"
                    else "An independent solution got a different answer.",
                }
            )
            if same == "refuted" and exact:
                findings.append(f"The correct final answer is {shown}; your reply ended with {final}.")
            elif same == "refuted":
                findings.append(
                    f"Your final answer {final} disagrees with an independent calculation. "
                    "Re-read the question, set it up again step by step and recompute."
                )
    if expects_answer and is_placeholder_answer(final_answer_phrase(draft), question):
        checks.append({"claim": f"final answer {final_answer_phrase(draft)}", "kind": "placeholder",
                       "status": "refuted", "expected": None,
                       "explanation": "The reply ends with a template's stand-in, not a result."})
        findings.append("End with the actual result of your calculation, written out.")
    echoed = echoed_instructions(draft, instructions)
    if echoed:
        checks.append({"claim": echoed[0], "kind": "instruction_echo", "status": "refuted", "expected": None,
                       "explanation": "The reply repeats the tutor's instructions to the student."})
        findings.append("Write only what the student should read, in your own words; do not repeat these notes "
                        "or your instructions.")
    statuses = {c["status"] for c in checks}
    if "refuted" in statuses:
        status = "refuted"
    elif "verified" in statuses and "undetermined" not in {c["status"] for c in checks if c["kind"] == "resolve"}:
        status = "verified"
    else:
        status = "undetermined"
    return DraftVerdict(status, checks, findings)


def _measured(text: str) -> bool:
    """A number with a unit ("40 cm", "40 cm²", "$4.05")."""
    quantity = split_quantity(text)
    return quantity is not None and quantity[1] is not None
