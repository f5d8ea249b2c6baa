"""Preferences: the UI's language (applied at the next start)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import language_of_locale
from planner.settings import Settings
from planner.ui.locale_text import ui_language

# Each language is named in itself, so that it can be found by someone who
# cannot read the language the app is in now.
LANGUAGE_NAMES = {"zh": "简体中文", "en": "English"}


class PreferencesDialog(QDialog):
    """Choose the language; the choice is saved when the dialog is accepted."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(440)

        self.language = QComboBox()
        system = LANGUAGE_NAMES[language_of_locale(QLocale.system().name())]
        self.language.addItem(self.tr("System language (%1)").replace("%1", system), "system")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        current = self.language.findData(settings.get("language"))
        self.language.setCurrentIndex(max(current, 0))
        self.language.currentIndexChanged.connect(self._update_note)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")

        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._update_note()

    def chosen(self) -> str:
        return str(self.language.currentData())

    def _chosen_language(self) -> str:
        value = self.chosen()
        return language_of_locale(QLocale.system().name()) if value == "system" else value

    def _update_note(self) -> None:
        changed = self._chosen_language() != ui_language()
        self.note.setText(
            self.tr("The new language applies when you next start Community Planner.")
            if changed
            else ""
        )
        self.note.setVisible(changed)

    def accept(self) -> None:
        self.settings.set("language", self.chosen())
        super().accept()
