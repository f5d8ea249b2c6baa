"""The iCalendar export writes its VEVENTs itself: it must say what icalendar said.

``_old_export_ics`` below is the export as it was, every event built as an
icalendar component; the comparisons parse both outputs with
``icalendar.Calendar.from_ical`` and compare them property by property (name,
value type, value, parameters), for the sample workspace, a small generated
one and one holding every kind of event and awkward text. The other tests
check the file itself (folding, line ends) and the progress and cancel hooks.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Component, Event, vRecur, vText

from planner.calendar import (
    TABLE,
    CalendarItem,
    EditScope,
    create_item,
    delete_occurrence,
    format_time,
    occurrences_between,
    update_occurrence,
)
from planner.communities import create_community, list_communities
from planner.errors import Cancelled
from planner.ics import import_ics
from planner.ics_export import PRODID, STATUS_TO_ICAL, X_COMMUNITY, X_FIELDS, export_ics
from planner.ics_zones import vtimezone
from planner.paths import AppPaths
from planner.recurrence import Recurrence
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

NOW = datetime(2026, 3, 1, 9, 30, 15, tzinfo=UTC)


# -- the export as it was (icalendar components) ---------------------------------------------


def _old_export_ics(
    ws: Workspace,
    *,
    start: date | None = None,
    end: date | None = None,
    community_ids: Collection[str] | None = None,
    now: datetime | None = None,
) -> bytes:
    communities = {c.id: c.name for c in list_communities(ws)}
    if community_ids is not None:
        communities = {k: v for k, v in communities.items() if k in set(community_ids)}
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("X-WR-CALNAME", vText(ws.name))
    zones: set[str] = set()
    span: list[date] = []
    items, overrides = _old_export_rows(ws, communities, start, end)
    for row in items:
        item = CalendarItem.from_row(row)
        cal.add_component(_old_event(item, row, item, communities[item.community_id], stamp))
        _old_note_zones(item, item, zones, span)
        for override_row in overrides.get(item.id, []):
            override = CalendarItem.from_row(override_row)
            community = communities[item.community_id]
            cal.add_component(_old_event(override, override_row, item, community, stamp))
            _old_note_zones(override, item, zones, span)
    if zones:
        first = max(min(span), date(1901, 1, 2)) - timedelta(days=1)
        last = min(max([*span, stamp.date()]), date(2189, 1, 1)) + timedelta(days=3653)
        cal.subcomponents[:0] = [vtimezone(name, first, last) for name in sorted(zones)]
    data: bytes = cal.to_ical()
    return data


def _old_export_rows(
    ws: Workspace, communities: dict[str, str], start: date | None, end: date | None
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    if not communities:
        return [], {}
    ids = sorted(communities)
    marks = ",".join("?" * len(ids))
    lo = format_time(datetime.combine(start, time())) if start else "0000"
    hi = format_time(datetime.combine(end + timedelta(days=1), time())) if end else "9999"
    base = f"SELECT * FROM {TABLE} WHERE deleted = 0 AND community_id IN ({marks}) "
    items = list(
        ws.db.query(
            base + "AND series_id IS NULL AND ("
            "(rrule = '' AND starts_at < ? AND ends_at > ?) OR "
            "(rrule != '' AND starts_at < ? AND (last_ends_at IS NULL OR last_ends_at > ?)) OR "
            f"(rrule != '' AND id IN (SELECT series_id FROM {TABLE} WHERE deleted = 0 "
            "AND series_id IS NOT NULL AND starts_at < ? AND ends_at > ?))"
            ") ORDER BY starts_at, id",
            [*ids, hi, lo, hi, lo, hi, lo],
        )
    )
    overrides: dict[str, list[dict[str, Any]]] = {}
    series_ids = [row["id"] for row in items if row["rrule"]]
    for chunk in range(0, len(series_ids), 500):
        part = series_ids[chunk : chunk + 500]
        for row in ws.db.query(
            f"SELECT * FROM {TABLE} WHERE deleted = 0 "
            f"AND series_id IN ({','.join('?' * len(part))}) ORDER BY recurrence_id, id",
            part,
        ):
            overrides.setdefault(row["series_id"], []).append(row)
    return items, overrides


def _old_note_zones(
    item: CalendarItem, series: CalendarItem, zones: set[str], span: list[date]
) -> None:
    if not item.all_day and item.tz != "UTC":
        zones.add(item.tz)
    if item.is_override and not series.all_day and series.tz != "UTC":
        zones.add(series.tz)
    span.append(item.start.date())
    span.append((item.last_end or item.end).date())


def _old_ical_time(moment: datetime, tz: str, all_day: bool) -> date | datetime:
    if all_day:
        return moment.date()
    return moment.replace(tzinfo=UTC if tz == "UTC" else ZoneInfo(tz))


def _old_event(
    item: CalendarItem, row: dict[str, Any], series: CalendarItem, community: str, stamp: datetime
) -> Event:
    event = Event()
    event.add("UID", series.id)
    event.add("DTSTAMP", stamp)
    event.add("LAST-MODIFIED", datetime.fromtimestamp(row["updated_at"] // 1000, UTC))
    event.add("SEQUENCE", max(row["updated_at"] // 1000 - row["created_at"] // 1000, 0))
    event.add("DTSTART", _old_ical_time(item.start, item.tz, item.all_day))
    event.add("DTEND", _old_ical_time(item.end, item.tz, item.all_day))
    if item.recurrence is not None:
        event.add("RRULE", vRecur.from_ical(_old_rrule_text(item)))
        if item.exdates:
            event.add(
                "EXDATE", [_old_ical_time(d, item.tz, item.all_day) for d in sorted(item.exdates)]
            )
    if item.recurrence_id is not None:
        event.add("RECURRENCE-ID", _old_ical_time(item.recurrence_id, series.tz, series.all_day))
    event.add("SUMMARY", item.title)
    if item.description:
        event.add("DESCRIPTION", item.description)
    if item.location:
        event.add("LOCATION", item.location)
    event.add("STATUS", STATUS_TO_ICAL.get(item.status, "CONFIRMED"))
    values = item.values()
    for name, prop in X_FIELDS.items():
        value = values[name]
        if value is not None and value != "":
            event.add(prop, vText(str(value)))
    event.add(X_COMMUNITY, vText(community))
    return event


def _old_rrule_text(item: CalendarItem) -> str:
    assert item.recurrence is not None
    rule = item.recurrence
    parts = [p for p in rule.to_rrule().split(";") if not p.startswith("UNTIL=")]
    if rule.until is not None:
        if item.all_day:
            until = f"{rule.until:%Y%m%d}"
        else:
            last = datetime.combine(rule.until, time(23, 59, 59), ZoneInfo(item.tz))
            until = f"{last.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        parts.append("UNTIL=" + until)
    return ";".join(parts)


# -- comparing two files property by property -------------------------------------------------


def _properties(component: Component) -> list[tuple[str, str, bytes, str, list[Any]]]:
    """Each property of ``component`` (not of its subcomponents): name, value type,
    value as written, value as read (unescaped text, times...) and parameters."""
    found = []
    for name, values in component.items():
        for value in values if isinstance(values, list) else [values]:
            params = sorted(getattr(value, "params", {}).items())
            read = getattr(value, "dt", None) or getattr(value, "dts", None) or str(value)
            found.append((name, type(value).__name__, value.to_ical(), repr(read), params))
    return sorted(found)


def _key(component: Component) -> tuple[str, str, str]:
    uid = component.get("UID") or component.get("TZID")
    original = component.get("RECURRENCE-ID")
    return (component.name, str(uid), original.to_ical().decode() if original else "")


def assert_same_calendar(old: bytes, new: bytes) -> int:
    """The two files hold the same components with the same properties; returns
    how many events they hold."""
    old_cal, new_cal = Calendar.from_ical(old), Calendar.from_ical(new)
    assert _properties(new_cal) == _properties(old_cal)
    old_parts = [(_key(c), c) for c in old_cal.subcomponents]
    new_parts = [(_key(c), c) for c in new_cal.subcomponents]
    assert [k for k, _ in new_parts] == [k for k, _ in old_parts]  # same components, same order
    for (key, old_part), (_, new_part) in zip(old_parts, new_parts, strict=True):
        assert _properties(new_part) == _properties(old_part), key
        old_subs = [_properties(s) for s in old_part.subcomponents]
        assert [_properties(s) for s in new_part.subcomponents] == old_subs, key
    return sum(1 for c in new_cal.subcomponents if c.name == "VEVENT")


def both(ws: Workspace, **kwargs: Any) -> tuple[bytes, bytes]:
    return _old_export_ics(ws, now=NOW, **kwargs), export_ics(ws, now=NOW, **kwargs)


def assert_physical_lines_ok(data: bytes) -> None:
    """CRLF line ends only; no line over 75 octets; no UTF-8 character split by a fold."""
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\r" not in line and b"\n" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # raises if a fold split a character


# -- workspaces -----------------------------------------------------------------------------------


@pytest.fixture
def sample_ws(sample_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir)
    yield ws
    ws.close()


@pytest.fixture
def generated_ws(tmp_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    """A small workspace from the benchmark generator (series and one-offs, goals)."""
    generate = pytest.importorskip("bench.generate").generate
    path = tmp_path / "generated.cplan"
    generate(
        path,
        communities=6,
        items=400,
        series=40,
        days=3,
        templates=2,
        today=date(2026, 3, 1),
        lock_dir=paths.lock_dir,
    )
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
    yield ws
    ws.close()


# Text that needs escaping, folds in awkward places, or is not ASCII.
BACKSLASHES = "C:\\Users\\小王\\ new\\n folder; a, b"
FOLD_AT_ESCAPE = "x" * 60 + ",;\\" * 12 + "^" * 5 + "end"
WIDE = "社群运营🚀周报：" * 9 + "é" * 40
NOTES = "第一行\n第二行; 逗号, 反斜杠 \\ 结束\r\n\r\nWindows line\rOld Mac line\n"


@pytest.fixture
def tricky(workspace: Workspace) -> Workspace:
    """One of every kind of event, with text that must be escaped and folded."""
    ws = workspace
    main, _ = create_community(ws, {"name": "运营; 社群, \\ Main"})
    other, _ = create_community(ws, {"name": "Other " + "长名字" * 24})

    def item(**values: Any) -> str:
        base = {"community_id": main, "item_type": "other", "tz": "Europe/Berlin"}
        item_id, _ = create_item(ws, base | values)
        return item_id

    series = item(
        title="Weekly " + BACKSLASHES,
        start=datetime(2026, 1, 5, 9),
        end=datetime(2026, 1, 5, 10),
        description=NOTES,
        location=WIDE,
        owner="Li, Wei; 小王",
        speaker=FOLD_AT_ESCAPE,
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260430"),
    )
    occs = [
        o
        for o in occurrences_between(ws, datetime(2026, 1, 1), datetime(2026, 3, 1))
        if o.series is not None and o.series.id == series
    ]
    update_occurrence(
        ws,
        occs[2],
        {
            "title": "Moved " + WIDE[:40],
            "start": occs[2].start + timedelta(hours=30),
            "end": occs[2].end + timedelta(hours=30),
            "status": "ready",
            "description": "",
        },
        EditScope.THIS,
    )
    delete_occurrence(ws, occs[4], EditScope.THIS)
    delete_occurrence(ws, occs[6], EditScope.THIS)
    all_day = item(
        title="全天 series",
        all_day=True,
        start=datetime(2026, 2, 2),
        end=datetime(2026, 2, 3),
        tz="Asia/Shanghai",
        recurrence=Recurrence.parse("FREQ=DAILY;INTERVAL=3;COUNT=10"),
    )
    days = [
        o
        for o in occurrences_between(ws, datetime(2026, 2, 1), datetime(2026, 4, 1))
        if o.series is not None and o.series.id == all_day
    ]
    delete_occurrence(ws, days[1], EditScope.THIS)
    update_occurrence(ws, days[3], {"title": "全天 moved", "status": "idea"}, EditScope.THIS)
    utc = item(
        title="UTC monthly",
        start=datetime(2026, 1, 31, 23, 30),
        end=datetime(2026, 2, 1, 0, 15),
        tz="UTC",
        recurrence=Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=-1;INTERVAL=2"),
    )
    months = [
        o
        for o in occurrences_between(ws, datetime(2026, 1, 1), datetime(2026, 12, 1))
        if o.series is not None and o.series.id == utc
    ]
    delete_occurrence(ws, months[1], EditScope.THIS)
    update_occurrence(
        ws,
        months[2],
        {"start": months[2].start + timedelta(days=1), "end": months[2].end + timedelta(days=1)},
        EditScope.THIS,
    )
    # Zones icalendar takes for UTC: written as Z times, as it did.
    for zone in ("Etc/UTC", "Africa/Abidjan"):
        item(
            title=f"In {zone}",
            start=datetime(2026, 3, 3, 8),
            end=datetime(2026, 3, 3, 9),
            tz=zone,
            recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=TU;COUNT=3"),
        )
    item(
        title="Nth weekday",
        start=datetime(2026, 1, 13, 20),
        end=datetime(2026, 1, 13, 21),
        tz="America/New_York",
        recurrence=Recurrence.parse("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231"),
    )
    item(
        community_id=other,
        kind="activity",
        item_type="paid",
        title="Camp",
        all_day=True,
        start=datetime(2026, 4, 1),
        end=datetime(2026, 4, 4),
        status="cancelled",
        planned_participants=100,
        actual_participants=87,
        planned_revenue=1200.5,
        actual_revenue=0,
        planned_cost=300,
    )
    item(
        title="Years ago",  # the VTIMEZONEs start with the first event
        start=datetime(2019, 12, 31, 10),
        end=datetime(2019, 12, 31, 11),
        tz="Australia/Lord_Howe",
    )
    return ws


# -- the same events as before ---------------------------------------------------------------------


def test_the_sample_workspace_exports_as_before(sample_ws: Workspace) -> None:
    ws = sample_ws
    old, new = both(ws)
    assert assert_same_calendar(old, new) >= 10
    community = list_communities(ws)[0].id
    for kwargs in (
        {"start": date(2026, 1, 1), "end": date(2026, 12, 31)},
        {"community_ids": [community]},
        {"start": date(1990, 1, 1), "end": date(1990, 1, 2)},  # nothing: no VTIMEZONE either
    ):
        assert_same_calendar(*both(ws, **kwargs))
    assert_physical_lines_ok(new)


def test_a_generated_workspace_exports_as_before(generated_ws: Workspace) -> None:
    old, new = both(generated_ws)
    assert assert_same_calendar(old, new) == 400
    old, new = both(generated_ws, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert 40 < assert_same_calendar(old, new) < 400
    assert_physical_lines_ok(new)


def test_every_kind_of_event_and_awkward_text_export_as_before(tricky: Workspace) -> None:
    old, new = both(tricky)
    events = assert_same_calendar(old, new)
    assert events == 11  # 8 series and one-offs, 3 moved occurrences (see ``tricky``)
    text = new.decode("utf-8").replace("\r\n ", "")
    for needed in (
        "EXDATE;TZID=Europe/Berlin:",
        "EXDATE;VALUE=DATE:",
        "EXDATE:2026",  # UTC
        "RECURRENCE-ID;TZID=Europe/Berlin:",
        "RECURRENCE-ID;VALUE=DATE:",
        "RECURRENCE-ID:2026",
        "DTSTART:20260303T080000Z",  # Etc/UTC, Africa/Abidjan
        "UNTIL=20260430T215959Z",
        "X-CPLAN-PLANNED-REVENUE:1200.5",
        "X-CPLAN-ACTUAL-REVENUE:0",
    ):
        assert needed in text, needed
    assert_physical_lines_ok(new)
    assert max(len(line) for line in new.split(b"\r\n")) == 75  # folded lines are full


def test_the_text_reads_back_as_written(tricky: Workspace) -> None:
    cal = Calendar.from_ical(export_ics(tricky, now=NOW))
    series = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("Weekly"))
    assert str(series["SUMMARY"]) == "Weekly " + BACKSLASHES
    # Line breaks of every kind are written as \n (a CR alone would end the line).
    assert str(series["DESCRIPTION"]) == NOTES.strip().replace("\r\n", "\n").replace("\r", "\n")
    assert str(series["LOCATION"]) == WIDE
    assert cal["X-WR-CALNAME"] == tricky.name


def test_a_backslash_before_n_survives(workspace: Workspace) -> None:
    """icalendar wrote ``C:\\Notes`` as ``C:\\notes``, read back as a line break;
    now every backslash is escaped, so the text comes back as it was."""
    ws = workspace
    community, _ = create_community(ws, {"name": "A"})
    copy, _ = create_community(ws, {"name": "B"})
    title = "C:\\Notes\\New and \\N"
    create_item(
        ws,
        {
            "community_id": community,
            "item_type": "other",
            "title": title,
            "description": title,
            "start": datetime(2026, 1, 5, 9),
            "end": datetime(2026, 1, 5, 10),
            "tz": "UTC",
        },
    )
    data = export_ics(ws, community_ids=[community], now=NOW)
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]) == title
    import_ics(ws, data, community_id=copy, default_tz="UTC")
    imported = ws.db.execute(
        "SELECT title, description FROM calendar_items WHERE community_id = ?", [copy]
    ).fetchall()
    assert [tuple(r) for r in imported] == [(title, title)]


ALPHABET = st.sampled_from(
    [
        "a",
        "Z",
        " ",
        "\\",
        ";",
        ",",
        ":",
        "\n",
        "\r",
        "^",
        '"',
        "N",
        "n",
        "中",
        "文",
        "😀",
        "é",
        "\t",
    ]
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(ALPHABET, min_size=1, max_size=120))
def test_any_text_exports_as_before(workspace: Workspace, text: str) -> None:
    _check_text(workspace, text)


@pytest.mark.long
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(ALPHABET, min_size=1, max_size=400))
def test_any_text_exports_as_before_many(workspace: Workspace, text: str) -> None:
    _check_text(workspace, text)


def _check_text(ws: Workspace, text: str) -> None:
    # icalendar's own writer turned \N into a line break (the location repeats the text).
    assume("\\N" not in text * 2)
    assume(" ".join(text.split()))  # a title needs a letter
    # Only this example's item and community are live.
    ws.db.execute(f"UPDATE {TABLE} SET deleted = 1")
    ws.db.execute("UPDATE communities SET deleted = 1")
    community, _ = create_community(ws, {"name": "c"})
    create_item(
        ws,
        {
            "community_id": community,
            "item_type": "other",
            "title": text[:200],
            "description": text,
            "location": text * 2,
            "owner": text,
            "speaker": text,
            "start": datetime(2026, 1, 5, 9),
            "end": datetime(2026, 1, 5, 10),
            "tz": "Europe/Berlin",
        },
    )
    ws.db.execute("UPDATE communities SET name = ? WHERE id = ?", [text, community])
    old, new = both(ws)
    assert assert_same_calendar(old, new) == 1
    assert_physical_lines_ok(new)


# -- progress and cancel ---------------------------------------------------------------------------


def test_progress_counts_the_events(generated_ws: Workspace) -> None:
    seen: list[tuple[int, int]] = []
    data = export_ics(
        generated_ws, now=NOW, progress=lambda done, total: seen.append((done, total))
    )
    events = data.count(b"BEGIN:VEVENT")
    assert seen[0] == (0, events) and seen[-1] == (events, events)
    assert len(seen) >= 3  # some on the way
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert {total for _, total in seen} == {events}


def test_cancel_stops_the_export(generated_ws: Workspace) -> None:
    seen: list[int] = []
    with pytest.raises(Cancelled):
        export_ics(
            generated_ws,
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: bool(seen),  # once it has started
        )
    assert seen == [0]
    # Not asked to stop: the whole calendar, as without the hooks.
    whole = export_ics(generated_ws, now=NOW, cancelled=lambda: False)
    assert whole == export_ics(generated_ws, now=NOW)


def test_an_empty_calendar(workspace: Workspace) -> None:
    seen: list[tuple[int, int]] = []
    old, new = both(workspace)
    assert assert_same_calendar(old, new) == 0
    export_ics(workspace, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (0, 0)
