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
                    r"contains only|only \w+ and \w+|the rest|exactly one|only one|just one|nothing else|no other|"
                    r"one of (?:the|these|those|two|three|four|five)|split (?:like|as|between|among)|of it|budget|"
                    r"left over|leftover|was left|is left|are left|remaining|remains)\b", re.I)
"""Words that make the parts exclusive shares of one whole ("every student chose exactly one", "of it")."""
_SHARE_OF = re.compile(r"%\s+(?:of\s+(?:the|all|its|his|her|their|our|my|your|a)?\s*(?:\w+\s+)?|on\s+)?(?:income|salary|"
                       r"budget|pay|paycheck|earnings|allowance|wages|votes?|ballots|land|farm|field|garden|day|pie|pizza|"
                       r"cake|rent|food|transport)\b", re.I)
"""Shares of one thing that can't overlap: a budget, the votes of an election, a field, a day."""
_EATEN = re.compile(r"\b(?:ate|eats|eaten|drank|drinks|used|uses|took|takes|got|gets|spent|spends|picked|chose|voted)\b",
                    re.I)
"""Shares of one thing taken by different people: only one of them can have any given part."""
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
        shares = [(m.start(), _num(m.group(1))) for m in re.finditer(rf"({_D})\s*(?:%|percent\b)", sentence, re.I)]
        if shares:  # "3/5 of it is wheat, 25% is corn": a fraction of the whole is a share too
            shares += [(m.start(), _num(m.group(1)) * 100)
                       for m in re.finditer(r"(?<![\d/])(\d{1,3}\s*/\s*\d{1,3})\s+(?:of|goes|go|is|are|was|were|"
                                            r"on|for|to)\b", sentence)]
        parts = [v for _pos, v in sorted(shares) if v is not None]
        if not 2 <= len(parts) <= 6 or sum(parts) <= 100:
            continue
        lower = sentence.lower()
        # the words that make the parts one whole may be in another sentence ("… what percent was left over")
        if _WHOLE.search(sentence) or _WHOLE.search(text) and _EATEN.search(sentence) or _SHARE_OF.search(sentence) or (
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
        r"withdrew|withdraw|cuts|cut|sends|sent|send|mails|mailed|plants|planted|feeds|fed|bakes\s+with|fills|filled|" \
        r"draws|drew|draw|drains|drained|drain)" \
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


_AMOUNT = r"(?<![\d.,])\$?\d{1,12}(?:,\d{3})*(?:\.\d{1,3})?(?![\d]|[.,]\d)"
_PASSIVE = r"(?:were|was|are|is|got|get|gets)\s+(?:used|sold|eaten|spent|taken|drunk|lost|removed|poured\s+out|" \
           r"given\s+away|drained|withdrawn|cut\s+off|sawn\s+off|sawed\s+off|broken|thrown\s+away)"
_SAW = r"\b(?:saws|sawed|saw|chops|chopped|snips|snipped)\s+off"


def _amount(text: str, tail: str = "") -> Fraction:
    """'$1,200' → 1200, '12.50' → 25/2; '2' before 'dozen' → 24 (number words are digits by now: ``words_to_numbers``)."""
    value = Fraction(text.lstrip("$").replace(",", ""))
    return value * 12 if re.match(r"\s+dozen\b", tail, re.I) else value


def _unit(number: str, word: str | None) -> str | None:
    if word and word.lower() == "dozen":
        return None
    return "$" if number.startswith("$") else _noun(word)


def _money(value: Fraction, unit: str | None) -> str:
    if unit != "$":
        return _show(value)
    return f"${value.numerator // value.denominator}" if value.denominator == 1 else f"${float(value):.2f}"


def _story_events(text: str) -> tuple[list[tuple], list[tuple[int, int]]]:
    """(position, sign, amount, unit, refers back) for each step of a story, and the spans of the numbers read.

    sign 0: what there is ("has 5", "holds 500 L"); -1: taken away ("sells 8", "180 L were used", "for $12.50");
    +1: added ("buys 3 more", "4 came").
    """
    events, spans = [], []

    def add(start: int, end: int, sign: int, number: str, word: str | None, back: bool = False) -> None:
        events.append((start, sign, _amount(number, text[end:end + 8]), _unit(number, word), back))
        spans.append((start, end))

    for sign, pattern in ((0, rf"{_HAS}\s+(?:only\s+|just\s+|a\s+|an\s+)?({_AMOUNT})\s*([a-z]+)?"),
                          (0, rf"\b(?:is|was)\s+({_AMOUNT})\s*([a-z]+)\s+(?:long|in\s+length)\b"),
                          (-1, rf"{_TAKE}\s+({_AMOUNT})\s*([a-z]+)?"),
                          (-1, rf"({_AMOUNT})\s+(?:of\s+(?:them|these|those|the\s+[a-z]+)\s+)?([a-z]+)?\s*{_GO}\b"),
                          (-1, rf"({_AMOUNT})\s*([a-z]+)?\s+(?:of\s+[a-z]+\s+)?{_PASSIVE}\b"),
                          (1, rf"{_ADD}\s+(?:another\s+)?({_AMOUNT})\s*([a-z]+)?"),
                          (1, rf"({_AMOUNT})\s+(?:more\s+)?([a-z]+)?\s*{_COME}\b")):
        for hit in re.finditer(pattern, text, re.I):
            if sign and _RATE.match(text[hit.end():hit.end() + 30]):
                return [], []  # a rate ("sells 8 a day") is not a single take-away
            if hit.span(1) in spans:
                continue
            back = bool(re.match(r"\s*of\s+(?:them|these|those)\b", text[hit.end(1):hit.end(1) + 20], re.I))
            add(*hit.span(1), sign, hit.group(1), hit.group(2), back)
    # "pours out 3 glasses of 100 mL each", "saws off three pieces that are each 1.5 m long": one take of 3 × 100 mL
    for hit in re.finditer(rf"(?:{_TAKE}|{_SAW})\s+({_AMOUNT})\s+[a-z]+\s+(?:that\s+are\s+|which\s+are\s+|of\s+)?"
                           rf"(?:each\s+)?({_AMOUNT})\s*([a-z]+)?(?:\s+long)?\s*(?:each)?", text, re.I):
        if "each" not in hit.group(0).lower():
            continue
        events[:] = [e for e in events if e[0] not in (hit.start(1), hit.start(2))]
        spans[:] = [sp for sp in spans if sp not in (hit.span(1), hit.span(2))]
        events.append((hit.start(1), -1, _amount(hit.group(1)) * _amount(hit.group(2)), _unit(hit.group(2), hit.group(3)),
                       False))
        spans += [hit.span(1), hit.span(2)]
    # money paid for things: "bought a book for $12.50 and then a pen set for $9.75" (a price alone, "the clarinet
    # costs $90", is not money spent)
    for hit in re.finditer(r"\bfor\s+(\$\d[\d,]*(?:\.\d{1,2})?)(?![\d])", text, re.I):
        sentence = re.split(r"[.!?;]\s", text[:hit.start()])[-1]
        if hit.span(1) not in spans and re.search(r"\b(?:bought|buys|buy|paid|pays|pay|spent|spends|spend)\b", sentence,
                                                  re.I):
            add(*hit.span(1), -1, hit.group(1), None)
    # the verb left out, the same kind of step again: "pays $5 for lunch and then $6 for a book", "on Monday 180 L
    # were used, on Tuesday 210 L and on Wednesday 140 L"
    for hit in re.finditer(rf"(?:,|\band)\s+(?:then\s+)?(?:another\s+)?(?:(?:on|in|at)\s+[A-Za-z]+\s+)?({_AMOUNT})\s*"
                           rf"([a-z]+)?(?=\s+(?:(?:in\s+)?cash\s+)?(?:for|on|to)\b|\s*[.,;]|\s+and\b|"
                           rf"\s+(?:in|on|at|during)\s+(?:the\s+)?[a-z]+\s*[.,;])", text, re.I):
        before = [e for e in events if e[0] < hit.start(1)]
        if before and hit.span(1) not in spans:
            add(*hit.span(1), max(before)[1], hit.group(1), hit.group(2))
    return sorted(events), spans


def _negative_quantity(text: str) -> list[str]:
    """A story that takes away more than there is ("has 5 apples and sells 8", "gave away 12 of her 7")."""
    m = re.search(rf"{_TAKE}\s+({_AMOUNT})\s+of\s+(?:her|his|their|the|its|my|your|our)\s+({_AMOUNT})\b", text, re.I)
    if m and _amount(m.group(1)) > _amount(m.group(2)):
        return [f"You can't take {m.group(1)} out of only {m.group(2)}: there aren't that many."]
    if _COMPARE.search(text):
        return []  # a comparison or a story told backwards: the amounts need not be one running total
    events, spans = _story_events(text)
    numbers = [n.span() for n in re.finditer(rf"{_AMOUNT}|\d+", text)]
    if not events or any(span not in spans for span in numbers):
        return []  # a number the story model doesn't place: stay silent
    stock = [e for e in events if e[1] == 0]
    if not stock and events[0][1] > 0 and not any(e[1] > 0 for e in events[1:]):
        stock = [events[0]]  # "a farmer collects 36 eggs, sells 2 dozen…": what was gathered is what there is
        events[0] = (events[0][0], 0, *events[0][2:])
    # The story starts with what there is: "has 5", or "made 20 … sold 35 of them" (the take refers back).
    if len(stock) > 1 or events[0][1] < 0 or not stock and not any(e[4] for e in events if e[1] < 0):
        return []
    _pos, _sign, amount, unit, _back = events[0]
    for _pos, sign, n, noun, _back in events[1:]:
        if noun and unit and noun != unit:
            return []
        amount += (sign or 1) * n
        if amount < 0:
            return [f"The story takes away {_money(n, unit)} when there {'is' if unit == '$' else 'are'} only "
                    f"{_money(amount + n, unit)}, so the amount would go below zero."]
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


_CAPACITY = re.compile(rf"\b(?:holds|can hold|capacity\s+(?:of|is)|fits)\s+({_AMOUNT})\s*([a-z]+)?", re.I)
_CONTENTS = re.compile(rf"\b(?:already\s+(?:has|holds|contains|is\s+holding)|there\s+(?:is|are)\s+already|already\s+"
                       rf"in\s+it\s+(?:is|are))\s+({_AMOUNT})\s*([a-z]+)?", re.I)


def _over_capacity(text: str) -> list[str]:
    """A container said to hold more than its capacity: 'holds 50 litres when full … already has 80 litres'."""
    cap, has = _CAPACITY.search(text), _CONTENTS.search(text)
    if not cap or not has:
        return []
    unit_cap, unit_has = _noun(cap.group(2)), _noun(has.group(2))
    if unit_cap and unit_has and unit_cap != unit_has:
        return []
    if _amount(has.group(1)) > _amount(cap.group(1)):
        return [f"It can hold only {cap.group(1)}{' ' + cap.group(2) if cap.group(2) else ''}, so it can't already "
                f"have {has.group(1)}{' ' + has.group(2) if has.group(2) else ''} in it."]
    return []


_NONE_LEFT = re.compile(r"\b(?:none|nothing|no\s+\w+)\s+(?:is\s+|are\s+)?left(?:\s+over)?\b|\bnobody\s+(?:is\s+)?"
                        r"(?:left\s+out|left\s+over|\w+\s+(?:on\s+their\s+own|alone))|\bno\s+one\s+(?:is\s+)?(?:left\s+out|"
                        r"alone|on\s+their\s+own)|\bnobody\s+breaks|"
                        r"\bevery(?:one|body|\s+member|\s+child|\s+student)\s+(?:is\s+)?(?:on|in)\s+exactly\s+one\b|"
                        r"\bthey\s+all\s+\w+\s+in\s+(?:pairs|twos|groups|teams)", re.I)
_GROUP_SIZE = re.compile(r"\b(?:in\s+pairs|into\s+pairs|in\s+twos)\b|\b(?:teams?|groups?|rows?|tables?|boxes|bags|packs|"
                         rf"cars|buses)\s+of\s+({_AMOUNT})\b", re.I)
_SHARERS = re.compile(rf"\b(?:the\s+)?({_AMOUNT})\s+of\s+(?:you|us|them)\b|\bequally\s+(?:among|between|by)\s+"
                      rf"(?:the\s+|her\s+|his\s+|their\s+)?({_AMOUNT})\b", re.I)
_TOTAL = re.compile(rf"(?<![\d.])({_AMOUNT})\s+(?:[a-z]+\s+)?(?:[a-z]+s|people|children|members|kids|sheep|fish)\b", re.I)


def _uneven_split(text: str) -> list[str]:
    """Whole things split into equal whole groups with none left over, when the numbers don't divide:
    18 cookies among 4, 13 children in pairs, 31 members in teams of 6."""
    if not _NONE_LEFT.search(text):
        return []
    size = _GROUP_SIZE.search(text)
    share = _SHARERS.search(text)
    if size:
        k = 2 if size.group(1) is None else int(_amount(size.group(1)))
    elif share:
        k = int(_amount(share.group(1) or share.group(2)))
    else:
        return []
    used = {size.start(1) if size and size.group(1) else -1} | ({share.start(1), share.start(2)} if share else set())
    totals = [m for m in _TOTAL.finditer(text) if m.start(1) not in used]
    if len(totals) != 1 or k < 2:
        return []
    n = _amount(totals[0].group(1))
    if n.denominator != 1 or n % k == 0:
        return []
    q, r = divmod(int(n), k)
    return [f"{int(n)} can't be split into equal whole groups of {k} (or among {k}) with none left over: "
            f"{int(n)} ÷ {k} = {q} remainder {r}."]


_HEADS = re.compile(rf"({_AMOUNT})\s+heads\b", re.I)
_LEGS = re.compile(rf"({_AMOUNT})\s+(?:legs|feet)\b", re.I)
_TWO_LEGGED = r"(?:chickens?|hens?|ducks?|geese|birds?|people|turkeys?|ostriches)"
_FOUR_LEGGED = r"(?:cows?|pigs?|rabbits?|sheep|goats?|horses?|dogs?|cats?|lambs?)"


def _heads_and_legs(text: str) -> list[str]:
    """Two-legged and four-legged animals: the legs must be even and between 2 and 4 per head."""
    heads, legs = _HEADS.search(text), _LEGS.search(text)
    if not (heads and legs and re.search(rf"\b{_TWO_LEGGED}\b", text, re.I) and re.search(rf"\b{_FOUR_LEGGED}\b", text,
                                                                                          re.I)):
        return []
    h, g = _amount(heads.group(1)), _amount(legs.group(1))
    if g % 2:
        return [f"Every animal here has 2 or 4 legs, so the legs add up to an even number, not {_show(g)}."]
    if not 2 * h <= g <= 4 * h:
        return [f"{_show(h)} animals with 2 or 4 legs each have between {_show(2 * h)} and {_show(4 * h)} legs, "
                f"not {_show(g)}."]
    return []
