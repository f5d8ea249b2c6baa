"""Sharing a workspace with teammates, as the window offers it.

- File ▸ Share a copy…: a snapshot written off the GUI thread.
- File ▸ Merge from teammate's file…: the file is checked and the merge
  planned off the GUI thread (with progress and Cancel); the merge dialog
  shows what it brings and the conflicts to resolve; then a backup is
  written and the merge applied, off the GUI thread too, as one undoable step.
- On opening a workspace: a warning when it lives in a sync-tool or network
  folder (with the offer to work on a local copy), and the sync tool's
  conflicted copies of it found beside it, offered for merging.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from planner.communities import list_communities
from planner.errors import PlannerError
from planner.i18n import Text
from planner.incoming import file_digest
from planner.lock import machine_label
from planner.merge import MergePlan
from planner.merge_apply import apply_merge
from planner.merge_file import backup_before_merge, prepare_merge, summary_line
from planner.paths import AppPaths
from planner.settings import Settings
from planner.snapshot import snapshot_name, write_snapshot
from planner.sync_folders import conflicted_copies, sync_service
from planner.template_library import list_templates
from planner.ui.background import BackgroundJob, Progress, error_text
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.workspace import WORKSPACE_SUFFIX, Workspace


class Sharing(QObject):
    """The share and merge flows of one window.

    Signals:
        message(str): a line for the status bar.
        open_requested(Path): the window should open this workspace (a local copy).
    """

    message = Signal(str)
    open_requested = Signal(object)

    def __init__(
        self,
        window: QWidget,
        paths: AppPaths,
        settings: Settings,
        device_id: str,
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.settings = settings
        self.device_id = device_id
        self.show_error = show_error
        self.session: Session | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: QWidget | None = None
        self._job: BackgroundJob | None = None
        self._target: Path | None = None
        self._plan: MergePlan | None = None
        self._copies_of: Path | None = None  # merging a conflicted copy of this workspace

    def set_session(self, session: Session | None) -> None:
        """Follow the window's workspace; a flow under way ends with the old one."""
        if self.session is not None:
            self.session.closing.disconnect(self._end)
        self._end()
        self.session = session
        if session is not None:
            session.closing.connect(self._end)

    @property
    def busy(self) -> bool:
        return self._job is not None or self.dialog is not None

    # -- share a copy ---------------------------------------------------------

    def choose_share_target(self) -> None:
        if self.session is None or self.busy:
            return
        ws = self.session.workspace
        start = ws.path.parent / snapshot_name(ws.path.stem, date.today().isoformat())
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Share a copy"),
            str(start),
            self.tr("Community Planner workspaces (*.cplan)"),
        )
        if name:
            path = Path(name)
            if path.suffix != WORKSPACE_SUFFIX:
                path = path.with_name(path.name + WORKSPACE_SUFFIX)
            self.share_to(path)

    def share_to(self, target: Path) -> None:
        """Write a snapshot of the open workspace to ``target`` (off the GUI thread)."""
        if self.session is None or self.busy:
            return
        device, label = self.device_id, machine_label()

        def work(ws: Workspace, _progress: Progress, _cancelled: Callable[[], bool]) -> object:
            return write_snapshot(ws, target, device_id=device, device_label=label)

        self._target = target
        self._show_progress(
            self.tr("Writing a copy to share…"), cancellable=False, title=self.tr("Share a copy")
        )
        self._job = self.session.start_job(work, self._on_shared)

    def _on_shared(self) -> None:
        job, target = self._take_job(), self._target
        if job is None or target is None:
            return
        if job.error is not None:
            self.show_error(
                ui_text(error_text(job.error, self.tr("The copy could not be written")))
            )
            return
        if self.session is not None and self.session.read_only:
            text = self.tr("Wrote %1: a copy of this read-only workspace to send.")
        else:
            text = self.tr(
                "Wrote %1: send it to your teammate, and merge their copy back with "
                "File ▸ Merge from teammate's file."
            )
        self.message.emit(text.replace("%1", target.name))

    # -- merge ----------------------------------------------------------------

    def choose_merge_source(self) -> None:
        if self.session is None or self.session.read_only or self.busy:
            return
        start = str(self.session.workspace.path.parent)
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Merge from teammate's file"),
            start,
            self.tr("Community Planner workspaces (*.cplan)"),
        )
        if name:
            self.merge_from(Path(name))

    def merge_from(self, source: Path) -> None:
        """Check ``source`` and plan the merge off the GUI thread; then show the dialog."""
        if self.session is None or self.busy:
            return
        if self.session.read_only:
            self.show_error(
                self.tr("This workspace is open read-only, so nothing can be merged into it.")
            )
            return

        def work(ws: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            return prepare_merge(ws, source, progress=progress, cancelled=cancelled)

        self._show_progress(
            self.tr("Checking %1 and comparing it with this workspace…").replace("%1", source.name),
            cancellable=True,
            title=self.tr("Merge"),
        )
        self._job = self.session.start_job(work, self._on_planned, self._on_progress)

    def _on_planned(self) -> None:
        job = self._take_job()
        if job is None or self.session is None:
            return
        if self._merge_failed(job):
            return
        plan = job.result
        assert isinstance(plan, MergePlan)
        if plan.up_to_date:
            if plan.takes:
                # Only changes nobody sees (the same edit on both sides): taken
                # quietly, not as an undoable step, so later merges agree.
                try:
                    apply_merge(self.session.workspace, plan)
                except PlannerError as exc:
                    self.show_error(ui_text(str(exc)))
                    return
            self.message.emit(
                self.tr(
                    "%1 has nothing new: this workspace already holds every change in it."
                ).replace("%1", plan.source.name)
            )
            return
        from planner.ui.merge_dialog import MergeDialog  # only when used

        names = {c.id: c.name for c in list_communities(self.session.workspace, trash=True)}
        names |= {c.id: c.name for c in list_communities(self.session.workspace)}
        templates = {t.id: t.name for t in list_templates(self.session.workspace)}
        dialog = MergeDialog(
            plan, community_names=names, template_names=templates, parent=self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.finished.connect(self._on_dialog_finished)
        self._plan = plan
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def _on_dialog_accepted(self) -> None:
        dialog, plan = self.dialog, self._plan
        if dialog is None or plan is None or self.session is None:
            return
        choices = dialog.choices()  # type: ignore[attr-defined]
        folder = self.paths.data_dir / "backups"

        def work(ws: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            backup = backup_before_merge(ws, folder)
            try:
                change = apply_merge(ws, plan, choices, progress=progress, cancelled=cancelled)
            except BaseException:
                backup.unlink(missing_ok=True)  # nothing changed: no backup to keep
                raise
            return backup, change

        self._show_progress(
            self.tr("Merging %1…").replace("%1", plan.source.name),
            cancellable=True,
            title=self.tr("Merge"),
        )
        self._job = self.session.start_job(work, self._on_merged, self._on_progress, commits=True)

    def _on_merged(self) -> None:
        job, plan = self._take_job(), self._plan
        self._plan = None
        if job is None or plan is None:
            return
        copies_of, self._copies_of = self._copies_of, None
        if self._merge_failed(job):
            return
        result = job.result
        assert isinstance(result, tuple)
        backup: Path = result[0]
        summary = ui_text(summary_line(plan, resolved=True))
        self.message.emit(
            self.tr("Merged %1: %2. Edit ▸ Undo takes it back (backup: %3).")
            .replace("%1", plan.source.name)
            .replace("%2", summary)
            .replace("%3", backup.name)
        )
        if copies_of is not None:
            self.offer_conflicted_copies(copies_of)

    def _merge_failed(self, job: BackgroundJob) -> bool:
        """Say why a merge job did not finish (cancelled, or its error); False if it did."""
        if job.error is None:
            return False
        if job.cancelled():
            self.message.emit(self.tr("Merge cancelled; nothing was changed."))
        else:
            self.show_error(ui_text(error_text(job.error, self.tr("The file could not be merged"))))
        return True

    # -- sync folders ---------------------------------------------------------

    def check_location(self, path: Path) -> None:
        """Warn about a workspace in a sync or network folder; offer its conflicted copies."""
        if self.session is None:
            return
        service = sync_service(path)
        ignored = self.settings.get("sync_warning_ignored")
        if service and str(path.resolve()) not in ignored and not self.session.read_only:
            self._warn_sync(path, service)
            return
        self.offer_conflicted_copies(path)

    def _warn_sync(self, path: Path, service: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Workspace in a synced folder"))
        # “a network folder” is a phrase of its own; “Dropbox” a sync tool's name.
        if isinstance(service, Text) or service.startswith("a "):
            box.setText(self.tr("This workspace is in %1.").replace("%1", ui_text(service)))
        else:
            box.setText(self.tr("This workspace is in a %1 folder.").replace("%1", service))
        box.setInformativeText(
            self.tr(
                "Sync tools copy a workspace while it is being written, and make conflicted "
                "copies when two people edit it. Work on a copy on this computer instead (it "
                "goes to %1), share it with File ▸ Share a copy, and merge what teammates "
                "send back with File ▸ Merge from teammate's file."
            ).replace("%1", str(self.paths.data_dir))
        )
        local = box.addButton(self.tr("Work on a local copy"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep working here"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(local)
        remember = QCheckBox(self.tr("Don't warn me again for this workspace"))
        box.setCheckBox(remember)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            self.dialog = None
            if box.clickedButton() is local:
                # Opening the copy turns the event loop while the file is checked
                # (wait_for), which may delete this box (it deletes itself on
                # close) while its finished signal is still being sent: go on
                # from the event loop's next turn instead.
                QTimer.singleShot(0, self, lambda: self._work_locally(path))
                return
            if remember.isChecked():
                ignored = list(self.settings.get("sync_warning_ignored"))
                self.settings.set("sync_warning_ignored", [*ignored, str(path.resolve())])
            self.offer_conflicted_copies(path)

        box.finished.connect(done)
        self.dialog = box
        box.open()

    def _work_locally(self, path: Path) -> None:
        """Open a local copy of the synced ``path``; offer the sync tool's copies of it."""
        if self.make_local_copy(path) is not None:
            # The sync tool's copies stay beside the synced file: offer them
            # for merging into the local copy now open.
            self.offer_conflicted_copies(path)

    def make_local_copy(self, path: Path) -> Path | None:
        """Copy the open workspace into the app's folder and ask the window to open it."""
        if self.session is None:
            return None
        folder = self.paths.data_dir
        target = folder / path.name
        n = 2
        while target.exists():
            target = folder / f"{path.stem} ({n}){path.suffix}"
            n += 1
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_snapshot(
                self.session.workspace,
                target,
                device_id=self.device_id,
                device_label=machine_label(),
            )
        except (PlannerError, OSError) as exc:
            self.show_error(ui_text(str(exc)))
            return None
        self.open_requested.emit(target)
        self.message.emit(
            self.tr("Working on a local copy: %1. The synced file stays as it was.").replace(
                "%1", str(target)
            )
        )
        return target

    def offer_conflicted_copies(self, path: Path) -> None:
        """List the sync tool's conflicted copies of ``path``; merge the one chosen."""
        if self.session is None or self.session.read_only or self.busy:
            return
        ws = self.session.workspace
        merged = {str(d) for (d,) in ws.db.execute("SELECT file_digest FROM merge_log")}
        copies = [c for c in conflicted_copies(path) if _digest(c) not in merged]
        if not copies:
            return
        dialog = ConflictedCopiesDialog(copies, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            self.dialog = None
            chosen = dialog.chosen()
            if result == QDialog.DialogCode.Accepted and chosen is not None:
                self.merge_from(chosen)
                self._copies_of = path

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    # -- progress ---------------------------------------------------------------

    def _show_progress(self, text: str, *, cancellable: bool, title: str) -> None:
        progress = QProgressDialog(
            text, self.tr("Cancel") if cancellable else "", 0, 0, self.window
        )
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        if not cancellable:
            progress.setCancelButton(None)
        progress.canceled.connect(self._cancel)
        self.progress = progress

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _take_job(self) -> BackgroundJob | None:
        """The job that just finished, collected; the progress dialog closes."""
        job, self._job = self._job, None
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if job is not None and self.session is not None:
            self.session.collect(job)
        return job

    def _end(self) -> None:
        """The workspace is closing: close the dialog; the session stops the job,
        whose outcome is then ignored here (a merge it committed is on the history)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        if self._job is not None:
            self._job.cancel()
        self._job = None
        self._plan = None
        self._copies_of = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None


def _digest(path: Path) -> str:
    try:
        return file_digest(path)
    except OSError:
        return ""


class ConflictedCopiesDialog(QDialog):
    """The sync tool's conflicted copies of a workspace, to choose one to merge."""

    def __init__(self, copies: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicted copies found"))
        text = QLabel(
            self.tr(
                "Your sync tool made conflicted copies of this workspace (newest first). They "
                "hold changes made elsewhere: merge one to bring its changes in. Records "
                "changed on both sides are shown for you to choose."
            )
            if len(copies) > 1
            else self.tr(
                "Your sync tool made a conflicted copy of this workspace. It holds changes "
                "made elsewhere: merge it to bring them in. Records changed on both sides "
                "are shown for you to choose."
            )
        )
        text.setWordWrap(True)
        self.list = QListWidget()
        for copy in copies:
            item = QListWidgetItem(copy.name)
            item.setData(Qt.ItemDataRole.UserRole, str(copy))
            item.setToolTip(str(copy))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox()
        merge = buttons.addButton(self.tr("&Merge…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        merge.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
