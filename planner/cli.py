"""The ``planner`` command line: a stable contract that scripts rely on.

    planner [gui] [WORKSPACE]     open the app (default: the default workspace)
    planner demo OUT.cplan        write a realistic bilingual sample workspace
    planner check WORKSPACE       exit 0 sound, 1 problems listed, 2 unreadable

Errors are one line on stderr; exit 1 for a failure, 2 for bad usage or input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from planner import APP_NAME, __version__
from planner.errors import EXIT_BAD_INPUT, EXIT_FAILURE, PlannerError
from planner.logs import setup_logging
from planner.paths import AppPaths, device_id

log = logging.getLogger(__name__)

COMMANDS = ("gui", "demo", "check")


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
        description=f"{APP_NAME}: plan, run and replicate online communities.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the app (the default command)")
    gui.add_argument(
        "workspace", nargs="?", type=Path, help="workspace file (default: your default workspace)"
    )

    demo = sub.add_parser("demo", help="write a realistic sample workspace")
    demo.add_argument("out", type=Path, metavar="OUT.cplan", help="the file to write")
    demo.add_argument("--force", action="store_true", help="replace OUT if it exists")

    check = sub.add_parser(
        "check", help="validate a workspace: exit 0 sound, 1 problems listed, 2 unreadable"
    )
    check.add_argument("workspace", type=Path, metavar="WORKSPACE")
    return parser


def _normalize_argv(argv: list[str]) -> list[str]:
    """``planner`` and ``planner FILE`` mean ``planner gui [FILE]``."""
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return ["gui", *argv]
    return argv


def _cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.demo import write_demo

    write_demo(args.out, device_id=device_id(paths), lock_dir=paths.lock_dir, overwrite=args.force)
    print(f"Wrote the sample workspace to {args.out}")
    return 0


def _cmd_check(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.check import check_workspace

    report = check_workspace(args.workspace)
    counts = ", ".join(f"{n} {table}" for table, n in report.counts.items())
    if report.sound:
        print(f"{args.workspace}: sound (schema {report.schema_version}; {counts})")
        return 0
    n = len(report.problems)
    print(f"{args.workspace}: {n} problem{'s' if n != 1 else ''}")
    for problem in report.problems:
        print(f"  - {problem}")
    return EXIT_FAILURE


def _cmd_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.ui.app import run_gui

    return run_gui(paths, args.workspace)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    paths = AppPaths.from_environment()
    setup_logging(paths.log_file)
    parser = build_parser()
    args = parser.parse_args(_normalize_argv(list(sys.argv[1:] if argv is None else argv)))
    handlers = {"gui": _cmd_gui, "demo": _cmd_demo, "check": _cmd_check}
    try:
        return handlers[args.command](args, paths)
    except PlannerError as exc:
        log.info("%s failed: %s", args.command, exc)
        print(f"planner: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("planner: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:
        log.exception("unexpected error in %s", args.command)
        print(
            f"planner: unexpected error ({type(exc).__name__}: {exc}); "
            f"details are in {paths.log_file}",
            file=sys.stderr,
        )
        return EXIT_FAILURE
