"""Community figures on a large workspace: writing, health, charts, CSV in and out.

    QT_QPA_PLATFORM=offscreen python bench/metrics_bench.py [--runs 7] [--workspace W]

Builds (or copies, with --workspace) the generated workspace of
bench/generate.py (200 communities, 50,000 calendar items, 6,600 checklist
items, two years of daily figures for every community: 146,000 rows). Then,
median and worst of --runs:

- two years of figures (730 days) recorded for a new community, one
  ``set_figures`` call (one undoable edit);
- ``health.check_all`` over every community on today;
- one community's chart: ``figures_between`` over its two years + ``by_week``;
- the overview comparison: ``weeks_between`` for all 200 communities, 26
  weeks back (and, for comparison, the same read day by day and folded in
  Python, as the overview did before);
- CSV import: ``read_table`` + ``guess_mapping`` + ``parse_rows`` +
  ``import_figures`` of one community's two years as ``export_figures_csv``
  writes them, into a fresh community each run;
- ``export_figures_csv`` of every community (all their days).

Peak memory is the process's maximum resident set (``getrusage``).
Targets (on the median), printed PASS or FAIL: check_all < 500 ms, one
chart < 50 ms, the overview comparison < 300 ms, a 730-row CSV import
< 500 ms.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments, peak_mb, timed  # noqa: E402
from generate import DAYS, daily_figures, workspace_at  # noqa: E402

from planner.communities import create_community, list_communities  # noqa: E402
from planner.health import HealthIssue, check_all  # noqa: E402
from planner.metrics import by_week, figures_between, set_figures, weeks_between  # noqa: E402
from planner.metrics_csv import guess_mapping, import_figures, parse_rows, read_table  # noqa: E402
from planner.metrics_export import export_figures_csv  # noqa: E402
from planner.workspace import Workspace, open_workspace  # noqa: E402

DEVICE = "00000000-0000-4000-8000-0000000be4c4"
OVERVIEW_WEEKS = 26
# Milliseconds, compared with the median.
TARGETS = {
    "check_all": 500.0,
    "chart": 50.0,
    "overview": 300.0,
    "import": 500.0,
}

# The reads measured below, as planner.metrics and planner.health write them.
PLANS = {
    "figures_between": "SELECT * FROM community_metrics WHERE community_id = ? AND deleted = 0 "
    "AND day >= ? AND day <= ? ORDER BY day",
    "health figures": "SELECT community_id, day, members, active_members, joined, left_members "
    "FROM community_metrics WHERE deleted = 0 AND day >= ? AND day <= ? "
    "ORDER BY community_id, day",
}


def report(name: str, times: list[float], target: float | None = None) -> None:
    line = f"  {name:<50}{statistics.median(times):8.1f} ms  (worst {max(times):7.1f} ms)"
    if target is not None:
        verdict = "PASS" if statistics.median(times) < target else "FAIL"
        line += f"   target < {target:.0f} ms: {verdict}"
    print(line)


def chart(ws: Workspace, community_id: str, start: date, end: date) -> int:
    """What a chart reads: the days, folded into ISO weeks; returns the weeks."""
    return len(by_week(figures_between(ws, community_id, start, end)))


def main() -> int:
    parser = arguments(__doc__, runs=7, workspace="a generated workspace to reuse")
    args = parser.parse_args()
    results = Report("metrics")
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="metrics-bench-") as tmp:
        folder = Path(tmp)
        locks = folder / "locks"
        path = folder / "bench.cplan"
        workspace_at(path, args.workspace, lock_dir=locks)
        with open_workspace(path, device_id=DEVICE, lock_dir=locks) as ws:
            communities = list_communities(ws)
            ids = [c.id for c in communities]
            print(
                f"workspace: {len(ids)} communities, "
                f"{ws.db.execute('SELECT count(*) FROM calendar_items').fetchone()[0]} calendar "
                f"items; peak memory so far {peak_mb():.0f} MB"
            )

            # (1) Two years of daily figures into a new community: one set_figures, one edit.
            first = today - timedelta(days=DAYS - 1)
            rng = random.Random(5)
            stored = ws.db.execute("SELECT count(*) FROM community_metrics").fetchone()[0]
            per_community: list[float] = []
            for run in range(args.runs):
                rows = daily_figures(rng, today, declining=False)
                fresh, _ = create_community(ws, {"name": f"新社群 {run}"}, checklist=False)
                per_community.append(timed(lambda f=fresh, r=rows: set_figures(ws, f, r)))
            print(
                f"\n(1) the workspace holds {stored:,} days of figures ({DAYS} days × "
                f"{len(ids)} communities); {args.runs} more communities given {DAYS} days each"
            )
            report(f"set_figures, one community ({DAYS} new days)", per_community)
            results.add(f"record {DAYS} days of figures (one edit)", per_community)
            ws.history.clear()
            gc.collect()
            # The app never runs ANALYZE: the plans are those of a workspace as used.
            for name, sql in PLANS.items():
                params = [ids[0], first.isoformat(), today.isoformat()][-sql.count("?") :]
                plan = ws.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
                print(f"  query plan, {name}: {'; '.join(row[3] for row in plan)}")

            # (2) Health of every community.
            found: dict[str, list[HealthIssue]] = {}

            def health() -> None:
                found.update(check_all(ws, today))

            health_t = [timed(health) for _ in range(args.runs)]
            issues = sum(len(v) for v in found.values())
            print(f"\n(2) health: {issues} issues in {len(found)} communities")
            report("check_all, every community", health_t, TARGETS["check_all"])
            results.add(
                f"health of every community ({issues} issues)",
                health_t,
                target=TARGETS["check_all"],
            )

            # (3) Charts: one community's two years; the overview's 26 weeks of all.
            one = ids[len(ids) // 2]
            weeks = chart(ws, one, first, today)
            since = today - timedelta(weeks=OVERVIEW_WEEKS)
            chart_t = [timed(lambda: chart(ws, one, first, today)) for _ in range(args.runs)]

            # The overview's comparison: every community's weeks, added up by SQLite.
            overview_t = [
                timed(lambda: weeks_between(ws, ids, since, today)) for _ in range(args.runs)
            ]
            # What it did before: every community's days read, then folded in Python.
            python_t = [
                timed(lambda: [by_week(figures_between(ws, c, since, today)) for c in ids])
                for _ in range(args.runs)
            ]
            print(f"\n(3) charts: one community {DAYS} days → {weeks} weeks")
            report("one community, 2 years (figures_between + by_week)", chart_t, TARGETS["chart"])
            report(
                f"overview, {len(ids)} communities × {OVERVIEW_WEEKS} weeks (weeks_between)",
                overview_t,
                TARGETS["overview"],
            )
            report("  the same read day by day, folded in Python", python_t)
            results.add("one community's chart, 2 years", chart_t, target=TARGETS["chart"])
            results.add(
                f"overview comparison, {len(ids)} communities × {OVERVIEW_WEEKS} weeks",
                overview_t,
                target=TARGETS["overview"],
            )

            # (4) CSV import of one community's export into a fresh community.
            data = export_figures_csv(ws, [one], lang="zh")
            parts: dict[str, list[float]] = {"read": [], "map": [], "parse": [], "import": []}
            total_t: list[float] = []
            imported = 0
            for run in range(args.runs):
                fresh, _ = create_community(ws, {"name": f"导入 {run}"}, checklist=False)
                t0 = time.perf_counter()
                table = read_table(data, source="figures.csv")
                t1 = time.perf_counter()
                mapping = guess_mapping(table.headers)
                t2 = time.perf_counter()
                parsed = parse_rows(table, mapping)
                t3 = time.perf_counter()
                change = import_figures(ws, fresh, parsed, accept_partial=False)
                t4 = time.perf_counter()
                assert not parsed.errors, parsed.errors[:3]
                back = figures_between(ws, fresh)
                assert back == figures_between(ws, one), "an export must import back the same"
                imported = len(change.rows)
                for key, spent in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                    parts[key].append(spent * 1000)
                total_t.append((t4 - t0) * 1000)
            print(
                f"\n(4) CSV import: {len(data) / 1000:.0f} KB, {len(table.rows)} rows, "
                f"{imported} rows written per run, mapping {sorted(mapping)}"
            )
            report(f"whole import ({len(table.rows)} rows)", total_t, TARGETS["import"])
            results.add(f"CSV import, {len(table.rows)} rows", total_t, target=TARGETS["import"])
            report("  of which read_table", parts["read"])
            report("  of which guess_mapping", parts["map"])
            report("  of which parse_rows", parts["parse"])
            report("  of which import_figures", parts["import"])
            ws.history.clear()

            # (5) Export every community's figures.
            size = 0

            def export_all() -> None:
                nonlocal size
                size = len(export_figures_csv(ws, ids, lang="zh"))

            export_t = [timed(export_all) for _ in range(args.runs)]
            print(f"\n(5) export: {len(ids)} communities, {size / 1e6:.1f} MB of CSV")
            report("export_figures_csv, every community", export_t)
            results.add(f"CSV export, every community ({size / 1e6:.0f} MB)", export_t)

        print(f"\n(6) peak memory of the whole run (max RSS): {peak_mb():.0f} MB")
    results.add("peak resident memory", peak_mb(), unit="MB")
    results.write(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
