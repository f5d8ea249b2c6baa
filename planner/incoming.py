"""Reading a workspace file that came from someone else.

Such a file is untrusted: it may be damaged, truncated, made by a newer
version, someone else's SQLite file, or crafted to run code when opened (a
view or trigger calling a function). It is never opened in place and never
adopted as our workspace. Instead:

1. its header must name it a workspace (application_id) of a schema we read;
2. it is copied, through a read-only connection, into a private temp file, so
   it cannot change (or be swapped) while we read it;
3. the copy is opened with untrusted schema off and checked: ``quick_check``,
   every table, index, view and trigger exactly ours, every value readable;
4. an older copy is migrated (the copy, never the file);
5. its rows are then read like data, and copied or merged into our database.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from planner.errors import CorruptWorkspace, WorkspaceError
from planner.i18n import QT_TRANSLATE_NOOP
from planner.schema import SCHEMA_VERSION
from planner.workspace import cannot_be_read, migrate, read_header, verify_connection


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (hex), which names a received file in the merge log."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextlib.contextmanager
def received_workspace(path: Path) -> Iterator[sqlite3.Connection]:
    """A checked, private, read-only-in-spirit copy of the workspace file ``path``.

    Yields a connection to the copy, at our schema version. Raises a one-line
    :class:`~planner.errors.WorkspaceError` naming ``path`` when the file is
    not a sound workspace we can read; ``path`` itself is never written.
    """
    path = Path(path)
    read_header(path)
    with tempfile.TemporaryDirectory(prefix="planner-received-") as folder:
        copy = Path(folder) / "received.cplan"
        _copy(path, copy)
        conn = sqlite3.connect(copy)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            try:
                version = verify_connection(conn, path)
            except sqlite3.DatabaseError as exc:
                raise CorruptWorkspace(path, str(exc)) from None
            if version < SCHEMA_VERSION:
                _upgrade(conn, path, version)
            dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
            if dangling:
                table, _, parent, _ = dangling[0]
                raise CorruptWorkspace(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Incoming", "a {table} record points to a {parent} record that is not there"
                    ).format(table=table, parent=parent),
                )
            conn.execute("PRAGMA query_only = ON")
            yield conn
        finally:
            conn.close()


def _copy(path: Path, copy: Path) -> None:
    """Copy ``path`` and the ``-wal`` beside it, if any, to ``copy``.

    Plain file copies: nothing is opened (or created) in the sender's folder.
    The copy's connection then reads what the -wal holds.
    """
    wal = Path(f"{path}-wal")
    try:
        shutil.copyfile(path, copy)
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
    except OSError as exc:
        raise WorkspaceError(path, cannot_be_read(path, exc.strerror)) from None


def _upgrade(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Bring the private copy of an older workspace to our schema."""
    try:
        migrate(Database(conn, execute_plugins=False))
    except sqlite3.Error as exc:
        raise CorruptWorkspace(
            path,
            QT_TRANSLATE_NOOP(
                "Incoming",
                "it uses schema {version} and could not be read as schema {ours}: {reason}",
            ).format(version=version, ours=SCHEMA_VERSION, reason=str(exc)),
        ) from None
