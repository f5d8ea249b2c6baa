"""``planner check``: is a workspace file sound?

Reads the file through a read-only connection and lists every problem found:
SQLite's own quick_check, foreign keys, schema objects that are not ours
(tables, views or triggers someone added), and rows that break the app's rules.
A file that cannot be read as a workspace at all raises a WorkspaceError.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.calendar import TYPES_BY_KIND, Status
from planner.communities import (
    COLOR_RE,
    BuiltAround,
    Platform,
    SegmentBasis,
    Stage,
)
from planner.errors import CorruptWorkspace, NewerSchema, NotAWorkspace
from planner.recurrence import Recurrence, RecurrenceError
from planner.schema import APPLICATION_ID, SCHEMA_VERSION, schema_problems
from planner.workspace import connect_read_only, integrity_problems, read_header


@dataclass
class CheckReport:
    """What ``check_workspace`` found.

    Attributes:
        problems: one line per problem; empty means sound.
        schema_version: the file's schema version.
        counts: live records per user table.
    """

    path: Path
    schema_version: int
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def sound(self) -> bool:
        return not self.problems


def _community_rows(conn: sqlite3.Connection) -> tuple[list[str], list[str], int]:
    """(values the app cannot read, other problems, live count) of communities."""
    enums: dict[str, set[str]] = {
        "platform": {p.value for p in Platform},
        "stage": {s.value for s in Stage},
        "built_around": {b.value for b in BuiltAround},
        "segment_basis": {s.value for s in SegmentBasis},
    }
    fatal: list[str] = []
    other: list[str] = []
    cols = ", ".join(["id", "name", "color", "deleted", *enums])
    live_names: set[str] = set()
    live = 0
    for row in conn.execute(f"SELECT {cols} FROM communities"):
        rid, name, color, deleted, *values = row
        label = f"community “{name}” ({rid})"
        if not (name or "").strip():
            other.append(f"community {rid} has no name")
        for column, value in zip(enums, values, strict=True):
            if value not in enums[column]:
                fatal.append(f"{label}: unknown {column} “{value}”")
        if not COLOR_RE.match(color or ""):
            fatal.append(f"{label}: colour “{color}” is not #RRGGBB")
        if not deleted:
            live += 1
            key = (name or "").casefold()
            if key in live_names:
                other.append(f"two communities are called “{name}”")
            live_names.add(key)
    return fatal, other, live


TIME_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]"


def _in(values: Iterable[str]) -> str:
    """An SQL list of our own enum values (never user text)."""
    return "(" + ",".join(f"'{v}'" for v in values) + ")"


def _calendar_rows(conn: sqlite3.Connection, limit: int = 20) -> tuple[list[str], int]:
    """(values the app cannot read, live count) of calendar items.

    Checked in SQL, plus one parse per distinct repeat rule and time zone, so
    it costs milliseconds on a workspace of 50,000 items and can run on open.
    """
    kinds = " OR ".join(
        f"(kind = '{kind.value}' AND item_type IN {_in(types)})"
        for kind, types in TYPES_BY_KIND.items()
    )
    statuses = _in(s.value for s in Status)
    checks = {
        f"NOT ({kinds})": "unknown kind or type",
        f"status NOT IN {statuses}": "unknown status",
        f"starts_at NOT GLOB '{TIME_GLOB}' OR ends_at NOT GLOB '{TIME_GLOB}'": "unreadable time",
        f"recurrence_id IS NOT NULL AND recurrence_id NOT GLOB '{TIME_GLOB}'": "unreadable time",
        f"last_ends_at IS NOT NULL AND last_ends_at NOT GLOB '{TIME_GLOB}'": "unreadable time",
        "json_valid(exdates) = 0 OR json_type(exdates) != 'array'": "unreadable exdates",
    }
    fatal: list[str] = []
    for condition, what in checks.items():
        for rid, title in conn.execute(
            f"SELECT id, title FROM calendar_items WHERE {condition} LIMIT {limit}"
        ):
            fatal.append(f"calendar item “{title}” ({rid}): {what}")
    for (rule,) in conn.execute("SELECT DISTINCT rrule FROM calendar_items WHERE rrule != ''"):
        try:
            Recurrence.parse(rule)
        except RecurrenceError as exc:
            fatal.append(f"calendar items repeating “{rule}”: {exc}")
    for (tz,) in conn.execute("SELECT DISTINCT tz FROM calendar_items"):
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            fatal.append(f"calendar items in time zone “{tz}”: not a time zone")
    (live,) = conn.execute("SELECT count(*) FROM calendar_items WHERE deleted = 0").fetchone()
    return fatal, int(live)


def _template_rows(conn: sqlite3.Connection, limit: int = 20) -> tuple[list[str], int]:
    """(values the app cannot read, live count) of workspace templates, checked in SQL."""
    bad_message = (
        "EXISTS (SELECT 1 FROM json_each(messages) m WHERE m.type != 'object' "
        "OR json_type(m.value, '$.offset_minutes') IS NOT 'integer' "
        "OR json_extract(m.value, '$.offset_minutes') < 0 "
        "OR json_type(m.value, '$.body') IS NOT 'text')"
    )
    checks = {
        "kind NOT IN ('poster', 'welcome')": "unknown kind",
        "language NOT IN ('zh', 'en')": "unknown language",
        "json_valid(messages) = 0 OR json_type(messages) != 'array'": "unreadable messages",
        f"json_valid(messages) AND json_type(messages) = 'array' AND {bad_message}": (
            "unreadable messages"
        ),
    }
    fatal: list[str] = []
    for condition, what in checks.items():
        for rid, name in conn.execute(
            f"SELECT id, name FROM templates WHERE {condition} LIMIT {limit}"
        ):
            fatal.append(f"template “{name}” ({rid}): {what}")
    (live,) = conn.execute("SELECT count(*) FROM templates WHERE deleted = 0").fetchone()
    return fatal, int(live)


def unreadable_rows(conn: sqlite3.Connection, version: int) -> list[str]:
    """Rows holding values this version cannot read (an open must refuse them)."""
    fatal, _, _ = _community_rows(conn)
    if version >= 2:
        fatal += _calendar_rows(conn)[0]
    if version >= 3:
        fatal += _template_rows(conn)[0]
    return fatal


def check_workspace(path: Path) -> CheckReport:
    """Check ``path`` without changing it; raise WorkspaceError if it is unreadable."""
    path = Path(path)
    read_header(path)
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise CorruptWorkspace(path, str(exc)) from None
    try:
        try:
            app_id, version = (
                conn.execute("PRAGMA application_id").fetchone()[0],
                conn.execute("PRAGMA user_version").fetchone()[0],
            )
        except sqlite3.DatabaseError as exc:
            raise CorruptWorkspace(path, str(exc)) from None
        if app_id != APPLICATION_ID:
            raise NotAWorkspace(
                path, f"{path}: an SQLite database, but not a Community Planner workspace."
            )
        if version > SCHEMA_VERSION:
            raise NewerSchema(path, version, SCHEMA_VERSION)
        report = CheckReport(path, version)
        problems = report.problems
        if version < 1:
            problems.append("the file has no schema version")
            return report
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            integrity = [str(exc)]
        if integrity != ["ok"]:
            problems.extend(f"damaged: {line}" for line in integrity_problems(integrity))
            return report
        try:
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} points to a missing {parent} record")
            problems.extend(schema_problems(conn, version))
            if not any(p.startswith("missing table") for p in problems):
                fatal, other, report.counts["communities"] = _community_rows(conn)
                problems.extend(fatal + other)
                if version >= 2:
                    fatal, report.counts["calendar items"] = _calendar_rows(conn)
                    problems.extend(fatal)
                if version >= 3:
                    fatal, report.counts["templates"] = _template_rows(conn)
                    problems.extend(fatal)
        except sqlite3.DatabaseError as exc:
            problems.append(f"damaged: {exc}")
        return report
    finally:
        conn.close()
