"""Qt item models over the communities of a workspace, with their checklist progress."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from planner.checklists import Progress, progress_by_community
from planner.communities import Community, Stage, list_communities
from planner.ui.labels import platform_label, stage_label
from planner.ui.session import Session

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    COMMUNITY = Qt.ItemDataRole.UserRole + 2
    STAGE = Qt.ItemDataRole.UserRole + 3
    MEMBERS = Qt.ItemDataRole.UserRole + 4
    SEARCH_TEXT = Qt.ItemDataRole.UserRole + 5
    PROGRESS = Qt.ItemDataRole.UserRole + 6  # the checklist's Progress


class CommunityListModel(QAbstractListModel):
    """The live communities (or those in the trash) of a session, one per row.

    It reloads itself when the session reports a change to communities, and
    refreshes the checklist progress when checklists change.
    """

    def __init__(self, session: Session | None = None, *, trash: bool = False) -> None:
        super().__init__()
        self._trash = trash
        self._session: Session | None = None
        self._items: list[Community] = []
        self._progress: dict[str, Progress] = {}
        self.set_session(session)

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session = session
        if session is not None:
            session.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._items = (
            list_communities(self._session.workspace, trash=self._trash)
            if self._session is not None
            else []
        )
        self._progress = self._read_progress()
        self.endResetModel()

    def _read_progress(self) -> dict[str, Progress]:
        return progress_by_community(self._session.workspace) if self._session else {}

    def _on_changed(self, change: object) -> None:
        tables: set[str] = getattr(change, "tables", set())
        if "communities" in tables:
            self.reload()
        elif "checklist_items" in tables:
            self._progress = self._read_progress()
            if self._items:
                roles = [Role.PROGRESS, Qt.ItemDataRole.ToolTipRole]
                self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1), roles)

    def progress(self, community_id: str) -> Progress:
        """A community's checklist progress (empty if it has no checklist)."""
        return self._progress.get(community_id, Progress())

    def community(self, row: int) -> Community:
        return self._items[row]

    def row_of(self, community_id: str) -> int:
        for row, item in enumerate(self._items):
            if item.id == community_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractListModel::rowCount."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractListModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        c = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(c.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{c.name}\n{platform_label(c.platform)} · {stage_label(c.stage)}"
            done = self.progress(c.id)
            if done.total:
                tip += "\n" + (
                    QCoreApplication.translate("Sidebar", "Checklist: %1 of %2 done")
                    .replace("%1", str(done.done))
                    .replace("%2", str(done.total))
                )
                tip += "\n" + " · ".join(
                    f"{stage_label(stage)} {done.of(stage).done}/{done.of(stage).total}"
                    for stage in Stage
                    if done.of(stage).total
                )
            return tip
        if role == Role.ID:
            return c.id
        if role == Role.COMMUNITY:
            return c
        if role == Role.STAGE:
            return c.stage.value
        if role == Role.MEMBERS:
            return c.member_count
        if role == Role.PROGRESS:
            return self.progress(c.id)
        if role == Role.SEARCH_TEXT:
            return " ".join((c.name, c.owner, c.segment, platform_label(c.platform)))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractListModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CommunityFilterModel(QSortFilterProxyModel):
    """Filters communities by a search text over name, owner, segment, platform."""

    def __init__(self) -> None:
        super().__init__()
        self.setFilterRole(Role.SEARCH_TEXT)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
