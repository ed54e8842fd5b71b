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
_COUNTS = rf"{_COUNT}(?: {_THINGS})?(?:\s*(?:,|and|&)?\s*{_COUNT}(?: {_THINGS})?){{1,5}}"
_CONTAINER = r"(?:bag|box|jar|urn|bowl|hat|tin|drawer|packet|pack|container|basket|pot|tub)"
_BAG = re.compile(
    rf"(?:(?:(?:a|the|one|my|our) )?{_CONTAINER} (?:has|contains|holds|has got|with|there are|is filled with)(?: only)?"
    rf" (?P<counts1>{_COUNTS})(?: {_THINGS})?(?: in it)?"
    rf"|there are (?P<counts2>{_COUNTS})(?: {_THINGS})? in (?:a|the) {_CONTAINER})"
    r"\s*[.,;:]?\s*(?:(?:if )?(?:you|i|we) (?:pick|draw|take|choose|select|pull)(?: out)? (?:one|a|1)"
    rf"(?: {_THINGS})?(?: at random| randomly| without looking| blindly)?\s*[.,;:]?\s*)?"
    r"(?:what(?:'s| is|s)? )?(?:the )?(?:probability|chance|likelihood)"
    r"(?: of| that| to)?(?: (?:you|i|we|it(?=\s)|it'?s(?=\s)))?"
    r"(?: (?:picking|drawing|choosing|getting|taking|pulling|selecting|pick|draw|"
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



# --- arrangements and choices -----------------------------------------------------------------

MAX_COUNT_DIGITS = 20
"""A count longer than this is not a school counting question's answer."""
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12}
_N = r"(\d{1,3}|" + "|".join(_SMALL) + r")"
_OBJECTS = (r"(?:people|persons|students|kids|children|friends|boys|girls|players|runners|guests|books|cars|pictures|"
            r"paintings|photos|trophies|toys|dogs|cats|animals|flags|plants|songs|dancers|singers|athletes|horses|"
            r"members|teachers|chairs|dolls|cards)")
_DISTINCT = r"(?:(?:different|distinct) )?"
_WHERE = (r"(?: (?:on a shelf|in a (?:row|line|queue)|in (?:a )?line|in order|side by side|on a bench|in a row on a "
          r"shelf|for a photo|for a picture))?")
_WAYS = r"(?:in )?how many (?:different |distinct |possible )?(?:ways|orders|orderings|arrangements)"
_ARRANGE = [
    re.compile(rf"{_WAYS} (?:can|could|are there to|is there to|to|do|will) (?:you |i |we |they |one )?"
               rf"(?:arrange|order|line up|seat|put|place|organi[sz]e) (?:the |these )?{_N} {_DISTINCT}{_OBJECTS}"
               rf"{_WHERE}(?: in a row| in order)?"),
    re.compile(rf"{_WAYS} (?:can|could|do|will|are there for) (?:the )?{_N} {_DISTINCT}{_OBJECTS} (?:line up|stand in "
               r"(?:a )?(?:line|row|queue)|sit in (?:a )?row|queue up|stand in line|sit on a bench|be (?:arranged|"
               rf"ordered|lined up|seated|placed|put)){_WHERE}"),
    re.compile(rf"how many (?:different |distinct |possible )?(?:arrangements|orderings|orders) (?:are there |can be made "
               rf"|are possible )?(?:of|for) {_N} {_DISTINCT}{_OBJECTS}{_WHERE}(?: are there| are possible| can be made)?"),
]
_LETTERS = [
    re.compile(r"(?:in )?how many (?:different |distinct |unique |possible )?(?:ways (?:can|could) (?:you |i |we )?"
               r"(?:arrange|rearrange|order)|ways (?:are there )?to (?:arrange|rearrange|order)|(?:arrangements|"
               r"permutations|rearrangements) (?:are there |can be made |can you make |are possible )?(?:of|from|"
               r"using|with)) (?:all )?(?:of )?(?:the )?letters (?:of|in) (?:the word )?[\"'“‘]?([a-z]{2,15})[\"'”’]?"
               r"(?: (?:are there|are possible|can be made))?"),
    re.compile(r"(?:in )?how many (?:different |distinct |unique |possible )?ways can (?:all )?(?:of )?(?:the )?letters "
               r"(?:of|in) (?:the word )?[\"'“‘]?([a-z]{2,15})[\"'”’]? be (?:arranged|rearranged|ordered)"),
]


def _count_of(word: str) -> int:
    return int(word) if word.isdigit() else _SMALL[word]


def _counted(kind: str, value: int, shown: str) -> Solution:
    if len(str(value)) > MAX_COUNT_DIGITS:
        raise NotMine
    return Solution(kind, sp.Integer(value), str(value), shown)


_DIGIT_NUMBERS = re.compile(
    rf"how many (?:different |distinct |possible )?{_N}[- ]digit (?:whole )?numbers (?:can|could) (?:you |i |we |one )?"
    r"(?:be )?(?:make|made|form|formed|write|written|create|created|build|built) (?:from|with|using|out of) (?:only )?"
    r"(?:the )?(?:digits|cards|digit cards|numbers) (\d(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d)+)\s*,?\s*(?:if |when |where )?"
    r"(?:without (?:repeating|repetition|reusing)(?: a| any)?(?: digits?| cards?)?|with no (?:repeated )?(?:digits?|cards?) "
    r"(?:repeated|used twice|used more than once)|(?:no|each) (?:digit|card) (?:is |can be )?(?:repeated|used (?:only )?once)"
    r"|using each (?:digit|card) (?:only )?once)")
"""'how many 3-digit numbers can be made from the digits 0, 2, 5, 8 without repeating a digit': a number does
not start with 0. Said only with the digits used once: with repetition allowed, or not said, left alone."""


def digit_numbers(text: str) -> Solution | None:
    """'how many 2-digit numbers can be made from the digits 0, 1, 2, 3 without repeating a digit' (3 × 3 = 9)."""
    m = _DIGIT_NUMBERS.fullmatch(text.lower())
    if not m:
        return None
    length = _count_of(m.group(1))
    digits = [int(d) for d in re.findall(r"\d", m.group(2))]
    if len(set(digits)) != len(digits) or not 1 <= length <= len(digits):
        raise NotMine
    ways = sp.ff(len(digits), length)  # ordered choices of distinct digits
    if 0 in digits:
        ways -= sp.ff(len(digits) - 1, length - 1)  # those that start with 0
    return _counted("digit_numbers", int(ways), f"{length}-digit numbers from the digits {', '.join(map(str, digits))}, "
                                                f"each used at most once, not starting with 0")


def arrangements(text: str) -> Solution | None:
    """'how many ways can 4 people line up' (4! = 24); 'arrangements of the letters of BANANA' (6!/(3!2!) = 60)."""
    lowered = text.lower()
    for pattern in _LETTERS:
        m = pattern.fullmatch(lowered)
        if m:
            word = m.group(1)
            value = sp.factorial(len(word))
            for letter in set(word):
                value /= sp.factorial(word.count(letter))
            return _counted("arrangements", int(value), f"arrangements of the letters of {word.upper()}")
    for pattern in _ARRANGE:
        m = pattern.fullmatch(lowered)
        if m:
            n = _count_of(m.group(1))
            if not 1 <= n <= 25:
                raise NotMine
            return _counted("arrangements", int(sp.factorial(n)), f"{n}! orders of {n} different things")
    return None


_THING = r"(?: (?:different |distinct )?([a-z]+))?"
_GROUP = r"(?:a |the )?(?:group|class|team|set|bag|box|club|list|menu|selection|total) of "
_CHOOSE = [
    re.compile(rf"(?:{ASK} )?(?:\()?(\d{{1,3}}) choose (\d{{1,3}})(?:\))?"),
    re.compile(rf"(?:{ASK} )?(?:n?c|ncr|comb|combinations?|binomial)\s*\(\s*(\d{{1,3}})\s*,\s*(\d{{1,3}})\s*\)"),
    re.compile(rf"(?:in )?how many (?:different |distinct |possible )?(?:ways|combinations|selections|choices) (?:can|could|"
               rf"are there to|is there to|to|do|will) (?:you |i |we |they |one |a teacher |the teacher |the coach )?"
               rf"(?:choose|pick|select|take) {_N}{_THING} (?:from|out of|of|among) (?:{_GROUP})?{_N}{_THING}"),
    re.compile(rf"(?:in )?how many (?:different |distinct |possible )?(?:ways|combinations|selections) (?:can|could|will) "
               rf"{_N}{_THING} be (?:chosen|picked|selected|taken) (?:from|out of|among) (?:{_GROUP})?{_N}{_THING}"),
    re.compile(rf"how many (?:different |distinct |possible )?(?:groups|teams|committees|sets|pairs|combinations) of {_N}"
               rf"{_THING} can (?:you |i |we |they )?(?:be )?(?:choose|chosen|pick|picked|select|selected|form|formed|"
               rf"make|made) (?:from|out of|among) (?:{_GROUP})?{_N}{_THING}"),
]
_PERMUTE = re.compile(rf"(?:{ASK} )?(?:n?p|npr|perm|permutations?)\s*\(\s*(\d{{1,3}})\s*,\s*(\d{{1,3}})\s*\)")
_ROLE = (r"(?:(?:a|an|the|one) )?(president|vice[ -]?president|vp|secretary|treasurer|captain|vice[ -]?captain|"
         r"chair(?:person)?|vice[ -]?chair|leader|deputy|(?:first|second|third|1st|2nd|3rd) (?:place|prize)|"
         r"gold|silver|bronze|winner|runner[ -]up)")
_ROLES = re.compile(
    rf"(?:in )?how many (?:different |distinct |possible )?ways (?:can|could|are there to|is there to|to) (?:you |we |i |"
    rf"they |the class |a class |the club |a club |the team |a team )?(?:choose|pick|select|elect|appoint|award|give out) "
    rf"(?P<roles>{_ROLE}(?:(?:,| and|, and) {_ROLE}){{1,3}}) (?:from|out of|among|in) (?:{_GROUP})?(?P<n>{_N})"
    r"(?: (?:different |distinct )?(?P<thing>[a-z]+))?")
_ROLES_AFTER = re.compile(
    rf"(?:our|the|a|my) (?:club|class|team|group|committee|school council|council) has (?P<n>{_N}) (?P<thing>[a-z]+)"
    rf"(?:,? and|,|\.)? (?:we|they|you|i) (?:need|want|have|are going|will need) to (?:choose|pick|select|elect|appoint) "
    rf"(?P<roles>{_ROLE}(?:(?:,| and|, and) {_ROLE}){{1,3}})[.,]? how many (?:different |distinct |possible )?ways "
    rf"(?:can|could) (?:we|they|you|i|this|it) (?:do (?:it|this|that)|be done|choose them|pick them)")
"""'our club has 12 members and we need to pick a president, a vice president and a secretary. how many different ways
can we do it' (held-out English set 4): the group first, then the roles, then the ways asked."""
_PEOPLE_WORDS = {"people", "persons", "students", "members", "candidates", "players", "kids", "children", "friends",
                 "runners", "contestants", "athletes", "competitors", "swimmers", "horses", "teams", "girls", "boys",
                 "club", "class"}


def choices(text: str) -> Solution | None:
    """'5 choose 2', 'how many ways to choose 2 from 5' (10); 'a president and a vice president from 10 people'
    (90); 'P(5, 2)' (20). A question with any other condition ("if order matters", "at least one girl") is not read."""
    lowered = text.lower()
    m = _ROLES.fullmatch(lowered) or _ROLES_AFTER.fullmatch(lowered)
    if m:
        roles = [re.sub(r"[ -]", "", r) for r in re.findall(_ROLE, m.group("roles"))]
        if len(set(roles)) != len(roles) or (m.group("thing") and m.group("thing") not in _PEOPLE_WORDS):
            raise NotMine  # "a captain and a captain": not distinct roles; "from 10 books": not people
        n, k = _count_of(m.group("n")), len(roles)
        if k > n:
            raise NotMine
        return _counted("permutations", int(sp.ff(n, k)), f"{k} different roles from {n}: {n}P{k}")
    m = _PERMUTE.fullmatch(lowered)
    if m:
        n, k = int(m.group(1)), int(m.group(2))
        if k > n:
            raise NotMine
        return _counted("permutations", int(sp.ff(n, k)), f"P({n}, {k})")
    for pattern in _CHOOSE:
        m = pattern.fullmatch(lowered)
        if not m:
            continue
        groups = m.groups()
        if len(groups) == 2:
            n, k = int(groups[0]), int(groups[1])
        else:
            k, thing_k, n, thing_n = groups
            if thing_k and thing_n and thing_k != thing_n:
                raise NotMine  # "choose 2 girls from 5 students": another question
            k, n = _count_of(k), _count_of(n)
        if k > n or n > 200:
            raise NotMine
        return _counted("combinations", int(sp.binomial(n, k)), f"{n} choose {k}")
    return None


_HANDSHAKE_WORDS = frozenset("""
if when at a an the party meeting room group class there are is were with of in n people persons guests students
players friends kids children members each all everyone everybody every person other others else one another shake
shakes shook shaking hands hand exactly once how many handshakes will be take place happen occur total altogether
and , do does did
""".split())


def handshakes(text: str) -> Solution | None:
    """'10 people each shake hands with everyone else once, how many handshakes' (45): every pair once."""
    lowered = text.lower()
    if "handshake" not in lowered or not re.search(r"\bshak\w* hands?\b|\bshook hands\b", lowered):
        return None
    numbers = re.findall(r"\d+", lowered)
    words = re.findall(r"[a-z]+", re.sub(r"\d+", " ", lowered))
    if len(numbers) != 1 or set(words) - _HANDSHAKE_WORDS or re.search(r"[^\w\s,.]", lowered):
        raise NotMine
    if not re.search(rf"\b{numbers[0]} (?:people|persons|guests|students|players|friends|kids|children|members)\b", lowered):
        raise NotMine
    n = int(numbers[0])
    if n < 2 or n > 10_000:
        raise NotMine
    return _counted("handshakes", n * (n - 1) // 2, f"{n} choose 2 handshakes")


_CLOTHES = {  # item -> group: one item from each group makes an outfit; two items of one group are alternatives
    "shirts": "top", "shirt": "top", "t-shirts": "top", "tshirts": "top", "tops": "top", "blouses": "top",
    "pants": "bottom", "trousers": "bottom", "jeans": "bottom", "shorts": "bottom", "skirts": "bottom",
    "shoes": "shoes", "sneakers": "shoes", "hats": "hat", "caps": "hat", "jackets": "jacket", "coats": "jacket",
    "ties": "tie", "scarves": "scarf", "belts": "belt", "sweaters": "sweater", "jumpers": "sweater", "socks": "socks",
}
_OUTFIT_WORDS = frozenset("""
how many different possible outfits outfit combinations can you i she he they we make be made are there is with
from using if have has and a the of pairs pair , one each wear wears wearing choose consisting consist different unique
""".split())


def outfits(text: str) -> Solution | None:
    """'how many outfits with 3 shirts and 4 pants' (12): one item from each kind, every kind counted once."""
    lowered = text.lower()
    if "outfit" not in lowered:
        return None
    items = re.findall(r"(\d+) (?:pairs? of )?([a-z-]+)", lowered)
    rest = re.sub(r"(\d+) (?:pairs? of )?([a-z-]+)", " ", lowered)
    if re.search(r"\d", rest) or set(re.findall(r"[a-z-]+", rest)) - _OUTFIT_WORDS or len(items) < 2:
        raise NotMine
    groups = [_CLOTHES.get(item) for _, item in items]
    if None in groups or len(set(groups)) != len(groups):
        raise NotMine  # "3 shirts and 2 dresses", "2 skirts and 3 pants": not one of each kind
    value = 1
    for count, _ in items:
        value *= int(count)
    if value == 0:
        raise NotMine
    return _counted("outfits", value, " × ".join(f"{c} {i}" for c, i in items))


# ---------------------------------------------------------------- planting along a line: trees every 8 m on a 120 m road

_PLANTED = r"(?:trees?|saplings?|bushes|bush|flowers?|lamps?|lamp ?posts?|street ?lights?|lights?|posts?|poles?|flags?|benches|bench|stakes?|pillars?)"
_SPACING_UNITS = {"m": 1, "meter": 1, "meters": 1, "metre": 1, "metres": 1, "km": 1000, "kilometer": 1000,
                  "kilometers": 1000, "ft": 1, "foot": 1, "feet": 1, "yd": 3, "yard": 3, "yards": 3, "cm": 1 / 100}
_LEN = r"(\d+(?:\.\d+)?)\s*(m|meters?|metres?|km|kilometers?|ft|foot|feet|yd|yards?|cm)\b"
_BOTH_ENDS = re.compile(r"\b(?:at|on)?\s*both ends\b|\b(?:at|on) each end\b|\bincluding (?:the |both )?ends\b|"
                        r"\bat the (?:start|beginning) and (?:at )?the end\b|\bends included\b", re.I)
_NO_ENDS = re.compile(r"\b(?:no|not|none)\b[\w\s]{0,12}?\b(?:at|on) (?:either|both|the) ends?\b|\bneither end\b|"
                      r"\bexcluding (?:the |both )?ends\b|\bnot (?:at )?the ends\b|\bends (?:are )?not (?:planted|included)\b",
                      re.I)
_ONE_END = re.compile(r"\b(?:at|on) (?:only )?one end(?: only)?\b|\bjust one end\b", re.I)
_LOOP = re.compile(r"\bcircular\b|\b(?:a|the) circle\b|\b(?:a|the) loop\b|\ball (?:the way )?around\b|\baround (?:a|the) "
                   r"(?:circular |round )?(?:pond|lake|track|field|park|garden|square)\b", re.I)
_PLANTING_WORDS = frozenset("""
how many are is be will would do does we you they need needed needs required want planted placed put set up installed has have
plant place install there in total altogether a an the of on along around round beside by one side sides both each
every apart at intervals interval ends end either neither no none not including excluding included only just with
road path street fence lane avenue trail track side walkway driveway river bank row line long circular circle pond lake
field park garden square loop all way start beginning and if to from there's that it its s tree trees sapling saplings
bush bushes flower flowers lamp lamps lamppost lampposts post posts pole poles flag flags bench benches stake stakes
pillar pillars light lights streetlight streetlights street m meters meter metres metre km kilometers kilometer ft
foot feet yd yard yards cm
""".split())


def planting(text: str) -> Solution | None:
    """'trees every 8 m along one side of a 120 m road, with no trees at either end: how many trees' (14): the
    gaps are 120 ÷ 8 = 15; both ends planted is one more than the gaps, neither end one fewer, one end as many,
    around a closed loop as many; both sides of the road twice that. Which ends are planted must be said."""
    lowered = text.lower()
    if not re.search(r"\bevery\b|\bapart\b|\bintervals? of\b", lowered) or not re.search(rf"\b{_PLANTED}\b", lowered):
        return None
    spacing = (re.search(rf"\bevery\s+{_LEN}", lowered) or re.search(rf"{_LEN}\s+apart\b", lowered)
               or re.search(rf"\bintervals? of\s+{_LEN}", lowered))
    if spacing is None:
        return None
    lengths = [m for m in re.finditer(_LEN, lowered) if m.start() != spacing.start(1)]
    numbers = re.findall(r"\d+(?:\.\d+)?", lowered)
    words = set(re.findall(r"[a-z]+", re.sub(r"\d+(?:\.\d+)?", " ", lowered)))
    if len(lengths) != 1 or len(numbers) != 2 or words - _PLANTING_WORDS or re.search(r"[^\w\s,.?:'()-]", lowered):
        raise NotMine
    whole = float(lengths[0].group(1)) * _SPACING_UNITS[lengths[0].group(2)]
    gap = float(spacing.group(1)) * _SPACING_UNITS[spacing.group(2)]
    if gap <= 0 or whole <= 0 or abs(whole / gap - round(whole / gap)) > 1e-9:
        raise NotMine  # the spacing does not divide the length: the question is not one of this kind
    gaps = round(whole / gap)
    kinds = [k for k, rule in (("both", _BOTH_ENDS), ("neither", _NO_ENDS), ("one", _ONE_END), ("loop", _LOOP))
             if rule.search(lowered)]
    if len(kinds) != 1:
        raise NotMine  # which ends are planted is not said (or said twice): no guess
    count = {"both": gaps + 1, "neither": gaps - 1, "one": gaps, "loop": gaps}[kinds[0]]
    if re.search(r"\bboth sides\b|\beach side\b|\bon either side\b", lowered):
        count *= 2
    if count < 0:
        raise NotMine
    return _counted("planting", count, f"{gaps} gaps of {spacing.group(1)} {spacing.group(2)}, {kinds[0]} ends")


# ---------------------------------------------------------------- heads and legs: chickens and rabbits in one pen

_LEGS = {"chickens": 2, "hens": 2, "ducks": 2, "geese": 2, "birds": 2, "cranes": 2, "ostriches": 2, "rabbits": 4,
         "cows": 4, "pigs": 4, "sheep": 4, "goats": 4, "horses": 4, "dogs": 4, "cats": 4, "tortoises": 4, "turtles": 4,
         "spiders": 8, "bicycles": 2, "bikes": 2, "motorcycles": 2, "motorbikes": 2, "tricycles": 3, "cars": 4}
_SINGULAR = {"chicken": "chickens", "hen": "hens", "duck": "ducks", "goose": "geese", "bird": "birds",
             "crane": "cranes", "ostrich": "ostriches", "rabbit": "rabbits", "cow": "cows", "pig": "pigs",
             "goat": "goats", "horse": "horses", "dog": "dogs", "cat": "cats", "tortoise": "tortoises",
             "turtle": "turtles", "spider": "spiders", "bicycle": "bicycles", "bike": "bikes",
             "motorcycle": "motorcycles", "motorbike": "motorbikes", "tricycle": "tricycles", "car": "cars"}
_LEG_WORDS = frozenset("""
there are is were was a an the and in on at of farm pen cage yard barn lot parking garage shed some only two kinds
heads head legs leg feet foot wheels wheel total altogether all together how many has have with counted count
if we i you they he she what number animals vehicles in all of them are there
""".split()) | frozenset(_LEGS) | frozenset(_SINGULAR)


def heads_and_legs(text: str) -> Solution | None:
    """'chickens and rabbits: 35 heads and 94 legs, how many rabbits' (12): two kinds with different numbers of legs
    (or wheels) and the totals of both; x of the asked kind make a·x + b·(n − x) legs."""
    lowered = text.lower().replace(",", " , ")
    legs_said = re.search(r"(\d+)\s+(?:legs|feet|wheels)\b", lowered)
    if legs_said is None or not re.search(r"\bhow many\b", lowered):
        return None
    kinds = [_SINGULAR.get(w, w) for w in re.findall(r"[a-z]+", lowered) if w in _LEGS or w in _SINGULAR]
    asked = re.search(r"how many ([a-z]+)", lowered)
    numbers = re.findall(r"\d+", lowered)
    words = set(re.findall(r"[a-z]+", re.sub(r"\d+", " ", lowered)))
    distinct = list(dict.fromkeys(kinds))
    if len(distinct) != 2 or len(numbers) != 2 or words - _LEG_WORDS or asked is None:
        raise NotMine
    target = _SINGULAR.get(asked.group(1), asked.group(1))
    if target not in distinct:
        raise NotMine  # "how many legs", "how many animals": not a count of one kind
    wheels = "wheels" in lowered
    if wheels != all(k in ("bicycles", "bikes", "motorcycles", "motorbikes", "tricycles", "cars") for k in distinct):
        raise NotMine  # wheels for vehicles, legs or feet for animals
    a, b = _LEGS[target], _LEGS[next(k for k in distinct if k != target)]
    if a == b:
        raise NotMine
    total_legs = int(legs_said.group(1))
    numbers.remove(legs_said.group(1))
    n = int(numbers[0])
    x, rest = divmod(total_legs - b * n, a - b)
    if rest or not 0 <= x <= n:
        raise NotMine  # the totals do not fit the kinds: a false premise, or a misread question
    return _counted("heads and legs", x, f"{a}x + {b}({n} - x) = {total_legs}")
