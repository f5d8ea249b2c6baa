"""Fuzzing damaged workspace files through ``planner check`` and the open path.

The sample workspace (and a copy of it with changes still in its ``-wal``
file) is damaged the ways files get damaged: bytes flipped in the header, in
page 1 (the schema), in the b-tree pages or in the WAL; the file cut short;
pages zeroed; garbage appended. Whatever the damage:

- ``check_workspace`` returns a report or raises a one-line PlannerError, and
  never changes the file;
- ``open_workspace`` opens the file or raises a one-line PlannerError, and a
  file it refuses is left exactly as it was (no bytes changed, no new file
  but SQLite's ``-shm`` beside a ``-wal``);
- ``planner check`` exits 0, 1 or 2, with at most one line on stderr and no
  traceback.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from planner.check import check_workspace
from planner.communities import create_community, list_communities
from planner.demo import write_demo
from planner.errors import PlannerError
from planner.workspace import create_workspace, open_workspace
from tests.conftest import DEVICE
from tests.fuzz_common import LONG, QUICK, assert_one_line, assert_planner_error, table_digest

ROOT = Path(__file__).resolve().parent.parent


class Base:
    """An intact workspace: its bytes, and the bytes of its -wal file (if any).

    (Not a dataclass: Hypothesis would print every byte of a failing example's.)
    """

    def __init__(self, main: bytes, wal: bytes | None) -> None:
        self.main = main
        self.wal = wal

    def __repr__(self) -> str:
        return f"Base({len(self.main)} bytes, wal: {len(self.wal or b'')} bytes)"

    @property
    def page_size(self) -> int:
        size = int.from_bytes(self.main[16:18], "big")
        return 65536 if size == 1 else size


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Base]:
    """The sample workspace as a plain file, and as a file whose -wal holds changes."""
    folder = tmp_path_factory.mktemp("bases")
    locks = folder / "locks"
    plain = folder / "plain.cplan"
    write_demo(plain, device_id=DEVICE, lock_dir=locks)
    # A workspace that was opened (WAL mode), with committed changes still in the -wal.
    walled = folder / "wal.cplan"
    shutil.copyfile(plain, walled)
    open_workspace(walled, device_id=DEVICE, lock_dir=locks).close()
    conn = sqlite3.connect(walled)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    with conn:
        conn.execute(
            "INSERT INTO devices (id, label, seen_at) VALUES "
            "('00000000-0000-4000-8000-0000000000ff', 'fuzz', 1)"
        )
        conn.execute("UPDATE devices SET seen_at = seen_at + 1")
    main, wal = walled.read_bytes(), Path(f"{walled}-wal").read_bytes()
    conn.close()
    assert len(wal) > 32, "the -wal should hold frames"
    result = {"plain": Base(plain.read_bytes(), None), "wal": Base(main, wal)}
    return result


# -- damage ---------------------------------------------------------------------------------

REGIONS = ("header", "page1", "btree", "anywhere", "wal")


@st.composite
def damage(draw: st.DrawFn) -> tuple[str, tuple[tuple[object, ...], ...]]:
    """(which base, the damage done): a few operations, each with its own numbers."""
    base = draw(st.sampled_from(("plain", "plain", "wal")))
    op = st.one_of(
        st.tuples(
            st.just("flip"),
            st.sampled_from(REGIONS),
            st.integers(0, 2**31),
            st.integers(1, 255),
        ),
        st.tuples(st.just("zero_page"), st.integers(0, 2**31)),
        st.tuples(st.just("truncate"), st.sampled_from(("main", "wal")), st.integers(0, 2**31)),
        st.tuples(
            st.just("append"), st.sampled_from(("main", "wal")), st.binary(min_size=1, max_size=300)
        ),
        st.tuples(
            st.just("scribble"),
            st.sampled_from(REGIONS),
            st.integers(0, 2**31),
            st.binary(min_size=1, max_size=64),
        ),
    )
    return base, tuple(draw(st.lists(op, min_size=1, max_size=4)))


def _span(region: str, base: Base, main: bytearray, wal: bytearray | None) -> tuple[str, int, int]:
    """(file, first, end) of the bytes a region names, in the files as they are now."""
    page = base.page_size
    if region == "wal" and wal:
        return "wal", 0, len(wal)
    if region == "header":
        return "main", 0, min(100, len(main))
    if region == "page1":
        return "main", 0, min(page, len(main))
    if region == "btree":
        return "main", min(page, len(main)), len(main)
    return "main", 0, len(main)


def apply_damage(base: Base, ops: tuple[tuple[object, ...], ...]) -> tuple[bytes, bytes | None]:
    main = bytearray(base.main)
    wal = bytearray(base.wal) if base.wal is not None else None
    for op in ops:
        kind = op[0]
        if kind in ("flip", "scribble"):
            region, where = str(op[1]), int(op[2])  # type: ignore[call-overload]
            name, first, end = _span(region, base, main, wal)
            target = wal if name == "wal" else main
            if target is None or end <= first:
                continue
            offset = first + where % (end - first)
            if kind == "flip":
                target[offset] ^= int(op[3])  # type: ignore[call-overload]
            else:
                patch = bytes(op[3])  # type: ignore[call-overload]
                target[offset : offset + len(patch)] = patch[: max(0, len(target) - offset)]
        elif kind == "zero_page":
            pages = max(1, len(main) // base.page_size)
            first = (int(op[1]) % pages) * base.page_size  # type: ignore[call-overload]
            main[first : first + base.page_size] = bytes(len(main[first : first + base.page_size]))
        elif kind == "truncate":
            target = wal if op[1] == "wal" else main
            if target is not None:
                del target[int(op[2]) % (len(target) + 1) :]  # type: ignore[call-overload]
        elif kind == "append":
            target = wal if op[1] == "wal" else main
            if target is not None:
                target.extend(bytes(op[2]))  # type: ignore[call-overload]
    return bytes(main), bytes(wal) if wal is not None else None


_folders = itertools.count()


def write_damaged(folder: Path, main: bytes, wal: bytes | None) -> Path:
    """The damaged files in a fresh folder of their own; returns the workspace's path."""
    here = folder / f"case{next(_folders)}"
    here.mkdir()
    path = here / "damaged.cplan"
    path.write_bytes(main)
    if wal is not None:
        Path(f"{path}-wal").write_bytes(wal)
    return path


def files_in(folder: Path) -> dict[str, str]:
    """Every file of a folder and a digest of its bytes, but SQLite's -shm (rebuilt
    from the -wal)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        for p in sorted(folder.iterdir())
        if not p.name.endswith("-shm")
    }


# -- check ------------------------------------------------------------------------------------


def check_one(folder: Path, bases: dict[str, Base], case: tuple[str, tuple]) -> None:
    main, wal = apply_damage(bases[case[0]], case[1])
    path = write_damaged(folder, main, wal)
    before = files_in(path.parent)
    try:
        report = check_workspace(path)
    except Exception as exc:  # noqa: BLE001 - the property: only our own errors
        assert_planner_error(exc)
        event(f"check refused: {type(exc).__name__}")
    else:
        for problem in report.problems:
            assert_one_line(problem)
        event("check: sound" if report.sound else "check: problems listed")
    assert files_in(path.parent) == before, "check changed the file"
    shutil.rmtree(path.parent)


@QUICK
@given(case=damage())
def test_check_of_a_damaged_file_reports_or_refuses_in_one_line(
    case: tuple[str, tuple], bases: dict[str, Base], tmp_path_factory: pytest.TempPathFactory
) -> None:
    check_one(tmp_path_factory.getbasetemp(), bases, case)


@pytest.mark.long
@LONG
@given(case=damage())
def test_check_of_many_damaged_files(
    case: tuple[str, tuple], bases: dict[str, Base], tmp_path_factory: pytest.TempPathFactory
) -> None:
    check_one(tmp_path_factory.getbasetemp(), bases, case)


# -- open -------------------------------------------------------------------------------------


def open_one(folder: Path, bases: dict[str, Base], case: tuple[str, tuple]) -> None:
    main, wal = apply_damage(bases[case[0]], case[1])
    path = write_damaged(folder, main, wal)
    before = files_in(path.parent)
    locks = path.parent / "locks"
    try:
        ws = open_workspace(path, device_id=DEVICE, lock_dir=locks)
    except Exception as exc:  # noqa: BLE001 - the property: only our own errors
        assert_planner_error(exc)
        event(f"open refused: {type(exc).__name__}")
        after = files_in(path.parent)
        after.pop("locks", None)
        before.pop("locks", None)
        assert after == before, "a refused file was changed"
        # The lock was let go: the file can be asked for again and says the same.
        with pytest.raises(type(exc)):
            open_workspace(path, device_id=DEVICE, lock_dir=locks)
    else:
        try:
            # What was opened can be read: every record, and the communities as the app lists them.
            assert table_digest(ws.db.conn)
            for community in list_communities(ws):
                assert community.name
            event("opened")
        except (sqlite3.OperationalError, UnicodeDecodeError) as exc:
            # Text that is not UTF-8 is not looked for on open (it takes seconds on a large
            # workspace), but `planner check` finds it.
            assert isinstance(exc, UnicodeDecodeError) or "decode" in str(exc), exc
            event("opened with damaged text, which check finds")
            ws.close()
            report = check_workspace(path)
            assert any("not UTF-8" in problem for problem in report.problems), report.problems
        finally:
            ws.close()
    shutil.rmtree(path.parent)


@QUICK
@given(case=damage())
def test_open_of_a_damaged_file_opens_or_refuses_in_one_line(
    case: tuple[str, tuple], bases: dict[str, Base], tmp_path_factory: pytest.TempPathFactory
) -> None:
    open_one(tmp_path_factory.getbasetemp(), bases, case)


@pytest.mark.long
@LONG
@given(case=damage())
def test_open_of_many_damaged_files(
    case: tuple[str, tuple], bases: dict[str, Base], tmp_path_factory: pytest.TempPathFactory
) -> None:
    open_one(tmp_path_factory.getbasetemp(), bases, case)


# -- the command line -------------------------------------------------------------------------

# A few damaged files of each kind, made the same way every run.
CLI_CASES = {
    "magic": ("plain", (("scribble", "header", 0, b"SQLite format 4"),)),
    "cut short": ("plain", (("truncate", "main", 70_000),)),
    "schema page zeroed": ("plain", (("scribble", "page1", 100, bytes(3000)),)),
    "wal garbage": ("wal", (("scribble", "wal", 40, b"\x00\xff" * 20),)),
}


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PLANNER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def assert_clean_cli(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 0, 1 or 2; no traceback; an error is one line on stderr."""
    assert result.returncode in (0, 1, 2), result
    assert "Traceback" not in result.stdout + result.stderr
    assert "unexpected error" not in result.stderr
    if result.stderr:
        assert result.returncode in (1, 2)
        assert_one_line(result.stderr.rstrip("\n"))
        assert result.stderr.startswith("planner: ")


@pytest.mark.parametrize("name", CLI_CASES)
def test_planner_check_on_a_damaged_file(name: str, bases: dict[str, Base], tmp_path: Path) -> None:
    base, ops = CLI_CASES[name]
    main, wal = apply_damage(bases[base], ops)
    path = write_damaged(tmp_path, main, wal)
    before = files_in(path.parent)
    result = run_cli("check", str(path), home=tmp_path / "home")
    assert_clean_cli(result)
    if base == "plain":
        # (A -wal whose frames no longer add up is ignored by SQLite: then the file is sound.)
        assert result.returncode != 0, "a damaged file was found sound"
    if result.returncode == 1:
        assert result.stdout.startswith(f"{path}: "), result.stdout
        assert "problem" in result.stdout.splitlines()[0]
    elif result.returncode == 2:
        assert str(path) in result.stderr
    assert files_in(path.parent) == before


# -- what the fuzzing found (each input pinned) ------------------------------------------------


def empty_workspace(folder: Path) -> Path:
    path = folder / "found.cplan"
    create_workspace(path, device_id=DEVICE, lock_dir=folder / "locks").close()
    return path


def schema_name_offset(data: bytes, table: str) -> int:
    """Where the ``name`` of ``table``'s row in sqlite_master starts in the file."""
    sql = data.index(f"CREATE TABLE {table} (".encode())
    tbl_name = data.rindex(table.encode(), 0, sql)
    return data.rindex(table.encode(), 0, tbl_name)


def refused(path: Path) -> tuple[str, str]:
    """What check says of a damaged file (its refusal or its one problem), and
    open's refusal: each one line."""
    try:
        report = check_workspace(path)
    except PlannerError as exc:
        checked = str(assert_planner_error(exc))
    else:
        assert len(report.problems) == 1, report.problems
        checked = report.problems[0]
        assert_one_line(checked)
    with pytest.raises(PlannerError) as opened:
        open_workspace(path, device_id=DEVICE, lock_dir=path.parent / "locks")
    assert_planner_error(opened.value)
    return checked, str(opened.value)


def test_a_schema_name_that_is_not_utf8_is_damage_not_a_crash(tmp_path: Path) -> None:
    # Found: PRAGMA quick_check's own message quoted the name's bytes, and reading it
    # raised UnicodeDecodeError out of check and open.
    path = empty_workspace(tmp_path)
    data = bytearray(path.read_bytes())
    data[schema_name_offset(data, "fission_scenarios") + 3] = 0xAC
    path.write_bytes(bytes(data))
    before = files_in(tmp_path)
    for message in refused(path):
        assert "damaged" in message and "not UTF-8" in message, message
    assert files_in(tmp_path) == before


def test_a_line_break_in_sqlites_message_stays_one_line(tmp_path: Path) -> None:
    # Found: "malformed database schema (fission_scenario\r)" went into the message as it was.
    path = empty_workspace(tmp_path)
    data = bytearray(path.read_bytes())
    data[schema_name_offset(data, "fission_scenarios") + 16] = 0x0D
    path.write_bytes(bytes(data))
    for message in refused(path):
        assert "malformed database schema (fission_scenario" in message


def test_schema_text_that_is_not_utf8_is_one_line_in_check(tmp_path: Path) -> None:
    # Found: "Could not decode to UTF-8 column 'sql' with text 'CREATE TABLE ...\n...'"
    # listed as a problem (and in open's message) with the schema's line breaks.
    path = empty_workspace(tmp_path)
    data = bytearray(path.read_bytes())
    data[data.index(b"CREATE TABLE fission_scenarios (") + 40] ^= 0x80
    path.write_bytes(bytes(data))
    report = check_workspace(path)
    assert len(report.problems) == 1
    (problem,) = report.problems
    assert_one_line(problem)
    assert problem.startswith("damaged: Could not decode to UTF-8 column 'sql'")
    with pytest.raises(PlannerError) as caught:
        open_workspace(path, device_id=DEVICE, lock_dir=tmp_path / "locks")
    assert_planner_error(caught.value)


def test_a_header_naming_a_newer_file_format_is_refused(tmp_path: Path) -> None:
    # Found: byte 18 (SQLite's write version) set to 3 makes SQLite open the file
    # read-only; open_workspace then failed with "attempt to write a readonly database".
    path = empty_workspace(tmp_path)
    data = bytearray(path.read_bytes())
    data[18] = 3
    path.write_bytes(bytes(data))
    before = files_in(tmp_path)
    for message in refused(path):
        assert "its header is damaged" in message
    assert files_in(tmp_path) == before


def test_check_names_text_that_is_not_utf8(tmp_path: Path) -> None:
    # Found: a community name whose bytes are not UTF-8 passes quick_check; check now
    # names it (open does not look at every value: it would take seconds on a large file).
    path = empty_workspace(tmp_path)
    with open_workspace(path, device_id=DEVICE, lock_dir=tmp_path / "locks") as ws:
        create_community(ws, {"name": "Readers QQQQ"})
    data = path.read_bytes()
    assert b"Readers QQQQ" in data  # in the table and in the index of names
    path.write_bytes(data.replace(b"Readers QQQQ", b"Readers \xacQQQ"))
    report = check_workspace(path)
    assert any(
        problem.startswith("communities: damaged name") and "not UTF-8" in problem
        for problem in report.problems
    ), report.problems
    for problem in report.problems:
        assert_one_line(problem)
