"""QR codes: a standard QR symbol, drawn as one SVG path that Qt renders, and
scannable in the posters as exported (decoded with zxing-cpp)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import segno
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from planner.export.poster import poster_image
from planner.qr import QUIET_ZONE, QRTextError, make_symbol, path_data, qr_svg
from planner.template_library import builtin_templates
from planner.templating import Template, TemplateKind, render_poster, sample_context

SVG_NS = "http://www.w3.org/2000/svg"
TEXTS = [
    "https://example.com/join?group=night-owls",
    "加入「深夜读书会 · 付费会员圈」：添加群主 Lily 李，备注“入群”。",
    "x",
    "Join “Night Owls Reading Circle”: message Lily Li 🦉",
]


def dark_modules(d: str) -> set[tuple[int, int]]:
    """The modules an "M x y h w v 1 h -w z" path fills."""
    found: set[tuple[int, int]] = set()
    for x, y, w, back in re.findall(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z", d):
        assert w == back
        found |= {(int(x) + i, int(y)) for i in range(int(w))}
    assert re.sub(r"M\d+ \d+h\d+v1h-\d+z", "", d) == "", "only rectangle subpaths"
    return found


def matrix_modules(rows: tuple[tuple[bool, ...], ...]) -> set[tuple[int, int]]:
    return {(x, y) for y, row in enumerate(rows) for x, dark in enumerate(row) if dark}


@pytest.mark.parametrize("text", TEXTS)
def test_the_symbol_is_segnos_standard_qr(text: str) -> None:
    symbol = make_symbol(text)
    reference = segno.make_qr(text, error="m", mode="byte", encoding="utf-8")
    assert not reference.is_micro
    assert symbol.version == reference.version
    assert symbol.width == 17 + 4 * symbol.version
    assert symbol.rows == tuple(tuple(bool(m) for m in row) for row in reference.matrix)
    assert symbol.error in ("M", "Q", "H")


@pytest.mark.parametrize("text", TEXTS)
def test_the_path_fills_exactly_the_dark_modules(text: str) -> None:
    symbol = make_symbol(text)
    assert dark_modules(path_data(symbol)) == matrix_modules(symbol.rows)


def test_the_svg_is_one_plain_path_in_a_square() -> None:
    group = ET.fromstring(qr_svg("hello", 10, 20, 330).replace("<g>", f'<g xmlns="{SVG_NS}">'))
    rect, path = list(group)
    assert rect.tag.endswith("rect") and path.tag.endswith("path")
    assert (rect.get("x"), rect.get("y"), rect.get("width")) == ("10", "20", "330")
    assert rect.get("fill") == "#ffffff" and path.get("fill") == "#000000"
    assert set(path.attrib) == {"transform", "fill", "d"}
    symbol = make_symbol("hello")
    module = 330 / (symbol.width + 2 * QUIET_ZONE)
    assert path.get("transform") == (
        f"translate({10 + QUIET_ZONE * module:g} {20 + QUIET_ZONE * module:g}) scale({module:g})"
    )


def test_text_that_cannot_be_a_qr_code_is_refused() -> None:
    with pytest.raises(QRTextError, match="needs some text"):
        make_symbol("")
    with pytest.raises(QRTextError, match="too long"):
        make_symbol("字" * 300)


def _svg_with_qr(text: str, size: int) -> str:
    return (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 {size} {size}" width="{size}" height="{size}">'
        f"{qr_svg(text, 0, 0, size)}</svg>"
    )


@pytest.mark.parametrize("text", TEXTS)
def test_qt_draws_every_module_where_it_belongs(qapp: QApplication, text: str) -> None:
    symbol = make_symbol(text)
    modules = symbol.width + 2 * QUIET_ZONE
    scale = 8
    image = poster_image(_svg_with_qr(text, modules * scale), modules * scale)
    for y in range(-QUIET_ZONE, symbol.width + QUIET_ZONE):
        for x in range(-QUIET_ZONE, symbol.width + QUIET_ZONE):
            inside = 0 <= x < symbol.width and 0 <= y < symbol.width
            dark = inside and symbol.rows[y][x]
            centre = image.pixelColor(
                (x + QUIET_ZONE) * scale + scale // 2, (y + QUIET_ZONE) * scale + scale // 2
            )
            assert centre.lightness() < 64 if dark else centre.lightness() > 192, (x, y)


@pytest.mark.parametrize("text", TEXTS)
def test_the_drawn_code_decodes_to_its_text(qapp: QApplication, text: str) -> None:
    image = poster_image(_svg_with_qr(text, 400), 400)
    found = zxingcpp.read_barcodes(image.convertToFormat(QImage.Format.Format_Grayscale8))
    assert [(b.format, b.text) for b in found] == [(zxingcpp.BarcodeFormat.QRCode, text)]


POSTERS = [t for t in builtin_templates() if t.kind is TemplateKind.POSTER]


@pytest.mark.parametrize("template", POSTERS, ids=[t.id for t in POSTERS])
@pytest.mark.parametrize("width", [1080, 540])
def test_the_qr_in_every_built_in_poster_scans(
    qapp: QApplication, template: Template, width: int
) -> None:
    ctx = sample_context(template.language)
    image = poster_image(render_poster(template, ctx), width)
    found = zxingcpp.read_barcodes(image.convertToFormat(QImage.Format.Format_Grayscale8))
    assert [b.text for b in found] == [ctx.join_link]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode
