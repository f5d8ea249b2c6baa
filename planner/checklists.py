"""Checklists for the stage path, per community, and the workspace's library.

Every community gets a checklist made from the library when it is created:
the built-in items of :mod:`planner.checklist_library`, changed, removed or
added to by the workspace's own library (table ``checklist_library``). An
item made from the library keeps its ``library_key``; its title and reason
are stored only when they differ from the built-in text, so a built-in item
reads in the reader's language. An operator ticks items (with the date),
writes a note, assigns and schedules them (a due item shows on the
calendar), adds their own, reorders and hides the ones that do not apply.

When every item of a community's current stage is done, the app suggests the
next stage (:func:`suggested_stage`). Every change is one undoable edit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from planner.checklist_library import (
    BY_KEY,
    Language,
    builtin_items,
    item_id,
    library_row_id,
)
from planner.communities import Community, Stage, list_communities, live_community
from planner.errors import NotFound, ValidationError
from planner.history import Change
from planner.workspace import Edit, Workspace, new_id

TABLE = "checklist_items"
LIBRARY = "checklist_library"
TITLE_MAX = 200
TEXT_MAX = 2_000
NAME_MAX = 80
STEP = 1024  # gap between positions, so a move rewrites one row (ten moves into one gap)


# -- what is read ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    """One item of a community's checklist, with its text in the reader's language.

    Attributes:
        library_key: the library item it was made from ('' if added to this
            community only).
        custom_text: True when its title was written by the operator rather
            than taken from the built-in library.
        done_on / due_on: dates, or None.
    """

    id: str
    community_id: str
    stage: Stage
    library_key: str
    title: str
    why: str
    custom_text: bool
    position: int
    done_on: date | None
    note: str
    assignee: str
    due_on: date | None
    hidden: bool
    action: str = ""

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def overdue(self, today: date) -> bool:
        return not self.done and not self.hidden and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class LibraryItem:
    """One item of the workspace's library, as new checklists get it.

    ``key`` is the built-in key, or the row id of an item the workspace added.
    ``removed`` is only ever True for a built-in item taken out of this
    workspace's library (listed so it can be put back).
    """

    key: str
    stage: Stage
    title: str
    why: str
    builtin: bool
    reworded: bool
    removed: bool = False


@dataclass(frozen=True)
class StageProgress:
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class Progress:
    """Done and total (hidden items left out) per stage and overall."""

    stages: dict[Stage, StageProgress] = field(default_factory=dict)

    def of(self, stage: Stage) -> StageProgress:
        return self.stages.get(stage, StageProgress(0, 0))

    @property
    def done(self) -> int:
        return sum(p.done for p in self.stages.values())

    @property
    def total(self) -> int:
        return sum(p.total for p in self.stages.values())

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


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


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _resolve(row: Mapping[str, Any], lang: Language) -> tuple[str, str, bool, str]:
    """(title, why, written by the operator, action) of a row with a library key."""
    builtin = BY_KEY.get(row["library_key"])
    title, why = row["title"], row["why"]
    if builtin is None:
        # A built-in item this version does not know (from a newer version of
        # the app) shows its key rather than nothing.
        return title or row["library_key"], why, True, ""
    return (
        title or builtin.title(lang),
        why or builtin.why(lang),
        bool(title),
        builtin.action,
    )


def _item(row: Mapping[str, Any], lang: Language) -> ChecklistItem:
    title, why, custom, action = _resolve(row, lang)
    return ChecklistItem(
        id=row["id"],
        community_id=row["community_id"],
        stage=Stage(row["stage"]),
        library_key=row["library_key"],
        title=title,
        why=why,
        custom_text=custom,
        position=int(row["position"]),
        done_on=_date(row["done_on"]),
        note=row["note"],
        assignee=row["assignee"],
        due_on=_date(row["due_on"]),
        hidden=bool(row["hidden"]),
        action=action,
    )


_STAGE_ORDER = {stage.value: n for n, stage in enumerate(Stage)}


def _sort_key(row: Mapping[str, Any]) -> tuple[int, int, int, str]:
    return (_STAGE_ORDER[row["stage"]], int(row["position"]), int(row["created_at"]), row["id"])


def checklist(ws: Workspace, community_id: str, lang: Language = "en") -> list[ChecklistItem]:
    """A community's checklist (hidden items included), by stage and position."""
    rows = ws.db.query(
        f"SELECT * FROM {TABLE} WHERE community_id = ? AND deleted = 0", [community_id]
    )
    return [_item(r, lang) for r in sorted(rows, key=_sort_key)]


def get_item(ws: Workspace, item_id_: str, lang: Language = "en") -> ChecklistItem:
    row = ws.get_row(TABLE, item_id_)
    if row is None or row["deleted"]:
        raise NotFound("That checklist item no longer exists.")
    return _item(row, lang)


def _progress(rows: Iterable[Mapping[str, Any]]) -> dict[str, Progress]:
    counts: dict[str, dict[Stage, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        pair = counts[row["community_id"]][Stage(row["stage"])]
        pair[0] += int(row["done"])
        pair[1] += int(row["total"])
    return {
        cid: Progress({stage: StageProgress(d, t) for stage, (d, t) in stages.items()})
        for cid, stages in counts.items()
    }


def progress_by_community(ws: Workspace) -> dict[str, Progress]:
    """Every community's progress, in one query (communities with no items are absent)."""
    rows = ws.db.query(
        f"SELECT community_id, stage, sum(done_on != '') AS done, count(*) AS total "
        f"FROM {TABLE} WHERE deleted = 0 AND hidden = 0 GROUP BY community_id, stage"
    )
    return _progress(rows)


def progress(ws: Workspace, community_id: str) -> Progress:
    rows = ws.db.query(
        f"SELECT community_id, stage, sum(done_on != '') AS done, count(*) AS total "
        f"FROM {TABLE} WHERE deleted = 0 AND hidden = 0 AND community_id = ? GROUP BY stage",
        [community_id],
    )
    return _progress(rows).get(community_id, Progress())


def next_stage(stage: Stage) -> Stage | None:
    stages = list(Stage)
    index = stages.index(stage)
    return stages[index + 1] if index + 1 < len(stages) else None


def suggested_stage(community: Community, progress_: Progress) -> Stage | None:
    """The stage to move on to, when every item of the current one is done."""
    if not progress_.of(community.stage).complete:
        return None
    return next_stage(community.stage)


def due_between(
    ws: Workspace, first: date, last: date, lang: Language = "en", *, include_done: bool = True
) -> list[DueItem]:
    """Items due from ``first`` to ``last`` (inclusive) of live communities, by date."""
    sql = (
        f"SELECT i.* FROM {TABLE} i JOIN communities c ON c.id = i.community_id "
        "WHERE i.deleted = 0 AND i.hidden = 0 AND c.deleted = 0 "
        "AND i.due_on >= ? AND i.due_on <= ?"
    )
    if not include_done:
        sql += " AND i.done_on = ''"
    rows = ws.db.query(sql + " ORDER BY i.due_on", [first.isoformat(), last.isoformat()])
    return [_due(_item(r, lang)) for r in rows]


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
        dated[row["community_id"]].append(_item(row, lang))
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
        first_open[row["community_id"]].append(_item(row, lang))
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


# -- the workspace's library ------------------------------------------------------------


def _library_rows(ws: Workspace) -> list[dict[str, Any]]:
    return list(ws.db.query(f"SELECT * FROM {LIBRARY}"))


def library(ws: Workspace, lang: Language = "en", *, removed: bool = False) -> list[LibraryItem]:
    """The workspace's library, by stage: built-ins (as changed here), then its own items.

    With ``removed``, built-in items taken out of this workspace's library are
    listed too (marked), so the library editor can put them back.
    """
    rows = [r for r in _library_rows(ws) if not r["deleted"]]
    by_key = {r["key"]: r for r in rows}
    result: list[LibraryItem] = []
    for stage in Stage:
        for entry in builtin_items(stage.value):
            row = by_key.get(entry.key)
            gone = row is not None and bool(row["removed"])
            if gone and not removed:
                continue
            title = (row["title"] if row else "") or entry.title(lang)
            why = (row["why"] if row else "") or entry.why(lang)
            reworded = row is not None and bool(row["title"] or row["why"])
            result.append(LibraryItem(entry.key, stage, title, why, True, reworded, gone))
        own = sorted(
            (r for r in rows if _own(r) and r["stage"] == stage),
            key=lambda r: (int(r["position"]), int(r["created_at"]), r["id"]),
        )
        result += [LibraryItem(r["key"], stage, r["title"], r["why"], False, False) for r in own]
    return result


def _own(row: Mapping[str, Any]) -> bool:
    """True for an item the workspace added to its library. A row that changes
    a built-in item this version does not know (made by a newer version, whose
    id derives from the key) is neither: it is left alone."""
    return row["key"] not in BY_KEY and row["id"] != library_row_id(row["key"])


def _text(value: Any, limit: int, label: str, errors: dict[str, str], key: str) -> str:
    text = " ".join(str(value).split()) if key == "title" else str(value).strip()
    if len(text) > limit:
        errors[key] = f"The {label} is too long ({len(text):,} characters; at most {limit:,})."
    return text


def _library_text(title: Any, why: Any) -> tuple[str, str]:
    errors: dict[str, str] = {}
    clean_title = _text(title, TITLE_MAX, "title", errors, "title")
    clean_why = _text(why, TEXT_MAX, "reason", errors, "why")
    if not clean_title:
        errors["title"] = "A checklist item needs a title."
    if errors:
        raise ValidationError(errors)
    return clean_title, clean_why


def add_library_item(ws: Workspace, stage: Stage, title: str, why: str = "") -> tuple[str, Change]:
    """Add an item to the workspace's library (new checklists get it); returns its key."""
    clean_title, clean_why = _library_text(title, why)
    positions = [int(r["position"]) for r in _library_rows(ws) if r["stage"] == stage.value]
    with ws.edit("add_library_item", clean_title) as edit:
        key = new_id()
        edit.insert(
            LIBRARY,
            {
                "id": key,
                "key": key,
                "stage": stage.value,
                "title": clean_title,
                "why": clean_why,
                "position": max(positions, default=0) + STEP,
            },
        )
    return key, edit.change


def _library_row(ws: Workspace, key: str) -> dict[str, Any] | None:
    """The live library row of ``key`` (a built-in's changes, or an own item)."""
    row_id = library_row_id(key) if key in BY_KEY else key
    row = ws.get_row(LIBRARY, row_id)
    return row if row is not None and not row["deleted"] else None


def update_library_item(ws: Workspace, key: str, title: str, why: str) -> Change:
    """Reword a library item. For a built-in item the workspace keeps its own wording
    (an empty title or reason goes back to the built-in text)."""
    builtin = BY_KEY.get(key)
    row = _library_row(ws, key)
    if builtin is None:
        if row is None:
            raise NotFound("That library item no longer exists.")
        clean_title, clean_why = _library_text(title, why)
        if (row["title"], row["why"]) == (clean_title, clean_why):
            return Change("edit_library_item", clean_title)
        with ws.edit("edit_library_item", clean_title) as edit:
            edit.update(LIBRARY, row["id"], {"title": clean_title, "why": clean_why})
        return edit.change
    errors: dict[str, str] = {}
    clean_title = _text(title, TITLE_MAX, "title", errors, "title")
    clean_why = _text(why, TEXT_MAX, "reason", errors, "why")
    if errors:
        raise ValidationError(errors)
    # The built-in text in either language counts as "not reworded".
    if clean_title in (builtin.title_en, builtin.title_zh):
        clean_title = ""
    if clean_why in (builtin.why_en, builtin.why_zh):
        clean_why = ""
    values = {"title": clean_title, "why": clean_why}
    subject = clean_title or builtin.title_en
    current = row or {"title": "", "why": ""}
    if all(current[k] == v for k, v in values.items()):
        return Change("edit_library_item", subject)
    with ws.edit("edit_library_item", subject) as edit:
        _write_builtin_row(edit, ws, key, values)
    return edit.change


def _write_builtin_row(edit: Edit, ws: Workspace, key: str, values: dict[str, Any]) -> None:
    """Write the workspace's changes to built-in item ``key`` (making its row if needed)."""
    row_id = library_row_id(key)
    stored = ws.get_row(LIBRARY, row_id)
    if stored is None:
        edit.insert(LIBRARY, {"id": row_id, "key": key, "stage": BY_KEY[key].stage} | values)
    elif stored["deleted"]:
        # A tombstone means "as shipped": start from there.
        fresh = {"title": "", "why": "", "removed": 0, "deleted": 0}
        edit.update(LIBRARY, row_id, fresh | values)
    else:
        edit.update(LIBRARY, row_id, values)


def remove_library_item(ws: Workspace, key: str) -> Change:
    """Take an item out of the library (existing checklists keep theirs)."""
    row = _library_row(ws, key)
    if key in BY_KEY:
        subject = BY_KEY[key].title_en
        if row is not None and row["removed"]:
            raise NotFound(f"“{subject}” is already out of the library.")
        with ws.edit("remove_library_item", subject) as edit:
            _write_builtin_row(edit, ws, key, {"removed": 1})
        return edit.change
    if row is None:
        raise NotFound("That library item no longer exists.")
    with ws.edit("remove_library_item", row["title"]) as edit:
        edit.update(LIBRARY, row["id"], {"deleted": 1})
    return edit.change


def restore_library_item(ws: Workspace, key: str) -> Change:
    """Put a built-in item taken out of the library back."""
    row = _library_row(ws, key)
    if key not in BY_KEY or row is None or not row["removed"]:
        raise NotFound("That item is not out of the library.")
    with ws.edit("restore_library_item", BY_KEY[key].title_en) as edit:
        edit.update(LIBRARY, row["id"], {"removed": 0})
    return edit.change


# -- a community's checklist ------------------------------------------------------------


def _library_item_rows(ws: Workspace, community_id: str) -> list[dict[str, Any]]:
    """Rows for the library items ``community_id``'s checklist does not have yet.

    An item the operator deleted stays away (its tombstone is marked hidden
    by :func:`delete_item`); one whose adding was undone comes back: its row
    (the id is derived from the key) is returned with ``deleted`` 0.
    """
    stored = {
        r["id"]: r
        for r in ws.db.query(
            f"SELECT id, deleted, hidden FROM {TABLE} WHERE community_id = ?", [community_id]
        )
    }
    rows: list[dict[str, Any]] = []
    positions: dict[Stage, int] = defaultdict(int)
    for r in ws.db.query(
        f"SELECT stage, max(position) AS top FROM {TABLE} "
        "WHERE community_id = ? AND deleted = 0 GROUP BY stage",
        [community_id],
    ):
        positions[Stage(r["stage"])] = int(r["top"] or 0)
    for entry in library(ws):
        new = item_id(community_id, entry.key)
        before = stored.get(new)
        if before is not None and (not before["deleted"] or before["hidden"]):
            continue
        positions[entry.stage] += STEP
        # Built-in wording stays '' so it reads in the reader's language.
        row = _library_row(ws, entry.key) if entry.builtin else None
        title = (row["title"] if row else "") if entry.builtin else entry.title
        why = (row["why"] if row else "") if entry.builtin else entry.why
        fresh = {
            "id": new,
            "community_id": community_id,
            "stage": entry.stage.value,
            "library_key": entry.key,
            "title": title,
            "why": why,
            "position": positions[entry.stage],
        }
        if before is not None:
            fresh |= {"done_on": "", "note": "", "assignee": "", "due_on": "", "deleted": 0}
        rows.append(fresh)
    return rows


def add_library_items(edit: Edit, ws: Workspace, community_id: str) -> int:
    """Within ``edit``, give a community the library items it lacks; returns how many."""
    rows = _library_item_rows(ws, community_id)
    for row in rows:
        if "deleted" in row:
            edit.update(TABLE, row["id"], {k: v for k, v in row.items() if k != "id"})
        else:
            edit.insert(TABLE, row)
    return len(rows)


def missing_library_items(ws: Workspace, community_id: str) -> int:
    """How many library items a community's checklist does not have."""
    return len(_library_item_rows(ws, community_id))


def update_from_library(ws: Workspace, community_id: str) -> Change:
    """Add the library items a community's checklist lacks (items added to the library
    since it was made). Items it has, ticked or hidden, are left as they are."""
    community = live_community(ws, community_id)
    with ws.edit("update_checklist", community.name) as edit:
        add_library_items(edit, ws, community_id)
    return edit.change


def _live_row(ws: Workspace, item_id_: str) -> dict[str, Any]:
    row = ws.get_row(TABLE, item_id_)
    if row is None or row["deleted"]:
        raise NotFound("That checklist item no longer exists.")
    return row


def _subject(row: Mapping[str, Any]) -> str:
    return _resolve(row, "en")[0]


def _parse_day(value: Any, key: str, errors: dict[str, str]) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        errors[key] = f"“{value}” is not a date (write it as YYYY-MM-DD)."
        return ""


ITEM_FIELDS = ("title", "why", "note", "assignee", "due_on", "done_on", "hidden")


def _clean_item(values: Mapping[str, Any], row: Mapping[str, Any] | None) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, value in values.items():
        if key not in ITEM_FIELDS:
            raise ValueError(f"unknown checklist field: {key}")
        if key == "title":
            clean[key] = _text(value, TITLE_MAX, "title", errors, key)
        elif key in ("why", "note"):
            clean[key] = _text(value, TEXT_MAX, "reason" if key == "why" else "note", errors, key)
        elif key == "assignee":
            clean[key] = _text(value, NAME_MAX, "name", errors, key)
        elif key in ("due_on", "done_on"):
            clean[key] = _parse_day(value, key, errors)
        else:
            clean[key] = 1 if value else 0
    library_key = row["library_key"] if row is not None else ""
    if "title" in clean:
        builtin = BY_KEY.get(library_key)
        if builtin is not None and clean["title"] in (builtin.title_en, builtin.title_zh):
            clean["title"] = ""
        if not clean["title"] and builtin is None:
            errors["title"] = "A checklist item needs a title."
    if "why" in clean:
        builtin = BY_KEY.get(library_key)
        if builtin is not None and clean["why"] in (builtin.why_en, builtin.why_zh):
            clean["why"] = ""
    if errors:
        raise ValidationError(errors)
    return clean


def update_item(ws: Workspace, item_id_: str, values: Mapping[str, Any]) -> Change:
    """Change some fields of a checklist item: title, why, note, assignee, due_on,
    done_on (a date or '' for not done), hidden. Nothing changed records nothing."""
    row = _live_row(ws, item_id_)
    clean = _clean_item(values, row)
    changed = {k: v for k, v in clean.items() if row[k] != v}
    if not changed:
        return Change("edit_checklist_item", _subject(row))
    action = "edit_checklist_item"
    if set(changed) == {"done_on"}:
        action = "tick_checklist_item" if changed["done_on"] else "untick_checklist_item"
    elif set(changed) == {"hidden"}:
        action = "hide_checklist_item" if changed["hidden"] else "show_checklist_item"
    with ws.edit(action, _subject(row | clean)) as edit:
        edit.update(TABLE, item_id_, changed)
    return edit.change


def set_done(ws: Workspace, item_id_: str, done: bool, on: date | None = None) -> Change:
    """Tick an item (on ``on``, by default today) or untick it."""
    return update_item(ws, item_id_, {"done_on": (on or date.today()) if done else ""})


def set_hidden(ws: Workspace, item_id_: str, hidden: bool) -> Change:
    return update_item(ws, item_id_, {"hidden": hidden})


def add_item(
    ws: Workspace,
    community_id: str,
    stage: Stage,
    title: str,
    values: Mapping[str, Any] | None = None,
) -> tuple[str, Change]:
    """Add an item of the operator's own to one community's checklist, at the end of
    ``stage``; ``values`` may hold why, note, assignee, due_on."""
    live_community(ws, community_id)
    clean = _clean_item({"title": title, **(values or {})}, None)
    top = ws.db.execute(
        f"SELECT max(position) FROM {TABLE} WHERE community_id = ? AND stage = ? AND deleted = 0",
        [community_id, stage.value],
    ).fetchone()[0]
    with ws.edit("add_checklist_item", clean["title"]) as edit:
        new = edit.insert(
            TABLE,
            clean
            | {
                "community_id": community_id,
                "stage": stage.value,
                "library_key": "",
                "position": int(top or 0) + STEP,
            },
        )
    return new, edit.change


def delete_item(ws: Workspace, item_id_: str) -> Change:
    """Delete a checklist item (a tombstone; undo brings it back). A library item
    stays deleted for this community: its tombstone is also marked hidden, so
    updating from the library does not re-add it (a tombstone left by undoing
    its adding is not, and does come back)."""
    row = _live_row(ws, item_id_)
    with ws.edit("delete_checklist_item", _subject(row)) as edit:
        edit.update(TABLE, item_id_, {"deleted": 1, "hidden": 1})
    return edit.change


def move_item(ws: Workspace, item_id_: str, index: int) -> Change:
    """Move an item to ``index`` among its stage's items (hidden ones included)."""
    row = _live_row(ws, item_id_)
    siblings = sorted(
        ws.db.query(
            f"SELECT * FROM {TABLE} WHERE community_id = ? AND stage = ? AND deleted = 0",
            [row["community_id"], row["stage"]],
        ),
        key=_sort_key,
    )
    order = [r for r in siblings if r["id"] != item_id_]
    index = max(0, min(index, len(order)))
    if [r["id"] for r in order[:index]] + [item_id_] + [r["id"] for r in order[index:]] == [
        r["id"] for r in siblings
    ]:
        return Change("move_checklist_item", _subject(row))
    before = int(order[index - 1]["position"]) if index > 0 else None
    after = int(order[index]["position"]) if index < len(order) else None
    # Only the moved row changes when there is room between its new neighbours
    # (so a teammate's ticks on the others never meet this move in a merge).
    if before is None and after is not None:
        position: int | None = after - STEP
    elif after is None and before is not None:
        position = before + STEP
    elif before is not None and after is not None and after - before > 1:
        position = (before + after) // 2
    else:
        position = None
    with ws.edit("move_checklist_item", _subject(row)) as edit:
        if position is not None:
            edit.update(TABLE, item_id_, {"position": position})
        else:
            order.insert(index, row)
            for n, sibling in enumerate(order, start=1):
                if int(sibling["position"]) != n * STEP:
                    edit.update(TABLE, sibling["id"], {"position": n * STEP})
    return edit.change
