"""The overview's table: each community painted as a dashboard row.

Items listed in a row are links: clicking one opens it on its community's
checklist; double-click (or Enter) on a row opens the community. From the
keyboard, the Menu key (or Shift+F10) lists the row's items to open.

The columns always fit the width: no sideways scrolling, so what is overdue
is always in sight. The community and its progress give up width first; the
two lists of items share the rest by what they need, and a title that does
not fit takes a second line when the cell has one to spare.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from planner.checklists import OverviewRow
from planner.communities import Stage
from planner.ui.labels import members_text, platform_label, stage_label
from planner.ui.overview_model import (
    GOOD,
    WARNING,
    Cell,
    Column,
    OverviewModel,
    Role,
    Tone,
    progress_text,
    suggestion_text,
)
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import SPACING

Index = QModelIndex | QPersistentModelIndex
LINES = 4  # text lines per row at least: a caption and three items
MAX_LINES = 7  # and at most: a caption and three items of two lines each
TITLE_LINES = 3  # the most lines a title takes (when the row has them to spare)
PAD = 10
GAP = 4
BULLET = 12  # the width of the bullet before an item without a due date

# Column widths (pixels): the community gives up width, down to its minimum,
# while the lists of items have less than LIST_COMFORT each; they never get
# less than LIST_MIN while the window has it.
COMMUNITY_MIN, COMMUNITY_MAX = 150, 250
PROGRESS_MIN, PROGRESS_MAX = 110, 180
LIST_COMFORT = 210
LIST_MIN = 90


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
    return small


def _dim(color: QColor, alpha: float = 0.65) -> QColor:
    dim = QColor(color)
    dim.setAlphaF(alpha)
    return dim


def _share(width: int, a: int, b: int) -> int:
    """How much of ``width`` goes to the first of two that need ``a`` and ``b``:
    each its need and half of what is left if there is enough; if not, the one
    needing less gets its need, or both half."""
    if a + b <= width:
        return a + (width - a - b) // 2
    if b <= width / 2:
        return width - b
    if a <= width / 2:
        return a
    return width // 2


@dataclass(frozen=True)
class Needs:
    """The widths the overview's columns need: the lists of items to show every
    title whole (wrapping where a cell has lines to spare), and to show every
    item on one line with its assignee."""

    community: int = 0
    progress_short: int = 0
    progress: int = 0
    next_whole: int = 0
    next_full: int = 0
    overdue_whole: int = 0
    overdue_full: int = 0


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


class _Measure:
    """Widths of texts in one font, rounded up (so that a text said to fit is not
    elided or wrapped by Qt), each text measured once."""

    def __init__(self, font: QFont) -> None:
        self._font = QFont(font)
        self._metrics = QFontMetricsF(font)
        self._widths: dict[str, int] = {}
        self._two_lines: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 20_000:  # titles come and go: do not grow forever
                self._widths.clear()
            width = self._widths[text] = math.ceil(self._metrics.horizontalAdvance(text))
        return width

    def two_lines(self, text: str) -> int:
        """The narrowest width ``text`` takes on two lines (at a word where it can)."""
        width = self._two_lines.get(text)
        if width is None:
            if len(self._two_lines) > 5_000:
                self._two_lines.clear()
            low, high = 0, self(text)  # too narrow at low, wide enough at high
            while high - low > 1:
                middle = (low + high) // 2
                if self(_wrap(text, self._font, middle)[1]) <= middle:
                    high = middle
                else:
                    low = middle
            width = self._two_lines[text] = high
        return width


_MEASURES: dict[str, _Measure] = {}  # by QFont.key()


def _measure(font: QFont) -> _Measure:
    """The measure of ``font``: titles, dates and names repeat across rows and refreshes."""
    key = font.key()
    if key not in _MEASURES:
        _MEASURES[key] = _Measure(font)
    return _MEASURES[key]


def _advance(font: QFont, text: str) -> int:
    """The width of ``text`` rounded up: fits where Qt's eliding and wrapping agree."""
    return _measure(font)(text)


def _utf16_prefix(text: str, units: int) -> str:
    """The first ``units`` UTF-16 code units of ``text`` (Qt counts in those)."""
    return text.encode("utf-16-le")[: units * 2].decode("utf-16-le", errors="ignore")


def _wrap(text: str, font: QFont, width: int) -> tuple[str, str]:
    """``text`` split where a line of ``width`` ends (at a word, or anywhere for
    Chinese): what fits on the line, and the rest."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    first = _utf16_prefix(text, line.textLength())
    layout.endLayout()
    return first.rstrip(), text[len(first) :].strip()


def wrap_two(text: str, font: QFont, width: int) -> tuple[str, str]:
    """``text`` on two lines of ``width``, the second elided if it is still too long."""
    lines = wrap_lines(text, font, width, 2)
    return lines[0], lines[1] if len(lines) > 1 else ""


def wrap_lines(text: str, font: QFont, width: int, most: int) -> tuple[str, ...]:
    """``text`` on as many lines of ``width`` as it needs, at ``most`` lines: the
    last one elided if it is still too long."""
    fm = QFontMetrics(font)
    lines: list[str] = []
    rest = text
    while len(lines) < most - 1 and _advance(font, rest) > width:
        head, tail = _wrap(rest, font, width)
        if not head:  # not even a character fits
            break
        lines.append(head)
        rest = tail
    lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return tuple(lines)


def lines_needed(text: str, font: QFont, width: int, most: int) -> int:
    """How many lines of ``width`` ``text`` takes, or ``most`` + 1 if more than ``most``."""
    count, rest = 1, text
    while _advance(font, rest) > width:
        if count > most:
            break
        head, rest = _wrap(rest, font, width)
        if not head:
            return most + 1
        count += 1
    return min(count, most + 1)


@dataclass(frozen=True)
class EntryLayout:
    """Where one listed item goes in its cell, and what of it fits.

    ``rect`` is every line the item takes (where a click opens it); ``lead``
    the width of its due date (or bullet) before the title; ``title`` its lines
    as drawn (one to TITLE_LINES); ``who`` the assignee as drawn ('' when left
    out: the tooltip has it), on the item's line ``who_line``: after the
    title's last line or, on a line of its own, below it.
    """

    rect: QRect
    lead: int
    title: tuple[str, ...]
    who: str = ""
    who_line: int = 0


class OverviewDelegate(QStyledItemDelegate):
    """Paints an overview row as a card: no grid, a line between communities.

    ``hover`` is the (row, column, entry) under the mouse, set by the view, so
    the item there is underlined like a link.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hover: tuple[int, int, int] | None = None
        self.when_width = 0  # the widest due date shown, set by the view

    # -- geometry, shared by painting and hit-testing ------------------------------

    @staticmethod
    def line_height(fm: QFontMetrics) -> int:
        return fm.height() + GAP

    def row_height(self, fm: QFontMetrics, lines: int = LINES) -> int:
        return PAD * 2 + self.line_height(fm) * lines - GAP

    def lines_in(self, rect: QRect, fm: QFontMetrics) -> int:
        """How many lines of text a cell of ``rect`` has room for."""
        return max(LINES, (rect.height() - 2 * PAD + GAP) // self.line_height(fm))

    def cell_lines(self, font: QFont, cell: Cell, width: int) -> int:
        """The lines ``cell`` needs in a column of ``width``: one per item, two
        for a title that does not fit on one."""
        measure = _measure(font)
        text = width - 2 * PAD - self._lead(measure, cell)
        long = sum(1 for e in cell.entries if measure(e.title) > text)
        return min((1 if cell.caption else 0) + len(cell.entries) + long, MAX_LINES)

    def line_rect(self, rect: QRect, fm: QFontMetrics, n: int) -> QRect:
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        top = inner.top() + n * self.line_height(fm)
        return QRect(inner.left(), top, inner.width(), fm.height())

    def entry_layouts(self, rect: QRect, font: QFont, cell: Cell) -> list[EntryLayout]:
        """Lay the items of ``cell`` out in ``rect``.

        Every title whole and every assignee if the cell has the lines for it
        (a title too long for its line wraps to a second one, an assignee that
        does not fit beside its title goes below it); if not, the titles alone,
        wrapping while the cell has lines to spare: all the cell's assignees or
        none (the tooltip has them), so a missing name never reads as “nobody”.
        The view makes a row as tall as its titles need (:meth:`cell_lines`).
        """
        fm = QFontMetrics(font)
        lead = self.lead_width(font, cell)
        width = max(self.line_rect(rect, fm, 0).width() - lead, 0)
        first = 1 if cell.caption else 0
        plan = self._plan(cell, font, width, self.lines_in(rect, fm) - first)
        layouts: list[EntryLayout] = []
        at = first
        for title, who, who_line in plan:
            count = max(len(title), who_line + 1)
            top = self.line_rect(rect, fm, at)
            bottom = self.line_rect(rect, fm, at + count - 1)
            layouts.append(
                EntryLayout(QRect(top.topLeft(), bottom.bottomRight()), lead, title, who, who_line)
            )
            at += count
        return layouts

    def _plan(
        self, cell: Cell, font: QFont, width: int, lines: int
    ) -> list[tuple[tuple[str, ...], str, int]]:
        """Each item's title lines, assignee and the line it is on, in text
        ``width`` and ``lines`` for the items."""
        plan = None
        if any(e.assignee for e in cell.entries):
            plan = self._plan_with_assignees(cell, font, width, lines)
        return plan if plan is not None else self._plan_titles(cell, font, width, lines)

    @staticmethod
    def _plan_with_assignees(
        cell: Cell, font: QFont, width: int, lines: int
    ) -> list[tuple[tuple[str, ...], str, int]] | None:
        """Each item's title lines, assignee and the line it is on; None when they
        do not all fit in ``lines``."""
        small = _small(font)
        sfm = QFontMetrics(small)
        plan: list[tuple[tuple[str, ...], str, int]] = []
        for e in cell.entries:
            if lines_needed(e.title, font, width, TITLE_LINES) > TITLE_LINES:
                return None
            title = wrap_lines(e.title, font, width, TITLE_LINES)
            who_w = _advance(small, e.assignee) + SPACING if e.assignee else 0
            if _advance(font, title[-1]) + who_w <= width:  # after the title
                plan.append((title, e.assignee, len(title) - 1))
            else:  # on a line of its own
                who = sfm.elidedText(e.assignee, Qt.TextElideMode.ElideRight, width)
                plan.append((title, who, len(title)))
        if sum(max(len(title), line + 1) for title, _who, line in plan) > lines:
            return None
        return plan

    @staticmethod
    def _plan_titles(
        cell: Cell, font: QFont, width: int, lines: int
    ) -> list[tuple[tuple[str, ...], str, int]]:
        """Each item's title, on one line, or more while there are lines to spare
        (a second line for every title that needs one first, then a third)."""
        need = [lines_needed(e.title, font, width, TITLE_LINES) for e in cell.entries]
        given = [1] * len(need)
        spare = lines - len(need)
        for count in range(2, TITLE_LINES + 1):
            for n, needed in enumerate(need):
                if spare > 0 and needed >= count:
                    given[n], spare = count, spare - 1
        return [
            (wrap_lines(e.title, font, width, count), "", 0)
            for e, count in zip(cell.entries, given, strict=True)
        ]

    def entry_rects(self, rect: QRect, font: QFont | QFontMetrics, cell: Cell) -> list[QRect]:
        """Where each item of ``cell`` is, in a cell at ``rect``: a click there opens it.

        Given the view's font metrics rather than its font, the view's font is used.
        """
        if isinstance(font, QFontMetrics):
            view = self.parent()
            font = view.font() if isinstance(view, QWidget) else QApplication.font()
        return [layout.rect for layout in self.entry_layouts(rect, font, cell)]

    def entry_at(
        self, rect: QRect, font: QFont | QFontMetrics, cell: Cell | None, pos: QPoint
    ) -> int:
        """The index of the entry of ``cell`` at ``pos`` (in view coordinates), or -1."""
        if cell is None:
            return -1
        for n, area in enumerate(self.entry_rects(rect, font, cell)):
            if area.contains(pos):
                return n
        return -1

    # -- the widths the columns need --------------------------------------------------

    def list_needs(self, font: QFont, cells: list[Cell]) -> tuple[int, int]:
        """The widths a column of ``cells`` needs: to show every title whole (on
        two lines at most), and to show every item on one line with its assignee.

        Titles repeat across communities (the built-in checklist): each is
        measured once, and only the longest are tried on two lines.
        """
        advance, small, bold = _measure(font), _measure(_small(font)), _measure(_bold(font))
        caption = full = 0
        titles: list[tuple[int, int, str]] = []  # (one line, lead, title)
        for cell in cells:
            if cell.caption:
                caption_measure = bold if cell.tone is Tone.WARNING else advance
                caption = max(caption, caption_measure(cell.caption))
            lead = self._lead(advance, cell)
            for e in cell.entries:
                width = advance(e.title)
                who = small(e.assignee) + SPACING if e.assignee else 0
                full = max(full, lead + width + who)
                titles.append((lead + width, lead, e.title))
        whole = caption
        for one_line, lead, title in sorted(titles, reverse=True):
            if one_line <= whole:
                break  # this one and every shorter one fits on one line
            whole = max(whole, lead + advance.two_lines(title))
        return whole + 2 * PAD, max(caption, full) + 2 * PAD

    @staticmethod
    def community_width(font: QFont, rows: list[OverviewRow]) -> int:
        """The width the communities need: names, stage badges and member counts,
        platforms and owners."""
        small, bold = _measure(_small(font)), _measure(_bold(font))
        need = 0
        for row in rows:
            c = row.community
            badge = small(f"{c.stage.number} {stage_label(c.stage)}") + 14
            who = " · ".join(p for p in (platform_label(c.platform), c.owner) if p)
            need = max(
                need,
                bold(c.name),
                badge + SPACING + small(members_text(c.member_count)),
                small(who),
            )
        return need + 12 + SPACING + 2 * PAD

    def progress_widths(self, font: QFont, rows: list[OverviewRow]) -> tuple[int, int]:
        """The widths the progress needs: with “16/34”, and with “16 of 34 done”."""
        advance, bold = _measure(font), _measure(_bold(font))
        short_need = long_need = 0
        for row in rows:
            p = row.progress
            if not p.total:
                need = advance(progress_text(row))
                short_need, long_need = max(short_need, need), max(long_need, need)
                continue
            percent = bold(f"{round(p.fraction * 100)}%") + SPACING
            short, long = self._done_texts(row)
            short_need = max(short_need, advance(short) + percent)
            long_need = max(long_need, advance(long) + percent)
        return short_need + 2 * PAD, long_need + 2 * PAD

    def _done_texts(self, row: OverviewRow) -> tuple[str, str]:
        """How much of the checklist is done, short (“16/34”) and long (“16 of 34 done”)."""
        p = row.progress
        long = self.tr("%1 of %2 done").replace("%1", str(p.done)).replace("%2", str(p.total))
        return f"{p.done}/{p.total}", long

    def lead_width(self, font: QFont, cell: Cell) -> int:
        """The width before the titles of ``cell``: the widest due date (of the
        whole table, so that titles line up), or a bullet."""
        return self._lead(_measure(font), cell)

    def _lead(self, measure: _Measure, cell: Cell) -> int:
        whens = [measure(e.when) + SPACING for e in cell.entries if e.when]
        return max(self.when_width, *whens) if whens else BULLET

    # -- painting ------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint: four lines of text, or what the
        titles of a list of items need in the width of ``option.rect``."""
        lines = LINES
        cell: Cell | None = index.data(Role.CELL)
        if cell is not None and option.rect.width() > 0:
            lines = max(lines, self.cell_lines(option.font, cell, option.rect.width()))
        return QSize(200, self.row_height(QFontMetrics(option.font), lines))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        row: OverviewRow | None = index.data(Role.ROW)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect: QRect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, _dim(palette.color(QPalette.ColorRole.Highlight), 0.12))
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        fm = QFontMetrics(option.font)
        column = Column(index.column())
        if column is Column.COMMUNITY:
            self._paint_community(painter, option, fm, row)
        elif column is Column.PROGRESS:
            self._paint_progress(painter, option, fm, row)
        else:
            cell: Cell = index.data(Role.CELL)
            self._paint_cell(painter, option, fm, cell, (index.row(), index.column()))
        painter.restore()

    def _paint_community(
        self, painter: QPainter, option: QStyleOptionViewItem, fm: QFontMetrics, row: OverviewRow
    ) -> None:
        text = option.palette.color(QPalette.ColorRole.Text)
        c = row.community
        line = self.line_rect(option.rect, fm, 0)
        dot = 12
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.color))
        painter.drawEllipse(line.left(), line.center().y() - dot // 2, dot, dot)
        bold = _bold(option.font)
        painter.setFont(bold)
        painter.setPen(text)
        name_rect = line.adjusted(dot + SPACING, 0, 0, 0)
        name = QFontMetrics(bold).elidedText(c.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name)

        small = _small(option.font)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        line = self.line_rect(option.rect, fm, 1).adjusted(dot + SPACING, 0, 0, 0)
        badge_text = f"{c.stage.number} {stage_label(c.stage)}"
        badge = QRect(
            line.left(), line.top(), sfm.horizontalAdvance(badge_text) + 14, line.height()
        )
        self._pill(painter, badge, QColor(STAGE_COLORS[c.stage]), badge_text, QColor("#ffffff"))
        painter.setPen(_dim(text))
        rest = line.adjusted(badge.width() + SPACING, 0, 0, 0)
        meta = sfm.elidedText(
            members_text(c.member_count), Qt.TextElideMode.ElideRight, rest.width()
        )
        painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter, meta)

        line = self.line_rect(option.rect, fm, 2).adjusted(dot + SPACING, 0, 0, 0)
        who = " · ".join(p for p in (platform_label(c.platform), c.owner) if p)
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText(who, Qt.TextElideMode.ElideRight, line.width()),
        )
        suggestion = suggestion_text(row)
        if suggestion:
            line = self.line_rect(option.rect, fm, 3).adjusted(dot + SPACING, 0, 0, 0)
            label = sfm.elidedText(
                f"✓ {suggestion}", Qt.TextElideMode.ElideRight, line.width() - 14
            )
            pill = QRect(line.left(), line.top(), sfm.horizontalAdvance(label) + 14, line.height())
            self._pill(painter, pill, _dim(QColor(GOOD), 0.14), label, QColor(GOOD))

    @staticmethod
    def _pill(painter: QPainter, rect: QRect, fill: QColor, label: str, pen: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(pen)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_progress(
        self, painter: QPainter, option: QStyleOptionViewItem, fm: QFontMetrics, row: OverviewRow
    ) -> None:
        palette = option.palette
        text = palette.color(QPalette.ColorRole.Text)
        track = palette.color(QPalette.ColorRole.Midlight)
        p = row.progress
        line = self.line_rect(option.rect, fm, 0)
        painter.setFont(option.font)
        if not p.total:
            painter.setPen(_dim(text))
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, progress_text(row))
            return
        bold = _bold(option.font)
        percent = f"{round(p.fraction * 100)}%"
        painter.setPen(_dim(text, 0.8))
        room = line.width() - QFontMetrics(bold).horizontalAdvance(percent) - SPACING
        short, done = self._done_texts(row)
        if _advance(option.font, done) > room:
            done = short
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, done)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, percent)
        # the whole path
        line = self.line_rect(option.rect, fm, 1)
        bar = QRect(line.left(), line.center().y() - 4, line.width(), 8)
        self._bar(painter, bar, track, QColor(STAGE_COLORS[row.community.stage]), p.fraction)
        # one short bar per stage, the community's own marked
        line = self.line_rect(option.rect, fm, 2)
        stages = list(Stage)
        width = (line.width() - GAP * (len(stages) - 1)) // len(stages)
        for n, stage in enumerate(stages):
            sp = p.of(stage)
            seg = QRect(line.left() + n * (width + GAP), line.center().y() - 3, width, 6)
            self._bar(painter, seg, track, QColor(STAGE_COLORS[stage]), sp.fraction)
            if stage is row.community.stage:
                painter.setPen(text)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(seg.adjusted(-2, -2, 2, 2), 4, 4)
        current = p.of(row.community.stage)
        caption = (
            self.tr("%1: %2 of %3")
            .replace("%1", stage_label(row.community.stage))
            .replace("%2", str(current.done))
            .replace("%3", str(current.total))
        )
        small = _small(option.font)
        painter.setFont(small)
        painter.setPen(_dim(text))
        line = self.line_rect(option.rect, fm, 3)
        caption = QFontMetrics(small).elidedText(caption, Qt.TextElideMode.ElideRight, line.width())
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, caption)

    @staticmethod
    def _bar(painter: QPainter, rect: QRect, track: QColor, fill: QColor, fraction: float) -> None:
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, radius, radius)
        if fraction > 0:
            done = QRect(
                rect.left(), rect.top(), max(int(rect.width() * fraction), 6), rect.height()
            )
            painter.setBrush(fill)
            painter.drawRoundedRect(done, radius, radius)

    def _paint_cell(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        fm: QFontMetrics,
        cell: Cell,
        where: tuple[int, int],
    ) -> None:
        text = option.palette.color(QPalette.ColorRole.Text)
        tones = {
            Tone.PLAIN: text,
            Tone.HINT: _dim(text),
            Tone.WARNING: QColor(WARNING),
            Tone.GOOD: QColor(GOOD),
        }
        if cell.caption:
            font = _bold(option.font) if cell.tone is Tone.WARNING else QFont(option.font)
            painter.setFont(font)
            painter.setPen(tones[cell.tone])
            line = self.line_rect(option.rect, fm, 0)
            caption = QFontMetrics(font).elidedText(
                cell.caption, Qt.TextElideMode.ElideRight, line.width()
            )
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, caption)
        small = _small(option.font)
        sfm = QFontMetrics(small)
        layouts = self.entry_layouts(option.rect, option.font, cell)
        for n, (entry, layout) in enumerate(zip(cell.entries, layouts, strict=True)):
            line = QRect(layout.rect.left(), layout.rect.top(), layout.rect.width(), fm.height())
            step = self.line_height(fm)
            painter.setFont(option.font)
            lead = QRect(line.left(), line.top(), layout.lead, line.height())
            if entry.when:
                painter.setPen(QColor(WARNING) if entry.late else _dim(text, 0.8))
                painter.drawText(lead, Qt.AlignmentFlag.AlignVCenter, entry.when)
            else:
                painter.setPen(_dim(text))
                painter.drawText(lead, Qt.AlignmentFlag.AlignVCenter, "•")
            body = line.adjusted(layout.lead, 0, 0, 0)
            who_rect = body.translated(0, step * layout.who_line)
            below = layout.who_line >= len(layout.title)  # on a line of its own
            who_w = 0
            if layout.who:
                painter.setFont(small)
                painter.setPen(_dim(text))
                align = Qt.AlignmentFlag.AlignLeft if below else Qt.AlignmentFlag.AlignRight
                painter.drawText(who_rect, Qt.AlignmentFlag.AlignVCenter | align, layout.who)
                who_w = sfm.horizontalAdvance(layout.who) + SPACING
            font = QFont(option.font)
            font.setUnderline(self.hover == (*where, n))
            painter.setFont(font)
            painter.setPen(QColor(WARNING) if entry.late else text)
            for k, part in enumerate(layout.title):
                part_rect = body.translated(0, step * k)
                if layout.who and not below and k == layout.who_line:
                    part_rect.setRight(part_rect.right() - who_w)
                painter.drawText(part_rect, Qt.AlignmentFlag.AlignVCenter, part)


class _ClickGuard(QObject):
    """Eats the rest of a double-click that opened an item in a single click.

    The first click took the window to another page; without this, the second
    click would land there, on whatever is under the mouse (and a double-click
    there opens it). Armed for the double-click interval, in this window only.
    """

    MOUSE = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseButtonRelease,
    )

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._window = view.window()
        self._until = time.monotonic() + QApplication.doubleClickInterval() / 1000

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject::eventFilter: swallow mouse buttons while armed."""
        if event.type() not in self.MOUSE:
            return False
        if time.monotonic() > self._until:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.deleteLater()
            return False
        return isinstance(watched, QWidget) and watched.window() is self._window


class OverviewView(QTableView):
    """The overview's table: items are links, rows open their community.

    Signals:
        community_activated(str): double-click or Enter on a community.
        item_activated(str, str): a click on a listed checklist item
            (community id, item id).
    """

    community_activated = Signal(str)
    item_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview_delegate = OverviewDelegate(self)
        self.setItemDelegate(self.overview_delegate)
        self.setShowGrid(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setFrameShape(QTableView.Shape.NoFrame)
        # The delegate tints a selected row; the style's full highlight would drown it.
        self.setStyleSheet("QTableView { selection-background-color: transparent; }")
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(
            self.overview_delegate.row_height(self.fontMetrics())
        )
        # The columns are fitted to the width (fit_columns): never a sideways scroll.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.doubleClicked.connect(self._on_double_clicked)
        self._pressed: tuple[str, str] | None = None
        self._needs: Needs | None = None
        self.context_menu: QMenu | None = None
        self._menu_row = -1

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Override QTableView::setModel: lay out the columns once a model is set."""
        old = self.model()
        if old is not None:
            for signal in (old.modelReset, old.layoutChanged, old.dataChanged):
                signal.disconnect(self._content_changed)
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(20)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.dataChanged):
                signal.connect(self._content_changed)
        self._content_changed()

    # -- fitting the columns to the width -------------------------------------------

    def _content_changed(self) -> None:
        self._needs = None
        self.fit_columns()

    def column_needs(self) -> Needs:
        """The widths the columns need, for every row and their headings."""
        if self._needs is None:
            font, d = self.font(), self.overview_delegate
            rows = self._rows()
            next_cells, overdue_cells = self._cells(Column.NEXT), self._cells(Column.OVERDUE)
            whens = {e.when for c in (*next_cells, *overdue_cells) for e in c.entries if e.when}
            measure = _measure(font)
            d.when_width = max((measure(w) + SPACING for w in whens), default=0)
            progress = d.progress_widths(font, rows)
            next_due = d.list_needs(font, next_cells)
            overdue = d.list_needs(font, overdue_cells)
            heading = [self._heading_width(c) for c in Column]
            self._needs = Needs(
                max(heading[Column.COMMUNITY], d.community_width(font, rows)),
                max(heading[Column.PROGRESS], progress[0]),
                max(heading[Column.PROGRESS], progress[1]),
                max(heading[Column.NEXT], next_due[0]),
                max(heading[Column.NEXT], next_due[1]),
                max(heading[Column.OVERDUE], overdue[0]),
                max(heading[Column.OVERDUE], overdue[1]),
            )
        return self._needs

    def _rows(self) -> list[OverviewRow]:
        model = self.model()
        if isinstance(model, OverviewModel):
            return model.rows()
        count = model.rowCount() if model is not None else 0
        return [model.index(r, 0).data(Role.ROW) for r in range(count)]

    def _cells(self, column: Column) -> list[Cell]:
        model = self.model()
        if isinstance(model, OverviewModel):
            return model.cells(column)
        count = model.rowCount() if model is not None else 0
        return [model.index(r, column).data(Role.CELL) for r in range(count)]

    def _heading_width(self, column: Column) -> int:
        model = self.model()
        if model is None:
            return 0
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        header = self.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return _advance(header.font(), text) + 2 * max(margin, 4)

    def column_widths(self, width: int) -> list[int]:
        """Widths for the four columns adding up to ``width``.

        The community and its progress get what they need (within limits);
        when that leaves the lists of items less than they need to show their
        titles whole (up to a comfortable width), the progress gives up some
        (“16/34” for “16 of 34 done”), then the community, down to a minimum.
        The lists share the rest: first toward showing their titles whole
        (wrapping), then toward one line each, then half each of what is left.
        """
        needs = self.column_needs()
        community = min(max(needs.community, COMMUNITY_MIN), COMMUNITY_MAX)
        progress = min(max(needs.progress, PROGRESS_MIN), PROGRESS_MAX)
        comfort = min(needs.next_whole, LIST_COMFORT) + min(needs.overdue_whole, LIST_COMFORT)
        deficit = comfort - (width - community - progress)
        if deficit > 0:
            give = min(deficit, progress - max(needs.progress_short, PROGRESS_MIN))
            progress -= max(give, 0)
            deficit -= max(give, 0)
        if deficit > 0:
            community -= min(deficit, community - COMMUNITY_MIN)
        if width - community - progress < 2 * LIST_MIN:  # very narrow: everyone gives
            scale = max(width, 0) / (community + progress + 2 * LIST_MIN)
            community, progress = int(community * scale), int(progress * scale)
        rest = max(width - community - progress, 0)
        if needs.next_whole + needs.overdue_whole >= rest:
            next_due = _share(rest, needs.next_whole, needs.overdue_whole)
        else:
            extra = rest - needs.next_whole - needs.overdue_whole
            next_due = needs.next_whole + _share(
                extra,
                needs.next_full - needs.next_whole,
                needs.overdue_full - needs.overdue_whole,
            )
        return [community, progress, next_due, rest - next_due]

    def fit_columns(self) -> None:
        """Fit the columns to the viewport's width (everything in sight, nothing
        sideways) and make each row as tall as its titles need.

        The heights are worked out for the width left beside a vertical scroll
        bar, shown or not: so its coming or going cannot change them, and bring
        it back or take it away again.
        """
        model = self.model()
        if model is None or model.columnCount() != len(Column):
            return
        width = self.viewport().width()
        header = self.horizontalHeader()
        for column, size in enumerate(self.column_widths(width)):
            if header.sectionSize(column) != size:
                header.resizeSection(column, size)
        bar = self.verticalScrollBar()
        if not bar.isVisible():
            width -= bar.sizeHint().width() + max(
                self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollView_ScrollBarSpacing), 0
            )
        widths = self.column_widths(width)
        font, fm, d = self.font(), self.fontMetrics(), self.overview_delegate
        cells = zip(self._cells(Column.NEXT), self._cells(Column.OVERDUE), strict=True)
        for r, (next_due, overdue) in enumerate(cells):
            lines = max(
                LINES,
                d.cell_lines(font, next_due, widths[Column.NEXT]),
                d.cell_lines(font, overdue, widths[Column.OVERDUE]),
            )
            height = d.row_height(fm, lines)
            if self.rowHeight(r) != height:
                self.setRowHeight(r, height)

    def viewportEvent(self, event: QEvent) -> bool:
        """Override QAbstractItemView::viewportEvent: refit the columns on a resize
        (of the window, or when the vertical scroll bar comes or goes)."""
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: a new font changes what the columns need."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(
                self.overview_delegate.row_height(self.fontMetrics())
            )
            self._content_changed()

    def item_at(self, pos: QPoint) -> tuple[QModelIndex, int]:
        """The cell at ``pos`` (viewport coordinates) and the listed item there (or -1)."""
        index = self.indexAt(pos)
        if not index.isValid():
            return index, -1
        cell: Cell | None = index.data(Role.CELL)
        n = self.overview_delegate.entry_at(self.visualRect(index), self.font(), cell, pos)
        return index, n

    def _target(self, pos: QPoint) -> tuple[str, str] | None:
        index, n = self.item_at(pos)
        if n < 0:
            return None
        cell: Cell = index.data(Role.CELL)
        return str(index.data(Role.ID)), cell.entries[n].item_id

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Override QTableView::mouseMoveEvent: underline the item under the mouse."""
        super().mouseMoveEvent(event)
        index, n = self.item_at(event.position().toPoint())
        hover = (index.row(), index.column(), n) if n >= 0 else None
        if hover != self.overview_delegate.hover:
            self.overview_delegate.hover = hover
            self.viewport().update()
        cursor = Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)

    def leaveEvent(self, event: QEvent) -> None:
        """Override QWidget::leaveEvent: nothing is hovered any more."""
        super().leaveEvent(event)
        if self.overview_delegate.hover is not None:
            self.overview_delegate.hover = None
            self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QTableView::mousePressEvent: remember a press on an item."""
        super().mousePressEvent(event)
        left = event.button() == Qt.MouseButton.LeftButton
        self._pressed = self._target(event.position().toPoint()) if left else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Override QTableView::mouseReleaseEvent: a click on an item opens it."""
        super().mouseReleaseEvent(event)
        target = self._target(event.position().toPoint())
        pressed, self._pressed = self._pressed, None
        if target is not None and target == pressed:
            self.item_activated.emit(*target)
            if not self.isVisible():  # the window went to the item: see _ClickGuard
                _ClickGuard(self).start()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.community_activated.emit(str(index.data(Role.ID)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QTableView::keyPressEvent: Enter opens the current community;
        the Menu key or Shift+F10 lists its items, to open one."""
        key, modifiers = event.key(), event.modifiers()
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self.community_activated.emit(str(current.data(Role.ID)))
            return
        shift_f10 = key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
        if (key == Qt.Key.Key_Menu or shift_f10) and current.isValid():
            self.show_menu(current, self._menu_position(current))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Override QWidget::contextMenuEvent: open the community or one of its items."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if index.isValid():
                self.show_menu(index, event.globalPos())
                return
        current = self.currentIndex()
        if current.isValid():
            self.show_menu(current, self._menu_position(current))

    def _menu_position(self, index: QModelIndex) -> QPoint:
        """Where a menu opened from the keyboard goes: under the row's community."""
        rect = self.visualRect(index.siblingAtColumn(Column.COMMUNITY))
        self.scrollTo(index)
        return self.viewport().mapToGlobal(rect.adjusted(PAD, 0, 0, 0).center())

    def show_menu(self, index: QModelIndex, at: QPoint) -> None:
        """Pop up the row's menu at ``at`` (global coordinates).

        Once only: some platforms follow the Menu key's press with a context menu event.
        """
        if self.context_menu is not None:
            if self.context_menu.isVisible() and self._menu_row == index.row():
                return
            self.context_menu.close()
            self.context_menu.deleteLater()
        self._menu_row = index.row()
        self.context_menu = self.build_menu(index)
        if self.context_menu is not None:
            self.context_menu.popup(at)

    def build_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row: open the community, or any item it lists,
        what is overdue first, each with its due date."""
        if not index.isValid():
            return None
        model = self.model()
        community_id = str(index.data(Role.ID))
        menu = QMenu(self)
        menu.addAction(
            self.tr("Open the community"), lambda: self.community_activated.emit(community_id)
        )
        for column, heading in (
            (Column.OVERDUE, self.tr("Overdue")),
            (Column.NEXT, self.tr("Next due")),
        ):
            cell: Cell = model.index(index.row(), column).data(Role.CELL)
            if not cell.entries:
                continue
            menu.addSection(heading)
            for entry in cell.entries:
                label = self.tr("Open “%1”").replace("%1", entry.title.replace("&", "&&"))
                action = menu.addAction(f"{label}\t{entry.when}" if entry.when else label)
                action.setData(entry.item_id)
                action.setToolTip(entry.tooltip)
        menu.setToolTipsVisible(True)
        menu.triggered.connect(lambda action: self._on_menu(community_id, action))
        return menu

    def _on_menu(self, community_id: str, action: QAction) -> None:
        item_id = action.data()
        if item_id:
            self.item_activated.emit(community_id, str(item_id))
