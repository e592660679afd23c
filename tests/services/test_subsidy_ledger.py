"""The subsidy ledger on a real database, against figures computed by hand: 修武县 clinics in 2023
and 2024 (4,500 then 6,000; a shared clinic once; none after a lapsed licence or in a natural
village), family-doctor shares for 修武县 (all county) and 山阳区 (2 + 3 yuan per person), the
retired doctor allowance before and after the county sets it, an over-payment, a reversal, every
kind of bad input refused with nothing written, scope, audit and the §3 document."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.domain.health.entities import Facility, FamilyDoctorFigure, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.security import HEALTH_ADMIN, READ_ONLY
from desktop_app.domain.subsidies import (
    CLINIC_OPERATING,
    ELDERLY_ALLOWANCE,
    FAMILY_DOCTOR,
    STANDARD_NOT_SET,
    Budget,
    OverpaymentNotConfirmed,
    Payment,
)
from desktop_app.domain.villages import Village
from desktop_app.services import health_registry, subsidies
from desktop_app.services import villages as village_service
from desktop_app.store import audit, health_figures_repo, subsidies_repo
from desktop_app.store.connection import write_transaction

XIUWU, SHANYANG = "410821000000", "410811000000"
TOWN, STREET = "410821100", "410811001"
AS_OF = date(2025, 3, 1)


def person(serial: int, birth: str = "19550301") -> str:
    first17 = f"410821{birth}{serial:03d}"
    return first17 + id_check_character(first17)


RETIRED = person(1)


@pytest.fixture
def registry(ctx):
    """Clinics in 修武县 城关镇 and 山阳区 东方红街道, two centres with 签约人数, a retired doctor."""
    for code, name, kind in ((f"{TOWN}201", "甲村", "行政村"), (f"{TOWN}202", "乙村", "行政村"), (f"{TOWN}203", "丙村", "行政村"),
                             (f"{TOWN}204", "丁村", "行政村"), (f"{TOWN}205", "戊村", "行政村"),
                             (f"{TOWN}201-01", "甲村东组", "自然村"), (f"{STREET}201", "山阳甲村", "行政村")):
        village_service.create_village(ctx, village=Village(code, name, kind, 800))
    licensed = date(2030, 6, 30)
    for facility in (
        Facility("XW-A", "甲村卫生室", "村卫生室", f"{TOWN}201", licence_valid_until=licensed),
        Facility("XW-SHARED", "乙村卫生室", "村卫生室", f"{TOWN}202", served_village_codes=(f"{TOWN}202", f"{TOWN}203", f"{TOWN}205"),
                 licence_valid_until=licensed),
        Facility("XW-LAPSED", "丁村卫生室", "村卫生室", f"{TOWN}204", licence_valid_until=date(2023, 12, 31)),
        Facility("XW-NATURAL", "甲村东组卫生室", "村卫生室", f"{TOWN}201-01", licence_valid_until=licensed),
        Facility("XW-CENTRE", "城关镇卫生院", "乡镇卫生院", f"{TOWN}000", service_population=30000),
        Facility("SY-A", "山阳甲村卫生室", "村卫生室", f"{STREET}201", licence_valid_until=licensed),
        Facility("SY-CENTRE", "东方红社区卫生服务中心", "社区卫生服务中心", f"{STREET}000", service_population=40000),
    ):
        health_registry.create_facility(ctx, facility=facility)
    health_registry.create_staff(ctx, member=StaffMember(RETIRED, "王老医生", "XW-A", category="乡村医生",
                                                         township_hired=False, status="退出", left_on=date(2023, 3, 1)))
    with write_transaction(ctx.db):
        health_figures_repo.upsert_family_doctor(ctx.db, [
            FamilyDoctorFigure("XW-CENTRE", 2024, 1_000, 300), FamilyDoctorFigure("SY-CENTRE", 2024, 1_000, 300),
            FamilyDoctorFigure("XW-A", 2024, None, None),
        ])
    return ctx


def amounts(found, programme: str) -> dict[str, int | None]:
    return {e.payee: e.amount_fen for e in found if e.programme == programme}


def pay(voucher: str, payee: str, amount: int, *, programme: str = CLINIC_OPERATING, year: int = 2024,
        source: str = "县级", on: date = date(2024, 6, 1), reverses: str | None = None) -> Payment:
    return Payment(voucher, programme, year, payee, amount, source, on, reverses)


def test_clinic_entitlements_2023_and_2024(registry) -> None:
    ctx = registry
    assert amounts(subsidies.entitlements(ctx, year=2023, county=XIUWU), CLINIC_OPERATING) == {
        "XW-A": 450_000, "XW-SHARED": 450_000, "XW-LAPSED": 450_000, "XW-NATURAL": 0}
    assert amounts(subsidies.entitlements(ctx, year=2024, county=XIUWU), CLINIC_OPERATING) == {
        "XW-A": 600_000, "XW-SHARED": 600_000, "XW-LAPSED": 0, "XW-NATURAL": 0}
    assert amounts(subsidies.entitlements(ctx, year=2022, county=XIUWU), CLINIC_OPERATING) == {}


def test_family_doctor_shares(registry) -> None:
    ctx = registry
    xiuwu = {e.payee: e for e in subsidies.entitlements(ctx, year=2024, county=XIUWU) if e.programme == FAMILY_DOCTOR}
    assert xiuwu["XW-CENTRE"].amount_fen == 500_000 and dict(xiuwu["XW-CENTRE"].shares) == {"县级": 500_000}
    assert xiuwu["XW-A"].amount_fen is None and xiuwu["XW-A"].gap == "签约人数未填写"
    shanyang = {e.payee: e for e in subsidies.entitlements(ctx, year=2024, county=SHANYANG) if e.programme == FAMILY_DOCTOR}
    assert dict(shanyang["SY-CENTRE"].shares) == {"市级": 200_000, "区级": 300_000}


def test_allowance_shows_standard_not_set_until_the_county_sets_it(registry) -> None:
    ctx = registry
    before = subsidies.ledger(ctx, year=2024, county=XIUWU, as_of=AS_OF)
    line = before.lines_of(ELDERLY_ALLOWANCE)[0]
    assert line.entitled is None and line.status == STANDARD_NOT_SET and line.outstanding is None
    assert before.summaries[2].unknown == 1 and before.summaries[2].entitled == 0
    subsidies.set_allowance_rate(ctx, county_code=XIUWU, from_year=2023, amount_fen=120_000)
    after = subsidies.ledger(ctx, year=2024, county=XIUWU, as_of=AS_OF)
    assert after.lines_of(ELDERLY_ALLOWANCE)[0].entitled == 120_000
    subsidies.post_payment(ctx, payment=pay("A-1", RETIRED.lower(), 120_000, programme=ELDERLY_ALLOWANCE))
    assert subsidies.ledger(ctx, year=2024, county=XIUWU, as_of=AS_OF).lines_of(ELDERLY_ALLOWANCE)[0].outstanding == 0
    subsidies.set_allowance_rate(ctx, county_code=XIUWU, from_year=2023, amount_fen=None)
    assert subsidies.ledger(ctx, year=2024, county=XIUWU, as_of=AS_OF).lines_of(ELDERLY_ALLOWANCE)[0].status == STANDARD_NOT_SET


def test_hand_computed_ledger_with_overpayment_and_reversal(registry) -> None:
    ctx = registry
    subsidies.save_budget(ctx, budget=Budget(CLINIC_OPERATING, 2024, XIUWU, "县级", 1_000_000))
    subsidies.save_budget(ctx, budget=Budget(FAMILY_DOCTOR, 2024, SHANYANG, "市级", 200_000))
    subsidies.save_budget(ctx, budget=Budget(FAMILY_DOCTOR, 2024, SHANYANG, "区级", 250_000))
    subsidies.post_payment(ctx, payment=pay("V-001", "XW-A", 600_000))
    subsidies.post_payment(ctx, payment=pay("V-002", "XW-SHARED", 450_000))
    subsidies.post_payment(ctx, payment=pay("V-003", "SY-CENTRE", 200_000, programme=FAMILY_DOCTOR, source="市级"))
    subsidies.post_payment(ctx, payment=pay("V-004", "SY-CENTRE", 123_456, programme=FAMILY_DOCTOR, source="区级"))
    with pytest.raises(OverpaymentNotConfirmed, match="超发500.00元") as refused:
        subsidies.post_payment(ctx, payment=pay("V-005", "XW-A", 50_000))
    assert (refused.value.entitled_fen, refused.value.paid_fen) == (600_000, 600_000)
    assert subsidies_repo.get_payment(ctx.db, "V-005") is None
    subsidies.post_payment(ctx, payment=pay("V-005", "XW-A", 50_000), confirm_overpayment=True)

    found = subsidies.ledger(ctx, year=2024, county=XIUWU, as_of=AS_OF)
    clinics = found.summaries[0]
    assert (clinics.entitled, clinics.budgeted, clinics.paid) == (1_200_000, 1_000_000, 1_100_000)
    assert (clinics.arrears, clinics.overpaid, clinics.overdue_payees, clinics.overpaid_payees) == (150_000, 50_000, 1, 1)
    lines = {l.entitlement.payee: l for l in found.lines_of(CLINIC_OPERATING)}
    assert set(lines) == {"XW-A", "XW-SHARED"}
    assert lines["XW-A"].status == "超发" and lines["XW-A"].overpaid == 50_000
    assert lines["XW-SHARED"].status == "逾期未拨" and lines["XW-SHARED"].outstanding == 150_000

    subsidies.reverse_payment(ctx, voucher_no="V-005", reversal_voucher_no="V-005-R", paid_on=date(2024, 7, 1),
                              note="超发退回")
    detail = subsidies.payee_detail(ctx, programme=CLINIC_OPERATING, year=2024, payee="XW-A", as_of=AS_OF)
    assert [p.payment.voucher_no for p in detail.postings] == ["V-001", "V-005", "V-005-R"]
    assert detail.reversed_by("V-005")[0].payment.amount_fen == -50_000
    assert detail.line.paid == 600_000 and detail.line.status == "已拨足"
    assert subsidies_repo.get_payment(ctx.db, "V-005").payment.amount_fen == 50_000  # the original is untouched

    district = subsidies.ledger(ctx, year=2024, county=SHANYANG, as_of=AS_OF).summaries[1]
    assert dict(district.entitled_by_source) == {"市级": 200_000, "区级": 300_000}
    assert dict(district.budget_by_source) == {"市级": 200_000, "区级": 250_000}
    assert dict(district.paid_by_source) == {"市级": 200_000, "区级": 123_456}
    assert district.arrears == 176_544
    centre = subsidies.ledger(ctx, year=2024, county=SHANYANG, as_of=AS_OF).lines_of(FAMILY_DOCTOR)[0]
    assert centre.outstanding_by_source == {"市级": 0, "区级": 176_544}
    during_the_year = subsidies.ledger(ctx, year=2024, county=SHANYANG, as_of=date(2024, 12, 31))
    assert during_the_year.summaries[1].overdue_payees == 0


def test_every_posting_is_audited_with_the_user(registry) -> None:
    ctx = registry
    subsidies.post_payment(ctx, payment=pay("V-101", "XW-A", 600_000))
    subsidies.reverse_payment(ctx, voucher_no="V-101", reversal_voucher_no="V-102", paid_on=date(2024, 6, 2),
                              amount_fen=100_000)
    rows = audit.entries_for(ctx.db, "subsidy_payments", "V-101") + audit.entries_for(ctx.db, "subsidy_payments", "V-102")
    assert [(r["action"], r["actor"]) for r in rows] == [("post_payment", "test:clerk"), ("reverse_payment", "test:clerk")]
    assert audit.verify_chain(ctx.db).ok
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ctx.db.execute("UPDATE subsidy_payments SET amount_fen = 1 WHERE voucher_no = 'V-101'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ctx.db.execute("DELETE FROM subsidy_payments WHERE voucher_no = 'V-101'")


@pytest.mark.parametrize(
    ("payment", "field", "reason"),
    [
        (pay("B-1", "NO-SUCH", 600_000), "payee", "收款对象不存在"),
        (pay("B-2", person(9), 100, programme=ELDERLY_ALLOWANCE), "payee", "不在人员表中"),
        (pay("V-900", "XW-A", 100), "voucher_no", "已存在"),
        (pay("B-3", "XW-A", -100), "amount", "负数只能用于冲销"),
        (pay("B-4", "XW-A", 450_000, year=2022, on=date(2023, 9, 1)), "year", "不含2022年"),
        (pay("B-5", "XW-A", 100, on=date(2023, 7, 1)), "paid_on", "早于政策施行日"),
        (pay("B-6", "XW-CENTRE", 500_000, programme=FAMILY_DOCTOR, source="市级"), "source", "只能是县级"),
        (pay("B-7", "SY-A", 600_000, source="县级"), "source", "只能是区级"),
        (pay("B-8", "XW-CENTRE", 600_000), "payee", "不是村卫生室"),
        (pay("B-9", "XW-A", -100, reverses="V-404"), "reverses", "不存在"),
        (pay("B-10", "XW-A", 12_345_678_900, year=2024, on=date(2099, 1, 1)), "paid_on", "晚于今天"),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_nothing_written(registry, payment, field, reason) -> None:
    ctx = registry
    subsidies.post_payment(ctx, payment=pay("V-900", "XW-SHARED", 100))
    before = (subsidies_repo.payment_count(ctx.db), audit.count(ctx.db))
    with pytest.raises(ValidationError) as refused:
        subsidies.post_payment(ctx, payment=payment, confirm_overpayment=True)
    assert any(p.field == field and reason in p.reason for p in refused.value.problems), refused.value.problems
    assert (subsidies_repo.payment_count(ctx.db), audit.count(ctx.db)) == before


def test_reversals_cannot_exceed_the_original(registry) -> None:
    ctx = registry
    subsidies.post_payment(ctx, payment=pay("V-1", "XW-A", 600_000))
    subsidies.reverse_payment(ctx, voucher_no="V-1", reversal_voucher_no="R-1", paid_on=date(2024, 6, 2), amount_fen=400_000)
    with pytest.raises(ValidationError, match="尚可冲销2,000.00元"):
        subsidies.reverse_payment(ctx, voucher_no="V-1", reversal_voucher_no="R-2", paid_on=date(2024, 6, 3), amount_fen=300_000)
    with pytest.raises(ValidationError, match="本身是冲销凭证"):
        subsidies.reverse_payment(ctx, voucher_no="R-1", reversal_voucher_no="R-3", paid_on=date(2024, 6, 3))
    with pytest.raises(NotFound):
        subsidies.reverse_payment(ctx, voucher_no="V-404", reversal_voucher_no="R-4", paid_on=date(2024, 6, 3))
    subsidies.reverse_payment(ctx, voucher_no="V-1", reversal_voucher_no="R-5", paid_on=date(2024, 6, 3))
    assert subsidies_repo.reversed_total(ctx.db, "V-1") == -600_000


def test_bad_budgets_are_refused(registry) -> None:
    ctx = registry
    for budget, reason in (
        (Budget(CLINIC_OPERATING, 2024, f"{TOWN}000", "县级", 100), "不是县（市、区）代码"),
        (Budget(FAMILY_DOCTOR, 2024, XIUWU, "中央", 100), "只能是县级"),
        (Budget(CLINIC_OPERATING, 2022, XIUWU, "县级", 100), "不含2022年"),
        (Budget(CLINIC_OPERATING, 2024, XIUWU, "县级", -1), "不能为负数"),
    ):
        with pytest.raises(ValidationError, match=reason):
            subsidies.save_budget(ctx, budget=budget)
    assert subsidies_repo.budgets(ctx.db) == []
    subsidies.save_budget(ctx, budget=Budget(CLINIC_OPERATING, 2024, XIUWU, "县级", 100))
    subsidies.save_budget(ctx, budget=Budget(CLINIC_OPERATING, 2024, XIUWU, "县级", 200))
    assert [b.amount_fen for b in subsidies_repo.budgets(ctx.db)] == [200]
    assert [r["action"] for r in audit.entries_for(ctx.db, "subsidy_budgets", f"{CLINIC_OPERATING}:2024:{XIUWU}:县级")] == [
        "save_budget", "save_budget"]


def test_scope_limits_postings_and_the_ledger(registry) -> None:
    ctx = registry
    ctx.actor = Actor("test:xiuwu", role=HEALTH_ADMIN, scope_code=XIUWU)
    subsidies.post_payment(ctx, payment=pay("S-1", "XW-A", 100))
    with pytest.raises(PermissionDenied):
        subsidies.post_payment(ctx, payment=pay("S-2", "SY-A", 100, source="区级"))
    with pytest.raises(PermissionDenied):
        subsidies.ledger(ctx, year=2024, county=SHANYANG)
    with pytest.raises(PermissionDenied):
        subsidies.set_allowance_rate(ctx, county_code=SHANYANG, from_year=2023, amount_fen=100)
    visible = subsidies.ledger(ctx, year=2024, as_of=AS_OF)
    assert {s.county_code for s in visible.summaries} == {XIUWU}
    ctx.actor = Actor("test:reader", role=READ_ONLY, scope_code=XIUWU)
    with pytest.raises(PermissionDenied):
        subsidies.post_payment(ctx, payment=pay("S-3", "XW-A", 100))
    assert subsidies.payee_detail(ctx, programme=CLINIC_OPERATING, year=2024, payee="XW-A").line.paid == 100


def test_subsidies_document(registry) -> None:
    ctx = registry
    subsidies.post_payment(ctx, payment=pay("V-1", "XW-SHARED", 450_000))
    subsidies.post_payment(ctx, payment=pay("V-2", "SY-CENTRE", 200_000, programme=FAMILY_DOCTOR, source="市级"))
    subsidies.post_payment(ctx, payment=pay("V-3", "XW-A", 100_000, on=date(2025, 6, 1)))  # after as_of: not counted
    document = subsidies.subsidies_document(ctx, AS_OF)
    assert {d["year"] for d in document} == {2023, 2024, 2025}
    shared = next(d for d in document if d["payee"] == "XW-SHARED" and d["year"] == 2024)
    assert shared == {"programme": CLINIC_OPERATING, "year": 2024, "county": XIUWU, "payee": "XW-SHARED",
                      "entitled": 6000.0, "paid": 4500.0, "outstanding": 1500.0, "shares": {"市级": 0.0, "县级": 6000.0},
                      "paid_by_source": {"县级": 4500.0}, "overdue": True, "overpaid": False}
    centre = next(d for d in document if d["payee"] == "SY-CENTRE")
    assert centre["shares"] == {"市级": 2000.0, "区级": 3000.0} and centre["outstanding"] == 3000.0
    allowance = next(d for d in document if d["programme"] == ELDERLY_ALLOWANCE and d["year"] == 2024)
    assert allowance["entitled"] is None and allowance["note"] == STANDARD_NOT_SET
    assert allowance["payee"].startswith("4108") and "*" in allowance["payee"]
    a_2024 = next(d for d in document if d["payee"] == "XW-A" and d["year"] == 2024 and d["programme"] == CLINIC_OPERATING)
    assert a_2024["paid"] == 0.0
    statement = subsidies.statement_data(ctx, division_code=XIUWU, year=2024, as_of=AS_OF)
    assert statement.division_name == "修武县" and statement.ledger.summaries[0].entitled == 1_200_000
    assert statement.titles[CLINIC_OPERATING] == "行政村卫生室基本运行经费补助"


def test_upgrade_keeps_a_database_and_adds_the_tables(registry) -> None:
    tables = set(registry.db.table_names())
    assert {"subsidy_budgets", "subsidy_payments", "subsidy_allowance_rates"} <= tables


def test_payment_normalisation_keeps_staff_ids_upper_case(registry) -> None:
    ctx = registry
    subsidies.set_allowance_rate(ctx, county_code=XIUWU, from_year=2023, amount_fen=120_000)
    subsidies.post_payment(ctx, payment=replace(pay("A-9", " " + RETIRED.lower() + " ", 120_000, programme=ELDERLY_ALLOWANCE)))
    assert subsidies_repo.get_payment(ctx.db, "A-9").payment.payee == RETIRED
