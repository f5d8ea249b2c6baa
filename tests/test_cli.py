"""The command line contract: demo, check, --help, --version, one-line errors."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner import __version__, cli
from planner.paths import AppPaths
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
