"""The health rules' constants and words: thresholds, titles, rule texts, findings.

:mod:`planner.health` finds what is wrong and states it as :class:`Facts`
(numbers, names and dates, by name); this module holds what the rules are
(their thresholds, severities, titles and texts) and writes a finding as the
sentence the app shows (:func:`describe`): a :class:`~planner.i18n.Text`, so
English for the CLI and translated in the app, with every part (an activity
listed, a date range) a Text in turn. The weekly plan writes the same facts
in Chinese (:mod:`planner.weekly_health`), so no finding is ever read back
out of an English sentence.

The facts of each rule (every number, name and date its sentence shows):

- ``headless_fly``: ``count`` (activities without results), ``since`` (the
  window's first day), ``activities`` (the first :data:`LISTED` as (title,
  start day) pairs, oldest first), ``more`` (how many are not listed);
- ``fireman``: ``first``, ``last`` (the days checked), ``cancelled`` (content
  cancelled in them);
- ``decline``: for a net loss ``left``, ``joined``, ``first`` (a Monday) and
  ``last`` (a Sunday); for a falling active rate ``weeks`` (falls in a row)
  and ``rates`` ((:class:`~planner.iso_week.WeekId`, rate) pairs, oldest
  first; a rate is a share, 0.46); either or both;
- ``stalled_checklist``: ``idle_days`` and ``last_tick`` (the last item
  ticked), or ``created`` (nothing ever ticked: the community's first day);
  then ``stage`` (a :class:`~planner.communities.Stage`), ``count`` (its open
  items), ``open`` (the first :data:`LISTED` titles), ``more``;
- ``no_welcome``: ``members`` (0 when unknown) and ``example`` (the stem of
  the built-in welcome sequence suggested, ``"first_24_hours"``; its name
  depends on the language).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Literal, TypeVar, cast

from planner.enum_words import STAGE
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.iso_week import WeekId
from planner.template_library import WELCOME_NAMES, builtin_template

Rule = Literal["headless_fly", "fireman", "decline", "stalled_checklist", "no_welcome"]
Severity = Literal["warning", "alert"]
FixKind = Literal["calendar_item", "calendar_new", "metrics", "checklist", "templates"]

# The rules in the order they are shown (within one severity).
RULES: tuple[Rule, ...] = ("decline", "fireman", "headless_fly", "stalled_checklist", "no_welcome")

# Results are entered in the days after an activity; four weeks back covers a
# monthly activity's whole cycle, and stops a long-forgotten backlog from
# flooding the list forever (the weekly plan reviews last week in detail).
HEADLESS_FLY_DAYS = 28
# A week ahead is the operator's planning horizon: the weekly plan is made for
# one week, and a group with nothing to read for a week starts to fall silent.
FIREMAN_DAYS = 7
# Joined and left per week are noisy; four complete weeks (about a month)
# are enough to tell a trend from one bad week, and recent enough to act on.
DECLINE_WEEKS = 4
# ...but one family leaving a class group, or the churn of a big group, is not
# a decline: the net loss over those weeks must be at least this many members
# and at least this share of the group (its last recorded member count).
DECLINE_MIN_NET_LOSS = 3
DECLINE_MIN_NET_SHARE = 0.01
# Three falls in a row (four weekly points) is a trend; two is still noise.
FALLING_WEEKS = 3
# ...and falls that add up to less than two percentage points are the
# wobble of a large, stable group.
FALLING_MIN_DROP = 0.02
# A month without one item ticked: the stage path has stopped, not paused.
# A community younger than this is never stalled (its age counts as progress).
STALL_DAYS = 30
# How many activities or checklist items a detail names before "and N more".
LISTED = 3

SEVERITY: dict[Rule, Severity] = {
    # The group is losing people or going silent: act this week.
    "decline": "alert",
    "fireman": "alert",
    # Missing data, a stalled plan, a missing script: fix when planning.
    "headless_fly": "warning",
    "stalled_checklist": "warning",
    "no_welcome": "warning",
}

# Titles and rule texts are Text: English, and translated where the app shows them.
TITLE: dict[Rule, Text] = {
    "headless_fly": QT_TRANSLATE_NOOP("Health", "Activities without results"),
    "fireman": QT_TRANSLATE_NOOP("Health", "No content planned for the coming week"),
    "decline": QT_TRANSLATE_NOOP("Health", "The community is declining"),
    "stalled_checklist": QT_TRANSLATE_NOOP("Health", "The stage checklist has stalled"),
    "no_welcome": QT_TRANSLATE_NOOP("Health", "No welcome sequence for newcomers"),
}

RULE_TEXT: dict[Rule, Text] = {
    "headless_fly": QT_TRANSLATE_NOOP(
        "Health",
        "An activity whose day has passed should have its results recorded (participants, "
        "new members, shares, conversions, revenue or cost); checked for the last "
        "{days} days.",
    ).format(days=HEADLESS_FLY_DAYS),
    "fireman": QT_TRANSLATE_NOOP(
        "Health",
        "Plan at least one content item in the next {days} days, so the group "
        "always has something worth reading.",
    ).format(days=FIREMAN_DAYS),
    "decline": QT_TRANSLATE_NOOP(
        "Health",
        "A community is declining when over the last {weeks} complete weeks more "
        "members left than joined (by at least {loss} members and "
        "{share} of the group), or when its active rate (active "
        "members / members) fell {falls} weeks in a row (by "
        "{points} points or more in all).",
    ).format(
        weeks=DECLINE_WEEKS,
        loss=DECLINE_MIN_NET_LOSS,
        share=f"{DECLINE_MIN_NET_SHARE:.0%}",
        falls=FALLING_WEEKS,
        points=f"{FALLING_MIN_DROP * 100:.0f}",
    ),
    "stalled_checklist": QT_TRANSLATE_NOOP(
        "Health",
        "Tick at least one checklist item every {days} days while the current "
        "stage still has open items.",
    ).format(days=STALL_DAYS),
    "no_welcome": QT_TRANSLATE_NOOP(
        "Health",
        "Every community needs a welcome sequence: what a newcomer feels in the first "
        "24 hours is what they still feel after 30 days.",
    ),
}


# -- facts ----------------------------------------------------------------------------------


class Facts(Mapping[str, object]):
    """What a rule found, by name: read-only, hashable, and equal to a dict of the same.

    The values must be hashable (tuples rather than lists), so that a
    :class:`~planner.health.HealthIssue` holding them stays a value.
    """

    __slots__ = ("_items", "_hash")

    def __init__(self, **items: object) -> None:
        self._items: dict[str, object] = items
        self._hash = hash(frozenset(items.items()))  # an unhashable value fails here

    def __getitem__(self, key: str) -> object:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Facts({', '.join(f'{k}={v!r}' for k, v in self._items.items())})"


T = TypeVar("T")


def fact(facts: Mapping[str, object], key: str, kind: type[T]) -> T:
    """``facts[key]``, which must be a ``kind`` (KeyError, TypeError otherwise)."""
    value = facts[key]
    if not isinstance(value, kind):
        raise TypeError(f"The fact {key!r} is a {type(value).__name__}, not a {kind.__name__}.")
    return value


def activities(facts: Mapping[str, object]) -> tuple[tuple[str, date], ...]:
    """A ``headless_fly`` finding's listed activities: (title, start day)."""
    return cast("tuple[tuple[str, date], ...]", fact(facts, "activities", tuple))


def rates(facts: Mapping[str, object]) -> tuple[tuple[WeekId, float], ...]:
    """A ``decline`` finding's weekly active rates: (ISO week, rate)."""
    return cast("tuple[tuple[WeekId, float], ...]", fact(facts, "rates", tuple))


def open_items(facts: Mapping[str, object]) -> tuple[str, ...]:
    """A ``stalled_checklist`` finding's listed open items."""
    return cast("tuple[str, ...]", fact(facts, "open", tuple))


def percent(rate: float) -> str:
    """An active rate as shown: "46%"."""
    return f"{round(rate * 100)}%"


# Enough for any two rates of groups of up to 10,000 members to differ
# (a/b and c/d differ by 1/(b·d) at least: 1e-8, the sixth decimal of a percent).
_MOST_DECIMALS = 6


def rate_texts(values: Sequence[float]) -> list[str]:
    """A run of active rates as shown, each different from the one before it.

    The falling-rate rule judges the exact rates, so a fall of half a point
    (44.3% to 43.8%) counts; in whole percents it would read "44% → 44%"
    under "fell 3 weeks in a row", which looks like an error. Whole percents
    when the neighbours differ in them (the usual case, as the rest of the app
    shows rates); otherwise the fewest decimals that tell every neighbour
    apart, the same for the whole run so that the points line up:
    "44.3% → 43.8% → 43.5% → 42.0%".
    """
    for decimals in range(_MOST_DECIMALS + 1):
        texts = [percent(v) if decimals == 0 else f"{v * 100:.{decimals}f}%" for v in values]
        if all(a != b for a, b in zip(texts, texts[1:], strict=False)):
            return texts
    return texts


# -- the findings ------------------------------------------------------------------------------

# Each finding is a Text whose parts are Texts in turn (a listed activity, the
# list, a date range), so that the app shows all of it translated. Dates stay
# as the English detail writes them ("2026-10-21", "11-12"): they read the same
# in Chinese.


def _short(day: date) -> str:
    return day.strftime("%m-%d")


def _listing(names: Sequence[str]) -> Text | str:
    """ "a, b, c": names joined one at a time, so a translation can say "a、b、c"."""
    if not names:
        return ""
    text: Text | str = names[0]
    for name in names[1:]:
        text = QT_TRANSLATE_NOOP("Health", "{items}, {item}").format(items=text, item=name)
    return text


def _headless_fly(facts: Mapping[str, object]) -> Text:
    count = fact(facts, "count", int)
    names = [
        QT_TRANSLATE_NOOP("Health", "{title} ({day})").format(title=title, day=_short(day))
        for title, day in activities(facts)
    ]
    sentence = (
        QT_TRANSLATE_NOOP("Health", "{count} activity since {since} has no results: {activities}.")
        if count == 1
        else QT_TRANSLATE_NOOP(
            "Health", "{count} activities since {since} have no results: {activities}."
        )
    )
    listed = _listing(names)
    more = fact(facts, "more", int)
    if more:  # "and 2 more" of activities and of checklist items differ in Chinese
        listed = QT_TRANSLATE_NOOP("Health", "{activities} and {more} more").format(
            activities=listed, more=more
        )
    return sentence.format(count=count, since=str(fact(facts, "since", date)), activities=listed)


def _fireman(facts: Mapping[str, object]) -> Text:
    first, last = fact(facts, "first", date), fact(facts, "last", date)
    cancelled = fact(facts, "cancelled", int)
    if not cancelled:
        sentence = QT_TRANSLATE_NOOP("Health", "No content starts from {first} to {last}.")
    elif cancelled == 1:
        sentence = QT_TRANSLATE_NOOP(
            "Health", "No content starts from {first} to {last} ({count} item was cancelled)."
        )
    else:
        sentence = QT_TRANSLATE_NOOP(
            "Health", "No content starts from {first} to {last} ({count} items were cancelled)."
        )
    return sentence.format(first=_short(first), last=_short(last), count=cancelled)


def _decline(facts: Mapping[str, object]) -> Text | str:
    loss: Text | None = None
    falling: Text | None = None
    if "left" in facts:
        loss = QT_TRANSLATE_NOOP(
            "Health", "{left} members left and {joined} joined from {first} to {last}."
        ).format(
            left=fact(facts, "left", int),
            joined=fact(facts, "joined", int),
            first=str(fact(facts, "first", date)),
            last=str(fact(facts, "last", date)),
        )
    if "rates" in facts:
        found = rates(facts)
        texts = rate_texts([rate for _, rate in found])
        points: Text | str = ""
        for (week, _), text in zip(found, texts, strict=True):
            # The week's number with two digits in English: "W07".
            point = QT_TRANSLATE_NOOP("Health", "{rate} (W{week:02d})").format(
                rate=text, week=week.week
            )
            points = (
                QT_TRANSLATE_NOOP("Health", "{points} → {point}").format(points=points, point=point)
                if points
                else point
            )
        falling = QT_TRANSLATE_NOOP(
            "Health", "The active rate fell {weeks} weeks in a row: {points}."
        ).format(weeks=fact(facts, "weeks", int), points=points)
    if loss is not None and falling is not None:
        return QT_TRANSLATE_NOOP("Health", "{members_left} {rate_fell}").format(
            members_left=loss, rate_fell=falling
        )
    return loss or falling or ""


def _stalled(facts: Mapping[str, object]) -> Text:
    if "last_tick" in facts:
        idle = QT_TRANSLATE_NOOP("Health", "Nothing ticked for {days} days (last on {day})").format(
            days=fact(facts, "idle_days", int), day=str(fact(facts, "last_tick", date))
        )
    else:
        idle = QT_TRANSLATE_NOOP(
            "Health", "Nothing ticked since the community was created on {day}"
        ).format(day=str(fact(facts, "created", date)))
    count, stage = fact(facts, "count", int), fact(facts, "stage", str)
    listed = _listing(open_items(facts))
    more = fact(facts, "more", int)
    if more:
        listed = QT_TRANSLATE_NOOP("Health", "{items} and {more} more").format(
            items=listed, more=more
        )
    still_open = (
        QT_TRANSLATE_NOOP("Health", "{count} item of {stage} still open: {items}")
        if count == 1
        else QT_TRANSLATE_NOOP("Health", "{count} items of {stage} still open: {items}")
    ).format(
        count=count,
        stage=STAGE.get(str(stage), stage.capitalize()),
        items=listed,
    )
    return QT_TRANSLATE_NOOP("Health", "{nothing_ticked}; {still_open}.").format(
        nothing_ticked=idle, still_open=still_open
    )


def _no_welcome(facts: Mapping[str, object]) -> Text:
    members = fact(facts, "members", int)
    stem = fact(facts, "example", str)
    example = WELCOME_NAMES.get(stem) or builtin_template(stem, "en").name
    if not members:
        sentence = QT_TRANSLATE_NOOP(
            "Health",
            "No welcome sequence is linked; link a built-in one (such as “{example}”) "
            "or one of the workspace's own.",
        )
    elif members == 1:
        sentence = QT_TRANSLATE_NOOP(
            "Health",
            "No welcome sequence is linked for its {count} member; link a built-in one "
            "(such as “{example}”) or one of the workspace's own.",
        )
    else:
        sentence = QT_TRANSLATE_NOOP(
            "Health",
            "No welcome sequence is linked for its {count} members; link a built-in one "
            "(such as “{example}”) or one of the workspace's own.",
        )
    return sentence.format(count=members, example=example)


_DESCRIBE: dict[Rule, Callable[[Mapping[str, object]], Text | str]] = {
    "headless_fly": _headless_fly,
    "fireman": _fireman,
    "decline": _decline,
    "stalled_checklist": _stalled,
    "no_welcome": _no_welcome,
}


def describe(rule: Rule, facts: Mapping[str, object]) -> str:
    """What ``rule`` found, as one or two sentences with its facts: a
    :class:`~planner.i18n.Text` (English; the app shows it translated)."""
    return _DESCRIBE[rule](facts)
