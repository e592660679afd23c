"""Read-only views of the inspection visits: the visit list, one visit with its facilities, the
findings form of one facility, the candidates for a new visit, the rectification work lists, a
facility's inspection history and the open / overdue counts per county for the dashboard.

Lists are limited to the acting user's division scope; single records are guarded (READ).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.errors import NotFound, PermissionDenied
from desktop_app.domain.inspections import (
    CLOSED,
    DIFFERS,
    OPEN,
    REPORTED,
    Finding,
    Order,
    OrderEvent,
    Visit,
    applicable_rules,
    base_id,
    can_update_registry,
    days_left,
    is_due_soon,
    is_overdue,
    value_hint,
)
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.rules.results import Status
from desktop_app.domain.security import READ
from desktop_app.services import health_evaluation
from desktop_app.services.context import ServiceContext
from desktop_app.services.health_queries import CountyChoice, FacilityRule, division_choices, facility_rules
from desktop_app.services.inspections import (
    facility_division,
    get_order,
    get_visit,
    order_division,
    registry_text,
    rule_results,
)
from desktop_app.services.permissions import guarded, scope_filter, visible
from desktop_app.store import divisions_repo, facilities_repo, inspections_repo
from desktop_app.store.listing import SqlList

ALL, OPEN_VIEW, DUE, OVERDUE, REPORTED_VIEW, CLOSED_VIEW = "all", "open", "due", "overdue", "reported", "closed"
WORK_VIEWS = (OPEN_VIEW, DUE, OVERDUE, REPORTED_VIEW, CLOSED_VIEW, ALL)


def visit_list(ctx: ServiceContext) -> SqlList:
    """The paged visit list (filters: county, year; search: id, inspectors, facility names), limited
    to visits that include a facility inside the user's scope."""
    listing = inspections_repo.visit_list(ctx.db)
    pattern = scope_filter(ctx)
    return listing if pattern is None else listing.restricted(inspections_repo.visit_scope_clause(), pattern)


def _names(ctx: ServiceContext) -> dict[str, str]:
    return {d.code: d.name for d in divisions_repo.all_divisions(ctx.db)}


def visit_choices(ctx: ServiceContext, *, limit: int = 200) -> list[tuple[str, str]]:
    """The latest visits of the user's scope as (visit id, ``id · date · inspectors``), for a
    picker such as the 报表 page's 检查编号."""
    listing = visit_list(ctx)
    ids = listing.fetch_ids(ListQuery())[:limit]
    rows = listing.fetch_rows(ids)
    keys = listing.column_keys
    found = []
    for visit_id in ids:
        values = dict(zip(keys, rows[visit_id]))
        found.append((visit_id, f"{visit_id} · {values['visited_on']} · {values['inspectors'] or ''}"))
    return found


# --- one visit -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class VisitFacility:
    """A facility of a visit, where it is, and how far its findings and orders have got."""

    code: str
    name: str
    kind: str
    county_name: str
    township_name: str
    rules: int
    findings: int
    differs: int
    orders: int
    open_orders: int


@dataclass(frozen=True)
class VisitDetail:
    """A visit, its row version, its facilities (those in the user's scope) and their orders."""

    visit: Visit
    row_version: int
    facilities: list[VisitFacility]
    orders: list[Order]

    @property
    def recorded(self) -> bool:
        """True once any finding is recorded (the date and recorded facilities are then fixed)."""
        return any(f.findings for f in self.facilities)


def visible_facility_codes(ctx: ServiceContext, visit: Visit) -> list[str]:
    """The visit's facilities inside the user's scope; PermissionDenied when there is none."""
    codes = [c for c in visit.facility_codes if visible(ctx, facility_division(ctx, c))]
    if not codes:
        raise PermissionDenied(f"检查 {visit.id} 的机构都不在您的管辖范围（{ctx.actor.scope_code}）内")
    return codes


@guarded(READ)
def visit_detail(ctx: ServiceContext, *, visit_id: str) -> VisitDetail:
    """A visit with each facility (of the user's scope) and its progress; NotFound when unknown,
    PermissionDenied when none of its facilities lies in the user's scope."""
    stored = get_visit(ctx, visit_id)
    codes = visible_facility_codes(ctx, stored.visit)
    names = _names(ctx)
    findings = inspections_repo.findings_of(ctx.db, visit_id=visit_id)
    orders = [o for o in inspections_repo.orders_where(ctx.db, visit_id=visit_id) if o.facility_code in codes]
    rows = []
    for code in codes:
        facility = facilities_repo.get(ctx.db, code)
        assert facility is not None
        f = facility.facility
        own = [x for x in findings if x.facility_code == code]
        own_orders = [o for o in orders if o.facility_code == code]
        rows.append(VisitFacility(code, f.name, f.kind, names.get(f.county_code, ""), names.get(f.township_code, ""),
                                  len(applicable_rules(f.kind)), len(own), sum(x.finding == DIFFERS for x in own),
                                  len(own_orders), sum(o.status != CLOSED for o in own_orders)))
    return VisitDetail(stored.visit, stored.row_version, rows, orders)


# --- the findings form of one facility --------------------------------------------------------------

@dataclass(frozen=True)
class FindingRow:
    """One rule on the findings form: the standard, what the registry says and how it is judged
    (as of the visit date), the finding recorded so far and its order."""

    rule_id: str
    title: str
    citation: str
    status: str
    registry_value: str
    required: str
    message: str
    can_update: bool
    hint: str
    finding: Finding | None = None
    order: Order | None = None


@dataclass(frozen=True)
class FindingsForm:
    """Everything the findings grid of one facility of a visit shows."""

    visit: Visit
    facility_code: str
    facility_name: str
    facility_kind: str
    rows: list[FindingRow] = field(default_factory=list)


@guarded(READ, scope=lambda ctx, a: [facility_division(ctx, a["facility_code"])])
def findings_form(ctx: ServiceContext, *, visit_id: str, facility_code: str) -> FindingsForm:
    """The rules that apply to the facility (standards judged not applicable are left out unless a
    finding was recorded for them), with the registry's values as of the visit date and the
    findings and orders recorded. NotFound for an unknown visit or facility."""
    from desktop_app.services.health_report_data import display_value

    visit = get_visit(ctx, visit_id).visit
    stored = facilities_repo.get(ctx.db, facility_code)
    if stored is None:
        raise NotFound(f"医疗机构 {facility_code} 不存在")
    facility = stored.facility
    results = rule_results(ctx, facility, visit.visited_on)
    findings = {f.rule_id: f for f in inspections_repo.findings_of(ctx.db, visit_id=visit_id, facility_code=facility_code)}
    by_base = {base_id(r): f for r, f in findings.items()}
    orders = {o.rule_id: o for o in inspections_repo.orders_where(ctx.db, visit_id=visit_id, facility_code=facility_code)}
    rows = []
    for rule in applicable_rules(facility.kind):
        result = results.get(rule)
        finding = by_base.get(rule)
        if (result is None or result.status == Status.NOT_APPLICABLE) and finding is None:
            continue
        rule_id = finding.rule_id if finding else (result.rule_id if result else rule)
        entry = ctx.catalogue.get(rule_id)
        rows.append(FindingRow(
            rule_id, entry.title, entry.citation, result.status.value if result else "",
            finding.registry_value if finding and finding.registry_value else registry_text(result),
            display_value(rule, result.required, required=True) if result else "", result.message if result else "",
            can_update_registry(rule), value_hint(rule), finding, orders.get(rule_id),
        ))
    return FindingsForm(visit, facility.code, facility.name, facility.kind, rows)


# --- planning ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanChoices:
    """The pickers of the plan dialog: counties with townships, facility kinds, facility rules."""

    counties: list[CountyChoice]
    kinds: tuple[str, ...]
    rules: list[FacilityRule]


def plan_choices(ctx: ServiceContext, *, as_of: date) -> PlanChoices:
    """Counties (with townships) in the user's scope, facility kinds and the facility standards."""
    from desktop_app.domain.health.entities import FACILITY_KINDS

    counties = [c for c in division_choices(ctx) if visible(ctx, c.code) or ctx.actor.scope_code.startswith(c.code[:6])]
    return PlanChoices(counties, FACILITY_KINDS, facility_rules(ctx, as_of=as_of))


@dataclass(frozen=True)
class PlanCandidate:
    """A facility that may be put on a visit, with the standards it fails as of the date asked."""

    code: str
    name: str
    kind: str
    county_name: str
    township_name: str
    failing: tuple[str, ...]


def plan_candidates(ctx: ServiceContext, *, as_of: date, county: str | None = None, township: str | None = None,
                    kind: str | None = None, failing_rules: Sequence[str] = ()) -> list[PlanCandidate]:
    """Facilities of the user's scope by county, township and kind; with ``failing_rules`` (base
    ids) only those failing at least one of them as of ``as_of``. By township, then code."""
    names = _names(ctx)
    evaluation = health_evaluation.evaluate(ctx, as_of=as_of)
    failing = {s.code: tuple(base_id(r.rule_id) for r in s.results if r.status == Status.FAIL) for s in evaluation.facilities}
    wanted = set(failing_rules)
    found = []
    for f in facilities_repo.all_facilities(ctx.db):
        if (county and f.county_code != county) or (township and f.township_code != township) or (kind and f.kind != kind):
            continue
        if not visible(ctx, f.division_code):
            continue
        if wanted and not wanted & set(failing.get(f.code, ())):
            continue
        found.append(PlanCandidate(f.code, f.name, f.kind, names.get(f.county_code, ""), names.get(f.township_code, ""),
                                   failing.get(f.code, ())))
    return sorted(found, key=lambda c: (c.township_name, c.code))


# --- work lists ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class OrderLine:
    """An order as the work lists show it: the facility and rule by name, the visit date, whether
    it is overdue or due soon as of the day asked, and the days left (negative when overdue)."""

    order: Order
    facility_name: str
    facility_kind: str
    county_name: str
    township_name: str
    rule_title: str
    visited_on: date
    overdue: bool
    due_soon: bool
    days_left: int


def _in_view(order: Order, view: str, as_of: date) -> bool:
    if view == OPEN_VIEW:
        return order.status != CLOSED
    if view == DUE:
        return is_due_soon(order.deadline, order.status, as_of)
    if view == OVERDUE:
        return is_overdue(order.deadline, order.status, as_of)
    if view == REPORTED_VIEW:
        return order.status == REPORTED
    if view == CLOSED_VIEW:
        return order.status == CLOSED
    return True


def order_lines(ctx: ServiceContext, orders: Sequence[Order], as_of: date) -> list[OrderLine]:
    """Orders with the names and dates the lists show (no scope check: for other queries)."""
    names = _names(ctx)
    facilities = {f.code: f for f in facilities_repo.all_facilities(ctx.db)} if orders else {}
    visits: dict[str, date] = {}
    lines = []
    for order in orders:
        if order.visit_id not in visits:
            visits[order.visit_id] = get_visit(ctx, order.visit_id).visit.visited_on
        facility = facilities.get(order.facility_code)
        entry = ctx.catalogue.entries.get(order.rule_id)
        lines.append(OrderLine(
            order, facility.name if facility else order.facility_code, facility.kind if facility else "",
            names.get(order.county_code, ""), names.get(facility.township_code, "") if facility else "",
            entry.title if entry else order.rule_id, visits[order.visit_id],
            is_overdue(order.deadline, order.status, as_of), is_due_soon(order.deadline, order.status, as_of),
            days_left(order.deadline, as_of),
        ))
    return lines


def work_list(ctx: ServiceContext, *, as_of: date, view: str = OPEN_VIEW, county: str | None = None,
              facility: str | None = None) -> list[OrderLine]:
    """Rectification orders of the user's scope in one work list: ``open`` (not closed), ``due``
    (within 7 days of ``as_of``), ``overdue`` (deadline before ``as_of``, not closed), ``reported``,
    ``closed`` or ``all``; optionally of one county or one facility. By deadline."""
    if view not in WORK_VIEWS:
        raise ValueError(f"unknown work list {view!r}")
    statuses = None if view in (ALL, CLOSED_VIEW) else [OPEN, REPORTED]
    orders = inspections_repo.orders_where(ctx.db, county_code=county, facility_code=facility, statuses=statuses,
                                           division_like=scope_filter(ctx))
    return order_lines(ctx, [o for o in orders if _in_view(o, view, as_of)], as_of)


@guarded(READ, scope=lambda ctx, a: [order_division(ctx, a["order_id"])])
def order_events(ctx: ServiceContext, *, order_id: int) -> list[OrderEvent]:
    """Every step of an order (who, what, when), oldest first; NotFound for an unknown order."""
    get_order(ctx, order_id)
    return inspections_repo.events_of(ctx.db, [order_id])


# --- a facility's history ------------------------------------------------------------------------------

@dataclass(frozen=True)
class VisitRecord:
    """One past visit of a facility with what was found there and the orders it got."""

    visit: Visit
    findings: list[Finding]
    orders: list[Order]


@dataclass(frozen=True)
class FacilityHistory:
    """A facility's visits (latest first) and the titles of the rules named in them."""

    facility_code: str
    facility_name: str
    visits: list[VisitRecord]
    rule_titles: dict[str, str]
    as_of: date


@guarded(READ, scope=lambda ctx, a: [facility_division(ctx, a["code"])])
def facility_history(ctx: ServiceContext, *, code: str, as_of: date | None = None) -> FacilityHistory:
    """Every visit that included the facility, with its findings and orders there; NotFound for an
    unknown facility."""
    stored = facilities_repo.get(ctx.db, code)
    if stored is None:
        raise NotFound(f"医疗机构 {code} 不存在")
    findings = inspections_repo.findings_of(ctx.db, facility_code=code)
    orders = inspections_repo.orders_where(ctx.db, facility_code=code)
    records = [VisitRecord(v, [f for f in findings if f.visit_id == v.id], [o for o in orders if o.visit_id == v.id])
               for v in inspections_repo.visits_of_facility(ctx.db, code)]
    titles = {r: ctx.catalogue.entries[r].title for r in {f.rule_id for f in findings} if r in ctx.catalogue.entries}
    return FacilityHistory(code, stored.facility.name, records, titles, as_of or date.today())


# --- the dashboard ------------------------------------------------------------------------------

@dataclass(frozen=True)
class RectificationCount:
    """Orders of one county that are not closed: 待整改, 已报告, overdue, due within 7 days."""

    county_code: str
    county_name: str
    open: int = 0
    reported: int = 0
    overdue: int = 0
    due_soon: int = 0


def rectification_counts(ctx: ServiceContext, *, as_of: date) -> list[RectificationCount]:
    """Per county of the user's scope (every one, zeros included): orders open, reported, overdue
    and due within 7 days as of ``as_of``; for the dashboard."""
    counties = [d for d in divisions_repo.all_divisions(ctx.db) if d.level == "county"]
    pattern = scope_filter(ctx)
    prefix = None if pattern is None else pattern.rstrip("%")[:6]
    counts = {c.code: [0, 0, 0, 0] for c in counties if prefix is None or c.code.startswith(prefix)}
    for order in inspections_repo.orders_where(ctx.db, statuses=[OPEN, REPORTED], division_like=pattern):
        slot = counts.setdefault(order.county_code, [0, 0, 0, 0])
        slot[0 if order.status == OPEN else 1] += 1
        slot[2] += is_overdue(order.deadline, order.status, as_of)
        slot[3] += is_due_soon(order.deadline, order.status, as_of)
    names = {c.code: c.name for c in counties}
    return [RectificationCount(code, names.get(code, code), *values) for code, values in sorted(counts.items())]

