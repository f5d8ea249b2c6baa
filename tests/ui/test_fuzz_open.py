"""Damaged workspace files opened from the main window (see tests/test_fuzz_workspace.py).

A handful of damaged copies of the sample, made the same way every run, that
``open_workspace`` refuses: the window shows one line saying why, keeps
running, and the workspace that was open stays open, shown and untouched.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.errors import PlannerError
from planner.paths import AppPaths
from planner.settings import Settings
from planner.ui.main_window import MainWindow
from planner.workspace import open_workspace
from tests.conftest import DEVICE
from tests.fuzz_common import assert_one_line, workspace_digest
from tests.test_fuzz_workspace import REGIONS, Base, apply_damage, files_in, write_damaged


def refused_damage(sample: Path, folder: Path, count: int, seed: int = 10) -> list[Path]:
    """``count`` damaged copies of ``sample`` that open_workspace refuses."""
    base = Base(sample.read_bytes(), None)
    folder.mkdir(exist_ok=True)
    rng = random.Random(seed)
    found: list[Path] = []
    while len(found) < count:
        kind = rng.choice(["flip", "scribble", "zero_page", "truncate"])
        if kind == "flip":
            ops = (("flip", rng.choice(REGIONS[:4]), rng.randrange(2**31), rng.randrange(1, 256)),)
        elif kind == "scribble":
            junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
            ops = (("scribble", rng.choice(REGIONS[:4]), rng.randrange(2**31), junk),)
        elif kind == "zero_page":
            ops = (("zero_page", rng.randrange(2**31)),)
        else:
            ops = (("truncate", "main", rng.randrange(2**31)),)
        main, _ = apply_damage(base, ops)
        probe = write_damaged(folder, main, None)
        try:
            open_workspace(probe, device_id=DEVICE, lock_dir=folder / "probe-locks").close()
        except PlannerError:
            found.append(write_damaged(folder, main, None))
    return found


@pytest.fixture
def window(qtbot, paths: AppPaths, sample_path: Path) -> MainWindow:
    settings = Settings(paths.settings_file)
    settings.set("main_view", "communities")
    w = MainWindow(paths, settings, DEVICE)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(sample_path)
    return w


def test_damaged_files_are_refused_and_the_open_workspace_stays(
    window: MainWindow, sample_path: Path, tmp_path: Path
) -> None:
    w = window
    assert w.session is not None
    before = workspace_digest(w.session.workspace)
    shown = w.page.community_id
    title = w.windowTitle()
    for damaged in refused_damage(sample_path, tmp_path / "damaged", 6):
        files = files_in(damaged.parent)
        assert w.open_path(damaged) is False
        boxes = [box for box in w.findChildren(QMessageBox) if box.isVisible()]
        assert len(boxes) == 1, damaged
        message = boxes[0].text()
        boxes[0].close()
        assert_one_line(message)
        assert damaged.name in message
        # The window goes on with the sample: open, shown, and not changed.
        assert w.session is not None and w.session.workspace.path == sample_path
        assert workspace_digest(w.session.workspace) == before
        assert w.page.community_id == shown
        assert w.windowTitle() == title
        assert files_in(damaged.parent) == files
