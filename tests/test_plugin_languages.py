"""Problem content in English and Chinese: the built-ins' catalogues, the same numbers in both languages, and a
plugin without the student's language still served (in its own) and saying so."""

from __future__ import annotations

import contextvars
import re
from pathlib import Path

import pytest
import sympy
from babel.messages.pofile import read_po

from tutor import hookimpl, i18n, learner
from tutor.plugin_api import Problem, SkillSpec, Step, Translator, writing_in
from tutor.plugin_i18n import extract, placeholders
from tutor.plugins import PluginManager
from tutor.problems import language_notice

ROOT = Path(__file__).resolve().parents[1]
BUILTINS = ("arithmetic", "fractions", "ratios", "integers", "linear", "systems", "polynomials", "quadratics",
            "calculus", "word_problems")
SEEDS = range(3)
CJK = re.compile(r"[\u4e00-\u9fff]")
MATH_WORDS = {"sqrt", "sin", "cos"}
SHORT_WORDS = {"or", "of", "is", "in", "to", "by", "at", "it", "as", "if", "on", "so", "be", "an", "do"}
NUMBER = re.compile(r"\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager.load(third_party=False)


@pytest.fixture(scope="module")
def pairs(manager) -> list[tuple[Problem, Problem]]:
    """(English, Chinese) for every skill, every difficulty, a few seeds."""
    return [(manager.generate(sid, seed, d, language="en"), manager.generate(sid, seed, d, language="zh"))
            for sid, gen in sorted(manager.generators.items()) for d in gen.difficulties for seed in SEEDS]


def texts(problem: Problem, manager: PluginManager) -> list[str]:
    """Everything a student reads about a problem."""
    return [problem.statement, problem.answer_format, *(s.text for s in problem.steps),
            *(h.text for h in manager.hints(problem)), *(m.explanation for m in problem.misconceptions),
            problem.figure.alt if problem.figure else ""]


def english_words(text: str) -> list[str]:
    """English words left in a text: three or more Latin letters (not a function name), or a short English word
    ("ac" in "b^2 - 4ac" and "uv" in "(uv)'" are algebra)."""
    return [w for w in re.findall(r"[A-Za-z]{2,}", text)
            if (len(w) > 2 and w not in MATH_WORDS) or w.lower() in SHORT_WORDS]


def test_every_builtin_declares_english_and_chinese(manager):
    for name in BUILTINS:
        assert manager.plugins[name].languages == ("en", "zh"), name
    assert {manager.languages_of(sid) for sid in manager.skills} == {("en", "zh")}


def test_every_skill_is_written_in_chinese_when_asked(manager, pairs):
    for en, zh in pairs:
        assert (en.language, en.requested_language, zh.language, zh.requested_language) == ("en", "en", "zh", "zh")
        assert zh.in_requested_language and language_notice(zh) == ""
        assert CJK.search(zh.statement), zh.statement
        assert not CJK.search(" ".join(texts(en, manager))), en.statement
        for text in texts(zh, manager):
            assert not english_words(text), (zh.id, text)


def test_the_same_seed_gives_the_same_problem_in_both_languages(manager, pairs):
    """Same id, answer, claims and numbers: translating a sentence never changes what is checked or asked."""
    for en, zh in pairs:
        assert (en.id, en.answer, en.answer_text, en.bindings) == (zh.id, zh.answer, zh.answer_text, zh.bindings)
        assert en.latex.count("=") == zh.latex.count("=")
        assert sorted(NUMBER.findall(en.latex)) == sorted(NUMBER.findall(zh.latex)), (en.latex, zh.latex)
        assert [(s.lhs, s.rhs, s.latex) for s in en.steps] == [(s.lhs, s.rhs, s.latex) for s in zh.steps]
        for a, b in zip(texts(en, manager), texts(zh, manager), strict=True):
            assert sorted(NUMBER.findall(a)) == sorted(NUMBER.findall(b)), (en.id, a, b)


def test_chinese_word_problems_use_chinese_names_and_yuan(manager):
    english_names = {"Maya", "Leo", "Aisha", "Tom", "Sofia", "Kenji", "Ana", "Sam", "Zara", "Eli"}
    for seed in range(6):
        money = manager.generate("word.multi_step", seed, 2, language="zh")
        assert "元" in money.statement and "$" not in " ".join(texts(money, manager)), money.statement
        assert re.search(r"小[\u4e00-\u9fff]", money.statement), money.statement
        fair = manager.generate("word.equations", seed, 2, language="zh")
        assert "元" in fair.statement and "$" not in fair.statement
        assert not english_names & set(re.findall(r"[A-Za-z]+", fair.statement + money.statement))


def test_a_chinese_student_may_answer_money_with_yuan(manager):
    problem = manager.generate("word.multi_step", 0, 2, language="zh")
    for typed in (problem.answer_text, f"{problem.answer_text}元", f"{problem.answer_text} 元"):
        assert manager.check(problem, typed).status == "verified", typed
    assert manager.check(problem, f"{int(problem.answer_text) + 1}元").status == "refuted"
    rate = next(p for seed in range(40) if "元" in (p := manager.generate("ratio.unit_rate", seed, 1, language="zh")).statement)
    assert manager.check(rate, f"{rate.answer_text}元").status == "verified", rate.statement


def test_skill_titles_subjects_and_descriptions_in_both_languages(manager):
    for sid in manager.skills:
        en, zh = manager.localized_skill(sid, "en"), manager.localized_skill(sid, "zh")
        assert en == manager.skill(sid) and en.description, sid
        for field in ("title", "subject", "description"):
            assert CJK.search(getattr(zh, field)) and not english_words(getattr(zh, field)), (sid, field)
    zh_titles = {s.id: s.title for s in learner.offered_skills(manager, language="zh")}
    assert zh_titles["frac.simplify"] == "约分"


def test_a_checkers_explanation_is_in_the_problems_language(manager):
    problem = manager.generate("frac.simplify", 0, 1, language="zh")
    n, d = problem.answer.p * 2, problem.answer.q * 2
    grade = manager.check(problem, f"{n}/{d}")
    assert grade.status == "refuted" and grade.mistake == "not_simplest_form" and CJK.search(grade.explanation)


def test_the_setup_agent_speaks_the_problems_language(manager):
    node = manager.build_agent("word_problem_setup")
    for skill in ("word.multi_step", "word.equations"):
        zh = manager.generate(skill, 1, 2, language="zh")
        reply = node({"problem": zh, "hint_level": 3})["plugin_reply"]
        assert CJK.search(reply) and not english_words(reply), reply
        assert zh.answer_text in reply
        en = node({"problem": manager.generate(skill, 1, 2, language="en"), "hint_level": 3})["plugin_reply"]
        assert not CJK.search(en), en


def test_the_default_language_is_the_apps_current_one(manager):
    def in_chinese():
        i18n.set_language("zh")
        return manager.generate("arith.add_sub", 1, 1)

    zh = contextvars.copy_context().run(in_chinese)  # the app's language is per context: keep it out of other tests
    assert zh.language == "zh" and CJK.search(zh.statement)
    assert manager.generate("arith.add_sub", 1, 1).language == "en"  # TUTOR_LANGUAGE is cleared for tests


def test_learner_next_problem_takes_the_students_language(manager):
    import random

    problem = learner.next_problem(session=None, plugins=manager, student_id=None, skill_id="arith.add_sub",
                                   rng=random.Random(3), language="zh")
    assert problem.language == "zh" and CJK.search(problem.statement)


# --- a plugin without the student's language ------------------------------------------------------------------


class EnglishOnly:
    """A third-party plugin that declares no LANGUAGES: English only."""

    @hookimpl
    def register_skills(self, register):
        register(SkillSpec("geo.area", "Rectangle area", "Geometry", 4, 5))

    @hookimpl
    def register_generators(self, register):
        class Area:
            skill_id = "geo.area"
            difficulties = (1,)

            def generate(self, seed, difficulty=1):
                w, h = 3 + seed, 4
                return Problem(id=f"geo.area:{seed}", skill_id="geo.area", statement=f"A rectangle is {w} by {h}. "
                               "What is its area?", latex=rf"{w} \times {h}", answer=sympy.Integer(w * h),
                               answer_text=str(w * h), steps=(Step(f"{w} × {h} = {w * h}", "", sympy.Mul(w, h), w * h),))

        register(Area())


def test_a_skill_without_the_students_language_is_served_in_its_own_and_says_so():
    m = PluginManager()
    m.add_plugin(EnglishOnly(), "geometry")
    assert m.broken == [] and m.languages_of("geo.area") == ("en",)
    problem = m.generate("geo.area", 2, language="zh")
    assert problem.statement.startswith("A rectangle is 5 by 4") and problem.answer == 20
    assert (problem.language, problem.requested_language, problem.in_requested_language) == ("en", "zh", False)
    notice = language_notice(problem)
    assert "英文" in notice and CJK.search(notice)
    assert m.generate("geo.area", 2, language="en").in_requested_language
    assert m.localized_skill("geo.area", "zh").title == "Rectangle area"  # no translator: as written


def test_a_chinese_only_plugin_serves_english_students_in_chinese():
    class ChineseOnly(EnglishOnly):
        LANGUAGES = ("zh",)

    m = PluginManager()
    m.add_plugin(ChineseOnly(), "geometry_zh")
    problem = m.generate("geo.area", 1, language="en")
    assert (problem.language, problem.requested_language) == ("zh", "en")
    assert language_notice(problem) == "This skill is not available in your language yet, so this problem is in Chinese."


def test_a_malformed_languages_declaration_is_reported_and_read_as_english():
    class Bad(EnglishOnly):
        LANGUAGES = "en, zh"

    m = PluginManager()
    m.add_plugin(Bad(), "bad")
    assert m.languages_of("geo.area") == ("en",)
    assert any("LANGUAGES" in e for e in m.plugins["bad"].errors)


# --- the catalogues ------------------------------------------------------------------------------------------

CATALOGUES = [
    # (sources, where only these files count, the catalogue's translator)
    (ROOT / "plugins", None, Translator(ROOT / "plugins" / "locale", "plugins")),
    (ROOT / "tutor", ("plugin_api.py", "problems.py"), Translator(ROOT / "tutor" / "locale", "plugin_api")),
]


@pytest.mark.parametrize(("source", "files", "translator"), CATALOGUES, ids=["plugins", "plugin_api"])
def test_every_content_string_has_a_chinese_translation_with_the_same_placeholders(source, files, translator):
    """Fails when a string marked with _()/N_() lacks a zh msgstr, or its translation drops or renames a ``{name}``.
    Fix: ``python -m plugins._common`` merges new strings into the catalogue; then translate them."""
    assert translator.catalogues() == ["zh"]
    with translator.catalogue_path("zh").open("rb") as f:
        shipped = read_po(f, locale="zh", domain=translator.domain)
    marked = [m for m in extract(source, domain=translator.domain)
              if m.id and (files is None or any(loc[0].endswith(files) for loc in m.locations))]
    assert len(marked) > (300 if files is None else 10)
    missing, mismatched = [], []
    for message in marked:
        found = shipped.get(message.id)
        if found is None or not found.string or found.fuzzy:
            missing.append(message.id)
        elif placeholders(message.id) != placeholders(found.string):
            mismatched.append((message.id, found.string))
    assert not missing, f"{len(missing)} string(s) without a zh translation: {missing[:10]}"
    assert not mismatched, mismatched[:10]


def test_a_translator_writes_in_the_language_it_is_asked_for():
    _ = Translator(ROOT / "plugins" / "locale", "plugins")
    assert _("Simplify fractions") == "Simplify fractions"  # English: no catalogue, as written
    with writing_in("zh"):
        assert _("Simplify fractions") == "约分"
        with writing_in("fr"):  # a language without a catalogue: as written
            assert _("Simplify fractions") == "Simplify fractions"
    assert _.gettext("Simplify fractions", "zh_CN") == "约分"
