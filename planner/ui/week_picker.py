"""A week picker: ‹ 2026-W48 · 23–29 Nov 2026 ›, a date field and This week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from planner.ui.theme import arrow_button
from planner.weekly_plan import WeekId, week_of

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2199, 12, 31)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def week_dates(week: WeekId, locale: QLocale | None = None) -> str:
    """The days of ``week`` as people write them: “23–29 Nov 2026”, “2026年11月23日–29日”."""
    locale = locale or QLocale()
    first, last = week.monday, week.sunday
    if locale.language() == QLocale.Language.Chinese:
        start = f"{first.year}年{first.month}月{first.day}日"
        if first.year != last.year:
            return f"{start}–{last.year}年{last.month}月{last.day}日"
        if first.month != last.month:
            return f"{start}–{last.month}月{last.day}日"
        return f"{start}–{last.day}日"

    def month(day: date) -> str:
        return locale.monthName(day.month, QLocale.FormatType.ShortFormat)

    if first.year != last.year:
        return f"{first.day} {month(first)} {first.year} – {last.day} {month(last)} {last.year}"
    if first.month != last.month:
        return f"{first.day} {month(first)} – {last.day} {month(last)} {last.year}"
    return f"{first.day}–{last.day} {month(last)} {last.year}"


def week_text(week: WeekId, locale: QLocale | None = None) -> str:
    """“2026-W48 · 23–29 Nov 2026”."""
    return f"{week.label} · {week_dates(week, locale)}"


class WeekPicker(QWidget):
    """Chooses an ISO week: ‹ and › step a week, the date field picks the week of any day.

    Attributes:
        week: the chosen week.

    Signals:
        changed(WeekId): another week was chosen.
    """

    changed = Signal(object)

    def __init__(self, day: date, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.week = week_of(day)
        self._today = today
        self.prev_button = arrow_button("‹", self.tr("Previous week"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = arrow_button("›", self.tr("Next week"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.label = QLabel()
        self.label.setObjectName("week_label")
        font = self.label.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.label.setFont(font)
        # Wide enough for the longest week (one across two years), so ‹ › stay put.
        longest = week_text(week_of(date(2026, 12, 31)))
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(longest) + 8)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.date = QDateEdit()
        self.date.setObjectName("week_day")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDateRange(qdate(FIRST_DAY), qdate(LAST_DAY))
        self.date.setToolTip(self.tr("Any day of the week to export"))
        self.date.dateChanged.connect(self._on_date)
        self.this_week = QPushButton(self.tr("This &week"))
        self.this_week.setAutoDefault(False)
        self.this_week.clicked.connect(self.go_this_week)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.label)
        layout.addWidget(self.next_button)
        layout.addSpacing(8)
        layout.addWidget(self.date)
        layout.addWidget(self.this_week)
        layout.addStretch(1)
        self._show_day(day)
        self._show()

    def day(self) -> date:
        """The day shown in the date field."""
        shown = self.date.date()
        return date(shown.year(), shown.month(), shown.day())

    def set_week(self, week: WeekId) -> None:
        """Choose ``week`` (its Monday shows in the date field)."""
        if week != self.week:
            self._show_day(week.monday)

    def step(self, weeks: int) -> None:
        """The week ``weeks`` before (negative) or after this one, the same weekday."""
        self.date.setDate(self.date.date().addDays(7 * weeks))  # kept within the range

    def go_this_week(self) -> None:
        self._show_day(self._today())

    def _show_day(self, day: date) -> None:
        self.date.setDate(qdate(day))

    def _on_date(self, _day: QDate) -> None:
        week = week_of(self.day())
        if week != self.week:
            self.week = week
            self._show()
            self.changed.emit(week)

    def _show(self) -> None:
        self.label.setText(week_text(self.week))
