"""Stories: parts of a whole over 100%, taking away more than there is, consecutive numbers."""

from __future__ import annotations

import re
from fractions import Fraction

from tutor.verify.premises.reading import _D, _sentences, _num, _show

_CHANGE = re.compile(
    r"\b(?:up|down|increase\w*|decrease\w*|rise|rose|fall|fell|grew|grow\w*|discount\w*|off|tax|tip|interest|more|"
    r"less|profit|loss|markup|raised?|cut|reduced?|then|price|chance|probability|likelihood|both|also|too|at least)\b",
    re.I)
_PARTITIONS = [("boys", "girls"), ("yes", "no"), ("male", "female"), ("men", "women"), ("adults", "children"),
               ("passed", "failed"), ("pass", "fail"), ("true", "false"), ("right", "wrong"), ("correct", "wrong")]
_WHOLE = re.compile(r"\b(?:pie chart|circle graph|made up of|consists? of|split into|divided into|has only|"
                    r"contains only|only \w+ and \w+|the rest)\b", re.I)
_SHARE_OF = re.compile(r"%\s+(?:of\s+(?:the|all|its|his|her|their|our|my|your|a)?\s*(?:\w+\s+)?|on\s+)?(?:income|salary|"
                       r"budget|pay|paycheck|earnings|allowance|wages|votes?|ballots|land|farm|field|garden|day|pie|pizza|"
                       r"cake|rent|food|transport)\b", re.I)
"""Shares of one thing that can't overlap: a budget, the votes of an election, a field, a day."""
_OVERLAP = re.compile(r"\b(?:like|likes|enjoy|enjoys|love|loves|play|plays|speak|speaks|have|has|own|owns|read|reads|"
                      r"watch|watches|both|also|some|at least|either)\b", re.I)
"""Groups that may overlap (a child can like two fruits): their shares need not add up to 100%."""
_GROUP = r"(?:students|pupils|class|children|kids|people|members|players|voters|employees|workers|team|school)"


def _percent_parts(text: str) -> list[str]:
    found = []
    for sentence in _sentences(text):
        if _CHANGE.search(sentence):
            continue
        over = re.search(rf"({_D})\s*(?:%|percent\b)\s+of\s+(?:the|all|our|his|her|their|its)?\s*{_GROUP}\b", sentence,
                         re.I)
        if over and _num(over.group(1)) > 100:
            found.append(f"A part of a group can't be more than the whole group, so {over.group(1)}% is impossible.")
            continue
        parts = [_num(m.group(1)) for m in re.finditer(rf"({_D})\s*(?:%|percent\b)", sentence, re.I)]
        if not 2 <= len(parts) <= 6 or sum(parts) <= 100:
            continue
        lower = sentence.lower()
        if _WHOLE.search(sentence) or _SHARE_OF.search(sentence) or (
                len(parts) >= 3 and re.search(rf"\b{_GROUP}\b", sentence, re.I)
                and not _OVERLAP.search(sentence)) or any(re.search(rf"\b{a}\b", lower) and re.search(rf"\b{b}\b", lower)
                                          for a, b in _PARTITIONS):
            listed = " + ".join(f"{_show(p)}%" for p in parts)
            found.append(f"The parts of a whole add up to 100%, but {listed} = {_show(sum(parts))}%.")
    return found


# -- stories -------------------------------------------------------------------------------------------

_INT = r"(?<![\d.,])\$?\d{1,12}(?![\d]|[.,]\d)"
_FUNCTION_WORDS = {"of", "on", "at", "from", "to", "and", "in", "for", "each", "with", "more", "them", "the", "a",
                   "her", "his", "their", "its", "that", "this", "but", "then", "so", "away", "out", "got", "get"}
_HAS = r"\b(?:has|had|have|owns|owned|holds|held|keeps|kept|there\s+(?:are|were|is|was)|contains|contained|" \
       r"carries|carried|starts?\s+with|started\s+with|began\s+with|saved|collected)"
_TAKE = r"\b(?:sells|sold|sell|gives|gave|give|eats|ate|eat|loses|lost|lose|spends|spent|spend|uses|used|use|" \
        r"takes|took|take|removes|removed|remove|donates|donated|donate|breaks|broke|throws|threw|drops|dropped|" \
        r"hands|handed|pops|popped|shares|shared|pays|paid|pay|pours|poured|pour|drinks|drank|drink|withdraws|" \
        r"withdrew|withdraw|cuts|cut|sends|sent|send|mails|mailed|plants|planted|feeds|fed|bakes\s+with|fills|filled)" \
        r"(?:\s+(?:away|out|off))?(?:\s+(?:in|with)\s+cash|\s+cash)?"
_ADD = r"\b(?:buys|bought|buy|gets|got|get|receives|received|finds|found|earns|earned|adds|added|picks|picked|" \
       r"collects|collected|wins|won|makes|made|bakes|baked|another)"
_RATE = re.compile(r"^\s*(?:\w+\s+)?(?:each|every|per|a|an)\s+(?:day|week|month|year|hour|minute|time)\b|^\s*\w*\s*"
                   r"(?:daily|weekly|monthly|each|every|per)\b", re.I)


def _noun(word: str | None) -> str | None:
    if not word or word.lower() in _FUNCTION_WORDS:
        return None
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


_GO = r"(?:(?:got|get|gets|stepped|step|steps|jumped|jump|jumps|fell|fall|falls)\s+(?:off|out)|(?:flew|fly|flies|ran|run|" \
      r"runs|swam|swim|swims|hopped|hop|hops|walked|walk|walks|rolled|roll|rolls|blew|blow|blows)\s+away|popped|pop|" \
      r"pops|burst|bursts|left|leave|leaves|melted|melt|melts|broke|break|breaks|escaped|escape|escapes|died|die|dies)"
_COME = r"(?:(?:got|get|gets|stepped|step|steps|jumped|jump|jumps|climbed|climb|climbs)\s+(?:on|in|aboard)|came|come|" \
        r"comes|joined|join|joins|arrived|arrive|arrives)"
_COMPARE = re.compile(r"\b(?:how many more|how many fewer|how much more|how much less|than|difference|compare\w*|"
                      r"before|originally|at first|to begin with|start(?:ed)? with\?)", re.I)


def _negative_quantity(text: str) -> list[str]:
    """A story that takes away more than there is ("has 5 apples and sells 8", "gave away 12 of her 7")."""
    m = re.search(rf"{_TAKE}\s+({_INT})\s+of\s+(?:her|his|their|the|its|my|your|our)\s+({_INT})\b", text, re.I)
    if m and int(m.group(1).lstrip("$")) > int(m.group(2).lstrip("$")):
        return [f"You can't take {m.group(1)} out of only {m.group(2)}: there aren't that many."]
    if _COMPARE.search(text):
        return []  # a comparison or a story told backwards: the amounts need not be one running total
    events = []  # (position, sign, amount, noun, refers back with "of them") in the order the story tells them
    spans = []
    for sign, pattern in ((0, rf"{_HAS}\s+(?:only\s+|just\s+)?({_INT})\s*([a-z]+)?"),
                          (-1, rf"{_TAKE}\s+({_INT})\s*([a-z]+)?"),
                          (-1, rf"({_INT})\s+(?:of\s+(?:them|these|those|the\s+[a-z]+)\s+)?([a-z]+)?\s*{_GO}\b"),
                          (1, rf"{_ADD}\s+(?:another\s+)?({_INT})\s*([a-z]+)?"),
                          (1, rf"({_INT})\s+(?:more\s+)?([a-z]+)?\s*{_COME}\b")):
        for hit in re.finditer(pattern, text, re.I):
            tail = text[hit.end():hit.end() + 30]
            if sign and _RATE.match(tail):
                return []  # a rate ("sells 8 a day") is not a single take-away
            events.append((hit.start(1), sign, int(hit.group(1).lstrip("$")),
                           "$" if hit.group(1).startswith("$") else _noun(hit.group(2)),
                           bool(re.match(r"\s*of\s+(?:them|these|those)\b", text[hit.end(1):hit.end(1) + 20], re.I))))
            spans.append(hit.span(1))
    # "pours out 3 glasses of 100 mL each": one take-away of 3 × 100 mL
    for hit in re.finditer(rf"{_TAKE}\s+({_INT})\s+[a-z]+\s+of\s+({_INT})\s*([a-z]+)?\s+each\b", text, re.I):
        events = [e for e in events if e[0] not in (hit.start(1), hit.start(2))]
        events.append((hit.start(1), -1, int(hit.group(1).lstrip("$")) * int(hit.group(2).lstrip("$")),
                       "$" if hit.group(2).startswith("$") else _noun(hit.group(3)), False))
        spans += [hit.span(1), hit.span(2)]
    # "pays $5 for lunch and then $6 for a book": the verb left out, the same kind of step again
    for hit in re.finditer(rf"(?:,|\band)\s+(?:then\s+)?(?:another\s+)?({_INT})\s*([a-z]+)?\s+(?:(?:in\s+)?cash\s+)?"
                           rf"(?:for|on|to)\b", text, re.I):
        before = [e for e in events if e[0] < hit.start(1)]
        if before and hit.span(1) not in spans:
            last = max(before)
            events.append((hit.start(1), last[1], int(hit.group(1).lstrip("$")),
                           "$" if hit.group(1).startswith("$") else _noun(hit.group(2)), False))
            spans.append(hit.span(1))
    numbers = [n.span() for n in re.finditer(rf"{_INT}|\d+", text)]
    if not events or any(span not in spans for span in numbers):
        return []  # a number the story model doesn't place: stay silent
    events.sort()
    stock = [e for e in events if e[1] == 0]
    # The story starts with what there is: "has 5", or "made 20 … sold 35 of them" (the take refers back).
    if len(stock) > 1 or events[0][1] < 0 or not stock and not any(e[4] for e in events if e[1] < 0):
        return []
    _pos, _sign, amount, unit, _back = events[0]
    for _pos, sign, n, noun, _back in events[1:]:
        if noun and unit and noun != unit:
            return []
        amount += (sign or 1) * n
        if amount < 0:
            return [f"The story takes away {n} when there are only {amount + n}, so the amount would go below zero."]
    return []


def _consecutive(text: str) -> list[str]:
    """k consecutive (even/odd) whole numbers that cannot add up to the stated sum."""
    counts = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
    kinds = r"(?P<k>two|three|four|five|[2-5])\s+consecutive\s+(?P<p>even\s+|odd\s+)?(?:positive\s+)?" \
            r"(?:whole\s+|natural\s+|counting\s+)?(?:numbers|integers)"
    m = (re.search(rf"\b{kinds}\b[^.?!\d]{{0,30}}?\b(?:add\s+up\s+to|adds\s+up\s+to|sum\s+to|total|have\s+a\s+sum\s+of|"
                   rf"make)\s+(?P<s>{_D})", text, re.I)
         or re.search(rf"\bsum\s+of\s+{kinds}\s+(?:is|=|equals|was)\s+(?P<s>{_D})", text, re.I))
    if not m or "." in m.group("s"):
        return []
    k, total, parity = counts[m.group("k").lower()], int(m.group("s")), (m.group("p") or "").strip().lower()
    step = 2 if parity else 1
    first = Fraction(total - step * k * (k - 1) // 2, k)
    if first.denominator != 1:
        why = "a whole number"
    elif parity == "even" and first.numerator % 2 or parity == "odd" and not first.numerator % 2:
        why = parity
    else:
        return []
    described = f"consecutive {parity} numbers" if parity else "consecutive whole numbers"
    return [f"No {k} {described} add up to {total}: the first would have to be {_show(first)}, which is not {why}."]
