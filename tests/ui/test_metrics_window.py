"""Metrics in the main window: health fix links lead where the fix is made."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner.communities import find_community
from planner.health import Fix, check_all
from planner.paths import AppPaths
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
