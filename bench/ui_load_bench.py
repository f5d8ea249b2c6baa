"""The app under load: the longest the GUI thread is blocked during each action.

    QT_QPA_PLATFORM=offscreen python bench/ui_load_bench.py [--workspace W] [--runs 6] [--json F]

The real main window (1280 x 860) on the large generated workspace
(``bench/generate.py``). Each action is started from the event loop, as a
click or a key press would be, and the loop turns until the action is done
(a background job included); a 1 ms timer on the GUI thread measures the
longest gap between two turns of the event loop (``bench/stall.py``). Target
(issue: proof under load): never more than 100 ms.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import STALL_TARGET_MS, Report, arguments, peak_mb  # noqa: E402
from generate import workspace_at  # noqa: E402
from merge_bench import edit  # noqa: E402
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWizard  # noqa: E402
from replicate_bench import add_large_community  # noqa: E402
from shiboken6 import isValid  # noqa: E402
from stall import StallMeter, settle  # noqa: E402

from planner.communities import list_communities  # noqa: E402
from planner.paths import AppPaths  # noqa: E402
from planner.settings import Settings  # noqa: E402
from planner.snapshot import write_snapshot  # noqa: E402
from planner.ui.app import create_application  # noqa: E402
from planner.ui.calendar_page import CalendarMode  # noqa: E402
from planner.ui.export_week_dialog import ExportWeekDialog  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402
from planner.ui.replicate_wizard import ReplicateWizard  # noqa: E402
from planner.workspace import open_workspace  # noqa: E402

DEVICE = "00000000-0000-4000-8000-00000000b0b0"
TEAMMATE = "00000000-0000-4000-8000-00000000b0b1"


class Bench:
    def __init__(self, window: MainWindow, report: Report) -> None:
        self.window = window
        self.report = report
        self.meter = StallMeter()

    def measure(
        self,
        what: str,
        start: Callable[[], object],
        done: Callable[[], bool] = lambda: True,
        *,
        runs: int = 1,
        target: float | None = None,
        note: str = "",
    ) -> None:
        walls, stalls = [], []
        for _ in range(runs):
            wall, stall = self.meter.run(start, done)
            walls.append(wall)
            stalls.append(stall)
        row = self.report.add(
            what, walls, target=target, stall_ms=max(stalls), peak=peak_mb(), note=note
        )
        flag = "ok" if row.met is not False else "MISSED"
        worst = f" (worst {row.worst:.0f})" if row.worst is not None and runs > 1 else ""
        print(
            f"  {what:<46}{row.figure:8.0f} ms{worst:<14} longest stall {max(stalls):6.0f} ms"
            f"  {flag}",
            flush=True,
        )


def scroll_area(window: MainWindow) -> QAbstractScrollArea:
    """The calendar's visible scrolling view (the agenda's list)."""
    areas = [
        a
        for a in window.calendar.findChildren(QAbstractScrollArea)
        if a.isVisible() and a.verticalScrollBar().maximum() > 0
    ]
    if not areas:
        raise SystemExit("the agenda shows nothing to scroll")
    return max(areas, key=lambda a: a.verticalScrollBar().maximum())


def main() -> int:
    parser = arguments(__doc__, runs=6)
    args = parser.parse_args()
    report = Report("ui")
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="ui-load-") as tmp:
        home = Path(tmp)
        paths = AppPaths.under(home / "app")
        path = home / "large.cplan"
        workspace_at(path, args.workspace, lock_dir=paths.lock_dir)
        # A large community to replicate, and a teammate's copy with 2,000 edits a side.
        with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
            big = add_large_community(ws, series=300, checklist=200, templates=12, one_offs=2000)
            theirs = home / "teammate.cplan"
            write_snapshot(ws, theirs, device_id=DEVICE, device_label="me@bench")
            ids = [
                ("calendar_items", r[0])
                for r in ws.db.execute("SELECT id FROM calendar_items WHERE rrule = '' LIMIT 4000")
            ]
            random.Random(3).shuffle(ids)
            edit(ws, ids[:2000], "mine", random.Random(4))
            communities = [c.id for c in list_communities(ws)]
        with open_workspace(theirs, device_id=TEAMMATE, lock_dir=paths.lock_dir) as ws:
            edit(ws, ids[2000:], "theirs", random.Random(5))

        create_application()
        settings = Settings(home / "settings.json")
        settings.set("main_view", "calendar")
        window = MainWindow(paths, settings, DEVICE, confirm=lambda *a, **k: True)
        window.resize(1280, 860)
        window.show()
        settle(200)
        bench = Bench(window, report)
        print(f"the app under load (longest stall target {STALL_TARGET_MS:.0f} ms)", flush=True)

        def opened() -> bool:
            return window.session is not None

        window.calendar.set_mode(CalendarMode.MONTH)
        bench.measure(
            "open the large workspace (month view)",
            lambda: window.open_path(path),
            opened,
            target=300,
        )
        for mode, name in (
            (CalendarMode.MONTH, "month"),
            (CalendarMode.WEEK, "week"),
            (CalendarMode.AGENDA, "agenda"),
        ):
            window.show_calendar(mode)
            settle()
            steps = [1] * (args.runs // 2) + [-1] * (args.runs - args.runs // 2)
            moves = iter(steps)
            bench.measure(
                f"{name}: next / previous, painted",
                lambda moves=moves: (window.calendar.step(next(moves)), window.calendar.repaint()),
                runs=len(steps),
                target=None if mode is CalendarMode.AGENDA else 50,
            )
        window.show_calendar(CalendarMode.AGENDA)
        settle()
        bar: QScrollBar = scroll_area(window).verticalScrollBar()
        bar.setValue(0)
        settle()
        pages = max(1, min(40, bar.maximum() // max(1, bar.pageStep())))
        bench.measure(
            f"agenda: scroll a page down ({pages} pages)",
            lambda: (
                bar.triggerAction(QScrollBar.SliderAction.SliderPageStepAdd),
                window.calendar.repaint(),
            ),
            runs=pages,
        )

        picks = iter(communities[:: max(1, len(communities) // args.runs)][: args.runs])
        bench.measure(
            "community page: open a community",
            lambda: window.open_community(next(picks)),
            runs=min(args.runs, len(communities)),
        )
        # Its cards and lines are built a few at a time, reads off the GUI thread.
        bench.measure(
            "overview page: shown and filled",
            window.show_overview,
            lambda: not window.overview.busy,
        )
        window.show_calendar(CalendarMode.MONTH)
        settle()

        # The weekly plan of every community, written off the GUI thread. The
        # question that offers to open the PDF is answered "no" (it would wait
        # for a click).
        window.export_week()
        settle()
        dialog = window.findChild(ExportWeekDialog)
        assert dialog is not None
        dialog.confirm = lambda *a, **k: False
        pdf = home / "week.pdf"
        bench.measure(
            "weekly PDF export, all communities",
            lambda: dialog.export_to(pdf),
            lambda: not dialog.busy,
        )
        if not pdf.exists():
            raise SystemExit(f"the weekly plan was not written: {dialog.status.text()}")
        if isValid(dialog):  # the dialog closes itself once the plan is written
            dialog.reject()
        settle()

        ics = home / "calendar.ics"
        bench.measure(
            "ICS export of the whole calendar",
            lambda: window.export_ics_to(ics),
            lambda: not window.ics_export.busy,
        )
        if not ics.exists():
            raise SystemExit("the calendar was not exported")

        # Merge: check and plan (off the GUI thread), then the dialog's Merge.
        sharing = window.sharing
        bench.measure(
            "merge: check + plan a teammate's copy",
            lambda: sharing.merge_from(theirs),
            lambda: sharing.dialog is not None,
        )
        merge_dialog = sharing.dialog
        assert merge_dialog is not None
        bench.measure(
            "merge: backup + apply",
            merge_dialog.accept,
            lambda: not sharing.busy,
        )

        # Replicate the large community through the wizard, to its end.
        window.replicate(big)
        settle()
        wizard = window.findChild(ReplicateWizard)
        assert wizard is not None
        wizard.next()  # basics → contents
        settle()
        bench.measure(
            "replicate: preview",
            wizard.next,
            lambda: wizard.currentPage() is wizard.preview and wizard.preview.isComplete(),
        )
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        bench.measure(
            "replicate: write",
            commit.click,
            lambda: wizard.new_id is not None,
        )
        wizard.button(QWizard.WizardButton.FinishButton).click()
        settle()

        window.close()
        settle()
        report.add("peak resident memory, whole run", peak_mb(), unit="MB")
        print(f"  peak resident memory {peak_mb():.0f} MB; today {today}", flush=True)
    report.write(args.json)
    return 0


if __name__ == "__main__":
    began = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - began:.0f} s)")
    sys.exit(code)
