"""Poster export: PNG of the exact size and not blank, vector PDF with its text,
SVG as rendered, font lists narrowed for Qt, files written whole or not at all."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontDatabase, QImage
from PySide6.QtWidgets import QApplication

import planner.export.poster as poster_module
from planner.export.poster import (
    PosterExportError,
    poster_image,
    poster_size,
    render_pdf,
    render_png,
    resolve_fonts,
    write_svg,
)
from planner.template_library import builtin_templates
from planner.templating import (
    RenderContext,
    Template,
    TemplateKind,
    poster_text,
    render_poster,
    sample_context,
)

POSTERS = [t for t in builtin_templates() if t.kind is TemplateKind.POSTER]
FONTS = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"


def rendered(template: Template) -> tuple[str, RenderContext]:
    ctx = sample_context(template.language)
    return render_poster(template, ctx), ctx


def non_white(image: QImage) -> int:
    """Pixels that are not white, sampled on a 4-pixel grid."""
    count = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            if image.pixelColor(x, y).lightness() < 250:
                count += 1
    return count


def pdf_text(path: Path) -> str:
    """The PDF's text as a viewer copies it, without white space."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


def shown(line: str) -> re.Pattern[str]:
    """A line of the poster as its text must come back from the PDF, exactly."""
    return re.compile(re.escape("".join(line.split())))


TWINS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\ufb00-\ufb06\u2012]")


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def test_poster_size_comes_from_the_view_box_or_the_size() -> None:
    assert poster_size('<svg viewBox="0 0 1080 1920" width="540">') == (1080, 1920)
    assert poster_size('<svg viewBox="0,0,100.5,50">') == (100.5, 50)
    assert poster_size('<svg width="300px" height="200">') == (300, 200)
    with pytest.raises(PosterExportError, match="viewBox"):
        poster_size("<svg>")
    with pytest.raises(PosterExportError, match="not SVG"):
        poster_size("<html/>")


@pytest.mark.parametrize("template", POSTERS, ids=[t.id for t in POSTERS])
@pytest.mark.parametrize(("width", "height"), [(1080, 1920), (540, 960), (333, 592)])
def test_png_has_the_exact_size_and_is_not_blank(
    qapp: QApplication, tmp_path: Path, template: Template, width: int, height: int
) -> None:
    svg, _ = rendered(template)
    out = tmp_path / "poster.png"
    render_png(svg, out, width_px=width)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (width, height)
    samples = (width // 4 + 1) * (height // 4 + 1)
    # A poster is mostly ink and colour, not a white page.
    assert non_white(image) > samples * 0.3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.png"]


def test_png_background_is_white_not_transparent(qapp: QApplication, tmp_path: Path) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect x="4" y="4" width="2" height="2"/></svg>'
    )
    out = tmp_path / "p.png"
    render_png(svg, out, width_px=100)
    image = QImage(str(out))
    assert image.pixelColor(1, 1) == QColor("#ffffff")
    assert image.pixelColor(50, 50).lightness() < 10


@needs_poppler
@pytest.mark.parametrize("template", POSTERS, ids=[t.id for t in POSTERS])
def test_pdf_is_vector_with_the_posters_text(
    qapp: QApplication, tmp_path: Path, template: Template
) -> None:
    svg, ctx = rendered(template)
    out = tmp_path / "poster.pdf"
    render_pdf(svg, out)
    flat = pdf_text(out)
    for line in poster_text(svg):
        assert shown(line).search(flat), line
    assert not TWINS.search(flat), "radicals, ligatures or figure dashes in the text"
    assert ("扫码进群" in flat) == (template.language == "zh")
    if template.language == "zh":
        assert "深夜读书会" in flat
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    assert "810 x 1440 pts" in info.stdout
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(images.stdout.strip().splitlines()) <= 2, "no raster images: text and QR are vector"
    assert ctx.join_link  # drawn as a path, not text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.pdf"]


def test_svg_is_written_as_rendered(tmp_path: Path) -> None:
    svg, _ = rendered(POSTERS[0])
    out = tmp_path / "poster.svg"
    write_svg(svg, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert text.endswith(svg)
    assert f'font-family="{FONTS}"' in text  # the full list, for browsers


def test_font_lists_are_narrowed_to_an_installed_family() -> None:
    installed = {"pingfang sc", "dejavu sans"}
    assert resolve_fonts(f'<text font-family="{FONTS}">', installed) == (
        '<text font-family="PingFang SC">'
    )
    assert resolve_fonts("<text font-family='Nope, sans-serif'>", installed) == (
        "<text font-family='Sans Serif'>"
    )
    css = '<text style="font-size:3px;font-family:Nope, DejaVu Sans">'
    assert (
        resolve_fonts(css, installed) == "<text style=\"font-size:3px;font-family:'DejaVu Sans'\">"
    )
    assert resolve_fonts('<text font-family="&quot;PingFang SC&quot;, x">', installed) == (
        '<text font-family="PingFang SC">'
    )


def test_chinese_gets_a_cjk_font_where_one_is_installed(qapp: QApplication) -> None:
    families = {f.casefold() for f in QFontDatabase.families()}
    cjk = [f for f in FONTS.split(", ")[:-1] if f.casefold() in families]
    if not cjk:
        pytest.skip("no CJK font from the poster's list is installed here")
    assert resolve_fonts(f'font-family="{FONTS}"') == f'font-family="{cjk[0]}"'


def test_a_failed_write_leaves_the_old_file(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svg, _ = rendered(POSTERS[0])
    out = tmp_path / "poster.png"
    out.write_bytes(b"old poster")
    monkeypatch.setattr(poster_module.QImageWriter, "write", lambda self, image: False)
    with pytest.raises(PosterExportError, match="cannot be written"):
        render_png(svg, out, width_px=100)
    assert out.read_bytes() == b"old poster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.png"]


def test_bad_targets_and_sizes_are_refused(qapp: QApplication, tmp_path: Path) -> None:
    svg, _ = rendered(POSTERS[0])
    with pytest.raises(PosterExportError, match="no such folder"):
        render_png(svg, tmp_path / "nope" / "p.png", width_px=100)
    with pytest.raises(PosterExportError, match="is a folder"):
        render_pdf(svg, tmp_path)
    with pytest.raises(PosterExportError, match="between"):
        poster_image(svg, 0)
    with pytest.raises(PosterExportError, match="between"):
        poster_image(svg, 100_000)


def test_the_preview_image_matches_the_png(qapp: QApplication, tmp_path: Path) -> None:
    svg, _ = rendered(POSTERS[0])
    image = poster_image(svg, 270)
    out = tmp_path / "p.png"
    render_png(svg, out, width_px=270)
    saved = QImage(str(out)).convertToFormat(image.format())
    assert saved == image
