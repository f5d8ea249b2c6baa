"""The pieces of the figures import dialog: what the mapping makes of a CSV file.

:class:`PreviewModel` shows the first rows of a CSV file as read, one column
per column of the file, with the file's line numbers down the side. It knows
which columns are imported (a skipped column is dimmed) and which rows have
problems (tinted, the problem in the tooltip), so the operator sees at a
glance what the mapping makes of the file. :class:`ProblemModel` lists the
problems, one line of the file each, as the operator will fix them in the
spreadsheet: "Line 7: “12a” in 成员数 is not a whole number."
:class:`MappingHeader` is the preview's column header, with the combo that
maps each column to a figure above the column's name. The functions at the
end put the outcome in words (:func:`summary_text`, :func:`replaced_text` …).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

from planner.metrics import FIGURES, MAX_IMPORT_ROWS, figures_between
from planner.metrics_csv import COLUMNS, CsvError, Parsed, RowError, Table, parse_rows
from planner.ui.locale_text import ui_language, ui_text
from planner.ui.theme import mix
from planner.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
# What a column can be mapped to: nothing ("" is "skip"), the day, a figure, the note.
CHOICES = ("", *COLUMNS)
ERROR_COLOR = QColor("#d93025")  # the colour of QLabel[role="error"]
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
Outcome = Parsed | str  # a file's rows read with a mapping, or why they cannot be


def choice_label(field: str) -> str:
    """What a column can hold, as its combo says it."""
    return {
        "": QCoreApplication.translate("FiguresImport", "— Skip —"),
        "day": QCoreApplication.translate("FiguresImport", "Date"),
        "members": QCoreApplication.translate("FiguresImport", "Members"),
        "active_members": QCoreApplication.translate("FiguresImport", "Active members"),
        "joined": QCoreApplication.translate("FiguresImport", "Joined"),
        "left_members": QCoreApplication.translate("FiguresImport", "Left"),
        "messages": QCoreApplication.translate("FiguresImport", "Messages"),
        "paid_conversions": QCoreApplication.translate("FiguresImport", "Paid conversions"),
        "revenue": QCoreApplication.translate("FiguresImport", "Revenue"),
        "note": QCoreApplication.translate("FiguresImport", "Note"),
    }[field]


def problem_text(error: RowError) -> str:
    """“Line 7: “12a” in 成员数 is not a whole number.” (the reason is the core's)."""
    return (
        QCoreApplication.translate("FiguresImport", "Line %1: %2")
        .replace("%1", str(error.line))
        .replace("%2", ui_text(error.message))
    )


class PreviewModel(QAbstractTableModel):
    """The first :attr:`limit` data rows of a CSV file, as read.

    Columns are the file's columns, named by its header; the vertical header
    is each row's line in the file. Columns no figure is read from are dimmed;
    rows with problems are tinted, and their tooltip says what is wrong.

    Attributes:
        limit: how many data rows are shown at most.
    """

    LIMIT = 100

    def __init__(self, table: Table | None = None, limit: int = LIMIT) -> None:
        super().__init__()
        self.limit = limit
        self._table: Table | None = None
        self._width = 0
        self._mapped: frozenset[int] = frozenset()
        self._problems: dict[int, list[RowError]] = {}
        self.set_table(table)

    def set_table(self, table: Table | None) -> None:
        """Show ``table`` (None: nothing); forgets the mapping and the problems."""
        self.beginResetModel()
        self._table = table
        self._width = 0
        if table is not None:
            shown = table.rows[: self.limit]
            self._width = max([len(table.headers), *(len(r.cells) for r in shown)])
        self._mapped = frozenset()
        self._problems = {}
        self.endResetModel()

    @property
    def table(self) -> Table | None:
        return self._table

    def set_mapping(self, mapping: Mapping[str, int]) -> None:
        """Columns outside ``mapping`` (field -> column) are shown dimmed."""
        self._mapped = frozenset(mapping.values())
        self._changed_all()

    def set_problems(self, errors: Sequence[RowError]) -> None:
        """Tint the rows of ``errors`` and mark their cells at fault."""
        problems: dict[int, list[RowError]] = {}
        for error in errors:
            problems.setdefault(error.line, []).append(error)
        self._problems = problems
        self._changed_all()

    def row_of_line(self, line: int) -> int:
        """The row showing ``line`` of the file, or -1 when it is not in the preview."""
        if self._table is None:
            return -1
        for row, table_row in enumerate(self._table.rows[: self.limit]):
            if table_row.line == line:
                return row
        return -1

    def _changed_all(self) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _column_name(self, column: int) -> str:
        assert self._table is not None
        return self._table.column_name(column)

    # -- QAbstractTableModel ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::rowCount."""
        if parent.isValid() or self._table is None:
            return 0
        return min(len(self._table.rows), self.limit)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractTableModel::columnCount."""
        return 0 if parent.isValid() else self._width

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractTableModel::headerData: the file's header; its line numbers."""
        if self._table is None:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._width:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._column_name(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    QCoreApplication.translate("FiguresImport", "Column %1 of the file: “%2”")
                    .replace("%1", str(section + 1))
                    .replace("%2", self._column_name(section))
                )
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            line = self._table.rows[section].line
            if role == Qt.ItemDataRole.DisplayRole:
                return str(line)
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("FiguresImport", "Line %1 of the file").replace(
                    "%1", str(line)
                )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractTableModel::data."""
        if self._table is None or not index.isValid() or index.row() >= self.rowCount():
            return None
        row = self._table.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.cell(column)
        if role == LINE_ROLE:
            return row.line
        problems = self._problems.get(row.line, [])
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(problem_text(p) for p in problems) or None
        palette = QGuiApplication.palette()
        if role == Qt.ItemDataRole.ForegroundRole:
            at_fault = column < len(self._table.headers) and any(
                p.column == self._column_name(column) for p in problems
            )
            if at_fault:
                return ERROR_COLOR
            if column not in self._mapped:
                return palette.color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return mix(ERROR_COLOR, palette.color(QPalette.ColorRole.Base), 0.14)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractTableModel::flags: read-only cells."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProblemModel(QAbstractListModel):
    """The problems of a file read with a mapping, in file order, one per row.

    ``LINE_ROLE`` gives a problem's line in the file.
    """

    def __init__(self, errors: Sequence[RowError] = ()) -> None:
        super().__init__()
        self._errors: tuple[RowError, ...] = tuple(errors)

    def set_errors(self, errors: Sequence[RowError]) -> None:
        self.beginResetModel()
        self._errors = tuple(errors)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractListModel::rowCount."""
        return 0 if parent.isValid() else len(self._errors)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractListModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._errors):
            return None
        error = self._errors[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return problem_text(error)
        if role == LINE_ROLE:
            return error.line
        return None


class MappingHeader(QHeaderView):
    """The preview's column header: above each column's name, a combo saying what it holds.

    Signals:
        chosen(int, str): the operator chose a field ("" to skip) for a column.
    """

    chosen = Signal(int, str)
    PAD = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.combos: list[QComboBox] = []
        # The name sits at the bottom of its section, under the combo.
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self._probe = self._combo()  # measures a combo; never shown
        self._probe.hide()
        self.sectionCountChanged.connect(lambda _old, _new: self._sync())
        self.sectionResized.connect(lambda _i, _old, _new: self._place())
        self.geometriesChanged.connect(self._place)

    def _combo(self) -> QComboBox:
        combo = QComboBox(self.viewport())
        for field in CHOICES:
            combo.addItem(choice_label(field), field)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _sync(self) -> None:
        """One combo per column."""
        while len(self.combos) > self.count():
            self.combos.pop().deleteLater()
        while len(self.combos) < self.count():
            combo = self._combo()
            column = len(self.combos)
            combo.setToolTip(
                QCoreApplication.translate("FiguresImport", "What column %1 holds").replace(
                    "%1", str(column + 1)
                )
            )
            combo.currentIndexChanged.connect(
                lambda _i, c=column, box=combo: self.chosen.emit(c, str(box.currentData()))
            )
            combo.show()
            self.combos.append(combo)
        self._place()

    def _place(self) -> None:
        """Each combo over its column (the viewport's scroll moves them with the columns)."""
        height = self._probe.sizeHint().height()
        for column, combo in enumerate(self.combos):
            x = self.sectionViewportPosition(column)
            width = self.sectionSize(column) - 2 * self.PAD
            combo.setGeometry(x + self.PAD, self.PAD, width, height)

    def set_mapping(self, mapping: Mapping[str, int]) -> None:
        """Show ``mapping`` (field -> column) in the combos, without emitting ``chosen``."""
        fields = {column: field for field, column in mapping.items()}
        for column, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(fields.get(column, "")), 0))
            combo.blockSignals(False)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        """Override QHeaderView::sectionSizeFromContents: room for the combo above the name."""
        size = super().sectionSizeFromContents(logicalIndex)
        combo = self._probe.sizeHint()
        return QSize(
            max(size.width(), combo.width() + 2 * self.PAD),
            size.height() + combo.height() + self.PAD,
        )


# -- words ----------------------------------------------------------------------------


def count_text(n: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with %1 replaced by ``n`` (“1,204”, digits grouped)."""
    return one if n == 1 else many.replace("%1", QLocale().toString(n))


def fill(template: str, *values: str) -> str:
    """``template`` with %1, %2 … replaced by ``values`` in one pass (a value holding
    "%2" is not filled in itself)."""

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return values[n - 1] if 1 <= n <= len(values) else match.group(0)

    return re.sub(r"%(\d)", value, template)


def list_text(items: Sequence[str]) -> str:
    """Names or numbers in a list, as the language writes one ("A, B"; "A、B")."""
    separator = QCoreApplication.translate(
        "FiguresImport", ", ", "between the items of a list; Chinese uses 、"
    )
    return separator.join(items)


def clauses_text(clauses: Sequence[str]) -> str:
    """The parts of one sentence, as the language joins them ("a, b"; "a，b")."""
    if not clauses:
        return ""
    joined = clauses[0]
    for clause in clauses[1:]:
        template = QCoreApplication.translate("FiguresImport", "%1, %2")
        joined = fill(template, joined, clause)
    return joined


def sentences(*parts: str) -> str:
    """Whole sentences one after another: a space between them in English, none in
    Chinese (its full stop 。 carries its own room)."""
    separator = "" if ui_language() == "zh" else " "
    return separator.join(part for part in parts if part)


def check(table: Table, mapping: Mapping[str, int]) -> Outcome:
    """The rows of ``table`` read with ``mapping``, or one line saying why they cannot be
    (no date column, no figure)."""
    if "day" not in mapping:
        return QCoreApplication.translate(
            "FiguresImport", "Choose which column holds the date; Import stays off until one does."
        )
    if not set(mapping) - {"day"}:
        return QCoreApplication.translate(
            "FiguresImport", "Choose at least one column of figures to import."
        )
    try:
        return parse_rows(table, mapping)
    except CsvError as exc:
        return ui_text(str(exc))


def refusal(parsed: Parsed) -> str:
    """Why rows read well cannot be imported (none, or more than an import takes), or ""."""
    if not parsed.rows:
        if parsed.errors:
            return QCoreApplication.translate(
                "FiguresImport", "Every row has a problem: fix the file, then import it again."
            )
        return QCoreApplication.translate(
            "FiguresImport", "The file has no rows of figures to import."
        )
    if len(parsed.rows) > MAX_IMPORT_ROWS:
        return (
            QCoreApplication.translate(
                "FiguresImport",
                "%1 rows of figures: at most %2 can be imported at once. Is the date column right?",
            )
            .replace("%1", QLocale().toString(len(parsed.rows)))
            .replace("%2", QLocale().toString(MAX_IMPORT_ROWS))
        )
    return ""


def recorded_days(ws: Workspace, community_id: str, parsed: Parsed | None) -> int:
    """How many of the file's days already have figures in the community."""
    if parsed is None or not parsed.rows:
        return 0
    days = {f.day for f in parsed.rows}
    recorded = figures_between(ws, community_id, min(days), max(days))
    return sum(1 for f in recorded if f.day in days)


def import_text(good: int, bad: int) -> str:
    """The Import button: “Import 179 rows”, “Import 179 good rows, skip 3”, or “Import”
    when there is nothing to import."""
    if not good:
        return QCoreApplication.translate("FiguresImport", "&Import")
    if not bad:
        return count_text(
            good,
            QCoreApplication.translate("FiguresImport", "&Import 1 row"),
            QCoreApplication.translate("FiguresImport", "&Import %1 rows"),
        )
    return count_text(
        good,
        QCoreApplication.translate("FiguresImport", "&Import 1 good row, skip %2"),
        QCoreApplication.translate("FiguresImport", "&Import %1 good rows, skip %2"),
    ).replace("%2", QLocale().toString(bad))


def file_text(name: str, table: Table | None) -> str:
    """“11月数据.csv · UTF-8 · separated by semicolons · header on line 2”."""
    if table is None:
        return name
    separator = {
        ",": QCoreApplication.translate("FiguresImport", "separated by commas"),
        ";": QCoreApplication.translate("FiguresImport", "separated by semicolons"),
        "\t": QCoreApplication.translate("FiguresImport", "separated by tabs"),
    }.get(
        table.delimiter,
        QCoreApplication.translate("FiguresImport", "separated by “%1”").replace(
            "%1", table.delimiter
        ),
    )
    parts = [name, table.encoding, separator]
    if table.header_line != 1:
        parts.append(
            QCoreApplication.translate("FiguresImport", "header on line %1").replace(
                "%1", str(table.header_line)
            )
        )
    return " · ".join(parts)


def summary_text(table: Table | None, parsed: Parsed | None) -> str:
    """“182 rows read: 179 good, 3 with problems, 1 left out (totals, or no figures).”"""
    if table is None:
        return ""
    total = len(table.rows)
    if not total:
        return QCoreApplication.translate(
            "FiguresImport", "The file has a header but no rows below it."
        )
    read = count_text(
        total,
        QCoreApplication.translate("FiguresImport", "1 row read"),
        QCoreApplication.translate("FiguresImport", "%1 rows read"),
    )
    if parsed is None:
        return QCoreApplication.translate("FiguresImport", "%1.").replace("%1", read)
    locale = QLocale()
    good, bad = len(parsed.rows), len(parsed.bad_lines)
    parts = [
        QCoreApplication.translate("FiguresImport", "%1 good").replace("%1", locale.toString(good))
    ]
    if bad:
        parts.append(
            QCoreApplication.translate("FiguresImport", "%1 with problems").replace(
                "%1", locale.toString(bad)
            )
        )
    left_out = total - good - bad
    if left_out:
        parts.append(
            QCoreApplication.translate(
                "FiguresImport", "%1 left out (totals, or no figures)"
            ).replace("%1", locale.toString(left_out))
        )
    summary = QCoreApplication.translate("FiguresImport", "%1: %2.")
    return fill(summary, read, clauses_text(parts))


def replaced_text(recorded: int, parsed: Parsed | None) -> str:
    """How many days already recorded the file replaces, and what it leaves alone."""
    if parsed is None or not recorded:
        return ""
    text = count_text(
        recorded,
        QCoreApplication.translate(
            "FiguresImport",
            "1 day in the file already has figures; the file's values replace them.",
        ),
        QCoreApplication.translate(
            "FiguresImport",
            "%1 days in the file already have figures; the file's values replace them.",
        ),
    )
    kept = [choice_label(f) for f in (*FIGURES, "note") if f not in parsed.fields]
    if kept:
        stay = QCoreApplication.translate(
            "FiguresImport", "Figures it has no column for (%1) stay as recorded."
        )
        text = sentences(text, stay.replace("%1", list_text(kept)))
    return text


def skip_question(parsed: Parsed, community: str) -> str:
    """“3 rows have problems and will be skipped (lines 4, 9, 12). Import the other 179
    rows into “深夜读书会”?”"""
    bad = parsed.bad_lines
    lines = list_text([str(n) for n in bad[:8]] + (["…"] if len(bad) > 8 else []))
    skipped = count_text(
        len(bad),
        QCoreApplication.translate(
            "FiguresImport", "1 row has problems and will be skipped (line %2)."
        ),
        QCoreApplication.translate(
            "FiguresImport", "%1 rows have problems and will be skipped (lines %2)."
        ),
    ).replace("%2", lines)
    others = count_text(
        len(parsed.rows),
        QCoreApplication.translate("FiguresImport", "Import the other row into “%2”?"),
        QCoreApplication.translate("FiguresImport", "Import the other %1 rows into “%2”?"),
    ).replace("%2", community)
    return sentences(skipped, others)
