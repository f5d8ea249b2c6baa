"""The overview's Qt model: every live community, where it stands and what is next.

On a large workspace (:func:`planner.ui.paced.is_large`) :meth:`OverviewModel.reload`
asks the core off the GUI thread: the rows shown stay until the new ones come
(:attr:`OverviewModel.loading` meanwhile), then the model is reset once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from planner.checklist_due import DueItem, OverviewRow, overview
from planner.checklists import ChecklistItem
from planner.communities import Stage
from planner.i18n import Language
from planner.ui.labels import stage_label
from planner.ui.locale_text import day_month, long_day, ui_language
from planner.ui.paced import Reader, Steps, is_large
from planner.ui.session import Session
from planner.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

WARNING = "#d93025"
GOOD = "#1e8e3e"


class Column(IntEnum):
    COMMUNITY = 0
    PROGRESS = 1
    NEXT = 2
    OVERDUE = 3


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    ROW = Qt.ItemDataRole.UserRole + 2  # the OverviewRow
    CELL = Qt.ItemDataRole.UserRole + 3  # a Cell, for the due and overdue columns


class SortOrder(StrEnum):
    ATTENTION = "attention"
    NAME = "name"
    STAGE = "stage"
    PROGRESS = "progress"
    DUE = "due"


def sort_label(order: SortOrder) -> str:
    return {
        SortOrder.ATTENTION: QCoreApplication.translate("Overview", "Needs attention first"),
        SortOrder.NAME: QCoreApplication.translate("Overview", "Name"),
        SortOrder.STAGE: QCoreApplication.translate("Overview", "Stage on the path"),
        SortOrder.PROGRESS: QCoreApplication.translate("Overview", "Least progress first"),
        SortOrder.DUE: QCoreApplication.translate("Overview", "Next due date"),
    }[order]


class Tone(StrEnum):
    PLAIN = "plain"
    HINT = "hint"
    WARNING = "warning"
    GOOD = "good"


@dataclass(frozen=True)
class Entry:
    """One checklist item listed in a cell; clicking it opens the item."""

    item_id: str
    title: str
    when: str  # the due date as shown, '' for an item without one
    assignee: str
    late: bool
    tooltip: str


@dataclass(frozen=True)
class Cell:
    """What the due or overdue column shows for one community."""

    caption: str
    tone: Tone
    entries: tuple[Entry, ...]

    @property
    def text(self) -> str:
        lines = [self.caption] if self.caption else []
        for e in self.entries:
            parts = [p for p in (e.when, e.title, e.assignee) if p]
            lines.append(" · ".join(parts))
        return "\n".join(lines)


def short_date(day: date) -> str:
    """A due date as a list shows it: “3 Dec” (“12月3日” in Chinese)."""
    return day_month(day)


def due_text(day: date, today: date) -> str:
    delta = (day - today).days
    if delta == 0:
        return QCoreApplication.translate("Overview", "Today")
    if delta == 1:
        return QCoreApplication.translate("Overview", "Tomorrow")
    return short_date(day)


def days_text(day: date, today: date) -> str:
    """“due in 3 days”, “due today”, “2 days overdue”."""
    delta = (day - today).days
    if delta == 0:
        return QCoreApplication.translate("Overview", "due today")
    if delta > 0:
        return (
            QCoreApplication.translate("Overview", "due tomorrow")
            if delta == 1
            else QCoreApplication.translate("Overview", "due in %1 days").replace("%1", str(delta))
        )
    late = -delta
    return (
        QCoreApplication.translate("Overview", "1 day overdue")
        if late == 1
        else QCoreApplication.translate("Overview", "%1 days overdue").replace("%1", str(late))
    )


def _due_entry(item: DueItem, today: date) -> Entry:
    details = [f"{stage_label(item.stage)} · {long_day(item.due_on)}"]
    details.append(days_text(item.due_on, today))
    if item.assignee:
        details.append(
            QCoreApplication.translate("Overview", "assigned to %1").replace("%1", item.assignee)
        )
    return Entry(
        item.item_id,
        item.title,
        due_text(item.due_on, today),
        item.assignee,
        item.due_on < today,
        f"{item.title}\n" + ", ".join(details),
    )


def _open_entry(item: ChecklistItem) -> Entry:
    return Entry(item.id, item.title, "", item.assignee, False, f"{item.title}\n{item.why}".strip())


def next_cell(row: OverviewRow, today: date) -> Cell:
    """The next three due items; without due dates, the next open items of the stage."""
    if row.next_due:
        return Cell("", Tone.PLAIN, tuple(_due_entry(i, today) for i in row.next_due))
    stage = stage_label(row.community.stage)
    if row.next_open:
        caption = QCoreApplication.translate("Overview", "Nothing scheduled. Next in %1:").replace(
            "%1", stage
        )
        if row.overdue:
            caption = QCoreApplication.translate(
                "Overview", "Nothing else scheduled. Next in %1:"
            ).replace("%1", stage)
        return Cell(caption, Tone.HINT, tuple(_open_entry(i) for i in row.next_open))
    if row.progress.total == 0:
        return Cell(QCoreApplication.translate("Overview", "No checklist items."), Tone.HINT, ())
    if row.overdue:
        return Cell(
            QCoreApplication.translate("Overview", "Nothing else scheduled."), Tone.HINT, ()
        )
    if row.progress.of(row.community.stage).complete:
        return Cell(
            QCoreApplication.translate("Overview", "Every item of %1 is done.").replace(
                "%1", stage
            ),
            Tone.GOOD,
            (),
        )
    return Cell(
        QCoreApplication.translate("Overview", "Nothing open in %1.").replace("%1", stage),
        Tone.HINT,
        (),
    )


def overdue_cell(row: OverviewRow, today: date, limit: int = 3) -> Cell:
    count = len(row.overdue)
    if not count:
        return Cell(QCoreApplication.translate("Overview", "Nothing overdue"), Tone.GOOD, ())
    caption = (
        QCoreApplication.translate("Overview", "1 overdue")
        if count == 1
        else QCoreApplication.translate("Overview", "%1 overdue").replace("%1", str(count))
    )
    if count > limit:
        caption = (
            QCoreApplication.translate("Overview", "%1 overdue (%2 more not shown)")
            .replace("%1", str(count))
            .replace("%2", str(count - limit))
        )
    return Cell(caption, Tone.WARNING, tuple(_due_entry(i, today) for i in row.overdue[:limit]))


def progress_text(row: OverviewRow) -> str:
    p = row.progress
    if not p.total:
        return QCoreApplication.translate("Overview", "No checklist items")
    return (
        QCoreApplication.translate("Overview", "%1 of %2 done (%3%)")
        .replace("%1", str(p.done))
        .replace("%2", str(p.total))
        .replace("%3", str(round(p.fraction * 100)))
    )


def suggestion_text(row: OverviewRow) -> str:
    if row.suggestion is None:
        return ""
    return QCoreApplication.translate("Overview", "Ready for %1").replace(
        "%1", stage_label(row.suggestion)
    )


def _sort_key(order: SortOrder, row: OverviewRow, today: date) -> tuple[Any, ...]:
    name = (row.community.name.casefold(), row.community.id)
    due = [i.due_on for i in (*row.overdue, *row.next_due)]
    first_due = min(due) if due else date.max
    if order is SortOrder.NAME:
        return name
    if order is SortOrder.STAGE:
        return (-row.community.stage.number, *name)
    if order is SortOrder.PROGRESS:
        return (row.progress.fraction, *name)
    if order is SortOrder.DUE:
        return (first_due, *name)
    return (-len(row.overdue), row.suggestion is None, first_due, *name)


# The rows in order, and the Next due and Overdue cell of each.
Found = tuple[list[OverviewRow], list[Cell], list[Cell]]


def read_rows(ws: Workspace, today: date, order: SortOrder, lang: Language) -> Found:
    """The overview as of ``today`` in ``order``, with the cells the rows show
    (plain data and translated text: read off the GUI thread on a large workspace)."""
    rows = sorted(overview(ws, today, lang), key=lambda r: _sort_key(order, r, today))
    return rows, [next_cell(r, today) for r in rows], [overdue_cell(r, today) for r in rows]


class OverviewModel(QAbstractTableModel):
    """One row per live community; reload() asks the core again.

    The view paints the rows (:class:`planner.ui.overview_delegate.OverviewDelegate`);
    the display role holds the same facts as plain text, for tooltips,
    accessibility and tests.
    """

    def __init__(self, session: Session | None = None, today: date | None = None) -> None:
        super().__init__()
        self._session = session
        self.today = today or date.today()
        self.order = SortOrder.ATTENTION
        self._rows: list[OverviewRow] = []
        self._next: list[Cell] = []
        self._overdue: list[Cell] = []
        self._reader = Reader(self)
        self._reader.done.connect(self._on_read)
        self._steps = Steps(self)
        self.reload()

    @property
    def loading(self) -> bool:
        """The core is being asked off the GUI thread; the rows shown are the last ones."""
        return self._reader.busy or self._steps.pending

    def set_session(self, session: Session | None, *, load: bool = True) -> None:
        """Show ``session``'s communities; with ``load`` False, no rows until
        :meth:`reload` (a hidden page reads when it is shown)."""
        self._session = session
        self._reader.cancel()  # what it would find belongs to the workspace before
        self._steps.clear()
        if load and session is not None and is_large(session.workspace):
            # No rows of the workspace before while this one's are read.
            self._show(([], [], []))
        if load:
            self.reload()
        else:
            self.beginResetModel()
            self._rows, self._next, self._overdue = [], [], []
            self.endResetModel()

    def reload(self, today: date | None = None) -> None:
        """Ask the core for the overview (as of ``today``) and sort it: at once,
        or on a large workspace off the GUI thread (see :attr:`loading`)."""
        if today is not None:
            self.today = today
        session = self._session
        read = partial(read_rows, today=self.today, order=self.order, lang=ui_language())
        if session is not None and is_large(session.workspace):
            self._reader.start(session, read)
            return
        self._reader.cancel()
        self._steps.clear()
        self._show(read(session.workspace) if session is not None else ([], [], []))

    def _on_read(self, found: Found) -> None:
        # In a turn of its own: the page's other panels take theirs.
        self._steps.add(partial(self._show, found))

    def _show(self, found: Found) -> None:
        self.beginResetModel()
        self._rows, self._next, self._overdue = found
        self.endResetModel()

    def set_order(self, order: SortOrder) -> None:
        if order is not self.order:
            self.order = order
            self.reload()

    def row(self, n: int) -> OverviewRow:
        return self._rows[n]

    def rows(self) -> list[OverviewRow]:
        """Every row, in order (what Role.ROW gives for each)."""
        return list(self._rows)

    def cells(self, column: Column) -> list[Cell]:
        """The Next due or Overdue cell of every row, in order (what Role.CELL gives)."""
        if column is Column.NEXT:
            return list(self._next)
        if column is Column.OVERDUE:
            return list(self._overdue)
        raise ValueError(f"column {column!r} has no cells")

    def row_of(self, community_id: str) -> int:
        for n, row in enumerate(self._rows):
            if row.community.id == community_id:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::columnCount."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractTableModel::headerData."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.COMMUNITY: QCoreApplication.translate("Overview", "Community and stage"),
                Column.PROGRESS: QCoreApplication.translate("Overview", "Checklist progress"),
                Column.NEXT: QCoreApplication.translate("Overview", "Next due"),
                Column.OVERDUE: QCoreApplication.translate("Overview", "Overdue"),
            }[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractTableModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Role.ID:
            return row.community.id
        if role == Role.ROW:
            return row
        if role == Role.CELL:
            if column is Column.NEXT:
                return self._next[index.row()]
            if column is Column.OVERDUE:
                return self._overdue[index.row()]
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.COMMUNITY:
            return QColor(row.community.color)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.OVERDUE and row.overdue:
            return QColor(WARNING)
        return None

    def _text(self, n: int, column: Column) -> str:
        row = self._rows[n]
        if column is Column.COMMUNITY:
            return row.community.name
        if column is Column.PROGRESS:
            return progress_text(row)
        if column is Column.NEXT:
            return self._next[n].text
        return self._overdue[n].text

    def _tooltip(self, n: int, column: Column) -> str:
        row = self._rows[n]
        if column is Column.COMMUNITY:
            lines = [row.community.name, stage_label(row.community.stage)]
            if row.suggestion is not None:
                lines.append(
                    QCoreApplication.translate(
                        "Overview", "Every item of %1 is done: open the community to move it to %2."
                    )
                    .replace("%1", stage_label(row.community.stage))
                    .replace("%2", stage_label(row.suggestion))
                )
            return "\n".join(lines)
        if column is Column.PROGRESS:
            stages = [
                f"{stage.number} {stage_label(stage)}: {p.done}/{p.total}"
                for stage, p in ((s, row.progress.of(s)) for s in Stage)
                if p.total
            ]
            return "\n".join([progress_text(row), *stages])
        cell = self._next[n] if column is Column.NEXT else self._overdue[n]
        return cell.text

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractTableModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
