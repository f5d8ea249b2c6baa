"""The calendar page: month, week and agenda views with navigation and filters.

The page owns the flow of every calendar edit: it asks which occurrences an
edit of a series applies to, runs the core operation through the session
(one undoable step) and refreshes from what changed. The checklist items due
in the visible days show too (fetched by range, like occurrences); they open
in their community's checklist and can be ticked from their context menu.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import (
    TYPES_BY_KIND,
    CalendarFilter,
    EditScope,
    ItemKind,
    Occurrence,
    Status,
    create_item,
    data_token,
    delete_occurrence,
    local_timezone,
    move_occurrence,
    occurrences_between,
    owners,
    prefetch,
    update_occurrence,
    week_start,
)
from planner.checklist_due import DueItem, due_between
from planner.checklists import set_done
from planner.communities import Community, list_communities
from planner.errors import PlannerError, ValidationError
from planner.history import Change
from planner.settings import Settings
from planner.ui.agenda_view import AgendaView
from planner.ui.due_marks import due_menu
from planner.ui.item_editor import ItemEditor
from planner.ui.labels import item_type_label, kind_label, status_label
from planner.ui.locale_text import day_month, day_month_year, month_year, ui_language, ui_text
from planner.ui.month_view import MonthModel, MonthView
from planner.ui.quick_add import QuickAddDialog
from planner.ui.scope_dialog import ask_scope
from planner.ui.session import Session
from planner.ui.theme import SPACING, arrow_button, icon
from planner.ui.week_view import WeekView

AGENDA_DAYS = 14
# After showing a range, the page reads the next one (in the direction last
# stepped), then the previous one, each this long after the last refresh or
# prefetch, so a step at a normal pace finds its range read already.
PREFETCH_DELAY_MS = 40
FILTER_KEYS = ("communities", "item_types", "statuses", "owners")

AskScope = Callable[[QWidget, str], EditScope | None]
Confirm = Callable[[QWidget, str, str, str], bool]


# How far back the agenda looks for checklist items still open past their date.
OVERDUE_DAYS = 366


class CalendarMode(StrEnum):
    MONTH = "month"
    WEEK = "week"
    AGENDA = "agenda"


def _dt(day: date) -> datetime:
    return datetime.combine(day, time())


class CalendarPage(QWidget):
    """Month / week / agenda of the open workspace.

    Signals:
        error(str): something to show the user in an error box.
        message(str): a short note for the status bar.
        poster_requested(tuple, str): "Make poster" for an occurrence: its key
            (Occurrence.key) and its community's id.
        checklist_item_activated(str, str): a due checklist item was opened:
            its community's id and its own id.
    """

    error = Signal(str)
    message = Signal(str)
    poster_requested = Signal(object, str)
    checklist_item_activated = Signal(str, str)

    def __init__(
        self,
        settings: Settings,
        *,
        confirm: Confirm,
        choose_scope: AskScope = ask_scope,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.confirm = confirm
        self.choose_scope = choose_scope
        self.session: Session | None = None
        self.anchor = date.today()
        # The day the user is on: the anchor, or a day picked in the month grid.
        self.focus_day = self.anchor
        self.today = date.today()
        self.occurrences: list[Occurrence] = []
        self.due: list[DueItem] = []  # checklist items due in the visible days
        self.overdue: list[DueItem] = []  # open ones due before them (agenda only)
        self._shown_range: tuple[date, date] | None = None  # what occurrences cover
        self._stale = ""  # "all" or "due": what changed while the page was hidden
        self._communities: list[Community] = []
        self._communities_token: tuple[int, int] | None = None  # data_token they were read at
        self._filter = CalendarFilter()  # the filter of the last refresh
        # Ranges to read ahead (see PREFETCH_DELAY_MS); off: every step reads.
        self.prefetch_enabled = True
        self._last_direction = 1
        self._prefetch_queue: list[tuple[date, date]] = []
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self._prefetch_next)
        try:
            self.mode = CalendarMode(settings.get("calendar_mode"))
        except ValueError:
            self.mode = CalendarMode.MONTH
        # What each filter hides (communities, types, statuses, owners), for the
        # open workspace; hiding rather than showing lets new values appear.
        self.hidden: dict[str, list[str]] = {}
        self._build()

    # -- construction ------------------------------------------------------

    def _build(self) -> None:
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Ctrl+T)"))
        self.today_button.clicked.connect(self.go_today)
        self.prev_button = arrow_button("‹", self.tr("Previous (Alt+Left)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = arrow_button("›", self.tr("Next (Alt+Right)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setMinimumWidth(120)
        # Let the title give way (it elides) rather than push the buttons out.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(QDate(1900, 1, 1), QDate(9998, 12, 31))
        self.date_edit.setToolTip(self.tr("Go to a date (Ctrl+G)"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self._on_date_edited)

        self.mode_buttons = QButtonGroup(self)
        modes = QHBoxLayout()
        modes.setSpacing(0)
        labels = {
            CalendarMode.MONTH: self.tr("Month"),
            CalendarMode.WEEK: self.tr("Week"),
            CalendarMode.AGENDA: self.tr("Agenda"),
        }
        self._mode_button: dict[CalendarMode, QPushButton] = {}
        for n, mode in enumerate(CalendarMode):
            button = QPushButton(labels[mode])
            button.setCheckable(True)
            button.setToolTip(
                self.tr("%1 (Ctrl+%2)").replace("%1", labels[mode]).replace("%2", str(n + 1))
            )
            button.clicked.connect(lambda _c=False, m=mode: self.set_mode(m))
            self.mode_buttons.addButton(button)
            self._mode_button[mode] = button
            modes.addWidget(button)

        self.filter_button = QToolButton()
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_menu = QMenu(self)
        self.filter_menu.aboutToShow.connect(self._fill_filter_menu)
        self.filter_button.setMenu(self.filter_menu)
        self.new_button = QPushButton(icon("plus", "#ffffff"), self.tr("New item"))
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(self.tr("Add content or an activity (Ctrl+I)"))
        self.new_button.clicked.connect(self.new_item)

        bar = QHBoxLayout()
        bar.setSpacing(SPACING)
        bar.addWidget(self.today_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.date_edit)
        bar.addLayout(modes)
        bar.addWidget(self.filter_button)
        bar.addWidget(self.new_button)

        self.month = MonthView()
        self.week = WeekView()
        self.agenda = AgendaView()
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        for view in (self.month, self.week, self.agenda):
            self.stack.addWidget(view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        layout.setSpacing(SPACING)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        for view in (self.month, self.week, self.agenda):
            view.open_requested.connect(self.open_occurrence)
            view.delete_requested.connect(self.delete)
            view.due_activated.connect(self.open_due)
            view.due_menu_requested.connect(self.show_due_menu)
        self.month.create_requested.connect(
            lambda day: self.quick_add(
                _dt(day) + timedelta(hours=9), _dt(day) + timedelta(hours=10), False
            )
        )
        self.agenda.create_requested.connect(
            lambda day: self.quick_add(
                _dt(day) + timedelta(hours=9), _dt(day) + timedelta(hours=10), False
            )
        )
        self.week.create_requested.connect(self.quick_add)
        self.month.day_changed.connect(self._on_day_changed)
        self.week.move_requested.connect(self.drag_to)

        self._update_filter_button()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent: re-elide the title."""
        super().resizeEvent(event)
        self._elide_title()

    def _elide_title(self) -> None:
        full = self.title.toolTip()
        width = max(self.title.width(), 40)
        self.title.setText(
            self.title.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, width)
        )

    # -- session -------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        # Dialogs about the previous workspace must not outlive it.
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        if self.session is not None:
            self.session.changed.disconnect(self._on_changed)
        self.session = session
        self.hidden = {}
        self._stale = ""
        self._shown_range = None
        self._communities_token = None
        self._prefetch_queue = []
        self._prefetch_timer.stop()
        if session is not None:
            session.changed.connect(self._on_changed)
            saved = self.settings.get("calendar_filters").get(self._filter_key(), {})
            if isinstance(saved, dict):
                self.hidden = {
                    k: [str(v) for v in values]
                    for k, values in saved.items()
                    if k in FILTER_KEYS and isinstance(values, list) and values
                }
        self._update_filter_button()
        self.refresh()

    def _filter_key(self) -> str:
        """Filters are remembered per workspace file."""
        return str(self.session.workspace.path.resolve()) if self.session else ""

    def _on_changed(self, change: Change) -> None:
        tables = change.tables
        if not tables & {"calendar_items", "communities", "checklist_items"}:
            return
        only_checklists = not tables & {"calendar_items", "communities"}
        if not self.isVisible():
            # Behind another page (ticking items on a community's checklist):
            # catch up when shown, not on every change.
            self._stale = (self._stale or "due") if only_checklists else "all"
            return
        self.refresh(occurrences=not only_checklists)

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent: catch up with changes made while hidden."""
        super().showEvent(event)
        if self._stale:
            stale, self._stale = self._stale, ""
            self.refresh(occurrences=stale == "all")

    # -- navigation ------------------------------------------------------------

    def set_mode(self, mode: CalendarMode) -> None:
        self.mode = mode
        self.settings.set("calendar_mode", mode.value)
        self.anchor = self.focus_day  # a day picked in the month opens its week
        self.refresh()

    def go_today(self) -> None:
        self.today = date.today()
        self.go_to(self.today)

    def go_to(self, day: date) -> None:
        self.anchor = self.focus_day = min(max(day, date(1900, 1, 1)), date(9998, 12, 31))
        self.refresh()

    def step(self, direction: int) -> None:
        """Move one month, week or agenda page forwards (1) or back (-1)."""
        self._last_direction = 1 if direction >= 0 else -1
        self.go_to(self._stepped(self.anchor, direction))

    def _stepped(self, anchor: date, direction: int) -> date:
        """Where :meth:`step` goes from ``anchor``."""
        if self.mode is CalendarMode.MONTH:
            index = anchor.month - 1 + direction
            return date(anchor.year + index // 12, index % 12 + 1, 1)
        if self.mode is CalendarMode.WEEK:
            return anchor + timedelta(weeks=direction)
        return anchor + timedelta(days=AGENDA_DAYS * direction)

    def _on_day_changed(self, day: date) -> None:
        self.focus_day = day

    def visible_range(self) -> tuple[date, date]:
        """The first day shown and the day after the last."""
        return self._range_at(self.anchor)

    def _range_at(self, anchor: date) -> tuple[date, date]:
        """The first day shown and the day after the last, with ``anchor`` as anchor."""
        if self.mode is CalendarMode.MONTH:
            first = MonthModel.grid_start(anchor)
            return first, first + timedelta(weeks=MonthModel.WEEKS)
        if self.mode is CalendarMode.WEEK:
            monday = week_start(anchor)
            return monday, monday + timedelta(days=7)
        return anchor, anchor + timedelta(days=AGENDA_DAYS)

    def focus_date(self) -> None:
        self.date_edit.setFocus()
        self.date_edit.selectAll()

    def _on_date_edited(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day())
        if day != self.anchor:
            self.go_to(day)

    # -- data ------------------------------------------------------------------

    def _universe(self, key: str) -> set[str]:
        """Every value a filter can take now."""
        if key == "communities":
            return {c.id for c in self._communities}
        if key == "item_types":
            return {t for kind in ItemKind for t in TYPES_BY_KIND[kind]}
        if key == "statuses":
            return {s.value for s in Status}
        return set(owners(self.session.workspace)) | {""} if self.session else {""}

    def current_filter(self) -> CalendarFilter:
        def shown(key: str) -> frozenset[str] | None:
            hidden = self.hidden.get(key)
            return frozenset(self._universe(key) - set(hidden)) if hidden else None

        return CalendarFilter(
            community_ids=shown("communities"),
            item_types=shown("item_types"),
            statuses=shown("statuses"),
            owners=shown("owners"),
        )

    def refresh(self, *, occurrences: bool = True) -> None:
        """Query the visible range and show it in the current view.

        With ``occurrences`` False only the due checklist items are read again
        (a tick changes nothing else the calendar shows).
        """
        for mode, button in self._mode_button.items():
            button.setChecked(mode is self.mode)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.anchor.year, self.anchor.month, self.anchor.day))
        self.date_edit.blockSignals(False)
        self.title.setToolTip(self._title())
        self._elide_title()
        session = self.session
        writable = session is not None and not session.read_only
        self.new_button.setEnabled(writable)
        if session is None:
            self.occurrences = []
            self.due = []
            self.overdue = []
            self._shown_range = None
            self._communities = []
        else:
            first, last = self.visible_range()
            if occurrences or self._shown_range != (first, last):
                token = data_token(session.workspace)
                if token is None or token != self._communities_token:
                    self._communities = list_communities(session.workspace)
                    self._communities_token = token
                self._filter = self.current_filter()
                # Partial: the rest of an item's fields load when it is opened.
                self.occurrences = occurrences_between(
                    session.workspace, _dt(first), _dt(last), self._filter, partial=True
                )
                self._shown_range = (first, last)
            self.due = self._due_between(first, last)
            self.overdue = self._overdue() if self.mode is CalendarMode.AGENDA else []
            self._schedule_prefetch()
        colors = {c.id: c.color for c in self._communities}
        names = {c.id: c.name for c in self._communities}
        if self.mode is CalendarMode.MONTH:
            self.month.set_month(
                self.anchor,
                self.occurrences,
                colors,
                self.today,
                self.focus_day,
                due=self.due,
                names=names,
            )
            self.stack.setCurrentWidget(self.month)
        elif self.mode is CalendarMode.WEEK:
            self.week.set_week(
                week_start(self.anchor),
                self.occurrences,
                colors,
                self.today,
                due=self.due,
                names=names,
            )
            self.stack.setCurrentWidget(self.week)
        else:
            self.agenda.set_days(
                self.occurrences, names, colors, self.today, self.due, self.overdue
            )
            self.stack.setCurrentWidget(self.agenda)
        self._update_empty()

    # -- reading ahead -------------------------------------------------------------

    def _schedule_prefetch(self) -> None:
        """Read the neighbouring ranges soon, the one in the last step's direction first."""
        self._prefetch_timer.stop()
        self._prefetch_queue = []
        if not self.prefetch_enabled or self.session is None:
            return
        self._prefetch_queue = [
            self._range_at(self._stepped(self.anchor, direction))
            for direction in (self._last_direction, -self._last_direction)
        ]
        self._prefetch_timer.start()

    def prefetch_pending(self) -> bool:
        """Whether ranges are still to be read ahead."""
        return bool(self._prefetch_queue)

    def _prefetch_next(self) -> None:
        """Read one neighbouring range (occurrences and due items) into the caches."""
        session = self.session
        if session is None or session.closed or not self._prefetch_queue:
            self._prefetch_queue = []
            return
        first, last = self._prefetch_queue.pop(0)
        try:
            prefetch(session.workspace, _dt(first), _dt(last), self._filter, partial=True)
            due_between(session.workspace, first, last - timedelta(days=1), ui_language())
        except (PlannerError, sqlite3.Error):
            # Reading ahead is only a guess: the step itself reads (and reports).
            self._prefetch_queue = []
            return
        if self._prefetch_queue:
            self._prefetch_timer.start()

    def _overdue(self) -> list[DueItem]:
        """Open checklist items due before the agenda's first day, when it shows
        today: they are still to do, so the agenda lists them under today."""
        first, last = self.visible_range()
        if self.session is None or not first <= self.today < last:
            return []
        since = self.today - timedelta(days=OVERDUE_DAYS)
        return [d for d in self._due_between(since, first) if not d.done]

    def _due_between(self, first: date, last: date) -> list[DueItem]:
        """Checklist items due from ``first`` to the day before ``last`` that the
        filters show: their community and assignee (as an owner) must be shown,
        and a hidden "done" status hides the ticked ones."""
        if self.session is None:
            return []
        hidden = {key: set(self.hidden.get(key, [])) for key in FILTER_KEYS}
        return [
            due
            for due in due_between(
                self.session.workspace, first, last - timedelta(days=1), ui_language()
            )
            if due.community_id not in hidden["communities"]
            and due.assignee not in hidden["owners"]
            and not (due.done and Status.DONE.value in hidden["statuses"])
        ]

    def _update_empty(self) -> None:
        if self.occurrences or self.due or self.overdue or self.session is None:
            self.empty.hide()
            return
        if any(self.hidden.get(k) for k in FILTER_KEYS):
            text = self.tr(
                "Nothing here matches the filters. Change them with Filter, "
                "or choose Show everything."
            )
        else:
            text = self.tr(
                "Nothing planned here yet. Double-click a day (or press Enter) to "
                "add content or an activity, or use New item."
            )
        self.empty.setText(text)
        self.empty.show()

    def _title(self) -> str:
        first, last = self.visible_range()
        if self.mode is CalendarMode.MONTH:
            return month_year(self.anchor)
        end = last - timedelta(days=1)
        # The week view's corner shows the week number. Chinese puts the year
        # first and leaves out what repeats ("2026年11月23日–29日"), English
        # puts it last ("23 Nov – 29 Nov 2026").
        if ui_language() == "zh":
            if first.year != end.year:
                return f"{day_month_year(first)}–{day_month_year(end)}"
            if first.month != end.month:
                return f"{day_month_year(first)}–{day_month(end)}"
            return f"{day_month_year(first)}–{end.day}日"
        return f"{day_month(first)} – {day_month_year(end)}"

    # -- filters -----------------------------------------------------------------

    def _fill_filter_menu(self) -> None:
        menu = self.filter_menu
        menu.clear()
        show_all = menu.addAction(self.tr("Show everything"))
        show_all.triggered.connect(self.clear_filters)
        options: list[tuple[str, list[tuple[str, str]]]] = [
            (self.tr("Communities"), [(c.id, c.name) for c in self._communities]),
            (
                self.tr("Types"),
                [
                    (t, f"{kind_label(kind)} · {item_type_label(t)}")
                    for kind in ItemKind
                    for t in TYPES_BY_KIND[kind]
                ],
            ),
            (self.tr("Status"), [(s.value, status_label(s)) for s in Status]),
            (
                self.tr("Owner"),
                [(o, o) for o in (owners(self.session.workspace) if self.session else [])],
            ),
        ]
        for key, (title, values) in zip(FILTER_KEYS, options, strict=True):
            sub = menu.addMenu(title)
            hidden = set(self.hidden.get(key, []))
            for value, label in values:
                action = sub.addAction(label)
                action.setCheckable(True)
                action.setChecked(value not in hidden)
                action.toggled.connect(lambda on, k=key, v=value: self.toggle_filter(k, v, on))

    def toggle_filter(self, key: str, value: str, shown: bool) -> None:
        """Show or hide one value of a filter."""
        hidden = set(self.hidden.get(key, []))
        if shown:
            hidden.discard(value)
        else:
            hidden.add(value)
        if hidden:
            self.hidden[key] = sorted(hidden)
        else:
            self.hidden.pop(key, None)
        self._save_filters()

    def clear_filters(self) -> None:
        self.hidden = {}
        self._save_filters()

    def _save_filters(self) -> None:
        if self.session is not None:
            remembered = self.settings.get("calendar_filters")
            if self.hidden:
                remembered[self._filter_key()] = dict(self.hidden)
            else:
                remembered.pop(self._filter_key(), None)
            self.settings.set("calendar_filters", remembered)
        self._update_filter_button()
        self.refresh()

    def _update_filter_button(self) -> None:
        active = sum(1 for k in FILTER_KEYS if self.hidden.get(k))
        self.filter_button.setText(
            self.tr("Filter (%1)").replace("%1", str(active)) if active else self.tr("Filter")
        )
        self.filter_button.setIcon(icon("search"))

    # -- checklist items due ---------------------------------------------------------

    def open_due(self, due: DueItem) -> None:
        """Open a due item in its community's checklist (the main window does that)."""
        self.checklist_item_activated.emit(due.community_id, due.item_id)

    def show_due_menu(self, due: DueItem, pos: QPoint) -> None:
        """A due item's context menu at ``pos`` (global): open it, tick or untick it."""
        menu = due_menu(
            self,
            due,
            writable=self._writable(),
            on_open=lambda: self.open_due(due),
            on_done=lambda done: self.set_due_done(due, done),
        )
        menu.popup(pos)

    def set_due_done(self, due: DueItem, done: bool) -> None:
        """Tick (today) or untick a due item: one undoable edit."""
        if not self._writable():
            return
        if self._run(set_done, due.item_id, done, date.today() if done else None) is not None:
            text = self.tr("Ticked “%1”.") if done else self.tr("Unticked “%1”.")
            self.message.emit(text.replace("%1", due.title))

    # -- editing -----------------------------------------------------------------

    def _run(self, operation: Callable[..., Any], *args: Any) -> Any:
        if self.session is None:
            return None
        try:
            return self.session.run(operation, *args)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))  # a Signal(str) drops a Text
            return None

    def _writable(self) -> bool:
        return self.session is not None and not self.session.read_only

    def _scope(self, occ: Occurrence, action: str) -> EditScope | None:
        """The scope for an edit: asked for a series, ALL for a one-off item."""
        if not occ.is_recurring:
            return EditScope.ALL
        return self.choose_scope(self, action)

    def new_item(self) -> None:
        """The full editor for a new item, at the next full hour of the shown day."""
        now = datetime.now()
        start = datetime.combine(self.focus_day, time(now.hour + 1 if now.hour < 22 else 9))
        self.open_editor(self._defaults(start, start + timedelta(hours=1), False), None)

    def _defaults(self, start: datetime, end: datetime, all_day: bool) -> dict[str, Any]:
        hidden = set(self.hidden.get("communities", []))
        shown = [c.id for c in self._communities if c.id not in hidden]
        community = (shown or [c.id for c in self._communities] or [""])[0]
        return {
            "community_id": community,
            "kind": ItemKind.CONTENT.value,
            "item_type": "other",
            "title": "",
            "all_day": all_day,
            "start": start,
            "end": end,
            "tz": local_timezone(),
            "status": Status.PLANNED.value,
            "owner": "",
            "description": "",
            "speaker": "",
            "location": "",
            "recurrence": None,
        }

    def quick_add(self, start: datetime, end: datetime, all_day: bool) -> None:
        """A quick-add in an empty slot: title, community and type; More opens the editor."""
        if not self._writable() or self.session is None:
            return
        dialog = QuickAddDialog(
            self.session,
            self._defaults(start, end, all_day),
            communities=self._communities,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._after_quick_add(dialog, result))
        dialog.open()

    def _after_quick_add(self, dialog: QuickAddDialog, result: int) -> None:
        if result == QuickAddDialog.MORE_OPTIONS:
            self.open_editor(dialog.values(), None)
        elif result:
            self._run(create_item, dialog.values())

    def open_occurrence(self, occ: Occurrence) -> None:
        self.open_editor(occ.values(), occ)

    def open_editor(self, values: dict[str, Any], occ: Occurrence | None) -> ItemEditor | None:
        if self.session is None:
            return None
        editor = ItemEditor(
            self.session, values, communities=self._communities, new=occ is None, parent=self
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.session.read_only:
            # Look, but not change: Cancel (and Esc) still close the dialog.
            editor.save_button.setEnabled(False)
            editor.delete_button.setEnabled(False)
        # Saving happens inside the dialog, so a refusal keeps it open with the typing.
        editor.commit = lambda new_values: self._save(editor, occ, new_values)
        if occ is not None:
            editor.delete_handler = lambda: self.delete(occ)
            poster = editor.buttons.addButton(
                self.tr("Make poster"), QDialogButtonBox.ButtonRole.ActionRole
            )
            poster.setIcon(icon("sparkles"))
            poster.setToolTip(self.tr("A poster for this item, in the template editor"))
            poster.setAutoDefault(False)
            poster.clicked.connect(lambda _c=False: self._make_poster(editor, occ))
        editor.open()
        return editor

    def _make_poster(self, editor: ItemEditor, occ: Occurrence) -> None:
        """Save the editor's changes (a refusal keeps it open), then ask for a poster."""
        if self.session is not None and self.session.read_only:
            editor.reject()
        else:
            editor.accept()
        if editor.isHidden():
            self.poster_requested.emit(occ.key, occ.item.community_id)

    def _save(self, editor: ItemEditor, occ: Occurrence | None, values: dict[str, Any]) -> bool:
        """Save the editor's values (asking the scope for a series); True when saved."""
        if self.session is None:
            return False
        if occ is None:
            operation: Callable[..., Any] = create_item
            args: tuple[Any, ...] = (values,)
        else:
            before = occ.values()
            changes = {k: v for k, v in values.items() if before.get(k) != v}
            if not changes:
                return True
            scope = self._scope(occ, "edit")
            if scope is None:
                return False
            operation, args = update_occurrence, (occ, changes, scope)
        try:
            self.session.run(operation, *args)
        except ValidationError as exc:
            editor.show_errors(exc.fields)
            return False
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))  # a Signal(str) drops a Text
            return False
        return True

    def drag_to(self, occ: Occurrence, start: datetime, end: datetime) -> None:
        """A drag in the week view: move or resize, asking the scope for a series."""
        if not self._writable():
            self.refresh()
            return
        scope = self._scope(occ, "move")
        if scope is None or self._run(move_occurrence, occ, start, end, scope) is None:
            self.refresh()  # put the chip back where it was

    def delete(self, occ: Occurrence) -> bool:
        """Delete an occurrence (asking which ones for a series); True when deleted."""
        if not self._writable():
            return False
        if occ.is_recurring:
            scope = self.choose_scope(self, "delete")
            if scope is None:
                return False
        else:
            scope = EditScope.ALL
            if not self.confirm(
                self,
                self.tr("Delete item"),
                self.tr("Delete “%1”? You can undo this with Ctrl+Z.").replace(
                    "%1", occ.item.title
                ),
                self.tr("Delete"),
            ):
                return False
        if self._run(delete_occurrence, occ, scope) is None:
            return False
        self.message.emit(self.tr("Deleted “%1”.").replace("%1", occ.item.title))
        return True
