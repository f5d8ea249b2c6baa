"""The replicate wizard: make a new community from one that works.

Four steps: the new community's name, start date and stage; what to copy
(content series one by one, templates, checklist); a preview of exactly what
will be written and what will not; then the copy. The preview's plan and the
copy run off the GUI thread, each on a connection of its own
(:func:`planner.workspace.open_worker_workspace`); the copy shows its
progress and can be cancelled, which rolls it back. It is one edit, which
goes on the window's undo history (:meth:`Session.adopt`), so one Undo
takes all of it back.

The jobs are the session's (:meth:`Session.start_job`): when the workspace
closes under the wizard (the window closed, another workspace opened), the
session's ``closing`` closes the wizard first, and the session cancels and
waits for the jobs; a copy that had already committed is adopted all the
same, one that had not is rolled back. After that the wizard touches the
session no more, and a job's late ``finished`` finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.communities import NAME_MAX, Stage, get_community
from planner.communities import validate as validate_community
from planner.community_templates import linked_templates
from planner.errors import Cancelled, ValidationError
from planner.replicate import (
    FIRST_START,
    LAST_START,
    ReplicationPlan,
    next_monday,
    plan_replication,
    replicate,
    suggest_name,
)
from planner.replicate_series import SeriesChoice, SeriesSkip, series_choices
from planner.ui.background import BackgroundJob, Progress, Work, error_text
from planner.ui.field_errors import FieldErrors
from planner.ui.labels import stage_hint, stage_label
from planner.ui.locale_text import ui_language, ui_text
from planner.ui.replicate_preview import PreviewTree, checklist_count, rule_text
from planner.ui.session import Session
from planner.ui.theme import SPACING
from planner.workspace import Workspace


class BasicsPage(QWizardPage):
    """The new community's name, start date and stage."""

    def __init__(self, wizard: ReplicateWizard) -> None:
        super().__init__()
        self._wizard = wizard
        ws = wizard.session.workspace
        self.setTitle(self.tr("A new community from “%1”").replace("%1", wizard.source.name))
        self.setSubTitle(
            self.tr(
                "It gets this community's positioning, structure, content rhythm, templates "
                "and checklist. You will see everything before it is made."
            )
        )
        self.errors = FieldErrors()
        self.name = QLineEdit(suggest_name(ws, wizard.source.name))
        self.name.setMaxLength(NAME_MAX)
        self.name.setMinimumWidth(360)
        self.name.textEdited.connect(lambda _t: self.errors.set("name", ""))
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd  ddd")
        self.start.setDateRange(
            QDate(FIRST_START.year, FIRST_START.month, FIRST_START.day),
            QDate(LAST_START.year, LAST_START.month, LAST_START.day),
        )
        first = next_monday(wizard.today)
        self.start.setDate(QDate(first.year, first.month, first.day))
        self.start_hint = QLabel(
            self.tr("Each content series starts on the first matching day from this date.")
        )
        self.start_hint.setProperty("role", "hint")
        self.start_hint.setWordWrap(True)
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        for stage in Stage:
            self.stage.addItem(f"{stage.number}. {stage_label(stage)}", stage.value)
        self.stage_hint = QLabel(stage_hint(Stage.BUILD))
        self.stage_hint.setProperty("role", "hint")
        self.stage.currentIndexChanged.connect(
            lambda _i: self.stage_hint.setText(stage_hint(Stage(self.stage.currentData())))
        )
        self.read_only = QLabel(
            self.tr("This workspace is open read-only, so no community can be added to it.")
        )
        self.read_only.setProperty("role", "error")
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(wizard.session.read_only)

        form = QFormLayout(self)
        form.setSpacing(SPACING)
        form.addRow(self.tr("&Name"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("&Starts on"), self.start)
        form.addRow("", self.start_hint)
        form.addRow(self.tr("S&tage"), self.stage)
        form.addRow("", self.stage_hint)
        form.addRow(self.read_only)

    def start_date(self) -> date:
        day = self.start.date()
        return date(day.year(), day.month(), day.day())

    def isComplete(self) -> bool:
        """Override QWizardPage::isComplete."""
        return not self._wizard.session.read_only

    def validatePage(self) -> bool:
        """Override QWizardPage::validatePage: a free name is needed to go on."""
        try:
            validate_community(self._wizard.session.workspace, {"name": self.name.text()})
        except ValidationError as exc:
            self.errors.show({k: ui_text(v) for k, v in exc.fields.items()})
            self.name.setFocus()
            return False
        self.errors.show({})
        return True


class ContentsPage(QWizardPage):
    """What to copy: content series one by one, templates, the checklist."""

    def __init__(self, wizard: ReplicateWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("What to copy"))
        self.setSubTitle(
            self.tr(
                "Positioning, segment, platform, joining principles, group rules and owner "
                "are always copied."
            )
        )
        choices = wizard.choices
        self.series = QCheckBox(self.tr("Content series (%1)").replace("%1", str(len(choices))))
        self.series.setObjectName("copy_series")
        self.series.setChecked(bool(choices))
        self.series.setEnabled(bool(choices))
        self.series_list = QListWidget()
        self.series_list.setObjectName("series_list")
        for choice in choices:
            self.series_list.addItem(self._series_item(choice))
        self.series_list.setVisible(bool(choices))
        # As tall as its rows (up to ten), so a short list leaves no empty box.
        rows = max(min(len(choices), 10), 1)
        frame = 2 * self.series_list.frameWidth()
        self.series_list.setMaximumHeight(rows * self.series_list.sizeHintForRow(0) + frame + 2)
        self.series.toggled.connect(self.series_list.setEnabled)
        if not choices:
            hint = self.tr("This community has no recurring content yet.")
        elif all(choice.default for choice in choices):
            hint = self.tr("Every series is still running, so every one is ticked.")
        else:
            hint = self.tr(
                "Ticked: the series still running. The others have ended, are cancelled "
                "or were continued by a later series; tick one to copy it too."
            )
        self.series_hint = QLabel(hint)
        self.series_hint.setProperty("role", "hint")
        self.series_hint.setWordWrap(True)

        links = [link for link in wizard.links if link.template is not None]
        self.templates = QCheckBox(
            self.tr("Templates (%1): your own are duplicated, built-in ones linked").replace(
                "%1", str(len(links))
            )
        )
        self.templates.setObjectName("copy_templates")
        self.templates.setChecked(bool(links))
        self.templates.setEnabled(bool(links))
        self.checklist = QCheckBox(
            self.tr("This community's checklist: its own items, order and hidden items, unticked")
        )
        self.checklist.setObjectName("copy_checklist")
        self.checklist.setChecked(True)
        self.checklist_hint = QLabel()
        self.checklist_hint.setProperty("role", "hint")
        self.checklist_hint.setWordWrap(True)
        self.checklist.toggled.connect(self._on_checklist)
        self._on_checklist(True)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.series)
        layout.addWidget(self.series_list)
        layout.addWidget(self.series_hint)
        layout.addSpacing(SPACING)
        layout.addWidget(self.templates)
        layout.addWidget(self.checklist)
        layout.addWidget(self.checklist_hint)
        layout.addStretch(1)

    def _series_item(self, choice: SeriesChoice) -> QListWidgetItem:
        item = choice.item
        text = f"{item.title} — {rule_text(item)}"
        note = {
            SeriesSkip.NONE: "",
            SeriesSkip.ENDED: self.tr("ended"),
            SeriesSkip.CANCELLED: self.tr("cancelled"),
            SeriesSkip.CONTINUED: self.tr("continued by a later series of the same name"),
        }[choice.skip]
        entry = QListWidgetItem(f"{text}   ({note})" if note else text)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked if choice.default else Qt.CheckState.Unchecked)
        entry.setData(Qt.ItemDataRole.UserRole, item.id)
        entry.setToolTip(text)
        return entry

    def _on_checklist(self, checked: bool) -> None:
        self.checklist_hint.setText(
            self.tr("Ticks, done dates, notes and due dates are cleared.")
            if checked
            else self.tr("The new community gets a fresh checklist from the library.")
        )

    def series_ids(self) -> list[str]:
        return [
            str(entry.data(Qt.ItemDataRole.UserRole))
            for entry in (self.series_list.item(n) for n in range(self.series_list.count()))
            if entry.checkState() == Qt.CheckState.Checked
        ]


class PreviewPage(QWizardPage):
    """Exactly what will be made, and what stays behind; planned off the GUI thread.

    Signals:
        ready(): the preview is shown (or its error is).
    """

    ready = Signal()

    def __init__(self, wizard: ReplicateWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._job: BackgroundJob | None = None
        self.plan: ReplicationPlan | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing is written until you click Replicate."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Replicate"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tree = PreviewTree()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)

    def initializePage(self) -> None:
        """Override QWizardPage::initializePage: plan with the options chosen."""
        w = self._wizard
        basics, contents = w.basics, w.contents
        source_id, name, start = w.source.id, basics.name.text(), basics.start_date()
        stage = Stage(basics.stage.currentData())
        series_ids = contents.series_ids() if contents.series.isChecked() else []
        templates = contents.templates.isChecked()
        from_source = contents.checklist.isChecked()
        lang, today = ui_language(), w.today

        def work(ws: Workspace, _progress: Progress, cancelled: Callable[[], bool]) -> object:
            return plan_replication(
                ws,
                source_id,
                name,
                start,
                stage=stage,
                series_ids=series_ids,
                templates=templates,
                checklist_from_source=from_source,
                lang=lang,
                today=today,
                cancelled=cancelled,
            )

        self.plan = None
        self.tree.clear()
        self.status.setProperty("role", "hint")
        self.status.setText(self.tr("Preparing the preview…"))
        self._restyle()
        self._job = w.start_job(work, self._on_finished)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        """Override QWizardPage::cleanupPage (Back): stop and forget a plan still being made."""
        if self._job is not None:
            self._job.cancel()
        self._job = None
        self.plan = None

    def _on_finished(self) -> None:
        job = self._job
        if job is None or not job.isFinished():
            return  # an older plan, replaced since
        self._job = None
        if isinstance(job.error, Cancelled):
            return  # the wizard is closing
        if isinstance(job.result, ReplicationPlan):
            self.plan = job.result
            self.status.setProperty("role", "")
            self.status.setText(self.tr("“%1” will be made with:").replace("%1", self.plan.name))
            self.tree.show_plan(self.plan)
        else:
            error = job.error or RuntimeError("no plan")
            self.status.setProperty("role", "error")
            self.status.setText(
                ui_text(error_text(error, self.tr("The preview could not be made")))
            )
        self._restyle()
        self.completeChanged.emit()
        self.ready.emit()

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def isComplete(self) -> bool:
        """Override QWizardPage::isComplete: the plan is there."""
        return self.plan is not None


class RunPage(QWizardPage):
    """The copy itself, with its progress; cancelling rolls it back."""

    def __init__(self, wizard: ReplicateWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._job: BackgroundJob | None = None
        self.setTitle(self.tr("Replicating"))
        self.setSubTitle(self.tr("Cancel stops it, and nothing is changed."))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.hide()
        self.retry.clicked.connect(self.initializePage)
        row = QHBoxLayout()
        row.addWidget(self.retry)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Override QWizardPage::initializePage: start the copy."""
        plan = self._wizard.preview.plan
        assert plan is not None

        def work(ws: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            return replicate(ws, plan, progress, cancelled)

        self.error.hide()
        self.retry.hide()
        self.bar.setRange(0, plan.steps)
        self.bar.setValue(0)
        self.status.setText(self.tr("Making “%1”…").replace("%1", plan.name))
        self._job = self._wizard.start_job(work, self.collect, self._on_progress, commits=True)
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(True)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def collect(self) -> None:
        """Take the finished copy's outcome (once): show it, or show why it failed.

        The session adopts the copy's change (:meth:`Session.collect`, which
        does it once, whoever asks first), so Undo takes it back.
        """
        job = self._job
        if job is None or not job.isFinished():
            return
        self._job = None
        if not self._wizard.session_released:
            self._wizard.session.collect(job)
        change = job.committed()
        if change is not None and isinstance(job.result, tuple):
            new_id = str(job.result[0])
            self._wizard.new_id = new_id
            self.bar.setValue(self.bar.maximum())
            self.setTitle(self.tr("Done"))
            self.setSubTitle(self.tr("Edit ▸ Undo takes all of it back in one step."))
            plan = self._wizard.preview.plan
            if plan is not None:
                self.status.setText(self.summary(plan))
            self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            self.completeChanged.emit()
            if not self._wizard.session_closing:
                self._wizard.replicated.emit(new_id)
            return
        error = job.error or RuntimeError("nothing was returned")
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled; nothing was changed."))
            return
        message = ui_text(
            error_text(error, self.tr("The community could not be replicated; nothing was changed"))
        )
        self.status.setText(self.tr("Nothing was changed."))
        self.error.setText(message)
        self.error.show()
        self.retry.show()
        self._wizard.failed.emit(message)

    def summary(self, plan: ReplicationPlan) -> str:
        items, _hidden = checklist_count(plan)
        return (
            self.tr(
                "“%1” is ready in the sidebar, with %2 content series, %3 templates and "
                "a checklist of %4 items."
            )
            .replace("%1", plan.name)
            .replace("%2", str(len(plan.series)))
            .replace("%3", str(len(plan.templates)))
            .replace("%4", str(items))
        )

    def isComplete(self) -> bool:
        """Override QWizardPage::isComplete: done once the copy is written."""
        return self._wizard.new_id is not None


class ReplicateWizard(QWizard):
    """Make a new community from ``community_id``; works with ``open()`` or ``exec()``.

    Attributes:
        new_id: the new community's id, once it is made.
        session_closing: True once the session's workspace is closing: the
            wizard closes, and says nothing of a copy it finds made.
        session_released: True once the wizard has stopped its jobs for a
            closing session, and uses the session no more.

    Signals:
        replicated(str): the new community's id, once it is written and announced.
        failed(str): the one-line reason the copy failed (nothing was written).
    """

    replicated = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        community_id: str,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        ws = session.workspace
        self.today = today or date.today()
        self.source = get_community(ws, community_id)
        self.choices = series_choices(ws, community_id, self.today)
        self.links = linked_templates(ws, community_id)
        self.new_id: str | None = None
        self.session_closing = False
        self.session_released = False
        self._jobs: list[BackgroundJob] = []
        session.closing.connect(self._on_session_closing)
        self.setWindowTitle(self.tr("Replicate “%1”").replace("%1", self.source.name))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.basics = BasicsPage(self)
        self.contents = ContentsPage(self)
        self.preview = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.basics, self.contents, self.preview, self.run_page):
            self.addPage(page)
        self.setMinimumSize(800, 580)

    def start_job(
        self,
        work: Work,
        done: Callable[[], None],
        progressed: Callable[[int, int], None] | None = None,
        *,
        commits: bool = False,
    ) -> BackgroundJob:
        """Run ``work`` off the GUI thread, as a job of the session (:meth:`Session.start_job`).

        ``done`` (called when it has ended) and ``progressed`` are methods of
        this wizard's pages, connected before the job starts.
        """
        self._jobs = [j for j in self._jobs if not j.isFinished()]
        job = self.session.start_job(work, done, progressed, commits=commits)
        self._jobs.append(job)
        return job

    def _stop_jobs(self) -> None:
        """Cancel what runs and wait for it: a copy stops at its next row and rolls back,
        a plan at its next series."""
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.cancel()
        for job in jobs:
            job.wait()
            if not self.session_released:
                self.session.collect(job)
        # A copy that committed before it saw the cancel still goes on the history.
        self.run_page.collect()

    def _on_session_closing(self) -> None:
        """The workspace is closing under the wizard: stop, and close without a word.

        The session is still open: a copy that committed is adopted (by
        :meth:`_stop_jobs`); from then on the wizard leaves the session alone.
        """
        if self.session_closing:
            return
        self.session_closing = True
        self.session.closing.disconnect(self._on_session_closing)
        self._stop_jobs()
        self.session_released = True
        self.reject()

    def reject(self) -> None:
        """Override QDialog::reject: cancel a copy under way (rolled back) first."""
        self._stop_jobs()
        super().reject()

    def done(self, result: int) -> None:
        """Override QDialog::done: never leave a worker running behind the dialog."""
        self._stop_jobs()
        super().done(result)
