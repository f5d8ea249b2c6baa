"""Checklists on a large workspace: the overview, progress, due items.

    QT_QPA_PLATFORM=offscreen python bench/checklist_bench.py [--runs 7] [--workspace W]

Generates (or reuses) the large workspace of bench/generate.py (200
communities, each with its 33-item stage checklist, ticked up to its stage,
due dates around today) and measures, median and worst of --runs:
- overview: ``checklists.overview`` (every community's progress, next due and
  overdue items), and the Overview page's refresh with it, painted;
- progress: ``progress_by_community`` (what the sidebar shows);
- due in a month: ``due_between`` over six weeks (what the month view adds);
- tick: ticking one item through the session, with the overview, sidebar
  and community page refreshing.
Target: each under 100 ms, so the GUI thread never stalls on them.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments, peak_mb, timed  # noqa: E402
from generate import workspace_at  # noqa: E402

from planner.checklist_due import due_between, overview  # noqa: E402
from planner.checklists import checklist, progress_by_community, set_done  # noqa: E402
from planner.paths import AppPaths  # noqa: E402
from planner.settings import Settings  # noqa: E402
from planner.ui.app import create_application  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402


def report(name: str, times: list[float]) -> None:
    print(f"{name:<44} {statistics.median(times):7.1f} ms  (worst {max(times):6.1f} ms)")


def main() -> int:
    parser = arguments(__doc__, runs=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        path = home / "large.cplan"
        workspace_at(path, args.workspace, lock_dir=home / "locks")
        app = create_application()
        paths = AppPaths.under(home / "home")
        window = MainWindow(paths, Settings(paths.settings_file), "bench")
        window.resize(1280, 860)
        window.show()
        assert window.open_path(path)
        session = window.session
        assert session is not None
        ws = session.workspace
        today = date.today()
        results: dict[str, list[float]] = {}

        def measure(name: str, action: Callable[[], object]) -> None:
            results[name] = [timed(action) for _ in range(args.runs)]

        measure("overview (core)", lambda: overview(ws, today))
        measure("progress of every community (core)", lambda: progress_by_community(ws))
        measure(
            "due items over six weeks (core)",
            lambda: due_between(ws, today - timedelta(days=7), today + timedelta(days=35)),
        )
        window.show_overview()
        app.processEvents()

        def refresh_overview() -> None:
            window.overview.refresh()
            window.overview.repaint()

        measure("overview page refresh, painted", refresh_overview)
        first = str(ws.db.execute("SELECT id FROM communities LIMIT 1").fetchone()[0])
        window.sidebar.select(first)
        window.show_communities()
        app.processEvents()
        item = checklist(ws, first)[-1].id
        flips = iter([True, False] * args.runs)

        def tick() -> None:
            session.run(set_done, item, next(flips), today)
            app.processEvents()

        measure("tick one item, every view refreshed", tick)
        for name, times in results.items():
            report(name, times)
        window.close()
    figures = Report("checklists")
    for name, times in results.items():
        figures.add(name, times, target=100, peak=peak_mb())
    figures.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
