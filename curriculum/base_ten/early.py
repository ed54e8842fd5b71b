"""Place value and adding/subtracting within 1000 (grades 1–3)."""

from __future__ import annotations

import random

import sympy
from sympy import Integer as I

from curriculum.base_ten.draw import blocks_figure, parts
from curriculum.kit import N_, Draft, catalogue, misconception, step

_ = catalogue(__file__, "base_ten")


def add(a, b):
    return sympy.Add(I(a), I(b), evaluate=False)


def sub(a, b):
    return sympy.Add(I(a), sympy.Mul(-1, I(b), evaluate=False), evaluate=False)


def mul(a, b):
    return sympy.Mul(I(a), I(b), evaluate=False)


def digits(n: int, width: int) -> list[int]:
    """The digits of ``n``, ones first, padded to ``width``."""
    return [n // 10**k % 10 for k in range(width)]


def forgot_carry(a: int, b: int) -> int:
    """Column by column, keeping only the ones digit of each column's sum (the carried tens are lost)."""
    w = len(str(max(a, b)))
    return sum((da + db) % 10 * 10**k for k, (da, db) in enumerate(zip(digits(a, w), digits(b, w))))


def smaller_from_larger(a: int, b: int) -> int:
    """Column by column, the smaller digit taken from the larger (no regrouping)."""
    w = len(str(max(a, b)))
    return sum(abs(da - db) * 10**k for k, (da, db) in enumerate(zip(digits(a, w), digits(b, w))))


def forgot_borrow(a: int, b: int) -> int:
    """Regrouping a ten into the ones but never taking it from the tens."""
    w = len(str(max(a, b)))
    return sum((da - db) % 10 * 10**k for k, (da, db) in enumerate(zip(digits(a, w), digits(b, w))))


def carries(a: int, b: int) -> int:
    w = len(str(max(a, b)))
    count, carry = 0, 0
    for da, db in zip(digits(a, w), digits(b, w)):
        carry = 1 if da + db + carry >= 10 else 0
        count += carry
    return count


def borrows(a: int, b: int) -> int:
    """How many places must regroup when subtracting b from a (a >= b)."""
    w = len(str(max(a, b)))
    count, owe = 0, 0
    for da, db in zip(digits(a, w), digits(b, w)):
        owe = 1 if da - owe < db else 0
        count += owe
    return count


# --------------------------------------------------------------------------- nbt.tens_ones (grade 1)

def tens_ones(rng: random.Random, level: int) -> Draft:
    if level == 3:
        more = rng.random() < 0.5
        n = rng.randint(20, 109) if more else rng.randint(21, 119)
        ans = n + 10 if more else n - 10
        if more:
            statement = _("What number is 10 more than {n}?").format(n=n)
            steps = [step(_("10 more means one more ten: {n} + 10 = {ans}").format(n=n, ans=ans), add(n, 10), ans)]
            wrong = [misconception(N_("changed the ones instead of the tens"), I(n + 1),
                                   _("Adding 10 adds one ten, so the tens digit grows and the ones digit stays the same.")),
                     misconception(N_("went the wrong way"), I(n - 10),
                                   _("10 more is bigger than the number you started with: count on one ten."))]
        else:
            statement = _("What number is 10 less than {n}?").format(n=n)
            steps = [step(_("10 less means one ten fewer: {n} − 10 = {ans}").format(n=n, ans=ans), sub(n, 10), ans)]
            wrong = [misconception(N_("changed the ones instead of the tens"), I(n - 1),
                                   _("Taking away 10 takes away one ten, so the tens digit gets smaller and the ones "
                                     "digit stays the same.")),
                     misconception(N_("went the wrong way"), I(n + 10),
                                   _("10 less is smaller than the number you started with: count back one ten."))]
        return Draft(statement, statement, I(ans), str(ans), steps,
                     _("Think about which digit changes when you add or take away a ten."),
                     method=_("Change the tens digit by one and keep the ones digit."),
                     answer_format=_("a whole number"), misconceptions=wrong, data={"n": n})
    t = rng.randint(2, 9) if level == 1 else rng.randint(2, 8)
    o = rng.choice([d for d in range(10) if d != t]) if level == 1 else rng.randint(10, 19)
    ans = 10 * t + o
    statement = _("What number has {t} tens and {o} ones?").format(t=t, o=o)
    steps = [step(_("{t} tens are {tv}.").format(t=t, tv=10 * t), mul(t, 10), 10 * t),
             step(_("{tv} and {o} more make {ans}.").format(tv=10 * t, o=o, ans=ans), add(10 * t, o), ans)]
    if level == 1:
        wrong = [misconception(N_("swapped tens and ones"), I(10 * o + t),
                               _("The tens digit is written first, on the left, and the ones digit on the right.")),
                 misconception(N_("added the digits"), I(t + o),
                               _("Each ten is worth ten ones: count the tens by tens, then add the ones."))]
    else:
        wrong = [misconception(N_("wrote the numbers side by side"), I(int(f"{t}{o}")),
                               _("You have ten or more ones: trade ten of the ones for one more ten first.")),
                 misconception(N_("dropped the extra ten"), I(10 * t + o % 10),
                               _("Ten ones make one more ten: add that ten to the tens you already have."))]
    data = {"tens": t, "ones": o}
    figure = blocks_figure([ans], data, _("Base-ten blocks: tens rods and ones cubes."), labels=False)
    return Draft(statement, statement, I(ans), str(ans), steps,
                 _("Each ten is a rod of ten cubes; count the rods by tens, then the ones."),
                 method=_("Count the tens: ten, twenty, thirty, … then count on the ones."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- nbt.compare (grade 1)

def compare(rng: random.Random, level: int) -> Draft:
    while True:
        if level == 1:
            tens = rng.sample(range(1, 10), 2)
            nums = [10 * tens[0] + rng.randint(0, 9), 10 * tens[0] + rng.randint(0, 9), 10 * tens[1] + rng.randint(0, 9)]
        elif level == 2:
            nums = [rng.randint(10, 99) for _i in range(3)]
        else:
            nums = [rng.randint(10, 99), rng.randint(10, 99), rng.randint(100, 120)]
        rng.shuffle(nums)
        order = sorted(nums)
        by_ones = sorted(nums, key=lambda n: n % 10)
        if len(set(nums)) == 3 and len({n % 10 for n in nums}) == 3 and by_ones not in (order, order[::-1]):
            break
    a, b, c = nums
    answer = tuple(I(n) for n in order)
    steps = [step(_("{n} is {t} tens and {o} ones.").format(n=n, t=n // 10, o=n % 10), I(n), add(10 * (n // 10), n % 10))
             for n in nums]
    steps.append(step(_("Compare the tens first; only when the tens are equal compare the ones: {x}, {y}, {z}.").format(
        x=order[0], y=order[1], z=order[2]), answer, tuple(I(n) for n in order)))
    wrong = [misconception(N_("ordered from greatest to least"), tuple(I(n) for n in order[::-1]),
                           _("The question asks for least to greatest: start with the smallest number.")),
             misconception(N_("compared the ones digits"), tuple(I(n) for n in by_ones),
                           _("The tens digit counts for more than the ones digit: compare the tens first."))]
    statement = _("Write {a}, {b} and {c} in order from least to greatest.").format(a=a, b=b, c=c)
    return Draft(statement, statement, answer, ", ".join(str(n) for n in order), steps,
                 _("Which number has the fewest tens?"),
                 method=_("Compare the tens digits first; if two numbers have the same tens, compare their ones."),
                 answer_format=_("the numbers separated by commas, least first"), misconceptions=wrong,
                 data={"numbers": nums})


# --------------------------------------------------------------------------- nbt.add_100 (grades 1–2)

def add_100(rng: random.Random, level: int) -> Draft:
    while True:
        a = rng.randint(11, 89) if level < 3 else rng.randint(25, 79)
        b = rng.randint(2, 9) if level == 1 else rng.randint(11, 59)
        if a % 10 + b % 10 >= 10 and a + b < 100 and a % 10 and b % 10:
            break
    ans = a + b
    (_h, ta, oa), (_k, tb, ob) = parts(a), parts(b)
    ones = oa + ob
    tens = 10 * (ta + tb) + 10
    steps = [step(_("Add the ones: {x} + {y} = {s}.").format(x=oa, y=ob, s=ones), add(oa, ob), ones),
             step(_("{s} ones are 1 ten and {r} ones: regroup the ten.").format(s=ones, r=ones - 10), I(ones), add(10, ones - 10)),
             step(_("Add the tens with the regrouped ten: {x} + {y} + 10 = {t}.").format(x=10 * ta, y=10 * tb, t=tens),
                  sympy.Add(I(10 * ta), I(10 * tb), I(10), evaluate=False), tens),
             step(_("{t} + {r} = {ans}").format(t=tens, r=ones - 10, ans=ans), add(tens, ones - 10), ans)]
    wrong = [misconception(N_("forgot the carried ten"), I(forgot_carry(a, b)),
                           _("When the ones make ten or more, that ten must be added to the tens column.")),
             misconception(N_("wrote the ones sum without regrouping"), I(int(f"{ta + tb}{ones}")),
                           _("A column can hold only one digit: trade ten ones for one ten and carry it."))]
    data = {"a": a, "b": b}
    figure = blocks_figure([a, b], data, _("Base-ten blocks for the two numbers being added."), sign="+")
    statement = _("What is {a} + {b}?").format(a=a, b=b)
    return Draft(statement, f"{a} + {b}", I(ans), str(ans), steps,
                 _("Add the ones first, then the tens."),
                 method=_("Add the ones; if they make ten or more, regroup ten ones as one ten and add it with the tens."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- nbt.sub_100 (grade 2)

def sub_100(rng: random.Random, level: int) -> Draft:
    while True:
        a = rng.randint(21, 99) if level < 3 else rng.randint(51, 99)
        b = rng.randint(3, 9) if level == 1 else rng.randint(11, a - 5) if level == 2 else rng.randint(25, a - 8)
        if a % 10 < b % 10 and a > b and a // 10 > b // 10:
            break
    ans = a - b
    (_h, ta, oa), (_k, tb, ob) = parts(a), parts(b)
    steps = [step(_("There are not enough ones to take {y} from {x}: regroup a ten, so {x} ones become {z} ones.").format(
                 x=oa, y=ob, z=oa + 10), add(oa, 10), oa + 10),
             step(_("Subtract the ones: {x} − {y} = {d}.").format(x=oa + 10, y=ob, d=oa + 10 - ob), sub(oa + 10, ob),
                  oa + 10 - ob),
             step(_("Subtract the tens, one ten fewer after regrouping: {x} − {y} = {d}.").format(
                 x=10 * (ta - 1), y=10 * tb, d=10 * (ta - 1 - tb)), sub(10 * (ta - 1), 10 * tb), 10 * (ta - 1 - tb)),
             step(_("{a} − {b} = {ans}").format(a=a, b=b, ans=ans), sub(a, b), ans)]
    wrong = [misconception(N_("subtracted the smaller digit from the larger"), I(smaller_from_larger(a, b)),
                           _("In each column you take the bottom digit from the top one; when the top one is smaller, "
                             "regroup a ten first.")),
             misconception(N_("forgot the regrouped ten"), I(forgot_borrow(a, b)),
                           _("When you regroup a ten into ones, the tens column has one ten fewer.")),
             misconception(N_("added instead of subtracting"), I(a + b),
                           _("Take away means subtract: the answer is smaller than the first number."))]
    data = {"a": a}
    figure = blocks_figure([a], data, _("Base-ten blocks for the number you subtract from."))
    statement = _("What is {a} − {b}?").format(a=a, b=b)
    return Draft(statement, f"{a} - {b}", I(ans), str(ans), steps,
                 _("Look at the ones first: are there enough to take away?"),
                 method=_("If the ones on top are fewer than the ones you take away, regroup one ten as ten ones, "
                          "then subtract the ones and then the tens."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- nbt.place_value_1000 (grade 2)

def place_value_1000(rng: random.Random, level: int) -> Draft:
    h, t, o = rng.randint(1, 9), rng.choice([0, 0, *range(1, 10)]), rng.randint(1, 9)
    if level == 3:
        h, t, o = rng.sample(range(1, 10), 3)
        n = 100 * h + 10 * t + o
        place = rng.choice([100, 10])
        d = h if place == 100 else t
        statement = _("In {n}, what is the value of the digit {d}?").format(n=n, d=d)
        steps = [step(_("{n} = {h} hundreds + {t} tens + {o} ones.").format(n=n, h=h, t=t, o=o), I(n),
                      sympy.Add(mul(h, 100), mul(t, 10), I(o), evaluate=False)),
                 step(_("The digit {d} stands for {d} × {p}.").format(d=d, p=place), mul(d, place), d * place)]
        wrong = [misconception(N_("gave the digit, not its value"), I(d),
                               _("A digit's value depends on its place: say which place it is in.")),
                 misconception(N_("used the wrong place"), I(d * (10 if place == 100 else 100)),
                               _("Count the places from the right: ones, tens, hundreds."))]
        data = {"n": n}
        return Draft(statement, statement, I(d * place), str(d * place), steps,
                     _("Which place is that digit in: ones, tens or hundreds?"),
                     method=_("Find the digit's place, then multiply the digit by the value of that place."),
                     answer_format=_("a whole number"), misconceptions=wrong, data=data)
    n = 100 * h + 10 * t + o
    steps = [step(_("{h} hundreds = {v}").format(h=h, v=100 * h), mul(h, 100), 100 * h),
             step(_("{t} tens = {v}").format(t=t, v=10 * t), mul(t, 10), 10 * t),
             step(_("{a} + {b} + {c} = {n}").format(a=100 * h, b=10 * t, c=o, n=n),
                  sympy.Add(I(100 * h), I(10 * t), I(o), evaluate=False), n)]
    wrong = [misconception(N_("added the digits"), I(h + t + o),
                           _("A hundred is worth a hundred ones and a ten ten ones: the digits are not all ones.")),
             misconception(N_("wrote the places in the wrong order"), I(100 * o + 10 * t + h),
                           _("Hundreds come first on the left, then tens, then ones."))]
    if t == 0:
        wrong.insert(0, misconception(N_("left out the zero place"), I(10 * h + o),
                                      _("Every place needs a digit: write 0 when there are no tens.")))
    if level == 1:
        statement = _("What number has {h} hundreds, {t} tens and {o} ones?").format(h=h, t=t, o=o)
        data = {"hundreds": h, "tens": t, "ones": o}
        figure = blocks_figure([n], data, _("Base-ten blocks: hundreds flats, tens rods and ones cubes."), labels=False)
    else:
        terms = " + ".join(str(v) for v in (100 * h, 10 * t, o) if v)
        statement = _("Write {expanded} as one number.").format(expanded=terms)
        data = {"hundreds": h, "tens": t, "ones": o}
        figure = None
        if t:
            wrong.insert(0, misconception(N_("wrote the parts side by side"), I(int(terms.replace(" + ", ""))),
                                          _("Add the parts: the hundreds, tens and ones each take one digit.")))
    return Draft(statement, statement, I(n), str(n), steps,
                 _("A three-digit number has a hundreds digit, a tens digit and a ones digit."),
                 method=_("Write the hundreds digit, then the tens digit, then the ones digit; use 0 for an empty place."),
                 answer_format=_("a whole number"), misconceptions=wrong, data=data, figure=figure)


# --------------------------------------------------------------------------- nbt.add_sub_1000 (grades 2–3)

def add_sub_1000(rng: random.Random, level: int) -> Draft:
    subtract = level == 2 or (level == 3 and rng.random() < 0.5)
    want = 1 if level < 3 else 2
    while True:
        a, b = rng.randint(120, 899), rng.randint(101, 699)
        if subtract:
            a, b = max(a, b), min(a, b)
            if a - b >= 100 and borrows(a, b) == want and forgot_borrow(a, b) != smaller_from_larger(a, b):
                break
        elif a + b < 1000 and carries(a, b) == want:
            break
    w = 3
    da, db = digits(a, w), digits(b, w)
    if subtract:
        ans = a - b
        statement = _("What is {a} − {b}?").format(a=a, b=b)
        steps = [step(_("Regroup where the top digit is smaller, then subtract place by place: ones {x}, tens {y}, "
                        "hundreds {z}.").format(x=ans % 10, y=ans // 10 % 10, z=ans // 100), I(ans),
                      sympy.Add(mul(ans // 100, 100), mul(ans // 10 % 10, 10), I(ans % 10), evaluate=False)),
                 step(_("Check by adding back: {d} + {b} = {a}").format(d=ans, b=b, a=a), add(ans, b), a)]
        wrong = [misconception(N_("subtracted the smaller digit from the larger"), I(smaller_from_larger(a, b)),
                               _("Always take the bottom digit from the top digit; when the top is smaller, regroup "
                                 "from the next place first.")),
                 misconception(N_("forgot the regrouped ten"), I(forgot_borrow(a, b)),
                               _("After regrouping, the place you took from has one less."))]
        nudge = _("Line the numbers up by place value and start with the ones.")
        method = _("Subtract ones, then tens, then hundreds; regroup from the next place whenever the top digit is "
                   "smaller than the bottom one.")
        latex = f"{a} - {b}"
    else:
        ans = a + b
        statement = _("What is {a} + {b}?").format(a=a, b=b)
        ones, tens = da[0] + db[0], da[1] + db[1] + (1 if da[0] + db[0] >= 10 else 0)
        steps = [step(_("Ones: {x} + {y} = {s}").format(x=da[0], y=db[0], s=ones), add(da[0], db[0]), ones),
                 step(_("Tens, with any carried ten: {x} + {y} + {c} = {s}").format(
                     x=da[1], y=db[1], c=tens - da[1] - db[1], s=tens),
                     sympy.Add(I(da[1]), I(db[1]), I(tens - da[1] - db[1]), evaluate=False), tens),
                 step(_("{a} + {b} = {ans}").format(a=a, b=b, ans=ans), add(a, b), ans)]
        wrong = [misconception(N_("forgot the carried ten"), I(forgot_carry(a, b)),
                               _("When a column makes ten or more, carry one to the next place and add it there.")),
                 misconception(N_("subtracted instead of adding"), I(abs(a - b)),
                               _("The sign is plus: put the two amounts together."))]
        nudge = _("Line the numbers up by place value and start with the ones.")
        method = _("Add ones, then tens, then hundreds; when a column makes ten or more, carry one to the next place.")
        latex = f"{a} + {b}"
    return Draft(statement, latex, I(ans), str(ans), steps, nudge, method=method,
                 answer_format=_("a whole number"), misconceptions=wrong, data={"a": a, "b": b})
