"""Read-only look-ups for the facility pages: filter choices, the facility standards as of a date,
the facilities matching a rule status, and one facility's detail with its rule results."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.health.entities import VILLAGE_CLINIC, Facility
from desktop_app.domain.health.rules_clinic import service_population as clinic_service_population
from desktop_app.domain.health.rules_facility import FACILITY_RULE_IDS
from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.rules.results import RuleResult, Status
from desktop_app.services import health_evaluation
from desktop_app.services.context import ServiceContext
from desktop_app.services.health_registry import get_facility
from desktop_app.store import divisions_repo, villages_repo


@dataclass(frozen=True)
class CountyChoice:
    """A county-level unit and its townships (code, name), for cascading filter combos."""

    code: str
    name: str
    townships: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FacilityRule:
    """A facility standard as governed on a date: the entry id results carry, its base id, title
    and citation (document number and item)."""

    rule_id: str
    base_id: str
    title: str
    citation: str
    document_title: str


@dataclass(frozen=True)
class ResultLine:
    """One rule result with the rule's title and its source document's full title."""

    result: RuleResult
    title: str
    document_title: str


@dataclass(frozen=True)
class FacilityDetail:
    """A facility, its row version, where it is (county, township, village names) and its results."""

    facility: Facility
    row_version: int
    county_name: str
    township_name: str
    village_name: str | None
    as_of: date
    results: tuple[ResultLine, ...]
    service_population: int | None = None
    service_population_derived: bool = False


def division_choices(ctx: ServiceContext) -> list[CountyChoice]:
    """Every county-level unit (code order) with its townships."""
    divisions = divisions_repo.all_divisions(ctx.db)
    townships: dict[str, list[tuple[str, str]]] = {}
    for d in divisions:
        if d.level == "township" and d.parent_code:
            townships.setdefault(d.parent_code, []).append((d.code, d.name))
    return [CountyChoice(d.code, d.name, tuple(townships.get(d.code, ()))) for d in divisions if d.level == "county"]


def facility_rules(ctx: ServiceContext, *, as_of: date) -> list[FacilityRule]:
    """The facility standards in evaluation order, each as the entry governing ``as_of``."""
    found = []
    for base_id in FACILITY_RULE_IDS:
        entry = ctx.catalogue.latest(base_id, as_of)
        document = ctx.catalogue.documents.get(entry.source_doc)
        found.append(FacilityRule(entry.id, entry.base_id, entry.title, entry.citation,
                                  document.title if document else ""))
    return found


def facility_codes_with_status(
    ctx: ServiceContext, *, rule_id: str | None, statuses: Collection[Status], as_of: date
) -> list[str]:
    """Codes of facilities with a result of ``statuses`` for a rule (base or entry id) as of a date.

    Without a rule: facilities with such a result for any rule. Without statuses: facilities the
    rule applies to (any status but not_applicable). Raises NotFound for a rule the catalogue lacks.
    """
    wanted = set(statuses) or set(Status) - {Status.NOT_APPLICABLE}
    if rule_id is None:
        return [s.code for s in health_evaluation.evaluate(ctx, as_of=as_of).facilities
                if any(r.status in wanted for r in s.results)]
    governing = ctx.catalogue.latest(ctx.catalogue.get(rule_id).base_id, as_of).id
    return health_evaluation.facilities_with_status(ctx, rule_id=governing, statuses=wanted, as_of=as_of)


def facility_detail(ctx: ServiceContext, *, code: str, as_of: date) -> FacilityDetail:
    """The facility with this code, where it lies and its rule results as of ``as_of``; NotFound
    when it does not exist."""
    stored = get_facility(ctx, code)
    facility = stored.facility
    county = divisions_repo.get(ctx.db, facility.county_code)
    township = divisions_repo.get(ctx.db, facility.township_code)
    village = villages_repo.get(ctx.db, facility.division_code) if facility.division_code != facility.township_code else None
    subject = health_evaluation.facility_results(ctx, code=code, as_of=as_of)
    lines = []
    for result in subject.results if subject else ():
        entry = ctx.catalogue.get(result.rule_id)
        document = ctx.catalogue.documents.get(entry.source_doc)
        lines.append(ResultLine(result, entry.title, document.title if document else ""))
    population, derived = facility.service_population, False
    if population is None and facility.kind == VILLAGE_CLINIC:
        villages = villages_repo.get_many(ctx.db, facility.served_codes)
        population, _reason = clinic_service_population(facility, HealthSnapshot(villages=list(villages.values())))
        derived = population is not None
    return FacilityDetail(
        service_population=population,
        service_population_derived=derived,
        facility=facility,
        row_version=stored.row_version,
        county_name=county.name if county else "",
        township_name=township.name if township else "",
        village_name=village.village.name if village else None,
        as_of=as_of,
        results=tuple(lines),
    )
