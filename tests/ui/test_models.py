"""The Qt item models over communities: model-tester clean, and live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from planner.checklists import Progress, checklist, set_done, set_hidden
from planner.communities import (
    Community,
    Stage,
    create_community,
    delete_community,
    list_communities,
    update_community,
)
from planner.ui.community_model import CommunityFilterModel, CommunityListModel, Role
from planner.ui.session import Session
from planner.ui.sidebar import STAGE_COLORS, Sidebar
from planner.workspace import Workspace

SAMPLE_LIVE = {
    "Growth Hackers 增长交流群",
    "Notion 中文用户群",
    "初二（3）班家长群",
    "深夜读书会 · 付费会员圈",
}
SAMPLE_TRASHED = "双十一临时福利群"


def names(model: CommunityListModel | CommunityFilterModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def row_for(model: CommunityListModel, community_id: str) -> QModelIndex:
    row = model.row_of(community_id)
    assert row >= 0, f"{community_id} not in the model"
    return model.index(row, 0)


def test_live_model_passes_model_tester(qtmodeltester, session: Session) -> None:
    model = CommunityListModel(session)
    qtmodeltester.check(model)
    assert set(names(model)) == SAMPLE_LIVE
    # Sorted by name, as the core lists them.
    assert names(model) == [c.name for c in list_communities(session.workspace)]


def test_trash_model_passes_model_tester(qtmodeltester, session: Session) -> None:
    model = CommunityListModel(session, trash=True)
    qtmodeltester.check(model)
    assert names(model) == [SAMPLE_TRASHED]
    community = model.index(0, 0).data(Role.COMMUNITY)
    assert isinstance(community, Community)
    assert community.deleted


def test_model_on_empty_workspace(qtmodeltester, workspace: Workspace) -> None:
    model = CommunityListModel(Session(workspace))
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.row_of("anything") == -1
    assert model.data(model.index(0, 0)) is None


def test_model_without_session_is_empty(qtmodeltester) -> None:
    model = CommunityListModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_data_roles(session: Session) -> None:
    model = CommunityListModel(session)
    notion = next(c for c in list_communities(session.workspace) if c.name.startswith("Notion"))
    index = row_for(model, notion.id)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Notion 中文用户群"
    assert index.data(Role.ID) == notion.id
    assert index.data(Role.COMMUNITY) == notion
    assert index.data(Role.STAGE) == "output"
    assert index.data(Role.MEMBERS) == 486
    assert index.data(Qt.ItemDataRole.DecorationRole) == QColor("#2f80ed")
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Notion 中文用户群" in tooltip and "WeCom" in tooltip
    search = index.data(Role.SEARCH_TEXT)
    assert "Kevin 王" in search and "产品经理" in search and "WeCom" in search
    flags = model.flags(index)
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_filter_model_passes_model_tester(qtmodeltester, session: Session) -> None:
    model = CommunityListModel(session)
    proxy = CommunityFilterModel()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("notion")  # case-insensitive
    qtmodeltester.check(proxy)
    assert names(proxy) == ["Notion 中文用户群"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kevin", {"Notion 中文用户群", "Growth Hackers 增长交流群"}),  # owner
        ("K12", {"初二（3）班家长群"}),  # segment
        ("telegram", {"Growth Hackers 增长交流群"}),  # platform label
        ("读书", {"深夜读书会 · 付费会员圈"}),  # name, Chinese
        ("", SAMPLE_LIVE),
        ("no such thing", set()),
    ],
)
def test_filter_matches_name_owner_segment_platform(
    session: Session, text: str, expected: set[str]
) -> None:
    proxy = CommunityFilterModel()
    proxy.setSourceModel(CommunityListModel(session))
    proxy.setFilterFixedString(text)
    assert set(names(proxy)) == expected


def test_model_reloads_after_create_and_undo(qtmodeltester, qtbot, session: Session) -> None:
    model = CommunityListModel(session)
    qtmodeltester.check(model)  # keeps watching the model through the changes below
    assert model.rowCount() == 4

    with qtbot.waitSignal(model.modelReset):
        new_id, _ = session.run(create_community, {"name": "读书会 2 群", "platform": "qq"})
    assert model.rowCount() == 5
    index = row_for(model, new_id)
    assert index.data(Role.ID) == new_id
    assert index.data() == "读书会 2 群"
    assert index.data(Role.STAGE) == "build"

    with qtbot.waitSignal(model.modelReset):
        session.undo()
    assert model.rowCount() == 4
    assert model.row_of(new_id) == -1
    assert set(names(model)) == SAMPLE_LIVE

    with qtbot.waitSignal(model.modelReset):
        session.redo()
    assert row_for(model, new_id).data() == "读书会 2 群"


def test_model_reloads_after_edit(session: Session) -> None:
    model = CommunityListModel(session)
    notion = next(c for c in list_communities(session.workspace) if c.name.startswith("Notion"))
    session.run(update_community, notion.id, {"member_count": 500, "name": "Notion 用户群"})
    index = row_for(model, notion.id)
    assert index.data() == "Notion 用户群"
    assert index.data(Role.MEMBERS) == 500
    session.undo()
    index = row_for(model, notion.id)
    assert index.data() == "Notion 中文用户群"
    assert index.data(Role.MEMBERS) == 486


def test_live_and_trash_models_follow_a_delete(qtmodeltester, session: Session) -> None:
    live = CommunityListModel(session)
    trash = CommunityListModel(session, trash=True)
    qtmodeltester.check(live)
    qtmodeltester.check(trash)
    notion = next(c for c in list_communities(session.workspace) if c.name.startswith("Notion"))

    session.run(delete_community, notion.id)
    assert live.rowCount() == 3 and live.row_of(notion.id) == -1
    # The trash lists the newest deletion first.
    assert names(trash) == ["Notion 中文用户群", SAMPLE_TRASHED]

    session.undo()
    assert live.rowCount() == 4 and live.row_of(notion.id) >= 0
    assert names(trash) == [SAMPLE_TRASHED]


def test_set_session_switches_and_disconnects(session: Session, workspace: Workspace) -> None:
    model = CommunityListModel(session)
    empty = Session(workspace)
    model.set_session(empty)
    assert model.rowCount() == 0
    # Changes to the old session no longer reach the model.
    session.run(create_community, {"name": "Not shown"})
    assert model.rowCount() == 0
    empty.run(create_community, {"name": "Shown"})
    assert names(model) == ["Shown"]
    model.set_session(None)
    assert model.rowCount() == 0


def test_progress_role_follows_ticks_without_a_reset(
    qtmodeltester, qtbot, workspace: Workspace
) -> None:
    session = Session(workspace)
    first_id, _ = session.run(create_community, {"name": "读书会"})
    session.run(create_community, {"name": "Growth Hackers"})
    model = CommunityListModel(session)
    qtmodeltester.check(model)  # keeps watching the model through the changes below
    items = checklist(workspace, first_id)
    index = row_for(model, first_id)
    start = index.data(Role.PROGRESS)
    assert isinstance(start, Progress)
    assert (start.done, start.total) == (0, len(items))
    assert f"0 of {len(items)} done" in index.data(Qt.ItemDataRole.ToolTipRole)

    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as blocker:
        session.run(set_done, items[0].id, True)
    assert Role.PROGRESS in blocker.args[2]
    assert not resets  # the sidebar keeps its selection and scroll position
    assert row_for(model, first_id).data(Role.PROGRESS).done == 1
    # The tooltip breaks the progress down by stage.
    assert "Build 1/7 · Structure 0/6" in row_for(model, first_id).data(Qt.ItemDataRole.ToolTipRole)
    assert model.progress(first_id).of(items[0].stage).done == 1

    session.run(set_hidden, items[1].id, True)  # a hidden item no longer counts
    assert row_for(model, first_id).data(Role.PROGRESS).total == len(items) - 1
    session.undo()
    session.undo()
    assert row_for(model, first_id).data(Role.PROGRESS).done == 0


def test_progress_of_a_community_without_a_checklist(workspace: Workspace) -> None:
    session = Session(workspace)
    bare, _ = session.run(lambda ws: create_community(ws, {"name": "空群"}, checklist=False))
    model = CommunityListModel(session)
    progress = row_for(model, bare).data(Role.PROGRESS)
    assert (progress.done, progress.total) == (0, 0)


def test_sidebar_paints_progress(qtbot, workspace: Workspace) -> None:
    """The delegate draws a row with a bar and done/total, taller than two lines."""
    session = Session(workspace)
    first_id, _ = session.run(create_community, {"name": "读书会"})
    session.run(set_done, checklist(workspace, first_id)[0].id, True)
    sidebar = Sidebar(CommunityListModel(session))
    qtbot.addWidget(sidebar)
    sidebar.resize(280, 400)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    index = sidebar.proxy.index(0, 0)
    rect = sidebar.list.visualRect(index)
    line = sidebar.list.fontMetrics().height()
    assert rect.height() > line * 3
    image = sidebar.list.viewport().grab().toImage()
    # The filled part of the bar is drawn in the stage's colour (Build: grey-blue).
    build = QColor(STAGE_COLORS[Stage.BUILD])
    bottom = rect.bottom() - 12
    colours = {
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.left() + 60)
        for y in range(bottom - 14, bottom)
    }
    assert build.name() in colours
