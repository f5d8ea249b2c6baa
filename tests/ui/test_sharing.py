"""Sharing in the window: Share a copy, Merge from teammate's file, sync folders."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox

from planner.check import check_workspace
from planner.communities import find_community, list_communities, update_community
from planner.lock import machine_label
from planner.paths import AppPaths
from planner.settings import Settings
from planner.snapshot import write_snapshot
from planner.template_library import builtin_templates, duplicate_template
from planner.ui.main_window import MainWindow
from planner.ui.merge_dialog import MergeDialog
from planner.ui.sharing import ConflictedCopiesDialog
from planner.ui.template_list import TemplateRole
from planner.workspace import open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

TEAMMATE = "00000000-0000-4000-8000-0000000000c3"
READING = "深夜读书会 · 付费会员圈"
TIMEOUT = 10_000


def make_window(qtbot, paths: AppPaths) -> MainWindow:
    settings = Settings(paths.settings_file)
    settings.set("main_view", "communities")
    w = MainWindow(paths, settings, DEVICE, confirm=Confirm(answer=True))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def wait_idle(qtbot, w: MainWindow) -> None:
    """Until the sharing flow's background job has ended and been handled."""
    qtbot.waitUntil(lambda: w.sharing._job is None, timeout=TIMEOUT)


def teammate_copy(w: MainWindow, folder: Path, paths: AppPaths) -> Path:
    assert w.session is not None
    target = folder / "teammate.cplan"
    write_snapshot(w.session.workspace, target, device_id=DEVICE, device_label="me@laptop")
    return target


def test_share_a_copy_writes_a_sound_single_file_snapshot(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path
) -> None:
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    assert w.share_action.isEnabled() and w.share_action.shortcut().toString() == "Ctrl+Shift+S"
    target = tmp_path / "读书会 (shared).cplan"
    with qtbot.waitSignal(w.sharing.message, timeout=TIMEOUT) as said:
        w.sharing.share_to(target)
    assert "读书会 (shared).cplan" in said.args[0]
    assert check_workspace(target).sound
    assert not Path(f"{target}-wal").exists() and not Path(f"{target}-shm").exists()
    with sqlite3.connect(target) as conn:
        labels = {r[0] for r in conn.execute("SELECT label FROM devices")}
        assert machine_label() in labels
        names = {r[0] for r in conn.execute("SELECT name FROM communities WHERE deleted = 0")}
    assert READING in names


def test_a_failed_share_says_why_in_one_line(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    errors: list[str] = []
    monkeypatch.setattr(w.sharing, "show_error", errors.append)
    w.sharing.share_to(tmp_path / "no such folder" / "copy.cplan")
    wait_idle(qtbot, w)
    assert len(errors) == 1 and "no such folder" in errors[0] and "\n" not in errors[0]


def test_merging_a_file_with_nothing_new_says_so(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path
) -> None:
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    theirs = teammate_copy(w, tmp_path, paths)
    with qtbot.waitSignal(w.sharing.message, timeout=TIMEOUT) as said:
        w.sharing.merge_from(theirs)
    assert "nothing new" in said.args[0]
    assert w.sharing.dialog is None


def test_a_bad_file_is_refused_in_one_line_and_nothing_changes(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    bad = tmp_path / "bad.cplan"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    errors: list[str] = []
    monkeypatch.setattr(w.sharing, "show_error", errors.append)
    assert w.session is not None
    before = len(w.session.workspace.history.undo_stack)
    w.sharing.merge_from(bad)
    wait_idle(qtbot, w)
    assert len(errors) == 1 and "bad.cplan" in errors[0]
    assert len(w.session.workspace.history.undo_stack) == before


def test_a_teammates_template_shows_whose_it_is(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path
) -> None:
    welcome = next(t for t in builtin_templates() if t.kind.value == "welcome")
    theirs = tmp_path / "teammate.cplan"
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        write_snapshot(ws, theirs, device_id=DEVICE, device_label="me@laptop")
        duplicate_template(ws, welcome.id, "我的欢迎语")
    with open_workspace(theirs, device_id=TEAMMATE, lock_dir=paths.lock_dir) as ws:
        theirs_id, _ = duplicate_template(ws, welcome.id, "王芳的欢迎语")
        ws.db.execute("UPDATE devices SET label = 'wangfang@mbp' WHERE id = ?", [TEAMMATE])
        ws.db.conn.commit()
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        from planner.merge_apply import apply_merge
        from planner.merge_file import prepare_merge

        apply_merge(ws, prepare_merge(ws, theirs))
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    w.show_templates()
    model = w.templates.model
    row = model.row_of(theirs_id)
    assert model.index(row).data(TemplateRole.ORIGIN) == "wangfang@mbp"
    assert "Made by wangfang@mbp" in model.index(row).data(Qt.ItemDataRole.ToolTipRole)
    mine = next(t for t in model.templates() if t.name == "我的欢迎语")
    assert model.index(model.row_of(mine.id)).data(TemplateRole.ORIGIN) == ""


# -- sync folders ----------------------------------------------------------------


@pytest.fixture
def synced(sample_path: Path, tmp_path: Path) -> Path:
    """The sample workspace inside a Dropbox folder."""
    folder = tmp_path / "Dropbox" / "社群运营"
    folder.mkdir(parents=True)
    path = folder / "读书会.cplan"
    sample_path.rename(path)
    return path


def warning_box(w: MainWindow) -> QMessageBox:
    box = w.sharing.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def test_a_workspace_in_a_sync_folder_gets_a_warning_and_a_local_copy(
    qtbot, paths: AppPaths, synced: Path
) -> None:
    w = make_window(qtbot, paths)
    assert w.open_path(synced)
    box = warning_box(w)
    assert "Dropbox" in box.text()
    local = next(b for b in box.buttons() if b.text() == "Work on a local copy")
    with qtbot.waitSignal(w.sharing.message, timeout=TIMEOUT):
        local.click()
    assert w.session is not None
    opened = w.session.workspace.path
    assert opened == paths.data_dir / "读书会.cplan"
    assert check_workspace(opened).sound
    assert READING in {c.name for c in list_communities(w.session.workspace)}
    assert synced.exists()  # the synced file stays as it was
    assert not Path(f"{synced}-wal").exists() or w.session.workspace.path != synced


def test_keep_working_here_can_be_remembered(qtbot, paths: AppPaths, synced: Path) -> None:
    w = make_window(qtbot, paths)
    assert w.open_path(synced)
    box = warning_box(w)
    remember = box.checkBox()
    assert isinstance(remember, QCheckBox)
    remember.setChecked(True)
    next(b for b in box.buttons() if b.text() == "Keep working here").click()
    QApplication.processEvents()
    assert w.session is not None and w.session.workspace.path == synced
    assert w.settings.get("sync_warning_ignored") == [str(synced.resolve())]
    w.close_workspace()
    assert w.open_path(synced)
    assert w.sharing.dialog is None  # not warned again


def test_conflicted_copies_beside_the_workspace_are_offered_for_merging(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "sample (王芳's conflicted copy 2026-11-20).cplan"
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        write_snapshot(ws, copy, device_id=DEVICE, device_label="me@laptop")
    with open_workspace(copy, device_id=TEAMMATE, lock_dir=paths.lock_dir) as ws:
        update_community(ws, find_community(ws, READING).id, {"owner": "王芳"})
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    dialog = w.sharing.dialog
    assert isinstance(dialog, ConflictedCopiesDialog) and dialog.isVisible()
    assert dialog.list.count() == 1 and dialog.chosen() == copy
    dialog.accept()
    qtbot.waitUntil(lambda: w.sharing.dialog is not None, timeout=TIMEOUT)
    merge_dialog = w.sharing.dialog
    assert isinstance(merge_dialog, MergeDialog)
    with qtbot.waitSignal(w.sharing.message, timeout=TIMEOUT) as said:
        merge_dialog.accept()
    assert "Merged" in said.args[0]
    assert w.session is not None
    assert find_community(w.session.workspace, READING).owner == "王芳"


def conflicted_copy(folder: Path, stem: str, source: Path, paths: AppPaths) -> Path:
    """A Dropbox conflicted copy of ``source`` in which 王芳 changed a community's owner."""
    copy = folder / f"{stem} (王芳's conflicted copy 2026-11-20).cplan"
    with open_workspace(source, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        write_snapshot(ws, copy, device_id=DEVICE, device_label="me@laptop")
    with open_workspace(copy, device_id=TEAMMATE, lock_dir=paths.lock_dir) as ws:
        update_community(ws, find_community(ws, READING).id, {"owner": "王芳"})
    return copy


def test_keep_working_here_then_offers_the_conflicted_copies(
    qtbot, paths: AppPaths, synced: Path
) -> None:
    conflicted_copy(synced.parent, synced.stem, synced, paths)
    w = make_window(qtbot, paths)
    assert w.open_path(synced)
    next(b for b in warning_box(w).buttons() if b.text() == "Keep working here").click()
    qtbot.waitUntil(lambda: isinstance(w.sharing.dialog, ConflictedCopiesDialog), timeout=TIMEOUT)


def test_a_local_copy_is_offered_the_conflicted_copies_left_in_the_synced_folder(
    qtbot, paths: AppPaths, synced: Path
) -> None:
    copy = conflicted_copy(synced.parent, synced.stem, synced, paths)
    w = make_window(qtbot, paths)
    assert w.open_path(synced)
    next(b for b in warning_box(w).buttons() if b.text() == "Work on a local copy").click()
    qtbot.waitUntil(lambda: isinstance(w.sharing.dialog, ConflictedCopiesDialog), timeout=TIMEOUT)
    dialog = w.sharing.dialog
    assert isinstance(dialog, ConflictedCopiesDialog) and dialog.chosen() == copy
    assert w.session is not None and w.session.workspace.path.parent == paths.data_dir


def test_a_slow_open_of_the_local_copy_does_not_pull_the_warning_out_from_under_itself(
    qtbot, paths: AppPaths, synced: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The box deletes itself on close; opening the copy turns the event loop while
    the file is checked. Done inside the box's finished signal, that loop deleted
    the box before the signal returned (a crash when the check took a while)."""
    import planner.ui.main_window as main_window

    real_open = main_window.open_workspace

    def slow_open(*args: object, **kwargs: object) -> object:
        time.sleep(0.2)  # a large file: wait_for turns the event loop meanwhile
        return real_open(*args, **kwargs)

    copy = conflicted_copy(synced.parent, synced.stem, synced, paths)
    w = make_window(qtbot, paths)
    assert w.open_path(synced)
    box = warning_box(w)
    destroyed: list[bool] = []
    box.destroyed.connect(lambda: destroyed.append(True))
    monkeypatch.setattr(main_window, "open_workspace", slow_open)
    local = next(b for b in box.buttons() if b.text() == "Work on a local copy")
    qtbot.mouseClick(local, Qt.MouseButton.LeftButton)
    assert w.session is not None and w.session.workspace.path == synced  # not yet: next turn
    qtbot.waitUntil(lambda: isinstance(w.sharing.dialog, ConflictedCopiesDialog), timeout=TIMEOUT)
    assert w.session is not None and w.session.workspace.path.parent == paths.data_dir
    assert w.sharing.dialog.chosen() == copy  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(destroyed), timeout=TIMEOUT)


def test_a_conflicted_copy_already_merged_is_not_offered_again(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path
) -> None:
    conflicted_copy(tmp_path, sample_path.stem, sample_path, paths)
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    dialog = w.sharing.dialog
    assert isinstance(dialog, ConflictedCopiesDialog)
    dialog.accept()
    qtbot.waitUntil(lambda: w.sharing.dialog is not None, timeout=TIMEOUT)
    merge_dialog = w.sharing.dialog
    assert isinstance(merge_dialog, MergeDialog)
    with qtbot.waitSignal(w.sharing.message, timeout=TIMEOUT) as said:
        merge_dialog.accept()
    assert "Edit ▸ Undo takes it back" in said.args[0]
    QApplication.processEvents()
    assert w.sharing.dialog is None  # the only copy was merged: nothing more to offer
    w.close_workspace()
    assert w.open_path(sample_path)
    assert w.sharing.dialog is None


def test_a_file_that_is_not_a_copy_of_this_workspace_is_flagged(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path
) -> None:
    from planner.demo import write_demo

    other = tmp_path / "someone else.cplan"
    write_demo(other, device_id=TEAMMATE, lock_dir=paths.lock_dir)
    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    w.sharing.merge_from(other)
    qtbot.waitUntil(lambda: w.sharing.dialog is not None, timeout=TIMEOUT)
    dialog = w.sharing.dialog
    assert dialog.warning.isVisible()  # type: ignore[union-attr]
    assert "not a copy of it" in dialog.warning.text()  # type: ignore[union-attr]
    dialog.reject()


def test_cancelling_the_check_says_nothing_changed(
    qtbot, paths: AppPaths, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.errors import Cancelled
    from planner.ui import sharing

    def cancelled(*_args: object, **_kwargs: object) -> object:
        w.sharing._cancel()
        raise Cancelled()

    w = make_window(qtbot, paths)
    assert w.open_path(sample_path)
    monkeypatch.setattr(sharing, "prepare_merge", cancelled)
    with qtbot.waitSignal(w.sharing.message, timeout=TIMEOUT) as said:
        w.sharing.merge_from(teammate_copy(w, tmp_path, paths))
    assert said.args[0] == "Merge cancelled; nothing was changed."
