"""Choosing the UI's language at start and loading its translations.

The language follows the system's locale unless the Preferences say
otherwise (the ``language`` setting: ``system``, ``zh`` or ``en``), and the
environment variable ``PLANNER_LANGUAGE`` overrides both (for screenshots and
tests). Chinese loads ``planner_zh_CN.qm`` (built from the ``.ts`` in
``planner/assets/translations``) and Qt's own translation of its standard
buttons and dialogs. The default :class:`QLocale` is set to match, so dates,
weekdays and numbers are written for the reader, and weeks start on Monday.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.i18n import LANGUAGE_SETTINGS, Language, language_of_locale, qm_file

log = logging.getLogger(__name__)

LANGUAGE_ENV = "PLANNER_LANGUAGE"

# Translators installed by install_language, kept so that they can be removed.
_installed: list[QTranslator] = []


def resolve_language(setting: str, system: QLocale | None = None) -> Language:
    """The language to start in: the environment's, the setting's, else the system's."""
    forced = os.environ.get(LANGUAGE_ENV, "")
    if forced in ("zh", "en"):
        return "zh" if forced == "zh" else "en"
    if setting in ("zh", "en"):
        return "zh" if setting == "zh" else "en"
    if setting not in LANGUAGE_SETTINGS:
        log.warning("unknown language setting %r; following the system", setting)
    return language_of_locale((system or QLocale.system()).name())


def locale_for(language: Language, system: QLocale | None = None) -> QLocale:
    """The locale dates and numbers are written in: the system's when it speaks
    ``language`` (so zh_TW keeps its own formats), else the language's usual one."""
    system = system or QLocale.system()
    if language_of_locale(system.name()) == language and system.name() not in ("C", "POSIX"):
        return system
    if language == "zh":
        return QLocale(
            QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China
        )
    return QLocale("en_US")


def install_language(language: Language, system: QLocale | None = None) -> None:
    """Speak ``language`` from now on: the default locale and the translators.

    Widgets made before keep their texts, so this is called before the main
    window is built (the Preferences' change applies at the next start).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(locale_for(language, system))
    if language == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(qm_file(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("could not load %s; the UI stays in English", qm_file(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
