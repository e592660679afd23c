"""emp.skill_subsidy, emp.expansion_subsidy / emp.absorption_subsidy, emp.stable_job_return."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from ib_testkit import MemoryHistory, application, business, check, condition, failed_keys, fen, make_id, make_uscc, params

from desktop_app.domain.business.eligibility import CountySettings
from desktop_app.domain.money import parse_yuan

SKILL = "emp.skill_subsidy"
EXPANSION = "emp.expansion_subsidy"
ABSORPTION = "emp.absorption_subsidy"
STABLE = "emp.stable_job_return"
DAY = date(2023, 10, 9)
PERSON = make_id(date(1990, 1, 1), 7)
SP = params(SKILL)


def skill(level="中级", months=None, received=DAY, **changes):
    months = SP["min_insured_months"] if months is None else months
    return application(SKILL, received, id_number=PERSON, facts={"证书等级": level, "参保月数": str(months)}, **changes)


@pytest.mark.parametrize("level", list(SP["amount_by_level"]))
def test_skill_amount_by_level(level):
    result = check(skill(level), MemoryHistory())
    assert result.eligible and result.amount_fen == parse_yuan(str(SP["amount_by_level"][level]))


def test_skill_insured_months_boundary():
    assert failed_keys(check(skill(months=SP["min_insured_months"] - 1), MemoryHistory())) == ["insured_months"]


def test_skill_two_claims_in_the_year_allow_a_third_three_do_not():
    limit = SP["max_per_year"]
    history = MemoryHistory()
    history.applications += [skill(received=date(2023, 8, 20 + i), status="已发放") for i in range(limit - 1)]
    history.applications.append(skill(received=date(2022, 12, 30), status="已发放"))  # another year
    history.applications.append(skill(received=date(2023, 8, 30), status="不予批准"))
    assert check(skill(), history).eligible
    history.applications.append(skill(received=date(2023, 9, 1), status="已批准"))
    result = check(skill(), history)
    assert failed_keys(result) == ["per_year"]
    assert f"每年最多{limit}次" in result.reasons[0]


def test_skill_needs_a_person():
    result = check(application(SKILL, DAY, uscc=make_uscc(1), facts={"证书等级": "初级", "参保月数": "12"}), MemoryHistory())
    assert condition(result, "person").passed is None and not result.eligible


def test_skill_unknown_level_is_refused():
    result = check(skill(level="特级"), MemoryHistory())
    assert not result.eligible and condition(result, "facts").passed is False


A, B, C = (make_id(date(2001, 3, 3), n) for n in (21, 22, 23))


def hiring(policy, shop, hires, received=DAY, **changes):
    return application(policy, received, uscc=shop.uscc, facts={"招用人员": ",".join(hires)}, **changes)


@pytest.mark.parametrize(("policy", "other"), [(EXPANSION, ABSORPTION), (ABSORPTION, EXPANSION)])
def test_hires_paid_under_the_other_subsidy_are_not_counted(policy, other):
    shop, elsewhere = business(1), business(2, operator_id_number=make_id(serial=5))
    history = MemoryHistory([shop, elsewhere])
    assert check(hiring(policy, shop, [A, B]), history).amount_fen == 2 * fen(policy, "amount_per_hire")
    history.applications.append(hiring(other, elsewhere, [A], status="已发放"))
    result = check(hiring(policy, shop, [A, B]), history)
    assert result.eligible and result.amount_fen == fen(policy, "amount_per_hire")
    assert any("不重复享受" in r and A[:4] in r and A not in r for r in result.reasons)


def test_all_hires_already_paid_is_not_eligible():
    shop = business()
    history = MemoryHistory([shop])
    history.applications.append(hiring(ABSORPTION, shop, [A, B], status="已批准"))
    result = check(hiring(EXPANSION, shop, [A, B]), history)
    assert failed_keys(result) == ["hires"] and result.amount_fen is None


def test_same_employer_cannot_claim_a_hire_twice_but_another_employer_may():
    shop, other = business(1), business(2, operator_id_number=make_id(serial=5))
    history = MemoryHistory([shop, other])
    history.applications.append(hiring(EXPANSION, shop, [A], status="已发放"))
    assert check(hiring(EXPANSION, shop, [A, C]), history).amount_fen == fen(EXPANSION, "amount_per_hire")
    assert check(hiring(EXPANSION, other, [A, C]), history).amount_fen == 2 * fen(EXPANSION, "amount_per_hire")


def test_invalid_hire_id_fails_the_facts():
    shop = business()
    result = check(application(EXPANSION, DAY, uscc=shop.uscc, facts={"招用人员": "123"}), MemoryHistory([shop]))
    assert condition(result, "facts").passed is False and not result.eligible


SJ = params(STABLE)


def stable(shop, staff, layoffs, contribution="10000.00"):
    return application(STABLE, DAY, uscc=shop.uscc, facts={"上年度失业保险缴费额": contribution, "参保职工数": str(staff), "裁员人数": str(layoffs)})


def test_small_unit_layoff_rate_boundary():
    shop = business()
    staff = SJ["small_max_staff"]
    at_limit = int(staff * SJ["small_max_layoff_rate"])
    assert check(stable(shop, staff, at_limit), MemoryHistory([shop])).eligible
    assert failed_keys(check(stable(shop, staff, at_limit + 1), MemoryHistory([shop]))) == ["layoff_rate"]


def test_larger_unit_uses_the_national_target():
    shop = business()
    staff = 200
    at_limit = round(staff * SJ["national_target_rate"])
    assert at_limit / staff == SJ["national_target_rate"]
    assert check(stable(shop, staff, at_limit), MemoryHistory([shop])).eligible
    assert failed_keys(check(stable(shop, staff, at_limit + 1), MemoryHistory([shop]))) == ["layoff_rate"]
    assert failed_keys(check(stable(shop, SJ["small_max_staff"] + 1, 2), MemoryHistory([shop]))) == ["layoff_rate"]


def test_national_target_is_a_setting():
    shop = business()
    settings = CountySettings(overrides={(STABLE, "national_target_rate"): 0.06})
    assert check(stable(shop, 200, 12), MemoryHistory([shop]), settings=settings).eligible


def test_return_is_the_sme_share_of_the_contribution_rounded_to_fen():
    shop = business()
    result = check(stable(shop, 10, 0, contribution="1234.57"), MemoryHistory([shop]))
    exact = 123457 * Fraction(str(SJ["sme_rate"]))
    assert result.amount_fen == int(exact + Fraction(1, 2))  # 123457 fen x 60% = 74074.2 -> 74074


def test_layoffs_above_staff_fail():
    shop = business()
    assert failed_keys(check(stable(shop, 5, 6), MemoryHistory([shop]))) == ["layoff_rate"]
