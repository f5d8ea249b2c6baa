"""Communities: the groups an operator runs, and the service functions on them.

A community is described with the five elements of domain.md: its positioning
(common interest, value to members, differentiation), what it is built around,
its segment, its structure (platform, joining principles, management norms),
and where it stands on the path build -> structure -> output -> operate ->
replicate. Every function that changes one is one transaction, recorded for
undo, and returns the :class:`~planner.history.Change` it made.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

from planner.errors import NotFound, ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.workspace import Workspace

TABLE = "communities"


class Stage(StrEnum):
    """The path every community walks, in order."""

    BUILD = "build"
    STRUCTURE = "structure"
    OUTPUT = "output"
    OPERATE = "operate"
    REPLICATE = "replicate"

    @property
    def number(self) -> int:
        return list(Stage).index(self) + 1


class Platform(StrEnum):
    WECHAT = "wechat"
    WECOM = "wecom"
    QQ = "qq"
    TELEGRAM = "telegram"
    DISCORD = "discord"
    WHATSAPP = "whatsapp"
    SLACK = "slack"
    DINGTALK = "dingtalk"
    FEISHU = "feishu"
    OTHER = "other"


class BuiltAround(StrEnum):
    """What gathers people: a person, a product, or services around them."""

    UNDECIDED = ""
    SOUL_FIGURE = "soul_figure"
    CORE_PRODUCT = "core_product"
    SOFT_SERVICES = "soft_services"


class SegmentBasis(StrEnum):
    """How the operator divides members into groups by need."""

    UNSET = ""
    PAYMENT_STAGE = "payment_stage"
    PROFESSION = "profession"
    LIFE_STAGE = "life_stage"
    COURSE_COHORT = "course_cohort"
    CITY = "city"
    OTHER = "other"


# Distinct, readable on light and dark backgrounds; new communities take the
# least used one.
PALETTE = (
    "#2f80ed",
    "#eb5757",
    "#27ae60",
    "#f2994a",
    "#9b51e0",
    "#00a3a3",
    "#d6457f",
    "#8d6e3f",
    "#5b6ee1",
    "#c9a100",
    "#4f9d69",
    "#7a7a7a",
)

NAME_MAX = 80
TEXT_MAX = 10_000
MEMBERS_MAX = 10_000_000
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Community:
    """One community as stored, with its sync columns."""

    id: str
    name: str
    platform: Platform
    stage: Stage
    common_interest: str
    value_to_members: str
    differentiation: str
    built_around: BuiltAround
    segment_basis: SegmentBasis
    segment: str
    joining_principles: str
    management_norms: str
    member_count: int
    owner: str
    color: str
    notes: str
    created_at: int
    updated_at: int
    updated_by: str
    deleted: bool

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Community:
        return cls(
            id=row["id"],
            name=row["name"],
            platform=Platform(row["platform"]),
            stage=Stage(row["stage"]),
            common_interest=row["common_interest"],
            value_to_members=row["value_to_members"],
            differentiation=row["differentiation"],
            built_around=BuiltAround(row["built_around"]),
            segment_basis=SegmentBasis(row["segment_basis"]),
            segment=row["segment"],
            joining_principles=row["joining_principles"],
            management_norms=row["management_norms"],
            member_count=int(row["member_count"]),
            owner=row["owner"],
            color=row["color"],
            notes=row["notes"],
            created_at=int(row["created_at"]),
            updated_at=int(row["updated_at"]),
            updated_by=row["updated_by"],
            deleted=bool(row["deleted"]),
        )

    def editable(self) -> dict[str, Any]:
        """The fields a user edits, as a dict for the form or an update."""
        values = asdict(self)
        return {name: values[name] for name in EDITABLE_FIELDS}


EDITABLE_FIELDS: tuple[str, ...] = tuple(
    f.name
    for f in fields(Community)
    if f.name not in ("id", "created_at", "updated_at", "updated_by", "deleted")
)
TEXT_FIELDS = (
    "common_interest",
    "value_to_members",
    "differentiation",
    "segment",
    "joining_principles",
    "management_norms",
    "owner",
    "notes",
)
_ENUMS: dict[str, type[StrEnum]] = {
    "platform": Platform,
    "stage": Stage,
    "built_around": BuiltAround,
    "segment_basis": SegmentBasis,
}
# The enum fields as a message names them ("“x” is not a valid platform.").
_ENUM_WORDS: dict[str, Text] = {
    "platform": QT_TRANSLATE_NOOP("Communities", "platform"),
    "stage": QT_TRANSLATE_NOOP("Communities", "stage"),
    "built_around": QT_TRANSLATE_NOOP("Communities", "built around"),
    "segment_basis": QT_TRANSLATE_NOOP("Communities", "segment basis"),
}


def _clean(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Text]]:
    """Normalize user input; return the clean values and per-field errors."""
    clean: dict[str, Any] = {}
    errors: dict[str, Text] = {}
    for key, value in values.items():
        if key not in EDITABLE_FIELDS:
            raise ValueError(f"unknown community field: {key}")
        if key in _ENUMS:
            try:
                clean[key] = _ENUMS[key](value).value
            except ValueError:
                errors[key] = QT_TRANSLATE_NOOP(
                    "Communities", "“{value}” is not a valid {field}."
                ).format(value=value, field=_ENUM_WORDS[key])
        elif key == "name":
            name = " ".join(str(value).split())
            if not name:
                errors[key] = QT_TRANSLATE_NOOP("Communities", "A community needs a name.")
            elif len(name) > NAME_MAX:
                errors[key] = QT_TRANSLATE_NOOP(
                    "Communities", "The name is too long ({length} characters; at most {limit})."
                ).format(length=len(name), limit=NAME_MAX)
            clean[key] = name
        elif key == "member_count":
            try:
                count = int(value)
            except (TypeError, ValueError):
                errors[key] = QT_TRANSLATE_NOOP(
                    "Communities", "Member count must be a whole number."
                )
                continue
            if not 0 <= count <= MEMBERS_MAX:
                errors[key] = QT_TRANSLATE_NOOP(
                    "Communities", "Member count must be between 0 and {limit}."
                ).format(limit=f"{MEMBERS_MAX:,}")
            clean[key] = count
        elif key == "color":
            color = str(value).strip()
            if not COLOR_RE.match(color):
                errors[key] = QT_TRANSLATE_NOOP("Communities", "Colour must be written as #RRGGBB.")
            clean[key] = color.lower()
        else:
            text = str(value).strip()
            if len(text) > TEXT_MAX:
                errors[key] = QT_TRANSLATE_NOOP(
                    "Communities", "Too long ({length} characters; at most {limit})."
                ).format(length=f"{len(text):,}", limit=f"{TEXT_MAX:,}")
            clean[key] = text
    return clean, errors


def _name_taken(ws: Workspace, name: str, except_id: str | None = None) -> bool:
    key = name.casefold()
    return any(c.name.casefold() == key and c.id != except_id for c in list_communities(ws))


def validate(ws: Workspace, values: dict[str, Any], community_id: str | None = None) -> None:
    """Raise ValidationError (one message per field) if ``values`` break a rule."""
    clean, errors = _clean(values)
    if "name" in clean and "name" not in errors and _name_taken(ws, clean["name"], community_id):
        errors["name"] = QT_TRANSLATE_NOOP(
            "Communities", "Another community is already called “{name}”."
        ).format(name=clean["name"])
    if errors:
        raise ValidationError(errors)


def next_color(ws: Workspace) -> str:
    """The palette colour used by the fewest live communities."""
    used = [c.color for c in list_communities(ws)]
    return min(PALETTE, key=lambda color: (used.count(color), PALETTE.index(color)))


def list_communities(ws: Workspace, *, trash: bool = False) -> list[Community]:
    """Live communities (or those in the trash), sorted by name."""
    rows = ws.db.query(f"SELECT * FROM {TABLE} WHERE deleted = ?", [1 if trash else 0])
    communities = [Community.from_row(r) for r in rows]
    if trash:
        return sorted(communities, key=lambda c: -c.updated_at)
    return sorted(communities, key=lambda c: (c.name.casefold(), c.id))


def get_community(ws: Workspace, community_id: str) -> Community:
    row = ws.get_row(TABLE, community_id)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Communities", "No community with id {id}.").format(id=community_id)
        )
    return Community.from_row(row)


def live_community(ws: Workspace, community_id: str) -> Community:
    """The community with ``community_id``, refusing one in the trash."""
    community = get_community(ws, community_id)
    if community.deleted:
        raise NotFound(
            QT_TRANSLATE_NOOP("Communities", "“{name}” is in the trash; restore it first.").format(
                name=community.name
            )
        )
    return community


def find_community(ws: Workspace, name: str) -> Community:
    """The live community called ``name`` (case-insensitive)."""
    key = " ".join(name.split()).casefold()
    for c in list_communities(ws):
        if c.name.casefold() == key:
            return c
    raise NotFound(
        QT_TRANSLATE_NOOP("Communities", "No community called “{name}” in this workspace.").format(
            name=name
        )
    )


def create_community(
    ws: Workspace, values: dict[str, Any], *, checklist: bool = True
) -> tuple[str, Change]:
    """Create a community from ``values`` (name required); returns its id and the change.

    It gets its stage checklist from the workspace's library in the same edit
    (unless ``checklist`` is False, for a caller that makes its own).
    """
    from planner.checklists import add_library_items  # checklists builds on communities

    draft: dict[str, Any] = {
        "platform": Platform.WECHAT.value,
        "stage": Stage.BUILD.value,
        "member_count": 0,
        "color": next_color(ws),
    }
    draft.update(values)
    draft.setdefault("name", "")
    validate(ws, draft)
    clean, _ = _clean(draft)
    with ws.edit("create_community", clean["name"]) as edit:
        community_id = edit.insert(TABLE, clean)
        if checklist:
            add_library_items(edit, ws, community_id)
    return community_id, edit.change


def update_community(ws: Workspace, community_id: str, values: dict[str, Any]) -> Change:
    """Change some fields of a community; an empty change records nothing."""
    current = get_community(ws, community_id)
    validate(ws, values, community_id)
    clean, _ = _clean(values)
    changed = {k: v for k, v in clean.items() if getattr(current, k) != v}
    if not changed:
        return Change("edit_community", current.name)
    with ws.edit("edit_community", clean.get("name", current.name)) as edit:
        edit.update(TABLE, community_id, changed)
    return edit.change


def delete_community(ws: Workspace, community_id: str) -> Change:
    """Move a community to the trash (a tombstone that can be restored)."""
    current = get_community(ws, community_id)
    if current.deleted:
        raise NotFound(
            QT_TRANSLATE_NOOP("Communities", "“{name}” is already in the trash.").format(
                name=current.name
            )
        )
    with ws.edit("delete_community", current.name) as edit:
        edit.update(TABLE, community_id, {"deleted": 1})
    return edit.change


def restore_community(ws: Workspace, community_id: str) -> Change:
    """Bring a community back from the trash, renaming it if its name was reused."""
    current = get_community(ws, community_id)
    if not current.deleted:
        raise NotFound(
            QT_TRANSLATE_NOOP("Communities", "“{name}” is not in the trash.").format(
                name=current.name
            )
        )
    name = current.name
    n = 2
    while _name_taken(ws, name, community_id):
        name = f"{current.name} ({n})"
        n += 1
    with ws.edit("restore_community", name) as edit:
        edit.update(TABLE, community_id, {"deleted": 0, "name": name})
    return edit.change


def move_to_stage(ws: Workspace, community_id: str, stage: Stage) -> Change:
    """Move a community along the path (the step the app suggests when a stage's
    checklist is done); one undoable edit."""
    current = live_community(ws, community_id)
    if current.stage is stage:
        return Change("move_stage", current.name)
    with ws.edit("move_stage", current.name) as edit:
        edit.update(TABLE, community_id, {"stage": stage.value})
    return edit.change
