"""Wait for work done off the GUI thread while the window keeps painting.

Some work must finish before the window can go on, yet can take longer than
a frame: opening a large workspace checks every page and row of the file
first. :func:`wait_for` runs it on a thread and turns the event loop
meanwhile, so the window repaints and timers run; user input waits (it is
excluded from the loop), so nothing can be clicked half-way. The caller
sees an ordinary call that returns the work's result or raises its error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication

T = TypeVar("T")

# How often the loop looks whether the work is done (ms).
POLL_MS = 5


def wait_for(work: Callable[[], T]) -> T:
    """Run ``work()`` on a thread of its own; turn the event loop (no user input)
    until it ends; return what it returned, or raise what it raised.

    ``work`` must not touch widgets. A SQLite connection it opens can be used
    on the GUI thread afterwards only if it was opened with
    ``check_same_thread=False`` (the workspace's are).

    The loop carries out pending deferred deletes: do not call this inside a
    signal of an object that may be waiting for one (a dialog with
    ``WA_DeleteOnClose`` sending ``finished``), or the object goes while its
    signal is still being sent. Go on from the next turn instead
    (``QTimer.singleShot(0, ...)``), as the synced-folder warning does.
    """
    outcome: dict[str, object] = {}
    finished = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller below
            outcome["error"] = exc
        finally:
            finished.set()

    thread = threading.Thread(target=run, name="wait_for", daemon=True)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        thread.start()
        if not finished.wait(POLL_MS / 1000):
            loop = QEventLoop()
            timer = QTimer()
            timer.setInterval(POLL_MS)

            def look() -> None:
                if finished.is_set():
                    loop.quit()

            timer.timeout.connect(look)
            timer.start()
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            timer.stop()
        thread.join()
    finally:
        QGuiApplication.restoreOverrideCursor()
    if "error" in outcome:
        error = outcome["error"]
        assert isinstance(error, BaseException)
        raise error
    return outcome["value"]  # type: ignore[return-value]
