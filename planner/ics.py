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

from collections.abc import Callable
from dataclasses import dataclass

from planner.errors import Cancelled, NotFound
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP
from planner.ics_export import PRODID as PRODID
from planner.ics_export import STATUS_TO_ICAL as STATUS_TO_ICAL
from planner.ics_export import X_COMMUNITY as X_COMMUNITY
from planner.ics_export import X_FIELDS as X_FIELDS
from planner.ics_export import export_ics
from planner.ics_import import DEFAULT_DURATION as DEFAULT_DURATION
from planner.ics_import import ICAL_TO_STATUS as ICAL_TO_STATUS
from planner.ics_import import MAX_ICS_BYTES as MAX_ICS_BYTES
from planner.ics_import import NO_TITLE as NO_TITLE
from planner.ics_import import RULE_CHECK_COUNT as RULE_CHECK_COUNT
from planner.ics_import import (
    Existing,
    IcsError,
    Parsed,
    checking,
    day,
    event_error,
    plan_item,
    plan_override,
    read_calendar,
    read_event,
    text,
    write_all,
)
from planner.ics_zones import Problem, Zones, vtimezone, zone_ok
from planner.workspace import Workspace


@dataclass(frozen=True)
class ImportResult:
    """What an import did: events added, updated and already up to date."""

    added: int
    updated: int
    unchanged: int
    change: Change


def import_ics(
    ws: Workspace,
    data: bytes,
    *,
    community_id: str,
    default_tz: str,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import an iCalendar file into one community, as one undoable edit.

    Args:
        data: the file's bytes.
        community_id: every event goes into this (live) community.
        default_tz: the zone for floating, UTC and all-day times.
        source: names the file in messages and in the undo history.
        progress: called with (done, total) now and then (total 0 while the
            file is read, then three steps per event: read, checked, written).
        cancelled: looked at as often; when it returns True the import stops
            with :class:`~planner.errors.Cancelled` and nothing is imported.

    Raises IcsError (and imports nothing) when the file cannot be read or an
    event cannot be held by the planner; NotFound for an unknown community.
    """
    community = ws.get_row("communities", community_id)
    if community is None or community["deleted"]:
        raise NotFound(
            QT_TRANSLATE_NOOP("Ics", "No community with id {id}.").format(id=community_id)
        )
    if not zone_ok(default_tz):
        raise IcsError(
            QT_TRANSLATE_NOOP("Ics", "“{zone}” is not a time zone.").format(zone=default_tz)
        )

    def step(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    step(0, 0)
    events, vtimezones = read_calendar(data, source)
    total = 3 * len(events)
    zones = Zones(default_tz, vtimezones)
    masters: dict[str, Parsed] = {}
    overrides: dict[tuple[str, str], Parsed] = {}
    for done, event in enumerate(events):
        if done % _STEP == 0:
            step(done, total)
        try:
            parsed = read_event(event, zones)
        except Problem as exc:
            raise event_error(source, text(event.get("SUMMARY")), day(event), exc.message) from None
        if parsed.recurrence_id is None:
            if parsed.uid in masters:
                raise parsed.problem(
                    source, QT_TRANSLATE_NOOP("Ics", "another event in the file has the same UID.")
                )
            masters[parsed.uid] = parsed
        else:
            key = (parsed.uid, parsed.recurrence_id.key())
            if key in overrides:
                raise parsed.problem(
                    source,
                    QT_TRANSLATE_NOOP("Ics", "the same occurrence is changed twice in the file."),
                )
            overrides[key] = parsed
    # Everything is checked before anything is written.
    existing = Existing(ws, community_id)
    lookups = checking(ws)
    plans = []
    for done, parsed in enumerate(masters.values(), start=len(events)):
        if done % _STEP == 0:
            step(done, total)
        plans.append(plan_item(lookups, parsed, existing, community_id, source))
    series = {plan.parsed.uid: plan for plan in plans if plan.row["rrule"]}
    for done, parsed in enumerate(overrides.values(), start=len(events) + len(masters)):
        if done % _STEP == 0:
            step(done, total)
        plans.append(
            plan_override(
                lookups, parsed, series, set(masters), existing, community_id, zones, source
            )
        )
    with ws.edit("import_ics", source) as edit:
        counts = write_all(
            edit, plans, lambda done, _: step(2 * len(events) + done, total), cancelled
        )
    return ImportResult(counts["added"], counts["updated"], counts["unchanged"], edit.change)


# Events between two progress reports (and looks at the Cancel).
_STEP = 200


__all__ = ["IcsError", "ImportResult", "export_ics", "import_ics", "vtimezone"]
