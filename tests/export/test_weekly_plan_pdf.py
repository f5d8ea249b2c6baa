"""The weekly plan as a PDF: last week's figures and the health warnings, in both
languages and layouts, as pdftotext reads them; a plan with neither shows neither; English
set in a Latin font, Chinese in the Chinese one."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Literal

import pytest
import shiboken6
from PySide6.QtGui import QGlyphRun, QTextDocument
from PySide6.QtWidgets import QApplication

from planner.checklist_library import Language
from planner.export.weekly_pdf import cjk_family, layout_document, write_weekly_pdf
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
        "没有新人入群欢迎流程",
        "还没有关联入群欢迎流程，群里已有205名成员",
    ),
    "en": (
        "Lastweek'sfigures",
        "Week47,2026",
        "Activerate",
        "数据测试群",  # Chinese in an English plan: drawn, not boxes
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
        "(suchas“First24hourswelcome”)",
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


def glyph_runs(doc: QTextDocument, text: str, length: int | None = None) -> list[QGlyphRun]:
    """How the laid-out ``doc`` draws the first ``text`` it holds (within one block),
    or the first ``length`` characters of it."""
    block = doc.begin()
    while block.isValid():
        at = block.text().find(text)
        layout = block.layout()
        if at >= 0 and layout is not None:
            return list(layout.glyphRuns(at, len(text) if length is None else length))
        block = block.next()
    raise AssertionError(f"{text!r} is not in the document")


def em_widths(run: QGlyphRun) -> list[float]:
    """Each glyph's advance, in ems of its font."""
    raw = run.rawFont()
    return [p.x() / raw.pixelSize() for p in raw.advancesForGlyphIndexes(run.glyphIndexes())]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_english_is_set_in_a_latin_font_and_chinese_in_the_chinese_one(
    workspace: Workspace, lang: Language
) -> None:
    """The Chinese font draws “ and ” a full em wide, as Chinese sets them; in an
    English sentence they must be a Latin font's. Chinese names stay in the Chinese
    font in either plan."""
    measured_community(workspace)
    doc = layout_document(render_html(build_plan(workspace, W48, lang=lang, today=TODAY)))
    try:
        quoted = "新人 24 小时欢迎" if lang == "zh" else "First 24 hours welcome"
        (quote,) = glyph_runs(doc, "“" + quoted, 1)
        widths = em_widths(quote)
        if lang == "en":
            assert quote.rawFont().familyName() != cjk_family()
            # Not a full-width quote (1 em): a Latin font's is about half (DejaVu Sans 0.52).
            assert widths[0] < 0.7, widths
            letters = glyph_runs(doc, "welcome")
            assert all(r.rawFont().familyName() != cjk_family() for r in letters)
        else:
            assert quote.rawFont().familyName() == cjk_family() and widths[0] > 0.9, widths
        name = glyph_runs(doc, "数据测试群")
        assert [r.rawFont().familyName() for r in name] == [cjk_family()]
        assert all(name[0].glyphIndexes()), "a glyph missing: tofu"
    finally:
        shiboken6.delete(doc)
