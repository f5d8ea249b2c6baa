"""The merge dialog's models: the records both sides changed, and one of them field by field.

:class:`ConflictModel` lists the conflicts of a merge plan and holds what the
person chose for each: the fields taken from their copy (none at first, so
nothing of ours is lost unless asked). :class:`FieldModel` shows the
conflict chosen in the list, one differing field per row, ours beside theirs,
with a check on the side that wins; it reads and writes the choices through
the ConflictModel, so the two never disagree.

The words (record kinds, field names, values) are in :mod:`planner.ui.merge_words`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from planner.merge import Choices, Conflict, Key, linked_fields
from planner.ui.merge_words import (
    KIND_ICONS,
    MINE,
    MIXED,
    TABLE_ORDER,
    THEIRS,
    RecordNames,
    conflict_label,
    cut,
    deletion_note,
    field_label,
    one_line,
    record_kind,
    side_label,
    value_text,
)
from planner.ui.theme import icon, swatch_icon

Index = QModelIndex | QPersistentModelIndex


class ConflictRole(IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1  # (table, id)
    KIND = Qt.ItemDataRole.UserRole + 2  # “Community”, “Calendar item”, ...
    SIDE = Qt.ItemDataRole.UserRole + 3  # MINE, THEIRS or MIXED
    STATE = Qt.ItemDataRole.UserRole + 4  # “Keep mine”, “Take theirs”, “Mixed”
    NOTE = Qt.ItemDataRole.UserRole + 5  # “deleted on their side”, or ''
    CONFLICT = Qt.ItemDataRole.UserRole + 6  # the Conflict


class ConflictModel(QAbstractListModel):
    """The records both sides changed, with the fields taken from theirs for each.

    Every conflict starts as “Keep mine” (nothing taken). :meth:`choices` is
    what :func:`planner.merge.apply_merge` takes.
    """

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        names: RecordNames | None = None,
    ) -> None:
        super().__init__()
        self._names = names or RecordNames()
        # By kind of record (in merge order), then by name.
        labelled = sorted(
            ((conflict_label(c, self._names), c) for c in conflicts),
            key=lambda pair: (TABLE_ORDER.get(pair[1].table, 99), pair[0].casefold()),
        )
        self._conflicts = [c for _label, c in labelled]
        self._labels = [label for label, _c in labelled]
        self._taken: list[frozenset[str]] = [frozenset() for _ in self._conflicts]

    @property
    def names(self) -> RecordNames:
        return self._names

    def conflict(self, row: int) -> Conflict:
        return self._conflicts[row]

    def label(self, row: int) -> str:
        return self._labels[row]

    def taken(self, row: int) -> frozenset[str]:
        """The fields of conflict ``row`` taken from theirs."""
        return self._taken[row]

    def side(self, row: int) -> str:
        taken = self._taken[row]
        if not taken:
            return MINE
        return THEIRS if taken >= set(self._conflicts[row].fields) else MIXED

    def set_taken(self, row: int, fields: Iterable[str]) -> None:
        """Take ``fields`` of conflict ``row`` from theirs, and keep ours of the rest."""
        chosen = frozenset(fields)
        unknown = chosen - set(self._conflicts[row].fields)
        if unknown:
            raise ValueError(f"{sorted(unknown)[0]} is not a field in conflict")
        if chosen == self._taken[row]:
            return
        self._taken[row] = chosen
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def keep_mine(self, row: int) -> None:
        self.set_taken(row, ())

    def take_theirs(self, row: int) -> None:
        self.set_taken(row, self._conflicts[row].fields)

    def take_all(self, side: str) -> None:
        """Resolve every conflict one way: ``side`` is MINE or THEIRS."""
        if side not in (MINE, THEIRS):
            raise ValueError(side)
        self._taken = [frozenset(c.fields if side == THEIRS else ()) for c in self._conflicts]
        if self._conflicts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._conflicts) - 1, 0))

    def choices(self) -> Choices:
        """Per conflict, the fields taken from theirs, in the conflict's field order."""
        return {
            c.key: tuple(f for f in c.fields if f in taken)
            for c, taken in zip(self._conflicts, self._taken, strict=True)
        }

    def row_of(self, key: Key) -> int:
        for row, conflict in enumerate(self._conflicts):
            if conflict.key == key:
                return row
        return -1

    # -- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::rowCount."""
        return 0 if parent.isValid() else len(self._conflicts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        row = index.row()
        conflict = self._conflicts[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels[row]
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(KIND_ICONS.get(conflict.table, "alert-triangle"))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [self._labels[row], record_kind(conflict.table), side_label(self.side(row))]
            note = deletion_note(conflict)
            if note:
                parts.append(note)
            return "\n".join(parts) if role == Qt.ItemDataRole.ToolTipRole else ", ".join(parts)
        if role == ConflictRole.KEY:
            return conflict.key
        if role == ConflictRole.KIND:
            return record_kind(conflict.table)
        if role == ConflictRole.SIDE:
            return self.side(row)
        if role == ConflictRole.STATE:
            return side_label(self.side(row))
        if role == ConflictRole.NOTE:
            return deletion_note(conflict)
        if role == ConflictRole.CONFLICT:
            return conflict
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


# -- one conflict, field by field -------------------------------------------------------


class FieldModel(QAbstractTableModel):
    """One conflict's differing fields: Field | Mine | Theirs.

    The Mine and Theirs cells are checkable and act as a pair of radio
    buttons: checking one side (or unchecking the other) chooses it. The
    choice is stored in the :class:`ConflictModel`.
    """

    FIELD, MINE_COLUMN, THEIRS_COLUMN = range(3)
    COLUMNS = 3

    def __init__(self, conflicts: ConflictModel) -> None:
        super().__init__()
        self._conflicts = conflicts
        self._row = -1
        self._fields: tuple[str, ...] = ()
        # (mine, theirs) texts per field, in full.
        self._texts: list[tuple[str, str]] = []
        conflicts.dataChanged.connect(self._on_conflicts_changed)
        conflicts.modelReset.connect(lambda: self.set_conflict(-1))

    @property
    def conflict_row(self) -> int:
        """The row of the conflict shown in the ConflictModel, or -1."""
        return self._row

    def set_conflict(self, row: int) -> None:
        """Show conflict ``row`` of the ConflictModel (-1: none)."""
        self.beginResetModel()
        self._row = row if 0 <= row < self._conflicts.rowCount() else -1
        if self._row < 0:
            self._fields, self._texts = (), []
        else:
            conflict = self._conflicts.conflict(self._row)
            names = self._conflicts.names
            self._fields = conflict.fields
            self._texts = [
                (
                    value_text(conflict.table, f, conflict.mine.get(f), names),
                    value_text(conflict.table, f, conflict.theirs.get(f), names),
                )
                for f in self._fields
            ]
        self.endResetModel()

    def field(self, row: int) -> str:
        return self._fields[row]

    def texts(self, row: int) -> tuple[str, str]:
        """Field ``row``'s value (mine, theirs) in words, in full."""
        return self._texts[row]

    def side(self, row: int) -> str:
        """MINE or THEIRS: the side field ``row`` is taken from."""
        return THEIRS if self._fields[row] in self._conflicts.taken(self._row) else MINE

    def choose(self, row: int, side: str) -> None:
        """Take field ``row`` from ``side`` (MINE or THEIRS)."""
        if side not in (MINE, THEIRS):
            raise ValueError(side)
        taken = set(self._conflicts.taken(self._row))
        conflict = self._conflicts.conflict(self._row)
        # A series' times and rule go together: choosing one chooses them all.
        group = set(linked_fields(conflict.table, self._fields[row])) & set(conflict.fields)
        if side == THEIRS:
            taken |= group
        else:
            taken -= group
        self._conflicts.set_taken(self._row, taken)

    def toggle(self, row: int) -> None:
        """Switch field ``row`` to the other side."""
        self.choose(row, MINE if self.side(row) == THEIRS else THEIRS)

    def _on_conflicts_changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        if self._fields and top.row() <= self._row <= bottom.row():
            self.dataChanged.emit(
                self.index(0, self.MINE_COLUMN),
                self.index(len(self._fields) - 1, self.THEIRS_COLUMN),
            )

    # -- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::rowCount."""
        return 0 if parent.isValid() else len(self._fields)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                QCoreApplication.translate("Merge", "Field"),
                QCoreApplication.translate("Merge", "Mine"),
                QCoreApplication.translate("Merge", "Theirs"),
            )
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        row, column = index.row(), index.column()
        field = self._fields[row]
        if column == self.FIELD:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return field_label(field)
            return None
        side = MINE if column == self.MINE_COLUMN else THEIRS
        text = self._texts[row][0 if side == MINE else 1]
        chosen = self.side(row) == side
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cut(text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            word = (
                QCoreApplication.translate("Merge", "Mine")
                if side == MINE
                else QCoreApplication.translate("Merge", "Theirs")
            )
            taken = (
                QCoreApplication.translate("Merge", "chosen")
                if chosen
                else QCoreApplication.translate("Merge", "not chosen")
            )
            return (
                QCoreApplication.translate("Merge", "%1, %2: %3 (%4)")
                .replace("%1", field_label(field))
                .replace("%2", word)
                .replace("%4", taken)
                .replace("%3", one_line(text))
            )
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not chosen:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.DecorationRole and field == "color":
            value = self._value(row, side)
            return swatch_icon(str(value)) if QColor.isValidColorName(str(value)) else QIcon()
        return None

    def _value(self, row: int, side: str) -> Any:
        conflict = self._conflicts.conflict(self._row)
        return (conflict.mine if side == MINE else conflict.theirs).get(self._fields[row])

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel::setData: checking a side chooses it."""
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid)
            or index.column() == self.FIELD
        ):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        checked = state == Qt.CheckState.Checked
        own = MINE if index.column() == self.MINE_COLUMN else THEIRS
        other = THEIRS if own == MINE else MINE
        self.choose(index.row(), own if checked else other)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        if index.column() != self.FIELD:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
