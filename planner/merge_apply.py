"""Writing a planned merge into the workspace (see :mod:`planner.merge`).

One transaction: the versions learnt from their copy, the rows taken, ours
renamed where names would clash, the conflicts as the person resolved them
(each a new version that knows both sides; one whose name another record
has gets "name (2)"), their device labels and a line
in the merge log. It returns one verbatim :class:`Change`, which undo puts
back exactly, stamps included. Cancelling or a failure changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection

from planner.devices import learn_devices
from planner.errors import Cancelled
from planner.history import Change, Row, RowChange, VersionKey
from planner.i18n import QT_TRANSLATE_NOOP
from planner.merge import (
    UNIQUE_NAMES,
    Choices,
    Conflict,
    IsCancelled,
    Key,
    MergeError,
    MergePlan,
    Progress,
    derive,
    linked_fields,
    read_rows,
    unique_names,
    version,
)
from planner.workspace import Workspace, new_id, now_ms


def apply_merge(
    ws: Workspace,
    plan: MergePlan,
    choices: Choices | None = None,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Change:
    """Write ``plan`` into ``ws`` as one transaction; returns the (verbatim) Change.

    ``choices`` names, per conflict, the fields to take from theirs; every
    other field of a conflict keeps ours. The caller puts the Change on the
    undo history (``ws.history.push`` or the session's ``adopt``).
    """
    choices = choices or {}
    unknown = set(choices) - {c.key for c in plan.conflicts}
    if unknown:
        raise MergeError(
            QT_TRANSLATE_NOOP("MergeApply", "No conflict {conflict} in this merge.").format(
                conflict=str(sorted(unknown)[0])
            )
        )
    stamp = now_ms()
    rows: list[RowChange] = []
    learnt: list[VersionKey] = []
    total = len(plan.takes) + len(plan.conflicts)
    done = 0

    def rename_ours(table: str, row: Row, new_name: str) -> None:
        after = _renamed(table, row, new_name, stamp, ws.device_id)
        learnt.append(_learn(ws.db.conn, table, str(row["id"]), after))
        _write(ws, table, str(row["id"]), row, after)
        rows.append(RowChange(table, str(row["id"]), row, after))

    def tick() -> None:
        nonlocal done
        done += 1
        if done % 500 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(done, total)

    try:
        with ws.transaction():
            ws.db.execute("PRAGMA defer_foreign_keys = ON")
            _check_unchanged(ws, plan)
            conn = ws.db.conn
            for key, history in plan.history.items():
                for at, by in history:
                    added = conn.execute(
                        "INSERT OR IGNORE INTO row_versions "
                        "(table_name, row_id, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                        [key[0], key[1], at, by],
                    ).rowcount
                    if added:
                        learnt.append((key[0], key[1], at, by))
            for take in plan.takes:
                after = dict(take.theirs)
                if take.rename is not None:
                    after = _renamed(take.table, after, take.rename, stamp, ws.device_id)
                    learnt.append(_learn(conn, take.table, take.id, after))
                _write(ws, take.table, take.id, take.mine, after)
                rows.append(RowChange(take.table, take.id, take.mine, after))
                tick()
            for table, row, new_name in plan.renames:
                rename_ours(table, row, new_name)
            resolutions = [
                (c, _resolve(c, choices.get(c.key, ()), stamp, ws.device_id))
                for c in plan.conflicts
            ]
            clashes = _settle_resolved_names(conn, resolutions)
            for conflict, resolved in resolutions:
                learnt.append(_learn(conn, conflict.table, conflict.id, resolved))
                _write(ws, conflict.table, conflict.id, conflict.mine, resolved)
                rows.append(RowChange(conflict.table, conflict.id, conflict.mine, resolved))
                tick()
            for table, row, new_name in clashes:
                rename_ours(table, row, new_name)
            learn_devices(conn, plan.devices)
            entry = _log_entry(ws, plan, choices, stamp)
            ws.db.table("merge_log").insert(entry)
            rows.append(RowChange("merge_log", entry["id"], None, entry))
    except sqlite3.DatabaseError as exc:
        raise MergeError(
            QT_TRANSLATE_NOOP(
                "MergeApply", "{name} could not be merged ({reason}); nothing was changed."
            ).format(name=plan.source.name, reason=str(exc))
        ) from None
    return Change("merge", plan.source.name, tuple(rows), verbatim=True, versions=tuple(learnt))


def _settle_resolved_names(
    conn: sqlite3.Connection, resolutions: list[tuple[Conflict, Row]]
) -> list[tuple[str, Row, str]]:
    """Keep live names unique once the conflicts are resolved (the takes and the
    plan's renames already written): a resolution whose name another live
    record has gives way, and is renamed "name (2)"... in place (the
    resolution's own version). Returns the other records still sharing a name
    (table, row, new name), renamed by the smallest-id rule; the plan leaves
    none, unless the workspace changed since it was made."""
    clashes: list[tuple[str, Row, str]] = []
    for table, column in UNIQUE_NAMES.items():
        resolved = {c.id: row for c, row in resolutions if c.table == table}
        live = {
            str(i): str(n)
            for i, n in conn.execute(f'SELECT id, "{column}" FROM "{table}" WHERE deleted = 0')
            if str(i) not in resolved
        }
        live.update({i: str(row[column]) for i, row in resolved.items() if not row["deleted"]})
        new_names = unique_names(live, yielding=resolved)
        for row_id, name in new_names.items():
            if row_id in resolved:
                resolved[row_id][column] = name
        others = [i for i in new_names if i not in resolved]
        for row_id, row in sorted(read_rows(conn, table, others).items()):
            clashes.append((table, row, new_names[row_id]))
    return clashes


def _renamed(table: str, row: Row, name: str, stamp: int, device: str) -> Row:
    """``row`` under a new name, as a new version of ours."""
    after = dict(row)
    after.update(
        {UNIQUE_NAMES[table]: name},
        updated_at=max(stamp, int(row["updated_at"]) + 1),
        updated_by=device,
    )
    return after


def _learn(conn: sqlite3.Connection, table: str, row_id: str, row: Row) -> VersionKey:
    key = (table, row_id, int(row["updated_at"]), str(row["updated_by"]))
    conn.execute(
        "INSERT OR IGNORE INTO row_versions (table_name, row_id, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?)",
        key,
    )
    return key


def _check_unchanged(ws: Workspace, plan: MergePlan) -> None:
    """Refuse when our rows changed between planning and applying."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in plan.mine:
        by_table.setdefault(table, []).append(row_id)
    for table, ids in by_table.items():
        now = {i: version(r) for i, r in read_rows(ws.db.conn, table, ids).items()}
        for row_id in ids:
            if now.get(row_id) != plan.mine[(table, row_id)]:
                raise MergeError(
                    QT_TRANSLATE_NOOP(
                        "MergeApply",
                        "The workspace changed while the merge was being prepared; "
                        "nothing was changed. Merge the file again.",
                    )
                )


def _resolve(conflict: Conflict, taken: Collection[str], stamp: int, device: str) -> Row:
    """The row a resolution writes: a new version of ours with the ``taken`` fields
    of theirs. Always a new version, even when it is all ours or all theirs: it
    records that both were seen, so a teammate who resolved the same conflict
    the other way sees it again instead of the two copies keeping different
    rows that each believe newer."""
    unknown = set(taken) - set(conflict.fields)
    if unknown:
        raise MergeError(
            QT_TRANSLATE_NOOP("MergeApply", "“{field}” is not a field in conflict.").format(
                field=sorted(unknown)[0]
            )
        )
    merged = dict(conflict.mine)
    for name in taken:
        for linked in linked_fields(conflict.table, name):
            merged[linked] = conflict.theirs[linked]
    derive(conflict.table, merged)
    merged.update(
        updated_at=max(stamp, conflict.mine["updated_at"] + 1, conflict.theirs["updated_at"] + 1),
        updated_by=device,
    )
    return merged


def _write(ws: Workspace, table: str, row_id: str, before: Row | None, after: Row) -> None:
    columns = [k for k in after if k != "id"]
    if before is None:
        names = ", ".join(f'"{k}"' for k in after)
        marks = ", ".join("?" * len(after))
        ws.db.conn.execute(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(after.values())
        )
    else:
        sets = ", ".join(f'"{k}" = ?' for k in columns)
        values = [after[k] for k in columns]
        ws.db.conn.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', [*values, row_id])


def _log_entry(ws: Workspace, plan: MergePlan, choices: Choices, stamp: int) -> Row:
    report = plan.report()
    report["resolved"] = {
        f"{c.table}/{c.id}": sorted(choices.get(c.key, ())) for c in plan.conflicts
    }
    return {
        "id": new_id(),
        "merged_at": stamp,
        "merged_by": ws.device_id,
        "file_name": plan.source.name,
        "file_digest": plan.digest,
        "summary": json.dumps(report, ensure_ascii=False, sort_keys=True),
    }


def take_all(plan: MergePlan, side: str) -> dict[Key, tuple[str, ...]]:
    """Choices that resolve every conflict one way: ``side`` is "mine" or "theirs"."""
    if side not in ("mine", "theirs"):
        raise ValueError(side)
    return {c.key: (c.fields if side == "theirs" else ()) for c in plan.conflicts}
