"""Premises a definition rules out: the largest prime, π exactly 22/7, a rooster laying eggs."""

from __future__ import annotations

import re

from tutor.verify.premises.reading import _N, _sentences

_NONE_SUCH = [
    (re.compile(r"\b(?:the|a)\s+(?:largest|biggest|greatest|highest|last)\s+prime(?:\s+number)?"
                r"(?=\s*(?:ever|in the world|of all|there is|that exists)?\s*(?:[.?!,]|$))", re.I),
     "There is no largest prime: there is always a bigger prime (Euclid proved that primes never run out)."),
    (re.compile(r"\b(?:the|a)\s+(?:largest|biggest|greatest|highest|last)\s+(?:positive\s+)?(?:whole number|natural "
                r"number|counting number|integer|even number|odd number|number)"
                r"(?=\s*(?:ever|in the world|of all|there is|that exists)?\s*(?:[.?!,]|$))", re.I),
     "There is no biggest whole number: you can always add 1 to get a bigger one."),
    (re.compile(r"\b(?:last|final)\s+(?:decimal\s+)?(?:digit|decimal|number)\s+(?:of|in)\s+(?:π|pi)\b", re.I),
     "π has no last digit: its decimals go on forever without repeating."),
    (re.compile(r"\b(?:smallest|least|tiniest)\s+(?:positive\s+(?:real\s+|rational\s+)?(?:number|fraction|decimal)|"
                r"(?:real\s+|rational\s+)?(?:number|fraction|decimal)\s+(?:greater|bigger|larger|more)\s+than\s+(?:0|zero))"
                r"(?=\s*(?:[.?!,]|$))", re.I),
     "There is no smallest positive number: half of any positive number is smaller and still positive."),
]


_DENSE = r"(?:real\s+|rational\s+|positive\s+|negative\s+)?(?:number|fraction|decimal)"
_EXTREME_BOUND = re.compile(
    rf"\b(?:the\s+)?(?P<most>largest|biggest|greatest|highest|smallest|least|tiniest|lowest)\s+{_DENSE}\s+"
    rf"(?:that\s+is\s+|which\s+is\s+)?(?:strictly\s+)?(?P<dir>less|smaller|lower|below|under|greater|bigger|larger|"
    rf"more|above|over)(?:\s+than)?\s+(?P<n>-?\d+(?:\.\d+)?(?:/\d+)?)", re.I)
_NEGATIVE_EXTREME = re.compile(r"\b(?:the\s+)?(?P<most>smallest|least|lowest|most\s+negative)\s+negative\s+"
                               r"(?P<kind>integer|whole\s+number|number|fraction|decimal)\b"
                               r"|\b(?:the\s+)?(?P<most2>largest|biggest|greatest|highest)\s+negative\s+"
                               r"(?P<kind2>number|fraction|decimal|real\s+number)\b", re.I)
_PRIME_DIVISIBLE = re.compile(
    r"\bprime(?:\s+number)?\s+(?:(?:that\s+is\s+|which\s+is\s+)?(?:(?:greater|bigger|larger|more)\s+than|over|above|"
    r"between|from)\s+(?P<g>\d{1,6})\s+(?:(?:and|to)\s+\d{1,6}\s+)?)?"
    r"(?:that\s+is\s+|which\s+is\s+|and\s+)?(?:(?:evenly\s+)?divisible\s+by|a\s+multiple\s+of)\s+(?P<d>\d{1,6})\b", re.I)
_EVEN_PRIME = re.compile(r"\beven\s+prime(?:\s+number)?\s+(?:that\s+is\s+)?(?:greater|bigger|larger|more)\s+than\s+"
                         r"(?P<g>\d{1,6})\b", re.I)


def _impossible_numbers(sentence: str) -> list[str]:
    """A number a definition rules out: a prime with another divisor, 'the largest number less than 1'."""
    m = _PRIME_DIVISIBLE.search(sentence)
    if m:
        d, g = int(m.group("d")), int(m.group("g") or 0)
        if d > 1 and (g >= d or d not in _SMALL_PRIMES):
            return [f"A prime number's only divisors are 1 and itself, so a prime {f'above {g} ' if g else ''}"
                    f"can't be divisible by {d}."]
    m = _EVEN_PRIME.search(sentence)
    if m and int(m.group("g")) >= 2:
        return ["2 is the only even prime: every other even number is divisible by 2."]
    m = _EXTREME_BOUND.search(sentence)
    if m:
        most = m.group("most").lower()
        below = m.group("dir").lower() in ("less", "smaller", "lower", "below", "under")
        if (most in ("largest", "biggest", "greatest", "highest")) == below:
            side = "below" if below else "above"
            return [f"There is no {most} number {side} {m.group('n')}: between any number and {m.group('n')} there "
                    "is always another one (their average, for example)."]
    m = _NEGATIVE_EXTREME.search(sentence)
    if m:
        if m.group("most"):
            return [f"There is no {m.group('most').lower()} negative {m.group('kind').lower()}: the negative numbers "
                    "go on forever (-1, -2, -3, …), so there is always a smaller one."]
        return [f"There is no {m.group('most2').lower()} negative {m.group('kind2').lower()}: half of any negative "
                "number is closer to 0 and still negative."]
    return []


_SMALL_PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47}


def _definitions(text: str) -> list[str]:
    found = []
    for sentence in _sentences(text):
        for reason in _impossible_numbers(sentence):
            if reason not in found:
                found.append(reason)
    for sentence in _sentences(text):
        for pattern, reason in _NONE_SUCH:
            m = pattern.search(sentence)
            if not m or re.search(r"\b(?:no|not|isn't|never|known|found|discovered|computed|mersenne)\b|\d",
                                  sentence[:m.start()] + " " + sentence[m.end():], re.I):
                continue
            if "which" in sentence.lower():
                continue
            found.append(reason)
    return found


def _pi_exact(text: str) -> list[str]:
    pi = r"(?:π|\bpi\b)"
    m = re.search(rf"{pi}\s*(?:is|=|equals|is\s+equal\s+to)?\s*(?:exactly|precisely)\s*(?:equal\s+to\s*|=\s*)?({_N})"
                  rf"|{pi}\s*(?:is|=|equals|is\s+equal\s+to)\s*({_N})\s*(?:exactly|precisely)\b"
                  rf"|exact\s+value\s+of\s+{pi}\s+(?:is|=|equals)\s+({_N})", text, re.I)
    if not m or re.search(r"\b(?:not|isn't|never)\s*$", text[max(0, m.start() - 12):m.start() + 3], re.I):
        return []
    value = next(g for g in m.groups() if g)
    return [f"π is not exactly {value.replace(' ', '')}: that is only an approximation, because π's decimals never "
            "end or repeat."]


_MALE = r"(?:roosters?|cockerels?|cocks?|drakes?|ganders?)"
_MALE_MAMMAL = r"(?:bulls?|rams?|stallions?|billy\s+goats?|boars?|tom\s?cats?|bucks?|male\s+(?:cats?|dogs?|rabbits?|cows?|horses?))"
_BIRTH = r"(?:gave\s+birth|gives\s+birth|give\s+birth|giving\s+birth|is\s+pregnant|was\s+pregnant|had\s+(?:a\s+litter|kittens|" \
         r"puppies|calves|lambs|foals|piglets|babies|bunnies))"
_NOT_SUBJECT = r"(?!(?:and|or|with|but|hens?|chickens?|ducks?|geese|cows?|ewes?|mares?)\b)"


def _biology(text: str) -> list[str]:
    found = []
    m = (re.search(rf"\b({_MALE})(?:'s|s')?\s+(?:{_NOT_SUBJECT}\w+\s+){{0,6}}?(?:lays?|laid|laying|eggs?)\b", text, re.I)
         or re.search(rf"\beggs?\s+(?:laid\s+by|from|of|does|do|did|will|can|would)\s+(?:a|the|his|her|my|our|their|\d+)\s+"
                      rf"({_MALE})\b", text, re.I))
    if m:
        found.append(f"{m.group(1).capitalize()} are male birds, and male birds don't lay eggs (only females do)."
                     if m.group(1).lower().endswith("s") else
                     f"A {m.group(1).lower()} is a male bird, and male birds don't lay eggs (only females do).")
    m = (re.search(rf"\b({_MALE_MAMMAL})(?:'s|s')?\s+(?:{_NOT_SUBJECT}[\w.]+\s+){{0,4}}?milk\b", text, re.I)
         or re.search(rf"\bmilk\s+(?:from|of|does|do|did|will|can|would)\s+(?:a|the|his|her|my|our|their|\d+)\s+"
                      rf"({_MALE_MAMMAL})\b", text, re.I))
    if m:
        found.append(f"A {m.group(1).lower().rstrip('s')} is a male animal, and male animals don't give milk.")
    m = re.search(rf"\b({_MALE_MAMMAL})(?:'s|s')?\s+(?:{_NOT_SUBJECT}[\w.]+\s+){{0,4}}?{_BIRTH}", text, re.I)
    if m:
        found.append(f"A {m.group(1).lower().rstrip('s')} is a male animal, and male animals don't give birth.")
    return found
