"""Replicating a large community: plan (the wizard's preview) and replicate (the write).

    python bench/replicate_bench.py [--series 300] [--checklist 200] [--templates 12]
                                    [--one-offs 2000] [--runs 5] [--workspace W]

Builds (or reuses, with --workspace) a generated workspace (bench/generate.py,
200 communities, 50,000 items) and adds one large community to it: --series
content series of every pattern the calendar offers (daily, weekdays,
weekly on one or two days, every other week, monthly by date, the last day
and the nth weekday; some with an end date or a count), --one-offs one-off
items with results, --checklist items of its own on top of the library's
(ticked, with notes), and --templates workspace templates linked to it.
Then, --runs times: plan the replication, replicate it through a second
connection (as the wizard's worker does), and undo it. Prints the median
and worst of each, and the rows written.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments, peak_mb  # noqa: E402
from generate import workspace_at  # noqa: E402

from planner.calendar import TABLE as CALENDAR  # noqa: E402
from planner.calendar import _row as storage_row  # noqa: E402
from planner.calendar import clean_values  # noqa: E402
from planner.checklists import TABLE as CHECKLIST  # noqa: E402
from planner.communities import Stage, create_community, find_community  # noqa: E402
from planner.community_templates import TABLE as LINKS  # noqa: E402
from planner.recurrence import Recurrence  # noqa: E402
from planner.replicate import plan_replication, replicate  # noqa: E402
from planner.template_library import TABLE as TEMPLATES  # noqa: E402
from planner.workspace import (  # noqa: E402
    Workspace,
    open_worker_workspace,  # noqa: E402
    open_workspace,
)

BIG = "大型社群 · 复制基准"
RULES = (
    "FREQ=DAILY",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=WEEKLY;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYDAY=2TH",
    "FREQ=MONTHLY;BYDAY=-1FR;COUNT=12",
    "FREQ=WEEKLY;BYDAY=SA;UNTIL=20271231T235959",
)
TYPES = ("morning_digest", "article", "topic_discussion", "live_class", "guest_share")


def add_large_community(
    ws: Workspace, *, series: int, checklist: int, templates: int, one_offs: int, seed: int = 11
) -> str:
    """One community with many series, one-offs, checklist items and templates."""
    rng = random.Random(seed)
    community_id, _ = create_community(
        ws,
        {
            "name": BIG,
            "stage": Stage.REPLICATE.value,
            "common_interest": "基准测试用的大社群",
            "member_count": 480,
            "owner": "Lily 李",
        },
    )
    today = date.today()
    with ws.edit("bench", BIG) as edit:
        for n in range(series):
            day = today - timedelta(days=rng.randrange(120))
            begin = datetime(day.year, day.month, day.day, rng.choice((7, 8, 12, 20)), 0)
            clean = clean_values(
                ws,
                {
                    "community_id": community_id,
                    "kind": "content",
                    "item_type": rng.choice(TYPES),
                    "title": f"内容系列 #{n}",
                    "start": begin,
                    "end": begin + timedelta(minutes=rng.choice((15, 30, 60))),
                    "tz": "Asia/Shanghai",
                    "status": "planned",
                    "owner": "Lily 李",
                    "recurrence": Recurrence.parse(rng.choice(RULES)),
                    "planned_participants": 50,
                },
            )
            edit.insert(CALENDAR, storage_row(clean) | {"exdates": "[]"})
        for n in range(one_offs):
            day = today - timedelta(days=rng.randrange(365))
            begin = datetime(day.year, day.month, day.day, 20, 0)
            clean = clean_values(
                ws,
                {
                    "community_id": community_id,
                    "kind": "activity",
                    "item_type": "member",
                    "title": f"会员活动 #{n}",
                    "start": begin,
                    "end": begin + timedelta(hours=1),
                    "tz": "Asia/Shanghai",
                    "status": "done",
                    "planned_participants": 40,
                    "actual_participants": rng.randint(10, 60),
                    "recurrence": None,
                },
            )
            edit.insert(CALENDAR, storage_row(clean) | {"exdates": "[]"})
        for n in range(checklist):
            edit.insert(
                CHECKLIST,
                {
                    "community_id": community_id,
                    "stage": rng.choice(list(Stage)).value,
                    "title": f"自定义清单项 #{n}",
                    "position": 1000 + n * 10,
                    "done_on": today.isoformat() if n % 2 else "",
                    "note": "备注" if n % 3 == 0 else "",
                },
            )
        for n in range(templates):
            template_id = edit.insert(
                TEMPLATES,
                {
                    "kind": "welcome",
                    "name": f"{BIG} 欢迎语 {n}",
                    "language": "zh",
                    "messages": '[{"offset_minutes": 0, "body": "欢迎 {{ community.name }}"}]',
                },
            )
            edit.insert(LINKS, {"community_id": community_id, "template_ref": template_id})
    ws.history.clear()
    return community_id


def main() -> int:
    parser = arguments(__doc__, runs=5)
    parser.add_argument("--series", type=int, default=300)
    parser.add_argument("--checklist", type=int, default=200)
    parser.add_argument("--templates", type=int, default=12)
    parser.add_argument("--one-offs", type=int, default=2000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        lock_dir = Path(tmp) / "locks"
        path = Path(tmp) / "bench.cplan"
        workspace_at(path, args.workspace, lock_dir=lock_dir)
        with open_workspace(path, device_id="bench", lock_dir=lock_dir) as ws:
            try:
                source = find_community(ws, BIG).id
            except Exception:
                began = time.perf_counter()
                source = add_large_community(
                    ws,
                    series=args.series,
                    checklist=args.checklist,
                    templates=args.templates,
                    one_offs=args.one_offs,
                )
                print(f"added “{BIG}” in {time.perf_counter() - began:.1f} s")
            plans: list[float] = []
            writes: list[float] = []
            rows = 0
            for run in range(args.runs):
                began = time.perf_counter()
                plan = plan_replication(ws, source, f"{BIG} 副本 {run}", date.today())
                plans.append((time.perf_counter() - began) * 1000)
                worker = open_worker_workspace(ws)
                try:
                    began = time.perf_counter()
                    _, change = replicate(worker, plan, progress=lambda _d, _t: None)
                    writes.append((time.perf_counter() - began) * 1000)
                finally:
                    worker.close()
                rows = len(change.rows)
                ws.history.push(change)
                ws.undo()
        print(
            f"source: {len(plan.series)} series copied, {len(plan.checklist)} checklist items, "
            f"{len(plan.templates)} templates; {plan.left_out.one_off_items} one-off items "
            f"left out; {rows} rows written"
        )
        for label, figures in (("plan (preview)", plans), ("replicate (write)", writes)):
            print(
                f"{label:18} median {statistics.median(figures):7.1f} ms   "
                f"worst {max(figures):7.1f} ms"
            )
    report = Report("replicate")
    report.add(f"plan (the preview) of a community with {len(plan.series)} series", plans)
    report.add(f"replicate: {rows} rows written in one transaction", writes, peak=peak_mb())
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
