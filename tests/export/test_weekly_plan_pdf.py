"""The weekly plan as a PDF: last week's figures and the health warnings, in both
languages and layouts, as pdftotext reads them; a plan with neither shows neither."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Literal

import pytest
from PySide6.QtWidgets import QApplication

from planner.checklist_library import Language
from planner.export.weekly_pdf import write_weekly_pdf
from planner.weekly_labels import WORDS
from planner.weekly_plan import build_plan, render_html
from planner.workspace import Workspace
from tests.test_weekly_plan import TODAY, W48, at, community, item, measured_community

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)

Layout = Literal["list", "grid"]


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    """A QApplication before the exporter would make a QGuiApplication of its own."""


def pdf_text(ws: Workspace, out: Path, lang: Language, layout: Layout = "list") -> str:
    """The plan of W48 written as a PDF, its text as pdftotext reads it, without spaces."""
    plan = build_plan(ws, W48, lang=lang, today=TODAY)
    write_weekly_pdf(
        render_html(plan, layout=layout),
        out,
        landscape=layout == "grid",
        page_label=plan.labels["page"],
        title=plan.document_title,
    )
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
    return "".join(text.stdout.decode("utf-8").split())


EXPECTED: dict[Language, tuple[str, ...]] = {
    "zh": (
        "上周数据",
        "2026年第47周",
        "数据测试群",
        "205",  # members at the week's end, and the change: +5
        "+5",
        "38%",
        "−4个百分点",
        "995",
        "+398",
        "上周没有记录数据：",
        "没数据的群",
        "社群健康提醒",
        "截至2026年11月23日",
        "提醒",
        "活动没有记录结果",
        "规则：活动日期过后，要记录它的结果",
        "10月26日以来，有1场活动没有记录结果：上周的分享会（11月17日）。",
        "没有新人欢迎话术",
        "还没有关联迎新话术，群里已有205名成员",
    ),
    "en": (
        "Lastweek'sfigures",
        "Week47,2026",
        "Retention",
        "205",
        "38%",
        "−4pts",
        "+398",
        "Nofiguresrecordedlastweek:",
        "Healthwarnings",
        "asof23November2026",
        "Warning",
        "Activitieswithoutresults",
        "Rule:Anactivitywhosedayhaspassedshouldhaveitsresultsrecorded",
        "1activitysince2026-10-26hasnoresults:上周的分享会(11-17).",
        "Nowelcomesequencefornewcomers",
    ),
}


@pytest.mark.parametrize("layout", ["list", "grid"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_shows_last_weeks_figures_and_the_health_warnings(
    workspace: Workspace, tmp_path: Path, lang: Language, layout: Layout
) -> None:
    cid = measured_community(workspace)
    community(workspace, "没数据的群", color="#eb5757")
    item(workspace, cid, "本周的晨报", at(W48.monday, 7))
    text = pdf_text(workspace, tmp_path / "plan.pdf", lang, layout)
    for words in EXPECTED[lang]:
        assert words in text, words
    # Read first: before the week's schedule.
    figures = "".join(WORDS[lang]["figures"].split())
    schedule = "".join(WORDS[lang]["schedule"].split())
    assert text.index(figures) < text.index(schedule)


@pytest.mark.parametrize("layout", ["list", "grid"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_without_figures_or_warnings_prints_neither(
    workspace: Workspace, tmp_path: Path, lang: Language, layout: Layout
) -> None:
    cid = community(workspace, "还没开始量的群")
    item(workspace, cid, "本周的晨报", at(W48.monday + timedelta(days=1), 7))
    text = pdf_text(workspace, tmp_path / "plan.pdf", lang, layout)
    assert "本周的晨报" in text
    for key in ("figures", "health", "rule", "no_figures_all"):
        assert "".join(WORDS[lang][key].split()) not in text, key
