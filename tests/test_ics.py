"""ICS export and import: round trips, real-world files, idempotence, bad files, CLI."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, given, settings
from hypothesis import event as note_event
from hypothesis import strategies as st
from icalendar import Calendar, Event
from icalendar.timezone import tzp

from planner import cli
from planner.calendar import (
    GOAL_FIELDS,
    CalendarFilter,
    CalendarItem,
    EditScope,
    create_item,
    delete_occurrence,
    find_occurrence,
    get_item,
    occurrences_between,
    update_occurrence,
)
from planner.communities import create_community, delete_community, list_communities
from planner.errors import EXIT_BAD_INPUT, NotFound, PlannerError
from planner.ics import IcsError, export_ics, import_ics, vtimezone
from planner.paths import AppPaths
from planner.recurrence import Frequency, Recurrence
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE

BERLIN = "Europe/Berlin"
SHANGHAI = "Asia/Shanghai"
NEW_YORK = "America/New_York"
LONG_TITLE = (
    "社群运营周报：本周内容输出、活动复盘与下周计划（含新人欢迎流程、破冰游戏和分享嘉宾安排）" * 2
)
NOTES = "第一行\n第二行; 逗号, 反斜杠 \\ 结束\n\nLast line"
NOW = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)


# -- helpers ------------------------------------------------------------------------


def items(ws: Workspace) -> list[dict[str, Any]]:
    """Every row of the calendar table, for "nothing was written" checks."""
    return list(ws.db.query("SELECT * FROM calendar_items ORDER BY id"))


def live_items(ws: Workspace, community_id: str) -> list[CalendarItem]:
    rows = ws.db.query(
        "SELECT * FROM calendar_items WHERE deleted = 0 AND community_id = ? ORDER BY starts_at",
        [community_id],
    )
    return [CalendarItem.from_row(r) for r in rows]


def fields(item: CalendarItem) -> dict[str, Any]:
    """What must survive a round trip (everything but ids and sync columns)."""
    values = item.values()
    del values["community_id"]
    return values | {
        "exdates": item.exdates,
        "last_end": item.last_end,
        "recurrence_id": item.recurrence_id,
        "is_override": item.is_override,
    }


def occurrence_keys(
    ws: Workspace, lo: datetime, hi: datetime, community_id: str | None = None
) -> list[tuple[Any, ...]]:
    only = CalendarFilter(community_ids=frozenset({community_id})) if community_id else None
    return sorted(
        (o.item.title, o.start, o.end, o.item.tz, o.item.all_day, o.item.status.value)
        for o in occurrences_between(ws, lo, hi, only)
    )


def parse(data: bytes) -> Calendar:
    cal = Calendar.from_ical(data)
    assert isinstance(cal, Calendar)
    return cal


def events(data: bytes) -> list[Event]:
    return [c for c in parse(data).subcomponents if isinstance(c, Event)]


def wall(value: date | datetime) -> datetime:
    """An ICS value as a naive wall-clock time (dates at midnight)."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value.replace(tzinfo=None)


def ics_occurrences(data: bytes, lo: datetime, hi: datetime) -> list[tuple[str, datetime]]:
    """Occurrences of an ICS file overlapping [lo, hi), expanded the RFC 5545 way.

    Independent of the planner: dateutil expands RRULE, EXDATEs are removed and
    RECURRENCE-ID events replace the occurrence they name.
    """
    masters: list[Event] = []
    replaced: set[tuple[str, datetime]] = set()
    found: list[tuple[str, datetime, datetime]] = []
    for event in events(data):
        if "RECURRENCE-ID" in event:
            replaced.add((str(event["UID"]), wall(event["RECURRENCE-ID"].dt)))
            found.append((str(event["SUMMARY"]), wall(event.start), wall(event.end)))
        else:
            masters.append(event)
    for event in masters:
        start, end = event.start, event.end
        if "RRULE" not in event:
            found.append((str(event["SUMMARY"]), wall(start), wall(end)))
            continue
        if not isinstance(start, datetime):
            start = datetime.combine(start, time())
            end = datetime.combine(end, time())
        excluded = {wall(d.dt) for prop in _as_list(event.get("EXDATE")) for d in prop.dts}
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        for occ in rule:
            local = wall(occ)
            if local >= hi:
                break
            if local in excluded or (str(event["UID"]), local) in replaced:
                continue
            found.append((str(event["SUMMARY"]), local, local + (wall(end) - wall(start))))
    return sorted((title, s) for title, s, e in found if s < hi and e > lo)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def fold(line: str, width: int = 75) -> list[str]:
    """Fold a content line at ``width`` octets without splitting a character."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = width if not out else width - 1
        if len((current + char).encode()) > limit:
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def ics(*lines: str, newline: str = "\r\n") -> bytes:
    """An ICS file from content lines, folded, with CRLF line endings."""
    folded = [part for line in lines for part in fold(line)]
    return (newline.join(folded) + newline).encode()


def one_event(*props: str) -> bytes:
    return ics(
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//EN",
        "BEGIN:VEVENT",
        *props,
        "END:VEVENT",
        "END:VCALENDAR",
    )


@pytest.fixture
def community(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": "读书会"})
    return community_id


@pytest.fixture
def fresh(tmp_path: Path, paths: AppPaths) -> Iterator[tuple[Workspace, str]]:
    """A second workspace with a community of the same name."""
    ws = create_workspace(tmp_path / "fresh.cplan", device_id=DEVICE, lock_dir=paths.lock_dir)
    community_id, _ = create_community(ws, {"name": "读书会"})
    yield ws, community_id
    ws.close()


@pytest.fixture
def sample(workspace: Workspace, community: str) -> dict[str, str]:
    """A workspace with every kind of item the calendar holds; returns name -> id."""
    ws = workspace
    other, _ = create_community(ws, {"name": "家长群"})
    gone, _ = create_community(ws, {"name": "Old group"})
    ids: dict[str, str] = {"community": community, "other": other}
    ids["digest"], _ = create_item(
        ws,
        {
            "community_id": community,
            "title": "早报 Morning digest",
            "item_type": "morning_digest",
            "start": datetime(2025, 10, 6, 8),
            "end": datetime(2025, 10, 6, 8, 30),
            "tz": BERLIN,
            "owner": "Li, Wei; 小王",
            "description": NOTES,
            "recurrence": Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20251231"),
        },
    )
    occs = [
        o
        for o in occurrences_between(ws, datetime(2025, 10, 1), datetime(2025, 11, 1))
        if o.series is not None and o.series.id == ids["digest"]
    ]
    moved = occs[3]  # Mon 13 Oct
    update_occurrence(
        ws,
        moved,
        {
            "title": "早报（推迟）",
            "start": moved.start + timedelta(days=1, hours=1),
            "end": moved.end + timedelta(days=1, hours=1),
            "status": "ready",
        },
        EditScope.THIS,
    )
    delete_occurrence(ws, occs[5], EditScope.THIS)  # Fri 17 Oct removed
    ids["salon"], _ = create_item(
        ws,
        {
            "community_id": community,
            "kind": "activity",
            "item_type": "brand",
            "title": "线下读书沙龙",
            "start": datetime(2025, 10, 25, 19),
            "end": datetime(2025, 10, 25, 21, 30),
            "tz": SHANGHAI,
            "status": "done",
            "speaker": "张老师",
            "location": "上海 · 静安区 某书店",
            "planned_participants": 100,
            "actual_participants": 87,
            "planned_new_members": 20,
            "actual_new_members": 23,
            "planned_revenue": 1200.5,
            "actual_revenue": 980.25,
            "planned_cost": 300,
            "actual_cost": 310.4,
            "planned_shares": 0,
        },
    )
    ids["camp"], _ = create_item(
        ws,
        {
            "community_id": community,
            "kind": "activity",
            "item_type": "paid",
            "title": "训练营 Camp",
            "all_day": True,
            "start": datetime(2025, 11, 3),
            "end": datetime(2025, 11, 5),
            "tz": SHANGHAI,
            "status": "idea",
        },
    )
    ids["class"], _ = create_item(
        ws,
        {
            "community_id": community,
            "title": LONG_TITLE,
            "item_type": "live_class",
            "start": datetime(2025, 10, 14, 20),
            "end": datetime(2025, 10, 14, 21),
            "tz": NEW_YORK,
            "recurrence": Recurrence.parse("FREQ=MONTHLY;BYDAY=2TU;COUNT=6"),
        },
    )
    ids["review"], _ = create_item(
        ws,
        {
            "community_id": community,
            "title": "月度复盘",
            "item_type": "topic_discussion",
            "start": datetime(2025, 10, 31, 12),
            "end": datetime(2025, 10, 31, 13),
            "tz": "UTC",
            "recurrence": Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=-1;INTERVAL=2"),
        },
    )
    ids["weekend"], _ = create_item(
        ws,
        {
            "community_id": community,
            "title": "周末打卡",
            "item_type": "other",
            "all_day": True,
            "start": datetime(2025, 10, 4),
            "end": datetime(2025, 10, 5),
            "tz": SHANGHAI,
            "recurrence": Recurrence.parse("FREQ=DAILY;INTERVAL=7;UNTIL=20251129"),
        },
    )
    ids["parents"], _ = create_item(
        ws,
        {
            "community_id": other,
            "title": "家长答疑",
            "item_type": "topic_discussion",
            "start": datetime(2025, 12, 2, 20),
            "end": datetime(2025, 12, 2, 21),
            "tz": SHANGHAI,
            "status": "cancelled",
        },
    )
    deleted, _ = create_item(
        ws,
        {
            "community_id": community,
            "title": "Deleted",
            "item_type": "other",
            "start": datetime(2025, 10, 20, 9),
            "end": datetime(2025, 10, 20, 10),
            "tz": BERLIN,
        },
    )
    delete_occurrence(ws, find_occurrence(ws, (deleted, "")))
    ids["deleted"] = deleted
    ids["gone_item"], _ = create_item(
        ws,
        {
            "community_id": gone,
            "title": "In a deleted community",
            "item_type": "other",
            "start": datetime(2025, 10, 21, 9),
            "end": datetime(2025, 10, 21, 10),
            "tz": BERLIN,
        },
    )
    delete_community(ws, gone)
    return ids


LO, HI = datetime(2025, 9, 1), datetime(2026, 9, 1)


# -- export -------------------------------------------------------------------------


def test_export_is_a_calendar_with_our_properties(
    workspace: Workspace, sample: dict[str, str]
) -> None:
    data = export_ics(workspace, now=NOW)
    cal = parse(data)
    assert str(cal["PRODID"]) == "-//Community Planner//EN"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "test"
    assert cal.get_missing_tzids() == set()
    assert {tz.tz_name for tz in cal.timezones} == {BERLIN, SHANGHAI, NEW_YORK}
    found = events(data)
    live = {"digest", "salon", "camp", "class", "review", "weekend", "parents"}
    assert sorted({str(e["UID"]) for e in found}) == sorted(sample[k] for k in live)
    assert len(found) == len(live) + 1  # and the moved occurrence of the digest
    for event in found:
        assert event["DTSTAMP"].dt == NOW
        assert event["LAST-MODIFIED"].dt.tzinfo is not None
        assert int(event["SEQUENCE"]) >= 0
    by_uid = {str(e["UID"]): e for e in found if "RECURRENCE-ID" not in e}
    digest = by_uid[sample["digest"]]
    assert digest["DTSTART"].params["TZID"] == BERLIN
    assert digest["DTSTART"].dt == datetime(2025, 10, 6, 8, tzinfo=ZoneInfo(BERLIN))
    # UNTIL in UTC: the end of 31 December in Berlin.
    assert digest["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20251231T225959Z;BYDAY=MO,WE,FR"
    assert [wall(d.dt) for d in digest["EXDATE"].dts] == [datetime(2025, 10, 17, 8)]
    assert digest["EXDATE"].params["TZID"] == BERLIN
    assert str(digest["DESCRIPTION"]) == NOTES
    assert str(digest["X-CPLAN-COMMUNITY"]) == "读书会"
    salon = by_uid[sample["salon"]]
    assert (str(salon["LOCATION"]), str(salon["STATUS"])) == ("上海 · 静安区 某书店", "CONFIRMED")
    assert str(salon["X-CPLAN-ACTUAL-REVENUE"]) == "980.25"
    assert str(salon["X-CPLAN-PLANNED-SHARES"]) == "0"
    assert "X-CPLAN-PLANNED-CONVERSIONS" not in salon
    camp = by_uid[sample["camp"]]
    assert (camp["DTSTART"].dt, camp["DTEND"].dt) == (date(2025, 11, 3), date(2025, 11, 5))
    assert str(camp["STATUS"]) == "TENTATIVE"
    assert str(by_uid[sample["parents"]]["STATUS"]) == "CANCELLED"
    review = by_uid[sample["review"]]
    assert review["DTSTART"].to_ical() == b"20251031T120000Z"
    weekend = by_uid[sample["weekend"]]
    assert b"UNTIL=20251129" in weekend["RRULE"].to_ical()
    moved = next(e for e in found if "RECURRENCE-ID" in e)
    assert str(moved["UID"]) == sample["digest"]
    assert moved["RECURRENCE-ID"].dt == datetime(2025, 10, 13, 8, tzinfo=ZoneInfo(BERLIN))
    assert moved["RECURRENCE-ID"].params["TZID"] == BERLIN
    assert wall(moved["DTSTART"].dt) == datetime(2025, 10, 14, 9)


def test_export_folds_long_chinese_lines_and_keeps_them(
    workspace: Workspace, sample: dict[str, str]
) -> None:
    data = export_ics(workspace)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # never folded inside a character
    title = next(e for e in events(data) if str(e["UID"]) == sample["class"])["SUMMARY"]
    assert str(title) == LONG_TITLE


def test_export_occurrences_are_the_planners(workspace: Workspace, sample: dict[str, str]) -> None:
    data = export_ics(workspace)
    for lo, hi in [(LO, HI), (datetime(2025, 10, 13), datetime(2025, 10, 20))]:
        expected = sorted((o.item.title, o.start) for o in occurrences_between(workspace, lo, hi))
        assert ics_occurrences(data, lo, hi) == expected
    assert len(ics_occurrences(data, LO, HI)) > 50


def test_export_filters_by_range_and_community(
    workspace: Workspace, sample: dict[str, str]
) -> None:
    def uids(**kwargs: Any) -> set[str]:
        found = {str(e["UID"]) for e in events(export_ics(workspace, **kwargs))}
        return {name for name, item_id in sample.items() if item_id in found}

    everything = {"digest", "salon", "camp", "class", "review", "weekend", "parents"}
    assert uids() == everything
    # A series comes whole when any of it overlaps; one-offs when they overlap.
    assert uids(start=date(2025, 10, 25), end=date(2025, 10, 25)) == {
        "digest",
        "salon",
        "class",
        "weekend",
    }
    assert uids(start=date(2025, 11, 4), end=date(2025, 11, 4)) == {
        "digest",
        "camp",
        "class",
        "review",
        "weekend",
    }
    assert uids(start=date(2026, 1, 1)) == {"class", "review"}
    assert uids(end=date(2025, 10, 5)) == {"weekend"}
    assert uids(community_ids=[sample["other"]]) == {"parents"}
    assert uids(community_ids=[]) == set()
    with pytest.raises(NotFound):
        export_ics(workspace, community_ids=["no-such-id"])


def test_sequence_and_last_modified_follow_edits(
    workspace: Workspace, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def salon() -> Event:
        data = export_ics(workspace)
        return next(e for e in events(data) if str(e["UID"]) == sample["salon"])

    before = salon()
    item = get_item(workspace, sample["salon"])
    later = item.updated_at + 90_000
    monkeypatch.setattr("planner.workspace.now_ms", lambda: later)
    update_occurrence(workspace, find_occurrence(workspace, (item.id, "")), {"title": "改名"})
    after = salon()
    assert int(after["SEQUENCE"]) >= int(before["SEQUENCE"]) + 90
    assert after["LAST-MODIFIED"].dt == datetime.fromtimestamp(later // 1000, UTC)
    assert str(after["UID"]) == str(before["UID"])


def test_dst_weekly_series_keeps_local_time_and_its_offset_changes(
    workspace: Workspace, community: str, fresh: tuple[Workspace, str]
) -> None:
    series_id, _ = create_item(
        workspace,
        {
            "community_id": community,
            "title": "Sunday digest",
            "item_type": "morning_digest",
            "start": datetime(2025, 10, 12, 8),
            "end": datetime(2025, 10, 12, 9),
            "tz": BERLIN,
            "recurrence": Recurrence.parse("FREQ=WEEKLY;BYDAY=SU;COUNT=4"),
        },
    )
    data = export_ics(workspace)
    cal = parse(data)
    (event,) = events(data)
    assert event.to_ical().count(b"DTSTART;TZID=Europe/Berlin:20251012T080000") == 1
    starts = list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=event["DTSTART"].dt))
    assert [s.hour for s in starts] == [8, 8, 8, 8]
    utc = [s.astimezone(UTC) for s in starts]
    assert [u.hour for u in utc] == [6, 6, 7, 7]  # the last Sunday of October is 26 Oct
    assert [s.date() for s in starts] == [date(2025, 10, d) for d in (12, 19, 26)] + [
        date(2025, 11, 2)
    ]
    # A reader that goes by the VTIMEZONE alone (Outlook) gets the same instants.
    (component,) = cal.timezones
    from_file = tzp.create_timezone(component)
    assert [s.replace(tzinfo=from_file).astimezone(UTC) for s in starts] == utc
    # And it imports back at 08:00 Berlin time.
    other, target = fresh
    import_ics(other, data, community_id=target, default_tz="UTC")
    (copy,) = live_items(other, target)
    assert fields(copy) == fields(get_item(workspace, series_id))
    assert [o.start.hour for o in occurrences_between(other, LO, HI)] == [8, 8, 8, 8]


@pytest.mark.parametrize("zone", [BERLIN, NEW_YORK, "Australia/Sydney", SHANGHAI, "Asia/Tehran"])
def test_vtimezone_agrees_with_the_zone_database_every_half_hour(zone: str) -> None:
    component = vtimezone(zone, date(2024, 1, 1), date(2027, 1, 1))
    parsed = Calendar.from_ical(component.to_ical())
    from_file = tzp.create_timezone(parsed)
    reference = ZoneInfo(zone)
    moment = datetime(2024, 1, 2, tzinfo=UTC)
    wrong = []
    while moment < datetime(2026, 12, 30, tzinfo=UTC):
        if moment.astimezone(from_file).utcoffset() != moment.astimezone(reference).utcoffset():
            wrong.append(moment)
        moment += timedelta(minutes=30)
    assert wrong == []


# -- round trips --------------------------------------------------------------------


def test_export_imports_back_identically(
    workspace: Workspace, sample: dict[str, str], fresh: tuple[Workspace, str]
) -> None:
    other, target = fresh
    data = export_ics(workspace, community_ids=[sample["community"]])
    result = import_ics(other, data, community_id=target, default_tz=NEW_YORK, source="x.ics")
    assert (result.added, result.updated, result.unchanged) == (7, 0, 0)
    originals = live_items(workspace, sample["community"])
    copies = live_items(other, target)
    assert sorted(map(repr, map(fields, copies))) == sorted(map(repr, map(fields, originals)))
    # Overrides hang on the copy of their series; foreign UIDs are kept.
    by_uid = {c.id: c for c in copies}
    for copy in copies:
        row = other.get_row("calendar_items", copy.id)
        assert row is not None
        if copy.is_override:
            assert get_item(workspace, row["ical_uid"]).id == sample["digest"]
            assert by_uid[copy.series_id or ""].title == "早报 Morning digest"
        else:
            assert fields(get_item(workspace, row["ical_uid"])) == fields(copy)
    assert occurrence_keys(other, LO, HI) == occurrence_keys(workspace, LO, HI, sample["community"])
    # Exported again from the copy: the same events, UIDs and stamps aside.
    again = export_ics(other, now=NOW)
    strip = ("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE")
    original = export_ics(workspace, community_ids=[sample["community"]], now=NOW)
    assert sorted(
        tuple((k, e[k].to_ical()) for k in sorted(e) if k not in strip) for e in events(again)
    ) == sorted(
        tuple((k, e[k].to_ical()) for k in sorted(e) if k not in strip) for e in events(original)
    )


def test_the_sample_workspace_exports_and_imports_back_identically(
    sample_path: Path, fresh: tuple[Workspace, str], paths: AppPaths
) -> None:
    """The issue's "done means": the demo's calendar survives ICS, community by community."""
    other, _ = fresh
    demo = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir)
    try:
        communities = list_communities(demo)
        assert len(communities) >= 3
        lo, hi = datetime(2000, 1, 1), datetime(2100, 1, 1)
        total = 0
        for community in communities:
            target = (
                next((c.id for c in list_communities(other) if c.name == community.name), None)
                or create_community(other, {"name": community.name})[0]
            )
            data = export_ics(demo, community_ids=[community.id])
            result = import_ics(other, data, community_id=target, default_tz=NEW_YORK)
            originals = live_items(demo, community.id)
            assert result.added == len(originals)
            copies = live_items(other, target)
            assert sorted(map(repr, map(fields, copies))) == sorted(
                map(repr, map(fields, originals))
            )
            assert occurrence_keys(other, lo, hi, target) == occurrence_keys(
                demo, lo, hi, community.id
            )
            total += len(originals)
        copied = [item for c in list_communities(other) for item in live_items(other, c.id)]
        assert len(copied) == total > 10
        assert any(item.is_series for item in copied)
        assert any(item.is_override for item in copied)
        assert any(item.exdates for item in copied)
    finally:
        demo.close()


def test_our_own_export_imported_into_the_same_workspace_changes_nothing(
    workspace: Workspace, sample: dict[str, str]
) -> None:
    data = export_ics(workspace, community_ids=[sample["community"]])
    before, undo_depth = items(workspace), len(workspace.history.undo_stack)
    result = import_ics(workspace, data, community_id=sample["community"], default_tz="UTC")
    assert (result.added, result.updated, result.unchanged) == (0, 0, 7)
    assert result.change.rows == ()
    assert items(workspace) == before
    assert len(workspace.history.undo_stack) == undo_depth


def test_our_export_updates_the_items_it_came_from(
    workspace: Workspace, sample: dict[str, str]
) -> None:
    data = export_ics(workspace, community_ids=[sample["community"]])
    item = get_item(workspace, sample["salon"])
    update_occurrence(
        workspace,
        find_occurrence(workspace, (item.id, "")),
        {"title": "Renamed", "actual_participants": 5},
    )
    assert get_item(workspace, item.id).title == "Renamed"
    result = import_ics(workspace, data, community_id=sample["community"], default_tz="UTC")
    assert (result.added, result.updated, result.unchanged) == (0, 1, 6)
    restored = get_item(workspace, sample["salon"])
    assert (restored.title, restored.goals["actual_participants"]) == ("线下读书沙龙", 87)
    assert fields(restored) == fields(item)
    assert workspace.get_row("calendar_items", sample["salon"])["ical_uid"] == ""  # type: ignore[index]


def test_into_another_community_the_events_are_copied_once(
    workspace: Workspace, sample: dict[str, str]
) -> None:
    data = export_ics(workspace, community_ids=[sample["community"]])
    first = import_ics(workspace, data, community_id=sample["other"], default_tz="UTC")
    second = import_ics(workspace, data, community_id=sample["other"], default_tz="UTC")
    assert (first.added, second.added, second.updated, second.unchanged) == (7, 0, 0, 7)
    assert len(live_items(workspace, sample["other"])) == 8  # with 家长答疑
    assert len(live_items(workspace, sample["community"])) == 7


ZONES = [BERLIN, SHANGHAI, NEW_YORK, "UTC", "Australia/Sydney"]


@st.composite
def series_values(draw: st.DrawFn) -> dict[str, Any]:
    freq = draw(st.sampled_from(list(Frequency)))
    weekdays: tuple[int, ...] = ()
    month_day = nth = None
    if freq is Frequency.WEEKLY:
        weekdays = tuple(sorted(draw(st.sets(st.integers(0, 6), min_size=1))))
    elif freq is Frequency.DAILY and draw(st.booleans()):
        weekdays = (0, 1, 2, 3, 4)
    elif freq is Frequency.MONTHLY:
        if draw(st.booleans()):
            month_day = draw(st.sampled_from([1, 15, 28, 30, 31, -1]))
        else:
            nth = (draw(st.sampled_from([1, 2, 3, 4, -1])), draw(st.integers(0, 6)))
    start = draw(
        st.datetimes(datetime(2024, 1, 1), datetime(2027, 12, 31)).map(
            lambda d: d.replace(second=0, microsecond=0)
        )
    )
    ending = draw(st.sampled_from(["never", "until", "count"]))
    until = start.date() + timedelta(days=draw(st.integers(0, 900))) if ending == "until" else None
    count = draw(st.integers(1, 40)) if ending == "count" else None
    rule = Recurrence(freq, draw(st.integers(1, 3)), weekdays, month_day, nth, until, count)
    all_day = draw(st.booleans())
    return {
        "title": "系列",
        "item_type": "other",
        "all_day": all_day,
        "start": start,
        "end": start + timedelta(minutes=draw(st.integers(15, 600))),
        "tz": draw(st.sampled_from(ZONES)),
        "recurrence": rule,
    }


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(values=series_values())
def test_any_series_round_trips(
    values: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("series")
    source = create_workspace(folder / "a.cplan", device_id=DEVICE, lock_dir=folder)
    target = create_workspace(folder / "b.cplan", device_id=DEVICE, lock_dir=folder)
    try:
        a, _ = create_community(source, {"name": "A"})
        b, _ = create_community(target, {"name": "A"})
        try:
            item_id, _ = create_item(source, values | {"community_id": a})
        except PlannerError:
            note_event("refused by the editor (no occurrence, too long...)")
            return
        data = export_ics(source)
        assert import_ics(target, data, community_id=b, default_tz=SHANGHAI).added == 1
        (copy,) = live_items(target, b)
        assert fields(copy) == fields(get_item(source, item_id))
        lo = copy.start - timedelta(days=3)
        assert occurrence_keys(target, lo, lo + timedelta(days=800)) == occurrence_keys(
            source, lo, lo + timedelta(days=800)
        )
    finally:
        source.close()
        target.close()


# -- calendars from other apps ------------------------------------------------------

GOOGLE_DESCRIPTION = (
    "每天早上八点推送：行业新闻三条、干货文章一篇、今日话题一个。"
    "请群管理员提前一天把素材放进共享文件夹，并在群公告里提醒大家参与讨论。"
)

GOOGLE = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:社群运营",
    "X-WR-TIMEZONE:Asia/Shanghai",
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Shanghai",
    "X-LIC-LOCATION:Asia/Shanghai",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VTIMEZONE",
    "TZID:America/New_York",
    "X-LIC-LOCATION:America/New_York",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "TZNAME:EDT",
    "DTSTART:19700308T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "TZNAME:EST",
    "DTSTART:19701101T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "DTSTART;TZID=Asia/Shanghai:20251103T080000",
    "DTEND;TZID=Asia/Shanghai:20251103T083000",
    "RRULE:FREQ=WEEKLY;WKST=SU;UNTIL=20251230T235959Z;BYDAY=MO,WE,FR",
    "EXDATE;TZID=Asia/Shanghai:20251110T080000",
    "EXDATE;TZID=Asia/Shanghai:20251112T080000,20251114T080000",
    "DTSTAMP:20251101T000000Z",
    "UID:7kukuqrfedlm2f9t3vk2vh3l3o@google.com",
    "CREATED:20251020T101010Z",
    f"DESCRIPTION:{GOOGLE_DESCRIPTION}",
    "LAST-MODIFIED:20251021T101010Z",
    "LOCATION:",
    "SEQUENCE:0",
    "STATUS:CONFIRMED",
    "SUMMARY:每日早报",
    "TRANSP:OPAQUE",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "DESCRIPTION:This is an event reminder",
    "TRIGGER:-P0DT0H10M0S",
    "END:VALARM",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART;TZID=Asia/Shanghai:20251119T090000",
    "DTEND;TZID=Asia/Shanghai:20251119T100000",
    "DTSTAMP:20251101T000000Z",
    "UID:7kukuqrfedlm2f9t3vk2vh3l3o@google.com",
    "RECURRENCE-ID;TZID=Asia/Shanghai:20251119T080000",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:每日早报（推迟一小时）",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART;TZID=Asia/Shanghai:20251121T080000",
    "DTEND;TZID=Asia/Shanghai:20251121T083000",
    "DTSTAMP:20251101T000000Z",
    "UID:7kukuqrfedlm2f9t3vk2vh3l3o@google.com",
    "RECURRENCE-ID;TZID=Asia/Shanghai:20251121T080000",
    "STATUS:CANCELLED",
    "SUMMARY:每日早报",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART;VALUE=DATE:20251201",
    "DTEND;VALUE=DATE:20251203",
    "DTSTAMP:20251101T000000Z",
    "UID:allday01@google.com",
    "SUMMARY:线下沙龙筹备",
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART:20251105T120000Z",
    "DTEND:20251105T133000Z",
    "DTSTAMP:20251101T000000Z",
    "UID:utc01@google.com",
    "SUMMARY:Guest share with 张老师",
    "STATUS:TENTATIVE",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART;TZID=America/New_York:20251107T190000",
    "DTEND;TZID=America/New_York:20251107T200000",
    "DTSTAMP:20251101T000000Z",
    "UID:ny01@google.com",
    "SUMMARY:Live class (New York)",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART;TZID=Asia/Shanghai:20251128T200000",
    "DURATION:PT1H30M",
    "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=3",
    "DTSTAMP:20251101T000000Z",
    "UID:monthly01@google.com",
    "SUMMARY:月度复盘",
    "END:VEVENT",
    "END:VCALENDAR",
]


def only_event(lines: list[str], marker: str) -> list[str]:
    """A calendar's header and time zones with only the event holding ``marker``."""
    first = lines.index("BEGIN:VEVENT")
    at = lines.index(marker)
    begin = max(i for i in range(at) if lines[i] == "BEGIN:VEVENT")
    end = lines.index("END:VEVENT", at)
    return [*lines[:first], *lines[begin : end + 1], "END:VCALENDAR"]


def by_title(ws: Workspace, community_id: str) -> dict[str, CalendarItem]:
    """One-off items and series by title (overrides are looked up by their series)."""
    found = {i.title: i for i in live_items(ws, community_id) if not i.is_override}
    assert len(found) == len([i for i in live_items(ws, community_id) if not i.is_override])
    return found


def overrides_of(ws: Workspace, series: CalendarItem) -> list[CalendarItem]:
    rows = ws.db.query(
        "SELECT * FROM calendar_items WHERE deleted = 0 AND series_id = ? ORDER BY recurrence_id",
        [series.id],
    )
    return [CalendarItem.from_row(r) for r in rows]


def test_google_calendar_file(workspace: Workspace, community: str) -> None:
    data = ics(*GOOGLE)
    assert max(len(line) for line in data.split(b"\r\n")) <= 75  # folded
    result = import_ics(
        workspace, data, community_id=community, default_tz=BERLIN, source="google.ics"
    )
    assert (result.added, result.updated, result.unchanged) == (7, 0, 0)
    found = by_title(workspace, community)
    digest = found["每日早报"]
    assert (digest.start, digest.end, digest.tz) == (
        datetime(2025, 11, 3, 8),
        datetime(2025, 11, 3, 8, 30),
        SHANGHAI,
    )
    # UNTIL 2025-12-30 23:59:59 UTC is 31 Dec 07:59 in Shanghai, before 08:00.
    assert digest.recurrence == Recurrence(Frequency.WEEKLY, 1, (0, 2, 4), until=date(2025, 12, 30))
    assert digest.exdates == {datetime(2025, 11, d, 8) for d in (10, 12, 14)}
    assert digest.description == GOOGLE_DESCRIPTION
    assert (digest.kind.value, digest.item_type, digest.status.value) == (
        "content",
        "other",
        "planned",
    )
    row = workspace.get_row("calendar_items", digest.id)
    assert row is not None and row["ical_uid"] == "7kukuqrfedlm2f9t3vk2vh3l3o@google.com"
    moved, cancelled = overrides_of(workspace, digest)
    assert (moved.title, moved.recurrence_id) == (
        "每日早报（推迟一小时）",
        datetime(2025, 11, 19, 8),
    )
    assert (moved.start, moved.end, moved.tz) == (
        datetime(2025, 11, 19, 9),
        datetime(2025, 11, 19, 10),
        SHANGHAI,
    )
    assert (cancelled.status.value, cancelled.recurrence_id, cancelled.start) == (
        "cancelled",
        datetime(2025, 11, 21, 8),
        datetime(2025, 11, 21, 8),
    )
    allday = found["线下沙龙筹备"]
    assert (allday.all_day, allday.start, allday.end, allday.tz) == (
        True,
        datetime(2025, 12, 1),
        datetime(2025, 12, 3),
        BERLIN,
    )
    utc = found["Guest share with 张老师"]  # 12:00Z is 13:00 in Berlin in November
    assert (utc.start, utc.end, utc.tz, utc.status.value) == (
        datetime(2025, 11, 5, 13),
        datetime(2025, 11, 5, 14, 30),
        BERLIN,
        "idea",
    )
    ny = found["Live class (New York)"]
    assert (ny.start, ny.tz) == (datetime(2025, 11, 7, 19), NEW_YORK)
    monthly = found["月度复盘"]
    assert monthly.recurrence == Recurrence(Frequency.MONTHLY, nth_weekday=(-1, 4), count=3)
    assert monthly.duration == timedelta(hours=1, minutes=30)
    # The planner shows what Google shows.
    week = [
        (o.item.title, o.start)
        for o in occurrences_between(workspace, datetime(2025, 11, 17), datetime(2025, 11, 24))
    ]
    assert week == [
        ("每日早报", datetime(2025, 11, 17, 8)),
        ("每日早报（推迟一小时）", datetime(2025, 11, 19, 9)),
        ("每日早报", datetime(2025, 11, 21, 8)),
    ]
    assert [
        o.item.status.value
        for o in occurrences_between(workspace, datetime(2025, 11, 21), datetime(2025, 11, 22))
    ] == ["cancelled"]
    # Shanghai times stay as they are: the planner repeats them as RFC 5545 does.
    shanghai = {"每日早报", "每日早报（推迟一小时）", "月度复盘"}
    assert [o for o in ics_occurrences(data, LO, HI) if o[0] in shanghai] == sorted(
        (o.item.title, o.start)
        for o in occurrences_between(workspace, LO, HI)
        if o.item.title in shanghai
    )
    digest_starts = [
        o.start
        for o in occurrences_between(workspace, LO, HI)
        if o.series is not None and o.series.id == digest.id
    ]
    assert digest_starts[-1] == datetime(2025, 12, 29, 8)
    assert len(digest_starts) == 25 - 3


OUTLOOK = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    "VERSION:2.0",
    "METHOD:PUBLISH",
    "X-MS-OLK-FORCEINSPECTOROPEN:TRUE",
    "BEGIN:VTIMEZONE",
    "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16011028T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010325T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VTIMEZONE",
    "TZID:Customized Time Zone",
    "BEGIN:STANDARD",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:+0530",
    "TZOFFSETTO:+0530",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "CLASS:PUBLIC",
    "CREATED:20251001T080000Z",
    "DESCRIPTION:Weekly operations sync\\n\\nAgenda: 新人欢迎、内容排期\\n",
    'DTEND;TZID="W. Europe Standard Time":20251006T100000',
    "DTSTAMP:20251001T080000Z",
    'DTSTART;TZID="W. Europe Standard Time":20251006T093000',
    'EXDATE;TZID="W. Europe Standard Time":20251020T093000',
    "LAST-MODIFIED:20251001T080000Z",
    "LOCATION:Microsoft Teams Meeting",
    "PRIORITY:5",
    "RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO",
    "SEQUENCE:0",
    "SUMMARY;LANGUAGE=en-us:Ops sync",
    "TRANSP:OPAQUE",
    "UID:040000008200E00074C5B7101A82E00800000000B0E1BC3A1B2ADC01000000000000000010000000",
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    "X-MICROSOFT-CDO-IMPORTANCE:1",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "CLASS:PUBLIC",
    'DTEND;TZID="W. Europe Standard Time":20251028T100000',
    "DTSTAMP:20251001T080000Z",
    'DTSTART;TZID="W. Europe Standard Time":20251028T093000',
    'RECURRENCE-ID;TZID="W. Europe Standard Time":20251027T093000',
    "SEQUENCE:1",
    "SUMMARY;LANGUAGE=en-us:Ops sync (Tuesday this week)",
    "UID:040000008200E00074C5B7101A82E00800000000B0E1BC3A1B2ADC01000000000000000010000000",
    "END:VEVENT",
    "BEGIN:VEVENT",
    'DTSTART;TZID="Customized Time Zone":20251105T180000',
    'DTEND;TZID="Customized Time Zone":20251105T190000',
    "DTSTAMP:20251001T080000Z",
    "SUMMARY:India partner call",
    "UID:040000008200E00074C5B7101A82E00800000000C0E1BC3A1B2ADC01000000000000000010000000",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART;VALUE=DATE:20251110",
    "DTEND;VALUE=DATE:20251111",
    "DTSTAMP:20251001T080000Z",
    "SUMMARY:团队团建",
    "UID:040000008200E00074C5B7101A82E00800000000D0E1BC3A1B2ADC01000000000000000010000000",
    "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
    "END:VEVENT",
    "END:VCALENDAR",
]


def test_outlook_file_with_windows_and_custom_zones(workspace: Workspace, community: str) -> None:
    result = import_ics(workspace, ics(*OUTLOOK), community_id=community, default_tz=BERLIN)
    assert (result.added, result.updated, result.unchanged) == (4, 0, 0)
    found = by_title(workspace, community)
    sync = found["Ops sync"]
    assert (sync.start, sync.end, sync.tz) == (
        datetime(2025, 10, 6, 9, 30),
        datetime(2025, 10, 6, 10),
        BERLIN,
    )
    assert sync.description == "Weekly operations sync\n\nAgenda: 新人欢迎、内容排期"
    assert sync.recurrence == Recurrence(Frequency.WEEKLY, 1, (0,), count=8)
    assert sync.exdates == {datetime(2025, 10, 20, 9, 30)}
    (moved,) = overrides_of(workspace, sync)
    assert (moved.title, moved.recurrence_id, moved.start) == (
        "Ops sync (Tuesday this week)",
        datetime(2025, 10, 27, 9, 30),
        datetime(2025, 10, 28, 9, 30),
    )
    starts = [
        (o.start, o.item.title)
        for o in occurrences_between(workspace, datetime(2025, 10, 1), datetime(2025, 12, 1))
        if o.item.title.startswith("Ops")
    ]
    assert starts == [
        (datetime(2025, 10, 6, 9, 30), "Ops sync"),
        (datetime(2025, 10, 13, 9, 30), "Ops sync"),
        (datetime(2025, 10, 28, 9, 30), "Ops sync (Tuesday this week)"),
        (datetime(2025, 11, 3, 9, 30), "Ops sync"),
        (datetime(2025, 11, 10, 9, 30), "Ops sync"),
        (datetime(2025, 11, 17, 9, 30), "Ops sync"),
        (datetime(2025, 11, 24, 9, 30), "Ops sync"),
    ]
    # 18:00 at +05:30 is 12:30 UTC, 13:30 in Berlin.
    india = found["India partner call"]
    assert (india.start, india.end, india.tz) == (
        datetime(2025, 11, 5, 13, 30),
        datetime(2025, 11, 5, 14, 30),
        BERLIN,
    )
    party = found["团队团建"]
    assert (party.all_day, party.start, party.end) == (
        True,
        datetime(2025, 11, 10),
        datetime(2025, 11, 11),
    )


def test_a_custom_zone_is_read_from_each_file_not_remembered(
    workspace: Workspace, community: str
) -> None:
    """Two files may define "Customized Time Zone" differently (icalendar caches by name)."""
    import_ics(workspace, ics(*OUTLOOK), community_id=community, default_tz="UTC")
    tokyo = [
        line.replace("+0530", "+0900")
        .replace("India partner call", "Tokyo call")
        .replace("C0E1BC3A", "E0E1BC3A")
        for line in only_event(OUTLOOK, "SUMMARY:India partner call")
    ]
    result = import_ics(workspace, ics(*tokyo), community_id=community, default_tz="UTC")
    assert (result.added, result.updated, result.unchanged) == (1, 0, 0)
    found = by_title(workspace, community)
    assert found["India partner call"].start == datetime(2025, 11, 5, 12, 30)
    assert found["Tokyo call"].start == datetime(2025, 11, 5, 9)


def test_floating_times_are_in_the_default_zone_and_lf_lines_are_fine(
    workspace: Workspace, community: str
) -> None:
    data = ics(
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "BEGIN:VEVENT",
        "UID:floating-1",
        "DTSTART:20251105T100000",
        "DTEND:20251105T113000",
        "SUMMARY:Floating",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:no-end",
        "DTSTART:20251106T100000",
        "SUMMARY:No end",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:no-end-day",
        "DTSTART;VALUE=DATE:20251107",
        "SUMMARY:A day",
        "END:VEVENT",
        "END:VCALENDAR",
        newline="\n",
    )
    import_ics(workspace, data, community_id=community, default_tz=SHANGHAI)
    found = by_title(workspace, community)
    assert (found["Floating"].start, found["Floating"].tz) == (datetime(2025, 11, 5, 10), SHANGHAI)
    assert found["No end"].end == datetime(2025, 11, 6, 10, 30)
    assert (found["A day"].start, found["A day"].end) == (
        datetime(2025, 11, 7),
        datetime(2025, 11, 8),
    )


def test_a_line_folded_inside_a_character_is_read(workspace: Workspace, community: str) -> None:
    summary = "SUMMARY:" + "社群" * 30
    raw = summary.encode()
    broken = raw[:76] + b"\r\n " + raw[76:]  # 76 is inside a 3-byte character
    with pytest.raises(UnicodeDecodeError):
        broken.decode()
    data = ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:x", "DTSTART:20251105T100000Z"
    )
    data += broken + b"\r\n" + ics("END:VEVENT", "END:VCALENDAR")
    import_ics(workspace, data, community_id=community, default_tz="UTC")
    assert [i.title for i in live_items(workspace, community)] == ["社群" * 30]


def test_our_fields_survive_with_escapes(workspace: Workspace, community: str) -> None:
    data = one_event(
        "UID:x1",
        "DTSTART;TZID=Asia/Shanghai:20251105T190000",
        "DTEND;TZID=Asia/Shanghai:20251105T210000",
        "SUMMARY:Salon",
        "X-CPLAN-KIND:activity",
        "X-CPLAN-TYPE:sharing",
        "X-CPLAN-STATUS:ready",
        "X-CPLAN-OWNER:Li\\, Wei\\; 小王\\nline two \\\\ end",
        "X-CPLAN-SPEAKER:张老师",
        "X-CPLAN-PLANNED-PARTICIPANTS:40",
        "X-CPLAN-ACTUAL-REVENUE:99.5",
        "X-CPLAN-COMMUNITY:Some other name",
    )
    import_ics(workspace, data, community_id=community, default_tz="UTC")
    (item,) = live_items(workspace, community)
    assert (item.kind.value, item.item_type, item.status.value) == ("activity", "sharing", "ready")
    assert item.owner == "Li, Wei; 小王\nline two \\ end"
    assert item.speaker == "张老师"
    assert item.goals["planned_participants"] == 40
    assert item.goals["actual_revenue"] == 99.5
    assert item.tz == SHANGHAI and item.community_id == community
    assert all(
        item.goals[g] is None
        for g in GOAL_FIELDS
        if g not in ("planned_participants", "actual_revenue")
    )


# -- idempotence and undo -----------------------------------------------------------


def test_importing_twice_changes_nothing(workspace: Workspace, community: str) -> None:
    data = ics(*GOOGLE)
    first = import_ics(workspace, data, community_id=community, default_tz=BERLIN)
    before, depth = items(workspace), len(workspace.history.undo_stack)
    second = import_ics(workspace, data, community_id=community, default_tz=BERLIN)
    assert (first.added, second.added, second.updated, second.unchanged) == (7, 0, 0, 7)
    assert second.change.rows == ()
    assert items(workspace) == before
    assert len(workspace.history.undo_stack) == depth
    outlook = ics(*OUTLOOK)
    import_ics(workspace, outlook, community_id=community, default_tz=BERLIN)
    before = items(workspace)
    again = import_ics(workspace, outlook, community_id=community, default_tz=BERLIN)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert items(workspace) == before


def test_an_event_without_uid_is_recognised_again(workspace: Workspace, community: str) -> None:
    def file(stamp: str) -> bytes:
        return one_event(f"DTSTAMP:{stamp}", "DTSTART:20251105T100000Z", "SUMMARY:无 UID")

    first = import_ics(
        workspace, file("20251101T000000Z"), community_id=community, default_tz="UTC"
    )
    again = import_ics(
        workspace, file("20251102T000000Z"), community_id=community, default_tz="UTC"
    )
    assert (first.added, again.added, again.unchanged) == (1, 0, 1)


def test_a_changed_event_updates_only_that_item(workspace: Workspace, community: str) -> None:
    import_ics(workspace, ics(*GOOGLE), community_id=community, default_tz=BERLIN)
    before = {r["id"]: r for r in items(workspace)}
    changed = [
        line.replace("SUMMARY:Live class (New York)", "SUMMARY:Live class, moved").replace(
            "20251107T190000", "20251107T183000"
        )
        for line in GOOGLE
    ]
    result = import_ics(workspace, ics(*changed), community_id=community, default_tz=BERLIN)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 6)
    after = {r["id"]: r for r in items(workspace)}
    differing = [k for k in after if after[k] != before[k]]
    assert len(differing) == 1
    item = get_item(workspace, differing[0])
    assert (item.title, item.start) == ("Live class, moved", datetime(2025, 11, 7, 18, 30))
    workspace.undo()
    assert get_item(workspace, differing[0]).title == "Live class (New York)"


def test_undo_removes_a_whole_import_and_redo_brings_it_back(
    workspace: Workspace, community: str
) -> None:
    result = import_ics(
        workspace, ics(*GOOGLE), community_id=community, default_tz=BERLIN, source="google.ics"
    )
    assert len(result.change.rows) == 7
    assert workspace.history.next_undo() == result.change
    assert result.change.describe() == "Import ics “google.ics”"
    imported = {row["id"]: row for row in items(workspace)}
    workspace.undo()
    assert live_items(workspace, community) == []
    assert occurrences_between(workspace, LO, HI) == []
    # Undone creations stay as tombstones (so a shared copy does not bring them back).
    assert {r["id"] for r in items(workspace) if r["deleted"]} == set(imported)
    workspace.redo()
    assert len(live_items(workspace, community)) == 7
    assert {r["id"]: r["title"] for r in items(workspace)} == {
        k: r["title"] for k, r in imported.items()
    }


def test_an_occurrence_without_its_series_is_an_item_until_the_series_comes(
    workspace: Workspace, community: str
) -> None:
    alone = ics(*only_event(GOOGLE, "RECURRENCE-ID;TZID=Asia/Shanghai:20251119T080000"))
    first = import_ics(workspace, alone, community_id=community, default_tz=BERLIN)
    again = import_ics(workspace, alone, community_id=community, default_tz=BERLIN)
    assert (first.added, again.added, again.unchanged) == (1, 0, 1)
    (item,) = live_items(workspace, community)
    assert (item.is_override, item.start) == (False, datetime(2025, 11, 19, 9))
    whole = import_ics(workspace, ics(*GOOGLE), community_id=community, default_tz=BERLIN)
    assert (whole.added, whole.updated) == (6, 1)
    adopted = get_item(workspace, item.id)
    assert adopted.recurrence_id == datetime(2025, 11, 19, 8)
    assert get_item(workspace, adopted.series_id or "").title == "每日早报"
    assert len(live_items(workspace, community)) == 7


# -- files that cannot be imported --------------------------------------------------

VALID = [
    "BEGIN:VEVENT",
    "UID:good-1",
    "DTSTART:20251105T100000Z",
    "DTEND:20251105T110000Z",
    "SUMMARY:A good event",
    "END:VEVENT",
]


def calendar_with(*lines: str) -> bytes:
    """A valid event first (so a partial import would show), then ``lines``."""
    return ics("BEGIN:VCALENDAR", "VERSION:2.0", *VALID, *lines, "END:VCALENDAR")


def bad_event(*props: str) -> bytes:
    return calendar_with("BEGIN:VEVENT", "SUMMARY:坏的活动", *props, "END:VEVENT")


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "empty"),
    "blank": (b"\r\n \r\n", "empty"),
    "random bytes": (random.Random(3).randbytes(3000), "not an iCalendar"),
    "binary text": (b"BEGIN:VCALENDAR\r\n\x00\x01\x02", "not text"),
    "html": (b"<!DOCTYPE html><html><body><h1>404</h1></body></html>", "not an iCalendar"),
    "json": (b'{"events": []}', "not an iCalendar"),
    "a vevent alone": (ics(*VALID), "BEGIN:VCALENDAR"),
    "cut short": (
        ics("BEGIN:VCALENDAR", "VERSION:2.0", *VALID, "BEGIN:VEVENT", "UID:x"),
        "cut short",
    ),
    "missing END:VCALENDAR": (ics("BEGIN:VCALENDAR", "VERSION:2.0", *VALID), "END:VCALENDAR"),
    "END does not match": (calendar_with("BEGIN:VEVENT", "UID:x", "END:VTODO"), "END:VTODO"),
    "broken line": (calendar_with("BEGIN:VEVENT", "this is not a line", "END:VEVENT"), "line 10"),
    "text after the end": (ics("BEGIN:VCALENDAR", "END:VCALENDAR", "hello: world"), "after"),
    "bad DTSTART": (bad_event("UID:b", "DTSTART:2025XX05T100000"), "DTSTART"),
    "impossible date": (bad_event("UID:b", "DTSTART:20250230T100000"), "DTSTART"),
    "no DTSTART": (bad_event("UID:b"), "no start"),
    "DTEND before DTSTART": (
        bad_event("UID:b", "DTSTART:20251105T100000Z", "DTEND:20251105T090000Z"),
        "ends before it starts",
    ),
    "all-day DTEND before DTSTART": (
        bad_event("UID:b", "DTSTART;VALUE=DATE:20251105", "DTEND;VALUE=DATE:20251103"),
        "ends before it starts",
    ),
    "negative DURATION": (
        bad_event("UID:b", "DTSTART:20251105T100000Z", "DURATION:-PT1H"),
        "ends before it starts",
    ),
    "date and time mixed": (
        bad_event("UID:b", "DTSTART;VALUE=DATE:20251105", "DTEND:20251106T100000Z"),
        "both dates or both times",
    ),
    "longer than 31 days": (
        bad_event("UID:b", "DTSTART;VALUE=DATE:20251101", "DTEND;VALUE=DATE:20251215"),
        "at most 31 days",
    ),
    "FREQ=YEARLY": (
        bad_event("UID:b", "DTSTART:20251105T100000Z", "RRULE:FREQ=YEARLY;BYMONTH=11"),
        "YEARLY",
    ),
    "FREQ=HOURLY": (bad_event("UID:b", "DTSTART:20251105T100000Z", "RRULE:FREQ=HOURLY"), "HOURLY"),
    "BYSETPOS": (
        bad_event(
            "UID:b", "DTSTART:20251105T100000Z", "RRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1"
        ),
        "BYSETPOS",
    ),
    "WKST=SU with an interval": (
        bad_event(
            "UID:b",
            "DTSTART;TZID=Asia/Shanghai:20251105T100000",
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,WE;WKST=SU",
        ),
        "repeat differently",
    ),
    "bad UNTIL": (
        bad_event("UID:b", "DTSTART:20251105T100000Z", "RRULE:FREQ=DAILY;UNTIL=2026123"),
        "RRULE cannot be read",
    ),
    "RDATE": (bad_event("UID:b", "DTSTART:20251105T100000Z", "RDATE:20251107T100000Z"), "RDATE"),
    "two RRULEs": (
        bad_event(
            "UID:b", "DTSTART:20251105T100000Z", "RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY;BYDAY=MO"
        ),
        "more than one",
    ),
    "unknown TZID": (bad_event("UID:b", "DTSTART;TZID=Mars/Olympus:20251105T100000"), "Mars"),
    "this and future": (
        bad_event(
            "UID:good-1",
            "DTSTART:20251105T100000Z",
            "RECURRENCE-ID;RANGE=THISANDFUTURE:20251105T100000Z",
        ),
        "all following",
    ),
    "same UID twice": (bad_event("UID:good-1", "DTSTART:20251105T100000Z"), "same UID"),
    "occurrence too long for the series": (
        bad_event(
            "UID:b",
            "DTSTART:20251105T100000Z",
            "DTEND:20251107T100000Z",
            "RRULE:FREQ=DAILY",
        ),
        "before the next one starts",
    ),
    "negative goal": (
        bad_event("UID:b", "DTSTART:20251105T100000Z", "X-CPLAN-ACTUAL-COST:-5"),
        "its X-CPLAN-ACTUAL-COST is not valid (goals and results cannot be negative)",
    ),
    "unknown kind": (
        bad_event("UID:b", "DTSTART:20251105T100000Z", "X-CPLAN-KIND:party"),
        "its X-CPLAN-KIND is not valid (choose content or activity)",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_imports_nothing_with_one_line(
    case: str, workspace: Workspace, community: str
) -> None:
    data, words = BAD_FILES[case]
    before = items(workspace)
    depth = len(workspace.history.undo_stack)
    with pytest.raises(IcsError) as raised:
        import_ics(workspace, data, community_id=community, default_tz=BERLIN, source="bad.ics")
    message = str(raised.value)
    assert "\n" not in message and message.startswith("bad.ics: ")
    assert words in message
    assert "Traceback" not in message and len(message) < 300
    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert items(workspace) == before
    assert len(workspace.history.undo_stack) == depth


def test_an_event_error_names_the_event(workspace: Workspace, community: str) -> None:
    data, _ = BAD_FILES["longer than 31 days"]
    with pytest.raises(IcsError) as raised:
        import_ics(workspace, data, community_id=community, default_tz=BERLIN)
    assert str(raised.value) == (
        "cannot import the event “坏的活动” (2025-11-01): An item can last at most 31 days; "
        "plan a longer programme as a series. Nothing was imported."
    )


def test_import_needs_a_live_community_and_a_zone(workspace: Workspace, community: str) -> None:
    with pytest.raises(NotFound):
        import_ics(workspace, ics(*GOOGLE), community_id="nope", default_tz="UTC")
    with pytest.raises(IcsError, match="not a time zone"):
        import_ics(workspace, ics(*GOOGLE), community_id=community, default_tz="Europe")
    delete_community(workspace, community)
    with pytest.raises(NotFound):
        import_ics(workspace, ics(*GOOGLE), community_id=community, default_tz="UTC")
    assert items(workspace) == []


# -- command line -------------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_file(workspace: Workspace, sample: dict[str, str]) -> Path:
    """The sample workspace, closed, as a file the CLI can open."""
    path = workspace.path
    workspace.close()
    return path


def test_cli_export_writes_a_calendar(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.ics"
    code, stdout, err = run(["export-ics", str(sample_file), "-o", str(out)], capsys)
    assert (code, err) == (0, "")
    assert stdout == f"Wrote 8 events to {out}\n"
    assert len(events(out.read_bytes())) == 8
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_cli_export_filters(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "some.ics"
    argv = ["export-ics", str(sample_file), "--from", "2025-11-04", "--to", "2025-11-04"]
    code, stdout, _ = run([*argv, "-o", str(out)], capsys)
    assert code == 0 and stdout.startswith("Wrote 6 events")
    titles = {str(e["SUMMARY"]) for e in events(out.read_bytes())}
    assert titles == {
        "早报 Morning digest",
        "早报（推迟）",
        "训练营 Camp",
        LONG_TITLE,
        "月度复盘",
        "周末打卡",
    }
    code, stdout, _ = run(
        ["export-ics", str(sample_file), "--community", "家长群", "-o", str(out)], capsys
    )
    assert code == 0 and stdout.startswith("Wrote 1 event to")
    assert [str(e["SUMMARY"]) for e in events(out.read_bytes())] == ["家长答疑"]
    code, _, _ = run(
        [
            "export-ics",
            str(sample_file),
            "--community",
            "家长群",
            "--community",
            "读书会",
            "--from",
            "2025-12-01",
            "-o",
            str(out),
        ],
        capsys,
    )
    assert code == 0
    assert {str(e["SUMMARY"]) for e in events(out.read_bytes())} == {
        "家长答疑",
        "早报 Morning digest",
        "早报（推迟）",  # a series comes with its changed occurrences
        LONG_TITLE,
        "月度复盘",
    }


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--community", "Nobody"], "No community called “Nobody”"),
        (["--community", "Old group"], "No community called “Old group”"),
        (["--from", "2025-12-01", "--to", "2025-11-01"], "is before --from"),
    ],
)
def test_cli_export_bad_input_exits_2_and_writes_nothing(
    extra: list[str],
    words: str,
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "keep.ics"
    out.write_bytes(b"precious")
    code, stdout, err = run(["export-ics", str(sample_file), *extra, "-o", str(out)], capsys)
    assert (code, stdout) == (2, "")
    assert err.startswith("planner: ") and err.count("\n") == 1 and words in err
    assert out.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".keep")] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--from", "2025-13-01"],
        ["--to", "tomorrow"],
        [],  # no -o
    ],
)
def test_cli_export_usage_errors(
    argv: list[str], sample_file: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = ["-o", str(tmp_path / "x.ics")] if argv else []
    with pytest.raises(SystemExit) as exited:
        cli.main(["export-ics", str(sample_file), *argv, *output])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert not (tmp_path / "x.ics").exists()


def test_cli_export_into_a_missing_folder(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["export-ics", str(sample_file), "-o", str(tmp_path / "nope" / "x.ics")], capsys
    )
    assert code == 2 and "no such folder" in err and err.count("\n") == 1


def test_cli_import_and_import_again(
    workspace: Workspace,
    community: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", SHANGHAI)  # the default zone: local_timezone()
    path = workspace.path
    workspace.close()
    source = tmp_path / "google.ics"
    source.write_bytes(ics(*GOOGLE))
    argv = ["import-ics", str(path), str(source), "--community", "读书会"]
    code, stdout, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert stdout == "Imported 7 new, 0 updated, 0 unchanged events into “读书会”.\n"
    code, stdout, _ = run(argv, capsys)
    assert stdout == "Imported 0 new, 0 updated, 7 unchanged events into “读书会”.\n"
    floating = tmp_path / "floating.ics"
    floating.write_bytes(one_event("UID:f", "DTSTART:20251105T100000", "SUMMARY:Floating"))
    run(["import-ics", str(path), str(floating), "--community", "读书会"], capsys)
    out = tmp_path / "back.ics"
    assert run(["export-ics", str(path), "-o", str(out)], capsys)[0] == 0
    found = {str(e["SUMMARY"]): e for e in events(out.read_bytes())}
    assert found["Floating"]["DTSTART"].to_ical() == b"20251105T100000"
    assert found["Floating"]["DTSTART"].params["TZID"] == SHANGHAI
    assert found["Guest share with 张老师"]["DTSTART"].dt == datetime(
        2025, 11, 5, 20, tzinfo=ZoneInfo(SHANGHAI)
    )


@pytest.mark.parametrize(
    ("make", "extra", "words"),
    [
        (lambda p: p.write_bytes(b"<html></html>"), [], "not an iCalendar"),
        (lambda p: p.write_bytes(b""), [], "empty"),
        (lambda p: None, [], "no such file"),
        (lambda p: p.mkdir(), [], "is a folder"),
        (lambda p: p.write_bytes(ics(*GOOGLE)), ["--community", "Nobody"], "No community"),
    ],
    ids=["html", "empty", "missing", "folder", "unknown community"],
)
def test_cli_import_bad_input_exits_2_and_imports_nothing(
    make: Any,
    extra: list[str],
    words: str,
    workspace: Workspace,
    community: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = workspace.path
    workspace.close()
    source = tmp_path / "in.ics"
    make(source)
    argv = ["import-ics", str(path), str(source), *(extra or ["--community", "读书会"])]
    code, stdout, err = run(argv, capsys)
    assert (code, stdout) == (2, "")
    assert err.startswith("planner: ") and err.count("\n") == 1 and words in err
    out = tmp_path / "check.ics"
    assert run(["export-ics", str(path), "-o", str(out)], capsys)[0] == 0
    assert events(out.read_bytes()) == []


def test_cli_import_needs_a_community(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["import-ics", str(workspace.path), str(tmp_path / "x.ics")])
    assert exited.value.code == 2
    assert "--community" in capsys.readouterr().err


def test_help_names_the_ics_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "export-ics" in out and "import-ics" in out


def test_export_works_while_the_app_has_the_workspace_open(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.calendar import create_item
    from planner.cli import main
    from planner.communities import create_community
    from planner.workspace import create_workspace

    path = tmp_path / "busy.cplan"
    with create_workspace(path, device_id="app", lock_dir=paths.lock_dir) as ws:
        community, _ = create_community(ws, {"name": "读书会"})
        create_item(
            ws,
            {
                "community_id": community,
                "kind": "content",
                "item_type": "live_class",
                "title": "刚加的直播",
                "start": datetime(2026, 11, 25, 20),
                "end": datetime(2026, 11, 25, 21),
                "tz": "Asia/Shanghai",
            },
        )
        out = tmp_path / "out.ics"
        assert main(["export-ics", str(path), "-o", str(out)]) == 0
        assert "刚加的直播" in out.read_bytes().decode("utf-8")
    capsys.readouterr()
