"""The item editor: every field of a calendar item, its repeat rule included.

Two small dialogs live beside it: :class:`ScopeDialog` asks which occurrences
of a series a change is for, and :class:`QuickAddDialog` adds an item in an
empty calendar slot with the few fields that matter there.

The dialogs only collect and check values (``planner.calendar.clean_values``)
and stay open, with each message under its field, until the values are
valid. The caller saves ``values()`` through the session, so every save is
one undoable change.
"""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QSize,
    Qt,
    QTime,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import (
    QDoubleValidator,
    QFont,
    QIntValidator,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import (
    GOAL_FIELDS,
    METRICS,
    MONEY_METRICS,
    TITLE_MAX,
    TYPES_BY_KIND,
    EditScope,
    ItemKind,
    Status,
    clean_values,
    local_timezone,
    owners,
)
from planner.communities import Community
from planner.errors import ValidationError
from planner.recurrence import MAX_COUNT, MAX_INTERVAL, Frequency, Recurrence
from planner.ui.field_errors import FieldErrors
from planner.ui.labels import item_type_label, kind_label, metric_label, scope_label, status_label
from planner.ui.session import Session
from planner.ui.theme import SPACING, icon, swatch_icon

DATE_FORMAT = "ddd yyyy-MM-dd"
DATETIME_FORMAT = "ddd yyyy-MM-dd  HH:mm"
# Item times are wall-clock times in the item's own zone; the edits run in UTC
# so the machine's daylight-saving gaps never shift what the user typed.
_UTC = QTimeZone.utc()
_WEEKDAYS = (0, 1, 2, 3, 4)
COUNT_MAX = 1_000_000_000
MONEY_MAX = 1e12

# The theme styles invalid line edits and spin boxes; these widgets too.
_INVALID_STYLE = """
QComboBox[invalid="true"], QDateTimeEdit[invalid="true"], QDateEdit[invalid="true"] {
    border: 1px solid #d93025; border-radius: 3px; padding: 2px 4px;
}
"""


# -- small helpers ----------------------------------------------------------------


def new_item_values(
    start: datetime,
    end: datetime,
    *,
    all_day: bool = False,
    community_id: str = "",
    kind: ItemKind = ItemKind.CONTENT,
    item_type: str = "",
    tz: str = "",
) -> dict[str, Any]:
    """Every editable field of a new item, for the editor or the quick-add."""
    values: dict[str, Any] = {
        "community_id": community_id,
        "kind": kind.value,
        "item_type": item_type or TYPES_BY_KIND[kind][0],
        "title": "",
        "all_day": all_day,
        "start": start,
        "end": end,
        "tz": tz or local_timezone(),
        "status": Status.PLANNED.value,
        "owner": "",
        "description": "",
        "speaker": "",
        "location": "",
        "recurrence": None,
    }
    values.update(dict.fromkeys(GOAL_FIELDS))
    return values


def _to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute), _UTC
    )


def _from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_text(day: date) -> str:
    return QLocale().toString(_to_qdate(day), DATE_FORMAT)


def _select_data(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _community_combo(communities: Iterable[Community]) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    for community in communities:
        if not community.deleted:
            combo.addItem(swatch_icon(community.color), community.name, community.id)
    return combo


def _row(*widgets: QWidget, stretch: bool = True) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(SPACING)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return holder


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setSpacing(SPACING)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _even_heights(dialog: QWidget, reference: QWidget) -> None:
    """Make spin and date boxes as tall as line edits.

    With any application style sheet, Fusion draws them 3-4 pixels shorter
    than line edits and combo boxes, which looks ragged in a form.
    """
    height = reference.sizeHint().height()
    for box in dialog.findChildren(QAbstractSpinBox):
        box.setMinimumHeight(max(height, box.minimumHeight()))


def _align_label_columns(forms: Iterable[QFormLayout]) -> None:
    """Give the label columns of forms stacked in one column the same width."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if label is not None:
                labels.append(label)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
        if isinstance(label, QLabel):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _fit_wrapped_text(window: QWidget) -> None:
    """Make a window at least as tall as its word-wrapped labels need at its width.

    Qt gives a window its layout's minimum size, which leaves word wrapping
    out; a dialog opened at that size (as on a small screen) squeezes the rows
    around its wrapped hints and error messages.
    """
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if window.minimumHeight() != needed:
        window.setMinimumHeight(needed)
    if window.height() < needed:
        window.resize(window.width(), needed)


class _FitsWrappedText(QDialog):
    """A dialog that grows to fit its word-wrapped labels (see _fit_wrapped_text)."""

    def event(self, event: QEvent) -> bool:
        """Override QWidget::event: fit after every layout change."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            _fit_wrapped_text(self)
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent: a new width can need another height."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            _fit_wrapped_text(self)


class _NotesEdit(QPlainTextEdit):
    """A plain text edit that asks for a few lines rather than Qt's 192 pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        """Override QAbstractScrollArea::sizeHint."""
        lines = self.fontMetrics().lineSpacing() * 4
        return QSize(super().sizeHint().width(), lines + 2 * self.frameWidth() + 8)


class _TimeRange(QObject):
    """A start and an end that move together; all-day items show dates only.

    An all-day item shows its last day (inclusive) while the calendar stores
    the midnight after it, as RFC 5545 does.

    Signals:
        start_moved(): the start changed (and the end moved with it).
    """

    start_moved = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.start = self._edit()
        self.end = self._edit()
        self._all_day = False
        self._loading = False
        self._last_start = _from_qdatetime(self.start.dateTime())
        self._times = (time(9), time(10))
        self.start.dateTimeChanged.connect(self._on_start_changed)

    @staticmethod
    def _edit() -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setTimeZone(_UTC)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATETIME_FORMAT)
        return edit

    def set_range(self, start: datetime, end: datetime, all_day: bool) -> None:
        if all_day:
            last = (end - timedelta(days=1)).date() if end.time() == time() else end.date()
            last = max(last, start.date())
            self._show(start.replace(hour=0, minute=0), datetime.combine(last, time()), True)
        else:
            self._times = (start.time(), end.time())
            self._show(start, end, False)

    def set_all_day(self, all_day: bool) -> None:
        if all_day == self._all_day:
            return
        start = _from_qdatetime(self.start.dateTime())
        end = _from_qdatetime(self.end.dateTime())
        if all_day:
            self._times = (start.time(), end.time())
            last = end.date()
            if end.time() == time() and last > start.date():
                last -= timedelta(days=1)  # a timed item ending at midnight
            self._show(datetime.combine(start.date(), time()), datetime.combine(last, time()), True)
        else:
            new_start = datetime.combine(start.date(), self._times[0])
            new_end = datetime.combine(end.date(), self._times[1])
            if new_end <= new_start:
                new_end = new_start + timedelta(hours=1)
            self._show(new_start, new_end, False)

    def _show(self, start: datetime, end: datetime, all_day: bool) -> None:
        self._all_day = all_day
        for edit in (self.start, self.end):
            edit.setDisplayFormat(DATE_FORMAT if all_day else DATETIME_FORMAT)
        self._loading = True
        try:
            self.start.setDateTime(_to_qdatetime(start))
            self.end.setDateTime(_to_qdatetime(end))
        finally:
            self._loading = False
        self._last_start = _from_qdatetime(self.start.dateTime())

    def range(self) -> tuple[datetime, datetime]:
        """Start and end as the calendar takes them (an all-day end is exclusive)."""
        start = _from_qdatetime(self.start.dateTime())
        end = _from_qdatetime(self.end.dateTime())
        if self._all_day:
            return (
                datetime.combine(start.date(), time()),
                datetime.combine(end.date() + timedelta(days=1), time()),
            )
        return start, end

    def problems(self) -> dict[str, str]:
        """An all-day item whose last day is before its first, said in days, not times."""
        if self._all_day and self.end.date() < self.start.date():
            return {"end": self.tr("The last day cannot be before the first day.")}
        return {}

    def _on_start_changed(self, value: QDateTime) -> None:
        if self._loading:
            return
        new_start = _from_qdatetime(value)
        shift = new_start - self._last_start
        self._last_start = new_start
        end = _from_qdatetime(self.end.dateTime()) + shift
        self._loading = True
        try:
            self.end.setDateTime(_to_qdatetime(end))
        finally:
            self._loading = False
        self.start_moved.emit()


# -- the repeat rule ----------------------------------------------------------------


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
        grid.addWidget(_row(self.count, self.count_unit), 2, 1)
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

        self.form = _form()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(_label(self.tr("Re&peat"), self.frequency), self.frequency)
        self._every_row = _row(self.interval, self.interval_unit)
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
        self.until.setDate(_to_qdate(self._start.date()).addMonths(3))

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
            until=_from_qdate(self.until.date()) if self.ends_on.isChecked() else None,
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
            _select_data(self.frequency, rule.freq.value)
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
                self.until.setDate(_to_qdate(rule.until))
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
            _select_data(self.monthly, wanted)
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
                "%1", ", ".join(QLocale().dayName(d + 1) for d in self._custom_daily or ())
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
            return problems[0]
        if rule.until is not None and rule.until < self._start.date():
            return self.tr("%1. The last day is before the first.").replace("%1", rule.describe())
        starts = rule.starts(self._start, 4)
        if not starts:
            return self.tr("%1. No date matches this rule.").replace("%1", rule.describe())
        dates = ", ".join(_date_text(s.date()) for s in starts[:3])
        if len(starts) > 3:
            dates += ", …"
        return self.tr("%1\nNext: %2").replace("%1", rule.describe()).replace("%2", dates)

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


# -- the editor ----------------------------------------------------------------------


class GoalsGrid(QWidget):
    """Planned and actual values of the six metrics; empty means not set.

    Counts take whole numbers, revenue and cost take two decimals; neither
    takes a minus sign.

    Attributes:
        fields: GOAL_FIELDS name -> its line edit.
    """

    ROWS_PER_COLUMN = 3

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number_locale = QLocale()
        self.number_locale.setNumberOptions(
            QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator
        )
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(4)
        # Two blocks of three metrics side by side keep the dialog short.
        for block in range(2):
            left = block * 4
            for column, text in ((1, self.tr("Planned")), (2, self.tr("Actual"))):
                header = QLabel(text)
                header.setProperty("role", "hint")
                header.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
                grid.addWidget(header, 0, left + column)
        for index, metric in enumerate(METRICS):
            block, row = divmod(index, self.ROWS_PER_COLUMN)
            left, row = block * 4, row + 1
            label = QLabel(metric_label(metric))
            grid.addWidget(label, row, left, Qt.AlignmentFlag.AlignTop)
            for column, side in ((1, "planned"), (2, "actual")):
                name = f"{side}_{metric}"
                edit = QLineEdit()
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setPlaceholderText("—")
                edit.setMinimumWidth(90)
                edit.setAccessibleName(
                    (
                        self.tr("%1, planned") if side == "planned" else self.tr("%1, actual")
                    ).replace("%1", metric_label(metric))
                )
                if metric in MONEY_METRICS:
                    money = QDoubleValidator(0.0, MONEY_MAX, 2, edit)
                    money.setNotation(QDoubleValidator.Notation.StandardNotation)
                    money.setLocale(self.number_locale)
                    edit.setValidator(money)
                else:
                    whole = QIntValidator(0, COUNT_MAX, edit)
                    whole.setLocale(self.number_locale)
                    edit.setValidator(whole)
                self.fields[name] = edit
                # Line the metric's name up with the text of its fields.
                label.setMinimumHeight(edit.sizeHint().height())
                grid.addWidget(
                    errors.wrap(name, edit), row, left + column, Qt.AlignmentFlag.AlignTop
                )
        grid.setColumnMinimumWidth(3, SPACING * 3)
        grid.setColumnStretch(7, 1)

    def set_value(self, name: str, value: Any) -> None:
        self.fields[name].setText(self._format(name, value))

    def value(self, name: str) -> int | float | str | None:
        """The number in a field, None if empty; text that is no number stays text."""
        text = self.fields[name].text().strip()
        if not text:
            return None
        number, ok = self.number_locale.toDouble(text)
        if not ok:
            try:
                number = float(text)
            except ValueError:
                return text  # the core says what is wrong with it
        if name.split("_", 1)[1] not in MONEY_METRICS and float(number).is_integer():
            return int(number)
        return float(number)

    def has_values(self) -> bool:
        return any(edit.text().strip() for edit in self.fields.values())

    def _format(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            return value
        number = float(value)
        if number.is_integer():
            return self.number_locale.toString(int(number))
        return self.number_locale.toString(number, "f", 2)


class ItemEditor(_FitsWrappedText):
    """Edits every field of a calendar item, or of one occurrence of a series.

    ``values`` holds the calendar's EDITABLE_FIELDS (as Occurrence.values()
    gives them, or new_item_values() for a new item). accept() checks them
    with clean_values() and stays open, showing each problem under its field,
    until they are valid; the caller then saves ``values()``.

    With ``recurrence_editable=False`` (editing one occurrence of a series)
    the repeat rule and the community are locked, as the core requires.

    Results: Accepted (save values()), Rejected, or DELETED (the user chose
    Delete; only offered when not ``new``).

    Attributes:
        deleted_requested: True once the user chose Delete.
        title, community, kind, item_type, all_day, start, end, status, owner,
        speaker, location, description, recurrence, goals: the fields.

    Signals:
        delete_requested(): the user chose Delete; the dialog closes with DELETED.
    """

    DELETED = 2

    delete_requested = Signal()

    def __init__(
        self,
        session: Session,
        values: dict[str, Any],
        *,
        communities: list[Community],
        new: bool,
        recurrence_editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.deleted_requested = False
        # Set by the caller: save the values (True when saved) and delete the
        # item (True when deleted); the dialog closes only when they succeed.
        self.commit: Callable[[dict[str, Any]], bool] | None = None
        self.delete_handler: Callable[[], bool] | None = None
        self._original = dict(values)
        self._new = new
        self._recurrence_editable = recurrence_editable
        self._tz = str(values.get("tz") or local_timezone())
        self._errors = FieldErrors()
        self._type_memory: dict[ItemKind, str] = {}
        self._shown_kind = ItemKind.CONTENT
        self.setWindowTitle(self.tr("New item") if new else self.tr("Edit item"))
        self.setStyleSheet(_INVALID_STYLE)
        self._build(communities)
        self._load(values)
        self._connect()

    # -- construction ------------------------------------------------------------------

    def _build(self, communities: list[Community]) -> None:
        errors = self._errors
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(
            self.tr("e.g. 每日早报 · Morning digest, Live class: 增长入门")
        )
        bigger = QFont(self.title.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
        self.title.setFont(bigger)
        title_row = QHBoxLayout()
        title_row.setSpacing(SPACING)
        title_label = _label(self.tr("&Title"), self.title)
        title_row.addWidget(title_label, 0, Qt.AlignmentFlag.AlignTop)
        title_holder = errors.wrap("title", self.title)
        title_row.addWidget(title_holder, 1)
        # Line the label up with the line edit's text, not the top of the holder.
        title_label.setMinimumHeight(self.title.sizeHint().height())

        # Details (left column)
        self.community = _community_combo(communities)
        self.kind = QComboBox()
        for kind in ItemKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.item_type = QComboBox()
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(status_label(status), status.value)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Who prepares and runs it"))
        completer = QCompleter(owners(self.session.workspace), self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("e.g. 李老师, a member who presents"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("e.g. the WeChat group, 腾讯会议, a café"))
        self.description = _NotesEdit()
        self.description.setPlaceholderText(
            self.tr("Running order, materials, what to post, how to invite members")
        )
        self.description.setMinimumHeight(60)
        details = QGroupBox(self.tr("Details"))
        form = _form()
        for text, key, widget in (
            (self.tr("&Community"), "community_id", self.community),
            (self.tr("&Kind"), "kind", self.kind),
            (self.tr("T&ype"), "item_type", self.item_type),
            (self.tr("&Status"), "status", self.status),
            (self.tr("&Owner"), "owner", self.owner),
            (self.tr("&Guest / speaker"), "speaker", self.speaker),
            (self.tr("P&latform / location"), "location", self.location),
            (self.tr("&Description"), "description", self.description),
        ):
            form.addRow(_label(text, widget), errors.wrap(key, widget))
        details.setLayout(form)

        # When (right column)
        self.all_day = QCheckBox(self.tr("&All day"))
        self.times = _TimeRange(self)
        self.start = self.times.start
        self.end = self.times.end
        self.tz_hint = QLabel()
        self.tz_hint.setProperty("role", "hint")
        self.recurrence = RecurrenceEditor()
        self.recurrence.set_editable(self._recurrence_editable)
        when = QGroupBox(self.tr("When"))
        when_form = _form()
        when_form.addRow("", self.all_day)
        when_form.addRow(_label(self.tr("Sta&rt"), self.start), errors.wrap("start", self.start))
        when_form.addRow(_label(self.tr("&End"), self.end), errors.wrap("end", self.end))
        when_form.addRow("", errors.wrap("tz", self.tz_hint))
        when_layout = QVBoxLayout(when)
        when_layout.setSpacing(SPACING)
        when_layout.addLayout(when_form)
        when_layout.addWidget(errors.wrap("recurrence", self.recurrence))
        when_layout.addStretch(1)
        _align_label_columns([when_form, self.recurrence.form])

        # Goals and results (full width, collapsible)
        self.goals_toggle = QToolButton()
        self.goals_toggle.setText(self.tr("Goals and res&ults"))
        self.goals_toggle.setToolTip(self.tr("Show or hide planned and actual results"))
        self.goals_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.goals_toggle.setAutoRaise(True)
        bold = QFont(self.goals_toggle.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.goals_toggle.setFont(bold)
        self.goals_hint = QLabel()
        self.goals_hint.setProperty("role", "hint")
        self.goals = GoalsGrid(errors)
        goals_box = QGroupBox()
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.setSpacing(4)
        goals_layout.addWidget(_row(self.goals_toggle, self.goals_hint))
        goals_layout.addWidget(self.goals)

        self.general_error = QLabel()
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        # Buttons
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add") if self._new else self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Save and close (Ctrl+Return)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton(icon("trash"), self.tr("Delete"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.setVisible(not self._new)
        self.delete_button.clicked.connect(self._on_delete)
        if self.session.read_only:
            self.save_button.setEnabled(False)
            self.delete_button.setEnabled(False)
        button_row = QHBoxLayout()
        button_row.addWidget(self.delete_button)
        button_row.addStretch(1)
        button_row.addWidget(self.buttons)

        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 2)
        columns.addWidget(details, 1)
        columns.addWidget(when, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING + 4)
        layout.addLayout(title_row)
        layout.addLayout(columns, 1)
        layout.addWidget(goals_box)
        layout.addWidget(self.general_error)
        layout.addLayout(button_row)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept)
        self._set_tab_order()
        _even_heights(self, self.owner)

    def _tab_chain(self) -> list[QWidget]:
        return [
            self.title,
            self.community,
            self.kind,
            self.item_type,
            self.status,
            self.owner,
            self.speaker,
            self.location,
            self.description,
            self.all_day,
            self.start,
            self.end,
            *self.recurrence.inputs(),
            self.goals_toggle,
            *self.goals.fields.values(),
            self.delete_button,
            self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]

    def _set_tab_order(self) -> None:
        chain = self._tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.all_day.toggled.connect(self._on_all_day)
        self.times.start_moved.connect(self._on_start_moved)
        self.goals_toggle.clicked.connect(lambda: self._set_goals_shown(self.goals.isHidden()))
        self.title.textEdited.connect(lambda _t: self._clear_error("title"))
        self.owner.textEdited.connect(lambda _t: self._clear_error("owner"))
        self.speaker.textEdited.connect(lambda _t: self._clear_error("speaker"))
        self.location.textEdited.connect(lambda _t: self._clear_error("location"))
        self.description.textChanged.connect(lambda: self._clear_error("description"))
        self.community.currentIndexChanged.connect(lambda _i: self._clear_error("community_id"))
        self.item_type.currentIndexChanged.connect(lambda _i: self._clear_error("item_type"))
        self.status.currentIndexChanged.connect(lambda _i: self._clear_error("status"))
        self.start.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.end.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.recurrence.changed.connect(lambda: self._clear_error("recurrence", "end"))
        for name, edit in self.goals.fields.items():
            edit.textEdited.connect(lambda _t, name=name: self._clear_error(name))
            edit.textEdited.connect(lambda _t: self._update_goals_hint())

    # -- loading and reading -------------------------------------------------------------

    def _load(self, values: dict[str, Any]) -> None:
        self.title.setText(str(values.get("title") or ""))
        community_id = values.get("community_id") or ""
        index = self.community.findData(community_id) if community_id else 0
        self.community.setCurrentIndex(index)
        try:
            kind = ItemKind(values.get("kind") or ItemKind.CONTENT.value)
        except ValueError:
            kind = ItemKind.CONTENT
        _select_data(self.kind, kind.value)
        self._shown_kind = kind
        self._fill_types(kind, str(values.get("item_type") or ""))
        _select_data(self.status, values.get("status") or Status.PLANNED.value)
        self.owner.setText(str(values.get("owner") or ""))
        self.speaker.setText(str(values.get("speaker") or ""))
        self.location.setText(str(values.get("location") or ""))
        self.description.setPlainText(str(values.get("description") or ""))
        all_day = bool(values.get("all_day"))
        self.all_day.setChecked(all_day)
        start = values.get("start")
        end = values.get("end")
        if not isinstance(start, datetime):
            start = datetime.combine(date.today(), time(9))
        if not isinstance(end, datetime):
            end = start + timedelta(hours=1)
        self.times.set_range(start, end, all_day)
        self.tz_hint.setText(self.tr("Times are in %1").replace("%1", self._tz))
        self.recurrence.set_start(self.times.range()[0])
        rule = values.get("recurrence")
        if isinstance(rule, str):
            rule = Recurrence.parse(rule) if rule else None
        self.recurrence.set_recurrence(rule)
        for name in GOAL_FIELDS:
            self.goals.set_value(name, values.get(name))
        self.community.setEnabled(self._recurrence_editable)
        if not self._recurrence_editable:
            self.community.setToolTip(self.recurrence.locked_hint.text())
        self._update_goals_hint()
        self._set_goals_shown(kind is ItemKind.ACTIVITY or self.goals.has_values())

    def _fill_types(self, kind: ItemKind, wanted: str = "") -> None:
        self.item_type.clear()
        for item_type in TYPES_BY_KIND[kind]:
            self.item_type.addItem(item_type_label(item_type), item_type)
        index = self.item_type.findData(wanted or self._type_memory.get(kind, ""))
        self.item_type.setCurrentIndex(max(index, 0))

    def values(self) -> dict[str, Any]:
        """The fields as planner.calendar takes them (not yet checked)."""
        start, end = self.times.range()
        values: dict[str, Any] = {
            "community_id": self.community.currentData() or "",
            "kind": self.kind.currentData(),
            "item_type": self.item_type.currentData() or "",
            "title": self.title.text(),
            "all_day": self.all_day.isChecked(),
            "start": start,
            "end": end,
            "tz": self._tz,
            "status": self.status.currentData(),
            "owner": self.owner.text(),
            "description": self.description.toPlainText(),
            "speaker": self.speaker.text(),
            "location": self.location.text(),
            "recurrence": self.recurrence.recurrence(),
        }
        if not self._recurrence_editable:
            # One occurrence keeps its series' rule and community untouched.
            values["recurrence"] = self._original.get("recurrence")
            values["community_id"] = self._original.get("community_id") or ""
        for name in GOAL_FIELDS:
            values[name] = self.goals.value(name)
        return values

    # -- reacting -------------------------------------------------------------------------

    def _on_kind_changed(self) -> None:
        kind = ItemKind(self.kind.currentData())
        self._type_memory[self._shown_kind] = str(self.item_type.currentData() or "")
        self._shown_kind = kind
        self._fill_types(kind)
        self._clear_error("kind", "item_type")
        self._set_goals_shown(kind is ItemKind.ACTIVITY or self.goals.has_values())

    def _on_all_day(self, checked: bool) -> None:
        self.times.set_all_day(checked)
        self.recurrence.set_start(self.times.range()[0])
        self._clear_error("start", "end")

    def _on_start_moved(self) -> None:
        self.recurrence.set_start(self.times.range()[0])

    def _set_goals_shown(self, shown: bool) -> None:
        self.goals.setVisible(shown)
        self.goals_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _update_goals_hint(self) -> None:
        set_count = sum(1 for edit in self.goals.fields.values() if edit.text().strip())
        if set_count:
            text = self.tr("%1 of 12 set · planned vs actual").replace("%1", str(set_count))
        else:
            text = self.tr("Planned vs actual; leave empty what you do not track")
        self.goals_hint.setText(text)

    def _clear_error(self, *keys: str) -> None:
        for key in keys:
            if self._errors.message(key):
                self._errors.set(key, "")

    def _on_delete(self) -> None:
        if self.delete_handler is not None and not self.delete_handler():
            return  # the user thought better of it: stay open with the edits
        self.deleted_requested = True
        self.delete_requested.emit()
        self.done(self.DELETED)

    # -- checking ------------------------------------------------------------------------

    def field_error(self, key: str) -> str:
        """The message shown under a field now ("" if none)."""
        if key not in self._errors.labels:
            return ""
        return self._errors.message(key)

    def check(self) -> dict[str, str]:
        """Problems with the values, by field (empty when they can be saved)."""
        values = self.values()
        errors: dict[str, str] = {}
        try:
            clean_values(self.session.workspace, values)
        except ValidationError as exc:
            errors.update(exc.fields)
        # Ours says it in the words of dates, where the core speaks of times.
        errors.update(self.times.problems())
        return errors

    def accept(self) -> None:
        """Override QDialog::accept: stay open, showing why, until the values are valid."""
        if self.session.read_only:
            return
        errors = self.check()
        self._show_errors(errors)
        if errors:
            return
        if self.commit is not None and not self.commit(self.values()):
            return  # not saved (scope question cancelled, or errors now shown)
        super().accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show errors found by the caller (for example when saving) on their fields."""
        self._show_errors(errors)

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._errors.show(errors)
        general = [message for key, message in errors.items() if key not in self._errors.labels]
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        if any(key in errors for key in GOAL_FIELDS):
            self._set_goals_shown(True)
        first = self._errors.first(errors)
        if first == "recurrence":
            self.recurrence.focus_problem()
        elif first is not None:
            self._errors.fields[first].setFocus()


# -- which occurrences ---------------------------------------------------------------


class ScopeDialog(QDialog):
    """Asks which occurrences of a series a change is for.

    ``action`` is "edit", "move" or "delete" (the words follow it); any other
    text is used as the window title.

    Attributes:
        choices: EditScope -> its radio button.
    """

    def __init__(
        self,
        action: str = "edit",
        parent: QWidget | None = None,
        *,
        default: EditScope = EditScope.THIS,
    ) -> None:
        super().__init__(parent)
        texts = {
            "edit": (
                self.tr("Edit a repeating item"),
                self.tr("Which occurrences should the changes apply to?"),
                self.tr("Save"),
            ),
            "move": (
                self.tr("Move a repeating item"),
                self.tr("Which occurrences should move?"),
                self.tr("Move"),
            ),
            "delete": (
                self.tr("Delete a repeating item"),
                self.tr("Which occurrences do you want to delete?"),
                self.tr("Delete"),
            ),
        }
        title, question, ok_text = texts.get(
            action, (action, self.tr("Which occurrences?"), self.tr("OK"))
        )
        self.setWindowTitle(title)
        self.question = QLabel(question)
        self.choices: dict[EditScope, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.question)
        for scope in EditScope:
            button = QRadioButton(scope_label(scope))
            group.addButton(button)
            self.choices[scope] = button
            layout.addWidget(button)
        self.choices[default].setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(SPACING)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(340)

    def scope(self) -> EditScope:
        return next(scope for scope, button in self.choices.items() if button.isChecked())

    def set_scope(self, scope: EditScope) -> None:
        self.choices[scope].setChecked(True)


def ask_scope(parent: QWidget, action: str) -> EditScope | None:
    """Ask (modally) which occurrences an edit, move or delete is for; None if cancelled."""
    dialog = ScopeDialog(action, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.scope()
        return None
    finally:
        dialog.deleteLater()


# -- quick add ---------------------------------------------------------------------------

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def _type_combo_grouped() -> QComboBox:
    """Content types and activity kinds in one list, under a header for each."""
    combo = QComboBox()
    model = QStandardItemModel(combo)
    for kind in ItemKind:
        header = QStandardItem(kind_label(kind))
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(combo.font())
        font.setWeight(QFont.Weight.Bold)
        header.setFont(font)
        model.appendRow(header)
        for item_type in TYPES_BY_KIND[kind]:
            item = QStandardItem(item_type_label(item_type))
            item.setData(item_type, Qt.ItemDataRole.UserRole)
            item.setData(kind.value, _KIND_ROLE)
            model.appendRow(item)
    combo.setModel(model)
    return combo


class QuickAddDialog(_FitsWrappedText):
    """Adds an item in an empty calendar slot: title, community, type, when.

    Results: Accepted (add values()), Rejected, or MORE_OPTIONS: the caller
    opens the full ItemEditor with values().

    Attributes:
        more_options_requested: True once the user chose "More options…".
    """

    MORE_OPTIONS = 2

    def __init__(
        self,
        session: Session,
        values: dict[str, Any],
        *,
        communities: list[Community],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.more_options_requested = False
        self._base = dict(values)
        self._base.setdefault("tz", local_timezone())
        self._errors = FieldErrors()
        self.setWindowTitle(self.tr("Quick add"))
        self.setStyleSheet(_INVALID_STYLE)

        self.title = QLineEdit(str(values.get("title") or ""))
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(self.tr("What goes out? e.g. 早报 · Morning digest"))
        self.title.setMinimumWidth(340)
        self.community = _community_combo(communities)
        community_id = values.get("community_id") or ""
        self.community.setCurrentIndex(self.community.findData(community_id) if community_id else 0)
        self.item_type = _type_combo_grouped()
        index = self.item_type.findData(values.get("item_type") or "")
        self.item_type.setCurrentIndex(index if index > 0 else 1)
        self.times = _TimeRange(self)
        self.start = self.times.start
        self.end = self.times.end
        start = values.get("start")
        end = values.get("end")
        if not isinstance(start, datetime):
            start = datetime.combine(date.today(), time(9))
        if not isinstance(end, datetime):
            end = start + timedelta(hours=1)
        self.times.set_range(start, end, bool(values.get("all_day")))
        dash = QLabel("–")
        when = QWidget()
        when_column = QVBoxLayout(when)
        when_column.setContentsMargins(0, 0, 0, 0)
        when_column.setSpacing(2)
        when_column.addWidget(_row(self.start, dash, self.end))
        when_column.addWidget(self._errors.register("start", self.start))
        when_column.addWidget(self._errors.register("end", self.end))
        self.end.setAccessibleName(self.tr("End"))

        form = _form()
        form.addRow(_label(self.tr("&Title"), self.title), self._errors.wrap("title", self.title))
        form.addRow(
            _label(self.tr("&Community"), self.community),
            self._errors.wrap("community_id", self.community),
        )
        form.addRow(
            _label(self.tr("T&ype"), self.item_type),
            self._errors.wrap("item_type", self.item_type),
        )
        form.addRow(_label(self.tr("&When"), self.start), when)
        self.general_error = QLabel()
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(self.tr("Add"))
        self.add_button.setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.more_button = QPushButton(self.tr("&More options…"))
        self.more_button.setAutoDefault(False)
        self.more_button.setToolTip(self.tr("Open the full editor with what you entered"))
        self.more_button.clicked.connect(self._on_more)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if session.read_only:
            self.add_button.setEnabled(False)
        button_row = QHBoxLayout()
        button_row.addWidget(self.more_button)
        button_row.addStretch(1)
        button_row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING + 4)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(button_row)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept)

        self.title.textEdited.connect(lambda _t: self._clear_error("title"))
        self.community.currentIndexChanged.connect(lambda _i: self._clear_error("community_id"))
        self.item_type.currentIndexChanged.connect(lambda _i: self._clear_error("item_type"))
        self.start.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.end.dateTimeChanged.connect(lambda _d: self._clear_error("start", "end"))
        self.title.setFocus()
        _even_heights(self, self.title)

    def values(self) -> dict[str, Any]:
        """Every editable field, as ItemEditor.values() gives them."""
        start, end = self.times.range()
        values = dict(self._base)
        values.update(
            title=self.title.text(),
            community_id=self.community.currentData() or "",
            kind=self.item_type.currentData(_KIND_ROLE) or ItemKind.CONTENT.value,
            item_type=self.item_type.currentData() or "",
            start=start,
            end=end,
        )
        return values

    def field_error(self, key: str) -> str:
        return self._errors.message(key)

    def accept(self) -> None:
        """Override QDialog::accept: stay open, showing why, until the values are valid."""
        if self.session.read_only:
            return
        errors: dict[str, str] = {}
        try:
            clean_values(self.session.workspace, self.values())
        except ValidationError as exc:
            errors.update(exc.fields)
        errors.update(self.times.problems())
        self._errors.show(errors)
        general = [message for key, message in errors.items() if key not in self._errors.labels]
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        first = self._errors.first(errors)
        if first is not None:
            self._errors.fields[first].setFocus()
        if not errors:
            super().accept()

    def _clear_error(self, *keys: str) -> None:
        for key in keys:
            if self._errors.message(key):
                self._errors.set(key, "")

    def _on_more(self) -> None:
        self.more_options_requested = True
        self.done(self.MORE_OPTIONS)
