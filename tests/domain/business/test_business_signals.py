"""Fraud signals from plain records."""

from __future__ import annotations

from datetime import date

from ib_testkit import CATALOGUE, OTHER_TOWNSHIP, application, business, make_id, params

from desktop_app.domain.business.signals import (
    BUSINESS_CLAIMED_TWICE,
    HIRE_CLAIMED_TWICE,
    ID_IN_SEVERAL_COUNTIES,
    PERSON_CLAIMED_TWICE,
    RECEIVED_BEFORE_REGISTRATION,
    duplicate_claims,
    duplicate_hires,
    find_signals,
    ids_in_several_counties,
    received_before_registration,
)

DAY = date(2024, 6, 1)
PERSON = make_id()


def test_same_person_claims_the_startup_subsidy_twice_through_two_businesses():
    first, second = business(1), business(2)
    apps = [application("ib.startup_subsidy", DAY, uscc=first.uscc), application("ib.startup_subsidy", DAY, uscc=second.uscc)]
    signals = duplicate_claims(apps, [first, second])
    assert [s.kind for s in signals] == [PERSON_CLAIMED_TWICE]
    assert signals[0].id_number == PERSON and PERSON not in signals[0].message
    assert set(signals[0].receipt_nos) == {a.receipt_no for a in apps}


def test_refused_and_withdrawn_claims_are_ignored():
    shop = business()
    apps = [application("ib.startup_subsidy", DAY, uscc=shop.uscc), application("ib.startup_subsidy", DAY, uscc=shop.uscc, status="不予批准"),
            application("ib.startup_subsidy", DAY, uscc=shop.uscc, status="已撤回")]
    assert duplicate_claims(apps, [shop]) == []


def test_business_claims_the_directory_award_twice_and_bookkeeping_per_year():
    shop = business()
    apps = [application("ib.directory_award", DAY, uscc=shop.uscc), application("ib.directory_award", DAY, uscc=shop.uscc),
            application("ib.conversion_bookkeeping", DAY, uscc=shop.uscc, facts={"补贴年度": "2024"}),
            application("ib.conversion_bookkeeping", DAY, uscc=shop.uscc, facts={"补贴年度": "2025"})]
    signals = duplicate_claims(apps, [shop])
    assert [(s.kind, len(s.receipt_nos)) for s in signals] == [(BUSINESS_CLAIMED_TWICE, 2)]


def test_skill_subsidy_limit_per_year_from_the_catalogue():
    limit = params("emp.skill_subsidy")["max_per_year"]
    day = date(2023, 9, 1)
    apps = [application("emp.skill_subsidy", day, id_number=PERSON) for _ in range(limit)]
    assert duplicate_claims(apps, [], catalogue=CATALOGUE) == []
    apps.append(application("emp.skill_subsidy", day, id_number=PERSON))
    signals = duplicate_claims(apps, [], catalogue=CATALOGUE)
    assert len(signals) == 1 and "2023年" in signals[0].message


def test_hired_person_in_two_hiring_applications():
    hire = make_id(date(2000, 1, 1), 31)
    one, two = business(1), business(2, operator_id_number=make_id(serial=9))
    apps = [application("emp.expansion_subsidy", DAY, uscc=one.uscc, facts={"招用人员": hire}),
            application("emp.absorption_subsidy", DAY, uscc=two.uscc, facts={"招用人员": f"{make_id(serial=40)},{hire}"})]
    signals = duplicate_hires(apps)
    assert [s.kind for s in signals] == [HIRE_CLAIMED_TWICE]
    assert signals[0].id_number == hire and set(signals[0].usccs) == {one.uscc, two.uscc}


def test_same_operator_in_two_counties():
    here, there = business(1), business(2, township_code=OTHER_TOWNSHIP)
    signals = ids_in_several_counties([here, there, business(3)])
    assert [s.kind for s in signals] == [ID_IN_SEVERAL_COUNTIES]
    assert ids_in_several_counties([here, business(3)]) == []


def test_application_before_registration():
    shop = business(registered_on=DAY)
    early = application("ib.directory_award", date(2024, 5, 31), uscc=shop.uscc)
    on_time = application("ib.directory_award", DAY, uscc=shop.uscc)
    signals = received_before_registration([early, on_time], [shop])
    assert [(s.kind, s.receipt_nos) for s in signals] == [(RECEIVED_BEFORE_REGISTRATION, (early.receipt_no,))]


def test_find_signals_combines_all_kinds():
    shop, there = business(1, registered_on=DAY), business(2, township_code=OTHER_TOWNSHIP)
    apps = [application("ib.startup_subsidy", date(2024, 1, 1), uscc=shop.uscc), application("ib.startup_subsidy", DAY, uscc=there.uscc)]
    kinds = {s.kind for s in find_signals(apps, [shop, there], catalogue=CATALOGUE)}
    assert kinds == {PERSON_CLAIMED_TWICE, ID_IN_SEVERAL_COUNTIES, RECEIVED_BEFORE_REGISTRATION}
