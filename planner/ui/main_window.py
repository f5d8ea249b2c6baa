"""The main window: sidebar of communities, the community page, menus."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME, __version__
from planner.communities import (
    create_community,
    delete_community,
    get_community,
    list_communities,
    restore_community,
)
from planner.demo import write_demo
from planner.disk_errors import Doing, disk_problem
from planner.errors import PlannerError
from planner.history import Change
from planner.paths import AppPaths
from planner.settings import Settings
from planner.ui.calendar_page import CalendarMode, CalendarPage
from planner.ui.community_model import CommunityListModel
from planner.ui.community_page import CommunityPage
from planner.ui.dialogs import NewCommunityDialog, TrashDialog, ask_yes_no, show_error
from planner.ui.ics_export_job import IcsExportJob
from planner.ui.ics_import_job import IcsImportJob
from planner.ui.labels import action_label
from planner.ui.library_dialog import LibraryDialog
from planner.ui.locale_text import ui_language, ui_text
from planner.ui.metrics_actions import MetricsActions
from planner.ui.overview_page import OverviewPage
from planner.ui.preferences import PreferencesDialog
from planner.ui.session import Session
from planner.ui.sharing import Sharing
from planner.ui.sidebar import Sidebar
from planner.ui.start_screen import StartScreen
from planner.ui.template_page import TemplatePage
from planner.ui.theme import SPACING, app_icon, icon
from planner.ui.wait import wait_for
from planner.workspace import WORKSPACE_SUFFIX, create_workspace, open_workspace

log = logging.getLogger(__name__)


def file_filter() -> str:
    """The file dialogs' filter for workspaces, in the UI's language."""
    return QCoreApplication.translate(
        "MainWindow", "Community Planner workspace (*.cplan);;All files (*)"
    )


def ics_filter() -> str:
    """The file dialogs' filter for calendar files, in the UI's language."""
    return QCoreApplication.translate("MainWindow", "Calendar files (*.ics);;All files (*)")


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the GUI thread does a longer piece of work."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


Confirm = Callable[[QWidget, str, str, str], bool]


def display_path(path: Path) -> str:
    """``path`` with the home folder shortened to ``~``."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)


class MainWindow(QMainWindow):
    """The app's one window.

    Attributes:
        session: the open workspace, or None.
        sidebar, page, start: the three main views.
    """

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        device_id: str,
        *,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.device_id = device_id
        self.confirm = confirm
        self.session: Session | None = None
        self.trash_dialog: TrashDialog | None = None
        self.library_dialog: LibraryDialog | None = None
        self.setWindowIcon(app_icon())
        self.setMinimumSize(760, 520)

        self.model = CommunityListModel()
        self.sidebar = Sidebar(self.model)
        self.page = CommunityPage(confirm=confirm)
        self.start = StartScreen()
        self.stack = QStackedWidget()
        self.calendar = CalendarPage(settings, confirm=confirm)
        self.templates = TemplatePage(settings, confirm=confirm)
        self.overview = OverviewPage(settings)
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.calendar)
        self.stack.addWidget(self.templates)
        self.stack.addWidget(self.overview)
        view = settings.get("main_view")
        views = ("calendar", "communities", "templates", "overview")
        self.main_view = view if view in views else "calendar"

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner_icon = QLabel()
        banner_icon.setPixmap(icon("lock", "#5c4400").pixmap(16, 16))
        self.banner_text = QLabel(
            self.tr(
                "This workspace is open read-only: you can look around, but changes cannot be "
                "saved. Copy the file somewhere you can write to in order to edit it."
            )
        )
        self.banner_text.setWordWrap(True)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING)
        banner_layout.addWidget(banner_icon)
        banner_layout.addWidget(self.banner_text, 1)
        self.banner.hide()

        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 840])
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.path_label = QLabel()
        self.path_label.setProperty("role", "hint")
        self.statusBar().addPermanentWidget(self.path_label)

        self.sharing = Sharing(self, paths, settings, device_id, self.show_error)
        self.sharing.message.connect(self._show_message)
        self.sharing.open_requested.connect(self.open_path)
        self.ics_export = IcsExportJob(self, self.show_error)
        self.ics_export.message.connect(self._show_message)
        self.ics_import = IcsImportJob(self, self.show_error)
        self.ics_import.message.connect(self._show_message)
        self.metrics = MetricsActions(self)
        self.metrics.message.connect(self._show_message)

        self._create_actions()
        self._create_menus()
        self._connect()
        self._restore_geometry()
        self._show_state()

    # -- construction ------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        self.new_workspace_action = self._action(
            self.tr("&New workspace…"), self.choose_new_workspace, "Ctrl+Shift+N", "file-plus"
        )
        self.open_action = self._action(
            self.tr("&Open…"), self.choose_workspace, QKeySequence.StandardKey.Open, "folder-open"
        )
        self.sample_action = self._action(
            self.tr("Open the &sample workspace"), self.open_sample, None, "sparkles"
        )
        self.import_ics_action = self._action(
            self.tr("&Import calendar (ICS)…"), self.choose_ics_to_import, None, "calendar"
        )
        self.export_ics_action = self._action(
            self.tr("&Export calendar (ICS)…"), self.choose_ics_export, None, "calendar"
        )
        self.export_week_action = self._action(
            self.tr("Export &week as PDF…"), self.export_week, "Ctrl+Shift+E", "calendar"
        )
        self.import_figures_action = self._action(
            self.tr("Import &figures (CSV)…"),
            lambda: self.metrics.import_figures(self._current_community()),
            None,
            "file-plus",
        )
        self.export_figures_action = self._action(
            self.tr("Export figures and &results (CSV)…"),
            lambda: self.metrics.export_figures(self._current_community()),
            None,
            "copy",
        )
        self.share_action = self._action(
            self.tr("&Share a copy…"), self.sharing.choose_share_target, "Ctrl+Shift+S", "copy"
        )
        self.merge_action = self._action(
            self.tr("&Merge from teammate's file…"),
            self.sharing.choose_merge_source,
            "Ctrl+Shift+M",
            "users",
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self._action(
            self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo, "arrow-back-up"
        )
        self.redo_action = self._action(
            self.tr("&Redo"), self.redo, "Ctrl+Shift+Z", "arrow-forward-up"
        )
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.find_action = self._action(
            self.tr("&Find community"), self._focus_search, QKeySequence.StandardKey.Find, "search"
        )
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.show_preferences, "Ctrl+,"
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.new_community_action = self._action(
            self.tr("&New community…"), self.new_community, QKeySequence.StandardKey.New, "plus"
        )
        self.save_action = self._action(
            self.tr("&Save changes"), self.page.save, QKeySequence.StandardKey.Save, "device-floppy"
        )
        self.delete_action = self._action(
            self.tr("&Move to trash"), self._delete_current, "Ctrl+Delete", "trash"
        )
        self.trash_action = self._action(self.tr("&Trash…"), self.show_trash, None, "history")
        self.library_action = self._action(
            self.tr("Checklist &library…"), self.show_library, None, "list-check"
        )
        self.replicate_action = self._action(
            self.tr("&Replicate community…"),
            lambda: self.replicate(self._current_community()),
            None,
            "copy",
        )
        self.figures_action = self._action(
            self.tr("&Figures"), lambda: self.metrics.show_tab("figures"), "Ctrl+Shift+F"
        )
        self.fission_action = self._action(
            self.tr("F&ission calculator"), lambda: self.metrics.show_tab("fission"), "Ctrl+Shift+K"
        )
        self.month_action = self._action(
            self.tr("&Month"), lambda: self.show_calendar(CalendarMode.MONTH), "Ctrl+1", "calendar"
        )
        self.week_action = self._action(
            self.tr("&Week"), lambda: self.show_calendar(CalendarMode.WEEK), "Ctrl+2"
        )
        self.agenda_action = self._action(
            self.tr("&Agenda"), lambda: self.show_calendar(CalendarMode.AGENDA), "Ctrl+3"
        )
        self.communities_action = self._action(
            self.tr("&Communities"), self.show_communities, "Ctrl+4", "users"
        )
        self.templates_action = self._action(
            self.tr("&Templates"), self.show_templates, "Ctrl+5", "sparkles"
        )
        self.overview_action = self._action(
            self.tr("&Overview"), self.show_overview, "Ctrl+6", "layout-dashboard"
        )
        self.calendar_nav_action = self._action(
            self.tr("Calendar"), lambda: self.show_calendar(None), None, "calendar"
        )
        self.communities_nav_action = self._action(
            self.tr("Communities"), self.show_communities, None, "users"
        )
        self.templates_nav_action = self._action(
            self.tr("Templates"), self.show_templates, None, "sparkles"
        )
        self.overview_nav_action = self._action(
            self.tr("Overview"), self.show_overview, None, "layout-dashboard"
        )
        for action in (
            self.calendar_nav_action,
            self.communities_nav_action,
            self.templates_nav_action,
            self.overview_nav_action,
        ):
            action.setCheckable(True)
        self.today_action = self._action(
            self.tr("Go to &today"), lambda: self._in_calendar(self.calendar.go_today), "Ctrl+T"
        )
        self.previous_action = self._action(
            self.tr("&Previous"),
            lambda: self._in_calendar(lambda: self.calendar.step(-1)),
            "Alt+Left",
        )
        self.next_action = self._action(
            self.tr("&Next"), lambda: self._in_calendar(lambda: self.calendar.step(1)), "Alt+Right"
        )
        self.go_to_date_action = self._action(
            self.tr("&Go to date…"), lambda: self._in_calendar(self.calendar.focus_date), "Ctrl+G"
        )
        self.new_item_action = self._action(
            self.tr("New calendar &item…"),
            lambda: self._in_calendar(self.calendar.new_item),
            "Ctrl+I",
            "calendar",
        )
        self.about_action = self._action(self.tr("&About Community Planner"), self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_workspace_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_ics_action)
        file_menu.addAction(self.export_ics_action)
        file_menu.addAction(self.export_week_action)
        file_menu.addAction(self.import_figures_action)
        file_menu.addAction(self.export_figures_action)
        file_menu.addSeparator()
        file_menu.addAction(self.share_action)
        file_menu.addAction(self.merge_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.month_action)
        view_menu.addAction(self.week_action)
        view_menu.addAction(self.agenda_action)
        view_menu.addAction(self.communities_action)
        view_menu.addAction(self.templates_action)
        view_menu.addAction(self.overview_action)
        view_menu.addSeparator()
        view_menu.addAction(self.today_action)
        view_menu.addAction(self.previous_action)
        view_menu.addAction(self.next_action)
        view_menu.addAction(self.go_to_date_action)
        calendar_menu = bar.addMenu(self.tr("C&alendar"))
        calendar_menu.addAction(self.new_item_action)
        community_menu = bar.addMenu(self.tr("&Community"))
        community_menu.addAction(self.new_community_action)
        community_menu.addAction(self.save_action)
        community_menu.addAction(self.replicate_action)
        community_menu.addSeparator()
        community_menu.addAction(self.figures_action)
        community_menu.addAction(self.fission_action)
        community_menu.addSeparator()
        community_menu.addAction(self.library_action)
        community_menu.addSeparator()
        community_menu.addAction(self.delete_action)
        community_menu.addAction(self.trash_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        views = QToolBar(self.tr("Views"))
        views.setObjectName("views")
        views.setMovable(False)
        views.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        views.addAction(self.calendar_nav_action)
        views.addAction(self.communities_nav_action)
        views.addAction(self.templates_nav_action)
        views.addAction(self.overview_nav_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, views)
        self.views_toolbar = views

    def _connect(self) -> None:
        self.sidebar.community_selected.connect(self._on_selected)
        self.sidebar.new_requested.connect(self.new_community)
        self.sidebar.trash_requested.connect(self.show_trash)
        self.sidebar.delete_requested.connect(self.delete_community)
        self.page.delete_button.clicked.connect(self._delete_current)
        self.page.dirty_changed.connect(self._on_dirty)
        self.page.error.connect(self.show_error)
        self.start.create_requested.connect(self.new_community)
        self.start.sample_requested.connect(self.open_sample)
        self.start.new_workspace_requested.connect(self.choose_new_workspace)
        self.start.open_requested.connect(self.choose_workspace)
        self.sidebar.community_activated.connect(lambda _id: self.show_communities())
        self.calendar.error.connect(self.show_error)
        self.calendar.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.calendar.poster_requested.connect(self.make_poster)
        self.templates.error.connect(self.show_error)
        self.templates.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.templates.dirty_changed.connect(self._on_dirty)
        self.overview.community_activated.connect(self.open_community)
        self.overview.checklist_item_activated.connect(self.open_checklist_item)
        self.page.replicate_requested.connect(self.replicate)
        self.page.open_calendar_requested.connect(self.open_calendar_for)
        self.page.open_templates_requested.connect(lambda _id: self.show_templates())
        self.page.open_template_requested.connect(self.open_template)
        self.page.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.calendar.checklist_item_activated.connect(self.open_checklist_item)
        self.page.fix_requested.connect(self.metrics.follow_fix)
        self.page.open_activity_requested.connect(self.metrics.open_activity)
        self.page.import_figures_requested.connect(self.metrics.import_figures)
        self.page.export_figures_requested.connect(self.metrics.export_figures)
        self.overview.fix_requested.connect(self.metrics.follow_fix)
        self.overview.comparison.message.connect(self._show_message)
        self.overview.comparison.error.connect(self.show_error)

    # -- workspaces --------------------------------------------------------

    def open_initial(self, path: Path | None) -> None:
        """At start-up: the workspace asked for, or the default one (made on first start)."""
        if path is not None:
            self.open_path(path)
            return
        default = self.paths.default_workspace
        if default.exists():
            self.open_path(default)
        else:
            self.new_workspace_at(default)

    def open_path(self, path: Path) -> bool:
        """Open a workspace file; on failure show why and keep what was open."""
        if (
            self.session is not None
            and Path(path).resolve() == self.session.workspace.path.resolve()
        ):
            return True  # already open here; its lock would report it "in another window"
        if not self._leave_page():
            return False
        try:
            # Checking a large file's pages and rows takes a while: the window
            # keeps painting meanwhile (user input waits).
            workspace = wait_for(
                lambda: open_workspace(
                    Path(path), device_id=self.device_id, lock_dir=self.paths.lock_dir
                )
            )
        except Exception as exc:
            if not self._show_disk_problem(exc, Path(path), "open"):
                raise
            return False
        self._set_session(Session(workspace))
        self.sharing.check_location(workspace.path)
        if workspace.backup is not None:
            self.statusBar().showMessage(
                self.tr(
                    "Upgraded this workspace to the current format; the old file was kept as %1"
                ).replace("%1", workspace.backup.name),
                15000,
            )
        return True

    def new_workspace_at(self, path: Path) -> bool:
        """Create an empty workspace at ``path`` and open it."""
        if not self._leave_page():
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            workspace = create_workspace(
                path, device_id=self.device_id, lock_dir=self.paths.lock_dir
            )
        except Exception as exc:
            if not self._show_disk_problem(exc, path, "open"):
                if not isinstance(exc, OSError):
                    raise
                self.show_error(str(exc))
            return False
        self._set_session(Session(workspace))
        return True

    def open_sample(self) -> bool:
        """Open the sample workspace in the UI's language, writing it first if it is
        not there yet."""
        language = ui_language()
        sample = self.paths.sample_workspace_in(language)
        if not sample.exists():
            try:
                sample.parent.mkdir(parents=True, exist_ok=True)
                write_demo(
                    sample,
                    device_id=self.device_id,
                    lock_dir=self.paths.lock_dir,
                    language=language,
                )
            except (PlannerError, OSError) as exc:
                self.show_error(str(exc))
                return False
        return self.open_path(sample)

    def choose_workspace(self) -> None:
        start = str(self.session.workspace.path.parent if self.session else self.paths.data_dir)
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), start, file_filter())
        if name:
            self.open_path(Path(name))

    def choose_new_workspace(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New workspace"), str(self.paths.data_dir), file_filter()
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != WORKSPACE_SUFFIX:
            path = path.with_name(path.name + WORKSPACE_SUFFIX)
        self.new_workspace_at(path)

    def close_workspace(self) -> None:
        """Close the open workspace (closing the window, or opening another).

        First the session stops: the dialogs working on it (the replicate
        wizard) close, and its background jobs are cancelled and waited for,
        while the views still show it, so a copy that had committed is
        adopted and shown like any edit. Then the views let go of it, and it
        closes, releasing its lock.
        """
        if self.session is not None:
            self.session.stop()
            self.sharing.set_session(None)
            self.ics_export.set_session(None)
            self.ics_import.set_session(None)
            self.model.set_session(None)
            self.page.set_session(None)
            self.calendar.set_session(None)
            self.templates.set_session(None)  # saves its edits: before the workspace closes
            self.overview.set_session(None)
            self.session.close()
            self.session.deleteLater()
            self.session = None
        for dialog in (self.trash_dialog, self.library_dialog):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self.trash_dialog = self.library_dialog = None

    def _set_session(self, session: Session) -> None:
        self.close_workspace()
        self.session = session
        session.history_changed.connect(self._update_actions)
        self.page.set_session(session)
        self.model.set_session(session)
        self.calendar.set_session(session)
        self.templates.set_session(session)
        self.overview.set_session(session)
        self.sharing.set_session(session)
        self.ics_export.set_session(session)
        self.ics_import.set_session(session)
        # After the model's own connection, so the window sees the reloaded list.
        session.changed.connect(self._on_changed)
        path = session.workspace.path
        self.settings.add_recent(path.resolve())
        self._show_state()
        first = self.model.index(0)
        if first.isValid():
            self.sidebar.select(str(self.model.community(0).id))
        # What is loaded now lives as long as the workspace: keep it out of the
        # garbage collector's full passes (they walk every object; see app.py).
        gc.freeze()

    # -- communities -------------------------------------------------------

    def new_community(self) -> None:
        if self.session is None or self.session.read_only or not self._leave_page():
            return
        dialog = NewCommunityDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()

    def _create_from(self, dialog: NewCommunityDialog) -> None:
        created = self._run(create_community, dialog.values())
        if isinstance(created, tuple):
            self.sidebar.select(str(created[0]))
            self.show_communities()
            self.page.focus_field("common_interest")

    def delete_community(self, community_id: str) -> None:
        if self.session is None or self.session.read_only:
            return
        # Save typing first, so it is not recorded after (and undone before) the delete.
        if not self._leave_page():
            return
        community = get_community(self.session.workspace, community_id)
        if not self.confirm(
            self,
            self.tr("Move to trash"),
            self.tr(
                "Move “%1” to the trash? You can restore it from the trash, or undo with Ctrl+Z."
            ).replace("%1", community.name),
            self.tr("Move to trash"),
        ):
            return
        if self._run(delete_community, community_id) is not None:
            self.statusBar().showMessage(
                self.tr("Moved “%1” to the trash.").replace("%1", community.name), 8000
            )

    def _delete_current(self) -> None:
        if self.page.community_id and self.stack.currentWidget() is self.page:
            self.delete_community(self.page.community_id)

    def restore_community(self, community_id: str) -> None:
        if not self._leave_page():
            return
        if self._run(restore_community, community_id) is not None:
            self.sidebar.select(community_id)

    def show_trash(self) -> None:
        if self.session is None:
            return
        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(self.session, self.restore_community, self)
        self.trash_dialog.show()
        self.trash_dialog.raise_()

    def show_preferences(self) -> None:
        """Preferences (the language); a new language applies at the next start."""
        PreferencesDialog(self.settings, self).exec()

    def show_library(self) -> None:
        """The workspace's checklist library, in a window beside this one."""
        if self.session is None:
            return
        if self.library_dialog is None:
            self.library_dialog = LibraryDialog(self.session, self, confirm=self.confirm)
        self.library_dialog.show()
        self.library_dialog.raise_()
        self.library_dialog.activateWindow()

    def _current_community(self) -> str:
        """The community the user is looking at: the overview's row, or the page's."""
        on_overview = self.stack.currentWidget() is self.overview
        return (on_overview and self.overview.current_id()) or self.page.community_id

    def replicate(self, community_id: str) -> None:
        """The replicate wizard for ``community_id``; its copy is selected when made."""
        if self.session is None or self.session.read_only or not community_id:
            return
        if not self._leave_page():
            return
        from planner.ui.replicate_wizard import ReplicateWizard  # only when used

        wizard = ReplicateWizard(self.session, community_id, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.replicated.connect(self.open_community)
        wizard.open()

    def _run(self, operation: Callable[..., object], *args: object) -> object | None:
        """Run a core operation through the session; show any error."""
        if self.session is None:
            return None
        try:
            return self.session.run(operation, *args)
        except PlannerError as exc:
            self.show_error(str(exc))
            return None

    # -- undo --------------------------------------------------------------

    def undo(self) -> None:
        if self.templates.dirty and self.stack.currentWidget() is self.templates:
            self.templates.revert()  # the newest edit is the typing not saved yet
            return
        if self.page.dirty:
            self.page.revert()  # the newest edit is the typing not saved yet
            return
        if self.session is not None and self.session.workspace.history.can_undo:
            self._show_undo_result(self._safe(self.session.undo), self.tr("Undid %1"))

    def redo(self) -> None:
        if self.page.dirty or self.templates.dirty or self.session is None:
            return
        if self.session.workspace.history.can_redo:
            self._show_undo_result(self._safe(self.session.redo), self.tr("Redid %1"))

    def _safe(self, fn: Callable[[], Change]) -> Change | None:
        try:
            return fn()
        except PlannerError as exc:
            self.show_error(str(exc))
            return None

    def _show_undo_result(self, change: Change | None, template: str) -> None:
        if change is None:
            return
        self.statusBar().showMessage(template.replace("%1", action_label(change)), 5000)
        ids = change.ids("communities")
        live = {c.id for c in list_communities(self.session.workspace)} if self.session else set()
        shown = [i for i in ids if i in live]
        if shown and self.page.community_id not in shown:
            self.sidebar.select(shown[0])

    # -- calendar files ----------------------------------------------------

    def choose_ics_export(self) -> None:
        """File ▸ Export calendar…: ask where, then write it off the GUI thread."""
        self.ics_export.choose_target()

    def export_ics_to(self, path: Path) -> bool:
        """Start writing the calendar to ``path`` off the GUI thread (atomically)."""
        return self.ics_export.export_to(path)

    def export_week(self) -> None:
        """File ▸ Export week as PDF…: the dialog that writes a week's plan."""
        if self.session is None:
            return
        from planner.ui.export_week_dialog import ExportWeekDialog  # only when used

        dialog = ExportWeekDialog(self.session, self, settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._on_week_exported)
        dialog.open()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def _on_week_exported(self, path: Path, _pages: int) -> None:
        self.statusBar().showMessage(
            self.tr("Exported the weekly plan to %1.").replace("%1", path.name), 10000
        )

    def choose_ics_to_import(self) -> None:
        if (
            self.session is None
            or self.session.read_only
            or self.ics_import.busy
            or self.model.rowCount() == 0
        ):
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import calendar"), str(Path.home()), ics_filter()
        )
        if not name:
            return
        names = [self.model.community(row).name for row in range(self.model.rowCount())]
        current = self.model.row_of(self.page.community_id)
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Import calendar"),
            self.tr("Add the events of %1 to which community?").replace("%1", Path(name).name),
            names,
            max(current, 0),
            False,
        )
        if ok:
            self.import_ics_from(Path(name), self.model.community(names.index(chosen)).id)

    def import_ics_from(self, path: Path, community_id: str) -> bool:
        """Start importing an .ics file into one community, off the GUI thread: one
        undoable step, all or nothing. False if it did not start; the outcome comes
        in the status bar, or as one line (see IcsImportJob)."""
        return self.ics_import.import_from(path, community_id)

    # -- views -------------------------------------------------------------

    def show_calendar(self, mode: CalendarMode | None = None) -> bool:
        """Show the calendar (in ``mode``, or the one last used); False if refused."""
        if not self._leave_page():
            return False
        self.main_view = "calendar"
        self.settings.set("main_view", "calendar")
        if mode is not None:
            self.calendar.set_mode(mode)
        self._show_state()
        view = self.calendar.stack.currentWidget()
        if view is not None:
            view.setFocus()
        return True

    def open_template(self, template_id: str) -> None:
        """Show the Templates page on ``template_id`` (a template a community uses)."""
        if self.show_templates():
            self.templates.select(template_id)

    def show_templates(self) -> bool:
        """Show the template library; False if the page being left refused."""
        if self.session is None or not self._leave_page():
            return False
        self.main_view = "templates"
        self.settings.set("main_view", "templates")
        self._show_state()
        return True

    def make_poster(self, item_key: tuple[str, str], community_id: str) -> None:
        """From a calendar item: the poster editor with that item's context."""
        if self.show_templates():
            self.templates.make_poster_for(item_key, community_id)

    def show_overview(self) -> bool:
        """Show the overview of every community; False if the page being left refused."""
        if self.session is None or not self._leave_page():
            return False
        self.main_view = "overview"
        self.settings.set("main_view", "overview")
        self._show_state()
        self.overview.view.setFocus()
        return True

    def open_community(self, community_id: str) -> bool:
        """Select a community and show its page; False if it could not be shown."""
        if self.session is None or self.model.row_of(community_id) < 0:
            return False
        if not self._leave_page():
            return False
        self.sidebar.select(community_id)
        if self.page.community_id != community_id:
            self.page.show_community(community_id)
        self.show_communities()
        return self.page.community_id == community_id

    def open_checklist_item(self, community_id: str, item_id: str) -> None:
        """From the overview or the calendar: the item on its community's checklist."""
        if self.open_community(community_id):
            self.page.show_checklist_item(item_id)

    def open_calendar_for(self, community_id: str) -> None:
        """The calendar showing only ``community_id`` (Filter ▸ Show everything undoes it)."""
        if self.session is None or not self.show_calendar(None):
            return
        hidden = set(self.calendar.hidden.get("communities", []))
        for community in list_communities(self.session.workspace):
            shown = community.id == community_id
            if (community.id in hidden) == shown:
                self.calendar.toggle_filter("communities", community.id, shown)

    def show_communities(self) -> None:
        if not self.templates.leave():
            return
        self.main_view = "communities"
        self.settings.set("main_view", "communities")
        self._show_state()

    def _in_calendar(self, action: Callable[[], object]) -> None:
        if self.session is None or self.model.rowCount() == 0:
            return
        if self.stack.currentWidget() is not self.calendar and not self.show_calendar(None):
            return  # the community page kept invalid edits on screen
        action()

    # -- state -------------------------------------------------------------

    def _on_selected(self, community_id: str) -> None:
        if community_id == self.page.community_id and community_id:
            return
        if not self._leave_page():
            # Invalid edits stay on screen: go back to the community being edited.
            QTimer.singleShot(0, lambda: self.sidebar.select(self.page.community_id))
            return
        if community_id:
            self.page.show_community(community_id)
        self._show_state()

    def _leave_page(self) -> bool:
        if not self.templates.leave():
            return False  # the template page said why
        if self.page.leave():
            return True
        if self.session is not None and self.session.last_disk_problem is not None:
            return False  # the page said why: the disk refused the save, not a field
        self.show_error(
            self.tr(
                "“%1” has changes that cannot be saved yet; fix the fields marked in red "
                "or choose Revert."
            ).replace("%1", self.page.name.text() or "?")
        )
        return False

    def _on_changed(self, change: Change) -> None:
        self._show_state()
        # The page's community was trashed, or removed by undoing its creation.
        if not self._page_is_live() and self.model.rowCount() > 0:
            self.sidebar.select(self.model.community(0).id)

    def _page_is_live(self) -> bool:
        """True when the page shows a community that is in the (reloaded) live list."""
        return bool(self.page.community_id) and self.model.row_of(self.page.community_id) >= 0

    def _on_dirty(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        self._update_actions()

    def _show_state(self) -> None:
        """Pick the view, title, banner and enabled actions for the current state."""
        session = self.session
        if session is None:
            self.start.show_no_workspace()
            self.stack.setCurrentWidget(self.start)
            self.setWindowTitle(APP_NAME)
            self.banner.hide()
            self.path_label.clear()
        else:
            ws = session.workspace
            read_only = ws.read_only
            suffix = self.tr(" (read-only)") if read_only else ""
            self.setWindowTitle(f"{ws.name}{suffix}[*] — {APP_NAME}")
            self.banner.setVisible(read_only)
            self.path_label.setText(display_path(ws.path))
            has_communities = self.model.rowCount() > 0
            if not has_communities:
                self.start.show_empty_workspace(read_only=read_only)
                self.stack.setCurrentWidget(self.start)
            elif self.main_view == "calendar":
                self.stack.setCurrentWidget(self.calendar)
            elif self.main_view == "templates":
                self.stack.setCurrentWidget(self.templates)
            elif self.main_view == "overview":
                self.stack.setCurrentWidget(self.overview)
            elif self._page_is_live():
                self.stack.setCurrentWidget(self.page)
            trash = len(list_communities(ws, trash=True))
            self.sidebar.set_trash_count(trash)
        self.sidebar.setVisible(session is not None)
        on_calendar = self.stack.currentWidget() is self.calendar
        on_templates = self.stack.currentWidget() is self.templates
        on_overview = self.stack.currentWidget() is self.overview
        if on_calendar or on_templates or on_overview:
            # The sidebar is a legend here; a highlighted row would read as a filter.
            self.sidebar.list.clearSelection()
        elif self.stack.currentWidget() is self.page and self.page.community_id:
            self.sidebar.select(self.page.community_id)  # highlighted again on its page
        self.calendar_nav_action.setChecked(on_calendar)
        self.communities_nav_action.setChecked(self.stack.currentWidget() is self.page)
        self.templates_nav_action.setChecked(on_templates)
        self.overview_nav_action.setChecked(on_overview)
        self.views_toolbar.setVisible(session is not None and self.model.rowCount() > 0)
        self._update_actions()

    def _update_actions(self) -> None:
        session = self.session
        writable = session is not None and not session.read_only
        on_page = self.stack.currentWidget() is self.page and bool(self.page.community_id)
        self.new_community_action.setEnabled(writable)
        self.sidebar.new_button.setEnabled(writable)
        # Only on the community page: the template page has its own Ctrl+S, and two
        # enabled Ctrl+S shortcuts would be ambiguous (neither fires).
        self.save_action.setEnabled(
            writable and self.page.dirty and self.stack.currentWidget() is self.page
        )
        self.delete_action.setEnabled(writable and on_page)
        self.trash_action.setEnabled(session is not None)
        self.library_action.setEnabled(session is not None)
        self.replicate_action.setEnabled(writable and bool(self.page.community_id))
        has_communities = self.model.rowCount() > 0
        current = bool(self._current_community())
        self.import_figures_action.setEnabled(writable and current)
        self.export_figures_action.setEnabled(session is not None and has_communities)
        self.figures_action.setEnabled(session is not None and current)
        self.fission_action.setEnabled(session is not None and current)
        self.import_ics_action.setEnabled(writable and has_communities)
        self.export_ics_action.setEnabled(session is not None and has_communities)
        self.export_week_action.setEnabled(session is not None)  # the dialog says what to do
        self.share_action.setEnabled(session is not None)
        self.merge_action.setEnabled(writable)
        for action in (
            self.today_action,
            self.previous_action,
            self.next_action,
            self.go_to_date_action,
            self.month_action,
            self.week_action,
            self.agenda_action,
            self.communities_action,
            self.templates_action,
            self.overview_action,
        ):
            action.setEnabled(session is not None and has_communities)
        self.new_item_action.setEnabled(writable and has_communities)
        history = session.workspace.history if session is not None else None
        undo = history.next_undo() if history else None
        redo = history.next_redo() if history else None
        if self.page.dirty or (
            self.templates.dirty and self.stack.currentWidget() is self.templates
        ):
            self.undo_action.setText(self.tr("&Undo Typing"))
            self.undo_action.setEnabled(True)
        else:
            self.undo_action.setText(
                self.tr("&Undo %1").replace("%1", action_label(undo)) if undo else self.tr("&Undo")
            )
            self.undo_action.setEnabled(writable and undo is not None)
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", action_label(redo)) if redo else self.tr("&Redo")
        )
        self.redo_action.setEnabled(
            writable and redo is not None and not self.page.dirty and not self.templates.dirty
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("recent_workspaces")
        for entry in recent:
            path = Path(entry)
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(entry)
            action.setStatusTip(entry)
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not recent:
            none = self.recent_menu.addAction(self.tr("No recent workspaces"))
            none.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear list"))
            clear.triggered.connect(lambda: self.settings.set("recent_workspaces", []))

    def _focus_search(self) -> None:
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Community Planner"),
            self.tr(
                "<b>Community Planner %1</b><p>Plan, run and replicate online "
                "communities.</p><p>Log file: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.paths.log_file)),
        )

    def show_error(self, message: object) -> None:
        """Show ``message`` (a core message is shown in the UI's language)."""
        log.info("shown to the user: %s", message)
        show_error(self, message)

    def _show_disk_problem(self, exc: BaseException, path: Path, doing: Doing) -> bool:
        """Show ``exc`` if it is a PlannerError, or a disk or folder problem
        (full, read-only) as its one line; False for anything else."""
        problem = disk_problem(exc, path, doing)
        if problem is None and not isinstance(exc, PlannerError):
            return False
        self.show_error(str(problem or exc))
        return True

    # -- geometry ----------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.get("window_geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(1180, 760)
        splitter = self.settings.get("splitter_state")
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))

    def _save_geometry(self) -> None:
        self.settings.set(
            "window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        )
        self.settings.set(
            "splitter_state", bytes(self.splitter.saveState().toBase64().data()).decode("ascii")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget::closeEvent: save edits and geometry, close the workspace."""
        if (self.page.dirty and not self.page.leave()) or not self.templates.leave():
            refused = self.session.last_disk_problem if self.session is not None else None
            if refused is not None:
                question = self.tr("Some changes could not be saved: %1 Quit and lose them?")
                question = question.replace("%1", ui_text(refused.message))
            else:
                question = self.tr(
                    "Some changes cannot be saved because fields are invalid. Quit and lose them?"
                )
            if not self.confirm(
                self,
                self.tr("Unsaved changes"),
                question,
                self.tr("Quit without saving"),
            ):
                event.ignore()
                return
        self._save_geometry()
        self.close_workspace()
        event.accept()
