"""File ▸ Import calendar…: an .ics file imported off the GUI thread.

The file is read and imported by :func:`planner.ics.import_ics` in a job of
the session (:meth:`planner.ui.session.Session.start_job`), on a connection
of its own, while a progress dialog shows how far it got; its Cancel stops the
import between events. The import is one transaction: cancelled or refused
(a file that is not a calendar, an event the planner cannot hold), nothing is
imported; done, its Change goes on the window's undo history (``commits``),
so one Undo takes the whole import back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.calendar import local_timezone
from planner.errors import Cancelled
from planner.ui.background import BackgroundJob, Progress, error_text
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.workspace import Workspace


class _Unreadable(Exception):
    """The .ics file could not be read (its OSError's reason)."""


class IcsImportJob(QObject):
    """The calendar import of one window.

    Signals:
        message(str): a line for the status bar (imported, or cancelled).
        progressed(int): the percentage of the import done so far.
        imported(object): the ImportResult, after ``message``.
    """

    message = Signal(str)
    progressed = Signal(int)
    imported = Signal(object)

    def __init__(self, window: QWidget, show_error: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.show_error = show_error
        self.session: Session | None = None
        self.progress: QProgressDialog | None = None
        self._percent = -1
        self._job: BackgroundJob | None = None
        self._source: Path | None = None

    def set_session(self, session: Session | None) -> None:
        """Follow the window's workspace; an import under way ends with the old one
        (the session waits for it: it is imported whole, or not at all)."""
        if self.session is not None:
            self.session.closing.disconnect(self._end)
        self._end()
        self.session = session
        if session is not None:
            session.closing.connect(self._end)

    @property
    def busy(self) -> bool:
        """An import is under way (a second one does not start)."""
        return self._job is not None

    def import_from(self, path: Path, community_id: str) -> bool:
        """Start importing ``path`` into one community; False if it did not start
        (no workspace, a read-only one, or an import under way). The outcome
        comes as ``message`` (and ``imported``) or ``show_error``."""
        if self.session is None or self.session.read_only or self.busy:
            return False
        zone = local_timezone()

        def work(ws: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            from planner.ics import import_ics  # icalendar is slow to import

            try:
                data = path.read_bytes()
            except OSError as exc:
                raise _Unreadable(exc.strerror or type(exc).__name__) from None
            result = import_ics(
                ws,
                data,
                community_id=community_id,
                default_tz=zone,
                source=path.name,
                progress=progress,
                cancelled=cancelled,
            )
            return result, result.change

        self._source = path
        self._percent = -1
        self._show_progress(path)
        self._job = self.session.start_job(work, self._on_finished, self._on_progress, commits=True)
        return True

    def cancel(self) -> None:
        """Stop the import under way (as the dialog's Cancel does); nothing is imported."""
        if self._job is not None:
            self._job.cancel()

    # -- the job --------------------------------------------------------------

    def _on_progress(self, done: int, total: int) -> None:
        if self._job is None:
            return  # a report queued behind the end of the import
        percent = done * 100 // total if total else 0
        self._percent = percent
        self.progressed.emit(percent)
        if self.progress is not None:
            # Last: a modal progress dialog's setValue turns the event loop, which can
            # deliver the reports queued after this one.
            self.progress.setValue(percent)

    def _on_finished(self) -> None:
        job, source = self._take_job(), self._source
        self._source = None
        if job is None or source is None:
            return  # the workspace closed first
        error = job.error
        if isinstance(error, Cancelled):
            self.message.emit(self.tr("Import cancelled; nothing was imported."))
            return
        if isinstance(error, _Unreadable):
            self.show_error(
                self.tr("%1: cannot be read (%2).")
                .replace("%1", source.name)
                .replace("%2", str(error))
            )
            return
        if error is not None:
            what = self.tr("The calendar could not be imported")
            self.show_error(ui_text(error_text(error, what)))
            return
        outcome = job.result
        assert isinstance(outcome, tuple)  # (ImportResult, Change), from work
        result = outcome[0]
        if self._percent != 100:
            self._percent = 100
            self.progressed.emit(100)
        self.message.emit(
            self.tr("Imported %1 new, %2 updated, %3 unchanged events from %4.")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged))
            .replace("%4", source.name)
        )
        self.imported.emit(result)

    def _show_progress(self, path: Path) -> None:
        progress = QProgressDialog(
            self.tr("Importing %1…").replace("%1", path.name),
            self.tr("Cancel"),
            0,
            100,
            self.window,
        )
        progress.setWindowTitle(self.tr("Import calendar"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        self.progress = progress

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _take_job(self) -> BackgroundJob | None:
        """The job that just finished, collected (its change adopted); the dialog closes."""
        job, self._job = self._job, None
        self._close_progress()
        if job is not None and self.session is not None:
            self.session.collect(job)
        return job

    def _end(self) -> None:
        """The workspace is closing: the import stops (the session waits for it,
        and adopts it if it had committed), and its outcome is not shown."""
        if self._job is not None:
            self._job.cancel()
        self._job = None
        self._source = None
        self._close_progress()
