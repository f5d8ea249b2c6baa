"""The calendar in the main window, driven as a user drives it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from planner.calendar import (
    EditScope,
    create_item,
    occurrences_between,
    week_start,
)
from planner.communities import create_community, find_community
from planner.paths import AppPaths
from planner.recurrence import Recurrence
from planner.settings import Settings
from planner.ui.calendar_page import CalendarMode
from planner.ui.item_editor import ItemEditor
from planner.ui.main_window import MainWindow
from planner.ui.month_view import MonthRole
from planner.ui.quick_add import QuickAddDialog
from planner.workspace import Workspace, create_workspace
from tests.conftest import DEVICE

TODAY = date.today()
MONDAY = week_start(TODAY)


class Answers:
    """Stands in for the scope question and the confirmation box."""

    def __init__(self) -> None:
        self.scope: EditScope | None = EditScope.THIS
        self.confirm = True
        self.asked: list[str] = []

    def choose_scope(self, _parent: object, action: str) -> EditScope | None:
        self.asked.append(action)
        return self.scope

    def confirm_box(self, *_args: object) -> bool:
        return self.confirm


def make_workspace(path: Path, paths: AppPaths) -> Path:
    """Two communities, a weekday digest series and a one-off class this week."""
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        reading, _ = create_community(ws, {"name": "深夜读书会", "color": "#9b51e0"})
        create_community(ws, {"name": "Notion 中文用户群", "color": "#2f80ed"})
        create_item(
            ws,
            {
                "community_id": reading,
                "kind": "content",
                "item_type": "morning_digest",
                "title": "晨读打卡",
                "start": datetime.combine(MONDAY, datetime.min.time()).replace(hour=7),
                "end": datetime.combine(MONDAY, datetime.min.time()).replace(hour=7, minute=30),
                "tz": "Asia/Shanghai",
                "recurrence": Recurrence.parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
            },
        )
        wednesday = datetime.combine(MONDAY + timedelta(days=2), datetime.min.time())
        create_item(
            ws,
            {
                "community_id": reading,
                "kind": "content",
                "item_type": "live_class",
                "title": "林老师直播",
                "start": wednesday.replace(hour=20),
                "end": wednesday.replace(hour=21),
                "tz": "Asia/Shanghai",
            },
        )
    return path


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def window(qtbot, paths: AppPaths, tmp_path: Path, answers: Answers) -> MainWindow:
    settings = Settings(paths.settings_file)
    w = MainWindow(paths, settings, DEVICE, confirm=answers.confirm_box)
    w.calendar.choose_scope = answers.choose_scope
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(make_workspace(tmp_path / "cal.cplan", paths))
    w.show_calendar(CalendarMode.MONTH)
    w.calendar.go_today()
    return w


def ws_of(w: MainWindow) -> Workspace:
    assert w.session is not None
    return w.session.workspace


def week_titles(w: MainWindow) -> list[tuple[str, datetime]]:
    start = datetime.combine(MONDAY, datetime.min.time())
    return [
        (o.item.title, o.start)
        for o in occurrences_between(ws_of(w), start, start + timedelta(days=7))
    ]


def open_editor_on(qtbot, w: MainWindow, day: date, title: str) -> ItemEditor:
    """Double-click the item called ``title`` on ``day`` in the month view."""
    view = w.calendar.month
    index = view.month_model.index_of(day)
    occurrences = index.data(MonthRole.OCCURRENCES)
    n = [o.item.title for o in occurrences].index(title)
    rects, _ = view._delegate.layout(view.visualRect(index), len(occurrences), view.font())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rects[n].center())
    editor = w.calendar.findChild(ItemEditor)
    assert editor is not None and editor.isVisible()
    return editor


def test_the_calendar_is_the_main_screen(window: MainWindow) -> None:
    w = window
    assert w.stack.currentWidget() is w.calendar
    assert w.calendar_nav_action.isChecked()
    titles = {o.item.title for o in w.calendar.occurrences}
    assert titles == {"晨读打卡", "林老师直播"}
    w.communities_nav_action.trigger()
    assert w.stack.currentWidget() is w.page
    w.month_action.trigger()
    assert w.stack.currentWidget() is w.calendar


def test_navigation_and_modes(qtbot, window: MainWindow) -> None:
    page = window.calendar
    first, last = page.visible_range()
    assert first == week_start(TODAY.replace(day=1)) and (last - first).days == 42
    window.next_action.trigger()
    assert page.anchor.month == (TODAY.month % 12) + 1
    window.today_action.trigger()
    assert page.anchor == TODAY
    window.week_action.trigger()
    assert page.mode is CalendarMode.WEEK and page.visible_range() == (
        MONDAY,
        MONDAY + timedelta(days=7),
    )
    window.previous_action.trigger()
    assert page.visible_range()[0] == MONDAY - timedelta(days=7)
    window.agenda_action.trigger()
    assert page.stack.currentWidget() is page.agenda
    assert Settings(window.paths.settings_file).get("calendar_mode") == "agenda"


def test_edit_one_occurrence_from_the_month_view_then_undo(
    qtbot, window: MainWindow, answers: Answers
) -> None:
    w = window
    tuesday = MONDAY + timedelta(days=1)
    editor = open_editor_on(qtbot, w, tuesday, "晨读打卡")
    editor.title.setText("晨读打卡（特别版）")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["edit"]
    titles = week_titles(w)
    assert (
        "晨读打卡（特别版）",
        datetime.combine(tuesday, datetime.min.time()).replace(hour=7),
    ) in titles
    assert sum(1 for t, _ in titles if t == "晨读打卡") == 4
    assert "Edit one occurrence" in w.undo_action.text()
    w.undo_action.trigger()
    assert sum(1 for t, _ in week_titles(w) if t == "晨读打卡") == 5
    w.redo_action.trigger()
    assert sum(1 for t, _ in week_titles(w) if t == "晨读打卡") == 4


def test_cancelling_the_scope_question_changes_nothing(
    qtbot, window: MainWindow, answers: Answers
) -> None:
    answers.scope = None
    before = week_titles(window)
    editor = open_editor_on(qtbot, window, MONDAY + timedelta(days=1), "晨读打卡")
    editor.title.setText("改了")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert week_titles(window) == before
    assert not ws_of(window).history.can_undo


def test_dragging_in_the_week_view_moves_the_item_and_undo_puts_it_back(
    qtbot, window: MainWindow
) -> None:
    w = window
    w.week_action.trigger()
    view = w.calendar.week
    wednesday = datetime.combine(MONDAY + timedelta(days=2), datetime.min.time())
    occ = next(o for o in w.calendar.occurrences if o.item.title == "林老师直播")
    view.scroll_to_hour(18)
    rect = view.item_rects(occ.key)[0]
    start = rect.center()
    shift = view.point_at(wednesday.replace(hour=21)) - view.point_at(wednesday.replace(hour=20))
    end = start + QPointF(0, shift.y())
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(view, ((start + end) / 2).toPoint())
    qtbot.mouseMove(view, end.toPoint())
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end.toPoint())
    assert ("林老师直播", wednesday.replace(hour=21)) in week_titles(w)
    assert ("林老师直播", wednesday.replace(hour=21)) in [
        (o.item.title, o.start) for o in w.calendar.occurrences
    ]
    w.undo_action.trigger()
    assert ("林老师直播", wednesday.replace(hour=20)) in week_titles(w)


def test_delete_key_on_a_one_off_asks_then_deletes(
    qtbot, window: MainWindow, answers: Answers
) -> None:
    w = window
    view = w.calendar.month
    wednesday = MONDAY + timedelta(days=2)
    index = view.month_model.index_of(wednesday)
    occurrences = index.data(MonthRole.OCCURRENCES)
    n = [o.item.title for o in occurrences].index("林老师直播")
    rects, _ = view._delegate.layout(view.visualRect(index), len(occurrences), view.font())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rects[n].center())
    answers.confirm = False
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "林老师直播" in [t for t, _ in week_titles(w)]
    answers.confirm = True
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "林老师直播" not in [t for t, _ in week_titles(w)]
    w.undo_action.trigger()
    assert "林老师直播" in [t for t, _ in week_titles(w)]


def test_quick_add_in_an_empty_day(qtbot, window: MainWindow) -> None:
    w = window
    view = w.calendar.month
    saturday = MONDAY + timedelta(days=5)
    cell = view.visualRect(view.month_model.index_of(saturday))
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=cell.bottomLeft() + QPoint(10, -10)
    )
    dialog = w.calendar.findChild(QuickAddDialog)
    assert dialog is not None
    dialog.title.setText("周六读书会")
    dialog.accept()
    found = [(t, s) for t, s in week_titles(w) if t == "周六读书会"]
    assert found == [
        ("周六读书会", datetime.combine(saturday, datetime.min.time()).replace(hour=9))
    ]


def test_filters_hide_a_community_and_are_remembered_per_workspace(
    qtbot, paths: AppPaths, window: MainWindow, tmp_path: Path
) -> None:
    page = window.calendar
    reading = find_community(ws_of(window), "深夜读书会").id
    page.toggle_filter("communities", reading, False)
    assert page.occurrences == []
    assert page.empty.isVisible() and "filters" in page.empty.text()
    assert page.filter_button.text() == "Filter (1)"
    remembered = Settings(paths.settings_file).get("calendar_filters")
    assert remembered == {str(ws_of(window).path.resolve()): {"communities": [reading]}}
    # a community made later is not hidden by the filter
    notion = find_community(ws_of(window), "Notion 中文用户群").id
    create = {
        "community_id": notion,
        "kind": "content",
        "item_type": "article",
        "title": "新群的第一篇",
        "start": datetime.combine(TODAY, datetime.min.time()),
        "end": datetime.combine(TODAY, datetime.min.time()) + timedelta(hours=1),
        "tz": "Asia/Shanghai",
    }
    assert window.session is not None
    window.session.run(create_item, create)
    assert [o.item.title for o in page.occurrences] == ["新群的第一篇"]
    # another workspace starts unfiltered, and the first one gets its filter back
    first = ws_of(window).path
    other = make_workspace(tmp_path / "other.cplan", paths)
    assert window.open_path(other)
    assert page.hidden == {} and page.filter_button.text() == "Filter"
    assert window.open_path(first)
    assert page.hidden == {"communities": [reading]}
    page.clear_filters()
    assert {"晨读打卡", "林老师直播"} <= {o.item.title for o in page.occurrences}


def test_a_day_picked_in_the_month_is_where_new_items_and_the_week_go(
    qtbot, window: MainWindow
) -> None:
    page = window.calendar
    picked = page.month.month_model.last_day - timedelta(days=3)  # in the grid, not today
    page.month.setCurrentIndex(page.month.month_model.index_of(picked))
    page.new_item()
    editor = page.findChild(ItemEditor)
    assert editor is not None and editor.values()["start"].date() == picked
    editor.reject()
    window.week_action.trigger()
    assert page.visible_range()[0] == week_start(picked)


def test_a_refused_save_keeps_the_editor_open_with_the_typing(
    qtbot, window: MainWindow, answers: Answers
) -> None:
    """Changing the repeat rule of one occurrence is refused on the field, not lost."""
    editor = open_editor_on(qtbot, window, MONDAY + timedelta(days=1), "晨读打卡")
    editor.title.setText("只改这一次")
    editor.recurrence.set_recurrence(Recurrence.parse("FREQ=WEEKLY;BYDAY=TU"))
    answers.scope = EditScope.THIS
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.title.text() == "只改这一次"
    assert "repeat on its own" in editor.field_error("recurrence")
    assert not ws_of(window).history.can_undo


def test_cancelling_a_delete_from_the_editor_keeps_it_open(
    qtbot, window: MainWindow, answers: Answers
) -> None:
    editor = open_editor_on(qtbot, window, MONDAY + timedelta(days=2), "林老师直播")
    editor.title.setText("还没保存的标题")
    answers.confirm = False
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.title.text() == "还没保存的标题"
    answers.confirm = True
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert "林老师直播" not in [t for t, _ in week_titles(window)]


def test_export_and_import_ics_through_the_window(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    w = window
    out = tmp_path / "calendar.ics"
    assert w.export_ics_to(out)
    qtbot.waitUntil(lambda: not w.ics_export.busy, timeout=10_000)  # written off the GUI thread
    assert b"BEGIN:VCALENDAR" in out.read_bytes()
    notion = find_community(ws_of(w), "Notion 中文用户群").id
    assert w.import_ics_from(out, notion)
    qtbot.waitUntil(lambda: not w.ics_import.busy, timeout=10_000)
    copied = [o for o in w.calendar.occurrences if o.item.community_id == notion]
    assert {o.item.title for o in copied} == {"晨读打卡", "林老师直播"}
    assert "Imported 2 new" in w.statusBar().currentMessage()
    w.undo_action.trigger()
    assert not [o for o in w.calendar.occurrences if o.item.community_id == notion]


def test_a_bad_ics_file_shows_one_line_and_imports_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:nonsense\n", encoding="utf-8")
    before = len(window.calendar.occurrences)
    notion = find_community(ws_of(window), "Notion 中文用户群").id
    assert window.import_ics_from(bad, notion)  # started: the file is read off the GUI thread
    qtbot.waitUntil(lambda: not window.ics_import.busy, timeout=10_000)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "\n" not in boxes[0].text()
    assert len(window.calendar.occurrences) == before
    assert not ws_of(window).history.can_undo


def test_a_read_only_workspace_shows_items_but_cannot_change_them(
    qtbot, paths: AppPaths, tmp_path: Path
) -> None:
    import os

    path = make_workspace(tmp_path / "ro.cplan", paths)
    os.chmod(path, 0o444)
    try:
        w = MainWindow(paths, Settings(paths.settings_file), DEVICE)
        qtbot.addWidget(w)
        w.resize(1280, 860)
        w.show()
        assert w.open_path(path) and w.session is not None and w.session.read_only
        w.show_calendar(CalendarMode.MONTH)
        w.calendar.go_today()
        assert not w.calendar.new_button.isEnabled()
        assert not w.new_item_action.isEnabled()
        editor = open_editor_on(qtbot, w, MONDAY + timedelta(days=2), "林老师直播")
        assert not editor.save_button.isEnabled() and not editor.delete_button.isEnabled()
        editor.reject()
        assert not editor.isVisible()
        before = [o.key for o in w.calendar.occurrences]
        w.calendar.quick_add(datetime(2030, 1, 1, 9), datetime(2030, 1, 1, 10), False)
        assert w.calendar.findChild(QuickAddDialog) is None
        assert [o.key for o in w.calendar.occurrences] == before
    finally:
        os.chmod(path, 0o644)


def test_the_community_is_highlighted_again_on_its_page(qtbot, window: MainWindow) -> None:
    w = window
    assert not w.sidebar.list.selectionModel().hasSelection()  # a legend on the calendar
    w.communities_nav_action.trigger()
    assert w.stack.currentWidget() is w.page
    selected = w.sidebar.list.selectionModel().selectedIndexes()
    assert [i.data() for i in selected] == [w.page.name.text()]
