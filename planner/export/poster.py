"""Posters out of the app: PNG, PDF (vector, selectable text) and SVG files.

A rendered poster is SVG text (see :mod:`planner.templating`). Qt's
``QSvgRenderer`` draws it onto a ``QImage`` (PNG, white background) or a
``QPdfWriter`` page the size of the poster (text stays text, so it can be
selected and searched). Every file is written whole or not at all: a temp
file beside it, then ``os.replace``.

Qt's SVG renderer takes ``font-family`` as one family name, while posters
give a list ("Noto Sans CJK SC, PingFang SC, ..., sans-serif") so they
look right in browsers too; before Qt draws, each list is narrowed to the
first family installed here, so Chinese shows in a CJK font on every
platform that has one. The SVG file itself is written as it was rendered.
"""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QMarginsF,
    QMessageLogContext,
    QRectF,
    QSizeF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
)
from PySide6.QtSvg import QSvgRenderer

from planner.errors import PlannerError
from planner.export.glyph_twins import glyph_twins
from planner.export.pdf_text import fix_text_mapping
from planner.files import atomic_path
from planner.i18n import QT_TRANSLATE_NOOP

MAX_PNG_WIDTH = 8_000
MAX_PNG_PIXELS = 80_000_000
PT_PER_PX = 0.75  # SVG user units are CSS pixels (96 per inch); PDF points are 72 per inch
GENERIC_FAMILIES = {
    "sans-serif": "Sans Serif",
    "serif": "Serif",
    "monospace": "Monospace",
}


class PosterExportError(PlannerError):
    """A poster cannot be drawn or written."""


_VIEWBOX = re.compile(r"\bviewBox\s*=\s*[\"']\s*([^\"']+)[\"']")
_LENGTH = r"\s*=\s*[\"']\s*([0-9.]+)\s*(?:px)?\s*[\"']"
_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_FONT_ATTR = re.compile(r"(font-family\s*=\s*)(\"[^\"]*\"|'[^']*')")
_FONT_CSS = re.compile(r"(font-family\s*:\s*)([^;\"'}]+(?:'[^']*'[^;\"'}]*)*)")


def poster_size(svg: str) -> tuple[float, float]:
    """The poster's width and height in SVG units (its viewBox, else width/height)."""
    tag = _SVG_TAG.search(svg)
    if tag is None:
        raise PosterExportError(
            QT_TRANSLATE_NOOP("Poster", "The poster is not SVG (no <svg> element).")
        )
    head = tag.group(0)
    box = _VIEWBOX.search(head)
    if box:
        parts = box.group(1).replace(",", " ").split()
        if len(parts) == 4:
            try:
                width, height = float(parts[2]), float(parts[3])
            except ValueError:
                width = height = 0.0
            if width > 0 and height > 0:
                return width, height
    found = []
    for name in ("width", "height"):
        match = re.search(rf"\b{name}{_LENGTH}", head)
        found.append(float(match.group(1)) if match else 0.0)
    if found[0] > 0 and found[1] > 0:
        return found[0], found[1]
    raise PosterExportError(
        QT_TRANSLATE_NOOP("Poster", "The poster has no size: give its <svg> a viewBox.")
    )


def _installed_families() -> set[str]:
    return {f.casefold() for f in QFontDatabase.families()}


def _first_installed(families: str, installed: set[str]) -> str:
    names = [n.strip().strip("\"'").strip() for n in families.replace("&quot;", '"').split(",")]
    names = [n for n in names if n]
    for name in names:
        if name.casefold() in installed:
            return name
    for name in names:
        if name.casefold() in GENERIC_FAMILIES:
            return GENERIC_FAMILIES[name.casefold()]
    return names[0] if names else "Sans Serif"


def first_installed_family(families: str) -> str:
    """The first family of a CSS ``font-family`` list that is installed here."""
    return _first_installed(families, _installed_families())


def resolve_fonts(svg: str, installed: set[str] | None = None) -> str:
    """``svg`` with every font-family list narrowed to one installed family (for Qt)."""
    fonts = installed if installed is not None else _installed_families()

    def attr(match: re.Match[str]) -> str:
        quote = match.group(2)[0]
        family = _first_installed(match.group(2)[1:-1], fonts)
        other = "'" if quote == '"' else '"'
        return f"{match.group(1)}{quote}{family.replace(quote, other)}{quote}"

    def css(match: re.Match[str]) -> str:
        family = _first_installed(match.group(2), fonts)
        return f"{match.group(1)}'{family}'" if " " in family else f"{match.group(1)}{family}"

    return _FONT_CSS.sub(css, _FONT_ATTR.sub(attr, svg))


def ensure_gui() -> None:
    """Fonts and painting need a QGuiApplication; the CLI has none, so make one.

    Qt's own messages (such as a font lacking a script) then go to the log,
    so the command line prints only its one line.
    """
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qInstallMessageHandler(_log_qt_message)
        # Kept for the life of the process, like the app's own.
        ensure_gui.app = QGuiApplication(["planner"])  # type: ignore[attr-defined]


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = logging.DEBUG if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) else logging.INFO
    logging.getLogger("qt").log(level, "%s", message)


def _renderer(svg: str) -> QSvgRenderer:
    ensure_gui()
    renderer = QSvgRenderer(QByteArray(resolve_fonts(svg).encode("utf-8")))
    if not renderer.isValid():
        raise PosterExportError(QT_TRANSLATE_NOOP("Poster", "Qt could not read the poster's SVG."))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return renderer


def poster_image(svg: str, width_px: int) -> QImage:
    """The poster drawn ``width_px`` wide on white (height from its aspect ratio)."""
    width, height = poster_size(svg)
    if not 1 <= width_px <= MAX_PNG_WIDTH:
        raise PosterExportError(
            QT_TRANSLATE_NOOP("Poster", "The width must be between 1 and {most} pixels.").format(
                most=f"{MAX_PNG_WIDTH:,}"
            )
        )
    height_px = max(round(width_px * height / width), 1)
    if width_px * height_px > MAX_PNG_PIXELS:
        raise PosterExportError(
            QT_TRANSLATE_NOOP(
                "Poster", "The image would be too large ({width} × {height} pixels)."
            ).format(width=f"{width_px:,}", height=f"{height_px:,}")
        )
    renderer = _renderer(svg)
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, width_px, height_px))
    finally:
        painter.end()
    return image


def _write_with(path: Path, write: Callable[[Path], bool]) -> None:
    with atomic_path(path, PosterExportError) as tmp:
        if not write(tmp):
            raise PosterExportError(
                QT_TRANSLATE_NOOP("Poster", "{path}: cannot be written.").format(path=path)
            )


def render_png(svg: str, path: Path, *, width_px: int) -> None:
    """Write the poster as a PNG ``width_px`` wide on white."""
    image = poster_image(svg, width_px)

    def write(tmp: Path) -> bool:
        writer = QImageWriter(str(tmp), QByteArray(b"png"))
        return bool(writer.write(image))

    _write_with(path, write)


def render_pdf(svg: str, path: Path) -> None:
    """Write the poster as a one-page vector PDF the size of the poster (text selectable)."""
    width, height = poster_size(svg)
    renderer = _renderer(svg)

    def write(tmp: Path) -> bool:
        writer = QPdfWriter(str(tmp))
        writer.setCreator("Community Planner")
        writer.setTitle("Poster")
        writer.setResolution(72)  # one device unit per point
        page = QPageSize(
            QSizeF(width * PT_PER_PX, height * PT_PER_PX), QPageSize.Unit.Point, "Poster"
        )
        writer.setPageLayout(
            QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        painter = QPainter()
        if not painter.begin(writer):
            return False
        try:
            # Without shaping, every glyph drawn is the one the font's cmap
            # names, so the PDF can map it back to its character. (Shaping
            # swaps Noto CJK's digits for unmapped glyphs outside Chinese
            # locales, and they would vanish from copied or searched text.)
            # The SVG's fonts start from the painter's.
            font = painter.font()
            font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
            painter.setFont(font)
            renderer.render(painter, QRectF(0, 0, writer.width(), writer.height()))
        finally:
            painter.end()
        # Qt names some glyphs after a twin character (一 as the radical ⼀):
        # give every glyph back the character the poster's text has.
        pdf = tmp.read_bytes()
        text = svg_text(svg)
        fixed = fix_text_mapping(pdf, text, twins=glyph_twins(_poster_fonts(svg), text))
        if fixed is not pdf:
            tmp.write_bytes(fixed)
        return True

    _write_with(path, write)


def _poster_fonts(svg: str) -> list[QRawFont]:
    """The fonts the poster's text is drawn in (each family, regular and bold)."""
    families = {
        first_installed_family(found.strip("'\""))
        for found in re.findall(r'font-family\s*[=:]\s*("[^"]*"|\'[^\']*\'|[^;"\'>]+)', svg)
    }
    fonts = []
    for family in sorted(families):
        for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
            font = QFont(family)
            font.setWeight(weight)
            fonts.append(QRawFont.fromFont(font))
    return [f for f in fonts if f.isValid()]


def svg_text(svg: str) -> str:
    """The characters of an SVG's text (its markup and entities resolved)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", svg))


def write_svg(svg: str, path: Path) -> None:
    """Write the poster's SVG as rendered (UTF-8, with an XML declaration)."""
    text = (
        svg
        if svg.lstrip().startswith("<?xml")
        else '<?xml version="1.0" encoding="UTF-8"?>\n' + svg
    )

    def write(tmp: Path) -> bool:
        tmp.write_text(text, encoding="utf-8")
        return True

    _write_with(path, write)
