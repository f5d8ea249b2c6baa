"""The app's languages, and text the core writes that the UI shows translated.

The core imports no Qt, yet its messages (errors, health checks, CSV row
problems) reach people who read Chinese. A message is written as

    QT_TRANSLATE_NOOP("Errors", "{path}: no such file.").format(path=path)

``QT_TRANSLATE_NOOP`` is the marker ``pyside6-lupdate`` collects into
``planner/assets/translations/planner_zh_CN.ts``; it returns a :class:`Text`,
a ``str`` holding the English, which also remembers its context, its source
and the values put into it. The CLI and the logs print the English; the GUI
shows :func:`localize` of it with Qt's translator, and the weekly PDF with
:func:`catalog` of the plan's language, which reads the same ``.ts`` file, so
the app, the CLI's ``--lang`` and the PDF say things the same way.

Placeholders are ``{name}``, filled with ``format(name=...)``; a translation
keeps every placeholder of its source (``tests/test_translations.py``).
"""

from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

# A setting's value: follow the system, or one of the languages.
LANGUAGE_SETTINGS = ("system", "zh", "en")

TRANSLATIONS_DIR = Path(__file__).parent / "assets" / "translations"
# The Qt locale name of each language's translation file (``planner_zh_CN.ts``).
QT_LOCALES: dict[Language, str] = {"zh": "zh_CN", "en": "en_US"}

Lookup = Callable[[str, str], str]

_NOT_FINISHED = ("unfinished", "obsolete", "vanished")


class Text(str):
    """English text that knows how to be said in another language.

    ``str(text)`` and every string operation see the English. Joining it with
    other strings gives a plain ``str`` and loses the translation, so messages
    are built with :meth:`format`, whose values may be ``Text`` in turn.
    """

    context: str
    source: str
    params: dict[str, object]

    def __new__(cls, english: str, context: str, source: str, params: Mapping[str, object]) -> Text:
        made = super().__new__(cls, english)
        made.context = context
        made.source = source
        made.params = dict(params)
        return made

    def format(self, *args: object, **params: object) -> Text:
        if args:
            raise TypeError("Text.format takes named placeholders only")
        merged = {**self.params, **params}
        return Text(self.source.format(**merged), self.context, self.source, merged)

    def __reduce__(self) -> tuple[object, ...]:
        return (Text, (str(self), self.context, self.source, self.params))


class TextError(Exception):
    """An error whose message is a :class:`Text`: ``str(error)`` and
    :attr:`message` are the English, and the UI shows it translated."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message: Text = message

    def __str__(self) -> str:
        return self.message


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for translation in ``context``; see the module docstring."""
    return Text(source, context, source, {})


def untranslated(message: str) -> Text:
    """A message for the terminal or the log only, never translated."""
    return message if isinstance(message, Text) else Text(message, "", message, {})


def localize(text: object, lookup: Lookup) -> str:
    """``text`` in the language of ``lookup`` (context, source) -> translation.

    Plain strings come back as they are; a :class:`Text` is translated with
    its values translated in turn. A translation that cannot be filled (a
    placeholder lost by a translator) falls back to the English.
    """
    if not isinstance(text, Text):
        return str(text)
    translated = lookup(text.context, text.source) or text.source
    if not text.params:  # a template not filled yet (``{page}`` in a footer)
        return translated
    params = {k: localize(v, lookup) if isinstance(v, Text) else v for k, v in text.params.items()}
    if translated == text.source and all(params[k] == v for k, v in text.params.items()):
        return str(text)  # nothing translated: the English exactly as written
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r cannot be filled; showing the English", text.source)
        return text.source.format(**params)


def ts_file(language: Language) -> Path:
    return TRANSLATIONS_DIR / f"planner_{QT_LOCALES[language]}.ts"


def qm_file(language: Language) -> Path:
    return TRANSLATIONS_DIR / f"planner_{QT_LOCALES[language]}.qm"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """The finished translations of a Qt Linguist ``.ts`` file, by (context, source)."""
    found: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "obsolete",
                "vanished",
            ):
                continue
            forms = translation.findall("numerusform")
            text = forms[0].text if forms else translation.text
            if text:
                found[(name, source)] = text
    return found


def _english(context: str, source: str) -> str:
    return source


@functools.cache
def _catalog(language: Language) -> Mapping[tuple[str, str], str]:
    if language == "en":
        return {}
    return read_ts(ts_file(language))


def catalog(language: Language) -> Lookup:
    """The lookup for ``language`` without Qt, from the same ``.ts`` the app loads."""
    if language == "en":
        return _english
    table = _catalog(language)

    def lookup(context: str, source: str) -> str:
        return table.get((context, source), source)

    return lookup


def say(text: object, language: Language) -> str:
    """``text`` in ``language``: :func:`localize` with :func:`catalog`."""
    return localize(text, catalog(language))


class Translated(Mapping[str, str]):
    """A table of texts by key, in ``language``: each looked up when asked for."""

    def __init__(self, words: Mapping[str, Text], language: Language) -> None:
        self._words = words
        self._language = language

    def __getitem__(self, key: str) -> str:
        return say(self._words[key], self._language)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def in_languages(words: Mapping[str, Text]) -> dict[Language, Mapping[str, str]]:
    """``words`` in every language: ``{"zh": ..., "en": ...}``."""
    return {language: Translated(words, language) for language in LANGUAGES}


def language_of_locale(name: str) -> Language:
    """The app language for a locale name such as ``zh_CN``, ``zh-Hans`` or ``en_GB``."""
    return "zh" if name.lower().startswith("zh") else "en"
