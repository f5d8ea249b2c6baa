"""`planner export-week`: the week's plan as a PDF from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner import cli
from planner.demo import write_demo
from planner.paths import AppPaths
from planner.workspace import open_workspace
from tests.conftest import DEVICE

TODAY = date(2026, 11, 25)  # a Wednesday of 2026-W48


@pytest.fixture
def sample(tmp_path: Path, paths: AppPaths, qapp: object) -> Path:
    """The sample workspace made on TODAY. The PDF writer draws with Qt: the
    ``qapp`` fixture makes the app first, so pytest-qt's QApplication is the one."""
    path = tmp_path / "sample.cplan"
    write_demo(path, device_id=DEVICE, lock_dir=paths.lock_dir, today=TODAY)
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def text_of(path: Path) -> str:
    """The PDF's text without white space (lines and columns break anywhere)."""
    reader = PdfReader(path)
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_export_week_writes_the_plan(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.pdf"
    code, stdout, err = run(
        ["export-week", str(sample), "--week", "2026-W48", "--lang", "zh", "-o", str(out)],
        capsys,
    )
    assert code == 0, err
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert stdout == f"Wrote the plan for 2026-W48 ({pages} pages) to {out}\n"
    assert 2 <= pages <= 6
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    text = text_of(out)
    for words in (
        "周计划",
        "2026年第48周",
        "2026年11月23日–29日",
        "晨读打卡：今日一页",
        "上周复盘",
    ):
        assert words in text, words
    assert f"第{pages}页，共{pages}页" in text


def test_export_week_in_english_on_letter_paper_as_a_grid(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "grid.pdf"
    code, stdout, err = run(
        [
            "export-week",
            str(sample),
            "--week",
            "2026w48",
            "--lang",
            "en",
            "--paper",
            "letter",
            "--grid",
            "--community",
            "notion 中文用户群",
            "-o",
            str(out),
        ],
        capsys,
    )
    assert code == 0, err
    assert stdout.startswith("Wrote the plan for 2026-W48 (")
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)  # Letter, landscape
    text = text_of(out)
    assert "Weeklyplan" in text and "23–29November2026" in text
    assert "Notion中文用户群" in text and "深夜读书会" not in text


def test_export_week_works_while_the_app_has_the_workspace_open(
    sample: Path, tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.pdf"
    with open_workspace(sample, device_id="x", lock_dir=paths.lock_dir):
        code, _, err = run(
            ["export-week", str(sample), "--week", "2026-W48", "-o", str(out)], capsys
        )
    assert code == 0, err
    assert out.exists()


def test_an_empty_week_is_a_page_that_says_so(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "empty.pdf"
    code, stdout, _ = run(
        ["export-week", str(sample), "--week", "2020-W53", "--lang", "zh", "-o", str(out)],
        capsys,
    )
    assert code == 0 and "(1 page)" in stdout
    assert "本周还没有安排" in text_of(out)


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("2026-W60", "planner: 2026 has no week 60 (its weeks run W01–W53).\n"),
        ("2025-W53", "planner: 2025 has no week 53 (its weeks run W01–W52).\n"),
        ("abc", "planner: “abc” is not a week; write it like 2026-W48.\n"),
    ],
)
def test_a_bad_week_is_one_line_and_exit_2(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], week: str, message: str
) -> None:
    out = tmp_path / "plan.pdf"
    code, stdout, err = run(["export-week", str(sample), "--week", week, "-o", str(out)], capsys)
    assert (code, stdout, err) == (2, "", message)
    assert not out.exists()


def test_other_bad_input_is_one_line_and_exit_2(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.pdf"
    cases = [
        (["--community", "没有这个群"], "No community called “没有这个群” in this workspace."),
        (["-o", str(tmp_path / "plan.txt")], "the plan is written as a .pdf file."),
        (["-o", str(tmp_path / "no" / "plan.pdf")], "no such folder."),
    ]
    for extra, words in cases:
        argv = ["export-week", str(sample), "--week", "2026-W48", "-o", str(out), *extra]
        code, _, err = run(argv, capsys)
        assert code == 2 and words in err and err.count("\n") == 1, err
    code, _, err = run(
        ["export-week", str(tmp_path / "none.cplan"), "--week", "2026-W48", "-o", str(out)],
        capsys,
    )
    assert code == 2 and "no such file" in err
    assert not out.exists()
    for argv in (["export-week", str(sample)], ["export-week", "--week", "2026-W48"]):
        code, _, err = run([*argv, "-o", str(out)], capsys)
        assert code == 2 and "WORKSPACE and the --week" in err and err.count("\n") == 1, err
    assert not out.exists()


def test_help_lists_export_week(capsys: pytest.CaptureFixture[str]) -> None:
    assert "export-week" in cli.COMMANDS
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "export-week" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["export-week", "--help"])
    help_text = capsys.readouterr().out
    options = ("--week", "--community", "--lang", "--paper", "--landscape", "--grid", "--html")
    for option in options:
        assert option in help_text


def test_every_item_of_the_week_is_in_the_text_and_nothing_of_other_weeks(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The titles come back exactly as typed (一, 日 and digits included), every
    occurrence of the week's series and one-off items, and none of the weeks around."""
    from datetime import datetime

    from planner.calendar import occurrences_between

    out = tmp_path / "plan.pdf"
    code, _, err = run(
        ["export-week", str(sample), "--week", "2026-W48", "--lang", "zh", "-o", str(out)],
        capsys,
    )
    assert code == 0, err
    text = text_of(out)
    with open_workspace(sample, device_id=DEVICE, lock_dir=tmp_path / "locks") as ws:
        week = occurrences_between(ws, datetime(2026, 11, 23), datetime(2026, 11, 30))
        around = occurrences_between(ws, datetime(2026, 11, 9), datetime(2026, 11, 16))
        around += occurrences_between(ws, datetime(2026, 12, 7), datetime(2026, 12, 14))
    titles = {"".join(o.item.title.split()) for o in week}
    assert any("一" in t and "日" in t for t in titles)  # 晨读打卡：今日一页
    assert any(c.isdigit() for t in titles for c in t)
    for title in titles:
        assert title in text, title
    others = {"".join(o.item.title.split()) for o in around}
    # (A title that is part of one of this week's, as a series' own title is of
    # its changed occurrence, cannot tell the weeks apart.)
    only_elsewhere = {t for t in others if not any(t in mine for mine in titles)}
    assert only_elsewhere
    for title in only_elsewhere:
        assert title not in text, title
    for day in ("11月23日", "11月29日", "2026年第48周"):
        assert day in text


def test_a_busy_week_has_a_sensible_number_of_pages(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    from datetime import datetime, timedelta

    from planner.calendar import create_item
    from planner.communities import create_community
    from planner.workspace import create_workspace

    path = tmp_path / "busy.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        ids = [create_community(ws, {"name": f"社群 {n:02d}"})[0] for n in range(10)]
        for n in range(140):
            start = datetime(2026, 11, 23, 7) + timedelta(days=n % 7, minutes=30 * (n // 7))
            create_item(
                ws,
                {
                    "community_id": ids[n % 10],
                    "kind": "content",
                    "item_type": "morning_digest",
                    "title": f"第{n + 1}期 晨报：一周要闻",
                    "start": start,
                    "end": start + timedelta(minutes=20),
                },
            )
    out = tmp_path / "busy.pdf"
    code, stdout, err = run(
        ["export-week", str(path), "--week", "2026-W48", "-o", str(out)], capsys
    )
    assert code == 0, err
    pages = len(PdfReader(out).pages)
    # 140 rows of about 18 to 34 per A4 page (what comes before the rows depends on
    # the day the plan is made), plus headings: from 5 to 12 pages.
    assert 5 <= pages <= 12, pages
    text = text_of(out)
    for n in (1, 70, 140):
        assert f"第{n}期晨报：一周要闻" in text
    assert f"Page{pages}of{pages}" in text


def test_a_busy_day_in_the_grid_breaks_between_entries_with_the_days_on_every_page(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    from datetime import datetime, timedelta

    from planner.calendar import create_item
    from planner.communities import create_community
    from planner.workspace import create_workspace

    path = tmp_path / "busy-day.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        community, _ = create_community(ws, {"name": "Alpha"})
        for n in range(40):
            start = datetime(2026, 11, 24, 6) + timedelta(minutes=15 * n)
            create_item(
                ws,
                {
                    "community_id": community,
                    "kind": "content",
                    "item_type": "article",
                    "title": f"Item {n:02d} 一人日",
                    "start": start,
                    "end": start + timedelta(minutes=10),
                },
            )
    out = tmp_path / "grid.pdf"
    argv = ["export-week", str(path), "--week", "2026-W48", "--grid", "-o", str(out)]
    code, _, err = run(argv, capsys)
    assert code == 0, err
    reader = PdfReader(out)
    assert len(reader.pages) > 2
    schedule = [
        "".join(page.extract_text().split())
        for page in reader.pages
        if "Item" in page.extract_text()
    ]
    for page in schedule:  # the days' header repeats on every page of the grid
        assert "Monday23November" in page and "Sunday29November" in page
    whole = "".join(schedule)
    for n in range(40):  # each entry once, whole: never cut between pages
        assert whole.count(f"Item{n:02d}一人日") == 1, n


def test_qt_messages_go_to_the_log_not_the_terminal(
    tmp_path: Path, paths: AppPaths, qapp: object
) -> None:
    """A title in a script no installed font covers makes Qt complain about fonts;
    the command still prints its one line and nothing else (run as a new process,
    where the command makes its own Qt application)."""
    import os
    import subprocess
    import sys
    from datetime import datetime

    from planner.calendar import create_item
    from planner.communities import create_community
    from planner.workspace import create_workspace

    path = tmp_path / "scripts.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        community, _ = create_community(ws, {"name": "Scripts"})
        start = datetime(2026, 11, 24, 9)
        create_item(
            ws,
            {
                "community_id": community,
                "kind": "content",
                "item_type": "article",
                "title": "नमस्ते 一人日 12",
                "start": start,
                "end": start.replace(hour=10),
            },
        )
    out = tmp_path / "plan.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "planner", "export-week", str(path), "--week", "2026-W48"]
        + ["-o", str(out)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Wrote the plan for 2026-W48 (1 page) to {out}\n"
    assert done.stderr == ""
    assert "一人日12" in text_of(out)


# -- --html: a plan already rendered (how the app draws its PDFs, in a child process) --

PLAN_HTML = (
    "<html><body><h1>Plan 一人日</h1>"
    "<table><tr><td>Monday</td><td>Office hours 11</td></tr></table></body></html>"
)


def test_html_is_drawn_as_it_is_with_its_footer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    html = tmp_path / "plan.html"
    html.write_text(PLAN_HTML, encoding="utf-8")
    out = tmp_path / "plan.pdf"
    argv = ["export-week", "--html", str(html), "--title", "周计划 W48"]
    argv += ["--page-label", "P{page}/{pages}", "--paper", "letter", "--landscape"]
    code, stdout, err = run([*argv, "-o", str(out)], capsys)
    assert code == 0, err
    assert stdout == f"Wrote the plan (1 page) to {out}\n"
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)  # Letter, landscape
    text = text_of(out)
    for words in ("Plan一人日", "Monday", "Officehours11", "周计划W48", "P1/1"):
        assert words in text, words


def test_html_cannot_be_mixed_with_a_workspace_and_must_be_readable(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = tmp_path / "plan.html"
    html.write_text(PLAN_HTML, encoding="utf-8")
    out = tmp_path / "plan.pdf"
    cases = [
        (["export-week", str(sample), "--html", str(html)], "leave out WORKSPACE"),
        (["export-week", "--week", "2026-W48", "--html", str(html)], "leave out WORKSPACE"),
        (["export-week", "--html", str(tmp_path / "none.html")], "cannot be read"),
    ]
    for argv, words in cases:
        code, _, err = run([*argv, "-o", str(out)], capsys)
        assert code == 2 and words in err and err.count("\n") == 1, err
    assert not out.exists()
