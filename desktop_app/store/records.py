"""Map frozen domain dataclasses to table rows and back (bools as 0/1, dates as ISO text).

Each repository declares which dataclass fields are columns; the conversions are derived from
the dataclass's type hints once, so a new field needs no hand-written conversion.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _converters(hint: Any) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    kinds = {a for a in typing.get_args(hint) if a is not type(None)} or {hint}
    origins = {typing.get_origin(k) or k for k in kinds}
    if origins == {bool}:
        return (lambda v: None if v is None else int(bool(v))), (lambda v: None if v is None else bool(v))
    if origins == {date}:
        return (lambda v: None if v is None else v.isoformat()), (lambda v: None if v is None else date.fromisoformat(v))
    if origins == {tuple}:
        return (lambda v: v), (lambda v: tuple(v or ()))
    return (lambda v: v), (lambda v: v)


class RecordMapper(Generic[T]):
    """Converts between a dataclass and a row for the given column fields (in that order)."""

    def __init__(self, cls: type[T], columns: Sequence[str] | None = None, exclude: Sequence[str] = ()):
        hints = typing.get_type_hints(cls)
        self.cls = cls
        self.columns = tuple(columns or [f.name for f in fields(cls) if f.name not in exclude])  # type: ignore[arg-type]
        self._to_db = [_converters(hints[c])[0] for c in self.columns]
        self._from_db = [_converters(hints[c])[1] for c in self.columns]

    @property
    def column_list(self) -> str:
        """Comma-separated column names for SELECT/INSERT."""
        return ", ".join(self.columns)

    @property
    def placeholders(self) -> str:
        """``?, ?, …`` for the columns."""
        return ", ".join("?" * len(self.columns))

    def to_row(self, record: T) -> list[Any]:
        """The record's column values, converted for SQLite."""
        return [convert(getattr(record, name)) for name, convert in zip(self.columns, self._to_db)]

    def from_row(self, row: Sequence[Any], **extra: Any) -> T:
        """Build the record from column values (plus fields not stored in the columns)."""
        values = {name: convert(value) for name, convert, value in zip(self.columns, self._from_db, row)}
        return self.cls(**values, **extra)
