"""Words the UI shows for the core's enums and actions, marked for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from planner import enum_words
from planner.calendar import EditScope, ItemKind, Status
from planner.checklists import item_title
from planner.communities import BuiltAround, Platform, SegmentBasis, Stage
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.ui.locale_text import ui_language, ui_text


def stage_label(stage: Stage) -> str:
    return ui_text(enum_words.STAGE[stage.value])


def stage_hint(stage: Stage) -> str:
    return ui_text(enum_words.STAGE_HINT[stage.value])


def platform_label(platform: Platform) -> str:
    return ui_text(enum_words.PLATFORM[platform.value])


def built_around_label(value: BuiltAround) -> str:
    return ui_text(enum_words.BUILT_AROUND[value.value])


def segment_basis_label(value: SegmentBasis) -> str:
    return ui_text(enum_words.SEGMENT_BASIS[value.value])


def kind_label(kind: ItemKind) -> str:
    return ui_text(enum_words.KIND[kind.value])


def item_type_label(item_type: str) -> str:
    """The name of a content type or activity kind."""
    word = enum_words.ITEM_TYPE.get(item_type)
    return ui_text(word) if word is not None else item_type


def item_type_badge(item_type: str) -> str:
    """A short badge for a type, shown on calendar chips."""
    word = enum_words.ITEM_BADGE.get(item_type)
    return ui_text(word) if word is not None else ""


def status_label(status: Status) -> str:
    return ui_text(enum_words.STATUS[status.value])


def metric_label(metric: str) -> str:
    return ui_text(enum_words.METRIC[metric])


def scope_label(scope: EditScope) -> str:
    return {
        EditScope.THIS: QCoreApplication.translate("EditScope", "This occurrence"),
        EditScope.FOLLOWING: QCoreApplication.translate(
            "EditScope", "This and following occurrences"
        ),
        EditScope.ALL: QCoreApplication.translate("EditScope", "All occurrences"),
    }[scope]


def members_text(count: int) -> str:
    """“1 member”, “486 members”, with the locale's digit grouping."""
    number = QLocale().toString(count)
    if count == 1:
        return ui_text(QT_TRANSLATE_NOOP("Members", "1 member"))
    return ui_text(QT_TRANSLATE_NOOP("Members", "{count} members").format(count=number))


# The name of each change, as shown after "Undo" / "Redo".
ACTIONS: dict[str, Text] = {
    "create_community": QT_TRANSLATE_NOOP("Action", "Create community “{subject}”"),
    "edit_community": QT_TRANSLATE_NOOP("Action", "Edit community “{subject}”"),
    "delete_community": QT_TRANSLATE_NOOP("Action", "Move “{subject}” to the trash"),
    "restore_community": QT_TRANSLATE_NOOP("Action", "Restore “{subject}”"),
    "create_item": QT_TRANSLATE_NOOP("Action", "Add “{subject}” to the calendar"),
    "edit_item": QT_TRANSLATE_NOOP("Action", "Edit “{subject}”"),
    "edit_occurrence": QT_TRANSLATE_NOOP("Action", "Edit one occurrence of “{subject}”"),
    "edit_series": QT_TRANSLATE_NOOP("Action", "Edit every occurrence of “{subject}”"),
    "edit_following": QT_TRANSLATE_NOOP("Action", "Edit “{subject}” from this occurrence on"),
    "delete_item": QT_TRANSLATE_NOOP("Action", "Delete “{subject}”"),
    "delete_occurrence": QT_TRANSLATE_NOOP("Action", "Delete one occurrence of “{subject}”"),
    "delete_following": QT_TRANSLATE_NOOP("Action", "Delete “{subject}” from this occurrence on"),
    "delete_series": QT_TRANSLATE_NOOP("Action", "Delete every occurrence of “{subject}”"),
    "import_ics": QT_TRANSLATE_NOOP("Action", "Import the calendar “{subject}”"),
    "duplicate_template": QT_TRANSLATE_NOOP("Action", "Duplicate the template “{subject}”"),
    "edit_template": QT_TRANSLATE_NOOP("Action", "Edit the template “{subject}”"),
    "delete_template": QT_TRANSLATE_NOOP("Action", "Delete the template “{subject}”"),
    "tick_checklist_item": QT_TRANSLATE_NOOP("Action", "Tick “{subject}”"),
    "untick_checklist_item": QT_TRANSLATE_NOOP("Action", "Untick “{subject}”"),
    "edit_checklist_item": QT_TRANSLATE_NOOP("Action", "Edit the checklist item “{subject}”"),
    "hide_checklist_item": QT_TRANSLATE_NOOP("Action", "Hide “{subject}”"),
    "show_checklist_item": QT_TRANSLATE_NOOP("Action", "Show “{subject}” again"),
    "add_checklist_item": QT_TRANSLATE_NOOP("Action", "Add “{subject}” to the checklist"),
    "delete_checklist_item": QT_TRANSLATE_NOOP("Action", "Delete the checklist item “{subject}”"),
    "move_checklist_item": QT_TRANSLATE_NOOP("Action", "Move “{subject}”"),
    "update_checklist": QT_TRANSLATE_NOOP(
        "Action", "Update the checklist of “{subject}” from the library"
    ),
    "add_library_item": QT_TRANSLATE_NOOP("Action", "Add “{subject}” to the checklist library"),
    "edit_library_item": QT_TRANSLATE_NOOP("Action", "Edit “{subject}” in the checklist library"),
    "remove_library_item": QT_TRANSLATE_NOOP(
        "Action", "Remove “{subject}” from the checklist library"
    ),
    "restore_library_item": QT_TRANSLATE_NOOP(
        "Action", "Put “{subject}” back in the checklist library"
    ),
    "link_template": QT_TRANSLATE_NOOP("Action", "Use the template “{subject}”"),
    "unlink_template": QT_TRANSLATE_NOOP("Action", "Stop using the template “{subject}”"),
    "replicate_community": QT_TRANSLATE_NOOP("Action", "Replicate as “{subject}”"),
    "move_stage": QT_TRANSLATE_NOOP("Action", "Move “{subject}” to the next stage"),
    "merge": QT_TRANSLATE_NOOP("Action", "Merge “{subject}”"),
    "set_figures": QT_TRANSLATE_NOOP("Action", "Record the figures of “{subject}”"),
    "clear_figures": QT_TRANSLATE_NOOP("Action", "Clear figures of “{subject}”"),
    "import_figures": QT_TRANSLATE_NOOP("Action", "Import figures into “{subject}”"),
    "save_fission_scenario": QT_TRANSLATE_NOOP("Action", "Save the fission plan “{subject}”"),
    "edit_fission_scenario": QT_TRANSLATE_NOOP("Action", "Edit the fission plan “{subject}”"),
    "delete_fission_scenario": QT_TRANSLATE_NOOP("Action", "Delete the fission plan “{subject}”"),
    "link_fission_activity": QT_TRANSLATE_NOOP(
        "Action", "Link the fission plan “{subject}” to an activity"
    ),
    "create_template": QT_TRANSLATE_NOOP("Action", "Create the template “{subject}”"),
}


# Changes named after the one checklist item they touch.
_ITEM_ACTIONS = {
    "tick_checklist_item",
    "untick_checklist_item",
    "edit_checklist_item",
    "hide_checklist_item",
    "show_checklist_item",
    "delete_checklist_item",
    "move_checklist_item",
}


def action_label(change: Change) -> str:
    """The name of a change as shown after "Undo" / "Redo"."""
    template = ACTIONS.get(change.action)
    subject = change.subject
    rows = [r.after or r.before for r in change.rows if r.table == "checklist_items"]
    if change.action in _ITEM_ACTIONS and rows and rows[0] and rows[0].get("library_key"):
        # A built-in item is named in the language the checklist shows it in.
        subject = item_title(rows[0], ui_language())
    return ui_text(template.format(subject=subject)) if template else ui_text(change.describe())
