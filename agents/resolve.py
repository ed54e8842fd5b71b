"""Independent re-solve: program-of-thought in the sandbox, several samples, a judged vote.

Arithmetic checking alone cannot catch a wrong set-up (most wrong model
solutions contain no false equation), so before a worked solution or final
answer without plugin ground truth is marked verified, the model writes small
Python programs that solve the question and the sandbox runs them.

The programs come from two prompt families that alternate: a plain one and one
that first restates every sentence of the problem as a comment. The same small
model misreads the same sentence the same way when asked the same way; asked
two ways, its misreadings agree less often (measured in ``bench/tutor_eval.py``).

``judge`` turns the votes into a verdict on a candidate answer:

* verified: at least ``VERIFY_VOTES`` programs got the candidate, at least
  ``VERIFY_MARGIN`` more than got any other answer (2-0 and 3-1 verify; a 2-1
  split does not: the tutor's repairs must not be able to talk a right answer
  into a wrong one that merely has the bigger half of a split vote);
* refuted: no program got the candidate and at least ``REFUTE_VOTES`` (4: all
  of the default four, two from each prompt) agreed on one other answer
  (strong evidence: the solution is called wrong);
* disputed: another answer got more votes than the candidate, short of a
  refutation (not verified; the tutor repairs, the CLI says undetermined);
* undetermined: too few programs ran or agreed to say anything.
"""

from __future__ import annotations

import asyncio
import functools
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from agents import prompts
from agents.checks import numbers_in, symbolic
from agents.llm_io import complete
from tutor.llm.base import GenerationParams, as_messages

POT_SYSTEM = (
    "You solve math word problems by writing a short Python program. "
    "Use plain Python (no input(), no files). You may import math, fractions and sympy: exact fractions, "
    "equations and symbolic work are safer in fractions.Fraction and sympy than in floats. "
    "Store the final numeric answer in a variable named result and end with print(result). "
    "Reply with only the program in one ```python code block."
)

POT_FACTS_SYSTEM = POT_SYSTEM + (
    # The plain prompt first, word for word, then what this family adds: a batch decodes the shared
    # instructions once for both families (and the batch context keeps them between batches).
    "\nRead the problem slowly. In the program, first write one comment line per sentence of the problem that "
    'restates what it says in your own words, being exact about who pays, who has what, "times as many", '
    '"more than", "per", percentages and units.\n'
    "Then write one comment saying exactly what the question asks for.\n"
    "Then define one variable per given quantity and compute the answer step by step, with a comment on each step."
)

EXAMPLE_QUESTION = ("Leo has 15 stickers. Mia has 4 times as many stickers as Leo. Mia gives away 20% of her "
                    "stickers. How many stickers does Mia have left?")
"""A worked example shown to both families before the real question (one user turn, one assistant turn): a small
model copies a shown program's shape (one variable per fact, exact fractions, ``print(result)``) far more reliably
than it follows a described one. It is a story on purpose, with "times as many" and a percent, the readings the
programs got wrong most. Its answer is 48; the tests run both programs below in the sandbox."""

PLAIN_EXAMPLE = """```python
from fractions import Fraction

leo = 15
mia = 4 * leo
given_away = mia * Fraction(20, 100)
result = mia - given_away
print(result)
```"""

FACTS_EXAMPLE = """```python
from fractions import Fraction

# Leo has 15 stickers.
# Mia has 4 times as many stickers as Leo, so Mia has 4 * 15 stickers.
# Mia gives away 20% of her own stickers: 20/100 of what Mia has.
# Asked: how many stickers Mia has after giving some away.
leo = 15
mia = 4 * leo  # Mia's stickers before she gives any away
given_away = mia * Fraction(20, 100)  # 20% of Mia's stickers
result = mia - given_away  # what Mia keeps
print(result)
```"""

PROMPT_FAMILIES = (("plain", POT_SYSTEM), ("facts", POT_FACTS_SYSTEM))
FAMILY_EXAMPLES = {"plain": PLAIN_EXAMPLE, "facts": FACTS_EXAMPLE}
PROGRAM_END = "\n```\n"
"""Stop generating at the program's closing fence followed by more text. The prompt asks for a ```python block,
whose opening fence is followed by "python", so only a closing fence (or an untagged opening fence after prose,
which the prompt does not ask for) matches."""
VERIFY_VOTES = 2
VERIFY_MARGIN = 2
REFUTE_VOTES = 4


@dataclass
class Resolution:
    """Outcome of the independent re-solve.

    ``votes`` (answer -> programs that got it) is what ``judge`` decides on;
    ``answer`` is the leading answer when enough programs agree (see
    ``resolve``), else None. ``samples`` logs each program's prompt family,
    answer and error.
    """

    answer: str | None
    votes: dict[str, int] = field(default_factory=dict)
    samples: list[dict[str, Any]] = field(default_factory=list)
    answers: list[str | None] = field(default_factory=list)
    """Every program's answer in sample order (None: it failed), the earlier ``prior`` ones included."""
    failed: dict[int, list[str]] = field(default_factory=dict)
    """Programs that stopped with a fixable error and whose fix has not run yet: index -> [reply, error]. A
    later ``resolve(prior=answers, failed=failed)`` writes their fixes first."""


@dataclass(frozen=True)
class Judgement:
    """What the re-solve's votes say about one candidate answer."""

    status: str
    """verified, refuted, disputed or undetermined (see the module docstring)."""
    support: int
    """Programs whose answer equals the candidate."""
    rival: str | None
    """The most voted answer different from the candidate, if any."""
    rival_votes: int
    explanation: str
    opposed: int = 0
    """The votes the candidate must beat by ``VERIFY_MARGIN`` to be verified: the strongest rival's, with the
    first draft's answer counted for its own side when it is ``against`` the candidate."""


def judge(candidate: str | None, votes: dict[str, int], compare: Any, against: str | None = None, *,
          need: int = VERIFY_VOTES, margin: int = VERIFY_MARGIN) -> Judgement:
    """Verdict of the vote ``votes`` (answer -> programs) on ``candidate``.

    ``compare(candidate, answer)`` is ``tutor.verify.compare_answers``; only a
    verified comparison counts as support, so an answer that cannot be read
    never counts either way.

    ``against`` is an answer reached another way, the first draft's chain of thought, when ``candidate`` is a
    repair's different answer: it counts as one more vote for its answer when deciding whether ``candidate``
    is verified (the programs must outweigh every solution that disagrees), never as support for anything and
    never towards a refutation. On word problems the evaluation does not use (``bench/vote_policy.py``) it kept
    a right draft's answer from being repaired into a wrong one marked verified, and cost no right answer.

    ``need`` and ``margin`` are the tutor's rule (``VERIFY_VOTES``, ``VERIFY_MARGIN``); ``bench/vote_policy.py``
    replays others.
    """
    opposing = against is not None and candidate is not None and not _agree(compare, str(candidate), against)
    if candidate is None or not votes:
        return Judgement("undetermined", 0, None, 0, "No independent program produced an answer to compare with.",
                         int(opposing))
    support, rivals = 0, {}
    for answer, count in votes.items():
        if _agree(compare, str(candidate), answer):
            support += count
        else:
            rivals[answer] = count
    rival, rival_votes = max(rivals.items(), key=lambda kv: kv[1], default=(None, 0))
    ran = support + sum(rivals.values())
    opposed = rival_votes
    if opposing:
        own = next((a for a in rivals if _agree(compare, against, a)), None)
        opposed = max(rival_votes, rivals.get(own, 0) + 1)
    if support >= need and support >= opposed + margin:
        return Judgement("verified", support, rival, rival_votes,
                         f"{support} of {ran} independent programs got the same answer.", opposed)
    if support == 0 and rival_votes >= REFUTE_VOTES:
        return Judgement("refuted", support, rival, rival_votes,
                         f"{rival_votes} of {ran} independent programs got {rival}, none got {candidate}.", opposed)
    if rival_votes > support:
        return Judgement("disputed", support, rival, rival_votes,
                         f"{rival_votes} of {ran} independent programs got {rival}, {support} got {candidate}.",
                         opposed)
    return Judgement("undetermined", support, rival, rival_votes,
                     f"The independent programs did not agree ({ran} ran); the answer is not checked.", opposed)


def _agree(compare: Any, a: str, b: str) -> bool:
    status = getattr(compare(a, b), "status", None)
    return getattr(status, "value", status) == "verified" or _same_rounding(a, b)


_SIX_PLACES = re.compile(r"-?\d+\.\d{6}")
_DECIMAL = re.compile(r"-?\d+\.(\d{2,5})")


def _same_rounding(a: str, b: str) -> bool:
    """A program's answer with six decimals is ``normalise_number``'s rounding of a longer one (3.141593 for
    π): a decimal with fewer places agrees with it when it is that value rounded to its own places (3.14159,
    3.1416, 3.14). Only between two decimals, one of them the six-place rounding, the other with at least two
    places: "0.3" is too coarse to tell a rounded 0.333333 from a different answer."""
    for short, rounded in ((a, b), (b, a)):
        m = _DECIMAL.fullmatch(short.strip())
        if m and _SIX_PLACES.fullmatch(rounded.strip()):
            places = len(m.group(1))
            return abs(float(rounded) - float(short)) <= 0.5 * 10 ** -places + 1e-6
    return False


def _decided(candidate: str | None, votes: dict[str, int], compare: Any, remaining: int,
             against: str | None = None, *, need: int = VERIFY_VOTES, margin: int = VERIFY_MARGIN) -> bool:
    """True once more samples cannot change whether ``candidate`` is verified or refuted."""
    j = judge(candidate, votes, compare, against, need=need, margin=margin)
    if j.status in ("verified", "refuted"):
        return True
    can_verify = j.support + remaining >= need and j.support + remaining >= j.opposed + margin
    can_refute = j.support == 0 and j.rival_votes + remaining >= REFUTE_VOTES
    return not (can_verify or can_refute)


def program_messages(question: str, i: int) -> list[dict[str, str]]:
    """The conversation that asks family ``i % 2`` for a program: its instructions, the worked example (asked
    and answered as the real question will be), then ``question``. Everything before the question is fixed, so
    a model that keeps its prompts (the batch context) decodes it once, not once per question."""
    name, system = PROMPT_FAMILIES[i % len(PROMPT_FAMILIES)]
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": ask_program(EXAMPLE_QUESTION)},
        {"role": "assistant", "content": FAMILY_EXAMPLES[name]},
        {"role": "user", "content": ask_program(question)},
    ]


def ask_program(question: str) -> str:
    return f"Problem: {question.strip()}\nWrite the program."


def program_request(question: str, i: int, *, max_tokens: int = 400,
                    seed: int = 0) -> tuple[list[dict[str, str]], GenerationParams]:
    """The ``i``-th program request for ``question``: the prompt families alternate, each family's first
    sample is greedy and later ones are sampled at temperature 0.7 with seed ``seed + i``."""
    messages = program_messages(question, i)
    params = GenerationParams(
        max_tokens=max_tokens,
        temperature=0.0 if i < len(PROMPT_FAMILIES) else 0.7,
        seed=seed + i,
        stop=(PROGRAM_END,),  # the closing fence and a newline: what follows is prose nobody runs
    )
    return messages, params


FIX_PROMPT = (
    "Running that program stopped with {error}. Write the whole program again with that fixed, defining every "
    "quantity it uses from the problem. Reply with only the program in one ```python code block."
)


def fixable(error: str | None) -> bool:
    """Whether a program's sandbox ``error`` is its own mistake that its writer can be shown and asked to fix:
    a Python exception (``error: NameError: …``, a syntax error), not a time, memory or forbidden-import limit,
    which a rewrite of the same idea would meet again."""
    return bool(error) and str(error).startswith("error:")


def fix_request(question: str, i: int, reply: str, error: str, *, max_tokens: int = 400,
                seed: int = 0) -> tuple[list[dict[str, str]], GenerationParams]:
    """The request that shows the ``i``-th program's writer its failure (``reply`` ran and stopped with
    ``error``) and asks for the whole program again: the tool-integrated way (ToRA) of letting a model read
    what its tool said. The conversation starts as ``program_request(question, i)`` did, so a batch shares
    its prefix, and keeps that request's sampling."""
    messages, params = program_request(question, i, max_tokens=max_tokens, seed=seed)
    messages = messages + [
        {"role": "assistant", "content": reply.strip()},
        {"role": "user", "content": FIX_PROMPT.format(error=error.removeprefix("error:").strip())},
    ]
    return messages, params


def extract_code(reply: str) -> str:
    """The Python program in a model reply (fenced block, else the whole text)."""
    blocks = re.findall(r"```(?:python|py)?\s*\n(.*?)```", reply, re.S)
    if blocks:
        return max(blocks, key=len).strip()
    opened = re.search(r"```(?:python|py)?\s*\n(.*)", reply, re.S)
    return (opened.group(1) if opened else reply).strip()


def normalise_number(value: Any) -> str | None:
    """A canonical string for a numeric result: ints without .0, floats rounded to 6 places."""
    if value is None:
        return None
    text = str(value).strip()
    nums = numbers_in(text)
    if not nums:
        return None
    raw = nums[-1]
    try:
        if "/" in raw:
            a, b = raw.split("/")
            number = float(a) / float(b)
        else:
            number = float(raw)
    except (ValueError, ZeroDivisionError):
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    rounded = round(number, 6)
    if abs(rounded - round(rounded)) < 1e-6:
        return str(int(round(rounded)))
    return f"{rounded:.6f}".rstrip("0").rstrip(".")


_NUMBER_TEXT = r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?(?:/\d+)?"
_COLLECTION = re.compile(rf"\s*[\[({{]\s*({_NUMBER_TEXT}(?:\s*,\s*{_NUMBER_TEXT})+)\s*,?\s*[\])}}]\s*")
"""A list, tuple or set of numbers as Python prints it: "[2, 5]", "(-3, 2)", "{0.5, 4}"."""


def collection_answer(value: Any) -> str | None:
    """Several numbers printed as one collection ("[2, 5]", sympy's roots), as the set "{2, 5}": compared whole
    with a reply's answer, never one of them picked out (the last root alone verified "x = 5" for x² = 7x − 10).
    None when ``value`` is not such a collection."""
    m = _COLLECTION.fullmatch(str(value)) if value is not None else None
    if m is None:
        return None
    numbers = {normalise_number(n) for n in re.split(r"\s*,\s*", m.group(1))}
    if None in numbers or len(numbers) < 2:
        return None if None in numbers else next(iter(numbers))
    return "{" + ", ".join(sorted(numbers, key=float)) + "}"


def program_answer(result: Any) -> str | None:
    """The answer a sandbox run produced: its ``result`` if numeric, else the last printed number; several
    numbers printed as one collection are the set of them (``collection_answer``)."""
    if not getattr(result, "ok", False):
        return None
    raw = getattr(result, "result", None)
    value = _read_printed(raw) if raw is not None else None
    if value is not None:
        return value
    lines = [ln for ln in str(getattr(result, "stdout", "") or "").strip().splitlines() if ln.strip()]
    return _read_printed(lines[-1]) if lines else None


_ASSIGNED = re.compile(r"\s*[A-Za-z_]\w*\s*=\s*(-?\d[\d.,/eE+-]*)\s*")


def _read_printed(value: Any) -> str | None:
    """One printed value as a vote: a number ("12", "x = 4"), a set of numbers, or None for an expression with a
    variable ("2*x**2 + 5*x - 12" is not the number 12, "x <= -11" not -11)."""
    text = str(value)
    assigned = _ASSIGNED.fullmatch(text)
    if assigned:
        return normalise_number(assigned.group(1))
    collected = collection_answer(text)
    if collected is not None:
        return collected
    if symbolic(text):
        return None
    return normalise_number(text)


HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b|多少|几(?:个|只|本|天|小时|分钟|岁|元|次|人|倍)", re.I)
SIGNED = re.compile(r"\b(?:negative|minus|below\s+zero|temperature|degrees?|elevation|sea\s+level|"
                    r"profit\s+or\s+loss|change\s+in)\b|°|零下|负|温度|海拔", re.I)


_SEVERAL = re.compile(r"分别|各(?:是|为|有|要)(?:多少|几)|\brespectively\b", re.I)
"""A question asking for several values, one for each thing named."""


def fits(question: str, answer: str | None) -> bool:
    """Whether a program's ``answer`` can answer ``question`` at all.

    A question that asks "how many" / "how much" (多少, 几…) of something, with nothing in it that can go
    below zero (a temperature, an elevation, "negative"), asks for a count or an amount: a negative result
    is a program that subtracted the wrong way round ("how many hours faster", "how much more than" worked
    out as the smaller minus the larger) or a story that does not add up. Either way it is no answer, so it
    is not a vote: it neither supports nor opposes anything, like a program that failed. Its magnitude is
    not taken instead, because a false premise gives a negative result too.

    Likewise one number for a question asking for several values (分别, respectively), and a set of numbers
    (``collection_answer``) for a count or an amount.
    """
    if answer is None:
        return False
    if _SEVERAL.search(question):
        return answer.startswith("{")  # "16和40的最大公因数跟最小公倍数分别是几": one number answers half of it
    if answer.startswith("{"):
        # several numbers (sympy's roots printed whole) for a question asking how many or how much: a count or an
        # amount is one number, so the program did not finish the question (which root it meant is not guessed)
        return not HOW_MANY.search(question)
    try:
        negative = float(answer) < 0
    except ValueError:
        return True
    return not (negative and HOW_MANY.search(question) and not SIGNED.search(question))


def majority(answers: list[str | None], quorum: int) -> tuple[str | None, dict[str, int]]:
    votes = Counter(a for a in answers if a is not None)
    if not votes:
        return None, {}
    best, count = votes.most_common(1)[0]
    tied = [a for a, c in votes.items() if c == count]
    if count < quorum or len(tied) > 1:
        return None, dict(votes)
    return best, dict(votes)


async def resolve(
    question: str,
    *,
    llm: Any,
    run_code: Any,
    samples: int = 4,
    quorum: int | None = None,
    candidate: str | None = None,
    compare: Any = None,
    max_tokens: int = 400,
    timeout_s: float = 10.0,
    seed: int = 0,
    progress: Any = None,
    language: str | None = None,
    prior: list[str | None] | None = None,
    against: str | None = None,
    ready: list[str] | None = None,
    failed: dict[int, list[str]] | None = None,
) -> Resolution:
    """Solve ``question`` independently up to ``samples`` times by program-of-thought.

    The prompt families alternate (plain, facts-first); each family's first
    sample is greedy, later ones are sampled at temperature 0.7 with distinct
    seeds. With a ``candidate`` answer (and ``compare``), sampling stops as soon
    as more programs cannot change ``judge``'s verified/refuted outcome; without
    one, once the strict majority (``quorum``) is reached or out of reach.
    ``Resolution.answer`` is the strict-majority answer without a candidate,
    the plurality of at least ``VERIFY_VOTES`` (no tie) with one.

    A model that decodes batches (``llm.decodes_batches``: llama.cpp, a
    server) generates in rounds of one sample per prompt family with one
    ``complete_many`` call; the stopping rules still apply sample by sample.

    ``prior`` are the answers of programs already run for this question (``Resolution.answers``, in order):
    sampling goes on from the next sample with them counted, so a repaired draft's new answer is judged by
    the programs that settle it, not only by those that were enough for the first draft's. ``against`` is
    then the first draft's answer (see ``judge``). ``ready`` are model replies already generated for the first
    samples (``program_request(question, 0)``, ``(…, 1)``, …: batched with the draft); they are run, not
    written again. ``failed`` is the earlier call's ``Resolution.failed``: their fixes are still to come.

    A program that stops with a Python error (``fixable``) is shown its error once: the same family's next
    sample is that program rewritten (``fix_request``) instead of a fresh one, within the same budget.

    ``progress(text)``, if given, hears what is happening in words a student can read
    ("Writing 2 checking programs…", "Program 1 got 12"), so a long check is visible, in ``language``.
    """
    say = progress or (lambda _text: None)
    quorum = quorum or samples // 2 + 1
    answers: list[str | None] = list(prior or [])
    logs: list[dict[str, Any]] = []
    judged = candidate is not None and compare is not None

    step = len(PROMPT_FAMILIES)
    failed = {int(i): (str(v[0]), str(v[1])) for i, v in (failed or {}).items()}
    """Programs (of this call or, from ``failed``, an earlier one) that stopped with an error their writer can fix (``fixable``): index -> (reply,
    error). Sample ``i + len(PROMPT_FAMILIES)``, the same family's next slot, is then that program fixed
    instead of a fresh one: a program that used a name it never defined (the plain family's greedy sample
    sometimes writes only its last line) is one vote lost, and shown its error the model mostly writes the
    whole program. A fix is not fixed again, so a question keeps fresh samples."""

    def request(i: int) -> tuple[list[dict[str, str]], GenerationParams]:
        if i - step in failed:
            reply, error = failed[i - step]
            return fix_request(question, i - step, reply, error, max_tokens=max_tokens, seed=seed)
        return program_request(question, i, max_tokens=max_tokens, seed=seed)

    def settled(remaining: int, so_far: list[str | None] | None = None) -> bool:
        """The early-stopping rules, after each sample (``so_far``: the answers up to it, default ``answers``)."""
        got = answers if so_far is None else so_far
        if judged:
            return _decided(candidate, dict(Counter(a for a in got if a is not None)), compare, remaining,
                            against)
        # No candidate: stop once the remaining samples cannot change the majority.
        best, _ = majority(got, quorum)
        if best is not None and Counter(got)[best] >= quorum:
            return True
        return remaining + max(Counter(a for a in got if a).values(), default=0) < quorum

    def outcome(reply: str) -> Any:
        """The task that runs ``reply``'s program in the sandbox: (result, answer, error)."""
        async def run() -> tuple[Any, str | None, str]:
            result = await asyncio.to_thread(run_code, extract_code(reply), timeout_s=timeout_s)
            answer, error = program_answer(result), str(getattr(result, "error", "") or "")[:200]
            if answer is not None and not fits(question, answer):
                answer, error = None, f"{answer} cannot answer a how-many question"
            return result, answer, error
        return asyncio.ensure_future(run())

    # A model that decodes several sequences at once costs little more for a round of one sample per
    # prompt family than for one sample, so it gets rounds; others are asked one sample at a time, so
    # early stopping never pays for a sample it does not need.
    batched = bool(getattr(llm, "decodes_batches", False)) and callable(getattr(llm, "complete_many", None))
    per_round = step if batched else 1
    done = bool(answers) and settled(samples - len(answers))
    for first in range(len(answers), samples if not done else 0, per_round):
        indices = list(range(first, min(first + per_round, samples)))
        have = [(ready or [])[i] for i in indices if i < len(ready or [])]
        todo = indices[len(have):]
        if len(todo) == 1:
            say(prompts.say(language, prompts.STATUS_WRITING_ONE, first=todo[0] + 1, samples=samples))
        elif todo:
            say(prompts.say(language, prompts.STATUS_WRITING_MANY, count=len(todo), first=todo[0] + 1,
                            last=todo[-1] + 1, samples=samples))
        # A round's programs are run as each one ends, in order, while the others are still being written:
        # once those run settle the vote, the rest of the round is stopped unwritten.
        running: dict[int, Any] = {}
        stop = threading.Event()
        loop = asyncio.get_running_loop()

        def ended(i: int, reply: str) -> None:  # on the event loop
            running[i] = outcome(reply)
            running[i].add_done_callback(lambda _task: recheck())

        def recheck() -> None:
            """Stop the round once the programs run so far, taken in order, settle the vote."""
            so_far = list(answers)
            for k in indices:
                task = running.get(k)
                if stop.is_set() or task is None or not task.done() or task.cancelled() or task.exception():
                    return
                so_far.append(task.result()[1])
                if settled(samples - (k + 1), so_far):
                    stop.set()
                    return

        for k, reply in zip(indices, have):
            ended(k, reply)
        listeners = {}
        if batched and len(todo) > 1 and not stop.is_set():
            listeners = {"on_end": lambda j, reply: loop.call_soon_threadsafe(ended, todo[j], reply),
                         "on_token": lambda _j, _piece: stop.is_set()}
        replies = have + (await _generate(llm, [request(i) for i in todo], batched, **listeners) if todo else [])
        for i, reply in zip(indices, replies):
            # Samples are taken in order and the rules applied after each, as without rounds, so a
            # round's later sample is dropped unread when an earlier one settles the vote: the
            # Resolution is the one the same replies give one at a time.
            family = PROMPT_FAMILIES[i % len(PROMPT_FAMILIES)][0]
            fixes = i - step if i - step in failed else None
            if i not in running:
                running[i] = outcome(reply)
            result, answer, error = await running.pop(i)
            if answer is None and fixes is None and fixable(error):
                failed[i] = (reply, error)
            answers.append(answer)
            logs.append({"family": family, "answer": answer, "error": error}
                        | ({"fixes": fixes + 1} if fixes is not None else {}))
            say(prompts.say(language, prompts.STATUS_PROGRAM_GOT, i=i + 1, answer=answer) if answer is not None else
                prompts.say(language, prompts.STATUS_PROGRAM_NONE, i=i + 1))
            if settled(samples - (i + 1)):
                done = True
                break
        for task in running.values():
            task.cancel()  # a program of the round dropped unread: its run is not waited for
        if done:
            break
    # Judged runs stop early (two agreeing programs can settle it): their
    # answer is the plurality of at least VERIFY_VOTES, as ``judge`` counts.
    best, votes = majority(answers, VERIFY_VOTES if judged else quorum)
    pending = {i: list(v) for i, v in failed.items() if i + step >= len(answers)}
    return Resolution(best, votes, logs, answers, pending)


async def _generate(
    llm: Any, requests: list[tuple[list[dict[str, str]], GenerationParams]], batched: bool, **listeners: Any
) -> list[str]:
    """The replies to ``requests``: one ``complete_many`` call in a worker thread when ``batched``
    (the same executor ``agents.llm_io.complete`` generates in), else ``complete`` one by one. ``listeners``
    (``on_token``, ``on_end``) go to ``complete_many``."""
    if not batched:
        return [
            await complete(llm, messages, max_tokens=p.max_tokens, temperature=p.temperature, seed=p.seed,
                           stop=list(p.stop))
            for messages, p in requests
        ]
    batch = [(as_messages(messages), p) for messages, p in requests]
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(llm.complete_many, batch,
                                                                                    **listeners))
