"""Guards against a broken Qt binding: these failures abort the app much later."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor


class _Emitter(QObject):
    fired = Signal(int)


def test_qt_calls_keep_none_and_true_alive() -> None:
    """PySide6 6.12.0 on Python < 3.12 drops a reference to None per call (and to
    True per emit) until the interpreter aborts; pyproject.toml keeps it out."""
    color = QColor("#123456")
    emitter = _Emitter()
    none_before = sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(200):
        color.setAlphaF(0.5)
        emitter.fired.emit(1)
    assert sys.getrefcount(None) >= none_before - 5
    assert sys.getrefcount(True) >= true_before - 5
