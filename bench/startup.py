"""Start-up time: process start to main window shown, against a bare PySide6 window.

Both are started the same way (a fresh Python process) and timed from the
moment the process is spawned until it prints "shown" from its first event
loop turn after ``show()``. The app opens the sample workspace.

    python bench/startup.py [--runs N] [--workspace LARGE] [--json F]

With ``--workspace``, the app is also timed opening that (large) workspace.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments  # noqa: E402


def time_to_shown(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        elapsed = time.perf_counter() - start
        proc.wait(timeout=60)
    if line != "shown":
        raise SystemExit(f"{cmd[1:]} did not report a shown window (got {line!r})")
    return elapsed


def main() -> int:
    parser = arguments(__doc__, runs=7, workspace="also time opening this workspace")
    args = parser.parse_args()
    large_times: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, PLANNER_HOME=home, PLANNER_STARTUP_PROBE="1")
        # An installed app starts from compiled bytecode; a shell that forbids
        # writing it would time the compiler instead of the start-up.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        sample = Path(home) / "sample.cplan"
        subprocess.run(
            [sys.executable, "-m", "planner", "demo", str(sample)],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        app_cmd = [sys.executable, "-m", "planner", "gui", str(sample)]
        bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        # one warm-up each, so both read their files from the OS cache
        time_to_shown(app_cmd, env)
        time_to_shown(bare_cmd, env)
        app_times, bare_times = [], []
        for _ in range(args.runs):
            app_times.append(time_to_shown(app_cmd, env))
            bare_times.append(time_to_shown(bare_cmd, env))
        if args.workspace:
            large = Path(home) / "large.cplan"
            shutil.copy(args.workspace, large)
            large_cmd = [sys.executable, "-m", "planner", "gui", str(large)]
            time_to_shown(large_cmd, env)
            large_times = [time_to_shown(large_cmd, env) for _ in range(args.runs)]
    app_ms = statistics.median(app_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    platform = env["QT_QPA_PLATFORM"]
    print(f"start-up to main window shown (median of {args.runs}, QT_QPA_PLATFORM={platform})")
    print(f"  {'bare PySide6 window':<32}{bare_ms:8.0f} ms")
    print(f"  {'Community Planner, sample':<32}{app_ms:8.0f} ms")
    print(f"  {'ratio':<32}{app_ms / bare_ms:8.2f} x")
    report = Report("startup")
    report.add("bare PySide6 window shown", [t * 1000 for t in bare_times])
    report.add("app shown, sample workspace", [t * 1000 for t in app_times])
    report.add("ratio to the bare window", app_ms / bare_ms, unit="x")
    if large_times:
        large_ms = statistics.median(large_times) * 1000
        print(f"  {'Community Planner, large':<32}{large_ms:8.0f} ms")
        print(f"  {'ratio':<32}{large_ms / bare_ms:8.2f} x")
        report.add("app shown, large workspace", [t * 1000 for t in large_times])
        report.add("ratio to the bare window", large_ms / bare_ms, unit="x")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
