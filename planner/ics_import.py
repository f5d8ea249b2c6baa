"""iCalendar import: reading a file's events and matching them with stored items.

See :mod:`planner.ics` for the rules; :func:`planner.ics.import_ics` runs the
import as one edit.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any

from dateutil.rrule import rrulestr
from icalendar import Calendar, Event, Timezone, vUnknown

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
from planner.errors import EXIT_BAD_INPUT, PlannerError, ValidationError
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.ics_export import X_FIELDS
from planner.ics_zones import Problem, Zones, zone_ok
from planner.recurrence import Recurrence, RecurrenceError
from planner.workspace import Edit, Workspace

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
        name = re.split(r"[:;]", line, maxsplit=1)[0]
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
        value = line.split(":", 1)[1].strip().upper()
        keyword = name.upper()
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
                    ).format(number=number, end=value, begin=stack[-1]),
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
            ).format(end=stack[-1]),
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
    if isinstance(value, vUnknown):
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
    summary = text(event.get("SUMMARY"))
    if "DTSTART" not in event:
        raise Problem(QT_TRANSLATE_NOOP("IcsImport", "it has no start (DTSTART)."))
    uid = text(event.get("UID"))
    if not uid:
        # No UID (against RFC 5545): one made from what identifies the event
        # (not DTSTAMP, which changes with every export) keeps re-imports idempotent.
        key = [summary] + [
            _ical_text(event[name]) for name in ("DTSTART", "RECURRENCE-ID") if name in event
        ]
        uid = "cplan-no-uid-" + hashlib.sha256("\n".join(key).encode()).hexdigest()[:24]
    start_moment = _Moment.of(event["DTSTART"], QT_TRANSLATE_NOOP("IcsImport", "start (DTSTART)"))
    parsed = Parsed(uid, summary or NO_TITLE, f"{start_moment.value:%Y-%m-%d}", {})
    own_tz = text(event.get(X_FIELDS["tz"]))
    if zone_ok(own_tz):
        target = own_tz
    elif start_moment.tzid and not start_moment.is_date:
        target = zones.named(start_moment.tzid) or zones.default
    else:
        target = zones.default
    all_day = start_moment.is_date
    start = zones.local(start_moment.value, start_moment.tzid, target)
    if "DTEND" in event:
        end_moment = _Moment.of(event["DTEND"], QT_TRANSLATE_NOOP("IcsImport", "end (DTEND)"))
        if end_moment.is_date != all_day:
            raise Problem(
                QT_TRANSLATE_NOOP(
                    "IcsImport", "its start and end are not both dates or both times."
                )
            )
        end = zones.local(end_moment.value, end_moment.tzid, target)
    elif "DURATION" in event:
        try:
            duration = getattr(event["DURATION"], "dt", None)
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
        if unsupported in event:
            raise Problem(refusal)
    rule: Recurrence | None = None
    if "RRULE" in event:
        prop = event["RRULE"]
        if isinstance(prop, list):
            raise Problem(
                QT_TRANSLATE_NOOP(
                    "IcsImport", "it has more than one repeat rule (RRULE), which is not supported."
                )
            )
        rule = _recurrence(_ical_text(prop), start, target, zones)
        for exdate in _as_list(event.get("EXDATE")):
            tzid = getattr(exdate, "params", {}).get("TZID")
            for one in getattr(exdate, "dts", []):
                moment = _Moment.of(one, QT_TRANSLATE_NOOP("IcsImport", "EXDATE"))
                local = zones.local(moment.value, moment.tzid or tzid, target)
                if moment.is_date and not all_day:
                    local = datetime.combine(local.date(), start.time())
                parsed.exdates.append(local)
    if "RECURRENCE-ID" in event:
        rid = event["RECURRENCE-ID"]
        if isinstance(rid, list):
            raise Problem(QT_TRANSLATE_NOOP("IcsImport", "it has more than one RECURRENCE-ID."))
        if str(rid.params.get("RANGE", "")).upper() == "THISANDFUTURE":
            raise Problem(
                QT_TRANSLATE_NOOP(
                    "IcsImport", "changes to an occurrence “and all following” are not supported."
                )
            )
        parsed.recurrence_id = _Moment.of(rid, QT_TRANSLATE_NOOP("IcsImport", "RECURRENCE-ID"))
    x = {name: text(event.get(prop)) for name, prop in X_FIELDS.items()}
    parsed.own_kind = bool(x["kind"])
    status = x["status"] or ICAL_TO_STATUS.get(text(event.get("STATUS")).upper(), Status.PLANNED)
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
        "description": _clip(text(event.get("DESCRIPTION")), TEXT_MAX),
        "speaker": _clip(x["speaker"], TEXT_MAX),
        "location": _clip(text(event.get("LOCATION")), TEXT_MAX),
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
    """A property's value as the file writes it."""
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
        key = derived_id(
            "ics", str(row["community_id"]), plan.parsed.uid, str(row.get("recurrence_id") or "")
        )
        return "added", insert_derived(edit, edit.workspace, key, row)
    changed = {k: v for k, v in plan.row.items() if not _same(plan.existing.get(k), v)}
    if not changed:
        return "unchanged", str(plan.existing["id"])
    edit.update(TABLE, plan.existing["id"], changed)
    return "updated", str(plan.existing["id"])


def _same(stored: Any, new: Any) -> bool:
    if isinstance(stored, int | float) and isinstance(new, int | float):
        return float(stored) == float(new)
    return bool(stored == new)
