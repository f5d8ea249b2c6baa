"""Figures ▸ Export to CSV…: figures or activity results out to a spreadsheet.

The operator's boss or client wants the numbers in Excel. The dialog picks
what to export (a community's dated figures, or its activities' planned vs
actual results), which communities (the current one or every live one), the
days (figures: every recorded day unless narrowed; results: the last three
months up to today) and the language of the headers; it says how many rows
the file will hold before asking where to write it.

That count, and the recorded days the figures default to, come from the
database (:func:`planner.metrics_export.count_figures_rows`,
:func:`~planner.metrics_export.count_results_rows`,
:func:`~planner.metrics_export.recorded_span`), not from building the file:
the count follows every step of a date, and building two years of 100
communities' figures takes most of a second. The file is built only when
Export is pressed.

The file is what :func:`planner.metrics_export.export_figures_csv` or
:func:`~planner.metrics_export.export_results_csv` make of those choices,
UTF-8 with a BOM so Excel shows Chinese correctly, written whole or not at
all (:func:`planner.files.write_atomically`). A small file is written at
once; a large one (:data:`BACKGROUND_ROWS` rows or more) is built and written
off the GUI thread, as a job of the session (:meth:`Session.start_job`) with
a progress bar, and Cancel stops it with nothing written. A figures export
of one community imports back (Figures ▸ Import from CSV…) as the same
figures. Exporting only reads: a read-only workspace exports like any other.
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

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
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
    QProgressBar,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.checklist_library import Language
from planner.communities import Community, list_communities
from planner.errors import Cancelled, PlannerError
from planner.files import write_atomically
from planner.history import Change
from planner.metrics import TABLE as FIGURES_TABLE
from planner.metrics_export import (
    count_figures_rows,
    count_results_rows,
    export_figures_csv,
    export_results_csv,
    recorded_span,
)
from planner.ui.background import BackgroundJob, Progress, error_text
from planner.ui.import_mapping_model import count_text
from planner.ui.item_fields import from_qdate, to_qdate
from planner.ui.locale_text import ui_language, ui_text
from planner.ui.session import Session
from planner.ui.theme import SPACING
from planner.workspace import Workspace

RESULT_MONTHS = 3  # results default to this many months up to today
# From this many rows on, the file is built and written off the GUI thread.
# Measured on 100 communities x 730 days: about 8 µs a row of figures and
# 17 µs an activity, so a file written at once freezes the dialog for at most
# about 0.1 s (figures) or 0.2 s (results); 146,000 rows take 1.3 s.
BACKGROUND_ROWS = 10_000
Kind = Literal["figures", "results"]
# Characters no file name may hold on Windows, macOS or Linux.
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


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


def row_count(ws: Workspace, choices: ExportChoices) -> int:
    """How many rows below the header the file for ``choices`` holds, without building it."""
    if choices.kind == "figures":
        return count_figures_rows(ws, choices.community_ids, choices.start, choices.end)
    assert choices.start is not None and choices.end is not None
    return count_results_rows(ws, choices.community_ids, choices.start, choices.end)


def build_csv(
    ws: Workspace,
    choices: ExportChoices,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The file for ``choices`` (on whichever connection ``ws`` is: the GUI's or a job's)."""
    c = choices
    if c.kind == "figures":
        return export_figures_csv(
            ws, c.community_ids, c.start, c.end, c.lang, progress=progress, cancelled=cancelled
        )
    assert c.start is not None and c.end is not None
    return export_results_csv(
        ws, c.community_ids, c.start, c.end, c.lang, progress=progress, cancelled=cancelled
    )


def write_csv(
    ws: Workspace,
    choices: ExportChoices,
    path: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Build the file for ``choices`` and write it to ``path`` whole; the rows it holds.

    Cancelled (nothing written) when ``cancelled()`` turns true before the
    file is written.
    """
    data = build_csv(ws, choices, progress, cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled()
    write_atomically(path, data)
    return data_rows(data)


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
        self.background_rows = BACKGROUND_ROWS
        self.rows = 0  # the rows the file holds for the choices shown
        self._message = ("", True)  # (text, is an error), shown until the choices change
        self._communities: list[Community] = []
        self._job: BackgroundJob | None = None
        self._target: Path | None = None
        self._released = False
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
        self.language.setCurrentIndex(max(self.language.findData(ui_language()), 0))
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.language.currentIndexChanged.connect(lambda _i: self._update())

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "error")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.hide()

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
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.export_button.setDefault(True)
        self._inputs: tuple[QWidget, ...] = (
            self.figures_radio,
            self.results_radio,
            self.this_radio,
            self.all_radio,
            self.all_days,
            self.start_edit,
            self.to_label,
            self.end_edit,
            self.language,
        )

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
        :data:`RESULT_MONTHS` months up to today.

        The recorded days are looked up, not read: the first and last day of
        each community are the ends of its part of an index.
        """
        start, end = months_before(self.today, RESULT_MONTHS), self.today
        if self.kind == "figures":
            span = recorded_span(self.session.workspace, self.choices().community_ids)
            if span is not None:
                start, end = span
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

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
            start=None if every_day else from_qdate(self.start_edit.date()),
            end=None if every_day else from_qdate(self.end_edit.date()),
            lang=lang,
        )

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

    def _on_kind(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._set_default_days()
            self._update()

    def _on_scope(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            if self.kind == "figures" and self.all_days.isChecked():
                self._set_default_days()  # the span of the communities chosen now
            self._update()

    # -- showing the state -------------------------------------------------------

    def _update(self) -> None:
        """The summary of what will be written, or why nothing can be.

        Runs on every change of a choice and of the workspace, so the row count
        is counted in the database (:func:`row_count`), never built.
        """
        figures, busy = self.kind == "figures", self.busy
        self.all_days.setVisible(figures)
        narrowed = not (figures and self.all_days.isChecked())
        for widget in self._inputs:
            widget.setEnabled(not busy)
        for widget in (self.start_edit, self.to_label, self.end_edit):
            widget.setEnabled(narrowed and not busy)
        (text, error), summary = self._message, ""
        backwards = narrowed and self.start_edit.date() > self.end_edit.date()
        self.rows = 0
        if busy and self._target is not None:
            text, error = self.tr("Writing %1…").replace("%1", self._target.name), False
        if not self._communities:
            summary = ""
        elif backwards:
            text, error = self.tr("The first day is after the last day."), True
        else:
            self.rows = row_count(self.session.workspace, self.choices())
            summary = self._summary_text(self.rows)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.bar.setVisible(busy)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if self.status.property("role") != ("error" if error else ""):
            self.status.setProperty("role", "error" if error else "")
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
        self.export_button.setEnabled(bool(self._communities) and not backwards and not busy)

    def _show(self, text: str, *, error: bool = True) -> None:
        """Show ``text`` under the summary (an error in red) until the next change."""
        self._message = (text, error)
        self._update()
        self._message = ("", True)

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
        recorded = self.kind == "figures" and self.all_days.isChecked()
        if recorded and change.tables & {"communities", FIGURES_TABLE}:
            self._set_default_days()  # "every recorded day" may now span other days
        if change.tables & {"communities", FIGURES_TABLE, "calendar_items"}:
            self._update()

    # -- exporting ---------------------------------------------------------------

    def _ask_for_path(self, name: str) -> Path | None:
        folder = self.session.workspace.path.parent
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to CSV"),
            str(folder / name),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        return Path(chosen) if chosen else None

    @property
    def busy(self) -> bool:
        """True while a large file is being built and written off the GUI thread."""
        return self._job is not None

    def choose_file(self) -> None:
        """Export…: ask where to write the file (with a name that says what it holds), write it."""
        if not self.export_button.isEnabled():
            return
        path = self.choose_path(self.default_name())
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the file for the choices to ``path`` (“.csv” added when it has no suffix),
        whole or not at all, and close.

        A file of fewer than :attr:`background_rows` rows is written now: True
        when written. A larger one is built and written by a job of the
        session while the dialog shows its progress (the GUI would otherwise
        freeze for a second or more): True when started; :attr:`message` or
        :attr:`failed` says how it ended.
        """
        if self.busy or not self.export_button.isEnabled() or self._released:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".csv")
        choices = self.choices()
        if self.rows >= self.background_rows:
            self._start(choices, path)
            return True
        try:
            rows = write_csv(self.session.workspace, choices, path)
        except PlannerError as exc:
            self._fail(ui_text(str(exc)))
            return False
        self._done(path, rows)
        return True

    def _start(self, choices: ExportChoices, path: Path) -> None:
        def work(ws: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            return write_csv(ws, choices, path, progress, cancelled)

        self._target = path
        self._job = self.session.start_job(work, self._on_job_finished, self._on_progress)
        self.bar.setRange(0, 0)  # busy until the first progress
        self._update()
        self.cancel_button.setFocus()

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def cancel(self, *, close: bool = True) -> None:
        """Stop the export under way and wait for it; nothing is written.

        A file written before the job saw the cancel is reported as any
        export (and, with ``close``, the dialog closes), since it is there.
        """
        job, self._job = self._job, None
        if job is None:
            return
        job.cancel()
        job.wait()
        if not self._released:
            self.session.collect(job)
        if job.error is None and isinstance(job.result, int):
            self._finished(job, close=close)
        else:
            self._show(self.tr("Cancelled; no file was written."), error=False)

    def _on_job_finished(self) -> None:
        job = self._job
        if job is None or not job.isFinished():
            return  # cancelled (and reported) already
        self._job = None
        self._finished(job)

    def _finished(self, job: BackgroundJob, *, close: bool = True) -> None:
        if isinstance(job.error, Cancelled):
            self._show(self.tr("Cancelled; no file was written."), error=False)
        elif job.error is not None:
            self._fail(ui_text(error_text(job.error, self.tr("The file could not be written"))))
        elif isinstance(job.result, int) and self._target is not None:
            self._done(self._target, job.result, close=close)

    def _fail(self, text: str) -> None:
        line = " ".join(text.split())
        self._show(line)
        self.failed.emit(line)

    def _done(self, path: Path, rows: int, *, close: bool = True) -> None:
        if self.kind == "figures":
            what = count_text(rows, self.tr("1 row of figures"), self.tr("%1 rows of figures"))
        else:
            what = count_text(rows, self.tr("1 activity"), self.tr("%1 activities"))
        self.message.emit(self.tr("Wrote %1 to %2.").replace("%1", what).replace("%2", path.name))
        if close:
            self.accept()

    # -- closing -----------------------------------------------------------------

    def reject(self) -> None:
        """Override QDialog::reject (Cancel, Esc): stop an export under way; else close."""
        if self.busy:
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        """Override QDialog::done: never leave a job writing behind a closed dialog."""
        self.cancel(close=False)  # closing already
        super().done(result)

    def _on_session_closing(self) -> None:
        """The workspace is closing: stop an export under way, and close without a word."""
        if self._released:
            return
        self.session.closing.disconnect(self._on_session_closing)
        self.session.changed.disconnect(self._on_changed)
        self.cancel(close=False)
        self._released = True
        super().reject()
