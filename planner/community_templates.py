"""The templates a community uses: its welcome sequence, its posters.

A link names a template by id: a workspace template's, or a built-in's
(``builtin:first_24_hours.zh``). Replicating a community copies its links
(:mod:`planner.replicate`), and a community with no welcome sequence linked
lacks its first-24-hours plan. Every change is one undoable edit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from planner.checklist_library import NAMESPACE
from planner.communities import live_community
from planner.errors import NotFound, ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP
from planner.template_library import get_template
from planner.templating import Template, TemplateKind
from planner.workspace import Workspace

TABLE = "community_templates"


@dataclass(frozen=True)
class TemplateLink:
    """A community's link to a template; ``template`` is None if it was deleted."""

    id: str
    community_id: str
    template_ref: str
    template: Template | None


def linked_templates(ws: Workspace, community_id: str) -> list[TemplateLink]:
    """A community's templates: welcome sequences first, then posters, by name."""
    rows = ws.db.query(
        f"SELECT * FROM {TABLE} WHERE community_id = ? AND deleted = 0", [community_id]
    )
    links: list[TemplateLink] = []
    for row in rows:
        try:
            template: Template | None = get_template(ws, row["template_ref"])
        except NotFound:
            template = None
        links.append(TemplateLink(row["id"], community_id, row["template_ref"], template))

    def order(link: TemplateLink) -> tuple[int, str, str]:
        if link.template is None:
            return (2, "", link.id)
        kind = 0 if link.template.kind is TemplateKind.WELCOME else 1
        return (kind, link.template.name.casefold(), link.id)

    return sorted(links, key=order)


def has_welcome(ws: Workspace, community_id: str) -> bool:
    """True when the community uses a welcome sequence that still exists."""
    return any(
        link.template is not None and link.template.kind is TemplateKind.WELCOME
        for link in linked_templates(ws, community_id)
    )


def link_template(ws: Workspace, community_id: str, template_id: str) -> tuple[str, Change]:
    """Let a community use a template; returns the link's id."""
    community = live_community(ws, community_id)
    template = get_template(ws, template_id)
    if any(link.template_ref == template.id for link in linked_templates(ws, community_id)):
        raise ValidationError(
            {
                "template": QT_TRANSLATE_NOOP(
                    "CommunityTemplates", "“{community}” already uses “{template}”."
                ).format(community=community.name, template=template.name)
            }
        )
    link_id = link_id_for(community_id, template.id)
    stored = ws.get_row(TABLE, link_id)
    with ws.edit("link_template", template.name) as edit:
        if stored is None:
            edit.insert(
                TABLE, {"id": link_id, "community_id": community_id, "template_ref": template.id}
            )
        else:  # linked before and let go: the same record comes back
            edit.update(TABLE, link_id, {"deleted": 0})
    return link_id, edit.change


def link_id_for(community_id: str, template_ref: str) -> str:
    """A link's id, derived from what it links, so that two copies of a workspace
    that link the same template to the same community agree on the record."""
    return str(uuid.uuid5(NAMESPACE, f"link/{community_id}/{template_ref}"))


def unlink_template(ws: Workspace, link_id: str) -> Change:
    """Stop a community using a template (the template itself stays)."""
    row = ws.get_row(TABLE, link_id)
    if row is None or row["deleted"]:
        raise NotFound(
            QT_TRANSLATE_NOOP("CommunityTemplates", "That template is no longer linked.")
        )
    try:
        name = get_template(ws, row["template_ref"]).name
    except NotFound:
        name = row["template_ref"]
    with ws.edit("unlink_template", name) as edit:
        edit.update(TABLE, link_id, {"deleted": 1})
    return edit.change
