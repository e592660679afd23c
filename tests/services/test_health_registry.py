"""Health registry use cases: facilities, staff transfers, training grid, evaluation cache."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.errors import RuleViolation, ValidationError
from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.rules.results import Status
from desktop_app.domain.subsidies import CLINIC_OPERATING, Payment
from desktop_app.domain.villages import Village
from desktop_app.services import health_evaluation, health_registry, subsidies
from desktop_app.services import villages as village_service
from desktop_app.store import audit, staff_repo

TOWNSHIP = "410821100000"
VILLAGE = "410821100201"


def person(serial: int) -> str:
    first17 = f"41082119800101{serial:03d}"
    return first17 + id_check_character(first17)


@pytest.fixture
def registry(ctx):
    village_service.create_village(ctx, village=Village(VILLAGE, "东王庄村", "行政村", 2350, minutes_to_clinic=0))
    village_service.create_village(ctx, village=Village("410821100202", "西李村", "行政村", 700, minutes_to_clinic=10))
    village_service.create_village(ctx, village=Village("410821101201", "北刘村", "行政村", 900))
    clinic = Facility(code="C1", name="东王庄村卫生室", kind="村卫生室", division_code=VILLAGE,
                      served_village_codes=(VILLAGE, "410821100202"), ownership="公有",
                      licence_no="PDY001", licence_valid_until=date(2026, 6, 30))
    centre = Facility(code="T1", name="城关镇卫生院", kind="乡镇卫生院", division_code=TOWNSHIP, service_population=30000)
    health_registry.create_facility(ctx, facility=clinic)
    health_registry.create_facility(ctx, facility=centre)
    return ctx


def test_facility_is_stored_with_served_villages_and_audited(registry) -> None:
    stored = health_registry.get_facility(registry, "C1")
    assert stored.facility.served_village_codes == (VILLAGE, "410821100202")
    assert stored.facility.licence_valid_until == date(2026, 6, 30)
    assert [e["action"] for e in audit.entries_for(registry.db, "facilities", "C1")] == ["insert"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"served_village_codes": (VILLAGE, "410821101201")}, "served_village_codes"),  # other township
        ({"served_village_codes": (VILLAGE, "410821100299")}, "served_village_codes"),  # does not exist
        ({"beds": 2}, "beds"),
        ({"floor_area_m2": -1.0}, "floor_area_m2"),
        ({"kind": "乡镇卫生院"}, "division_code"),  # a centre hosted in a village
    ],
)
def test_bad_facilities_are_refused_naming_the_field(registry, change, field) -> None:
    before = audit.count(registry.db)
    bad = replace(health_registry.get_facility(registry, "C1").facility, code="C2", **change)
    with pytest.raises(ValidationError) as error:
        health_registry.create_facility(registry, facility=bad)
    assert field in error.value.by_field()
    assert audit.count(registry.db) == before


def test_village_used_by_a_facility_cannot_be_deleted(registry) -> None:
    with pytest.raises(RuleViolation, match="医疗机构"):
        village_service.delete_village(registry, code="410821100202")


def test_a_facility_with_subsidy_payments_or_other_references_is_not_deleted(registry) -> None:
    subsidies.post_payment(registry, payment=Payment("XW-2024-001", CLINIC_OPERATING, 2024, "C1", 100_000, "县级",
                                                     date(2024, 6, 1)))
    before = audit.count(registry.db)
    with pytest.raises(RuleViolation, match="已有 1 笔补助发放记录"):
        health_registry.delete_facility(registry, code="C1")
    assert health_registry.get_facility(registry, "C1").facility.served_village_codes == (VILLAGE, "410821100202")
    # A table added later that refers to facilities (e.g. inspection visits) is respected too.
    registry.db.execute("CREATE TABLE later_visits (facility_code TEXT NOT NULL REFERENCES facilities(code))")
    registry.db.execute("INSERT INTO later_visits VALUES ('T1')")
    registry.db.conn.commit()
    with pytest.raises(RuleViolation, match="仍被其他记录引用"):
        health_registry.delete_facility(registry, code="T1")
    assert health_registry.get_facility(registry, "T1") and audit.count(registry.db) == before
    registry.db.execute("DELETE FROM later_visits")
    registry.db.conn.commit()
    health_registry.delete_facility(registry, code="T1")
    assert [e["action"] for e in audit.entries_for(registry.db, "facilities", "T1")] == ["insert", "delete"]


def test_staff_transfer_keeps_one_record_with_history(registry) -> None:
    member = StaffMember(person(1), "张医生", "C1", category="乡村医生", status="在岗")
    health_registry.create_staff(registry, member=member)
    with pytest.raises(ValidationError, match="已登记"):
        health_registry.create_staff(registry, member=replace(member, facility_code="T1"))
    health_registry.update_staff(registry, member=replace(member, facility_code="T1"), expected_version=1)
    assert staff_repo.count(registry.db) == 1
    assert staff_repo.transfers_of(registry.db, member.id_number) == [("C1", "T1", date.today().isoformat())]
    with pytest.raises(RuleViolation):
        health_registry.update_staff(registry, member=member, expected_version=1)


def test_invalid_id_number_is_refused(registry) -> None:
    with pytest.raises(ValidationError) as error:
        health_registry.create_staff(registry, member=StaffMember("410821198001010010", "李四", "C1"))
    assert "id_number" in error.value.by_field()


def test_training_grid_saves_all_or_nothing(registry) -> None:
    a, b = person(2), person(3)
    for n, id_number in enumerate((a, b)):
        health_registry.create_staff(registry, member=StaffMember(id_number, f"医生{n}", "C1", category="乡村医生", status="在岗"))
    health_registry.save_training(registry, year=2025, days={(a, "集中学习"): 15, (b, "远程教育"): 30.5})
    grid = dict((m.id_number, d) for m, d in health_registry.township_training_grid(registry, township_code=TOWNSHIP, year=2025))
    assert grid[a] == {"集中学习": 15} and grid[b] == {"远程教育": 30.5}
    with pytest.raises(ValidationError):
        health_registry.save_training(registry, year=2025, days={(a, "集中学习"): 20, (b, "远程教育"): -1})
    grid = dict((m.id_number, d) for m, d in health_registry.township_training_grid(registry, township_code=TOWNSHIP, year=2025))
    assert grid[a] == {"集中学习": 15}
    health_registry.save_training(registry, year=2025, days={(a, "集中学习"): None})
    assert staff_repo.training_of(registry.db, [a], 2025) == []


def test_evaluation_follows_the_registry_and_is_cached_until_a_write(registry) -> None:
    as_of = date(2025, 12, 31)
    first = health_evaluation.evaluate(registry, as_of=as_of)
    assert health_evaluation.evaluate(registry, as_of=as_of) is first  # cached
    results = {r.rule_id: r for r in health_evaluation.facility_results(registry, code="C1", as_of=as_of).results}
    staffing = results["hc.village_clinic.staff_per_1000"]
    assert staffing.status == Status.FAIL and staffing.required == 4  # 2,350 + 700 = 3,050 people
    assert staffing.citation.startswith("焦政办〔2023〕32号")
    for n in range(4):
        health_registry.create_staff(registry, member=StaffMember(person(10 + n), f"医生{n}", "C1", category="乡村医生", status="在岗"))
    second = health_evaluation.evaluate(registry, as_of=as_of)
    assert second is not first
    results = {r.rule_id: r for r in health_evaluation.facility_results(registry, code="C1", as_of=as_of).results}
    assert results["hc.village_clinic.staff_per_1000"].status == Status.PASS
    failing = health_evaluation.facilities_with_status(
        registry, rule_id="hc.village_clinic.staff_per_1000", statuses={Status.FAIL}, as_of=as_of)
    assert failing == []


def test_the_edit_form_record_with_the_full_id_is_for_editors_of_that_division_only(registry) -> None:
    from desktop_app.domain.actor import Actor
    from desktop_app.domain.errors import PermissionDenied
    from desktop_app.domain.security import HEALTH_ADMIN, READ_ONLY
    from desktop_app.services import staff_queries

    health_registry.create_staff(registry, member=StaffMember(person(5), "张医生", "C1", category="乡村医生", status="在岗"))
    row_id = registry.db.execute("SELECT rowid FROM staff WHERE id_number = ?", (person(5),)).fetchone()[0]
    registry.actor = Actor("reader", role=READ_ONLY)
    with pytest.raises(PermissionDenied):
        staff_queries.staff_for_edit(registry, row_id=row_id)
    registry.actor = Actor("boai", role=HEALTH_ADMIN, scope_code="410822000000")  # 博爱县: another county
    with pytest.raises(PermissionDenied):
        staff_queries.staff_for_edit(registry, row_id=row_id)
    registry.actor = Actor("xiuwu", role=HEALTH_ADMIN, scope_code="410821000000")
    assert staff_queries.staff_for_edit(registry, row_id=row_id).member.id_number == person(5)
