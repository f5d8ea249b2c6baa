"""The built-in checklist library: what to do at each stage of the path.

The path build -> structure -> output -> operate -> replicate is the
operator's overall logic (domain.md); without it they become the "fireman"
who fights fires all over. Each stage has a list of items, each with a
one-line reason, in Simplified Chinese and English. Items are named by a
stable key (``"build.positioning"``): a community's checklist and the
workspace's own library refer to the key, so a built-in item reads in the
reader's language and a later version of the app can improve its wording.

``action`` names the place in the app where the item gets done (the
community's fields, the calendar, the templates, the replicate wizard); the
UI offers a link there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

# The languages of the built-in texts are the app's (re-exported for their users).
from planner.i18n import LANGUAGES as LANGUAGES
from planner.i18n import Language as Language

STAGES = ("build", "structure", "output", "operate", "replicate")

# Ids derived from keys, so that two copies of a workspace that each add the
# same library item to the same community (or change the same built-in item in
# their library) agree on the record and a merge sees one, not two.
NAMESPACE = uuid.UUID("6d3f0c52-8f0e-4a59-9a57-2f1c5b0e4c11")


def library_row_id(key: str) -> str:
    """The id of the workspace library row that changes built-in item ``key``."""
    return str(uuid.uuid5(NAMESPACE, f"library/{key}"))


def item_id(community_id: str, library_key: str) -> str:
    """The id of a community's checklist item made from library item ``library_key``."""
    return str(uuid.uuid5(NAMESPACE, f"item/{community_id}/{library_key}"))


@dataclass(frozen=True)
class BuiltinItem:
    """One built-in checklist item, in both languages."""

    key: str
    title_en: str
    why_en: str
    title_zh: str
    why_zh: str
    action: str = ""

    @property
    def stage(self) -> str:
        return self.key.split(".", 1)[0]

    def title(self, lang: Language) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def why(self, lang: Language) -> str:
        return self.why_zh if lang == "zh" else self.why_en


BUILTIN: tuple[BuiltinItem, ...] = (
    # -- Build: who is this for, and why would they stay? ----------------
    BuiltinItem(
        "build.interest",
        "Name the common interest",
        "People gather and stay for a shared product, emotion, behaviour or value.",
        "找准共同兴趣",
        "让人聚在一起并留下来的，是共同的产品、情感、行为或价值观。",
        "community:common_interest",
    ),
    BuiltinItem(
        "build.value",
        "Write the value the group brings its members",
        "If you cannot say what members get, they cannot either, and they leave.",
        "写下社群给成员的价值",
        "你说不清成员能得到什么，成员也说不清，就会退群。",
        "community:value_to_members",
    ),
    BuiltinItem(
        "build.continuity",
        "Check you can bring that value every week",
        "Value that stops after the launch turns the group into a dead group.",
        "确认这份价值能持续提供",
        "价值只在开群时出现，社群很快就会变成死群。",
    ),
    BuiltinItem(
        "build.differentiation",
        "Write how you differ from similar groups",
        "Members already have groups like this; a reason to choose yours keeps them.",
        "写清与同类社群的差异",
        "成员手里已有类似的群，给他们一个选你的理由才能留住人。",
        "community:differentiation",
    ),
    BuiltinItem(
        "build.built_around",
        "Choose what the group is built around",
        "A soul figure, a core product or soft services: each needs a different plan.",
        "选定社群的核心：灵魂人物、核心产品或软性服务",
        "围绕人、产品还是服务建群，后面的结构和内容完全不同。",
        "community:built_around",
    ),
    BuiltinItem(
        "build.segment",
        "Choose the segment",
        "Divide people by need (payment stage, profession, life stage), one group per need.",
        "选定细分人群",
        "按需求划分人群（付费阶段、职业、人生阶段），一类需求一个群。",
        "community:segment",
    ),
    BuiltinItem(
        "build.seed",
        "List the first twenty seed members",
        "A group opened to strangers starts silent; seed members start the talk.",
        "列出首批二十位种子成员",
        "一开群就面对陌生人会冷场，种子成员负责带动第一轮发言。",
    ),
    # -- Structure: platform, people, rules --------------------------------
    BuiltinItem(
        "structure.platform",
        "Choose the platform",
        "Go where your members already are; moving a group later loses people.",
        "选定沟通平台",
        "去成员已经在用的平台；日后搬群一定会流失成员。",
        "community:platform",
    ),
    BuiltinItem(
        "structure.roles",
        "Name the roles: owner, admins, soul figure, guests",
        "When everyone knows who answers what, the owner stops being the fireman.",
        "明确角色：群主、管理员、灵魂人物、嘉宾",
        "分工清楚了，群主才不会变成到处救火的消防员。",
        "community:owner",
    ),
    BuiltinItem(
        "structure.joining",
        "Write the joining principles",
        "Who may join, how, and for what fee or invitation decides who you get.",
        "写下入群原则",
        "谁能进、怎么进、付费还是邀请，决定了进来的是什么人。",
        "community:joining_principles",
    ),
    BuiltinItem(
        "structure.norms",
        "Write the group rules and what gets you removed",
        "Rules written before the first ad are enforced; rules written after are argued.",
        "制定群规和移出规则",
        "在第一条广告出现之前定好的群规才有人遵守，之后再定只会引来争吵。",
        "community:management_norms",
    ),
    BuiltinItem(
        "structure.naming",
        "Decide how groups are named and renamed",
        "Segments such as school grades change every year; plan the renaming now.",
        "确定群命名和改名规则",
        "按年级等划分的群每年都要改名，现在就定好规则。",
    ),
    BuiltinItem(
        "structure.announcement",
        "Pin the group announcement",
        "Newcomers read the pinned text first: purpose, rules and the content rhythm.",
        "发布并置顶群公告",
        "新人最先看到的是群公告：社群宗旨、群规和内容安排。",
    ),
    # -- Output: content that makes people stay ----------------------------
    BuiltinItem(
        "output.rhythm",
        "Plan a weekly content rhythm",
        "Regular content is what members come back for; plan it as recurring series.",
        "规划每周的内容节奏",
        "固定的内容是成员回来的理由，用周期系列排进日历。",
        "calendar",
    ),
    BuiltinItem(
        "output.digest",
        "Start a morning digest or article picks",
        "A small daily habit keeps the group in members' day.",
        "开设晨报或好文推荐",
        "每天一个小习惯，让社群留在成员的日常里。",
        "calendar",
    ),
    BuiltinItem(
        "output.topics",
        "Schedule topic discussions",
        "A question each week gets members talking to each other, not only to you.",
        "安排话题讨论",
        "每周一个话题，让成员彼此交流，而不只是和你说话。",
        "calendar",
    ),
    BuiltinItem(
        "output.guests",
        "Build a guest-share pipeline",
        "Theme, guest, running order, invites, conversion; when sharing stops, groups fall silent.",
        "搭建嘉宾分享流程",
        "主题、嘉宾、流程、邀约、转化；分享一停，社群就会沉寂。",
        "calendar",
    ),
    BuiltinItem(
        "output.bait",
        "Prepare bait materials",
        "Learning materials and question banks draw people in and give them a reason to stay.",
        "准备诱饵资料",
        "学习资料、题库等能吸引新人，也给老成员留下来的理由。",
    ),
    BuiltinItem(
        "output.owners",
        "Give every content slot an owner",
        "A slot without an owner is skipped the first busy week.",
        "每个内容栏目指定负责人",
        "没有负责人的栏目，忙的第一周就会断更。",
        "calendar",
    ),
    BuiltinItem(
        "output.archive",
        "Keep an archive of past content",
        "Newcomers catch up, and good content keeps working after the day it was posted.",
        "整理往期内容合集",
        "新人可以补课，好内容也能在发布之后继续发挥作用。",
    ),
    # -- Operate: activities with goals and results ------------------------
    BuiltinItem(
        "operate.welcome",
        "Set up the 24-hour welcome sequence",
        "What a newcomer feels in the first 24 hours is what they still feel after 30 days.",
        "设置入群 24 小时欢迎流程",
        "新人前 24 小时的感受，就是他 30 天后的感受。",
        "templates",
    ),
    BuiltinItem(
        "operate.icebreak",
        "Plan the ice-breaking",
        "Introductions, idiom chains, guess-the-lyrics and a small reward get newcomers talking.",
        "设计破冰环节",
        "自我介绍、成语接龙、猜歌词，再加一点小奖励，让新人开口。",
        "templates",
    ),
    BuiltinItem(
        "operate.connections",
        "Plan connection points between members",
        "A member who knows four people stays; one who knows six contributes.",
        "设计成员之间的连接点",
        "认识 4 个人的成员会留下，认识 6 个人的成员会活跃贡献。",
    ),
    BuiltinItem(
        "operate.activities",
        "Plan one activity of each kind, with goals",
        "Brand, member, sharing and paid activities each serve a different purpose.",
        "四类活动各策划一场，并写下目标",
        "品牌、会员、分享、付费活动各有用处，缺一类就少一种价值。",
        "calendar",
    ),
    BuiltinItem(
        "operate.results",
        "Record the results of every past activity",
        "Activities without data cannot be improved: that is the headless fly.",
        "记录每场活动的实际结果",
        "没有数据的活动无法改进，这就是无头苍蝇。",
        "calendar",
    ),
    BuiltinItem(
        "operate.review",
        "Review the figures each month and change one thing",
        "Retention, not growth, is the value of a community; iterate on what keeps people.",
        "每月复盘数据，改进一处",
        "留存而不是增长才是社群的价值；围绕留住人的做法持续迭代。",
    ),
    # -- Replicate: copy what works ----------------------------------------
    BuiltinItem(
        "replicate.playbook",
        "Write the playbook down",
        "What lives only in your head cannot be copied or handed over.",
        "把运营手册写下来",
        "只存在你脑子里的做法，既复制不了，也交接不了。",
    ),
    BuiltinItem(
        "replicate.templates",
        "Turn posters and welcome scripts into templates",
        "A new group then starts from what already works, not from a blank page.",
        "把海报和欢迎话术做成模板",
        "新群直接从验证过的素材起步，而不是从空白开始。",
        "templates",
    ),
    BuiltinItem(
        "replicate.admins",
        "Train an admin to lead the new group",
        "Every group needs its own alpha wolf; you cannot be in all of them.",
        "培养新群的带头管理员",
        "每个群都需要自己的头狼，你不可能同时在所有群里。",
    ),
    BuiltinItem(
        "replicate.fission",
        "Plan a fission campaign with X × Y > 1",
        "Growth sustains itself only when seed sharers times new members per share exceeds one.",
        "策划一次裂变活动，确保 X × Y > 1",
        "只有种子用户数乘以每次分享带来的新人数大于 1，增长才能自我延续。",
        "calendar",
    ),
    BuiltinItem(
        "replicate.poster",
        "Make the fission poster",
        "Pain point, authority, trust, value, a QR code: people scan far more than they forward.",
        "制作裂变海报",
        "痛点、权威、信任、价值加一个二维码：扫码的人远多于转发的人。",
        "templates",
    ),
    BuiltinItem(
        "replicate.cost",
        "Compare the bait cost per new member with other channels",
        "A fission that costs more per member than any other channel is not worth running.",
        "对比裂变的单个获客成本与其他渠道",
        "如果每个新成员的成本比别的渠道还高，这次裂变就不值得做。",
    ),
    BuiltinItem(
        "replicate.clone",
        "Make the clone",
        "Copy positioning, structure, content rhythm, templates and checklist to the new group.",
        "复制出新社群",
        "把定位、结构、内容节奏、模板和清单复制到新群。",
        "replicate",
    ),
)

BY_KEY: dict[str, BuiltinItem] = {item.key: item for item in BUILTIN}


def builtin_items(stage: str) -> list[BuiltinItem]:
    """The built-in items of one stage, in their shipped order."""
    return [item for item in BUILTIN if item.stage == stage]
