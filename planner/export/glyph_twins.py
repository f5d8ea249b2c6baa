"""Characters that share a glyph in the fonts a document is drawn with.

Qt's PDF writer names each glyph by the lowest code point of the Basic
Multilingual Plane that the font sends to it (``QFontSubset::getReverseMap``).
When a font draws several characters with one glyph, that is often not the
character typed: in Noto Sans CJK SC 一 comes back as ⼀ (U+2F00), 胶 as 㬵
(U+3B35), the en dash as the figure dash, ～ as 〜, the space as a tab.
:func:`glyph_twins` finds, in the very fonts the layout used, which character
Qt will name instead of each character of the text, so
:func:`planner.export.pdf_text.fix_text_mapping` can name the right one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtGui import QRawFont, QTextDocument

_FIRST_CODE_POINTS: dict[tuple[str, str, int, int], dict[int, int]] = {}


@cache
def _bmp() -> tuple[str, list[int]]:
    codes = [c for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    return "".join(map(chr, codes)), codes


def _font_key(raw: QRawFont) -> tuple[str, str, int, int]:
    return raw.familyName(), raw.styleName(), int(raw.weight()), int(raw.style().value)


def _first_code_points(raw: QRawFont) -> dict[int, int]:
    """Glyph to the lowest BMP code point that ``raw`` draws with it (cached per font)."""
    key = _font_key(raw)
    found = _FIRST_CODE_POINTS.get(key)
    if found is None:
        found = {}
        text, codes = _bmp()
        for code, glyph in zip(codes, raw.glyphIndexesForString(text), strict=True):
            if glyph and glyph not in found:
                found[glyph] = code
        _FIRST_CODE_POINTS[key] = found
    return found


def fonts_used(doc: QTextDocument) -> list[QRawFont]:
    """The fonts ``doc``'s laid-out text is drawn with (fallback fonts included)."""
    fonts: dict[tuple[str, str, int, int], QRawFont] = {}
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        # Line by line: the layout's own glyphRuns() can come back empty.
        for index in range(layout.lineCount() if layout is not None else 0):
            for run in layout.lineAt(index).glyphRuns():
                raw = run.rawFont()
                # Text no installed font covers is drawn as boxes from a font
                # that says it is valid but has no size, and crashes when asked
                # its family: it has no glyph to name anyway.
                if not raw.isValid() or raw.pixelSize() <= 0:
                    continue
                fonts.setdefault(_font_key(raw), raw)
        block = block.next()
    return list(fonts.values())


def _surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def glyph_twins(fonts: Iterable[QRawFont], source_text: str) -> dict[str, str]:
    """The characters Qt would name instead of ``source_text``'s, each to the one typed.

    A character of the source that shares its glyph with a lower code point
    (that was not typed) comes back from the PDF as that code point.
    """
    # Printable BMP characters (Qt names no glyph beyond the BMP; see pdf_text).
    chars = sorted({c for c in source_text if 0x20 <= ord(c) <= 0xFFFF and not _surrogate(c)})
    typed = "".join(chars)
    twins: dict[str, str] = {}
    for raw in fonts:
        first = _first_code_points(raw)
        for char, glyph in zip(chars, raw.glyphIndexesForString(typed), strict=True):
            code = first.get(glyph) if glyph else None
            if code is None or code == ord(char):
                continue
            named = chr(code)
            if named not in source_text:
                twins.setdefault(named, char)
    return twins
