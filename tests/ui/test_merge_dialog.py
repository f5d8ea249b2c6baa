"""The merge dialog: what a teammate's copy brings, and a choice per record both changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QWidget

from planner.calendar import create_item, find_occurrence, get_item, update_occurrence
from planner.checklist_library import BY_KEY
from planner.checklists import checklist, update_item
from planner.checklists import get_item as get_checklist_item
from planner.communities import (
    create_community,
    delete_community,
    get_community,
    update_community,
)
from planner.merge import MergePlan
from planner.merge_apply import apply_merge
from planner.merge_file import prepare_merge
from planner.paths import AppPaths
from planner.snapshot import write_snapshot
from planner.ui.locale_text import ui_language
from planner.ui.merge_dialog import MergeDialog, who_text
from planner.ui.merge_model import ConflictModel, ConflictRole, FieldModel
from planner.ui.merge_words import MINE, THEIRS, RecordNames, field_label, one_line, value_text
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

TEAMMATE = "00000000-0000-4000-8000-000000000002"
MY_NOTES = "Renewals in December; plan the members' event a month ahead."
THEIR_NOTES = "Renewals start in November.\nAsk 王芳 for the venue."


def teammate_copy(
    ws: Workspace,
    folder: Path,
    lock_dir: Path,
    edit: Callable[[Workspace], None],
    label: str = "王芳@laptop",
) -> Path:
    """Share ``ws``, let a teammate ``edit`` the copy, and return the copy they send back."""
    shared = folder / "shared.cplan"
    back = folder / "theirs.cplan"
    write_snapshot(ws, shared, device_id=DEVICE, device_label="me@desk")
    theirs = open_workspace(shared, device_id=TEAMMATE, lock_dir=lock_dir)
    try:
        edit(theirs)
        write_snapshot(theirs, back, device_id=TEAMMATE, device_label=label)
    finally:
        theirs.close()
    return back


@dataclass
class Case:
    ws: Workspace
    plan: MergePlan
    names: dict[str, str]
    club: str  # both changed it: notes, owner, members
    parents: str  # we changed its notes, they deleted it
    item: str  # a calendar item both retitled
    task: str  # a checklist item both assigned


@pytest.fixture
def case(workspace: Workspace, tmp_path: Path, paths: AppPaths) -> Case:
    ws = workspace
    club, _ = create_community(ws, {"name": "深夜读书会", "owner": "王芳", "notes": "Renewals."})
    notion, _ = create_community(ws, {"name": "Notion 用户群"})
    parents, _ = create_community(ws, {"name": "初二（3）班家长群"})
    item, _ = create_item(
        ws,
        {
            "community_id": club,
            "kind": "content",
            "item_type": "other",
            "title": "Weekly digest",
            "start": datetime(2026, 3, 10, 9),
            "end": datetime(2026, 3, 10, 10),
            "tz": "Asia/Shanghai",
        },
    )
    task = checklist(ws, club)[0].id

    def theirs(them: Workspace) -> None:
        update_community(them, club, {"notes": THEIR_NOTES, "member_count": 120})
        update_occurrence(
            them,
            find_occurrence(them, (item, "")),
            {"title": "Weekly digest 周报", "location": "Zoom"},
        )
        update_item(them, task, {"assignee": "王芳"})
        delete_community(them, parents)
        update_community(them, notion, {"notes": "Tuesday topics."})
        create_community(them, {"name": "Growth 增长群"})

    copy = teammate_copy(ws, tmp_path, paths.lock_dir, theirs)
    update_community(ws, club, {"notes": MY_NOTES, "owner": "李雷"})
    update_occurrence(ws, find_occurrence(ws, (item, "")), {"title": "Weekly digest (mine)"})
    update_item(ws, task, {"assignee": "李雷"})
    update_community(ws, parents, {"notes": "Parents' meeting moved to Friday."})
    plan = prepare_merge(ws, copy)
    names = {club: "深夜读书会", notion: "Notion 用户群", parents: "初二（3）班家长群"}
    return Case(ws, plan, names, club, parents, item, task)


@pytest.fixture
def dialog(qtbot, case: Case) -> MergeDialog:
    d = MergeDialog(case.plan, community_names=case.names)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def select(dialog: MergeDialog, key: tuple[str, str]) -> int:
    row = dialog.conflicts.row_of(key)
    assert row >= 0
    dialog.conflict_list.setCurrentIndex(dialog.conflicts.index(row, 0))
    return row


def field_row(dialog: MergeDialog, field: str) -> int:
    for row in range(dialog.fields.rowCount()):
        if dialog.fields.field(row) == field:
            return row
    raise AssertionError(f"{field} is not in conflict")


def click_cell(qtbot, dialog: MergeDialog, row: int, column: int) -> None:
    table = dialog.field_table
    rect = table.visualRect(dialog.fields.index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def state(dialog: MergeDialog, row: int) -> str:
    return str(dialog.conflicts.index(row, 0).data(ConflictRole.STATE))


def test_the_models_pass_the_model_tester(qtmodeltester, case: Case) -> None:
    conflicts = ConflictModel(case.plan.conflicts, RecordNames(case.plan, case.names))
    qtmodeltester.check(conflicts)
    fields = FieldModel(conflicts)
    qtmodeltester.check(fields)  # no conflict shown
    for row in range(conflicts.rowCount()):
        fields.set_conflict(row)
        qtmodeltester.check(fields)
        conflicts.take_theirs(row)
        qtmodeltester.check(fields)
    qtmodeltester.check(ConflictModel([]))
    assert fields.headerData(1, Qt.Orientation.Horizontal) == "Mine"


def test_records_are_named_as_the_operator_knows_them(case: Case) -> None:
    model = ConflictModel(case.plan.conflicts, RecordNames(case.plan, case.names))
    labels = {model.conflict(r).key: model.label(r) for r in range(model.rowCount())}
    builtin = BY_KEY[checklist(case.ws, case.club)[0].library_key].title(ui_language())
    assert labels == {
        ("communities", case.club): "深夜读书会",
        ("communities", case.parents): "初二（3）班家长群",
        ("calendar_items", case.item): "Weekly digest (mine) · 2026-03-10 · 深夜读书会",
        ("checklist_items", case.task): f"{builtin} · 深夜读书会",
    }
    # By kind (communities first), then by name.
    assert [model.conflict(r).table for r in range(4)] == [
        "communities",
        "communities",
        "calendar_items",
        "checklist_items",
    ]
    kinds = {model.index(r, 0).data(ConflictRole.KIND) for r in range(4)}
    assert kinds == {"Community", "Calendar item", "Checklist item"}


def test_fields_and_values_in_words() -> None:
    names = RecordNames(community_names={"c1": "读书会"})
    assert field_label("common_interest") == "Common interest"
    assert field_label("starts_at") == "Starts"
    assert field_label("deleted") == "In the trash"
    assert field_label("some_new_column") == "Some new column"
    assert value_text("communities", "deleted", 1, names) == "Deleted"
    assert value_text("communities", "deleted", 0, names) == "Kept"
    assert value_text("calendar_items", "all_day", 1, names) == "Yes"
    assert value_text("checklist_items", "hidden", 0, names) == "No"
    assert value_text("communities", "notes", "", names) == "(empty)"
    assert value_text("calendar_items", "planned_revenue", None, names) == "(empty)"
    assert value_text("calendar_items", "planned_revenue", 1200.0, names) == "1200"
    assert (
        value_text("calendar_items", "starts_at", "2026-03-10T09:00", names) == "2026-03-10 09:00"
    )
    assert value_text("calendar_items", "community_id", "c1", names) == "读书会"
    assert value_text("communities", "platform", "wechat", names) == "WeChat"
    assert value_text("communities", "stage", "build", names) == "Build"
    assert value_text("communities", "built_around", "", names) == "Not decided yet"
    assert value_text("calendar_items", "status", "done", names) == "Done"
    assert value_text("calendar_items", "rrule", "FREQ=WEEKLY;BYDAY=TU", names) == (
        "Every week on Tuesday"
    )
    assert value_text("community_templates", "template_ref", "builtin:早安", names) == "早安"
    long = "很长的备注。" * 100 + "\nsecond line"
    assert one_line("a\nb") == "a ⏎ b"
    assert len(one_line(long)) == 200 and one_line(long).endswith("…")


def test_summary_names_the_teammate_and_breaks_down_by_kind(
    dialog: MergeDialog, case: Case
) -> None:
    # Their new community came with its checklist.
    tasks = case.plan.counts()["checklist_items"].added
    assert tasks == len(checklist(case.ws, case.club))
    assert dialog.summary.text() == (
        f"王芳@laptop's copy brings {tasks + 1} added, 1 changed · 4 records changed on both sides"
    )
    breakdown = dialog.breakdown.text()
    assert "<b>Communities</b>: 1 added, 1 changed, 2 on both sides" in breakdown
    assert "<b>Calendar items</b>: 1 on both sides" in breakdown
    assert f"<b>Checklist items</b>: {tasks} added, 1 on both sides" in breakdown
    assert "calendar_items" not in breakdown
    assert dialog.hint.isVisible() and "your version is kept" in dialog.hint.text()
    assert "theirs.cplan" in dialog.windowTitle()


def test_an_unknown_device_is_your_teammate(case: Case) -> None:
    case.plan.devices = []
    assert who_text(case.plan) == "Your teammate"
    case.plan.devices = [(TEAMMATE, "王芳@laptop", 1), ("x", "李雷@pc", 1)]
    assert who_text(case.plan) == "王芳@laptop"  # only her rows are brought


def test_every_record_keeps_mine_at_first(dialog: MergeDialog, case: Case) -> None:
    assert dialog.panel.isVisible()
    assert dialog.conflicts.rowCount() == 4
    assert all(state(dialog, r) == "Keep mine" for r in range(4))
    assert all(fields == () for fields in dialog.choices().values())
    assert set(dialog.choices()) == {c.key for c in case.plan.conflicts}
    assert dialog.current_row() == 0  # the first record is shown
    assert dialog.fields.rowCount() > 0
    assert QApplication.focusWidget() is dialog.conflict_list


def test_choose_fields_by_clicking(qtbot, dialog: MergeDialog, case: Case) -> None:
    row = select(dialog, ("communities", case.club))
    assert dialog.record_title.text() == "深夜读书会"
    assert set(dialog.fields._fields) == {"member_count", "owner", "notes"}
    notes = field_row(dialog, "notes")
    theirs = dialog.fields.index(notes, FieldModel.THEIRS_COLUMN)
    assert theirs.data() == one_line(THEIR_NOTES)
    assert theirs.data(Qt.ItemDataRole.ToolTipRole) == THEIR_NOTES
    assert theirs.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    click_cell(qtbot, dialog, notes, FieldModel.THEIRS_COLUMN)
    assert dialog.choices()[("communities", case.club)] == ("notes",)
    assert theirs.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert state(dialog, row) == "Mixed"
    assert "1 taking theirs" in dialog.list_title.text()
    # The full texts of the field clicked, side by side.
    assert dialog.theirs_text.toPlainText() == THEIR_NOTES
    assert dialog.mine_text.toPlainText() == MY_NOTES
    assert dialog.mine_caption.text() == "Notes — mine"

    click_cell(qtbot, dialog, notes, FieldModel.THEIRS_COLUMN)  # a second click keeps it
    assert dialog.choices()[("communities", case.club)] == ("notes",)
    click_cell(qtbot, dialog, notes, FieldModel.MINE_COLUMN)
    assert dialog.choices()[("communities", case.club)] == ()
    assert state(dialog, row) == "Keep mine"
    click_cell(qtbot, dialog, notes, FieldModel.FIELD)  # the field's name only selects it
    assert dialog.choices()[("communities", case.club)] == ()


def test_choose_fields_with_the_keyboard(qtbot, dialog: MergeDialog, case: Case) -> None:
    dialog.conflict_list.setFocus()
    # Up and Down move through the records; the table follows.
    qtbot.keyClick(dialog.conflict_list, Qt.Key.Key_Down)
    assert dialog.current_row() == 1
    qtbot.keyClick(dialog.conflict_list, Qt.Key.Key_Up)
    assert dialog.current_row() == 0
    row = select(dialog, ("communities", case.club))
    assert dialog.record_title.text() == "深夜读书会"
    qtbot.keyClick(dialog.conflict_list, Qt.Key.Key_Tab)
    table = dialog.field_table
    assert QApplication.focusWidget() is table
    owner = field_row(dialog, "owner")
    table.setCurrentIndex(dialog.fields.index(owner, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.choices()[("communities", case.club)] == ("owner",)
    assert dialog.fields.side(owner) == THEIRS
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.choices()[("communities", case.club)] == ()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert dialog.fields.side(owner) == THEIRS
    qtbot.keyClick(table, Qt.Key.Key_Right)  # stays
    assert dialog.fields.side(owner) == THEIRS
    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert dialog.fields.side(owner) == MINE
    # Down moves to the next field, Space takes all of them: “Take theirs”.
    for n in range(dialog.fields.rowCount()):
        table.setCurrentIndex(dialog.fields.index(n, 0))
        qtbot.keyClick(table, Qt.Key.Key_Space)
    assert state(dialog, row) == "Take theirs"
    assert set(dialog.choices()[("communities", case.club)]) == {"member_count", "owner", "notes"}


def test_the_model_takes_a_check_as_a_choice(case: Case) -> None:
    conflicts = ConflictModel(case.plan.conflicts, RecordNames(case.plan, case.names))
    fields = FieldModel(conflicts)
    fields.set_conflict(conflicts.row_of(("communities", case.club)))
    notes = next(r for r in range(fields.rowCount()) if fields.field(r) == "notes")
    check = Qt.ItemDataRole.CheckStateRole
    assert fields.setData(fields.index(notes, 2), Qt.CheckState.Checked, check)
    assert fields.side(notes) == THEIRS
    assert fields.setData(fields.index(notes, 2), Qt.CheckState.Unchecked.value, check)
    assert fields.side(notes) == MINE
    assert fields.setData(fields.index(notes, 1), Qt.CheckState.Unchecked, check)
    assert fields.side(notes) == THEIRS
    assert not fields.setData(fields.index(notes, 0), Qt.CheckState.Checked, check)
    assert not fields.setData(fields.index(notes, 1), "x", Qt.ItemDataRole.EditRole)
    with pytest.raises(ValueError):
        conflicts.set_taken(0, ["no_such_field"])


def test_whole_records_and_all_records(qtbot, dialog: MergeDialog, case: Case) -> None:
    item = select(dialog, ("calendar_items", case.item))
    qtbot.mouseClick(dialog.take_theirs_button, Qt.MouseButton.LeftButton)
    assert set(dialog.choices()[("calendar_items", case.item)]) == {"title", "location"}
    assert state(dialog, item) == "Take theirs"
    assert all(
        dialog.fields.index(r, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        for r in range(dialog.fields.rowCount())
    )
    qtbot.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)
    assert dialog.choices()[("calendar_items", case.item)] == ()
    assert state(dialog, item) == "Keep mine"

    qtbot.mouseClick(dialog.all_theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {c.key: c.fields for c in case.plan.conflicts}
    assert all(state(dialog, r) == "Take theirs" for r in range(4))
    assert "4 taking theirs" in dialog.list_title.text()
    qtbot.mouseClick(dialog.all_mine_button, Qt.MouseButton.LeftButton)
    assert all(fields == () for fields in dialog.choices().values())
    assert all(state(dialog, r) == "Keep mine" for r in range(4))


def test_mnemonics_reach_the_buttons(qtbot, dialog: MergeDialog, case: Case) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    club = select(dialog, ("communities", case.club))

    def alt(key: Qt.Key, button: QPushButton) -> None:
        # A mnemonic “animates” the click: the button is clicked a moment later.
        with qtbot.waitSignal(button.clicked):
            qtbot.keyClick(dialog.conflict_list, key, Qt.KeyboardModifier.AltModifier)

    alt(Qt.Key.Key_T, dialog.take_theirs_button)  # &Take theirs
    assert state(dialog, club) == "Take theirs"
    alt(Qt.Key.Key_K, dialog.keep_mine_button)  # &Keep mine
    assert state(dialog, club) == "Keep mine"
    alt(Qt.Key.Key_H, dialog.all_theirs_button)  # All t&heirs
    assert all(state(dialog, r) == "Take theirs" for r in range(4))
    alt(Qt.Key.Key_I, dialog.all_mine_button)  # All m&ine
    assert all(state(dialog, r) == "Keep mine" for r in range(4))
    # Alt+C goes back to the list (its title is “&Changed on both sides”).
    dialog.field_table.setFocus()
    qtbot.keyClick(dialog.field_table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.conflict_list


def test_tab_goes_from_the_list_to_the_fields_to_the_buttons(qtbot, dialog: MergeDialog) -> None:
    order: list[QWidget] = [dialog.conflict_list]
    widget: QWidget = dialog.conflict_list
    for _ in range(7):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [
        dialog.conflict_list,
        dialog.field_table,
        dialog.keep_mine_button,
        dialog.take_theirs_button,
        dialog.all_mine_button,
        dialog.all_theirs_button,
        dialog.merge_button,
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
    ]


def test_a_deletion_conflict_says_which_side_deleted(
    qtbot, dialog: MergeDialog, case: Case
) -> None:
    row = select(dialog, ("communities", case.parents))
    index = dialog.conflicts.index(row, 0)
    assert index.data(ConflictRole.NOTE) == "deleted on their side"
    assert "deleted on their side" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.record_note.text() == "Community · deleted on their side"
    trash = field_row(dialog, "deleted")
    assert dialog.fields.index(trash, 0).data() == "In the trash"
    assert dialog.fields.index(trash, 1).data() == "Kept"
    assert dialog.fields.index(trash, 2).data() == "Deleted"
    click_cell(qtbot, dialog, trash, FieldModel.THEIRS_COLUMN)
    assert dialog.choices()[("communities", case.parents)] == ("deleted",)


def test_chinese_text_is_shown(dialog: MergeDialog, case: Case) -> None:
    labels = [dialog.conflicts.index(r, 0).data() for r in range(dialog.conflicts.rowCount())]
    assert "初二（3）班家长群" in labels and "深夜读书会" in labels
    assert "王芳@laptop" in dialog.summary.text()
    select(dialog, ("checklist_items", case.task))
    assignee = field_row(dialog, "assignee")
    assert dialog.fields.index(assignee, 1).data() == "李雷"
    assert dialog.fields.index(assignee, 2).data() == "王芳"


def test_without_conflicts_only_the_summary_shows(
    qtbot, workspace: Workspace, tmp_path: Path, paths: AppPaths
) -> None:
    club, _ = create_community(workspace, {"name": "深夜读书会"})

    def theirs(them: Workspace) -> None:
        update_community(them, club, {"notes": "Tuesday topics."})

    plan = prepare_merge(workspace, teammate_copy(workspace, tmp_path, paths.lock_dir, theirs))
    d = MergeDialog(plan, community_names={club: "深夜读书会"})
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.summary.text() == "王芳@laptop's copy brings 1 changed"
    assert d.breakdown.text() == "<b>Communities</b>: 1 changed"
    assert not d.panel.isVisible() and not d.hint.isVisible()
    assert d.choices() == {}
    assert d.merge_button.isDefault()
    qtbot.mouseClick(d.merge_button, Qt.MouseButton.LeftButton)
    assert d.result() == QDialog.DialogCode.Accepted


def test_nothing_new(qtbot, workspace: Workspace, tmp_path: Path, paths: AppPaths) -> None:
    create_community(workspace, {"name": "深夜读书会"})
    plan = prepare_merge(
        workspace, teammate_copy(workspace, tmp_path, paths.lock_dir, lambda _ws: None)
    )
    d = MergeDialog(plan, community_names={})
    qtbot.addWidget(d)
    assert d.summary.text().startswith("Your teammate's copy brings nothing new")
    assert d.breakdown.text() == ""


def test_cancel_and_merge(qtbot, case: Case) -> None:
    cancelled = MergeDialog(case.plan, community_names=case.names)
    qtbot.addWidget(cancelled)
    cancelled.show()
    qtbot.waitExposed(cancelled)
    cancel = cancelled.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    with qtbot.waitSignal(cancelled.rejected):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert cancelled.result() == QDialog.DialogCode.Rejected

    merged = MergeDialog(case.plan, community_names=case.names)
    qtbot.addWidget(merged)
    merged.show()
    qtbot.waitExposed(merged)
    assert merged.merge_button.text() == "&Merge" and merged.merge_button.isDefault()
    with qtbot.waitSignal(merged.accepted):
        qtbot.keyClick(merged.conflict_list, Qt.Key.Key_Return)  # the default button
    assert merged.result() == QDialog.DialogCode.Accepted


def test_the_choices_are_what_the_merge_writes(qtbot, dialog: MergeDialog, case: Case) -> None:
    select(dialog, ("communities", case.club))
    click_cell(qtbot, dialog, field_row(dialog, "notes"), FieldModel.THEIRS_COLUMN)
    select(dialog, ("calendar_items", case.item))
    click_cell(qtbot, dialog, field_row(dialog, "title"), FieldModel.THEIRS_COLUMN)
    select(dialog, ("checklist_items", case.task))
    qtbot.mouseClick(dialog.take_theirs_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted

    apply_merge(case.ws, case.plan, dialog.choices())
    club = get_community(case.ws, case.club)
    assert (club.notes, club.owner, club.member_count) == (THEIR_NOTES, "李雷", 0)
    item = get_item(case.ws, case.item)
    assert (item.title, item.location) == ("Weekly digest 周报", "")
    assert get_checklist_item(case.ws, case.task).assignee == "王芳"
    parents = get_community(case.ws, case.parents)  # kept, as nothing was chosen
    assert not parents.deleted and parents.notes == "Parents' meeting moved to Friday."


def test_the_list_delegate_paints_two_lines(dialog: MergeDialog) -> None:
    view = dialog.conflict_list
    index: QModelIndex = dialog.conflicts.index(0, 0)
    hint = view.sizeHintForIndex(index)
    assert hint.height() > view.fontMetrics().height() * 2
    assert not dialog.grab().isNull()


def test_the_tab_key_leaves_the_field_table_for_the_buttons(qtbot, dialog: MergeDialog) -> None:
    dialog.activateWindow()
    dialog.field_table.setFocus()
    dialog.field_table.setCurrentIndex(dialog.fields.index(0, 1))
    qtbot.keyClick(dialog.field_table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.keep_mine_button
    qtbot.keyClick(dialog.keep_mine_button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.field_table
