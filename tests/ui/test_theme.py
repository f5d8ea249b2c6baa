"""The dark palette: the edges of fields and radio buttons can be seen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton

from planner.ui.theme import STYLE_SHEET, dark_palette


@pytest.fixture
def dark() -> Iterator[QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QPalette(app.palette())
    app.setPalette(dark_palette())
    app.setStyleSheet(STYLE_SHEET)
    yield dark_palette()
    app.setPalette(original)
    app.setStyleSheet(STYLE_SHEET)


def test_a_text_field_has_a_visible_edge_on_the_dark_palette(qtbot, dark: QPalette) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit("300")
    qtbot.addWidget(field)
    field.resize(160, 28)
    image = field.grab().toImage()
    base = dark.color(QPalette.ColorRole.Base)
    edge = image.pixelColor(image.width() // 2, 0)
    assert edge.lightness() - base.lightness() > 40


def test_a_radio_button_has_a_visible_ring_on_the_dark_palette(qtbot, dark: QPalette) -> None:  # type: ignore[no-untyped-def]
    radio = QRadioButton("所有社群")
    qtbot.addWidget(radio)
    radio.resize(120, 24)
    image = radio.grab().toImage()
    window = dark.color(QPalette.ColorRole.Window)
    ring = max(
        image.pixelColor(x, y).lightness() for x in range(0, 20) for y in range(image.height())
    )
    assert ring - window.lightness() > 60
