"""Registry records: derived codes and the bad-input checks for facilities, staff and training."""

from __future__ import annotations

from datetime import date

from health_builders import OTHER_TOWNSHIP, TOWNSHIP, clinic, id_number, person, village, village_code

from desktop_app.domain.health.entities import (
    Facility,
    TrainingRecord,
    admin_village_code,
    validate_facility,
    validate_staff,
    validate_training,
)

TODAY = date(2025, 6, 30)
VILLAGES = {v.code: v for v in (village(201), village(202), village(301, township=OTHER_TOWNSHIP))}


def fields_of(problems) -> list[str]:
    return [p.field for p in problems]


def test_derived_codes():
    natural = village_code(201) + "-03"
    facility = clinic(host=natural)
    assert facility.county_code == "410821000000"
    assert facility.township_code == TOWNSHIP
    assert admin_village_code(natural) == village_code(201)
    assert admin_village_code(village_code(201)) == village_code(201)
    assert clinic().served_codes == (village_code(201),)
    assert clinic(served_village_codes=(village_code(202),)).served_codes == (village_code(202),)
    assert Facility("T", "n", "乡镇卫生院", TOWNSHIP).served_codes == ()


def test_a_good_clinic_and_centre_have_no_problems():
    assert validate_facility(clinic(served_village_codes=(village_code(201), village_code(202)), beds=0), VILLAGES) == []
    assert validate_facility(Facility("T", "卫生院", "中心乡镇卫生院", TOWNSHIP, service_population=30000, beds=40), VILLAGES) == []


def test_clinic_serving_a_village_of_another_township():
    problems = validate_facility(clinic(served_village_codes=(village_code(201), village_code(301, OTHER_TOWNSHIP))), VILLAGES)
    assert fields_of(problems) == ["served_village_codes"]
    assert "其他乡镇" in problems[0].reason


def test_served_or_host_village_that_does_not_exist():
    problems = validate_facility(clinic(served_village_codes=(village_code(299),)), VILLAGES)
    assert fields_of(problems) == ["served_village_codes"] and village_code(299) in problems[0].reason
    assert fields_of(validate_facility(clinic(host=village_code(298)), VILLAGES)) == ["division_code", "served_village_codes"]


def test_centre_hosted_in_a_village_code():
    for kind in ("乡镇卫生院", "中心乡镇卫生院", "社区卫生服务中心"):
        problems = validate_facility(Facility("T", "n", kind, village_code(201), service_population=9000), VILLAGES)
        assert fields_of(problems) == ["division_code"]
    assert fields_of(validate_facility(Facility("T", "n", "乡镇卫生院", "410821000000", service_population=9000), VILLAGES)) == ["division_code"]


def test_beds_on_a_village_clinic_and_negative_numbers():
    assert fields_of(validate_facility(clinic(beds=2), VILLAGES)) == ["beds"]
    negative = clinic(floor_area_m2=-1.0, common_diseases=-3, tcm_techniques=-1, service_population=-5)
    assert sorted(fields_of(validate_facility(negative, VILLAGES))) == [
        "common_diseases", "floor_area_m2", "service_population", "tcm_techniques"]
    assert fields_of(validate_facility(Facility("T", "n", "乡镇卫生院", TOWNSHIP, service_population=9000, beds=-1), VILLAGES)) == ["beds"]


def test_vocabularies_and_required_fields():
    bad = Facility("", "", "诊所", TOWNSHIP, ownership="国有", tcm_hall="大", capability_level="三级")
    assert sorted(fields_of(validate_facility(bad, VILLAGES))) == ["capability_level", "code", "kind", "name", "ownership", "tcm_hall"]
    assert fields_of(validate_facility(Facility("S", "n", "社区卫生服务站", TOWNSHIP, served_village_codes=("x",), service_population=5000), VILLAGES)) == [
        "division_code", "served_village_codes"]


FACILITIES = {"C1": clinic()}


def test_staff_checks():
    assert validate_staff(person(1), FACILITIES, today=TODAY) == []
    broken = person(1)
    wrong = broken.id_number[:17] + ("0" if broken.id_number[17] != "0" else "1")
    problems = validate_staff(broken.__class__(wrong, "张三", "C1", category="乡村医生", status="在岗"), FACILITIES, today=TODAY)
    assert fields_of(problems) == ["id_number"] and "校验位" in problems[0].reason
    assert fields_of(validate_staff(person(1, facility="X9"), FACILITIES, today=TODAY)) == ["facility_code"]
    assert fields_of(validate_staff(person(1, category="医生"), FACILITIES, today=TODAY)) == ["category"]
    assert fields_of(validate_staff(person(1, status="退出"), FACILITIES, today=TODAY)) == ["left_on"]
    assert fields_of(validate_staff(person(1, left_on=TODAY), FACILITIES, today=TODAY)) == ["left_on"]
    future = person(1, birth="20300101")
    assert fields_of(validate_staff(future, FACILITIES, today=TODAY)) == ["id_number"]


def test_training_checks():
    staff = {id_number(1): person(1)}
    assert validate_training(TrainingRecord(id_number(1), 2025, 2.5, "集中学习"), staff) == []
    assert fields_of(validate_training(TrainingRecord(id_number(2), 2025, 0, "讲座"), staff)) == ["id_number", "days", "mode"]


def test_centres_need_a_service_population_clinics_derive_it():
    """Interchange §2: 服务人口 is required for every kind except 村卫生室 (derived from its villages)."""
    for kind in ("乡镇卫生院", "中心乡镇卫生院", "社区卫生服务中心"):
        assert fields_of(validate_facility(Facility("T", "n", kind, TOWNSHIP), VILLAGES)) == ["service_population"]
    assert validate_facility(clinic(), VILLAGES) == []
