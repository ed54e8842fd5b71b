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


def _definitions(text: str) -> list[str]:
    found = []
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
_MALE_MAMMAL = r"(?:bulls?|rams?|stallions?|billy\s+goats?|boars?)"
_NOT_SUBJECT = r"(?!(?:and|or|with|but|hens?|chickens?|ducks?|geese|cows?|ewes?|mares?)\b)"


def _biology(text: str) -> list[str]:
    found = []
    m = (re.search(rf"\b({_MALE})(?:'s|s')?\s+(?:{_NOT_SUBJECT}\w+\s+){{0,2}}?(?:lays?|laid|laying|eggs?)\b", text, re.I)
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
    return found
