"""County and city indicators on small hand-computed registries, with their gaps."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from health_builders import (
    COUNTY,
    COUNTY_DIVISION,
    centre,
    city_indicator,
    clinic,
    county_indicator,
    person,
    snapshot,
    village,
    village_code,
)

from desktop_app.domain.divisions import Division
from desktop_app.domain.health.entities import CountyFigure, FamilyDoctorFigure
from desktop_app.domain.rules.results import Status
from desktop_app.domain.villages import Village

OWNERSHIP = "hc.county.public_ownership_share"
END_2025 = date(2025, 12, 31)


def clinics_with(ownerships: list[str | None], **fields):
    """One 行政村 per clinic, clinic i hosted in village 201 + i."""
    villages = [village(201 + i) for i in range(len(ownerships))]
    facilities = [clinic(f"C{i}", village_code(201 + i), ownership=o, **fields) for i, o in enumerate(ownerships)]
    return villages, facilities


def ownership_snapshot(public: int, private: int, blank: int = 0):
    villages, facilities = clinics_with(["公有"] * public + ["私人"] * private + [None] * blank)
    return snapshot(villages=villages, facilities=facilities)


def test_public_ownership_share_targets_by_year(catalogue):
    targets = catalogue.get(OWNERSHIP).params["targets"]
    assert (targets["2023"], targets["2025"]) == (0.85, 0.9)
    snap = ownership_snapshot(17, 3)  # 17 of 20 = 85%
    assert county_indicator(snap, catalogue, OWNERSHIP, date(2023, 12, 31)).status is Status.PASS
    assert county_indicator(snap, catalogue, OWNERSHIP, date(2024, 12, 31)).status is Status.PASS
    found = county_indicator(snap, catalogue, OWNERSHIP, END_2025)
    assert (found.status, found.actual, found.target, found.year) == (Status.FAIL, Fraction(17, 20), Fraction(9, 10), 2025)
    assert found.gap == "还需1所行政村卫生室转为公有产权"
    assert found.citation == catalogue.get(OWNERSHIP).citation
    assert "20所" in found.message and "17所" in found.message and "85%" in found.message
    running = county_indicator(snap, catalogue, OWNERSHIP, date(2025, 6, 30))
    assert (running.status, running.gap) == (Status.WARN, "还需1所行政村卫生室转为公有产权")
    assert county_indicator(snap, catalogue, OWNERSHIP, END_2025, year=2022).status is Status.NOT_APPLICABLE
    assert county_indicator(ownership_snapshot(18, 2), catalogue, OWNERSHIP, END_2025).status is Status.PASS
    assert city_indicator(snap, catalogue, OWNERSHIP, END_2025).gap == "还需1所行政村卫生室转为公有产权"


def test_public_ownership_share_gap_is_exact(catalogue):
    found = county_indicator(ownership_snapshot(30, 17), catalogue, OWNERSHIP, END_2025)  # 47 clinics
    assert found.gap == "还需13所行政村卫生室转为公有产权"  # ⌈0.9 × 47⌉ = 43 = 30 + 13


def test_public_ownership_share_blanks_and_denominator(catalogue):
    assert county_indicator(ownership_snapshot(17, 2, 1), catalogue, OWNERSHIP, END_2025).status is Status.UNKNOWN
    assert county_indicator(ownership_snapshot(16, 3, 1), catalogue, OWNERSHIP, END_2025).status is Status.FAIL
    villages, facilities = clinics_with(["公有"] * 9)
    natural = "410821100201-01"
    villages.append(Village(natural, "自然村", "自然村", 1600))
    facilities.append(clinic("N1", natural, ownership="私人"))  # hosted in a natural village: not counted
    found = county_indicator(snapshot(villages=villages, facilities=facilities), catalogue, OWNERSHIP, END_2025)
    assert (found.status, found.actual) == (Status.PASS, 1)


HIRED = "hc.county.township_hired_share"


def hired_snapshot(hired: int, not_hired: int):
    villages, facilities = clinics_with(["公有"] * (hired + not_hired))
    staff = [person(i, f"C{i}", township_hired=i < hired) for i in range(hired + not_hired)]
    return snapshot(villages=villages, facilities=facilities, staff=staff)


def test_township_hired_share(catalogue):
    params = catalogue.get(HIRED).params
    assert params["target"] == 0.6
    assert county_indicator(hired_snapshot(3, 2), catalogue, HIRED, END_2025).status is Status.PASS
    assert county_indicator(hired_snapshot(4, 1), catalogue, HIRED, END_2025).status is Status.PASS
    found = county_indicator(hired_snapshot(2, 3), catalogue, HIRED, END_2025)
    assert (found.status, found.actual, found.gap) == (Status.FAIL, Fraction(2, 5), "还需1所村卫生室落实乡村医生“乡聘村用”")
    before = county_indicator(hired_snapshot(2, 3), catalogue, HIRED, END_2025, year=params["from_year"] - 1)
    assert before.status is Status.NOT_APPLICABLE


LICENSED = "hc.county.village_doctor_licensed_share"


def licensed_snapshot(licensed: int, village_doctors: int):
    villages, facilities = clinics_with(["公有"])
    staff = [person(i, "C0", category="执业助理医师") for i in range(licensed)]
    staff += [person(100 + i, "C0", category="乡村医生") for i in range(village_doctors)]
    staff += [person(200, "C0", category="注册护士"), person(201, "C0", category="乡村医生", status="退出", left_on=date(2024, 1, 1))]
    return snapshot(villages=villages, facilities=facilities, staff=staff)


def test_licensed_share_city_carries_the_status(catalogue):
    assert catalogue.get(LICENSED).params["target"] == 0.45
    meets = licensed_snapshot(9, 11)  # 9 of 20 = 45%
    assert city_indicator(meets, catalogue, LICENSED, END_2025).status is Status.PASS
    assert county_indicator(meets, catalogue, LICENSED, END_2025).status is Status.PASS
    short = licensed_snapshot(8, 12)
    city = city_indicator(short, catalogue, LICENSED, END_2025)
    assert (city.status, city.actual, city.gap) == (Status.FAIL, Fraction(2, 5), "还需1名乡村医生取得执业（助理）医师资格")
    county = county_indicator(short, catalogue, LICENSED, END_2025)
    assert (county.status, county.gap) == (Status.WARN, "还需1名乡村医生取得执业（助理）医师资格")
    assert "县区对照参考" in county.message
    assert city_indicator(short, catalogue, LICENSED, date(2024, 12, 31)).status is Status.WARN


def centres_snapshot(levels: list[str | None], halls: list[str | None]):
    facilities = [centre(f"T{i}", capability_level=c, tcm_hall=h) for i, (c, h) in enumerate(zip(levels, halls))]
    return snapshot(facilities=facilities)


def test_recommended_and_secondary_shares(catalogue):
    recommended, secondary = "hc.city.recommended_standard_share", "hc.city.secondary_level_share"
    assert catalogue.get(recommended).params["target"] == 0.5 and catalogue.get(secondary).params["target"] == 0.2
    levels = ["二级水平", "二级水平", "推荐标准", "推荐标准", "推荐标准", "基本标准", "基本标准", "基本标准", "未达标", "基本标准"]
    snap = centres_snapshot(levels, ["有"] * 10)
    assert city_indicator(snap, catalogue, recommended, END_2025).status is Status.PASS
    assert county_indicator(snap, catalogue, secondary, END_2025).status is Status.PASS
    levels[0] = "推荐标准"
    levels[4] = "基本标准"
    snap = centres_snapshot(levels, ["有"] * 10)
    found = city_indicator(snap, catalogue, recommended, END_2025)
    assert (found.status, found.gap) == (Status.FAIL, "还需1所乡镇卫生院（社区卫生服务中心）服务能力达到推荐标准")
    second = county_indicator(snap, catalogue, secondary, END_2025)
    assert (second.status, second.actual) == (Status.FAIL, Fraction(1, 10))
    assert second.gap == "还需1所乡镇卫生院（社区卫生服务中心）达到二级综合医院水平"
    assert county_indicator(snap, catalogue, secondary, date(2024, 12, 31), year=2024).status is Status.WARN


def test_tcm_hall_coverage_and_model(catalogue):
    params = catalogue.get("hc.city.tcm_hall_share").params
    assert (params["coverage_target"], params["model_target"]) == (1.0, 0.3)
    snap = centres_snapshot(["基本标准"] * 10, ["示范", "示范", "示范"] + ["有"] * 7)
    assert city_indicator(snap, catalogue, "hc.city.tcm_hall_share.coverage", END_2025).status is Status.PASS
    assert city_indicator(snap, catalogue, "hc.city.tcm_hall_share.model", END_2025).status is Status.PASS
    snap = centres_snapshot(["基本标准"] * 10, ["示范", "示范", "无"] + ["有"] * 6 + [None])
    coverage = county_indicator(snap, catalogue, "hc.city.tcm_hall_share.coverage", END_2025)
    assert (coverage.status, coverage.gap) == (Status.FAIL, "还需2所乡镇卫生院（社区卫生服务中心）建成中医馆")
    model = county_indicator(snap, catalogue, "hc.city.tcm_hall_share.model", END_2025)
    assert (model.status, model.actual) == (Status.UNKNOWN, Fraction(2, 10))  # the blank one could be 示范


SUB_CENTRES = "hc.county.sub_centre_allocation"
DISTRICT = Division("410802000000", "解放区", "county", "410800000000", "district", "五城区")


def sub_centre_snapshot(sub_centres: int, others: list[bool | None]):
    flags = [True] * sub_centres + others
    facilities = [centre(f"T{i}", kind="中心乡镇卫生院", sub_centre=flag) for i, flag in enumerate(flags)]
    facilities.append(clinic("C1"))  # a clinic with a blank 次中心 does not make the count unknown
    return snapshot(villages=[village(201)], facilities=facilities, counties=[COUNTY_DIVISION, DISTRICT])


def test_sub_centre_allocation(catalogue):
    allocation = catalogue.get(SUB_CENTRES).params["allocation"][COUNTY]
    for built in (allocation, allocation + 1):
        assert county_indicator(sub_centre_snapshot(built, [False]), catalogue, SUB_CENTRES, END_2025).status is Status.PASS
    short = county_indicator(sub_centre_snapshot(allocation - 1, [False]), catalogue, SUB_CENTRES, END_2025)
    assert (short.status, short.actual, short.target) == (Status.FAIL, allocation - 1, allocation)
    assert short.gap == "还需建成1个县域医疗卫生次中心"
    early = county_indicator(sub_centre_snapshot(allocation - 1, [False]), catalogue, SUB_CENTRES, date(2024, 12, 31))
    assert early.status is Status.WARN
    undecided = county_indicator(sub_centre_snapshot(allocation - 1, [None]), catalogue, SUB_CENTRES, END_2025)
    assert undecided.status is Status.UNKNOWN
    district = county_indicator(sub_centre_snapshot(0, []), catalogue, SUB_CENTRES, END_2025, county=DISTRICT.code)
    assert district.status is Status.NOT_APPLICABLE


BUILT = "hc.city.village_clinics_built_2023"


def built_snapshot(built_in_2023: int):
    years = [2023] * built_in_2023 + [2022, 2024, None]
    villages = [village(201 + i) for i in range(len(years))]
    facilities = [clinic(f"C{i}", village_code(201 + i), built_year=y) for i, y in enumerate(years)]
    return snapshot(villages=villages, facilities=facilities)


def test_village_clinics_built_in_2023(catalogue):
    params = catalogue.get(BUILT).params
    target, year = params["target"], params["year"]
    end = date(year, 12, 31)
    assert city_indicator(built_snapshot(target), catalogue, BUILT, end).status is Status.PASS
    short = city_indicator(built_snapshot(target - 1), catalogue, BUILT, end)
    assert (short.status, short.actual, short.target, short.gap) == (Status.FAIL, target - 1, target, "还需新改（扩）建1所村卫生室")
    assert city_indicator(built_snapshot(target - 1), catalogue, BUILT, date(year, 10, 1)).status is Status.WARN
    assert city_indicator(built_snapshot(target), catalogue, BUILT, END_2025).status is Status.NOT_APPLICABLE
    assert city_indicator(built_snapshot(target), catalogue, BUILT, END_2025, year=year).status is Status.PASS


VISITS = "hc.county.visit_rates"


def visits_snapshot(in_county: float | None, primary: float | None, year: int = 2025):
    return snapshot(county_figures=[CountyFigure(COUNTY, year, 300_000, in_county, primary, 50_000)])


def test_visit_rates(catalogue):
    params = catalogue.get(VISITS).params
    snap = visits_snapshot(params["in_county"], params["primary"] + 0.1)
    assert county_indicator(snap, catalogue, VISITS + ".in_county", END_2025).status is Status.PASS
    assert county_indicator(snap, catalogue, VISITS + ".primary", END_2025).status is Status.PASS
    short = county_indicator(visits_snapshot(params["in_county"] - 0.1, None), catalogue, VISITS + ".in_county", END_2025)
    assert short.status is Status.FAIL and short.gap == "县域内就诊率还需提高0.1个百分点"
    assert float(short.actual) == params["in_county"] - 0.1 and short.target == params["in_county"]
    blank = county_indicator(visits_snapshot(params["in_county"] - 0.1, None), catalogue, VISITS + ".primary", END_2025)
    assert blank.status is Status.UNKNOWN
    no_row = county_indicator(snapshot(), catalogue, VISITS + ".in_county", END_2025)
    assert no_row.status is Status.UNKNOWN
    earlier = visits_snapshot(params["in_county"] - 3, 60.25, year=2024)
    found = county_indicator(earlier, catalogue, VISITS + ".primary", END_2025, year=2024)
    assert (found.status, found.gap) == (Status.WARN, f"县域内基层就诊率还需提高{params['primary'] - 60.25:g}个百分点")


CONTRACTS = "hc.county.contract_coverage_increase"


def contracts_snapshot(signed_2024: int | None, signed_2025: int | None, population: int = 100_000):
    figures = [CountyFigure(COUNTY, 2024, population), CountyFigure(COUNTY, 2025, population)]
    rows = [FamilyDoctorFigure("C1", 2024, signed_2024), FamilyDoctorFigure("C1", 2025, signed_2025)]
    return snapshot(villages=[village(201)], facilities=[clinic()], family_doctor=rows, county_figures=figures)


def test_contract_coverage_increase(catalogue):
    params = catalogue.get(CONTRACTS).params
    assert (params["min_points"], params["max_points"]) == (1, 3)
    one_point = county_indicator(contracts_snapshot(30_000, 31_000), catalogue, CONTRACTS, END_2025)
    assert (one_point.status, one_point.actual, one_point.target) == (Status.PASS, 1, 1)
    short = county_indicator(contracts_snapshot(30_000, 30_999), catalogue, CONTRACTS, END_2025)
    assert (short.status, short.gap) == (Status.FAIL, "还需新增签约1人")
    assert county_indicator(contracts_snapshot(30_000, 30_999), catalogue, CONTRACTS, date(2025, 6, 30)).status is Status.WARN
    at_most = county_indicator(contracts_snapshot(30_000, 33_000), catalogue, CONTRACTS, END_2025)
    assert at_most.status is Status.PASS and "超过上限" not in at_most.message
    big = county_indicator(contracts_snapshot(30_000, 34_000), catalogue, CONTRACTS, END_2025)
    assert big.status is Status.PASS and "超过上限" in big.message
    assert county_indicator(contracts_snapshot(None, 34_000), catalogue, CONTRACTS, END_2025).status is Status.UNKNOWN
    missing_year = snapshot(villages=[village(201)], facilities=[clinic()],
                            family_doctor=[FamilyDoctorFigure("C1", 2025, 40_000)],
                            county_figures=[CountyFigure(COUNTY, 2025, 100_000)])
    found = county_indicator(missing_year, catalogue, CONTRACTS, END_2025)
    assert found.status is Status.UNKNOWN and "2024年" in found.message


@pytest.mark.parametrize("rule_id", [OWNERSHIP, LICENSED, "hc.city.recommended_standard_share", "hc.city.tcm_hall_share.model"])
def test_share_without_subjects_is_not_applicable(catalogue, rule_id):
    assert county_indicator(snapshot(), catalogue, rule_id, END_2025).status is Status.NOT_APPLICABLE
