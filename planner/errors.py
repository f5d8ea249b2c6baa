"""Errors a user can understand.

Every error the app shows to a person is a :class:`PlannerError`: its message
is one sentence that says what happened and, where it can, what to do. The CLI
prints that sentence and exits with :attr:`PlannerError.exit_code`; the GUI
shows it in a dialog and keeps running.

Messages are :class:`~planner.i18n.Text`, marked with ``QT_TRANSLATE_NOOP``:
``str(error)`` is the English the CLI prints, and the GUI shows it translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from planner.i18n import QT_TRANSLATE_NOOP, Text, TextError

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class PlannerError(TextError):
    """Base class: ``str(error)`` is the message shown to the user."""

    exit_code: int = EXIT_FAILURE


class WorkspaceError(PlannerError):
    """A workspace file cannot be opened or used."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, path: Path | str, message: Text) -> None:
        super().__init__(message)
        self.path = Path(path)


class WorkspaceNotFound(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path, QT_TRANSLATE_NOOP("Errors", "{path}: no such file.").format(path=path)
        )


class NotAWorkspace(WorkspaceError):
    """The file exists but is not one of our workspaces."""


class NewerSchema(WorkspaceError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path}: this workspace was made by a newer version of Community Planner "
                "(schema {found}); this version reads up to schema {supported}. "
                "Update Community Planner to open it.",
            ).format(path=path, found=found, supported=supported),
        )
        self.found = found
        self.supported = supported


class CorruptWorkspace(WorkspaceError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path}: the workspace file is damaged ({detail}). "
                "Open a backup copy, or run `planner check` for details.",
            ).format(path=path, detail=detail),
        )
        self.detail = detail


class ForeignSchema(WorkspaceError):
    """The file holds tables, views or triggers that are not ours."""

    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path}: this file holds parts that Community Planner did not make ({detail}), "
                "so it was not opened. Run `planner check` for the full list.",
            ).format(path=path, detail=detail),
        )
        self.detail = detail


class WorkspaceInUse(WorkspaceError):
    def __init__(self, path: Path | str, holder: str) -> None:
        if holder:
            message = QT_TRANSLATE_NOOP(
                "Errors",
                "{path}: this workspace is already open in another Community Planner "
                "window ({holder}). Close it there first.",
            ).format(path=path, holder=holder)
        else:
            message = QT_TRANSLATE_NOOP(
                "Errors",
                "{path}: this workspace is already open in another Community Planner "
                "window. Close it there first.",
            ).format(path=path)
        super().__init__(path, message)


class WorkspaceReadOnly(WorkspaceError):
    """A change was asked of a workspace that was opened read-only."""

    exit_code = EXIT_FAILURE


class WorkspaceBusy(WorkspaceError):
    """The workspace stayed locked by another write for longer than we wait."""

    exit_code = EXIT_FAILURE


class MigrationFailed(WorkspaceError):
    exit_code = EXIT_FAILURE


class ValidationError(PlannerError):
    """Input that breaks a rule; ``fields`` maps each field to its message."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, fields: Mapping[str, Text]) -> None:
        first = next(iter(fields.values()), QT_TRANSLATE_NOOP("Errors", "invalid input"))
        super().__init__(first)
        self.fields: dict[str, Text] = dict(fields)


class NotFound(PlannerError):
    """A record asked for by id or name does not exist (or is in the trash)."""

    exit_code = EXIT_BAD_INPUT


class NothingToUndo(PlannerError):
    pass


class UndoRefused(PlannerError):
    """An undo that would break the records made after the change it takes back."""


class TemplateError(PlannerError):
    """A poster or welcome template cannot be rendered.

    ``str(error)`` is one line such as ``Template “Guest share poster”, line
    12: “speaker” is not defined.``; :attr:`line` is the 1-based line in the
    template's source when it is known, for the editor to point at.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, template: str, detail: str, line: int | None = None) -> None:
        if line:
            message = QT_TRANSLATE_NOOP(
                "Errors", "Template “{template}”, line {line}: {detail}"
            ).format(template=template, line=line, detail=detail)
        else:
            message = QT_TRANSLATE_NOOP("Errors", "Template “{template}”: {detail}").format(
                template=template, detail=detail
            )
        super().__init__(message)
        self.template = template
        self.detail = detail
        self.line = line


class ReadOnlyTemplate(PlannerError):
    """A change was asked of a built-in template, which ships with the app."""

    exit_code = EXIT_BAD_INPUT


class Cancelled(PlannerError):
    """Long work the user stopped before it finished; nothing was changed."""

    def __init__(self, message: Text | None = None) -> None:
        if message is None:
            message = QT_TRANSLATE_NOOP("Errors", "Cancelled; nothing was changed.")
        super().__init__(message)


class DiskProblem(PlannerError):
    """A write failed because of the disk or the folder, not the data: nothing
    was saved, and the same write can succeed once the problem is gone.

    Built by :func:`planner.disk_errors.disk_problem`; :attr:`folder` is the
    folder whose disk or permissions refused the write.
    """

    def __init__(self, folder: Path | str, message: Text) -> None:
        super().__init__(message)
        self.folder = Path(folder)


class DiskFull(DiskProblem):
    """The disk (or the user's quota) has no room left."""


class FolderReadOnly(DiskProblem):
    """The folder, its disk, or the file cannot be written any more."""


class DiskWriteFailed(DiskProblem):
    """The disk reported an input/output error (removed, failing, or disconnected)."""
