"""The 检查记录 sheet (interchange §2, key 检查编号 + 机构编码 + 规则代码): findings of inspection visits
entered on another PC, with the rectification deadline and status of each item.

A row with a new visit id creates the visit (its date and inspectors from the row; every row of a
visit must agree on them, and a known visit must keep its stored date and inspectors); a facility
not yet on the visit is added to it. A new key inserts the finding, a known key updates it. The
sheet never writes the registry: a 不符 finding read from it is 保留待核实 (a stored 已更新登记 with
the same value seen is kept). 整改状态 other than 无 needs 整改期限 and makes (or moves) the item's
rectification order; an order cannot go back to 无, nor from 待整改 straight to 已销号.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem, RuleViolation
from desktop_app.domain.health.entities import Facility
from desktop_app.domain.inspections import (
    CLOSE,
    CLOSED,
    DIFFERS,
    FINDINGS,
    KEPT,
    NO_ORDER,
    NOT_CHECKED,
    OPEN,
    REOPEN,
    REPORT,
    REPORTED,
    SHEET_ORDER_STATUSES,
    Finding,
    FindingEntry,
    Order,
    OrderEvent,
    Visit,
    base_id,
    deadline_problem,
    finding_problems,
    findings_date_problem,
    next_status,
    order_problems,
    path_to,
    split_inspectors,
    visit_id_problem,
)
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import facility_division, on_row
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import audit, facilities_repo, inspections_repo

if TYPE_CHECKING:
    from desktop_app.domain.rules.results import RuleResult
    from desktop_app.services.context import ServiceContext

SHEET_NAME = "检查记录"
IMPORT_NOTE = "由检查记录表导入"
COLUMNS = (
    Column("visit_id", "检查编号", "code", required=True, note="如 JC20251120-01；新编号即新的检查"),
    Column("visited_on", "检查日期", "date", required=True, note="日期 YYYY-MM-DD，不能晚于导入当天"),
    Column("inspectors", "检查人员", "text", note="姓名用、分隔；新的检查编号必填"),
    Column("facility_code", "机构编码", "code", required=True, note="医疗机构表中的机构编码"),
    Column("rule", "规则代码", "text", required=True, note="适用于该机构类型的规则代码，如 hc.facility.licence"),
    Column("finding", "检查结论", "choice", required=True, choices=FINDINGS, note=" / ".join(FINDINGS)),
    Column("value_seen", "现场值", "text", note="检查结论为不符时必填：现场看到的情况"),
    Column("remark", "备注", "text", note="现场情况的文字说明，可附照片文件名；可不填"),
    Column("deadline", "整改期限", "date", note="下达整改时必填，不能早于检查日期"),
    Column("order_status", "整改状态", "choice", choices=SHEET_ORDER_STATUSES, default=NO_ORDER,
           note=" / ".join(SHEET_ORDER_STATUSES) + "（默认 无）"),
)
_FIELDS = {"rule_id": "rule"}
_NEW_ORDER_STEPS = {OPEN: (), REPORTED: (REPORT,), CLOSED: (REPORT, CLOSE)}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class _Batch:
    """What the valid rows of one import will write."""

    visits: dict[str, Visit] = field(default_factory=dict)
    new_visits: set[str] = field(default_factory=set)
    findings: list[tuple[Finding, Finding | None]] = field(default_factory=list)
    orders: list[tuple[Order, str, Order | None]] = field(default_factory=list)  # (order, target status, stored)


class _Reader:
    """Checks rows one by one against the database and the rows before them."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.today = date.today()
        self.catalogue_ids = set(ctx.catalogue.entries)
        self.facilities: dict[str, Facility | None] = {}
        self.results: dict[tuple[str, date], dict[str, RuleResult]] = {}
        self.first_row: dict[str, tuple[int, date, tuple[str, ...]]] = {}
        self.batch = _Batch()

    def facility(self, code: str) -> Facility | None:
        if code not in self.facilities:
            stored = facilities_repo.get(self.ctx.db, code)
            self.facilities[code] = stored.facility if stored else None
        return self.facilities[code]

    def rule_results(self, facility: Facility, day: date) -> dict[str, RuleResult]:
        from desktop_app.services.inspections import rule_results

        key = (facility.code, day)
        if key not in self.results:
            self.results[key] = rule_results(self.ctx, facility, day)
        return self.results[key]

    def visit(self, parsed: ParsedRow, problems: list[Problem]) -> Visit | None:
        """The visit a row belongs to (stored, or made by an earlier row or this one)."""
        values = parsed.values
        visit_id, day = values["visit_id"], values["visited_on"]
        names = split_inspectors(values.get("inspectors"))
        problem = visit_id_problem(visit_id)
        if problem is not None:
            problems.append(problem)
            return None
        visit = self.batch.visits.get(visit_id)
        if visit is None:
            stored = inspections_repo.get_visit(self.ctx.db, visit_id)
            if stored is not None:
                visit = stored.visit
            elif not names:
                problems.append(Problem("inspectors", f"检查编号{visit_id}是新的检查，须填写检查人员"))
                return None
            else:
                visit = Visit(visit_id, day, names, ())
                self.batch.new_visits.add(visit_id)
            self.batch.visits[visit_id] = visit
            self.first_row.setdefault(visit_id, (parsed.row, visit.visited_on, visit.inspectors))
        row, first_day, first_names = self.first_row[visit_id]
        where = f"第{row}行" if visit_id in self.batch.new_visits else "已登记的检查"
        if day != first_day:
            problems.append(Problem("visited_on", f"与{where}同一检查编号的检查日期（{first_day.isoformat()}）不同"))
        if names and names != first_names:
            problems.append(Problem("inspectors", f"与{where}同一检查编号的检查人员（{'、'.join(first_names)}）不同"))
        problem = findings_date_problem(day, self.today)
        if problem is not None:
            problems.append(problem)
        return visit

    def read(self, parsed: ParsedRow) -> list[Problem]:
        """Check one row; when it is valid, add what it writes to the batch."""
        values = parsed.values
        problems: list[Problem] = []
        visit = self.visit(parsed, problems)
        facility = self.facility(values["facility_code"])
        if facility is None:
            problems.append(Problem("facility_code", f"机构编码{values['facility_code']}不在医疗机构表中"))
        if visit is None or facility is None or problems:
            return problems
        rule_id, finding = values["rule"], values["finding"]
        stored = next((f for f in inspections_repo.findings_of(self.ctx.db, visit_id=visit.id, facility_code=facility.code)
                       if f.rule_id == rule_id), None)
        seen = values.get("value_seen")
        keeps_update = stored is not None and stored.finding == DIFFERS and stored.value_seen == seen
        decision = (stored.registry_decision if keeps_update else KEPT) if finding == DIFFERS else None
        entry = FindingEntry(rule_id, finding, seen, values.get("remark") or "", decision=decision)
        problems += finding_problems(entry, facility.kind, self.catalogue_ids)
        if problems:
            return problems
        results = self.rule_results(facility, visit.visited_on)
        problems += self.order(visit, facility, entry, results, values)
        if problems:
            return problems
        if facility.code not in visit.facility_codes:
            self.batch.visits[visit.id] = replace(visit, facility_codes=(*visit.facility_codes, facility.code))
        from desktop_app.services.inspections import registry_text

        registry = stored.registry_value if stored and stored.registry_value else registry_text(results.get(base_id(rule_id)))
        new = Finding(visit.id, facility.code, rule_id, finding, seen, entry.remark, stored.photos if stored else (),
                      decision, registry)
        if new != stored:
            self.batch.findings.append((new, stored))
        return problems

    def order(self, visit: Visit, facility: Facility, entry: FindingEntry, results: Mapping[str, RuleResult],
              values: Mapping[str, Any]) -> list[Problem]:
        """Check the row's 整改期限 and 整改状态 against the item's stored order; queue the change."""
        target, deadline = values.get("order_status") or NO_ORDER, values.get("deadline")
        stored = inspections_repo.order_for(self.ctx.db, visit.id, facility.code, entry.rule_id)
        if stored is not None and entry.finding == NOT_CHECKED:
            return [Problem("finding", "该项已下达整改通知，检查结论不能为未检查")]
        if target == NO_ORDER:
            if stored is not None:
                return [Problem("order_status", "该项已下达整改通知，整改状态不能改为无")]
            if deadline is not None:
                return [Problem("deadline", "填写了整改期限时，整改状态应为待整改、已报告或已销号")]
            return []
        if deadline is None:
            return [Problem("deadline", f"整改状态为{target}时须填写整改期限")]
        if stored is not None:
            problem = deadline_problem(deadline, visit.visited_on)
            try:
                path_to(stored.order.status, target)
            except RuleViolation as exc:
                return [Problem("order_status", str(exc))]
            if problem is not None:
                return [problem]
            if stored.order.status != target or stored.order.deadline != deadline:
                self.batch.orders.append((replace(stored.order, deadline=deadline), target, stored.order))
            return []
        result = results.get(base_id(entry.rule_id))
        problems = order_problems(finding=entry.finding, rule_status=result.status if result else None, deadline=deadline,
                                  visited_on=visit.visited_on, responsible=None, require_responsible=False)
        if problems:
            return [Problem("order_status" if p.field == "rule_id" else p.field, p.reason) for p in problems]
        self.batch.orders.append((Order(0, visit.id, facility.code, entry.rule_id, "", "", deadline, OPEN,
                                        county_code=facility.county_code, division_code=facility.division_code), target, None))
        return []


def _placed(problems: Iterable[Problem], row: int) -> list[Problem]:
    moved = [Problem(_FIELDS.get(p.field, p.field), p.reason) for p in problems]
    return on_row(moved, COLUMNS, row=row, sheet=SHEET_NAME)


def apply_findings(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Check every row (visit, facility, rule for its kind, finding, dates, order status), then write
    the visits, findings and orders of the valid rows — nothing when any row is refused. Every
    written record is audited."""
    outcome = SheetOutcome()
    reader = _Reader(ctx)
    for parsed in rows:
        outcome.problems.extend(_placed(reader.read(parsed), parsed.row))
    if outcome.problems:
        return outcome
    batch = reader.batch
    _write(ctx, batch)
    changed_orders = {(o.visit_id, o.facility_code, o.rule_id) for o, _, _ in batch.orders}
    outcome.inserted = sum(before is None for _, before in batch.findings)
    outcome.updated = sum(before is not None for _, before in batch.findings)
    outcome.updated += len(changed_orders - {(f.visit_id, f.facility_code, f.rule_id) for f, _ in batch.findings})
    outcome.unchanged = len(rows) - outcome.inserted - outcome.updated
    return outcome


def _write(ctx: ServiceContext, batch: _Batch) -> None:
    actor, at, today = ctx.actor.name, _now(), date.today()
    entries: list[audit.AuditEntry] = []
    new = [batch.visits[v] for v in sorted(batch.new_visits)]
    inspections_repo.insert_visits(ctx.db, new, actor=actor, at=at)
    for visit in new:
        entries.append(audit.AuditEntry(actor, "import_plan_visit", "inspection_visits", visit.id, None,
                                        asdict(visit) | {"visited_on": visit.visited_on.isoformat()}))
    for visit_id, visit in batch.visits.items():
        stored = inspections_repo.get_visit(ctx.db, visit_id)
        if visit_id not in batch.new_visits and stored is not None and stored.visit.facility_codes != visit.facility_codes:
            inspections_repo.update_visit(ctx.db, visit)
            entries.append(audit.AuditEntry(actor, "import_update_visit", "inspection_visits", visit_id,
                                            {"facility_codes": list(stored.visit.facility_codes)},
                                            {"facility_codes": list(visit.facility_codes)}))
    inspections_repo.upsert_findings(ctx.db, [f for f, _ in batch.findings], actor=actor, at=at)
    for finding, before in batch.findings:
        entries.append(audit.AuditEntry(actor, "import_update" if before else "import_insert", "inspection_findings",
                                        f"{finding.visit_id}:{finding.facility_code}:{finding.rule_id}",
                                        _record(before) if before else None, _record(finding)))
    for order, target, before in batch.orders:
        entries.append(_write_order(ctx, order, target, before, actor, at, today))
    audit.append(ctx.db, entries)


def _record(finding: Finding) -> dict[str, Any]:
    return asdict(finding) | {"photos": list(finding.photos)}


def _write_order(ctx: ServiceContext, order: Order, target: str, before: Order | None, actor: str, at: str,
                 today: date) -> audit.AuditEntry:
    """Insert or move one order to ``target`` with a recorded step per change."""
    events: list[OrderEvent] = []
    if before is None:
        order = replace(order, id=inspections_repo.insert_order(ctx.db, order, actor=actor, at=at))
        events.append(OrderEvent(order.id, "open", None, OPEN, IMPORT_NOTE, today, actor, at))
        actions = list(_NEW_ORDER_STEPS[target])
    else:
        if order.deadline != before.deadline:
            events.append(OrderEvent(order.id, "deadline", before.status, before.status,
                                     f"{IMPORT_NOTE}：整改期限 {before.deadline.isoformat()} → {order.deadline.isoformat()}",
                                     today, actor, at))
        actions = path_to(before.status, target)
    status = order.status
    for action in actions:
        after = next_status(status, action)
        events.append(OrderEvent(order.id, action, status, after, IMPORT_NOTE, today, actor, at))
        if action == REPORT:
            order = replace(order, reported_on=today, completion_note=order.completion_note or IMPORT_NOTE)
        elif action == REOPEN:
            order = replace(order, reopened=order.reopened + 1)
        status = after
    order = replace(order, status=status)
    inspections_repo.update_order(ctx.db, order)
    inspections_repo.add_events(ctx.db, events)
    values = asdict(order) | {"deadline": order.deadline.isoformat(),
                              "reported_on": order.reported_on.isoformat() if order.reported_on else None}
    previous = None if before is None else {"status": before.status, "deadline": before.deadline.isoformat()}
    return audit.AuditEntry(actor, "import_order", "rectification_orders", str(order.id), previous, values)


def export_findings(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every finding by visit, facility and rule, with its visit's date and inspectors and its
    order's deadline and status (无 without an order)."""
    visits = {v.id: v for v in inspections_repo.all_visits(ctx.db)}
    orders = {(o.visit_id, o.facility_code, o.rule_id): o for o in inspections_repo.orders_where(ctx.db)}
    for finding in inspections_repo.all_findings(ctx.db):
        visit = visits[finding.visit_id]
        order = orders.get((finding.visit_id, finding.facility_code, finding.rule_id))
        yield {"visit_id": visit.id, "visited_on": visit.visited_on, "inspectors": visit.inspectors_text,
               "facility_code": finding.facility_code, "rule": finding.rule_id, "finding": finding.finding,
               "value_seen": finding.value_seen, "remark": finding.remark or None,
               "deadline": order.deadline if order else None, "order_status": order.status if order else NO_ORDER}


SHEET = SheetSpec(
    name=SHEET_NAME, key="inspection_findings", columns=COLUMNS, key_columns=("visit_id", "facility_code", "rule"),
    apply=apply_findings, export=export_findings,
    division_of=lambda ctx, values: facility_division(ctx, values.get("facility_code")),
)
