"""Subsidy entitlements and ledger arithmetic, computed by hand: clinic operating subsidy 4,500 then
6,000 (one per shared clinic, none after a lapsed licence or in a natural village), family-doctor
shares (修武县 all county, 山阳区 2 + 3 yuan), the allowance with and without a county rate,
rounding to the fen, over-payment, reversal and overdue."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import MappingProxyType

import pytest

from desktop_app.domain.divisions import FIVE_DISTRICTS, SIX_COUNTIES, Division
from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.rules.catalogue import Catalogue
from desktop_app.domain.subsidies import (
    CLINIC_OPERATING,
    ELDERLY_ALLOWANCE,
    FAMILY_DOCTOR,
    STANDARD_NOT_SET,
    Budget,
    ClinicFacts,
    PaidFacts,
    Payment,
    SignedFacts,
    build_ledger,
    clinic_operating,
    covers_year,
    elderly_allowance_entitlement,
    family_doctor,
    governing_entry,
    overpayment_message,
    paid_on_problem,
    rate_for,
    resolve_programme,
    reversal_problems,
    source_problem,
    split_fen,
    year_problem,
)
from desktop_app.resources import resource_path

XIUWU = Division("410821000000", "修武县", "county", "410800000000", "county", SIX_COUNTIES)
SHANYANG = Division("410811000000", "山阳区", "county", "410800000000", "district", FIVE_DISTRICTS)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(resource_path("policy", "rules.json"))


def entry(catalogue: Catalogue, programme: str, year: int):
    return governing_entry(catalogue, programme, year)


def clinic(code: str, host_kind: str | None, valid_until: date | None, *, served: tuple[str, ...] = ()) -> ClinicFacts:
    facility = Facility(code, f"{code}卫生室", "村卫生室", "410821100201", served_village_codes=served,
                        licence_no="PDY1", licence_valid_until=valid_until)
    return ClinicFacts(facility, host_kind)


def test_clinic_operating_amounts_by_year(catalogue) -> None:
    licensed = clinic("C1", "行政村", date(2030, 6, 30))
    amounts = {y: clinic_operating(entry(catalogue, CLINIC_OPERATING, y), licensed, y, XIUWU).amount_fen
               for y in (2023, 2024, 2025)}
    assert amounts == {2023: 450_000, 2024: 600_000, 2025: 600_000}
    after_the_plan = clinic_operating(entry(catalogue, CLINIC_OPERATING, 2026), licensed, 2026, XIUWU)
    assert after_the_plan.amount_fen == 600_000 and "2025-12-31到期" in after_the_plan.basis
    paid_by = clinic_operating(entry(catalogue, CLINIC_OPERATING, 2024), licensed, 2024, XIUWU)
    assert dict(paid_by.shares) == {"县级": 600_000}
    district = clinic_operating(entry(catalogue, CLINIC_OPERATING, 2024), licensed, 2024, SHANYANG)
    assert dict(district.shares) == {"区级": 600_000}


def test_a_shared_clinic_gets_one_subsidy(catalogue) -> None:
    shared = clinic("C2", "行政村", date(2030, 1, 1), served=("410821100201", "410821100202", "410821100203"))
    result = clinic_operating(entry(catalogue, CLINIC_OPERATING, 2024), shared, 2024, XIUWU)
    assert result.amount_fen == 600_000


def test_lapsed_licence_natural_village_and_blank_expiry(catalogue) -> None:
    rule = entry(catalogue, CLINIC_OPERATING, 2024)
    lapsed = clinic_operating(rule, clinic("C3", "行政村", date(2023, 12, 31)), 2024, XIUWU)
    assert lapsed.amount_fen == 0 and "2023-12-31到期" in lapsed.basis
    last_day = clinic_operating(entry(catalogue, CLINIC_OPERATING, 2023), clinic("C3", "行政村", date(2023, 1, 1)), 2023, XIUWU)
    assert last_day.amount_fen == 450_000  # valid on one day of the year is enough
    natural = clinic_operating(rule, clinic("C4", "自然村", date(2030, 1, 1)), 2024, XIUWU)
    assert natural.amount_fen == 0 and "自然村" in natural.basis
    blank = clinic_operating(rule, clinic("C5", "行政村", None), 2024, XIUWU)
    assert blank.amount_fen is None and blank.gap == "许可证有效期未填写" and not blank.shares


def test_family_doctor_shares_county_and_district(catalogue) -> None:
    rule = entry(catalogue, FAMILY_DOCTOR, 2024)
    facility = Facility("W1", "卫生院", "乡镇卫生院", "410821100000", service_population=1)
    county = family_doctor(rule, SignedFacts(facility, 1_234), 2024, XIUWU)
    assert county.amount_fen == 617_000 and dict(county.shares) == {"县级": 617_000}
    district = family_doctor(rule, SignedFacts(facility, 1_234), 2024, SHANYANG)
    assert district.amount_fen == 617_000
    assert dict(district.shares) == {"市级": 246_800, "区级": 370_200}  # 2 and 3 yuan per person
    blank = family_doctor(rule, SignedFacts(facility, None), 2024, SHANYANG)
    assert blank.amount_fen is None and blank.gap == "签约人数未填写"


def test_rounding_to_the_fen(catalogue) -> None:
    raw = json.loads(resource_path("policy", "rules.json").read_text(encoding="utf-8"))
    for rule in raw["rules"]:
        if rule["id"] == FAMILY_DOCTOR:
            rule["params"] = dict(rule["params"], yuan_per_signed_person=4.99, district_split={"市级": 1, "区级": 2})
    odd = Catalogue.from_json(raw)
    facility = Facility("W1", "卫生院", "乡镇卫生院", "410811001000", service_population=1)
    result = family_doctor(governing_entry(odd, FAMILY_DOCTOR, 2024), SignedFacts(facility, 7), 2024, SHANYANG)
    assert result.amount_fen == 3_493  # 7 × 4.99 = 34.93 yuan
    assert dict(result.shares) == {"市级": 1_164, "区级": 2_329}  # 1164.33 → 1164, the rest to 区级
    assert split_fen(100, {"市级": 1, "区级": 1, "县级": 1}) == {"市级": 33, "区级": 33, "县级": 34}
    assert split_fen(5, {"市级": 1, "区级": 1}) == {"市级": 3, "区级": 2}  # 2.5 rounds half up


def person(serial: int, birth: str = "19550301") -> str:
    first17 = f"410821{birth}{serial:03d}"
    return first17 + id_check_character(first17)


def test_allowance_needs_the_county_rate(catalogue) -> None:
    rule = entry(catalogue, ELDERLY_ALLOWANCE, 2024)
    clinic_facility = Facility("C1", "甲村卫生室", "村卫生室", "410821100201")
    retired = StaffMember(person(1), "王医生", "C1", category="乡村医生", township_hired=False, status="退出",
                          left_on=date(2023, 3, 1))
    unset = elderly_allowance_entitlement(rule, retired, clinic_facility, 2024, XIUWU, None)
    assert unset is not None and unset.amount_fen is None and unset.gap == STANDARD_NOT_SET
    rates = {(XIUWU.code, 2023): 120_000, (XIUWU.code, 2025): 150_000}
    assert [rate_for(rates, XIUWU.code, y) for y in (2022, 2023, 2024, 2025)] == [None, 120_000, 120_000, 150_000]
    paid = elderly_allowance_entitlement(rule, retired, clinic_facility, 2024, XIUWU, rate_for(rates, XIUWU.code, 2024))
    assert paid.amount_fen == 120_000 and dict(paid.shares) == {"县级": 120_000}
    young = replace(retired, id_number=person(2, "19700301"))
    assert elderly_allowance_entitlement(rule, young, clinic_facility, 2024, XIUWU, 120_000) is None
    later = replace(retired, left_on=date(2025, 2, 1))
    assert elderly_allowance_entitlement(rule, later, clinic_facility, 2024, XIUWU, 120_000) is None
    blank = replace(retired, township_hired=None)
    unknown = elderly_allowance_entitlement(rule, blank, clinic_facility, 2024, XIUWU, 120_000)
    assert unknown.amount_fen is None and "乡聘村用" in unknown.basis


def test_years_sources_dates_and_programme_names(catalogue) -> None:
    assert not covers_year(catalogue.family(CLINIC_OPERATING), 2022)
    assert covers_year(catalogue.family(CLINIC_OPERATING), 2023)
    assert "不含2022年" in year_problem(catalogue, CLINIC_OPERATING, 2022).reason
    assert source_problem(catalogue, FAMILY_DOCTOR, 2024, SHANYANG, "市级") is None
    assert "县级" in source_problem(catalogue, FAMILY_DOCTOR, 2024, XIUWU, "市级").reason
    assert source_problem(catalogue, CLINIC_OPERATING, 2024, SHANYANG, "市级") is not None
    assert source_problem(catalogue, CLINIC_OPERATING, 2024, XIUWU, "中央") is not None
    assert paid_on_problem(catalogue, CLINIC_OPERATING, date(2023, 7, 1), date(2025, 1, 1)) is not None
    assert paid_on_problem(catalogue, CLINIC_OPERATING, date(2025, 1, 2), date(2025, 1, 1)) is not None
    assert paid_on_problem(catalogue, CLINIC_OPERATING, date(2023, 9, 1), date(2025, 1, 1)) is None
    assert resolve_programme(catalogue, "行政村卫生室基本运行经费补助") == CLINIC_OPERATING
    assert resolve_programme(catalogue, FAMILY_DOCTOR) == FAMILY_DOCTOR
    assert resolve_programme(catalogue, "hc.facility.licence") is None


def pay(voucher: str, amount: int, *, reverses: str | None = None, on: date = date(2024, 5, 1)) -> Payment:
    return Payment(voucher, CLINIC_OPERATING, 2024, "C1", amount, "县级", on, reverses)


def test_reversal_rules() -> None:
    original = pay("V1", 600_000)
    assert reversal_problems(pay("R1", -600_000, reverses="V1"), original, 0) == []
    assert "尚可冲销" in reversal_problems(pay("R2", -100_000, reverses="V1"), original, -550_000)[0].reason
    assert "没有注明" in reversal_problems(pay("R3", -100), None, 0)[0].reason
    assert "不存在" in reversal_problems(pay("R4", -100, reverses="V9"), None, 0)[0].reason
    assert "不能早于" in reversal_problems(pay("R5", -100, reverses="V1", on=date(2024, 4, 1)), original, 0)[0].reason
    other = replace(pay("R6", -100, reverses="V1"), payee="C2")
    assert "收款对象" in reversal_problems(other, original, 0)[0].reason


def test_ledger_sums_overdue_and_overpayment(catalogue) -> None:
    rule = entry(catalogue, CLINIC_OPERATING, 2024)
    paid_in_full = clinic_operating(rule, clinic("C1", "行政村", date(2030, 1, 1)), 2024, XIUWU)
    owed = clinic_operating(rule, clinic("C2", "行政村", date(2030, 1, 1)), 2024, XIUWU)
    over = clinic_operating(rule, clinic("C3", "行政村", date(2030, 1, 1)), 2024, XIUWU)
    none = clinic_operating(rule, clinic("C4", "自然村", date(2030, 1, 1)), 2024, XIUWU)
    paid = [
        PaidFacts(CLINIC_OPERATING, "C1", "C1卫生室", "facility", XIUWU.code, "410821100201", MappingProxyType({"县级": 600_000}), 2),
        PaidFacts(CLINIC_OPERATING, "C2", "C2卫生室", "facility", XIUWU.code, "410821100201", MappingProxyType({"县级": 450_000}), 1),
        PaidFacts(CLINIC_OPERATING, "C3", "C3卫生室", "facility", XIUWU.code, "410821100201", MappingProxyType({"县级": 750_000}), 2),
        PaidFacts(CLINIC_OPERATING, "C9", "旧卫生室", "facility", XIUWU.code, "410821100202", MappingProxyType({"县级": 100_000}), 1),
    ]
    budgets = [Budget(CLINIC_OPERATING, 2024, XIUWU.code, "县级", 2_000_000)]
    entries = {p: entry(catalogue, p, 2024) for p in (CLINIC_OPERATING, FAMILY_DOCTOR, ELDERLY_ALLOWANCE)}
    during = build_ledger(year=2024, as_of=date(2024, 12, 31), entitlements=[paid_in_full, owed, over, none], paid=paid,
                          budgets=budgets, counties=[XIUWU.code], entries=entries)
    assert [l.entitlement.payee for l in during.lines] == ["C1", "C2", "C3", "C9"]  # C4: nothing due, nothing paid
    assert [l.status for l in during.lines] == ["已拨足", "未拨足", "超发", "超发"]
    after = build_ledger(year=2024, as_of=date(2025, 1, 1), entitlements=[paid_in_full, owed, over, none], paid=paid,
                         budgets=budgets, counties=[XIUWU.code], entries=entries)
    summary = after.summaries[0]
    assert summary.programme == CLINIC_OPERATING and summary.entitled == 1_800_000
    assert summary.paid == 1_900_000 and summary.budgeted == 2_000_000
    assert (summary.arrears, summary.overpaid) == (150_000, 250_000)
    assert (summary.overdue_payees, summary.overpaid_payees) == (1, 2)
    assert summary.outstanding == -100_000
    assert dict(after.total(CLINIC_OPERATING).entitled_by_source) == {"县级": 1_800_000}
    owed_line = after.lines[1]
    assert owed_line.overdue and owed_line.outstanding == 150_000 and owed_line.status == "逾期未拨"
    assert owed_line.outstanding_by_source == {"县级": 150_000}


def test_overpayment_message() -> None:
    assert overpayment_message(None, 0, 100) is not None  # nothing due: any payment is over
    assert overpayment_message(None, 0, -100) is None  # a reversal never over-pays
