"""Poster and welcome-sequence templates, rendered in a sandbox.

Templates travel inside shared workspaces, so every template is untrusted.
They are Jinja2 sources rendered in the sandbox of :mod:`planner.sandbox`
(an ``ImmutableSandboxedEnvironment`` with a deadline and size checks) with
``StrictUndefined`` (a missing variable is an error, never a blank),
autoescaping for posters (SVG) and none for welcome messages (plain text):

- the source is at most :data:`MAX_SOURCE_BYTES`;
- the output is streamed and stops past :data:`MAX_OUTPUT_CHARS`;
- rendering stops after :data:`TIME_LIMIT_SECONDS`;
- ``include``, ``import`` and ``extends`` are refused, and nothing in the
  context (plain values and a few helpers) can reach files.

Every failure is a :class:`~planner.errors.TemplateError` whose message is one
line with the template's line number when it is known. A rendered poster is
also checked to be SVG that refers to nothing outside itself (no scripts, no
external images or links, no DOCTYPE), so it is safe to open anywhere.
"""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import TracebackType
from typing import Any

from jinja2 import TemplateNotFound, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from markupsafe import Markup

from planner.errors import TemplateError
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.qr import QRTextError, qr_svg
from planner.sandbox import Refused, Sandbox
from planner.template_context import (
    RenderContext,
    check_language,
    context_for,
    format_clock,
    format_date,
    sample_context,
    with_language,
)
from planner.text_layout import clip, display_width, points, wrap

__all__ = [
    "CONTEXT_DOCS",
    "MAX_MESSAGES",
    "MAX_OUTPUT_CHARS",
    "MAX_SOURCE_BYTES",
    "TIME_LIMIT_SECONDS",
    "RenderContext",
    "Template",
    "TemplateError",
    "TemplateKind",
    "WelcomeMessage",
    "add_days",
    "check_svg",
    "context_for",
    "format_offset",
    "messages_from_json",
    "messages_to_json",
    "poster_text",
    "render_message_source",
    "render_poster",
    "render_poster_source",
    "render_welcome",
    "sample_context",
    "shade",
    "text_on",
    "tint",
]

MAX_SOURCE_BYTES = 200_000
MAX_OUTPUT_CHARS = 2_000_000
TIME_LIMIT_SECONDS = 2.0
MAX_WRAP_WIDTH = 1_000
MAX_MESSAGES = 30
SVG_NS = "http://www.w3.org/2000/svg"
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class TemplateKind(StrEnum):
    POSTER = "poster"
    WELCOME = "welcome"


@dataclass(frozen=True)
class WelcomeMessage:
    """One message of a welcome sequence.

    Attributes:
        offset_minutes: when to send it after the newcomer joined: 0 is T+0,
            120 is T+2h, 1440 is T+1d.
        body: the message's Jinja source (plain text, not HTML).
    """

    offset_minutes: int
    body: str


@dataclass(frozen=True)
class Template:
    """A poster or welcome-sequence template, built-in or from the workspace.

    Attributes:
        id: "builtin:<name>.<language>" for a built-in, a UUID for a
            workspace template.
        body: a poster's SVG Jinja source ("" for a welcome sequence).
        messages: a welcome sequence's messages (empty for a poster).
        builtin: True for the read-only templates shipped with the app.
    """

    id: str
    kind: TemplateKind
    name: str
    language: str
    description: str
    body: str
    messages: tuple[WelcomeMessage, ...]
    builtin: bool
    updated_at: int = 0


def format_offset(minutes: int) -> str:
    """A send offset as operators write it: "T+0", "T+30m", "T+2h", "T+1d", "T+1d 2h"."""
    if minutes <= 0:
        return "T+0"
    days, rest = divmod(int(minutes), 1440)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d"] if days else []
    if hours:
        parts.append(f"{hours}h")
    if mins:
        parts.append(f"{mins}m")
    return "T+" + " ".join(parts)


# -- helpers a template can call ------------------------------------------------------


def _color(value: Any) -> str:
    text = str(value)
    if not COLOR_RE.match(text):
        raise Refused(
            QT_TRANSLATE_NOOP("Templating", "“{text}” is not a colour written as #RRGGBB.").format(
                text=text
            )
        )
    return text.lower()


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _mix(color: Any, other: tuple[int, int, int], amount: Any) -> str:
    rgb = _rgb(_color(color))
    share = min(max(float(amount), 0.0), 1.0)
    mixed = (round(c + (o - c) * share) for c, o in zip(rgb, other, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def tint(color: str, amount: float = 0.85) -> str:
    """``color`` mixed with white (amount 0 = the colour, 1 = white)."""
    return _mix(color, (255, 255, 255), amount)


def shade(color: str, amount: float = 0.3) -> str:
    """``color`` mixed with black (amount 0 = the colour, 1 = black)."""
    return _mix(color, (0, 0, 0), amount)


def text_on(color: str) -> str:
    """White or near-black: whichever reads better on ``color``."""
    r, g, b = _rgb(_color(color))
    luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255
    return "#1f1f1f" if luminance > 0.62 else "#ffffff"


def _number(value: Any, what: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise Refused(
            QT_TRANSLATE_NOOP(
                "Templating", "the QR code's {what} must be a number, not “{value}”."
            ).format(what=what, value=value)
        ) from None
    if not low <= number <= high:
        raise Refused(
            QT_TRANSLATE_NOOP(
                "Templating", "the QR code's {what} must be between {low} and {high}."
            ).format(what=what, low=f"{low:g}", high=f"{high:g}")
        )
    return number


def _qr(
    text: Any,
    x: Any = 0,
    y: Any = 0,
    size: Any = 300,
    color: Any = "#000000",
    background: Any = "#ffffff",
) -> Markup:
    try:
        svg = qr_svg(
            str(text),
            _number(x, "x", -100_000, 100_000),
            _number(y, "y", -100_000, 100_000),
            _number(size, "size", 1, 100_000),
            color=_color(color),
            background=_color(background),
        )
    except QRTextError as exc:
        raise Refused(
            QT_TRANSLATE_NOOP("Templating", "{problem}.").format(problem=exc.args[0])
        ) from None
    return Markup(svg)  # noqa: S704 - built from numbers and checked colours only


def _layout_width(width: Any) -> int:
    try:
        number = int(width)
    except (TypeError, ValueError):
        raise Refused(
            QT_TRANSLATE_NOOP(
                "Templating", "a width must be a whole number, not “{width}”."
            ).format(width=width)
        ) from None
    if not 1 <= number <= MAX_WRAP_WIDTH:
        raise Refused(
            QT_TRANSLATE_NOOP("Templating", "a width must be between 1 and {most}.").format(
                most=MAX_WRAP_WIDTH
            )
        )
    return number


def _wrap(text: Any, width: Any, max_lines: Any = 0) -> list[str]:
    return wrap(str(text), _layout_width(width), min(max(int(max_lines), 0), MAX_WRAP_WIDTH))


def _clip(text: Any, width: Any) -> str:
    return clip(str(text), _layout_width(width))


def _points(text: Any, limit: Any = 4) -> list[str]:
    return points(str(text), min(max(int(limit), 0), 100))


def add_days(day: date, days: int) -> date:
    """The date ``days`` after ``day`` (before it when negative); a datetime gives its date."""
    if not isinstance(day, date):
        raise Refused(
            QT_TRANSLATE_NOOP("Templating", "add_days() needs a date, not “{value}”.").format(
                value=day
            )
        )
    if isinstance(day, datetime):
        day = day.date()
    try:
        return day + timedelta(days=int(days))
    except OverflowError:
        raise Refused(QT_TRANSLATE_NOOP("Templating", "that date is out of range.")) from None


def _helpers(language: str) -> dict[str, Any]:
    def date_text(value: date, weekday: bool = True) -> str:
        if not isinstance(value, date):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Templating", "format_date() needs a date, not “{value}”."
                ).format(value=value)
            )
        return format_date(value, language, weekday=weekday)

    def time_text(value: datetime) -> str:
        if not isinstance(value, datetime):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Templating", "format_time() needs a date and time, not “{value}”."
                ).format(value=value)
            )
        return format_clock(value)

    return {
        "qr": _qr,
        "wrap": _wrap,
        "columns": lambda text: display_width(str(text)),
        "add_days": add_days,
        "clip": _clip,
        "points": _points,
        "format_date": date_text,
        "format_time": time_text,
        "format_offset": format_offset,
        "tint": tint,
        "shade": shade,
        "text_on": text_on,
    }


def _variables(ctx: RenderContext) -> dict[str, Any]:
    return {
        "community": ctx.community,
        "item": ctx.item,
        "operator": ctx.operator,
        "today": ctx.today,
        "language": ctx.language,
        "join_link": ctx.join_link,
        "upcoming": list(ctx.upcoming),
        **_helpers(ctx.language),
    }


# What the editor's side panel lists: each expression (code, never translated)
# and what it means (a Text, shown translated).
CONTEXT_DOCS: list[tuple[str, str]] = [
    ("community.name", QT_TRANSLATE_NOOP("Templating", "The community's name")),
    (
        "community.platform_label",
        QT_TRANSLATE_NOOP(
            "Templating", "Its platform, in the template's language (platform: the code)"
        ),
    ),
    (
        "community.stage_label",
        QT_TRANSLATE_NOOP(
            "Templating", "Its stage on the path (stage: the code, stage_number: 1-5)"
        ),
    ),
    (
        "community.common_interest",
        QT_TRANSLATE_NOOP("Templating", "The common interest that gathers people"),
    ),
    (
        "community.value_to_members",
        QT_TRANSLATE_NOOP("Templating", "The value members get (split it with points())"),
    ),
    (
        "community.differentiation",
        QT_TRANSLATE_NOOP("Templating", "How it differs from other groups of its kind"),
    ),
    (
        "community.built_around_label",
        QT_TRANSLATE_NOOP("Templating", "What it is built around (soul figure, product...)"),
    ),
    (
        "community.segment",
        QT_TRANSLATE_NOOP(
            "Templating", "The segment it serves (segment_basis_label: how it is divided)"
        ),
    ),
    (
        "community.joining_principles",
        QT_TRANSLATE_NOOP("Templating", "Who may join, how, fee or invitation"),
    ),
    ("community.management_norms", QT_TRANSLATE_NOOP("Templating", "The group rules")),
    ("community.member_count", QT_TRANSLATE_NOOP("Templating", "How many members it has")),
    ("community.owner", QT_TRANSLATE_NOOP("Templating", "Who runs it")),
    (
        "community.color",
        QT_TRANSLATE_NOOP("Templating", "Its colour, #RRGGBB: use it as the poster's accent"),
    ),
    ("community.notes", QT_TRANSLATE_NOOP("Templating", "The operator's notes")),
    (
        "item",
        QT_TRANSLATE_NOOP(
            "Templating",
            "The calendar item the poster is made from, or none: test with {% if item %}",
        ),
    ),
    ("item.title", QT_TRANSLATE_NOOP("Templating", "The item's title")),
    (
        "item.item_type_label",
        QT_TRANSLATE_NOOP("Templating", "Its type: live class, guest share, paid activity..."),
    ),
    (
        "item.start, item.end",
        QT_TRANSLATE_NOOP("Templating", "When it starts and ends (date and time)"),
    ),
    (
        "item.start_text",
        QT_TRANSLATE_NOOP(
            "Templating", "Its start, written out: 11月25日（周三）20:00 / Wed 25 Nov 20:00"
        ),
    ),
    (
        "item.date_text",
        QT_TRANSLATE_NOOP("Templating", "Its day (or days): 11月25日（周三） / Wed 25 Nov"),
    ),
    (
        "item.time_text",
        QT_TRANSLATE_NOOP("Templating", "Its hours: 20:00–21:30, or 全天 / All day"),
    ),
    ("item.tz_text", QT_TRANSLATE_NOOP("Templating", "Its time zone's offset, such as GMT+8")),
    ("item.speaker", QT_TRANSLATE_NOOP("Templating", "Who speaks or hosts it")),
    (
        "item.location",
        QT_TRANSLATE_NOOP("Templating", "Where: a room, a city, a live-stream or meeting link"),
    ),
    (
        "item.description",
        QT_TRANSLATE_NOOP("Templating", "Its description (split it with points())"),
    ),
    (
        "item.goals.planned_participants",
        QT_TRANSLATE_NOOP(
            "Templating",
            "A goal: planned_/actual_ participants, new_members, shares, conversions, "
            "revenue, cost",
        ),
    ),
    (
        "upcoming",
        QT_TRANSLATE_NOOP(
            "Templating", "The community's next activities in the coming two weeks (items as above)"
        ),
    ),
    ("operator", QT_TRANSLATE_NOOP("Templating", "Who sends or posts this: the operator's name")),
    ("today", QT_TRANSLATE_NOOP("Templating", "Today's date")),
    ("language", QT_TRANSLATE_NOOP("Templating", "The template's language: zh or en")),
    (
        "join_link",
        QT_TRANSLATE_NOOP(
            "Templating",
            "What the QR code carries: a link found in the item or the community, "
            "or a sentence saying whom to add",
        ),
    ),
    (
        "qr(text, x, y, size)",
        QT_TRANSLATE_NOOP(
            "Templating",
            "A standard QR code for text in the square at x, y with side "
            "size, quiet zone included; optional color, background",
        ),
    ),
    (
        "wrap(text, width, max_lines)",
        QT_TRANSLATE_NOOP(
            "Templating",
            "Text broken into lines of at most width columns "
            "(a Chinese character is 2 columns); the last line ends in … when cut; draw one "
            "<text> per line",
        ),
    ),
    (
        "clip(text, width)",
        QT_TRANSLATE_NOOP("Templating", "Text on one line of at most width columns, cut with …"),
    ),
    (
        "columns(text)",
        QT_TRANSLATE_NOOP("Templating", "How many columns text takes (to size a badge around it)"),
    ),
    (
        "add_days(day, n)",
        QT_TRANSLATE_NOOP("Templating", "The date n days after day (before it when n is negative)"),
    ),
    (
        "points(text, limit)",
        QT_TRANSLATE_NOOP(
            "Templating", "Bullet points from a text: split at line breaks and ；。！？"
        ),
    ),
    (
        "format_date(day, weekday=true)",
        QT_TRANSLATE_NOOP("Templating", "A date written out in the template's language"),
    ),
    ("format_time(moment)", QT_TRANSLATE_NOOP("Templating", "A time of day: 20:00")),
    ("format_offset(minutes)", QT_TRANSLATE_NOOP("Templating", "A send offset: T+0, T+2h, T+1d")),
    (
        "tint(color, amount)",
        QT_TRANSLATE_NOOP("Templating", "A colour mixed with white: tint(community.color, 0.9)"),
    ),
    ("shade(color, amount)", QT_TRANSLATE_NOOP("Templating", "A colour mixed with black")),
    (
        "text_on(color)",
        QT_TRANSLATE_NOOP(
            "Templating", "White or near-black, whichever reads better on the colour"
        ),
    ),
]


# -- rendering ------------------------------------------------------------------------


def _one_line(text: str, limit: int = 240) -> str:
    line = " ".join(str(text).split())
    if len(line) > limit:
        line = line[: limit - 1] + "…"
    return line


def _sentence(text: str) -> str:
    line = _one_line(text)
    if not line:
        return QT_TRANSLATE_NOOP("Templating", "something went wrong.")
    return line if line[-1] in ".!?…" else line + "."


def _said(exc: BaseException) -> str:
    """A refusal's message as one sentence: the Text it was raised with (so it
    stays translatable) when that is one short line, given a final stop if it
    lacks one; otherwise the English made into one, as :func:`_sentence` does."""
    said = exc.args[0] if len(exc.args) == 1 else None
    sentence = _sentence(str(exc))
    if isinstance(said, Text):
        if sentence == said:
            return said
        if sentence == f"{said}.":
            return QT_TRANSLATE_NOOP("Templating", "{problem}.").format(problem=said)
    return sentence


_UNDEFINED_NAME = re.compile(r"^'(?P<name>[^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"^'(?P<obj>[^']+)' has no attribute '(?P<attr>[^']+)'$")
_NO_ELEMENT = re.compile(r"^'(?P<obj>[^']+)' has no element (?P<key>.+)$")


_NOT_DEFINED = QT_TRANSLATE_NOOP("Templating", "“{name}” is not defined.")
_NO_INCLUDES = QT_TRANSLATE_NOOP(
    "Templating", "templates cannot include, import or extend other templates."
)


def _undefined_detail(message: str) -> str:
    if match := _UNDEFINED_NAME.match(message):
        return _NOT_DEFINED.format(name=match["name"])
    if match := _NO_ATTRIBUTE.match(message):
        if match["obj"] == "None":
            return QT_TRANSLATE_NOOP(
                "Templating",
                "“{name}” needs a calendar item, and there is none here: "
                "make it from a calendar item, or check with {check}.",
            ).format(name=match["attr"], check="{% if item %}")
        return _NOT_DEFINED.format(name=match["attr"])
    if match := _NO_ELEMENT.match(message):
        return QT_TRANSLATE_NOOP("Templating", "there is no element {key}.").format(
            key=_one_line(match["key"], 60)
        )
    return _sentence(message)


def _detail(exc: BaseException) -> str:
    """What went wrong, as one sentence for the user."""
    if isinstance(exc, Refused | SecurityError):
        return _said(exc)
    if isinstance(exc, UndefinedError):
        return _undefined_detail(str(exc.message or ""))
    if isinstance(exc, TemplateNotFound):
        return _NO_INCLUDES
    if isinstance(exc, RecursionError):
        return QT_TRANSLATE_NOOP("Templating", "macros call each other too deeply.")
    if isinstance(exc, MemoryError):
        return QT_TRANSLATE_NOOP("Templating", "the template needs too much memory.")
    return _sentence(str(exc) or type(exc).__name__)


def _template_line(tb: TracebackType | None) -> int | None:
    """The innermost template line in a traceback rewritten by Jinja."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _render(
    source: str,
    ctx: RenderContext,
    *,
    name: str,
    autoescape: bool,
    deadline: float | None = None,
) -> str:
    if not isinstance(source, str):
        raise TemplateError(
            name, QT_TRANSLATE_NOOP("Templating", "the template's source is not text.")
        )
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > MAX_SOURCE_BYTES:
        raise TemplateError(
            name,
            QT_TRANSLATE_NOOP(
                "Templating", "the template is too large ({size} bytes; at most {most})."
            ).format(size=f"{size:,}", most=f"{MAX_SOURCE_BYTES:,}"),
        )
    try:
        check_language(ctx.language)
    except ValueError as exc:
        raise TemplateError(name, _said(exc)) from None
    env = Sandbox(
        autoescape=autoescape,
        deadline=deadline if deadline is not None else time.monotonic() + TIME_LIMIT_SECONDS,
        time_limit=TIME_LIMIT_SECONDS,
    )
    try:
        tree = env.parse(source)
        for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            raise TemplateError(name, _NO_INCLUDES, node.lineno)
        template = env.from_string(tree)
        parts: list[str] = []
        total = 0
        for chunk in template.generate(_variables(ctx)):
            total += len(chunk)
            if total > MAX_OUTPUT_CHARS:
                raise Refused(
                    QT_TRANSLATE_NOOP(
                        "Templating", "the result is too large (over {most} characters)."
                    ).format(most=f"{MAX_OUTPUT_CHARS:,}")
                )
            parts.append(chunk)
        return "".join(parts)
    except TemplateError:
        raise
    except TemplateSyntaxError as exc:
        # Jinja's own words stay English inside a translated frame.
        detail = QT_TRANSLATE_NOOP("Templating", "syntax error: {detail}").format(
            detail=_sentence(exc.message or "the template cannot be read")
        )
        raise TemplateError(name, detail, exc.lineno) from None
    except Exception as exc:
        raise TemplateError(name, _detail(exc), _template_line(exc.__traceback__)) from None


def render_poster_source(source: str, ctx: RenderContext, *, name: str = "template") -> str:
    """Render a poster's SVG Jinja ``source``; returns checked SVG text.

    Raises TemplateError for any problem, including a result that is not
    well-formed SVG or refers to anything outside itself.
    """
    svg = _render(source, ctx, name=name, autoescape=True)
    check_svg(svg, name)
    return svg


def render_poster(template: Template, ctx: RenderContext) -> str:
    """Render a poster template in its own language; returns SVG text."""
    if template.kind is not TemplateKind.POSTER:
        raise TemplateError(
            template.name,
            QT_TRANSLATE_NOOP("Templating", "this is a welcome sequence, not a poster."),
        )
    return render_poster_source(
        template.body, with_language(ctx, template.language), name=template.name
    )


def render_message_source(
    source: str, ctx: RenderContext, *, name: str = "message", deadline: float | None = None
) -> str:
    """Render one welcome message's Jinja ``source`` as plain text.

    ``deadline`` (a ``time.monotonic()`` value) lets several messages share
    one time limit, so a sequence as a whole cannot take longer than one.
    """
    return _render(source, ctx, name=name, autoescape=False, deadline=deadline).strip()


def render_welcome(template: Template, ctx: RenderContext) -> list[tuple[WelcomeMessage, str]]:
    """Render every message of a welcome sequence, in order, in its own language."""
    if template.kind is not TemplateKind.WELCOME:
        raise TemplateError(
            template.name,
            QT_TRANSLATE_NOOP("Templating", "this is a poster, not a welcome sequence."),
        )
    ctx = with_language(ctx, template.language)
    deadline = time.monotonic() + TIME_LIMIT_SECONDS
    rendered = []
    for number, message in enumerate(template.messages, start=1):
        text = _render(
            message.body,
            ctx,
            name=QT_TRANSLATE_NOOP("Templating", "{name} ({offset}, message {number})").format(
                name=template.name, offset=format_offset(message.offset_minutes), number=number
            ),
            autoescape=False,
            deadline=deadline,
        )
        rendered.append((message, text.strip()))
    return rendered


# -- checking a rendered poster ---------------------------------------------------------

_FORBIDDEN_ELEMENTS = frozenset(
    {"script", "foreignObject", "iframe", "object", "embed", "audio", "video", "handler"}
)
_SAFE_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$")
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def check_svg(svg: str, name: str = "template") -> None:
    """Refuse a poster that is not SVG or that refers to anything outside itself.

    A poster may be opened in a browser once exported, so it may hold no
    scripts or event handlers, and it may show no file or web address (which
    Qt or a browser would load): links point inside the poster (``#id``),
    images are embedded (``data:image/...``).
    """
    if re.search(r"<!(DOCTYPE|ENTITY)", svg, re.IGNORECASE):
        raise TemplateError(
            name, QT_TRANSLATE_NOOP("Templating", "a poster may not declare a DOCTYPE or entities.")
        )
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        line, _column = exc.position
        reason = _one_line(str(exc).split(":")[0], 80)
        raise TemplateError(
            name,
            QT_TRANSLATE_NOOP(
                "Templating",
                "the result is not well-formed SVG ({reason}, line {line} of the result).",
            ).format(reason=reason, line=line),
        ) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise TemplateError(
            name,
            QT_TRANSLATE_NOOP(
                "Templating",
                'a poster must be one <svg xmlns="http://www.w3.org/2000/svg"> element.',
            ),
        )
    for element in root.iter():
        tag = _local(str(element.tag))
        if tag in _FORBIDDEN_ELEMENTS:
            raise TemplateError(
                name,
                QT_TRANSLATE_NOOP("Templating", "<{tag}> is not allowed in a poster.").format(
                    tag=tag
                ),
            )
        if tag == "style":
            # All of the style's text (also after child elements), case-folded; a
            # CSS escape (\72 for r...) could hide "url(" or "@import".
            css = "".join(element.itertext()).lower()
            if _EXTERNAL_URL.search(css) or "@import" in css or "\\" in css:
                raise TemplateError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "Templating", "a style may not load anything from outside the poster."
                    ),
                )
        if tag == "set" or tag.startswith("animate"):
            target = element.attrib.get("attributeName", "")
            if _local(target).lower().endswith("href"):
                raise TemplateError(
                    name, QT_TRANSLATE_NOOP("Templating", "a poster may not animate a link.")
                )
        for attribute, value in element.attrib.items():
            key = _local(attribute)
            if key.lower().startswith("on"):
                raise TemplateError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "Templating", "event handlers ({name}) are not allowed in a poster."
                    ).format(name=key),
                )
            if key == "style" and "\\" in value:
                raise TemplateError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "Templating", "escapes are not allowed in a poster's styles."
                    ),
                )
            if key == "href" and not (
                value.startswith("#") or (tag == "image" and _SAFE_IMAGE.match(value))
            ):
                raise TemplateError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "Templating",
                        "a poster may not refer to files or web addresses "
                        "(“{address}”); embed images as data:image/… instead.",
                    ).format(address=_one_line(value, 60)),
                )
            if _EXTERNAL_URL.search(value):
                raise TemplateError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "Templating",
                        "“{name}” may only refer to something inside the poster (url(#id)).",
                    ).format(name=key),
                )


def poster_text(svg: str) -> list[str]:
    """The lines of text a rendered poster shows, in document order (for tests, search)."""
    root = ET.fromstring(svg)
    return [
        "".join(element.itertext()).strip()
        for element in root.iter(f"{{{SVG_NS}}}text")
        if "".join(element.itertext()).strip()
    ]


def messages_from_json(text: str) -> tuple[WelcomeMessage, ...]:
    """Welcome messages from the JSON stored in the workspace."""
    return tuple(WelcomeMessage(int(m["offset_minutes"]), str(m["body"])) for m in json.loads(text))


def messages_to_json(messages: Sequence[WelcomeMessage]) -> str:
    return json.dumps(
        [{"offset_minutes": m.offset_minutes, "body": m.body} for m in messages],
        ensure_ascii=False,
    )
