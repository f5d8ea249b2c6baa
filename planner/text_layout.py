"""Laying out text for posters: display width, line wrapping, bullet points.

SVG has no automatic line breaks (and Qt's renderer ignores ``<tspan>``
positions), so a poster template breaks long text into lines itself with
:func:`wrap` and draws one ``<text>`` per line. Widths are counted in
*columns*: a Chinese, Japanese or Korean character (or an emoji) is 2
columns, a Latin letter 1, which matches how wide they look in a sans-serif
font closely enough to keep text inside its box.
"""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"
# "…" is one column in Latin fonts but a full square in Chinese ones.
ELLIPSIS_WIDTH = 2

# Punctuation that must not start a line (it hangs at the end of the one
# before) and punctuation that must not end one (it moves to the next).
NO_LINE_START = frozenset("，。、！？；：）」』》〉】〕”’…—%,.!?;:)]}")
NO_LINE_END = frozenset("（「『《〈【〔“‘([{")
_POINT_SPLIT = re.compile(r"(?<=[；;。！？!?])|\n")
_BULLET = re.compile(r"^\s*(?:[-*•·・●◆▶]|\d{1,2}[.、)）]|[（(]\d{1,2}[)）])\s*")


def char_width(char: str) -> int:
    """Columns ``char`` takes: 2 for wide (CJK, emoji), 0 for combining marks, else 1."""
    if unicodedata.combining(char):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def display_width(text: str) -> int:
    """Columns ``text`` takes on one line."""
    return sum(char_width(c) for c in text)


def _tokens(paragraph: str) -> list[str]:
    """Words, single wide characters and runs of spaces, in order."""
    tokens: list[str] = []
    word = ""
    for char in paragraph:
        if char.isspace():
            if word:
                tokens.append(word)
                word = ""
            if tokens and tokens[-1] == " ":
                continue
            tokens.append(" ")
        elif char_width(char) == 2 or char in NO_LINE_START or char in NO_LINE_END:
            # Wide characters and punctuation break anywhere (punctuation is
            # kept with its neighbour by the rules below).
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def _split_long(word: str, width: int) -> list[str]:
    """A word wider than a line, cut into line-sized pieces."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and display_width(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    if piece:
        pieces.append(piece)
    return pieces


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    used = 0

    def flush(final: bool = False) -> None:
        nonlocal line, used
        carry: list[str] = []
        # An opening bracket or quote never ends a line.
        while line and line[-1] in NO_LINE_END and len(line) > 1:
            carry.insert(0, line.pop())
        # A short bracketed remark that would be cut in two moves whole to
        # the next line: "林老师直播领读" / "（改到周四）", not "（改到" / "周四）".
        opener = _open_bracket(line)
        if not final and not carry and opener > 0:
            tail = line[opener:]
            if display_width("".join(tail)) <= width // 3:
                carry, line = tail, line[:opener]
        text = "".join(line).strip()
        if text:
            lines.append(text)
        line = carry
        used = display_width("".join(carry))

    for token in _tokens(paragraph):
        if token == " " and not line:
            continue
        w = display_width(token)
        if used + w <= width:
            line.append(token)
            used += w
            continue
        if token == " ":
            flush()
            continue
        if token in NO_LINE_START and line:
            # Hanging punctuation: it stays with the word it closes.
            line.append(token)
            used += w
            continue
        if w > width:
            pieces = _split_long(token, width)
            for piece in pieces[:-1]:
                if line:
                    flush()
                line.append(piece)
                used += display_width(piece)
                flush()
            token = pieces[-1]
            w = display_width(token)
        if line:
            flush()
            while line and used + w > width:
                flush()
        line.append(token)
        used += w
    flush(final=True)
    return lines


_CLOSERS = {"（": "）", "「": "」", "『": "』", "《": "》", "〈": "〉", "【": "】", "〔": "〕"}
_CLOSERS |= {"“": "”", "‘": "’", "(": ")", "[": "]", "{": "}"}


def _open_bracket(line: list[str]) -> int:
    """Where the last bracket left open in ``line`` starts, or -1."""
    for index in range(len(line) - 1, -1, -1):
        token = line[index]
        if token in _CLOSERS:
            closer = _CLOSERS[token]
            return -1 if any(t == closer for t in line[index + 1 :]) else index
    return -1


def _with_ellipsis(text: str, width: int) -> str:
    """``text`` shortened so that it and a final "…" fit in ``width`` columns."""
    kept = text
    while kept and display_width(kept) + ELLIPSIS_WIDTH > width:
        kept = kept[:-1]
    return kept.rstrip(" ，,、；;：:。.（(《「“[") + ELLIPSIS


def clip(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` columns, ending in "…" if cut."""
    flat = " ".join(str(text).split())
    if display_width(flat) <= width:
        return flat
    return _with_ellipsis(flat, width)


def wrap(text: str, width: int, max_lines: int = 0) -> list[str]:
    """``text`` broken into lines of at most ``width`` columns.

    English breaks between words, Chinese between characters (never before a
    closing mark such as "，" or after an opening one such as "《"). Line
    breaks in ``text`` are kept. With ``max_lines`` (> 0) the text stops
    there and the last line ends with "…" when something was left out.
    """
    width = max(int(width), 4)
    lines: list[str] = []
    for paragraph in str(text).splitlines():
        lines.extend(_wrap_paragraph(paragraph, width))
    if max_lines > 0 and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], width)
    return lines


def points(text: str, limit: int = 4) -> list[str]:
    """Short bullet points from a paragraph: split at line breaks and at "；。！？"
    (or at "、" when that is all there is, as in "作业提醒、学习资料、升学讲座").

    Leading bullets or numbers ("1.", "•", "（2）") and a trailing "。", "；"
    or "." are dropped, and a point starts with a capital letter; at most
    ``limit`` points are returned.
    """
    parts = _POINT_SPLIT.split(str(text))
    if len([p for p in parts if p.strip()]) == 1 and "、" in text and "，" not in text:
        # One list of short items: "作业提醒、学习资料、升学讲座".
        parts = str(text).split("、")
    found: list[str] = []
    for part in parts:
        item = _BULLET.sub("", part).strip().rstrip("；;。.").strip()
        if item:
            found.append(item[0].upper() + item[1:] if item[0].isascii() else item)
        if len(found) >= max(int(limit), 0):
            break
    return found
