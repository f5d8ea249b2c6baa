"""The weekly plan: one ISO week of content, activities, goals and checklists.

Operators print the week's plan every week, to tick by hand or to hand to a
boss or a client. :func:`build_plan` gathers it from the workspace as a
:class:`WeeklyPlan` of plain, preformatted values in the chosen language,
and :func:`render_html` turns it into HTML through the shipped Jinja2
template ``templates/weekly/weekly_plan.html.j2`` (sandboxed, autoescaped),
written for the HTML subset of Qt's ``QTextDocument``, which
:mod:`planner.export.weekly_pdf` paginates into a PDF.

What is in it, and the choices made:

- first, last week's figures per community and the health warnings (see
  :mod:`planner.weekly_health`): what an operator wants to know before
  planning the week; neither is there when there is nothing to say;
- every occurrence overlapping the week (series expanded for the week only),
  listed once, on the day it starts; one that started before Monday (a
  seven-day challenge) is listed first on Monday, with the days it spans;
- cancelled occurrences stay in the schedule, struck through and without a
  checkbox (whoever reads the plan sees that it was called off), but count
  neither as goals nor in the review; deleted ones are not there at all;
- the week's goals: the activities *starting* this week, and any other item
  with a goal, by community; an activity with no goal says so;
- checklist items due this week (done or not);
- last week in review: last week's activities (and items with goals or
  results) with planned vs actual per metric, and those that ended before
  ``today`` with no result recorded (the "headless fly");
- ``empty`` when the week has nothing scheduled and nothing due: the
  template then prints a clear "nothing planned" page.
"""

from __future__ import annotations

import functools
import time as time_module
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

from planner.calendar import CalendarFilter, Occurrence, Status, occurrences_between
from planner.checklist_due import due_between
from planner.checklist_library import LANGUAGES, Language
from planner.communities import Community, list_communities
from planner.errors import NotFound, TemplateError, ValidationError
from planner.i18n import QT_TRANSLATE_NOOP
from planner.iso_week import WeekId, parse_week, week_of
from planner.sandbox import Refused, Sandbox
from planner.template_context import format_clock, label
from planner.weekly_goals import (
    CommunityMark,
    Figure,
    GoalGroup,
    GoalItem,
    ReviewEntry,
    community_mark,
    day_text,
    goal_groups,
    review_entries,
)
from planner.weekly_health import (
    CommunityWeek,
    HealthGroup,
    HealthWarning,
    LastWeek,
    WeekFigure,
    health_day,
    health_groups,
    last_week,
)
from planner.weekly_labels import (
    SHORT_WEEKDAYS,
    WEEKDAYS,
    WORDS,
    date_range,
    day_month,
    long_date,
    short_date,
    week_text,
)
from planner.workspace import Workspace

__all__ = [
    "CommunityMark",
    "CommunityWeek",
    "DueEntry",
    "Figure",
    "GoalGroup",
    "GoalItem",
    "HealthGroup",
    "HealthWarning",
    "LastWeek",
    "PlanDay",
    "PlanEntry",
    "ReviewEntry",
    "WeekFigure",
    "WeekId",
    "WeeklyPlan",
    "build_plan",
    "parse_week",
    "render_html",
    "week_of",
]

TEMPLATE = Path(__file__).parent / "templates" / "weekly" / "weekly_plan.html.j2"
TEMPLATE_NAME = "Weekly plan"
RENDER_SECONDS = 10.0  # a built-in template over a busy week: generous
LAYOUTS = ("list", "grid")


# -- what the plan holds ----------------------------------------------------------------


@dataclass(frozen=True)
class PlanEntry:
    """One occurrence in the week's schedule.

    Attributes:
        key: the occurrence's key (``Occurrence.key``): item or series id,
            and for an occurrence of a series its original start.
        time_text: "20:00–21:30", "全天" / "All day", or the span of a
            multi-day item ("全天 · 至11月30日").
        detail: speaker and location, "林老师 · 视频号直播" ("" if neither).
        continued: it started before the week (listed first on Monday).
    """

    key: tuple[str, str]
    community: CommunityMark
    kind: str
    item_type: str
    type_label: str
    title: str
    detail: str
    owner: str
    status: str
    status_label: str
    start: datetime
    end: datetime
    all_day: bool
    time_text: str
    continued: bool
    recurring: bool

    @property
    def cancelled(self) -> bool:
        return self.status == Status.CANCELLED.value

    @property
    def done(self) -> bool:
        return self.status == Status.DONE.value


@dataclass(frozen=True)
class PlanDay:
    """One day of the week: "星期一", "11月23日", and its entries in time order."""

    date: date
    weekday: str
    short_weekday: str
    date_text: str
    is_today: bool
    weekend: bool
    entries: tuple[PlanEntry, ...]


@dataclass(frozen=True)
class DueEntry:
    """A checklist item due this week."""

    item_id: str
    community: CommunityMark
    stage: str
    stage_label: str
    title: str
    due_on: date
    due_text: str
    assignee: str
    done: bool
    overdue: bool


@dataclass(frozen=True)
class WeeklyPlan:
    """Everything the weekly plan's template shows (its documented context, ``plan``).

    Attributes:
        workspace: the workspace's name; workspace_text "工作区：NAME" / "Workspace: NAME".
        week, week_label, week_number: the ISO week ("2026-W48", 48).
        week_text: "2026年第48周" / "Week 48, 2026".
        dates_text: "2026年11月23日–29日" / "23–29 November 2026".
        title: "周计划" / "Weekly plan"; document_title adds the week and workspace
            (the PDF's title).
        communities: the communities covered (all live ones unless chosen).
        days: Monday to Sunday, each with its entries in time order.
        goals: per community, this week's items with goals (and activities without).
        due: checklist items due this week, by date.
        review_week, review_week_text, review_dates_text: last week.
        last_week: last week's figures per community, each against the week
            before (None: no community of the plan has figures for either).
        health: the health warnings of the plan's communities, by rule,
            alerts first (empty when all is well).
        health_day, health_day_text: the day they were checked as of ("截至2026年11月23日"
            / "as of 23 November 2026"; see :func:`planner.weekly_health.health_day`).
        review: last week's activities with planned vs actual per metric.
        missing_results: those of them that ended before ``today`` with no result.
        empty: nothing scheduled and nothing due this week.
        labels: the document's words in ``lang`` (``labels["page"]`` is
            "第 {page} 页，共 {pages} 页" / "Page {page} of {pages}").
        made_on_text: "生成于2026年11月20日" / "Made on 20 November 2026".
    """

    workspace: str
    workspace_text: str
    lang: Language
    week: WeekId
    week_label: str
    week_number: int
    week_text: str
    first_day: date
    last_day: date
    dates_text: str
    title: str
    document_title: str
    communities: tuple[CommunityMark, ...]
    all_communities: bool
    days: tuple[PlanDay, ...]
    goals: tuple[GoalGroup, ...]
    due: tuple[DueEntry, ...]
    review_week: WeekId
    review_week_text: str
    review_dates_text: str
    last_week: LastWeek | None
    health: tuple[HealthGroup, ...]
    health_day: date
    health_day_text: str
    review: tuple[ReviewEntry, ...]
    missing_results: tuple[ReviewEntry, ...]
    empty: bool
    today: date
    made_on_text: str
    labels: dict[str, str] = field(hash=False)

    @property
    def entry_count(self) -> int:
        """How many occurrences the week's schedule lists."""
        return sum(len(day.entries) for day in self.days)


# -- building it --------------------------------------------------------------------------


def _chosen(ws: Workspace, refs: Sequence[str]) -> list[Community]:
    """The live communities named (case-insensitive) or given by id, in workspace order."""
    live = list_communities(ws)
    if not refs:
        return live
    by_id = {c.id: c for c in live}
    chosen: set[str] = set()
    for ref in refs:
        key = " ".join(str(ref).split()).casefold()
        match = by_id.get(str(ref).strip()) or next(
            (c for c in live if c.name.casefold() == key), None
        )
        if match is None:
            trashed = [
                c
                for c in list_communities(ws, trash=True)
                if c.name.casefold() == key or c.id == ref
            ]
            if trashed:
                raise NotFound(
                    QT_TRANSLATE_NOOP(
                        "WeeklyPlan", "“{name}” is in the trash; restore it first."
                    ).format(name=trashed[0].name)
                )
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "WeeklyPlan", "No community called “{name}” in this workspace."
                ).format(name=ref)
            )
        chosen.add(match.id)
    return [c for c in live if c.id in chosen]


def _occurrences(
    ws: Workspace, week: WeekId, community_ids: frozenset[str] | None
) -> list[Occurrence]:
    start = datetime.combine(week.monday, time())
    end = start + timedelta(days=7)
    filters = CalendarFilter(community_ids=community_ids) if community_ids is not None else None
    return occurrences_between(ws, start, end, filters)


def _time_text(occ: Occurrence, monday: date, lang: Language) -> str:
    words = WORDS[lang]
    start, end = occ.start, occ.end
    continued = start.date() < monday
    if occ.item.all_day:
        last = (end - timedelta(days=1)).date()
        until = words["until"].format(date=short_date(last, lang))
        if continued:
            return f"{words['from'].format(date=short_date(start.date(), lang))} · {until}"
        return f"{words['all_day']} · {until}" if last > start.date() else words["all_day"]
    if continued:
        since = f"{short_date(start.date(), lang)} {format_clock(start)}"
        till = f"{short_date(end.date(), lang)} {format_clock(end)}"
        return f"{words['from'].format(date=since)} · {words['until'].format(date=till)}"
    if end - start < timedelta(days=1):
        return f"{format_clock(start)}–{format_clock(end)}"
    till = f"{short_date(end.date(), lang)} {format_clock(end)}"
    return f"{format_clock(start)} · {words['until'].format(date=till)}"


def _entry(occ: Occurrence, mark: CommunityMark, monday: date, lang: Language) -> PlanEntry:
    item = occ.item
    return PlanEntry(
        key=occ.key,
        community=mark,
        kind=item.kind.value,
        item_type=item.item_type,
        type_label=label("item_type", item.item_type, lang),
        title=item.title,
        detail=" · ".join(part for part in (item.speaker, item.location) if part),
        owner=item.owner,
        status=item.status.value,
        status_label=label("status", item.status.value, lang),
        start=occ.start,
        end=occ.end,
        all_day=item.all_day,
        time_text=_time_text(occ, monday, lang),
        continued=occ.start.date() < monday,
        recurring=occ.is_recurring,
    )


def build_plan(
    ws: Workspace,
    week: WeekId,
    *,
    communities: Sequence[str] = (),
    lang: Language = "en",
    today: date | None = None,
) -> WeeklyPlan:
    """The weekly plan of ``week`` for the chosen communities (names or ids; all if none).

    Raises NotFound for a community that is not in the workspace (or is in
    the trash) and ValidationError for an unknown language.
    """
    if lang not in LANGUAGES:
        raise ValidationError(
            {
                "lang": QT_TRANSLATE_NOOP(
                    "WeeklyPlan", "“{lang}” is not a language of the plan (zh or en)."
                ).format(lang=lang)
            }
        )
    if isinstance(communities, str):
        communities = (communities,)
    today = today or date.today()
    chosen = _chosen(ws, communities)
    marks = {c.id: community_mark(c) for c in chosen}
    ids = frozenset(marks) if communities else None
    words = WORDS[lang]

    occs = _occurrences(ws, week, ids)
    per_day: list[list[PlanEntry]] = [[] for _ in range(7)]
    for occ in occs:
        mark = marks.get(occ.item.community_id)
        if mark is None:  # a community created while the plan was read
            continue
        index = max((occ.start.date() - week.monday).days, 0)
        per_day[index].append(_entry(occ, mark, week.monday, lang))
    days = tuple(
        PlanDay(
            date=day,
            weekday=WEEKDAYS[lang][n],
            short_weekday=SHORT_WEEKDAYS[lang][n],
            date_text=day_month(day, lang),
            is_today=day == today,
            weekend=n >= 5,
            entries=tuple(per_day[n]),
        )
        for n, day in enumerate(week.days())
    )

    due = tuple(
        DueEntry(
            item_id=d.item_id,
            community=marks[d.community_id],
            stage=d.stage.value,
            stage_label=label("stage", d.stage.value, lang),
            title=d.title,
            due_on=d.due_on,
            due_text=day_text(d.due_on, lang),
            assignee=d.assignee,
            done=d.done,
            overdue=not d.done and d.due_on < today,
        )
        for d in due_between(ws, week.monday, week.sunday, lang)
        if d.community_id in marks
    )

    last = week.previous()
    review = review_entries(_occurrences(ws, last, ids), marks, last, today, lang)
    checked_on = health_day(week, today)
    labels = dict(words)
    title = words["title"]
    return WeeklyPlan(
        workspace=ws.name,
        workspace_text=words["workspace"].format(name=ws.name),
        lang=lang,
        week=week,
        week_label=week.label,
        week_number=week.week,
        week_text=week_text(week.year, week.week, lang),
        first_day=week.monday,
        last_day=week.sunday,
        dates_text=date_range(week.monday, week.sunday, lang),
        title=title,
        document_title=f"{title} · {week.label} · {ws.name}",
        communities=tuple(marks.values()),
        all_communities=not communities,
        days=days,
        goals=goal_groups(occs, marks, week, lang),
        due=due,
        review_week=last,
        review_week_text=week_text(last.year, last.week, lang),
        review_dates_text=date_range(last.monday, last.sunday, lang),
        last_week=last_week(ws, marks, last, lang, today),
        health=health_groups(ws, marks, checked_on, lang, every=ids is None),
        health_day=checked_on,
        health_day_text=words["health_note"].format(date=long_date(checked_on, lang)),
        review=review,
        missing_results=tuple(r for r in review if r.finished and not r.has_results),
        empty=not any(day.entries for day in days) and not due,
        today=today,
        made_on_text=words["made_on"].format(date=long_date(today, lang)),
        labels=labels,
    )


# -- rendering ------------------------------------------------------------------------------


@functools.cache
def _template_source() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def render_html(plan: WeeklyPlan, *, layout: Literal["list", "grid"] = "list") -> str:
    """The plan as HTML for Qt's QTextDocument: ``list`` (portrait, day by day) or
    ``grid`` (a landscape week grid, one column per day).

    The template renders in the sandbox with autoescaping, so a title such
    as "<b>" prints as text. Raises TemplateError if rendering is refused.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout: {layout!r} (use 'list' or 'grid')")
    env = Sandbox(
        autoescape=True,
        deadline=time_module.monotonic() + RENDER_SECONDS,
        time_limit=RENDER_SECONDS,
    )
    template = env.from_string(_template_source())
    try:
        return template.render(plan=plan, labels=plan.labels, layout=layout)
    except Refused as exc:
        raise TemplateError(TEMPLATE_NAME, str(exc)) from None
