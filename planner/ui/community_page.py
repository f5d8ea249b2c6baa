"""The community page: every field of a community in one validated form.

Edits stay in the form until saved (Save or Ctrl+S); leaving the page saves
valid edits automatically, so nothing typed is lost. Each save is one
undoable change. Errors are shown on the field they belong to.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.communities import (
    MEMBERS_MAX,
    NAME_MAX,
    BuiltAround,
    Community,
    Platform,
    SegmentBasis,
    Stage,
    get_community,
    update_community,
)
from planner.errors import NotFound, PlannerError, ValidationError
from planner.ui.field_errors import FieldErrors
from planner.ui.labels import (
    built_around_label,
    members_text,
    platform_label,
    segment_basis_label,
    stage_hint,
    stage_label,
)
from planner.ui.session import Session
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import MARGIN, SPACING, icon


class ColorButton(QPushButton):
    """A button that shows a colour and lets the user pick another.

    Signals:
        color_changed(str): the new colour as #rrggbb.
    """

    color_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = "#2f80ed"
        self.setFixedWidth(120)
        self.clicked.connect(self._pick)
        self._paint()

    def color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        if color != self._color:
            self._color = color
            self._paint()
            self.color_changed.emit(color)

    def _paint(self) -> None:
        self.setText(self._color)
        fg = "#ffffff" if QColor(self._color).lightnessF() < 0.6 else "#000000"
        self.setStyleSheet(
            f"QPushButton {{ background: {self._color}; color: {fg}; border-radius: 4px;"
            " padding: 4px; }"
        )

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, self.tr("Community colour"))
        if chosen.isValid():
            self.set_color(chosen.name())


class StagePath(QWidget):
    """The five stages as a row of steps, the community's own highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._labels: dict[Stage, QLabel] = {}
        for n, stage in enumerate(Stage):
            if n:
                arrow = QLabel("→")
                arrow.setProperty("role", "hint")
                layout.addWidget(arrow)
            label = QLabel(f"{stage.number} {stage_label(stage)}")
            label.setToolTip(stage_hint(stage))
            self._labels[stage] = label
            layout.addWidget(label)
        layout.addStretch(1)

    def set_stage(self, current: Stage) -> None:
        order = list(Stage)
        for stage, label in self._labels.items():
            if stage == current:
                color = STAGE_COLORS[stage]
                style = (
                    f"background: {color}; color: white; border-radius: 9px;"
                    " padding: 2px 10px; font-weight: 600;"
                )
            elif order.index(stage) < order.index(current):
                style = "color: palette(text); padding: 2px 6px;"
            else:
                style = "color: palette(placeholder-text); padding: 2px 6px;"
            label.setStyleSheet(style)


class CommunityPage(QWidget):
    """Shows and edits one community.

    Signals:
        dirty_changed(bool): the form has (or no longer has) unsaved edits.
        error(str): an error to show to the user.
    """

    dirty_changed = Signal(bool)
    error = Signal(str)

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._community: Community | None = None
        self._loading = False
        self._dirty = False
        self._errors = FieldErrors()
        self._build()
        self.set_session(session)

    # -- construction ------------------------------------------------------

    def _build(self) -> None:
        self.header_dot = QLabel()
        self.header_dot.setFixedSize(18, 18)
        self.header_name = QLabel()
        self.header_name.setProperty("role", "title")
        self.header_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header_meta = QLabel()
        self.header_meta.setProperty("role", "hint")
        self.stage_path = StagePath()

        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(self.tr("e.g. 深夜读书会 · 付费会员圈"))
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(platform_label(platform), platform.value)
        self.stage = QComboBox()
        for stage in Stage:
            self.stage.addItem(f"{stage.number}. {stage_label(stage)}", stage.value)
            self.stage.setItemData(
                self.stage.count() - 1, stage_hint(stage), Qt.ItemDataRole.ToolTipRole
            )
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Who runs this group"))
        self.member_count = QSpinBox()
        self.member_count.setRange(0, MEMBERS_MAX)
        self.member_count.setGroupSeparatorShown(True)
        self.member_count.setMinimumWidth(120)
        self.color = ColorButton()

        self.common_interest = self._text_edit(
            self.tr("The shared product, emotion, behaviour or values that gather people")
        )
        self.value_to_members = self._text_edit(
            self.tr("What value do we bring to members, and can we bring it continuously?")
        )
        self.differentiation = self._text_edit(
            self.tr("How are we different from the other groups of this kind?")
        )
        self.built_around = QComboBox()
        for value in BuiltAround:
            self.built_around.addItem(built_around_label(value), value.value)
        self.segment_basis = QComboBox()
        for basis in SegmentBasis:
            self.segment_basis.addItem(segment_basis_label(basis), basis.value)
        self.segment = QLineEdit()
        self.segment.setPlaceholderText(self.tr("e.g. 首次付费用户, 初二年级家长, 产品经理"))
        self.joining_principles = self._text_edit(
            self.tr("Who may join, and how: fee, invitation, review")
        )
        self.management_norms = self._text_edit(
            self.tr("Group rules: what is welcome, what gets you removed")
        )
        self.notes = self._text_edit(self.tr("Anything else worth remembering"))

        self.save_button = QPushButton(icon("device-floppy", "#ffffff"), self.tr("Save changes"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Save changes (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(icon("arrow-back-up"), self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Throw away the changes not yet saved"))
        self.revert_button.clicked.connect(self.revert)
        self.delete_button = QPushButton(icon("trash"), self.tr("Move to trash"))

        basics = self._group(
            self.tr("Basics"),
            [
                (self.tr("&Name"), "name", self.name),
                (self.tr("&Platform"), "platform", self.platform),
                (self.tr("S&tage"), "stage", self.stage),
                (self.tr("&Owner"), "owner", self.owner),
                (self.tr("&Members"), "member_count", self.member_count),
                (self.tr("Colour"), "color", self.color),
            ],
        )
        positioning = self._group(
            self.tr("Positioning"),
            [
                (self.tr("Common &interest"), "common_interest", self.common_interest),
                (self.tr("&Value to members"), "value_to_members", self.value_to_members),
                (self.tr("&Differentiation"), "differentiation", self.differentiation),
                (self.tr("&Built around"), "built_around", self.built_around),
            ],
        )
        segment = self._group(
            self.tr("Segment"),
            [
                (self.tr("Divided by"), "segment_basis", self.segment_basis),
                (self.tr("Se&gment"), "segment", self.segment),
            ],
        )
        structure = self._group(
            self.tr("Structure"),
            [
                (self.tr("&Joining principles"), "joining_principles", self.joining_principles),
                (self.tr("Management &norms"), "management_norms", self.management_norms),
            ],
        )
        notes = self._group(self.tr("Notes"), [("", "notes", self.notes)])

        header_row = QHBoxLayout()
        header_row.setSpacing(SPACING)
        header_row.addWidget(self.header_dot, 0, Qt.AlignmentFlag.AlignVCenter)
        header_row.addWidget(self.header_name, 1)
        header_row.addWidget(self.revert_button)
        header_row.addWidget(self.save_button)

        # Two independent columns, so a short group never stretches to match a tall one.
        columns = QHBoxLayout()
        columns.setSpacing(MARGIN)
        for groups in ((basics, segment, notes), (positioning, structure)):
            column = QVBoxLayout()
            column.setSpacing(MARGIN)
            for group in groups:
                column.addWidget(group)
            column.addStretch(1)
            columns.addLayout(column, 1)

        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.delete_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(header_row)
        layout.addWidget(self.header_meta)
        layout.addWidget(self.stage_path)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(columns)
        layout.addLayout(footer)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        for widget in (self.name, self.owner, self.segment):
            widget.textEdited.connect(self._on_edited)
        for edit in (
            self.common_interest,
            self.value_to_members,
            self.differentiation,
            self.joining_principles,
            self.management_norms,
            self.notes,
        ):
            edit.textChanged.connect(self._on_edited)
        for combo in (self.platform, self.stage, self.built_around, self.segment_basis):
            combo.currentIndexChanged.connect(self._on_edited)
        self.member_count.valueChanged.connect(self._on_edited)
        self.color.color_changed.connect(self._on_edited)
        for field in self._errors.fields.values():
            field.installEventFilter(self)
            # A spin box's own line edit is what handles the keys.
            for child in field.findChildren(QLineEdit):
                child.installEventFilter(self)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject::eventFilter: saved fields leave Ctrl+Z to the window.

        A text field claims Undo/Redo for its own typing. Once the form is
        saved there is no typing left to undo, so the keys go to Edit > Undo,
        which undoes the saved change.
        """
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and not self._dirty
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Shift+Z")
            )
        ):
            return True
        return super().eventFilter(watched, event)

    def _text_edit(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(64)
        edit.setMaximumHeight(96)
        return edit

    def _group(self, title: str, rows: list[tuple[str, str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setSpacing(SPACING)
        for label, key, widget in rows:
            holder = self._errors.wrap(key, widget)
            if label:
                form.addRow(label, holder)
                form.labelForField(holder).setBuddy(widget)  # type: ignore[attr-defined]
            else:
                form.addRow(holder)
        return box

    # -- data --------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_workspace_changed)
        self._session = session
        if session is not None:
            session.changed.connect(self._on_workspace_changed)
        self._community = None
        self._update_buttons()

    @property
    def community_id(self) -> str:
        return self._community.id if self._community else ""

    @property
    def dirty(self) -> bool:
        return self._dirty

    def show_community(self, community_id: str) -> None:
        """Load a community into the form (discarding unsaved edits: see leave())."""
        if self._session is None:
            return
        self._community = get_community(self._session.workspace, community_id)
        self._load(self._community)

    def _load(self, c: Community) -> None:
        self._loading = True
        try:
            self.name.setText(c.name)
            self._set_combo(self.platform, c.platform.value)
            self._set_combo(self.stage, c.stage.value)
            self.owner.setText(c.owner)
            self.member_count.setValue(c.member_count)
            self.color.set_color(c.color)
            self.common_interest.setPlainText(c.common_interest)
            self.value_to_members.setPlainText(c.value_to_members)
            self.differentiation.setPlainText(c.differentiation)
            self._set_combo(self.built_around, c.built_around.value)
            self._set_combo(self.segment_basis, c.segment_basis.value)
            self.segment.setText(c.segment)
            self.joining_principles.setPlainText(c.joining_principles)
            self.management_norms.setPlainText(c.management_norms)
            self.notes.setPlainText(c.notes)
        finally:
            self._loading = False
        self._errors.show({})
        self._update_header(c)
        self._set_dirty(False)

    def _update_header(self, c: Community) -> None:
        self.header_name.setText(c.name)
        self.header_dot.setStyleSheet(f"background: {c.color}; border-radius: 9px;")
        self.header_meta.setText(
            self.tr("%1 · %2 · owner: %3")
            .replace("%1", platform_label(c.platform))
            .replace("%2", members_text(c.member_count))
            .replace("%3", c.owner or self.tr("nobody yet"))
        )
        self.stage_path.set_stage(c.stage)

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def form_values(self) -> dict[str, Any]:
        """What the form holds now, as community fields."""
        return {
            "name": self.name.text(),
            "platform": self.platform.currentData(),
            "stage": self.stage.currentData(),
            "owner": self.owner.text(),
            "member_count": self.member_count.value(),
            "color": self.color.color(),
            "common_interest": self.common_interest.toPlainText(),
            "value_to_members": self.value_to_members.toPlainText(),
            "differentiation": self.differentiation.toPlainText(),
            "built_around": self.built_around.currentData(),
            "segment_basis": self.segment_basis.currentData(),
            "segment": self.segment.text(),
            "joining_principles": self.joining_principles.toPlainText(),
            "management_norms": self.management_norms.toPlainText(),
            "notes": self.notes.toPlainText(),
        }

    def _changed_values(self) -> dict[str, Any]:
        if self._community is None:
            return {}
        saved = self._community.editable()
        return {k: v for k, v in self.form_values().items() if saved[k] != v}

    # -- editing -----------------------------------------------------------

    def _on_edited(self) -> None:
        if self._loading or self._community is None:
            return
        sender = self.sender()
        key = sender.objectName() if sender is not None else ""
        if key in self._errors.fields:
            self._errors.set(key, "")
        self._set_dirty(bool(self._changed_values()))

    def save(self) -> bool:
        """Save the form; returns False (and shows why on the fields) if it cannot."""
        if self._session is None or self._community is None:
            return True
        values = self._changed_values()
        if not values:
            self._set_dirty(False)
            return True
        try:
            self._session.run(update_community, self._community.id, values)
            # Show what was stored (trimmed text, for instance), which also
            # clears the dirty state when the edit changed nothing.
            self._community = get_community(self._session.workspace, self._community.id)
            self._load(self._community)
        except ValidationError as exc:
            self._errors.show(exc.fields)
            widget = self.findChild(QWidget, next(iter(exc.fields)))
            if widget is not None:
                widget.setFocus()
            return False
        except PlannerError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def revert(self) -> None:
        if self._community is not None:
            self._load(self._community)

    def leave(self) -> bool:
        """Before another community is shown: save valid edits; False if invalid."""
        if not self._dirty:
            return True
        return self.save()

    def _on_workspace_changed(self, change: object) -> None:
        if self._community is None or self._session is None:
            return
        if self._community.id not in getattr(change, "ids", lambda _t: set())("communities"):
            return
        try:
            fresh = get_community(self._session.workspace, self._community.id)
        except NotFound:
            return  # an undone creation removed the row; the window moves on
        self._community = fresh
        if fresh.deleted:
            return  # the window moves on to another page
        self._load(fresh)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self._session is not None and not self._session.read_only
        self.save_button.setEnabled(editable and self._dirty)
        self.revert_button.setEnabled(self._dirty)
        self.delete_button.setEnabled(editable and self._community is not None)
        for field in self._errors.fields.values():
            if isinstance(field, QLineEdit | QPlainTextEdit):
                field.setReadOnly(not editable)
            else:
                field.setEnabled(editable)

    def field_error(self, key: str) -> str:
        """The error shown on a field now ("" if none)."""
        return self._errors.message(key)
