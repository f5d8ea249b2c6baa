"""The overview: every community on one page, where it stands and what is next.

At the top, whether each group is alive: a chart comparing the communities
(weekly retention, members, net growth) beside the health issues of all of
them, each with its rule and a link to fix it.

Each row reads like a dashboard card: the community with its stage (and
“Ready for Output” when its stage's checklist is done), its checklist
progress, the next three due items and what is overdue. Clicking an item
opens it on its community's checklist; double-click (or Enter) on a row opens
the community.

On a large workspace the rows, the chart and the health cards are read off
the GUI thread and filled in over a few event-loop turns (see
:mod:`planner.ui.paced`), so the page paints at once; :attr:`OverviewPage.busy`
says it is still filling.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.checklist_due import OverviewRow
from planner.history import Change
from planner.settings import Settings
from planner.ui.comparison_chart import ComparisonChart
from planner.ui.health_panel import HealthPanel
from planner.ui.overview_model import OverviewModel, Role, SortOrder, sort_label
from planner.ui.overview_view import OverviewView
from planner.ui.session import Session
from planner.ui.theme import MARGIN, SPACING

# Tables whose changes show on the overview.
WATCHED = {"communities", "checklist_items"}


class OverviewPage(QWidget):
    """Every live community with its stage, progress, next due and overdue items.

    Signals:
        community_activated(str): open this community's page.
        checklist_item_activated(str, str): open this item (community id,
            item id) on its community's checklist.
        fix_requested(str, object): a health issue's fix link was followed
            (the community's id, the :class:`~planner.health.Fix`).
    """

    community_activated = Signal(str)
    checklist_item_activated = Signal(str, str)
    fix_requested = Signal(str, object)

    def __init__(
        self,
        settings: Settings | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._today = today
        self.session: Session | None = None
        self._stale = False
        self.model = OverviewModel(today=today())

        self.title = QLabel(self.tr("Overview"))
        self.title.setProperty("role", "title")
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        self.sort = QComboBox()
        for order in SortOrder:
            self.sort.addItem(sort_label(order), order.value)
        if settings is not None:
            saved = self.sort.findData(settings.get("overview_sort"))
            if saved >= 0:
                self.sort.setCurrentIndex(saved)
                self.model.set_order(SortOrder(self.sort.currentData()))
        self.sort.currentIndexChanged.connect(self._on_sort)
        sort_label_widget = QLabel(self.tr("&Sort by"))
        sort_label_widget.setBuddy(self.sort)

        self.view = OverviewView()
        self.view.setModel(self.model)
        self.view.community_activated.connect(self.community_activated)
        self.view.item_activated.connect(self.checklist_item_activated)
        self.empty = QLabel(
            self.tr(
                "No communities yet. Create one with Community ▸ New community…: each "
                "gets a checklist for the path build → structure → output → operate → "
                "replicate, and shows here with its progress and what is due."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.health = HealthPanel(every_community=True, today=today)
        self.health.fix_requested.connect(self.fix_requested)
        self.comparison = ComparisonChart(today=today)
        self.pulse = QSplitter(Qt.Orientation.Horizontal)
        self.pulse.addWidget(self.comparison)
        self.pulse.addWidget(self.health)
        self.pulse.setStretchFactor(0, 3)
        self.pulse.setStretchFactor(1, 2)
        self.pulse.setChildrenCollapsible(False)
        self.pulse.setSizes([580, 380])
        # Below these the chart's axes and the cards' text stop being readable.
        self.comparison.setMinimumWidth(380)
        self.health.setMinimumWidth(280)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.pulse)
        self.split.addWidget(self.stack)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        self.hint = QLabel(
            self.tr(
                "Click an item (or press the Menu key) to open it on its checklist; "
                "double-click a community (or press Enter) to open its page."
            )
        )
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.summary)
        top.addLayout(heading, 1)
        top.addWidget(sort_label_widget, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.sort, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, SPACING)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.hint)

        # The date can change while the app is open (past midnight): check now and then.
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self.check_date)
        self.clock.timeout.connect(self.comparison.check_date)
        self.clock.start()
        self._current = ""
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

    def set_session(self, session: Session | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self._on_changed)
        self.session = session
        if session is not None:
            session.changed.connect(self._on_changed)
        # A hidden page reads the new workspace when it is shown.
        visible = self.isVisible()
        self.model.set_session(session, load=visible)
        self.health.set_session(session)
        self.comparison.set_session(session)
        self._stale = not visible
        self._show_state()

    @property
    def busy(self) -> bool:
        """The rows, the chart or the health cards are still being read or built."""
        return self.model.loading or self.health.busy or self.comparison.busy

    def refresh(self) -> None:
        """Ask the core again (as of today), keeping the current community."""
        self._stale = False
        self.model.reload(self._today())
        if self.model.loading:
            self._show_state()  # the rows are on their way: no "No communities yet"

    def check_date(self) -> None:
        """Refresh when the day has changed since the last look."""
        if self._today() != self.model.today:
            self._refresh_when_visible()

    def _on_changed(self, change: Change) -> None:
        if change.tables & WATCHED:
            self._refresh_when_visible()

    def _refresh_when_visible(self) -> None:
        # A hidden page refreshes when it is shown: no queries nobody looks at.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent: catch up on changes made while hidden."""
        super().showEvent(event)
        if self._stale or self._today() != self.model.today:
            self.refresh()

    def _on_sort(self, _index: int) -> None:
        self.model.set_order(SortOrder(self.sort.currentData()))
        if self._settings is not None:
            self._settings.set("overview_sort", self.sort.currentData())

    def select(self, community_id: str) -> None:
        row = self.model.row_of(community_id)
        if row >= 0:
            self.view.selectRow(row)

    def current_id(self) -> str:
        index = self.view.currentIndex()
        return str(index.data(Role.ID)) if index.isValid() else ""

    def _before_reset(self) -> None:
        self._current = self.current_id()

    def _after_reset(self) -> None:
        self._show_state()
        if self._current:
            self.select(self._current)

    def _show_state(self) -> None:
        rows = self.model.rows()
        filled = bool(rows) or self.model.loading
        self.stack.setCurrentWidget(self.view if filled else self.empty)
        self.hint.setVisible(filled)
        self.summary.setText(self._summary(rows))

    def _summary(self, rows: list[OverviewRow]) -> str:
        if not rows:
            return ""
        parts = [self.tr("1 community") if len(rows) == 1 else self.tr("%1 communities")]
        parts[0] = parts[0].replace("%1", str(len(rows)))
        overdue = sum(len(r.overdue) for r in rows)
        late_groups = sum(1 for r in rows if r.overdue)
        if overdue:
            parts.append(
                self.tr("%1 overdue items in %2 of them")
                .replace("%1", str(overdue))
                .replace("%2", str(late_groups))
                if overdue > 1
                else self.tr("1 overdue item")
            )
        else:
            parts.append(self.tr("nothing overdue"))
        ready = sum(1 for r in rows if r.suggestion is not None)
        if ready:
            parts.append(
                self.tr("1 ready for its next stage")
                if ready == 1
                else self.tr("%1 ready for their next stage").replace("%1", str(ready))
            )
        return " · ".join(parts)
