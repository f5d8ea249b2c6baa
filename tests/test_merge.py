"""Merging a teammate's copy: who changed what, conflicts, undo, all or nothing."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from planner import merge as merge_module
from planner import merge_apply
from planner.calendar import CalendarFilter, create_item, occurrences_between
from planner.check import check_workspace
from planner.checklists import checklist, set_done
from planner.communities import (
    create_community,
    delete_community,
    find_community,
    list_communities,
    update_community,
)
from planner.devices import made_by_others
from planner.errors import Cancelled
from planner.merge import MergeError, version
from planner.merge_apply import apply_merge, take_all
from planner.merge_file import BACKUPS_KEPT, backup_before_merge, prepare_merge
from planner.paths import AppPaths
from planner.schema import USER_TABLES
from planner.snapshot import write_snapshot
from planner.template_library import builtin_templates, duplicate_template
from planner.workspace import Workspace, open_workspace
from tests.conftest import DATA, DEVICE

THEIRS = "00000000-0000-4000-8000-0000000000b2"


def rows(ws: Workspace) -> dict[str, list[dict[str, object]]]:
    """Every row of every user table and the version history, for exact comparison."""
    out = {t: list(ws.db.query(f"SELECT * FROM {t} ORDER BY id")) for t in USER_TABLES}
    out["row_versions"] = list(ws.db.query("SELECT * FROM row_versions ORDER BY 1, 2, 3, 4"))
    return out


class Pair:
    """My workspace (open) and a teammate's copy of it (a file, opened when edited)."""

    def __init__(self, mine: Workspace, theirs: Path, paths: AppPaths) -> None:
        self.mine = mine
        self.theirs = theirs
        self.paths = paths

    def teammate(self) -> Workspace:
        return open_workspace(self.theirs, device_id=THEIRS, lock_dir=self.paths.lock_dir)

    def merge(self, side: str = "mine") -> merge_module.MergePlan:
        plan = prepare_merge(self.mine, self.theirs)
        change = apply_merge(self.mine, plan, take_all(plan, side))
        self.mine.history.push(change)
        return plan


@pytest.fixture
def pair(sample_path: Path, tmp_path: Path, paths: AppPaths) -> Iterator[Pair]:
    mine = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir)
    theirs = tmp_path / "teammate.cplan"
    write_snapshot(mine, theirs, device_id=DEVICE, device_label="me@laptop")
    yield Pair(mine, theirs, paths)
    mine.close()


def community(ws: Workspace, index: int) -> str:
    return list_communities(ws)[index].id


def test_migration_records_every_row_version_and_two_copies_agree(
    tmp_path: Path, paths: AppPaths
) -> None:
    copies = []
    for name in ("a.cplan", "b.cplan"):
        copy = tmp_path / name
        shutil.copy(DATA / "workspace-schema4.cplan", copy)
        ws = open_workspace(copy, device_id=DEVICE, lock_dir=paths.lock_dir)
        copies.append(ws)
        for table in USER_TABLES:
            missing = ws.db.execute(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM row_versions v "
                "WHERE v.table_name = ? AND v.row_id = t.id AND v.updated_at = t.updated_at "
                "AND v.updated_by = t.updated_by)",
                [table],
            ).fetchone()[0]
            assert missing == 0, table
    a, b = copies
    assert rows(a)["row_versions"] == rows(b)["row_versions"]
    assert len(rows(a)["row_versions"]) > 150
    # Two separately migrated copies have nothing to merge.
    a_path = a.path
    b.close()
    assert prepare_merge(a, tmp_path / "b.cplan").up_to_date
    a.close()
    assert a_path.exists()


def test_changes_on_one_side_are_taken_and_mine_stay(pair: Pair) -> None:
    mine_id, theirs_id = community(pair.mine, 0), community(pair.mine, 1)
    update_community(pair.mine, mine_id, {"owner": "小林"})
    with pair.teammate() as ws:
        update_community(ws, theirs_id, {"notes": "周五改到晚上 9 点"})
        new_id, _ = create_community(ws, {"name": "AI 绘画交流群"})
        item_id, _ = create_item(
            ws,
            {
                "community_id": new_id,
                "kind": "content",
                "item_type": "morning_digest",
                "title": "晨报",
                "start": datetime(2026, 11, 24, 8, 0),
                "end": datetime(2026, 11, 24, 8, 30),
                "tz": "Asia/Shanghai",
                "recurrence": "RRULE:FREQ=DAILY;COUNT=5",
            },
        )
    plan = pair.merge()
    report = plan.report()
    assert report["tables"]["communities"] == {
        "added": 1,
        "updated": 1,
        "deleted": 0,
        "conflicts": 0,
    }
    assert report["tables"]["calendar_items"]["added"] == 1
    assert report["tables"]["checklist_items"]["added"] == len(checklist(pair.mine, new_id))
    assert find_community(pair.mine, "AI 绘画交流群").id == new_id
    got = {c.id: c for c in list_communities(pair.mine)}
    assert got[mine_id].owner == "小林"
    assert got[theirs_id].notes == "周五改到晚上 9 点"
    # The series arrived whole: five mornings.
    only_new = CalendarFilter(community_ids=frozenset({new_id}))
    found = occurrences_between(pair.mine, datetime(2026, 11, 23), datetime(2026, 12, 1), only_new)
    assert [o.item.id for o in found] == [item_id] * 5
    # Merging the same file again finds nothing and writes nothing.
    before = rows(pair.mine)
    assert prepare_merge(pair.mine, pair.theirs).up_to_date
    assert rows(pair.mine) == before


def test_a_conflict_is_resolved_field_by_field_and_does_not_come_back(
    pair: Pair, tmp_path: Path
) -> None:
    cid = community(pair.mine, 0)
    update_community(pair.mine, cid, {"notes": "我的备注", "owner": "小林"})
    with pair.teammate() as ws:
        update_community(ws, cid, {"notes": "她的备注", "owner": "王芳"})
    plan = prepare_merge(pair.mine, pair.theirs)
    [conflict] = plan.conflicts
    assert conflict.key == ("communities", cid)
    assert set(conflict.fields) == {"notes", "owner"}
    assert conflict.deletion is None
    change = apply_merge(pair.mine, plan, {conflict.key: ("notes",)})
    pair.mine.history.push(change)
    row = pair.mine.get_row("communities", cid)
    assert row is not None
    assert (row["notes"], row["owner"]) == ("她的备注", "小林")
    assert row["updated_by"] == DEVICE  # a new version, mine, that knows both
    assert prepare_merge(pair.mine, pair.theirs).up_to_date
    # The teammate merging my copy takes my resolution without a conflict.
    mine_copy = tmp_path / "mine-shared.cplan"
    write_snapshot(pair.mine, mine_copy, device_id=DEVICE, device_label="me@laptop")
    with pair.teammate() as ws:
        back = prepare_merge(ws, mine_copy)
        assert not back.conflicts
        ws.history.push(apply_merge(ws, back))
        theirs_row = ws.get_row("communities", cid)
        assert theirs_row == row


def test_deletions_travel_unless_the_other_side_changed_the_record(pair: Pair) -> None:
    keep, gone = community(pair.mine, 0), community(pair.mine, 1)
    update_community(pair.mine, keep, {"notes": "还在用"})
    with pair.teammate() as ws:
        delete_community(ws, keep)
        delete_community(ws, gone)
    plan = prepare_merge(pair.mine, pair.theirs)
    assert plan.report()["tables"]["communities"]["deleted"] == 1
    [conflict] = plan.conflicts
    assert conflict.id == keep and conflict.deletion == "theirs"
    assert "deleted" in conflict.fields
    pair.mine.history.push(apply_merge(pair.mine, plan))
    live = {c.id for c in list_communities(pair.mine)}
    assert keep in live and gone not in live


def test_two_records_with_one_name_are_told_apart_alike_on_both_sides(
    pair: Pair, tmp_path: Path
) -> None:
    mine_id, _ = create_community(pair.mine, {"name": "宝妈成长营"})
    with pair.teammate() as ws:
        theirs_id, _ = create_community(ws, {"name": "宝妈成长营"})
    mine_copy = tmp_path / "mine-now.cplan"
    write_snapshot(pair.mine, mine_copy, device_id=DEVICE, device_label="me@laptop")
    pair.merge()
    with pair.teammate() as ws:
        ws.history.push(apply_merge(ws, prepare_merge(ws, mine_copy)))
        theirs_names = {i: ws.get_row("communities", i)["name"] for i in (mine_id, theirs_id)}  # type: ignore[index]
    mine_names = {i: pair.mine.get_row("communities", i)["name"] for i in (mine_id, theirs_id)}  # type: ignore[index]
    # The record with the greater id is the one renamed, whoever merges.
    renamed = max(mine_id, theirs_id)
    assert mine_names == theirs_names
    assert mine_names[renamed] == "宝妈成长营 (2)"
    assert mine_names[min(mine_id, theirs_id)] == "宝妈成长营"
    # The two renames are the same change: the next exchange finds nothing.
    assert not prepare_merge(pair.mine, pair.theirs).conflicts


def test_undo_puts_everything_back_and_redo_does_it_again(pair: Pair) -> None:
    cid = community(pair.mine, 0)
    update_community(pair.mine, cid, {"notes": "我的"})
    with pair.teammate() as ws:
        update_community(ws, cid, {"notes": "她的"})
        update_community(ws, community(ws, 2), {"owner": "王芳"})
        create_community(ws, {"name": "新群"})
        [item, *_] = checklist(ws, community(ws, 3))
        set_done(ws, item.id, True)
    before = rows(pair.mine)
    first = pair.merge("theirs")
    after = rows(pair.mine)
    log = pair.mine.db.execute("SELECT file_name, summary FROM merge_log").fetchall()
    assert [name for name, _ in log] == ["teammate.cplan"]
    pair.mine.undo()
    assert rows(pair.mine) == before
    assert pair.mine.db.execute("SELECT count(*) FROM merge_log").fetchone()[0] == 0
    again = prepare_merge(pair.mine, pair.theirs)
    assert again.report()["total"] == first.report()["total"]
    pair.mine.redo()
    assert rows(pair.mine) == after


def test_a_failure_part_way_changes_nothing(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    with pair.teammate() as ws:
        for n in range(3):
            create_community(ws, {"name": f"群 {n}"})
    plan = prepare_merge(pair.mine, pair.theirs)
    before = rows(pair.mine)
    calls = 0
    real = merge_apply._write

    def failing(*args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 40:
            raise sqlite3.OperationalError("disk I/O error")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(merge_apply, "_write", failing)
    with pytest.raises(MergeError, match="could not be merged .*nothing was changed"):
        apply_merge(pair.mine, plan)
    assert rows(pair.mine) == before
    assert not pair.mine.db.conn.in_transaction


def test_cancel_rolls_back(pair: Pair) -> None:
    with pair.teammate() as ws:
        for n in range(30):
            create_community(ws, {"name": f"群 {n}"})
    plan = prepare_merge(pair.mine, pair.theirs)
    before = rows(pair.mine)
    with pytest.raises(Cancelled):
        apply_merge(pair.mine, plan, cancelled=lambda: True)
    assert rows(pair.mine) == before


def test_a_workspace_changed_after_planning_is_not_merged(pair: Pair) -> None:
    cid = community(pair.mine, 0)
    with pair.teammate() as ws:
        update_community(ws, cid, {"notes": "她的"})
    plan = prepare_merge(pair.mine, pair.theirs)
    update_community(pair.mine, cid, {"notes": "刚改的"})
    before = rows(pair.mine)
    with pytest.raises(MergeError, match="changed while the merge was being prepared"):
        apply_merge(pair.mine, plan)
    assert rows(pair.mine) == before


def test_every_write_gives_a_new_version(workspace: Workspace) -> None:
    cid, _ = create_community(workspace, {"name": "读书会"})
    stamps = []
    for n in range(5):
        update_community(workspace, cid, {"notes": str(n)})
        row = workspace.get_row("communities", cid)
        assert row is not None
        stamps.append(row["updated_at"])
    workspace.undo()
    row = workspace.get_row("communities", cid)
    assert row is not None
    stamps.append(row["updated_at"])
    assert stamps == sorted(set(stamps))


def test_the_backup_holds_the_workspace_as_it_was(pair: Pair, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    made = [backup_before_merge(pair.mine, folder) for _ in range(BACKUPS_KEPT + 2)]
    kept = sorted(folder.iterdir())
    assert len(kept) == BACKUPS_KEPT and made[-1] in kept and made[0] not in kept
    with sqlite3.connect(made[-1]) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        names = {r[0] for r in conn.execute("SELECT name FROM communities")}
    assert names == {r[0] for r in pair.mine.db.execute("SELECT name FROM communities")}


def test_a_teammates_template_says_whose_it_is(pair: Pair) -> None:
    welcome = next(t for t in builtin_templates() if t.kind.value == "welcome")
    mine_id, _ = duplicate_template(pair.mine, welcome.id, "我的欢迎语")
    with pair.teammate() as ws:
        theirs_id, _ = duplicate_template(ws, welcome.id, "她的欢迎语")
    pair.merge()
    from planner.lock import machine_label

    assert made_by_others(pair.mine, "templates") == {theirs_id: machine_label()}
    assert mine_id not in made_by_others(pair.mine, "templates")


def test_merging_the_workspace_with_itself_is_refused(pair: Pair) -> None:
    with pytest.raises(MergeError, match="is this workspace itself"):
        prepare_merge(pair.mine, pair.mine.path)


def test_a_series_rule_taken_from_theirs_brings_its_times_and_its_end(pair: Pair) -> None:
    cid = community(pair.mine, 0)
    values = {
        "community_id": cid,
        "kind": "content",
        "item_type": "live_class",
        "title": "直播课",
        "start": datetime(2026, 11, 2, 20, 0),
        "end": datetime(2026, 11, 2, 21, 0),
        "tz": "Asia/Shanghai",
        "recurrence": "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3",
    }
    series_id, _ = create_item(pair.mine, values)
    # The teammate's copy is made after the series exists.
    write_snapshot(pair.mine, pair.theirs, device_id=DEVICE, device_label="me@laptop")
    key = (series_id, "")
    from planner.calendar import find_occurrence, update_occurrence

    update_occurrence(pair.mine, find_occurrence(pair.mine, key), {"title": "直播课（我的）"})
    with pair.teammate() as ws:
        occ = find_occurrence(ws, key)
        update_occurrence(
            ws, occ, {"recurrence": "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=20", "location": "腾讯会议"}
        )
    plan = prepare_merge(pair.mine, pair.theirs)
    [conflict] = plan.conflicts
    assert "last_ends_at" not in conflict.fields  # computed, never chosen
    assert {"rrule", "title", "location"} <= set(conflict.fields)
    # Taking only the rule from theirs: its end follows, the title stays mine.
    pair.mine.history.push(apply_merge(pair.mine, plan, {conflict.key: ("rrule",)}))
    row = pair.mine.get_row("calendar_items", series_id)
    assert row is not None
    assert (row["rrule"], row["title"], row["location"]) == (
        "FREQ=WEEKLY;BYDAY=MO;COUNT=20",
        "直播课（我的）",
        "",
    )
    assert row["last_ends_at"] == "2027-03-15T21:00"
    found = occurrences_between(pair.mine, datetime(2026, 11, 1), datetime(2027, 6, 1))
    assert sum(1 for o in found if o.item.id == series_id) == 20


def swap(pair: Pair, tmp_path: Path) -> tuple[merge_module.MergePlan, merge_module.MergePlan]:
    """Both teammates merge each other's copy as it was before either merged."""
    mine_copy = tmp_path / "mine-now.cplan"
    write_snapshot(pair.mine, mine_copy, device_id=DEVICE, device_label="me@laptop")
    theirs_copy = tmp_path / "theirs-now.cplan"
    shutil.copy(pair.theirs, theirs_copy)
    first = prepare_merge(pair.mine, theirs_copy)
    with pair.teammate() as ws:
        second = prepare_merge(ws, mine_copy)
        ws.history.push(apply_merge(ws, second, take_all(second, "mine")))
    pair.mine.history.push(apply_merge(pair.mine, first, take_all(first, "mine")))
    return first, second


def test_teammates_who_resolve_a_conflict_differently_see_it_again(
    pair: Pair, tmp_path: Path
) -> None:
    cid = community(pair.mine, 0)
    update_community(pair.mine, cid, {"owner": "Ann"})
    with pair.teammate() as ws:
        update_community(ws, cid, {"owner": "Bo"})
    first, second = swap(pair, tmp_path)
    assert len(first.conflicts) == len(second.conflicts) == 1
    # Each kept their own: the copies disagree, and the next exchange says so.
    again, _ = swap(pair, tmp_path)
    [conflict] = again.conflicts
    assert (conflict.mine["owner"], conflict.theirs["owner"]) == ("Ann", "Bo")


def test_the_same_change_on_both_sides_lets_later_edits_through(pair: Pair) -> None:
    cid = community(pair.mine, 0)
    update_community(pair.mine, cid, {"notes": "同一句话"})
    with pair.teammate() as ws:
        update_community(ws, cid, {"notes": "同一句话"})
    plan = prepare_merge(pair.mine, pair.theirs)
    assert plan.up_to_date and plan.same == [("communities", cid)]
    apply_merge(pair.mine, plan)  # quietly: nothing anyone sees, so not on the history
    assert pair.mine.get_row("communities", cid) == plan.takes[0].theirs
    with pair.teammate() as ws:
        update_community(ws, cid, {"notes": "她后来又改了"})
    plan = prepare_merge(pair.mine, pair.theirs)
    assert not plan.conflicts
    assert plan.report()["tables"]["communities"]["updated"] == 1
    pair.mine.history.push(apply_merge(pair.mine, plan))
    assert pair.mine.get_row("communities", cid)["notes"] == "她后来又改了"  # type: ignore[index]


def test_undoing_a_merge_takes_along_the_tombstones_of_records_made_in_it(pair: Pair) -> None:
    with pair.teammate() as ws:
        new_id, _ = create_community(ws, {"name": "AI 绘画交流群"})
    before = rows(pair.mine)
    pair.merge()
    create_item(
        pair.mine,
        {
            "community_id": new_id,
            "kind": "content",
            "item_type": "morning_digest",
            "title": "晨报",
            "start": datetime(2026, 11, 24, 8, 0),
            "end": datetime(2026, 11, 24, 8, 30),
            "tz": "Asia/Shanghai",
        },
    )
    pair.mine.undo()  # the item: a tombstone that names the merged community
    pair.mine.undo()  # the merge
    assert not pair.mine.db.conn.in_transaction
    after = rows(pair.mine)
    assert {t: after[t] for t in USER_TABLES} == {t: before[t] for t in USER_TABLES}


def test_a_merge_whose_records_are_used_later_cannot_be_undone_and_nothing_changes(
    pair: Pair,
) -> None:
    from planner.errors import UndoRefused

    with pair.teammate() as ws:
        new_id, _ = create_community(ws, {"name": "AI 绘画交流群"})
    pair.merge()
    change = pair.mine.history.undo_stack.pop()  # undo the merge while an item uses it
    create_item(
        pair.mine,
        {
            "community_id": new_id,
            "kind": "content",
            "item_type": "morning_digest",
            "title": "晨报",
            "start": datetime(2026, 11, 24, 8, 0),
            "end": datetime(2026, 11, 24, 8, 30),
            "tz": "Asia/Shanghai",
        },
    )
    pair.mine.history.undo_stack.append(change)
    before = rows(pair.mine)
    with pytest.raises(UndoRefused, match="cannot be undone"):
        pair.mine.undo()
    assert rows(pair.mine) == before
    assert not pair.mine.db.conn.in_transaction


def test_a_commit_refused_by_a_deferred_check_rolls_back(workspace: Workspace) -> None:
    cid, _ = create_community(workspace, {"name": "读书会"})
    with pytest.raises(sqlite3.IntegrityError), workspace.transaction():
        workspace.db.execute("PRAGMA defer_foreign_keys = ON")
        workspace.db.execute("UPDATE communities SET notes = 'x' WHERE id = ?", [cid])
        workspace.db.execute(
            "UPDATE checklist_items SET community_id = 'gone' WHERE community_id = ?", [cid]
        )
    assert not workspace.db.conn.in_transaction
    row = workspace.get_row("communities", cid)
    assert row is not None and row["notes"] == ""


def test_an_activity_kind_comes_with_its_type(pair: Pair) -> None:
    cid = community(pair.mine, 0)
    values = {
        "community_id": cid,
        "kind": "content",
        "item_type": "guest_share",
        "title": "嘉宾分享",
        "start": datetime(2026, 12, 2, 20, 0),
        "end": datetime(2026, 12, 2, 21, 0),
        "tz": "Asia/Shanghai",
    }
    item_id, _ = create_item(pair.mine, values)
    write_snapshot(pair.mine, pair.theirs, device_id=DEVICE, device_label="me@laptop")
    from planner.calendar import find_occurrence, update_occurrence

    update_occurrence(pair.mine, find_occurrence(pair.mine, (item_id, "")), {"title": "我的"})
    with pair.teammate() as ws:
        occ = find_occurrence(ws, (item_id, ""))
        update_occurrence(ws, occ, {"kind": "activity", "item_type": "paid"})
    plan = prepare_merge(pair.mine, pair.theirs)
    [conflict] = plan.conflicts
    pair.mine.history.push(apply_merge(pair.mine, plan, {conflict.key: ("kind",)}))
    row = pair.mine.get_row("calendar_items", item_id)
    assert row is not None and (row["kind"], row["item_type"], row["title"]) == (
        "activity",
        "paid",
        "我的",
    )


def test_one_occurrence_edited_on_both_sides_is_one_record_in_conflict(pair: Pair) -> None:
    from planner.calendar import EditScope, update_occurrence

    cid = community(pair.mine, 0)
    series_id, _ = create_item(
        pair.mine,
        {
            "community_id": cid,
            "kind": "content",
            "item_type": "morning_digest",
            "title": "晨报",
            "start": datetime(2026, 12, 1, 8, 0),
            "end": datetime(2026, 12, 1, 8, 30),
            "tz": "Asia/Shanghai",
            "recurrence": "RRULE:FREQ=DAILY;COUNT=10",
        },
    )
    write_snapshot(pair.mine, pair.theirs, device_id=DEVICE, device_label="me@laptop")
    day = (datetime(2026, 12, 3), datetime(2026, 12, 4))

    def third(ws: Workspace) -> list[object]:
        return [o for o in occurrences_between(ws, *day) if o.series and o.series.id == series_id]

    [occ] = third(pair.mine)
    update_occurrence(pair.mine, occ, {"title": "晨报（9 点）"}, EditScope.THIS)
    with pair.teammate() as ws:
        [occ] = third(ws)
        update_occurrence(ws, occ, {"title": "晨报（改名）"}, EditScope.THIS)
    plan = prepare_merge(pair.mine, pair.theirs)
    assert [(c.table, c.fields) for c in plan.conflicts] == [("calendar_items", ("title",))]
    pair.mine.history.push(apply_merge(pair.mine, plan, take_all(plan, "theirs")))
    assert [o.item.title for o in third(pair.mine)] == ["晨报（改名）"]  # type: ignore[attr-defined]


def test_the_same_calendar_imported_on_both_sides_is_not_doubled(pair: Pair) -> None:
    from planner.ics import import_ics

    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
        "UID:meetup-2026-12-05@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
        "DTSTART:20261205T120000Z\r\nDTEND:20261205T130000Z\r\nSUMMARY:城市线下聚会\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    cid = community(pair.mine, 0)
    import_ics(pair.mine, ics, community_id=cid, default_tz="Asia/Shanghai", source="m.ics")
    with pair.teammate() as ws:
        import_ics(ws, ics, community_id=cid, default_tz="Asia/Shanghai", source="m.ics")
    plan = prepare_merge(pair.mine, pair.theirs)
    assert plan.up_to_date and len(plan.same) == 1
    apply_merge(pair.mine, plan)
    live = pair.mine.db.execute(
        "SELECT count(*) FROM calendar_items WHERE deleted = 0 AND ical_uid = ?",
        ["meetup-2026-12-05@example.org"],
    ).fetchone()[0]
    assert live == 1


def test_a_rename_taken_from_theirs_keeps_names_unique(pair: Pair) -> None:
    first, second = community(pair.mine, 0), community(pair.mine, 1)
    update_community(pair.mine, first, {"name": "宝妈成长营"})
    with pair.teammate() as ws:
        update_community(ws, second, {"name": "宝妈成长营"})
    pair.merge()
    names = sorted(c.name for c in list_communities(pair.mine))
    assert names.count("宝妈成长营") == 1 and "宝妈成长营 (2)" in names
    renamed = pair.mine.get_row("communities", max(first, second))
    assert renamed is not None and renamed["name"] == "宝妈成长营 (2)"


def test_a_name_freed_by_the_same_merge_is_not_renamed_for(pair: Pair, tmp_path: Path) -> None:
    old = community(pair.mine, 0)
    name = list_communities(pair.mine)[0].name
    delete_community(pair.mine, old)
    new_id, _ = create_community(pair.mine, {"name": name})
    mine_copy = tmp_path / "mine-now.cplan"
    write_snapshot(pair.mine, mine_copy, device_id=DEVICE, device_label="me@laptop")
    with pair.teammate() as ws:
        ws.history.push(apply_merge(ws, prepare_merge(ws, mine_copy)))
        row = ws.get_row("communities", new_id)
    assert row is not None and row["name"] == name


def test_templates_keep_one_name_across_kinds(pair: Pair) -> None:
    from planner.template_library import create_template
    from planner.templating import TemplateKind

    create_template(pair.mine, TemplateKind.WELCOME, {"name": "开营"})
    with pair.teammate() as ws:
        create_template(ws, TemplateKind.POSTER, {"name": "开营"})
    pair.merge()
    names = sorted(
        r[0] for r in pair.mine.db.execute("SELECT name FROM templates WHERE deleted = 0")
    )
    assert names == ["开营", "开营 (2)"]


def test_two_workspaces_with_one_name_keep_their_own_backups(
    pair: Pair, tmp_path: Path, paths: AppPaths
) -> None:
    folder = tmp_path / "backups"
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    shutil.copy(pair.mine.path, other_dir / pair.mine.path.name)
    with open_workspace(
        other_dir / pair.mine.path.name, device_id=DEVICE, lock_dir=paths.lock_dir
    ) as other:
        for _ in range(BACKUPS_KEPT):
            backup_before_merge(other, folder)
    mine = backup_before_merge(pair.mine, folder)
    for _ in range(BACKUPS_KEPT):
        with open_workspace(
            other_dir / pair.mine.path.name, device_id=DEVICE, lock_dir=paths.lock_dir
        ) as other:
            backup_before_merge(other, folder)
    assert mine.exists()
    assert len(list(folder.iterdir())) == BACKUPS_KEPT + 1


# A record made with the greatest id there can be: of two records sharing a name, the
# smallest-id rule would let the other one keep it.
LAST_ID = "ffffffff-ffff-4fff-bfff-ffffffffffff"


def made_last(monkeypatch: pytest.MonkeyPatch, ws: Workspace, name: str) -> str:
    """A new community ``name`` in ``ws``, under LAST_ID."""
    with monkeypatch.context() as patch:
        patch.setattr("planner.workspace.new_id", lambda: LAST_ID)
        made, _ = create_community(ws, {"name": name})
    assert made == LAST_ID
    return made


def versions_of(ws: Workspace, row_id: str) -> set[tuple[int, str]]:
    return {
        (int(at), str(by))
        for at, by in ws.db.execute(
            "SELECT updated_at, updated_by FROM row_versions WHERE row_id = ?", [row_id]
        )
    }


def test_a_resolution_taking_their_name_gives_way_to_my_record_with_that_name(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the merge properties: they renamed a record I changed too (a conflict)
    and I made a record with that name. Taking their name, the resolution is renamed
    "name (2)"; my record, which only I changed, stays exactly as I had it."""
    cid = community(pair.mine, 0)
    update_community(pair.mine, cid, {"notes": "我的备注"})
    mine_new = made_last(monkeypatch, pair.mine, "读书会")
    with pair.teammate() as ws:
        update_community(ws, cid, {"name": "读书会"})
    my_row = pair.mine.get_row("communities", mine_new)
    known = versions_of(pair.mine, cid)
    plan = pair.merge("theirs")
    [conflict] = plan.conflicts
    assert conflict.key == ("communities", cid) and set(conflict.fields) == {"name", "notes"}
    assert not plan.renames and not any(t.rename for t in plan.takes)
    assert pair.mine.get_row("communities", mine_new) == my_row
    resolved = pair.mine.get_row("communities", cid)
    assert resolved is not None
    assert resolved["name"] == "读书会 (2)"
    assert resolved["notes"] == conflict.theirs["notes"]
    # Their version is learnt, and one new version of mine: the resolution, renamed.
    assert versions_of(pair.mine, cid) - known == {
        version(conflict.theirs),
        (resolved["updated_at"], DEVICE),
    }
    assert not check_workspace(pair.mine.path).problems
    assert prepare_merge(pair.mine, pair.theirs).up_to_date
    # The teammate takes it all back without a conflict or a rename of their own.
    mine_copy = tmp_path / "mine-now.cplan"
    write_snapshot(pair.mine, mine_copy, device_id=DEVICE, device_label="me@laptop")
    with pair.teammate() as ws:
        back = prepare_merge(ws, mine_copy)
        assert not back.conflicts and not back.renames
        assert not any(t.rename for t in back.takes)
        ws.history.push(apply_merge(ws, back))
        assert ws.get_row("communities", cid) == resolved
        assert ws.get_row("communities", mine_new) == my_row


def test_a_record_arriving_with_the_name_of_a_resolution_comes_as_they_made_it(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the merge properties: I renamed a record they changed too (a conflict)
    and they made a record with my new name. Keeping mine, the resolution is renamed
    "name (2)"; their record arrives exactly as they made it."""
    cid = community(pair.mine, 0)
    update_community(pair.mine, cid, {"name": "读书会"})
    with pair.teammate() as ws:
        update_community(ws, cid, {"notes": "她的备注"})
        theirs_new = made_last(monkeypatch, ws, "读书会")
        their_row = ws.get_row("communities", theirs_new)
    plan = pair.merge("mine")
    [conflict] = plan.conflicts
    assert conflict.key == ("communities", cid) and set(conflict.fields) == {"name", "notes"}
    [arrival] = [t for t in plan.takes if t.id == theirs_new]
    assert arrival.kind == "added" and arrival.rename is None and not plan.renames
    assert pair.mine.get_row("communities", theirs_new) == their_row
    resolved = pair.mine.get_row("communities", cid)
    assert resolved is not None and resolved["updated_by"] == DEVICE
    assert (resolved["name"], resolved["notes"]) == ("读书会 (2)", conflict.mine["notes"])
    assert not check_workspace(pair.mine.path).problems
    assert prepare_merge(pair.mine, pair.theirs).up_to_date


def test_a_backup_cut_short_leaves_nothing_behind_at_the_next_merge(
    pair: Pair, tmp_path: Path
) -> None:
    """A merge killed while writing its backup leaves a hidden ``.tmp`` (and its
    journal); the next backup of that workspace clears them, and keeps the others'."""
    folder = tmp_path / "backups"
    first = backup_before_merge(pair.mine, folder)
    prefix = first.name.split("before-merge-")[0] + "before-merge-"
    stale = [
        folder / f".{prefix}20261123-081500-000000-001.cplan.tmp",
        folder / f".{prefix}20261123-081500-000000-001.cplan.tmp-journal",
    ]
    other = folder / ".another.12345678.before-merge-20261123-081500-000000-001.cplan.tmp"
    for path in (*stale, other):
        path.write_bytes(b"half a copy")
    made = backup_before_merge(pair.mine, folder)
    assert not any(path.exists() for path in stale)
    assert other.exists()
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        [first.name, made.name]
    )
