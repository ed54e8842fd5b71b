"""Problem content in the student's language: the small gettext translator a plugin writes its text with.

A plugin writes every sentence in its source language (English for the
built-ins), wraps it in ``_()`` with named placeholders and ships one
catalogue per other language, ``<locale dir>/<lang>/LC_MESSAGES/<domain>.po``.
A third language is one more catalogue. The ``.po`` is compiled in memory
(Babel), as the app's own catalogues are (``tutor.i18n``)::

    _ = Translator(Path(__file__).parent / "locale", "my_plugin")
    text = _("Write {n}/{d} in lowest terms.").format(n=n, d=d)

Which language ``_()`` writes in is a context variable: the plugin manager sets
it around a generator call (:func:`writing_in`), so a generator's signature
stays ``generate(seed, difficulty)`` and the same seed draws the same numbers in
every language. Outside a generator (a checker's explanation, an agent's reply)
it is the app's current language.
"""

from __future__ import annotations

import functools
import io
import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

_writing: ContextVar[str | None] = ContextVar("tutor_content_language", default=None)
KEYWORDS = {"_": None, "N_": None, "gettext": (1,), "ngettext": (1, 2)}
"""What Babel's extractor looks for in a plugin's source (``_.gettext``, ``_.ngettext`` count too)."""


def content_language() -> str:
    """The language content is written in now: the one the plugin manager asked for, else the app's language."""
    lang = _writing.get()
    if lang:
        return lang
    from tutor.i18n import current_language

    return current_language()


@contextmanager
def writing_in(language: str) -> Iterator[str]:
    """Within the block, every :class:`Translator` writes in ``language``."""
    token = _writing.set(language)
    try:
        yield language
    finally:
        _writing.reset(token)


def N_(message: str) -> str:
    """Marks a string for extraction without translating it now (a module constant); ``_()`` it where used."""
    return message


_TRANSLATORS: list[Translator] = []
"""Every plugin Translator made in this process (a plugin makes one when it is imported)."""


def translators_loaded() -> bool:
    """Whether any plugin has made its Translator in this process (its catalogue is readable)."""
    return bool(_TRANSLATORS)


def translate_any(message: str, language: str) -> str:
    """``message`` (a plugin's own text, e.g. a skill title stored in the database) in ``language``, from
    whichever loaded plugin's catalogue has it; as written when none does. Reports use it for skill titles."""
    for translator in _TRANSLATORS:
        out = translator.gettext(message, language)
        if out != message:
            return out
    return message


class Translator:
    """``_(message)``: ``message`` in the content language, from ``<locale_dir>/<lang>/LC_MESSAGES/<domain>.po``.

    A language without a catalogue (the source language, or one not translated
    yet) gives the message as written.
    """

    def __init__(self, locale_dir: str | Path, domain: str) -> None:
        self.locale_dir = Path(locale_dir)
        self.domain = domain
        _TRANSLATORS.append(self)

    def __call__(self, message: str) -> str:
        return self.gettext(message)

    def gettext(self, message: str, language: str | None = None) -> str:
        return self._translations(language or content_language()).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int, language: str | None = None) -> str:
        """The singular or plural form for ``n`` (Chinese has one form)."""
        return self._translations(language or content_language()).ngettext(singular, plural, n)

    def catalogue_path(self, language: str) -> Path:
        return self.locale_dir / language / "LC_MESSAGES" / f"{self.domain}.po"

    def catalogues(self) -> list[str]:
        """The languages this translator has a catalogue for."""
        return sorted(p.parent.parent.name for p in self.locale_dir.glob(f"*/LC_MESSAGES/{self.domain}.po"))

    def _translations(self, language: str) -> NullTranslations:
        code = (language or "").strip().lower().replace("-", "_").split("_")[0]
        return _compiled(self.catalogue_path(code)) if code else NullTranslations()

    def __repr__(self) -> str:
        return f"Translator({str(self.locale_dir)!r}, {self.domain!r})"


@functools.lru_cache(maxsize=None)
def _compiled(path: Path) -> NullTranslations:
    if not path.exists():
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=path.parent.parent.name, domain=path.stem)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain=path.stem)


# --- maintaining a catalogue ----------------------------------------------------------------------

def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields of a ``str.format`` template, sorted (``{{`` is a literal brace)."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def extract(source_dir: str | Path, *, domain: str = "messages"):
    """Every marked string in the ``.py`` files under ``source_dir``, as a Babel catalogue."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    source_dir = Path(source_dir)
    catalog = Catalog(project=domain, domain=domain, charset="utf-8")
    for name, lineno, message, comments, context in extract_from_dir(
        source_dir, [("**.py", "python")], keywords=KEYWORDS, comment_tags=("i18n:",)
    ):
        catalog.add(message, None, [(f"{source_dir.name}/{name}", lineno)], auto_comments=comments, context=context)
    return catalog


def update_catalogues(source_dir: str | Path, translator: Translator) -> dict[str, int]:
    """Merge the strings marked in ``source_dir`` into each of ``translator``'s catalogues.

    Returns how many strings lack a translation per language. A new language:
    create an empty ``.po`` at ``translator.catalogue_path(lang)`` first.
    """
    from babel.messages.pofile import write_po

    template = extract(source_dir, domain=translator.domain)
    missing = {}
    for lang in translator.catalogues():
        path = translator.catalogue_path(lang)
        with path.open("rb") as f:
            catalog = read_po(f, locale=lang, domain=translator.domain)
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as f:
            write_po(f, catalog, width=120, sort_output=False, ignore_obsolete=True, include_previous=False)
        missing[lang] = sum(1 for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string))
    _compiled.cache_clear()
    return missing
