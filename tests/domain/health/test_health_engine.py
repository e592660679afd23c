"""The engine as a whole: subjects listed, §3 JSON shape, masking, catalogue windows and successors."""

from __future__ import annotations

import json
from datetime import date

from health_builders import (
    CATALOGUE_PATH,
    COUNTY,
    catalogue_with,
    centre,
    clinic,
    evaluate,
    facility_result,
    person,
    snapshot,
    village,
    village_code,
)

from desktop_app.domain.health.entities import CountyFigure, Facility, TrainingRecord
from desktop_app.domain.health.rules_facility import FACILITY_RULES
from desktop_app.domain.rules.catalogue import Catalogue
from desktop_app.domain.rules.results import Status


def small_registry():
    doctor = person(1, "C1", township_hired=True)
    return snapshot(
        villages=[village(201, 2350), village(202, 500)],
        facilities=[
            clinic(ownership="公有", floor_area_m2=130.5, built_year=2023),
            centre(capability_level="推荐标准"),
            centre("T2", kind="中心乡镇卫生院"),
            centre("T3", kind="社区卫生服务中心"),
            Facility("S1", "服务站", "社区卫生服务站", village_code(202)),
        ],
        staff=[doctor, person(2, "T1", category="执业医师", practice_scope="中医")],
        training=[TrainingRecord(doctor.id_number, 2025, 12.5, "集中学习")],
        county_figures=[CountyFigure(COUNTY, 2025, 300_000, 91.0, 60.0)],
    )


def test_every_hc_rule_except_subsidies_is_evaluated(catalogue):
    evaluation = evaluate(small_registry(), catalogue, date(2025, 12, 31))
    seen = {r.rule_id for group in (evaluation.facilities, evaluation.villages, evaluation.staff) for s in group for r in s.results}
    indicators = [*evaluation.city, *(i for c in evaluation.counties for i in c.indicators)]
    seen |= {i.rule_id if i.rule_id in catalogue else i.rule_id.rsplit(".", 1)[0] for i in indicators}
    expected = {e.id for e in catalogue.with_prefix("hc.") if not e.id.startswith("hc.subsidy.")}
    assert seen == expected


def test_results_carry_rule_id_citation_and_message(catalogue):
    evaluation = evaluate(small_registry(), catalogue, date(2025, 12, 31))
    for group in (evaluation.facilities, evaluation.villages, evaluation.staff):
        for subject in group:
            for found in subject.results:
                assert found.citation == catalogue.get(found.rule_id).citation
                assert found.message
    for indicator in [*evaluation.city, *evaluation.counties[0].indicators]:
        assert indicator.citation.startswith("焦政办〔2023〕32号") and indicator.message and indicator.year == 2025


def test_each_kind_gets_its_rules(catalogue):
    evaluation = evaluate(small_registry(), catalogue)
    by_code = {s.code: s for s in evaluation.facilities}
    assert [r.rule_id for r in by_code["C1"].results] == [rule_id for rule_id, _ in FACILITY_RULES["村卫生室"]]
    assert [r.rule_id for r in by_code["T1"].results] == [rule_id for rule_id, _ in FACILITY_RULES["乡镇卫生院"]]
    assert (by_code["C1"].kind, by_code["C1"].county_code) == ("村卫生室", COUNTY)


def test_as_json_has_the_interchange_shapes(catalogue):
    evaluation = evaluate(small_registry(), catalogue, date(2025, 12, 31))
    data = json.loads(json.dumps(evaluation.as_json(), ensure_ascii=False))
    assert set(data) == {"facilities", "villages", "staff", "counties", "city"}
    facility = data["facilities"][0]
    assert set(facility) == {"code", "kind", "county", "results"} and facility["county"] == COUNTY
    assert set(facility["results"][0]) == {"rule", "status", "actual", "required", "message"}
    assert set(data["villages"][0]) == {"code", "results"}
    ids = [s["id_number"] for s in data["staff"]]
    assert all(len(i) == 18 and i[4:14] == "*" * 10 for i in ids)
    assert person(1).id_number not in json.dumps(data)
    county = data["counties"][0]
    assert county["code"] == COUNTY
    ownership = county["indicators"][0]
    assert set(ownership) == {"rule", "year", "actual", "target", "status", "gap"}
    assert (ownership["rule"], ownership["actual"], ownership["target"], ownership["status"]) == (
        "hc.county.public_ownership_share", 1, 0.9, "pass")
    visits = next(i for i in county["indicators"] if i["rule"] == "hc.county.visit_rates.primary")
    assert (visits["actual"], visits["target"], visits["gap"]) == (60, 65, "县域内基层就诊率还需提高5个百分点")
    assert set(data["city"]) == {"indicators"}
    area = next(r for r in facility["results"] if r["rule"] == "hc.village_clinic.floor_area")
    assert (area["actual"], area["required"]) == (130.5, 120)


def test_indicator_year_defaults_to_the_year_of_as_of(catalogue):
    assert {i.year for i in evaluate(small_registry(), catalogue, date(2024, 5, 1)).city} == {2024}
    assert {i.year for i in evaluate(small_registry(), catalogue, date(2025, 5, 1), year=2023).city} == {2023}


def test_standards_stay_after_the_plan_ends(catalogue):
    entry = catalogue.get("hc.village_clinic.floor_area")
    assert entry.after_valid_to == "stays" and entry.valid_to == date(2025, 12, 31)
    snap = snapshot(villages=[village(201)], facilities=[clinic(floor_area_m2=90, built_year=2024)])
    assert facility_result(snap, catalogue, entry.id, as_of=date(2027, 3, 1)).status is Status.FAIL


def test_an_entry_that_expires_is_not_applicable_after_its_window(catalogue):
    expiring = catalogue_with("hc.village_clinic.floor_area", after_valid_to="expires")
    snap = snapshot(villages=[village(201)], facilities=[clinic(floor_area_m2=90, built_year=2024)])
    assert facility_result(snap, expiring, "hc.village_clinic.floor_area", as_of=date(2025, 12, 31)).status is Status.FAIL
    after = facility_result(snap, expiring, "hc.village_clinic.floor_area", as_of=date(2026, 1, 1))
    assert after.status is Status.NOT_APPLICABLE and "2025-12-31" in after.message


def test_a_successor_entry_takes_over_from_its_start(catalogue):
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    original = next(r for r in data["rules"] if r["id"] == "hc.village_clinic.floor_area")
    successor = {**original, "id": "hc.village_clinic.floor_area@2026", "valid_from": "2026-01-01",
                 "valid_to": "2028-12-31", "params": {**original["params"], "min_area_m2": 150}}
    data["rules"].append(successor)
    newer = Catalogue.from_json(data)
    snap = snapshot(villages=[village(201)], facilities=[clinic(floor_area_m2=130, built_year=2024)])
    old = facility_result(snap, newer, "hc.village_clinic.floor_area", as_of=date(2025, 12, 31))
    assert (old.status, old.rule_id, old.required) == (Status.PASS, "hc.village_clinic.floor_area", 120)
    new = facility_result(snap, newer, "hc.village_clinic.floor_area@2026", as_of=date(2026, 3, 1))
    assert (new.status, new.required) == (Status.FAIL, 150)


def test_changed_due_date_moves_warn_to_fail(catalogue):
    snap = snapshot(villages=[village(201)], facilities=[clinic(common_diseases=10)])
    rule = "hc.village_clinic.common_diseases"
    assert facility_result(snap, catalogue, rule, as_of=date(2024, 6, 1)).status is Status.WARN
    earlier = catalogue_with(rule, due="2024-01-01")
    assert facility_result(snap, earlier, rule, as_of=date(2024, 6, 1)).status is Status.FAIL


def test_subjects_are_listed_by_code(catalogue):
    villages = [village(203), village(201), village(202)]
    evaluation = evaluate(snapshot(villages=villages, facilities=[clinic("C2", village_code(203)), clinic("C1")]), catalogue)
    assert [s.code for s in evaluation.villages] == sorted(v.code for v in villages)
    assert [s.code for s in evaluation.facilities] == ["C1", "C2"]
