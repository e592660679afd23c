"""Village-clinic and station standards: staff per 1,000, floor area, seven rooms, ownership,
common diseases, TCM techniques, 乡聘村用, and the licence every facility needs."""

from __future__ import annotations

import math
from datetime import date, timedelta
from fractions import Fraction

import pytest
from health_builders import (
    AS_OF,
    clinic,
    facility_result,
    modified_catalogue,
    person,
    snapshot,
    village,
    village_code,
)

from desktop_app.domain.health.entities import Facility
from desktop_app.domain.rules.results import Status

STAFF_RULE = "hc.village_clinic.staff_per_1000"


def staff_snapshot(population: int | None, medical: int, **clinic_fields: object) -> object:
    members = [person(i, "C1") for i in range(1, medical + 1)]
    return snapshot(villages=[village(201, 500)], facilities=[clinic(service_population=population, **clinic_fields)],
                    staff=members)


def required_staff(catalogue: object, population: int) -> int:
    entry = catalogue.get(STAFF_RULE)
    return max(entry.params["min_staff"], math.ceil(Fraction(population, entry.params["per_population"])))


@pytest.mark.parametrize("multiple, offset", [(0, 0), (1, -1), (1, 0), (1, 1), (2, 0), (2, 1), (3, -1)])
def test_staff_per_1000_at_and_around_each_multiple(catalogue, multiple, offset):
    per = catalogue.get(STAFF_RULE).params["per_population"]
    population = multiple * per + offset
    required = required_staff(catalogue, population)
    passing = facility_result(staff_snapshot(population, required), catalogue, STAFF_RULE)
    failing = facility_result(staff_snapshot(population, required - 1), catalogue, STAFF_RULE)
    assert (passing.status, passing.actual, passing.required) == (Status.PASS, required, required)
    assert (failing.status, failing.actual, failing.required) == (Status.FAIL, required - 1, required)


def test_staff_per_1000_documented_readings(catalogue):
    entry = catalogue.get(STAFF_RULE)
    assert (entry.params["per_population"], entry.params["min_staff"]) == (1000, 1)
    assert facility_result(staff_snapshot(1000, 1), catalogue, STAFF_RULE).status is Status.PASS
    one_more = facility_result(staff_snapshot(1001, 1), catalogue, STAFF_RULE)
    assert (one_more.status, one_more.required) == (Status.FAIL, 2)  # 1,001 people need 2 staff
    tiny = facility_result(staff_snapshot(120, 0), catalogue, STAFF_RULE)
    assert (tiny.status, tiny.required) == (Status.FAIL, 1)  # a clinic under 1,000 still needs 1


def test_staff_per_1000_message_names_population_need_and_shortfall(catalogue):
    found = facility_result(staff_snapshot(2350, 2), catalogue, STAFF_RULE)
    assert found.message == "服务人口2,350人，需医务人员3名，现有2名，缺1名"
    assert found.citation == catalogue.get(STAFF_RULE).citation == "焦政办〔2023〕32号 三（一）1"


def test_staff_per_1000_counts_only_active_staff_outside_other(catalogue):
    members = [person(1), person(2, category="其他"), person(3, status="退出", left_on=date(2024, 1, 1)), person(4, category="注册护士")]
    snap = snapshot(villages=[village(201)], facilities=[clinic(service_population=1500)], staff=members)
    found = facility_result(snap, catalogue, STAFF_RULE)
    assert (found.status, found.actual, found.required) == (Status.PASS, 2, 2)


def test_staff_per_1000_blank_status_is_unknown_only_when_it_could_decide(catalogue):
    undecided = person(2, status=None)
    snap = snapshot(villages=[village(201)], facilities=[clinic(service_population=1500)], staff=[person(1), undecided])
    assert facility_result(snap, catalogue, STAFF_RULE).status is Status.UNKNOWN
    snap = snapshot(villages=[village(201)], facilities=[clinic(service_population=900)], staff=[person(1), undecided])
    assert facility_result(snap, catalogue, STAFF_RULE).status is Status.PASS
    snap = snapshot(villages=[village(201)], facilities=[clinic(service_population=2500)], staff=[undecided])
    assert facility_result(snap, catalogue, STAFF_RULE).status is Status.FAIL


def test_blank_service_population_is_the_sum_of_served_villages(catalogue):
    villages = [village(201, 700), village(202, 450)]
    shared = clinic(served_village_codes=(village_code(201), village_code(202)))
    snap = snapshot(villages=villages, facilities=[shared], staff=[person(1)])
    found = facility_result(snap, catalogue, STAFF_RULE)
    assert (found.status, found.required) == (Status.FAIL, 2)
    assert "服务人口1,150人" in found.message
    own_only = snapshot(villages=villages, facilities=[clinic()], staff=[person(1)])
    assert facility_result(own_only, catalogue, STAFF_RULE).status is Status.PASS


def test_unknown_service_population_is_unknown(catalogue):
    blank_village = snapshot(villages=[village(201, None)], facilities=[clinic()], staff=[person(1)])
    found = facility_result(blank_village, catalogue, STAFF_RULE)
    assert found.status is Status.UNKNOWN and "常住人口未填写" in found.message
    no_village = snapshot(villages=[], facilities=[clinic()], staff=[person(1)])
    assert facility_result(no_village, catalogue, STAFF_RULE).status is Status.UNKNOWN


def test_changed_per_population_changes_the_requirement_without_code_changes(catalogue):
    snap = staff_snapshot(1200, 2)
    assert facility_result(snap, catalogue, STAFF_RULE).status is Status.PASS
    stricter = modified_catalogue(STAFF_RULE, per_population=500)
    found = facility_result(snap, stricter, STAFF_RULE)
    assert (found.status, found.required) == (Status.FAIL, 3)


AREA_RULE = "hc.village_clinic.floor_area"


@pytest.mark.parametrize("rule_id, kind", [(AREA_RULE, "村卫生室"), ("hc.community_station.floor_area", "社区卫生服务站")])
def test_floor_area_new_builds_fail_older_warn(catalogue, rule_id, kind):
    params = catalogue.get(rule_id).params
    minimum, new_from = params["min_area_m2"], params["new_from_year"]

    def status(area: float | None, built: int | None) -> Status:
        facility = Facility(code="C1", name="n", kind=kind, division_code=village_code(201), floor_area_m2=area, built_year=built)
        return facility_result(snapshot(villages=[village(201)], facilities=[facility]), catalogue, rule_id).status

    assert status(minimum, new_from) is Status.PASS
    assert status(minimum + 0.5, new_from) is Status.PASS
    assert status(minimum - 0.5, new_from) is Status.FAIL
    assert status(minimum - 0.5, new_from + 1) is Status.FAIL
    assert status(minimum - 0.5, new_from - 1) is Status.WARN
    assert status(minimum - 0.5, None) is Status.WARN
    assert status(minimum, None) is Status.PASS
    assert status(None, new_from) is Status.UNKNOWN


ROOMS_RULE = "hc.village_clinic.seven_rooms"
ALL_ROOMS = dict(room_diagnosis=True, room_treatment=True, room_observation=True, room_pharmacy=True, room_tcm=True,
                 room_public_health=True, room_duty=True)


def rooms_result(catalogue, built_year: int | None, **rooms: bool | None):
    fields = {**ALL_ROOMS, **rooms}
    snap = snapshot(villages=[village(201)], facilities=[clinic(built_year=built_year, **fields)])
    return facility_result(snap, catalogue, ROOMS_RULE)


def test_seven_rooms(catalogue):
    new_from = catalogue.get(ROOMS_RULE).params["new_from_year"]
    assert len(catalogue.get(ROOMS_RULE).params["rooms"]) == 7
    assert rooms_result(catalogue, new_from).status is Status.PASS
    missing = rooms_result(catalogue, new_from, room_duty=False, room_tcm=False)
    assert (missing.status, missing.actual, missing.required) == (Status.FAIL, 5, 7)
    assert "中医治疗室" in missing.message and "值班室" in missing.message
    assert rooms_result(catalogue, new_from - 1, room_duty=False).status is Status.WARN
    assert rooms_result(catalogue, None, room_duty=False).status is Status.WARN
    assert rooms_result(catalogue, new_from, room_pharmacy=None).status is Status.UNKNOWN
    both = rooms_result(catalogue, new_from, room_pharmacy=None, room_duty=False)
    assert both.status is Status.FAIL and "药房未填写" in both.message


def test_public_ownership(catalogue):
    wanted = catalogue.get("hc.village_clinic.public_ownership").params["ownership"]

    def status(ownership: str | None) -> Status:
        snap = snapshot(villages=[village(201)], facilities=[clinic(ownership=ownership)])
        return facility_result(snap, catalogue, "hc.village_clinic.public_ownership").status

    assert status(wanted) is Status.PASS
    assert status("集体") is Status.FAIL
    assert status("私人") is Status.FAIL
    assert status(None) is Status.UNKNOWN


@pytest.mark.parametrize(
    "rule_id, field, param",
    [("hc.village_clinic.common_diseases", "common_diseases", "min_diseases"),
     ("hc.village_clinic.tcm_techniques", "tcm_techniques", "min_techniques")],
)
def test_counts_with_due_date(catalogue, rule_id, field, param):
    entry = catalogue.get(rule_id)
    minimum, due = entry.params[param], entry.due
    assert due is not None

    def found(value: int | None, as_of: date):
        snap = snapshot(villages=[village(201)], facilities=[clinic(**{field: value})])
        return facility_result(snap, catalogue, rule_id, as_of=as_of)

    assert found(minimum, due).status is Status.PASS
    assert found(minimum + 1, due).status is Status.PASS
    before = found(minimum - 1, due - timedelta(days=1))
    assert before.status is Status.WARN and due.isoformat() in before.message
    assert found(minimum - 1, due).status is Status.FAIL
    assert found(minimum - 1, due + timedelta(days=400)).status is Status.FAIL
    assert found(None, due).status is Status.UNKNOWN
    short = found(minimum - 3, due)
    assert (short.actual, short.required) == (minimum - 3, minimum) and "还差3" in short.message


HIRED_RULE = "hc.village_clinic.township_hired"


@pytest.mark.parametrize(
    "members, expected",
    [
        ([person(1, township_hired=True)], Status.PASS),
        ([person(1, township_hired=False), person(2, category="执业助理医师", township_hired=True)], Status.PASS),
        ([person(1, township_hired=False)], Status.FAIL),
        ([person(1, category="注册护士", township_hired=True)], Status.FAIL),
        ([person(1, status="退出", left_on=date(2024, 1, 1), township_hired=True)], Status.FAIL),
        ([], Status.FAIL),
        ([person(1, township_hired=None)], Status.UNKNOWN),
        ([person(1, township_hired=True, status=None)], Status.UNKNOWN),
        ([person(1, township_hired=None), person(2, township_hired=True)], Status.PASS),
    ],
)
def test_township_hired(catalogue, members, expected):
    snap = snapshot(villages=[village(201)], facilities=[clinic()], staff=members)
    assert facility_result(snap, catalogue, HIRED_RULE).status is expected


LICENCE_RULE = "hc.facility.licence"


def licence_status(catalogue, number: str | None, until: date | None, as_of: date = AS_OF) -> Status:
    snap = snapshot(villages=[village(201)], facilities=[clinic(licence_no=number, licence_valid_until=until)])
    return facility_result(snap, catalogue, LICENCE_RULE, as_of=as_of).status


def test_licence_window(catalogue):
    warn_days = catalogue.get(LICENCE_RULE).params["warn_days_before_expiry"]
    assert licence_status(catalogue, "L1", AS_OF + timedelta(days=warn_days + 1)) is Status.PASS
    assert licence_status(catalogue, "L1", AS_OF + timedelta(days=warn_days)) is Status.WARN
    assert licence_status(catalogue, "L1", AS_OF) is Status.WARN
    assert licence_status(catalogue, "L1", AS_OF - timedelta(days=1)) is Status.FAIL
    assert licence_status(catalogue, None, AS_OF + timedelta(days=800)) is Status.FAIL
    assert licence_status(catalogue, None, None) is Status.FAIL
    assert licence_status(catalogue, "L1", None) is Status.UNKNOWN


def test_licence_applies_to_every_kind_and_reports_dates(catalogue):
    kinds = ["村卫生室", "乡镇卫生院", "中心乡镇卫生院", "社区卫生服务中心", "社区卫生服务站"]
    expired = date(2024, 3, 1)
    for kind in kinds:
        host = village_code(201) if kind in ("村卫生室", "社区卫生服务站") else "410821100000"
        facility = Facility(code="F", name="n", kind=kind, division_code=host, licence_no="L", licence_valid_until=expired)
        found = facility_result(snapshot(villages=[village(201)], facilities=[facility]), catalogue, LICENCE_RULE, "F")
        assert (found.status, found.actual, found.required) == (Status.FAIL, "2024-03-01", AS_OF.isoformat())
        assert "2024-03-01" in found.message
