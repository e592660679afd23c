"""Plain data the health report kinds print: what a service gathers and a report lays out.

Values are ready to print (formatted strings) except where a report computes with them (chart
percentages, counts). ``status`` fields hold a rule status value (``pass``, ``fail``, ``warn``,
``unknown``, ``not_applicable``; :data:`STATUS_LABELS` gives the Chinese words). ``id_number``
fields may hold a full ID number: every report prints it masked (first 4 and last 4 characters).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

STATUS_LABELS = {
    "pass": "达标",
    "fail": "未达标",
    "warn": "预警",
    "unknown": "待补充数据",
    "not_applicable": "不适用",
}


def status_label(status: str | None) -> str:
    """The Chinese word for a rule status (blank for None, the value itself if unknown)."""
    if status is None:
        return ""
    return STATUS_LABELS.get(str(status), str(status))


@dataclass(frozen=True)
class InspectionRule:
    """One standard on the inspection form: its title and source, and (unless blank) the result."""

    title: str
    citation: str
    status: str | None = None
    actual: str = ""
    required: str = ""
    message: str = ""


@dataclass(frozen=True)
class InspectionStaff:
    """A staff member listed on the inspection form for checking on site."""

    name: str
    id_number: str
    category: str
    practice_scope: str = ""
    township_hired: str = ""
    training_days: str = ""


@dataclass(frozen=True)
class InspectionForm:
    """督导检查表 of one facility. ``blank`` forms print the rule list only (no results, no staff)."""

    facility_code: str
    facility_name: str
    facility_kind: str
    county_name: str
    township_name: str
    village_name: str
    as_of: date
    rules: tuple[InspectionRule, ...]
    service_population: str = ""
    licence: str = ""
    staff: tuple[InspectionStaff, ...] = ()
    training_year: int | None = None
    blank: bool = False


@dataclass(frozen=True)
class IndicatorLine:
    """One county or city indicator: printed figures, status, gap and source; ``actual_percent``
    and ``target_percent`` (0–100) put it on the bar chart when both are set."""

    title: str
    short_title: str
    actual: str
    target: str
    status: str
    gap: str
    message: str
    citation: str
    actual_percent: float | None = None
    target_percent: float | None = None


@dataclass(frozen=True)
class FailingFacility:
    """A facility failing one rule, with where it is and why."""

    code: str
    name: str
    kind: str
    township_name: str
    message: str


@dataclass(frozen=True)
class RuleFailures:
    """A facility standard with how many facilities fail / are warned / lack data, and the failing ones."""

    title: str
    citation: str
    fail: int
    warn: int
    unknown: int
    failing: tuple[FailingFacility, ...] = ()


@dataclass(frozen=True)
class GapLine:
    """An indicator below target in one scope and the smallest change that reaches it."""

    scope_name: str
    title: str
    status: str
    gap: str


@dataclass(frozen=True)
class CountySummary:
    """县区汇总表 of a county-level unit or the city for one indicator year."""

    scope_name: str
    year: int
    as_of: date
    indicators: tuple[IndicatorLine, ...]
    rules: tuple[RuleFailures, ...]
    gaps: tuple[GapLine, ...]
    facility_count: int = 0


@dataclass(frozen=True)
class RosterFacility:
    """A facility of the township roster with its rule tallies and the standards it misses."""

    code: str
    name: str
    kind: str
    village_name: str
    counts: dict[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class RosterStaff:
    """A staff member of the township roster with the training standards' statuses."""

    name: str
    id_number: str
    facility_name: str
    category: str
    practice_scope: str
    status: str
    training_status: str | None = None
    central_status: str | None = None


@dataclass(frozen=True)
class TownshipRoster:
    """乡镇花名册: the facilities and staff of one township, judged as of ``as_of``."""

    county_name: str
    township_name: str
    township_code: str
    as_of: date
    facilities: tuple[RosterFacility, ...]
    staff: tuple[RosterStaff, ...]
    min_days: float  # hc.staff.training_days min_days as of ``as_of`` (from the catalogue)
    min_central_days: float  # hc.staff.village_doctor_central_training min_days


@dataclass(frozen=True)
class LedgerRow:
    """One person of the training ledger: days per mode, and the two training standards."""

    name: str
    id_number: str
    facility_name: str
    category: str
    days: dict[str, float]
    total: float
    training_status: str
    training_message: str
    central_status: str
    central_message: str


@dataclass(frozen=True)
class TrainingLedger:
    """培训台账 of a township or a facility for one year (``modes``: the column order)."""

    scope_name: str
    year: int
    as_of: date
    modes: tuple[str, ...]
    rows: tuple[LedgerRow, ...]
    min_days: float  # hc.staff.training_days min_days of the year (from the catalogue)
    min_central_days: float  # hc.staff.village_doctor_central_training min_days
