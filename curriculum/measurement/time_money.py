"""Time (clock reading, elapsed time) and money (counting coins, making change)."""

from __future__ import annotations

import random

from sympy import Integer as I
from sympy import Rational as R

from curriculum.kit import N_, Draft, misconception, step
from curriculum.measurement import _
from curriculum.measurement import figures as fig
from curriculum.measurement.common import (
    add,
    clock_text,
    dollars_text,
    later,
    money,
    mul,
    qty,
    sub,
    time_answer,
    time_answer_text,
    words,
)

# ----------------------------------------------------------------------------------------------- clocks

CLOCK_QUESTIONS = [N_("What time does the clock show?"), N_("Look at the clock. What time is it?"),
                   N_("The clock shows when the class starts. What time is that?"),
                   N_("The clock shows when the bus comes. What time is it?")]


def _clock_misconceptions(h: int, m: int) -> list:
    k = m // 5
    out = [
        misconception(N_("swapped the hour and minute hands"), time_answer(k or 12, (h % 12) * 5),
                      _("The short hand shows the hour and the long hand shows the minutes. You read them the other "
                        "way round: look at the short hand first.")),
        misconception(N_("read the minute hand's number as minutes"), time_answer(h, k or 12),
                      _("The long hand points to a number on the clock face, but each number stands for 5 minutes. "
                        "Count by fives up to where the long hand points.")),
    ]
    if m >= 30:
        out.append(misconception(
            N_("read the hour the short hand is moving towards"), time_answer(h % 12 + 1, m),
            _("When the short hand is between two numbers, the hour is the number it has just passed, not the "
              "one it is moving towards.")))
    return out


def _clock_draft(rng: random.Random, h: int, m: int) -> Draft:
    data = {"hour": h, "minute": m}
    k = m // 5
    if m == 0:
        steps = [step(_("The long hand points straight up at 12: zero minutes past, so the time is {h} o'clock.")
                      .format(h=h), I(h), I(h)),
                 step(_("The short hand points at {h}, so the hour is {h}.").format(h=h), I(h), I(h))]
    else:
        steps = [step(_("The short hand has passed {h} but not reached the next number, so the hour is {h}.")
                      .format(h=h), I(h), I(h)),
                 step(_("The long hand points at {k}. Count by fives: {k} × 5 = {m} minutes.").format(k=k, m=m),
                      mul(k, 5), I(m)),
                 step(_("So the time is {time}.").format(time=clock_text(h, m)), I(h * 60 + m), I(h * 60 + m))]
    alt = _("An analog clock. The short hour hand and the long minute hand point to the time to read.")
    return Draft(
        _(rng.choice(CLOCK_QUESTIONS)), r"\text{?}", time_answer(h, m), time_answer_text(h, m), steps,
        _("Look at the short hand first: it tells the hour. Then look at the long hand: it tells the minutes."),
        method=_("Read the hour from the short hand (the number it has just passed), then count by fives from 12 to "
                 "the long hand for the minutes."),
        answer_format=_("the time as hour:minutes, like 4:05"),
        data={**data, "unit": _("a time on the clock"),
              "facts": [_("each number on the clock face is 5 minutes for the long hand; 1 h = 60 min")]},
        figure=fig.clock(h, m, alt=alt, data=data), misconceptions=_clock_misconceptions(h, m),
    )


def time_hour(rng: random.Random, level: int) -> Draft:
    h = rng.randint(1, 12)
    m = 0 if level == 1 else 30 if level == 2 else rng.choice([0, 30, 30])
    return _clock_draft(rng, h, m)


def time_five(rng: random.Random, level: int) -> Draft:
    h = rng.randint(1, 12)
    m = 5 * (rng.randint(1, 5) if level == 1 else rng.randint(7, 11) if level == 2 else rng.choice(
        [1, 2, 4, 5, 7, 8, 10, 11]))
    return _clock_draft(rng, h, m)


# ----------------------------------------------------------------------------------------------- elapsed time

EVENTS = [N_("A movie"), N_("A soccer game"), N_("A piano lesson"), N_("A school trip"), N_("A baking class"),
          N_("A swim practice")]


def elapsed_time(rng: random.Random, level: int) -> Draft:
    event = _(rng.choice(EVENTS))
    half = rng.choice([N_("{time} in the morning"), N_("{time} in the afternoon")])
    if level == 3:
        h, m = rng.randint(1, 10), 5 * rng.randint(2, 11)
        dh, dm = rng.randint(1, 2), 5 * rng.randint(1, 11)
        while m + dm < 60:
            dm = 5 * rng.randint(1, 11)
            m = 5 * rng.randint(2, 11)
        eh, em = later(h, m, dh * 60 + dm)
        start = _(half).format(time=clock_text(h, m))
        steps = [
            step(_("Add the hours first: {h} + {dh} = {sum}, so it is {time} after {dh} hours.").format(
                h=h, dh=dh, sum=h + dh, time=clock_text(h + dh, m)), add(h, dh), I(h + dh)),
            step(_("Then the minutes: {m} + {dm} = {sum} minutes, which is more than 60.").format(
                m=m, dm=dm, sum=m + dm), add(m, dm), I(m + dm)),
            step(_("{sum} minutes = 1 hour {rest} minutes, so the end time is {time}.").format(
                sum=m + dm, rest=m + dm - 60, time=clock_text(eh, em)), sub(m + dm, 60), I(m + dm - 60)),
        ]
        return Draft(
            _("{event} starts at {start} and lasts {dh} h {dm} min. At what time does it end?").format(
                event=event, start=start, dh=dh, dm=dm),
            rf"{h}:{m:02d} + {dh}\,\mathrm{{h}}\ {dm}\,\mathrm{{min}}", time_answer(eh, em), time_answer_text(eh, em),
            steps, _("Add the hours, then the minutes. Remember that 60 minutes make 1 hour."),
            method=_("Add the hours to the start time, then add the minutes; when the minutes reach 60 or more, "
                     "trade 60 minutes for one more hour."),
            answer_format=_("the time as hour:minutes, like 4:05"),
            data={"start": (h, m), "duration_min": dh * 60 + dm, "facts": [_("1 h = 60 min")],
                  "unit": _("a time on the clock")},
            misconceptions=[
                misconception(N_("did not trade 60 minutes for an hour"), time_answer(h + dh, m + dm),
                              _("A clock has only 60 minutes in an hour: when the minutes add up to 60 or more, "
                                "take away 60 minutes and add one hour.")),
                misconception(N_("added only the hours"), time_answer((h + dh - 1) % 12 + 1, m),
                              _("You added the hours but forgot the minutes of the time it lasts.")),
            ],
        )
    h1 = rng.randint(1, 9)
    if level == 1:
        m1 = 5 * rng.randint(0, 6)
        m2 = m1 + 5 * rng.randint(2, 60 // 5 - m1 // 5 - 1) if m1 < 45 else 55
        h2 = h1
    else:
        m1 = 5 * rng.randint(4, 11)
        m2 = 5 * rng.randint(0, m1 // 5 - 1)
        h2 = h1 + rng.randint(1, 2)
    ans = (h2 * 60 + m2) - (h1 * 60 + m1)
    start, end = _(half).format(time=clock_text(h1, m1)), _(half).format(time=clock_text(h2, m2))
    if h2 == h1:
        steps = [step(_("Both times are in the same hour, so subtract the minutes: {m2} - {m1} = {d}.").format(
            m2=m2, m1=m1, d=ans), sub(m2, m1), I(ans))]
    else:
        to_hour = 60 - m1
        steps = [
            step(_("From {start} to {next} is {n} minutes.").format(
                start=clock_text(h1, m1), next=clock_text(h1 + 1, 0), n=to_hour), sub(60, m1), I(to_hour)),
            step(_("From {next} to {end} is {hours} h {m2} min, which is {mins} minutes.").format(
                next=clock_text(h1 + 1, 0), end=clock_text(h2, m2), hours=h2 - h1 - 1, m2=m2,
                mins=(h2 - h1 - 1) * 60 + m2), add(mul(h2 - h1 - 1, 60), m2), I((h2 - h1 - 1) * 60 + m2)),
            step(_("In all: {a} + {b} = {total} minutes.").format(a=to_hour, b=(h2 - h1 - 1) * 60 + m2, total=ans),
                 add(to_hour, (h2 - h1 - 1) * 60 + m2), I(ans)),
        ]
    base_ten = (h2 * 100 + m2) - (h1 * 100 + m1)
    mis = [
        misconception(N_("subtracted times like base-ten numbers"), I((base_ten // 100) * 60 + base_ten % 100),
                      _("Times are not base-ten numbers: an hour has 60 minutes, not 100. Count on from the start "
                        "time to the next hour, then to the end time.")),
        misconception(N_("added the times instead of finding the gap"), I(m1 + m2 + 60 * (h2 - h1)),
                      _("The time it lasts is the gap between the start and the end: count on from the start time "
                        "to the end time instead of adding.")),
        misconception(N_("counted only the hours"), I(60 * (h2 - h1)),
                      _("The minutes matter too: the start and end times do not both fall on the hour.")),
    ]
    return Draft(
        _("{event} starts at {start} and ends at {end}. How many minutes does it last?").format(
            event=event, start=start, end=end),
        rf"{h2}:{m2:02d} - {h1}:{m1:02d}", I(ans), str(ans), steps,
        _("Count on from the start time to the end time."),
        method=_("Count the minutes from the start time up to the next hour, then the hours and minutes up to the "
                 "end time, and add the pieces."),
        answer_format=_("a number of minutes (or hours and minutes)"),
        data={"start": (h1, m1), "end": (h2, m2), "facts": [_("1 h = 60 min")], "unit": words("min")},
        misconceptions=mis, answer_unit="min",
    )


# ----------------------------------------------------------------------------------------------- coins

COIN_VALUES = (1, 5, 10, 25)


def _coin_list(counts: dict[int, int]) -> str:
    parts = [_("{n} coins of {v}¢").format(n=n, v=v) if n > 1 else _("1 coin of {v}¢").format(v=v)
             for v, n in counts.items() if n]
    return _(", ").join(parts)


def count_coins(rng: random.Random, level: int) -> Draft:
    kinds = [5, 10, 1] if level == 1 else [25, 10, 5, 1]
    counts: dict[int, int] = {}
    for v in sorted(rng.sample(kinds, rng.randint(2, 3)), reverse=True):
        counts[v] = rng.randint(1, 4 if v == 25 else 5)
    bills = [1] * rng.randint(1, 4) if level == 3 else []
    cents = sum(v * n for v, n in counts.items())
    values = [v for v, n in counts.items() for _k in range(n)]
    total_cents = cents + 100 * len(bills)
    steps = [step(_("{n} × {v}¢ = {total}¢").format(n=n, v=v, total=n * v), mul(n, v), I(n * v))
             for v, n in counts.items()]
    steps.append(step(_("Add the coins: {sum} = {cents}¢").format(
        sum=" + ".join(str(n * v) for v, n in counts.items()), cents=cents),
        add(*[n * v for v, n in counts.items()]), I(cents)))
    data = {"coins": values, "bills": bills, "unit": words("¢") if level < 3 else words("$"),
            "facts": [_("$1 = 100¢")]}
    alt = _("Coins (and bills) laid out in a row, each marked with its value.")
    swapped = sum({5: 10, 10: 5}.get(v, v) * n for v, n in counts.items())
    if level < 3:
        statement = _("How much money is this? {coins}. How many cents is that in all?").format(
            coins=_coin_list(counts))
        mis = [
            misconception(N_("counted every coin as one cent"), I(len(values)),
                          _("Each coin is worth its value, not 1 cent: count by the coin's value (by 25s, 10s, 5s) "
                            "and add.")),
            misconception(N_("mixed up nickels and dimes"), I(swapped),
                          _("The smaller dime is worth 10¢ and the bigger nickel is worth 5¢: check each coin's "
                            "value again.")),
        ]
        answer, text, unit_code = I(cents), str(cents), "¢"
    else:
        statement = _("How much money is this? {bills} and {coins}. How many dollars is that in all?").format(
            bills=_("{n} bills of $1").format(n=len(bills)), coins=_coin_list(counts))
        answer = R(total_cents, 100)
        steps.append(step(_("{n} bills of $1 make {dollars}; with the coins that is {total}¢ = {answer}.").format(
            n=len(bills), dollars=money(len(bills)), total=total_cents, answer=money(answer)),
            R(total_cents, 100), answer))
        mis = [
            misconception(N_("forgot the bills"), R(cents, 100),
                          _("Count the dollar bills too: each one is worth 100¢.")),
            misconception(N_("mixed up nickels and dimes"), R(swapped + 100 * len(bills), 100),
                          _("The smaller dime is worth 10¢ and the bigger nickel is worth 5¢: check each coin's "
                            "value again.")),
            misconception(N_("wrote the cents as dollars"), I(total_cents),
                          _("100 cents make one dollar: write the amount in dollars with a decimal point.")),
        ]
        text, unit_code = dollars_text(answer), "$"
    return Draft(
        statement, r"\text{?}", answer, text, steps,
        _("Start with the coins worth the most and count on."),
        method=_("For each kind of coin, multiply how many there are by what one is worth, then add the amounts."),
        answer_format=_("an amount of money, like 87¢ or $4.05"),
        data=data, figure=fig.coins(values, bills, alt=alt, data={"coins": values, "bills": bills}),
        misconceptions=mis, answer_unit=unit_code,
    )


ITEMS = [N_("a book"), N_("a toy car"), N_("a sandwich"), N_("a kite"), N_("a puzzle"), N_("a water bottle")]


def _no_regroup(a: int, b: int) -> int:
    """Subtracting column by column, the smaller digit from the larger, without regrouping."""
    out, place = 0, 1
    while a or b:
        out += abs(a % 10 - b % 10) * place
        a, b, place = a // 10, b // 10, place * 10
    return out


def make_change(rng: random.Random, level: int) -> Draft:
    item = _(rng.choice(ITEMS))
    if level == 1:
        price, paid = rng.randint(11, 89), 100
        while price % 10 == 0:
            price = rng.randint(11, 89)
    else:
        price = rng.randint(105, 895 if level == 2 else 1490)
        while price % 10 == 0:
            price += 3
        paid = 500 if price < 500 else 1000 if price < 1000 else 2000
    change = paid - price
    if level == 1:
        statement = _("{item} costs {price}. You pay with $1. How many cents of change do you get?").format(
            item=item.capitalize() if item[:1].isascii() else item, price=qty(price, "¢"))
        answer, text, code = I(change), str(change), "¢"
        wrong = [I(_no_regroup(paid, price)), I(paid + price)]
        steps = [step(_("You pay $1, which is 100¢."), R(paid, 100) * 100, I(paid)),
                 step(_("Take away the price: 100 - {price} = {change}¢.").format(price=price, change=change),
                      sub(100, price), I(change))]
    else:
        statement = _("{item} costs {price}. You pay with a {paid} bill. How much change do you get?").format(
            item=item.capitalize() if item[:1].isascii() else item, price=money(R(price, 100)),
            paid=money(paid // 100))
        answer, text, code = R(change, 100), dollars_text(R(change, 100)), "$"
        wrong = [R(_no_regroup(paid, price), 100), R(paid + price, 100)]
        steps = [
            step(_("Write both in cents: {paid} = {p}¢ and {price} = {c}¢.").format(
                paid=money(paid // 100), p=paid, price=money(R(price, 100)), c=price), R(paid, 100) * 100, I(paid)),
            step(_("Subtract: {p} - {c} = {change}¢.").format(p=paid, c=price, change=change), sub(paid, price),
                 I(change)),
            step(_("{change}¢ = {answer}.").format(change=change, answer=money(R(change, 100))), R(change, 100),
                 R(change, 100)),
        ]
    return Draft(
        statement, r"\text{?}", answer, text, steps,
        _("The change is what is left of the money you paid after the price is taken away."),
        method=_("Subtract the price from the money paid, regrouping a dollar as 100 cents when you need to (or "
                 "count up from the price to the money paid)."),
        answer_format=_("an amount of money, like 87¢ or $4.05"),
        data={"price_cents": price, "paid_cents": paid, "unit": words(code), "facts": [_("$1 = 100¢")]},
        misconceptions=[
            misconception(N_("subtracted without regrouping"), wrong[0],
                          _("In each place you took the smaller digit from the bigger one. When the top digit is "
                            "smaller, regroup from the next place first.")),
            misconception(N_("added instead of subtracting"), wrong[1],
                          _("Change is what is left over, so take the price away from the money paid.")),
        ],
        answer_unit=code,
    )
