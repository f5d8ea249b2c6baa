"""The template library list: a model of every template, a filter by kind and
language, and the delegate that paints a template as its name over where it
comes from (built-in or your copy) and its language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from planner.templating import Template, TemplateKind
from planner.ui.theme import bold_font, icon, item_panel, small_font

Index = QModelIndex | QPersistentModelIndex


def language_name(code: str) -> str:
    """A language as its speakers write it (中文, English)."""
    return {
        "zh": QCoreApplication.translate("TemplatePage", "中文"),
        "en": QCoreApplication.translate("TemplatePage", "English"),
    }.get(code, code)


class TemplateRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    TEMPLATE = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3
    LANGUAGE = Qt.ItemDataRole.UserRole + 4
    BUILTIN = Qt.ItemDataRole.UserRole + 5
    ORIGIN = Qt.ItemDataRole.UserRole + 6


class TemplateListModel(QAbstractListModel):
    """Every template, one per row: the workspace's own first, then the built-ins.

    Reloading the same templates (an edit, a rename) keeps views on the rows
    they were on.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Template] = []
        self._origins: dict[str, str] = {}

    def origin(self, template_id: str) -> str:
        """Who made a template received from a teammate ('' for one made here)."""
        return self._origins.get(template_id, "")

    def set_templates(
        self, templates: Sequence[Template], origins: Mapping[str, str] | None = None
    ) -> None:
        """Show ``templates``; ``origins`` names the teammate who made each received one."""
        self._origins = dict(origins or {})
        # Stable: the workspace's own in the core's order (by name), then the built-ins
        # in the order they ship (guest share first).
        new = sorted(templates, key=lambda t: t.builtin)
        old_ids = [t.id for t in self._items]
        new_ids = [t.id for t in new]
        if old_ids == new_ids:
            self._items = new
            if new:
                self.dataChanged.emit(self.index(0), self.index(len(new) - 1))
            return
        if sorted(old_ids) == sorted(new_ids):
            # The same templates in a new order (a rename): selections stay on theirs.
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            ids = [self._items[index.row()].id for index in persistent]
            self._items = new
            rows = {t.id: row for row, t in enumerate(new)}
            self.changePersistentIndexList(persistent, [self.index(rows[i]) for i in ids])
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self._items = new
        self.endResetModel()

    def template(self, row: int) -> Template:
        return self._items[row]

    def row_of(self, template_id: str) -> int:
        for row, template in enumerate(self._items):
            if template.id == template_id:
                return row
        return -1

    def find(self, template_id: str) -> Template | None:
        row = self.row_of(template_id)
        return self._items[row] if row >= 0 else None

    def templates(self) -> list[Template]:
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractListModel::rowCount."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractListModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        t = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return t.name
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("lock") if t.builtin else None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [t.name, t.description] if t.description else [t.name]
            if t.builtin:
                lines.append(
                    QCoreApplication.translate(
                        "TemplatePage",
                        "Built-in: read-only. Duplicate it to make a copy you can edit.",
                    )
                )
            elif self.origin(t.id):
                lines.append(
                    QCoreApplication.translate(
                        "TemplatePage", "Made by %1 and received in a shared workspace."
                    ).replace("%1", self.origin(t.id))
                )
            return "\n".join(lines)
        if role == TemplateRole.ID:
            return t.id
        if role == TemplateRole.TEMPLATE:
            return t
        if role == TemplateRole.KIND:
            return t.kind.value
        if role == TemplateRole.LANGUAGE:
            return t.language
        if role == TemplateRole.BUILTIN:
            return t.builtin
        if role == TemplateRole.ORIGIN:
            return self.origin(t.id)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractListModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TemplateFilterModel(QSortFilterProxyModel):
    """Shows one kind of template, in one language or all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = TemplateKind.POSTER
        self.language = ""

    def set_filter(self, kind: TemplateKind, language: str) -> None:
        if (kind, language) == (self.kind, self.language):
            return
        self.beginFilterChange()
        self.kind = kind
        self.language = language
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Override QSortFilterProxyModel::filterAcceptsRow."""
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if index.data(TemplateRole.KIND) != self.kind.value:
            return False
        return not self.language or index.data(TemplateRole.LANGUAGE) == self.language


class TemplateDelegate(QStyledItemDelegate):
    """Paints a template as its name over "lock Built-in · 中文" (or "Your copy")."""

    PADDING = 8
    LOCK = 12

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint."""
        fm = QFontMetrics(option.font)
        return QSize(160, fm.height() * 2 + self.PADDING * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        template: Template | None = index.data(TemplateRole.TEMPLATE)
        if template is None:
            return
        painter.save()
        text_color, dim = item_panel(painter, option)
        rect: QRect = option.rect.adjusted(
            self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING
        )
        fm = QFontMetrics(option.font)
        line = fm.height()
        bold = bold_font(option.font)
        painter.setFont(bold)
        painter.setPen(text_color)
        name = QFontMetrics(bold).elidedText(
            template.name, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), 0, name)

        small = small_font(option.font)
        painter.setFont(small)
        painter.setPen(dim)
        left = rect.left()
        second = QRect(left, rect.top() + line + 2, rect.width(), QFontMetrics(small).height())
        if template.builtin:
            lock = QRect(left, second.center().y() - self.LOCK // 2, self.LOCK, self.LOCK)
            icon("lock", dim.name()).paint(painter, lock)
            second.setLeft(lock.right() + 4)
            words = QCoreApplication.translate("TemplatePage", "Built-in · %1").replace(
                "%1", language_name(template.language)
            )
        elif index.data(TemplateRole.ORIGIN):
            words = (
                QCoreApplication.translate("TemplatePage", "From %1 · %2")
                .replace("%1", index.data(TemplateRole.ORIGIN))
                .replace("%2", language_name(template.language))
            )
        else:
            words = QCoreApplication.translate("TemplatePage", "Your copy · %1").replace(
                "%1", language_name(template.language)
            )
        words = QFontMetrics(small).elidedText(words, Qt.TextElideMode.ElideRight, second.width())
        painter.drawText(second, Qt.AlignmentFlag.AlignVCenter, words)
        painter.restore()
