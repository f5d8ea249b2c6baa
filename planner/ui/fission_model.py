"""The fission calculator's models: the waves of a projection as a table, and
the scenarios saved on a community as a list.

:class:`WavesModel` shows a :class:`~planner.fission.Projection` wave by wave
(wave 0 is the seeds); it holds no workspace. :class:`SavedScenariosModel`
lists one community's saved scenarios and reloads itself when an edit, an
undo or a redo touches them (:attr:`Session.changed`); renaming one in place
(F2) is one undoable edit through the session. :class:`ScenarioDelegate`
paints a saved scenario as its name over its K, members and cost.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.errors import PlannerError
from planner.fission import TABLE, Projection, Scenario, project, whole
from planner.fission_scenarios import SavedScenario, list_scenarios, update_scenario
from planner.history import Change
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.theme import icon, item_panel, small_font

Index = QModelIndex | QPersistentModelIndex
# What the panel shows money in: operators of Chinese groups count in yuan.
CURRENCY = "¥"


def _grouped() -> QLocale:
    """The UI's locale, grouping digits by thousands whatever its default (the C
    locale leaves them ungrouped)."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


def people(value: float) -> str:
    """A number of people, whole, grouped by thousands as the locale does: 1,576."""
    return _grouped().toString(whole(value)) if value < 1e15 else f"{value:.3g}"


def money(value: float) -> str:
    """An amount of money with two decimals, grouped by thousands as the locale
    does: ¥1,276.00."""
    return CURRENCY + _grouped().toString(float(value), "f", 2)


def percent(rate: float) -> str:
    """A rate as the form shows it: 0.35 -> 35, 0.125 -> 12.5 (no sign)."""
    return f"{rate * 100:.10g}"


def number(value: float) -> str:
    """A number as the form shows it: 12, 2.5, 1000000 (no grouping, no noise)."""
    return f"{value:.10g}"


def scenario_summary(scenario: Scenario) -> str:
    """One line about a saved scenario: its K, waves and cost per member."""
    if scenario.problems():
        return QCoreApplication.translate("Fission", "Some inputs are not valid")
    p = project(scenario)
    parts = [
        QCoreApplication.translate("Fission", "K %1").replace("%1", f"{p.coefficient:.2f}"),
        QCoreApplication.translate("Fission", "%1 new").replace("%1", people(p.acquired)),
    ]
    if p.cost_per_member is not None:
        parts.append(
            QCoreApplication.translate("Fission", "%1 a member").replace(
                "%1", money(p.cost_per_member)
            )
        )
    return " · ".join(parts)


# -- the waves ---------------------------------------------------------------------------

WAVE_COLUMNS = ("wave", "sharers", "new_members", "members")


def wave_column_title(name: str) -> str:
    return {
        "wave": QCoreApplication.translate("Fission", "Wave"),
        "sharers": QCoreApplication.translate("Fission", "Sharers"),
        "new_members": QCoreApplication.translate("Fission", "New members"),
        "members": QCoreApplication.translate("Fission", "Members in all"),
    }[name]


class WavesModel(QAbstractTableModel):
    """A projection wave by wave: who shares, who joins, how many in all.

    Row 0 is the seeds; row n is wave n. Figures are expectations, shown
    rounded to whole people, with the exact value as the tooltip.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._projection: Projection | None = None

    @property
    def projection(self) -> Projection | None:
        return self._projection

    def set_projection(self, projection: Projection | None) -> None:
        """Show ``projection``; None empties the table (inputs not valid)."""
        self.beginResetModel()
        self._projection = projection
        self.endResetModel()

    def _value(self, row: int, name: str) -> float | None:
        p = self._projection
        assert p is not None
        if row == 0:
            return {"sharers": None, "new_members": p.seeds, "members": p.seeds}.get(name)
        wave = p.waves[row - 1]
        return {
            "sharers": wave.sharers,
            "new_members": wave.new_members,
            "members": wave.cumulative,
        }.get(name)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::rowCount."""
        if parent.isValid() or self._projection is None:
            return 0
        return len(self._projection.waves) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::columnCount."""
        return 0 if parent.isValid() else len(WAVE_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractTableModel::headerData."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(WAVE_COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return wave_column_title(WAVE_COLUMNS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractTableModel::data."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        name = WAVE_COLUMNS[index.column()]
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "wave":
                return QCoreApplication.translate("Fission", "Seeds") if row == 0 else str(row)
            value = self._value(row, name)
            return "–" if value is None else people(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "wave":
                return (
                    QCoreApplication.translate("Fission", "The members who start the campaign")
                    if row == 0
                    else None
                )
            value = self._value(row, name)
            if value is None:
                return None
            return QCoreApplication.translate("Fission", "%1 expected").replace(
                "%1", _grouped().toString(float(value), "f", 2)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and name != "wave":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractTableModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# -- the saved scenarios -----------------------------------------------------------------


class ScenarioRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    SAVED = Qt.ItemDataRole.UserRole + 2
    SUMMARY = Qt.ItemDataRole.UserRole + 3


class SavedScenariosModel(QAbstractListModel):
    """The fission scenarios saved on one community, by name.

    Reloads when a change touches the scenarios (an edit here, an undo, a
    redo, a merge). Editing a row's name renames the scenario (one undoable
    edit); a refused name changes nothing and says why (:attr:`failed`).

    Signals:
        failed(str): a rename was refused, in one line.
        renamed(str, str): a plan was renamed (its old name, its new one as
            saved), for the status bar like every other edit of a plan.
        reloaded(): the rows were read again, and every view and selection
            model has taken in the reset (a view can select a row again now:
            a selection model clears its selection after ``modelReset``'s
            other slots have run).
    """

    failed = Signal(str)
    renamed = Signal(str, str)
    reloaded = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._community = ""
        self._rows: list[SavedScenario] = []
        self._summaries: list[str] = []

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session = session
        self._community = ""
        if session is not None:
            session.changed.connect(self._on_changed)
        self.reload()

    def set_community(self, community_id: str) -> None:
        self._community = community_id
        self.reload()

    @property
    def community_id(self) -> str:
        return self._community

    @property
    def read_only(self) -> bool:
        return self._session is None or self._session.read_only

    def reload(self) -> None:
        self.beginResetModel()
        if self._session is not None and self._community:
            self._rows = list_scenarios(self._session.workspace, self._community)
        else:
            self._rows = []
        # Each summary projects its plan: once per reload, not once per paint.
        self._summaries = [scenario_summary(s.scenario) for s in self._rows]
        self.endResetModel()
        self.reloaded.emit()

    def _on_changed(self, change: Change) -> None:
        if TABLE in change.tables or "communities" in change.tables:
            self.reload()

    def saved(self, row: int) -> SavedScenario:
        return self._rows[row]

    def row_of(self, scenario_id: str) -> int:
        return next((n for n, s in enumerate(self._rows) if s.id == scenario_id), -1)

    def index_of(self, scenario_id: str) -> QModelIndex:
        row = self.row_of(scenario_id)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    # -- QAbstractListModel -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractListModel::rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractListModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        saved = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return saved.name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [saved.name, self._summaries[index.row()]]
            if saved.note:
                lines.append(saved.note)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole and saved.calendar_item_id:
            return icon("calendar")
        if role == ScenarioRole.ID:
            return saved.id
        if role == ScenarioRole.SAVED:
            return saved
        if role == ScenarioRole.SUMMARY:
            return self._summaries[index.row()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractListModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractListModel::setData: renames the scenario."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        assert self._session is not None
        saved = self._rows[index.row()]
        if " ".join(str(value).split()) == saved.name:
            return True
        try:
            self._session.run(update_scenario, saved.id, {"name": str(value)})
        except PlannerError as exc:
            self.failed.emit(ui_text(str(exc)))
            return False
        # The list was read again as the change was announced: the name as saved
        # (the core tidies its spaces), not as typed.
        row = self.row_of(saved.id)
        name = self._rows[row].name if row >= 0 else " ".join(str(value).split())
        self.renamed.emit(saved.name, name)
        return True


def _line_height(metrics: QFontMetrics, text: str) -> int:
    """The height a line of ``text`` takes: its font's, or more where a fallback font
    draws part of it (Chinese in a Latin UI font is taller)."""
    return max(metrics.height(), metrics.boundingRect(text).height())


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


class ScenarioDelegate(QStyledItemDelegate):
    """A saved plan as two lines: its name, then its K, new members and cost per
    member; a calendar mark when it is linked to an activity."""

    PADDING = 6

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Override QStyledItemDelegate::sizeHint."""
        name = _line_height(QFontMetrics(_bold(option.font)), str(index.data() or ""))
        summary = _line_height(
            QFontMetrics(small_font(option.font)), str(index.data(ScenarioRole.SUMMARY) or "")
        )
        return QSize(160, name + summary + 2 + self.PADDING * 2)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Override QStyledItemDelegate::updateEditorGeometry: over the name's line only."""
        height = editor.sizeHint().height()
        rect = option.rect.adjusted(2, 0, -2, 0)
        rect.setTop(rect.top() + max(0, self.PADDING - (height - option.fontMetrics.height()) // 2))
        rect.setHeight(height)
        editor.setGeometry(rect)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Override QStyledItemDelegate::paint."""
        painter.save()
        text, dim = item_panel(painter, option)
        rect: QRect = option.rect.adjusted(
            self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING
        )
        fm = QFontMetrics(option.font)
        saved: SavedScenario = index.data(ScenarioRole.SAVED)
        if saved.calendar_item_id:
            size = fm.height() - 2
            mark = QRect(rect.right() - size, rect.top() + 1, size, size)
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            icon("calendar", text.name() if selected else "").paint(painter, mark)
            rect.setRight(mark.left() - 4)
        bold = _bold(option.font)
        painter.setFont(bold)
        painter.setPen(text)
        name = QFontMetrics(bold).elidedText(saved.name, Qt.TextElideMode.ElideRight, rect.width())
        name_height = _line_height(QFontMetrics(bold), name)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), name_height), 0, name)
        small = small_font(option.font)
        painter.setFont(small)
        painter.setPen(dim)
        line = QFontMetrics(small).elidedText(
            str(index.data(ScenarioRole.SUMMARY)), Qt.TextElideMode.ElideRight, rect.width()
        )
        top = rect.top() + name_height + 2
        painter.drawText(QRect(rect.left(), top, rect.width(), rect.bottom() - top), 0, line)
        painter.restore()
