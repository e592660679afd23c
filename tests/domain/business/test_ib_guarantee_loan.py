"""ib.guarantee_loan: loan limits by type, the business must be operating."""

from __future__ import annotations

from datetime import date

import pytest
from ib_testkit import MemoryHistory, application, business, check, condition, failed_keys, fen

from desktop_app.domain.business.facts import shipped_fact_catalogue
from desktop_app.domain.money import format_yuan

RULE = "ib.guarantee_loan"
DAY = date(2024, 4, 1)
LIMITS = {"贴息": fen(RULE, "subsidised_max"), "混合": fen(RULE, "mixed_max"), "非贴息": fen(RULE, "non_subsidised_max")}


def loan(shop, kind: str, amount_fen: int, **changes):
    return application(RULE, DAY, uscc=shop.uscc, facts={"贷款类型": kind, "贷款金额": format_yuan(amount_fen)}, **changes)


def test_fact_options_are_the_three_loan_types():
    assert shipped_fact_catalogue().get(RULE).fact("loan_type").options == tuple(LIMITS)


@pytest.mark.parametrize("kind", list(LIMITS))
def test_loan_at_the_limit_is_eligible_for_the_loan_amount(kind):
    shop = business()
    result = check(loan(shop, kind, LIMITS[kind]), MemoryHistory([shop]))
    assert result.eligible and result.amount_fen == LIMITS[kind]


@pytest.mark.parametrize("kind", list(LIMITS))
def test_one_yuan_above_the_limit_is_not_eligible(kind):
    shop = business()
    result = check(loan(shop, kind, LIMITS[kind] + 100), MemoryHistory([shop]))
    assert failed_keys(result) == ["loan_limit"]
    assert result.amount_fen is None
    assert f"最高{format_yuan(LIMITS[kind])}元" in result.reasons[0]


def test_a_200001_yuan_subsidised_loan():
    shop = business()
    result = check(loan(shop, "贴息", 200_001_00), MemoryHistory([shop]))
    assert not result.eligible
    assert result.reasons == ["贴息创业担保贷款最高200,000.00元，申请200,001.00元超过额度"]


def test_mixed_loan_shows_the_subsidised_part():
    shop = business()
    subsidised = fen(RULE, "mixed_subsidised_max")
    result = check(loan(shop, "混合", LIMITS["混合"]), MemoryHistory([shop]))
    facts = condition(result, "loan_limit").facts
    assert f"财政贴息部分{format_yuan(subsidised)}元" in facts
    assert f"自付息部分{format_yuan(LIMITS['混合'] - subsidised)}元" in facts


def test_closed_business_and_missing_facts():
    shop = business(status="注销")
    assert failed_keys(check(loan(shop, "贴息", 100), MemoryHistory([shop]))) == ["active"]
    shop = business()
    result = check(application(RULE, DAY, uscc=shop.uscc, facts={"贷款类型": "贴息"}), MemoryHistory([shop]))
    assert condition(result, "loan_limit").passed is None
    assert result.reasons == ["缺少申请事实“贷款金额”"]


def test_requested_amount_different_from_the_loan_is_noted():
    shop = business()
    result = check(loan(shop, "贴息", 100_000_00, amount_requested_fen=90_000_00), MemoryHistory([shop]))
    assert result.eligible
    assert "申请金额90,000.00元，核定金额100,000.00元" in result.reasons
