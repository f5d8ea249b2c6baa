"""iCalendar import: reading a file's events and matching them with stored items.

See :mod:`planner.ics` for the rules; :func:`planner.ics.import_ics` runs the
import as one edit.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any, cast

from dateutil.rrule import rrulestr
from icalendar import Calendar, Event, Timezone, vDDDTypes, vText, vUnknown
from icalendar.parser_tools import DEFAULT_ENCODING
from sqlite_utils.db import jsonify_if_needed

from planner.calendar import (
    GOAL_FIELDS,
    TABLE,
    TEXT_MAX,
    TITLE_MAX,
    CalendarItem,
    ItemKind,
    Status,
    clean_values,
    derived_id,
    format_time,
    insert_derived,
    parse_time,
)
from planner.calendar import _row as storage_row
from planner.errors import EXIT_BAD_INPUT, Cancelled, PlannerError, ValidationError
from planner.history import RowChange
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.ics_export import X_FIELDS
from planner.ics_zones import Problem, Zones, zone_ok
from planner.recurrence import Recurrence, RecurrenceError
from planner.workspace import Edit, Workspace, new_id, next_stamp, now_ms

MAX_ICS_BYTES = 50 * 1024 * 1024
# The title of an imported event without one (stored as it is: it is data).
NO_TITLE = "(No title)"
# The same words in a message, translated.
NO_TITLE_TEXT = QT_TRANSLATE_NOOP("IcsImport", "(No title)")
# A timed event without an end (or ending when it starts) gets this length.
DEFAULT_DURATION = timedelta(minutes=30)
# How many occurrences of an imported rule are compared with RFC 5545's own
# expansion to make sure the planner repeats it the same way.
RULE_CHECK_COUNT = 200

ICAL_TO_STATUS = {"TENTATIVE": Status.IDEA, "CANCELLED": Status.CANCELLED}


class IcsError(PlannerError):
    """An iCalendar file that cannot be read or imported; nothing was changed."""

    exit_code = EXIT_BAD_INPUT


# -- reading a file -----------------------------------------------------------------


_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_LINE_NAME = re.compile(r"[^:;]*")
_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
_UNTIL_FORM = re.compile(r"[0-9]{8}(T[0-9]{6}Z?)?")


def _labelled(source: str, message: Text) -> Text:
    """``message`` naming the file it is about: ``{source}: {message}``."""
    if not source:
        return message
    return QT_TRANSLATE_NOOP("IcsImport", "{source}: {message}").format(
        source=source, message=message
    )


def _shown(text: str, limit: int = 40) -> str:
    """A value from the file as it may be quoted in a message: one line, clipped.

    (A form feed or vertical tab is a line break to Qt and to str.splitlines.)
    """
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit] + "…"


def _error(source: str, message: Text) -> IcsError:
    return IcsError(_labelled(source, message))


def read_calendar(data: bytes, source: str) -> tuple[list[Event], dict[str, Timezone]]:
    """The VEVENTs and VTIMEZONEs of an iCalendar file; IcsError if it is not one."""
    if len(data) > MAX_ICS_BYTES:
        raise _error(
            source,
            QT_TRANSLATE_NOOP("IcsImport", "the file is too large to be a calendar (over 50 MB)."),
        )
    if not data.strip():
        raise _error(
            source,
            QT_TRANSLATE_NOOP(
                "IcsImport", "the file is empty; it is not an iCalendar (.ics) file."
            ),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Some writers fold lines in the middle of a character: unfold first.
        try:
            text = re.sub(rb"\r?\n[ \t]", b"", data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _error(
                source,
                QT_TRANSLATE_NOOP(
                    "IcsImport", "not an iCalendar (.ics) file: it is not text in UTF-8."
                ),
            ) from None
    if "\x00" in text:
        raise _error(
            source, QT_TRANSLATE_NOOP("IcsImport", "not an iCalendar (.ics) file: it is not text.")
        )
    _check_structure(text, source)
    fast = _read_quickly(text)
    if fast is not None:
        return fast
    return _read_by_icalendar(text, source)


def _read_by_icalendar(text: str, source: str) -> tuple[list[Event], dict[str, Timezone]]:
    """What :func:`read_calendar` returns, read by icalendar's parser (the plain way)."""
    try:
        with warnings.catch_warnings():
            # icalendar warns when it guesses a vendor-prefixed TZID; we resolve
            # zones ourselves (see ics_zones.Zones).
            warnings.simplefilter("ignore")
            calendars = Calendar.from_ical(text.encode("utf-8"), multiple=True)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        detail = " ".join(str(exc).split())[:120]
        raise _error(
            source,
            QT_TRANSLATE_NOOP("IcsImport", "the calendar cannot be read ({detail}).").format(
                detail=detail
            ),
        ) from None
    events: list[Event] = []
    zones: dict[str, Timezone] = {}
    for cal in calendars:
        for component in cal.subcomponents:
            if isinstance(component, Event):
                events.append(component)
            elif isinstance(component, Timezone) and "TZID" in component:
                zones.setdefault(str(component["TZID"]), component)
    return events, zones


def _read_quickly(text: str) -> tuple[list[Event], dict[str, Timezone]] | None:
    """What :func:`read_calendar` returns, read faster; None to have icalendar read it all.

    icalendar splits every content line character by character and makes a
    parameter object for each: most of the time of a large import. Here the
    lines of the events are split with a regular expression (a line whose name
    and parameters hold no quote or backslash: then its first colon ends them),
    parameters are parsed once per distinct ``NAME;PARAMS`` head, and each
    value goes through the same icalendar value type, error handling and
    ``Event.add`` as icalendar's own parser (see ComponentIcalParser), so the
    events are the ones icalendar makes. Everything but the events (the
    calendar's own lines, VTIMEZONEs...) is read by icalendar itself, first,
    so its zones are known when the events' times are read, as after its own
    second pass for forward references. Whatever is not as expected (an odd
    BEGIN/END, an event inside something else, a part icalendar refuses)
    returns None: the whole file is then read the usual way, with its messages.
    """
    try:
        from icalendar.parser.content_line import NEWLINE, UFOLD, Contentline
        from icalendar.parser.property import unescape_backslash
    except ImportError:  # another icalendar: its own parser does it all
        return None
    try:
        return _QuickReader(Contentline, unescape_backslash).read(text, UFOLD, NEWLINE)
    except Exception:  # anything unexpected: the usual way says what is wrong
        return None


# A content line whose name and parameters hold no quote or backslash: its
# first colon is the one that ends them (as in icalendar's Contentline.raw_parts).
_SIMPLE_HEAD = re.compile(r'[^:"\\]*:')
_DATETIME_NAMES = frozenset({"DTSTART", "DTEND", "RECURRENCE-ID", "DUE", "RDATE", "EXDATE"})
_COMPONENT_NAME = re.compile(r"[A-Za-z0-9-]+")
_DDD_VALUES = (datetime, date, timedelta)


class _QuickReader:
    """One file's events read by :func:`_read_quickly`."""

    def __init__(self, contentline: Any, unescape: Any) -> None:
        self._contentline = contentline
        self._unescape = unescape
        self._heads: dict[str, tuple[str, Any]] = {}
        self._factories: dict[str, tuple[Any, bool]] = {}  # by head
        self._values: dict[tuple[Any, str, Any], Any] = {}  # DTSTAMP... repeat
        self._parser = Calendar._get_ical_parser("")
        self._types = Calendar.types_factory

    def _parts(self, line: str) -> tuple[str, Any, str, str] | None:
        """(NAME, parameters, raw value, head) of a line; None if icalendar cannot split it.

        The head (``NAME;PARAMS:``) is "" when the line's is not a simple one.
        """
        colon = line.find(":")
        head = line[: colon + 1]
        if colon >= 0 and '"' not in head and "\\" not in head:
            known = self._heads.get(head)
            if known is None:
                try:
                    name, params, _ = self._contentline(head).raw_parts()
                except ValueError:
                    return None
                known = self._heads[head] = (name.upper(), params)
            return known[0], known[1], line[colon + 1 :], head
        try:
            name, params, raw = self._contentline(line).raw_parts()
        except ValueError:
            return None
        return name.upper(), params, raw, ""

    def read(
        self, text: str, ufold: Any, newline: Any
    ) -> tuple[list[Event], dict[str, Timezone]] | None:
        rest: list[str] = []  # every line but those of the events, for icalendar
        # Each event with its lines: (NAME, parameters, raw value, head or line).
        events: list[tuple[Event, list[tuple[str, Any, str, str]]]] = []
        stack: list[str] = []
        event: Event | None = None
        lines: list[tuple[str, Any, str, str]] = []  # the event's properties
        nested: list[str] = []  # a component in the event
        depth = 0
        for line in newline.split(ufold.sub("", text)):
            if not line:
                continue
            parts = self._parts(line)
            if parts is None:
                if event is None or depth:
                    return None  # icalendar refuses it outside an event: its message
                lines.append(("", None, "", line))  # noted in its place (_value)
                continue
            name, params, raw, head = parts
            if name == "BEGIN" or name == "END":
                value = self._unescape(raw) if "\\" in raw else raw
                if not _COMPONENT_NAME.fullmatch(value):
                    return None
                value = value.upper()
                if event is not None:
                    if name == "END" and depth == 0:
                        events.append((event, lines))
                        event, lines = None, []
                        stack.pop()
                        continue
                    depth += 1 if name == "BEGIN" else -1
                    nested.append(line)
                    if depth == 0:
                        if not self._nest(event, nested):
                            return None
                        nested = []
                    continue
                if name == "BEGIN":
                    stack.append(value)
                    if value == "VEVENT" and len(stack) == 2:
                        event = Event()
                        continue
                elif not stack:
                    return None
                else:
                    stack.pop()
                rest.append(line)
            elif event is None:
                rest.append(line)
            elif depth:
                nested.append(line)
            else:
                lines.append((name, params, raw, head or line))
        if event is not None or stack:
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # as in read_calendar
            calendars = Calendar.from_ical("\r\n".join(rest).encode("utf-8"), multiple=True)
            zones: dict[str, Timezone] = {}
            for cal in calendars:
                for component in cal.subcomponents:
                    if isinstance(component, Timezone) and "TZID" in component:
                        zones.setdefault(str(component["TZID"]), component)
            # The events' values are read once icalendar knows the file's zones.
            for found, properties in events:
                for name, params, raw, head in properties:
                    self._value(found, name, params, raw, head)
        return [found for found, _ in events], zones

    def _parse(self, factory: Any, value: str, tzid: str | None) -> Any:
        """factory.from_ical(value[, tzid]); the same values (immutable) read once."""
        key = (factory, value, tzid)
        parsed = self._values.get(key)
        if parsed is None:
            parsed = factory.from_ical(value, tzid) if tzid else factory.from_ical(value)
            if isinstance(parsed, _DDD_VALUES) and len(self._values) < 100_000:
                self._values[key] = parsed
        return parsed

    def _line_error(self, event: Event, line: str) -> None:
        """A line icalendar cannot split, in an event: noted as icalendar notes it."""
        try:
            self._contentline(line).parts()
        except ValueError as exc:
            event.errors.append((None, str(exc)))

    def _nest(self, event: Event, lines: list[str]) -> bool:
        """A component in an event (an alarm): read by icalendar; False if it refuses it."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parts = Calendar.from_ical("\r\n".join(lines).encode("utf-8"), multiple=True)
        except Exception:
            return False
        for part in parts:
            event.add_component(part)
        return True

    def _value(self, event: Event, name: str, params: Any, raw: str, head: str) -> None:
        """One property into the event, as ComponentIcalParser.handle_property does.

        ``head`` is the line's ``NAME;PARAMS:`` (the whole line when it has no
        simple head: it is only used to make icalendar's Contentline again).
        """
        line = head + raw if head.endswith(":") else head
        if not name:  # a line icalendar cannot split
            self._line_error(event, line)
            return
        if name in ("CATEGORIES", "FREEBUSY", "RDATE"):  # its special cases: its own code
            parser = self._parser
            parser._stack = [event]
            parser.handle_property(name, params, self._unescape(raw), self._contentline(line))
            return
        known = self._factories.get(head) if head.endswith(":") else None
        if known is None:
            factory = self._types.for_property(name, params.value)
            verbatim = getattr(factory, "get_value_from_content_line", None) is not None
            known = (factory, verbatim)
            if head.endswith(":"):
                self._factories[head] = known
        factory, verbatim = known
        value = raw if verbatim or "\\" not in raw else self._unescape(raw)
        prop: Any
        if factory is vText or factory is vUnknown:
            # What factory(factory.from_ical(value)) makes, without the two
            # parameter objects it makes and drops (the line's are set below).
            prop = str.__new__(factory, value)
            prop.encoding = DEFAULT_ENCODING
        else:
            tzid = params.get("TZID") if params and name in _DATETIME_NAMES else None
            try:
                parsed = self._parse(factory, value, tzid)
            except (ValueError, TypeError) as exc:
                parser = self._parser
                parser._stack = [event]
                parser.handle_property_parse_error(
                    exc, name, params, value, self._contentline(line)
                )
                return
            if factory is vDDDTypes and isinstance(parsed, _DDD_VALUES):
                prop = vDDDTypes.__new__(vDDDTypes)  # (the same, likewise)
                prop.dt = parsed
            else:
                prop = factory(parsed)
        prop.params = params
        # Event.add(name, prop, encode=False) for a name in capitals (as its keys are).
        old = OrderedDict.get(event, name)
        if old is None:
            OrderedDict.__setitem__(event, name, prop)
        elif isinstance(old, list):
            old.append(prop)
        else:
            OrderedDict.__setitem__(event, name, [old, prop])


def _not_begun() -> Text:
    return QT_TRANSLATE_NOOP(
        "IcsImport", "not an iCalendar (.ics) file (it does not begin with BEGIN:VCALENDAR)."
    )


def _check_structure(text: str, source: str) -> None:
    """Content lines and BEGIN/END nesting, which icalendar partly forgives."""
    stack: list[str] = []
    seen_calendar = False
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(re.split(r"\r\n|\n|\r", text), start=1):
        if line[:1] in (" ", "\t"):
            if not logical:
                raise _error(
                    source,
                    QT_TRANSLATE_NOOP(
                        "IcsImport", "not an iCalendar (.ics) file (line 1 is indented)."
                    ),
                )
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        else:
            logical.append((number, line))
    for number, line in logical:
        if not line.strip():
            continue
        name = _LINE_NAME.match(line).group()  # type: ignore[union-attr]  # (it always matches)
        if ":" not in line or not _NAME.match(name):
            if not seen_calendar:
                raise _error(source, _not_begun())
            shown = _shown(line)
            raise _error(
                source,
                QT_TRANSLATE_NOOP(
                    "IcsImport", "line {number} is not an iCalendar line: “{line}”."
                ).format(number=number, line=shown),
            )
        keyword = name.upper()
        value = line.split(":", 1)[1].strip().upper() if keyword in ("BEGIN", "END") else ""
        if not stack and not (keyword == "BEGIN" and value == "VCALENDAR"):
            if not seen_calendar:
                raise _error(source, _not_begun())
            raise _error(
                source,
                QT_TRANSLATE_NOOP("IcsImport", "line {number} comes after END:VCALENDAR.").format(
                    number=number
                ),
            )
        if keyword == "BEGIN":
            stack.append(value)
            seen_calendar = True
        elif keyword == "END":
            if value != stack[-1]:
                raise _error(
                    source,
                    QT_TRANSLATE_NOOP(
                        "IcsImport", "line {number}: END:{end} does not close BEGIN:{begin}."
                    ).format(number=number, end=_shown(value), begin=_shown(stack[-1])),
                )
            stack.pop()
    if not seen_calendar:
        raise _error(
            source,
            QT_TRANSLATE_NOOP(
                "IcsImport", "not an iCalendar (.ics) file (it has no BEGIN:VCALENDAR)."
            ),
        )
    if stack:
        raise _error(
            source,
            QT_TRANSLATE_NOOP(
                "IcsImport", "the file ends before END:{end}; it may have been cut short."
            ).format(end=_shown(stack[-1])),
        )


def text(value: Any) -> str:
    """A TEXT value, stripped ("" for none).

    icalendar hands X-properties back as written (vUnknown, still escaped);
    RFC 5545 says their default type is TEXT, so they are unescaped here.
    """
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    text = str(value)
    if isinstance(value, vUnknown) and "\\" in text:
        text = _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)
    return text.strip()


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
            raise Problem(
                QT_TRANSLATE_NOOP("IcsImport", "its {name} is not a date or time.").format(
                    name=name
                )
            )
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


def day(event: Event) -> str:
    """The start day of an event for messages ("" when it has none that can be read)."""
    try:
        start = getattr(event.get("DTSTART"), "dt", None)
    except ValueError:  # a broken value raises icalendar's BrokenCalendarProperty
        return ""
    return f"{start:%Y-%m-%d}" if isinstance(start, date) else ""


def event_error(source: str, summary: str, day: str, reason: str) -> IcsError:
    """The one-line error naming an event that cannot be imported."""
    name: str = " ".join(summary.split()) or NO_TITLE
    name = name if len(name) <= 60 else name[:59] + "…"
    if name == NO_TITLE:
        name = NO_TITLE_TEXT
    if day:
        message = QT_TRANSLATE_NOOP(
            "IcsImport", "cannot import the event “{name}” ({day}): {reason} Nothing was imported."
        ).format(name=name, day=day, reason=reason)
    else:
        message = QT_TRANSLATE_NOOP(
            "IcsImport", "cannot import the event “{name}”: {reason} Nothing was imported."
        ).format(name=name, reason=reason)
    return _error(source, message)


@dataclass
class Parsed:
    """One VEVENT read into item values (not yet validated)."""

    uid: str
    summary: str
    day: str
    values: dict[str, Any]
    exdates: list[datetime] = field(default_factory=list)
    recurrence_id: _Moment | None = None
    own_kind: bool = False

    def problem(self, source: str, reason: str) -> IcsError:
        return event_error(source, self.summary, self.day, reason)


def read_event(event: Event, zones: Zones) -> Parsed:
    """The item values of one VEVENT; raises Problem saying what is wrong."""
    for name, message in event.errors:
        detail = " ".join(str(message).split())[:100]
        if name:
            raise Problem(
                QT_TRANSLATE_NOOP("IcsImport", "its {name} cannot be read ({detail}).").format(
                    name=name, detail=detail
                )
            )
        raise Problem(
            QT_TRANSLATE_NOOP("IcsImport", "one of its lines cannot be read ({detail}).").format(
                detail=detail
            )
        )
    # Its properties as a plain dict (their names in capitals, as icalendar keeps
    # them): a Component's case-insensitive lookups are slow for many events.
    props: dict[str, Any] = dict(OrderedDict.items(event))
    summary = text(props.get("SUMMARY"))
    if "DTSTART" not in props:
        raise Problem(QT_TRANSLATE_NOOP("IcsImport", "it has no start (DTSTART)."))
    uid = text(props.get("UID"))
    if not uid:
        # No UID (against RFC 5545): one made from what identifies the event
        # (not DTSTAMP, which changes with every export) keeps re-imports idempotent.
        key = [summary] + [
            _ical_text(props[name]) for name in ("DTSTART", "RECURRENCE-ID") if name in props
        ]
        uid = "cplan-no-uid-" + hashlib.sha256("\n".join(key).encode()).hexdigest()[:24]
    start_moment = _Moment.of(props["DTSTART"], QT_TRANSLATE_NOOP("IcsImport", "start (DTSTART)"))
    parsed = Parsed(uid, summary or NO_TITLE, f"{start_moment.value:%Y-%m-%d}", {})
    own_tz = text(props.get(X_FIELDS["tz"]))
    if zone_ok(own_tz):
        target = own_tz
    elif start_moment.tzid and not start_moment.is_date:
        target = zones.named(start_moment.tzid) or zones.default
    else:
        target = zones.default
    all_day = start_moment.is_date
    start = zones.local(start_moment.value, start_moment.tzid, target)
    if "DTEND" in props:
        end_moment = _Moment.of(props["DTEND"], QT_TRANSLATE_NOOP("IcsImport", "end (DTEND)"))
        if end_moment.is_date != all_day:
            raise Problem(
                QT_TRANSLATE_NOOP(
                    "IcsImport", "its start and end are not both dates or both times."
                )
            )
        end = zones.local(end_moment.value, end_moment.tzid, target)
    elif "DURATION" in props:
        try:
            duration = getattr(props["DURATION"], "dt", None)
        except ValueError:
            duration = None
        if not isinstance(duration, timedelta):
            raise Problem(QT_TRANSLATE_NOOP("IcsImport", "its DURATION is not a duration."))
        end = start + duration
    else:
        end = start
    if end < start:
        raise Problem(QT_TRANSLATE_NOOP("IcsImport", "it ends before it starts."))
    if end == start:
        end = start + (timedelta(days=1) if all_day else DEFAULT_DURATION)
    for unsupported, refusal in _UNSUPPORTED.items():
        if unsupported in props:
            raise Problem(refusal)
    rule: Recurrence | None = None
    if "RRULE" in props:
        prop = props["RRULE"]
        if isinstance(prop, list):
            raise Problem(
                QT_TRANSLATE_NOOP(
                    "IcsImport", "it has more than one repeat rule (RRULE), which is not supported."
                )
            )
        rule = _recurrence(_ical_text(prop), start, target, zones)
        for exdate in _as_list(props.get("EXDATE")):
            tzid = getattr(exdate, "params", {}).get("TZID")
            for one in getattr(exdate, "dts", []):
                moment = _Moment.of(one, QT_TRANSLATE_NOOP("IcsImport", "EXDATE"))
                local = zones.local(moment.value, moment.tzid or tzid, target)
                if moment.is_date and not all_day:
                    local = datetime.combine(local.date(), start.time())
                parsed.exdates.append(local)
    if "RECURRENCE-ID" in props:
        rid = props["RECURRENCE-ID"]
        if isinstance(rid, list):
            raise Problem(QT_TRANSLATE_NOOP("IcsImport", "it has more than one RECURRENCE-ID."))
        if str(rid.params.get("RANGE", "")).upper() == "THISANDFUTURE":
            raise Problem(
                QT_TRANSLATE_NOOP(
                    "IcsImport", "changes to an occurrence “and all following” are not supported."
                )
            )
        parsed.recurrence_id = _Moment.of(rid, QT_TRANSLATE_NOOP("IcsImport", "RECURRENCE-ID"))
    x = {name: text(props.get(prop)) for name, prop in X_FIELDS.items()}
    parsed.own_kind = bool(x["kind"])
    status = x["status"] or ICAL_TO_STATUS.get(text(props.get("STATUS")).upper(), Status.PLANNED)
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
        "description": _clip(text(props.get("DESCRIPTION")), TEXT_MAX),
        "speaker": _clip(x["speaker"], TEXT_MAX),
        "location": _clip(text(props.get("LOCATION")), TEXT_MAX),
        "recurrence": rule,
    } | {goal: x[goal] or None for goal in GOAL_FIELDS}
    return parsed


# Properties an event may not have, and what is said when it does.
_UNSUPPORTED: dict[str, Text] = {
    "RDATE": QT_TRANSLATE_NOOP(
        "IcsImport", "repeating events with extra dates (RDATE) are not supported."
    ),
    "EXRULE": QT_TRANSLATE_NOOP("IcsImport", "repeating events with EXRULE are not supported."),
}


def _ical_text(prop: Any) -> str:
    """A property's value as the file writes it (a repeated property's, joined by commas)."""
    if isinstance(prop, list):
        # Fix: a repeated DTSTART in an event without UID raised AttributeError
        # (the event is then refused: its start is not one date or time).
        return ",".join(_ical_text(one) for one in prop)
    raw = prop.to_ical()
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _recurrence(text: str, start: datetime, target: str, zones: Zones) -> Recurrence:
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
            raise Problem(
                QT_TRANSLATE_NOOP(
                    "IcsImport", "its repeat rule ends on “{value}”, which is not a date."
                ).format(value=_shown(value))
            ) from None
        if value.endswith("Z"):
            moment = zones.local(moment.replace(tzinfo=UTC), None, target)
        reference_until = moment
        until = moment.date() if moment.time() >= start.time() else moment.date() - timedelta(1)
    ours = kept + ([f"UNTIL={until:%Y%m%d}"] if until is not None else [])
    try:
        rule = Recurrence.parse(";".join(ours))
    except RecurrenceError as exc:
        raise Problem(
            QT_TRANSLATE_NOOP("IcsImport", "its repeat rule is not supported ({reason}).").format(
                reason=_sentence(exc.message)
            )
        ) from None
    reference = kept + (
        [f"UNTIL={reference_until:%Y%m%dT%H%M%S}"] if reference_until is not None else []
    )
    try:
        expected = list(islice(rrulestr(";".join(reference), dtstart=start), RULE_CHECK_COUNT))
    except (ValueError, TypeError):
        raise Problem(
            QT_TRANSLATE_NOOP("IcsImport", "its repeat rule “{rule}” cannot be read.").format(
                rule=_shown(text, 80)
            )
        ) from None
    if rule.starts(start, RULE_CHECK_COUNT) != expected:
        raise Problem(
            QT_TRANSLATE_NOOP(
                "IcsImport",
                "its repeat rule “{rule}” would repeat differently here "
                "(weeks start on Monday in Community Planner).",
            ).format(rule=_shown(text, 80))
        )
    return rule


def _sentence(text: Text) -> Text:
    """A sentence as a clause within another: lower case first, no full stop.

    The clause keeps the sentence's translation (a language without case or
    whose sentences read well inside another's is shown the sentence itself).
    """
    clause = text[:1].lower() + text[1:].rstrip(".")
    return Text(clause, text.context, text.source, text.params)


# -- import -------------------------------------------------------------------------


@dataclass
class _Planned:
    """One event ready to write: its storage row and the row it updates, if any."""

    parsed: Parsed
    row: dict[str, Any]
    existing: dict[str, Any] | None
    series_uid: str | None = None  # an override of a series in the same file

    @property
    def row_is_uid(self) -> bool:
        """True when the event's UID is the id of the row it updates (our own export)."""
        return self.existing is not None and self.existing["id"] == self.parsed.uid


def _clean(ws: Workspace, parsed: Parsed, values: dict[str, Any], source: str) -> dict[str, Any]:
    try:
        return clean_values(ws, values)
    except ValidationError as exc:
        name, message = next(iter(exc.fields.items()), ("", exc.message))
        if name in X_FIELDS:  # one of our X-properties holds a value we cannot take
            message = QT_TRANSLATE_NOOP(
                "IcsImport", "its {property} is not valid ({reason})."
            ).format(property=X_FIELDS[name], reason=_sentence(message))
        raise parsed.problem(source, message) from None


def _storage(clean: dict[str, Any], exdates: Iterable[datetime]) -> dict[str, Any]:
    """The storage row for clean values, with a series' exdates."""
    row = storage_row(clean)
    if clean["recurrence"] is None:
        row["exdates"] = "[]"
    else:
        row["exdates"] = json.dumps(sorted({format_time(d) for d in exdates}))
    return row


class Existing:
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


class _CommunitiesOnce:
    """A workspace whose ``get_row("communities", ...)`` reads each row once.

    :func:`~planner.calendar.clean_values` looks up the item's community for
    every event; an import checks thousands of events of one community.
    """

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws
        self._communities: dict[str, dict[str, Any] | None] = {}

    def get_row(self, table: str, row_id: str) -> dict[str, Any] | None:
        if table != "communities":
            return self._ws.get_row(table, row_id)
        if row_id not in self._communities:
            self._communities[row_id] = self._ws.get_row(table, row_id)
        return self._communities[row_id]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ws, name)


def checking(ws: Workspace) -> Workspace:
    """``ws`` for :func:`plan_item` and :func:`plan_override` over many events (read only)."""
    return cast(Workspace, _CommunitiesOnce(ws))


def plan_item(
    ws: Workspace, parsed: Parsed, existing: Existing, community_id: str, source: str
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


def plan_override(
    ws: Workspace,
    parsed: Parsed,
    series_plans: dict[str, _Planned],
    master_uids: set[str],
    existing: Existing,
    community_id: str,
    zones: Zones,
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
        alone = Parsed(orphan_uid, parsed.summary, parsed.day, parsed.values)
        return plan_item(ws, alone, existing, community_id, source)
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
    except Problem as exc:
        raise parsed.problem(source, exc.message) from None
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


def write(edit: Edit, plan: _Planned) -> tuple[str, str]:
    """Insert or update one row; returns what happened ("added"...) and the row id."""
    if plan.existing is None:
        # Two copies importing the same calendar make the same records.
        row = {"ical_uid": ""} | plan.row
        return "added", insert_derived(edit, edit.workspace, _derived_key(plan), row)
    changed = {k: v for k, v in plan.row.items() if not _same(plan.existing.get(k), v)}
    if not changed:
        return "unchanged", str(plan.existing["id"])
    edit.update(TABLE, plan.existing["id"], changed)
    return "updated", str(plan.existing["id"])


def _derived_key(plan: _Planned) -> str:
    """The id a new row of ``plan`` is made under (see insert_derived)."""
    row = plan.row
    return derived_id(
        "ics", str(row["community_id"]), plan.parsed.uid, str(row.get("recurrence_id") or "")
    )


Progress = Callable[[int, int], None]

# Rows read by id in one query (SQLite's limit of host parameters is 32766).
_READ_CHUNK = 500


class _Writer:
    """Writes the plans of an import as :func:`write` one by one would, with fewer queries.

    :func:`write` reads the row under each derived id, inserts through
    sqlite_utils and reads the row back, for every event. Here the rows an
    import may touch are read in a few queries first; rows are written with
    prepared statements, and the images of the rows written (the ``after`` of
    each RowChange) are read back a few hundred at a time. The Change is the
    same, row for row and in order: a row written twice (two events that are
    one item) has its images read between the two writes.
    """

    def __init__(self, edit: Edit) -> None:
        self.edit = edit
        self.ws = edit.workspace
        self.conn = self.ws.db.conn
        self.device = self.ws.device_id
        self.current: dict[str, dict[str, Any]] = {}  # rows as they are now, by id
        self.touched: set[str] = set()  # written, their new image not read yet
        self.pending: list[tuple[str, dict[str, Any] | None]] = []  # (id, before)
        self._sql: dict[tuple[str, ...], str] = {}

    def read(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        wanted = list(dict.fromkeys(ids))
        for first in range(0, len(wanted), _READ_CHUNK):
            chunk = wanted[first : first + _READ_CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self.ws.db.query(f"SELECT * FROM {TABLE} WHERE id IN ({marks})", chunk):
                found[row["id"]] = row
        return found

    def flush(self) -> None:
        """Read the new images of the rows written since the last flush."""
        if not self.pending:
            return
        after = self.read(row_id for row_id, _ in self.pending)
        for row_id, before in self.pending:
            self.edit.rows.append(RowChange(TABLE, row_id, before, after.get(row_id)))
        self.current.update(after)
        self.touched.clear()
        self.pending.clear()

    def row(self, row_id: str) -> dict[str, Any] | None:
        """The row under ``row_id`` as it is now (in this transaction)."""
        if row_id in self.touched:
            self.flush()
        return self.current.get(row_id)

    def insert(self, values: dict[str, Any]) -> str:
        """Edit.insert: a new row with fresh sync columns; returns its id."""
        row = dict(values)
        row.setdefault("id", new_id())
        stamp = now_ms()
        row.update(created_at=stamp, updated_at=stamp, updated_by=self.device, deleted=0)
        names = tuple(row)
        sql = self._sql.get(names)
        if sql is None:
            columns = ", ".join(f'"{name}"' for name in names)
            sql = self._sql[names] = (
                f"INSERT INTO {TABLE} ({columns}) VALUES ({', '.join('?' * len(names))})"
            )
        self.conn.execute(sql, _sql_values(row.values()))
        self._written(str(row["id"]), None)
        return str(row["id"])

    def update(self, row_id: str, values: dict[str, Any]) -> None:
        """Edit.update: some columns of an existing row (tombstones included)."""
        before = self.row(row_id)
        if before is None:
            raise KeyError(f"{TABLE} {row_id}")
        updates = dict(values, updated_at=next_stamp(before), updated_by=self.device)
        columns = ", ".join(f'"{name}" = ?' for name in updates)
        self.conn.execute(
            f"UPDATE {TABLE} SET {columns} WHERE id = ?",
            [*_sql_values(updates.values()), row_id],
        )
        self._written(row_id, before)

    def _written(self, row_id: str, before: dict[str, Any] | None) -> None:
        self.touched.add(row_id)
        self.pending.append((row_id, before))
        if len(self.pending) >= _READ_CHUNK:
            self.flush()

    def insert_derived(self, row_id: str, row: dict[str, Any]) -> str:
        """planner.calendar.insert_derived, on these rows."""
        existing = self.row(row_id)
        if existing is None:
            return self.insert(row | {"id": row_id})
        if existing["deleted"]:
            self.update(row_id, row | {"deleted": 0})
            return row_id
        return self.insert(row)


_PLAIN = frozenset({str, int, float, type(None), bytes})


def _sql_values(values: Iterable[Any]) -> list[Any]:
    """The values as sqlite_utils writes them (jsonify_if_needed: dates as text...)."""
    listed = list(values)
    if set(map(type, listed)) <= _PLAIN:
        return listed
    return [jsonify_if_needed(value) for value in listed]


def write_all(
    edit: Edit,
    plans: list[_Planned],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write every plan (:func:`write` for each, in order); counts of what happened.

    ``progress(done, len(plans))`` is called now and then; ``cancelled()``,
    looked at as often, raises :class:`~planner.errors.Cancelled` (the
    transaction rolls back: nothing is written).
    """
    writer = _Writer(edit)
    keys = {id(plan): _derived_key(plan) for plan in plans if plan.existing is None}
    writer.current = writer.read(
        [*keys.values(), *(str(p.existing["id"]) for p in plans if p.existing is not None)]
    )
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    written: dict[str, str] = {}
    for done, plan in enumerate(plans):
        if done % _STEP == 0:
            _check(done, len(plans), progress, cancelled)
        if plan.series_uid is not None:
            plan.row["series_id"] = written[plan.series_uid]
        if plan.existing is None:
            row_id = writer.insert_derived(keys[id(plan)], {"ical_uid": ""} | plan.row)
            outcome = "added"
        else:
            row_id = str(plan.existing["id"])
            changed = {k: v for k, v in plan.row.items() if not _same(plan.existing.get(k), v)}
            outcome = "updated" if changed else "unchanged"
            if changed:
                writer.update(row_id, changed)
        if plan.parsed.recurrence_id is None:
            written[plan.parsed.uid] = row_id
        counts[outcome] += 1
    writer.flush()
    _check(len(plans), len(plans), progress, cancelled)
    return counts


# Events between two progress reports and looks at the Cancel.
_STEP = 200


def _check(
    done: int, total: int, progress: Progress | None, cancelled: Callable[[], bool] | None
) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total)


def _same(stored: Any, new: Any) -> bool:
    if isinstance(stored, int | float) and isinstance(new, int | float):
        return float(stored) == float(new)
    return bool(stored == new)
