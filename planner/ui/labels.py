"""Words the UI shows for the core's enums and actions, marked for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from planner import enum_words
from planner.calendar import EditScope, ItemKind, Status
from planner.checklist_library import Language
from planner.communities import BuiltAround, Platform, SegmentBasis, Stage
from planner.history import Change
from planner.ui.locale_text import ui_text


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def content_language() -> Language:
    """The language built-in content (checklist texts) is shown in: Chinese when
    the UI speaks Chinese, English otherwise."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


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
        EditScope.THIS: _tr("EditScope", "This occurrence"),
        EditScope.FOLLOWING: _tr("EditScope", "This and following occurrences"),
        EditScope.ALL: _tr("EditScope", "All occurrences"),
    }[scope]


def members_text(count: int) -> str:
    """“1 member”, “486 members”, with the locale's digit grouping."""
    number = QLocale().toString(count)
    if count == 1:
        return _tr("Members", "1 member")
    return _tr("Members", "{0} members").format(number)


def action_label(change: Change) -> str:
    """The name of a change as shown after "Undo" / "Redo"."""
    templates = {
        "create_community": _tr("Action", "Create community “{0}”"),
        "edit_community": _tr("Action", "Edit community “{0}”"),
        "delete_community": _tr("Action", "Move “{0}” to the trash"),
        "restore_community": _tr("Action", "Restore “{0}”"),
        "create_item": _tr("Action", "Add “{0}” to the calendar"),
        "edit_item": _tr("Action", "Edit “{0}”"),
        "edit_occurrence": _tr("Action", "Edit one occurrence of “{0}”"),
        "edit_series": _tr("Action", "Edit every occurrence of “{0}”"),
        "edit_following": _tr("Action", "Edit “{0}” from this occurrence on"),
        "delete_item": _tr("Action", "Delete “{0}”"),
        "delete_occurrence": _tr("Action", "Delete one occurrence of “{0}”"),
        "delete_following": _tr("Action", "Delete “{0}” from this occurrence on"),
        "delete_series": _tr("Action", "Delete every occurrence of “{0}”"),
        "import_ics": _tr("Action", "Import the calendar “{0}”"),
        "duplicate_template": _tr("Action", "Duplicate the template “{0}”"),
        "edit_template": _tr("Action", "Edit the template “{0}”"),
        "delete_template": _tr("Action", "Delete the template “{0}”"),
        "tick_checklist_item": _tr("Action", "Tick “{0}”"),
        "untick_checklist_item": _tr("Action", "Untick “{0}”"),
        "edit_checklist_item": _tr("Action", "Edit the checklist item “{0}”"),
        "hide_checklist_item": _tr("Action", "Hide “{0}”"),
        "show_checklist_item": _tr("Action", "Show “{0}” again"),
        "add_checklist_item": _tr("Action", "Add “{0}” to the checklist"),
        "delete_checklist_item": _tr("Action", "Delete the checklist item “{0}”"),
        "move_checklist_item": _tr("Action", "Move “{0}”"),
        "update_checklist": _tr("Action", "Update the checklist of “{0}” from the library"),
        "add_library_item": _tr("Action", "Add “{0}” to the checklist library"),
        "edit_library_item": _tr("Action", "Edit “{0}” in the checklist library"),
        "remove_library_item": _tr("Action", "Remove “{0}” from the checklist library"),
        "restore_library_item": _tr("Action", "Put “{0}” back in the checklist library"),
        "link_template": _tr("Action", "Use the template “{0}”"),
        "unlink_template": _tr("Action", "Stop using the template “{0}”"),
        "replicate_community": _tr("Action", "Replicate as “{0}”"),
        "move_stage": _tr("Action", "Move “{0}” to the next stage"),
        "merge": _tr("Action", "Merge “{0}”"),
        "set_figures": _tr("Action", "Record the figures of “{0}”"),
        "clear_figures": _tr("Action", "Clear figures of “{0}”"),
        "import_figures": _tr("Action", "Import figures into “{0}”"),
        "save_fission_scenario": _tr("Action", "Save the fission plan “{0}”"),
        "edit_fission_scenario": _tr("Action", "Edit the fission plan “{0}”"),
        "delete_fission_scenario": _tr("Action", "Delete the fission plan “{0}”"),
        "link_fission_activity": _tr("Action", "Link the fission plan “{0}” to an activity"),
    }
    template = templates.get(change.action)
    return template.format(change.subject) if template else change.describe()
