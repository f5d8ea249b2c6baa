"""Figures ▸ Import from CSV…: a spreadsheet's figures into one community.

WeChat and most group platforms have no API, so operators keep their figures
in a spreadsheet and save it as CSV. The dialog shows what the import will
make of the file before anything is written: the community it goes into,
the encoding and separator found, the first rows with, above each column, a
combo saying which figure the column holds (guessed from the header words,
corrected by the operator), a summary of the rows, the bad ones by line with
their reason, and how many days already recorded the file replaces.

Every change of a combo reads the rows again. Import stays off until a
column holds the date; with bad rows, it says how many it skips and asks
before importing the others. The import is one undoable edit
(:func:`planner.metrics_csv.import_figures` through :meth:`Session.run`);
a file that cannot be read is one line in the dialog, and nothing is written.

A large file is read, and its rows checked, off the GUI thread (a job of the
session), so a 10 MB mistake never freezes the window and Cancel closes the
dialog at once; a year or two of days is read at once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.communities import live_community
from planner.errors import Cancelled, PlannerError
from planner.history import Change
from planner.metrics_csv import (
    MAX_CSV_BYTES,
    CsvError,
    Parsed,
    Table,
    guess_mapping,
    import_figures,
    read_table,
)
from planner.ui.background import BackgroundJob, Progress, error_text
from planner.ui.dialogs import ask_yes_no
from planner.ui.import_mapping_model import (
    LINE_ROLE,
    MappingHeader,
    Outcome,
    PreviewModel,
    ProblemModel,
    check,
    count_text,
    file_text,
    import_text,
    recorded_days,
    refusal,
    replaced_text,
    skip_question,
    summary_text,
)
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.theme import SPACING, bold_font, swatch_icon
from planner.workspace import Workspace

# A larger file is read off the GUI thread, a larger table checked there.
READ_IN_BACKGROUND = 256 * 1024
CHECK_IN_BACKGROUND = 3_000
Confirm = Callable[[QWidget, str, str, str], bool]


def _read_bytes(path: Path) -> bytes:
    """The file, read no further than one byte past what read_table accepts
    (it refuses the file then), so a 2 GB mistake is not read into memory."""
    with path.open("rb") as file:
        return file.read(MAX_CSV_BYTES + 1)


class FiguresImportDialog(QDialog):
    """Import a CSV file of figures into one community, after showing what it holds.

    Attributes:
        table: the file as read (None until read, or when it cannot be).
        parsed: its rows read with the current mapping (None when they cannot be).
        preview: the first rows of the file.
        problems: the bad rows, by line.
        change: the import's change, once imported.

    Signals:
        message(str): what the import did, for the status bar.
        loaded(): the file was read (or its error shown).
        checked(): the rows were read again with the mapping.
    """

    message = Signal(str)
    loaded = Signal()
    checked = Signal()

    def __init__(
        self,
        session: Session,
        community_id: str,
        path: Path,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.community_id = community_id
        self.path = Path(path)
        self.confirm = confirm
        self.table: Table | None = None
        self.parsed: Parsed | None = None
        self.change: Change | None = None
        self._mapping: dict[str, int] = {}
        self._problem = ""  # why nothing can be imported, one line
        self._recorded = 0  # days of the file that already have figures
        self._job: BackgroundJob | None = None
        self._job_kind: Literal["read", "check"] = "read"
        community = live_community(session.workspace, community_id)
        self._community_name = community.name
        self.setWindowTitle(self.tr("Import figures into “%1”").replace("%1", community.name))
        self.preview = PreviewModel()
        self.problems = ProblemModel()
        self._build(swatch_icon(community.color))
        session.closing.connect(self._on_session_closing)
        self.resize(920, 620)
        self._load()

    # -- construction ------------------------------------------------------------

    def _build(self, swatch: QIcon) -> None:
        self.community_label = QLabel(self._community_name)
        self.community_label.setFont(bold_font(self.community_label.font()))
        self.community_label.setTextFormat(Qt.TextFormat.PlainText)
        dot = QLabel()
        dot.setPixmap(swatch.pixmap(14, 14))
        into = QHBoxLayout()
        into.setSpacing(SPACING // 2)
        into.addWidget(dot)
        into.addWidget(self.community_label, 1)
        self.file_label = QLabel(self.path.name)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setToolTip(str(self.path))
        self.file_label.setWordWrap(True)
        form = QFormLayout()
        form.setSpacing(SPACING // 2)
        form.addRow(self.tr("Into"), into)
        form.addRow(self.tr("File"), self.file_label)

        self.columns_label = QLabel(self.tr("&Columns:"))
        self.columns_label.setFont(bold_font(self.columns_label.font()))
        self.hint = QLabel(
            self.tr("Above each column, choose the figure it holds; dimmed columns are skipped.")
        )
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.columns_label)
        hint_row.addWidget(self.hint, 1)
        self.header = MappingHeader()
        self.header.chosen.connect(self.choose)
        self.view = QTableView()
        self.view.setHorizontalHeader(self.header)
        self.view.setModel(self.preview)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.header.setStretchLastSection(True)
        # Stands in for the preview when the file cannot be read, so the error
        # sits under the file's name instead of in the middle of an empty dialog.
        self.filler = QWidget()
        self.view.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFont(bold_font(self.summary.font()))
        self.replaced = QLabel()
        self.replaced.setWordWrap(True)
        self.problems_label = QLabel()
        self.problem_list = QListView()
        self.problem_list.setModel(self.problems)
        self.problem_list.setUniformItemSizes(True)
        self.problem_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.problem_list.setFixedHeight(self.fontMetrics().height() * 5 + 10)
        self.problem_list.activated.connect(self._show_line)
        self.problem_list.clicked.connect(self._show_line)
        self.problems_label.setBuddy(self.problem_list)

        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.import_now)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(form)
        layout.addLayout(hint_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.replaced)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.filler, 1)
        layout.addWidget(self.buttons)
        self.import_button.setDefault(True)

    # -- reading the file --------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while the file is read, or its rows checked, off the GUI thread."""
        return self._job is not None

    def _load(self) -> None:
        path = self.path
        try:
            size = path.stat().st_size
        except OSError as exc:
            self._failed(self._unreadable(exc))
            return
        if size <= READ_IN_BACKGROUND:
            try:
                table = read_table(_read_bytes(path), source=path.name)
            except (CsvError, OSError) as exc:
                self._failed(self._unreadable(exc))
                return
            self._show_table(table, guess_mapping(table.headers))
            self._check()
            self.loaded.emit()
            return

        def work(_ws: Workspace, _progress: Progress, cancelled: Callable[[], bool]) -> object:
            table = read_table(_read_bytes(path), source=path.name)
            if cancelled():
                raise Cancelled()
            mapping = guess_mapping(table.headers)
            return table, mapping, check(table, mapping)

        self._start("read", work, self.tr("Reading %1…").replace("%1", path.name))

    def _unreadable(self, error: BaseException) -> str:
        if isinstance(error, OSError):
            reason = error.strerror or type(error).__name__
            return (
                self.tr("%1 cannot be read: %2.")
                .replace("%1", self.path.name)
                .replace("%2", reason)
            )
        return ui_text(
            error_text(error, self.tr("%1 cannot be read").replace("%1", self.path.name))
        )

    def _failed(self, message: str) -> None:
        self.table, self.parsed, self._problem = None, None, message
        self.preview.set_table(None)
        self._update()
        if not self.isVisible():
            self.resize(640, 240)  # an error to read, not an empty preview
        self.loaded.emit()

    def _show_table(self, table: Table, mapping: dict[str, int]) -> None:
        self.table = table
        self.preview.set_table(table)
        self._mapping = dict(mapping)
        self.header.set_mapping(mapping)
        self.preview.set_mapping(mapping)
        self.view.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.header.resizeSection(column, min(self.header.sectionSize(column), 260))
        chain: list[QWidget] = [*self.header.combos, self.view, self.problem_list]
        chain += [self.import_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if self.header.combos:
            self.columns_label.setBuddy(self.header.combos[0])
            self.header.combos[0].setFocus()  # the mapping is the first thing to check

    # -- the mapping -------------------------------------------------------------

    def mapping(self) -> dict[str, int]:
        """Which column (0-based) holds the day and each figure."""
        return dict(self._mapping)

    def choose(self, column: int, field: str) -> None:
        """Read ``field`` ("" for none) from ``column``; a column that held it before is skipped,
        since a figure comes from one column."""
        mapping = {f: c for f, c in self._mapping.items() if c != column and f != field}
        if field:
            mapping[field] = column
        self._mapping = mapping
        self.header.set_mapping(mapping)
        self.preview.set_mapping(mapping)
        self._check()

    def _check(self) -> None:
        """Read the rows again with the mapping (off the GUI thread for a large file)."""
        table = self.table
        if table is None:
            return
        if len(table.rows) <= CHECK_IN_BACKGROUND:
            self._cancel_job()
            self._take(check(table, self._mapping))
            return
        mapping = dict(self._mapping)

        def work(_ws: Workspace, _progress: Progress, _cancelled: Callable[[], bool]) -> object:
            return check(table, mapping)

        rows = QLocale().toString(len(table.rows))
        self._start("check", work, self.tr("Checking %1 rows…").replace("%1", rows))

    def _take(self, outcome: Outcome) -> None:
        """Show what the mapping makes of the rows."""
        if isinstance(outcome, str):
            self.parsed, self._problem = None, outcome
        else:
            self.parsed, self._problem = outcome, refusal(outcome)
        errors = self.parsed.errors if self.parsed is not None else ()
        self.preview.set_problems(errors)
        self.problems.set_errors(errors)
        self._recorded = recorded_days(self.session.workspace, self.community_id, self.parsed)
        self._update()
        self.checked.emit()

    # -- background jobs ---------------------------------------------------------

    def _start(
        self,
        kind: Literal["read", "check"],
        work: Callable[[Workspace, Progress, Callable[[], bool]], object],
        status: str,
    ) -> None:
        self._cancel_job()
        self._job_kind = kind
        self._job = self.session.start_job(work, self._on_job_finished)
        self.status.setText(status)
        self._update()

    def _cancel_job(self) -> None:
        """Let the job under way go: it is told to stop, and its outcome is ignored
        (the session collects it), so nothing waits for it."""
        job, self._job = self._job, None
        if job is not None:
            job.cancel()

    def _on_job_finished(self) -> None:
        job = self._job
        if job is None or not job.isFinished():
            return  # a job let go, or one still running
        self._job = None
        if isinstance(job.error, Cancelled):
            return
        if job.error is not None:
            self._failed(self._unreadable(job.error))
        elif self._job_kind == "read" and isinstance(job.result, tuple):
            table, mapping, outcome = job.result
            self._show_table(table, mapping)
            self._take(outcome)
            self.loaded.emit()
        elif self._job_kind == "check" and isinstance(job.result, Parsed | str):
            self._take(job.result)

    # -- showing the state -------------------------------------------------------

    def _update(self) -> None:
        """Texts and buttons from the state: what was read, what is wrong, what Import does."""
        busy, table, parsed = self.busy, self.table, self.parsed
        self.view.setVisible(table is not None)
        self.filler.setVisible(table is None)
        self.hint.setVisible(table is not None)
        self.columns_label.setVisible(table is not None)
        self.file_label.setText(file_text(self.path.name, self.table))
        self.summary.setText(summary_text(self.table, self.parsed) if not busy else "")
        self.summary.setVisible(bool(self.summary.text()))
        self.replaced.setText(replaced_text(self._recorded, self.parsed) if not busy else "")
        self.replaced.setVisible(bool(self.replaced.text()))
        bad = len(parsed.bad_lines) if parsed is not None and not busy else 0
        self.problems_label.setText(self.tr("&Problems (%1)").replace("%1", str(bad)))
        self.problems_label.setVisible(bad > 0)
        self.problem_list.setVisible(bad > 0)
        self.bar.setVisible(busy)
        error = self._problem
        if not busy and not error and self.session.read_only:
            error = self.tr("This workspace is open read-only, so nothing can be imported into it.")
        if not busy:
            self.status.setText(error)
        self.status.setProperty("role", "error" if error and not busy else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setVisible(bool(self.status.text()))
        good = len(parsed.rows) if parsed is not None else 0
        self.import_button.setEnabled(not busy and not error and good > 0)
        self.import_button.setText(import_text(good if self.import_button.isEnabled() else 0, bad))

    def _show_line(self, index: QModelIndex) -> None:
        """Select the problem's line in the preview, when the preview shows it."""
        row = self.preview.row_of_line(int(index.data(LINE_ROLE)))
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.preview.index(row, 0))

    # -- importing ---------------------------------------------------------------

    def import_now(self) -> bool:
        """Import: the good rows as one undoable edit, after asking when some rows are bad.

        False when nothing was imported (declined, or the import refused; the
        dialog then stays open and says why).
        """
        parsed = self.parsed
        if parsed is None or not self.import_button.isEnabled():
            return False
        bad = parsed.bad_lines
        if bad:
            question = skip_question(parsed, self._community_name)
            yes = count_text(len(parsed.rows), self.tr("Import 1 row"), self.tr("Import %1 rows"))
            if not self.confirm(self, self.tr("Import figures"), question, yes):
                self.status.setText(self.tr("Nothing was imported."))
                self.status.setProperty("role", "")
                self.status.show()
                return False
        operation = partial(import_figures, accept_partial=bool(bad))
        try:
            change = self.session.run(operation, self.community_id, parsed)
        except PlannerError as exc:
            self._problem = ui_text(str(exc))
            self._update()
            return False
        self.change = change
        if change.rows:
            text = count_text(
                len(parsed.rows),
                self.tr("Imported the figures of 1 day into “%2”."),
                self.tr("Imported the figures of %1 days into “%2”."),
            )
        else:
            text = self.tr("The figures in the file were already recorded for “%2”.")
        self.message.emit(text.replace("%2", self._community_name))
        self.accept()
        return True

    # -- closing -----------------------------------------------------------------

    def _on_session_closing(self) -> None:
        """The workspace is closing: close without a word."""
        self.session.closing.disconnect(self._on_session_closing)
        self.reject()

    def done(self, result: int) -> None:
        """Override QDialog::done (Import, Cancel, Escape): let a job under way go."""
        self._cancel_job()
        super().done(result)


_last_folder: Path | None = None


def choose_csv(parent: QWidget | None, session: Session) -> Path | None:
    """Ask for a CSV file, starting in the folder chosen last (or the workspace's)."""
    global _last_folder
    start = _last_folder or session.workspace.path.parent
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FiguresImport", "Import figures from CSV"),
        str(start),
        QCoreApplication.translate("FiguresImport", "CSV files (*.csv *.txt *.tsv);;All files (*)"),
    )
    if not name:
        return None
    _last_folder = Path(name).parent
    return Path(name)


def import_figures_file(
    parent: QWidget | None,
    session: Session,
    community_id: str,
    *,
    choose: Callable[[], Path | None] | None = None,
    report: Callable[[str], None] | None = None,
    confirm: Confirm = ask_yes_no,
) -> bool:
    """Ask for a CSV file (``choose``, by default a file dialog) and run the import dialog
    on it; True when figures were imported. ``report`` gets the dialog's message."""
    path = choose() if choose is not None else choose_csv(parent, session)
    if path is None:
        return False
    dialog = FiguresImportDialog(session, community_id, path, parent, confirm=confirm)
    if report is not None:
        dialog.message.connect(report)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.change is not None
    finally:
        dialog.deleteLater()
