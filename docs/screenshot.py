"""Regenerate the README's screenshots from the sample workspace.

    QT_QPA_PLATFORM=offscreen python docs/screenshot.py

Writes docs/screenshot.png (the calendar's month view, the main screen),
docs/screenshot-week.png, docs/screenshot-community.png,
docs/screenshot-checklist.png, docs/screenshot-overview.png,
docs/screenshot-templates.png, docs/poster-example.png and
docs/weekly-plan.png (the first page of this week's plan as a PDF, in
Chinese, turned into an image with pdftoppm from poppler-utils).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner.communities import find_community  # noqa: E402
from planner.export.poster import render_png  # noqa: E402
from planner.export.weekly_pdf import write_weekly_pdf  # noqa: E402
from planner.paths import AppPaths  # noqa: E402
from planner.settings import Settings  # noqa: E402
from planner.template_library import builtin_template  # noqa: E402
from planner.templating import context_for, render_poster  # noqa: E402
from planner.ui.app import create_application  # noqa: E402
from planner.ui.calendar_page import CalendarMode  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402
from planner.weekly_plan import build_plan, render_html, week_of  # noqa: E402

DOCS = Path(__file__).resolve().parent


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home  # the status bar shows "~/…", not a temp path
        paths = AppPaths.under(Path(home))
        app = create_application()
        window = MainWindow(paths, Settings(paths.settings_file), "screenshot")
        window.resize(1280, 860)
        window.show()
        window.open_sample()
        assert window.session is not None

        def show_community(name: str) -> None:
            assert window.session is not None
            window.sidebar.select(find_community(window.session.workspace, name).id)
            window.show_communities()
            window.page.tabs.setCurrentIndex(0)

        def checklist(name: str) -> None:
            show_community(name)
            window.page.tabs.setCurrentWidget(window.page.checklist)

        shots = {
            "screenshot.png": lambda: window.show_calendar(CalendarMode.MONTH),
            "screenshot-week.png": lambda: window.show_calendar(CalendarMode.WEEK),
            "screenshot-templates.png": window.show_templates,
            "screenshot-community.png": lambda: show_community("深夜读书会 · 付费会员圈"),
            "screenshot-checklist.png": lambda: checklist("初二（3）班家长群"),
            "screenshot-overview.png": window.show_overview,
        }
        for name, show in shots.items():
            show()
            app.processEvents()
            window.grab().save(str(DOCS / name))
            print(f"wrote {DOCS / name}")
        poster = DOCS / "poster-example.png"
        workspace = window.session.workspace
        community = find_community(workspace, "深夜读书会 · 付费会员圈").id
        ctx = context_for(workspace, community, operator="Lily 李")
        render_png(render_poster(builtin_template("guest_share", "zh"), ctx), poster, width_px=540)
        print(f"wrote {poster}")
        plan = build_plan(workspace, week_of(date.today()), lang="zh")
        pdf = Path(home) / "weekly.pdf"
        write_weekly_pdf(
            render_html(plan), pdf, page_label=plan.labels["page"], title=plan.document_title
        )
        page = DOCS / "weekly-plan"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), page],
            check=True,
        )
        print(f"wrote {page}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
