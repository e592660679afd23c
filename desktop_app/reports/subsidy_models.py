"""Plain data of the 补助资金台账 (report kind ``subsidy-statement``): what the service gathers from the
subsidy ledger and :mod:`desktop_app.reports.subsidy_statement` lays out.

Money is integer fen. An entitlement that cannot be known (the county has set no allowance
standard, a licence expiry or a 签约人数 is blank) is ``None`` with the reason in ``gap`` — printed
as that reason ("标准未设定"), never as 0. ``id_number`` holds a payee's full ID number for the
allowance; the layout masks it unless the report's meta allows full ID numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SourceFigures:
    """One source of funds of a programme: its share of the entitlements, budget and net payments (fen)."""

    source: str
    entitled: int
    budgeted: int
    paid: int

    @property
    def outstanding(self) -> int:
        """Entitled less paid (negative when this source paid more than its share)."""
        return self.entitled - self.paid


@dataclass(frozen=True)
class PayeeRow:
    """One payee of a programme: entitlement (None = unknown, see ``gap``) against net payments by source.

    ``code`` is a facility code; for a person ``code`` is empty and ``id_number`` holds the ID
    number. ``status`` is the ledger's word (已拨足 / 未拨足 / 逾期未拨 / 超发 / the gap).
    """

    name: str
    code: str
    id_number: str
    township_name: str
    entitled: int | None
    paid_by_source: Mapping[str, int]
    paid: int
    status: str
    gap: str = ""
    overdue: bool = False
    overpaid: int = 0

    @property
    def outstanding(self) -> int | None:
        """Entitled less paid (None when the entitlement is unknown)."""
        return None if self.entitled is None else self.entitled - self.paid


@dataclass(frozen=True)
class ProgrammeSection:
    """One programme in one county-level unit: the figures by source, the flags and every payee."""

    county_name: str
    programme: str
    title: str
    citation: str
    sources: tuple[SourceFigures, ...]
    payees: tuple[PayeeRow, ...]
    unknown: int = 0
    arrears: int = 0
    overpaid: int = 0
    overdue_payees: int = 0
    overpaid_payees: int = 0

    @property
    def entitled(self) -> int:
        """Known entitlements, fen (unknown ones are counted in ``unknown``)."""
        return sum(s.entitled for s in self.sources)

    @property
    def budgeted(self) -> int:
        """Budget from every source, fen."""
        return sum(s.budgeted for s in self.sources)

    @property
    def paid(self) -> int:
        """Net paid from every source, fen."""
        return sum(s.paid for s in self.sources)

    @property
    def outstanding(self) -> int:
        """Entitled less paid (over-payments offset arrears here)."""
        return self.entitled - self.paid


@dataclass(frozen=True)
class SubsidyStatementData:
    """补助资金台账 of a county-level unit (one county in ``sections``) or the city (every county) for one year."""

    scope_name: str
    year: int
    as_of: date
    sections: tuple[ProgrammeSection, ...]
    city: bool = False
    unknown_notes: tuple[str, ...] = field(default=())
