"""The overview's rows painted as cards: a community, its progress, its items.

The delegate paints each cell of a row and says where its listed items are
(for the view's hit-testing), both by the layout of
:mod:`planner.ui.overview_layout`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from planner.checklist_due import OverviewRow
from planner.communities import Stage
from planner.ui import overview_layout
from planner.ui.labels import members_text, platform_label, stage_label
from planner.ui.overview_layout import (
    GAP,
    LINES,
    PAD,
    EntryLayout,
    advance,
    measure,
)
from planner.ui.overview_model import (
    GOOD,
    WARNING,
    Cell,
    Column,
    Role,
    Tone,
    progress_text,
    suggestion_text,
)
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import SPACING, bold_font, small_font

Index = QModelIndex | QPersistentModelIndex


def _dim(color: QColor, alpha: float = 0.65) -> QColor:
    dim = QColor(color)
    dim.setAlphaF(alpha)
    return dim


class OverviewDelegate(QStyledItemDelegate):
    """Paints an overview row as a card: no grid, a line between communities.

    ``hover`` is the (row, column, entry) under the mouse, set by the view, so
    the item there is underlined like a link.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hover: tuple[int, int, int] | None = None
        self.when_width = 0  # the widest due date shown, set by the view

    # -- geometry, shared by painting and hit-testing ------------------------------

    @staticmethod
    def line_height(fm: QFontMetrics) -> int:
        return overview_layout.line_height(fm)

    def row_height(self, fm: QFontMetrics, lines: int = LINES) -> int:
        return overview_layout.row_height(fm, lines)

    def lines_in(self, rect: QRect, fm: QFontMetrics) -> int:
        """How many lines of text a cell of ``rect`` has room for."""
        return overview_layout.lines_in(rect, fm)

    def cell_lines(self, font: QFont, cell: Cell, width: int) -> int:
        """The lines ``cell`` needs in a column of ``width``: one per item, two
        for a title that does not fit on one."""
        return overview_layout.cell_lines(font, cell, width, self.when_width)

    def line_rect(self, rect: QRect, fm: QFontMetrics, n: int) -> QRect:
        return overview_layout.line_rect(rect, fm, n)

    def entry_layouts(self, rect: QRect, font: QFont, cell: Cell) -> list[EntryLayout]:
        """Lay the items of ``cell`` out in ``rect`` (see
        :func:`planner.ui.overview_layout.entry_layouts`)."""
        return overview_layout.entry_layouts(rect, font, cell, self.when_width)

    def entry_rects(self, rect: QRect, font: QFont | QFontMetrics, cell: Cell) -> list[QRect]:
        """Where each item of ``cell`` is, in a cell at ``rect``: a click there opens it.

        Given the view's font metrics rather than its font, the view's font is used.
        """
        if isinstance(font, QFontMetrics):
            view = self.parent()
            font = view.font() if isinstance(view, QWidget) else QApplication.font()
        return [layout.rect for layout in self.entry_layouts(rect, font, cell)]

    def entry_at(
        self, rect: QRect, font: QFont | QFontMetrics, cell: Cell | None, pos: QPoint
    ) -> int:
        """The index of the entry of ``cell`` at ``pos`` (in view coordinates), or -1."""
        if cell is None:
            return -1
        for n, area in enumerate(self.entry_rects(rect, font, cell)):
            if area.contains(pos):
                return n
        return -1

    # -- the widths the columns need --------------------------------------------------

    def list_needs(self, font: QFont, cells: list[Cell]) -> tuple[int, int]:
        """The widths a column of ``cells`` needs: to show every title whole (on
        two lines at most), and to show every item on one line with its assignee."""
        return overview_layout.list_needs(font, cells, self.when_width)

    @staticmethod
    def community_width(font: QFont, rows: list[OverviewRow]) -> int:
        """The width the communities need: names, stage badges and member counts,
        platforms and owners."""
        return overview_layout.community_width(font, rows)

    def progress_widths(self, font: QFont, rows: list[OverviewRow]) -> tuple[int, int]:
        """The widths the progress needs: with “16/34”, and with “16 of 34 done”."""
        plain, bold = measure(font), measure(bold_font(font))
        short_need = long_need = 0
        for row in rows:
            p = row.progress
            if not p.total:
                need = plain(progress_text(row))
                short_need, long_need = max(short_need, need), max(long_need, need)
                continue
            percent = bold(f"{round(p.fraction * 100)}%") + SPACING
            short, long = self._done_texts(row)
            short_need = max(short_need, plain(short) + percent)
            long_need = max(long_need, plain(long) + percent)
        return short_need + 2 * PAD, long_need + 2 * PAD

    def _done_texts(self, row: OverviewRow) -> tuple[str, str]:
        """How much of the checklist is done, short (“16/34”) and long (“16 of 34 done”)."""
        p = row.progress
        long = self.tr("%1 of %2 done").replace("%1", str(p.done)).replace("%2", str(p.total))
        return f"{p.done}/{p.total}", long

    def lead_width(self, font: QFont, cell: Cell) -> int:
        """The width before the titles of ``cell``: the widest due date (of the
        whole table, so that titles line up), or a bullet."""
        return overview_layout.lead_width(measure(font), cell, self.when_width)

    # -- painting ------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint: four lines of text, or what the
        titles of a list of items need in the width of ``option.rect``."""
        lines = LINES
        cell: Cell | None = index.data(Role.CELL)
        if cell is not None and option.rect.width() > 0:
            lines = max(lines, self.cell_lines(option.font, cell, option.rect.width()))
        return QSize(200, self.row_height(QFontMetrics(option.font), lines))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        row: OverviewRow | None = index.data(Role.ROW)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect: QRect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, _dim(palette.color(QPalette.ColorRole.Highlight), 0.12))
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        fm = QFontMetrics(option.font)
        column = Column(index.column())
        if column is Column.COMMUNITY:
            self._paint_community(painter, option, fm, row)
        elif column is Column.PROGRESS:
            self._paint_progress(painter, option, fm, row)
        else:
            cell: Cell = index.data(Role.CELL)
            self._paint_cell(painter, option, fm, cell, (index.row(), index.column()))
        painter.restore()

    def _paint_community(
        self, painter: QPainter, option: QStyleOptionViewItem, fm: QFontMetrics, row: OverviewRow
    ) -> None:
        text = option.palette.color(QPalette.ColorRole.Text)
        c = row.community
        line = self.line_rect(option.rect, fm, 0)
        dot = 12
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.color))
        painter.drawEllipse(line.left(), line.center().y() - dot // 2, dot, dot)
        bold = bold_font(option.font)
        painter.setFont(bold)
        painter.setPen(text)
        name_rect = line.adjusted(dot + SPACING, 0, 0, 0)
        name = QFontMetrics(bold).elidedText(c.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name)

        small = small_font(option.font)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        line = self.line_rect(option.rect, fm, 1).adjusted(dot + SPACING, 0, 0, 0)
        badge_text = f"{c.stage.number} {stage_label(c.stage)}"
        badge = QRect(
            line.left(), line.top(), sfm.horizontalAdvance(badge_text) + 14, line.height()
        )
        self._pill(painter, badge, QColor(STAGE_COLORS[c.stage]), badge_text, QColor("#ffffff"))
        painter.setPen(_dim(text))
        rest = line.adjusted(badge.width() + SPACING, 0, 0, 0)
        meta = sfm.elidedText(
            members_text(c.member_count), Qt.TextElideMode.ElideRight, rest.width()
        )
        painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter, meta)

        line = self.line_rect(option.rect, fm, 2).adjusted(dot + SPACING, 0, 0, 0)
        who = " · ".join(p for p in (platform_label(c.platform), c.owner) if p)
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText(who, Qt.TextElideMode.ElideRight, line.width()),
        )
        suggestion = suggestion_text(row)
        if suggestion:
            line = self.line_rect(option.rect, fm, 3).adjusted(dot + SPACING, 0, 0, 0)
            label = sfm.elidedText(
                f"✓ {suggestion}", Qt.TextElideMode.ElideRight, line.width() - 14
            )
            pill = QRect(line.left(), line.top(), sfm.horizontalAdvance(label) + 14, line.height())
            self._pill(painter, pill, _dim(QColor(GOOD), 0.14), label, QColor(GOOD))

    @staticmethod
    def _pill(painter: QPainter, rect: QRect, fill: QColor, label: str, pen: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(pen)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_progress(
        self, painter: QPainter, option: QStyleOptionViewItem, fm: QFontMetrics, row: OverviewRow
    ) -> None:
        palette = option.palette
        text = palette.color(QPalette.ColorRole.Text)
        track = palette.color(QPalette.ColorRole.Midlight)
        p = row.progress
        line = self.line_rect(option.rect, fm, 0)
        painter.setFont(option.font)
        if not p.total:
            painter.setPen(_dim(text))
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, progress_text(row))
            return
        bold = bold_font(option.font)
        percent = f"{round(p.fraction * 100)}%"
        painter.setPen(_dim(text, 0.8))
        room = line.width() - QFontMetrics(bold).horizontalAdvance(percent) - SPACING
        short, done = self._done_texts(row)
        if advance(option.font, done) > room:
            done = short
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, done)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, percent)
        # the whole path
        line = self.line_rect(option.rect, fm, 1)
        bar = QRect(line.left(), line.center().y() - 4, line.width(), 8)
        self._bar(painter, bar, track, QColor(STAGE_COLORS[row.community.stage]), p.fraction)
        # one short bar per stage, the community's own marked
        line = self.line_rect(option.rect, fm, 2)
        stages = list(Stage)
        width = (line.width() - GAP * (len(stages) - 1)) // len(stages)
        for n, stage in enumerate(stages):
            sp = p.of(stage)
            seg = QRect(line.left() + n * (width + GAP), line.center().y() - 3, width, 6)
            self._bar(painter, seg, track, QColor(STAGE_COLORS[stage]), sp.fraction)
            if stage is row.community.stage:
                painter.setPen(text)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(seg.adjusted(-2, -2, 2, 2), 4, 4)
        current = p.of(row.community.stage)
        caption = (
            self.tr("%1: %2 of %3")
            .replace("%1", stage_label(row.community.stage))
            .replace("%2", str(current.done))
            .replace("%3", str(current.total))
        )
        small = small_font(option.font)
        painter.setFont(small)
        painter.setPen(_dim(text))
        line = self.line_rect(option.rect, fm, 3)
        caption = QFontMetrics(small).elidedText(caption, Qt.TextElideMode.ElideRight, line.width())
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, caption)

    @staticmethod
    def _bar(painter: QPainter, rect: QRect, track: QColor, fill: QColor, fraction: float) -> None:
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, radius, radius)
        if fraction > 0:
            done = QRect(
                rect.left(), rect.top(), max(int(rect.width() * fraction), 6), rect.height()
            )
            painter.setBrush(fill)
            painter.drawRoundedRect(done, radius, radius)

    def _paint_cell(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        fm: QFontMetrics,
        cell: Cell,
        where: tuple[int, int],
    ) -> None:
        text = option.palette.color(QPalette.ColorRole.Text)
        tones = {
            Tone.PLAIN: text,
            Tone.HINT: _dim(text),
            Tone.WARNING: QColor(WARNING),
            Tone.GOOD: QColor(GOOD),
        }
        if cell.caption:
            font = bold_font(option.font) if cell.tone is Tone.WARNING else QFont(option.font)
            painter.setFont(font)
            painter.setPen(tones[cell.tone])
            line = self.line_rect(option.rect, fm, 0)
            caption = QFontMetrics(font).elidedText(
                cell.caption, Qt.TextElideMode.ElideRight, line.width()
            )
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, caption)
        small = small_font(option.font)
        sfm = QFontMetrics(small)
        layouts = self.entry_layouts(option.rect, option.font, cell)
        for n, (entry, layout) in enumerate(zip(cell.entries, layouts, strict=True)):
            line = QRect(layout.rect.left(), layout.rect.top(), layout.rect.width(), fm.height())
            step = self.line_height(fm)
            painter.setFont(option.font)
            lead = QRect(line.left(), line.top(), layout.lead, line.height())
            if entry.when:
                painter.setPen(QColor(WARNING) if entry.late else _dim(text, 0.8))
                painter.drawText(lead, Qt.AlignmentFlag.AlignVCenter, entry.when)
            else:
                painter.setPen(_dim(text))
                painter.drawText(lead, Qt.AlignmentFlag.AlignVCenter, "•")
            body = line.adjusted(layout.lead, 0, 0, 0)
            who_rect = body.translated(0, step * layout.who_line)
            below = layout.who_line >= len(layout.title)  # on a line of its own
            who_w = 0
            if layout.who:
                painter.setFont(small)
                painter.setPen(_dim(text))
                align = Qt.AlignmentFlag.AlignLeft if below else Qt.AlignmentFlag.AlignRight
                painter.drawText(who_rect, Qt.AlignmentFlag.AlignVCenter | align, layout.who)
                who_w = sfm.horizontalAdvance(layout.who) + SPACING
            font = QFont(option.font)
            font.setUnderline(self.hover == (*where, n))
            painter.setFont(font)
            painter.setPen(QColor(WARNING) if entry.late else text)
            for k, part in enumerate(layout.title):
                part_rect = body.translated(0, step * k)
                if layout.who and not below and k == layout.who_line:
                    part_rect.setRight(part_rect.right() - who_w)
                painter.drawText(part_rect, Qt.AlignmentFlag.AlignVCenter, part)
