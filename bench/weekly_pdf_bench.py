"""Weekly plan PDF export speed: a busy week of 500 items across 50 communities.

    QT_QPA_PLATFORM=offscreen python bench/weekly_pdf_bench.py [--runs 5] [--workspace W]

Generates (or reuses) a workspace of 50 communities whose one-off items,
spread over two years around today, put a little over 500 in the current
week; the surplus of that week is moved to the trash so it holds exactly
500. Each run then does what `planner export-week` does: build_plan,
render_html and write_weekly_pdf (lay out, paginate, paint, correct the text
mapping, write). Prints the median and worst of --runs runs, each stage's
median, and the page count. Target (issue: the weekly plan as a PDF): under
1 s per export.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments, peak_mb  # noqa: E402
from generate import generate  # noqa: E402

from planner.export.weekly_pdf import write_weekly_pdf  # noqa: E402
from planner.iso_week import week_of  # noqa: E402
from planner.weekly_plan import build_plan, render_html  # noqa: E402
from planner.workspace import open_workspace  # noqa: E402

COMMUNITIES = 50
WEEK_ITEMS = 500
# One-off items land on any of 730 days: this many put about 540 in a week.
ITEMS = 56_000
DEVICE = "00000000-0000-4000-8000-00000000bench"


def busy_workspace(path: Path, lock_dir: Path, today: date) -> None:
    """50 communities; exactly WEEK_ITEMS items in the week of ``today``."""
    generate(path, communities=COMMUNITIES, items=ITEMS, series=0, today=today, lock_dir=lock_dir)
    monday = today - timedelta(days=today.weekday())
    start, end = monday.isoformat(), (monday + timedelta(days=7)).isoformat()
    with open_workspace(path, device_id=DEVICE, lock_dir=lock_dir) as ws:
        ids = [
            row[0]
            for row in ws.db.execute(
                "SELECT id FROM calendar_items WHERE deleted = 0 AND starts_at >= ? "
                "AND starts_at < ? ORDER BY id",
                [start, end],
            ).fetchall()
        ]
        if len(ids) < WEEK_ITEMS:
            raise SystemExit(f"the generated week holds {len(ids)} items, fewer than {WEEK_ITEMS}")
        surplus = ids[WEEK_ITEMS:]
        with ws.db.atomic():
            for at in range(0, len(surplus), 500):
                chunk = surplus[at : at + 500]
                marks = ",".join("?" * len(chunk))
                ws.db.execute(f"UPDATE calendar_items SET deleted = 1 WHERE id IN ({marks})", chunk)


def main() -> int:
    parser = arguments(__doc__, runs=5, workspace="reuse (or create) this workspace")
    parser.add_argument("--lang", choices=("en", "zh"), default="zh")
    args = parser.parse_args()

    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lock_dir = folder / "locks"
        path = args.workspace or folder / "busy.cplan"
        if not path.exists():
            began = time.perf_counter()
            busy_workspace(path, lock_dir, today)
            print(f"generated {path.name} in {time.perf_counter() - began:.1f} s")
        week = week_of(today)
        out = folder / "week.pdf"
        stages: dict[str, list[float]] = {"build_plan": [], "render_html": [], "write PDF": []}
        totals: list[float] = []
        pages = entries = 0
        with open_workspace(path, device_id=DEVICE, lock_dir=lock_dir, read_only=True) as ws:
            for _ in range(args.runs):
                t0 = time.perf_counter()
                plan = build_plan(ws, week, lang=args.lang, today=today)
                t1 = time.perf_counter()
                html = render_html(plan)
                t2 = time.perf_counter()
                pages = write_weekly_pdf(
                    html, out, page_label=plan.labels["page"], title=plan.document_title
                )
                t3 = time.perf_counter()
                entries = plan.entry_count
                for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                    stages[name].append(seconds)
                totals.append(t3 - t0)
        size = out.stat().st_size if out.exists() else 0

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    print(
        f"{week.label}: {entries} items, {COMMUNITIES} communities, {pages} pages "
        f"({size / 1024:.0f} KB), lang {args.lang}"
    )
    print(
        f"export (build_plan + render_html + write_weekly_pdf): median "
        f"{ms(statistics.median(totals))}, worst {ms(max(totals))} of {args.runs} (target < 1 s)"
    )
    for name, values in stages.items():
        print(f"  {name}: median {ms(statistics.median(values))}")
    report = Report("weekly-pdf")
    report.add(
        f"export a week: {entries} items, {COMMUNITIES} communities, {pages} pages",
        [t * 1000 for t in totals],
        target=1000,
        peak=peak_mb(),
    )
    for name, values in stages.items():
        report.add(f"of which {name}", [t * 1000 for t in values])
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
