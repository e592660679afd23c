"""County indicators computed from the yearly figures: visit rates (县区指标) and the increase of
family-doctor contract coverage (签约服务 over the county's resident population).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from desktop_app.domain.health.gaps import rate_gap, signing_gap
from desktop_app.domain.health.rules_common import (
    IndicatorResult,
    Scope,
    exact,
    fmt,
    fmt_percent,
    indicator_shortfall,
)
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import Status


def _rate(
    entry: RuleEntry,
    year: int,
    value: float | None,
    target_param: int | float,
    suffix: str,
    label: str,
    shortfall: tuple[Status, str],
) -> IndicatorResult:
    """One visit rate (percent) against its target (percent)."""
    target = Decimal(str(target_param))
    rule_id = entry.id + suffix
    if value is None:
        return IndicatorResult(rule_id, year, None, target, Status.UNKNOWN, "", f"{year}年{label}未填写", entry.citation)
    actual = Decimal(str(value))
    message = f"{year}年{label}{fmt(actual)}%，目标不低于{fmt(target)}%"
    if actual >= target:
        return IndicatorResult(rule_id, year, actual, target, Status.PASS, "", message, entry.citation)
    gap = rate_gap(entry.base_id + suffix, actual, target)
    return IndicatorResult(rule_id, year, actual, target, shortfall[0], gap, message + shortfall[1], entry.citation)


def visit_rates(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.county.visit_rates: '.in_county' ≥ params.in_county and '.primary' ≥ params.primary, in
    percent, from the county's 县区指标 row of the indicator year (blank → unknown)."""
    figure = scope.snapshot.county_figures_by_key.get((scope.code, year))
    shortfall = indicator_shortfall(year, entry.param("year"), as_of)
    in_county = figure.in_county_visit_rate if figure else None
    primary = figure.primary_visit_rate if figure else None
    return [
        _rate(entry, year, in_county, entry.param("in_county"), ".in_county", "县域内就诊率", shortfall),
        _rate(entry, year, primary, entry.param("primary"), ".primary", "县域内基层就诊率", shortfall),
    ]


def _coverage_inputs(scope: Scope, year: int) -> tuple[int, int, list[str]]:
    """Signed residents and resident population of the county in ``year``, with what is missing."""
    figure = scope.snapshot.county_figures_by_key.get((scope.code, year))
    rows = scope.snapshot.family_doctor_by_county_year.get((scope.code, year), [])
    missing: list[str] = []
    if figure is None or not figure.population:
        missing.append(f"{year}年常住人口未填写（或为0）")
    if not rows:
        missing.append(f"{year}年签约服务数据缺失")
    blank = sum(row.signed_residents is None for row in rows)
    if blank:
        missing.append(f"{year}年有{blank}个机构签约人数未填写")
    signed = sum(row.signed_residents or 0 for row in rows)
    population = figure.population if figure is not None and figure.population else 0
    return signed, population, missing


def contract_coverage_increase(entry: RuleEntry, scope: Scope, year: int, as_of: date) -> list[IndicatorResult]:
    """hc.county.contract_coverage_increase: coverage (signed residents / resident population) of the
    indicator year minus the previous year's, in percentage points, ≥ params.min_points; more than
    params.max_points also passes, with a note. Missing data of either year → unknown."""
    signed, population, missing = _coverage_inputs(scope, year)
    previous_signed, previous_population, previous_missing = _coverage_inputs(scope, year - 1)
    min_points, max_points = exact(entry.param("min_points")), exact(entry.param("max_points"))
    if missing or previous_missing:
        message = "；".join(missing + previous_missing) + "，无法计算签约覆盖率提升"
        return [IndicatorResult(entry.id, year, None, min_points, Status.UNKNOWN, "", message, entry.citation)]
    coverage = Fraction(signed, population)
    previous = Fraction(previous_signed, previous_population)
    points = (coverage - previous) * 100
    message = (
        f"{year}年签约覆盖率{fmt_percent(coverage)}（签约{fmt(signed)}人/常住人口{fmt(population)}人），"
        f"{year - 1}年{fmt_percent(previous)}，提升{fmt(points)}个百分点，"
        f"目标每年提升{fmt(min_points)}—{fmt(max_points)}个百分点"
    )
    if points >= min_points:
        if points > max_points:
            message += "（提升幅度超过上限，请核实数据）"
        return [IndicatorResult(entry.id, year, points, min_points, Status.PASS, "", message, entry.citation)]
    status, note = indicator_shortfall(year, year, as_of)
    gap = signing_gap(signed, population, previous, min_points)
    return [IndicatorResult(entry.id, year, points, min_points, status, gap, message + note, entry.citation)]
