"""The workspace's own checklist library: the built-in items as changed here,
and the items the workspace added.

New communities get their checklist from it (:mod:`planner.checklists`). A
built-in item is changed through a row whose id derives from its key (so
teammates' copies agree on it): reworded, or ``removed``; a tombstone of that
row means "as shipped", so undoing the first change gives the item back. An
item the workspace adds is a row of its own. Every change is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from planner.checklist_library import BY_KEY, Language, builtin_items, library_row_id
from planner.communities import Stage
from planner.errors import NotFound, ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.workspace import Edit, Workspace, new_id

LIBRARY = "checklist_library"
TITLE_MAX = 200
TEXT_MAX = 2_000
STEP = 1024  # gap between positions, so a move rewrites one row (ten moves into one gap)


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


# "The title is too long (...)": a whole sentence for each field clean_text checks.
_TOO_LONG: dict[str, Text] = {
    "title": QT_TRANSLATE_NOOP(
        "WorkspaceLibrary", "The title is too long ({count} characters; at most {most})."
    ),
    "reason": QT_TRANSLATE_NOOP(
        "WorkspaceLibrary", "The reason is too long ({count} characters; at most {most})."
    ),
    "note": QT_TRANSLATE_NOOP(
        "WorkspaceLibrary", "The note is too long ({count} characters; at most {most})."
    ),
    "name": QT_TRANSLATE_NOOP(
        "WorkspaceLibrary", "The name is too long ({count} characters; at most {most})."
    ),
}


def clean_text(
    value: Any,
    limit: int,
    label: Literal["title", "reason", "note", "name"],
    errors: dict[str, Text],
    key: str,
) -> str:
    """``value`` trimmed (a title on one line); a message in ``errors[key]`` when it
    is longer than ``limit``, naming the field by ``label``."""
    text = " ".join(str(value).split()) if key == "title" else str(value).strip()
    if len(text) > limit:
        errors[key] = _TOO_LONG[label].format(count=f"{len(text):,}", most=f"{limit:,}")
    return text


def _library_text(title: Any, why: Any) -> tuple[str, str]:
    errors: dict[str, Text] = {}
    clean_title = clean_text(title, TITLE_MAX, "title", errors, "title")
    clean_why = clean_text(why, TEXT_MAX, "reason", errors, "why")
    if not clean_title:
        errors["title"] = QT_TRANSLATE_NOOP("WorkspaceLibrary", "A checklist item needs a title.")
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


def library_row(ws: Workspace, key: str) -> dict[str, Any] | None:
    """The live library row of ``key`` (a built-in's changes, or an own item)."""
    row_id = library_row_id(key) if key in BY_KEY else key
    row = ws.get_row(LIBRARY, row_id)
    return row if row is not None and not row["deleted"] else None


def update_library_item(ws: Workspace, key: str, title: str, why: str) -> Change:
    """Reword a library item. For a built-in item the workspace keeps its own wording
    (an empty title or reason goes back to the built-in text)."""
    builtin = BY_KEY.get(key)
    row = library_row(ws, key)
    if builtin is None:
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("WorkspaceLibrary", "That library item no longer exists.")
            )
        clean_title, clean_why = _library_text(title, why)
        if (row["title"], row["why"]) == (clean_title, clean_why):
            return Change("edit_library_item", clean_title)
        with ws.edit("edit_library_item", clean_title) as edit:
            edit.update(LIBRARY, row["id"], {"title": clean_title, "why": clean_why})
        return edit.change
    errors: dict[str, Text] = {}
    clean_title = clean_text(title, TITLE_MAX, "title", errors, "title")
    clean_why = clean_text(why, TEXT_MAX, "reason", errors, "why")
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
    row = library_row(ws, key)
    if key in BY_KEY:
        subject = BY_KEY[key].title_en
        if row is not None and row["removed"]:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "WorkspaceLibrary", "“{title}” is already out of the library."
                ).format(title=subject)
            )
        with ws.edit("remove_library_item", subject) as edit:
            _write_builtin_row(edit, ws, key, {"removed": 1})
        return edit.change
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("WorkspaceLibrary", "That library item no longer exists."))
    with ws.edit("remove_library_item", row["title"]) as edit:
        edit.update(LIBRARY, row["id"], {"deleted": 1})
    return edit.change


def restore_library_item(ws: Workspace, key: str) -> Change:
    """Put a built-in item taken out of the library back."""
    row = library_row(ws, key)
    if key not in BY_KEY or row is None or not row["removed"]:
        raise NotFound(
            QT_TRANSLATE_NOOP("WorkspaceLibrary", "That item is not out of the library.")
        )
    with ws.edit("restore_library_item", BY_KEY[key].title_en) as edit:
        edit.update(LIBRARY, row["id"], {"removed": 0})
    return edit.change
