"""Words the UI shows for the core's enums and actions, marked for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from planner.calendar import ActivityType, ContentType, EditScope, ItemKind, Status
from planner.checklist_library import Language
from planner.communities import BuiltAround, Platform, SegmentBasis, Stage
from planner.history import Change


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def content_language() -> Language:
    """The language built-in content (checklist texts) is shown in: Chinese when
    the UI speaks Chinese, English otherwise."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def stage_label(stage: Stage) -> str:
    return {
        Stage.BUILD: _tr("Stage", "Build"),
        Stage.STRUCTURE: _tr("Stage", "Structure"),
        Stage.OUTPUT: _tr("Stage", "Output"),
        Stage.OPERATE: _tr("Stage", "Operate"),
        Stage.REPLICATE: _tr("Stage", "Replicate"),
    }[stage]


def stage_hint(stage: Stage) -> str:
    return {
        Stage.BUILD: _tr("Stage", "Find people who share an interest; write the positioning."),
        Stage.STRUCTURE: _tr("Stage", "Platform, roles, joining principles, group rules."),
        Stage.OUTPUT: _tr("Stage", "A regular content rhythm that makes people stay."),
        Stage.OPERATE: _tr("Stage", "Activities with goals and results; welcome newcomers."),
        Stage.REPLICATE: _tr("Stage", "Write the playbook down and clone what works."),
    }[stage]


def platform_label(platform: Platform) -> str:
    names = {
        Platform.WECHAT: _tr("Platform", "WeChat"),
        Platform.WECOM: _tr("Platform", "WeCom"),
        Platform.QQ: _tr("Platform", "QQ"),
        Platform.TELEGRAM: _tr("Platform", "Telegram"),
        Platform.DISCORD: _tr("Platform", "Discord"),
        Platform.WHATSAPP: _tr("Platform", "WhatsApp"),
        Platform.SLACK: _tr("Platform", "Slack"),
        Platform.DINGTALK: _tr("Platform", "DingTalk"),
        Platform.FEISHU: _tr("Platform", "Feishu / Lark"),
        Platform.OTHER: _tr("Platform", "Other"),
    }
    return names[platform]


def built_around_label(value: BuiltAround) -> str:
    return {
        BuiltAround.UNDECIDED: _tr("BuiltAround", "Not decided yet"),
        BuiltAround.SOUL_FIGURE: _tr("BuiltAround", "A soul figure"),
        BuiltAround.CORE_PRODUCT: _tr("BuiltAround", "A core product"),
        BuiltAround.SOFT_SERVICES: _tr("BuiltAround", "Soft services"),
    }[value]


def segment_basis_label(value: SegmentBasis) -> str:
    return {
        SegmentBasis.UNSET: _tr("SegmentBasis", "Not set"),
        SegmentBasis.PAYMENT_STAGE: _tr("SegmentBasis", "Payment stage"),
        SegmentBasis.PROFESSION: _tr("SegmentBasis", "Identity or profession"),
        SegmentBasis.LIFE_STAGE: _tr("SegmentBasis", "Life stage (e.g. school grade)"),
        SegmentBasis.COURSE_COHORT: _tr("SegmentBasis", "Course cohort"),
        SegmentBasis.CITY: _tr("SegmentBasis", "City or region"),
        SegmentBasis.OTHER: _tr("SegmentBasis", "Other"),
    }[value]


def kind_label(kind: ItemKind) -> str:
    return {
        ItemKind.CONTENT: _tr("ItemKind", "Content"),
        ItemKind.ACTIVITY: _tr("ItemKind", "Activity"),
    }[kind]


def item_type_label(item_type: str) -> str:
    """The name of a content type or activity kind."""
    names: dict[str, str] = {
        ContentType.MORNING_DIGEST: _tr("ItemType", "Morning digest"),
        ContentType.ARTICLE: _tr("ItemType", "Article recommendation"),
        ContentType.TOPIC_DISCUSSION: _tr("ItemType", "Topic discussion"),
        ContentType.CURRENT_AFFAIRS: _tr("ItemType", "Current affairs"),
        ContentType.LIVE_CLASS: _tr("ItemType", "Live class"),
        ContentType.GUEST_SHARE: _tr("ItemType", "Guest share"),
        ContentType.LEARNING_MATERIAL: _tr("ItemType", "Learning material (bait)"),
        ContentType.OTHER: _tr("ItemType", "Other content"),
        ActivityType.BRAND: _tr("ItemType", "Brand activity"),
        ActivityType.MEMBER: _tr("ItemType", "Member activity"),
        ActivityType.SHARING: _tr("ItemType", "Sharing activity"),
        ActivityType.PAID: _tr("ItemType", "Paid activity"),
    }
    return names.get(item_type, item_type)


def item_type_badge(item_type: str) -> str:
    """A short badge for a type, shown on calendar chips."""
    badges: dict[str, str] = {
        ContentType.MORNING_DIGEST: _tr("ItemBadge", "Digest"),
        ContentType.ARTICLE: _tr("ItemBadge", "Article"),
        ContentType.TOPIC_DISCUSSION: _tr("ItemBadge", "Topic"),
        ContentType.CURRENT_AFFAIRS: _tr("ItemBadge", "News"),
        ContentType.LIVE_CLASS: _tr("ItemBadge", "Live"),
        ContentType.GUEST_SHARE: _tr("ItemBadge", "Guest"),
        ContentType.LEARNING_MATERIAL: _tr("ItemBadge", "Bait"),
        ContentType.OTHER: _tr("ItemBadge", "Post"),
        ActivityType.BRAND: _tr("ItemBadge", "Brand"),
        ActivityType.MEMBER: _tr("ItemBadge", "Member"),
        ActivityType.SHARING: _tr("ItemBadge", "Sharing"),
        ActivityType.PAID: _tr("ItemBadge", "Paid"),
    }
    return badges.get(item_type, "")


def status_label(status: Status) -> str:
    return {
        Status.IDEA: _tr("Status", "Idea"),
        Status.PLANNED: _tr("Status", "Planned"),
        Status.READY: _tr("Status", "Ready"),
        Status.DONE: _tr("Status", "Done"),
        Status.CANCELLED: _tr("Status", "Cancelled"),
    }[status]


def metric_label(metric: str) -> str:
    return {
        "participants": _tr("Metric", "Participants"),
        "new_members": _tr("Metric", "New members"),
        "shares": _tr("Metric", "Shares"),
        "conversions": _tr("Metric", "Conversions"),
        "revenue": _tr("Metric", "Revenue"),
        "cost": _tr("Metric", "Cost"),
    }[metric]


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
