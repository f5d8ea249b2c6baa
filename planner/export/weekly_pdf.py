"""The weekly plan as a paginated PDF whose text copies and searches as it was typed.

The plan arrives as HTML in the subset ``QTextDocument`` reads (see
:mod:`planner.weekly_plan`). :func:`layout_document` lays it out the width of
the paper's text area (the page less its margins), as one long page;
:mod:`planner.export.pages` then breaks it into pages the height of the text
area less a footer band, between table rows and blocks, repeating a table's
header rows. :func:`paint_pages` draws each page's slice and a footer (the
title at left, "Page 2 of 5" at right) on any painter: a ``QPdfWriter`` here,
a ``QPrinter`` in the app's print preview.

Two things keep the PDF's text exact (see :mod:`planner.export.pdf_text`):

- every font of the document prefers no shaping, so each glyph drawn is the
  one the font's cmap gives for its character. With shaping, Noto Sans CJK's
  ``locl`` feature swaps the digits of a Latin run ("2026-W48", "office 11")
  for glyphs no cmap entry reaches, and ``liga`` makes "fi" one glyph; Qt can
  map neither back, so "2026" and "11" vanished from the text and "fi" came
  back as "ﬁ". (Chinese, Latin and the other simple scripts need no shaping
  to look right; Qt still shapes the scripts that do, Arabic or Devanagari.)
- :func:`write_weekly_pdf` then rewrites each font's ToUnicode CMap, where
  Qt names the lowest code point that shares a glyph (⼀ for 一, 㬵 for 胶,
  ‒ for –), with the twins found in the very fonts the layout used (see
  :mod:`planner.export.glyph_twins`).

Files are written whole or not at all: the finished bytes go to a temp file
beside the target, which then replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextDocument,
)

from planner.errors import PlannerError
from planner.export.glyph_twins import fonts_used, glyph_twins
from planner.export.pages import PageSlice, paginate
from planner.export.pdf_text import fix_text_mapping
from planner.export.poster import ensure_gui, first_installed_family
from planner.files import check_target, write_atomically
from planner.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "Paper",
    "PlanDocument",
    "WeeklyPdfError",
    "fix_text_mapping",
    "layout_document",
    "page_count",
    "page_layout",
    "paint_pages",
    "weekly_pdf_bytes",
    "write_weekly_pdf",
]

Paper = Literal["a4", "letter"]

CJK_FAMILIES = (
    "Noto Sans CJK SC, Source Han Sans SC, Noto Sans SC, PingFang SC, Hiragino Sans GB, "
    "Microsoft YaHei, WenQuanYi Micro Hei, sans-serif"
)
BODY_POINTS = 10.0
FOOTER_POINTS = 7.5
FOOTER_COLOR = "#6b7280"
RULE_COLOR = "#d1d5db"
MARGINS_MM = QMarginsF(15, 15, 15, 12)  # left, top, right, bottom
FOOTER_BAND_MM = 9.0  # at the foot of the text area: a gap, a hairline rule, one line
MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
CSS_DPI = 96  # an HTML pixel is 1/96 inch, at any layout resolution
# The PDF's layout resolution: a high-resolution QPrinter's, so the print
# preview breaks pages where the file does. (At 300 dpi, line heights rounded
# to whole dots run about 1% taller: 38 pages of a busy week instead of 37.)
PDF_RESOLUTION = 1200
EDGE_PX = 0.05  # how far inside a page's band the drawing stops (see _draw_band)
_PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
_FONT_CSS = re.compile(r"(font-family\s*:\s*)((?:'[^'<>]*'|\"[^\"<>]*\"|[^;'\"}<>])+)", re.I)
_FONT_FACE = re.compile(r"(<font\b[^>]*?\bface\s*=\s*)(\"[^\"]*\"|'[^']*')", re.I)


class WeeklyPdfError(PlannerError):
    """The weekly plan cannot be laid out or written as a PDF."""


def page_layout(paper: Paper = "a4", *, landscape: bool = False) -> QPageLayout:
    """The plan's paper, orientation and margins, for a ``QPdfWriter`` or a ``QPrinter``."""
    if paper not in _PAGE_SIZES:
        raise WeeklyPdfError(
            QT_TRANSLATE_NOOP(
                "WeeklyPdf", "Unknown paper size {paper}: choose a4 or letter."
            ).format(paper=repr(paper))
        )
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(_PAGE_SIZES[paper]), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def cjk_family() -> str:
    """The Chinese font the plan is set in: the first of :data:`CJK_FAMILIES` installed."""
    ensure_gui()
    return first_installed_family(CJK_FAMILIES)


def with_cjk_fallback(html: str, family: str) -> str:
    """``html`` with ``family`` in every font-family list (before any generic family).

    A list without a Chinese font leaves Chinese to the system's fallback,
    which here picks Noto Sans CJK JP: Japanese glyph forms in a Chinese plan.
    """

    def extended(families: str) -> str:
        parts = [p.strip() for p in families.split(",") if p.strip(" \"'")]
        names = [p.strip("\"'").strip().casefold() for p in parts]
        if family.casefold() in names:
            return families
        at = next((i for i, n in enumerate(names) if n in _GENERIC), len(names))
        parts.insert(at, family)  # unquoted, valid in either kind of quoted attribute
        return ", ".join(parts)

    def css(match: re.Match[str]) -> str:
        value = match.group(2)
        trail = value[len(value.rstrip()) :]
        return match.group(1) + extended(value.rstrip()) + trail

    def face(match: re.Match[str]) -> str:
        quoted = match.group(2)
        return match.group(1) + quoted[0] + extended(quoted[1:-1]) + quoted[0]

    return _FONT_FACE.sub(face, _FONT_CSS.sub(css, html))


def _plain_font(family: str, points: float) -> QFont:
    font = QFont()
    font.setFamilies([family])
    font.setPointSizeF(points)
    # Each glyph straight from the font's cmap, so the PDF can map it back
    # (see the module's docstring). Every fragment of a document inherits it.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


class PlanDocument(QTextDocument):
    """A document laid out as one long page of the paper's text width.

    Attributes:
        body_height: the height of a page's text area less the footer band,
            in the document's units (dots of its ``resolution``).
        resolution: dots per inch of the layout (HTML pixels stay 1/96 inch).
    """

    def __init__(self, resolution: int, body_height: float) -> None:
        super().__init__()
        self.resolution = resolution
        self.body_height = body_height
        # Fonts are sized for the layout's paint device; an image of the
        # resolution asked for stands in for the printer or the PDF.
        self._device = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(resolution / MM_PER_INCH * 1000)
        self._device.setDotsPerMeterX(dots_per_metre)
        self._device.setDotsPerMeterY(dots_per_metre)
        self.documentLayout().setPaintDevice(self._device)
        self._pages: tuple[int, list[PageSlice]] | None = None

    def pages(self) -> list[PageSlice]:
        """Where the document breaks into pages (see :mod:`planner.export.pages`)."""
        if self._pages is None or self._pages[0] != self.revision():
            self._pages = (self.revision(), paginate(self, self.body_height))
        return self._pages[1]


def layout_document(
    html: str, *, paper: Paper = "a4", landscape: bool = False, resolution: int = 300
) -> QTextDocument:
    """``html`` laid out for the text area of ``paper``, in ``resolution`` dots per inch.

    The text width is the paper's less its margins (:func:`page_layout`); each
    page's body is as tall as the text area less the footer band. The
    document is laid out as one long page; :func:`paint_pages` cuts it
    between rows and blocks (see :mod:`planner.export.pages`).
    """
    if not 72 <= resolution <= 2400:
        raise WeeklyPdfError(
            QT_TRANSLATE_NOOP(
                "WeeklyPdf", "A resolution of {dpi} dpi is out of range (72 to 2400)."
            ).format(dpi=resolution)
        )
    area = page_layout(paper, landscape=landscape).paintRect(QPageLayout.Unit.Point)
    scale = resolution / PT_PER_INCH
    band = FOOTER_BAND_MM / MM_PER_INCH * PT_PER_INCH
    family = cjk_family()  # makes the QGuiApplication fonts need, if there is none
    doc = PlanDocument(resolution, (area.height() - band) * scale)
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(_plain_font(family, BODY_POINTS))
    doc.setHtml(with_cjk_fallback(html, family))
    doc.setTextWidth(area.width() * scale)
    return doc


def _layout_dpi(doc: QTextDocument) -> float:
    device = doc.documentLayout().paintDevice()
    return float(device.logicalDpiY()) if device is not None else float(CSS_DPI)


def _slices(doc: QTextDocument) -> tuple[list[PageSlice], QSizeF]:
    """The pages of ``doc`` and the size of a page's body, in the document's units."""
    if isinstance(doc, PlanDocument):
        return doc.pages(), QSizeF(doc.textWidth(), doc.body_height)
    page = doc.pageSize()  # a document Qt paginated itself
    if page.width() <= 0 or page.height() <= 0:
        raise WeeklyPdfError(
            QT_TRANSLATE_NOOP(
                "WeeklyPdf", "The document has no pages: lay it out with layout_document."
            )
        )
    height = page.height()
    return [PageSlice(i * height, (i + 1) * height) for i in range(doc.pageCount())], page


def _draw_band(
    doc: QTextDocument, painter: QPainter, origin: QPointF, scale: float, band: QRectF, at: float
) -> None:
    """The document's ``band`` drawn ``at`` that height of the page (document units).

    Qt draws every line that touches the clip, and a line clipped out of
    sight still leaves its text in the PDF: a line that starts right at a
    page break would be found on both pages. The band is drawn a hair short
    of its edges, so only what shows on a page is drawn on it.
    """
    hair = EDGE_PX * _layout_dpi(doc) / CSS_DPI
    clip = band.adjusted(0, hair, 0, -hair) if band.height() > 2 * hair else band
    painter.save()
    painter.translate(origin)
    painter.scale(scale, scale)
    painter.translate(0, at - band.top())
    doc.drawContents(painter, clip)
    painter.restore()


def paint_pages(
    doc: QTextDocument,
    painter: QPainter,
    page_rect: QRectF,
    *,
    page_label: str,
    title: str = "",
    first: int = 1,
    new_page: Callable[[], bool],
) -> int:
    """Draw ``doc`` page by page, each with its footer; returns the pages drawn.

    ``page_rect`` is the printable area of a page in the painter's
    coordinates (for a ``QPdfWriter`` or ``QPrinter`` set up with
    :func:`page_layout`: ``QRectF(0, 0, device.width(), device.height())``).
    The document is scaled to its width; the footer band sits at its foot.
    ``page_label`` is a template with ``{page}`` and ``{pages}``; pages are
    numbered from ``first``. ``new_page`` starts the next page (the device's
    ``newPage``); when it fails, drawing stops.
    """
    slices, body = _slices(doc)
    band = FOOTER_BAND_MM / MM_PER_INCH * _layout_dpi(doc)  # in document units
    scale = min(page_rect.width() / body.width(), page_rect.height() / (body.height() + band))
    last = first + len(slices) - 1
    footer_font = _plain_font(cjk_family(), FOOTER_POINTS)
    drawn = 0
    for index, piece in enumerate(slices):
        if index and not new_page():
            break
        at = 0.0
        if piece.header is not None:
            top, bottom = piece.header
            header = QRectF(0, top, body.width(), bottom - top)
            _draw_band(doc, painter, page_rect.topLeft(), scale, header, at)
            at += bottom - top
        content = QRectF(0, piece.top, body.width(), piece.bottom - piece.top)
        _draw_band(doc, painter, page_rect.topLeft(), scale, content, at)
        footer = QRectF(
            page_rect.left(),
            page_rect.top() + body.height() * scale,
            body.width() * scale,
            band * scale,
        )
        label = page_label.replace("{page}", str(first + index)).replace("{pages}", str(last))
        _paint_footer(painter, footer, footer_font, title, label)
        drawn += 1
    return drawn


def page_count(doc: QTextDocument) -> int:
    """How many pages :func:`paint_pages` draws ``doc`` on."""
    return len(_slices(doc)[0])


def footer_texts(page_label: str, title: str, pages: int, first: int = 1) -> str:
    """Every string the footers of ``pages`` pages show (for the PDF's text mapping)."""
    last = first + pages - 1
    labels = (
        page_label.replace("{page}", str(n)).replace("{pages}", str(last))
        for n in range(first, last + 1)
    )
    return "\n".join([title, *labels])


def _paint_footer(painter: QPainter, band: QRectF, font: QFont, title: str, label: str) -> None:
    """A hairline rule across ``band``, then ``title`` at left and ``label`` at right."""
    painter.save()
    try:
        painter.setFont(font)
        metrics = QFontMetricsF(painter.font(), painter.device())
        line_y = band.top() + band.height() * 0.35
        rule = QPen(QColor(RULE_COLOR))
        rule.setWidthF(max(metrics.lineWidth(), 0.5))
        painter.setPen(rule)
        painter.drawLine(QPointF(band.left(), line_y), QPointF(band.right(), line_y))
        painter.setPen(QColor(FOOTER_COLOR))
        text_box = QRectF(band.left(), line_y, band.width(), band.bottom() - line_y)
        label_width = metrics.horizontalAdvance(label)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_box, align | Qt.AlignmentFlag.AlignRight, label)
        room = text_box.width() - label_width - metrics.averageCharWidth() * 4
        if title and room > 0:
            shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
            painter.drawText(text_box, align | Qt.AlignmentFlag.AlignLeft, shown)
    finally:
        painter.restore()


def _footer_font() -> QRawFont:
    return QRawFont.fromFont(_plain_font(cjk_family(), FOOTER_POINTS))


def render_pdf_bytes(
    doc: QTextDocument,
    *,
    paper: Paper = "a4",
    landscape: bool = False,
    page_label: str = "Page {page} of {pages}",
    title: str = "",
) -> tuple[bytes, int]:
    """``doc`` (from :func:`layout_document`) as PDF bytes, Qt's own text mapping; and its pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("Community Planner")
    writer.setTitle(title or "Weekly plan")
    writer.setResolution(round(_layout_dpi(doc)))
    writer.setPageLayout(page_layout(paper, landscape=landscape))
    painter = QPainter()
    if not painter.begin(writer):
        raise WeeklyPdfError(QT_TRANSLATE_NOOP("WeeklyPdf", "Qt could not start the PDF."))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pages = paint_pages(
            doc,
            painter,
            QRectF(0, 0, writer.width(), writer.height()),
            page_label=page_label,
            title=title,
            new_page=writer.newPage,
        )
    finally:
        painter.end()
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data()), pages


def write_weekly_pdf(
    html: str,
    out: Path,
    *,
    paper: Paper = "a4",
    landscape: bool = False,
    page_label: str = "Page {page} of {pages}",
    title: str = "",
) -> int:
    """Write the weekly plan's ``html`` as a PDF at ``out``; returns its page count.

    The text mapping is corrected before the file takes ``out``'s place;
    a failure leaves ``out`` as it was and no temp file behind.
    """
    out = Path(out)
    check_target(out, WeeklyPdfError)
    pdf, pages = weekly_pdf_bytes(
        html, paper=paper, landscape=landscape, page_label=page_label, title=title
    )
    write_atomically(out, pdf, WeeklyPdfError)
    return pages


def weekly_pdf_bytes(
    html: str,
    *,
    paper: Paper = "a4",
    landscape: bool = False,
    page_label: str = "Page {page} of {pages}",
    title: str = "",
) -> tuple[bytes, int]:
    """The weekly plan's ``html`` as the bytes of a PDF, text mapping corrected; and its pages.

    Laying the document out and painting it are long calls into Qt that hold
    Python's GIL throughout (a second or more for a week of thousands of
    items): no other Python thread runs meanwhile. The app therefore runs
    this in a process of its own (``planner export-week --html``; see
    :mod:`planner.ui.week_export`), never in a thread beside its GUI.

    The document is destroyed here, whatever happens: the writer may run on a
    worker thread, and a Qt object left to an exception's traceback would be
    destroyed later on another thread (Qt warns about its timers then).
    """
    doc = layout_document(html, paper=paper, landscape=landscape, resolution=PDF_RESOLUTION)
    try:
        pdf, pages = render_pdf_bytes(
            doc, paper=paper, landscape=landscape, page_label=page_label, title=title
        )
        source = doc.toPlainText() + "\n" + footer_texts(page_label, title, pages)
        twins = glyph_twins([*fonts_used(doc), _footer_font()], source)
    finally:
        shiboken6.delete(doc)
    return fix_text_mapping(pdf, source, twins=twins), pages
