"""The longest the GUI thread went without an event-loop turn, while the app does something.

A precise 1 ms timer ticks on the GUI thread; the longest gap between two
ticks is the longest time the event loop could not run: no repaint, no
keyboard, no mouse. Work on the GUI thread shows as a gap as long as it; work
on a worker thread shows only as far as it keeps the GUI thread waiting (the
GIL, a lock, a blocking call).

Actions are started the way a user starts them, from the event loop (a
queued call, as a key press or a click would be), and the loop runs until the
action says it is done.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication


class StallMeter(QObject):
    """Measures the longest gap between event-loop turns while it runs."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Stop; the longest gap seen, counting the time since the last tick."""
        self._tick()
        self._timer.stop()
        return self.longest_ms

    def run(
        self,
        start: Callable[[], object],
        done: Callable[[], bool] = lambda: True,
        *,
        timeout_s: float = 120.0,
        settle_ms: int = 30,
    ) -> tuple[float, float]:
        """Start ``start()`` from the event loop and turn the loop until ``done()``.

        Returns (wall ms from the queued start to done, longest stall ms).
        After ``done()``, the loop turns ``settle_ms`` more, so that the
        repaint and anything queued by the action's end is counted.
        """
        loop = QEventLoop()
        began = [0.0]
        ended = [0.0]
        late = [False]

        def kick() -> None:
            began[0] = time.perf_counter()
            start()
            poll()

        def poll() -> None:
            if ended[0]:
                return
            if done():
                ended[0] = time.perf_counter()
                QTimer.singleShot(settle_ms, loop.quit)
            elif time.perf_counter() - began[0] > timeout_s:
                late[0] = True
                loop.quit()
            else:
                QTimer.singleShot(2, poll)

        self.start()
        QTimer.singleShot(0, kick)
        loop.exec()
        longest = self.stop()
        if late[0]:
            raise TimeoutError(f"not done after {timeout_s:.0f} s")
        return (ended[0] - began[0]) * 1000, longest


def settle(ms: int = 50) -> None:
    """Let queued events and repaints run for ``ms``."""
    app = QApplication.instance()
    assert app is not None
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
