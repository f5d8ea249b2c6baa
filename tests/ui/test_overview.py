"""The overview page: every community with its progress, next due and overdue items."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication

from planner.checklists import ChecklistItem, checklist, set_done, update_item
from planner.communities import Stage, create_community, delete_community
from planner.paths import AppPaths
from planner.settings import Settings
from planner.ui.overview_layout import (
    COMMUNITY_MAX,
    COMMUNITY_MIN,
    LIST_COMFORT,
    PROGRESS_MAX,
    PROGRESS_MIN,
    wrap_two,
)
from planner.ui.overview_model import Cell, Column, OverviewModel, Role, SortOrder
from planner.ui.overview_page import OverviewPage
from planner.ui.overview_view import OverviewView
from planner.ui.session import Session
from planner.workspace import Workspace

TODAY = date(2026, 11, 24)


class Clock:
    """A settable today, so the page can be told the date changed."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def session(workspace: Workspace) -> Iterator[Session]:
    yield Session(workspace)


def add(session: Session, name: str, stage: Stage = Stage.BUILD) -> str:
    community_id, _ = session.run(create_community, {"name": name, "stage": stage.value})
    return str(community_id)


def items(session: Session, community_id: str, stage: Stage) -> list[ChecklistItem]:
    return [i for i in checklist(session.workspace, community_id) if i.stage is stage]


def due(session: Session, item: ChecklistItem, day: date, assignee: str = "") -> None:
    session.run(update_item, item.id, {"due_on": day, "assignee": assignee})


@pytest.fixture
def busy(session: Session) -> dict[str, str]:
    """Three communities: one late, one on time, one with nothing scheduled and
    its stage done."""
    late = add(session, "Late group", Stage.OUTPUT)
    output = items(session, late, Stage.OUTPUT)
    session.run(set_done, output[0].id, True, TODAY)
    due(session, output[1], TODAY - timedelta(days=3), "Lily")
    due(session, output[2], TODAY + timedelta(days=1), "Kevin")
    due(session, output[3], TODAY + timedelta(days=10))
    due(session, output[4], TODAY + timedelta(days=4))
    due(session, output[5], TODAY + timedelta(days=20))  # the fourth: not listed
    on_time = add(session, "On time", Stage.BUILD)
    build = items(session, on_time, Stage.BUILD)
    due(session, build[2], TODAY, "Mia")
    done = add(session, "Done with build", Stage.BUILD)
    for item in items(session, done, Stage.BUILD):
        session.run(set_done, item.id, True, TODAY)
    return {"late": late, "on_time": on_time, "done": done}


def model_row(model: OverviewModel, community_id: str) -> int:
    row = model.row_of(community_id)
    assert row >= 0
    return row


def text(model: OverviewModel, community_id: str, column: Column) -> str:
    return str(model.index(model_row(model, community_id), column).data())


def page_for(qtbot, session: Session, clock: Clock | None = None) -> OverviewPage:
    page = OverviewPage(today=clock or Clock(TODAY))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.set_session(session)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_model_passes_model_tester(qtmodeltester, session: Session, busy: dict[str, str]) -> None:
    model = OverviewModel(session, TODAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 4
    empty = OverviewModel(None, TODAY)
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0


def test_rows_show_progress_next_due_and_overdue(session: Session, busy: dict[str, str]) -> None:
    model = OverviewModel(session, TODAY)
    late = busy["late"]
    total = len([i for i in checklist(session.workspace, late) if not i.hidden])
    assert text(model, late, Column.PROGRESS) == f"1 of {total} done (3%)"
    output = items(session, late, Stage.OUTPUT)
    # The next three due items, soonest first, with date and assignee; the fourth left out.
    assert text(model, late, Column.NEXT).splitlines() == [
        f"Tomorrow · {output[2].title} · Kevin",
        f"28 Nov · {output[4].title}",
        f"4 Dec · {output[3].title}",
    ]
    cell = model.index(model_row(model, late), Column.NEXT).data(Role.CELL)
    assert [e.item_id for e in cell.entries] == [output[2].id, output[4].id, output[3].id]
    overdue = model.index(model_row(model, late), Column.OVERDUE)
    assert overdue.data().splitlines() == ["1 overdue", f"21 Nov · {output[1].title} · Lily"]
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == QColor("#d93025")
    assert "3 days overdue" in overdue.data(Role.CELL).entries[0].tooltip
    on_time = busy["on_time"]
    assert text(model, on_time, Column.OVERDUE) == "Nothing overdue"
    assert text(model, on_time, Column.NEXT).startswith("Today · ")
    # The community column: name, colour, and the suggestion once its stage is done.
    index = model.index(model_row(model, busy["done"]), Column.COMMUNITY)
    assert index.data() == "Done with build"
    assert isinstance(index.data(Qt.ItemDataRole.DecorationRole), QColor)
    assert index.data(Role.ROW).suggestion is Stage.STRUCTURE
    assert "move it to Structure" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(model_row(model, late), 0).data(Role.ROW).suggestion is None


def test_without_due_dates_the_next_open_items_of_the_stage_show(
    session: Session, busy: dict[str, str]
) -> None:
    fresh = add(session, "Fresh", Stage.STRUCTURE)
    model = OverviewModel(session, TODAY)
    structure = items(session, fresh, Stage.STRUCTURE)
    lines = text(model, fresh, Column.NEXT).splitlines()
    assert lines == ["Nothing scheduled. Next in Structure:", *(i.title for i in structure[:3])]
    # A community whose stage is done says so rather than showing nothing.
    assert text(model, busy["done"], Column.NEXT) == "Every item of Build is done."


def test_sort_orders(session: Session, busy: dict[str, str]) -> None:
    model = OverviewModel(session, TODAY)

    def names() -> list[str]:
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    # Needs attention: overdue first, then ready for the next stage, then by due date.
    assert names() == ["Late group", "Done with build", "On time"]
    model.set_order(SortOrder.NAME)
    assert names() == ["Done with build", "Late group", "On time"]
    model.set_order(SortOrder.STAGE)
    assert names()[0] == "Late group"  # furthest along the path first
    model.set_order(SortOrder.PROGRESS)
    assert names() == ["On time", "Late group", "Done with build"]
    model.set_order(SortOrder.DUE)
    assert names() == ["Late group", "On time", "Done with build"]


def test_page_refreshes_on_changes_and_undo(qtbot, session: Session, busy: dict[str, str]) -> None:
    page = page_for(qtbot, session)
    late = busy["late"]
    overdue_item = items(session, late, Stage.OUTPUT)[1]
    assert "1 overdue item" in page.summary.text()
    session.run(set_done, overdue_item.id, True, TODAY)
    assert text(page.model, late, Column.OVERDUE) == "Nothing overdue"
    assert "nothing overdue" in page.summary.text()
    session.undo()
    assert text(page.model, late, Column.OVERDUE).startswith("1 overdue")
    session.run(delete_community, busy["on_time"])
    assert page.model.row_of(busy["on_time"]) == -1


def test_a_hidden_page_catches_up_when_shown(qtbot, session: Session, busy: dict[str, str]) -> None:
    page = page_for(qtbot, session)
    page.hide()
    fresh = add(session, "Added while hidden")
    assert page.model.row_of(fresh) == -1  # not queried while nobody looks
    page.show()
    assert page.model.row_of(fresh) >= 0


def test_page_refreshes_when_the_date_changes(
    qtbot, session: Session, busy: dict[str, str]
) -> None:
    clock = Clock(TODAY)
    page = page_for(qtbot, session, clock)
    on_time = busy["on_time"]
    assert text(page.model, on_time, Column.OVERDUE) == "Nothing overdue"
    page.check_date()
    assert page.model.today == TODAY
    clock.day = TODAY + timedelta(days=1)  # past midnight
    page.check_date()
    assert page.model.today == clock.day
    assert text(page.model, on_time, Column.OVERDUE).startswith("1 overdue")
    assert page.clock.isActive()


def test_clicking_an_item_opens_it(qtbot, session: Session, busy: dict[str, str]) -> None:
    page = page_for(qtbot, session)
    view = page.view
    late = busy["late"]
    row = page.model.row_of(late)
    for column, expected in (
        (Column.OVERDUE, items(session, late, Stage.OUTPUT)[1].id),
        (Column.NEXT, items(session, late, Stage.OUTPUT)[2].id),
    ):
        index = page.model.index(row, column)
        cell = index.data(Role.CELL)
        rect = view.overview_delegate.entry_rects(view.visualRect(index), view.font(), cell)
        # Callers measuring with the view's font metrics get the same places.
        assert rect == view.overview_delegate.entry_rects(
            view.visualRect(index), view.fontMetrics(), cell
        )
        with qtbot.waitSignal(page.checklist_item_activated) as signal:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect[0].center())
        assert signal.args == [late, expected]
    # A click beside the items is no item: it only selects the row.
    index = page.model.index(row, Column.PROGRESS)
    with qtbot.assertNotEmitted(page.checklist_item_activated):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert page.current_id() == late


def test_double_click_and_enter_open_the_community(
    qtbot, session: Session, busy: dict[str, str]
) -> None:
    page = page_for(qtbot, session)
    view = page.view
    row = page.model.row_of(busy["on_time"])
    pos = view.visualRect(page.model.index(row, Column.PROGRESS)).center()
    with qtbot.waitSignal(page.community_activated) as signal:
        # What a double-click delivers: a click, then the double-click (QTest sends only that).
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert signal.args == [busy["on_time"]]
    page.select(busy["done"])
    with qtbot.waitSignal(page.community_activated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [busy["done"]]


def test_context_menu_lists_the_community_and_its_items(
    qtbot, session: Session, busy: dict[str, str]
) -> None:
    page = page_for(qtbot, session)
    late = busy["late"]
    menu = page.view.build_menu(page.model.index(page.model.row_of(late), 0))
    assert menu is not None
    labels = [a.text() for a in menu.actions()]
    output = items(session, late, Stage.OUTPUT)
    # The community, then what is overdue, then what is next, each with its date.
    assert labels == [
        "Open the community",
        "Overdue",
        f"Open “{output[1].title}”\t21 Nov",
        "Next due",
        f"Open “{output[2].title}”\tTomorrow",
        f"Open “{output[4].title}”\t28 Nov",
        f"Open “{output[3].title}”\t4 Dec",
    ]
    assert [a.isSeparator() for a in menu.actions()].count(True) == 2  # the headings
    with qtbot.waitSignal(page.checklist_item_activated) as signal:
        menu.actions()[2].trigger()
    assert signal.args == [late, output[1].id]
    assert page.view.build_menu(QModelIndex()) is None


def test_selection_survives_a_refresh(qtbot, session: Session, busy: dict[str, str]) -> None:
    page = page_for(qtbot, session)
    page.select(busy["on_time"])
    add(session, "Another")
    assert page.current_id() == busy["on_time"]


def test_empty_state(qtbot, session: Session) -> None:
    page = page_for(qtbot, session)
    assert page.stack.currentWidget() is page.empty
    assert "New community" in page.empty.text()
    assert not page.hint.isVisible()
    add(session, "First")
    assert page.stack.currentWidget() is page.view
    assert page.summary.text().startswith("1 community")


def test_the_sort_order_is_remembered(
    qtbot, session: Session, busy: dict[str, str], paths: AppPaths
) -> None:
    settings = Settings(paths.settings_file)
    page = OverviewPage(settings, today=Clock(TODAY))
    qtbot.addWidget(page)
    page.sort.setCurrentIndex(page.sort.findData(SortOrder.NAME.value))
    assert Settings(paths.settings_file).get("overview_sort") == "name"
    again = OverviewPage(Settings(paths.settings_file), today=Clock(TODAY))
    qtbot.addWidget(again)
    again.set_session(session)
    assert again.model.order is SortOrder.NAME
    assert again.sort.currentData() == "name"


# -- the width: overdue always in sight, titles in full where they fit ------------------

# What a 1000 px wide main window leaves the overview beside the sidebar, and the
# whole width of a 1000 px page.
NARROW, WIDE = 720, 1000


@pytest.fixture(params=["en", "zh"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The UI in English, then in Chinese (dates, built-in checklist texts)."""
    before = QLocale()
    if request.param == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield str(request.param)
    QLocale.setDefault(before)


@pytest.fixture
def crowded(session: Session, language: str) -> dict[str, str]:
    """Like a real workspace: long titles, assignees on every due item, and a
    community late on one item."""
    late = add(session, "Notion 中文用户群", Stage.OUTPUT)
    output = items(session, late, Stage.OUTPUT)
    due(session, output[3], TODAY - timedelta(days=6), "Kevin 王")
    for n, item in enumerate(output[:3]):
        due(session, item, TODAY + timedelta(days=n + 1), "Kevin 王")
    reading = add(session, "深夜读书会・付费会员圈", Stage.OPERATE)
    operate = items(session, reading, Stage.OPERATE)
    due(session, operate[0], TODAY - timedelta(days=4), "Lily 李")
    for n, item in enumerate(operate[1:4]):
        due(session, item, TODAY + timedelta(days=n + 1), "Lily 李")
    return {"late": late, "reading": reading}


def fitted(view: OverviewView) -> None:
    """Every column inside the viewport's width: no scrolling sideways to see one
    (scrolling down to later communities is fine)."""
    QApplication.processEvents()  # the layout settles (no timers waited for)
    assert view.horizontalScrollBar().maximum() == 0
    assert not view.horizontalScrollBar().isVisible()
    viewport = view.viewport().rect()
    for column in Column:
        rect = view.visualRect(view.model().index(0, column))
        assert viewport.left() <= rect.left() and rect.right() <= viewport.right(), (
            column,
            rect,
            viewport,
        )
        assert rect.width() > 0


def drawn_in_full(view: OverviewView, row: int, column: Column) -> bool:
    """Whether every title of the cell is drawn whole (on one line or two)."""
    index = view.model().index(row, column)
    cell: Cell = index.data(Role.CELL)
    layouts = view.overview_delegate.entry_layouts(view.visualRect(index), view.font(), cell)
    return all(
        "".join(layout.title).replace(" ", "") == entry.title.replace(" ", "")
        for entry, layout in zip(cell.entries, layouts, strict=True)
    )


@pytest.mark.parametrize("width", [NARROW, WIDE])
def test_overdue_is_always_in_sight_without_scrolling_sideways(
    qtbot, session: Session, crowded: dict[str, str], width: int
) -> None:
    page = page_for(qtbot, session)
    page.resize(width, 650)
    fitted(page.view)
    view = page.view
    row = page.model.row_of(crowded["late"])
    overdue = view.visualRect(page.model.index(row, Column.OVERDUE))
    assert overdue.width() >= 90
    assert view.viewport().rect().contains(overdue)
    # The overdue item is read in full: it takes a second line if it needs one.
    assert drawn_in_full(view, row, Column.OVERDUE)
    # Narrower and wider again: still fitted (a resize refits the columns).
    page.resize(width - 120, 650)
    fitted(view)
    page.resize(width + 200, 650)
    fitted(view)


def test_in_a_1000_px_main_window_overdue_is_in_sight(
    qtbot, paths: AppPaths, sample_path: Path, language: str
) -> None:
    """What the tester saw: the sample workspace in a 1000 × 650 window."""
    from planner.ui.main_window import MainWindow
    from tests.conftest import DEVICE
    from tests.ui.conftest import Confirm

    window = MainWindow(paths, Settings(paths.settings_file), DEVICE, confirm=Confirm())
    qtbot.addWidget(window)
    window.resize(1000, 650)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(sample_path)
    window.show_overview()  # Ctrl+6
    view = window.overview.view
    assert view.isVisible() and view.model().rowCount() > 0
    fitted(view)
    assert any(
        view.model().index(r, Column.OVERDUE).data(Role.CELL).entries
        for r in range(view.model().rowCount())
    )  # the sample has overdue items, and they are in sight
    for r in range(view.model().rowCount()):
        assert drawn_in_full(view, r, Column.OVERDUE)


def test_due_titles_get_the_width_they_need(
    qtbot, session: Session, crowded: dict[str, str]
) -> None:
    page = page_for(qtbot, session)
    page.resize(WIDE, 650)
    QApplication.processEvents()
    view = page.view
    for community in crowded.values():
        row = page.model.row_of(community)
        assert drawn_in_full(view, row, Column.NEXT), community
        assert drawn_in_full(view, row, Column.OVERDUE), community
    header = view.horizontalHeader()
    assert sum(header.sectionSize(c) for c in Column) == view.viewport().width()


def test_the_lists_share_the_width_by_what_they_need(
    qtbot, session: Session, busy: dict[str, str]
) -> None:
    page = page_for(qtbot, session)
    view = page.view
    needs = view.column_needs()
    assert needs.next_whole <= needs.next_full and needs.overdue_whole <= needs.overdue_full
    # One overdue item under its caption has two lines to spare: wrapped, it needs less.
    assert needs.overdue_whole < needs.overdue_full
    community = min(max(needs.community, COMMUNITY_MIN), COMMUNITY_MAX)
    progress = min(max(needs.progress, PROGRESS_MIN), PROGRESS_MAX)
    fixed = community + progress
    # Room for everything on one line: each list that and half of what is left.
    roomy = view.column_widths(fixed + needs.next_full + needs.overdue_full + 100)
    assert roomy == [community, progress, needs.next_full + 50, needs.overdue_full + 50]
    # Room for every title whole, not for one line each: whole first, then the rest
    # toward one line each.
    width = fixed + needs.next_whole + needs.overdue_whole + 10
    shared = view.column_widths(width)
    assert sum(shared) == width and shared[:2] == [community, progress]
    assert shared[Column.NEXT] >= needs.next_whole
    assert shared[Column.OVERDUE] >= needs.overdue_whole
    # Less than that: the progress gives up width first (“16/34” for “16 of 34
    # done”), then the community, down to their minimums.
    short = max(needs.progress_short, PROGRESS_MIN)
    comfort = min(LIST_COMFORT, needs.next_whole) + min(LIST_COMFORT, needs.overdue_whole)
    tight = view.column_widths(community + short + comfort)
    assert tight[:2] == [community, short]
    tighter = view.column_widths(COMMUNITY_MIN + short + comfort - 10)
    assert tighter[:2] == [COMMUNITY_MIN, short]
    for widths in (tight, tighter):
        assert widths[Column.NEXT] >= min(LIST_COMFORT, needs.next_whole) - 10
        assert widths[Column.OVERDUE] >= min(LIST_COMFORT, needs.overdue_whole) - 10
    # Very narrow: everything still adds up to the width.
    assert sum(view.column_widths(300)) == 300


def test_a_long_title_wraps_to_a_second_line_when_the_cell_has_one(qtbot) -> None:
    font = QApplication.font()
    fm = QFontMetrics(font)
    english = "Write the value the group brings its members"
    first, second = wrap_two(english, font, fm.horizontalAdvance(english) * 2 // 3)
    assert first and second and f"{first} {second}" == english  # broken at a space
    chinese = "每周把群精华整理成公众号文章，让新成员也能看到"
    first, second = wrap_two(chinese, font, fm.horizontalAdvance(chinese) * 2 // 3)
    assert first and second and first + second == chinese  # broken anywhere
    # Too long for two lines: the second is elided.
    first, second = wrap_two(english, font, fm.horizontalAdvance(english) // 3)
    assert english.startswith(first) and second.endswith("…")


# -- the keyboard ---------------------------------------------------------------------


# A popped-up menu grabs the keyboard, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
@pytest.mark.parametrize(
    "key, modifier",
    [
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_the_keyboard_reaches_due_and_overdue_items(
    qtbot, session: Session, busy: dict[str, str], key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    page = page_for(qtbot, session)
    view = page.view
    late = busy["late"]
    output = items(session, late, Stage.OUTPUT)
    view.setFocus()
    page.select(late)
    qtbot.keyClick(view, key, modifier)
    menu = view.context_menu
    assert menu is not None and menu.isVisible()
    # It opens by the row, not wherever the mouse happens to be.
    row_rect = view.visualRect(page.model.index(page.model.row_of(late), Column.COMMUNITY))
    top_left = view.viewport().mapToGlobal(row_rect.topLeft())
    assert row_rect.translated(top_left - row_rect.topLeft()).intersects(menu.geometry())
    assert [a.text() for a in menu.actions() if a.data()][0].startswith(f"Open “{output[1].title}”")
    # Down past “Open the community” (the headings are skipped) to the overdue item.
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is not None and menu.activeAction().data() == output[1].id
    with qtbot.waitSignal(page.checklist_item_activated) as signal:
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert signal.args == [late, output[1].id]
    assert not menu.isVisible()
    # And a next due item, from the keyboard again.
    qtbot.keyClick(view, key, modifier)
    menu = view.context_menu
    assert menu is not None and menu.isVisible()
    for _ in range(3):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.checklist_item_activated) as signal:
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert signal.args == [late, output[2].id]
    # Enter on the row opens the community.
    with qtbot.waitSignal(page.community_activated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert signal.args == [late]
    assert "Menu key" in page.hint.text()


def test_a_hidden_overview_reads_a_new_workspace_only_when_shown(
    qtbot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import planner.ui.overview_model as overview_model

    add(session, "深夜读书会")
    reads: list[int] = []
    real = overview_model.overview
    monkeypatch.setattr(
        overview_model, "overview", lambda *a, **k: reads.append(1) or real(*a, **k)
    )
    page = OverviewPage()
    qtbot.addWidget(page)
    page.set_session(session)
    assert reads == [] and page.model.rowCount() == 0  # hidden: nothing read yet
    page.show()
    qtbot.waitExposed(page)
    assert reads == [1]
    assert page.model.rowCount() == 1
