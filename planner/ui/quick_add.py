"""Quick add: an item in an empty calendar slot with the few fields that matter there.

Like the item editor it only collects and checks values
(``planner.calendar.clean_values``); the caller saves ``values()``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import TITLE_MAX, TYPES_BY_KIND, ItemKind, clean_values, local_timezone
from planner.communities import Community
from planner.errors import ValidationError
from planner.ui.field_errors import FieldErrors
from planner.ui.item_fields import (
    INVALID_STYLE,
    FitsWrappedText,
    TimeRange,
    community_combo,
    even_heights,
    form,
    label,
    row,
)
from planner.ui.labels import item_type_label, kind_label
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.theme import SPACING

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def _type_combo_grouped() -> QComboBox:
    """Content types and activity kinds in one list, under a header for each."""
    combo = QComboBox()
    model = QStandardItemModel(combo)
    for kind in ItemKind:
        header = QStandardItem(kind_label(kind))
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(combo.font())
        font.setWeight(QFont.Weight.Bold)
        header.setFont(font)
        model.appendRow(header)
        for item_type in TYPES_BY_KIND[kind]:
            item = QStandardItem(item_type_label(item_type))
            item.setData(item_type, Qt.ItemDataRole.UserRole)
            item.setData(kind.value, _KIND_ROLE)
            model.appendRow(item)
    combo.setModel(model)
    return combo


class QuickAddDialog(FitsWrappedText):
    """Adds an item in an empty calendar slot: title, community, type, when.

    Results: Accepted (add values()), Rejected, or MORE_OPTIONS: the caller
    opens the full ItemEditor with values().

    Attributes:
        more_options_requested: True once the user chose "More options…".
    """

    MORE_OPTIONS = 2

    def __init__(
        self,
        session: Session,
        values: dict[str, Any],
        *,
        communities: list[Community],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.more_options_requested = False
        self._base = dict(values)
        self._base.setdefault("tz", local_timezone())
        self._errors = FieldErrors()
        self.setWindowTitle(self.tr("Quick add"))
        self.setStyleSheet(INVALID_STYLE)

        self.title = QLineEdit(str(values.get("title") or ""))
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(self.tr("What goes out? e.g. 早报 · Morning digest"))
        self.title.setMinimumWidth(340)
        self.community = community_combo(communities)
        community_id = values.get("community_id") or ""
        self.community.setCurrentIndex(self.community.findData(community_id) if community_id else 0)
        self.item_type = _type_combo_grouped()
        index = self.item_type.findData(values.get("item_type") or "")
        self.item_type.setCurrentIndex(index if index > 0 else 1)
        self.times = TimeRange(self)
        self.start = self.times.start
        self.end = self.times.end
        start = values.get("start")
        end = values.get("end")
        if not isinstance(start, datetime):
            start = datetime.combine(date.today(), time(9))
        if not isinstance(end, datetime):
            end = start + timedelta(hours=1)
        self.times.set_range(start, end, bool(values.get("all_day")))
        dash = QLabel("–")
        when = QWidget()
        when_column = QVBoxLayout(when)
        when_column.setContentsMargins(0, 0, 0, 0)
        when_column.setSpacing(2)
        when_column.addWidget(row(self.start, dash, self.end))
        when_column.addWidget(self._errors.register("start", self.start))
        when_column.addWidget(self._errors.register("end", self.end))
        self.end.setAccessibleName(self.tr("End"))

        quick_form = form()
        quick_form.addRow(
            label(self.tr("&Title"), self.title), self._errors.wrap("title", self.title)
        )
        quick_form.addRow(
            label(self.tr("&Community"), self.community),
            self._errors.wrap("community_id", self.community),
        )
        quick_form.addRow(
            label(self.tr("T&ype"), self.item_type),
            self._errors.wrap("item_type", self.item_type),
        )
        quick_form.addRow(label(self.tr("&When"), self.start), when)
        self.general_error = QLabel()
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(self.tr("Add"))
        self.add_button.setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.more_button = QPushButton(self.tr("&More options…"))
        self.more_button.setAutoDefault(False)
        self.more_button.setToolTip(self.tr("Open the full editor with what you entered"))
        self.more_button.clicked.connect(self._on_more)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if session.read_only:
            self.add_button.setEnabled(False)
        button_row = QHBoxLayout()
        button_row.addWidget(self.more_button)
        button_row.addStretch(1)
        button_row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING + 4)
        layout.addLayout(quick_form)
        layout.addWidget(self.general_error)
        layout.addLayout(button_row)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept)

        self.title.textEdited.connect(lambda _t: self._clear_error("title"))
        self.community.currentIndexChanged.connect(lambda _i: self._clear_error("community_id"))
        self.item_type.currentIndexChanged.connect(lambda _i: self._clear_error("item_type"))
        self.start.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.end.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.title.setFocus()
        even_heights(self, self.title)

    def values(self) -> dict[str, Any]:
        """Every editable field, as ItemEditor.values() gives them."""
        start, end = self.times.range()
        values = dict(self._base)
        values.update(
            title=self.title.text(),
            community_id=self.community.currentData() or "",
            kind=self.item_type.currentData(_KIND_ROLE) or ItemKind.CONTENT.value,
            item_type=self.item_type.currentData() or "",
            start=start,
            end=end,
        )
        return values

    def field_error(self, key: str) -> str:
        return self._errors.message(key)

    def accept(self) -> None:
        """Override QDialog::accept: stay open, showing why, until the values are valid."""
        if self.session.read_only:
            return
        errors: dict[str, str] = {}
        try:
            clean_values(self.session.workspace, self.values())
        except ValidationError as exc:
            errors.update(exc.fields)
        errors.update(self.times.problems())
        self._errors.show(errors)
        general = [
            ui_text(message) for key, message in errors.items() if key not in self._errors.labels
        ]
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        first = self._errors.first(errors)
        if first is not None:
            self._errors.fields[first].setFocus()
        if not errors:
            super().accept()

    def _clear_error(self, *keys: str) -> None:
        for key in keys:
            if self._errors.message(key):
                self._errors.set(key, "")

    def _on_more(self) -> None:
        self.more_options_requested = True
        self.done(self.MORE_OPTIONS)
