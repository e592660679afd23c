"""ib.startup_subsidy: group on the registration date, first business, one year of operation, once per person."""

from __future__ import annotations

from datetime import date

from ib_testkit import ONE_DAY, MemoryHistory, application, business, check, condition, failed_keys, fen, make_id, params

from desktop_app.domain.business.entities import PersonStatus
from desktop_app.domain.business.evaluation import add_years

RULE = "ib.startup_subsidy"
P = params(RULE)
YEARS = P["min_operating_years"]
GRAD_YEARS = P["graduate_within_years"]
OPERATOR = make_id()
REGISTERED = date(2023, 9, 1)
DUE = add_years(REGISTERED, YEARS)


def setup(*, registered: date = REGISTERED, group: str = "退役军人", since: date | None = date(2015, 1, 1), until: date | None = None, **changes):
    shop = business(registered_on=registered, **changes)
    history = MemoryHistory([shop], [PersonStatus(OPERATOR, group, since=since, until=until)])
    return shop, history


def apply(shop, received: date, **changes):
    return application(RULE, received, **{"uscc": shop.uscc, "id_number": OPERATOR, **changes})


def test_eligible_exactly_one_year_after_registration():
    shop, history = setup()
    result = check(apply(shop, DUE), history)
    assert result.eligible, result.reasons
    assert result.amount_fen == fen(RULE, "amount")
    assert result.failed_rules == []
    assert all(c.passed for c in result.conditions)
    assert {c.key for c in result.conditions} >= {"window", "business", "group", "first_business", "active", "operating_years", "once_per_person"}


def test_one_day_short_of_a_year_is_not_eligible():
    shop, history = setup()
    result = check(apply(shop, DUE - ONE_DAY), history)
    assert not result.eligible and result.amount_fen is None
    assert failed_keys(result) == ["operating_years"]
    assert result.failed_rules == [RULE]
    assert DUE.isoformat() in result.reasons[0]


def test_graduate_within_five_years_of_registration():
    graduated = date(2019, 6, 30)
    boundary = add_years(graduated, GRAD_YEARS)
    shop, history = setup(registered=boundary, group="高校毕业生", since=graduated)
    assert check(apply(shop, add_years(boundary, YEARS)), history).eligible


def test_graduate_five_years_and_one_day_is_not_eligible():
    graduated = date(2019, 6, 30)
    late = add_years(graduated, GRAD_YEARS) + ONE_DAY
    shop, history = setup(registered=late, group="高校毕业生", since=graduated)
    result = check(apply(shop, add_years(late, YEARS)), history)
    assert failed_keys(result) == ["group"]
    assert "高校毕业生（2019-06-30起）" in condition(result, "group").facts


def test_group_must_be_held_on_the_registration_date():
    shop, history = setup(since=REGISTERED + ONE_DAY)
    assert failed_keys(check(apply(shop, DUE), history)) == ["group"]
    shop, history = setup(since=date(2015, 1, 1), until=REGISTERED - ONE_DAY)
    assert failed_keys(check(apply(shop, DUE), history)) == ["group"]
    shop, history = setup(since=REGISTERED, until=REGISTERED)
    assert check(apply(shop, DUE), history).eligible


def test_group_outside_the_list_and_unknown_start():
    shop, history = setup(group="残疾人")
    assert "残疾人" not in P["groups"]
    assert condition(check(apply(shop, DUE), history), "group").passed is False
    shop, history = setup(since=None)
    result = check(apply(shop, DUE), history)
    assert condition(result, "group").passed is None
    assert not result.eligible


def test_no_status_at_all_fails():
    shop = business(registered_on=REGISTERED)
    result = check(apply(shop, DUE), MemoryHistory([shop]))
    assert failed_keys(result) == ["group"]
    assert "无符合条件的人员身份记录" in result.reasons[0]


def test_not_the_first_business():
    shop, history = setup()
    history.businesses.append(business(serial=2, registered_on=REGISTERED - ONE_DAY, status="注销"))
    result = check(apply(shop, DUE), history)
    assert failed_keys(result) == ["first_business"]
    assert "不是首次从事个体经营" in result.reasons[0]


def test_same_day_second_business_still_counts_as_first_and_blank_date_is_unknown():
    shop, history = setup()
    history.businesses.append(business(serial=2, registered_on=REGISTERED))
    assert check(apply(shop, DUE), history).eligible
    history.businesses.append(business(serial=3, registered_on=None))
    assert condition(check(apply(shop, DUE), history), "first_business").passed is None


def test_closed_business_is_not_eligible():
    shop, history = setup(status="注销")
    assert failed_keys(check(apply(shop, DUE), history)) == ["active"]


def test_applicant_must_be_the_operator():
    shop, history = setup()
    result = check(apply(shop, DUE, id_number=make_id(serial=99)), history)
    assert failed_keys(result) == ["applicant_is_operator"]
    assert OPERATOR not in " ".join(result.reasons + [c.facts for c in result.conditions]), "IDs are masked"


def test_once_per_person_across_two_businesses_of_one_operator():
    first, history = setup()
    second = business(serial=2, registered_on=REGISTERED)
    history.businesses.append(second)
    paid = application(RULE, DUE, uscc=first.uscc, status="已发放")
    history.applications.append(paid)
    result = check(application(RULE, DUE + ONE_DAY, uscc=second.uscc), history)
    assert failed_keys(result) == ["once_per_person"]
    assert paid.receipt_no in result.reasons[0]


def test_only_granted_claims_count():
    first, history = setup()
    history.applications += [
        application(RULE, DUE, uscc=first.uscc, status=status) for status in ("已受理", "审核中", "不予批准", "已撤回")
    ]
    assert check(apply(first, DUE), history).eligible


def test_of_two_granted_duplicates_the_later_is_flagged():
    shop, history = setup()
    earlier = application(RULE, DUE, uscc=shop.uscc, id_number=OPERATOR, status="已批准")
    later = application(RULE, DUE + ONE_DAY, uscc=shop.uscc, id_number=OPERATOR, status="已发放")
    history.applications += [earlier, later]
    assert check(earlier, history).eligible
    assert failed_keys(check(later, history)) == ["once_per_person"]
    pending = application(RULE, DUE - ONE_DAY, uscc=shop.uscc, id_number=OPERATOR)
    assert "once_per_person" in failed_keys(check(pending, history)), "a pending claim is blocked even by later grants"


def test_unknown_business_and_missing_operator_id():
    shop, history = setup()
    result = check(application(RULE, DUE, uscc="92410821000000999X"), history)
    assert condition(result, "business").passed is False and not result.eligible
    shop, history = setup(operator_id_number=None)
    result = check(application(RULE, DUE, uscc=shop.uscc), history)
    assert condition(result, "operator").passed is None and not result.eligible
