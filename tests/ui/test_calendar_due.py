"""Checklist items due on a day, in the calendar's month, week and agenda views."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from planner.calendar import create_item, week_start
from planner.checklist_due import DueItem, due_between
from planner.checklists import add_item, get_item, update_item
from planner.communities import Stage, create_community
from planner.paths import AppPaths
from planner.settings import Settings
from planner.ui.agenda_view import AgendaColumn, AgendaRole, AgendaView
from planner.ui.calendar_page import CalendarMode, CalendarPage
from planner.ui.month_view import MonthModel, MonthRole, MonthView
from planner.ui.session import Session
from planner.ui.week_view import WeekView
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

# The page works on the real today; the views are given one.
TODAY = date.today()
MONDAY = week_start(TODAY)
DUE_DAY = MONDAY + timedelta(days=2)  # the Wednesday of this week
VIEW_TODAY = date(2026, 11, 23)
VIEW_MONDAY = week_start(VIEW_TODAY)
READING, NOTION = "reading", "notion"
COLORS = {READING: "#9b51e0", NOTION: "#2f80ed"}
NAMES = {READING: "深夜读书会", NOTION: "Notion 中文用户群"}


def due(
    title: str,
    on: date,
    *,
    community: str = READING,
    done: bool = False,
    assignee: str = "Lily 李",
    item_id: str = "",
) -> DueItem:
    return DueItem(item_id or f"item-{title}", community, Stage.OPERATE, title, on, done, assignee)


def context_menu(widget: object, pos: QPoint) -> None:
    """Right-click at ``pos`` (in ``widget``'s coordinates)."""
    assert hasattr(widget, "mapToGlobal")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


# -- the views, given due items ---------------------------------------------------------


def test_month_model_puts_due_items_on_their_day_only(qtmodeltester) -> None:
    model = MonthModel()
    items = [
        due("记录活动结果", VIEW_TODAY + timedelta(days=2)),
        due("已完成的复盘", VIEW_TODAY + timedelta(days=2), done=True),
        due("Outside the grid", VIEW_TODAY + timedelta(days=90)),
    ]
    model.set_month(VIEW_TODAY, [], VIEW_TODAY, items)
    qtmodeltester.check(model)
    day = model.index_of(VIEW_TODAY + timedelta(days=2))
    assert [d.title for d in day.data(MonthRole.DUE)] == ["记录活动结果", "已完成的复盘"]
    assert [d.title for d in day.data(MonthRole.ENTRIES)] == ["记录活动结果", "已完成的复盘"]
    assert "☐ 记录活动结果" in day.data(Qt.ItemDataRole.ToolTipRole)
    assert "☑ 已完成的复盘" in day.data(Qt.ItemDataRole.ToolTipRole)
    for offset in range(6 * 7):
        cell = model.index_of(model.first_day + timedelta(days=offset))
        if model.date_at(cell) != VIEW_TODAY + timedelta(days=2):
            assert cell.data(MonthRole.DUE) == []


def make_month(qtbot, items: list[DueItem]) -> MonthView:
    view = MonthView()
    qtbot.addWidget(view)
    view.resize(980, 720)
    view.show()
    qtbot.waitExposed(view)
    view.set_month(VIEW_TODAY, [], COLORS, VIEW_TODAY, VIEW_TODAY, due=items, names=NAMES)
    return view


def test_month_view_opens_a_due_item_and_offers_its_menu(qtbot) -> None:
    item = due("记录活动结果", VIEW_TODAY + timedelta(days=2))
    view = make_month(qtbot, [item])
    [(entry, rect)] = view.entry_rects(item.due_on)
    assert entry == item
    assert view.occurrence_at(rect.center()) == (None, False)  # not an event
    with qtbot.waitSignal(view.due_activated) as opened:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [item]
    assert view.selected_due() == item and view.selected() is None
    with qtbot.waitSignal(view.due_activated) as entered:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert entered.args == [item]
    with qtbot.assertNotEmitted(view.delete_requested):
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    with qtbot.waitSignal(view.due_menu_requested) as menu:
        context_menu(view.viewport(), rect.center())
    assert menu.args[0] == item
    image = view.grab().toImage()
    assert not image.isNull()


def test_month_view_tooltip_names_community_stage_and_assignee(qtbot) -> None:
    item = due("记录活动结果", VIEW_TODAY + timedelta(days=2), community=NOTION)
    view = make_month(qtbot, [item])
    [(_, rect)] = view.entry_rects(item.due_on)
    event = QHelpEvent(
        QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center())
    )
    QApplication.sendEvent(view.viewport(), event)
    text = QToolTip.text()
    assert "记录活动结果" in text and "Notion 中文用户群" in text
    assert "Operate" in text and "Lily 李" in text
    QToolTip.hideText()


@pytest.fixture
def week(qtbot) -> WeekView:
    view = WeekView(clock=lambda: datetime.combine(VIEW_TODAY, datetime.min.time()))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_week_view_shows_due_items_in_the_all_day_strip(qtbot, week: WeekView) -> None:
    wednesday = VIEW_MONDAY + timedelta(days=2)
    items = [
        due("记录活动结果", wednesday),
        due("设计破冰环节", wednesday, community=NOTION, done=True),
        due("Next week", VIEW_MONDAY + timedelta(days=9)),
    ]
    week.set_week(VIEW_MONDAY, [], COLORS, VIEW_TODAY, due=items, names=NAMES)
    assert [d.title for d in week.due_items()] == ["记录活动结果", "设计破冰环节"]
    cell = week.all_day_rect(wednesday)
    first, second = week.due_rect(items[0].item_id), week.due_rect(items[1].item_id)
    assert first is not None and second is not None
    assert cell.contains(first) and cell.contains(second)
    assert not first.intersects(second)
    assert week.due_rect(items[2].item_id) is None
    with qtbot.waitSignal(week.due_activated) as opened:
        qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=first.center().toPoint())
    assert opened.args == [items[0]]
    assert week.selected_due() == items[0]
    with qtbot.waitSignal(week.due_activated):
        qtbot.keyClick(week, Qt.Key.Key_Return)
    with qtbot.waitSignal(week.due_menu_requested) as menu:
        context_menu(week, second.center().toPoint())
    assert menu.args[0] == items[1]


def test_a_due_item_is_not_dragged(qtbot, week: WeekView) -> None:
    item = due("记录活动结果", VIEW_MONDAY + timedelta(days=2))
    week.set_week(VIEW_MONDAY, [], COLORS, VIEW_TODAY, due=[item], names=NAMES)
    rect = week.due_rect(item.item_id)
    assert rect is not None
    start = rect.center()
    end = start + QPointF(2 * rect.width(), 0)
    with qtbot.assertNotEmitted(week.move_requested):
        qtbot.mousePress(week, Qt.MouseButton.LeftButton, pos=start.toPoint())
        qtbot.mouseMove(week, ((start + end) / 2).toPoint())
        qtbot.mouseMove(week, end.toPoint())
        qtbot.mouseRelease(week, Qt.MouseButton.LeftButton, pos=end.toPoint())
    assert week.due_rect(item.item_id) == rect


def test_due_items_share_the_strip_with_all_day_items(qtbot, week: WeekView) -> None:
    from tests.ui.test_week_view import MONDAY as WEEK_MONDAY
    from tests.ui.test_week_view import at, occurrence

    assert WEEK_MONDAY == VIEW_MONDAY
    camp = occurrence("训练营", at(1, 0), all_day=True, days=3, community=READING)
    items = [due(f"事项 {n}", VIEW_MONDAY + timedelta(days=2)) for n in range(4)]
    week.set_week(VIEW_MONDAY, [camp], COLORS, VIEW_TODAY, due=items, names=NAMES)
    [camp_rect] = week.item_rects(camp.key)
    shown = [r for r in (week.due_rect(d.item_id) for d in items) if r is not None]
    assert 0 < len(shown) < len(items)  # the strip is full: the rest are behind "+N more"
    assert all(not r.intersects(camp_rect) for r in shown)
    assert len(week.due_items()) == 4


def test_agenda_lists_due_items_first_under_their_day(qtmodeltester, qtbot) -> None:
    items = [
        due("记录活动结果", VIEW_TODAY + timedelta(days=1)),
        due("Overdue", VIEW_TODAY - timedelta(days=1), community=NOTION),
        due("已完成", VIEW_TODAY + timedelta(days=1), done=True),
    ]
    view = AgendaView()
    qtbot.addWidget(view)
    view.set_days([], NAMES, COLORS, VIEW_TODAY, items)
    model = view.agenda_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    yesterday, tomorrow = model.index(0, 0), model.index(1, 0)
    overdue = model.index(0, AgendaColumn.STATUS, yesterday)
    assert overdue.data() == "Overdue"
    row = [model.index(0, c, tomorrow).data() for c in AgendaColumn]
    assert row == ["Due", "记录活动结果", "深夜读书会", "Checklist · Operate", "Lily 李", "To do"]
    done = model.index(1, AgendaColumn.TITLE, tomorrow)
    assert done.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.index(1, AgendaColumn.STATUS, tomorrow).data() == "Done"
    assert done.data(AgendaRole.DUE) == items[2]
    assert model.occurrence(done) is None and model.due_item(done) == items[2]
    tip = model.index(0, AgendaColumn.TITLE, tomorrow).data(Qt.ItemDataRole.ToolTipRole)
    assert "深夜读书会" in tip and "Operate" in tip and "Lily 李" in tip
    view.show()
    view.setCurrentIndex(model.index(0, 0, tomorrow))
    with qtbot.waitSignal(view.due_activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [items[0]]
    with qtbot.assertNotEmitted(view.delete_requested):
        qtbot.keyClick(view, Qt.Key.Key_Delete)


# -- the page, on a workspace -------------------------------------------------------------


class Workspace2:
    """A workspace with two communities and one checklist item due this Wednesday."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.reading, _ = create_community(ws, {"name": "深夜读书会", "color": "#9b51e0"})
        self.notion, _ = create_community(ws, {"name": "Notion 中文用户群", "color": "#2f80ed"})
        self.item, _ = add_item(
            ws,
            self.reading,
            Stage.OPERATE,
            "记录活动结果",
            {"assignee": "Lily 李", "due_on": DUE_DAY},
        )


@pytest.fixture
def data(tmp_path: Path, paths: AppPaths) -> Iterator[Workspace2]:
    ws = create_workspace(tmp_path / "due.cplan", device_id=DEVICE, lock_dir=paths.lock_dir)
    result = Workspace2(ws)
    yield result
    result.ws.close()


@pytest.fixture
def page(qtbot, paths: AppPaths, data: Workspace2) -> CalendarPage:
    settings = Settings(paths.settings_file)
    p = CalendarPage(settings, confirm=Confirm())
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    p.set_session(Session(data.ws))
    p.set_mode(CalendarMode.MONTH)
    p.go_to(DUE_DAY)
    return p


def due_ids_on(page: CalendarPage, day: date) -> list[str]:
    """The due items the page's current view shows on ``day``."""
    if page.mode is CalendarMode.MONTH:
        return [d.item_id for d in page.month.month_model.due_on(day)]
    if page.mode is CalendarMode.WEEK:
        return [d.item_id for d in page.week.due_items() if d.due_on == day]
    model = page.agenda.agenda_model
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        if heading.data(AgendaRole.DATE) == day:
            return [
                model.index(r, 0, heading).data(AgendaRole.DUE).item_id
                for r in range(model.rowCount(heading))
                if model.index(r, 0, heading).data(AgendaRole.DUE) is not None
            ]
    return []


@pytest.mark.parametrize("mode", list(CalendarMode))
def test_a_due_item_shows_on_its_day_in_every_view(
    page: CalendarPage, data: Workspace2, mode: CalendarMode
) -> None:
    page.set_mode(mode)
    page.go_to(DUE_DAY - timedelta(days=2) if mode is CalendarMode.AGENDA else DUE_DAY)
    assert due_ids_on(page, DUE_DAY) == [data.item]
    first, last = page.visible_range()
    day = first
    while day < last:
        if day != DUE_DAY:
            assert due_ids_on(page, day) == []
        day += timedelta(days=1)
    assert page.empty.isHidden()  # a due item is something planned


def test_the_community_filter_hides_its_due_items(page: CalendarPage, data: Workspace2) -> None:
    page.toggle_filter("communities", data.reading, False)
    assert page.due == [] and due_ids_on(page, DUE_DAY) == []
    assert page.empty.isVisible() and "filters" in page.empty.text()
    page.toggle_filter("communities", data.reading, True)
    assert due_ids_on(page, DUE_DAY) == [data.item]
    page.toggle_filter("owners", "Lily 李", False)  # the assignee counts as the owner
    assert page.due == []
    page.clear_filters()
    update_item(data.ws, data.item, {"done_on": TODAY})
    page.toggle_filter("statuses", "done", False)
    assert page.due == []


def test_only_the_visible_range_is_fetched(page: CalendarPage, data: Workspace2) -> None:
    add_item(
        data.ws,
        data.notion,
        Stage.OUTPUT,
        "Next year",
        {"due_on": TODAY.replace(year=TODAY.year + 1)},
    )
    page.refresh()
    assert [d.item_id for d in page.due] == [data.item]
    first, last = page.visible_range()
    assert page.due == due_between(data.ws, first, last - timedelta(days=1))


def test_double_click_opens_the_item_in_its_checklist(
    qtbot, page: CalendarPage, data: Workspace2
) -> None:
    [(entry, rect)] = page.month.entry_rects(DUE_DAY)
    assert isinstance(entry, DueItem)
    with qtbot.waitSignal(page.checklist_item_activated) as opened:
        qtbot.mouseDClick(page.month.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [data.reading, data.item]
    page.set_mode(CalendarMode.WEEK)
    rect_f = page.week.due_rect(data.item)
    assert rect_f is not None
    with qtbot.waitSignal(page.checklist_item_activated) as opened:
        qtbot.mouseDClick(page.week, Qt.MouseButton.LeftButton, pos=rect_f.center().toPoint())
    assert opened.args == [data.reading, data.item]


# A popped-up menu grabs the keyboard, which the offscreen platform cannot do.
popup = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def due_menu(page: CalendarPage) -> QMenu:
    menus = [m for m in page.findChildren(QMenu) if m.objectName() == "due_menu"]
    assert len(menus) == 1
    return menus[0]


@popup
def test_mark_done_from_the_context_menu_is_undoable(
    qtbot, page: CalendarPage, data: Workspace2
) -> None:
    [(_, rect)] = page.month.entry_rects(DUE_DAY)
    context_menu(page.month.viewport(), rect.center())
    menu = due_menu(page)
    toggle = next(a for a in menu.actions() if a.objectName() == "toggle_done")
    assert toggle.text() == "Mark done" and toggle.isEnabled()
    with qtbot.waitSignal(page.message) as said:
        toggle.trigger()
    menu.close()
    assert "记录活动结果" in said.args[0]
    assert get_item(data.ws, data.item).done_on == TODAY
    [shown] = page.month.month_model.due_on(DUE_DAY)
    assert shown.done  # the view refreshed from the change
    assert page.session is not None
    page.session.undo()
    assert get_item(data.ws, data.item).done_on is None
    [shown] = page.month.month_model.due_on(DUE_DAY)
    assert not shown.done
    page.session.redo()
    assert page.month.month_model.due_on(DUE_DAY)[0].done


@popup
def test_the_menu_of_a_done_item_unticks_and_open_emits(
    qtbot, page: CalendarPage, data: Workspace2
) -> None:
    update_item(data.ws, data.item, {"done_on": TODAY})
    page.set_mode(CalendarMode.WEEK)
    rect = page.week.due_rect(data.item)
    assert rect is not None
    context_menu(page.week, rect.center().toPoint())
    menu = due_menu(page)
    toggle = next(a for a in menu.actions() if a.objectName() == "toggle_done")
    assert toggle.text() == "Mark as not done"
    with qtbot.waitSignal(page.checklist_item_activated) as opened:
        menu.actions()[0].trigger()
    assert opened.args == [data.reading, data.item]
    toggle.trigger()
    menu.close()
    assert get_item(data.ws, data.item).done_on is None


@popup
def test_a_read_only_workspace_cannot_tick(
    qtbot, paths: AppPaths, tmp_path: Path, data: Workspace2
) -> None:
    path = data.ws.path
    data.ws.close()
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    try:
        p = CalendarPage(Settings(paths.settings_file), confirm=Confirm())
        qtbot.addWidget(p)
        p.set_session(Session(ws))
        p.go_to(DUE_DAY)
        [due_item] = p.due
        p.show_due_menu(due_item, QPoint(0, 0))
        menu = due_menu(p)
        toggle = next(a for a in menu.actions() if a.objectName() == "toggle_done")
        assert not toggle.isEnabled()
        menu.close()
        p.set_due_done(due_item, True)
        assert get_item(ws, data.item).done_on is None
    finally:
        ws.close()
        data.ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)


def test_a_calendar_edit_elsewhere_keeps_due_items(page: CalendarPage, data: Workspace2) -> None:
    assert page.session is not None
    page.session.run(
        create_item,
        {
            "community_id": data.notion,
            "kind": "content",
            "item_type": "article",
            "title": "每周模板精选",
            "start": datetime.combine(DUE_DAY, datetime.min.time()).replace(hour=10),
            "end": datetime.combine(DUE_DAY, datetime.min.time()).replace(hour=11),
            "tz": "Asia/Shanghai",
        },
    )
    entries = page.month.entry_rects(DUE_DAY)
    assert [type(e).__name__ for e, _ in entries] == ["DueItem", "Occurrence"]


def test_a_tick_rereads_only_due_items_and_a_hidden_page_catches_up(
    qtbot, page: CalendarPage, data: Workspace2
) -> None:
    from planner.checklists import set_done

    assert page.session is not None
    before = page.occurrences
    page.session.run(set_done, data.item, True, TODAY)
    # A tick changes no calendar item: the occurrences were not read again.
    assert page.occurrences is before
    assert page.month.month_model.due_on(DUE_DAY)[0].done
    # Hidden behind another page, the calendar waits until it is shown.
    page.hide()
    page.session.run(set_done, data.item, False)
    assert page.month.month_model.due_on(DUE_DAY)[0].done
    eight = datetime.combine(DUE_DAY, datetime.min.time()).replace(hour=8)
    page.session.run(
        create_item,
        {
            "community_id": data.notion,
            "kind": "content",
            "item_type": "morning_digest",
            "title": "晨读打卡",
            "start": eight,
            "end": eight + timedelta(hours=1),
        },
    )
    assert page.occurrences is before
    page.show()
    qtbot.waitExposed(page)
    assert not page.month.month_model.due_on(DUE_DAY)[0].done
    assert [o.item.title for o in page.occurrences] == ["晨读打卡"]


def test_the_keyboard_reaches_due_items_in_the_week(qtbot, week: WeekView) -> None:
    tuesday = VIEW_MONDAY + timedelta(days=1)
    items = [due("记录活动结果", tuesday), due("设计破冰环节", tuesday + timedelta(days=2))]
    week.set_week(VIEW_MONDAY, [], COLORS, VIEW_TODAY, due=items, names=NAMES)
    week.setFocus()
    qtbot.keyClick(week, Qt.Key.Key_Right)
    assert week.selected_due() == items[0]
    qtbot.keyClick(week, Qt.Key.Key_Right)
    assert week.selected_due() == items[1]
    qtbot.keyClick(week, Qt.Key.Key_Right)  # the last stays selected
    assert week.selected_due() == items[1]
    qtbot.keyClick(week, Qt.Key.Key_Left)
    assert week.selected_due() == items[0]
    with qtbot.waitSignal(week.due_activated) as opened:
        qtbot.keyClick(week, Qt.Key.Key_Return)
    assert opened.args == [items[0]]


@popup
def test_the_menu_key_on_a_month_day_lists_its_due_items(qtbot) -> None:
    item = due("记录活动结果", VIEW_TODAY + timedelta(days=2))
    view = make_month(qtbot, [item])
    view.setCurrentIndex(view.month_model.index_of(item.due_on))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), view.mapToGlobal(QPoint(1, 1))
    )
    QApplication.sendEvent(view, event)
    [menu] = [m for m in view.findChildren(QMenu) if m.isVisible()]
    [action] = [a for a in menu.actions() if a.text() == "记录活动结果"]
    with qtbot.waitSignal(view.due_activated) as opened:
        action.trigger()
    assert opened.args == [item]
    menu.close()


def test_the_agenda_lists_overdue_items_under_today(page: CalendarPage, data: Workspace2) -> None:
    late, _ = add_item(
        data.ws,
        data.reading,
        Stage.OPERATE,
        "复盘上月活动",
        {"due_on": TODAY - timedelta(days=10)},
    )
    done_late, _ = add_item(
        data.ws, data.reading, Stage.OPERATE, "已完成的旧事", {"due_on": TODAY - timedelta(days=3)}
    )
    update_item(data.ws, done_late, {"done_on": TODAY})
    assert page.session is not None
    page.session.changed.emit(data.ws.history.undo_stack[-1])
    page.set_mode(CalendarMode.AGENDA)
    page.go_to(TODAY)
    assert [d.item_id for d in page.overdue] == [late]
    assert late in due_ids_on(page, TODAY)  # under today, marked overdue
    assert done_late not in due_ids_on(page, TODAY)
    # Browsing the agenda later on, they are not repeated under another day.
    page.go_to(TODAY + timedelta(days=30))
    assert page.overdue == []
