"""The data of the business desk's report kinds — application form, 受理回执, 一次性告知书, 审批结果通知书
(one case or notice each) and the 发放台账 (a county or the city, one year) — gathered from the
desk's records and shaped as the plain records of :mod:`desktop_app.reports.desk_models`.

Cases are read through :func:`applications.get_case` (scope-checked); unknown receipt or notice
numbers raise NotFound, a case without a decision or a year without payments ValidationError.
ID numbers stay whole here: the layouts mask them unless the user's role may see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.business.eligibility import MEASURES
from desktop_app.domain.business.entities import APPLICATION_STATUSES
from desktop_app.domain.business.facts import MeasureSpec, read_facts, shipped_fact_catalogue
from desktop_app.domain.divisions import Division
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.receipt_check import check_value, receipt_code
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.reports.desk_models import (
    MISSING,
    RECEIVED,
    WAIVED,
    AcceptanceReceipt,
    Applicant,
    ApplicationForm,
    CaseFacts,
    DecisionNotice,
    FactLine,
    MaterialLine,
    Measure,
    MissingMaterialsNotice,
    PaymentLedgerData,
    PaymentLine,
)
from desktop_app.services import applications, desk_admin
from desktop_app.services.context import ServiceContext
from desktop_app.store import applications_repo, businesses_repo, divisions_repo
from desktop_app.store.applications_repo import ApplicationCase

ACCEPTED, REVIEWING, APPROVED, REFUSED, PAID, WITHDRAWN = APPLICATION_STATUSES
DECIDED = (APPROVED, REFUSED, PAID)
RECENT_CASES = 200


# --- shared pieces -------------------------------------------------------------------------------

def _division_name(ctx: ServiceContext, code: str | None) -> str:
    division = divisions_repo.get(ctx.db, code) if code else None
    return division.name if division else ""


def _person_name(ctx: ServiceContext, id_number: str) -> str:
    """The name recorded for an ID number: a group membership's, else a business operator's, else blank."""
    for status in businesses_repo.statuses_of(ctx.db, id_number):
        if status.name:
            return status.name
    operated = businesses_repo.of_operator(ctx.db, id_number)
    return operated[0].operator_name if operated else ""


def applicant(ctx: ServiceContext, *, uscc: str | None, id_number: str | None, name: str = "") -> Applicant:
    """The applicant of a case or notice: the registered business (by credit or enterprise code) and the person."""
    business = businesses_repo.find_by_code(ctx.db, uscc) if uscc else None
    person = ""
    if id_number:
        if business is not None and business.operator_id_number == id_number:
            person = business.operator_name
        else:
            person = _person_name(ctx, id_number)
    if business is None:
        return Applicant(business_name=name, uscc=uscc or "", person_name=person, id_number=id_number or "")
    return Applicant(business.name, uscc or business.uscc, business.operator_name, person, id_number or "",
                     _division_name(ctx, business.township_code), business.registered_on, business.industry or "")


def _entry(ctx: ServiceContext, policy_id: str, day: date) -> RuleEntry:
    """The entry governing a case: the one of its family in force on the receipt date, else the latest."""
    catalogue = desk_admin.effective_catalogue(ctx)
    base = catalogue.get(policy_id).base_id if policy_id in catalogue else policy_id.split("@", 1)[0]
    return catalogue.in_force(base, day) or catalogue.latest(base, day)


def _materials(spec: MeasureSpec, received: tuple[str, ...], waived: tuple[str, ...]) -> tuple[MaterialLine, ...]:
    states = {**{m: RECEIVED for m in received}, **{m: WAIVED for m in waived}}
    return tuple(MaterialLine(m.name, m.proves, states.get(m.name, MISSING)) for m in spec.materials)


def _case(ctx: ServiceContext, receipt_no: str) -> tuple[ApplicationCase, RuleEntry, MeasureSpec, CaseFacts]:
    case = applications.get_case(ctx, (receipt_no or "").strip())
    app = case.application
    entry = _entry(ctx, app.policy_id, app.received_on)
    spec = shipped_fact_catalogue().get(entry.base_id)
    facts = CaseFacts(
        case.receipt_no, Measure(app.policy_id, entry.title, entry.citation, _division_name(ctx, case.county_code)),
        applicant(ctx, uscc=app.uscc, id_number=app.id_number), app.received_on, case.received_by or "", case.status,
        case.promised_on, app.amount_requested_fen,
    )
    return case, entry, spec, facts


# --- one case ------------------------------------------------------------------------------------

def application_form(ctx: ServiceContext, *, receipt_no: str) -> ApplicationForm:
    """The application form of a case: its facts in the measure's order and every material's state."""
    case, entry, spec, facts = _case(ctx, receipt_no)
    values = read_facts(case.application.facts, spec, entry).values
    lines = []
    for fact in spec.facts:
        if fact.name not in values:
            lines.append(FactLine(fact.label, str(case.application.facts.get(fact.key, ""))))
        elif fact.type == "id_list":
            lines.append(FactLine(fact.label, "", tuple(values[fact.name])))  # type: ignore[arg-type]
        else:
            lines.append(FactLine(fact.label, fact.describe(values[fact.name])))
    return ApplicationForm(facts, tuple(lines), _materials(spec, case.materials_received, case.materials_waived))


def acceptance_receipt(ctx: ServiceContext, *, receipt_no: str) -> AcceptanceReceipt:
    """The 受理回执 of a case (reprintable whatever its status): materials, promised date, QR text."""
    case, entry, spec, facts = _case(ctx, receipt_no)
    days = desk_admin.promised_working_days(ctx).get(entry.base_id)
    return AcceptanceReceipt(facts, _materials(spec, case.materials_received, case.materials_waived),
                             check_value(case.receipt_no), receipt_code(case.receipt_no), days)


def _decided_on(case: ApplicationCase) -> date:
    if not case.decided_at:
        raise ValidationError(Problem("receipt", f"申请{case.receipt_no}没有审批决定的日期，无法打印审批结果通知书"))
    return datetime.fromisoformat(case.decided_at).astimezone().date()


def decision_notice(ctx: ServiceContext, *, receipt_no: str) -> DecisionNotice:
    """The 审批结果通知书 of a decided case (已批准 / 不予批准 / 已发放); ValidationError otherwise."""
    case, _entry_, _spec, facts = _case(ctx, receipt_no)
    if case.status not in DECIDED:
        raise ValidationError(Problem("receipt", f"申请{case.receipt_no}当前状态为“{case.status}”，尚未作出审批决定，"
                                                 "不能打印审批结果通知书"))
    approved = case.status != REFUSED
    return DecisionNotice(facts, approved, _decided_on(case), case.approved_amount_fen if approved else None,
                          () if approved else case.decision_reasons, case.paid_on, case.paid_amount_fen)


def missing_materials_notice(ctx: ServiceContext, *, notice_no: str) -> MissingMaterialsNotice:
    """The 一次性告知书 with this number (``GZ…``); NotFound otherwise."""
    notice = applications.get_notice(ctx, (notice_no or "").strip())
    catalogue = desk_admin.effective_catalogue(ctx)
    base = catalogue.get(notice.policy_id).base_id if notice.policy_id in catalogue else notice.policy_id.split("@", 1)[0]
    proves = {m.name: m.proves for m in shipped_fact_catalogue().get(base).materials} if base in MEASURES else {}
    states = {**{m: RECEIVED for m in notice.materials_received}, **{m: WAIVED for m in notice.materials_waived}}
    materials = tuple(MaterialLine(name, proves.get(name, ""), states.get(name, MISSING)) for name in notice.materials_required)
    who = applicant(ctx, uscc=notice.uscc, id_number=notice.id_number, name=notice.applicant_name)
    measure = Measure(notice.policy_id, notice.policy_title, notice.citation, _division_name(ctx, notice.county_code))
    return MissingMaterialsNotice(notice.notice_no, measure, who, notice.issued_on, notice.issued_by, materials,
                                  notice.amount_requested_fen)


# --- the payment ledger --------------------------------------------------------------------------

def _paid_receipts(ctx: ServiceContext, county_code: str | None, year: int) -> list[str]:
    """Receipt numbers of the cases paid in ``year`` (of a county, or every county in the actor's scope)."""
    listing = applications.application_list(ctx)
    ids = listing.fetch_ids(ListQuery(filters={"status": PAID, "county": county_code,
                                               "paid_from": f"{year}-01-01", "paid_until": f"{year}-12-31"}))
    index = listing.column_keys.index("receipt_no")
    rows = listing.fetch_rows(ids)
    return [rows[i][index] for i in ids]


def payment_ledger(ctx: ServiceContext, *, division: Division, year: int) -> PaymentLedgerData:
    """The 发放台账 of a county-level unit (or the city) for ``year``: every case paid that year.

    Raises ValidationError when no payment was made in scope that year.
    """
    county = division.code if division.level == "county" else None
    receipts = _paid_receipts(ctx, county, year)
    if not receipts:
        raise ValidationError(Problem("year", f"{division.name}{year}年没有发放记录"))
    catalogue = desk_admin.effective_catalogue(ctx)
    titles = {base: catalogue.get(base).title for base in MEASURES}
    counties = {d.code: d.name for d in divisions_repo.all_divisions(ctx.db) if d.level == "county"}
    names: dict[str, str] = {}
    lines = []
    for receipt_no in receipts:
        case = applications_repo.get(ctx.db, receipt_no)
        if case is None or case.paid_on is None:
            continue
        app = case.application
        key = app.uscc or app.id_number or ""
        if key not in names:
            names[key] = applicant(ctx, uscc=app.uscc, id_number=app.id_number).display_name
        lines.append(PaymentLine(case.paid_on, counties.get(case.county_code, ""), app.base_policy_id,
                                 titles.get(app.base_policy_id, app.policy_id), case.receipt_no, case.voucher_no or "",
                                 names[key], app.uscc or "", app.id_number or "", case.approved_amount_fen,
                                 case.paid_amount_fen or 0))
    order = {base: n for n, base in enumerate(MEASURES)}
    city = county is None
    lines.sort(key=lambda l: (l.county_name if city else "", l.paid_on.month, order.get(l.base_id, len(order)),
                              l.paid_on, l.receipt_no))
    return PaymentLedgerData(division.name, year, tuple(titles.items()), tuple(lines), city=city)


# --- what the 报表 page offers -----------------------------------------------------------------------

@dataclass(frozen=True)
class CaseChoice:
    """A case offered by the 报表 page's picker: receipt number, applicant, measure, status, date."""

    receipt_no: str
    applicant: str
    title: str
    status: str
    received_on: str

    @property
    def label(self) -> str:
        """``410821202503050012 某某小吃店 一次性创业补贴（已受理）``."""
        return f"{self.receipt_no} {self.applicant} {self.title}（{self.status}）"


def recent_cases(ctx: ServiceContext, *, limit: int = RECENT_CASES) -> list[CaseChoice]:
    """The newest cases in the actor's scope (newest received first)."""
    listing = applications.application_list(ctx)
    ids = listing.fetch_ids(ListQuery())[:limit]
    rows = listing.fetch_rows(ids)
    keys = listing.column_keys
    titles = {e.id: e.title for e in desk_admin.measure_entries(ctx)}
    found = []
    for row_id in ids:
        values = dict(zip(keys, rows[row_id], strict=True))
        found.append(CaseChoice(values["receipt_no"], values["applicant"] or "", titles.get(values["policy_id"], values["policy_id"]),
                                values["status"], values["received_on"]))
    return found


def find_case(ctx: ServiceContext, *, receipt_no: str) -> CaseChoice:
    """The case with this receipt number as the picker shows it; NotFound (or PermissionDenied) otherwise."""
    _case_, _entry_, _spec, facts = _case(ctx, receipt_no)
    return CaseChoice(facts.receipt_no, facts.applicant.display_name, facts.measure.title, facts.status,
                      facts.received_on.isoformat())


def find_notice(ctx: ServiceContext, *, notice_no: str) -> CaseChoice:
    """The one-time notice with this number as the picker shows it; NotFound otherwise."""
    notice = missing_materials_notice(ctx, notice_no=notice_no)
    return CaseChoice(notice.notice_no, notice.applicant.display_name, notice.measure.title,
                      f"缺 {len(notice.missing)} 件材料", notice.issued_on.isoformat())
