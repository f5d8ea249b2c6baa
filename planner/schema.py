"""The workspace file's schema and its migrations.

A workspace is one SQLite file. ``PRAGMA application_id`` marks it as ours and
``PRAGMA user_version`` is its schema version: the number of migration steps
applied. Each step is a ``sqlite_utils.Migrations`` function that creates its
tables explicitly and, as its last act, sets ``user_version``, so a file's
version and its tables never disagree.

Every user table carries the sync columns (``id`` UUID text, ``created_at``,
``updated_at`` in UTC milliseconds, ``updated_by`` device id, ``deleted``
tombstone) that make teammates' copies mergeable.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from planner.checklist_library import STAGES, builtin_items, item_id
from planner.i18n import QT_TRANSLATE_NOOP, Text

APPLICATION_ID = 0x43506C6E  # "CPln"
MIGRATION_SET = "community_planner"

SYNC_COLUMNS_SQL = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"""

SYNC_COLUMNS = ("id", "created_at", "updated_at", "updated_by", "deleted")

# Tables that hold user records (and so carry the sync columns).
USER_TABLES = (
    "communities",
    "calendar_items",
    "templates",
    "checklist_library",
    "checklist_items",
    "community_templates",
    "community_metrics",
    "fission_scenarios",
)

# Tables that keep the bookkeeping of merges (no sync columns: they are not
# records a person edits, and a merge reads them, never merges them).
SYNC_TABLES = ("row_versions", "devices", "merge_log")

MIGRATIONS = Migrations(MIGRATION_SET)
STEP_NAMES: list[str] = []


def step(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register a migration step; it ends by setting ``user_version`` to its number."""

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        STEP_NAMES.append(name)
        version = len(STEP_NAMES)

        def run(db: Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {version}")

        run.__name__ = name
        MIGRATIONS(name=name)(run)
        return fn

    return register


@step("0001_initial")
def _initial(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(
        f"""
        CREATE TABLE communities (
            {SYNC_COLUMNS_SQL},
            name TEXT NOT NULL,
            platform TEXT NOT NULL,
            stage TEXT NOT NULL,
            common_interest TEXT NOT NULL DEFAULT '',
            value_to_members TEXT NOT NULL DEFAULT '',
            differentiation TEXT NOT NULL DEFAULT '',
            built_around TEXT NOT NULL DEFAULT '',
            segment_basis TEXT NOT NULL DEFAULT '',
            segment TEXT NOT NULL DEFAULT '',
            joining_principles TEXT NOT NULL DEFAULT '',
            management_norms TEXT NOT NULL DEFAULT '',
            member_count INTEGER NOT NULL DEFAULT 0 CHECK (member_count >= 0),
            owner TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX communities_live ON communities (deleted, name)")


@step("0002_calendar")
def _calendar(db: Database) -> None:
    # Times are local wall-clock times ("YYYY-MM-DDTHH:MM") in the item's
    # zone ``tz``, so a series at 08:00 stays at 08:00 across DST changes.
    # A series has an RRULE; an override (a moved or changed occurrence) has
    # ``series_id`` and ``recurrence_id``, the original start it replaces.
    db.execute(
        f"""
        CREATE TABLE calendar_items (
            {SYNC_COLUMNS_SQL},
            community_id TEXT NOT NULL REFERENCES communities (id),
            kind TEXT NOT NULL,
            item_type TEXT NOT NULL,
            title TEXT NOT NULL,
            all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL,
            tz TEXT NOT NULL,
            status TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            speaker TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            rrule TEXT NOT NULL DEFAULT '',
            exdates TEXT NOT NULL DEFAULT '[]',
            last_ends_at TEXT,
            series_id TEXT REFERENCES calendar_items (id),
            recurrence_id TEXT,
            ical_uid TEXT NOT NULL DEFAULT '',
            planned_participants INTEGER,
            actual_participants INTEGER,
            planned_new_members INTEGER,
            actual_new_members INTEGER,
            planned_shares INTEGER,
            actual_shares INTEGER,
            planned_conversions INTEGER,
            actual_conversions INTEGER,
            planned_revenue REAL,
            actual_revenue REAL,
            planned_cost REAL,
            actual_cost REAL,
            CHECK (ends_at > starts_at)
        )
        """
    )
    # One-off items and overrides are found by start (they last at most
    # MAX_ITEM_DAYS); series (rrule > '') are few and read whole.
    # (ends_at is in the index so the overlap test needs no table lookup.)
    db.execute("CREATE INDEX calendar_range ON calendar_items (deleted, rrule, starts_at, ends_at)")
    db.execute("CREATE INDEX calendar_overrides ON calendar_items (series_id, recurrence_id)")
    db.execute("CREATE INDEX calendar_community ON calendar_items (community_id)")
    # Items imported from ICS keep the UID they came with (ours is our id).
    db.execute("CREATE INDEX calendar_ical_uid ON calendar_items (ical_uid)")


@step("0003_templates")
def _templates(db: Database) -> None:
    # Poster and welcome-sequence templates made in this workspace (the
    # built-ins ship with the app and are not stored). ``body`` is a poster's
    # SVG Jinja source; ``messages`` a welcome sequence's JSON array of
    # {"offset_minutes": int, "body": str}. JSON functions cannot be used in a
    # CHECK with trusted_schema off, so the array's shape is checked on open.
    db.execute(
        f"""
        CREATE TABLE templates (
            {SYNC_COLUMNS_SQL},
            kind TEXT NOT NULL CHECK (kind IN ('poster', 'welcome')),
            name TEXT NOT NULL CHECK (length(name) > 0),
            language TEXT NOT NULL CHECK (language IN ('zh', 'en')),
            description TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            messages TEXT NOT NULL DEFAULT '[]' CHECK (substr(messages, 1, 1) = '['),
            CHECK (kind = 'welcome' OR messages = '[]')
        )
        """
    )
    db.execute("CREATE INDEX templates_live ON templates (deleted, kind, name)")


@step("0004_checklists")
def _checklists(db: Database) -> None:
    # The stage path's checklists. Built-in library items ship with the app in
    # both languages and are named by a stable ``key`` ("build.positioning");
    # a row with an empty title or why shows the built-in text in the reader's
    # language. ``checklist_library`` holds the workspace's own changes to the
    # library: a built-in item reworded or ``removed`` (the row's id is derived
    # from the key, so teammates' copies agree on it), or an item added. A
    # tombstoned row of a built-in item means "as shipped", so undoing the
    # first change to a built-in item gives it back.
    stages = "('build', 'structure', 'output', 'operate', 'replicate')"
    db.execute(
        f"""
        CREATE TABLE checklist_library (
            {SYNC_COLUMNS_SQL},
            key TEXT NOT NULL CHECK (length(key) > 0),
            stage TEXT NOT NULL CHECK (stage IN {stages}),
            title TEXT NOT NULL DEFAULT '',
            why TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
        )
        """
    )
    db.execute("CREATE INDEX checklist_library_live ON checklist_library (deleted, stage)")
    # A community's own checklist, made from the library. ``library_key`` is
    # the library item it came from ('' for an item added to this community
    # only); ``done_on`` and ``due_on`` are dates (YYYY-MM-DD) or ''.
    db.execute(
        f"""
        CREATE TABLE checklist_items (
            {SYNC_COLUMNS_SQL},
            community_id TEXT NOT NULL REFERENCES communities (id),
            stage TEXT NOT NULL CHECK (stage IN {stages}),
            library_key TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            why TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            done_on TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            assignee TEXT NOT NULL DEFAULT '',
            due_on TEXT NOT NULL DEFAULT '',
            hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
            CHECK (library_key != '' OR length(title) > 0)
        )
        """
    )
    db.execute(
        "CREATE INDEX checklist_items_community ON checklist_items (community_id, stage, position)"
    )
    db.execute("CREATE INDEX checklist_items_due ON checklist_items (deleted, due_on)")
    # The templates a community uses (its welcome sequence, its posters):
    # ``template_ref`` is a workspace template's id or "builtin:NAME".
    db.execute(
        f"""
        CREATE TABLE community_templates (
            {SYNC_COLUMNS_SQL},
            community_id TEXT NOT NULL REFERENCES communities (id),
            template_ref TEXT NOT NULL CHECK (length(template_ref) > 0)
        )
        """
    )
    db.execute("CREATE INDEX community_templates_community ON community_templates (community_id)")
    # Communities made before checklists existed get the built-in library.
    rows = db.execute("SELECT id, updated_at, updated_by FROM communities").fetchall()
    for community_id, stamp, device in rows:
        for stage in STAGES:
            for position, entry in enumerate(builtin_items(stage), start=1):
                db.execute(
                    "INSERT INTO checklist_items (id, created_at, updated_at, updated_by, "
                    "community_id, stage, library_key, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        item_id(community_id, entry.key),
                        stamp,
                        stamp,
                        device,
                        community_id,
                        stage,
                        entry.key,
                        position * 10,
                    ],
                )


def version_triggers(table: str) -> list[str]:
    """The triggers that record every version of ``table``'s rows in ``row_versions``.

    A new user table gets them in the migration that creates it. They write
    plain rows only (no function calls), so they run with untrusted schema off.
    """
    record = (
        "INSERT OR IGNORE INTO row_versions (table_name, row_id, updated_at, updated_by) "
        f"VALUES ('{table}', NEW.id, NEW.updated_at, NEW.updated_by);"
    )
    return [
        f"CREATE TRIGGER {table}_version_insert AFTER INSERT ON {table} BEGIN {record} END",
        f"CREATE TRIGGER {table}_version_update AFTER UPDATE OF updated_at, updated_by "
        f"ON {table} BEGIN {record} END",
    ]


@step("0005_sync")
def _sync(db: Database) -> None:
    # Merging teammates' copies. A row's version is (updated_at, updated_by),
    # and every version a row has had, here or in a copy merged in, is kept in
    # ``row_versions``: when the two copies of a row differ, the one whose
    # version is in the other's history is older, and if neither is, both
    # sides changed it (a conflict). Writes keep a row's updated_at rising.
    db.execute(
        """
        CREATE TABLE row_versions (
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (table_name, row_id, updated_at, updated_by)
        ) WITHOUT ROWID
        """
    )
    # The user tables of schema 4, written out: a step that has shipped must not
    # change with USER_TABLES (later steps add their own tables' triggers).
    for table in (
        "communities",
        "calendar_items",
        "templates",
        "checklist_library",
        "checklist_items",
        "community_templates",
    ):
        db.execute(
            "INSERT INTO row_versions (table_name, row_id, updated_at, updated_by) "
            f"SELECT '{table}', id, updated_at, updated_by FROM {table}"
        )
        for sql in version_triggers(table):
            db.execute(sql)
    # The people whose devices wrote rows here (``updated_by`` is a device id),
    # so a teammate's template can say whose it is.
    db.execute(
        """
        CREATE TABLE devices (
            id TEXT PRIMARY KEY NOT NULL,
            label TEXT NOT NULL,
            seen_at INTEGER NOT NULL
        )
        """
    )
    # One row per merge of a teammate's file; ``summary`` is the JSON report
    # (added, updated, deleted, conflicts per table).
    db.execute(
        """
        CREATE TABLE merge_log (
            id TEXT PRIMARY KEY NOT NULL,
            merged_at INTEGER NOT NULL,
            merged_by TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_digest TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '{}' CHECK (substr(summary, 1, 1) = '{')
        )
        """
    )


@step("0006_metrics")
def _metrics(db: Database) -> None:
    # A community's figures on a day, as the operator reads them off the
    # platform or a spreadsheet: any of them may be missing (NULL). One row per
    # community and day; its id is derived from both, so two copies that enter
    # the same day's figures hold one record (see planner.metrics).
    counts = (
        "members",
        "active_members",
        "joined",
        "left_members",
        "messages",
        "paid_conversions",
    )
    columns = ",\n".join(f"{name} INTEGER CHECK ({name} IS NULL OR {name} >= 0)" for name in counts)
    db.execute(
        f"""
        CREATE TABLE community_metrics (
            {SYNC_COLUMNS_SQL},
            community_id TEXT NOT NULL REFERENCES communities (id),
            day TEXT NOT NULL CHECK (length(day) = 10),
            {columns},
            revenue REAL CHECK (revenue IS NULL OR revenue >= 0),
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        "CREATE INDEX community_metrics_day ON community_metrics (community_id, deleted, day)"
    )
    # Fission scenarios (domain.md "Fission"): seed members, the share of each
    # wave's newcomers who share (X), the members each share brings (Y =
    # invites per share x conversion rate), waves, and what it costs: a fixed
    # cost and a bait per sharer, against another channel's cost per member.
    # A scenario can name the fission activity on the calendar it plans.
    db.execute(
        f"""
        CREATE TABLE fission_scenarios (
            {SYNC_COLUMNS_SQL},
            community_id TEXT NOT NULL REFERENCES communities (id),
            name TEXT NOT NULL CHECK (length(name) > 0),
            seed_members INTEGER NOT NULL CHECK (seed_members >= 0),
            share_rate REAL NOT NULL CHECK (share_rate >= 0 AND share_rate <= 1),
            invites_per_share REAL NOT NULL CHECK (invites_per_share >= 0),
            conversion_rate REAL NOT NULL CHECK (conversion_rate >= 0 AND conversion_rate <= 1),
            waves INTEGER NOT NULL CHECK (waves >= 1 AND waves <= 30),
            fixed_cost REAL NOT NULL DEFAULT 0 CHECK (fixed_cost >= 0),
            bait_cost REAL NOT NULL DEFAULT 0 CHECK (bait_cost >= 0),
            channel_cost REAL CHECK (channel_cost IS NULL OR channel_cost >= 0),
            calendar_item_id TEXT REFERENCES calendar_items (id),
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX fission_scenarios_community ON fission_scenarios (community_id)")
    for table in ("community_metrics", "fission_scenarios"):
        for sql in version_triggers(table):
            db.execute(sql)


SCHEMA_VERSION = len(STEP_NAMES)


def schema_objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """The schema objects in ``conn`` as (type, name) -> normalized SQL."""
    # Only SQLite's own internal tables and the indexes it makes for UNIQUE and
    # PRIMARY KEY constraints are left out; anything else, whatever its name
    # (a trigger called "sqlite_x" slipped in through writable_schema), counts.
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE NOT ("
        r"(type = 'index' AND name LIKE 'sqlite\_autoindex\_%' ESCAPE '\' AND sql IS NULL) "
        "OR (type = 'table' AND name IN "
        "('sqlite_sequence', 'sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4')))"
    ).fetchall()
    return {(t, n): re.sub(r"\s+", " ", s or "").strip() for t, n, s in rows}


def expected_schema(version: int) -> dict[tuple[str, str], str]:
    """The schema objects a workspace of ``version`` has."""
    db = Database(memory=True, execute_plugins=False)
    try:
        stop = STEP_NAMES[version] if version < len(STEP_NAMES) else None
        MIGRATIONS.apply(db, stop_before=stop)
        return schema_objects(db.conn)
    finally:
        db.close()


# The kinds of schema object, as a problem names them.
OBJECT_KINDS: dict[str, Text] = {
    "table": QT_TRANSLATE_NOOP("Schema", "table"),
    "index": QT_TRANSLATE_NOOP("Schema", "index"),
    "view": QT_TRANSLATE_NOOP("Schema", "view"),
    "trigger": QT_TRANSLATE_NOOP("Schema", "trigger"),
}


def _kind(kind: str) -> str:
    return OBJECT_KINDS.get(kind, kind)


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """How the schema in ``conn`` differs from ours at ``version``.

    Unknown tables, views, triggers or indexes are problems: a file from
    someone else must not bring code (triggers, views) into our database.
    The migrations table belongs to sqlite-utils, so only its presence is
    compared, not its SQL text.
    """
    expected = expected_schema(version)
    actual = schema_objects(conn)
    problems: list[str] = [
        QT_TRANSLATE_NOOP(
            "Schema", "unknown {kind} “{name}”: not part of a Community Planner workspace"
        ).format(kind=_kind(kind), name=name)
        for kind, name in sorted(actual.keys() - expected.keys())
    ]
    problems += [
        QT_TRANSLATE_NOOP("Schema", "missing {kind} “{name}”").format(kind=_kind(kind), name=name)
        for kind, name in sorted(expected.keys() - actual.keys())
    ]
    for key in sorted(actual.keys() & expected.keys()):
        if key[1].startswith(MIGRATIONS.migrations_table):
            continue
        if actual[key] != expected[key]:
            problems.append(
                QT_TRANSLATE_NOOP("Schema", "{kind} “{name}” has an unexpected definition").format(
                    kind=_kind(key[0]), name=key[1]
                )
            )
    return problems


def bookkeeping_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """Values in the tables a merge or a migration trusts that this version cannot read.

    The migrations applied must be exactly ours up to ``version`` (a file that
    claims a step it lacks would be migrated wrongly), and the sync columns
    and recorded versions must have their types (a merge compares them).
    """
    problems: list[str] = []
    applied = [
        str(name)
        for (name,) in conn.execute(
            f'SELECT name FROM "{MIGRATIONS.migrations_table}" WHERE migration_set = ? ORDER BY id',
            [MIGRATION_SET],
        )
    ]
    if applied != STEP_NAMES[:version]:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Schema", "its list of applied upgrades does not match schema {version}"
            ).format(version=version)
        )
    present = schema_objects(conn)
    tables = [t for t in USER_TABLES if ("table", t) in present]
    for table in tables:
        bad = conn.execute(
            f"SELECT count(*) FROM {table} WHERE typeof(id) != 'text' "
            "OR typeof(created_at) != 'integer' OR typeof(updated_at) != 'integer' "
            "OR typeof(updated_by) != 'text'"
        ).fetchone()[0]
        if bad:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Schema", "{count} {table} rows with stamps that are not numbers and names"
                ).format(count=bad, table=table)
            )
    if version >= 5:
        bad = conn.execute(
            "SELECT count(*) FROM row_versions WHERE typeof(updated_at) != 'integer' "
            "OR typeof(updated_by) != 'text' OR typeof(row_id) != 'text'"
        ).fetchone()[0]
        if bad:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Schema", "{count} recorded versions that are not numbers and names"
                ).format(count=bad)
            )
    return problems
