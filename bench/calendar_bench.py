"""Calendar speed on a large workspace: open, month and week navigation, memory.

    QT_QPA_PLATFORM=offscreen python bench/calendar_bench.py [--runs 12] [--workspace W]

Generates (or reuses) a workspace of 200 communities and 50,000 calendar items
with 500 recurring series, then measures with the real calendar page:
- open: open the workspace and show the calendar's month view, painted;
- month / week / agenda change: one step forward, re-queried and repainted
  (median and worst of --runs steps);
- memory: growth of the process's resident memory from before opening to
  after all navigation.
Targets (issue: the calendar): under 300 ms to open, under 50 ms per month or
week change, under 100 MB of memory growth.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

from planner.settings import Settings  # noqa: E402
from planner.ui.app import create_application  # noqa: E402
from planner.ui.calendar_page import CalendarMode, CalendarPage  # noqa: E402
from planner.ui.session import Session  # noqa: E402
from planner.workspace import open_workspace  # noqa: E402


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--workspace", type=Path, help="reuse this generated workspace")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        path = args.workspace or home / "large.cplan"
        if not path.exists():
            began = time.perf_counter()
            generate(path, lock_dir=home / "locks")
            print(f"generated {path.name} in {time.perf_counter() - began:.1f} s")
        app = create_application()
        settings = Settings(home / "settings.json")
        page = CalendarPage(settings, confirm=lambda *a: False)
        page.resize(1280, 860)
        page.show()
        app.processEvents()
        before = rss_mb()
        holder: dict[str, Session] = {}

        def open_calendar() -> None:
            ws = open_workspace(path, device_id="bench", lock_dir=home / "locks")
            holder["session"] = Session(ws)
            page.set_mode(CalendarMode.MONTH)
            page.set_session(holder["session"])
            page.repaint()

        open_ms = timed(open_calendar)
        results: dict[str, list[float]] = {}
        for mode in (CalendarMode.MONTH, CalendarMode.WEEK, CalendarMode.AGENDA):
            page.set_mode(mode)
            page.repaint()
            steps = []
            for n in range(args.runs):
                direction = 1 if n < args.runs // 2 else -1

                def step(direction: int = direction) -> None:
                    page.step(direction)
                    page.repaint()

                steps.append(timed(step))
            results[mode.value] = steps
        growth = rss_mb() - before
        shown = len(page.occurrences)
        holder["session"].close()
    print(
        f"calendar on {path.name}: 200 communities, 50,000 items, 500 series "
        f"(QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']})"
    )
    print(f"  {'open, month view painted':<34}{open_ms:8.1f} ms   (target < 300)")
    for mode, steps in results.items():
        print(
            f"  {mode + ' change, median':<34}{statistics.median(steps):8.1f} ms   "
            f"worst {max(steps):6.1f} ms   (target < 50)"
        )
    print(f"  {'memory growth':<34}{growth:8.1f} MB   (target < 100)")
    print(f"  (last view showed {shown} occurrences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
