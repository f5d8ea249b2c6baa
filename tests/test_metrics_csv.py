"""Figures in and out of CSV: reading files, guessing columns, rows, import, export."""

from __future__ import annotations

import codecs
import csv
import io
import random
from datetime import date, datetime

import pytest

from planner import metrics_csv
from planner.calendar import EditScope, occurrences_between, update_occurrence
from planner.calendar import create_item as create_calendar_item
from planner.checklist_library import Language
from planner.communities import create_community, delete_community
from planner.errors import EXIT_BAD_INPUT, NotFound
from planner.metrics import TABLE, DayFigures, figures_between, set_figures
from planner.metrics_csv import (
    MAX_CSV_BYTES,
    CsvError,
    Parsed,
    Table,
    guess_mapping,
    import_figures,
    parse_rows,
    read_table,
)
from planner.metrics_export import export_figures_csv, export_results_csv
from planner.workspace import Workspace

ZH_HEADER = "日期,群成员,活跃人数,新增,退群,消息数,付费转化,收入（元）,备注"
ZH_GOOD = "\r\n".join(
    [
        ZH_HEADER,
        '2026-11-23,"1,234",300,12,3,"4,560",2,"￥1,299.50",周一，很热闹',
        "2026/11/24,1 240,310,8,2,4100,,1299.5元,",
        "2026年11月25日,1，245,-,5,0,3800,1,,",
    ]
)
ZH_GOOD_FIGURES = (
    DayFigures(date(2026, 11, 23), 1234, 300, 12, 3, 4560, 2, 1299.5, "周一，很热闹"),
    DayFigures(date(2026, 11, 24), 1240, 310, 8, 2, 4100, None, 1299.5, ""),
    DayFigures(date(2026, 11, 25), 1245, None, 5, 0, 3800, 1, None, ""),
)
ALL_FIELDS = {
    "day": 0,
    "members": 1,
    "active_members": 2,
    "joined": 3,
    "left_members": 4,
    "messages": 5,
    "paid_conversions": 6,
    "revenue": 7,
    "note": 8,
}
# Lines 2 and 4 are good; 3 has a bad number, 5 a bad date, 6 repeats line 2's day.
ZH_MIXED = "\n".join(
    [
        "日期,成员数,活跃成员",
        "2026-11-23,100,40",
        "2026-11-24,12a,40",
        "2026-11-25,101,41",
        "2026-13-01,102,42",
        "2026-11-23,103,43",
    ]
)


def table(text: str, encoding: str = "utf-8") -> Table:
    return read_table(text.encode(encoding))


def parse(text: str, encoding: str = "utf-8") -> Parsed:
    t = table(text, encoding)
    return parse_rows(t, guess_mapping(t.headers))


def messages(parsed: Parsed) -> list[str]:
    return [str(e) for e in parsed.errors]


@pytest.fixture
def cid(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": "读书会"})
    return community_id


# -- reading files -----------------------------------------------------------------


def test_chinese_headers_with_a_bom_and_commas() -> None:
    t = read_table(ZH_GOOD.encode("utf-8-sig"))
    assert t.encoding == "UTF-8" and t.delimiter == ","
    assert t.headers[0] == "日期" and t.header_line == 1
    assert [r.line for r in t.rows] == [2, 3, 4]
    assert guess_mapping(t.headers) == ALL_FIELDS
    parsed = parse_rows(t, ALL_FIELDS)
    assert parsed.errors == ()
    assert parsed.rows == ZH_GOOD_FIGURES
    assert parsed.lines == (2, 3, 4)
    assert parsed.summary == "3 rows ready to import."


def test_the_same_file_without_a_bom_and_in_gbk() -> None:
    for encoding, name in (("utf-8", "UTF-8"), ("gbk", "GB18030"), ("gb18030", "GB18030")):
        t = table(ZH_GOOD, encoding)
        assert t.encoding == name
        assert parse_rows(t, guess_mapping(t.headers)).rows == ZH_GOOD_FIGURES


def test_utf16_with_tabs_as_excel_saves_unicode_text() -> None:
    text = ZH_GOOD.replace(",", "\t").replace('"1\t234"', "1234")
    text = text.replace('"4\t560"', "4560").replace('"￥1\t299.50"', "￥1299.50")
    for codec in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        t = read_table(bom + text.encode(codec))
        assert (t.encoding, t.delimiter) == ("UTF-16", "\t")
        assert parse_rows(t, guess_mapping(t.headers)).rows == ZH_GOOD_FIGURES


def test_english_headers_with_semicolons_and_decimal_commas() -> None:
    text = (
        "Date;Member count;Active members;New members;Leavers;Messages;Paid conversions;"
        "Revenue (USD);Notes\n"
        "11/23/2026;1,234;300;12;3;4 560;2;$12,50;launch, day one\n"
        "11/24/2026;1.240;;;;;;1.299,50;\n"
    )
    t = table(text)
    assert t.delimiter == ";"
    assert guess_mapping(t.headers) == ALL_FIELDS
    parsed = parse_rows(t, ALL_FIELDS)
    assert parsed.rows[0] == DayFigures(
        date(2026, 11, 23), 1234, 300, 12, 3, 4560, 2, 12.5, "launch, day one"
    )
    # A count with a dot is not a whole number (1.240 is not read as 1240).
    assert messages(parsed) == ["line 3: “1.240” in Member count is not a whole number."]


def test_excel_sep_line_quoted_line_breaks_and_blank_lines() -> None:
    text = 'sep=;\n\n日期;成员数;备注\n\n2026-11-23;10;"两行\n备注"\n\n2026-11-24;11;x\n'
    t = table(text)
    assert t.delimiter == ";" and t.header_line == 3
    assert [r.line for r in t.rows] == [5, 8]
    parsed = parse_rows(t, guess_mapping(t.headers))
    assert [f.note for f in parsed.rows] == ["两行\n备注", "x"]


def test_a_title_above_the_header_is_left_out() -> None:
    for title in ("读书会 11月数据", "读书会 11月数据;;", "读书会 11月数据\t\t"):
        delimiter = ";" if ";" in title else "\t"
        t = table(
            f"{title}\n\n日期{delimiter}成员数{delimiter}活跃\n2026-11-23{delimiter}5{delimiter}3\n"
        )
        assert (t.delimiter, t.headers, t.header_line) == (delimiter, ("日期", "成员数", "活跃"), 3)
        assert [r.line for r in t.rows] == [4]
    single = table("日期\n2026-11-23\n")
    assert single.headers == ("日期",) and single.rows[0].cells == ("2026-11-23",)


def test_full_width_comma_is_text_not_a_separator() -> None:
    t = table("日期,成员数,备注\n2026-11-23,1，234,好，很好\n")
    assert t.rows[0].cells == ("2026-11-23", "1，234", "好，很好")
    assert parse_rows(t, guess_mapping(t.headers)).rows[0].members == 1234


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", codecs.BOM_UTF8, b",,,\r\n,,\r\n"])
def test_an_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(CsvError, match="the file is empty") as info:
        read_table(data, source="figures.csv")
    assert str(info.value).startswith("figures.csv: ")
    assert info.value.exit_code == EXIT_BAD_INPUT


def test_a_file_with_only_headers_has_no_rows(workspace: Workspace, cid: str) -> None:
    t = table("日期,成员数\r\n")
    assert t.headers == ("日期", "成员数") and t.rows == ()
    parsed = parse_rows(t, guess_mapping(t.headers))
    assert parsed.rows == () and parsed.errors == ()
    assert parsed.summary == "0 rows ready to import."
    with pytest.raises(CsvError, match="no rows of figures"):
        import_figures(workspace, cid, parsed, accept_partial=True)


def test_binary_files_and_workbooks_are_refused() -> None:
    noise = random.Random(8).randbytes(4096)
    for data in (b"\x89PNG\r\n\x1a\n" + noise, noise, b"abc\x00def,1\n"):
        with pytest.raises(CsvError, match="not a CSV file"):
            read_table(data)
    with pytest.raises(CsvError, match="Excel workbook"):
        read_table(b"PK\x03\x04" + noise)
    with pytest.raises(CsvError, match="UTF-16"):
        read_table(codecs.BOM_UTF16_LE + b"a\x00b")  # an odd number of bytes


def test_a_huge_file_is_refused_before_reading() -> None:
    line = b"2026-11-23,1234,300\n"
    data = b"date,members,active\n" + line * (MAX_CSV_BYTES // len(line) + 1)
    assert len(data) > MAX_CSV_BYTES
    with pytest.raises(CsvError, match=r"too large .*over 10 MB"):
        read_table(data)
    assert read_table(data[: MAX_CSV_BYTES - 100].rsplit(b"\n", 1)[0]).rows


# -- guessing the columns -------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Date", "Members", "Active members"], {"day": 0, "members": 1, "active_members": 2}),
        (["Active members", "Date"], {"day": 1, "active_members": 0}),
        (["时间", "群人数", "活跃", "入群", "流失", "发言"], dict(list(ALL_FIELDS.items())[:6])),
        (
            ["统计日期", "总人数", "退群人数", "入群人数", "付费金额"],
            {"day": 0, "members": 1, "joined": 3, "left_members": 2, "revenue": 4},
        ),
        (
            ["DAY", " member_count ", "JOINED", "Left", "Income ¥", "Remarks"],
            {"day": 0, "members": 1, "joined": 2, "left_members": 3, "revenue": 4, "note": 5},
        ),
        (["日期", "收入/元", "营收(RMB)"], {"day": 0, "revenue": 1}),
        (["日期", "活跃率(%)", "人均发言", "收入(万元)", "成员"], {"day": 0, "members": 4}),
        (["社群", "Community", "日期", "时间", "成员数"], {"day": 2, "members": 4}),
        (["日期", "日活", "发言人数", "消息条数"], {"day": 0, "active_members": 1, "messages": 3}),
        (["Date", "New paid", "Conversions"], {"day": 0, "paid_conversions": 2}),
        (["成员数", "活跃成员数", "新增成员"], {"members": 0, "active_members": 1, "joined": 2}),
        (["", "x", "inactive"], {}),
    ],
)
def test_guess_mapping(headers: list[str], expected: dict[str, int]) -> None:
    assert guess_mapping(headers) == expected


def test_no_date_column_is_a_clear_error() -> None:
    t = table("群成员,活跃人数\n100,40\n")
    mapping = guess_mapping(t.headers)
    assert "day" not in mapping
    with pytest.raises(CsvError, match="No column holds the date"):
        parse_rows(t, mapping)
    with pytest.raises(CsvError, match="No column holds figures"):
        parse_rows(t, {"day": 0})
    with pytest.raises(CsvError, match="“群成员” is chosen for two figures"):
        parse_rows(t, {"day": 1, "members": 0, "joined": 0})


# -- reading rows -------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "2026-11-23",
        "2026/11/23",
        "2026.11.23",
        "2026年11月23日",
        "2026 年 11 月 23 日",
        "20261123",
        "2026/11/23 0:00",
        "2026-11-23T08:30:00",
        "２０２６－１１－２３",
        str((date(2026, 11, 23) - date(1899, 12, 30)).days),  # an Excel serial
        "11/23/2026",
        "23/11/2026",
        "23.11.2026",
    ],
)
def test_accepted_dates(cell: str) -> None:
    parsed = parse(f"date,members\n{cell},5\n")
    assert parsed.errors == ()
    assert parsed.rows[0].day == date(2026, 11, 23)


def test_day_and_month_order_is_decided_by_the_whole_file() -> None:
    day_first = parse("date,members\n03/04/2026,1\n23/11/2026,2\n")
    assert [f.day for f in day_first.rows] == [date(2026, 4, 3), date(2026, 11, 23)]
    month_first = parse("date,members\n03/04/2026,1\n11/23/2026,2\n")
    assert [f.day for f in month_first.rows] == [date(2026, 3, 4), date(2026, 11, 23)]
    same = parse("date,members\n05/05/2026,1\n")
    assert same.rows[0].day == date(2026, 5, 5)
    never_says = parse("date,members\n03/04/2026,1\n")
    assert messages(never_says) == [
        "line 2: “03/04/2026” in date could be day/month or month/day; "
        "write it as year-month-day (2026-11-23)."
    ]


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("2026-13-01", "“2026-13-01” in 日期 is not a date (no such day)."),
        ("2026-02-30", "“2026-02-30” in 日期 is not a date (no such day)."),
        ("13/13/2026", "“13/13/2026” in 日期 is not a date (no such day)."),
        ("11月23日", "“11月23日” in 日期 has no year; write it as 2026-11-23."),
        ("next monday", "“next monday” in 日期 is not a date; write it as 2026-11-23."),
        ("23/11/26", "“23/11/26” in 日期 is not a date; write it as 2026-11-23."),
        ("12345", "“12345” in 日期 is not a date."),
        ("", "no date."),
        ("1999-12-31", "日期: Choose a day between 2000 and 2099."),
    ],
)
def test_bad_dates(cell: str, problem: str) -> None:
    parsed = parse(f"日期,成员数\n{cell},5\n")
    assert parsed.rows == ()
    assert messages(parsed) == [f"line 2: {problem}"]


@pytest.mark.parametrize(
    ("cell", "members"),
    [
        ("1234", 1234),
        ('"1,234"', 1234),
        ('"12,345,678"', 12345678),
        ("1 234", 1234),
        ("1\u00a0234", 1234),
        ("1'234", 1234),
        ("1，234", 1234),
        ("１２３４", 1234),
        ("1234.0", 1234),
        ("120人", 120),
        ("1.2万", 12000),
        ("", None),
        ("-", None),
        ("—", None),
        ("N/A", None),
    ],
)
def test_accepted_counts(cell: str, members: int | None) -> None:
    parsed = parse(f"日期,成员数,消息数\n2026-11-23,{cell},1\n")
    assert messages(parsed) == []
    assert parsed.rows[0].members == members


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("12a", "“12a” in 成员数 is not a whole number."),
        ("1.5", "“1.5” in 成员数 is not a whole number."),
        ('"1,5"', "“1,5” in 成员数 is not a whole number."),
        ('"1,23,4"', "“1,23,4” in 成员数 is not a whole number."),
        ("45%", "“45%” in 成员数 is a percentage, not a count."),
        ("-3", "成员数: Cannot be negative."),
        ("12345678901", "“12345678901” in 成员数 is too large to be a count."),
    ],
)
def test_bad_counts(cell: str, problem: str) -> None:
    parsed = parse(f"日期,成员数\n2026-11-23,{cell}\n")
    assert messages(parsed) == [f"line 2: {problem}"]


@pytest.mark.parametrize(
    ("cell", "revenue"),
    [
        ('"¥1,299.50"', 1299.5),
        ("￥1299.5", 1299.5),
        ("1299.5元", 1299.5),
        ("RMB 88", 88.0),
        ("$12", 12.0),
        ('"12,5"', 12.5),
        ('"1.299,50"', 1299.5),
        ("0.1", 0.1),
        ("1.5万", 15000.0),
        ("-", None),
    ],
)
def test_accepted_revenue(cell: str, revenue: float | None) -> None:
    parsed = parse(f"日期,收入,备注\n2026-11-23,{cell},x\n")
    assert messages(parsed) == []
    assert parsed.rows[0].revenue == revenue


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("abc", "“abc” in Revenue is not an amount."),
        ("12%", "“12%” in Revenue is a percentage, not an amount."),
        ("¥-5", "Revenue: Cannot be negative."),
    ],
)
def test_bad_revenue(cell: str, problem: str) -> None:
    parsed = parse(f"Date,Revenue\n2026-11-23,{cell}\n")
    assert messages(parsed) == [f"line 2: {problem}"]


def test_mixed_rows_report_every_problem_by_line() -> None:
    parsed = parse(ZH_MIXED)
    assert [f.day for f in parsed.rows] == [date(2026, 11, 23), date(2026, 11, 25)]
    assert parsed.lines == (2, 4)
    assert messages(parsed) == [
        "line 3: “12a” in 成员数 is not a whole number.",
        "line 5: “2026-13-01” in 日期 is not a date (no such day).",
        "line 6: 2026-11-23 is already on line 2.",
    ]
    assert parsed.errors[0].column == "成员数"
    assert parsed.bad_lines == (3, 5, 6)
    assert parsed.summary == "2 rows ready to import; 3 rows have problems."


def test_several_problems_on_one_line_and_check_figures() -> None:
    parsed = parse("日期,成员数,活跃成员,退群\n2026-11-23,100,120,x\n2026-11-24,100,120,1\n")
    assert messages(parsed) == [
        "line 2: “x” in 退群 is not a whole number.",
        "line 3: 活跃成员: More active members than members.",
    ]
    assert parsed.summary == "0 rows ready to import; 2 rows have problems."


def test_skipped_rows_totals_empty_and_unmapped() -> None:
    text = "\n".join(
        [
            "日期,成员数,备注,来源",
            "2026-11-23,10,,",
            ",,,,",
            "2026-11-24,,,",  # a day with no figures: left alone
            ",,,某人填的",  # text only in a column not imported
            "合计,10,,",
            "2026-11-25,12,,x,",  # an empty extra cell is fine
            "2026-11-26,13,,x,14",
        ]
    )
    parsed = parse(text)
    assert [f.day for f in parsed.rows] == [date(2026, 11, 23), date(2026, 11, 25)]
    assert parsed.skipped == (4, 6)
    assert messages(parsed) == [
        "line 8: it has 5 cells but the header has 4 columns "
        "(a number with a comma that is not in quotes?)."
    ]
    assert parsed.summary == "2 rows ready to import; 1 row has problems; 2 rows skipped."


def test_a_row_with_only_a_note_is_imported_and_a_formula_guard_is_read_off() -> None:
    parsed = parse("date,members,note\n2026-11-23,,'=1+1\n2026-11-24,,'it's\n")
    assert [f.note for f in parsed.rows] == ["=1+1", "'it's"]


# -- importing ------------------------------------------------------------------------


def stored(workspace: Workspace, cid: str) -> list[DayFigures]:
    return figures_between(workspace, cid)


def test_nothing_is_written_when_a_row_is_bad(workspace: Workspace, cid: str) -> None:
    parsed = parse(ZH_MIXED)
    depth = len(workspace.history.undo_stack)
    with pytest.raises(CsvError) as info:
        import_figures(workspace, cid, parsed, accept_partial=False)
    assert str(info.value) == (
        "3 rows of the file have problems (line 3: “12a” in 成员数 is not a whole number.); "
        "nothing was imported. Fix them, or import the other rows only."
    )
    assert info.value.exit_code == EXIT_BAD_INPUT
    assert stored(workspace, cid) == []
    assert len(workspace.history.undo_stack) == depth


def test_accept_partial_imports_the_good_rows_as_one_edit(workspace: Workspace, cid: str) -> None:
    parsed = parse(ZH_MIXED)
    change = import_figures(workspace, cid, parsed, accept_partial=True)
    assert change.action == "import_figures"
    assert change.subject == "读书会"
    assert stored(workspace, cid) == [
        DayFigures(date(2026, 11, 23), members=100, active_members=40),
        DayFigures(date(2026, 11, 25), members=101, active_members=41),
    ]
    assert len(change.ids(TABLE)) == 2
    workspace.undo()
    assert stored(workspace, cid) == []
    workspace.redo()
    assert len(stored(workspace, cid)) == 2


def test_one_undo_takes_a_good_import_back(workspace: Workspace, cid: str) -> None:
    import_figures(workspace, cid, parse(ZH_GOOD), accept_partial=False)
    assert stored(workspace, cid) == list(ZH_GOOD_FIGURES)
    workspace.undo()
    assert stored(workspace, cid) == []


def test_importing_the_same_file_again_changes_nothing(workspace: Workspace, cid: str) -> None:
    first = import_figures(workspace, cid, parse(ZH_GOOD), accept_partial=False)
    rows = workspace.db.execute(f"SELECT id, updated_at FROM {TABLE} ORDER BY id").fetchall()
    depth = len(workspace.history.undo_stack)
    again = import_figures(workspace, cid, parse(ZH_GOOD), accept_partial=False)
    assert again.rows == ()
    assert len(workspace.history.undo_stack) == depth
    assert workspace.db.execute(f"SELECT id, updated_at FROM {TABLE} ORDER BY id").fetchall() == (
        rows
    )
    assert first.ids(TABLE) == {r[0] for r in rows}
    # A changed figure updates that day's record, not a new one.
    changed = parse(ZH_GOOD.replace("1 240", "1 241"))
    update = import_figures(workspace, cid, changed, accept_partial=False)
    assert len(update.rows) == 1 and update.rows[0].before is not None
    assert workspace.db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] == 3


def test_figures_without_a_column_keep_their_values(workspace: Workspace, cid: str) -> None:
    day = date(2026, 11, 23)
    set_figures(workspace, cid, [DayFigures(day, members=90, revenue=50.0, note="旧")])
    import_figures(workspace, cid, parse("日期,成员数\n2026-11-23,100\n"), accept_partial=False)
    assert stored(workspace, cid) == [DayFigures(day, members=100, revenue=50.0, note="旧")]
    # An empty cell in a column the file has clears that figure.
    import_figures(
        workspace, cid, parse("日期,成员数,收入\n2026-11-23,100,\n"), accept_partial=False
    )
    assert stored(workspace, cid) == [DayFigures(day, members=100, note="旧")]


def test_kept_figures_that_clash_refuse_the_import(workspace: Workspace, cid: str) -> None:
    day = date(2026, 11, 23)
    set_figures(workspace, cid, [DayFigures(day, members=90, active_members=50)])
    parsed = parse("日期,成员数\n2026-11-24,100\n2026-11-23,40\n")
    with pytest.raises(CsvError, match="line 3: More active members than members"):
        import_figures(workspace, cid, parsed, accept_partial=False)
    assert stored(workspace, cid) == [DayFigures(day, members=90, active_members=50)]


def test_too_many_rows_and_gone_communities_are_refused(
    workspace: Workspace, cid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(metrics_csv, "MAX_IMPORT_ROWS", 2)
    with pytest.raises(CsvError, match="3 rows of figures; at most 2"):
        import_figures(workspace, cid, parse(ZH_GOOD), accept_partial=False)
    monkeypatch.undo()
    delete_community(workspace, cid)
    with pytest.raises(NotFound, match="in the trash"):
        import_figures(workspace, cid, parse(ZH_GOOD), accept_partial=False)
    assert stored(workspace, cid) == []


def test_nothing_good_with_accept_partial(workspace: Workspace, cid: str) -> None:
    parsed = parse("日期,成员数\nx,1\n")
    with pytest.raises(CsvError, match="no rows of figures"):
        import_figures(workspace, cid, parsed, accept_partial=True)


# -- exporting ------------------------------------------------------------------------


TRICKY = [
    DayFigures(date(2026, 11, 23), 1234, 300, 12, 3, 4560, 2, 1299.55, "=SUM(A1:A9)"),
    DayFigures(date(2026, 11, 24), 1240, None, None, None, None, None, 0.1, '-5人，"退群"'),
    DayFigures(date(2026, 11, 25), members=1241, revenue=12345678.9),
    DayFigures(date(2026, 11, 26), note="只有备注\n两行"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_then_import_gives_the_same_figures(
    workspace: Workspace, cid: str, lang: Language
) -> None:
    set_figures(workspace, cid, TRICKY)
    data = export_figures_csv(workspace, [cid], date(2026, 11, 1), date(2026, 11, 30), lang)
    assert data.startswith(codecs.BOM_UTF8)
    t = read_table(data)
    assert t.headers[0] == ("社群" if lang == "zh" else "Community")
    mapping = guess_mapping(t.headers)
    assert mapping == {field: column + 1 for field, column in ALL_FIELDS.items()}
    parsed = parse_rows(t, mapping)
    assert parsed.errors == ()
    assert list(parsed.rows) == TRICKY
    other, _ = create_community(workspace, {"name": "=Other"})
    import_figures(workspace, other, parsed, accept_partial=False)
    assert stored(workspace, other) == TRICKY


def test_export_cells_are_plain_and_safe(workspace: Workspace, cid: str) -> None:
    set_figures(workspace, cid, TRICKY)
    other, _ = create_community(workspace, {"name": "=Other"})
    set_figures(workspace, other, [DayFigures(date(2026, 11, 23), members=5)])
    data = export_figures_csv(workspace, [other, cid], date(2026, 11, 23), date(2026, 11, 24))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
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
    ]
    assert rows[1:] == [
        ["'=Other", "2026-11-23", "5", "", "", "", "", "", "", ""],
        ["读书会", "2026-11-23", "1234", "300", "12", "3", "4560", "2", "1299.55", "'=SUM(A1:A9)"],
        ["读书会", "2026-11-24", "1240", "", "", "", "", "", "0.1", '\'-5人，"退群"'],
    ]
    assert b"\r\n" in data
    assert (
        export_figures_csv(workspace, [], None, None, "zh")
        .decode("utf-8-sig")
        .startswith("社群,日期,成员数")
    )
    with pytest.raises(NotFound):
        export_figures_csv(workspace, ["no-such-id"])


def test_export_results_one_line_per_activity_occurrence(workspace: Workspace, cid: str) -> None:
    def activity(title: str, start: str, **values: object) -> str:
        base = {
            "community_id": cid,
            "kind": "activity",
            "item_type": "paid",
            "title": title,
            "start": datetime.fromisoformat(start),
            "end": datetime.fromisoformat(start).replace(hour=21),
            "tz": "Asia/Shanghai",
            "owner": "小王",
        }
        item_id, _ = create_calendar_item(workspace, base | values)
        return item_id

    activity(
        "训练营开营",
        "2026-11-23T20:00",
        planned_participants=50,
        actual_participants=46,
        planned_revenue=9990,
        actual_revenue=8791.2,
        status="done",
    )
    activity(
        "每周分享",
        "2026-11-24T20:00",
        recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        item_type="sharing",
        planned_shares=10,
    )
    activity("全天市集", "2026-11-28T00:00", all_day=True, item_type="brand")
    activity("下月的", "2026-12-20T20:00")
    create_calendar_item(
        workspace,
        {
            "community_id": cid,
            "kind": "content",
            "item_type": "article",
            "title": "文章",
            "start": datetime(2026, 11, 23, 9),
            "end": datetime(2026, 11, 23, 10),
        },
    )
    # The second weekly share gets its own result.
    second = [
        o
        for o in occurrences_between(workspace, datetime(2026, 12, 1), datetime(2026, 12, 2))
        if o.item.title == "每周分享"
    ][0]
    update_occurrence(workspace, second, {"actual_shares": 12}, EditScope.THIS)

    data = export_results_csv(workspace, [cid], date(2026, 11, 23), date(2026, 12, 14), "zh")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:10] == [
        "社群",
        "日期",
        "开始",
        "结束",
        "活动",
        "类型",
        "状态",
        "负责人",
        "参与人数（目标）",
        "参与人数（结果）",
    ]
    assert len(rows[0]) == 8 + 12
    assert [(r[1], r[4]) for r in rows[1:]] == [
        ("2026-11-23", "训练营开营"),
        ("2026-11-24", "每周分享"),
        ("2026-11-28", "全天市集"),
        ("2026-12-01", "每周分享"),
        ("2026-12-08", "每周分享"),
    ]
    camp = dict(zip(rows[0], rows[1], strict=True))
    assert camp["开始"] == "20:00" and camp["结束"] == "21:00"
    assert (camp["类型"], camp["状态"], camp["负责人"]) == ("付费活动", "已完成", "小王")
    assert (camp["参与人数（目标）"], camp["参与人数（结果）"]) == ("50", "46")
    assert (camp["收入（目标）"], camp["收入（结果）"]) == ("9990.0", "8791.2")
    assert camp["成本（目标）"] == ""
    shares = [
        (r[rows[0].index("分享数（目标）")], r[rows[0].index("分享数（结果）")]) for r in rows
    ]
    assert shares[2] == ("10", "") and shares[4] == ("10", "12") and shares[5] == ("10", "")
    assert rows[3][2:4] == ["全天", ""]

    english = export_results_csv(workspace, [cid], date(2026, 11, 23), date(2026, 11, 23), "en")
    lines = list(csv.reader(io.StringIO(english.decode("utf-8-sig"), newline="")))
    assert lines[0][8:10] == ["Participants planned", "Participants actual"]
    assert lines[1][5:7] == ["Paid activity", "Done"]
    assert (
        export_results_csv(workspace, [], date(2026, 11, 23), date(2026, 12, 14)).count(b"\r\n")
        == 1
    )
