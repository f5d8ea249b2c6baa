"""Calendar speed on a large workspace: open, navigation, agenda scrolling, memory.

    QT_QPA_PLATFORM=offscreen python bench/calendar_bench.py [--runs 12] [--workspace W]

Generates (or reuses) a workspace of 200 communities and 50,000 calendar items
with 500 recurring series, then measures with the real calendar page:
- open: open the workspace and show the calendar's month view, painted;
- month / week / agenda change, two ways (median and worst of --runs steps):
  - "paced": a step, re-queried and repainted, after the page had the time
    to read the neighbouring ranges ahead (as it does between a user's
    clicks): --runs/2 steps forward, then back;
  - "rapid": the same steps with read-ahead off and what was read of any
    range forgotten before each (clicking as fast as the page answers);
  plus the longest the read-ahead kept the GUI thread busy at once;
- agenda scroll: the 14-day agenda (thousands of rows) scrolled from top to
  bottom one page (Page Down) and one wheel notch at a time, repainted each
  step (median and worst per step);
- memory: growth of the process's resident memory from before opening to
  after all of it.
Targets (issue: the calendar): under 300 ms to open, under 50 ms per month or
week change (the GUI thread never blocked 100 ms), under 100 MB of memory
growth.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments, peak_mb, rss_mb  # noqa: E402
from generate import workspace_at  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QAbstractSlider, QApplication  # noqa: E402

from planner import calendar, checklist_due  # noqa: E402
from planner.settings import Settings  # noqa: E402
from planner.ui.app import create_application  # noqa: E402
from planner.ui.calendar_page import CalendarMode, CalendarPage  # noqa: E402
from planner.ui.session import Session  # noqa: E402
from planner.workspace import open_workspace  # noqa: E402

CLOCK = time.perf_counter  # --cpu: time.thread_time (the GUI thread's CPU time)


def timed(action: Callable[[], object]) -> float:
    began = CLOCK()
    action()
    return (CLOCK() - began) * 1000


def settle(app: QApplication, page: CalendarPage) -> float:
    """Let the page read ahead, as between a user's clicks; returns the longest
    the GUI thread was busy at once meanwhile (ms)."""
    longest = 0.0
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        longest = max(longest, timed(app.processEvents))
        if not page.prefetch_pending():
            break
        time.sleep(0.01)
    return longest


def stepper(page: CalendarPage, direction: int) -> Callable[[], None]:
    def step() -> None:
        page.step(direction)
        page.repaint()

    return step


def paced_steps(app: QApplication, page: CalendarPage, runs: int) -> tuple[list[float], float]:
    """Steps with read-ahead between them; and the longest read-ahead slice."""
    page.prefetch_enabled = True
    page.refresh()
    page.repaint()
    blocked = settle(app, page)
    steps = []
    for n in range(runs):
        steps.append(timed(stepper(page, 1 if n < runs // 2 else -1)))
        blocked = max(blocked, settle(app, page))
    return steps, blocked


def rapid_steps(page: CalendarPage, runs: int) -> list[float]:
    """The same steps as paced_steps, each into a range read as if never shown:
    no read-ahead, nothing of any range kept (the list of series stays, as it
    does between edits)."""
    page.prefetch_enabled = False
    page.go_to(date.today())
    page.repaint()

    def forget() -> None:
        calendar.forget_cached(series=False)
        checklist_due.forget_cached()

    steps = []
    for n in range(runs):
        forget()
        steps.append(timed(stepper(page, 1 if n < runs // 2 else -1)))
    page.prefetch_enabled = True
    return steps


def scroll_agenda(page: CalendarPage, *, wheel: bool, limit: int = 2000) -> list[float]:
    """Scroll the agenda from top to bottom, repainting each step (ms per step)."""
    view = page.agenda
    bar = view.verticalScrollBar()
    bar.setValue(0)
    view.viewport().repaint()
    viewport = view.viewport()
    centre = QPointF(viewport.rect().center())
    steps: list[float] = []

    def page_down() -> None:
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        viewport.repaint()

    def notch() -> None:
        # As a user's wheel does: the view scrolls its contents and repaints
        # the rows that came into view (the paint that follows, flushed here).
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        QApplication.processEvents()

    while bar.value() < bar.maximum() and len(steps) < limit:
        steps.append(timed(notch if wheel else page_down))
    return steps


def describe(steps: list[float]) -> str:
    return f"{statistics.median(steps):8.1f} ms   worst {max(steps):6.1f} ms"


def main() -> int:
    parser = arguments(__doc__, runs=12)
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time the GUI thread's CPU time instead of the wall clock (on a busy machine)",
    )
    args = parser.parse_args()
    global CLOCK
    if args.cpu:
        CLOCK = time.thread_time
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        path = home / "large.cplan"
        workspace_at(path, args.workspace, lock_dir=home / "locks")
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
        today = date.today()
        paced: dict[str, list[float]] = {}
        rapid: dict[str, list[float]] = {}
        blocked: dict[str, float] = {}
        shown: dict[str, int] = {}
        for mode in (CalendarMode.MONTH, CalendarMode.WEEK, CalendarMode.AGENDA):
            page.go_to(today)
            page.set_mode(mode)
            paced[mode.value], blocked[mode.value] = paced_steps(app, page, args.runs)
            shown[mode.value] = len(page.occurrences)
            rapid[mode.value] = rapid_steps(page, args.runs)
        page.go_to(today)
        page.set_mode(CalendarMode.AGENDA)
        page.repaint()
        agenda_rows = len(page.occurrences) + len(page.due)
        page_downs = scroll_agenda(page, wheel=False)
        notches = scroll_agenda(page, wheel=True)
        growth = rss_mb() - before
        holder["session"].close()
    print(
        f"calendar on {path.name}: 200 communities, 50,000 items, 500 series "
        f"(QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}, "
        f"{'CPU time of the GUI thread' if args.cpu else 'wall clock'})"
    )
    print(f"  {'open, month view painted':<40}{open_ms:8.1f} ms   (target < 300)")
    for mode in paced:
        target = "   (target < 50)" if mode != "agenda" else ""
        print(f"  {mode + ' change, paced, median':<40}{describe(paced[mode])}{target}")
        print(f"  {mode + ' change, rapid, median':<40}{describe(rapid[mode])}{target}")
        print(f"  {mode + ' read-ahead, longest slice':<40}{blocked[mode]:8.1f} ms   (< 100)")
        print(f"  {'':<40}({shown[mode]} occurrences shown)")
    print(
        f"  {'agenda scroll, page down, median':<40}{describe(page_downs)}"
        f"   ({len(page_downs)} steps over {agenda_rows} rows)"
    )
    print(
        f"  {'agenda scroll, wheel notch, median':<40}{describe(notches)}   ({len(notches)} steps)"
    )
    print(f"  {'memory growth':<40}{growth:8.1f} MB   (target < 100)")
    report = Report("calendar")
    report.add("open, month view painted", open_ms, target=300)
    for mode in paced:
        target = None if mode == "agenda" else 50.0
        report.add(f"{mode} change, paced (neighbours read ahead)", paced[mode], target=target)
        report.add(f"{mode} change, rapid (nothing read ahead)", rapid[mode], target=target)
        report.add(f"{mode} read-ahead, longest slice", blocked[mode], target=100)
    report.add(f"agenda scroll, page down ({agenda_rows:,} rows)", page_downs)
    report.add("agenda scroll, wheel notch", notches)
    report.add("memory growth", growth, unit="MB", target=100, peak=peak_mb())
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
