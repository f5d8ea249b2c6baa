"""The template page, driven as a user drives it: the library, the poster editor
with its debounced preview and inline errors, welcome sequences, export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.calendar import Occurrence, occurrences_between
from planner.communities import find_community
from planner.paths import AppPaths
from planner.settings import Settings
from planner.template_library import duplicate_template, get_template, list_templates
from planner.templating import (
    CONTEXT_DOCS,
    Template,
    TemplateKind,
    context_for,
    render_welcome,
)
from planner.ui.labels import action_label
from planner.ui.session import Session
from planner.ui.template_highlighter import SourceEdit, TemplateHighlighter
from planner.ui.template_page import (
    PREVIEW_DELAY_MS,
    TemplateFilterModel,
    TemplateListModel,
    TemplatePage,
    TemplateRole,
)
from planner.workspace import Workspace
from tests.ui.conftest import Confirm

READING = "深夜读书会 · 付费会员圈"
NOTION = "Notion 中文用户群"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Long enough for the debounce plus a render on a slow machine.
RENDER_TIMEOUT_MS = 5000


@pytest.fixture
def confirm() -> Confirm:
    return Confirm()


@pytest.fixture
def page(
    qtbot: QtBot, paths: AppPaths, session: Session, confirm: Confirm
) -> Iterator[TemplatePage]:
    p = TemplatePage(Settings(paths.settings_file), confirm=confirm)
    qtbot.addWidget(p)
    p.set_session(session)
    p.resize(1200, 760)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.set_session(None)


def pick(
    templates: list[Template],
    kind: TemplateKind,
    language: str,
    *,
    contains: str = "",
    excludes: str = "",
    builtin: bool = True,
) -> Template:
    """The first template of ``kind`` in ``language`` whose id has ``contains``."""
    for t in templates:
        if (
            t.kind == kind
            and t.language == language
            and t.builtin == builtin
            and contains in t.id
            and not (excludes and excludes in t.id)
        ):
            return t
    raise AssertionError(f"no {kind} template in {language} with {contains!r}")


def show(page: TemplatePage, template: Template) -> None:
    assert page.select(template.id)
    assert page.template is not None and page.template.id == template.id


def guest_poster(page: TemplatePage, language: str = "zh") -> Template:
    return pick(page.model.templates(), TemplateKind.POSTER, language, contains="guest")


def workspace_copy(page: TemplatePage, template: Template) -> Template:
    """Show a workspace copy of ``template``, made with Duplicate to edit."""
    show(page, template)
    page.banner_duplicate.click()
    copy = page.template
    assert copy is not None and not copy.builtin and copy.id != template.id
    return copy


def session_of(page: TemplatePage) -> Session:
    assert page.session is not None
    return page.session


def shown(page: TemplatePage) -> Template:
    """The template on screen (the page shows one)."""
    assert page.template is not None
    return page.template


def ws(page: TemplatePage) -> Workspace:
    assert page.session is not None
    return page.session.workspace


def go_to_line(editor: SourceEdit, line: int) -> None:
    cursor = QTextCursor(editor.document().findBlockByNumber(line - 1))
    editor.setTextCursor(cursor)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` where ``needle`` first appears."""
    return text[: text.index(needle)].count("\n") + 1


def cards_text(page: TemplatePage) -> list[str]:
    return [card.body.toPlainText() for card in page.cards]


# -- the library ---------------------------------------------------------------------


def test_list_model_passes_the_model_tester(qtmodeltester: ModelTester, session: Session) -> None:
    model = TemplateListModel()
    templates = list_templates(session.workspace)
    model.set_templates(templates)
    qtmodeltester.check(model)
    proxy = TemplateFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert model.rowCount() == len(templates)
    # The workspace's own come first, then built-ins; each shows whether it is built in.
    assert all(model.index(row).data(TemplateRole.BUILTIN) for row in range(model.rowCount()))
    row = model.row_of(templates[0].id)
    assert model.index(row).data(TemplateRole.ID) == templates[0].id
    assert model.index(row).data(Qt.ItemDataRole.DisplayRole) == templates[0].name
    # Only one kind at a time, in one language or all.
    kinds = {proxy.index(r, 0).data(TemplateRole.KIND) for r in range(proxy.rowCount())}
    assert kinds == {TemplateKind.POSTER.value}
    proxy.set_filter(TemplateKind.WELCOME, "en")
    shown = [proxy.index(r, 0).data(TemplateRole.TEMPLATE) for r in range(proxy.rowCount())]
    assert shown and all(t.kind == TemplateKind.WELCOME and t.language == "en" for t in shown)
    # New rows, the same rows in a new order (a rename), none: consistent for the tester,
    # and a new order keeps persistent indexes (the list's selection) on their rows.
    own = [_renamed(t, f"copy {n}", f"id-{n}") for n, t in enumerate(templates[:3])]
    model.set_templates([*own, *templates])
    assert [model.template(r).id for r in range(3)] == ["id-0", "id-1", "id-2"]
    held = QPersistentModelIndex(model.index(0))
    model.set_templates([*reversed(own), *templates])
    assert held.row() == 2 and held.data(TemplateRole.ID) == "id-0"
    model.set_templates([])
    assert model.rowCount() == 0


def _renamed(template: Template, name: str, new_id: str = "") -> Template:
    return replace(template, name=name, id=new_id or template.id, builtin=not new_id)


def test_built_ins_are_read_only_with_duplicate_to_edit_up_front(
    qtbot: QtBot, page: TemplatePage
) -> None:
    poster = guest_poster(page)
    show(page, poster)
    assert page.banner.isVisible() and page.banner_duplicate.isEnabled()
    assert page.source.isReadOnly() and page.name.isReadOnly()
    assert not page.language.isEnabled()
    assert not page.save_button.isVisible() and not page.delete_button.isEnabled()
    assert page.duplicate_button.text() == "Duplicate to edit"
    before = page.source.toPlainText()
    qtbot.keyClicks(page.source, "typed")
    assert page.source.toPlainText() == before and not page.dirty
    # Ctrl+S on a built-in says why nothing is saved; Delete on the list does nothing.
    with qtbot.waitActive(page):
        page.activateWindow()
    page.source.setFocus()
    with qtbot.waitSignal(page.message) as said:
        qtbot.keyClick(page.source, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "read-only" in said.args[0]
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert page.template is not None and page.template.id == poster.id
    assert get_template(ws(page), poster.id) == poster


def test_the_list_shows_one_kind_filtered_by_language(page: TemplatePage) -> None:
    page.set_kind(TemplateKind.WELCOME)
    assert page.welcome_kind_button.isChecked()
    assert page.template is not None and page.template.kind == TemplateKind.WELCOME
    assert page.kind_stack.currentIndex() == 1
    page.set_language_filter("zh")
    rows = [
        page.proxy.index(r, 0).data(TemplateRole.TEMPLATE) for r in range(page.proxy.rowCount())
    ]
    assert rows and all(t.kind == TemplateKind.WELCOME and t.language == "zh" for t in rows)
    assert page.template.language == "zh"
    page.poster_kind_button.click()
    assert shown(page).kind == TemplateKind.POSTER and shown(page).language == "zh"
    assert page.kind_stack.currentIndex() == 0
    # Selecting a template the filters hide switches the filters.
    english = guest_poster(page, "en")
    show(page, english)
    assert page.language_filter.currentData() == ""


# -- the poster editor -----------------------------------------------------------------


def test_duplicate_type_preview_after_debounce_save_and_undo(
    qtbot: QtBot, page: TemplatePage
) -> None:
    builtin = guest_poster(page)
    with qtbot.waitSignal(session_of(page).changed):
        copy = workspace_copy(page, builtin)
    assert page.list.currentIndex().data(TemplateRole.ID) == copy.id
    assert not page.source.isReadOnly() and page.save_button.isVisible()
    assert page.delete_button.isEnabled() and not page.banner.isVisible()
    duplicated = ws(page).history.next_undo()
    assert duplicated is not None and duplicated.action == "duplicate_template"
    assert action_label(duplicated).startswith("Duplicate the template")
    page.set_context(find_community(ws(page), READING).id)
    first = page.preview.image
    assert first is not None and not first.isNull()

    renders: list[bool] = []
    page.preview_rendered.connect(lambda: renders.append(True))
    source = page.source.toPlainText()
    go_to_line(page.source, line_of(source, "</svg>"))
    typed = '<text x="40" y="60" font-size="30">{{ community.name }} welcome</text>'
    qtbot.keyClicks(page.source, typed)
    qtbot.keyClick(page.source, Qt.Key.Key_Return)
    # Typing is never held up by rendering: nothing rendered yet, then one render.
    assert renders == [] and page.preview_timer.isActive()
    assert page.preview_timer.interval() == PREVIEW_DELAY_MS
    assert page.dirty and page.save_button.isEnabled()
    with qtbot.waitSignal(page.preview_rendered, timeout=RENDER_TIMEOUT_MS):
        pass
    assert renders == [True]
    assert str(escape(READING)) + " welcome" in page.svg
    assert page.preview.image is not None and page.preview.image.cacheKey() != first.cacheKey()
    assert not page.source_error.isVisible()

    with qtbot.waitActive(page):
        page.activateWindow()
    page.source.setFocus()
    with qtbot.waitSignal(session_of(page).changed):
        qtbot.keyClick(page.source, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.dirty
    saved = get_template(ws(page), copy.id)
    assert typed.strip() in saved.body
    change = ws(page).history.next_undo()
    assert change is not None and change.action == "edit_template"
    assert action_label(change).startswith("Edit the template")

    session_of(page).undo()
    assert get_template(ws(page), copy.id).body == copy.body
    assert page.source.toPlainText() == copy.body and not page.dirty


def test_a_template_error_shows_inline_with_its_line_and_the_old_preview_stays(
    qtbot: QtBot, page: TemplatePage
) -> None:
    workspace_copy(page, guest_poster(page))
    old = page.preview.image
    assert old is not None
    old_svg = page.svg
    bad = line_of(page.source.toPlainText(), "</svg>")
    go_to_line(page.source, bad)
    qtbot.keyClicks(page.source, "{% if %}")
    qtbot.keyClick(page.source, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.preview_rendered, timeout=RENDER_TIMEOUT_MS):
        pass
    assert page.source_error.isVisible()
    assert re.search(rf"\bline {bad}\b", page.source_error.text(), re.IGNORECASE)
    assert page.source.error_line == bad
    assert len(page.source.extraSelections()) == 1
    assert page.preview.image is old and page.preview.stale and page.svg == old_svg
    # Clicking the message goes to the line.
    go_to_line(page.source, 1)
    qtbot.mouseClick(page.source_error, Qt.MouseButton.LeftButton)
    assert page.source.textCursor().blockNumber() == bad - 1

    # An undefined variable is an error too, not a blank.
    page.source.setPlainText(page.source.toPlainText().replace("{% if %}\n", "{{ nonsense }}\n"))
    with qtbot.waitSignal(page.preview_rendered, timeout=RENDER_TIMEOUT_MS):
        pass
    assert "nonsense" in page.source_error.text() and page.source.error_line == bad

    page.source.setPlainText(page.source.toPlainText().replace("{{ nonsense }}\n", ""))
    with qtbot.waitSignal(page.preview_rendered, timeout=RENDER_TIMEOUT_MS):
        pass
    assert not page.source_error.isVisible() and page.source.error_line is None
    assert not page.preview.stale and page.preview.image is not old


def test_revert_and_switching_templates_saves_the_edits(qtbot: QtBot, page: TemplatePage) -> None:
    copy = workspace_copy(page, guest_poster(page))
    page.description.end(False)
    qtbot.keyClicks(page.description, " for Thursdays")
    assert page.dirty and page.revert_button.isEnabled()
    page.revert_button.click()
    assert page.description.text() == copy.description and not page.dirty

    page.description.end(False)
    qtbot.keyClicks(page.description, " for Thursdays")
    other = guest_poster(page, "en")
    with qtbot.waitSignal(session_of(page).changed):
        show(page, other)
    assert get_template(ws(page), copy.id).description == copy.description + " for Thursdays"
    assert not page.dirty


def test_edits_that_cannot_be_saved_keep_the_template_on_screen(
    qtbot: QtBot, page: TemplatePage
) -> None:
    builtin = guest_poster(page)
    copy = workspace_copy(page, builtin)
    page.name.selectAll()
    page.name.insert(builtin.name)  # another template's name: refused
    assert page.dirty
    assert not page.save()
    assert page.fields.message("name") and page.dirty
    # Choosing another template tries to save; refused, the list goes back to the copy.
    other = guest_poster(page, "en")
    page.list.setCurrentIndex(
        page.proxy.mapFromSource(page.model.index(page.model.row_of(other.id)))
    )
    assert page.template is not None and page.template.id == copy.id
    qtbot.waitUntil(lambda: page.list.currentIndex().data(TemplateRole.ID) == copy.id)
    assert page.name.text() == builtin.name and page.dirty
    assert get_template(ws(page), copy.id).name == copy.name


def test_changes_made_while_hidden_show_when_the_page_does(page: TemplatePage) -> None:
    page.hide()
    new_id, _change = session_of(page).run(duplicate_template, guest_poster(page).id)
    assert page.model.row_of(new_id) < 0  # no work for a page nobody sees
    page.show()
    assert page.model.row_of(new_id) >= 0


def test_delete_asks_and_undo_brings_it_back(
    qtbot: QtBot, page: TemplatePage, confirm: Confirm
) -> None:
    copy = workspace_copy(page, guest_poster(page))
    confirm.answer = False
    assert not page.delete()
    assert get_template(ws(page), copy.id).id == copy.id and len(confirm.questions) == 1
    assert copy.name in confirm.questions[0]

    confirm.answer = True
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert page.model.row_of(copy.id) < 0
    assert page.template is not None and page.template.id != copy.id
    deleted = ws(page).history.next_undo()
    assert deleted is not None and deleted.action == "delete_template"

    session_of(page).undo()
    assert page.model.row_of(copy.id) >= 0
    assert page.select(copy.id)


def test_the_docs_panel_lists_the_context_and_inserts_on_click(page: TemplatePage) -> None:
    text = page.docs.toPlainText()
    assert all(expression in text for expression, _meaning in CONTEXT_DOCS)
    workspace_copy(page, guest_poster(page))
    go_to_line(page.source, 1)
    n = [expression for expression, _meaning in CONTEXT_DOCS].index("community.name")
    page.docs.anchorClicked.emit(QUrl(f"doc:{n}"))
    assert page.source.toPlainText().startswith("{{ community.name }}")
    # A helper goes in as written, for its arguments to be filled in.
    helper = next(e for e, _m in CONTEXT_DOCS if e.startswith("qr("))
    page.insert_expression(helper)
    assert page.source.toPlainText().startswith("{{ community.name }}" + helper)


# -- welcome sequences ---------------------------------------------------------------


def test_welcome_copy_puts_the_rendered_chinese_text_on_the_clipboard(
    qtbot: QtBot, page: TemplatePage
) -> None:
    welcome = pick(page.model.templates(), TemplateKind.WELCOME, "zh", excludes="paid")
    show(page, welcome)
    reading = find_community(ws(page), READING)
    page.set_context(reading.id)
    assert page.community.currentData() == reading.id
    assert not page.item.isVisible()
    assert len(page.cards) == len(welcome.messages) >= 3
    assert [c.offset_badge.text() for c in page.cards][0] == "T+0"
    expected = render_welcome(welcome, context_for(ws(page), reading.id, language="zh"))
    QGuiApplication.clipboard().clear()
    for n, (_message, text) in enumerate(expected):
        qtbot.mouseClick(page.cards[n].copy_button, Qt.MouseButton.LeftButton)
        copied = QGuiApplication.clipboard().text()
        assert copied == text == page.cards[n].preview.text()
        assert CJK.search(copied) and "{{" not in copied and "{%" not in copied
    assert any(reading.name in text for _m, text in expected)
    assert page.cards[0].body.isReadOnly() and not page.add_message_button.isVisible()


def test_welcome_messages_can_be_added_moved_edited_and_removed(
    qtbot: QtBot, page: TemplatePage
) -> None:
    page.set_kind(TemplateKind.WELCOME)
    builtin = pick(page.model.templates(), TemplateKind.WELCOME, "zh", excludes="paid")
    copy = workspace_copy(page, builtin)
    page.set_context(find_community(ws(page), READING).id)
    original = cards_text(page)
    page.add_message_button.click()
    assert len(page.cards) == len(original) + 1
    last = page.cards[-1]
    assert last.offset_minutes() == copy.messages[-1].offset_minutes + 1440
    # (QTest types Latin-1 only; the Chinese goes in as an input method would put it.)
    qtbot.keyClicks(last.body, "{{ community.name }}")
    last.body.moveCursor(QTextCursor.MoveOperation.Start)
    last.body.insertPlainText("明天见，")
    with qtbot.waitSignal(page.preview_rendered, timeout=RENDER_TIMEOUT_MS):
        pass
    assert page.cards[-1].rendered is not None
    assert page.cards[-1].rendered == "明天见，" + find_community(ws(page), READING).name

    page.cards[-1].up_button.click()
    assert cards_text(page)[-2] == "明天见，{{ community.name }}"
    page.cards[0].amount.setValue(5)
    page.cards[0].unit.setCurrentIndex(page.cards[0].unit.findData(1))
    assert page.cards[0].offset_badge.text() != "T+0"
    page.cards[-1].remove_button.click()
    assert len(page.cards) == len(original)
    assert page.dirty

    # A broken message says which line, and cannot be copied.
    page.cards[1].body.setPlainText("好\n{{ nope }}")
    with qtbot.waitSignal(page.preview_rendered, timeout=RENDER_TIMEOUT_MS):
        pass
    assert page.cards[1].error.isVisible() and not page.cards[1].copy_button.isEnabled()
    page.cards[1].body.setPlainText(original[1])

    assert page.save()
    saved = get_template(ws(page), copy.id)
    assert [m.body for m in saved.messages] == cards_text(page)
    assert saved.messages[0].offset_minutes == 5

    # Messages go out in the order of their times: a later time moves the card down.
    page.cards[0].amount.setValue(3)
    page.cards[0].unit.setCurrentIndex(page.cards[0].unit.findData(1440))
    first_text = cards_text(page)[0]
    assert page.save()
    assert cards_text(page)[-1] == first_text and not page.dirty
    assert [c.offset_minutes() for c in page.cards] == sorted(
        c.offset_minutes() for c in page.cards
    )
    session_of(page).undo()
    session_of(page).undo()
    assert cards_text(page) == original


# -- export and the calendar --------------------------------------------------------------


def test_export_to_writes_png_pdf_and_svg(page: TemplatePage, tmp_path: Path) -> None:
    show(page, guest_poster(page))
    reading = find_community(ws(page), READING)
    page.set_context(reading.id)
    assert page.export_to(tmp_path / "poster.png")
    image = QImage(str(tmp_path / "poster.png"))
    assert image.width() == 1080
    page.png_width.setCurrentIndex(page.png_width.findData(2160))
    assert page.export_to(tmp_path / "big.png")
    assert QImage(str(tmp_path / "big.png")).width() == 2160
    assert page.export_to(tmp_path / "poster.pdf")
    assert (tmp_path / "poster.pdf").read_bytes().startswith(b"%PDF")
    assert page.export_to(tmp_path / "poster.svg")
    svg = (tmp_path / "poster.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and str(escape(reading.name)) in svg
    assert not page.export_to(tmp_path / "poster.gif")
    assert page.default_export_name(".png").endswith(".png")
    assert "/" not in page.default_export_name(".png")


def _guest_share(page: TemplatePage) -> Occurrence:
    start = datetime.combine(date.today(), time()) - timedelta(days=60)
    found = [
        o
        for o in occurrences_between(ws(page), start, start + timedelta(days=240))
        if o.item.item_type == "guest_share" and CJK.search(o.item.title)
    ]
    assert found, "the sample has guest shares"
    return found[0]


def test_make_poster_for_a_calendar_item(page: TemplatePage) -> None:
    page.set_kind(TemplateKind.WELCOME)
    occ = _guest_share(page)
    assert page.make_poster_for(occ.key, occ.item.community_id)
    assert page.template is not None and page.template.kind == TemplateKind.POSTER
    assert "guest" in page.template.id and page.template.language == "zh"
    assert page.community.currentData() == occ.item.community_id
    assert page.item_key == occ.key and page.item.isVisible()
    assert occ.item.title in page.item.currentText()
    context = page.current_context()
    assert context.item is not None and context.item["title"] == occ.item.title
    assert not page.source_error.isVisible()
    assert str(escape(occ.item.speaker)) in page.svg or str(escape(occ.item.title[:4])) in page.svg
    # Choosing no item takes it out of the context.
    page.item.setCurrentIndex(0)
    assert page.item_key is None and page.current_context().item is None


# -- without a workspace, and the highlighter -------------------------------------------


def test_without_a_workspace_the_built_ins_show_read_only_with_sample_values(
    qtbot: QtBot, paths: AppPaths
) -> None:
    p = TemplatePage(Settings(paths.settings_file), confirm=Confirm())
    qtbot.addWidget(p)
    assert p.model.rowCount() > 0 and p.template is not None
    assert p.template.builtin and p.source.isReadOnly()
    assert not p.duplicate_button.isEnabled() and not p.banner_duplicate.isEnabled()
    assert not p.community.isEnabled() and p.context_hint.text()
    # Hidden (as behind the calendar at start-up), the preview waits to be shown.
    assert p.preview.image is None
    p.show()
    qtbot.waitExposed(p)
    assert p.preview.image is not None and not p.source_error.isVisible()
    assert p.delete() is False and p.duplicate() is None


def test_the_highlighter_colours_jinja_and_svg(qtbot: QtBot) -> None:
    editor = SourceEdit(markup=True)
    qtbot.addWidget(editor)
    editor.setPlainText('<text x="1">{{ community.name }}</text>\n{# a\nnote #}\n{% if x %}')
    highlighter: TemplateHighlighter = editor.highlighter

    def color_at(line: int, column: int) -> str:
        block = editor.document().findBlockByNumber(line)
        for r in block.layout().formats():
            if r.start <= column < r.start + r.length:
                return r.format.foreground().color().name()
        return ""

    fmt = highlighter.format_of
    assert color_at(0, 1) == fmt("tag").foreground().color().name()
    assert color_at(0, 6) == fmt("attribute").foreground().color().name()
    assert color_at(0, 12) == fmt("delimiter").foreground().color().name()
    assert color_at(0, 15) == fmt("name").foreground().color().name()
    # A comment carries on to the next line.
    assert color_at(2, 0) == fmt("comment").foreground().color().name()
    assert color_at(3, 3) == fmt("keyword").foreground().color().name()
    assert editor.gutter_width() > 0
    editor.set_error_line(2)
    assert editor.error_line == 2 and len(editor.extraSelections()) == 1
    editor.set_error_line(99)
    assert editor.error_line is None and editor.extraSelections() == []
    # Positions count UTF-16 units in Qt: an emoji before a tag does not shift the colours.
    editor.setPlainText("🎉 {{ name }} <b>")
    assert color_at(0, 3) == fmt("delimiter").foreground().color().name()
    assert color_at(0, 7) == fmt("name").foreground().color().name()
    assert color_at(0, 14) == fmt("tag").foreground().color().name()
    assert color_at(0, 13) == ""  # the space before the tag


def test_select_unknown_and_cleared_current(page: TemplatePage) -> None:
    assert not page.select("no-such-template")
    page.list.setCurrentIndex(QModelIndex())
    assert page.template is None and page.right.currentWidget() is page.empty


def test_a_hidden_page_reads_the_calendar_items_only_when_shown(
    qtbot: QtBot, paths: AppPaths, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a workspace sets the session of the page hidden behind the calendar:
    the preview's choice of calendar items is read when the page is shown."""
    import planner.ui.template_page as template_page

    reads: list[int] = []
    real = template_page.occurrences_between

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(template_page, "occurrences_between", counted)
    p = TemplatePage(Settings(paths.settings_file), confirm=Confirm())
    qtbot.addWidget(p)
    p.set_session(session)
    assert reads == [] and not p.item.isEnabled()
    p.resize(1200, 760)
    p.show()
    qtbot.waitExposed(p)
    assert reads
    assert p.item.count() > 1 and p.item.isEnabled()  # the sample community's coming items
