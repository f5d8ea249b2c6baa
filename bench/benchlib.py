"""What the benchmarks share: timing, memory, event-loop stalls and the figures they report.

Each benchmark prints its own lines and, given ``--json FILE``, writes its
figures there as a list of rows, which ``bench/run_all.py`` gathers into one
table. A row names what was measured, its figure and unit, the target from
its issue (if any), and, for what the app does on screen, the longest time
the GUI thread went without an event-loop turn while it was done.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# The longest the GUI thread may go without an event-loop turn (issue: proof
# under load), whatever the action.
STALL_TARGET_MS = 100.0


def arguments(
    doc: str, *, runs: int, workspace: str = "a generated workspace to copy"
) -> argparse.ArgumentParser:
    """A benchmark's command line, with what ``run_all.py`` gives every benchmark
    (``--workspace``, ``--json``) and ``--runs``; the benchmark adds its own."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--workspace", type=Path, help=workspace)
    parser.add_argument("--json", type=Path, help="write the figures here (for run_all)")
    return parser


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    """The most resident memory this process has held, in MB (VmHWM, else ru_maxrss)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def timed(action: Callable[[], object]) -> float:
    """How long ``action()`` took, in ms."""
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


@dataclass
class Row:
    """One figure of a benchmark."""

    bench: str
    what: str
    figure: float
    unit: str = "ms"
    worst: float | None = None
    target: float | None = None
    stall_ms: float | None = None
    peak_mb: float | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        """Whether the figure (and the stall) meet their targets; None without a target."""
        checks = []
        if self.target is not None:
            checks.append(self.figure < self.target)
        if self.stall_ms is not None:
            checks.append(self.stall_ms <= STALL_TARGET_MS)
        return all(checks) if checks else None


@dataclass
class Report:
    """The figures a benchmark writes for ``run_all`` (``--json FILE``)."""

    bench: str
    rows: list[Row] = field(default_factory=list)

    def add(
        self,
        what: str,
        figures: float | Sequence[float],
        *,
        unit: str = "ms",
        target: float | None = None,
        stall_ms: float | None = None,
        peak: float | None = None,
        note: str = "",
    ) -> Row:
        """A row: a single figure, or the median (and worst) of several runs."""
        if isinstance(figures, int | float):
            figure, worst = float(figures), None
        else:
            figure, worst = statistics.median(figures), max(figures)
        row = Row(self.bench, what, figure, unit, worst, target, stall_ms, peak, note)
        self.rows.append(row)
        return row

    def write(self, path: Path | None) -> None:
        if path is not None:
            path.write_text(
                json.dumps([asdict(r) for r in self.rows], ensure_ascii=False, indent=1),
                encoding="utf-8",
            )


def read_rows(path: Path) -> list[Row]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return [Row(**row) for row in data]
