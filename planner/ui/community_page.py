"""The community page: where the community stands on the path, its health
issues, and tabs: its profile (every field in one validated form), its stage
checklist, the templates it uses, its figures by day, charts of them and of
its activities' outcomes, and the fission calculator with the scenarios saved on it.

Profile edits stay in the form until saved (Save or Ctrl+S); leaving the page
saves valid edits automatically, so nothing typed is lost. Each save is one
undoable change. Errors are shown on the field they belong to. Checklist and
template edits are immediate, one undoable change each. When every item of
the community's stage is done, a banner suggests the next stage.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.checklists import Progress, next_stage, progress, suggested_stage
from planner.communities import (
    Community,
    get_community,
    move_to_stage,
    update_community,
)
from planner.errors import NotFound, PlannerError, ValidationError
from planner.history import Change
from planner.metrics import TABLE as METRICS_TABLE
from planner.metrics import latest_figures
from planner.ui.checklist_panel import ChecklistPanel, Confirm
from planner.ui.community_charts import CommunityCharts
from planner.ui.community_form import CommunityForm
from planner.ui.community_header import StagePath, SuggestionBanner
from planner.ui.dialogs import ask_yes_no
from planner.ui.field_errors import FieldErrors
from planner.ui.figures_panel import FiguresPanel
from planner.ui.fission_panel import FissionPanel
from planner.ui.health_panel import HealthPanel
from planner.ui.labels import (
    members_text,
    platform_label,
)
from planner.ui.locale_text import day_month_year, ui_text
from planner.ui.session import Session
from planner.ui.template_links import TemplateLinks
from planner.ui.theme import MARGIN, SPACING, icon

T = TypeVar("T", bound=QWidget)


class _LazyTab(QWidget):
    """A tab whose content is made when first needed (:meth:`hold`)."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, content: T) -> T:
        self._layout.addWidget(content)
        content.show()  # now, not on the next turn of the event loop
        return content


class CommunityPage(QWidget):
    """Shows and edits one community.

    Signals:
        dirty_changed(bool): the form has (or no longer has) unsaved edits.
        error(str): an error to show to the user.
        message(str): what an edit did, for the status bar.
        open_calendar_requested(str): a checklist item asked for the calendar
            (the community's id).
        open_templates_requested(str): the Templates page was asked for.
        open_template_requested(str): one template the community uses was asked
            for on the Templates page (the template's id).
        replicate_requested(str): the operator asked to replicate the community.
        fix_requested(str, object): a health issue's fix link was followed
            (the community's id, the :class:`~planner.health.Fix`).
        import_figures_requested(str): import figures from CSV (the community's id).
        export_figures_requested(str): export figures as CSV (the community's id).
        open_activity_requested(str): show a calendar item (the activity a
            fission plan plans; its id).
    """

    dirty_changed = Signal(bool)
    error = Signal(str)
    message = Signal(str)
    open_calendar_requested = Signal(str)
    open_templates_requested = Signal(str)
    open_template_requested = Signal(str)
    replicate_requested = Signal(str)
    fix_requested = Signal(str, object)
    import_figures_requested = Signal(str)
    export_figures_requested = Signal(str)
    open_activity_requested = Signal(str)

    def __init__(
        self,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._community: Community | None = None
        self._loading = False
        self._dirty = False
        self._errors = FieldErrors()
        self._confirm = confirm
        # Suggestions the operator put off: community id -> the progress then.
        self._not_now: dict[str, tuple[object, ...]] = {}
        self._build()
        self.set_session(session)

    # -- construction ------------------------------------------------------

    def _build(self) -> None:
        self.header_dot = QLabel()
        self.header_dot.setFixedSize(18, 18)
        self.header_name = QLabel()
        self.header_name.setProperty("role", "title")
        self.header_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header_meta = QLabel()
        self.header_meta.setProperty("role", "hint")
        self.stage_path = StagePath()

        self._form = CommunityForm(self._errors)
        self.profile = self._form
        form = self._form
        self.name = form.name
        self.platform = form.platform
        self.stage = form.stage
        self.owner = form.owner
        self.member_count = form.member_count
        self.color = form.color
        self.common_interest = form.common_interest
        self.value_to_members = form.value_to_members
        self.differentiation = form.differentiation
        self.built_around = form.built_around
        self.segment_basis = form.segment_basis
        self.segment = form.segment
        self.joining_principles = form.joining_principles
        self.management_norms = form.management_norms
        self.notes = form.notes
        self.delete_button = form.delete_button

        self.save_button = QPushButton(icon("device-floppy", "#ffffff"), self.tr("Save changes"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Save changes (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(icon("arrow-back-up"), self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Throw away the changes not yet saved"))
        self.revert_button.clicked.connect(self.revert)

        self.replicate_button = QPushButton(icon("copy"), self.tr("Replicate community…"))
        self.replicate_button.setToolTip(
            self.tr("Make a new group from this one: its structure, rhythm, templates, checklist")
        )
        self.replicate_button.clicked.connect(self._request_replicate)

        header_row = QHBoxLayout()
        header_row.setSpacing(SPACING)
        header_row.addWidget(self.header_dot, 0, Qt.AlignmentFlag.AlignVCenter)
        header_row.addWidget(self.header_name, 1)
        header_row.addWidget(self.revert_button)
        header_row.addWidget(self.save_button)

        self.suggestion = SuggestionBanner()
        self.suggestion.move_clicked.connect(self._accept_suggestion)
        self.suggestion.dismissed.connect(self._dismiss_suggestion)
        self.suggestion.hide()

        self.checklist = ChecklistPanel(confirm=lambda *args: self._confirm(*args))
        self.checklist.action_requested.connect(self.follow_action)
        self.checklist.error.connect(self.error)
        self.checklist.message.connect(self.message)
        self.template_links = TemplateLinks()
        self.template_links.error.connect(self.error)
        self.template_links.open_templates_requested.connect(
            lambda: self.open_templates_requested.emit(self.community_id)
        )
        self.template_links.open_template_requested.connect(self.open_template_requested)
        self.template_links.model.modelReset.connect(self._update_templates_tab)

        self.figures = FiguresPanel(confirm=lambda *args: self._confirm(*args))
        self.figures.error.connect(self.error)
        self.figures.message.connect(self.message)
        self.figures.import_requested.connect(
            lambda: self.import_figures_requested.emit(self.community_id)
        )
        self.figures.export_requested.connect(
            lambda: self.export_figures_requested.emit(self.community_id)
        )
        # The Charts and Fission tabs are built when first looked at: they are
        # the heaviest widgets of the page, and most visits never open them.
        self._charts: CommunityCharts | None = None
        self._fission: FissionPanel | None = None
        self._charts_tab = _LazyTab()
        self._fission_tab = _LazyTab()
        self.health = HealthPanel()
        self.health.fix_requested.connect(self.fix_requested)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.tabs.addTab(self.checklist, self.tr("Checklist"))
        self.tabs.addTab(self.template_links, self.tr("Templates"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.addTab(self._charts_tab, self.tr("Charts"))
        self.tabs.addTab(self._fission_tab, self.tr("Fission"))
        self.tabs.currentChanged.connect(self._build_shown_tab)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, 0)
        outer.setSpacing(SPACING)
        outer.addLayout(header_row)
        meta_row = QHBoxLayout()
        meta_row.setSpacing(SPACING)
        meta_row.addWidget(self.header_meta, 1)
        meta_row.addWidget(self.replicate_button)
        outer.addLayout(meta_row)
        outer.addWidget(self.stage_path)
        outer.addWidget(self.suggestion)
        outer.addWidget(self.health)
        outer.addWidget(self.tabs, 1)

        for widget in (self.name, self.owner, self.segment):
            widget.textEdited.connect(self._on_edited)
        for edit in (
            self.common_interest,
            self.value_to_members,
            self.differentiation,
            self.joining_principles,
            self.management_norms,
            self.notes,
        ):
            edit.textChanged.connect(self._on_edited)
        for combo in (self.platform, self.stage, self.built_around, self.segment_basis):
            combo.currentIndexChanged.connect(self._on_edited)
        self.member_count.valueChanged.connect(self._on_edited)
        self.color.color_changed.connect(self._on_edited)
        for field in self._errors.fields.values():
            field.installEventFilter(self)
            # A spin box's own line edit is what handles the keys.
            for child in field.findChildren(QLineEdit):
                child.installEventFilter(self)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject::eventFilter: saved fields leave Ctrl+Z to the window.

        A text field claims Undo/Redo for its own typing. Once the form is
        saved there is no typing left to undo, so the keys go to Edit > Undo,
        which undoes the saved change.
        """
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and not self._dirty
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Shift+Z")
            )
        ):
            return True
        return super().eventFilter(watched, event)

    # -- data --------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_workspace_changed)
        self._session = session
        if session is not None:
            session.changed.connect(self._on_workspace_changed)
        self._community = None
        self._not_now.clear()
        self.checklist.set_session(session)
        self.template_links.set_session(session)
        self.figures.set_session(session)
        for panel in (self._charts, self._fission):
            if panel is not None:
                panel.set_session(session)
        self.health.set_session(session)
        self.suggestion.hide()
        self._update_buttons()

    @property
    def community_id(self) -> str:
        return self._community.id if self._community else ""

    @property
    def dirty(self) -> bool:
        return self._dirty

    def show_community(self, community_id: str) -> None:
        """Load a community into the form (discarding unsaved edits: see leave())."""
        if self._session is None:
            return
        self._community = get_community(self._session.workspace, community_id)
        self._load(self._community)
        self.checklist.show_community(community_id)
        self.template_links.show_community(community_id)
        self.figures.show_community(community_id)
        for panel in (self._charts, self._fission):
            if panel is not None:
                panel.show_community(community_id)
        self.health.show_community(community_id)

    def _load(self, c: Community) -> None:
        self._loading = True
        try:
            self._form.load(c)
        finally:
            self._loading = False
        self._errors.show({})
        self._update_header(c)
        self._set_dirty(False)

    def _update_header(self, c: Community) -> None:
        self.header_name.setText(c.name)
        self.header_dot.setStyleSheet(f"background: {c.color}; border-radius: 9px;")
        self.header_meta.setText(
            self.tr("%1 · %2 · owner: %3")
            .replace("%1", platform_label(c.platform))
            .replace("%2", self._members_text(c))
            .replace("%3", c.owner or self.tr("nobody yet"))
        )
        self._update_progress(c)

    def _members_text(self, c: Community) -> str:
        """The profile's member count, and the newest figures' when they say otherwise."""
        text = members_text(c.member_count)
        if self._session is None:
            return text
        latest = latest_figures(self._session.workspace, c.id, date.max)
        if latest is None or latest.members is None or latest.members == c.member_count:
            return text
        return (
            self.tr("%1 (%2 in the figures of %3)")
            .replace("%1", text)
            .replace("%2", QLocale().toString(latest.members))
            .replace("%3", day_month_year(latest.day))
        )

    def _update_progress(self, c: Community) -> None:
        """The stage path's counts, the Checklist tab's, and the stage suggestion."""
        if self._session is None:
            return
        done = progress(self._session.workspace, c.id)
        self.stage_path.set_stage(c.stage, done)
        self._update_checklist_tab(done)
        suggestion = suggested_stage(c, done)
        if self._not_now.get(c.id, self._signature(c, done)) != self._signature(c, done):
            del self._not_now[c.id]  # progress changed since "Not now": ask again
        put_off = c.id in self._not_now
        # A read-only workspace cannot move the community on: nothing to suggest.
        if suggestion is None or c.deleted or put_off or self._session.read_only:
            self.suggestion.hide()
            return
        self.suggestion.suggest(c.name, c.stage, suggestion, True)
        self.suggestion.show()

    @staticmethod
    def _signature(c: Community, done: Progress) -> tuple[object, ...]:
        counts = tuple((s.value, p.done, p.total) for s, p in sorted(done.stages.items()))
        return (c.stage.value, counts)

    def _update_checklist_tab(self, done: Progress) -> None:
        checklist = self.tr("Checklist")
        if done.total:
            checklist += f"  {done.done}/{done.total}"
        self.tabs.setTabText(self.tabs.indexOf(self.checklist), checklist)

    def _update_templates_tab(self) -> None:
        links = self.template_links.model.rowCount()
        templates = self.tr("Templates")
        if links:
            templates += f" ({links})"
        self.tabs.setTabText(self.tabs.indexOf(self.template_links), templates)

    def form_values(self) -> dict[str, Any]:
        """What the form holds now, as community fields."""
        return self._form.values()

    def _changed_values(self) -> dict[str, Any]:
        if self._community is None:
            return {}
        saved = self._community.editable()
        return {k: v for k, v in self.form_values().items() if saved[k] != v}

    # -- editing -----------------------------------------------------------

    def _on_edited(self) -> None:
        if self._loading or self._community is None:
            return
        sender = self.sender()
        key = sender.objectName() if sender is not None else ""
        if key in self._errors.fields:
            self._errors.set(key, "")
        self._set_dirty(bool(self._changed_values()))

    def save(self) -> bool:
        """Save the form; returns False (and shows why on the fields) if it cannot."""
        if self._session is None or self._community is None:
            return True
        values = self._changed_values()
        if not values:
            self._set_dirty(False)
            return True
        try:
            self._session.run(update_community, self._community.id, values)
            # Show what was stored (trimmed text, for instance), which also
            # clears the dirty state when the edit changed nothing.
            self._community = get_community(self._session.workspace, self._community.id)
            self._load(self._community)
        except ValidationError as exc:
            self._errors.show({k: ui_text(v) for k, v in exc.fields.items()})
            widget = self.findChild(QWidget, next(iter(exc.fields)))
            if widget is not None:
                widget.setFocus()
            return False
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return False
        return True

    def revert(self) -> None:
        if self._community is not None:
            self._load(self._community)

    def leave(self) -> bool:
        """Before another community is shown: save valid edits; False if invalid."""
        if not self._dirty:
            return True
        return self.save()

    def _on_workspace_changed(self, change: object) -> None:
        if self._community is None or self._session is None or not isinstance(change, Change):
            return
        if self._community.id not in change.ids("communities"):
            if "checklist_items" in change.tables:
                self._update_progress(self._community)
            if METRICS_TABLE in change.tables:
                self._update_header(self._community)
            return
        try:
            fresh = get_community(self._session.workspace, self._community.id)
        except NotFound:
            return  # an undone creation removed the row; the window moves on
        self._community = fresh
        if fresh.deleted:
            return  # the window moves on to another page
        self._load(fresh)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self._session is not None and not self._session.read_only
        self.save_button.setEnabled(editable and self._dirty)
        self.revert_button.setEnabled(self._dirty)
        self.delete_button.setEnabled(editable and self._community is not None)
        self.replicate_button.setEnabled(editable and self._community is not None)
        for field in self._errors.fields.values():
            if isinstance(field, QLineEdit | QPlainTextEdit):
                field.setReadOnly(not editable)
            else:
                field.setEnabled(editable)

    def field_error(self, key: str) -> str:
        """The error shown on a field now ("" if none)."""
        return self._errors.message(key)

    # -- the checklist and the stage path -----------------------------------------

    def show_checklist_item(self, item_id: str) -> None:
        """Show the Checklist tab with the item selected and scrolled to."""
        self.tabs.setCurrentWidget(self.checklist)
        self.checklist.show_item(item_id)

    @property
    def charts(self) -> CommunityCharts:
        """The Charts tab's widget (built on first use)."""
        if self._charts is None:
            charts = CommunityCharts()
            charts.error.connect(self.error)
            charts.message.connect(self.message)
            self._charts = self._charts_tab.hold(charts)
            self._catch_up(charts)
        return self._charts

    @property
    def fission(self) -> FissionPanel:
        """The Fission tab's widget (built on first use)."""
        if self._fission is None:
            fission = FissionPanel(confirm=lambda *args: self._confirm(*args))
            fission.error.connect(self.error)
            fission.message.connect(self.message)
            fission.open_activity_requested.connect(self.open_activity_requested)
            self._fission = self._fission_tab.hold(fission)
            self._catch_up(fission)
        return self._fission

    def _catch_up(self, panel: CommunityCharts | FissionPanel) -> None:
        panel.set_session(self._session)
        if self._community is not None:
            panel.show_community(self._community.id)

    def _build_shown_tab(self, _index: int) -> None:
        shown = self.tabs.currentWidget()
        if shown is self._charts_tab:
            self.charts.setFocus(Qt.FocusReason.OtherFocusReason)
        elif shown is self._fission_tab:
            _ = self.fission

    def show_tab(self, name: str) -> None:
        """Show a tab by its key: profile, checklist, templates, figures, charts, fission."""
        widget = {
            "profile": self.profile,
            "checklist": self.checklist,
            "templates": self.template_links,
            "figures": self.figures,
            "charts": self._charts_tab,
            "fission": self._fission_tab,
        }[name]
        self.tabs.setCurrentWidget(widget)
        if widget is self.figures:
            self.figures.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_field(self, name: str) -> None:
        """Show the Profile tab with the field ``name`` (a community field) focused."""
        widget = self._errors.fields.get(name)
        if widget is None:
            return
        self.tabs.setCurrentWidget(self.profile)
        self.profile.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def follow_action(self, action: str) -> None:
        """Go where a checklist item gets done: a profile field, the calendar,
        the templates or the replicate wizard."""
        if action.startswith("community:"):
            self.focus_field(action.split(":", 1)[1])
        elif action == "calendar":
            self.open_calendar_requested.emit(self.community_id)
        elif action == "templates":
            self.open_templates_requested.emit(self.community_id)
        elif action == "replicate":
            self.replicate_requested.emit(self.community_id)

    def _request_replicate(self) -> None:
        if self._community is not None:
            self.replicate_requested.emit(self._community.id)

    def _accept_suggestion(self) -> None:
        c = self._community
        if c is None or self._session is None or self._session.read_only:
            return
        following = next_stage(c.stage)
        if following is None or not self.leave():
            return  # invalid typing stays on screen, marked
        try:
            self._session.run(move_to_stage, c.id, following)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return
        # The banner is gone with the button that had the focus: show the new
        # stage's checklist, and keep the keyboard there when the checklist is shown.
        on_checklist = self.tabs.currentWidget() is self.checklist
        self.checklist.show_stage(following, focus=on_checklist)
        if not on_checklist:
            self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _dismiss_suggestion(self) -> None:
        c = self._community
        if c is None or self._session is None:
            return
        self._not_now[c.id] = self._signature(c, progress(self._session.workspace, c.id))
        self.suggestion.hide()
