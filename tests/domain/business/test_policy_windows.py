"""Validity windows by receipt date (after_valid_to: expires) and successor entries (``@2026``)."""

from __future__ import annotations

from datetime import date

import pytest
from ib_testkit import (
    CATALOGUE,
    ONE_DAY,
    MemoryHistory,
    application,
    business,
    catalogue_with,
    check,
    condition,
    failed_keys,
    make_id,
    successor,
)

from desktop_app.domain.business.eligibility import MEASURES
from desktop_app.domain.business.entities import PersonStatus
from desktop_app.domain.business.evaluation import add_years
from desktop_app.domain.money import parse_yuan

RULE = "ib.startup_subsidy"
ENTRY = CATALOGUE.get(RULE)
OPERATOR = make_id()


def startup_case(registered: date):
    shop = business(registered_on=registered)
    return shop, MemoryHistory([shop], [PersonStatus(OPERATOR, "返乡农民工", since=date(2020, 1, 1))])


def test_every_ib_and_emp_rule_is_implemented():
    assert set(MEASURES) == {e.base_id for e in CATALOGUE if e.id.startswith(("ib.", "emp."))}
    assert all(e.after_valid_to == "expires" for e in CATALOGUE if e.id.startswith(("ib.", "emp.")))


def test_last_day_of_the_window_is_eligible_and_the_next_is_not():
    shop, history = startup_case(date(2024, 1, 1))
    assert check(application(RULE, ENTRY.valid_to, uscc=shop.uscc), history).eligible
    late = ENTRY.valid_to + ONE_DAY
    result = check(application(RULE, late, uscc=shop.uscc), history)
    assert failed_keys(result) == ["window"]
    assert result.reasons == [f"该政策已于{ENTRY.valid_to.isoformat()}到期，受理日期{late.isoformat()}不在有效期内"]


def test_the_example_message_of_the_brief():
    shop, history = startup_case(date(2024, 1, 1))
    result = check(application(RULE, date(2026, 1, 5), uscc=shop.uscc), history)
    assert "该政策已于2025-12-31到期，受理日期2026-01-05不在有效期内" in result.reasons


def test_before_the_window_opens():
    day = date(2023, 8, 10)
    entry = CATALOGUE.get("emp.skill_subsidy")
    assert entry.valid_from == day + ONE_DAY
    app = application("emp.skill_subsidy", day, id_number=OPERATOR, facts={"证书等级": "初级", "参保月数": "12"})
    result = check(app, MemoryHistory())
    assert result.reasons == [f"该政策自{entry.valid_from.isoformat()}起施行，受理日期{day.isoformat()}不在有效期内"]
    ok = application("emp.skill_subsidy", entry.valid_from, id_number=OPERATOR, facts={"证书等级": "初级", "参保月数": "12"})
    assert check(ok, MemoryHistory()).eligible


def test_successor_entry_takes_over_with_its_own_window_and_parameters():
    catalogue = catalogue_with(successor(RULE, "2026", params={"amount": 6000, "min_operating_years": 2},
                                         valid_from="2026-01-01", valid_to="2028-12-31"))
    registered = date(2024, 1, 10)
    shop, history = startup_case(registered)
    received = add_years(registered, 2)
    result = check(application(RULE, received, uscc=shop.uscc), history, catalogue=catalogue)
    assert result.eligible and result.entry_id == f"{RULE}@2026"
    assert result.amount_fen == parse_yuan("6000")
    assert condition(result, "window").facts.endswith("适用ib.startup_subsidy@2026（2026-01-01至2028-12-31）")
    short = check(application(RULE, received - ONE_DAY, uscc=shop.uscc), history, catalogue=catalogue)
    assert failed_keys(short) == ["operating_years"]
    assert short.failed_rules == [f"{RULE}@2026"]
    old = check(application(f"{RULE}@2026", date(2025, 6, 1), uscc=shop.uscc), history, catalogue=catalogue)
    assert old.entry_id == RULE and old.amount_fen == parse_yuan(str(ENTRY.params["amount"]))


def test_gap_between_entries_names_both_dates():
    catalogue = catalogue_with(successor(RULE, "2026", valid_from="2026-03-01", valid_to="2028-12-31"))
    shop, history = startup_case(date(2024, 1, 1))
    result = check(application(RULE, date(2026, 2, 1), uscc=shop.uscc), history, catalogue=catalogue)
    assert result.reasons == ["该政策已于2025-12-31到期，受理日期2026-02-01不在有效期内（后续政策自2026-03-01起施行）"]


def test_grants_of_the_whole_family_count():
    catalogue = catalogue_with(successor(RULE, "2026", valid_from="2026-01-01", valid_to="2028-12-31"))
    shop, history = startup_case(date(2024, 1, 1))
    history.applications.append(application(RULE, date(2025, 3, 1), uscc=shop.uscc, status="已发放"))
    result = check(application(f"{RULE}@2026", date(2026, 3, 1), uscc=shop.uscc), history, catalogue=catalogue)
    assert failed_keys(result) == ["once_per_person"]


@pytest.mark.parametrize("policy", ["hc.facility.licence", "ib.unknown_measure", "ib.startup_subsidy@1999"])
def test_policies_that_are_not_ib_or_emp_measures(policy):
    result = check(application(policy, date(2024, 1, 1), uscc="x"), MemoryHistory())
    assert not result.eligible and result.amount_fen is None
    assert result.failed_rules == [policy]
    assert result.reasons and all(r for r in result.reasons)
