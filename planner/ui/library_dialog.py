"""The checklist library editor: what every new community's checklist starts from.

The library is the app's built-in items per stage, as this workspace changed
them (reworded or removed), plus the workspace's own items. Every change is
one undoable edit; Ctrl+Z in this window is Edit ▸ Undo of the main window.
"""

from __future__ import annotations

from collections.abc import Callable
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
from planner.checklists import (
    TITLE_MAX,
    LibraryItem,
    add_library_item,
    remove_library_item,
    restore_library_item,
    update_library_item,
)
from planner.communities import Stage
from planner.errors import PlannerError, ValidationError
from planner.history import Change
from planner.ui.dialogs import ask_yes_no, show_error
from planner.ui.labels import action_label, content_language, stage_hint, stage_label
from planner.ui.library_model import LibraryModel
from planner.ui.session import Session
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import SPACING, icon, swatch_icon

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
                    "%1", builtin.title(content_language())
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


class LibraryDialog(QDialog):
    """The workspace's checklist library, by stage; add, reword, remove, restore.

    ``undo`` / ``redo`` are what Ctrl+Z / Ctrl+Shift+Z do in this window (the
    main window's Edit ▸ Undo / Redo), by default the session's.
    """

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_yes_no,
        undo: Callable[[], object] | None = None,
        redo: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.confirm = confirm
        self._undo = undo or self._session_undo
        self._redo = redo or self._session_redo
        self.editor: LibraryItemDialog | None = None
        self.setWindowTitle(self.tr("Checklist library"))
        self.resize(980, 640)
        self.model = LibraryModel(session)
        self._build()
        session.changed.connect(self._on_changed)
        session.history_changed.connect(self._update_buttons)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self.tree.expandAll)
        self.tree.expandAll()
        self.tree.setCurrentIndex(self.model.stage_index(Stage.BUILD))
        self._update_buttons()

    def _build(self) -> None:
        self.note = QLabel(
            self.tr(
                "New communities get their checklist from this library. Communities that "
                "already have a checklist keep it: on a community's checklist, choose "
                "<b>Add new items from the library</b> to bring in what you add here."
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
        # Ctrl+Z here is Edit ▸ Undo: the main window's shortcut does not reach this window.
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
        bottom.addStretch(1)
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

    def _on_changed(self, change: Change) -> None:
        if "checklist_library" not in change.tables:
            return
        item, stage = self.current(), self.current_stage()
        self.model.reload()
        if item is not None and self.model.index_of(item.key).isValid():
            self.select(item.key)
        else:
            self.tree.setCurrentIndex(self.model.stage_index(stage))
        self._update_buttons()

    def _on_show_removed(self, shown: bool) -> None:
        item = self.current()
        self.model.set_show_removed(shown)
        if item is not None:
            self.select(item.key)
        self._update_buttons()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

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
        undo, redo = history.next_undo(), history.next_redo()
        self.undo_button.setEnabled(writable and undo is not None)
        self.undo_button.setToolTip(
            self.tr("Undo %1 (Ctrl+Z)").replace("%1", action_label(undo)) if undo else ""
        )
        self.redo_button.setEnabled(writable and redo is not None)
        self.redo_button.setToolTip(
            self.tr("Redo %1 (Ctrl+Shift+Z)").replace("%1", action_label(redo)) if redo else ""
        )
        if item is None:
            stage = self.current_stage()
            self.details.setText(
                f"<b>{escape(f'{stage.number} {stage_label(stage)}')}</b>: "
                f"{escape(stage_hint(stage))}<br><span style='color: gray'>"
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
            show_error(self, str(exc))
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
                return "\n".join(exc.fields.values())
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
                return "\n".join(exc.fields.values())
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
        if self.confirm(
            self,
            self.tr("Remove from the library"),
            question.replace("%1", item.title),
            self.tr("Remove"),
        ):
            self._run(remove_library_item, item.key)

    def restore_item(self) -> None:
        item = self.current()
        if not self.session.read_only and item is not None and item.removed:
            self._run(restore_library_item, item.key)

    # -- undo ----------------------------------------------------------------------

    def undo(self) -> None:
        if not self.session.read_only:
            self._undo()

    def redo(self) -> None:
        if not self.session.read_only:
            self._redo()

    def _session_undo(self) -> None:
        if self.session.workspace.history.can_undo:
            self.session.undo()

    def _session_redo(self) -> None:
        if self.session.workspace.history.can_redo:
            self.session.redo()
