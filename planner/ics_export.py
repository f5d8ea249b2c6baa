"""iCalendar export: the VCALENDAR of the calendar, one VEVENT per item.

See :mod:`planner.ics` for what is written; the VTIMEZONEs come from
:mod:`planner.ics_zones`.

The VEVENTs are written here as RFC 5545 content lines, not built as
``icalendar`` components: a year of a large workspace is tens of thousands of
events, and the package's per-property machinery (typed values, parameter
objects, folding char by char) took seconds for them. What is written is what
``icalendar`` wrote (the same properties, values, parameters and order):
TEXT values escaped (backslash, semicolon, comma, line breaks), lines folded
before 75 octets without splitting a UTF-8 character or a backslash escape,
CRLF line ends. ``icalendar`` still writes the VTIMEZONEs (one per zone), and
says which zone names are UTC (written as ``Z`` times, as it did).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Collection
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.calendar import GOAL_FIELDS, TABLE, Status, format_time, parse_time
from planner.communities import list_communities
from planner.errors import Cancelled, NotFound
from planner.i18n import QT_TRANSLATE_NOOP
from planner.ics_zones import vtimezone
from planner.recurrence import Recurrence
from planner.workspace import Workspace

PRODID = "-//Community Planner//EN"
STATUS_TO_ICAL = {Status.IDEA: "TENTATIVE", Status.CANCELLED: "CANCELLED"}
# Our own fields, each an X-property (goals: X-CPLAN-PLANNED-PARTICIPANTS...).
X_FIELDS = {
    "kind": "X-CPLAN-KIND",
    "item_type": "X-CPLAN-TYPE",
    "status": "X-CPLAN-STATUS",
    "owner": "X-CPLAN-OWNER",
    "speaker": "X-CPLAN-SPEAKER",
    "tz": "X-CPLAN-TZ",
} | {goal: "X-CPLAN-" + goal.upper().replace("_", "-") for goal in GOAL_FIELDS}
X_COMMUNITY = "X-CPLAN-COMMUNITY"

# Rows between two calls of ``progress`` and looks at ``cancelled``.
_STEP = 250

Progress = Callable[[int, int], None]


def export_ics(
    ws: Workspace,
    *,
    start: date | None = None,
    end: date | None = None,
    community_ids: Collection[str] | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The calendar as an iCalendar file (UTF-8 bytes).

    Args:
        start, end: export only items overlapping these days (``end``
            included), in each item's local time; a series is exported whole
            when any of it overlaps. None means no limit.
        community_ids: only these live communities (default: every one).
        now: the DTSTAMP of every event (default: the current time).
        progress: called with (events written, events to write) as the
            events are written: first with none written, last with all.
        cancelled: looked at between events; once it says True, the export
            stops with :class:`~planner.errors.Cancelled`.

    Raises NotFound when one of ``community_ids`` is not a live community.
    """
    communities = {c.id: c.name for c in list_communities(ws)}
    if community_ids is not None:
        for community_id in community_ids:
            if community_id not in communities:
                raise NotFound(
                    QT_TRANSLATE_NOOP("IcsExport", "No community with id {id}.").format(
                        id=community_id
                    )
                )
        wanted = set(community_ids)
        communities = {k: v for k, v in communities.items() if k in wanted}
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    items, overrides = _export_rows(ws, communities, start, end)
    total = len(items) + sum(len(rows) for rows in overrides.values())
    writer = _EventWriter(communities, stamp)
    done = check = 0
    for row in items:
        if done >= check:
            check = done + _STEP
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(done, total)
        writer.event(row, row)
        done += 1
        for override in overrides.get(row[_ID], ()):
            writer.event(override, row)
            done += 1
    if cancelled is not None and cancelled():
        raise Cancelled()
    parts = [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
        _text_line("PRODID", PRODID),
        "\r\nCALSCALE:GREGORIAN\r\n",
        _text_line("X-WR-CALNAME", ws.name),
        "\r\n",
    ]
    if writer.zones:
        assert writer.first is not None and writer.last is not None
        # Exact from the first item to ten years after the last (or today).
        first = max(writer.first, date(1901, 1, 2)) - timedelta(days=1)
        last = min(max(writer.last, stamp.date()), date(2189, 1, 1)) + timedelta(days=3653)
        # VTIMEZONEs go first, before the events that use them.
        for name in sorted(writer.zones):
            parts.append(vtimezone(name, first, last).to_ical().decode("utf-8"))
    if writer.lines:
        parts.append("\r\n".join(writer.lines))
        parts.append("\r\n")
    parts.append("END:VCALENDAR\r\n")
    data = "".join(parts).encode("utf-8")
    if progress is not None:
        progress(total, total)
    return data


# The columns an event is written from, as _EventWriter.event unpacks them,
# then our fields (X_FIELDS: what CalendarItem.values() has for them).
_COLUMNS = (
    "id",
    "community_id",
    "title",
    "all_day",
    "starts_at",
    "ends_at",
    "tz",
    "status",
    "description",
    "location",
    "rrule",
    "exdates",
    "last_ends_at",
    "series_id",
    "recurrence_id",
    "created_at",
    "updated_at",
    *X_FIELDS,
)
_ID, _COMMUNITY, _ALL_DAY, _TZ = (
    _COLUMNS.index(c) for c in ("id", "community_id", "all_day", "tz")
)
_RRULE, _SERIES = _COLUMNS.index("rrule"), _COLUMNS.index("series_id")
_FIELDS_AT = _COLUMNS.index("updated_at") + 1
# The X-properties in the order they are written, by name (as icalendar sorts
# the properties it has no order for), each with where its value is in the row
# (-1: the community's name).
_X_ORDER: list[tuple[str, int]] = sorted(
    [(X_COMMUNITY, -1), *((X_FIELDS[c], _COLUMNS.index(c, _FIELDS_AT)) for c in X_FIELDS)]
)
_ROW_SQL = ", ".join(_COLUMNS)


def _export_rows(
    ws: Workspace, communities: dict[str, str], start: date | None, end: date | None
) -> tuple[list[tuple[Any, ...]], dict[str, list[tuple[Any, ...]]]]:
    """Live one-offs and series in range, and the live overrides of each series
    (rows of :data:`_COLUMNS`)."""
    if not communities:
        return [], {}
    ids = sorted(communities)
    marks = ",".join("?" * len(ids))
    lo = format_time(datetime.combine(start, time())) if start else "0000"
    hi = format_time(datetime.combine(end + timedelta(days=1), time())) if end else "9999"
    base = f"SELECT {_ROW_SQL} FROM {TABLE} WHERE deleted = 0 AND community_id IN ({marks}) "
    items = _query(
        ws,
        base + "AND series_id IS NULL AND ("
        "(rrule = '' AND starts_at < ? AND ends_at > ?) OR "
        "(rrule != '' AND starts_at < ? AND (last_ends_at IS NULL OR last_ends_at > ?)) OR "
        # A series whose moved occurrence falls in range comes with it.
        f"(rrule != '' AND id IN (SELECT series_id FROM {TABLE} WHERE deleted = 0 "
        "AND series_id IS NOT NULL AND starts_at < ? AND ends_at > ?))"
        ") ORDER BY starts_at, id",
        [*ids, hi, lo, hi, lo, hi, lo],
    )
    overrides: dict[str, list[tuple[Any, ...]]] = {}
    series_ids = [row[_ID] for row in items if row[_RRULE]]
    for chunk in range(0, len(series_ids), 500):
        part = series_ids[chunk : chunk + 500]
        for row in _query(
            ws,
            f"SELECT {_ROW_SQL} FROM {TABLE} WHERE deleted = 0 "
            f"AND series_id IN ({','.join('?' * len(part))}) ORDER BY recurrence_id, id",
            part,
        ):
            overrides.setdefault(row[_SERIES], []).append(row)
    return items, overrides


def _query(ws: Workspace, sql: str, params: list[str]) -> list[tuple[Any, ...]]:
    """Plain tuples, whatever the connection's row factory."""
    cursor = ws.db.conn.cursor()
    cursor.row_factory = None
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


class _EventWriter:
    """Writes VEVENTs as content lines (:attr:`lines`, folded).

    Also notes the zones the events name (:attr:`zones`) and the first and
    last day they span, for the VTIMEZONEs.
    """

    def __init__(self, communities: dict[str, str], stamp: datetime) -> None:
        self.communities = communities
        self.lines: list[str] = []
        self.zones: set[str] = set()
        self.first: date | None = None
        self.last: date | None = None
        self._stamp_line = "DTSTAMP:" + _utc_text(stamp)
        # Lines that repeat across events (owners, types, communities, zones...),
        # escaped and folded once.
        self._text: dict[tuple[str, str], str] = {}  # (name, value): line
        self._modified: dict[int, str] = {}

    def event(self, row: tuple[Any, ...], series: tuple[Any, ...]) -> None:
        """The VEVENT of a one-off item or a series (``series`` is ``row``), or
        of an override of ``series``; rows of :data:`_COLUMNS`.

        The row is read as :meth:`CalendarItem.from_row` reads it, but
        without making one (that took a third of the time).
        """
        (
            _,
            _,
            title,
            all_day,
            starts_at,
            ends_at,
            tz,
            status,
            description,
            location,
            rrule,
            exdates,
            last_ends_at,
            series_id,
            recurrence_id,
            created_at,
            updated_at,
        ) = row[:_FIELDS_AT]
        all_day = bool(all_day)
        start, end = parse_time(starts_at), parse_time(ends_at)
        add = self.lines.append
        add("BEGIN:VEVENT")
        add(_fold("SUMMARY:" + _escape(title)))
        add("DTSTART" + _when(start, tz, all_day))
        add("DTEND" + _when(end, tz, all_day))
        add(self._stamp_line)
        add(_fold("UID:" + _escape(series[_ID])))
        if recurrence_id:
            original = parse_time(recurrence_id)
            add("RECURRENCE-ID" + _when(original, series[_TZ], bool(series[_ALL_DAY])))
        updated = updated_at // 1000
        add(f"SEQUENCE:{max(updated - created_at // 1000, 0)}")
        if rrule:
            add(_rrule_line(rrule, tz, all_day))
            removed = _exdates(exdates)
            if removed:
                add(_fold("EXDATE" + _when_list(removed, tz, all_day)))
        if description:
            add(_fold("DESCRIPTION:" + _escape(description)))
        modified = self._modified.get(updated)
        if modified is None:
            moment = datetime.fromtimestamp(updated, UTC)
            modified = self._modified[updated] = "LAST-MODIFIED:" + _utc_text(moment)
        add(modified)
        if location:
            add(_fold("LOCATION:" + _escape(location)))
        add("STATUS:" + _STATUS.get(status, "CONFIRMED"))
        # Our fields, as X-properties (their values repeat: each line is made once).
        community = self.communities[series[_COMMUNITY]]
        text = self._text
        for prop, at in _X_ORDER:
            value = community if at < 0 else row[at]
            if value is None or value == "":
                continue
            if isinstance(value, str):
                line = text.get((prop, value))
                if line is None:
                    line = text[(prop, value)] = _text_line(prop, value)
            else:  # a goal: 71 and 71.0 are equal keys, but written differently
                line = _text_line(prop, str(value))
            add(line)
        add("END:VEVENT")
        # The zones its TZIDs name, and the days it spans.
        if not all_day and tz != "UTC":
            self.zones.add(tz)
        if series_id is not None and not series[_ALL_DAY] and series[_TZ] != "UTC":
            self.zones.add(series[_TZ])  # its RECURRENCE-ID is in the series' zone
        first = start.date()
        last = (parse_time(last_ends_at) if last_ends_at else end).date()
        if first > last:
            first, last = last, first
        if self.first is None or first < self.first:
            self.first = first
        if self.last is None or last > self.last:
            self.last = last


_STATUS: dict[str, str] = {str(status): text for status, text in STATUS_TO_ICAL.items()}


def _exdates(text: str) -> list[datetime]:
    """A series' removed starts, in order (``exdates`` holds a JSON list)."""
    if text == "[]":
        return []
    return sorted({parse_time(t) for t in json.loads(text)})


def _escape(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11); any line break is written ``\\n``."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _text_line(name: str, value: str) -> str:
    return _fold(name + ":" + _escape(value))


def _fold(line: str) -> str:
    """``line`` folded (RFC 5545 3.1): no line longer than 74 octets, each
    continuation starting with a space; a UTF-8 character is never split, nor
    is a backslash (or ``^``) parted from the character it escapes."""
    if len(line) < 75 and (line.isascii() or len(line.encode("utf-8")) < 75):
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        code = ord(char)
        width = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        if current and size + width >= 75:
            if len(current) > 1 and current[-1] in "\\^":
                escape = current.pop()
                parts.append("".join(current))
                current = [escape]
                size = 1
            else:
                parts.append("".join(current))
                current = []
                size = 0
        current.append(char)
        size += width
    if current:
        parts.append("".join(current))
    return "\r\n ".join(parts)


def _local_text(moment: datetime) -> str:
    """A DATE-TIME without zone: ``20260105T100000`` (naive ``moment``)."""
    return moment.isoformat(timespec="seconds").replace("-", "").replace(":", "")


def _utc_text(moment: datetime) -> str:
    """A UTC DATE-TIME: ``20260105T100000Z`` (``moment`` in UTC)."""
    return _local_text(moment.replace(tzinfo=None)) + "Z"


def _date_text(moment: date) -> str:
    return f"{moment.year:04}{moment.month:02}{moment.day:02}"


@functools.lru_cache(maxsize=1024)
def _is_utc_zone(tz: str) -> bool:
    """Whether ``tz`` is a name of UTC ("Etc/UTC", "Zulu"...), written as ``Z`` times."""
    from icalendar.timezone.tzid import tzid_from_tzinfo

    return tz == "UTC" or tzid_from_tzinfo(ZoneInfo(tz)) == "UTC"


def _when(moment: datetime, tz: str, all_day: bool) -> str:
    """A stored wall-clock time as the rest of a content line after the name:
    ``;VALUE=DATE:`` a DATE, ``:`` a UTC time, or ``;TZID=zone:`` a local time."""
    if all_day:
        return ";VALUE=DATE:" + _date_text(moment)
    if _is_utc_zone(tz):
        return ":" + _utc_text(moment)
    return f";TZID={tz}:" + _local_text(moment)


def _when_list(moments: list[datetime], tz: str, all_day: bool) -> str:
    """Like :func:`_when`, for several times (EXDATE)."""
    if all_day:
        return ";VALUE=DATE:" + ",".join(f"{m.year:04}{m.month:02}{m.day:02}" for m in moments)
    if _is_utc_zone(tz):
        return ":" + ",".join(_utc_text(m) for m in moments)
    return f";TZID={tz}:" + ",".join(_local_text(m) for m in moments)


@functools.lru_cache(maxsize=4096)
def _rrule_line(text: str, tz: str, all_day: bool) -> str:
    """The RRULE line of a series' stored rule (rules repeat across series)."""
    return _fold("RRULE:" + _rrule_text(Recurrence.parse(text), tz, all_day))


def _rrule_text(rule: Recurrence, tz: str, all_day: bool) -> str:
    """The rule as RRULE text with UNTIL as RFC 5545 wants it.

    With a TZID start, UNTIL must be in UTC: the end of the last day in the
    item's zone, converted. With a DATE start it is a DATE. The parts are in
    the order icalendar writes them (FREQ, UNTIL, COUNT, INTERVAL, BY...).
    """
    parts = [p for p in rule.to_rrule().split(";") if not p.startswith("UNTIL=")]
    if rule.until is not None:
        if all_day:
            until = f"{rule.until:%Y%m%d}"
        else:
            last = datetime.combine(rule.until, time(23, 59, 59), ZoneInfo(tz))
            until = f"{last.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        parts.append("UNTIL=" + until)
    return ";".join(sorted(parts, key=_rule_part_order))


_RULE_ORDER = ("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYDAY", "BYMONTHDAY")


def _rule_part_order(part: str) -> int:
    key = part.partition("=")[0]
    return _RULE_ORDER.index(key) if key in _RULE_ORDER else len(_RULE_ORDER)
