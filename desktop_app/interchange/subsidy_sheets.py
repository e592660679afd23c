"""The 补助预算 and 补助发放 sheets (interchange §2): columns, import and export.

补助预算 (key 项目 + 年度 + 区划代码 + 资金来源): a new key inserts, a known key updates (audited).
补助发放 (key 凭证号): a posted payment is never changed — a known voucher with the same values is
unchanged, with other values it is refused (a correction is a reversing entry). A negative amount
must name the voucher it reverses in 冲销凭证号 (optional column; an extension of §2 so that
reversals survive the round trip). Payments that take a payee past its entitlement are accepted as
records of what was paid, audited with the over-payment, and flagged by the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.money import parse_yuan
from desktop_app.domain.subsidies import (
    FACILITY_PAYEE,
    PAYEE_KIND,
    PROGRAMMES,
    SOURCES,
    STAFF_PAYEE,
    Budget,
    Payment,
    resolve_programme,
)
from desktop_app.interchange.columns import CellError, Column
from desktop_app.interchange.sheet_support import Upsert, facility_division, on_row, staff_division
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import audit, subsidies_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

BUDGET_SHEET, PAYMENT_SHEET = "补助预算", "补助发放"
_PROGRAMME_NOTE = "补助项目的规则代码或中文名称：" + " / ".join(PROGRAMMES)
_SOURCE_NOTE = " / ".join(SOURCES)
_FORMULAS = {"DataTableFormula", "ArrayFormula"}


@dataclass(frozen=True)
class SignedMoneyColumn(Column):
    """A money column that also accepts negative amounts (reversing entries)."""

    def parse(self, value: Any) -> Any:
        """Yuan with at most two decimals → fen; a negative amount is allowed."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return super().parse(value)
        if isinstance(value, str) and value.strip().startswith("=") or type(value).__name__ in _FORMULAS:
            raise CellError("不能是公式，请粘贴为数值")
        if isinstance(value, bool):
            raise CellError("金额应为数字（元）")
        try:
            return parse_yuan(value, allow_negative=True)
        except ValueError as exc:
            raise CellError(str(exc)) from None


BUDGET_COLUMNS = (
    Column("programme", "项目", "text", required=True, note=_PROGRAMME_NOTE),
    Column("year", "年度", "year", required=True, note="如 2024"),
    Column("division_code", "区划代码", "code", required=True, note="县（市、区）的12位区划代码"),
    Column("source", "资金来源", "choice", required=True, choices=SOURCES, note=_SOURCE_NOTE + "；须在该项目的分担比例之内"),
    Column("amount", "金额", "money", required=True, minimum=0, note="元，最多两位小数，≥0"),
)
PAYMENT_COLUMNS = (
    Column("voucher_no", "凭证号", "code", required=True, note="必填，唯一；已过账的凭证不能修改"),
    Column("programme", "项目", "text", required=True, note=_PROGRAMME_NOTE),
    Column("year", "年度", "year", required=True, note="补助所属年度，如 2024"),
    Column("facility_code", "机构编码", "code", note="村卫生室运行经费、家庭医生签约激励补助的收款机构"),
    Column("id_number", "身份证号", "code", note="老年乡村医生生活补助的收款人"),
    SignedMoneyColumn("amount", "金额", "money", required=True, note="元，最多两位小数；负数为冲销，须填冲销凭证号"),
    Column("source", "资金来源", "choice", required=True, choices=SOURCES, note=_SOURCE_NOTE + "；须在该项目的分担比例之内"),
    Column("paid_on", "发放日期", "date", required=True, note="日期 YYYY-MM-DD"),
    Column("reverses", "冲销凭证号", "code", note="仅冲销凭证：被冲销的原凭证号"),
)


def _programme(ctx: ServiceContext, values: Mapping[str, Any], problems: list[Problem]) -> str | None:
    programme = resolve_programme(ctx.catalogue, values.get("programme"))
    if programme is None:
        problems.append(Problem("programme", f"“{values.get('programme')}”不是补助项目（{_PROGRAMME_NOTE}）"))
    return programme


# --- 补助预算 --------------------------------------------------------------------------------------

def _budget_key(budget: Budget) -> tuple[str, int, str, str]:
    return budget.programme, budget.year, budget.division_code, budget.source


def apply_budgets(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Check every row (programme, covered year, county-level code, source in the programme's split,
    amount ≥ 0), then insert new keys and update changed ones, audited per row."""
    from desktop_app.services.subsidies import budget_problems

    outcome = SheetOutcome()
    upsert: Upsert[tuple[str, int, str, str], Budget] = Upsert({_budget_key(b): b for b in subsidies_repo.budgets(ctx.db)})
    for parsed in rows:
        problems: list[Problem] = []
        programme = _programme(ctx, parsed.values, problems)
        if programme is not None:
            budget = Budget(programme, parsed.values["year"], parsed.values["division_code"], parsed.values["source"],
                            parsed.values["amount"])
            problems += budget_problems(ctx, budget)
            earlier = upsert.claim(_budget_key(budget), parsed.row)
            if earlier is not None:
                problems.append(Problem("programme", f"与第{earlier}行是同一项目、年度、区划和资金来源"))
        outcome.problems.extend(on_row(problems, BUDGET_COLUMNS, row=parsed.row, sheet=BUDGET_SHEET))
        if not problems:
            upsert.add(_budget_key(budget), budget)
    subsidies_repo.upsert_budgets(ctx.db, upsert.written, actor=ctx.actor.name, at=_now())
    upsert.finish(ctx, "subsidy_budgets", lambda b: ":".join(map(str, _budget_key(b))), outcome)
    return outcome


def export_budgets(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every budget row, by year, county, programme and source."""
    for budget in subsidies_repo.budgets(ctx.db):
        yield {"programme": budget.programme, "year": budget.year, "division_code": budget.division_code,
               "source": budget.source, "amount": budget.amount_fen}


# --- 补助发放 --------------------------------------------------------------------------------------

def _payment(ctx: ServiceContext, values: Mapping[str, Any], problems: list[Problem]) -> Payment | None:
    programme = _programme(ctx, values, problems)
    facility, person = values.get("facility_code"), values.get("id_number")
    if programme is None:
        return None
    kind = PAYEE_KIND[programme]
    if kind == FACILITY_PAYEE and (person or not facility):
        problems.append(Problem("facility_code", "该项目的收款对象是医疗机构：填写机构编码，身份证号留空"))
        return None
    if kind == STAFF_PAYEE and (facility or not person):
        problems.append(Problem("id_number", "老年乡村医生生活补助的收款人是个人：填写身份证号，机构编码留空"))
        return None
    payee = facility if kind == FACILITY_PAYEE else str(person).upper()
    return Payment(values["voucher_no"], programme, values["year"], payee, values["amount"], values["source"],
                   values["paid_on"], values.get("reverses"))


def _same_posting(stored: Payment, row: Payment) -> bool:
    return replace(stored, note="") == replace(row, note="")


def apply_payments(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Check every row like a posting in the app (payee exists, voucher new, year and date covered,
    source in the split, a negative amount reverses a posted or imported voucher), then append the
    new postings; known vouchers must be unchanged. Payments (reversals after the originals, whatever
    the row order) are audited one by one, with any over-payment they leave."""
    from desktop_app.services.subsidies import counties, normalised, payment_problems

    outcome = SheetOutcome()
    today, units = date.today(), counties(ctx)
    candidates: list[tuple[ParsedRow, Payment]] = []
    seen: dict[str, int] = {}
    for parsed in rows:
        problems: list[Problem] = []
        payment = _payment(ctx, parsed.values, problems)
        if payment is not None:
            payment = normalised(payment)
            earlier = seen.setdefault(payment.voucher_no, parsed.row)
            if earlier != parsed.row:
                problems.append(Problem("voucher_no", f"与第{earlier}行凭证号重复"))
            else:
                candidates.append((parsed, payment))
        outcome.problems.extend(on_row(problems, PAYMENT_COLUMNS, row=parsed.row, sheet=PAYMENT_SHEET))
    stored_vouchers = subsidies_repo.existing_vouchers(ctx.db, (p.voucher_no for _, p in candidates))
    pending: dict[str, Payment] = {}
    pending_reversed: dict[str, int] = {}
    accepted: list[tuple[Payment, str, str]] = []
    ordered = sorted(candidates, key=lambda item: item[1].amount_fen < 0)  # originals first
    for parsed, payment in ordered:
        if payment.voucher_no in stored_vouchers:
            stored = subsidies_repo.get_payment(ctx.db, payment.voucher_no)
            if stored is not None and _same_posting(stored.payment, payment):
                outcome.unchanged += 1
                continue
            problems = [Problem("voucher_no", f"凭证号{payment.voucher_no}已过账且内容不同；已过账的发放不能修改，更正请录入冲销凭证")]
        else:
            problems = payment_problems(ctx, payment, pending=pending, pending_reversed=pending_reversed, today=today,
                                        units=units)
        outcome.problems.extend(on_row(_placed(problems, payment), PAYMENT_COLUMNS, row=parsed.row, sheet=PAYMENT_SHEET))
        if problems:
            continue
        place = subsidies_repo.payee_place(ctx.db, *((payment.payee, None) if payment.payee_kind == FACILITY_PAYEE
                                                     else (None, payment.payee)))
        assert place is not None
        pending[payment.voucher_no] = payment
        if payment.reverses:
            pending_reversed[payment.reverses] = pending_reversed.get(payment.reverses, 0) + payment.amount_fen
        accepted.append((payment, place[1], place[2]))
    if outcome.problems or not accepted:
        return outcome
    subsidies_repo.insert_payments(ctx.db, [(p, county, division, False) for p, county, division in accepted],
                                   actor=ctx.actor.name, at=_now())
    _audit(ctx, [p for p, _, _ in accepted])
    outcome.inserted = len(accepted)
    return outcome


def _placed(problems: list[Problem], payment: Payment) -> list[Problem]:
    """Put payee and amount problems under the sheet's columns."""
    column = "facility_code" if payment.payee_kind == FACILITY_PAYEE else "id_number"
    return [Problem(column, p.reason) if p.field == "payee" else p for p in problems]


def _audit(ctx: ServiceContext, payments: list[Payment]) -> None:
    """One audit row per imported posting, naming the over-payment a payment leaves, if any."""
    from desktop_app.services.subsidies import overpaid_after_import

    over = overpaid_after_import(ctx, payments)
    entries = []
    for payment in payments:
        after = {"voucher_no": payment.voucher_no, "programme": payment.programme, "year": payment.year,
                 "payee": payment.payee if payment.payee_kind == FACILITY_PAYEE else mask_id_number(payment.payee),
                 "amount_fen": payment.amount_fen, "source": payment.source, "paid_on": payment.paid_on.isoformat(),
                 "reverses": payment.reverses}
        message = over.get((payment.programme, payment.year, payment.payee))
        if message and payment.amount_fen > 0:
            after["overpayment"] = message
        action = "import_reverse_payment" if payment.reverses else "import_post_payment"
        entries.append(audit.AuditEntry(ctx.actor.name, action, "subsidy_payments", payment.voucher_no, None, after))
    audit.append(ctx.db, entries)


def export_payments(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every posting in the order posted (a reversal after the voucher it reverses)."""
    for payment in subsidies_repo.all_payments(ctx.db):
        staff = payment.payee_kind != FACILITY_PAYEE
        yield {"voucher_no": payment.voucher_no, "programme": payment.programme, "year": payment.year,
               "facility_code": None if staff else payment.payee, "id_number": payment.payee if staff else None,
               "amount": payment.amount_fen, "source": payment.source, "paid_on": payment.paid_on,
               "reverses": payment.reverses}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _payment_division(ctx: ServiceContext, values: Mapping[str, Any]) -> str | None:
    if values.get("id_number"):
        return staff_division(ctx, values.get("id_number"))
    return facility_division(ctx, values.get("facility_code"))


BUDGET_SPEC = SheetSpec(
    name=BUDGET_SHEET, key="subsidy_budget", columns=BUDGET_COLUMNS,
    key_columns=("programme", "year", "division_code", "source"), apply=apply_budgets, export=export_budgets,
    division_of=lambda ctx, values: values.get("division_code"),
)
PAYMENT_SPEC = SheetSpec(
    name=PAYMENT_SHEET, key="subsidy_payments", columns=PAYMENT_COLUMNS, key_columns=("voucher_no",),
    apply=apply_payments, export=export_payments, division_of=_payment_division,
)
