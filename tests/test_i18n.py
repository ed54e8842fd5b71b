"""The app's languages: every UI string has a translation in every shipped catalogue, no page shows an
untranslated literal, locale formatting, and each person's language setting."""

from __future__ import annotations

import ast
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tutor import i18n
from tutor.settings import LANGUAGES, Settings

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.fixture(scope="module")
def extracted():
    return i18n.extract(ROOT)


def catalogue(lang: str, domain: str = i18n.DOMAIN):
    with i18n.catalogue_path(lang, domain).open("rb") as f:
        return read_po(f, locale=lang, domain=domain)


CATALOGUES = [(lang, domain) for domain in i18n.DOMAINS for lang in i18n.shipped_catalogues()]


def test_every_shipped_language_has_a_catalogue_and_a_name():
    for domain in i18n.DOMAINS:  # English is the source language
        assert set(i18n.shipped_catalogues(domain)) == set(LANGUAGES) - {"en"}, domain
    assert set(i18n.NAMES) == set(LANGUAGES) and set(i18n.BABEL_LOCALE) == set(LANGUAGES)


def test_the_extractor_finds_the_ui_strings(extracted):
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extracted if m.id}
    assert {"Math tutor", "Log in", "Today", "Learn with the tutor", "Download class PDF", "Language",
            "{n} day"} <= ids
    assert len(ids) > 150


@pytest.mark.parametrize(("lang", "domain"), CATALOGUES)
def test_every_ui_string_has_a_translation(lang, domain):
    """Fails when a string wrapped in _()/N_() in a catalogue's sources (i18n.DOMAINS) has no (or a fuzzy) msgstr.
    Fix: ``.venv/bin/python -m tutor.i18n`` merges new strings into the catalogues; then translate them."""
    shipped = catalogue(lang, domain)
    missing = []
    for message in i18n.extract(ROOT, domain):
        if not message.id:
            continue
        found = shipped.get(message.id)
        strings = found.string if found is not None and isinstance(found.string, tuple) else \
            (found.string if found is not None else "",)
        if found is None or found.fuzzy or not all(s.strip() for s in strings):
            missing.append(message.id)
    assert not missing, f"{len(missing)} UI string(s) without a {lang} translation: {missing[:20]}"


@pytest.mark.parametrize(("lang", "domain"), CATALOGUES)
def test_translations_keep_the_placeholders_and_markup(lang, domain):
    """A translation that drops or renames ``{name}`` would crash .format(); bold/code markers must pair."""
    for message in catalogue(lang, domain):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == wanted, (message.id, s)
            assert s.count("**") == ids[0].count("**") and s.count("`") == ids[0].count("`"), (message.id, s)


# --- no untranslated literal reaches a page --------------------------------------------------------

UI_CALLS = {
    "title", "header", "subheader", "caption", "markdown", "write", "text", "info", "success", "warning", "error",
    "toast", "button", "form_submit_button", "download_button", "link_button", "page_link", "text_input",
    "text_area", "number_input", "selectbox", "multiselect", "radio", "slider", "checkbox", "toggle",
    "chat_input", "metric", "expander", "popover", "tabs", "spinner", "status", "progress", "set_page_config",
    "Page", "update", "Axis", "Legend", "Tooltip",
}
KEYWORD_ONLY = {"Page", "page_link", "Tooltip", "Axis", "Legend", "update"}
FIRST_ONLY = {"download_button", "selectbox", "radio", "multiselect", "slider", "number_input"}
LOGGERS = {"log", "logging", "logger"}
TEXT_KEYWORDS = {"label", "help", "placeholder", "text", "title", "page_title", "value", "caption"}
MARKUP = re.compile(r":material/\w+:|:[a-z]+(-badge|-background)?\[|[#*_`\-–·→|\s\d.,:;()!?%+/\[\]{}▌✅⬜]")
TRANSLATED = {"_", "ngettext", "translate", "format", "join", "get", "error_text", "pct", "math_markdown", "day",
              "day_time", "number", "percent"}


def has_words(text: str) -> bool:
    """Literal text a reader would read (not just markdown, icons, punctuation or spaces)."""
    return bool(re.search(r"[A-Za-z]{2,}|[\u4e00-\u9fff]", MARKUP.sub(" ", text)))


def untranslated(node: ast.AST) -> list[str]:
    """Literal words in an expression shown to the user that do not pass through _()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        found = [v.value for v in node.values if isinstance(v, ast.Constant) and has_words(v.value)]
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                found += untranslated(v.value)
        return found
    if isinstance(node, ast.BinOp):
        return untranslated(node.left) + untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return untranslated(node.body) + untranslated(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [t for v in node.values for t in untranslated(v)]
    return []  # calls (_(), .format() of a translated string), names and attributes: checked where made


def ui_sources() -> list[Path]:
    return sorted((ROOT / "webapp").rglob("*.py")) + [ROOT / "streamlit_app.py"]


def test_no_untranslated_literal_is_passed_to_a_streamlit_element():
    problems = []
    for path in ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name not in UI_CALLS:
                continue
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
                continue  # log.info(...): for the admin's log, in English
            keywords = [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS and k.arg != "value"]
            if name in KEYWORD_ONLY:  # their positional arguments are a file path or a data field
                args = keywords
            elif name in FIRST_ONLY:  # the label; then data (options, file contents, range)
                args = node.args[:1] + keywords
            else:
                args = list(node.args) + keywords
            for arg in args:
                for text in untranslated(arg):
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({text!r})")
    assert not problems, "UI text not wrapped in _():\n" + "\n".join(problems)


def test_the_router_translates_page_titles():
    tree = ast.parse((ROOT / "streamlit_app.py").read_text(encoding="utf-8"))
    titles = [n.args[1] for n in ast.walk(tree)
              if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "page"]
    assert titles and all(isinstance(t, ast.Call) and getattr(t.func, "id", "") == "_" for t in titles)


def test_the_checker_catches_a_bare_literal():
    code = 'st.title("Hello there")\nst.caption(f"{n} day streak")\nst.markdown("#### " + _("Ok"))\n'
    found = [t for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             for a in n.args for t in untranslated(a)]
    assert found == ["Hello there", " day streak"]


# --- translating and formatting ----------------------------------------------------------------------


def test_translator_translates_and_falls_back_to_english():
    assert i18n.translate("zh", "Log in") == "登录"
    assert i18n.translate("en", "Log in") == "Log in"
    assert i18n.translate("zh", "a string nobody wrote") == "a string nobody wrote"
    assert i18n.translator("zh").ngettext("{n} day", "{n} days", 3).format(n=3) == "3天"
    assert i18n.translator("en").ngettext("{n} day", "{n} days", 1).format(n=1) == "1 day"


def test_the_current_language_is_per_context():
    import contextvars

    def in_zh():
        i18n.set_language("zh")
        return i18n._("Log in")

    assert contextvars.copy_context().run(in_zh) == "登录"
    assert contextvars.copy_context().run(lambda: i18n.set_language("zh_CN")) == "zh"
    assert contextvars.copy_context().run(lambda: i18n.set_language("klingon")) == "en"


def test_numbers_dates_and_percentages_per_locale():
    when = datetime(2025, 3, 5, 14, 5)
    assert i18n.day(when, "en") == "05 Mar" and i18n.day(when, "en", weekday=True) == "Wed 05 Mar"
    assert i18n.day(date(2025, 3, 5), "zh") == "3月5日" and i18n.day(when, "zh", weekday=True) == "3月5日周三"
    assert i18n.day_time(when, "en") == "05 Mar 14:05" and i18n.day_time(when, "zh") == "3月5日 14:05"
    assert i18n.percent(0.456, "en") == "46%" and i18n.percent(0.456, "zh") == "46%"
    assert i18n.percent(None) == "–"
    assert i18n.number(1234.5, 1, "en") == "1,234.5" and i18n.number(12.0) == "12"


def test_tutor_language_setting(monkeypatch):
    from tutor.errors import SettingsError

    base = {"TUTOR_HOME": "/tmp/x"}
    assert Settings.from_env(base).language == "en"
    assert Settings.from_env({**base, "TUTOR_LANGUAGE": "zh"}).language == "zh"
    assert Settings.from_env({**base, "TUTOR_LANGUAGE": "ZH"}).language == "zh"
    with pytest.raises(SettingsError, match="TUTOR_LANGUAGE='fr'.*en, zh"):
        Settings.from_env({**base, "TUTOR_LANGUAGE": "fr"})
    monkeypatch.setenv("TUTOR_LANGUAGE", "fr")
    assert i18n.env_language() == "en"  # a bad value is reported by Settings, never by every _()


def test_new_users_get_the_default_language_and_can_change_it(ctx, monkeypatch):
    from tutor import accounts
    from tutor.errors import ValidationError

    monkeypatch.setenv("TUTOR_LANGUAGE", "zh")
    with ctx.session() as s:
        mei = accounts.create_user(session=s, username="mei", password="password1", role="student")
        tom = accounts.create_user(session=s, username="tom", password="password1", role="parent", language="en")
        assert (mei.language, tom.language) == ("zh", "en")
        assert accounts.set_language(session=s, user_id=tom.id, language="zh").language == "zh"
        with pytest.raises(ValidationError, match="Unknown language"):
            accounts.set_language(session=s, user_id=tom.id, language="fr")
