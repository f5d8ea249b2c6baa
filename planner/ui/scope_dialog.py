"""Asks which occurrences of a series an edit, move or delete is for."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import EditScope
from planner.ui.labels import scope_label
from planner.ui.theme import SPACING


class ScopeDialog(QDialog):
    """Asks which occurrences of a series a change is for.

    ``action`` is "edit", "move" or "delete" (the words follow it); any other
    text is used as the window title.

    Attributes:
        choices: EditScope -> its radio button.
    """

    def __init__(
        self,
        action: str = "edit",
        parent: QWidget | None = None,
        *,
        default: EditScope = EditScope.THIS,
    ) -> None:
        super().__init__(parent)
        texts = {
            "edit": (
                self.tr("Edit a repeating item"),
                self.tr("Which occurrences should the changes apply to?"),
                self.tr("Save"),
            ),
            "move": (
                self.tr("Move a repeating item"),
                self.tr("Which occurrences should move?"),
                self.tr("Move"),
            ),
            "delete": (
                self.tr("Delete a repeating item"),
                self.tr("Which occurrences do you want to delete?"),
                self.tr("Delete"),
            ),
        }
        title, question, ok_text = texts.get(
            action, (action, self.tr("Which occurrences?"), self.tr("OK"))
        )
        self.setWindowTitle(title)
        self.question = QLabel(question)
        self.choices: dict[EditScope, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.question)
        for scope in EditScope:
            button = QRadioButton(scope_label(scope))
            group.addButton(button)
            self.choices[scope] = button
            layout.addWidget(button)
        self.choices[default].setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(SPACING)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(340)

    def scope(self) -> EditScope:
        return next(scope for scope, button in self.choices.items() if button.isChecked())

    def set_scope(self, scope: EditScope) -> None:
        self.choices[scope].setChecked(True)


def ask_scope(parent: QWidget, action: str) -> EditScope | None:
    """Ask (modally) which occurrences an edit, move or delete is for; None if cancelled."""
    dialog = ScopeDialog(action, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.scope()
        return None
    finally:
        dialog.deleteLater()
