"""Month and agenda views: their models, painting and interaction."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor

from planner.calendar import Occurrence, create_item, occurrences_between
from planner.communities import create_community
from planner.recurrence import Recurrence
from planner.ui.agenda_view import AgendaColumn, AgendaRole, AgendaView
from planner.ui.month_view import MonthModel, MonthRole, MonthView
from planner.workspace import Workspace

MONTH = date(2026, 11, 1)  # the grid runs Mon 26 Oct .. Sun 6 Dec
TODAY = date(2026, 11, 23)


@pytest.fixture
def community(workspace: Workspace) -> str:
    return create_community(workspace, {"name": "读书会", "color": "#9b51e0"})[0]


def add(
    ws: Workspace, community: str, title: str, start: datetime, minutes: int = 60, **extra: object
) -> str:
    return create_item(
        ws,
        {
            "community_id": community,
            "kind": "content",
            "item_type": "live_class",
            "title": title,
            "start": start,
            "end": start + timedelta(minutes=minutes),
            "tz": "Asia/Shanghai",
            **extra,
        },
    )[0]


def month_occurrences(ws: Workspace) -> list[Occurrence]:
    first = MonthModel.grid_start(MONTH)
    return occurrences_between(
        ws,
        datetime.combine(first, datetime.min.time()),
        datetime.combine(first + timedelta(weeks=6), datetime.min.time()),
    )


def test_month_model_places_items_on_their_days(
    qtmodeltester, workspace: Workspace, community: str
) -> None:
    add(workspace, community, "直播课：社群冷启动", datetime(2026, 11, 18, 20))
    add(
        workspace,
        community,
        "训练营（三天）",
        datetime(2026, 11, 20, 0),
        all_day=True,
        minutes=3 * 24 * 60,
    )
    add(
        workspace,
        community,
        "晨读打卡",
        datetime(2026, 11, 2, 7),
        minutes=15,
        recurrence=Recurrence.parse("FREQ=DAILY"),
    )
    model = MonthModel()
    model.set_month(MONTH, month_occurrences(workspace), TODAY)
    qtmodeltester.check(model)

    assert model.first_day == date(2026, 10, 26)
    assert (model.rowCount(), model.columnCount()) == (6, 7)
    day = model.index_of(date(2026, 11, 18))
    titles = [o.item.title for o in day.data(MonthRole.OCCURRENCES)]
    assert titles == ["晨读打卡", "直播课：社群冷启动"]
    for offset in range(3):  # the camp shows on each of its days, and only those
        cell = model.index_of(date(2026, 11, 20) + timedelta(days=offset))
        assert "训练营（三天）" in [o.item.title for o in cell.data(MonthRole.OCCURRENCES)]
    assert "训练营（三天）" not in [
        o.item.title for o in model.index_of(date(2026, 11, 23)).data(MonthRole.OCCURRENCES)
    ]
    assert not model.index_of(date(2026, 10, 26)).data(MonthRole.IN_MONTH)
    assert model.index_of(TODAY).data(MonthRole.IS_TODAY)
    assert model.index_of(date(2026, 11, 1)).data(MonthRole.OCCURRENCES) == []  # before series
    assert model.headerData(0, Qt.Orientation.Vertical) == "W44"
    assert model.index_of(date(2027, 1, 1)) == QModelIndex()


def make_month_view(qtbot, workspace: Workspace, community: str) -> MonthView:
    view = MonthView()
    qtbot.addWidget(view)
    view.resize(980, 720)
    view.show()
    qtbot.waitExposed(view)
    view.set_month(MONTH, month_occurrences(workspace), {community: "#9b51e0"}, TODAY, TODAY)
    return view


def chip_center(view: MonthView, day: date, n: int):
    index = view.month_model.index_of(day)
    occurrences = index.data(MonthRole.OCCURRENCES)
    rects, _ = view._delegate.layout(view.visualRect(index), len(occurrences), view.font())
    return rects[n].center()


def test_month_view_double_click_opens_an_item_or_adds_one(
    qtbot, workspace: Workspace, community: str
) -> None:
    add(workspace, community, "直播课", datetime(2026, 11, 18, 20))
    view = make_month_view(qtbot, workspace, community)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseDClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=chip_center(view, date(2026, 11, 18), 0)
        )
    assert opened.args[0].item.title == "直播课"
    empty = view.visualRect(view.month_model.index_of(date(2026, 11, 19))).bottomLeft()
    with qtbot.waitSignal(view.create_requested) as created:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=empty + QPoint(8, -8))
    assert created.args[0] == date(2026, 11, 19)


def test_month_view_click_selects_and_delete_key_asks(
    qtbot, workspace: Workspace, community: str
) -> None:
    add(workspace, community, "直播课", datetime(2026, 11, 18, 20))
    view = make_month_view(qtbot, workspace, community)
    with qtbot.waitSignal(view.selection_changed):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=chip_center(view, date(2026, 11, 18), 0)
        )
    assert view.selected() is not None and view.selected().item.title == "直播课"
    with qtbot.waitSignal(view.delete_requested) as deleted:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert deleted.args[0].item.title == "直播课"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected() is None
    view.setCurrentIndex(view.month_model.index_of(date(2026, 11, 25)))
    with qtbot.waitSignal(view.create_requested) as created:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert created.args[0] == date(2026, 11, 25)


def test_month_view_shows_more_when_a_day_is_full(
    qtbot, workspace: Workspace, community: str
) -> None:
    for hour in range(8, 20):
        add(workspace, community, f"话题 {hour}", datetime(2026, 11, 18, hour), minutes=30)
    view = make_month_view(qtbot, workspace, community)
    index = view.month_model.index_of(date(2026, 11, 18))
    rects, more = view._delegate.layout(view.visualRect(index), 12, view.font())
    assert more is not None and 0 < len(rects) < 12
    assert all(view.visualRect(index).contains(r) for r in rects)
    _, on_more = view.occurrence_at(more.center())
    assert on_more
    image = view.grab().toImage()
    assert not image.isNull()


def test_agenda_model_groups_by_day(qtmodeltester, workspace: Workspace, community: str) -> None:
    add(workspace, community, "周二话题", datetime(2026, 11, 24, 20), status="idea")
    add(
        workspace,
        community,
        "晨读打卡",
        datetime(2026, 11, 23, 7),
        minutes=15,
        recurrence=Recurrence.parse("FREQ=DAILY;COUNT=3"),
    )
    add(workspace, community, "停办的沙龙", datetime(2026, 11, 24, 14), status="cancelled")
    occurrences = occurrences_between(workspace, datetime(2026, 11, 23), datetime(2026, 12, 7))
    view = AgendaView()
    model = view.agenda_model
    view.set_days(occurrences, {community: "读书会"}, {community: "#9b51e0"}, TODAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 3  # 23, 24, 25 November
    first_day = model.index(0, 0)
    assert model.data(first_day).startswith("Today")
    assert model.rowCount(first_day) == 1
    tuesday = model.index(1, 0)
    titles = [model.index(r, AgendaColumn.TITLE, tuesday).data() for r in range(3)]
    assert titles == ["晨读打卡", "停办的沙龙", "周二话题"]
    cancelled = model.index(1, AgendaColumn.TITLE, tuesday)
    assert cancelled.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.index(0, AgendaColumn.TIME, tuesday).data() == "07:00–07:15"
    assert model.index(2, AgendaColumn.STATUS, tuesday).data() == "Idea"
    community_cell = model.index(0, AgendaColumn.COMMUNITY, tuesday)
    assert community_cell.data() == "读书会"
    swatch = community_cell.data(Qt.ItemDataRole.DecorationRole).pixmap(16, 16).toImage()
    assert swatch.pixelColor(8, 8) == QColor("#9b51e0")
    assert model.index(0, 0, tuesday).data(AgendaRole.OCCURRENCE).item.title == "晨读打卡"


def test_agenda_view_opens_and_deletes_with_keys(
    qtbot, workspace: Workspace, community: str
) -> None:
    add(workspace, community, "周二话题", datetime(2026, 11, 24, 20))
    view = AgendaView()
    qtbot.addWidget(view)
    view.show()
    view.set_days(
        occurrences_between(workspace, datetime(2026, 11, 23), datetime(2026, 12, 7)),
        {community: "读书会"},
        {community: "#9b51e0"},
        TODAY,
    )
    item = view.agenda_model.index(0, 0, view.agenda_model.index(0, 0))
    view.setCurrentIndex(item)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args[0].item.title == "周二话题"
    with qtbot.waitSignal(view.delete_requested):
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    view.setCurrentIndex(view.agenda_model.index(0, 0))
    with qtbot.waitSignal(view.create_requested) as created:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert created.args[0] == date(2026, 11, 24)
