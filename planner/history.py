"""Undo and redo, for every edit in the workspace.

One mechanism serves every table: an edit records, for each row it touches,
the row as it was before and as it is after (a :class:`RowChange`). Undo
writes the "before" images back, redo the "after" images, each as a new
edit with fresh ``updated_at``/``updated_by`` so teammates' merges see it.
Deletions are tombstones (``deleted = 1``), so undoing one restores the row;
undoing a creation leaves a tombstone too, so merges never resurrect it.

A merge is the exception (:attr:`Change.verbatim`): undoing it puts every row
back exactly as it was, stamps included, removes the rows it added and the
versions it learnt, so the workspace is as if the merge never happened and
merging the same file again does the same merge again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]
# A row's version as recorded in ``row_versions``: (table, id, updated_at, updated_by).
VersionKey = tuple[str, str, int, str]

MAX_DEPTH = 200


@dataclass(frozen=True)
class RowChange:
    """One row touched by an edit: ``before`` is None for an insert."""

    table: str
    id: str
    before: Row | None
    after: Row | None


@dataclass(frozen=True)
class Change:
    """What one user action changed, and how to name it in Edit > Undo.

    Attributes:
        action: a stable key for the kind of action (``"create_community"``);
            the UI turns it into a translated label.
        subject: what it acted on, usually a name shown in the label.
        rows: every row written, in order.
        verbatim: undo and redo write the images exactly, stamps included,
            and delete a row whose image is None (a merge).
        versions: versions a verbatim change added to ``row_versions``;
            undo removes them and redo adds them back.
    """

    action: str
    subject: str
    rows: tuple[RowChange, ...] = ()
    verbatim: bool = False
    versions: tuple[VersionKey, ...] = ()

    def ids(self, table: str) -> set[str]:
        """Ids of the rows of ``table`` this change touched."""
        return {r.id for r in self.rows if r.table == table}

    @property
    def tables(self) -> set[str]:
        return {r.table for r in self.rows}

    def describe(self) -> str:
        """An English label such as ``Create community “读书会”``."""
        words = self.action.replace("_", " ").capitalize()
        return f"{words} “{self.subject}”" if self.subject else words


@dataclass
class UndoHistory:
    """Two stacks of changes; the newest is last."""

    undo_stack: list[Change] = field(default_factory=list)
    redo_stack: list[Change] = field(default_factory=list)

    def push(self, change: Change) -> None:
        self.undo_stack.append(change)
        del self.undo_stack[:-MAX_DEPTH]
        self.redo_stack.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def next_undo(self) -> Change | None:
        return self.undo_stack[-1] if self.undo_stack else None

    def next_redo(self) -> Change | None:
        return self.redo_stack[-1] if self.redo_stack else None

    def clear(self) -> None:
        self.undo_stack.clear()
        self.redo_stack.clear()
