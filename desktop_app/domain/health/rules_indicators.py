"""County and city indicators counted from the registry: shares of clinics, doctors and centres
meeting a condition, the sub-centre allocation and the 2023 clinic-building count.

:func:`tally_registry` counts every scope (each county and the city) in one pass; the indicator
functions compare a scope's tallies with the targets of the catalogue entry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from desktop_app.domain.health.entities import (
    ADMIN_VILLAGE,
    CAPABILITY_RECOMMENDED,
    CAPABILITY_SECONDARY,
    CENTRE_KINDS,
    LICENSED_CATEGORIES,
    TCM_HALL_MODEL,
    TCM_HALL_PRESENT,
    TOWNSHIP_CENTRE_KINDS,
    VILLAGE_CLINIC,
    Facility,
)
from desktop_app.domain.health.gaps import count_gap, share_gap
from desktop_app.domain.health.rules_clinic import is_active_doctor, township_hired_fact
from desktop_app.domain.health.rules_common import (
    CITY,
    Fact,
    IndicatorResult,
    Scope,
    Tally,
    equals,
    exact,
    fmt_percent,
    indicator_shortfall,
    member_of,
)
from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import Status

SHORTFALLS = (Status.FAIL, Status.WARN)
COUNTY_LEVEL_NOTE = "（全市指标，县区对照参考）"


@dataclass(frozen=True)
class ShareSpec:
    """What a share counts, for messages: the tally key, the subjects, their unit and the condition."""

    measure: str
    subject: str
    unit: str
    condition: str


CENTRES = "乡镇卫生院和社区卫生服务中心"
OWNERSHIP = ShareSpec("ownership", "行政村卫生室", "所", "公有产权")
TOWNSHIP_HIRED = ShareSpec("township_hired", "村卫生室", "所", "落实乡聘村用")
LICENSED = ShareSpec("licensed", "村卫生室在岗乡村医生（含执业（助理）医师）", "名", "具备执业（助理）医师资格")
RECOMMENDED = ShareSpec("recommended", CENTRES, "所", "服务能力达到推荐标准及以上")
SECONDARY = ShareSpec("secondary", CENTRES, "所", "达到二级综合医院水平")
TCM_COVERAGE = ShareSpec("tcm_coverage", CENTRES, "所", "建有中医馆")
TCM_MODEL = ShareSpec("tcm_model", CENTRES, "所", "建成示范中医馆")


def _facility_facts(
    facility: Facility, snapshot: HealthSnapshot, year: int, ownership: str
) -> Iterator[tuple[str, Fact]]:
    """(tally key, fact) pairs one facility contributes to the tallies of its county and the city."""
    # Sub-centres are upgraded township centres: only theirs can be undecided by a blank.
    yield "sub_centre", facility.sub_centre if facility.kind in TOWNSHIP_CENTRE_KINDS else bool(facility.sub_centre)
    if facility.kind == VILLAGE_CLINIC:
        staff = snapshot.staff_by_facility.get(facility.code, [])
        host = snapshot.villages_by_code.get(facility.division_code)
        if host is not None and host.kind == ADMIN_VILLAGE:
            yield "ownership", equals(facility.ownership, ownership)
        yield "township_hired", township_hired_fact(staff)[0]
        yield "built", facility.built_year == year
        for member in staff:
            doctor = is_active_doctor(member)
            if doctor is not False:
                yield "licensed", None if doctor is None else member.category in LICENSED_CATEGORIES
    elif facility.kind in CENTRE_KINDS:
        yield "recommended", member_of(facility.capability_level, CAPABILITY_RECOMMENDED)
        yield "secondary", equals(facility.capability_level, CAPABILITY_SECONDARY)
        yield "tcm_coverage", member_of(facility.tcm_hall, TCM_HALL_PRESENT)
        yield "tcm_model", equals(facility.tcm_hall, TCM_HALL_MODEL)


def tally_registry(snapshot: HealthSnapshot, year: int, ownership: str) -> dict[str, dict[str, Tally]]:
    """Tallies per scope (county code, and CITY for all facilities) and key, in one pass.

    ``year`` is the indicator year (for the building count); ``ownership`` the value counted as
    public (the param of hc.village_clinic.public_ownership, which feeds the county share).
    """
    counts: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for facility in snapshot.facilities:
        facts = list(_facility_facts(facility, snapshot, year, ownership))
        for scope in (facility.county_code, CITY):
            bucket = counts[scope]
            for key, fact in facts:
                bucket[key] = bucket[key].add(fact)
    return counts


def not_applicable(entry: RuleEntry, year: int, message: str, suffix: str = "") -> IndicatorResult:
    """An indicator that does not apply to this scope or year."""
    return IndicatorResult(entry.id + suffix, year, None, None, Status.NOT_APPLICABLE, "", message, entry.citation)


def share_indicator(
    entry: RuleEntry,
    scope: Scope,
    year: int,
    spec: ShareSpec,
    target: Fraction,
    shortfall: tuple[Status, str],
    suffix: str = "",
) -> IndicatorResult:
    """A share (fraction 0–1) of ``spec`` subjects in ``scope`` against ``target``; ``shortfall`` is
    the status and note used below target. Subjects with blank inputs make the status unknown
    when they could decide it."""
    tally = scope.counts.get(spec.measure, Tally())
    if not tally.total:
        return not_applicable(entry, year, f"无{spec.subject}，本项不适用", suffix)
    share = Fraction(tally.yes, tally.total)
    status = tally.status(target, shortfall[0])
    message = (
        f"{spec.subject}{tally.total}{spec.unit}，其中{spec.condition}{tally.yes}{spec.unit}，"
        f"占{fmt_percent(share)}，目标不低于{fmt_percent(target)}"
    )
    if tally.blank:
        message += f"；另有{tally.blank}{spec.unit}情况未填写"
    gap = ""
    if status in SHORTFALLS:
        gap = share_gap(entry.base_id + suffix, tally.yes, tally.total, target)
        message += shortfall[1]
    return IndicatorResult(entry.id + suffix, year, share, target, status, gap, message, entry.citation)


def _by_target_year(entry: RuleEntry, year: int, as_of: date) -> tuple[Status, str]:
    return indicator_shortfall(year, entry.param("year"), as_of)


def public_ownership_share(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.county.public_ownership_share (county and city): public 行政村卫生室 / all 行政村卫生室 ≥ the
    target of the latest params.targets year not after the indicator year."""
    targets = {int(y): t for y, t in entry.param("targets").items()}
    started = [y for y in targets if y <= year]
    if not started:
        return [not_applicable(entry, year, f"自{min(targets)}年起考核")]
    target_year = max(started)
    shortfall = indicator_shortfall(year, target_year, as_of)
    return [share_indicator(entry, scope, year, OWNERSHIP, exact(targets[target_year]), shortfall)]


def township_hired_share(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.county.township_hired_share (county): clinics passing hc.village_clinic.township_hired / all
    村卫生室 ≥ params.target, from params.from_year on."""
    from_year = entry.param("from_year")
    if year < from_year:
        return [not_applicable(entry, year, f"自{from_year}年起考核")]
    shortfall = indicator_shortfall(year, from_year, as_of)
    return [share_indicator(entry, scope, year, TOWNSHIP_HIRED, exact(entry.param("target")), shortfall)]


def licensed_share(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.county.village_doctor_licensed_share: licensed (执业/执业助理医师) among active doctors at
    村卫生室 ≥ params.target. The city carries the status; a county below the bar is only warn."""
    shortfall = _by_target_year(entry, year, as_of) if scope.code == CITY else (Status.WARN, COUNTY_LEVEL_NOTE)
    return [share_indicator(entry, scope, year, LICENSED, exact(entry.param("target")), shortfall)]


def recommended_share(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.city.recommended_standard_share: centres at 推荐标准 or 二级水平 / all centres ≥ params.target."""
    shortfall = _by_target_year(entry, year, as_of)
    return [share_indicator(entry, scope, year, RECOMMENDED, exact(entry.param("target")), shortfall)]


def secondary_share(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.city.secondary_level_share: centres at 二级水平 / all centres ≥ params.target."""
    shortfall = _by_target_year(entry, year, as_of)
    return [share_indicator(entry, scope, year, SECONDARY, exact(entry.param("target")), shortfall)]


def tcm_hall_share(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.city.tcm_hall_share: '.coverage' (中医馆 有/示范 ≥ coverage_target) and '.model'
    (示范 ≥ model_target), both over all centres."""
    shortfall = _by_target_year(entry, year, as_of)
    coverage, model = exact(entry.param("coverage_target")), exact(entry.param("model_target"))
    return [
        share_indicator(entry, scope, year, TCM_COVERAGE, coverage, shortfall, ".coverage"),
        share_indicator(entry, scope, year, TCM_MODEL, model, shortfall, ".model"),
    ]


def _count_indicator(
    entry: RuleEntry, year: int, tally: Tally, target: int, shortfall: tuple[Status, str], message: str
) -> IndicatorResult:
    """A count (``tally.yes``) against ``target``; blank subjects make it unknown when they could decide it."""
    if tally.yes >= target:
        status = Status.PASS
    elif tally.yes + tally.blank < target:
        status = shortfall[0]
    else:
        status = Status.UNKNOWN
    if tally.blank:
        message += f"；另有{tally.blank}所是否达到未填写"
    gap = ""
    if status in SHORTFALLS:
        gap = count_gap(entry.base_id, tally.yes, target)
        message += shortfall[1]
    return IndicatorResult(entry.id, year, tally.yes, target, status, gap, message, entry.citation)


def sub_centre_allocation(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.county.sub_centre_allocation (county): facilities with 次中心=是 ≥ the county's allocation."""
    allocation = entry.param("allocation").get(scope.code)
    if allocation is None:
        return [not_applicable(entry, year, "本县区无次中心建设任务")]
    tally = scope.counts.get("sub_centre", Tally())
    message = f"已建次中心{tally.yes}个，建设任务{allocation}个"
    return [_count_indicator(entry, year, tally, allocation, _by_target_year(entry, year, as_of), message)]


def village_clinics_built(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.city.village_clinics_built_2023 (city): 村卫生室 with built_year = params.year ≥ params.target;
    only the indicator year params.year is assessed."""
    target_year = entry.param("year")
    if year != target_year:
        return [not_applicable(entry, year, f"本指标只考核{target_year}年")]
    tally = scope.counts.get("built", Tally())
    message = f"{year}年新改（扩）建村卫生室{tally.yes}所，目标{entry.param('target')}所"
    shortfall = indicator_shortfall(year, target_year, as_of)
    return [_count_indicator(entry, year, tally, entry.param("target"), shortfall, message)]
