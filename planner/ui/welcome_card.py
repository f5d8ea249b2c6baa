"""A welcome message card: one message of a welcome sequence, with when it is
sent, its source and its rendered preview, ready to copy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from planner.template_library import MAX_OFFSET_MINUTES
from planner.templating import TemplateError, WelcomeMessage, format_offset
from planner.ui.locale_text import ui_text
from planner.ui.template_highlighter import SourceEdit
from planner.ui.theme import SPACING, icon


class MessageCard(QFrame):
    """One message of a welcome sequence: when it is sent, its source, its preview.

    Signals:
        edited(): the offset or the text changed.
        move_requested(int): move up (-1) or down (1).
        remove_requested(): remove this message.
        copy_requested(): put the rendered text on the clipboard.
    """

    edited = Signal()
    move_requested = Signal(int)
    remove_requested = Signal()
    copy_requested = Signal()

    UNITS = (1440, 60, 1)  # days, hours, minutes
    MIN_LINES = 3
    MAX_LINES = 14

    def __init__(
        self, message: WelcomeMessage, *, editable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageCard")
        self.setStyleSheet(
            "QFrame#messageCard { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(base); }"
            "QLabel#bubble { background: #95ec69; color: #111111; border-radius: 6px;"
            " padding: 8px 10px; }"
            "QLabel#bubble:disabled { background: #d3e9c8; color: #666666; }"
            "QLabel#offset { background: palette(highlight); color: palette(highlighted-text);"
            " border-radius: 9px; padding: 1px 8px; font-weight: 600; }"
        )
        self.editable = editable
        self.rendered: str | None = None

        self.offset_badge = QLabel()
        self.offset_badge.setObjectName("offset")
        self.title = QLabel()
        self.title.setProperty("role", "hint")
        self.amount = QSpinBox()
        self.amount.setRange(0, 999)
        self.amount.setAccessibleName(self.tr("Send after"))
        self.unit = QComboBox()
        for minutes, label in zip(
            self.UNITS, (self.tr("days"), self.tr("hours"), self.tr("minutes")), strict=True
        ):
            self.unit.addItem(label, minutes)
        self.after_label = QLabel(self.tr("after joining"))
        self.up_button = self._tool(
            "↑",
            self.tr("Send this text earlier (the times stay)"),
            lambda: self.move_requested.emit(-1),
        )
        self.down_button = self._tool(
            "↓",
            self.tr("Send this text later (the times stay)"),
            lambda: self.move_requested.emit(1),
        )
        self.remove_button = self._tool(
            "", self.tr("Remove this message"), self.remove_requested.emit
        )
        self.remove_button.setIcon(icon("trash"))

        self.body = SourceEdit(markup=False, line_numbers=False)
        self.body.setAccessibleName(self.tr("Message text"))
        self.body.setReadOnly(not editable)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.body.document().documentLayout().documentSizeChanged.connect(self._fit_body)
        self.preview = QLabel()
        self.preview.setObjectName("bubble")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(
            self.tr("Copy this message, filled in for the community, to paste into the group")
        )
        self.copy_button.clicked.connect(lambda _c=False: self.copy_requested.emit())
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        head = QHBoxLayout()
        head.setSpacing(SPACING)
        head.addWidget(self.offset_badge)
        head.addWidget(self.title)
        if editable:
            head.addSpacing(SPACING)
            head.addWidget(self.amount)
            head.addWidget(self.unit)
            head.addWidget(self.after_label)
        head.addStretch(1)
        if editable:
            head.addWidget(self.up_button)
            head.addWidget(self.down_button)
            head.addWidget(self.remove_button)
        source_column = QVBoxLayout()
        source_column.setSpacing(4)
        source_column.addWidget(self.body)
        source_column.addWidget(self.error)
        source_column.addStretch(1)
        preview_column = QVBoxLayout()
        preview_column.setSpacing(SPACING)
        preview_column.addWidget(self.preview)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        preview_column.addLayout(copy_row)
        preview_column.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 2)
        columns.addLayout(source_column, 1)
        columns.addLayout(preview_column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING + 2, SPACING + 4, SPACING + 4)
        layout.setSpacing(SPACING)
        layout.addLayout(head)
        layout.addLayout(columns)

        self._set_offset(message.offset_minutes)
        self.body.setPlainText(message.body)
        self._fit_body()
        self.amount.valueChanged.connect(self._on_offset_edited)
        self.unit.currentIndexChanged.connect(self._on_offset_edited)
        self.body.textChanged.connect(self.edited)

    def _fit_body(self) -> None:
        """As tall as the message (a plain-text layout counts its size in lines)."""
        lines = self.body.document().documentLayout().documentSize().height()
        lines = min(max(lines, self.MIN_LINES), self.MAX_LINES)
        margins = self.body.contentsMargins()
        chrome = margins.top() + margins.bottom() + 2 * self.body.document().documentMargin()
        self.body.setFixedHeight(round(lines * self.body.fontMetrics().lineSpacing() + chrome))

    def _tool(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _set_offset(self, minutes: int) -> None:
        unit = next((u for u in self.UNITS if minutes % u == 0 and minutes >= u), 1)
        self.unit.setCurrentIndex(self.unit.findData(unit))
        self.amount.setMaximum(MAX_OFFSET_MINUTES // unit)
        self.amount.setValue(minutes // unit)
        self.offset_badge.setText(format_offset(minutes))

    def _on_offset_edited(self) -> None:
        self.amount.setMaximum(MAX_OFFSET_MINUTES // int(self.unit.currentData()))
        self.offset_badge.setText(format_offset(self.offset_minutes()))
        self.edited.emit()

    def offset_minutes(self) -> int:
        return int(self.amount.value()) * int(self.unit.currentData())

    def message(self) -> WelcomeMessage:
        return WelcomeMessage(self.offset_minutes(), self.body.toPlainText())

    def set_position(self, number: int, count: int) -> None:
        self.title.setText(
            self.tr("Message %1 of %2").replace("%1", str(number)).replace("%2", str(count))
        )
        self.up_button.setEnabled(number > 1)
        self.down_button.setEnabled(number < count)

    def set_rendered(self, text: str) -> None:
        self.rendered = text
        self.preview.setText(text)
        self.preview.setEnabled(True)
        self.copy_button.setEnabled(True)
        self.copy_button.setText(self.tr("Copy"))
        self.error.hide()
        self.body.set_error_line(None)

    def set_error(self, error: PlannerError) -> None:
        """Show ``error`` under the source; the last good preview stays, dimmed."""
        self.rendered = None
        self.error.setText(ui_text(str(error)))
        self.error.show()
        self.preview.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.body.set_error_line(error.line if isinstance(error, TemplateError) else None)
