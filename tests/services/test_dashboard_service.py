"""Dashboard data on a real SQLite registry: indicator rows with titles and units, the facility
rule counts, the gap planner per county, and the catalogue lookup of part-suffixed ids."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from desktop_app.domain.errors import NotFound
from desktop_app.domain.health.entities import CountyFigure, Facility
from desktop_app.domain.rules.catalogue import Catalogue
from desktop_app.domain.rules.results import Status
from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import Village
from desktop_app.resources import resource_path
from desktop_app.services import dashboard, health_evaluation
from desktop_app.services.context import ServiceContext
from desktop_app.services.health_evaluation import evaluate, failing_counts
from desktop_app.services.health_registry import create_facility
from desktop_app.store import health_figures_repo, villages_repo
from desktop_app.store.connection import write_transaction

XIUWU, WENXIAN = "410821000000", "410825000000"
XIUWU_TOWNSHIP, WENXIAN_TOWNSHIP = "410821100000", "410825001000"
AS_OF, YEAR = date(2026, 1, 15), 2025


def build_registry(ctx: ServiceContext) -> None:
    """修武县: 3 行政村卫生室 (2 公有) and one 乡镇卫生院 with visit rates; 温县: one 公有 clinic."""
    villages = [Village(XIUWU_TOWNSHIP[:9] + f"{n:03d}", f"测试村{n}", "行政村", 900, False, 10) for n in (201, 202, 203)]
    villages.append(Village(WENXIAN_TOWNSHIP[:9] + "201", "温县测试村", "行政村", 900, False, 10))
    with write_transaction(ctx.db):
        villages_repo.insert_many(ctx.db, [(v, pinyin_initials(v.name)) for v in villages])
        health_figures_repo.upsert_county_figures(ctx.db, [CountyFigure(XIUWU, YEAR, 250_000, 85.5, 70.0)])
    for code, village, ownership in (("XW-C1", villages[0], "公有"), ("XW-C2", villages[1], "公有"),
                                     ("XW-C3", villages[2], "私人"), ("WX-C1", villages[3], "公有")):
        create_facility(ctx, facility=Facility(code, f"{village.name}卫生室", "村卫生室", village.code, ownership=ownership))
    create_facility(ctx, facility=Facility("XW-T1", "城关镇卫生院", "乡镇卫生院", XIUWU_TOWNSHIP,
                                           service_population=30000, capability_level="推荐标准", tcm_hall="有"))


@pytest.fixture
def registry(ctx: ServiceContext) -> ServiceContext:
    build_registry(ctx)
    return ctx


def row(data: dashboard.DashboardData, key: str) -> dashboard.IndicatorRow:
    return next(r for r in data.indicators if r.key == key)


def test_scopes_are_the_city_then_eleven_county_units(ctx: ServiceContext) -> None:
    scopes = dashboard.scope_options(ctx)
    assert [s.code for s in scopes][:1] == [dashboard.CITY_SCOPE] and len(scopes) == 12
    assert scopes[0].name == "焦作市" and dashboard.ScopeOption(XIUWU, "修武县") in scopes


def test_county_indicators_carry_titles_units_and_the_evaluation_figures(registry: ServiceContext) -> None:
    data = dashboard.dashboard_data(registry, as_of=AS_OF, year=YEAR, scope=XIUWU)
    evaluated = next(c for c in evaluate(registry, as_of=AS_OF, year=YEAR).counties if c.code == XIUWU).indicators
    assert [r.rule_id for r in data.indicators] == [i.rule_id for i in evaluated]
    ownership = row(data, "hc.county.public_ownership_share")
    assert (ownership.actual, ownership.target, ownership.unit) == (Fraction(2, 3), Fraction(9, 10), dashboard.SHARE)
    assert ownership.percent_values == pytest.approx((66.6667, 90.0), abs=1e-3)
    assert ownership.status == Status.FAIL and ownership.gap == "还需1所行政村卫生室转为公有产权"
    assert ownership.title == "公有产权行政村卫生室占比" and ownership.citation == "焦政办〔2023〕32号 三（一）2"
    rate = row(data, "hc.county.visit_rates.in_county")
    assert (rate.title, rate.unit, rate.actual, rate.percent_values) == ("县域内就诊率", dashboard.PERCENT, Decimal("85.5"), (85.5, 90.0))
    assert rate.gap == "县域内就诊率还需提高4.5个百分点"
    assert row(data, "hc.city.tcm_hall_share.coverage").title == "中医馆覆盖率"
    assert row(data, "hc.county.sub_centre_allocation").unit == dashboard.COUNT
    assert row(data, "hc.county.sub_centre_allocation").percent_values == (None, None)


def test_rule_counts_are_those_of_the_scope(registry: ServiceContext) -> None:
    county = dashboard.dashboard_data(registry, as_of=AS_OF, year=YEAR, scope=XIUWU)
    assert county.rule_counts == failing_counts(registry, as_of=AS_OF, county_code=XIUWU)
    assert county.county_code == XIUWU
    ownership = next(c for c in county.rule_counts if c.rule_id == "hc.village_clinic.public_ownership")
    assert ownership.fail == 1
    city = dashboard.dashboard_data(registry, as_of=AS_OF, year=YEAR)
    assert city.rule_counts == failing_counts(registry, as_of=AS_OF) and city.county_code is None


def test_gap_planner_lists_the_city_then_each_county(registry: ServiceContext) -> None:
    city = dashboard.dashboard_data(registry, as_of=AS_OF, year=YEAR)
    scopes = [g.scope_code for g in city.gaps]
    assert scopes[0] == dashboard.CITY_SCOPE and XIUWU in scopes
    assert scopes == sorted(scopes, key=lambda c: (c != dashboard.CITY_SCOPE, c))
    city_ownership = next(g for g in city.gaps if g.scope_code == dashboard.CITY_SCOPE and g.rule_id == "hc.county.public_ownership_share")
    assert city_ownership.gap == "还需1所行政村卫生室转为公有产权"  # 3 of 4 public, 90% of 4 → 4
    assert all(g.gap.startswith(("还需", "县域内")) and g.status in (Status.FAIL, Status.WARN) for g in city.gaps)
    assert ("修武县", "公有产权行政村卫生室占比") in {(g.scope_name, g.title) for g in city.gaps}
    county = dashboard.dashboard_data(registry, as_of=AS_OF, year=YEAR, scope=XIUWU)
    assert {g.scope_code for g in county.gaps} == {XIUWU}
    assert {g.rule_id for g in county.gaps} == {r.rule_id for r in county.indicators if r.gap}


def test_before_the_target_year_ends_a_shortfall_is_a_warning(registry: ServiceContext) -> None:
    data = dashboard.dashboard_data(registry, as_of=date(2025, 6, 30), year=YEAR, scope=XIUWU)
    assert row(data, "hc.county.public_ownership_share").status == Status.WARN


def test_an_unknown_scope_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(NotFound):
        dashboard.dashboard_data(ctx, as_of=AS_OF, year=YEAR, scope="410821100000")


def test_part_and_successor_ids_find_their_catalogue_entry() -> None:
    data = json.loads(resource_path("policy", "rules.json").read_text(encoding="utf-8"))
    successor = dict(next(r for r in data["rules"] if r["id"] == "hc.county.visit_rates"), id="hc.county.visit_rates@2026")
    catalogue = Catalogue.from_json({**data, "rules": [*data["rules"], successor]})
    entry, part = dashboard.catalogue_entry(catalogue, "hc.city.tcm_hall_share.coverage")
    assert (entry.id, part) == ("hc.city.tcm_hall_share", ".coverage")
    entry, part = dashboard.catalogue_entry(catalogue, "hc.county.visit_rates@2026.primary")
    assert (entry.id, part) == ("hc.county.visit_rates@2026", ".primary")
    assert dashboard.catalogue_entry(catalogue, "hc.county.visit_rates")[1] == ""
    with pytest.raises(KeyError):
        dashboard.catalogue_entry(catalogue, "hc.county.no_such_rule")


def test_default_year_is_clipped_to_the_plan_years() -> None:
    assert [dashboard.default_year(date(y, 5, 1)) for y in (2022, 2024, 2026)] == [2023, 2024, 2025]


def test_changing_the_scope_reuses_one_cached_evaluation(registry: ServiceContext, monkeypatch) -> None:
    loads: list[object] = []
    real_load = health_evaluation.load_snapshot
    monkeypatch.setattr(health_evaluation, "load_snapshot", lambda db: loads.append(db) or real_load(db))
    dashboard.dashboard_data(registry, as_of=AS_OF, year=YEAR)
    county = dashboard.dashboard_data(registry, as_of=AS_OF, year=YEAR, scope=XIUWU)
    assert len(loads) == 1
    assert county.rule_counts == failing_counts(registry, as_of=AS_OF, county_code=XIUWU)  # facility results ignore the year
