"""Weekly plan PDF: the text extracts exactly as typed (pypdf and pdftotext), pages
break between rows with a footer on each, paper sizes, and files written whole."""

from __future__ import annotations

import errno
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QFont, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

import planner.export.weekly_pdf as weekly_pdf
from planner.export.glyph_twins import fonts_used, glyph_twins
from planner.export.pdf_text import cmap_entries, fix_cmap, fix_text_mapping
from planner.export.weekly_pdf import (
    WeeklyPdfError,
    layout_document,
    page_count,
    page_layout,
    paint_pages,
    render_pdf_bytes,
    with_cjk_fallback,
    write_weekly_pdf,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)
KANGXI = re.compile("[\u2e80-\u2fdf\u31c0-\u31ef\uf900-\ufaff\ufb00-\ufb06]")
ZH_LABEL = "第 {page} 页，共 {pages} 页"


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    """A QApplication before the exporter would make a QGuiApplication of its own."""


def flat(text: str) -> str:
    return "".join(text.split())


def pypdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def poppler_pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")[:-1]


def both(path: Path) -> Iterator[tuple[str, list[str]]]:
    yield "pypdf", pypdf_pages(path)
    yield "pdftotext", poppler_pages(path)


# -- the text ---------------------------------------------------------------------------

SAMPLES = (
    "12",
    "2026-W48",
    "第48周",
    "12:30",
    "¥1,200",
    "fi/ffl",
    "office 11月23日",
    "一人日大力文月",
    "长风角二小示行",
    "胶水～–•〈书〉／",
    "１２３ＡＢＣ",
)


def sample_table(samples: tuple[str, ...]) -> tuple[str, int]:
    """One cell a row: every sample in CJK and Latin fonts, regular and bold, 3 sizes."""
    styles = [
        f"font-family: {family}; font-size: {size}pt; font-weight: {weight}"
        for family in ("'Noto Sans CJK SC'", "'DejaVu Sans', sans-serif")
        for weight in (400, 700)
        for size in (7, 10, 16)
    ]
    rows = "".join(f'<tr><td style="{s}">{text}</td></tr>' for text in samples for s in styles)
    return f'<table border="1" cellpadding="3">{rows}</table>', len(styles)


@needs_poppler
def test_every_sample_extracts_as_typed_in_every_font_weight_and_size(tmp_path: Path) -> None:
    html, variants = sample_table(SAMPLES)
    out = tmp_path / "samples.pdf"
    write_weekly_pdf(html, out)
    for tool, pages in both(out):
        text = flat("".join(pages))
        for sample in SAMPLES:
            assert text.count(flat(sample)) >= variants, (tool, sample)
        assert not KANGXI.findall(text), tool


@needs_poppler
def test_a_plan_with_chinese_titles_extracts_exactly(tmp_path: Path) -> None:
    titles = ["一人一日：大力推进 12月31日", "人人读书日 第3期 office", "大月初一 fi 直播 20:00"]
    rows = "".join(
        f"<tr><td>☐</td><td>0{n}:30</td><td><b>{t}</b></td><td>Lily 李</td></tr>"
        for n, t in enumerate(titles, start=7)
    )
    html = f"<h1>周计划 2026-W48</h1><p>11月23日–29日</p><table>{rows}</table>"
    out = tmp_path / "plan.pdf"
    write_weekly_pdf(html, out, title="周计划 · 2026-W48", page_label=ZH_LABEL)
    for tool, pages in both(out):
        text = "".join(pages)
        for expected in [*titles, "周计划 2026-W48", "11月23日–29日", "Lily 李", "07:30"]:
            assert flat(expected) in flat(text), (tool, expected)
        assert "第1页，共1页" in flat(text), tool
        assert not KANGXI.findall(text), tool
        assert "\ufb01" not in text and "\u2012" not in text, tool


@pytest.mark.qt_log_ignore("OpenType support missing")
def test_text_no_installed_font_covers_is_written_not_a_crash(tmp_path: Path) -> None:
    """Boxes drawn for a script with no font come from a font that cannot be asked its
    name; the writer leaves it out instead of crashing (नमस्ते: Devanagari, no font here)."""
    out = tmp_path / "plan.pdf"
    html = "<p>晨读 一人日 12 नमस्ते ok</p>"
    assert write_weekly_pdf(html, out, page_label=ZH_LABEL) == 1
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "晨读一人日12" in text and "ok" in text


@needs_poppler
def test_a_radical_that_was_typed_stays_a_radical(tmp_path: Path) -> None:
    out = tmp_path / "radical.pdf"
    write_weekly_pdf("<p>部首 ⽂ 与 ⼈</p>", out)
    for tool, pages in both(out):
        assert "⽂" in pages[0] and "⼈" in pages[0], tool


@needs_poppler
def test_characters_beyond_the_bmp_keep_their_text(tmp_path: Path) -> None:
    # Qt names glyphs by BMP code points only; 𠮷 (U+20BB7) had no text at all.
    out = tmp_path / "astral.pdf"
    write_weekly_pdf("<p>吉𠮷野家 店长</p><p><b>𠮷田 office</b></p>", out)
    for tool, pages in both(out):
        assert "吉𠮷野家" in flat(pages[0]) and "𠮷田" in flat(pages[0]), tool


def test_the_document_draws_each_glyph_its_font_maps() -> None:
    doc = layout_document("<p>2026-W48 office</p>")
    strategy = doc.defaultFont().styleStrategy()
    assert strategy & QFont.StyleStrategy.PreferNoShaping


# -- fix_text_mapping -------------------------------------------------------------------


SECTIONS = re.compile(r"\d+ begin(bfchar|bfrange).*?end\1\n?", re.DOTALL)


def cmap(body: str) -> bytes:
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("latin-1")


def test_an_incrementing_range_is_split_around_the_codes_that_change() -> None:
    original = cmap("1 beginbfrange\n<0010> <0014> <2F00>\nendbfrange\n")
    # ⼀⼁⼂⼃⼄ stand in for 一丨丶丿乙; the ⼁ was typed, so it stays.
    fixed = fix_cmap(original, "一⼁丶丿乙")
    assert cmap_entries(fixed) == {0x10: "一", 0x11: "⼁", 0x12: "丶", 0x13: "丿", 0x14: "乙"}
    text = fixed.decode("latin-1")
    assert "<0011> <0011> <2F01>" in text
    assert "beginbfchar" in text
    # Everything around the mapping sections is as it was.
    assert SECTIONS.sub("", text) == SECTIONS.sub("", original.decode("latin-1"))


def test_array_ranges_and_single_codes_are_rewritten_in_place() -> None:
    original = cmap(
        "1 beginbfrange\n<0001> <0003> [<0066> <FB01> <2F08>]\nendbfrange\n"
        "2 beginbfchar\n<0005> <FB03>\n<0006> <2ED3>\nendbfchar\n"
    )
    fixed = fix_cmap(original, "f fi 人 ffi 长")
    assert cmap_entries(fixed) == {1: "f", 2: "fi", 3: "人", 5: "ffi", 6: "长"}
    assert "[<0066> <00660069> <4EBA>]" in fixed.decode("latin-1")


def test_a_map_with_nothing_to_change_is_returned_as_it_was() -> None:
    original = cmap("1 beginbfrange\n<0001> <0003> <4E00>\nendbfrange\n")
    assert fix_cmap(original, "一丁丂") is original


def test_twins_name_the_character_that_was_typed() -> None:
    original = cmap("2 beginbfchar\n<0001> <3B35>\n<0002> <0009>\nendbfchar\n")
    fixed = fix_cmap(original, "胶 水", {"\u3b35": "胶", "\t": " "})
    assert cmap_entries(fixed) == {1: "胶", 2: " "}


def test_more_than_a_hundred_split_codes_make_several_blocks() -> None:
    original = cmap("1 beginbfrange\n<0100> <01D5> <2F00>\nendbfrange\n")
    source = "".join(unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6))
    fixed = fix_cmap(original, source).decode("latin-1")
    counts = [int(n) for n in re.findall(r"(\d+) beginbfchar", fixed)]
    assert sum(counts) == 0xD6 and max(counts) <= 100


@needs_poppler
def test_a_qt_pdf_with_incrementing_ranges_of_radicals_is_fixed() -> None:
    # The Kangxi radicals' ideographs, in radical order: consecutive glyphs whose
    # names Qt writes as consecutive radicals, in incrementing bfranges.
    source = "".join(unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6))
    doc = layout_document(f"<p>{source}</p>")
    pdf, _ = render_pdf_bytes(doc)
    ranges = [
        m
        for data in font_maps(pdf)
        for m in re.finditer(r"<([0-9A-F]{4})> <([0-9A-F]{4})> <(2F[0-9A-F]{2})>", data.decode())
        if m.group(1) != m.group(2)
    ]
    assert ranges, "Qt no longer writes incrementing ranges of radicals"
    fixed = fix_text_mapping(pdf, source)
    for data in font_maps(fixed):
        assert not KANGXI.findall("".join(cmap_entries(data).values()))
    out = subprocess.run(["pdftotext", "-", "-"], input=fixed, capture_output=True, check=True)
    assert source in flat(out.stdout.decode("utf-8"))


def font_maps(pdf: bytes) -> list[bytes]:
    """The ToUnicode CMap of each font of the first page."""
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"].get_object()
    assert isinstance(resources, DictionaryObject)
    fonts = resources["/Font"].get_object()
    assert isinstance(fonts, DictionaryObject)
    return [font.get_object()["/ToUnicode"].get_object().get_data() for font in fonts.values()]


# -- pages ------------------------------------------------------------------------------


def long_table(rows: int) -> str:
    body = "".join(
        f"<tr><td>☐</td><td>行{n}上 第{n}期 一人日大</td><td>行{n}下<br>第二行 office {n}</td></tr>"
        for n in range(1, rows + 1)
    )
    return (
        '<h2>周计划</h2><table width="100%" border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr><th>✓</th><th>表头标题</th><th>备注</th></tr></thead>{body}</table>"
    )


@needs_poppler
def test_a_long_plan_has_a_footer_on_every_page_and_rows_stay_whole(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    pages = write_weekly_pdf(long_table(120), out, page_label=ZH_LABEL, title="周计划 2026-W48")
    assert pages > 2
    assert len(PdfReader(out).pages) == pages
    for tool, texts in both(out):
        assert len(texts) == pages, tool
        seen: set[int] = set()
        for number, text in enumerate(texts, start=1):
            page = flat(text)
            assert f"第{number}页，共{pages}页" in page, (tool, number)
            assert "周计划2026-W48" in page, (tool, number)
            assert "表头标题" in page, (tool, number)  # the header rows repeat
            here = {int(n) for n in re.findall(r"行(\d+)上", page)}
            assert here == {int(n) for n in re.findall(r"行(\d+)下", page)}, (tool, number)
            assert not here & seen, (tool, number)
            seen |= here
        assert seen == set(range(1, 121)), tool


def test_paragraphs_stay_whole(tmp_path: Path) -> None:
    out = tmp_path / "paragraphs.pdf"
    html = "".join(f"<p>段{n}甲 一人日<br>段{n}乙 大月<br>段{n}丙 office</p>" for n in range(90))
    assert write_weekly_pdf(html, out) > 1
    for tool, texts in both(out):
        for text in texts:
            page = flat(text)
            firsts = set(re.findall(r"段(\d+)甲", page))
            assert firsts == set(re.findall(r"段(\d+)丙", page)), tool


def test_a_row_taller_than_a_page_is_cut_between_lines_and_loses_nothing(
    tmp_path: Path,
) -> None:
    cell = "<br>".join(f"第{n}行 一人日大" for n in range(1, 151))
    html = f"<table border='1'><tr><td>左</td><td>{cell}</td></tr></table><p>完</p>"
    out = tmp_path / "tall.pdf"
    pages = write_weekly_pdf(html, out)
    assert pages >= 3
    for tool, texts in both(out):
        numbers = [int(n) for n in re.findall(r"第(\d+)行", flat("".join(texts)))]
        # Each line once, but for the line above each cut (see planner.export.pages).
        assert sorted(set(numbers)) == list(range(1, 151)), tool
        assert len(numbers) <= 150 + pages - 1, tool
        assert "完" in texts[-1], tool


def test_page_labels_in_english(tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    pages = write_weekly_pdf(long_table(80), out)
    texts = pypdf_pages(out)
    assert pages >= 2
    assert f"Page 2 of {pages}" in texts[1]


def test_an_empty_plan_is_one_page_with_its_footer(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert write_weekly_pdf("", out) == 1
    assert "Page 1 of 1" in pypdf_pages(out)[0]


def test_a_forced_page_break_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "break.pdf"
    html = "<p>第一部分</p><p style='page-break-before: always'>第二部分</p>"
    assert write_weekly_pdf(html, out) == 2
    first, second = pypdf_pages(out)
    assert "第一部分" in first and "第二部分" in second


@pytest.mark.parametrize(
    ("paper", "landscape", "size"),
    [
        ("a4", False, (595.3, 841.9)),
        ("a4", True, (841.9, 595.3)),
        ("letter", False, (612.0, 792.0)),
        ("letter", True, (792.0, 612.0)),
    ],
)
def test_paper_sizes(
    tmp_path: Path, paper: weekly_pdf.Paper, landscape: bool, size: tuple[float, float]
) -> None:
    out = tmp_path / f"{paper}.pdf"
    write_weekly_pdf(long_table(30), out, paper=paper, landscape=landscape)
    for page in PdfReader(out).pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.5)


def test_landscape_pages_are_fewer_and_wider(tmp_path: Path) -> None:
    portrait = write_weekly_pdf(long_table(60), tmp_path / "p.pdf")
    landscape = write_weekly_pdf(long_table(60), tmp_path / "l.pdf", landscape=True)
    assert landscape > portrait  # shorter pages, and the rows hardly get shorter


def test_paint_pages_on_another_device_and_stopping_early() -> None:
    doc = layout_document(long_table(80), resolution=300)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(1200)  # as a high-resolution printer
    writer.setPageLayout(page_layout("a4"))
    painter = QPainter(writer)
    try:
        calls: list[int] = []

        def new_page() -> bool:  # the second page, then no more
            calls.append(1)
            return len(calls) < 2 and writer.newPage()

        drawn = paint_pages(
            doc,
            painter,
            QRectF(0, 0, writer.width(), writer.height()),
            page_label="{page}/{pages}",
            first=5,
            new_page=new_page,
        )
    finally:
        painter.end()
    assert page_count(doc) > 2
    assert drawn == 2
    pdf = io.BytesIO(bytes(buffer.data().data()))
    texts = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(texts) == 2
    assert f"5/{4 + page_count(doc)}" in texts[0] and f"6/{4 + page_count(doc)}" in texts[1]


# -- files ------------------------------------------------------------------------------


def test_an_existing_file_is_replaced_only_on_success(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")

    def broken(pdf: bytes, source_text: str, **_: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(weekly_pdf, "fix_text_mapping", broken)
    with pytest.raises(RuntimeError):
        write_weekly_pdf("<p>一</p>", out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]
    monkeypatch.undo()
    write_weekly_pdf("<p>一</p>", out)
    assert out.read_bytes().startswith(b"%PDF-1.4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_a_failed_replace_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("planner.files.os.replace", refuse)  # the atomic writer it uses
    with pytest.raises(WeeklyPdfError, match="cannot be written"):
        write_weekly_pdf("<p>一</p>", out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WeeklyPdfError, match="no such folder"):
        write_weekly_pdf("<p>一</p>", tmp_path / "nope" / "plan.pdf")
    with pytest.raises(WeeklyPdfError, match="is a folder"):
        write_weekly_pdf("<p>一</p>", tmp_path)


def test_unknown_paper_is_a_clear_error() -> None:
    with pytest.raises(WeeklyPdfError, match="a4 or letter"):
        page_layout("a5")  # type: ignore[arg-type]


# -- fonts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p style=\"font-family: 'DejaVu Sans'\">",
            "<p style=\"font-family: 'DejaVu Sans', CJK\">",
        ),
        (
            "<p style='font-family: \"Inter\", sans-serif; color: red'>",
            "<p style='font-family: \"Inter\", CJK, sans-serif; color: red'>",
        ),
        (
            "<style>td { font-family: cjk, serif }</style>",
            "<style>td { font-family: cjk, serif }</style>",
        ),
        ('<font face="Arial">x</font>', '<font face="Arial, CJK">x</font>'),
        ("<p>no fonts</p>", "<p>no fonts</p>"),
    ],
)
def test_every_font_list_falls_back_to_the_chinese_font(html: str, expected: str) -> None:
    assert with_cjk_fallback(html, "CJK") == expected


def test_chinese_in_a_latin_font_is_set_in_the_chinese_font_not_japanese() -> None:
    doc = layout_document("<p style=\"font-family: 'DejaVu Sans'\">ab 直骨</p>")
    doc.size()
    families = {raw.familyName() for raw in fonts_used(doc)}
    assert families == {"DejaVu Sans", weekly_pdf.cjk_family()}


def test_the_exporter_never_loads_qtwidgets() -> None:
    code = (
        "import sys\n"
        "import planner.export.weekly_pdf, planner.export.pages, planner.export.pdf_text\n"
        "print('PySide6.QtWidgets' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_glyph_twins_are_found_in_the_fonts_used() -> None:
    doc = layout_document("<p>一人 胶水 9–10 <b>日月</b></p>")
    doc.size()
    fonts = fonts_used(doc)
    if weekly_pdf.cjk_family() != "Noto Sans CJK SC":
        pytest.skip("the twins below are Noto Sans CJK SC's")
    twins = glyph_twins(fonts, "一人 胶水 9–10 日月")
    assert {"⼀": "一", "⼈": "人", "㬵": "胶", "‒": "–", "⽇": "日", "⽉": "月"}.items() <= (
        twins.items()
    )
    assert "⼀" not in glyph_twins(fonts, "一 ⼀")  # both typed: Qt's name is right for one
