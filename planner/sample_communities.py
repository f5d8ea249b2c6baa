"""The sample workspace's communities, as plain data.

Kept apart from :mod:`planner.demo` so that the template previews (which show
the sample reading circle) can use them without importing the demo writer.
Written in Chinese; :func:`sample_communities` gives them in either of the
app's languages (the English from :mod:`planner.sample_text`).
"""

from __future__ import annotations

from typing import Any

from planner.i18n import Language
from planner.sample_text import texts

SAMPLE_COMMUNITIES: list[dict[str, Any]] = [
    {
        "name": "深夜读书会 · 付费会员圈",
        "platform": "wechat",
        "stage": "operate",
        "built_around": "soul_figure",
        "segment_basis": "payment_stage",
        "segment": "资深付费会员（续费 2 年以上）",
        "common_interest": "每月共读一本书，跟着林老师把书读透、读出行动。",
        "value_to_members": "林老师每周三晚直播领读；每日晨读打卡；每月一次线下读书沙龙。",
        "differentiation": "不是泛泛的书单群：有灵魂人物带读、有打卡督促、有读后行动复盘。",
        "joining_principles": "年费 365 元；老会员邀请优先；入群需填写读书计划。",
        "management_norms": "禁止广告和拉票；打卡连续缺席 30 天移出；讨论围绕本月书目。",
        "member_count": 312,
        "owner": "Lily 李",
        "color": "#9b51e0",
        "notes": "续费季在 12 月，提前一个月准备会员专属活动。",
    },
    {
        "name": "Notion 中文用户群",
        "platform": "wecom",
        "stage": "output",
        "built_around": "core_product",
        "segment_basis": "profession",
        "segment": "产品经理、运营、自由职业者",
        "common_interest": "用 Notion 管理工作和生活，交流模板与工作流。",
        "value_to_members": "每周一份模板精选；每月一次用户分享会；新功能第一时间解读。",
        "differentiation": "官方认证大使维护，答疑有人负责；模板库持续更新。",
        "joining_principles": "免费，扫码入群；满 450 人开新群。",
        "management_norms": "提问先搜群公告；禁止发盗版资源；广告一次警告，两次移出。",
        "member_count": 486,
        "owner": "Kevin 王",
        "color": "#2f80ed",
        "notes": "群内活跃度下降，计划每周二增加话题讨论。",
    },
    {
        "name": "初二（3）班家长群",
        "platform": "wechat",
        "stage": "structure",
        "built_around": "soft_services",
        "segment_basis": "life_stage",
        "segment": "K12 家长 · 初二年级（2026 学年）",
        "common_interest": "孩子的学习和成长，家校信息及时同步。",
        "value_to_members": "作业与考试提醒、学习资料、升学讲座。",
        "differentiation": "只发与本班相关的信息，不刷屏；每周日一次汇总。",
        "joining_principles": "仅限本班家长，班主任审核后邀请入群。",
        "management_norms": "群内不讨论与学习无关的话题；不发广告和投票链接。",
        "member_count": 48,
        "owner": "张老师",
        "color": "#27ae60",
        "notes": "9 月新学年记得把群名改为「初三（3）班家长群」。",
    },
    {
        "name": "Growth Hackers 增长交流群",
        "platform": "telegram",
        "stage": "build",
        "built_around": "",
        "segment_basis": "profession",
        "segment": "增长、市场、运营从业者",
        "common_interest": "数据驱动的增长方法和实战案例。",
        "value_to_members": "",
        "differentiation": "",
        "joining_principles": "",
        "management_norms": "",
        "member_count": 0,
        "owner": "Kevin 王",
        "color": "#f2994a",
        "notes": "定位还没想清楚：围绕嘉宾分享还是工具？先访谈 10 位种子用户。",
    },
]

TRASHED_COMMUNITY: dict[str, Any] = {
    "name": "双十一临时福利群",
    "platform": "wechat",
    "stage": "operate",
    "segment_basis": "payment_stage",
    "segment": "首次付费用户",
    "member_count": 203,
    "owner": "Lily 李",
    "color": "#eb5757",
    "notes": "活动结束已解散。",
}


def sample_communities(language: Language) -> list[dict[str, Any]]:
    """The sample's communities (:data:`SAMPLE_COMMUNITIES`) in ``language``."""
    return [texts(community, language) for community in SAMPLE_COMMUNITIES]


def trashed_community(language: Language) -> dict[str, Any]:
    """The sample's community in the trash (:data:`TRASHED_COMMUNITY`) in ``language``."""
    return texts(TRASHED_COMMUNITY, language)
