"""Crash safety: a process killed (SIGKILL) in the middle of a long write.

A driver process (tests/crash_driver.py) opens a workspace as the app does,
commits a few "before" changes, then runs one long write the app makes: an
ICS import, a metrics CSV import, replicating a community, merging a
teammate's copy (backup first, then apply). The test kills it after a random
delay drawn over the write's measured duration (plus a fifth, so some kills
land after it), then checks that the file

* passes ``planner check``: ``check_workspace`` finds no problem after every
  kill, and the command (``python -m planner check``, a process each) exits 0
  after the first kill of a merge (of every write with ``--long``),
* opens (``open_workspace``, as the app does) and opening it changes nothing,
* holds exactly NONE or ALL of the interrupted write: every row of every table
  equals the "none" reference (the file right after the before-changes) or
  the "all" reference (a run that completed), and ALL once the driver said the
  write returned,
* still holds every change committed before it,

and, for a merge, that every backup in the backups folder is a complete copy
of the workspace as it was before the merge (a half-written one is only ever
a hidden temporary file) and that a merged workspace always has its backup.

The driver's clock and uuid4 are deterministic, so every completed run writes
the same rows. The delays come from a seeded random (``CRASH_SEED`` overrides
it); each failure names the seed, the kill and its delay. The default run
kills a few times per write; ``pytest --long`` kills 40 times per write.
"""

from __future__ import annotations

import hashlib
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from planner.check import CheckReport, check_workspace
from planner.communities import find_community
from planner.errors import WorkspaceError
from planner.workspace import connect_read_only, open_workspace
from tests import crash_driver as driver

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

DRIVER = Path(driver.__file__)
ROOT = DRIVER.parent.parent
SEED = int(os.environ.get("CRASH_SEED", "20261123"))
KILLS = 3
LONG_KILLS = 40
MARKER_TIMEOUT = 60.0  # seconds a driver may take to reach a marker (a hung driver fails)

# Sizes: each write takes 100-400 ms here, so a run stays near a second.
SERIES = 300  # weekly series of the replicated community
CONTENT_SERIES = sum(1 for n in range(SERIES) if n % 3)  # the ones a copy takes (see build_base)
CHECKLIST = 300  # its own checklist items
EVENTS = 600  # events in the .ics file (and in the teammate's copy)
DAYS = 2 * 366  # rows of daily figures in the CSV (and in the teammate's copy)


@dataclass(frozen=True)
class Scenario:
    """One write to interrupt: the driver's ``op``, and the window the kills land in
    (``write``: from the write transaction's start to its end; ``backup``: from the
    start of the merge to the end of its backup copy)."""

    name: str
    op: str
    window: str = "write"


SCENARIOS = (
    Scenario("ics", "ics"),
    Scenario("csv", "csv"),
    Scenario("replicate", "replicate"),
    Scenario("merge", "merge"),
    Scenario("merge-backup", "merge", "backup"),
)

Fingerprint = dict[str, tuple[int, str]]


@dataclass
class Reference:
    """A completed run of one op: the file before the write and after it, and how
    long the write and (for a merge) the backup took, as the parent saw it."""

    none: Fingerprint
    all: Fingerprint
    write: float
    backup: float


@dataclass
class Fixtures:
    root: Path
    base: Path
    inputs: dict[str, Path]
    references: dict[str, Reference] = field(default_factory=dict)
    runs: int = 0


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Fixtures:
    """The starting workspace, the .ics and .csv files and the teammate's copy (once)."""
    root = tmp_path_factory.mktemp("crash")
    locks = root / "locks"
    locks.mkdir()
    base = root / "base.cplan"
    driver.build_base(base, locks, series=SERIES, checklist=CHECKLIST)
    ics = driver.ics_text(EVENTS)
    (root / "events.ics").write_bytes(ics)
    (root / "figures.csv").write_bytes(driver.csv_text(DAYS))
    driver.build_theirs(base, root / "teammate.cplan", locks, ics, days=DAYS)
    for leftover in (Path(f"{base}-wal"), Path(f"{base}-shm")):
        assert not leftover.exists(), "the base workspace must be one self-contained file"
    inputs = {
        "ics": root / "events.ics",
        "csv": root / "figures.csv",
        "merge": root / "teammate.cplan",
    }
    return Fixtures(root, base, inputs)


# -- reading a workspace -------------------------------------------------------------------------


def fingerprint(path: Path) -> Fingerprint:
    """Every table's row count and a digest of its rows (in any order), read-only."""
    conn = connect_read_only(path)
    try:
        tables = [
            str(name)
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        found: Fingerprint = {}
        for table in tables:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
            found[table] = (len(rows), digest)
        for pragma in ("user_version", "application_id"):
            found[f"pragma {pragma}"] = (conn.execute(f"PRAGMA {pragma}").fetchone()[0], "")
        return found
    finally:
        conn.close()


def differences(found: Fingerprint, ref: Reference) -> str:
    """The tables where ``found`` is neither the "none" nor the "all" reference."""
    lines = []
    for table in sorted(set(found) | set(ref.none) | set(ref.all)):
        have, none, all_ = found.get(table), ref.none.get(table), ref.all.get(table)
        if have != none or have != all_:
            lines.append(f"  {table}: found {have}, none {none}, all {all_}")
    return "\n".join(lines)


# -- running the driver --------------------------------------------------------------------------


def child_env(fx: Fixtures, **more: str) -> dict[str, str]:
    """The environment of a child process: its bytecode is cached under the test's
    temporary folder (not beside the sources), so each of the many short runs
    does not compile the planner again."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(fx.root / "pycache"), **more)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Driver:
    """A running crash_driver.py; its stdout lines arrive in a queue (a thread reads them)."""

    def __init__(self, op: str, run: Path, fx: Fixtures, *, pause: bool = False) -> None:
        self.run = run
        self.workspace = run / "workspace.cplan"
        self.locks = run / "locks"
        self.backups = run / "backups"
        self.locks.mkdir(parents=True)
        (run / "tmp").mkdir()
        shutil.copyfile(fx.base, self.workspace)
        command = [
            sys.executable,
            str(DRIVER),
            op,
            str(self.workspace),
            "--lock-dir",
            str(self.locks),
            "--backups",
            str(self.backups),
        ]
        if op in fx.inputs:
            command += ["--input", str(fx.inputs[op])]
        if pause:
            command.append("--pause-after-before")
        env = child_env(fx, PYTHONHASHSEED="0", TMPDIR=str(run / "tmp"))
        env["PLANNER_HOME"] = str(run / "home")
        self.stderr_path = run / "stderr.txt"
        with open(self.stderr_path, "wb") as stderr:
            self.proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                cwd=ROOT,
                env=env,
            )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        assert self.proc.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.strip())
        self._queue.put(None)

    def wait_for(self, word: str) -> float:
        """Wait for the line starting with ``word``; returns when it arrived (monotonic)."""
        deadline = time.monotonic() + MARKER_TIMEOUT
        while True:
            try:
                line = self._queue.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                self.proc.kill()
                pytest.fail(f"the driver in {self.run} did not say {word} in time")
            if line is None:
                pytest.fail(
                    f"the driver in {self.run} ended before saying {word}: "
                    f"{self.lines}\n{self.stderr_path.read_text()}"
                )
            self.lines.append(line)
            if line.split()[:1] == [word]:
                return time.monotonic()

    def resume(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go on\n")
        self.proc.stdin.flush()

    def finish(self) -> int:
        """Wait for the driver to end and read the rest of what it said."""
        returncode = self.proc.wait(timeout=MARKER_TIMEOUT)
        self._reader.join(timeout=MARKER_TIMEOUT)
        while True:
            line = self._queue.get_nowait() if not self._queue.empty() else None
            if line is None:
                break
            self.lines.append(line)
        return returncode

    def __enter__(self) -> Driver:
        return self

    def __exit__(self, *exc: object) -> None:
        """Never leave the driver running, nor its pipes open."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=MARKER_TIMEOUT)
        self._reader.join(timeout=MARKER_TIMEOUT)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()

    def said(self, word: str) -> bool:
        return any(line.split()[:1] == [word] for line in self.lines)


def reference(fx: Fixtures, op: str) -> Reference:
    """Run ``op`` to the end once (per module): the "none" and "all" states, the timings."""
    if op in fx.references:
        return fx.references[op]
    with Driver(op, fx.root / f"reference-{op}", fx, pause=True) as run:
        run.wait_for("BEFORE")
        none = fingerprint(run.workspace)  # a reader beside the driver: the committed state
        run.resume()
        go = run.wait_for("GO")
        backup_at = run.wait_for("BACKUP") if op == "merge" else go
        write_at = run.wait_for("WRITE")
        done_at = run.wait_for("DONE")
        assert run.finish() == 0, run.stderr_path.read_text()
    assert check_workspace(run.workspace).sound
    after = fingerprint(run.workspace)
    assert after != none
    grown = {t: after[t][0] - none[t][0] for t in after if after[t][0] != none[t][0]}
    expected = {
        "ics": {"calendar_items": EVENTS},
        "csv": {"community_metrics": DAYS},
        "replicate": {"communities": 1, "calendar_items": CONTENT_SERIES},
        "merge": {"calendar_items": EVENTS, "community_metrics": DAYS, "merge_log": 1},
    }[op]
    for table, count in expected.items():
        assert grown.get(table) == count, f"{op}: {table} grew by {grown.get(table)}"
    if op == "merge":
        backups = sorted(run.backups.iterdir())
        assert len(backups) == 1 and not backups[0].name.startswith(".")
        assert fingerprint(backups[0]) == none, "the backup is the workspace before the merge"
    fx.references[op] = Reference(none, after, done_at - write_at, backup_at - go)
    return fx.references[op]


# -- one kill ------------------------------------------------------------------------------------


def planner_check(fx: Fixtures, path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(fx, PLANNER_HOME=str(home)),
        timeout=MARKER_TIMEOUT,
    )


def checked(path: Path, label: str) -> CheckReport:
    """``check_workspace(path)``, which must find the file readable and sound."""
    try:
        report = check_workspace(path)
    except WorkspaceError as exc:
        pytest.fail(f"{label}: {exc}")
    assert report.sound, f"{label}: check found {report.problems}"
    return report


def check_backups(run: Driver, ref: Reference, outcome: str, label: str) -> str:
    """Every backup is complete and the workspace as it was before the merge;
    what an interrupted one leaves is a hidden temporary file. Returns where the
    kill landed: "backup" (a temporary file is left), "apply" or "not started"."""
    if not run.backups.exists():
        assert outcome == "none", f"{label}: merged without a backup"
        return "not started"
    complete, partial = [], []
    for entry in sorted(run.backups.iterdir()):
        if entry.name.startswith(".") and ".tmp" in entry.name:
            partial.append(entry)
        else:
            complete.append(entry)
    for backup in complete:
        assert backup.suffix == ".cplan", f"{label}: unexpected file {backup.name} in backups"
        checked(backup, f"{label}: backup {backup.name}")
        assert fingerprint(backup) == ref.none, (
            f"{label}: backup {backup.name} is not the workspace before the merge"
        )
    assert len(complete) <= 1, f"{label}: {len(complete)} backups of one merge"
    if outcome == "all":
        assert complete, f"{label}: merged, but no complete backup was kept"
    if partial:
        assert not complete, f"{label}: a temporary file left beside a finished backup"
        return "backup"
    return "apply" if complete else "not started"


def kill_once(
    fx: Fixtures,
    scenario: Scenario,
    ref: Reference,
    index: int,
    delay: float,
    window: float,
    *,
    cli: bool,
) -> str:
    """Kill a run of ``scenario`` ``delay`` seconds into its window, check the file;
    returns the outcome ("none" or "all", and where a merge was killed)."""
    label = (
        f"{scenario.name} kill #{index} (CRASH_SEED={SEED}, delay {delay * 1000:.1f} ms "
        f"of a {window * 1000:.0f} ms window)"
    )
    fx.runs += 1
    with Driver(scenario.op, fx.root / f"run-{fx.runs:04d}-{scenario.name}-{index}", fx) as run:
        run.wait_for("BEFORE")
        run.wait_for("GO" if scenario.window == "backup" else "WRITE")
        time.sleep(delay)  # the random point of the kill, not a synchronisation
        run.proc.send_signal(signal.SIGKILL)
        returncode = run.finish()
    done = run.said("DONE")
    assert returncode == -signal.SIGKILL or (done and returncode == 0), (
        f"{label}: the driver failed ({returncode}): {run.stderr_path.read_text()}"
    )
    path = run.workspace

    if cli:
        result = planner_check(fx, path, run.run / "home")
        assert result.returncode == 0, f"{label}: planner check: {result.stdout}{result.stderr}"
    checked(path, label)
    found = fingerprint(path)
    if found == ref.all:
        outcome = "all"
    elif found == ref.none:
        outcome = "none"
    else:
        pytest.fail(f"{label}: neither none nor all of it:\n{differences(found, ref)}")
    if done:
        assert outcome == "all", f"{label}: the write returned, but the file does not hold it"

    ws = open_workspace(path, device_id=driver.DEVICE, lock_dir=run.locks)
    try:
        op = scenario.op
        find_community(ws, f"Before {op}")
        find_community(ws, f"Renamed before {op}")
        added = ws.db.execute(
            "SELECT count(*) FROM calendar_items WHERE title = ? AND deleted = 0",
            [f"Added before {op}"],
        ).fetchone()[0]
        assert added == 1, f"{label}: the item added before is gone"
    finally:
        ws.close()
    assert fingerprint(path) == found, f"{label}: opening the file changed it"

    if scenario.op == "merge":
        return f"{outcome}, killed in {check_backups(run, ref, outcome, label)}"
    return outcome


def kill_many(fx: Fixtures, scenario: Scenario, kills: int) -> dict[str, int]:
    ref = reference(fx, scenario.op)
    window = ref.backup if scenario.window == "backup" else ref.write
    rng = random.Random(f"{SEED}/{scenario.name}/{kills}")
    outcomes: dict[str, int] = {}
    delays = []
    for index in range(kills):
        delay = rng.uniform(0, window * 1.2)
        delays.append(delay)
        cli = index == 0 and (kills > KILLS or scenario.op == "merge")
        outcome = kill_once(fx, scenario, ref, index, delay, window, cli=cli)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(
        f"\n{scenario.name}: {kills} kills, delays {min(delays) * 1000:.1f}-"
        f"{max(delays) * 1000:.1f} ms of a {window * 1000:.0f} ms window: {outcomes}"
    )
    return outcomes


# -- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_a_killed_write_leaves_all_or_none_of_it(fixtures: Fixtures, scenario: Scenario) -> None:
    outcomes = kill_many(fixtures, scenario, KILLS)
    assert sum(outcomes.values()) == KILLS


@pytest.mark.long
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_many_kills_leave_all_or_none_of_it(fixtures: Fixtures, scenario: Scenario) -> None:
    outcomes = kill_many(fixtures, scenario, LONG_KILLS)
    assert sum(outcomes.values()) == LONG_KILLS
