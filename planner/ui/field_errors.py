"""Validation messages shown under the fields they belong to."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planner.ui.locale_text import ui_text


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark ``widget`` (in)valid for the style sheet's red outline."""
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class FieldErrors:
    """Error messages under form fields, keyed by field name.

    Each field registered gets a red message label (shown under it by
    :meth:`wrap`) and the ``invalid`` property that the style sheet outlines.
    """

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def register(self, key: str, field: QWidget, label: QLabel | None = None) -> QLabel:
        """Errors for ``key`` show in ``label`` and mark ``field`` invalid."""
        if label is None:
            label = QLabel()
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.hide()
        field.setObjectName(key)
        self.labels[key] = label
        self.fields[key] = field
        return label

    def wrap(self, key: str, field: QWidget) -> QWidget:
        """``field`` with the error label for ``key`` under it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.register(key, field))
        return holder

    def show(self, errors: Mapping[str, str]) -> None:
        for key in self.labels:
            self.set(key, errors.get(key, ""))

    def set(self, key: str, message: str) -> None:
        """Show ``message`` under ``key``'s field ("" hides it).

        A core message (:class:`planner.i18n.Text`, as ValidationError.fields
        hold) shows in the UI's language.
        """
        label = self.labels[key]
        label.setText(ui_text(message))
        label.setVisible(bool(message))
        set_invalid(self.fields[key], bool(message))

    def message(self, key: str) -> str:
        label = self.labels.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def first(self, errors: Mapping[str, str]) -> str | None:
        """The first field with an error, in the order the fields were registered."""
        return next((key for key in self.labels if key in errors), None)
