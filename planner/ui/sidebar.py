"""The sidebar: every community with its colour, name, stage, members and
how far its stage checklist is done."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from planner.checklists import Progress
from planner.communities import Community, Stage
from planner.ui.community_model import CommunityFilterModel, CommunityListModel, Role
from planner.ui.labels import members_text, stage_label
from planner.ui.theme import SPACING, icon, small_font

# One hue per stage, so the path reads at a glance.
STAGE_COLORS = {
    Stage.BUILD: "#8d99ae",
    Stage.STRUCTURE: "#f2994a",
    Stage.OUTPUT: "#2f80ed",
    Stage.OPERATE: "#27ae60",
    Stage.REPLICATE: "#9b51e0",
}


DONE_COLOR = "#1e8e3e"


class CommunityDelegate(QStyledItemDelegate):
    """Paints a community as: colour dot, name; stage badge and members; then a
    thin bar with its checklist's done/total."""

    PADDING = 10
    DOT = 12
    BAR = 4

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fm = QFontMetrics(option.font)
        sfm = QFontMetrics(small_font(option.font, 0.85))
        return QSize(200, fm.height() * 2 + sfm.height() + self.PADDING * 2 + 10)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        community: Community = index.data(Role.COMMUNITY)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = option.widget.style() if option.widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        palette = option.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text_color)
        dim.setAlphaF(0.7)
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        fm = QFontMetrics(option.font)
        line = fm.height()

        # colour dot, centred on the name line
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(community.color))
        dot_y = rect.top() + (line - self.DOT) // 2
        painter.drawEllipse(rect.left(), dot_y, self.DOT, self.DOT)
        text_left = rect.left() + self.DOT + SPACING

        # name, bold, elided
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text_color)
        name_rect = QRect(text_left, rect.top(), rect.right() - text_left, line)
        name = QFontMetrics(bold).elidedText(
            community.name, Qt.TextElideMode.ElideRight, name_rect.width()
        )
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name)

        # stage badge
        small = small_font(option.font, 0.85)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        badge_text = f"{community.stage.number} {stage_label(community.stage)}"
        badge_w = sfm.horizontalAdvance(badge_text) + 12
        badge = QRect(text_left, rect.top() + line + 6, badge_w, sfm.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAGE_COLORS[community.stage]))
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)

        # member count, right-aligned on the badge line
        painter.setPen(dim)
        members = members_text(community.member_count)
        members_rect = QRect(
            badge.right() + SPACING,
            badge.top(),
            rect.right() - badge.right() - SPACING,
            badge.height(),
        )
        members = sfm.elidedText(members, Qt.TextElideMode.ElideLeft, members_rect.width())
        painter.drawText(
            members_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, members
        )

        # checklist progress: a thin bar, then done/total
        progress: Progress | None = index.data(Role.PROGRESS)
        if progress is None:
            progress = Progress()
        line_rect = QRect(text_left, badge.bottom() + 5, rect.right() - text_left, sfm.height())
        count = f"{progress.done}/{progress.total}" if progress.total else self.tr("no checklist")
        count_w = max(sfm.horizontalAdvance(count), sfm.horizontalAdvance("88/88")) + 2
        painter.setPen(
            QColor(DONE_COLOR)
            if progress.total and progress.done == progress.total and not selected
            else dim
        )
        painter.drawText(
            line_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count
        )
        track = QRect(
            text_left,
            line_rect.center().y() - self.BAR // 2,
            max(line_rect.width() - count_w - SPACING, 0),
            self.BAR,
        )
        track_color = QColor(text_color)
        track_color.setAlphaF(0.25 if selected else 0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track_color)
        painter.drawRoundedRect(track, self.BAR / 2, self.BAR / 2)
        if progress.done:
            filled = QRect(track)
            filled.setWidth(max(int(track.width() * progress.fraction), self.BAR))
            fill = QColor(STAGE_COLORS[community.stage])
            if selected:
                fill = QColor(text_color)
            painter.setBrush(fill)
            painter.drawRoundedRect(filled, self.BAR / 2, self.BAR / 2)
        painter.restore()


class Sidebar(QWidget):
    """Search box, the community list, and the New / Trash buttons.

    Signals:
        community_selected(str): the id of the community now selected, or "".
        community_activated(str): a community was clicked (or Enter pressed on it).
        new_requested(): the user asked for a new community.
        trash_requested(): the user asked to see the trash.
        delete_requested(str): the user pressed Delete on a community.
    """

    community_selected = Signal(str)
    community_activated = Signal(str)
    new_requested = Signal()
    trash_requested = Signal()
    delete_requested = Signal(str)

    def __init__(self, model: CommunityListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = CommunityFilterModel()
        self.proxy.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search communities"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.list = QListView()
        self.list.setObjectName("communityList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(CommunityDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.clicked.connect(lambda index: self.community_activated.emit(index.data(Role.ID)))
        self.list.activated.connect(
            lambda index: self.community_activated.emit(index.data(Role.ID))
        )
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_delete_key)

        self.new_button = QPushButton(icon("plus"), self.tr("New community"))
        self.new_button.clicked.connect(self.new_requested)
        self.trash_button = QPushButton(icon("trash"), self.tr("Trash"))
        self.trash_button.setFlat(True)
        self.trash_button.clicked.connect(self.trash_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button, 1)
        buttons.addWidget(self.trash_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, 0, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self._after_reset)
        self._selected_id = ""

    def set_trash_count(self, count: int) -> None:
        self.trash_button.setText(
            self.tr("Trash (%1)").replace("%1", str(count)) if count else self.tr("Trash")
        )

    def select(self, community_id: str) -> None:
        """Select the community with ``community_id`` (clears the search if needed)."""
        row = self.model.row_of(community_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def current_id(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(Role.ID)) if index.isValid() else ""

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        new_id = str(current.data(Role.ID)) if current.isValid() else ""
        if new_id != self._selected_id:
            self._selected_id = new_id
            self.community_selected.emit(new_id)

    def _after_reset(self) -> None:
        # Keep the selection on the same community across reloads.
        previous = self._selected_id
        if previous and self.model.row_of(previous) >= 0:
            self.select(previous)
        else:
            self._selected_id = ""
            self.community_selected.emit("")

    def _on_delete_key(self) -> None:
        community_id = self.current_id()
        if community_id:
            self.delete_requested.emit(community_id)
