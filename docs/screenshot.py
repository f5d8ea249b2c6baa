"""Regenerate the README's screenshots from the sample workspace.

    QT_QPA_PLATFORM=offscreen python docs/screenshot.py

The app is shown in Chinese, as most operators run it, except
docs/screenshot-en.png (the month view in English, on the English sample).
Writes docs/screenshot.png (the calendar's month view, the main screen),
docs/screenshot-week.png, docs/screenshot-community.png,
docs/screenshot-checklist.png, docs/screenshot-overview.png (with the
communities compared and their health), docs/screenshot-figures.png,
docs/screenshot-charts.png (a declining community's figures and charts),
docs/screenshot-fission.png (the fission calculator on a saved plan),
docs/screenshot-templates.png, docs/poster-example.png,
docs/weekly-plan.png (the first page of this week's plan as a PDF, in
Chinese, turned into an image with pdftoppm from poppler-utils) and
docs/screenshot-merge.png (the merge dialog: the sample workspace shared with
a teammate, both copies edited, the same records on both sides among them,
and merged back in the window, with every edit checked afterwards).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from planner.communities import find_community, list_communities  # noqa: E402
from planner.export.poster import render_png  # noqa: E402
from planner.export.weekly_pdf import write_weekly_pdf  # noqa: E402
from planner.paths import AppPaths  # noqa: E402
from planner.settings import Settings  # noqa: E402
from planner.template_library import builtin_template  # noqa: E402
from planner.templating import context_for, render_poster  # noqa: E402
from planner.ui.app import create_application  # noqa: E402
from planner.ui.calendar_page import CalendarMode  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402
from planner.ui.translations import install_language  # noqa: E402
from planner.weekly_plan import build_plan, render_html, week_of  # noqa: E402

DOCS = Path(__file__).resolve().parent


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home  # the status bar shows "~/…", not a temp path
        paths = AppPaths.under(Path(home))
        app = create_application()
        # In Chinese, as most operators run it; docs/screenshot-en.png shows English.
        install_language("zh", QLocale("zh_CN"))
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

        def tab(name: str, key: str) -> None:
            show_community(name)
            window.page.show_tab(key)

        shots = {
            "screenshot.png": lambda: window.show_calendar(CalendarMode.MONTH),
            "screenshot-week.png": lambda: window.show_calendar(CalendarMode.WEEK),
            "screenshot-templates.png": window.show_templates,
            "screenshot-community.png": lambda: show_community("深夜读书会 · 付费会员圈"),
            "screenshot-checklist.png": lambda: checklist("初二（3）班家长群"),
            "screenshot-overview.png": window.show_overview,
            "screenshot-figures.png": lambda: tab("Notion 中文用户群", "figures"),
            "screenshot-charts.png": lambda: tab("Notion 中文用户群", "charts"),
            "screenshot-fission.png": lambda: tab("深夜读书会 · 付费会员圈", "fission"),
        }
        for name, show in shots.items():
            # The charts tab is tall: show its three charts whole.
            window.resize(1280, 1320 if name == "screenshot-charts.png" else 860)
            show()
            app.processEvents()
            window.grab().save(str(DOCS / name))
            print(f"wrote {DOCS / name}")
        window.resize(1280, 860)
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
        merge_walkthrough(window, Path(home), app)
        window.close()
        english(app)
    return 0


def english(app: QApplication) -> None:
    """The month view and a community page in English, on the English sample."""
    install_language("en", QLocale("en_US"))
    with tempfile.TemporaryDirectory() as home:
        paths = AppPaths.under(Path(home))
        window = MainWindow(paths, Settings(paths.settings_file), "screenshot")
        window.resize(1280, 860)
        window.show()
        window.open_sample()
        window.show_calendar(CalendarMode.MONTH)
        app.processEvents()
        window.grab().save(str(DOCS / "screenshot-en.png"))
        print(f"wrote {DOCS / 'screenshot-en.png'}")
        window.close()


TEAMMATE = "00000000-0000-4000-8000-00000000f00d"


def merge_walkthrough(window: MainWindow, home: Path, app: QApplication) -> None:
    """Share the sample with a teammate, edit both copies, merge back in the window."""
    from planner.calendar import find_occurrence, occurrences_between, update_occurrence
    from planner.checklists import checklist, set_done
    from planner.communities import delete_community, update_community
    from planner.merge_file import prepare_merge
    from planner.snapshot import write_snapshot
    from planner.workspace import open_workspace

    session = window.session
    assert session is not None
    ws = session.workspace
    theirs = home / "读书会 (王芳).cplan"
    write_snapshot(ws, theirs, device_id=ws.device_id, device_label="Lily@laptop")
    reading = find_community(ws, "深夜读书会 · 付费会员圈").id
    notion = find_community(ws, "Notion 中文用户群").id
    parents = find_community(ws, "初二（3）班家长群").id
    week = occurrences_between(ws, datetime(2026, 11, 1), datetime(2027, 1, 1))
    shared_item = next(o for o in week if o.series is None and o.item.community_id == notion)
    key = shared_item.key
    with open_workspace(theirs, device_id=TEAMMATE, lock_dir=window.paths.lock_dir) as mate:
        update_community(mate, reading, {"notes": "王芳：周五共读改到晚上 9 点", "owner": "王芳"})
        update_community(mate, notion, {"member_count": 520})
        occ = find_occurrence(mate, key)
        update_occurrence(mate, occ, {"title": occ.item.title + "（王芳改）", "owner": "王芳"})
        first = checklist(mate, parents)[0]
        set_done(mate, first.id, True)
        delete_community(mate, find_community(mate, "Growth Hackers 增长交流群").id)
        mate.db.execute("UPDATE devices SET label = '王芳@MacBook' WHERE id = ?", [TEAMMATE])
        mate.db.conn.commit()
    session.run(update_community, reading, {"notes": "Lily：本周嘉宾确认了", "member_count": 188})
    occ = find_occurrence(ws, key)
    session.run(update_occurrence, occ, {"title": occ.item.title + "（Lily 改）"})
    session.run(update_community, parents, {"owner": "Lily 李"})
    print(f"teammate's copy: {prepare_merge(ws, theirs).report()['total']}")

    window.sharing.merge_from(theirs)
    while window.sharing.dialog is None:
        app.processEvents()
    dialog = window.sharing.dialog
    dialog.resize(1000, 640)
    model = dialog.conflicts  # type: ignore[attr-defined]
    reading_row = next(r for r in range(model.rowCount()) if model.conflict(r).id == reading)
    # The teammate's owner, my notes and member count; their calendar title.
    model.set_taken(reading_row, ["owner"])
    item_row = next(
        r for r in range(model.rowCount()) if model.conflict(r).table == "calendar_items"
    )
    model.take_theirs(item_row)
    dialog.conflict_list.setCurrentIndex(model.index(reading_row))  # type: ignore[attr-defined]
    app.processEvents()
    dialog.grab().save(str(DOCS / "screenshot-merge.png"))
    print(f"wrote {DOCS / 'screenshot-merge.png'}")
    said: list[str] = []
    window.sharing.message.connect(said.append)
    dialog.accept()  # type: ignore[attr-defined]
    while not said:
        app.processEvents()
    print(said[0])
    got = {c.id: c for c in list_communities(ws)}
    assert got[reading].notes == "Lily：本周嘉宾确认了" and got[reading].owner == "王芳"
    assert got[reading].member_count == 188
    assert got[notion].member_count == 520 and got[parents].owner == "Lily 李"
    assert "Growth Hackers 增长交流群" not in {c.name for c in list_communities(ws)}
    title = find_occurrence(ws, key).item.title
    assert title.endswith("（王芳改）") and find_occurrence(ws, key).item.owner == "王芳"
    assert checklist(ws, parents)[0].done
    print("every edit of both sides is in the merged workspace")


if __name__ == "__main__":
    sys.exit(main())
