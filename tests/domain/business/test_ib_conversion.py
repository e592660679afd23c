"""ib.conversion_award and ib.conversion_bookkeeping (个转企)."""

from __future__ import annotations

from datetime import date

import pytest
from ib_testkit import ONE_DAY, MemoryHistory, application, business, check, condition, failed_keys, fen, make_uscc, params

from desktop_app.domain.business.evaluation import add_years

AWARD = "ib.conversion_award"
BOOKS = "ib.conversion_bookkeeping"
P = params(AWARD)
AFTER = date.fromisoformat(P["converted_on_or_after"])
REGISTERED = add_years(AFTER, -P["min_age_years"])
CONVERTED = AFTER
RECEIVED = max(add_years(CONVERTED, P["min_enterprise_years"]), date(2023, 7, 13))
TAX_OK = {"按期申报": "是", "连续纳税月数": str(P["min_tax_months"])}


def converted_shop(serial: int = 1, **changes):
    values = {"registered_on": REGISTERED, "converted_on": CONVERTED, "status": "已转企", "enterprise_type": "有限公司",
              "enterprise_uscc": make_uscc(serial + 500, prefix="91")}
    values.update(changes)
    return business(serial, **values)


def award(shop, received=RECEIVED, facts=None, **changes):
    return application(AWARD, received, uscc=shop.uscc, facts=TAX_OK if facts is None else facts, **changes)


def test_eligible_at_every_boundary():
    shop = converted_shop()
    result = check(award(shop), MemoryHistory([shop]))
    assert result.eligible, result.reasons
    assert result.amount_fen == fen(AWARD, "min_amount")


def test_converted_on_2021_12_31_is_too_early():
    shop = converted_shop(converted_on=date(2021, 12, 31), registered_on=date(2019, 1, 1))
    result = check(award(shop, received=date(2023, 8, 1)), MemoryHistory([shop]))
    assert failed_keys(result) == ["converted_after"]


def test_business_must_be_two_years_old_at_conversion():
    shop = converted_shop(registered_on=REGISTERED + ONE_DAY)
    assert failed_keys(check(award(shop), MemoryHistory([shop]))) == ["age_at_conversion"]


def test_one_year_as_an_enterprise_by_the_receipt_date():
    shop = converted_shop(converted_on=date(2023, 3, 1))
    due = add_years(date(2023, 3, 1), P["min_enterprise_years"])
    assert check(award(shop, received=due), MemoryHistory([shop])).eligible
    assert failed_keys(check(award(shop, received=due - ONE_DAY), MemoryHistory([shop]))) == ["enterprise_years"]


def test_status_must_be_converted():
    shop = converted_shop(status="存续")
    assert failed_keys(check(award(shop), MemoryHistory([shop]))) == ["converted"]


@pytest.mark.parametrize(
    ("facts", "key", "passed"),
    [
        ({"按期申报": "是", "连续纳税月数": str(P["min_tax_months"] - 1)}, "tax_months", False),
        ({"按期申报": "否", "连续纳税月数": "12"}, "filed_on_time", False),
        ({"连续纳税月数": "12"}, "filed_on_time", None),
        ({"按期申报": "是"}, "tax_months", None),
    ],
)
def test_tax_facts(facts, key, passed):
    shop = converted_shop()
    result = check(award(shop, facts=facts), MemoryHistory([shop]))
    assert failed_keys(result) == [key]
    assert condition(result, key).passed is passed


def test_missing_fact_is_named_in_the_reasons():
    shop = converted_shop()
    result = check(award(shop, facts={"按期申报": "是"}), MemoryHistory([shop]))
    assert result.reasons == ["缺少申请事实“连续纳税月数”"]


def test_malformed_and_unknown_facts_fail():
    shop = converted_shop()
    result = check(award(shop, facts={"按期申报": "是", "连续纳税月数": "三", "等级": "A"}), MemoryHistory([shop]))
    assert not result.eligible
    assert condition(result, "facts").passed is False
    assert "未知的申请事实“等级”" in condition(result, "facts").facts
    assert condition(result, "tax_months").message == "申请事实“连续纳税月数”填写有误"


def test_credit_record():
    shop = converted_shop(credit_flag=True)
    assert failed_keys(check(award(shop), MemoryHistory([shop]))) == ["credit"]
    shop = converted_shop(credit_flag=None)
    assert condition(check(award(shop), MemoryHistory([shop])), "credit").passed is None


def test_first_conversion_of_the_operator_only():
    first = converted_shop(1)
    second = converted_shop(2)
    history = MemoryHistory([first, second])
    history.applications.append(award(first, status="已发放"))
    result = check(award(second, received=RECEIVED + ONE_DAY), history)
    assert failed_keys(result) == ["first_conversion"]
    assert "仅首次转企可享受" in result.reasons[0]


def test_award_granted_under_the_enterprise_code_also_counts():
    shop = converted_shop()
    history = MemoryHistory([shop])
    history.applications.append(application(AWARD, RECEIVED, uscc=shop.enterprise_uscc, facts=TAX_OK, status="已批准"))
    assert failed_keys(check(award(shop, received=RECEIVED + ONE_DAY), history)) == ["first_conversion"]
    assert check(application(AWARD, RECEIVED, uscc=shop.enterprise_uscc, facts=TAX_OK), MemoryHistory([converted_shop()])).eligible


def books(shop, year, received=RECEIVED, extra=None, **changes):
    facts = {**TAX_OK, "补贴年度": str(year), "财务制度健全": "是", **(extra or {})}
    return application(BOOKS, received, uscc=shop.uscc, facts=facts, **changes)


def test_bookkeeping_years_after_the_conversion_year():
    shop = converted_shop()
    history = MemoryHistory([shop])
    span = params(BOOKS)["years"]
    for year in range(CONVERTED.year + 1, CONVERTED.year + span + 1):
        result = check(books(shop, year), history)
        assert result.eligible, (year, result.reasons)
        assert result.amount_fen == fen(BOOKS, "amount_per_year")
    for year in (CONVERTED.year, CONVERTED.year + span + 1):
        assert failed_keys(check(books(shop, year), history)) == ["subsidy_year"]


def test_bookkeeping_requires_the_award_conditions_not_the_award():
    shop = converted_shop()
    history = MemoryHistory([shop])
    history.applications.append(award(shop, status="已发放"))
    assert check(books(shop, CONVERTED.year + 1), history).eligible
    late = converted_shop(registered_on=REGISTERED + ONE_DAY)
    result = check(books(late, CONVERTED.year + 1), MemoryHistory([late]))
    assert failed_keys(result) == ["age_at_conversion"]
    assert result.failed_rules == [AWARD]


def test_bookkeeping_refused_when_another_business_of_the_operator_had_the_award():
    shop, other = converted_shop(1), converted_shop(2)
    history = MemoryHistory([shop, other])
    history.applications.append(award(other, status="已批准"))
    assert failed_keys(check(books(shop, CONVERTED.year + 1), history)) == ["first_conversion"]


def test_bookkeeping_books_in_order_and_once_per_year():
    shop = converted_shop()
    history = MemoryHistory([shop])
    assert failed_keys(check(books(shop, CONVERTED.year + 1, extra={"财务制度健全": "否"}), history)) == ["books_in_order"]
    history.applications.append(books(shop, CONVERTED.year + 1, status="已发放"))
    assert failed_keys(check(books(shop, CONVERTED.year + 1, received=RECEIVED + ONE_DAY), history)) == ["once_per_year"]
    assert check(books(shop, CONVERTED.year + 2, received=RECEIVED + ONE_DAY), history).eligible
