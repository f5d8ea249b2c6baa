"""The checklist library editor: add, reword, remove and restore items, each undoable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from planner.checklist_library import builtin_items
from planner.checklists import checklist, set_done
from planner.communities import Stage, create_community
from planner.paths import AppPaths
from planner.ui.library_dialog import LibraryDialog, LibraryItemDialog
from planner.ui.library_model import LibraryModel
from planner.ui.session import Session
from planner.workspace import Workspace, open_workspace
from planner.workspace_library import library
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
    assert "Add … from the library" in dialog.note.text()  # the checklist's button
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


# -- undo in this window: only the library, and named ------------------------------------


def test_undo_names_the_change_and_leaves_changes_outside_the_library_alone(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    community, _ = session.run(create_community, {"name": "读书会"})
    dialog.select(PIPELINE.key)
    dialog.remove_item()
    assert dialog.undo_button.isEnabled()
    assert dialog.undo_button.text() == (
        "Undo Remove “Build a guest-share pipeline” from the checklist library"
    )
    assert dialog.undo_button.toolTip().endswith("(Ctrl+Z)")
    # A tick on a checklist in the main window: the newest change is not the library's.
    item = checklist(session.workspace, community)[0]
    session.run(set_done, item.id, True)
    assert not dialog.undo_button.isEnabled()
    assert dialog.undo_button.text() == "Undo"
    tip = dialog.undo_button.toolTip()
    assert f"Tick “{item.title}”" in tip and "not in the library" in tip
    # Ctrl+Z here does not take the tick back, and says why.
    qtbot.keySequence(dialog.tree, QKeySequence("Ctrl+Z"))
    dialog.undo()
    assert checklist(session.workspace, community)[0].done
    assert PIPELINE.key not in keys(session)
    assert dialog.undo_note.text() == tip
    # Once the tick is undone (in the main window), Undo here takes the removal back.
    session.undo()
    assert dialog.undo_button.isEnabled() and not dialog.undo_note.text()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert PIPELINE.key in keys(session)
    assert not checklist(session.workspace, community)[0].done
    assert dialog.undo_note.text() == (
        "Undid Remove “Build a guest-share pipeline” from the checklist library"
    )
    # Redo names it too; after the creation of the community, nothing more to undo here.
    assert dialog.redo_button.isEnabled()
    assert dialog.redo_button.text().startswith("Redo Remove “Build a guest-share pipeline”")
    assert not dialog.undo_button.isEnabled()  # the newest is the community's creation
    assert "Create community “读书会”" in dialog.undo_button.toolTip()
    qtbot.keySequence(dialog.tree, QKeySequence("Ctrl+Shift+Z"))
    assert PIPELINE.key not in keys(session)


def test_redo_of_a_change_outside_the_library_is_left_to_the_main_window(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    community, _ = session.run(create_community, {"name": "读书会"})
    item = checklist(session.workspace, community)[0]
    session.run(set_done, item.id, True)
    session.undo()
    assert not dialog.redo_button.isEnabled()
    assert f"Tick “{item.title}”" in dialog.redo_button.toolTip()
    qtbot.keySequence(dialog.tree, QKeySequence("Ctrl+Shift+Z"))
    assert not checklist(session.workspace, community)[0].done


def test_a_long_name_is_elided_on_the_button_and_whole_in_the_tooltip(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    dialog.add_item()
    assert dialog.editor is not None
    title = "Ask every new member what they want from the group and note it down " * 2
    fill(qtbot, dialog.editor, title.strip(), "")
    ok(qtbot, dialog.editor)
    text = dialog.undo_button.text()
    assert text.startswith("Undo Add “Ask every new member")
    assert text.endswith("…” to the checklist library")  # the title elided, not the action
    assert title.strip() in dialog.undo_button.toolTip()
    dialog.add_item()
    assert dialog.editor is not None
    fill(qtbot, dialog.editor, "Q&A every Friday", "")
    ok(qtbot, dialog.editor)
    assert dialog.undo_button.text() == "Undo Add “Q&&A every Friday” to the checklist library"


# -- the selection after Remove, Show removed and Put back --------------------------------


def test_after_remove_the_next_item_of_the_stage_is_selected(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    output = builtin_items("output")
    dialog.select(output[3].key)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert PIPELINE.key not in keys(session)
    current = dialog.current()
    assert current is not None and current.key == output[4].key  # the next one
    assert dialog.remove_button.isEnabled()
    # The last item of a stage: the one before it.
    dialog.select(output[-1].key)
    dialog.remove_item()
    current = dialog.current()
    assert current is not None and current.key == output[-2].key
    # Undo puts it back and keeps the selection where it is.
    dialog.undo()
    current = dialog.current()
    assert current is not None and current.key == output[-2].key


def test_show_removed_keeps_the_selection_and_put_back_keeps_the_item_selected(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    structure = builtin_items("structure")
    # Ticking and unticking keeps what is selected, an item or a stage.
    dialog.select(structure[2].key)
    dialog.show_removed.setChecked(True)
    assert dialog.current() is not None and dialog.current().key == structure[2].key
    dialog.show_removed.setChecked(False)
    assert dialog.current() is not None and dialog.current().key == structure[2].key
    dialog.tree.setCurrentIndex(dialog.model.stage_index(Stage.OPERATE))
    dialog.show_removed.setChecked(True)
    assert dialog.current() is None and dialog.current_stage() is Stage.OPERATE
    dialog.show_removed.setChecked(False)
    # Remove an item, then show the removed ones: the item removed is selected,
    # ready to put back.
    dialog.select(structure[1].key)
    dialog.remove_item()
    assert dialog.current() is not None and dialog.current().key == structure[2].key
    qtbot.mouseClick(dialog.show_removed, Qt.MouseButton.LeftButton)
    assert dialog.show_removed.isChecked()
    current = dialog.current()
    assert current is not None and current.key == structure[1].key and current.removed
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert structure[1].key in keys(session)
    current = dialog.current()
    assert current is not None and current.key == structure[1].key and not current.removed
    assert dialog.remove_button.isEnabled() and not dialog.restore_button.isEnabled()
    # Hiding removed items with a removed one selected: the next of its stage.
    dialog.remove_item()  # shown struck out, still selected
    assert dialog.current() is not None and dialog.current().key == structure[1].key
    dialog.show_removed.setChecked(False)
    assert dialog.current() is not None and dialog.current().key == structure[2].key


def test_a_removal_followed_by_another_selection_keeps_that_selection(
    qtbot, dialog: LibraryDialog, session: Session
) -> None:
    structure = builtin_items("structure")
    dialog.select(structure[1].key)
    dialog.remove_item()
    dialog.select(structure[4].key)  # the user went on
    dialog.show_removed.setChecked(True)
    assert dialog.current() is not None and dialog.current().key == structure[4].key
