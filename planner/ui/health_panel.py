"""Health checks on screen: what is wrong with a community, the rule, and a link to fix it.

:class:`HealthPanel` lists :class:`~planner.health.HealthIssue` cards: the
title (red for an alert, amber for a warning), what was found, the rule in
small print, and a link that goes where the fix is made (the activity on the
calendar, a new content item, the Figures tab, the checklist, the templates).
On the community page it shows one community's issues; on the overview,
every community's, each card naming its community. The panel asks the core
again when a change touches what the rules read, and when the day changes.

On a large workspace (:func:`planner.ui.paced.is_large`) the overview's panel
checks every community off the GUI thread, and builds its cards
:data:`CARDS_PER_TURN` at a time, one batch per event-loop turn, so that the
window keeps painting; :attr:`HealthPanel.busy` says it is not done yet.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.communities import list_communities
from planner.errors import NotFound
from planner.health import FixKind, HealthIssue, check_all, check_community
from planner.history import Change
from planner.ui.import_mapping_model import clauses_text
from planner.ui.locale_text import ui_text
from planner.ui.paced import Reader, Steps, is_large
from planner.ui.session import Session
from planner.ui.theme import SPACING, icon, small_font
from planner.workspace import Workspace

# Tables the rules read: a change to any of them may raise or clear an issue.
WATCHED = frozenset(
    {
        "communities",
        "calendar_items",
        "checklist_items",
        "community_metrics",
        "community_templates",
        "templates",
    }
)
# The most a community page gives its health cards before they scroll.
COMPACT_HEIGHT = 200
# Cards built in one event-loop turn on a large workspace's overview (a small one: all at once).
CARDS_PER_TURN = 4
ALERT_COLOR = "#d93025"
WARNING_COLOR = "#e37400"
# The cards' look, set once on the list (a style sheet per card costs every card
# a style of its own).
CARD_STYLE = (
    "QFrame#healthCard { border: 1px solid palette(mid); border-radius: 4px;"
    " background: palette(base); }"
    f'QFrame#healthCard[severity="alert"] {{ border-left: 4px solid {ALERT_COLOR}; }}'
    f'QFrame#healthCard[severity="warning"] {{ border-left: 4px solid {WARNING_COLOR}; }}'
    "QPushButton#healthFix { color: palette(link); text-align: left; padding: 2px 0;"
    " border: none; }"
    "QPushButton#healthFix:focus { text-decoration: underline; }"
)
# The warning mark of each colour, drawn once.
_MARKS: dict[str, QPixmap] = {}


def mark_pixmap(color: str) -> QPixmap:
    """The 16 px warning triangle in ``color``."""
    if color not in _MARKS:
        _MARKS[color] = icon("alert-triangle", color).pixmap(16, 16)
    return _MARKS[color]


def fix_text(kind: FixKind) -> str:
    """The words of the link that goes where an issue is fixed."""
    return {
        "calendar_item": QCoreApplication.translate("Health", "Record the results"),
        "calendar_new": QCoreApplication.translate("Health", "Plan content"),
        "metrics": QCoreApplication.translate("Health", "Enter this week's figures"),
        "checklist": QCoreApplication.translate("Health", "Open the checklist"),
        "templates": QCoreApplication.translate("Health", "Link a welcome sequence"),
    }[kind]


def every_issue(ws: Workspace, today: date) -> tuple[list[HealthIssue], dict[str, str]]:
    """Every live community's issues on ``today``, and the communities' names by id
    (what the overview's panel shows; read off the GUI thread on a large workspace)."""
    issues = [issue for found in check_all(ws, today).values() for issue in found]
    return issues, {c.id: c.name for c in list_communities(ws)}


class IssueCard(QFrame):
    """One issue: a coloured mark and title, what was found, the rule, the fix link.

    Signals:
        fix_requested(str, object): the community's id and the issue's Fix.
    """

    fix_requested = Signal(str, object)

    def __init__(
        self, issue: HealthIssue, community_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.issue = issue
        self.community_name = community_name
        self.setObjectName("healthCard")
        # The look is the panel's one style sheet, chosen by this property.
        self.setProperty("severity", issue.severity)
        color = ALERT_COLOR if issue.severity == "alert" else WARNING_COLOR
        mark = QLabel()
        mark.setPixmap(mark_pixmap(color))
        mark.setFixedSize(16, 16)
        title = html.escape(ui_text(issue.title), quote=False)
        community = html.escape(community_name, quote=False)
        self.title = QLabel(f"<b>{community}</b> · {title}" if community else f"<b>{title}</b>")
        self.title.setWordWrap(True)
        # Plain text: the detail quotes titles operators typed, which may hold "<".
        self.detail = QLabel(ui_text(issue.detail))
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule = QLabel(
            QCoreApplication.translate("Health", "Rule: %1").replace("%1", ui_text(issue.rule_text))
        )
        self.rule.setTextFormat(Qt.TextFormat.PlainText)
        self.rule.setWordWrap(True)
        self.rule.setProperty("role", "hint")
        self.rule.setFont(small_font(self.font()))
        self.fix = QPushButton(fix_text(issue.fix.kind) + " →")
        self.fix.setFlat(True)
        self.fix.setCursor(Qt.CursorShape.PointingHandCursor)
        self.fix.setObjectName("healthFix")  # its look: CARD_STYLE
        self.fix.clicked.connect(lambda: self.fix_requested.emit(issue.community_id, issue.fix))

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        text.addWidget(self.rule)
        text.addWidget(self.fix, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)


class HealthPanel(QWidget):
    """The health issues of one community (:meth:`show_community`) or of all.

    Signals:
        fix_requested(str, object): go fix an issue: the community's id and
            the :class:`~planner.health.Fix`.
    """

    fix_requested = Signal(str, object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        every_community: bool = False,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._every = every_community
        self._today = today
        self._session: Session | None = None
        self._community = ""
        self._checked_on: date | None = None
        self._stale = False
        self.issues: list[HealthIssue] = []
        self.cards: list[IssueCard] = []
        # The cards sit in groups, one per batch (the layout as one list of cards).
        self._groups: list[QWidget] = []
        # The community names on the cards, by the id of each community with an issue.
        self._card_names: dict[str, str] = {}
        # How many cards each event-loop turn of the latest rebuild built.
        self.batches: list[int] = []
        self._reader = Reader(self)
        self._reader.done.connect(self._on_read)
        self._steps = Steps(self)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        # On a community page the cards can be folded away, to give the tabs room.
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self._on_toggled)
        self.toggle.setVisible(not every_community)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self._list = QWidget()
        self._list.setStyleSheet(CARD_STYLE)
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(SPACING // 2)
        self._list_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self._list)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        top = QHBoxLayout()
        top.setSpacing(SPACING)
        top.addWidget(self.heading, 1)
        top.addWidget(self.toggle)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroller, 1)
        if not every_community:
            # On the community page the list takes the room its cards need, no more.
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # The date can change while the app is open (past midnight): check now and then.
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self.check_date)
        self.clock.start()
        self._on_toggled(True)
        self._show([])

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def _on_toggled(self, shown: bool) -> None:
        self.toggle.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.toggle.setArrowType(Qt.ArrowType.UpArrow if shown else Qt.ArrowType.DownArrow)
        self.toggle.setToolTip(
            self.tr("Fold the health cards away") if shown else self.tr("Show the health cards")
        )
        self._update_visibility()

    def _update_visibility(self) -> None:
        has_session = self._session is not None and (self._every or bool(self._community))
        shown = self._every or self.toggle.isChecked()
        self.empty.setVisible(shown and has_session and not self.issues)
        self.scroller.setVisible(shown and bool(self.issues))
        self.toggle.setEnabled(has_session)
        self._fit()

    # -- data ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A check is under way off the GUI thread, or cards are still to be built."""
        return self._reader.busy or self._steps.pending

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        # What was being read or built belongs to the workspace before, and so do
        # the cards: none of them is shown while this workspace is read.
        self._reader.cancel()
        self._steps.clear()
        if session is not self._session and self.cards:
            self._show([], {})
        self._session = session
        self._community = ""
        if session is not None:
            session.changed.connect(self._on_changed)
        self._refresh_when_visible()

    def show_community(self, community_id: str) -> None:
        self._community = community_id
        self._refresh_when_visible()

    def refresh(self) -> None:
        """Check again, as of today: at once, or on a large workspace's overview
        off the GUI thread (the cards follow when the check is done)."""
        self._stale = False
        self._checked_on = today = self._today()
        session = self._session
        if self._every and session is not None and is_large(session.workspace):
            self._reader.start(session, partial(every_issue, today=today))
            return
        self._reader.cancel()
        self._steps.clear()
        self._show(self._check(today))

    def _on_read(self, found: tuple[list[HealthIssue], dict[str, str]]) -> None:
        # In a turn of its own, as the batches of cards that follow.
        issues, names = found
        self._steps.add(partial(self._show, issues, names, paced=True))

    def check_date(self) -> None:
        """Check again when the day has changed since the last check (past midnight)."""
        if self._checked_on != self._today():
            self._refresh_when_visible()

    def _check(self, today: date) -> list[HealthIssue]:
        if self._session is None:
            return []
        ws = self._session.workspace
        if self._every:
            return [issue for found in check_all(ws, today).values() for issue in found]
        if not self._community:
            return []
        try:
            return check_community(ws, self._community, today)
        except NotFound:
            return []  # gone with an undone merge: the window moves on

    def _on_changed(self, change: Change) -> None:
        if change.tables & WATCHED:
            self._refresh_when_visible()

    def _refresh_when_visible(self) -> None:
        # A hidden panel checks when it is shown: no queries nobody looks at (the
        # overview's at start-up, a community page behind the calendar).
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent: wrapped text changes the cards' height."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """On a community page, make the list as tall as its cards at this width,
        up to :data:`COMPACT_HEIGHT` (then it scrolls)."""
        if self._every:
            return
        width = self.scroller.viewport().width() or self.width()
        layout = self._list_layout
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(width)
        else:
            needed = layout.totalSizeHint().height()
        self.scroller.setFixedHeight(min(needed, COMPACT_HEIGHT) if self.issues else 0)

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent: catch up on changes made while hidden."""
        super().showEvent(event)
        if self._stale or self._checked_on != self._today():
            self.refresh()

    # -- showing -------------------------------------------------------------------

    def _names(self) -> dict[str, str]:
        if not self._every or self._session is None:
            return {}
        return {c.id: c.name for c in list_communities(self._session.workspace)}

    def _show(
        self,
        issues: Sequence[HealthIssue],
        names: dict[str, str] | None = None,
        *,
        paced: bool = False,
    ) -> None:
        """Show a card per issue, unless they are the cards shown already.

        ``paced`` (a large workspace's overview): :data:`CARDS_PER_TURN` cards
        a turn; else every card at once.
        """
        if names is None:
            names = self._names()
        wanted = {i.community_id: names.get(i.community_id, "") for i in issues}
        if (
            (self.cards or self._steps.pending)
            and list(issues) == self.issues
            and wanted == self._card_names
            and (len(self.cards) == len(self.issues) or self._steps.pending)
        ):
            return  # most edits change no issue: keep the cards (and the scroll position)
        self._steps.clear()
        self.issues = list(issues)
        self._card_names = wanted
        for group in self._groups:
            self._list_layout.removeWidget(group)
            group.hide()  # gone now, not when the event loop next deletes it
            group.deleteLater()
        self._groups = []
        self.cards = []
        self.batches = []
        # Alerts first across communities: what to act on this week leads.
        ordered = sorted(self.issues, key=lambda i: i.severity != "alert")
        size = CARDS_PER_TURN if paced else max(len(ordered), 1)
        batches = [ordered[n : n + size] for n in range(0, len(ordered), size)]
        if len(batches) == 1:
            self._add_cards(batches[0])
        else:  # a batch a turn, the first one too: this turn has had its share
            for batch in batches:
                self._steps.add(partial(self._add_cards, batch))
        alerts = sum(1 for i in self.issues if i.severity == "alert")
        warnings = len(self.issues) - alerts
        self.heading.setText(self._heading(alerts, warnings))
        self.empty.setText(
            QCoreApplication.translate(
                "Health",
                "Nothing to act on. The checks look for activities without results, a week "
                "with no content planned, a decline in the figures, a stalled checklist and "
                "a missing welcome sequence; some wait until the community has started.",
            )
        )
        self._update_visibility()

    def _add_cards(self, issues: list[HealthIssue]) -> None:
        """Build the cards of ``issues``, below those built already."""
        group = QWidget()
        column = QVBoxLayout(group)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING // 2)
        for issue in issues:
            card = IssueCard(issue, self._card_names.get(issue.community_id, ""))
            card.fix_requested.connect(self.fix_requested)
            column.addWidget(card)
            self.cards.append(card)
        self._list_layout.insertWidget(self._list_layout.count() - 1, group)
        self._groups.append(group)
        self.batches.append(len(issues))
        self._fit()

    @staticmethod
    def _heading(alerts: int, warnings: int) -> str:
        parts = []
        if alerts:
            parts.append(
                QCoreApplication.translate("Health", "1 alert")
                if alerts == 1
                else QCoreApplication.translate("Health", "%1 alerts")
            )
            parts[-1] = parts[-1].replace("%1", str(alerts))
        if warnings:
            parts.append(
                QCoreApplication.translate("Health", "1 warning")
                if warnings == 1
                else QCoreApplication.translate("Health", "%1 warnings")
            )
            parts[-1] = parts[-1].replace("%1", str(warnings))
        counts = clauses_text(parts) if parts else QCoreApplication.translate("Health", "no issues")
        return "<b>" + QCoreApplication.translate("Health", "Health") + "</b> · " + counts
