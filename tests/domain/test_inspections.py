"""Inspection visits in the domain: visit and finding checks, which rules a finding may name, the
registry fields a value seen writes, the life of a rectification order, and overdue / due-soon
dates across a year end."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.errors import RuleViolation
from desktop_app.domain.inspections import (
    CLOSE,
    CLOSED,
    CONFIRMED,
    DIFFERS,
    KEPT,
    NOT_CHECKED,
    OPEN,
    REOPEN,
    REPORT,
    REPORTED,
    FindingEntry,
    VisitPlan,
    applicable_rules,
    can_update_registry,
    days_left,
    deadline_problem,
    finding_problems,
    findings_date_problem,
    is_due_soon,
    is_overdue,
    next_status,
    order_problems,
    path_to,
    registry_update,
    rule_problem,
    split_inspectors,
    visit_id_for,
    visit_problems,
)
from desktop_app.domain.rules.results import Status

CATALOGUE = {"hc.facility.licence", "hc.village_clinic.floor_area", "hc.village_clinic.seven_rooms",
             "hc.township_centre.beds_per_1000", "hc.village_clinic.township_hired", "hc.village_clinic.floor_area@2026"}
CLINIC = "村卫生室"


def test_findings_need_a_visit_that_has_taken_place() -> None:
    assert findings_date_problem(date(2025, 11, 20), date(2025, 11, 20)) is None
    problem = findings_date_problem(date(2025, 11, 21), date(2025, 11, 20))
    assert problem is not None and problem.field == "visited_on" and "晚于今天" in problem.reason


def test_a_deadline_may_not_precede_the_visit() -> None:
    assert deadline_problem(date(2025, 11, 20), date(2025, 11, 20)) is None
    problem = deadline_problem(date(2025, 11, 19), date(2025, 11, 20))
    assert problem is not None and "早于检查日期" in problem.reason


def test_a_finding_names_a_rule_of_the_facility_kind() -> None:
    assert "hc.township_centre.beds_per_1000" not in applicable_rules(CLINIC)
    refused = rule_problem("hc.township_centre.beds_per_1000", CLINIC, CATALOGUE)
    assert refused is not None and "不适用于村卫生室" in refused.reason
    unknown = rule_problem("hc.no.such_rule", CLINIC, CATALOGUE)
    assert unknown is not None and "不在规则目录中" in unknown.reason
    assert rule_problem("hc.village_clinic.floor_area", CLINIC, CATALOGUE) is None
    assert rule_problem("hc.village_clinic.floor_area@2026", CLINIC, CATALOGUE) is None
    assert rule_problem("hc.township_centre.beds_per_1000", "乡镇卫生院", CATALOGUE) is None


@pytest.mark.parametrize(
    ("entry", "fields"),
    [
        (FindingEntry("hc.facility.licence", CONFIRMED), []),
        (FindingEntry("hc.facility.licence", DIFFERS, "2027-01-01", decision=KEPT), []),
        (FindingEntry("hc.facility.licence", DIFFERS, "", decision=KEPT), ["value_seen"]),
        (FindingEntry("hc.facility.licence", DIFFERS, "2027-01-01"), ["decision"]),
        (FindingEntry("hc.facility.licence", CONFIRMED, "2027-01-01"), ["value_seen"]),
        (FindingEntry("hc.facility.licence", NOT_CHECKED, decision=KEPT), ["decision"]),
        (FindingEntry("hc.facility.licence", "合格"), ["finding"]),
        (FindingEntry("hc.facility.licence", CONFIRMED, photos=("dir/a.jpg",)), ["photos"]),
        (FindingEntry("hc.township_centre.beds_per_1000", CONFIRMED), ["rule_id"]),
    ],
)
def test_finding_problems(entry: FindingEntry, fields: list[str]) -> None:
    assert [p.field for p in finding_problems(entry, CLINIC, CATALOGUE)] == fields


def test_visit_problems() -> None:
    good = VisitPlan(date(2026, 1, 5), ("张三", "李四"), ("A", "B"))
    assert visit_problems(good, {"A", "B"}) == []
    bad = VisitPlan(date(2026, 1, 5), ("张三、李四", " "), ("A", "A", "C"), visit_id="JC 1")
    fields = sorted(p.field for p in visit_problems(bad, {"A"}))
    assert fields == ["facility_codes", "facility_codes", "inspectors", "visit_id"]
    assert [p.field for p in visit_problems(VisitPlan(date(2026, 1, 5), (), ()), set())] == ["inspectors", "facility_codes"]


def test_inspector_names_and_visit_ids() -> None:
    assert split_inspectors("张三、李四，王五; 赵六 ") == ("张三", "李四", "王五", "赵六")
    assert split_inspectors(None) == ()
    assert visit_id_for(date(2025, 11, 20), {"JC20251120-01", "JC20251120-02"}) == "JC20251120-03"
    assert visit_id_for(date(2025, 1, 2), set()) == "JC20250102-01"


def test_registry_update_reads_the_value_seen() -> None:
    assert registry_update("hc.village_clinic.floor_area", "126.5m²") == {"floor_area_m2": 126.5}
    assert registry_update("hc.facility.licence", "2027-06-30") == {"licence_valid_until": date(2027, 6, 30)}
    assert registry_update("hc.village_clinic.public_ownership", "集体") == {"ownership": "集体"}
    assert registry_update("hc.centre.fever_clinic", "有") == {"fever_clinic": True}
    assert registry_update("hc.township_centre.beds_per_1000", "60张") == {"beds": 60}
    rooms = registry_update("hc.village_clinic.seven_rooms", "诊断室、治疗室，药房")
    assert rooms["room_diagnosis"] and rooms["room_pharmacy"] and not rooms["room_duty"] and len(rooms) == 7
    assert not any(registry_update("hc.village_clinic.seven_rooms", "无").values())
    assert registry_update("hc.central_centre.buildings_and_ct", "门诊楼") == {
        "outpatient_building": True, "ward_building": False, "ct16": False}
    for rule, seen in (("hc.village_clinic.floor_area", "很大"), ("hc.facility.licence", "明年"),
                       ("hc.village_clinic.seven_rooms", "诊断室、厨房"), ("hc.township_centre.beds_per_1000", "2.5"),
                       ("hc.village_clinic.public_ownership", "国有")):
        with pytest.raises(ValueError, match="无法写入登记"):
            registry_update(rule, seen)
    assert not can_update_registry("hc.village_clinic.township_hired")
    with pytest.raises(ValueError, match="人员记录"):
        registry_update("hc.village_clinic.township_hired", "2名")


def test_an_order_needs_something_to_put_right() -> None:
    visited = date(2025, 11, 20)

    def fields(**kwargs) -> list[str]:
        values = {"finding": DIFFERS, "rule_status": Status.PASS, "deadline": visited, "visited_on": visited,
                  "responsible": "王医生"} | kwargs
        return [p.field for p in order_problems(**values)]

    assert fields() == []
    assert fields(finding=CONFIRMED, rule_status=Status.FAIL) == []
    assert fields(finding=CONFIRMED, rule_status=Status.WARN) == []
    assert fields(finding=CONFIRMED, rule_status=Status.PASS) == ["rule_id"]
    assert fields(finding=NOT_CHECKED) == ["rule_id"]
    assert fields(finding=None) == ["rule_id"]
    assert fields(deadline=date(2025, 11, 19), responsible=" ") == ["deadline", "responsible"]


def test_order_life_open_reported_closed_and_reopened() -> None:
    assert next_status(OPEN, REPORT) == REPORTED
    assert next_status(REPORTED, CLOSE) == CLOSED
    assert next_status(CLOSED, REOPEN) == OPEN
    assert next_status(REPORTED, REOPEN) == OPEN
    with pytest.raises(RuleViolation, match="尚未报告整改完成"):
        next_status(OPEN, CLOSE)
    with pytest.raises(RuleViolation):
        next_status(CLOSED, REPORT)
    with pytest.raises(RuleViolation):
        next_status(OPEN, REOPEN)


def test_the_path_a_sheet_status_asks_for() -> None:
    assert path_to(OPEN, REPORTED) == [REPORT]
    assert path_to(REPORTED, CLOSED) == [CLOSE]
    assert path_to(CLOSED, OPEN) == [REOPEN]
    assert path_to(OPEN, OPEN) == []
    with pytest.raises(RuleViolation, match="不能直接销号"):
        path_to(OPEN, CLOSED)
    with pytest.raises(RuleViolation):
        path_to(CLOSED, REPORTED)


def test_overdue_and_due_soon_across_a_year_end() -> None:
    new_year_eve = date(2025, 12, 31)
    assert not is_overdue(new_year_eve, OPEN, date(2025, 12, 31))
    assert is_overdue(new_year_eve, OPEN, date(2026, 1, 1))
    assert is_overdue(new_year_eve, REPORTED, date(2026, 1, 1))
    assert not is_overdue(new_year_eve, CLOSED, date(2026, 3, 1))
    assert days_left(new_year_eve, date(2026, 1, 3)) == -3
    assert is_due_soon(date(2026, 1, 3), OPEN, date(2025, 12, 28))
    assert is_due_soon(date(2026, 1, 4), OPEN, date(2025, 12, 28))  # exactly 7 days
    assert not is_due_soon(date(2026, 1, 5), OPEN, date(2025, 12, 28))
    assert not is_due_soon(date(2025, 12, 27), OPEN, date(2025, 12, 28))  # overdue, not due
    assert not is_due_soon(date(2026, 1, 3), CLOSED, date(2025, 12, 28))
    assert days_left(date(2026, 1, 3), date(2025, 12, 28)) == 6
