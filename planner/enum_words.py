"""The words for the core's enum values, marked for translation once.

The app's labels (:mod:`planner.ui.labels`), the posters' and welcome
messages' labels and the weekly PDF (:data:`planner.template_context.LABELS`)
take their Chinese from these same entries of the translation catalogue, so
a stage or an activity type is called the same everywhere.
"""

from __future__ import annotations

from planner.i18n import QT_TRANSLATE_NOOP, Text

STAGE: dict[str, Text] = {
    "build": QT_TRANSLATE_NOOP("Stage", "Build"),
    "structure": QT_TRANSLATE_NOOP("Stage", "Structure"),
    "output": QT_TRANSLATE_NOOP("Stage", "Output"),
    "operate": QT_TRANSLATE_NOOP("Stage", "Operate"),
    "replicate": QT_TRANSLATE_NOOP("Stage", "Replicate"),
}

STAGE_HINT: dict[str, Text] = {
    "build": QT_TRANSLATE_NOOP(
        "Stage", "Find people who share an interest; write the positioning."
    ),
    "structure": QT_TRANSLATE_NOOP("Stage", "Platform, roles, joining principles, group rules."),
    "output": QT_TRANSLATE_NOOP("Stage", "A regular content rhythm that makes people stay."),
    "operate": QT_TRANSLATE_NOOP("Stage", "Activities with goals and results; welcome newcomers."),
    "replicate": QT_TRANSLATE_NOOP("Stage", "Write the playbook down and clone what works."),
}

PLATFORM: dict[str, Text] = {
    "wechat": QT_TRANSLATE_NOOP("Platform", "WeChat"),
    "wecom": QT_TRANSLATE_NOOP("Platform", "WeCom"),
    "qq": QT_TRANSLATE_NOOP("Platform", "QQ"),
    "telegram": QT_TRANSLATE_NOOP("Platform", "Telegram"),
    "discord": QT_TRANSLATE_NOOP("Platform", "Discord"),
    "whatsapp": QT_TRANSLATE_NOOP("Platform", "WhatsApp"),
    "slack": QT_TRANSLATE_NOOP("Platform", "Slack"),
    "dingtalk": QT_TRANSLATE_NOOP("Platform", "DingTalk"),
    "feishu": QT_TRANSLATE_NOOP("Platform", "Feishu / Lark"),
    "other": QT_TRANSLATE_NOOP("Platform", "Other"),
}

BUILT_AROUND: dict[str, Text] = {
    "": QT_TRANSLATE_NOOP("BuiltAround", "Not decided yet"),
    "soul_figure": QT_TRANSLATE_NOOP("BuiltAround", "A soul figure"),
    "core_product": QT_TRANSLATE_NOOP("BuiltAround", "A core product"),
    "soft_services": QT_TRANSLATE_NOOP("BuiltAround", "Soft services"),
}

SEGMENT_BASIS: dict[str, Text] = {
    "": QT_TRANSLATE_NOOP("SegmentBasis", "Not set"),
    "payment_stage": QT_TRANSLATE_NOOP("SegmentBasis", "Payment stage"),
    "profession": QT_TRANSLATE_NOOP("SegmentBasis", "Identity or profession"),
    "life_stage": QT_TRANSLATE_NOOP("SegmentBasis", "Life stage (e.g. school grade)"),
    "course_cohort": QT_TRANSLATE_NOOP("SegmentBasis", "Course cohort"),
    "city": QT_TRANSLATE_NOOP("SegmentBasis", "City or region"),
    "other": QT_TRANSLATE_NOOP("SegmentBasis", "Other"),
}

KIND: dict[str, Text] = {
    "content": QT_TRANSLATE_NOOP("ItemKind", "Content"),
    "activity": QT_TRANSLATE_NOOP("ItemKind", "Activity"),
}

ITEM_TYPE: dict[str, Text] = {
    "morning_digest": QT_TRANSLATE_NOOP("ItemType", "Morning digest"),
    "article": QT_TRANSLATE_NOOP("ItemType", "Article recommendation"),
    "topic_discussion": QT_TRANSLATE_NOOP("ItemType", "Topic discussion"),
    "current_affairs": QT_TRANSLATE_NOOP("ItemType", "Current affairs"),
    "live_class": QT_TRANSLATE_NOOP("ItemType", "Live class"),
    "guest_share": QT_TRANSLATE_NOOP("ItemType", "Guest share"),
    "learning_material": QT_TRANSLATE_NOOP("ItemType", "Learning material (bait)"),
    "other": QT_TRANSLATE_NOOP("ItemType", "Other content"),
    "brand": QT_TRANSLATE_NOOP("ItemType", "Brand activity"),
    "member": QT_TRANSLATE_NOOP("ItemType", "Member activity"),
    "sharing": QT_TRANSLATE_NOOP("ItemType", "Sharing activity"),
    "paid": QT_TRANSLATE_NOOP("ItemType", "Paid activity"),
}

ITEM_BADGE: dict[str, Text] = {
    "morning_digest": QT_TRANSLATE_NOOP("ItemBadge", "Digest"),
    "article": QT_TRANSLATE_NOOP("ItemBadge", "Article"),
    "topic_discussion": QT_TRANSLATE_NOOP("ItemBadge", "Topic"),
    "current_affairs": QT_TRANSLATE_NOOP("ItemBadge", "News"),
    "live_class": QT_TRANSLATE_NOOP("ItemBadge", "Live"),
    "guest_share": QT_TRANSLATE_NOOP("ItemBadge", "Guest"),
    "learning_material": QT_TRANSLATE_NOOP("ItemBadge", "Bait"),
    "other": QT_TRANSLATE_NOOP("ItemBadge", "Post"),
    "brand": QT_TRANSLATE_NOOP("ItemBadge", "Brand"),
    "member": QT_TRANSLATE_NOOP("ItemBadge", "Member"),
    "sharing": QT_TRANSLATE_NOOP("ItemBadge", "Sharing"),
    "paid": QT_TRANSLATE_NOOP("ItemBadge", "Paid"),
}

STATUS: dict[str, Text] = {
    "idea": QT_TRANSLATE_NOOP("Status", "Idea"),
    "planned": QT_TRANSLATE_NOOP("Status", "Planned"),
    "ready": QT_TRANSLATE_NOOP("Status", "Ready"),
    "done": QT_TRANSLATE_NOOP("Status", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Status", "Cancelled"),
}

METRIC: dict[str, Text] = {
    "participants": QT_TRANSLATE_NOOP("Metric", "Participants"),
    "new_members": QT_TRANSLATE_NOOP("Metric", "New members"),
    "shares": QT_TRANSLATE_NOOP("Metric", "Shares"),
    "conversions": QT_TRANSLATE_NOOP("Metric", "Conversions"),
    "revenue": QT_TRANSLATE_NOOP("Metric", "Revenue"),
    "cost": QT_TRANSLATE_NOOP("Metric", "Cost"),
}

# The groups of :data:`planner.template_context.LABELS`, by its names.
GROUPS: dict[str, dict[str, Text]] = {
    "platform": PLATFORM,
    "stage": STAGE,
    "built_around": BUILT_AROUND,
    "segment_basis": SEGMENT_BASIS,
    "kind": KIND,
    "item_type": ITEM_TYPE,
    "status": STATUS,
    "metric": METRIC,
}
