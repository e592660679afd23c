"""Inspection visits on a real database: planning, findings that differ from the registry (kept or
written to the registry, both audited), refusals with nothing written, a rectification order
through its whole life, work lists across a year end, history, dashboard counts, scope and the
demo data."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inspection_setup import BOAI, CENTRE, OTHER, XIUWU, build_registry  # noqa: E402

from desktop_app.domain.actor import Actor  # noqa: E402
from desktop_app.domain.errors import NotFound, PermissionDenied, RuleViolation, ValidationError  # noqa: E402
from desktop_app.domain.inspections import (  # noqa: E402
    CLOSED,
    CONFIRMED,
    DIFFERS,
    KEPT,
    NOT_CHECKED,
    OPEN,
    REPORTED,
    UPDATED,
    FindingEntry,
    VisitPlan,
)
from desktop_app.domain.list_query import ListQuery  # noqa: E402
from desktop_app.domain.security import HEALTH_ADMIN, READ_ONLY  # noqa: E402
from desktop_app.services import inspection_queries as queries  # noqa: E402
from desktop_app.services import inspections  # noqa: E402
from desktop_app.store import audit, facilities_repo, inspections_repo  # noqa: E402

VISITED, TODAY = date(2025, 12, 1), date(2025, 12, 3)
AREA, ROOMS, LICENCE, HIRED = ("hc.village_clinic.floor_area", "hc.village_clinic.seven_rooms", "hc.facility.licence",
                               "hc.village_clinic.township_hired")


@pytest.fixture
def visit(ctx):
    """A visit on 2025-12-01 to two 修武县 clinics and the township centre."""
    clinics = build_registry(ctx)
    changes = inspections.plan_visit(ctx, plan=VisitPlan(VISITED, ("张三", "李四"), (*clinics, CENTRE), "年度督导"))
    return changes.keys[0]


def stored(ctx) -> tuple:
    return (inspections_repo.all_visits(ctx.db), inspections_repo.all_findings(ctx.db),
            inspections_repo.orders_where(ctx.db), audit.count(ctx.db), facilities_repo.get(ctx.db, "XW-01"))


def refused(ctx, call, **kwargs) -> list[str]:
    before = stored(ctx)
    with pytest.raises(ValidationError) as error:
        call(ctx, **kwargs)
    assert stored(ctx) == before
    return [f"{p.field}: {p.reason}" for p in error.value.problems]


def record(ctx, visit_id: str, code: str = "XW-01", **overrides: FindingEntry):
    form = queries.findings_form(ctx, visit_id=visit_id, facility_code=code)
    entries = [overrides.get(r.rule_id.split(".")[-1], FindingEntry(r.rule_id, CONFIRMED)) for r in form.rows]
    return inspections.record_findings(ctx, visit_id=visit_id, facility_code=code, entries=entries, today=TODAY)


def test_plan_a_visit(ctx, visit) -> None:
    assert visit == "JC20251201-01"
    detail = queries.visit_detail(ctx, visit_id=visit)
    assert detail.visit.inspectors_text == "张三、李四" and detail.visit.note == "年度督导"
    assert [f.code for f in detail.facilities] == ["XW-01", "XW-02", CENTRE]
    assert detail.facilities[0].rules == 8 and detail.facilities[0].findings == 0
    second = inspections.plan_visit(ctx, plan=VisitPlan(VISITED, ("王五",), ("XW-02",)))
    assert second.keys == ("JC20251201-02",)
    entries = audit.entries_for(ctx.db, "inspection_visits", visit)
    assert entries[0]["action"] == "plan_visit" and entries[0]["actor"] == "test:clerk"


def test_bad_plans_are_refused(ctx, visit) -> None:
    problems = refused(ctx, inspections.plan_visit, plan=VisitPlan(VISITED, (), ("XW-01", "NOPE")))
    assert any("检查人员" in p for p in problems) and any("NOPE" in p for p in problems)
    assert refused(ctx, inspections.plan_visit, plan=VisitPlan(VISITED, ("甲",), ("XW-01",), visit_id=visit))


def test_differing_findings_are_kept_or_written_to_the_registry_both_audited(ctx, visit) -> None:
    record(ctx, visit, floor_area=FindingEntry(AREA, DIFFERS, "130", "新建了业务用房", ("a.jpg",), UPDATED),
           seven_rooms=FindingEntry(ROOMS, DIFFERS, "诊断室、治疗室、药房", decision=KEPT),
           common_diseases=FindingEntry("hc.village_clinic.common_diseases", NOT_CHECKED))
    facility = facilities_repo.get(ctx.db, "XW-01").facility
    assert facility.floor_area_m2 == 130  # written, as the inspector chose
    assert facility.room_observation is False and facility.room_duty is True  # the kept difference left it alone
    found = {f.rule_id: f for f in inspections_repo.findings_of(ctx.db, visit_id=visit, facility_code="XW-01")}
    assert found[AREA].registry_value == "60.4m²" and found[AREA].value_seen == "130" and found[AREA].photos == ("a.jpg",)
    assert found[AREA].registry_decision == UPDATED and found[ROOMS].registry_decision == KEPT
    assert found[ROOMS].registry_value == "6室" and found[LICENCE].finding == CONFIRMED
    area_audit = audit.entries_for(ctx.db, "inspection_findings", f"{visit}:XW-01:{AREA}")
    rooms_audit = audit.entries_for(ctx.db, "inspection_findings", f"{visit}:XW-01:{ROOMS}")
    assert '"已更新登记"' in area_audit[-1]["after_json"] and '"保留待核实"' in rooms_audit[-1]["after_json"]
    registry_audit = audit.entries_for(ctx.db, "facilities", "XW-01")
    assert registry_audit[-1]["action"] == "update" and '"floor_area_m2": 130' in registry_audit[-1]["after_json"]
    assert audit.verify_chain(ctx.db).ok
    versions = facilities_repo.row_version(ctx.db, "XW-01")
    record(ctx, visit, floor_area=FindingEntry(AREA, DIFFERS, "130", "新建了业务用房", ("a.jpg",), UPDATED),
           seven_rooms=FindingEntry(ROOMS, DIFFERS, "诊断室、治疗室、药房", decision=KEPT),
           common_diseases=FindingEntry("hc.village_clinic.common_diseases", NOT_CHECKED))
    assert facilities_repo.row_version(ctx.db, "XW-01") == versions  # recording the same again writes nothing new


def test_bad_findings_are_refused_with_nothing_written(ctx, visit) -> None:
    def attempt(entries, code="XW-01", visit_id=visit, today=TODAY):
        return refused(ctx, inspections.record_findings, visit_id=visit_id, facility_code=code, entries=entries, today=today)

    problems = attempt([FindingEntry("hc.township_centre.beds_per_1000", CONFIRMED)])
    assert problems == ["hc.township_centre.beds_per_1000: 规则hc.township_centre.beds_per_1000不适用于村卫生室"
                        "（适用：hc.facility.licence、hc.village_clinic.staff_per_1000、hc.village_clinic.floor_area、"
                        "hc.village_clinic.seven_rooms、hc.village_clinic.public_ownership、hc.village_clinic.common_diseases、"
                        "hc.village_clinic.tcm_techniques、hc.village_clinic.township_hired）"]
    assert "不在规则目录中" in attempt([FindingEntry("hc.no_such_rule", CONFIRMED)])[0]
    assert "晚于今天" in attempt([FindingEntry(LICENCE, CONFIRMED)], today=date(2025, 11, 30))[0]
    assert "不在检查" in attempt([FindingEntry(LICENCE, CONFIRMED)], code=OTHER)[0]
    assert "无法写入登记" in attempt([FindingEntry(AREA, DIFFERS, "很大", decision=UPDATED)])[0]
    assert "人员记录" in attempt([FindingEntry(HIRED, DIFFERS, "0名", decision=UPDATED)])[0]
    assert "须填写现场值" in attempt([FindingEntry(AREA, DIFFERS, decision=KEPT), FindingEntry(LICENCE, CONFIRMED)])[0]
    with pytest.raises(NotFound):
        inspections.record_findings(ctx, visit_id=visit, facility_code="NOPE", entries=[], today=TODAY)
    with pytest.raises(NotFound):
        inspections.record_findings(ctx, visit_id="JC-NONE", facility_code="XW-01", entries=[], today=TODAY)


def test_an_order_through_its_whole_life(ctx, visit) -> None:
    record(ctx, visit, seven_rooms=FindingEntry(ROOMS, DIFFERS, "诊断室", decision=KEPT))
    changes = inspections.create_order(ctx, visit_id=visit, facility_code="XW-01", rule_id=ROOMS, responsible="王院长",
                                       deadline=date(2025, 12, 31), requirement="增设观察室", today=TODAY)
    order_id = int(changes.keys[0])
    before = stored(ctx)
    with pytest.raises(RuleViolation, match="尚未报告"):
        inspections.close_order(ctx, order_id=order_id, today=TODAY)
    assert stored(ctx) == before
    assert "整改完成情况" in refused(ctx, inspections.report_completion, order_id=order_id, note=" ", today=TODAY)[0]
    inspections.report_completion(ctx, order_id=order_id, note="已设观察室", reported_on=date(2025, 12, 20),
                                  today=date(2025, 12, 22))
    inspections.close_order(ctx, order_id=order_id, note="核实到位", today=date(2025, 12, 23))
    assert inspections_repo.get_order(ctx.db, order_id).order.status == CLOSED
    inspections.reopen_order(ctx, order_id=order_id, reason="复查发现观察室被挪作他用", deadline=date(2026, 1, 31),
                             today=date(2026, 1, 5))
    order = inspections_repo.get_order(ctx.db, order_id).order
    assert (order.status, order.reopened, order.deadline) == (OPEN, 1, date(2026, 1, 31))
    inspections.report_completion(ctx, order_id=order_id, note="已恢复", reported_on=date(2026, 1, 20), today=date(2026, 1, 20))
    assert inspections_repo.get_order(ctx.db, order_id).order.status == REPORTED
    events = queries.order_events(ctx, order_id=order_id)
    assert [(e.action, e.from_status, e.to_status) for e in events] == [
        ("open", None, OPEN), ("report", OPEN, REPORTED), ("close", REPORTED, CLOSED), ("reopen", CLOSED, OPEN),
        ("report", OPEN, REPORTED)]
    assert events[1].on_date == date(2025, 12, 20) and all(e.actor == "test:clerk" for e in events)
    actions = [e["action"] for e in audit.entries_for(ctx.db, "rectification_orders", str(order_id))]
    assert actions == ["open_order", "report_order", "close_order", "reopen_order", "report_order"]


def test_orders_are_refused_without_a_reason_to_order(ctx, visit) -> None:
    record(ctx, visit, seven_rooms=FindingEntry(ROOMS, DIFFERS, "诊断室", decision=KEPT),
           common_diseases=FindingEntry("hc.village_clinic.common_diseases", NOT_CHECKED))

    def attempt(rule: str, deadline: date = date(2025, 12, 31), responsible: str = "王院长") -> str:
        return refused(ctx, inspections.create_order, visit_id=visit, facility_code="XW-01", rule_id=rule,
                       responsible=responsible, deadline=deadline, today=TODAY)[0]

    assert "早于检查日期" in attempt(ROOMS, date(2025, 11, 30))
    assert "责任人" in attempt(ROOMS, responsible="")
    assert "已达标" in attempt(LICENCE)
    assert "未检查" in attempt("hc.village_clinic.common_diseases")
    assert "尚未录入" in refused(ctx, inspections.create_order, visit_id=visit, facility_code="XW-02", rule_id=LICENCE,
                                 responsible="甲", deadline=date(2025, 12, 31), today=TODAY)[0]
    inspections.create_order(ctx, visit_id=visit, facility_code="XW-01", rule_id=AREA, responsible="王院长",
                             deadline=date(2025, 12, 31), today=TODAY)  # a confirmed item that fails its standard
    assert "已下达" in attempt(AREA)


def test_work_lists_across_a_year_end(ctx, visit) -> None:
    record(ctx, visit, seven_rooms=FindingEntry(ROOMS, DIFFERS, "诊断室", decision=KEPT),
           township_hired=FindingEntry(HIRED, DIFFERS, "0名", decision=KEPT))
    ids = {}
    for rule, deadline in ((AREA, date(2025, 12, 31)), (ROOMS, date(2026, 1, 5)), (HIRED, date(2026, 1, 20))):
        ids[rule] = int(inspections.create_order(ctx, visit_id=visit, facility_code="XW-01", rule_id=rule, responsible="甲",
                                                 deadline=deadline, today=TODAY).keys[0])
    as_of = date(2026, 1, 1)

    def listed(view: str, **kwargs) -> list[int]:
        return [line.order.id for line in queries.work_list(ctx, as_of=as_of, view=view, **kwargs)]

    assert listed("overdue") == [ids[AREA]] and listed("due") == [ids[ROOMS]]
    assert listed("open") == [ids[AREA], ids[ROOMS], ids[HIRED]]
    assert listed("open", county=BOAI) == [] and listed("open", facility="XW-01") == listed("open")
    line = queries.work_list(ctx, as_of=as_of, view="overdue")[0]
    assert (line.days_left, line.overdue, line.facility_name, line.rule_title) == (-1, True, "第1村卫生室",
                                                                                    "新建村卫生室建筑面积不少于120m²")
    inspections.report_completion(ctx, order_id=ids[AREA], note="已改建", reported_on=TODAY, today=TODAY)
    inspections.close_order(ctx, order_id=ids[AREA], today=TODAY)
    assert listed("overdue") == [] and listed("closed") == [ids[AREA]] and len(listed("all")) == 3
    counts = {c.county_code: c for c in queries.rectification_counts(ctx, as_of=as_of)}
    assert (counts[XIUWU].open, counts[XIUWU].overdue, counts[XIUWU].due_soon) == (2, 0, 1)
    assert counts[BOAI].open == 0 and len(counts) == 11


def test_history_detail_and_form(ctx, visit) -> None:
    record(ctx, visit, seven_rooms=FindingEntry(ROOMS, DIFFERS, "诊断室", decision=KEPT))
    inspections.create_order(ctx, visit_id=visit, facility_code="XW-01", rule_id=ROOMS, responsible="甲",
                             deadline=date(2025, 12, 31), today=TODAY)
    history = queries.facility_history(ctx, code="XW-01")
    assert [r.visit.id for r in history.visits] == [visit] and len(history.visits[0].findings) == 8
    assert [o.rule_id for o in history.visits[0].orders] == [ROOMS] and history.rule_titles[ROOMS] == "“七室分开”"
    detail = queries.visit_detail(ctx, visit_id=visit)
    first = detail.facilities[0]
    assert (first.findings, first.differs, first.open_orders) == (8, 1, 1) and detail.recorded
    row = next(r for r in queries.findings_form(ctx, visit_id=visit, facility_code="XW-01").rows if r.rule_id == ROOMS)
    assert row.order is not None and row.finding.value_seen == "诊断室" and row.can_update and "、" in row.hint
    centre = queries.findings_form(ctx, visit_id=visit, facility_code=CENTRE)
    assert "hc.central_centre.common_diseases" not in [r.rule_id for r in centre.rows]  # not a 次中心: not applicable
    assert queries.visit_choices(ctx) == [(visit, f"{visit} · 2025-12-01 · 张三、李四")]
    listing = queries.visit_list(ctx)
    assert listing.fetch_ids(ListQuery(search="张三")) == [visit] and listing.fetch_ids(ListQuery(filters={"year": 2024})) == []


def test_visits_with_findings_keep_their_facilities(ctx, visit) -> None:
    record(ctx, visit)
    version = inspections_repo.get_visit(ctx.db, visit).row_version
    problems = refused(ctx, inspections.update_visit, plan=VisitPlan(VISITED, ("张三",), ("XW-02",), visit_id=visit),
                       expected_version=version, today=TODAY)
    assert "已有检查结果" in problems[0]
    inspections.update_visit(ctx, plan=VisitPlan(VISITED, ("张三",), ("XW-01", CENTRE), visit_id=visit),
                             expected_version=version, today=TODAY)
    assert inspections_repo.get_visit(ctx.db, visit).visit.facility_codes == ("XW-01", CENTRE)
    with pytest.raises(RuleViolation):
        inspections.delete_visit(ctx, visit_id=visit)
    empty = inspections.plan_visit(ctx, plan=VisitPlan(date(2026, 2, 1), ("甲",), ("XW-02",))).keys[0]
    inspections.delete_visit(ctx, visit_id=empty)
    assert inspections_repo.get_visit(ctx.db, empty) is None


def test_scope_and_roles(ctx, visit) -> None:
    other = inspections.plan_visit(ctx, plan=VisitPlan(VISITED, ("甲",), (OTHER,))).keys[0]
    ctx.actor = Actor("test:boai", role=HEALTH_ADMIN, scope_code=BOAI)
    with pytest.raises(PermissionDenied):
        inspections.record_findings(ctx, visit_id=visit, facility_code="XW-01", entries=[FindingEntry(LICENCE, CONFIRMED)],
                                    today=TODAY)
    with pytest.raises(PermissionDenied):
        queries.findings_form(ctx, visit_id=visit, facility_code="XW-01")
    with pytest.raises(PermissionDenied):
        queries.visit_detail(ctx, visit_id=visit)
    assert queries.visit_list(ctx).fetch_ids(ListQuery()) == [other]
    inspections.record_findings(ctx, visit_id=other, facility_code=OTHER, entries=[FindingEntry(LICENCE, CONFIRMED)],
                                today=TODAY)
    ctx.actor = Actor("test:reader", role=READ_ONLY)
    with pytest.raises(PermissionDenied):
        inspections.plan_visit(ctx, plan=VisitPlan(VISITED, ("甲",), ("XW-01",)))
    assert queries.visit_detail(ctx, visit_id=visit).visit.id == visit


def test_demo_inspections(tmp_path) -> None:
    from desktop_app.services.database import initialize, open_context
    from desktop_app.services.demo import inspections as demo
    from desktop_app.services.demo import plan_for
    from desktop_app.store.connection import write_transaction
    import random

    path = tmp_path / "demo.sqlite3"
    initialize(path, actor=Actor("test:setup"), demo="small")
    context = open_context(path, actor=Actor("test:setup"))
    try:
        if not inspections_repo.all_visits(context.db):  # until the demo registers this contributor
            with write_transaction(context.db):
                counts = demo.generate(context, plan_for(context, "small"), random.Random("2023:inspections"),
                                       lambda *_: None)
            assert counts["inspection_visits"] == 3 and counts["rectification_orders"] > 5
        statuses = {o.status for o in inspections_repo.orders_where(context.db)}
        assert statuses == {OPEN, REPORTED, CLOSED}
        today = date.today()
        assert queries.work_list(context, as_of=today, view="overdue")
        assert all(v.visited_on <= today for v in inspections_repo.all_visits(context.db))
        assert {f.finding for f in inspections_repo.all_findings(context.db)} == {CONFIRMED, DIFFERS, NOT_CHECKED}
        reopened = [e for e in inspections_repo.events_of(context.db, [o.id for o in inspections_repo.orders_where(context.db)])
                    if e.action == "reopen"]
        assert len(reopened) == 1
    finally:
        context.close()
