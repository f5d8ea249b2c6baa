"""The overview's layout: how wide its columns are and where each row's text goes.

The columns always fit the width: no sideways scrolling, so what is overdue
is always in sight. The community and its progress give up width first; the
two lists of items share the rest by what they need, and a title that does
not fit takes a second line when the cell has one to spare.

Pure geometry from fonts and cells, no widgets: the delegate
(:mod:`planner.ui.overview_delegate`) paints and hit-tests by it, the view
(:mod:`planner.ui.overview_view`) sizes its columns and rows by it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QTextLayout, QTextOption

from planner.checklist_due import OverviewRow
from planner.ui.labels import members_text, platform_label, stage_label
from planner.ui.overview_model import Cell, Tone
from planner.ui.theme import SPACING, bold_font, small_font

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

Plan = list[tuple[tuple[str, ...], str, int]]  # each item's title lines, assignee, its line


# -- measuring and wrapping text ----------------------------------------------------


class Measure:
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


_MEASURES: dict[str, Measure] = {}  # by QFont.key()


def measure(font: QFont) -> Measure:
    """The measure of ``font``: titles, dates and names repeat across rows and refreshes."""
    key = font.key()
    if key not in _MEASURES:
        _MEASURES[key] = Measure(font)
    return _MEASURES[key]


def advance(font: QFont, text: str) -> int:
    """The width of ``text`` rounded up: fits where Qt's eliding and wrapping agree."""
    return measure(font)(text)


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
    while len(lines) < most - 1 and advance(font, rest) > width:
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
    while advance(font, rest) > width:
        if count > most:
            break
        head, rest = _wrap(rest, font, width)
        if not head:
            return most + 1
        count += 1
    return min(count, most + 1)


# -- the lines of a row -------------------------------------------------------------


def line_height(fm: QFontMetrics) -> int:
    return fm.height() + GAP


def row_height(fm: QFontMetrics, lines: int = LINES) -> int:
    return PAD * 2 + line_height(fm) * lines - GAP


def lines_in(rect: QRect, fm: QFontMetrics) -> int:
    """How many lines of text a cell of ``rect`` has room for."""
    return max(LINES, (rect.height() - 2 * PAD + GAP) // line_height(fm))


def line_rect(rect: QRect, fm: QFontMetrics, n: int) -> QRect:
    inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
    top = inner.top() + n * line_height(fm)
    return QRect(inner.left(), top, inner.width(), fm.height())


def lead_width(widths: Measure, cell: Cell, when_width: int) -> int:
    """The width before the titles of ``cell`` (measured by ``widths``): the widest
    due date (``when_width``, of the whole table, so that titles line up), or a bullet."""
    whens = [widths(e.when) + SPACING for e in cell.entries if e.when]
    return max(when_width, *whens) if whens else BULLET


def cell_lines(font: QFont, cell: Cell, width: int, when_width: int) -> int:
    """The lines ``cell`` needs in a column of ``width``: one per item, two
    for a title that does not fit on one."""
    widths = measure(font)
    text = width - 2 * PAD - lead_width(widths, cell, when_width)
    long = sum(1 for e in cell.entries if widths(e.title) > text)
    return min((1 if cell.caption else 0) + len(cell.entries) + long, MAX_LINES)


# -- where the listed items go --------------------------------------------------------


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


def entry_layouts(rect: QRect, font: QFont, cell: Cell, when_width: int) -> list[EntryLayout]:
    """Lay the items of ``cell`` out in ``rect``.

    Every title whole and every assignee if the cell has the lines for it
    (a title too long for its line wraps to a second one, an assignee that
    does not fit beside its title goes below it); if not, the titles alone,
    wrapping while the cell has lines to spare: all the cell's assignees or
    none (the tooltip has them), so a missing name never reads as “nobody”.
    The view makes a row as tall as its titles need (:func:`cell_lines`).
    """
    fm = QFontMetrics(font)
    lead = lead_width(measure(font), cell, when_width)
    width = max(line_rect(rect, fm, 0).width() - lead, 0)
    first = 1 if cell.caption else 0
    plan = _plan(cell, font, width, lines_in(rect, fm) - first)
    layouts: list[EntryLayout] = []
    at = first
    for title, who, who_line in plan:
        count = max(len(title), who_line + 1)
        top = line_rect(rect, fm, at)
        bottom = line_rect(rect, fm, at + count - 1)
        layouts.append(
            EntryLayout(QRect(top.topLeft(), bottom.bottomRight()), lead, title, who, who_line)
        )
        at += count
    return layouts


def _plan(cell: Cell, font: QFont, width: int, lines: int) -> Plan:
    """Each item's title lines, assignee and the line it is on, in text
    ``width`` and ``lines`` for the items."""
    plan = None
    if any(e.assignee for e in cell.entries):
        plan = _plan_with_assignees(cell, font, width, lines)
    return plan if plan is not None else _plan_titles(cell, font, width, lines)


def _plan_with_assignees(cell: Cell, font: QFont, width: int, lines: int) -> Plan | None:
    """Each item's title lines, assignee and the line it is on; None when they
    do not all fit in ``lines``."""
    small = small_font(font)
    sfm = QFontMetrics(small)
    plan: Plan = []
    for e in cell.entries:
        if lines_needed(e.title, font, width, TITLE_LINES) > TITLE_LINES:
            return None
        title = wrap_lines(e.title, font, width, TITLE_LINES)
        who_w = advance(small, e.assignee) + SPACING if e.assignee else 0
        if advance(font, title[-1]) + who_w <= width:  # after the title
            plan.append((title, e.assignee, len(title) - 1))
        else:  # on a line of its own
            who = sfm.elidedText(e.assignee, Qt.TextElideMode.ElideRight, width)
            plan.append((title, who, len(title)))
    if sum(max(len(title), line + 1) for title, _who, line in plan) > lines:
        return None
    return plan


def _plan_titles(cell: Cell, font: QFont, width: int, lines: int) -> Plan:
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


# -- the widths the columns need, and get ---------------------------------------------


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


def list_needs(font: QFont, cells: list[Cell], when_width: int) -> tuple[int, int]:
    """The widths a column of ``cells`` needs: to show every title whole (on
    two lines at most), and to show every item on one line with its assignee.

    Titles repeat across communities (the built-in checklist): each is
    measured once, and only the longest are tried on two lines.
    """
    plain, small, bold = measure(font), measure(small_font(font)), measure(bold_font(font))
    caption = full = 0
    titles: list[tuple[int, int, str]] = []  # (one line, lead, title)
    for cell in cells:
        if cell.caption:
            caption_measure = bold if cell.tone is Tone.WARNING else plain
            caption = max(caption, caption_measure(cell.caption))
        lead = lead_width(plain, cell, when_width)
        for e in cell.entries:
            width = plain(e.title)
            who = small(e.assignee) + SPACING if e.assignee else 0
            full = max(full, lead + width + who)
            titles.append((lead + width, lead, e.title))
    whole = caption
    for one_line, lead, title in sorted(titles, reverse=True):
        if one_line <= whole:
            break  # this one and every shorter one fits on one line
        whole = max(whole, lead + plain.two_lines(title))
    return whole + 2 * PAD, max(caption, full) + 2 * PAD


def community_width(font: QFont, rows: list[OverviewRow]) -> int:
    """The width the communities need: names, stage badges and member counts,
    platforms and owners."""
    small, bold = measure(small_font(font)), measure(bold_font(font))
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


def column_widths(needs: Needs, width: int) -> list[int]:
    """Widths for the four columns adding up to ``width``, given what they ``need``.

    The community and its progress get what they need (within limits);
    when that leaves the lists of items less than they need to show their
    titles whole (up to a comfortable width), the progress gives up some
    (“16/34” for “16 of 34 done”), then the community, down to a minimum.
    The lists share the rest: first toward showing their titles whole
    (wrapping), then toward one line each, then half each of what is left.
    """
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
