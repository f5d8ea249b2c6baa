"""iCalendar (ICS, RFC 5545) export and import of the calendar.

**Export** writes one VEVENT per one-off item and per series, and one per
changed occurrence of a series (same UID, with RECURRENCE-ID). The UID is our
item id; SEQUENCE is the number of seconds between an item's creation and its
last change, so it grows with every edit. Times carry the item's zone as a
TZID with its VTIMEZONE (UTC items use ``Z`` times, all-day items DATE values).
``X-CPLAN-*`` properties carry the fields iCalendar has no place for (kind,
type, status, owner, speaker, community, zone, goals and results), so an
export imports back identically.

**Import** is one undoable edit and all or nothing: a file that cannot be read,
or any event the planner cannot hold (an unsupported repeat rule, an event
longer than :data:`~planner.calendar.MAX_ITEM_DAYS` days...), raises
:class:`IcsError` and leaves the workspace as it was. It is idempotent by UID:
an event whose UID is one of our ids, or the ``ical_uid`` of an item of the
same community, updates that item when a field differs; new items keep the
UID they came with in ``ical_uid``. Times are read in the zone of their TZID
when it names a real zone (IANA or Windows names), otherwise (UTC, a
home-made VTIMEZONE) converted to ``default_tz``; floating times and all-day
events are taken in ``default_tz``. A changed occurrence whose series is in
neither the file nor the community is imported as a one-off item.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vRecur,
    vText,
    vUnknown,
)
from icalendar.timezone import tzp
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from planner.calendar import (
    GOAL_FIELDS,
    TABLE,
    TEXT_MAX,
    TITLE_MAX,
    CalendarItem,
    ItemKind,
    Status,
    clean_values,
    format_time,
    parse_time,
)
from planner.calendar import _row as storage_row
from planner.communities import list_communities
from planner.errors import EXIT_BAD_INPUT, NotFound, PlannerError, ValidationError
from planner.history import Change
from planner.recurrence import Recurrence, RecurrenceError
from planner.workspace import Edit, Workspace

PRODID = "-//Community Planner//EN"
MAX_ICS_BYTES = 50 * 1024 * 1024
NO_TITLE = "(No title)"
# A timed event without an end (or ending when it starts) gets this length.
DEFAULT_DURATION = timedelta(minutes=30)
# How many occurrences of an imported rule are compared with RFC 5545's own
# expansion to make sure the planner repeats it the same way.
RULE_CHECK_COUNT = 200

STATUS_TO_ICAL = {Status.IDEA: "TENTATIVE", Status.CANCELLED: "CANCELLED"}
ICAL_TO_STATUS = {"TENTATIVE": Status.IDEA, "CANCELLED": Status.CANCELLED}
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


class IcsError(PlannerError):
    """An iCalendar file that cannot be read or imported; nothing was changed."""

    exit_code = EXIT_BAD_INPUT


@dataclass(frozen=True)
class ImportResult:
    """What an import did: events added, updated and already up to date."""

    added: int
    updated: int
    unchanged: int
    change: Change


# -- export -----------------------------------------------------------------------


def export_ics(
    ws: Workspace,
    *,
    start: date | None = None,
    end: date | None = None,
    community_ids: Collection[str] | None = None,
    now: datetime | None = None,
) -> bytes:
    """The calendar as an iCalendar file (UTF-8 bytes).

    Args:
        start, end: export only items overlapping these days (``end``
            included), in each item's local time; a series is exported whole
            when any of it overlaps. None means no limit.
        community_ids: only these live communities (default: every one).
        now: the DTSTAMP of every event (default: the current time).

    Raises NotFound when one of ``community_ids`` is not a live community.
    """
    communities = {c.id: c.name for c in list_communities(ws)}
    if community_ids is not None:
        for community_id in community_ids:
            if community_id not in communities:
                raise NotFound(f"No community with id {community_id}.")
        wanted = set(community_ids)
        communities = {k: v for k, v in communities.items() if k in wanted}
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("X-WR-CALNAME", vText(ws.name))
    zones: set[str] = set()
    span: list[date] = []
    items, overrides = _export_rows(ws, communities, start, end)
    for row in items:
        item = CalendarItem.from_row(row)
        cal.add_component(_event(item, row, item, communities[item.community_id], stamp))
        _note_zones(item, item, zones, span)
        for override_row in overrides.get(item.id, []):
            override = CalendarItem.from_row(override_row)
            community = communities[item.community_id]
            cal.add_component(_event(override, override_row, item, community, stamp))
            _note_zones(override, item, zones, span)
    if zones:
        # Exact from the first item to ten years after the last (or today).
        first = max(min(span), date(1901, 1, 2)) - timedelta(days=1)
        last = min(max([*span, stamp.date()]), date(2189, 1, 1)) + timedelta(days=3653)
        # VTIMEZONEs go first, before the events that use them.
        cal.subcomponents[:0] = [vtimezone(name, first, last) for name in sorted(zones)]
    data: bytes = cal.to_ical()
    return data


def _export_rows(
    ws: Workspace, communities: dict[str, str], start: date | None, end: date | None
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Live one-offs and series in range, and the live overrides of each series."""
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
            # A series whose moved occurrence falls in range comes with it.
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


def _note_zones(
    item: CalendarItem, series: CalendarItem, zones: set[str], span: list[date]
) -> None:
    """Remember the zones an event's TZIDs name, and the days it spans."""
    if not item.all_day and item.tz != "UTC":
        zones.add(item.tz)
    if item.is_override and not series.all_day and series.tz != "UTC":
        zones.add(series.tz)  # its RECURRENCE-ID is in the series' zone
    span.append(item.start.date())
    span.append((item.last_end or item.end).date())


def _ical_time(moment: datetime, tz: str, all_day: bool) -> date | datetime:
    """A stored wall-clock time as iCalendar writes it: DATE, UTC or with a TZID."""
    if all_day:
        return moment.date()
    return moment.replace(tzinfo=UTC if tz == "UTC" else ZoneInfo(tz))


def _event(
    item: CalendarItem, row: dict[str, Any], series: CalendarItem, community: str, stamp: datetime
) -> Event:
    """The VEVENT of a one-off item, a series, or an override of ``series``."""
    event = Event()
    event.add("UID", series.id)
    event.add("DTSTAMP", stamp)
    event.add("LAST-MODIFIED", datetime.fromtimestamp(row["updated_at"] // 1000, UTC))
    event.add("SEQUENCE", max(row["updated_at"] // 1000 - row["created_at"] // 1000, 0))
    event.add("DTSTART", _ical_time(item.start, item.tz, item.all_day))
    event.add("DTEND", _ical_time(item.end, item.tz, item.all_day))
    if item.recurrence is not None:
        event.add("RRULE", vRecur.from_ical(_rrule_text(item)))
        if item.exdates:
            event.add(
                "EXDATE", [_ical_time(d, item.tz, item.all_day) for d in sorted(item.exdates)]
            )
    if item.recurrence_id is not None:
        event.add("RECURRENCE-ID", _ical_time(item.recurrence_id, series.tz, series.all_day))
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
            # As TEXT: icalendar would not escape a plain string for an X-property.
            event.add(prop, vText(str(value)))
    event.add(X_COMMUNITY, vText(community))
    return event


def _rrule_text(item: CalendarItem) -> str:
    """The item's rule as RRULE text with UNTIL as RFC 5545 wants it.

    With a TZID start, UNTIL must be in UTC: the end of the last day in the
    item's zone, converted. With a DATE start it is a DATE.
    """
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


def vtimezone(name: str, first: date, last: date) -> Timezone:
    """A VTIMEZONE for the IANA zone ``name``, exact from ``first`` to ``last``.

    Each observance's DTSTART and RDATEs are the onsets in the local time
    before the change (RFC 5545 3.6.5), so readers that go by the VTIMEZONE
    rather than the zone's name (Outlook) get every hour right. The first
    observance is the change in force on ``first`` (up to a year before it),
    with its real offsets: a daylight observance whose offset does not change
    is misread by some readers (dateutil).
    """
    zone = ZoneInfo(name)
    begin = datetime.combine(first, time(), UTC)
    changes = list(
        _transitions(zone, begin - timedelta(days=400), datetime.combine(last, time(), UTC))
    )
    earlier = [moment for moment in changes if moment < begin]
    onsets: dict[tuple[bool, timedelta, timedelta, str], list[datetime]] = {}
    if not earlier:
        offset, dst, tzname = _zone_state(zone, begin)
        onsets[(dst, offset, offset, tzname)] = [begin.replace(tzinfo=None) + offset]
    for moment in earlier[-1:] + [m for m in changes if m >= begin]:
        before = _zone_state(zone, moment - timedelta(seconds=1))
        offset, dst, tzname = _zone_state(zone, moment)
        local_onset = moment.replace(tzinfo=None) + before[0]
        onsets.setdefault((dst, before[0], offset, tzname), []).append(local_onset)
    component = Timezone()
    component.add("TZID", name)
    component.add("X-LIC-LOCATION", name)
    for (dst, offset_from, offset_to, tzname), local_onsets in onsets.items():
        part = TimezoneDaylight() if dst else TimezoneStandard()
        part.add("DTSTART", local_onsets[0])
        if len(local_onsets) > 1:
            part.add("RDATE", local_onsets[1:])
        part.add("TZNAME", tzname)
        part.add("TZOFFSETFROM", offset_from)
        part.add("TZOFFSETTO", offset_to)
        component.add_component(part)
    return component


def _zone_state(zone: ZoneInfo, moment: datetime) -> tuple[timedelta, bool, str]:
    """(UTC offset, daylight saving or not, abbreviation) of ``zone`` at ``moment``."""
    local = moment.astimezone(zone)
    offset = local.utcoffset() or timedelta()
    return offset, bool(local.dst()), local.tzname() or ""


def _transitions(zone: ZoneInfo, begin: datetime, end: datetime) -> Iterable[datetime]:
    """UTC instants (to the second) where ``zone`` changes offset, between two times."""
    step = timedelta(hours=12)
    moment, state = begin, _zone_state(zone, begin)
    while moment < end:
        later = moment + step
        later_state = _zone_state(zone, later)
        if later_state != state:
            lo, hi = moment, later
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if _zone_state(zone, mid) == state:
                    lo = mid
                else:
                    hi = mid
            yield hi
            state = later_state
        moment = later


# -- reading a file -----------------------------------------------------------------


_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
_UNTIL_FORM = re.compile(r"[0-9]{8}(T[0-9]{6}Z?)?")


def _label(source: str) -> str:
    return f"{source}: " if source else ""


def _read_calendar(data: bytes, source: str) -> tuple[list[Event], dict[str, Timezone]]:
    """The VEVENTs and VTIMEZONEs of an iCalendar file; IcsError if it is not one."""
    label = _label(source)
    if len(data) > MAX_ICS_BYTES:
        raise IcsError(f"{label}the file is too large to be a calendar (over 50 MB).")
    if not data.strip():
        raise IcsError(f"{label}the file is empty; it is not an iCalendar (.ics) file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Some writers fold lines in the middle of a character: unfold first.
        try:
            text = re.sub(rb"\r?\n[ \t]", b"", data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise IcsError(
                f"{label}not an iCalendar (.ics) file: it is not text in UTF-8."
            ) from None
    if "\x00" in text:
        raise IcsError(f"{label}not an iCalendar (.ics) file: it is not text.")
    _check_structure(text, label)
    try:
        with warnings.catch_warnings():
            # icalendar warns when it guesses a vendor-prefixed TZID; we resolve
            # zones ourselves (see _Zones).
            warnings.simplefilter("ignore")
            calendars = Calendar.from_ical(text.encode("utf-8"), multiple=True)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        detail = " ".join(str(exc).split())[:120]
        raise IcsError(f"{label}the calendar cannot be read ({detail}).") from None
    events: list[Event] = []
    zones: dict[str, Timezone] = {}
    for cal in calendars:
        for component in cal.subcomponents:
            if isinstance(component, Event):
                events.append(component)
            elif isinstance(component, Timezone) and "TZID" in component:
                zones.setdefault(str(component["TZID"]), component)
    return events, zones


def _check_structure(text: str, label: str) -> None:
    """Content lines and BEGIN/END nesting, which icalendar partly forgives."""
    stack: list[str] = []
    seen_calendar = False
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(re.split(r"\r\n|\n|\r", text), start=1):
        if line[:1] in (" ", "\t"):
            if not logical:
                raise IcsError(f"{label}not an iCalendar (.ics) file (line 1 is indented).")
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        else:
            logical.append((number, line))
    for number, line in logical:
        if not line.strip():
            continue
        name = re.split(r"[:;]", line, maxsplit=1)[0]
        if ":" not in line or not _NAME.match(name):
            if not seen_calendar:
                raise IcsError(
                    f"{label}not an iCalendar (.ics) file (it does not begin with BEGIN:VCALENDAR)."
                )
            shown = line if len(line) <= 40 else line[:40] + "…"
            raise IcsError(f"{label}line {number} is not an iCalendar line: “{shown}”.")
        value = line.split(":", 1)[1].strip().upper()
        keyword = name.upper()
        if not stack and not (keyword == "BEGIN" and value == "VCALENDAR"):
            if not seen_calendar:
                raise IcsError(
                    f"{label}not an iCalendar (.ics) file (it does not begin with BEGIN:VCALENDAR)."
                )
            raise IcsError(f"{label}line {number} comes after END:VCALENDAR.")
        if keyword == "BEGIN":
            stack.append(value)
            seen_calendar = True
        elif keyword == "END":
            if value != stack[-1]:
                raise IcsError(
                    f"{label}line {number}: END:{value} does not close BEGIN:{stack[-1]}."
                )
            stack.pop()
    if not seen_calendar:
        raise IcsError(f"{label}not an iCalendar (.ics) file (it has no BEGIN:VCALENDAR).")
    if stack:
        raise IcsError(f"{label}the file ends before END:{stack[-1]}; it may have been cut short.")


def _text(value: Any) -> str:
    """A TEXT value, stripped ("" for none).

    icalendar hands X-properties back as written (vUnknown, still escaped);
    RFC 5545 says their default type is TEXT, so they are unescaped here.
    """
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    text = str(value)
    if isinstance(value, vUnknown):
        text = _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)
    return text.strip()


def _zone_ok(name: str) -> bool:
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder ("Europe")
        return False
    return True


class _Problem(Exception):
    """Why one event cannot be imported (a sentence); named with the event by the caller."""


class _Zones:
    """Resolves TZIDs: IANA and Windows names to zones, others to the file's VTIMEZONE."""

    def __init__(self, default_tz: str, components: dict[str, Timezone]) -> None:
        self.default = default_tz
        self._components = components
        self._custom: dict[str, tzinfo] = {}
        self._names: dict[str, str | None] = {}

    def named(self, tzid: str) -> str | None:
        """The IANA name a TZID stands for, if it names a real zone."""
        if tzid not in self._names:
            self._names[tzid] = self._lookup(tzid)
        return self._names[tzid]

    @staticmethod
    def _lookup(tzid: str) -> str | None:
        clean = tzid.strip().strip("/")
        candidates = [clean, WINDOWS_TO_OLSON.get(clean, "")]
        if tzid.startswith("/"):  # "globally unique" ids: /vendor/.../Europe/Berlin
            parts = clean.split("/")
            candidates += ["/".join(parts[i:]) for i in range(1, len(parts))]
        return next((c for c in candidates if _zone_ok(c)), None)

    def tzinfo(self, tzid: str) -> tzinfo:
        name = self.named(tzid)
        if name is not None:
            return ZoneInfo(name)
        if tzid not in self._custom:
            component = self._components.get(tzid)
            if component is None:
                raise _Problem(f"it uses the time zone “{tzid}”, which the file does not define.")
            try:
                self._custom[tzid] = tzp.create_timezone(component)
            except Exception:
                raise _Problem(f"the time zone “{tzid}” in the file cannot be read.") from None
        return self._custom[tzid]

    def local(self, value: date | datetime, tzid: str | None, target: str) -> datetime:
        """A DATE, UTC, TZID or floating value as a wall-clock time in ``target``."""
        if not isinstance(value, datetime):
            return datetime.combine(value, time())
        wall = value.replace(tzinfo=None)
        if tzid:
            if self.named(tzid) == target:
                return wall
            aware = wall.replace(tzinfo=self.tzinfo(tzid))
            return aware.astimezone(ZoneInfo(target)).replace(tzinfo=None)
        if value.tzinfo is not None:
            return value.astimezone(ZoneInfo(target)).replace(tzinfo=None)
        return wall


@dataclass(frozen=True)
class _Moment:
    """A date or time value as the file gives it, with its TZID."""

    value: date | datetime
    tzid: str | None

    @classmethod
    def of(cls, prop: Any, name: str) -> _Moment:
        try:
            value = getattr(prop, "dt", None)
        except ValueError:  # icalendar's BrokenCalendarProperty
            value = None
        if not isinstance(value, date):
            raise _Problem(f"its {name} is not a date or time.")
        params = getattr(prop, "params", {})
        return cls(value, params.get("TZID"))

    @property
    def is_date(self) -> bool:
        return not isinstance(self.value, datetime)

    def key(self) -> str:
        """The same text for the same moment, to tell occurrences apart."""
        value = self.value
        if isinstance(value, datetime) and value.tzinfo is not None and not self.tzid:
            value = value.astimezone(UTC)
        return f"{self.tzid or ''}|{value.isoformat()}"


def _day(event: Event) -> str:
    """The start day of an event for messages ("" when it has none that can be read)."""
    try:
        start = getattr(event.get("DTSTART"), "dt", None)
    except ValueError:  # a broken value raises icalendar's BrokenCalendarProperty
        return ""
    return f"{start:%Y-%m-%d}" if isinstance(start, date) else ""


def _event_error(source: str, summary: str, day: str, reason: str) -> IcsError:
    """The one-line error naming an event that cannot be imported."""
    name = " ".join(summary.split()) or NO_TITLE
    name = name if len(name) <= 60 else name[:59] + "…"
    where = f" ({day})" if day else ""
    return IcsError(
        f"{_label(source)}cannot import the event “{name}”{where}: {reason} Nothing was imported."
    )


@dataclass
class _Parsed:
    """One VEVENT read into item values (not yet validated)."""

    uid: str
    summary: str
    day: str
    values: dict[str, Any]
    exdates: list[datetime] = field(default_factory=list)
    recurrence_id: _Moment | None = None
    own_kind: bool = False

    def problem(self, source: str, reason: str) -> IcsError:
        return _event_error(source, self.summary, self.day, reason)


def _read_event(event: Event, zones: _Zones) -> _Parsed:
    """The item values of one VEVENT; raises _Problem saying what is wrong."""
    for name, message in event.errors:
        what = f"its {name}" if name else "one of its lines"
        raise _Problem(f"{what} cannot be read ({' '.join(str(message).split())[:100]}).")
    summary = _text(event.get("SUMMARY"))
    if "DTSTART" not in event:
        raise _Problem("it has no start (DTSTART).")
    uid = _text(event.get("UID"))
    if not uid:
        # No UID (against RFC 5545): one made from what identifies the event
        # (not DTSTAMP, which changes with every export) keeps re-imports idempotent.
        key = [summary] + [
            _ical_text(event[name]) for name in ("DTSTART", "RECURRENCE-ID") if name in event
        ]
        uid = "cplan-no-uid-" + hashlib.sha256("\n".join(key).encode()).hexdigest()[:24]
    start_moment = _Moment.of(event["DTSTART"], "start (DTSTART)")
    parsed = _Parsed(uid, summary or NO_TITLE, f"{start_moment.value:%Y-%m-%d}", {})
    own_tz = _text(event.get(X_FIELDS["tz"]))
    if _zone_ok(own_tz):
        target = own_tz
    elif start_moment.tzid and not start_moment.is_date:
        target = zones.named(start_moment.tzid) or zones.default
    else:
        target = zones.default
    all_day = start_moment.is_date
    start = zones.local(start_moment.value, start_moment.tzid, target)
    if "DTEND" in event:
        end_moment = _Moment.of(event["DTEND"], "end (DTEND)")
        if end_moment.is_date != all_day:
            raise _Problem("its start and end are not both dates or both times.")
        end = zones.local(end_moment.value, end_moment.tzid, target)
    elif "DURATION" in event:
        try:
            duration = getattr(event["DURATION"], "dt", None)
        except ValueError:
            duration = None
        if not isinstance(duration, timedelta):
            raise _Problem("its DURATION is not a duration.")
        end = start + duration
    else:
        end = start
    if end < start:
        raise _Problem("it ends before it starts.")
    if end == start:
        end = start + (timedelta(days=1) if all_day else DEFAULT_DURATION)
    for unsupported, what in (("RDATE", "extra dates (RDATE)"), ("EXRULE", "EXRULE")):
        if unsupported in event:
            raise _Problem(f"repeating events with {what} are not supported.")
    rule: Recurrence | None = None
    if "RRULE" in event:
        prop = event["RRULE"]
        if isinstance(prop, list):
            raise _Problem("it has more than one repeat rule (RRULE), which is not supported.")
        rule = _recurrence(_ical_text(prop), start, target, zones)
        for exdate in _as_list(event.get("EXDATE")):
            tzid = getattr(exdate, "params", {}).get("TZID")
            for one in getattr(exdate, "dts", []):
                moment = _Moment.of(one, "EXDATE")
                local = zones.local(moment.value, moment.tzid or tzid, target)
                if moment.is_date and not all_day:
                    local = datetime.combine(local.date(), start.time())
                parsed.exdates.append(local)
    if "RECURRENCE-ID" in event:
        rid = event["RECURRENCE-ID"]
        if isinstance(rid, list):
            raise _Problem("it has more than one RECURRENCE-ID.")
        if str(rid.params.get("RANGE", "")).upper() == "THISANDFUTURE":
            raise _Problem("changes to an occurrence “and all following” are not supported.")
        parsed.recurrence_id = _Moment.of(rid, "RECURRENCE-ID")
    x = {name: _text(event.get(prop)) for name, prop in X_FIELDS.items()}
    parsed.own_kind = bool(x["kind"])
    status = x["status"] or ICAL_TO_STATUS.get(_text(event.get("STATUS")).upper(), Status.PLANNED)
    parsed.values = {
        "kind": x["kind"] or ItemKind.CONTENT.value,
        "item_type": x["item_type"],
        "title": _clip(summary, TITLE_MAX) or NO_TITLE,
        "all_day": all_day,
        "start": start,
        "end": end,
        "tz": target,
        "status": str(status),
        "owner": _clip(x["owner"], TEXT_MAX),
        "description": _clip(_text(event.get("DESCRIPTION")), TEXT_MAX),
        "speaker": _clip(x["speaker"], TEXT_MAX),
        "location": _clip(_text(event.get("LOCATION")), TEXT_MAX),
        "recurrence": rule,
    } | {goal: x[goal] or None for goal in GOAL_FIELDS}
    return parsed


def _ical_text(prop: Any) -> str:
    """A property's value as the file writes it."""
    raw = prop.to_ical()
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _recurrence(text: str, start: datetime, target: str, zones: _Zones) -> Recurrence:
    """Read RRULE text for a series starting at ``start`` (local time in ``target``).

    UNTIL (UTC, local or a date) becomes the last local day with an
    occurrence. The result is checked against RFC 5545's own expansion, so a
    rule the planner would repeat differently (WKST=SU with an interval, for
    one) is refused rather than imported wrong.
    """
    parts = [p for p in text.strip().split(";") if p]
    until: date | None = None
    reference_until: datetime | None = None
    kept: list[str] = []
    for part in parts:
        key, _, value = part.partition("=")
        if key.strip().upper() != "UNTIL":
            kept.append(part)
            continue
        value = value.strip().upper()
        try:
            if not _UNTIL_FORM.fullmatch(value):
                raise ValueError(value)
            if "T" not in value:
                until = datetime.strptime(value, "%Y%m%d").date()
                reference_until = datetime.combine(until, time(23, 59, 59))
                continue
            moment = datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
        except ValueError:
            raise _Problem(f"its repeat rule ends on “{value}”, which is not a date.") from None
        if value.endswith("Z"):
            moment = zones.local(moment.replace(tzinfo=UTC), None, target)
        reference_until = moment
        until = moment.date() if moment.time() >= start.time() else moment.date() - timedelta(1)
    ours = kept + ([f"UNTIL={until:%Y%m%d}"] if until is not None else [])
    try:
        rule = Recurrence.parse(";".join(ours))
    except RecurrenceError as exc:
        raise _Problem(f"its repeat rule is not supported ({_sentence(str(exc))}).") from None
    reference = kept + (
        [f"UNTIL={reference_until:%Y%m%dT%H%M%S}"] if reference_until is not None else []
    )
    try:
        expected = list(islice(rrulestr(";".join(reference), dtstart=start), RULE_CHECK_COUNT))
    except (ValueError, TypeError):
        raise _Problem(f"its repeat rule “{text}” cannot be read.") from None
    if rule.starts(start, RULE_CHECK_COUNT) != expected:
        raise _Problem(
            f"its repeat rule “{text}” would repeat differently here "
            "(weeks start on Monday in Community Planner)."
        )
    return rule


def _sentence(text: str) -> str:
    return text[:1].lower() + text[1:].rstrip(".")


# -- import -------------------------------------------------------------------------


@dataclass
class _Planned:
    """One event ready to write: its storage row and the row it updates, if any."""

    parsed: _Parsed
    row: dict[str, Any]
    existing: dict[str, Any] | None
    series_uid: str | None = None  # an override of a series in the same file

    @property
    def row_is_uid(self) -> bool:
        """True when the event's UID is the id of the row it updates (our own export)."""
        return self.existing is not None and self.existing["id"] == self.parsed.uid


def import_ics(
    ws: Workspace, data: bytes, *, community_id: str, default_tz: str, source: str = ""
) -> ImportResult:
    """Import an iCalendar file into one community, as one undoable edit.

    Args:
        data: the file's bytes.
        community_id: every event goes into this (live) community.
        default_tz: the zone for floating, UTC and all-day times.
        source: names the file in messages and in the undo history.

    Raises IcsError (and imports nothing) when the file cannot be read or an
    event cannot be held by the planner; NotFound for an unknown community.
    """
    community = ws.get_row("communities", community_id)
    if community is None or community["deleted"]:
        raise NotFound(f"No community with id {community_id}.")
    if not _zone_ok(default_tz):
        raise IcsError(f"“{default_tz}” is not a time zone.")
    events, vtimezones = _read_calendar(data, source)
    zones = _Zones(default_tz, vtimezones)
    masters: dict[str, _Parsed] = {}
    overrides: dict[tuple[str, str], _Parsed] = {}
    for event in events:
        try:
            parsed = _read_event(event, zones)
        except _Problem as exc:
            raise _event_error(source, _text(event.get("SUMMARY")), _day(event), str(exc)) from None
        if parsed.recurrence_id is None:
            if parsed.uid in masters:
                raise parsed.problem(source, "another event in the file has the same UID.")
            masters[parsed.uid] = parsed
        else:
            key = (parsed.uid, parsed.recurrence_id.key())
            if key in overrides:
                raise parsed.problem(source, "the same occurrence is changed twice in the file.")
            overrides[key] = parsed
    # Everything is checked before anything is written.
    existing = _Existing(ws, community_id)
    plans = [_plan_item(ws, p, existing, community_id, source) for p in masters.values()]
    series = {plan.parsed.uid: plan for plan in plans if plan.row["rrule"]}
    for parsed in overrides.values():
        plans.append(
            _plan_override(ws, parsed, series, set(masters), existing, community_id, zones, source)
        )
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    with ws.edit("import_ics", source) as edit:
        written: dict[str, str] = {}
        for plan in plans:
            if plan.series_uid is not None:
                plan.row["series_id"] = written[plan.series_uid]
            outcome, row_id = _write(edit, plan)
            if plan.parsed.recurrence_id is None:
                written[plan.parsed.uid] = row_id
            counts[outcome] += 1
    return ImportResult(counts["added"], counts["updated"], counts["unchanged"], edit.change)


def _clean(ws: Workspace, parsed: _Parsed, values: dict[str, Any], source: str) -> dict[str, Any]:
    try:
        return clean_values(ws, values)
    except ValidationError as exc:
        name, message = next(iter(exc.fields.items()), ("", exc.message))
        if name in X_FIELDS:  # one of our X-properties holds a value we cannot take
            message = f"its {X_FIELDS[name]} is not valid ({_sentence(message)})."
        raise parsed.problem(source, message) from None


def _storage(clean: dict[str, Any], exdates: Iterable[datetime]) -> dict[str, Any]:
    """The storage row for clean values, with a series' exdates."""
    row = storage_row(clean)
    if clean["recurrence"] is None:
        row["exdates"] = "[]"
    else:
        row["exdates"] = json.dumps(sorted({format_time(d) for d in exdates}))
    return row


class _Existing:
    """The community's live rows, found by id, ICS UID, or series and occurrence.

    Read once per import: a lookup per event would cost a scan of the
    community each (SQLite may prefer the community index to the UID one).
    """

    def __init__(self, ws: Workspace, community_id: str) -> None:
        self._by_id: dict[str, dict[str, Any]] = {}
        self._by_uid: dict[str, dict[str, Any]] = {}
        self._overrides: dict[tuple[str, str], dict[str, Any]] = {}
        rows = ws.db.query(
            f"SELECT * FROM {TABLE} WHERE community_id = ? AND deleted = 0 ORDER BY updated_at",
            [community_id],
        )
        for row in rows:  # oldest first, so the newest of duplicates wins
            if row["series_id"] is not None:
                self._overrides[(row["series_id"], row["recurrence_id"])] = row
                continue
            self._by_id[row["id"]] = row
            if row["ical_uid"]:
                self._by_uid[row["ical_uid"]] = row

    def item(self, uid: str) -> dict[str, Any] | None:
        """The one-off or series whose id (our export) or ICS UID is ``uid``."""
        return self._by_id.get(uid) or self._by_uid.get(uid)

    def override(self, series_id: str, recurrence_id: str) -> dict[str, Any] | None:
        """The live override of one occurrence of a series."""
        return self._overrides.get((series_id, recurrence_id))


def _plan_item(
    ws: Workspace, parsed: _Parsed, existing: _Existing, community_id: str, source: str
) -> _Planned:
    """A one-off item or a series: its row and the item with the same UID, if any."""
    values = dict(parsed.values, community_id=community_id)
    values["item_type"] = values["item_type"] or "other"
    clean = _clean(ws, parsed, values, source)
    row = _storage(clean, parsed.exdates) | {"series_id": None, "recurrence_id": None}
    plan = _Planned(parsed, row, existing.item(parsed.uid))
    if not plan.row_is_uid:
        row["ical_uid"] = parsed.uid
    return plan


def _plan_override(
    ws: Workspace,
    parsed: _Parsed,
    series_plans: dict[str, _Planned],
    master_uids: set[str],
    existing: _Existing,
    community_id: str,
    zones: _Zones,
    source: str,
) -> _Planned:
    """A changed occurrence: an override of its series, or a one-off if it has none."""
    assert parsed.recurrence_id is not None
    orphan_uid = f"{parsed.uid}#{parsed.recurrence_id.key()}"
    planned = series_plans.get(parsed.uid)
    stored: CalendarItem | None = None
    if planned is None and parsed.uid not in master_uids:
        stored_row = existing.item(parsed.uid)
        if stored_row is not None and stored_row["rrule"]:
            stored = CalendarItem.from_row(stored_row)
    if planned is None and stored is None:
        # Its series is in neither the file nor the community: an item of its own.
        alone = _Parsed(orphan_uid, parsed.summary, parsed.day, parsed.values)
        return _plan_item(ws, alone, existing, community_id, source)
    if planned is not None:
        series_values = planned.parsed.values | {"item_type": planned.row["item_type"]}
        series_tz, series_all_day = planned.row["tz"], bool(planned.row["all_day"])
        series_start = parse_time(planned.row["starts_at"])
        series_id = planned.existing["id"] if planned.existing else None
        own = planned.row_is_uid
    else:
        assert stored is not None
        series_values = stored.values()
        series_tz, series_all_day, series_start = stored.tz, stored.all_day, stored.start
        series_id = stored.id
        own = stored.id == parsed.uid
    values = dict(parsed.values, community_id=community_id, recurrence=None)
    if not parsed.own_kind:
        values.update(kind=series_values["kind"], item_type=series_values["item_type"])
    values["item_type"] = values["item_type"] or "other"
    try:
        original = zones.local(parsed.recurrence_id.value, parsed.recurrence_id.tzid, series_tz)
    except _Problem as exc:
        raise parsed.problem(source, str(exc)) from None
    if parsed.recurrence_id.is_date and not series_all_day:
        original = datetime.combine(original.date(), series_start.time())
    clean = _clean(ws, parsed, values, source)
    row = _storage(clean, []) | {"series_id": series_id, "recurrence_id": format_time(original)}
    if not own:
        row["ical_uid"] = parsed.uid
    # The same occurrence imported before; or imported on its own before its
    # series came, adopted now.
    found = existing.override(series_id, row["recurrence_id"]) if series_id else None
    found = found or existing.item(orphan_uid)
    series_uid = parsed.uid if planned is not None else None
    return _Planned(parsed, row, found, series_uid=series_uid)


def _write(edit: Edit, plan: _Planned) -> tuple[str, str]:
    """Insert or update one row; returns what happened ("added"...) and the row id."""
    if plan.existing is None:
        return "added", edit.insert(TABLE, {"ical_uid": ""} | plan.row)
    changed = {k: v for k, v in plan.row.items() if not _same(plan.existing.get(k), v)}
    if not changed:
        return "unchanged", str(plan.existing["id"])
    edit.update(TABLE, plan.existing["id"], changed)
    return "updated", str(plan.existing["id"])


def _same(stored: Any, new: Any) -> bool:
    if isinstance(stored, int | float) and isinstance(new, int | float):
        return float(stored) == float(new)
    return bool(stored == new)


__all__ = ["IcsError", "ImportResult", "export_ics", "import_ics", "vtimezone"]
