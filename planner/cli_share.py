"""``planner snapshot`` and ``planner merge``: sharing a workspace with teammates.

planner snapshot WORKSPACE OUT.cplan
planner merge WORKSPACE THEIRS.cplan [--dry-run] [--json] [--conflicts mine|theirs]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from planner.errors import EXIT_FAILURE, PlannerError
from planner.i18n import untranslated
from planner.paths import AppPaths, device_id


class Unresolved(PlannerError):
    """A merge with conflicts was asked for without saying how to resolve them
    (on the command line: its message is English only)."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(untranslated(message))


def add_parsers(sub: Any) -> None:
    snapshot = sub.add_parser(
        "snapshot",
        help="write a consistent single-file copy of a workspace to share",
        description="Write a copy of the workspace to hand to a teammate: one file, "
        "consistent even while the app has the workspace open and keeps writing.",
    )
    snapshot.add_argument("workspace", type=Path, metavar="WORKSPACE", help="the workspace")
    snapshot.add_argument("out", type=Path, metavar="OUT.cplan", help="the copy to write")

    merge = sub.add_parser(
        "merge",
        help="merge a teammate's copy of the workspace into it",
        description="Merge a teammate's copy into the workspace: what only they changed is "
        "taken, what only you changed stays, deletions travel, and records both of you "
        "changed are conflicts. Merging the same file again changes nothing. A backup of "
        "the workspace is written first.",
    )
    merge.add_argument("workspace", type=Path, metavar="WORKSPACE", help="your workspace")
    merge.add_argument("theirs", type=Path, metavar="THEIRS.cplan", help="the teammate's copy")
    merge.add_argument(
        "--dry-run", action="store_true", help="report what would change; change nothing"
    )
    merge.add_argument("--json", action="store_true", help="print the report as JSON")
    merge.add_argument(
        "--conflicts",
        choices=("mine", "theirs"),
        help="resolve every conflict with your version or theirs (without it, a merge "
        "with conflicts changes nothing: resolve them in the app)",
    )


def cmd_snapshot(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.lock import machine_label
    from planner.snapshot import write_snapshot

    write_snapshot(
        args.workspace, args.out, device_id=device_id(paths), device_label=machine_label()
    )
    print(f"Wrote a copy of {args.workspace.name} to {args.out}")
    return 0


def cmd_merge(args: argparse.Namespace, paths: AppPaths) -> int:
    from sqlite_utils import Database

    from planner.incoming import received_workspace
    from planner.merge_apply import apply_merge, take_all
    from planner.merge_file import backup_before_merge, prepare_merge, summary_line
    from planner.schema import SCHEMA_VERSION
    from planner.workspace import Workspace, open_workspace, read_header

    # Read-only while the teammate's file is checked and compared: a merge that
    # is refused, or only a dry run, leaves the workspace exactly as it was. An
    # older workspace is compared through an upgraded private copy (a dry run)
    # or upgraded first (a merge, as opening it in the app would).
    older = read_header(args.workspace).user_version < SCHEMA_VERSION
    if older and args.dry_run:
        with received_workspace(args.workspace) as conn:
            copy = Workspace(
                args.workspace,
                Database(conn, execute_plugins=False),
                device_id=device_id(paths),
                read_only=True,
            )
            plan = prepare_merge(copy, args.theirs)
    else:
        ws = open_workspace(
            args.workspace,
            device_id=device_id(paths),
            lock_dir=paths.lock_dir,
            read_only=not older,
        )
        try:
            plan = prepare_merge(ws, args.theirs)
        finally:
            ws.close()
    report: dict[str, Any] = plan.report()
    report["workspace"] = str(args.workspace)
    report["dry_run"] = bool(args.dry_run)
    report["applied"] = False
    if not args.dry_run and plan.up_to_date and plan.takes:
        # Only changes nobody sees (the same edit on both sides, deletions of
        # records never had here): taken quietly, so later merges agree.
        ws = open_workspace(args.workspace, device_id=device_id(paths), lock_dir=paths.lock_dir)
        try:
            apply_merge(ws, plan)
        finally:
            ws.close()
    elif not args.dry_run and not plan.up_to_date:
        if plan.conflicts and args.conflicts is None:
            n = len(plan.conflicts)
            raise Unresolved(
                f"{args.theirs.name}: {n} record{'s' if n != 1 else ''} changed on both "
                "sides; nothing was changed. Merge in the app to choose field by field, "
                "or pass --conflicts mine|theirs."
            )
        ws = open_workspace(args.workspace, device_id=device_id(paths), lock_dir=paths.lock_dir)
        try:
            backup = backup_before_merge(ws, paths.data_dir / "backups")
            apply_merge(ws, plan, take_all(plan, args.conflicts or "mine"))
        finally:
            ws.close()
        report["backup"] = str(backup)
        report["applied"] = True
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    summary = summary_line(plan)
    if plan.up_to_date:
        print(f"{args.theirs.name}: nothing new; the workspace already has every change in it.")
    elif args.dry_run:
        print(f"{args.theirs.name} would bring: {summary} (dry run; nothing was changed)")
        for table, counts in report["tables"].items():
            if any(counts.values()):
                figures = ", ".join(
                    f"{v} {'conflict' if k == 'conflicts' and v == 1 else k}"
                    for k, v in counts.items()
                    if v
                )
                print(f"  {table}: {figures}")
        for conflict in report["conflicts"]:
            fields = ", ".join(conflict["fields"])
            print(f"  conflict: {conflict['table']} “{conflict['label']}” ({fields})")
    else:
        how = f"; conflicts resolved with {args.conflicts}" if plan.conflicts else ""
        print(f"Merged {args.theirs.name}: {summary}{how}. Backup: {report['backup']}")
    return 0
