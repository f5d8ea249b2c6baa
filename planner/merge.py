"""Merging a teammate's copy of the workspace into ours.

Records are matched by id. A row's version is (``updated_at``,
``updated_by``), and ``row_versions`` keeps every version a row has had in
this copy or in any copy merged into it. For a row that differs between the
two copies:

- theirs is in our history: we have changed it since; ours stays;
- ours is in their history: only they changed it; theirs is taken as it is,
  stamps included (a tombstone too: a deletion on their side only);
- neither: both changed it since they last agreed, a **conflict**, unless
  both made it the same (then theirs is taken as it is, so the two copies
  hold the very same version). A deletion against a change is a conflict too.

The person resolves each conflict, field by field; the resolution is a new
version that knows both, so the same conflict never comes back, a teammate
who merges our copy afterwards takes the resolution without a conflict, and
two teammates who resolved it differently see it again. Merging the same
file again finds nothing new. There is no per-teammate state to
lose, so merging through a third teammate's copy works the same way.

Names of live communities and templates stay unique, case aside. Where the
rows taken and ours would share a name, the record with the smallest id
keeps it and the others become "name (2)"... (the same records, the same
way, whichever side merges). A resolved conflict gives way to every record
not in conflict: a row only one side changed comes exactly as that side
has it, and the resolution, a new version anyway, gets the "(2)".

This module plans a merge (nothing is written); :mod:`planner.merge_apply`
writes it, as one transaction and one verbatim :class:`Change` (see
:mod:`planner.history`): undo puts the workspace back as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from planner.calendar import stored_last_end
from planner.devices import read_devices
from planner.errors import Cancelled, PlannerError
from planner.history import Row
from planner.schema import USER_TABLES
from planner.workspace import Workspace

# Parents before the rows that name them.
MERGE_ORDER = (
    "communities",
    "templates",
    "calendar_items",
    "checklist_library",
    "checklist_items",
    "community_templates",
    "community_metrics",
    "fission_scenarios",
)
assert set(MERGE_ORDER) == set(USER_TABLES), "every user table is merged"

STAMP_COLUMNS = ("created_at", "updated_at", "updated_by")
QUIET = ("tombstone", "same")
# Fields that only make sense together (a series' times and rule): taking one
# of them from theirs takes all of them.
LINKED: dict[str, tuple[tuple[str, ...], ...]] = {
    "calendar_items": (
        ("all_day", "starts_at", "ends_at", "tz", "rrule", "exdates"),
        ("kind", "item_type"),
    ),
}
# Fields computed from others, never chosen: recomputed after a resolution.
DERIVED: dict[str, tuple[str, ...]] = {"calendar_items": ("last_ends_at",)}
# Names that must stay unique among live rows; a clash is renamed on arrival.
UNIQUE_NAMES = {"communities": "name", "templates": "name"}

Version = tuple[int, str]
Key = tuple[str, str]
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
# Per conflict, the fields taken from theirs; a conflict not named keeps ours.
Choices = Mapping[Key, Collection[str]]


class MergeError(PlannerError):
    """A merge could not be done; the workspace was left as it was."""


def content(row: Row) -> dict[str, Any]:
    """What a person wrote in a row: every column but the id and the stamps."""
    return {k: v for k, v in row.items() if k not in STAMP_COLUMNS and k != "id"}


def linked_fields(table: str, field: str) -> tuple[str, ...]:
    """The fields that go with ``field`` of ``table`` (itself included)."""
    for group in LINKED.get(table, ()):
        if field in group:
            return group
    return (field,)


def derive(table: str, row: Row) -> None:
    """Recompute ``row``'s derived fields from the others, in place."""
    if table == "calendar_items":
        row["last_ends_at"] = stored_last_end(row["starts_at"], row["ends_at"], row["rrule"])


def version(row: Row) -> Version:
    return (int(row["updated_at"]), str(row["updated_by"]))


@dataclass(frozen=True)
class Take:
    """A row taken from theirs. ``kind``: added, updated, deleted; or, quietly
    (changing nothing anyone sees), tombstone (a deletion of a row we never
    had, kept so the deletion travels on) or same (both sides made the same
    change: their version of it is taken so the copies agree)."""

    table: str
    id: str
    kind: str
    mine: Row | None
    theirs: Row
    rename: str | None = None


@dataclass(frozen=True)
class Conflict:
    """A row both sides changed; ``fields`` are the ones that differ."""

    table: str
    id: str
    mine: Row
    theirs: Row
    fields: tuple[str, ...]

    @property
    def key(self) -> Key:
        return (self.table, self.id)

    @property
    def deletion(self) -> str | None:
        """ "mine" or "theirs" when one side deleted the row, else None."""
        if self.mine["deleted"] and not self.theirs["deleted"]:
            return "mine"
        if self.theirs["deleted"] and not self.mine["deleted"]:
            return "theirs"
        return None


@dataclass
class TableCounts:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.deleted + self.conflicts


@dataclass
class MergePlan:
    """What merging a file would do; nothing is written until it is applied.

    Attributes:
        source: the teammate's file.
        digest: its SHA-256, recorded in the merge log.
        takes: rows taken from theirs.
        conflicts: rows both sides changed differently.
        history: their versions of every row in the three lists.
        mine: our version of those rows when planned (None: we lacked it).
        devices: their device labels.
        renames: our rows renamed because an arriving one has their name
            (table, our row, its new name).
        common: records found in both copies; none means the file is not a
            copy of this workspace (merging it adds everything in it).
    """

    source: Path
    digest: str
    takes: list[Take] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    history: dict[Key, set[Version]] = field(default_factory=dict)
    mine: dict[Key, Version | None] = field(default_factory=dict)
    devices: list[tuple[str, str, int]] = field(default_factory=list)
    common: int = 0
    renames: list[tuple[str, Row, str]] = field(default_factory=list)

    @property
    def unrelated(self) -> bool:
        """True when the file shares no record with this workspace."""
        return self.common == 0 and bool(self.takes)

    @property
    def up_to_date(self) -> bool:
        """True when the file holds nothing anyone would see; such a plan is
        not applied (its quiet takes wait for the next merge that is)."""
        return not self.conflicts and not self.renames and all(t.kind in QUIET for t in self.takes)

    @property
    def same(self) -> list[Key]:
        """Rows both sides changed alike."""
        return [(t.table, t.id) for t in self.takes if t.kind == "same"]

    def counts(self) -> dict[str, TableCounts]:
        counts = {table: TableCounts() for table in MERGE_ORDER}
        for take in self.takes:
            c = counts[take.table]
            if take.kind == "added":
                c.added += 1
            elif take.kind == "updated":
                c.updated += 1
            elif take.kind == "deleted":
                c.deleted += 1
        for conflict in self.conflicts:
            counts[conflict.table].conflicts += 1
        return counts

    def report(self) -> dict[str, Any]:
        """The plan as JSON-ready data (what ``planner merge --json`` prints)."""
        counts = self.counts()
        totals = TableCounts()
        for c in counts.values():
            totals.added += c.added
            totals.updated += c.updated
            totals.deleted += c.deleted
            totals.conflicts += c.conflicts
        return {
            "theirs": str(self.source),
            "tables": {t: _counts_json(c) for t, c in counts.items()},
            "total": _counts_json(totals),
            "conflicts": [
                {
                    "table": c.table,
                    "id": c.id,
                    "label": row_label(c.table, c.mine),
                    "fields": list(c.fields),
                }
                for c in self.conflicts
            ],
        }


def _counts_json(c: TableCounts) -> dict[str, int]:
    return {
        "added": c.added,
        "updated": c.updated,
        "deleted": c.deleted,
        "conflicts": c.conflicts,
    }


def row_label(table: str, row: Row) -> str:
    """A short name for a row, for reports (the UI has richer ones)."""
    for column in ("name", "title", "library_key", "template_ref", "key"):
        value = row.get(column)
        if value:
            return str(value)
    return str(row["id"])


# -- planning ------------------------------------------------------------------


def _differing(conn: sqlite3.Connection, table: str) -> tuple[int, set[str]]:
    """How many rows of ``table`` both copies hold, and the ids of their rows whose
    version (``updated_at``, ``updated_by``) is not ours: compared by SQLite, with
    their copy attached as ``theirs`` (a table can hold a hundred thousand days of
    figures, each of which would otherwise become Python objects twice)."""
    total = conn.execute(f'SELECT count(*) FROM theirs."{table}"').fetchone()[0]
    rows = conn.execute(
        f'SELECT t.id, m.id IS NULL FROM theirs."{table}" AS t '
        f'LEFT JOIN main."{table}" AS m ON m.id = t.id '
        "WHERE m.id IS NULL OR m.updated_at IS NOT t.updated_at "
        "OR m.updated_by IS NOT t.updated_by"
    ).fetchall()
    common = total - sum(1 for _, absent in rows if absent)
    return int(common), {str(r[0]) for r in rows}


@contextlib.contextmanager
def _attached(mine: sqlite3.Connection, theirs: sqlite3.Connection) -> Iterator[None]:
    """Their checked private copy attached to our connection as ``theirs``."""
    path = next(str(r[2]) for r in theirs.execute("PRAGMA database_list") if r[1] == "main")
    mine.execute("ATTACH DATABASE ? AS theirs", [path])
    try:
        yield
    finally:
        mine.execute("DETACH DATABASE theirs")


def _histories(conn: sqlite3.Connection, table: str, ids: set[str]) -> dict[str, set[Version]]:
    """The recorded versions of the rows ``ids`` of ``table`` (by the primary key)."""
    found: dict[str, set[Version]] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT row_id, updated_at, updated_by FROM row_versions "
            f"WHERE table_name = ? AND row_id IN ({marks})",
            [table, *chunk],
        )
        for row_id, at, by in rows:
            found.setdefault(str(row_id), set()).add((int(at), str(by)))
    return found


def read_rows(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> dict[str, Row]:
    """Full rows of ``table`` by id, read in chunks."""
    wanted = list(ids)
    found: dict[str, Row] = {}
    cursor = conn.cursor()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        cursor.execute(f'SELECT * FROM "{table}" WHERE id IN ({marks})', chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found[str(row["id"])] = row
    return found


def plan_merge(
    ws: Workspace,
    theirs: sqlite3.Connection,
    *,
    source: Path,
    digest: str,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> MergePlan:
    """Compare ``theirs`` (a checked copy, see :mod:`planner.incoming`) with ``ws``."""
    plan = MergePlan(source=Path(source), digest=digest)
    mine_conn = ws.db.conn
    with _attached(mine_conn, theirs):
        for step, table in enumerate(MERGE_ORDER):
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(step, len(MERGE_ORDER))
            _plan_table(plan, table, mine_conn, theirs)
    plan.devices = read_devices(theirs)
    if progress is not None:
        progress(len(MERGE_ORDER), len(MERGE_ORDER))
    return plan


def _plan_table(
    plan: MergePlan, table: str, mine_conn: sqlite3.Connection, theirs: sqlite3.Connection
) -> None:
    common, differing = _differing(mine_conn, table)
    plan.common += common
    if not differing:
        return
    their_rows = read_rows(theirs, table, differing)
    mine_rows = read_rows(mine_conn, table, differing)
    my_hist = _histories(mine_conn, table, differing)
    their_hist = _histories(theirs, table, differing)
    takes: list[Take] = []
    # Series before the overrides that name them.
    order = sorted(differing, key=lambda i: (their_rows[i].get("series_id") is not None, i))
    for row_id in order:
        t_row = their_rows[row_id]
        key = (table, row_id)
        t_version = version(t_row)
        t_history = their_hist.get(row_id, set()) | {t_version}
        m_row = mine_rows.get(row_id)
        if m_row is None:
            kind = "tombstone" if t_row["deleted"] else "added"
            takes.append(Take(table, row_id, kind, None, t_row))
        else:
            m_version = version(m_row)
            if t_version in my_hist.get(row_id, set()):
                continue  # ours is newer
            plan.mine[key] = m_version
            if m_version in t_history:
                if t_row["deleted"] and not m_row["deleted"]:
                    kind = "deleted"
                else:
                    kind = "updated"
                takes.append(Take(table, row_id, kind, m_row, t_row))
            else:
                mine_c, theirs_c = content(m_row), content(t_row)
                derived = DERIVED.get(table, ())
                fields = tuple(
                    k for k in mine_c if mine_c[k] != theirs_c.get(k) and k not in derived
                )
                if not fields:
                    takes.append(Take(table, row_id, "same", m_row, t_row))
                else:
                    plan.conflicts.append(Conflict(table, row_id, m_row, t_row, fields))
        plan.mine.setdefault(key, None)
        plan.history[key] = t_history
    if table in UNIQUE_NAMES:
        takes = _settle_names(plan, table, takes, mine_conn)
    plan.takes.extend(takes)


def unique_names(live: Mapping[str, str], yielding: Collection[str] = ()) -> dict[str, str]:
    """New names that make the live names (id -> name) unique, case aside: of
    the records sharing a name, one not in ``yielding`` keeps it before one in
    it, then the one with the smallest id; the others become "name (2)",
    "name (3)"..."""
    groups: dict[str, list[str]] = {}
    for row_id, name in live.items():
        groups.setdefault(name.casefold(), []).append(row_id)
    used = set(groups)
    new_names: dict[str, str] = {}
    for key in sorted(groups):
        for row_id in sorted(groups[key], key=lambda i: (i in yielding, i))[1:]:
            name = live[row_id]
            n = 2
            while f"{name} ({n})".casefold() in used:
                n += 1
            new_names[row_id] = f"{name} ({n})"
            used.add(new_names[row_id].casefold())
    return new_names


def _settle_names(
    plan: MergePlan, table: str, takes: list[Take], mine_conn: sqlite3.Connection
) -> list[Take]:
    """Keep live names unique in what the merge leaves: returns ``takes``, renamed.

    Among live records sharing a name (case aside) once the takes are in,
    the one with the smallest id keeps it and the others become "name (2)",
    "name (3)"... The rule looks at the result only, so whichever side
    merges renames the same records the same way (their two renames are then
    the same change). A record of ours renamed so is written by the merge.

    Records in conflict take no part: their names are known only once the
    person has resolved them, and then a resolved record gives way to every
    other one (:func:`planner.merge_apply.apply_merge`). A record only one
    side changed is never renamed for a conflict: it comes as that side has
    it, and the resolution, a new version anyway, takes the "(2)".
    """
    column = UNIQUE_NAMES[table]
    in_conflict = {c.id for c in plan.conflicts if c.table == table}
    live: dict[str, str] = {
        str(i): str(n)
        for i, n in mine_conn.execute(f'SELECT id, "{column}" FROM "{table}" WHERE deleted = 0')
        if str(i) not in in_conflict
    }
    for take in takes:
        if take.theirs["deleted"]:
            live.pop(take.id, None)
        else:
            live[take.id] = str(take.theirs[column])
    new_names = unique_names(live)
    if not new_names:
        return takes
    by_id = {t.id: t for t in takes}
    settled = [replace(t, rename=new_names[t.id]) if t.id in new_names else t for t in takes]
    ours = [i for i in new_names if i not in by_id]
    for row_id, row in sorted(read_rows(mine_conn, table, ours).items()):
        plan.renames.append((table, row, new_names[row_id]))
        plan.mine[(table, row_id)] = version(row)
    return settled
