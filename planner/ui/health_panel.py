"""Health checks on screen: what is wrong with a community, the rule, and a link to fix it.

:class:`HealthPanel` lists :class:`~planner.health.HealthIssue` cards: the
title (red for an alert, amber for a warning), what was found, the rule in
small print, and a link that goes where the fix is made (the activity on the
calendar, a new content item, the Figures tab, the checklist, the templates).
On the community page it shows one community's issues; on the overview,
every community's, each card naming its community. The panel asks the core
again when a change touches what the rules read, and when the day changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
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
from planner.ui.session import Session
from planner.ui.theme import SPACING, icon, small_font

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
ALERT_COLOR = "#d93025"
WARNING_COLOR = "#e37400"
CARD_STYLE = (
    "QFrame#healthCard { border: 1px solid palette(mid); border-radius: 4px;"
    " background: palette(base); }"
    f'QFrame#healthCard[severity="alert"] {{ border-left: 4px solid {ALERT_COLOR}; }}'
    f'QFrame#healthCard[severity="warning"] {{ border-left: 4px solid {WARNING_COLOR}; }}'
)


def fix_text(kind: FixKind) -> str:
    """The words of the link that goes where an issue is fixed."""
    return {
        "calendar_item": QCoreApplication.translate("Health", "Record the results"),
        "calendar_new": QCoreApplication.translate("Health", "Plan content"),
        "metrics": QCoreApplication.translate("Health", "Enter this week's figures"),
        "checklist": QCoreApplication.translate("Health", "Open the checklist"),
        "templates": QCoreApplication.translate("Health", "Link a welcome sequence"),
    }[kind]


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
        mark.setPixmap(icon("alert-triangle", color).pixmap(16, 16))
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
        self.fix.setStyleSheet(
            "QPushButton { color: palette(link); text-align: left; padding: 2px 0; border: none; }"
            "QPushButton:focus { text-decoration: underline; }"
        )
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

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session = session
        self._community = ""
        if session is not None:
            session.changed.connect(self._on_changed)
        self._refresh_when_visible()

    def show_community(self, community_id: str) -> None:
        self._community = community_id
        self._refresh_when_visible()

    def refresh(self) -> None:
        """Check again, as of today."""
        self._stale = False
        self._checked_on = self._today()
        self._show(self._check(self._checked_on))

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

    def _show(self, issues: Sequence[HealthIssue]) -> None:
        names = self._names()
        if (
            self.cards
            and list(issues) == self.issues
            and all(names.get(c.issue.community_id, "") == c.community_name for c in self.cards)
        ):
            return  # most edits change no issue: keep the cards (and the scroll position)
        self.issues = list(issues)
        for card in self.cards:
            self._list_layout.removeWidget(card)
            card.hide()  # gone now, not when the event loop next deletes it
            card.deleteLater()
        self.cards = []
        # Alerts first across communities: what to act on this week leads.
        ordered = sorted(self.issues, key=lambda i: i.severity != "alert")
        for issue in ordered:
            card = IssueCard(issue, names.get(issue.community_id, ""))
            card.fix_requested.connect(self.fix_requested)
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            self.cards.append(card)
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
