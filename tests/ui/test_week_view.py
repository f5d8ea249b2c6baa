"""The week view, driven with the mouse and keyboard as a user drives it."""

from __future__ import annotations

import itertools
import random
import time as time_module
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from planner.calendar import (
    TYPES_BY_KIND,
    CalendarItem,
    ItemKind,
    Occurrence,
    Status,
    create_item,
    move_occurrence,
    occurrences_between,
)
from planner.communities import PALETTE, create_community, list_communities
from planner.recurrence import Frequency, Recurrence
from planner.ui.theme import dark_palette
from planner.ui.week_layout import contrast_ratio, fit_lines, text_color_for
from planner.ui.week_view import WeekView
from planner.workspace import Workspace

MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 25, 15, 20)  # a Wednesday afternoon
COLORS = {"growth": "#2f80ed", "notion": "#eb5757", "reading": "#f2994a", "parents": "#27ae60"}
SHOTS = Path("/tmp")  # screenshots to look at; never in the repository

_ids = itertools.count(1)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the week shown: day 0 is Monday."""
    return datetime.combine(MONDAY + timedelta(days=day), datetime.min.time()).replace(
        hour=hour, minute=minute
    )


def occurrence(
    title: str,
    start: datetime,
    minutes: int = 60,
    *,
    community: str = "growth",
    item_type: str = "morning_digest",
    status: Status = Status.PLANNED,
    all_day: bool = False,
    days: int = 1,
    owner: str = "Kevin 王",
) -> Occurrence:
    """A one-off occurrence, built the way calendar.occurrences_between builds one."""
    end = start + (timedelta(days=days) if all_day else timedelta(minutes=minutes))
    activity = item_type in TYPES_BY_KIND[ItemKind.ACTIVITY]
    item = CalendarItem(
        id=f"item-{next(_ids)}",
        community_id=community,
        kind=ItemKind.ACTIVITY if activity else ItemKind.CONTENT,
        item_type=item_type,
        title=title,
        all_day=all_day,
        start=start,
        end=end,
        tz="Asia/Shanghai",
        status=status,
        owner=owner,
        description="",
        speaker="",
        location="",
        recurrence=None,
        exdates=frozenset(),
        last_end=end,
        series_id=None,
        recurrence_id=None,
        goals={},
    )
    return Occurrence(item, start, end)


@pytest.fixture
def view(qtbot) -> WeekView:
    w = WeekView(clock=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1000, 760)
    w.show()
    qtbot.waitExposed(w)
    return w


def show(view: WeekView, occurrences: list[Occurrence], today: date | None = None) -> None:
    view.set_week(MONDAY, occurrences, COLORS, today)


def rect_of(view: WeekView, occ: Occurrence) -> QRectF:
    rects = view.item_rects(occ.key)
    assert len(rects) == 1, rects
    return rects[0]


def point(p: QPointF) -> QPoint:
    return p.toPoint()


def drag(qtbot, view: WeekView, start: QPointF, end: QPointF) -> None:
    """Press at ``start``, move to ``end`` in two steps, release there."""
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(start))
    middle = (start + end) / 2
    qtbot.mouseMove(view, point(middle))
    qtbot.mouseMove(view, point(end))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(end))


def column(view: WeekView, day: int) -> tuple[float, float]:
    """The left and right edge of a day's column."""
    cell = view.all_day_rect(MONDAY + timedelta(days=day))
    return cell.left(), cell.right()


# -- layout -------------------------------------------------------------------------


def test_overlapping_items_sit_side_by_side(view: WeekView) -> None:
    live = occurrence("直播课：社群冷启动", at(1, 10), 60, item_type="live_class")
    topic = occurrence("话题讨论：私域流量", at(1, 10, 30), 60, community="notion")
    digest = occurrence("晨报：今日增长资讯", at(1, 11), 60, community="reading")
    alone = occurrence("文章推荐", at(1, 14), 30, item_type="article")
    show(view, [live, topic, digest, alone])
    a, b, c, d = (rect_of(view, o) for o in (live, topic, digest, alone))

    for first, second in itertools.combinations((a, b, c, d), 2):
        assert not first.intersects(second), (first, second)
    # The 10:30 item sits beside both; the 11:00 one takes the first column again.
    assert b.left() > a.right() and b.left() > c.right()
    assert a.left() == c.left()
    assert a.width() == pytest.approx(b.width(), abs=1) == pytest.approx(c.width(), abs=1)
    # The lone item has the whole day's width.
    assert d.width() > 1.8 * a.width()
    left, right = column(view, 1)
    for rect in (a, b, c, d):
        assert left <= rect.left() and rect.right() <= right
    # Times map to rows: 48 px an hour, the chip from its start to its end.
    assert a.top() == pytest.approx(view.point_at(at(1, 10)).y(), abs=1)
    assert a.bottom() == pytest.approx(view.point_at(at(1, 11)).y(), abs=2)
    assert a.height() == pytest.approx(47, abs=2)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_chips_never_overlap_and_stay_in_their_day(view: WeekView, seed: int) -> None:
    rng = random.Random(seed)
    occs = [
        occurrence(
            f"活动 {n}",
            at(rng.randrange(7), rng.randrange(24), rng.choice((0, 5, 15, 30, 45))),
            rng.choice((10, 15, 30, 45, 60, 90, 180)),
            community=rng.choice(list(COLORS)),
        )
        for n in range(150)
    ]
    show(view, occs)
    by_day: dict[int, list[QRectF]] = {day: [] for day in range(7)}
    for occ in occs:
        for rect in view.item_rects(occ.key):
            day = max(d for d in range(7) if column(view, d)[0] <= rect.center().x())
            left, right = column(view, day)
            assert left <= rect.left() and rect.right() <= right
            assert rect.height() > 0 and rect.width() > 0
            by_day[day].append(rect)
    for rects in by_day.values():
        for first, second in itertools.combinations(rects, 2):
            assert not first.intersects(second), (first, second)


def test_short_item_still_shows_a_line_of_title(view: WeekView) -> None:
    short = occurrence("时事快评", at(2, 12), 10, item_type="current_affairs")
    next_one = occurrence("文章推荐", at(2, 12, 15), 15, item_type="article")
    show(view, [short, next_one])
    line = QFontMetricsF(QFont(view.font())).height()
    a, b = rect_of(view, short), rect_of(view, next_one)
    assert a.height() >= line
    # Being taller than its time, it moves the next item beside it.
    assert not a.intersects(b)


def test_item_across_midnight_shows_on_both_days(view: WeekView) -> None:
    late = occurrence("夜间答疑", at(1, 22), 240, item_type="other")
    show(view, [late])
    first, second = view.item_rects(late.key)
    assert column(view, 1)[0] < first.center().x() < column(view, 1)[1]
    assert column(view, 2)[0] < second.center().x() < column(view, 2)[1]
    assert view.visible_hours()[0] == 0  # the earliest piece is at midnight
    assert second.top() == pytest.approx(view.point_at(at(2, 0)).y())
    view.scroll_to_hour(2)
    assert view.item_rects(late.key)[1].top() == pytest.approx(second.top() - 2 * 48)


def test_items_outside_the_week_are_left_out(view: WeekView) -> None:
    before = occurrence("上周", at(-1, 10))
    after = occurrence("下周", at(7, 10))
    show(view, [before, after])
    assert view.item_rects(before.key) == [] and view.item_rects(after.key) == []


def test_new_week_scrolls_to_seven_or_the_earliest_item(view: WeekView) -> None:
    show(view, [occurrence("晨报：今日增长资讯", at(0, 8))])
    top, bottom = view.visible_hours()
    assert 6.5 <= top <= 7
    assert bottom - top > 10
    early = occurrence("早起打卡", at(3, 5, 30))
    view.set_week(MONDAY + timedelta(days=7), [], COLORS)
    view.set_week(MONDAY, [early], COLORS)
    assert 5 <= view.visible_hours()[0] <= 5.5


def test_same_week_again_keeps_scroll_and_selection(qtbot, view: WeekView) -> None:
    live = occurrence("直播课：社群冷启动", at(1, 20), item_type="live_class")
    show(view, [live])
    assert view.select(live.key)
    view.scroll_to_hour(4)
    moved = Occurrence(live.item, at(1, 21), at(1, 22))  # as reloaded after an edit
    with qtbot.waitSignal(view.selection_changed) as changed:
        show(view, [moved])
    assert changed.args == [moved]
    assert view.selected() == moved
    assert view.visible_hours()[0] == pytest.approx(4)
    # Another week: the selection goes, the scroll starts again at 07:00.
    with qtbot.waitSignal(view.selection_changed) as changed:
        view.set_week(MONDAY + timedelta(days=7), [], COLORS)
    assert changed.args == [None]
    assert view.selected() is None
    assert view.visible_hours()[0] < 7.1


def test_all_day_strip(view: WeekView) -> None:
    brand = occurrence("品牌活动：双十二预热", at(0, 0), all_day=True, days=3, item_type="brand")
    paid = occurrence("付费训练营开营", at(1, 0), all_day=True, item_type="paid")
    retreat = occurrence("线下团建", at(4, 9), 60 * 30, community="reading", item_type="member")
    show(view, [brand, paid, retreat])
    a, b, c = rect_of(view, brand), rect_of(view, paid), rect_of(view, retreat)
    strip = view.all_day_rect(MONDAY)
    # Brand spans Monday to Wednesday; the paid day sits in a second row.
    assert a.left() >= column(view, 0)[0] and a.right() <= column(view, 2)[1]
    assert a.right() > column(view, 2)[0]
    assert not a.intersects(b) and b.top() > a.top()
    for rect in (a, b, c):
        assert strip.top() <= rect.top() and rect.bottom() <= strip.bottom()
    # A timed item of a day or more is in the strip too, over the days it touches.
    assert c.left() >= column(view, 4)[0] and c.right() <= column(view, 5)[1]
    assert c.right() > column(view, 5)[0]


def test_too_many_all_day_items_show_more(qtbot, view: WeekView) -> None:
    few = [occurrence(f"全天 {n}", at(4, 0), all_day=True) for n in range(3)]
    show(view, few)
    three_rows = view.all_day_rect(MONDAY).height()
    many = few + [occurrence(f"全天 {n}", at(4, 0), all_day=True) for n in range(3, 7)]
    show(view, many)
    assert view.all_day_rect(MONDAY).height() == three_rows
    shown = [o for o in many if view.item_rects(o.key)]
    assert len(shown) == 2
    # The "+5 more" cell lists the hidden titles in its tooltip.
    cell = view.all_day_rect(MONDAY + timedelta(days=4))
    pos = QPoint(int(cell.center().x()), int(cell.bottom() - 6))
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    hidden = [o.item.title for o in many if o not in shown]
    qtbot.waitUntil(QToolTip.isVisible)
    assert all(title in QToolTip.text() for title in hidden)
    QToolTip.hideText()


# -- dragging -----------------------------------------------------------------------


def test_drag_moves_across_days_snapped_to_quarter_hours(qtbot, view: WeekView) -> None:
    live = occurrence("直播课：社群冷启动", at(1, 10), 90, item_type="live_class")
    show(view, [live])
    # Grab it 10 minutes below its start; drop 14:14 on Thursday -> starts 14:04 -> 14:00.
    with qtbot.waitSignal(view.move_requested) as moved:
        drag(qtbot, view, view.point_at(at(1, 10, 10)), view.point_at(at(3, 14, 14)))
    assert moved.args == [live, at(3, 14), at(3, 15, 30)]
    # The view changed nothing itself: the chip waits for the page's set_week.
    assert view.item_rects(live.key)[0].center().x() < column(view, 1)[1]


def test_drag_within_a_day(qtbot, view: WeekView) -> None:
    digest = occurrence("晨报：今日增长资讯", at(0, 8), 30)
    show(view, [digest])
    with qtbot.waitSignal(view.move_requested) as moved:
        drag(qtbot, view, view.point_at(at(0, 8, 5)), view.point_at(at(0, 9, 50)))
    assert moved.args == [digest, at(0, 9, 45), at(0, 10, 15)]


def test_ghost_shows_where_the_item_goes(qtbot, view: WeekView) -> None:
    live = occurrence("直播课：社群冷启动", at(1, 10), 60, community="notion")
    show(view, [live])
    target = view.point_at(at(3, 12, 30))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(view.point_at(at(1, 10, 30))))
    qtbot.mouseMove(view, point(target))
    image = view.grab().toImage()
    left = int(column(view, 3)[0] + 3)
    ghost = image.pixelColor(left, int(target.y()))
    empty = image.pixelColor(left, int(view.point_at(at(3, 10, 30)).y()))
    assert _close(ghost, QColor(COLORS["notion"]), 40), ghost.name()
    assert not _close(empty, QColor(COLORS["notion"]), 40)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(target))


def test_resize_from_the_bottom_edge(qtbot, view: WeekView) -> None:
    topic = occurrence("话题讨论：私域流量", at(2, 10), 60, item_type="topic_discussion")
    show(view, [topic])
    rect = rect_of(view, topic)
    edge = QPointF(rect.center().x(), rect.bottom() - 2)
    qtbot.mouseMove(view, point(edge))
    assert view.cursor().shape() == Qt.CursorShape.SizeVerCursor
    qtbot.mouseMove(view, point(rect.center()))
    assert view.cursor().shape() == Qt.CursorShape.ArrowCursor
    with qtbot.waitSignal(view.move_requested) as resized:
        drag(qtbot, view, edge, view.point_at(at(2, 12, 20)))
    assert resized.args == [topic, at(2, 10), at(2, 12, 15)]
    # Up past the start: 15 minutes is the least.
    with qtbot.waitSignal(view.move_requested) as resized:
        drag(qtbot, view, edge, view.point_at(at(2, 8)))
    assert resized.args == [topic, at(2, 10), at(2, 10, 15)]


def test_escape_cancels_a_drag(qtbot, view: WeekView) -> None:
    live = occurrence("直播课：社群冷启动", at(1, 10), 60)
    show(view, [live])
    with qtbot.assertNotEmitted(view.move_requested):
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(view.point_at(at(1, 10, 30))))
        qtbot.mouseMove(view, point(view.point_at(at(4, 15))))
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        qtbot.mouseMove(view, point(view.point_at(at(5, 15))))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(view.point_at(at(5, 15))))
    assert view.selected() == live


def test_click_without_moving_only_selects(qtbot, view: WeekView) -> None:
    live = occurrence("直播课：社群冷启动", at(1, 10), 60)
    show(view, [live])
    inside = view.point_at(at(1, 10, 30))
    with qtbot.assertNotEmitted(view.move_requested):
        with qtbot.waitSignal(view.selection_changed) as selected:
            qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point(inside))
        # A few pixels of jitter is not a drag; nor is a drag back to the start.
        drag(qtbot, view, inside, inside + QPointF(3, 2))
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(inside))
        qtbot.mouseMove(view, point(view.point_at(at(4, 12))))
        qtbot.mouseMove(view, point(inside))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(inside))
    assert selected.args == [live]
    # A click on an empty slot clears the selection.
    with qtbot.waitSignal(view.selection_changed) as cleared:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point(view.point_at(at(5, 9))))
    assert cleared.args == [None]


def test_drag_all_day_item_by_whole_days(qtbot, view: WeekView) -> None:
    brand = occurrence("品牌活动：双十二预热", at(0, 0), all_day=True, days=2, item_type="brand")
    show(view, [brand])
    rect = rect_of(view, brand)
    grab = QPointF(rect.left() + 20, rect.center().y())
    with qtbot.waitSignal(view.move_requested) as moved:
        drag(qtbot, view, grab, grab + QPointF(2 * (column(view, 1)[0] - column(view, 0)[0]), 0))
    assert moved.args == [brand, at(2, 0), at(4, 0)]
    # Even dropped down in the grid, it moves by days and stays all-day.
    with qtbot.waitSignal(view.move_requested) as moved:
        drag(qtbot, view, grab, view.point_at(at(1, 13, 20)))
    assert moved.args == [brand, at(1, 0), at(3, 0)]


def test_dragging_near_the_bottom_scrolls(qtbot, view: WeekView) -> None:
    late = occurrence("直播课：社群冷启动", at(1, 10), 60)
    show(view, [late])
    top = view.visible_hours()[0]
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(view.point_at(at(1, 10, 30))))
    qtbot.mouseMove(view, QPoint(int(column(view, 1)[0] + 30), view.height() - 5))
    qtbot.waitUntil(lambda: view.visible_hours()[0] > top + 1)
    with qtbot.waitSignal(view.move_requested) as moved:
        qtbot.mouseRelease(
            view, Qt.MouseButton.LeftButton, pos=QPoint(int(column(view, 1)[0] + 30), 700)
        )
    assert moved.args[1] > at(1, 18)


# -- double-click -------------------------------------------------------------------


def test_double_click_empty_slot_creates(qtbot, view: WeekView) -> None:
    show(view, [])
    with qtbot.waitSignal(view.create_requested) as created:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=point(view.point_at(at(2, 14, 40))))
    assert created.args == [at(2, 14, 30), at(2, 15, 30), False]
    with qtbot.waitSignal(view.create_requested) as created:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=point(view.point_at(at(6, 9, 5))))
    assert created.args == [at(6, 9), at(6, 10), False]


def test_double_click_all_day_strip_creates_all_day(qtbot, view: WeekView) -> None:
    show(view, [occurrence("付费训练营开营", at(1, 0), all_day=True)])
    cell = view.all_day_rect(MONDAY + timedelta(days=3))
    with qtbot.waitSignal(view.create_requested) as created:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=point(cell.center()))
    assert created.args == [at(3, 0), at(4, 0), True]


def test_double_click_item_opens_it(qtbot, view: WeekView) -> None:
    live = occurrence("直播课：社群冷启动", at(1, 20), 90)
    paid = occurrence("付费训练营开营", at(1, 0), all_day=True, item_type="paid")
    show(view, [live, paid])
    with qtbot.assertNotEmitted(view.create_requested):
        for occ in (live, paid):
            with qtbot.waitSignal(view.open_requested) as opened:
                qtbot.mouseDClick(
                    view, Qt.MouseButton.LeftButton, pos=point(rect_of(view, occ).center())
                )
            assert opened.args == [occ]
            assert view.selected() == occ


# -- keyboard -----------------------------------------------------------------------


def test_keyboard_walks_items_in_time_order(qtbot, view: WeekView) -> None:
    wed = occurrence("直播课：社群冷启动", at(2, 20))
    mon = occurrence("晨报：今日增长资讯", at(0, 8))
    mon_all_day = occurrence("品牌活动：双十二预热", at(0, 0), all_day=True)
    tue = occurrence("话题讨论：私域流量", at(1, 19))
    show(view, [wed, mon, tue, mon_all_day])
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    seen: list[Occurrence | None] = []
    view.selection_changed.connect(seen.append)

    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right):
        qtbot.keyClick(view, key)
    assert seen == [mon_all_day, mon, tue, wed]
    qtbot.keyClick(view, Qt.Key.Key_Right)  # stays on the last
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected() == mon
    # The selected item was scrolled into view.
    assert view.visible_hours()[0] <= 8

    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [mon]
    with qtbot.waitSignal(view.delete_requested) as deleted:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert deleted.args == [mon]

    view.select(None)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # nothing selected: from the end
    assert view.selected() == wed
    assert not view.select(("no-such-item", ""))
    assert view.selected() is None
    with qtbot.assertNotEmitted(view.delete_requested):
        qtbot.keyClick(view, Qt.Key.Key_Delete)


def test_tooltip_describes_the_item(qtbot, view: WeekView) -> None:
    live = occurrence(
        "直播课：社群冷启动 <第 1 讲>", at(1, 20), 90, item_type="live_class", owner="Amy 陈"
    )
    show(view, [live])
    pos = point(rect_of(view, live).center())
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    for part in (
        "直播课：社群冷启动 &lt;第 1 讲&gt;",
        "20:00–21:30",
        "Live class",
        "Amy 陈",
        "Planned",
    ):
        assert part in text
    QToolTip.hideText()


# -- text and colour ----------------------------------------------------------------


@pytest.mark.parametrize("width", [12, 30, 57, 80, 120, 400])
def test_fitted_titles_never_overflow(width: int) -> None:
    font = QFont(QApplication.font())
    font.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetricsF(font)
    for title in ("晨报：今日增长资讯", "直播课：社群冷启动", "Guest share: growth loops 🚀 增长"):
        for lines in (1, 2, 3):
            fitted = fit_lines(title, font, width, lines)
            assert len(fitted) <= lines
            assert all(metrics.horizontalAdvance(line) <= width for line in fitted)
            if metrics.horizontalAdvance(title) <= width:
                assert fitted == [title]
            elif fitted and fitted[0] != "…":
                assert title.startswith(fitted[0].rstrip("…"))


def test_text_colour_reads_on_every_community_colour() -> None:
    for color in PALETTE:
        background = QColor(color)
        assert contrast_ratio(background, text_color_for(background)) >= 4.5, color
    assert text_color_for(QColor("#ffffff")).lightness() < 50
    assert text_color_for(QColor("#000000")).lightness() > 200


def _close(a: QColor, b: QColor, tolerance: int) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


# -- what it looks like ---------------------------------------------------------------


def sample_week() -> list[Occurrence]:
    week = [occurrence("晨报：今日增长资讯", at(day, 8), 30) for day in range(5)]
    week += [
        occurrence("品牌活动：双十二预热", at(0, 0), all_day=True, days=3, item_type="brand"),
        occurrence("付费训练营开营", at(4, 0), all_day=True, community="reading", item_type="paid"),
        occurrence("直播课：社群冷启动", at(1, 20), 90, community="notion", item_type="live_class"),
        occurrence("话题讨论：私域流量怎么做", at(1, 20, 30), 60, item_type="topic_discussion"),
        occurrence(
            "嘉宾分享：Growth loops with Amy",
            at(1, 21),
            60,
            community="reading",
            item_type="guest_share",
            status=Status.IDEA,
        ),
        occurrence("文章推荐：冷启动清单", at(2, 12), 15, item_type="article"),
        occurrence("时事快评", at(2, 12, 15), 15, community="parents", item_type="current_affairs"),
        occurrence(
            "资料包：运营 SOP 模板",
            at(3, 10),
            45,
            community="parents",
            item_type="learning_material",
            status=Status.CANCELLED,
        ),
        occurrence("会员日：线下读书会", at(5, 14), 180, community="reading", item_type="member"),
        occurrence("家长答疑", at(4, 12), 60, community="parents", item_type="topic_discussion"),
        occurrence("班级通知", at(4, 12), 60, community="notion", item_type="other"),
        occurrence("作业讲解", at(4, 12, 30), 60, item_type="live_class"),
        occurrence("夜间答疑", at(6, 22), 180, community="notion", item_type="other"),
    ]
    return week


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot(qtbot, view: WeekView, scheme: str) -> None:
    if scheme == "dark":
        view.setPalette(dark_palette())
    view.resize(1100, 900)
    occs = sample_week()
    show(view, occs)
    live = next(o for o in occs if o.item.item_type == "live_class")
    view.select(live.key)
    assert 6.5 < view.visible_hours()[0] <= 7 and view.visible_hours()[1] > 23
    image = view.grab().toImage()
    image.save(str(SHOTS / f"weekview-{scheme}.png"))

    # Chips are painted in their community's colour, left of their text.
    digest = rect_of(view, occs[0])
    fill = image.pixelColor(int(digest.left() + 2), int(digest.center().y()))
    assert _close(fill, QColor(COLORS["growth"]), 8), fill.name()
    # The now line crosses Wednesday at 15:20.
    now = view.point_at(NOW)
    assert _close(image.pixelColor(int(now.x()), int(now.y())), QColor("#ea4335"), 40)
    # Ideas and cancelled items are paler than their community's colour.
    for status, community in ((Status.IDEA, "reading"), (Status.CANCELLED, "parents")):
        rect = rect_of(view, next(o for o in occs if o.item.status is status))
        pale = image.pixelColor(int(rect.center().x()), int(rect.bottom() - 4))
        assert not _close(pale, QColor(COLORS[community]), 40), status


def test_due_items_are_outlined_not_filled(qtbot, view: WeekView) -> None:
    """A checklist item due that day is a task, not an event: an outline in its
    community's colour on the base, a checkbox, and no fill of its colour."""
    from planner.checklist_due import DueItem
    from planner.communities import Stage

    tuesday = MONDAY + timedelta(days=1)
    items = [
        DueItem("a", "notion", Stage.OUTPUT, "安排话题讨论", tuesday, False, "Kevin 王"),
        DueItem("b", "reading", Stage.OPERATE, "记录每场活动的实际结果", tuesday, True, ""),
    ]
    occs = sample_week()
    brand = next(o for o in occs if o.item.item_type == "brand")  # Monday to Wednesday
    for scheme in ("light", "dark"):
        view.setPalette(dark_palette() if scheme == "dark" else QApplication.palette())
        view.set_week(MONDAY, occs, COLORS, due=items, names={"notion": "Notion"})
        image = view.grab().toImage()
        image.save(str(SHOTS / f"weekview-due-{scheme}.png"))
        base = view.palette().color(QPalette.ColorRole.Base)
        for item in items:
            rect = view.due_rect(item.item_id)
            assert rect is not None and view.all_day_rect(tuesday).contains(rect)
            assert not rect.intersects(rect_of(view, brand))  # beside the chips, not on them
            inside = image.pixelColor(int(rect.right() - 3), int(rect.center().y()))
            assert _close(inside, base, 40), (scheme, inside.name())
            edge = image.pixelColor(int(rect.left() + 0.5), int(rect.center().y()))
            assert not _close(edge, base, 20), (scheme, edge.name())


# -- real data and speed ------------------------------------------------------------


def test_week_from_a_workspace(qtbot, view: WeekView, workspace: Workspace) -> None:
    growth, _ = create_community(workspace, {"name": "Growth Hackers 增长交流群"})
    reading, _ = create_community(workspace, {"name": "深夜读书会 · 付费会员圈"})
    weekdays = Recurrence(Frequency.WEEKLY, weekdays=(0, 1, 2, 3, 4))
    base = {"tz": "Asia/Shanghai", "kind": "content"}
    create_item(
        workspace,
        base
        | {
            "community_id": growth,
            "item_type": "morning_digest",
            "title": "晨报：今日增长资讯",
            "start": at(-14, 8),
            "end": at(-14, 8, 30),
            "recurrence": weekdays,
        },
    )
    create_item(
        workspace,
        base
        | {
            "community_id": reading,
            "item_type": "live_class",
            "title": "直播课：社群冷启动",
            "start": at(1, 20),
            "end": at(1, 21, 30),
        },
    )
    colors = {c.id: c.color for c in list_communities(workspace)}

    def load() -> list[Occurrence]:
        return occurrences_between(workspace, at(0, 0), at(7, 0))

    view.set_week(MONDAY, load(), colors)
    digests = [o for o in view.occurrences() if o.item.item_type == "morning_digest"]
    assert len(digests) == 5
    for day, occ in enumerate(digests):
        (rect,) = view.item_rects(occ.key)
        assert column(view, day)[0] < rect.center().x() < column(view, day)[1]
        assert rect.top() == pytest.approx(view.point_at(at(day, 8)).y(), abs=1)

    # Drag Wednesday's digest to 09:00 Thursday; the page would apply the move.
    wednesday = digests[2]
    with qtbot.waitSignal(view.move_requested) as moved:
        drag(qtbot, view, view.point_at(at(2, 8, 10)), view.point_at(at(3, 9, 10)))
    occ, start, end = moved.args
    assert occ is wednesday and (start, end) == (at(3, 9), at(3, 9, 30))
    move_occurrence(workspace, occ, start, end)
    view.set_week(MONDAY, load(), colors)
    thursday = view.item_rects(wednesday.key)  # same occurrence (key), new place
    assert len(thursday) == 1
    assert column(view, 3)[0] < thursday[0].center().x() < column(view, 3)[1]
    assert view.selected() is not None and view.selected().key == wednesday.key
    assert view.selected().start == at(3, 9)


def test_thousands_of_items_lay_out_and_paint_quickly(view: WeekView) -> None:
    rng = random.Random(7)
    occs = [
        occurrence(
            f"晨报：今日增长资讯 {n}",
            at(rng.randrange(7), rng.randrange(24), rng.randrange(0, 60, 5)),
            rng.choice((15, 30, 60, 120)),
            community=rng.choice(list(COLORS)),
        )
        for n in range(3000)
    ]
    started = time_module.perf_counter()
    show(view, occs)
    view.grab()
    first = time_module.perf_counter() - started
    started = time_module.perf_counter()
    view.scroll_to_hour(12)
    view.grab()
    again = time_module.perf_counter() - started
    # Generous bounds (a slow CI machine); typically ~10x under them.
    assert first < 2.0, first
    assert again < 1.0, again
