"""Each community's checklist for the stage path.

Every community gets a checklist made from the library when it is created:
the built-in items of :mod:`planner.checklist_library`, changed, removed or
added to by the workspace's own library (:mod:`planner.workspace_library`). An
item made from the library keeps its ``library_key``; its title and reason
are stored only when they differ from the built-in text, so a built-in item
reads in the reader's language. An operator ticks items (with the date),
writes a note, assigns and schedules them (a due item shows on the
calendar), adds their own, reorders and hides the ones that do not apply.

When every item of a community's current stage is done, the app suggests the
next stage (:func:`suggested_stage`). What is due, for the calendar and the
overview, is in :mod:`planner.checklist_due`. Every change is one undoable edit.
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
    item_id,
)
from planner.communities import Community, Stage, live_community
from planner.errors import NotFound, ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.workspace import Edit, Workspace
from planner.workspace_library import (
    STEP,
    TEXT_MAX,
    TITLE_MAX,
    library,
    library_row,
)

TABLE = "checklist_items"
NAME_MAX = 80


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


def item_from_row(row: Mapping[str, Any], lang: Language = "en") -> ChecklistItem:
    """A stored row as a checklist item, its text in ``lang``."""
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
    return [item_from_row(r, lang) for r in sorted(rows, key=_sort_key)]


def _gone() -> Text:
    return QT_TRANSLATE_NOOP("Checklists", "That checklist item no longer exists.")


def get_item(ws: Workspace, item_id_: str, lang: Language = "en") -> ChecklistItem:
    row = ws.get_row(TABLE, item_id_)
    if row is None or row["deleted"]:
        raise NotFound(_gone())
    return item_from_row(row, lang)


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
        row = library_row(ws, entry.key) if entry.builtin else None
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
        raise NotFound(_gone())
    return row


def _subject(row: Mapping[str, Any]) -> str:
    return _resolve(row, "en")[0]


def item_title(row: Mapping[str, Any], lang: Language) -> str:
    """The title of a checklist item or library row as the checklist shows it in
    ``lang``: the operator's own, else the built-in one (its key when this
    version does not know it). Edit ▸ Undo and the merge dialog name rows so."""
    title = str(row.get("title") or "")
    if title:
        return title
    key = str(row.get("library_key") or row.get("key") or "")
    builtin = BY_KEY.get(key)
    return builtin.title(lang) if builtin is not None else key


def _parse_day(value: Any, key: str, errors: dict[str, Text]) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        errors[key] = QT_TRANSLATE_NOOP(
            "Checklists", "“{value}” is not a date (write it as YYYY-MM-DD)."
        ).format(value=value)
        return ""


ITEM_FIELDS = ("title", "why", "note", "assignee", "due_on", "done_on", "hidden")
# The text fields as a message names them ("The reason is too long ...").
_FIELD_WORDS: dict[str, Text] = {
    "title": QT_TRANSLATE_NOOP("Checklists", "title"),
    "why": QT_TRANSLATE_NOOP("Checklists", "reason"),
    "note": QT_TRANSLATE_NOOP("Checklists", "note"),
    "assignee": QT_TRANSLATE_NOOP("Checklists", "name"),
}


def _clean_text(value: Any, limit: int, errors: dict[str, Text], key: str) -> str:
    """A text field's value, one line for the title; too long is an error."""
    text = " ".join(str(value).split()) if key == "title" else str(value).strip()
    if len(text) > limit:
        errors[key] = QT_TRANSLATE_NOOP(
            "Checklists", "The {field} is too long ({length} characters; at most {limit})."
        ).format(field=_FIELD_WORDS[key], length=f"{len(text):,}", limit=f"{limit:,}")
    return text


def _clean_item(values: Mapping[str, Any], row: Mapping[str, Any] | None) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    errors: dict[str, Text] = {}
    for key, value in values.items():
        if key not in ITEM_FIELDS:
            raise ValueError(f"unknown checklist field: {key}")
        if key == "title":
            clean[key] = _clean_text(value, TITLE_MAX, errors, key)
        elif key in ("why", "note"):
            clean[key] = _clean_text(value, TEXT_MAX, errors, key)
        elif key == "assignee":
            clean[key] = _clean_text(value, NAME_MAX, errors, key)
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
            errors["title"] = QT_TRANSLATE_NOOP("Checklists", "A checklist item needs a title.")
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
