"""The bridge between the UI and an open workspace.

Views never call each other: they hand an operation to :meth:`Session.run`,
which runs the core service function, and every view that cares listens to
:attr:`Session.changed` and refreshes from what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from planner.history import Change
from planner.workspace import Workspace

T = TypeVar("T")


class Session(QObject):
    """An open workspace as the UI sees it.

    Signals:
        changed(Change): the workspace changed (an edit, an undo or a redo).
        history_changed(): what Undo / Redo would do has changed.
    """

    changed = Signal(object)
    history_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    def run(self, operation: Callable[..., T], *args: Any) -> T:
        """Run a core operation on the workspace and announce what it changed.

        The operation returns a Change, or a tuple whose last item is one.
        Errors (PlannerError) propagate to the caller, which shows them.
        """
        result = operation(self.workspace, *args)
        change = result[-1] if isinstance(result, tuple) else result
        if isinstance(change, Change) and change.rows:
            self.changed.emit(change)
            self.history_changed.emit()
        return result

    def adopt(self, change: Change) -> None:
        """Take in a change a background worker committed through its own connection.

        The change goes on this workspace's undo history, as if it had been
        made here, and is announced like any edit, so Undo takes it back and
        every view refreshes.
        """
        if not change.rows:
            return
        self.workspace.history.push(change)
        self.changed.emit(change)
        self.history_changed.emit()

    def undo(self) -> Change:
        change = self.workspace.undo()
        self.changed.emit(change)
        self.history_changed.emit()
        return change

    def redo(self) -> Change:
        change = self.workspace.redo()
        self.changed.emit(change)
        self.history_changed.emit()
        return change

    def close(self) -> None:
        self.workspace.close()
