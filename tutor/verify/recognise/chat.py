"""Chat around a question: a parent's preamble, a trailing request, a trailing remark.

"my son is stuck on 2x + 3 = 11", "2(x+3) = 4x - 8 what is x", "what is 8 x 13 my daughter says 104 but
i think thats wrong": :func:`unwrap` peels the wrapper and hands back the question inside, which the
forms then read as usual. A remark is cut off whole, so a number in it ("says 104") is never read as
part of the math; a remark that changes what is asked ("... answer to the nearest tenth") leaves the
question alone. Only words, never digits, are peeled from the front, so no part of the math is lost.
"""

from __future__ import annotations

import re

from tutor.verify.recognise.reading import NUM, normalise

_KID = (r"(?:my|our) (?:son|daughter|kid|child|boy|girl|little one|student|niece|nephew|grandson|granddaughter"
        r"|\w+ (?:year old|grader))")
_THIS = r"this(?: one| problem| question| equation)?"
"""What a parent points at: "stuck on this one:", "help me with this problem:"."""
_PREAMBLE = re.compile(
    r"^(?:"
    rf"{_KID}(?:'s| is| has| needs| got| was| keeps)?[a-z' ]*?(?:stuck on|struggling with|help with|homework"
    r"(?: question| problem)?|question|problem|asked me|working on|trying to do|trying to work out|doing)"
    rf"(?: is| was)?\s*(?:{_THIS})?\s*[:,-]?\s+"
    rf"|{_KID} (?:has to|have to|needs to|need to|must|is trying to|is supposed to|(?:is|was|got) asked to)\s+"
    r"(?=(?:find|work out|calculate|solve|simplify|factor|expand|evaluate|convert|differentiate|integrate)\b)"
    r"|(?:i'?m |im |i am |we'?re |we are )?(?:stuck on|struggling with|confused by|confused about|working on)"
    rf"(?: {_THIS})?\s*[:,-]?\s+"
    r"|(?:can|could|would) (?:someone|anyone|somebody|some one|any one|you|u) (?:please )?(?:help(?: me| us)?"
    rf"(?: with| on)?|explain|show me how to do|do)(?: {_THIS})?\s*[:,-]?\s+"
    r"|(?:can|could) (?:someone|anyone|somebody|some one|any one)(?: please)?\s+(?=solve|work out|find|simplify|"
    r"factor|expand|evaluate|calculate|differentiate|integrate)"
    rf"|how (?:do|would|should|can|did) (?:i|you|we|u) (?:do|answer|figure out|work out)(?: {_THIS})?\s*[:,-]?\s+"
    rf"|(?:need |i need |we need )?help (?:me )?(?:with|on)(?: {_THIS})?\s*[:,-]?\s+"
    r"|homework(?: question| problem)?\s*[:,-]\s*"
    # a label before the question: "hw question: ...", "hw: ...", "problem 3) ...", "#5: ..." (a number
    # in the label is the question's number, not its math: only with a label word or '#' and a ':' or ')')
    r"|(?:(?:hw|home ?work|question|problem|exercise|ex|task|worksheet|practice|q)(?: question| problem| q)?"
    r"(?:\s*(?:#|no\.?|number)?\s*\d{1,3}[a-z]?)?|#\s*\d{1,3}[a-z]?)\s*[:)]\s*(?=\S)"
    rf"|(?:do|answer)(?: {_THIS})?\s*[:,-]?\s+(?=[-\d(a-z])"  # what is left of "how do you do ..."
    r"|(?:how (?:to|do (?:i|you|we|u)|would (?:i|you|we|u)) )(?=(?:find|work out|calculate|get)\b)"
    r")", re.I)

_VARS = r"[a-z](?:\s*(?:,|and|&)\s*[a-z]){0,2}"
_REQUEST = re.compile(
    rf"^(?P<core>.+?\S)\s*[,.;:!?-]*\s*(?:"
    r"(?:so |then |now )?(?:what (?:are|r|is|'s|s) (?:the )?(?:answers?|solutions?|roots?|zeros?|zeroes)"
    rf"|what (?:is|are|'s|s|does|do|would be) (?P<what>{_VARS})(?: equal| equals)?"
    rf"|(?:find|work out|solve for|what are|what r) (?:the values? of )?(?P<find>{_VARS})"
    r"|(?:answer|do|work out) (?:it|this|that)|how (?:do|would|can) (?:i|you|we|u) (?:solve|do|work out|"
    r"answer) (?:it|this|that)|(?:can|could) (?:you|someone|anyone|u) (?:solve|help with|do) (?:it|this|that)"
    r"|any help|help"
    # the command typed after the math, as students type it: "x^2+7x+12 factor", "2x+y=11 and x-y=1 solve the system"
    r"|(?P<verb>solve|factor|factorise|factorize|expand|simplify)(?: (?:it|this|that|(?:the |this )?(?:system"
    r"(?: of equations)?|equations?|inequality|expression)))?(?: (?:please|pls|plz))?"
    # the form asked for after the math: "3/4 + 5/6 = ? simplest form"
    r"|(?P<form>(?:(?:give |write )?(?:the answer |it )?(?:in|to|into|as) )?(?:its |the )?(?:simplest|lowest) (?:form|terms)"
    r"(?: (?:please|pls|plz))?))"
    r")$", re.I)

_ANSWERISH = rf"(?:[a-z]\s*=\s*)?{NUM}(?:\s*(?:or|and|,)\s*(?:[a-z]\s*=\s*)?{NUM})*"
_REMARK = re.compile(
    rf"^(?P<core>.+?\S)\s*[,.;:!?-]*\s*(?:"
    rf"(?:or |and )?(?:is it|is that|is the answer|would it be|should it be|is it just|does it equal) {_ANSWERISH}"
    r"(?:\s*[?!.]*\s*(?:or not|right|correct))?"
    r"|(?:but |and |because )?(?:i|we|he|she|they) (?:got|gets?|think|thinks|thought|keep getting|kept getting|put|wrote|said|says)"
    r"\b.*"
    rf"|(?:but |and )?{_KID}(?:'s answer)? (?:says|said|got|gets|thinks|think|put|wrote|keeps getting|answered)\b.*"
    r"|(?:but |and )?the (?:book|answer key|textbook|teacher|answer sheet|back of the book) (?:says|said|has|gives)\b.*"
    r")$", re.I)
_CHANGES_THE_QUESTION = re.compile(
    r"\b(?:round|rounded|nearest|decimal|places?|d\.?p|fraction|percent|percentage|simplest|lowest|form|"
    r"significant|s\.?f|units?|express|write|written|answer in|as an?|in terms of|exact|estimate|approx\w*|"
    r"radians?|degrees?|mixed|improper|negative|positive|only|integer|whole)\b", re.I)


def unwrap(text: str) -> str | None:
    """The question inside a chat wrapper, rewritten for the forms; None when there is no wrapper to peel."""
    core, changed = text, False
    for _ in range(4):
        before = core
        m = _REMARK.fullmatch(core)
        if m:
            if _CHANGES_THE_QUESTION.search(core[m.end("core"):]):
                return None  # "... my teacher says round it to the nearest ten": not the same question
            core = m.group("core")
        core = normalise(_PREAMBLE.sub("", core, count=1))
        m = _REQUEST.fullmatch(core)
        if m:
            verb = (m.group("verb") or "").lower()
            if m.group("form"):
                core = re.sub(r"\s*=\s*\??$", "", m.group("core")) + " in simplest form"
            else:
                core = (f"{verb} {m.group('core')}" if verb and verb != "solve"
                        else _as_request(m.group("core"), m.group("what") or m.group("find")))
            if core is None:
                return None
        core = normalise(core)
        if core == before:
            break
        changed = True
    return core if changed and core else None


def _as_request(core: str, variables: str | None) -> str | None:
    """The core with its trailing request written as a form the recogniser reads."""
    equations = len(re.findall(r"(?<![<>!])=", core))
    if variables is None:
        return f"solve {core}" if equations or re.search(r"[<>≤≥]", core) else core
    names = re.findall(r"[a-z]", re.sub(r"\band\b", ",", variables, flags=re.I))
    if len(set(names)) != len(names) or equations == 0:
        return None
    if len(names) == 1:
        return f"solve for {names[0]}: {core}" if equations == 1 else None  # "find x" in a system: which answer?
    if equations != len(names):
        return None
    letters = set(re.findall(r"(?<![A-Za-z])[a-z](?![A-Za-z])", core))
    return f"solve {core}" if letters == set(names) else None
