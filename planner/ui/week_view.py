"""The week view: seven days on a time grid, items as chips you can drag.

A pure view. :meth:`WeekView.set_week` hands it a week's occurrences and the
community colours; it paints them and says what the user asks for (move,
resize, open, create, delete) through signals. The calendar page owns the
data, the edits and their undo, and calls ``set_week`` again afterwards.

Checklist items due that week sit in the all-day strip beside the all-day
chips, painted by :mod:`planner.ui.due_marks`; they are not dragged.

The layout (side-by-side columns for overlapping items, lanes in the
all-day strip) is worked out once per ``set_week``. A resize maps it to
pixels again; painting only draws the chips in view, with their text
fitted once per chip size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from html import escape
from typing import Literal

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QCursor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QScrollBar, QToolTip, QWidget

from planner.calendar import Occurrence, Status
from planner.checklist_due import DueItem
from planner.ui.due_marks import community_color, due_tooltip, paint_due
from planner.ui.labels import item_type_badge, item_type_label, status_label
from planner.ui.locale_text import day_month, ui_language, weekday_day_month
from planner.ui.theme import SPACING
from planner.ui.week_layout import (
    AUTOSCROLL_STEP,
    AUTOSCROLL_ZONE,
    CHIP_PAD_X,
    CHIP_PAD_Y,
    CREATE_MINUTES,
    CREATE_SLOT_MINUTES,
    DAY_MINUTES,
    DEFAULT_TOP_HOUR,
    FALLBACK_COLOR,
    FREE_RIGHT,
    HOUR_HEIGHT,
    MAX_ALL_DAY_LANES,
    MIN_MINUTES,
    NOW_COLOR,
    RESIZE_EDGE,
    Chip,
    ChipText,
    DueMark,
    OccurrenceKey,
    assign_columns,
    assign_due_lanes,
    assign_lanes,
    blend,
    fit_lines,
    hhmm,
    scaled,
    snap,
    split_week,
    text_color_for,
    time_range,
)


@dataclass(slots=True)
class _Drag:
    """A press on a chip, and where dragging it would put the occurrence."""

    chip: Chip
    mode: Literal["move", "resize"]
    press: QPointF
    grab: timedelta  # from the occurrence's start to the pressed moment
    press_day: int
    last: QPointF
    active: bool = False  # moved past the drag distance
    cancelled: bool = False  # Esc: ignore the mouse until it is released
    start: datetime | None = None
    end: datetime | None = None


# -- the widget ------------------------------------------------------------------------


class WeekView(QWidget):
    """Seven days, Monday to Sunday, on a time grid with an all-day strip.

    Items show as chips in their community's colour, with time, title and a
    type badge. Click selects; drag moves (snapped to 15 minutes, across
    days); dragging the bottom edge resizes; double-click opens an item or
    creates one in an empty slot; arrows, Enter and Delete work on the
    selection. The view changes no data itself: it asks through signals.

    Attributes:
        clock: returns the current local time (for the now line and "today").

    Signals:
        move_requested(Occurrence, datetime, datetime): the user dropped an
            occurrence at a new start and end (only sent when they changed).
        open_requested(Occurrence): double-click or Enter on an item.
        create_requested(datetime, datetime, bool): double-click on an empty
            slot: start, end, and whether it was in the all-day strip.
        delete_requested(Occurrence): Delete pressed on the selected item.
        selection_changed(object): the selected Occurrence, or None.
        due_activated(DueItem): double-click or Enter on a checklist item.
        due_menu_requested(DueItem, QPoint): the context menu on a checklist
            item, at a global position.
    """

    move_requested = Signal(object, object, object)
    open_requested = Signal(object)
    create_requested = Signal(object, object, bool)
    delete_requested = Signal(object)
    selection_changed = Signal(object)
    due_activated = Signal(object)
    due_menu_requested = Signal(object, object)

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("Week"))

        self._monday = clock().date() - timedelta(days=clock().weekday())
        self._today: date | None = None
        self._shown = False  # set_week was called: a later call may be the same week
        self._colors: dict[str, str] = {}
        self._order: list[Occurrence] = []  # time order, for the arrow keys
        self._index: dict[OccurrenceKey, int] = {}
        self._chips_by_key: dict[OccurrenceKey, list[Chip]] = {}
        self._timed: list[list[Chip]] = [[] for _ in range(7)]
        self._all_day: list[Chip] = []
        self._hidden: list[list[Chip]] = [[] for _ in range(7)]  # all-day chips past the rows
        self._due: list[DueItem] = []
        self._names: dict[str, str] = {}
        self._marks: list[DueMark] = []
        self._hidden_due: list[list[DueMark]] = [[] for _ in range(7)]
        self._selected_due: DueItem | None = None
        self._lanes_shown = 0
        self._rows = 1
        self._selected: Occurrence | None = None
        self._drag: _Drag | None = None
        self._top_anchor: float | None = DEFAULT_TOP_HOUR * 60.0  # until the user scrolls

        self._scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._scrollbar.setSingleStep(HOUR_HEIGHT // 2)
        self._scrollbar.valueChanged.connect(self._scrolled)
        self._scrollbar.actionTriggered.connect(self._user_scrolled)
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(60_000)
        self._now_timer.timeout.connect(self.update)
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(30)
        self._autoscroll.timeout.connect(self._autoscroll_step)
        self._autoscroll_dir = 0

        self._measure()
        self._relayout()

    # -- public API ----------------------------------------------------------------

    def set_week(
        self,
        monday: date,
        occurrences: list[Occurrence],
        colors: dict[str, str],
        today: date | None = None,
        *,
        due: Sequence[DueItem] = (),
        names: dict[str, str] | None = None,
    ) -> None:
        """Show the week starting ``monday``: its occurrences, coloured by community.

        ``colors`` maps community ids to ``#rrggbb``; ``today`` (default: the
        clock's date) is highlighted. ``due`` are the checklist items due that
        week, ``names`` the communities' names for their tooltips. Showing the
        same week again (after an edit) keeps the scroll position and the
        selection, by key.
        """
        monday = monday - timedelta(days=monday.weekday())
        same_week = self._shown and monday == self._monday
        self._cancel_drag()
        self._shown = True
        self._monday = monday
        self._today = today
        self._colors = dict(colors)
        self._order = sorted(
            occurrences, key=lambda o: (o.start, not o.item.all_day, o.end, o.item.title, o.key)
        )
        self._index = {occ.key: i for i, occ in enumerate(self._order)}
        self._due = list(due)
        self._names = dict(names or {})
        selected_due = self._selected_due.item_id if self._selected_due is not None else None
        self._selected_due = next((d for d in self._due if d.item_id == selected_due), None)
        self._build()
        if not same_week:
            earliest = min((c.top for day in self._timed for c in day), default=DAY_MINUTES)
            self._top_anchor = min(DEFAULT_TOP_HOUR * 60.0, earliest)
        self._relayout()
        previous = self._selected
        key = previous.key if previous is not None else None
        current = self._order[self._index[key]] if key in self._index else None
        self._selected = current
        self.update()
        if current != previous:
            self.selection_changed.emit(current)

    def week(self) -> date:
        """The Monday of the week shown."""
        return self._monday

    def occurrences(self) -> list[Occurrence]:
        """The occurrences shown, in time order."""
        return list(self._order)

    def selected(self) -> Occurrence | None:
        return self._selected

    def select(self, key: OccurrenceKey | None) -> bool:
        """Select the occurrence with ``key`` (None clears); False if it is not shown."""
        occ = self._order[self._index[key]] if key is not None and key in self._index else None
        self._set_selected(occ)
        return occ is not None or key is None

    def due_items(self) -> list[DueItem]:
        """The checklist items shown (in the strip or behind its "+N")."""
        return [mark.due for mark in self._marks]

    def selected_due(self) -> DueItem | None:
        return self._selected_due

    def due_rect(self, item_id: str) -> QRectF | None:
        """Where a checklist item is in the strip, or None if it is not in view."""
        for mark in self._marks:
            if mark.due.item_id == item_id and mark.lane < self._lanes_shown:
                return QRectF(mark.rect)
        return None

    def item_rects(self, key: OccurrenceKey) -> list[QRectF]:
        """Where the occurrence's chips are, in widget coordinates (visible or not)."""
        return [self._widget_rect(chip) for chip in self._chips_by_key.get(key, [])]

    def point_at(self, moment: datetime) -> QPointF:
        """The point in the time grid for ``moment``, in the middle of its day."""
        day = (moment.date() - self._monday).days
        if not 0 <= day < 7:
            raise ValueError(f"{moment} is not in the week of {self._monday}")
        minutes = moment.hour * 60 + moment.minute + moment.second / 60
        return QPointF(self._day_left(day) + self._day_width / 2, self._grid_y(minutes))

    def moment_at(self, pos: QPointF) -> datetime | None:
        """The time under ``pos`` in the grid (to the minute), or None outside it."""
        if not self._grid_rect().contains(pos) or pos.x() < self._gutter:
            return None
        day = self._day_at(pos.x())
        minutes = int(self._minutes_at(pos.y()))
        return datetime.combine(self._monday + timedelta(days=day), time()) + timedelta(
            minutes=minutes
        )

    def all_day_rect(self, day: date) -> QRectF:
        """The all-day strip's cell for ``day``, in widget coordinates."""
        index = (day - self._monday).days
        return QRectF(
            self._day_left(index), self._strip_top(), self._day_width, self._strip_height()
        )

    def visible_hours(self) -> tuple[float, float]:
        """The hours at the top and the bottom of the visible grid."""
        top = self._scrollbar.value() / HOUR_HEIGHT
        return top, top + self._grid_height() / HOUR_HEIGHT

    def scroll_to_hour(self, hour: float) -> None:
        """Scroll the grid so that ``hour`` is at its top."""
        self._top_anchor = None
        self._scrollbar.setValue(round(hour * HOUR_HEIGHT))

    def sizeHint(self) -> QSize:
        """Override QWidget::sizeHint."""
        return QSize(900, 640)

    def minimumSizeHint(self) -> QSize:
        """Override QWidget::minimumSizeHint."""
        return QSize(self._gutter + 7 * 48 + self._scrollbar.sizeHint().width(), 300)

    # -- geometry ------------------------------------------------------------------

    def _measure(self) -> None:
        """Sizes that follow from the font."""
        font = self.font()
        self._title_font = QFont(font)
        self._title_font.setWeight(QFont.Weight.DemiBold)
        self._struck_font = QFont(self._title_font)
        self._struck_font.setStrikeOut(True)
        self._small_font = scaled(font, 0.85)
        self._big_font = scaled(font, 1.5)
        self._line = math.ceil(QFontMetricsF(self._title_font).height())
        self._small_line = math.ceil(QFontMetricsF(self._small_font).height())
        big_line = math.ceil(QFontMetricsF(self._big_font).height())
        small = QFontMetricsF(self._small_font)
        # Wide enough for the hours and for the week number in the corner.
        corner = max(
            small.horizontalAdvance("00:00"), small.horizontalAdvance(self._week_label(53))
        )
        self._gutter = math.ceil(corner) + 2 * SPACING
        self._header_h = SPACING + self._small_line + 2 + big_line + SPACING
        self._row_h = self._line + 4
        self._min_chip_h = self._line + 2 * CHIP_PAD_Y
        self._min_minutes = self._min_chip_h * 60 / HOUR_HEIGHT

    def _build(self) -> None:
        """Work out columns and lanes for the occurrences (once per set_week)."""
        self._timed, self._all_day = split_week(self._order, self._monday)
        for day in self._timed:
            assign_columns(day, self._min_minutes)
        lanes = assign_lanes(self._all_day)
        self._marks = assign_due_lanes(self._due, self._monday, self._all_day)
        lanes = max([lanes] + [mark.lane + 1 for mark in self._marks])
        if lanes <= MAX_ALL_DAY_LANES:
            self._lanes_shown, self._rows = lanes, max(1, lanes)
        else:
            self._lanes_shown, self._rows = MAX_ALL_DAY_LANES - 1, MAX_ALL_DAY_LANES
        self._hidden = [[] for _ in range(7)]
        self._chips_by_key = {}
        for chip in self._all_day:
            if chip.lane >= self._lanes_shown:
                for index in range(chip.day, chip.day + chip.span):
                    self._hidden[index].append(chip)
            else:
                self._chips_by_key.setdefault(chip.occ.key, []).append(chip)
        self._hidden_due = [[] for _ in range(7)]
        for mark in self._marks:
            if mark.lane >= self._lanes_shown:
                self._hidden_due[mark.day].append(mark)
        for pieces in self._timed:
            for chip in pieces:
                self._chips_by_key.setdefault(chip.occ.key, []).append(chip)
        self._style_chips()

    def _style_chips(self) -> None:
        """Fill, text and border colours; ideas and cancelled items fade into the base."""
        base = self.palette().color(QPalette.ColorRole.Base)
        cache: dict[tuple[str, Status], tuple[QColor, QColor, QColor | None]] = {}
        for chip in self._all_chips():
            community = QColor(self._colors.get(chip.occ.item.community_id, FALLBACK_COLOR))
            if not community.isValid():
                community = QColor(FALLBACK_COLOR)
            status = chip.occ.item.status
            style = cache.get((community.name(), status))
            if style is None:
                if status is Status.IDEA:
                    fill, border = blend(community, base, 0.28), QColor(community)
                elif status is Status.CANCELLED:
                    fill, border = blend(community, base, 0.4), None
                else:
                    fill, border = community, None
                # Text is chosen for the fill as shown, so faded chips stay readable.
                style = (fill, text_color_for(fill), border)
                cache[(community.name(), status)] = style
            chip.fill, chip.text_color, chip.border = style

    def _all_chips(self) -> list[Chip]:
        return self._all_day + [chip for day in self._timed for chip in day]

    def _relayout(self) -> None:
        """Map the layout to pixels for the current size (after set_week or a resize)."""
        bar = self._scrollbar
        bar_w = bar.sizeHint().width()
        self._day_width = max(1.0, (self.width() - self._gutter - bar_w) / 7)
        grid_top, grid_h = self._grid_top(), self._grid_height()
        bar.setGeometry(self.width() - bar_w, grid_top, bar_w, max(0, grid_h))
        bar.setRange(0, max(0, 24 * HOUR_HEIGHT - grid_h))
        bar.setPageStep(max(1, grid_h))
        if self._top_anchor is not None:
            bar.setValue(round(self._top_anchor * HOUR_HEIGHT / 60) - self._small_line)
        px = HOUR_HEIGHT / 60
        usable = max(2.0, self._day_width - FREE_RIGHT)
        for chip in (c for day in self._timed for c in day):
            left = self._day_left(chip.day) + 1 + usable * chip.column / chip.columns
            width = usable * chip.column_span / chip.columns - 2
            chip.rect = QRectF(
                left, chip.top * px, max(1.0, width), (chip.bottom - chip.top) * px - 1
            )
        strip_top = self._strip_top() + 2
        for chip in self._all_day:
            chip.rect = QRectF(
                self._day_left(chip.day) + 2,
                strip_top + chip.lane * self._row_h,
                chip.span * self._day_width - 4,
                self._row_h - 2,
            )
        for mark in self._marks:
            mark.rect = QRectF(
                self._day_left(mark.day) + 2,
                strip_top + mark.lane * self._row_h,
                self._day_width - 4,
                self._row_h - 2,
            )
        self.update()

    def _day_left(self, day: int) -> float:
        return self._gutter + day * self._day_width

    def _days_right(self) -> float:
        return self._day_left(7)

    def _strip_top(self) -> int:
        return self._header_h

    def _strip_height(self) -> int:
        return self._rows * self._row_h + 4

    def _grid_top(self) -> int:
        return self._strip_top() + self._strip_height() + 1

    def _grid_height(self) -> int:
        return max(0, self.height() - self._grid_top())

    def _grid_rect(self) -> QRectF:
        return QRectF(0, self._grid_top(), self._days_right(), self._grid_height())

    def _strip_rect(self) -> QRectF:
        return QRectF(self._gutter, self._strip_top(), 7 * self._day_width, self._strip_height())

    def _grid_y(self, minutes: float) -> float:
        return self._grid_top() + minutes * HOUR_HEIGHT / 60 - self._scrollbar.value()

    def _minutes_at(self, y: float) -> float:
        minutes = (y - self._grid_top() + self._scrollbar.value()) * 60 / HOUR_HEIGHT
        return min(max(minutes, 0.0), float(DAY_MINUTES))

    def _day_at(self, x: float) -> int:
        return min(max(int((x - self._gutter) // self._day_width), 0), 6)

    def _day_start(self, day: int) -> datetime:
        return datetime.combine(self._monday + timedelta(days=day), time())

    def _widget_rect(self, chip: Chip) -> QRectF:
        if chip.all_day:
            return QRectF(chip.rect)
        return chip.rect.translated(0, self._grid_top() - self._scrollbar.value())

    def _today_index(self) -> int | None:
        today = self._today or self.clock().date()
        index = (today - self._monday).days
        return index if 0 <= index < 7 else None

    # -- finding things under the mouse ------------------------------------------------

    def _chip_at(self, pos: QPointF) -> Chip | None:
        if pos.x() < self._gutter or pos.x() >= self._days_right():
            return None
        if self._strip_rect().contains(pos):
            candidates = [c for c in self._all_day if c.lane < self._lanes_shown]
            point = pos
        elif self._grid_rect().contains(pos):
            candidates = self._timed[self._day_at(pos.x())]
            point = QPointF(pos.x(), pos.y() - self._grid_top() + self._scrollbar.value())
        else:
            return None
        selected = self._selected.key if self._selected is not None else None
        hits = [c for c in candidates if c.rect.contains(point)]
        # The selected chip is painted on top, so it wins.
        hits.sort(key=lambda c: c.occ.key == selected)
        return hits[-1] if hits else None

    def _due_at(self, pos: QPointF) -> DueItem | None:
        if not self._strip_rect().contains(pos):
            return None
        for mark in self._marks:
            if mark.lane < self._lanes_shown and mark.rect.contains(pos):
                return mark.due
        return None

    def _on_resize_edge(self, chip: Chip, pos: QPointF) -> bool:
        if chip.all_day or not chip.ends_here:
            return False
        return pos.y() >= self._widget_rect(chip).bottom() - RESIZE_EDGE

    def _more_cell(self, pos: QPointF) -> int | None:
        """The day whose "+N" cell is under ``pos``."""
        if not self._strip_rect().contains(pos):
            return None
        day = self._day_at(pos.x())
        row_top = self._strip_top() + 2 + self._lanes_shown * self._row_h
        hidden = self._hidden[day] or self._hidden_due[day]
        return day if hidden and pos.y() >= row_top else None

    # -- selection -------------------------------------------------------------------

    def _select_due(self, due: DueItem | None) -> None:
        """Select a checklist item (an occurrence selected before is let go)."""
        self._set_selected(None)
        if due != self._selected_due:
            self._selected_due = due
            self.update()

    def _set_selected(self, occ: Occurrence | None, reveal: bool = True) -> None:
        if occ is not None and self._selected_due is not None:
            self._selected_due = None
            self.update()
        if occ == self._selected:
            return
        self._selected = occ
        if occ is not None and reveal:
            self._reveal(occ.key)
        self.update()
        self.selection_changed.emit(occ)

    def _reveal(self, key: OccurrenceKey) -> None:
        """Scroll so that the occurrence's first timed chip is in view."""
        chips = [c for c in self._chips_by_key.get(key, []) if not c.all_day]
        if not chips:
            return
        rect = chips[0].rect
        top, height = self._scrollbar.value(), self._grid_height()
        if rect.top() < top:
            self._top_anchor = None
            self._scrollbar.setValue(int(rect.top()) - self._small_line)
        elif rect.bottom() > top + height:
            self._top_anchor = None
            target = min(int(rect.bottom()) - height + self._small_line, int(rect.top()))
            self._scrollbar.setValue(target)

    def _step(self, delta: int) -> None:
        """Select the next (or previous) entry: each day's due checklist items,
        then its calendar items, so the keyboard reaches both."""
        ranked: list[tuple[date, int, int, Occurrence | DueItem]] = [
            (mark.due.due_on, 0, n, mark.due) for n, mark in enumerate(self._marks)
        ]
        ranked += [(occ.start.date(), 1, n, occ) for n, occ in enumerate(self._order)]
        entries = [entry for *_, entry in sorted(ranked, key=lambda r: r[:3])]
        if not entries:
            return
        current = self._selected_due if self._selected_due is not None else self._selected
        if current is None or current not in entries:
            index = 0 if delta > 0 else len(entries) - 1
        else:
            index = min(max(entries.index(current) + delta, 0), len(entries) - 1)
        entry = entries[index]
        if isinstance(entry, DueItem):
            self._select_due(entry)
        else:
            self._set_selected(entry)

    # -- scrolling ---------------------------------------------------------------

    def _scrolled(self, _value: int) -> None:
        if self._drag is not None and self._drag.active:
            self._update_drag(self._drag.last)
        self.update()

    def _user_scrolled(self, _action: int) -> None:
        self._top_anchor = None

    def _autoscroll_step(self) -> None:
        if self._drag is None or not self._drag.active or not self._autoscroll_dir:
            self._autoscroll.stop()
            return
        self._top_anchor = None
        bar = self._scrollbar
        bar.setValue(bar.value() + self._autoscroll_dir * AUTOSCROLL_STEP)

    def _update_autoscroll(self, pos: QPointF) -> None:
        direction = 0
        if self._drag is not None and self._drag.active and not self._drag.chip.all_day:
            if pos.y() < self._grid_top() + AUTOSCROLL_ZONE:
                direction = -1
            elif pos.y() > self.height() - AUTOSCROLL_ZONE:
                direction = 1
        self._autoscroll_dir = direction
        if direction and not self._autoscroll.isActive():
            self._autoscroll.start()
        elif not direction:
            self._autoscroll.stop()

    # -- dragging --------------------------------------------------------------------

    def _start_press(self, chip: Chip, pos: QPointF) -> None:
        mode: Literal["move", "resize"] = "resize" if self._on_resize_edge(chip, pos) else "move"
        day = self._day_at(pos.x())
        grab = timedelta(0)
        if not chip.all_day:
            pressed = self._day_start(day) + timedelta(minutes=self._minutes_at(pos.y()))
            grab = pressed - chip.occ.start
        self._drag = _Drag(chip, mode, QPointF(pos), grab, day, QPointF(pos))

    def _update_drag(self, pos: QPointF) -> None:
        drag = self._drag
        if drag is None or drag.cancelled:
            return
        drag.last = QPointF(pos)
        if not drag.active:
            distance = (pos - drag.press).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            drag.active = True
        occ = drag.chip.occ
        if drag.chip.all_day:
            shift = timedelta(days=self._day_at(pos.x()) - drag.press_day)
            drag.start, drag.end = occ.start + shift, occ.end + shift
        elif drag.mode == "move":
            cursor = self._day_start(self._day_at(pos.x())) + timedelta(
                minutes=self._minutes_at(pos.y())
            )
            drag.start = snap(cursor - drag.grab, self._day_start(0))
            drag.end = drag.start + (occ.end - occ.start)
        else:
            day_start = self._day_start(drag.chip.day)
            end = snap(day_start + timedelta(minutes=self._minutes_at(pos.y())), day_start)
            drag.start, drag.end = occ.start, max(end, occ.start + timedelta(minutes=MIN_MINUTES))
        self._update_autoscroll(pos)
        self.update()

    def _finish_drag(self) -> None:
        drag, self._drag = self._drag, None
        self._autoscroll.stop()
        self.unsetCursor()
        if drag is None or not drag.active or drag.cancelled:
            self.update()
            return
        occ = drag.chip.occ
        self.update()
        if drag.start is not None and drag.end is not None:
            if (drag.start, drag.end) != (occ.start, occ.end):
                self.move_requested.emit(occ, drag.start, drag.end)

    def _cancel_drag(self) -> None:
        if self._drag is not None:
            self._drag.cancelled = True
            self._drag.active = False
        self._autoscroll.stop()
        self.unsetCursor()
        self.update()

    # -- Qt events -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent."""
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent."""
        super().showEvent(event)
        self._now_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Override QWidget::hideEvent."""
        super().hideEvent(event)
        self._now_timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent."""
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measure()
            self._build()
            self._relayout()
        elif kind == QEvent.Type.PaletteChange:
            self._style_chips()
            self.update()
        elif kind == QEvent.Type.LocaleChange:
            self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Override QWidget::focusOutEvent."""
        super().focusOutEvent(event)
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Override QWidget::focusInEvent."""
        super().focusInEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mousePressEvent."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        due = self._due_at(pos)
        if due is not None:  # a checklist item is selected, never dragged
            self._select_due(due)
            event.accept()
            return
        if self._selected_due is not None:
            self._select_due(None)
        chip = self._chip_at(pos)
        self._set_selected(chip.occ if chip else None, reveal=False)
        if chip is not None:
            self._start_press(chip, pos)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mouseMoveEvent."""
        pos = event.position()
        if self._drag is not None:
            self._update_drag(pos)
            if self._drag.active:
                resize = self._drag.mode == "resize"
                shape = Qt.CursorShape.SizeVerCursor if resize else Qt.CursorShape.ClosedHandCursor
                self.setCursor(QCursor(shape))
            return
        chip = self._chip_at(pos)
        if chip is not None and self._on_resize_edge(chip, pos):
            self.setCursor(QCursor(Qt.CursorShape.SizeVerCursor))
        else:
            self.unsetCursor()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mouseReleaseEvent."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        if self._drag is not None and not self._drag.cancelled:
            self._update_drag(event.position())
        self._finish_drag()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mouseDoubleClickEvent."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        self._drag = None
        pos = event.position()
        due = self._due_at(pos)
        if due is not None:
            self._select_due(due)
            self.due_activated.emit(due)
            return
        chip = self._chip_at(pos)
        if chip is not None:
            self._set_selected(chip.occ, reveal=False)
            self.open_requested.emit(chip.occ)
            return
        if pos.x() < self._gutter or pos.x() >= self._days_right():
            return
        day = self._day_at(pos.x())
        if self._strip_rect().contains(pos):
            if self._more_cell(pos) is None:
                start = self._day_start(day)
                self.create_requested.emit(start, start + timedelta(days=1), True)
        elif self._grid_rect().contains(pos):
            slot = self._minutes_at(pos.y()) // CREATE_SLOT_MINUTES * CREATE_SLOT_MINUTES
            start = self._day_start(day) + timedelta(minutes=min(slot, DAY_MINUTES - 30))
            self.create_requested.emit(start, start + timedelta(minutes=CREATE_MINUTES), False)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Override QWidget::wheelEvent."""
        delta = event.pixelDelta().y() or round(event.angleDelta().y() / 120 * HOUR_HEIGHT)
        if not delta:
            event.ignore()
            return
        self._top_anchor = None
        self._scrollbar.setValue(self._scrollbar.value() - delta)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QWidget::keyPressEvent."""
        key = event.key()
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._cancel_drag()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._step(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._step(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected_due is not None:
            self.due_activated.emit(self._selected_due)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.open_requested.emit(self._selected)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._selected is not None:
            self.delete_requested.emit(self._selected)
        elif key == Qt.Key.Key_PageUp:
            self._top_anchor = None
            self._scrollbar.triggerAction(QScrollBar.SliderAction.SliderPageStepSub)
        elif key == Qt.Key.Key_PageDown:
            self._top_anchor = None
            self._scrollbar.triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Override QWidget::contextMenuEvent: a checklist item's menu."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            due = self._selected_due
        else:
            due = self._due_at(QPointF(event.pos()))
        if due is None:
            event.ignore()
            return
        self._select_due(due)
        self.due_menu_requested.emit(due, event.globalPos())

    def event(self, event: QEvent) -> bool:
        """Override QWidget::event for item tooltips."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = QPointF(event.pos())
            due = self._due_at(pos)
            chip = self._chip_at(pos) if due is None else None
            more = self._more_cell(pos) if chip is None and due is None else None
            if due is not None:
                name = self._names.get(due.community_id, "")
                today = self._today or self.clock().date()
                QToolTip.showText(event.globalPos(), due_tooltip(due, name, today), self)
            elif chip is not None:
                rect = self._widget_rect(chip).toRect()
                QToolTip.showText(event.globalPos(), self._tooltip(chip.occ), self, rect)
            elif more is not None:
                titles = "<br>".join(
                    [escape(c.occ.item.title) for c in self._hidden[more]]
                    + ["☐ " + escape(m.due.title) for m in self._hidden_due[more]]
                )
                QToolTip.showText(event.globalPos(), f"<qt>{titles}</qt>", self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- text --------------------------------------------------------------------

    def _date_text(self, day: date) -> str:
        return weekday_day_month(day)

    def _week_label(self, week: int) -> str:
        return self.tr("W%1").replace("%1", str(week))

    def _when(self, occ: Occurrence) -> str:
        if occ.item.all_day:
            last = (occ.end - timedelta(minutes=1)).date()
            if last <= occ.start.date():
                return self._date_text(occ.start.date())
            return f"{self._date_text(occ.start.date())} – {self._date_text(last)}"
        if occ.end.date() == occ.start.date() or occ.end == datetime.combine(
            occ.start.date() + timedelta(days=1), time()
        ):
            return (
                self.tr("%1, %2", "a day, then a time range")
                .replace("%1", self._date_text(occ.start.date()))
                .replace("%2", time_range(occ))
            )
        return (
            f"{self._date_text(occ.start.date())} {hhmm(occ.start)} – "
            f"{self._date_text(occ.end.date())} {hhmm(occ.end)}"
        )

    def _tooltip(self, occ: Occurrence) -> str:
        item = occ.item
        lines = [
            f"<b>{escape(item.title)}</b>",
            escape(self._when(occ)),
            escape(item_type_label(item.item_type)),
        ]
        if item.owner:
            lines.append(escape(self.tr("Owner: %1").replace("%1", item.owner)))
        lines.append(escape(self.tr("Status: %1").replace("%1", status_label(item.status))))
        if occ.is_recurring:
            lines.append(escape(self.tr("Part of a series")))
        return "<qt>" + "<br>".join(lines) + "</qt>"

    def _badge_width(self, badge: str) -> float:
        return QFontMetricsF(self._small_font).horizontalAdvance(badge) + 8 if badge else 0.0

    def _chip_text(self, chip: Chip, rect: QRectF) -> ChipText:
        """The chip's text fitted to ``rect``; cached until the chip changes size."""
        size = (round(rect.width(), 1), round(rect.height(), 1))
        if chip.text is not None and chip.text.size == size:
            return chip.text
        occ = chip.occ
        width = rect.width() - 2 * CHIP_PAD_X
        height = rect.height() - 2 * CHIP_PAD_Y
        small = QFontMetricsF(self._small_font)
        title_font = self._struck_font if occ.item.status is Status.CANCELLED else self._title_font
        badge = item_type_badge(occ.item.item_type)
        badge_w = self._badge_width(badge)
        two_lines = self._line + self._small_line
        if chip.all_day or height < two_lines:
            show_time = not (chip.all_day and occ.item.all_day)
            time_text = hhmm(occ.start) if show_time else ""
            used = small.horizontalAdvance(time_text + " ") if time_text else 0.0
            # The title matters more than the badge: keep the badge only if the
            # whole title fits beside it, or if the title is cut either way and
            # a good part of it still shows.
            title_w = QFontMetricsF(title_font).horizontalAdvance(occ.item.title)
            with_badge = width - used - badge_w - 4
            if not (with_badge >= title_w or (width - used < title_w and with_badge >= 80)):
                badge = ""
            room = width - used - (badge_w + 4 if badge else 0)
            title = fit_lines(occ.item.title, title_font, room, 1)
            if time_text and (not title or not title[0].strip("…")):
                # Not a character of the title beside the time: the title wins.
                time_text = ""
                title = fit_lines(occ.item.title, title_font, room + used, 1)
            title = [line for line in title if line.strip("…")]  # a lone "…" says nothing
            text = ChipText(size, True, time_text, title, badge)
        else:
            lines = max(1, int((height - self._small_line) // self._line))
            title = fit_lines(occ.item.title, title_font, width, lines)
            time_text = time_range(occ)
            if small.horizontalAdvance(time_text) + badge_w + 4 > width:
                time_text = hhmm(occ.start)
            if small.horizontalAdvance(time_text) + badge_w + 4 > width:
                badge = ""
            if small.horizontalAdvance(time_text) > width:
                time_text = ""
            text = ChipText(size, False, time_text, title, badge)
        chip.text = text
        return text

    # -- painting ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override QWidget::paintEvent."""
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_header(painter, palette)
        self._paint_grid(painter, palette)
        self._paint_strip(painter, palette)
        painter.end()

    def _line_color(self, palette: QPalette, alpha: float) -> QColor:
        color = QColor(palette.color(QPalette.ColorRole.Text))
        color.setAlphaF(alpha)
        return color

    def _paint_header(self, painter: QPainter, palette: QPalette) -> None:
        window = palette.color(QPalette.ColorRole.Window)
        painter.fillRect(QRectF(0, 0, self.width(), self._header_h), window)
        text = palette.color(QPalette.ColorRole.WindowText)
        dim = palette.color(QPalette.ColorRole.PlaceholderText)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        today = self._today_index()
        locale = self.locale()
        small_top = SPACING
        big_top = small_top + self._small_line + 2
        big_h = self._header_h - big_top - SPACING
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._small_font)
        painter.setPen(dim)
        week_label = self._week_label(self._monday.isocalendar().week)
        painter.drawText(
            QRectF(0, big_top, self._gutter, big_h), Qt.AlignmentFlag.AlignCenter, week_label
        )
        for index in range(7):
            day = self._monday + timedelta(days=index)
            left = self._day_left(index)
            is_today = index == today
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            painter.setFont(self._small_font)
            painter.setPen(highlight if is_today else dim)
            painter.drawText(
                QRectF(left, small_top, self._day_width, self._small_line),
                Qt.AlignmentFlag.AlignCenter,
                QFontMetricsF(self._small_font).elidedText(
                    name, Qt.TextElideMode.ElideRight, self._day_width - 4
                ),
            )
            number = str(day.day)
            if day.day == 1 and ui_language() == "zh":
                number = day_month(day)  # 12月1日
            elif day.day == 1:
                number = f"{locale.monthName(day.month, QLocale.FormatType.ShortFormat)} {day.day}"
            painter.setFont(self._big_font)
            box = QRectF(left, big_top, self._day_width, big_h)
            if is_today:
                metrics = QFontMetricsF(self._big_font)
                diameter = max(big_h, metrics.horizontalAdvance(number) + 12)
                circle = QRectF(0, 0, diameter, big_h)
                circle.moveCenter(box.center())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(highlight)
                painter.drawRoundedRect(circle, big_h / 2, big_h / 2)
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                painter.setPen(text)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, number)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_strip(self, painter: QPainter, palette: QPalette) -> None:
        top, height = self._strip_top(), self._strip_height()
        right = self._days_right()
        painter.setPen(self._line_color(palette, 0.10))
        for index in range(8):
            x = round(self._day_left(index))
            painter.drawLine(x, top, x, top + height)
        painter.setPen(self._line_color(palette, 0.22))
        painter.drawLine(0, top + height, self.width(), top + height)
        painter.setFont(self._small_font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        label = QFontMetricsF(self._small_font).elidedText(
            self.tr("All day"), Qt.TextElideMode.ElideRight, self._gutter - 4
        )
        painter.drawText(
            QRectF(0, top + 2, self._gutter - 2, self._row_h),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )
        drag = self._drag if self._drag is not None and self._drag.active else None
        selected = self._selected.key if self._selected is not None else None
        shown = [c for c in self._all_day if c.lane < self._lanes_shown]
        for chip in sorted(shown, key=lambda c: c.occ.key == selected):
            dimmed = drag is not None and drag.chip.occ.key == chip.occ.key
            self._paint_chip(painter, palette, chip, chip.rect, dimmed=dimmed)
        today = self._today or self.clock().date()
        for mark in self._marks:
            if mark.lane < self._lanes_shown:
                paint_due(
                    painter,
                    mark.rect,
                    mark.due,
                    community_color(self._colors.get(mark.due.community_id, "")),
                    palette,
                    self._small_font,
                    today=today,
                    selected=mark.due == self._selected_due,
                )
        more_top = top + 2 + self._lanes_shown * self._row_h
        painter.setFont(self._small_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for index, day_hidden in enumerate(self._hidden):
            count = len(day_hidden) + len(self._hidden_due[index])
            if count:
                painter.drawText(
                    QRectF(self._day_left(index) + 6, more_top, self._day_width - 8, self._row_h),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    self.tr("+%1 more").replace("%1", str(count)),
                )
        if drag is not None and drag.chip.all_day and drag.start is not None:
            shift = (drag.start - drag.chip.occ.start).days
            ghost = QRectF(drag.chip.rect).translated(shift * self._day_width, 0)
            ghost = ghost.intersected(QRectF(self._gutter, top, right - self._gutter, height))
            moved = replace(drag.chip.occ, start=drag.start, end=drag.end or drag.start)
            self._paint_chip(painter, palette, replace(drag.chip, occ=moved, text=None), ghost)

    def _paint_grid(self, painter: QPainter, palette: QPalette) -> None:
        top, height = self._grid_top(), self._grid_height()
        scroll = self._scrollbar.value()
        right = self._days_right()
        painter.save()
        painter.setClipRect(QRectF(0, top, self.width(), height))
        today = self._today_index()
        alternate = palette.color(QPalette.ColorRole.AlternateBase)
        today_tint = QColor(palette.color(QPalette.ColorRole.Highlight))
        today_tint.setAlphaF(0.06)
        for index in range(7):
            column = QRectF(self._day_left(index), top, self._day_width, height)
            if index == today:
                painter.fillRect(column, today_tint)
            elif index >= 5:
                painter.fillRect(column, alternate)
        first = max(0, scroll // HOUR_HEIGHT)
        last = min(24, (scroll + height) // HOUR_HEIGHT + 1)
        half_pen = QPen(self._line_color(palette, 0.06))
        hour_pen = QPen(self._line_color(palette, 0.14))
        painter.setFont(self._small_font)
        label_color = palette.color(QPalette.ColorRole.PlaceholderText)
        for hour in range(first, last + 1):
            y = round(self._grid_y(hour * 60))
            painter.setPen(hour_pen)
            painter.drawLine(self._gutter - 4, y, round(right), y)
            half = round(self._grid_y(hour * 60 + 30))
            painter.setPen(half_pen)
            painter.drawLine(self._gutter, half, round(right), half)
            if 0 < hour < 24:
                painter.setPen(label_color)
                painter.drawText(
                    QRectF(0, y - self._small_line / 2, self._gutter - 8, self._small_line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    f"{hour:02d}:00",
                )
        painter.setPen(self._line_color(palette, 0.10))
        for index in range(8):
            x = round(self._day_left(index))
            painter.drawLine(x, top, x, top + height)

        painter.setClipRect(QRectF(self._gutter, top, right - self._gutter, height))
        drag = self._drag if self._drag is not None and self._drag.active else None
        selected_chips: list[Chip] = []
        selected = self._selected.key if self._selected is not None else None
        offset = top - scroll
        for day in self._timed:
            for chip in day:
                if chip.rect.bottom() < scroll or chip.rect.top() > scroll + height:
                    continue
                if chip.occ.key == selected:
                    selected_chips.append(chip)
                    continue
                dimmed = drag is not None and drag.chip.occ.key == chip.occ.key
                self._paint_chip(
                    painter, palette, chip, chip.rect.translated(0, offset), dimmed=dimmed
                )
        for chip in selected_chips:
            dimmed = drag is not None and drag.chip.occ.key == chip.occ.key
            self._paint_chip(painter, palette, chip, chip.rect.translated(0, offset), dimmed=dimmed)
        self._paint_now(painter)
        if drag is not None and not drag.chip.all_day and drag.start and drag.end:
            self._paint_ghost(painter, palette, drag, drag.start, drag.end)
        painter.restore()

    def _paint_now(self, painter: QPainter) -> None:
        now = self.clock()
        day = (now.date() - self._monday).days
        if not 0 <= day < 7:
            return
        y = self._grid_y(now.hour * 60 + now.minute)
        left = self._day_left(day)
        color = QColor(NOW_COLOR)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 2))
        painter.drawLine(QPointF(left, y), QPointF(left + self._day_width, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(left + 1, y), 4, 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_ghost(
        self, painter: QPainter, palette: QPalette, drag: _Drag, start: datetime, end: datetime
    ) -> None:
        """Where the dragged occurrence would go: full-width pieces per day."""
        moved = replace(drag.chip.occ, start=start, end=end)
        timed, _ = split_week([moved], self._monday)
        px = HOUR_HEIGHT / 60
        for day in timed:
            for piece in day:
                height = max((piece.end_min - piece.start_min) * px, self._min_chip_h)
                rect = QRectF(
                    self._day_left(piece.day) + 1,
                    self._grid_y(piece.start_min),
                    self._day_width - FREE_RIGHT / 2,
                    height - 1,
                )
                piece.fill, piece.text_color, piece.border = (
                    drag.chip.fill,
                    drag.chip.text_color,
                    drag.chip.border,
                )
                self._paint_chip(painter, palette, piece, rect, ghost=True)

    def _paint_chip(
        self,
        painter: QPainter,
        palette: QPalette,
        chip: Chip,
        rect: QRectF,
        *,
        dimmed: bool = False,
        ghost: bool = False,
    ) -> None:
        occ = chip.occ
        selected = not ghost and self._selected is not None and self._selected.key == occ.key
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(0.35 if dimmed else 0.92 if ghost else 1.0)
        radius = min(4.0, rect.height() / 2, rect.width() / 2)
        if chip.border is not None:
            pen = QPen(chip.border, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip.fill)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        if selected or ghost:
            outline = palette.color(
                QPalette.ColorRole.Text if selected else QPalette.ColorRole.Highlight
            )
            painter.setPen(QPen(outline, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), radius + 1, radius + 1)
        if rect.width() >= 2 * CHIP_PAD_X + 8 and rect.height() >= self._small_line:
            self._paint_chip_text(painter, chip, rect)
        painter.restore()

    def _paint_chip_text(self, painter: QPainter, chip: Chip, rect: QRectF) -> None:
        text = self._chip_text(chip, rect)
        inner = rect.adjusted(CHIP_PAD_X, CHIP_PAD_Y, -CHIP_PAD_X, -CHIP_PAD_Y)
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        painter.setPen(chip.text_color)
        cancelled = chip.occ.item.status is Status.CANCELLED
        title_font = self._struck_font if cancelled else self._title_font
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if text.one_line:
            row = QRectF(inner.left(), inner.top(), inner.width(), self._line)
            if row.bottom() > rect.bottom():  # a very short chip: centre the line
                row.moveCenter(QPointF(row.center().x(), rect.center().y()))
            x = row.left()
            if text.time:
                painter.setFont(self._small_font)
                painter.drawText(QRectF(x, row.top(), row.width(), row.height()), left, text.time)
                x += QFontMetricsF(self._small_font).horizontalAdvance(text.time + " ")
            if text.title:
                painter.setFont(title_font)
                painter.drawText(
                    QRectF(x, row.top(), row.right() - x, row.height()), left, text.title[0]
                )
            if text.badge:
                self._paint_badge(painter, chip, text.badge, row)
            return
        y = inner.top()
        painter.setFont(title_font)
        for line in text.title:
            painter.drawText(QRectF(inner.left(), y, inner.width(), self._line), left, line)
            y += self._line
        row = QRectF(inner.left(), y, inner.width(), self._small_line)
        painter.setFont(self._small_font)
        painter.drawText(row, left, text.time)
        if text.badge:
            self._paint_badge(painter, chip, text.badge, row)

    def _paint_badge(self, painter: QPainter, chip: Chip, badge: str, row: QRectF) -> None:
        """The type badge, right-aligned in ``row``."""
        width = self._badge_width(badge)
        height = min(row.height(), self._small_line)
        box = QRectF(row.right() - width, row.center().y() - height / 2, width, height)
        back = QColor(chip.text_color)
        back.setAlphaF(0.2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setPen(chip.text_color)
        painter.setFont(self._small_font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
