"""A community's figures in and out of spreadsheets (CSV).

WeChat and most group platforms have no API: operators copy the figures into
a spreadsheet and save it as CSV. Importing is four steps, so that the
mapping dialog can show each one (exports are in :mod:`planner.metrics_export`):

1. :func:`read_table` turns the file's bytes into a :class:`Table`: a header
   and data rows, each with its line number in the file.
2. :func:`guess_mapping` proposes which column holds the day and each figure,
   from the header words; the operator corrects it in the dialog.
3. :func:`parse_rows` reads every row into a :class:`~planner.metrics.DayFigures`
   or a :class:`RowError` that names the line and what is wrong.
4. :func:`import_figures` records the good rows as one undoable edit, and
   only when the file has no problems or the operator said to import the
   good rows anyway. Nothing is ever half-imported.

:func:`export_figures_csv` and :func:`export_results_csv` write CSV that
Excel opens correctly (UTF-8 with a BOM); a figures export imports back as
the same figures.

Accepted files
--------------
* Encodings: UTF-8 with or without a BOM, UTF-16 or UTF-32 with a BOM (Excel's
  "Unicode text"), otherwise GB18030, the superset of GBK and GB2312 that
  Chinese Excel writes. At most :data:`MAX_CSV_BYTES`. Excel workbooks
  (.xlsx, .xls) and other binary files are refused with a one-line reason.
* Separators: comma, semicolon or tab, whichever splits the header and the
  first rows consistently; an Excel ``sep=;`` first line is obeyed. The
  full-width comma "，" is text, never a separator. Quoted cells may hold
  separators and line breaks (a row's line number is where it starts).
* The header is the first row with text in two cells or more (a title in one
  cell above it is left out), or else the first row with any text; rows with
  no text are skipped.

Accepted cells (full-width digits and punctuation are read as ASCII)
--------------------------------------------------------------------
* Days: ``2026-11-23``, ``2026/11/23``, ``2026.11.23``, ``2026年11月23日``,
  ``20261123``, each optionally followed by a time (Excel's ``2026/11/23 0:00``),
  which is ignored. Day-first or month-first with the year last
  (``23/11/2026``, ``11/23/2026``) are read the way the whole file must mean
  them: a column where some first number is over 12 is day-first, where some
  second number is over 12 month-first; a date like ``03/04/2026`` in a file
  that never says is refused as ambiguous. Excel serial numbers (a whole
  number from 36526 to 73050, what a date column formatted as "General"
  shows) are read as Excel's 1900 date system. Not accepted: two-digit
  years, month names, and days without a year (``11月23日``).
* Counts (members, active, joined, left, messages, paid conversions): whole
  numbers, with or without thousands separators (``1,234``, ``1 234``,
  ``1，234``, ``1'234``), a trailing ``.0``, a unit word (``120人``, ``35条``),
  or ``万`` (``1.2万`` = 12000). A percentage is not a count and is refused.
* Revenue: the same, with decimals and a currency symbol or word anywhere
  (``¥1,299.50``, ``1299.5元``, ``RMB 88``, ``$12``). ``1,234`` is always one
  thousand two hundred and thirty-four; a comma followed by one or two digits
  at the end (``12,5``, ``1.299,50``) is a decimal comma.
* Empty, ``-``, ``—``, ``/``, ``N/A`` cells are "not known" (None).
* A row whose date cell says 合计/总计/小计/平均/total/sum/average is a totals
  row and is skipped, and so is a dated row with no figures and no note (an
  import never clears a day's figures).

What an import changes
----------------------
A day's figures in the file replace that day's record, for the figures the
file has a column for; figures the file has no column for keep their
recorded values. Importing the same file twice changes nothing the second
time (a community's day is one record).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from planner.calendar import (
    TEXT_MAX,
)
from planner.communities import live_community
from planner.errors import EXIT_BAD_INPUT, PlannerError, ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.metrics import (
    COUNTS,
    FIGURES,
    MAX_IMPORT_ROWS,
    DayFigures,
    check_figures,
    figures_between,
    set_figures,
)
from planner.workspace import Workspace

MAX_CSV_BYTES = 10 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
# What a column can hold: the mapping's keys.
COLUMNS = ("day", *FIGURES, "note")
IMPORT_ACTION = "import_figures"
# Larger counts or amounts are a wrong column, not a community's figure.
MAX_COUNT = 10**9
MAX_REVENUE = 10**12
# Excel's 1900 date system (serial 1 is 1900-01-01, counting its 29 February 1900).
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = range(36526, 73051)  # 2000-01-01 .. 2099-12-31


class CsvError(PlannerError):
    """A CSV file that cannot be read or imported; nothing was changed."""

    exit_code = EXIT_BAD_INPUT


# -- reading a file ----------------------------------------------------------------


@dataclass(frozen=True)
class TableRow:
    """A data row: its 1-based line in the file and its cells (trimmed)."""

    line: int
    cells: tuple[str, ...]

    def cell(self, column: int) -> str:
        return self.cells[column] if column < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    """A CSV file read: the header row, the data rows, and how it was written.

    Attributes:
        headers: the header row's cells, trimmed.
        header_line: the header's line in the file (1-based).
        rows: every row with text after the header, in file order.
        delimiter: ",", ";" or "\\t".
        encoding: "UTF-8", "UTF-16", "UTF-32" or "GB18030".
    """

    headers: tuple[str, ...]
    header_line: int
    rows: tuple[TableRow, ...]
    delimiter: str
    encoding: str

    def column_name(self, column: int) -> str:
        """The header of ``column``, or "column 3" when it has none."""
        header = self.headers[column] if column < len(self.headers) else ""
        header = " ".join(header.split())  # a quoted header may hold line breaks
        return header or QT_TRANSLATE_NOOP("MetricsCsv", "column {number}").format(
            number=column + 1
        )


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16: FF FE starts both
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SEP_LINE = re.compile(r'"?sep=(.)"?', re.IGNORECASE)
_SNIFF_CHARS = 64 * 1024
_SNIFF_ROWS = 50


def _file_error(source: str, problem: Text) -> CsvError:
    """A CsvError saying ``problem``, after the file's name when there is one."""
    if not source:
        return CsvError(problem)
    return CsvError(
        QT_TRANSLATE_NOOP("MetricsCsv", "{file}: {problem}").format(file=source, problem=problem)
    )


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """The file's text and the name of its encoding."""
    if data.startswith(_WORKBOOKS):
        raise _file_error(
            source,
            QT_TRANSLATE_NOOP(
                "MetricsCsv",
                "this is an Excel workbook, not a CSV file; in Excel choose "
                "Save As > CSV UTF-8 and import that file.",
            ),
        )
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                raise _file_error(
                    source,
                    QT_TRANSLATE_NOOP(
                        "MetricsCsv",
                        "the file starts like {encoding} text but is not; "
                        "save it again as CSV UTF-8.",
                    ).format(encoding=name),
                ) from None
    for codec, name in (("utf-8", "UTF-8"), ("gb18030", "GB18030")):
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    raise _file_error(
        source,
        QT_TRANSLATE_NOOP(
            "MetricsCsv",
            "not a CSV file: it is not text in UTF-8 or GBK. "
            "Save the spreadsheet as CSV UTF-8 and import that file.",
        ),
    )


def _texts(cells: Sequence[str]) -> int:
    """How many cells hold text."""
    return sum(1 for c in cells if c.strip())


def _sniff(text: str) -> str:
    """The delimiter that splits the header and the first rows the same way."""
    sample = text[:_SNIFF_CHARS]
    cut = len(text) > _SNIFF_CHARS
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [
                r
                for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                if any(c.strip() for c in r)
            ]
        except csv.Error:
            continue
        if cut and len(rows) > 1:
            rows.pop()  # the sample may end inside this row
        start = next((i for i, r in enumerate(rows) if _texts(r) >= 2), None)
        if start is None:
            continue
        rows = rows[start : start + _SNIFF_ROWS]
        width = len(rows[0])
        score = (sum(1 for r in rows[1:] if len(r) == width), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_table(data: bytes, *, source: str = "") -> Table:
    """Read a CSV file (see the module's notes for what it accepts).

    ``source`` (a file name) starts each error message when given. Raises
    :class:`CsvError` for a file that is too large, empty, binary, an Excel
    workbook, or not readable as CSV. A file with a header and no data rows
    is a table with no rows.
    """
    if len(data) > MAX_CSV_BYTES:
        raise _file_error(
            source,
            QT_TRANSLATE_NOOP(
                "MetricsCsv", "the file is too large for a table of figures (over {size} MB)."
            ).format(size=MAX_CSV_BYTES // (1024 * 1024)),
        )
    text, encoding = _decode(data, source)
    if _CONTROL.search(text[:_SNIFF_CHARS]) or "\x00" in text:
        raise _file_error(
            source, QT_TRANSLATE_NOOP("MetricsCsv", "not a CSV file: it is not text.")
        )
    if not text.strip():
        raise _file_error(source, QT_TRANSLATE_NOOP("MetricsCsv", "the file is empty."))
    first_line = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    given = _SEP_LINE.fullmatch(first_line)
    delimiter = given.group(1) if given else _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[TableRow] = []
    read = 0  # lines read so far
    try:
        for cells in reader:
            line, read = read + 1, reader.line_num
            if given and line == 1:
                continue
            trimmed = tuple(c.strip().lstrip("\ufeff").strip() for c in cells)
            if any(trimmed):
                rows.append(TableRow(line, trimmed))
    except csv.Error as exc:
        raise _file_error(
            source,
            QT_TRANSLATE_NOOP("MetricsCsv", "line {line} cannot be read ({reason}).").format(
                line=read + 1, reason=str(exc)
            ),
        ) from None
    if not rows:
        raise _file_error(source, QT_TRANSLATE_NOOP("MetricsCsv", "the file is empty."))
    # A title above the header ("读书会 11月数据" in one cell) is not the header.
    top = next((i for i, r in enumerate(rows[:_SNIFF_ROWS]) if _texts(r.cells) >= 2), 0)
    header = rows[top]
    return Table(header.cells, header.line, tuple(rows[top + 1 :]), delimiter, encoding)


# -- which column holds what ------------------------------------------------------

# Header words, as operators write them (compared without case, spaces, units).
_WORDS = {
    "day": ("日期|时间|日|统计日期|数据日期", "date|day|time"),
    "members": (
        "群成员|成员|成员数|群成员数|成员总数|群人数|总人数|人数",
        "members|member count|total members|group size",
    ),
    "active_members": (
        "活跃|活跃人数|活跃成员|活跃成员数|活跃用户|日活|发言人数",
        "active|active members|active users|dau",
    ),
    "joined": (
        "新增|新增成员|新增人数|入群|入群人数|进群|加群|加入|新成员",
        "joined|joins|new members|new",
    ),
    "left_members": (
        "退群|退群人数|离开|流失|流失人数|退出|离群",
        "left|leavers|left members|churned",
    ),
    "messages": ("消息|消息数|消息条数|发言|发言数|发言条数", "messages|message count|msgs|posts"),
    "paid_conversions": (
        "付费|转化|付费转化|付费人数|转化数|付费用户|成交",
        "paid|conversions|paid conversions|paying",
    ),
    "revenue": ("收入|营收|金额|销售额|成交额|流水", "revenue|income|sales|amount"),
    "note": ("备注|说明|注释", "note|notes|remark|remarks|comment|comments"),
}
_SYNONYMS = {field: tuple("|".join(words).split("|")) for field, words in _WORDS.items()}
# When a header only contains words of several fields ("退群人数" holds 人数),
# the specific field wins over members, and money over counts ("付费金额").
_PRIORITY = {"members": 0, "revenue": 2}
# Ratios, averages and scaled units are not the figures we record.
_NOT_A_FIGURE = re.compile(
    r"率|%|‰|占比|比例|人均|平均|万|千|\b(rate|ratio|percent\w*|avg|average|per|k)\b"
)
_BRACKETS = re.compile(r"[(\[【〔《<{][^)\]】〕》>}]*[)\]】〕》>}]")
_UNITS = re.compile(r"[¥$€£元]|人民币|\b(rmb|cny|usd|eur|yuan)\b")


def _header_key(header: str) -> tuple[str, tuple[str, ...]] | None:
    """(compact text, English words) of a header; None for a ratio or average."""
    text = unicodedata.normalize("NFKC", header).casefold()
    if _NOT_A_FIGURE.search(text):
        return None
    text = _UNITS.sub(" ", _BRACKETS.sub(" ", text))
    return re.sub(r"[\W_]+", "", text), tuple(re.findall(r"[a-z]+", text))


def _match(synonym: str, compact: str, words: tuple[str, ...]) -> int:
    """2 when the header is the synonym, 1 when it contains it, else 0."""
    key = re.sub(r"[\W_]+", "", synonym)
    if compact == key:
        return 2
    if synonym.isascii():
        parts = tuple(synonym.split())
        n = len(parts)
        return int(any(words[i : i + n] == parts for i in range(len(words) - n + 1)))
    return int(len(key) >= 2 and key in compact)


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Which column holds the day and each figure, guessed from the headers.

    Returns ``{field: column index}`` for the fields found; the keys are from
    :data:`COLUMNS`. Headers are compared without case, spaces, punctuation,
    full-width forms, and units in brackets or currency marks ("收入（元）",
    "Revenue ¥"). A header that is exactly a field's word wins over one that
    only contains it, so "Active members" is active members, never members.
    Each column holds one field and each field one column. Headers of ratios,
    averages or scaled units (活跃率, %, 人均, 万元, rate, avg) are left out.
    """
    best: list[tuple[tuple[int, int, int], int, str]] = []  # (score, -column, field)
    for column, header in enumerate(headers):
        key = _header_key(header)
        if key is None or not key[0]:
            continue
        found: tuple[tuple[int, int, int], int, str] | None = None
        for order, (field, synonyms) in enumerate(_SYNONYMS.items()):
            for synonym in synonyms:
                matched = _match(synonym, *key)
                if not matched:
                    continue
                # Among exact matches the first field wins; among contained
                # words the most specific field, then the longest word.
                score = (matched, _PRIORITY.get(field, 1), len(synonym) if matched == 1 else -order)
                if found is None or score > found[0]:
                    found = (score, -column, field)
        if found is not None:
            best.append(found)
    # A column holds only the field it matches best; where two columns want
    # the same field, the better match (then the first column) has it.
    mapping: dict[str, int] = {}
    for _, negative_column, field in sorted(best, reverse=True):
        mapping.setdefault(field, -negative_column)
    return {field: mapping[field] for field in COLUMNS if field in mapping}


# -- reading rows -----------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """What is wrong with a line of the file; ``str()`` is "line 7: ...".

    ``message`` (and ``str()``) is a :class:`~planner.i18n.Text`, which the
    UI shows translated.
    """

    line: int
    message: str
    column: str = ""  # the header of the cell at fault, "" for the row as a whole

    def __str__(self) -> str:
        return QT_TRANSLATE_NOOP("MetricsCsv", "line {line}: {problem}").format(
            line=self.line, problem=self.message
        )


@dataclass(frozen=True)
class Parsed:
    """A table read with a mapping: the good rows and what is wrong with the others.

    Attributes:
        rows: the good rows' figures, in file order, one per day.
        lines: the line of each of ``rows``.
        errors: the problems, in file order (a line may have several).
        skipped: lines left out on purpose: a dated row without figures, a
            totals row.
        fields: the figures (and "note") the file has a column for; an import
            leaves the others as recorded.
    """

    rows: tuple[DayFigures, ...]
    lines: tuple[int, ...]
    errors: tuple[RowError, ...]
    skipped: tuple[int, ...]
    fields: frozenset[str]

    @property
    def bad_lines(self) -> tuple[int, ...]:
        return tuple(sorted({e.line for e in self.errors}))

    @property
    def summary(self) -> str:
        """ "12 rows ready to import; 2 rows have problems; 1 row skipped."."""
        ready = len(self.rows)
        text = (
            QT_TRANSLATE_NOOP("MetricsCsv", "{count} row ready to import")
            if ready == 1
            else QT_TRANSLATE_NOOP("MetricsCsv", "{count} rows ready to import")
        ).format(count=ready)
        if self.errors:
            bad = len(self.bad_lines)
            problems = (
                QT_TRANSLATE_NOOP("MetricsCsv", "{count} row has problems")
                if bad == 1
                else QT_TRANSLATE_NOOP("MetricsCsv", "{count} rows have problems")
            ).format(count=bad)
            text = _then(text, problems)
        if self.skipped:
            left_out = len(self.skipped)
            skipped = (
                QT_TRANSLATE_NOOP("MetricsCsv", "{count} row skipped")
                if left_out == 1
                else QT_TRANSLATE_NOOP("MetricsCsv", "{count} rows skipped")
            ).format(count=left_out)
            text = _then(text, skipped)
        return QT_TRANSLATE_NOOP("MetricsCsv", "{summary}.").format(summary=text)


def _then(first: Text, then: Text) -> Text:
    """Two parts of a summary: "12 rows ready to import; 2 rows have problems"."""
    return QT_TRANSLATE_NOOP("MetricsCsv", "{first}; {then}").format(first=first, then=then)


class _Bad(Exception):
    """A cell that cannot be read; :attr:`reason` says why ("is not a date")."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)
        self.reason = reason


_NOT_KNOWN = frozenset({"", "-", "--", "—", "——", "–", "/", "n/a", "na", "null", "none"})
_TOTALS = frozenset({"合计", "总计", "小计", "平均", "平均值", "total", "totals", "sum", "average"})
_TIME = r"(?:\s*[ t]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?" + _TIME)
_COMPACT_DATE = re.compile(r"(20\d{2})(\d{2})(\d{2})" + _TIME)
_YEAR_LAST = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})" + _TIME)
_NO_YEAR = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_SERIAL = re.compile(r"(\d{5})(?:\.0+)?")
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")

_GROUPED = re.compile(r"[+-]?\d{1,3}(?:([,' ])\d{3})(?:\1\d{3})*(?:\.\d+)?")
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d{1,2}")
_COUNT_UNITS = re.compile(r"(?<=\d)\s*[人条个次位名]$")
_MONEY_UNITS = re.compile(r"[¥$€£]|元|人民币|rmb|cny|usd|eur")


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _number(text: str, *, money: bool) -> Decimal | None:
    """The number in a cell (None when not known); _Bad when it is not one."""
    s = _normal(text)
    if money:
        s = _MONEY_UNITS.sub("", s).strip()
    else:
        s = _COUNT_UNITS.sub("", s)
    if s in _NOT_KNOWN:
        return None
    if s.endswith(("%", "‰")):
        raise _Bad(
            QT_TRANSLATE_NOOP("MetricsCsv", "is a percentage, not an amount")
            if money
            else QT_TRANSLATE_NOOP("MetricsCsv", "is a percentage, not a count")
        )
    scale = 1
    if s.endswith("万"):
        s, scale = s[:-1].strip(), 10_000
    if _GROUPED.fullmatch(s):
        s = re.sub(r"[,' ]", "", s)
    elif money and _DECIMAL_COMMA.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    elif not _PLAIN.fullmatch(s):
        raise _Bad(_not_a_number(money))
    try:
        return Decimal(s) * scale
    except InvalidOperation:
        raise _Bad(_not_a_number(money)) from None


def _not_a_number(money: bool) -> Text:
    if money:
        return QT_TRANSLATE_NOOP("MetricsCsv", "is not an amount")
    return QT_TRANSLATE_NOOP("MetricsCsv", "is not a whole number")


def _count(text: str) -> int | None:
    value = _number(text, money=False)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise _Bad(QT_TRANSLATE_NOOP("MetricsCsv", "is not a whole number"))
    if abs(value) > MAX_COUNT:
        raise _Bad(QT_TRANSLATE_NOOP("MetricsCsv", "is too large to be a count"))
    return int(value)


def _revenue(text: str) -> float | None:
    value = _number(text, money=True)
    if value is None:
        return None
    if abs(value) > MAX_REVENUE:
        raise _Bad(QT_TRANSLATE_NOOP("MetricsCsv", "is too large to be an amount"))
    return float(value)


def read_figure(name: str, text: str) -> int | float | None:
    """One figure as typed or pasted in a cell: a count, or revenue for "revenue";
    None for an empty cell. Raises ValueError: “12a” is not a whole number.
    (its one argument a :class:`~planner.i18n.Text`, which the UI translates)."""
    try:
        return _revenue(text) if name == "revenue" else _count(text)
    except _Bad as bad:
        raise ValueError(
            QT_TRANSLATE_NOOP("MetricsCsv", "“{text}” {problem}.").format(
                text=_shown(text), problem=bad.reason
            )
        ) from None


def _date_order(table: Table, column: int) -> str:
    """How the file writes dates with the year last: "dmy", "mdy", "" (never says), "mixed"."""
    day_first = month_first = False
    for row in table.rows:
        found = _YEAR_LAST.fullmatch(_normal(row.cell(column)))
        if found:
            a, b = int(found.group(1)), int(found.group(2))
            day_first = day_first or (a > 12 >= b)
            month_first = month_first or (b > 12 >= a)
    if day_first and month_first:
        return "mixed"
    return "dmy" if day_first else "mdy" if month_first else ""


_NO_SUCH_DAY = QT_TRANSLATE_NOOP("MetricsCsv", "is not a date (no such day)")


def _day(text: str, order: str) -> date:
    """The date in a cell; _Bad when it is not a date we accept."""
    s = _normal(text)
    found = _YMD.fullmatch(s) or _COMPACT_DATE.fullmatch(s)
    if found:
        year, month, day = (int(g) for g in found.groups())
    elif found := _YEAR_LAST.fullmatch(s):
        a, b, year = (int(g) for g in found.groups())
        if a > 12 and b > 12:
            raise _Bad(_NO_SUCH_DAY)
        if a > 12 or (b <= 12 and a != b and order == "dmy"):
            day, month = a, b
        elif b > 12 or a == b or order == "mdy":
            month, day = a, b
        else:
            raise _Bad(
                QT_TRANSLATE_NOOP(
                    "MetricsCsv",
                    "could be day/month or month/day; write it as year-month-day (2026-11-23)",
                )
            )
    elif found := _SERIAL.fullmatch(s):
        serial = int(found.group(1))
        if serial not in EXCEL_SERIALS:
            raise _Bad(QT_TRANSLATE_NOOP("MetricsCsv", "is not a date"))
        return EXCEL_EPOCH + timedelta(days=serial)
    elif _NO_YEAR.fullmatch(s):
        raise _Bad(QT_TRANSLATE_NOOP("MetricsCsv", "has no year; write it as 2026-11-23"))
    else:
        raise _Bad(QT_TRANSLATE_NOOP("MetricsCsv", "is not a date; write it as 2026-11-23"))
    try:
        return date(year, month, day)
    except ValueError:
        raise _Bad(_NO_SUCH_DAY) from None


def _check_mapping(table: Table, mapping: Mapping[str, int]) -> None:
    unknown = set(mapping) - set(COLUMNS)
    if unknown:
        raise ValueError(f"unknown figure in the mapping: {', '.join(sorted(unknown))}")
    if "day" not in mapping:
        raise CsvError(
            QT_TRANSLATE_NOOP(
                "MetricsCsv", "No column holds the date; choose which column has the day."
            )
        )
    if not set(mapping) - {"day"}:
        raise CsvError(
            QT_TRANSLATE_NOOP(
                "MetricsCsv", "No column holds figures; choose at least one column to import."
            )
        )
    width = len(table.headers)
    for field, column in mapping.items():
        if not 0 <= column < width:
            raise ValueError(f"column {column} of {field} is not in the table")
    columns = list(mapping.values())
    for column in columns:
        if columns.count(column) > 1:
            raise CsvError(
                QT_TRANSLATE_NOOP(
                    "MetricsCsv",
                    "The column “{column}” is chosen for two figures; choose one for each.",
                ).format(column=table.column_name(column))
            )


def _shown(text: str, limit: int = 40) -> str:
    """A cell or header quoted in a message: one line (a quoted cell may hold line
    breaks), clipped."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _bad_cell(text: str, column: str, bad: _Bad) -> Text:
    """ "“12a” in 成员数 is not a whole number."."""
    return QT_TRANSLATE_NOOP("MetricsCsv", "“{text}” in {column} {problem}.").format(
        text=_shown(text), column=column, problem=bad.reason
    )


def parse_rows(table: Table, mapping: Mapping[str, int]) -> Parsed:
    """Read every row of ``table`` with ``mapping`` (field -> column index).

    A good row gives a DayFigures; each problem gives a RowError such as
    ``line 7: “12a” in 成员数 is not a whole number.`` or ``line 9: no date.``
    The figures are checked with :func:`planner.metrics.check_figures` (more
    active members than members is an error of that line). A day that
    appears again is an error on the later line. See the module's notes for
    the accepted cells. Raises CsvError when the mapping has no date column or
    no figure, or uses a column twice.
    """
    _check_mapping(table, mapping)
    day_column = mapping["day"]
    day_name = table.column_name(day_column)
    order = _date_order(table, day_column)
    width = len(table.headers)
    rows: list[DayFigures] = []
    lines: list[int] = []
    errors: list[RowError] = []
    skipped: list[int] = []
    seen: dict[date, int] = {}
    for row in table.rows:
        mapped = [row.cell(c) for c in mapping.values()]
        if not any(mapped):
            continue
        line = row.line
        if any(row.cells[width:]):
            errors.append(
                RowError(
                    line,
                    QT_TRANSLATE_NOOP(
                        "MetricsCsv",
                        "it has {cells} cells but the header has {columns} columns "
                        "(a number with a comma that is not in quotes?).",
                    ).format(cells=len(row.cells), columns=width),
                )
            )
            continue
        day_text = row.cell(day_column)
        if _normal(day_text) in _TOTALS:
            skipped.append(line)
            continue
        problems: list[RowError] = []
        day: date | None = None
        if not day_text:
            problems.append(RowError(line, QT_TRANSLATE_NOOP("MetricsCsv", "no date."), day_name))
        else:
            try:
                day = _day(day_text, order)
            except _Bad as bad:
                problems.append(RowError(line, _bad_cell(day_text, day_name, bad), day_name))
        values: dict[str, Any] = {}
        for field in FIGURES:
            if field not in mapping:
                continue
            text, name = row.cell(mapping[field]), table.column_name(mapping[field])
            try:
                values[field] = _count(text) if field in COUNTS else _revenue(text)
            except _Bad as bad:
                problems.append(RowError(line, _bad_cell(text, name, bad), name))
        if "note" in mapping:
            note = _FORMULA_GUARD.sub("", row.cell(mapping["note"]), count=1)
            if len(note) > TEXT_MAX:
                name = table.column_name(mapping["note"])
                problems.append(
                    RowError(
                        line,
                        QT_TRANSLATE_NOOP("MetricsCsv", "the note in {column} is too long.").format(
                            column=name
                        ),
                        name,
                    )
                )
            values["note"] = note
        if day is not None and not problems:
            figures = DayFigures(day, **values)
            if figures.empty:
                skipped.append(line)
                continue
            for field, message in check_figures(figures).items():
                name = table.column_name(mapping.get(field, day_column))
                problems.append(
                    RowError(
                        line,
                        QT_TRANSLATE_NOOP("MetricsCsv", "{column}: {problem}").format(
                            column=name, problem=message
                        ),
                        name,
                    )
                )
        if day is not None:
            if day in seen:
                problems.append(
                    RowError(
                        line,
                        QT_TRANSLATE_NOOP("MetricsCsv", "{day} is already on line {line}.").format(
                            day=day.isoformat(), line=seen[day]
                        ),
                        day_name,
                    )
                )
            else:
                seen[day] = line
        if problems:
            errors.extend(problems)
        else:
            assert day is not None
            rows.append(DayFigures(day, **values))
            lines.append(line)
    fields = frozenset(f for f in mapping if f != "day")
    return Parsed(tuple(rows), tuple(lines), tuple(errors), tuple(skipped), fields)


# -- importing ----------------------------------------------------------------------


def import_figures(
    ws: Workspace, community_id: str, parsed: Parsed, *, accept_partial: bool
) -> Change:
    """Record the good rows of ``parsed`` for a community: one undoable edit.

    Nothing is written when the file has problems, unless the operator chose
    to import the good rows only (``accept_partial``). Figures the file has no
    column for keep their recorded values. Raises CsvError when there is
    nothing to import, too many rows (over MAX_IMPORT_ROWS), or problems not
    accepted; NotFound for a community that is gone or in the trash.
    """
    if parsed.errors and not accept_partial:
        bad = len(parsed.bad_lines)
        refused = (
            QT_TRANSLATE_NOOP(
                "MetricsCsv",
                "{count} row of the file has problems ({problem}); nothing was imported. "
                "Fix them, or import the other rows only.",
            )
            if bad == 1
            else QT_TRANSLATE_NOOP(
                "MetricsCsv",
                "{count} rows of the file have problems ({problem}); nothing was imported. "
                "Fix them, or import the other rows only.",
            )
        )
        raise CsvError(refused.format(count=bad, problem=str(parsed.errors[0])))
    if not parsed.rows:
        raise CsvError(
            QT_TRANSLATE_NOOP(
                "MetricsCsv", "The file has no rows of figures to import; nothing was imported."
            )
        )
    if len(parsed.rows) > MAX_IMPORT_ROWS:
        raise CsvError(
            QT_TRANSLATE_NOOP(
                "MetricsCsv",
                "The file has {rows} rows of figures; at most {most} can be imported at once. "
                "Is the right column chosen for the date?",
            ).format(rows=f"{len(parsed.rows):,}", most=f"{MAX_IMPORT_ROWS:,}")
        )
    live_community(ws, community_id)
    kept = frozenset((*FIGURES, "note")) - parsed.fields
    rows = list(parsed.rows)
    if kept:
        first, last = min(r.day for r in rows), max(r.day for r in rows)
        recorded = {f.day: f for f in figures_between(ws, community_id, first, last)}
        for i, figures in enumerate(rows):
            before = recorded.get(figures.day)
            if before is not None:
                rows[i] = replace(figures, **{k: getattr(before, k) for k in kept})
                problems = check_figures(rows[i])
                if problems:
                    message = next(iter(problems.values()))
                    raise CsvError(
                        QT_TRANSLATE_NOOP(
                            "MetricsCsv",
                            "line {line}: {problem} (with the figures already recorded for "
                            "{day}); nothing was imported.",
                        ).format(line=parsed.lines[i], problem=message, day=figures.day.isoformat())
                    )
    try:
        return set_figures(ws, community_id, rows, action=IMPORT_ACTION)
    except ValidationError as exc:  # checked above; kept as a clear message
        raise CsvError(
            QT_TRANSLATE_NOOP("MetricsCsv", "{problem} Nothing was imported.").format(
                problem=exc.message
            )
        ) from None
