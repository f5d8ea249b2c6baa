"""Where a laid-out ``QTextDocument`` breaks into pages: between rows, never inside one.

``QTextDocument``'s own pagination (``setPageSize`` with a height) moves a
line that would straddle a page break to the next page, but it splits a
table row whose cells hold several lines: the first line of a long title at
the foot of one page, the rest at the head of the next. It also costs twice
the layout time on collapsed table borders.

So the document is laid out as one long page, and :func:`paginate` chooses
the breaks itself, from the laid-out geometry: between top-level blocks and
between table rows (never inside a row or a row span, nor between a table's
header rows and its first row, nor right after a heading). A page that
starts inside a table with header rows (``<thead>``) repeats them. Forced
breaks (``page-break-before`` and ``page-break-after: always``) are kept.

Only a unit taller than a whole page is cut inside, between two lines. Qt
then also draws, clipped out of sight, the line just above the cut at the
top of the next page (``QTextLayout::draw`` starts one line early), so that
one line's text is in the PDF twice; the rest stays whole, which is why a
paragraph is never cut when it fits on a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

_ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_ALWAYS_AFTER = QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter
CSS_DPI = 96  # the lengths in formats are pixels of 1/96 inch


@dataclass(frozen=True)
class PageSlice:
    """One page: the document's band ``top``..``bottom``, below ``header`` (a band too)."""

    top: float
    bottom: float
    header: tuple[float, float] | None = None


@dataclass
class _Break:
    """A place a page may end (``end``), where the next one starts, and its header.

    Between table rows the two differ: a page ends below the border under the
    last row it holds, and the next one starts above the border over its first.
    """

    end: float
    start: float
    header: tuple[float, float] | None = None
    forced: bool = False


@dataclass
class _Flow:
    """The document's content in order: where its text is, where it may break."""

    breaks: list[_Break] = field(default_factory=list)
    lines: list[tuple[float, float]] = field(default_factory=list)  # every line's top, bottom
    end: float = 0.0  # the bottom of the last text


def _lines(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> Iterator[tuple[float, float]]:
    rect = layout.blockBoundingRect(block)
    text_layout = block.layout()
    for index in range(text_layout.lineCount()):
        line = text_layout.lineAt(index)
        top = rect.top() + line.y()
        yield top, top + line.height()


def _blocks_between(doc: QTextDocument, first: int, last: int) -> Iterator[QTextBlock]:
    block = doc.findBlock(first)
    while block.isValid() and block.position() <= last:
        yield block
        block = block.next()


def _extent(
    doc: QTextDocument, layout: QAbstractTextDocumentLayout, first: int, last: int, flow: _Flow
) -> tuple[float, float] | None:
    """The top and bottom of the text between two positions; its lines go to ``flow``."""
    top: float | None = None
    bottom = 0.0
    for block in _blocks_between(doc, first, last):
        for line in _lines(layout, block):
            flow.lines.append(line)
            top = line[0] if top is None else min(top, line[0])
            bottom = max(bottom, line[1])
    return None if top is None else (top, bottom)


class _Builder:
    """Walks the root frame and records the places a page may end."""

    def __init__(self, doc: QTextDocument) -> None:
        self.doc = doc
        self.layout = doc.documentLayout()
        self.flow = _Flow()
        self.previous_bottom: float | None = None  # of the unit before, borders included
        self.keep_with_next = False  # the unit before is a heading
        self.break_after = False

    def before_unit(self, top: float, forced: bool) -> None:
        """A break before a unit whose top (borders included) is ``top``."""
        if self.previous_bottom is None:
            return
        below = self.previous_bottom
        y = (below + top) / 2 if top > below else top
        if forced or self.break_after:
            self.flow.breaks.append(_Break(y, y, forced=True))
        elif not self.keep_with_next:
            self.flow.breaks.append(_Break(y, y))

    def finish_unit(self, bottom: float, heading: bool, break_after: bool) -> None:
        self.previous_bottom = bottom
        self.flow.end = max(self.flow.end, bottom)
        self.keep_with_next = heading
        self.break_after = break_after

    def block(self, block: QTextBlock) -> None:
        lines = list(_lines(self.layout, block))
        if not lines:
            return
        self.flow.lines.extend(lines)
        fmt = block.blockFormat()
        policy = fmt.pageBreakPolicy()
        self.before_unit(lines[0][0], bool(policy & _ALWAYS_BEFORE))
        # A paragraph stays whole unless it is taller than a page (see _safe_cut).
        self.finish_unit(lines[-1][1], fmt.headingLevel() > 0, bool(policy & _ALWAYS_AFTER))

    def frame(self, frame: QTextFrame) -> None:
        policy = frame.frameFormat().pageBreakPolicy()
        if isinstance(frame, QTextTable):
            extent = self.table(frame, bool(policy & _ALWAYS_BEFORE))
        else:
            extent = _extent(
                self.doc, self.layout, frame.firstPosition(), frame.lastPosition(), self.flow
            )
            if extent is not None:
                self.before_unit(extent[0], bool(policy & _ALWAYS_BEFORE))
        if extent is not None:
            self.finish_unit(extent[1], False, bool(policy & _ALWAYS_AFTER))

    def table(self, table: QTextTable, forced: bool) -> tuple[float, float] | None:
        """Breaks between the rows of ``table``; returns its top and bottom edges."""
        rows = _rows(self.doc, self.layout, table, self.flow)
        known = [r for r in rows if r is not None]
        if not known:
            return None
        fmt = table.format()
        # between a row's box and the table's edge
        edge = (fmt.border() + fmt.cellSpacing()) * _device_scale(self.layout)
        top, bottom = known[0].top - edge, max(r.bottom for r in known) + edge
        self.before_unit(top, forced)
        header_rows = min(fmt.headerRowCount(), len(rows) - 1)
        header: tuple[float, float] | None = None
        above: float | None = None  # the bottom of the rows so far
        for index, row in enumerate(rows):
            if row is None:
                continue
            if above is not None and index >= 1 and not row.spanned:
                if index == header_rows:
                    header = (top, above)
                elif index > header_rows:
                    self.flow.breaks.append(_Break(row.top, above, header=header))
            above = row.bottom if above is None else max(above, row.bottom)
        return top, bottom

    def walk(self) -> _Flow:
        it = self.doc.rootFrame().begin()
        while not it.atEnd():
            frame = it.currentFrame()
            if frame is not None:
                self.frame(frame)
            else:
                block = it.currentBlock()
                if block.isValid() and block.length() > 1:  # an empty one is only spacing
                    self.block(block)
            it += 1
        self.flow.breaks.sort(key=lambda b: b.end)
        self.flow.lines.sort()
        return self.flow


@dataclass
class _Row:
    """A table row's box (its cells' content and padding, no borders)."""

    top: float
    bottom: float
    spanned: bool = False  # a cell of a row above reaches into this one


def _rows(
    doc: QTextDocument, layout: QAbstractTextDocumentLayout, table: QTextTable, flow: _Flow
) -> list[_Row | None]:
    """Each row's box, from where the text of its cells lies and their padding."""
    rows, columns = table.rows(), table.columns()
    fmt = table.format()
    scale = _device_scale(layout)
    tops: list[float | None] = [None] * rows
    bottoms: list[float | None] = [None] * rows
    spanned = [False] * rows
    for row in range(rows):
        column = 0
        while column < columns:
            cell = table.cellAt(row, column)
            column += max(cell.columnSpan(), 1)
            if cell.row() != row:
                continue
            last = row + max(cell.rowSpan(), 1) - 1
            for inner in range(row + 1, last + 1):
                spanned[inner] = True
            extent = _extent(doc, layout, cell.firstPosition(), cell.lastPosition(), flow)
            if extent is None:
                continue
            cell_format = cell.format().toTableCellFormat()
            pad_top, pad_bottom = fmt.cellPadding(), fmt.cellPadding()
            if cell_format.hasProperty(QTextFormat.Property.TableCellTopPadding):
                pad_top = cell_format.topPadding()
            if cell_format.hasProperty(QTextFormat.Property.TableCellBottomPadding):
                pad_bottom = cell_format.bottomPadding()
            top, bottom = extent[0] - pad_top * scale, extent[1] + pad_bottom * scale
            known_top, known_bottom = tops[row], bottoms[last]
            tops[row] = top if known_top is None else min(known_top, top)
            bottoms[last] = bottom if known_bottom is None else max(known_bottom, bottom)
    found: list[_Row | None] = []
    for row_top, row_bottom, inside in zip(tops, bottoms, spanned, strict=True):
        if row_top is None:
            found.append(None)
        else:
            found.append(_Row(row_top, row_top if row_bottom is None else row_bottom, inside))
    return found


def _device_scale(layout: QAbstractTextDocumentLayout) -> float:
    """Device units per HTML pixel: Qt scales the lengths of formats to the device."""
    device = layout.paintDevice()
    return device.logicalDpiY() / CSS_DPI if device is not None else 1.0


def _safe_cut(lines: list[tuple[float, float]], top: float, limit: float) -> float:
    """The lowest place in (top, limit] that no line crosses, else ``limit``."""
    if not any(a < limit < b for a, b in lines):
        return limit
    for y in sorted({b for _, b in lines if top < b <= limit}, reverse=True):
        if not any(a < y < b for a, b in lines):
            return y
    return limit


def paginate(doc: QTextDocument, page_height: float) -> list[PageSlice]:
    """The pages of ``doc`` (laid out as one long page) for a body ``page_height`` tall."""
    if page_height <= 0:
        raise ValueError("page_height must be positive")
    flow = _Builder(doc).walk()
    height = doc.documentLayout().documentSize().height()
    end = min(max(flow.end, 0.0), height)
    pages: list[PageSlice] = []
    top = 0.0
    header: tuple[float, float] | None = None
    passed = 0  # breaks before this one end above ``top``
    while True:
        room = page_height - (header[1] - header[0] if header else 0.0)
        limit = top + max(room, page_height / 4)
        while passed < len(flow.breaks) and flow.breaks[passed].end <= top:
            passed += 1
        chosen: _Break | None = None
        following = end  # where the next unit after ``chosen`` ends
        for candidate in flow.breaks[passed:]:
            if candidate.end > limit or candidate.start >= end:
                following = min(candidate.end, end)
                break
            chosen = candidate
            if candidate.forced:
                break
        if end <= limit and (chosen is None or not chosen.forced):
            pages.append(PageSlice(top, height, header))
            return pages
        if chosen is None or (not chosen.forced and following - chosen.start > page_height):
            # What follows is taller than a page: fill this one, cut between lines.
            floor = top if chosen is None else chosen.end
            cut = _safe_cut(flow.lines, floor, limit)
            if chosen is None or cut > chosen.end:
                chosen = _Break(cut, cut)
        pages.append(PageSlice(top, chosen.end, header))
        top, header = chosen.start, chosen.header
