"""The fission calculator (裂变): will a share-to-join campaign grow, and is it worth its bait?

A fission campaign starts from **seed members** (种子用户): people already in
the group who get a poster or a link. Some of them share it (the **share
rate**, 分享率 X: the fraction of a wave's members who share). Each share
reaches some people (**invites per share**), of whom some join (the
**conversion rate**). What one share brings is **Y = invites per share x
conversion rate** new members; an operator who knows Y directly (from a
past campaign) gives it as the invites per share with a conversion rate of
100%. Each new member costs the **bait** (诱饵: a course, a question bank, a
gift, earned by whoever brings a member in, or by the member who joins: what
matters is that it is paid per member acquired), and the campaign has a
**fixed cost** (poster design, the bait's production).

The waves, precisely:

- wave 0 is the seed members;
- in wave n (n >= 1) the members who joined in wave n - 1 (the seeds for
  wave 1) share at the share rate: ``sharers(n) = X x new(n - 1)``;
- each share brings Y new members: ``new(n) = sharers(n) x Y = new(n - 1) x K``.

So every member brings **K = X x Y** (the fission coefficient) new members in
the next wave. With K > 1 each wave is larger than the last and growth
sustains itself (domain.md: "X x Y > 1"); with K < 1 each wave is smaller and
the campaign tops out at ``seeds x K / (1 - K)`` new members however many
waves it runs; with K = 1 every wave brings as many as the seeds. Members of
the last wave are counted but not asked to share (the campaign ends there).

All figures are expectations and kept as fractions (43.2 sharers); the
``whole_*`` properties round them to whole people for display. The cost is
``fixed cost + bait x new members acquired``; divided by the new members it
is the cost per acquired member (the bait plus the fixed cost spread over
them), set against another channel's cost per member (ads, a KOL post): a
fission that is dearer than a channel is not worth its bait.

Worked example: 200 seeds, 40% of each wave share, a share reaches 20 people
and 10% of them join (Y = 2), so K = 0.4 x 2 = 0.8 (below 1: it dies out):

=====  ===========================  ===========================  ==========
wave   sharers                      new members                  members
=====  ===========================  ===========================  ==========
0      -                            200 (the seeds)              200
1      0.4 x 200 = 80               80 x 2 = 160                 360
2      0.4 x 160 = 64               64 x 2 = 128                 488
3      0.4 x 128 = 51.2             51.2 x 2 = 102.4             590.4 (590)
=====  ===========================  ===========================  ==========

Three waves acquire 390.4 members (at most 200 x 0.8 / 0.2 = 800 with more
waves) from 195.2 sharers. With a ¥300 poster and a ¥2.50 bait per new member
the campaign costs 300 + 2.5 x 390.4 = ¥1,276, ¥3.27 per acquired member:
¥2.73 cheaper than an ad channel at ¥6 per member, so worth running even
though K < 1.

Saved scenarios (:mod:`planner.fission_scenarios`) belong to a community and
may name the fission activity on its calendar that they plan.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from planner.errors import ValidationError
from planner.i18n import QT_TRANSLATE_NOOP, Text

TABLE = "fission_scenarios"
NAME_MAX = 80
NOTE_MAX = 10_000
WAVES_MAX = 30
# Bounds that keep every projection finite (10^7 seeds x (10^4)^30 is about
# 10^127, far below float's 10^308) while allowing any real campaign: a share
# into a 500-member group "invites" 500 people, and no one seeds 10 million.
SEEDS_MAX = 10_000_000
INVITES_MAX = 10_000
MONEY_MAX = 1_000_000_000.0
# More members than any one network holds: from the wave a projection passes
# this, it only says that the model has broken down (fission saturates long
# before), and :attr:`Projection.exceeds_reach_at` tells the operator so.
REACH_LIMIT = 1_000_000_000.0
# K and Y are rounded to this many decimals so that 0.3 x 5 x 0.8 is 1.2, not
# 1.2000000000000002, and "exactly 1" is exactly 1.
COEFFICIENT_DECIMALS = 12

INT_FIELDS = ("seed_members", "waves")
RATE_FIELDS = ("share_rate", "conversion_rate")
FLOAT_FIELDS = ("share_rate", "invites_per_share", "conversion_rate", "fixed_cost", "bait_cost")
LABELS: dict[str, Text] = {
    "seed_members": QT_TRANSLATE_NOOP("Fission", "Seed members"),
    "share_rate": QT_TRANSLATE_NOOP("Fission", "Share rate"),
    "invites_per_share": QT_TRANSLATE_NOOP("Fission", "Invites per share"),
    "conversion_rate": QT_TRANSLATE_NOOP("Fission", "Conversion rate"),
    "waves": QT_TRANSLATE_NOOP("Fission", "Waves"),
    "fixed_cost": QT_TRANSLATE_NOOP("Fission", "Fixed cost"),
    "bait_cost": QT_TRANSLATE_NOOP("Fission", "Bait per new member"),
    "channel_cost": QT_TRANSLATE_NOOP("Fission", "Channel cost per member"),
}
# Messages of Scenario.problems() used for several fields.
_WHOLE_NUMBER = QT_TRANSLATE_NOOP("Fission", "{label}: enter a whole number.")
_NEGATIVE = QT_TRANSLATE_NOOP("Fission", "{label} cannot be negative.")
_AT_MOST = QT_TRANSLATE_NOOP("Fission", "{label}: at most {most}.")


def whole(value: float) -> int:
    """``value`` rounded to a whole number of people, halves up (42.5 -> 43)."""
    return math.floor(value + 0.5)


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    # An int is never NaN or infinite (and may be too large for isfinite).
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


# -- the inputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """The inputs of a fission campaign (see the module docstring for the model).

    The annotations say what a sound scenario holds; a scenario built from a
    form may hold anything, and :meth:`problems` says what is wrong with it.

    Attributes:
        seed_members: members who start (wave 0), a whole number.
        share_rate: X, the fraction (0..1) of each wave's members who share.
        invites_per_share: people one share reaches (Y itself, when the
            conversion rate is 1: see the module docstring).
        conversion_rate: the fraction (0..1) of them who join.
        waves: waves of sharing projected, 1 to 30.
        fixed_cost: what the campaign costs however it goes (poster design).
        bait_cost: the bait (诱饵) paid for each new member acquired.
        channel_cost: another channel's cost per acquired member, to compare
            with; None when there is none.
    """

    seed_members: int
    share_rate: float
    invites_per_share: float
    conversion_rate: float
    waves: int
    fixed_cost: float = 0.0
    bait_cost: float = 0.0
    channel_cost: float | None = None

    @property
    def per_share(self) -> float:
        """Y: new members one share brings (invites per share x conversion rate)."""
        return round(self.invites_per_share * self.conversion_rate, COEFFICIENT_DECIMALS)

    @property
    def coefficient(self) -> float:
        """K = X x Y: new members each member brings in the next wave."""
        return round(
            self.share_rate * self.invites_per_share * self.conversion_rate,
            COEFFICIENT_DECIMALS,
        )

    def values(self) -> dict[str, Any]:
        """The inputs by field name, for a form or :meth:`from_values`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> Scenario:
        """A scenario from a form's values: numbers, or text such as "1,000" or "30%".

        Text that is not a number is kept as it is, for :meth:`problems` to
        report; an empty channel cost is None. Missing fields are a mistake of
        the caller (KeyError), unknown ones too (ValueError).
        """
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown scenario field: {', '.join(sorted(unknown))}")
        parsed: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in values:
                if f.name in ("fixed_cost", "bait_cost", "channel_cost"):
                    continue
                raise KeyError(f.name)
            parsed[f.name] = _parse(f.name, values[f.name])
        return cls(**parsed)

    def problems(self, labels: Mapping[str, str] | None = None) -> dict[str, Text]:
        """What is wrong with the inputs, one message per field (empty when sound).

        Each message names its field by :data:`LABELS`, or by ``labels`` where
        it has the field: a form passes the names it shows (translated, or
        "New members per share" when it asks for Y directly), so the message
        under a field calls it what the operator sees. Rates read as
        percentages in the messages, since that is how operators speak of them.
        Each message is a :class:`~planner.i18n.Text` with the name filled in.
        """
        names: dict[str, str] = {**LABELS, **(labels or {})}
        errors: dict[str, Text] = {}
        for name in INT_FIELDS:
            value = getattr(self, name)
            label = names[name]
            if not isinstance(value, int) or isinstance(value, bool):
                errors[name] = _WHOLE_NUMBER.format(label=label)
            elif name == "seed_members" and value < 0:
                errors[name] = _NEGATIVE.format(label=label)
            elif name == "seed_members" and value > SEEDS_MAX:
                errors[name] = _AT_MOST.format(label=label, most=f"{SEEDS_MAX:,}")
            elif name == "waves" and not 1 <= value <= WAVES_MAX:
                errors[name] = QT_TRANSLATE_NOOP(
                    "Fission", "{label}: between 1 and {most}."
                ).format(label=label, most=WAVES_MAX)
        for name in (*FLOAT_FIELDS, "channel_cost"):
            value = getattr(self, name)
            label = names[name]
            if name == "channel_cost" and value is None:
                continue
            if not _is_number(value):
                errors[name] = QT_TRANSLATE_NOOP("Fission", "{label}: enter a number.").format(
                    label=label
                )
            elif name in RATE_FIELDS and not 0 <= value <= 1:
                errors[name] = QT_TRANSLATE_NOOP("Fission", "{label}: between 0% and 100%.").format(
                    label=label
                )
            elif value < 0:
                errors[name] = _NEGATIVE.format(label=label)
            elif name == "invites_per_share" and value > INVITES_MAX:
                errors[name] = _AT_MOST.format(label=label, most=f"{INVITES_MAX:,}")
            elif name not in RATE_FIELDS and name != "invites_per_share" and value > MONEY_MAX:
                errors[name] = _AT_MOST.format(label=label, most=f"{MONEY_MAX:,.0f}")
        return {name: errors[name] for name in LABELS if name in errors}


def _parse(name: str, value: Any) -> Any:
    """A form value as a number where it reads as one; anything else unchanged."""
    if not isinstance(value, str):
        if name in INT_FIELDS and isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    text = value.strip().replace(",", "").replace("，", "")
    if name == "channel_cost" and not text:
        return None
    percent = text.endswith(("%", "％"))
    if percent:
        text = text[:-1].strip()
    try:
        number = float(text)
    except ValueError:
        return value
    if not math.isfinite(number):
        return value
    if percent:
        if name not in RATE_FIELDS:
            return value
        number /= 100
    if name in INT_FIELDS:
        return int(number) if number.is_integer() else number
    return number


# -- the projection ----------------------------------------------------------------------


@dataclass(frozen=True)
class Wave:
    """One wave of sharing (expectations; ``whole_*`` for display).

    Attributes:
        number: 1 for the first wave of sharing (the seeds are wave 0).
        sharers: members of the previous wave who share in this one.
        new_members: members who join in this wave.
        cumulative: all members so far, the seeds included.
    """

    number: int
    sharers: float
    new_members: float
    cumulative: float

    @property
    def whole_sharers(self) -> int:
        return whole(self.sharers)

    @property
    def whole_new_members(self) -> int:
        return whole(self.new_members)

    @property
    def whole_cumulative(self) -> int:
        return whole(self.cumulative)


@dataclass(frozen=True)
class Projection:
    """What a scenario comes to, wave by wave and in total.

    Attributes:
        scenario: the inputs.
        per_share: Y, new members per share.
        coefficient: K = X x Y.
        waves: waves 1 to ``scenario.waves`` (wave 0 is the seeds).
        acquired: new members over all waves (the seeds not included).
        total_sharers: sharers over all waves.
        total_cost: fixed cost + bait cost x acquired (the bait is paid per
            new member).
        cost_per_member: total cost / acquired; None when no one is acquired.
        acquired_limit: for K < 1, what the campaign acquires at most however
            many waves it runs (seeds x K / (1 - K)); None for K >= 1.
        exceeds_reach_at: the first wave whose members pass
            :data:`REACH_LIMIT` (a billion), from which the projection no
            longer describes anything real; None when it stays below.
    """

    scenario: Scenario
    per_share: float
    coefficient: float
    waves: tuple[Wave, ...]
    acquired: float
    total_sharers: float
    total_cost: float
    cost_per_member: float | None
    acquired_limit: float | None
    exceeds_reach_at: int | None

    @property
    def self_sustaining(self) -> bool:
        """K > 1: each wave is larger than the last."""
        return self.coefficient > 1

    @property
    def seeds(self) -> int:
        return self.scenario.seed_members

    @property
    def members(self) -> float:
        """Members after the last wave, the seeds included."""
        return self.waves[-1].cumulative if self.waves else float(self.seeds)

    @property
    def members_by_wave(self) -> tuple[float, ...]:
        """Members after each wave from wave 0 (the seeds): the chart's points."""
        return (float(self.seeds), *(w.cumulative for w in self.waves))

    @property
    def new_by_wave(self) -> tuple[float, ...]:
        """New members of each wave from wave 0 (whose new members are the seeds)."""
        return (float(self.seeds), *(w.new_members for w in self.waves))

    @property
    def channel_cost(self) -> float | None:
        return self.scenario.channel_cost

    @property
    def channel_total(self) -> float | None:
        """What the channel would charge for as many members as the fission acquires."""
        if self.channel_cost is None:
            return None
        return self.channel_cost * self.acquired

    @property
    def beats_channel(self) -> bool | None:
        """True when a member costs less through the fission than through the
        channel; None when there is no channel to compare with. A fission that
        acquires no one beats nothing."""
        if self.channel_cost is None:
            return None
        if self.cost_per_member is None:
            return False
        return self.cost_per_member < self.channel_cost

    @property
    def saving_per_member(self) -> float | None:
        """How much less a member costs through the fission than through the
        channel (negative when it costs more); None without a channel or when
        the fission acquires no one."""
        if self.channel_cost is None or self.cost_per_member is None:
            return None
        return self.channel_cost - self.cost_per_member

    @property
    def whole_acquired(self) -> int:
        return whole(self.acquired)

    @property
    def whole_total_sharers(self) -> int:
        return whole(self.total_sharers)

    @property
    def whole_members(self) -> int:
        return whole(self.members)


def project(scenario: Scenario) -> Projection:
    """The projection of ``scenario``; ValidationError when its inputs are unsound.

    The bounds :meth:`Scenario.problems` enforces keep every figure finite.
    """
    problems = scenario.problems()
    if problems:
        raise ValidationError(problems)
    k = scenario.coefficient
    seeds = float(scenario.seed_members)
    previous = seeds
    cumulative = seeds
    waves: list[Wave] = []
    exceeds: int | None = None
    for number in range(1, scenario.waves + 1):
        sharers = scenario.share_rate * previous
        new = previous * k
        cumulative += new
        waves.append(Wave(number, sharers, new, cumulative))
        if exceeds is None and cumulative > REACH_LIMIT:
            exceeds = number
        previous = new
    acquired = math.fsum(w.new_members for w in waves)
    total_sharers = math.fsum(w.sharers for w in waves)
    total_cost = scenario.fixed_cost + scenario.bait_cost * acquired
    projection = Projection(
        scenario=scenario,
        per_share=scenario.per_share,
        coefficient=k,
        waves=tuple(waves),
        acquired=acquired,
        total_sharers=total_sharers,
        total_cost=total_cost,
        cost_per_member=total_cost / acquired if acquired > 0 else None,
        acquired_limit=seeds * k / (1 - k) if k < 1 else None,
        exceeds_reach_at=exceeds,
    )
    assert all(math.isfinite(x) for x in (acquired, total_sharers, total_cost, cumulative))
    return projection
