"""Run every benchmark on one large generated workspace and print one table.

    QT_QPA_PLATFORM=offscreen python bench/run_all.py [--write-readme] [--only NAME ...]

The large workspace (``bench/generate.py``: 200 communities, 50,000 calendar
items with 500 recurring series, 6,600 checklist items, two years of daily
figures, 100 templates) is generated once per day into ``build/bench/`` and
copied by each benchmark that writes. Each benchmark runs in a process of its
own; its peak resident memory is that process's (``wait4``'s ``ru_maxrss``).
With ``--write-readme`` the table replaces the one in ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

from benchlib import STALL_TARGET_MS, Row, read_rows  # noqa: E402

README = BENCH / "README.md"
BEGIN, END = "<!-- run_all: begin -->", "<!-- run_all: end -->"


@dataclass(frozen=True)
class Bench:
    name: str
    script: str
    args: tuple[str, ...] = ()
    large: bool = True  # given the large workspace with --workspace


BENCHES = (
    Bench("startup", "startup.py", large=False),
    Bench("calendar", "calendar_bench.py"),
    Bench("checklists", "checklist_bench.py"),
    Bench("metrics", "metrics_bench.py"),
    Bench("weekly-pdf", "weekly_pdf_bench.py", large=False),
    Bench("ics", "ics_bench.py"),
    Bench("merge", "merge_bench.py"),
    Bench("replicate", "replicate_bench.py"),
    Bench("ui", "ui_load_bench.py"),
)


def large_workspace(folder: Path) -> Path:
    """The generated workspace for today, made once (its name carries the generator's hash)."""
    digest = hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:8]
    path = folder / f"large-{date.today().isoformat()}-{digest}.cplan"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("large-*.cplan*"):
        old.unlink()
    print(f"generating {path.name}…", flush=True)
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    subprocess.run([sys.executable, str(BENCH / "generate.py"), str(part)], check=True, cwd=ROOT)
    part.rename(path)
    return path


def run(bench: Bench, workspace: Path, out: Path) -> tuple[list[Row], float, float]:
    """Run one benchmark; its rows, its peak resident memory (MB) and its wall time (s)."""
    cmd = [sys.executable, str(BENCH / bench.script), "--json", str(out), *bench.args]
    if bench.large:
        cmd += ["--workspace", str(workspace)]
    print(f"\n== {bench.name}: {' '.join(Path(c).name if '/' in c else c for c in cmd[1:])}")
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"{bench.name} failed (exit {proc.returncode})")
    return read_rows(out), usage.ru_maxrss / 1024, wall


def figure(row: Row) -> str:
    if row.unit == "ms":
        text = f"{row.figure:,.0f} ms"
        if row.worst is not None and round(row.worst) != round(row.figure):
            text += f" ({row.worst:,.0f})"
        return text
    if row.unit == "x":
        return f"{row.figure:.1f} x"
    return f"{row.figure:,.0f} {row.unit}"


def target(row: Row) -> str:
    if row.target is None:
        return ""
    unit = {"ms": " ms", "x": " x"}.get(row.unit, f" {row.unit}")
    return f"< {row.target:,.0f}{unit}"


def verdict(row: Row) -> str:
    met = row.met
    return "" if met is None else ("yes" if met else "**no**")


def table(results: list[tuple[str, list[Row], float]]) -> str:
    lines = [
        "| benchmark | what | figure (worst) | target | longest GUI stall | met | peak memory |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, rows, peak in results:
        for n, row in enumerate(rows):
            stall = f"{row.stall_ms:,.0f} ms" if row.stall_ms is not None else ""
            lines.append(
                f"| {name if n == 0 else ''} | {row.what} | {figure(row)} | {target(row)} "
                f"| {stall} | {verdict(row)} | {f'{peak:,.0f} MB' if n == 0 else ''} |"
            )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from PySide6 import __version__ as pyside

    return (
        f"{date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, PySide6 {pyside}, SQLite {sqlite3.sqlite_version}, "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}"
    )


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if BEGIN not in readme or END not in readme:
        raise SystemExit(f"{README.name} has no {BEGIN} … {END} section to replace")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=[b.name for b in BENCHES])
    parser.add_argument("--write-readme", action="store_true", help="update bench/README.md")
    parser.add_argument("--folder", type=Path, default=ROOT / "build" / "bench")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    chosen = [b for b in BENCHES if not args.only or b.name in args.only]
    workspace = large_workspace(args.folder)
    results: list[tuple[str, list[Row], float]] = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for bench in chosen:
            rows, peak, wall = run(bench, workspace, Path(tmp) / f"{bench.name}.json")
            results.append((bench.name, rows, peak))
            print(f"   ({wall:.0f} s, peak {peak:.0f} MB)")
    text = (
        f"Measured {machine()}; `python bench/run_all.py` took "
        f"{(time.perf_counter() - began) / 60:.0f} min. Figures are medians (worst in "
        f"brackets); the longest GUI stall is the longest the event loop went without a turn "
        f"during the action (target: at most {STALL_TARGET_MS:.0f} ms); peak memory is the "
        f"benchmark process's maximum resident set.\n\n{table(results)}"
    )
    print("\n" + text)
    missed = [r for _, rows, _ in results for r in rows if r.met is False]
    if missed:
        print(f"\n{len(missed)} figure(s) miss their target: " + "; ".join(r.what for r in missed))
    if args.write_readme:
        write_readme(text)
        print(f"\nwrote the table into {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
