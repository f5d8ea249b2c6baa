"""Work off the GUI thread, on a database connection of its own.

Long work (replicating a large community; later export, import, merge) runs
in a :class:`BackgroundJob`: a thread that opens a second connection to the
open workspace (:func:`planner.workspace.open_worker_workspace`), runs the
work with a progress callback and a cancel flag, and closes the connection.
The GUI reads the outcome when the thread's ``finished`` signal arrives.

Jobs are started through :meth:`planner.ui.session.Session.start_job`, so the
session knows every job running on its workspace: closing it cancels them
and waits for them before the workspace (and its lock) is let go.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from planner.disk_errors import disk_problem
from planner.errors import PlannerError
from planner.history import Change
from planner.workspace import Workspace, open_worker_workspace

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Workspace, Progress, Callable[[], bool]], object]


class BackgroundJob(QThread):
    """Runs ``work(workspace, progress, cancelled)`` in a thread, on a connection of its own.

    When the thread has finished, :attr:`result` holds what ``work`` returned
    or :attr:`error` what it raised. ``commits`` says that ``work`` writes: it
    returns the Change it committed (or a tuple ending in one), which
    :meth:`committed` hands out for the window's undo history.

    Signals:
        progressed(int, int): done and total, at most once per percent.
    """

    progressed = Signal(int, int)

    def __init__(
        self,
        workspace: Workspace,
        work: Work,
        parent: QObject | None = None,
        *,
        commits: bool = False,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace  # only its path, device and read-only flag are read
        self._work = work
        self.commits = commits
        self._cancel = threading.Event()
        self._percent = -1
        self.result: object = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Ask the work to stop; it looks at its ``cancelled()`` between rows."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def committed(self) -> Change | None:
        """The change a finished writing job committed, or None (it failed, was
        cancelled and rolled back, or does not write)."""
        if not self.commits or not self.isFinished():
            return None
        result = self.result
        change = result[-1] if isinstance(result, tuple) and result else result
        return change if isinstance(change, Change) else None

    def run(self) -> None:
        """Override QThread::run (in the new thread).

        A write the disk refused (full, read-only) leaves :attr:`error` a
        :class:`~planner.errors.DiskProblem`, one clear line: the work's
        transaction rolled back, so nothing was changed.
        """
        path = self._workspace.path
        try:
            worker = open_worker_workspace(self._workspace)
        except Exception as exc:
            log.exception("could not open a second connection to %s", path)
            self.error = disk_problem(exc, path, "open") or exc
            return
        try:
            self.result = self._work(worker, self._report, self._cancel.is_set)
        except Exception as exc:
            problem = disk_problem(exc, path)
            if problem is not None:
                log.warning("background work on %s failed: %s", path, problem)
                self.error = problem
            else:
                if not isinstance(exc, PlannerError):
                    log.exception("background work on %s failed", path)
                self.error = exc
        finally:
            worker.close()

    def _report(self, done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != self._percent:
            self._percent = percent
            self.progressed.emit(done, total)


def error_text(error: BaseException, what: str) -> str:
    """One line for the user: a PlannerError's own sentence, else ``what`` and the cause.

    A PlannerError's sentence is a core message (:class:`planner.i18n.Text`):
    show it with :func:`planner.ui.locale_text.ui_text` (``show_error`` does).
    """
    if isinstance(error, PlannerError):
        return str(error)
    detail = " ".join(str(error).split()) or type(error).__name__
    return (
        QCoreApplication.translate("BackgroundJob", "%1 (%2)")
        .replace("%1", what)
        .replace("%2", detail)
    )
