"""File ▸ Import calendar… off the GUI thread: progress, Cancel, errors, the message, Undo."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

import planner.ics
import planner.ics_import
from planner.communities import create_community
from planner.ics import export_ics
from planner.paths import AppPaths
from planner.ui.ics_import_job import IcsImportJob
from planner.ui.session import Session
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

TIMEOUT = 10_000


@pytest.fixture
def calendar_file(session: Session, tmp_path: Path) -> Path:
    """The sample's calendar as an .ics file (series, overrides, zones)."""
    path = tmp_path / "sample.ics"
    path.write_bytes(export_ics(session.workspace))
    return path


@pytest.fixture
def target(session: Session) -> str:
    """A new, empty community to import into."""
    community_id, _ = session.run(create_community, {"name": "导入目标"})
    return str(community_id)


class Recorder:
    """The import object of a bare window, with what it said."""

    def __init__(self, qtbot: Any, session: Session) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.errors: list[str] = []
        self.messages: list[str] = []
        self.percents: list[int] = []
        self.results: list[Any] = []
        self.job = IcsImportJob(self.window, self.errors.append)
        self.job.message.connect(self.messages.append)
        self.job.progressed.connect(self.percents.append)
        self.job.imported.connect(self.results.append)
        self.job.set_session(session)
        self.qtbot = qtbot
        self.session = session

    def wait(self) -> None:
        """Until the import has ended and been handled."""
        self.qtbot.waitUntil(lambda: not self.job.busy, timeout=TIMEOUT)

    def items_in(self, community_id: str) -> int:
        row = self.session.workspace.db.execute(
            "SELECT count(*) FROM calendar_items WHERE community_id = ? AND deleted = 0",
            [community_id],
        ).fetchone()
        return int(row[0])

    def history(self) -> list[Any]:
        return list(self.session.workspace.history.undo_stack)


@pytest.fixture
def rec(qtbot: Any, session: Session) -> Recorder:
    return Recorder(qtbot, session)


def events_in(path: Path) -> int:
    return path.read_bytes().count(b"BEGIN:VEVENT")


def test_import_reports_progress_says_what_it_did_and_undoes_in_one_step(
    rec: Recorder, calendar_file: Path, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner.ics, "_STEP", 1)  # a report for every event
    monkeypatch.setattr(planner.ics_import, "_STEP", 1)
    before = rec.history()
    events = events_in(calendar_file)
    assert events > 5

    assert rec.job.import_from(calendar_file, target)
    assert rec.job.busy
    rec.wait()

    assert rec.errors == []
    assert rec.messages == [
        f"Imported {events} new, 0 updated, 0 unchanged events from sample.ics."
    ]
    assert rec.results[0].added == events
    assert rec.items_in(target) > 0
    # Progress went up, by several steps, to 100.
    assert rec.percents == sorted(rec.percents)
    assert rec.percents[-1] == 100
    assert len(set(rec.percents)) > 3
    # One new step on the undo history, and it takes the whole import back.
    after = rec.history()
    assert after[: len(before)] == before and len(after) == len(before) + 1
    assert after[-1].action == "import_ics" and after[-1].subject == "sample.ics"
    rec.session.undo()
    assert rec.items_in(target) == 0
    assert rec.history() == before


def test_import_again_changes_nothing(rec: Recorder, calendar_file: Path, target: str) -> None:
    assert rec.job.import_from(calendar_file, target)
    rec.wait()
    history = rec.history()
    assert rec.job.import_from(calendar_file, target)
    rec.wait()
    events = events_in(calendar_file)
    assert rec.messages[-1] == (
        f"Imported 0 new, 0 updated, {events} unchanged events from sample.ics."
    )
    assert rec.history() == history  # nothing written: nothing to undo


def test_cancel_while_writing_imports_nothing(
    rec: Recorder, calendar_file: Path, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner.ics_import, "_STEP", 1)  # the Cancel is seen at once
    real = planner.ics_import._Writer.insert
    written: list[str] = []

    def insert(writer: Any, values: dict[str, Any]) -> str:
        row_id = real(writer, values)
        written.append(row_id)
        if len(written) == 3:
            rec.job.cancel()  # (from the worker: the flag is a threading.Event)
        return row_id

    monkeypatch.setattr(planner.ics_import._Writer, "insert", insert)
    before = rec.history()
    assert rec.job.import_from(calendar_file, target)
    rec.wait()

    assert len(written) == 3  # it had begun writing, and stopped
    assert rec.errors == []
    assert rec.messages == ["Import cancelled; nothing was imported."]
    assert rec.results == []
    assert rec.items_in(target) == 0  # rolled back
    assert rec.history() == before


def test_cancel_before_it_starts_imports_nothing(
    rec: Recorder, calendar_file: Path, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real = planner.ics.import_ics

    def held(ws: Workspace, data: bytes, **kwargs: Any) -> Any:
        assert gate.wait(TIMEOUT / 1000), "the test never opened the gate"
        return real(ws, data, **kwargs)

    monkeypatch.setattr(planner.ics, "import_ics", held)
    before = rec.history()
    assert rec.job.import_from(calendar_file, target)
    assert not rec.job.import_from(calendar_file, target)  # one at a time
    assert rec.job.progress is not None
    button = rec.job.progress.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()  # the dialog's Cancel
    gate.set()
    rec.wait()
    assert rec.messages == ["Import cancelled; nothing was imported."]
    assert rec.items_in(target) == 0
    assert rec.history() == before
    assert rec.job.progress is None  # the dialog closed


def test_a_file_that_is_not_a_calendar_is_one_line_and_imports_nothing(
    rec: Recorder, calendar_file: Path, target: str, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.ics"
    damaged = calendar_file.read_bytes().replace(b"END:VEVENT", b"END:VTODO", 1)
    bad.write_bytes(damaged)
    before = rec.history()
    assert rec.job.import_from(bad, target)
    rec.wait()
    assert rec.messages == []
    assert len(rec.errors) == 1
    line = rec.errors[0]
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith("notes.ics: ")
    assert rec.items_in(target) == 0
    assert rec.history() == before


def test_an_event_the_planner_cannot_hold_imports_nothing(
    rec: Recorder, calendar_file: Path, target: str, tmp_path: Path
) -> None:
    bad = tmp_path / "rdate.ics"
    # The last event gets an RDATE: the events before it are fine, and all are refused.
    data = calendar_file.read_bytes()
    cut = data.rindex(b"END:VEVENT")
    bad.write_bytes(data[:cut] + b"RDATE:20270101T100000Z\r\n" + data[cut:])
    assert rec.job.import_from(bad, target)
    rec.wait()
    assert len(rec.errors) == 1
    assert "RDATE" in rec.errors[0] and "Nothing was imported" in rec.errors[0]
    assert rec.items_in(target) == 0


def test_a_file_that_cannot_be_read_is_one_line(rec: Recorder, target: str, tmp_path: Path) -> None:
    assert rec.job.import_from(tmp_path / "gone.ics", target)
    rec.wait()
    assert len(rec.errors) == 1
    assert rec.errors[0].startswith("gone.ics: cannot be read (")
    assert "\n" not in rec.errors[0]


def test_no_import_on_a_read_only_workspace(
    qtbot: Any, sample_path: Path, paths: AppPaths, tmp_path: Path
) -> None:
    ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    session = Session(ws)
    try:
        rec = Recorder(qtbot, session)
        assert not rec.job.import_from(tmp_path / "any.ics", "x")
        assert not rec.job.busy
    finally:
        session.close()
