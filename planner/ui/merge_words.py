"""The words of the merge dialog: record kinds, field names, values, record labels.

The list, the field table and the dialog's summary all say things through
these, so they say them the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from planner.calendar import ItemKind, Status
from planner.checklists import item_title
from planner.communities import BuiltAround, Platform, SegmentBasis, Stage
from planner.merge import MERGE_ORDER, Conflict, MergePlan
from planner.recurrence import Recurrence, RecurrenceError
from planner.ui.labels import (
    built_around_label,
    item_type_label,
    kind_label,
    platform_label,
    segment_basis_label,
    stage_label,
    status_label,
)
from planner.ui.locale_text import ui_language, ui_text

MINE = "mine"
THEIRS = "theirs"
MIXED = "mixed"
DISPLAY_LIMIT = 200  # characters of a value shown in a cell; the tooltip has more
TOOLTIP_LIMIT = 2000


def record_kind(table: str) -> str:
    """What one row of ``table`` is, in words: “Calendar item”."""
    kinds = {
        "communities": QCoreApplication.translate("Merge", "Community"),
        "calendar_items": QCoreApplication.translate("Merge", "Calendar item"),
        "templates": QCoreApplication.translate("Merge", "Template"),
        "checklist_library": QCoreApplication.translate("Merge", "Checklist library item"),
        "checklist_items": QCoreApplication.translate("Merge", "Checklist item"),
        "community_templates": QCoreApplication.translate("Merge", "Template in use"),
    }
    return kinds.get(table, table)


def records_kind(table: str) -> str:
    """What the rows of ``table`` are, in words: “Calendar items”."""
    kinds = {
        "communities": QCoreApplication.translate("Merge", "Communities"),
        "calendar_items": QCoreApplication.translate("Merge", "Calendar items"),
        "templates": QCoreApplication.translate("Merge", "Templates"),
        "checklist_library": QCoreApplication.translate("Merge", "Checklist library"),
        "checklist_items": QCoreApplication.translate("Merge", "Checklist items"),
        "community_templates": QCoreApplication.translate("Merge", "Templates in use"),
    }
    return kinds.get(table, table)


TABLE_ORDER = {table: n for n, table in enumerate(MERGE_ORDER)}
KIND_ICONS = {
    "communities": "users",
    "calendar_items": "calendar",
    "templates": "message-circle",
    "checklist_library": "list-check",
    "checklist_items": "list-check",
    "community_templates": "message-circle",
}


def field_label(field: str) -> str:
    """A column's name as a person reads it: ``common_interest`` → “Common interest”."""
    labels = {
        "deleted": QCoreApplication.translate("Merge", "In the trash"),
        "name": QCoreApplication.translate("Merge", "Name"),
        "platform": QCoreApplication.translate("Merge", "Platform"),
        "stage": QCoreApplication.translate("Merge", "Stage"),
        "common_interest": QCoreApplication.translate("Merge", "Common interest"),
        "value_to_members": QCoreApplication.translate("Merge", "Value to members"),
        "differentiation": QCoreApplication.translate("Merge", "Differentiation"),
        "built_around": QCoreApplication.translate("Merge", "Built around"),
        "segment_basis": QCoreApplication.translate("Merge", "Divided by"),
        "segment": QCoreApplication.translate("Merge", "Segment"),
        "joining_principles": QCoreApplication.translate("Merge", "Joining principles"),
        "management_norms": QCoreApplication.translate("Merge", "Management norms"),
        "member_count": QCoreApplication.translate("Merge", "Members"),
        "owner": QCoreApplication.translate("Merge", "Owner"),
        "color": QCoreApplication.translate("Merge", "Colour"),
        "notes": QCoreApplication.translate("Merge", "Notes"),
        "community_id": QCoreApplication.translate("Merge", "Community"),
        "kind": QCoreApplication.translate("Merge", "Kind"),
        "item_type": QCoreApplication.translate("Merge", "Type"),
        "title": QCoreApplication.translate("Merge", "Title"),
        "all_day": QCoreApplication.translate("Merge", "All day"),
        "starts_at": QCoreApplication.translate("Merge", "Starts"),
        "ends_at": QCoreApplication.translate("Merge", "Ends"),
        "tz": QCoreApplication.translate("Merge", "Time zone"),
        "status": QCoreApplication.translate("Merge", "Status"),
        "description": QCoreApplication.translate("Merge", "Description"),
        "speaker": QCoreApplication.translate("Merge", "Speaker"),
        "location": QCoreApplication.translate("Merge", "Location"),
        "rrule": QCoreApplication.translate("Merge", "Repeats"),
        "exdates": QCoreApplication.translate("Merge", "Skipped dates"),
        "last_ends_at": QCoreApplication.translate("Merge", "Last occurrence ends"),
        "series_id": QCoreApplication.translate("Merge", "Series"),
        "recurrence_id": QCoreApplication.translate("Merge", "Original start"),
        "ical_uid": QCoreApplication.translate("Merge", "Calendar UID"),
        "planned_participants": QCoreApplication.translate("Merge", "Planned participants"),
        "actual_participants": QCoreApplication.translate("Merge", "Participants"),
        "planned_new_members": QCoreApplication.translate("Merge", "Planned new members"),
        "actual_new_members": QCoreApplication.translate("Merge", "New members"),
        "planned_shares": QCoreApplication.translate("Merge", "Planned shares"),
        "actual_shares": QCoreApplication.translate("Merge", "Shares"),
        "planned_conversions": QCoreApplication.translate("Merge", "Planned conversions"),
        "actual_conversions": QCoreApplication.translate("Merge", "Conversions"),
        "planned_revenue": QCoreApplication.translate("Merge", "Planned revenue"),
        "actual_revenue": QCoreApplication.translate("Merge", "Revenue"),
        "planned_cost": QCoreApplication.translate("Merge", "Planned cost"),
        "actual_cost": QCoreApplication.translate("Merge", "Cost"),
        "language": QCoreApplication.translate("Merge", "Language"),
        "body": QCoreApplication.translate("Merge", "Body"),
        "messages": QCoreApplication.translate("Merge", "Messages"),
        "key": QCoreApplication.translate("Merge", "Library key"),
        "why": QCoreApplication.translate("Merge", "Why it matters"),
        "position": QCoreApplication.translate("Merge", "Position"),
        "removed": QCoreApplication.translate("Merge", "Removed"),
        "library_key": QCoreApplication.translate("Merge", "From the library"),
        "done_on": QCoreApplication.translate("Merge", "Done on"),
        "note": QCoreApplication.translate("Merge", "Note"),
        "assignee": QCoreApplication.translate("Merge", "Assignee"),
        "due_on": QCoreApplication.translate("Merge", "Due on"),
        "hidden": QCoreApplication.translate("Merge", "Hidden"),
        "template_ref": QCoreApplication.translate("Merge", "Template"),
    }
    return labels.get(field) or field.replace("_", " ").capitalize()


class RecordNames:
    """Names for the records a merge's rows point at: communities and templates by id.

    The names given win; records only the plan knows (a community their copy
    adds) are named from the plan's rows, ours first.
    """

    def __init__(
        self,
        plan: MergePlan | None = None,
        community_names: Mapping[str, str] | None = None,
        template_names: Mapping[str, str] | None = None,
    ) -> None:
        self.communities: dict[str, str] = {}
        self.templates: dict[str, str] = {}
        if plan is not None:
            rows = [t.theirs for t in plan.takes] + [c.theirs for c in plan.conflicts]
            tables = [t.table for t in plan.takes] + [c.table for c in plan.conflicts]
            rows += [c.mine for c in plan.conflicts]
            tables += [c.table for c in plan.conflicts]
            for table, row in zip(tables, rows, strict=True):
                if table == "communities":
                    self.communities[str(row["id"])] = str(row["name"])
                elif table == "templates":
                    self.templates[str(row["id"])] = str(row["name"])
        self.communities.update(community_names or {})
        self.templates.update(template_names or {})

    def community(self, community_id: object) -> str:
        return self.communities.get(
            str(community_id),
            QCoreApplication.translate("Merge", "a community not in this workspace"),
        )

    def template(self, ref: object) -> str:
        text = str(ref)
        if text.startswith("builtin:"):
            return text.removeprefix("builtin:")
        return self.templates.get(
            text, QCoreApplication.translate("Merge", "a template not in this workspace")
        )


def conflict_label(conflict: Conflict, names: RecordNames) -> str:
    """The record in one line: “Weekly digest · 2026-11-24 · 读书会”."""
    row = conflict.mine
    table = conflict.table
    if table == "communities":
        return str(row["name"])
    if table == "calendar_items":
        day = str(row["starts_at"])[:10]
        return f"{row['title']} · {day} · {names.community(row['community_id'])}"
    if table == "templates":
        return str(row["name"])
    if table == "checklist_library":
        return item_title(row, ui_language())
    if table == "checklist_items":
        title = item_title(row, ui_language())
        return f"{title} · {names.community(row['community_id'])}"
    if table == "community_templates":
        return f"{names.template(row['template_ref'])} · {names.community(row['community_id'])}"
    return str(row.get("name") or row.get("title") or row["id"])


def deletion_note(conflict: Conflict) -> str:
    if conflict.deletion == "mine":
        return QCoreApplication.translate("Merge", "deleted on your side")
    if conflict.deletion == "theirs":
        return QCoreApplication.translate("Merge", "deleted on their side")
    return ""


def side_label(side: str) -> str:
    return {
        MINE: QCoreApplication.translate("Merge", "Keep mine"),
        THEIRS: QCoreApplication.translate("Merge", "Take theirs"),
        MIXED: QCoreApplication.translate("Merge", "Mixed"),
    }[side]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _moment(value: object) -> str:
    """A stored local time (``2026-11-24T20:00``) as ``2026-11-24 20:00``."""
    return str(value).replace("T", " ")


def _enum_label(value: str, field: str, table: str) -> str | None:
    """The label of an enum-valued column, or None when the value is not known here."""
    try:
        if field == "platform":
            return platform_label(Platform(value))
        if field == "stage":
            return stage_label(Stage(value))
        if field == "built_around":
            return built_around_label(BuiltAround(value))
        if field == "segment_basis":
            return segment_basis_label(SegmentBasis(value))
        if field == "status":
            return status_label(Status(value))
        if field == "kind" and table == "calendar_items":
            return kind_label(ItemKind(value))
    except ValueError:
        return value
    if field == "kind" and table == "templates":
        return {
            "poster": QCoreApplication.translate("Merge", "Poster"),
            "welcome": QCoreApplication.translate("Merge", "Welcome sequence"),
        }.get(value, value)
    if field == "language":
        return {
            "zh": QCoreApplication.translate("Merge", "Chinese"),
            "en": QCoreApplication.translate("Merge", "English"),
        }.get(value, value)
    if field == "item_type":
        return item_type_label(value)
    return None


def value_text(table: str, field: str, value: Any, names: RecordNames) -> str:
    """A stored value as a person reads it, in full (it may run to many lines)."""
    if field == "deleted":
        return (
            QCoreApplication.translate("Merge", "Deleted")
            if value
            else QCoreApplication.translate("Merge", "Kept")
        )
    if field in ("all_day", "hidden", "removed"):
        return (
            QCoreApplication.translate("Merge", "Yes")
            if value
            else QCoreApplication.translate("Merge", "No")
        )
    if isinstance(value, str):
        known = _enum_label(value, field, table)
        if known:
            return known
    if value is None or value == "":
        return QCoreApplication.translate("Merge", "(empty)")
    if field == "community_id":
        return names.community(value)
    if field == "template_ref":
        return names.template(value)
    if field == "library_key":
        return item_title({"library_key": value}, ui_language())
    if field in ("starts_at", "ends_at", "last_ends_at", "recurrence_id"):
        return _moment(value)
    if field == "rrule":
        try:
            return ui_text(Recurrence.parse(str(value)).describe())
        except RecurrenceError:
            return str(value)
    if field in ("exdates", "messages"):
        return _json_list(field, str(value))
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _json_list(field: str, text: str) -> str:
    try:
        items = json.loads(text)
    except ValueError:
        return text
    if not isinstance(items, list):
        return text
    if not items:
        return QCoreApplication.translate("Merge", "(none)")
    if field == "exdates":
        return ", ".join(_moment(i) for i in items)
    lines = []
    for message in items:
        if isinstance(message, dict):
            minutes = message.get("offset_minutes", 0)
            lines.append(
                QCoreApplication.translate("Merge", "+%1 min: %2")
                .replace("%1", str(minutes))
                .replace("%2", str(message.get("body", "")))
            )
        else:
            lines.append(str(message))
    return "\n".join(lines)


def one_line(text: str, limit: int = DISPLAY_LIMIT) -> str:
    """``text`` on one line (line breaks as ⏎), cut at ``limit`` characters."""
    flat = " ⏎ ".join(line.strip() for line in text.splitlines() if line.strip()) or text
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def cut(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the list of conflicts -----------------------------------------------------------
