"""The process tests/test_crash_safety.py kills: long writes the app makes, run to be interrupted.

Run as a script (``python tests/crash_driver.py OP WORKSPACE ...``), it opens the
workspace as the app does, commits the "before" changes (each its own edit),
prints ``BEFORE``, prepares the operation (reads the file, plans: nothing is
written), prints ``GO``, writes it the way the app does, and prints ``DONE``
once it is committed. In between it prints ``WRITE`` as each write transaction
begins and, for a merge, ``BACKUP`` once the backup copy is written.
``--pause-after-before`` waits for a line on stdin after ``BEFORE``, so the
test can read the state "none of it" from the file.

The clock (``time.time_ns``) and ``uuid.uuid4`` are made deterministic, so a
run that completes writes exactly the same rows as every other: the test can
compare a killed run's file with the "none" and the "all" reference byte for
byte, row by row. Durations are measured with ``time.perf_counter``, which is
left alone.

Imported as a module (by the test), it only offers the builders of the fixture
files; nothing is patched.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``planner`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.calendar import create_item
from planner.checklists import add_item
from planner.communities import Stage, create_community, find_community, update_community
from planner.metrics import DayFigures, set_figures
from planner.recurrence import Recurrence
from planner.snapshot import write_snapshot
from planner.workspace import Workspace, create_workspace, open_workspace

DEVICE = "00000000-0000-4000-8000-000000000001"
THEIRS = "00000000-0000-4000-8000-0000000000b2"
TODAY = date(2026, 11, 23)  # a Monday

SOURCE = "Source circle"  # replicated
TARGET = "Target circle"  # ICS and CSV imports go here
SHARED = "Shared circle"  # the teammate adds to it
RENAMED = "Rename me"  # both sides rename it before a merge: a conflict
COPY = "Source circle copy"

OPS = ("ics", "merge", "replicate", "csv")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


# -- the fixture files (built once per test module) --------------------------------------------


def build_base(path: Path, lock_dir: Path, *, series: int, checklist: int) -> None:
    """The workspace every run starts from: a community to replicate with ``series``
    weekly series and ``checklist`` items of its own, and the communities the
    imports and the merge write to."""
    ws = create_workspace(path, device_id=DEVICE, lock_dir=lock_dir)
    try:
        with ws.transaction():
            source, _ = create_community(ws, {"name": SOURCE, "owner": "Lily"})
            for name in (TARGET, SHARED, RENAMED):
                create_community(ws, {"name": name})
            first = datetime(2026, 1, 5, 8, 0)
            for n in range(series):
                start = first + timedelta(days=n % 7, minutes=15 * (n % 40))
                weekly = Recurrence.parse(f"FREQ=WEEKLY;BYDAY={DAYS[start.weekday()]}")
                create_item(
                    ws,
                    {
                        "community_id": source,
                        "kind": "content" if n % 3 else "activity",
                        "item_type": "live_class" if n % 3 else "member",
                        "title": f"Series {n:04d}",
                        "start": start,
                        "end": start + timedelta(minutes=45),
                        "tz": "Asia/Shanghai",
                        "recurrence": weekly,
                        "owner": "Lily",
                        "description": f"week after week, number {n}",
                    },
                )
            stages = list(Stage)
            for n in range(checklist):
                add_item(
                    ws,
                    source,
                    stages[n % len(stages)],
                    f"Own step {n:04d}",
                    {"why": "because", "assignee": "Kevin" if n % 2 else ""},
                )
        ws.history.clear()
    finally:
        ws.close()
    # One self-contained file, copied for every run.
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def ics_text(events: int) -> bytes:
    """An iCalendar file with ``events`` events: one-offs, some repeating, zones and UTC."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//crash test//EN",
    ]
    first = datetime(2026, 3, 2, 9, 0)
    for n in range(events):
        start = first + timedelta(hours=5 * n)
        end = start + timedelta(minutes=50)
        lines += [
            "BEGIN:VEVENT",
            f"UID:crash-event-{n:05d}@example.com",
            "DTSTAMP:20260101T000000Z",
        ]
        if n % 4 == 0:
            lines += [
                f"DTSTART:{start:%Y%m%dT%H%M%S}Z",
                f"DTEND:{end:%Y%m%dT%H%M%S}Z",
            ]
        else:
            lines += [
                f"DTSTART;TZID=Asia/Shanghai:{start:%Y%m%dT%H%M%S}",
                f"DTEND;TZID=Asia/Shanghai:{end:%Y%m%dT%H%M%S}",
            ]
        if n % 10 == 0:
            lines.append(f"RRULE:FREQ=WEEKLY;BYDAY={DAYS[start.weekday()]};COUNT=8")
        lines += [
            f"SUMMARY:Event {n:05d} 读书会",
            f"DESCRIPTION:Imported event number {n}",
            f"LOCATION:Room {n % 12}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def csv_text(days: int) -> bytes:
    """A CSV of daily figures for ``days`` days from 2024-01-01."""
    rows = ["date,members,active members,joined,left,messages,revenue"]
    first = date(2024, 1, 1)
    for n in range(days):
        members = 200 + n
        rows.append(
            f"{first + timedelta(days=n):%Y-%m-%d},{members},{members // 3},{n % 9},{n % 4},"
            f"{(n * 37) % 500},{(n * 13) % 300}.5"
        )
    return ("\n".join(rows) + "\n").encode()


def build_theirs(base: Path, out: Path, lock_dir: Path, ics: bytes, *, days: int) -> None:
    """A teammate's copy of ``base`` with thousands of changes: a whole calendar
    imported, figures for ``days`` days, and the community ``RENAMED`` renamed."""
    from planner.ics import import_ics

    work = out.with_name(f"{out.stem}-work{out.suffix}")
    write_snapshot(base, work, device_id=THEIRS, device_label="teammate@laptop")
    ws = open_workspace(work, device_id=THEIRS, lock_dir=lock_dir)
    try:
        shared = find_community(ws, SHARED).id
        import_ics(ws, ics, community_id=shared, default_tz="Asia/Shanghai", source="team.ics")
        first = date(2025, 1, 1)
        set_figures(
            ws,
            shared,
            [
                DayFigures(first + timedelta(days=n), members=100 + n, active_members=n // 2)
                for n in range(days)
            ],
        )
        update_community(ws, find_community(ws, RENAMED).id, {"name": "Renamed by the teammate"})
    finally:
        ws.close()
    # What the teammate sends: a snapshot of their copy.
    write_snapshot(work, out, device_id=THEIRS, device_label="teammate@laptop")
    work.unlink()


# -- what a run does ---------------------------------------------------------------------------


def _deterministic() -> None:
    """Every run stamps and names its rows alike (see the module's notes)."""
    clock = itertools.count(2_000_000_000_000 * 1_000_000, 1_000_000)  # 2033, 1 ms a call
    names = random.Random(20261123)
    time.time_ns = lambda: next(clock)
    uuid.uuid4 = lambda: uuid.UUID(int=names.getrandbits(128), version=4)


def say(word: str) -> None:
    print(word, flush=True)


def before(ws: Workspace, op: str) -> None:
    """The changes committed before the long write: each its own edit."""
    create_community(ws, {"name": f"Before {op}"}, checklist=False)
    update_community(ws, find_community(ws, RENAMED).id, {"name": f"Renamed before {op}"})
    target = find_community(ws, TARGET).id
    start = datetime(2026, 11, 24, 20, 0)
    create_item(
        ws,
        {
            "community_id": target,
            "kind": "content",
            "item_type": "live_class",
            "title": f"Added before {op}",
            "start": start,
            "end": start + timedelta(hours=1),
            "tz": "Asia/Shanghai",
        },
    )


def _announce_writes(ws: Workspace) -> None:
    """Say ``WRITE`` as each write transaction of ``ws`` begins (instrumentation only:
    the transaction is the workspace's own)."""
    own = ws.transaction

    @contextlib.contextmanager
    def transaction() -> Iterator[None]:
        say("WRITE")
        with own():
            yield

    ws.transaction = transaction  # type: ignore[method-assign]


def run(args: argparse.Namespace) -> None:
    _deterministic()
    ws = open_workspace(args.workspace, device_id=DEVICE, lock_dir=args.lock_dir)
    before(ws, args.op)
    say("BEFORE")
    if args.pause_after_before:
        sys.stdin.readline()
    if args.op == "ics":
        from planner.ics import import_ics

        data = args.input.read_bytes()
        target = find_community(ws, TARGET).id
        # The main window imports on its own connection (Session.run).
        _announce_writes(ws)
        say("GO")
        began = time.perf_counter()
        import_ics(
            ws, data, community_id=target, default_tz="Asia/Shanghai", source=args.input.name
        )
    elif args.op == "csv":
        from planner.metrics_csv import guess_mapping, import_figures, parse_rows, read_table

        # The import dialog reads and parses first, then imports (Session.run).
        table = read_table(args.input.read_bytes(), source=args.input.name)
        parsed = parse_rows(table, guess_mapping(table.headers))
        target = find_community(ws, TARGET).id
        _announce_writes(ws)
        say("GO")
        began = time.perf_counter()
        import_figures(ws, target, parsed, accept_partial=False)
    elif args.op == "replicate":
        from planner.replicate import plan_replication, replicate
        from planner.workspace import open_worker_workspace

        # The wizard plans and writes in background jobs, on a second connection.
        worker = open_worker_workspace(ws)
        plan = plan_replication(
            worker,
            find_community(worker, SOURCE).id,
            COPY,
            date(2026, 11, 30),
            today=TODAY,
            cancelled=lambda: False,
        )
        _announce_writes(worker)
        say("GO")
        began = time.perf_counter()
        replicate(worker, plan, lambda done, total: None, lambda: False)
    elif args.op == "merge":
        from planner.merge_apply import apply_merge, take_all
        from planner.merge_file import backup_before_merge, prepare_merge
        from planner.workspace import open_worker_workspace

        # As planner/ui/sharing.py: plan in one job, then back up and apply in another.
        worker = open_worker_workspace(ws)
        merge = prepare_merge(worker, args.input, cancelled=lambda: False)
        _announce_writes(worker)
        say("GO")
        began = time.perf_counter()
        backup = backup_before_merge(worker, args.backups)
        say(f"BACKUP {time.perf_counter() - began:.6f} {backup.name}")
        apply_merge(worker, merge, take_all(merge, "mine"), cancelled=lambda: False)
    else:  # pragma: no cover - the parser allows only OPS
        raise SystemExit(f"unknown op {args.op}")
    say(f"DONE {time.perf_counter() - began:.6f}")
    ws.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("op", choices=OPS)
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--lock-dir", type=Path, required=True)
    parser.add_argument("--input", type=Path, help="the .ics, .csv or teammate's copy")
    parser.add_argument("--backups", type=Path, help="the merge's backups folder")
    parser.add_argument("--pause-after-before", action="store_true")
    run(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
