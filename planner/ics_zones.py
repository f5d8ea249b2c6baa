"""Time zones for iCalendar: VTIMEZONE building, Windows zone names, TZID resolution.

:func:`vtimezone` writes the VTIMEZONE of an IANA zone for export; :class:`Zones`
resolves the TZIDs of an imported file (IANA and Windows names, vendor-prefixed
ids, or the file's own VTIMEZONE) to wall-clock times.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard
from icalendar.timezone import tzp
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from planner.i18n import QT_TRANSLATE_NOOP, TextError


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


def zone_ok(name: str) -> bool:
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder ("Europe")
        return False
    return True


class Problem(TextError):
    """Why one event cannot be imported (a sentence); named with the event by the caller.

    ``str(problem)`` and :attr:`message` are the sentence, a translatable Text.
    """


class Zones:
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
        return next((c for c in candidates if zone_ok(c)), None)

    def tzinfo(self, tzid: str) -> tzinfo:
        name = self.named(tzid)
        if name is not None:
            return ZoneInfo(name)
        if tzid not in self._custom:
            component = self._components.get(tzid)
            if component is None:
                raise Problem(
                    QT_TRANSLATE_NOOP(
                        "IcsZones",
                        "it uses the time zone “{zone}”, which the file does not define.",
                    ).format(zone=" ".join(tzid.split())[:80])
                )
            try:
                self._custom[tzid] = tzp.create_timezone(component)
            except Exception:
                raise Problem(
                    QT_TRANSLATE_NOOP(
                        "IcsZones", "the time zone “{zone}” in the file cannot be read."
                    ).format(zone=" ".join(tzid.split())[:80])
                ) from None
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
