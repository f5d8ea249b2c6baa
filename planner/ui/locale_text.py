"""Text and dates in the UI's language.

:func:`ui_text` shows a core message (:class:`planner.i18n.Text`: errors,
health checks, CSV problems) through Qt's translator. The date helpers write
dates the way the locale's readers write them: "11月23日 周一" in Chinese,
"Mon 23 Nov" in English, from the default :class:`QLocale` the app sets at
start (:mod:`planner.ui.translations`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from planner.i18n import Language, localize


def ui_text(text: object) -> str:
    """A core message (or any string) in the UI's language."""
    return localize(text, QCoreApplication.translate)


def ui_language() -> Language:
    """The language the UI speaks, from the default locale."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def _qdate(day: date | QDate) -> QDate:
    return day if isinstance(day, QDate) else QDate(day.year, day.month, day.day)


def _format(day: date | QDate, zh: str, en: str) -> str:
    locale = QLocale()
    pattern = zh if locale.language() == QLocale.Language.Chinese else en
    return locale.toString(_qdate(day), pattern)


def day_month(day: date | QDate) -> str:
    """'11月23日' / '23 Nov'."""
    return _format(day, "M月d日", "d MMM")


def day_month_year(day: date | QDate) -> str:
    """'2026年11月23日' / '23 Nov 2026'."""
    return _format(day, "yyyy年M月d日", "d MMM yyyy")


def weekday_day_month(day: date | QDate) -> str:
    """'11月23日 周一' / 'Mon 23 Nov'."""
    return _format(day, "M月d日 ddd", "ddd d MMM")


def long_day(day: date | QDate) -> str:
    """'2026年11月23日 星期一' / 'Monday, 23 November 2026'."""
    return _format(day, "yyyy年M月d日 dddd", "dddd, d MMMM yyyy")


def month_year(day: date | QDate) -> str:
    """'2026年11月' / 'November 2026'."""
    return _format(day, "yyyy年M月", "MMMM yyyy")


def short_month(day: date | QDate) -> str:
    """'11月' / 'Nov' (chart axes)."""
    return _format(day, "M月", "MMM")


def iso_day(day: date | QDate) -> str:
    """'2026-11-23 周一' / '2026-11-23 Mon': sortable, with the weekday."""
    return QLocale().toString(_qdate(day), "yyyy-MM-dd ddd")
