"""iCalendar export: the VCALENDAR of the calendar, one VEVENT per item.

See :mod:`planner.ics` for what is written; the VTIMEZONEs come from
:mod:`planner.ics_zones`.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur, vText

from planner.calendar import GOAL_FIELDS, TABLE, CalendarItem, Status, format_time
from planner.communities import list_communities
from planner.errors import NotFound
from planner.i18n import QT_TRANSLATE_NOOP
from planner.ics_zones import vtimezone
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
                raise NotFound(
                    QT_TRANSLATE_NOOP("IcsExport", "No community with id {id}.").format(
                        id=community_id
                    )
                )
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
