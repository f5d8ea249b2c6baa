"""Shared pieces of the fuzz tests (tests/test_fuzz_*.py): the one-line-message
property, a digest of a workspace's records, and the settings of the default and
long runs."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence

from hypothesis import HealthCheck, Phase, settings

from planner.errors import PlannerError
from planner.schema import USER_TABLES
from planner.workspace import Workspace

# Default runs stay short; the long runs (pytest --long) take many more examples.
QUICK = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)
LONG = settings(QUICK, max_examples=2000)

# What a message must never show: Python's own words for its objects and errors.
REPR_NOISE = ("Traceback", "<class", "<function", "<built-in", " object at 0x", "Error(")


def assert_one_line(message: str) -> None:
    """``message`` is one clear line: not empty, no line break, no Python repr noise."""
    assert isinstance(message, str)
    assert message.strip(), "an empty message"
    assert len(message.splitlines()) == 1, f"more than one line: {message!r}"
    for noise in REPR_NOISE:
        assert noise not in message, f"{noise!r} in {message!r}"


def assert_planner_error(exc: BaseException) -> PlannerError:
    """``exc`` is one of the project's own errors with a one-line message."""
    assert isinstance(exc, PlannerError), f"{type(exc).__name__}: {exc}"
    assert_one_line(str(exc))
    assert exc.exit_code in (1, 2)
    return exc


def table_digest(conn: sqlite3.Connection, tables: Sequence[str] = ()) -> str:
    """A digest of every row of ``tables`` (default: every table): the records, not the bytes."""
    h = hashlib.sha256()
    tables = list(tables) or [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for table in tables:
        h.update(table.encode())
        for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
            h.update(row.encode())
    return h.hexdigest()


def workspace_digest(ws: Workspace) -> str:
    """A digest of every user table's rows and of their recorded versions."""
    return table_digest(ws.db.conn, (*USER_TABLES, "row_versions"))
