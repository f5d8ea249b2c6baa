"""A community's figures and its activities' results out to spreadsheets (CSV).

UTF-8 with a BOM, so Excel opens Chinese text correctly; headers in the
language asked for. Text cells that start like a formula (= + - @) get a
leading apostrophe, which the import (:mod:`planner.metrics_csv`) strips
again, so an export imports back exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from planner.calendar import METRICS, CalendarFilter, ItemKind, format_time, occurrences_between
from planner.checklist_library import LANGUAGES, Language
from planner.communities import live_community
from planner.metrics import FIGURES, figures_between
from planner.template_context import label
from planner.workspace import Workspace

_FIGURE_HEADERS: dict[Language, tuple[str, ...]] = {
    "zh": (
        "社群",
        "日期",
        "成员数",
        "活跃成员",
        "新增",
        "退群",
        "消息数",
        "付费转化",
        "收入",
        "备注",
    ),
    "en": (
        "Community",
        "Date",
        "Members",
        "Active members",
        "Joined",
        "Left",
        "Messages",
        "Paid conversions",
        "Revenue",
        "Note",
    ),
}
_RESULT_HEADERS: dict[Language, tuple[str, ...]] = {
    "zh": ("社群", "日期", "开始", "结束", "活动", "类型", "状态", "负责人"),
    "en": ("Community", "Date", "Start", "End", "Activity", "Type", "Status", "Owner"),
}
_PLANNED_ACTUAL: dict[Language, tuple[str, str]] = {
    "zh": ("{0}（目标）", "{0}（结果）"),
    "en": ("{0} planned", "{0} actual"),
}
_ALL_DAY: dict[Language, str] = {"zh": "全天", "en": "All day"}


def _text_cell(text: str) -> str:
    """Text as a cell Excel will not run as a formula (a leading ' is read back off)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _number_cell(value: Any) -> str:
    """A figure as plain digits: no thousands separator, no exponent, exact."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(float(value))), "f")


def _csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _check_lang(lang: str) -> Language:
    if lang in LANGUAGES:
        return lang
    raise ValueError(f"unknown language: {lang!r} (use 'zh' or 'en')")


def export_figures_csv(
    ws: Workspace,
    community_ids: Sequence[str],
    start: date | None = None,
    end: date | None = None,
    lang: Language = "en",
) -> bytes:
    """The communities' figures from ``start`` to ``end`` (both included) as CSV.

    One line per community and day, by community (in the order given) then
    day: community, date (2026-11-23) and every figure, headers in ``lang``.
    UTF-8 with a BOM and CRLF line ends, so Excel opens Chinese correctly;
    figures are plain numbers, unknown ones empty. Importing it for one
    community gives the same figures back.
    """
    words = _FIGURE_HEADERS[_check_lang(lang)]
    lines: list[list[str]] = []
    for community_id in community_ids:
        name = _text_cell(live_community(ws, community_id).name)
        for f in figures_between(ws, community_id, start, end):
            figures = [_number_cell(getattr(f, field)) for field in FIGURES]
            lines.append([name, f.day.isoformat(), *figures, _text_cell(f.note)])
    return _csv_bytes(words, lines)


def export_results_csv(
    ws: Workspace,
    community_ids: Sequence[str],
    start: date,
    end: date,
    lang: Language = "en",
) -> bytes:
    """The communities' activities from ``start`` to ``end`` (both included) as CSV.

    One line per occurrence of a calendar activity (content is left out)
    starting in the range, in time order: community, date, start and end
    time ("All day" for an all-day one; the end's date too when it ends on
    another day), title, type, status, owner, then each goal's planned and
    actual value (participants, new members, shares, conversions, revenue,
    cost). An occurrence of a series shows the series' values unless that
    occurrence was changed on its own. Encoding as :func:`export_figures_csv`.
    """
    language = _check_lang(lang)
    names = {cid: live_community(ws, cid).name for cid in community_ids}
    headers = list(_RESULT_HEADERS[language])
    planned, actual = _PLANNED_ACTUAL[language]
    for metric in METRICS:
        word = label("metric", metric, language)
        headers += [planned.format(word), actual.format(word)]
    filters = CalendarFilter(
        community_ids=frozenset(names), kinds=frozenset({ItemKind.ACTIVITY.value})
    )
    lo = datetime.combine(start, time())
    hi = datetime.combine(end + timedelta(days=1), time())
    lines: list[list[str]] = []
    for occ in occurrences_between(ws, lo, hi, filters) if names else []:
        if not start <= occ.start.date() <= end:
            continue
        item = occ.item
        if item.all_day:
            begins, ends = _ALL_DAY[language], ""
        else:
            begins = format_time(occ.start)[11:]
            ends = format_time(occ.end).replace("T", " ")
            if occ.end.date() == occ.start.date():
                ends = ends[11:]
        lines.append(
            [
                _text_cell(names[item.community_id]),
                occ.start.date().isoformat(),
                begins,
                ends,
                _text_cell(item.title),
                label("item_type", item.item_type, language),
                label("status", item.status.value, language),
                _text_cell(item.owner),
                *(
                    _number_cell(item.goals.get(f"{side}_{metric}"))
                    for metric in METRICS
                    for side in ("planned", "actual")
                ),
            ]
        )
    return _csv_bytes(headers, lines)
