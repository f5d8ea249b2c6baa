"""The poster preview on the template page: the rendered poster scaled to fit,
dimmed while the source has an error, and the clickable error label under the
source.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from planner.ui.theme import SPACING


class _ClickableLabel(QLabel):
    """A label that says when it is clicked (the error under the source)."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mousePressEvent."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class PosterPreview(QWidget):
    """The rendered poster, scaled to fit; dimmed while the source has an error.

    Attributes:
        image: the last poster rendered without error, or None.
        stale: True when the source has changed into one that does not render.
    """

    MARGIN = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.stale = False
        self.placeholder = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 220)

    def sizeHint(self) -> QSize:
        """Override QWidget::sizeHint."""
        return QSize(300, 520)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.stale = False
        self.update()

    def set_stale(self, stale: bool) -> None:
        if stale != self.stale:
            self.stale = stale
            self.update()

    def image_rect(self) -> QRectF:
        """Where the poster is drawn: as large as fits, centred."""
        area = QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        if self.image is None or self.image.isNull() or area.isEmpty():
            return QRectF()
        scale = min(area.width() / self.image.width(), area.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF(area.center().x() - w / 2, area.top() + (area.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override QWidget::paintEvent."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Mid).lighter(115))
        target = self.image_rect()
        if self.image is None or target.isEmpty():
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect().adjusted(SPACING * 2, 0, -SPACING * 2, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            painter.end()
            return
        shadow = QColor(0, 0, 0, 60)
        for spread in (3, 2, 1):
            painter.fillRect(target.adjusted(-spread, -spread + 1, spread, spread + 1), shadow)
        if self.stale:
            painter.setOpacity(0.4)
        painter.drawImage(target, self.image)
        painter.end()
