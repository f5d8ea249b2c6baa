"""Choosing the language: the system's by default, the Preferences' override, at start."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from planner.paths import AppPaths
from planner.settings import Settings
from planner.ui.preferences import PreferencesDialog
from planner.ui.translations import (
    LANGUAGE_ENV,
    install_language,
    locale_for,
    resolve_language,
)


@pytest.fixture(autouse=True)
def restore_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    before = QLocale()
    yield
    install_language("en", QLocale("en_US"))
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "zh_CN", "zh"),
        ("system", "zh_TW", "zh"),
        ("system", "en_GB", "en"),
        ("system", "de_DE", "en"),
        ("zh", "en_US", "zh"),
        ("en", "zh_CN", "en"),
        ("klingon", "zh_CN", "zh"),
    ],
)
def test_the_language_follows_the_system_unless_the_preferences_say_otherwise(
    setting: str, system: str, expected: str
) -> None:
    assert resolve_language(setting, QLocale(system)) == expected


def test_the_environment_overrides_both(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert resolve_language("zh", QLocale("zh_CN")) == "en"


def test_dates_follow_the_system_that_speaks_the_language_else_its_usual_locale() -> None:
    assert locale_for("zh", QLocale("zh_TW")).name() == "zh_TW"
    assert locale_for("zh", QLocale("en_GB")).name() == "zh_CN"
    assert locale_for("en", QLocale("en_GB")).name() == "en_GB"
    assert locale_for("en", QLocale("zh_CN")).name() == "en_US"


def test_chinese_translates_ours_and_qts_and_starts_weeks_on_monday() -> None:
    install_language("zh", QLocale("zh_CN"))
    assert QCoreApplication.translate("Stage", "Operate") == "做运营"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert QLocale().toString(QLocale().toDate("2026-11-23", "yyyy-MM-dd"), "dddd") == "星期一"
    install_language("en", QLocale("en_US"))
    assert QCoreApplication.translate("Stage", "Operate") == "Operate"


def test_preferences_save_the_language_and_say_when_it_applies(qtbot, paths: AppPaths) -> None:
    settings = Settings(paths.settings_file)
    install_language("en", QLocale("en_US"))
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert settings.get("language") == "system"
    assert dialog.language.currentData() == "system"
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.note.isVisible() and "next start" in dialog.note.text()
    assert dialog.language.currentText() == "简体中文"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.accept()
    assert Settings(paths.settings_file).get("language") == "zh"


def test_cancelling_the_preferences_changes_nothing(qtbot, paths: AppPaths) -> None:
    settings = Settings(paths.settings_file)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.reject()
    assert Settings(paths.settings_file).get("language") == "system"
