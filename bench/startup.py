"""Start-up time: process start to main window shown, against a bare PySide6 window.

Both are started the same way (a fresh Python process) and timed from the
moment the process is spawned until it prints "shown" from its first event
loop turn after ``show()``. The app opens the sample workspace.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
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
    app_ms = statistics.median(app_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    platform = env["QT_QPA_PLATFORM"]
    print(f"start-up to main window shown (median of {args.runs}, QT_QPA_PLATFORM={platform})")
    print(f"  {'bare PySide6 window':<32}{bare_ms:8.0f} ms")
    print(f"  {'Community Planner, sample':<32}{app_ms:8.0f} ms")
    print(f"  {'ratio':<32}{app_ms / bare_ms:8.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
