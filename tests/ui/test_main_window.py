"""The main window, driven the way a user drives it: clicks, typing, shortcuts."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import random
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from planner.check import check_workspace
from planner.communities import (
    Community,
    create_community,
    find_community,
    get_community,
    list_communities,
)
from planner.errors import Cancelled
from planner.history import Change
from planner.paths import AppPaths
from planner.replicate import ReplicationPlan
from planner.replicate import replicate as real_replicate
from planner.schema import SCHEMA_VERSION
from planner.settings import Settings
from planner.ui.community_model import Role
from planner.ui.dialogs import NewCommunityDialog, TrashDialog
from planner.ui.main_window import MainWindow
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

if TYPE_CHECKING:
    from planner.ui.replicate_wizard import ReplicateWizard

SAMPLE_NAMES = [
    "Growth Hackers 增长交流群",
    "Notion 中文用户群",
    "初二（3）班家长群",
    "深夜读书会 · 付费会员圈",
]
NOTION = "Notion 中文用户群"
READING = "深夜读书会 · 付费会员圈"
COPY_TIMEOUT = 10.0  # seconds; a held copy waits this long at most for its cancel

# -- helpers -----------------------------------------------------------------


def make_window(qtbot, paths: AppPaths, confirm: Confirm | None = None) -> MainWindow:
    """A main window on the communities view (these tests are about communities)."""
    settings = Settings(paths.settings_file)
    settings.set("main_view", "communities")
    w = MainWindow(paths, settings, DEVICE, confirm=confirm or Confirm(answer=True))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def confirm() -> Confirm:
    return Confirm()


@pytest.fixture
def window(qtbot, paths: AppPaths, sample_path: Path, confirm: Confirm) -> MainWindow:
    """The main window with the sample workspace open."""
    w = make_window(qtbot, paths, confirm)
    assert w.open_path(sample_path)
    return w


def db_community(w: MainWindow, name: str) -> Community:
    assert w.session is not None
    return find_community(w.session.workspace, name)


def sidebar_names(w: MainWindow) -> list[str]:
    proxy = w.sidebar.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def click_in_sidebar(qtbot, w: MainWindow, name: str) -> None:
    """Click the sidebar row of the community called ``name``."""
    proxy = w.sidebar.proxy
    rows = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name]
    assert rows, f"{name} is not in the sidebar"
    rect = w.sidebar.list.visualRect(proxy.index(rows[0], 0))
    qtbot.mouseClick(w.sidebar.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def select(qtbot, w: MainWindow, name: str) -> None:
    click_in_sidebar(qtbot, w, name)
    qtbot.waitUntil(lambda: w.page.name.text() == name)


def error_boxes(w: MainWindow) -> list[QMessageBox]:
    return [box for box in w.findChildren(QMessageBox) if box.isVisible()]


def take_errors(w: MainWindow) -> list[str]:
    """The texts of the error boxes shown now; closes them."""
    boxes = error_boxes(w)
    texts = [box.text() for box in boxes]
    for box in boxes:
        box.close()
    return texts


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a user would.

    ASCII goes in as key clicks. QTest cannot click keys for other characters
    (it aborts), and Chinese is typed through an input method anyway, so those
    runs arrive as the input method's commit, the way an IME delivers them.
    """
    for is_ascii, chars in itertools.groupby(text, key=str.isascii):
        run = "".join(chars)
        if is_ascii:
            qtbot.keyClicks(widget, run)
        elif widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
            # (The platform sends input method events only to widgets that take them.)
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def retype(qtbot, widget: QWidget, text: str) -> None:
    """Select everything in a line edit, spin box or text edit and type ``text``."""
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    if text:
        type_text(qtbot, widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def press_delete_in_sidebar(qtbot, w: MainWindow) -> None:
    """Focus the community list (its Delete shortcut is widget-wide) and press Delete."""
    with qtbot.waitActive(w):
        w.activateWindow()
    w.sidebar.list.setFocus()
    qtbot.waitUntil(w.sidebar.list.hasFocus)
    qtbot.keyClick(w.sidebar.list, Qt.Key.Key_Delete)


def ok_button(dialog: NewCommunityDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def open_new_community_dialog(qtbot, w: MainWindow) -> NewCommunityDialog:
    qtbot.mouseClick(w.sidebar.new_button, Qt.MouseButton.LeftButton)
    dialog = w.findChild(NewCommunityDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


# -- opening the sample ------------------------------------------------------


def test_open_sample_shows_sidebar_and_selected_page(window: MainWindow) -> None:
    w = window
    assert "sample" in w.windowTitle()
    assert w.sidebar.isVisible()
    assert sidebar_names(w) == SAMPLE_NAMES
    assert w.stack.currentWidget() is w.page
    # The first community is selected and its fields are on the page, Chinese intact.
    first = db_community(w, SAMPLE_NAMES[0])
    assert w.sidebar.current_id() == first.id
    assert w.page.community_id == first.id
    assert w.page.name.text() == "Growth Hackers 增长交流群"
    assert w.page.owner.text() == "Kevin 王"
    assert w.page.segment.text() == "增长、市场、运营从业者"
    assert (
        w.page.notes.toPlainText() == "定位还没想清楚：围绕嘉宾分享还是工具？先访谈 10 位种子用户。"
    )
    assert w.page.platform.currentData() == "telegram"
    assert w.page.header_name.text() == "Growth Hackers 增长交流群"
    assert w.sidebar.trash_button.text() == "Trash (1)"
    assert not w.banner.isVisible()
    assert not error_boxes(w)


def test_selecting_in_sidebar_shows_that_community(qtbot, window: MainWindow) -> None:
    w = window
    select(qtbot, w, READING)
    reading = db_community(w, READING)
    assert w.page.community_id == reading.id
    assert w.page.member_count.value() == 312
    assert w.page.common_interest.toPlainText() == reading.common_interest
    assert (
        w.page.joining_principles.toPlainText()
        == "年费 365 元；老会员邀请优先；入群需填写读书计划。"
    )


# -- new community -----------------------------------------------------------


def test_create_community_through_dialog(qtbot, window: MainWindow) -> None:
    w = window
    dialog = open_new_community_dialog(qtbot, w)
    type_text(qtbot, dialog.name, "读书会 2 群")
    dialog.platform.setCurrentIndex(dialog.platform.findData("qq"))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    assert w.session is not None
    stored = find_community(w.session.workspace, "读书会 2 群")
    assert stored.platform == "qq" and stored.stage == "build"
    assert len(list_communities(w.session.workspace)) == 5
    assert "读书会 2 群" in sidebar_names(w)
    # The new community is selected and on the page.
    assert w.sidebar.current_id() == stored.id
    assert w.page.community_id == stored.id
    assert w.page.name.text() == "读书会 2 群"
    assert "Create community “读书会 2 群”" in w.undo_action.text()
    assert not error_boxes(w)


def test_new_community_dialog_refuses_empty_name(qtbot, window: MainWindow) -> None:
    w = window
    dialog = open_new_community_dialog(qtbot, w)
    qtbot.keyClicks(dialog.name, "   ")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "A community needs a name."
    assert w.session is not None
    assert len(list_communities(w.session.workspace)) == 4
    assert sidebar_names(w) == SAMPLE_NAMES
    # Typing again hides the message; a good name then goes through.
    type_text(qtbot, dialog.name, "新群")
    assert not dialog.error.isVisible()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert find_community(w.session.workspace, "新群").name == "新群"


def test_new_community_dialog_refuses_duplicate_name(qtbot, window: MainWindow) -> None:
    w = window
    dialog = open_new_community_dialog(qtbot, w)
    type_text(qtbot, dialog.name, "notion  中文用户群")  # other case, extra space
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "already called" in dialog.error.text()
    assert dialog.error.isVisible()
    assert w.session is not None
    assert [c.name for c in list_communities(w.session.workspace)] == SAMPLE_NAMES


def test_cancel_new_community_dialog_creates_nothing(qtbot, window: MainWindow) -> None:
    w = window
    dialog = open_new_community_dialog(qtbot, w)
    type_text(qtbot, dialog.name, "不要了")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert w.session is not None
    assert len(list_communities(w.session.workspace)) == 4


# -- editing -----------------------------------------------------------------


def edit_reading_group(qtbot, w: MainWindow) -> Community:
    """Select the reading group and type new values into three fields."""
    select(qtbot, w, READING)
    before = db_community(w, READING)
    retype(qtbot, w.page.name, "深夜读书会 · 年度会员")
    retype(qtbot, w.page.member_count, "400")
    retype(qtbot, w.page.notes, "续费季改到 11 月。")
    assert w.page.dirty
    assert w.page.save_button.isEnabled()
    assert w.save_action.isEnabled()
    assert w.isWindowModified()
    # Nothing is stored before saving.
    assert db_community(w, READING) == before
    return before


def assert_new_values(w: MainWindow, community_id: str) -> None:
    assert w.session is not None
    stored = get_community(w.session.workspace, community_id)
    assert stored.name == "深夜读书会 · 年度会员"
    assert stored.member_count == 400
    assert stored.notes == "续费季改到 11 月。"
    assert stored.owner == "Lily 李"  # untouched
    assert w.page.name.text() == "深夜读书会 · 年度会员"
    assert w.page.member_count.value() == 400
    assert w.page.notes.toPlainText() == "续费季改到 11 月。"


def test_edit_save_with_button_then_undo_and_redo(qtbot, window: MainWindow) -> None:
    w = window
    before = edit_reading_group(qtbot, w)
    qtbot.mouseClick(w.page.save_button, Qt.MouseButton.LeftButton)
    assert_new_values(w, before.id)
    assert not w.page.dirty and not w.isWindowModified()
    assert not w.save_action.isEnabled()
    assert "深夜读书会 · 年度会员" in sidebar_names(w)

    assert "Edit community" in w.undo_action.text()
    assert "深夜读书会 · 年度会员" in w.undo_action.text()
    w.undo_action.trigger()
    assert w.session is not None
    assert get_community(w.session.workspace, before.id).editable() == before.editable()
    assert w.page.community_id == before.id
    assert w.page.name.text() == READING
    assert w.page.member_count.value() == 312
    assert w.page.notes.toPlainText() == before.notes
    assert READING in sidebar_names(w)

    assert "Edit community" in w.redo_action.text()
    w.redo_action.trigger()
    assert_new_values(w, before.id)
    assert not w.redo_action.isEnabled()


def test_ctrl_s_saves(qtbot, window: MainWindow) -> None:
    w = window
    before = edit_reading_group(qtbot, w)
    with qtbot.waitActive(w):
        w.activateWindow()
    qtbot.keySequence(w.page.notes, QKeySequence("Ctrl+S"))
    assert_new_values(w, before.id)
    assert not w.page.dirty


def test_save_action_saves(qtbot, window: MainWindow) -> None:
    w = window
    before = edit_reading_group(qtbot, w)
    w.save_action.trigger()
    assert_new_values(w, before.id)


def test_undo_while_typing_reverts_the_form(qtbot, window: MainWindow) -> None:
    w = window
    before = edit_reading_group(qtbot, w)
    assert w.undo_action.isEnabled()
    assert "Typing" in w.undo_action.text()
    w.undo_action.trigger()
    assert not w.page.dirty
    assert w.page.name.text() == READING
    assert w.page.member_count.value() == 312
    assert db_community(w, READING) == before


def test_ctrl_z_in_a_saved_field_undoes_the_saved_change(qtbot, window: MainWindow) -> None:
    """Focus usually stays in a field after saving; Ctrl+Z must still reach Edit > Undo."""
    w = window
    before = edit_reading_group(qtbot, w)
    qtbot.keySequence(w.page.notes, QKeySequence("Ctrl+S"))
    assert_new_values(w, before.id)
    w.page.owner.setFocus()
    qtbot.keySequence(w.page.owner, QKeySequence("Ctrl+Z"))
    assert db_community(w, READING).editable() == before.editable()
    qtbot.keySequence(w.page.owner, QKeySequence("Ctrl+Shift+Z"))
    assert_new_values(w, before.id)


def test_ctrl_z_while_typing_stays_in_the_field(qtbot, window: MainWindow) -> None:
    w = window
    select(qtbot, w, READING)
    w.page.owner.setFocus()
    qtbot.keyClicks(w.page.owner, "X")
    assert w.page.owner.text() == "Lily 李X"
    qtbot.keySequence(w.page.owner, QKeySequence("Ctrl+Z"))
    assert w.page.owner.text() == "Lily 李"  # the field's own undo
    assert db_community(w, READING).owner == "Lily 李"
    assert w.session is not None
    assert not w.session.workspace.history.can_undo


def test_saving_only_white_space_leaves_the_form_clean(qtbot, window: MainWindow) -> None:
    w = window
    select(qtbot, w, READING)
    qtbot.keyClicks(w.page.owner, "   ")
    assert w.page.dirty
    qtbot.mouseClick(w.page.save_button, Qt.MouseButton.LeftButton)
    assert not w.page.dirty and not w.isWindowModified()
    assert w.page.owner.text() == "Lily 李"


# -- validation and leaving a page -------------------------------------------


def test_empty_name_is_refused_on_save(qtbot, window: MainWindow) -> None:
    w = window
    select(qtbot, w, NOTION)
    before = db_community(w, NOTION)
    retype(qtbot, w.page.name, "")
    assert w.page.name.text() == ""
    assert w.page.dirty
    qtbot.mouseClick(w.page.save_button, Qt.MouseButton.LeftButton)
    assert w.page.field_error("name") == "A community needs a name."
    assert w.page.name.property("invalid") is True
    assert w.page.field_error("owner") == ""
    assert w.page.dirty
    assert db_community(w, NOTION) == before
    # Typing into the field clears its error.
    type_text(qtbot, w.page.name, "Notion 群")
    assert w.page.field_error("name") == ""


def test_duplicate_name_is_refused_on_save(qtbot, window: MainWindow) -> None:
    w = window
    select(qtbot, w, NOTION)
    retype(qtbot, w.page.name, READING)
    w.save_action.trigger()
    assert "already called" in w.page.field_error("name")
    assert db_community(w, NOTION).name == NOTION
    assert db_community(w, READING).member_count == 312


def test_leaving_an_invalid_page_stays_and_says_why(qtbot, window: MainWindow) -> None:
    w = window
    select(qtbot, w, NOTION)
    notion = db_community(w, NOTION)
    retype(qtbot, w.page.name, "")
    click_in_sidebar(qtbot, w, READING)

    # The window goes back to the community being edited, edits kept.
    qtbot.waitUntil(lambda: w.sidebar.current_id() == notion.id)
    assert w.page.community_id == notion.id
    assert w.page.name.text() == ""
    assert w.page.dirty
    assert w.page.field_error("name") == "A community needs a name."
    texts = take_errors(w)
    assert len(texts) == 1
    assert "cannot be saved yet" in texts[0]
    assert db_community(w, NOTION) == notion


def test_leaving_a_page_saves_valid_edits(qtbot, window: MainWindow) -> None:
    w = window
    select(qtbot, w, NOTION)
    notion = db_community(w, NOTION)
    retype(qtbot, w.page.owner, "Kevin 王 / Amy 陈")
    retype(qtbot, w.page.common_interest, "Notion 模板与工作流")
    select(qtbot, w, READING)
    assert w.page.community_id == db_community(w, READING).id
    assert w.session is not None
    stored = get_community(w.session.workspace, notion.id)
    assert stored.owner == "Kevin 王 / Amy 陈"
    assert stored.common_interest == "Notion 模板与工作流"
    assert not w.page.dirty
    assert not error_boxes(w)
    # That save is one undoable change.
    assert "Edit community “Notion 中文用户群”" in w.undo_action.text()


# -- trash -------------------------------------------------------------------


def delete_with_button(qtbot, w: MainWindow, name: str) -> Community:
    select(qtbot, w, name)
    community = db_community(w, name)
    qtbot.mouseClick(w.page.delete_button, Qt.MouseButton.LeftButton)
    return community


def trash_names(w: MainWindow) -> list[str]:
    assert w.session is not None
    return [c.name for c in list_communities(w.session.workspace, trash=True)]


def test_delete_button_moves_to_trash_and_undo_brings_back(
    qtbot, window: MainWindow, confirm: Confirm
) -> None:
    w = window
    notion = delete_with_button(qtbot, w, NOTION)
    assert len(confirm.questions) == 1 and NOTION in confirm.questions[0]
    assert NOTION not in sidebar_names(w)
    assert trash_names(w) == [NOTION, "双十一临时福利群"]
    assert w.sidebar.trash_button.text() == "Trash (2)"
    # The page moves on to a community that is still there.
    assert w.page.community_id != notion.id
    assert w.page.community_id in {c.id for c in list_communities(w.session.workspace)}
    assert w.stack.currentWidget() is w.page

    assert "Move “Notion 中文用户群” to the trash" in w.undo_action.text()
    w.undo_action.trigger()
    assert sidebar_names(w) == SAMPLE_NAMES
    assert trash_names(w) == ["双十一临时福利群"]
    assert w.page.community_id == notion.id
    assert w.sidebar.current_id() == notion.id


def test_delete_the_selected_first_community(qtbot, window: MainWindow) -> None:
    w = window
    first = delete_with_button(qtbot, w, SAMPLE_NAMES[0])
    assert SAMPLE_NAMES[0] not in sidebar_names(w)
    live = {c.id for c in list_communities(w.session.workspace)}
    assert w.page.community_id in live and w.page.community_id != first.id
    assert w.sidebar.current_id() == w.page.community_id


def test_restore_from_trash_dialog(qtbot, window: MainWindow) -> None:
    w = window
    notion = delete_with_button(qtbot, w, NOTION)
    w.show_trash()
    dialog = w.trash_dialog
    assert isinstance(dialog, TrashDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.restore_button.isEnabled()
    row = dialog.model.row_of(notion.id)
    assert row >= 0
    rect = dialog.list.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.list.currentIndex().data(Role.ID) == notion.id
    assert dialog.info.text().startswith("Deleted ")
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert w.session is not None
    assert not get_community(w.session.workspace, notion.id).deleted
    assert sidebar_names(w) == SAMPLE_NAMES
    assert w.page.community_id == notion.id
    assert dialog.model.row_of(notion.id) == -1
    assert dialog.model.rowCount() == 1
    assert "Restore “Notion 中文用户群”" in w.undo_action.text()


def test_declining_the_confirmation_keeps_the_community(
    qtbot, window: MainWindow, confirm: Confirm
) -> None:
    w = window
    confirm.answer = False
    notion = delete_with_button(qtbot, w, NOTION)
    assert len(confirm.questions) == 1
    assert sidebar_names(w) == SAMPLE_NAMES
    assert w.session is not None
    assert not get_community(w.session.workspace, notion.id).deleted
    assert trash_names(w) == ["双十一临时福利群"]
    assert w.page.community_id == notion.id
    assert not w.undo_action.isEnabled()


def test_delete_key_in_sidebar_asks_and_trashes(
    qtbot, window: MainWindow, confirm: Confirm
) -> None:
    w = window
    select(qtbot, w, READING)
    reading = db_community(w, READING)
    press_delete_in_sidebar(qtbot, w)
    assert len(confirm.questions) == 1 and READING in confirm.questions[0]
    assert w.session is not None
    assert get_community(w.session.workspace, reading.id).deleted
    assert READING not in sidebar_names(w)


def test_undo_create_while_its_page_is_shown(qtbot, window: MainWindow) -> None:
    w = window
    dialog = open_new_community_dialog(qtbot, w)
    type_text(qtbot, dialog.name, "读书会 2 群")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert w.page.name.text() == "读书会 2 群"
    w.undo_action.trigger()
    assert w.session is not None
    assert [c.name for c in list_communities(w.session.workspace)] == SAMPLE_NAMES
    assert sidebar_names(w) == SAMPLE_NAMES
    assert w.page.community_id in {c.id for c in list_communities(w.session.workspace)}
    assert not error_boxes(w)
    w.redo_action.trigger()
    assert w.page.name.text() == "读书会 2 群"


def test_delete_with_unsaved_edits_saves_them_first(
    qtbot, window: MainWindow, confirm: Confirm
) -> None:
    w = window
    select(qtbot, w, NOTION)
    notion = db_community(w, NOTION)
    retype(qtbot, w.page.owner, "Amy 陈")
    press_delete_in_sidebar(qtbot, w)
    assert w.session is not None
    stored = get_community(w.session.workspace, notion.id)
    assert stored.deleted and stored.owner == "Amy 陈"

    # Ctrl+Z first brings the community back, with the edit; then undoes the edit.
    assert "Move “Notion 中文用户群” to the trash" in w.undo_action.text()
    w.undo_action.trigger()
    assert NOTION in sidebar_names(w)
    assert w.page.community_id == notion.id
    assert w.page.owner.text() == "Amy 陈"
    assert "Edit community" in w.undo_action.text()
    w.undo_action.trigger()
    assert w.page.owner.text() == "Kevin 王"
    assert db_community(w, NOTION).owner == "Kevin 王"


def test_delete_with_invalid_edits_is_refused(qtbot, window: MainWindow, confirm: Confirm) -> None:
    w = window
    select(qtbot, w, NOTION)
    retype(qtbot, w.page.name, "")
    qtbot.mouseClick(w.page.delete_button, Qt.MouseButton.LeftButton)
    texts = take_errors(w)
    assert len(texts) == 1 and "cannot be saved yet" in texts[0]
    assert confirm.questions == []
    assert not db_community(w, NOTION).deleted
    assert w.page.name.text() == "" and w.page.dirty


# -- files that cannot be opened ---------------------------------------------


def closed_workspace(path: Path, paths: AppPaths) -> Path:
    """A real workspace with a few communities, closed again."""
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        for n in range(3):
            create_community(ws, {"name": f"测试群 {n}", "notes": "备注 " * 50})
    return path


def page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def make_missing(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    return d / "missing.cplan"


def make_folder(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    folder = d / "folder.cplan"
    folder.mkdir()
    return folder


def make_empty(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    empty = d / "empty.cplan"
    empty.write_bytes(b"")
    return empty


def make_random(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    noise = d / "noise.cplan"
    noise.write_bytes(random.Random(7).randbytes(8192))
    return noise


def make_plain_sqlite(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    plain = d / "plain.cplan"
    with contextlib.closing(sqlite3.connect(plain)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('hello')")
        conn.commit()
    return plain


def make_newer(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    newer = closed_workspace(d / "newer.cplan", paths)
    with contextlib.closing(sqlite3.connect(newer)) as conn:
        conn.execute("PRAGMA user_version = 99")
    assert int.from_bytes(newer.read_bytes()[60:64], "big") == 99 > SCHEMA_VERSION
    return newer


def make_corrupt(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    """A workspace whose page 2 (the communities table's b-tree) has a garbled header."""
    corrupt = closed_workspace(d / "corrupt.cplan", paths)
    data = bytearray(corrupt.read_bytes())
    start = page_size(corrupt)  # page 2 starts after page 1
    data[start : start + 24] = b"\xa5" * 24
    corrupt.write_bytes(bytes(data))
    assert not check_workspace(corrupt).sound, "the damage must be one quick_check sees"
    return corrupt


def make_in_use(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    busy = closed_workspace(d / "busy.cplan", paths)
    stack.enter_context(open_workspace(busy, device_id=DEVICE, lock_dir=paths.lock_dir))
    return busy


def make_with_trigger(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    """A workspace someone slipped a destructive trigger into."""
    rigged = closed_workspace(d / "rigged.cplan", paths)
    with contextlib.closing(sqlite3.connect(rigged)) as conn:
        conn.execute(
            "CREATE TRIGGER wipe AFTER UPDATE ON communities "
            "BEGIN DELETE FROM communities WHERE id != new.id; END"
        )
        conn.commit()
    return rigged


def make_unreadable_row(d: Path, paths: AppPaths, stack: contextlib.ExitStack) -> Path:
    odd = closed_workspace(d / "odd.cplan", paths)
    with contextlib.closing(sqlite3.connect(odd)) as conn:
        conn.execute("UPDATE communities SET stage = 'decline'")
        conn.commit()
    return odd


BAD_FILES = [
    pytest.param(make_with_trigger, "parts that Community Planner did not make", id="trigger"),
    pytest.param(make_unreadable_row, "unknown stage “decline”", id="unreadable-row"),
    pytest.param(make_missing, "no such file", id="missing"),
    pytest.param(make_folder, "is a folder", id="folder"),
    pytest.param(make_empty, "empty (0 bytes)", id="empty"),
    pytest.param(make_random, "not an SQLite database", id="random-bytes"),
    pytest.param(make_plain_sqlite, "not a Community Planner workspace", id="plain-sqlite"),
    pytest.param(make_newer, "newer version of Community Planner (schema 99)", id="newer"),
    pytest.param(make_corrupt, "damaged", id="corrupt"),
    pytest.param(make_in_use, "already open", id="in-use"),
]


def snapshot(d: Path) -> dict[str, str]:
    """Every file below ``d`` with a hash of its bytes (folders as "<dir>")."""
    return {
        str(p.relative_to(d)): "<dir>" if p.is_dir() else sha256(p) for p in sorted(d.rglob("*"))
    }


def sample_files(sample_path: Path) -> dict[str, str]:
    """The workspace file and anything SQLite put beside it, with hashes."""
    return {p.name: sha256(p) for p in sample_path.parent.glob(sample_path.name + "*")}


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "bad"
    d.mkdir()
    return d


@pytest.fixture
def exit_stack() -> Iterator[contextlib.ExitStack]:
    with contextlib.ExitStack() as stack:
        yield stack


@pytest.mark.parametrize(("make", "expected"), BAD_FILES)
def test_bad_file_is_refused_and_sample_stays_open(
    window: MainWindow,
    sample_path: Path,
    bad_dir: Path,
    paths: AppPaths,
    exit_stack: contextlib.ExitStack,
    make: Callable[[Path, AppPaths, contextlib.ExitStack], Path],
    expected: str,
) -> None:
    w = window
    bad = make(bad_dir, paths, exit_stack)
    before = snapshot(bad_dir)
    shown_id = w.page.community_id
    title = w.windowTitle()

    assert w.open_path(bad) is False

    texts = take_errors(w)
    assert len(texts) == 1
    message = texts[0]
    assert expected in message
    assert str(bad) in message
    assert "\n" not in message and "Traceback" not in message
    # The window keeps what it had: the sample, its list, its page.
    assert w.session is not None and w.session.workspace.path == sample_path
    assert len(list_communities(w.session.workspace)) == 4  # still usable
    assert sidebar_names(w) == SAMPLE_NAMES
    assert w.page.community_id == shown_id
    assert w.stack.currentWidget() is w.page
    assert w.windowTitle() == title
    assert str(bad.resolve()) not in w.settings.get("recent_workspaces")
    # The bad file (and its folder) are exactly as they were: no bytes, no -wal.
    assert snapshot(bad_dir) == before
    assert bad.exists() == (make is not make_missing)


@pytest.mark.parametrize(("make", "expected"), BAD_FILES)
def test_bad_file_with_nothing_open_shows_no_workspace(
    qtbot,
    paths: AppPaths,
    bad_dir: Path,
    exit_stack: contextlib.ExitStack,
    make: Callable[[Path, AppPaths, contextlib.ExitStack], Path],
    expected: str,
) -> None:
    w = make_window(qtbot, paths)
    assert w.open_path(make(bad_dir, paths, exit_stack)) is False
    texts = take_errors(w)
    assert len(texts) == 1 and expected in texts[0]
    assert w.session is None
    assert w.stack.currentWidget() is w.start
    assert w.start.title.text() == "No workspace is open"
    assert w.start.open_button.isVisible()
    assert not w.sidebar.isVisible()
    assert not w.new_community_action.isEnabled()


def test_damaged_cells_give_a_one_line_message(
    window: MainWindow, bad_dir: Path, paths: AppPaths
) -> None:
    w = window
    damaged = closed_workspace(bad_dir / "cells.cplan", paths)
    data = bytearray(damaged.read_bytes())
    end = 2 * page_size(damaged)  # the cell content at the end of page 2
    data[end - 200 : end] = b"\xa5" * 200
    damaged.write_bytes(bytes(data))
    assert not check_workspace(damaged).sound

    assert w.open_path(damaged) is False
    texts = take_errors(w)
    assert len(texts) == 1
    assert "damaged" in texts[0]
    assert "\n" not in texts[0]


# -- read-only, empty and first start ----------------------------------------


def test_read_only_file_opens_for_looking_only(
    qtbot, paths: AppPaths, sample_path: Path, confirm: Confirm
) -> None:
    os.chmod(sample_path, 0o444)
    folder_before = sample_files(sample_path)
    w = make_window(qtbot, paths, confirm)
    assert w.open_path(sample_path) is True

    assert w.session is not None and w.session.read_only
    assert w.banner.isVisible()
    assert "read-only" in w.banner_text.text()
    assert "read-only" in w.windowTitle()
    assert sidebar_names(w) == SAMPLE_NAMES
    assert w.page.name.text() == SAMPLE_NAMES[0]
    for action in (w.save_action, w.new_community_action, w.delete_action, w.undo_action):
        assert not action.isEnabled(), action.text()
    assert not w.sidebar.new_button.isEnabled()
    assert not w.page.save_button.isEnabled()
    assert not w.page.delete_button.isEnabled()
    for field_ in (w.page.name, w.page.owner, w.page.segment, w.page.notes):
        assert field_.isReadOnly()
    for control in (w.page.platform, w.page.stage, w.page.member_count, w.page.color):
        assert not control.isEnabled()

    # Typing and the Delete key change nothing.
    type_text(qtbot, w.page.name, "x 改名")
    assert w.page.name.text() == SAMPLE_NAMES[0]
    assert not w.page.dirty
    press_delete_in_sidebar(qtbot, w)
    assert confirm.questions == []
    w.new_community()
    assert w.findChild(NewCommunityDialog) is None

    w.close()
    assert w.session is None
    # Not a byte changed, and no -wal or -shm beside it.
    assert sample_files(sample_path) == folder_before


def test_empty_workspace_shows_start_screen(qtbot, paths: AppPaths, tmp_path: Path) -> None:
    w = make_window(qtbot, paths)
    assert w.new_workspace_at(tmp_path / "x.cplan")
    assert w.stack.currentWidget() is w.start
    assert w.start.create_button.isVisible()
    assert w.start.create_button.text() == "Create your first community"
    assert w.sidebar.isVisible() and w.model.rowCount() == 0
    assert w.windowTitle().startswith("x")
    assert not w.delete_action.isEnabled()

    qtbot.mouseClick(w.start.create_button, Qt.MouseButton.LeftButton)
    dialog = w.findChild(NewCommunityDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.name, "第一个群")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.page
    assert w.page.name.text() == "第一个群"
    assert sidebar_names(w) == ["第一个群"]


def test_trashing_the_last_community_shows_start_screen(
    qtbot, paths: AppPaths, tmp_path: Path
) -> None:
    w = make_window(qtbot, paths)
    assert w.new_workspace_at(tmp_path / "x.cplan")
    w.new_community()
    dialog = w.findChild(NewCommunityDialog)
    type_text(qtbot, dialog.name, "唯一的群")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.page.delete_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.start
    assert w.start.create_button.isVisible()
    assert w.sidebar.trash_button.text() == "Trash (1)"
    w.undo_action.trigger()
    assert w.stack.currentWidget() is w.page
    assert w.page.name.text() == "唯一的群"


def test_first_start_creates_and_opens_default_workspace(qtbot, paths: AppPaths) -> None:
    assert not paths.default_workspace.exists()
    w = make_window(qtbot, paths)
    w.open_initial(None)
    assert paths.default_workspace.is_file()
    assert w.session is not None
    assert w.session.workspace.path == paths.default_workspace
    assert w.stack.currentWidget() is w.start
    assert "My communities" in w.windowTitle()
    assert not error_boxes(w)
    w.session.run(create_community, {"name": "留下来的群"})
    w.close()
    assert check_workspace(paths.default_workspace).sound

    # The next start opens the same file again.
    again = make_window(qtbot, paths)
    again.open_initial(None)
    assert again.session is not None
    assert again.session.workspace.path == paths.default_workspace
    assert sidebar_names(again) == ["留下来的群"]


def test_open_initial_with_a_path_opens_it(qtbot, paths: AppPaths, sample_path: Path) -> None:
    w = make_window(qtbot, paths)
    w.open_initial(sample_path)
    assert w.session is not None and w.session.workspace.path == sample_path
    assert not paths.default_workspace.exists()


# -- settings: geometry, recent workspaces -----------------------------------


def test_window_size_is_remembered(qtbot, paths: AppPaths) -> None:
    w = make_window(qtbot, paths)
    w.resize(790, 560)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (790, 560))
    w.close()
    assert paths.settings_file.is_file()

    again = make_window(qtbot, paths)
    assert (again.width(), again.height()) == (790, 560)


def test_recent_menu_lists_opened_workspaces(
    qtbot, window: MainWindow, sample_path: Path, tmp_path: Path
) -> None:
    w = window
    other = tmp_path / "other.cplan"
    assert w.new_workspace_at(other)
    w._fill_recent_menu()
    actions = [a for a in w.recent_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["other.cplan", "sample.cplan", "Clear list"]
    assert actions[0].toolTip() == str(other.resolve())
    assert actions[1].toolTip() == str(sample_path.resolve())
    assert all(a.isEnabled() for a in actions)

    actions[1].trigger()  # reopen the sample from the menu
    assert w.session is not None and w.session.workspace.path == sample_path
    assert sidebar_names(w) == SAMPLE_NAMES

    # The list survives a restart (it is in the settings file).
    w.close()
    again = make_window(qtbot, w.paths)
    again._fill_recent_menu()
    assert [a.text() for a in again.recent_menu.actions()][:2] == ["sample.cplan", "other.cplan"]


def test_recent_menu_empty_and_clear(qtbot, window: MainWindow) -> None:
    w = window
    w._fill_recent_menu()
    clear = [a for a in w.recent_menu.actions() if a.text() == "Clear list"]
    assert len(clear) == 1
    clear[0].trigger()
    assert w.settings.get("recent_workspaces") == []
    w._fill_recent_menu()
    texts = [a.text() for a in w.recent_menu.actions()]
    assert texts == ["No recent workspaces"]
    assert not w.recent_menu.actions()[0].isEnabled()


def test_reopening_the_open_workspace_from_recent_menu(
    qtbot, window: MainWindow, sample_path: Path
) -> None:
    w = window
    session = w.session
    select(qtbot, w, READING)
    w._fill_recent_menu()
    current = w.recent_menu.actions()[0]
    assert current.text() == "sample.cplan"
    current.trigger()
    assert not error_boxes(w)
    assert w.session is session
    assert w.page.name.text() == READING
    assert w.open_path(sample_path) is True
    assert not error_boxes(w)


# -- search ------------------------------------------------------------------


def test_search_box_filters_sidebar(qtbot, window: MainWindow) -> None:
    w = window
    qtbot.keyClicks(w.sidebar.search, "Notion")
    assert w.sidebar.proxy.rowCount() == 1
    assert sidebar_names(w) == [NOTION]
    w.sidebar.search.clear()
    assert sidebar_names(w) == SAMPLE_NAMES
    type_text(qtbot, w.sidebar.search, "家长")
    assert sidebar_names(w) == ["初二（3）班家长群"]
    w.sidebar.search.clear()
    qtbot.keyClicks(w.sidebar.search, "kevin")  # owner, any case
    assert sidebar_names(w) == ["Growth Hackers 增长交流群", NOTION]


def test_selecting_a_hidden_community_clears_the_search(qtbot, window: MainWindow) -> None:
    w = window
    qtbot.keyClicks(w.sidebar.search, "Notion")
    reading = db_community(w, READING)
    w.sidebar.select(reading.id)
    assert w.sidebar.search.text() == ""
    assert w.sidebar.current_id() == reading.id
    assert w.page.community_id == reading.id


# -- the overview, the checklist library, replicate ----------------------------


def menu_actions(w: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions()]


def overdue_item(w: MainWindow, name: str) -> tuple[str, str]:
    """Make one open item of ``name``'s current stage overdue; its (community, item) ids."""
    from datetime import date, timedelta

    from planner.checklists import checklist, update_item

    assert w.session is not None
    community = db_community(w, name)
    item = next(
        i
        for i in checklist(w.session.workspace, community.id)
        if i.stage is community.stage and not i.done and not i.hidden
    )
    w.session.run(update_item, item.id, {"due_on": date.today() - timedelta(days=2)})
    return community.id, item.id


def test_overview_is_a_main_view_with_menu_toolbar_and_shortcut(
    qtbot, window: MainWindow, paths: AppPaths, sample_path: Path
) -> None:
    w = window
    assert "&Overview" in menu_actions(w, "&View")
    assert w.overview_action.shortcut() == QKeySequence("Ctrl+6")
    assert w.overview_nav_action in w.views_toolbar.actions()
    qtbot.keySequence(w, QKeySequence("Ctrl+6"))
    assert w.stack.currentWidget() is w.overview
    assert w.overview_nav_action.isChecked() and not w.communities_nav_action.isChecked()
    assert w.overview.model.rowCount() == len(SAMPLE_NAMES)
    assert w.settings.get("main_view") == "overview"
    # Remembered: the next window starts on the overview.
    w.close()
    again = make_window(qtbot, paths)  # (which starts on the communities view)
    again.settings.set("main_view", "overview")
    again.close()
    again = MainWindow(paths, Settings(paths.settings_file), DEVICE, confirm=Confirm())
    qtbot.addWidget(again)
    assert again.main_view == "overview"
    assert again.open_path(sample_path)
    assert again.stack.currentWidget() is again.overview
    again.communities_nav_action.trigger()  # the toolbar goes back
    assert again.stack.currentWidget() is again.page


def test_overview_shows_what_is_overdue_and_opens_a_community(qtbot, window: MainWindow) -> None:
    w = window
    w.show_overview()
    community_id, item_id = overdue_item(w, READING)  # after: the page refreshes itself
    model = w.overview.model
    row = model.row_of(community_id)
    cell = model.index(row, 3).data(Qt.ItemDataRole.UserRole + 3)
    assert item_id in [e.item_id for e in cell.entries]
    view = w.overview.view
    pos = view.visualRect(model.index(row, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert w.stack.currentWidget() is w.page
    assert w.page.community_id == community_id
    assert w.sidebar.current_id() == community_id
    assert w.settings.get("main_view") == "communities"


def shown_checklist_item(w: MainWindow) -> str:
    """The id of the checklist item selected on the community page's Checklist tab."""
    assert w.page.tabs.currentWidget() is w.page.checklist
    item = w.page.checklist.current_item()
    return item.id if item is not None else ""


def test_clicking_an_overdue_item_opens_it_on_the_checklist(qtbot, window: MainWindow) -> None:
    w = window
    community_id, item_id = overdue_item(w, NOTION)
    w.show_overview()
    view = w.overview.view
    index = w.overview.model.index(w.overview.model.row_of(community_id), 3)
    cell = index.data(Qt.ItemDataRole.UserRole + 3)
    n = [e.item_id for e in cell.entries].index(item_id)
    rects = view.overview_delegate.entry_rects(view.visualRect(index), view.fontMetrics(), cell)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rects[n].center())
    assert w.stack.currentWidget() is w.page
    assert w.page.community_id == community_id
    assert shown_checklist_item(w) == item_id
    # Had that been a double-click, its second click lands on the checklist now under
    # the mouse: it neither selects nor opens the item that happens to be there.
    checklist_view = w.page.checklist.view
    below = checklist_view.indexBelow(checklist_view.currentIndex())
    pos = checklist_view.visualRect(below).center()
    qtbot.mouseClick(checklist_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(checklist_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert shown_checklist_item(w) == item_id
    assert not [d for d in w.findChildren(QDialog) if d.isVisible()]


def test_library_dialog_from_the_community_menu_undoes_with_edit_undo(
    qtbot, window: MainWindow
) -> None:
    from planner.checklists import checklist
    from planner.communities import Stage
    from planner.workspace_library import library

    w = window
    assert "Checklist &library…" in menu_actions(w, "&Community")
    w.library_action.trigger()
    dialog = w.library_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.tree.setCurrentIndex(dialog.model.stage_index(Stage.OUTPUT))
    dialog.add_item()
    assert dialog.editor is not None
    qtbot.keyClicks(dialog.editor.title, "Post the weekly recap")
    dialog.editor.accept()
    assert w.session is not None
    ws = w.session.workspace
    assert "Post the weekly recap" in [i.title for i in library(ws)]
    # Edit ▸ Undo names it and takes it back; the dialog follows.
    assert "checklist library" in w.undo_action.text()
    w.undo_action.trigger()
    assert "Post the weekly recap" not in [i.title for i in library(ws)]
    assert "Post the weekly recap" not in [
        dialog.model.index(r, 0, dialog.model.stage_index(Stage.OUTPUT)).data()
        for r in range(dialog.model.rowCount(dialog.model.stage_index(Stage.OUTPUT)))
    ]
    w.redo_action.trigger()
    # A community made now gets it.
    dialog_new = open_new_community_dialog(qtbot, w)
    type_text(qtbot, dialog_new.name, "周末徒步群")
    qtbot.mouseClick(ok_button(dialog_new), Qt.MouseButton.LeftButton)
    made = db_community(w, "周末徒步群")
    assert "Post the weekly recap" in [i.title for i in checklist(ws, made.id)]
    # One dialog per window; closing the workspace closes it.
    w.library_action.trigger()
    assert w.library_dialog is dialog
    w.close_workspace()
    assert w.library_dialog is None


def test_replicate_action_is_in_the_community_menu(
    qtbot, window: MainWindow, paths: AppPaths, sample_path: Path
) -> None:
    w = window
    assert "&Replicate community…" in menu_actions(w, "&Community")
    assert w.replicate_action.isEnabled()
    w.close_workspace()
    w._show_state()
    assert not w.replicate_action.isEnabled()


def test_replicate_opens_the_wizard_and_selects_the_copy(qtbot, window: MainWindow) -> None:
    from planner.ui.replicate_wizard import ReplicateWizard

    w = window
    reading = db_community(w, READING)
    select(qtbot, w, READING)
    w.replicate_action.trigger()
    wizard = w.findChild(ReplicateWizard)
    assert wizard is not None and wizard.source.id == reading.id
    notion = db_community(w, NOTION)  # stands in for the copy the wizard makes
    wizard.replicated.emit(notion.id)
    assert w.page.community_id == notion.id != reading.id
    assert w.stack.currentWidget() is w.page


def test_open_calendar_for_a_community_filters_the_calendar(window: MainWindow) -> None:
    w = window
    notion = db_community(w, NOTION)
    w.open_calendar_for(notion.id)
    assert w.stack.currentWidget() is w.calendar
    assert w.calendar.current_filter().community_ids == frozenset({notion.id})
    assert {o.item.community_id for o in w.calendar.occurrences} <= {notion.id}
    w.calendar.clear_filters()
    assert w.calendar.current_filter().community_ids is None


def test_community_page_requests_reach_the_window(qtbot, window: MainWindow) -> None:
    from planner.ui.replicate_wizard import ReplicateWizard

    w = window
    notion = db_community(w, NOTION)
    w.page.open_templates_requested.emit(notion.id)
    assert w.stack.currentWidget() is w.templates
    w.page.open_calendar_requested.emit(notion.id)
    assert w.stack.currentWidget() is w.calendar
    assert w.calendar.current_filter().community_ids == frozenset({notion.id})
    w.page.replicate_requested.emit(notion.id)
    wizard = w.findChild(ReplicateWizard)
    assert wizard is not None and wizard.source.id == notion.id
    wizard.reject()
    w.page.open_template_requested.emit("builtin:paid_camp.zh")
    assert w.stack.currentWidget() is w.templates
    assert w.templates.template is not None
    assert w.templates.template.id == "builtin:paid_camp.zh"
    w.page.message.emit("Added 2 items from the checklist library")
    assert w.statusBar().currentMessage() == "Added 2 items from the checklist library"


def copy_in_progress(
    qtbot, w: MainWindow, monkeypatch: pytest.MonkeyPatch, *, committed: bool
) -> ReplicateWizard:
    """The replicate wizard of “深夜读书会”, its copy running and held until it is cancelled.

    Held after its first row (``committed`` False: cancelling rolls it back),
    or after it has committed (the cancel comes too late: the copy is made).
    """
    from planner.ui import replicate_wizard

    started = threading.Event()

    def held(
        worker: Workspace,
        plan: ReplicationPlan,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, Change]:
        assert cancelled is not None
        gate = cancelled.__self__  # the job's threading.Event: set by cancel
        if committed:
            result = real_replicate(worker, plan, progress, None)
            started.set()
            gate.wait(COPY_TIMEOUT)
            return result

        def slow(done: int, total: int) -> None:
            started.set()
            gate.wait(COPY_TIMEOUT)

        return real_replicate(worker, plan, slow, cancelled)

    monkeypatch.setattr(replicate_wizard, "replicate", held)
    w.replicate(db_community(w, READING).id)
    wizard = w.findChild(replicate_wizard.ReplicateWizard)
    assert wizard is not None
    wizard.next()
    with qtbot.waitSignal(wizard.preview.ready, timeout=int(COPY_TIMEOUT * 1000)):
        wizard.next()
    wizard.next()  # Replicate: the copy starts
    assert wizard.currentPage() is wizard.run_page
    assert started.wait(COPY_TIMEOUT)
    return wizard


def copies_in(path: Path, paths: AppPaths) -> list[Community]:
    """The copies of “深夜读书会” in the workspace at ``path``, opened anew (so its
    lock was released), after a check finds it sound."""
    assert check_workspace(path).sound
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        return [c for c in list_communities(ws) if c.name.startswith(f"{READING} (")]


def test_closing_the_window_mid_copy_stops_the_copy_and_writes_nothing(
    qtbot, window: MainWindow, sample_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = window
    wizard = copy_in_progress(qtbot, w, monkeypatch, committed=False)
    job = wizard.run_page._job
    assert job is not None and job.isRunning()
    assert w.close()
    # The wizard closed first, then the copy was cancelled and waited for.
    assert w.session is None and not wizard.isVisible()
    assert wizard.result() == QDialog.DialogCode.Rejected and wizard.new_id is None
    assert job.isFinished() and isinstance(job.error, Cancelled)
    QApplication.processEvents()  # the job's late ``finished`` finds nothing to do
    assert copies_in(sample_path, paths) == []


def test_a_copy_committed_as_the_window_closes_is_kept_whole_and_undoable(
    qtbot, window: MainWindow, sample_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = window
    assert w.session is not None
    ws = w.session.workspace
    wizard = copy_in_progress(qtbot, w, monkeypatch, committed=True)
    replicated: list[str] = []
    wizard.replicated.connect(replicated.append)
    assert w.close()
    # Adopted before the workspace closed: on its history, as if made here.
    assert wizard.new_id is not None and replicated == []
    change = ws.history.undo_stack[-1]
    assert change.action == "replicate_community"
    QApplication.processEvents()
    (copy,) = copies_in(sample_path, paths)
    assert copy.id == wizard.new_id
    # All of it: every row the copy wrote is in the file.
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as again:
        for row in change.rows:
            found = again.db.execute(f"SELECT id FROM {row.table} WHERE id = ?", [row.id])
            assert found.fetchone() is not None, row
    assert {row.table for row in change.rows} == {
        "communities",
        "checklist_items",
        "community_templates",
        "calendar_items",
    }


def test_opening_another_workspace_mid_copy_stops_the_copy_first(
    qtbot,
    window: MainWindow,
    sample_path: Path,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = window
    other = tmp_path / "other.cplan"
    create_workspace(other, device_id=DEVICE, lock_dir=paths.lock_dir).close()
    wizard = copy_in_progress(qtbot, w, monkeypatch, committed=False)
    assert w.open_path(other)
    assert w.session is not None and w.session.workspace.path == other
    assert not wizard.isVisible() and wizard.new_id is None
    QApplication.processEvents()
    assert copies_in(sample_path, paths) == []
    assert sidebar_names(w) == []


def test_calendar_checklist_items_open_on_the_checklist(qtbot, window: MainWindow) -> None:
    w = window
    community_id, item_id = overdue_item(w, READING)
    w.show_calendar(None)
    w.calendar.checklist_item_activated.emit(community_id, item_id)
    assert w.stack.currentWidget() is w.page and w.page.community_id == community_id
    assert shown_checklist_item(w) == item_id


def test_export_week_as_pdf_opens_its_dialog_from_the_file_menu(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from planner.ui.export_week_dialog import ExportWeekDialog

    w = window
    assert "Export &week as PDF…" in menu_actions(w, "&File")
    assert w.export_week_action.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert w.export_week_action.isEnabled()
    w.export_week_action.trigger()
    dialog = w.findChild(ExportWeekDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.settings is w.settings
    # A finished export is told in the status bar.
    dialog.exported.emit(tmp_path / "w.pdf", 3)
    assert w.statusBar().currentMessage() == "Exported the weekly plan to w.pdf."
    # Closing the workspace closes the dialog; with no workspace there is nothing to export.
    w.close_workspace()
    assert not dialog.isVisible()
    w._show_state()
    assert not w.export_week_action.isEnabled()
