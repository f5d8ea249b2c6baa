"""Fission scenarios saved on a community (table ``fission_scenarios``).

A scenario (:class:`planner.fission.Scenario`) saved under a name on a
community, which may name the fission activity on its calendar that it plans
(an activity item, usually a sharing or paid one). Every change to them is
one undoable edit; a community in the trash takes none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from planner.calendar import TABLE as CALENDAR_TABLE
from planner.calendar import ActivityType, CalendarItem, ItemKind, get_item
from planner.communities import live_community
from planner.errors import NotFound, ValidationError
from planner.fission import (
    NAME_MAX,
    NOTE_MAX,
    TABLE,
    Projection,
    Scenario,
    project,
)
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.workspace import Workspace
from planner.workspace_library import clean_text


@dataclass(frozen=True)
class SavedScenario:
    """A scenario saved on a community.

    Attributes:
        calendar_item_id: the fission activity it plans, as linked; it may
            since have been deleted from the calendar (see
            :func:`linked_activity`).
    """

    id: str
    community_id: str
    name: str
    scenario: Scenario
    calendar_item_id: str | None
    note: str
    created_at: int
    updated_at: int

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> SavedScenario:
        # Values are passed as stored: one a teammate's file slipped past the
        # table's checks shows up in Scenario.problems(), not as a crash here.
        scenario = Scenario(
            seed_members=row["seed_members"],
            share_rate=row["share_rate"],
            invites_per_share=row["invites_per_share"],
            conversion_rate=row["conversion_rate"],
            waves=row["waves"],
            fixed_cost=row["fixed_cost"],
            bait_cost=row["bait_cost"],
            channel_cost=row["channel_cost"],
        )
        return cls(
            id=row["id"],
            community_id=row["community_id"],
            name=row["name"],
            scenario=scenario,
            calendar_item_id=row["calendar_item_id"],
            note=row["note"],
            created_at=int(row["created_at"]),
            updated_at=int(row["updated_at"]),
        )

    def projection(self) -> Projection:
        return project(self.scenario)


def _columns(scenario: Scenario) -> dict[str, Any]:
    """Storage columns of a sound scenario."""
    channel = scenario.channel_cost
    return {
        "seed_members": int(scenario.seed_members),
        "share_rate": float(scenario.share_rate),
        "invites_per_share": float(scenario.invites_per_share),
        "conversion_rate": float(scenario.conversion_rate),
        "waves": int(scenario.waves),
        "fixed_cost": float(scenario.fixed_cost),
        "bait_cost": float(scenario.bait_cost),
        "channel_cost": None if channel is None else float(channel),
    }


def _clean_name(name: Any, errors: dict[str, Text]) -> str:
    text = " ".join(str(name).split())
    if not text:
        errors["name"] = QT_TRANSLATE_NOOP("FissionScenarios", "A fission plan needs a name.")
    elif len(text) > NAME_MAX:
        errors["name"] = QT_TRANSLATE_NOOP(
            "FissionScenarios", "The name is too long ({count} characters; at most {most})."
        ).format(count=len(text), most=NAME_MAX)
    return text


def _clean_note(note: Any, errors: dict[str, Text]) -> str:
    return clean_text(note or "", NOTE_MAX, "note", errors, "note")


def _name_taken(ws: Workspace, community_id: str, name: str, except_id: str | None) -> bool:
    key = name.casefold()
    return any(
        s.name.casefold() == key and s.id != except_id for s in list_scenarios(ws, community_id)
    )


def _name_in_use(name: str) -> Text:
    return QT_TRANSLATE_NOOP(
        "FissionScenarios", "This community already has a fission plan called “{name}”."
    ).format(name=name)


def list_scenarios(ws: Workspace, community_id: str) -> list[SavedScenario]:
    """A community's live scenarios, by name."""
    rows = ws.db.query(
        f"SELECT * FROM {TABLE} WHERE community_id = ? AND deleted = 0", [community_id]
    )
    saved = [SavedScenario.from_row(r) for r in rows]
    return sorted(saved, key=lambda s: (s.name.casefold(), s.id))


def get_scenario(ws: Workspace, scenario_id: str) -> SavedScenario:
    """A live scenario; NotFound when it does not exist or was deleted."""
    row = ws.get_row(TABLE, scenario_id)
    if row is None or row["deleted"]:
        raise NotFound(QT_TRANSLATE_NOOP("FissionScenarios", "That fission plan no longer exists."))
    return SavedScenario.from_row(row)


def save_scenario(
    ws: Workspace, community_id: str, scenario: Scenario, name: str, *, note: str = ""
) -> tuple[str, Change]:
    """Save ``scenario`` on a community under ``name``; returns its id and the change.

    Names are unique per community (case-insensitive). ValidationError lists
    every bad field at once; NotFound when the community is in the trash.
    """
    live_community(ws, community_id)
    errors = scenario.problems()
    clean_name = _clean_name(name, errors)
    clean_note = _clean_note(note, errors)
    if "name" not in errors and _name_taken(ws, community_id, clean_name, None):
        errors["name"] = _name_in_use(clean_name)
    if errors:
        raise ValidationError(errors)
    values = _columns(scenario) | {
        "community_id": community_id,
        "name": clean_name,
        "note": clean_note,
    }
    with ws.edit("save_fission_scenario", clean_name) as edit:
        scenario_id = edit.insert(TABLE, values)
    return scenario_id, edit.change


def update_scenario(
    ws: Workspace, scenario_id: str, changes: Scenario | Mapping[str, Any]
) -> Change:
    """Change a saved scenario: all its inputs (a Scenario), or some fields by name.

    ``changes`` as a mapping may hold any :class:`Scenario` field (form text
    is read as by :meth:`Scenario.from_values`), ``name`` and ``note``. An
    edit that changes nothing records nothing.
    """
    current = get_scenario(ws, scenario_id)
    live_community(ws, current.community_id)
    if isinstance(changes, Scenario):
        given: dict[str, Any] = changes.values()
    else:
        given = dict(changes)
    name = given.pop("name", current.name)
    note = given.pop("note", current.note)
    scenario = Scenario.from_values(current.scenario.values() | given)
    errors = scenario.problems()
    clean_name = _clean_name(name, errors)
    clean_note = _clean_note(note, errors)
    if "name" not in errors and _name_taken(ws, current.community_id, clean_name, scenario_id):
        errors["name"] = _name_in_use(clean_name)
    if errors:
        raise ValidationError(errors)
    row = ws.get_row(TABLE, scenario_id)
    assert row is not None
    values = _columns(scenario) | {"name": clean_name, "note": clean_note}
    changed = {k: v for k, v in values.items() if row[k] != v}
    if not changed:
        return Change("edit_fission_scenario", current.name)
    with ws.edit("edit_fission_scenario", clean_name) as edit:
        edit.update(TABLE, scenario_id, changed)
    return edit.change


def delete_scenario(ws: Workspace, scenario_id: str) -> Change:
    """Delete a saved scenario (a tombstone; undo brings it back)."""
    current = get_scenario(ws, scenario_id)
    live_community(ws, current.community_id)
    with ws.edit("delete_fission_scenario", current.name) as edit:
        edit.update(TABLE, scenario_id, {"deleted": 1})
    return edit.change


def _check_activity(ws: Workspace, community_id: str, calendar_item_id: str) -> None:
    """ValidationError unless the item is a live activity of ``community_id``."""
    row = ws.get_row(CALENDAR_TABLE, calendar_item_id)
    message: Text
    if row is None:
        message = QT_TRANSLATE_NOOP("FissionScenarios", "That calendar item does not exist.")
    elif row["deleted"]:
        message = QT_TRANSLATE_NOOP(
            "FissionScenarios", "“{title}” was deleted from the calendar; choose another activity."
        ).format(title=row["title"])
    elif row["community_id"] != community_id:
        message = QT_TRANSLATE_NOOP(
            "FissionScenarios",
            "“{title}” is on another community's calendar; choose an activity of this community.",
        ).format(title=row["title"])
    elif row["kind"] != ItemKind.ACTIVITY.value:
        message = QT_TRANSLATE_NOOP(
            "FissionScenarios",
            "“{title}” is content, not an activity; "
            "a fission plan is for an activity (a sharing or paid one, say).",
        ).format(title=row["title"])
    else:
        return
    raise ValidationError({"calendar_item_id": message})


def link_activity(ws: Workspace, scenario_id: str, calendar_item_id: str | None) -> Change:
    """Link a scenario to the fission activity it plans, or unlink it (None).

    The item must be a live activity on the same community's calendar. A
    link that is already so records nothing.
    """
    current = get_scenario(ws, scenario_id)
    live_community(ws, current.community_id)
    if calendar_item_id is not None:
        _check_activity(ws, current.community_id, calendar_item_id)
    if current.calendar_item_id == calendar_item_id:
        return Change("link_fission_activity", current.name)
    with ws.edit("link_fission_activity", current.name) as edit:
        edit.update(TABLE, scenario_id, {"calendar_item_id": calendar_item_id})
    return edit.change


def scenarios_for_item(ws: Workspace, calendar_item_id: str) -> list[SavedScenario]:
    """The live scenarios linked to a calendar item, by name."""
    rows = ws.db.query(
        f"SELECT * FROM {TABLE} WHERE calendar_item_id = ? AND deleted = 0", [calendar_item_id]
    )
    saved = [SavedScenario.from_row(r) for r in rows]
    return sorted(saved, key=lambda s: (s.name.casefold(), s.id))


def linked_activity(ws: Workspace, saved: SavedScenario) -> CalendarItem | None:
    """The activity a scenario is linked to, or None (none linked, or since deleted)."""
    if saved.calendar_item_id is None:
        return None
    try:
        item = get_item(ws, saved.calendar_item_id)
    except NotFound:
        return None
    return None if item.deleted else item


# The kinds a fission campaign is usually run as: members share a poster to a
# sharing session, or bring a friend to a paid camp.
FISSION_KINDS = (ActivityType.SHARING.value, ActivityType.PAID.value)


def plannable_activities(ws: Workspace, community_id: str) -> list[CalendarItem]:
    """The activities a scenario of ``community_id`` can be linked to, as a
    form lists them: sharing and paid ones first (what fission campaigns are
    run as), then the others, each by start. A recurring activity is listed
    once (its series), not once per changed occurrence."""
    rows = ws.db.query(
        f"SELECT * FROM {CALENDAR_TABLE} WHERE community_id = ? AND kind = ? "
        "AND deleted = 0 AND series_id IS NULL",
        [community_id, ItemKind.ACTIVITY.value],
    )
    items = [CalendarItem.from_row(r) for r in rows]
    return sorted(items, key=lambda i: (i.item_type not in FISSION_KINDS, i.start, i.title, i.id))
