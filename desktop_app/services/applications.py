"""Applications at the service-hall counter (ib.* and emp.* measures).

Intake (受理) checks the input, and either records a one-time notice of every missing material
(一次性告知, no case) or accepts the case with a receipt number and a promised completion date in
working days. Then review (审核中) → decision (已批准, with a written and flagged override when the
engine finds the case ineligible, or 不予批准 with reasons) → payment (已发放) or withdrawal
(已撤回). A decided case is not edited: it is reopened with a reason. Every transition is one
transaction with an event (who, when, from, to, note) and an audit row (before/after).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from desktop_app.domain.business.eligibility import MEASURES, Eligibility, check_eligibility
from desktop_app.domain.business.entities import APPLICATION_STATUSES, Application, Business, FactValue
from desktop_app.domain.business.facts import MeasureSpec, parse_facts, shipped_fact_catalogue
from desktop_app.domain.business.uscc import InvalidUscc, validate_uscc
from desktop_app.domain.errors import NotFound, Problem, RuleViolation, ValidationError
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.money import format_yuan
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry
from desktop_app.services import desk_admin
from desktop_app.services.business_registry import id_number_problem
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded, scope_filter
from desktop_app.domain.security import DECIDE, IMPORT, INTAKE, PAY, READ, REVIEW
from desktop_app.store import applications_repo, audit, businesses_repo, divisions_repo
from desktop_app.store.applications_repo import (
    NOTICE_SERIES,
    RECEIPT_SERIES,
    ApplicationCase,
    ApplicationEvent,
    MaterialNotice,
    SnapshotEligibilityHistory,
    SqlEligibilityHistory,
    Verdict,
)
from desktop_app.store.businesses_repo import SearchableList
from desktop_app.store.connection import write_transaction

ACCEPTED, REVIEWING, APPROVED, REFUSED, PAID, WITHDRAWN = APPLICATION_STATUSES
TABLE, NOTICES = "applications", "missing_material_notices"
Progress = Callable[[int, int, str], None]

# action → (statuses it may start from, status it leads to, what the clerk is doing)
TRANSITIONS: Mapping[str, tuple[frozenset[str], str, str]] = {
    "start_review": (frozenset({ACCEPTED}), REVIEWING, "开始审核"),
    "approve": (frozenset({REVIEWING}), APPROVED, "批准"),
    "refuse": (frozenset({REVIEWING}), REFUSED, "不予批准"),
    "pay": (frozenset({APPROVED}), PAID, "发放"),
    "withdraw": (frozenset({ACCEPTED, REVIEWING, APPROVED}), WITHDRAWN, "撤回"),
    "reopen": (frozenset({APPROVED, REFUSED, WITHDRAWN}), REVIEWING, "重新办理"),
}
EDITABLE_STATUSES = frozenset({ACCEPTED, REVIEWING})
WORK_LISTS = ("mine", "due_soon", "overdue")
DUE_SOON_WORKING_DAYS = 2


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _today() -> date:
    return date.today()


# --- reading ---------------------------------------------------------------------------------

def _case_division(ctx: ServiceContext, receipt_no: str) -> str | None:
    """The township of the applicant business, else the county of the case (for scope checks)."""
    case = applications_repo.get(ctx.db, receipt_no.strip())
    if case is None:
        return None
    return _applicant_division(ctx, case.application.uscc, case.county_code)


def _applicant_division(ctx: ServiceContext, uscc: str | None, county_code: str | None) -> str | None:
    if uscc:
        stored = businesses_repo.get(ctx.db, uscc.strip().upper())
        if stored is not None and stored.business.township_code:
            return stored.business.township_code
    return county_code


@guarded(READ, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def get_case(ctx: ServiceContext, receipt_no: str) -> ApplicationCase:
    """The application with this receipt number; NotFound otherwise."""
    case = applications_repo.get(ctx.db, receipt_no.strip())
    if case is None:
        raise NotFound(f"受理编号 {receipt_no} 不存在")
    return case


@guarded(READ, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def events(ctx: ServiceContext, receipt_no: str) -> list[ApplicationEvent]:
    """Every transition of an application, oldest first."""
    return applications_repo.events_of(ctx.db, receipt_no)


def _notice_division(ctx: ServiceContext, notice_no: str | None) -> str | None:
    notice = applications_repo.get_notice(ctx.db, (notice_no or "").strip())
    return None if notice is None else _applicant_division(ctx, notice.uscc, notice.county_code)


@guarded(READ, scope=lambda ctx, a: [_notice_division(ctx, a["notice_no"])])
def get_notice(ctx: ServiceContext, notice_no: str) -> MaterialNotice:
    """A one-time notice of missing materials (for printing), for a reader whose scope holds the
    applicant; NotFound otherwise."""
    notice = applications_repo.get_notice(ctx.db, notice_no)
    if notice is None:
        raise NotFound(f"告知书 {notice_no} 不存在")
    return notice


def measure_spec(ctx: ServiceContext, policy_id: str) -> MeasureSpec:
    """Facts (with types) and materials the intake form shows for a policy; ValidationError if unknown."""
    _entry_for(desk_admin.effective_catalogue(ctx), policy_id, None)
    return shipped_fact_catalogue().get(policy_id)


@guarded(READ, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def check(ctx: ServiceContext, receipt_no: str) -> Eligibility:
    """A fresh eligibility verdict of one application (the decision screen's conditions and reasons)."""
    return _evaluate(ctx, get_case(ctx, receipt_no).application)


def _evaluate(ctx: ServiceContext, application: Application) -> Eligibility:
    return check_eligibility(application, catalogue=desk_admin.effective_catalogue(ctx),
                             history=SqlEligibilityHistory(ctx.db), settings=desk_admin.eligibility_settings(ctx))


def _verdict(result: Eligibility, at: str | None = None) -> Verdict:
    return Verdict(result.eligible, result.amount_fen, result.entry_id, tuple(result.failed_rules), tuple(result.reasons),
                   at or _now())


def application_list(ctx: ServiceContext) -> SearchableList:
    """The paged application list (see :func:`applications_repo.application_list` for its filters)."""
    listing = applications_repo.application_list(ctx.db)
    pattern = scope_filter(ctx)
    if pattern is None:
        return listing
    return listing.restricted(applications_repo.scope_clause(), pattern[:6] + "%", pattern)


def work_list_query(ctx: ServiceContext, *, kind: str, today: date | None = None, search: str = "",
                    filters: Mapping[str, Any] | None = None) -> ListQuery:
    """The query of a work list over :func:`application_list`, by earliest promised date first.

    ``mine``: open cases (已受理/审核中) handled by the acting user; ``due_soon``: open cases due
    from today to 2 working days ahead; ``overdue``: open cases whose promised date has passed.
    ``filters`` adds e.g. ``status`` or ``policy``.
    """
    today = today or _today()
    chosen: dict[str, Any] = {"open": True, **(filters or {})}
    if kind == "mine":
        chosen["handler"] = ctx.actor.name
    elif kind == "due_soon":
        chosen["due_from"] = today.isoformat()
        chosen["due_until"] = desk_admin.work_calendar(ctx).add_working_days(today, DUE_SOON_WORKING_DAYS).isoformat()
    elif kind == "overdue":
        chosen["due_until"] = (today - timedelta(days=1)).isoformat()
    else:
        raise ValueError(f"unknown work list {kind!r} (one of {', '.join(WORK_LISTS)})")
    return ListQuery(search=search, filters=chosen, sort_key="promised_on")


# --- intake ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class IntakeResult:
    """An accepted case (receipt number, promised date, verdict) or the notice of missing materials."""

    receipt_no: str | None
    promised_on: date | None
    eligibility: Eligibility | None
    notice: MaterialNotice | None
    changes: Changes

    @property
    def accepted(self) -> bool:
        """True when the case was accepted (all materials present)."""
        return self.receipt_no is not None


def _entry_for(catalogue: Catalogue, policy_id: str, day: date | None) -> RuleEntry:
    policy = (policy_id or "").strip()
    if policy not in catalogue:
        raise ValidationError(Problem("policy", f"政策代码“{policy}”不在规则目录中"))
    entry = catalogue.get(policy)
    if entry.base_id not in MEASURES:
        raise ValidationError(Problem("policy", f"政策{policy}不是个体工商户窗口受理的扶持政策"))
    if day is None:
        return entry
    return catalogue.in_force(entry.base_id, day) or catalogue.latest(entry.base_id, day)


@dataclass(frozen=True)
class _Applicant:
    uscc: str | None
    id_number: str | None
    business: Business | None


def _applicant(ctx: ServiceContext, measure: MeasureSpec, uscc: str | None, id_number: str | None,
               problems: list[Problem]) -> _Applicant:
    uscc = (uscc or "").strip().upper() or None
    id_number = (id_number or "").strip().upper() or None
    business = None
    if uscc is None and measure.needs_business:
        problems.append(Problem("uscc", "该政策须填写申请主体（个体工商户）的统一社会信用代码"))
    if uscc is not None:
        try:
            validate_uscc(uscc)
        except InvalidUscc as exc:
            problems.append(Problem("uscc", str(exc)))
        else:
            business = businesses_repo.find_by_code(ctx.db, uscc)
            if business is None:
                problems.append(Problem("uscc", f"登记库中没有统一社会信用代码为{uscc}的个体工商户，请先登记"))
    if id_number is None and measure.needs_person:
        problems.append(Problem("id_number", "该政策须填写申请人身份证号"))
    if id_number is not None and (problem := id_number_problem("id_number", id_number)):
        problems.append(problem)
    return _Applicant(uscc, id_number, business)


def _county(ctx: ServiceContext, applicant: _Applicant, county_code: str | None, problems: list[Problem]) -> str | None:
    """The county receiving the case: given, else the business's, else the acting user's, else the ID's area."""
    candidates = [county_code]
    if not county_code:
        candidates += [applicant.business.county_code if applicant.business else None, ctx.actor.scope_code,
                       f"{applicant.id_number[:6]}000000" if applicant.id_number else None]
    for code in candidates:
        division = divisions_repo.get(ctx.db, code) if code else None
        if division is not None and division.level == "county":
            return code
        if county_code:
            problems.append(Problem("county_code", f"{county_code} 不是县级区划代码"))
            return None
    problems.append(Problem("county_code", "无法确定受理县区，请选择受理县区"))
    return None


def _stored_facts(values: Mapping[str, FactValue], measure: MeasureSpec) -> dict[str, str]:
    return {spec.key: spec.format(values[spec.name]) for spec in measure.facts if spec.name in values}


def _materials(measure: MeasureSpec, received: Sequence[str], waived: Sequence[str], problems: list[Problem]) -> list[str]:
    names = [m.name for m in measure.materials]
    for field, given in (("materials_received", received), ("materials_waived", waived)):
        for name in given:
            if name not in names:
                problems.append(Problem(field, f"“{name}”不是该政策的申请材料"))
    for name in set(received) & set(waived):
        problems.append(Problem("materials_waived", f"“{name}”已收取，不能同时标为不适用"))
    return [n for n in names if n not in received and n not in waived]


def _serial_no(ctx: ServiceContext, series: str, prefix: str) -> str:
    while True:
        serial = applications_repo.next_serial(ctx.db, series, prefix)
        if serial is None:
            raise RuleViolation(f"编号前缀{prefix}当日的流水号已用完（最多9999个）")
        number = f"{prefix}{serial:04d}"
        if series != RECEIPT_SERIES or not applications_repo.exists(ctx.db, number):
            return number


def receipt_prefix(county_code: str, day: date) -> str:
    """County code (6 digits) + date (YYYYMMDD): the receipt number without its 4-digit serial."""
    return f"{county_code[:6]}{day:%Y%m%d}"


def promised_date(ctx: ServiceContext, base_id: str, received_on: date) -> date:
    """The promised completion date: the measure's promised working days after the receipt date."""
    days = desk_admin.promised_working_days(ctx)[base_id]
    return desk_admin.work_calendar(ctx).add_working_days(received_on, days)


@guarded(INTAKE, scope=lambda ctx, a: [_applicant_division(ctx, a.get("uscc"), a.get("county_code"))])
def intake(
    ctx: ServiceContext,
    *,
    policy_id: str,
    uscc: str | None = None,
    id_number: str | None = None,
    facts: Mapping[str, FactValue] | str = "",
    amount_requested_fen: int | None = None,
    materials_received: Sequence[str] = (),
    materials_waived: Sequence[str] = (),
    received_on: date | None = None,
    county_code: str | None = None,
) -> IntakeResult:
    """Take an application at the counter.

    ``facts`` are the measure's facts (form mapping by Chinese key or English name, or workbook text);
    ``materials_received`` / ``materials_waived`` name the measure's materials received or marked not
    applicable by the clerk. Bad input (unknown policy, invalid or unregistered credit code, invalid
    ID, facts missing or of the wrong type, unknown material, future date) raises ValidationError
    and writes nothing. With every material present the case is accepted (已受理) with a receipt
    number and promised date and evaluated; otherwise a one-time notice listing every missing
    material is stored and returned, and no case is created.
    """
    received_on = received_on or _today()
    catalogue = desk_admin.effective_catalogue(ctx)
    entry = _entry_for(catalogue, policy_id, received_on)
    policy_id = policy_id.strip()
    measure = shipped_fact_catalogue().get(entry.base_id)
    problems: list[Problem] = []
    if received_on > _today():
        problems.append(Problem("received_on", f"受理日期{received_on.isoformat()}晚于今天"))
    applicant = _applicant(ctx, measure, uscc, id_number, problems)
    try:
        values = parse_facts(facts, measure, entry)
    except ValidationError as exc:
        problems.extend(exc.problems)
        values = {}
    if amount_requested_fen is not None and (isinstance(amount_requested_fen, bool) or amount_requested_fen < 0):
        problems.append(Problem("amount_requested", "申请金额不能为负数"))
    missing = _materials(measure, list(materials_received), list(materials_waived), problems)
    county = _county(ctx, applicant, county_code, problems)
    if problems:
        raise ValidationError(problems)
    stored_facts = _stored_facts(values, measure)
    if missing:
        return _notice(ctx, entry, measure, applicant, county, received_on, stored_facts, amount_requested_fen,
                       list(materials_received), list(materials_waived), missing)
    with write_transaction(ctx.db):
        receipt_no = _serial_no(ctx, RECEIPT_SERIES, receipt_prefix(county, received_on))
        application = Application(receipt_no, policy_id, received_on, applicant.uscc, applicant.id_number,
                                  amount_requested_fen, stored_facts)
        result = _evaluate(ctx, application)
        case = ApplicationCase(
            application, county, tuple(materials_received), tuple(materials_waived),
            promised_date(ctx, entry.base_id, received_on), ctx.actor.name, ctx.actor.name, _verdict(result))
        applications_repo.insert_many(ctx.db, [(case, values.get("hires", ()))])
        applications_repo.add_events(ctx.db, [ApplicationEvent(receipt_no, _now(), ctx.actor.name, "intake", None, ACCEPTED)])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "intake", TABLE, receipt_no, None, case.audit_view())])
    return IntakeResult(receipt_no, case.promised_on, result, None, Changes(frozenset({TABLE}), inserted=1, keys=(receipt_no,)))


def _notice(ctx: ServiceContext, entry: RuleEntry, measure: MeasureSpec, applicant: _Applicant, county: str,
            received_on: date, facts: dict[str, str], amount: int | None, received: list[str], waived: list[str],
            missing: list[str]) -> IntakeResult:
    name = applicant.business.name if applicant.business else ""
    with write_transaction(ctx.db):
        notice_no = "GZ" + _serial_no(ctx, NOTICE_SERIES, receipt_prefix(county, received_on))
        notice = MaterialNotice(
            notice_no, entry.id, entry.title, entry.citation, county, received_on, ctx.actor.name, _now(),
            tuple(m.name for m in measure.materials), tuple(received), tuple(missing), tuple(waived),
            applicant.uscc, applicant.id_number, name, facts, amount)
        applications_repo.insert_notice(ctx.db, notice)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "missing_materials_notice", NOTICES, notice_no, None,
                                               {"policy": entry.id, "uscc": applicant.uscc, "id_number": applicant.id_number,
                                                "missing": missing})])
    return IntakeResult(None, None, None, notice, Changes(frozenset({NOTICES}), inserted=1, keys=(notice_no,)))


@guarded(INTAKE, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def amend_application(ctx: ServiceContext, *, receipt_no: str, expected_version: int,
                      facts: Mapping[str, FactValue] | str, amount_requested_fen: int | None = None) -> Changes:
    """Correct the facts and requested amount of an open case (已受理/审核中) and re-evaluate it.

    A decided case is not edited: RuleViolation (reopen it first).
    """
    with write_transaction(ctx.db):
        case = _open_for(ctx, receipt_no, expected_version)
        if case.status not in EDITABLE_STATUSES:
            raise RuleViolation(f"申请{case.receipt_no}已{case.status}，不能修改；如需更正请先重新办理")
        app = case.application
        entry = _entry_for(desk_admin.effective_catalogue(ctx), app.policy_id, app.received_on)
        measure = shipped_fact_catalogue().get(entry.base_id)
        values = parse_facts(facts, measure, entry)
        if amount_requested_fen is not None and amount_requested_fen < 0:
            raise ValidationError(Problem("amount_requested", "申请金额不能为负数"))
        application = replace(app, facts=_stored_facts(values, measure), amount_requested_fen=amount_requested_fen)
        result = _evaluate(ctx, application)
        after = replace(case, application=application, verdict=_verdict(result))
        _save(ctx, case, after, "amend", "更正申请事实", hires=values.get("hires", ()))
    return Changes(frozenset({TABLE}), updated=1, keys=(case.receipt_no,))


# --- transitions -----------------------------------------------------------------------------

def _open_for(ctx: ServiceContext, receipt_no: str, expected_version: int | None) -> ApplicationCase:
    case = get_case(ctx, receipt_no)
    if expected_version is not None and case.row_version != expected_version:
        raise RuleViolation(f"申请{case.receipt_no}在您打开后已被他人办理，请刷新后再操作")
    return case


def _allowed(case: ApplicationCase, action: str) -> str:
    sources, target, label = TRANSITIONS[action]
    if case.status not in sources:
        raise RuleViolation(f"申请{case.receipt_no}当前状态为“{case.status}”，不能{label}")
    return target


def _save(ctx: ServiceContext, before: ApplicationCase, after: ApplicationCase, action: str, note: str,
          *, hires: Iterable[str] | None = None) -> None:
    if hires is None:
        hires = applications_repo.hires_of(ctx.db, before.receipt_no)
    if not applications_repo.update(ctx.db, after, list(hires), expected_version=before.row_version):
        raise RuleViolation(f"申请{before.receipt_no}在您打开后已被他人办理，请刷新后再操作")
    applications_repo.add_events(ctx.db, [ApplicationEvent(before.receipt_no, _now(), ctx.actor.name, action,
                                                           before.status, after.status, note)])
    audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, action, TABLE, before.receipt_no, before.audit_view(), after.audit_view())])


def _transition(ctx: ServiceContext, receipt_no: str, action: str, expected_version: int | None,
                change: Callable[[ApplicationCase, str], tuple[ApplicationCase, str]]) -> Changes:
    with write_transaction(ctx.db):
        case = _open_for(ctx, receipt_no, expected_version)
        target = _allowed(case, action)
        after, note = change(case, target)
        _save(ctx, case, after, action, note)
    return Changes(frozenset({TABLE}), updated=1, keys=(case.receipt_no,))


def _with_status(case: ApplicationCase, status: str, **changes: Any) -> ApplicationCase:
    return replace(case, application=replace(case.application, status=status), **changes)


def _required_text(field: str, text: str | None, message: str) -> str:
    value = (text or "").strip()
    if not value:
        raise ValidationError(Problem(field, message))
    return value


@guarded(REVIEW, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def start_review(ctx: ServiceContext, *, receipt_no: str, expected_version: int | None = None, note: str = "") -> Changes:
    """已受理 → 审核中; the acting user becomes the case's handler."""
    return _transition(ctx, receipt_no, "start_review", expected_version,
                       lambda case, target: (_with_status(case, target, handler=ctx.actor.name), note.strip()))


@guarded(DECIDE, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def approve(ctx: ServiceContext, *, receipt_no: str, amount_fen: int | None = None, reasons: Sequence[str] = (),
            override_reason: str | None = None, expected_version: int | None = None) -> Changes:
    """审核中 → 已批准, re-running the engine first.

    Eligible: the amount defaults to the engine's amount. Approving a case the engine finds
    ineligible, or above the engine's amount, is an override: it needs a written
    ``override_reason`` (RuleViolation listing the engine's reasons otherwise) and, when
    ineligible, an explicit ``amount_fen``; it is flagged and audited as ``approve_override``.
    """
    with write_transaction(ctx.db):
        case = _open_for(ctx, receipt_no, expected_version)
        target = _allowed(case, "approve")
        result = _evaluate(ctx, case.application)
        amount = amount_fen if amount_fen is not None else result.amount_fen
        over = result.eligible and amount is not None and amount > result.amount_fen
        overridden = not result.eligible or over
        reason = (override_reason or "").strip() or None
        if overridden and reason is None:
            why = "；".join(result.reasons) if not result.eligible else f"批准金额{format_yuan(amount)}元高于核定金额{format_yuan(result.amount_fen)}元"
            raise RuleViolation(f"系统判定：{why}。如确需批准，请填写书面理由（将被标记并记入审计）")
        if amount is None or isinstance(amount, bool) or amount <= 0:
            raise ValidationError(Problem("amount", "请填写大于0的批准金额"))
        after = _with_status(case, target, verdict=_verdict(result), approved_amount_fen=amount,
                             decision_reasons=tuple(r.strip() for r in reasons if r.strip()) or tuple(result.reasons),
                             overridden=overridden, override_reason=reason, decided_by=ctx.actor.name, decided_at=_now())
        note = f"批准金额{format_yuan(amount)}元" + (f"；超出系统判定批准，理由：{reason}" if overridden else "")
        _save(ctx, case, after, "approve_override" if overridden else "approve", note)
    return Changes(frozenset({TABLE}), updated=1, keys=(case.receipt_no,))


@guarded(DECIDE, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def refuse(ctx: ServiceContext, *, receipt_no: str, reasons: Sequence[str], expected_version: int | None = None) -> Changes:
    """审核中 → 不予批准 with at least one written reason (the engine's reasons are a starting point)."""
    written = tuple(r.strip() for r in reasons if r and r.strip())
    if not written:
        raise ValidationError(Problem("reasons", "不予批准须写明理由"))

    def change(case: ApplicationCase, target: str) -> tuple[ApplicationCase, str]:
        after = _with_status(case, target, approved_amount_fen=None, decision_reasons=written, overridden=False,
                             override_reason=None, decided_by=ctx.actor.name, decided_at=_now())
        return after, "；".join(written)

    return _transition(ctx, receipt_no, "refuse", expected_version, change)


@guarded(PAY, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def pay(ctx: ServiceContext, *, receipt_no: str, voucher_no: str, paid_on: date, amount_fen: int | None = None,
        expected_version: int | None = None) -> Changes:
    """已批准 → 已发放 with a unique voucher number, a payment date and an amount (default: the
    approved amount; never above it)."""
    voucher = _required_text("voucher_no", voucher_no, "请填写发放凭证号")

    def change(case: ApplicationCase, target: str) -> tuple[ApplicationCase, str]:
        amount = amount_fen if amount_fen is not None else case.approved_amount_fen
        problems: list[Problem] = []
        if amount is None or isinstance(amount, bool) or amount <= 0:
            problems.append(Problem("amount", "发放金额应大于0"))
        elif case.approved_amount_fen is not None and amount > case.approved_amount_fen:
            problems.append(Problem("amount", f"发放金额{format_yuan(amount)}元超过批准金额{format_yuan(case.approved_amount_fen)}元"))
        owner = applications_repo.receipt_of_voucher(ctx.db, voucher)
        if owner is not None:
            problems.append(Problem("voucher_no", f"凭证号{voucher}已用于申请{owner}"))
        if paid_on > _today():
            problems.append(Problem("paid_on", "发放日期晚于今天"))
        elif paid_on < case.application.received_on:
            problems.append(Problem("paid_on", "发放日期早于受理日期"))
        if problems:
            raise ValidationError(problems)
        after = _with_status(case, target, voucher_no=voucher, paid_on=paid_on, paid_amount_fen=amount, paid_by=ctx.actor.name)
        return after, f"凭证号{voucher}，{paid_on.isoformat()}发放{format_yuan(amount)}元"

    return _transition(ctx, receipt_no, "pay", expected_version, change)


@guarded(INTAKE, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def withdraw(ctx: ServiceContext, *, receipt_no: str, reason: str, expected_version: int | None = None) -> Changes:
    """已受理 / 审核中 / 已批准 → 已撤回 (the applicant withdraws), with the reason."""
    text = _required_text("reason", reason, "请填写撤回原因")
    return _transition(ctx, receipt_no, "withdraw", expected_version, lambda case, target: (
        _with_status(case, target, withdrawal_reason=text, withdrawn_by=ctx.actor.name, withdrawn_at=_now()), text))


@guarded(DECIDE, scope=lambda ctx, a: [_case_division(ctx, a["receipt_no"])])
def reopen(ctx: ServiceContext, *, receipt_no: str, reason: str, expected_version: int | None = None) -> Changes:
    """已批准 / 不予批准 / 已撤回 → 审核中 with a reason; the earlier decision stays in the events and
    audit trail. A paid case cannot be reopened."""
    text = _required_text("reason", reason, "重新办理须写明原因")
    return _transition(ctx, receipt_no, "reopen", expected_version, lambda case, target: (
        _with_status(case, target, handler=ctx.actor.name, approved_amount_fen=None, decision_reasons=(), overridden=False,
                     override_reason=None, decided_by=None, decided_at=None, withdrawal_reason=None, withdrawn_by=None,
                     withdrawn_at=None), text))


# --- whole database --------------------------------------------------------------------------

@dataclass(frozen=True)
class ReevaluationSummary:
    """What :func:`reevaluate_all` found: applications evaluated, eligible, and verdicts that changed."""

    total: int
    eligible: int
    changed: int


def _evaluate_all(ctx: ServiceContext, *, received_until: date | None, progress: Progress | None) -> Iterable[tuple[list[Application], list[Eligibility]]]:
    catalogue = desk_admin.effective_catalogue(ctx)
    settings = desk_admin.eligibility_settings(ctx)
    report = progress or (lambda done, all_, text: None)
    total = applications_repo.count(ctx.db, received_until=received_until)
    report(0, total, "正在读取登记信息")
    history = SnapshotEligibilityHistory(ctx.db, received_until=received_until)
    done = 0
    for batch in applications_repo.iter_applications(ctx.db, received_until=received_until):
        results = [check_eligibility(a, catalogue=catalogue, history=history, settings=settings) for a in batch]
        done += len(batch)
        report(done, total, f"已核验 {done}/{total} 份申请")
        yield batch, results


@guarded(DECIDE)
def reevaluate_all(ctx: ServiceContext, progress: Progress | None = None) -> tuple[ReevaluationSummary, Changes]:
    """Re-run the engine on every application (after a catalogue, setting or registry change) and
    store the verdicts, in one transaction; ``progress(done, total, text)`` may raise Cancelled."""
    total = eligible = changed = 0
    with write_transaction(ctx.db):
        previous = applications_repo.stored_verdicts(ctx.db)
        for batch, results in _evaluate_all(ctx, received_until=None, progress=progress):
            at = _now()
            verdicts = [(a.receipt_no, _verdict(r, at)) for a, r in zip(batch, results, strict=True)]
            applications_repo.store_verdicts(ctx.db, verdicts)
            total += len(batch)
            eligible += sum(r.eligible for r in results)
            changed += sum(previous.get(no) != (v.eligible, v.amount_fen) for no, v in verdicts)
    summary = ReevaluationSummary(total, eligible, changed)
    return summary, Changes(frozenset({TABLE}), updated=total)


def applications_document(ctx: ServiceContext, *, as_of: date, progress: Progress | None = None) -> list[dict[str, Any]]:
    """The interchange §3 ``applications`` list: every application received on or before ``as_of``
    in receipt-number order, evaluated against the grants received up to then (with their
    current statuses; the registry as it is now)."""
    document: list[dict[str, Any]] = []
    for batch, results in _evaluate_all(ctx, received_until=as_of, progress=progress):
        document.extend(r.as_json(a.receipt_no) for a, r in zip(batch, results, strict=True))
    return document


@guarded(IMPORT)
def import_applications(ctx: ServiceContext, *, applications: Sequence[Application], rows: Sequence[int] | None = None,
                        sheet: str | None = None, is_demo: bool = False) -> Changes:
    """Insert or update applications from the 政策申请 sheet (or the demo generator) in one transaction.

    Each application is checked like an intake (policy, applicant, facts); problems name ``rows``
    and ``sheet`` when given. A blank receipt number is assigned (county of the business, else of
    the acting user, else of the ID's area; date = received_on). New cases get a promised date;
    known receipt numbers update policy, applicant, received date, amount, facts and status.
    Verdicts are left for :func:`reevaluate_all`. Materials are not part of the sheet.
    """
    catalogue = desk_admin.effective_catalogue(ctx)
    problems: list[Problem] = []
    prepared: list[tuple[Application, str, Sequence[str]]] = []
    for index, app in enumerate(applications):
        row = rows[index] if rows is not None else index + 1
        local: list[Problem] = []
        try:
            entry = _entry_for(catalogue, app.policy_id, app.received_on)
        except ValidationError as exc:
            problems.extend(replace(p, row=row, sheet=sheet) for p in exc.problems)
            continue
        measure = shipped_fact_catalogue().get(entry.base_id)
        applicant = _applicant(ctx, measure, app.uscc, app.id_number, local)
        values: dict[str, FactValue] = {}
        try:
            values = parse_facts(dict(app.facts), measure, entry)
        except ValidationError as exc:
            local.extend(exc.problems)
        county = _county(ctx, applicant, None, local)
        problems.extend(replace(p, row=row, sheet=sheet) for p in local)
        if not local:
            clean = replace(app, policy_id=app.policy_id.strip(), uscc=applicant.uscc, id_number=applicant.id_number,
                            facts=_stored_facts(values, measure))
            prepared.append((clean, county, values.get("hires", ())))
    if problems:
        raise ValidationError(problems)
    calendar, promised_days = desk_admin.work_calendar(ctx), desk_admin.promised_working_days(ctx)
    with write_transaction(ctx.db):
        known = applications_repo.existing_receipts(ctx.db, [a.receipt_no for a, _, _ in prepared if a.receipt_no])
        new: list[tuple[ApplicationCase, Sequence[str]]] = []
        updated = 0
        for app, county, hires in prepared:
            if app.receipt_no in known:
                before = get_case(ctx, app.receipt_no)
                _save(ctx, before, replace(before, application=app), "import", "导入更新", hires=hires)
                updated += 1
                continue
            if not app.receipt_no:
                app = replace(app, receipt_no=_serial_no(ctx, RECEIPT_SERIES, receipt_prefix(county, app.received_on)))
            promised = calendar.add_working_days(app.received_on, promised_days[app.base_policy_id])
            new.append((ApplicationCase(app, county, promised_on=promised, received_by=ctx.actor.name, is_demo=is_demo), hires))
        applications_repo.insert_many(ctx.db, new, is_demo=is_demo)
        applications_repo.add_events(ctx.db, [ApplicationEvent(c.receipt_no, _now(), ctx.actor.name, "import", None, c.status)
                                              for c, _ in new])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "import", TABLE, None, None,
                                               {"inserted": len(new), "updated": updated, "demo": is_demo})])
    keys = tuple(c.receipt_no for c, _ in new)
    return Changes(frozenset({TABLE}), inserted=len(new), updated=updated, keys=keys)
