"""The export's row counts and recorded days, answered without building the file.

The CSV export dialog shows how many rows a file will hold on every change
of a choice, so it counts them in the database instead of building the file
(planner.metrics_export.count_figures_rows / count_results_rows /
recorded_span). These tests hold the counts to the number of data lines the
export itself writes, over choices that take each path: one community and
several, one given twice, a trashed one, ranges open at either end, an empty
range, and activity series whose occurrences were removed, moved and edited
on their own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from planner.calendar import (
    EditScope,
    Occurrence,
    delete_occurrence,
    move_occurrence,
    occurrences_between,
    update_occurrence,
)
from planner.calendar import create_item as create_calendar_item
from planner.communities import create_community, delete_community
from planner.errors import Cancelled, NotFound
from planner.metrics import DayFigures, delete_figures, set_figures
from planner.metrics_export import (
    count_figures_rows,
    count_results_rows,
    export_figures_csv,
    export_results_csv,
    recorded_span,
)
from planner.workspace import Workspace


@dataclass(frozen=True)
class Club:
    """The three communities of the workspace below."""

    reading: str  # figures 2026-11-01 … 11-30 (11-15 cleared), activities, a series
    running: str  # figures 2026-10-20 … 12-09 (every 5th day), one activity
    empty: str  # nothing recorded


def data_lines(data: bytes) -> int:
    """The rows below the header a CSV holds, read as a spreadsheet reads it (a note
    with a line break is one row)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return len(rows) - 1


def days(start: date, count: int, step: int = 1) -> list[date]:
    return [date.fromordinal(start.toordinal() + n * step) for n in range(count)]


def activity(ws: Workspace, community_id: str, title: str, start: str, **values: object) -> str:
    begin = datetime.fromisoformat(start)
    base = {
        "community_id": community_id,
        "kind": "activity",
        "item_type": "paid",
        "title": title,
        "start": begin,
        "end": begin.replace(hour=min(begin.hour + 1, 23), minute=59),
    }
    item_id, _ = create_calendar_item(ws, base | values)
    return item_id


def occurrence_on(ws: Workspace, title: str, day: date) -> Occurrence:
    found = [
        o
        for o in occurrences_between(
            ws,
            datetime.combine(day, datetime.min.time()),
            datetime(day.year, day.month, day.day, 23, 59),
        )
        if o.item.title == title
    ]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def club(workspace: Workspace) -> Club:
    ws = workspace
    reading, _ = create_community(ws, {"name": "深夜读书会"}, checklist=False)
    running, _ = create_community(ws, {"name": "=跑团"}, checklist=False)  # a formula-like name
    empty, _ = create_community(ws, {"name": "新群"}, checklist=False)

    november = days(date(2026, 11, 1), 30)
    set_figures(
        ws,
        reading,
        [
            DayFigures(
                day, members=100 + n, active_members=40, note="第一行\n第二行" if n == 3 else ""
            )
            for n, day in enumerate(november)
        ],
    )
    delete_figures(ws, reading, [date(2026, 11, 15)])  # a cleared day is not exported
    set_figures(ws, running, [DayFigures(d, messages=7) for d in days(date(2026, 10, 20), 11, 5)])

    # Reading: one-offs, an all-day one, one running past midnight, content (never
    # exported), and a daily series with one occurrence removed, one moved to
    # another day and one given its own result.
    activity(ws, reading, "开营", "2026-11-02T20:00", status="done")
    activity(ws, reading, "市集", "2026-11-07T00:00", all_day=True, item_type="brand")
    activity(
        ws, reading, "通宵", "2026-11-20T22:00", end=datetime(2026, 11, 21, 2, 0)
    )  # starts on the 20th only
    create_calendar_item(
        ws,
        {
            "community_id": reading,
            "kind": "content",
            "item_type": "article",
            "title": "文章",
            "start": datetime(2026, 11, 10, 9),
            "end": datetime(2026, 11, 10, 10),
        },
    )
    activity(
        ws,
        reading,
        "打卡",
        "2026-11-25T08:00",
        recurrence="FREQ=DAILY;COUNT=10",  # 11-25 … 12-04
        item_type="sharing",
        planned_shares=3,
    )
    delete_occurrence(ws, occurrence_on(ws, "打卡", date(2026, 11, 27)), EditScope.THIS)
    moved = occurrence_on(ws, "打卡", date(2026, 11, 29))
    move_occurrence(ws, moved, datetime(2026, 12, 20, 8), datetime(2026, 12, 20, 9))
    update_occurrence(
        ws, occurrence_on(ws, "打卡", date(2026, 12, 1)), {"actual_shares": 5}, EditScope.THIS
    )
    # Running: one activity; the empty community has none.
    activity(ws, running, "夜跑", "2026-11-26T19:00", item_type="member")
    return Club(reading, running, empty)


# -- figures -----------------------------------------------------------------------

FIGURE_RANGES = [
    pytest.param(None, None, id="every-day"),
    pytest.param(date(2026, 11, 10), None, id="from"),
    pytest.param(None, date(2026, 11, 10), id="until"),
    pytest.param(date(2026, 11, 14), date(2026, 11, 16), id="around-a-cleared-day"),
    pytest.param(date(2026, 11, 4), date(2026, 11, 4), id="one-day-multiline-note"),
    pytest.param(date(2027, 1, 1), date(2027, 12, 31), id="nothing-recorded"),
    pytest.param(date(2026, 11, 20), date(2026, 11, 10), id="first-after-last"),
]


@pytest.mark.parametrize(("start", "end"), FIGURE_RANGES)
@pytest.mark.parametrize(
    "which",
    [
        pytest.param(("reading",), id="one"),
        pytest.param(("reading", "running", "empty"), id="all"),
        pytest.param(("empty",), id="none-recorded"),
        pytest.param(("running", "reading", "running"), id="one-twice"),
        pytest.param((), id="no-community"),
    ],
)
def test_figure_counts_equal_the_lines_exported(
    workspace: Workspace,
    club: Club,
    which: Sequence[str],
    start: date | None,
    end: date | None,
) -> None:
    ids = [getattr(club, name) for name in which]
    exported = data_lines(export_figures_csv(workspace, ids, start, end, "zh"))
    assert count_figures_rows(workspace, ids, start, end) == exported


def test_figure_counts_by_hand(workspace: Workspace, club: Club) -> None:
    """The counts are the days recorded, not 0 == 0: 29 November days in reading (one
    cleared), 11 days of running, none in the empty one."""
    both = [club.reading, club.running, club.empty]
    assert count_figures_rows(workspace, [club.reading]) == 29
    assert count_figures_rows(workspace, [club.running]) == 11
    assert count_figures_rows(workspace, [club.empty]) == 0
    assert count_figures_rows(workspace, both) == 40
    assert count_figures_rows(workspace, both, date(2026, 11, 14), date(2026, 11, 16)) == 2 + 1
    assert count_figures_rows(workspace, [club.running, club.running]) == 22
    assert count_figures_rows(workspace, []) == 0


# -- results -----------------------------------------------------------------------

RESULT_RANGES = [
    pytest.param(date(2026, 11, 1), date(2026, 12, 31), id="two-months"),
    pytest.param(date(2026, 11, 20), date(2026, 11, 20), id="overnight-day"),
    pytest.param(date(2026, 11, 21), date(2026, 11, 21), id="the-night-after"),
    pytest.param(date(2026, 11, 26), date(2026, 11, 30), id="removed-and-moved"),
    pytest.param(date(2026, 12, 1), date(2026, 12, 14), id="series-tail"),
    pytest.param(date(2026, 12, 20), date(2026, 12, 20), id="moved-here"),
    pytest.param(date(2026, 11, 7), date(2026, 11, 7), id="all-day"),
    pytest.param(date(2027, 3, 1), date(2027, 5, 31), id="nothing-planned"),
    pytest.param(date(2026, 12, 1), date(2026, 11, 1), id="first-after-last"),
]


@pytest.mark.parametrize(("start", "end"), RESULT_RANGES)
@pytest.mark.parametrize(
    "which",
    [
        pytest.param(("reading",), id="one"),
        pytest.param(("reading", "running", "empty"), id="all"),
        pytest.param(("empty",), id="none-planned"),
        pytest.param(("running", "running"), id="one-twice"),
        pytest.param((), id="no-community"),
    ],
)
def test_result_counts_equal_the_lines_exported(
    workspace: Workspace, club: Club, which: Sequence[str], start: date, end: date
) -> None:
    ids = [getattr(club, name) for name in which]
    exported = data_lines(export_results_csv(workspace, ids, start, end, "en"))
    assert count_results_rows(workspace, ids, start, end) == exported


def test_result_counts_by_hand(workspace: Workspace, club: Club) -> None:
    """The series is expanded: ten daily occurrences, one removed, one moved past the
    range (and counted where it went), one edited on its own (counted once)."""
    r = club.reading
    # 开营, 市集, 通宵, and 打卡 on 11-25, 26, 28, 30, 12-01 … 12-04.
    assert count_results_rows(workspace, [r], date(2026, 11, 1), date(2026, 12, 14)) == 3 + 8
    assert count_results_rows(workspace, [r], date(2026, 12, 15), date(2026, 12, 31)) == 1
    assert count_results_rows(workspace, [r], date(2026, 11, 21), date(2026, 11, 21)) == 0
    assert count_results_rows(workspace, [r], date(2026, 12, 1), date(2026, 12, 1)) == 1
    everyone = [club.reading, club.running, club.empty]
    assert count_results_rows(workspace, everyone, date(2026, 11, 26), date(2026, 11, 26)) == 2


# -- the recorded days -------------------------------------------------------------


def test_recorded_span_is_the_first_and_last_day_with_figures(
    workspace: Workspace, club: Club
) -> None:
    assert recorded_span(workspace, [club.reading]) == (date(2026, 11, 1), date(2026, 11, 30))
    assert recorded_span(workspace, [club.reading, club.running, club.empty]) == (
        date(2026, 10, 20),
        date(2026, 12, 9),
    )
    assert recorded_span(workspace, [club.empty]) is None
    assert recorded_span(workspace, []) is None
    # A cleared first or last day no longer counts.
    delete_figures(workspace, club.reading, [date(2026, 11, 1), date(2026, 11, 30)])
    assert recorded_span(workspace, [club.reading]) == (date(2026, 11, 2), date(2026, 11, 29))
    # "Every recorded day" exports exactly the days in the span.
    first, last = recorded_span(workspace, [club.reading, club.running]) or (None, None)
    ids = [club.reading, club.running]
    assert count_figures_rows(workspace, ids, first, last) == count_figures_rows(workspace, ids)


def test_a_trashed_community_is_refused_like_the_export(workspace: Workspace, club: Club) -> None:
    delete_community(workspace, club.running)
    ids = [club.reading, club.running]
    span = (date(2026, 11, 1), date(2026, 11, 30))
    for refused in (
        lambda: export_figures_csv(workspace, ids),
        lambda: count_figures_rows(workspace, ids),
        lambda: recorded_span(workspace, ids),
        lambda: export_results_csv(workspace, ids, *span),
        lambda: count_results_rows(workspace, ids, *span),
    ):
        with pytest.raises(NotFound):
            refused()
    with pytest.raises(NotFound):
        count_figures_rows(workspace, ["no-such-id"])


# -- progress and cancelling (the dialog builds a large file off the GUI thread) -----


def test_the_exports_report_progress_and_stop_when_cancelled(
    workspace: Workspace, club: Club
) -> None:
    ids = [club.reading, club.running, club.empty]
    seen: list[tuple[int, int]] = []
    data = export_figures_csv(workspace, ids, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert data == export_figures_csv(workspace, ids)  # progress changes nothing
    seen.clear()
    span = (date(2026, 11, 1), date(2026, 12, 31))
    results = export_results_csv(workspace, ids, *span, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (data_lines(results), data_lines(results)) and seen[0][0] == 0
    with pytest.raises(Cancelled):
        export_figures_csv(workspace, ids, cancelled=lambda: True)
    with pytest.raises(Cancelled):
        export_results_csv(workspace, ids, *span, cancelled=lambda: True)
