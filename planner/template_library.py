"""The template library: built-in templates and the workspace's own.

Built-ins ship in ``planner/templates/`` and are read-only: a poster is an
SVG Jinja file per language (``posters/guest_share.zh.svg.j2``) beside a
TOML file naming it in each language (``posters/guest_share.toml``); a
welcome sequence is one TOML file per language holding its messages and
their send offsets (``welcome/first_24_hours.zh.toml``). "Duplicate to edit"
copies one into the workspace's ``templates`` table, where it travels with
the workspace to teammates (and so is rendered in the sandbox, like any
template). Every change is one undoable edit.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from planner.errors import NotFound, ReadOnlyTemplate, ValidationError
from planner.history import Change
from planner.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Text
from planner.templating import (
    MAX_MESSAGES,
    MAX_SOURCE_BYTES,
    Template,
    TemplateKind,
    WelcomeMessage,
    messages_from_json,
    messages_to_json,
)
from planner.workspace import Workspace

TABLE = "templates"
BUILTIN_DIR = Path(__file__).parent / "templates"
BUILTIN_PREFIX = "builtin:"
NAME_MAX = 80
DESCRIPTION_MAX = 2_000
MAX_OFFSET_MINUTES = 30 * 1440  # a welcome sequence spans its first month at most
EDITABLE = ("name", "description", "language", "body", "messages")

# The built-ins, in the order they are listed.
BUILTIN_POSTERS = ("guest_share", "fission_invite", "paid_camp")
BUILTIN_WELCOMES = ("first_24_hours", "paid_members")
# What `planner welcome` uses when no template is named.
DEFAULT_WELCOME = "first_24_hours"
# The built-in welcome sequences' English names (as in their .en.toml), to name
# one inside a message; the translation is the name in its .zh.toml.
WELCOME_NAMES: dict[str, Text] = {
    "first_24_hours": QT_TRANSLATE_NOOP("TemplateLibrary", "First 24 hours welcome"),
    "paid_members": QT_TRANSLATE_NOOP("TemplateLibrary", "Paid member welcome"),
}


# -- built-ins -----------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def _builtin_posters(folder: Path) -> list[Template]:
    found = []
    for stem in BUILTIN_POSTERS:
        meta = _read_toml(folder / f"{stem}.toml")
        for language in LANGUAGES:
            found.append(
                Template(
                    id=f"{BUILTIN_PREFIX}{stem}.{language}",
                    kind=TemplateKind.POSTER,
                    name=meta[language]["name"],
                    language=language,
                    description=meta[language]["description"],
                    body=(folder / f"{stem}.{language}.svg.j2").read_text(encoding="utf-8"),
                    messages=(),
                    builtin=True,
                )
            )
    return found


def _builtin_welcomes(folder: Path) -> list[Template]:
    found = []
    for stem in BUILTIN_WELCOMES:
        for language in LANGUAGES:
            data = _read_toml(folder / f"{stem}.{language}.toml")
            found.append(
                Template(
                    id=f"{BUILTIN_PREFIX}{stem}.{language}",
                    kind=TemplateKind.WELCOME,
                    name=data["name"],
                    language=language,
                    description=data["description"],
                    body="",
                    messages=tuple(
                        WelcomeMessage(int(m["offset_minutes"]), m["body"].strip())
                        for m in data["messages"]
                    ),
                    builtin=True,
                )
            )
    return found


@functools.cache
def _builtins() -> tuple[Template, ...]:
    return tuple(
        _builtin_posters(BUILTIN_DIR / "posters") + _builtin_welcomes(BUILTIN_DIR / "welcome")
    )


def builtin_templates() -> list[Template]:
    """The templates shipped with the app (read once, then cached)."""
    return list(_builtins())


def builtin_template(stem: str, language: str) -> Template:
    """A built-in by file name and language (``builtin_template("paid_camp", "en")``)."""
    template_id = f"{BUILTIN_PREFIX}{stem}.{language}"
    for template in _builtins():
        if template.id == template_id:
            return template
    raise NotFound(
        QT_TRANSLATE_NOOP(
            "TemplateLibrary", "No built-in template {stem} in language {language}."
        ).format(stem=stem, language=language)
    )


# -- reading -------------------------------------------------------------------------


def _from_row(row: Mapping[str, Any]) -> Template:
    return Template(
        id=row["id"],
        kind=TemplateKind(row["kind"]),
        name=row["name"],
        language=row["language"],
        description=row["description"],
        body=row["body"],
        messages=messages_from_json(row["messages"]),
        builtin=False,
        updated_at=int(row["updated_at"]),
    )


def _workspace_templates(ws: Workspace) -> list[Template]:
    rows = ws.db.query(f"SELECT * FROM {TABLE} WHERE deleted = 0")
    return sorted((_from_row(r) for r in rows), key=lambda t: (t.name.casefold(), t.id))


def list_templates(ws: Workspace, kind: TemplateKind | None = None) -> list[Template]:
    """The built-ins, then the workspace's live templates by name; optionally of one kind."""
    found = builtin_templates() + _workspace_templates(ws)
    return [t for t in found if kind is None or t.kind is kind]


def get_template(ws: Workspace, template_id: str) -> Template:
    """The template with ``template_id`` (a built-in's or a live workspace one's)."""
    if template_id.startswith(BUILTIN_PREFIX):
        for template in _builtins():
            if template.id == template_id:
                return template
        raise NotFound(
            QT_TRANSLATE_NOOP("TemplateLibrary", "No built-in template {name}.").format(
                name=template_id.removeprefix(BUILTIN_PREFIX)
            )
        )
    row = ws.get_row(TABLE, template_id)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("TemplateLibrary", "No template with id {id}.").format(id=template_id)
        )
    if row["deleted"]:
        raise NotFound(
            QT_TRANSLATE_NOOP("TemplateLibrary", "The template “{name}” was deleted.").format(
                name=row["name"]
            )
        )
    return _from_row(row)


def find_template(ws: Workspace, name: str) -> Template:
    """The template called ``name`` (case-insensitive; its id works too).

    A workspace template wins over a built-in of the same name.
    """
    key = " ".join(name.split()).casefold()
    candidates = _workspace_templates(ws) + builtin_templates()
    for template in candidates:
        if template.name.casefold() == key:
            return template
    for template in candidates:
        if template.id == name.strip() or template.id == f"{BUILTIN_PREFIX}{name.strip()}":
            return template
    raise NotFound(
        QT_TRANSLATE_NOOP(
            "TemplateLibrary", "No template called “{name}”. `planner templates` lists them."
        ).format(name=name)
    )


# -- validation ----------------------------------------------------------------------


def _message(value: Any) -> WelcomeMessage:
    if isinstance(value, WelcomeMessage):
        return value
    if isinstance(value, Mapping):
        return WelcomeMessage(int(value["offset_minutes"]), str(value["body"]))
    raise TypeError(f"not a welcome message: {value!r}")


def _name_taken(ws: Workspace, name: str, except_id: str | None) -> bool:
    key = name.casefold()
    return any(
        t.name.casefold() == key and t.id != except_id
        for t in builtin_templates() + _workspace_templates(ws)
    )


def _clean(
    ws: Workspace, kind: TemplateKind, values: Mapping[str, Any], template_id: str | None
) -> dict[str, Any]:
    """The columns to write for ``values``; raises ValidationError (one message per field)."""
    clean: dict[str, Any] = {}
    errors: dict[str, Text] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise ValueError(f"unknown template field: {key}")
        if key == "name":
            name = " ".join(str(value).split())
            if not name:
                errors[key] = QT_TRANSLATE_NOOP("TemplateLibrary", "A template needs a name.")
            elif len(name) > NAME_MAX:
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "The name is too long ({count} characters; at most {most})."
                ).format(count=len(name), most=NAME_MAX)
            elif _name_taken(ws, name, template_id):
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "Another template is already called “{name}”."
                ).format(name=name)
            clean[key] = name
        elif key == "language":
            if value not in LANGUAGES:
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "“{language}” is not a template language (zh or en)."
                ).format(language=value)
            clean[key] = str(value)
        elif key == "description":
            text = str(value).strip()
            if len(text) > DESCRIPTION_MAX:
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "The description is too long (at most {most})."
                ).format(most=f"{DESCRIPTION_MAX:,}")
            clean[key] = text
        elif key == "body":
            body = str(value)
            if kind is TemplateKind.WELCOME and body:
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "A welcome sequence keeps its text in its messages."
                )
            elif len(body.encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES:
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "The template is too large (at most {most} bytes)."
                ).format(most=f"{MAX_SOURCE_BYTES:,}")
            clean[key] = body
        else:  # messages
            messages = [_message(m) for m in value]
            if kind is TemplateKind.POSTER and messages:
                errors[key] = QT_TRANSLATE_NOOP("TemplateLibrary", "A poster has no messages.")
            elif len(messages) > MAX_MESSAGES:
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "Too many messages ({count}; at most {most})."
                ).format(count=len(messages), most=MAX_MESSAGES)
            elif any(not 0 <= m.offset_minutes <= MAX_OFFSET_MINUTES for m in messages):
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "Send offsets go from T+0 to T+30d."
                )
            elif any(
                len(m.body.encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES for m in messages
            ):
                errors[key] = QT_TRANSLATE_NOOP(
                    "TemplateLibrary", "A message is too large (at most {most} bytes)."
                ).format(most=f"{MAX_SOURCE_BYTES:,}")
            # Sent in order of their offsets, so they are kept in that order.
            ordered = sorted(messages, key=lambda m: m.offset_minutes)
            clean[key] = messages_to_json(ordered)
    if errors:
        raise ValidationError(errors)
    return clean


def _copy_name(ws: Workspace, name: str, language: str) -> str:
    n = 1
    while True:
        suffix = (
            ("（副本）" if n == 1 else f"（副本 {n}）")
            if language == "zh"
            else (" (copy)" if n == 1 else f" (copy {n})")
        )
        candidate = name[: NAME_MAX - len(suffix)] + suffix
        if not _name_taken(ws, candidate, None):
            return candidate
        n += 1


# -- changing -------------------------------------------------------------------------


def create_template(
    ws: Workspace, kind: TemplateKind, values: Mapping[str, Any]
) -> tuple[str, Change]:
    """A new workspace template of ``kind`` from ``values`` (name required)."""
    draft: dict[str, Any] = {"language": "zh", "description": "", "body": "", "messages": []}
    draft.update(values)
    draft.setdefault("name", "")
    clean = _clean(ws, kind, draft, None)
    with ws.edit("create_template", clean["name"]) as edit:
        template_id = edit.insert(TABLE, clean | {"kind": kind.value})
    return template_id, edit.change


def duplicate_template(
    ws: Workspace, template_id: str, name: str | None = None
) -> tuple[str, Change]:
    """Copy a template (built-in or not) into the workspace; returns the copy's id."""
    source = get_template(ws, template_id)
    values = {
        "name": name if name is not None else _copy_name(ws, source.name, source.language),
        "language": source.language,
        "description": source.description,
        "body": source.body,
        "messages": source.messages,
    }
    clean = _clean(ws, source.kind, values, None)
    with ws.edit("duplicate_template", clean["name"]) as edit:
        new_id = edit.insert(TABLE, clean | {"kind": source.kind.value})
    return new_id, edit.change


def update_template(ws: Workspace, template_id: str, values: Mapping[str, Any]) -> Change:
    """Change some of a workspace template's fields: name, description, language,
    body, messages (a sequence of WelcomeMessage). Nothing changed records nothing."""
    current = get_template(ws, template_id)
    if current.builtin:
        raise ReadOnlyTemplate(
            QT_TRANSLATE_NOOP(
                "TemplateLibrary", "Built-in templates are read-only; duplicate it to edit."
            )
        )
    clean = _clean(ws, current.kind, values, template_id)
    stored = {
        "name": current.name,
        "description": current.description,
        "language": current.language,
        "body": current.body,
        "messages": messages_to_json(current.messages),
    }
    changed = {k: v for k, v in clean.items() if stored[k] != v}
    if not changed:
        return Change("edit_template", current.name)
    with ws.edit("edit_template", changed.get("name", current.name)) as edit:
        edit.update(TABLE, template_id, changed)
    return edit.change


def delete_template(ws: Workspace, template_id: str) -> Change:
    """Delete a workspace template (a tombstone: undo brings it back)."""
    current = get_template(ws, template_id)
    if current.builtin:
        raise ReadOnlyTemplate(
            QT_TRANSLATE_NOOP(
                "TemplateLibrary", "Built-in templates are part of the app and cannot be deleted."
            )
        )
    with ws.edit("delete_template", current.name) as edit:
        edit.update(TABLE, template_id, {"deleted": 1})
    return edit.change


def default_welcome(language: str) -> Template:
    """The built-in welcome sequence used when none is named."""
    return builtin_template(DEFAULT_WELCOME, language)
