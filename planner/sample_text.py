"""The sample workspace's texts in English.

The sample (:mod:`planner.demo` and its parts) is written once, with its
texts in Chinese. :data:`ENGLISH` holds each of those texts as an
English-speaking operator would write it, and :func:`text` / :func:`texts`
pick a text in the sample's language: the Chinese as written, or its English.
So the structure of the sample (its communities, dates, figures, checklist
states and plans) exists once and the two languages cannot drift apart.

Values without Chinese in them (colours, platforms, stages, owners such as
"Kevin") are the same in both languages and pass through unchanged; a
Chinese text with no English here is an error, not a silent mix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planner.i18n import Language

# Han characters and the CJK and full-width punctuation that goes with them.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

ENGLISH: dict[str, str] = {
    # -- The people
    "Lily 李": "Lily Li",
    "Kevin 王": "Kevin Wang",
    "张老师": "Ms Zhang",
    "林老师": "Mr Lin",
    "王校长": "Principal Wang",
    "阿青（自由设计师）": "Qing (freelance designer)",
    "三位会员": "Three members",
    "两位种子用户": "Two seed users",
    "两位家长代表": "Two parent representatives",
    # -- The places
    "视频号直播": "Video Channel live",
    "腾讯会议": "Tencent Meeting",
    "静安区 · 朵云书院": "Jing'an · Duoyun Books",
    "学校报告厅 + 群直播": "School auditorium + live in the group",
    "学校会议室": "School meeting room",
    # -- The communities (planner.sample_communities)
    "深夜读书会 · 付费会员圈": "Late-Night Reading Club · Paid Members",
    "资深付费会员（续费 2 年以上）": "Long-standing paid members (renewed for 2+ years)",
    "每月共读一本书，跟着林老师把书读透、读出行动。": (
        "One book a month, read together: with Mr Lin we read it closely and put it into practice."
    ),
    "林老师每周三晚直播领读；每日晨读打卡；每月一次线下读书沙龙。": (
        "Mr Lin's live reading every Wednesday evening; a daily morning check-in;"
        " an in-person reading salon once a month."
    ),
    "不是泛泛的书单群：有灵魂人物带读、有打卡督促、有读后行动复盘。": (
        "Not just another book-list group: a mentor leads the reading, check-ins keep you"
        " going, and we look back at what we did with what we read."
    ),
    "年费 365 元；老会员邀请优先；入群需填写读书计划。": (
        "¥365 a year; members' invitations come first; newcomers fill in a reading plan to join."
    ),
    "禁止广告和拉票；打卡连续缺席 30 天移出；讨论围绕本月书目。": (
        "No ads or vote requests; 30 days in a row without a check-in and you are removed;"
        " discussion sticks to this month's book."
    ),
    "续费季在 12 月，提前一个月准备会员专属活动。": (
        "Renewals come round in December: prepare the members-only events a month ahead."
    ),
    "Notion 中文用户群": "Notion Users Group",
    "产品经理、运营、自由职业者": "Product managers, community and content people, freelancers",
    "用 Notion 管理工作和生活，交流模板与工作流。": (
        "Running work and life in Notion; swapping templates and workflows."
    ),
    "每周一份模板精选；每月一次用户分享会；新功能第一时间解读。": (
        "A weekly pick of templates; a user share session every month;"
        " new features explained as soon as they ship."
    ),
    "官方认证大使维护，答疑有人负责；模板库持续更新。": (
        "Run by a certified Notion ambassador, so questions get answered;"
        " the template library keeps growing."
    ),
    "免费，扫码入群；满 450 人开新群。": (
        "Free: scan the QR code to join; a new group opens at 450 members."
    ),
    "提问先搜群公告；禁止发盗版资源；广告一次警告，两次移出。": (
        "Search the group announcements before asking; no pirated resources;"
        " one warning for ads, removed the second time."
    ),
    "群内活跃度下降，计划每周二增加话题讨论。": (
        "Activity in the group is dropping; the plan is a topic discussion every Tuesday."
    ),
    "初二（3）班家长群": "Grade 8 Class 3 Parents",
    "K12 家长 · 初二年级（2026 学年）": "K-12 parents · Grade 8 (2026 school year)",
    "孩子的学习和成长，家校信息及时同步。": (
        "Our children's learning and growth, with news from school passed on promptly."
    ),
    "作业与考试提醒、学习资料、升学讲座。": (
        "Homework and exam reminders, study materials, talks on moving up to high school."
    ),
    "只发与本班相关的信息，不刷屏；每周日一次汇总。": (
        "Only news about this class, no flooding the chat; one round-up every Sunday."
    ),
    "仅限本班家长，班主任审核后邀请入群。": (
        "Parents of this class only, invited once the form teacher has checked."
    ),
    "群内不讨论与学习无关的话题；不发广告和投票链接。": (
        "Nothing unrelated to school in the group; no ads or voting links."
    ),
    "9 月新学年记得把群名改为「初三（3）班家长群」。": (
        "New school year in September: remember to rename the group “Grade 9 Class 3 Parents”."
    ),
    "Growth Hackers 增长交流群": "Growth Hackers",
    "增长、市场、运营从业者": "People working in growth, marketing and community",
    "数据驱动的增长方法和实战案例。": "Data-driven growth methods and real-world case studies.",
    "定位还没想清楚：围绕嘉宾分享还是工具？先访谈 10 位种子用户。": (
        "Positioning not settled yet: built around guest talks or around tools?"
        " Interview 10 seed users first."
    ),
    "双十一临时福利群": "Black Friday Deals (temporary)",
    "首次付费用户": "First-time buyers",
    "活动结束已解散。": "Closed when the sale ended.",
    # -- The calendar (planner.demo)
    "晨读打卡：今日一页": "Morning check-in: today's page",
    "早上 7 点发今日共读页码和一个思考题，成员在群里打卡。": (
        "At 7 am, post today's pages and one question to think about;"
        " members check in in the group."
    ),
    "林老师直播领读": "Mr Lin's live reading",
    "林老师直播领读（改到周四）": "Mr Lin's live reading (moved to Thursday)",
    "本月共读《置身事内》，每周讲两章。": (
        "This month we read “Thinking, Fast and Slow”, two chapters a week."
    ),
    "会员共读分享会：我的读书笔记": "Members' reading share: my reading notes",
    "线下读书沙龙（上海）": "Reading salon in Shanghai",
    "年度会员专属，名额 30 人，到场送书签和下月共读书。": (
        "For annual members only, 30 places; everyone who comes gets a bookmark"
        " and next month's book."
    ),
    "年度会员续费营": "Annual membership renewal camp",
    "老会员续费 7 折，带一位新朋友各减 50 元。": (
        "Renewing members get 30% off; bring a new friend and you both get ¥50 off."
    ),
    "每周模板精选": "Weekly template picks",
    "周二话题：你的第二大脑怎么搭？": "Tuesday topic: how do you build your second brain?",
    "用户分享会：用 Notion 管理自由职业": "User share: running a freelance business in Notion",
    "Notion 效率挑战赛（7 天）": "Notion productivity challenge (7 days)",
    "模板大礼包：30 个中文模板": "Template bundle: 30 ready-made templates",
    "模板设计大赛颁奖直播": "Template design contest: live awards",
    "周日学习汇总": "Sunday study round-up",
    "期中考试提醒": "Midterm exam reminder",
    "升学讲座：初三这一年怎么规划": "Talk: planning the Grade 9 year",
    "家长沙龙：初二下学期怎么陪": "Parents' salon: supporting your child through spring term",
    "增长周报：本周 3 个案例": "Growth weekly: 3 case studies this week",
    "种子用户访谈（10 位）": "Seed user interviews (10 people)",
    "增长案例拆解直播": "Live teardown of growth case studies",
    "增长案例分享会（线上）": "Growth case share session (online)",
    # -- The checklists (planner.demo_checklists)
    "建立会员积分体系": "Set up a member points scheme",
    "会员活动与积分挂钩，奖励最有价值的成员，老会员才有理由留下。": (
        "Tie member activities to points and reward the most valuable members,"
        " so long-standing members have a reason to stay."
    ),
    "积分规则草稿在共享文档里。": "The draft points rules are in the shared doc.",
    "付费圈靠老会员推荐入群，不做引流资料。": (
        "The paid circle grows through members' referrals; no lead magnets."
    ),
    "用内置「入群 24 小时」欢迎流程，改成林老师的口吻。": (
        "Using the built-in “First 24 hours welcome”, reworded in Mr Lin's voice."
    ),
    "新人自我介绍 + 晒出正在读的书，前 10 位送共读书签。": (
        "Newcomers introduce themselves and show the book they are reading;"
        " the first 10 get a bookmark."
    ),
    "品牌：线下读书沙龙；会员：续费营；分享：共读分享会；付费：年度续费营。": (
        "Brand: the reading salon; members: the renewal camp;"
        " sharing: the members' reading share; paid: the annual renewal camp."
    ),
    "每位新会员配一位读书搭子，先从 11 月入群的 18 人开始。": (
        "Pair every new member with a reading buddy, starting with the 18 who joined in November."
    ),
    "共读分享会的实际人数和分享数还没填。": (
        "The reading share's actual turnout and shares are not filled in yet."
    ),
    "筹备 12 月续费季的会员专属活动": "Prepare members-only events for the December renewals",
    "续费季在 12 月，提前一个月准备。": "Renewals come round in December; start a month ahead.",
    "扫码入群后自动发欢迎语。": "A welcome message goes out automatically when someone joins.",
    "周一模板精选、周二话题、每月第二个周四用户分享会。": (
        "Template picks on Mondays, a topic on Tuesdays,"
        " a user share on the second Thursday of the month."
    ),
    "活跃度在下降：周二话题改成群友的真实问题。": (
        "Activity is dropping: make the Tuesday topic members' real questions."
    ),
    "下个月的分享嘉宾还没定。": "Next month's guest speaker is not confirmed yet.",
    "30 个中文模板大礼包。": "The 30-template bundle.",
    "目前 Kevin 一个人负责所有栏目。": "For now Kevin runs all the regular posts himself.",
    "每周把群精华整理成公众号文章": "Turn the week's best threads into a newsletter post",
    "班级群：家长由班主任邀请入群。": "A class group: the form teacher invites the parents.",
    "每年 9 月按新年级改群名。": "Rename the group for the new grade every September.",
    "班级群不对外引流。": "A class group does not recruit from outside.",
    "核对家长名单与学号": "Check the parent list against student numbers",
    "48 位家长，全部对上。": "48 parents, all matched.",
    "先访谈种子用户，再写社群价值。": "Interview seed users first, then write down the value.",
    "围绕嘉宾分享还是围绕工具？": "Built around guest talks or around tools?",
    "访谈 10 位种子用户": "Interview 10 seed users",
    "已约好 4 位。": "4 booked so far.",
    # -- The fission plans (planner.demo_fission)
    "打卡海报裂变": "Check-in poster campaign",
    "打卡满 7 天的会员生成海报，扫码进群送电子书《置身事内》导读。": (
        "Members with a 7-day check-in streak get a poster; whoever scans it and joins"
        " gets a free e-book guide to “Thinking, Fast and Slow”."
    ),
    "续费营 · 老带新": "Renewal camp · bring a friend",
    "续费的老会员每带一位新朋友，双方各减 50 元。": (
        "For every new friend a renewing member brings, both get ¥50 off."
    ),
    "种子用户裂变": "Seed user referrals",
    "分享会海报带案例合集领取码，进群即领。": (
        "The share session's poster carries a code for the case study pack, claimed on joining."
    ),
}


def text(chinese: str, language: Language) -> str:
    """One of the sample's texts in ``language``: as written, or its English."""
    if language == "zh" or not CJK.search(chinese):
        return chinese
    try:
        return ENGLISH[chinese]
    except KeyError:
        raise KeyError(
            f"the sample text {chinese!r} has no English in planner.sample_text"
        ) from None


def texts(values: Mapping[str, Any], language: Language) -> dict[str, Any]:
    """``values`` (a record's fields) with each text in ``language``; the rest as they are."""
    return {k: text(v, language) if isinstance(v, str) else v for k, v in values.items()}
