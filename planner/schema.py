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

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

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
USER_TABLES = ("communities",)

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


SCHEMA_VERSION = len(STEP_NAMES)
