"""Typed errors raised by the domain and services and shown in one place by the UI and CLI."""

from __future__ import annotations

from dataclasses import dataclass


class DeskError(Exception):
    """Base of every error the app expects and explains to the user."""


@dataclass(frozen=True)
class Problem:
    """One problem with input: where it is (sheet/row/field) and why it was refused."""

    field: str
    reason: str
    row: int | None = None
    sheet: str | None = None

    def __str__(self) -> str:
        """Render as ``sheet, row N, column: reason`` (interchange §1), omitting missing parts."""
        parts = []
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(self.field)
        where = ", ".join(parts)
        return f"{where}: {self.reason}" if where else self.reason


class ValidationError(DeskError):
    """Input was refused; ``problems`` names each field (and row) with its reason."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def by_field(self) -> dict[str, str]:
        """Map field name → first reason for that field (for messages next to form fields)."""
        result: dict[str, str] = {}
        for problem in self.problems:
            result.setdefault(problem.field, problem.reason)
        return result


class NotFound(DeskError):
    """A record named by the user does not exist."""


class PermissionDenied(DeskError):
    """The acting user's role or division scope does not allow this."""


class RuleViolation(DeskError):
    """The action is well-formed but a policy rule forbids it."""


class DatabaseFileError(DeskError):
    """The database file cannot be used (not SQLite, damaged, or from a newer app version)."""


class StorageError(DeskError):
    """A write could not be stored (disk full or failing, or the database busy past the timeout);
    the unit of work was rolled back."""


class Cancelled(DeskError):
    """The user cancelled a long operation; everything it did was rolled back."""
