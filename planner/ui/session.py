"""The bridge between the UI and an open workspace.

Views never call each other: they hand an operation to :meth:`Session.run`,
which runs the core service function, and every view that cares listens to
:attr:`Session.changed` and refreshes from what changed.

Work off the GUI thread starts through :meth:`Session.start_job`, so the
session knows every job running on its workspace. Closing it
(:meth:`Session.stop`, then :meth:`Session.close`) first tells the dialogs
working on it (:attr:`Session.closing`), then cancels the jobs and waits for
them: a copy under way stops at its next row and rolls back, and one that
committed before it saw the cancel goes on the undo history like any other.
Only then is the workspace, and its lock, let go.

A write the disk refuses (full, read-only, failing: see
:mod:`planner.disk_errors`) comes out of :meth:`Session.run`, :meth:`undo` and
:meth:`redo` as one clear :class:`~planner.errors.DiskProblem`: its transaction
was rolled back and nothing went on the undo history, so the views, which
show what is saved, stay right, and the same edit works once the disk does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from planner.disk_errors import disk_problem
from planner.errors import DiskProblem
from planner.history import Change
from planner.ui.background import BackgroundJob, Work
from planner.workspace import Workspace

log = logging.getLogger(__name__)

T = TypeVar("T")


class Session(QObject):
    """An open workspace as the UI sees it.

    Signals:
        changed(Change): the workspace changed (an edit, an undo or a redo).
        history_changed(): what Undo / Redo would do has changed.
        closing(): the workspace is about to close: dialogs working on it
            close now, before its background jobs are stopped (once).

    Attributes:
        last_disk_problem: why the disk refused the latest write (run, undo
            or redo), or None when it was saved (or failed for another reason).
    """

    changed = Signal(object)
    history_changed = Signal()
    closing = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._jobs: list[BackgroundJob] = []
        self._stopping = False
        self._closed = False
        self.last_disk_problem: DiskProblem | None = None

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    def run(self, operation: Callable[..., T], *args: Any) -> T:
        """Run a core operation on the workspace and announce what it changed.

        The operation returns a Change, or a tuple whose last item is one.
        Errors (PlannerError) propagate to the caller, which shows them; a
        write the disk refused is raised as a :class:`DiskProblem` (see
        :meth:`_refused`).
        """
        result = self._write(lambda: operation(self.workspace, *args))
        change = result[-1] if isinstance(result, tuple) else result
        if isinstance(change, Change) and change.rows:
            self.changed.emit(change)
            self.history_changed.emit()
        return result

    def _write(self, write: Callable[[], T]) -> T:
        """Run ``write``; remember in :attr:`last_disk_problem` whether the disk refused it."""
        self.last_disk_problem = None
        before = {id(c) for c in self.workspace.history.undo_stack}
        try:
            return write()
        except Exception as exc:
            problem = disk_problem(exc, self.workspace.path)
            if problem is None:
                raise
            self._refused(problem, before)
            raise problem from exc

    def _refused(self, problem: DiskProblem, before: set[int]) -> None:
        """After a write the disk refused: nothing half-done stays open, and an
        edit the operation committed before the failing one is shown.

        The workspace's transaction rolled itself back; should SQLite have left
        one open, it is rolled back here, so the next edit starts clean.
        """
        log.warning("a write to %s failed: %s", self.workspace.path, problem)
        self.last_disk_problem = problem
        conn = self.workspace.db.conn
        if conn.in_transaction:
            conn.rollback()
        committed = [c for c in self.workspace.history.undo_stack if id(c) not in before]
        for change in committed:
            self.changed.emit(change)
        if committed:
            self.history_changed.emit()

    def adopt(self, change: Change) -> None:
        """Take in a change a background worker committed through its own connection.

        The change goes on this workspace's undo history, as if it had been
        made here, and is announced like any edit, so Undo takes it back and
        every view refreshes.
        """
        if not change.rows or self._closed:
            return  # once closed, the change is in the file, and there is no history
        self.workspace.history.push(change)
        self.changed.emit(change)
        self.history_changed.emit()

    def undo(self) -> Change:
        change = self._write(self.workspace.undo)
        self.changed.emit(change)
        self.history_changed.emit()
        return change

    def redo(self) -> Change:
        change = self._write(self.workspace.redo)
        self.changed.emit(change)
        self.history_changed.emit()
        return change

    # -- background jobs -------------------------------------------------------

    def start_job(
        self,
        work: Work,
        finished: Callable[[], None] | None = None,
        progressed: Callable[[int, int], None] | None = None,
        *,
        commits: bool = False,
    ) -> BackgroundJob:
        """Run ``work(worker_workspace, progress, cancelled)`` off the GUI thread.

        ``finished`` and ``progressed`` are connected before the job starts, so
        no signal is missed; each must be a method of a QObject of the GUI
        thread, so that Qt queues the call to this thread (a lambda would run
        in the worker) and drops it once that object is deleted. With
        ``commits``, ``work`` returns the Change it committed (or a tuple
        ending in one): the session puts it on the undo history when the job
        has ended, before ``finished`` is called, and does so even when
        nobody listens any more, or when the session is closed first.
        """
        if self._stopping:
            raise RuntimeError("the workspace is closing; no job can start on it")
        job = BackgroundJob(self.workspace, work, commits=commits)
        self._jobs.append(job)
        job.finished.connect(self._on_job_finished)  # first: adopted before ``finished``
        if finished is not None:
            job.finished.connect(finished)
        if progressed is not None:
            job.progressed.connect(progressed)
        job.start()
        return job

    @property
    def jobs(self) -> tuple[BackgroundJob, ...]:
        """The jobs started here that have not been collected yet."""
        return tuple(self._jobs)

    def collect(self, job: BackgroundJob) -> None:
        """Take in a job that has ended, once: a change it committed goes on the history.

        Waits for the thread's last instructions (it has emitted ``finished``);
        a job collected already, or not started here, is left alone.
        """
        if not any(j is job for j in self._jobs):
            return
        job.wait()
        self._jobs = [j for j in self._jobs if j is not job]
        change = job.committed()
        if change is not None:
            self.adopt(change)

    def stop_jobs(self, jobs: Iterable[BackgroundJob] | None = None) -> None:
        """Cancel ``jobs`` (default: every job running here) and wait for them.

        Jobs look at their cancel flag between rows, so this is short: a copy
        under way rolls back, and one that had committed is collected (its
        change adopted) like any that ended.
        """
        stopping = list(self._jobs if jobs is None else jobs)
        for job in stopping:
            job.cancel()
        for job in stopping:
            job.wait()
            self.collect(job)

    def _on_job_finished(self) -> None:
        for job in [j for j in self._jobs if j.isFinished()]:
            self.collect(job)

    # -- closing ---------------------------------------------------------------

    def stop(self) -> None:
        """Before the workspace closes: the dialogs working on it close
        (:attr:`closing`), and every background job is cancelled and waited for.

        The window calls this while its views still show the workspace, so a
        copy that committed just before is adopted and shown; :meth:`close`
        calls it too. Once stopping, no job can start.
        """
        if not self._stopping:
            self._stopping = True
            self.closing.emit()
        self.stop_jobs()

    def close(self) -> None:
        """Stop the jobs (:meth:`stop`), then close the workspace and release its lock."""
        if self._closed:
            return
        self.stop()
        self._closed = True
        self.workspace.close()
