"""Look-ups behind the facilities page: filter choices, facility rules, rule-status matches, detail."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.errors import NotFound
from desktop_app.domain.health.entities import Facility
from desktop_app.domain.health.rules_facility import FACILITY_RULE_IDS
from desktop_app.domain.rules.results import Status
from desktop_app.domain.villages import Village
from desktop_app.domain.list_query import ListQuery
from desktop_app.services import health_evaluation, health_queries
from desktop_app.services import health_registry as registry
from desktop_app.services import villages as village_service

TOWNSHIP = "410821100000"
AS_OF = date(2024, 6, 1)
LICENCE = "hc.facility.licence"


@pytest.fixture
def facilities(ctx) -> None:
    village_service.create_village(ctx, village=Village("410821100201", "甲村", "行政村", 900))
    registry.create_facility(ctx, facility=Facility("C1", "甲村卫生室", "村卫生室", "410821100201", licence_no="L1",
                                                    licence_valid_until=date(2030, 1, 1)))
    registry.create_facility(ctx, facility=Facility("C2", "乙村卫生室", "村卫生室", "410821100201"))
    registry.create_facility(ctx, facility=Facility("T1", "城关镇卫生院", "乡镇卫生院", TOWNSHIP,
                                                    service_population=30000))


def test_division_choices_list_counties_with_their_townships(ctx) -> None:
    choices = {c.name: c for c in health_queries.division_choices(ctx)}
    assert len(choices) == 11
    assert (TOWNSHIP, "城关镇") in choices["修武县"].townships
    assert all(code.startswith("410821") for code, _ in choices["修武县"].townships)


def test_facility_rules_follow_the_evaluation_order_with_titles_and_citations(ctx) -> None:
    rules = health_queries.facility_rules(ctx, as_of=AS_OF)
    assert [r.base_id for r in rules] == list(FACILITY_RULE_IDS)
    licence = rules[0]
    assert licence.rule_id == LICENCE and licence.title == "依法取得《医疗机构执业许可证》"
    assert licence.citation.startswith("焦政办〔2023〕32号") and "基层医疗卫生服务能力" in licence.document_title


def test_codes_with_status_agree_with_the_evaluation_service(ctx, facilities) -> None:
    failing = health_queries.facility_codes_with_status(ctx, rule_id=LICENCE, statuses={Status.FAIL}, as_of=AS_OF)
    assert failing == health_evaluation.facilities_with_status(ctx, rule_id=LICENCE, statuses={Status.FAIL}, as_of=AS_OF)
    assert failing == ["C2", "T1"]
    judged = health_queries.facility_codes_with_status(ctx, rule_id="hc.village_clinic.seven_rooms", statuses=(), as_of=AS_OF)
    assert judged == ["C1", "C2"]
    any_fail = health_queries.facility_codes_with_status(ctx, rule_id=None, statuses={Status.FAIL}, as_of=AS_OF)
    assert set(failing) <= set(any_fail)
    with pytest.raises(NotFound):
        health_queries.facility_codes_with_status(ctx, rule_id="hc.no_such_rule", statuses=(), as_of=AS_OF)


def test_facility_detail_names_the_place_and_carries_every_result(ctx, facilities) -> None:
    detail = health_queries.facility_detail(ctx, code="C2", as_of=AS_OF)
    assert (detail.county_name, detail.township_name, detail.village_name) == ("修武县", "城关镇", "甲村")
    expected = health_evaluation.facility_results(ctx, code="C2", as_of=AS_OF).results
    assert [line.result for line in detail.results] == expected
    assert detail.results[0].title == "依法取得《医疗机构执业许可证》" and detail.row_version == 1
    assert health_queries.facility_detail(ctx, code="T1", as_of=AS_OF).village_name is None
    with pytest.raises(NotFound):
        health_queries.facility_detail(ctx, code="NOPE", as_of=AS_OF)


def test_a_clinic_without_a_population_shows_the_sum_of_its_served_villages(ctx) -> None:
    from desktop_app.domain.villages import Village
    from desktop_app.services import villages as village_service

    village_service.create_village(ctx, village=Village("410821100231", "甲村", "行政村", 640))
    village_service.create_village(ctx, village=Village("410821100232", "乙村", "行政村", 310, minutes_to_clinic=5))
    registry.create_facility(ctx, facility=Facility("QC1", "甲村卫生室", "村卫生室", "410821100231",
                                                    served_village_codes=("410821100231", "410821100232")))
    detail = health_queries.facility_detail(ctx, code="QC1", as_of=date(2025, 12, 31))
    assert (detail.service_population, detail.service_population_derived) == (950, True)
    listing = registry.facility_list(ctx)
    rows = listing.fetch_rows(listing.fetch_ids(ListQuery(search="QC1")))
    assert [row[5] for row in rows.values()] == [950]
