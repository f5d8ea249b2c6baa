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
from planner.checklist_library import BY_KEY, STAGES, library_row_id
from planner.communities import (
    COLOR_RE,
    BuiltAround,
    Platform,
    SegmentBasis,
    Stage,
)
from planner.errors import CorruptWorkspace, NewerSchema, NotAWorkspace
from planner.fission import FLOAT_FIELDS, INT_FIELDS
from planner.i18n import QT_TRANSLATE_NOOP
from planner.metrics import COUNTS
from planner.recurrence import Recurrence, RecurrenceError
from planner.schema import APPLICATION_ID, SCHEMA_VERSION, USER_TABLES, schema_problems
from planner.template_library import BUILTIN_POSTERS, BUILTIN_PREFIX, BUILTIN_WELCOMES
from planner.workspace import (
    DAMAGE_ERRORS,
    connect_read_only,
    damage_detail,
    integrity_problems,
    one_line,
    quick_check,
    read_header,
)


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


DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


def _bad_date(column: str) -> str:
    """SQL: ``column`` is neither '' nor a date Python reads (julianday() carries
    2026-02-30 over into March, so it does not come back the same)."""
    return (
        f"({column} != '' AND ({column} NOT GLOB '{DATE_GLOB}' OR {column} < '0001' "
        f"OR date(julianday({column})) IS NOT {column}))"
    )


def _checklist_rows(conn: sqlite3.Connection, limit: int = 20) -> tuple[list[str], list[str], int]:
    """(values the app cannot read, other problems, live count) of the checklists:
    the communities' items, the workspace's library and the template links.

    Checked in SQL (the library and the links are small), so it can run on open.
    A community that does not exist is ``PRAGMA foreign_key_check``'s to report.
    """
    stages = _in(STAGES)
    builtin_keys = _in(BY_KEY)
    fatal: list[str] = []
    other: list[str] = []

    def item_rows(condition: str) -> list[tuple[str, str, str]]:
        return list(
            conn.execute(
                f"SELECT id, title, library_key FROM checklist_items WHERE {condition} "
                f"LIMIT {limit}"
            )
        )

    def item_label(rid: str, title: str, key: str) -> str:
        name = title or (BY_KEY[key].title_en if key in BY_KEY else "")
        return f"checklist item “{name}” ({rid})" if name else f"checklist item {rid}"

    unreadable = {
        f"stage NOT IN {stages}": "unknown stage",
        f"{_bad_date('done_on')} OR {_bad_date('due_on')}": "a date that is not YYYY-MM-DD",
        "typeof(position) != 'integer' OR typeof(created_at) != 'integer' "
        "OR hidden NOT IN (0, 1)": "unreadable position, time or hidden",
    }
    for condition, what in unreadable.items():
        for rid, title, key in item_rows(condition):
            fatal.append(f"{item_label(rid, title, key)}: {what}")
    # A key that is neither built in (this version) nor in the library is kept
    # as it is; only a title of its own makes such an item readable.
    strange = (
        f"library_key != '' AND library_key NOT IN {builtin_keys} "
        "AND library_key NOT IN (SELECT key FROM checklist_library)"
    )
    for rid, title, key in item_rows(strange):
        other.append(f"{item_label(rid, title, key)}: unknown library item “{key}”")
    for rid, title, key in item_rows(f"library_key NOT IN {builtin_keys} AND title = ''"):
        other.append(f"{item_label(rid, title, key)}: has no title")

    for rid, key in conn.execute(
        "SELECT id, key FROM checklist_library WHERE typeof(position) != 'integer' "
        f"OR typeof(created_at) != 'integer' OR removed NOT IN (0, 1) LIMIT {limit}"
    ):
        fatal.append(f"checklist library item “{key}” ({rid}): unreadable position or time")
    for rid, key, stage, title in conn.execute(
        "SELECT id, key, stage, title FROM checklist_library"
    ):
        label = f"checklist library item “{title or key}” ({rid})"
        if stage not in STAGES:
            other.append(f"{label}: unknown stage “{stage}”")
        if key in BY_KEY:
            if rid != library_row_id(key):
                other.append(f"{label}: changes the built-in item “{key}” under another id")
            elif stage != BY_KEY[key].stage:
                other.append(f"{label}: the built-in item “{key}” belongs to another stage")
        elif rid == library_row_id(key):
            pass  # a newer version's change to one of its built-in items: kept as it is
        elif key != rid:
            other.append(f"{label}: its key is not its id")
        elif not title:
            other.append(f"{label}: has no title")

    builtin_templates = _in(
        f"{BUILTIN_PREFIX}{stem}.{lang}"
        for stem in (*BUILTIN_POSTERS, *BUILTIN_WELCOMES)
        for lang in ("zh", "en")
    )
    for rid, ref in conn.execute(
        "SELECT id, template_ref FROM community_templates WHERE deleted = 0 "
        f"AND template_ref NOT IN {builtin_templates} "
        f"AND template_ref NOT IN (SELECT id FROM templates) LIMIT {limit}"
    ):
        other.append(f"template link {rid}: no template “{ref}”")
    (live,) = conn.execute(
        "SELECT count(*) FROM checklist_items i JOIN communities c ON c.id = i.community_id "
        "WHERE i.deleted = 0 AND c.deleted = 0"
    ).fetchone()
    return fatal, other, int(live)


def _sync_rows(conn: sqlite3.Connection) -> list[str]:
    """Problems with the merge bookkeeping: rows whose version was not recorded
    (a merge would take them for changes on both sides), versions of unknown tables."""
    problems = []
    present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    for table in (t for t in USER_TABLES if t in present):
        missing = conn.execute(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM row_versions v "
            "WHERE v.table_name = ? AND v.row_id = t.id AND v.updated_at = t.updated_at "
            "AND v.updated_by = t.updated_by)",
            [table],
        ).fetchone()[0]
        if missing:
            problems.append(
                f"{missing} {table} row{'s' if missing != 1 else ''} without a recorded version: "
                "merging a teammate's copy may show them as changed on both sides"
            )
    placeholders = ", ".join("?" * len(USER_TABLES))
    for (table,) in conn.execute(
        f"SELECT DISTINCT table_name FROM row_versions WHERE table_name NOT IN ({placeholders})",
        USER_TABLES,
    ):
        problems.append(f"versions recorded for an unknown table “{table}”")
    return problems


def _metrics_rows(conn: sqlite3.Connection, limit: int = 20) -> tuple[list[str], list[str], int]:
    """(values the app cannot read, other problems, live count) of the figures
    and the fission scenarios. Checked in SQL, so it can run on open."""
    fatal: list[str] = []
    other: list[str] = []
    not_counts = " OR ".join(f"typeof({c}) NOT IN ('integer', 'null')" for c in COUNTS)
    unreadable = {
        f"day = '' OR {_bad_date('day')}": "a day that is not YYYY-MM-DD",
        f"{not_counts} OR typeof(revenue) NOT IN ('integer', 'real', 'null')": (
            "a figure that is not a number"
        ),
    }
    for condition, words in unreadable.items():
        for rid, day in conn.execute(
            f"SELECT id, day FROM community_metrics WHERE {condition} LIMIT {limit}"
        ):
            fatal.append(f"figures {rid} ({day}): {words}")
    for rid, day in conn.execute(
        "SELECT id, day FROM community_metrics WHERE deleted = 0 AND active_members > members "
        f"LIMIT {limit}"
    ):
        other.append(f"figures {rid} ({day}): more active members than members")
    numbers = " OR ".join(
        [f"typeof({c}) != 'integer'" for c in INT_FIELDS]
        + [f"typeof({c}) NOT IN ('integer', 'real')" for c in FLOAT_FIELDS]
    )
    for rid, name in conn.execute(
        f"SELECT id, name FROM fission_scenarios WHERE {numbers} LIMIT {limit}"
    ):
        fatal.append(f"fission scenario “{name}” ({rid}): a figure that is not a number")
    live = conn.execute("SELECT count(*) FROM community_metrics WHERE deleted = 0").fetchone()[0]
    return fatal, other, int(live)


def _text_rows(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Text values whose bytes are not UTF-8, which no query can read back.

    SQLite stores text as it is given, so a damaged page can hold such a value
    and still pass quick_check. Each column of each table, and of each index
    (a query may read a value from an index alone), is read as one
    concatenation, fast enough to run on open; only a column that fails is
    looked at row by row.
    """
    tables = [
        str(name)
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite%' ORDER BY name"
        )
    ]
    # (table, how it is read, its columns) for each table and each of its indexes.
    sources: list[tuple[str, str, list[str]]] = []
    for table in tables:
        sources.append(
            (
                table,
                "NOT INDEXED",
                [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')],
            )
        )
        for index in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
            if index[4]:  # a partial index cannot be asked for by name
                continue
            columns = [str(r[2]) for r in conn.execute(f'PRAGMA index_info("{index[1]}")') if r[2]]
            sources.append((table, f'INDEXED BY "{index[1]}"', columns))
    found: list[str] = []
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, how, columns in sources:
            for column in columns:
                text_only = f'FROM "{table}" {how} WHERE typeof("{column}") = \'text\''
                try:
                    (joined,) = conn.execute(
                        f'SELECT group_concat("{column}", char(10)) {text_only}'
                    ).fetchone()
                except sqlite3.OperationalError as exc:
                    if "no query solution" in str(exc):  # an index SQLite cannot scan so
                        continue
                    raise
                try:
                    bytes(joined or b"").decode("utf-8")
                    continue
                except UnicodeDecodeError:
                    pass
                for (value,) in conn.execute(f'SELECT "{column}" {text_only}'):
                    try:
                        bytes(value).decode("utf-8")
                    except UnicodeDecodeError:
                        shown = one_line(bytes(value).decode("utf-8", "replace"), 60)
                        found.append(
                            f"{table}: damaged {column} “{shown}” (text that is not UTF-8)"
                        )
                        if len(found) >= limit:
                            return found
                        break
    finally:
        conn.text_factory = factory
    return found


def unreadable_rows(conn: sqlite3.Connection, version: int) -> list[str]:
    """Rows holding values this version cannot read (an open must refuse them).

    (Text that is not UTF-8 is left to ``check_workspace``: looking at every
    value takes seconds on a large workspace.)
    """
    fatal, _, _ = _community_rows(conn)
    if version >= 2:
        fatal += _calendar_rows(conn)[0]
    if version >= 3:
        fatal += _template_rows(conn)[0]
    if version >= 4:
        fatal += _checklist_rows(conn)[0]
    if version >= 6:
        fatal += _metrics_rows(conn)[0]
    return fatal


def check_workspace(path: Path) -> CheckReport:
    """Check ``path`` without changing it; raise WorkspaceError if it is unreadable."""
    path = Path(path)
    read_header(path)
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise CorruptWorkspace(path, damage_detail(exc)) from None
    try:
        try:
            app_id, version = (
                conn.execute("PRAGMA application_id").fetchone()[0],
                conn.execute("PRAGMA user_version").fetchone()[0],
            )
        except DAMAGE_ERRORS as exc:
            raise CorruptWorkspace(path, damage_detail(exc)) from None
        if app_id != APPLICATION_ID:
            raise NotAWorkspace(
                path,
                QT_TRANSLATE_NOOP(
                    "Check", "{path}: an SQLite database, but not a Community Planner workspace."
                ).format(path=path),
            )
        if version > SCHEMA_VERSION:
            raise NewerSchema(path, version, SCHEMA_VERSION)
        report = CheckReport(path, version)
        problems = report.problems
        if version < 1:
            problems.append("the file has no schema version")
            return report
        try:
            integrity = quick_check(conn)
        except DAMAGE_ERRORS as exc:
            integrity = [damage_detail(exc)]
        if integrity != ["ok"]:
            problems.extend(f"damaged: {line}" for line in integrity_problems(integrity))
            return report
        try:
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} points to a missing {parent} record")
            problems.extend(schema_problems(conn, version))
            text = _text_rows(conn)
            problems.extend(text)
            if not text and not any(p.startswith("missing table") for p in problems):
                fatal, other, report.counts["communities"] = _community_rows(conn)
                problems.extend(fatal + other)
                if version >= 2:
                    fatal, report.counts["calendar items"] = _calendar_rows(conn)
                    problems.extend(fatal)
                if version >= 3:
                    fatal, report.counts["templates"] = _template_rows(conn)
                    problems.extend(fatal)
                if version >= 4:
                    fatal, other, report.counts["checklist items"] = _checklist_rows(conn)
                    problems.extend(fatal + other)
                if version >= 5:
                    problems.extend(_sync_rows(conn))
                if version >= 6:
                    fatal, other, report.counts["days of figures"] = _metrics_rows(conn)
                    problems.extend(fatal + other)
        except DAMAGE_ERRORS as exc:
            problems.append(f"damaged: {damage_detail(exc)}")
        # One line each, whatever a damaged name or title holds.
        report.problems[:] = [one_line(problem, None) for problem in problems]
        return report
    finally:
        conn.close()
