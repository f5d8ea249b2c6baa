"""The replicate wizard, driven as a user drives it: name, date, options, preview, copy."""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QThread
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeWidgetItem, QWizard
from pytestqt.qtbot import QtBot

from planner import replicate as replicate_core
from planner.calendar import CalendarItem
from planner.checklists import checklist, progress
from planner.communities import find_community, get_community, list_communities
from planner.errors import Cancelled
from planner.history import Change
from planner.paths import AppPaths
from planner.replicate import ReplicationPlan, plan_replication
from planner.replicate import replicate as real_replicate
from planner.replicate_series import SeriesCopy
from planner.replicate_series import series_copy as real_series_copy
from planner.ui import replicate_wizard
from planner.ui.background import BackgroundJob
from planner.ui.labels import action_label
from planner.ui.replicate_wizard import ReplicateWizard
from planner.ui.session import Session
from planner.workspace import Workspace, open_workspace
from planner.workspace_library import library
from tests.conftest import DEVICE

READING = "深夜读书会 · 付费会员圈"
TODAY = date(2026, 11, 25)  # a Wednesday
TIMEOUT = 10_000


@pytest.fixture
def wizard(qtbot: QtBot, session: Session) -> ReplicateWizard:
    source = find_community(session.workspace, READING)
    w = ReplicateWizard(session, source.id, today=TODAY)
    qtbot.addWidget(w)
    w.open()
    qtbot.waitExposed(w)
    return w


def type_text(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type as a user does: ASCII as key clicks, Chinese as an input method's commit
    (QTest cannot click keys for it)."""
    for is_ascii, chars in itertools.groupby(text, key=str.isascii):
        run = "".join(chars)
        if is_ascii:
            qtbot.keyClicks(field, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(field, event)


def tree_texts(item: QTreeWidgetItem) -> list[str]:
    """Every row under ``item``, as "what | detail", depth first."""
    found = []
    for n in range(item.childCount()):
        child = item.child(n)
        found.append(f"{child.text(0)} | {child.text(1)}")
        found += tree_texts(child)
    return found


def sections(w: ReplicateWizard) -> dict[str, list[str]]:
    tree = w.preview.tree
    return {
        tree.topLevelItem(n).text(0): tree_texts(tree.topLevelItem(n))
        for n in range(tree.topLevelItemCount())
    }


def to_preview(qtbot: QtBot, w: ReplicateWizard) -> None:
    """From the options page to the preview, once its plan is made."""
    assert w.currentPage() is w.contents
    with qtbot.waitSignal(w.preview.ready, timeout=TIMEOUT):
        w.next()
    assert w.currentPage() is w.preview


def live_items(ws: Workspace, community_id: str) -> list[dict[str, Any]]:
    return list(
        ws.db.query(
            "SELECT * FROM calendar_items WHERE community_id = ? AND deleted = 0",
            [community_id],
        )
    )


def test_the_first_page_suggests_a_name_next_monday_and_build(wizard: ReplicateWizard) -> None:
    basics = wizard.basics
    assert basics.name.text() == f"{READING} (2)"
    assert basics.start.date() == QDate(2026, 11, 30)
    assert basics.stage.currentData() == "build"
    assert wizard.windowTitle() == f"Replicate “{READING}”"


def test_replicate_through_the_wizard_then_undo(
    qtbot: QtBot, wizard: ReplicateWizard, session: Session
) -> None:
    ws = session.workspace
    basics = wizard.basics
    basics.name.clear()
    type_text(qtbot, basics.name, "深夜读书会 2 期")
    basics.start.setDate(QDate(2027, 1, 2))  # a Saturday
    wizard.next()
    # Both running series are ticked.
    listed = wizard.contents.series_list
    assert [listed.item(n).checkState() for n in range(listed.count())] == [
        Qt.CheckState.Checked
    ] * 2
    to_preview(qtbot, wizard)
    shown = sections(wizard)
    assert list(shown) == [
        "Community “深夜读书会 2 期”",
        "Content series (2)",
        "Templates (3)",
        "Checklist (34 items, unticked; 1 hidden)",
        "Not copied",
    ]
    assert "Starts on | 2027-01-02 Sat" in shown["Community “深夜读书会 2 期”"]
    series = shown["Content series (2)"]
    assert series[0].startswith("晨读打卡：今日一页 | from 2027-01-02 Sat · Every day · 07:00")
    assert series[1].startswith("林老师直播领读 | from 2027-01-06 Wed · Every week on Wednesday")
    assert "Members | 312 (the new community starts with 0)" in shown["Not copied"]
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and commit.isEnabled() and commit.text() == "&Replicate"

    changes: list[Change] = []
    session.changed.connect(changes.append)
    with qtbot.waitSignal(wizard.replicated, timeout=TIMEOUT) as done:
        commit.click()
    new_id = done.args[0]
    assert wizard.new_id == new_id
    new = find_community(ws, "深夜读书会 2 期")
    assert new.id == new_id and new.member_count == 0
    rows = sorted(live_items(ws, new_id), key=lambda r: r["starts_at"])
    assert [(r["title"], r["starts_at"]) for r in rows] == [
        ("晨读打卡：今日一页", "2027-01-02T07:00"),
        ("林老师直播领读", "2027-01-06T20:00"),
    ]
    assert [c.action for c in changes] == ["replicate_community"]
    assert action_label(ws.history.undo_stack[-1]) == "Replicate as “深夜读书会 2 期”"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled()
    assert "is ready in the sidebar" in wizard.run_page.status.text()
    # Counted as the community page counts it: hidden items apart.
    assert "a checklist of 34 items" in wizard.run_page.status.text()
    assert progress(ws, new_id).total == 34

    session.undo()
    assert get_community(ws, new_id).deleted
    assert live_items(ws, new_id) == []
    assert "深夜读书会 2 期" not in {c.name for c in list_communities(ws)}
    finish.click()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_a_taken_name_keeps_the_first_page_with_the_reason(
    qtbot: QtBot, wizard: ReplicateWizard
) -> None:
    basics = wizard.basics
    basics.name.clear()
    type_text(qtbot, basics.name, "notion 中文用户群")
    wizard.next()
    assert wizard.currentPage() is basics
    assert (
        basics.errors.message("name") == "Another community is already called “notion 中文用户群”."
    )
    qtbot.keyClicks(basics.name, " 2")
    assert basics.errors.message("name") == ""
    wizard.next()
    assert wizard.currentPage() is wizard.contents


def test_what_is_left_out_is_neither_previewed_nor_copied(
    qtbot: QtBot, wizard: ReplicateWizard, session: Session
) -> None:
    ws = session.workspace
    wizard.next()
    contents = wizard.contents
    contents.series.setChecked(False)
    contents.templates.setChecked(False)
    contents.checklist.setChecked(False)
    assert not contents.series_list.isEnabled()
    assert "fresh checklist from the library" in contents.checklist_hint.text()
    to_preview(qtbot, wizard)
    shown = sections(wizard)
    assert shown["Content series (0)"] == ["None | "]
    assert shown["Templates (0)"] == ["None | "]
    assert f"Checklist from the library ({len(library(ws))} items)" in shown
    assert "Templates you chose not to copy | 3" in shown["Not copied"]
    with qtbot.waitSignal(wizard.replicated, timeout=TIMEOUT) as done:
        wizard.next()
    new_id = done.args[0]
    assert live_items(ws, new_id) == []
    assert [i.library_key for i in checklist(ws, new_id)] == [e.key for e in library(ws)]


def test_going_back_and_changing_the_options_makes_a_new_preview(
    qtbot: QtBot, wizard: ReplicateWizard
) -> None:
    wizard.next()
    to_preview(qtbot, wizard)
    assert "Content series (2)" in sections(wizard)
    wizard.back()
    wizard.contents.series_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    to_preview(qtbot, wizard)
    shown = sections(wizard)
    assert "Content series (1)" in shown
    assert "晨读打卡：今日一页 | content series, not chosen" in shown["Not copied"]


def test_cancelling_a_copy_under_way_writes_nothing(
    qtbot: QtBot, wizard: ReplicateWizard, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = session.workspace

    def held(
        worker: Workspace,
        plan: ReplicationPlan,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, Change]:
        assert cancelled is not None
        gate = cancelled.__self__  # type: ignore[attr-defined]  # the job's threading.Event

        def slow(done: int, total: int) -> None:
            gate.wait(TIMEOUT / 1000)  # hold the copy after its first row until Cancel

        return real_replicate(worker, plan, slow, cancelled)

    monkeypatch.setattr(replicate_wizard, "replicate", held)
    names = {c.name for c in list_communities(ws)}
    depth = len(ws.history.undo_stack)
    wizard.next()
    to_preview(qtbot, wizard)
    wizard.next()  # the copy starts, and waits after its first row
    assert wizard.currentPage() is wizard.run_page
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QWizard.DialogCode.Rejected and not wizard.isVisible()
    assert wizard.new_id is None
    assert {c.name for c in list_communities(ws)} == names
    assert ws.db.execute("SELECT count(*) FROM communities").fetchone()[0] == len(names) + 1
    assert len(ws.history.undo_stack) == depth


def test_a_failure_shows_one_line_and_can_be_tried_again(
    qtbot: QtBot, wizard: ReplicateWizard, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[datetime] = []

    def flaky(worker: Workspace, plan: ReplicationPlan, *args: Any) -> tuple[str, Change]:
        calls.append(datetime.now())
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return real_replicate(worker, plan, *args)

    monkeypatch.setattr(replicate_wizard, "replicate", flaky)
    wizard.next()
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.failed, timeout=TIMEOUT) as failed:
        wizard.next()
    message = failed.args[0]
    assert message == (
        "The community could not be replicated; nothing was changed (database is locked)"
    )
    run = wizard.run_page
    assert run.error.isVisible() and run.error.text() == message and "\n" not in message
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.replicated, timeout=TIMEOUT):
        run.retry.click()
    assert not run.error.isVisible()
    assert find_community(session.workspace, f"{READING} (2)").member_count == 0


# -- stopping: the wizard closed, the workspace closed -------------------------------


def hold_planning(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event, list[str]]:
    """Planning held in its first series until ``go`` is set; the series planned are listed."""
    started, go = threading.Event(), threading.Event()
    planned: list[str] = []

    def slow(ws: Workspace, item: CalendarItem, start: date) -> SeriesCopy:
        planned.append(item.id)
        started.set()
        go.wait(TIMEOUT / 1000)
        return real_series_copy(ws, item, start)

    monkeypatch.setattr(replicate_core, "series_copy", slow)
    return started, go, planned


def release_on_cancel(
    monkeypatch: pytest.MonkeyPatch, job: BackgroundJob, go: threading.Event
) -> None:
    cancel = job.cancel

    def cancel_and_go() -> None:
        cancel()
        go.set()

    monkeypatch.setattr(job, "cancel", cancel_and_go)


def test_closing_the_wizard_mid_preview_stops_planning_at_the_next_series(
    qtbot: QtBot, wizard: ReplicateWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go, planned = hold_planning(monkeypatch)
    wizard.next()
    wizard.next()  # the preview: planning starts, and waits in its first series
    assert started.wait(TIMEOUT / 1000)
    job = wizard.preview._job
    assert job is not None
    release_on_cancel(monkeypatch, job, go)
    wizard.reject()  # cancels and waits: the plan stops before its second series
    assert job.isFinished() and isinstance(job.error, Cancelled)
    assert len(planned) == 1
    assert wizard.preview.plan is None and not wizard.isVisible()
    QApplication.processEvents()  # the late ``finished`` changes nothing
    assert wizard.preview.plan is None


def test_going_back_during_the_preview_cancels_its_plan(
    qtbot: QtBot, wizard: ReplicateWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go, planned = hold_planning(monkeypatch)
    wizard.next()
    wizard.next()
    assert started.wait(TIMEOUT / 1000)
    job = wizard.preview._job
    assert job is not None
    release_on_cancel(monkeypatch, job, go)
    wizard.back()
    assert job.cancelled()
    qtbot.waitUntil(job.isFinished, timeout=TIMEOUT)
    assert isinstance(job.error, Cancelled) and len(planned) == 1
    monkeypatch.setattr(replicate_core, "series_copy", real_series_copy)
    to_preview(qtbot, wizard)
    assert "Content series (2)" in sections(wizard)


def test_planning_can_be_cancelled(session: Session) -> None:
    source = find_community(session.workspace, READING)
    with pytest.raises(Cancelled):
        plan_replication(session.workspace, source.id, "x", TODAY, cancelled=lambda: True)


def test_progress_reported_as_the_copy_starts_reaches_the_bar(
    qtbot: QtBot, wizard: ReplicateWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page listens to the job before it starts, so no progress is lost."""
    seen: list[tuple[int, int]] = []
    on_progress = replicate_wizard.RunPage._on_progress

    def record(page: replicate_wizard.RunPage, done: int, total: int) -> None:
        seen.append((done, total))
        on_progress(page, done, total)

    def start(job: BackgroundJob) -> None:
        job.progressed.emit(1, 1000)  # as if the worker had reported at once
        QThread.start(job)

    monkeypatch.setattr(replicate_wizard.RunPage, "_on_progress", record)
    monkeypatch.setattr(BackgroundJob, "start", start)
    wizard.next()
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.replicated, timeout=TIMEOUT):
        wizard.next()
    assert seen[0] == (1, 1000)


def test_the_workspace_closing_mid_copy_closes_the_wizard_and_rolls_the_copy_back(
    qtbot: QtBot,
    wizard: ReplicateWizard,
    session: Session,
    sample_path: Path,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = threading.Event()

    def held(
        worker: Workspace,
        plan: ReplicationPlan,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, Change]:
        assert cancelled is not None
        gate = cancelled.__self__  # type: ignore[attr-defined]  # the job's threading.Event

        def slow(done: int, total: int) -> None:
            started.set()
            gate.wait(TIMEOUT / 1000)

        return real_replicate(worker, plan, slow, cancelled)

    monkeypatch.setattr(replicate_wizard, "replicate", held)
    wizard.next()
    to_preview(qtbot, wizard)
    wizard.next()
    assert started.wait(TIMEOUT / 1000)
    session.close()
    assert session.closed and session.jobs == ()
    assert wizard.session_closing and wizard.session_released
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Rejected
    assert wizard.new_id is None
    QApplication.processEvents()  # the job's late ``finished``: nothing to do, no error
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert [c.name for c in list_communities(ws) if c.name.startswith(f"{READING} (")] == []


def test_closing_the_session_keeps_a_copy_that_committed(
    qtbot: QtBot,
    wizard: ReplicateWizard,
    session: Session,
    sample_path: Path,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = threading.Event()

    def held(
        worker: Workspace,
        plan: ReplicationPlan,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, Change]:
        assert cancelled is not None
        result = real_replicate(worker, plan, progress, None)
        started.set()
        cancelled.__self__.wait(TIMEOUT / 1000)  # type: ignore[attr-defined]
        return result

    monkeypatch.setattr(replicate_wizard, "replicate", held)
    ws = session.workspace
    changes: list[Change] = []
    session.changed.connect(changes.append)
    wizard.next()
    to_preview(qtbot, wizard)
    wizard.next()
    assert started.wait(TIMEOUT / 1000)
    session.close()
    assert [c.action for c in changes] == ["replicate_community"]
    assert ws.history.undo_stack[-1] is changes[0]
    assert wizard.new_id is not None and not wizard.isVisible()
    QApplication.processEvents()
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as again:
        assert get_community(again, wizard.new_id).name == f"{READING} (2)"
