"""The quick paths of the iCalendar import do what the plain ones do.

- ``_read_quickly`` (our own line splitting) gives the events icalendar's
  parser gives (the same properties, values, parameters and errors), or
  declines (None) and leaves the file to icalendar;
- ``write_all`` (rows read and written in bulk) records the same Change, row
  for row, as :func:`planner.ics_import.write` event by event: new rows,
  updates, tombstones brought back, and an item written twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Event, Timezone

import planner.ics
from planner import ics_import
from planner.communities import create_community
from planner.demo import write_demo
from planner.ics import export_ics, import_ics
from planner.workspace import Edit, open_workspace
from tests.conftest import DEVICE

ZONE = "Asia/Shanghai"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    folder = tmp_path_factory.mktemp("fast")
    path = folder / "sample.cplan"
    write_demo(path, device_id=DEVICE, lock_dir=folder / "locks")
    with open_workspace(path, device_id=DEVICE, lock_dir=folder / "locks") as ws:
        data = export_ics(ws)
    return path, data


def by_icalendar(text: str) -> tuple[list[Event], dict[str, Timezone]]:
    """What read_calendar returns the plain way, without the quick path."""
    return ics_import._read_by_icalendar(text, "test.ics")


def dt_of(value: Any) -> str:
    try:
        return repr(getattr(value, "dt", None))
    except ValueError as exc:  # a broken property (BrokenCalendarProperty) says why
        return f"broken: {exc}"


def signature(events: list[Event]) -> list[Any]:
    def one(value: Any) -> Any:
        if isinstance(value, list):
            return [one(v) for v in value]
        return (
            type(value).__name__,
            repr(value),
            dict(getattr(value, "params", {})),
            dt_of(value),
        )

    return [
        (
            list(event.keys()),
            [one(v) for v in event.values()],
            event.errors,
            len(event.subcomponents),
        )
        for event in events
    ]


def test_the_sample_is_read_quickly_as_icalendar_reads_it(sample: tuple[Path, bytes]) -> None:
    text = sample[1].decode("utf-8")
    quick = ics_import._read_quickly(text)
    assert quick is not None  # our own export takes the quick path
    events, zones = by_icalendar(text)
    assert signature(quick[0]) == signature(events)
    assert list(quick[1]) == list(zones) and zones


ODD_LINES = [
    "SUMMARY:a\\, b\\; c\\n d\\\\ e",
    "DESCRIPTION;LANGUAGE=zh:说明\\nline",
    'LOCATION;ALTREP="http://x.example/a:b":Room 1',
    "X-CPLAN-OWNER:Ann\\, Bob",
    "X-CPLAN-PLANNED-PARTICIPANTS:12",
    "DTSTAMP:20261301T250000Z",
    "DTSTART:2026-11-23",
    "DTEND;VALUE=DATE:20261124",
    "DTSTART;TZID=Nowhere/Odd:20261123T100000",
    'DTEND;TZID="Asia/Shanghai":20261123T110000',
    "SEQUENCE:x",
    "CATEGORIES:a,b\\,c",
    "RDATE:",
    "EXDATE;TZID=Asia/Shanghai:20261124T100000,20261125T100000",
    "DURATION:PT1H",
    "RRULE:FREQ=WEEKLY;BYDAY=XX",
    "no colon here",
    "X-EMPTY;:value",
    'ATTENDEE;CN="Li, Lei";ROLE=REQ-PARTICIPANT:mailto:li@example.com',
    "summary:lower case name",
    "BEGIN:VALARM",
    "END:VALARM",
    "STATUS:TENTATIVE",
    "UID:",
]


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_odd_lines_are_read_quickly_as_icalendar_reads_them(
    sample: tuple[Path, bytes], data: st.DataObject
) -> None:
    lines = sample[1].decode("utf-8").split("\r\n")
    starts = [i for i, line in enumerate(lines) if line == "BEGIN:VEVENT"]
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.sampled_from(starts)) + data.draw(st.integers(1, 6))
        odd = data.draw(st.sampled_from(ODD_LINES))
        if data.draw(st.booleans()):
            lines.insert(at, odd)
        else:
            lines[at] = odd
    text = "\r\n".join(lines)
    quick = ics_import._read_quickly(text)
    try:
        events, zones = by_icalendar(text)
    except ics_import.IcsError:
        assert quick is None  # icalendar refuses it: the usual way says why
        return
    if quick is not None:
        assert signature(quick[0]) == signature(events)
        assert list(quick[1]) == list(zones)


def one_by_one(edit: Edit, plans: list[Any], *_: Any) -> dict[str, int]:
    """write_all as it was: write() for every plan."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    written: dict[str, str] = {}
    for plan in plans:
        if plan.series_uid is not None:
            plan.row["series_id"] = written[plan.series_uid]
        outcome, row_id = ics_import.write(edit, plan)
        if plan.parsed.recurrence_id is None:
            written[plan.parsed.uid] = row_id
        counts[outcome] += 1
    return counts


STAMPS = ("created_at", "updated_at")


def comparable(change: Any) -> list[Any]:
    def image(row: dict[str, Any] | None) -> Any:
        return None if row is None else {k: v for k, v in row.items() if k not in STAMPS}

    return [(r.table, r.id, image(r.before), image(r.after)) for r in change.rows]


def run_imports(folder: Path, source: Path, data: bytes) -> list[Any]:
    """The Changes of: an import, again (nothing), edited, undone then again (tombstones)."""
    shutil.copy(source, folder / "ws.cplan")
    changes: list[Any] = []
    with open_workspace(folder / "ws.cplan", device_id=DEVICE, lock_dir=folder / "locks") as ws:
        community_id, _ = create_community(ws, {"name": "目标"}, checklist=False)
        # Community ids are fresh: give the target the same id in both runs.
        ws.db.execute("PRAGMA foreign_keys = OFF")
        ws.db.execute("UPDATE communities SET id = 'target' WHERE id = ?", [community_id])
        ws.db.execute("PRAGMA foreign_keys = ON")

        def run(payload: bytes) -> None:
            result = import_ics(ws, payload, community_id="target", default_tz=ZONE, source="s")
            changes.append((result.added, result.updated, result.unchanged))
            changes.append(comparable(result.change))

        run(data)
        run(data)
        edited = data.replace(b"SUMMARY:", b"SUMMARY:new ", 3)
        # Two events that are one item: one by UID, one by the item's id.
        run(edited)
        ws.undo()
        ws.undo()
        run(data)  # the derived ids are tombstones now: brought back
    return changes


def test_bulk_writes_record_the_change_write_records(
    sample: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, data = sample
    (tmp_path / "bulk").mkdir()
    (tmp_path / "plain").mkdir()
    monkeypatch.setattr(ics_import, "_READ_CHUNK", 7)  # several reads and flushes
    bulk = run_imports(tmp_path / "bulk", path, data)
    monkeypatch.setattr(planner.ics, "write_all", one_by_one)
    plain = run_imports(tmp_path / "plain", path, data)
    assert bulk == plain
    added, updated, unchanged = bulk[0]
    assert added > 5 and bulk[2] == (0, 0, added)
    assert bulk[4][1] == 3 and bulk[-2][0] == added
    assert bulk[-1] and all(row[2] is not None for row in bulk[-1])  # brought back


def test_an_event_without_uid_with_two_starts_is_refused_in_one_line(tmp_path: Path) -> None:
    # Found by test_fuzz_ics --long: this raised AttributeError ('list' ... 'to_ical').
    from planner.ics import IcsError
    from planner.workspace import create_workspace

    ws = create_workspace(tmp_path / "w.cplan", device_id=DEVICE, lock_dir=tmp_path / "locks")
    try:
        community_id, _ = create_community(ws, {"name": "读书会"}, checklist=False)
        data = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nSUMMARY:读书\r\n"
            "DTSTART:20261112T120000Z\r\nDTSTART:20261117T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ).encode()
        with pytest.raises(IcsError) as refused:
            import_ics(ws, data, community_id=community_id, default_tz=ZONE, source="two.ics")
        message = str(refused.value)
        assert message.startswith("two.ics: cannot import the event “读书”")
        assert "start (DTSTART)" in message and "\n" not in message
    finally:
        ws.close()
