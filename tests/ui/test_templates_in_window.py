"""The template page in the main window: navigation, saving, Make poster from the calendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner.calendar import occurrences_between
from planner.paths import AppPaths
from planner.settings import Settings
from planner.template_library import get_template
from planner.ui.item_editor import ItemEditor
from planner.ui.main_window import MainWindow
from tests.conftest import DEVICE


@pytest.fixture
def window(qtbot, paths: AppPaths, sample_path: Path) -> MainWindow:
    w = MainWindow(paths, Settings(paths.settings_file), DEVICE, confirm=lambda *a: True)
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(sample_path)
    return w


def test_nav_save_undo(qtbot, window: MainWindow) -> None:
    w = window
    w.templates_nav_action.trigger()
    assert w.stack.currentWidget() is w.templates and w.templates_nav_action.isChecked()
    assert not w.calendar_nav_action.isChecked()
    page = w.templates
    builtin = page.template
    assert builtin is not None and builtin.builtin
    page.banner_duplicate.click()
    copy = page.template
    assert copy is not None and not copy.builtin
    assert "Duplicate the template" in w.undo_action.text()
    with qtbot.waitActive(w):
        w.activateWindow()
    page.description.setFocus()
    page.description.end(False)
    qtbot.keyClicks(page.description, " X")
    assert page.dirty and w.undo_action.text() == "&Undo Typing"
    qtbot.keyClick(page.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.dirty
    assert get_template(w.session.workspace, copy.id).description.endswith(" X")
    assert "Edit the template" in w.undo_action.text()
    w.undo_action.trigger()
    assert get_template(w.session.workspace, copy.id).description == copy.description
    assert page.description.text() == copy.description
    # typing then leaving saves
    page.description.end(False)
    qtbot.keyClicks(page.description, " Y")
    w.month_action.trigger()
    assert w.stack.currentWidget() is w.calendar
    assert get_template(w.session.workspace, copy.id).description.endswith(" Y")
    w.templates_action.trigger()
    assert w.stack.currentWidget() is w.templates
    # typing undone from the window
    page.description.end(False)
    qtbot.keyClicks(page.description, " Z")
    w.undo_action.trigger()
    assert not page.dirty and page.description.text().endswith(" Y")


def test_make_poster_from_the_item_editor(qtbot, window: MainWindow) -> None:
    w = window
    w.month_action.trigger()
    start = datetime.combine(date.today(), time()) - timedelta(days=30)
    occ = next(
        o
        for o in occurrences_between(w.session.workspace, start, start + timedelta(days=150))
        if o.item.item_type == "guest_share"
    )
    editor = w.calendar.open_editor(occ.values(), occ)
    assert isinstance(editor, ItemEditor)
    poster = next(b for b in editor.buttons.buttons() if b.text() == "Make poster")
    poster.click()
    assert w.stack.currentWidget() is w.templates
    assert w.templates.item_key == occ.key
    assert w.templates.community.currentData() == occ.item.community_id
    assert "guest" in w.templates.template.id


def test_close_with_template_edits_saves_them(qtbot, window: MainWindow) -> None:
    w = window
    w.show_templates()
    page = w.templates
    page.banner_duplicate.click()
    copy = page.template
    page.description.end(False)
    qtbot.keyClicks(page.description, " Q")
    path = w.session.workspace.path
    w.close()
    from planner.workspace import open_workspace

    with open_workspace(path, device_id=DEVICE, lock_dir=w.paths.lock_dir) as ws:
        assert get_template(ws, copy.id).description.endswith(" Q")
