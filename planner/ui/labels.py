"""Words the UI shows for the core's enums and actions, marked for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from planner.communities import BuiltAround, Platform, SegmentBasis, Stage
from planner.history import Change


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


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
    }
    template = templates.get(change.action)
    return template.format(change.subject) if template else change.describe()
