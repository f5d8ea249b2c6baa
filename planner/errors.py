"""Errors a user can understand.

Every error the app shows to a person is a :class:`PlannerError`: its message
is one sentence that says what happened and, where it can, what to do. The CLI
prints that sentence and exits with :attr:`PlannerError.exit_code`; the GUI
shows it in a dialog and keeps running.
"""

from __future__ import annotations

from pathlib import Path

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class PlannerError(Exception):
    """Base class: ``str(error)`` is the message shown to the user."""

    exit_code: int = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkspaceError(PlannerError):
    """A workspace file cannot be opened or used."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)


class WorkspaceNotFound(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: no such file.")


class NotAWorkspace(WorkspaceError):
    """The file exists but is not one of our workspaces."""


class NewerSchema(WorkspaceError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"{path}: this workspace was made by a newer version of Community Planner "
            f"(schema {found}); this version reads up to schema {supported}. "
            "Update Community Planner to open it.",
        )
        self.found = found
        self.supported = supported


class CorruptWorkspace(WorkspaceError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            path,
            f"{path}: the workspace file is damaged ({detail}). "
            "Open a backup copy, or run `planner check` for details.",
        )
        self.detail = detail


class ForeignSchema(WorkspaceError):
    """The file holds tables, views or triggers that are not ours."""

    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            path,
            f"{path}: this file holds parts that Community Planner did not make ({detail}), "
            "so it was not opened. Run `planner check` for the full list.",
        )
        self.detail = detail


class WorkspaceInUse(WorkspaceError):
    def __init__(self, path: Path | str, holder: str) -> None:
        where = f" ({holder})" if holder else ""
        super().__init__(
            path,
            f"{path}: this workspace is already open in another Community Planner "
            f"window{where}. Close it there first.",
        )


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

    def __init__(self, fields: dict[str, str]) -> None:
        first = next(iter(fields.values()), "invalid input")
        super().__init__(first)
        self.fields = dict(fields)


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
        where = f", line {line}" if line else ""
        super().__init__(f"Template “{template}”{where}: {detail}")
        self.template = template
        self.detail = detail
        self.line = line


class ReadOnlyTemplate(PlannerError):
    """A change was asked of a built-in template, which ships with the app."""

    exit_code = EXIT_BAD_INPUT


class Cancelled(PlannerError):
    """Long work the user stopped before it finished; nothing was changed."""

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)
