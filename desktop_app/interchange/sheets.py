"""The registry of workbook sheets (interchange §2). Each module registers its sheets here.

A sheet handler validates parsed rows against the domain and writes them inside the import's
single transaction (``apply``), and yields its rows for export (``export``). Sheets are imported
in registry order, so a sheet may refer to rows of an earlier sheet in the same workbook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem
from desktop_app.interchange.columns import Column

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext


@dataclass(frozen=True)
class ParsedRow:
    """One data row: its worksheet row number and typed values by column key (present columns only)."""

    row: int
    values: Mapping[str, Any]


@dataclass
class SheetOutcome:
    """What applying a sheet did, or the problems that refuse it."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: Chinese name, English key, columns, key columns and its import/export handlers."""

    name: str
    key: str
    columns: tuple[Column, ...]
    key_columns: tuple[str, ...]
    apply: Callable[[ServiceContext, list[ParsedRow]], SheetOutcome]
    export: Callable[[ServiceContext], Iterable[Mapping[str, Any]]]
    # The division code a row belongs to (values by column key), for users limited to a county or
    # township; None means the sheet is not divisional and only city-wide users may import it.
    division_of: Callable[[ServiceContext, Mapping[str, Any]], str | None] | None = None

    def column(self, key: str) -> Column:
        """The column with this English key."""
        return next(c for c in self.columns if c.key == key)

    def header_lookup(self) -> dict[str, Column]:
        """Accepted header texts → column: the Chinese header, the English key, and ``中文 (key)``."""
        lookup: dict[str, Column] = {}
        for column in self.columns:
            for text in (column.header, column.key, f"{column.header} ({column.key})", f"{column.header}({column.key})"):
                lookup[text.lower()] = column
        return lookup


def registered_sheets() -> list[SheetSpec]:
    """Every sheet of the workbook in import order (modules add theirs here as they land)."""
    from desktop_app.interchange import (
        application_sheet,
        business_sheet,
        county_figures_sheet,
        facility_sheet,
        family_doctor_sheet,
        inspection_sheet,
        person_status_sheet,
        staff_sheet,
        subsidy_sheets,
        training_sheet,
        village_sheet,
    )

    return [
        village_sheet.SHEET,
        facility_sheet.SHEET,
        staff_sheet.SHEET,
        training_sheet.SHEET,
        family_doctor_sheet.SHEET,
        county_figures_sheet.SHEET,
        subsidy_sheets.BUDGET_SPEC,
        subsidy_sheets.PAYMENT_SPEC,
        business_sheet.SHEET,
        person_status_sheet.SHEET,
        application_sheet.SHEET,
        inspection_sheet.SHEET,
    ]


def sheet_by_name(name: str) -> SheetSpec | None:
    """The sheet whose Chinese name or English key is ``name``."""
    for spec in registered_sheets():
        if name in (spec.name, spec.key):
            return spec
    return None
