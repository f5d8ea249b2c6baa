"""The fission calculator: the projection on hand-checked cases, and its inputs' checks.

Saved scenarios are tested in tests/test_fission_scenarios.py.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from planner.errors import ValidationError
from planner.fission import REACH_LIMIT, Scenario, project, whole

# 100 seeds, 30% share, a share reaches 5 people and 80% join: Y = 4, K = 1.2;
# a 500 poster, a bait of 2 per new member, an ad channel at 8 per member.
GROWING = Scenario(
    seed_members=100,
    share_rate=0.3,
    invites_per_share=5,
    conversion_rate=0.8,
    waves=3,
    fixed_cost=500,
    bait_cost=2,
    channel_cost=8,
)


def scenario(**changes: Any) -> Scenario:
    values = GROWING.values() | changes
    return Scenario(**values)


# -- the projection ------------------------------------------------------------------------


def test_self_sustaining_campaign() -> None:
    p = project(GROWING)
    assert p.per_share == 4.0  # 5 invites x 0.8
    assert p.coefficient == 1.2  # 0.3 x 4, without float noise
    assert p.self_sustaining
    # wave 1: 0.3 x 100 = 30 share, 30 x 4 = 120 join, 220 members
    # wave 2: 0.3 x 120 = 36 share, 144 join, 364 members
    # wave 3: 0.3 x 144 = 43.2 share, 172.8 join, 536.8 members
    got = [(w.number, w.sharers, w.new_members, w.cumulative) for w in p.waves]
    want = [(1, 30, 120, 220), (2, 36, 144, 364), (3, 43.2, 172.8, 536.8)]
    for g, w in zip(got, want, strict=True):
        assert g == pytest.approx(w)
    assert [w.whole_sharers for w in p.waves] == [30, 36, 43]
    assert [w.whole_new_members for w in p.waves] == [120, 144, 173]
    assert [w.whole_cumulative for w in p.waves] == [220, 364, 537]
    assert p.members_by_wave == pytest.approx((100, 220, 364, 536.8))
    assert p.new_by_wave == pytest.approx((100, 120, 144, 172.8))  # wave 0: the seeds
    assert p.acquired == pytest.approx(436.8)  # 120 + 144 + 172.8
    assert p.whole_acquired == 437
    assert p.total_sharers == pytest.approx(109.2)  # 30 + 36 + 43.2
    assert p.whole_total_sharers == 109
    assert p.members == pytest.approx(536.8) and p.whole_members == 537
    assert p.acquired_limit is None  # no ceiling when K > 1
    assert p.exceeds_reach_at is None


def test_costs_against_a_cheaper_and_a_dearer_channel() -> None:
    p = project(GROWING)
    # 500 fixed + 2 bait x 436.8 new members = 1,373.60; / 436.8 members = 3.1447...
    assert p.total_cost == pytest.approx(1373.6)
    assert p.cost_per_member == pytest.approx(1373.6 / 436.8)
    assert p.cost_per_member == pytest.approx(3.1447, abs=1e-4)
    # An ad channel at 8 per member: the fission is 4.8553 cheaper a member, and
    # those 436.8 members would cost 3,494.40 there.
    assert p.beats_channel is True
    assert p.saving_per_member == pytest.approx(8 - 1373.6 / 436.8)
    assert p.channel_total == pytest.approx(3494.4)
    # A channel at 3 per member: the fission is dearer; not worth its bait.
    dearer = project(scenario(channel_cost=3))
    assert dearer.beats_channel is False
    assert dearer.saving_per_member == pytest.approx(3 - 1373.6 / 436.8)  # -0.1447
    # Exactly as dear is not cheaper.
    assert project(scenario(channel_cost=1373.6 / 436.8)).beats_channel is False
    # No channel: nothing to compare with.
    none = project(scenario(channel_cost=None))
    assert none.beats_channel is None and none.channel_total is None
    assert none.saving_per_member is None
    # No costs at all: members are free.
    free = project(scenario(fixed_cost=0, bait_cost=0))
    assert free.total_cost == 0 and free.cost_per_member == 0 and free.beats_channel


def test_the_bait_is_paid_per_new_member_not_per_sharer() -> None:
    # Without a fixed cost a member costs exactly the bait, however many share.
    for rate in (0.1, 0.3, 1.0):
        p = project(scenario(share_rate=rate, fixed_cost=0, bait_cost=2.5))
        assert p.total_cost == pytest.approx(2.5 * p.acquired)
        assert p.cost_per_member == pytest.approx(2.5)
    # The fixed cost is spread over the members: 3 waves of GROWING bring 436.8.
    p = project(scenario(fixed_cost=436.8, bait_cost=2.5))
    assert p.cost_per_member == pytest.approx(3.5)  # 2.5 bait + 436.8 / 436.8
    # More waves spread the poster over more members.
    longer = project(scenario(waves=5)).cost_per_member
    shorter = project(GROWING).cost_per_member
    assert longer is not None and shorter is not None and longer < shorter


def test_y_known_directly_is_invites_at_full_conversion() -> None:
    # A form that asks for Y (4 new members per share) stores it as 4 invites, 100% joining.
    direct = project(scenario(invites_per_share=4, conversion_rate=1))
    grown = project(GROWING)
    assert direct.per_share == grown.per_share == 4
    assert direct.coefficient == grown.coefficient == 1.2
    assert direct.waves == grown.waves
    assert direct.total_cost == pytest.approx(grown.total_cost)


def test_dying_campaign_and_its_ceiling() -> None:
    # 100 seeds, 25% share, 4 invites, 50% join: Y = 2, K = 0.5.
    p = project(scenario(share_rate=0.25, invites_per_share=4, conversion_rate=0.5, waves=4))
    assert p.coefficient == 0.5 and not p.self_sustaining
    # sharers 25, 12.5, 6.25, 3.125; new 50, 25, 12.5, 6.25
    assert [w.sharers for w in p.waves] == pytest.approx([25, 12.5, 6.25, 3.125])
    assert [w.new_members for w in p.waves] == pytest.approx([50, 25, 12.5, 6.25])
    assert p.acquired == pytest.approx(93.75)
    assert p.total_sharers == pytest.approx(46.875)
    # However many waves: 100 x 0.5 / (1 - 0.5) = 100 new members at most.
    assert p.acquired_limit == pytest.approx(100)
    longest = project(scenario(share_rate=0.25, invites_per_share=4, conversion_rate=0.5, waves=30))
    assert longest.acquired < 100
    assert longest.acquired == pytest.approx(100, abs=1e-6)  # 100 x (1 - 0.5^30)


def test_docstring_example() -> None:
    # 200 seeds, 40% share, 20 invites, 10% join: Y = 2, K = 0.8 (see the module docstring).
    p = project(
        Scenario(200, 0.4, 20, 0.1, 3, fixed_cost=300, bait_cost=2.5, channel_cost=6),
    )
    assert p.coefficient == 0.8
    assert [w.sharers for w in p.waves] == pytest.approx([80, 64, 51.2])
    assert [w.new_members for w in p.waves] == pytest.approx([160, 128, 102.4])
    assert [w.cumulative for w in p.waves] == pytest.approx([360, 488, 590.4])
    assert p.acquired == pytest.approx(390.4) and p.total_sharers == pytest.approx(195.2)
    assert p.acquired_limit == pytest.approx(800)
    assert p.total_cost == pytest.approx(1276)  # 300 + 2.5 x 390.4
    assert round(p.cost_per_member or 0, 2) == 3.27 and p.beats_channel
    assert round(p.saving_per_member or 0, 2) == 2.73


def test_coefficient_exactly_one() -> None:
    # 50% share, 4 invites, 50% join: Y = 2, K = 1: every wave brings the seeds again.
    p = project(scenario(share_rate=0.5, invites_per_share=4, conversion_rate=0.5, waves=5))
    assert p.coefficient == 1.0
    assert not p.self_sustaining  # growth sustains itself only above 1
    assert p.acquired_limit is None  # no ceiling: it grows by 100 a wave
    assert [w.new_members for w in p.waves] == [100.0] * 5
    assert [w.sharers for w in p.waves] == [50.0] * 5
    assert p.acquired == 500 and p.members == 600


def test_zero_seeds() -> None:
    p = project(scenario(seed_members=0))
    assert p.coefficient == 1.2  # the campaign would grow, but nothing starts it
    assert all(w.sharers == w.new_members == w.cumulative == 0 for w in p.waves)
    assert p.acquired == 0 and p.total_sharers == 0
    assert p.total_cost == 500  # the poster is paid for anyway
    assert p.cost_per_member is None and p.saving_per_member is None
    assert p.beats_channel is False  # acquiring no one beats nothing
    assert p.members_by_wave == (0, 0, 0, 0)


def test_zero_conversion_pays_the_poster_for_nothing() -> None:
    p = project(scenario(conversion_rate=0))
    assert p.per_share == 0 and p.coefficient == 0
    assert p.acquired_limit == 0
    # Wave 1: 30 seeds share, no one joins; then no one is left to share.
    assert [w.sharers for w in p.waves] == [30, 0, 0]
    assert p.acquired == 0
    assert p.total_cost == 500  # no one joined, so no bait was paid
    assert p.cost_per_member is None and p.beats_channel is False


def test_one_wave_and_thirty() -> None:
    one = project(scenario(waves=1))
    assert len(one.waves) == 1
    assert one.acquired == pytest.approx(120) and one.total_sharers == pytest.approx(30)
    assert one.total_cost == pytest.approx(740)  # 500 + 2 x 120
    assert one.cost_per_member == pytest.approx(740 / 120)
    thirty = project(scenario(waves=30))
    assert [w.number for w in thirty.waves] == list(range(1, 31))
    # new(30) = 100 x 1.2^30; the sum of a geometric series for the rest.
    assert thirty.waves[-1].new_members == pytest.approx(100 * 1.2**30)  # 23,737.6
    acquired = 100 * 1.2 * (1.2**30 - 1) / 0.2  # 141,225.8
    assert thirty.acquired == pytest.approx(acquired)
    assert thirty.total_sharers == pytest.approx(0.3 * (100 + acquired - 100 * 1.2**30))
    assert thirty.exceeds_reach_at is None


def test_huge_coefficient_stays_finite_and_says_where_it_breaks_down() -> None:
    # The largest inputs allowed: 10 million seeds, everyone shares into 10,000 people who all join.
    p = project(Scenario(10_000_000, 1, 10_000, 1, 30, 1e9, 1e9, 1e9))
    assert p.coefficient == 10_000
    figures = [p.acquired, p.total_sharers, p.total_cost, p.cost_per_member or 0.0]
    figures += [x for w in p.waves for x in (w.sharers, w.new_members, w.cumulative)]
    assert all(math.isfinite(x) for x in figures)
    assert p.waves[-1].new_members == pytest.approx(1e7 * 1e4**30)  # about 10^127
    assert p.exceeds_reach_at == 1  # 10^11 new members in wave 1
    # 1,000 seeds, K = 10: 111,111,000 members after wave 5; 1,111,111,000 after wave 6.
    p = project(Scenario(1000, 0.5, 20, 1, 30))
    assert p.waves[4].cumulative == pytest.approx(111_111_000)
    assert p.waves[5].cumulative > REACH_LIMIT
    assert p.exceeds_reach_at == 6
    assert isinstance(p.whole_members, int)


def test_whole_rounds_halves_up() -> None:
    assert [whole(x) for x in (0.0, 0.49, 0.5, 1.5, 2.5, 172.8)] == [0, 0, 1, 2, 3, 173]


BAD_FIELDS = [
    ("seed_members", -1, "Seed members cannot be negative."),
    ("seed_members", 2.5, "Seed members: enter a whole number."),
    ("seed_members", "many", "Seed members: enter a whole number."),
    ("seed_members", True, "Seed members: enter a whole number."),
    ("seed_members", 10_000_001, "Seed members: at most 10,000,000."),
    ("share_rate", 1.5, "Share rate: between 0% and 100%."),
    ("share_rate", -0.1, "Share rate: between 0% and 100%."),
    ("share_rate", math.nan, "Share rate: enter a number."),
    ("invites_per_share", -2, "Invites per share cannot be negative."),
    ("invites_per_share", math.inf, "Invites per share: enter a number."),
    ("invites_per_share", 10_001, "Invites per share: at most 10,000."),
    ("conversion_rate", 2, "Conversion rate: between 0% and 100%."),
    ("conversion_rate", None, "Conversion rate: enter a number."),
    ("waves", 0, "Waves: between 1 and 30."),
    ("waves", 31, "Waves: between 1 and 30."),
    ("waves", 3.0, "Waves: enter a whole number."),
    ("fixed_cost", -500, "Fixed cost cannot be negative."),
    ("fixed_cost", "¥500", "Fixed cost: enter a number."),
    ("bait_cost", -1, "Bait per new member cannot be negative."),
    ("bait_cost", 2e9, "Bait per new member: at most 1,000,000,000."),
    ("channel_cost", -8, "Channel cost per member cannot be negative."),
    ("channel_cost", "cheap", "Channel cost per member: enter a number."),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_FIELDS)
def test_each_bad_field_has_its_message(field: str, value: Any, message: str) -> None:
    bad = scenario(**{field: value})
    assert bad.problems() == {field: message}
    with pytest.raises(ValidationError) as caught:
        project(bad)
    assert caught.value.fields == {field: message}
    assert str(caught.value) == message


def test_every_problem_at_once_in_form_order() -> None:
    bad = Scenario(-1, 2, -1, -1, 0, -1, -1, -1)
    assert list(bad.problems()) == [
        "seed_members",
        "share_rate",
        "invites_per_share",
        "conversion_rate",
        "waves",
        "fixed_cost",
        "bait_cost",
        "channel_cost",
    ]
    assert GROWING.problems() == {}
    assert scenario(share_rate=0, conversion_rate=1, invites_per_share=0).problems() == {}


def test_problems_name_fields_as_the_form_does() -> None:
    bad = scenario(invites_per_share=-4, share_rate=2, waves=0)
    labels = {"invites_per_share": "New members per share", "share_rate": "分享率"}
    assert bad.problems(labels) == {
        "share_rate": "分享率: between 0% and 100%.",
        "invites_per_share": "New members per share cannot be negative.",
        "waves": "Waves: between 1 and 30.",  # not renamed: the core's label
    }


def test_from_values_reads_form_text() -> None:
    form = {
        "seed_members": " 1,000 ",
        "share_rate": "30%",
        "invites_per_share": "5",
        "conversion_rate": "0.8",
        "waves": "3",
        "fixed_cost": "500.50",
        "bait_cost": 10,
        "channel_cost": "",
    }
    read = Scenario.from_values(form)
    assert read == Scenario(1000, 0.3, 5.0, 0.8, 3, 500.5, 10, None)
    assert read.problems() == {}
    assert Scenario.from_values(GROWING.values()) == GROWING
    # Text that is not a number stays for problems() to report.
    bad = Scenario.from_values(
        form | {"waves": "three", "fixed_cost": "50%", "seed_members": "1.5"}
    )
    assert bad.problems() == {
        "seed_members": "Seed members: enter a whole number.",
        "waves": "Waves: enter a whole number.",
        "fixed_cost": "Fixed cost: enter a number.",
    }
    with pytest.raises(ValueError, match="colour"):
        Scenario.from_values(form | {"colour": "red"})
