"""The dialog that adds a checklist item or changes one: its words, its note,
who does it, when it is due and when it was done.

Saving runs the core edit itself (one undoable edit); a refused value stays
on screen with the reason under its field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import owners
from planner.checklists import NAME_MAX, ChecklistItem, add_item, update_item
from planner.communities import Stage, get_community
from planner.errors import PlannerError, ValidationError
from planner.ui.field_errors import FieldErrors
from planner.ui.labels import stage_hint, stage_label
from planner.ui.locale_text import ui_language, ui_text
from planner.ui.session import Session
from planner.ui.theme import SPACING
from planner.workspace_library import TITLE_MAX

DATE_FORMAT = "ddd yyyy-MM-dd"
DATE_FORMAT_ZH = "yyyy-MM-dd ddd"  # Chinese puts the weekday after the date


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateChoice(QWidget):
    """A check box that says whether there is a date, and the date.

    The widget holds the date; the check box, which names the date ("Due on"),
    goes in the form's label column, so the row reads once: ☑ Due on [date].
    """

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT_ZH if ui_language() == "zh" else DATE_FORMAT)
        self.edit.setDate(_qdate(date.today()))
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(label.replace("&", ""))
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return _pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        if day is not None:
            self.edit.setDate(_qdate(day))

    def set_read_only(self, read_only: bool) -> None:
        self.check.setEnabled(not read_only)
        self.edit.setReadOnly(read_only)


class ChecklistItemDialog(QDialog):
    """Adds an item to a community's checklist (``item`` None) or changes one.

    After it is accepted, :attr:`item_id` is the item's id.
    """

    def __init__(
        self,
        session: Session,
        community_id: str,
        item: ChecklistItem | None,
        stage: Stage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.community_id = community_id
        self.item = item
        self.item_id = item.id if item is not None else ""
        self.read_only = session.read_only
        self._errors = FieldErrors()
        if item is None:
            self.setWindowTitle(self.tr("Add a checklist item"))
        elif self.read_only:
            self.setWindowTitle(self.tr("Checklist item"))
        else:
            self.setWindowTitle(self.tr("Edit the checklist item"))

        self.stage = QComboBox()
        for each in Stage:
            self.stage.addItem(f"{each.number} {stage_label(each)}", each.value)
            self.stage.setItemData(
                self.stage.count() - 1, stage_hint(each), Qt.ItemDataRole.ToolTipRole
            )
        self.stage.setCurrentIndex(list(Stage).index(stage))
        self.stage.setEnabled(item is None)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX)
        self.title.setMinimumWidth(420)
        self.title.setPlaceholderText(self.tr("What to do, e.g. 邀请三位嘉宾排进 12 月分享"))
        self.why = QPlainTextEdit()
        self.why.setTabChangesFocus(True)
        self.why.setFixedHeight(60)
        self.why.setPlaceholderText(self.tr("Why it matters, in one line"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(72)
        self.note.setPlaceholderText(self.tr("Anything worth remembering: links, who said what"))
        self.assignee = QLineEdit()
        self.assignee.setMaxLength(NAME_MAX)
        self.assignee.setPlaceholderText(self.tr("Who does it"))
        completer = QCompleter(self._names(), self.assignee)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.assignee.setCompleter(completer)
        self.due_on = DateChoice(self.tr("&Due on"))
        self.due_on.check.setToolTip(
            self.tr("Untick for no due date; a due item shows on the calendar")
        )
        self.done_on = DateChoice(self.tr("D&one on"))
        self.done_on.check.setToolTip(self.tr("Ticked: the item is done, on this day"))
        # Done is today or earlier; a day already stored stays as it is.
        today = date.today()
        stored = item.done_on if item is not None else None
        self.done_on.edit.setMaximumDate(_qdate(max(today, stored or today)))
        self.done_on.edit.setToolTip(
            self.tr("The day it was done: today or earlier, not in the future")
        )

        self.builtin_hint = QLabel(
            self.tr(
                "From the stage library. Left as it is, its wording follows the app's "
                "language; empty the title to go back to the library's words."
            )
        )
        self.builtin_hint.setWordWrap(True)
        self.builtin_hint.setProperty("role", "hint")
        self.builtin_hint.setVisible(item is not None and bool(item.library_key))

        form = QFormLayout()
        form.setSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Stage"), self.stage)
        form.addRow(self.tr("&Title"), self._errors.wrap("title", self.title))
        form.addRow("", self.builtin_hint)
        form.addRow(self.tr("&Why"), self._errors.wrap("why", self.why))
        form.addRow(self.tr("&Assignee"), self._errors.wrap("assignee", self.assignee))
        form.addRow(self.due_on.check, self._errors.wrap("due_on", self.due_on))
        form.addRow(self.done_on.check, self._errors.wrap("done_on", self.done_on))
        form.addRow(self.tr("&Note"), self._errors.wrap("note", self.note))

        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        if self.read_only:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        else:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            if item is None:
                save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
                save.setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if item is not None:
            self.title.setText(item.title)
            self.why.setPlainText(item.why)
            self.note.setPlainText(item.note)
            self.assignee.setText(item.assignee)
            self.due_on.set_value(item.due_on)
            self.done_on.set_value(item.done_on)
        if self.read_only:
            for edit in (self.title, self.assignee):
                edit.setReadOnly(True)
            for text in (self.why, self.note):
                text.setReadOnly(True)
            self.due_on.set_read_only(True)
            self.done_on.set_read_only(True)
        self.title.setFocus()

    def _names(self) -> list[str]:
        ws = self.session.workspace
        names = set(owners(ws))
        try:
            owner = get_community(ws, self.community_id).owner
        except PlannerError:
            owner = ""
        if owner:
            names.add(owner)
        return sorted(names, key=str.casefold)

    def values(self) -> dict[str, Any]:
        """The fields as the core takes them."""
        return {
            "title": self.title.text(),
            "why": self.why.toPlainText(),
            "note": self.note.toPlainText(),
            "assignee": self.assignee.text(),
            "due_on": self.due_on.value() or "",
            "done_on": self.done_on.value() or "",
        }

    def accept(self) -> None:
        """Override QDialog::accept: save (one undoable edit); stay open if refused."""
        if self.read_only:
            super().accept()
            return
        values = self.values()
        done_on = self.done_on.value()
        stored = self.item.done_on if self.item is not None else None
        if done_on is not None and done_on > date.today() and done_on != stored:
            self._errors.show(
                {"done_on": self.tr("Done can be today or earlier, not in the future.")}
            )
            self.done_on.edit.setFocus()
            return
        try:
            if self.item is None:
                title = values.pop("title")
                stage = Stage(self.stage.currentData())
                self.item_id, _ = self.session.run(
                    add_item, self.community_id, stage, title, values
                )
            else:
                self.session.run(update_item, self.item.id, values)
        except ValidationError as exc:
            shown = {k: ui_text(v) for k, v in exc.fields.items()}
            self._errors.show(shown)
            key = self._errors.first(shown)
            if key is not None:
                self._errors.fields[key].setFocus()
            return
        except PlannerError as exc:
            self.error.setText(ui_text(str(exc)))
            self.error.show()
            return
        super().accept()
