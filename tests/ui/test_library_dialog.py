"""The checklist library editor: add, reword, remove and restore items, each undoable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from planner.checklist_library import builtin_items
from planner.checklists import checklist, library
from planner.communities import Stage, create_community
from planner.paths import AppPaths
from planner.ui.library_dialog import LibraryDialog, LibraryItemDialog
from planner.ui.library_model import LibraryModel
from planner.ui.session import Session
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

PIPELINE = builtin_items("output")[3]  # “Build a guest-share pipeline”


@pytest.fixture
def session(workspace: Workspace) -> Iterator[Session]:
    yield Session(workspace)


@pytest.fixture
def confirm() -> Confirm:
    return Confirm(answer=True)


@pytest.fixture
def dialog(qtbot, session: Session, confirm: Confirm) -> LibraryDialog:
    d = LibraryDialog(session, confirm=confirm)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def keys(session: Session, *, removed: bool = False) -> list[str]:
    return [i.key for i in library(session.workspace, removed=removed)]


def titles(session: Session) -> list[str]:
    return [i.title for i in library(session.workspace)]


def fill(qtbot, editor: LibraryItemDialog, title: str, why: str) -> None:
    editor.title.clear()
    qtbot.keyClicks(editor.title, title)
    editor.why.setPlainText(why)


def ok(qtbot, editor: LibraryItemDialog) -> None:
    button = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_models_pass_model_tester(qtmodeltester, session: Session) -> None:
    model = LibraryModel(session)
    qtmodeltester.check(model)
    assert model.rowCount() == len(Stage)
    assert [model.rowCount(model.index(n, 0)) for n in range(5)] == [
        len(builtin_items(s.value)) for s in Stage
    ]
    assert model.index(0, 0).data() == "1 Build"
    removed = LibraryModel(session, removed=True)
    qtmodeltester.check(removed)
    qtmodeltester.check(LibraryModel(None))


def test_add_an_item_then_undo_and_redo_with_the_keyboard(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    dialog.tree.setCurrentIndex(dialog.model.stage_index(Stage.OPERATE))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None and editor.isVisible()
    assert editor.stage.currentData() == Stage.OPERATE.value  # the stage selected
    fill(qtbot, editor, "Send the monthly member newsletter", "Members who read it stay.")
    ok(qtbot, editor)
    assert not editor.isVisible()
    [added] = [i for i in library(session.workspace) if not i.builtin]
    assert (added.title, added.stage, added.builtin) == (
        "Send the monthly member newsletter",
        Stage.OPERATE,
        False,
    )
    # The tree shows it, selected, marked as the workspace's own.
    assert dialog.current() is not None and dialog.current().key == added.key
    index = dialog.model.index_of(added.key)
    assert index.parent() == dialog.model.stage_index(Stage.OPERATE)
    assert index.siblingAtColumn(2).data() == "Added here"
    assert "Members who read it stay." in dialog.details.text()
    assert "Add “Send the monthly member newsletter”" in dialog.undo_button.toolTip()
    # Ctrl+Z in the library window undoes it; Ctrl+Shift+Z brings it back.
    qtbot.keySequence(dialog.tree, QKeySequence("Ctrl+Z"))
    assert added.key not in keys(session)
    assert not dialog.model.index_of(added.key).isValid()
    qtbot.keySequence(dialog.tree, QKeySequence("Ctrl+Shift+Z"))
    assert added.key in keys(session)


def test_an_item_needs_a_title(qtbot, dialog: LibraryDialog, session: Session) -> None:
    before = keys(session)
    dialog.add_item()
    editor = dialog.editor
    assert editor is not None
    fill(qtbot, editor, "   ", "no title")
    ok(qtbot, editor)
    assert editor.isVisible()  # stays open, saying why
    assert editor.error.isVisible() and "needs a title" in editor.error.text()
    assert keys(session) == before


def test_reword_a_builtin_item_and_go_back_to_its_wording(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    dialog.select(PIPELINE.key)
    dialog.edit_button.click()
    editor = dialog.editor
    assert editor is not None
    assert editor.title.text() == PIPELINE.title_en
    assert not editor.stage.isEnabled()
    fill(qtbot, editor, "Book next month's guest speakers", PIPELINE.why_en)
    ok(qtbot, editor)
    item = dialog.current()
    assert item is not None and item.key == PIPELINE.key
    assert (item.title, item.reworded) == ("Book next month's guest speakers", True)
    assert dialog.model.index_of(PIPELINE.key).siblingAtColumn(2).data() == "Built-in, reworded"
    assert dialog.reset_button.isEnabled()
    dialog.reset_button.click()
    assert PIPELINE.title_en in titles(session)
    assert not dialog.reset_button.isEnabled()
    dialog.undo()  # the reset
    assert "Book next month's guest speakers" in titles(session)


def test_remove_asks_first_and_a_removed_builtin_can_be_put_back(
    qtbot, dialog: LibraryDialog, session: Session, confirm: Confirm
) -> None:
    dialog.select(PIPELINE.key)
    confirm.answer = False
    dialog.remove_button.click()
    assert confirm.questions and "Remove “Build a guest-share pipeline”" in confirm.questions[0]
    assert PIPELINE.key in keys(session)
    confirm.answer = True
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)  # Delete asks too
    assert len(confirm.questions) == 2
    assert PIPELINE.key not in keys(session)
    assert not dialog.model.index_of(PIPELINE.key).isValid()
    # Shown again with “Show removed built-in items”, and put back.
    assert not dialog.restore_button.isVisible()
    dialog.show_removed.setChecked(True)
    assert dialog.restore_button.isVisible()
    dialog.select(PIPELINE.key)
    assert dialog.model.index_of(PIPELINE.key).siblingAtColumn(2).data() == "Built-in, removed"
    assert not dialog.edit_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert PIPELINE.key in keys(session)
    assert dialog.model.index_of(PIPELINE.key).siblingAtColumn(2).data() == "Built-in"
    dialog.undo()
    assert PIPELINE.key not in keys(session)


def test_new_communities_get_the_edited_library(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    dialog.tree.setCurrentIndex(dialog.model.stage_index(Stage.BUILD))
    dialog.add_item()
    assert dialog.editor is not None
    fill(qtbot, dialog.editor, "Interview five would-be members", "")
    ok(qtbot, dialog.editor)
    dialog.select(PIPELINE.key)
    dialog.remove_item()
    community, _ = session.run(create_community, {"name": "New after the edit"})
    made = [i.title for i in checklist(session.workspace, community)]
    assert "Interview five would-be members" in made
    assert PIPELINE.title_en not in made


def test_the_note_explains_who_gets_the_library(dialog: LibraryDialog) -> None:
    assert "New communities get their checklist from this library" in dialog.note.text()
    assert "Add new items from the library" in dialog.note.text()
    assert not dialog.read_only_note.isVisible()


def test_read_only_workspace_is_view_only(
    qtbot, tmp_path: Path, paths: AppPaths, workspace: Workspace
) -> None:
    path = workspace.path
    workspace.close()
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    session = Session(ws)
    d = LibraryDialog(session, confirm=Confirm())
    qtbot.addWidget(d)
    d.show()
    d.select(PIPELINE.key)
    assert d.read_only_note.isVisible()
    for button in (d.add_button, d.edit_button, d.remove_button, d.reset_button):
        assert not button.isEnabled()
    d.add_item()
    d.remove_item()
    assert d.editor is None
    ws.close()
