"""Fission plans saved in the sample workspace, each telling its own story.

- 深夜读书会 · 付费会员圈 plans two campaigns. "打卡海报裂变": members post
  their reading check-in poster, a free e-book is the bait; K is below 1, so
  it tops out, yet a member costs less than through ads. "续费营 · 老带新":
  renewing members bring a friend for ¥50 off (the renewal camp on its
  calendar), a small, dear-per-member campaign that still beats the channel.
- Growth Hackers 增长交流群, new and filling fast, plans a seed-user fission
  with K above 1, linked to its online case-sharing session.

Each plan is linked to the sample activity it plans when the calendar has
it (found by title, so a renamed sample activity leaves the plan unlinked
rather than failing). Names and notes are written in Chinese and given in
the sample's language by :mod:`planner.sample_text`.
"""

from __future__ import annotations

from datetime import date

from planner.fission import Scenario
from planner.fission_scenarios import link_activity, plannable_activities, save_scenario
from planner.i18n import Language
from planner.sample_text import text
from planner.workspace import Workspace

READING = "深夜读书会 · 付费会员圈"
GROWTH = "Growth Hackers 增长交流群"

# (community, plan name, the inputs, the title of the activity it plans, a note)
SAMPLE_SCENARIOS: tuple[tuple[str, str, Scenario, str, str], ...] = (
    (
        READING,
        "打卡海报裂变",
        Scenario(
            seed_members=300,
            share_rate=0.35,
            invites_per_share=12,
            conversion_rate=0.2,
            waves=4,
            fixed_cost=300,
            bait_cost=3,
            channel_cost=8,
        ),
        "会员共读分享会：我的读书笔记",
        "打卡满 7 天的会员生成海报，扫码进群送电子书《置身事内》导读。",
    ),
    (
        READING,
        "续费营 · 老带新",
        Scenario(
            seed_members=120,
            share_rate=0.3,
            invites_per_share=3,
            conversion_rate=0.25,
            waves=2,
            fixed_cost=800,
            bait_cost=50,
            channel_cost=120,
        ),
        "年度会员续费营",
        "续费的老会员每带一位新朋友，双方各减 50 元。",
    ),
    (
        GROWTH,
        "种子用户裂变",
        Scenario(
            seed_members=80,
            share_rate=0.5,
            invites_per_share=8,
            conversion_rate=0.3,
            waves=5,
            fixed_cost=200,
            bait_cost=1,
            channel_cost=5,
        ),
        "增长案例分享会（线上）",
        "分享会海报带案例合集领取码，进群即领。",
    ),
)


def _activity(ws: Workspace, community_id: str, title: str) -> str | None:
    """The id of a live activity of the community with this title, if any."""
    return next((i.id for i in plannable_activities(ws, community_id) if i.title == title), None)


def add_sample_scenarios(
    ws: Workspace, ids: dict[str, str], today: date, language: Language = "zh"
) -> None:
    """Save the sample's fission plans on their communities (``ids``: Chinese
    name -> id), linked to the sample activities they plan; after the calendar
    is added. Names, notes and the titles sought are in ``language``.

    ``today`` is taken like the other sample builders take it; the plans do
    not depend on it (the activities they are linked to do).
    """
    for community, name, scenario, title, note in SAMPLE_SCENARIOS:
        community_id = ids.get(community)
        if community_id is None:
            continue
        scenario_id, _ = save_scenario(
            ws, community_id, scenario, text(name, language), note=text(note, language)
        )
        item_id = _activity(ws, community_id, text(title, language))
        if item_id is not None:
            link_activity(ws, scenario_id, item_id)
