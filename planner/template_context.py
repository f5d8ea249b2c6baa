"""What a poster or welcome template can use: the documented render context.

:class:`RenderContext` holds plain values (dicts of strings, numbers and
dates), never live objects, so a template sees data and nothing it could
call into. Enum values come with their label in the template's language
(``community.platform_label`` is "微信" in Chinese, "WeChat" in English), and
a calendar item's times come preformatted (``item.start_text``).
:data:`CONTEXT_DOCS` lists everything for the editor's side panel.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.calendar import (
    TYPES_BY_KIND,
    CalendarFilter,
    CalendarItem,
    Occurrence,
    Status,
    find_occurrence,
    occurrences_between,
)
from planner.communities import Community, get_community
from planner.enum_words import GROUPS
from planner.errors import NotFound
from planner.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Translated
from planner.sample_communities import sample_communities
from planner.workspace import Workspace

UPCOMING_DAYS = 14
UPCOMING_MAX = 5

# The words for the core's enum values, in each template language: the
# English written for posters here, the Chinese from the translation catalogue
# (the app's own words for them, :mod:`planner.enum_words`).
LABELS: dict[str, dict[str, Mapping[str, str]]] = {
    "platform": {
        "en": {
            "wechat": "WeChat",
            "wecom": "WeCom",
            "qq": "QQ",
            "telegram": "Telegram",
            "discord": "Discord",
            "whatsapp": "WhatsApp",
            "slack": "Slack",
            "dingtalk": "DingTalk",
            "feishu": "Feishu / Lark",
            "other": "Other",
        },
    },
    "stage": {
        "en": {
            "build": "Build",
            "structure": "Structure",
            "output": "Output",
            "operate": "Operate",
            "replicate": "Replicate",
        },
    },
    "built_around": {
        "en": {
            "": "Not decided yet",
            "soul_figure": "A soul figure",
            "core_product": "A core product",
            "soft_services": "Soft services",
        },
    },
    "segment_basis": {
        "en": {
            "": "Not set",
            "payment_stage": "Payment stage",
            "profession": "Identity or profession",
            "life_stage": "Life stage",
            "course_cohort": "Course cohort",
            "city": "City or region",
            "other": "Other",
        },
    },
    "kind": {
        "en": {"content": "Content", "activity": "Activity"},
    },
    "item_type": {
        "en": {
            "morning_digest": "Morning digest",
            "article": "Article recommendation",
            "topic_discussion": "Topic discussion",
            "current_affairs": "Current affairs",
            "live_class": "Live class",
            "guest_share": "Guest share",
            "learning_material": "Learning material",
            "other": "Content",
            "brand": "Brand activity",
            "member": "Member activity",
            "sharing": "Sharing session",
            "paid": "Paid activity",
        },
    },
    "status": {
        "en": {
            "idea": "Idea",
            "planned": "Planned",
            "ready": "Ready",
            "done": "Done",
            "cancelled": "Cancelled",
        },
    },
    # An activity's goals and results (planned_* / actual_* on a calendar item).
    "metric": {
        "en": {
            "participants": "Participants",
            "new_members": "New members",
            "shares": "Shares",
            "conversions": "Conversions",
            "revenue": "Revenue",
            "cost": "Cost",
        },
    },
}


for _group, _words in GROUPS.items():
    LABELS[_group]["zh"] = Translated(_words, "zh")

_WEEKDAYS = {
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_URL = re.compile(r"https?://[^\s<>\"'，。；）)】」]+", re.IGNORECASE)


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown template language: {language!r} (use 'zh' or 'en')")
    return language


def label(group: str, value: str, language: str) -> str:
    """The word for an enum value (``label("platform", "wechat", "zh")`` is "微信")."""
    return LABELS[group][check_language(language)].get(value, value)


# -- dates and times ---------------------------------------------------------------


def format_date(value: date, language: str, *, weekday: bool = True) -> str:
    """ "11月25日（周三）" or "Wed 25 Nov" (without the weekday: "11月25日", "25 Nov")."""
    day = value.date() if isinstance(value, datetime) else value
    name = _WEEKDAYS[check_language(language)][day.weekday()]
    if language == "zh":
        text = f"{day.month}月{day.day}日"
        return f"{text}（{name}）" if weekday else text
    text = f"{day.day} {_MONTHS_EN[day.month - 1]}"
    return f"{name} {text}" if weekday else text


def format_clock(value: datetime) -> str:
    """ "20:00" (24-hour clock, understood in both languages)."""
    return f"{value.hour:02d}:{value.minute:02d}"


def _zone_text(moment: datetime, tz: str) -> str:
    """ "GMT+8" for Asia/Shanghai at ``moment`` (local wall-clock time)."""
    try:
        offset = moment.replace(tzinfo=ZoneInfo(tz)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"GMT{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _times(start: datetime, end: datetime, all_day: bool, language: str) -> dict[str, str]:
    """The preformatted time texts of an item: date_text, time_text, start_text."""
    last_day = (end - timedelta(days=1)).date() if all_day else end.date()
    if last_day > start.date():
        date_text = f"{format_date(start, language)} – {format_date(last_day, language)}"
    else:
        date_text = format_date(start, language)
    if all_day:
        time_text = "全天" if language == "zh" else "All day"
        start_text = format_date(start, language)
    else:
        time_text = f"{format_clock(start)}–{format_clock(end)}"
        if end.date() != start.date():
            time_text = format_clock(start)
        start_text = f"{format_date(start, language)} {format_clock(start)}"
    return {"date_text": date_text, "time_text": time_text, "start_text": start_text}


# -- the context ------------------------------------------------------------------


@dataclass(frozen=True)
class RenderContext:
    """Everything a template sees besides the helper functions.

    Attributes:
        community: every community field, with ``*_label`` words for enums.
        item: the calendar item's fields when made from an item, else None.
        operator: who sends or posts it (the operator's name).
        today: the day it is made.
        language: "zh" or "en": the language of labels and dates.
        join_link: what the QR code carries (a link, or how to join).
        upcoming: the community's next activities (first of each series).
    """

    community: dict[str, Any]
    item: dict[str, Any] | None
    operator: str
    today: date
    language: str
    join_link: str = ""
    upcoming: tuple[dict[str, Any], ...] = field(default=())


def community_fields(community: Community, language: str) -> dict[str, Any]:
    """A community as the template sees it."""
    values = community.editable()
    values = {k: (v.value if hasattr(v, "value") else v) for k, v in values.items()}
    values["id"] = community.id
    values["stage_number"] = community.stage.number
    for group in ("platform", "stage", "built_around", "segment_basis"):
        values[f"{group}_label"] = label(group, values[group], language)
    return values


def item_fields(occ: Occurrence, language: str) -> dict[str, Any]:
    """A calendar occurrence as the template sees it."""
    item: CalendarItem = occ.item
    values: dict[str, Any] = {
        "id": (occ.series or item).id,
        "title": item.title,
        "kind": item.kind.value,
        "kind_label": label("kind", item.kind.value, language),
        "item_type": item.item_type,
        "item_type_label": label("item_type", item.item_type, language),
        "status": item.status.value,
        "status_label": label("status", item.status.value, language),
        "start": occ.start,
        "end": occ.end,
        "all_day": item.all_day,
        "tz": item.tz,
        "tz_text": _zone_text(occ.start, item.tz),
        "speaker": item.speaker,
        "location": item.location,
        "description": item.description,
        "owner": item.owner,
        "recurring": occ.is_recurring,
        "goals": dict(item.goals),
    }
    values.update(_times(occ.start, occ.end, item.all_day, language))
    return values


def with_language(ctx: RenderContext, language: str) -> RenderContext:
    """``ctx`` with its labels and date texts in ``language`` (the same values)."""
    if ctx.language == check_language(language):
        return ctx
    community = dict(ctx.community)
    for group in ("platform", "stage", "built_around", "segment_basis"):
        if group in community:
            community[f"{group}_label"] = label(group, community[group], language)

    def relabel(item: dict[str, Any]) -> dict[str, Any]:
        item = dict(item)
        for group in ("kind", "item_type", "status"):
            if group in item:
                item[f"{group}_label"] = label(group, item[group], language)
        if isinstance(item.get("start"), datetime) and isinstance(item.get("end"), datetime):
            item.update(_times(item["start"], item["end"], bool(item.get("all_day")), language))
        return item

    item = relabel(ctx.item) if ctx.item is not None else None
    default_link = default_join_link(ctx.community, ctx.item, ctx.operator, ctx.language)
    return replace(
        ctx,
        community=community,
        item=item,
        language=language,
        join_link=(
            default_join_link(community, item, ctx.operator, language)
            if ctx.join_link == default_link
            else ctx.join_link
        ),
        upcoming=tuple(relabel(u) for u in ctx.upcoming),
    )


def find_link(*texts: str) -> str:
    """The first web address found in ``texts``, or ""."""
    for text in texts:
        match = _URL.search(text or "")
        if match:
            return match.group(0).rstrip(".,;:!?")
    return ""


def default_join_link(
    community: dict[str, Any], item: dict[str, Any] | None, operator: str, language: str
) -> str:
    """What a poster's QR carries when no link was given.

    A web address in the item's location or description or in the
    community's joining principles or notes; otherwise a sentence telling
    people whom to add, which any phone scanner shows as text.
    """
    texts = [item.get("location", ""), item.get("description", "")] if item else []
    texts += [community.get("joining_principles", ""), community.get("notes", "")]
    link = find_link(*texts)
    if link:
        return link
    name = community.get("name", "")
    who = community.get("owner", "") or operator
    if language == "zh":
        return f"加入「{name}」：添加群主 {who}，备注“入群”。" if who else f"加入「{name}」"
    if who:
        return f"Join “{name}”: message {who} and say you'd like to join."
    return f"Join “{name}”."


def _next_occurrence(ws: Workspace, item_id: str, today: date) -> Occurrence:
    """A series' next occurrence from ``today`` (its first one if none is ahead)."""
    occ = find_occurrence(ws, (item_id, ""))
    if not occ.item.is_series:
        return occ
    start = datetime.combine(today, datetime.min.time())
    for ahead in occurrences_between(
        ws,
        start,
        start + timedelta(days=400),
        CalendarFilter(community_ids=frozenset({occ.item.community_id})),
    ):
        if ahead.series is not None and ahead.series.id == item_id:
            return ahead
    return occ


def upcoming_items(
    ws: Workspace, community_id: str, today: date, language: str
) -> tuple[dict[str, Any], ...]:
    """The community's next activities: the first occurrence of each item or series."""
    start = datetime.combine(today, datetime.min.time())
    seen: set[str] = set()
    found: list[dict[str, Any]] = []
    for occ in occurrences_between(
        ws,
        start,
        start + timedelta(days=UPCOMING_DAYS),
        CalendarFilter(community_ids=frozenset({community_id})),
    ):
        key = (occ.series or occ.item).id
        if key in seen or occ.item.status is Status.CANCELLED:
            continue
        seen.add(key)
        found.append(item_fields(occ, language))
        if len(found) >= UPCOMING_MAX:
            break
    return tuple(found)


def context_for(
    ws: Workspace,
    community_id: str,
    *,
    item_key: tuple[str, str] | None = None,
    operator: str = "",
    language: str = "zh",
    today: date | None = None,
    join_link: str = "",
) -> RenderContext:
    """The context for rendering a template for a community (and a calendar item).

    ``item_key`` is an occurrence key ``(item id, "YYYY-MM-DDTHH:MM")``; with
    an empty second part a series stands for its next occurrence from today.
    Raises NotFound for a community or item that does not exist.
    """
    check_language(language)
    today = today or date.today()
    community = get_community(ws, community_id)
    if community.deleted:
        raise NotFound(
            QT_TRANSLATE_NOOP("TemplateContext", "“{name}” is in the trash.").format(
                name=community.name
            )
        )
    fields = community_fields(community, language)
    item: dict[str, Any] | None = None
    if item_key is not None:
        item_id, recurrence = item_key
        if recurrence:
            occ = find_occurrence(ws, (item_id, recurrence))
        else:
            occ = _next_occurrence(ws, item_id, today)
        if occ.item.deleted or (occ.series is not None and occ.series.deleted):
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "TemplateContext", "The calendar item “{title}” was deleted."
                ).format(title=occ.item.title)
            )
        item = item_fields(occ, language)
    operator = operator or community.owner
    return RenderContext(
        community=fields,
        item=item,
        operator=operator,
        today=today,
        language=language,
        join_link=join_link or default_join_link(fields, item, operator, language),
        upcoming=upcoming_items(ws, community_id, today, language),
    )


def _sample_occurrence(
    title: str, item_type: str, speaker: str, location: str, description: str, start: datetime
) -> Occurrence:
    item = CalendarItem(
        id="00000000-0000-4000-8000-0000000000a1",
        community_id="00000000-0000-4000-8000-0000000000c1",
        kind=next(k for k, types in TYPES_BY_KIND.items() if item_type in types),
        item_type=item_type,
        title=title,
        all_day=False,
        start=start,
        end=start + timedelta(hours=1, minutes=30),
        tz="Asia/Shanghai",
        status=Status.READY,
        owner="",
        description=description,
        speaker=speaker,
        location=location,
        recurrence=None,
        exdates=frozenset(),
        last_end=None,
        series_id=None,
        recurrence_id=None,
        goals={
            "planned_participants": 120,
            "actual_participants": None,
            "planned_new_members": 20,
            "actual_new_members": None,
            "planned_shares": 40,
            "actual_shares": None,
            "planned_conversions": 60,
            "actual_conversions": None,
            "planned_revenue": 11940.0,
            "actual_revenue": None,
            "planned_cost": 800.0,
            "actual_cost": None,
        },
    )
    return Occurrence(item, item.start, item.end)


_SAMPLE_COMMUNITY = {
    # The sample workspace's paid reading circle, so previews match `planner demo`.
    "zh": dict(sample_communities("zh")[0]),
    "en": dict(sample_communities("en")[0]),
}

_SAMPLE_ITEM = {
    "zh": (
        "林老师直播领读：《置身事内》第 5–6 章",
        "live_class",
        "林老师",
        "视频号直播",
        "读懂地方政府与经济发展的关系；学会用书中的框架看新闻；带走一份可执行的读书笔记模板。",
    ),
    "en": (
        "Live reading with Mr Lin: chapters 5–6",
        "live_class",
        "Mr Lin",
        "Zoom",
        "How to read a hard chapter in one evening; a way of taking notes that sticks; "
        "one thing to try before next week.",
    ),
}


def sample_context(language: str = "zh") -> RenderContext:
    """Realistic values for previews without a workspace."""
    check_language(language)
    community = Community.from_row(
        _SAMPLE_COMMUNITY[language]
        | {
            "id": "00000000-0000-4000-8000-0000000000c1",
            "created_at": 0,
            "updated_at": 0,
            "updated_by": "",
            "deleted": 0,
        }
    )
    fields = community_fields(community, language)
    today = date.today()
    days_to_wednesday = (2 - today.weekday()) % 7 or 7
    start = datetime.combine(today + timedelta(days=days_to_wednesday), datetime.min.time())
    occ = _sample_occurrence(*_SAMPLE_ITEM[language], start=start.replace(hour=20))
    item = item_fields(occ, language)
    operator = community.owner
    return RenderContext(
        community=fields,
        item=item,
        operator=operator,
        today=today,
        language=language,
        join_link=default_join_link(fields, item, operator, language),
        upcoming=(item,),
    )
