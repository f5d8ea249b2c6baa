"""The Qt model of one community's checklist: the five stages as headings,
each with its items under it, in the order the operator gave them.

Ticking (the check state), reordering (drag and drop, or :meth:`move_by`)
and every other edit go to the core through the session, one undoable edit
each; the model reloads from :attr:`Session.changed`, keeping views on the
items they were on.
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from planner.checklist_library import Language
from planner.checklists import ChecklistItem, Progress, checklist, move_item, progress, set_done
from planner.communities import Stage, get_community
from planner.errors import NotFound, PlannerError
from planner.history import Change
from planner.ui.labels import stage_hint, stage_label
from planner.ui.locale_text import ui_text
from planner.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-community-planner-checklist-item"
STAGES = tuple(Stage)
# internalId of a stage heading; an item's is its stage's row + 1.
HEADING = 0


class ChecklistRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    ITEM = Qt.ItemDataRole.UserRole + 2  # the ChecklistItem (None on a heading)
    STAGE = Qt.ItemDataRole.UserRole + 3  # the stage's value ("build"), on headings and items
    PROGRESS = Qt.ItemDataRole.UserRole + 4  # StageProgress, on headings
    IS_HEADING = Qt.ItemDataRole.UserRole + 5
    CURRENT = Qt.ItemDataRole.UserRole + 6  # True on the community's current stage


class ChecklistModel(QAbstractItemModel):
    """A community's checklist as a two-level tree: stages, then their items.

    Hidden items are left out unless :meth:`set_show_hidden` asks for them.

    Signals:
        error(str): an edit was refused; the message says why.
    """

    error = Signal(str)

    def __init__(
        self, session: Session | None = None, lang: Language = "en", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._lang: Language = lang
        self._community_id = ""
        self._current_stage: Stage | None = None
        self._show_hidden = False
        self._all: list[ChecklistItem] = []
        self._rows: dict[Stage, list[ChecklistItem]] = {stage: [] for stage in STAGES}
        self._progress = Progress()
        self.set_session(session)

    # -- what it shows -----------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session = session
        if session is not None:
            session.changed.connect(self._on_changed)
        self._community_id = ""
        self._reset()

    def set_community(self, community_id: str) -> None:
        self._community_id = community_id
        self._reset()

    @property
    def community_id(self) -> str:
        return self._community_id

    @property
    def show_hidden(self) -> bool:
        return self._show_hidden

    def set_show_hidden(self, show: bool) -> None:
        if show != self._show_hidden:
            self._show_hidden = show
            self._reset()

    @property
    def editable(self) -> bool:
        return self._session is not None and not self._session.read_only

    @property
    def progress(self) -> Progress:
        """Done and total per stage, hidden items left out."""
        return self._progress

    @property
    def current_stage(self) -> Stage | None:
        return self._current_stage

    def all_items(self) -> list[ChecklistItem]:
        """Every item of the checklist, hidden ones included, by stage and position."""
        return list(self._all)

    def hidden_count(self) -> int:
        return sum(1 for item in self._all if item.hidden)

    def items(self, stage: Stage) -> list[ChecklistItem]:
        """The items shown under ``stage``."""
        return list(self._rows[stage])

    def _load(self) -> tuple[list[ChecklistItem], dict[Stage, list[ChecklistItem]]]:
        items: list[ChecklistItem] = []
        self._current_stage = None
        self._progress = Progress()
        if self._session is not None and self._community_id:
            ws = self._session.workspace
            try:
                community = get_community(ws, self._community_id)
            except NotFound:
                community = None
            if community is not None and not community.deleted:
                self._current_stage = community.stage
                items = checklist(ws, self._community_id, self._lang)
                self._progress = progress(ws, self._community_id)
        rows: dict[Stage, list[ChecklistItem]] = {stage: [] for stage in STAGES}
        for item in items:
            if self._show_hidden or not item.hidden:
                rows[item.stage].append(item)
        return items, rows

    def _reset(self) -> None:
        self.beginResetModel()
        self._all, self._rows = self._load()
        self.endResetModel()

    def reload(self) -> None:
        """Read the checklist again; views stay on the items they were on."""
        items, rows = self._load()
        old = {stage: [i.id for i in self._rows[stage]] for stage in STAGES}
        new = {stage: [i.id for i in rows[stage]] for stage in STAGES}
        if old == new:
            self._all, self._rows = items, rows
            self._emit_all_changed()
        elif all(sorted(old[s]) == sorted(new[s]) for s in STAGES):
            self._relayout(items, rows)
        else:
            self._all, self._rows = items, rows
            self.beginResetModel()
            self.endResetModel()

    def _emit_all_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(len(STAGES) - 1, 0))
        for row, stage in enumerate(STAGES):
            count = len(self._rows[stage])
            if count:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 0, parent))

    def _relayout(self, items: list[ChecklistItem], rows: dict[Stage, list[ChecklistItem]]) -> None:
        """The same items in a new order (a move): persistent indexes follow their items."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [
            "" if index.internalId() == HEADING else str(self.data(index, ChecklistRole.ID))
            for index in persistent
        ]
        self._all, self._rows = items, rows
        moved = [
            self.index_of(item_id) if item_id else self.index(index.row(), 0)
            for index, item_id in zip(persistent, ids, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
        self._emit_all_changed()

    def _on_changed(self, change: object) -> None:
        if not isinstance(change, Change):
            return
        if {"checklist_items", "communities"} & change.tables:
            self.reload()

    # -- finding things ----------------------------------------------------------

    def stage_index(self, stage: Stage) -> QModelIndex:
        return self.index(STAGES.index(stage), 0)

    def index_of(self, item_id: str) -> QModelIndex:
        """The index of the item with ``item_id``, invalid if it is not shown."""
        for row, stage in enumerate(STAGES):
            for n, item in enumerate(self._rows[stage]):
                if item.id == item_id:
                    return self.createIndex(n, 0, row + 1)
        return QModelIndex()

    def item(self, index: Index) -> ChecklistItem | None:
        """The item at ``index`` (None on a heading or an invalid index)."""
        if not index.isValid() or index.internalId() == HEADING:
            return None
        items = self._rows[STAGES[index.internalId() - 1]]
        return items[index.row()] if 0 <= index.row() < len(items) else None

    def stage_of(self, index: Index) -> Stage | None:
        if not index.isValid():
            return None
        if index.internalId() == HEADING:
            return STAGES[index.row()]
        return STAGES[index.internalId() - 1]

    # -- editing -----------------------------------------------------------------

    def run(self, operation: Any, *args: Any) -> bool:
        """Run a core edit on the session; False (and :attr:`error`) if it was refused."""
        if self._session is None or self._session.read_only:
            return False
        try:
            self._session.run(operation, *args)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return False
        return True

    def set_done(self, item_id: str, done: bool) -> bool:
        """Tick (today) or untick an item; one undoable edit."""
        return self.run(set_done, item_id, done)

    def _target(self, item: ChecklistItem, row: int) -> int:
        """The index among all of ``item``'s stage (hidden ones too, without the item)
        that puts it before the shown item at ``row`` (after the last at the end)."""
        shown = [i.id for i in self._rows[item.stage] if i.id != item.id]
        full = [i.id for i in self._all if i.stage is item.stage and i.id != item.id]
        before = [i.id for i in self._rows[item.stage]][row:]
        following = next((i for i in before if i != item.id), None)
        if following is not None:
            return full.index(following)
        return full.index(shown[-1]) + 1 if shown else len(full)

    def move_to_row(self, item_id: str, row: int) -> bool:
        """Move an item so it is shown before the item now at ``row`` of its stage
        (at the end for ``row`` past the last); one undoable edit."""
        item = next((i for i in self._all if i.id == item_id), None)
        if item is None:
            return False
        return self.run(move_item, item_id, self._target(item, row))

    def move_by(self, item_id: str, delta: int) -> bool:
        """Move an item up (``delta`` -1) or down (+1) among the shown items of its stage."""
        index = self.index_of(item_id)
        if not index.isValid():
            return False
        row = index.row() + delta
        if row < 0 or row >= self.rowCount(index.parent()):
            return False
        return self.move_to_row(item_id, row + 1 if delta > 0 else row)

    # -- QAbstractItemModel --------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Override QAbstractItemModel::index."""
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, HEADING) if row < len(STAGES) else QModelIndex()
        if parent.internalId() != HEADING or not 0 <= parent.row() < len(STAGES):
            return QModelIndex()
        if row >= len(self._rows[STAGES[parent.row()]]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Override QAbstractItemModel::parent."""
        if not index.isValid() or index.internalId() == HEADING:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, HEADING)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::rowCount."""
        if not parent.isValid():
            return len(STAGES)
        if parent.column() == 0 and parent.internalId() == HEADING:
            return len(self._rows[STAGES[parent.row()]])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Override QAbstractItemModel::hasChildren."""
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        stage = self.stage_of(index)
        if stage is None:
            return None
        if role == ChecklistRole.STAGE:
            return stage.value
        item = self.item(index)
        if index.internalId() == HEADING:
            return self._heading_data(stage, role)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(text for text in (item.title, item.why, item.note) if text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(item)
        if role == ChecklistRole.ID:
            return item.id
        if role == ChecklistRole.ITEM:
            return item
        if role == ChecklistRole.IS_HEADING:
            return False
        return None

    def _spoken(self, item: ChecklistItem) -> str:
        """The item as a screen reader says it: title, then done / due / hidden."""
        parts = [item.title]
        if item.done_on is not None:
            parts.append(self.tr("done %1").replace("%1", item.done_on.isoformat()))
        elif item.due_on is not None:
            parts.append(self.tr("due %1").replace("%1", item.due_on.isoformat()))
        if item.assignee:
            parts.append(item.assignee)
        if item.hidden:
            parts.append(self.tr("hidden"))
        return ", ".join(parts)

    def _heading_data(self, stage: Stage, role: int) -> Any:
        stage_progress = self._progress.of(stage)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{stage.number} {stage_label(stage)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return stage_hint(stage)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                self.tr("%1: %2 of %3 done")
                .replace("%1", stage_label(stage))
                .replace("%2", str(stage_progress.done))
                .replace("%3", str(stage_progress.total))
            )
        if role == ChecklistRole.PROGRESS:
            return stage_progress
        if role == ChecklistRole.IS_HEADING:
            return True
        if role == ChecklistRole.CURRENT:
            return stage is self._current_stage
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel::setData: the check state ticks or unticks."""
        item = self.item(index)
        if item is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if checked == item.done:
            return True
        return self.set_done(item.id, checked)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == HEADING:
            return flags | Qt.ItemFlag.ItemIsDropEnabled if self.editable else flags
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # -- drag and drop -------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        """Override QAbstractItemModel::supportedDropActions."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """Override QAbstractItemModel::supportedDragActions."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """Override QAbstractItemModel::mimeTypes."""
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """Override QAbstractItemModel::mimeData: the dragged item's id and community."""
        data = QMimeData()
        ids = [item.id for index in indexes if (item := self.item(index)) is not None]
        payload = {"community": self._community_id, "ids": ids[:1]}
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
        return data

    def _dragged(self, data: QMimeData) -> ChecklistItem | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
            ids = payload["ids"]
            community = payload["community"]
        except (ValueError, KeyError, TypeError):
            return None
        if community != self._community_id or not isinstance(ids, list) or len(ids) != 1:
            return None
        return next((i for i in self._all if i.id == ids[0]), None)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Override QAbstractItemModel::canDropMimeData: an item moves within its stage."""
        if not self.editable or action != Qt.DropAction.MoveAction:
            return False
        item = self._dragged(data)
        if item is None or not parent.isValid() or parent.internalId() != HEADING:
            return False
        return STAGES[parent.row()] is item.stage

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Override QAbstractItemModel::dropMimeData: move the item (one undoable edit)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item = self._dragged(data)
        assert item is not None
        target = row if row >= 0 else len(self._rows[item.stage])
        return self.move_to_row(item.id, target)
