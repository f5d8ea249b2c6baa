"""A community's profile: every field of a community, grouped the way
practitioners describe a community (basics, positioning, segment, structure),
in one form that the community page validates and saves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
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
)
from planner.ui.community_header import ColorButton
from planner.ui.field_errors import FieldErrors
from planner.ui.labels import (
    built_around_label,
    platform_label,
    segment_basis_label,
    stage_hint,
    stage_label,
)
from planner.ui.theme import MARGIN, SPACING, icon


class CommunityForm(QScrollArea):
    """The profile form; each field is registered in ``errors`` under its name."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors = errors
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(self.tr("e.g. Late-Night Reading Club · Paid Members"))
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
        self.segment.setPlaceholderText(
            self.tr("e.g. first-time buyers, Grade 8 parents, product managers")
        )
        self.joining_principles = self._text_edit(
            self.tr("Who may join, and how: fee, invitation, review")
        )
        self.management_norms = self._text_edit(
            self.tr("Group rules: what is welcome, what gets you removed")
        )
        self.notes = self._text_edit(self.tr("Anything else worth remembering"))

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
        layout.setContentsMargins(0, MARGIN, SPACING, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(columns)
        layout.addLayout(footer)
        layout.addStretch(1)

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)

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

    def load(self, c: Community) -> None:
        """Show ``c`` in the fields."""
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

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def values(self) -> dict[str, Any]:
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
