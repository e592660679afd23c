"""ib.directory_award: directory entry by the receipt date, once per business, county amount >= minimum."""

from __future__ import annotations

from datetime import date

import pytest
from ib_testkit import CATALOGUE, COUNTY, ONE_DAY, MemoryHistory, application, business, check, condition, failed_keys, fen

from desktop_app.domain.business.eligibility import CountySettings, check_county_amount
from desktop_app.domain.errors import ValidationError

RULE = "ib.directory_award"
MINIMUM = fen(RULE, "min_amount")
JOINED = date(2024, 5, 20)


def setup(**changes):
    shop = business(directory_joined_on=JOINED, **changes)
    return shop, MemoryHistory([shop])


def test_eligible_on_the_day_of_entry_with_the_minimum_by_default():
    shop, history = setup()
    result = check(application(RULE, JOINED, uscc=shop.uscc), history)
    assert result.eligible and result.amount_fen == MINIMUM
    assert any("最低标准" in r for r in result.reasons)


def test_entry_after_the_receipt_date_is_not_eligible():
    shop, history = setup()
    result = check(application(RULE, JOINED - ONE_DAY, uscc=shop.uscc), history)
    assert failed_keys(result) == ["directory"]


def test_never_entered_the_directory():
    shop = business()
    result = check(application(RULE, JOINED, uscc=shop.uscc), MemoryHistory([shop]))
    assert condition(result, "directory").passed is False
    assert result.reasons == ["个体工商户未登记进入“名特优新”名录库"]


def test_business_must_be_operating():
    shop, history = setup(status="注销")
    assert failed_keys(check(application(RULE, JOINED, uscc=shop.uscc), history)) == ["active"]


def test_once_per_business():
    shop, history = setup()
    history.applications.append(application(RULE, JOINED, uscc=shop.uscc, status="已批准"))
    assert failed_keys(check(application(RULE, JOINED + ONE_DAY, uscc=shop.uscc), history)) == ["once_per_business"]


def test_county_amount_above_the_minimum_is_used():
    shop, history = setup()
    settings = CountySettings(amounts_fen={(COUNTY, RULE): MINIMUM + 100000})
    result = check(application(RULE, JOINED, uscc=shop.uscc), history, settings=settings)
    assert result.amount_fen == MINIMUM + 100000
    other_county = CountySettings(amounts_fen={("410882000000", RULE): MINIMUM + 100000})
    assert check(application(RULE, JOINED, uscc=shop.uscc), history, settings=other_county).amount_fen == MINIMUM


def test_county_amount_below_the_minimum_is_never_paid():
    shop, history = setup()
    settings = CountySettings(amounts_fen={(COUNTY, RULE): MINIMUM - 1})
    result = check(application(RULE, JOINED, uscc=shop.uscc), history, settings=settings)
    assert result.amount_fen == MINIMUM
    assert any("低于政策最低标准" in r for r in result.reasons)


def test_settings_page_refuses_an_amount_below_the_minimum():
    check_county_amount(CATALOGUE, RULE, MINIMUM, day=JOINED)
    with pytest.raises(ValidationError, match="低于政策最低标准"):
        check_county_amount(CATALOGUE, RULE, MINIMUM - 1, day=JOINED)
    with pytest.raises(ValidationError, match="不由县区设定"):
        check_county_amount(CATALOGUE, "ib.startup_subsidy", MINIMUM, day=JOINED)
