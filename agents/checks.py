"""Code checks on drafts and questions that do not need the model.

- :func:`find_leaks`: does a draft reveal the current problem's answer? (Socratic mode)
- :func:`final_answer_of`: the final answer a piece of text states (a number where there is one);
  :func:`final_answer_phrase`: the whole stated answer, for exact references.
- :func:`false_premises`: impossible premises in a question (found by the verifier).

Each takes the verifier's ``compare_answers`` as an argument, so the graphs
pass the one from their runtime context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tutor.verify.answers import shares_as_fractions
from tutor.verify.chinese import has_chinese, to_ascii_math

NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:\s*/\s*\d+)?")
"""A number not glued to a Latin letter or digit ("x2", "v1.5" are not numbers); glued to Chinese it is ("还剩9页")."""
ANSWER_CUE = re.compile(
    r"(answer|result|solution|total|equals|=|is|are|makes|get|gives|comes to)\s*(is|:|=|would be|will be)?\s*"
    r"\$?\s*(\\boxed\{)?\s*$",
    re.I,
)


def numbers_in(text: str) -> list[str]:
    """Numbers written in ``text`` (``1,000``, ``3.5``, ``3/4``), commas removed."""
    return [m.group(0).replace(",", "").replace(" ", "") for m in NUMBER.finditer(text)]


def _is_verified(check: Any) -> bool:
    return getattr(getattr(check, "status", None), "value", str(getattr(check, "status", ""))) == "verified"


EXPRESSION = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:\s*[-+*×÷/]\s*\d+(?:\.\d+)?)+")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text or "").replace("×", "*").replace("÷", "/")


def find_leaks(
    draft: str,
    *,
    answer: Any,
    answer_text: str,
    statement: str,
    compare: Callable[[str, Any], Any],
) -> list[str]:
    """Spots in ``draft`` that state the answer. Empty list: no leak found.

    A number equal to the answer counts when the problem statement does not
    contain it, or when the draft presents it as a result (``= 12``, ``answer is 12``).
    The answer's own text (e.g. ``x = 3, y = 2``) counts wherever it appears. Chinese is read as well:
    "答案是十二" states 12 (the verifier's reading of Chinese numerals, fractions and full-width forms).
    """
    from tutor.verify.chinese import has_chinese, to_ascii_math

    found = _leaks_in(draft, answer=answer, answer_text=answer_text, statement=statement, compare=compare)
    if has_chinese(draft) or has_chinese(statement):
        ascii_draft, ascii_statement = to_ascii_math(draft), to_ascii_math(statement)
        if (ascii_draft, ascii_statement) != (draft, statement):
            found += _leaks_in(ascii_draft, answer=answer, answer_text=answer_text,
                               statement=statement + "\n" + ascii_statement, compare=compare)
    return sorted(set(found))


def _leaks_in(draft: str, *, answer: Any, answer_text: str, statement: str, compare: Callable[[str, Any], Any]
              ) -> list[str]:
    leaks: list[str] = []
    norm = re.sub(r"\s+", "", answer_text or "").lower()
    if norm and len(norm) >= 2 and not NUMBER.fullmatch(norm) and norm in re.sub(r"\s+", "", draft).lower():
        leaks.append(answer_text)
    in_statement = set(numbers_in(statement))
    for m in NUMBER.finditer(draft):
        token = m.group(0).replace(",", "").replace(" ", "")
        try:
            same = _is_verified(compare(token, answer))
        except Exception:  # noqa: BLE001 - an unparsable token is simply not a leak
            same = False
        if not same:
            continue
        before = draft[max(0, m.start() - 40) : m.start()]
        if token not in in_statement or ANSWER_CUE.search(before):
            leaks.append(token)
    # The answer left as a sum to finish ("you should get 3 + 1" for 4), unless
    # the expression is one the problem itself states.
    flat_statement = _flat(statement)
    for m in EXPRESSION.finditer(draft):
        expr = m.group(0)
        if _flat(expr) in flat_statement:
            continue
        try:
            if _is_verified(compare(expr.replace("×", "*").replace("÷", "/"), answer)):
                leaks.append(expr)
        except Exception:  # noqa: BLE001 - an unparsable expression is simply not a leak
            pass
    # x = 3 style answers: check right-hand sides of '=' too.
    for rhs in re.findall(r"=\s*([^=\n,;]{1,30})", draft):
        rhs = rhs.strip().rstrip(".")
        if not rhs or NUMBER.fullmatch(rhs):
            continue
        try:
            if _is_verified(compare(rhs, answer)):
                leaks.append(rhs)
        except Exception:  # noqa: BLE001
            pass
    return sorted(set(leaks))


FINAL_PATTERNS = (
    re.compile(r"\\boxed\{([^{}]+)\}"),
    re.compile(r"####\s*([^\n]+)"),
    # "The answer is:" with the answer on the next line (a display formula) reads that line
    re.compile(r"final answer\s*(?:is|:|=)?\s*[:：]?\s*\**\s*(?:\$\$|\\\[|\$)?\s*([^\n]+)", re.I),
    re.compile(r"the answer is\s*[:：]?\s*\**\s*(?:\$\$|\\\[|\$)?\s*([^\n]+)", re.I),
    # Chinese (issue 15): 答案是 12 / 答案：12 / 答：还剩9页 / 所以……是 12, up to the sentence's end; Chinese words
    # before the sentence's first number ("答：还剩9页没有看") are skipped, as numbers_in finds no number glued to them
    re.compile(r"(?:最终|最后的?)?答案\s*(?:是|为|[:：])\s*[:：]?(?:[\u4e00-\u9fff ]*?(?=-?\d))?\s*\**\s*\$?\s*"
               r"([^\n。；;！!？?，]+)"),
    re.compile(r"(?:^|\n)\s*\**答\s*[:：](?:[\u4e00-\u9fff ]*?(?=-?\d))?\s*([^\n。；;！!？?]+)"),
    # "所以，x = 7 是这道题的正确答案": the result before the words that name it the answer
    re.compile(r"(?:^|[\n，,：:]|所以|因此|因而)\s*(?:所以|因此|因而)?[，,\s]*([^\n。，,：:是]*?[\dA-Za-z][^\n。，,：:是]*?)\s*(?:就)?是(?:这道题|本题|这个方程|方程|原方程)?的?"
               r"(?:正确|最终)?(?:答案|解)"),
    # "所以……是 12": a result with a number or a letter in it ("所以每段的长度必须是两根彩带长度的公约数" states none)
    re.compile(r"所以[^\n。；;！!？?]*(?:是|为|等于|得)\s*[:：]?\s*\**\s*\$?\s*"
               r"([^\n。；;！!？?，,:：]*[\dA-Za-z][^\n。；;！!？?，,:：]*)"),
)


_ZH_RESULT = re.compile(r"共有|一共|总共|合计|还剩|剩下|等于|是|为")
"""Words after which a Chinese answer sentence states its result (a restated question comes before them)."""


def final_answer_of(text: str) -> str | None:
    """The final answer stated in ``text``: boxed, ``####``, "final answer is", else the last number."""
    for pattern in FINAL_PATTERNS:
        found = pattern.findall(text)
        if found:
            value = shares_as_fractions(found[-1])  # "The answer is 3 out of 10." states 3/10, not 3
            # "The answer is 17 x 7 = 119": the result is after the last '='.
            value = value.rsplit("=", 1)[-1] if numbers_in(value.rsplit("=", 1)[-1]) else value
            # "答案是：6个三角形和1个四边形共有13个角": the result follows the last word that states one
            result = [m for m in _ZH_RESULT.finditer(value) if numbers_in(value[m.end():])]
            if result:
                value = value[result[-1].end():]
            nums = numbers_in(value)
            if nums:
                return nums[0]
            value = value.strip().rstrip(".").strip("*$ ")
            if re.search(r"\w", value):  # "所以……是：" with nothing read after it is no answer
                return value
    nums = numbers_in(text)
    return nums[-1] if nums else None


_VARIABLE = re.compile(r"(?<![A-Za-z\\])[a-zA-Z](?![A-Za-z])\s*[=<>≤≥^²³(+\-*/·×÷\\]|[\d)²³](?![mglLhsKCFVWJNA]\b)[a-zA-Z](?![A-Za-z])"
                       r"|(?:[=<>≤≥+\-*/]|\\[a-z]+)\s*(?<![A-Za-z])[a-zA-Z](?![A-Za-z])")
"""A one-letter name next to math ("x = 2", "3x", "(x - 1)²"). A unit is not one: units are words of two letters
or more, or a single unit letter after a number ("5 m", "5m", "3 h")."""


def symbolic(phrase: str) -> bool:
    """Whether a final answer states math with a variable (an expression, an equation, a set of roots), which a
    single number cannot stand for."""
    return bool(_VARIABLE.search(to_ascii_math(phrase) if has_chinese(phrase) else phrase))


def final_answer_phrase(text: str) -> str | None:
    """The final answer stated in ``text``, whole ("x = -4 or x = 4", "(x + 3)(x + 4)", "x < 7"), or None.

    For comparing with an exact reference: never a number picked out of a set, an
    inequality or an expression (``±4√2`` is not 4).
    """
    for pattern in FINAL_PATTERNS:
        found = pattern.findall(text)
        if found:
            value = found[-1].strip().lstrip(":=：").strip().strip("*$ ").rstrip(".!。！").strip("*$ ")
            value = re.sub(r"\s*\\\]\s*$", "", value).strip()  # the end of a display formula "\[ … \]"
            value = re.sub(r"^\\\(\s*|\s*\\\)$", "", value).strip()  # an inline formula "\( x = 7 \)"
            # "… is sin(x) + C. Ask me if …": the answer ends where the next sentence starts
            value = re.split(r"\.\s+(?=[A-Z][a-z])", value, maxsplit=1)[0].strip().rstrip(".").strip()
            # "答案是：0.6公顷等于6000平方米": what the phrase states is after its last 等于
            stated = value.rsplit("等于", 1)[-1].strip()
            if stated != value and numbers_in(stated):
                value = stated
            return value or None  # "The answer is: 3/2" -> "3/2"
    return None


_CONNECTIVE = r"(?:(?:so|thus|therefore|hence|then)\b|所以|因此|因而|于是|那么|即|故)"
"""A closing sentence's opening "so" (所以, 因此 …), before what it states."""
_LEAD_CONNECTIVE = re.compile(rf"^{_CONNECTIVE}[\s,，:：]*", re.I)


def _closing_sentence(text: str) -> str | None:
    """The reply's last sentence, without display delimiters, markdown stars and its full stop; None if empty."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip().strip("*$\\[]() ")]
    if not lines:
        return None
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])|(?<=[。！？])\s*(?=\S)", lines[-1])[-1]
    return re.sub(r"\\[\[\]()]|\$\$?", " ", sentence).strip().strip("*").strip().rstrip(".!。！").strip()


def closing_chain_sides(text: str) -> list[str]:
    """The sides of an equation chain that is the reply's whole last sentence ("So 2 × 2 × 3 × 7 = 84."), else
    none: for a question that asks for a form, the side written in it is what the line states."""
    sentence = _closing_sentence(text)
    if sentence is None:
        return []
    sentence = _LEAD_CONNECTIVE.sub("", sentence)
    if "=" not in sentence or re.search(r"[A-Za-z]{3,}", sentence):
        return []
    return [side.strip() for side in sentence.split("=") if side.strip()]


def closing_answer(text: str) -> str | None:
    """What the reply's last sentence states, whole, for a reply with no final-answer phrase: "The simplified
    ratio is 2:3." -> "2:3", "3x^3 - 12x = 3x^3 - 12x" -> "3x^3 - 12x", "So x = 5 or x = -1." whole.

    For comparing with an exact reference instead of the last number ("2:3" is not 3, "3x^3 - 12x" not 12).
    """
    sentence = _closing_sentence(text)
    if sentence is None:
        return None
    # "The factored form is 3x(x + 4).", "This gives us 3x(x + 4).", "we get x = 5": what the verb states
    stated = re.split(r"\b(?:is|are|equals|gives(?:\s+us)?|we\s+get|becomes|yields|"
                      r"(?:writ(?:e|ten)|express(?:ed)?|factor(?:s|ed)?|simplif(?:y|ies|ied))\b[^.=]{0,30}?\b(?:as|to))\s+",
                      sentence)
    if len(stated) == 1 and has_chinese(sentence):
        # "因此，(2x - 3)(x + 4)展开等于 2x^2 + 5x - 12": what the last 等于 (得到, 是 …) states
        stated = re.split(r"(?:等于|得到|得出|结果是|答案是|是|为)\s*", _LEAD_CONNECTIVE.sub("", sentence))
    if len(stated) > 1:
        value = stated[-1]
        if "=" in value and not re.match(r"^\s*[A-Za-z]\s*=", value):
            value = value.rsplit("=", 1)[-1]  # "The area is 4.5 m × 3 m = 13.5 m²": the result of the chain
    elif "=" in sentence and not re.match(rf"^{_CONNECTIVE}?[\s,，:：]*[A-Za-z]\s*=", sentence, re.I):
        value = sentence.rsplit("=", 1)[-1]
    elif "=" in sentence:
        value = _LEAD_CONNECTIVE.sub("", sentence)
    elif re.fullmatch(r"[A-Za-z]\s*(?:[<>≤≥]=?|=<|=>)\s*[^<>≤≥=]+", _LEAD_CONNECTIVE.sub("", sentence)):
        # "-2x > 8 / x < -4": a solved inequality, whole (its bound alone, -4, is not the answer)
        value = _LEAD_CONNECTIVE.sub("", sentence)
    else:
        return None
    value = value.strip().strip("*").strip().rstrip(".!:").strip()
    return value if re.search(r"\d|[A-Za-z]\s*[\^*+\-/]|[\^*+\-/]\s*[A-Za-z]", value) else None


_ANGLE_PLACEHOLDER = re.compile(r"<[A-Za-z]{2,}(?:[ :,'/-]+[A-Za-z()]+){2,}>")  # words in brackets, not 3 < 4 > 2
_PLACEHOLDER_ANSWER = re.compile(
    r"^(?:[A-Z]|<[^<>]*>|\[[^\[\]]*\]|\{[^{}]*\}|(?:your|the|exactly that|that) (?:result|answer|number))$", re.I)


def echoes_placeholder(text: str) -> bool:
    """Whether model output copies a template placeholder ("<one sentence greeting the student>")."""
    return bool(_ANGLE_PLACEHOLDER.search(text))


_CLAUSE = re.compile(r"[^.,;:!?()\n，。；：！？（）“”\"']+")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]")
ECHO_HAN, ECHO_WORDS = 10, 8
"""How long a run of the prompt's words must be to count as repeated, not said by chance."""


def echoed_instructions(text: str, instructions: list[str] | tuple[str, ...]) -> list[str]:
    """Runs of ``instructions`` (the prompt's own words) that ``text`` repeats: 10 Chinese characters in a row
    (other characters between them ignored) or 8 English words in a row, inside one clause of the prompt; an
    instruction that is a short label ending in a colon counts when repeated whole.

    A small model sometimes writes its repair note or system prompt back to the student ("你可以把上面学生的消息
    当作第一次回答…", "write your reply to the student's message above as if for the first time").
    "We solve the question step by step" is not an echo; the runs are long enough not to occur by chance.
    """
    han_text = "".join(_HAN_RUN.findall(text))
    words_text = " " + " ".join(re.findall(r"[a-z']+", text.lower())) + " "
    found = []
    for instruction in instructions:
        if len(instruction) <= 16 and instruction.endswith((":", "：")):
            # a note's short label ("Exact answer:", "最后写："): said verbatim, the reply copied the note
            if instruction in text:
                found.append(instruction)
            continue
        for clause in _CLAUSE.findall(re.sub(r"\{\w*\}", ",", instruction)):
            han = "".join(_HAN_RUN.findall(clause))
            for i in range(len(han) - ECHO_HAN + 1):
                if han[i:i + ECHO_HAN] in han_text:
                    found.append(han[i:i + ECHO_HAN])
                    break
            words = re.findall(r"[a-z']+", clause.lower())
            for i in range(len(words) - ECHO_WORDS + 1):
                run = " ".join(words[i:i + ECHO_WORDS])
                if f" {run} " in words_text:
                    found.append(run)
                    break
    return found


def is_placeholder_answer(final: str | None, question: str = "") -> bool:
    """A final answer that is a template's stand-in ("N", "<answer>", "your result"), not a result.

    A single letter counts only when the question does not use it (so "x" for "solve for x" is fine).
    """
    if not final:
        return False
    final = final.strip().strip(".*$ ")
    if not _PLACEHOLDER_ANSWER.match(final):
        return False
    return not (len(final) == 1 and re.search(rf"\b{re.escape(final)}\b", question))


def false_premises(question: str) -> list[str]:
    """Why the question cannot be answered as asked, in words for a student (empty if none found).

    The math lives in the verifier (:func:`tutor.verify.false_premises`); this name stays for the graphs.
    """
    from tutor.verify import false_premises as found_by_verifier

    return found_by_verifier(question)
