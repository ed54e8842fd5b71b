"""Centre and spread, grades 6–7: mean, median and mode, range and IQR, MAD, box plots, dot plots, and
comparing two groups."""

from __future__ import annotations

import itertools
import random

import sympy
from sympy import Rational as R

from curriculum.kit import N_, Draft, decimal_text, misconception, step
from curriculum.statistics import _
from curriculum.statistics.figures import box_plot, dot_plot


def listing(values) -> str:
    """Numbers in a sentence: "3, 5, 8" ("3、5、8" in Chinese)."""
    return _(", ").join(str(v) for v in values)


def tex_word(text: str) -> str:
    """A word in the problem's LaTeX, in the problem's language."""
    return r"\text{" + text + "}"


def tex_list(values) -> str:
    return ", ".join(str(v) for v in values)


def num(value) -> str:
    """A mean or median written as a child would: 12, 12.5, 12.25."""
    return decimal_text(sympy.Rational(value))


def median_of(values) -> R:
    s = sorted(values)
    n = len(s)
    return R(s[n // 2]) if n % 2 else R(s[n // 2 - 1] + s[n // 2], 2)


def unsorted_middle(values) -> R:
    n = len(values)
    return R(values[n // 2]) if n % 2 else R(values[n // 2 - 1] + values[n // 2], 2)


def mean(rng: random.Random, level: int) -> Draft:
    n = (4, 5, 6)[level - 1] if level < 3 else rng.choice((4, 5))
    hi = (20, 40, 90)[level - 1]
    while True:
        values = [rng.randint(2, hi) for _k in range(n)]
        total = sum(values)
        if level == 3 and total % n or level < 3 and not total % n:
            break
    ans = R(total, n)
    data = {"values": values}
    return Draft(
        _("Find the mean of these numbers: {values}.").format(values=listing(values)),
        tex_word(_("mean")) + "(" + tex_list(values) + ")", ans, num(ans),
        [
            step(_("Add them: {sum} = {total}").format(sum=" + ".join(map(str, values)), total=total),
                 sympy.Add(*values, evaluate=False), total),
            step(_("There are {n} numbers: {total} ÷ {n} = {mean}").format(n=n, total=total, mean=num(ans)),
                 R(total, n), ans),
        ],
        _("The mean shares the total out equally among all the numbers."),
        method=_("Add all the numbers, then divide the total by how many numbers there are."),
        data=data, answer_format=_("a number (a decimal if needed)"),
        misconceptions=[
            misconception(N_("mean and median mixed up"), median_of(values),
                          _("That is the middle number once they are in order: the median. The mean is the total "
                            "shared out equally.")),
            misconception(N_("forgot to divide by the count"), sympy.Integer(total),
                          _("That is the total. To find the mean, share the total out equally among the numbers.")),
            misconception(N_("divided by the wrong count"), R(total, n - 1),
                          _("Divide by how many numbers there are: count every one of them.")),
        ],
    )


def median_mode(rng: random.Random, level: int) -> Draft:
    if level < 3:
        n = (7, 8)[level - 1]
        while True:
            values = rng.sample(range(3, 40), n)
            if unsorted_middle(values) != median_of(values) and sorted(values) != values:
                break
        ans = median_of(values)
        s = sorted(values)
        if n % 2:
            last = step(_("The middle one of {n} numbers is number {k}: {median}").format(
                n=n, k=n // 2 + 1, median=num(ans)), R(s[n // 2]), ans)
        else:
            last = step(_("Two numbers share the middle, {a} and {b}: ({a} + {b}) ÷ 2 = {median}").format(
                a=s[n // 2 - 1], b=s[n // 2], median=num(ans)), R(s[n // 2 - 1] + s[n // 2], 2), ans)
        return Draft(
            _("Find the median of these numbers: {values}.").format(values=listing(values)),
            tex_word(_("median")) + "(" + tex_list(values) + ")", ans, num(ans),
            [step(_("Put them in order: {sorted}").format(sorted=listing(s)), sympy.Integer(len(s)), n), last],
            _("The median is the middle value, but only once the numbers are in order."),
            method=_("Write the numbers from least to greatest, then find the middle one (or the mean of the middle "
                     "two)."),
            data={"values": values}, answer_format=_("a number (a decimal if needed)"),
            misconceptions=[
                misconception(N_("median without sorting"), unsorted_middle(values),
                              _("You took the middle of the list as it was written. Put the numbers in order "
                                "first.")),
                misconception(N_("mean and median mixed up"), R(sum(values), n),
                              _("That is the mean (the total shared out). The median is the middle value in "
                                "order.")),
            ],
        )
    # The mode from a dot plot.
    lo = rng.randint(1, 6)
    hi = lo + 8
    while True:
        values = [rng.randint(lo, hi) for _k in range(rng.randint(11, 15))]
        counts = {v: values.count(v) for v in set(values)}
        top = max(counts.values())
        modes = [v for v, c in counts.items() if c == top]
        if len(modes) == 1 and modes[0] != max(values) and top not in (modes[0], max(values)):
            break
    ans = sympy.Integer(modes[0])
    values = sorted(values)
    data = {"values": values}
    return Draft(
        _("The dot plot shows how many books each of {n} students read this month. What is the mode?").format(
            n=len(values)),
        tex_word(_("mode")) + " = ?", ans, str(ans),
        [step(_("The tallest column of dots has {count} dots.").format(count=top), sympy.Integer(top), top),
         step(_("That column is above {mode}, so the mode is {mode}.").format(mode=ans), ans, ans)],
        _("The mode is the value that appears most often."),
        method=_("Find the tallest stack of dots and read the number below it."),
        data=data, answer_format=_("a whole number"),
        figure=dot_plot(values, lo, hi, alt=_("A dot plot: one dot for each student, above the number of books."),
                        data=data),
        misconceptions=[
            misconception(N_("mode as the largest value"), sympy.Integer(max(values)),
                          _("That is the largest value. The mode is the value that occurs most often.")),
            misconception(N_("gave how often instead of the value"), sympy.Integer(top),
                          _("That is how many dots are in the tallest stack. The mode is the number below it.")),
        ],
    )


def _quartiles(values):
    s = sorted(values)
    half = len(s) // 2
    return median_of(s[:half]), median_of(s[half:])


def range_iqr(rng: random.Random, level: int) -> Draft:
    n = (7, 8, 12)[level - 1]
    values = rng.sample(range(2, (30, 50, 60)[level - 1]), n)
    s = sorted(values)
    data = {"values": values}
    if level == 1:
        ans = sympy.Integer(s[-1] - s[0])
        return Draft(
            _("Find the range of these numbers: {values}.").format(values=listing(values)),
            tex_word(_("range")) + "(" + tex_list(values) + ")", ans, str(ans),
            [step(_("Largest {max}, smallest {min}: {max} - {min} = {range}").format(max=s[-1], min=s[0], range=ans),
                  sympy.Add(s[-1], -s[0], evaluate=False), ans)],
            _("The range tells how spread out the numbers are."),
            method=_("Find the largest and the smallest number and subtract."),
            data=data, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("range as the largest value"), sympy.Integer(s[-1]),
                              _("That is the largest number. The range is how far it is from the smallest.")),
                misconception(N_("used the first and last numbers as written"), sympy.Abs(values[-1] - values[0]),
                              _("The first and last numbers of the list are not always the largest and smallest. "
                                "Find those first.")),
                misconception(N_("added instead of subtracting"), sympy.Integer(s[-1] + s[0]),
                              _("The range is the largest number minus the smallest, not their sum.")),
            ],
        )
    q1, q3 = _quartiles(values)
    ans = q3 - q1
    half = n // 2
    return Draft(
        _("Find the interquartile range (IQR) of these numbers: {values}.").format(values=listing(values)),
        tex_word(_("IQR")) + "(" + tex_list(values) + ")", ans, num(ans),
        [
            step(_("In order: {sorted}").format(sorted=listing(s)), sympy.Integer(n), n),
            step(_("Lower half {lower}: Q1 = {q1}").format(lower=listing(s[:half]), q1=num(q1)),
                 median_of(s[:half]), q1),
            step(_("Upper half {upper}: Q3 = {q3}").format(upper=listing(s[half:]), q3=num(q3)),
                 median_of(s[half:]), q3),
            step(_("IQR = Q3 - Q1 = {q3} - {q1} = {iqr}").format(q3=num(q3), q1=num(q1), iqr=num(ans)), q3 - q1, ans),
        ],
        _("The IQR is the spread of the middle half of the data."),
        method=_("Order the numbers, split them into a lower and an upper half, find the median of each half (Q1 and "
                 "Q3), then subtract Q1 from Q3."),
        data=data, answer_format=_("a number (a decimal if needed)"),
        misconceptions=[
            misconception(N_("IQR as max − min"), sympy.Integer(s[-1] - s[0]),
                          _("That is the range, the spread of all the data. The IQR uses only the middle half: "
                            "from Q1 to Q3.")),
            misconception(N_("gave Q3 instead of Q3 − Q1"), q3,
                          _("That is the upper quartile. The IQR is the distance from Q1 up to Q3.")),
            misconception(N_("read the median instead of the IQR"), median_of(values),
                          _("That is the median of all the numbers. The IQR is Q3 minus Q1.")),
        ],
    )


def mad(rng: random.Random, level: int) -> Draft:
    n = (4, 5, 8)[level - 1]
    while True:
        values = [rng.randint(1, (12, 20, 30)[level - 1]) for _k in range(n)]
        if sum(values) % n == 0 and len(set(values)) > 2:
            break
    m = sum(values) // n
    devs = [abs(v - m) for v in values]
    total = sum(devs)
    ans = R(total, n)
    return Draft(
        _("Find the mean absolute deviation (MAD) of these numbers: {values}.").format(values=listing(values)),
        tex_word(_("MAD")) + "(" + tex_list(values) + ")", ans, num(ans),
        [
            step(_("Mean: {sum} ÷ {n} = {mean}").format(sum=sum(values), n=n, mean=m), R(sum(values), n), m),
            step(_("Distances from the mean: {devs}; they add up to {total}").format(devs=listing(devs), total=total),
                 sympy.Add(*devs, evaluate=False), total),
            step(_("MAD = {total} ÷ {n} = {mad}").format(total=total, n=n, mad=num(ans)), R(total, n), ans),
        ],
        _("The MAD is the average distance of the numbers from their mean."),
        method=_("Find the mean, then how far each number is from it (always positive), then the mean of those "
                 "distances."),
        data={"values": values}, answer_format=_("a number (a decimal if needed)"),
        misconceptions=[
            misconception(N_("forgot the absolute value"), sympy.Integer(0),
                          _("Distances below the mean cancel the ones above if you keep their signs. Count every "
                            "distance as positive.")),
            misconception(N_("forgot to divide by the count"), sympy.Integer(total),
                          _("That is the total distance. The MAD is the mean of the distances: share it out.")),
            misconception(N_("gave the mean instead of the MAD"), sympy.Integer(m),
                          _("That is the mean. The MAD is how far, on average, the numbers are from the mean.")),
        ],
    )


def box_plot_problem(rng: random.Random, level: int) -> Draft:
    stp = (1, 2, 5)[level - 1]
    while True:
        cuts = sorted(rng.sample(range(1, 19), 5))
        if len({b - a for a, b in itertools.pairwise(cuts)}) > 1 and cuts[2] - cuts[0] != cuts[4] - cuts[2]:
            break
    summary = [c * stp for c in cuts]
    lo, hi = 0, 20 * stp
    mn, q1, med, q3, mx = summary
    data = {"summary": summary}
    fig = box_plot(summary, lo, hi, stp, alt=_("A box plot over a number scale."), data=data)
    intro = _("The box plot shows the points a team scored in its {n} games.").format(n=rng.randint(12, 30))
    read = [step(_("The box goes from Q1 = {q1} to Q3 = {q3}.").format(q1=q1, q3=q3), sympy.Integer(q1), q1)]
    if level == 1:
        ans = sympy.Integer(med)
        return Draft(
            _("{intro} What is the median?").format(intro=intro), tex_word(_("median")) + " = ?", ans, str(ans),
            [*read, step(_("The line inside the box marks the median: {median}").format(median=med), ans, med)],
            _("A box plot has five marks: the ends of the whiskers, the ends of the box, and a line inside the box."),
            method=_("Find the line inside the box and read where it meets the scale."),
            data=data, figure=fig, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("read a box edge as the median"), sympy.Integer(q3),
                              _("That is the right edge of the box, Q3. The median is the line inside the box.")),
                misconception(N_("took the middle of the whiskers as the median"), R(mn + mx, 2),
                              _("The median is not halfway between the ends: read the line inside the box.")),
            ],
        )
    if level == 2:
        ans = sympy.Integer(mx - mn)
        return Draft(
            _("{intro} What is the range of the scores?").format(intro=intro), tex_word(_("range")) + " = ?", ans,
            str(ans),
            [step(_("The whiskers end at {min} and {max}.").format(min=mn, max=mx), sympy.Integer(mx), mx),
             step(_("Range = {max} - {min} = {range}").format(max=mx, min=mn, range=ans),
                  sympy.Add(mx, -mn, evaluate=False), ans)],
            _("The ends of the whiskers are the smallest and the largest score."),
            method=_("Read both ends of the whiskers on the scale, then subtract the smaller from the larger."),
            data=data, figure=fig, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("range as the largest value"), sympy.Integer(mx),
                              _("That is the largest score. The range is how far it is from the smallest.")),
                misconception(N_("gave the IQR instead of the range"), sympy.Integer(q3 - q1),
                              _("That is the length of the box, the IQR. The range goes from whisker end to "
                                "whisker end.")),
            ],
        )
    ans = sympy.Integer(q3 - q1)
    return Draft(
        _("{intro} What is the interquartile range (IQR)?").format(intro=intro), tex_word(_("IQR")) + " = ?", ans,
        str(ans),
        [*read, step(_("IQR = {q3} - {q1} = {iqr}").format(q3=q3, q1=q1, iqr=ans), sympy.Add(q3, -q1, evaluate=False),
                     ans)],
        _("The box itself holds the middle half of the scores."),
        method=_("Read the two ends of the box on the scale (Q1 and Q3), then subtract."),
        data=data, figure=fig, answer_format=_("a whole number"),
        misconceptions=[
            misconception(N_("IQR as max − min"), sympy.Integer(mx - mn),
                          _("That is the range, from whisker end to whisker end. The IQR is the length of the box.")),
            misconception(N_("gave Q3 instead of Q3 − Q1"), sympy.Integer(q3),
                          _("That is where the box ends, Q3. The IQR is the length of the box, from Q1 to Q3.")),
            misconception(N_("read the median instead of the IQR"), sympy.Integer(med),
                          _("That is the median, the line inside the box. The IQR is the length of the box.")),
        ],
    )


def distribution(rng: random.Random, level: int) -> Draft:
    lo = rng.randint(0, 5)
    hi = lo + 9
    values = sorted(rng.randint(lo, hi) for _k in range((10, 14, 18)[level - 1]))
    data = {"values": values}
    fig = dot_plot(values, lo, hi, alt=_("A dot plot: one dot for each plant, above its height."), data=data)
    intro = _("The dot plot shows the heights of some plants, from {lo} cm to {hi} cm.").format(lo=lo, hi=hi)
    if level == 1:
        ans = sympy.Integer(len(values))
        return Draft(
            _("{intro} How many plants were measured?").format(intro=intro), r"n = ?", ans, str(ans),
            [step(_("Count the dots in each column and add: {sum} = {n}").format(
                sum=" + ".join(str(values.count(v)) for v in sorted(set(values))), n=ans),
                sympy.Add(*[values.count(v) for v in sorted(set(values))], evaluate=False), ans)],
            _("Each dot is one plant."),
            method=_("Count every dot, column by column, and add the counts."),
            data=data, figure=fig, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("counted the columns instead of the dots"), sympy.Integer(len(set(values))),
                              _("That is the number of columns. Every dot is one plant, so count the dots.")),
                misconception(N_("added the values instead of counting"), sympy.Integer(sum(values)),
                              _("You added the heights. Each dot is one plant: count the dots, not their values.")),
                misconception(N_("gave the largest value"), sympy.Integer(max(values)),
                              _("That is the tallest height on the plot. The question asks how many plants, so "
                                "count the dots.")),
            ],
        )
    while True:
        k = rng.randint(lo + 2, hi - 2)
        at_least = sum(v >= k for v in values)
        if values.count(k) and 0 < at_least < len(values):
            break
    ans = sympy.Integer(at_least)
    if level == 2:
        question = _("{intro} How many plants are at least {k} cm tall?")
    else:
        question = _("{intro} How many plants are {k} cm tall or taller?")
    return Draft(
        question.format(intro=intro, k=k), r"\#(h \ge " + str(k) + ") = ?", ans, str(ans),
        [step(_("Count the dots above {k} and every number to its right: {sum}").format(
            k=k, sum=" + ".join(str(values.count(v)) for v in sorted(set(values)) if v >= k)),
            sympy.Add(*[values.count(v) for v in sorted(set(values)) if v >= k], evaluate=False), ans)],
        _("'At least' includes the number itself."),
        method=_("Start at that height on the scale and count every dot there and to the right."),
        data=data, figure=fig, answer_format=_("a whole number"),
        misconceptions=[
            misconception(N_("left out the boundary value"), sympy.Integer(sum(v > k for v in values)),
                          _("'At least' includes the plants exactly at that height. Count that column too.")),
            misconception(N_("counted the wrong side"), sympy.Integer(sum(v < k for v in values)),
                          _("Those are the shorter plants. Count the dots at that height and to its right.")),
            misconception(N_("counted only one column"), sympy.Integer(values.count(k)),
                          _("That is just the plants at exactly that height. Taller plants count too.")),
        ],
    )


def compare(rng: random.Random, level: int) -> Draft:
    n = (5, 7, 6)[level - 1]
    while True:
        a = [rng.randint(10, 40) for _k in range(n)]
        b = [rng.randint(10, 40) for _k in range(n)]
        if level == 1 and (sum(a) % n or sum(b) % n or sum(a) <= sum(b)):
            continue
        if level == 2 and (median_of(a) <= median_of(b) or n % 2 == 0):
            continue
        if level == 3 and max(a) - min(a) <= max(b) - min(b):
            continue
        break
    data = {"a": a, "b": b}
    backwards = _("Subtract class B's value from class A's: the question asks how much greater A is.")
    intro = _("Two classes counted the push-ups their students could do. Class A: {a}. Class B: {b}.").format(
        a=listing(a), b=listing(b))
    if level == 1:
        ma, mb = sum(a) // n, sum(b) // n
        ans = sympy.Integer(ma - mb)
        return Draft(
            _("{intro} How much greater is the mean of class A than the mean of class B?").format(intro=intro),
            r"\bar{A} - \bar{B} = ?", ans, str(ans),
            [step(_("Mean of A: {sum} ÷ {n} = {mean}").format(sum=sum(a), n=n, mean=ma), R(sum(a), n), ma),
             step(_("Mean of B: {sum} ÷ {n} = {mean}").format(sum=sum(b), n=n, mean=mb), R(sum(b), n), mb),
             step(_("Difference: {a} - {b} = {d}").format(a=ma, b=mb, d=ans), sympy.Add(ma, -mb, evaluate=False), ans)],
            _("Find each class's mean first, then compare."),
            method=_("Work out the mean of each class, then subtract the smaller mean from the larger."),
            data=data, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("compared medians instead of means"), median_of(a) - median_of(b),
                              _("You compared the middle values. The question asks about the means.")),
                misconception(N_("compared the totals instead of the means"), sympy.Integer(sum(a) - sum(b)),
                              _("That is the difference of the totals. Share each total out first to get the means.")),
                misconception(N_("subtracted the wrong way round"), -ans, backwards),
            ],
        )
    if level == 2:
        ans = median_of(a) - median_of(b)
        return Draft(
            _("{intro} How much greater is the median of class A than the median of class B?").format(intro=intro),
            r"\operatorname{med}(A) - \operatorname{med}(B) = ?", ans, num(ans),
            [step(_("Class A in order: {sorted}; median {median}").format(sorted=listing(sorted(a)),
                                                                        median=num(median_of(a))),
                  median_of(a), median_of(a)),
             step(_("Class B in order: {sorted}; median {median}").format(sorted=listing(sorted(b)),
                                                                        median=num(median_of(b))),
                  median_of(b), median_of(b)),
             step(_("Difference: {a} - {b} = {d}").format(a=num(median_of(a)), b=num(median_of(b)), d=num(ans)),
                  median_of(a) - median_of(b), ans)],
            _("Find each class's median first, then compare."),
            method=_("Put each class in order, find its middle value, then subtract the smaller median from the "
                     "larger."),
            data=data, answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("median without sorting"), unsorted_middle(a) - unsorted_middle(b),
                              _("You took the middle of each list as written. Put each class in order first.")),
                misconception(N_("mean and median mixed up"), R(sum(a) - sum(b), n),
                              _("You compared the means. The question asks about the medians, the middle values.")),
                misconception(N_("subtracted the wrong way round"), -ans, backwards),
            ],
        )
    ra, rb = max(a) - min(a), max(b) - min(b)
    ans = sympy.Integer(ra - rb)
    return Draft(
        _("{intro} How much greater is the range of class A than the range of class B?").format(intro=intro),
        tex_word(_("range")) + "(A) - " + tex_word(_("range")) + "(B) = ?", ans, str(ans),
        [step(_("Range of A: {max} - {min} = {range}").format(max=max(a), min=min(a), range=ra),
              sympy.Add(max(a), -min(a), evaluate=False), ra),
         step(_("Range of B: {max} - {min} = {range}").format(max=max(b), min=min(b), range=rb),
              sympy.Add(max(b), -min(b), evaluate=False), rb),
         step(_("Difference: {a} - {b} = {d}").format(a=ra, b=rb, d=ans), sympy.Add(ra, -rb, evaluate=False), ans)],
        _("The range measures spread: largest minus smallest."),
        method=_("Find the range of each class, then subtract the smaller range from the larger."),
        data=data, answer_format=_("a whole number"),
        misconceptions=[
            misconception(N_("range as the largest value"), sympy.Integer(max(a) - max(b)),
                          _("You compared the largest values. The range of a class is its largest minus its "
                            "smallest.")),
            misconception(N_("compared centres instead of spreads"), median_of(a) - median_of(b),
                          _("You compared the middle values. The range is about spread: largest minus smallest.")),
            misconception(N_("subtracted the wrong way round"), -ans, backwards),
        ],
    )
