"""The item editor, the scope question and the quick-add, driven as a user drives them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime, QTimer, QTimeZone
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.calendar import (
    EDITABLE_FIELDS,
    GOAL_FIELDS,
    TYPES_BY_KIND,
    EditScope,
    ItemKind,
    clean_values,
    create_item,
)
from planner.communities import Community, create_community, find_community, list_communities
from planner.recurrence import Frequency, Recurrence
from planner.ui.item_editor import ItemEditor, new_item_values
from planner.ui.labels import item_type_label, scope_label
from planner.ui.quick_add import QuickAddDialog
from planner.ui.recurrence_editor import RecurrenceEditor
from planner.ui.scope_dialog import ScopeDialog, ask_scope
from planner.ui.session import Session
from planner.workspace import Workspace

NOTION = "Notion 中文用户群"
READING = "深夜读书会 · 付费会员圈"
# 2026-03-10 is the 2nd Tuesday of March; the 27th its last Friday.
TUESDAY = datetime(2026, 3, 10, 20, 0)
UTC = QTimeZone.utc()

# -- helpers ---------------------------------------------------------------------------


@pytest.fixture
def session(workspace: Workspace) -> Session:
    create_community(workspace, {"name": NOTION})
    create_community(workspace, {"name": READING})
    return Session(workspace)


def community(session: Session, name: str) -> Community:
    return find_community(session.workspace, name)


def item_values(session: Session, **changes: Any) -> dict[str, Any]:
    """A valid one-hour content item on TUESDAY, with ``changes``."""
    values = new_item_values(
        TUESDAY,
        TUESDAY + timedelta(hours=1),
        community_id=community(session, NOTION).id,
        item_type="live_class",
        tz="Asia/Shanghai",
    )
    values["title"] = "直播课：Notion 数据库入门"
    values.update(changes)
    return values


def make_editor(
    qtbot: QtBot,
    session: Session,
    values: dict[str, Any],
    *,
    new: bool = False,
    recurrence_editable: bool = True,
) -> ItemEditor:
    editor = ItemEditor(
        session,
        values,
        communities=list_communities(session.workspace),
        new=new,
        recurrence_editable=recurrence_editable,
    )
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ASCII as key clicks and other text as an input method's commit."""
    for is_ascii, chars in itertools.groupby(text, key=str.isascii):
        run = "".join(chars)
        if is_ascii:
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def retype(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    if text:
        type_text(qtbot, widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def choose(combo: QComboBox, data: object) -> None:
    """Pick the entry holding ``data``, as a user picks it from the list."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def set_moment(edit: QDateTimeEdit, moment: datetime) -> None:
    edit.setDateTime(
        QDateTime(
            QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute), UTC
        )
    )


def combo_data(combo: QComboBox) -> list[object]:
    return [combo.itemData(i) for i in range(combo.count())]


def click_save(qtbot: QtBot, editor: ItemEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def is_invalid(widget: QWidget) -> bool:
    return bool(widget.property("invalid"))


# -- opening ---------------------------------------------------------------------------


def test_new_item_window(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session, title=""), new=True)
    assert editor.windowTitle() == "New item"
    assert editor.delete_button.isHidden()
    assert editor.save_button.text() == "Add"
    assert editor.title.text() == ""
    assert not any(editor.field_error(key) for key in EDITABLE_FIELDS)


def test_edit_item_window_offers_delete(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    assert editor.windowTitle() == "Edit item"
    assert editor.delete_button.isVisible()
    assert editor.save_button.text() == "Save"


def test_community_list_has_colour_swatches(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    combo = editor.community
    assert [combo.itemText(i) for i in range(combo.count())] == [
        c.name for c in list_communities(session.workspace)
    ]
    assert all(not combo.itemIcon(i).isNull() for i in range(combo.count()))
    assert combo.currentText() == NOTION


def test_owner_completes_from_existing_owners(qtbot: QtBot, session: Session) -> None:
    create_item(session.workspace, item_values(session, owner="Kevin 王"))
    create_item(session.workspace, item_values(session, owner="小林"))
    editor = make_editor(qtbot, session, item_values(session))
    completer = editor.owner.completer()
    assert completer is not None
    model = completer.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Kevin 王", "小林"]


# -- every field round-trips -----------------------------------------------------------


def weekly_series(session: Session) -> dict[str, Any]:
    return item_values(
        session,
        title="  直播课：Notion 数据库入门  ",
        status="ready",
        owner="小林",
        speaker="李老师 (Li)",
        location="腾讯会议 123-456-789",
        description="第一行：暖场\n第二行：分享 → 答疑",
        recurrence=Recurrence(Frequency.WEEKLY, 2, (1, 3), until=date(2026, 6, 30)),
    )


def all_day_activity(session: Session) -> dict[str, Any]:
    start = datetime(2026, 4, 3)
    return item_values(
        session,
        community_id=community(session, READING).id,
        kind="activity",
        item_type="paid",
        title="春季读书营 · 三天线下营",
        all_day=True,
        start=start,
        end=start + timedelta(days=3),
        status="done",
        planned_participants=120,
        actual_participants=98,
        planned_new_members=30,
        actual_shares=0,
        planned_revenue=12000.5,
        actual_revenue=9876.54,
        planned_cost=800,
        actual_cost=650.25,
    )


def monthly_content_with_goals(session: Session) -> dict[str, Any]:
    return item_values(
        session,
        item_type="guest_share",
        title="嘉宾分享：社群冷启动",
        start=datetime(2026, 3, 27, 19, 30),
        end=datetime(2026, 3, 27, 21, 0),
        status="idea",
        recurrence=Recurrence(Frequency.MONTHLY, nth_weekday=(-1, 4), count=6),
        planned_conversions=5,
        actual_revenue=0.5,
    )


@pytest.mark.parametrize(
    "make_values",
    [weekly_series, all_day_activity, monthly_content_with_goals],
    ids=["weekly-series", "all-day-activity", "monthly-content-with-goals"],
)
def test_every_field_round_trips(
    qtbot: QtBot, session: Session, make_values: Callable[[Session], dict[str, Any]]
) -> None:
    values = make_values(session)
    editor = make_editor(qtbot, session, values)
    got = editor.values()
    assert set(got) == set(EDITABLE_FIELDS)
    assert got == values
    for name in GOAL_FIELDS:
        if got[name] is not None:  # counts are whole numbers, money has decimals
            money = name.endswith(("revenue", "cost"))
            assert type(got[name]) is (float if money else int), name
    clean_values(session.workspace, got)  # and the core takes them as they are


def test_values_from_typing(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session, title=""), new=True)
    type_text(qtbot, editor.title, "Live 直播: 增长入门")
    choose(editor.community, community(session, READING).id)
    choose(editor.kind, "activity")
    choose(editor.item_type, "sharing")
    choose(editor.status, "ready")
    type_text(qtbot, editor.owner, "Kevin 王")
    type_text(qtbot, editor.speaker, "李老师")
    type_text(qtbot, editor.location, "Zoom · 腾讯会议")
    type_text(qtbot, editor.description, "流程 v1")
    type_text(qtbot, editor.goals.fields["planned_participants"], "150")
    type_text(qtbot, editor.goals.fields["planned_revenue"], "1234.5")
    type_text(qtbot, editor.goals.fields["actual_cost"], "99.99")

    got = editor.values()
    assert got["title"] == "Live 直播: 增长入门"
    assert got["community_id"] == community(session, READING).id
    assert (got["kind"], got["item_type"], got["status"]) == ("activity", "sharing", "ready")
    assert (got["owner"], got["speaker"], got["location"]) == (
        "Kevin 王",
        "李老师",
        "Zoom · 腾讯会议",
    )
    assert got["description"] == "流程 v1"
    assert got["planned_participants"] == 150 and isinstance(got["planned_participants"], int)
    assert got["planned_revenue"] == 1234.5
    assert got["actual_cost"] == 99.99
    assert got["actual_participants"] is None
    assert (got["start"], got["end"]) == (TUESDAY, TUESDAY + timedelta(hours=1))
    assert got["recurrence"] is None
    assert got["tz"] == "Asia/Shanghai"


def test_goal_fields_take_only_what_they_can_hold(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session, kind="activity", item_type="brand"))
    participants = editor.goals.fields["planned_participants"]
    revenue = editor.goals.fields["planned_revenue"]
    type_text(qtbot, participants, "-12.5")
    assert participants.text() == "125"  # no minus sign, no decimals in a count
    type_text(qtbot, revenue, "-12.345x")
    assert revenue.text() == "12.34"  # money takes two decimals
    assert editor.values()["planned_revenue"] == 12.34


# -- kind, type and goals --------------------------------------------------------------


def test_kind_switch_repopulates_types(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    assert combo_data(editor.item_type) == list(TYPES_BY_KIND[ItemKind.CONTENT])
    assert editor.item_type.currentData() == "live_class"

    choose(editor.kind, "activity")
    assert combo_data(editor.item_type) == list(TYPES_BY_KIND[ItemKind.ACTIVITY])
    assert [editor.item_type.itemText(i) for i in range(4)] == [
        item_type_label(t) for t in TYPES_BY_KIND[ItemKind.ACTIVITY]
    ]
    choose(editor.item_type, "member")
    assert editor.values()["item_type"] == "member"

    # Each kind keeps the type chosen for it.
    choose(editor.kind, "content")
    assert editor.item_type.currentData() == "live_class"
    choose(editor.kind, "activity")
    assert editor.item_type.currentData() == "member"


def test_goals_show_for_activities_and_fold_away_for_content(
    qtbot: QtBot, session: Session
) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    assert not editor.goals.isVisible()
    choose(editor.kind, "activity")
    assert editor.goals.isVisible()
    choose(editor.kind, "content")
    assert not editor.goals.isVisible()
    qtbot.mouseClick(editor.goals_toggle, Qt.MouseButton.LeftButton)
    assert editor.goals.isVisible()
    type_text(qtbot, editor.goals.fields["actual_shares"], "40")
    assert editor.values()["actual_shares"] == 40
    qtbot.mouseClick(editor.goals_toggle, Qt.MouseButton.LeftButton)
    assert not editor.goals.isVisible()
    assert editor.values()["actual_shares"] == 40  # folded away, not forgotten


def test_content_with_results_shows_them(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session, actual_shares=12))
    assert editor.goals.isVisible()
    assert editor.goals.fields["actual_shares"].text() == "12"


# -- start, end, all day ---------------------------------------------------------------


def test_moving_the_start_moves_the_end(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    set_moment(editor.start, datetime(2026, 3, 12, 9, 30))
    assert editor.values()["end"] == datetime(2026, 3, 12, 10, 30)
    # A new length chosen at the end is kept from then on.
    set_moment(editor.end, datetime(2026, 3, 12, 12, 0))
    set_moment(editor.start, datetime(2026, 3, 13, 8, 0))
    assert (editor.values()["start"], editor.values()["end"]) == (
        datetime(2026, 3, 13, 8, 0),
        datetime(2026, 3, 13, 10, 30),
    )


def test_moving_the_start_of_an_all_day_item_moves_its_last_day(
    qtbot: QtBot, session: Session
) -> None:
    editor = make_editor(qtbot, session, all_day_activity(session))
    assert editor.end.date() == QDate(2026, 4, 5)  # shown inclusive: 3rd to 5th
    editor.start.setDate(QDate(2026, 4, 10))
    assert editor.end.date() == QDate(2026, 4, 12)
    got = editor.values()
    assert (got["start"], got["end"]) == (datetime(2026, 4, 10), datetime(2026, 4, 13))


def test_all_day_shows_dates_and_keeps_the_times(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    editor.all_day.click()
    assert editor.all_day.isChecked()
    assert "HH" not in editor.start.displayFormat()
    got = editor.values()
    assert got["all_day"] is True
    assert (got["start"], got["end"]) == (datetime(2026, 3, 10), datetime(2026, 3, 11))
    editor.all_day.click()
    got = editor.values()
    assert got["all_day"] is False
    assert (got["start"], got["end"]) == (TUESDAY, TUESDAY + timedelta(hours=1))


# -- validation ------------------------------------------------------------------------


def empty_title(qtbot: QtBot, editor: ItemEditor) -> QWidget:
    retype(qtbot, editor.title, "")
    return editor.title


def end_before_start(qtbot: QtBot, editor: ItemEditor) -> QWidget:
    set_moment(editor.end, TUESDAY - timedelta(hours=1))
    return editor.end


def weekly_without_a_day(qtbot: QtBot, editor: ItemEditor) -> QWidget:
    choose(editor.recurrence.frequency, "WEEKLY")
    tuesday = editor.recurrence.weekday_boxes[1]
    assert tuesday.isChecked()  # the start's day is chosen for the user...
    tuesday.click()  # ...who takes it away
    return tuesday


def until_before_start(qtbot: QtBot, editor: ItemEditor) -> QWidget:
    choose(editor.recurrence.frequency, "WEEKLY")
    editor.recurrence.ends_on.click()
    editor.recurrence.until.setDate(QDate(2026, 3, 9))
    return editor.recurrence.until


def negative_goal(qtbot: QtBot, editor: ItemEditor) -> QWidget:
    # The field refuses a typed minus sign, but a value from elsewhere can be negative.
    editor.goals.fields["planned_participants"].setText("-5")
    return editor.goals.fields["planned_participants"]


def longer_than_31_days(qtbot: QtBot, editor: ItemEditor) -> QWidget:
    set_moment(editor.end, TUESDAY + timedelta(days=32))
    return editor.end


def all_day_ending_before_it_starts(qtbot: QtBot, editor: ItemEditor) -> QWidget:
    editor.all_day.click()
    editor.end.setDate(QDate(2026, 3, 8))
    return editor.end


@pytest.mark.parametrize(
    ("make_problem", "key", "message"),
    [
        (empty_title, "title", "An item needs a title."),
        (end_before_start, "end", "The end must be after the start."),
        (weekly_without_a_day, "recurrence", "Choose at least one day of the week."),
        (until_before_start, "recurrence", "The series must end on or after its first day."),
        (negative_goal, "planned_participants", "Goals and results cannot be negative."),
        (longer_than_31_days, "end", "An item can last at most 31 days"),
        (all_day_ending_before_it_starts, "end", "The last day cannot be before the first day."),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_each_problem_shows_on_its_field_and_keeps_the_dialog_open(
    qtbot: QtBot,
    session: Session,
    make_problem: Callable[[QtBot, ItemEditor], QWidget],
    key: str,
    message: str,
) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    focus_target = make_problem(qtbot, editor)
    accepted: list[bool] = []
    editor.accepted.connect(lambda: accepted.append(True))
    click_save(qtbot, editor)

    assert editor.isVisible() and not accepted
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.field_error(key).startswith(message)
    others = [k for k in EDITABLE_FIELDS if k != key and editor.field_error(k)]
    assert others == []
    field = editor.findChild(QWidget, key)
    assert field is not None and is_invalid(field)
    assert editor.focusWidget() is focus_target
    assert focus_target.isVisible()  # (goals fold out to show their error)


def test_fixing_a_field_clears_its_error_and_saves(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    retype(qtbot, editor.title, "")
    click_save(qtbot, editor)
    assert editor.field_error("title")
    type_text(qtbot, editor.title, "早报 · 3月10日")
    assert editor.field_error("title") == ""
    assert not is_invalid(editor.title)
    with qtbot.waitSignal(editor.accepted):
        click_save(qtbot, editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.values()["title"] == "早报 · 3月10日"


def test_valid_series_accepts(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, weekly_series(session))
    with qtbot.waitSignal(editor.accepted):
        click_save(qtbot, editor)
    assert not editor.isVisible()


# -- keyboard --------------------------------------------------------------------------


def activate(qtbot: QtBot, dialog: QDialog) -> None:
    """Make the dialog the active window: shortcuts and focus work in it then."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def test_ctrl_return_saves(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    activate(qtbot, editor)
    editor.description.setFocus()
    with qtbot.waitSignal(editor.accepted):
        qtbot.keyClick(editor.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.values()["description"] == ""  # no new line typed on the way


def test_escape_cancels(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    activate(qtbot, editor)
    editor.title.setFocus()
    with qtbot.waitSignal(editor.rejected):
        qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    assert editor.result() == QDialog.DialogCode.Rejected


def field_with_focus() -> QWidget:
    """The focused field (a date edit rather than the line edit inside it)."""
    focused = QApplication.focusWidget()
    assert focused is not None
    parent = focused.parent()
    return parent if isinstance(parent, QAbstractSpinBox) else focused


def test_tab_goes_through_the_fields_in_reading_order(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    activate(qtbot, editor)
    editor.title.setFocus()
    expected = [
        editor.community,
        editor.kind,
        editor.item_type,
        editor.status,
        editor.owner,
        editor.speaker,
        editor.location,
        editor.description,
        editor.all_day,
        editor.start,
        editor.end,
        editor.recurrence.frequency,
    ]
    previous: QWidget = editor.title
    for widget in expected:
        # Tab walks the sections of a date (Qt's way) before it leaves the field.
        for _ in range(8):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focused = field_with_focus()
            if focused is not previous:
                break
        assert focused is widget, widget.objectName()
        previous = widget


def mnemonics(dialog: QDialog) -> list[tuple[str, QWidget]]:
    found: list[tuple[str, QWidget]] = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisibleTo(dialog):
            match = re.search(r"&([^&\s])", widget.text())
            if match:
                found.append((match.group(1).lower(), widget))
    return found


@pytest.mark.parametrize("kind", ["content", "activity"])
def test_mnemonics_are_unique_and_lead_to_their_fields(
    qtbot: QtBot, session: Session, kind: str
) -> None:
    values = weekly_series(session) | {"kind": kind, "item_type": TYPES_BY_KIND[ItemKind(kind)][0]}
    editor = make_editor(qtbot, session, values)
    found = mnemonics(editor)
    letters = [letter for letter, _ in found]
    assert len(found) >= 14
    assert len(letters) == len(set(letters)), sorted(letters)
    for _, widget in found:
        if isinstance(widget, QLabel):
            assert widget.buddy() is not None, widget.text()


# -- the repeat rule -------------------------------------------------------------------


def daily_on_weekdays(r: RecurrenceEditor) -> None:
    choose(r.frequency, "DAILY")
    r.weekdays_only.click()


def every_other_tuesday(r: RecurrenceEditor) -> None:
    choose(r.frequency, "WEEKLY")
    r.interval.setValue(2)


def monthly_on_nth(r: RecurrenceEditor) -> None:
    choose(r.frequency, "MONTHLY")
    choose(r.monthly, "nth:2:1")


def monthly_on_last(r: RecurrenceEditor) -> None:
    choose(r.frequency, "MONTHLY")
    choose(r.monthly, "nth:-1:4")


def monthly_on_day(r: RecurrenceEditor) -> None:
    choose(r.frequency, "MONTHLY")
    choose(r.monthly, "day:15")


def weekly_until(r: RecurrenceEditor) -> None:
    choose(r.frequency, "WEEKLY")
    r.weekday_boxes[3].click()
    r.ends_on.click()
    r.until.setDate(QDate(2026, 5, 31))


def daily_count(r: RecurrenceEditor) -> None:
    choose(r.frequency, "DAILY")
    r.ends_after.click()
    r.count.setValue(8)


@pytest.mark.parametrize(
    ("start", "action", "expected", "words"),
    [
        (
            datetime(2026, 3, 9, 8, 0),
            daily_on_weekdays,
            Recurrence(Frequency.DAILY, weekdays=(0, 1, 2, 3, 4)),
            "Every weekday",
        ),
        (
            TUESDAY,
            every_other_tuesday,
            Recurrence(Frequency.WEEKLY, 2, (1,)),
            "Every 2 weeks on Tuesday",
        ),
        (
            TUESDAY,
            monthly_on_nth,
            Recurrence(Frequency.MONTHLY, nth_weekday=(2, 1)),
            "Every month on the 2nd Tuesday",
        ),
        (
            datetime(2026, 3, 27, 19, 0),
            monthly_on_last,
            Recurrence(Frequency.MONTHLY, nth_weekday=(-1, 4)),
            "Every month on the last Friday",
        ),
        (
            datetime(2026, 3, 15, 10, 0),
            monthly_on_day,
            Recurrence(Frequency.MONTHLY, month_day=15),
            "Every month on day 15",
        ),
        (
            TUESDAY,
            weekly_until,
            Recurrence(Frequency.WEEKLY, weekdays=(1, 3), until=date(2026, 5, 31)),
            "Every week on Tuesday, Thursday, until 2026-05-31",
        ),
        (TUESDAY, daily_count, Recurrence(Frequency.DAILY, count=8), "Every day, 8 times"),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_repeat_rules_from_the_widgets(
    qtbot: QtBot,
    session: Session,
    start: datetime,
    action: Callable[[RecurrenceEditor], None],
    expected: Recurrence,
    words: str,
) -> None:
    values = item_values(session, start=start, end=start + timedelta(hours=1))
    editor = make_editor(qtbot, session, values, new=True)
    action(editor.recurrence)
    got = editor.values()
    assert got["recurrence"] == expected
    assert got["start"] == start
    clean_values(session.workspace, got)
    summary = editor.recurrence.summary.text()
    assert summary.startswith(words)
    first_three = expected.starts(start, 3)
    assert all(d.strftime("%Y-%m-%d") in summary for d in first_three)


def test_every_weekday_at_eight(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session), new=True)
    set_moment(editor.start, datetime(2026, 3, 9, 8, 0))
    daily_on_weekdays(editor.recurrence)
    got = editor.values()
    assert got["start"].time() == time(8, 0)
    assert got["end"].time() == time(9, 0)
    assert got["recurrence"] == Recurrence(Frequency.DAILY, weekdays=(0, 1, 2, 3, 4))
    assert "Mon 2026-03-09, Tue 2026-03-10, Wed 2026-03-11" in editor.recurrence.summary.text()


def test_monthly_choices_follow_the_start(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session), new=True)
    r = editor.recurrence
    choose(r.frequency, "MONTHLY")
    assert combo_data(r.monthly) == ["day:10", "nth:2:1"]
    assert [r.monthly.itemText(i) for i in range(2)] == ["On day 10", "On the second Tuesday"]
    choose(r.monthly, "nth:2:1")
    set_moment(editor.start, datetime(2026, 3, 17, 20, 0))
    assert r.monthly.currentData() == "nth:3:1"  # still "on a weekday", now the 3rd
    set_moment(editor.start, datetime(2026, 3, 14, 20, 0))
    assert combo_data(r.monthly) == ["day:14", "nth:2:5"]  # the 14th is the 2nd Saturday
    assert r.monthly.currentText() == "On the second Saturday"
    set_moment(editor.start, datetime(2026, 3, 31, 20, 0))
    # The 31st is the 5th Tuesday: offered as the last one, and as the last day.
    assert combo_data(r.monthly) == ["day:31", "nth:-1:1", "day:-1"]
    assert r.monthly.currentData() == "day:31"


def test_weekly_day_follows_the_start_until_the_user_picks_days(
    qtbot: QtBot, session: Session
) -> None:
    editor = make_editor(qtbot, session, item_values(session), new=True)
    r = editor.recurrence
    choose(r.frequency, "WEEKLY")
    set_moment(editor.start, datetime(2026, 3, 12, 20, 0))  # a Thursday
    assert editor.values()["recurrence"].weekdays == (3,)
    r.weekday_boxes[0].click()
    set_moment(editor.start, datetime(2026, 3, 13, 20, 0))
    assert editor.values()["recurrence"].weekdays == (0, 3)


@pytest.mark.parametrize(
    ("start", "rule", "check"),
    [
        (
            datetime(2026, 3, 9, 8, 0),
            Recurrence(Frequency.DAILY, weekdays=(0, 1, 2, 3, 4)),
            lambda r: r.frequency.currentData() == "DAILY" and r.weekdays_only.isChecked(),
        ),
        (
            TUESDAY,
            Recurrence(Frequency.WEEKLY, 2, (1,)),
            lambda r: (
                r.frequency.currentData() == "WEEKLY"
                and r.interval.value() == 2
                and [b.isChecked() for b in r.weekday_boxes] == [0, 1, 0, 0, 0, 0, 0]
                and r.interval_unit.text() == "weeks"
            ),
        ),
        (
            TUESDAY,
            Recurrence(Frequency.MONTHLY, nth_weekday=(2, 1), count=12),
            lambda r: (
                r.monthly.currentData() == "nth:2:1"
                and r.ends_after.isChecked()
                and r.count.value() == 12
                and r.count.isEnabled()
                and not r.until.isEnabled()
            ),
        ),
        (
            datetime(2026, 3, 27, 19, 0),
            Recurrence(Frequency.MONTHLY, nth_weekday=(-1, 4)),
            lambda r: r.monthly.currentText() == "On the last Friday" and r.ends_never.isChecked(),
        ),
        (
            datetime(2026, 3, 15, 10, 0),
            Recurrence(Frequency.MONTHLY, month_day=15, until=date(2026, 12, 31)),
            lambda r: (
                r.monthly.currentData() == "day:15"
                and r.ends_on.isChecked()
                and r.until.date() == QDate(2026, 12, 31)
            ),
        ),
        (
            # An ICS rule the start does not suggest, and daily days the checkbox cannot show.
            TUESDAY,
            Recurrence(Frequency.MONTHLY, 3, month_day=1),
            lambda r: r.monthly.currentData() == "day:1" and r.interval_unit.text() == "months",
        ),
        (
            TUESDAY,
            Recurrence(Frequency.DAILY, weekdays=(0, 2)),
            lambda r: r.weekdays_only.isChecked() and "Wednesday" in r.weekdays_only.toolTip(),
        ),
    ],
    ids=[
        "weekdays",
        "every-other-tuesday",
        "2nd-tuesday-count",
        "last-friday",
        "day-15-until",
        "foreign-monthly",
        "foreign-daily",
    ],
)
def test_an_existing_rule_loads_into_the_widgets(
    qtbot: QtBot,
    session: Session,
    start: datetime,
    rule: Recurrence,
    check: Callable[[RecurrenceEditor], bool],
) -> None:
    values = item_values(session, start=start, end=start + timedelta(hours=1), recurrence=rule)
    editor = make_editor(qtbot, session, values)
    assert check(editor.recurrence)
    assert editor.recurrence.recurrence() == rule
    assert editor.values()["recurrence"] == rule


def test_changing_the_rule_reads_back_through_the_widgets(qtbot: QtBot, session: Session) -> None:
    rule = Recurrence(Frequency.WEEKLY, 2, (1,), count=5)
    editor = make_editor(qtbot, session, item_values(session, recurrence=rule))
    r = editor.recurrence
    r.ends_never.click()
    r.weekday_boxes[4].click()
    assert editor.values()["recurrence"] == Recurrence(Frequency.WEEKLY, 2, (1, 4))
    choose(r.frequency, "")
    assert editor.values()["recurrence"] is None
    assert not r.interval.isVisible() and not r.summary.isVisible()


def test_one_occurrence_cannot_change_the_rule(qtbot: QtBot, session: Session) -> None:
    values = weekly_series(session)
    editor = make_editor(qtbot, session, values, recurrence_editable=False)
    r = editor.recurrence
    assert r.locked_hint.isVisible()
    assert "edit all occurrences" in r.locked_hint.text()
    assert all(not widget.isEnabled() for widget in r.inputs())
    assert not editor.community.isEnabled()
    assert r.summary.text().startswith("Every 2 weeks on Tuesday, Thursday")
    # The rest of the occurrence stays editable.
    retype(qtbot, editor.title, "Moved class")
    set_moment(editor.start, datetime(2026, 3, 11, 20, 0))
    got = editor.values()
    assert got["recurrence"] is values["recurrence"]
    assert got["community_id"] == values["community_id"]
    assert got["title"] == "Moved class"
    assert got["start"] == datetime(2026, 3, 11, 20, 0)


def test_a_series_editor_is_not_locked(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, weekly_series(session))
    assert not editor.recurrence.locked_hint.isVisible()
    assert all(w.isEnabled() for w in (editor.recurrence.frequency, editor.community))


# -- delete ----------------------------------------------------------------------------


def test_delete_closes_with_its_own_result(qtbot: QtBot, session: Session) -> None:
    editor = make_editor(qtbot, session, item_values(session))
    with qtbot.waitSignal(editor.delete_requested):
        qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert editor.deleted_requested
    assert editor.result() == ItemEditor.DELETED
    assert not editor.isVisible()


# -- nothing clipped -------------------------------------------------------------------


def clipped(dialog: QDialog) -> list[str]:
    """Visible text and inputs smaller than they need to be."""
    problems = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() < widget.heightForWidth(widget.width()):
                problems.append(f"wrapped {widget.text()!r}")
        elif isinstance(widget, QLabel | QAbstractButton):
            if (
                widget.width() < widget.sizeHint().width()
                or widget.height() < widget.sizeHint().height()
            ):
                problems.append(f"{widget.text()!r} {widget.size()} < {widget.sizeHint()}")
        elif isinstance(widget, QComboBox | QAbstractSpinBox | QLineEdit):
            if widget.height() < widget.minimumSizeHint().height():
                problems.append(f"{type(widget).__name__} {widget.objectName()} squeezed")
    return problems


@pytest.mark.parametrize(
    ("make_values", "editable"),
    [
        (all_day_activity, True),
        (weekly_series, True),
        (monthly_content_with_goals, False),
    ],
    ids=["activity", "series", "occurrence"],
)
def test_nothing_is_clipped(
    qtbot: QtBot,
    session: Session,
    make_values: Callable[[Session], dict[str, Any]],
    editable: bool,
) -> None:
    editor = make_editor(qtbot, session, make_values(session), recurrence_editable=editable)
    # (The window system resizes a shown window in its own time.)
    qtbot.waitUntil(lambda: clipped(editor) == [])
    # Nor with errors shown (the screen of the tests is 800 x 800: the dialog opens small).
    retype(qtbot, editor.title, "")
    set_moment(editor.end, editor.values()["start"] + timedelta(days=40))
    click_save(qtbot, editor)
    assert editor.field_error("title") and editor.field_error("end")
    qtbot.waitUntil(lambda: clipped(editor) == [])


# -- which occurrences -----------------------------------------------------------------


@pytest.mark.parametrize("scope", list(EditScope))
def test_scope_dialog_returns_the_chosen_scope(qtbot: QtBot, scope: EditScope) -> None:
    dialog = ScopeDialog("delete")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [b.text() for b in dialog.choices.values()] == [scope_label(s) for s in EditScope]
    assert dialog.scope() is EditScope.THIS
    button = dialog.choices[scope]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert dialog.scope() is scope


@pytest.mark.parametrize(
    ("action", "title", "ok"),
    [
        ("edit", "Edit a repeating item", "Save"),
        ("move", "Move a repeating item", "Move"),
        ("delete", "Delete a repeating item", "Delete"),
    ],
)
def test_scope_dialog_speaks_of_its_action(qtbot: QtBot, action: str, title: str, ok: str) -> None:
    dialog = ScopeDialog(action)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == ok


@pytest.mark.parametrize(
    ("answer", "expected"), [(EditScope.FOLLOWING, EditScope.FOLLOWING), (None, None)]
)
def test_ask_scope(qtbot: QtBot, answer: EditScope | None, expected: EditScope | None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ScopeDialog)
        seen.append(dialog.windowTitle())
        if answer is None:
            dialog.reject()
        else:
            dialog.set_scope(answer)
            dialog.accept()

    QTimer.singleShot(0, respond)
    assert ask_scope(parent, "move") == expected
    assert seen == ["Move a repeating item"]


# -- quick add -------------------------------------------------------------------------


def make_quick_add(qtbot: QtBot, session: Session, values: dict[str, Any]) -> QuickAddDialog:
    dialog = QuickAddDialog(session, values, communities=list_communities(session.workspace))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def slot_values(session: Session) -> dict[str, Any]:
    start = datetime(2026, 3, 11, 8, 0)
    return new_item_values(
        start,
        start + timedelta(minutes=30),
        community_id=community(session, READING).id,
        tz="Asia/Shanghai",
    )


def test_quick_add_values(qtbot: QtBot, session: Session) -> None:
    dialog = make_quick_add(qtbot, session, slot_values(session))
    assert dialog.community.currentText() == READING
    assert dialog.item_type.currentData() == "morning_digest"
    type_text(qtbot, dialog.title, "早报 · 3月11日")
    choose(dialog.item_type, "paid")
    got = dialog.values()
    assert set(got) == set(EDITABLE_FIELDS)
    assert got["title"] == "早报 · 3月11日"
    assert (got["kind"], got["item_type"]) == ("activity", "paid")
    assert got["community_id"] == community(session, READING).id
    assert (got["start"], got["end"]) == (datetime(2026, 3, 11, 8, 0), datetime(2026, 3, 11, 8, 30))
    assert got["tz"] == "Asia/Shanghai" and got["recurrence"] is None
    clean_values(session.workspace, got)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)


def test_quick_add_groups_types_under_their_kind(qtbot: QtBot, session: Session) -> None:
    dialog = make_quick_add(qtbot, session, slot_values(session))
    combo = dialog.item_type
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0] == "Content" and texts[len(TYPES_BY_KIND[ItemKind.CONTENT]) + 1] == "Activity"
    model = combo.model()
    headers = [i for i in range(combo.count()) if combo.itemData(i) is None]
    assert headers == [0, len(TYPES_BY_KIND[ItemKind.CONTENT]) + 1]
    assert all(not (model.flags(model.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled) for i in headers)


def test_quick_add_keeps_an_all_day_slot(qtbot: QtBot, session: Session) -> None:
    values = slot_values(session) | {
        "all_day": True,
        "start": datetime(2026, 3, 11),
        "end": datetime(2026, 3, 12),
    }
    dialog = make_quick_add(qtbot, session, values)
    assert "HH" not in dialog.start.displayFormat()
    got = dialog.values()
    assert (got["all_day"], got["start"], got["end"]) == (
        True,
        datetime(2026, 3, 11),
        datetime(2026, 3, 12),
    )


def test_quick_add_refuses_an_empty_title(qtbot: QtBot, session: Session) -> None:
    dialog = make_quick_add(qtbot, session, slot_values(session))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.field_error("title") == "An item needs a title."
    assert is_invalid(dialog.title)
    qtbot.waitUntil(lambda: clipped(dialog) == [])


def test_quick_add_more_options_opens_the_editor_with_its_values(
    qtbot: QtBot, session: Session
) -> None:
    dialog = make_quick_add(qtbot, session, slot_values(session))
    type_text(qtbot, dialog.title, "Guest 分享")
    choose(dialog.item_type, "guest_share")
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QuickAddDialog.MORE_OPTIONS
    assert dialog.more_options_requested
    editor = make_editor(qtbot, session, dialog.values(), new=True)
    assert editor.title.text() == "Guest 分享"
    assert editor.item_type.currentData() == "guest_share"
    assert editor.values() == dialog.values()
