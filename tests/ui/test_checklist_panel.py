"""A community's checklist on its page, driven the way an operator drives it:
ticking with the mouse and the Space key, editing in the dialog, adding,
deleting, hiding, reordering by keyboard and by drag and drop, following an
item's link; every edit undoable and still there after the workspace is
closed and opened again. And the stage suggestion on the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from planner.checklist_library import builtin_items
from planner.checklists import (
    ChecklistItem,
    checklist,
    delete_item,
    get_item,
    set_done,
    set_hidden,
    update_item,
)
from planner.communities import Stage, create_community, get_community
from planner.paths import AppPaths
from planner.ui.checklist_item_dialog import ChecklistItemDialog
from planner.ui.checklist_model import ChecklistModel, ChecklistRole
from planner.ui.community_page import CommunityPage
from planner.ui.session import Session
from planner.ui.theme import dark_palette, light_palette
from planner.workspace import Workspace, create_workspace, open_workspace
from planner.workspace_library import add_library_item
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

READING = "深夜读书会"
TODAY = date.today()


class Sessions:
    """Opens the test workspace, and opens it again after closing it."""

    def __init__(self, path: Path, paths: AppPaths) -> None:
        self.path = path
        self.paths = paths
        self.open: list[Session] = []

    def __call__(self, *, read_only: bool = False) -> Session:
        ws = open_workspace(
            self.path, device_id=DEVICE, lock_dir=self.paths.lock_dir, read_only=read_only
        )
        session = Session(ws)
        self.open.append(session)
        return session

    def reopen(self, session: Session) -> Session:
        self.open.remove(session)
        session.close()
        return self()


@pytest.fixture
def community_id(tmp_path: Path, paths: AppPaths) -> str:
    ws = create_workspace(tmp_path / "plan.cplan", device_id=DEVICE, lock_dir=paths.lock_dir)
    new, _ = create_community(ws, {"name": READING, "stage": "structure", "owner": "Lily 李"})
    ws.close()
    return new


@pytest.fixture
def sessions(tmp_path: Path, paths: AppPaths, community_id: str) -> Iterator[Sessions]:
    opened = Sessions(tmp_path / "plan.cplan", paths)
    yield opened
    for session in opened.open:
        session.close()


@pytest.fixture
def session(sessions: Sessions) -> Session:
    return sessions()


@pytest.fixture
def confirm() -> Confirm:
    return Confirm()


def make_page(qtbot, session: Session, community_id: str, confirm: Confirm) -> CommunityPage:
    page = CommunityPage(session, confirm=confirm)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show_community(community_id)
    page.tabs.setCurrentWidget(page.checklist)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, session: Session, community_id: str, confirm: Confirm) -> CommunityPage:
    return make_page(qtbot, session, community_id, confirm)


def ws_of(page: CommunityPage) -> Workspace:
    assert page._session is not None
    return page._session.workspace


def shown(page: CommunityPage, stage: Stage) -> list[str]:
    """Titles shown under a stage, in order."""
    return [i.title for i in page.checklist.model.items(stage)]


def index_of(page: CommunityPage, item_id: str) -> QModelIndex:
    index = page.checklist.model.index_of(item_id)
    assert index.isValid(), f"{item_id} is not shown"
    page.checklist.view.scrollTo(index)
    return index


def click_control(qtbot, page: CommunityPage, index: QModelIndex, control: str) -> None:
    view = page.checklist.view
    view.scrollTo(index)
    rect = view.control_rect(index, control)
    assert not rect.isEmpty(), f"no {control} on that row"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def open_dialog(page: CommunityPage) -> ChecklistItemDialog:
    dialogs = [d for d in page.findChildren(ChecklistItemDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def item(page: CommunityPage, key: str) -> ChecklistItem:
    return next(i for i in page.checklist.model.all_items() if i.library_key == key)


# -- the model ---------------------------------------------------------------------------


def test_model_passes_model_tester(qtmodeltester, session: Session, community_id: str) -> None:
    model = ChecklistModel(session)
    qtmodeltester.check(model)  # empty: five headings, nothing under them
    assert model.rowCount() == 5
    model.set_community(community_id)
    qtmodeltester.check(model)
    first = checklist(session.workspace, community_id)[0]
    session.run(set_hidden, first.id, True)
    model.set_show_hidden(True)
    qtmodeltester.check(model)
    model.set_show_hidden(False)
    qtmodeltester.check(model)
    # The tester keeps watching through a tick (dataChanged) and a move (layoutChanged).
    second = model.items(Stage.BUILD)[0]
    assert model.setData(
        model.index_of(second.id), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert (
        model.index_of(second.id)
        .data(Qt.ItemDataRole.AccessibleTextRole)
        .endswith(f"done {TODAY.isoformat()}")
    )
    persistent = QPersistentModelIndex(model.index_of(second.id))
    assert model.move_by(second.id, 1)
    assert persistent.row() == 1 and model.item(persistent) == model.items(Stage.BUILD)[1]


def test_model_without_session_or_community(qtmodeltester) -> None:
    model = ChecklistModel()
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(5)] == [
        "1 Build",
        "2 Structure",
        "3 Output",
        "4 Operate",
        "5 Replicate",
    ]
    assert all(model.rowCount(model.index(r, 0)) == 0 for r in range(5))
    assert model.index(5, 0) == QModelIndex()
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_model_shows_the_library_by_stage(session: Session, community_id: str) -> None:
    model = ChecklistModel(session)
    model.set_community(community_id)
    for row, stage in enumerate(Stage):
        heading = model.index(row, 0)
        assert heading.data(ChecklistRole.IS_HEADING) is True
        assert heading.data(ChecklistRole.STAGE) == stage.value
        titles = [model.index(n, 0, heading).data() for n in range(model.rowCount(heading))]
        assert titles == [e.title_en for e in builtin_items(stage.value)]
        assert len(titles) >= 6
        assert heading.data(ChecklistRole.PROGRESS).total == len(titles)
        assert heading.data(ChecklistRole.CURRENT) is (stage is Stage.STRUCTURE)
    child = model.index(0, 0, model.index(0, 0))
    assert child.parent() == model.index(0, 0)
    assert child.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    flags = model.flags(child)
    assert flags & Qt.ItemFlag.ItemIsUserCheckable and flags & Qt.ItemFlag.ItemIsDragEnabled
    assert not flags & Qt.ItemFlag.ItemIsDropEnabled


def test_model_reads_chinese(session: Session, community_id: str) -> None:
    model = ChecklistModel(session, lang="zh")
    model.set_community(community_id)
    first = model.index(0, 0, model.index(0, 0))
    assert first.data() == builtin_items("build")[0].title_zh


def test_drop_on_another_stage_is_refused(session: Session, community_id: str) -> None:
    model = ChecklistModel(session)
    model.set_community(community_id)
    build_item = model.index(0, 0, model.stage_index(Stage.BUILD))
    data = model.mimeData([build_item])
    move = Qt.DropAction.MoveAction
    assert model.canDropMimeData(data, move, 0, 0, model.stage_index(Stage.BUILD))
    assert not model.canDropMimeData(data, move, 0, 0, model.stage_index(Stage.OUTPUT))
    assert not model.canDropMimeData(data, move, 0, 0, QModelIndex())
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, 0, 0, build_item.parent())
    assert not model.dropMimeData(data, move, 0, 0, model.stage_index(Stage.OUTPUT))


# -- ticking -------------------------------------------------------------------------------


def test_click_ticks_with_today_and_undo_unticks(
    qtbot, page: CommunityPage, sessions: Sessions, community_id: str
) -> None:
    target = item(page, "structure.platform")
    click_control(qtbot, page, index_of(page, target.id), "check")
    stored = get_item(ws_of(page), target.id)
    assert stored.done_on == TODAY
    index = index_of(page, target.id)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    heading = page.checklist.model.stage_index(Stage.STRUCTURE)
    assert heading.data(ChecklistRole.PROGRESS).done == 1
    assert page.stage_path.text(Stage.STRUCTURE).endswith(f"1/{len(shown(page, Stage.STRUCTURE))}")
    assert "1/" in page.tabs.tabText(page.tabs.indexOf(page.checklist))

    assert page._session is not None
    change = page._session.undo()
    assert change.action == "tick_checklist_item"
    assert get_item(ws_of(page), target.id).done_on is None
    assert index_of(page, target.id).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    page._session.redo()
    reopened = sessions.reopen(page._session)
    assert get_item(reopened.workspace, target.id).done_on == TODAY


def test_clicking_a_title_selects_without_ticking(qtbot, page: CommunityPage) -> None:
    target = item(page, "structure.roles")
    index = index_of(page, target.id)
    rect = page.checklist.view.visualRect(index)
    qtbot.mouseClick(page.checklist.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.checklist.current_item() == target
    assert get_item(ws_of(page), target.id).done_on is None


def test_space_ticks_and_unticks_the_current_item(qtbot, page: CommunityPage) -> None:
    target = item(page, "structure.joining")
    view = page.checklist.view
    view.setCurrentIndex(index_of(page, target.id))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert get_item(ws_of(page), target.id).done_on == TODAY
    assert page.checklist.current_item() is not None
    assert page.checklist.current_item().id == target.id  # selection stays on it
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert get_item(ws_of(page), target.id).done_on is None


# -- the item dialog -----------------------------------------------------------------------


def test_double_click_edits_an_item(qtbot, page: CommunityPage, sessions: Sessions) -> None:
    target = item(page, "structure.norms")
    view = page.checklist.view
    rect = view.visualRect(index_of(page, target.id))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = open_dialog(page)
    assert dialog.title.text() == target.title
    assert dialog.why.toPlainText() == target.why
    assert dialog.builtin_hint.isVisibleTo(dialog)
    assert not dialog.due_on.check.isChecked()
    dialog.note.setPlainText("群规草稿在共享文档里")
    dialog.assignee.setText("Lily 李")
    dialog.due_on.check.setChecked(True)
    due = TODAY + timedelta(days=10)
    dialog.due_on.edit.setDate(dialog.due_on.edit.date().addDays(10))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    stored = get_item(ws_of(page), target.id)
    assert (stored.note, stored.assignee, stored.due_on) == ("群规草稿在共享文档里", "Lily 李", due)
    # The built-in wording was left as it is: no copy stored, so it still follows the language.
    row = ws_of(page).get_row("checklist_items", target.id)
    assert row is not None and (row["title"], row["why"]) == ("", "")
    assert not stored.custom_text

    assert page._session is not None
    reopened = sessions.reopen(page._session)
    again = get_item(reopened.workspace, target.id, "zh")
    assert again.note == "群规草稿在共享文档里" and again.title != target.title  # in Chinese


def test_enter_opens_the_dialog_and_clearing_a_due_date(qtbot, page: CommunityPage) -> None:
    target = item(page, "structure.naming")
    assert page._session is not None
    page._session.run(update_item, target.id, {"due_on": TODAY})
    view = page.checklist.view
    view.setCurrentIndex(index_of(page, target.id))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = open_dialog(page)
    assert dialog.due_on.check.isChecked()
    dialog.due_on.check.setChecked(False)  # no due date
    dialog.done_on.check.setChecked(True)
    dialog.title.setText("Rename the group every school year")
    dialog.accept()
    stored = get_item(ws_of(page), target.id)
    assert stored.due_on is None and stored.done_on == TODAY
    assert stored.title == "Rename the group every school year" and stored.custom_text


def test_a_refused_value_keeps_the_dialog_open(qtbot, page: CommunityPage) -> None:
    dialog = page.checklist.add_item(Stage.OUTPUT)
    assert dialog is not None
    dialog.title.setText("   ")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog._errors.message("title") == "A checklist item needs a title."
    dialog.reject()


# -- adding, deleting, hiding ---------------------------------------------------------------


def test_add_a_custom_item_to_a_chosen_stage(
    qtbot, page: CommunityPage, sessions: Sessions, community_id: str
) -> None:
    qtbot.mouseClick(page.checklist.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(page)
    # The current stage is preselected; choose another.
    assert dialog.stage.currentData() == Stage.STRUCTURE.value
    dialog.stage.setCurrentIndex(dialog.stage.findData(Stage.OUTPUT.value))
    dialog.title.setText("每周五晚上共读直播")
    dialog.why.setPlainText("固定节奏，成员才会留出时间。")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert shown(page, Stage.OUTPUT)[-1] == "每周五晚上共读直播"
    current = page.checklist.current_item()
    assert current is not None and current.title == "每周五晚上共读直播"  # selected

    assert page._session is not None
    reopened = sessions.reopen(page._session)
    items = [i for i in checklist(reopened.workspace, community_id) if i.stage is Stage.OUTPUT]
    assert items[-1].title == "每周五晚上共读直播"
    assert items[-1].why == "固定节奏，成员才会留出时间。" and items[-1].library_key == ""


def test_a_headings_add_link_adds_to_that_stage(qtbot, page: CommunityPage) -> None:
    heading = page.checklist.model.stage_index(Stage.REPLICATE)
    click_control(qtbot, page, heading, "add")
    dialog = open_dialog(page)
    assert dialog.stage.currentData() == Stage.REPLICATE.value
    dialog.title.setText("Open a second group for the waiting list")
    dialog.accept()
    assert shown(page, Stage.REPLICATE)[-1] == "Open a second group for the waiting list"


def test_delete_asks_first_and_undo_brings_it_back(
    qtbot, page: CommunityPage, confirm: Confirm
) -> None:
    target = item(page, "structure.roles")
    view = page.checklist.view
    view.setCurrentIndex(index_of(page, target.id))
    view.setFocus()
    confirm.answer = False
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert confirm.questions and target.title in confirm.questions[-1]
    assert target.title in shown(page, Stage.STRUCTURE)

    confirm.answer = True
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert target.title not in shown(page, Stage.STRUCTURE)
    following = page.checklist.current_item()
    assert following is not None and following.stage is Stage.STRUCTURE  # the next one
    assert page._session is not None
    page._session.undo()
    assert target.title in shown(page, Stage.STRUCTURE)


def test_hide_and_show_hidden_items(qtbot, page: CommunityPage, sessions: Sessions) -> None:
    target = item(page, "structure.naming")
    panel = page.checklist
    panel.view.setCurrentIndex(index_of(page, target.id))
    assert not panel.show_hidden.isVisible()
    panel.hide_action.trigger()
    assert target.title not in shown(page, Stage.STRUCTURE)
    assert get_item(ws_of(page), target.id).hidden
    structure = page.checklist.model.stage_index(Stage.STRUCTURE)
    assert structure.data(ChecklistRole.PROGRESS).total == len(shown(page, Stage.STRUCTURE))
    assert panel.show_hidden.isVisible() and "(1)" in panel.show_hidden.text()

    qtbot.mouseClick(panel.show_hidden, Qt.MouseButton.LeftButton)
    assert target.title in shown(page, Stage.STRUCTURE)  # shown again, greyed
    panel.view.setCurrentIndex(index_of(page, target.id))
    assert panel.hide_action.text() == "&Show again"
    panel.hide_action.trigger()
    assert not get_item(ws_of(page), target.id).hidden

    panel.hide_action.trigger()
    assert page._session is not None
    reopened = sessions.reopen(page._session)
    assert get_item(reopened.workspace, target.id).hidden


# -- reordering -------------------------------------------------------------------------------


def test_alt_arrows_reorder_within_the_stage(
    qtbot, page: CommunityPage, sessions: Sessions, community_id: str
) -> None:
    before = shown(page, Stage.STRUCTURE)
    view = page.checklist.view
    second = page.checklist.model.items(Stage.STRUCTURE)[1]
    view.setCurrentIndex(index_of(page, second.id))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    expected = before[:1] + before[2:4] + [before[1]] + before[4:]
    assert shown(page, Stage.STRUCTURE) == expected
    current = page.checklist.current_item()
    assert current is not None and current.id == second.id  # the selection moved with it
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert shown(page, Stage.STRUCTURE) == before[:1] + [before[2], before[1]] + before[3:]

    # The first item cannot go up, the last cannot go down, and a stage is never left.
    first = page.checklist.model.items(Stage.STRUCTURE)[0]
    view.setCurrentIndex(index_of(page, first.id))
    assert not page.checklist.up_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert shown(page, Stage.STRUCTURE)[0] == first.title

    assert page._session is not None
    page._session.undo()
    assert shown(page, Stage.STRUCTURE) == expected
    reopened = sessions.reopen(page._session)
    stored = [i.title for i in checklist(reopened.workspace, community_id)]
    structure = [t for t in stored if t in before]
    assert structure == expected


def test_reorder_skips_hidden_items_but_keeps_them(qtbot, page: CommunityPage) -> None:
    model = page.checklist.model
    items = model.items(Stage.STRUCTURE)
    assert page._session is not None
    page._session.run(set_hidden, items[1].id, True)
    # Shown: 0, 2, 3...; moving 2 up puts it before 0.
    model.move_by(items[2].id, -1)
    full = [i.id for i in model.all_items() if i.stage is Stage.STRUCTURE]
    assert full[:3] == [items[2].id, items[0].id, items[1].id]


def drag(view: QWidget, data: QMimeData, pos: QPoint) -> bool:
    """Drag ``data`` over the viewport to ``pos`` and drop it there, the events a real
    drag sends (a test cannot run QDrag's own event loop); True if the drop was taken."""
    args = (
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, QDragEnterEvent(pos, *args))
    move = QDragMoveEvent(pos, *args)
    QApplication.sendEvent(view, move)
    if not move.isAccepted():
        QApplication.sendEvent(view, QDragLeaveEvent())
        return False
    drop = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(view, drop)
    return drop.isAccepted()


def test_drag_and_drop_moves_an_item_within_its_stage(
    qtbot, page: CommunityPage, sessions: Sessions, community_id: str
) -> None:
    model = page.checklist.model
    view = page.checklist.view
    before = model.items(Stage.STRUCTURE)
    data = model.mimeData([model.index_of(before[4].id)])
    rect = view.visualRect(index_of(page, before[1].id))
    # Just inside the top edge of the second item: dropped above it.
    assert drag(view.viewport(), data, QPoint(rect.center().x(), rect.top() + 2))
    expected = [before[0].id, before[4].id] + [i.id for i in before[1:4]]
    expected += [i.id for i in before[5:]]
    assert [i.id for i in model.items(Stage.STRUCTURE)] == expected
    assert page._session is not None
    assert page._session.workspace.history.next_undo().action == "move_checklist_item"

    # Dragged into another stage: refused, nothing moves.
    rect = view.visualRect(index_of(page, model.items(Stage.OUTPUT)[1].id))
    data = model.mimeData([model.index_of(before[0].id)])
    assert not drag(view.viewport(), data, QPoint(rect.center().x(), rect.top() + 2))
    assert [i.id for i in model.items(Stage.STRUCTURE)] == expected

    reopened = sessions.reopen(page._session)
    stored = [
        i.id for i in checklist(reopened.workspace, community_id) if i.stage is Stage.STRUCTURE
    ]
    assert stored == expected


# -- links, signals, showing an item ------------------------------------------------------------


def test_links_go_where_the_item_gets_done(qtbot, page: CommunityPage, community_id: str) -> None:
    interest = item(page, "build.interest")
    assert interest.action == "community:common_interest"
    click_control(qtbot, page, index_of(page, interest.id), "link")
    assert page.tabs.currentWidget() is page.profile
    qtbot.waitUntil(page.common_interest.hasFocus)

    page.tabs.setCurrentWidget(page.checklist)
    by_action = {i.action: i for i in page.checklist.model.all_items() if i.action}
    signals = {
        "calendar": page.open_calendar_requested,
        "templates": page.open_templates_requested,
        "replicate": page.replicate_requested,
    }
    for action, signal in signals.items():
        target = by_action[action]
        with qtbot.waitSignal(signal) as blocker:
            click_control(qtbot, page, index_of(page, target.id), "link")
        assert blocker.args == [community_id]
    # A row without a link has none to click.
    plain = next(i for i in page.checklist.model.all_items() if not i.action)
    assert page.checklist.view.control_rect(index_of(page, plain.id), "link").isEmpty()


def test_replicate_button_and_context_menu_link(
    qtbot, page: CommunityPage, community_id: str
) -> None:
    with qtbot.waitSignal(page.replicate_requested) as blocker:
        qtbot.mouseClick(page.replicate_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [community_id]
    calendar_item = next(i for i in page.checklist.model.all_items() if i.action == "calendar")
    page.checklist.view.setCurrentIndex(index_of(page, calendar_item.id))
    assert page.checklist.go_action.isVisible()
    with qtbot.waitSignal(page.open_calendar_requested):
        page.checklist.go_action.trigger()


def test_show_checklist_item_selects_it(qtbot, page: CommunityPage) -> None:
    page.tabs.setCurrentWidget(page.profile)
    target = page.checklist.model.items(Stage.REPLICATE)[-1]
    page.show_checklist_item(target.id)
    assert page.tabs.currentWidget() is page.checklist
    current = page.checklist.current_item()
    assert current is not None and current.id == target.id
    view = page.checklist.view
    assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))

    # A hidden item is shown by showing hidden items.
    hidden = page.checklist.model.items(Stage.BUILD)[0]
    assert page._session is not None
    page._session.run(set_hidden, hidden.id, True)
    page.show_checklist_item(hidden.id)
    assert page.checklist.show_hidden.isChecked()
    current = page.checklist.current_item()
    assert current is not None and current.id == hidden.id


# -- the library, an empty checklist, read-only --------------------------------------------------


def test_new_library_items_can_be_added(qtbot, page: CommunityPage) -> None:
    panel = page.checklist
    assert not panel.library_button.isVisible()
    assert page._session is not None
    page._session.run(add_library_item, Stage.OPERATE, "Thank the ten most active members")
    assert panel.library_button.isVisible()
    assert panel.library_button.text() == "Add 1 from the library"
    qtbot.mouseClick(panel.library_button, Qt.MouseButton.LeftButton)
    assert shown(page, Stage.OPERATE)[-1] == "Thank the ten most active members"
    assert not panel.library_button.isVisible()


def test_an_empty_checklist_says_what_to_do(qtbot, sessions: Sessions, confirm: Confirm) -> None:
    session = sessions()
    bare, _ = session.run(create_community, {"name": "空群"})
    for entry in checklist(session.workspace, bare):
        session.run(delete_item, entry.id)
    page = make_page(qtbot, session, bare, confirm)
    panel = page.checklist
    assert panel.stack.currentWidget() is not panel.view
    assert "empty" in panel.empty_text.text()
    qtbot.mouseClick(panel.empty_add, Qt.MouseButton.LeftButton)
    dialog = open_dialog(page)
    dialog.title.setText("找二十位种子成员")
    dialog.accept()
    assert panel.stack.currentWidget() is panel.view
    assert shown(page, Stage.BUILD) == ["找二十位种子成员"]


def test_a_community_without_a_checklist_gets_the_library(
    qtbot, sessions: Sessions, confirm: Confirm
) -> None:
    session = sessions()
    bare, _ = session.run(lambda ws: create_community(ws, {"name": "空群"}, checklist=False))
    page = make_page(qtbot, session, bare, confirm)
    panel = page.checklist
    assert panel.stack.currentWidget() is not panel.view
    assert "no checklist yet" in panel.empty_text.text()
    assert panel.empty_library.isVisible()
    qtbot.mouseClick(panel.empty_library, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is panel.view
    assert len(panel.model.all_items()) == len(checklist(session.workspace, bare)) >= 30


def test_read_only_shows_everything_and_changes_nothing(
    qtbot, sessions: Sessions, community_id: str, confirm: Confirm
) -> None:
    writer = sessions()
    first = checklist(writer.workspace, community_id)[0]
    writer.run(set_done, first.id, True)
    sessions.open.remove(writer)
    writer.close()
    session = sessions(read_only=True)
    assert session.read_only
    page = make_page(qtbot, session, community_id, confirm)
    panel = page.checklist
    assert len(panel.model.all_items()) == len(checklist(session.workspace, community_id))
    target = panel.model.items(Stage.STRUCTURE)[0]
    index = index_of(page, target.id)
    assert not panel.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert panel.view.control_rect(panel.model.stage_index(Stage.BUILD), "add").isEmpty()
    click_control(qtbot, page, index, "check")
    panel.view.setCurrentIndex(index)
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert not confirm.questions
    assert get_item(session.workspace, target.id).done_on is None
    assert not panel.add_button.isEnabled()
    assert not page.replicate_button.isEnabled()
    assert not panel.delete_action.isEnabled() and not panel.hide_action.isEnabled()
    # Details open for reading only.
    panel.view.setCurrentIndex(index_of(page, first.id))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    dialog = open_dialog(page)
    assert dialog.title.isReadOnly() and dialog.note.isReadOnly()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert dialog.done_on.value() == TODAY
    dialog.accept()


# -- the stage suggestion --------------------------------------------------------------------------


def tick_stage(session: Session, community_id: str, stage: Stage) -> None:
    for entry in checklist(session.workspace, community_id):
        if entry.stage is stage and not entry.done and not entry.hidden:
            session.run(set_done, entry.id, True)


def test_a_done_stage_suggests_the_next(qtbot, page: CommunityPage, community_id: str) -> None:
    assert page._session is not None
    session = page._session
    assert not page.suggestion.isVisible()
    tick_stage(session, community_id, Stage.STRUCTURE)
    assert page.suggestion.isVisible()
    assert page.suggestion.text.text() == f"Every Structure item is done. Move {READING} to Output?"
    assert page.suggestion.move_button.text() == "Move to Output"

    qtbot.mouseClick(page.suggestion.move_button, Qt.MouseButton.LeftButton)
    assert get_community(session.workspace, community_id).stage is Stage.OUTPUT
    assert not page.suggestion.isVisible()
    assert page.stage.currentData() == "output"
    assert page.checklist.model.stage_index(Stage.OUTPUT).data(ChecklistRole.CURRENT)

    change = session.undo()  # one step: back to Structure, and the suggestion returns
    assert change.action == "move_stage"
    assert get_community(session.workspace, community_id).stage is Stage.STRUCTURE
    assert page.suggestion.isVisible()


def test_not_now_waits_until_progress_changes(
    qtbot, page: CommunityPage, community_id: str
) -> None:
    assert page._session is not None
    session = page._session
    tick_stage(session, community_id, Stage.STRUCTURE)
    qtbot.mouseClick(page.suggestion.later_button, Qt.MouseButton.LeftButton)
    assert not page.suggestion.isVisible()
    page.show_community(community_id)
    assert not page.suggestion.isVisible()  # still put off
    last = next(i for i in checklist(session.workspace, community_id) if i.stage is Stage.STRUCTURE)
    session.run(set_done, last.id, False)
    assert not page.suggestion.isVisible()  # not complete
    session.run(set_done, last.id, True)
    assert page.suggestion.isVisible()  # progress changed: asked again


def test_moving_on_saves_typing_first(qtbot, page: CommunityPage, community_id: str) -> None:
    assert page._session is not None
    session = page._session
    tick_stage(session, community_id, Stage.STRUCTURE)
    page.tabs.setCurrentWidget(page.profile)
    page.owner.setFocus()
    page.owner.clear()
    qtbot.keyClicks(page.owner, "Kevin")
    assert page.dirty
    page.suggestion.move_button.click()
    stored = get_community(session.workspace, community_id)
    assert (stored.owner, stored.stage) == ("Kevin", Stage.OUTPUT)
    assert not page.dirty


# -- reordering at a stage's edge ------------------------------------------------------------------


def test_alt_arrows_at_a_stage_edge_move_nothing(qtbot, page: CommunityPage) -> None:
    panel = page.checklist
    view = panel.view
    assert page._session is not None
    history = page._session.workspace.history
    before = [i.id for i in panel.model.all_items()]
    last_edit = history.next_undo()
    first = panel.model.items(Stage.STRUCTURE)[0]
    last = panel.model.items(Stage.STRUCTURE)[-1]
    for target, key in ((first, Qt.Key.Key_Up), (last, Qt.Key.Key_Down)):
        view.setCurrentIndex(index_of(page, target.id))
        view.setFocus()
        for _ in range(3):  # pressed again and again: nothing else moves either
            qtbot.keyClick(view, key, Qt.KeyboardModifier.AltModifier)
            current = panel.current_item()
            assert current is not None and current.id == target.id  # not on the heading
    assert [i.id for i in panel.model.all_items()] == before
    assert history.next_undo() is last_edit  # no move was made


# -- how the check boxes look ----------------------------------------------------------------------


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = channel(color.redF()), channel(color.greenF()), channel(color.blueF())
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def edge_contrast(image: QImage, box: QRect, background: QColor) -> float:
    """How strongly the outline of an (unticked) box stands out from ``background``:
    the best contrast found on its left and top edges."""
    ratio = 1.0
    for step in range(-1, 3):
        for x, y in ((box.left() + step, box.center().y()), (box.center().x(), box.top() + step)):
            if image.rect().contains(x, y):
                ratio = max(ratio, contrast(image.pixelColor(x, y), background))
    return ratio


def view_box_contrast(page: CommunityPage, target: ChecklistItem) -> float:
    view = page.checklist.view
    index = index_of(page, target.id)
    box = view.control_rect(index, "check").adjusted(4, 4, -4, -4)
    image = view.viewport().grab().toImage()
    return edge_contrast(image, box, view.viewport().palette().color(QPalette.ColorRole.Base))


def check_box_contrast(check: QCheckBox) -> float:
    option = QStyleOptionButton()
    check.initStyleOption(option)
    box = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, check)
    image = check.grab().toImage()
    return edge_contrast(image, box, check.palette().color(QPalette.ColorRole.Window))


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_unticked_boxes_stand_out_in_light_and_dark(
    qtbot, page: CommunityPage, palette: type[QPalette]
) -> None:
    page.setPalette(palette())
    target = page.checklist.model.items(Stage.OUTPUT)[1]  # not ticked, not selected
    assert not target.done and page.checklist.current_item() != target
    assert view_box_contrast(page, target) >= 3.0  # WCAG's minimum for a control's edge

    dialog = page.checklist.edit_item(target.id)
    assert dialog is not None
    dialog.setPalette(palette())
    assert not dialog.done_on.check.isChecked()
    assert check_box_contrast(dialog.done_on.check) >= 3.0
    dialog.reject()


def test_read_only_boxes_look_disabled(
    qtbot, sessions: Sessions, community_id: str, confirm: Confirm
) -> None:
    session = sessions(read_only=True)
    page = make_page(qtbot, session, community_id, confirm)
    target = page.checklist.model.items(Stage.OUTPUT)[1]
    read_only = view_box_contrast(page, target)
    page.checklist.view.set_editable(True)  # how the same box looks when it can be ticked
    assert read_only < view_box_contrast(page, target) - 0.5


# -- the checklist in a small window --------------------------------------------------------------


def test_the_top_row_fits_a_small_window(
    qtbot, session: Session, community_id: str, confirm: Confirm
) -> None:
    session.run(add_library_item, Stage.OUTPUT, "Run a monthly AMA")
    session.run(add_library_item, Stage.OUTPUT, "Share a weekly digest")
    for entry in checklist(session.workspace, community_id)[:2]:
        session.run(set_hidden, entry.id, True)
    page = make_page(qtbot, session, community_id, confirm)
    page.resize(740, 560)  # the community page in a 1000 x 650 window
    QApplication.processEvents()
    assert page.width() == 740  # not held wider by what it has to show
    panel = page.checklist
    buttons: list[QAbstractButton] = [panel.library_button, panel.show_hidden, panel.add_button]
    row: list[QWidget] = [panel.bar, panel.summary, *buttons]
    assert all(widget.isVisible() for widget in row)
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), f"{button.text()} is cut"
    for left, right in zip(row, row[1:], strict=False):
        assert left.geometry().right() < right.geometry().left()
    assert row[-1].geometry().right() < panel.width()
    assert "2" in panel.library_button.text() and "2" in panel.show_hidden.text()
    assert "2" in panel.library_button.toolTip()
    # One line of help at the bottom leaves the list the room.
    assert panel.hint.height() < 2 * panel.hint.fontMetrics().height()


# -- clicking a box -------------------------------------------------------------------------------


def test_clicking_a_box_selects_its_row(qtbot, page: CommunityPage) -> None:
    panel = page.checklist
    view = panel.view
    other = item(page, "structure.roles")
    target = item(page, "structure.joining")
    view.setCurrentIndex(index_of(page, other.id))
    view.setFocus()
    click_control(qtbot, page, index_of(page, target.id), "check")
    assert get_item(ws_of(page), target.id).done_on == TODAY
    current = panel.current_item()
    assert current is not None and current.id == target.id
    qtbot.keyClick(view, Qt.Key.Key_Space)  # Space now works on the row clicked
    assert get_item(ws_of(page), target.id).done_on is None
    assert get_item(ws_of(page), other.id).done_on is None


# -- the stage suggestion, read-only, the dialog, the library: details -----------------------------


def test_moving_on_shows_the_new_stage_in_the_checklist(
    qtbot, page: CommunityPage, community_id: str
) -> None:
    assert page._session is not None
    tick_stage(page._session, community_id, Stage.STRUCTURE)
    view = page.checklist.view
    view.setFocus()
    qtbot.mouseClick(page.suggestion.move_button, Qt.MouseButton.LeftButton)
    heading = page.checklist.model.stage_index(Stage.OUTPUT)
    assert view.currentIndex() == heading
    assert view.visualRect(heading).top() == 0  # scrolled to the top of the list
    qtbot.waitUntil(view.hasFocus)


def test_read_only_suggests_no_stage_move(
    qtbot, sessions: Sessions, community_id: str, confirm: Confirm
) -> None:
    writer = sessions()
    tick_stage(writer, community_id, Stage.STRUCTURE)
    sessions.open.remove(writer)
    writer.close()
    page = make_page(qtbot, sessions(read_only=True), community_id, confirm)
    assert not page.suggestion.isVisible()


def test_the_item_dialog_names_each_date_once(qtbot, page: CommunityPage) -> None:
    target = item(page, "structure.naming")
    dialog = page.checklist.edit_item(target.id)
    assert dialog is not None
    words = [
        w.text().replace("&", "").casefold()
        for w in dialog.findChildren(QLabel) + dialog.findChildren(QCheckBox)
        if w.isVisibleTo(dialog) and w.text()
    ]
    assert len([w for w in words if w.startswith("due")]) == 1, words
    assert len([w for w in words if w.startswith("done")]) == 1, words
    dialog.reject()


def test_a_done_date_cannot_be_in_the_future(qtbot, page: CommunityPage) -> None:
    target = item(page, "structure.naming")
    dialog = page.checklist.edit_item(target.id)
    assert dialog is not None
    dialog.done_on.check.setChecked(True)
    dialog.done_on.edit.setDate(dialog.done_on.edit.date().addDays(30))
    assert dialog.done_on.value() == TODAY
    assert "future" in dialog.done_on.edit.toolTip()
    dialog.accept()
    assert get_item(ws_of(page), target.id).done_on == TODAY


def test_adding_from_the_library_says_so_and_shows_the_first(qtbot, page: CommunityPage) -> None:
    panel = page.checklist
    assert page._session is not None
    page._session.run(add_library_item, Stage.OPERATE, "Thank the ten most active members")
    page._session.run(add_library_item, Stage.REPLICATE, "Write down what did not work")
    assert panel.library_button.text() == "Add 2 from the library"
    with qtbot.waitSignal(page.message) as blocker:
        qtbot.mouseClick(panel.library_button, Qt.MouseButton.LeftButton)
    assert "2" in blocker.args[0]
    current = panel.current_item()
    assert current is not None and current.title == "Thank the ten most active members"
    view = panel.view
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()))
