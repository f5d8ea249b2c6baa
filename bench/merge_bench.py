"""Merging two copies of a large workspace, each with thousands of edits.

    python bench/merge_bench.py [--edits 5000] [--overlap 100] [--runs 3] [--workspace W]

Builds (or reuses, with --workspace) the generated workspace (bench/generate.py:
200 communities, 50,000 calendar items, 6,600 checklist items), snapshots it
for a teammate, and edits both copies: --edits calendar items and checklist
items changed on each side (retitled, re-noted, ticked; one in twenty deleted),
of which --overlap are the same records changed differently on both sides
(conflicts). Each edit is its own write with a new version, as the app makes
it. Then, --runs times on fresh copies of the two files: check and plan the
merge (copy, quick_check, schema check, compare), back up the workspace, and
apply it with every conflict resolved "mine". Prints the median and worst of
each step and of the whole merge; the target is under 2 s for the whole.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments, peak_mb  # noqa: E402
from generate import workspace_at  # noqa: E402

from planner.merge_apply import apply_merge, take_all  # noqa: E402
from planner.merge_file import backup_before_merge, prepare_merge  # noqa: E402
from planner.snapshot import write_snapshot  # noqa: E402
from planner.workspace import Workspace, next_stamp, open_workspace  # noqa: E402

MINE = "00000000-0000-4000-8000-00000000a11a"
THEIRS = "00000000-0000-4000-8000-00000000b22b"
TARGET_S = 2.0


def edit(ws: Workspace, ids: list[tuple[str, str]], side: str, rng: random.Random) -> None:
    """Change each (table, id) once, as separate versions written by ``ws``'s device."""
    with ws.transaction():
        for n, (table, row_id) in enumerate(ids):
            row = ws.get_row(table, row_id)
            assert row is not None
            values: dict[str, object]
            if n % 20 == 0:
                values = {"deleted": 1}
            elif table == "calendar_items":
                values = {"title": f"{row['title']} · {side}", "owner": side}
            else:
                values = {"note": f"{side} 的备注 {rng.randint(1, 99)}", "done_on": "2026-11-20"}
            values |= {"updated_at": next_stamp(row), "updated_by": ws.device_id}
            ws.db.table(table).update(row_id, values)


def main() -> int:
    parser = arguments(__doc__, runs=3, workspace="a generated workspace to reuse")
    parser.add_argument("--edits", type=int, default=5000)
    parser.add_argument("--overlap", type=int, default=100)
    args = parser.parse_args()
    report = Report("merge")

    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        folder = Path(tmp)
        locks = folder / "locks"
        base = folder / "base.cplan"
        workspace_at(base, args.workspace, lock_dir=locks)
        rng = random.Random(11)
        with open_workspace(base, device_id=MINE, lock_dir=locks) as ws:
            candidates = [
                ("calendar_items", r[0])
                for r in ws.db.execute("SELECT id FROM calendar_items WHERE rrule = ''")
            ] + [("checklist_items", r[0]) for r in ws.db.execute("SELECT id FROM checklist_items")]
            counts = {
                t: ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("communities", "calendar_items", "checklist_items")
            }
        rng.shuffle(candidates)
        only = args.edits - args.overlap
        both = candidates[: args.overlap]
        mine_ids = both + candidates[args.overlap : args.overlap + only]
        their_ids = both + candidates[args.overlap + only : args.overlap + 2 * only]
        mine_file, their_file = folder / "mine.cplan", folder / "theirs.cplan"
        with open_workspace(base, device_id=MINE, lock_dir=locks) as ws:
            write_snapshot(ws, their_file, device_id=MINE, device_label="me@bench")
            edit(ws, mine_ids, "mine", rng)
        shutil.copy(base, mine_file)
        for extra in ("-wal", "-shm"):
            if Path(f"{base}{extra}").exists():
                shutil.copy(Path(f"{base}{extra}"), Path(f"{mine_file}{extra}"))
        with open_workspace(their_file, device_id=THEIRS, lock_dir=locks) as ws:
            edit(ws, their_ids, "theirs", rng)
        size_mb = their_file.stat().st_size / 1e6
        print(
            f"workspace: {counts['communities']} communities, {counts['calendar_items']} calendar "
            f"items, {counts['checklist_items']} checklist items ({size_mb:.1f} MB); "
            f"{args.edits} edits on each side, {args.overlap} of them the same records"
        )

        plan_t, backup_t, apply_t, total_t = [], [], [], []
        for run in range(args.runs):
            work = folder / f"run{run}.cplan"
            shutil.copy(mine_file, work)
            for extra in ("-wal", "-shm"):
                if Path(f"{mine_file}{extra}").exists():
                    shutil.copy(Path(f"{mine_file}{extra}"), Path(f"{work}{extra}"))
            with open_workspace(work, device_id=MINE, lock_dir=locks) as ws:
                t0 = time.perf_counter()
                plan = prepare_merge(ws, their_file)
                t1 = time.perf_counter()
                backup_before_merge(ws, folder / "backups")
                t2 = time.perf_counter()
                apply_merge(ws, plan, take_all(plan, "mine"))
                t3 = time.perf_counter()
                again = prepare_merge(ws, their_file)
                assert again.up_to_date, "merging the same file again must find nothing"
            total = plan.report()["total"]
            plan_t.append(t1 - t0)
            backup_t.append(t2 - t1)
            apply_t.append(t3 - t2)
            total_t.append(t3 - t0)
        print(
            f"merged: {total['added']} added, {total['updated']} updated, "
            f"{total['deleted']} deleted, {total['conflicts']} conflicts"
        )
        for name, times in (
            ("check + plan", plan_t),
            ("backup", backup_t),
            ("apply", apply_t),
            ("whole merge", total_t),
        ):
            print(
                f"{name:>13}: {statistics.median(times) * 1000:7.0f} ms "
                f"(worst {max(times) * 1000:.0f} ms)"
            )
            report.add(
                f"{name} ({args.edits:,} edits a side)" if name == "whole merge" else name,
                [t * 1000 for t in times],
                target=TARGET_S * 1000 if name == "whole merge" else None,
                peak=peak_mb(),
            )
        verdict = "✓" if statistics.median(total_t) < TARGET_S else "✗"
        print(f"target: whole merge under {TARGET_S:.0f} s {verdict}")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
