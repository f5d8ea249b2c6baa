"""The template library: built-ins, workspace copies with undo, the 0003 migration,
and `planner check` on template rows."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.check import check_workspace
from planner.errors import (
    CorruptWorkspace,
    NotFound,
    PlannerError,
    ReadOnlyTemplate,
    ValidationError,
)
from planner.paths import AppPaths
from planner.schema import SCHEMA_VERSION, STEP_NAMES, SYNC_COLUMNS, USER_TABLES
from planner.template_library import (
    BUILTIN_DIR,
    builtin_templates,
    create_template,
    default_welcome,
    delete_template,
    duplicate_template,
    find_template,
    get_template,
    list_templates,
    update_template,
)
from planner.templating import TemplateKind, WelcomeMessage, render_welcome, sample_context
from planner.weekly_plan import TEMPLATE as WEEKLY_TEMPLATE
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DATA, DEVICE

GUEST_ZH = "builtin:guest_share.zh"
FONTS = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
WELCOME_ZH = "builtin:first_24_hours.zh"


# -- built-ins -----------------------------------------------------------------------


def test_built_ins_come_in_chinese_and_english() -> None:
    found = {
        (t.kind, t.id.split(":")[1].rsplit(".", 1)[0], t.language) for t in builtin_templates()
    }
    for stem in ("guest_share", "fission_invite", "paid_camp"):
        for language in ("zh", "en"):
            assert (TemplateKind.POSTER, stem, language) in found
    for stem in ("first_24_hours", "paid_members"):
        for language in ("zh", "en"):
            assert (TemplateKind.WELCOME, stem, language) in found
    names = [t.name for t in builtin_templates()]
    assert len(names) == len({n.casefold() for n in names}), "built-in names must be unique"


def test_every_built_in_file_is_used() -> None:
    weekly = BUILTIN_DIR / "weekly"  # the weekly plan's template, not a library one
    assert {p.name for p in weekly.iterdir()} == {WEEKLY_TEMPLATE.name}
    used = {
        p.name
        for p in BUILTIN_DIR.rglob("*")
        if p.is_file() and p.suffix != ".md" and p.parent != weekly
    }
    expected = set()
    for t in builtin_templates():
        stem, language = t.id.split(":")[1].rsplit(".", 1)
        if t.kind is TemplateKind.POSTER:
            expected |= {f"{stem}.{language}.svg.j2", f"{stem}.toml"}
        else:
            expected.add(f"{stem}.{language}.toml")
    assert used == expected


def test_built_ins_are_complete() -> None:
    for t in builtin_templates():
        assert t.builtin and t.name and t.description
        if t.kind is TemplateKind.POSTER:
            assert t.body.count("<svg") == 1 and not t.messages
            assert 'viewBox="0 0 1080 1920"' in t.body
            assert FONTS in t.body
            assert "qr(" in t.body and ("扫码进群" in t.body or "Scan to join" in t.body)
        else:
            assert not t.body and len(t.messages) >= 3
            assert t.messages[0].offset_minutes == 0
            assert [m.offset_minutes for m in t.messages] == sorted(
                m.offset_minutes for m in t.messages
            )


def test_built_ins_are_read_only(workspace: Workspace) -> None:
    with pytest.raises(ReadOnlyTemplate, match="read-only; duplicate it to edit"):
        update_template(workspace, GUEST_ZH, {"name": "Mine"})
    with pytest.raises(PlannerError, match="cannot be deleted"):
        delete_template(workspace, GUEST_ZH)
    assert not workspace.history.can_undo
    assert get_template(workspace, GUEST_ZH).name == "嘉宾分享 / 直播课海报"


def test_find_by_name_or_id(workspace: Workspace) -> None:
    assert find_template(workspace, "  裂变邀请海报 ").id == "builtin:fission_invite.zh"
    assert find_template(workspace, "fission invite POSTER").id == "builtin:fission_invite.en"
    assert find_template(workspace, "builtin:paid_camp.en").name == "Paid class / camp poster"
    assert find_template(workspace, "paid_camp.zh").id == "builtin:paid_camp.zh"
    with pytest.raises(NotFound, match="No template called “nope”"):
        find_template(workspace, "nope")
    with pytest.raises(NotFound):
        get_template(workspace, "builtin:nope.zh")
    with pytest.raises(NotFound):
        get_template(workspace, "00000000-0000-0000-0000-000000000000")
    assert default_welcome("en").id == "builtin:first_24_hours.en"


# -- workspace templates: duplicate, edit, delete, each undone -------------------------------


def test_duplicate_edit_delete_and_undo_each(workspace: Workspace) -> None:
    copy_id, change = duplicate_template(workspace, GUEST_ZH)
    assert change.action == "duplicate_template"
    copy = get_template(workspace, copy_id)
    assert copy.name == "嘉宾分享 / 直播课海报（副本）"
    assert not copy.builtin and copy.body == get_template(workspace, GUEST_ZH).body
    assert copy in list_templates(workspace, TemplateKind.POSTER)

    change = update_template(workspace, copy_id, {"name": "读书会海报", "body": "<svg/>"})
    assert change.action == "edit_template" and change.subject == "读书会海报"
    assert get_template(workspace, copy_id).body == "<svg/>"
    assert find_template(workspace, "读书会海报").id == copy_id

    change = delete_template(workspace, copy_id)
    assert change.action == "delete_template"
    with pytest.raises(NotFound, match="was deleted"):
        get_template(workspace, copy_id)
    assert all(t.id != copy_id for t in list_templates(workspace))

    workspace.undo()  # the delete
    assert get_template(workspace, copy_id).name == "读书会海报"
    workspace.undo()  # the edit
    restored = get_template(workspace, copy_id)
    assert restored.name == "嘉宾分享 / 直播课海报（副本）"
    assert restored.body == get_template(workspace, GUEST_ZH).body
    workspace.undo()  # the duplicate: a tombstone stays
    with pytest.raises(NotFound):
        get_template(workspace, copy_id)
    row = workspace.get_row("templates", copy_id)
    assert row is not None and row["deleted"] == 1

    workspace.redo()
    workspace.redo()
    assert get_template(workspace, copy_id).name == "读书会海报"


def test_welcome_copies_keep_their_messages(workspace: Workspace) -> None:
    copy_id, _ = duplicate_template(workspace, WELCOME_ZH, "我的欢迎语")
    copy = get_template(workspace, copy_id)
    assert copy.messages == get_template(workspace, WELCOME_ZH).messages
    messages = (WelcomeMessage(60, "第二条"), WelcomeMessage(0, "欢迎 {{ community.name }}"))
    update_template(workspace, copy_id, {"messages": messages, "language": "zh"})
    stored = get_template(workspace, copy_id)
    # Kept in the order they are sent.
    assert stored.messages == (messages[1], messages[0])
    rendered = render_welcome(stored, sample_context("zh"))
    assert rendered[0][1] == "欢迎 深夜读书会 · 付费会员圈"
    workspace.undo()
    assert get_template(workspace, copy_id).messages == copy.messages


def test_copies_get_unique_names(workspace: Workspace) -> None:
    first, _ = duplicate_template(workspace, "builtin:paid_camp.en")
    second, _ = duplicate_template(workspace, "builtin:paid_camp.en")
    assert get_template(workspace, first).name == "Paid class / camp poster (copy)"
    assert get_template(workspace, second).name == "Paid class / camp poster (copy 2)"
    with pytest.raises(ValidationError) as caught:
        update_template(workspace, second, {"name": "paid CLASS / camp poster (COPY)"})
    assert "already called" in caught.value.fields["name"]
    with pytest.raises(ValidationError, match="already called"):
        duplicate_template(workspace, first, "裂变邀请海报")


def test_an_edit_that_changes_nothing_records_nothing(workspace: Workspace) -> None:
    copy_id, _ = duplicate_template(workspace, GUEST_ZH, "Mine")
    depth = len(workspace.history.undo_stack)
    change = update_template(workspace, copy_id, {"name": " Mine ", "language": "zh"})
    assert change.rows == ()
    assert len(workspace.history.undo_stack) == depth


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"name": "  "}, "name", "needs a name"),
        ({"name": "x" * 81}, "name", "too long"),
        ({"language": "fr"}, "language", "not a template language"),
        ({"body": "x" * 200_001}, "body", "too large"),
        ({"messages": [WelcomeMessage(0, "hi")]}, "messages", "has no messages"),
        ({"description": "x" * 2001}, "description", "too long"),
    ],
)
def test_bad_poster_values_are_refused_whole(
    workspace: Workspace, values: dict[str, object], field: str, words: str
) -> None:
    copy_id, _ = duplicate_template(workspace, GUEST_ZH, "Mine")
    before = get_template(workspace, copy_id)
    with pytest.raises(ValidationError) as caught:
        update_template(workspace, copy_id, {"description": "changed", **values})
    assert words in caught.value.fields[field]
    assert get_template(workspace, copy_id) == before


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"body": "<svg/>"}, "keeps its text in its messages"),
        ({"messages": [WelcomeMessage(-1, "x")]}, r"T\+0 to T\+30d"),
        ({"messages": [WelcomeMessage(60 * 24 * 31, "x")]}, r"T\+0 to T\+30d"),
        ({"messages": [WelcomeMessage(0, "x")] * 31}, "Too many messages"),
    ],
)
def test_bad_welcome_values_are_refused(
    workspace: Workspace, values: dict[str, object], words: str
) -> None:
    copy_id, _ = duplicate_template(workspace, WELCOME_ZH, "Mine")
    with pytest.raises(ValidationError, match=words):
        update_template(workspace, copy_id, values)


def test_create_a_template_from_scratch(workspace: Workspace) -> None:
    template_id, change = create_template(
        workspace, TemplateKind.WELCOME, {"name": "Hello", "language": "en"}
    )
    assert change.action == "create_template"
    template = get_template(workspace, template_id)
    assert template.kind is TemplateKind.WELCOME and template.messages == ()
    with pytest.raises(ValidationError):
        create_template(workspace, TemplateKind.POSTER, {})


def test_templates_travel_with_the_workspace(tmp_path: Path, paths: AppPaths) -> None:
    path = tmp_path / "w.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        copy_id, _ = duplicate_template(ws, WELCOME_ZH, "带走的欢迎语")
        expected = get_template(ws, copy_id)
    assert check_workspace(path).sound
    assert check_workspace(path).counts["templates"] == 1
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert get_template(ws, copy_id) == expected


def test_a_read_only_workspace_refuses_edits(tmp_path: Path, paths: AppPaths) -> None:
    path = tmp_path / "w.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        copy_id, _ = duplicate_template(ws, GUEST_ZH, "Mine")
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True) as ws:
        with pytest.raises(PlannerError, match="read-only"):
            update_template(ws, copy_id, {"name": "Other"})
        assert get_template(ws, copy_id).name == "Mine"


# -- the schema -------------------------------------------------------------------------------


def test_templates_table_has_the_sync_columns_and_checks(workspace: Workspace) -> None:
    assert "templates" in USER_TABLES
    assert STEP_NAMES[2] == "0003_templates" and SCHEMA_VERSION >= 3
    columns = set(workspace.db.table("templates").columns_dict)
    assert set(SYNC_COLUMNS) <= columns
    assert {"kind", "name", "language", "description", "body", "messages"} <= columns
    copy_id, _ = duplicate_template(workspace, GUEST_ZH, "Mine")
    for bad in ({"kind": "flyer"}, {"language": "fr"}, {"messages": "{}"}, {"name": ""}):
        with pytest.raises(sqlite3.IntegrityError):
            workspace.db.table("templates").update(copy_id, bad)


def test_schema1_file_is_migrated_to_templates(tmp_path: Path, paths: AppPaths) -> None:
    """0001 -> 0003: the file from before calendars and templates gains both."""
    copy = tmp_path / "old.cplan"
    shutil.copy(DATA / "workspace-schema1.cplan", copy)
    with open_workspace(copy, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert ws.schema_version == SCHEMA_VERSION
        assert {"calendar_items", "templates"} <= set(ws.db.table_names())
        assert [t for t in list_templates(ws) if not t.builtin] == []
        new_id, _ = duplicate_template(ws, WELCOME_ZH)
        assert get_template(ws, new_id).messages
    report = check_workspace(copy)
    assert report.sound and report.counts["templates"] == 1


def _break_row(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("UPDATE templates SET kind = 'flyer'", "unknown kind"),
        ("UPDATE templates SET language = 'fr'", "unknown language"),
        ("UPDATE templates SET messages = '[not json'", "unreadable messages"),
        (
            "UPDATE templates SET messages = '"
            + json.dumps([{"offset_minutes": "soon", "body": "x"}])
            + "'",
            "unreadable messages",
        ),
        (
            "UPDATE templates SET messages = '"
            + json.dumps([{"offset_minutes": 0, "body": 5}])
            + "'",
            "unreadable messages",
        ),
        ("UPDATE templates SET messages = '[1]'", "unreadable messages"),
    ],
)
def test_unreadable_template_rows_are_reported_and_refused(
    tmp_path: Path, paths: AppPaths, sql: str, words: str
) -> None:
    path = tmp_path / "w.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        duplicate_template(ws, WELCOME_ZH, "Mine")
    _break_row(path, sql)
    report = check_workspace(path)
    assert any("template “Mine”" in p and words in p for p in report.problems), report.problems
    with pytest.raises(CorruptWorkspace, match=words):
        open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
