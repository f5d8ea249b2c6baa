"""A community's figures as an editable table: one row per day, newest first.

Columns: the day, the seven figures, the active rate it gives (active /
members, read-only) and a note. Editing a cell records that day's figures
through the session (one undoable edit); pasting a block copied from a
spreadsheet records every day it covers in one undoable edit, and a block
whose first column holds dates adds those days. Bad input changes nothing
and says why in one line (:attr:`FiguresModel.failed`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from planner.errors import PlannerError
from planner.history import Change
from planner.i18n import Text
from planner.metrics import COUNTS, TABLE, DayFigures, figures_between, set_figures
from planner.metrics_csv import read_figure
from planner.ui.locale_text import iso_day, ui_text
from planner.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
FIGURE_COLUMNS = (*COUNTS, "revenue")
COLUMNS = ("day", *FIGURE_COLUMNS, "retention", "note")
DAY, RETENTION, NOTE = 0, COLUMNS.index("retention"), COLUMNS.index("note")


def column_title(name: str) -> str:
    return {
        "day": QCoreApplication.translate("Figures", "Day"),
        "members": QCoreApplication.translate("Figures", "Members"),
        "active_members": QCoreApplication.translate("Figures", "Active"),
        "joined": QCoreApplication.translate("Figures", "Joined"),
        "left_members": QCoreApplication.translate("Figures", "Left"),
        "messages": QCoreApplication.translate("Figures", "Messages"),
        "paid_conversions": QCoreApplication.translate("Figures", "Paid"),
        "revenue": QCoreApplication.translate("Figures", "Revenue"),
        "retention": QCoreApplication.translate("Figures", "Active rate"),
        "note": QCoreApplication.translate("Figures", "Note"),
    }[name]


def reason_text(exc: BaseException) -> str:
    """Why a value was refused, in the UI's language: a core message is kept whole
    in the exception's arguments (``str()`` of a ValueError loses its translation)."""
    args = exc.args
    if len(args) == 1 and isinstance(args[0], Text):
        return ui_text(args[0])
    return ui_text(str(exc))


# A spreadsheet's date cell may carry a time (2026-11-23 00:00:00) and the table
# shows a weekday after the day (2026-11-23 Mon, 2026-11-23 周一): both are read.
_DAY = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s*[(（]?\s*(?:[A-Za-z]{2,9}\.?|(?:周|星期|礼拜)[一二三四五六日天])\s*[)）]?)?\s*$"
)


def parse_day(text: str) -> date | None:
    """2026-11-23, 2026/11/23, 2026.11.23 or 2026年11月23日, with a time or a
    weekday after it or not; None if not a day."""
    match = _DAY.match(text)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def parse_value(name: str, text: str) -> int | float | None:
    """A figure typed or pasted, read as the CSV import reads a cell (thousands
    separators, currency, 万; '' or '-' for none). Raises ValueError, one line."""
    return read_figure(name, text)


class FiguresModel(QAbstractTableModel):
    """One community's figures, newest day first.

    Signals:
        failed(str): an edit or a paste was refused; nothing was written.
    """

    failed = Signal(str)

    def __init__(self, session: Session | None = None, community_id: str = "") -> None:
        super().__init__()
        self._session = session
        self._community = community_id
        self._rows: list[DayFigures] = []
        self._pending: set[date] = set()
        self.reload()
        if session is not None:
            session.changed.connect(self._on_changed)

    def set_community(self, session: Session | None, community_id: str) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session, self._community = session, community_id
        if session is not None:
            session.changed.connect(self._on_changed)
        self._pending = set()
        self.beginResetModel()  # another community: one reset, not a row at a time
        self._rows = self._wanted()
        self.endResetModel()

    @property
    def community_id(self) -> str:
        return self._community

    def reload(self) -> None:
        """Read the figures again, changing only the rows that changed.

        A full reset would close the cell being typed in: after Tab records a
        cell, the next one is already open when the change comes back here.
        Days added with :meth:`add_day` and not yet filled in stay until the
        community changes.
        """
        self._sync(self._wanted())

    def _wanted(self) -> list[DayFigures]:
        """The rows to show: the recorded days and the added ones, newest first."""
        recorded: list[DayFigures] = []
        if self._session is not None and self._community:
            recorded = figures_between(self._session.workspace, self._community)
        days = {f.day for f in recorded}
        self._pending -= days
        return sorted(
            [*recorded, *(DayFigures(d) for d in self._pending)],
            key=lambda f: f.day,
            reverse=True,
        )

    def _sync(self, wanted: list[DayFigures]) -> None:
        keep = {f.day for f in wanted}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].day not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        # What is left is in the same order as ``wanted``: insert or update in step.
        last = len(COLUMNS) - 1
        for row, figures in enumerate(wanted):
            if row < len(self._rows) and self._rows[row].day == figures.day:
                if self._rows[row] != figures:
                    self._rows[row] = figures
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            else:
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, figures)
                self.endInsertRows()

    def drop_pending(self, days: list[date]) -> None:
        """Forget days added with :meth:`add_day` that were never filled in."""
        self._pending -= set(days)
        self.reload()

    def _on_changed(self, change: Change) -> None:
        if TABLE in change.tables or "communities" in change.tables:
            self.reload()

    def figures(self, row: int) -> DayFigures:
        return self._rows[row]

    def row_of(self, day: date) -> int:
        for row, figures in enumerate(self._rows):
            if figures.day == day:
                return row
        return -1

    @property
    def read_only(self) -> bool:
        return self._session is None or self._session.read_only

    # -- writing -------------------------------------------------------------------

    def record(self, rows: list[DayFigures]) -> bool:
        """Record ``rows`` (one undoable edit); False, with ``failed``, if refused."""
        if self._session is None or not self._community or not rows:
            return False
        try:
            self._session.run(set_figures, self._community, rows)
        except PlannerError as exc:
            self.failed.emit(ui_text(str(exc)))
            return False
        return True

    def add_day(self, day: date) -> int:
        """Show a row for ``day`` (its figures, or an empty one to fill in)."""
        row = self.row_of(day)
        if row >= 0:
            return row
        self._pending.add(day)
        position = next((n for n, f in enumerate(self._rows) if f.day < day), len(self._rows))
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, DayFigures(day))
        self.endInsertRows()
        return position

    def paste(self, top: int, left: int, text: str) -> bool:
        """Paste a tab-separated block at (top, left); one undoable edit.

        A block starting in the Day column names its days in its first column
        (new days are added); otherwise it fills the rows below ``top``.
        """
        lines = [line.split("\t") for line in text.rstrip("\r\n").splitlines()]
        lines = [cells for cells in lines if any(c.strip() for c in cells)]
        if left == DAY and lines and parse_day(lines[0][0]) is None and len(lines) > 1:
            lines = lines[1:]  # a header row copied with the figures (日期, 成员数…)
        if not lines:
            return False
        updated: dict[date, DayFigures] = {}
        for n, cells in enumerate(lines):
            column = left
            if left == DAY:
                day = parse_day(cells[0])
                if day is None:
                    self.failed.emit(
                        QCoreApplication.translate("Figures", "Line %1: “%2” is not a day.")
                        .replace("%1", str(n + 1))
                        .replace("%2", cells[0])
                    )
                    return False
                cells, column = cells[1:], 1
                base = updated.get(day) or next((f for f in self._rows if f.day == day), None)
                figures = base or DayFigures(day)
            else:
                if top + n >= len(self._rows):
                    self.failed.emit(
                        QCoreApplication.translate(
                            "Figures", "The pasted block is longer than the table."
                        )
                    )
                    return False
                figures = updated.get(self._rows[top + n].day, self._rows[top + n])
            changes: dict[str, Any] = {}
            for offset, text_value in enumerate(cells):
                name = COLUMNS[column + offset] if column + offset < len(COLUMNS) else None
                if name is None or name == "retention":
                    continue
                if name == "note":
                    changes["note"] = text_value.strip()
                    continue
                try:
                    changes[name] = parse_value(name, text_value)
                except ValueError as exc:
                    self.failed.emit(
                        QCoreApplication.translate("Figures", "Line %1, %2: %3")
                        .replace("%1", str(n + 1))
                        .replace("%2", column_title(name))
                        .replace("%3", reason_text(exc))
                    )
                    return False
            updated[figures.day] = replace(figures, **changes)
        return self.record(list(updated.values()))

    # -- QAbstractTableModel ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::columnCount."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractTableModel::headerData."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return column_title(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractTableModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        figures = self._rows[index.row()]
        name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "day":
                # Year first, as operators' spreadsheets and the CSV write it.
                return iso_day(figures.day)
            if name == "retention":
                rate = figures.retention
                return "" if rate is None else f"{rate:.0%}"
            value = getattr(figures, name)
            if value is None:
                return ""
            if name == "revenue":
                return QLocale().toString(float(value), "f", 2)
            if name == "note":
                return value
            return QLocale().toString(int(value))
        if role == Qt.ItemDataRole.EditRole:
            if name == "day":
                return figures.day.isoformat()
            value = getattr(figures, name) if name != "retention" else figures.retention
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and name not in ("day", "note"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and name == "retention":
            return QCoreApplication.translate(
                "Figures", "Active members ÷ members: the share of the group that is alive."
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractTableModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and index.column() not in (DAY, RETENTION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractTableModel::setData: records the day's figures."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        name = COLUMNS[index.column()]
        if name in ("day", "retention"):
            return False
        figures = self._rows[index.row()]
        if name == "note":
            new = replace(figures, note=str(value).strip())
        else:
            try:
                changes: dict[str, Any] = {name: parse_value(name, str(value))}
                new = replace(figures, **changes)
            except ValueError as exc:
                self.failed.emit(
                    QCoreApplication.translate("Figures", "%1: %2")
                    .replace("%1", column_title(name))
                    .replace("%2", reason_text(exc))
                )
                return False
        if new == figures:
            return True
        return self.record([new])
