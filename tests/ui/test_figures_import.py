"""Figures ▸ Import from CSV…: the mapping dialog, driven as an operator drives it.

Files are written as operators' spreadsheets write them (Chinese headers, a
BOM, GBK, semicolons, a title above the header, bad rows); the confirmation
box is a stand-in, and the file chooser is never opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from planner.communities import create_community
from planner.metrics import DayFigures, figures_between, set_figures
from planner.metrics_csv import guess_mapping, parse_rows, read_table
from planner.paths import AppPaths
from planner.ui import figures_import, import_mapping_model
from planner.ui.figures_import import FiguresImportDialog, import_figures_file
from planner.ui.import_mapping_model import ERROR_COLOR, LINE_ROLE, PreviewModel, ProblemModel
from planner.ui.session import Session
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

CLUB = "深夜读书会"
ZH_HEADER = "日期,群成员,活跃人数,新增,退群,消息数,付费转化,收入（元）,备注"
ZH_ROWS = [
    '2026-11-23,"1,234",300,12,3,"4,560",2,"￥1,299.50",周一，很热闹',
    "2026/11/24,1 240,310,8,2,4100,,1299.5元,",
    "2026年11月25日,1245,-,5,0,3800,1,,",
]
ZH_FIGURES = [
    DayFigures(date(2026, 11, 23), 1234, 300, 12, 3, 4560, 2, 1299.5, "周一，很热闹"),
    DayFigures(date(2026, 11, 24), 1240, 310, 8, 2, 4100, None, 1299.5, ""),
    DayFigures(date(2026, 11, 25), 1245, None, 5, 0, 3800, 1, None, ""),
]
# Lines 2, 4 and 7 are good; 3 has a bad number, 5 a bad date, 6 repeats line 2's day.
MIXED = "\n".join(
    [
        "日期;群成员;活跃人数;新增",
        "2026-11-02;180;120;9",
        "2026-11-03;18O;120;4",
        "2026-11-04;182;118;3",
        "2026-13-05;183;119;2",
        "2026-11-02;181;121;1",
        "2026-11-06;185;122;4",
    ]
)


@pytest.fixture
def session(workspace: Workspace) -> Iterator[Session]:
    s = Session(workspace)
    yield s


@pytest.fixture
def club(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": CLUB}, checklist=False)
    workspace.history.clear()  # so that a test can count the import's steps
    return community_id


@pytest.fixture
def confirm() -> Confirm:
    return Confirm(answer=True)


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    def write_file(text: str | bytes, name: str = "数据.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return write_file


@pytest.fixture
def open_dialog(
    qtbot: QtBot, session: Session, club: str, confirm: Confirm
) -> Callable[[Path], FiguresImportDialog]:
    def make(path: Path) -> FiguresImportDialog:
        dialog = FiguresImportDialog(session, club, path, confirm=confirm)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)  # type: ignore[no-untyped-call]


def click(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    at = pos if pos is not None else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)  # type: ignore[no-untyped-call]


def click_import(qtbot: QtBot, dialog: FiguresImportDialog) -> None:
    click(qtbot, dialog.import_button)


def pick(dialog: FiguresImportDialog, column: int, field: str) -> None:
    """Choose ``field`` in the combo above ``column``, as a click in its list does."""
    combo = dialog.header.combos[column]
    combo.setCurrentIndex(combo.findData(field))


def problem_lines(dialog: FiguresImportDialog) -> list[str]:
    model = dialog.problems
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def no_writes(ws: Workspace, club: str) -> None:
    assert figures_between(ws, club) == []
    assert not ws.history.can_undo


# -- the models ---------------------------------------------------------------------


def test_the_models_pass_the_model_tester(qtmodeltester, write) -> None:  # type: ignore[no-untyped-def]
    table = read_table(write(MIXED).read_bytes())
    parsed = parse_rows(table, guess_mapping(table.headers))
    preview = PreviewModel()
    qtmodeltester.check(preview)  # no file yet
    preview.set_table(table)
    qtmodeltester.check(preview)
    preview.set_mapping({"day": 0, "members": 1})
    preview.set_problems(parsed.errors)
    qtmodeltester.check(preview)
    short = PreviewModel(table, limit=2)
    qtmodeltester.check(short)
    assert short.rowCount() == 2 and short.row_of_line(7) == -1
    problems = ProblemModel()
    qtmodeltester.check(problems)
    problems.set_errors(parsed.errors)
    qtmodeltester.check(problems)
    assert problems.rowCount() == 3


def test_the_preview_marks_bad_rows_and_skipped_columns(write) -> None:  # type: ignore[no-untyped-def]
    table = read_table(write(MIXED).read_bytes())
    parsed = parse_rows(table, {"day": 0, "members": 1})
    preview = PreviewModel(table)
    preview.set_mapping({"day": 0, "members": 1})
    preview.set_problems(parsed.errors)
    assert preview.headerData(1, Qt.Orientation.Horizontal) == "群成员"
    assert preview.headerData(1, Qt.Orientation.Vertical) == "3"  # file lines down the side
    bad = preview.index(preview.row_of_line(3), 1)
    assert bad.data() == "18O"
    assert "Line 3: “18O” in 群成员 is not a whole number." in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert bad.data(Qt.ItemDataRole.ForegroundRole) == ERROR_COLOR  # the cell at fault
    beside = preview.index(preview.row_of_line(3), 0)
    assert beside.data(Qt.ItemDataRole.ForegroundRole) is None  # the rest of its row
    good = preview.index(preview.row_of_line(2), 1)
    assert good.data(Qt.ItemDataRole.ToolTipRole) is None
    assert good.data(Qt.ItemDataRole.BackgroundRole) is None
    assert good.data(Qt.ItemDataRole.ForegroundRole) is None  # imported
    assert preview.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is not None  # dimmed


# -- files as operators save them ---------------------------------------------------


def test_a_chinese_file_with_a_bom_imports_in_one_undoable_edit(  # type: ignore[no-untyped-def]
    qtbot: QtBot, open_dialog, write, workspace: Workspace, session: Session, club: str, confirm
) -> None:
    path = write("\ufeff" + "\r\n".join([ZH_HEADER, *ZH_ROWS]))
    dialog = open_dialog(path)
    assert CLUB in dialog.windowTitle() and dialog.community_label.text() == CLUB
    assert dialog.file_label.text() == "数据.csv · UTF-8 · separated by commas"
    assert [c.currentData() for c in dialog.header.combos] == [
        "day",
        "members",
        "active_members",
        "joined",
        "left_members",
        "messages",
        "paid_conversions",
        "revenue",
        "note",
    ]
    assert dialog.summary.text() == "3 rows read: 3 good."
    assert not dialog.problem_list.isVisible() and not dialog.replaced.isVisible()
    assert dialog.import_button.text() == "&Import 3 rows"
    with qtbot.waitSignal(dialog.message) as said:
        click_import(qtbot, dialog)
    assert said.args == ["Imported the figures of 3 days into “深夜读书会”."]
    assert confirm.questions == []  # nothing to ask about
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert figures_between(workspace, club) == ZH_FIGURES
    session.undo()
    assert figures_between(workspace, club) == []
    assert not workspace.history.can_undo  # it was one step


def test_a_gbk_file_is_read(open_dialog, write, workspace: Workspace, club: str) -> None:  # type: ignore[no-untyped-def]
    path = write("\r\n".join([ZH_HEADER, *ZH_ROWS]), encoding="gbk")
    dialog = open_dialog(path)
    assert "GB18030" in dialog.file_label.text()
    assert dialog.import_now()
    assert figures_between(workspace, club) == ZH_FIGURES


def test_a_semicolon_file_with_a_title_above_the_header(  # type: ignore[no-untyped-def]
    open_dialog, write, workspace: Workspace, club: str
) -> None:
    text = (
        "读书会 11月数据\n" + MIXED.split("\n", 1)[0] + "\n2026-11-02;180;120;9\n合计;180;120;9\n"
    )
    dialog = open_dialog(write(text))
    assert dialog.file_label.text() == (
        "数据.csv · UTF-8 · separated by semicolons · header on line 2"
    )
    assert dialog.summary.text() == "2 rows read: 1 good, 1 left out (totals, or no figures)."
    assert dialog.import_now()
    assert figures_between(workspace, club) == [
        DayFigures(date(2026, 11, 2), members=180, active_members=120, joined=9)
    ]


def test_a_comma_file_with_english_headers(  # type: ignore[no-untyped-def]
    open_dialog, write, workspace: Workspace, club: str
) -> None:
    text = "\n".join(
        [
            "Date,Members,Active members,Joined,Left,Messages,Paid conversions,Revenue,Note",
            '11/23/2026,"1,234",300,12,3,4560,2,$12.50,"Quiz night, great"',
            "11/24/2026,1240,310,8,2,4100,0,0,",
        ]
    )
    dialog = open_dialog(write(text, name="figures.csv"))
    assert dialog.mapping() == {
        "day": 0,
        "members": 1,
        "active_members": 2,
        "joined": 3,
        "left_members": 4,
        "messages": 5,
        "paid_conversions": 6,
        "revenue": 7,
        "note": 8,
    }
    assert dialog.import_now()
    assert figures_between(workspace, club) == [
        DayFigures(date(2026, 11, 23), 1234, 300, 12, 3, 4560, 2, 12.5, "Quiz night, great"),
        DayFigures(date(2026, 11, 24), 1240, 310, 8, 2, 4100, 0, 0.0, ""),
    ]


# -- bad rows -----------------------------------------------------------------------


def test_bad_rows_are_listed_by_line_and_need_a_yes(  # type: ignore[no-untyped-def]
    qtbot: QtBot, open_dialog, write, workspace: Workspace, club: str, confirm: Confirm
) -> None:
    dialog = open_dialog(write(MIXED))
    assert dialog.summary.text() == "6 rows read: 3 good, 3 with problems."
    assert dialog.problem_list.isVisible() and dialog.problems_label.text() == "&Problems (3)"
    assert problem_lines(dialog) == [
        "Line 3: “18O” in 群成员 is not a whole number.",
        "Line 5: “2026-13-05” in 日期 is not a date (no such day).",
        "Line 6: 2026-11-02 is already on line 2.",
    ]
    assert dialog.import_button.text() == "&Import 3 good rows, skip 3"
    # Declining imports nothing, and the dialog stays open to fix the mapping.
    confirm.answer = False
    click_import(qtbot, dialog)
    assert confirm.questions == [
        "3 rows have problems and will be skipped (lines 3, 5, 6). "
        "Import the other 3 rows into “深夜读书会”?"
    ]
    assert dialog.isVisible() and dialog.status.text() == "Nothing was imported."
    no_writes(workspace, club)
    # Saying yes imports the good rows only.
    confirm.answer = True
    with qtbot.waitSignal(dialog.message):
        click_import(qtbot, dialog)
    days = figures_between(workspace, club)
    assert [(f.day.day, f.members) for f in days] == [(2, 180), (4, 182), (6, 185)]


def test_a_problem_shows_its_line_in_the_preview(qtbot: QtBot, open_dialog, write) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(write(MIXED))
    index = dialog.problems.index(1, 0)
    assert index.data(LINE_ROLE) == 5
    rect = dialog.problem_list.visualRect(index)
    click(qtbot, dialog.problem_list.viewport(), rect.center())
    selected = dialog.view.selectionModel().selectedRows()
    assert [dialog.preview.headerData(i.row(), Qt.Orientation.Vertical) for i in selected] == ["5"]


def test_a_file_of_bad_rows_only_cannot_be_imported(open_dialog, write) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(write("日期,群成员\n2026-11-31,3\nyesterday,4\n"))
    assert not dialog.import_button.isEnabled()
    assert dialog.status.text() == "Every row has a problem: fix the file, then import it again."
    assert len(problem_lines(dialog)) == 2


def test_more_rows_than_an_import_takes_are_refused_with_the_summary(  # type: ignore[no-untyped-def]
    open_dialog, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_mapping_model, "MAX_IMPORT_ROWS", 2)
    dialog = open_dialog(write(MIXED))
    assert dialog.summary.text() == "6 rows read: 3 good, 3 with problems."
    assert dialog.status.text() == (
        "3 rows of figures: at most 2 can be imported at once. Is the date column right?"
    )
    assert not dialog.import_button.isEnabled() and dialog.import_button.text() == "&Import"


# -- the mapping --------------------------------------------------------------------


def test_remapping_a_column_changes_what_is_imported(  # type: ignore[no-untyped-def]
    qtbot: QtBot, open_dialog, write, workspace: Workspace, club: str
) -> None:
    dialog = open_dialog(write("日期,成员数,新增,杂项\n2026-11-02,180,9,77\n"))
    assert dialog.mapping() == {"day": 0, "members": 1, "joined": 2}
    pick(dialog, 3, "messages")  # the column nobody recognised
    pick(dialog, 3, "joined")  # joined moves here: column 2 is skipped now
    assert dialog.header.combos[2].currentData() == ""
    assert dialog.mapping() == {"day": 0, "members": 1, "joined": 3}
    assert dialog.preview.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is not None
    click_import(qtbot, dialog)
    assert figures_between(workspace, club) == [
        DayFigures(date(2026, 11, 2), members=180, joined=77)
    ]


def test_no_date_column_turns_import_off(  # type: ignore[no-untyped-def]
    qtbot: QtBot, open_dialog, write, workspace: Workspace, club: str
) -> None:
    dialog = open_dialog(write("\r\n".join([ZH_HEADER, *ZH_ROWS])))
    day = dialog.header.combos[0]
    day.setFocus()
    press(qtbot, day, Qt.Key.Key_Home)  # the first choice: skip
    assert dialog.mapping().get("day") is None
    assert not dialog.import_button.isEnabled()
    assert dialog.status.text() == (
        "Choose which column holds the date; Import stays off until one does."
    )
    press(qtbot, dialog, Qt.Key.Key_Return)  # the default button does nothing now
    no_writes(workspace, club)
    pick(dialog, 0, "day")
    assert dialog.import_button.isEnabled() and dialog.status.text() == ""


def test_the_combos_stay_above_their_columns(qtbot: QtBot, open_dialog, write) -> None:  # type: ignore[no-untyped-def]
    header = ",".join([ZH_HEADER, "杂项A", "杂项B", "杂项C"])
    dialog = open_dialog(write(f"{header}\n2026-11-23,1,1,1,1,1,1,1,周一,a,b,c\n"))
    dialog.resize(600, 400)
    bar = dialog.view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    head = dialog.header
    for column, combo in enumerate(head.combos):
        assert combo.geometry().left() == head.sectionViewportPosition(column) + head.PAD
        assert combo.width() == head.sectionSize(column) - 2 * head.PAD
    assert head.combos[-1].geometry().right() <= head.viewport().width()


def test_tab_walks_the_combos_then_the_table_then_the_buttons(open_dialog, write) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(write("日期,群成员\n2026-11-02,180\n"))
    first, second = dialog.header.combos
    assert dialog.focusWidget() is first  # the mapping is the first thing to check
    order: list[QWidget] = []
    widget = first
    while len(order) < 5:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == [first, second, dialog.view, dialog.import_button, dialog.cancel_button]


def test_a_date_alone_is_not_enough(open_dialog, write) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(write("日期,群成员\n2026-11-02,180\n"))
    pick(dialog, 1, "")
    assert not dialog.import_button.isEnabled()
    assert dialog.status.text() == "Choose at least one column of figures to import."


# -- files that cannot be read ------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "数据.csv: the file is empty."),
        (b"\r\n  \r\n", "数据.csv: the file is empty."),
        (b"PK\x03\x04" + bytes(range(256)), "数据.csv: this is an Excel workbook"),
        (bytes(range(256)) * 4, "数据.csv: not a CSV file"),
    ],
)
def test_a_file_that_is_not_csv_is_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot: QtBot, open_dialog, write, workspace: Workspace, club: str, content: bytes, message: str
) -> None:
    dialog = open_dialog(write(content))
    assert dialog.status.text().startswith(message)
    assert "\n" not in dialog.status.text()
    assert dialog.status.property("role") == "error"
    assert not dialog.view.isVisible() and not dialog.import_button.isEnabled()
    assert not dialog.import_now()
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    no_writes(workspace, club)


def test_a_missing_or_unreadable_file_is_one_line(  # type: ignore[no-untyped-def]
    open_dialog, tmp_path: Path, workspace: Workspace, club: str
) -> None:
    assert open_dialog(tmp_path / "gone.csv").status.text() == (
        "gone.csv cannot be read: No such file or directory."
    )
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert open_dialog(folder).status.text() == "folder.csv cannot be read: Is a directory."
    no_writes(workspace, club)


# -- what the import changes --------------------------------------------------------


def test_replacing_recorded_days_is_announced_and_undone_exactly(  # type: ignore[no-untyped-def]
    qtbot: QtBot, open_dialog, write, workspace: Workspace, session: Session, club: str
) -> None:
    before = [
        DayFigures(date(2026, 11, 23), 1200, 280, 10, 2, 4000, 1, 199.0, "老数据"),
        DayFigures(date(2026, 11, 24), 1210, 290, messages=3900),
        DayFigures(date(2026, 11, 30), 1300, 320),
    ]
    set_figures(workspace, club, before)
    workspace.history.clear()
    dialog = open_dialog(write("日期,群成员,活跃人数\n2026-11-23,1234,300\n2026-11-24,1240,310\n"))
    assert dialog.replaced.isVisible()
    assert dialog.replaced.text() == (
        "2 days in the file already have figures; the file's values replace them. Figures it "
        "has no column for (Joined, Left, Messages, Paid conversions, Revenue, Note) stay as "
        "recorded."
    )
    click_import(qtbot, dialog)
    after = figures_between(workspace, club)
    assert after[0] == DayFigures(date(2026, 11, 23), 1234, 300, 10, 2, 4000, 1, 199.0, "老数据")
    assert after[1] == DayFigures(date(2026, 11, 24), 1240, 310, messages=3900)
    assert after[2] == before[2]
    session.undo()
    assert figures_between(workspace, club) == before
    assert not workspace.history.can_undo


def test_a_file_already_imported_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot: QtBot, open_dialog, write, workspace: Workspace, club: str
) -> None:
    path = write("\r\n".join([ZH_HEADER, *ZH_ROWS]))
    assert open_dialog(path).import_now()
    dialog = open_dialog(path)
    assert (
        dialog.replaced.text()
        == "3 days in the file already have figures; the file's values replace them."
    )
    with qtbot.waitSignal(dialog.message) as said:
        assert dialog.import_now()
    assert said.args == ["The figures in the file were already recorded for “深夜读书会”."]
    assert figures_between(workspace, club) == ZH_FIGURES


def test_a_read_only_workspace_imports_nothing(  # type: ignore[no-untyped-def]
    qtbot: QtBot, workspace: Workspace, club: str, write, paths: AppPaths, confirm: Confirm
) -> None:
    path = workspace.path
    workspace.close()
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    try:
        dialog = FiguresImportDialog(Session(ws), club, write(MIXED), confirm=confirm)
        qtbot.addWidget(dialog)
        assert not dialog.import_button.isEnabled()
        assert dialog.status.text() == (
            "This workspace is open read-only, so nothing can be imported into it."
        )
        assert dialog.preview.rowCount() == 6  # the file is still shown
    finally:
        ws.close()


# -- large files, off the GUI thread ------------------------------------------------


@pytest.fixture
def in_background(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is "large": read and checked off the GUI thread."""
    monkeypatch.setattr(figures_import, "READ_IN_BACKGROUND", 0)
    monkeypatch.setattr(figures_import, "CHECK_IN_BACKGROUND", 0)


@pytest.mark.usefixtures("in_background")
def test_a_large_file_is_read_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot: QtBot, session: Session, club: str, write, workspace: Workspace, confirm: Confirm
) -> None:
    dialog = FiguresImportDialog(session, club, write(MIXED), confirm=confirm)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy and dialog.bar.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.status.text() == "Reading 数据.csv…"
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    assert not dialog.busy and dialog.summary.text() == "6 rows read: 3 good, 3 with problems."
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        pick(dialog, 3, "")
    assert dialog.mapping() == {"day": 0, "members": 1, "active_members": 2}
    assert dialog.import_now()
    assert [f.joined for f in figures_between(workspace, club)] == [None, None, None]


@pytest.mark.usefixtures("in_background")
def test_escape_while_reading_closes_at_once_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot: QtBot, session: Session, club: str, write, workspace: Workspace, confirm: Confirm
) -> None:
    dialog = FiguresImportDialog(session, club, write(MIXED), confirm=confirm)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.busy
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not dialog.busy
    qtbot.waitUntil(lambda: not session.jobs, timeout=10_000)  # the session collected it
    assert dialog.table is None  # its outcome was let go
    no_writes(workspace, club)


# -- asking for the file ------------------------------------------------------------


def test_import_figures_file_asks_for_a_file_then_runs_the_dialog(  # type: ignore[no-untyped-def]
    qtbot: QtBot, session: Session, club: str, write, workspace: Workspace
) -> None:
    path = write("\r\n".join([ZH_HEADER, *ZH_ROWS]))
    said: list[str] = []
    assert not import_figures_file(None, session, club, choose=lambda: None)

    def press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FiguresImportDialog)
        press(qtbot, dialog, Qt.Key.Key_Return)  # Import is the default button

    QTimer.singleShot(0, press_enter)
    assert import_figures_file(None, session, club, choose=lambda: path, report=said.append)
    assert said == ["Imported the figures of 3 days into “深夜读书会”."]
    assert figures_between(workspace, club) == ZH_FIGURES

    def press_escape() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        press(qtbot, dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press_escape)
    assert not import_figures_file(None, session, club, choose=lambda: path)
