"""Fields and layout helpers the item dialogs share.

The item editor, the quick-add dialog and the repeat-rule editor build their
forms from these: a start and an end that move together (:class:`TimeRange`),
the goals grid, the community list, form rows and labels, and a dialog that
grows to fit its word-wrapped text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from planner.calendar import METRICS, MONEY_METRICS
from planner.communities import Community
from planner.ui.field_errors import FieldErrors
from planner.ui.labels import metric_label
from planner.ui.theme import SPACING, swatch_icon

DATE_FORMAT = "ddd yyyy-MM-dd"
DATETIME_FORMAT = "ddd yyyy-MM-dd  HH:mm"
# Item times are wall-clock times in the item's own zone; the edits run in UTC
# so the machine's daylight-saving gaps never shift what the user typed.
_UTC = QTimeZone.utc()
COUNT_MAX = 1_000_000_000
MONEY_MAX = 1e12

# The theme styles invalid line edits and spin boxes; these widgets too.
INVALID_STYLE = """
QComboBox[invalid="true"], QDateTimeEdit[invalid="true"], QDateEdit[invalid="true"] {
    border: 1px solid #d93025; border-radius: 3px; padding: 2px 4px;
}
"""


# -- small helpers ----------------------------------------------------------------


def _to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute), _UTC
    )


def _from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_text(day: date) -> str:
    return QLocale().toString(to_qdate(day), DATE_FORMAT)


def select_data(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))


def community_combo(communities: Iterable[Community]) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    for community in communities:
        if not community.deleted:
            combo.addItem(swatch_icon(community.color), community.name, community.id)
    return combo


def row(*widgets: QWidget, stretch: bool = True) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(SPACING)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return holder


def form() -> QFormLayout:
    form = QFormLayout()
    form.setSpacing(SPACING)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


def label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def even_heights(dialog: QWidget, reference: QWidget) -> None:
    """Make spin and date boxes as tall as line edits.

    With any application style sheet, Fusion draws them 3-4 pixels shorter
    than line edits and combo boxes, which looks ragged in a form.
    """
    height = reference.sizeHint().height()
    for box in dialog.findChildren(QAbstractSpinBox):
        box.setMinimumHeight(max(height, box.minimumHeight()))


def align_label_columns(forms: Iterable[QFormLayout]) -> None:
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


class FitsWrappedText(QDialog):
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


class TimeRange(QObject):
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


# -- goals and results -------------------------------------------------------------


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
