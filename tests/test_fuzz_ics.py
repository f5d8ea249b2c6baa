"""Fuzzing iCalendar import with damaged and odd calendars.

A real calendar (the sample workspace exported) is damaged byte by byte and
line by line, its property values replaced by random or hostile ones (dates
that do not exist, unknown TZIDs, odd RRULEs), and its line folding broken.
Whatever comes in, ``import_ics``:

- returns a result, or raises one of the project's own errors with one clear line;
- when it refuses, leaves the workspace exactly as it was (nothing imported);
- and ``planner import-ics`` exits 1 or 2 with one line on stderr, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from planner.communities import create_community
from planner.demo import write_demo
from planner.errors import PlannerError
from planner.ics import export_ics, import_ics
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE
from tests.fuzz_common import LONG, QUICK, assert_planner_error, workspace_digest
from tests.test_fuzz_workspace import assert_clean_cli, run_cli

ZONE = "Asia/Shanghai"


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The sample workspace's calendar as an .ics file (zones, series, overrides)."""
    folder = tmp_path_factory.mktemp("ics")
    write_demo(folder / "sample.cplan", device_id=DEVICE, lock_dir=folder / "locks")
    with open_workspace(
        folder / "sample.cplan", device_id=DEVICE, lock_dir=folder / "locks", read_only=True
    ) as ws:
        data = export_ics(ws)
    assert data.count(b"BEGIN:VEVENT") > 5
    return data


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, str]]:
    """A workspace with one community to import into (shared by the examples)."""
    folder = tmp_path_factory.mktemp("target")
    ws = create_workspace(folder / "target.cplan", device_id=DEVICE, lock_dir=folder / "locks")
    community_id, _ = create_community(ws, {"name": "读书会"})
    yield ws, community_id
    ws.close()


# -- damage ---------------------------------------------------------------------------------

BAD_VALUES = [
    "",
    " ",
    "20261301T250000",
    "20260230",
    "00000000T000000Z",
    "99991231T235959Z",
    "2026-11-23T10:00:00",
    "20261123T100000ZZ",
    "P",
    "-P1D",
    "P99999999W",
    "FREQ=SECONDLY",
    "FREQ=WEEKLY;BYDAY=XX",
    "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=-1",
    "FREQ=DAILY;UNTIL=garbage",
    "FREQ=YEARLY;BYSETPOS=400;BYDAY=MO",
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=SU,MO",
    "FREQ=DAILY;COUNT=99999999999999999999",
    "FREQ=MINUTELY;BYHOUR=25",
    "Mars/Olympus_Mons",
    "/vendor/Europe/Nowhere",
    "Europe",
    "../../etc/passwd",
    "W. Europe Standard Time",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e\u2028",
    "\\n\\N\\;\\,\\\\",
    "a" * 5000,
    "TENTATIVE",
    "X-UNKNOWN",
    "content",
    "activity",
    "-1",
    "1e309",
    "BEGIN:VEVENT",
    "END:VCALENDAR",
]
PARAMS = [";TZID=Mars/Olympus", ";TZID=", ";VALUE=DATE", ";VALUE=PERIOD", ";RANGE=THISANDFUTURE"]
NAMES = [
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "EXDATE",
    "RDATE",
    "EXRULE",
    "RECURRENCE-ID",
    "UID",
    "SUMMARY",
    "STATUS",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "X-CPLAN-KIND",
    "X-CPLAN-TYPE",
    "X-CPLAN-STATUS",
    "X-CPLAN-TZ",
    "X-CPLAN-GOAL-MEMBERS",
]

text_values = st.one_of(
    st.sampled_from(BAD_VALUES),
    st.text(max_size=40),
    st.from_regex(r"[0-9]{8}(T[0-9]{6}Z?)?", fullmatch=True),
)

op = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 2**31), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 2**31), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 2**31), st.integers(1, 40)),
    st.tuples(st.just("drop_line"), st.integers(0, 2**31)),
    st.tuples(st.just("copy_line"), st.integers(0, 2**31), st.integers(0, 2**31)),
    st.tuples(st.just("swap_lines"), st.integers(0, 2**31), st.integers(0, 2**31)),
    st.tuples(st.just("value"), st.integers(0, 2**31), text_values),
    st.tuples(
        st.just("property"),
        st.integers(0, 2**31),
        st.sampled_from(NAMES),
        st.sampled_from(["", *PARAMS]),
        text_values,
    ),
    st.tuples(
        st.just("fold"), st.integers(0, 2**31), st.sampled_from([b"\r\n ", b"\n\t", b"\r\n"])
    ),
    st.tuples(st.just("unfold"), st.integers(0, 2**31)),
    st.tuples(st.just("newlines"), st.sampled_from([b"\n", b"\r", b"\r\n\r\n"])),
)


def mutate(data: bytes, ops: list[tuple]) -> bytes:
    out = bytearray(data)
    for o in ops:
        kind = o[0]
        if kind == "flip" and out:
            out[o[1] % len(out)] ^= o[2]
        elif kind == "insert":
            at = o[1] % (len(out) + 1)
            out[at:at] = o[2]
        elif kind == "delete" and out:
            at = o[1] % len(out)
            del out[at : at + o[2]]
        elif kind == "newlines":
            out = bytearray(bytes(out).replace(b"\r\n", o[1]))
        elif kind == "fold" and out:
            at = o[1] % len(out)  # may split a UTF-8 character
            out[at:at] = o[2]
        elif kind == "unfold":
            folds = [m.start() for m in re.finditer(rb"\r\n[ \t]", bytes(out))]
            if folds:
                at = folds[o[1] % len(folds)]
                del out[at : at + 2]  # the space stays: the line goes on with a blank
        else:
            lines = bytes(out).split(b"\r\n")
            n = len(lines)
            if kind == "drop_line":
                del lines[o[1] % n]
            elif kind == "copy_line":
                lines.insert(o[2] % (n + 1), lines[o[1] % n])
            elif kind == "swap_lines":
                i, j = o[1] % n, o[2] % n
                lines[i], lines[j] = lines[j], lines[i]
            elif kind == "value":
                i = o[1] % n
                name, sep, _ = lines[i].partition(b":")
                if sep:
                    lines[i] = name + b":" + o[2].encode("utf-8", "surrogatepass")
            elif kind == "property":
                # Into an event: after one of its BEGIN:VEVENT lines.
                starts = [k for k, line in enumerate(lines) if line == b"BEGIN:VEVENT"] or [0]
                at = starts[o[1] % len(starts)] + 1
                line = f"{o[2]}{o[3]}:{o[4]}".encode("utf-8", "surrogatepass")
                lines.insert(at, line)
            out = bytearray(b"\r\n".join(lines))
    return bytes(out)


# -- the property ---------------------------------------------------------------------------


def import_one(target: tuple[Workspace, str], data: bytes) -> None:
    ws, community_id = target
    before = workspace_digest(ws)
    undo_depth = len(ws.history.undo_stack)
    try:
        result = import_ics(ws, data, community_id=community_id, default_tz=ZONE, source="f.ics")
    except Exception as exc:  # noqa: BLE001 - the property: only our own errors
        assert_planner_error(exc)
        assert "f.ics" in str(exc) or type(exc).__name__ != "IcsError", str(exc)
        # Nothing was imported: every record as it was, no undo step.
        assert workspace_digest(ws) == before
        assert len(ws.history.undo_stack) == undo_depth
        event(f"refused: {type(exc).__name__}")
    else:
        event("imported" if result.added or result.updated else "imported, nothing new")


@QUICK
@given(ops=st.lists(op, min_size=1, max_size=5))
def test_a_damaged_calendar_imports_or_is_refused_in_one_line(
    ops: list[tuple], calendar: bytes, target: tuple[Workspace, str]
) -> None:
    import_one(target, mutate(calendar, ops))


@pytest.mark.long
@LONG
@given(ops=st.lists(op, min_size=1, max_size=8))
def test_many_damaged_calendars(
    ops: list[tuple], calendar: bytes, target: tuple[Workspace, str]
) -> None:
    import_one(target, mutate(calendar, ops))


@QUICK
@given(data=st.binary(max_size=2000))
def test_random_bytes_are_refused_in_one_line(data: bytes, target: tuple[Workspace, str]) -> None:
    import_one(target, data)


@st.composite
def small_calendars(draw: st.DrawFn) -> bytes:
    """A calendar of one or two events made of random properties."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN"]
    if draw(st.booleans()):
        lines += [
            "BEGIN:VTIMEZONE",
            f"TZID:{draw(text_values)}",
            "BEGIN:STANDARD",
            f"DTSTART:{draw(text_values)}",
            f"TZOFFSETFROM:{draw(st.sampled_from(['+0800', '-2500', 'x', '']))}",
            f"TZOFFSETTO:{draw(st.sampled_from(['+0800', '+9999', 'y', '']))}",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    for n in range(draw(st.integers(1, 2))):
        lines += ["BEGIN:VEVENT", f"UID:fuzz-{n}", "DTSTART:20261123T100000"]
        for _ in range(draw(st.integers(0, 6))):
            name = draw(st.sampled_from(NAMES))
            param = draw(st.sampled_from(["", *PARAMS]))
            lines.append(f"{name}{param}:{draw(text_values)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode("utf-8", "surrogatepass")


@QUICK
@given(data=small_calendars())
def test_random_events_import_or_are_refused_in_one_line(
    data: bytes, target: tuple[Workspace, str]
) -> None:
    import_one(target, data)


@pytest.mark.long
@LONG
@given(data=small_calendars())
def test_many_random_events(data: bytes, target: tuple[Workspace, str]) -> None:
    import_one(target, data)


# -- the command line -------------------------------------------------------------------------

CLI_CASES = {
    "cut short": [("delete", 10**9, 10**6)],
    "bad rule": [("property", 0, "RRULE", "", "FREQ=WEEKLY;BYDAY=XX")],
    "not utf-8": [("insert", 300, b"\xff\xfe\xac")],
}


@pytest.mark.parametrize("name", CLI_CASES)
def test_planner_import_ics_refuses_in_one_line(name: str, calendar: bytes, tmp_path: Path) -> None:
    data = mutate(calendar, CLI_CASES[name])
    if name == "cut short":
        data = calendar[: len(calendar) // 2]
    source = tmp_path / "damaged.ics"
    source.write_bytes(data)
    path = tmp_path / "w.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=tmp_path / "locks") as ws:
        create_community(ws, {"name": "读书会"})
        before = workspace_digest(ws)
    result = run_cli("import-ics", str(path), str(source), "--community", "读书会", home=tmp_path)
    assert_clean_cli(result)
    assert result.returncode == 2, result
    assert "damaged.ics" in result.stderr
    with open_workspace(path, device_id=DEVICE, lock_dir=tmp_path / "locks") as ws:
        assert workspace_digest(ws) == before


# -- what the fuzzing found (each input pinned) ------------------------------------------------


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x1c", "\x85", "\u2028"])
def test_a_line_with_a_control_break_is_quoted_on_one_line(
    control: str, target: tuple[Workspace, str]
) -> None:
    # Found: 'f.ics: line 5 is not an iCalendar line: “\x0b-WR-CALNAME:sample”.' (a flipped
    # byte) and '... line 16 ...: “\x0c0”.': a vertical tab or form feed, which Qt and
    # str.splitlines take for a line break, quoted as it was.
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\n"
        f"{control}-WR-CALNAME:sample\r\nEND:VCALENDAR\r\n"
    ).encode()
    ws, community_id = target
    with pytest.raises(PlannerError) as caught:
        import_ics(ws, data, community_id=community_id, default_tz=ZONE, source="f.ics")
    assert_planner_error(caught.value)
    assert str(caught.value) == "f.ics: line 4 is not an iCalendar line: “-WR-CALNAME:sample”."


@pytest.mark.parametrize("control", ["\x1e", "\x1c", "\x0b", "\u2028"])
def test_an_end_with_a_control_break_is_quoted_on_one_line(
    control: str, target: tuple[Workspace, str]
) -> None:
    # Found in CI: 'f.ics: line 34: END:0\x1e0 does not close BEGIN:VEVENT.' (a value
    # replaced), and the same for a file cut short inside such a component.
    ws, community_id = target
    closing = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\n"
        f"BEGIN:VEVENT\r\nEND:0{control}0\r\nEND:VCALENDAR\r\n"
    ).encode()
    cut = (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\nBEGIN:X{control}Y\r\n"
    ).encode()
    for data, expected in (
        (closing, "f.ics: line 5: END:0 0 does not close BEGIN:VEVENT."),
        (cut, "f.ics: the file ends before END:X Y; it may have been cut short."),
    ):
        with pytest.raises(PlannerError) as caught:
            import_ics(ws, data, community_id=community_id, default_tz=ZONE, source="f.ics")
        assert_planner_error(caught.value)
        assert str(caught.value) == expected
