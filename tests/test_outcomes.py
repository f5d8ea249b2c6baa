"""Activity outcomes by type: sums of goals and results on hand-made calendars."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from planner.calendar import (
    METRICS,
    ActivityType,
    EditScope,
    create_item,
    find_occurrence,
    format_time,
    update_occurrence,
)
from planner.communities import create_community, delete_community
from planner.outcomes import ACTIVITY_TYPES, activity_outcomes, first_activity_day
from planner.recurrence import Recurrence
from planner.workspace import Workspace

TODAY = date(2026, 11, 18)  # a Wednesday
START, END = date(2026, 11, 1), date(2026, 11, 30)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def activity(ws: Workspace, community: str, item_type: str, day: date, **values: Any) -> str:
    values.setdefault("start", at(day, 20))
    values.setdefault("end", at(day, 21))
    item_id, _ = create_item(
        ws,
        {
            "community_id": community,
            "kind": "activity",
            "item_type": item_type,
            "title": values.pop("title", f"{item_type} {day.isoformat()}"),
            "tz": "Asia/Shanghai",
            **values,
        },
    )
    return item_id


@pytest.fixture
def club(workspace: Workspace) -> str:
    club_id, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    return club_id


def test_one_off_activities_are_summed_by_type(workspace: Workspace, club: str) -> None:
    activity(
        workspace,
        club,
        "brand",
        date(2026, 11, 2),
        planned_participants=100,
        actual_participants=120,
        planned_new_members=20,
        actual_new_members=15,
        planned_cost=500,
        actual_cost=450.5,
    )
    activity(
        workspace,
        club,
        "brand",
        date(2026, 11, 25),
        planned_participants=80,
        planned_cost=300,
    )
    result = activity_outcomes(workspace, [club], START, END, TODAY)
    brand = result.of(ActivityType.BRAND)
    assert (brand.activities, brand.past, brand.with_results, brand.not_over) == (2, 1, 1, 1)
    # Planned against actual: the activity that is over; the one to come apart.
    assert brand.planned["participants"] == 100 and brand.actual["participants"] == 120
    assert brand.compared["participants"] == 1
    assert brand.upcoming["participants"] == 80
    assert brand.planned["new_members"] == 20 and brand.actual["new_members"] == 15
    assert brand.upcoming["new_members"] is None
    assert brand.planned["cost"] == pytest.approx(500)
    assert brand.actual["cost"] == pytest.approx(450.5)
    assert brand.upcoming["cost"] == pytest.approx(300)
    # Metrics nobody set stay unknown rather than 0: no bar, not a zero bar.
    assert brand.planned["revenue"] is None and brand.actual["shares"] is None
    assert [t.activity_type for t in result.by_type] == list(ACTIVITY_TYPES)
    assert result.of(ActivityType.PAID).activities == 0
    assert not result.of(ActivityType.PAID).has_goals("participants")
    assert result.has_goals("cost") and not result.has_goals("revenue")


def test_a_series_carries_its_goals_unless_an_occurrence_has_its_own(
    workspace: Workspace, club: str
) -> None:
    series = activity(
        workspace,
        club,
        "sharing",
        date(2026, 11, 3),
        title="会员分享",
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=TU;COUNT=4"),
        planned_participants=20,
    )
    # Nov 3, 10, 17, 24; the one on Nov 10 got its result entered on its own.
    tenth = find_occurrence(workspace, (series, format_time(at(date(2026, 11, 10), 20))))
    update_occurrence(
        workspace, tenth, {"actual_participants": 25, "actual_shares": 4}, EditScope.THIS
    )
    sharing = activity_outcomes(workspace, [club], START, END, TODAY).of(ActivityType.SHARING)
    assert sharing.activities == 4
    assert sharing.past == 3  # Nov 17 ended yesterday; Nov 24 is to come
    assert sharing.with_results == 1 and sharing.without_results == 2
    # Only Nov 10 has its result: its goal is what the result is compared with.
    assert sharing.planned["participants"] == 20 and sharing.actual["participants"] == 25
    assert sharing.compared["participants"] == 1 and sharing.missing["participants"] == 2
    assert sharing.upcoming["participants"] == 20
    # Shares were recorded without a goal: nothing to compare them against.
    assert sharing.unplanned["shares"] == 1 and sharing.compared["shares"] == 0
    assert sharing.actual["shares"] is None and sharing.planned["shares"] is None
    assert sharing.has_goals("shares")


def test_cancelled_activities_do_not_count(workspace: Workspace, club: str) -> None:
    activity(
        workspace,
        club,
        "paid",
        date(2026, 11, 5),
        status="cancelled",
        planned_revenue=5000,
        planned_conversions=25,
    )
    series = activity(
        workspace,
        club,
        "member",
        date(2026, 11, 4),
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=WE;COUNT=2"),
        planned_participants=10,
        actual_participants=9,
    )
    second = find_occurrence(workspace, (series, format_time(at(date(2026, 11, 11), 20))))
    update_occurrence(workspace, second, {"status": "cancelled"}, EditScope.THIS)
    result = activity_outcomes(workspace, [club], START, END, TODAY)
    paid = result.of(ActivityType.PAID)
    assert (paid.activities, paid.past, paid.cancelled) == (0, 0, 1)
    assert paid.planned["revenue"] is None and not paid.has_goals("revenue")
    member = result.of(ActivityType.MEMBER)
    assert (member.activities, member.cancelled) == (1, 1)
    assert member.planned["participants"] == 10 and member.actual["participants"] == 9
    assert result.cancelled == 2 and result.activities == 1


def test_activities_without_results_are_counted_as_missing(workspace: Workspace, club: str) -> None:
    activity(workspace, club, "sharing", date(2026, 11, 9), planned_participants=30)
    activity(workspace, club, "member", date(2026, 11, 12))  # no goals at all
    result = activity_outcomes(workspace, [club], START, END, TODAY)
    assert (result.activities, result.past, result.with_results) == (2, 2, 0)
    sharing = result.of(ActivityType.SHARING)
    # A goal without its result is missing data, not a missed target: no bar.
    assert sharing.planned["participants"] is None and sharing.actual["participants"] is None
    assert sharing.missing["participants"] == 1 and sharing.has_goals("participants")
    assert result.missing("participants") == 1 and result.compared("participants") == 0
    member = result.of(ActivityType.MEMBER)
    assert member.activities == 1 and member.without_results == 1
    assert not any(member.has_goals(m) for m in METRICS)


def test_planned_and_actual_compare_only_activities_over_with_that_result(
    workspace: Workspace, club: str
) -> None:
    """The review's rule: a goal is judged only where its result is in and the
    activity is over; a missing result, or an activity still to come, is no miss."""
    activity(
        workspace,
        club,
        "paid",
        date(2026, 11, 2),
        planned_participants=100,
        actual_participants=90,
        planned_revenue=5000,  # its revenue not entered yet
    )
    activity(workspace, club, "paid", date(2026, 11, 9), planned_participants=50)
    activity(workspace, club, "paid", date(2026, 11, 10), actual_participants=30)
    # Today's, with a result entered already, and next week's: neither is over.
    activity(
        workspace,
        club,
        "paid",
        TODAY,
        start=at(TODAY, 9),
        end=at(TODAY, 10),
        planned_participants=40,
        actual_participants=45,
    )
    activity(workspace, club, "paid", date(2026, 11, 25), planned_participants=70)
    result = activity_outcomes(workspace, [club], START, END, TODAY)
    paid = result.of(ActivityType.PAID)
    assert paid.planned["participants"] == 100
    assert paid.actual["participants"] == 90
    assert paid.compared["participants"] == 1
    assert paid.missing["participants"] == 1  # Nov 9: goal, no result
    assert paid.unplanned["participants"] == 1  # Nov 10: result, no goal
    assert paid.upcoming["participants"] == 110  # today's and Nov 25's goals
    assert (paid.activities, paid.past, paid.with_results, paid.not_over) == (5, 3, 2, 2)
    # Per metric: Nov 2's participants are compared, its revenue is still missing.
    assert paid.planned["revenue"] is None and paid.missing["revenue"] == 1
    assert paid.has_goals("revenue") and not paid.has_goals("cost")
    assert result.compared("participants") == 1 and result.missing("participants") == 1
    assert result.unplanned("participants") == 1 and result.upcoming("participants") == 110
    assert result.upcoming("cost") is None and result.not_over == 2


def test_today_is_not_past_yet(workspace: Workspace, club: str) -> None:
    activity(workspace, club, "brand", TODAY, start=at(TODAY, 9), end=at(TODAY, 10))
    activity(
        workspace,
        club,
        "brand",
        date(2026, 11, 17),
        start=at(date(2026, 11, 17), 23),
        end=at(TODAY, 0),
    )  # ends at midnight: it belongs to the 17th and is over
    brand = activity_outcomes(workspace, [club], START, END, TODAY).of(ActivityType.BRAND)
    assert (brand.activities, brand.past) == (2, 1)


def test_only_activities_starting_in_the_range_of_the_communities_asked(
    workspace: Workspace, club: str
) -> None:
    other, _ = create_community(workspace, {"name": "Notion 中文用户群"}, checklist=False)
    goals = {n: {"planned_participants": n, "actual_participants": n} for n in (1, 2, 4, 8, 16)}
    activity(workspace, club, "brand", START, **goals[1])  # first day: in
    activity(workspace, club, "brand", END, **goals[2])  # last day: in
    activity(
        workspace,
        club,
        "brand",
        date(2026, 10, 31),
        start=at(date(2026, 10, 31), 23),
        end=at(START, 1),
        **goals[4],
    )  # starts the day before: out, though it runs into the range
    activity(workspace, club, "brand", date(2026, 12, 1), **goals[8])  # out
    activity(workspace, other, "brand", date(2026, 11, 10), **goals[16])
    create_item(
        workspace,
        {
            "community_id": club,
            "kind": "content",
            "item_type": "article",
            "title": "文章推荐",
            "start": at(date(2026, 11, 10), 8),
            "end": at(date(2026, 11, 10), 9),
            "tz": "Asia/Shanghai",
        },
    )
    later = date(2027, 1, 4)  # every activity is over
    mine = activity_outcomes(workspace, [club], START, END, later).of(ActivityType.BRAND)
    assert mine.planned["participants"] == 3 and mine.activities == 2
    both = activity_outcomes(workspace, [club, other], START, END, later)
    assert both.of(ActivityType.BRAND).planned["participants"] == 19
    assert both.activities == 3
    # A community in the trash brings nothing; nor does an empty list.
    delete_community(workspace, other)
    assert activity_outcomes(workspace, [club, other], START, END, later).activities == 2
    nothing = activity_outcomes(workspace, [], START, END, later)
    assert nothing.activities == 0 and not nothing.has_goals()


def test_the_first_activity_day_opens_an_everything_range(workspace: Workspace, club: str) -> None:
    assert first_activity_day(workspace, [club]) is None
    assert first_activity_day(workspace, []) is None
    activity(workspace, club, "brand", date(2026, 9, 7))
    activity(
        workspace,
        club,
        "sharing",
        date(2026, 8, 3),
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"),
    )
    assert first_activity_day(workspace, [club]) == date(2026, 8, 3)
    everything = activity_outcomes(workspace, [club], date(2026, 8, 3), TODAY, TODAY)
    # The weekly series from Aug 3 to Nov 16 (Nov 17 is a Tuesday: no occurrence).
    assert everything.of(ActivityType.SHARING).activities == 16
    assert everything.of(ActivityType.BRAND).activities == 1
