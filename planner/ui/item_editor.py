"""The item editor: every field of a calendar item, its repeat rule included.

Two small dialogs go with it: :class:`~planner.ui.scope_dialog.ScopeDialog`
asks which occurrences of a series a change is for, and
:class:`~planner.ui.quick_add.QuickAddDialog` adds an item in an empty
calendar slot with the few fields that matter there. The repeat rule is
edited by :class:`~planner.ui.recurrence_editor.RecurrenceEditor`, and the
fields they share live in ``planner.ui.item_fields``.

The dialogs only collect and check values (``planner.calendar.clean_values``)
and stay open, with each message under its field, until the values are
valid. The caller saves ``values()`` through the session, so every save is
one undoable change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import (
    GOAL_FIELDS,
    TITLE_MAX,
    TYPES_BY_KIND,
    ItemKind,
    Status,
    clean_values,
    local_timezone,
    owners,
)
from planner.communities import Community
from planner.errors import ValidationError
from planner.recurrence import Recurrence
from planner.ui.field_errors import FieldErrors
from planner.ui.item_fields import (
    INVALID_STYLE,
    FitsWrappedText,
    GoalsGrid,
    TimeRange,
    align_label_columns,
    community_combo,
    even_heights,
    form,
    label,
    row,
    select_data,
)
from planner.ui.labels import item_type_label, kind_label, status_label
from planner.ui.locale_text import ui_text
from planner.ui.recurrence_editor import RecurrenceEditor
from planner.ui.session import Session
from planner.ui.theme import SPACING, icon

# -- small helpers ----------------------------------------------------------------


def new_item_values(
    start: datetime,
    end: datetime,
    *,
    all_day: bool = False,
    community_id: str = "",
    kind: ItemKind = ItemKind.CONTENT,
    item_type: str = "",
    tz: str = "",
) -> dict[str, Any]:
    """Every editable field of a new item, for the editor or the quick-add."""
    values: dict[str, Any] = {
        "community_id": community_id,
        "kind": kind.value,
        "item_type": item_type or TYPES_BY_KIND[kind][0],
        "title": "",
        "all_day": all_day,
        "start": start,
        "end": end,
        "tz": tz or local_timezone(),
        "status": Status.PLANNED.value,
        "owner": "",
        "description": "",
        "speaker": "",
        "location": "",
        "recurrence": None,
    }
    values.update(dict.fromkeys(GOAL_FIELDS))
    return values


class _NotesEdit(QPlainTextEdit):
    """A plain text edit that asks for a few lines rather than Qt's 192 pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        """Override QAbstractScrollArea::sizeHint."""
        lines = self.fontMetrics().lineSpacing() * 4
        return QSize(super().sizeHint().width(), lines + 2 * self.frameWidth() + 8)


# -- the editor ----------------------------------------------------------------------


class ItemEditor(FitsWrappedText):
    """Edits every field of a calendar item, or of one occurrence of a series.

    ``values`` holds the calendar's EDITABLE_FIELDS (as Occurrence.values()
    gives them, or new_item_values() for a new item). accept() checks them
    with clean_values() and stays open, showing each problem under its field,
    until they are valid; the caller then saves ``values()``.

    With ``recurrence_editable=False`` (editing one occurrence of a series)
    the repeat rule and the community are locked, as the core requires.

    Results: Accepted (save values()), Rejected, or DELETED (the user chose
    Delete; only offered when not ``new``).

    Attributes:
        deleted_requested: True once the user chose Delete.
        title, community, kind, item_type, all_day, start, end, status, owner,
        speaker, location, description, recurrence, goals: the fields.

    Signals:
        delete_requested(): the user chose Delete; the dialog closes with DELETED.
    """

    DELETED = 2

    delete_requested = Signal()

    def __init__(
        self,
        session: Session,
        values: dict[str, Any],
        *,
        communities: list[Community],
        new: bool,
        recurrence_editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.deleted_requested = False
        # Set by the caller: save the values (True when saved) and delete the
        # item (True when deleted); the dialog closes only when they succeed.
        self.commit: Callable[[dict[str, Any]], bool] | None = None
        self.delete_handler: Callable[[], bool] | None = None
        self._original = dict(values)
        self._new = new
        self._recurrence_editable = recurrence_editable
        self._tz = str(values.get("tz") or local_timezone())
        self._errors = FieldErrors()
        self._type_memory: dict[ItemKind, str] = {}
        self._shown_kind = ItemKind.CONTENT
        self.setWindowTitle(self.tr("New item") if new else self.tr("Edit item"))
        self.setStyleSheet(INVALID_STYLE)
        self._build(communities)
        self._load(values)
        self._connect()

    # -- construction ------------------------------------------------------------------

    def _build(self, communities: list[Community]) -> None:
        errors = self._errors
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(self.tr("e.g. Morning digest, Live class: Growth 101"))
        bigger = QFont(self.title.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
        self.title.setFont(bigger)
        title_row = QHBoxLayout()
        title_row.setSpacing(SPACING)
        title_label = label(self.tr("&Title"), self.title)
        title_row.addWidget(title_label, 0, Qt.AlignmentFlag.AlignTop)
        title_holder = errors.wrap("title", self.title)
        title_row.addWidget(title_holder, 1)
        # Line the label up with the line edit's text, not the top of the holder.
        title_label.setMinimumHeight(self.title.sizeHint().height())

        # Details (left column)
        self.community = community_combo(communities)
        self.kind = QComboBox()
        for kind in ItemKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.item_type = QComboBox()
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(status_label(status), status.value)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Who prepares and runs it"))
        completer = QCompleter(owners(self.session.workspace), self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("e.g. Ms Li, a member who presents"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("e.g. the WeChat group, Zoom, a café"))
        self.description = _NotesEdit()
        self.description.setPlaceholderText(
            self.tr("Running order, materials, what to post, how to invite members")
        )
        self.description.setMinimumHeight(60)
        details = QGroupBox(self.tr("Details"))
        details_form = form()
        for text, key, widget in (
            (self.tr("&Community"), "community_id", self.community),
            (self.tr("&Kind"), "kind", self.kind),
            (self.tr("T&ype"), "item_type", self.item_type),
            (self.tr("&Status"), "status", self.status),
            (self.tr("&Owner"), "owner", self.owner),
            (self.tr("&Guest / speaker"), "speaker", self.speaker),
            (self.tr("P&latform / location"), "location", self.location),
            (self.tr("&Description"), "description", self.description),
        ):
            details_form.addRow(label(text, widget), errors.wrap(key, widget))
        details.setLayout(details_form)

        # When (right column)
        self.all_day = QCheckBox(self.tr("&All day"))
        self.times = TimeRange(self)
        self.start = self.times.start
        self.end = self.times.end
        self.tz_hint = QLabel()
        self.tz_hint.setProperty("role", "hint")
        self.recurrence = RecurrenceEditor()
        self.recurrence.set_editable(self._recurrence_editable)
        when = QGroupBox(self.tr("When"))
        when_form = form()
        when_form.addRow("", self.all_day)
        when_form.addRow(label(self.tr("Sta&rt"), self.start), errors.wrap("start", self.start))
        when_form.addRow(label(self.tr("&End"), self.end), errors.wrap("end", self.end))
        when_form.addRow("", errors.wrap("tz", self.tz_hint))
        when_layout = QVBoxLayout(when)
        when_layout.setSpacing(SPACING)
        when_layout.addLayout(when_form)
        when_layout.addWidget(errors.wrap("recurrence", self.recurrence))
        when_layout.addStretch(1)
        align_label_columns([when_form, self.recurrence.form])

        # Goals and results (full width, collapsible)
        self.goals_toggle = QToolButton()
        self.goals_toggle.setText(self.tr("Goals and res&ults"))
        self.goals_toggle.setToolTip(self.tr("Show or hide planned and actual results"))
        self.goals_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.goals_toggle.setAutoRaise(True)
        bold = QFont(self.goals_toggle.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.goals_toggle.setFont(bold)
        self.goals_hint = QLabel()
        self.goals_hint.setProperty("role", "hint")
        self.goals = GoalsGrid(errors)
        goals_box = QGroupBox()
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.setSpacing(4)
        goals_layout.addWidget(row(self.goals_toggle, self.goals_hint))
        goals_layout.addWidget(self.goals)

        self.general_error = QLabel()
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        # Buttons
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add") if self._new else self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Save and close (Ctrl+Return)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton(icon("trash"), self.tr("Delete"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.setVisible(not self._new)
        self.delete_button.clicked.connect(self._on_delete)
        if self.session.read_only:
            self.save_button.setEnabled(False)
            self.delete_button.setEnabled(False)
        button_row = QHBoxLayout()
        button_row.addWidget(self.delete_button)
        button_row.addStretch(1)
        button_row.addWidget(self.buttons)

        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 2)
        columns.addWidget(details, 1)
        columns.addWidget(when, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING + 4)
        layout.addLayout(title_row)
        layout.addLayout(columns, 1)
        layout.addWidget(goals_box)
        layout.addWidget(self.general_error)
        layout.addLayout(button_row)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept)
        self._set_tab_order()
        even_heights(self, self.owner)

    def _tab_chain(self) -> list[QWidget]:
        return [
            self.title,
            self.community,
            self.kind,
            self.item_type,
            self.status,
            self.owner,
            self.speaker,
            self.location,
            self.description,
            self.all_day,
            self.start,
            self.end,
            *self.recurrence.inputs(),
            self.goals_toggle,
            *self.goals.fields.values(),
            self.delete_button,
            self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]

    def _set_tab_order(self) -> None:
        chain = self._tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.all_day.toggled.connect(self._on_all_day)
        self.times.start_moved.connect(self._on_start_moved)
        self.goals_toggle.clicked.connect(lambda: self._set_goals_shown(self.goals.isHidden()))
        self.title.textEdited.connect(lambda _t: self._clear_error("title"))
        self.owner.textEdited.connect(lambda _t: self._clear_error("owner"))
        self.speaker.textEdited.connect(lambda _t: self._clear_error("speaker"))
        self.location.textEdited.connect(lambda _t: self._clear_error("location"))
        self.description.textChanged.connect(lambda: self._clear_error("description"))
        self.community.currentIndexChanged.connect(lambda _i: self._clear_error("community_id"))
        self.item_type.currentIndexChanged.connect(lambda _i: self._clear_error("item_type"))
        self.status.currentIndexChanged.connect(lambda _i: self._clear_error("status"))
        self.start.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.end.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.recurrence.changed.connect(lambda: self._clear_error("recurrence", "end"))
        for name, edit in self.goals.fields.items():
            edit.textEdited.connect(lambda _t, name=name: self._clear_error(name))
            edit.textEdited.connect(lambda _t: self._update_goals_hint())

    # -- loading and reading -------------------------------------------------------------

    def _load(self, values: dict[str, Any]) -> None:
        self.title.setText(str(values.get("title") or ""))
        community_id = values.get("community_id") or ""
        index = self.community.findData(community_id) if community_id else 0
        self.community.setCurrentIndex(index)
        try:
            kind = ItemKind(values.get("kind") or ItemKind.CONTENT.value)
        except ValueError:
            kind = ItemKind.CONTENT
        select_data(self.kind, kind.value)
        self._shown_kind = kind
        self._fill_types(kind, str(values.get("item_type") or ""))
        select_data(self.status, values.get("status") or Status.PLANNED.value)
        self.owner.setText(str(values.get("owner") or ""))
        self.speaker.setText(str(values.get("speaker") or ""))
        self.location.setText(str(values.get("location") or ""))
        self.description.setPlainText(str(values.get("description") or ""))
        all_day = bool(values.get("all_day"))
        self.all_day.setChecked(all_day)
        start = values.get("start")
        end = values.get("end")
        if not isinstance(start, datetime):
            start = datetime.combine(date.today(), time(9))
        if not isinstance(end, datetime):
            end = start + timedelta(hours=1)
        self.times.set_range(start, end, all_day)
        self.tz_hint.setText(self.tr("Times are in %1").replace("%1", self._tz))
        self.recurrence.set_start(self.times.range()[0])
        rule = values.get("recurrence")
        if isinstance(rule, str):
            rule = Recurrence.parse(rule) if rule else None
        self.recurrence.set_recurrence(rule)
        for name in GOAL_FIELDS:
            self.goals.set_value(name, values.get(name))
        self.community.setEnabled(self._recurrence_editable)
        if not self._recurrence_editable:
            self.community.setToolTip(self.recurrence.locked_hint.text())
        self._update_goals_hint()
        self._set_goals_shown(kind is ItemKind.ACTIVITY or self.goals.has_values())

    def _fill_types(self, kind: ItemKind, wanted: str = "") -> None:
        self.item_type.clear()
        for item_type in TYPES_BY_KIND[kind]:
            self.item_type.addItem(item_type_label(item_type), item_type)
        index = self.item_type.findData(wanted or self._type_memory.get(kind, ""))
        self.item_type.setCurrentIndex(max(index, 0))

    def values(self) -> dict[str, Any]:
        """The fields as planner.calendar takes them (not yet checked)."""
        start, end = self.times.range()
        values: dict[str, Any] = {
            "community_id": self.community.currentData() or "",
            "kind": self.kind.currentData(),
            "item_type": self.item_type.currentData() or "",
            "title": self.title.text(),
            "all_day": self.all_day.isChecked(),
            "start": start,
            "end": end,
            "tz": self._tz,
            "status": self.status.currentData(),
            "owner": self.owner.text(),
            "description": self.description.toPlainText(),
            "speaker": self.speaker.text(),
            "location": self.location.text(),
            "recurrence": self.recurrence.recurrence(),
        }
        if not self._recurrence_editable:
            # One occurrence keeps its series' rule and community untouched.
            values["recurrence"] = self._original.get("recurrence")
            values["community_id"] = self._original.get("community_id") or ""
        for name in GOAL_FIELDS:
            values[name] = self.goals.value(name)
        return values

    # -- reacting -------------------------------------------------------------------------

    def _on_kind_changed(self) -> None:
        kind = ItemKind(self.kind.currentData())
        self._type_memory[self._shown_kind] = str(self.item_type.currentData() or "")
        self._shown_kind = kind
        self._fill_types(kind)
        self._clear_error("kind", "item_type")
        self._set_goals_shown(kind is ItemKind.ACTIVITY or self.goals.has_values())

    def _on_all_day(self, checked: bool) -> None:
        self.times.set_all_day(checked)
        self.recurrence.set_start(self.times.range()[0])
        self._clear_error("start", "end")

    def _on_start_moved(self) -> None:
        self.recurrence.set_start(self.times.range()[0])

    def _set_goals_shown(self, shown: bool) -> None:
        self.goals.setVisible(shown)
        self.goals_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _update_goals_hint(self) -> None:
        set_count = sum(1 for edit in self.goals.fields.values() if edit.text().strip())
        if set_count:
            text = self.tr("%1 of 12 set · planned vs actual").replace("%1", str(set_count))
        else:
            text = self.tr("Planned vs actual; leave empty what you do not track")
        self.goals_hint.setText(text)

    def _clear_error(self, *keys: str) -> None:
        for key in keys:
            if self._errors.message(key):
                self._errors.set(key, "")

    def _on_delete(self) -> None:
        if self.delete_handler is not None and not self.delete_handler():
            return  # the user thought better of it: stay open with the edits
        self.deleted_requested = True
        self.delete_requested.emit()
        self.done(self.DELETED)

    # -- checking ------------------------------------------------------------------------

    def field_error(self, key: str) -> str:
        """The message shown under a field now ("" if none)."""
        if key not in self._errors.labels:
            return ""
        return self._errors.message(key)

    def check(self) -> dict[str, str]:
        """Problems with the values, by field (empty when they can be saved)."""
        values = self.values()
        errors: dict[str, str] = {}
        try:
            clean_values(self.session.workspace, values)
        except ValidationError as exc:
            errors.update(exc.fields)
        # Ours says it in the words of dates, where the core speaks of times.
        errors.update(self.times.problems())
        return errors

    def accept(self) -> None:
        """Override QDialog::accept: stay open, showing why, until the values are valid."""
        if self.session.read_only:
            return
        errors = self.check()
        self._show_errors(errors)
        if errors:
            return
        if self.commit is not None and not self.commit(self.values()):
            return  # not saved (scope question cancelled, or errors now shown)
        super().accept()

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show errors found by the caller (for example when saving) on their fields."""
        self._show_errors(errors)

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        self._errors.show(errors)
        general = [
            ui_text(message) for key, message in errors.items() if key not in self._errors.labels
        ]
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        if any(key in errors for key in GOAL_FIELDS):
            self._set_goals_shown(True)
        first = self._errors.first(errors)
        if first == "recurrence":
            self.recurrence.focus_problem()
        elif first is not None:
            self._errors.fields[first].setFocus()
