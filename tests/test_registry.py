"""The registry accepts only well-formed contributions, keeps the first of two, and answers lookups."""

from __future__ import annotations

import pytest

from tutor.errors import NotFound
from tutor.plugin_api import AgentSpec, SkillSpec
from tutor.registry import Contributions, Registry


class Gen:
    difficulties = (1,)

    def __init__(self, skill_id):
        self.skill_id = skill_id

    def generate(self, seed, difficulty=1):
        raise AssertionError("not called while accepting")


class Checker:
    def __init__(self, skill_id):
        self.skill_id = skill_id

    def check(self, given, problem):
        raise AssertionError("not called while accepting")


def agent(name, *skills):
    return AgentSpec(name, f"{name} helps.", lambda deps: (lambda state: {}), skills=skills)


def accepted(**staged: Contributions) -> Registry:
    registry = Registry()
    registry.accept(staged)
    return registry


def test_well_formed_contributions_are_kept_and_attributed_to_their_plugin():
    r = accepted(
        base=Contributions(skills=[SkillSpec("base.one", "One", "Test")], generators=[Gen("base.one")],
                           agents=[agent("general")]),
        extra=Contributions(skills=[SkillSpec("extra.two", "Two", "Test", prerequisites=("base.one",))],
                            checkers=[Checker("base.one")], hints=[("base.one", lambda p: [])],
                            agents=[agent("helper", "extra.two")]),
    )
    assert r.broken == []
    assert r.plugin_of("extra.two") == "extra" and r.skill_plugin["base.one"] == "base"
    assert r.plugins["base"].skills == ["base.one"] and r.plugins["base"].generators == ["base.one"]
    assert r.plugins["extra"].checkers == ["base.one"] and "base.one" in r.hint_ladders
    assert [a.name for a in r.agents_for("extra.two")] == ["general", "helper"]
    assert [a.name for a in r.agents_for("base.one")] == ["general"]
    assert r.agent_plugin["helper"] == "extra"


@pytest.mark.parametrize(("box", "error"), [
    (Contributions(skills=["not a spec"]), "register_skills got str, expected SkillSpec"),
    (Contributions(skills=[SkillSpec("Bad", "B", "Test")]), "skill 'Bad': id must be"),
    (Contributions(skills=[SkillSpec("base.one", "Again", "Test")]), "duplicate skill id 'base.one' (already registered by base)"),
    (Contributions(generators=[object()]), "has no skill_id or generate(seed, difficulty)"),
    (Contributions(generators=[Gen("no.such")]), "generator for unknown skill 'no.such'"),
    (Contributions(generators=[Gen("base.one")]), "a second generator for skill 'base.one'"),
    (Contributions(checkers=[Checker("no.such")]), "checker for unknown skill 'no.such'"),
    (Contributions(hints=[("base.one", "not callable")]), "hint ladder for unknown skill 'base.one'"),
    (Contributions(agents=[object()]), "expected AgentSpec with a factory"),
    (Contributions(agents=[agent("general")]), "duplicate agent name 'general' (already registered by base)"),
])
def test_a_bad_contribution_is_reported_against_its_plugin_and_the_rest_stays(box, error):
    base = Contributions(skills=[SkillSpec("base.one", "One", "Test")], generators=[Gen("base.one")],
                         agents=[agent("general")])
    r = accepted(base=base, bad=box)
    assert [p.name for p in r.broken] == ["bad"]
    assert error in r.plugins["bad"].errors[0]
    assert r.plugins["bad"].loaded  # a bad contribution is reported; the plugin is not unloaded
    assert r.skill_plugin["base.one"] == "base" and r.plugin_of("base.one") == "base"
    assert r.agent_plugin["general"] == "base" and isinstance(r.generators["base.one"], Gen)


def test_a_second_accept_replaces_the_first():
    r = accepted(base=Contributions(skills=[SkillSpec("base.one", "One", "Test")], agents=[agent("general")]))
    r.accept({"other": Contributions(skills=[SkillSpec("other.one", "Other", "Test")])})
    assert list(r.skills) == ["other.one"] and r.agents == {} and r.plugins["base"].skills == []


def test_the_same_problem_is_reported_once():
    r = Registry()
    r.report("p", "went wrong")
    r.report("p", "went wrong")
    assert r.plugins["p"].errors == ["went wrong"]


def test_unknown_skill_and_agent_list_the_known_ones():
    r = accepted(base=Contributions(skills=[SkillSpec("base.one", "One", "Test")], agents=[agent("general")]))
    with pytest.raises(NotFound, match="known skills: base.one"):
        r.skill("nope")
    with pytest.raises(NotFound, match="available: general"):
        r.agent("nope")
