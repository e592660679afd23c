"""Read-only data of the 概览 dashboard: the indicators of one scope (the city or a county-level
unit) with titles and display units, the facility-rule counts, and the gap planner list.

Everything comes from :func:`health_evaluation.evaluate` (cached per worker context), so changing
the scope of the dashboard costs a few list passes, not a new evaluation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.errors import NotFound
from desktop_app.domain.health.engine import HealthEvaluation
from desktop_app.domain.health.rules_common import CITY, IndicatorResult, Number
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry
from desktop_app.domain.rules.results import Status
from desktop_app.services.context import ServiceContext
from desktop_app.services.health_evaluation import RuleCount, evaluate
from desktop_app.store import divisions_repo

CITY_SCOPE = CITY
INDICATOR_YEARS = (2023, 2024, 2025)

# How an indicator's numbers read: a fraction shown as a percentage, a value already in percent,
# a count, or percentage points. Keyed by base rule id; unlisted ids fall back to "number".
SHARE, PERCENT, COUNT, POINTS, NUMBER = "share", "percent", "count", "points", "number"
UNITS = {
    "hc.county.public_ownership_share": SHARE,
    "hc.county.township_hired_share": SHARE,
    "hc.county.village_doctor_licensed_share": SHARE,
    "hc.city.recommended_standard_share": SHARE,
    "hc.city.secondary_level_share": SHARE,
    "hc.city.tcm_hall_share": SHARE,
    "hc.county.visit_rates": PERCENT,
    "hc.county.sub_centre_allocation": COUNT,
    "hc.city.village_clinics_built_2023": COUNT,
    "hc.county.contract_coverage_increase": POINTS,
}
# Titles of the indicators that share one rule id (rule id + part suffix).
PART_TITLES = {
    "hc.city.tcm_hall_share.coverage": "中医馆覆盖率",
    "hc.city.tcm_hall_share.model": "示范中医馆占比",
    "hc.county.visit_rates.in_county": "县域内就诊率",
    "hc.county.visit_rates.primary": "县域内基层就诊率",
}
# Short labels for the chart axis (the full catalogue title stays in the table).
SHORT_TITLES = {
    "hc.county.public_ownership_share": "公有产权村卫生室占比",
    "hc.county.township_hired_share": "“乡聘村用”占比",
    "hc.county.village_doctor_licensed_share": "乡村医生执业（助理）医师占比",
    "hc.city.recommended_standard_share": "达到推荐标准占比",
    "hc.city.secondary_level_share": "达到二级水平占比",
    "hc.city.tcm_hall_share.coverage": "中医馆覆盖率",
    "hc.city.tcm_hall_share.model": "示范中医馆占比",
    "hc.county.visit_rates.in_county": "县域内就诊率",
    "hc.county.visit_rates.primary": "县域内基层就诊率",
    "hc.county.sub_centre_allocation": "次中心（个）",
    "hc.city.village_clinics_built_2023": "新改（扩）建村卫生室（所）",
    "hc.county.contract_coverage_increase": "签约覆盖率提升（百分点）",
}


@dataclass(frozen=True)
class ScopeOption:
    """A scope the dashboard can show: the city (code ``CITY_SCOPE``) or a county-level unit."""

    code: str
    name: str


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator of a scope, ready to display. ``actual``/``target`` are exact numbers in the
    rule's unit (``unit``: share = fraction 0–1, percent, count, points); ``key`` is the base rule id
    plus any part suffix (without a successor suffix such as ``@2026``)."""

    rule_id: str
    key: str
    title: str
    short_title: str
    unit: str
    actual: Number | None
    target: Number | None
    status: Status
    gap: str
    message: str
    citation: str

    @property
    def percent_values(self) -> tuple[float | None, float | None]:
        """(actual, target) in percent for share and percent indicators; (None, None) otherwise."""
        scale = {SHARE: 100, PERCENT: 1}.get(self.unit)
        if scale is None:
            return None, None
        actual, target = (None if v is None else float(v) * scale for v in (self.actual, self.target))
        return actual, target


@dataclass(frozen=True)
class GapRow:
    """An indicator of one scope below its target, with the smallest change that reaches it."""

    scope_code: str
    scope_name: str
    rule_id: str
    title: str
    short_title: str
    status: Status
    gap: str


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows for one scope, indicator year and evaluation date."""

    as_of: date
    year: int
    scope: str
    scopes: list[ScopeOption]
    indicators: list[IndicatorRow]
    rule_counts: list[RuleCount]
    gaps: list[GapRow]

    @property
    def county_code(self) -> str | None:
        """The county filter of the scope (None for the whole city)."""
        return None if self.scope == CITY_SCOPE else self.scope


def scope_options(ctx: ServiceContext) -> list[ScopeOption]:
    """The city first, then the county-level units in code order."""
    divisions = divisions_repo.all_divisions(ctx.db)
    city = next((d.name for d in divisions if d.level == "city"), "全市")
    return [ScopeOption(CITY_SCOPE, city)] + [ScopeOption(d.code, d.name) for d in divisions if d.level == "county"]


def catalogue_entry(catalogue: Catalogue, rule_id: str) -> tuple[RuleEntry, str]:
    """The catalogue entry an indicator id belongs to (the longest catalogue id prefixing it) and
    the part suffix after it (``.coverage``, or ``""``). Raises KeyError for an unknown id."""
    candidates = [e for e in catalogue if rule_id == e.id or rule_id.startswith(e.id + ".")]
    if not candidates:
        raise KeyError(f"indicator {rule_id} matches no catalogue entry")
    entry = max(candidates, key=lambda e: len(e.id))
    return entry, rule_id[len(entry.id):]


def indicator_row(catalogue: Catalogue, result: IndicatorResult) -> IndicatorRow:
    """Display data of one indicator result: titles, unit and figures."""
    entry, part = catalogue_entry(catalogue, result.rule_id)
    key = entry.base_id + part
    title = PART_TITLES.get(key, entry.title)
    return IndicatorRow(
        rule_id=result.rule_id,
        key=key,
        title=title,
        short_title=SHORT_TITLES.get(key, SHORT_TITLES.get(entry.base_id, title)),
        unit=UNITS.get(entry.base_id, NUMBER),
        actual=result.actual,
        target=result.target,
        status=result.status,
        gap=result.gap,
        message=result.message,
        citation=result.citation,
    )


def dashboard_data(ctx: ServiceContext, *, as_of: date, year: int, scope: str = CITY_SCOPE) -> DashboardData:
    """The dashboard of ``scope`` (``CITY_SCOPE`` or a county code): its indicators for ``year``,
    the facility-rule counts as of ``as_of`` and the gap list (per county when the scope is the city).

    Raises NotFound when ``scope`` is neither the city nor a county-level unit.
    """
    scopes = scope_options(ctx)
    names = {s.code: s.name for s in scopes}
    if scope not in names:
        raise NotFound(f"统计范围 {scope} 不是全市或县级行政区")
    # One evaluation serves the indicators and the counts; passing no year when it is as_of's
    # shares the cached evaluation with the other health pages (they evaluate as of a date only).
    evaluation = evaluate(ctx, as_of=as_of, year=None if year == as_of.year else year)
    by_scope = {CITY_SCOPE: evaluation.city, **{c.code: c.indicators for c in evaluation.counties}}
    indicators = [indicator_row(ctx.catalogue, r) for r in by_scope.get(scope, [])]
    planned = [CITY_SCOPE, *(c.code for c in evaluation.counties)] if scope == CITY_SCOPE else [scope]
    gaps = []
    for code in planned:
        for result in by_scope.get(code, []):
            if result.gap:
                row = indicator_row(ctx.catalogue, result)
                gaps.append(GapRow(code, names.get(code, code), result.rule_id, row.title, row.short_title, result.status, result.gap))
    counts = rule_counts(ctx.catalogue, evaluation, None if scope == CITY_SCOPE else scope)
    return DashboardData(as_of, year, scope, scopes, indicators, counts, gaps)


def rule_counts(catalogue: Catalogue, evaluation: HealthEvaluation, county_code: str | None) -> list[RuleCount]:
    """Per facility rule, the facilities failing, warned or unknown in one county (or the city), in
    the order of :func:`health_evaluation.failing_counts` — counted from ``evaluation`` because the
    dashboard's evaluation may be for another indicator year than the one that function reads."""
    counts: dict[str, Counter[Status]] = {}
    for subject in evaluation.facilities:
        if county_code is None or subject.county_code == county_code:
            for result in subject.results:
                counts.setdefault(result.rule_id, Counter())[result.status] += 1
    found = []
    for rule_id, by_status in counts.items():
        entry = catalogue.get(rule_id)
        found.append(RuleCount(rule_id, entry.title, entry.citation,
                               by_status[Status.FAIL], by_status[Status.WARN], by_status[Status.UNKNOWN]))
    return sorted(found, key=lambda c: (-c.fail, c.rule_id))


def default_year(today: date) -> int:
    """The indicator year shown first: ``today``'s year clipped to INDICATOR_YEARS."""
    return min(max(today.year, INDICATOR_YEARS[0]), INDICATOR_YEARS[-1])
