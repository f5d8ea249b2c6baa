"""The figures table: editing a cell, pasting from a spreadsheet, undo, bad input."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt

from planner.communities import create_community
from planner.metrics import DayFigures, figures_between, set_figures
from planner.ui.figures_model import COLUMNS, FiguresModel, parse_day, parse_value
from planner.ui.session import Session
from planner.workspace import Workspace


@pytest.fixture
def setup(workspace: Workspace) -> tuple[Session, str, FiguresModel]:
    club, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    set_figures(
        workspace,
        club,
        [
            DayFigures(date(2026, 11, 2), members=180, active_members=120, joined=9),
            DayFigures(date(2026, 11, 9), members=186, active_members=93),
        ],
    )
    session = Session(workspace)
    return session, club, FiguresModel(session, club)


def col(name: str) -> int:
    return COLUMNS.index(name)


def test_the_model_passes_the_model_tester(qtmodeltester, setup) -> None:  # type: ignore[no-untyped-def]
    _, _, model = setup
    qtmodeltester.check(model)


def test_rows_are_days_newest_first_with_retention(setup) -> None:  # type: ignore[no-untyped-def]
    _, _, model = setup
    assert model.rowCount() == 2
    assert model.figures(0).day == date(2026, 11, 9)
    assert model.index(0, col("members")).data() == "186"
    assert model.index(0, col("retention")).data() == "50%"
    assert model.index(1, col("retention")).data() == "67%"
    assert model.index(0, col("joined")).data() == ""
    assert not model.flags(model.index(0, col("retention"))) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, col("joined"))) & Qt.ItemFlag.ItemIsEditable


def test_editing_a_cell_records_the_day_and_undo_takes_it_back(  # type: ignore[no-untyped-def]
    setup, workspace: Workspace
) -> None:
    session, club, model = setup
    assert model.setData(model.index(0, col("joined")), "1,204")
    assert figures_between(workspace, club)[-1].joined == 1204
    assert model.index(0, col("joined")).data() == QLocale().toString(1204)
    session.undo()
    assert figures_between(workspace, club)[-1].joined is None
    assert model.index(0, col("joined")).data() == ""


def test_bad_input_is_refused_in_one_line_and_nothing_changes(  # type: ignore[no-untyped-def]
    qtbot, setup, workspace: Workspace
) -> None:
    _, club, model = setup
    before = figures_between(workspace, club)
    with qtbot.waitSignal(model.failed) as said:
        assert not model.setData(model.index(0, col("members")), "12a")
    assert said.args == ["Members: “12a” is not a whole number."]
    with qtbot.waitSignal(model.failed) as said:
        assert not model.setData(model.index(0, col("active_members")), "500")
    assert "More active members than members" in said.args[0]
    assert figures_between(workspace, club) == before


def test_pasting_a_block_with_days_adds_them_in_one_undoable_edit(  # type: ignore[no-untyped-def]
    setup, workspace: Workspace
) -> None:
    session, club, model = setup
    block = "2026/11/16\t190\t101\t6\t2\n2026年11月23日\t195\t98\t7\t2\n"
    assert model.paste(0, 0, block)
    days = figures_between(workspace, club)
    assert [d.day.day for d in days] == [2, 9, 16, 23]
    assert (days[-1].members, days[-1].active_members, days[-1].left_members) == (195, 98, 2)
    assert model.rowCount() == 4 and model.figures(0).day == date(2026, 11, 23)
    session.undo()
    assert [d.day.day for d in figures_between(workspace, club)] == [2, 9]


def test_pasting_values_fills_the_rows_below(setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _, club, model = setup
    assert model.paste(0, col("messages"), "1320\t3\n980\t1")
    days = figures_between(workspace, club)
    assert [(d.messages, d.paid_conversions) for d in days] == [(980, 1), (1320, 3)]


def test_a_bad_pasted_block_changes_nothing(qtbot, setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _, club, model = setup
    before = figures_between(workspace, club)
    with qtbot.waitSignal(model.failed) as said:
        assert not model.paste(0, 0, "2026-11-16\t190\nnot a day\t3")
    assert said.args == ["Line 2: “not a day” is not a day."]
    with qtbot.waitSignal(model.failed):
        assert not model.paste(0, col("members"), "1\n2\n3")
    assert figures_between(workspace, club) == before


def test_a_new_day_row_waits_for_its_figures(setup, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _, club, model = setup
    row = model.add_day(date(2026, 11, 16))
    assert row == 0 and model.rowCount() == 3
    assert model.setData(model.index(row, col("members")), "191")
    assert figures_between(workspace, club)[-1] == DayFigures(date(2026, 11, 16), members=191)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-23", date(2026, 11, 23)),
        ("2026/1/5", date(2026, 1, 5)),
        ("2026.11.23", date(2026, 11, 23)),
        ("2026年11月23日", date(2026, 11, 23)),
        ("2026-02-30", None),
        ("23/11/2026", None),
    ],
)
def test_days_as_spreadsheets_write_them(text: str, day: date | None) -> None:
    assert parse_day(text) == day


def test_values_as_spreadsheets_write_them() -> None:
    assert parse_value("members", " 1,204 ") == 1204
    assert parse_value("revenue", "¥1,299.50") == pytest.approx(1299.5)
    assert parse_value("revenue", "99元") == pytest.approx(99.0)
    assert parse_value("joined", "-") is None
    with pytest.raises(ValueError, match="not a whole number"):
        parse_value("joined", "3.5")
