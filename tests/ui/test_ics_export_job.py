"""File ▸ Export calendar (ICS)… off the GUI thread: progress, Cancel, errors, the message."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

import planner.ics_export
from planner.paths import AppPaths
from planner.ui.ics_export_job import IcsExportJob
from planner.ui.session import Session
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

TIMEOUT = 10_000


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


class Recorder:
    """The export object of a bare window, with what it said."""

    def __init__(self, qtbot: Any, session: Session) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.errors: list[str] = []
        self.messages: list[str] = []
        self.percents: list[int] = []
        self.job = IcsExportJob(self.window, self.errors.append)
        self.job.message.connect(self.messages.append)
        self.job.progressed.connect(self.percents.append)
        self.job.set_session(session)
        self.qtbot = qtbot

    def wait(self) -> None:
        """Until the export has ended and been handled."""
        self.qtbot.waitUntil(lambda: not self.job.busy, timeout=TIMEOUT)


@pytest.fixture
def rec(qtbot: Any, session: Session) -> Recorder:
    return Recorder(qtbot, session)


class Gate:
    """Holds the export in the worker until the test opens it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        real = self.real = planner.ics_export.export_ics

        def held(ws: Workspace, **kwargs: Any) -> bytes:
            assert self.open.wait(TIMEOUT / 1000), "the test never opened the gate"
            return real(ws, **kwargs)

        monkeypatch.setattr(planner.ics_export, "export_ics", held)


def events_of(data: bytes) -> list[tuple[str, str]]:
    cal = Calendar.from_ical(data)
    return [(str(e["UID"]), str(e["SUMMARY"])) for e in cal.walk("VEVENT")]


def test_the_export_writes_the_calendar_with_progress_and_says_so(
    qtbot: Any, rec: Recorder, session: Session, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner.ics_export, "_STEP", 4)  # a few steps for the sample
    gate = Gate(monkeypatch)
    out = out_dir / "日历.ics"
    assert rec.job.export_to(out)
    assert rec.job.busy and not rec.job.export_to(out_dir / "second.ics")  # one at a time
    dialog = rec.job.progress
    assert dialog is not None
    assert dialog.maximum() == 100 and "日历.ics" in dialog.labelText()
    with qtbot.waitSignal(rec.job.exported, timeout=TIMEOUT) as done:
        gate.open.set()
    assert done.args == [out]
    assert rec.messages == ["Exported the calendar to 日历.ics."]
    assert rec.errors == []
    assert rec.job.progress is None and not rec.job.busy
    # The percentages went up from 0 to 100, with steps between.
    assert rec.percents[0] == 0 and rec.percents[-1] == 100, rec.percents
    assert rec.percents == sorted(rec.percents)
    assert any(0 < p < 100 for p in rec.percents)
    # The whole calendar, and nothing else in the folder (no temp file).
    assert events_of(out.read_bytes()) == events_of(gate.real(session.workspace))
    assert sorted(p.name for p in out_dir.iterdir()) == ["日历.ics"]


def test_cancel_leaves_no_file_and_an_old_one_as_it_was(
    qtbot: Any, rec: Recorder, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    out = out_dir / "calendar.ics"
    out.write_bytes(b"the calendar exported last week")
    fresh = out_dir / "fresh.ics"
    for target in (out, fresh):
        rec.messages.clear()
        gate.open.clear()
        assert rec.job.export_to(target)
        assert rec.job.progress is not None
        rec.job.progress.findChild(QPushButton).click()  # the dialog's Cancel
        gate.open.set()
        rec.wait()
        assert rec.messages == ["Export cancelled; no file was written."]
    assert rec.errors == []
    assert out.read_bytes() == b"the calendar exported last week"
    assert sorted(p.name for p in out_dir.iterdir()) == ["calendar.ics"]
    assert rec.job.progress is None


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_a_target_that_cannot_be_a_file_is_said_in_one_line(
    rec: Recorder, out_dir: Path, where: str
) -> None:
    target = out_dir / "nowhere" / "c.ics" if where == "missing folder" else out_dir
    assert not rec.job.export_to(target)
    assert not rec.job.busy and rec.job.progress is None
    assert len(rec.errors) == 1 and "\n" not in rec.errors[0]
    assert ("no such folder" if where == "missing folder" else "is a folder") in rec.errors[0]
    assert rec.messages == []


def test_a_file_the_system_refuses_is_said_in_one_line(
    rec: Recorder, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder is there, but writing in it fails (permissions, a full disk)."""

    def refuse(*_args: Any, **_kwargs: Any) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("planner.files.tempfile.mkstemp", refuse)
    out = out_dir / "calendar.ics"
    assert rec.job.export_to(out)
    rec.wait()
    assert rec.messages == []
    assert len(rec.errors) == 1
    line = rec.errors[0]
    assert "\n" not in line and "calendar.ics" in line and "Permission denied" in line
    assert not out.exists() and list(out_dir.iterdir()) == []


def test_closing_the_workspace_stops_the_export_quietly(
    qtbot: Any, rec: Recorder, session: Session, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    out = out_dir / "calendar.ics"
    assert rec.job.export_to(out)
    # The window's object cancels first (it connected first), then the gate opens.
    session.closing.connect(gate.open.set)
    session.stop()  # cancels the jobs and waits for them
    assert not rec.job.busy and rec.job.progress is None
    QCoreApplication.processEvents()  # the job's queued "finished", if any, arrives
    assert rec.messages == [] and rec.errors == []
    assert list(out_dir.iterdir()) == []


def test_a_read_only_workspace_exports(
    qtbot: Any, sample_path: Path, paths: AppPaths, out_dir: Path
) -> None:
    session = Session(
        open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    )
    try:
        rec = Recorder(qtbot, session)
        out = out_dir / "calendar.ics"
        with qtbot.waitSignal(rec.job.exported, timeout=TIMEOUT):
            assert rec.job.export_to(out)
        assert rec.messages == ["Exported the calendar to calendar.ics."]
        assert len(events_of(out.read_bytes())) > 10
    finally:
        session.close()
