"""Week view layout: where each occurrence goes, and how its text fits.

Geometry and text fitting for :mod:`planner.ui.week_view`: splitting a
week's occurrences into timed chips per day and all-day chips, placing
overlapping chips side by side, lanes in the all-day strip (shared with the
checklist items due that week), snapping to quarter hours, and colours that
keep text readable.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextLayout,
    QTextOption,
)

from planner.calendar import Occurrence
from planner.checklist_due import DueItem

OccurrenceKey = tuple[str, str]

HOUR_HEIGHT = 48  # pixels per hour in the time grid
DAY_MINUTES = 24 * 60
SNAP_MINUTES = 15  # drags land on quarter hours
MIN_MINUTES = 15  # the shortest an item can be resized to
CREATE_SLOT_MINUTES = 30  # a double-click creates from this slot's start...
CREATE_MINUTES = 60  # ...an item this long
DEFAULT_TOP_HOUR = 7  # a new week opens scrolled to here (or the earliest item)
RESIZE_EDGE = 5  # pixels at a chip's bottom that resize instead of move
MAX_ALL_DAY_LANES = 3  # more rows than this and the strip shows "+N"
FREE_RIGHT = 8  # pixels kept free right of each day's chips, to double-click in
CHIP_PAD_X = 4
CHIP_PAD_Y = 2
AUTOSCROLL_ZONE = 24  # pixels from the grid's edge where a drag scrolls
AUTOSCROLL_STEP = 12
FALLBACK_COLOR = "#8d99ae"
NOW_COLOR = "#ea4335"
DARK_TEXT = QColor("#000000")  # black: some text colour reads at 4.5:1 on any fill
LIGHT_TEXT = QColor("#ffffff")


# -- colours and text --------------------------------------------------------------


def luminance(color: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_color_for(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    dark, light = contrast_ratio(background, DARK_TEXT), contrast_ratio(background, LIGHT_TEXT)
    return QColor(DARK_TEXT if dark >= light else LIGHT_TEXT)


def blend(front: QColor, back: QColor, amount: float) -> QColor:
    """``amount`` of ``front`` over ``back``, opaque."""
    return QColor.fromRgbF(
        front.redF() * amount + back.redF() * (1 - amount),
        front.greenF() * amount + back.greenF() * (1 - amount),
        front.blueF() * amount + back.blueF() * (1 - amount),
    )


def fit_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` wrapped into at most ``max_lines`` lines of ``width`` pixels.

    Breaks between words, or between any two characters for Chinese; the last
    line is elided ("…") when the text does not fit. No line is wider than
    ``width``.
    """
    metrics = QFontMetricsF(font)
    if max_lines <= 0 or width <= 0 or not text:
        return []
    if max_lines == 1 or metrics.horizontalAdvance(text) <= width:
        single = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return [single] if single else []
    # QTextLayout counts UTF-16 code units; slice the same way so emoji stay whole.
    units = text.encode("utf-16-le")

    def part(start: int, end: int) -> str:
        return units[2 * start : 2 * end].decode("utf-16-le", errors="replace")

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while len(spans) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textStart() + line.textLength()))
    layout.endLayout()
    if not spans:
        return []
    texts = [part(start, end).strip() for start, end in spans]
    fitted = [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width) for text in texts]
    if spans[-1][1] < len(units) // 2:
        rest = part(spans[-1][0], len(units) // 2).strip()
        elided = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        # Too narrow for a character and "…": the line as laid out says more.
        if elided.strip("…"):
            fitted[-1] = elided
    return [text for text in fitted if text]


def scaled(font: QFont, factor: float) -> QFont:
    result = QFont(font)
    if font.pointSizeF() > 0:
        result.setPointSizeF(max(font.pointSizeF() * factor, 7.0))
    else:
        result.setPixelSize(max(round(font.pixelSize() * factor), 9))
    return result


def hhmm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def time_range(occ: Occurrence) -> str:
    return f"{hhmm(occ.start)}–{hhmm(occ.end)}"


def snap(moment: datetime, origin: datetime, minutes: int = SNAP_MINUTES) -> datetime:
    """``moment`` rounded to the nearest multiple of ``minutes`` after ``origin``."""
    offset = (moment - origin).total_seconds() / 60
    return origin + timedelta(minutes=math.floor(offset / minutes + 0.5) * minutes)


# -- layout --------------------------------------------------------------------------


@dataclass(slots=True)
class ChipText:
    """A chip's text, fitted to one chip size."""

    size: tuple[float, float]
    one_line: bool
    time: str
    title: list[str]
    badge: str


@dataclass(eq=False, slots=True)
class Chip:
    """How one occurrence (or one day's piece of it) sits in the week.

    Timed chips hold minutes after their day's midnight and ``rect`` in grid
    coordinates (y from 00:00, unscrolled); all-day chips hold days and
    ``rect`` in widget coordinates.
    """

    occ: Occurrence
    all_day: bool
    day: int  # 0 = Monday; the first day of an all-day chip
    span: int = 1  # days an all-day chip covers
    start_min: float = 0.0
    end_min: float = 0.0
    ends_here: bool = True  # the occurrence ends in this piece: its bottom edge resizes
    top: float = 0.0  # the minutes the chip takes on screen (at least one line high)
    bottom: float = 0.0
    column: int = 0
    columns: int = 1
    column_span: int = 1
    lane: int = 0
    rect: QRectF = field(default_factory=QRectF)
    fill: QColor = field(default_factory=QColor)
    text_color: QColor = field(default_factory=QColor)
    border: QColor | None = None
    text: ChipText | None = None


# Placeholders for a new chip's geometry and colours, shared rather than made
# per chip: the week view replaces them (never changes them in place) when it
# maps the layout to pixels and styles the chips.
_NO_RECT = QRectF()
_NO_COLOR = QColor()


def split_week(occurrences: list[Occurrence], monday: date) -> tuple[list[list[Chip]], list[Chip]]:
    """Timed pieces per day (split at midnight), and the all-day strip's chips.

    Items lasting a day or more go to the strip, as calendars do.
    """
    week_start = datetime.combine(monday, time())
    week_end = week_start + timedelta(days=7)
    timed: list[list[Chip]] = [[] for _ in range(7)]
    all_day: list[Chip] = []
    one_minute = timedelta(minutes=1)
    one_day = timedelta(days=1)
    midnights = [week_start + one_day * n for n in range(8)]
    for occ in occurrences:
        start, end = occ.start, occ.end
        if end < start + one_minute:
            end = start + one_minute
        if end <= week_start or start >= week_end:
            continue
        if occ.item.all_day or end - start >= one_day:
            first = max(start, week_start)
            last = min(end, week_end) - timedelta(microseconds=1)
            day = (first.date() - monday).days
            span = max(1, (last.date() - monday).days - day + 1)
            all_day.append(
                Chip(
                    occ,
                    True,
                    day,
                    span,
                    ends_here=end <= week_end,
                    rect=_NO_RECT,
                    fill=_NO_COLOR,
                    text_color=_NO_COLOR,
                )
            )
            continue
        index = max((start.date() - monday).days, 0)
        while index < 7 and midnights[index] < end:
            day_start, day_end = midnights[index], midnights[index + 1]
            piece_start = start if start > day_start else day_start
            piece_end = end if end < day_end else day_end
            timed[index].append(
                Chip(
                    occ,
                    False,
                    index,
                    start_min=(piece_start - day_start).total_seconds() / 60,
                    end_min=(piece_end - day_start).total_seconds() / 60,
                    ends_here=piece_end == end,
                    rect=_NO_RECT,
                    fill=_NO_COLOR,
                    text_color=_NO_COLOR,
                )
            )
            index += 1
    return timed, all_day


def assign_columns(chips: list[Chip], min_minutes: float) -> None:
    """Lay out one day's chips side by side where they overlap on screen.

    Overlapping chips form a cluster that shares the day's width in columns;
    each chip takes the leftmost free column, then widens to the right over
    columns that are free for its whole height.
    """
    for chip in chips:
        height = max(chip.end_min - chip.start_min, min_minutes)
        chip.top = max(0.0, min(chip.start_min, DAY_MINUTES - height))
        chip.bottom = chip.top + height
    chips.sort(key=lambda c: (c.top, -c.bottom, c.occ.item.title))
    active: list[tuple[float, int]] = []  # (bottom, column) of chips still open
    free: list[int] = []
    cluster: list[Chip] = []
    column_count = 0

    def close_cluster() -> None:
        columns: list[list[Chip]] = [[] for _ in range(column_count)]
        for chip in cluster:
            columns[chip.column].append(chip)
        tops = [[c.top for c in column] for column in columns]
        for chip in cluster:
            chip.columns = column_count
            span = 1
            for other in range(chip.column + 1, column_count):
                # Chips in one column do not overlap and are sorted by top, so
                # only the last one starting above this chip's bottom can touch it.
                at = bisect_left(tops[other], chip.bottom) - 1
                if at >= 0 and columns[other][at].bottom > chip.top:
                    break
                span += 1
            chip.column_span = span
        cluster.clear()

    for chip in chips:
        while active and active[0][0] <= chip.top:
            heapq.heappush(free, heapq.heappop(active)[1])
        if not active and cluster:
            close_cluster()
            free.clear()
            column_count = 0
        if free:
            chip.column = heapq.heappop(free)
        else:
            chip.column = column_count
            column_count += 1
        heapq.heappush(active, (chip.bottom, chip.column))
        cluster.append(chip)
    if cluster:
        close_cluster()


def assign_lanes(chips: list[Chip]) -> int:
    """Give each all-day chip the lowest free row; returns the number of rows."""
    chips.sort(key=lambda c: (c.day, -c.span, c.occ.start, c.occ.item.title))
    active: list[tuple[int, int]] = []  # (day after the chip, lane)
    free: list[int] = []
    lanes = 0
    for chip in chips:
        while active and active[0][0] <= chip.day:
            heapq.heappush(free, heapq.heappop(active)[1])
        if free:
            chip.lane = heapq.heappop(free)
        else:
            chip.lane = lanes
            lanes += 1
        heapq.heappush(active, (chip.day + chip.span, chip.lane))
    return lanes


@dataclass(eq=False, slots=True)
class DueMark:
    """A checklist item due on day ``day`` (0 = Monday), in lane ``lane`` of the
    all-day strip; ``rect`` is in widget coordinates."""

    due: DueItem
    day: int
    lane: int = 0
    rect: QRectF = field(default_factory=QRectF)


def assign_due_lanes(due: list[DueItem], monday: date, all_day: list[Chip]) -> list[DueMark]:
    """Place the week's due items in the all-day strip, each in the lowest lane
    its day has free after the all-day chips (whose lanes are already set)."""
    taken: list[set[int]] = [set() for _ in range(7)]
    for chip in all_day:
        for day in range(max(chip.day, 0), min(chip.day + chip.span, 7)):
            taken[day].add(chip.lane)
    marks: list[DueMark] = []
    for item in sorted(due, key=lambda d: (d.due_on, d.done, d.title, d.item_id)):
        day = (item.due_on - monday).days
        if not 0 <= day < 7:
            continue
        lane = 0
        while lane in taken[day]:
            lane += 1
        taken[day].add(lane)
        marks.append(DueMark(item, day, lane))
    return marks
