"""wait_for: work on a thread while the event loop turns, with no user input."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from planner.ui.wait import wait_for


def test_the_loop_turns_while_the_work_runs_and_its_result_comes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    seen = threading.Event()

    def work() -> str:
        # Done only once the GUI thread has turned its loop meanwhile.
        assert seen.wait(5), "the event loop did not turn while the work ran"
        return "深夜读书会"

    timer.timeout.connect(seen.set)
    assert wait_for(work) == "深夜读书会"
    timer.stop()
    assert ticks


def test_the_works_error_is_raised_to_the_caller(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work() -> None:
        raise ValueError("坏文件")

    with pytest.raises(ValueError, match="坏文件"):
        wait_for(work)


def test_quick_work_needs_no_loop(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert wait_for(lambda: 42) == 42
