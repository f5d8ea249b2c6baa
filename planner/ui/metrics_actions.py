"""The window's side of metrics: following a health issue's fix link, importing
and exporting figures, and opening the activity a fission scenario plans.

Kept out of :mod:`planner.ui.main_window` like :mod:`planner.ui.sharing`:
the window owns the pages, this controller knows where each fix is made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from planner.calendar import find_occurrence
from planner.errors import PlannerError
from planner.health import Fix
from planner.ui.figures_export import FiguresExportDialog
from planner.ui.figures_import import import_figures_file
from planner.ui.locale_text import ui_text

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class MetricsActions(QObject):
    """Where health fixes lead, and the figures' CSV in and out.

    Signals:
        message(str): for the status bar.
    """

    message = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # Tests stand in for the file dialogs.
        self.choose_csv: Callable[[], Path | None] | None = None
        self.choose_export_path: Callable[[str], Path | None] | None = None
        self.export_dialog: FiguresExportDialog | None = None

    def show_tab(self, tab: str) -> bool:
        """The current community's figures or fission tab."""
        window = self.window
        community_id = window._current_community()
        if not community_id or not window.open_community(community_id):
            return False
        window.page.show_tab(tab)
        if tab == "fission":
            window.page.fission.focus_first_input()
        return True

    def import_figures(self, community_id: str) -> bool:
        """Import figures from a CSV file into ``community_id``, through the mapping dialog."""
        window = self.window
        session = window.session
        if session is None or session.read_only or not community_id:
            return False
        try:
            return import_figures_file(
                window,
                session,
                community_id,
                choose=self.choose_csv,
                report=self.message.emit,
                confirm=window.confirm,
            )
        except PlannerError as exc:
            window.show_error(ui_text(str(exc)))
            return False

    def export_figures(self, community_id: str) -> None:
        """The CSV export dialog: figures or activity results, this community or all."""
        window = self.window
        if window.session is None:
            return
        dialog = FiguresExportDialog(
            window.session,
            window,
            community_id=community_id or None,
            choose_path=self.choose_export_path,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.message.connect(self.message)
        dialog.destroyed.connect(self._export_closed)
        self.export_dialog = dialog
        dialog.open()

    def _export_closed(self) -> None:
        self.export_dialog = None

    def follow_fix(self, community_id: str, fix: Fix) -> bool:
        """Go where ``fix`` is made; False if that screen could not be shown."""
        window = self.window
        if window.session is None:
            return False
        if fix.kind in ("metrics", "checklist", "templates"):
            if not window.open_community(community_id):
                return False
            tab = {"metrics": "figures", "checklist": "checklist", "templates": "templates"}
            window.page.show_tab(tab[fix.kind])
            return True
        if fix.kind == "calendar_new":
            window.open_calendar_for(community_id)
            if window.stack.currentWidget() is not window.calendar:
                return False
            window.calendar.go_today()
            window.calendar.new_item()
            return True
        # calendar_item: the occurrence whose results are missing, in its editor.
        assert isinstance(fix.ref, tuple)
        return self._open_occurrence(fix.ref)

    def open_activity(self, item_id: str) -> bool:
        """Show a calendar item (a fission scenario's activity) in its editor."""
        return self._open_occurrence((item_id, ""))

    def _open_occurrence(self, key: tuple[str, str]) -> bool:
        """The calendar on the occurrence's day, with the occurrence in its editor."""
        window = self.window
        if window.session is None:
            return False
        try:
            occurrence = find_occurrence(window.session.workspace, key)
        except PlannerError as exc:
            window.show_error(ui_text(str(exc)))
            return False
        if not window.show_calendar(None):
            return False
        window.calendar.go_to(occurrence.start.date())
        window.calendar.open_occurrence(occurrence)
        return True
