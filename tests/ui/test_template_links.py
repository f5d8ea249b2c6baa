"""The templates a community uses, on its page: listed welcome sequences first,
added from the library, removed, undone; the missing 24-hour welcome is named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox

from planner.communities import create_community
from planner.community_templates import link_template, linked_templates
from planner.paths import AppPaths
from planner.template_library import builtin_template, delete_template, duplicate_template
from planner.templating import TemplateKind
from planner.ui.community_page import CommunityPage
from planner.ui.session import Session
from planner.ui.template_links import LinkRole, TemplateLinkModel, TemplateLinks, TemplatePicker
from planner.workspace import create_workspace, open_workspace
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

WELCOME = builtin_template("first_24_hours", "zh")
POSTER = builtin_template("guest_share", "zh")


@pytest.fixture
def setup(tmp_path: Path, paths: AppPaths) -> tuple[Path, str]:
    path = tmp_path / "plan.cplan"
    ws = create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
    community_id, _ = create_community(ws, {"name": "Notion 中文用户群"})
    ws.close()
    return path, community_id


@pytest.fixture
def session(setup: tuple[Path, str], paths: AppPaths) -> Iterator[Session]:
    ws = open_workspace(setup[0], device_id=DEVICE, lock_dir=paths.lock_dir)
    s = Session(ws)
    yield s
    s.close()


@pytest.fixture
def community_id(setup: tuple[Path, str]) -> str:
    return setup[1]


@pytest.fixture
def links(qtbot, session: Session, community_id: str) -> TemplateLinks:
    widget = TemplateLinks()
    qtbot.addWidget(widget)
    widget.set_session(session)
    widget.show_community(community_id)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(widget: TemplateLinks) -> list[str]:
    model = widget.model
    return [model.index(row).data() for row in range(model.rowCount())]


def picker_of(widget: TemplateLinks) -> TemplatePicker:
    pickers = [p for p in widget.findChildren(TemplatePicker) if p.isVisible()]
    assert len(pickers) == 1
    return pickers[0]


def choose(qtbot, picker: TemplatePicker, template_id: str) -> None:
    model = picker.model
    row = model.row_of(template_id)
    assert row >= 0, f"{template_id} is not offered"
    picker.list.setCurrentIndex(model.index(row))
    qtbot.mouseClick(
        picker.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_link_model_passes_model_tester(qtmodeltester, session: Session, community_id: str) -> None:
    model = TemplateLinkModel()
    qtmodeltester.check(model)
    session.run(link_template, community_id, POSTER.id)
    session.run(link_template, community_id, WELCOME.id)
    model.set_links(linked_templates(session.workspace, community_id))
    qtmodeltester.check(model)
    assert [model.index(r).data(LinkRole.KIND) for r in range(2)] == ["welcome", "poster"]
    assert model.index(0).data(LinkRole.TEMPLATE_ID) == WELCOME.id


def test_no_welcome_sequence_is_named_and_fixed(
    qtbot, links: TemplateLinks, session: Session, community_id: str
) -> None:
    assert names(links) == []
    assert links.empty.isVisible()
    assert links.welcome_hint.isVisible()
    assert "24 hours" in links.welcome_text.text()
    qtbot.mouseClick(links.welcome_button, Qt.MouseButton.LeftButton)
    picker = picker_of(links)
    assert picker.kind.currentData() == TemplateKind.WELCOME.value  # welcome sequences offered
    assert all(t.kind is TemplateKind.WELCOME for t in picker.model.templates())
    choose(qtbot, picker, WELCOME.id)
    assert names(links) == [WELCOME.name]
    assert not links.welcome_hint.isVisible()
    assert [link.template_ref for link in linked_templates(session.workspace, community_id)] == [
        WELCOME.id
    ]
    session.undo()
    assert names(links) == [] and links.welcome_hint.isVisible()


def test_add_a_poster_then_remove_it(
    qtbot, links: TemplateLinks, session: Session, community_id: str
) -> None:
    session.run(link_template, community_id, WELCOME.id)
    qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)
    picker = picker_of(links)
    assert picker.kind.currentData() == TemplateKind.POSTER.value
    picker.kind.setCurrentIndex(picker.kind.findData(TemplateKind.WELCOME.value))
    # What the community already uses is not offered again.
    assert picker.model.row_of(WELCOME.id) == -1
    picker.kind.setCurrentIndex(picker.kind.findData(TemplateKind.POSTER.value))
    choose(qtbot, picker, POSTER.id)
    assert names(links) == [WELCOME.name, POSTER.name]  # welcome sequences first
    assert links.list.currentIndex().data() == POSTER.name  # the new one is selected

    assert links.remove_button.isEnabled()
    qtbot.mouseClick(links.remove_button, Qt.MouseButton.LeftButton)
    assert names(links) == [WELCOME.name]
    session.undo()
    assert names(links) == [WELCOME.name, POSTER.name]


def test_a_deleted_template_shows_as_deleted(
    links: TemplateLinks, session: Session, community_id: str
) -> None:
    copy_id, _ = session.run(duplicate_template, WELCOME.id)
    session.run(link_template, community_id, copy_id)
    assert not links.welcome_hint.isVisible()
    session.run(delete_template, copy_id)
    assert names(links) == ["A template that was deleted"]
    assert links.welcome_hint.isVisible()  # a deleted sequence welcomes nobody


def test_open_templates_page(qtbot, links: TemplateLinks) -> None:
    with qtbot.waitSignal(links.open_templates_requested):
        qtbot.mouseClick(links.open_button, Qt.MouseButton.LeftButton)


def test_on_the_community_page(qtbot, session: Session, community_id: str) -> None:
    page = CommunityPage(session, confirm=Confirm())
    qtbot.addWidget(page)
    page.show_community(community_id)
    page.show()
    tab = page.tabs.indexOf(page.template_links)
    assert page.tabs.tabText(tab) == "Templates"
    session.run(link_template, community_id, WELCOME.id)
    assert page.tabs.tabText(tab) == "Templates (1)"
    with qtbot.waitSignal(page.open_templates_requested) as blocker:
        page.template_links.open_button.click()
    assert blocker.args == [community_id]


def test_read_only_lists_but_does_not_change(
    qtbot, setup: tuple[Path, str], paths: AppPaths
) -> None:
    path, community_id = setup
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
    link_template(ws, community_id, WELCOME.id)
    ws.close()
    read_only = Session(
        open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    )
    try:
        widget = TemplateLinks()
        qtbot.addWidget(widget)
        widget.set_session(read_only)
        widget.show_community(community_id)
        assert names(widget) == [WELCOME.name]
        widget.list.setCurrentIndex(widget.model.index(0))
        assert not widget.add_button.isEnabled() and not widget.remove_button.isEnabled()
        assert widget.add(TemplateKind.POSTER) is None
    finally:
        read_only.close()


def test_delete_key_stops_using_the_selected_template(
    qtbot, links: TemplateLinks, session: Session, community_id: str
) -> None:
    session.run(link_template, community_id, WELCOME.id)
    session.run(link_template, community_id, POSTER.id)
    links.list.setCurrentIndex(links.model.index(1))
    links.list.setFocus()
    qtbot.keyClick(links.list, Qt.Key.Key_Delete)
    assert names(links) == [WELCOME.name]
    session.undo()  # undoable, as the button is
    assert names(links) == [WELCOME.name, POSTER.name]


def test_after_stop_using_the_next_link_is_selected(
    qtbot, links: TemplateLinks, session: Session, community_id: str
) -> None:
    other = builtin_template("fission_invite", "zh")
    for template in (WELCOME, POSTER, other):
        session.run(link_template, community_id, template.id)
    links.list.setCurrentIndex(links.model.index(1))
    qtbot.mouseClick(links.remove_button, Qt.MouseButton.LeftButton)
    assert names(links) == [WELCOME.name, other.name]
    assert links.list.currentIndex().data() == other.name  # the next one
    assert links.remove_button.isEnabled()
    qtbot.mouseClick(links.remove_button, Qt.MouseButton.LeftButton)
    assert links.list.currentIndex().data() == WELCOME.name  # the last left
    assert links.remove_button.isEnabled()


def test_double_click_opens_the_template(qtbot, session: Session, community_id: str) -> None:
    page = CommunityPage(session, confirm=Confirm())
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show_community(community_id)
    page.tabs.setCurrentWidget(page.template_links)
    page.show()
    qtbot.waitExposed(page)
    session.run(link_template, community_id, WELCOME.id)
    session.run(link_template, community_id, POSTER.id)
    view = page.template_links.list
    rect = view.visualRect(page.template_links.model.index(1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_template_requested, timeout=1000) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [POSTER.id]


def test_open_templates_page_looks_like_a_link(qtbot, links: TemplateLinks) -> None:
    button = links.open_button
    assert button.cursor().shape() == Qt.CursorShape.PointingHandCursor
    link = button.palette().color(QPalette.ColorRole.Link)
    image = button.grab().toImage()
    pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    assert any(
        abs(p.red() - link.red()) + abs(p.green() - link.green()) + abs(p.blue() - link.blue()) < 60
        for p in pixels
    ), "the button's words are not in the link colour"
