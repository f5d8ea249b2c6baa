"""The calendar's faster paths show what the plain ones did.

The month model's one-pass placing, the page's read-ahead of the
neighbouring ranges, the month view's cached checklist marks and the
agenda model's own index bounds: each compared with the plain result.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex

from planner.calendar import (
    CalendarFilter,
    EditScope,
    Occurrence,
    create_item,
    forget_cached,
    occurrences_between,
    prefetch,
    update_occurrence,
)
from planner.checklist_due import DueItem
from planner.communities import Stage, create_community
from planner.recurrence import Recurrence
from planner.settings import Settings
from planner.ui.agenda_view import AgendaModel
from planner.ui.calendar_page import CalendarMode, CalendarPage
from planner.ui.month_view import MonthModel, MonthRole, MonthView
from planner.ui.session import Session
from planner.workspace import Workspace
from tests.ui.conftest import Confirm

MONTH = date(2026, 11, 1)  # the grid runs Mon 26 Oct .. Sun 6 Dec
TODAY = date(2026, 11, 23)


@pytest.fixture
def community(workspace: Workspace) -> str:
    return create_community(workspace, {"name": "读书会", "color": "#9b51e0"}, checklist=False)[0]


def add(ws: Workspace, community: str, title: str, start: datetime, end: datetime, **extra: object):
    create_item(
        ws,
        {
            "community_id": community,
            "kind": "content",
            "item_type": "live_class",
            "title": title,
            "start": start,
            "end": end,
            "tz": "Asia/Shanghai",
            **extra,
        },
    )


def grid_occurrences(ws: Workspace) -> list[Occurrence]:
    first = MonthModel.grid_start(MONTH)
    return occurrences_between(
        ws,
        datetime.combine(first - timedelta(days=10), time()),
        datetime.combine(first + timedelta(weeks=7), time()),
    )


def placed_plainly(occurrences: list[Occurrence], first: date, last: date) -> dict[date, list]:
    """Each occurrence on every day from its start to its last day, in the grid."""
    by_day: dict[date, list] = {}
    for occ in occurrences:
        day = occ.start.date()
        while day <= occ.last_day:
            if first <= day < last:
                by_day.setdefault(day, []).append(occ.key)
            day += timedelta(days=1)
    return by_day


def test_month_model_places_every_kind_of_item_as_plain_placing_does(
    workspace: Workspace, community: str
) -> None:
    add(workspace, community, "跨夜直播", datetime(2026, 11, 18, 23), datetime(2026, 11, 19, 1))
    add(workspace, community, "到午夜", datetime(2026, 11, 18, 22), datetime(2026, 11, 19, 0))
    add(
        workspace,
        community,
        "训练营",
        datetime(2026, 11, 20),
        datetime(2026, 11, 23),
        all_day=True,
    )
    add(workspace, community, "月初前开始", datetime(2026, 10, 20), datetime(2026, 10, 28))
    add(workspace, community, "跨出网格", datetime(2026, 12, 5, 9), datetime(2026, 12, 9, 9))
    add(
        workspace,
        community,
        "晨读",
        datetime(2026, 10, 1, 7),
        datetime(2026, 10, 1, 7, 15),
        recurrence=Recurrence.parse("FREQ=DAILY"),
    )
    occurrences = grid_occurrences(workspace)
    model = MonthModel()
    expected = placed_plainly(
        occurrences, model.grid_start(MONTH), model.grid_start(MONTH) + timedelta(weeks=6)
    )
    for order in (occurrences, occurrences[::-1]):  # in time order or not
        model.set_month(MONTH, order, TODAY)
        placed = {}
        for offset in range(42):
            day = model.first_day + timedelta(days=offset)
            keys = [o.key for o in model.index_of(day).data(MonthRole.OCCURRENCES)]
            if keys:
                placed[day] = keys
        want = {
            day: sorted(keys) if order is not occurrences else keys
            for day, keys in expected.items()
        }
        got = {
            day: sorted(keys) if order is not occurrences else keys for day, keys in placed.items()
        }
        assert got == want
    assert "到午夜" not in [
        o.item.title for o in model.index_of(date(2026, 11, 19)).data(MonthRole.OCCURRENCES)
    ]


@pytest.fixture
def page(qtbot, workspace: Workspace, tmp_path: Path) -> CalendarPage:
    session = Session(workspace)
    page = CalendarPage(Settings(tmp_path / "settings.json"), confirm=Confirm())
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.go_to(TODAY)
    page.set_mode(CalendarMode.MONTH)
    page.set_session(session)
    return page


def range_of(page: CalendarPage, anchor: date) -> tuple[datetime, datetime]:
    first, last = page._range_at(anchor)
    return datetime.combine(first, time()), datetime.combine(last, time())


def test_the_page_reads_the_neighbouring_months_ahead(
    qtbot, page: CalendarPage, workspace: Workspace, community: str
) -> None:
    forget_cached(workspace)
    page.refresh()
    assert page.prefetch_pending()
    qtbot.waitUntil(lambda: not page.prefetch_pending(), timeout=5000)
    filters = CalendarFilter()
    for direction in (1, -1):
        ahead = range_of(page, page._stepped(page.anchor, direction))
        assert not prefetch(workspace, *ahead, filters, partial=True)  # read already


def test_a_step_into_a_range_read_ahead_shows_edits_made_since(
    qtbot, page: CalendarPage, workspace: Workspace, community: str
) -> None:
    qtbot.waitUntil(lambda: not page.prefetch_pending(), timeout=5000)
    assert page.session is not None
    page.session.run(
        create_item,
        {
            "community_id": community,
            "kind": "activity",
            "item_type": "paid",
            "title": "下月的课",
            "start": datetime(2026, 12, 10, 19),
            "end": datetime(2026, 12, 10, 20),
            "tz": "Asia/Shanghai",
        },
    )
    page.step(1)
    assert "下月的课" in [o.item.title for o in page.occurrences]
    first, last = page.visible_range()
    forget_cached(workspace)
    plain = occurrences_between(
        workspace, datetime.combine(first, time()), datetime.combine(last, time())
    )
    assert [o.key for o in page.occurrences] == [o.key for o in plain]


def test_read_ahead_can_be_turned_off(page: CalendarPage) -> None:
    page.prefetch_enabled = False
    page.step(1)
    assert not page.prefetch_pending()


def due(title: str, on: date, *, done: bool = False) -> DueItem:
    return DueItem(f"item-{title}", "c1", Stage.OPERATE, title, on, done, "Lily 李")


def test_a_ticked_due_mark_is_painted_again(qtbot) -> None:
    view = MonthView()
    qtbot.addWidget(view)
    view.resize(980, 720)
    view.show()
    qtbot.waitExposed(view)
    day = TODAY + timedelta(days=2)
    view.set_month(TODAY, [], {"c1": "#9b51e0"}, TODAY, TODAY, due=[due("记录结果", day)])
    [(_, rect)] = view.entry_rects(day)
    open_mark = view.viewport().grab(rect).toImage()
    view.set_month(
        TODAY, [], {"c1": "#9b51e0"}, TODAY, TODAY, due=[due("记录结果", day, done=True)]
    )
    done_mark = view.viewport().grab(rect).toImage()
    assert open_mark != done_mark
    view.set_month(TODAY, [], {"c1": "#9b51e0"}, TODAY, TODAY, due=[due("记录结果", day)])
    assert view.viewport().grab(rect).toImage() == open_mark  # from the cache: the same picture


def test_agenda_model_bounds(qtmodeltester, workspace: Workspace, community: str) -> None:
    add(workspace, community, "周二话题", datetime(2026, 11, 24, 20), datetime(2026, 11, 24, 21))
    add(workspace, community, "周三话题", datetime(2026, 11, 25, 20), datetime(2026, 11, 25, 21))
    model = AgendaModel()
    occurrences = occurrences_between(
        workspace, datetime(2026, 11, 23), datetime(2026, 12, 7), partial=True
    )
    model.set_occurrences(occurrences, {}, {}, TODAY, [due("记录结果", TODAY)])
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.hasChildren() and model.hasChildren(model.index(0, 0))
    assert not model.hasChildren(model.index(0, 1))
    assert not model.index(3, 0).isValid() and not model.index(0, 6).isValid()
    day = model.index(1, 0)
    assert model.index(0, 0, day).isValid() and not model.index(1, 0, day).isValid()
    assert not model.index(0, 0, model.index(0, 0, day)).isValid()
    assert model.parent(model.index(0, 0, day)) == day
    assert model.parent(day) == QModelIndex()


def test_an_item_line_is_painted_again_when_it_changes(
    qtbot, workspace: Workspace, community: str
) -> None:
    add(workspace, community, "直播课", datetime(2026, 11, 18, 20), datetime(2026, 11, 18, 21))
    view = MonthView()
    qtbot.addWidget(view)
    view.resize(980, 720)
    view.show()
    qtbot.waitExposed(view)
    day = date(2026, 11, 18)

    def line_image(colors: dict[str, str]):
        view.set_month(MONTH, grid_occurrences(workspace), colors, TODAY, TODAY)
        [(_, rect)] = view.entry_rects(day)
        return view.viewport().grab(rect).toImage()

    purple = line_image({community: "#9b51e0"})
    assert line_image({community: "#27ae60"}) != purple  # another colour
    occ = next(o for o in grid_occurrences(workspace) if o.start.date() == day)
    update_occurrence(workspace, occ, {"title": "直播课（改期）"}, EditScope.ALL)
    assert line_image({community: "#9b51e0"}) != purple  # another title
    update_occurrence(
        workspace,
        next(o for o in grid_occurrences(workspace) if o.start.date() == day),
        {"title": "直播课"},
        EditScope.ALL,
    )
    assert line_image({community: "#9b51e0"}) == purple  # from the cache, the same
