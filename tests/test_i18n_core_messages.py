"""The core's own messages are translatable: errors, validation, undo, merges, imports.

Each message below is made by the real code (opening a file, a form that
breaks a rule, an undo, a merge, an iCalendar import): it is a
:class:`~planner.i18n.Text` whose English is what the CLI has always printed,
and which the catalogue (``planner_zh_CN.ts``, the one the app and ``say``
read) turns into Chinese with every value filled in, the parts of a message
(a field's name, the reason an event was refused) translated too.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from planner.communities import create_community, get_community
from planner.errors import (
    Cancelled,
    NewerSchema,
    NotFound,
    NothingToUndo,
    PlannerError,
    ValidationError,
)
from planner.i18n import QT_TRANSLATE_NOOP, Text, say
from planner.ics import IcsError, import_ics
from planner.merge import Conflict, MergePlan, Take
from planner.merge_file import summary_line
from planner.paths import AppPaths
from planner.recurrence import Recurrence, RecurrenceError
from planner.schema import SCHEMA_VERSION
from planner.workspace import Workspace, create_workspace, open_workspace

DEVICE = "00000000-0000-4000-8000-000000000001"
HAN = re.compile(r"[\u4e00-\u9fff]")


def chinese(text: object, english: str) -> str:
    """``text`` is a Text reading ``english``; returns its Chinese, checked to be Chinese."""
    assert isinstance(text, Text)
    assert str(text) == english
    said = say(text, "zh")
    assert said != english and HAN.search(said), f"not translated: {english!r}"
    assert say(text, "en") == english
    return said


def test_a_record_not_found_is_said_in_chinese(workspace: Workspace) -> None:
    with pytest.raises(NotFound) as caught:
        get_community(workspace, "no-such-id")
    error = caught.value
    assert str(error) == "No community with id no-such-id."
    assert "no-such-id" in chinese(error.message, "No community with id no-such-id.")


def test_a_form_that_breaks_rules_names_each_field_in_chinese(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        create_community(workspace, {"name": "", "built_around": "a guru"})
    fields = caught.value.fields
    assert str(caught.value) == "A community needs a name."
    chinese(fields["name"], "A community needs a name.")
    said = chinese(fields["built_around"], "“a guru” is not a valid built around.")
    # The field's own name is translated inside the message.
    field_word = say(QT_TRANSLATE_NOOP("Communities", "built around"), "zh")
    assert field_word != "built around" and field_word in said
    assert "a guru" in said


def test_a_workspace_from_a_newer_version_is_refused_in_chinese(
    tmp_path: Path, paths: AppPaths
) -> None:
    path = tmp_path / "newer.cplan"
    create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchema) as caught:
        open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
    english = (
        f"{path}: this workspace was made by a newer version of Community Planner "
        f"(schema {SCHEMA_VERSION + 5}); this version reads up to schema {SCHEMA_VERSION}. "
        "Update Community Planner to open it."
    )
    assert str(caught.value) == english
    said = chinese(caught.value.message, english)
    assert str(path) in said
    assert str(SCHEMA_VERSION + 5) in said and str(SCHEMA_VERSION) in said


def test_nothing_to_undo_is_said_in_chinese(workspace: Workspace) -> None:
    with pytest.raises(NothingToUndo) as caught:
        workspace.undo()
    chinese(caught.value.message, "There is nothing to undo.")
    assert isinstance(Cancelled().message, Text)
    chinese(Cancelled().message, "Cancelled; nothing was changed.")


def test_a_refused_event_names_it_and_says_why_in_chinese(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "读书会"})
    data = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Test//EN",
            "BEGIN:VEVENT",
            "UID:camp-1",
            "SUMMARY:夏令营",
            "DTSTART:20251101T090000Z",
            "DTEND:20251215T090000Z",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()
    with pytest.raises(IcsError) as caught:
        import_ics(workspace, data, community_id=community_id, default_tz="UTC", source="camp.ics")
    reason = "An item can last at most 31 days; plan a longer programme as a series."
    english = (
        f"camp.ics: cannot import the event “夏令营” (2025-11-01): {reason} Nothing was imported."
    )
    assert str(caught.value) == english
    said = chinese(caught.value.message, english)
    # The calendar's own sentence is translated inside the import's.
    inner = say(
        QT_TRANSLATE_NOOP(
            "Calendar",
            "An item can last at most {days} days; plan a longer programme as a series.",
        ).format(days=31),
        "zh",
    )
    assert inner != reason and inner in said
    assert said.startswith("camp.ics") and "夏令营" in said and "2025-11-01" in said


def test_a_rule_that_cannot_be_read_keeps_its_message_as_text() -> None:
    with pytest.raises(RecurrenceError) as caught:
        Recurrence.parse("FREQ=YEARLY")
    english = "Repeating “YEARLY” is not supported; use daily, weekly or monthly."
    assert str(caught.value) == english
    chinese(caught.value.message, english)


def test_a_repeat_rule_is_described_in_chinese() -> None:
    rule = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10")
    words = rule.describe()
    said = chinese(words, "Every 2 weeks on Monday, Wednesday, 10 times")
    assert not re.search(r"[A-Za-z]", said)
    monthly = Recurrence.parse("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231")
    said = chinese(monthly.describe(), "Every month on the last Friday, until 2026-12-31")
    assert "2026-12-31" in said


def test_a_merge_summary_is_one_line_in_either_language() -> None:
    row = {"id": "c1", "name": "读书会"}
    plan = MergePlan(
        source=Path("teammate.cplan"),
        digest="",
        takes=[
            Take("communities", "a", "added", None, row),
            Take("communities", "b", "added", None, row),
            Take("communities", "c", "updated", row, row),
        ],
        conflicts=[
            Conflict("communities", "d", row, row, ("name",)),
            Conflict("communities", "e", row, row, ("name",)),
        ],
    )
    said = chinese(summary_line(plan), "2 added, 1 changed, 2 conflicts")
    assert ", " not in said
    chinese(summary_line(plan, resolved=True), "2 added, 1 changed, 2 conflicts resolved")
    chinese(summary_line(MergePlan(Path("x.cplan"), "")), "nothing new")


def test_every_planner_error_of_the_core_carries_text() -> None:
    """The message of an error is the Text it was made with, not a copy."""
    message = QT_TRANSLATE_NOOP("Errors", "{path}: no such file.").format(path="a.cplan")
    error = PlannerError(message)
    assert error.message is message
    assert isinstance(str(error), Text)
