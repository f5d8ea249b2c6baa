"""The activity a saved fission plan plans, chosen from the community's calendar.

A combo of the community's activities (sharing and paid ones first, as
fission campaigns are run as those, each with its date), whose choice links
the selected plan (one undoable edit), and a link that opens the activity in
the calendar. A plan linked to an activity since deleted says so.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import get_item
from planner.errors import NotFound, PlannerError
from planner.fission_scenarios import (
    SavedScenario,
    link_activity,
    linked_activity,
    plannable_activities,
)
from planner.ui.import_mapping_model import fill
from planner.ui.labels import item_type_badge, item_type_label
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.theme import SPACING, icon


def _day(day: date) -> str:
    """A day as the figures' table and date fields write it (2026-03-20)."""
    return day.isoformat()


class ActivityLink(QWidget):
    """Which activity the selected plan plans, and a way to open it.

    Signals:
        error(str): a link was refused (one line).
        message(str): what a link did, for the status bar.
        open_activity_requested(str): show this calendar item.
    """

    error = Signal(str)
    message = Signal(str)
    open_activity_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._community = ""
        self._saved: SavedScenario | None = None

        self.label = QLabel(self.tr("&Plans the activity"))
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        self.combo.activated.connect(self._on_activated)
        self.label.setBuddy(self.combo)
        self.open_button = QPushButton(icon("calendar"), self.tr("Open in calendar"))
        self.open_button.setFlat(True)
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.setToolTip(self.tr("Show the activity on the calendar"))
        self.open_button.clicked.connect(self._open)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)

        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.show_scenario(None)

    def set_session(self, session: Session | None) -> None:
        self._session = session
        self._community = ""
        self.show_scenario(None)

    def show_community(self, community_id: str) -> None:
        self._community = community_id
        self.show_scenario(None)

    @property
    def linked_id(self) -> str | None:
        """The live activity the shown plan is linked to, or None."""
        if self._session is None or self._saved is None:
            return None
        item = linked_activity(self._session.workspace, self._saved)
        return item.id if item is not None else None

    def show_scenario(self, saved: SavedScenario | None) -> None:
        """Show what ``saved`` (the selected plan, or none) is linked to."""
        self._saved = saved
        self.combo.clear()
        session = self._session
        if session is None or not self._community or saved is None:
            self.combo.addItem(self.tr("Save the plan to link it to an activity"), None)
            self.combo.setEnabled(False)
            self.open_button.setEnabled(False)
            self.hint.hide()
            return
        ws = session.workspace
        self.combo.addItem(self.tr("No activity"), None)
        activities = plannable_activities(ws, self._community)
        for item in activities:
            badge = item_type_badge(item.item_type)
            day = _day(item.start.date())
            if badge:
                text = fill(self.tr("%1 · %2 (%3)"), day, item.title, badge)
            else:
                text = fill(self.tr("%1 · %2"), day, item.title)
            self.combo.addItem(text, item.id)
            self.combo.setItemData(
                self.combo.count() - 1,
                f"{item.title}\n{item_type_label(item.item_type)}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.combo.view().setMinimumWidth(self.combo.view().sizeHintForColumn(0) + 24)
        linked = saved.calendar_item_id
        live = self.linked_id
        hint = ""
        if linked is not None and live is None:
            try:
                title = get_item(ws, linked).title
            except NotFound:
                title = self.tr("an activity")
            self.combo.addItem(self.tr("%1 (deleted)").replace("%1", title), linked)
            hint = self.tr(
                "The activity this plan was for was deleted from the calendar; choose another."
            )
        elif not activities:
            hint = self.tr(
                "This community's calendar has no activity yet: add the sharing or paid "
                "activity the campaign runs in, then link it here."
            )
        self.combo.setCurrentIndex(max(self.combo.findData(linked), 0))
        self.combo.setEnabled(not session.read_only)
        self.open_button.setEnabled(live is not None)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def choose(self, item_id: str | None) -> bool:
        """Link the plan to ``item_id`` (None: no activity), as choosing it in the combo."""
        index = self.combo.findData(item_id)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        return self._on_activated(index)

    def _on_activated(self, index: int) -> bool:
        saved, session = self._saved, self._session
        if saved is None or session is None or session.read_only:
            return False
        item_id = self.combo.itemData(index)
        try:
            session.run(link_activity, saved.id, item_id)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            self.show_scenario(saved)
            return False
        if item_id is None:
            self.message.emit(self.tr("“%1” plans no activity now.").replace("%1", saved.name))
        else:
            self.message.emit(
                fill(
                    self.tr("“%1” plans “%2”."),
                    saved.name,
                    get_item(session.workspace, item_id).title,
                )
            )
        return True

    def _open(self) -> None:
        item_id = self.linked_id
        if item_id is not None:
            self.open_activity_requested.emit(item_id)
