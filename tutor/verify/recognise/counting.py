"""Counting questions: the factors of a number, the prime after or before a number, and probability by counting
equally likely outcomes (a bag of coloured marbles, one roll of a fair die).

"how many factors does 36 have" (9), "list the factors of 12" (1, 2, 3, 4, 6, 12), "smallest prime bigger than
50" (53), "a bag has 3 red 5 blue and 2 green marbles. chance of picking blue" (1/2). Two draws, two dice,
"without replacement": left alone.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.data import _DIE_WORDS, _die_event
from tutor.verify.recognise.reading import ASK, NotMine, Solution, plain, within_bounds

MAX_LISTED = 60
"""More factors than this are counted, not listed."""
MAX_DIGITS = 15

_HOW_MANY = re.compile(r"how many (?:positive )?(?:factors|divisors)(?: does| has| do| are there (?:of|for|in)| (?:of|for|in))"
                       r" (?:the number )?(\d+)(?: have| got)?", re.I)
_NUMBER_OF = re.compile(rf"(?:{ASK} )?(?:the )?number of (?:positive )?(?:factors|divisors) (?:of|for|in) (\d+)", re.I)
_LIST = re.compile(rf"(?:(?:list|write down|write|give|name|{ASK})(?: all| out| down)?(?: of)? )?(?:all )?(?:the )?"
                   r"(?:positive )?(?:factors|divisors)(?: of| for) (?:the number )?(\d+)", re.I)


def divisors(text: str) -> Solution | None:
    m = _HOW_MANY.fullmatch(text) or _NUMBER_OF.fullmatch(text)
    listing = not m
    m = m or _LIST.fullmatch(text)
    if not m:
        return None
    n = int(m.group(1))
    if n < 1 or len(m.group(1)) > MAX_DIGITS:
        raise NotMine
    found = within_bounds(_divisors, n)
    if not listing:
        return Solution("divisor_count", sp.Integer(len(found)), str(len(found)), f"number of factors of {n}")
    if len(found) > MAX_LISTED:
        raise NotMine
    return Solution("divisors", sp.FiniteSet(*found), ", ".join(map(str, found)), f"factors of {n}")


def _divisors(n):
    return sp.divisors(n)


_ABOVE = r"(?:bigger|greater|larger|more|higher|above|after|over|past|exceeding)"
_BELOW = r"(?:less|smaller|lower|below|before|under|fewer)"
_NEXT_PRIME = [
    re.compile(rf"(?:{ASK} )?(?:the )?(?:smallest|first|next|least|lowest) prime(?: number)?(?: that is| which is)? "
               rf"({_ABOVE})(?: than)?( or equal to)? (\d+)", re.I),
    re.compile(rf"(?:{ASK} )?(?:the )?(?:largest|biggest|greatest|highest|last) prime(?: number)?(?: that is| which is)? "
               rf"({_BELOW})(?: than)?( or equal to)? (\d+)", re.I),
]


def next_prime(text: str) -> Solution | None:
    """'smallest prime bigger than 50' -> 53, 'largest prime less than 100' -> 97."""
    for up, pattern in zip((True, False), _NEXT_PRIME):
        m = pattern.fullmatch(text)
        if m:
            break
    else:
        return None
    n = int(m.group(3))
    if len(m.group(3)) > MAX_DIGITS:
        raise NotMine
    if m.group(2) and sp.isprime(n):
        value = sp.Integer(n)
    elif up:
        value = within_bounds(sp.nextprime, n)
    else:
        if n <= 2:
            raise NotMine  # no prime below 2: a trap, not a question with an answer
        value = within_bounds(sp.prevprime, n)
    return Solution("prime", sp.Integer(value), str(value), f"prime {'after' if up else 'before'} {n}")


_COLOURS = ("red|blue|green|yellow|orange|purple|pink|black|white|brown|grey|gray|silver|gold|striped|spotted")
_THINGS = (r"(?:marbles?|balls?|counters?|sweets?|candies|candy|beads?|cubes?|socks?|pens?|pencils?|tickets?|"
           r"chips?|buttons?|blocks?|cards?|jelly beans?)")
_COUNT = rf"(\d+) ({_COLOURS})"
_COUNTS = rf"{_COUNT}(?:\s*(?:,|and|&)?\s*{_COUNT}){{1,5}}"
_CONTAINER = r"(?:bag|box|jar|urn|bowl|hat|tin|drawer|packet|pack|container|basket|pot|tub)"
_BAG = re.compile(
    rf"(?:(?:a|the|one) {_CONTAINER} (?:has|contains|holds|has got|with|there are|is filled with)(?: only)?"
    rf" (?P<counts1>{_COUNTS})(?: {_THINGS})?(?: in it)?"
    rf"|there are (?P<counts2>{_COUNTS})(?: {_THINGS})? in (?:a|the) {_CONTAINER})"
    r"\s*[.,;:]?\s*(?:(?:if )?(?:you|i|we) (?:pick|draw|take|choose|select|pull)(?: out)? (?:one|a|1)"
    rf"(?: {_THINGS})?(?: at random| randomly)?\s*[.,;:]?\s*)?"
    r"(?:what(?:'s| is|s)? )?(?:the )?(?:probability|chance|likelihood)"
    r"(?: of| that| to)?(?: (?:you|i|we|it))?(?: (?:picking|drawing|choosing|getting|taking|pulling|selecting|pick|draw|"
    r"get|take|choose|select|is|will be)(?: out)?)? (?:an? |one |1 )?(?P<event>.+?)(?: {_THINGS})?"
    r"(?: at random| randomly| from (?:the|a) {_CONTAINER})?", re.I)


def bag_probability(text: str) -> Solution | None:
    """One draw from a bag of coloured things: a colour, 'not' a colour, or one colour 'or' another."""
    m = _BAG.fullmatch(text)
    if not m:
        return None
    counts_text = m.group("counts1") or m.group("counts2")
    counts = {}
    for number, colour in re.findall(_COUNT, counts_text, re.I):
        colour = colour.lower()
        if colour in counts or int(number) == 0:
            raise NotMine
        counts[colour] = int(number)
    event = re.sub(rf"\s+{_THINGS}$", "", m.group("event").strip().lower())
    if re.search(r"\b(?:two|2|both|then|twice|again|replac\w*|in a row|without|after|second|each)\b", event):
        raise NotMine  # more than one draw
    negated = event.startswith("not ")
    colours = [c.strip() for c in re.split(r"\s*(?:\bor\b|,)\s*", event.removeprefix("not ").strip()) if c.strip()]
    colours = [re.sub(r"^(?:an?|a|one) ", "", c) for c in colours]
    if not colours or any(c not in counts for c in colours) or len(set(colours)) != len(colours) \
            or (negated and len(colours) > 1):  # "not red or green": not (red or green), or (not red) or green?
        raise NotMine
    wins = sum(counts[c] for c in colours)
    total = sum(counts.values())
    value = sp.Rational(total - wins if negated else wins, total)
    return Solution("probability", value, plain(value), f"P({event}) drawing one from {total}")


_ROLL_FIRST = re.compile(rf"(?:if|when) (?:you|i|we) (?:roll|throw|toss) {_DIE_WORDS}(?: once)?,?\s*"
                         r"(?:what(?:'s| is|s)? )?(?:the )?(?:probability|chance|likelihood)(?: of| that)?"
                         r"(?: (?:you|i|we|it) )?(?: (?:getting|rolling|get|roll|lands? on|landing on|shows?))? (.+)", re.I)


def die_roll(text: str) -> Solution | None:
    """'if you roll a normal dice whats the probability of getting a multiple of 3' -> 1/3 (one fair six-sided die)."""
    m = _ROLL_FIRST.fullmatch(text)
    if not m:
        return None
    event = m.group(1).lower().strip()
    wins = [n for n in range(1, 7) if _die_event(event, n)]
    value = sp.Rational(len(wins), 6)
    return Solution("probability", value, plain(value), f"P({event}) with a fair six-sided die")

