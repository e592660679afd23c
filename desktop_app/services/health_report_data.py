"""The data of the health report kinds, gathered from the registry and the (cached) evaluation and
shaped as the plain records of :mod:`desktop_app.reports.models` (figures formatted for print).

Raises NotFound for unknown facilities and divisions and ValidationError for a division of the
wrong level or a year without data, so :mod:`desktop_app.services.reports` can refuse bad input
before anything is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from desktop_app.domain.divisions import Division
from desktop_app.domain.errors import NotFound, Problem, ValidationError
from desktop_app.domain.health.entities import (
    CENTRAL_TOWNSHIP_CENTRE,
    COMMUNITY_CENTRE,
    COMMUNITY_STATION,
    LEFT,
    TOWNSHIP_CENTRE,
    TRAINING_MODES,
    VILLAGE_CLINIC,
    Facility,
    StaffMember,
)
from desktop_app.domain.health.rules_clinic import service_population as clinic_service_population
from desktop_app.domain.health.rules_common import Context, fmt
from desktop_app.domain.health.rules_facility import FACILITY_RULE_IDS, evaluate_facility
from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.rules.results import RuleResult, Status
from desktop_app.domain.villages import Village
from desktop_app.reports.models import (
    CountySummary,
    FailingFacility,
    GapLine,
    IndicatorLine,
    InspectionForm,
    InspectionRule,
    InspectionStaff,
    LedgerRow,
    RosterFacility,
    RosterStaff,
    RuleFailures,
    TownshipRoster,
    TrainingLedger,
)
from desktop_app.services import dashboard, health_evaluation
from desktop_app.services.context import ServiceContext
from desktop_app.store import divisions_repo, facilities_repo, health_figures_repo, staff_repo, villages_repo

TRAINING_RULE = "hc.staff.training_days"
CENTRAL_RULE = "hc.staff.village_doctor_central_training"
# How a facility rule's actual and required figures read (unit after the number).
UNITS = {
    "hc.village_clinic.staff_per_1000": "名",
    "hc.village_clinic.floor_area": "m²",
    "hc.community_station.floor_area": "m²",
    "hc.community_centre.floor_area": "m²",
    "hc.village_clinic.seven_rooms": "室",
    "hc.village_clinic.common_diseases": "种",
    "hc.township_centre.common_diseases": "种",
    "hc.central_centre.common_diseases": "种",
    "hc.village_clinic.tcm_techniques": "类",
    "hc.village_clinic.township_hired": "名",
    "hc.township_centre.beds_per_1000": "张",
    "hc.township_centre.key_staff": "个岗位",
    "hc.central_centre.buildings_and_ct": "项",
}
LICENCE_RULE = "hc.facility.licence"
ROSTER_KIND_ORDER = (CENTRAL_TOWNSHIP_CENTRE, TOWNSHIP_CENTRE, COMMUNITY_CENTRE, COMMUNITY_STATION, VILLAGE_CLINIC)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def display_value(base_id: str, value: Any, *, required: bool = False) -> str:
    """A rule's actual (or required) figure for print: numbers with their unit, ``≥`` before a
    numeric requirement (and before the date a licence must still be valid on), 是/否 for flags,
    ``—`` when blank."""
    if value is None:
        return "—"
    if base_id == LICENCE_RULE:
        return f"≥{value}" if required else str(value)
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, (int, float, Decimal)):
        text = f"{fmt(value)}{UNITS.get(base_id, '')}"
        return f"≥{text}" if required else text
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def _divisions(ctx: ServiceContext) -> dict[str, Division]:
    return {d.code: d for d in divisions_repo.all_divisions(ctx.db)}


def division_of_level(ctx: ServiceContext, code: str, levels: Sequence[str], *, what: str) -> Division:
    """The division with ``code``; NotFound when unknown, ValidationError when its level is not one
    of ``levels`` (``what`` names the report in the message)."""
    division = divisions_repo.get(ctx.db, code)
    if division is None:
        raise NotFound(f"区划代码 {code} 不存在")
    if division.level not in levels:
        names = {"city": "市", "county": "县（市、区）", "township": "乡镇（街道）"}
        wanted = "或".join(names[level] for level in levels)
        raise ValidationError(Problem("division", f"{what}需要{wanted}区划代码，{code}（{division.name}）是{names[division.level]}"))
    return division


def _training_days(ctx: ServiceContext, ids: list[str], year: int) -> dict[str, dict[str, float]]:
    days: dict[str, dict[str, float]] = {i: {} for i in ids}
    for record in staff_repo.training_of(ctx.db, ids, year):
        days[record.id_number][record.mode] = days[record.id_number].get(record.mode, 0) + record.days
    return days


def _population_text(facility: Facility, villages: dict) -> str:
    population, derived = facility.service_population, False
    if population is None and facility.kind == VILLAGE_CLINIC:
        population, _reason = clinic_service_population(facility, HealthSnapshot(villages=list(villages.values())))
        derived = population is not None
    if population is None:
        return "未填写"
    return f"{population:,}人（按服务村庄合计）" if derived else f"{population:,}人"


def _licence_text(facility: Facility) -> str:
    """The licence number (its validity is the first rule of the form)."""
    return facility.licence_no or "未填写"


def _inspection_rule(ctx: ServiceContext, result: RuleResult, *, blank: bool) -> InspectionRule:
    entry = ctx.catalogue.get(result.rule_id)
    citation = result.citation or entry.citation
    if blank:
        return InspectionRule(entry.title, citation)
    return InspectionRule(
        entry.title, citation, result.status.value,
        display_value(entry.base_id, result.actual), display_value(entry.base_id, result.required, required=True),
        result.message,
    )


def facility_results(
    ctx: ServiceContext, facilities: Sequence[Facility], staff: Sequence[StaffMember], villages: Mapping[str, Village],
    *, as_of: date,
) -> dict[str, list[RuleResult]]:
    """The standards of ``facilities`` as of ``as_of``, by facility code, evaluated on a snapshot that
    holds only what facility standards read: the facilities, their staff (``staff``, all of them,
    退出 included) and their host and served villages. The results equal those of the full
    evaluation (tests compare them) at a fraction of its cost (one form: ~1 ms instead of ~0.5 s
    for the city)."""
    snapshot = HealthSnapshot(villages=list(villages.values()), facilities=list(facilities), staff=list(staff))
    entries = {rule_id: ctx.catalogue.latest(rule_id, as_of) for rule_id in FACILITY_RULE_IDS}
    context = Context(snapshot, as_of)
    return {f.code: evaluate_facility(f, entries, context) for f in facilities}


def inspection_forms(
    ctx: ServiceContext, facilities: Sequence[Facility], *, as_of: date, blank: bool = False
) -> list[InspectionForm]:
    """The inspection forms of ``facilities`` (in that order), judged as of ``as_of``.

    Every standard of the facility's kind that applies (not ``not_applicable``) is listed; a blank
    form keeps that list without results and leaves population, licence and staff to be written in.
    """
    divisions = _divisions(ctx)
    codes = {f.code for f in facilities}
    village_codes = {c for f in facilities for c in (f.division_code, *f.served_codes)}
    villages = villages_repo.get_many(ctx.db, village_codes)
    everyone = [m for m in staff_repo.all_staff(ctx.db) if m.facility_code in codes]
    results = facility_results(ctx, facilities, everyone, villages, as_of=as_of)
    staff: dict[str, list[StaffMember]] = {}
    for member in sorted((m for m in everyone if m.status != LEFT), key=lambda m: (m.category or "", m.name)):
        staff.setdefault(member.facility_code, []).append(member)
    days = {} if blank else _training_days(ctx, [m.id_number for m in everyone if m.status != LEFT], as_of.year)
    forms = []
    for facility in facilities:
        rules = tuple(
            _inspection_rule(ctx, r, blank=blank) for r in results.get(facility.code, ()) if r.status != Status.NOT_APPLICABLE
        )
        village = villages.get(facility.division_code) if facility.division_code != facility.township_code else None
        members = () if blank else tuple(
            InspectionStaff(m.name, m.id_number, m.category or "未填写", m.practice_scope or "", _yes_no(m.township_hired),
                            fmt(Decimal(str(sum(days[m.id_number].values())))))
            for m in staff.get(facility.code, ())
        )
        county, township = divisions.get(facility.county_code), divisions.get(facility.township_code)
        forms.append(InspectionForm(
            facility_code=facility.code,
            facility_name=facility.name,
            facility_kind=facility.kind,
            county_name=county.name if county else "",
            township_name=township.name if township else "",
            village_name=village.name if village else "",
            as_of=as_of,
            rules=rules,
            service_population="" if blank else _population_text(facility, {c: villages[c] for c in facility.served_codes if c in villages}),
            licence="" if blank else _licence_text(facility),
            staff=members,
            training_year=as_of.year,
            blank=blank,
        ))
    return forms


def inspection_form(ctx: ServiceContext, *, code: str, as_of: date, blank: bool = False) -> InspectionForm:
    """The inspection form of one facility; NotFound when the code is unknown."""
    stored = facilities_repo.get(ctx.db, code)
    if stored is None:
        raise NotFound(f"医疗机构 {code} 不存在")
    return inspection_forms(ctx, [stored.facility], as_of=as_of, blank=blank)[0]


def county_clinics(ctx: ServiceContext, county: Division) -> list[Facility]:
    """The 村卫生室 of a county-level unit, by township then code."""
    return sorted(
        (f for f in facilities_repo.all_facilities(ctx.db) if f.kind == VILLAGE_CLINIC and f.county_code == county.code),
        key=lambda f: (f.township_code, f.code),
    )


def _indicator_text(unit: str, value: Any) -> str:
    if value is None:
        return "—"
    if unit == dashboard.SHARE:
        return f"{float(value) * 100:.1f}%"
    if unit == dashboard.PERCENT:
        return f"{float(value):.1f}%"
    if unit == dashboard.COUNT:
        return f"{int(value):,}"
    if unit == dashboard.POINTS:
        return f"{float(value):.2f}".rstrip("0").rstrip(".") + "个百分点"
    return fmt(value)


def indicator_years(ctx: ServiceContext, scope_code: str | None) -> set[int]:
    """Years with 县区指标 or 签约服务 figures in a county (None: anywhere in the city)."""
    years = {f.year for f in health_figures_repo.all_county_figures(ctx.db) if scope_code in (None, f.county_code)}
    clinics = None if scope_code is None else {f.code for f in facilities_repo.all_facilities(ctx.db) if f.county_code == scope_code}
    years |= {f.year for f in health_figures_repo.all_family_doctor(ctx.db) if clinics is None or f.facility_code in clinics}
    return years


def county_summary(ctx: ServiceContext, *, division: Division, year: int, as_of: date) -> CountySummary:
    """The summary of a county-level unit or the city (``division`` of level county or city).

    Raises ValidationError when no indicator figures exist for ``year`` in that scope.
    """
    county_code = None if division.level == "city" else division.code
    available = indicator_years(ctx, county_code)
    if year not in available:
        have = "、".join(str(y) for y in sorted(available)) or "无"
        raise ValidationError(Problem("year", f"{division.name}没有{year}年的指标数据（有数据的年度：{have}）"))
    scope = dashboard.CITY_SCOPE if county_code is None else county_code
    data = dashboard.dashboard_data(ctx, as_of=as_of, year=year, scope=scope)
    indicators = []
    for row in data.indicators:
        actual_percent, target_percent = row.percent_values
        indicators.append(IndicatorLine(
            row.title, row.short_title, _indicator_text(row.unit, row.actual), _indicator_text(row.unit, row.target),
            row.status.value, row.gap, row.message, row.citation, actual_percent, target_percent,
        ))
    divisions = _divisions(ctx)
    facilities = {f.code: f for f in facilities_repo.all_facilities(ctx.db) if county_code in (None, f.county_code)}
    evaluation = health_evaluation.evaluate(ctx, as_of=as_of, year=None if year == as_of.year else year)
    failing: dict[str, list[FailingFacility]] = {}
    for subject in evaluation.facilities:
        facility = facilities.get(subject.code)
        if facility is None:
            continue
        for result in subject.results:
            if result.status == Status.FAIL:
                township = divisions.get(facility.township_code)
                failing.setdefault(result.rule_id, []).append(FailingFacility(
                    facility.code, facility.name, facility.kind, township.name if township else "", result.message))
    rules = tuple(
        RuleFailures(c.title, c.citation, c.fail, c.warn, c.unknown, tuple(failing.get(c.rule_id, ())))
        for c in data.rule_counts
    )
    gaps = tuple(GapLine(g.scope_name, g.title, g.status.value, g.gap) for g in data.gaps)
    return CountySummary(division.name, year, as_of, tuple(indicators), rules, gaps, len(facilities))


def _kind_order(facility: Facility) -> tuple[int, str]:
    """Centres first, then stations, then village clinics; by code within a kind."""
    order = ROSTER_KIND_ORDER.index(facility.kind) if facility.kind in ROSTER_KIND_ORDER else len(ROSTER_KIND_ORDER)
    return order, facility.code


def _problems(ctx: ServiceContext, results: Iterable[RuleResult]) -> tuple[str, ...]:
    found = []
    for wanted, word in ((Status.FAIL, "未达标"), (Status.WARN, "预警")):
        found += [f"{word}：{ctx.catalogue.get(r.rule_id).title}" for r in results if r.status == wanted]
    return tuple(found)


def township_roster(ctx: ServiceContext, *, township: Division, as_of: date) -> TownshipRoster:
    """The facilities of a township (centres first) with rule tallies, and their staff (not 退出)
    with the two training standards, judged as of ``as_of``."""
    divisions = _divisions(ctx)
    facilities = sorted((f for f in facilities_repo.all_facilities(ctx.db) if f.township_code == township.code), key=_kind_order)
    names = {f.code: f.name for f in facilities}
    villages = villages_repo.get_many(ctx.db, [f.division_code for f in facilities])
    evaluation = health_evaluation.evaluate(ctx, as_of=as_of)
    results = {s.code: s.results for s in evaluation.facilities}
    rows = []
    for facility in facilities:
        own = results.get(facility.code, [])
        village = villages.get(facility.division_code)
        rows.append(RosterFacility(
            facility.code, facility.name, facility.kind, village.name if village else "—",
            dict(Counter(r.status.value for r in own)), _problems(ctx, own),
        ))
    staff_results = {s.code: {r.rule_id.split("@")[0]: r.status.value for r in s.results} for s in evaluation.staff}
    order = {f.code: n for n, f in enumerate(facilities)}
    members = sorted((m for m in staff_repo.all_staff(ctx.db) if m.facility_code in names and m.status != LEFT),
                     key=lambda m: (order[m.facility_code], m.name))
    staff = tuple(
        RosterStaff(m.name, m.id_number, names[m.facility_code], m.category or "未填写", m.practice_scope or "",
                    m.status or "未填写", staff_results.get(m.id_number, {}).get(TRAINING_RULE),
                    staff_results.get(m.id_number, {}).get(CENTRAL_RULE))
        for m in members
    )
    county = divisions.get(township.parent_code or "")
    training, central = _training_minimums(ctx, as_of)
    return TownshipRoster(county.name if county else "", township.name, township.code, as_of, tuple(rows), staff,
                          training, central)


def _training_minimums(ctx: ServiceContext, day: date) -> tuple[float, float]:
    """Days of training a year and of 集中学习 the catalogue asks for on ``day``."""
    return (float(ctx.catalogue.latest(TRAINING_RULE, day).param("min_days")),
            float(ctx.catalogue.latest(CENTRAL_RULE, day).param("min_days")))


def _ledger_day(year: int, as_of: date) -> date:
    """The day the ledger judges: 31 December of ``year`` once it has passed, else ``as_of``."""
    end = date(year, 12, 31)
    if as_of >= end:
        return end
    if as_of.year != year:
        raise ValidationError(Problem("year", f"{year}年晚于评估日期{as_of.isoformat()}，尚无培训数据"))
    return as_of


def training_ledger(
    ctx: ServiceContext, *, year: int, as_of: date, township: Division | None = None, facility_code: str | None = None
) -> TrainingLedger:
    """The training ledger of a facility (``facility_code``) or a township for ``year``.

    Raises NotFound for an unknown facility, ValidationError when the facility is not in the given
    township or no training days are recorded for anyone in scope that year.
    """
    facility = None
    if facility_code is not None:
        stored = facilities_repo.get(ctx.db, facility_code)
        if stored is None:
            raise NotFound(f"医疗机构 {facility_code} 不存在")
        facility = stored.facility
        if township is not None and facility.township_code != township.code:
            raise ValidationError(Problem("facility", f"医疗机构 {facility.name} 不在 {township.name}"))
    township_code = facility.township_code if facility else township.code if township else None
    if township_code is None:
        raise ValidationError(Problem("division", "培训台账需要指定乡镇（街道）或医疗机构"))
    day = _ledger_day(year, as_of)
    facilities = {f.code: f for f in facilities_repo.all_facilities(ctx.db) if f.township_code == township_code}
    members = [m for m in staff_repo.all_staff(ctx.db) if m.facility_code in facilities and m.status != LEFT]
    if facility is not None:
        members = [m for m in members if m.facility_code == facility.code]
    order = {f.code: _kind_order(f) for f in facilities.values()}
    members.sort(key=lambda m: (order[m.facility_code], m.name))
    days = _training_days(ctx, [m.id_number for m in members], year)
    scope_name = facility.name if facility else (township.name if township else "")
    if not any(days[m.id_number] for m in members):
        raise ValidationError(Problem("year", f"{scope_name}没有{year}年的培训记录"))
    staff_results = {s.code: s.results for s in health_evaluation.evaluate(ctx, as_of=day).staff}
    rows = []
    for member in members:
        by_rule = {r.rule_id.split("@")[0]: r for r in staff_results.get(member.id_number, [])}
        training, central = by_rule.get(TRAINING_RULE), by_rule.get(CENTRAL_RULE)
        by_mode = days[member.id_number]
        rows.append(LedgerRow(
            member.name, member.id_number, facilities[member.facility_code].name, member.category or "未填写",
            dict(by_mode), float(sum(by_mode.values())),
            training.status.value if training else "unknown", training.message if training else "",
            central.status.value if central else "not_applicable", central.message if central else "",
        ))
    return TrainingLedger(scope_name, year, day, TRAINING_MODES, tuple(rows), *_training_minimums(ctx, day))
