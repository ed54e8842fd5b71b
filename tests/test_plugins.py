"""The plugin manager: discovery, restriction, calling hooks through pluggy, and plugins that fail in every way."""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest
import sympy

from tutor import hookimpl, hookspecs
from tutor.errors import NotFound
from tutor.plugin_api import SkillSpec, claim_holds
from tutor.plugins import PluginManager, register_commands

BUILTINS = {
    "arithmetic", "fractions", "ratios", "integers", "linear", "systems",
    "polynomials", "quadratics", "calculus", "word_problems",
}
ROOT = Path(__file__).resolve().parents[1]


def builtin_eps() -> list[metadata.EntryPoint]:
    return [ep for ep in metadata.entry_points(group="tutor") if ep.name in BUILTINS]


def ep(name: str, value: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name=name, value=value, group="tutor")


def write_module(tmp_path: Path, monkeypatch, name: str, source: str) -> None:
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(source))
    monkeypatch.syspath_prepend(str(tmp_path))


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager.load(third_party=False)


def test_builtin_plugins_load_without_errors(manager):
    assert BUILTINS <= set(manager.plugins)
    assert manager.broken == []
    assert len(manager.skills) >= 20
    assert set(manager.generators) == set(manager.skills)
    assert "word_problem_setup" in manager.agents
    assert manager.plugins["arithmetic"].version == "1.0.0"


def test_prerequisite_graph_spans_plugins_and_grades(manager):
    order = [s.id for s in manager.topological_skills()]
    for spec in manager.skills.values():
        for pre in spec.prerequisites:
            assert order.index(pre) < order.index(spec.id)
    plugins_of_prereqs = {manager.skill_plugin[p] for s in manager.skills.values() for p in s.prerequisites}
    assert len(plugins_of_prereqs) >= 5
    grades = [s.grade_min for s in manager.skills.values()]
    assert min(grades) == 1 and max(s.grade_max for s in manager.skills.values()) >= 12  # grades 1 to 12


def test_tutor_plugins_restricts_and_names_unknown_ones():
    m = PluginManager.load(["arithmetic", "nope"], entry_points=builtin_eps(), third_party=False)
    assert set(m.skills) == {"arith.add_sub", "arith.mult_div", "arith.order_ops"}
    assert "not installed" in m.plugins["nope"].errors[0] and "arithmetic" in m.plugins["nope"].errors[0]


def test_context_plugins_loads_once_and_follows_settings(ctx, monkeypatch):
    monkeypatch.setattr(ctx, "settings", ctx.settings.replace(plugins=("arithmetic", "fractions")))
    assert ctx.plugins is ctx.plugins
    assert {p.name for p in ctx.plugins.plugins.values() if p.loaded} == {"arithmetic", "fractions"}


def test_unknown_prerequisite_drops_only_that_skill(monkeypatch):
    # fractions alone: its skills need arith.mult_div, which is not loaded.
    m = PluginManager.load(["fractions"], entry_points=builtin_eps(), third_party=False)
    errors = " ".join(m.plugins["fractions"].errors)
    assert "unknown prerequisite" in errors and "arith.mult_div" in errors
    assert "frac.simplify" not in m.skills and "frac.percent" not in m.skills
    with pytest.raises(NotFound, match="known skills"):
        m.generate("frac.simplify", 1)


def test_plugin_that_raises_on_import_is_reported_and_others_work(tmp_path, monkeypatch):
    write_module(tmp_path, monkeypatch, "boom_plugin", "raise RuntimeError('kaboom at import')\n")
    m = PluginManager.load(entry_points=[*builtin_eps(), ep("boom", "boom_plugin")], third_party=True)
    assert m.plugins["boom"].loaded is False
    assert "kaboom at import" in m.plugins["boom"].errors[0]
    assert [p.name for p in m.broken] == ["boom"]
    assert m.generate("arith.add_sub", 3).answer is not None


def test_plugin_whose_hook_raises_contributes_nothing(tmp_path, monkeypatch):
    write_module(tmp_path, monkeypatch, "half_plugin", """
        from tutor import hookimpl
        from tutor.plugin_api import SkillSpec

        @hookimpl
        def register_skills(register):
            register(SkillSpec("half.one", "Half", "Test"))
            raise ValueError("second skill broke")
    """)
    m = PluginManager.load(entry_points=[*builtin_eps(), ep("half", "half_plugin")], third_party=True)
    assert "second skill broke" in m.plugins["half"].errors[0]
    assert "half.one" not in m.skills and "arith.add_sub" in m.skills


class Dup:
    @hookimpl
    def register_skills(self, register):
        register(SkillSpec("arith.add_sub", "Another adding skill", "Test"))
        register(SkillSpec("dup.fine", "A fine skill", "Test", prerequisites=("arith.add_sub",)))


class Cycle:
    @hookimpl
    def register_skills(self, register):
        register(SkillSpec("cyc.a", "A", "Test", prerequisites=("cyc.c",)))
        register(SkillSpec("cyc.b", "B", "Test", prerequisites=("cyc.a",)))
        register(SkillSpec("cyc.c", "C", "Test", prerequisites=("cyc.b",)))
        register(SkillSpec("cyc.after", "After", "Test", prerequisites=("cyc.c",)))
        register(SkillSpec("cyc.ok", "Ok", "Test", prerequisites=("arith.add_sub",)))


def test_duplicate_skill_id_keeps_the_first_and_reports_the_second(manager):
    m = PluginManager.load(["arithmetic"], entry_points=builtin_eps(), third_party=False)
    m.add_plugin(Dup(), "dup")
    assert m.skill_plugin["arith.add_sub"] == "arithmetic"
    assert "duplicate skill id 'arith.add_sub'" in m.plugins["dup"].errors[0]
    assert "already registered by arithmetic" in m.plugins["dup"].errors[0]
    assert "dup.fine" in m.skills
    assert not m.plugins["arithmetic"].errors


def test_prerequisite_cycle_is_reported_and_its_skills_never_served():
    m = PluginManager.load(["arithmetic"], entry_points=builtin_eps(), third_party=False)
    m.add_plugin(Cycle(), "cycle")
    errors = "\n".join(m.plugins["cycle"].errors)
    assert "prerequisite cycle" in errors and "cyc.a" in errors
    assert not {"cyc.a", "cyc.b", "cyc.c", "cyc.after"} & set(m.skills)
    assert "cyc.ok" in m.skills and "arith.order_ops" in m.skills


class TwoCycles:
    @hookimpl
    def register_skills(self, register):
        register(SkillSpec("hub.mid", "Hub", "Test", prerequisites=("hub.left", "hub.right")))
        register(SkillSpec("hub.left", "Left", "Test", prerequisites=("hub.mid",)))
        register(SkillSpec("hub.right", "Right", "Test", prerequisites=("hub.mid",)))


def test_skill_in_two_cycles_is_reported_and_loading_goes_on():
    """Regression: the second cycle through a dropped skill raised KeyError and stopped loading."""
    m = PluginManager.load(["arithmetic"], entry_points=builtin_eps(), third_party=False)
    m.add_plugin(TwoCycles(), "hubs")
    errors = "\n".join(m.plugins["hubs"].errors)
    assert "hub.left -> hub.mid -> hub.left" in errors and "hub.mid -> hub.right -> hub.mid" in errors
    assert not {"hub.mid", "hub.left", "hub.right"} & set(m.skills) and "arith.add_sub" in m.skills


def test_hooks_are_called_through_pluggy_one_plugin_at_a_time():
    """Pluggy's own hook caller runs every call (so its tracing and call monitoring see them), one plugin per call."""
    m = PluginManager.load(["arithmetic", "fractions"], entry_points=builtin_eps(), third_party=False)
    calls: list[tuple[str, list[str]]] = []
    m.pm.add_hookcall_monitoring(lambda hook, impls, kwargs: calls.append((hook, [i.plugin_name for i in impls])),
                                 lambda outcome, hook, impls, kwargs: None)
    m.add_plugin(Dup(), "dup")
    assert ("register_skills", ["arithmetic"]) in calls and ("register_skills", ["dup"]) in calls
    assert ("register_generators", ["fractions"]) in calls
    assert all(len(impls) <= 1 for _, impls in calls)
    assert "dup.fine" in m.skills


COMMANDS = '''
import typer
from tutor import hookimpl

def hello() -> None:
    """Say hello."""
    typer.echo("hello from a plugin")

@hookimpl
def register_commands(cli):
    cli.command("hello")(hello)
'''


def test_register_commands_adds_each_plugins_commands_and_isolates_a_broken_one(tmp_path, monkeypatch):
    import typer
    from typer.testing import CliRunner

    write_module(tmp_path, monkeypatch, "hello_plugin", COMMANDS)
    write_module(tmp_path, monkeypatch, "bad_commands", """
        from tutor import hookimpl

        @hookimpl
        def register_commands(cli):
            raise RuntimeError("no commands today")
    """)
    cli = typer.Typer()
    cli.command("noop")(lambda: None)
    m = register_commands(cli, entry_points=[ep("bad", "bad_commands"), ep("hello", "hello_plugin")],
                          third_party=True)
    assert "no commands today" in m.plugins["bad"].errors[0] and m.plugins["hello"].ok
    result = CliRunner().invoke(cli, ["hello"])
    assert result.exit_code == 0 and "hello from a plugin" in result.output


def test_the_agents_plugin_registers_its_commands_and_no_subject():
    import typer

    cli = typer.Typer()
    m = register_commands(cli, third_party=False)
    assert {"ask", "chat", "plan", "verify-steps"} <= {c.name for c in cli.registered_commands}
    assert m.plugins["agents"].ok and m.plugins["agents"].module == "agents.cli"
    subjects = PluginManager.load(third_party=False)
    assert subjects.plugins["agents"].ok and not subjects.plugins["agents"].skills


def test_claim_holds_is_three_way_and_refuses_text():
    x = sympy.Symbol("x")
    assert claim_holds((x + 1) ** 2, x**2 + 2 * x + 1) is True
    assert claim_holds((x + 1) ** 2, x**2 + 1) is False
    assert claim_holds(2 * x, 6, {x: 3}) is True
    assert claim_holds((1, 2), (1, 3)) is False
    assert claim_holds(frozenset({1, 2}), sympy.FiniteSet(2, 1)) is True
    assert claim_holds("x + 1", x + 1) is None


def test_word_problem_agent_sets_up_equations_from_checked_steps(manager):
    node = manager.build_agent("word_problem_setup")
    problem = manager.generate("word.equations", 4, 1)
    first = node({"problem": problem, "hint_level": 0})
    assert first["handled"] and first["plugin_reply"].startswith("Name the unknown")
    full = node({"problem": problem})
    assert "equation" in full["plugin_reply"] and len(full["plugin_reply"].splitlines()) == 3
    by_id = node({"skill_id": "word.multi_step", "seed": 2, "difficulty": 2})
    assert by_id["handled"] and "Cost" in by_id["plugin_reply"]
    assert node({"problem": None})["handled"] is False
    assert [a.name for a in manager.agents_for("word.equations")] == ["word_problem_setup"]


def test_word_problem_agent_stops_before_solving_until_the_bottom_out(manager):
    """Regression: its third line was ``Solve: x = <answer>``, leaking the answer in Socratic use."""
    from tests.test_gen_builtin import leaks

    node = manager.build_agent("word_problem_setup")
    for skill in ("word.equations", "word.multi_step"):
        for difficulty in (1, 2, 3):
            for seed in range(4):
                problem = manager.generate(skill, seed, difficulty)
                for level in (None, 0, 1, 2):
                    state = {"problem": problem} if level is None else {"problem": problem, "hint_level": level}
                    reply = node(state)["plugin_reply"]
                    assert leaks(reply, problem) == [], (skill, level, reply)
                    assert not re.search(r"(?<![\w*])x\s*=\s*-?\d", reply), reply  # no "x = 6"
                bottom = node({"problem": problem, "hint_level": 3})["plugin_reply"]
                assert bottom.startswith(node({"problem": problem})["plugin_reply"])
                assert leaks(bottom, problem) and problem.answer_text in bottom


def test_word_problem_latex_is_the_question_not_the_setup_formula(manager):
    """Regression: the LaTeX field held the solution formula (``2 \\times 7 - 3``), giving the method away."""
    for skill in ("word.multi_step", "word.equations"):
        for difficulty in (1, 2, 3):
            for seed in range(6):
                problem = manager.generate(skill, seed, difficulty)
                latex = problem.latex
                m = re.fullmatch(r"\\text\{([^{}]+)\} = \\,\?", latex)
                assert m, latex
                assert not re.search(r"\d|\\times|\\cdot|\\frac|[-+]", latex), latex
                # It names what is asked, in the statement's own words.
                words = re.findall(r"[a-z]{3,}", m.group(1).lower())
                assert words and any(w in problem.statement.lower() for w in words), (latex, problem.statement)


def test_no_problem_latex_states_the_answer(manager):
    from tests.test_gen_builtin import leaks

    for skill_id, gen in sorted(manager.generators.items()):
        for difficulty in gen.difficulties:
            for seed in range(3):
                problem = manager.generate(skill_id, seed, difficulty)
                # Read \frac{2}{3} as 2/3 so the numbers compare as the statement writes them,
                # and a LaTeX line break as a new line, so each equation of a system is read on its own.
                text = re.sub(r"\\frac\{(-?\d+)\}\{(\d+)\}", r"\1/\2", problem.latex).replace("\\\\", "\n")
                assert leaks(text, problem) == [], (skill_id, problem.latex, problem.answer_text)


THIRD_PARTY = '''
"""A geometry plugin from outside the tutor."""
import sympy
from tutor import hookimpl
from tutor.plugin_api import AgentSpec, Problem, SkillSpec, Step

__version__ = "0.3.0"

@hookimpl
def register_skills(register):
    register(SkillSpec("geo.rect_area", "Area of a rectangle", "Geometry", 3, 5, ("arith.mult_div",)))

class AreaGen:
    skill_id = "geo.rect_area"
    difficulties = (1,)
    def generate(self, seed, difficulty=1):
        w, h = 2 + seed % 7, 3 + seed % 5
        area = sympy.Integer(w * h)
        return Problem(id=f"geo.rect_area:{seed}", skill_id=self.skill_id,
                       statement=f"A rectangle is {w} by {h}. What is its area?", latex=f"{w} \\\\times {h}",
                       answer=area, answer_text=str(area),
                       steps=(Step(f"{w} × {h} = {area}", lhs=sympy.Mul(w, h, evaluate=False), rhs=area),))

@hookimpl
def register_generators(register):
    register(AreaGen())

@hookimpl
def register_agents(register):
    register(AgentSpec("geometry_sketch", "Draws shapes in words.", lambda deps: (lambda state: {"plugin_reply": "a box"})))
'''


@pytest.fixture
def third_party_site(tmp_path, monkeypatch) -> Path:
    """An installed distribution 'acme-geometry' with a ``tutor`` entry point, outside plugins/."""
    site = tmp_path / "site"
    (site / "acme_geometry").mkdir(parents=True)
    (site / "acme_geometry" / "__init__.py").write_text(THIRD_PARTY)
    info = site / "acme_geometry-0.3.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-geometry\nVersion: 0.3.0\n")
    (info / "entry_points.txt").write_text("[tutor]\ngeometry = acme_geometry\n")
    (info / "RECORD").write_text("")
    monkeypatch.syspath_prepend(str(site))
    return site


def test_third_party_plugin_package_is_discovered_with_its_skills_and_agent(third_party_site):
    m = PluginManager.load(third_party=True)
    info = m.plugins["geometry"]
    assert info.ok and info.version == "0.3.0" and info.module == "acme_geometry"
    assert info.skills == ["geo.rect_area"] and info.agents == ["geometry_sketch"]
    assert m.skill("geo.rect_area").prerequisites == ("arith.mult_div",)
    assert m.generate("geo.rect_area", 4).answer == 42
    assert m.build_agent("geometry_sketch")({})["plugin_reply"] == "a box"


def test_stray_installed_plugins_are_ignored_under_tests(third_party_site, monkeypatch):
    monkeypatch.setattr(sys, "_called_from_test", True, raising=False)
    m = PluginManager.load()
    assert "geometry" not in m.plugins and "arith.add_sub" in m.skills


def test_every_hookspec_is_documented_with_an_example():
    doc = (ROOT / "docs" / "plugins.md").read_text()
    specs = {n: inspect.signature(getattr(hookspecs, n)) for n in dir(hookspecs) if n.startswith("register_")}
    assert len(specs) == 6 and str(specs["register_commands"]) == "(cli)"
    for name, sig in specs.items():
        assert re.search(rf"^## `{name}{re.escape(str(sig))}`", doc, re.M), f"docs/plugins.md lacks a section for {name}"
        assert f"def {name}{sig}" in doc, f"docs/plugins.md has no example implementing {name}"
