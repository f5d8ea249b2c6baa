"""A community's checklist on its page: the stages with their items, and what
the operator does with them (tick, edit, add, reorder, hide, delete, follow
an item's link to where it gets done).

Every edit is one core call through the session (one undoable edit); the
view refreshes from :attr:`Session.changed`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.checklists import (
    ChecklistItem,
    delete_item,
    missing_library_items,
    set_hidden,
    update_from_library,
)
from planner.communities import Stage
from planner.ui.checklist_item_dialog import ChecklistItemDialog
from planner.ui.checklist_model import ChecklistModel, ChecklistRole
from planner.ui.checklist_view import DONE_COLOR, ChecklistView, action_text
from planner.ui.community_header import progress_bar_style
from planner.ui.labels import stage_label
from planner.ui.locale_text import ui_language
from planner.ui.session import Session
from planner.ui.theme import SPACING, icon

Confirm = Callable[[QWidget, str, str, str], bool]


class ElidedLabel(QLabel):
    """A one-line label that gives up room when it must: what does not fit ends
    in "…", and the whole text is then its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tooltip = ""

    def set_tooltip(self, text: str) -> None:
        """The tooltip shown when the text fits (the whole text is shown when not)."""
        self._tooltip = text
        self._update_tooltip()

    def setText(self, text: str) -> None:
        """Override QLabel::setText."""
        super().setText(text)
        self._update_tooltip()

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.text() if self.text() and self.elided() else self._tooltip)

    def minimumSizeHint(self) -> QSize:
        """Override QLabel::minimumSizeHint: a few characters; the rest can be elided."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 8), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QLabel::resizeEvent."""
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override QLabel::paintEvent: the text, elided to the width."""
        painter = QPainter(self)
        rect = self.contentsRect()
        words = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            words,
            self.foregroundRole(),
        )


class ChecklistPanel(QWidget):
    """The checklist of one community.

    Signals:
        action_requested(str): the operator followed an item's link: its action
            ("community:FIELD", "calendar", "templates" or "replicate").
        error(str): an edit was refused; the message says why.
        message(str): what an edit did, for the status bar.
    """

    action_requested = Signal(str)
    error = Signal(str)
    message = Signal(str)

    def __init__(self, *, confirm: Confirm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.confirm = confirm
        self._session: Session | None = None
        # What to select again after a reset: item ids, then "stage:…" for a heading.
        self._keep: list[str] = []
        self.missing = 0

        self.model = ChecklistModel(lang=ui_language(), parent=self)
        self.model.error.connect(self.error)
        self.view = ChecklistView()
        self.view.setObjectName("checklistView")
        self.view.setModel(self.model)
        self.view.activated.connect(self._on_activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.delegate.link_clicked.connect(self.action_requested)
        self.view.delegate.add_clicked.connect(lambda stage: self.add_item(Stage(stage)))
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._after_reset)

        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(120, 8)
        self.bar.setStyleSheet(progress_bar_style(DONE_COLOR))
        self.summary = ElidedLabel()
        # One line of help, so the list keeps the room in a small window.
        self.hint = ElidedLabel()
        self.hint.setProperty("role", "hint")
        self.show_hidden = QCheckBox(self.tr("Show hidden"))
        self.show_hidden.setToolTip(self.tr("Items marked as not applying to this community"))
        self.show_hidden.toggled.connect(self.model.set_show_hidden)
        self.library_button = QPushButton(icon("list-check"), "")
        self.library_button.clicked.connect(self.update_from_library)
        self.add_button = QPushButton(icon("plus"), self.tr("Add item…"))
        self.add_button.clicked.connect(lambda: self.add_item(self._current_stage()))

        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setMaximumWidth(560)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setProperty("role", "hint")
        self.empty_library = QPushButton(icon("list-check"), "")
        self.empty_library.setProperty("primary", True)
        self.empty_library.clicked.connect(self.update_from_library)
        self.empty_add = QPushButton(icon("plus"), self.tr("Add an item of your own…"))
        self.empty_add.clicked.connect(lambda: self.add_item(self._current_stage()))
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.empty_library)
        buttons.addWidget(self.empty_add)
        buttons.addStretch(1)
        empty_layout.addLayout(buttons)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty)
        self._empty_page = empty

        top = QHBoxLayout()
        top.setSpacing(SPACING)
        top.addWidget(self.bar)
        top.addWidget(self.summary, 1)
        top.addWidget(self.library_button)
        top.addWidget(self.show_hidden)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)

        self._make_actions()
        self._update_actions()

    def _make_actions(self) -> None:
        def make(text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False: slot())
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.view.addAction(action)
            return action

        self.edit_action = make(self.tr("&Edit…"), self.edit_current)
        self.tick_action = make(self.tr("&Tick"), self.toggle_current)
        self.go_action = make("", self.follow_current)
        self.up_action = make(self.tr("Move &up"), lambda: self.move_current(-1), "Alt+Up")
        self.down_action = make(self.tr("Move &down"), lambda: self.move_current(1), "Alt+Down")
        self.hide_action = make(self.tr("&Hide: does not apply"), self.toggle_hidden_current)
        self.delete_action = make(self.tr("&Delete…"), self.delete_current, "Delete")
        self.add_action = make(self.tr("&Add an item here…"), self._add_here)
        # Shown in the menu for the keys the view handles itself.
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.tick_action.setShortcut(QKeySequence(Qt.Key.Key_Space))

    # -- data ----------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session = session
        # The model first: its slot runs before ours, so we read the reloaded model.
        self.model.set_session(session)
        if session is not None:
            session.changed.connect(self._on_changed)
        self.view.set_editable(self.editable)
        self._refresh()

    @property
    def editable(self) -> bool:
        return self._session is not None and not self._session.read_only

    def show_community(self, community_id: str) -> None:
        if community_id != self.model.community_id:
            self.show_hidden.setChecked(False)  # each community opens without them
            self.model.set_community(community_id)
            first = self.model.stage_index(self.model.current_stage or Stage.BUILD)
            self.view.setCurrentIndex(first)
            self.view.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtTop)
        self._refresh()

    def show_item(self, item_id: str) -> bool:
        """Select and scroll to an item (showing hidden items if it is one)."""
        index = self.model.index_of(item_id)
        if not index.isValid() and any(
            i.id == item_id and i.hidden for i in self.model.all_items()
        ):
            self.show_hidden.setChecked(True)
            index = self.model.index_of(item_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus()
        return True

    def current_item(self) -> ChecklistItem | None:
        return self.model.item(self.view.currentIndex())

    def _current_stage(self) -> Stage:
        return (
            self.model.stage_of(self.view.currentIndex()) or self.model.current_stage or Stage.BUILD
        )

    def _on_changed(self, change: object) -> None:
        tables: set[str] = getattr(change, "tables", set())
        if {"checklist_items", "checklist_library", "communities"} & tables:
            self._refresh()

    def _refresh(self) -> None:
        items = self.model.all_items()
        ws = self._session.workspace if self._session is not None else None
        community = self.model.community_id
        self.missing = missing_library_items(ws, community) if ws and community else 0
        hidden = self.model.hidden_count()
        progress = self.model.progress
        words = (
            self.tr("%1 of %2 done")
            .replace("%1", str(progress.done))
            .replace("%2", str(progress.total))
        )
        self.summary.setText(words if items else "")
        self.bar.setVisible(bool(items))
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.done)
        self.hint.setText(
            self.tr(
                "Tick what is done · double-click for note, assignee, due date · "
                "Alt+↑/↓ or drag to reorder · right-click for more"
            )
            if items and self.editable
            else ""
        )
        self.hint.set_tooltip(
            self.tr(
                "Tick what is done (click the box or press Space) · double-click an item, or "
                "press Enter, for its note, assignee and due date · drag it or press Alt+↑/↓ "
                "to reorder it within its stage · right-click for more"
            )
        )
        self.hint.setVisible(bool(items) and self.editable)
        self.show_hidden.setVisible(bool(items) and (bool(hidden) or self.show_hidden.isChecked()))
        self.show_hidden.setText(
            self.tr("Show hidden (%1)").replace("%1", str(hidden))
            if hidden
            else self.tr("Show hidden")
        )
        if self.missing == 1:
            add_new = self.tr("Add 1 from the library")
            add_tip = self.tr(
                "1 item was added to the checklist library since this checklist was made: "
                "add it here"
            )
            add_all = self.tr("Add the library's item")
        else:
            add_new = self.tr("Add %1 from the library").replace("%1", str(self.missing))
            add_tip = self.tr(
                "%1 items were added to the checklist library since this checklist was "
                "made: add them here"
            ).replace("%1", str(self.missing))
            add_all = self.tr("Add the library's %1 items").replace("%1", str(self.missing))
        self.library_button.setText(add_new)
        self.library_button.setToolTip(add_tip)
        self.library_button.setVisible(bool(items) and self.missing > 0)
        self.library_button.setEnabled(self.editable)
        self.empty_library.setText(add_all)
        self.empty_library.setVisible(self.missing > 0)
        self.empty_library.setEnabled(self.editable)
        self.empty_add.setEnabled(self.editable)
        self.add_button.setEnabled(self.editable and bool(community))
        if self.missing:
            empty = self.tr(
                "This community has no checklist yet.\n"
                "Start from the stage library: what to do to build, structure, output, "
                "operate and replicate a group, each with why it matters. "
                "Or add an item of your own."
            )
        else:
            empty = self.tr(
                "This community's checklist is empty.\n"
                "Add what has to be done at each stage: build, structure, output, "
                "operate, replicate."
            )
        self.empty_text.setText(empty)
        self.stack.setCurrentWidget(self.view if items else self._empty_page)
        self._update_actions()

    def _remember_current(self) -> None:
        """Before a reset: the current item, then its neighbours, then its stage."""
        index = self.view.currentIndex()
        stage = self.model.stage_of(index)
        keep: list[str] = []
        if self.model.item(index) is not None:
            parent = index.parent()
            for row in (index.row(), index.row() + 1, index.row() - 1):
                neighbour = self.model.item(self.model.index(row, 0, parent))
                if neighbour is not None:
                    keep.append(neighbour.id)
        if stage is not None:
            keep.append(f"stage:{stage.value}")
        self._keep = keep

    def _after_reset(self) -> None:
        keep, self._keep = self._keep, []
        for key in keep:
            if key.startswith("stage:"):
                index = self.model.stage_index(Stage(key.removeprefix("stage:")))
            else:
                index = self.model.index_of(key)
            if index.isValid():
                self.view.setCurrentIndex(index)
                return

    # -- actions -------------------------------------------------------------------

    def _update_actions(self) -> None:
        item = self.current_item()
        editable = self.editable
        on_item = item is not None
        self.edit_action.setEnabled(on_item)
        self.edit_action.setText(self.tr("&Edit…") if editable else self.tr("&Details…"))
        self.tick_action.setEnabled(editable and on_item)
        self.tick_action.setText(
            self.tr("Un&tick") if item is not None and item.done else self.tr("&Tick")
        )
        self.go_action.setText(action_text(item.action) if item else "")
        self.go_action.setVisible(bool(item and item.action))
        index = self.view.currentIndex()
        row, count = index.row(), self.model.rowCount(index.parent())
        self.up_action.setEnabled(editable and on_item and row > 0)
        self.down_action.setEnabled(editable and on_item and row < count - 1)
        self.hide_action.setEnabled(editable and on_item)
        self.hide_action.setText(
            self.tr("&Show again")
            if item is not None and item.hidden
            else self.tr("&Hide: does not apply")
        )
        self.delete_action.setEnabled(editable and on_item)
        stage = self.model.stage_of(index)
        self.add_action.setEnabled(editable and stage is not None)
        if stage is not None:
            self.add_action.setText(
                self.tr("&Add an item to %1…").replace("%1", stage_label(stage))
            )

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._update_actions()
        menu = QMenu(self)
        if self.current_item() is not None:
            menu.addAction(self.edit_action)
            menu.addAction(self.tick_action)
            if self.go_action.isVisible():
                menu.addAction(self.go_action)
            menu.addSeparator()
            menu.addAction(self.up_action)
            menu.addAction(self.down_action)
            menu.addSeparator()
            menu.addAction(self.hide_action)
            menu.addAction(self.delete_action)
            menu.addSeparator()
        menu.addAction(self.add_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _on_activated(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if item is not None:
            self.edit_item(item.id)
        elif index.data(ChecklistRole.IS_HEADING) and self.editable:
            self.add_item(self.model.stage_of(index) or Stage.BUILD)

    def _add_here(self) -> None:
        self.add_item(self._current_stage())

    def edit_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.edit_item(item.id)

    def edit_item(self, item_id: str) -> ChecklistItemDialog | None:
        """Open the item's dialog (window-modal, not blocking); returns it."""
        item = next((i for i in self.model.all_items() if i.id == item_id), None)
        if self._session is None or item is None:
            return None
        dialog = ChecklistItemDialog(self._session, self.model.community_id, item, item.stage, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_item(self, stage: Stage) -> ChecklistItemDialog | None:
        """Open the dialog that adds an item to ``stage``; the new item is selected."""
        if self._session is None or not self.editable or not self.model.community_id:
            return None
        dialog = ChecklistItemDialog(self._session, self.model.community_id, None, stage, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.show_item(dialog.item_id))
        dialog.open()
        return dialog

    def toggle_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.model.set_done(item.id, not item.done)

    def follow_current(self) -> None:
        item = self.current_item()
        if item is not None and item.action:
            self.action_requested.emit(item.action)

    def move_current(self, delta: int) -> None:
        item = self.current_item()
        if item is not None:
            self.model.move_by(item.id, delta)
            self.view.scrollTo(self.view.currentIndex())

    def toggle_hidden_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if self.model.run(set_hidden, item.id, not item.hidden) and not item.hidden:
            # The next item takes its place under the cursor.
            self.view.scrollTo(self.view.currentIndex())

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None or not self.editable:
            return
        question = self.tr(
            "Delete “%1” from this community's checklist? Edit ▸ Undo brings it back."
        ).replace("%1", item.title)
        if self.confirm(self, self.tr("Delete checklist item"), question, self.tr("Delete")):
            self.model.run(delete_item, item.id)

    def show_stage(self, stage: Stage, *, focus: bool = False) -> None:
        """Select a stage's heading and scroll it to the top of the list."""
        heading = self.model.stage_index(stage)
        self.view.setCurrentIndex(heading)
        self.view.scrollTo(heading, QAbstractItemView.ScrollHint.PositionAtTop)
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def update_from_library(self) -> None:
        """Add what the library has that this checklist lacks; the first added item is
        selected and :attr:`message` says how many were added."""
        if not self.editable or not self.model.community_id:
            return
        before = {i.id for i in self.model.all_items()}
        if not self.model.run(update_from_library, self.model.community_id):
            return
        added = [i for i in self.model.all_items() if i.id not in before]
        if not added:
            return
        self.show_item(added[0].id)
        if len(added) == 1:
            words = self.tr("Added “%1” from the checklist library").replace("%1", added[0].title)
        else:
            words = self.tr("Added %1 items from the checklist library").replace(
                "%1", str(len(added))
            )
        self.message.emit(words)
