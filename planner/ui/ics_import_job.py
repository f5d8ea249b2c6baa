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

from PySide6.QtCore import Signal

from planner.calendar import local_timezone
from planner.errors import Cancelled
from planner.ui.background import Progress, error_text
from planner.ui.locale_text import ui_text
from planner.ui.progress_job import ProgressJob
from planner.workspace import Workspace


class _Unreadable(Exception):
    """The .ics file could not be read (its OSError's reason)."""


class IcsImportJob(ProgressJob):
    """The calendar import of one window (:class:`ProgressJob`: ``message`` says it
    was imported or cancelled, ``progressed`` the percentage done).

    Signals:
        imported(object): the ImportResult, after ``message``.
    """

    imported = Signal(object)

    _source: Path | None = None

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
        self.start(
            work,
            self.tr("Importing %1…").replace("%1", path.name),
            self.tr("Import calendar"),
            self.tr("Cancel"),
            commits=True,
        )
        return True

    # -- the job --------------------------------------------------------------

    def _on_finished(self) -> None:
        job, source = self.take_job(), self._source
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
        self.report_done()
        self.message.emit(
            self.tr("Imported %1 new, %2 updated, %3 unchanged events from %4.")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged))
            .replace("%4", source.name)
        )
        self.imported.emit(result)

    def _forget(self) -> None:
        self._source = None
