"""Metrics in the main window: health fix links lead where the fix is made."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner.communities import find_community
from planner.health import Fix, check_all
from planner.metrics import figures_between
from planner.paths import AppPaths
from planner.ui.figures_import import FiguresImportDialog
from planner.ui.item_editor import ItemEditor
from planner.ui.main_window import MainWindow
from tests.ui.conftest import Confirm
from tests.ui.test_main_window import make_window

NOTION = "Notion 中文用户群"
GROWTH = "Growth Hackers 增长交流群"


@pytest.fixture
def window(qtbot, paths: AppPaths, sample_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, paths, Confirm(answer=True))
    assert w.open_path(sample_path)
    return w


def community_id(w: MainWindow, name: str) -> str:
    assert w.session is not None
    return find_community(w.session.workspace, name).id


def test_the_community_page_shows_its_health(window: MainWindow) -> None:
    notion = community_id(window, NOTION)
    assert window.open_community(notion)
    rules = {card.issue.rule for card in window.page.health.cards}
    assert "decline" in rules
    assert all(card.issue.community_id == notion for card in window.page.health.cards)


def test_the_overview_lists_every_communitys_issues(window: MainWindow) -> None:
    assert window.session is not None
    assert window.show_overview()
    expected = sum(
        len(found) for found in check_all(window.session.workspace, date.today()).values()
    )
    assert len(window.overview.health.cards) == expected > 0
    names = " ".join(card.title.text() for card in window.overview.health.cards)
    assert NOTION in names


def test_a_decline_fix_opens_the_figures_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    notion = community_id(window, NOTION)
    assert window.show_overview()
    card = next(c for c in window.overview.health.cards if c.issue.rule == "decline")
    qtbot.mouseClick(card.fix, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.page
    assert window.page.community_id == notion
    assert window.page.tabs.currentWidget() is window.page.figures


def test_a_headless_fly_fix_opens_the_activity_in_its_editor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.show_overview()
    card = next(c for c in window.overview.health.cards if c.issue.rule == "headless_fly")
    qtbot.mouseClick(card.fix, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.calendar
    editor = window.calendar.findChild(ItemEditor)
    assert editor is not None and editor.isVisible()
    item_id, _ = card.issue.fix.ref
    assert editor.values()["community_id"] == card.issue.community_id
    assert window.session is not None
    title = window.session.workspace.get_row("calendar_items", item_id)["title"]
    assert editor.values()["title"] == title
    editor.reject()


def test_a_fireman_fix_opens_a_new_content_item_for_the_community(window: MainWindow) -> None:
    growth = community_id(window, GROWTH)
    assert window.metrics.follow_fix(growth, Fix("calendar_new", growth))
    editor = window.calendar.findChild(ItemEditor)
    assert editor is not None and editor.isVisible()
    assert editor.values()["community_id"] == growth
    assert editor.values()["kind"] == "content"
    editor.reject()


@pytest.mark.parametrize("kind,tab", [("checklist", "checklist"), ("templates", "template_links")])
def test_checklist_and_template_fixes_open_their_tab(
    window: MainWindow, kind: str, tab: str
) -> None:
    growth = community_id(window, GROWTH)
    assert window.metrics.follow_fix(growth, Fix(kind, growth))  # type: ignore[arg-type]
    assert window.page.community_id == growth
    assert window.page.tabs.currentWidget() is getattr(window.page, tab)


def test_a_fix_for_a_deleted_activity_says_so(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    growth = community_id(window, GROWTH)
    assert not window.metrics.follow_fix(growth, Fix("calendar_item", ("no-such-item", "")))
    assert len(errors) == 1 and "\n" not in errors[0]


# -- figures in and out through the window's menus -------------------------------------


def test_file_import_figures_runs_the_mapping_dialog_into_the_current_community(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    growth = community_id(window, GROWTH)
    assert window.open_community(growth)
    csv_file = tmp_path / "增长群数据.csv"
    csv_file.write_text("日期,群成员,活跃人数\n2026-11-04,120,61\n2026-11-11,131,70\n", "utf-8-sig")
    window.metrics.choose_csv = lambda: csv_file
    messages: list[str] = []
    window.metrics.message.connect(messages.append)

    def press_import() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FiguresImportDialog)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_import)
    assert window.import_figures_action.isEnabled()
    window.import_figures_action.trigger()
    assert window.session is not None
    days = {f.day: f for f in figures_between(window.session.workspace, growth)}
    assert days[date(2026, 11, 11)].members == 131
    assert days[date(2026, 11, 11)].active_members == 70
    assert len(messages) == 1 and GROWTH in messages[0]
    assert window.undo_action.text().startswith("&Undo")
    window.undo_action.trigger()
    assert date(2026, 11, 11) not in {
        f.day for f in figures_between(window.session.workspace, growth)
    }


def test_file_export_writes_the_figures_csv(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notion = community_id(window, NOTION)
    assert window.open_community(notion)
    target = tmp_path / "notion.csv"
    window.metrics.choose_export_path = lambda _name: target
    window.export_figures_action.trigger()
    dialog = window.metrics.export_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert window.session is not None
    text = target.read_text("utf-8-sig")
    assert NOTION in text
    assert len(text.strip().splitlines()) == 1 + len(
        figures_between(window.session.workspace, notion)
    )


def test_the_charts_and_fission_tabs_are_built_when_first_shown(window: MainWindow) -> None:
    notion = community_id(window, NOTION)
    assert window.open_community(notion)
    page = window.page
    assert page._charts is None and page._fission is None  # not built for a visit
    page.tabs.setCurrentIndex(page.tabs.indexOf(page._charts_tab))
    assert page._charts is not None and page._charts.isVisible()
    assert page.charts.members_chart.members.count() > 0  # showing this community
    growth = community_id(window, GROWTH)
    assert window.open_community(growth)  # built once, then kept up to date
    assert page.charts is page._charts


def test_the_community_menu_opens_the_figures_and_fission_tabs(window: MainWindow) -> None:
    notion = community_id(window, NOTION)
    assert window.open_community(notion)
    window.figures_action.trigger()
    assert window.page.tabs.currentWidget() is window.page.figures
    window.fission_action.trigger()
    assert window.page.tabs.currentWidget().isAncestorOf(window.page.fission)
    assert window.page.fission.isVisible()
    focused = QApplication.focusWidget()
    assert focused is not None and window.page.fission.isAncestorOf(focused)
    assert window.figures_action.shortcut().toString() == "Ctrl+Shift+F"
