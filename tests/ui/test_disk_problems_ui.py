"""The window when the disk fills or the folder turns read-only mid-session.

Every kind of write a user makes (the community form, an undo, a checklist tick,
the figures table, a calendar drag, a copy made in the background) is refused
with one clear line; what the window shows is what is saved; the undo history
holds no edit that failed; and once the disk is back the next edit saves, without
reopening, and is there when the file is opened again.

Read-only is made with ``PRAGMA query_only`` (SQLite's own "attempt to write a
readonly database"), on the window's connection and the background job's; a full
disk is a real tmpfs filled to the last block, where root may mount one (else that
half is skipped), and ``PRAGMA max_page_count`` (SQLite's own "database or disk
is full") for the form everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.calendar import create_item, occurrences_between
from planner.checklists import checklist
from planner.communities import create_community, get_community, list_communities
from planner.errors import DiskFull, DiskProblem, FolderReadOnly
from planner.metrics import DayFigures, figures_between, set_figures
from planner.paths import AppPaths
from planner.replicate import plan_replication, replicate
from planner.settings import Settings
from planner.ui import background
from planner.ui.figures_model import COLUMNS
from planner.ui.main_window import MainWindow
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE
from tests.test_disk_problems import fill_disk, small_disk
from tests.ui.conftest import Confirm

READING = "深夜读书会"
TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())
WEDNESDAY_8PM = datetime.combine(MONDAY + timedelta(days=2), datetime.min.time()).replace(hour=20)
SHOTS = Path(__file__).resolve().parents[2] / "build" / "disk-shots"


def make_workspace(path: Path, paths: AppPaths) -> None:
    """One community with its checklist, a day of figures and a class this week."""
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        club, _ = create_community(ws, {"name": READING, "notes": "周五晚上"})
        set_figures(ws, club, [DayFigures(MONDAY, members=180, active_members=120)])
        create_item(
            ws,
            {
                "community_id": club,
                "kind": "content",
                "item_type": "live_class",
                "title": "林老师直播",
                "start": WEDNESDAY_8PM,
                "end": WEDNESDAY_8PM + timedelta(hours=1),
                "tz": "Asia/Shanghai",
            },
        )


class Disk:
    """Breaks and mends the disk under an open window: ``refuse()``, ``mend()``."""

    def __init__(
        self,
        folder: Path,
        kind: type[DiskProblem],
        refuse: Callable[[MainWindow], None],
        mend: Callable[[MainWindow], None],
    ) -> None:
        self.folder = folder
        self.kind = kind
        self.refuse = refuse
        self.mend = mend

    @property
    def message(self) -> str:
        if self.kind is DiskFull:
            return (
                "The disk is full: the change was not saved. Free some space on the disk "
                f"that holds {self.folder} and try again."
            )
        return (
            f"The folder {self.folder} is read-only: the change was not saved. Make it "
            "writable again, or copy the workspace to a folder you can write to, and try again."
        )


@pytest.fixture(params=["read-only", "full"])
def disk(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Disk]:
    if request.param == "read-only":
        folder = tmp_path / "plans"
        folder.mkdir()
        state = {"query_only": False}
        real_open = background.open_worker_workspace

        def worker(ws: Workspace, **kwargs: float) -> Workspace:
            opened = real_open(ws, **kwargs)
            opened.db.execute(f"PRAGMA query_only = {int(state['query_only'])}")
            return opened

        def set_query_only(on: bool) -> Callable[[MainWindow], None]:
            def apply(w: MainWindow) -> None:
                assert w.session is not None
                state["query_only"] = on
                w.session.workspace.db.execute(f"PRAGMA query_only = {int(on)}")

            return apply

        monkeypatch.setattr(background, "open_worker_workspace", worker)
        yield Disk(folder, FolderReadOnly, set_query_only(True), set_query_only(False))
        return
    with small_disk(tmp_path / "disk") as folder:
        fillers: list[Path] = []
        yield Disk(
            folder,
            DiskFull,
            lambda _w: fillers.append(fill_disk(folder)),
            lambda _w: fillers.pop().unlink(),
        )


@pytest.fixture
def window(qtbot, paths: AppPaths, disk: Disk) -> MainWindow:
    make_workspace(disk.folder / "plan.cplan", paths)
    settings = Settings(paths.settings_file)
    settings.set("main_view", "communities")
    w = MainWindow(paths, settings, DEVICE, confirm=Confirm(answer=True))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(disk.folder / "plan.cplan")
    assert w.page.name.text() == READING
    return w


def ws_of(w: MainWindow) -> Workspace:
    assert w.session is not None
    return w.session.workspace


def take_errors(w: MainWindow) -> list[str]:
    """The texts of the error boxes shown now; closes them."""
    boxes = [box for box in w.findChildren(QMessageBox) if box.isVisible()]
    texts = [box.text() for box in boxes]
    for box in boxes:
        box.close()
        box.deleteLater()
    return texts


def history_of(w: MainWindow) -> tuple[list[object], list[object]]:
    h = ws_of(w).history
    return list(h.undo_stack), list(h.redo_stack)


def save_notes(qtbot, w: MainWindow, text: str) -> None:
    w.page.notes.setFocus()
    w.page.notes.selectAll()
    w.page.notes.insertPlainText(text)
    assert w.page.dirty
    qtbot.mouseClick(w.page.save_button, Qt.MouseButton.LeftButton)


def class_start(w: MainWindow) -> datetime:
    week = datetime.combine(MONDAY, datetime.min.time())
    (occ,) = occurrences_between(ws_of(w), week, week + timedelta(days=7))
    return occ.start


def start_copy(qtbot, w: MainWindow) -> background.BackgroundJob:
    """Replicate the community in the background, the way the wizard does; wait for it."""
    assert w.session is not None
    club = w.page.community_id
    plan = plan_replication(ws_of(w), club, f"{READING} 二期", MONDAY + timedelta(days=7))
    job = w.session.start_job(lambda ws, p, c: replicate(ws, plan, p, c), commits=True)
    # Not waitSignal: a job refused at once can finish before a signal could be awaited.
    qtbot.waitUntil(job.isFinished, timeout=10_000)
    qtbot.waitUntil(lambda: not w.session or job not in w.session.jobs)
    return job


def shoot(qtbot, w: MainWindow, name: str) -> None:
    """The error box, as a PNG in build/disk-shots/ (to look at, not compared)."""
    boxes = [box for box in w.findChildren(QMessageBox) if box.isVisible()]
    assert boxes
    qtbot.waitExposed(boxes[0])
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert boxes[0].grab().save(str(SHOTS / f"{name}.png"))


def test_every_kind_of_edit_is_refused_in_one_line_and_saves_once_the_disk_is_back(
    qtbot, window: MainWindow, disk: Disk, paths: AppPaths
) -> None:
    w = window
    ws = ws_of(w)
    club = w.page.community_id
    item = checklist(ws, club)[0]
    checklist_model = w.page.checklist.model
    figures = w.page.figures
    members = figures.model.index(0, COLUMNS.index("members"))
    assert members.data() in ("180", 180)
    history = history_of(w)

    disk.refuse(w)

    # A checklist tick: the box stays unticked, in the model and the file.
    assert not checklist_model.set_done(item.id, True)
    assert take_errors(w) == [disk.message]
    assert checklist_model.index_of(item.id).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert not checklist(ws, club)[0].done

    # The figures table: the cell keeps the saved number and says why, in one line.
    assert not figures.model.setData(members, "200")
    assert figures.problem.text() == disk.message
    assert figures.model.index(0, COLUMNS.index("members")).data() in ("180", 180)
    assert figures_between(ws, club, MONDAY, MONDAY)[0].members == 180

    # A calendar drag: the class goes back where it is saved.
    occ = next(o for o in occurrences_between(ws, WEDNESDAY_8PM, WEDNESDAY_8PM + timedelta(1)))
    w.calendar.refresh()
    w.calendar.drag_to(occ, occ.start + timedelta(hours=1), occ.end + timedelta(hours=1))
    assert take_errors(w) == [disk.message]
    assert class_start(w) == occ.start
    assert [o.start for o in w.calendar.occurrences if o.item.title == "林老师直播"] == [occ.start]

    # A copy made in the background: its error is the same line; nothing is copied.
    job = start_copy(qtbot, w)
    assert isinstance(job.error, disk.kind) and str(job.error) == disk.message
    assert [c.name for c in list_communities(ws)] == [READING]

    # The form: the message, the typing kept (still unsaved), the file unchanged.
    save_notes(qtbot, w, "改到周六")
    shoot(qtbot, w, f"save-refused-{disk.kind.__name__}")
    assert take_errors(w) == [disk.message]
    assert w.page.dirty and w.isWindowModified()
    assert w.page.notes.toPlainText() == "改到周六"
    assert get_community(ws, club).notes == "周五晚上"
    # Leaving the page says nothing more (no “fix the fields marked in red”).
    assert not w._leave_page()
    assert take_errors(w) == [disk.message]

    assert history_of(w) == history  # no failed edit is undoable
    assert not ws.db.conn.in_transaction

    disk.mend(w)

    # The same edits now save, without reopening: the typing, then a tick.
    qtbot.mouseClick(w.page.save_button, Qt.MouseButton.LeftButton)
    assert take_errors(w) == []
    assert not w.page.dirty
    assert checklist_model.set_done(item.id, True)
    assert figures.model.setData(figures.model.index(0, COLUMNS.index("members")), "200")
    assert w.session is not None and w.session.last_disk_problem is None
    assert w.undo_action.isEnabled()
    path = ws.path
    w.close_workspace()
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as again:
        assert get_community(again, club).notes == "改到周六"
        assert checklist(again, club)[0].done
        assert figures_between(again, club, MONDAY, MONDAY)[0].members == 200
        assert [c.name for c in list_communities(again)] == [READING]


def test_a_failed_undo_keeps_both_stacks_and_undoes_once_the_disk_is_back(
    qtbot, window: MainWindow, disk: Disk
) -> None:
    w = window
    ws = ws_of(w)
    club = w.page.community_id
    save_notes(qtbot, w, "改到周六")
    assert get_community(ws, club).notes == "改到周六"
    history = history_of(w)
    disk.refuse(w)
    w.undo_action.trigger()
    assert take_errors(w) == [disk.message]
    assert history_of(w) == history
    assert get_community(ws, club).notes == "改到周六"
    assert w.page.notes.toPlainText() == "改到周六" and not w.page.dirty
    assert w.undo_action.isEnabled() and not w.redo_action.isEnabled()
    disk.mend(w)
    w.undo_action.trigger()
    assert take_errors(w) == []
    assert get_community(ws, club).notes == "周五晚上"
    assert w.page.notes.toPlainText() == "周五晚上"
    assert w.redo_action.isEnabled()


def test_a_file_that_may_not_grow_refuses_the_form_and_saves_once_it_may(
    qtbot, paths: AppPaths, tmp_path: Path
) -> None:
    """SQLite's own SQLITE_FULL, on any machine: the file may grow no more."""
    path = tmp_path / "plan.cplan"
    make_workspace(path, paths)
    settings = Settings(paths.settings_file)
    settings.set("main_view", "communities")
    w = MainWindow(paths, settings, DEVICE, confirm=Confirm(answer=True))
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    ws = ws_of(w)
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")
    long_notes = "长" * 9_000
    save_notes(qtbot, w, long_notes)
    expected = Disk(tmp_path, DiskFull, lambda _w: None, lambda _w: None).message
    assert take_errors(w) == [expected]
    assert w.page.dirty and get_community(ws, w.page.community_id).notes == "周五晚上"
    assert not ws.history.can_undo
    ws.db.execute("PRAGMA max_page_count = 1073741823")
    qtbot.mouseClick(w.page.save_button, Qt.MouseButton.LeftButton)
    assert take_errors(w) == [] and not w.page.dirty
    assert get_community(ws, w.page.community_id).notes == long_notes
    assert ws.history.can_undo


def test_quitting_with_an_edit_the_disk_refused_asks_with_the_reason(
    qtbot, window: MainWindow, disk: Disk
) -> None:
    w = window
    answers = Confirm(answer=False)
    w.confirm = answers
    disk.refuse(w)
    save_notes(qtbot, w, "改到周六")
    take_errors(w)
    assert not w.close()  # the user chose to stay
    take_errors(w)
    assert answers.questions == [
        f"Some changes could not be saved: {disk.message} Quit and lose them?"
    ]
    assert w.page.notes.toPlainText() == "改到周六"
    disk.mend(w)
    assert w.close()
