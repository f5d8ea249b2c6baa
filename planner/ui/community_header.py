"""The top of a community's page: its colour button, the stage path with the
checklist's progress, and the banner that suggests the next stage."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from planner.checklists import Progress
from planner.communities import Stage
from planner.ui.labels import stage_hint, stage_label
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import SPACING, icon

DONE_COLOR = "#1e8e3e"


class ColorButton(QPushButton):
    """A button that shows a colour and lets the user pick another.

    Signals:
        color_changed(str): the new colour as #rrggbb.
    """

    color_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = "#2f80ed"
        self.setFixedWidth(120)
        self.clicked.connect(self._pick)
        self._paint()

    def color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        if color != self._color:
            self._color = color
            self._paint()
            self.color_changed.emit(color)

    def _paint(self) -> None:
        self.setText(self._color)
        fg = "#ffffff" if QColor(self._color).lightnessF() < 0.6 else "#000000"
        self.setStyleSheet(
            f"QPushButton {{ background: {self._color}; color: {fg}; border-radius: 4px;"
            " padding: 4px; }"
        )

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, self.tr("Community colour"))
        if chosen.isValid():
            self.set_color(chosen.name())


def progress_bar_style(color: str) -> str:
    return (
        "QProgressBar { border: none; border-radius: 3px; background: palette(midlight); }"
        f" QProgressBar::chunk {{ border-radius: 3px; background: {color}; }}"
    )


class StagePath(QWidget):
    """The five stages as a row of steps, the community's own highlighted, each
    with its checklist's done/total (green when all are done)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._labels: dict[Stage, QLabel] = {}
        for n, stage in enumerate(Stage):
            if n:
                arrow = QLabel("→")
                arrow.setProperty("role", "hint")
                layout.addWidget(arrow)
            label = QLabel(f"{stage.number} {stage_label(stage)}")
            label.setToolTip(stage_hint(stage))
            self._labels[stage] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self._stage = Stage.BUILD
        self._progress = Progress()

    def set_stage(self, current: Stage, progress: Progress | None = None) -> None:
        self._stage = current
        if progress is not None:
            self._progress = progress
        order = list(Stage)
        for stage, label in self._labels.items():
            part = self._progress.of(stage)
            text = f"{stage.number} {stage_label(stage)}"
            if part.total:
                text += f"  {part.done}/{part.total}"
            label.setText(text)
            label.setToolTip(
                stage_hint(stage)
                + "\n"
                + self.tr("Checklist: %1 of %2 done")
                .replace("%1", str(part.done))
                .replace("%2", str(part.total))
            )
            if stage == current:
                color = STAGE_COLORS[stage]
                style = (
                    f"background: {color}; color: white; border-radius: 9px;"
                    " padding: 2px 10px; font-weight: 600;"
                )
            elif part.complete:
                style = f"color: {DONE_COLOR}; padding: 2px 6px;"
            elif order.index(stage) < order.index(current):
                style = "color: palette(text); padding: 2px 6px;"
            else:
                style = "color: palette(placeholder-text); padding: 2px 6px;"
            label.setStyleSheet(style)

    def text(self, stage: Stage) -> str:
        """What the step for ``stage`` says (for tests and accessibility)."""
        return self._labels[stage].text()


class SuggestionBanner(QFrame):
    """“Every Structure item is done. Move 读书会 to Output?” with Move and Not now.

    Signals:
        move_clicked(): the operator agreed to move on.
        dismissed(): the operator said not now.
    """

    move_clicked = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageSuggestion")
        self.setStyleSheet(
            "QFrame#stageSuggestion { background: #e8f5e9; border: 1px solid #a5d6a7;"
            " border-radius: 6px; } QFrame#stageSuggestion QLabel { color: #1b5e20; }"
        )
        mark = QLabel()
        mark.setPixmap(icon("sparkles", "#1e8e3e").pixmap(18, 18))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.move_button = QPushButton()
        self.move_button.setProperty("primary", True)
        self.move_button.clicked.connect(self.move_clicked)
        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING, SPACING, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(mark)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.move_button)
        layout.addWidget(self.later_button)

    def suggest(self, name: str, done: Stage, next_stage: Stage, editable: bool) -> None:
        self.text.setText(
            self.tr("Every %1 item is done. Move %2 to %3?")
            .replace("%1", stage_label(done))
            .replace("%2", name)
            .replace("%3", stage_label(next_stage))
        )
        self.move_button.setText(self.tr("Move to %1").replace("%1", stage_label(next_stage)))
        self.move_button.setEnabled(editable)
