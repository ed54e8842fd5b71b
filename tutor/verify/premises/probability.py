"""Probabilities outside [0, 1] and complements that do not add up to 1."""

from __future__ import annotations

import re
from fractions import Fraction

from tutor.verify.premises.reading import _D, _N, _num, _show

_P_WORD = r"(?:probability|chance|likelihood)"
_ASKED = re.compile(r"(?:find|what is|what's|calculate|compute|work out|determine|estimate|give)\s+(?:the\s+)?$", re.I)
_VALUE = rf"(?P<v>-?\s*{_N})\s*(?P<pct>%|percent\b)?"
_AFTER = r"(?=\s*(?:[.,;:?!)]|$)|\s+(?:and|but|while|for|that|chance|probability|of|so|then|each|every|per|in|on|" \
         r"when|if|at|this|next|to)\b)"
_STATED = [
    # "the probability (of|that) EVENT is 0.3"
    re.compile(rf"\b{_P_WORD}\s+(?:(?:of|that)\s+)?(?!(?:is|was|equals|of)\b|=)(?P<e>[^.?!;]{{1,60}}?)\s+(?:is|=|equals|was|will be|of)\s+"
               rf"(?:exactly\s+|only\s+)?{_VALUE}{_AFTER}", re.I),
    # "a probability of 1.3", "the chance is 150%"
    re.compile(rf"\b{_P_WORD}\s+(?:is|=|equals|was|of|being)\s+(?:exactly\s+|only\s+)?{_VALUE}{_AFTER}", re.I),
    # "a 120% chance of winning"
    re.compile(rf"(?P<v>-?\s*{_D})\s*(?P<pct>%|percent\b)\s+{_P_WORD}(?:\s+(?:(?:of|that)\s+)?(?P<e>[^.?!;,]{{1,60}}?))?"
               rf"(?=\s*(?:[.,;?!]|$|\s+and\b))", re.I),
    # "heads comes up 3/5 of the time", "it rains 40% of the time"
    re.compile(rf"(?P<e>[\w' ]{{1,40}}?)\s+(?:comes?\s+up\s+|happens?\s+|occurs?\s+)?(?P<v>-?\s*{_N})\s*"
               rf"(?P<pct>%|percent\b)?\s+of\s+the\s+time\b", re.I),
    # "lands heads with probability 0.5"
    re.compile(rf"(?P<e>[\w' ]{{1,40}}?)\s+with\s+(?:a\s+)?{_P_WORD}\s+(?:of\s+)?{_VALUE}{_AFTER}", re.I),
]
_P_OF = re.compile(rf"\bP\s*\(\s*(?P<e>[^()]{{1,30}}?)\s*\)\s*=\s*{_VALUE}")
_NEGATION = {"not", "no", "doesn't", "don't", "didn't", "won't", "isn't", "never"}
_SUCCESS = {"win", "wins", "won", "winning", "pass", "passes", "passed", "passing", "work", "works", "worked", "working",
            "succeed", "succeeds", "succeeded", "success", "hit", "hits", "score", "scores", "scored", "make", "makes",
            "made", "start", "starts", "started", "arrive", "arrives", "live", "lives", "survive", "survives", "accept",
            "accepts", "accepted", "open", "opens", "good", "heads", "head", "rain", "rains", "raining", "defective",
            "broken", "sunny", "punctual", "true", "yes", "correct", "right", "right-handed", "odd", "red", "boy"}
_FAILURE = {"lose": "win", "loses": "win", "lost": "win", "losing": "win", "fail": "pass", "fails": "pass",
            "failed": "pass", "failing": "pass", "failure": "success", "misses": "hit", "miss": "hit", "missed": "hit",
            "breaks": "work", "break": "work", "broke": "work", "tails": "heads", "tail": "head", "dies": "live",
            "die": "live", "rejected": "accept", "rejects": "accept", "reject": "accept", "closed": "open",
            "dry": "rain", "late": "punctual", "delayed": "punctual", "false": "true", "no": "yes", "wrong": "correct",
            "incorrect": "correct", "left-handed": "right-handed", "even": "odd", "girl": "boy", "working": "defective",
            "fine": "defective"}
"""Outcome words whose opposite is another outcome word: 'works' and 'fails' (or 'breaks') are complements."""
_OPPOSITE = _FAILURE
_EVENT_STOP = {"the", "a", "an", "it", "that", "will", "does", "do", "did", "is", "be", "to", "on", "lands", "land",
               "comes", "come", "up", "shows", "he", "she", "they", "we", "you", "i", "and", "of", "getting", "get",
               "stay", "stays", "remain", "remains", "turn", "turns", "out", "be", "being", "today", "tomorrow", "tonight",
               "next", "this", "time", "game", "match", "round", "try", "day", "his", "her", "their", "its"}


def _probabilities(text: str) -> list[tuple[str | None, Fraction, str]]:
    """(event, value, as written) for each probability the text states."""
    found = []
    for pattern in (*_STATED, _P_OF):
        for m in pattern.finditer(text):
            if pattern is not _P_OF and _ASKED.search(text[max(0, m.start() - 40):m.start()]):
                continue
            raw = m.group("v")
            value = _num(raw)
            if value is None:
                continue
            pct = bool(m.group("pct"))
            if not pct and "/" not in raw and "." not in raw and value >= 0:
                continue  # "a chance of 2 heads": a whole number is a count, not a probability
            found.append((m.groupdict().get("e"), value / 100 if pct else value, f"{raw.replace(' ', '')}{'%' if pct else ''}"))
    return found


def _probability_range(text: str) -> list[str]:
    return [f"A probability must be between 0 and 1 (0% to 100%), so {written} is impossible."
            for _e, value, written in _probabilities(text) if not 0 <= value <= 1]


def _stem(word: str) -> str:
    """Singular / bare verb, roughly: "wins" → "win", "passes" → "pass"."""
    if re.search(r"(?:ss|sh|ch|x)es$", word):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _event_key(event: str) -> tuple[frozenset[str], bool] | None:
    letter = re.fullmatch(r"(not|¬|~)?([A-Z])('|′|\^c|\^C|ᶜ)?", re.sub(r"\s+", "", event))
    if letter:  # P(A), P(not A), P(A')
        return frozenset({letter.group(2)}), bool(letter.group(1) or letter.group(3))
    words, negated = set(), False
    event = re.sub(r"\bon\s+time\b", "punctual", event, flags=re.I)
    for word in re.findall(r"[a-z']+|\d+", event.lower()):
        if word in _NEGATION:
            negated = not negated
            continue
        if word in _OPPOSITE:
            word, negated = _OPPOSITE[word], not negated
        if word in _EVENT_STOP:
            continue
        words.add(_stem(word))
    # "works" and "fails" are one outcome and its opposite: the outcome word becomes one shared mark, so
    # "a bulb works" and "fails" pair up, while "Ann wins" and "Ben loses" (other subjects) do not
    success = {_stem(v) for v in _SUCCESS}
    if words & success:
        words = (words - success) | {"<outcome>"}
    return (frozenset(words), negated) if words else None


def _complements(text: str) -> list[str]:
    stated = [(key, value, written) for event, value, written in _probabilities(text)
              if event and 0 <= value <= 1 and (key := _event_key(event))]
    for i, ((words, neg), p, pw) in enumerate(stated):
        for (other, other_neg), q, qw in stated[i + 1:]:
            if neg != other_neg and (words <= other or other <= words) and p + q != 1:
                return [f"An event and its opposite must have probabilities that add up to 1 (100%), "
                        f"but {pw} and {qw} add up to {_percent(p + q)}."]
    return []


_EXCLUSIVE = re.compile(r"\b(?:only|exactly one|one of|either|nothing else|no other|sections?|spinner|die|dice|bag|box|jar|"
                        r"urn|deck)\b", re.I)
_OVERLAPPING = re.compile(r"\b(?:or|and|both|at least|at most|even|odd|prime|multiple|greater|less|more|fewer|not)\b", re.I)


def _outcomes_total(text: str) -> list[str]:
    """Outcomes of one trial that exclude each other ('P(red) = 0.5, P(blue) = 0.3, P(green) = 0.3' on one spinner)
    can't have probabilities adding up to more than 1."""
    if not _EXCLUSIVE.search(text):
        return []
    stated = [(event, value, written) for event, value, written in _probabilities(text) if 0 <= value <= 1]
    events = [e for e, _v, _w in stated]
    if len(stated) < 2 or any(not e or _OVERLAPPING.search(e) or len(e.split()) > 3 for e in events):
        return []  # "P(even or prime)": outcomes that may overlap, whose chances may add past 1
    if len({e.strip().lower() for e in events}) != len(events):
        return []
    total = sum(v for _e, v, _w in stated)
    if total <= 1:
        return []
    listed = " + ".join(w for _e, _v, w in stated)
    return [f"Outcomes of one spin or draw that can't happen together have probabilities adding up to at most 1, "
            f"but {listed} = {_percent(total)}."]


def _percent(value: Fraction) -> str:
    """7/6 as '116.7%' (a fraction of a percent is no help to a child), 11/10 as '110%'."""
    pct = value * 100
    return f"{_show(pct)}%" if pct.denominator == 1 else f"{float(pct):.1f}%"
