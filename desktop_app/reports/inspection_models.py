"""Plain data the inspection report kinds print (整改通知书, 督导检查情况汇总, the visit pack): what
:mod:`desktop_app.services.inspection_reports` gathers and the layouts lay out. Texts are ready
to print; dates stay dates (the layouts write them the Chinese way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.reports.models import InspectionForm


@dataclass(frozen=True)
class NoticeItem:
    """One item a facility must put right: the standard and its source, what was found (registry
    and on site), what to do, who answers for it and by when, and where the order stands."""

    title: str
    citation: str
    finding: str
    registry_value: str
    value_seen: str
    message: str
    requirement: str
    responsible: str
    deadline: date
    status: str


@dataclass(frozen=True)
class RectificationNotice:
    """整改通知书 to one facility after one visit."""

    visit_id: str
    visited_on: date
    inspectors: str
    facility_code: str
    facility_name: str
    facility_kind: str
    county_name: str
    township_name: str
    items: tuple[NoticeItem, ...]


@dataclass(frozen=True)
class SummaryFacility:
    """One facility of a visit: how many items were confirmed, differed, were not checked or are
    still without a finding, and its orders."""

    code: str
    name: str
    kind: str
    township_name: str
    confirmed: int
    differs: int
    not_checked: int
    missing: int
    orders: int


@dataclass(frozen=True)
class SummaryDifference:
    """An item where the registry differs from what was seen, and what was done about it."""

    facility_name: str
    title: str
    registry_value: str
    value_seen: str
    decision: str
    remark: str


@dataclass(frozen=True)
class SummaryOrder:
    """A rectification order of the visit with its deadline and state as of the summary date."""

    facility_name: str
    title: str
    responsible: str
    deadline: date
    status: str
    overdue: bool


@dataclass(frozen=True)
class VisitSummary:
    """督导检查情况汇总 of one visit, as of ``as_of`` (which decides what is overdue)."""

    visit_id: str
    visited_on: date
    inspectors: str
    note: str
    as_of: date
    facilities: tuple[SummaryFacility, ...]
    differences: tuple[SummaryDifference, ...]
    orders: tuple[SummaryOrder, ...]


@dataclass(frozen=True)
class VisitPack:
    """The checklists of a visit's facilities (pre-filled, judged as of the visit date) in one PDF."""

    visit_id: str
    visited_on: date
    inspectors: str
    forms: tuple[InspectionForm, ...]
