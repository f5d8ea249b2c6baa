"""File ▸ Export calendar (ICS)…: the whole calendar written off the GUI thread.

The events are written by :func:`planner.ics_export.export_ics` in a job of the
session (:meth:`planner.ui.session.Session.start_job`), on a connection of its
own, while a progress dialog shows the percentage written; its Cancel stops
the export between events. The file is written whole or not at all
(:func:`planner.files.write_atomically`), and only once every event has been
written and no Cancel came, so a cancelled or failed export leaves no file
behind (and an existing file as it was). Exporting only reads: a read-only
workspace exports like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from planner.errors import Cancelled, PlannerError
from planner.files import check_target, write_atomically
from planner.ui.background import BackgroundJob, Progress, error_text
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.workspace import Workspace


class IcsExportJob(QObject):
    """The calendar export of one window.

    Signals:
        message(str): a line for the status bar (exported, or cancelled).
        progressed(int): the percentage of the events written so far.
        exported(object): the Path written, after ``message``.
    """

    message = Signal(str)
    progressed = Signal(int)
    exported = Signal(object)

    def __init__(self, window: QWidget, show_error: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.show_error = show_error
        self.session: Session | None = None
        self.progress: QProgressDialog | None = None
        self._percent = -1
        self._job: BackgroundJob | None = None
        self._target: Path | None = None

    def set_session(self, session: Session | None) -> None:
        """Follow the window's workspace; an export under way ends with the old one."""
        if self.session is not None:
            self.session.closing.disconnect(self._end)
        self._end()
        self.session = session
        if session is not None:
            session.closing.connect(self._end)

    @property
    def busy(self) -> bool:
        """An export is under way (a second one does not start)."""
        return self._job is not None

    def choose_target(self) -> None:
        """Ask for the file (beside the workspace by default), then export to it."""
        if self.session is None or self.busy:
            return
        default = self.session.workspace.path.with_suffix(".ics")
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export calendar"),
            str(default),
            self.tr("Calendar files (*.ics);;All files (*)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        """Start writing the whole calendar to ``path``; False if it did not start
        (no workspace, an export under way, or a target that cannot be a file,
        said in one line). The outcome comes as ``message`` or ``show_error``."""
        if self.session is None or self.busy:
            return False
        try:
            check_target(path)  # a missing folder is said now, not after the export
        except PlannerError as exc:
            self.show_error(ui_text(str(exc)))
            return False

        def work(ws: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            from planner.ics_export import export_ics  # icalendar is slow to import

            data = export_ics(ws, progress=progress, cancelled=cancelled)
            if cancelled():
                raise Cancelled()
            write_atomically(path, data)
            return path

        self._target = path
        self._percent = -1
        self._show_progress(path)
        self._job = self.session.start_job(work, self._on_finished, self._on_progress)
        return True

    def cancel(self) -> None:
        """Stop the export under way (as the dialog's Cancel does); no file is written."""
        if self._job is not None:
            self._job.cancel()

    # -- the job --------------------------------------------------------------

    def _on_progress(self, done: int, total: int) -> None:
        if self._job is None:
            return  # a report queued behind the end of the export
        percent = done * 100 // total if total else 100
        self._percent = percent
        self.progressed.emit(percent)
        if self.progress is not None:
            # Last: a modal progress dialog's setValue turns the event loop, which can
            # deliver the reports queued after this one.
            self.progress.setValue(percent)

    def _on_finished(self) -> None:
        job, target = self._take_job(), self._target
        self._target = None
        if job is None or target is None:
            return  # the workspace closed first
        if job.error is not None:
            if isinstance(job.error, Cancelled) or job.cancelled():
                self.message.emit(self.tr("Export cancelled; no file was written."))
            else:
                what = self.tr("The calendar could not be exported")
                self.show_error(ui_text(error_text(job.error, what)))
            return
        if self._percent != 100:
            # The worker's last reports can still be queued behind its end.
            self._percent = 100
            self.progressed.emit(100)
        self.message.emit(self.tr("Exported the calendar to %1.").replace("%1", target.name))
        self.exported.emit(target)

    def _show_progress(self, path: Path) -> None:
        progress = QProgressDialog(
            self.tr("Writing the calendar to %1…").replace("%1", path.name),
            self.tr("Cancel"),
            0,
            100,
            self.window,
        )
        progress.setWindowTitle(self.tr("Export calendar"))
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
        """The job that just finished, collected; the progress dialog closes."""
        job, self._job = self._job, None
        self._close_progress()
        if job is not None and self.session is not None:
            self.session.collect(job)
        return job

    def _end(self) -> None:
        """The workspace is closing: the export stops (the session waits for it),
        and its outcome is ignored."""
        if self._job is not None:
            self._job.cancel()
        self._job = None
        self._target = None
        self._close_progress()
