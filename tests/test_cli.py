"""The command line contract: demo, check, --help, --version, one-line errors."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from planner import __version__, cli
from planner.paths import AppPaths
from planner.template_context import format_date
from tests.test_workspace import BAD_FILES, corrupt, make_workspace

ROOT = Path(__file__).resolve().parents[1]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "launcher",
    [
        [sys.executable, str(ROOT / "main.py")],
        [sys.executable, "-m", "planner"],
        [str(Path(sys.executable).parent / "planner")],
    ],
    ids=["main.py", "python -m planner", "planner"],
)
def test_every_launcher_is_the_same_program(launcher: list[str], paths: AppPaths) -> None:
    version = subprocess.run(
        [*launcher, "--version"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert version.stdout.strip() == f"Community Planner {__version__}"
    bad = subprocess.run(
        [*launcher, "check", "/no/such/file.cplan"], capture_output=True, text=True, cwd=ROOT
    )
    assert bad.returncode == 2
    assert bad.stderr == "planner: /no/such/file.cplan: no such file.\n"
    assert bad.stdout == ""


def test_help_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "demo", "check"):
        assert command in out


def test_usage_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "WORKSPACE" in err


def test_a_file_argument_means_gui() -> None:
    assert cli._normalize_argv([]) == ["gui"]
    assert cli._normalize_argv(["my.cplan"]) == ["gui", "my.cplan"]
    assert cli._normalize_argv(["check", "x"]) == ["check", "x"]
    assert cli._normalize_argv(["--version"]) == ["--version"]


def test_demo_writes_a_sound_workspace(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sample.cplan"
    code, stdout, _ = run(["demo", str(out)], capsys)
    assert code == 0 and "sample.cplan" in stdout
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["sample.cplan"]
    code, stdout, _ = run(["check", str(out)], capsys)
    assert code == 0
    assert "sound" in stdout and "4 communities" in stdout


def test_demo_never_overwrites_without_force(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.cplan"
    out.write_bytes(b"precious")
    code, _, err = run(["demo", str(out)], capsys)
    assert code == 2 and "already exists" in err
    assert out.read_bytes() == b"precious"
    code, _, _ = run(["demo", "--force", str(out)], capsys)
    assert code == 0 and out.read_bytes()[:16] == b"SQLite format 3\x00"


def test_demo_into_a_missing_folder_fails_cleanly(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["demo", str(tmp_path / "nope" / "s.cplan")], capsys)
    assert code == 2 and "no such folder" in err and err.count("\n") == 1


@pytest.mark.parametrize("case", [c for c in BAD_FILES if c != "corrupt"])
def test_check_unreadable_files_exit_2_with_one_line(
    case: str, tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    make, _, words = BAD_FILES[case]
    path = make(tmp_path, paths)
    code, out, err = run(["check", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("planner: ") and err.count("\n") == 1
    assert words in err


def test_check_lists_damage_and_exits_1(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths, ("a", "b", "c"))
    corrupt(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 1
    assert "damaged:" in out
    assert "*** in database" not in out  # SQLite's section header is not a problem
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_check_lists_foreign_schema_objects_and_bad_rows(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths, ("读书会", "家长群"))
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE spyware (x)")
    conn.execute("CREATE VIEW peek AS SELECT * FROM communities")
    conn.execute("CREATE TRIGGER sneaky AFTER UPDATE ON communities BEGIN SELECT 1; END")
    conn.execute("UPDATE communities SET stage = 'decline', color = 'red' WHERE name = '读书会'")
    conn.execute("UPDATE communities SET name = '读书会' WHERE name = '家长群'")
    conn.commit()
    conn.close()
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 1
    assert "unknown table “spyware”" in out
    assert "unknown view “peek”" in out
    assert "unknown trigger “sneaky”" in out
    assert "unknown stage “decline”" in out
    assert "colour “red” is not #RRGGBB" in out
    assert "two communities are called “读书会”" in out
    assert out.splitlines()[0].endswith("6 problems")


def test_unexpected_errors_are_one_line_and_logged(
    tmp_path: Path,
    paths: AppPaths,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(*_args: object) -> int:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(cli, "_cmd_check", explode)
    code, _, err = run(["check", "x.cplan"], capsys)
    assert code == 1
    assert err.count("\n") == 1
    assert "ZeroDivisionError: boom" in err and str(paths.log_file) in err
    assert "Traceback" not in err
    assert "Traceback" in paths.log_file.read_text(encoding="utf-8")


def test_demo_force_refuses_a_workspace_open_elsewhere(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.workspace import open_workspace

    out = make_workspace(tmp_path / "busy.cplan", paths, ("正在用",))
    with open_workspace(out, device_id="x", lock_dir=paths.lock_dir):
        code, _, err = run(["demo", "--force", str(out)], capsys)
        assert code == 2 and ("in use" in err or "already open" in err)
    code, out_text, _ = run(["check", str(out)], capsys)
    assert code == 0 and "1 communities" in out_text


# -- posters and welcome sequences ------------------------------------------------------------

READING = "深夜读书会 · 付费会员圈"


def _reading_live_class(path: Path, paths: AppPaths) -> tuple[str, str, datetime]:
    """The weekly live class: its series id, "ID@YYYY-MM-DDTHH:MM" of its next
    occurrence, and when that occurrence starts (it may have been moved)."""
    from datetime import timedelta

    from planner.calendar import occurrences_between
    from planner.workspace import open_workspace

    with open_workspace(path, device_id="x", lock_dir=paths.lock_dir, read_only=True) as ws:
        start = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        occ = next(
            o
            for o in occurrences_between(ws, start, start + timedelta(days=14))
            if o.item.title.startswith("林老师直播领读") and o.series is not None
        )
    series_id, when = occ.key
    return series_id, f"{series_id}@{when}", occ.start


def test_help_names_the_template_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for command in ("poster", "welcome", "templates"):
        assert command in out


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_poster_writes_each_format(
    suffix: str,
    sample_path: Path,
    tmp_path: Path,
    paths: AppPaths,
    qapp: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / f"poster{suffix}"
    before = hashlib.sha256(sample_path.read_bytes()).hexdigest()
    code, stdout, err = run(
        [
            "poster",
            str(sample_path),
            "--template",
            "嘉宾分享 / 直播课海报",
            "--community",
            READING,
            "-o",
            str(out),
            "--width",
            "540",
        ],
        capsys,
    )
    assert (code, err) == (0, "")
    assert stdout == f"Wrote the poster “嘉宾分享 / 直播课海报” for “{READING}” to {out}\n"
    data = out.read_bytes()
    if suffix == ".png":
        from PySide6.QtGui import QImage

        image = QImage(str(out))
        assert (image.width(), image.height()) == (540, 960)
    elif suffix == ".pdf":
        assert data.startswith(b"%PDF")
    else:
        assert data.startswith(b"<?xml") and "扫码进群".encode() in data
    # Read-only: the workspace is untouched and works while open in the app.
    assert hashlib.sha256(sample_path.read_bytes()).hexdigest() == before


def test_poster_from_a_calendar_item_and_a_qr_link(
    sample_path: Path, tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    series_id, occurrence, start = _reading_live_class(sample_path, paths)
    for item in (series_id, occurrence):
        out = tmp_path / "p.svg"
        code, _, err = run(
            [
                "poster",
                str(sample_path),
                "--template",
                "guest share / live class poster",
                "--community",
                READING,
                "--item",
                item,
                "--qr",
                "https://example.com/g/night-owls",
                "-o",
                str(out),
            ],
            capsys,
        )
        assert (code, err) == (0, "")
        text = out.read_text(encoding="utf-8")
        assert "林老师直播领读" in text and "Speaker" in text
    # The occurrence asked for, on its own day.
    assert format_date(start, "en") in text


def test_the_poster_qr_scans_to_the_given_link(
    sample_path: Path,
    tmp_path: Path,
    paths: AppPaths,
    qapp: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import zxingcpp
    from PySide6.QtGui import QImage

    out = tmp_path / "p.png"
    link = "https://example.com/g/night-owls"
    code, _, _ = run(
        ["poster", str(sample_path), "--template", "裂变邀请海报", "--community", READING]
        + ["--qr", link, "-o", str(out)],
        capsys,
    )
    assert code == 0
    image = QImage(str(out)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert [b.text for b in zxingcpp.read_barcodes(image)] == [link]


FISSION = "裂变邀请海报"
PNG = "{tmp}/p.png"


@pytest.mark.parametrize(
    ("template", "community", "extra", "words"),
    [
        ("nope", READING, ["-o", PNG], "No template called"),
        (FISSION, "nope", ["-o", PNG], "No community"),
        (FISSION, READING, ["-o", "{tmp}/p.gif"], ".png, .pdf"),
        (FISSION, READING, ["-o", "{tmp}/no/p.png"], "no such folder"),
        ("新人 24 小时欢迎", READING, ["-o", PNG], "not a poster"),
        (FISSION, READING, ["--item", "x@soon", "-o", PNG], "ID@YYYY-MM-DDTHH:MM"),
        (FISSION, READING, ["--item", "nope", "-o", PNG], "No calendar item"),
        (FISSION, READING, ["-o", PNG, "--width", "9"], "between 16 and 8000"),
    ],
)
def test_poster_bad_input_is_one_line_and_exit_2(
    template: str,
    community: str,
    extra: list[str],
    words: str,
    sample_path: Path,
    tmp_path: Path,
    paths: AppPaths,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--template", template, "--community", community, *extra]
    argv = ["poster", str(sample_path), *[a.replace("{tmp}", str(tmp_path)) for a in args]]
    try:
        code, out, err = run(argv, capsys)
    except SystemExit as exited:  # argparse refuses some values itself
        code, (out, err) = int(str(exited.code)), capsys.readouterr()
    assert code == 2 and out == ""
    assert words in err and err.count("\n") == 1
    assert not list(tmp_path.glob("p.*"))


def test_poster_item_of_another_community_is_refused(
    sample_path: Path, tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    series_id, _, _ = _reading_live_class(sample_path, paths)
    code, _, err = run(
        ["poster", str(sample_path), "--template", FISSION, "--community", "Notion 中文用户群"]
        + ["--item", series_id, "-o", str(tmp_path / "p.svg")],
        capsys,
    )
    assert code == 2 and "belongs to another community" in err


def test_welcome_prints_each_message_with_its_offset(
    sample_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["welcome", str(sample_path), "--community", READING], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"新人 24 小时欢迎 · {READING}"
    assert [line for line in lines if line.startswith("T+")] == ["T+0", "T+2h", "T+1d"]
    assert "欢迎新朋友加入「深夜读书会 · 付费会员圈」" in out and "成语接龙" in out
    assert "{{" not in out

    code, out, _ = run(
        ["welcome", str(sample_path), "--community", READING, "--lang", "en"], capsys
    )
    assert code == 0 and out.startswith("First 24 hours welcome · ")
    assert "Ice-breaker" in out

    code, out, _ = run(
        ["welcome", str(sample_path), "--community", READING, "--template", "付费会员入群欢迎"]
        + ["--operator", "小林"],
        capsys,
    )
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("T+")] == [
        "T+0",
        "T+30m",
        "T+2h",
        "T+1d",
    ]
    assert "我是你的专属运营 小林" in out


def test_welcome_bad_input_exits_2(
    sample_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["welcome", str(sample_path), "--community", "nope"], capsys)
    assert code == 2 and err.startswith("planner: No community")
    code, _, err = run(
        ["welcome", str(sample_path), "--community", READING, "--template", "裂变邀请海报"], capsys
    )
    assert code == 2 and "not a welcome sequence" in err
    with pytest.raises(SystemExit) as exited:
        cli.main(["welcome", str(sample_path), "--community", READING, "--lang", "fr"])
    assert exited.value.code == 2


def test_templates_lists_built_ins_and_workspace_copies(
    sample_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.template_library import duplicate_template
    from planner.workspace import open_workspace

    with open_workspace(sample_path, device_id="x", lock_dir=paths.lock_dir) as ws:
        duplicate_template(ws, "builtin:first_24_hours.zh", "读书会欢迎语")
    code, out, _ = run(["templates", str(sample_path)], capsys)
    assert code == 0
    assert "poster   zh  built-in   裂变邀请海报  (builtin:fission_invite.zh)" in out
    assert "welcome  zh  workspace  读书会欢迎语" in out
    code, out, _ = run(["templates", str(sample_path), "--kind", "welcome"], capsys)
    assert "poster" not in out and len(out.splitlines()) == 5
    code, out, _ = run(
        ["welcome", str(sample_path), "--community", READING, "--template", "读书会欢迎语"], capsys
    )
    assert code == 0 and out.startswith("读书会欢迎语 · ")
