"""The checklist library editor: what every new community's checklist starts from.

The library is the app's built-in items per stage, as this workspace changed
them (reworded or removed), plus the workspace's own items. Every change is
one undoable edit. Undo and Redo in this window (and Ctrl+Z / Ctrl+Shift+Z)
take back only changes of the library, and say which: the newest change of the
workspace may be a tick on a checklist in the main window, and undoing it from
here, unseen, would be a surprise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.checklist_library import BY_KEY
from planner.communities import Stage
from planner.errors import PlannerError, ValidationError
from planner.history import Change
from planner.ui.dialogs import ask_yes_no, show_error
from planner.ui.labels import action_label, stage_hint, stage_label
from planner.ui.library_model import LibraryModel
from planner.ui.locale_text import ui_language, ui_text
from planner.ui.session import Session
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import SPACING, icon, swatch_icon
from planner.workspace_library import (
    TITLE_MAX,
    LibraryItem,
    add_library_item,
    remove_library_item,
    restore_library_item,
    update_library_item,
)

Index = QModelIndex | QPersistentModelIndex
Confirm = Callable[[QWidget, str, str, str], bool]


class LibraryItemDialog(QDialog):
    """Asks for a library item's stage (when adding), title and reason.

    ``submit(stage, title, why)`` makes the change and returns '' or the reason
    it was refused; the dialog stays open until it is accepted.
    """

    def __init__(
        self,
        submit: Callable[[Stage, str, str], str],
        stage: Stage,
        item: LibraryItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Edit library item") if item else self.tr("Add library item"))
        self.stage = QComboBox()
        for s in Stage:
            self.stage.addItem(
                swatch_icon(STAGE_COLORS[s]), f"{s.number} {stage_label(s)}", s.value
            )
        self.stage.setCurrentIndex(list(Stage).index(item.stage if item else stage))
        self.stage.setEnabled(item is None)
        self.title = QLineEdit(item.title if item else "")
        self.title.setMaxLength(TITLE_MAX)
        self.title.setMinimumWidth(420)
        self.title.setPlaceholderText(self.tr("What to do, e.g. “Write the group rules”"))
        self.why = QPlainTextEdit(item.why if item else "")
        self.why.setPlaceholderText(self.tr("Why it matters, in one line"))
        self.why.setFixedHeight(self.fontMetrics().height() * 4)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow(self.tr("S&tage"), self.stage)
        form.addRow(self.tr("&Item"), self.title)
        form.addRow(self.tr("&Why it matters"), self.why)
        builtin = BY_KEY.get(item.key) if item is not None and item.builtin else None
        if builtin is not None:
            hint = QLabel(
                self.tr("Built-in wording: “%1”. Leave a field empty to go back to it.").replace(
                    "%1", builtin.title(ui_language())
                )
            )
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            form.addRow("", hint)
        form.addRow("", self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save") if item else self.tr("Add")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Override QDialog::accept: only once the change is made."""
        error = self._submit(
            Stage(self.stage.currentData()), self.title.text(), self.why.toPlainText()
        )
        if error:
            self.error.setText(error)
            self.error.show()
            self.title.setFocus()
            return
        super().accept()


# The only table a change may touch for this window's Undo / Redo to take it back.
LIBRARY_TABLES = frozenset({"checklist_library"})
SUBJECT_WIDTH = 220  # pixels of the item's title on “Undo …”; the tooltip has it all


def library_only(change: Change | None) -> bool:
    """Whether ``change`` changed the checklist library and nothing else."""
    return change is not None and bool(change.tables) and change.tables <= LIBRARY_TABLES


class LibraryDialog(QDialog):
    """The workspace's checklist library, by stage; add, reword, remove, restore.

    Undo / Redo here (buttons, Ctrl+Z, Ctrl+Shift+Z) take back the newest
    change only when it changed the library alone, through the session; a
    newer change elsewhere (a tick in the main window) is left to the main
    window's Edit ▸ Undo, and the dialog says so. (The main window's own Undo
    is not used here: it may revert unsaved typing on another page first.)
    """

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.confirm = confirm
        self.editor: LibraryItemDialog | None = None
        # After Remove (with removed items hidden): the item removed, and the item
        # (or stage) selected in its place, so “Show removed” can go back to it.
        self._just_removed: tuple[str, str, Stage] | None = None
        self.setWindowTitle(self.tr("Checklist library"))
        self.resize(980, 640)
        self.model = LibraryModel(session)
        self._build()
        session.changed.connect(self._on_changed)
        session.history_changed.connect(self._on_history_changed)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self.tree.expandAll)
        self.tree.expandAll()
        self.tree.setCurrentIndex(self.model.stage_index(Stage.BUILD))
        self._update_buttons()

    def _build(self) -> None:
        self.note = QLabel(
            self.tr(
                "New communities get their checklist from this library. Communities that "
                "already have a checklist keep it: a community's checklist offers "
                "<b>Add … from the library</b> to bring in what you add here."
            )
        )
        self.note.setWordWrap(True)
        self.read_only_note = QLabel(
            self.tr("This workspace is open read-only: you can look at the library, not change it.")
        )
        self.read_only_note.setProperty("role", "hint")
        self.read_only_note.setVisible(self.session.read_only)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 390)
        self.tree.doubleClicked.connect(lambda _i: self.edit_item())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_item)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setMinimumHeight(self.fontMetrics().height() * 3)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.add_button = QPushButton(icon("plus"), self.tr("&Add item…"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_item)
        self.reset_button = QPushButton(self.tr("Use built-in &wording"))
        self.reset_button.clicked.connect(self.reset_wording)
        self.remove_button = QPushButton(icon("trash"), self.tr("&Remove…"))
        self.remove_button.clicked.connect(self.remove_item)
        self.restore_button = QPushButton(icon("restore"), self.tr("Put &back"))
        self.restore_button.clicked.connect(self.restore_item)
        self.show_removed = QCheckBox(self.tr("&Show removed built-in items"))
        self.show_removed.toggled.connect(self._on_show_removed)
        self.undo_button = QToolButton()
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setIcon(icon("arrow-back-up"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QToolButton()
        self.redo_button.setText(self.tr("Redo"))
        self.redo_button.setIcon(icon("arrow-forward-up"))
        for tool in (self.undo_button, self.redo_button):
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            tool.setAutoRaise(True)
        self.redo_button.clicked.connect(self.redo)
        # What Undo / Redo did, or why they do nothing here.
        self.undo_note = QLabel()
        self.undo_note.setProperty("role", "hint")
        self.undo_note.setWordWrap(True)
        # The main window's Ctrl+Z does not reach this window: its own, for the library.
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.redo_action.triggered.connect(self.redo)
        self.addActions([self.undo_action, self.redo_action])

        edits = QHBoxLayout()
        edits.setSpacing(SPACING)
        for button in (
            self.add_button,
            self.edit_button,
            self.reset_button,
            self.remove_button,
            self.restore_button,
        ):
            edits.addWidget(button)
        edits.addStretch(1)
        edits.addWidget(self.show_removed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addWidget(self.undo_note, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.note)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        layout.addLayout(edits)
        layout.addLayout(bottom)

    # -- state ---------------------------------------------------------------------

    def current(self) -> LibraryItem | None:
        return self.model.item(self.tree.currentIndex())

    def current_stage(self) -> Stage:
        return self.model.stage(self.tree.currentIndex())

    def select(self, key: str) -> None:
        index = self.model.index_of(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _place(self) -> tuple[str, Stage, int]:
        """Where the selection is: the item's key ('' on a stage), its stage and row."""
        item = self.current()
        if item is None:
            return "", self.current_stage(), -1
        return item.key, item.stage, self.tree.currentIndex().row()

    def _reselect(self, key: str, stage: Stage, row: int) -> None:
        """Select ``key`` again after a reload; if it is gone, the item now in its
        place in the stage (the next one, or the one before at the end), or the stage."""
        if key and self.model.index_of(key).isValid():
            self.select(key)
            return
        parent = self.model.stage_index(stage)
        count = self.model.rowCount(parent)
        if row >= 0 and count:
            index = self.model.index(min(row, count - 1), 0, parent)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        else:
            self.tree.setCurrentIndex(parent)

    def _on_changed(self, change: Change) -> None:
        if "checklist_library" not in change.tables:
            return
        place = self._place()
        self.model.reload()
        self._reselect(*place)
        self._update_buttons()

    def _on_show_removed(self, shown: bool) -> None:
        key, stage, row = self._place()
        removed = self._just_removed
        self.model.set_show_removed(shown)
        if shown and removed is not None and (key, stage) == removed[1:]:
            # Nothing selected since the removal: show the item removed, ready to put back.
            key = removed[0]
        self._reselect(key, stage, row)
        self._update_buttons()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _on_history_changed(self) -> None:
        self.undo_note.clear()
        self._update_buttons()

    def _undo_texts(self, change: Change | None, redo: bool) -> tuple[str, str]:
        """The button's text and tooltip for undoing (or redoing) ``change``."""
        plain = self.tr("Redo") if redo else self.tr("Undo")
        if change is None:
            return plain, ""
        name = action_label(change)
        if not library_only(change):
            outside = (
                self.tr(
                    "The newest undone change, %1, is not in the library: "
                    "redo it in the main window (Edit ▸ Redo)."
                )
                if redo
                else self.tr(
                    "The newest change, %1, is not in the library: "
                    "undo it in the main window (Edit ▸ Undo)."
                )
            )
            return plain, outside.replace("%1", name)
        template = self.tr("Redo %1") if redo else self.tr("Undo %1")
        shortcut = "Ctrl+Shift+Z" if redo else "Ctrl+Z"
        subject = self.undo_button.fontMetrics().elidedText(
            change.subject, Qt.TextElideMode.ElideRight, SUBJECT_WIDTH
        )
        short = template.replace("%1", action_label(replace(change, subject=subject)))
        return short.replace("&", "&&"), f"{template.replace('%1', name)} ({shortcut})"

    def _update_buttons(self) -> None:
        item = self.current()
        writable = not self.session.read_only
        live = item is not None and not item.removed
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and live)
        self.reset_button.setEnabled(writable and live and item is not None and item.reworded)
        self.remove_button.setEnabled(writable and live)
        self.restore_button.setEnabled(writable and item is not None and item.removed)
        self.restore_button.setVisible(self.show_removed.isChecked())
        history = self.session.workspace.history
        for button, change, redo in (
            (self.undo_button, history.next_undo(), False),
            (self.redo_button, history.next_redo(), True),
        ):
            text, tip = self._undo_texts(change, redo)
            button.setText(text)
            button.setToolTip(tip)
            button.setEnabled(writable and library_only(change))
        if item is None:
            stage = self.current_stage()
            # The stage in bold, then its hint: “<b>1 Build</b>: Find people…”.
            heading = (
                self.tr("<b>%1</b>: %2")
                .replace("%2", escape(stage_hint(stage)))
                .replace("%1", escape(f"{stage.number} {stage_label(stage)}"))
            )
            self.details.setText(
                f"{heading}<br><span style='color: gray'>"
                + escape(self.tr("Select an item to edit or remove it, or add one to this stage."))
                + "</span>"
            )
        else:
            self.details.setText(
                f"<b>{escape(item.title)}</b> <span style='color: gray'>· "
                f"{escape(self.model.source(item))}</span><br>{escape(item.why)}"
            )

    # -- edits ---------------------------------------------------------------------

    def _run(self, operation: Callable[..., Any], *args: Any) -> Any:
        try:
            return self.session.run(operation, *args)
        except ValidationError:
            raise
        except PlannerError as exc:
            show_error(self, ui_text(str(exc)))
            return None

    def _open_editor(
        self, submit: Callable[[Stage, str, str], str], item: LibraryItem | None
    ) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
        self.editor = LibraryItemDialog(submit, self.current_stage(), item, self)
        self.editor.open()

    def add_item(self) -> None:
        if self.session.read_only:
            return

        def submit(stage: Stage, title: str, why: str) -> str:
            try:
                result = self._run(add_library_item, stage, title, why)
            except ValidationError as exc:
                return "\n".join(ui_text(v) for v in exc.fields.values())
            if result is not None:
                self.select(result[0])
            return ""

        self._open_editor(submit, None)

    def edit_item(self) -> None:
        item = self.current()
        if self.session.read_only or item is None or item.removed:
            return

        def submit(_stage: Stage, title: str, why: str) -> str:
            try:
                self._run(update_library_item, item.key, title, why)
            except ValidationError as exc:
                return "\n".join(ui_text(v) for v in exc.fields.values())
            return ""

        self._open_editor(submit, item)

    def reset_wording(self) -> None:
        item = self.current()
        if not self.session.read_only and item is not None and item.builtin and item.reworded:
            self._run(update_library_item, item.key, "", "")

    def remove_item(self) -> None:
        item = self.current()
        if self.session.read_only or item is None or item.removed:
            return
        if item.builtin:
            question = self.tr(
                "Remove “%1” from the library? New communities will not get it; checklists "
                "that have it keep it. You can put it back with “Show removed built-in items”."
            )
        else:
            question = self.tr(
                "Remove “%1” from the library? New communities will not get it; checklists "
                "that have it keep it. Undo with Ctrl+Z."
            )
        if (
            self.confirm(
                self,
                self.tr("Remove from the library"),
                question.replace("%1", item.title),
                self.tr("Remove"),
            )
            and self._run(remove_library_item, item.key) is not None
        ):
            hidden = item.builtin and not self.show_removed.isChecked()
            key, stage, _row = self._place()
            self._just_removed = (item.key, key, stage) if hidden else None

    def restore_item(self) -> None:
        item = self.current()
        if not self.session.read_only and item is not None and item.removed:
            self._run(restore_library_item, item.key)
            self._just_removed = None

    # -- undo ----------------------------------------------------------------------

    def undo(self) -> None:
        """Undo the newest change if it changed only the library; else say why not."""
        self._step(redo=False)

    def redo(self) -> None:
        """Redo the newest undone change if it changed only the library; else say why not."""
        self._step(redo=True)

    def _step(self, *, redo: bool) -> None:
        if self.session.read_only:
            return
        history = self.session.workspace.history
        change = history.next_redo() if redo else history.next_undo()
        if change is None:
            return
        if not library_only(change):
            self.undo_note.setText(self._undo_texts(change, redo)[1])
            return
        try:
            done = self.session.redo() if redo else self.session.undo()
        except PlannerError as exc:
            show_error(self, ui_text(str(exc)))
            return
        self._just_removed = None
        template = self.tr("Redid %1") if redo else self.tr("Undid %1")
        self.undo_note.setText(template.replace("%1", action_label(done)))
