"""Figures ▸ Export to CSV…: figures or activity results out to a spreadsheet.

The operator's boss or client wants the numbers in Excel. The dialog picks
what to export (a community's dated figures, or its activities' planned vs
actual results), which communities (the current one or every live one), the
days (figures: every recorded day unless narrowed; results: the last three
months up to today) and the language of the headers; it says how many rows
the file will hold before asking where to write it.

The file is what :func:`planner.metrics_export.export_figures_csv` or
:func:`~planner.metrics_export.export_results_csv` make of those choices,
UTF-8 with a BOM so Excel shows Chinese correctly, written whole or not at
all (:func:`planner.files.write_atomically`). A figures export of one
community imports back (Figures ▸ Import from CSV…) as the same figures.
Exporting only reads: a read-only workspace exports like any other.
"""

from __future__ import annotations

import csv
import io
import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.checklist_library import Language
from planner.communities import Community, list_communities
from planner.errors import PlannerError
from planner.files import write_atomically
from planner.history import Change
from planner.metrics import TABLE as FIGURES_TABLE
from planner.metrics import figures_between
from planner.metrics_export import export_figures_csv, export_results_csv
from planner.ui.import_mapping_model import count_text
from planner.ui.labels import content_language
from planner.ui.session import Session
from planner.ui.theme import SPACING

CSV_FILTER = "CSV files (*.csv);;All files (*)"
RESULT_MONTHS = 3  # results default to this many months up to today
Kind = Literal["figures", "results"]
# Characters no file name may hold on Windows, macOS or Linux.
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _tr(text: str) -> str:
    return QCoreApplication.translate("FiguresExport", text)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def file_name(subject: str, what: str, today: date) -> str:
    """“深夜读书会-figures-2026-11-23.csv”, with what a file name cannot hold replaced."""
    clean = _NOT_IN_NAMES.sub("-", subject).strip(" .-") or "export"
    return f"{clean}-{what}-{today.isoformat()}.csv"


def data_rows(data: bytes) -> int:
    """How many rows below the header a CSV export holds (a note may span lines)."""
    return max(sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8-sig")))) - 1, 0)


def _to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


@dataclass(frozen=True)
class ExportChoices:
    """What the dialog will export.

    Attributes:
        kind: "figures" or "results".
        community_ids: the communities, in the order they are written.
        start, end: the days (both included); None for figures means every day.
        lang: the language of the headers.
    """

    kind: Kind
    community_ids: tuple[str, ...]
    start: date | None
    end: date | None
    lang: Language


class FiguresExportDialog(QDialog):
    """Export communities' figures, or their activities' results, as CSV.

    Signals:
        message(str): what was written, for the status bar.
        failed(str): the one line shown for a file that could not be written.
    """

    message = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        community_id: str | None = None,
        today: date | None = None,
        choose_path: Callable[[str], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or date.today()
        self.choose_path = choose_path or self._ask_for_path
        self.community_id = community_id
        self._error = ""  # a failed write, shown until the choices change
        self._communities: list[Community] = []
        self.setWindowTitle(self.tr("Export to CSV"))
        self._build()
        self._load_communities()
        self._set_default_days()
        session.changed.connect(self._on_changed)
        session.closing.connect(self._on_session_closing)
        self._update()
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    # -- construction ------------------------------------------------------------

    def _build(self) -> None:
        self.figures_radio = QRadioButton(self.tr("Community &figures"))
        self.figures_radio.setToolTip(
            self.tr(
                "Members, active members, joined, left, messages, paid conversions and "
                "revenue, one row per community and day"
            )
        )
        self.results_radio = QRadioButton(self.tr("Activity &results"))
        self.results_radio.setToolTip(
            self.tr("Each activity on the calendar with its goals: planned beside actual")
        )
        self.figures_radio.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.figures_radio)
        self.kind_group.addButton(self.results_radio)
        self.kind_group.buttonToggled.connect(self._on_kind)

        self.this_radio = QRadioButton()
        self.all_radio = QRadioButton()
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.this_radio)
        self.scope_group.addButton(self.all_radio)
        self.scope_group.buttonToggled.connect(self._on_scope)
        self.no_communities = QLabel(
            self.tr(
                "This workspace has no communities yet, so there is nothing to export. "
                "Add one with Community ▸ New community…, record its figures, then export "
                "them here."
            )
        )
        self.no_communities.setWordWrap(True)
        self.no_communities.setProperty("role", "hint")

        self.all_days = QCheckBox(self.tr("Every recorded &day"))
        self.all_days.setChecked(True)
        self.all_days.toggled.connect(lambda _on: self._update())
        self.start_edit = self._date_edit()
        self.end_edit = self._date_edit()
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(content_language()), 0))
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.language.currentIndexChanged.connect(lambda _i: self._update())

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "error")
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.reject)

        kinds = QVBoxLayout()
        kinds.setSpacing(SPACING // 2)
        kinds.addWidget(self.figures_radio)
        kinds.addWidget(self.results_radio)
        scope = QVBoxLayout()
        scope.setSpacing(SPACING // 2)
        scope.addWidget(self.this_radio)
        scope.addWidget(self.all_radio)
        scope.addWidget(self.no_communities)
        days = QHBoxLayout()
        days.setSpacing(SPACING // 2)
        days.addWidget(self.start_edit)
        self.to_label = QLabel(self.tr("to"))
        days.addWidget(self.to_label)
        days.addWidget(self.end_edit)
        days.addStretch(1)
        dates = QVBoxLayout()
        dates.setSpacing(SPACING // 2)
        dates.addWidget(self.all_days)
        dates.addLayout(days)
        self.form = form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow(self._label(self.tr("Export"), self.figures_radio), kinds)
        form.addRow(self._label(self.tr("Communities"), self.this_radio), scope)
        form.addRow(self._label(self.tr("Da&ys"), self.start_edit), dates)
        form.addRow(self._label(self.tr("Header &language"), self.language), self.language)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.export_button.setDefault(True)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31))
        edit.dateChanged.connect(lambda _d: self._update())
        return edit

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _load_communities(self) -> None:
        """The live communities; the current one is chosen when there is one."""
        self._communities = list_communities(self.session.workspace)
        names = {c.id: c.name for c in self._communities}
        current = names.get(self.community_id or "")
        self.this_radio.setVisible(current is not None)
        if current is not None:
            self.this_radio.setText(self.tr("&This community: %1").replace("%1", current))
        else:
            self.community_id = None
        self.all_radio.setText(
            count_text(
                len(self._communities),
                self.tr("&All communities (1)"),
                self.tr("&All communities (%1)"),
            )
        )
        (self.this_radio if current is not None else self.all_radio).setChecked(True)
        self.all_radio.setVisible(bool(self._communities))
        self.no_communities.setVisible(not self._communities)
        for row in (2, 3):  # the days and the language: nothing to choose them for
            self.form.setRowVisible(row, bool(self._communities))

    def _set_default_days(self) -> None:
        """Figures: the recorded days (all of them until narrowed); results: the last
        :data:`RESULT_MONTHS` months up to today."""
        start, end = months_before(self.today, RESULT_MONTHS), self.today
        if self.kind == "figures":
            recorded = [
                day
                for community_id in self.choices().community_ids
                for day in self._recorded_span(community_id)
            ]
            if recorded:
                start, end = min(recorded), max(recorded)
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(_to_qdate(day))
            edit.blockSignals(False)

    def _recorded_span(self, community_id: str) -> list[date]:
        days = figures_between(self.session.workspace, community_id)
        return [days[0].day, days[-1].day] if days else []

    # -- the choices -------------------------------------------------------------

    @property
    def kind(self) -> Kind:
        return "results" if self.results_radio.isChecked() else "figures"

    def choices(self) -> ExportChoices:
        """What Export writes now."""
        if self.this_radio.isChecked() and self.community_id is not None:
            ids: tuple[str, ...] = (self.community_id,)
        else:
            ids = tuple(c.id for c in self._communities)
        every_day = self.kind == "figures" and self.all_days.isChecked()
        lang: Language = "zh" if self.language.currentData() == "zh" else "en"
        return ExportChoices(
            kind=self.kind,
            community_ids=ids,
            start=None if every_day else _to_date(self.start_edit.date()),
            end=None if every_day else _to_date(self.end_edit.date()),
            lang=lang,
        )

    def csv_bytes(self) -> bytes:
        """The file Export writes for the choices."""
        c, ws = self.choices(), self.session.workspace
        if c.kind == "figures":
            return export_figures_csv(ws, c.community_ids, c.start, c.end, c.lang)
        assert c.start is not None and c.end is not None
        return export_results_csv(ws, c.community_ids, c.start, c.end, c.lang)

    def default_name(self) -> str:
        """“深夜读书会-figures-2026-11-23.csv”, or “all-communities-results-….csv”."""
        c = self.choices()
        names = {x.id: x.name for x in self._communities}
        subject = (
            names[c.community_ids[0]]
            if self.this_radio.isChecked() and len(c.community_ids) == 1
            else self.tr("all-communities")
        )
        what = self.tr("figures") if c.kind == "figures" else self.tr("results")
        return file_name(subject, what, self.today)

    def _on_kind(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._set_default_days()
            self._update()

    def _on_scope(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            if self.kind == "figures" and self.all_days.isChecked():
                self._set_default_days()  # the span of the communities chosen now
            self._update()

    # -- showing the state -------------------------------------------------------

    def _update(self) -> None:
        """The summary of what will be written, or why nothing can be."""
        figures = self.kind == "figures"
        self.all_days.setVisible(figures)
        narrowed = not (figures and self.all_days.isChecked())
        for widget in (self.start_edit, self.to_label, self.end_edit):
            widget.setEnabled(narrowed)
        error, summary = self._error, ""
        if not self._communities:
            summary = ""
        elif narrowed and self.start_edit.date() > self.end_edit.date():
            error = self.tr("The first day is after the last day.")
        else:
            summary = self._summary_text(data_rows(self.csv_bytes()))
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.status.setText(error)
        self.status.setVisible(bool(error))
        ready = bool(self._communities) and not (
            narrowed and self.start_edit.date() > self.end_edit.date()
        )
        self.export_button.setEnabled(ready)

    def _summary_text(self, rows: int) -> str:
        if self.kind == "figures":
            if not rows:
                return self.tr(
                    "No figures recorded on these days: the file will hold the header row "
                    "only, ready to fill in and import."
                )
            return count_text(
                rows,
                self.tr("1 row of figures will be written."),
                self.tr("%1 rows of figures (one per community and day) will be written."),
            )
        if not rows:
            return self.tr("No activities on these days: the file will hold the header row only.")
        return count_text(
            rows,
            self.tr("1 activity will be written, planned beside actual."),
            self.tr("%1 activities will be written, planned beside actual."),
        )

    def _on_changed(self, change: Change) -> None:
        if "communities" in change.tables:
            self._load_communities()
        if change.tables & {"communities", FIGURES_TABLE, "calendar_items"}:
            self._update()

    # -- exporting ---------------------------------------------------------------

    def _ask_for_path(self, name: str) -> Path | None:
        folder = self.session.workspace.path.parent
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to CSV"), str(folder / name), self.tr(CSV_FILTER)
        )
        return Path(chosen) if chosen else None

    def choose_file(self) -> None:
        """Export…: ask where to write the file (with a name that says what it holds), write it."""
        if not self.export_button.isEnabled():
            return
        path = self.choose_path(self.default_name())
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the file for the choices to ``path`` (“.csv” added when it has no suffix),
        whole or not at all; True when written, and the dialog closes."""
        if not self.export_button.isEnabled():
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".csv")
        data = self.csv_bytes()
        try:
            write_atomically(path, data)
        except PlannerError as exc:
            line = " ".join(str(exc).split())
            self._error = line
            self._update()
            self._error = ""  # shown until the next change of the choices
            self.failed.emit(line)
            return False
        rows = data_rows(data)
        if self.kind == "figures":
            what = count_text(rows, self.tr("1 row of figures"), self.tr("%1 rows of figures"))
        else:
            what = count_text(rows, self.tr("1 activity"), self.tr("%1 activities"))
        self.message.emit(self.tr("Wrote %1 to %2.").replace("%1", what).replace("%2", path.name))
        self.accept()
        return True

    def _on_session_closing(self) -> None:
        """The workspace is closing: close without a word."""
        self.session.closing.disconnect(self._on_session_closing)
        self.session.changed.disconnect(self._on_changed)
        self.reject()
