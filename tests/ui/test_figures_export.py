"""Figures ▸ Export to CSV…: the dialog, driven as an operator drives it.

The file chooser is a stand-in that records the name it was offered and
answers with a path under tmp_path; the file written is compared with what
the core's export makes of the same choices, and a figures export is
imported back into an empty community.

The live row count and the default days must not build the file (that took
0.6 s a step on 100 communities' two years): the tests count the builds.
A large export runs as a job of the session; the tests lower the dialog's
threshold to send the sample's small files down that path.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from planner.communities import (
    create_community,
    delete_community,
    find_community,
    list_communities,
)
from planner.metrics import DayFigures, figures_between, set_figures
from planner.metrics_csv import guess_mapping, import_figures, parse_rows, read_table
from planner.metrics_export import export_figures_csv, export_results_csv
from planner.ui import figures_export
from planner.ui.figures_export import (
    ExportChoices,
    FiguresExportDialog,
    data_rows,
    file_name,
    months_before,
)
from planner.ui.figures_import import FiguresImportDialog
from planner.ui.session import Session
from planner.workspace import Workspace

READING = "深夜读书会 · 付费会员圈"
TODAY = date.today()  # the sample's figures are written up to the real today


class Chooser:
    """Stands in for the save dialog: records the names offered, answers with ``answer``."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.offered: list[str] = []

    def __call__(self, name: str) -> Path | None:
        self.offered.append(name)
        return self.answer


@pytest.fixture
def ws(session: Session) -> Workspace:
    return session.workspace


@pytest.fixture
def club(ws: Workspace) -> str:
    return find_community(ws, READING).id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "export.csv"


@pytest.fixture
def make_dialog(qtbot: QtBot, session: Session) -> Callable[..., FiguresExportDialog]:
    def make(chooser: Chooser, community_id: str | None = None) -> FiguresExportDialog:
        dialog = FiguresExportDialog(
            session, community_id=community_id, today=TODAY, choose_path=chooser
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)  # type: ignore[no-untyped-call]


def click(qtbot: QtBot, widget: QWidget) -> None:
    pos = QPoint(8, widget.height() // 2)  # on a radio's or check box's indicator
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)  # type: ignore[no-untyped-call]


def all_ids(ws: Workspace) -> list[str]:
    return [c.id for c in list_communities(ws)]


# -- small helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 23), 3, date(2026, 8, 23)),
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
        (date(2026, 1, 15), 3, date(2025, 10, 15)),
        (date(2028, 5, 31), 3, date(2028, 2, 29)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def test_file_names_hold_no_characters_a_file_system_refuses() -> None:
    today = date(2026, 11, 23)
    assert file_name("深夜读书会", "figures", today) == "深夜读书会-figures-2026-11-23.csv"
    assert file_name('A/B: "C"?', "results", today) == "A-B- -C-results-2026-11-23.csv"
    assert file_name("///", "figures", today) == "export-figures-2026-11-23.csv"


# -- figures ------------------------------------------------------------------------


def test_the_current_communitys_figures_by_default(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, ws: Workspace, club: str, out: Path
) -> None:
    chooser = Chooser(out)
    dialog = make_dialog(chooser, club)
    assert dialog.figures_radio.isChecked() and dialog.this_radio.isChecked()
    assert dialog.this_radio.text() == f"&This community: {READING}"
    assert dialog.all_days.isChecked() and not dialog.start_edit.isEnabled()
    days = figures_between(ws, club)
    assert dialog.summary.text() == (
        f"{len(days)} rows of figures (one per community and day) will be written."
    )
    with qtbot.waitSignal(dialog.message) as said:
        press(qtbot, dialog, Qt.Key.Key_Return)  # Export… is the default button
    assert chooser.offered == [f"{READING}-figures-{TODAY.isoformat()}.csv"]
    assert said.args == [f"Wrote {len(days)} rows of figures to export.csv."]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert out.read_bytes() == export_figures_csv(ws, [club], lang=dialog.choices().lang)
    # In the other language, the headers follow.
    again = make_dialog(Chooser(out), club)
    again.language.setCurrentIndex(again.language.findData("zh"))
    assert again.export_to(out)
    assert out.read_bytes() == export_figures_csv(ws, [club], lang="zh")
    assert out.read_text(encoding="utf-8-sig").startswith("社群,日期,成员数")


def test_a_figures_export_imports_back_identically(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, session: Session, ws: Workspace, club: str, out: Path
) -> None:
    dialog = make_dialog(Chooser(out), club)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.export_to(out)
    original = figures_between(ws, club)
    assert original  # the sample records this community's figures
    # Through the core, as the CLI imports it…
    table = read_table(out.read_bytes())
    copy, _ = create_community(ws, {"name": "读书会 copy"}, checklist=False)
    import_figures(ws, copy, parse_rows(table, guess_mapping(table.headers)), accept_partial=False)
    assert figures_between(ws, copy) == original
    # …and through the import dialog.
    other, _ = create_community(ws, {"name": "读书会 again"}, checklist=False)
    importer = FiguresImportDialog(session, other, out)
    qtbot.addWidget(importer)
    assert importer.header.combos[0].currentData() == ""  # 社群: not a figure
    assert importer.import_now()
    assert figures_between(ws, other) == original


def test_narrowing_the_days_and_every_community(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, ws: Workspace, club: str, out: Path
) -> None:
    dialog = make_dialog(Chooser(out), club)
    click(qtbot, dialog.all_radio)
    assert dialog.all_radio.isChecked()
    click(qtbot, dialog.all_days)
    assert not dialog.all_days.isChecked() and dialog.start_edit.isEnabled()
    start = months_before(TODAY, 1)
    dialog.start_edit.setDate(QDate(start.year, start.month, start.day))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.default_name() == f"all-communities-figures-{TODAY.isoformat()}.csv"
    dialog.choose_file()
    end = dialog.choices().end
    assert out.read_bytes() == export_figures_csv(ws, all_ids(ws), start, end, "en")
    assert b"Notion" in out.read_bytes()  # the other communities are in it


# -- results ------------------------------------------------------------------------


def test_results_of_the_last_three_months_by_default(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, ws: Workspace, club: str, out: Path
) -> None:
    chooser = Chooser(out)
    dialog = make_dialog(chooser, club)
    click(qtbot, dialog.results_radio)
    assert dialog.results_radio.isChecked()
    assert not dialog.all_days.isVisible() and dialog.start_edit.isEnabled()
    start = months_before(TODAY, 3)
    assert dialog.choices().start == start and dialog.choices().end == TODAY
    click(qtbot, dialog.all_radio)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    expected = export_results_csv(ws, all_ids(ws), start, TODAY, "zh")
    rows = expected.decode("utf-8-sig").count("\r\n") - 1
    assert rows > 0  # the sample has activities with results
    assert dialog.summary.text().startswith(f"{rows} activit")
    with qtbot.waitSignal(dialog.message):
        dialog.choose_file()
    assert chooser.offered == [f"all-communities-results-{TODAY.isoformat()}.csv"]
    assert out.read_bytes() == expected
    assert out.read_text(encoding="utf-8-sig").startswith("社群,日期")


def test_a_first_day_after_the_last_turns_export_off(  # type: ignore[no-untyped-def]
    make_dialog, club: str, out: Path
) -> None:
    chooser = Chooser(out)
    dialog = make_dialog(chooser, club)
    dialog.results_radio.setChecked(True)
    dialog.end_edit.setDate(QDate(2020, 1, 1))
    assert not dialog.export_button.isEnabled()
    assert dialog.status.isVisible()
    assert dialog.status.text() == "The first day is after the last day."
    dialog.choose_file()
    assert chooser.offered == [] and not out.exists()


# -- what can go wrong --------------------------------------------------------------


def test_a_file_that_cannot_be_written_is_one_line(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, club: str, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "figures.csv"
    dialog = make_dialog(Chooser(target), club)
    with qtbot.waitSignal(dialog.failed) as said:
        dialog.choose_file()
    assert said.args[0] == f"{target.parent}: no such folder."
    assert dialog.status.text() == said.args[0] and dialog.isVisible()
    assert not target.parent.exists()
    dialog.language.setCurrentIndex(1 - dialog.language.currentIndex())
    assert not dialog.status.isVisible()  # until the next change


def test_cancelling_the_file_chooser_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, club: str, tmp_path: Path
) -> None:
    chooser = Chooser(None)
    dialog = make_dialog(chooser, club)
    dialog.choose_file()
    assert len(chooser.offered) == 1 and dialog.isVisible()
    assert list(tmp_path.glob("*.csv")) == []
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_name_without_suffix_gets_csv(make_dialog, club: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(Chooser(tmp_path / "weekly"), club)
    dialog.choose_file()
    assert (tmp_path / "weekly.csv").exists()


def test_without_a_current_community_every_one_is_exported(  # type: ignore[no-untyped-def]
    make_dialog, ws: Workspace, club: str, out: Path
) -> None:
    dialog = make_dialog(Chooser(out))
    assert not dialog.this_radio.isVisible() and dialog.all_radio.isChecked()
    assert dialog.all_radio.text() == "&All communities (4)"
    assert dialog.choices().community_ids == tuple(all_ids(ws))
    delete_community(ws, club)
    gone = make_dialog(Chooser(out), club)  # a community in the trash is not offered
    assert not gone.this_radio.isVisible() and gone.all_radio.text() == "&All communities (3)"


def test_deleting_a_community_while_open_updates_the_choices(  # type: ignore[no-untyped-def]
    make_dialog, session: Session, ws: Workspace, club: str, out: Path
) -> None:
    dialog = make_dialog(Chooser(out), club)
    session.run(delete_community, club)
    assert not dialog.this_radio.isVisible() and dialog.all_radio.isChecked()
    assert club not in dialog.choices().community_ids


def test_an_empty_workspace_says_what_to_do(qtbot: QtBot, workspace: Workspace, out: Path) -> None:
    chooser = Chooser(out)
    dialog = FiguresExportDialog(Session(workspace), today=TODAY, choose_path=chooser)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.no_communities.isVisible()
    assert "no communities yet" in dialog.no_communities.text()
    assert not dialog.export_button.isEnabled() and not dialog.language.isVisible()
    dialog.choose_file()
    assert chooser.offered == [] and not out.exists()


def test_the_header_language_follows_the_locale(make_dialog, club: str, out: Path) -> None:  # type: ignore[no-untyped-def]
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert make_dialog(Chooser(out), club).language.currentData() == "zh"
        QLocale.setDefault(QLocale("en_GB"))
        assert make_dialog(Chooser(out), club).language.currentData() == "en"
    finally:
        QLocale.setDefault(before)


# -- the live count and the default days: counted, never built -----------------------


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[ExportChoices]:
    """Every time the dialog builds a file, the choices it built it for."""
    made: list[ExportChoices] = []
    real = figures_export.build_csv

    def counted(ws: Workspace, choices: ExportChoices, *args: object) -> bytes:
        made.append(choices)
        return real(ws, choices, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(figures_export, "build_csv", counted)
    return made


def day_of(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def exported_rows(ws: Workspace, c: ExportChoices) -> int:
    """The data lines the core's export writes for ``c``."""
    if c.kind == "figures":
        return data_rows(export_figures_csv(ws, c.community_ids, c.start, c.end, c.lang))
    assert c.start is not None and c.end is not None
    return data_rows(export_results_csv(ws, c.community_ids, c.start, c.end, c.lang))


def test_the_row_count_follows_each_choice_without_building_the_file(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, ws: Workspace, club: str, out: Path, builds: list[ExportChoices]
) -> None:
    dialog = make_dialog(Chooser(out), club)
    seen: list[int] = []

    def check() -> None:
        rows = exported_rows(ws, dialog.choices())
        assert dialog.rows == rows
        if rows > 1:
            assert dialog.summary.text().startswith(f"{QLocale().toString(rows)} ")
        seen.append(rows)

    check()  # this community, every recorded day
    click(qtbot, dialog.all_days)
    for _ in range(3):  # step the first day, as the arrow keys do
        dialog.start_edit.setDate(dialog.start_edit.date().addDays(7))
        check()
    click(qtbot, dialog.all_radio)
    check()
    dialog.end_edit.setDate(dialog.start_edit.date())  # one day
    check()
    dialog.language.setCurrentIndex(1 - dialog.language.currentIndex())
    check()
    click(qtbot, dialog.results_radio)  # the last three months
    check()
    dialog.start_edit.setDate(QDate(2000, 1, 1))
    check()
    dialog.start_edit.setDate(QDate(2099, 1, 1))
    dialog.end_edit.setDate(QDate(2099, 12, 31))  # nothing planned then
    check()
    assert dialog.summary.text() == (
        "No activities on these days: the file will hold the header row only."
    )
    assert builds == []  # all of that was counted, not built
    assert len(set(seen)) > 4  # and the choices did change the count
    with qtbot.waitSignal(dialog.message):
        dialog.choose_file()
    assert len(builds) == 1  # Export builds it, once


def test_the_days_default_to_the_recorded_ones_and_follow_new_figures(  # type: ignore[no-untyped-def]
    make_dialog, session: Session, ws: Workspace, club: str, out: Path, builds: list[ExportChoices]
) -> None:
    dialog = make_dialog(Chooser(out))  # every community
    recorded = [f.day for cid in all_ids(ws) for f in figures_between(ws, cid)]
    assert dialog.choices().start is None  # every recorded day…
    dates = (dialog.start_edit.date(), dialog.end_edit.date())
    # …which the date fields show, ready to be narrowed.
    assert tuple(day_of(d) for d in dates) == (min(recorded), max(recorded))
    earlier = min(recorded) - timedelta(days=40)
    session.run(set_figures, club, [DayFigures(earlier, members=12)])
    assert day_of(dialog.start_edit.date()) == earlier
    assert dialog.rows == len(recorded) + 1
    # Days chosen for results stay as chosen when figures change.
    dialog.results_radio.setChecked(True)
    dialog.start_edit.setDate(QDate(2001, 2, 3))
    session.run(set_figures, club, [DayFigures(earlier, members=13)])
    assert day_of(dialog.start_edit.date()) == date(2001, 2, 3)
    # A community without figures: the last three months, as for results.
    quiet, _ = session.run(create_community, {"name": "安静的群"})
    alone = make_dialog(Chooser(out), quiet)
    assert day_of(alone.start_edit.date()) == months_before(TODAY, 3)
    assert day_of(alone.end_edit.date()) == TODAY
    assert alone.summary.text().startswith("No figures recorded on these days")
    assert builds == []


# -- a large export: built and written off the GUI thread ----------------------------


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Builds wait (in the job) until the event is set or the job is cancelled."""
    release = threading.Event()
    real = figures_export.build_csv

    def slow(
        ws: Workspace,
        choices: ExportChoices,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes:
        assert cancelled is not None
        while not release.wait(0.005) and not cancelled():
            pass
        return real(ws, choices, progress, cancelled)

    monkeypatch.setattr(figures_export, "build_csv", slow)
    return release


def test_a_large_export_is_written_by_a_job_with_progress(  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    make_dialog,
    session: Session,
    ws: Workspace,
    out: Path,
    held: threading.Event,
) -> None:
    dialog = make_dialog(Chooser(out))
    dialog.background_rows = 10  # the sample's figures count as large
    assert dialog.rows >= 10
    with qtbot.waitSignal(dialog.message, timeout=10_000) as said:
        dialog.choose_file()
        assert dialog.busy and len(session.jobs) == 1
        job = session.jobs[0]
        assert dialog.bar.isVisibleTo(dialog) and dialog.status.text() == "Writing export.csv…"
        assert not dialog.export_button.isEnabled() and not dialog.language.isEnabled()
        assert not out.exists()  # not written on the GUI thread
        held.set()
    assert said.args == [f"Wrote {dialog.rows} rows of figures to export.csv."]
    assert out.read_bytes() == export_figures_csv(ws, all_ids(ws), lang=dialog.choices().lang)
    assert (dialog.bar.value(), dialog.bar.maximum()) == (4, 4)  # one step per community
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.busy
    assert job not in session.jobs  # collected


def test_a_large_results_export_writes_what_the_core_writes(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, ws: Workspace, out: Path
) -> None:
    dialog = make_dialog(Chooser(out))
    click(qtbot, dialog.results_radio)
    dialog.start_edit.setDate(QDate(2000, 1, 1))
    dialog.background_rows = 1
    assert dialog.rows > 1
    with qtbot.waitSignal(dialog.message, timeout=10_000) as said:
        assert dialog.export_to(out)
    assert said.args == [f"Wrote {dialog.rows} activities to export.csv."]
    c = dialog.choices()
    assert c.start is not None and c.end is not None
    assert out.read_bytes() == export_results_csv(ws, all_ids(ws), c.start, c.end, c.lang)


def test_cancel_stops_a_large_export_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, session: Session, out: Path, held: threading.Event
) -> None:
    dialog = make_dialog(Chooser(out))
    dialog.background_rows = 0
    dialog.choose_file()
    assert dialog.busy
    press(qtbot, dialog, Qt.Key.Key_Escape)  # Cancel stops the export, not the dialog
    assert not dialog.busy and dialog.isVisible() and session.jobs == ()
    assert dialog.status.text() == "Cancelled; no file was written."
    assert not out.exists() and list(out.parent.glob("*.csv")) == []
    assert dialog.export_button.isEnabled() and dialog.language.isEnabled()
    # Once nothing runs, Cancel closes.
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_large_export_that_cannot_be_written_is_one_line(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, club: str, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "figures.csv"
    dialog = make_dialog(Chooser(target), club)
    dialog.background_rows = 0
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as said:
        dialog.choose_file()
    assert said.args[0] == f"{target.parent}: no such folder."
    assert dialog.status.text() == said.args[0] and dialog.isVisible()
    assert not dialog.busy and dialog.export_button.isEnabled() and not dialog.bar.isVisible()


def test_closing_the_workspace_stops_a_large_export(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_dialog, session: Session, out: Path, held: threading.Event
) -> None:
    dialog = make_dialog(Chooser(out))
    dialog.background_rows = 0
    messages: list[str] = []
    dialog.message.connect(messages.append)
    dialog.choose_file()
    assert dialog.busy
    session.stop()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert session.jobs == () and not out.exists() and messages == []
