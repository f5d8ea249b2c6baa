"""The workspace file: creating, opening safely, migrating, editing with undo.

Opening never changes a file it refuses: every bad case (missing, a folder,
empty, not SQLite, someone else's SQLite, a newer schema, damaged, in use) is
detected with read-only access first and reported as a one-line
:class:`~planner.errors.WorkspaceError`. An older schema is migrated in one
transaction after a backup copy is written beside the file.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import stat
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from planner.errors import (
    CorruptWorkspace,
    ForeignSchema,
    MigrationFailed,
    NewerSchema,
    NotAWorkspace,
    NothingToUndo,
    UndoRefused,
    WorkspaceBusy,
    WorkspaceError,
    WorkspaceNotFound,
    WorkspaceReadOnly,
)
from planner.history import Change, Row, RowChange, UndoHistory
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.lock import WorkspaceLock, machine_label
from planner.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    bookkeeping_problems,
    schema_problems,
)

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
WORKSPACE_SUFFIX = ".cplan"


def now_ms() -> int:
    """The current time in UTC milliseconds, as stored in ``updated_at``."""
    return time.time_ns() // 1_000_000


def next_stamp(row: Row | None) -> int:
    """The ``updated_at`` for a new version of ``row``: now, and always after its last.

    A row's versions (updated_at, updated_by) must differ for every write, or
    a merge could not tell two of them apart.
    """
    stamp = now_ms()
    if row is not None and isinstance(row.get("updated_at"), int):
        stamp = max(stamp, row["updated_at"] + 1)
    return stamp


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of a workspace file say."""

    application_id: int
    user_version: int


def read_header(path: Path) -> Header:
    """Identify ``path`` from its SQLite header without opening it as a database.

    Raises the user-facing error for a missing path, a folder, an empty file,
    a file that is not SQLite and an SQLite file that is not a workspace.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        raise WorkspaceNotFound(path) from None
    except OSError as exc:
        raise NotAWorkspace(path, cannot_be_read(path, exc.strerror)) from None
    if stat.S_ISDIR(st.st_mode):
        raise NotAWorkspace(
            path,
            QT_TRANSLATE_NOOP("Workspace", "{path}: is a folder, not a workspace file.").format(
                path=path
            ),
        )
    if st.st_size == 0:
        raise NotAWorkspace(
            path,
            QT_TRANSLATE_NOOP(
                "Workspace", "{path}: the file is empty (0 bytes), not a workspace."
            ).format(path=path),
        )
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise NotAWorkspace(path, cannot_be_read(path, exc.strerror)) from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise NotAWorkspace(
            path,
            QT_TRANSLATE_NOOP(
                "Workspace", "{path}: not a Community Planner workspace (not an SQLite database)."
            ).format(path=path),
        )
    if head[18] not in (1, 2) or head[19] not in (1, 2):
        # SQLite's file format versions (1 rollback journal, 2 WAL): another value
        # makes SQLite refuse the file, or open it read-only, which is damage here.
        raise CorruptWorkspace(path, QT_TRANSLATE_NOOP("Workspace", "its header is damaged"))
    header = Header(
        application_id=int.from_bytes(head[68:72], "big", signed=True),
        user_version=int.from_bytes(head[60:64], "big", signed=True),
    )
    # A WAL-mode file may hold a newer application_id in its -wal file than in
    # its header; zero there is decided by the connection (see verify_connection).
    in_wal = head[18] == 2 and head[19] == 2
    if header.application_id != APPLICATION_ID and not (in_wal and header.application_id == 0):
        raise NotAWorkspace(path, _not_ours(path))
    return header


def cannot_be_read(path: Path, reason: str | None) -> Text:
    """``{path}: cannot be read ({reason}).`` (the OS's reason, as it gives it)."""
    return QT_TRANSLATE_NOOP("Workspace", "{path}: cannot be read ({reason}).").format(
        path=path, reason=reason
    )


def _not_ours(path: Path) -> Text:
    return QT_TRANSLATE_NOOP(
        "Workspace", "{path}: an SQLite database, but not a Community Planner workspace."
    ).format(path=path)


def is_read_only_file(path: Path) -> bool:
    """True when the file or its folder cannot be written.

    The owner's write bit is checked as well as ``os.access``, so a file the
    user marked read-only is treated as such even for an administrator.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    if not mode & stat.S_IWUSR:
        return True
    # WAL mode needs to create the -wal and -shm files beside the workspace.
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def connect_read_only(path: Path, *, immutable: bool | None = None) -> sqlite3.Connection:
    """A connection that cannot write to ``path``, with untrusted schema off.

    ``immutable`` (by default: when no ``-wal`` file with changes in it sits
    beside ``path``) keeps SQLite from creating ``-wal``/``-shm`` files for a
    WAL-mode file, so looking at a file leaves its folder exactly as it was.
    A file with committed changes still in its ``-wal`` (a folder that
    turned read-only before the window closed) is read with them, which
    needs the ``-shm`` beside it when the folder cannot be written.

    The connection can be handed to another thread once its first thread is
    done with it (``check_same_thread`` off): the window opens a workspace
    on a worker thread and then uses it on its own.
    """
    if immutable is None:
        wal = Path(f"{path}-wal")
        immutable = not (wal.exists() and wal.stat().st_size > 0)
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def one_line(text: object, limit: int | None = 200) -> str:
    """``text`` as one line (every run of white space one space), clipped to ``limit``.

    SQLite's messages can quote a damaged file's schema, line breaks and all.
    """
    line = " ".join(str(text).split())
    if limit is not None and len(line) > limit:
        line = line[: limit - 1] + "…"
    return line


def damage_detail(exc: BaseException) -> str:
    """What a damaged file's error says, as one line for a message."""
    if isinstance(exc, UnicodeDecodeError):
        # Python's words for it name codecs and byte positions.
        return QT_TRANSLATE_NOOP("Workspace", "it holds text that is not UTF-8")
    return one_line(exc)


# What reading a damaged file can raise: SQLite's errors, and Python's when a
# text value's bytes are not UTF-8 (SQLite stores them as they come).
DAMAGE_ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's ``PRAGMA quick_check`` rows (``["ok"]`` for a sound file).

    Its rows quote the damaged bytes, which need not be UTF-8: they are read
    with the bad bytes replaced.
    """
    factory = conn.text_factory
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    finally:
        conn.text_factory = factory


def verify_connection(conn: sqlite3.Connection, path: Path) -> int:
    """Check identity and integrity through ``conn``; return the schema version."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAWorkspace(path, _not_ours(path))
        if version > SCHEMA_VERSION:
            raise NewerSchema(path, version, SCHEMA_VERSION)
        if version < 1:
            raise CorruptWorkspace(path, QT_TRANSLATE_NOOP("Workspace", "it has no schema version"))
        result = quick_check(conn)
    except DAMAGE_ERRORS as exc:
        raise CorruptWorkspace(path, damage_detail(exc)) from None
    if result != ["ok"]:
        log.warning("quick_check of %s failed:\n%s", path, "\n".join(result))
        raise CorruptWorkspace(path, integrity_problems(result)[0])
    try:
        foreign = schema_problems(conn, version)
        if foreign:
            raise ForeignSchema(path, foreign[0])
        # Late import: the row checks build on the domain modules, which build on this one.
        from planner.check import unreadable_rows

        # The rows' own problems first (they name the row), then the bookkeeping's.
        unreadable = unreadable_rows(conn, version) or bookkeeping_problems(conn, version)
    except DAMAGE_ERRORS as exc:
        raise CorruptWorkspace(path, damage_detail(exc)) from None
    if unreadable:
        detail = unreadable[0]
        if len(unreadable) > 1:
            detail = QT_TRANSLATE_NOOP("Workspace", "{problem} and {count} more").format(
                problem=detail, count=len(unreadable) - 1
            )
        raise CorruptWorkspace(path, detail)
    return int(version)


def integrity_problems(quick_check: list[str]) -> list[str]:
    """SQLite's quick_check rows as one-line problems, without its section headers."""
    lines = [" ".join(line.split()) for row in quick_check for line in row.splitlines()]
    found = [line for line in lines if line and not line.startswith("*** in database")]
    return found or [QT_TRANSLATE_NOOP("Workspace", "integrity check failed")]


def backup_path_for(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.schema{version}-backup-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.schema{version}-backup-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def _write_backup(source: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()


def migrate(db: Database) -> None:
    """Apply every pending migration in one transaction: all or nothing."""
    with db.atomic():
        MIGRATIONS.apply(db)


class Workspace:
    """An open workspace file.

    Attributes:
        path: the workspace file.
        db: the sqlite-utils database over its connection.
        device_id: this installation's id, written to ``updated_by``.
        read_only: True when the file cannot be changed; edits raise.
        history: the undo and redo stacks of this session.
        backup: the backup copy written before a migration, if one was.
    """

    def __init__(
        self,
        path: Path,
        db: Database,
        *,
        device_id: str,
        read_only: bool,
        lock: WorkspaceLock | None = None,
        backup: Path | None = None,
    ) -> None:
        self.path = path
        self.db = db
        self.device_id = device_id
        self.read_only = read_only
        self.history = UndoHistory()
        self.backup = backup
        self._lock = lock

    @property
    def name(self) -> str:
        """The name shown in the window title: the file name without suffix."""
        return self.path.stem

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- editing -----------------------------------------------------------

    @contextlib.contextmanager
    def edit(self, action: str, subject: str = "") -> Iterator[Edit]:
        """One user action: one transaction, recorded for undo.

        The ``Edit`` collects every row written; after a successful commit its
        :attr:`Edit.change` is pushed on the undo stack.
        """
        if self.read_only:
            raise WorkspaceReadOnly(
                self.path,
                QT_TRANSLATE_NOOP(
                    "Workspace", "{path}: this workspace is open read-only; nothing was changed."
                ).format(path=self.path),
            )
        recorder = Edit(self, action, subject)
        with self.transaction():
            yield recorder
        if recorder.rows:
            self.history.push(recorder.change)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction: all of it or none of it.

        It takes the write lock as it begins (``BEGIN IMMEDIATE``), so that
        when another connection (a background job) is writing, SQLite waits
        for it up to the connection's timeout instead of failing at the first
        write after a read; a lock held longer than that is one clear error.
        Nested, it is a savepoint.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise  # not another writer: the disk or the folder (see disk_errors)
            raise WorkspaceBusy(
                self.path,
                QT_TRANSLATE_NOOP(
                    "Workspace",
                    "{name} is busy with another change (a copy or an import "
                    "still running); nothing was changed. Try again in a moment. ({reason})",
                ).format(name=self.path.name, reason=one_line(exc)),
            ) from None
        try:
            yield
            # A deferred check (foreign keys) can refuse the COMMIT itself:
            # then the transaction is still open and is rolled back below.
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def undo(self) -> Change:
        """Undo the newest change; returns what the undo itself changed."""
        change = self.history.next_undo()
        if change is None:
            raise NothingToUndo(QT_TRANSLATE_NOOP("Workspace", "There is nothing to undo."))
        applied = self._apply_images(change, use_before=True)
        self.history.undo_stack.pop()
        self.history.redo_stack.append(change)
        return applied

    def redo(self) -> Change:
        """Redo the newest undone change; returns what it changed."""
        change = self.history.next_redo()
        if change is None:
            raise NothingToUndo(QT_TRANSLATE_NOOP("Workspace", "There is nothing to redo."))
        applied = self._apply_images(change, use_before=False)
        self.history.redo_stack.pop()
        self.history.undo_stack.append(change)
        return applied

    def _apply_images(self, change: Change, *, use_before: bool) -> Change:
        if self.read_only:
            raise WorkspaceReadOnly(
                self.path,
                QT_TRANSLATE_NOOP("Workspace", "{path}: this workspace is open read-only.").format(
                    path=self.path
                ),
            )
        if change.verbatim:
            return self._apply_verbatim(change, use_before=use_before)
        rows = change.rows[::-1] if use_before else change.rows
        written: list[RowChange] = []
        with self.transaction():
            for row in rows:
                image = row.before if use_before else row.after
                current = self.get_row(row.table, row.id)
                table = self.db.table(row.table)
                stamp = next_stamp(current)
                if image is None:
                    # Undoing a creation leaves a tombstone, like any deletion,
                    # so a copy shared meanwhile does not bring the row back.
                    if current is not None and not current["deleted"]:
                        table.update(
                            row.id,
                            {"deleted": 1, "updated_at": stamp, "updated_by": self.device_id},
                        )
                    written.append(
                        RowChange(row.table, row.id, current, self.get_row(row.table, row.id))
                    )
                    continue
                values = dict(image, updated_at=stamp, updated_by=self.device_id)
                if current is None:
                    table.insert(values)
                else:
                    table.update(row.id, values)
                written.append(RowChange(row.table, row.id, current, values))
        return Change(change.action, change.subject, tuple(written))

    def _apply_verbatim(self, change: Change, *, use_before: bool) -> Change:
        """Write a verbatim change's images exactly (see :class:`Change`)."""
        rows = change.rows[::-1] if use_before else change.rows
        written: list[RowChange] = []
        with self.transaction():
            # Rows come back in reverse order, children before the parents they
            # name; the keys are checked when the transaction commits.
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            for row in rows:
                image = row.before if use_before else row.after
                current = self.get_row(row.table, row.id)
                if image is None:
                    self._delete_with_tombstones(row.table, row.id, change)
                elif current is None:
                    self.db.table(row.table).insert(image)
                else:
                    self.db.table(row.table).update(row.id, image)
                written.append(RowChange(row.table, row.id, current, image))
            if use_before:
                self.db.conn.executemany(
                    "DELETE FROM row_versions WHERE table_name = ? AND row_id = ? "
                    "AND updated_at = ? AND updated_by = ?",
                    change.versions,
                )
            else:
                self.db.conn.executemany(
                    "INSERT OR IGNORE INTO row_versions "
                    "(table_name, row_id, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                    change.versions,
                )
        return Change(change.action, change.subject, tuple(written), verbatim=True)

    @functools.cached_property
    def _references(self) -> dict[str, list[tuple[str, str]]]:
        """The foreign keys of the workspace: parent table -> (child table, column).

        Read once: the schema does not change while the workspace is open, and
        undoing a merge asks for every row it deletes.
        """
        found: dict[str, list[tuple[str, str]]] = {}
        for (table,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for fk in self.db.execute(f'PRAGMA foreign_key_list("{table}")'):
                found.setdefault(str(fk[2]), []).append((str(table), str(fk[3])))
        return found

    def _delete_with_tombstones(self, table: str, row_id: str, change: Change) -> None:
        """Delete a row a verbatim change had added, and the tombstones that name it.

        Rows made after it and since undone are tombstones that still point at
        it; they go with it. A live row that points at it means the change
        cannot be taken back.
        """
        for child, column in self._references.get(table, []):
            for child_id, deleted in self.db.execute(
                f'SELECT id, deleted FROM "{child}" WHERE "{column}" = ?', [row_id]
            ).fetchall():
                if not deleted:
                    raise UndoRefused(
                        QT_TRANSLATE_NOOP(
                            "Workspace",
                            "“{subject}” cannot be undone: a record it brought in is "
                            "used by a later one. Nothing was changed.",
                        ).format(subject=change.subject)
                    )
                self._delete_with_tombstones(child, str(child_id), change)
        self.db.execute(f'DELETE FROM "{table}" WHERE id = ?', [row_id])

    def get_row(self, table: str, row_id: str) -> Row | None:
        rows = list(self.db.query(f'SELECT * FROM "{table}" WHERE id = ?', [row_id]))
        return rows[0] if rows else None


class Edit:
    """Writes rows for one action and remembers their before and after images."""

    def __init__(self, workspace: Workspace, action: str, subject: str) -> None:
        self._ws = workspace
        self.action = action
        self.subject = subject
        self.rows: list[RowChange] = []

    @property
    def change(self) -> Change:
        return Change(self.action, self.subject, tuple(self.rows))

    @property
    def workspace(self) -> Workspace:
        return self._ws

    def insert(self, table: str, values: dict[str, Any]) -> str:
        """Insert a new row with fresh sync columns; returns its id."""
        stamp = now_ms()
        row = dict(values)
        row.setdefault("id", new_id())
        row.update(created_at=stamp, updated_at=stamp, updated_by=self._ws.device_id, deleted=0)
        self._ws.db.table(table).insert(row)
        self.rows.append(RowChange(table, row["id"], None, self._ws.get_row(table, row["id"])))
        return str(row["id"])

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        """Change some columns of an existing row (tombstones included)."""
        before = self._ws.get_row(table, row_id)
        if before is None:
            raise KeyError(f"{table} {row_id}")
        updates = dict(values, updated_at=next_stamp(before), updated_by=self._ws.device_id)
        self._ws.db.table(table).update(row_id, updates)
        self.rows.append(RowChange(table, row_id, before, self._ws.get_row(table, row_id)))


def create_workspace(path: Path, *, device_id: str, lock_dir: Path) -> Workspace:
    """Make a new, empty workspace at ``path`` (which must not exist) and open it."""
    if path.exists():
        raise WorkspaceError(
            path,
            QT_TRANSLATE_NOOP("Workspace", "{path}: a file with that name already exists.").format(
                path=path
            ),
        )
    if not path.parent.is_dir():
        raise WorkspaceError(
            path,
            QT_TRANSLATE_NOOP("Workspace", "{folder}: no such folder.").format(folder=path.parent),
        )
    lock = WorkspaceLock(path, lock_dir)
    try:
        db = Database(_connect(path), execute_plugins=False)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            migrate(db)
            # Put the new header (application_id, user_version) into the main file.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException:
            db.close()
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        _configure(db, writable=True, device_id=device_id)
    except BaseException:
        lock.release()
        raise
    return Workspace(path, db, device_id=device_id, read_only=False, lock=lock)


def _connect(path: Path) -> sqlite3.Connection:
    """A read-write connection that never runs code stored in the file's schema."""
    try:
        # Opened on a worker thread by the window, then used on its own (one at a time).
        conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA trusted_schema = OFF")
    except sqlite3.Error as exc:
        raise WorkspaceError(
            path,
            QT_TRANSLATE_NOOP(
                "Workspace", "{path}: cannot be opened for writing ({reason})."
            ).format(path=path, reason=one_line(exc)),
        ) from None
    return conn


def _configure(db: Database, *, writable: bool, device_id: str = "") -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA trusted_schema = OFF")
    if writable:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        with db.conn:
            record_device(db.conn, device_id, machine_label())


def record_device(conn: sqlite3.Connection, device_id: str, label: str) -> None:
    """Remember ``label`` for ``device_id`` in ``devices`` (no write when known so),
    so the rows this device writes can name who wrote them in a teammate's copy."""
    conn.execute(
        "INSERT INTO devices (id, label, seen_at) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET label = excluded.label, seen_at = excluded.seen_at "
        "WHERE devices.label != excluded.label",
        [device_id, label, now_ms()],
    )


def open_workspace(
    path: Path, *, device_id: str, lock_dir: Path, read_only: bool = False
) -> Workspace:
    """Open an existing workspace safely, migrating an older schema.

    Raises a :class:`~planner.errors.WorkspaceError` with a one-line message
    for every file that cannot be opened; such a file is left as it was.
    A file that cannot be written is opened read-only (``read_only`` set).
    """
    path = Path(path)
    read_header(path)
    read_only = read_only or is_read_only_file(path)
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if (
        wal.exists()
        and wal.stat().st_size > 0
        and not shm.exists()
        and not os.access(path.parent, os.W_OK)
    ):
        # SQLite needs the -shm to read the -wal, and cannot make one here.
        raise WorkspaceError(
            path,
            QT_TRANSLATE_NOOP(
                "Workspace",
                "{path}: its newest changes are in {name}-wal, which cannot be read in a "
                "read-only folder. Copy both files to a folder you can write to and open "
                "the copy.",
            ).format(path=path, name=path.name),
        )
    lock = None if read_only else WorkspaceLock(path, lock_dir)
    try:
        probe = connect_read_only(path)
        try:
            version = verify_connection(probe, path)
            backup: Path | None = None
            if version < SCHEMA_VERSION:
                if read_only:
                    raise WorkspaceError(
                        path,
                        QT_TRANSLATE_NOOP(
                            "Workspace",
                            "{path}: this workspace uses an older format (schema {version}) and "
                            "is read-only, so it cannot be upgraded. Copy it to a folder you can "
                            "write to and open the copy.",
                        ).format(path=path, version=version),
                    )
                backup = backup_path_for(path, version)
                try:
                    _write_backup(probe, backup)
                except (OSError, sqlite3.Error) as exc:
                    with contextlib.suppress(OSError):
                        backup.unlink()
                    raise WorkspaceError(
                        path,
                        QT_TRANSLATE_NOOP(
                            "Workspace",
                            "{path}: could not write a backup copy before upgrading it "
                            "({reason}); the file was left as it was.",
                        ).format(path=path, reason=one_line(exc)),
                    ) from None
                log.info("backed up %s to %s before migrating", path, backup)
        finally:
            probe.close()
        if read_only:
            # Not immutable while a -wal is beside it: another window may be writing.
            db = Database(connect_read_only(path), execute_plugins=False)
            _configure(db, writable=False)
            return Workspace(path, db, device_id=device_id, read_only=True)
        db = Database(_connect(path), execute_plugins=False)
        try:
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("ROLLBACK")
            except DAMAGE_ERRORS as exc:
                # What the read-only checks cannot see: SQLite refusing to write it.
                raise WorkspaceError(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Workspace", "{path}: cannot be opened for writing ({reason})."
                    ).format(path=path, reason=damage_detail(exc)),
                ) from None
            if version < SCHEMA_VERSION:
                try:
                    migrate(db)
                except Exception as exc:
                    log.exception("migration of %s failed", path)
                    # The file was rolled back to what it was, so the copy is not needed.
                    if backup is not None:
                        with contextlib.suppress(OSError):
                            backup.unlink()
                    raise MigrationFailed(
                        path,
                        QT_TRANSLATE_NOOP(
                            "Workspace",
                            "{path}: upgrading the workspace from schema {version} failed "
                            "({reason}); the file was left as it was.",
                        ).format(path=path, version=version, reason=one_line(exc)),
                    ) from exc
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            _configure(db, writable=True, device_id=device_id)
        except BaseException:
            db.close()
            raise
        return Workspace(path, db, device_id=device_id, read_only=False, lock=lock, backup=backup)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def open_worker_workspace(ws: Workspace, *, timeout: float = 30.0) -> Workspace:
    """A second connection to the open workspace ``ws``, for work off the GUI thread.

    The window that opened ``ws`` holds its lock (and checked the file), so
    this connection takes no lock; WAL mode lets it write while the window
    reads, and it waits up to ``timeout`` seconds for the window's own
    writes. An SQLite connection belongs to the thread that made it: open it
    in the worker and close it there. Its undo history is not the window's:
    hand the Change it returns to the window's workspace.
    """
    if ws.read_only:
        conn = connect_read_only(ws.path, immutable=False)
    else:
        conn = sqlite3.connect(ws.path, timeout=timeout)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return Workspace(
        ws.path,
        Database(conn, execute_plugins=False),
        device_id=ws.device_id,
        read_only=ws.read_only,
    )
