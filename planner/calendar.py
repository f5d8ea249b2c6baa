"""The calendar: content output and activities, one-off or recurring.

Each item belongs to a community and is either **content** (a morning digest,
a live class, a guest share...) or an **activity** (brand, member, sharing,
paid), with goals and results for participants, new members, shares,
conversions, revenue and cost.

A recurring item is a *series* (an RRULE). Changing one occurrence writes an
*override* row for it; removing one adds its start to the series' exdates.
Edits to a series ask for a scope: this occurrence, this and the following,
or all. :func:`occurrences_between` expands series for one range only.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import math
import os
import sqlite3
import sys
import time as time_module
import uuid
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.errors import NotFound, ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.recurrence import Recurrence, RecurrenceError, expand
from planner.workspace import Edit, Workspace

TABLE = "calendar_items"
TIME_FORMAT = "%Y-%m-%dT%H:%M"
MAX_ITEM_DAYS = 31
GAP_SAMPLE = 60  # occurrences looked at to find a series' smallest gap
TITLE_MAX = 200
TEXT_MAX = 10_000


class ItemKind(StrEnum):
    CONTENT = "content"
    ACTIVITY = "activity"


class ContentType(StrEnum):
    MORNING_DIGEST = "morning_digest"
    ARTICLE = "article"
    TOPIC_DISCUSSION = "topic_discussion"
    CURRENT_AFFAIRS = "current_affairs"
    LIVE_CLASS = "live_class"
    GUEST_SHARE = "guest_share"
    LEARNING_MATERIAL = "learning_material"
    OTHER = "other"


class ActivityType(StrEnum):
    BRAND = "brand"
    MEMBER = "member"
    SHARING = "sharing"
    PAID = "paid"


TYPES_BY_KIND: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.CONTENT: tuple(t.value for t in ContentType),
    ItemKind.ACTIVITY: tuple(t.value for t in ActivityType),
}


class Status(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    READY = "ready"
    DONE = "done"
    CANCELLED = "cancelled"


class EditScope(StrEnum):
    """Which occurrences of a series an edit applies to."""

    THIS = "this"
    FOLLOWING = "following"
    ALL = "all"


METRICS = ("participants", "new_members", "shares", "conversions", "revenue", "cost")
MONEY_METRICS = frozenset({"revenue", "cost"})
GOAL_FIELDS = tuple(f"{side}_{m}" for m in METRICS for side in ("planned", "actual"))

# What a user edits; "start", "end" are datetimes and "recurrence" a Recurrence.
EDITABLE_FIELDS = (
    "community_id",
    "kind",
    "item_type",
    "title",
    "all_day",
    "start",
    "end",
    "tz",
    "status",
    "owner",
    "description",
    "speaker",
    "location",
    "recurrence",
    *GOAL_FIELDS,
)
# Fields an occurrence of a series may change on its own.
OCCURRENCE_FIELDS = tuple(f for f in EDITABLE_FIELDS if f not in ("recurrence", "community_id"))


# Ids of records two copies of a workspace make alike (one occurrence of a
# series edited, one event imported), so a merge matches them.
ID_NAMESPACE = uuid.UUID("0b6f4a57-2d0c-4b8e-9a41-6f7e3c1d5a20")


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def insert_derived(edit: Edit, ws: Workspace, row_id: str, row: dict[str, Any]) -> str:
    """Insert ``row`` under the derived id ``row_id``; returns the id used.

    A tombstone under that id (the record made before, then deleted or
    undone) comes back to life instead. A live row under it (an occurrence
    moved since) keeps it, and the new row gets a fresh id.
    """
    existing = ws.get_row(TABLE, row_id)
    if existing is None:
        return edit.insert(TABLE, row | {"id": row_id})
    if existing["deleted"]:
        edit.update(TABLE, row_id, row | {"deleted": 0})
        return row_id
    return edit.insert(TABLE, row)


def format_time(moment: datetime) -> str:
    """``YYYY-MM-DDTHH:MM``, as stored (sorts as text in time order)."""
    return moment.isoformat(timespec="minutes")


def parse_time(text: str) -> datetime:
    # fromisoformat is many times faster than strptime, which matters when a
    # month view reads thousands of rows; the stored form is always ISO.
    return datetime.fromisoformat(text)


@functools.lru_cache(maxsize=4096)
def _parse_rule(text: str) -> Recurrence:
    """Rules repeat across rows and reads; a Recurrence is immutable, so share it."""
    return Recurrence.parse(text)


def _parse_exdates(text: str) -> frozenset[datetime]:
    if text == "[]":
        return frozenset()
    return frozenset(parse_time(t) for t in json.loads(text))


# Plain lookups: calling an Enum class per row is a noticeable part of a month view.
_KINDS = {k.value: k for k in ItemKind}
_STATUSES = {s.value: s for s in Status}


@dataclass(frozen=True)
class CalendarItem:
    """One stored row: a one-off item, a series, or an override of one occurrence."""

    id: str
    community_id: str
    kind: ItemKind
    item_type: str
    title: str
    all_day: bool
    start: datetime
    end: datetime
    tz: str
    status: Status
    owner: str
    description: str
    speaker: str
    location: str
    recurrence: Recurrence | None
    exdates: frozenset[datetime]
    last_end: datetime | None
    series_id: str | None
    recurrence_id: datetime | None
    goals: dict[str, float | None] = field(hash=False, compare=True)
    updated_at: int = 0
    deleted: bool = False

    @classmethod
    def from_row(cls, row: Mapping[str, Any] | sqlite3.Row) -> CalendarItem:
        rule = row["rrule"]
        return cls(
            id=row["id"],
            community_id=row["community_id"],
            kind=_KINDS[row["kind"]],
            item_type=row["item_type"],
            title=row["title"],
            all_day=bool(row["all_day"]),
            start=parse_time(row["starts_at"]),
            end=parse_time(row["ends_at"]),
            tz=row["tz"],
            status=_STATUSES[row["status"]],
            owner=row["owner"],
            description=row["description"],
            speaker=row["speaker"],
            location=row["location"],
            recurrence=_parse_rule(rule) if rule else None,
            exdates=_parse_exdates(row["exdates"]),
            last_end=parse_time(row["last_ends_at"]) if row["last_ends_at"] else None,
            series_id=row["series_id"],
            recurrence_id=parse_time(row["recurrence_id"]) if row["recurrence_id"] else None,
            goals={name: row[name] for name in GOAL_FIELDS},
            updated_at=int(row["updated_at"]),
            deleted=bool(row["deleted"]),
        )

    if not TYPE_CHECKING:  # (so type checkers still catch misspelt attributes)

        def __getattr__(self, name: str) -> Any:
            """Fields a partial read left out load on first use (see _partial_item)."""
            rest = self.__dict__.get("_rest")
            if rest is None or name not in _REST_FIELDS:
                raise AttributeError(name)
            self.__dict__.update(rest.load(self.id))
            del self.__dict__["_rest"]
            return self.__dict__[name]

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def is_series(self) -> bool:
        return self.recurrence is not None

    @property
    def is_override(self) -> bool:
        return self.series_id is not None

    def values(self) -> dict[str, Any]:
        """The editable fields, as the editor and the services take them."""
        base: dict[str, Any] = {
            "community_id": self.community_id,
            "kind": self.kind.value,
            "item_type": self.item_type,
            "title": self.title,
            "all_day": self.all_day,
            "start": self.start,
            "end": self.end,
            "tz": self.tz,
            "status": self.status.value,
            "owner": self.owner,
            "description": self.description,
            "speaker": self.speaker,
            "location": self.location,
            "recurrence": self.recurrence,
        }
        base.update(self.goals)
        return base


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One appearance of an item on the calendar.

    Attributes:
        item: the row whose fields show (a one-off, a series, or an override).
        start, end: when this occurrence happens (local wall-clock time).
        series: the series this occurrence belongs to, if any.
        recurrence_id: its original start within the series.

    Slots, not a dict: a month holds thousands, and the calendar keeps a few
    months (half the objects for the garbage collector to walk).
    """

    item: CalendarItem
    start: datetime
    end: datetime
    series: CalendarItem | None = None
    recurrence_id: datetime | None = None
    # The key, once worked out (not compared, not shown).
    _key: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def is_recurring(self) -> bool:
        return self.series is not None

    @property
    def last_day(self) -> date:
        """The day it ends on (an end at midnight belongs to the day before)."""
        return (self.end - timedelta(microseconds=1)).date()

    @property
    def key(self) -> tuple[str, str]:
        """Stable identity of this occurrence across reloads (computed once)."""
        key = self._key
        if key is None:
            if self.series is not None and self.recurrence_id is not None:
                key = (self.series.id, format_time(self.recurrence_id))
            else:
                key = (self.item.id, "")
            object.__setattr__(self, "_key", key)
        return key

    def values(self) -> dict[str, Any]:
        """The editable fields as this occurrence shows them."""
        values = self.item.values()
        values.update(start=self.start, end=self.end)
        if self.series is not None:
            values["recurrence"] = self.series.recurrence
        return values


@dataclass(frozen=True)
class CalendarFilter:
    """Which occurrences to show; None means no restriction on that field."""

    community_ids: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    item_types: frozenset[str] | None = None
    statuses: frozenset[str] | None = None
    owners: frozenset[str] | None = None

    def sql(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (
            ("c.community_id", self.community_ids),
            ("c.kind", self.kinds),
            ("c.item_type", self.item_types),
            ("c.status", self.statuses),
            ("c.owner", self.owners),
        ):
            if values is not None:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})" if values else "0")
                params.extend(sorted(values))
        return (" AND " + " AND ".join(clauses) if clauses else ""), params

    def matches(self, item: CalendarItem) -> bool:
        return (
            (self.community_ids is None or item.community_id in self.community_ids)
            and (self.kinds is None or item.kind.value in self.kinds)
            and (self.item_types is None or item.item_type in self.item_types)
            and (self.statuses is None or item.status.value in self.statuses)
            and (self.owners is None or item.owner in self.owners)
        )


# -- validation -----------------------------------------------------------------


# "Choose a type of content." / "... of activity.", by kind.
_CHOOSE_TYPE: dict[ItemKind, Text] = {
    ItemKind.CONTENT: QT_TRANSLATE_NOOP("Calendar", "Choose a type of content."),
    ItemKind.ACTIVITY: QT_TRANSLATE_NOOP("Calendar", "Choose a type of activity."),
}


def _count(value: Any, name: str, errors: dict[str, Text]) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        errors[name] = QT_TRANSLATE_NOOP("Calendar", "Enter a number, or leave it empty.")
        return None
    # Fix: "inf" and "nan" parse as floats; int() of them raised
    # OverflowError/ValueError instead of a ValidationError, and NaN money
    # was stored as NULL without a word.
    if not math.isfinite(number):
        errors[name] = QT_TRANSLATE_NOOP("Calendar", "Enter a number, or leave it empty.")
        return None
    if number < 0:
        errors[name] = QT_TRANSLATE_NOOP("Calendar", "Goals and results cannot be negative.")
    metric = name.split("_", 1)[1]
    if metric not in MONEY_METRICS:
        if number != int(number):
            errors[name] = QT_TRANSLATE_NOOP("Calendar", "Enter a whole number.")
        return int(number)
    return round(number, 2)


def clean_values(ws: Workspace, values: dict[str, Any]) -> dict[str, Any]:
    """Check and normalize a full set of item values; raise ValidationError."""
    errors: dict[str, Text] = {}
    clean: dict[str, Any] = {}
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"unknown calendar item field: {', '.join(sorted(unknown))}")
    title = " ".join(str(values.get("title", "")).split())
    if not title:
        errors["title"] = QT_TRANSLATE_NOOP("Calendar", "An item needs a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = QT_TRANSLATE_NOOP(
            "Calendar", "The title is too long (at most {limit} characters)."
        ).format(limit=TITLE_MAX)
    clean["title"] = title

    community_id = values.get("community_id") or ""
    row = ws.get_row("communities", community_id) if community_id else None
    if row is None or row["deleted"]:
        errors["community_id"] = QT_TRANSLATE_NOOP(
            "Calendar", "Choose the community this item is for."
        )
    clean["community_id"] = community_id

    try:
        kind = ItemKind(values.get("kind", ""))
    except ValueError:
        errors["kind"] = QT_TRANSLATE_NOOP("Calendar", "Choose content or activity.")
        kind = ItemKind.CONTENT
    clean["kind"] = kind.value
    item_type = values.get("item_type", "")
    if item_type not in TYPES_BY_KIND[kind]:
        errors["item_type"] = _CHOOSE_TYPE[kind]
    clean["item_type"] = item_type

    try:
        clean["status"] = Status(values.get("status", Status.PLANNED.value)).value
    except ValueError:
        errors["status"] = QT_TRANSLATE_NOOP("Calendar", "Choose a status.")
    tz = str(values.get("tz") or "UTC")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # OSError: fix for a folder of the zone database such as "Europe",
        # which raised IsADirectoryError instead of a ValidationError.
        errors["tz"] = QT_TRANSLATE_NOOP("Calendar", "“{zone}” is not a time zone.").format(zone=tz)
    clean["tz"] = tz

    all_day = bool(values.get("all_day", False))
    start, end = values.get("start"), values.get("end")
    if not isinstance(start, datetime):
        errors["start"] = QT_TRANSLATE_NOOP("Calendar", "Choose when it starts.")
    if not isinstance(end, datetime):
        errors["end"] = QT_TRANSLATE_NOOP("Calendar", "Choose when it ends.")
    if isinstance(start, datetime) and isinstance(end, datetime):
        start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
        if all_day:
            start = datetime.combine(start.date(), time())
            end = datetime.combine(end.date(), time())
            # Fix: was ``end <= start``, which turned an end date *before* the
            # start into a one-day item instead of refusing it below; only an
            # end on the start day means "that one day".
            if end == start:
                end = start + timedelta(days=1)
        if end <= start:
            errors["end"] = QT_TRANSLATE_NOOP("Calendar", "The end must be after the start.")
        elif end - start > timedelta(days=MAX_ITEM_DAYS):
            errors["end"] = QT_TRANSLATE_NOOP(
                "Calendar",
                "An item can last at most {days} days; plan a longer programme as a series.",
            ).format(days=MAX_ITEM_DAYS)
    clean.update(all_day=all_day, start=start, end=end)

    for name in ("owner", "description", "speaker", "location"):
        text = str(values.get(name, "") or "").strip()
        if len(text) > TEXT_MAX:
            errors[name] = QT_TRANSLATE_NOOP("Calendar", "Too long.")
        clean[name] = text

    rule = values.get("recurrence")
    if isinstance(rule, str):
        try:
            rule = Recurrence.parse(rule) if rule else None
        except RecurrenceError as exc:
            errors["recurrence"] = exc.message
            rule = None
    if isinstance(rule, Recurrence):
        problems = rule.problems()
        if problems:
            errors["recurrence"] = problems[0]
        elif rule.until is not None and isinstance(start, datetime) and rule.until < start.date():
            errors["recurrence"] = QT_TRANSLATE_NOOP(
                "Calendar", "The series must end on or after its first day."
            )
        elif isinstance(start, datetime) and not rule.starts(start, 1):
            errors["recurrence"] = QT_TRANSLATE_NOOP(
                "Calendar", "This repeat rule has no occurrence."
            )
        elif isinstance(start, datetime) and isinstance(end, datetime) and end > start:
            # Fix: the gap between the first two occurrences is not always the
            # smallest (weekly on Monday and Wednesday from a Wednesday: 5 days,
            # then 2; the last day of the month from February: 31, then 28).
            # GAP_SAMPLE occurrences cover every weekly cycle and 5 years of
            # monthly ones (incl. a February after a January).
            span = rule.starts(start, GAP_SAMPLE)
            gaps = [b - a for a, b in zip(span, span[1:], strict=False)]
            if gaps and end - start > min(gaps):
                errors["end"] = QT_TRANSLATE_NOOP(
                    "Calendar", "An occurrence must end before the next one starts."
                )
    clean["recurrence"] = rule if isinstance(rule, Recurrence) else None

    for name in GOAL_FIELDS:
        clean[name] = _count(values.get(name), name, errors)
    if errors:
        raise ValidationError(errors)
    return clean


def _row(clean: dict[str, Any]) -> dict[str, Any]:
    """Storage columns for clean values (sync columns excepted)."""
    rule: Recurrence | None = clean["recurrence"]
    start: datetime = clean["start"]
    end: datetime = clean["end"]
    last_end: datetime | None = end
    if rule is not None:
        # A series' first occurrence is its first match of the rule.
        first = rule.starts(start, 1)[0]
        end = first + (end - start)
        start = first
        last = rule.last_start(start)
        last_end = last + (end - start) if last is not None else None
    row = {k: v for k, v in clean.items() if k not in ("start", "end", "recurrence")}
    row.update(
        all_day=int(clean["all_day"]),
        starts_at=format_time(start),
        ends_at=format_time(end),
        rrule=rule.to_rrule() if rule else "",
        last_ends_at=format_time(last_end) if last_end else None,
    )
    return row


def stored_last_end(starts_at: str, ends_at: str, rrule: str) -> str | None:
    """``last_ends_at`` for stored times: the item's end, the end of a series'
    last occurrence, or None for a series without end (as ``_row`` stores it)."""
    if not rrule:
        return ends_at
    start, end = parse_time(starts_at), parse_time(ends_at)
    last = _parse_rule(rrule).last_start(start)
    return format_time(last + (end - start)) if last is not None else None


# -- reading ----------------------------------------------------------------------


def get_item(ws: Workspace, item_id: str) -> CalendarItem:
    row = ws.get_row(TABLE, item_id)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Calendar", "No calendar item with id {id}.").format(id=item_id)
        )
    return CalendarItem.from_row(row)


# "+c.community_id" keeps SQLite on the range index instead of the community one.
_LIVE = "c.deleted = 0 AND +c.community_id IN (SELECT id FROM communities WHERE deleted = 0)"

# The columns of a CalendarItem, in the order _item_from_values reads them.
_ITEM_COLUMNS = (
    "id",
    "community_id",
    "kind",
    "item_type",
    "title",
    "all_day",
    "starts_at",
    "ends_at",
    "tz",
    "status",
    "owner",
    "description",
    "speaker",
    "location",
    "rrule",
    "exdates",
    "last_ends_at",
    "series_id",
    "recurrence_id",
    "updated_at",
    "deleted",
    *GOAL_FIELDS,
)
_SELECT_ITEM = ", ".join(f"c.{name}" for name in _ITEM_COLUMNS)
_GOALS_AT = _ITEM_COLUMNS.index(GOAL_FIELDS[0])
_from_iso = datetime.fromisoformat


def _item_from_values(v: Sequence[Any]) -> CalendarItem:
    """The CalendarItem of a row of ``_ITEM_COLUMNS``, equal to ``from_row``'s.

    A month view makes thousands: filling the instance's dict directly skips
    the frozen dataclass' ``__init__``, which sets each field through
    ``object.__setattr__``, and reading by position skips the name lookups.
    """
    rule, last, original = v[14], v[16], v[18]
    item = object.__new__(CalendarItem)
    item.__dict__.update(
        id=v[0],
        community_id=v[1],
        kind=_KINDS[v[2]],
        item_type=v[3],
        title=v[4],
        all_day=bool(v[5]),
        start=_from_iso(v[6]),
        end=_from_iso(v[7]),
        tz=v[8],
        status=_STATUSES[v[9]],
        owner=v[10],
        description=v[11],
        speaker=v[12],
        location=v[13],
        recurrence=_parse_rule(rule) if rule else None,
        exdates=_parse_exdates(v[15]),
        last_end=_from_iso(last) if last else None,
        series_id=v[17],
        recurrence_id=_from_iso(original) if original else None,
        goals=dict(zip(GOAL_FIELDS, v[_GOALS_AT:], strict=True)),
        updated_at=int(v[19]),
        deleted=bool(v[20]),
    )
    return item


# What the calendar's views draw (and its filters test). A partial read of
# one-off items reads only these; the rest of the row loads when an item is
# opened, edited or compared. (A one-off item has no rule: rrule = ''.)
_DRAWN_COLUMNS = (
    "id",
    "community_id",
    "kind",
    "item_type",
    "title",
    "all_day",
    "starts_at",
    "ends_at",
    "status",
    "owner",
    "speaker",
    "series_id",
    "recurrence_id",
    "updated_at",
    "deleted",
)
_SELECT_DRAWN = ", ".join(f"c.{name}" for name in _DRAWN_COLUMNS)
_REST_COLUMNS = ("tz", "description", "location", "exdates", "last_ends_at", *GOAL_FIELDS)
_REST_FIELDS = frozenset({"tz", "description", "location", "exdates", "last_end", "goals"})


class _RestOfRow:
    """Loads the fields a partial read left out, from the workspace read from."""

    __slots__ = ("_ws",)

    def __init__(self, ws: Workspace) -> None:
        self._ws = weakref.ref(ws)

    def load(self, item_id: str) -> dict[str, Any]:
        ws = self._ws()
        row = None
        if ws is not None:
            row = ws.db.conn.execute(
                f"SELECT {', '.join(_REST_COLUMNS)} FROM {TABLE} WHERE id = ?", [item_id]
            ).fetchone()
        if row is None:  # the workspace was let go, or the row purged since
            raise NotFound(
                QT_TRANSLATE_NOOP("Calendar", "No calendar item with id {id}.").format(id=item_id)
            )
        tz, description, location, exdates, last_end = row[:5]
        return {
            "tz": tz,
            "description": description,
            "location": location,
            "exdates": _parse_exdates(exdates),
            "last_end": _from_iso(last_end) if last_end else None,
            "goals": dict(zip(GOAL_FIELDS, row[5:], strict=True)),
        }


def _partial_item(v: Sequence[Any], rest: _RestOfRow) -> CalendarItem:
    """The CalendarItem of a one-off row of ``_DRAWN_COLUMNS``; its other fields
    (``_REST_FIELDS``) load through ``rest`` when first read."""
    original = v[12]
    item = object.__new__(CalendarItem)
    item.__dict__.update(
        id=v[0],
        community_id=v[1],
        kind=_KINDS[v[2]],
        item_type=v[3],
        title=v[4],
        all_day=bool(v[5]),
        start=_from_iso(v[6]),
        end=_from_iso(v[7]),
        status=_STATUSES[v[8]],
        owner=v[9],
        speaker=v[10],
        recurrence=None,
        series_id=v[11],
        recurrence_id=_from_iso(original) if original else None,
        updated_at=int(v[13]),
        deleted=bool(v[14]),
        _rest=rest,
    )
    return item


def _occurrence(
    item: CalendarItem,
    start: datetime,
    end: datetime,
    series: CalendarItem | None,
    recurrence_id: datetime | None,
) -> Occurrence:
    """``Occurrence(item, start, end, series, recurrence_id)``, without the frozen
    dataclass' ``__init__`` (the same object; a month makes about 9,000)."""
    occ = object.__new__(Occurrence)
    _set(occ, "item", item)
    _set(occ, "start", start)
    _set(occ, "end", end)
    _set(occ, "series", series)
    _set(occ, "recurrence_id", recurrence_id)
    _set(occ, "_key", None)
    return occ


_set = object.__setattr__  # past the frozen dataclass' own __setattr__


def _item_rows(ws: Workspace, sql: str, params: Sequence[Any] = ()) -> list[CalendarItem]:
    """Items of a ``SELECT {_SELECT_ITEM} ...`` query, read as plain tuples."""
    cursor = ws.db.conn.cursor()
    cursor.row_factory = None
    try:
        return [_item_from_values(v) for v in cursor.execute(sql, params)]
    finally:
        cursor.close()


def data_token(ws: Workspace) -> tuple[int, int] | None:
    """A value that changes whenever the workspace's data may have changed.

    A write through the workspace's own connection (an edit, an undo, an
    import) raises its ``total_changes``; a commit by any other connection (a
    background job, another process) changes ``PRAGMA data_version``. None
    inside an open transaction: its writes may still be rolled back, which
    ``total_changes`` does not undo, so nothing read then may be kept.
    """
    conn = ws.db.conn
    if conn.in_transaction:
        return None
    return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])


# Series expanded over one range: series id -> (series, its occurrences there).
_Expanded = dict[str, tuple[CalendarItem, list[Occurrence]]]
_RANGES_KEPT = 8  # ranges whose series expansions stay cached (steps either way)
_RESULTS_KEPT = 6  # whole results kept: the ranges shown and prefetched
_LONGEST_CACHED = timedelta(days=100)  # longer ranges (reports) are not kept


@dataclass
class _ReadCache:
    """What :func:`occurrences_between` keeps of one workspace while
    :func:`data_token` stays ``token``: every live series, their expansions
    over recent ranges and the recent results (oldest first in each dict)."""

    token: tuple[int, int]
    series: list[CalendarItem]
    by_id: dict[str, CalendarItem]
    ranges: dict[tuple[datetime, datetime], _Expanded] = field(default_factory=dict)
    results: dict[tuple[datetime, datetime, CalendarFilter, bool], list[Occurrence]] = field(
        default_factory=dict
    )


_CACHES: weakref.WeakKeyDictionary[Workspace, _ReadCache] = weakref.WeakKeyDictionary()


def _remember(store: dict[Any, Any], key: Any, value: Any, keep: int) -> None:
    store.pop(key, None)
    store[key] = value
    while len(store) > keep:
        del store[next(iter(store))]


def _read_cache(ws: Workspace) -> _ReadCache:
    """The workspace's cache, rebuilt (every live series of a live community read
    again) when its data may have changed; not kept inside a transaction."""
    token = data_token(ws)
    cache = _CACHES.get(ws)
    if cache is not None and token is not None and cache.token == token:
        return cache
    series = _item_rows(ws, f"SELECT {_SELECT_ITEM} FROM {TABLE} c WHERE {_LIVE} AND c.rrule > ''")
    cache = _ReadCache(token or (-1, -1), series, {s.id: s for s in series})
    if token is None:
        _CACHES.pop(ws, None)
    else:
        _CACHES[ws] = cache
    return cache


def _expanded(ws: Workspace, cache: _ReadCache, start: datetime, end: datetime) -> _Expanded:
    """The series overlapping [start, end) with their occurrences there (overridden
    and removed ones left out)."""
    key = (start, end)
    found = cache.ranges.get(key)
    if found is not None:
        _remember(cache.ranges, key, found, _RANGES_KEPT)
        return found
    # What the stored text comparisons ("starts_at < end") would keep.
    lo, hi = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
    overlapping = {
        s.id: s for s in cache.series if s.start < hi and (s.last_end is None or s.last_end > lo)
    }
    replaced = _overridden(ws, overlapping, start, end) if overlapping else set()
    result: _Expanded = {}
    for series_id, item in overlapping.items():
        rule = item.recurrence
        assert rule is not None
        duration = item.end - item.start
        last_start = item.last_end - duration if item.last_end else None
        exdates = item.exdates
        result[series_id] = (
            item,
            [
                _occurrence(item, occ_start, occ_start + duration, item, occ_start)
                for occ_start in expand(
                    rule, item.start, duration, start, end, last_start=last_start
                )
                if occ_start not in exdates and (series_id, occ_start) not in replaced
            ],
        )
    if end - start <= _LONGEST_CACHED:
        _remember(cache.ranges, key, result, _RANGES_KEPT)
    return result


def _sort_key(occ: Occurrence) -> tuple[date, bool, datetime, str]:
    return (occ.start.date(), not occ.item.all_day, occ.start, occ.item.title)


def _quick_sort_key(occ: Occurrence) -> tuple[datetime, bool, str]:
    # The same order as _sort_key when every all-day occurrence starts at
    # midnight (as clean_values stores them): its start then comes first on
    # its day, and ties go all-day first. One date() per item less.
    return (occ.start, not occ.item.all_day, occ.item.title)


def _midnight(moment: datetime) -> bool:
    return not (moment.hour or moment.minute or moment.second or moment.microsecond)


def occurrences_between(
    ws: Workspace,
    start: datetime,
    end: datetime,
    filters: CalendarFilter | None = None,
    *,
    partial: bool = False,
) -> list[Occurrence]:
    """Every occurrence overlapping [start, end), sorted by start, all-day first.

    With ``partial``, one-off items are read with only what the calendar's
    views draw; their other fields (description, location, time zone, goals
    and results...) load from the workspace when first read, e.g. when the
    item is opened. A view of thousands of occurrences reads less than half.

    The live series, their expansions and the results of the last few ranges
    asked for are kept between calls until the workspace's data changes (see
    :func:`data_token`), so stepping back and forth through a calendar, or
    showing a range :func:`prefetch` read, reads and expands nothing again.
    """
    filters = filters or CalendarFilter()
    cache = _read_cache(ws)
    result_key = (start, end, filters, partial)
    kept = cache.results.get(result_key)
    if kept is not None:
        _remember(cache.results, result_key, kept, _RESULTS_KEPT)
        return list(kept)
    with _gc_paused():
        found = _read_between(ws, cache, start, end, filters, partial)
    if end - start <= _LONGEST_CACHED and _CACHES.get(ws) is cache:
        _remember(cache.results, result_key, found, _RESULTS_KEPT)
        return list(found)
    return found


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while thousands of (acyclic) objects are
    made: with a few cached ranges alive, the collections it would trigger
    cost more than building them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_between(
    ws: Workspace,
    cache: _ReadCache,
    start: datetime,
    end: datetime,
    filters: CalendarFilter,
    partial: bool,
) -> list[Occurrence]:
    where, params = filters.sql()
    lo = format_time(start - timedelta(days=MAX_ITEM_DAYS))
    found: list[Occurrence] = []
    shown_series: dict[str, CalendarItem] = {}
    quick_sort = True  # every all-day occurrence starts at midnight (see _quick_sort_key)
    for series_id, (series, occurrences) in _expanded(ws, cache, start, end).items():
        if filters.matches(series):
            shown_series[series_id] = series
            found.extend(occurrences)
            if series.all_day and not _midnight(series.start):
                quick_sort = False
    sql = (
        f"FROM {TABLE} c WHERE {_LIVE} AND c.rrule = '' "
        f"AND c.starts_at >= ? AND c.starts_at < ? AND c.ends_at > ?{where}"
    )
    args = [lo, format_time(end), format_time(start), *params]
    cursor = ws.db.conn.cursor()
    cursor.row_factory = None
    try:
        if partial:
            rest = _RestOfRow(ws)
            items = [
                _partial_item(v, rest)
                for v in cursor.execute(f"SELECT {_SELECT_DRAWN} {sql}", args)
            ]
        else:
            items = [
                _item_from_values(v) for v in cursor.execute(f"SELECT {_SELECT_ITEM} {sql}", args)
            ]
    finally:
        cursor.close()
    for item in items:
        if item.all_day and not _midnight(item.start):
            quick_sort = False
        if item.series_id is None:
            found.append(_occurrence(item, item.start, item.end, None, item.recurrence_id))
            continue
        # An override: attach its series.
        parent = (
            shown_series.get(item.series_id)
            or cache.by_id.get(item.series_id)
            or _maybe_item(ws, item.series_id)
        )
        if parent is None or parent.deleted:
            continue
        found.append(_occurrence(item, item.start, item.end, parent, item.recurrence_id))
    found.sort(key=_quick_sort_key if quick_sort else _sort_key)
    return found


def prefetch(
    ws: Workspace,
    start: datetime,
    end: datetime,
    filters: CalendarFilter | None = None,
    *,
    partial: bool = False,
) -> bool:
    """Read [start, end) ahead, so :func:`occurrences_between` answers it from
    the cache; False when it already was (nothing read)."""
    cache = _read_cache(ws)
    if (start, end, filters or CalendarFilter(), partial) in cache.results:
        return False
    occurrences_between(ws, start, end, filters, partial=partial)
    return True


def forget_cached(ws: Workspace | None = None, *, series: bool = True) -> None:
    """Drop what :func:`occurrences_between` keeps (of ``ws``, or of every
    workspace); with ``series`` False, only the ranges read and expanded (the
    list of series stays, as it does until the next edit)."""
    for workspace in [ws] if ws is not None else list(_CACHES):
        if series:
            _CACHES.pop(workspace, None)
        elif (cache := _CACHES.get(workspace)) is not None:
            cache.ranges.clear()
            cache.results.clear()


def _maybe_item(ws: Workspace, item_id: str | None) -> CalendarItem | None:
    if not item_id:
        return None
    row = ws.get_row(TABLE, item_id)
    return CalendarItem.from_row(row) if row else None


def _overridden(
    ws: Workspace, series: Mapping[str, CalendarItem], start: datetime, end: datetime
) -> set[tuple[str, datetime]]:
    """(series id, original start) of overrides whose original falls in range."""
    ids = list(series)
    result: set[tuple[str, datetime]] = set()
    lo = format_time(start - timedelta(days=MAX_ITEM_DAYS))
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for row in ws.db.query(
            f"SELECT series_id, recurrence_id FROM {TABLE} WHERE deleted = 0 "
            f"AND series_id IN ({','.join('?' * len(part))}) "
            "AND recurrence_id >= ? AND recurrence_id < ?",
            [*part, lo, format_time(end)],
        ):
            result.add((row["series_id"], parse_time(row["recurrence_id"])))
    return result


def activities_starting(
    ws: Workspace, community_ids: Iterable[str], start: date, end: date
) -> list[Occurrence]:
    """The communities' activity occurrences starting from ``start`` to ``end``
    (both included), in time order: what the results export lists and the
    outcomes add up. One that began before ``start`` and still runs is left
    out. Series are expanded over the range only.
    """
    ids = frozenset(community_ids)
    if not ids or start > end:
        return []
    filters = CalendarFilter(community_ids=ids, kinds=frozenset({ItemKind.ACTIVITY.value}))
    lo = datetime.combine(start, time())
    hi = datetime.combine(end + timedelta(days=1), time())
    return [occ for occ in occurrences_between(ws, lo, hi, filters) if occ.start.date() >= start]


def find_occurrence(ws: Workspace, key: tuple[str, str]) -> Occurrence:
    """The occurrence with ``key`` (from :attr:`Occurrence.key`), as it is now."""
    item_id, recurrence = key
    item = get_item(ws, item_id)
    if not recurrence:
        series = _maybe_item(ws, item.series_id) if item.is_override else None
        return Occurrence(item, item.start, item.end, series, item.recurrence_id)
    original = parse_time(recurrence)
    for row in ws.db.query(
        f"SELECT * FROM {TABLE} WHERE deleted = 0 AND series_id = ? AND recurrence_id = ?",
        [item_id, recurrence],
    ):
        override = CalendarItem.from_row(row)
        return Occurrence(override, override.start, override.end, item, original)
    return Occurrence(item, original, original + item.duration, item, original)


def owners(ws: Workspace) -> list[str]:
    """Every owner named on a live item, for filters and completion."""
    rows = ws.db.query(
        f"SELECT DISTINCT owner FROM {TABLE} WHERE deleted = 0 AND owner != '' ORDER BY owner"
    )
    return [r["owner"] for r in rows]


# -- changing -----------------------------------------------------------------------


def create_item(ws: Workspace, values: dict[str, Any]) -> tuple[str, Change]:
    """Create a one-off item or a series; returns its id and the change."""
    draft: dict[str, Any] = {"status": Status.PLANNED.value, "kind": ItemKind.CONTENT.value}
    draft.update(values)
    clean = clean_values(ws, draft)
    with ws.edit("create_item", clean["title"]) as edit:
        item_id = edit.insert(TABLE, _row(clean) | {"exdates": "[]"})
    return item_id, edit.change


def update_occurrence(
    ws: Workspace, occ: Occurrence, changes: dict[str, Any], scope: EditScope = EditScope.ALL
) -> Change:
    """Apply ``changes`` to an occurrence, to it and the following ones, or to all."""
    if occ.series is None:
        merged = occ.item.values() | changes
        clean = clean_values(ws, merged)
        with ws.edit("edit_item", clean["title"]) as edit:
            edit.update(TABLE, occ.item.id, _row(clean))
        return edit.change
    series = occ.series
    assert series.recurrence is not None and occ.recurrence_id is not None
    if scope is EditScope.THIS:
        return _edit_one(ws, occ, series, changes)
    if scope is EditScope.FOLLOWING and occ.recurrence_id > series.start:
        return _edit_following(ws, occ, series, changes)
    return _edit_all(ws, occ, series, changes)


def _edit_one(
    ws: Workspace, occ: Occurrence, series: CalendarItem, changes: dict[str, Any]
) -> Change:
    if "recurrence" in changes and changes["recurrence"] != series.recurrence:
        raise ValidationError(
            {
                "recurrence": QT_TRANSLATE_NOOP(
                    "Calendar", "One occurrence cannot repeat on its own; change all occurrences."
                )
            }
        )
    if "community_id" in changes and changes["community_id"] != series.community_id:
        raise ValidationError(
            {
                "community_id": QT_TRANSLATE_NOOP(
                    "Calendar", "One occurrence cannot move to another community."
                )
            }
        )
    merged = occ.values() | changes | {"recurrence": None}
    clean = clean_values(ws, merged)
    row = _row(clean) | {
        "series_id": series.id,
        "recurrence_id": format_time(occ.recurrence_id or occ.start),
    }
    with ws.edit("edit_occurrence", clean["title"]) as edit:
        if occ.item.is_override:
            edit.update(TABLE, occ.item.id, row)
        else:
            override = derived_id("override", series.id, row["recurrence_id"])
            insert_derived(edit, ws, override, row | {"exdates": "[]"})
    return edit.change


def _overrides_of(ws: Workspace, series_id: str) -> list[CalendarItem]:
    return [
        CalendarItem.from_row(r)
        for r in ws.db.query(
            f"SELECT * FROM {TABLE} WHERE deleted = 0 AND series_id = ?", [series_id]
        )
    ]


def _series_values(
    series: CalendarItem, occ: Occurrence, changes: dict[str, Any]
) -> dict[str, Any]:
    """The series' values after applying changes made on one of its occurrences."""
    merged = series.values() | {k: v for k, v in changes.items() if k not in ("start", "end")}
    new_start = changes.get("start", occ.start)
    new_end = changes.get("end", occ.end)
    # Moving an occurrence moves the series by the same amount.
    merged["start"] = series.start + (new_start - occ.start)
    # ...and a move to another day moves the rule's days with it, unless the
    # user gave the rule themselves.
    day_shift = (new_start.date() - occ.start.date()).days
    if (
        day_shift
        and series.recurrence is not None
        and (changes.get("recurrence") in (None, series.recurrence))
    ):
        merged["recurrence"] = series.recurrence.moved(occ.start, new_start)
    # Fix: was ``merged["start"] + (new_end - new_start)``, which gave the
    # series the duration of the occurrence edited: editing only the title of
    # all occurrences from a resized override resized the whole series. The
    # end moves by as much as the occurrence's end moved instead.
    merged["end"] = series.end + (new_end - occ.end)
    return merged


_MINUTE = timedelta(minutes=1)
SHARED_FIELDS = tuple(f for f in OCCURRENCE_FIELDS if f not in ("start", "end", "all_day"))


def _shift_overrides(
    edit: Edit,
    overrides: Iterable[CalendarItem],
    shift: timedelta,
    shared: dict[str, Any],
    new_series_id: str | None = None,
) -> None:
    """Keep overrides attached after their series moved, with the series' shared changes.

    ``shared`` holds clean values of the fields the user changed for every
    occurrence (title, owner, goals...); moved times of overrides stay.
    """
    for override in overrides:
        assert override.recurrence_id is not None
        update: dict[str, Any] = dict(shared)
        update["recurrence_id"] = format_time(override.recurrence_id + shift)
        if new_series_id is not None:
            update["series_id"] = new_series_id
        edit.update(TABLE, override.id, update)


def _shared(clean: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Fields changed for a whole series that its exceptions take too.

    The community goes with them: an exception left in the old community
    would leave a gap in the new one.
    """
    return {k: clean[k] for k in changes if k in SHARED_FIELDS or k == "community_id"}


def _exdates_json(dates: Iterable[datetime]) -> str:
    return json.dumps(sorted(format_time(d) for d in dates))


def _edit_all(
    ws: Workspace, occ: Occurrence, series: CalendarItem, changes: dict[str, Any]
) -> Change:
    merged = _series_values(series, occ, changes)
    clean = clean_values(ws, merged)
    row = _row(clean)
    # Exceptions and removed dates move by as much as the user moved the
    # series, not by where a changed rule happens to start.
    shift = clean["start"] - series.start
    new_rule: Recurrence = clean["recurrence"]
    new_start = parse_time(row["starts_at"])
    duration = parse_time(row["ends_at"]) - new_start
    kept: list[CalendarItem] = []
    dropped: list[CalendarItem] = []
    for override in _overrides_of(ws, series.id):
        assert override.recurrence_id is not None
        moved = override.recurrence_id + shift
        # An exception of a day the (new) rule no longer has would stand alone.
        on_rule = expand(new_rule, new_start, duration, moved, moved + _MINUTE)
        (kept if moved in on_rule else dropped).append(override)
    removed = [
        d + shift
        for d in series.exdates
        if d + shift in expand(new_rule, new_start, duration, d + shift, d + shift + _MINUTE)
    ]
    with ws.edit("edit_series", clean["title"]) as edit:
        row["exdates"] = _exdates_json(removed)
        edit.update(TABLE, series.id, row)
        _shift_overrides(edit, kept, shift, _shared(clean, changes))
        for override in dropped:
            edit.update(TABLE, override.id, {"deleted": 1})
        if occ.item.is_override and occ.item in kept and ({"start", "end"} & changes.keys()):
            # The occurrence dragged was an exception: it goes where it was dropped.
            edit.update(
                TABLE,
                occ.item.id,
                {
                    "starts_at": format_time(changes.get("start", occ.start)),
                    "ends_at": format_time(changes.get("end", occ.end)),
                },
            )
    return edit.change


def _edit_following(
    ws: Workspace, occ: Occurrence, series: CalendarItem, changes: dict[str, Any]
) -> Change:
    assert series.recurrence is not None and occ.recurrence_id is not None
    split = occ.recurrence_id
    old_rule = series.recurrence
    before = (
        [s for s in old_rule.starts(series.start, old_rule.count) if s < split]
        if old_rule.count is not None
        else []
    )
    # The old series now ends the day before this occurrence.
    head_rule = replace(old_rule, until=split.date() - timedelta(days=1), count=None)
    tail_values = _series_values(series, occ, changes)
    # Fix: was ``changes.get("start", occ.start)`` (and the same for the end):
    # from an override moved to 10:00, a title change made every following
    # occurrence 10:00 too. The tail starts at the original slot, moved and
    # resized by as much as the user moved and resized this occurrence.
    tail_values["start"] = split + (changes.get("start", occ.start) - occ.start)
    tail_values["end"] = split + series.duration + (changes.get("end", occ.end) - occ.end)
    tail_rule = tail_values.get("recurrence") or old_rule
    # Fix: was ``tail_rule is old_rule``; an equal rule passed back by the
    # editor (parsed again from its text) gave the tail the whole count again.
    if tail_rule == old_rule and old_rule.count is not None:
        tail_rule = replace(old_rule, count=max(old_rule.count - len(before), 1))
    tail_values["recurrence"] = tail_rule
    tail = clean_values(ws, tail_values)
    head = clean_values(ws, series.values() | {"recurrence": head_rule})
    shift = tail["start"] - split
    overrides = [
        o for o in _overrides_of(ws, series.id) if o.recurrence_id and o.recurrence_id >= split
    ]
    with ws.edit("edit_following", tail["title"]) as edit:
        head_row = _row(head)
        head_row["exdates"] = _exdates_json(d for d in series.exdates if d < split)
        edit.update(TABLE, series.id, head_row)
        tail_row = _row(tail)
        tail_row["exdates"] = _exdates_json(d + shift for d in series.exdates if d >= split)
        tail_id = edit.insert(TABLE, tail_row)
        _shift_overrides(edit, overrides, shift, _shared(tail, changes), new_series_id=tail_id)
        if occ.item.is_override and ({"start", "end"} & changes.keys()):
            # The occurrence dragged was an exception: it goes where it was dropped.
            edit.update(
                TABLE,
                occ.item.id,
                {
                    "starts_at": format_time(changes.get("start", occ.start)),
                    "ends_at": format_time(changes.get("end", occ.end)),
                },
            )
    return edit.change


def move_occurrence(
    ws: Workspace,
    occ: Occurrence,
    start: datetime,
    end: datetime,
    scope: EditScope = EditScope.THIS,
) -> Change:
    """Move (or resize) an occurrence: a drag in the week view."""
    return update_occurrence(ws, occ, {"start": start, "end": end}, scope)


def delete_occurrence(ws: Workspace, occ: Occurrence, scope: EditScope = EditScope.ALL) -> Change:
    """Remove an occurrence, it and the following ones, or the whole item."""
    series = occ.series
    if series is None:
        with ws.edit("delete_item", occ.item.title) as edit:
            edit.update(TABLE, occ.item.id, {"deleted": 1})
        return edit.change
    assert occ.recurrence_id is not None and series.recurrence is not None
    overrides = _overrides_of(ws, series.id)
    if scope is EditScope.THIS:
        with ws.edit("delete_occurrence", occ.item.title) as edit:
            edit.update(
                TABLE,
                series.id,
                {"exdates": _exdates_json(series.exdates | {occ.recurrence_id})},
            )
            if occ.item.is_override:
                edit.update(TABLE, occ.item.id, {"deleted": 1})
        return edit.change
    if scope is EditScope.FOLLOWING and occ.recurrence_id > series.start:
        head_rule = replace(
            series.recurrence, until=occ.recurrence_id.date() - timedelta(days=1), count=None
        )
        head = clean_values(ws, series.values() | {"recurrence": head_rule})
        with ws.edit("delete_following", series.title) as edit:
            row = _row(head)
            row["exdates"] = _exdates_json(d for d in series.exdates if d < occ.recurrence_id)
            edit.update(TABLE, series.id, row)
            for override in overrides:
                if override.recurrence_id and override.recurrence_id >= occ.recurrence_id:
                    edit.update(TABLE, override.id, {"deleted": 1})
        return edit.change
    with ws.edit("delete_series", series.title) as edit:
        edit.update(TABLE, series.id, {"deleted": 1})
        for override in overrides:
            edit.update(TABLE, override.id, {"deleted": 1})
    return edit.change


def local_timezone() -> str:
    """The IANA name of this machine's time zone ("UTC" if it cannot be told)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = os.path.realpath("/etc/localtime")
            marker = "zoneinfo" + os.sep
            if marker in target:
                name = target.split(marker, 1)[1]
        except OSError:
            name = ""
    if not name and sys.platform == "win32":  # pragma: no cover - Windows only
        name = time_module.tzname[0]
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())
