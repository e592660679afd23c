"""Subsidy ledger use cases: entitlements under 焦政办〔2023〕32号, budgets (补助预算), payments and
reversing entries (补助发放), the retired village doctor allowance rate per county, the ledger per
county and year with payee drill-down, and the ``subsidies`` part of the evaluation (interchange §3).

Every write is one guarded, audited transaction. Reads of one payee are scoped; the ledger and the
lists are limited to the acting user's division scope.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timezone
from typing import Any

from desktop_app.domain.divisions import Division, county_code_of
from desktop_app.domain.errors import NotFound, Problem, ValidationError
from desktop_app.domain.health.entities import VILLAGE_CLINIC
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.money import fen_to_yuan_json
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.security import EDIT_SUBSIDIES, READ
from desktop_app.domain.subsidies import (
    CITY,
    CLINIC_OPERATING,
    ELDERLY_ALLOWANCE,
    FACILITY_PAYEE,
    FAMILY_DOCTOR,
    PAYEE_KIND,
    PROGRAMMES,
    SOURCES,
    Budget,
    Entitlement,
    Ledger,
    OverpaymentNotConfirmed,
    PayeeLine,
    Payment,
    build_ledger,
    clinic_operating,
    covers_year,
    elderly_allowance_entitlement,
    family_doctor,
    family_window,
    governing_entry,
    overpayment_message,
    own_source,
    paid_on_problem,
    rate_for,
    reversal_problems,
    source_problem,
    year_problem,
)
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded, scope_filter, visible
from desktop_app.store import audit, divisions_repo, facilities_repo, subsidies_repo
from desktop_app.store.connection import write_transaction
from desktop_app.store.subsidies_repo import StoredPayment

BUDGETS, PAYMENTS, RATES = "subsidy_budgets", "subsidy_payments", "subsidy_allowance_rates"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def counties(ctx: ServiceContext) -> dict[str, Division]:
    """County-level units by code."""
    return {d.code: d for d in divisions_repo.all_divisions(ctx.db) if d.level == "county"}


def _scope_prefix(ctx: ServiceContext) -> str | None:
    pattern = scope_filter(ctx)
    return None if pattern is None else pattern.rstrip("%")


def _scoped_counties(ctx: ServiceContext, county: str | None) -> list[str]:
    """The county codes a ledger covers: ``county``, or every county the actor may see."""
    prefix = _scope_prefix(ctx)
    codes = [county] if county else sorted(counties(ctx))
    return [c for c in codes if prefix is None or c.startswith(prefix[:6])]


def _visible_line(ctx: ServiceContext, division_code: str) -> bool:
    prefix = _scope_prefix(ctx)
    return prefix is None or division_code.startswith(prefix)


# --- entitlements --------------------------------------------------------------------------------

def entitlements_for(ctx: ServiceContext, *, year: int, county_codes: Sequence[str] | None = None,
                     programmes: Iterable[str] = PROGRAMMES) -> list[Entitlement]:
    """Every entitlement of ``year`` (of these counties; all when None), including payees entitled to
    nothing (amount 0, with the reason) among the candidates. Not scope-checked: for other services."""
    catalogue = ctx.catalogue
    units = counties(ctx)
    found: list[Entitlement] = []
    for programme in programmes:
        if not covers_year(catalogue.family(programme), year):
            continue
        entry = governing_entry(catalogue, programme, year)
        if programme == CLINIC_OPERATING:
            for clinic in subsidies_repo.village_clinics(ctx.db, county_codes):
                found.append(clinic_operating(entry, clinic, year, units[clinic.facility.county_code]))
        elif programme == FAMILY_DOCTOR:
            for signed in subsidies_repo.signed_residents(ctx.db, year, county_codes):
                found.append(family_doctor(entry, signed, year, units[signed.facility.county_code]))
        elif programme == ELDERLY_ALLOWANCE:
            rates = subsidies_repo.allowance_rates(ctx.db)
            for member, facility in subsidies_repo.retired_staff(ctx.db, county_codes):
                county = units[facility.county_code]
                line = elderly_allowance_entitlement(entry, member, facility, year, county,
                                                     rate_for(rates, county.code, year))
                if line is not None:
                    found.append(line)
    return found


@guarded(READ, scope=lambda ctx, a: [a["county"]])
def entitlements(ctx: ServiceContext, *, year: int, county: str) -> list[Entitlement]:
    """What every payee of a county-level unit is entitled to in ``year`` (0 with the reason for
    candidates who get none; None with the gap when unknown), limited to the actor's scope."""
    lines = entitlements_for(ctx, year=year, county_codes=[county])
    return [e for e in lines if _visible_line(ctx, e.division_code)]


# --- the ledger ----------------------------------------------------------------------------------

def _entries(ctx: ServiceContext, year: int) -> dict[str, RuleEntry]:
    return {p: governing_entry(ctx.catalogue, p, year) for p in PROGRAMMES}


def ledger_for(ctx: ServiceContext, *, year: int, county_codes: Sequence[str], as_of: date) -> Ledger:
    """The ledger of these counties as of ``as_of``; payees (and budgets of counties) outside the
    actor's scope are left out. No guard: for the guarded reads and other services."""
    with ctx.db.atomic():
        found = entitlements_for(ctx, year=year, county_codes=county_codes)
        paid = subsidies_repo.paid_totals(ctx.db, year=year, as_of=as_of, county_codes=county_codes)
        budgets = subsidies_repo.budgets(ctx.db, year=year, county_codes=county_codes)
    if _scope_prefix(ctx) is not None:
        found = [e for e in found if _visible_line(ctx, e.division_code)]
        paid = [p for p in paid if _visible_line(ctx, p.division_code)]
        budgets = [b for b in budgets if visible(ctx, b.division_code)]
    return build_ledger(year=year, as_of=as_of, entitlements=found, paid=paid, budgets=budgets,
                        counties=county_codes, entries=_entries(ctx, year))


@guarded(READ, scope=lambda ctx, a: [a.get("county")])
def ledger(ctx: ServiceContext, *, year: int, county: str | None = None, as_of: date | None = None) -> Ledger:
    """The subsidy ledger of ``year`` as of ``as_of`` (default today) for one county-level unit, or
    every county the actor may see: per county and programme, entitled / budgeted / paid by source,
    arrears, over-payments and overdue payees; and one line per payee."""
    return ledger_for(ctx, year=year, county_codes=_scoped_counties(ctx, county), as_of=as_of or date.today())


@dataclass(frozen=True)
class PayeeDetail:
    """One payee under one programme and year: the ledger line and every posting with its reversals."""

    line: PayeeLine
    postings: list[StoredPayment]

    def reversed_by(self, voucher_no: str) -> list[StoredPayment]:
        """The entries that reverse ``voucher_no``."""
        return [p for p in self.postings if p.payment.reverses == voucher_no]


def _payee_division(ctx: ServiceContext, programme: str | None, payee: str | None) -> str | None:
    if not payee:
        return None
    if PAYEE_KIND.get(programme or "", FACILITY_PAYEE) == FACILITY_PAYEE:
        place = subsidies_repo.payee_place(ctx.db, payee, None)
    else:
        place = subsidies_repo.payee_place(ctx.db, None, payee.strip().upper())
    return place[2] if place else None


@guarded(READ, scope=lambda ctx, a: [_payee_division(ctx, a["programme"], a["payee"])])
def payee_detail(ctx: ServiceContext, *, programme: str, year: int, payee: str, as_of: date | None = None) -> PayeeDetail:
    """A payee's entitlement, paid amounts and each voucher (reversals included) under one programme
    and year; NotFound when the payee is neither entitled nor paid."""
    as_of = as_of or date.today()
    kind = PAYEE_KIND.get(programme, FACILITY_PAYEE)
    payee = payee.strip().upper() if kind != FACILITY_PAYEE else payee.strip()
    place = subsidies_repo.payee_place(ctx.db, payee if kind == FACILITY_PAYEE else None,
                                       payee if kind != FACILITY_PAYEE else None)
    if place is None:
        raise NotFound(f"收款对象 {payee if kind == FACILITY_PAYEE else mask_id_number(payee)} 不存在")
    found = ledger_for(ctx, year=year, county_codes=[place[1]], as_of=as_of)
    line = next((l for l in found.lines_of(programme) if l.entitlement.payee == payee), None)
    if line is None:
        entry = governing_entry(ctx.catalogue, programme, year)
        line = PayeeLine(Entitlement(programme, entry.id, year, payee, place[0], kind, place[1], place[2], 0,
                                     basis="不在本年度应补助名单中"), {}, as_of)
    return PayeeDetail(line, subsidies_repo.postings_of(ctx.db, payee=payee, programme=programme, year=year))


# --- payments ------------------------------------------------------------------------------------

def normalised(payment: Payment) -> Payment:
    """Trimmed voucher and payee, ID numbers upper case, a blank reversal reference as None."""
    payee = payment.payee.strip()
    return replace(payment, voucher_no=payment.voucher_no.strip(), note=(payment.note or "").strip(),
                   payee=payee.upper() if payment.payee_kind != FACILITY_PAYEE else payee,
                   reverses=(payment.reverses or "").strip() or None)


def payment_problems(
    ctx: ServiceContext,
    payment: Payment,
    *,
    pending: Mapping[str, Payment] | None = None,
    pending_reversed: Mapping[str, int] | None = None,
    today: date | None = None,
    units: Mapping[str, Division] | None = None,
) -> list[Problem]:
    """Every reason to refuse posting ``payment`` (field = English key): unknown programme, payee or
    voucher to reverse, a voucher number already posted, a year or date the programme does not
    cover, a source its split does not include, a bad reversal. ``pending`` holds postings of the
    same batch not yet written (by voucher), ``pending_reversed`` their reversals (negative sums);
    ``units`` the county-level divisions by code (loaded when not given)."""
    pending, pending_reversed = pending or {}, pending_reversed or {}
    catalogue = ctx.catalogue
    problems: list[Problem] = []
    if not payment.voucher_no:
        problems.append(Problem("voucher_no", "凭证号必填"))
    elif subsidies_repo.get_payment(ctx.db, payment.voucher_no) is not None or payment.voucher_no in pending:
        problems.append(Problem("voucher_no", f"凭证号{payment.voucher_no}已存在；已过账的发放不能修改，更正请录入冲销凭证"))
    if payment.programme not in PROGRAMMES:
        return problems + [Problem("programme", f"项目“{payment.programme}”不是补助项目（{'、'.join(PROGRAMMES)}）")]
    for problem in (year_problem(catalogue, payment.programme, payment.year),
                    paid_on_problem(catalogue, payment.programme, payment.paid_on, today or date.today())):
        if problem is not None:
            problems.append(problem)
    staff = payment.payee_kind != FACILITY_PAYEE
    place = subsidies_repo.payee_place(ctx.db, None if staff else payment.payee, payment.payee if staff else None)
    if place is None:
        what = f"身份证号{mask_id_number(payment.payee)}不在人员表中" if staff else f"机构编码{payment.payee}不在医疗机构表中"
        problems.append(Problem("payee", f"收款对象不存在：{what}"))
    else:
        if payment.programme == CLINIC_OPERATING and _facility_kind(ctx, payment.payee) != VILLAGE_CLINIC:
            problems.append(Problem("payee", f"机构{payment.payee}不是村卫生室，不能发放村卫生室运行经费"))
        unit = (units if units is not None else counties(ctx)).get(place[1])
        if unit is not None:
            problem = source_problem(catalogue, payment.programme, payment.year, unit, payment.source)
            if problem is not None:
                problems.append(problem)
    if payment.reverses or payment.amount_fen <= 0:
        original = pending.get(payment.reverses or "")
        if original is None and payment.reverses:
            stored = subsidies_repo.get_payment(ctx.db, payment.reverses)
            original = stored.payment if stored else None
        reversed_fen = (subsidies_repo.reversed_total(ctx.db, payment.reverses) if payment.reverses else 0)
        reversed_fen += pending_reversed.get(payment.reverses or "", 0)
        problems.extend(reversal_problems(payment, original, reversed_fen))
    return problems


def _facility_kind(ctx: ServiceContext, code: str) -> str | None:
    stored = facilities_repo.get(ctx.db, code)
    return stored.facility.kind if stored else None


def payee_standing(ctx: ServiceContext, payment: Payment) -> tuple[Entitlement | None, int]:
    """The payee's entitlement under the payment's programme and year (None when not entitled), and
    what has been paid so far (all dates)."""
    place = _payee_division(ctx, payment.programme, payment.payee)
    found = entitlements_for(ctx, year=payment.year, county_codes=[county_code_of(place)] if place else [],
                             programmes=[payment.programme])
    entitlement = next((e for e in found if e.payee == payment.payee), None)
    paid = subsidies_repo.paid_totals(ctx.db, year=payment.year, as_of=date.max, programme=payment.programme,
                                      payee=payment.payee)
    return entitlement, sum(sum(p.by_source.values()) for p in paid)


def overpaid_after_import(ctx: ServiceContext, payments: Iterable[Payment]) -> dict[tuple[str, int, str], str]:
    """For the payees of these (written) payments: those now paid beyond their entitlement, or paid
    while the entitlement is unknown, by (programme, year, payee) → a Chinese description."""
    keys = {(p.programme, p.year, p.payee) for p in payments if p.amount_fen > 0}
    wanted: dict[int, set[str]] = {}
    for programme, year, payee in keys:
        division = _payee_division(ctx, programme, payee)
        if division is not None:
            wanted.setdefault(year, set()).add(county_code_of(division))
    found: dict[tuple[str, int, str], str] = {}
    for year, codes in wanted.items():
        entitled = {(e.programme, e.payee): e for e in entitlements_for(ctx, year=year, county_codes=sorted(codes))}
        for paid in subsidies_repo.paid_totals(ctx.db, year=year, as_of=date.max, county_codes=sorted(codes)):
            key = (paid.programme, year, paid.payee)
            if key in keys:
                message = overpayment_message(entitled.get((paid.programme, paid.payee)), 0, sum(paid.by_source.values()))
                if message:
                    found[key] = message
    return found


def _record(payment: Payment, **extra: Any) -> dict[str, Any]:
    values = asdict(payment)
    values["paid_on"] = payment.paid_on.isoformat()
    if payment.payee_kind != FACILITY_PAYEE:
        values["payee"] = mask_id_number(payment.payee)
    return values | extra


@guarded(EDIT_SUBSIDIES, scope=lambda ctx, a: [_payee_division(ctx, a["payment"].programme, a["payment"].payee)])
def post_payment(ctx: ServiceContext, *, payment: Payment, confirm_overpayment: bool = False) -> Changes:
    """Post one payment (or reversing entry), audited with the acting user.

    Raises ValidationError for bad input (see :func:`payment_problems`); OverpaymentNotConfirmed
    when the payment would take the payee past the entitlement (or the entitlement is unknown) and
    ``confirm_overpayment`` is not set — then nothing is written.
    """
    payment = normalised(payment)
    with write_transaction(ctx.db):
        problems = payment_problems(ctx, payment)
        if problems:
            raise ValidationError(problems)
        entitlement, paid = payee_standing(ctx, payment)
        warning = overpayment_message(entitlement, paid, payment.amount_fen)
        if warning and not confirm_overpayment:
            raise OverpaymentNotConfirmed(warning, entitled_fen=entitlement.amount_fen if entitlement else 0,
                                          paid_fen=paid, amount_fen=payment.amount_fen)
        place = subsidies_repo.payee_place(ctx.db, *_payee_columns(payment))
        assert place is not None
        subsidies_repo.insert_payments(ctx.db, [(payment, place[1], place[2], bool(warning))],
                                       actor=ctx.actor.name, at=_now())
        action = "reverse_payment" if payment.reverses else "post_payment"
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, action, PAYMENTS, payment.voucher_no, None,
                                               _record(payment, overpayment=warning))])
    return Changes(frozenset({PAYMENTS}), inserted=1, keys=(payment.voucher_no,))


def _payee_columns(payment: Payment) -> tuple[str | None, str | None]:
    return (payment.payee, None) if payment.payee_kind == FACILITY_PAYEE else (None, payment.payee)


def _original_division(ctx: ServiceContext, voucher_no: str | None) -> str | None:
    stored = subsidies_repo.get_payment(ctx.db, voucher_no) if voucher_no else None
    return stored.division_code if stored else None


@guarded(EDIT_SUBSIDIES, scope=lambda ctx, a: [_original_division(ctx, a["voucher_no"])])
def reverse_payment(ctx: ServiceContext, *, voucher_no: str, reversal_voucher_no: str, paid_on: date,
                    amount_fen: int | None = None, note: str = "") -> Changes:
    """Reverse a posted payment (in full, or ``amount_fen`` of it) with a new negative entry that names
    it; the original is never changed. NotFound for an unknown voucher; ValidationError otherwise."""
    stored = subsidies_repo.get_payment(ctx.db, voucher_no.strip())
    if stored is None:
        raise NotFound(f"凭证号{voucher_no}不存在")
    original = stored.payment
    if original.amount_fen < 0:
        raise ValidationError(Problem("reverses", f"凭证{original.voucher_no}本身是冲销凭证，不能再冲销"))
    left = original.amount_fen + subsidies_repo.reversed_total(ctx.db, original.voucher_no)
    if left <= 0:
        raise ValidationError(Problem("reverses", f"凭证{original.voucher_no}已全部冲销"))
    amount = left if amount_fen is None else abs(amount_fen)
    reversal = Payment(reversal_voucher_no, original.programme, original.year, original.payee, -amount,
                       original.source, paid_on, original.voucher_no, note)
    return post_payment(ctx, payment=reversal)


# --- budgets -------------------------------------------------------------------------------------

def budget_problems(ctx: ServiceContext, budget: Budget) -> list[Problem]:
    """Every reason to refuse a budget: unknown programme, a year it does not cover, a division that is
    not a county-level unit, a source its split does not include, a negative amount."""
    problems: list[Problem] = []
    if budget.programme not in PROGRAMMES:
        return [Problem("programme", f"项目“{budget.programme}”不是补助项目")]
    problem = year_problem(ctx.catalogue, budget.programme, budget.year)
    if problem is not None:
        problems.append(problem)
    unit = counties(ctx).get(budget.division_code)
    if unit is None:
        problems.append(Problem("division_code", f"区划代码{budget.division_code}不是县（市、区）代码；补助预算按县级单位登记"))
    elif problem is None:
        problem = source_problem(ctx.catalogue, budget.programme, budget.year, unit, budget.source)
        if problem is not None:
            problems.append(problem)
    if budget.amount_fen < 0:
        problems.append(Problem("amount", "预算金额不能为负数"))
    return problems


@guarded(EDIT_SUBSIDIES, scope=lambda ctx, a: [a["budget"].division_code])
def save_budget(ctx: ServiceContext, *, budget: Budget) -> Changes:
    """Enter or change the budget of a programme, year, county and source (audited before/after)."""
    with write_transaction(ctx.db):
        problems = budget_problems(ctx, budget)
        if problems:
            raise ValidationError(problems)
        key = (budget.programme, budget.year, budget.division_code, budget.source)
        before = next((b for b in subsidies_repo.budgets(ctx.db, year=budget.year, county_codes=[budget.division_code])
                       if (b.programme, b.year, b.division_code, b.source) == key), None)
        subsidies_repo.upsert_budgets(ctx.db, [budget], actor=ctx.actor.name, at=_now())
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "save_budget", BUDGETS, ":".join(map(str, key)),
                                               asdict(before) if before else None, asdict(budget))])
    return Changes(frozenset({BUDGETS}), inserted=int(before is None), updated=int(before is not None))


@guarded(EDIT_SUBSIDIES, scope=lambda ctx, a: [a["budget"].division_code])
def delete_budget(ctx: ServiceContext, *, budget: Budget) -> Changes:
    """Remove a budget line entered by mistake (audited); NotFound when there is none."""
    with write_transaction(ctx.db):
        key = (budget.programme, budget.year, budget.division_code, budget.source)
        before = next((b for b in subsidies_repo.budgets(ctx.db, year=budget.year, county_codes=[budget.division_code])
                       if (b.programme, b.year, b.division_code, b.source) == key), None)
        if before is None:
            raise NotFound("没有这一条补助预算")
        subsidies_repo.delete_budget(ctx.db, before)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "delete_budget", BUDGETS, ":".join(map(str, key)),
                                               asdict(before), None)])
    return Changes(frozenset({BUDGETS}), deleted=1)


def budget_list(ctx: ServiceContext, *, year: int | None = None) -> list[Budget]:
    """Budgets of a year (or all), limited to the counties the actor may see."""
    rows = subsidies_repo.budgets(ctx.db, year=year)
    prefix = _scope_prefix(ctx)
    return [b for b in rows if prefix is None or visible(ctx, b.division_code)]


# --- the allowance rate --------------------------------------------------------------------------

@dataclass(frozen=True)
class AllowanceRate:
    """A county's retired village doctor allowance, yuan per person and year (fen), from a year on."""

    county_code: str
    county_name: str
    from_year: int
    amount_fen: int


def allowance_rates(ctx: ServiceContext) -> list[AllowanceRate]:
    """Every rate setting of the counties the actor may see, by county and year."""
    units = counties(ctx)
    prefix = _scope_prefix(ctx)
    return [AllowanceRate(c, units[c].name if c in units else c, y, amount)
            for (c, y), amount in sorted(subsidies_repo.allowance_rates(ctx.db).items())
            if prefix is None or c.startswith(prefix[:6])]


@guarded(EDIT_SUBSIDIES, scope=lambda ctx, a: [a["county_code"]])
def set_allowance_rate(ctx: ServiceContext, *, county_code: str, from_year: int, amount_fen: int | None) -> Changes:
    """Set a county's allowance (fen per person and year) from ``from_year`` on; None removes that
    setting (entitlements of years it covered go back to the previous setting or 标准未设定)."""
    with write_transaction(ctx.db):
        problems = []
        if county_code not in counties(ctx):
            problems.append(Problem("county_code", f"区划代码{county_code}不是县（市、区）代码"))
        problem = year_problem(ctx.catalogue, ELDERLY_ALLOWANCE, from_year)
        if problem is not None:
            problems.append(Problem("from_year", problem.reason))
        if amount_fen is not None and amount_fen <= 0:
            problems.append(Problem("amount", "补助标准应大于0；如要取消，请清除该设置"))
        if problems:
            raise ValidationError(problems)
        before = subsidies_repo.allowance_rates(ctx.db).get((county_code, from_year))
        subsidies_repo.set_allowance_rate(ctx.db, county_code, from_year, amount_fen, actor=ctx.actor.name, at=_now())
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "set_allowance_rate", RATES, f"{county_code}:{from_year}",
                                               None if before is None else {"amount_fen": before},
                                               None if amount_fen is None else {"amount_fen": amount_fen})])
    return Changes(frozenset({RATES}), updated=1, keys=(county_code,))


# --- evaluation output and the statement -----------------------------------------------------------

def covered_years(ctx: ServiceContext, last_year: int) -> list[int]:
    """Years from the first any programme covers through ``last_year``."""
    firsts = [family_window(ctx.catalogue.family(p))[0] for p in PROGRAMMES]
    first = min((y for y in firsts if y is not None), default=last_year)
    return list(range(first, last_year + 1))


def _shares_json(line: PayeeLine, unit: Division | None) -> dict[str, float] | None:
    if line.entitled is None:
        return None
    names = [CITY, own_source(unit)] if unit is not None else []
    names += [s for s in line.entitlement.shares if s not in names]
    return {s: fen_to_yuan_json(line.entitlement.shares.get(s, 0)) for s in names}


def line_json(line: PayeeLine, unit: Division | None) -> dict[str, Any]:
    """One payee line as an interchange §3 ``subsidies`` object (ID numbers masked, yuan)."""
    e = line.entitlement
    document: dict[str, Any] = {
        "programme": e.rule_id,
        "year": e.year,
        "county": e.county_code,
        "payee": e.payee if e.payee_kind == FACILITY_PAYEE else mask_id_number(e.payee),
        "entitled": None if line.entitled is None else fen_to_yuan_json(line.entitled),
        "paid": fen_to_yuan_json(line.paid),
        "outstanding": None if line.outstanding is None else fen_to_yuan_json(line.outstanding),
        "shares": _shares_json(line, unit),
        "paid_by_source": {s: fen_to_yuan_json(v) for s, v in line.paid_by_source.items()},
        "overdue": line.overdue,
        "overpaid": line.overpaid > 0,
    }
    if line.entitled is None:
        document["note"] = e.gap
    return document


def subsidies_document(ctx: ServiceContext, as_of: date) -> list[dict[str, Any]]:
    """The ``subsidies`` part of the evaluation output (interchange §3): one object per payee,
    programme and year from the first programme year through ``as_of``'s year, with payments
    dated up to ``as_of``; limited to the actor's scope."""
    units = counties(ctx)
    codes = _scoped_counties(ctx, None)
    found: list[dict[str, Any]] = []
    for year in covered_years(ctx, as_of.year):
        for line in ledger_for(ctx, year=year, county_codes=codes, as_of=as_of).lines:
            found.append(line_json(line, units.get(line.entitlement.county_code)))
    return found


@dataclass(frozen=True)
class SubsidyStatement:
    """What the 补助台账 print needs: the division, programme titles and citations, and the ledger."""

    division_code: str
    division_name: str
    year: int
    as_of: date
    titles: Mapping[str, str]
    citations: Mapping[str, str]
    county_names: Mapping[str, str]
    ledger: Ledger


@guarded(READ, scope=lambda ctx, a: [a["division_code"]])
def statement_data(ctx: ServiceContext, *, division_code: str, year: int, as_of: date | None = None) -> SubsidyStatement:
    """The subsidy statement of a county-level unit (or the city) for ``year``: per programme and
    county the sums, then every payee line (report kind ``subsidy-statement``)."""
    units = counties(ctx)
    division = divisions_repo.get(ctx.db, division_code)
    if division is None or division.level not in ("city", "county"):
        raise NotFound(f"区划代码{division_code}不是全市或县（市、区）代码")
    as_of = as_of or date.today()
    county = division.code if division.level == "county" else None
    found = ledger_for(ctx, year=year, county_codes=_scoped_counties(ctx, county), as_of=as_of)
    entries = _entries(ctx, year)
    return SubsidyStatement(division.code, division.name, year, as_of,
                            {p: e.title for p, e in entries.items()}, {p: e.citation for p, e in entries.items()},
                            {c: u.name for c, u in units.items()}, found)


# --- what the page offers ------------------------------------------------------------------------

@dataclass(frozen=True)
class LedgerChoices:
    """The pickers of the 补助 page: counties in the actor's scope, years, programmes and sources."""

    counties: list[tuple[str, str]]
    years: list[int]
    programmes: list[tuple[str, str]]
    sources: tuple[str, ...]


def ledger_choices(ctx: ServiceContext, *, today: date) -> LedgerChoices:
    """Counties (code, name) the actor may see, the years from the first programme year through this
    year (or the last year with records), and the programmes (id, title)."""
    units = counties(ctx)
    codes = _scoped_counties(ctx, None)
    last = max([today.year, *subsidies_repo.years_with_records(ctx.db)])
    titles = [(p, ctx.catalogue.latest(p, today).title) for p in PROGRAMMES]
    return LedgerChoices([(c, units[c].name) for c in codes], covered_years(ctx, last), titles, SOURCES)
