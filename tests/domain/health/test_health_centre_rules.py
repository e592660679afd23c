"""Township and community centre standards: beds, key staff, TCM hall, disease capability,
buildings and CT, community-centre floor area bands, fever clinic."""

from __future__ import annotations

import math
from datetime import date, timedelta
from fractions import Fraction

import pytest
from health_builders import AS_OF, centre, evaluate, facility_result, modified_catalogue, person, snapshot

from desktop_app.domain.rules.results import Status

BEDS_RULE = "hc.township_centre.beds_per_1000"


def beds_result(catalogue, population: int | None, beds: int | None, kind: str = "乡镇卫生院"):
    snap = snapshot(facilities=[centre(kind=kind, service_population=population, beds=beds)])
    return facility_result(snap, catalogue, BEDS_RULE, "T1")


@pytest.mark.parametrize("population", [0, 999, 1000, 10_000, 34_408, 50_001])
def test_beds_at_and_below_requirement(catalogue, population):
    rate = Fraction(str(catalogue.get(BEDS_RULE).params["beds_per_1000"]))
    required = math.ceil(rate * population / 1000)
    assert beds_result(catalogue, population, required).status is Status.PASS
    assert beds_result(catalogue, population, required + 1).status is Status.PASS
    if required:
        short = beds_result(catalogue, population, required - 1, "中心乡镇卫生院")
        assert (short.status, short.actual, short.required) == (Status.FAIL, required - 1, required)
        assert "缺1张" in short.message


def test_beds_documented_values_and_blanks(catalogue):
    assert catalogue.get(BEDS_RULE).params["beds_per_1000"] == 1.2
    assert beds_result(catalogue, 1000, 1).required == 2  # 1.2 beds round up to 2
    assert beds_result(catalogue, 25_000, 30).status is Status.PASS
    assert beds_result(catalogue, None, 30).status is Status.UNKNOWN
    assert beds_result(catalogue, 25_000, None).status is Status.UNKNOWN


def test_beds_requirement_is_exact_not_float(catalogue):
    # 0.07 × 100,000 / 1,000 is 7.000000000000001 in floats, which would ask for 8 beds.
    assert math.ceil(0.07 * 100_000 / 1000) == 8
    odd = modified_catalogue(BEDS_RULE, beds_per_1000=0.07)
    snap = snapshot(facilities=[centre(service_population=100_000, beds=7)])
    found = facility_result(snap, odd, BEDS_RULE, "T1")
    assert (found.status, found.required) == (Status.PASS, 7)


KEY_RULE = "hc.township_centre.key_staff"


def gp(serial: int, **fields):
    base = dict(category="执业医师", general_practice=True, education="本科", full_time=True, practice_scope="临床")
    return person(serial, "T1", **{**base, **fields})


def tcm(serial: int, **fields):
    return person(serial, "T1", **{**dict(category="执业医师", practice_scope="中医"), **fields})


def public_health(serial: int, **fields):
    return person(serial, "T1", **{**dict(category="执业助理医师", practice_scope="公共卫生"), **fields})


def key_result(catalogue, members, as_of: date = AS_OF):
    return facility_result(snapshot(facilities=[centre()], staff=members), catalogue, KEY_RULE, "T1", as_of)


def test_key_staff_three_distinct_people_pass(catalogue):
    found = key_result(catalogue, [gp(1), tcm(2), public_health(3)])
    assert (found.status, found.actual, found.required) == (Status.PASS, 3, 3)
    assert "人1" in found.message and "人3" in found.message


def test_key_staff_one_person_cannot_fill_two_slots(catalogue):
    due = catalogue.get(KEY_RULE).due
    gp_and_tcm = gp(1, practice_scope="中医")  # a full-time bachelor GP who is also a TCM physician
    found = key_result(catalogue, [gp_and_tcm, public_health(2)], due)
    assert (found.status, found.actual) == (Status.FAIL, 2)
    assert "一人只能占一个岗位" in found.message
    assert key_result(catalogue, [gp_and_tcm, public_health(2), tcm(3)], due).status is Status.PASS


def test_key_staff_assignment_reshuffles_to_fill_every_slot(catalogue):
    # Person 1 qualifies for gp and public health, person 2 for gp only: 1 must take public health.
    both = gp(1, category="执业助理医师", practice_scope="公共卫生")
    assert key_result(catalogue, [both, gp(2), tcm(3)]).status is Status.PASS


@pytest.mark.parametrize(
    "bad_gp",
    [gp(1, education="大专"), gp(1, full_time=False), gp(1, general_practice=False), gp(1, category="乡村医生"),
     gp(1, status="退出", left_on=date(2024, 1, 1))],
)
def test_key_staff_gp_conditions(catalogue, bad_gp):
    due = catalogue.get(KEY_RULE).due
    found = key_result(catalogue, [bad_gp, tcm(2), public_health(3)], due)
    assert found.status is Status.FAIL and "全科医生" in found.message


def test_key_staff_tcm_needs_a_full_physician(catalogue):
    due = catalogue.get(KEY_RULE).due
    assistant = tcm(2, category="执业助理医师")
    assert key_result(catalogue, [gp(1), assistant, public_health(3)], due).status is Status.FAIL


def test_key_staff_due_date_and_blanks(catalogue):
    due = catalogue.get(KEY_RULE).due
    missing = [gp(1), tcm(2)]
    before = key_result(catalogue, missing, due - timedelta(days=1))
    assert before.status is Status.WARN and "公共卫生类别" in before.message
    assert key_result(catalogue, missing, due).status is Status.FAIL
    assert key_result(catalogue, [gp(1), tcm(2), public_health(3, practice_scope=None)], due).status is Status.UNKNOWN
    assert key_result(catalogue, [gp(1, education=None), tcm(2), public_health(3)], due).status is Status.UNKNOWN


def test_key_staff_only_for_township_centres(catalogue):
    evaluation = evaluate(snapshot(facilities=[centre(kind="社区卫生服务中心")]), catalogue)
    assert KEY_RULE not in [r.rule_id for r in evaluation.facilities[0].results]


HALL_RULE = "hc.township_centre.tcm_hall"


@pytest.mark.parametrize("kind", ["乡镇卫生院", "中心乡镇卫生院", "社区卫生服务中心"])
def test_tcm_hall(catalogue, kind):
    due = catalogue.get(HALL_RULE).due

    def status(hall: str | None, as_of: date) -> Status:
        return facility_result(snapshot(facilities=[centre(kind=kind, tcm_hall=hall)]), catalogue, HALL_RULE, "T1", as_of).status

    assert status("有", due) is Status.PASS
    assert status("示范", due) is Status.PASS
    assert status("无", due - timedelta(days=1)) is Status.WARN
    assert status("无", due) is Status.FAIL
    assert status(None, due) is Status.UNKNOWN


TOWNSHIP_DISEASES = "hc.township_centre.common_diseases"
CENTRAL_DISEASES = "hc.central_centre.common_diseases"


@pytest.mark.parametrize("kind", ["乡镇卫生院", "社区卫生服务中心"])
def test_township_common_diseases_shortfall_is_only_warn(catalogue, kind):
    minimum = catalogue.get(TOWNSHIP_DISEASES).params["min_diseases"]

    def found(value: int | None, as_of: date = AS_OF):
        snap = snapshot(facilities=[centre(kind=kind, common_diseases=value)])
        return facility_result(snap, catalogue, TOWNSHIP_DISEASES, "T1", as_of)

    assert found(minimum).status is Status.PASS
    assert found(minimum + 1).status is Status.PASS
    assert found(minimum - 1).status is Status.WARN
    short = found(minimum - 5, date(2027, 1, 1))
    assert (short.status, short.actual, short.required) == (Status.WARN, minimum - 5, minimum)
    assert "还差5种" in short.message
    assert found(None).status is Status.UNKNOWN


def test_central_common_diseases(catalogue):
    entry = catalogue.get(CENTRAL_DISEASES)
    minimum, due = entry.params["min_diseases"], entry.due

    def found(value: int | None, kind: str = "中心乡镇卫生院", sub_centre: bool | None = None, as_of: date = due):
        snap = snapshot(facilities=[centre(kind=kind, common_diseases=value, sub_centre=sub_centre)])
        return facility_result(snap, catalogue, CENTRAL_DISEASES, "T1", as_of)

    assert found(minimum).status is Status.PASS
    assert found(minimum + 1).status is Status.PASS
    assert found(minimum - 1).status is Status.FAIL
    assert found(minimum - 1, as_of=due - timedelta(days=1)).status is Status.WARN
    assert found(None).status is Status.UNKNOWN
    assert found(minimum - 1, "乡镇卫生院", sub_centre=True).status is Status.FAIL
    assert found(minimum - 1, "乡镇卫生院", sub_centre=False).status is Status.NOT_APPLICABLE
    assert found(minimum - 1, "乡镇卫生院", sub_centre=None).status is Status.UNKNOWN


def test_central_centres_do_not_get_the_75_warning(catalogue):
    results = evaluate(snapshot(facilities=[centre(kind="中心乡镇卫生院", common_diseases=50)]), catalogue).facilities[0].results
    assert TOWNSHIP_DISEASES not in [r.rule_id for r in results]


BUILDINGS_RULE = "hc.central_centre.buildings_and_ct"


def test_buildings_and_ct(catalogue):
    entry = catalogue.get(BUILDINGS_RULE)
    assert entry.params["required"] == ("门诊楼", "病房楼", "16排CT")

    def found(as_of: date = entry.due, **fields):
        base = dict(outpatient_building=True, ward_building=True, ct16=True)
        snap = snapshot(facilities=[centre(kind="中心乡镇卫生院", **{**base, **fields})])
        return facility_result(snap, catalogue, BUILDINGS_RULE, "T1", as_of)

    assert found().status is Status.PASS
    no_ct = found(ct16=False)
    assert (no_ct.status, no_ct.actual, no_ct.required) == (Status.FAIL, 2, 3) and "16排CT" in no_ct.message
    assert found(entry.due - timedelta(days=1), ct16=False).status is Status.WARN
    assert found(ward_building=None).status is Status.UNKNOWN


AREA_RULE = "hc.community_centre.floor_area"


def area_result(catalogue, population: int | None, beds: int | None, area: float | None, rules=None):
    snap = snapshot(facilities=[centre(kind="社区卫生服务中心", service_population=population, beds=beds, floor_area_m2=area)])
    return facility_result(snap, rules or catalogue, AREA_RULE, "T1")


def band_area(catalogue, population: int) -> int:
    return next(a for _, upper, a in catalogue.get(AREA_RULE).params["bands"] if upper is None or population <= upper)


@pytest.mark.parametrize("population", [30_000, 49_999, 50_000, 50_001, 70_000, 70_001, 100_000])
def test_community_floor_area_bands_with_beds(catalogue, population):
    per_bed = catalogue.get(AREA_RULE).params["per_bed_m2"]
    required = band_area(catalogue, population) + per_bed * 10
    at = area_result(catalogue, population, 10, required)
    assert (at.status, at.required) == (Status.PASS, required)
    assert area_result(catalogue, population, 10, required - 0.5).status is Status.FAIL


def test_community_floor_area_documented_bands(catalogue):
    assert band_area(catalogue, 50_000) == 1400  # the upper bound belongs to the lower band
    assert band_area(catalogue, 50_001) == 1700
    assert band_area(catalogue, 70_000) == 1700
    assert band_area(catalogue, 70_001) == 2000
    found = area_result(catalogue, 50_000, 4, 1450)
    assert (found.status, found.required) == (Status.FAIL, 1500)
    assert "缺50m²" in found.message


def test_community_floor_area_planning_note_does_not_change_status(catalogue):
    low, high = catalogue.get(AREA_RULE).params["planning_population"]
    outside = area_result(catalogue, low - 1, 0, 5000)
    assert outside.status is Status.PASS and "规划标准" in outside.message
    assert "规划标准" not in area_result(catalogue, low, 0, 5000).message
    assert "规划标准" not in area_result(catalogue, high, 0, 5000).message
    assert "规划标准" in area_result(catalogue, high + 1, 0, 5000).message


def test_community_floor_area_blanks_and_changed_bands(catalogue):
    assert area_result(catalogue, 40_000, None, 2000).status is Status.UNKNOWN
    assert area_result(catalogue, None, 0, 2000).status is Status.UNKNOWN
    assert area_result(catalogue, 40_000, 0, None).status is Status.UNKNOWN
    bigger = modified_catalogue(AREA_RULE, bands=[[0, 50000, 1600], [50000, None, 2200]])
    assert area_result(catalogue, 40_000, 0, 1500).status is Status.PASS
    assert area_result(catalogue, 40_000, 0, 1500, bigger).status is Status.FAIL


@pytest.mark.parametrize("kind", ["乡镇卫生院", "中心乡镇卫生院", "社区卫生服务中心"])
def test_fever_clinic(catalogue, kind):
    def status(value: bool | None) -> Status:
        return facility_result(snapshot(facilities=[centre(kind=kind, fever_clinic=value)]), catalogue,
                               "hc.centre.fever_clinic", "T1").status

    assert (status(True), status(False), status(None)) == (Status.PASS, Status.FAIL, Status.UNKNOWN)
