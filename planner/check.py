"""``planner check``: is a workspace file sound?

Reads the file through a read-only connection and lists every problem found:
SQLite's own quick_check, foreign keys, schema objects that are not ours
(tables, views or triggers someone added), and rows that break the app's rules.
A file that cannot be read as a workspace at all raises a WorkspaceError.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from planner.communities import (
    COLOR_RE,
    BuiltAround,
    Platform,
    SegmentBasis,
    Stage,
)
from planner.errors import CorruptWorkspace, NewerSchema, NotAWorkspace
from planner.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, STEP_NAMES
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


def _normalize_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def expected_schema(version: int) -> dict[tuple[str, str], str]:
    """The schema objects a workspace of ``version`` has, as (type, name) -> SQL."""
    db = Database(memory=True, execute_plugins=False)
    stop = STEP_NAMES[version] if version < len(STEP_NAMES) else None
    MIGRATIONS.apply(db, stop_before=stop)
    return schema_objects(db.conn)


def schema_objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(t, n): _normalize_sql(s) for t, n, s in rows}


def _check_schema(conn: sqlite3.Connection, version: int, problems: list[str]) -> None:
    expected = expected_schema(version)
    actual = schema_objects(conn)
    for kind, name in sorted(actual.keys() - expected.keys()):
        problems.append(f"unknown {kind} “{name}”: not part of a Community Planner workspace")
    for kind, name in sorted(expected.keys() - actual.keys()):
        problems.append(f"missing {kind} “{name}”")
    for key in sorted(actual.keys() & expected.keys()):
        if actual[key] != expected[key]:
            problems.append(f"{key[0]} “{key[1]}” has an unexpected definition")


def _check_communities(conn: sqlite3.Connection, problems: list[str]) -> int:
    enums: dict[str, set[str]] = {
        "platform": {p.value for p in Platform},
        "stage": {s.value for s in Stage},
        "built_around": {b.value for b in BuiltAround},
        "segment_basis": {s.value for s in SegmentBasis},
    }
    cols = ", ".join(["id", "name", "color", "deleted", *enums])
    live_names: dict[str, str] = {}
    live = 0
    for row in conn.execute(f"SELECT {cols} FROM communities"):
        rid, name, color, deleted, *values = row
        label = f"community “{name}” ({rid})"
        if not (name or "").strip():
            problems.append(f"community {rid} has no name")
        for column, value in zip(enums, values, strict=True):
            if value not in enums[column]:
                problems.append(f"{label}: unknown {column} “{value}”")
        if not COLOR_RE.match(color or ""):
            problems.append(f"{label}: colour “{color}” is not #RRGGBB")
        if not deleted:
            live += 1
            key = (name or "").casefold()
            if key in live_names:
                problems.append(f"two communities are called “{name}”")
            live_names[key] = rid
    return live


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
            _check_schema(conn, version, problems)
            if not any(p.startswith("missing table") for p in problems):
                report.counts["communities"] = _check_communities(conn, problems)
        except sqlite3.DatabaseError as exc:
            problems.append(f"damaged: {exc}")
        return report
    finally:
        conn.close()
