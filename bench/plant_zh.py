"""Build the Chinese planted-error step set from hand-written CMATH solutions (issue 15).

Usage: ``python bench/plant_zh.py`` (reads bench/data/cmath_zh_solutions.txt and cmath_zh_dev.jsonl,
writes bench/data/cmath_zh_steps.jsonl; deterministic: the same input gives the same file).

Every solution is first checked on its own, without the verifier: each calculation it writes
(``30×2/5=12（元）``, ``52÷6=8（根）……4（米）``) is evaluated exactly here, and the number its 答 line
states must equal CMATH's gold answer; a solution that fails either check stops the build. Then,
per solution, the way ``gsm8k_train_steps.jsonl`` was built:

* ``right``: the solution as written;
* ``arithmetic``: one calculation's result changed, nothing else (the later steps still use the right value);
* ``propagated``: one result changed and carried into every later calculation that uses it, each
  recomputed, through to the 答 line and the final answer;
* ``final_answer``: the steps untouched, the 答 line and the final answer changed.

A solution with no calculation to change gives no arithmetic or propagated case. ``split`` is ``dev``
for CMATH problems with an even index and ``heldout`` for odd ones.
"""

from __future__ import annotations

import ast
import json
import operator
import random
import re
import zlib
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SEED = 15

_NUM = r"\d+(?:\.\d+)?(?:/\d+)?%?"
_SEGMENT = re.compile(r"(?<![\dA-Za-z.)）])[(（]*\d[\d.+\-*/×÷＋－()（）%]*")
"""A run of written math (numbers, operators, brackets): one side of a calculation."""
_EQ = re.compile(r"\s*([=＝≈])\s*")
_REMAINDER = re.compile(r"\s*(?:[（(][^）)]*[）)])?\s*(?:……|\.\.\.|…)\s*(\d+)")


class Link:
    """One '=' of a written calculation: ``lhs = res``; in a chain ``a = b = c`` each '=' is one link.

    Offers ``group``/``start``/``end`` for the names lhs, eq, res and r (a remainder: ``52÷6=8……4``).
    """

    def __init__(self, spans: dict[str, tuple[int, int]], text: str):
        self.spans, self.text = spans, text

    def group(self, name: str = "") -> str | None:
        if not name:
            return self.text[self.start():self.end()]
        span = self.spans.get(name)
        return None if span is None else self.text[span[0]:span[1]]

    def start(self, name: str = "lhs") -> int:
        return self.spans[name][0]

    def end(self, name: str = "") -> int:
        if name:
            return self.spans[name][1]
        return max(e for _, e in self.spans.values())


def _segments(step: str) -> list[tuple[int, int]]:
    out = []
    for m in _SEGMENT.finditer(step):
        start, end = m.span()
        text = m.group(0)
        # an opening bracket that starts a unit ("8（根）") or an operator at the end is not part of the math
        while text and (text[-1] in "+-*/×÷＋－" or text.count("(") + text.count("（") > text.count(")") + text.count("）")):
            text, end = text[:-1], end - 1
        while text and text[-1] in "(（":
            text, end = text[:-1], end - 1
        if text:
            out.append((start, end))
    return out


def calcs(step: str) -> list[Link]:
    """The calculations written in one step (left sides with an operator only: ``6吨=6000千克`` is not one)."""
    segs = _segments(step)
    links = []
    for (a0, a1), (b0, b1) in zip(segs, segs[1:]):
        eq = _EQ.fullmatch(step, a1, b0)
        if eq is None or not re.search(r"[-+*/×÷＋－]", step[a0:a1].lstrip("(（")):
            continue
        spans = {"lhs": (a0, a1), "eq": eq.span(1), "res": (b0, b1)}
        rem = _REMAINDER.match(step, b1)
        if rem is not None and re.fullmatch(_NUM, step[b0:b1]):
            spans["r"] = rem.span(1)
        links.append(Link(spans, step))
    return links


def plain(link: Link) -> bool:
    """Whether the link's result is one number (``=12（元）``), not the next expression of a chain (``=88÷2``)."""
    return bool(re.fullmatch(_NUM, link.group("res")))


# ---------------------------------------------------------------- exact evaluation (no verifier involved)

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _ast_value(node):
    if isinstance(node, ast.Expression):
        return _ast_value(node.body)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_ast_value(node.left), _ast_value(node.right))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_ast_value(node.operand)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "F":
        return Fraction(node.args[0].value)
    raise ValueError(f"not arithmetic: {ast.dump(node)}")


def evaluate(expr: str) -> Fraction:
    """A written left side as an exact number; ``÷ 2/3`` divides by the fraction, as Chinese school math means it."""
    s = expr.replace("（", "(").replace("）", ")").replace("＋", "+").replace("－", "-")
    s = re.sub(r"÷\s*(\d+(?:\.\d+)?/\d+)(?![\d.])", r"÷(\1)", s)
    s = s.replace("×", "*").replace("÷", "/")
    s = re.sub(r"(\d+(?:\.\d+)?)%", r"(\1/100)", s)
    s = re.sub(r"\d+(?:\.\d+)?", lambda m: f"F('{m.group(0)}')", s)
    return _ast_value(ast.parse(s, mode="eval"))


def number(text: str) -> Fraction:
    text = text.strip()
    if text.endswith("%"):
        return Fraction(text[:-1]) / 100
    return Fraction(text)


def calc_holds(m: Link) -> bool:
    value = evaluate(m.group("lhs"))
    if m.group("r") is not None:
        # 52÷6=8……4: a division with a remainder
        a, b = (evaluate(x) for x in re.split(r"÷", m.group("lhs"), maxsplit=1))
        q, r = number(m.group("res")), Fraction(m.group("r"))
        return a == b * q + r and 0 <= r < b and q.denominator == 1
    if m.group("eq") == "≈":
        places = len(m.group("res").partition(".")[2])
        return abs(value - number(m.group("res"))) <= Fraction(1, 2 * 10**places)
    return value == evaluate(m.group("res"))


# ---------------------------------------------------------------- reading the solutions file

def read_solutions(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("== "):
            current = line[3:].strip()
            out[current] = []
        else:
            out[current].append(line.strip())
    return out


def answer_span(line: str, gold: str) -> tuple[int, int]:
    """Where the 答 line states the gold answer: the last number there equal to it ("煎3张饼需要3分钟")."""
    spans = [m.span() for m in re.finditer(_NUM, line) if number(m.group(0)) == number(gold)]
    if not spans:
        raise ValueError(f"the 答 line does not state the answer {gold}: {line}")
    return spans[-1]


def check_solution(pid: str, steps: list[str], gold: str) -> None:
    """Raise unless every written calculation holds and the 答 line states the gold answer."""
    if not steps[-1].startswith("答"):
        raise ValueError(f"{pid}: the last line must be the 答 line")
    for step in steps:
        for m in calcs(step):
            if not calc_holds(m):
                raise ValueError(f"{pid}: {m.group(0)} does not hold")
    answer_span(steps[-1], gold)


# ---------------------------------------------------------------- changing numbers

def _text(value: Fraction, like: str) -> str | None:
    """``value`` written the way ``like`` is (integer, decimal, fraction, percent), or None if it cannot be."""
    if like.endswith("%"):
        inner = _text(value * 100, like[:-1])
        return None if inner is None else inner + "%"
    if value <= 0:
        return None
    if "/" in like:
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if value.denominator == 1:
        return str(value.numerator)
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d != 1:
        return None
    s = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return s if number(s) == value and len(s.partition(".")[2]) <= 4 else None


def wrong_values(s: str, rng: random.Random) -> list[tuple[str, str]]:
    """Plausible slips for the written number ``s``, as (type, new text), shuffled."""
    pct = s.endswith("%")
    core = s[:-1] if pct else s
    out: list[tuple[str, str]] = []
    if "/" in core:
        num, den = core.split("/")
        for d in (1, 2, -1):
            if int(num) + d > 0 and int(num) + d != int(den):
                out.append(("numerator", f"{int(num) + d}/{den}"))
    elif "." in core:
        whole, frac = core.split(".")
        last = int(frac[-1])
        for d in (1, 2, -1, -2):
            if 0 <= last + d <= 9 and not (last + d == 0 and len(frac) == 1):
                out.append(("last_digit", f"{whole}.{frac[:-1]}{last + d}"))
        if int(whole) > 0:
            out.append(("whole", f"{int(whole) + 1}.{frac}"))
    else:
        n = int(core)
        if len(core) >= 2 and len(set(core)) > 1:
            i = rng.randrange(len(core) - 1)
            swapped = core[:i] + core[i + 1] + core[i] + core[i + 2:]
            if swapped[0] != "0" and swapped != core:
                out.append(("digit_swap", swapped))
        for d in (1, 2, -1, -2, 10, -10):
            if n + d > 0:
                out.append(("plus", str(n + d)))
        out.append(("times10", str(n * 10)))
    rng.shuffle(out)
    return [(t, v + ("%" if pct else "")) for t, v in out if number(v) != number(core)]


def _replace_at(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _substitute(lhs: str, old: str, new: str) -> str:
    return re.sub(rf"(?<![\d./]){re.escape(old)}(?![\d./%])", new, lhs)


def propagate(steps: list[str], k: int, j: int, new: str, answer: str) -> tuple[list[str], str] | None:
    """Steps with calculation ``j`` of step ``k`` giving ``new``, carried forward; None if it cannot be written."""
    out = list(steps)
    m = calcs(out[k])[j]
    old = m.group("res")
    out[k] = _replace_at(out[k], m.start("res"), m.end("res"), new)
    changed = {old: new}
    final_old, final_new = answer, answer
    if number(old) == number(answer):
        final_new = new
    for i in range(k, len(out) - 1):
        for _ in range(20):  # each pass rewrites one calculation; a step has only a few
            redone = False
            for m2 in calcs(out[i]):
                if i == k and m2.start() <= m.start():
                    continue
                lhs = m2.group("lhs")
                new_lhs = lhs
                for o, n in changed.items():
                    new_lhs = _substitute(new_lhs, o, n)
                if new_lhs == lhs:
                    continue
                if m2.group("r") is not None or m2.group("eq") == "≈" or not plain(m2):
                    return None  # a remainder, a rounding or a chain downstream: not carried cleanly
                res = m2.group("res")
                value = _text(evaluate(new_lhs), res)
                if value is None:
                    return None
                line = out[i]
                line = _replace_at(line, m2.start("res"), m2.end("res"), value)
                line = _replace_at(line, m2.start("lhs"), m2.end("lhs"), new_lhs)
                out[i] = line
                changed[res] = value
                if number(res) == number(final_old):
                    final_new = value
                redone = True
                break  # positions moved: read the step again
            if not redone:
                break
    if final_new == final_old:
        return None  # the slip never reaches the answer: not a propagated error
    return out, final_new


# ---------------------------------------------------------------- building the set

def build() -> list[dict]:
    problems = {json.loads(line)["id"]: json.loads(line) for line in
                (DATA / "cmath_zh_dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    solutions = read_solutions(DATA / "cmath_zh_solutions.txt")
    failures = []
    for pid, steps in solutions.items():
        try:
            check_solution(pid, steps, problems[pid]["answer"])
        except ValueError as exc:
            failures.append(str(exc))
    if failures:
        raise SystemExit("solutions that do not check:\n" + "\n".join(failures))
    cases = []
    for pid, steps in solutions.items():
        prob = problems[pid]
        gold = prob["answer"]
        rng = random.Random(SEED * 1_000_003 + zlib.crc32(pid.encode()))
        a0, a1 = answer_span(steps[-1], gold)
        answer = steps[-1][a0:a1]
        split = "dev" if int(pid.rsplit("-", 1)[1]) % 2 == 0 else "heldout"
        base = {"question": prob["question"]}
        meta = {"source": "cmath_zh_dev.jsonl", "source_id": pid, "grade": prob["grade"], "split": split,
                "gold_final_answer": gold}

        def case(kind: str, new_steps: list[str], final: str, label: str, error_step, change=None,
                 changed_steps=None) -> dict:
            return {"id": f"{pid}-{kind}", **base, "steps": new_steps, "final_answer": final, "label": label,
                    "error_step": error_step, "error_kind": None if label == "correct" else kind,
                    "meta": {**meta, "change": change, "changed_steps": changed_steps or []}}

        cases.append(case("right", steps, answer, "correct", None))
        targets = [(k, j) for k, step in enumerate(steps[:-1]) for j, m in enumerate(calcs(step))
                   if m.group("eq") != "≈" and plain(m)]
        # arithmetic: one result wrong, the rest as written
        if targets:
            k, j = rng.choice(targets)
            m = calcs(steps[k])[j]
            if m.group("r") is not None and rng.random() < 0.5:
                kind, new = "remainder", str(int(m.group("r")) + rng.choice((1, -1) if int(m.group("r")) else (1,)))
                start, end = m.start("r"), m.end("r")
                old = m.group("r")
            else:
                kind, new = wrong_values(m.group("res"), rng)[0]
                start, end = m.start("res"), m.end("res")
                old = m.group("res")
            wrong = list(steps)
            wrong[k] = _replace_at(wrong[k], start, end, new)
            cases.append(case("arithmetic", wrong, answer, "wrong", k,
                              {"type": kind, "step": k, "from": old, "to": new}, [k]))
        # propagated: the wrong result carried to the answer
        order = [t for t in targets if calcs(steps[t[0]])[t[1]].group("r") is None]
        rng.shuffle(order)
        done = False
        for k, j in order:
            res = calcs(steps[k])[j].group("res")
            for kind, new in wrong_values(res, rng):
                carried = propagate(steps, k, j, new, answer)
                if carried is None:
                    continue
                new_steps, final_new = carried
                a0, a1 = answer_span(steps[-1], gold)
                new_steps[-1] = _replace_at(steps[-1], a0, a1, final_new)
                changed = [i for i, (x, y) in enumerate(zip(steps, new_steps, strict=True)) if x != y]
                cases.append(case("propagated", new_steps, final_new, "wrong", k,
                                  {"type": kind, "step": k, "from": res, "to": new}, changed))
                done = True
                break
            if done:
                break
        # final answer: the steps right, the 答 line and the final answer wrong
        kind, new = wrong_values(answer, rng)[0]
        final_steps = list(steps)
        final_steps[-1] = _replace_at(steps[-1], a0, a1, new)
        cases.append(case("final_answer", final_steps, new, "wrong", None,
                          {"type": kind, "step": None, "from": answer, "to": new}, [len(steps) - 1]))
    return cases


def main() -> None:
    cases = build()
    out = DATA / "cmath_zh_steps.jsonl"
    out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    kinds: dict[str, int] = {}
    for c in cases:
        kinds[c["error_kind"] or "right"] = kinds.get(c["error_kind"] or "right", 0) + 1
    print(f"{len(cases)} cases written to {out.relative_to(ROOT)}: {kinds}")


if __name__ == "__main__":
    main()
