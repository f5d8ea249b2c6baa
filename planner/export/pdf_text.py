"""The text layer of PDFs Qt writes, mapped back to the characters that were drawn.

A PDF viewer copies, searches and extracts text through each font's
``/ToUnicode`` CMap: glyph code to characters. Qt writes that map by asking
the font, for every glyph, for the first code point of the Basic Multilingual
Plane that its cmap sends to that glyph. When a font draws several characters
with one glyph, the lowest code point wins, and it is rarely the one that was
typed. Measured with Noto Sans CJK SC:

- ideographs come back as their radical twins: 一 as ⼀ (U+2F00), 日 as ⽇,
  长 as ⻓ (U+2ED3), 角 as ⻆; some as a rare Extension A twin (胶 as 㬵);
- punctuation as a look-alike: the en dash as the figure dash, ～ as 〜,
  ／ as ∕, the space as a tab;
- glyphs that no cmap entry reaches (OpenType substitutions) get no entry
  and vanish from the text; a ligature's glyph comes back as its
  presentation form (ﬁ for "fi").

:func:`fix_text_mapping` rewrites the destinations of those CMaps. A
destination character that does not occur in the source text was never typed,
so it is replaced: by the character the caller knows shares its glyph
(``twins``, computed from the fonts by the caller), else, for compatibility
characters (radicals, CJK strokes, compatibility ideographs, Latin
ligatures), by their NFKC form or Unicode's equivalent unified ideograph. A
destination that does occur in the source text stays: a ⽂ that was typed is
kept. The rest of each stream is left byte for byte as it was.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    PdfObject,
    StreamObject,
)

# Characters that are only ever a stand-in for another one in a PDF's text
# layer: radicals and strokes (drawn with their ideograph's glyph), CJK
# compatibility ideographs, Latin ligatures.
_COMPAT_RANGES = (
    (0x2E80, 0x2EFF),  # CJK Radicals Supplement
    (0x2F00, 0x2FDF),  # Kangxi Radicals
    (0x31C0, 0x31EF),  # CJK Strokes
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFB00, 0xFB06),  # Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
)

# Radicals and strokes that NFKC leaves alone, each with its equivalent unified
# ideograph, from Unicode's EquivalentUnifiedIdeograph.txt (UCD 14.0): pairs
# of (radical, ideograph). The Kangxi radicals are NFKC's.
_EQUIVALENT_PAIRS = (
    "⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 "
    "⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺠民 ⺡氵 ⺢氺 "
    "⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓 ⺲罒 "
    "⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 "
    "⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ⻒镸 "
    "⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐 ⻢马 "
    "⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 "
    "㇆𠃌 ㇏乀 ㇐一 ㇑丨 ㇒丿 ㇓丿 ㇔丶 ㇕𠃍 ㇖乛 ㇗𠃊 ㇘𠃎 ㇙𠄌 ㇚亅 ㇛𡿨 ㇜𠃋 ㇝乀 "
    "㇞𠃑 ㇟乚 ㇠乙 ㇡𠄎"
)

_BLOCK = re.compile(r"(\d+)(\s+)begin(bfchar|bfrange)\b(.*?)end\3\b", re.DOTALL)
_HEX = r"<([0-9A-Fa-f]*)>"
_BFCHAR = re.compile(rf"\s*{_HEX}\s*{_HEX}")
_BFRANGE = re.compile(rf"\s*{_HEX}\s*{_HEX}\s*(?:{_HEX}|\[((?:\s*<[0-9A-Fa-f]*>)*)\s*\])")
_MAX_ENTRIES = 100  # per begin...end block (PDF 32000-1, 9.10.3)


@cache
def compatibility_map() -> dict[str, str]:
    """Each compatibility character (radical, stroke, ...) and what it stands in for."""
    found: dict[str, str] = {}
    for low, high in _COMPAT_RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            normal = unicodedata.normalize("NFKC", char)
            if normal != char:
                found[char] = normal
    for pair in _EQUIVALENT_PAIRS.split():
        found.setdefault(pair[0], pair[1:])
    return found


def corrected(destination: str, source: frozenset[str], twins: Mapping[str, str]) -> str:
    """A CMap destination with every character that was not typed put back."""
    compat = compatibility_map()
    out = []
    for char in destination:
        if char not in source:
            char = twins.get(char) or compat.get(char) or char
        out.append(char)
    return "".join(out)


def _decode(hex_text: str) -> str | None:
    if len(hex_text) % 4:
        return None
    try:
        return bytes.fromhex(hex_text).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return None


def _encode(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


@dataclass
class _Mapping:
    """One rewriter over one CMap: the source's characters and the known twins."""

    source: frozenset[str]
    twins: Mapping[str, str]
    changed: bool = False

    def fix(self, hex_text: str) -> str:
        """A destination, rewritten if need be (hex in, hex out)."""
        text = _decode(hex_text)
        if text is None:
            return hex_text
        new = corrected(text, self.source, self.twins)
        if new == text:
            return hex_text
        self.changed = True
        return _encode(new)

    def bfchar(self, body: str) -> list[str] | None:
        entries = []
        end = 0
        for match in _BFCHAR.finditer(body):
            if match.start() != end:
                return None
            end = match.end()
            entries.append(f"<{match.group(1)}> <{self.fix(match.group(2))}>")
        return entries if not body[end:].strip() else None

    def bfrange(self, body: str) -> tuple[list[str], list[str]] | None:
        """The block's ranges and the single codes split out of them (None: leave as is)."""
        ranges: list[str] = []
        singles: list[str] = []
        end = 0
        for match in _BFRANGE.finditer(body):
            if match.start() != end:
                return None
            end = match.end()
            low_hex, high_hex, start_hex, array = match.groups()
            if start_hex is None:
                fixed = [self.fix(d) for d in re.findall(_HEX, array or "")]
                ranges.append(f"<{low_hex}> <{high_hex}> [{' '.join(f'<{d}>' for d in fixed)}]")
                continue
            split = self._split(low_hex, high_hex, start_hex)
            if split is None:
                ranges.append(f"<{low_hex}> <{high_hex}> <{start_hex}>")
            else:
                ranges.extend(split[0])
                singles.extend(split[1])
        if body[end:].strip():
            return None
        return ranges, singles

    def _split(
        self, low_hex: str, high_hex: str, start_hex: str
    ) -> tuple[list[str], list[str]] | None:
        """An incrementing range cut around the codes whose destination changes."""
        low, high = int(low_hex, 16), int(high_hex, 16)
        start = bytes.fromhex(start_hex) if len(start_hex) % 2 == 0 else b""
        if high < low or len(start) < 2:
            return None
        width, head, last = len(low_hex), start[:-2], int.from_bytes(start[-2:], "big")
        if last + high - low > 0xFFFF:
            return None
        cuts: dict[int, str] = {}
        for offset in range(high - low + 1):
            dest = (head + (last + offset).to_bytes(2, "big")).hex().upper()
            fixed = self.fix(dest)
            if fixed != dest:
                cuts[low + offset] = fixed
        if not cuts:
            return None
        ranges, singles = [], []
        run_start: int | None = None
        for code in range(low, high + 2):
            if code <= high and code not in cuts:
                run_start = code if run_start is None else run_start
                continue
            if run_start is not None:
                dest = (head + (last + run_start - low).to_bytes(2, "big")).hex().upper()
                ranges.append(f"<{run_start:0{width}X}> <{code - 1:0{width}X}> <{dest}>")
                run_start = None
            if code <= high:
                singles.append(f"<{code:0{width}X}> <{cuts[code]}>")
        return ranges, singles


def _blocks(kind: str, entries: list[str], newline: str) -> str:
    parts = []
    for at in range(0, len(entries), _MAX_ENTRIES):
        chunk = entries[at : at + _MAX_ENTRIES]
        parts.append(f"{len(chunk)} begin{kind}{newline}{newline.join(chunk)}{newline}end{kind}")
    return newline.join(parts)


def fix_cmap(cmap: bytes, source_text: str, twins: Mapping[str, str] | None = None) -> bytes:
    """A ToUnicode CMap with its destinations put back to the characters of ``source_text``."""
    text = cmap.decode("latin-1")
    source = frozenset(source_text)
    newline = "\r\n" if "\r\n" in text else "\n"
    rewritten = 0

    def block(match: re.Match[str]) -> str:
        nonlocal rewritten
        mapping = _Mapping(source, twins or {})
        body = match.group(4)
        if match.group(3) == "bfchar":
            entries = mapping.bfchar(body)
            if entries is None or not mapping.changed:
                return match.group(0)
            rewritten += 1
            return _blocks("bfchar", entries, newline)
        split = mapping.bfrange(body)
        if split is None or not mapping.changed:
            return match.group(0)
        rewritten += 1
        ranges, singles = split
        parts = (_blocks("bfrange", ranges, newline), _blocks("bfchar", singles, newline))
        return newline.join(part for part in parts if part)

    new = _BLOCK.sub(block, text)
    return new.encode("latin-1") if rewritten else cmap


@dataclass
class _TextOwner:
    """A page or form: its content stream and its fonts' ToUnicode streams by name."""

    content: bytes
    fonts: dict[str, StreamObject]


def _resolved(obj: PdfObject | None) -> PdfObject | None:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _content_of(obj: PdfObject | None) -> bytes:
    obj = _resolved(obj)
    if isinstance(obj, StreamObject):
        return obj.get_data()
    if isinstance(obj, ArrayObject):
        return b"\n".join(_content_of(part) for part in obj)
    return b""


def _text_owners(writer: PdfWriter) -> Iterator[_TextOwner]:
    """Every page and form drawn, with its content and its fonts' ToUnicode streams."""
    seen: set[int] = set()

    def visit(content: PdfObject | None, resources: PdfObject | None) -> Iterator[_TextOwner]:
        resources = _resolved(resources)
        if not isinstance(resources, DictionaryObject):
            return
        fonts: dict[str, StreamObject] = {}
        font_dict = _resolved(resources.get("/Font"))
        if isinstance(font_dict, DictionaryObject):
            for name, ref in font_dict.items():
                font = _resolved(ref)
                if isinstance(font, DictionaryObject):
                    stream = _resolved(font.get("/ToUnicode"))
                    if isinstance(stream, StreamObject):
                        fonts[str(name).lstrip("/")] = stream
        yield _TextOwner(_content_of(content), fonts)
        xobjects = _resolved(resources.get("/XObject"))
        if isinstance(xobjects, DictionaryObject):
            for ref in xobjects.values():
                form = _resolved(ref)
                if (
                    isinstance(form, StreamObject)
                    and form.get("/Subtype") == "/Form"
                    and id(form) not in seen
                ):
                    seen.add(id(form))
                    yield from visit(form, form.get("/Resources"))

    for page in writer.pages:
        yield from visit(page.get("/Contents"), page.get("/Resources"))


def cmap_entries(cmap: bytes) -> dict[int, str]:
    """Code to text, from a ToUnicode CMap's bfchar and bfrange entries."""
    found: dict[int, str] = {}
    for match in _BLOCK.finditer(cmap.decode("latin-1")):
        body = match.group(4)
        if match.group(3) == "bfchar":
            for entry in _BFCHAR.finditer(body):
                text = _decode(entry.group(2))
                if text is not None and entry.group(1):
                    found[int(entry.group(1), 16)] = text
            continue
        for entry in _BFRANGE.finditer(body):
            low_hex, high_hex, start_hex, array = entry.groups()
            if not low_hex or not high_hex:
                continue
            low, high = int(low_hex, 16), int(high_hex, 16)
            if start_hex is None:
                for offset, dest in enumerate(re.findall(_HEX, array or "")):
                    text = _decode(dest)
                    if text is not None and low + offset <= high:
                        found[low + offset] = text
                continue
            start = bytes.fromhex(start_hex) if len(start_hex) % 4 == 0 and start_hex else b""
            if not start:
                continue
            head, last = start[:-2], int.from_bytes(start[-2:], "big")
            for offset in range(min(high - low, 0xFFFF - last) + 1):
                text = _decode((head + (last + offset).to_bytes(2, "big")).hex())
                if text is not None:
                    found[low + offset] = text
    return found


# A glyph Qt could not name at all: its characters lie beyond the BMP (an
# ideograph of Extension B such as 𠮷, in names). Qt writes one text object
# per glyph run, so the glyphs around it say where in the source it is.
_TEXT_TOKEN = re.compile(
    rb"/([^\s/<>\[\]()]+)\s+[-+.\d]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\bET\b"
)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_ASTRAL = "([\U00010000-\U0010ffff])"


def _runs(owner: _TextOwner) -> Iterator[tuple[StreamObject, list[int]]]:
    """The glyph codes of each text run (one font, one text object) of a page or form."""
    font: StreamObject | None = None
    codes: list[int] = []
    for token in _TEXT_TOKEN.finditer(owner.content):
        name, shown, array = token.groups()
        if name is not None or (name is None and shown is None and array is None):
            if font is not None and codes:
                yield font, codes
            codes = []
            if name is not None:
                font = owner.fonts.get(name.decode("latin-1"))
            continue
        hex_text = shown if shown is not None else b"".join(_HEX_STRING.findall(array))
        digits = re.sub(rb"\s", b"", hex_text)
        codes.extend(int(digits[i : i + 4], 16) for i in range(0, len(digits) - 3, 4))
    if font is not None and codes:
        yield font, codes


def recover_unmapped(
    owners: list[_TextOwner], maps: dict[int, dict[int, str]], source_text: str
) -> dict[int, dict[int, str]]:
    """Characters beyond the BMP for the glyph codes Qt left without any text.

    ``maps`` holds each ToUnicode stream's entries (by ``id`` of the stream).
    A code is named only when every run it occurs in, read with the glyphs
    around it, finds the same character in ``source_text``.
    """
    found: dict[tuple[int, int], set[str]] = {}
    for owner in owners:
        for stream, codes in _runs(owner):
            entries = maps.get(id(stream))
            if entries is None or all(c in entries or c == 0 for c in codes):
                continue
            if not any(c in entries for c in codes):
                continue  # nothing around it to place it by
            unknown = [c for c in codes if c not in entries]
            pattern = "".join(
                "".join(r"\s" if ch.isspace() else re.escape(ch) for ch in entries[c])
                if c in entries
                else _ASTRAL
                for c in codes
            )
            seen: dict[int, set[str]] = {c: set() for c in unknown}
            for match in re.finditer(pattern, source_text):
                for code, char in zip(unknown, match.groups(), strict=True):
                    seen[code].add(char)
            for code, chars in seen.items():
                key = (id(stream), code)
                found[key] = chars if key not in found else found[key] & chars
    recovered: dict[int, dict[int, str]] = {}
    for (stream_id, code), chars in found.items():
        if len(chars) == 1:
            recovered.setdefault(stream_id, {})[code] = next(iter(chars))
    return recovered


def _with_entries(cmap: bytes, entries: dict[int, str]) -> bytes:
    """``cmap`` with bfchar entries added before its ``endcmap``."""
    text = cmap.decode("latin-1")
    at = text.rfind("endcmap")
    if at < 0 or not entries:
        return cmap
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = [f"<{code:04X}> <{_encode(char)}>" for code, char in sorted(entries.items())]
    return (text[:at] + _blocks("bfchar", lines, newline) + newline + text[at:]).encode("latin-1")


def fix_text_mapping(
    pdf: bytes, source_text: str, *, twins: Mapping[str, str] | None = None
) -> bytes:
    """``pdf`` with every font's ToUnicode CMap giving back the characters of ``source_text``.

    ``twins`` maps a character the PDF may name instead of one of the source
    text's (because both share a glyph in a font used) to that character;
    without it, compatibility characters are mapped to what they stand for.
    Glyphs left without any text get their character back when the text
    around them places it in ``source_text``. Returns ``pdf`` itself when
    nothing needed changing.
    """
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # pypdf would write its own (1.3)
    owners = list(_text_owners(writer))
    streams = {id(s): s for owner in owners for s in owner.fonts.values()}
    old = {key: stream.get_data() for key, stream in streams.items()}
    new = {key: fix_cmap(data, source_text, twins) for key, data in old.items()}
    if any(ord(c) > 0xFFFF for c in source_text):
        maps = {key: cmap_entries(data) for key, data in new.items()}
        for key, entries in recover_unmapped(owners, maps, source_text).items():
            new[key] = _with_entries(new[key], entries)
    changed = False
    for key, stream in streams.items():
        if new[key] == old[key]:
            continue
        try:
            stream.set_data(new[key])
        except PdfReadError:  # a filter pypdf cannot write; that font keeps its map
            continue
        changed = True
    if not changed:
        return pdf
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
