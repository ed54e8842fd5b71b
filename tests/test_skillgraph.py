"""The prerequisite graph: which skill specs are valid, which skills are dropped and why, and the teaching order."""

from __future__ import annotations

import pytest

from tutor.plugin_api import SkillSpec
from tutor.skillgraph import cycles, prune, spec_problem, topological


def spec(sid: str, *pre: str, grade: int = 3) -> SkillSpec:
    return SkillSpec(sid, sid.title(), "Test", grade, 12, pre)


@pytest.mark.parametrize(("skill", "reason"), [
    (SkillSpec("Bad Id", "T", "S"), "id must be"),
    (SkillSpec("x", "T", "S"), "id must be"),
    (SkillSpec("ok.id", "", "S"), "needs a title"),
    (SkillSpec("ok.id", "T", "S", 9, 4), "grade band 9-4"),
    (SkillSpec("ok.id", "T", "S", 3, 17), "grade band 3-17"),
    (SkillSpec("ok.id", "T", "S", prerequisites=("ok.id",)), "lists itself"),
])
def test_spec_problem_names_what_is_wrong(skill, reason):
    assert reason in spec_problem(skill)


def test_spec_problem_accepts_a_good_spec():
    assert spec_problem(SkillSpec("geo.rect_area", "Area", "Geometry", 3, 5, ("arith.mult_div",))) == ""


def test_cycles_finds_each_cycle_and_ignores_unknown_nodes():
    found = cycles({"a": ("b",), "b": ("a",), "c": ("zzz",), "d": ("c",)})
    assert found == [["a", "b"]]
    assert cycles({"a": (), "b": ("a",)}) == []


def test_prune_drops_a_cycle_and_everything_that_depends_on_it():
    skills = {s.id: s for s in [spec("cyc.a", "cyc.c"), spec("cyc.b", "cyc.a"), spec("cyc.c", "cyc.b"),
                                spec("cyc.after", "cyc.c"), spec("base"), spec("ok", "base")]}
    dropped = dict(prune(skills))
    assert set(skills) == {"base", "ok"}
    assert set(dropped) == {"cyc.a", "cyc.b", "cyc.c", "cyc.after"}
    assert "prerequisite cycle: cyc.a -> cyc.c -> cyc.b -> cyc.a" in dropped["cyc.a"]
    assert "unknown prerequisite(s) 'cyc.c'" in dropped["cyc.after"]


def test_prune_follows_a_missing_prerequisite_down_the_chain():
    skills = {s.id: s for s in [spec("two", "one"), spec("three", "two"), spec("free")]}
    dropped = prune(skills)
    assert list(skills) == ["free"]
    assert [sid for sid, _ in dropped] == ["two", "three"]
    assert "'one'" in dropped[0][1] and "installed and loaded" in dropped[0][1]


def test_skill_in_two_cycles_is_reported_for_each():
    """Regression: a skill in two cycles was looked up again after it had been dropped (KeyError)."""
    skills = {s.id: s for s in [spec("hub", "left", "right"), spec("left", "hub"), spec("right", "hub")]}
    dropped = prune(skills)
    assert skills == {}
    assert [sid for sid, _ in dropped].count("hub") == 2


def test_topological_puts_prerequisites_first_and_breaks_ties_by_grade_then_id():
    skills = {s.id: s for s in [spec("z.low", "a.base", grade=2), spec("b.early", grade=3),
                                spec("a.base", grade=5), spec("c.mid", "b.early", grade=4)]}
    # z.low has the lowest grade, but its prerequisite a.base (grade 5) must come before it.
    assert [s.id for s in topological(skills)] == ["a.base", "z.low", "b.early", "c.mid"]
