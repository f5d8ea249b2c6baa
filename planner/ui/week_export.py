"""The weekly plan export the dialog runs: what to export, reading and rendering it
(in a worker thread), drawing the PDF in a child process, writing it whole or not at
all, and painting it on a printer.

The PDF is drawn by a child process, ``planner export-week --html - -o -`` (see
:func:`draw_in_child`), not by the worker thread: laying out and painting the
document are long calls into Qt that hold Python's GIL throughout (over a second
for a week of thousands of items), and the GUI thread, which needs the GIL for
every Python slot, timer and paint event, would freeze meanwhile. The child is the
app's own interpreter running the ``planner`` command line (``sys.executable -m
planner``; a frozen app's executable is that command line itself, so it is run as
``sys.executable export-week …``). Reading the plan and rendering it to HTML stay
in the worker thread: they are Python, which gives up the GIL every few
milliseconds, and their errors stay translatable.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QLocale, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

import planner
from planner.checklist_library import Language
from planner.errors import Cancelled, PlannerError
from planner.export.weekly_pdf import (
    Paper,
    WeeklyPdfError,
    layout_document,
    page_layout,
    paint_pages,
)
from planner.files import write_atomically
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.weekly_plan import WeekId, build_plan, render_html
from planner.workspace import Workspace


def shown_path(path: Path) -> str:
    """``path`` as the user reads it: the home folder shortened to ``~``."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except (OSError, ValueError):
        return str(path)


@dataclass(frozen=True)
class Choices:
    """What to export: the week, the communities (ids; empty for all) and the look."""

    week: WeekId
    communities: tuple[str, ...]
    lang: Language
    paper: Paper
    landscape: bool

    @property
    def layout(self) -> Literal["list", "grid"]:
        return "grid" if self.landscape else "list"


@dataclass(frozen=True)
class Rendered:
    """A plan rendered to HTML, with its footer pattern and title."""

    html: str
    page_label: str
    title: str


def render(ws: Workspace, choices: Choices, today: date) -> Rendered:
    """Read the week's plan from ``ws`` and render it (in a worker thread)."""
    plan = build_plan(
        ws, choices.week, communities=choices.communities, lang=choices.lang, today=today
    )
    html = render_html(plan, layout=choices.layout)
    return Rendered(html, plan.labels["page"], plan.document_title)


class CannotWrite(PlannerError):
    """The PDF cannot be written where it was asked for; ``reason`` is the system's."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("WeekExport", "Could not write {path}: {reason}").format(
                path=shown_path(path), reason=reason
            )
        )
        self.path = path
        self.reason = reason


def _reason(error: OSError) -> str:
    return error.strerror or " ".join(str(error).split()) or type(error).__name__


def _renamed(message: str, old: Path, new: str) -> Text:
    """``message`` naming ``new`` where it named ``old`` (it stays translatable)."""
    if isinstance(message, Text):
        params = {
            key: value
            if isinstance(value, Text) or not isinstance(value, str | Path)
            else str(value).replace(str(old), new)
            for key, value in message.params.items()
        }
        return message.format(**params) if params else message
    plain = message.replace(str(old), new)  # a message not marked for translation
    return Text(plain, "", plain, {})


def planner_command() -> list[str]:
    """How the app runs its own ``planner`` command line in a child process.

    From source or an installed package: this interpreter, ``-m planner``. A
    frozen (packaged) app has no ``-m``: its executable is the command line
    itself (its entry point is :func:`planner.cli.main`), so it is run as is.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "planner"]


_PAGES = re.compile(r"\((\d+) pages?\)")
POLL_S = 0.05  # how often a Cancel is looked for while the child draws


def draw_command(rendered: Rendered, choices: Choices, html: Path, pdf: Path) -> list[str]:
    """The child's command line: draw the plan's ``html`` file into ``pdf``."""
    command = [*planner_command(), "export-week", "--html", str(html), "--paper", choices.paper]
    command += ["--title", rendered.title, "--page-label", rendered.page_label]
    return command + (["--landscape"] if choices.landscape else []) + ["-o", str(pdf)]


def _child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"  # fonts and painting, no window, no dock icon
    env["PYTHONIOENCODING"] = "utf-8"
    # The planner package this app runs, even from a source tree not installed.
    root = str(Path(planner.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def _not_drawn(reason: str) -> WeeklyPdfError:
    return WeeklyPdfError(
        QT_TRANSLATE_NOOP("WeekExport", "The PDF could not be drawn: {reason}").format(
            reason=reason
        )
    )


def draw_in_child(
    rendered: Rendered, choices: Choices, cancelled: Callable[[], bool]
) -> tuple[bytes, int]:
    """The PDF of ``rendered``, drawn by a child process; and its page count.

    Runs in the worker thread, which only waits for the child (holding no
    GIL). The HTML goes to the child, and the PDF comes back, through files
    in a private temporary folder, removed whatever happens. A Cancel kills
    the child and raises Cancelled; the child's failure is a WeeklyPdfError
    with its one line.
    """
    with tempfile.TemporaryDirectory(prefix="planner-week-", ignore_cleanup_errors=True) as folder:
        html, pdf = Path(folder) / "plan.html", Path(folder) / "plan.pdf"
        said = Path(folder) / "said.txt"
        html.write_text(rendered.html, encoding="utf-8")
        with said.open("wb") as output:
            try:
                child = subprocess.Popen(
                    draw_command(rendered, choices, html, pdf),
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env=_child_environment(),
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                )
            except OSError as exc:
                raise _not_drawn(_reason(exc)) from None
            try:
                while True:
                    try:
                        code = child.wait(POLL_S)
                        break
                    except subprocess.TimeoutExpired:
                        if cancelled():
                            raise Cancelled() from None
            finally:
                if child.returncode is None:  # cancelled, or the wait itself failed
                    child.kill()
                    child.wait()
        lines = [line.strip() for line in said.read_text("utf-8", "replace").splitlines()]
        last = next((line for line in reversed(lines) if line), "")
        found = _PAGES.search(last)
        if code != 0 or found is None or not pdf.is_file():
            raise _not_drawn(last.removeprefix("planner:").strip() or f"exit code {code}")
        return pdf.read_bytes(), int(found.group(1))


def write_pdf(
    ws: Workspace, choices: Choices, today: date, out: Path, cancelled: Callable[[], bool]
) -> int:
    """Write the plan to ``out``, whole or not at all; the number of pages.

    The plan is read and rendered here (the worker thread), drawn by a child
    process (:func:`draw_in_child`), then written to a hidden name beside
    ``out`` and moved into place, so that a Cancel or a failure at any point
    leaves ``out`` as it was and nothing else behind.
    Raises CannotWrite (a folder that is missing, read-only or not a folder),
    Cancelled, or the plan's and the writer's own PlannerErrors.
    """
    rendered = render(ws, choices, today)
    if cancelled():
        raise Cancelled()
    part = out.with_name(f".{out.name}.part")
    try:
        # The folder says here, in the system's words, if it cannot take the file
        # (before the drawing, not after it); a file replaced keeps its permissions.
        part.open("wb").close()
        with contextlib.suppress(OSError):
            part.chmod(out.stat().st_mode & 0o777)
    except OSError as exc:
        raise CannotWrite(out, _reason(exc)) from None
    try:
        pdf, pages = draw_in_child(rendered, choices, cancelled)
        if cancelled():
            raise Cancelled()
        write_atomically(part, pdf, WeeklyPdfError)
        os.replace(part, out)
    except WeeklyPdfError as exc:  # it names the hidden file: name the one asked for
        raise type(exc)(_renamed(exc.message, part, shown_path(out))) from None
    except OSError as exc:
        raise CannotWrite(out, _reason(exc)) from None
    finally:
        with contextlib.suppress(OSError):  # not there (moved into place, or never made)
            part.unlink(missing_ok=True)
    return pages


def default_paper() -> Paper:
    """Letter where the locale measures in inches (the US), else A4."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def plan_printer(choices: Choices, title: str) -> QPrinter:
    """A printer set to the chosen paper, orientation and the plan's margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageLayout(page_layout(choices.paper, landscape=choices.landscape))
    return printer


def print_plan(printer: QPrinter, rendered: Rendered) -> int:
    """Lay the plan out for ``printer``'s paper and paint it; the number of pages.

    The paper and orientation are the printer's (the preview can change them).
    """
    layout = printer.pageLayout()
    landscape = layout.orientation() == QPageLayout.Orientation.Landscape
    letter = layout.pageSize().id() == QPageSize.PageSizeId.Letter
    paper: Paper = "letter" if letter else "a4"
    resolution = min(max(printer.resolution(), 72), 2400)
    doc = layout_document(rendered.html, paper=paper, landscape=landscape, resolution=resolution)
    painter = QPainter()
    if not painter.begin(printer):
        raise WeeklyPdfError(
            QT_TRANSLATE_NOOP("WeekExport", "The printer could not start printing.")
        )
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return paint_pages(
            doc,
            painter,
            QRectF(0, 0, printer.width(), printer.height()),
            page_label=rendered.page_label,
            title=rendered.title,
            new_page=printer.newPage,
        )
    finally:
        painter.end()
