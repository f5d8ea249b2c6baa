"""The repeat-rule editor of the item editor: how a series repeats."""

from __future__ import annotations

import calendar as month_calendar
from datetime import date, datetime, time

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from planner.recurrence import MAX_COUNT, MAX_INTERVAL, Frequency, Recurrence
from planner.ui.item_fields import (
    DATE_FORMAT,
    date_text,
    form,
    from_qdate,
    label,
    row,
    select_data,
    to_qdate,
)
from planner.ui.locale_text import ui_text
from planner.ui.theme import SPACING

_WEEKDAYS = (0, 1, 2, 3, 4)


class RecurrenceEditor(QWidget):
    """How a series repeats, edited as Google Calendar's custom repeat does.

    "Does not repeat", daily (or weekdays only), weekly on chosen days, or
    monthly on the start's date or weekday ("on the 2nd Tuesday", "on the last
    Friday"); every N periods; ending never, on a date or after N times. A
    summary under it gives the rule in words and its next three dates.

    Attributes:
        form: the layout, so a dialog can line its label column up with others.
        frequency, interval, weekdays_only, weekday_boxes, monthly, ends_never,
        ends_on, until, ends_after, count: the inputs.
        summary: the rule in words and its next three dates.
        locked_hint: why the rule cannot be changed (see set_editable()).

    Signals:
        changed(): the rule shown changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = datetime.combine(date.today(), time(9))
        self._loading = False
        # Weekdays of a daily rule that the checkbox cannot show (from an ICS file).
        self._custom_daily: tuple[int, ...] | None = None
        self._until_touched = False
        locale = QLocale()

        self.frequency = QComboBox()
        self.frequency.addItem(self.tr("Does not repeat"), "")
        self.frequency.addItem(self.tr("Daily"), Frequency.DAILY.value)
        self.frequency.addItem(self.tr("Weekly"), Frequency.WEEKLY.value)
        self.frequency.addItem(self.tr("Monthly"), Frequency.MONTHLY.value)
        self.interval = QSpinBox()
        self.interval.setRange(1, MAX_INTERVAL)
        self.interval_unit = QLabel()
        self.weekdays_only = QCheckBox(self.tr("&Weekdays only (Monday to Friday)"))
        self.weekday_boxes: list[QCheckBox] = []
        days = QWidget()
        days_layout = QHBoxLayout(days)
        days_layout.setContentsMargins(0, 0, 0, 0)
        days_layout.setSpacing(SPACING)
        for day in range(7):
            box = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat))
            box.setToolTip(locale.dayName(day + 1))
            box.setAccessibleName(locale.dayName(day + 1))
            self.weekday_boxes.append(box)
            days_layout.addWidget(box)
        days_layout.addStretch(1)
        self._days_row = days
        self.monthly = QComboBox()

        self.ends_never = QRadioButton(self.tr("Ne&ver"))
        self.ends_on = QRadioButton(self.tr("O&n"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(DATE_FORMAT)
        self.until.setAccessibleName(self.tr("Last day of the series"))
        self.ends_after = QRadioButton(self.tr("A&fter"))
        self.count = QSpinBox()
        self.count.setRange(1, MAX_COUNT)
        self.count.setValue(10)
        self.count.setAccessibleName(self.tr("Number of times"))
        self.count_unit = QLabel(self.tr("times"))
        self._ends_group = QButtonGroup(self)
        for button in (self.ends_never, self.ends_on, self.ends_after):
            self._ends_group.addButton(button)
        self.ends_never.setChecked(True)
        ends = QWidget()
        grid = QGridLayout(ends)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.ends_never, 0, 0)
        grid.addWidget(self.ends_on, 1, 0)
        grid.addWidget(self.until, 1, 1)
        grid.addWidget(self.ends_after, 2, 0)
        grid.addWidget(row(self.count, self.count_unit), 2, 1)
        grid.setColumnStretch(2, 1)
        self._ends_row = ends

        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.locked_hint = QLabel(
            self.tr(
                "This is one occurrence of a series: how it repeats and its community "
                "are set for the whole series. To change them, edit all occurrences."
            )
        )
        self.locked_hint.setProperty("role", "hint")
        self.locked_hint.setWordWrap(True)
        self.locked_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.form = form()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(label(self.tr("Re&peat"), self.frequency), self.frequency)
        self._every_row = row(self.interval, self.interval_unit)
        self.form.addRow(self.tr("Every"), self._every_row)
        self.form.addRow(self.tr("On"), self._days_row)
        self.form.addRow("", self.weekdays_only)
        self.form.addRow(self.tr("On"), self.monthly)
        self.form.addRow(self.tr("Series ends"), self._ends_row)
        self.form.addRow("", self.summary)
        self.form.addRow("", self.locked_hint)
        self.setLayout(self.form)
        self.form.setRowVisible(self.locked_hint, False)

        self.frequency.currentIndexChanged.connect(self._on_frequency)
        self.interval.valueChanged.connect(self._on_changed)
        self.weekdays_only.toggled.connect(self._on_weekdays_only)
        for box in self.weekday_boxes:
            box.toggled.connect(self._on_changed)
        self.monthly.currentIndexChanged.connect(self._on_changed)
        self._ends_group.buttonToggled.connect(self._on_ends)
        self.until.dateChanged.connect(self._on_until)
        self.count.valueChanged.connect(self._on_changed)
        self._loading = True
        try:
            self._set_until_default()
            self._fill_monthly()
        finally:
            self._loading = False
        self._refresh()

    # -- the start the rule hangs from --------------------------------------------

    def set_start(self, start: datetime) -> None:
        """The series' first start: the monthly choices and the preview follow it."""
        old = self._start
        self._start = start
        self._loading = True
        try:
            checked = self._checked_weekdays()
            if checked == (old.weekday(),) and start.weekday() != old.weekday():
                # The day chosen for the user follows the start, as in Google Calendar.
                self.weekday_boxes[old.weekday()].setChecked(False)
                self.weekday_boxes[start.weekday()].setChecked(True)
            self._fill_monthly()
            if not self._until_touched:
                self._set_until_default()
        finally:
            self._loading = False
        self._on_changed()

    def _set_until_default(self) -> None:
        self.until.setDate(to_qdate(self._start.date()).addMonths(3))

    # -- the rule ----------------------------------------------------------------------

    def recurrence(self) -> Recurrence | None:
        """The rule the widgets show (possibly unsound: see Recurrence.problems())."""
        freq_text = self.frequency.currentData()
        if not freq_text:
            return None
        freq = Frequency(freq_text)
        weekdays: tuple[int, ...] = ()
        month_day: int | None = None
        nth: tuple[int, int] | None = None
        if freq is Frequency.DAILY:
            if self._custom_daily is not None:
                weekdays = self._custom_daily
            elif self.weekdays_only.isChecked():
                weekdays = _WEEKDAYS
        elif freq is Frequency.WEEKLY:
            weekdays = self._checked_weekdays()
        else:
            month_day, nth = self._parse_monthly(str(self.monthly.currentData() or ""))
        return Recurrence(
            freq,
            self.interval.value(),
            weekdays,
            month_day,
            nth,
            until=from_qdate(self.until.date()) if self.ends_on.isChecked() else None,
            count=self.count.value() if self.ends_after.isChecked() else None,
        )

    def set_recurrence(self, rule: Recurrence | None) -> None:
        """Show ``rule`` (None: does not repeat)."""
        self._loading = True
        try:
            self._custom_daily = None
            for box in self.weekday_boxes:
                box.setChecked(False)
            self.weekdays_only.setChecked(False)
            if rule is None:
                self.frequency.setCurrentIndex(0)
                self.interval.setValue(1)
                self.ends_never.setChecked(True)
                return
            select_data(self.frequency, rule.freq.value)
            self.interval.setValue(rule.interval)
            if rule.freq is Frequency.DAILY and rule.weekdays:
                self.weekdays_only.setChecked(True)
                if tuple(sorted(rule.weekdays)) != _WEEKDAYS:
                    self._custom_daily = tuple(sorted(rule.weekdays))
            elif rule.freq is Frequency.WEEKLY:
                for day in rule.weekdays:
                    self.weekday_boxes[day].setChecked(True)
            elif rule.freq is Frequency.MONTHLY:
                if rule.nth_weekday is not None:
                    key = f"nth:{rule.nth_weekday[0]}:{rule.nth_weekday[1]}"
                else:
                    key = f"day:{rule.month_day}"
                self._fill_monthly(key)
            if rule.until is not None:
                self.ends_on.setChecked(True)
                self.until.setDate(to_qdate(rule.until))
                self._until_touched = True
            elif rule.count is not None:
                self.ends_after.setChecked(True)
                self.count.setValue(rule.count)
            else:
                self.ends_never.setChecked(True)
        finally:
            self._loading = False
            self._refresh()

    def _checked_weekdays(self) -> tuple[int, ...]:
        return tuple(day for day, box in enumerate(self.weekday_boxes) if box.isChecked())

    # -- monthly choices -------------------------------------------------------------

    @staticmethod
    def _parse_monthly(key: str) -> tuple[int | None, tuple[int, int] | None]:
        parts = key.split(":")
        if parts[0] == "day" and len(parts) == 2:
            return int(parts[1]), None
        if parts[0] == "nth" and len(parts) == 3:
            return None, (int(parts[1]), int(parts[2]))
        return None, None

    @staticmethod
    def _key_kind(key: str) -> str:
        """day, lastday, nth or last: what a choice keeps when the start moves."""
        day, nth = RecurrenceEditor._parse_monthly(key)
        if day is not None:
            return "lastday" if day == -1 else "day"
        if nth is not None:
            return "last" if nth[0] == -1 else "nth"
        return ""

    def _monthly_keys(self, start: date) -> list[str]:
        """The choices Google Calendar offers for a start date."""
        last = month_calendar.monthrange(start.year, start.month)[1]
        nth = (start.day - 1) // 7 + 1
        keys = [f"day:{start.day}"]
        if nth <= 4:
            keys.append(f"nth:{nth}:{start.weekday()}")
        if start.day + 7 > last:
            keys.append(f"nth:-1:{start.weekday()}")
        if start.day == last:
            keys.append("day:-1")
        return keys

    def _monthly_text(self, key: str) -> str:
        day, nth = self._parse_monthly(key)
        if day == -1:
            return self.tr("On the last day of the month")
        if day is not None:
            return self.tr("On day %1").replace("%1", str(day))
        assert nth is not None
        n, weekday = nth
        name = QLocale().dayName(weekday + 1)
        template = {
            1: self.tr("On the first %1"),
            2: self.tr("On the second %1"),
            3: self.tr("On the third %1"),
            4: self.tr("On the fourth %1"),
            5: self.tr("On the fifth %1"),
            -1: self.tr("On the last %1"),
        }[n]
        return template.replace("%1", name)

    def _fill_monthly(self, wanted: str | None = None) -> None:
        """Offer the start's choices, keeping the kind of choice made (or ``wanted``)."""
        current = str(self.monthly.currentData() or "")
        keys = self._monthly_keys(self._start.date())
        if wanted is not None and wanted not in keys:
            keys.append(wanted)  # a rule from elsewhere that the start does not suggest
        if wanted is None:
            kind = self._key_kind(current) if current else "day"
            wanted = next((k for k in keys if self._key_kind(k) == kind), keys[0])
        blocked = self.monthly.blockSignals(True)
        try:
            self.monthly.clear()
            for key in keys:
                self.monthly.addItem(self._monthly_text(key), key)
            select_data(self.monthly, wanted)
        finally:
            self.monthly.blockSignals(blocked)

    # -- reacting -----------------------------------------------------------------------

    def _on_frequency(self) -> None:
        if not self._loading:
            self._custom_daily = None
            if (
                self.frequency.currentData() == Frequency.WEEKLY.value
                and not self._checked_weekdays()
            ):
                self._loading = True
                self.weekday_boxes[self._start.weekday()].setChecked(True)
                self._loading = False
        self._on_changed()

    def _on_weekdays_only(self) -> None:
        if not self._loading:
            self._custom_daily = None
        self._on_changed()

    def _on_ends(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._on_changed()

    def _on_until(self) -> None:
        if not self._loading:
            self._until_touched = True
        self._on_changed()

    def _on_changed(self) -> None:
        if self._loading:
            return
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        freq = self.frequency.currentData()
        repeats = bool(freq)
        self.form.setRowVisible(self._every_row, repeats)
        self.form.setRowVisible(self._days_row, freq == Frequency.WEEKLY.value)
        self.form.setRowVisible(self.weekdays_only, freq == Frequency.DAILY.value)
        self.form.setRowVisible(self.monthly, freq == Frequency.MONTHLY.value)
        self.form.setRowVisible(self._ends_row, repeats)
        self.form.setRowVisible(self.summary, repeats)
        self.until.setEnabled(self.ends_on.isChecked() and self.ends_on.isEnabled())
        self.count.setEnabled(self.ends_after.isChecked() and self.ends_after.isEnabled())
        many = self.interval.value() != 1
        units = {
            Frequency.DAILY.value: self.tr("days") if many else self.tr("day"),
            Frequency.WEEKLY.value: self.tr("weeks") if many else self.tr("week"),
            Frequency.MONTHLY.value: self.tr("months") if many else self.tr("month"),
        }
        self.interval_unit.setText(units.get(freq, ""))
        custom = self._custom_daily is not None
        self.weekdays_only.setToolTip(
            self.tr("Repeats on: %1").replace(
                "%1",
                self.tr(", ", "between the items of a list").join(
                    QLocale().dayName(d + 1) for d in self._custom_daily or ()
                ),
            )
            if custom
            else ""
        )
        self.summary.setText(self.summary_text())

    def summary_text(self) -> str:
        """The rule in words and its next three dates ("" when it does not repeat)."""
        rule = self.recurrence()
        if rule is None:
            return ""
        problems = rule.problems()
        if problems:
            return ui_text(problems[0])
        words = ui_text(rule.describe())
        if rule.until is not None and rule.until < self._start.date():
            return self.tr("%1. The last day is before the first.").replace("%1", words)
        starts = rule.starts(self._start, 4)
        if not starts:
            return self.tr("%1. No date matches this rule.").replace("%1", words)
        comma = self.tr(", ", "between the items of a list")
        dates = comma.join(date_text(s.date()) for s in starts[:3])
        if len(starts) > 3:
            dates += comma + "…"
        return self.tr("%1\nNext: %2").replace("%1", words).replace("%2", dates)

    # -- locking and focus -------------------------------------------------------------

    def inputs(self) -> list[QWidget]:
        """The input widgets, in tab order."""
        return [
            self.frequency,
            self.interval,
            *self.weekday_boxes,
            self.weekdays_only,
            self.monthly,
            self.ends_never,
            self.ends_on,
            self.until,
            self.ends_after,
            self.count,
        ]

    def set_editable(self, editable: bool) -> None:
        """Lock the rule (editing one occurrence) and say why."""
        for widget in self.inputs():
            widget.setEnabled(editable)
        self.form.setRowVisible(self.locked_hint, not editable)
        self._refresh()

    def focus_problem(self) -> None:
        """Focus the input a problem with the rule most likely comes from."""
        rule = self.recurrence()
        if rule is not None and rule.freq is Frequency.WEEKLY and not rule.weekdays:
            self.weekday_boxes[self._start.weekday()].setFocus()
        elif rule is not None and rule.until is not None:
            self.until.setFocus()
        elif rule is not None and rule.count is not None:
            self.count.setFocus()
        else:
            self.frequency.setFocus()
