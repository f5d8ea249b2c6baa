"""The merge dialog: what a teammate's copy brings, and a choice for each record both changed.

It shows a :class:`~planner.merge.MergePlan` before anything is written: a
summary (“王芳@laptop's copy brings 3 added, 2 changed …”) with a breakdown by
kind of record, and, when both sides changed the same record differently,
the list of those records on the left and the selected one field by field on
the right, ours beside theirs. Every such record keeps ours until the person
chooses otherwise. :meth:`MergeDialog.choices` is what
:func:`planner.merge.apply_merge` takes; the dialog itself writes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from html import escape

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.merge import MERGE_ORDER, Choices, MergePlan
from planner.ui.merge_model import ConflictModel, ConflictRole, FieldModel
from planner.ui.merge_words import MINE, THEIRS, RecordNames, field_label, records_kind
from planner.ui.theme import SPACING, bold_font, item_panel, small_font

Index = QModelIndex | QPersistentModelIndex


def teammates(plan: MergePlan) -> list[str]:
    """The labels of the devices that wrote the rows the plan takes or is in conflict
    over, the busiest first (ids with no label are left out)."""
    labels = {device: label for device, label, _seen in plan.devices}
    rows = [t.theirs for t in plan.takes if t.kind != "tombstone"]
    rows += [c.theirs for c in plan.conflicts]
    counts = Counter(str(row["updated_by"]) for row in rows)
    return [labels[d] for d, _n in counts.most_common() if labels.get(d)]


def who_text(plan: MergePlan) -> str:
    """Whose copy it is, as the summary names them: “王芳@laptop”, “A and B”,
    “A and 2 others”, or “Your teammate” when their devices have no labels."""
    people = teammates(plan)
    if not people:
        return QCoreApplication.translate("MergeDialog", "Your teammate")
    if len(people) == 1:
        return people[0]
    if len(people) == 2:
        return (
            QCoreApplication.translate("MergeDialog", "%1 and %2")
            .replace("%1", people[0])
            .replace("%2", people[1])
        )
    return (
        QCoreApplication.translate("MergeDialog", "%1 and %2 others")
        .replace("%1", people[0])
        .replace("%2", str(len(people) - 1))
    )


class ConflictDelegate(QStyledItemDelegate):
    """Paints a conflict as: icon, the record, its state on the right; under it,
    what kind of record it is and which side deleted it."""

    PADDING = 7
    ICON = 16

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint."""
        fm = QFontMetrics(option.font)
        small = QFontMetrics(small_font(option.font))
        return QSize(200, fm.height() + small.height() + 2 + self.PADDING * 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        painter.save()
        text_color, dim = item_panel(painter, option)
        rect: QRect = option.rect.adjusted(
            self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING
        )
        fm = QFontMetrics(option.font)
        line = fm.height()
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if icon is not None:
            top = rect.top() + (line - self.ICON) // 2
            icon.paint(painter, QRect(rect.left(), top, self.ICON, self.ICON))
        left = rect.left() + self.ICON + SPACING
        # The state, right-aligned; a choice that takes something of theirs stands out.
        bold = bold_font(option.font)
        state = str(index.data(ConflictRole.STATE))
        side = index.data(ConflictRole.SIDE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setFont(bold)
        state_width = QFontMetrics(bold).horizontalAdvance(state)
        state_rect = QRect(rect.right() - state_width, rect.top(), state_width, line)
        if side == MINE or selected:
            painter.setPen(dim if side == MINE else text_color)
        else:
            painter.setPen(option.palette.color(QPalette.ColorRole.Link))
        painter.drawText(
            state_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, state
        )
        # The record.
        painter.setFont(option.font)
        painter.setPen(text_color)
        label_rect = QRect(left, rect.top(), state_rect.left() - SPACING - left, line)
        label = fm.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            Qt.TextElideMode.ElideRight,
            label_rect.width(),
        )
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, label)
        # Kind · deleted on which side.
        small = small_font(option.font)
        painter.setFont(small)
        painter.setPen(dim)
        words = str(index.data(ConflictRole.KIND))
        note = str(index.data(ConflictRole.NOTE) or "")
        if note:
            words += " · " + note
        second = QRect(
            left, rect.top() + line + 2, rect.right() - left, QFontMetrics(small).height()
        )
        words = QFontMetrics(small).elidedText(words, Qt.TextElideMode.ElideRight, second.width())
        painter.drawText(second, Qt.AlignmentFlag.AlignVCenter, words)
        painter.restore()


class FieldDelegate(QStyledItemDelegate):
    """The field table's cells: the view, not the check box, decides what a click
    does (it chooses the side clicked, anywhere in its cell)."""

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """Override QStyledItemDelegate::editorEvent."""
        return False


class FieldTable(QTableView):
    """The fields of one conflict: a click on Mine or Theirs chooses that side;
    Space switches the current field, Left chooses mine, Right theirs."""

    def __init__(self, model: FieldModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._fields = model
        self.setItemDelegate(FieldDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        # Tab leaves the table for the buttons; arrows move within it.
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(FieldModel.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FieldModel.MINE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FieldModel.THEIRS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.clicked.connect(self._on_clicked)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == FieldModel.MINE_COLUMN:
            self._fields.choose(index.row(), MINE)
        elif index.column() == FieldModel.THEIRS_COLUMN:
            self._fields.choose(index.row(), THEIRS)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QAbstractItemView::keyPressEvent."""
        row = self.currentIndex().row()
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if row >= 0 and plain and key in (Qt.Key.Key_Space, Qt.Key.Key_Left, Qt.Key.Key_Right):
            if key == Qt.Key.Key_Space:
                self._fields.toggle(row)
            else:
                self._fields.choose(row, MINE if key == Qt.Key.Key_Left else THEIRS)
            event.accept()
            return
        super().keyPressEvent(event)


class MergeDialog(QDialog):
    """Shows what merging a teammate's copy brings; asks about each record both changed.

    Attributes:
        plan: the merge plan shown.
        conflicts: the list of records changed on both sides (holds the choices).
        fields: the selected record's differing fields.

    Accepting (“Merge”) only closes the dialog; the caller applies
    :meth:`choices` with :func:`planner.merge.apply_merge`.
    """

    def __init__(
        self,
        plan: MergePlan,
        *,
        community_names: Mapping[str, str],
        template_names: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Merge “%1”").replace("%1", plan.source.name))
        names = RecordNames(plan, community_names, template_names)
        self.conflicts = ConflictModel(plan.conflicts, names)
        self.fields = FieldModel(self.conflicts)
        self._build()
        if plan.conflicts:
            self.setMinimumSize(760, 480)
            self.resize(1000, 650)
            self.conflict_list.setCurrentIndex(self.conflicts.index(0, 0))
            self.conflict_list.setFocus()
        else:
            self.setMinimumWidth(520)
            self.merge_button.setFocus()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = QLabel(self.summary_text())
        self.summary.setWordWrap(True)
        font = bold_font(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self.breakdown = QLabel(self.breakdown_text())
        self.breakdown.setTextFormat(Qt.TextFormat.RichText)
        self.breakdown.setWordWrap(True)
        self.hint = QLabel(
            self.tr(
                "These records were changed in both copies since they last met, and the app "
                "cannot tell which of you changed each field, so every field that differs is "
                "shown. Until you choose, your version is kept. Choose per field with a click, "
                "Space, or ← (mine) and → (theirs)."
            )
        )
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "This file shares no records with your workspace: it is not a copy of it. "
                "Merging adds everything in it beside what you have. Cancel unless that is "
                "what you want."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        self.warning.setVisible(self.plan.unrelated)
        self.panel = self._conflict_panel()
        has_conflicts = bool(self.plan.conflicts)
        self.hint.setVisible(has_conflicts)
        self.panel.setVisible(has_conflicts)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("&Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.summary)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.warning)
        layout.addWidget(self.hint)
        layout.addWidget(self.panel, 1)
        if not has_conflicts:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Only once the button is in the dialog does the dialog learn it is its default.
        self.merge_button.setDefault(True)

        self.setTabOrder(self.conflict_list, self.field_table)
        self.setTabOrder(self.field_table, self.keep_mine_button)
        self.setTabOrder(self.keep_mine_button, self.take_theirs_button)
        self.setTabOrder(self.take_theirs_button, self.all_mine_button)
        self.setTabOrder(self.all_mine_button, self.all_theirs_button)
        self.setTabOrder(self.all_theirs_button, self.merge_button)

    def _conflict_panel(self) -> QSplitter:
        # Left: the records changed on both sides.
        self.list_title = QLabel()
        self.list_title.setFont(bold_font(self.list_title.font()))
        self.conflict_list = QListView()
        self.conflict_list.setModel(self.conflicts)
        self.conflict_list.setItemDelegate(ConflictDelegate(self.conflict_list))
        self.conflict_list.setUniformItemSizes(True)
        self.conflict_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_title.setBuddy(self.conflict_list)
        self.all_mine_button = QPushButton(self.tr("All m&ine"))
        self.all_mine_button.setToolTip(self.tr("Keep your version of every record"))
        self.all_mine_button.clicked.connect(lambda: self.conflicts.take_all(MINE))
        self.all_theirs_button = QPushButton(self.tr("All t&heirs"))
        self.all_theirs_button.setToolTip(self.tr("Take their version of every record"))
        self.all_theirs_button.clicked.connect(lambda: self.conflicts.take_all(THEIRS))
        all_row = QHBoxLayout()
        all_row.setSpacing(SPACING)
        all_row.addWidget(self.all_mine_button)
        all_row.addWidget(self.all_theirs_button)
        all_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(SPACING // 2)
        left_layout.addWidget(self.list_title)
        left_layout.addWidget(self.conflict_list, 1)
        left_layout.addLayout(all_row)

        # Right: the selected record, field by field.
        self.record_title = QLabel()
        self.record_title.setFont(bold_font(self.record_title.font()))
        self.record_title.setTextFormat(Qt.TextFormat.PlainText)
        self.record_note = QLabel()
        self.record_note.setProperty("role", "hint")
        self.field_table = FieldTable(self.fields)
        self.mine_text = self._full_text()
        self.theirs_text = self._full_text()
        self.mine_caption = QLabel()
        self.theirs_caption = QLabel()
        for caption in (self.mine_caption, self.theirs_caption):
            caption.setProperty("role", "hint")
        compare = QHBoxLayout()
        compare.setSpacing(SPACING)
        for caption, text in (
            (self.mine_caption, self.mine_text),
            (self.theirs_caption, self.theirs_text),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(caption)
            column.addWidget(text, 1)
            compare.addLayout(column, 1)
        self.keep_mine_button = QPushButton(self.tr("&Keep mine"))
        self.keep_mine_button.setToolTip(self.tr("Keep your version of this record"))
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.take_theirs_button = QPushButton(self.tr("&Take theirs"))
        self.take_theirs_button.setToolTip(self.tr("Take their version of this record"))
        self.take_theirs_button.clicked.connect(self.take_theirs)
        record_row = QHBoxLayout()
        record_row.setSpacing(SPACING)
        record_row.addStretch(1)
        record_row.addWidget(self.keep_mine_button)
        record_row.addWidget(self.take_theirs_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(SPACING // 2)
        right_layout.addWidget(self.record_title)
        right_layout.addWidget(self.record_note)
        right_layout.addWidget(self.field_table, 1)
        right_layout.addLayout(compare)
        right_layout.addLayout(record_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 560])

        self.conflict_list.selectionModel().selectionChanged.connect(self._on_selection)
        self.field_table.selectionModel().currentRowChanged.connect(self._on_field)
        self.fields.modelReset.connect(self._on_fields_reset)
        self.conflicts.dataChanged.connect(self._update_list_title)
        self._update_list_title()
        self._show_record(-1)
        return splitter

    def _full_text(self) -> QPlainTextEdit:
        """A read-only box with one side's whole value of the current field."""
        box = QPlainTextEdit()
        box.setReadOnly(True)
        box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        box.setMinimumHeight(self.fontMetrics().height() * 3)
        box.setMaximumHeight(self.fontMetrics().height() * 7)
        return box

    # -- words ------------------------------------------------------------------------

    def summary_text(self) -> str:
        """“王芳@laptop's copy brings 3 added, 2 changed · 1 record changed on both sides”."""
        totals = Counter(t.kind for t in self.plan.takes)
        parts = []
        if totals["added"]:
            parts.append(self.tr("%1 added").replace("%1", str(totals["added"])))
        if totals["updated"]:
            parts.append(self.tr("%1 changed").replace("%1", str(totals["updated"])))
        if totals["deleted"]:
            parts.append(self.tr("%1 deleted").replace("%1", str(totals["deleted"])))
        text = self.list_text(parts)
        both = len(self.plan.conflicts)
        if both:
            words = (
                self.tr("1 record changed on both sides")
                if both == 1
                else self.tr("%1 records changed on both sides").replace("%1", str(both))
            )
            text = f"{text} · {words}" if text else words
        who = who_text(self.plan)
        if not text:
            return self.tr(
                "%1's copy brings nothing new: you already have everything in it."
            ).replace("%1", who)
        return self.tr("%1's copy brings %2").replace("%1", who).replace("%2", text)

    def list_text(self, parts: list[str]) -> str:
        """“3 added, 2 changed”: the parts with the language's list separator."""
        # The separator between the counts of a list, such as “3 added, 2 changed”.
        return self.tr(", ", "list separator").join(parts)

    def breakdown_text(self) -> str:
        """Per kind of record: “Communities: 1 changed, 2 on both sides · Calendar items: …”
        (rich text)."""
        counts = self.plan.counts()
        entries = []
        for table in MERGE_ORDER:
            c = counts[table]
            parts = []
            if c.added:
                parts.append(self.tr("%1 added").replace("%1", str(c.added)))
            if c.updated:
                parts.append(self.tr("%1 changed").replace("%1", str(c.updated)))
            if c.deleted:
                parts.append(self.tr("%1 deleted").replace("%1", str(c.deleted)))
            if c.conflicts:
                parts.append(self.tr("%1 on both sides").replace("%1", str(c.conflicts)))
            if parts:
                # The kind of record in bold, then its counts: “<b>Communities</b>: 1 changed”.
                entries.append(
                    self.tr("<b>%1</b>: %2")
                    .replace("%2", escape(self.list_text(parts)))
                    .replace("%1", escape(records_kind(table)))
                )
        return " &nbsp;·&nbsp; ".join(entries)

    # -- state ------------------------------------------------------------------------

    def current_row(self) -> int:
        """The row of the selected conflict, or -1."""
        index = self.conflict_list.currentIndex()
        return index.row() if index.isValid() else -1

    def choices(self) -> Choices:
        """Per conflict, the fields to take from theirs (for ``apply_merge``)."""
        return self.conflicts.choices()

    def keep_mine(self) -> None:
        """Keep your version of the selected record."""
        row = self.current_row()
        if row >= 0:
            self.conflicts.keep_mine(row)

    def take_theirs(self) -> None:
        """Take their version of the selected record."""
        row = self.current_row()
        if row >= 0:
            self.conflicts.take_theirs(row)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_record(self.current_row())

    def _show_record(self, row: int) -> None:
        self.fields.set_conflict(row)
        has = row >= 0
        self.keep_mine_button.setEnabled(has)
        self.take_theirs_button.setEnabled(has)
        if not has:
            self.record_title.setText(self.tr("Choose a record on the left"))
            self.record_note.clear()
            return
        self.record_title.setText(self.conflicts.label(row))
        self.record_title.setToolTip(self.conflicts.label(row))
        index = self.conflicts.index(row, 0)
        note = str(index.data(ConflictRole.NOTE) or "")
        kind = str(index.data(ConflictRole.KIND))
        self.record_note.setText(f"{kind} · {note}" if note else kind)

    def _on_fields_reset(self) -> None:
        if self.fields.rowCount():
            self.field_table.setCurrentIndex(self.fields.index(0, FieldModel.FIELD))
        else:
            self._on_field(QModelIndex(), QModelIndex())

    def _on_field(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            for box in (self.mine_text, self.theirs_text):
                box.clear()
            self.mine_caption.setText(self.tr("Mine"))
            self.theirs_caption.setText(self.tr("Theirs"))
            return
        mine, theirs = self.fields.texts(current.row())
        name = field_label(self.fields.field(current.row()))
        self.mine_caption.setText(self.tr("%1 — mine").replace("%1", name))
        self.theirs_caption.setText(self.tr("%1 — theirs").replace("%1", name))
        self.mine_text.setPlainText(mine)
        self.theirs_text.setPlainText(theirs)

    def _update_list_title(self) -> None:
        total = self.conflicts.rowCount()
        taken = sum(1 for row in range(total) if self.conflicts.taken(row))
        if taken:
            text = self.tr("&Changed on both sides (%1) · %2 taking theirs").replace(
                "%2", str(taken)
            )
        else:
            text = self.tr("&Changed on both sides (%1)")
        self.list_title.setText(text.replace("%1", str(total)))
