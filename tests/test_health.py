"""Health checks: each rule triggers, clears, and holds at its boundaries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

import planner.workspace
from planner import health_rules
from planner.calendar import (
    EditScope,
    create_item,
    find_occurrence,
    format_time,
    update_occurrence,
)
from planner.checklists import checklist, set_done, set_hidden
from planner.communities import (
    Stage,
    create_community,
    delete_community,
    find_community,
    update_community,
)
from planner.community_templates import link_template, unlink_template
from planner.errors import NotFound
from planner.health import (
    DECLINE_MIN_NET_LOSS,
    FIREMAN_DAYS,
    HEADLESS_FLY_DAYS,
    LISTED,
    RULE_TEXT,
    RULES,
    STALL_DAYS,
    TITLE,
    Facts,
    Fix,
    HealthIssue,
    check_all,
    check_community,
    declining,
)
from planner.health_rules import describe, rate_texts
from planner.iso_week import WeekId
from planner.metrics import DayFigures, set_figures
from planner.paths import AppPaths
from planner.recurrence import Recurrence
from planner.template_library import builtin_template, delete_template, duplicate_template
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

TODAY = date(2026, 11, 18)  # a Wednesday; its week starts on Monday 11-16
MONDAY = date(2026, 11, 16)
CREATED = date(2026, 9, 1)  # communities are older than STALL_DAYS unless a test says


def at(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


@pytest.fixture
def created_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Make the records created inside ``with created_on(day):`` stamped at noon that day."""

    original = planner.workspace.now_ms

    class Clock:
        def __init__(self) -> None:
            self.day: date | None = None

        def __call__(self, day: date) -> Clock:
            self.day = day
            return self

        def __enter__(self) -> None:
            assert self.day is not None
            stamp = int(at(self.day, 12).timestamp() * 1000)
            monkeypatch.setattr(planner.workspace, "now_ms", lambda: stamp)

        def __exit__(self, *exc: object) -> None:
            monkeypatch.setattr(planner.workspace, "now_ms", original)

    yield Clock()


def make_community(
    ws: Workspace,
    name: str,
    created_on: Any,
    *,
    stage: Stage = Stage.OPERATE,
    created: date = CREATED,
    welcome: bool = True,
    **values: Any,
) -> str:
    """A community that is healthy but for what a test gives it: it has a welcome
    sequence and its checklist was ticked recently (unless told otherwise)."""
    with created_on(created):
        cid, _ = create_community(ws, {"name": name, "stage": stage.value, **values})
    if welcome:
        link_template(ws, cid, "builtin:first_24_hours.en")
    return cid


def tick_recently(ws: Workspace, cid: str, on: date = TODAY) -> None:
    item = next(i for i in checklist(ws, cid) if not i.done and not i.hidden)
    set_done(ws, item.id, True, on)


def add(ws: Workspace, cid: str, **values: Any) -> str:
    values.setdefault("kind", "activity")
    values.setdefault("item_type", "member" if values["kind"] == "activity" else "article")
    values.setdefault("title", "Member salon")
    item_id, _ = create_item(ws, {"community_id": cid, **values})
    return item_id


def content_daily(ws: Workspace, cid: str) -> str:
    """A daily morning digest from a month ago: the fireman rule never fires."""
    return add(
        ws,
        cid,
        kind="content",
        item_type="morning_digest",
        title="Morning digest",
        start=at(TODAY - timedelta(days=30), 7),
        end=at(TODAY - timedelta(days=30), 7, 15),
        recurrence=Recurrence.parse("FREQ=DAILY"),
    )


def shown(value: object) -> list[str]:
    """How a fact reads in an English detail (a date as written in full or as "11-12")."""
    if isinstance(value, tuple):
        return [text for part in value for text in shown(part)]
    if isinstance(value, Stage):
        return [value.value.capitalize()]
    if isinstance(value, date):
        return [value.isoformat(), value.strftime("%m-%d")]
    if isinstance(value, float):  # a rate: whole percents, or as many decimals as it takes
        return [f"{round(value * 100)}%", *(f"{value * 100:.{n}f}%" for n in (1, 2))]
    if isinstance(value, WeekId):
        return [f"W{value.week:02d}"]
    return [str(value)]


def assert_facts_match_the_detail(issue: HealthIssue) -> None:
    """Every fact is in the detail, and the detail shows no number that is not a fact."""
    assert issue.facts and issue.detail == describe(issue.rule, issue.facts)
    rest = issue.detail
    texts: list[str] = []
    for key, value in issue.facts.items():
        if key == "example":
            value = builtin_template(str(value), "en").name
        if value == 0 and key in ("more", "cancelled", "members"):
            continue  # not said at all
        found = [text for text in shown(value) if text in issue.detail]
        assert found, (key, value, issue.detail)
        texts += shown(value)
    for text in sorted(texts, key=len, reverse=True):
        rest = rest.replace(text, "")
    assert not any(c.isdigit() for c in rest), (rest, issue.detail)


def issues(ws: Workspace, cid: str, today: date = TODAY) -> dict[str, HealthIssue]:
    found = check_community(ws, cid, today)
    assert len({i.rule for i in found}) == len(found)
    for issue in found:
        assert_facts_match_the_detail(issue)
    return {i.rule: i for i in found}


def rules(ws: Workspace, cid: str, today: date = TODAY) -> set[str]:
    return set(issues(ws, cid, today))


@pytest.fixture
def healthy(workspace: Workspace, created_on: Any) -> str:
    """An Operate-stage community with content every day, a welcome sequence
    and a recent tick: no issue at all."""
    cid = make_community(workspace, "深夜读书会", created_on)
    content_daily(workspace, cid)
    tick_recently(workspace, cid)
    return cid


def test_a_healthy_community_has_no_issues(workspace: Workspace, healthy: str) -> None:
    assert check_community(workspace, healthy, TODAY) == []
    assert check_all(workspace, TODAY) == {healthy: []}


# -- headless fly ----------------------------------------------------------------------


def test_headless_fly_triggers_and_clears_when_results_are_recorded(
    workspace: Workspace, healthy: str
) -> None:
    salon = add(
        workspace,
        healthy,
        title="会员沙龙",
        start=at(date(2026, 11, 12), 20),
        end=at(date(2026, 11, 12), 21),
        planned_participants=30,
    )
    found = issues(workspace, healthy)
    assert set(found) == {"headless_fly"}
    issue = found["headless_fly"]
    assert issue.severity == "warning"
    assert issue.title == TITLE["headless_fly"]
    assert issue.rule_text == RULE_TEXT["headless_fly"]
    assert issue.detail == "1 activity since 2026-10-21 has no results: 会员沙龙 (11-12)."
    assert issue.facts == {
        "count": 1,
        "since": date(2026, 10, 21),
        "activities": (("会员沙龙", date(2026, 11, 12)),),
        "more": 0,
    }
    assert issue.fix == Fix("calendar_item", (salon, ""))

    # The fix link opens the occurrence.
    assert isinstance(issue.fix.ref, tuple)
    update_occurrence(
        workspace, find_occurrence(workspace, issue.fix.ref), {"actual_participants": 26}
    )
    assert rules(workspace, healthy) == set()


def test_any_one_result_counts_even_a_zero(workspace: Workspace, healthy: str) -> None:
    add(
        workspace,
        healthy,
        start=at(TODAY - timedelta(days=2), 20),
        end=at(TODAY - timedelta(days=2), 21),
        actual_revenue=0,
    )
    assert rules(workspace, healthy) == set()


def test_headless_fly_lists_the_first_few_and_links_to_the_oldest(
    workspace: Workspace, healthy: str
) -> None:
    ids = [
        add(
            workspace,
            healthy,
            title=f"直播课 {n}",
            start=at(TODAY - timedelta(days=10 - n), 20),
            end=at(TODAY - timedelta(days=10 - n), 21),
        )
        for n in range(LISTED + 2)
    ]
    issue = issues(workspace, healthy)["headless_fly"]
    assert issue.detail == (
        "5 activities since 2026-10-21 have no results: "
        "直播课 0 (11-08), 直播课 1 (11-09), 直播课 2 (11-10) and 2 more."
    )
    assert issue.facts == {
        "count": 5,
        "since": date(2026, 10, 21),
        "activities": tuple((f"直播课 {n}", date(2026, 11, 8 + n)) for n in range(LISTED)),
        "more": 2,
    }
    assert issue.fix == Fix("calendar_item", (ids[0], ""))


@pytest.mark.parametrize(
    ("start", "end", "flagged"),
    [
        # ends today: results come tomorrow
        (at(TODAY, 10), at(TODAY, 11), False),
        # started yesterday, ends today
        (at(TODAY - timedelta(days=1), 22), at(TODAY, 1), False),
        # yesterday, all day (stored as ending at midnight today)
        (at(TODAY - timedelta(days=1)), at(TODAY), True),
        # ended at 23:59 yesterday
        (at(TODAY - timedelta(days=1), 22), at(TODAY - timedelta(days=1), 23, 59), True),
        # its last day is the first day of the window
        (
            at(TODAY - timedelta(days=HEADLESS_FLY_DAYS), 20),
            at(TODAY - timedelta(days=HEADLESS_FLY_DAYS), 21),
            True,
        ),
        # one day before the window: too old to nag about
        (
            at(TODAY - timedelta(days=HEADLESS_FLY_DAYS + 1), 20),
            at(TODAY - timedelta(days=HEADLESS_FLY_DAYS + 1), 21),
            False,
        ),
        # in the future
        (at(TODAY + timedelta(days=1), 20), at(TODAY + timedelta(days=1), 21), False),
    ],
)
def test_headless_fly_window(
    workspace: Workspace, healthy: str, start: datetime, end: datetime, flagged: bool
) -> None:
    all_day = end - start == timedelta(days=1) and start.time() == time()
    add(workspace, healthy, start=start, end=end, all_day=all_day)
    assert ("headless_fly" in rules(workspace, healthy)) is flagged


def test_cancelled_activities_and_content_are_not_headless_flies(
    workspace: Workspace, healthy: str
) -> None:
    day = TODAY - timedelta(days=3)
    add(workspace, healthy, start=at(day, 20), end=at(day, 21), status="cancelled")
    add(workspace, healthy, kind="content", start=at(day, 9), end=at(day, 10))
    assert rules(workspace, healthy) == set()


def test_series_occurrences_without_results_are_flagged_one_by_one(
    workspace: Workspace, healthy: str
) -> None:
    first = TODAY - timedelta(days=14)  # Wednesdays: 11-04, 11-11, then today
    series = add(
        workspace,
        healthy,
        title="周三分享会",
        item_type="sharing",
        start=at(first, 20),
        end=at(first, 21),
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=WE"),
    )
    issue = issues(workspace, healthy)["headless_fly"]
    assert issue.detail == (
        "2 activities since 2026-10-21 have no results: 周三分享会 (11-04), 周三分享会 (11-11)."
    )
    assert issue.fix == Fix("calendar_item", (series, format_time(at(first, 20))))

    assert isinstance(issue.fix.ref, tuple)
    first_occ = find_occurrence(workspace, issue.fix.ref)
    update_occurrence(workspace, first_occ, {"actual_participants": 12}, EditScope.THIS)
    issue = issues(workspace, healthy)["headless_fly"]
    assert issue.detail == "1 activity since 2026-10-21 has no results: 周三分享会 (11-11)."
    assert issue.facts["activities"] == (("周三分享会", date(2026, 11, 11)),)
    assert issue.fix == Fix("calendar_item", (series, format_time(at(first + timedelta(7), 20))))

    # Results recorded on the whole series (every occurrence shares them).
    assert isinstance(issue.fix.ref, tuple)
    second = find_occurrence(workspace, issue.fix.ref)
    update_occurrence(workspace, second, {"actual_participants": 15}, EditScope.ALL)
    assert rules(workspace, healthy) == set()


# -- fireman ---------------------------------------------------------------------------


def test_fireman_triggers_and_clears_when_content_is_planned(
    workspace: Workspace, created_on: Any
) -> None:
    cid = make_community(workspace, "Notion 中文用户群", created_on, stage=Stage.OUTPUT)
    tick_recently(workspace, cid)
    found = issues(workspace, cid)
    assert set(found) == {"fireman"}
    issue = found["fireman"]
    assert issue.severity == "alert"
    assert issue.detail == "No content starts from 11-18 to 11-24."
    assert issue.facts == {"first": TODAY, "last": date(2026, 11, 24), "cancelled": 0}
    assert issue.fix == Fix("calendar_new", cid)

    day = TODAY + timedelta(days=3)
    add(workspace, cid, kind="content", start=at(day, 9), end=at(day, 10))
    assert rules(workspace, cid) == set()


@pytest.mark.parametrize(
    ("start", "clears"),
    [
        (at(TODAY), True),  # the first minute of today
        (at(TODAY, 8), True),  # earlier today counts: today has its content
        (at(TODAY + timedelta(days=FIREMAN_DAYS - 1), 23), True),  # the last day
        (at(TODAY + timedelta(days=FIREMAN_DAYS)), False),  # exactly 7 days ahead
        (at(TODAY - timedelta(days=1), 23), False),  # started yesterday, runs into today
    ],
)
def test_fireman_window(
    workspace: Workspace, created_on: Any, start: datetime, clears: bool
) -> None:
    cid = make_community(workspace, "Notion 中文用户群", created_on, stage=Stage.OUTPUT)
    tick_recently(workspace, cid)
    add(workspace, cid, kind="content", start=start, end=start + timedelta(hours=2))
    assert ("fireman" not in rules(workspace, cid)) is clears


def test_cancelled_content_and_activities_do_not_fill_the_week(
    workspace: Workspace, created_on: Any
) -> None:
    cid = make_community(workspace, "Notion 中文用户群", created_on, stage=Stage.OUTPUT)
    tick_recently(workspace, cid)
    day = TODAY + timedelta(days=2)
    add(workspace, cid, kind="content", start=at(day, 9), end=at(day, 10), status="cancelled")
    add(workspace, cid, start=at(day, 20), end=at(day, 21))
    issue = issues(workspace, cid)["fireman"]
    assert issue.detail == "No content starts from 11-18 to 11-24 (1 item was cancelled)."
    assert issue.facts == {"first": TODAY, "last": date(2026, 11, 24), "cancelled": 1}


def test_an_ended_series_leaves_the_week_empty(workspace: Workspace, created_on: Any) -> None:
    cid = make_community(workspace, "Notion 中文用户群", created_on, stage=Stage.OUTPUT)
    tick_recently(workspace, cid)
    first = TODAY - timedelta(days=20)
    add(
        workspace,
        cid,
        kind="content",
        item_type="morning_digest",
        start=at(first, 7),
        end=at(first, 8),
        recurrence=Recurrence.parse("FREQ=DAILY;UNTIL=20261117"),
    )
    assert "fireman" in rules(workspace, cid)
    assert "fireman" not in rules(workspace, cid, TODAY - timedelta(days=2))


def test_fireman_waits_for_a_community_that_has_not_started_publishing(
    workspace: Workspace, created_on: Any
) -> None:
    build = make_community(workspace, "Growth Hackers", created_on, stage=Stage.BUILD)
    tick_recently(workspace, build)
    assert rules(workspace, build) == set()
    # Content planned for later does not make it a publishing community yet.
    later = TODAY + timedelta(days=20)
    add(workspace, build, kind="content", start=at(later, 9), end=at(later, 10))
    assert rules(workspace, build) == set()
    # Once it has published something, a week with nothing is a gap.
    before = TODAY - timedelta(days=10)
    add(workspace, build, kind="content", start=at(before, 9), end=at(before, 10))
    assert rules(workspace, build) == {"fireman"}
    # From the Output stage on, the rule applies whatever it published.
    structure = make_community(workspace, "家长群", created_on, stage=Stage.STRUCTURE)
    tick_recently(workspace, structure)
    assert rules(workspace, structure) == set()
    update_community(workspace, structure, {"stage": Stage.OUTPUT.value})
    assert rules(workspace, structure) == {"fireman"}


# -- decline -----------------------------------------------------------------------------


def weeks(*flows: tuple[int, int], members: int = 200, last: date = MONDAY) -> list[DayFigures]:
    """Monday figures (joined, left) for consecutive weeks ending with the week before
    ``last``; the active rate stays at 50%."""
    start = last - timedelta(weeks=len(flows))
    return [
        DayFigures(
            start + timedelta(weeks=n),
            members=members,
            active_members=members // 2,
            joined=joined,
            left_members=left,
        )
        for n, (joined, left) in enumerate(flows)
    ]


def test_decline_triggers_when_leavers_outnumber_joiners_and_clears(
    workspace: Workspace, healthy: str
) -> None:
    set_figures(workspace, healthy, weeks((5, 9), (4, 8), (6, 7), (3, 6)))
    found = issues(workspace, healthy)
    assert set(found) == {"decline"}
    issue = found["decline"]
    assert issue.severity == "alert"
    assert issue.detail == "30 members left and 18 joined from 2026-10-19 to 2026-11-15."
    assert issue.facts == {
        "left": 30,
        "joined": 18,
        "first": date(2026, 10, 19),
        "last": date(2026, 11, 15),
    }
    assert issue.fix == Fix("metrics", healthy)

    set_figures(workspace, healthy, weeks((15, 9), (14, 8), (6, 7), (3, 6)))
    assert rules(workspace, healthy) == set()


def test_decline_needs_figures(workspace: Workspace, healthy: str) -> None:
    assert rules(workspace, healthy) == set()
    # Only leavers recorded: nothing to compare them with.
    only_left = [DayFigures(MONDAY - timedelta(weeks=n), left_members=20) for n in (1, 2)]
    set_figures(workspace, healthy, only_left)
    assert rules(workspace, healthy) == set()


def test_decline_counts_the_four_complete_weeks_only(workspace: Workspace, healthy: str) -> None:
    # Heavy losses five weeks ago and this week (not complete) are outside.
    set_figures(
        workspace,
        healthy,
        [
            DayFigures(MONDAY - timedelta(weeks=5), joined=0, left_members=50),
            DayFigures(MONDAY - timedelta(weeks=4), joined=2, left_members=2),
            DayFigures(MONDAY - timedelta(days=1), joined=3, left_members=1),
            DayFigures(MONDAY, joined=0, left_members=40),
        ],
    )
    assert rules(workspace, healthy) == set()
    set_figures(workspace, healthy, [DayFigures(MONDAY - timedelta(days=2), left_members=5)])
    assert issues(workspace, healthy)["decline"].detail.startswith("8 members left and 5 joined")
    # Next week, this week is complete and counts too.
    assert "decline" in rules(workspace, healthy, MONDAY + timedelta(weeks=1))


def test_a_small_net_loss_is_not_a_decline(workspace: Workspace, healthy: str) -> None:
    # A class group: one family more left than joined.
    set_figures(workspace, healthy, weeks((0, 1), (1, 0), (0, 1), (0, 0), members=52))
    assert rules(workspace, healthy) == set()
    loss = DECLINE_MIN_NET_LOSS
    set_figures(workspace, healthy, weeks((0, loss), (0, 0), (0, 0), (0, 0), members=52))
    assert rules(workspace, healthy) == {"decline"}
    # In a group of 2,000, 3 people is churn; 1% (20) is a decline.
    set_figures(workspace, healthy, weeks((10, 29), (0, 0), (0, 0), (0, 0), members=2000))
    assert rules(workspace, healthy) == set()
    set_figures(workspace, healthy, weeks((10, 30), (0, 0), (0, 0), (0, 0), members=2000))
    assert rules(workspace, healthy) == {"decline"}


def rates(*values: float, last: date = MONDAY, members: int = 1000) -> list[DayFigures]:
    """Monday figures with these active rates, the last one on ``last``."""
    start = last - timedelta(weeks=len(values) - 1)
    return [
        DayFigures(start + timedelta(weeks=n), members=members, active_members=round(members * v))
        for n, v in enumerate(values)
    ]


def test_an_active_rate_falling_three_weeks_in_a_row_is_a_decline(
    workspace: Workspace, healthy: str
) -> None:
    set_figures(workspace, healthy, rates(0.46, 0.41, 0.37, 0.32))
    issue = issues(workspace, healthy)["decline"]
    assert issue.detail == (
        "The active rate fell 3 weeks in a row: 46% (W44) → 41% (W45) → 37% (W46) → 32% (W47)."
    )
    assert issue.facts == {
        "weeks": 3,
        "rates": tuple(
            (WeekId(2026, week), rate)
            for week, rate in zip(range(44, 48), (0.46, 0.41, 0.37, 0.32), strict=True)
        ),
    }
    # This week's rate is back up: the trend is broken.
    set_figures(workspace, healthy, rates(0.46, 0.41, 0.37, 0.32, 0.40, last=MONDAY))
    assert rules(workspace, healthy) == set()


def test_each_fall_of_the_active_rate_shows(workspace: Workspace, healthy: str) -> None:
    """44.3% → 43.8% reads as 44% → 44%: under "fell 3 weeks in a row", a rise."""
    set_figures(workspace, healthy, rates(0.443, 0.438, 0.435, 0.42))
    # The rule judges the exact rates (2.3 points in all: a decline).
    issue = issues(workspace, healthy)["decline"]
    assert [rate for _, rate in health_rules.rates(issue.facts)] == [0.443, 0.438, 0.435, 0.42]
    assert issue.detail == (
        "The active rate fell 3 weeks in a row: "
        "44.3% (W44) → 43.8% (W45) → 43.5% (W46) → 42.0% (W47)."
    )


@pytest.mark.parametrize(
    ("values", "texts"),
    [
        ((0.46, 0.41, 0.37, 0.32), ["46%", "41%", "37%", "32%"]),
        # two falls within one rounded percent: one decimal for every point
        ((0.443, 0.438, 0.435, 0.42), ["44.3%", "43.8%", "43.5%", "42.0%"]),
        # 44.31% and 44.28% are both 44.3%
        ((0.4431, 0.4428, 0.43, 0.42), ["44.31%", "44.28%", "43.00%", "42.00%"]),
        # whole percents that differ are enough, however the falls round
        ((0.456, 0.449, 0.43, 0.42), ["46%", "45%", "43%", "42%"]),
    ],
)
def test_the_rates_are_shown_so_that_each_fall_shows(
    values: tuple[float, ...], texts: list[str]
) -> None:
    assert rate_texts(values) == texts
    weeks = [WeekId(2026, n) for n in range(44, 48)]
    detail = describe("decline", Facts(weeks=3, rates=tuple(zip(weeks, values, strict=True))))
    assert detail == (
        "The active rate fell 3 weeks in a row: "
        + " → ".join(f"{t} (W{w.week})" for t, w in zip(texts, weeks, strict=True))
        + "."
    )


def test_both_findings_show_in_one_issue(workspace: Workspace, healthy: str) -> None:
    days = weeks((2, 9), (2, 9), (2, 9), (2, 9), members=100)
    days = [
        DayFigures(d.day, members=100, active_members=a, joined=2, left_members=9)
        for d, a in zip(days, (50, 45, 40, 35), strict=True)
    ]
    set_figures(workspace, healthy, days)
    (issue,) = check_community(workspace, healthy, TODAY)
    assert issue.detail == (
        "36 members left and 8 joined from 2026-10-19 to 2026-11-15. "
        "The active rate fell 3 weeks in a row: 50% (W43) → 45% (W44) → 40% (W45) → 35% (W46)."
    )
    assert issue.facts == {
        "left": 36,
        "joined": 8,
        "first": date(2026, 10, 19),
        "last": date(2026, 11, 15),
        "weeks": 3,
        "rates": tuple(
            (WeekId(2026, week), rate)
            for week, rate in zip(range(43, 47), (0.50, 0.45, 0.40, 0.35), strict=True)
        ),
    }
    assert_facts_match_the_detail(issue)


@pytest.mark.parametrize(
    "figures",
    [
        # falling 2 weeks only
        rates(0.50, 0.46, 0.43),
        rates(0.48, 0.50, 0.46, 0.43),
        # falling 3 weeks, but by less than 2 points in all: a stable group's wobble
        rates(0.305, 0.302, 0.300, 0.299),
        # falling 3 weeks, but the latest point is two weeks old: not news
        rates(0.46, 0.41, 0.37, 0.32, last=MONDAY - timedelta(weeks=2)),
        # a week missing breaks the chain
        [d for d in rates(0.46, 0.41, 0.38, 0.37, 0.32) if d.day != MONDAY - timedelta(weeks=2)],
        # flat is not falling
        rates(0.46, 0.41, 0.41, 0.32),
    ],
)
def test_what_is_not_a_falling_active_rate(
    workspace: Workspace, healthy: str, figures: list[DayFigures]
) -> None:
    set_figures(workspace, healthy, figures)
    assert rules(workspace, healthy) == set()


def test_the_falling_chain_may_end_last_week_and_uses_each_weeks_last_day(
    workspace: Workspace, healthy: str
) -> None:
    set_figures(workspace, healthy, rates(0.46, 0.41, 0.37, 0.32, last=MONDAY - timedelta(7)))
    assert rules(workspace, healthy) == {"decline"}
    # A later day of last week with a higher rate is that week's rate.
    set_figures(
        workspace, healthy, [DayFigures(MONDAY - timedelta(days=2), members=100, active_members=40)]
    )
    assert rules(workspace, healthy) == set()


# -- stalled checklist ------------------------------------------------------------------


def test_a_stalled_checklist_triggers_and_clears_when_an_item_is_ticked(
    workspace: Workspace, created_on: Any
) -> None:
    cid = make_community(workspace, "家长群", created_on, stage=Stage.STRUCTURE)
    content_daily(workspace, cid)
    found = issues(workspace, cid)
    assert set(found) == {"stalled_checklist"}
    issue = found["stalled_checklist"]
    assert issue.severity == "warning"
    open_items = [
        i.title for i in checklist(workspace, cid) if i.stage is Stage.STRUCTURE and not i.done
    ]
    assert issue.detail == (
        "Nothing ticked since the community was created on 2026-09-01; "
        f"{len(open_items)} items of Structure still open: "
        f"{', '.join(open_items[:LISTED])} and {len(open_items) - LISTED} more."
    )
    assert issue.facts == {
        "created": CREATED,
        "stage": Stage.STRUCTURE,
        "count": len(open_items),
        "open": tuple(open_items[:LISTED]),
        "more": len(open_items) - LISTED,
    }
    assert issue.fix == Fix("checklist", cid)

    tick_recently(workspace, cid, TODAY - timedelta(days=2))
    assert rules(workspace, cid) == set()


@pytest.mark.parametrize(("days_ago", "stalled"), [(STALL_DAYS, True), (STALL_DAYS - 1, False)])
def test_stalled_after_exactly_thirty_days_without_a_tick(
    workspace: Workspace, healthy: str, days_ago: int, stalled: bool
) -> None:
    for item in checklist(workspace, healthy):
        if item.done:
            set_done(workspace, item.id, False)
    # A tick in another stage counts as progress too.
    build = next(i for i in checklist(workspace, healthy) if i.stage is Stage.BUILD)
    set_done(workspace, build.id, True, TODAY - timedelta(days=days_ago))
    assert ("stalled_checklist" in rules(workspace, healthy)) is stalled
    if stalled:
        issue = issues(workspace, healthy)["stalled_checklist"]
        assert issue.detail.startswith(
            f"Nothing ticked for {STALL_DAYS} days (last on 2026-10-19); "
        )
        assert issue.facts["idle_days"] == STALL_DAYS
        assert issue.facts["last_tick"] == date(2026, 10, 19)
        assert issue.facts["stage"] is Stage.OPERATE and "created" not in issue.facts


@pytest.mark.parametrize(("age", "stalled"), [(STALL_DAYS, True), (STALL_DAYS - 1, False)])
def test_a_new_community_is_not_stalled(
    workspace: Workspace, created_on: Any, age: int, stalled: bool
) -> None:
    cid = make_community(workspace, "新群", created_on, created=TODAY - timedelta(days=age))
    content_daily(workspace, cid)
    # A tick dated before the community was made (entered as history) does not
    # make a new community stalled.
    tick_recently(workspace, cid, TODAY - timedelta(days=90))
    assert ("stalled_checklist" in rules(workspace, cid)) is stalled


def test_a_stage_with_nothing_open_is_not_stalled(workspace: Workspace, created_on: Any) -> None:
    cid = make_community(workspace, "家长群", created_on, stage=Stage.STRUCTURE)
    content_daily(workspace, cid)
    items = [i for i in checklist(workspace, cid) if i.stage is Stage.STRUCTURE]
    for item in items[:-1]:
        set_done(workspace, item.id, True, TODAY - timedelta(days=60))
    assert "stalled_checklist" in rules(workspace, cid)
    set_hidden(workspace, items[-1].id, True)
    assert rules(workspace, cid) == set()


# -- no welcome ------------------------------------------------------------------------------


def test_no_welcome_triggers_and_clears_when_a_welcome_sequence_is_linked(
    workspace: Workspace, created_on: Any
) -> None:
    cid = make_community(
        workspace, "Notion 中文用户群", created_on, welcome=False, member_count=486
    )
    content_daily(workspace, cid)
    tick_recently(workspace, cid)
    found = issues(workspace, cid)
    assert set(found) == {"no_welcome"}
    issue = found["no_welcome"]
    assert issue.severity == "warning"
    assert issue.detail == (
        "No welcome sequence is linked for its 486 members; link a built-in one "
        "(such as “First 24 hours welcome”) or one of the workspace's own."
    )
    assert issue.facts == {"members": 486, "example": "first_24_hours"}
    assert issue.fix == Fix("templates", cid)

    # A poster is not a welcome sequence.
    link_template(workspace, cid, "builtin:guest_share.zh")
    assert rules(workspace, cid) == {"no_welcome"}
    link_id, _ = link_template(workspace, cid, "builtin:paid_members.zh")
    assert rules(workspace, cid) == set()
    unlink_template(workspace, link_id)
    assert rules(workspace, cid) == {"no_welcome"}

    # The workspace's own welcome sequence counts, until it is deleted.
    own, _ = duplicate_template(workspace, "builtin:first_24_hours.zh", "我们的欢迎语")
    link_template(workspace, cid, own)
    assert rules(workspace, cid) == set()
    delete_template(workspace, own)
    assert rules(workspace, cid) == {"no_welcome"}


def test_no_welcome_waits_until_someone_can_join(workspace: Workspace, created_on: Any) -> None:
    cid = make_community(workspace, "Growth Hackers", created_on, stage=Stage.BUILD, welcome=False)
    tick_recently(workspace, cid)
    assert rules(workspace, cid) == set()
    # Members recorded in the figures...
    set_figures(workspace, cid, [DayFigures(MONDAY, members=40, joined=28)])
    assert issues(workspace, cid)["no_welcome"].detail.startswith(
        "No welcome sequence is linked for its 40 members; "
    )
    set_figures(workspace, cid, [DayFigures(MONDAY)])
    assert rules(workspace, cid) == set()
    # ...or the member count, or a later stage.
    update_community(workspace, cid, {"member_count": 12})
    assert rules(workspace, cid) == {"no_welcome"}
    update_community(workspace, cid, {"member_count": 0, "stage": Stage.STRUCTURE.value})
    issue = issues(workspace, cid)["no_welcome"]
    assert issue.detail.startswith("No welcome sequence is linked; ")
    assert issue.facts == {"members": 0, "example": "first_24_hours"}


# -- every community --------------------------------------------------------------------------


def test_check_all_checks_every_live_community(workspace: Workspace, created_on: Any) -> None:
    a = make_community(workspace, "A 读书会", created_on, welcome=False, member_count=10)
    content_daily(workspace, a)
    tick_recently(workspace, a)
    b = make_community(workspace, "B 用户群", created_on, stage=Stage.OUTPUT)
    set_figures(workspace, b, weeks((1, 9), (1, 9), (1, 9), (1, 9)))
    c = make_community(workspace, "C 家长群", created_on)
    content_daily(workspace, c)
    tick_recently(workspace, c)
    trashed = make_community(workspace, "D 临时群", created_on, welcome=False, member_count=5)
    delete_community(workspace, trashed)

    found = check_all(workspace, TODAY)
    assert list(found) == [a, b, c]
    assert [i.rule for i in found[a]] == ["no_welcome"]
    # Alerts first, then in the order of RULES.
    assert [i.rule for i in found[b]] == ["decline", "fireman", "stalled_checklist"]
    assert found[c] == []
    for cid, listed in found.items():
        assert listed == check_community(workspace, cid, TODAY)
        assert all(i.community_id == cid and i.rule in RULES for i in listed)
        for issue in listed:
            assert_facts_match_the_detail(issue)
    assert check_all(workspace, TODAY, [b, trashed]) == {b: found[b]}
    assert check_community(workspace, trashed, TODAY) == []
    with pytest.raises(NotFound):
        check_community(workspace, "no-such-community", TODAY)


def test_facts_are_a_read_only_hashable_mapping(workspace: Workspace, healthy: str) -> None:
    facts = Facts(count=2, since=TODAY, activities=(("A", TODAY), ("B", TODAY)))
    assert facts == {"count": 2, "since": TODAY, "activities": (("A", TODAY), ("B", TODAY))}
    assert facts == Facts(activities=(("A", TODAY), ("B", TODAY)), since=TODAY, count=2)
    assert hash(facts) == hash(Facts(activities=(("A", TODAY), ("B", TODAY)), since=TODAY, count=2))
    assert facts != Facts(count=3, since=TODAY) and len(facts) == 3 and list(facts)[0] == "count"
    with pytest.raises(TypeError):
        facts["count"] = 3  # type: ignore[index]
    with pytest.raises(TypeError):
        Facts(open=["a list"])  # a value must be hashable
    # The issues holding them are values too.
    set_figures(workspace, healthy, weeks((5, 9), (4, 8), (6, 7), (3, 6)))
    (issue,) = check_community(workspace, healthy, TODAY)
    assert issue == check_community(workspace, healthy, TODAY)[0]
    assert len({issue, check_community(workspace, healthy, TODAY)[0]}) == 1


def test_every_rule_has_a_title_a_text_and_a_severity() -> None:
    assert set(TITLE) == set(RULE_TEXT) == set(RULES)
    assert all(text.endswith(".") for text in RULE_TEXT.values())


def test_the_sample_workspace_tells_its_stories(sample_path: Path, paths: AppPaths) -> None:
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        found = check_all(ws, date.today())
        # The decline rule alone (the overview chart's) agrees with the full check.
        assert declining(ws, date.today(), list(found)) == {
            cid for cid, issues in found.items() if any(i.rule == "decline" for i in issues)
        }
        by_name = {
            name: {i.rule for i in found[find_community(ws, name).id]}
            for name in (
                "深夜读书会 · 付费会员圈",
                "Notion 中文用户群",
                "初二（3）班家长群",
                "Growth Hackers 增长交流群",
            )
        }
    assert len(found) == 4
    for issue in (i for listed in found.values() for i in listed):
        assert_facts_match_the_detail(issue)
    assert "decline" in by_name["Notion 中文用户群"]
    assert "decline" not in by_name["深夜读书会 · 付费会员圈"]
    assert "no_welcome" in by_name["Growth Hackers 增长交流群"]
