"""A window's long job with a progress dialog: what the calendar export and import share.

One job at a time runs in the session (:meth:`planner.ui.session.Session.start_job`),
on a connection of its own, while a window-modal progress dialog shows the
percentage done; its Cancel asks the job to stop. When the window's workspace
closes, the job under way ends with it and its outcome is not shown.
Subclasses start their work with :meth:`ProgressJob.start` and say how it ended
in their own ``_on_finished``, after :meth:`ProgressJob.take_job`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.ui.background import BackgroundJob, Work
from planner.ui.session import Session


class ProgressJob(QObject):
    """The base of a window's long job with a progress dialog.

    Signals:
        message(str): a line for the status bar (done, or cancelled).
        progressed(int): the percentage done so far; 100 once done.
    """

    message = Signal(str)
    progressed = Signal(int)

    # The percentage shown while the work does not know its total yet.
    EMPTY_PERCENT = 0

    def __init__(self, window: QWidget, show_error: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.show_error = show_error
        self.session: Session | None = None
        self.progress: QProgressDialog | None = None
        self._percent = -1
        self._job: BackgroundJob | None = None

    def set_session(self, session: Session | None) -> None:
        """Follow the window's workspace; a job under way ends with the old one."""
        if self.session is not None:
            self.session.closing.disconnect(self._end)
        self._end()
        self.session = session
        if session is not None:
            session.closing.connect(self._end)

    @property
    def busy(self) -> bool:
        """A job is under way (a second one does not start)."""
        return self._job is not None

    def cancel(self) -> None:
        """Ask the job under way to stop (as the dialog's Cancel does)."""
        if self._job is not None:
            self._job.cancel()

    def start(self, work: Work, label: str, title: str, cancel: str, *, commits: bool) -> None:
        """Show the progress dialog (``label``, ``title``, a ``cancel`` button) and
        start ``work`` in the session; ``_on_finished`` is called when it ends."""
        assert self.session is not None and self._job is None
        self._percent = -1
        progress = QProgressDialog(label, cancel, 0, 100, self.window)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        self._job = self.session.start_job(
            work, self._on_finished, self._on_progress, commits=commits
        )

    def take_job(self) -> BackgroundJob | None:
        """The job that just finished, collected (a writing job's change adopted);
        the progress dialog closes."""
        job, self._job = self._job, None
        self._close_progress()
        if job is not None and self.session is not None:
            self.session.collect(job)
        return job

    def report_done(self) -> None:
        """Say 100 % once the job has succeeded: its last reports can still be
        queued behind its end."""
        if self._percent != 100:
            self._percent = 100
            self.progressed.emit(100)

    # -- the job --------------------------------------------------------------

    def _on_progress(self, done: int, total: int) -> None:
        if self._job is None:
            return  # a report queued behind the end of the job
        percent = done * 100 // total if total else self.EMPTY_PERCENT
        self._percent = percent
        self.progressed.emit(percent)
        if self.progress is not None:
            # Last: a modal progress dialog's setValue turns the event loop, which can
            # deliver the reports queued after this one.
            self.progress.setValue(percent)

    def _on_finished(self) -> None:
        raise NotImplementedError

    def _forget(self) -> None:
        """Drop what the job was about (its file); the workspace is closing."""

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _end(self) -> None:
        """The workspace is closing: the job stops (the session waits for it, and
        adopts its change if it had committed), and its outcome is not shown."""
        if self._job is not None:
            self._job.cancel()
        self._job = None
        self._forget()
        self._close_progress()
