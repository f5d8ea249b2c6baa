"""The Figures tab: a community's figures by day, typed, pasted or imported.

A table (:class:`~planner.ui.figures_model.FiguresModel`) of the days the
operator recorded, newest first, edited in place: type over a cell, Tab to
the next, Enter to keep it. Ctrl+V pastes a block copied from a spreadsheet
(a block whose first column holds dates adds those days), Ctrl+C copies the
selection the same way, Delete empties the selected cells (with Day cells
selected, it clears those days after asking). Every edit is one undoable
change. "Add day" puts a row for a day (today unless another is chosen) and
starts typing in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from planner.metrics import delete_figures
from planner.ui.checklist_panel import Confirm
from planner.ui.dialogs import ask_yes_no
from planner.ui.figures_model import COLUMNS, DAY, RETENTION, FiguresModel
from planner.ui.item_fields import to_qdate
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.theme import SPACING, icon


class FiguresTable(QTableView):
    """The figures table, with a spreadsheet's keys (Delete here; Ctrl+C and
    Ctrl+V are the panel's shortcuts)."""

    delete_requested = Signal()
    clear_cells_requested = Signal()

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Override QTableView::moveCursor: Tab and Shift+Tab step over the active
        rate, which is worked out, not typed, so typing goes on in the next cell."""
        index = super().moveCursor(action, modifiers)
        tabbing = (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        )
        if action in tabbing and index.isValid() and index.column() == RETENTION:
            self.setCurrentIndex(index)
            index = super().moveCursor(action, modifiers)
        return index

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QTableView::keyPressEvent: Delete empties cells or clears days."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not (
            self.state() == QAbstractItemView.State.EditingState
        ):
            # Like a spreadsheet: Delete empties the selected cells; with days
            # selected (the Day column), it clears those days, after asking.
            columns = {i.column() for i in self.selectionModel().selectedIndexes()}
            if not columns and self.currentIndex().isValid():
                columns = {self.currentIndex().column()}
            if DAY in columns:
                self.delete_requested.emit()
            else:
                self.clear_cells_requested.emit()
        else:
            super().keyPressEvent(event)

    def figures_model(self) -> FiguresModel:
        model = self.model()
        assert isinstance(model, FiguresModel)
        return model

    def copy_selection(self) -> str:
        """Copy the selected cells as tab-separated lines (what spreadsheets paste)."""
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        model = self.figures_model()
        lines = []
        for row in rows:
            cells = []
            for column in columns:
                index = model.index(row, column)
                if column == DAY:
                    cells.append(model.figures(row).day.isoformat())
                elif column == RETENTION:
                    cells.append(str(model.data(index) or ""))  # 23%, as shown
                else:
                    cells.append(str(model.data(index, Qt.ItemDataRole.EditRole) or ""))
            lines.append("\t".join(cells))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self) -> bool:
        """Paste the clipboard's block at the current cell (one undoable edit)."""
        text = QGuiApplication.clipboard().text()
        current = self.currentIndex()
        model = self.figures_model()
        if model.read_only or not text.strip():
            return False
        top = current.row() if current.isValid() else 0
        left = current.column() if current.isValid() else DAY
        if model.rowCount() == 0:
            left = DAY  # an empty table takes a block of dated rows
        return model.paste(top, left, text)


class FiguresPanel(QWidget):
    """A community's figures: the table, Add day, Import / Export CSV.

    Signals:
        error(str): an edit the window should report (clearing days failed);
            a refused cell edit or paste shows under the table instead.
        error_shown(str): a refused edit or paste, shown under the table.
        message(str): what an edit did, for the status bar.
        import_requested(): the operator asked to import a CSV.
        export_requested(): the operator asked to export figures as CSV.
    """

    error = Signal(str)
    error_shown = Signal(str)
    message = Signal(str)
    import_requested = Signal()
    export_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_yes_no,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._confirm = confirm
        self._today = today
        self.model = FiguresModel()
        # Typing mistakes show under the table, not in a box that stops the typing.
        self.model.failed.connect(self._show_problem)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.rowsRemoved.connect(self._update_state)

        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setToolTip(self.tr("The day whose figures you are recording"))
        self.add_button = QPushButton(icon("plus"), self.tr("&Add day"))
        self.add_button.setToolTip(
            self.tr("Add a row for this day and start typing its figures (Ctrl+D)")
        )
        self.add_button.clicked.connect(self.add_day)
        self.delete_button = QPushButton(icon("trash"), self.tr("Clear days"))
        self.delete_button.setToolTip(self.tr("Clear the figures of the selected days (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(icon("file-plus"), self.tr("&Import CSV…"))
        self.import_button.setToolTip(
            self.tr("Import figures from a spreadsheet saved as CSV, choosing its columns")
        )
        self.import_button.clicked.connect(self.import_requested)
        self.export_button = QPushButton(icon("copy"), self.tr("E&xport CSV…"))
        self.export_button.setToolTip(self.tr("Save figures or activity results as CSV"))
        self.export_button.clicked.connect(self.export_requested)

        self.table = FiguresTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(56)
        self.table.delete_requested.connect(self.delete_selected)
        self.table.clear_cells_requested.connect(self.clear_cells)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.model.dataChanged.connect(self._clear_problem)
        self.model.rowsInserted.connect(self._clear_problem)
        # On the panel, so that the empty state (no table shown) takes a paste too;
        # a cell being edited keeps Ctrl+C / Ctrl+V for its own text.
        for key, slot in (
            (QKeySequence(QKeySequence.StandardKey.Paste), self.paste),
            (QKeySequence(QKeySequence.StandardKey.Copy), self.table.copy_selection),
            (QKeySequence("Ctrl+D"), self.add_day),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.empty = QLabel(
            self.tr(
                "No figures yet. Each week (or day), note what your group shows: members, "
                "active members, who joined and who left. Click Add day and type them, "
                "paste rows copied from a spreadsheet with Ctrl+V (dates in the first "
                "column), or import a CSV. The charts and the health checks read them."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(SPACING * 3)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        tools = QHBoxLayout()
        tools.setSpacing(SPACING)
        tools.addWidget(self.day)
        tools.addWidget(self.add_button)
        tools.addWidget(self.delete_button)
        tools.addStretch(1)
        tools.addWidget(self.import_button)
        tools.addWidget(self.export_button)
        self.hint = QLabel(
            self.tr("Type over a cell, Tab to the next · Ctrl+V pastes from a spreadsheet")
        )
        self.hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.hint)
        self._update_state()

    # -- data ----------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.model.set_community(session, "")
        self._update_state()

    def show_community(self, community_id: str) -> None:
        self.model.set_community(self._session, community_id)
        self._reset_day()
        self._update_state()

    def _reset_day(self) -> None:
        # Today: figures are what the group shows now (a day already recorded is
        # selected by Add day, not added twice; the future is never offered).
        self.day.setDate(to_qdate(self._today()))

    def _update_state(self) -> None:
        writable = self._session is not None and not self._session.read_only
        has_community = self._session is not None and bool(self.model.community_id)
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.table if has_rows else self.empty)
        for widget in (self.day, self.add_button, self.import_button):
            widget.setEnabled(writable and has_community)
        self.delete_button.setEnabled(writable and has_rows)
        self.export_button.setEnabled(has_community)
        self.hint.setVisible(has_rows and writable)

    # -- editing -------------------------------------------------------------------

    def add_day(self) -> None:
        """Show a row for the chosen day and start typing its members."""
        if self._session is None or self._session.read_only or not self.model.community_id:
            return
        chosen = self.day.date().toPython()
        assert isinstance(chosen, date)
        row = self.model.add_day(chosen)
        self._update_state()
        index = self.model.index(row, COLUMNS.index("members"))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)

    def selected_days(self) -> list[date]:
        rows = {i.row() for i in self.table.selectionModel().selectedIndexes()}
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(self.model.figures(r).day for r in rows)

    def delete_selected(self) -> None:
        """Clear the selected days' figures, after asking (one undoable edit)."""
        if self._session is None or self._session.read_only:
            return
        days = self.selected_days()
        if not days:
            return
        if len(days) == 1:
            question = self.tr("Clear the figures of %1?").replace("%1", days[0].isoformat())
        else:
            question = (
                self.tr("Clear the figures of %1 days (%2 to %3)?")
                .replace("%1", str(len(days)))
                .replace("%2", days[0].isoformat())
                .replace("%3", days[-1].isoformat())
            )
        if not self._confirm(self, self.tr("Clear figures"), question, self.tr("Clear")):
            return
        recorded = [d for d in days if not self.model.figures(self.model.row_of(d)).empty]
        if not recorded:
            self.model.drop_pending(days)  # rows added but never filled in: just drop them
            return
        try:
            self._session.run(delete_figures, self.model.community_id, recorded)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return
        self.message.emit(
            self.tr("Cleared the figures of %1 day(s). Undo brings them back.").replace(
                "%1", str(len(recorded))
            )
        )

    def paste(self) -> bool:
        """Paste the clipboard at the current cell; False (with ``error``) if refused."""
        if self._session is None or self._session.read_only or not self.model.community_id:
            return False
        pasted = self.table.paste()
        if pasted:
            self.message.emit(self.tr("Pasted figures. Undo takes them back."))
        return pasted

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.error_shown.emit(text)

    def _clear_problem(self) -> None:
        self.problem.hide()

    def clear_cells(self) -> None:
        """Empty the selected figure cells (one undoable edit; days stay)."""
        if self._session is None or self._session.read_only:
            return
        indexes = self.table.selectionModel().selectedIndexes() or [self.table.currentIndex()]
        changes: dict[int, dict[str, Any]] = {}
        for index in indexes:
            if not index.isValid():
                continue
            name = COLUMNS[index.column()]
            if name in ("day", "retention"):
                continue
            changes.setdefault(index.row(), {})[name] = "" if name == "note" else None
        rows = [
            replace(self.model.figures(row), **values)
            for row, values in sorted(changes.items())
            if any(getattr(self.model.figures(row), k) not in (None, "") for k in values)
        ]
        if rows and self.model.record(rows):
            self.message.emit(self.tr("Emptied the cells. Undo brings them back."))
