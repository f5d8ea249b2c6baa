"""The weekly plan export the dialog runs: what to export, reading and rendering it
(in a worker thread), writing it whole or not at all, and painting it on a printer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QLocale, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from planner.checklist_library import Language
from planner.errors import Cancelled, PlannerError
from planner.export.weekly_pdf import (
    Paper,
    WeeklyPdfError,
    layout_document,
    page_layout,
    paint_pages,
    write_weekly_pdf,
)
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


def write_pdf(
    ws: Workspace, choices: Choices, today: date, out: Path, cancelled: Callable[[], bool]
) -> int:
    """Write the plan to ``out``, whole or not at all; the number of pages.

    The writer is atomic; writing to a hidden name beside ``out`` first lets a
    Cancel that comes while the pages are drawn still leave ``out`` as it was.
    Raises CannotWrite (a folder that is missing, read-only or not a folder),
    Cancelled, or the plan's and the writer's own PlannerErrors.
    """
    rendered = render(ws, choices, today)
    if cancelled():
        raise Cancelled()
    part = out.with_name(f".{out.name}.part")
    try:
        # The folder says here, in the system's words, if it cannot take the file;
        # a file replaced keeps its permissions.
        part.open("wb").close()
        with contextlib.suppress(OSError):
            part.chmod(out.stat().st_mode & 0o777)
    except OSError as exc:
        raise CannotWrite(out, _reason(exc)) from None
    try:
        pages = write_weekly_pdf(
            rendered.html,
            part,
            paper=choices.paper,
            landscape=choices.landscape,
            page_label=rendered.page_label,
            title=rendered.title,
        )
        if cancelled():
            raise Cancelled()
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
