"""The app in the family's language: gettext catalogues (Babel) and locale formatting.

English is the source language: every UI string is written in English and
wrapped in ``_()``; a language is one catalogue,
``tutor/locale/<lang>/LC_MESSAGES/tutor.po``. The ``.po`` is compiled in
memory when first used (Babel's ``read_po`` + ``write_mo``), so a clean clone
needs no build step and a stale ``.mo`` cannot exist. To add a language: add
its code to ``tutor.settings.LANGUAGES``, copy the ``zh`` catalogue and
translate every ``msgstr`` (``tests/test_i18n.py`` fails until none is empty).

Which language ``_()`` uses is per script run (a context variable): the web
app sets it at the top of every run from the signed-in user; the CLI uses
``TUTOR_LANGUAGE``.

Extracting the strings (the test does the same, in memory)::

    .venv/bin/pybabel extract -F tutor/locale/babel.cfg -k N_ -k translate:2 -o /tmp/tutor.pot webapp streamlit_app.py
    .venv/bin/pybabel update -i /tmp/tutor.pot -d tutor/locale -D tutor
"""

from __future__ import annotations

import functools
import io
from contextvars import ContextVar
from datetime import date, datetime
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from tutor.errors import SettingsError
from tutor.settings import LANGUAGES, default_language

DOMAIN = "tutor"
LOCALE_DIR = Path(__file__).parent / "locale"
NAMES = {"en": "English", "zh": "简体中文"}
"""Each shipped language in its own words (what the language switch shows)."""
BABEL_LOCALE = {"en": "en", "zh": "zh_Hans_CN"}
"""The CLDR locale each language formats numbers and dates with."""

_current: ContextVar[str | None] = ContextVar("tutor_language", default=None)


def catalogue_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def shipped_catalogues(domain: str = DOMAIN) -> list[str]:
    """Languages that have a catalogue (English, the source language, needs none)."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{domain}.po"))


def env_language() -> str:
    """``TUTOR_LANGUAGE``; English when it is invalid (Settings.from_env reports that, not every ``_()``)."""
    try:
        return default_language()
    except SettingsError:
        return "en"


def normalise(lang: str | None) -> str:
    """A shipped language code for ``lang`` ('zh_CN', 'ZH' -> 'zh'); ``TUTOR_LANGUAGE`` for anything else."""
    code = (lang or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else env_language()


@functools.lru_cache(maxsize=None)
def translator(lang: str | None = None, domain: str = DOMAIN) -> NullTranslations:
    """The gettext translations for ``lang`` (default: the current language), compiled from its .po."""
    lang = normalise(lang or current_language())
    path = catalogue_path(lang, domain)
    if not path.exists():  # English, or a language without a catalogue yet
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=domain)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain=domain)


def set_language(lang: str | None) -> str:
    """Use ``lang`` for ``_()`` from here on in this thread/context; returns the code used."""
    code = normalise(lang)
    _current.set(code)
    return code


def current_language() -> str:
    return _current.get() or env_language()


def _(message: str) -> str:
    """``message`` (English) in the current language."""
    return translator(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the current language (Chinese has one form)."""
    return translator(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a string for extraction without translating it now (module constants); ``_()`` it where shown."""
    return message


def translate(lang: str | None, message: str, domain: str = DOMAIN) -> str:
    """``message`` in ``lang``, whatever the current language is (``domain``: which catalogue, see DOMAINS)."""
    return translator(normalise(lang), domain).gettext(message)


# --- locale formatting ------------------------------------------------------------------------------


def locale(lang: str | None = None) -> Locale:
    return Locale.parse(BABEL_LOCALE.get(normalise(lang or current_language()), "en"))


def number(value: float | int, digits: int = 0, lang: str | None = None) -> str:
    """A number with the locale's separators and ``digits`` decimals (1,234 · 1,234.5)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


def percent(value: float | None, lang: str | None = None) -> str:
    """0.5 -> '50%'; None -> '–'."""
    if value is None:
        return "–"
    return format_percent(value, format="#,##0%", locale=locale(lang))


def day(value: date | datetime, lang: str | None = None, *, weekday: bool = False) -> str:
    """A short day: '05 Mar' / 'Wed 05 Mar' in English (as the pages always showed it); '3月5日' in Chinese."""
    loc = locale(lang)
    if loc.language == "en":
        return format_date(value, "EEE dd MMM" if weekday else "dd MMM", locale=loc)
    return format_skeleton("MMMdEEE" if weekday else "MMMd", value, locale=loc)


def day_time(value: datetime, lang: str | None = None) -> str:
    """A short day and time: '05 Mar 14:05' in English; '3月5日 14:05' in Chinese."""
    loc = locale(lang)
    if loc.language == "en":
        return format_datetime(value, "dd MMM HH:mm", locale=loc)
    return f"{day(value, lang)} {format_time(value, 'HH:mm', locale=loc)}"


# --- maintaining the catalogues -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
DOMAINS = {
    DOMAIN: ("webapp", "streamlit_app.py", "tutor/reports", "tutor/cli"),
    "agents": ("agents",),
}
"""Each catalogue and where its strings are (relative to the repository root): ``tutor`` holds what the app
shows, ``agents`` the tutor's own words (prompts and the fixed replies code writes)."""
SOURCES = DOMAINS[DOMAIN]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "translate": (2,)}


def extract(root: Path = ROOT, domain: str = DOMAIN):
    """Every string of one catalogue in its sources, as a Babel catalogue (Babel's Python extractor)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir, extract_from_file

    catalog = Catalog(project="tutor", domain=domain, charset="utf-8")
    for source in DOMAINS[domain]:
        path = root / source
        if path.is_dir():
            found = ((f"{source}/{name}", *rest) for name, *rest in
                     extract_from_dir(path, [("**.py", "python")], keywords=KEYWORDS, comment_tags=("i18n:",)))
        else:
            found = ((source, *rest) for rest in extract_from_file("python", path, keywords=KEYWORDS,
                                                                   comment_tags=("i18n:",)))
        for filename, lineno, message, comments, context in found:
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def update_catalogues(root: Path = ROOT, domains: tuple[str, ...] | None = None) -> dict[str, int]:
    """Merge the extracted strings into every shipped catalogue; returns how many lack a translation
    per ``lang/domain``. A language's catalogue for a new domain is created (empty translations)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    missing = {}
    for domain in domains or tuple(DOMAINS):
        template = extract(root, domain)
        for lang in shipped_catalogues():
            path = catalogue_path(lang, domain)
            if path.exists():
                with path.open("rb") as f:
                    catalog = read_po(f, locale=lang, domain=domain)
            else:
                catalog = Catalog(locale=lang, domain=domain, project="tutor", charset="utf-8")
            catalog.update(template, no_fuzzy_matching=True)
            with path.open("wb") as f:
                write_po(f, catalog, width=120, sort_output=False, ignore_obsolete=True, include_previous=False)
            missing[f"{lang}/{domain}"] = sum(
                1 for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string))
    translator.cache_clear()
    return missing


if __name__ == "__main__":  # python -m tutor.i18n: refresh the catalogues after changing UI strings
    for key, count in update_catalogues().items():
        lang, domain = key.split("/")
        print(f"{key}: {count} string(s) without a translation in "
              f"{catalogue_path(lang, domain).relative_to(ROOT)}")
