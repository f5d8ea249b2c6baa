"""What makes template source readable: syntax colours, line numbers, the error line.

:class:`TemplateHighlighter` colours Jinja (``{{ }}``, ``{% %}``, ``{# #}``) and,
for posters, the SVG around it (tags, attributes, strings, ``<!-- -->``).
:class:`SourceEdit` is the plain-text editor the template page uses for
poster sources and welcome messages: a monospace font, a gutter with line
numbers, and the line a template error points at marked in red.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget


@dataclass(frozen=True)
class SourceColors:
    """One colour scheme for template source, light or dark."""

    tag: str
    attribute: str
    string: str
    keyword: str
    name: str
    number: str
    comment: str
    delimiter: str
    jinja_background: str
    error_background: str
    gutter_text: str
    gutter_error: str


LIGHT = SourceColors(
    tag="#116329",
    attribute="#8250df",
    string="#0a3069",
    keyword="#cf222e",
    name="#953800",
    number="#0550ae",
    comment="#6e7781",
    delimiter="#cf222e",
    jinja_background="#fff5d1",
    error_background="#ffd7d5",
    gutter_text="#8c959f",
    gutter_error="#d93025",
)
DARK = SourceColors(
    tag="#7ee787",
    attribute="#d2a8ff",
    string="#a5d6ff",
    keyword="#ff7b72",
    name="#ffa657",
    number="#79c0ff",
    comment="#8b949e",
    delimiter="#ff7b72",
    jinja_background="#2e2a1c",
    error_background="#5c1f1f",
    gutter_text="#6e7681",
    gutter_error="#ff6b6b",
)


def colors_for(palette: QPalette) -> SourceColors:
    """The scheme that reads on ``palette``'s text background."""
    return DARK if palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5 else LIGHT


# Block states carried from one line to the next.
_NORMAL, _JINJA_COMMENT, _XML_COMMENT, _STATEMENT, _EXPRESSION = range(5)
_OPENERS = {"{#": _JINJA_COMMENT, "{%": _STATEMENT, "{{": _EXPRESSION, "<!--": _XML_COMMENT}
_CLOSERS = {_JINJA_COMMENT: "#}", _STATEMENT: "%}", _EXPRESSION: "}}", _XML_COMMENT: "-->"}

_KEYWORDS = (
    "for|in|endfor|if|elif|else|endif|set|endset|macro|endmacro|call|endcall|filter|"
    "endfilter|with|endwith|not|and|or|is|true|false|none|True|False|None|loop|recursive|"
    "block|endblock|raw|endraw"
)
_JINJA_TOKENS = re.compile(
    r"(?P<string>\"(?:[^\"\\]|\\.)*\"?|'(?:[^'\\]|\\.)*'?)"
    r"|(?P<number>\b\d+(?:\.\d+)?\b)"
    rf"|(?P<keyword>\b(?:{_KEYWORDS})\b)"
    r"|(?P<filter>\|\s*[A-Za-z_]\w*)"
    r"|(?P<name>\b[A-Za-z_]\w*\b)"
)
_TAG = re.compile(r"</?[A-Za-z_][\w:.-]*|/?>")
_ATTRIBUTE = re.compile(r"(?<=[\s\"'])[A-Za-z_][\w:.-]*(?=\s*=)")
_STRING = re.compile(r"\"[^\"]*\"|'[^']*'")
_ENTITY = re.compile(r"&#?\w+;")


class TemplateHighlighter(QSyntaxHighlighter):
    """Colours Jinja and, when ``markup`` is on, the SVG/XML around it."""

    def __init__(self, document: QTextDocument, *, markup: bool = True) -> None:
        super().__init__(document)
        self.markup = markup
        self._formats: dict[str, QTextCharFormat] = {}
        self._units: list[int] | None = None
        self.set_colors(LIGHT)

    def set_colors(self, colors: SourceColors) -> None:
        """Use ``colors`` (light or dark) and colour the document again."""

        def fmt(
            color: str, *, bold: bool = False, italic: bool = False, background: str = ""
        ) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(color))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            if background:
                f.setBackground(QColor(background))
            return f

        jinja = colors.jinja_background
        self._formats = {
            "tag": fmt(colors.tag),
            "attribute": fmt(colors.attribute),
            "markup_string": fmt(colors.string),
            "entity": fmt(colors.number),
            "comment": fmt(colors.comment, italic=True),
            "delimiter": fmt(colors.delimiter, bold=True, background=jinja),
            "jinja": fmt(colors.name, background=jinja),
            "string": fmt(colors.string, background=jinja),
            "number": fmt(colors.number, background=jinja),
            "keyword": fmt(colors.keyword, bold=True, background=jinja),
            "filter": fmt(colors.keyword, background=jinja),
            "name": fmt(colors.name, background=jinja),
        }
        self.rehighlight()

    def format_of(self, key: str) -> QTextCharFormat:
        """The format used for ``key`` (``"tag"``, ``"delimiter"``, ...)."""
        return self._formats[key]

    def _format(self, start: int, length: int, fmt: QTextCharFormat) -> None:
        """setFormat with Python string positions (Qt counts UTF-16 units)."""
        units = self._units
        if units is not None:
            start, length = units[start], units[start + length] - units[start]
        self.setFormat(start, length, fmt)

    def highlightBlock(self, text: str) -> None:
        """Override QSyntaxHighlighter::highlightBlock."""
        # An emoji outside the BMP is one Python character but two UTF-16 units.
        self._units = None
        if any(ord(c) > 0xFFFF for c in text):
            self._units = [0]
            for c in text:
                self._units.append(self._units[-1] + (2 if ord(c) > 0xFFFF else 1))
        if self.markup:
            self._markup(text)
        state = max(self.previousBlockState(), _NORMAL)
        pos = 0
        while pos <= len(text):
            if state == _NORMAL:
                found = [
                    (text.find(opener, pos), opener)
                    for opener in _OPENERS
                    if self.markup or opener != "<!--"
                ]
                found = [(at, opener) for at, opener in found if at >= 0]
                if not found:
                    break
                at, opener = min(found)
                state = _OPENERS[opener]
                kind = "comment" if state in (_JINJA_COMMENT, _XML_COMMENT) else "delimiter"
                self._format(at, len(opener), self._formats[kind])
                pos = at + len(opener)
                continue
            closer = _CLOSERS[state]
            end = text.find(closer, pos)
            inner_end = len(text) if end < 0 else end
            if state in (_JINJA_COMMENT, _XML_COMMENT):
                stop = len(text) if end < 0 else end + len(closer)
                self._format(pos, stop - pos, self._formats["comment"])
            else:
                self._jinja_code(text, pos, inner_end)
                if end >= 0:
                    self._format(end, len(closer), self._formats["delimiter"])
            if end < 0:
                break
            pos = end + len(closer)
            state = _NORMAL
        self.setCurrentBlockState(state)

    def _markup(self, text: str) -> None:
        for match in _TAG.finditer(text):
            self._format(match.start(), match.end() - match.start(), self._formats["tag"])
        for match in _ATTRIBUTE.finditer(text):
            self._format(match.start(), match.end() - match.start(), self._formats["attribute"])
        for match in _STRING.finditer(text):
            self._format(match.start(), match.end() - match.start(), self._formats["markup_string"])
        for match in _ENTITY.finditer(text):
            self._format(match.start(), match.end() - match.start(), self._formats["entity"])

    def _jinja_code(self, text: str, start: int, end: int) -> None:
        """Colour the inside of ``{{ }}`` or ``{% %}`` between ``start`` and ``end``."""
        if end <= start:
            return
        self._format(start, end - start, self._formats["jinja"])
        for match in _JINJA_TOKENS.finditer(text, start, end):
            kind = match.lastgroup or "name"
            self._format(match.start(), match.end() - match.start(), self._formats[kind])


class _LineNumbers(QWidget):
    """The gutter left of a :class:`SourceEdit`."""

    def __init__(self, editor: SourceEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        """Override QWidget::sizeHint."""
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override QWidget::paintEvent."""
        self.editor.paint_gutter(event)


class SourceEdit(QPlainTextEdit):
    """A monospace editor for template source, with line numbers and an error line.

    Attributes:
        highlighter: the :class:`TemplateHighlighter` on its document.
        error_line: the 1-based line marked as wrong, or None.
    """

    GUTTER_PADDING = 6

    def __init__(
        self, *, markup: bool = True, line_numbers: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.error_line: int | None = None
        self._colors = LIGHT
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(self.font().pointSizeF(), 9.0))
        self.setFont(font)
        self.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.NoWrap
            if markup
            else QPlainTextEdit.LineWrapMode.WidgetWidth
        )
        self.setTabChangesFocus(False)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self.highlighter = TemplateHighlighter(self.document(), markup=markup)
        self._gutter: _LineNumbers | None = None
        if line_numbers:
            self._gutter = _LineNumbers(self)
            self.blockCountChanged.connect(self._update_margins)
            self.updateRequest.connect(self._scroll_gutter)
            self._update_margins()
        self._apply_palette()

    # -- look ----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: follow a light/dark palette switch."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        colors = colors_for(self.palette())
        if colors != self._colors:
            self._colors = colors
            self.highlighter.set_colors(colors)
        self._mark_error()

    # -- the error line ----------------------------------------------------------

    def set_error_line(self, line: int | None) -> None:
        """Mark the 1-based ``line`` as the one an error is on (None: no error)."""
        if line is not None and not 1 <= line <= self.blockCount():
            line = None
        if line == self.error_line:
            return
        self.error_line = line
        self._mark_error()
        if self._gutter is not None:
            self._gutter.update()

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of the 1-based ``line`` and show it."""
        block = self.document().findBlockByNumber(max(line - 1, 0))
        if block.isValid():
            cursor = QTextCursor(block)
            self.setTextCursor(cursor)
            self.centerCursor()
            self.setFocus()

    def _mark_error(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self.error_line is not None:
            block = self.document().findBlockByNumber(self.error_line - 1)
            if block.isValid():
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor(self._colors.error_background))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selections.append(selection)
        self.setExtraSelections(selections)

    # -- the gutter --------------------------------------------------------------

    def gutter_width(self) -> int:
        if self._gutter is None:
            return 0
        digits = max(2, len(str(self.blockCount())))
        return self.fontMetrics().horizontalAdvance("9") * digits + self.GUTTER_PADDING * 2

    def _update_margins(self, _count: int = 0) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if self._gutter is None:
            return
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margins()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent: keep the gutter beside the text."""
        super().resizeEvent(event)
        if self._gutter is not None:
            rect = self.contentsRect()
            self._gutter.setGeometry(
                QRect(rect.left(), rect.top(), self.gutter_width(), rect.height())
            )

    def paint_gutter(self, event: QPaintEvent) -> None:
        """Paint the line numbers for the visible blocks (the error line in red)."""
        if self._gutter is None:
            return
        painter = QPainter(self._gutter)
        background = self.palette().color(QPalette.ColorRole.AlternateBase)
        painter.fillRect(event.rect(), background)
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        width = self._gutter.width() - self.GUTTER_PADDING
        height = self.fontMetrics().height()
        normal = QColor(self._colors.gutter_text)
        error = QColor(self._colors.gutter_error)
        bold = QFont(self.font())
        bold.setBold(True)
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                is_error = self.error_line == number + 1
                painter.setPen(error if is_error else normal)
                painter.setFont(bold if is_error else self.font())
                painter.drawText(
                    0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number + 1)
                )
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()
