"""The inspection report kinds: ``rectification-notice`` (整改通知书 of one facility after a visit:
``--visit ID --facility CODE``), ``visit-summary`` (督导检查情况汇总: ``--visit ID``) and
``visit-pack`` (the cover list and one pre-filled 督导检查表 per facility of a visit in one PDF:
``--visit ID``). Importing this module registers them with :mod:`desktop_app.services.reports`.

The gather steps are guarded reads: a user sees only visits with a facility in his scope.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.errors import NotFound, Problem, ValidationError
from desktop_app.domain.inspections import (
    CONFIRMED,
    DIFFERS,
    NOT_CHECKED,
    applicable_rules,
    base_id,
    is_overdue,
)
from desktop_app.domain.rules.results import Status
from desktop_app.domain.security import PRINT, READ
from desktop_app.reports.inspection_models import (
    NoticeItem,
    RectificationNotice,
    SummaryDifference,
    SummaryFacility,
    SummaryOrder,
    VisitPack,
    VisitSummary,
)
from desktop_app.services import health_report_data
from desktop_app.services.context import ServiceContext
from desktop_app.services.inspection_queries import visible_facility_codes
from desktop_app.services.inspections import facility_division, get_visit, registry_text, rule_results
from desktop_app.services.permissions import guarded
from desktop_app.services.reports import FACILITY, VISIT, Progress, ReportKind, ReportRequest, register, report_meta
from desktop_app.store import divisions_repo, facilities_repo, inspections_repo


def _title(ctx: ServiceContext, rule_id: str) -> tuple[str, str]:
    entry = ctx.catalogue.entries.get(rule_id)
    return (entry.title, entry.citation) if entry else (rule_id, "")


@guarded(READ, scope=lambda ctx, a: [facility_division(ctx, a["facility_code"])])
def notice_data(ctx: ServiceContext, *, visit_id: str, facility_code: str) -> RectificationNotice:
    """The 整改通知书 of one facility of a visit: every order issued to it on that visit. NotFound for
    an unknown visit or facility; ValidationError when the facility was not visited or got no order."""
    visit = get_visit(ctx, visit_id).visit
    stored = facilities_repo.get(ctx.db, facility_code)
    if stored is None:
        raise NotFound(f"医疗机构 {facility_code} 不存在")
    facility = stored.facility
    if facility_code not in visit.facility_codes:
        raise ValidationError(Problem(FACILITY, f"{facility.name}（{facility_code}）不在检查 {visit_id} 的机构名单中"))
    orders = inspections_repo.orders_where(ctx.db, visit_id=visit_id, facility_code=facility_code)
    if not orders:
        raise ValidationError(Problem(FACILITY, f"{facility.name}在检查 {visit_id} 中没有下达整改通知"))
    findings = {f.rule_id: f for f in inspections_repo.findings_of(ctx.db, visit_id=visit_id, facility_code=facility_code)}
    results = rule_results(ctx, facility, visit.visited_on)
    items = []
    for order in orders:
        finding = findings[order.rule_id]
        title, citation = _title(ctx, order.rule_id)
        result = results.get(base_id(order.rule_id))
        items.append(NoticeItem(title, citation, finding.finding, finding.registry_value or registry_text(result),
                                finding.value_seen or "", result.message if result else "", order.requirement,
                                order.responsible, order.deadline, order.status))
    names = {d.code: d.name for d in divisions_repo.all_divisions(ctx.db)}
    return RectificationNotice(visit.id, visit.visited_on, visit.inspectors_text, facility.code, facility.name,
                               facility.kind, names.get(facility.county_code, ""), names.get(facility.township_code, ""),
                               tuple(items))


@guarded(READ)
def summary_data(ctx: ServiceContext, *, visit_id: str, as_of: date | None = None) -> VisitSummary:
    """The 督导检查情况汇总 of a visit (its facilities inside the user's scope), with orders judged
    overdue as of ``as_of`` (default today). NotFound for an unknown visit."""
    as_of = as_of or date.today()
    visit = get_visit(ctx, visit_id).visit
    codes = visible_facility_codes(ctx, visit)
    names = {d.code: d.name for d in divisions_repo.all_divisions(ctx.db)}
    findings = [f for f in inspections_repo.findings_of(ctx.db, visit_id=visit_id) if f.facility_code in codes]
    orders = [o for o in inspections_repo.orders_where(ctx.db, visit_id=visit_id) if o.facility_code in codes]
    facilities, differences = [], []
    for code in codes:
        stored = facilities_repo.get(ctx.db, code)
        assert stored is not None
        f = stored.facility
        own = [x for x in findings if x.facility_code == code]
        recorded = {base_id(x.rule_id) for x in own}
        results = rule_results(ctx, f, visit.visited_on)
        missing = sum(1 for rule in applicable_rules(f.kind) if rule not in recorded
                      and (rule not in results or results[rule].status != Status.NOT_APPLICABLE))
        facilities.append(SummaryFacility(
            code, f.name, f.kind, names.get(f.township_code, ""), sum(x.finding == CONFIRMED for x in own),
            sum(x.finding == DIFFERS for x in own), sum(x.finding == NOT_CHECKED for x in own),
            missing, sum(o.facility_code == code for o in orders)))
        for x in own:
            if x.finding == DIFFERS:
                remark = "；".join(p for p in (x.remark, f"照片：{'、'.join(x.photos)}" if x.photos else "") if p)
                differences.append(SummaryDifference(f.name, _title(ctx, x.rule_id)[0], x.registry_value,
                                                     x.value_seen or "", x.registry_decision or "", remark))
    by_code = {f.code: f.name for f in facilities}
    lines = tuple(SummaryOrder(by_code[o.facility_code], _title(ctx, o.rule_id)[0], o.responsible, o.deadline, o.status,
                               is_overdue(o.deadline, o.status, as_of)) for o in orders)
    return VisitSummary(visit.id, visit.visited_on, visit.inspectors_text, visit.note, as_of, tuple(facilities),
                        tuple(differences), lines)


@guarded(READ)
def pack_data(ctx: ServiceContext, *, visit_id: str) -> VisitPack:
    """The checklists of a visit's facilities (inside the user's scope), in visiting order, judged
    as of the visit date. NotFound for an unknown visit."""
    visit = get_visit(ctx, visit_id).visit
    codes = visible_facility_codes(ctx, visit)
    facilities = []
    for code in codes:
        stored = facilities_repo.get(ctx.db, code)
        assert stored is not None
        facilities.append(stored.facility)
    forms = health_report_data.inspection_forms(ctx, facilities, as_of=visit.visited_on)
    return VisitPack(visit.id, visit.visited_on, visit.inspectors_text, tuple(forms))


@guarded(PRINT)
def render_visit_pack(ctx: ServiceContext, *, visit_id: str, progress: Progress | None = None) -> bytes:
    """The visit pack as PDF bytes (same as ``render_report(kind="visit-pack", visit=...)``)."""
    from desktop_app.reports.visit_summary import visit_pack_pdf

    report = progress or (lambda _done, _total, _text: None)
    report(0, 2, "正在汇总检查机构的数据…")
    pack = pack_data(ctx, visit_id=visit_id)
    report(1, 2, f"正在排版 {len(pack.forms)} 份督导检查表…")
    pdf = visit_pack_pdf(pack, report_meta(ctx))
    report(2, 2, "")
    return pdf


def _notice(ctx: ServiceContext, request: ReportRequest) -> Any:
    return notice_data(ctx, visit_id=request.visit or "", facility_code=request.facility or "")


def _summary(ctx: ServiceContext, request: ReportRequest) -> Any:
    return summary_data(ctx, visit_id=request.visit or "", as_of=request.as_of)


def _pack(ctx: ServiceContext, request: ReportRequest) -> Any:
    return pack_data(ctx, visit_id=request.visit or "")


def _layout(module: str, function: str) -> Any:
    """A layout step imported on first use (reportlab is imported only when a report is made)."""
    def layout(data: Any, meta: Any) -> bytes:
        from importlib import import_module

        return getattr(import_module(f"desktop_app.reports.{module}"), function)(data, meta)

    return layout


register(ReportKind(
    "rectification-notice", "整改通知书", _notice, _layout("rectification_notice", "rectification_notice_pdf"),
    options=frozenset({VISIT, FACILITY}), required=frozenset({VISIT, FACILITY}),
    description="一次督导检查后发给一个机构的整改通知书：问题、整改要求、责任人和整改期限，附签收栏",
))
register(ReportKind(
    "visit-summary", "督导检查情况汇总", _summary, _layout("visit_summary", "visit_summary_pdf"),
    options=frozenset({VISIT}), required=frozenset({VISIT}),
    description="一次督导检查的汇总：各机构检查结论、与登记不符的项目及处理、整改通知及期限（逾期标红）",
))
register(ReportKind(
    "visit-pack", "督导检查包", _pack, _layout("visit_summary", "visit_pack_pdf"),
    options=frozenset({VISIT}), required=frozenset({VISIT}),
    description="一次督导检查的打印包：检查机构清单，及每个机构按检查日期预填的督导检查表",
))
