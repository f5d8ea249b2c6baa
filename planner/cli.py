"""The ``planner`` command line: a stable contract that scripts rely on.

    planner [gui] [WORKSPACE]     open the app (default: the default workspace)
    planner demo OUT.cplan [--lang zh|en]   write a realistic sample workspace
    planner check WORKSPACE       exit 0 sound, 1 problems listed, 2 unreadable
    planner export-week WORKSPACE --week 2026-W48 [--community NAME]... [--lang en|zh]
            [--paper a4|letter] [--landscape] [--grid] -o OUT.pdf
    planner export-week --html PLAN.html [--title T] [--page-label L] [--paper a4|letter]
            [--landscape] -o OUT.pdf        (a plan already rendered: the app's export)
    planner export-ics WORKSPACE [--from DATE] [--to DATE] [--community NAME]... -o OUT.ics
    planner import-ics WORKSPACE FILE.ics --community NAME     (idempotent by UID)
    planner poster WORKSPACE --template NAME --community NAME [--item ID] -o OUT.png|.pdf|.svg
    planner welcome WORKSPACE --community NAME [--lang en|zh] [--template NAME]
    planner templates WORKSPACE [--kind poster|welcome]
    planner snapshot WORKSPACE OUT.cplan       a consistent single-file copy to share
    planner merge WORKSPACE THEIRS.cplan [--dry-run] [--json] [--conflicts mine|theirs]

Errors are one line on stderr; exit 1 for a failure, 2 for bad usage or input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from planner import APP_NAME, __version__
from planner.cli_share import add_parsers as add_share_parsers
from planner.cli_share import cmd_merge, cmd_snapshot
from planner.disk_errors import disk_problem
from planner.errors import EXIT_BAD_INPUT, EXIT_FAILURE, PlannerError
from planner.files import check_target, write_atomically
from planner.i18n import untranslated
from planner.logs import setup_logging
from planner.paths import AppPaths, device_id

if TYPE_CHECKING:
    from planner.workspace import Workspace

log = logging.getLogger(__name__)

COMMANDS = (
    "gui",
    "demo",
    "check",
    "export-week",
    "export-ics",
    "import-ics",
    "poster",
    "welcome",
    "templates",
    "snapshot",
    "merge",
)
POSTER_FORMATS = (".png", ".pdf", ".svg")


class UsageError(PlannerError):
    """Bad input on the command line (a missing file, dates out of order...).

    Its message is for the terminal only, so it is English and not translated.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(untranslated(message))


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
    demo.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="the sample's language (default: zh)"
    )

    check = sub.add_parser(
        "check", help="validate a workspace: exit 0 sound, 1 problems listed, 2 unreadable"
    )
    check.add_argument("workspace", type=Path, metavar="WORKSPACE")

    export_week = sub.add_parser(
        "export-week",
        help="write a week's plan as a printable PDF",
        description="Write the plan of one ISO week as a PDF to print or hand on: each "
        "day's content and activities with a box to tick, the week's goals, the checklist "
        "items due, and last week in review (planned vs actual).",
    )
    export_week.add_argument(
        "workspace",
        type=Path,
        nargs="?",
        metavar="WORKSPACE",
        help="the workspace file (.cplan)",
    )
    export_week.add_argument(
        "--week", metavar="YYYY-Www", help="the ISO week, such as 2026-W48 (required)"
    )
    export_week.add_argument(
        "--community",
        action="append",
        metavar="NAME",
        help="only this community (repeat for several; default: all)",
    )
    export_week.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="the plan's language (default: en)"
    )
    export_week.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="the paper size (default: a4)"
    )
    export_week.add_argument("--landscape", action="store_true", help="print across the page")
    export_week.add_argument(
        "--grid",
        action="store_true",
        help="the week as a grid, one column per day (printed landscape)",
    )
    export_week.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="the file to write"
    )
    export_week.add_argument(
        "--html",
        type=Path,
        metavar="PLAN.html",
        help="instead of WORKSPACE and --week: a plan already rendered to HTML, drawn as "
        "it is (the app has its PDFs drawn this way)",
    )
    export_week.add_argument(
        "--title", default="", help="with --html: the title in each page's footer"
    )
    export_week.add_argument(
        "--page-label",
        default="Page {page} of {pages}",
        metavar="TEXT",
        help="with --html: the page number in each footer, with {page} and {pages}",
    )

    export_ics = sub.add_parser(
        "export-ics",
        help="write the calendar as an iCalendar (.ics) file",
        description="Write the calendar as an iCalendar (.ics) file: one event per item "
        "or series, with repeat rules, exceptions and time zones.",
    )
    export_ics.add_argument(
        "workspace", type=Path, metavar="WORKSPACE", help="the workspace file (.cplan)"
    )
    export_ics.add_argument(
        "--from",
        dest="start",
        type=_iso_date,
        metavar="DATE",
        help="only items on or after this day (YYYY-MM-DD)",
    )
    export_ics.add_argument(
        "--to",
        dest="end",
        type=_iso_date,
        metavar="DATE",
        help="only items on or before this day (YYYY-MM-DD)",
    )
    export_ics.add_argument(
        "--community",
        action="append",
        metavar="NAME",
        help="only this community (repeat for several; default: all)",
    )
    export_ics.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT.ics", help="the file to write"
    )

    import_ics = sub.add_parser(
        "import-ics",
        help="import an iCalendar (.ics) file into a community (idempotent by UID)",
        description="Import the events of an iCalendar (.ics) file into one community. "
        "Importing the same file again changes nothing; a file that cannot be imported "
        "whole imports nothing.",
    )
    import_ics.add_argument(
        "workspace", type=Path, metavar="WORKSPACE", help="the workspace file (.cplan)"
    )
    import_ics.add_argument(
        "file", type=Path, metavar="FILE.ics", help="the calendar file to import"
    )
    import_ics.add_argument(
        "--community", required=True, metavar="NAME", help="the community the events are for"
    )

    poster = sub.add_parser(
        "poster",
        help="make a poster from a template for a community (PNG, PDF or SVG)",
        description="Render a poster template for a community, and for one of its calendar "
        "items when --item is given, to a PNG, PDF (vector, selectable text) or SVG file.",
    )
    poster.add_argument("workspace", type=Path, metavar="WORKSPACE", help="the workspace file")
    poster.add_argument(
        "--template", required=True, metavar="NAME", help="the poster template's name (or id)"
    )
    poster.add_argument("--community", required=True, metavar="NAME", help="the community")
    poster.add_argument(
        "--item",
        metavar="ID",
        help="a calendar item's id; for one occurrence of a series ID@YYYY-MM-DDTHH:MM "
        "(a series alone means its next occurrence)",
    )
    poster.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="the file to write: .png, .pdf or .svg",
    )
    poster.add_argument(
        "--width",
        type=_pixels,
        default=1080,
        metavar="PX",
        help="the PNG's width in pixels (default 1080; the height follows the poster)",
    )
    poster.add_argument(
        "--qr", metavar="TEXT", help="what the QR code carries, e.g. your group's join link"
    )
    poster.add_argument("--operator", metavar="NAME", help="who posts it (default: the owner)")

    welcome = sub.add_parser(
        "welcome",
        help="print a community's welcome sequence, message by message",
        description="Print the welcome messages a newcomer gets, each with its send offset "
        "after joining (T+0, T+2h, T+1d...), ready to paste.",
    )
    welcome.add_argument("workspace", type=Path, metavar="WORKSPACE", help="the workspace file")
    welcome.add_argument("--community", required=True, metavar="NAME", help="the community")
    welcome.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="the language (default: the template's; zh for the built-in sequence)",
    )
    welcome.add_argument(
        "--template",
        metavar="NAME",
        help="a welcome-sequence template's name or id (default: the first-24-hours one)",
    )
    welcome.add_argument("--operator", metavar="NAME", help="who sends it (default: the owner)")

    templates = sub.add_parser(
        "templates", help="list the poster and welcome templates a workspace can use"
    )
    templates.add_argument("workspace", type=Path, metavar="WORKSPACE", help="the workspace file")
    templates.add_argument("--kind", choices=("poster", "welcome"), help="only this kind")
    add_share_parsers(sub)
    return parser


def _pixels(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number of pixels") from None
    if not 16 <= value <= 8000:
        raise argparse.ArgumentTypeError("the width must be between 16 and 8000 pixels")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2026-11-30") from None


def _normalize_argv(argv: list[str]) -> list[str]:
    """``planner`` and ``planner FILE`` mean ``planner gui [FILE]``."""
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return ["gui", *argv]
    return argv


def _cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.demo import write_demo

    write_demo(
        args.out,
        device_id=device_id(paths),
        lock_dir=paths.lock_dir,
        overwrite=args.force,
        language=args.lang,
    )
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


def _open(args: argparse.Namespace, paths: AppPaths, *, read_only: bool = False) -> Workspace:
    from planner.workspace import open_workspace

    return open_workspace(
        args.workspace, device_id=device_id(paths), lock_dir=paths.lock_dir, read_only=read_only
    )


def _cmd_export_ics(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.communities import find_community
    from planner.ics import export_ics

    if args.start and args.end and args.end < args.start:
        raise UsageError(f"--to {args.end} is before --from {args.start}.")
    _check_output(args.output)
    # Read-only, so exporting works while the workspace is open in the app.
    ws = _open(args, paths, read_only=True)
    try:
        ids = [find_community(ws, name).id for name in args.community or []] or None
        data = export_ics(ws, start=args.start, end=args.end, community_ids=ids)
    finally:
        ws.close()
    write_atomically(args.output, data)
    events = data.count(b"\r\nBEGIN:VEVENT\r\n")
    print(f"Wrote {events} event{'s' if events != 1 else ''} to {args.output}")
    return 0


def _cmd_export_week(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.output.suffix.lower() != ".pdf":
        raise UsageError(f"{args.output}: the plan is written as a .pdf file.")
    if args.html is not None:
        if args.workspace is not None or args.week or args.community:
            raise UsageError(
                "--html draws a plan already rendered: leave out WORKSPACE, --week and --community."
            )
        return _draw_week_html(args)
    if args.workspace is None or not args.week:
        raise UsageError("give the WORKSPACE and the --week to export (or --html).")
    from planner.export.weekly_pdf import write_weekly_pdf
    from planner.weekly_plan import build_plan, parse_week, render_html

    week = parse_week(args.week)
    _check_output(args.output)
    # Read-only, so exporting works while the workspace is open in the app.
    ws = _open(args, paths, read_only=True)
    try:
        plan = build_plan(ws, week, communities=args.community or (), lang=args.lang)
    finally:
        ws.close()
    html = render_html(plan, layout="grid" if args.grid else "list")
    pages = write_weekly_pdf(
        html,
        args.output,
        paper=args.paper,
        landscape=args.landscape or args.grid,
        page_label=plan.labels["page"],
        title=plan.document_title,
    )
    print(
        f"Wrote the plan for {week.label} ({pages} page{'s' if pages != 1 else ''}) "
        f"to {args.output}"
    )
    return 0


def _draw_week_html(args: argparse.Namespace) -> int:
    """``export-week --html``: draw a plan already rendered (the app's export runs this)."""
    from planner.export.weekly_pdf import write_weekly_pdf

    try:
        html = args.html.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"{args.html}: cannot be read ({reason}).") from None
    _check_output(args.output)
    pages = write_weekly_pdf(
        html,
        args.output,
        paper=args.paper,
        landscape=args.landscape or args.grid,
        page_label=args.page_label,
        title=args.title,
    )
    print(f"Wrote the plan ({pages} page{'s' if pages != 1 else ''}) to {args.output}")
    return 0


def _check_output(path: Path) -> None:
    check_target(path, UsageError)


def _cmd_import_ics(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.calendar import local_timezone
    from planner.communities import find_community
    from planner.ics import MAX_ICS_BYTES, import_ics

    source: Path = args.file
    try:
        if source.stat().st_size > MAX_ICS_BYTES:
            raise UsageError(f"{source}: the file is too large to be a calendar (over 50 MB).")
        data = source.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{source}: no such file.") from None
    except IsADirectoryError:
        raise UsageError(f"{source}: is a folder, not an .ics file.") from None
    except OSError as exc:
        raise UsageError(f"{source}: cannot be read ({exc.strerror}).") from None
    ws = _open(args, paths)
    try:
        community = find_community(ws, args.community)
        result = import_ics(
            ws,
            data,
            community_id=community.id,
            default_tz=local_timezone(),
            source=source.name,
        )
    finally:
        ws.close()
    print(
        f"Imported {result.added} new, {result.updated} updated, "
        f"{result.unchanged} unchanged events into “{community.name}”."
    )
    return 0


def _item_key(text: str) -> tuple[str, str]:
    """``ID`` or ``ID@YYYY-MM-DDTHH:MM`` as an occurrence key."""
    item_id, _, when = text.strip().partition("@")
    if not item_id:
        raise UsageError(f"--item “{text}”: give a calendar item's id.")
    if when:
        from planner.calendar import format_time, parse_time

        try:
            when = format_time(parse_time(when))
        except ValueError:
            raise UsageError(
                f"--item “{text}”: the occurrence must be written ID@YYYY-MM-DDTHH:MM."
            ) from None
    return item_id, when


def _cmd_poster(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.calendar import find_occurrence
    from planner.communities import find_community
    from planner.errors import NotFound
    from planner.template_library import find_template
    from planner.templating import TemplateKind, context_for, render_poster

    suffix = args.output.suffix.lower()
    if suffix not in POSTER_FORMATS:
        raise UsageError(f"{args.output}: the poster can be written as .png, .pdf or .svg.")
    _check_output(args.output)
    ws = _open(args, paths, read_only=True)
    try:
        template = find_template(ws, args.template)
        if template.kind is not TemplateKind.POSTER:
            raise UsageError(f"“{template.name}” is a welcome sequence, not a poster.")
        community = find_community(ws, args.community)
        key = _item_key(args.item) if args.item else None
        if key is not None:
            try:
                occ = find_occurrence(ws, key)
            except NotFound:
                raise UsageError(f"No calendar item with id {key[0]}.") from None
            if occ.item.community_id != community.id:
                raise UsageError(
                    f"The calendar item “{occ.item.title}” belongs to another community."
                )
        ctx = context_for(
            ws,
            community.id,
            item_key=key,
            operator=args.operator or "",
            language=template.language,
            join_link=args.qr or "",
        )
        svg = render_poster(template, ctx)
    finally:
        ws.close()
    from planner.export.poster import render_pdf, render_png, write_svg

    if suffix == ".png":
        render_png(svg, args.output, width_px=args.width)
    elif suffix == ".pdf":
        render_pdf(svg, args.output)
    else:
        write_svg(svg, args.output)
    print(f"Wrote the poster “{template.name}” for “{community.name}” to {args.output}")
    return 0


def _cmd_welcome(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.communities import find_community
    from planner.template_library import default_welcome, find_template
    from planner.templating import TemplateKind, context_for, format_offset, render_welcome

    ws = _open(args, paths, read_only=True)
    try:
        if args.template:
            template = find_template(ws, args.template)
            if template.kind is not TemplateKind.WELCOME:
                raise UsageError(f"“{template.name}” is a poster, not a welcome sequence.")
        else:
            template = default_welcome(args.lang or "zh")
        community = find_community(ws, args.community)
        ctx = context_for(
            ws, community.id, operator=args.operator or "", language=args.lang or template.language
        )
        messages = render_welcome(template, ctx)
    finally:
        ws.close()
    print(f"{template.name} · {community.name}")
    for message, text in messages:
        print(f"\n{format_offset(message.offset_minutes)}")
        print(text)
    return 0


def _cmd_templates(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.template_library import list_templates
    from planner.templating import TemplateKind

    ws = _open(args, paths, read_only=True)
    try:
        templates = list_templates(ws, TemplateKind(args.kind) if args.kind else None)
    finally:
        ws.close()
    for template in templates:
        origin = "built-in" if template.builtin else "workspace"
        print(
            f"{template.kind.value:<8} {template.language}  {origin:<9}  {template.name}"
            f"  ({template.id})"
        )
    return 0


def _cmd_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    from planner.ui.app import run_gui

    return run_gui(paths, args.workspace)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    paths = AppPaths.from_environment()
    setup_logging(paths.log_file)
    parser = build_parser()
    args = parser.parse_args(_normalize_argv(list(sys.argv[1:] if argv is None else argv)))
    handlers = {
        "gui": _cmd_gui,
        "demo": _cmd_demo,
        "check": _cmd_check,
        "export-week": _cmd_export_week,
        "export-ics": _cmd_export_ics,
        "import-ics": _cmd_import_ics,
        "poster": _cmd_poster,
        "welcome": _cmd_welcome,
        "templates": _cmd_templates,
        "snapshot": cmd_snapshot,
        "merge": cmd_merge,
    }
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
        target = getattr(args, "workspace", None)
        problem = disk_problem(exc, Path(target)) if isinstance(target, Path) else None
        if problem is not None:
            # A full disk or a read-only folder: SQLite rolled the change back.
            log.warning("%s failed: %s", args.command, problem)
            print(f"planner: {problem}", file=sys.stderr)
            return EXIT_FAILURE
        log.exception("unexpected error in %s", args.command)
        print(
            f"planner: unexpected error ({type(exc).__name__}: {exc}); "
            f"details are in {paths.log_file}",
            file=sys.stderr,
        )
        return EXIT_FAILURE
