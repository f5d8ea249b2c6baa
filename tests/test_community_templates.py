"""The templates a community uses: link, unlink, undo, deleted templates."""

from __future__ import annotations

import pytest

from planner.communities import create_community
from planner.community_templates import (
    has_welcome,
    link_template,
    linked_templates,
    unlink_template,
)
from planner.errors import NotFound, ValidationError
from planner.template_library import delete_template, duplicate_template
from planner.workspace import Workspace

WELCOME = "builtin:first_24_hours.zh"
POSTER = "builtin:guest_share.zh"


def test_link_unlink_and_undo(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "深夜读书会"})
    assert linked_templates(workspace, community_id) == []
    assert not has_welcome(workspace, community_id)
    link_template(workspace, community_id, POSTER)
    link_id, change = link_template(workspace, community_id, WELCOME)
    assert change.action == "link_template"
    links = linked_templates(workspace, community_id)
    # Welcome sequences come first.
    assert [link.template_ref for link in links] == [WELCOME, POSTER]
    assert has_welcome(workspace, community_id)
    with pytest.raises(ValidationError, match="already uses"):
        link_template(workspace, community_id, WELCOME)
    with pytest.raises(NotFound):
        link_template(workspace, community_id, "builtin:nothing.zh")
    unlink_template(workspace, link_id)
    assert not has_welcome(workspace, community_id)
    with pytest.raises(NotFound):
        unlink_template(workspace, link_id)
    workspace.undo()
    assert has_welcome(workspace, community_id)


def test_a_deleted_template_stays_listed_as_missing(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "A"})
    own, _ = duplicate_template(workspace, WELCOME, "我们的欢迎流程")
    link_template(workspace, community_id, own)
    assert has_welcome(workspace, community_id)
    delete_template(workspace, own)
    (link,) = linked_templates(workspace, community_id)
    assert link.template is None and link.template_ref == own
    assert not has_welcome(workspace, community_id)
    unlink_template(workspace, link.id)
    assert linked_templates(workspace, community_id) == []


def test_link_ids_derive_from_what_they_link(workspace: Workspace) -> None:
    from planner.community_templates import link_id_for

    community_id, _ = create_community(workspace, {"name": "A"})
    link_id, _ = link_template(workspace, community_id, WELCOME)
    assert link_id == link_id_for(community_id, WELCOME)
    # Let go and linked again: the same record, not a second one.
    unlink_template(workspace, link_id)
    again, _ = link_template(workspace, community_id, WELCOME)
    assert again == link_id
    rows = workspace.db.execute("SELECT count(*) FROM community_templates").fetchone()[0]
    assert rows == 1
    workspace.undo()
    assert not has_welcome(workspace, community_id)
