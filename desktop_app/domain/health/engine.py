"""Entry point of the primary-healthcare standards engine: evaluate a snapshot against the rule
catalogue as of a date, and shape the outcome as the interchange §3 JSON sections.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.domain.divisions import county_code_of
from desktop_app.domain.health import rules_county as county_rules
from desktop_app.domain.health import rules_indicators as indicators
from desktop_app.domain.health.rules_common import (
    CITY,
    Context,
    IndicatorResult,
    Scope,
    apply_rule,
    lapsed,
    lapsed_message,
)
from desktop_app.domain.health.rules_facility import FACILITY_RULE_IDS, evaluate_facility
from desktop_app.domain.health.rules_staff import STAFF_RULES
from desktop_app.domain.health.rules_village import VILLAGE_RULES
from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry
from desktop_app.domain.rules.results import RuleResult

IndicatorRule = Callable[[RuleEntry, Scope, int, date], list[IndicatorResult]]

PUBLIC_OWNERSHIP_RULE = "hc.village_clinic.public_ownership"

# Indicators per county and for the whole city, in the order they are listed.
COUNTY_INDICATORS: tuple[tuple[str, IndicatorRule], ...] = (
    ("hc.county.public_ownership_share", indicators.public_ownership_share),
    ("hc.county.township_hired_share", indicators.township_hired_share),
    ("hc.county.village_doctor_licensed_share", indicators.licensed_share),
    ("hc.city.recommended_standard_share", indicators.recommended_share),
    ("hc.city.secondary_level_share", indicators.secondary_share),
    ("hc.city.tcm_hall_share", indicators.tcm_hall_share),
    ("hc.county.sub_centre_allocation", indicators.sub_centre_allocation),
    ("hc.county.visit_rates", county_rules.visit_rates),
    ("hc.county.contract_coverage_increase", county_rules.contract_coverage_increase),
)
CITY_INDICATORS: tuple[tuple[str, IndicatorRule], ...] = (
    ("hc.county.public_ownership_share", indicators.public_ownership_share),
    ("hc.county.village_doctor_licensed_share", indicators.licensed_share),
    ("hc.city.recommended_standard_share", indicators.recommended_share),
    ("hc.city.secondary_level_share", indicators.secondary_share),
    ("hc.city.tcm_hall_share", indicators.tcm_hall_share),
    ("hc.city.village_clinics_built_2023", indicators.village_clinics_built),
)


@dataclass(frozen=True)
class SubjectResults:
    """The results of one facility, village or staff member (code = the full ID number for staff)."""

    code: str
    kind: str | None
    county_code: str | None
    results: list[RuleResult]


@dataclass(frozen=True)
class CountyIndicators:
    """The indicators of one county-level unit."""

    code: str
    indicators: list[IndicatorResult]


@dataclass(frozen=True)
class HealthEvaluation:
    """Everything the health standards produce for one evaluation date and indicator year."""

    as_of: date
    year: int
    facilities: list[SubjectResults]
    villages: list[SubjectResults]
    staff: list[SubjectResults]
    counties: list[CountyIndicators]
    city: list[IndicatorResult]

    def as_json(self) -> dict[str, Any]:
        """The facilities, villages, staff, counties and city sections of interchange §3 (staff ID
        numbers masked); the caller adds as_of, catalogue_version and the other sections."""
        return {
            "facilities": [
                {"code": s.code, "kind": s.kind, "county": s.county_code, "results": _results_json(s.results)}
                for s in self.facilities
            ],
            "villages": [{"code": s.code, "results": _results_json(s.results)} for s in self.villages],
            "staff": [{"id_number": mask_id_number(s.code), "results": _results_json(s.results)} for s in self.staff],
            "counties": [{"code": c.code, "indicators": [i.as_json() for i in c.indicators]} for c in self.counties],
            "city": {"indicators": [i.as_json() for i in self.city]},
        }


def _results_json(results: Sequence[RuleResult]) -> list[dict[str, Any]]:
    return [r.as_json() for r in results]


def _indicators(
    rules: Sequence[tuple[str, IndicatorRule]], catalogue: Catalogue, scope: Scope, year: int, as_of: date
) -> list[IndicatorResult]:
    """Run indicator rules for one scope with the entries governing the indicator year's end."""
    day = date(year, 12, 31)
    found: list[IndicatorResult] = []
    for rule_id, rule in rules:
        entry = catalogue.latest(rule_id, day)
        if lapsed(entry, day):
            found.append(indicators.not_applicable(entry, year, lapsed_message(entry)))
        else:
            found.extend(rule(entry, scope, year, as_of))
    return found


def _subjects(snapshot: HealthSnapshot, catalogue: Catalogue, ctx: Context) -> tuple[list[SubjectResults], ...]:
    """Facility, village and staff results as of ``ctx.as_of``, each list ordered by code."""
    subject_ids = (*FACILITY_RULE_IDS, *(i for i, _ in VILLAGE_RULES), *(i for i, _ in STAFF_RULES))
    entries = {rule_id: catalogue.latest(rule_id, ctx.as_of) for rule_id in subject_ids}
    facilities = [
        SubjectResults(f.code, f.kind, f.county_code, evaluate_facility(f, entries, ctx))
        for f in sorted(snapshot.facilities, key=lambda f: f.code)
    ]
    villages = []
    for village in sorted(snapshot.villages, key=lambda v: v.code):
        results = [apply_rule(entries[i], rule, village, ctx) for i, rule in VILLAGE_RULES]
        villages.append(SubjectResults(village.code, village.kind, county_code_of(village.code), results))
    staff: list[SubjectResults] = []
    for member in sorted(snapshot.staff, key=lambda m: m.id_number):
        facility = snapshot.facilities_by_code.get(member.facility_code)
        results = [apply_rule(entries[i], rule, member, ctx) for i, rule in STAFF_RULES]
        county = facility.county_code if facility else None
        staff.append(SubjectResults(member.id_number, member.category, county, results))
    return facilities, villages, staff


def evaluate_health(
    snapshot: HealthSnapshot, catalogue: Catalogue, as_of: date, year: int | None = None
) -> HealthEvaluation:
    """Evaluate every hc. standard and indicator (except hc.subsidy.*) of ``catalogue``.

    Facility, village and staff standards are judged as of ``as_of`` (training in the calendar
    year of ``as_of``); county and city indicators for ``year`` (default: ``as_of.year``), with
    the catalogue entries governing 31 December of that year. Subjects are listed by code.
    Raises NotFound when the catalogue lacks one of the rules.
    """
    year = as_of.year if year is None else year
    facilities, villages, staff = _subjects(snapshot, catalogue, Context(snapshot, as_of))
    ownership = catalogue.latest(PUBLIC_OWNERSHIP_RULE, date(year, 12, 31)).param("ownership")
    counts = indicators.tally_registry(snapshot, year, ownership)
    counties = []
    for county in sorted(snapshot.counties, key=lambda c: c.code):
        scope = Scope(county.code, counts.get(county.code, {}), snapshot)
        counties.append(CountyIndicators(county.code, _indicators(COUNTY_INDICATORS, catalogue, scope, year, as_of)))
    city = _indicators(CITY_INDICATORS, catalogue, Scope(CITY, counts.get(CITY, {}), snapshot), year, as_of)
    return HealthEvaluation(as_of, year, facilities, villages, staff, counties, city)
