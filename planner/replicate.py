"""Replicating a community: the last stage of the path.

A community that works is copied into a new one (domain.md, "Replicate"):
its positioning and structure, its content rhythm, its templates and its
checklist. :func:`plan_replication` says what will be copied, for the wizard
to show before anything is written; :func:`replicate` writes it as one edit,
so one undo takes all of it back.

What is copied:

- the community's positioning (common interest, value to members,
  differentiation), what it is built around, its segment and its structure
  (platform, joining principles, management norms, owner). The copy gets a
  colour of its own, no members, no notes, and the stage the caller chooses
  (Build by default: the new group still has to find its people);
- its recurring content series, each with its pattern, time of day,
  duration, zone, title, owner, speaker, location, description and goals,
  moved to the chosen start date
  (:func:`planner.replicate_series.shift_series`);
- its templates: a workspace template is duplicated under a name naming the
  new community, so changing one group's welcome leaves the other's alone; a
  built-in one is linked (it is read-only anyway);
- its checklist, the playbook the operator refined: every item, their own
  ones too, in its order, hidden ones hidden, with the same assignee; ticks,
  done dates, notes and due dates are cleared, and a library item the source
  deleted stays deleted. Or, if the caller asks, a fresh one from the library.

What is not copied: members and notes, one-off items and activities with
their results, activity series, results recorded on a series, the changed,
moved or removed occurrences of a series, and the series the caller leaves
out: by default those that have ended, are cancelled, or were continued by a
later series of the same title (the first part of a series edited "from this
occurrence on").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from planner.calendar import TABLE as CALENDAR
from planner.calendar import CalendarItem, ItemKind
from planner.calendar import _row as storage_row
from planner.checklist_library import Language, item_id
from planner.checklists import TABLE as CHECKLIST
from planner.checklists import add_library_items, checklist
from planner.communities import NAME_MAX, TABLE, Community, Stage, get_community, next_color
from planner.communities import validate as validate_community
from planner.community_templates import TABLE as LINKS
from planner.community_templates import link_id_for, linked_templates
from planner.errors import Cancelled, NotFound, ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.recurrence import RecurrenceError
from planner.replicate_series import (
    RESULT_COLUMNS,
    SeriesChoice,
    SeriesCopy,
    series_choices,
    series_copy,
)
from planner.template_library import NAME_MAX as TEMPLATE_NAME_MAX
from planner.template_library import TABLE as TEMPLATES
from planner.template_library import list_templates
from planner.templating import Template, messages_to_json
from planner.workspace import Workspace
from planner.workspace_library import library

# The community's fields the copy takes as they are.
# The start dates a copy may have: an operator plans within decades, and a
# series moved near the end of the calendar would run past its last day.
FIRST_START = date(2000, 1, 1)
LAST_START = date(2099, 12, 31)

COPIED_FIELDS = (
    "platform",
    "common_interest",
    "value_to_members",
    "differentiation",
    "built_around",
    "segment_basis",
    "segment",
    "joining_principles",
    "management_norms",
    "owner",
)


@dataclass(frozen=True)
class TemplateCopy:
    """A template the new community uses: duplicated as ``new_name``, or (None) linked."""

    template: Template
    new_name: str | None


@dataclass(frozen=True)
class ChecklistCopy:
    """One item of the new community's checklist.

    ``title`` is what the reader sees; ``stored_title`` and ``why`` are what is
    written ('' for a built-in item's own wording, which reads in the reader's
    language). ``removed`` marks a library item the source deleted: the copy
    records it as deleted too, so updating from the library does not bring it
    back.
    """

    stage: Stage
    title: str
    library_key: str
    stored_title: str = ""
    why: str = ""
    position: int = 0
    assignee: str = ""
    hidden: bool = False
    removed: bool = False


@dataclass(frozen=True)
class LeftOut:
    """What stays with the source community, counted for the preview."""

    members: int = 0
    notes: bool = False
    one_off_items: int = 0
    activity_series: int = 0
    results: int = 0
    changed_occurrences: int = 0
    removed_occurrences: int = 0
    ticked: int = 0
    checklist_notes: int = 0
    due_dates: int = 0
    templates: int = 0
    missing_templates: int = 0


@dataclass(frozen=True, eq=False)
class ReplicationPlan:
    """Everything :func:`replicate` will write, and what it will leave out.

    Attributes:
        community: the new community's stored values.
        series: the series copied, by their new first occurrence.
        series_left_out: the source's content series not copied, with why.
        unusable_series: series that cannot be moved, with the reason.
        checklist_from_library: True when the checklist is the library's
            (``checklist`` then previews it; :func:`replicate` writes it
            with :func:`planner.checklists.add_library_items`).
    """

    source: Community
    name: str
    start: date
    stage: Stage
    community: dict[str, Any]
    series: tuple[SeriesCopy, ...]
    series_left_out: tuple[SeriesChoice, ...]
    unusable_series: tuple[tuple[CalendarItem, Text], ...]
    templates: tuple[TemplateCopy, ...]
    checklist: tuple[ChecklistCopy, ...]
    checklist_from_library: bool
    left_out: LeftOut = field(default_factory=LeftOut)

    @property
    def steps(self) -> int:
        """How many steps :func:`replicate` reports progress for."""
        return 1 + len(self.checklist) + len(self.templates) + len(self.series)


# -- suggestions --------------------------------------------------------------------


def suggest_name(ws: Workspace, source_name: str) -> str:
    """A free name for the copy: “<name> (2)”, “<name> (3)”..."""
    taken = {c.name.casefold() for c in _live_communities(ws)}
    n = 2
    while True:
        suffix = f" ({n})"
        candidate = source_name[: NAME_MAX - len(suffix)].rstrip() + suffix
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def next_monday(today: date) -> date:
    """The Monday after ``today`` (a week later when today is a Monday)."""
    return today + timedelta(days=7 - today.weekday())


def _live_communities(ws: Workspace) -> list[Community]:
    return [Community.from_row(r) for r in ws.db.query(f"SELECT * FROM {TABLE} WHERE deleted = 0")]


# -- templates and checklist ------------------------------------------------------------


def _template_name(template: Template, source: str, new: str, taken: set[str]) -> str:
    """The copy's name: the source community's name replaced by the new one, or
    the new one added (“欢迎语 · 读书会 (2)”); unique among all templates."""
    # The source's name as a whole (not inside a longer word: "AI" in "MAIL").
    whole = re.compile(rf"(?<!\w){re.escape(source)}(?!\w)") if source else None
    if whole is not None and whole.search(template.name):
        base = whole.sub(lambda _m: new, template.name)
    else:
        room = max(TEMPLATE_NAME_MAX - len(new) - 3, 1)
        base = f"{template.name[:room].rstrip()} · {new}"
    base = base[:TEMPLATE_NAME_MAX].rstrip()
    candidate, n = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate = base[: TEMPLATE_NAME_MAX - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(candidate.casefold())
    return candidate


def _checklist_copies(ws: Workspace, source_id: str, lang: Language) -> list[ChecklistCopy]:
    shown = {i.id: i for i in checklist(ws, source_id, lang)}
    copies = []
    for row in ws.db.query(f"SELECT * FROM {CHECKLIST} WHERE community_id = ?", [source_id]):
        removed = bool(row["deleted"])
        if removed and not row["library_key"]:
            continue
        item = shown.get(row["id"])
        copies.append(
            ChecklistCopy(
                stage=Stage(row["stage"]),
                title=item.title if item is not None else row["title"],
                library_key=row["library_key"],
                stored_title=row["title"],
                why=row["why"],
                position=int(row["position"]),
                assignee=row["assignee"],
                hidden=bool(row["hidden"]),
                removed=removed,
            )
        )
    order = {stage: n for n, stage in enumerate(Stage)}
    return sorted(copies, key=lambda c: (c.removed, order[c.stage], c.position))


def _left_out(ws: Workspace, source: Community) -> LeftOut:
    results = " OR ".join(f"{c} IS NOT NULL" for c in RESULT_COLUMNS)
    cal = ws.db.execute(
        "SELECT coalesce(sum(rrule = '' AND series_id IS NULL), 0), "
        "coalesce(sum(rrule != '' AND kind = ?), 0), "
        "coalesce(sum(series_id IS NOT NULL), 0), "
        f"coalesce(sum({results}), 0) "
        f"FROM {CALENDAR} WHERE community_id = ? AND deleted = 0",
        [ItemKind.ACTIVITY.value, source.id],
    ).fetchone()
    ticks = ws.db.execute(
        "SELECT coalesce(sum(done_on != ''), 0), coalesce(sum(note != ''), 0), "
        f"coalesce(sum(due_on != ''), 0) FROM {CHECKLIST} WHERE community_id = ? AND deleted = 0",
        [source.id],
    ).fetchone()
    return LeftOut(
        members=source.member_count,
        notes=bool(source.notes),
        one_off_items=int(cal[0]),
        activity_series=int(cal[1]),
        changed_occurrences=int(cal[2]),
        results=int(cal[3]),
        ticked=int(ticks[0]),
        checklist_notes=int(ticks[1]),
        due_dates=int(ticks[2]),
    )


# -- the plan -------------------------------------------------------------------------


def plan_replication(
    ws: Workspace,
    source_id: str,
    new_name: str,
    start: date | None,
    *,
    stage: Stage = Stage.BUILD,
    series: bool = True,
    series_ids: Collection[str] | None = None,
    templates: bool = True,
    checklist_from_source: bool = True,
    lang: Language = "en",
    today: date | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReplicationPlan:
    """What replicating ``source_id`` as ``new_name`` from ``start`` will write.

    ``series`` False copies no series; otherwise ``series_ids`` picks them
    (None: those :func:`~planner.replicate_series.series_choices` marks as
    copied by default).
    ``templates`` False leaves the templates out; ``checklist_from_source``
    False gives the copy the library's checklist instead of the source's.
    ``lang`` is the language of the checklist titles in the plan.
    ``cancelled()``, if given, is asked before each series and each of the
    other parts; when it turns true, Cancelled is raised.

    Raises ValidationError for a missing or taken name or a missing start
    date, NotFound for a source that is gone.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled(QT_TRANSLATE_NOOP("Replicate", "Planning the copy was cancelled."))

    check()
    source = get_community(ws, source_id)
    if source.deleted:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Replicate", "“{name}” is in the trash; restore it to replicate it."
            ).format(name=source.name)
        )
    name = " ".join(new_name.split())
    errors: dict[str, Text] = {}
    try:
        validate_community(ws, {"name": name})
    except ValidationError as exc:
        errors.update(exc.fields)
    if start is None:
        errors["start"] = QT_TRANSLATE_NOOP(
            "Replicate", "Choose the date the new community starts."
        )
    elif not FIRST_START <= start <= LAST_START:
        errors["start"] = QT_TRANSLATE_NOOP(
            "Replicate", "The new community starts between {first} and {last}; {day} is outside."
        ).format(first=f"{FIRST_START:%Y}", last=f"{LAST_START:%Y}", day=start.isoformat())
    if errors:
        raise ValidationError(errors)
    assert start is not None

    check()
    choices = series_choices(ws, source_id, today or date.today())
    wanted = {c.item.id for c in choices if c.default} if series_ids is None else set(series_ids)
    copies: list[SeriesCopy] = []
    unusable: list[tuple[CalendarItem, Text]] = []
    for choice in choices:
        if not series or choice.item.id not in wanted:
            continue
        check()
        try:
            copies.append(series_copy(ws, choice.item, start))
        except (ValidationError, RecurrenceError) as exc:
            unusable.append((choice.item, exc.message))
    left_series = tuple(c for c in choices if not series or c.item.id not in wanted)

    check()
    links = linked_templates(ws, source_id)
    template_copies: list[TemplateCopy] = []
    if templates:
        taken = {t.name.casefold() for t in list_templates(ws)}
        for link in links:
            if link.template is None:
                continue
            new = (
                None
                if link.template.builtin
                else _template_name(link.template, source.name, name, taken)
            )
            template_copies.append(TemplateCopy(link.template, new))

    check()
    if checklist_from_source:
        items = _checklist_copies(ws, source_id, lang)
    else:
        items = [ChecklistCopy(e.stage, e.title, e.key) for e in library(ws, lang)]

    community = {f: getattr(source, f) for f in COPIED_FIELDS} | {
        "name": name,
        "stage": stage.value,
        "member_count": 0,
        "color": next_color(ws),
        "notes": "",
    }
    community = {k: v.value if isinstance(v, StrEnum) else v for k, v in community.items()}
    left_out = replace(
        _left_out(ws, source),
        removed_occurrences=sum(len(c.source.exdates) for c in copies),
        templates=0 if templates else len(links),
        missing_templates=sum(1 for link in links if link.template is None),
    )
    return ReplicationPlan(
        source=source,
        name=name,
        start=start,
        stage=stage,
        community=community,
        series=tuple(sorted(copies, key=lambda c: (c.start, c.source.title.casefold()))),
        series_left_out=left_series,
        unusable_series=tuple(unusable),
        templates=tuple(template_copies),
        checklist=tuple(items),
        checklist_from_library=not checklist_from_source,
        left_out=left_out,
    )


# -- writing -------------------------------------------------------------------------


def replicate(
    ws: Workspace,
    plan: ReplicationPlan,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[str, Change]:
    """Make the community ``plan`` describes, in one undoable edit; returns its id.

    ``progress(done, total)`` is called after each row written (the library
    checklist counts as its items, written at once). When ``cancelled()``
    turns true the edit is rolled back and Cancelled raised: nothing is
    written. Raises ValidationError if the name or a template copy's name
    was taken since the plan was made.
    """
    validate_community(ws, {"name": plan.name})
    taken = {t.name.casefold() for t in list_templates(ws)}
    for copy in plan.templates:
        if copy.new_name is not None and copy.new_name.casefold() in taken:
            raise ValidationError(
                {
                    "templates": QT_TRANSLATE_NOOP(
                        "Replicate", "Another template is already called “{name}”."
                    ).format(name=copy.new_name)
                }
            )
    total = plan.steps
    done = 0

    def step(count: int = 1) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled(
                QT_TRANSLATE_NOOP("Replicate", "Replicating was cancelled; nothing was changed.")
            )

    with ws.edit("replicate_community", plan.name) as edit:
        check()
        community_id = edit.insert(TABLE, plan.community)
        step()
        if plan.checklist_from_library:
            check()
            add_library_items(edit, ws, community_id)
            step(len(plan.checklist))
        for item in () if plan.checklist_from_library else plan.checklist:
            check()
            row = {
                "community_id": community_id,
                "stage": item.stage.value,
                "library_key": item.library_key,
                "title": item.stored_title,
                "why": item.why,
                "position": item.position,
                "assignee": item.assignee,
                # A removed item's tombstone is marked hidden, as delete_item
                # marks it, so updating from the library leaves it out.
                "hidden": int(item.hidden or item.removed),
            }
            if item.library_key:
                row["id"] = item_id(community_id, item.library_key)
            new = edit.insert(CHECKLIST, row)
            if item.removed:
                edit.update(CHECKLIST, new, {"deleted": 1})
            step()
        for copy in plan.templates:
            check()
            ref = copy.template.id
            if copy.new_name is not None:
                source = copy.template
                ref = edit.insert(
                    TEMPLATES,
                    {
                        "kind": source.kind.value,
                        "name": copy.new_name,
                        "language": source.language,
                        "description": source.description,
                        "body": source.body,
                        "messages": messages_to_json(source.messages),
                    },
                )
            edit.insert(
                LINKS,
                {
                    "id": link_id_for(community_id, ref),
                    "community_id": community_id,
                    "template_ref": ref,
                },
            )
            step()
        for series in plan.series:
            check()
            row = storage_row(series.values | {"community_id": community_id})
            edit.insert(CALENDAR, row | {"exdates": "[]"})
            step()
        check()
    return community_id, edit.change
