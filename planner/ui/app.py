"""Starting the GUI: the QApplication, the theme, the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from planner import APP_NAME, __version__
from planner.disk_errors import disk_problem
from planner.paths import AppPaths, device_id
from planner.settings import Settings
from planner.ui.dialogs import show_error
from planner.ui.locale_text import ui_text
from planner.ui.main_window import MainWindow
from planner.ui.theme import app_icon, apply_theme
from planner.ui.translations import install_language, resolve_language

log = logging.getLogger(__name__)

# Set by bench/startup.py: print "shown" once the window is on screen, then quit.
STARTUP_PROBE_ENV = "PLANNER_STARTUP_PROBE"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names, icon and theme (or the existing one)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication) and existing.property("planner_ready"):
        return existing
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setProperty("planner_ready", True)
    # A large workspace keeps many objects alive (the calendar's cache, the
    # models): collect the young ones less often, so that a full collection
    # (which walks them all, 50-200 ms) does not stall a step of the calendar.
    gc.set_threshold(10_000, 50, 100)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Community Planner")
    app.setDesktopFileName("community-planner")
    app.setWindowIcon(app_icon())
    apply_theme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_theme(app))
    return app


def install_excepthook(window: MainWindow) -> None:
    """Unexpected errors go to the log and a one-line dialog; the app keeps running."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        session = window.session
        problem = disk_problem(exc, session.workspace.path) if session is not None else None
        if problem is not None:
            # A write the disk refused outside the session's own handling: one line.
            show_error(window, ui_text(problem.message))
            return
        show_error(
            window,
            QCoreApplication.translate(
                "App", "Something went wrong (%1). Your data is safe; details are in %2."
            )
            .replace("%1", f"{kind.__name__}: {ui_text(str(exc))}")
            .replace("%2", str(window.paths.log_file)),
        )

    sys.excepthook = hook


def run_gui(paths: AppPaths, workspace: Path | None) -> int:
    """Open the main window on ``workspace`` (or the default one) and run the app."""
    app = create_application()
    settings = Settings(paths.settings_file)
    install_language(resolve_language(settings.get("language")))
    window = MainWindow(paths, settings, device_id(paths))
    install_excepthook(window)
    window.show()
    window.open_initial(workspace)
    if os.environ.get(STARTUP_PROBE_ENV):

        def probe() -> None:
            print("shown", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, probe)
    return app.exec()
