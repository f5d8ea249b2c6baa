"""The Fission tab: the calculator's results as typed, saved plans through the
UI with undo and redo, linking a plan to an activity, read-only workspaces."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from planner.calendar import create_item, delete_occurrence, find_occurrence
from planner.communities import create_community, list_communities
from planner.fission import Scenario, project
from planner.fission_scenarios import get_scenario, list_scenarios, save_scenario
from planner.paths import AppPaths
from planner.ui.fission_form import DEFAULT, NameDialog
from planner.ui.fission_model import SavedScenariosModel, WavesModel
from planner.ui.fission_panel import FissionPanel
from planner.ui.session import Session
from planner.ui.theme import STYLE_SHEET, PlannerStyle, dark_palette, light_palette
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

# The core's worked example: K = 0.8, ¥1,276 in all, ¥3.27 a member against ¥6.
EXAMPLE = Scenario(200, 0.4, 20, 0.1, 3, fixed_cost=300, bait_cost=2.5, channel_cost=6)


@pytest.fixture
def club(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    return community_id


def add_activity(ws: Workspace, community: str, item_type: str, title: str, day: int) -> str:
    item_id, _ = create_item(
        ws,
        {
            "community_id": community,
            "kind": "activity",
            "item_type": item_type,
            "title": title,
            "start": datetime(2026, 3, day, 20, 0),
            "end": datetime(2026, 3, day, 21, 0),
            "tz": "Asia/Shanghai",
        },
    )
    return item_id


@pytest.fixture
def confirm() -> Confirm:
    return Confirm()


@pytest.fixture
def session(workspace: Workspace) -> Session:
    return Session(workspace)


@pytest.fixture
def panel(qtbot, session: Session, club: str, confirm: Confirm) -> FissionPanel:  # type: ignore[no-untyped-def]
    widget = FissionPanel(confirm=confirm)
    qtbot.addWidget(widget)
    widget.set_session(session)
    widget.show_community(club)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_into(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace a field's text by typing, as the operator does (Chinese arrives
    whole, as an input method commits it: QTest cannot press its keys)."""
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def type_example(qtbot, panel: FissionPanel) -> None:  # type: ignore[no-untyped-def]
    f = panel.form
    for field, text in (
        (f.seed_members, "200"),
        (f.share_rate, "40"),
        (f.invites_per_share, "20"),
        (f.conversion_rate, "10%"),
        (f.fixed_cost, "¥300"),
        (f.bait_cost, "2.5"),
        (f.channel_cost, "6"),
    ):
        type_into(qtbot, field, text)
    f.waves.setValue(3)


def bar_values(panel: FissionPanel) -> list[float]:
    seeds, new = panel.chart.seeds_set, panel.chart.new_set
    return [seeds.at(n) + new.at(n) for n in range(new.count())]


# -- the models ------------------------------------------------------------------------


def test_the_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, session: Session, club: str
) -> None:
    waves = WavesModel()
    qtmodeltester.check(waves)  # empty: inputs not valid
    waves.set_projection(project(EXAMPLE))
    qtmodeltester.check(waves)
    assert waves.rowCount() == 4
    save_scenario(session.workspace, club, EXAMPLE, "春季海报")
    save_scenario(session.workspace, club, Scenario(50, 0.5, 3, 1, 5), "Autumn")
    saved = SavedScenariosModel()
    saved.set_session(session)
    saved.set_community(club)
    qtmodeltester.check(saved)
    assert [saved.index(n, 0).data() for n in range(2)] == ["Autumn", "春季海报"]


def test_the_waves_table_rounds_to_people_with_the_exact_value_as_tooltip() -> None:
    model = WavesModel()
    model.set_projection(project(EXAMPLE))
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(4)]
    assert rows == [
        ["Seeds", "–", "200", "200"],
        ["1", "80", "160", "360"],
        ["2", "64", "128", "488"],
        ["3", "51", "102", "590"],  # 51.2 share, 102.4 join, 590.4 in all
    ]
    assert model.index(3, 2).data(Qt.ItemDataRole.ToolTipRole) == "102.40 expected"


# -- the calculator ----------------------------------------------------------------------


def test_typed_inputs_show_the_cores_projection(qtbot, panel: FissionPanel) -> None:  # type: ignore[no-untyped-def]
    f = panel.form
    type_into(qtbot, f.seed_members, "100")  # something else first, then the example
    type_example(qtbot, panel)
    expected = project(EXAMPLE)
    assert panel.projection == expected
    r = panel.results
    assert r.k_value.text() == "0.80"
    assert r.k_parts.text() == "X 40% × Y 2"
    assert r.verdict.text() == (
        "Below 1: it dies out, topping out at about 800 new members however many waves it runs."
    )
    assert r.members_label.text() == "390 new members in 3 waves · 590 members in all"
    assert r.cost_label.text() == "Cost ¥1,276.00 · ¥3.27 per member"
    assert r.channel_label.text() == "¥2.73 cheaper than the channel (¥6.00 a member)"
    assert not r.reach_warning.isVisible()
    # The table and the chart show the same waves.
    model = panel.waves_model
    assert [model.index(n, 3).data() for n in range(4)] == ["200", "360", "488", "590"]
    assert bar_values(panel) == pytest.approx(list(expected.new_by_wave))
    assert panel.chart.seeds_set.at(0) == 200 and panel.chart.new_set.at(0) == 0
    points = panel.chart.total_series.points()
    assert [p.x() for p in points] == [0, 1, 2, 3]
    assert [p.y() for p in points] == pytest.approx(list(expected.members_by_wave))


def test_above_exactly_and_below_one(qtbot, panel: FissionPanel) -> None:  # type: ignore[no-untyped-def]
    f = panel.form
    type_example(qtbot, panel)
    type_into(qtbot, f.invites_per_share, "30")  # Y = 3, K = 1.2
    assert panel.results.k_value.text() == "1.20"
    assert panel.results.verdict.text().startswith("Above 1: self-sustaining.")
    new = [w.new_members for w in panel.projection.waves]  # type: ignore[union-attr]
    assert new == pytest.approx([240, 288, 345.6])  # each wave larger than the last
    type_into(qtbot, f.invites_per_share, "25")  # Y = 2.5, K = 1
    assert panel.results.k_value.text() == "1.00"
    assert panel.results.verdict.text().startswith("Exactly 1:")
    assert bar_values(panel) == pytest.approx([200, 200, 200, 200])
    # A dearer bait than the channel says it is not worth it.
    type_into(qtbot, f.bait_cost, "9")  # 300 + 9 x 600 = ¥5,700, ¥9.50 a member
    assert panel.results.channel_label.text() == (
        "¥3.50 dearer than the channel (¥6.00 a member): not worth its bait"
    )
    type_into(qtbot, f.channel_cost, "")
    assert panel.results.channel_label.text() == (
        "Give a channel's cost per member to compare with."
    )


def test_a_bad_value_shows_its_message_and_no_stale_result(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel
) -> None:
    f = panel.form
    type_example(qtbot, panel)
    assert panel.projection is not None and panel.save_as_button.isEnabled()
    type_into(qtbot, f.seed_members, "2oo")
    assert panel.field_error("seed_members") == "Seed members: enter a whole number."
    assert f.seed_members.property("invalid") is True
    assert panel.projection is None
    assert panel.results.k_value.text() == "–"
    assert panel.results.verdict.text() == "Fix the marked input to see the projection."
    assert not panel.results.members_label.isVisible()
    assert panel.waves_model.rowCount() == 0
    assert panel.chart.total_series.count() == 0 and panel.chart.shown_waves == 0
    assert panel.results.drawing.currentWidget() is panel.results.invalid_hint
    assert not panel.save_as_button.isEnabled()
    type_into(qtbot, f.share_rate, "150")
    assert panel.field_error("share_rate") == "Share rate: between 0% and 100%."
    assert panel.results.verdict.text() == "Fix the 2 marked inputs to see the projection."
    # Fixed, both messages go and the results come back.
    type_into(qtbot, f.seed_members, "200")
    type_into(qtbot, f.share_rate, "40")
    assert panel.field_error("seed_members") == panel.field_error("share_rate") == ""
    assert panel.projection == project(EXAMPLE)
    assert panel.waves_model.rowCount() == 4


def test_y_known_directly(qtbot, panel: FissionPanel) -> None:  # type: ignore[no-untyped-def]
    f = panel.form
    type_example(qtbot, panel)
    qtbot.mouseClick(f.direct_y, Qt.MouseButton.LeftButton)
    assert f.direct and f.per_share.text() == "2"  # 20 invites x 10%
    assert f.per_share.isVisible() and not f.invites_per_share.isVisible()
    assert panel.projection is not None and panel.projection.coefficient == 0.8
    type_into(qtbot, f.per_share, "3")
    assert f.values()["invites_per_share"] == "3" and f.values()["conversion_rate"] == 1.0
    assert panel.projection.coefficient == pytest.approx(1.2)
    type_into(qtbot, f.per_share, "-3")
    assert panel.field_error("per_share") == "New members per share cannot be negative."
    type_into(qtbot, f.per_share, "3")
    qtbot.mouseClick(f.direct_y, Qt.MouseButton.LeftButton)
    # Back to the two fields: the same Y as 3 invites of whom all join.
    assert f.invites_per_share.text() == "3" and f.conversion_rate.text() == "100"
    assert panel.projection.coefficient == pytest.approx(1.2)


def test_a_projection_past_any_network_warns_and_the_chart_stops(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel
) -> None:
    f = panel.form
    type_example(qtbot, panel)
    type_into(qtbot, f.seed_members, "1000")
    type_into(qtbot, f.share_rate, "50")
    type_into(qtbot, f.conversion_rate, "100")  # Y = 20, K = 10
    f.waves.setValue(12)
    assert panel.projection is not None and panel.projection.exceeds_reach_at == 6
    assert panel.results.reach_warning.isVisible()
    assert "From wave 6 the projection passes a billion members" in panel.results.reach_text.text()
    assert panel.results.members_label.text() == "Over a billion members by wave 6."
    assert panel.chart.shown_waves == 6 and panel.chart.total_series.count() == 7
    assert panel.waves_model.rowCount() == 13  # the table keeps every wave


# -- saved plans ----------------------------------------------------------------------------


def save_through_dialog(qtbot, panel: FissionPanel, name: str) -> NameDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.save_as_button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in panel.findChildren(NameDialog) if d.isVisible()]
    type_into(qtbot, dialog.name, name)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return dialog


def test_save_update_rename_delete_with_undo_and_redo(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, session: Session, club: str, confirm: Confirm
) -> None:
    ws = session.workspace
    assert panel.list_stack.currentWidget() is panel.empty
    assert "Save as…" in panel.empty.text()
    type_example(qtbot, panel)
    with qtbot.waitSignal(panel.message) as said:
        dialog = save_through_dialog(qtbot, panel, "春季海报")
    assert said.args == ["Saved the fission plan “春季海报”."]
    assert not dialog.isVisible()
    [saved] = list_scenarios(ws, club)
    assert saved.name == "春季海报" and saved.scenario == EXAMPLE
    assert panel.list_stack.currentWidget() is panel.scenario_list
    assert panel.current_scenario() == saved
    assert not panel.update_button.isEnabled()

    # A name taken is refused in the dialog, which stays open.
    dialog = save_through_dialog(qtbot, panel, "春季海报")
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "already has a fission plan called “春季海报”" in dialog.error.text()
    dialog.reject()
    assert len(list_scenarios(ws, club)) == 1

    # Update: the selected plan takes the inputs; undo shows the old ones again.
    panel.form.waves.setValue(5)
    assert panel.update_button.isEnabled() and panel.changed_hint.isVisible()
    qtbot.mouseClick(panel.update_button, Qt.MouseButton.LeftButton)
    assert get_scenario(ws, saved.id).scenario.waves == 5
    assert not panel.update_button.isEnabled() and not panel.changed_hint.isVisible()
    session.undo()
    assert get_scenario(ws, saved.id).scenario.waves == 3
    assert panel.form.waves.value() == 3 and panel.current_scenario() is not None
    session.redo()
    assert panel.form.waves.value() == 5

    # Rename in place: F2, type, Enter.
    panel.scenario_list.setFocus()
    qtbot.keyClick(panel.scenario_list, Qt.Key.Key_F2)
    editor = panel.scenario_list.findChild(QLineEdit)
    assert editor is not None
    type_into(qtbot, editor, "秋季海报")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits an editor's text once back in the event loop.
    qtbot.waitUntil(lambda: get_scenario(ws, saved.id).name == "秋季海报")
    assert panel.scenarios.index(0, 0).data() == "秋季海报"
    session.undo()
    assert panel.scenarios.index(0, 0).data() == "春季海报"
    session.redo()

    # Delete: the Delete key asks first; No keeps it, Yes deletes it; undo brings it back.
    confirm.answer = False
    panel.scenario_list.setFocus()
    panel.activateWindow()  # back from the name dialog (the offscreen platform does not)
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel.scenario_list, Qt.Key.Key_Delete)
    assert confirm.questions == ["Delete the fission plan “秋季海报”? Edit ▸ Undo brings it back."]
    assert len(list_scenarios(ws, club)) == 1
    confirm.answer = True
    qtbot.keyClick(panel.scenario_list, Qt.Key.Key_Delete)
    assert list_scenarios(ws, club) == []
    assert panel.list_stack.currentWidget() is panel.empty
    assert panel.current_scenario() is None
    session.undo()
    assert [s.name for s in list_scenarios(ws, club)] == ["秋季海报"]
    assert panel.scenarios.rowCount() == 1 and panel.list_stack.currentWidget() is not panel.empty


def test_the_keyboard_saves_with_a_suggested_name(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, session: Session, club: str
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel.form.seed_members, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # A mnemonic "animates" the button's click: it comes a moment later.
    qtbot.waitUntil(lambda: any(d.isVisible() for d in panel.findChildren(NameDialog)))
    [dialog] = [d for d in panel.findChildren(NameDialog) if d.isVisible()]
    assert dialog.name.text() == "Fission plan 1" and dialog.name.selectedText() == "Fission plan 1"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert [s.name for s in list_scenarios(session.workspace, club)] == ["Fission plan 1"]
    assert panel.current_scenario() is not None
    # The next suggestion skips the name taken.
    second = panel.save_as()
    assert second is not None and second.name.text() == "Fission plan 2"
    second.reject()


def test_a_rename_that_is_refused_says_why(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, session: Session, club: str
) -> None:
    session.run(save_scenario, club, EXAMPLE, "A")
    session.run(save_scenario, club, EXAMPLE, "B")
    model = panel.scenarios
    assert model.rowCount() == 2
    with qtbot.waitSignal(panel.error) as said:
        assert not model.setData(model.index(1, 0), "a")
    assert said.args == ["This community already has a fission plan called “a”."]
    assert [s.name for s in list_scenarios(session.workspace, club)] == ["A", "B"]


def test_selecting_a_plan_loads_it_and_the_first_loads_on_show(  # type: ignore[no-untyped-def]
    qtbot, session: Session, club: str
) -> None:
    ws = session.workspace
    save_scenario(ws, club, EXAMPLE, "A poster")
    direct = Scenario(80, 0.5, 2.4, 1, 5, fixed_cost=200, bait_cost=1, channel_cost=None)
    second, _ = save_scenario(ws, club, direct, "B seeds")
    panel = FissionPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    assert panel.current_scenario() is not None
    assert panel.current_scenario().name == "A poster"  # type: ignore[union-attr]
    assert panel.projection == project(EXAMPLE)
    assert panel.select_scenario(second)
    f = panel.form
    assert f.direct and f.per_share.text() == "2.4" and f.channel_cost.text() == ""
    assert panel.projection == project(direct)
    assert not panel.update_button.isEnabled()  # the form shows the plan as saved
    # A community without plans starts from the example numbers.
    other, _ = create_community(ws, {"name": "跑团"}, checklist=False)
    panel.show_community(other)
    assert panel.projection == project(DEFAULT)
    assert panel.current_scenario() is None


def test_plans_saved_elsewhere_show_up(session: Session, panel: FissionPanel, club: str) -> None:
    assert panel.scenarios.rowCount() == 0
    session.run(save_scenario, club, EXAMPLE, "From the menu")
    assert panel.scenarios.rowCount() == 1
    assert panel.list_stack.currentWidget() is panel.scenario_list
    session.undo()
    assert panel.scenarios.rowCount() == 0
    assert panel.list_stack.currentWidget() is panel.empty


def test_undoing_and_redoing_a_save_as_keeps_the_panel_consistent(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, session: Session, club: str
) -> None:
    ws = session.workspace
    share = add_activity(ws, club, "sharing", "会员分享周", 12)
    link = panel.link
    type_example(qtbot, panel)
    save_through_dialog(qtbot, panel, "春季海报")
    [first] = list_scenarios(ws, club)
    assert link.choose(share)

    # Other numbers, saved as a second plan.
    type_into(qtbot, panel.form.seed_members, "333")
    assert panel.changed_hint.isVisible()  # changed since 春季海报
    save_through_dialog(qtbot, panel, "三百三")
    second = panel.current_scenario()
    assert second is not None and second.name == "三百三"

    # Undone, the selection goes back to the plan selected before, the numbers
    # typed stay, and they read as changed since that plan, as before the save.
    session.undo()
    assert [s.name for s in list_scenarios(ws, club)] == ["春季海报"]
    assert panel.current_scenario() == get_scenario(ws, first.id)
    assert panel.form.seed_members.text() == "333"
    assert panel.update_button.isEnabled() and panel.changed_hint.isVisible()
    assert "“春季海报”" in panel.changed_hint.text()
    assert link.combo.isEnabled() and link.combo.currentData() == share

    # Redone, the plan that came back is selected, showing its own numbers.
    session.redo()
    assert panel.current_scenario() == get_scenario(ws, second.id)
    assert panel.scenario_list.selectionModel().isSelected(panel.scenarios.index_of(second.id))
    assert panel.form.scenario() == get_scenario(ws, second.id).scenario
    assert not panel.update_button.isEnabled() and not panel.changed_hint.isVisible()
    assert link.combo.isEnabled() and link.combo.currentText() == "No activity"

    # Back to the first plan alone, its link undone, then all of it redone.
    session.undo()  # the second save
    session.undo()  # the link
    session.undo()  # the first save
    assert list_scenarios(ws, club) == [] and panel.current_scenario() is None
    assert panel.list_stack.currentWidget() is panel.empty
    # Nothing selected: the inputs stay, and the link says it needs a saved plan.
    assert panel.form.seed_members.text() == "333"
    assert not link.combo.isEnabled()
    assert link.combo.currentText() == "Save the plan to link it to an activity"
    assert not panel.update_button.isEnabled() and not panel.changed_hint.isVisible()
    session.redo()  # the first save: the plan is selected, with its numbers
    assert panel.current_scenario() == get_scenario(ws, first.id)
    assert panel.form.scenario() == EXAMPLE
    session.redo()  # its link
    assert link.combo.currentData() == share and link.open_button.isEnabled()
    session.redo()  # the second save
    assert panel.current_scenario() == get_scenario(ws, second.id)
    assert panel.form.seed_members.text() == "333"
    assert not panel.changed_hint.isVisible()


def test_a_plan_that_comes_back_keeps_numbers_typed_since(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, session: Session, club: str
) -> None:
    ws = session.workspace
    type_example(qtbot, panel)
    save_through_dialog(qtbot, panel, "春季海报")
    [saved] = list_scenarios(ws, club)
    assert panel.delete_current()
    assert panel.current_scenario() is None
    type_into(qtbot, panel.form.seed_members, "450")  # typed while no plan is selected
    session.undo()  # the delete: the plan is selected again, the typing kept
    assert panel.current_scenario() == get_scenario(ws, saved.id)
    assert panel.form.seed_members.text() == "450"
    assert panel.update_button.isEnabled() and panel.changed_hint.isVisible()
    # A delete sends nothing back to a plan it was saved from.
    session.redo()
    assert panel.current_scenario() is None


def test_the_changed_hint_shows_only_when_update_can_be_done(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel
) -> None:
    type_example(qtbot, panel)
    save_through_dialog(qtbot, panel, "春季海报")
    assert not panel.changed_hint.isVisible()
    type_into(qtbot, panel.form.seed_members, "300")
    assert panel.update_button.isEnabled() and panel.changed_hint.isVisible()
    assert panel.changed_hint.text() == (
        "Changed since “春季海报” was saved: Update keeps these numbers."
    )
    # Changed, but not valid: Update cannot keep it, and the hint does not offer it.
    type_into(qtbot, panel.form.share_rate, "150")
    assert not panel.update_button.isEnabled() and not panel.changed_hint.isVisible()
    type_into(qtbot, panel.form.share_rate, "40")
    assert panel.update_button.isEnabled() and panel.changed_hint.isVisible()


def test_renaming_a_plan_says_so(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, session: Session, club: str
) -> None:
    session.run(save_scenario, club, EXAMPLE, "春季海报")
    assert panel.current_scenario() is None
    assert panel.select_scenario(list_scenarios(session.workspace, club)[0].id)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    # Re&name, from the inputs: the list may be out of sight; it is brought back.
    panel.inputs_area.verticalScrollBar().setValue(0)
    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    editor = panel.scenario_list.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    type_into(qtbot, editor, "  秋季   海报 ")
    with qtbot.waitSignal(panel.message) as said:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The name as saved, its spaces tidied.
    assert said.args == ["Renamed the fission plan “春季海报” to “秋季 海报”."]
    # A name holding a placeholder is not filled in itself.
    with qtbot.waitSignal(panel.message) as said:
        assert panel.scenarios.setData(panel.scenarios.index(0, 0), "50%2 off")
    assert said.args == ["Renamed the fission plan “秋季 海报” to “50%2 off”."]


def test_focus_first_input_puts_the_keyboard_on_seed_members(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.resize(900, 300)  # short: the inputs scroll
    bar = panel.inputs_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    panel.scenario_list.setFocus()
    panel.focus_first_input()
    field = panel.form.seed_members
    assert field.hasFocus() and field.selectedText() == field.text() == "200"
    assert bar.value() == 0
    viewport = panel.inputs_area.viewport()
    top_left = field.mapTo(viewport, QPoint(0, 0))
    assert viewport.rect().contains(QRect(top_left, field.size()))
    qtbot.keyClicks(field, "500")  # typing replaces the number
    assert panel.projection is not None and panel.projection.seeds == 500


# -- the activity it plans --------------------------------------------------------------


def test_linking_an_activity_and_opening_it(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, session: Session, club: str
) -> None:
    ws = session.workspace
    brand = add_activity(ws, club, "brand", "线下沙龙", 3)
    camp = add_activity(ws, club, "paid", "训练营", 20)
    share = add_activity(ws, club, "sharing", "会员分享周", 12)
    link = panel.link
    assert not link.combo.isEnabled()  # nothing saved yet
    assert link.combo.currentText() == "Save the plan to link it to an activity"
    save_through_dialog(qtbot, panel, "春季海报")
    saved = panel.current_scenario()
    assert saved is not None and link.combo.isEnabled()
    texts = [link.combo.itemText(n) for n in range(link.combo.count())]
    assert texts == [
        "No activity",
        "2026-03-12 · 会员分享周 (Sharing)",
        "2026-03-20 · 训练营 (Paid)",
        "2026-03-03 · 线下沙龙 (Brand)",
    ]
    assert not link.open_button.isEnabled()

    # The keyboard chooses the next entry: the sharing week.
    link.combo.setFocus()
    with qtbot.waitSignal(panel.message):
        qtbot.keyClick(link.combo, Qt.Key.Key_Down)
    assert get_scenario(ws, saved.id).calendar_item_id == share
    assert link.combo.currentData() == share and link.open_button.isEnabled()
    with qtbot.waitSignal(panel.open_activity_requested) as opened:
        qtbot.mouseClick(link.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [share]

    assert link.choose(camp)
    assert get_scenario(ws, saved.id).calendar_item_id == camp
    session.undo()
    assert get_scenario(ws, saved.id).calendar_item_id == share
    assert link.combo.currentData() == share

    # The activity deleted from the calendar: the plan says so, and cannot open it.
    delete_occurrence(ws, find_occurrence(ws, (share, "")))
    session.changed.emit(ws.history.undo_stack[-1])
    assert link.combo.currentText() == "会员分享周 (deleted)"
    assert "deleted from the calendar" in link.hint.text()
    assert not link.open_button.isEnabled()
    assert link.choose(None)
    assert get_scenario(ws, saved.id).calendar_item_id is None
    assert brand in [link.combo.itemData(n) for n in range(link.combo.count())]


# -- read-only, the sample, the palette ---------------------------------------------------


@pytest.fixture
def read_only_session(tmp_path: Path, paths: AppPaths, workspace: Workspace) -> Iterator[Session]:
    community, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    save_scenario(workspace, community, EXAMPLE, "春季海报")
    path = workspace.path
    workspace.close()
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    yield Session(ws)
    ws.close()


def test_a_read_only_workspace_calculates_but_saves_nothing(  # type: ignore[no-untyped-def]
    qtbot, read_only_session: Session
) -> None:
    session = read_only_session
    [community] = list_communities(session.workspace)
    panel = FissionPanel(confirm=Confirm())
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(community.id)
    panel.show()
    assert panel.current_scenario() is not None
    type_into(qtbot, panel.form.seed_members, "300")
    assert panel.projection is not None and panel.projection.seeds == 300  # it calculates
    for button in (
        panel.save_as_button,
        panel.update_button,
        panel.rename_button,
        panel.delete_button,
    ):
        assert not button.isEnabled()
    assert panel.read_only_hint.isVisible()
    assert not panel.link.combo.isEnabled()
    assert panel.save_as() is None and not panel.delete_current()
    qtbot.keyClick(panel.scenario_list, Qt.Key.Key_F2)
    assert panel.scenario_list.findChild(QLineEdit) is None


def test_the_sample_plans_grabbed_in_light_and_dark(  # type: ignore[no-untyped-def]
    qtbot, sample_path: Path, paths: AppPaths
) -> None:
    ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir)
    try:
        ids = {c.name: c.id for c in list_communities(ws)}
        session = Session(ws)
        panel = FissionPanel()
        qtbot.addWidget(panel)
        panel.set_session(session)
        panel.show_community(ids["深夜读书会 · 付费会员圈"])
        panel.resize(900, 700)
        panel.show()
        assert [panel.scenarios.index(n, 0).data() for n in range(2)] == [
            "打卡海报裂变",
            "续费营 · 老带新",
        ]
        assert panel.link.combo.currentText().endswith("会员共读分享会：我的读书笔记 (Sharing)")
        assert panel.results.k_value.text() == "0.84"
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        backgrounds, verdicts = [], []
        for palette in (light_palette(), dark_palette()):
            # As apply_theme does when the system switches between light and dark.
            app.setStyle(PlannerStyle())
            app.setPalette(palette)
            app.setStyleSheet(STYLE_SHEET)
            app.processEvents()
            image = panel.grab().toImage()
            assert image.width() >= 900 and image.height() >= 700
            backgrounds.append(panel.chart.chart().backgroundBrush().color())
            window = palette.color(QPalette.ColorRole.Window)
            assert backgrounds[-1] == window  # the chart follows the palette
            verdicts.append(panel.results.verdict.styleSheet())
        assert backgrounds[0] != backgrounds[1]
        assert verdicts == ["color: #b05a00;", "color: #fdd663;"]  # K < 1, light and dark
        app.setPalette(light_palette())
        assert panel.chart.save_png(str(sample_path.with_suffix(".png")))
        assert sample_path.with_suffix(".png").stat().st_size > 1000
    finally:
        ws.close()


def test_chart_points_start_at_the_seeds() -> None:
    panel = FissionPanel()
    try:
        panel.chart.set_projection(project(EXAMPLE))
        assert panel.chart.total_series.at(0) == QPointF(0, 200)
        panel.chart.set_projection(None)
        assert panel.chart.new_set.count() == 0
    finally:
        panel.deleteLater()


def test_saving_the_chart_says_where_or_why_not(  # type: ignore[no-untyped-def]
    qtbot, panel: FissionPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui import fission_chart

    target = tmp_path / "裂变.png"
    monkeypatch.setattr(fission_chart, "choose_save_path", lambda *_a: str(target))
    with qtbot.waitSignal(panel.message) as said:
        panel.chart.choose_png()
    assert str(target) in said.args[0]
    image = QImage(str(target))
    assert image.width() == panel.chart.width() * 2  # drawn from the scene, sharp
    missing = tmp_path / "no such folder" / "裂变.png"
    monkeypatch.setattr(fission_chart, "choose_save_path", lambda *_a: str(missing))
    with qtbot.waitSignal(panel.error) as failed:
        panel.chart.choose_png()
    assert "Could not save the chart" in failed.args[0] and "\n" not in failed.args[0]
