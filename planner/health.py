"""Health checks: is each community run with a plan, with data, and alive?

Five rules, one per failure an operator can see coming (domain.md, "Why
operators fail"), each shown with the rule itself and a link to fix it, on the
overview, the community page and the weekly PDF. A finding is kept as facts
and written from them (:mod:`planner.health_rules` holds the rules' words):

- ``headless_fly``: activities that ended in the last
  :data:`HEADLESS_FLY_DAYS` days without any result recorded;
- ``fireman``: no content starting in the next :data:`FIREMAN_DAYS` days;
- ``decline``: more members left than joined over the last
  :data:`DECLINE_WEEKS` complete ISO weeks (by :data:`DECLINE_MIN_NET_LOSS`
  members and :data:`DECLINE_MIN_NET_SHARE` of the group at least), or the
  active rate fell week over week :data:`FALLING_WEEKS` times in a row (by
  :data:`FALLING_MIN_DROP` in all at least). No figures: no finding (a
  "no figures recorded" notice would flag every group that is not measured
  yet, which the Operate checklist already asks for);
- ``stalled_checklist``: open items in the current stage and nothing ticked
  for :data:`STALL_DAYS` days;
- ``no_welcome``: no welcome sequence linked.

A community that has not started yet is left alone where a rule would only
nag: ``fireman`` applies from the Output stage (where the content rhythm is
set), or earlier once the community has published content (any that started
before today);
``no_welcome`` applies from the Structure stage (joining principles: people
arrive), or earlier once the community has members (its member count, or a
members figure recorded in the last weeks). ``headless_fly``,
``decline`` and ``stalled_checklist`` need no such exemption: they need
activities, figures, or 30 days of age to say anything. Communities in the
trash are never checked.

Everything is read by range, in a handful of queries for all communities at
once: activities of the last :data:`HEADLESS_FLY_DAYS` days, content of the
next :data:`FIREMAN_DAYS` days (series expanded for those ranges only),
figures from the first of the last :data:`DECLINE_WEEKS` complete weeks to
today, checklist counts and template links.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from planner.calendar import (
    GOAL_FIELDS,
    CalendarFilter,
    ItemKind,
    Occurrence,
    Status,
    format_time,
    occurrences_between,
    week_start,
)
from planner.calendar import TABLE as CALENDAR_TABLE
from planner.checklists import TABLE as CHECKLIST_TABLE
from planner.checklists import checklist
from planner.communities import Community, Stage, get_community, list_communities
from planner.community_templates import TABLE as LINKS_TABLE
from planner.health_rules import (
    DECLINE_MIN_NET_LOSS,
    DECLINE_MIN_NET_SHARE,
    DECLINE_WEEKS,
    FALLING_MIN_DROP,
    FALLING_WEEKS,
    FIREMAN_DAYS,
    HEADLESS_FLY_DAYS,
    LISTED,
    RULE_TEXT,
    RULES,
    SEVERITY,
    STALL_DAYS,
    TITLE,
    Facts,
    FixKind,
    Rule,
    Severity,
    describe,
)
from planner.iso_week import week_of
from planner.metrics import TABLE as METRICS_TABLE
from planner.template_library import DEFAULT_WELCOME, builtin_templates
from planner.template_library import TABLE as TEMPLATES_TABLE
from planner.templating import TemplateKind
from planner.workspace import Workspace

# With the rules' constants, first defined here (and still imported from here).
__all__ = [
    "DECLINE_MIN_NET_LOSS",
    "DECLINE_MIN_NET_SHARE",
    "DECLINE_WEEKS",
    "FALLING_MIN_DROP",
    "FALLING_WEEKS",
    "FIREMAN_DAYS",
    "Facts",
    "Fix",
    "FixKind",
    "HEADLESS_FLY_DAYS",
    "HealthIssue",
    "LISTED",
    "RESULT_FIELDS",
    "RULES",
    "RULE_TEXT",
    "Rule",
    "SEVERITY",
    "STALL_DAYS",
    "Severity",
    "TITLE",
    "check_all",
    "declining",
    "check_community",
]

RESULT_FIELDS = tuple(name for name in GOAL_FIELDS if name.startswith("actual_"))


@dataclass(frozen=True)
class Fix:
    """Where the operator goes to fix an issue; the UI turns it into a link.

    Attributes:
        kind: "calendar_item" (ref: an occurrence's key, ``(item_id,
            recurrence_key)`` as :attr:`planner.calendar.Occurrence.key`),
            "calendar_new" (ref: the community id: a new item for it),
            "metrics", "checklist" or "templates" (ref: the community id: that
            tab of the community).
    """

    kind: FixKind
    ref: str | tuple[str, str]


@dataclass(frozen=True)
class HealthIssue:
    """One thing wrong with a community, with the rule broken and where to fix it.

    Attributes:
        rule: the rule's stable key (one of :data:`RULES`).
        severity: "alert" (act this week) or "warning".
        title: one short line.
        rule_text: the rule as shown to the operator.
        detail: what was found, with numbers, names and dates, as
            :func:`~planner.health_rules.describe` writes ``facts``.

        title, rule_text and detail are :class:`~planner.i18n.Text` in an issue
        the checks found: English as ``str``, shown translated by the app
        (``ui_text``), the detail's numbers, names and dates filled in.
        fix: where to fix it.
        facts: what was found, by name: every number, name and date of the
            detail (see :mod:`planner.health_rules` for each rule's), for
            writing it in another language. Empty in an issue made by hand.
    """

    rule: Rule
    community_id: str
    severity: Severity
    title: str
    rule_text: str
    detail: str
    fix: Fix
    facts: Facts = field(default_factory=Facts)


def _issue(rule: Rule, community_id: str, facts: Facts, fix: Fix) -> HealthIssue:
    return HealthIssue(
        rule=rule,
        community_id=community_id,
        severity=SEVERITY[rule],
        title=TITLE[rule],
        rule_text=RULE_TEXT[rule],
        detail=describe(rule, facts),
        fix=fix,
        facts=facts,
    )


def _order(issue: HealthIssue) -> tuple[int, int]:
    return (0 if issue.severity == "alert" else 1, RULES.index(issue.rule))


# -- what is read, for many communities at once -------------------------------------------


@dataclass(frozen=True)
class _Checklist:
    open_count: int  # open (not done, not hidden) items of the current stage
    last_tick: date | None  # the latest done_on of any item


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


@dataclass
class _Figures:
    """What the decline and welcome rules need of a community's recent figures.

    Attributes:
        joined, left: summed over the complete weeks (None if never recorded).
        span_members: the last member count recorded in those weeks.
        latest_members: the last member count recorded up to today.
        rates: the active rate of each week (Monday -> active / members on the
            week's last day that had both; as :attr:`WeekFigures.retention`).
    """

    joined: int | None = None
    left: int | None = None
    span_members: int | None = None
    latest_members: int | None = None
    rates: dict[date, float] = field(default_factory=dict)


def _community_clause(ids: Sequence[str] | None) -> tuple[str, list[str]]:
    """An "AND community_id IN (...)" for ``ids`` (None: every community, no clause)."""
    if ids is None:
        return "", []
    return f" AND community_id IN ({','.join('?' * len(ids))})", list(ids)


def _figures(ws: Workspace, ids: Sequence[str] | None, today: date) -> dict[str, _Figures]:
    """Recent figures per community: from the first of the DECLINE_WEEKS complete
    weeks to today, folded in one pass (no per-day objects: a workspace may hold
    daily figures for hundreds of communities)."""
    this_monday = week_start(today)
    where, params = _community_clause(ids)
    found: dict[str, _Figures] = defaultdict(_Figures)
    for row in ws.db.execute(
        "SELECT community_id, day, members, active_members, joined, left_members "
        f"FROM {METRICS_TABLE} WHERE deleted = 0 AND day >= ? AND day <= ?{where} "
        "ORDER BY community_id, day",
        [(this_monday - timedelta(weeks=DECLINE_WEEKS)).isoformat(), today.isoformat(), *params],
    ):
        cid, day_text, members, active, joined, left = row
        acc = found[cid]
        day = date.fromisoformat(day_text)
        monday = week_start(day)
        if monday < this_monday:
            if joined is not None:
                acc.joined = (acc.joined or 0) + joined
            if left is not None:
                acc.left = (acc.left or 0) + left
            if members is not None:
                acc.span_members = members
        if members is not None:
            acc.latest_members = members
        if members and active is not None:  # as DayFigures.retention
            acc.rates[monday] = active / members
    return found


def _checklists(
    ws: Workspace, communities: Sequence[Community], *, every: bool
) -> dict[str, _Checklist]:
    """Per community: how many current-stage items are open, and the last tick."""
    stages = {c.id: c.stage.value for c in communities}
    counts: dict[str, int] = defaultdict(int)
    ticks: dict[str, date] = {}
    where, params = _community_clause(None if every else list(stages))
    for row in ws.db.query(
        f"SELECT community_id, stage, max(done_on) AS last_tick, "
        "sum(done_on = '' AND hidden = 0) AS open "
        f"FROM {CHECKLIST_TABLE} WHERE deleted = 0{where} GROUP BY community_id, stage",
        params,
    ):
        cid = row["community_id"]
        if cid not in stages:
            continue
        if row["stage"] == stages[cid]:
            counts[cid] += int(row["open"] or 0)
        if row["last_tick"]:
            tick = date.fromisoformat(row["last_tick"])
            ticks[cid] = max(tick, ticks.get(cid, tick))
    return {cid: _Checklist(counts.get(cid, 0), ticks.get(cid)) for cid in stages}


def _welcomed(ws: Workspace) -> set[str]:
    """Communities linked to a welcome sequence that still exists."""
    welcome_ids = {t.id for t in builtin_templates() if t.kind is TemplateKind.WELCOME}
    welcome_ids.update(
        row["id"]
        for row in ws.db.query(
            f"SELECT id FROM {TEMPLATES_TABLE} WHERE deleted = 0 AND kind = ?",
            [TemplateKind.WELCOME.value],
        )
    )
    return {
        row["community_id"]
        for row in ws.db.query(
            f"SELECT community_id, template_ref FROM {LINKS_TABLE} WHERE deleted = 0"
        )
        if row["template_ref"] in welcome_ids
    }


def _published_before(ws: Workspace, community_id: str, today: date) -> bool:
    """True when the community has content (not cancelled) that started before today
    (a series' stored start is its first occurrence)."""
    row = ws.db.execute(
        f"SELECT 1 FROM {CALENDAR_TABLE} WHERE community_id = ? AND deleted = 0 "
        "AND kind = ? AND status != ? AND starts_at < ? LIMIT 1",
        [
            community_id,
            ItemKind.CONTENT.value,
            Status.CANCELLED.value,
            format_time(_midnight(today)),
        ],
    ).fetchone()
    return row is not None


def _created_on(community: Community) -> date:
    """The (local) day a community was made."""
    return datetime.fromtimestamp(community.created_at / 1000).date()


# -- the rules ----------------------------------------------------------------------------


def _headless_fly(community_id: str, occs: Sequence[Occurrence], today: date) -> HealthIssue | None:
    since = today - timedelta(days=HEADLESS_FLY_DAYS)
    missing = [
        occ
        for occ in occs
        if occ.item.kind is ItemKind.ACTIVITY
        and occ.item.status is not Status.CANCELLED
        and since <= occ.last_day < today
        and all(occ.item.goals.get(name) is None for name in RESULT_FIELDS)
    ]
    if not missing:
        return None
    missing.sort(key=lambda o: (o.start, o.item.title))
    facts = Facts(
        count=len(missing),
        since=since,
        activities=tuple((o.item.title, o.start.date()) for o in missing[:LISTED]),
        more=max(0, len(missing) - LISTED),
    )
    return _issue("headless_fly", community_id, facts, Fix("calendar_item", missing[0].key))


def _fireman(
    ws: Workspace, community: Community, upcoming: Sequence[Occurrence], today: date
) -> HealthIssue | None:
    """``upcoming``: the community's content occurrences in the next FIREMAN_DAYS days."""
    start = _midnight(today)
    if any(o.start >= start and o.item.status is not Status.CANCELLED for o in upcoming):
        return None
    started = list(Stage).index(community.stage) >= list(Stage).index(Stage.OUTPUT)
    if not started and not _published_before(ws, community.id, today):
        return None
    last_day = today + timedelta(days=FIREMAN_DAYS - 1)
    cancelled = sum(1 for o in upcoming if o.start >= start)
    facts = Facts(first=today, last=last_day, cancelled=cancelled)
    return _issue("fireman", community.id, facts, Fix("calendar_new", community.id))


def _decline(community_id: str, figures: _Figures, today: date) -> HealthIssue | None:
    this_monday = week_start(today)
    found: dict[str, object] = {}
    joined, left = figures.joined, figures.left
    if joined is not None and left is not None:
        loss = left - joined
        share = DECLINE_MIN_NET_SHARE * (figures.span_members or 0)
        if loss >= DECLINE_MIN_NET_LOSS and loss >= share:
            first = this_monday - timedelta(weeks=DECLINE_WEEKS)
            last = this_monday - timedelta(days=1)
            found.update(left=left, joined=joined, first=first, last=last)
    falling = _falling_rates(figures.rates, this_monday)
    if falling:
        found.update(
            weeks=FALLING_WEEKS,
            rates=tuple((week_of(monday), rate) for monday, rate in falling),
        )
    if not found:
        return None
    return _issue("decline", community_id, Facts(**found), Fix("metrics", community_id))


def _falling_rates(rates: dict[date, float], this_monday: date) -> list[tuple[date, float]]:
    """The last FALLING_WEEKS + 1 weekly active rates (Monday, rate) when each is
    below the one before and they fell by FALLING_MIN_DROP or more in all; else [].

    The points are consecutive ISO weeks ending with the latest week that has
    a rate, which must be this week or last week (an older trend is not news;
    a gap breaks the chain rather than bridging it).

    The rates are judged exact: half a point a week for four weeks is a
    decline, though 44.3% and 43.8% both round to 44%. The findings show them
    with the decimals that make each fall visible
    (:func:`~planner.health_rules.rate_texts`).
    """
    if not rates:
        return []
    latest = max(rates)
    if latest < this_monday - timedelta(weeks=1):
        return []
    mondays = [latest - timedelta(weeks=n) for n in range(FALLING_WEEKS, -1, -1)]
    if any(monday not in rates for monday in mondays):
        return []
    values = [rates[monday] for monday in mondays]
    steps = zip(values, values[1:], strict=False)
    # Rounded, so that 0.46 - 0.44 counts as the two points it shows as.
    if all(b < a for a, b in steps) and round(values[0] - values[-1], 9) >= FALLING_MIN_DROP:
        return list(zip(mondays, values, strict=True))
    return []


def _stalled(
    ws: Workspace, community: Community, state: _Checklist, today: date
) -> HealthIssue | None:
    if state.open_count == 0:
        return None
    created = _created_on(community)
    moved = max(created, state.last_tick) if state.last_tick else created
    idle = (today - moved).days
    if idle < STALL_DAYS:
        return None
    open_items = [
        i.title
        for i in checklist(ws, community.id)
        if i.stage is community.stage and not i.done and not i.hidden
    ]
    since: dict[str, object] = (
        {"idle_days": (today - state.last_tick).days, "last_tick": state.last_tick}
        if state.last_tick is not None
        else {"created": created}
    )
    facts = Facts(
        **since,
        stage=community.stage,
        count=len(open_items),
        open=tuple(open_items[:LISTED]),
        more=max(0, len(open_items) - LISTED),
    )
    return _issue("stalled_checklist", community.id, facts, Fix("checklist", community.id))


def _no_welcome(community: Community, welcomed: set[str], figures: _Figures) -> HealthIssue | None:
    if community.id in welcomed:
        return None
    recorded = figures.latest_members or 0
    if community.stage is Stage.BUILD and community.member_count == 0 and recorded == 0:
        return None
    members = max(recorded, community.member_count)
    facts = Facts(members=members, example=DEFAULT_WELCOME)
    return _issue("no_welcome", community.id, facts, Fix("templates", community.id))


# -- checking -------------------------------------------------------------------------------


def _check(
    ws: Workspace, communities: Sequence[Community], today: date, *, every: bool
) -> dict[str, list[HealthIssue]]:
    """The issues of ``communities`` (``every``: they are all the live ones, so the
    calendar is read without a community filter, on its range index)."""
    ids = [c.id for c in communities]
    result: dict[str, list[HealthIssue]] = {cid: [] for cid in ids}
    if not ids:
        return result
    only = None if every else frozenset(ids)
    # Two narrow reads rather than one wide one: past activities, coming content.
    done: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences_between(
        ws,
        _midnight(today - timedelta(days=HEADLESS_FLY_DAYS)),
        _midnight(today),
        CalendarFilter(community_ids=only, kinds=frozenset({ItemKind.ACTIVITY.value})),
    ):
        done[occ.item.community_id].append(occ)
    upcoming: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences_between(
        ws,
        _midnight(today),
        _midnight(today + timedelta(days=FIREMAN_DAYS)),
        CalendarFilter(community_ids=only, kinds=frozenset({ItemKind.CONTENT.value})),
    ):
        upcoming[occ.item.community_id].append(occ)
    figures = _figures(ws, None if every else ids, today)
    checklists = _checklists(ws, communities, every=every)
    welcomed = _welcomed(ws)
    for community in communities:
        cid = community.id
        found = [
            _headless_fly(cid, done[cid], today),
            _fireman(ws, community, upcoming[cid], today),
            _decline(cid, figures[cid], today),
            _stalled(ws, community, checklists[cid], today),
            _no_welcome(community, welcomed, figures[cid]),
        ]
        result[cid] = sorted((i for i in found if i is not None), key=_order)
    return result


def check_community(ws: Workspace, community_id: str, today: date) -> list[HealthIssue]:
    """The health issues of one community on ``today``, alerts first.

    A community in the trash has none (it is not checked); an unknown id
    raises NotFound.
    """
    community = get_community(ws, community_id)
    if community.deleted:
        return []
    return _check(ws, [community], today, every=False)[community_id]


def declining(ws: Workspace, today: date, community_ids: Sequence[str]) -> set[str]:
    """Which of ``community_ids`` the decline rule flags on ``today``: the one
    rule the overview's comparison chart marks, without the other four."""
    if not community_ids:
        return set()
    figures = _figures(ws, community_ids, today)
    return {cid for cid in community_ids if _decline(cid, figures[cid], today) is not None}


def check_all(
    ws: Workspace, today: date, community_ids: Iterable[str] | None = None
) -> dict[str, list[HealthIssue]]:
    """Every live community's health issues on ``today`` (healthy ones map to []),
    in the order of :func:`~planner.communities.list_communities`.

    ``community_ids`` limits the check to those communities (the weekly PDF's
    ``--community``); ids of communities in the trash are left out.
    """
    communities = list_communities(ws)
    if community_ids is None:
        return _check(ws, communities, today, every=True)
    wanted = set(community_ids)
    return _check(ws, [c for c in communities if c.id in wanted], today, every=False)
