"""The Figures tab: Add day and type, paste from a spreadsheet, copy, clear, undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from planner.communities import create_community
from planner.metrics import DayFigures, figures_between, set_figures
from planner.ui.figures_model import COLUMNS
from planner.ui.figures_panel import FiguresPanel
from planner.ui.session import Session
from planner.workspace import Workspace
from tests.ui.conftest import Confirm

TODAY = date(2026, 11, 23)


@pytest.fixture
def setup(qtbot, workspace: Workspace) -> tuple[Session, str, FiguresPanel, Confirm]:  # type: ignore[no-untyped-def]
    club, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    session = Session(workspace)
    confirm = Confirm()
    panel = FiguresPanel(confirm=confirm, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.resize(900, 500)
    panel.show()
    return session, club, panel, confirm


def test_the_day_offered_is_today_never_the_future(setup) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    assert panel.day.date() == QDate(2026, 11, 23)
    session.run(set_figures, club, [DayFigures(TODAY), DayFigures(TODAY - timedelta(days=7))])
    panel.show_community(club)
    assert panel.day.date() == QDate(2026, 11, 23)


def test_an_empty_community_says_how_to_start(setup) -> None:  # type: ignore[no-untyped-def]
    _, _, panel, _ = setup
    assert panel.stack.currentWidget() is panel.empty
    assert "Add day" in panel.empty.text() and "Ctrl+V" in panel.empty.text()
    assert panel.day.date() == QDate(2026, 11, 23)
    assert not panel.delete_button.isEnabled()


def test_add_day_then_type_records_it_and_undo_takes_it_back(
    qtbot, setup, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is panel.table
    current = panel.table.currentIndex()
    assert COLUMNS[current.column()] == "members"
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not panel.table  # typing starts in the cell
    qtbot.keyClicks(editor, "1,204")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "380")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits Enter through a queued call.
    qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState)
    recorded = figures_between(workspace, club)
    assert recorded == [DayFigures(TODAY, members=1204, active_members=380)]
    session.undo()
    assert figures_between(workspace, club) == [DayFigures(TODAY, members=1204)]
    session.undo()
    assert figures_between(workspace, club) == []
    assert panel.stack.currentWidget() is panel.empty


def test_ctrl_d_adds_the_chosen_day_or_goes_to_it(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    session.run(set_figures, club, [DayFigures(TODAY, members=180)])
    panel.show_community(club)
    assert panel.day.date() == QDate(2026, 11, 23)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.rowCount() == 1  # today is there: it is selected, not added twice
    assert panel.table.currentIndex().row() == 0
    panel.day.setDate(QDate(2026, 11, 16))
    qtbot.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [panel.model.figures(n).day for n in range(2)] == [TODAY, date(2026, 11, 16)]


def test_pasting_rows_from_a_spreadsheet_into_an_empty_table(
    qtbot, setup, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    QGuiApplication.clipboard().setText(
        "2026-11-16\t180\t120\t9\t3\n2026年11月23日\t186\t93\t8\t2\n"
    )
    panel.empty.setFocus()
    with qtbot.waitSignal(panel.message):
        qtbot.keyClick(panel.empty, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert figures_between(workspace, club) == [
        DayFigures(date(2026, 11, 16), members=180, active_members=120, joined=9, left_members=3),
        DayFigures(date(2026, 11, 23), members=186, active_members=93, joined=8, left_members=2),
    ]
    assert panel.stack.currentWidget() is panel.table
    session.undo()  # one paste, one undo step
    assert figures_between(workspace, club) == []


def test_a_bad_paste_changes_nothing_and_says_which_line(
    qtbot, setup, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    _, club, panel, _ = setup
    QGuiApplication.clipboard().setText("2026-11-16\t180\nyesterday\t186\n")
    panel.empty.setFocus()
    with qtbot.waitSignal(panel.error_shown) as signal:
        qtbot.keyClick(panel.empty, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert signal.args[0].startswith("Line 2")
    assert panel.problem.isVisible() and panel.problem.text() == signal.args[0]
    assert figures_between(workspace, club) == []


def test_copy_gives_tab_separated_lines_that_paste_back(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    session.run(
        set_figures,
        club,
        [DayFigures(date(2026, 11, 16), members=180, active_members=120, revenue=99.5)],
    )
    panel.table.selectAll()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("2026-11-16\t180\t120\t")
    assert "99.5" in copied
    other, _ = create_community(workspace, {"name": "Notion 中文用户群"}, checklist=False)
    panel.show_community(other)
    panel.empty.setFocus()
    qtbot.keyClick(panel.empty, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert figures_between(workspace, other) == figures_between(workspace, club)


def test_delete_on_cells_empties_them_and_keeps_the_day(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, confirm = setup
    session.run(set_figures, club, [DayFigures(TODAY, members=180, active_members=90, joined=4)])
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, COLUMNS.index("active_members")))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert confirm.questions == []  # a cell is not a day: no question, Undo is there
    assert figures_between(workspace, club) == [DayFigures(TODAY, members=180, joined=4)]
    session.undo()
    assert figures_between(workspace, club)[0].active_members == 90


def test_typing_tabs_over_the_active_rate_into_the_note(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    session.run(set_figures, club, [DayFigures(TODAY, members=180)])
    panel.table.setFocus()
    revenue = panel.model.index(0, COLUMNS.index("revenue"))
    panel.table.setCurrentIndex(revenue)
    panel.table.edit(revenue)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "99")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert COLUMNS[panel.table.currentIndex().column()] == "note"
    assert panel.table.state() == QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    note = QApplication.focusWidget()
    assert isinstance(note, QLineEdit)
    note.insert("续费日")  # as an input method commits it (QTest types Latin-1 only)
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState)
    assert figures_between(workspace, club) == [
        DayFigures(TODAY, members=180, revenue=99.0, note="续费日")
    ]


def test_a_typing_mistake_shows_under_the_table(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    session.run(set_figures, club, [DayFigures(TODAY, members=180)])
    errors: list[str] = []
    panel.error.connect(errors.append)
    assert not panel.model.setData(panel.model.index(0, COLUMNS.index("active_members")), "200")
    assert panel.problem.isVisible() and "More active members than members" in panel.problem.text()
    assert errors == []  # no box to click away
    assert panel.model.setData(panel.model.index(0, COLUMNS.index("active_members")), "90")
    assert not panel.problem.isVisible()


def test_pasting_a_block_with_its_header_row_and_times(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _, club, panel, _ = setup
    QGuiApplication.clipboard().setText(
        "日期\t成员数\t活跃\n2026-11-16 00:00:00\t180\t120\n2026-11-23 Mon\t186\t93\n"
    )
    panel.empty.setFocus()
    qtbot.keyClick(panel.empty, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert figures_between(workspace, club) == [
        DayFigures(date(2026, 11, 16), members=180, active_members=120),
        DayFigures(date(2026, 11, 23), members=186, active_members=93),
    ]


def test_delete_asks_then_clears_the_selected_days(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, confirm = setup
    days = [DayFigures(TODAY - timedelta(days=7 * n), members=100 + n) for n in range(3)]
    session.run(set_figures, club, days)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    panel.table.selectRow(0)
    confirm.answer = False
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert confirm.questions == ["Clear the figures of 2026-11-23?"]
    assert len(figures_between(workspace, club)) == 3
    confirm.answer = True
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [f.day for f in figures_between(workspace, club)] == [
        TODAY - timedelta(days=14),
        TODAY - timedelta(days=7),
    ]
    session.undo()
    assert len(figures_between(workspace, club)) == 3


def test_a_read_only_workspace_cannot_be_edited(
    qtbot, setup, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    session, club, panel, _ = setup
    session.run(set_figures, club, [DayFigures(TODAY, members=180)])
    monkeypatch.setattr(type(session), "read_only", property(lambda _self: True))
    panel.show_community(club)
    assert not panel.add_button.isEnabled()
    assert not panel.import_button.isEnabled()
    assert not panel.delete_button.isEnabled()
    assert panel.export_button.isEnabled()
    QGuiApplication.clipboard().setText("2026-11-30\t200\n")
    assert not panel.paste()


def test_import_and_export_buttons_ask_the_window(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    _, _, panel, _ = setup
    with qtbot.waitSignal(panel.import_requested):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.export_requested):
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
