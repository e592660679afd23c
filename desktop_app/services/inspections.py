"""Inspection visit use cases (督导检查): plan, change or cancel a visit; record the findings of one
facility; issue a rectification order and follow it (report completion, close, reopen).

Every write is one guarded (EDIT_HEALTH within the actor's division scope), audited transaction. A
differing finding changes the registry only when the inspector chose 已更新登记: then the change
goes through :func:`desktop_app.services.health_registry.update_facility` (checked, versioned and
audited like any edit of the facility) in the same transaction as the finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date, datetime, timezone
from typing import Any

from desktop_app.domain.errors import NotFound, Problem, RuleViolation, ValidationError
from desktop_app.domain.health.entities import Facility
from desktop_app.domain.inspections import (
    CLOSE,
    DIFFERS,
    NOT_CHECKED,
    OPEN,
    REOPEN,
    REPORT,
    UPDATED,
    Finding,
    FindingEntry,
    Order,
    OrderEvent,
    Visit,
    VisitPlan,
    base_id,
    finding_problems,
    findings_date_problem,
    next_status,
    order_problems,
    registry_update,
    visit_id_for,
    visit_problems,
)
from desktop_app.domain.rules.results import RuleResult
from desktop_app.domain.security import EDIT_HEALTH
from desktop_app.services import health_registry, health_report_data
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded
from desktop_app.store import audit, facilities_repo, inspections_repo, staff_repo, villages_repo
from desktop_app.store.connection import write_transaction
from desktop_app.store.inspections_repo import StoredOrder, StoredVisit

VISITS, FINDINGS, ORDERS, FACILITIES = "inspection_visits", "inspection_findings", "rectification_orders", "facilities"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- scope of a call -------------------------------------------------------------------------------

def facility_division(ctx: ServiceContext, code: str | None) -> str | None:
    """The host division of a facility (None when unknown: the use case reports it)."""
    stored = facilities_repo.get(ctx.db, code) if code else None
    return stored.facility.division_code if stored else None


def visit_divisions(ctx: ServiceContext, visit_id: str | None) -> list[str | None]:
    """The host divisions of a visit's facilities (empty when the visit is unknown)."""
    stored = inspections_repo.get_visit(ctx.db, visit_id) if visit_id else None
    return [facility_division(ctx, code) for code in stored.visit.facility_codes] if stored else []


def _plan_divisions(ctx: ServiceContext, plan: VisitPlan) -> list[str | None]:
    return [facility_division(ctx, code) for code in plan.facility_codes]


def order_division(ctx: ServiceContext, order_id: int | None) -> str | None:
    """The host division recorded on an order."""
    stored = inspections_repo.get_order(ctx.db, order_id) if order_id is not None else None
    return stored.order.division_code if stored else None


# --- lookups other use cases share ---------------------------------------------------------------------

def get_visit(ctx: ServiceContext, visit_id: str) -> StoredVisit:
    """The stored visit; NotFound otherwise."""
    stored = inspections_repo.get_visit(ctx.db, visit_id)
    if stored is None:
        raise NotFound(f"检查编号 {visit_id} 不存在")
    return stored


def _facility(ctx: ServiceContext, code: str) -> Facility:
    stored = facilities_repo.get(ctx.db, code)
    if stored is None:
        raise NotFound(f"医疗机构 {code} 不存在")
    return stored.facility


def rule_results(ctx: ServiceContext, facility: Facility, as_of: date) -> dict[str, RuleResult]:
    """The standards of one facility as of ``as_of``, by rule base id (evaluated on a snapshot of
    just that facility, its staff and villages)."""
    villages = villages_repo.get_many(ctx.db, {facility.division_code, *facility.served_codes})
    staff = [m for m in staff_repo.all_staff(ctx.db) if m.facility_code == facility.code]
    results = health_report_data.facility_results(ctx, [facility], staff, villages, as_of=as_of)[facility.code]
    return {base_id(r.rule_id): r for r in results}


def registry_text(result: RuleResult | None) -> str:
    """What the registry says for a rule, as the checklist prints it (``60.4m²``, ``5室`` …)."""
    return "" if result is None else health_report_data.display_value(base_id(result.rule_id), result.actual)


# --- visits ----------------------------------------------------------------------------------------

def _visit_record(visit: Visit) -> dict[str, Any]:
    return asdict(visit) | {"visited_on": visit.visited_on.isoformat()}


def _cleaned(plan: VisitPlan) -> VisitPlan:
    return replace(plan, inspectors=tuple(n.strip() for n in plan.inspectors if n.strip()),
                   facility_codes=tuple(c.strip() for c in plan.facility_codes), note=plan.note.strip(),
                   visit_id=plan.visit_id.strip() if plan.visit_id is not None else None)


def _known(ctx: ServiceContext, codes: Sequence[str]) -> set[str]:
    return {c for c in codes if facilities_repo.row_version(ctx.db, c) is not None}


@guarded(EDIT_HEALTH, scope=lambda ctx, a: _plan_divisions(ctx, a["plan"]))
def plan_visit(ctx: ServiceContext, *, plan: VisitPlan) -> Changes:
    """Plan a visit: its date (may be ahead), inspectors and facilities. The visit id is assigned
    (``JCyyyymmdd-nn``) unless given. ValidationError for bad input; nothing is written then."""
    plan = _cleaned(plan)
    with write_transaction(ctx.db):
        problems = visit_problems(plan, _known(ctx, plan.facility_codes))
        if plan.visit_id is not None and inspections_repo.get_visit(ctx.db, plan.visit_id) is not None:
            problems.append(Problem("visit_id", f"检查编号 {plan.visit_id} 已存在"))
        if problems:
            raise ValidationError(problems)
        visit_id = plan.visit_id or visit_id_for(plan.visited_on, inspections_repo.visit_ids(ctx.db, "JC"))
        visit = Visit(visit_id, plan.visited_on, plan.inspectors, plan.facility_codes, plan.note)
        inspections_repo.insert_visits(ctx.db, [visit], actor=ctx.actor.name, at=_now())
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "plan_visit", VISITS, visit_id, None, _visit_record(visit))])
    return Changes(frozenset({VISITS}), inserted=1, keys=(visit_id,))


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [*_plan_divisions(ctx, a["plan"]), *visit_divisions(ctx, a["plan"].visit_id)])
def update_visit(ctx: ServiceContext, *, plan: VisitPlan, expected_version: int, today: date | None = None) -> Changes:
    """Change a visit's date, inspectors or facilities. A facility with findings cannot be taken off,
    nor can the date of a visit with findings move into the future. RuleViolation when someone
    else changed the visit since ``expected_version``."""
    plan = _cleaned(plan)
    if plan.visit_id is None:
        raise ValidationError(Problem("visit_id", "请指定要修改的检查编号"))
    with write_transaction(ctx.db):
        before = get_visit(ctx, plan.visit_id)
        if before.row_version != expected_version:
            raise RuleViolation("该检查计划在您打开后已被他人修改，请重新打开后再编辑")
        problems = visit_problems(plan, _known(ctx, plan.facility_codes))
        recorded = inspections_repo.facilities_with_findings(ctx.db, plan.visit_id)
        dropped = sorted(recorded - set(plan.facility_codes))
        if dropped:
            problems.append(Problem("facility_codes", f"机构{'、'.join(dropped)}已有检查结果，不能从本次检查中移除"))
        problem = findings_date_problem(plan.visited_on, today or date.today()) if recorded else None
        if problem is not None:
            problems.append(problem)
        if problems:
            raise ValidationError(problems)
        visit = Visit(plan.visit_id, plan.visited_on, plan.inspectors, plan.facility_codes, plan.note)
        inspections_repo.update_visit(ctx.db, visit)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "update_visit", VISITS, visit.id,
                                               _visit_record(before.visit), _visit_record(visit))])
    return Changes(frozenset({VISITS}), updated=1, keys=(visit.id,))


@guarded(EDIT_HEALTH, scope=lambda ctx, a: visit_divisions(ctx, a["visit_id"]))
def delete_visit(ctx: ServiceContext, *, visit_id: str) -> Changes:
    """Cancel a planned visit that has no findings yet (audited)."""
    with write_transaction(ctx.db):
        before = get_visit(ctx, visit_id)
        if inspections_repo.count_findings(ctx.db, visit_id):
            raise RuleViolation(f"检查 {visit_id} 已录入检查结果，不能删除")
        inspections_repo.delete_visit(ctx.db, visit_id)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "delete_visit", VISITS, visit_id,
                                               _visit_record(before.visit), None)])
    return Changes(frozenset({VISITS}), deleted=1, keys=(visit_id,))


# --- findings ------------------------------------------------------------------------------------

def _finding_record(finding: Finding) -> dict[str, Any]:
    return asdict(finding) | {"photos": list(finding.photos)}


def _entry_problems(ctx: ServiceContext, entries: Sequence[FindingEntry], facility: Facility,
                    stored: dict[str, Finding], ordered: set[str]) -> tuple[list[Problem], dict[str, Any]]:
    """Problems of the entries (field = rule id) and the registry fields the 已更新登记 ones write."""
    problems: list[Problem] = []
    changes: dict[str, Any] = {}
    seen: set[str] = set()
    catalogue_ids = set(ctx.catalogue.entries)
    for entry in entries:
        found = finding_problems(entry, facility.kind, catalogue_ids)
        if entry.rule_id in seen:
            found.append(Problem("rule_id", "同一规则填写了两次"))
        seen.add(entry.rule_id)
        if entry.rule_id in ordered and entry.finding == NOT_CHECKED:
            found.append(Problem("finding", "该项已下达整改通知，不能改为未检查"))
        if not found and entry.finding == DIFFERS and entry.decision == UPDATED:
            before = stored.get(entry.rule_id)
            unchanged = (before is not None and before.registry_decision == UPDATED
                         and (before.value_seen or "") == (entry.value_seen or "").strip())
            try:
                update = registry_update(entry.rule_id, entry.value_seen or "")
            except ValueError as exc:
                found.append(Problem("value_seen", str(exc)))
            else:
                if not unchanged:
                    changes.update(update)
        problems += [Problem(entry.rule_id, p.reason) for p in found]
    return problems, changes


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [facility_division(ctx, a["facility_code"])])
def record_findings(ctx: ServiceContext, *, visit_id: str, facility_code: str, entries: Sequence[FindingEntry],
                    today: date | None = None) -> Changes:
    """Record (or correct) what the inspectors found at one facility of a visit, one entry per rule.

    Refused with ValidationError (field = the rule id; nothing written) when the visit lies in the
    future, the facility is not part of the visit, a rule is unknown or does not apply to the
    facility's kind, a differing finding lacks the value seen or the choice about the registry, or
    the value seen cannot be written to the registry when 已更新登记 was chosen. Each finding is
    audited; with 已更新登记 the facility is updated (and audited) by the registry's use case.
    NotFound for an unknown visit or facility.
    """
    with write_transaction(ctx.db):
        visit = get_visit(ctx, visit_id).visit
        facility = _facility(ctx, facility_code)
        problems: list[Problem] = []
        if facility_code not in visit.facility_codes:
            problems.append(Problem("facility_code", f"机构 {facility_code} 不在检查 {visit_id} 的机构名单中"))
        problem = findings_date_problem(visit.visited_on, today or date.today())
        if problem is not None:
            problems.append(problem)
        stored = {f.rule_id: f for f in inspections_repo.findings_of(ctx.db, visit_id=visit_id, facility_code=facility_code)}
        ordered = {o.rule_id for o in inspections_repo.orders_where(ctx.db, visit_id=visit_id, facility_code=facility_code)}
        entry_problems, changes = _entry_problems(ctx, entries, facility, stored, ordered)
        problems += entry_problems
        if problems:
            raise ValidationError(problems)
        results = rule_results(ctx, facility, visit.visited_on)
        findings = []
        for entry in entries:
            before = stored.get(entry.rule_id)
            registry = before.registry_value if before and before.registry_value else registry_text(results.get(base_id(entry.rule_id)))
            seen = (entry.value_seen or "").strip() or None
            findings.append(Finding(visit_id, facility_code, entry.rule_id, entry.finding, seen, entry.remark.strip(),
                                    tuple(p.strip() for p in entry.photos), entry.decision, registry))
        changed = [f for f in findings if stored.get(f.rule_id) != f]
        inspections_repo.upsert_findings(ctx.db, changed, actor=ctx.actor.name, at=_now())
        key = f"{visit_id}:{facility_code}:"
        audit.append(ctx.db, [
            audit.AuditEntry(ctx.actor.name, "record_finding", FINDINGS, key + f.rule_id,
                             _finding_record(stored[f.rule_id]) if f.rule_id in stored else None, _finding_record(f))
            for f in changed
        ])
        tables = {FINDINGS}
        if changes:
            current = facilities_repo.get(ctx.db, facility_code)
            assert current is not None
            health_registry.update_facility(ctx, facility=replace(current.facility, **changes),
                                            expected_version=current.row_version)
            tables.add(FACILITIES)
    return Changes(frozenset(tables), inserted=sum(f.rule_id not in stored for f in changed),
                   updated=sum(f.rule_id in stored for f in changed), keys=(visit_id, facility_code))


# --- rectification orders ----------------------------------------------------------------------------

def _order_record(order: Order) -> dict[str, Any]:
    values = asdict(order)
    values["deadline"] = order.deadline.isoformat()
    values["reported_on"] = order.reported_on.isoformat() if order.reported_on else None
    return values


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [facility_division(ctx, a["facility_code"])])
def create_order(ctx: ServiceContext, *, visit_id: str, facility_code: str, rule_id: str, responsible: str,
                 deadline: date, requirement: str = "", today: date | None = None) -> Changes:
    """Issue a rectification order (整改通知) on a finding that differs from the registry, or on a
    confirmed item that fails (or is warned by) its standard. Refused (ValidationError) for an item
    without a finding, not checked or found passing, a deadline before the visit, no responsible
    person, or a second order on the same item. The order starts 待整改; the step is recorded."""
    with write_transaction(ctx.db):
        visit = get_visit(ctx, visit_id).visit
        facility = _facility(ctx, facility_code)
        finding = next((f for f in inspections_repo.findings_of(ctx.db, visit_id=visit_id, facility_code=facility_code)
                        if f.rule_id == rule_id), None)
        result = rule_results(ctx, facility, visit.visited_on).get(base_id(rule_id))
        problems = order_problems(finding=finding.finding if finding else None, rule_status=result.status if result else None,
                                  deadline=deadline, visited_on=visit.visited_on, responsible=responsible)
        if inspections_repo.order_for(ctx.db, visit_id, facility_code, rule_id) is not None:
            problems.append(Problem("rule_id", "该项已下达整改通知"))
        if problems:
            raise ValidationError(problems)
        order = Order(0, visit_id, facility_code, rule_id, requirement.strip(), responsible.strip(), deadline, OPEN,
                      county_code=facility.county_code, division_code=facility.division_code)
        at = _now()
        order_id = inspections_repo.insert_order(ctx.db, order, actor=ctx.actor.name, at=at)
        order = replace(order, id=order_id)
        inspections_repo.add_events(ctx.db, [OrderEvent(order_id, "open", None, OPEN, order.requirement,
                                                        today or date.today(), ctx.actor.name, at)])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "open_order", ORDERS, str(order_id), None, _order_record(order))])
    return Changes(frozenset({ORDERS}), inserted=1, keys=(str(order_id),))


def get_order(ctx: ServiceContext, order_id: int) -> StoredOrder:
    """The stored order; NotFound otherwise."""
    stored = inspections_repo.get_order(ctx.db, order_id)
    if stored is None:
        raise NotFound(f"整改通知 {order_id} 不存在")
    return stored


def _step(ctx: ServiceContext, order_id: int, action: str, note: str, on_date: date, **fields: Any) -> Changes:
    """Move an order by ``action`` (one transaction): status, fields, the recorded step, the audit."""
    with write_transaction(ctx.db):
        before = get_order(ctx, order_id).order
        status = next_status(before.status, action)
        after = replace(before, status=status, **fields)
        inspections_repo.update_order(ctx.db, after)
        at = _now()
        inspections_repo.add_events(ctx.db, [OrderEvent(order_id, action, before.status, status, note, on_date,
                                                        ctx.actor.name, at)])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, f"{action}_order", ORDERS, str(order_id),
                                               _order_record(before), _order_record(after) | {"note": note})])
    return Changes(frozenset({ORDERS}), updated=1, keys=(str(order_id),))


def _required_note(field: str, note: str, what: str) -> str:
    if not note.strip():
        raise ValidationError(Problem(field, f"请填写{what}"))
    return note.strip()


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [order_division(ctx, a["order_id"])])
def report_completion(ctx: ServiceContext, *, order_id: int, note: str, reported_on: date | None = None,
                      today: date | None = None) -> Changes:
    """The facility reports the rectification done (待整改 → 已报告) with a note and the day it
    reported (default today; not in the future, not before the visit)."""
    text = _required_note("note", note, "整改完成情况")
    today = today or date.today()
    day = reported_on or today
    stored = get_order(ctx, order_id).order
    visited_on = get_visit(ctx, stored.visit_id).visit.visited_on
    if day > today or day < visited_on:
        raise ValidationError(Problem("reported_on", f"报告日期{day.isoformat()}应在检查日期{visited_on.isoformat()}和今天之间"))
    return _step(ctx, order_id, REPORT, text, day, completion_note=text, reported_on=day)


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [order_division(ctx, a["order_id"])])
def close_order(ctx: ServiceContext, *, order_id: int, note: str = "", today: date | None = None) -> Changes:
    """The inspector accepts the reported rectification (已报告 → 已销号). RuleViolation for an order
    that was never reported."""
    return _step(ctx, order_id, CLOSE, note.strip(), today or date.today())


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [order_division(ctx, a["order_id"])])
def reopen_order(ctx: ServiceContext, *, order_id: int, reason: str, deadline: date | None = None,
                 today: date | None = None) -> Changes:
    """The inspector does not accept the rectification (已报告 or 已销号 → 待整改), with the reason and
    optionally a new deadline (not before the visit)."""
    text = _required_note("reason", reason, "重新打开的原因")
    stored = get_order(ctx, order_id).order
    fields: dict[str, Any] = {"reopened": stored.reopened + 1}
    if deadline is not None:
        visited_on = get_visit(ctx, stored.visit_id).visit.visited_on
        if deadline < visited_on:
            raise ValidationError(Problem("deadline", f"整改期限{deadline.isoformat()}早于检查日期{visited_on.isoformat()}"))
        fields["deadline"] = deadline
    return _step(ctx, order_id, REOPEN, text, today or date.today(), **fields)
