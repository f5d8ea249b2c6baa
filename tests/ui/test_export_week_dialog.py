"""File ▸ Export week as PDF…: the dialog, driven as a user drives it.

The export runs in a worker thread; the tests wait for the dialog's
``exported`` / ``failed`` / ``preview_ready`` signals, never sleep, and
never open a file chooser or a PDF viewer (``export_to`` takes the path, and
``open_file`` / ``confirm`` are stand-ins).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from planner.communities import find_community
from planner.export import weekly_pdf
from planner.export.weekly_pdf import WeeklyPdfError
from planner.paths import AppPaths
from planner.settings import Settings
from planner.ui import export_week_dialog, week_export
from planner.ui.export_week_dialog import ExportWeekDialog
from planner.ui.session import Session
from planner.ui.week_picker import week_dates, week_text
from planner.weekly_plan import WeekId, build_plan, week_of
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

NOTION = "Notion 中文用户群"
READING = "深夜读书会 · 付费会员圈"
TIMEOUT = 20_000
ENGLISH = QLocale("en_GB")
CHINESE = QLocale("zh_CN")


@pytest.fixture
def today() -> date:
    """The sample workspace's calendar is written around the real today."""
    return date.today()


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty folder for what the tests export."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def confirm() -> Confirm:
    return Confirm(answer=True)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def make_dialog(
    qtbot: QtBot, today: date, opened: list[Path], confirm: Confirm, settings: Settings
) -> Callable[[Session], ExportWeekDialog]:
    def make(session: Session) -> ExportWeekDialog:
        dialog = ExportWeekDialog(
            session,
            settings=settings,
            today=lambda: today,
            open_file=opened.append,
            confirm=confirm,
        )
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog

    return make


@pytest.fixture
def dialog(
    make_dialog: Callable[[Session], ExportWeekDialog], session: Session
) -> ExportWeekDialog:
    return make_dialog(session)


def pdf_text(path: Path) -> str:
    """The PDF's text, all pages, without white space (a title may wrap)."""
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return "".join(text.split())


def squeeze(text: str) -> str:
    return "".join(text.split())


def titles_by_community(ws: Workspace, week: WeekId) -> dict[str, set[str]]:
    plan = build_plan(ws, week, lang="en")
    found: dict[str, set[str]] = {}
    for day in plan.days:
        for entry in day.entries:
            found.setdefault(entry.community.id, set()).add(entry.title)
    return found


def export(qtbot: QtBot, dialog: ExportWeekDialog, out: Path) -> int:
    """Export to ``out`` and wait for it; the page count."""
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as done:
        assert dialog.export_to(out)
    assert done.args is not None
    assert done.args[0] == out
    return int(done.args[1])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# -- the week ----------------------------------------------------------------------


def test_the_week_shows_as_people_write_it() -> None:
    w48 = WeekId(2026, 48)
    assert week_text(w48, ENGLISH) == "2026-W48 · 23–29 Nov 2026"
    assert week_dates(WeekId(2026, 49), ENGLISH) == "30 Nov – 6 Dec 2026"
    assert week_dates(WeekId(2026, 53), ENGLISH) == "28 Dec 2026 – 3 Jan 2027"
    assert week_dates(w48, CHINESE) == "2026年11月23日–29日"
    assert week_dates(WeekId(2026, 49), CHINESE) == "2026年11月30日–12月6日"


def test_the_week_starts_on_this_week_and_steps_with_prev_and_next(
    qtbot: QtBot, dialog: ExportWeekDialog, today: date
) -> None:
    picker = dialog.week
    this_week = week_of(today)
    assert picker.week == this_week
    assert picker.day() == today
    assert picker.label.text() == week_text(this_week)
    qtbot.mouseClick(picker.next_button, Qt.MouseButton.LeftButton)
    assert picker.week == this_week.next()
    assert picker.label.text().startswith(this_week.next().label + " · ")
    for _ in range(3):
        qtbot.mouseClick(picker.prev_button, Qt.MouseButton.LeftButton)
    assert picker.week == this_week.previous().previous()
    # Any day of a week chooses that week.
    with qtbot.waitSignal(picker.changed) as changed:
        picker.date.setDate(QDate(2026, 12, 31))
    assert changed.args == [WeekId(2026, 53)]
    assert picker.label.text().startswith("2026-W53 · ")
    qtbot.mouseClick(picker.this_week, Qt.MouseButton.LeftButton)
    assert picker.week == this_week


# -- exporting ---------------------------------------------------------------------


def test_export_writes_the_pdf_and_offers_to_open_it(
    qtbot: QtBot,
    dialog: ExportWeekDialog,
    out_dir: Path,
    today: date,
    opened: list[Path],
    confirm: Confirm,
) -> None:
    out = out_dir / "w.pdf"
    pages = export(qtbot, dialog, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert pages == len(PdfReader(out).pages) >= 1
    label = week_of(today).label
    assert label in pdf_text(out)
    unit = "1 page" if pages == 1 else f"{pages} pages"
    shown = week_export.shown_path(out)
    assert confirm.questions == [f"Wrote the plan for {label} ({unit}) to {shown}."]
    assert opened == [out]  # "Open" was chosen
    assert not dialog.isVisible()  # done: the dialog closed
    assert leftovers(out_dir) == []


def test_closing_the_message_opens_nothing(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, opened: list[Path], confirm: Confirm
) -> None:
    confirm.answer = False
    export(qtbot, dialog, out_dir / "w.pdf")
    assert len(confirm.questions) == 1
    assert opened == []


@pytest.mark.parametrize("where", ["missing folder", "folder is a file"])
def test_a_folder_that_cannot_be_written_gives_one_line_and_no_file(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, where: str, opened: list[Path]
) -> None:
    if where == "missing folder":
        folder = out_dir / "missing"
    else:
        folder = out_dir / "file.txt"
        folder.write_text("not a folder")
    out = folder / "w.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        assert dialog.export_to(out)
    assert failed.args is not None
    message = failed.args[0]
    assert message.startswith(f"Could not write {week_export.shown_path(out)}: ")
    assert "\n" not in message
    assert dialog.status.text() == message and dialog.status.isVisible()
    assert not out.exists()
    assert sorted(p.name for p in out_dir.iterdir()) == (
        [] if where == "missing folder" else ["file.txt"]
    )
    assert opened == []
    # The dialog stays, ready for another try.
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_a_failed_write_names_the_file_asked_for_and_leaves_nothing(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(out: Path, _data: bytes, _error: object) -> None:
        raise WeeklyPdfError(f"{out}: cannot be written (No space left on device).")

    monkeypatch.setattr(week_export, "write_atomically", full_disk)
    out = out_dir / "w.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        assert dialog.export_to(out)
    assert failed.args == [
        f"{week_export.shown_path(out)}: cannot be written (No space left on device)."
    ]
    assert list(out_dir.iterdir()) == []


def test_a_folder_that_refuses_the_file_gives_one_line(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder, as the system reports it when the file is moved in
    (simulated: the tests may run as a user who can write anywhere)."""

    def refused(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(week_export.os, "replace", refused)
    out = out_dir / "w.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        assert dialog.export_to(out)
    assert failed.args is not None
    [message] = failed.args
    assert message == f"{week_export.shown_path(out)}: cannot be written (Permission denied)."
    assert list(out_dir.iterdir()) == []  # the hidden part file is gone too


# -- the child process that draws the PDF --------------------------------------------


class Children:
    """The drawing processes the export starts, seen as they start."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[subprocess.Popen[bytes]] = []
        self.commands: list[list[str]] = []
        self.event = threading.Event()
        real = subprocess.Popen

        def popen(command: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
            child = real(command, **kwargs)  # type: ignore[call-overload]
            self.commands.append(list(command))
            self.started.append(child)
            self.event.set()
            return child  # type: ignore[no-any-return]

        monkeypatch.setattr(week_export.subprocess, "Popen", popen)


def instead_of_planner(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """The drawing child runs ``script`` (its arguments follow) instead of ``planner``."""
    monkeypatch.setattr(week_export, "planner_command", lambda: [sys.executable, "-c", script])


def test_the_pdf_is_drawn_by_a_child_process_not_in_the_app(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's layout and painting hold the GIL for seconds; in the app's process they
    would freeze its GUI thread. Here they cannot run in the app at all."""

    def not_here(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the PDF was drawn in the app's process")

    monkeypatch.setattr(weekly_pdf, "layout_document", not_here)
    children = Children(monkeypatch)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("landscape"))
    out = out_dir / "w.pdf"
    pages = export(qtbot, dialog, out)
    [command] = children.commands
    assert command[:3] == [sys.executable, "-m", "planner"]
    assert command[3:5] == ["export-week", "--html"]
    assert "letter" in command and "--landscape" in command
    assert len(PdfReader(out).pages) == pages
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)  # Letter, landscape
    assert dialog.choices().week.label in pdf_text(out)
    # Its files are gone with it; only the PDF asked for is left.
    html = Path(command[command.index("--html") + 1])
    assert not html.parent.exists()
    assert sorted(p.name for p in out_dir.iterdir()) == ["w.pdf"]


def test_a_frozen_app_runs_its_own_executable_as_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert week_export.planner_command() == [sys.executable, "-m", "planner"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert week_export.planner_command() == [sys.executable]


def test_a_child_that_fails_gives_its_one_line_and_no_file(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    instead_of_planner(
        monkeypatch,
        "import sys; print('Qt says things'); print('planner: the fonts are gone.'); sys.exit(1)",
    )
    out = out_dir / "w.pdf"
    out.write_bytes(b"last week's plan")
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        assert dialog.export_to(out)
    assert failed.args == ["The PDF could not be drawn: the fonts are gone."]
    assert dialog.status.text() == "The PDF could not be drawn: the fonts are gone."
    assert out.read_bytes() == b"last week's plan"
    assert leftovers(out_dir) == []


def test_a_child_that_dies_without_a_word_says_so(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    instead_of_planner(monkeypatch, "import os; os._exit(3)")
    out = out_dir / "w.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        assert dialog.export_to(out)
    assert failed.args == ["The PDF could not be drawn: exit code 3"]
    assert list(out_dir.iterdir()) == []


def test_cancel_while_the_child_draws_kills_it_and_writes_nothing(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    instead_of_planner(monkeypatch, "import time; time.sleep(60)")
    children = Children(monkeypatch)
    out = out_dir / "w.pdf"
    out.write_bytes(b"last week's plan")
    assert dialog.export_to(out)
    assert children.event.wait(TIMEOUT / 1000)
    [child] = children.started
    assert child.poll() is None  # drawing
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert dialog.status.text() == "Cancelled; no file was written."
    assert child.returncode not in (None, 0)  # killed (not let sleep on), and waited for
    html = Path(children.commands[0][children.commands[0].index("--html") + 1])
    assert not html.parent.exists()
    assert out.read_bytes() == b"last week's plan"
    assert leftovers(out_dir) == []
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_only_the_ticked_communities_are_in_the_plan(
    qtbot: QtBot, dialog: ExportWeekDialog, session: Session, out_dir: Path, today: date
) -> None:
    ws = session.workspace
    notion = find_community(ws, NOTION)
    reading = find_community(ws, READING)
    titles = titles_by_community(ws, week_of(today))
    mine = titles[notion.id] - titles[reading.id]
    theirs = titles[reading.id] - titles[notion.id]
    assert mine and theirs, "the sample week has items in both communities"

    dialog.set_ticked({notion.id})
    assert dialog.chosen_ids() == (notion.id,)
    assert dialog.all_communities.checkState() == Qt.CheckState.PartiallyChecked
    out = out_dir / "notion.pdf"
    export(qtbot, dialog, out)
    text = pdf_text(out)
    assert all(squeeze(title) in text for title in mine)
    assert not any(squeeze(title) in text for title in theirs)


def test_unticking_every_community_disables_export(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path
) -> None:
    qtbot.mouseClick(dialog.all_communities, Qt.MouseButton.LeftButton)
    assert dialog.all_communities.checkState() == Qt.CheckState.Unchecked
    assert not dialog.export_button.isEnabled()
    assert not dialog.preview_button.isEnabled()
    assert dialog.status.text() == "Tick at least one community."
    assert not dialog.export_to(out_dir / "w.pdf")
    qtbot.mouseClick(dialog.all_communities, Qt.MouseButton.LeftButton)
    assert dialog.chosen_ids() == ()  # all
    assert dialog.export_button.isEnabled()
    assert dialog.status.isHidden()


def test_landscape_is_a_week_grid_on_landscape_paper_in_chinese(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, settings: Settings
) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("landscape"))
    choices = dialog.choices()
    assert (choices.lang, choices.paper, choices.landscape, choices.layout) == (
        "zh",
        "letter",
        True,
        "grid",
    )
    out = out_dir / "grid.pdf"
    export(qtbot, dialog, out)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)  # Letter, landscape
    assert "周" in pdf_text(out)
    # The choices are remembered for next time.
    assert settings.get("week_pdf_language") == "zh"
    assert settings.get("week_pdf_paper") == "letter"
    assert settings.get("week_pdf_orientation") == "landscape"
    assert settings.get("week_pdf_folder") == str(out_dir)


def test_the_last_choices_come_back(
    make_dialog: Callable[[Session], ExportWeekDialog], session: Session, settings: Settings
) -> None:
    settings.set("week_pdf_language", "en")
    settings.set("week_pdf_paper", "letter")
    settings.set("week_pdf_orientation", "landscape")
    dialog = make_dialog(session)
    assert (dialog.choices().lang, dialog.choices().paper, dialog.choices().landscape) == (
        "en",
        "letter",
        True,
    )


def block_until_cancelled(
    monkeypatch: pytest.MonkeyPatch, dialog: ExportWeekDialog
) -> threading.Event:
    """Hold the export's reading until it is cancelled; returns the "started" event."""
    started, cancelled = threading.Event(), threading.Event()
    real = week_export.build_plan

    def held(*args: object, **kwargs: object) -> object:
        started.set()
        assert cancelled.wait(TIMEOUT / 1000)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(week_export, "build_plan", held)
    real_start = dialog.session.start_job

    def start_job(*args: object, **kwargs: object) -> object:
        job = real_start(*args, **kwargs)  # type: ignore[arg-type]
        real_cancel = job.cancel

        def cancel() -> None:
            real_cancel()
            cancelled.set()

        job.cancel = cancel  # type: ignore[method-assign]
        return job

    monkeypatch.setattr(dialog.session, "start_job", start_job)
    return started


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot,
    dialog: ExportWeekDialog,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
) -> None:
    started = block_until_cancelled(monkeypatch, dialog)
    out = out_dir / "w.pdf"
    out.write_bytes(b"last week's plan")
    assert dialog.export_to(out)
    assert started.wait(TIMEOUT / 1000)
    # Busy: the choices are locked, the bar shows, Cancel is the way out.
    assert dialog.busy and dialog.bar.isVisible()
    assert not dialog.export_button.isEnabled() and not dialog.week.isEnabled()
    assert dialog.status.text().startswith("Exporting ")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert dialog.status.text() == "Cancelled; no file was written."
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert dialog.session.jobs == ()
    assert out.read_bytes() == b"last week's plan"  # left as it was
    assert leftovers(out_dir) == []
    assert opened == []
    # Esc, with nothing under way, closes the dialog.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_closing_the_workspace_mid_export_closes_the_dialog(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = block_until_cancelled(monkeypatch, dialog)
    out = out_dir / "w.pdf"
    assert dialog.export_to(out)
    assert started.wait(TIMEOUT / 1000)
    dialog.session.stop()
    assert not dialog.isVisible()
    assert dialog.session.jobs == ()
    assert not out.exists() and leftovers(out_dir) == []


def test_enter_exports_through_the_file_chooser(
    qtbot: QtBot,
    dialog: ExportWeekDialog,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    session: Session,
    today: date,
) -> None:
    asked: list[str] = []

    def chooser(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(out_dir / "chosen"), ""

    monkeypatch.setattr(export_week_dialog.QFileDialog, "getSaveFileName", chooser)
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    # It proposed a name in the workspace's folder, and added .pdf to the one chosen.
    week = week_of(today).label
    assert asked == [str(session.workspace.path.parent / f"Weekly plan {week}.pdf")]
    assert (out_dir / "chosen.pdf").exists()


def test_read_only_workspace_exports(
    qtbot: QtBot,
    make_dialog: Callable[[Session], ExportWeekDialog],
    sample_path: Path,
    paths: AppPaths,
    out_dir: Path,
) -> None:
    ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    session = Session(ws)
    try:
        assert session.read_only
        dialog = make_dialog(session)
        out = out_dir / "ro.pdf"
        export(qtbot, dialog, out)
        assert out.exists()
    finally:
        session.close()


def test_a_workspace_without_communities_says_what_to_do(
    qtbot: QtBot,
    make_dialog: Callable[[Session], ExportWeekDialog],
    workspace: Workspace,
    out_dir: Path,
) -> None:
    dialog = make_dialog(Session(workspace))
    assert dialog.empty.isVisible()
    assert "New community" in dialog.empty.text()
    assert not dialog.communities.isVisible()
    assert not dialog.export_button.isEnabled() and not dialog.preview_button.isEnabled()
    assert not dialog.export_to(out_dir / "w.pdf")
    assert not dialog.status.isVisible()


# -- the preview -------------------------------------------------------------------


def test_preview_shows_the_pages_and_paints_the_plan(
    qtbot: QtBot, dialog: ExportWeekDialog, out_dir: Path, today: date
) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        assert dialog.preview()
    preview = dialog.preview_dialog
    assert preview is not None
    qtbot.waitExposed(preview)
    assert week_of(today).label in preview.windowTitle()

    # What the preview paints, painted to a PDF printer: the same plan.
    rendered = week_export.render(dialog.session.workspace, dialog.choices(), today)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = out_dir / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = dialog.paint_preview(printer, rendered)
    assert pages >= 1
    assert week_of(today).label in pdf_text(out)
    preview.close()
    qtbot.waitUntil(lambda: dialog.preview_dialog is None)
