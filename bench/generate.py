"""Make a large, realistic workspace for benchmarks.

    python bench/generate.py OUT.cplan [--communities 200] [--items 50000] [--series 500]
                                       [--days 730] [--templates 100]

Items spread over two years around today: one-off content and activities
(with goals, and results in the past) and recurring content series (daily
check-ins, weekday digests, weekly classes, monthly guest shares). Every
community has its stage checklist, ticked up to its stage, with due dates
around today; two years of daily figures (members drifting, quieter weekends,
one community in ten declining over its last six weeks); and the workspace
has 100 poster and welcome templates of its own, linked to the communities
(one in ten has no welcome sequence).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from planner.calendar import TYPES_BY_KIND, ItemKind, format_time
from planner.checklist_library import STAGES, builtin_items, item_id
from planner.communities import PALETTE, Platform, Stage
from planner.community_templates import link_id_for
from planner.metrics import FIGURES, DayFigures
from planner.recurrence import Recurrence
from planner.template_library import builtin_templates
from planner.templating import TemplateKind, messages_to_json
from planner.workspace import create_workspace, now_ms

DAYS = 730  # two years of daily figures, up to today

RULES = (
    "FREQ=DAILY",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;BYDAY=WE",
    "FREQ=WEEKLY;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    "FREQ=MONTHLY;BYDAY=2TH",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=15",
)
TITLES = ("晨报", "直播课", "嘉宾分享", "话题讨论", "模板精选", "会员沙龙", "训练营", "读书打卡")


def _sync(device: str, stamp: int) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": stamp,
        "updated_at": stamp,
        "updated_by": device,
        "deleted": 0,
    }


def daily_figures(
    rng: random.Random, today: date, *, declining: bool, days: int = DAYS
) -> list[DayFigures]:
    """Days of plausible figures up to today: members drift, weekends are quieter,
    and a declining community loses members and activity over its last six weeks."""
    members = rng.randint(40, 480)
    rows: list[DayFigures] = []
    first = today - timedelta(days=days - 1)
    for n in range(days):
        day = first + timedelta(days=n)
        late = declining and n >= days - 42
        joined = rng.randint(0, 3 if late else 8)
        left = rng.randint(2, 9) if late else rng.randint(0, 6)
        members = max(0, members + joined - left)
        share = rng.uniform(0.1, 0.2) if late else rng.uniform(0.25, 0.6)
        active = min(members, round(members * share * (0.6 if day.weekday() >= 5 else 1.0)))
        paid = rng.randint(0, 3)
        rows.append(
            DayFigures(
                day,
                members=members,
                active_members=active,
                joined=joined,
                left_members=left,
                messages=active * rng.randint(1, 12),
                paid_conversions=paid,
                revenue=round(paid * rng.choice((9.9, 99.0, 199.0, 1299.5)), 2) or None,
                note="直播课" if n % 30 == 0 else "",
            )
        )
    return rows


def _templates(rng: random.Random, count: int, device: str, stamp: int) -> list[dict[str, Any]]:
    """``count`` workspace templates: variations of the built-in posters and welcome
    sequences, in both languages, each under a name of its own."""
    builtins = builtin_templates()
    rows = []
    for n in range(count):
        base = builtins[n % len(builtins)]
        welcome = base.kind is TemplateKind.WELCOME
        prefix = ("欢迎流程" if welcome else "海报") if base.language == "zh" else base.name
        rows.append(
            _sync(device, stamp)
            | {
                "kind": base.kind.value,
                "name": f"{prefix} {n + 1:03d} · {rng.choice(TITLES)}",
                "language": base.language,
                "description": base.description,
                "body": base.body,
                "messages": messages_to_json(base.messages) if welcome else "[]",
            }
        )
    return rows


def generate(
    out: Path,
    *,
    communities: int = 200,
    items: int = 50_000,
    series: int = 500,
    days: int = DAYS,
    templates: int = 100,
    today: date | None = None,
    seed: int = 7,
    lock_dir: Path,
) -> dict[str, int]:
    """Write the workspace; returns how many rows of each kind it holds."""
    rng = random.Random(seed)
    today = today or date.today()
    start_day = today - timedelta(days=365)
    device = "bench-generator"
    stamp = now_ms()
    with create_workspace(out, device_id=device, lock_dir=lock_dir) as ws:
        community_rows = []
        for n in range(communities):
            community_rows.append(
                _sync(device, stamp)
                | {
                    "name": f"社群 {n + 1:03d} · {rng.choice(TITLES)}",
                    "platform": rng.choice(list(Platform)).value,
                    "stage": rng.choice(list(Stage)).value,
                    "member_count": rng.randint(20, 500),
                    "owner": rng.choice(("Lily 李", "Kevin 王", "张老师", "Ada")),
                    "color": PALETTE[n % len(PALETTE)],
                }
            )
        item_rows = []
        for n in range(items):
            community = rng.choice(community_rows)["id"]
            kind = ItemKind.ACTIVITY if rng.random() < 0.3 else ItemKind.CONTENT
            is_series = n < series
            # Series start in the first ten months; one-offs anywhere in two years.
            day = start_day + timedelta(days=rng.randrange(300 if is_series else 730))
            hour = rng.choice((7, 8, 10, 12, 14, 19, 20, 21))
            begin = datetime(day.year, day.month, day.day, hour, rng.choice((0, 30)))
            end = begin + timedelta(minutes=rng.choice((15, 30, 60, 90)))
            row = _sync(device, stamp) | {
                "community_id": community,
                "kind": kind.value,
                "item_type": rng.choice(TYPES_BY_KIND[kind]),
                "title": f"{rng.choice(TITLES)} #{n}",
                "all_day": 0,
                "starts_at": format_time(begin),
                "ends_at": format_time(end),
                "tz": "Asia/Shanghai",
                "status": "done" if day < today else "planned",
                "owner": rng.choice(("Lily 李", "Kevin 王", "张老师", "Ada")),
                "rrule": "",
                "exdates": "[]",
                "last_ends_at": format_time(end),
            }
            if is_series:
                rule = Recurrence.parse(rng.choice(RULES))
                first = rule.starts(begin, 1)[0]
                row["starts_at"] = format_time(first)
                row["ends_at"] = format_time(first + (end - begin))
                row["rrule"] = rule.to_rrule()
                row["last_ends_at"] = None
            if kind is ItemKind.ACTIVITY:
                row["planned_participants"] = rng.randint(10, 200)
                if day < today:
                    row["actual_participants"] = rng.randint(5, 220)
            item_rows.append(row)
        # Every community's stage checklist: the items of the stages before its
        # own ticked, some of its own stage ticked, some due around today.
        checklist_rows = []
        for community in community_rows:
            reached = STAGES.index(community["stage"])
            for stage in STAGES:
                for position, entry in enumerate(builtin_items(stage), start=1):
                    row = _sync(device, stamp) | {
                        "id": item_id(community["id"], entry.key),
                        "community_id": community["id"],
                        "stage": stage,
                        "library_key": entry.key,
                        "position": position * 10,
                        "done_on": "",
                        "due_on": "",
                        "assignee": "",
                    }
                    index = STAGES.index(stage)
                    if index < reached or (index == reached and rng.random() < 0.4):
                        done = today - timedelta(days=rng.randrange(1, 200))
                        row["done_on"] = done.isoformat()
                    elif index <= reached + 1 and rng.random() < 0.5:
                        due = today + timedelta(days=rng.randrange(-20, 40))
                        row["due_on"] = due.isoformat()
                        row["assignee"] = community["owner"]
                    checklist_rows.append(row)
        figure_rows = []
        for n, community in enumerate(community_rows):
            for figures in daily_figures(rng, today, declining=n % 10 == 0, days=days):
                figure_rows.append(
                    _sync(device, stamp)
                    | {"community_id": community["id"], "day": figures.day.isoformat()}
                    | {name: getattr(figures, name) for name in (*FIGURES, "note")}
                )
        template_rows = _templates(rng, templates, device, stamp)
        welcomes = [t for t in template_rows if t["kind"] == TemplateKind.WELCOME.value]
        posters = [t for t in template_rows if t["kind"] == TemplateKind.POSTER.value]
        link_rows = []
        for n, community in enumerate(community_rows):
            chosen = [rng.choice(posters)] if posters else []
            if welcomes and n % 10 != 3:
                chosen.append(rng.choice(welcomes))
            for template in chosen:
                link_rows.append(
                    _sync(device, stamp)
                    | {
                        "id": link_id_for(community["id"], template["id"]),
                        "community_id": community["id"],
                        "template_ref": template["id"],
                    }
                )
        with ws.db.atomic():
            ws.db.table("communities").insert_all(community_rows, batch_size=500)
            ws.db.table("calendar_items").insert_all(item_rows, batch_size=1000)
            ws.db.table("checklist_items").insert_all(checklist_rows, batch_size=1000)
            ws.db.table("community_metrics").insert_all(figure_rows, batch_size=1000)
            ws.db.table("templates").insert_all(template_rows, batch_size=100)
            ws.db.table("community_templates").insert_all(link_rows, batch_size=500)
        ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ws.db.execute("ANALYZE")
    return {
        "communities": communities,
        "calendar items": items,
        "series": series,
        "checklist items": len(checklist_rows),
        "daily figures": len(figure_rows),
        "templates": len(template_rows),
        "template links": len(link_rows),
    }


def workspace_at(path: Path, given: Path | None, *, lock_dir: Path) -> None:
    """The large workspace at ``path``: a copy of ``given`` (benchmarks write to
    theirs, and leave the one they were given as it was), else a new one."""
    if given is not None:
        shutil.copy(given, path)
        return
    began = time.perf_counter()
    counts = generate(path, lock_dir=lock_dir)
    print(f"generated {path.name} in {time.perf_counter() - began:.1f} s: {counts}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--communities", type=int, default=200)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--series", type=int, default=500)
    parser.add_argument("--days", type=int, default=DAYS, help="days of figures per community")
    parser.add_argument("--templates", type=int, default=100)
    args = parser.parse_args()
    if args.out.exists():
        print(f"{args.out} exists; choose another name", file=sys.stderr)
        return 2
    began = time.perf_counter()
    counts = generate(
        args.out,
        communities=args.communities,
        items=args.items,
        series=args.series,
        days=args.days,
        templates=args.templates,
        lock_dir=args.out.parent / ".locks",
    )
    print(f"wrote {args.out}: {counts} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
