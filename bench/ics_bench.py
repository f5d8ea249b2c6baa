"""iCalendar export of a year of the large workspace, and importing it back.

    python bench/ics_bench.py [--workspace W] [--runs 3] [--json F]

Export: every item and series of the large generated workspace that falls in
the twelve months around today (``export_ics(start=, end=)``, what
``planner export-ics --from --to`` writes). Import: that file into a new
community of a copy of the workspace (``import_ics``, what ``planner
import-ics`` and File ▸ Import calendar do), then the same file again (which
changes nothing: import is idempotent by UID). Median (worst) of --runs.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import Report, arguments, peak_mb, timed  # noqa: E402
from generate import workspace_at  # noqa: E402

from planner.communities import create_community  # noqa: E402
from planner.ics import export_ics, import_ics  # noqa: E402
from planner.workspace import open_workspace  # noqa: E402

DEVICE = "00000000-0000-4000-8000-00000000b1c5"
ZONE = "Asia/Shanghai"


def main() -> int:
    parser = arguments(__doc__, runs=3)
    args = parser.parse_args()
    report = Report("ics")
    today = date.today()
    start, end = today - timedelta(days=182), today + timedelta(days=182)
    with tempfile.TemporaryDirectory(prefix="ics-bench-") as tmp:
        folder = Path(tmp)
        locks = folder / "locks"
        path = folder / "large.cplan"
        workspace_at(path, args.workspace, lock_dir=locks)
        with open_workspace(path, device_id=DEVICE, lock_dir=locks) as ws:
            data = b""

            def export() -> None:
                nonlocal data
                data = export_ics(ws, start=start, end=end)

            export_t = [timed(export) for _ in range(args.runs)]
            events = data.count(b"BEGIN:VEVENT")
            print(
                f"export {start} – {end}: {events:,} events, {len(data) / 1e6:.1f} MB; "
                f"median {sorted(export_t)[len(export_t) // 2]:.0f} ms (worst {max(export_t):.0f})"
            )
            report.add(
                f"export a year ({events:,} events, {len(data) / 1e6:.0f} MB)",
                export_t,
                peak=peak_mb(),
            )
            import_t, again_t = [], []
            added = first = 0
            for run in range(args.runs):
                community, _ = create_community(ws, {"name": f"导入 {run}"}, checklist=False)

                def load(community: str = community) -> None:
                    nonlocal added
                    result = import_ics(
                        ws, data, community_id=community, default_tz=ZONE, source="year.ics"
                    )
                    added = result.added

                import_t.append(timed(load))
                first = added
                again_t.append(timed(load))
                ws.history.clear()
            print(
                f"import into a new community: {first:,} added; "
                f"median {sorted(import_t)[len(import_t) // 2]:.0f} ms "
                f"(worst {max(import_t):.0f}); "
                f"again (nothing new) {sorted(again_t)[len(again_t) // 2]:.0f} ms"
            )
            report.add(f"import that file ({first:,} events)", import_t, peak=peak_mb())
            report.add("import it again (nothing new)", again_t, peak=peak_mb())
    report.add("peak resident memory", peak_mb(), unit="MB")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
