"""QR codes for posters: a standard QR symbol drawn as one SVG path.

The module matrix comes from ``segno`` (a standard QR code, never Micro QR).
It is drawn as a single ``<path>`` of filled rectangles, one per horizontal
run of dark modules ("M x y h w v 1 h -w z"), in module units scaled by a
``transform``: plain fill, no strokes, no CSS, so Qt's SVG renderer, browsers
and PDF all draw it the same. A white square behind it keeps the quiet zone.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from planner.i18n import QT_TRANSLATE_NOOP

# The quiet zone the standard asks for around the symbol, in modules.
QUIET_ZONE = 4
# What a poster's QR may carry. Version 40-M holds 2,331 bytes, but a code
# that dense cannot be scanned from a phone screen; a link or a sentence fits.
MAX_QR_BYTES = 600


class QRTextError(ValueError):
    """The text cannot become a QR code (empty or too long).

    Its one argument is a :class:`~planner.i18n.Text` without a final full stop.
    """


@dataclass(frozen=True)
class QRSymbol:
    """A QR code's module matrix: ``rows[y][x]`` is True for a dark module.

    Attributes:
        text: what the code carries.
        version: the QR version (1-40); the matrix is ``17 + 4 * version`` wide.
        error: the error correction level ("L", "M", "Q" or "H").
        rows: the dark modules, row by row, without the quiet zone.
    """

    text: str
    version: int
    error: str
    rows: tuple[tuple[bool, ...], ...]

    @property
    def width(self) -> int:
        """Modules per side, without the quiet zone."""
        return len(self.rows)


def make_symbol(text: str, *, error: str = "m") -> QRSymbol:
    """The QR symbol for ``text`` (UTF-8 in byte mode, as phone scanners expect).

    Error correction is at least ``error`` and raised when it costs no size.
    Raises QRTextError for empty or overlong text.
    """
    if not text:
        raise QRTextError(QT_TRANSLATE_NOOP("Qr", "a QR code needs some text"))
    size = len(text.encode("utf-8"))
    if size > MAX_QR_BYTES:
        raise QRTextError(
            QT_TRANSLATE_NOOP(
                "Qr", "the QR text is too long to scan ({size} bytes; at most {most})"
            ).format(size=f"{size:,}", most=f"{MAX_QR_BYTES:,}")
        )
    code = segno.make_qr(text, error=error, mode="byte", encoding="utf-8", boost_error=True)
    rows = tuple(tuple(bool(m) for m in row) for row in code.matrix)
    return QRSymbol(text=text, version=int(code.version), error=str(code.error), rows=rows)


def path_data(symbol: QRSymbol) -> str:
    """SVG path data for the dark modules, in module units (origin: top-left module)."""
    parts: list[str] = []
    for y, row in enumerate(symbol.rows):
        x = 0
        n = len(row)
        while x < n:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            run = x - start
            parts.append(f"M{start} {y}h{run}v1h-{run}z")
    return "".join(parts)


def _number(value: float) -> str:
    """A coordinate without needless digits: 12, 12.5, 12.3457."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def qr_svg(
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    color: str = "#000000",
    background: str = "#ffffff",
) -> str:
    """SVG elements drawing a QR code for ``text`` in the square (x, y, size).

    ``size`` includes the white quiet zone of :data:`QUIET_ZONE` modules. The
    result is a ``<g>`` holding a background ``<rect>`` and one ``<path>``;
    ``color`` and ``background`` must be simple colour values (``#RRGGBB``).
    """
    symbol = make_symbol(text)
    total = symbol.width + 2 * QUIET_ZONE
    module = size / total
    offset_x = x + QUIET_ZONE * module
    offset_y = y + QUIET_ZONE * module
    return (
        "<g>"
        f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(size)}" '
        f'height="{_number(size)}" fill="{background}"/>'
        f'<path transform="translate({_number(offset_x)} {_number(offset_y)}) '
        f'scale({_number(module)})" fill="{color}" d="{path_data(symbol)}"/>'
        f"</g>"
    )
