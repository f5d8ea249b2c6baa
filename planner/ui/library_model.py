"""The checklist library as a Qt tree model: the five stages, each with its items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from planner.communities import Stage
from planner.ui.labels import stage_hint, stage_label
from planner.ui.locale_text import ui_language
from planner.ui.session import Session
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import swatch_icon
from planner.workspace_library import LibraryItem, library

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
STAGE_ROLE = Qt.ItemDataRole.UserRole + 3
NO_PARENT = 0  # internal id of a stage row; an item's is its stage's row + 1


class LibraryModel(QAbstractItemModel):
    """The library as a tree: the five stages, each with its items.

    Columns: the item, why it matters, where it comes from.
    """

    COLUMNS = 3

    def __init__(self, session: Session | None = None, *, removed: bool = False) -> None:
        super().__init__()
        self._session = session
        self._removed = removed
        self._items: dict[Stage, list[LibraryItem]] = {stage: [] for stage in Stage}
        self.reload()

    def set_show_removed(self, removed: bool) -> None:
        self._removed = removed
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._items = {stage: [] for stage in Stage}
        if self._session is not None:
            lang = ui_language()
            for item in library(self._session.workspace, lang, removed=self._removed):
                self._items[item.stage].append(item)
        self.endResetModel()

    def item(self, index: Index) -> LibraryItem | None:
        if not index.isValid() or index.internalId() == NO_PARENT:
            return None
        return self._items[list(Stage)[index.internalId() - 1]][index.row()]

    def stage(self, index: Index) -> Stage:
        if not index.isValid():
            return Stage.BUILD
        stage_row = index.row() if index.internalId() == NO_PARENT else index.internalId() - 1
        return list(Stage)[stage_row]

    def index_of(self, key: str) -> QModelIndex:
        for n, stage in enumerate(Stage):
            for row, item in enumerate(self._items[stage]):
                if item.key == key:
                    return self.createIndex(row, 0, n + 1)
        return QModelIndex()

    def stage_index(self, stage: Stage) -> QModelIndex:
        return self.index(list(Stage).index(stage), 0)

    # -- QAbstractItemModel ------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Override QAbstractItemModel::index."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Override QAbstractItemModel::parent."""
        if not child.isValid() or child.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::rowCount."""
        if not parent.isValid():
            return len(Stage)
        if parent.internalId() == NO_PARENT and parent.column() == 0:
            return len(self._items[list(Stage)[parent.row()]])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = [self.tr("Item"), self.tr("Why it matters"), self.tr("From")]
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if not index.isValid():
            return None
        item = self.item(index)
        if item is None:
            return self._stage_data(self.stage(index), index.column(), role)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.title, item.why, self.source(item))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.title}\n{item.why}".strip()
        if role == Qt.ItemDataRole.FontRole and item.removed:
            font = QFont()
            font.setStrikeOut(column == 0)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (item.removed or column > 0):
            return QColor(128, 128, 128) if item.removed else None
        if role == KEY_ROLE:
            return item.key
        if role == ITEM_ROLE:
            return item
        if role == STAGE_ROLE:
            return item.stage.value
        return None

    def _stage_data(self, stage: Stage, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{stage.number} {stage_label(stage)}"
            if column == 1:
                return stage_hint(stage)
            live = [i for i in self._items[stage] if not i.removed]
            return self.tr("%1 items").replace("%1", str(len(live)))
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return swatch_icon(STAGE_COLORS[stage])
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return stage_hint(stage)
        if role == STAGE_ROLE:
            return stage.value
        return None

    def source(self, item: LibraryItem) -> str:
        if item.removed:
            return self.tr("Built-in, removed")
        if not item.builtin:
            return self.tr("Added here")
        return self.tr("Built-in, reworded") if item.reworded else self.tr("Built-in")

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
