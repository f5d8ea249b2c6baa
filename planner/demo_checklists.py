"""The sample workspace's checklists: each community at its own point of the path.

Part of ``planner demo`` (:mod:`planner.demo`): the reading circle works
through operate with one item overdue, the parents group has finished
structure (so the app suggests moving on), the Notion group is half way
through output, and Growth Hackers has its first ticks. Ticks carry dates and
notes, work is assigned and due this week or next, items that do not apply
are hidden, and each community uses its templates (but one). Everything goes
through the core's functions, so the data is what the app itself would write;
the same ``today`` gives the same checklists. Texts are written in Chinese
and given in the sample's language by :mod:`planner.sample_text`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from planner.calendar import week_start
from planner.checklist_library import builtin_items, item_id
from planner.checklists import add_item, update_item
from planner.communities import Stage
from planner.community_templates import link_template
from planner.i18n import Language
from planner.sample_text import text, texts
from planner.workspace import Workspace

# The workspace's own addition to the built-in checklist library.
LIBRARY_ADDITION = (
    Stage.OPERATE,
    "建立会员积分体系",
    "会员活动与积分挂钩，奖励最有价值的成员，老会员才有理由留下。",
)


def library_addition(language: Language) -> tuple[Stage, str, str]:
    """:data:`LIBRARY_ADDITION` in ``language``: stage, title, why."""
    stage, title, why = LIBRARY_ADDITION
    return stage, text(title, language), text(why, language)


def add_sample_checklists(
    ws: Workspace,
    ids: dict[str, str],
    today: date,
    library_key: str = "",
    language: Language = "zh",
) -> None:
    """Each sample community's checklist in a state that fits its stage.

    The reading circle (operate) has the first three stages done and works
    through operate, with one item overdue; the parents group (structure) has
    its stage complete, so the app suggests moving on to output; the Notion
    group (output) is half way with an overdue guest pipeline; Growth Hackers
    (build) has two ticks and its first interviews due. ``library_key`` is the
    workspace library's own item (see :data:`LIBRARY_ADDITION`); ``ids`` the
    communities by their Chinese name; texts and templates are in ``language``.
    """
    reading, notion, parents, growth = (
        ids["深夜读书会 · 付费会员圈"],
        ids["Notion 中文用户群"],
        ids["初二（3）班家长群"],
        ids["Growth Hackers 增长交流群"],
    )
    days = timedelta(days=1)

    def edit(community: str, key: str, **values: Any) -> None:
        update_item(ws, item_id(community, key), texts(values, language))

    def own(community: str, stage: Stage, title: str, **values: Any) -> str:
        """Add an item of the operator's own."""
        return add_item(ws, community, stage, text(title, language), texts(values, language))[0]

    def done(community: str, keys: list[str], first: date, note: str = "") -> None:
        """Tick ``keys`` a few days apart, from ``first`` on."""
        for n, key in enumerate(keys):
            edit(community, key, done_on=first + n * 3 * days, **({"note": note} if note else {}))

    def stage(name: str, *leave_out: str) -> list[str]:
        """The built-in items of stage ``name`` but ``leave_out``."""
        return [e.key for e in builtin_items(name) if e.key not in leave_out]

    # -- 深夜读书会 (operate): built, structured and producing for over a year
    done(reading, stage("build"), today - 420 * days)
    done(reading, stage("structure"), today - 390 * days)
    done(reading, stage("output", "output.bait"), today - 330 * days)
    edit(reading, "output.bait", hidden=True, note="付费圈靠老会员推荐入群，不做引流资料。")
    edit(
        reading,
        "operate.welcome",
        done_on=today - 75 * days,
        note="用内置「入群 24 小时」欢迎流程，改成林老师的口吻。",
    )
    edit(
        reading,
        "operate.icebreak",
        done_on=today - 70 * days,
        note="新人自我介绍 + 晒出正在读的书，前 10 位送共读书签。",
    )
    edit(
        reading,
        "operate.activities",
        done_on=today - 20 * days,
        note="品牌：线下读书沙龙；会员：续费营；分享：共读分享会；付费：年度续费营。",
    )
    edit(
        reading,
        "operate.connections",
        assignee="Lily 李",
        due_on=today - 3 * days,
        note="每位新会员配一位读书搭子，先从 11 月入群的 18 人开始。",
    )
    edit(
        reading,
        "operate.results",
        assignee="Lily 李",
        due_on=today + 2 * days,
        note="共读分享会的实际人数和分享数还没填。",
    )
    edit(reading, "operate.review", assignee="Lily 李", due_on=today + 9 * days)
    own(
        reading,
        Stage.OPERATE,
        "筹备 12 月续费季的会员专属活动",
        why="续费季在 12 月，提前一个月准备。",
        assignee="Lily 李",
        due_on=today + 12 * days,
    )

    # -- Notion 中文用户群 (output): half way through its content rhythm
    done(notion, stage("build"), today - 210 * days)
    done(notion, stage("structure"), today - 180 * days)
    edit(notion, "operate.welcome", done_on=today - 150 * days, note="扫码入群后自动发欢迎语。")
    edit(
        notion,
        "output.rhythm",
        done_on=today - 40 * days,
        note="周一模板精选、周二话题、每月第二个周四用户分享会。",
    )
    edit(notion, "output.digest", done_on=today - 35 * days)
    edit(
        notion,
        "output.topics",
        assignee="Kevin 王",
        due_on=today + 1 * days,
        note="活跃度在下降：周二话题改成群友的真实问题。",
    )
    edit(
        notion,
        "output.guests",
        assignee="Kevin 王",
        due_on=today - 5 * days,
        note="下个月的分享嘉宾还没定。",
    )
    bait = week_start(today) + timedelta(days=3)  # the calendar's template pack
    edit(
        notion,
        "output.bait",
        assignee="Kevin 王",
        due_on=bait,
        note="30 个中文模板大礼包。",
        **({"done_on": bait - days} if bait < today else {}),
    )
    edit(notion, "output.owners", hidden=True, note="目前 Kevin 一个人负责所有栏目。")
    own(
        notion,
        Stage.OUTPUT,
        "每周把群精华整理成公众号文章",
        assignee="Kevin 王",
        due_on=today + 8 * days,
    )

    # -- 初二（3）班家长群 (structure): the stage is done, output is next
    done(parents, stage("build", "build.seed"), today - 80 * days)
    edit(parents, "build.seed", hidden=True, note="班级群：家长由班主任邀请入群。")
    done(parents, stage("structure"), today - 50 * days)
    edit(parents, "structure.naming", note="每年 9 月按新年级改群名。")
    edit(parents, "output.bait", hidden=True, note="班级群不对外引流。")
    edit(parents, "output.rhythm", assignee="张老师", due_on=today + 10 * days)
    custom = own(parents, Stage.STRUCTURE, "核对家长名单与学号")
    update_item(
        ws, custom, texts({"done_on": today - 30 * days, "note": "48 位家长，全部对上。"}, language)
    )

    # -- Growth Hackers (build): positioning still open
    edit(growth, "build.interest", done_on=today - 6 * days, note="数据驱动的增长方法和实战案例。")
    edit(growth, "build.segment", assignee="Kevin 王", due_on=today + days, done_on=today - days)
    edit(
        growth,
        "build.value",
        assignee="Kevin 王",
        due_on=today + 3 * days,
        note="先访谈种子用户，再写社群价值。",
    )
    edit(growth, "build.seed", assignee="Kevin 王", due_on=today + 8 * days)
    edit(
        growth,
        "build.built_around",
        due_on=today + 10 * days,
        note="围绕嘉宾分享还是围绕工具？",
    )
    own(
        growth,
        Stage.BUILD,
        "访谈 10 位种子用户",
        assignee="Kevin 王",
        due_on=today,
        note="已约好 4 位。",
    )

    # The templates each uses, the built-ins in the sample's language; Growth
    # Hackers has no welcome sequence yet.
    for community in (reading, notion, parents):
        link_template(ws, community, f"builtin:first_24_hours.{language}")
    link_template(ws, reading, f"builtin:paid_members.{language}")
    for community in (reading, notion):
        link_template(ws, community, f"builtin:guest_share.{language}")
    if library_key:
        edit(reading, library_key, note="积分规则草稿在共享文档里。")
