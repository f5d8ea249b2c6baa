"""The templates a community uses, on its page: its welcome sequences first,
then its posters. Add one from the library, remove one (the button or the
Delete key; the template itself stays), open one on the Templates page (a
double-click or Enter); a community with no welcome sequence is told its
newcomers' first 24 hours are not planned.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from planner.community_templates import (
    TemplateLink,
    link_template,
    linked_templates,
    unlink_template,
)
from planner.errors import PlannerError
from planner.template_library import list_templates
from planner.templating import Template, TemplateKind
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.template_list import TemplateDelegate, TemplateListModel, language_name
from planner.ui.theme import SPACING, bold_font, icon, item_panel, small_font

Index = QModelIndex | QPersistentModelIndex


def kind_name(kind: TemplateKind) -> str:
    return (
        QCoreApplication.translate("TemplateLinks", "Welcome sequence")
        if kind is TemplateKind.WELCOME
        else QCoreApplication.translate("TemplateLinks", "Poster")
    )


class LinkRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1  # the link's id
    LINK = Qt.ItemDataRole.UserRole + 2
    TEMPLATE_ID = Qt.ItemDataRole.UserRole + 3
    KIND = Qt.ItemDataRole.UserRole + 4  # "welcome", "poster", or "" for a deleted template


class TemplateLinkModel(QAbstractListModel):
    """A community's template links, one per row, in the core's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._links: list[TemplateLink] = []

    def set_links(self, links: list[TemplateLink]) -> None:
        if [link.id for link in links] == [link.id for link in self._links]:
            self._links = links
            if links:
                self.dataChanged.emit(self.index(0), self.index(len(links) - 1))
            return
        self.beginResetModel()
        self._links = list(links)
        self.endResetModel()

    def links(self) -> list[TemplateLink]:
        return list(self._links)

    def link(self, row: int) -> TemplateLink:
        return self._links[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractListModel::rowCount."""
        return 0 if parent.isValid() else len(self._links)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractListModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._links):
            return None
        link = self._links[index.row()]
        template = link.template
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                template.name
                if template
                else QCoreApplication.translate("TemplateLinks", "A template that was deleted")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if template is None:
                return QCoreApplication.translate(
                    "TemplateLinks",
                    "This template was deleted; remove the link or undo the deletion.",
                )
            return template.description or template.name
        if role == LinkRole.ID:
            return link.id
        if role == LinkRole.LINK:
            return link
        if role == LinkRole.TEMPLATE_ID:
            return link.template_ref
        if role == LinkRole.KIND:
            return template.kind.value if template else ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractListModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LinkDelegate(QStyledItemDelegate):
    """Paints a link as its icon, the template's name over "Welcome sequence · 中文"."""

    PADDING = 8
    ICON = 20

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint."""
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + self.PADDING * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        link: TemplateLink | None = index.data(LinkRole.LINK)
        if link is None:
            return
        painter.save()
        text, dim = item_panel(painter, option)
        rect = option.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        template = link.template
        name = "alert-triangle"
        if template is not None:
            name = "message-circle" if template.kind is TemplateKind.WELCOME else "file-plus"
        mark = QRect(rect.left(), rect.center().y() - self.ICON // 2, self.ICON, self.ICON)
        icon(name, dim.name()).paint(painter, mark)
        left = mark.right() + SPACING + 2
        fm = QFontMetrics(option.font)
        bold = bold_font(option.font)
        painter.setFont(bold)
        painter.setPen(text)
        first = QRect(left, rect.top(), rect.right() - left, fm.height())
        words = QFontMetrics(bold).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, first.width()
        )
        painter.drawText(first, Qt.AlignmentFlag.AlignVCenter, words)
        small = small_font(option.font)
        painter.setFont(small)
        painter.setPen(dim)
        if template is None:
            detail = QCoreApplication.translate(
                "TemplateLinks", "Deleted: remove the link, or undo the deletion"
            )
        else:
            where = (
                QCoreApplication.translate("TemplateLinks", "built-in")
                if template.builtin
                else QCoreApplication.translate("TemplateLinks", "your copy")
            )
            detail = " · ".join((kind_name(template.kind), language_name(template.language), where))
        second = QRect(left, first.bottom() + 3, first.width(), QFontMetrics(small).height())
        detail = QFontMetrics(small).elidedText(detail, Qt.TextElideMode.ElideRight, second.width())
        painter.drawText(second, Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()


class TemplatePicker(QDialog):
    """Chooses a template the community does not use yet, welcome sequences or posters."""

    def __init__(
        self, templates: list[Template], kind: TemplateKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use a template"))
        self.resize(440, 420)
        self._templates = templates
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Welcome sequences"), TemplateKind.WELCOME.value)
        self.kind.addItem(self.tr("Posters"), TemplateKind.POSTER.value)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.model = TemplateListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TemplateDelegate(self.list))
        self.list.doubleClicked.connect(lambda _i: self.accept())
        self.none = QLabel(self.tr("The community already uses every template of this kind."))
        self.none.setProperty("role", "hint")
        self.none.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.none)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        self._fill()

    def _fill(self) -> None:
        kind = TemplateKind(self.kind.currentData())
        self.model.set_templates([t for t in self._templates if t.kind is kind])
        has = self.model.rowCount() > 0
        self.none.setVisible(not has)
        if has:
            self.list.setCurrentIndex(self.model.index(0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has)

    def chosen(self) -> Template | None:
        index = self.list.currentIndex()
        return self.model.template(index.row()) if index.isValid() else None


class TemplateLinks(QWidget):
    """The templates a community uses, with Add and Remove.

    Signals:
        open_templates_requested(): the operator asked for the Templates page.
        open_template_requested(str): the operator asked for one template (its id)
            on the Templates page.
        error(str): an edit was refused; the message says why.
    """

    open_templates_requested = Signal()
    open_template_requested = Signal(str)
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._community_id = ""
        self.model = TemplateLinkModel(self)
        self.list = QListView()
        self.list.setObjectName("templateLinks")
        self.list.setModel(self.model)
        self.list.setItemDelegate(LinkDelegate(self.list))
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.list.setToolTip(self.tr("Double-click a template to open it on the Templates page"))
        self.list.activated.connect(self._open)
        self.intro = QLabel(
            self.tr(
                "The welcome sequence and posters this community uses. Replicating the "
                "community copies them to the new group."
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.welcome_hint = QFrame()
        self.welcome_hint.setObjectName("welcomeHint")
        self.welcome_hint.setStyleSheet(
            "QFrame#welcomeHint { background: #fff4ce; color: #5c4400;"
            " border: 1px solid #e6d08a; border-radius: 4px; }"
        )
        hint_icon = QLabel()
        hint_icon.setPixmap(icon("alert-triangle", "#8a6d00").pixmap(16, 16))
        self.welcome_text = QLabel(
            self.tr(
                "No welcome sequence: what newcomers get in their first 24 hours is not "
                "planned. What they feel then is what they still feel after 30 days."
            )
        )
        self.welcome_text.setWordWrap(True)
        self.welcome_text.setStyleSheet("color: #5c4400;")
        self.welcome_button = QPushButton(self.tr("Choose a welcome sequence…"))
        self.welcome_button.clicked.connect(lambda: self.add(TemplateKind.WELCOME))
        hint_row = QHBoxLayout(self.welcome_hint)
        hint_row.setContentsMargins(SPACING + 4, SPACING, SPACING, SPACING)
        hint_row.setSpacing(SPACING)
        hint_row.addWidget(hint_icon, 0, Qt.AlignmentFlag.AlignTop)
        hint_row.addWidget(self.welcome_text, 1)
        hint_row.addWidget(self.welcome_button)

        self.empty = QLabel(self.tr("This community uses no templates yet."))
        self.empty.setProperty("role", "hint")
        self.add_button = QPushButton(icon("plus"), self.tr("Use a template…"))
        self.add_button.clicked.connect(lambda: self.add(TemplateKind.POSTER))
        self.remove_button = QPushButton(icon("x"), self.tr("Stop using"))
        self.remove_button.setToolTip(self.tr("The template itself stays in the library"))
        self.remove_button.clicked.connect(self.remove_current)
        self.remove_action = QAction(self.tr("Stop using"), self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.list.addAction(self.remove_action)
        # A link, not a command: it only takes the operator elsewhere.
        self.open_button = QPushButton(self.tr("Open the Templates page →"))
        self.open_button.setObjectName("openTemplatesLink")
        self.open_button.setFlat(True)
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.setStyleSheet(
            "QPushButton#openTemplatesLink { color: palette(link); border: none;"
            " padding: 4px 2px; text-align: right; }"
            " QPushButton#openTemplatesLink:hover { text-decoration: underline; }"
            " QPushButton#openTemplatesLink:focus { text-decoration: underline; }"
        )
        self.open_button.clicked.connect(self.open_templates_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addWidget(self.welcome_hint)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._refresh()

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session = session
        if session is not None:
            session.changed.connect(self._on_changed)
        self._community_id = ""
        self._refresh()

    def show_community(self, community_id: str) -> None:
        self._community_id = community_id
        self._refresh()

    @property
    def editable(self) -> bool:
        return self._session is not None and not self._session.read_only

    def has_welcome(self) -> bool:
        return any(
            link.template is not None and link.template.kind is TemplateKind.WELCOME
            for link in self.model.links()
        )

    def _on_changed(self, change: object) -> None:
        tables: set[str] = getattr(change, "tables", set())
        if {"community_templates", "templates"} & tables:
            self._refresh()

    def _refresh(self) -> None:
        links: list[TemplateLink] = []
        if self._session is not None and self._community_id:
            links = linked_templates(self._session.workspace, self._community_id)
        self.model.set_links(links)
        self.empty.setVisible(not links)
        self.list.setVisible(bool(links))
        self._fit_list()
        shown = bool(self._community_id) and not self.has_welcome()
        self.welcome_hint.setVisible(shown)
        self.welcome_button.setVisible(self.editable)
        self._update_buttons()

    def _fit_list(self) -> None:
        """As tall as its rows (up to eight), so a short list leaves no empty box."""
        rows = min(self.model.rowCount(), 8)
        height = sum(self.list.sizeHintForRow(row) for row in range(rows))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 2)

    def _update_buttons(self) -> None:
        editable = self.editable and bool(self._community_id)
        self.add_button.setEnabled(editable)
        removable = editable and self.list.currentIndex().isValid()
        self.remove_button.setEnabled(removable)
        self.remove_action.setEnabled(removable)

    def _open(self, index: QModelIndex) -> None:
        link: TemplateLink | None = index.data(LinkRole.LINK)
        if link is not None and link.template is not None:
            self.open_template_requested.emit(link.template_ref)

    def available(self) -> list[Template]:
        """Templates the community does not use yet."""
        if self._session is None:
            return []
        used = {link.template_ref for link in self.model.links()}
        return [t for t in list_templates(self._session.workspace) if t.id not in used]

    def add(self, kind: TemplateKind) -> TemplatePicker | None:
        """Open the picker (window-modal, not blocking); returns it."""
        if not self.editable or not self._community_id:
            return None
        if kind is TemplateKind.POSTER and not self.has_welcome():
            kind = TemplateKind.WELCOME
        picker = TemplatePicker(self.available(), kind, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self._use(picker.chosen()))
        picker.open()
        return picker

    def _use(self, template: Template | None) -> None:
        if template is None or self._session is None:
            return
        try:
            link_id, _ = self._session.run(link_template, self._community_id, template.id)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return
        for row, link in enumerate(self.model.links()):
            if link.id == link_id:
                self.list.setCurrentIndex(self.model.index(row))

    def remove_current(self) -> None:
        """Stop using the selected template (one undoable edit); the next one is
        selected, so the button and the Delete key go on working."""
        index = self.list.currentIndex()
        if not index.isValid() or self._session is None or not self.editable:
            return
        row = index.row()
        try:
            self._session.run(unlink_template, str(index.data(LinkRole.ID)))
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return
        count = self.model.rowCount()
        if count:
            self.list.setCurrentIndex(self.model.index(min(row, count - 1)))
