"""The month grid's model: six weeks of days, each with its items.

Each day holds the occurrences on it (an item lasting several days is on
each of them) and the checklist items due on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.calendar import Occurrence, week_start
from planner.checklist_due import DueItem

Index = QModelIndex | QPersistentModelIndex


class MonthRole(IntEnum):
    DATE = Qt.ItemDataRole.UserRole + 1
    OCCURRENCES = Qt.ItemDataRole.UserRole + 2
    IN_MONTH = Qt.ItemDataRole.UserRole + 3
    IS_TODAY = Qt.ItemDataRole.UserRole + 4
    DUE = Qt.ItemDataRole.UserRole + 5  # checklist items due that day
    ENTRIES = Qt.ItemDataRole.UserRole + 6  # due items, then occurrences, as painted


class MonthModel(QAbstractTableModel):
    """Six weeks (rows) of seven days (columns, Monday first) around one month."""

    WEEKS = 6

    def __init__(self) -> None:
        super().__init__()
        self._month = date.today().replace(day=1)
        self._first = week_start(self._month)
        self._today = date.today()
        self._by_day: dict[date, list[Occurrence]] = {}
        self._due_by_day: dict[date, list[DueItem]] = {}

    @property
    def first_day(self) -> date:
        return self._first

    @property
    def today(self) -> date:
        return self._today

    @property
    def last_day(self) -> date:
        """The day after the last cell."""
        return self._first + timedelta(weeks=self.WEEKS)

    @staticmethod
    def grid_start(month: date) -> date:
        return week_start(month.replace(day=1))

    def set_month(
        self,
        month: date,
        occurrences: list[Occurrence],
        today: date | None = None,
        due: Sequence[DueItem] = (),
    ) -> None:
        """Show the month containing ``month`` with ``occurrences`` and the checklist
        items ``due`` placed on their days."""
        self.beginResetModel()
        self._month = month.replace(day=1)
        self._first = self.grid_start(self._month)
        self._today = today or date.today()
        self._by_day = {}
        self._due_by_day = {}
        last = self.last_day
        for item in sorted(due, key=lambda d: (d.done, d.title, d.item_id)):
            if self._first <= item.due_on < last:
                self._due_by_day.setdefault(item.due_on, []).append(item)
        by_day = self._by_day
        one_day = timedelta(days=1)
        first = self._first
        # Most items start and end on one day, and occurrences come in time
        # order: work out each day's bounds and list once, not per item.
        day_begins = day_ends = datetime.max
        bucket: list[Occurrence] | None = None
        for occ in occurrences:
            start = occ.start
            if not day_begins <= start < day_ends:
                day = start.date()
                day_begins = datetime.combine(day, time())
                day_ends = day_begins + one_day
                bucket = by_day.setdefault(day, []) if first <= day < last else None
            if occ.end <= day_ends:  # ends that day (an end at midnight belongs to it)
                if bucket is not None:
                    bucket.append(occ)
                continue
            # An item spanning several days shows on each of them.
            day, end_day = start.date(), occ.last_day
            while day <= end_day and day < last:
                if day >= first:
                    by_day.setdefault(day, []).append(occ)
                day += one_day
        # Days without items have no list (as before): drop the ones made empty.
        for day in [d for d, items in by_day.items() if not items]:
            del by_day[day]
        self.endResetModel()

    def due_on(self, day: date) -> list[DueItem]:
        return self._due_by_day.get(day, [])

    def date_at(self, index: Index) -> date:
        return self._first + timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self._first).days
        if not 0 <= offset < self.WEEKS * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::rowCount."""
        return 0 if parent.isValid() else self.WEEKS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::columnCount."""
        return 0 if parent.isValid() else 7

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractTableModel::data."""
        if not index.isValid() or not self.hasIndex(index.row(), index.column()):
            return None
        day = self.date_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == Qt.ItemDataRole.ToolTipRole:
            items = self._by_day.get(day, [])
            lines = [
                QLocale().toString(
                    QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
                )
            ]
            lines += ["☑ " + d.title if d.done else "☐ " + d.title for d in self.due_on(day)]
            lines += [
                ("" if o.item.all_day else o.start.strftime("%H:%M ")) + o.item.title for o in items
            ]
            return "\n".join(lines)
        if role == MonthRole.DATE:
            return day
        if role == MonthRole.OCCURRENCES:
            return self._by_day.get(day, [])
        if role == MonthRole.DUE:
            return self.due_on(day)
        if role == MonthRole.ENTRIES:
            return [*self.due_on(day), *self._by_day.get(day, [])]
        if role == MonthRole.IN_MONTH:
            return day.month == self._month.month
        if role == MonthRole.IS_TODAY:
            return day == self._today
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractTableModel::headerData: weekdays across, ISO weeks down."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < 7:
                return QLocale().dayName(section + 1, QLocale.FormatType.ShortFormat)
            return None
        if 0 <= section < self.WEEKS:
            week = (self._first + timedelta(weeks=section)).isocalendar().week
            return self.tr("W%1").replace("%1", str(week))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractTableModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
