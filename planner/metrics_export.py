"""A community's figures and its activities' results out to spreadsheets (CSV).

UTF-8 with a BOM, so Excel opens Chinese text correctly; headers in the
language asked for. Text cells that start like a formula (= + - @) get a
leading apostrophe, which the import (:mod:`planner.metrics_csv`) strips
again, so an export imports back exactly.

Building a file reads and formats every row, which takes about a second for
two years of 100 communities. A dialog that tells the operator how many rows
a file will hold, for every change of the days asked for, does not build it:
:func:`count_figures_rows`, :func:`count_results_rows` and
:func:`recorded_span` answer that from the database (an index lookup per
community) and agree exactly with what the exports write. The exports take a
``progress`` callback and a ``cancelled`` flag so they can run off the GUI
thread and be stopped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from planner.calendar import (
    METRICS,
    activities_starting,
    format_time,
)
from planner.checklist_library import LANGUAGES, Language
from planner.communities import live_community
from planner.errors import Cancelled
from planner.metrics import FIGURES, TABLE, figures_between
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


Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def _live_names(ws: Workspace, community_ids: Sequence[str]) -> dict[str, str]:
    """The communities' names by id; NotFound for one that is gone or in the trash.

    The exports and the counts both start here, so a count refuses exactly
    the choices an export refuses.
    """
    return {cid: live_community(ws, cid).name for cid in community_ids}


def _day_clauses(start: date | None, end: date | None) -> tuple[str, list[str]]:
    sql, params = "", []
    if start is not None:
        sql += " AND m.day >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND m.day <= ?"
        params.append(end.isoformat())
    return sql, params


def count_figures_rows(
    ws: Workspace,
    community_ids: Sequence[str],
    start: date | None = None,
    end: date | None = None,
) -> int:
    """How many lines below the header :func:`export_figures_csv` writes for the same
    arguments, counted in the database instead of built.

    A community given twice is counted twice, as the export writes it twice.
    The ids go in as one JSON array (``json_each``), so there is no limit on
    how many, and each community's days are a range of the
    (community_id, deleted, day) index.
    """
    _live_names(ws, community_ids)
    if not community_ids:
        return 0
    days, params = _day_clauses(start, end)
    row = ws.db.execute(
        f"SELECT COUNT(*) FROM json_each(?) AS chosen "
        f"JOIN {TABLE} m ON m.community_id = chosen.value WHERE m.deleted = 0{days}",
        [json.dumps(list(community_ids)), *params],
    ).fetchone()
    return int(row[0])


def recorded_span(ws: Workspace, community_ids: Sequence[str]) -> tuple[date, date] | None:
    """The first and the last day with figures of any of the communities, or None
    when none has any.

    What "every recorded day" of :func:`export_figures_csv` covers. Each
    community's first and last day is one lookup at either end of its part of
    the (community_id, deleted, day) index, so this stays instant however
    many days are recorded.
    """
    _live_names(ws, community_ids)
    if not community_ids:
        return None
    each = f"FROM {TABLE} WHERE community_id = chosen.value AND deleted = 0"
    first, last = ws.db.execute(
        f"SELECT MIN(first), MAX(last) FROM (SELECT (SELECT MIN(day) {each}) AS first, "
        f"(SELECT MAX(day) {each}) AS last FROM json_each(?) AS chosen)",
        [json.dumps(list(community_ids))],
    ).fetchone()
    if first is None or last is None:
        return None
    return date.fromisoformat(first), date.fromisoformat(last)


def count_results_rows(ws: Workspace, community_ids: Sequence[str], start: date, end: date) -> int:
    """How many lines below the header :func:`export_results_csv` writes for the same
    arguments: the occurrences it would write, found the same way, none formatted."""
    _live_names(ws, community_ids)
    return len(activities_starting(ws, community_ids, start, end))


def export_figures_csv(
    ws: Workspace,
    community_ids: Sequence[str],
    start: date | None = None,
    end: date | None = None,
    lang: Language = "en",
    *,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
) -> bytes:
    """The communities' figures from ``start`` to ``end`` (both included) as CSV.

    One line per community and day, by community (in the order given) then
    day: community, date (2026-11-23) and every figure, headers in ``lang``.
    UTF-8 with a BOM and CRLF line ends, so Excel opens Chinese correctly;
    figures are plain numbers, unknown ones empty. Importing it for one
    community gives the same figures back.

    ``progress(done, total)`` is told after each community; when
    ``cancelled()`` turns true, the export stops with Cancelled (checked
    between communities).
    """
    words = _FIGURE_HEADERS[_check_lang(lang)]
    names = _live_names(ws, community_ids)
    lines: list[list[str]] = []
    for done, community_id in enumerate(community_ids):
        if cancelled is not None and cancelled():
            raise Cancelled()
        name = _text_cell(names[community_id])
        for f in figures_between(ws, community_id, start, end):
            figures = [_number_cell(getattr(f, field)) for field in FIGURES]
            lines.append([name, f.day.isoformat(), *figures, _text_cell(f.note)])
        if progress is not None:
            progress(done + 1, len(community_ids))
    return _csv_bytes(words, lines)


def export_results_csv(
    ws: Workspace,
    community_ids: Sequence[str],
    start: date,
    end: date,
    lang: Language = "en",
    *,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
) -> bytes:
    """The communities' activities from ``start`` to ``end`` (both included) as CSV.

    One line per occurrence of a calendar activity (content is left out)
    starting in the range, in time order: community, date, start and end
    time ("All day" for an all-day one; the end's date too when it ends on
    another day), title, type, status, owner, then each goal's planned and
    actual value (participants, new members, shares, conversions, revenue,
    cost). An occurrence of a series shows the series' values unless that
    occurrence was changed on its own. Encoding as :func:`export_figures_csv`.

    ``progress(done, total)`` counts the occurrences written; when
    ``cancelled()`` turns true, the export stops with Cancelled.
    """
    language = _check_lang(lang)
    names = _live_names(ws, community_ids)
    headers = list(_RESULT_HEADERS[language])
    planned, actual = _PLANNED_ACTUAL[language]
    for metric in METRICS:
        word = label("metric", metric, language)
        headers += [planned.format(word), actual.format(word)]
    occurrences = activities_starting(ws, community_ids, start, end)
    lines: list[list[str]] = []
    for done, occ in enumerate(occurrences):
        if done % 500 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(done, len(occurrences))
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
    if progress is not None:
        progress(len(occurrences), len(occurrences))
    return _csv_bytes(headers, lines)
