"""What the sheet handlers share: records built from parsed rows and back, domain problems placed
on a sheet row and column, and the sorting of valid rows into new, changed and unchanged records
(with the audit rows of what an import wrote).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from desktop_app.domain.errors import Problem
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheets import SheetOutcome
from desktop_app.store import audit, facilities_repo, staff_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

K = TypeVar("K")
T = TypeVar("T")


def record_from(cls: type[T], columns: Sequence[Column], values: Mapping[str, Any], **overrides: Any) -> T:
    """Build a ``cls`` record from a parsed row; a column absent from the sheet takes its default."""
    fields = {column.key: values.get(column.key, column.default) for column in columns}
    return cls(**(fields | overrides))


def row_of(record: object, columns: Sequence[Column]) -> dict[str, Any]:
    """A record as an export row: its value for each column key."""
    return {column.key: getattr(record, column.key) for column in columns}


def on_row(problems: Iterable[Problem], columns: Sequence[Column], *, row: int, sheet: str) -> list[Problem]:
    """Domain problems (field = English key) placed on a sheet row under the Chinese column header."""
    headers = {column.key: column.header for column in columns}
    return [Problem(headers.get(p.field, p.field), p.reason, row=row, sheet=sheet) for p in problems]


class Upsert(Generic[K, T]):
    """Valid rows of one sheet sorted against the stored records by key: new, changed, unchanged."""

    def __init__(self, stored: Mapping[K, T]):
        self.stored = stored
        self.new: list[T] = []
        self.changed: list[tuple[T, T]] = []
        self.unchanged = 0
        self._rows: dict[K, int] = {}

    def claim(self, key: K, row: int) -> int | None:
        """Note that ``row`` holds ``key``; return the earlier row holding the same key, if any.

        The reader already refuses duplicate cells; this catches keys that differ only before
        normalisation (e.g. an ID number ending in ``x`` and ``X``).
        """
        earlier = self._rows.get(key)
        if earlier is None:
            self._rows[key] = row
        return earlier

    def add(self, key: K, record: T) -> None:
        """Sort one valid record: new when its key is not stored, else changed or unchanged."""
        before = self.stored.get(key)
        if before is None:
            self.new.append(record)
        elif before != record:
            self.changed.append((before, record))
        else:
            self.unchanged += 1

    @property
    def written(self) -> list[T]:
        """The new and changed records, to insert or update."""
        return self.new + [after for _, after in self.changed]

    def finish(self, ctx: ServiceContext, table: str, key_text: Callable[[T], str], outcome: SheetOutcome) -> None:
        """Audit every inserted and updated record (after they are written) and count them in ``outcome``."""
        actor = ctx.actor.name
        audit.append(
            ctx.db,
            [audit.AuditEntry(actor, "import_insert", table, key_text(r), None, asdict(r)) for r in self.new]
            + [
                audit.AuditEntry(actor, "import_update", table, key_text(after), asdict(before), asdict(after))
                for before, after in self.changed
            ],
        )
        outcome.inserted, outcome.updated, outcome.unchanged = len(self.new), len(self.changed), self.unchanged


def facility_division(ctx: ServiceContext, facility_code: str | None) -> str | None:
    """The host division of a facility (for division scope checks), or None when unknown."""
    stored = facilities_repo.get(ctx.db, facility_code) if facility_code else None
    return stored.facility.division_code if stored else None


def staff_division(ctx: ServiceContext, id_number: str | None) -> str | None:
    """The host division of a person's facility, or None when unknown."""
    stored = staff_repo.get(ctx.db, (id_number or "").upper()) if id_number else None
    return facility_division(ctx, stored.member.facility_code) if stored else None
