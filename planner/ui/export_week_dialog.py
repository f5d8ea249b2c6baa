"""File ▸ Export week as PDF…: the weekly plan of a chosen week, printable.

The dialog picks the ISO week (‹ › steps a week, the date field jumps to the
week of any day), the communities (all, or the ticked ones), the language of
the plan, the paper and the orientation (portrait lists the week day by day,
landscape lays it out as a week grid). **Preview…** shows the pages in Qt's
print preview, from which they can also be printed; **Export…** asks for a
file and writes the PDF.

The plan is read and rendered off the GUI thread, as a job of the session
(:meth:`Session.start_job`) on a connection of its own; the job has the PDF
drawn by a child process (Qt's layout and painting hold Python's GIL for
seconds, which would freeze the GUI thread; see :mod:`planner.ui.week_export`),
so the dialog stays responsive and Cancel stops it (killing the child). The
PDF is written to a hidden file beside the chosen one and moved into place
only when whole, so a failed or cancelled export leaves nothing behind.
Exporting only reads: a read-only workspace exports like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.checklist_library import Language
from planner.communities import list_communities
from planner.errors import Cancelled, PlannerError
from planner.export.weekly_pdf import Paper
from planner.settings import Settings
from planner.ui.background import BackgroundJob, Progress, error_text
from planner.ui.locale_text import ui_language, ui_text
from planner.ui.session import Session
from planner.ui.theme import SPACING, swatch_icon
from planner.ui.week_export import (
    CannotWrite,
    Choices,
    Rendered,
    default_paper,
    plan_printer,
    print_plan,
    render,
    shown_path,
    write_pdf,
)
from planner.ui.week_picker import WeekPicker
from planner.workspace import Workspace


def pdf_filter() -> str:
    """The file dialog's filter, in the UI's language."""
    return QCoreApplication.translate("ExportWeekDialog", "PDF files (*.pdf);;All files (*)")


Confirm = Callable[[QWidget, str, str, str], bool]


def open_with_system(path: Path) -> None:
    """Open ``path`` in the system's PDF viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_to_open(parent: QWidget, title: str, text: str, open_text: str) -> bool:
    """A blocking message with ``open_text`` (the default) and Close; True for open."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    opened = box.addButton(open_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(opened)
    box.exec()
    return box.clickedButton() is opened


class ExportWeekDialog(QDialog):
    """Export the plan of one week as a PDF, or preview and print it.

    Attributes:
        week: the week picker; ``week.week`` is the chosen week.
        communities: the communities, each ticked to be in the plan.
        preview_dialog: the print preview, while it is open.

    Signals:
        exported(Path, int): a PDF was written: its path and page count.
        failed(str): the one line shown for an export or preview that failed.
        preview_ready(): the preview was made (or its error shown).
    """

    exported = Signal(object, int)
    failed = Signal(str)
    preview_ready = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        today: Callable[[], date] = date.today,
        open_file: Callable[[Path], None] = open_with_system,
        confirm: Confirm = ask_to_open,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.today = today
        self.open_file = open_file
        self.confirm = confirm
        self.preview_dialog: QPrintPreviewDialog | None = None
        self._printer: QPrinter | None = None
        self._job: BackgroundJob | None = None
        self._job_kind: Literal["export", "preview"] = "export"
        self._target: Path | None = None
        self._released = False
        self._message = ("", False)
        session.closing.connect(self._on_session_closing)
        self.setWindowTitle(self.tr("Export week as PDF"))
        self._build()
        self._update()
        self.adjustSize()

    # -- construction ------------------------------------------------------------

    def _build(self) -> None:
        self.week = WeekPicker(self.today(), self.today)
        self.week.changed.connect(lambda _w: self._say(""))
        self.all_communities = QCheckBox(self.tr("&All communities"))
        self.all_communities.setChecked(True)
        self.all_communities.clicked.connect(self._on_all_clicked)
        self.communities = QListWidget()
        self.communities.setObjectName("communities")
        for community in list_communities(self.session.workspace):
            entry = QListWidgetItem(swatch_icon(community.color), community.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            entry.setData(Qt.ItemDataRole.UserRole, community.id)
            self.communities.addItem(entry)
        rows = max(min(self.communities.count(), 8), 3)
        frame = 2 * self.communities.frameWidth()
        self.communities.setFixedHeight(rows * self.communities.sizeHintForRow(0) + frame + 2)
        self.communities.itemChanged.connect(lambda _i: self._on_ticked())
        self.empty = QLabel(
            self.tr(
                "This workspace has no communities yet, so there is no plan to export. "
                "Add one with Community ▸ New community…, plan its week on the calendar, "
                "then export it here."
            )
            if not self.session.read_only
            else self.tr("This workspace has no communities, so there is no plan to export.")
        )
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")

        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Portrait: day by day"), "portrait")
        self.orientation.addItem(self.tr("Landscape: week grid"), "landscape")
        self._restore_choices()
        self._inputs: tuple[QWidget, ...] = (self.week, self.all_communities, self.communities)
        self._inputs += (self.language, self.paper, self.orientation)

        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton(self.tr("&Preview…"))
        self.preview_button.setAutoDefault(False)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.choose_file)
        self.preview_button.clicked.connect(self.preview)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for combo in (self.language, self.paper, self.orientation):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(self._buddy(self.tr("Wee&k"), self.week.date), self.week)
        box = QWidget()
        communities = QVBoxLayout(box)
        communities.setContentsMargins(0, 0, 0, 0)
        communities.setSpacing(SPACING // 2)
        communities.addWidget(self.all_communities, 0, Qt.AlignmentFlag.AlignLeft)
        communities.addWidget(self.communities)
        communities.addWidget(self.empty)
        form.addRow(self._buddy(self.tr("&Communities"), self.communities), box)
        form.addRow(self._buddy(self.tr("&Language"), self.language), self.language)
        form.addRow(self._buddy(self.tr("Pape&r"), self.paper), self.paper)
        form.addRow(self._buddy(self.tr("&Orientation"), self.orientation), self.orientation)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    @staticmethod
    def _buddy(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _restore_choices(self) -> None:
        lang, paper, orientation = ui_language(), default_paper(), "portrait"
        if self.settings is not None:
            lang = self.settings.get("week_pdf_language") or lang
            paper = self.settings.get("week_pdf_paper") or paper
            orientation = self.settings.get("week_pdf_orientation") or orientation
        combos = (self.language, self.paper, self.orientation)
        for combo, value in zip(combos, (lang, paper, orientation), strict=True):
            combo.setCurrentIndex(max(combo.findData(value), 0))

    def _save_choices(self) -> None:
        if self.settings is not None:
            self.settings.set("week_pdf_language", str(self.language.currentData()))
            self.settings.set("week_pdf_paper", str(self.paper.currentData()))
            self.settings.set("week_pdf_orientation", str(self.orientation.currentData()))

    # -- the choices -------------------------------------------------------------

    def _entries(self) -> list[QListWidgetItem]:
        return [self.communities.item(n) for n in range(self.communities.count())]

    def chosen_ids(self) -> tuple[str, ...]:
        """The ticked communities' ids; empty when every one is ticked (all)."""
        entries = self._entries()
        ticked = [e for e in entries if e.checkState() == Qt.CheckState.Checked]
        if len(ticked) == len(entries):
            return ()
        return tuple(str(e.data(Qt.ItemDataRole.UserRole)) for e in ticked)

    def choices(self) -> Choices:
        lang: Language = "zh" if self.language.currentData() == "zh" else "en"
        paper: Paper = "letter" if self.paper.currentData() == "letter" else "a4"
        return Choices(
            week=self.week.week,
            communities=self.chosen_ids(),
            lang=lang,
            paper=paper,
            landscape=self.orientation.currentData() == "landscape",
        )

    def set_ticked(self, community_ids: set[str]) -> None:
        """Tick exactly the communities in ``community_ids``."""
        for entry in self._entries():
            ticked = entry.data(Qt.ItemDataRole.UserRole) in community_ids
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _on_all_clicked(self, checked: bool) -> None:
        self.set_ticked(
            {str(e.data(Qt.ItemDataRole.UserRole)) for e in self._entries()} if checked else set()
        )

    def _on_ticked(self) -> None:
        entries = self._entries()
        ticked = sum(e.checkState() == Qt.CheckState.Checked for e in entries)
        state = (
            Qt.CheckState.Checked
            if ticked == len(entries)
            else Qt.CheckState.Unchecked
            if ticked == 0
            else Qt.CheckState.PartiallyChecked
        )
        # Tri-state only while some are ticked, so a click goes on to all, or to none.
        self.all_communities.setTristate(state == Qt.CheckState.PartiallyChecked)
        self.all_communities.setCheckState(state)
        self._update()

    def _can_export(self) -> bool:
        return any(e.checkState() == Qt.CheckState.Checked for e in self._entries())

    def _update(self) -> None:
        """Enable what can be used now, and say what is going on, or what went wrong."""
        busy = self.busy
        has_communities = self.communities.count() > 0
        self.communities.setVisible(has_communities)
        self.all_communities.setVisible(has_communities)
        self.empty.setVisible(not has_communities)
        for widget in self._inputs:
            widget.setEnabled(not busy and has_communities)
        ready = not busy and self._can_export()
        self.export_button.setEnabled(ready)
        self.preview_button.setEnabled(ready)
        self.bar.setVisible(busy)
        text, error = self._message
        if has_communities and not busy and not self._can_export():
            text, error = self.tr("Tick at least one community."), True
        self.status.setProperty("role", "error" if error else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _say(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` under the choices (an error in red) until the next change."""
        self._message = (text, error)
        self._update()

    # -- exporting ---------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while an export or a preview is being made."""
        return self._job is not None

    def choose_file(self) -> None:
        """Export…: ask where to write the PDF, then write it."""
        if self.busy or not self._can_export():
            return
        last = self.settings.get("week_pdf_folder") if self.settings else ""
        folder = Path(last) if last and Path(last).is_dir() else self.session.workspace.path.parent
        name = self.tr("Weekly plan %1.pdf").replace("%1", self.week.week.label)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export week as PDF"), str(folder / name), pdf_filter()
        )
        if chosen:
            path = Path(chosen)
            self.export_to(path if path.suffix else path.with_suffix(".pdf"))

    def export_to(self, path: Path) -> bool:
        """Write the chosen week's plan to ``path`` off the GUI thread; False if not started.

        :attr:`exported` or :attr:`failed` says how it ended.
        """
        if self.busy or not self._can_export() or self._released:
            return False
        choices, today, out = self.choices(), self.today(), Path(path)

        def work(ws: Workspace, _progress: Progress, cancelled: Callable[[], bool]) -> object:
            return write_pdf(ws, choices, today, out, cancelled)

        self._save_choices()
        self._target = out
        self._start("export", work, self.tr("Exporting %1…").replace("%1", choices.week.label))
        return True

    def preview(self) -> bool:
        """Preview…: render the plan off the GUI thread, then show the print preview."""
        if self.busy or not self._can_export() or self._released:
            return False
        choices, today = self.choices(), self.today()

        def work(ws: Workspace, _progress: Progress, _cancelled: Callable[[], bool]) -> object:
            return render(ws, choices, today)

        self._save_choices()
        self._start("preview", work, self.tr("Preparing the preview…"))
        return True

    def _start(
        self,
        kind: Literal["export", "preview"],
        work: Callable[[Workspace, Progress, Callable[[], bool]], object],
        status: str,
    ) -> None:
        self._job_kind = kind
        self._job = self.session.start_job(work, self._on_job_finished)
        self._say(status)
        self.cancel_button.setFocus()

    def cancel(self) -> None:
        """Stop the export or preview under way and wait for it; nothing is written."""
        job, self._job = self._job, None
        if job is None:
            return
        job.cancel()
        job.wait()
        if not self._released:
            self.session.collect(job)
        self._say(self.tr("Cancelled; no file was written."))

    def _on_job_finished(self) -> None:
        job = self._job
        if job is None or not job.isFinished():
            return  # cancelled (and reported) already
        self._job = None
        self._say("")
        if isinstance(job.error, Cancelled):
            self._say(self.tr("Cancelled; no file was written."))
        elif job.error is not None:
            message = self._error_line(job.error)
            self._say(message, error=True)
            self.failed.emit(message)
        elif self._job_kind == "preview" and isinstance(job.result, Rendered):
            self._show_preview(job.result)
        elif self._job_kind == "export" and isinstance(job.result, int):
            assert self._target is not None
            self._done(self._target, job.result)
        if self._job_kind == "preview":
            self.preview_ready.emit()

    def _error_line(self, error: BaseException) -> str:
        if isinstance(error, CannotWrite):
            return (
                self.tr("Could not write %1: %2")
                .replace("%1", shown_path(error.path))
                .replace("%2", error.reason)
            )
        if isinstance(error, PlannerError):
            return ui_text(str(error))
        what = (
            self.tr("The plan could not be exported")
            if self._job_kind == "export"
            else self.tr("The preview could not be made")
        )
        return error_text(error, what)

    def _done(self, path: Path, pages: int) -> None:
        if self.settings is not None:
            self.settings.set("week_pdf_folder", str(path.parent))
        self.exported.emit(path, pages)
        label = self.week.week.label
        text = (
            self.tr("Wrote the plan for %1 (1 page) to %3.")
            if pages == 1
            else self.tr("Wrote the plan for %1 (%2 pages) to %3.")
        )
        text = text.replace("%1", label).replace("%2", str(pages))
        text = text.replace("%3", shown_path(path))
        if self.confirm(self, self.tr("Weekly plan exported"), text, self.tr("&Open")):
            self.open_file(path)
        self.accept()

    # -- the preview -------------------------------------------------------------

    def _show_preview(self, rendered: Rendered) -> None:
        choices = self.choices()
        printer = plan_printer(choices, rendered.title)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Preview of %1").replace("%1", choices.week.label))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(lambda target: self.paint_preview(target, rendered))
        dialog.destroyed.connect(self._on_preview_closed)
        self._printer = printer  # the dialog paints on it: it lives as long as the dialog
        self.preview_dialog = dialog
        screen = self.screen().availableGeometry()
        dialog.resize(min(960, screen.width() * 9 // 10), screen.height() * 9 // 10)
        dialog.open()

    def _on_preview_closed(self) -> None:
        self.preview_dialog = None
        self._printer = None

    def paint_preview(self, printer: QPrinter, rendered: Rendered) -> int:
        """Lay the plan out for ``printer``'s paper and paint it; the number of pages."""
        try:
            return print_plan(printer, rendered)
        except PlannerError as exc:
            self._say(ui_text(str(exc)), error=True)
            return 0

    # -- closing -----------------------------------------------------------------

    def _on_session_closing(self) -> None:
        """The workspace is closing: stop what runs, and close without a word."""
        if self._released:
            return
        self.session.closing.disconnect(self._on_session_closing)
        self.cancel()
        self._released = True
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        super().reject()

    def reject(self) -> None:
        """Override QDialog::reject (Cancel, Esc): stop an export under way; else close."""
        if self.busy:
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        """Override QDialog::done: never leave a worker running behind the dialog."""
        self.cancel()
        super().done(result)
