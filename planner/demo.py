"""The sample workspace (``planner demo``): realistic, in Chinese or in English.

Three segments and stages an operator meets every day: a paid reading circle
built around a soul figure, a free product-users group, a K12 parents group
divided by grade, and a profession group just being built. Each has six weeks
of calendar around today: content series (morning check-ins, weekly live
classes, monthly guest shares) and one-off items, activities with results in
the past (and one last week without, for the weekly plan's review) and goals
in the future. Each has its stage checklist in a state that fits where it
stands (:mod:`planner.demo_checklists`): ticked with dates and notes,
assigned and due this week or next (one overdue), items that do not apply
hidden, items of the operator's own, and the templates it uses.
Later features add their own sample data.

The sample is written once, with its texts in Chinese; in English each text
is replaced by its English from :mod:`planner.sample_text` as it is written
(and the English built-in templates are linked), so both languages tell the
same stories with the same figures.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from planner.calendar import (
    EditScope,
    create_item,
    delete_occurrence,
    occurrences_between,
    update_occurrence,
    week_start,
)
from planner.communities import create_community, delete_community
from planner.demo_checklists import add_sample_checklists, library_addition
from planner.demo_fission import add_sample_scenarios
from planner.demo_metrics import add_sample_metrics
from planner.errors import WorkspaceError
from planner.i18n import QT_TRANSLATE_NOOP, Language
from planner.lock import WorkspaceLock
from planner.recurrence import Recurrence
from planner.sample_communities import SAMPLE_COMMUNITIES, trashed_community
from planner.sample_text import text, texts
from planner.workspace import Workspace, create_workspace
from planner.workspace_library import add_library_item

SAMPLE_TZ = "Asia/Shanghai"


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def add_sample_calendar(
    ws: Workspace, ids: dict[str, str], today: date, language: Language = "zh"
) -> None:
    """Six weeks of realistic calendar around ``today`` for the sample communities
    (``ids``: by their Chinese name), its texts in ``language``."""
    monday = week_start(today) - timedelta(weeks=3)  # three weeks back, three ahead
    reading, notion, parents, growth = (
        ids["深夜读书会 · 付费会员圈"],
        ids["Notion 中文用户群"],
        ids["初二（3）班家长群"],
        ids["Growth Hackers 增长交流群"],
    )

    def add(community: str, **values: Any) -> str:
        values.setdefault("tz", SAMPLE_TZ)
        values.setdefault("status", "planned")
        item_id, _ = create_item(ws, {"community_id": community, **texts(values, language)})
        return item_id

    def past(day: date) -> bool:
        return day < today

    # -- 深夜读书会: a paid circle around its soul figure
    add(
        reading,
        kind="content",
        item_type="morning_digest",
        title="晨读打卡：今日一页",
        start=_at(monday, 7),
        end=_at(monday, 7, 15),
        owner="Lily 李",
        description="早上 7 点发今日共读页码和一个思考题，成员在群里打卡。",
        recurrence=Recurrence.parse("FREQ=DAILY"),
    )
    live = add(
        reading,
        kind="content",
        item_type="live_class",
        title="林老师直播领读",
        start=_at(monday + timedelta(days=2), 20),
        end=_at(monday + timedelta(days=2), 21),
        owner="Lily 李",
        speaker="林老师",
        location="视频号直播",
        description="本月共读《置身事内》，每周讲两章。",
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=WE"),
    )
    day = monday + timedelta(days=8)
    add(
        reading,
        kind="activity",
        item_type="sharing",
        title="会员共读分享会：我的读书笔记",
        start=_at(day + timedelta(days=2), 20),
        end=_at(day + timedelta(days=2), 21, 30),
        owner="Lily 李",
        speaker="三位会员",
        location="腾讯会议",
        status="done" if past(day) else "ready",
        planned_participants=40,
        actual_participants=36 if past(day) else None,
        planned_shares=10,
        actual_shares=14 if past(day) else None,
    )
    salon = monday + timedelta(weeks=4, days=5)
    add(
        reading,
        kind="activity",
        item_type="member",
        title="线下读书沙龙（上海）",
        start=_at(salon, 14),
        end=_at(salon, 17),
        owner="Lily 李",
        location="静安区 · 朵云书院",
        description="年度会员专属，名额 30 人，到场送书签和下月共读书。",
        planned_participants=30,
        planned_cost=1500,
    )
    camp = monday + timedelta(weeks=5, days=1)
    add(
        reading,
        kind="activity",
        item_type="paid",
        title="年度会员续费营",
        start=_at(camp, 20),
        end=_at(camp, 21, 30),
        owner="Lily 李",
        speaker="林老师",
        description="老会员续费 7 折，带一位新朋友各减 50 元。",
        planned_participants=120,
        planned_conversions=60,
        planned_new_members=20,
        planned_revenue=21900,
        planned_cost=800,
    )

    # -- Notion 中文用户群: a free product-users group
    add(
        notion,
        kind="content",
        item_type="article",
        title="每周模板精选",
        start=_at(monday, 10),
        end=_at(monday, 10, 30),
        owner="Kevin 王",
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"),
    )
    add(
        notion,
        kind="content",
        item_type="topic_discussion",
        title="周二话题：你的第二大脑怎么搭？",
        start=_at(monday + timedelta(days=1), 20),
        end=_at(monday + timedelta(days=1), 21),
        owner="Kevin 王",
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=TU"),
    )
    add(
        notion,
        kind="content",
        item_type="guest_share",
        title="用户分享会：用 Notion 管理自由职业",
        start=_at(monday, 20),
        end=_at(monday, 21, 30),
        owner="Kevin 王",
        speaker="阿青（自由设计师）",
        location="腾讯会议",
        recurrence=Recurrence.parse("FREQ=MONTHLY;BYDAY=2TH"),
    )
    challenge = monday + timedelta(days=3)
    add(
        notion,
        kind="activity",
        item_type="brand",
        title="Notion 效率挑战赛（7 天）",
        start=_at(challenge, 0),
        end=_at(challenge + timedelta(days=7), 0),
        all_day=True,
        owner="Kevin 王",
        status="done" if past(challenge + timedelta(days=7)) else "ready",
        planned_participants=150,
        actual_participants=172 if past(challenge) else None,
        planned_new_members=40,
        actual_new_members=31 if past(challenge) else None,
        planned_shares=80,
        actual_shares=95 if past(challenge) else None,
        planned_cost=600,
        actual_cost=540 if past(challenge) else None,
    )
    bait = monday + timedelta(weeks=3, days=3)
    add(
        notion,
        kind="content",
        item_type="learning_material",
        title="模板大礼包：30 个中文模板",
        start=_at(bait, 0),
        end=_at(bait + timedelta(days=1), 0),
        all_day=True,
        owner="Kevin 王",
        status="ready",
    )

    # -- 初二（3）班家长群: a K12 parents group
    add(
        parents,
        kind="content",
        item_type="article",
        title="周日学习汇总",
        start=_at(monday + timedelta(days=6), 20),
        end=_at(monday + timedelta(days=6), 20, 30),
        owner="张老师",
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=SU"),
    )
    exam = monday + timedelta(weeks=3, days=4)
    add(
        parents,
        kind="content",
        item_type="current_affairs",
        title="期中考试提醒",
        start=_at(exam, 0),
        end=_at(exam + timedelta(days=1), 0),
        all_day=True,
        owner="张老师",
        status="ready",
    )
    talk = monday + timedelta(weeks=4, days=3)
    add(
        parents,
        kind="content",
        item_type="guest_share",
        title="升学讲座：初三这一年怎么规划",
        start=_at(talk, 19, 30),
        end=_at(talk, 21),
        owner="张老师",
        speaker="王校长",
        location="学校报告厅 + 群直播",
    )

    # -- Growth Hackers: still being built, so mostly ideas and one weekly post
    add(
        growth,
        kind="content",
        item_type="article",
        title="增长周报：本周 3 个案例",
        start=_at(monday + timedelta(days=4), 12),
        end=_at(monday + timedelta(days=4), 12, 30),
        owner="Kevin 王",
        status="ready",
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=FR"),
    )
    add(
        growth,
        kind="activity",
        item_type="sharing",
        title="种子用户访谈（10 位）",
        start=_at(today, 15),
        end=_at(today, 16),
        owner="Kevin 王",
        status="idea",
    )
    nxt = monday + timedelta(weeks=4, days=1)
    add(
        growth,
        kind="content",
        item_type="live_class",
        title="增长案例拆解直播",
        start=_at(nxt, 20),
        end=_at(nxt, 21),
        owner="Kevin 王",
        speaker="Kevin 王",
        status="idea",
        planned_participants=50,
        planned_new_members=30,
    )

    # Last week and this week's activities, for the weekly plan's goals and
    # review: one with its results recorded, one without (the "headless fly").
    last_week = monday + timedelta(weeks=2)
    awards = last_week + timedelta(days=5)
    add(
        notion,
        kind="activity",
        item_type="brand",
        title="模板设计大赛颁奖直播",
        start=_at(awards, 20),
        end=_at(awards, 21),
        owner="Kevin 王",
        location="视频号直播",
        status="done" if past(awards) else "ready",
        planned_participants=200,
        actual_participants=186 if past(awards) else None,
        planned_new_members=50,
        actual_new_members=62 if past(awards) else None,
        planned_shares=100,
        actual_shares=88 if past(awards) else None,
        planned_cost=300,
        actual_cost=280 if past(awards) else None,
    )
    meetup = last_week + timedelta(days=1)
    add(
        growth,
        kind="activity",
        item_type="sharing",
        title="增长案例分享会（线上）",
        start=_at(meetup, 20),
        end=_at(meetup, 21, 30),
        owner="Kevin 王",
        speaker="两位种子用户",
        location="腾讯会议",
        planned_participants=60,
        planned_new_members=15,
    )
    salon_day = monday + timedelta(weeks=3, days=5)
    add(
        parents,
        kind="activity",
        item_type="member",
        title="家长沙龙：初二下学期怎么陪",
        start=_at(salon_day, 10),
        end=_at(salon_day, 11, 30),
        owner="张老师",
        speaker="两位家长代表",
        location="学校会议室",
        planned_participants=40,
        planned_shares=12,
    )

    # One live class moved to Thursday this week, one cancelled two weeks ago.
    moved = [
        o
        for o in occurrences_between(ws, _at(monday, 0), _at(monday, 0) + timedelta(weeks=6))
        if o.item.id == live
    ]
    if len(moved) >= 4:
        update_occurrence(
            ws,
            moved[3],
            {
                "start": moved[3].start + timedelta(days=1),
                "end": moved[3].end + timedelta(days=1),
                "title": text("林老师直播领读（改到周四）", language),
            },
            EditScope.THIS,
        )
        delete_occurrence(ws, moved[1], EditScope.THIS)


def write_demo(
    out: Path,
    *,
    device_id: str,
    lock_dir: Path,
    overwrite: bool = False,
    today: date | None = None,
    language: Language = "zh",
) -> None:
    """Write the sample workspace to ``out`` in ``language``, atomically (never a
    half-written file)."""
    out = Path(out)
    if out.is_dir():
        raise WorkspaceError(
            out,
            QT_TRANSLATE_NOOP(
                "Demo", "{out}: is a folder; give a file name such as sample.cplan."
            ).format(out=out),
        )
    if out.exists() and not overwrite:
        raise WorkspaceError(
            out,
            QT_TRANSLATE_NOOP("Demo", "{out}: already exists; choose another name.").format(
                out=out
            ),
        )
    if not out.parent.is_dir():
        raise WorkspaceError(
            out, QT_TRANSLATE_NOOP("Demo", "{folder}: no such folder.").format(folder=out.parent)
        )
    if Path(f"{out}-wal").exists():
        raise WorkspaceError(
            out,
            QT_TRANSLATE_NOOP(
                "Demo",
                "{out}: is in use or was not closed cleanly; open it once, or choose another name.",
            ).format(out=out),
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".demo-", suffix=".cplan", dir=out.parent)
    except OSError as exc:
        raise WorkspaceError(
            out,
            QT_TRANSLATE_NOOP("Demo", "{folder}: cannot write here ({reason}).").format(
                folder=out.parent, reason=exc.strerror
            ),
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    # Hold OUT's lock while replacing it, so a window that has it open is not overwritten.
    try:
        with (
            WorkspaceLock(out, lock_dir),
            create_workspace(tmp, device_id=device_id, lock_dir=lock_dir) as ws,
        ):
            day = today or date.today()
            library_key, _ = add_library_item(ws, *library_addition(language))
            # The builders find the communities by their Chinese name in either language.
            ids = {
                v["name"]: create_community(ws, texts(v, language))[0] for v in SAMPLE_COMMUNITIES
            }
            add_sample_calendar(ws, ids, day, language)
            add_sample_checklists(ws, ids, day, library_key, language)
            add_sample_metrics(ws, ids, day)
            add_sample_scenarios(ws, ids, day, language)
            trashed, _ = create_community(ws, trashed_community(language))
            delete_community(ws, trashed)
            ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # A file to hand around is one self-contained file, not WAL mode.
            ws.db.execute("PRAGMA journal_mode = DELETE")
            ws.close()
            os.replace(tmp, out)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
