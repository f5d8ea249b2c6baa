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

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog

from planner.errors import Cancelled, PlannerError
from planner.files import check_target, write_atomically
from planner.ui.background import Progress, error_text
from planner.ui.locale_text import ui_text
from planner.ui.progress_job import ProgressJob
from planner.workspace import Workspace


class IcsExportJob(ProgressJob):
    """The calendar export of one window (:class:`ProgressJob`: ``message`` says
    it was exported or cancelled, ``progressed`` the percentage of events written).

    Signals:
        exported(object): the Path written, after ``message``.
    """

    exported = Signal(object)
    EMPTY_PERCENT = 100  # no events: nothing left to write

    _target: Path | None = None

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
        self.start(
            work,
            self.tr("Writing the calendar to %1…").replace("%1", path.name),
            self.tr("Export calendar"),
            self.tr("Cancel"),
            commits=False,
        )
        return True

    # -- the job --------------------------------------------------------------

    def _on_finished(self) -> None:
        job, target = self.take_job(), self._target
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
        self.report_done()
        self.message.emit(self.tr("Exported the calendar to %1.").replace("%1", target.name))
        self.exported.emit(target)

    def _forget(self) -> None:
        self._target = None
