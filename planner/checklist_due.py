"""What is due: checklist items with due dates, for the calendar and the overview.

The calendar shows the items due in its visible days (:func:`due_between`);
the overview lists every community with its progress, its next three due
items, what is overdue and, when nothing is dated, the next open items of its
current stage (:func:`overview`).
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from planner.calendar import data_token
from planner.checklist_library import Language
from planner.checklists import (
    TABLE,
    ChecklistItem,
    Progress,
    item_from_row,
    progress_by_community,
    suggested_stage,
)
from planner.communities import Community, Stage, list_communities
from planner.workspace import Workspace


@dataclass(frozen=True)
class DueItem:
    """A checklist item with a due date, for the calendar and the overview."""

    item_id: str
    community_id: str
    stage: Stage
    title: str
    due_on: date
    done: bool
    assignee: str


@dataclass(frozen=True)
class OverviewRow:
    """One community on the overview: where it stands and what is next."""

    community: Community
    progress: Progress
    next_due: tuple[DueItem, ...]
    overdue: tuple[DueItem, ...]
    next_open: tuple[ChecklistItem, ...]
    suggestion: Stage | None


# The last few due_between answers per workspace, valid while its data_token
# stays the same: a calendar step (and the page's read-ahead) asks again for
# days it showed a moment ago.
_KEPT = 8
_CACHE: weakref.WeakKeyDictionary[
    Workspace, tuple[tuple[int, int], dict[tuple[date, date, str, bool], list[DueItem]]]
] = weakref.WeakKeyDictionary()


def due_between(
    ws: Workspace, first: date, last: date, lang: Language = "en", *, include_done: bool = True
) -> list[DueItem]:
    """Items due from ``first`` to ``last`` (inclusive) of live communities, by date."""
    token = data_token(ws)
    key = (first, last, lang, include_done)
    kept = _CACHE.get(ws)
    if token is not None and kept is not None and kept[0] == token and key in kept[1]:
        answers = kept[1]
        answers[key] = answers.pop(key)  # most recently used last
        return list(answers[key])
    sql = (
        f"SELECT i.* FROM {TABLE} i JOIN communities c ON c.id = i.community_id "
        "WHERE i.deleted = 0 AND i.hidden = 0 AND c.deleted = 0 "
        "AND i.due_on >= ? AND i.due_on <= ?"
    )
    if not include_done:
        sql += " AND i.done_on = ''"
    rows = ws.db.query(sql + " ORDER BY i.due_on", [first.isoformat(), last.isoformat()])
    found = [_due(item_from_row(r, lang)) for r in rows]
    if token is not None:
        answers = kept[1] if kept is not None and kept[0] == token else {}
        answers[key] = found
        while len(answers) > _KEPT:
            del answers[next(iter(answers))]
        _CACHE[ws] = (token, answers)
    return list(found)


def forget_cached(ws: Workspace | None = None) -> None:
    """Drop the answers :func:`due_between` keeps (of ``ws``, or of every workspace)."""
    if ws is None:
        _CACHE.clear()
    else:
        _CACHE.pop(ws, None)


def _due(item: ChecklistItem) -> DueItem:
    assert item.due_on is not None
    return DueItem(
        item.id, item.community_id, item.stage, item.title, item.due_on, item.done, item.assignee
    )


def overview(ws: Workspace, today: date, lang: Language = "en") -> list[OverviewRow]:
    """Every live community with its progress, next three due items and overdue items,
    and the first three open items of its current stage."""
    communities = list_communities(ws)
    progresses = progress_by_community(ws)
    # Only the rows shown are read: open items with a due date, and the first
    # three open items of each community's current stage.
    dated: dict[str, list[ChecklistItem]] = defaultdict(list)
    for row in ws.db.query(
        f"SELECT * FROM {TABLE} WHERE deleted = 0 AND hidden = 0 AND done_on = '' "
        "AND due_on != '' ORDER BY due_on, position, id"
    ):
        dated[row["community_id"]].append(item_from_row(row, lang))
    first_open: dict[str, list[ChecklistItem]] = defaultdict(list)
    for row in ws.db.query(
        f"""SELECT * FROM (
            SELECT i.*, row_number() OVER (
                PARTITION BY i.community_id ORDER BY i.position, i.created_at, i.id
            ) AS rank
            FROM {TABLE} i JOIN communities c ON c.id = i.community_id
            WHERE i.deleted = 0 AND i.hidden = 0 AND i.done_on = '' AND i.stage = c.stage
        ) WHERE rank <= 3 ORDER BY community_id, rank"""
    ):
        first_open[row["community_id"]].append(item_from_row(row, lang))
    result = []
    for community in communities:
        due = dated.get(community.id, [])
        progress_ = progresses.get(community.id, Progress())
        result.append(
            OverviewRow(
                community=community,
                progress=progress_,
                next_due=tuple(_due(i) for i in due if i.due_on and i.due_on >= today)[:3],
                overdue=tuple(_due(i) for i in due if i.due_on and i.due_on < today),
                next_open=tuple(first_open.get(community.id, [])),
                suggestion=suggested_stage(community, progress_),
            )
        )
    return result
