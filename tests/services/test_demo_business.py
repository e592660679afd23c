"""Demo business desk: deterministic, valid codes and ID numbers, the ``small`` scale, every measure
and workflow status, fraud signals and overrides, and statuses the eligibility engine agrees with."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.business.eligibility import MEASURES
from desktop_app.domain.business.entities import APPLICATION_STATUSES, Application, Business, PersonStatus
from desktop_app.domain.business.signals import find_signals
from desktop_app.domain.business.uscc import validate_uscc
from desktop_app.domain.identity import parse_id_number
from desktop_app.domain.rules.catalogue import Catalogue
from desktop_app.domain.text import pinyin_initials
from desktop_app.resources import resource_path
from desktop_app.services import applications as application_service
from desktop_app.services.business_registry import business_problems
from desktop_app.services.database import initialize, open_context
from desktop_app.services.demo import SMALL_COUNTY
from desktop_app.services.demo.business import APPLICATIONS_PER_BUSINESS, CITY_BUSINESSES, CITY_COUNTY_UNITS, DEMO_END
from desktop_app.store import applications_repo, businesses_repo, divisions_repo

ACTOR = Actor(name="test:clerk")
GRANTED = ("已批准", "已发放")


@dataclass(frozen=True)
class Desk:
    """A generated demo database and what it holds of the business desk."""

    path: Path
    counts: dict[str, int]
    businesses: list[Business]
    statuses: list[PersonStatus]
    applications: list[Application]
    cases: dict[str, tuple]  # receipt no → stored workflow columns
    hires: list[str]
    initials: list[tuple[str, str]]
    townships: set[str]


CASE_COLUMNS = ("receipt_no", "county_code", "status", "approved_amount_fen", "decision_reasons_json", "overridden",
                "override_reason", "voucher_no", "paid_on", "paid_amount_fen", "withdrawal_reason", "is_demo", "eligible")


def _build(path: Path, seed: int = 2023) -> Desk:
    counts = initialize(path, actor=ACTOR, demo="small", seed=seed).demo_counts
    ctx = open_context(path, actor=ACTOR)
    try:
        rows = ctx.db.execute(f"SELECT {', '.join(CASE_COLUMNS)} FROM applications").fetchall()
        return Desk(
            path, counts, businesses_repo.all_businesses(ctx.db), businesses_repo.all_statuses(ctx.db),
            [a for batch in applications_repo.iter_applications(ctx.db) for a in batch],
            {r[0]: dict(zip(CASE_COLUMNS, r)) for r in rows},
            [r[0] for r in ctx.db.execute("SELECT hired_id_number FROM application_hires").fetchall()],
            [tuple(r) for r in ctx.db.execute("SELECT name, pinyin_initials FROM businesses").fetchall()],
            divisions_repo.township_codes(ctx.db),
        )
    finally:
        ctx.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    return _build(tmp_path_factory.mktemp("small") / "small.sqlite3")


def test_same_seed_same_desk_other_seed_other_desk(small: Desk, tmp_path: Path) -> None:
    again, other = _build(tmp_path / "again.sqlite3"), _build(tmp_path / "other.sqlite3", seed=7)
    assert (again.businesses, again.statuses, again.applications, again.cases) == (
        small.businesses, small.statuses, small.applications, small.cases)
    assert other.businesses != small.businesses and other.applications != small.applications


def test_small_is_one_county_at_an_eleventh_of_the_city(small: Desk) -> None:
    businesses = round(CITY_BUSINESSES / CITY_COUNTY_UNITS)
    assert small.counts["businesses"] == len(small.businesses) == businesses
    assert small.counts["applications"] == len(small.applications) == APPLICATIONS_PER_BUSINESS * businesses
    assert small.counts["person_statuses"] == len(small.statuses) > 3000
    assert {b.county_code for b in small.businesses} == {SMALL_COUNTY}
    assert {b.township_code for b in small.businesses} == {t for t in small.townships if t.startswith(SMALL_COUNTY[:6])}
    assert {c["county_code"] for c in small.cases.values()} == {SMALL_COUNTY}
    assert all(c["is_demo"] for c in small.cases.values())


def test_every_credit_code_and_id_number_is_valid(small: Desk) -> None:
    for business in small.businesses:
        assert validate_uscc(business.uscc, individual_business=True) == business.uscc
        assert business.uscc[2:8] == business.county_code[:6]
        if business.enterprise_uscc:
            assert validate_uscc(business.enterprise_uscc, individual_business=False)
        assert parse_id_number(business.operator_id_number).area_code == SMALL_COUNTY[:6]
    people = ({s.id_number for s in small.statuses} | {a.id_number for a in small.applications if a.id_number}
              | set(small.hires))
    for id_number in people:
        assert parse_id_number(id_number, today=DEMO_END).area_code == SMALL_COUNTY[:6]
    assert len({b.uscc for b in small.businesses} | {b.enterprise_uscc for b in small.businesses if b.enterprise_uscc}) == (
        len(small.businesses) + sum(1 for b in small.businesses if b.enterprise_uscc))


def test_businesses_would_import_again_and_are_searchable_by_initials(small: Desk) -> None:
    for business in small.businesses:
        assert business_problems(business, township_exists=small.townships.__contains__, today=DEMO_END) == []
    assert all(initials == pinyin_initials(name) for name, initials in small.initials)


def test_the_registry_is_varied(small: Desk) -> None:
    assert Counter(b.status for b in small.businesses).keys() == {"存续", "注销", "已转企"}
    assert {b.tier for b in small.businesses} == {"生存型", "成长型", "发展型", None}
    assert sum(b.directory_joined_on is not None for b in small.businesses) > 100
    assert {b.enterprise_type for b in small.businesses if b.status == "已转企"} == {"个人独资企业", "合伙企业", "有限公司"}
    by_operator = Counter(b.operator_id_number for b in small.businesses)
    assert 200 < sum(n > 1 for n in by_operator.values()) < 2000  # some operators run several businesses over time
    assert {s.status for s in small.statuses} >= {"高校毕业生", "退役军人", "返乡农民工", "就业困难人员", "登记失业人员"}
    assert all(s.since and s.since <= DEMO_END for s in small.statuses)


def test_every_measure_in_every_status_from_2023_to_2025(small: Desk) -> None:
    pairs = Counter((a.base_policy_id, a.status) for a in small.applications)
    for measure in MEASURES:
        for status in APPLICATION_STATUSES:
            assert pairs[measure, status] > 0, (measure, status)
    assert {a.received_on.year for a in small.applications} == {2023, 2024, 2025}
    assert max(a.received_on for a in small.applications) <= DEMO_END


def test_workflow_fields_follow_the_status(small: Desk) -> None:
    for app in small.applications:
        case = small.cases[app.receipt_no]
        assert re.fullmatch(rf"{app.receipt_no[:6]}{app.received_on:%Y%m%d}\d{{4}}", app.receipt_no)
        if app.status == "已发放":
            assert case["voucher_no"] and case["paid_amount_fen"] == case["approved_amount_fen"] > 0
            assert date.fromisoformat(case["paid_on"]) >= app.received_on
        if app.status in GRANTED:
            assert case["approved_amount_fen"] > 0
        if app.status == "不予批准":
            assert case["decision_reasons_json"] != "[]"
        if app.status == "已撤回":
            assert case["withdrawal_reason"]
        if case["overridden"]:
            assert app.status in GRANTED and case["override_reason"]
        assert case["eligible"] is None  # left to the app's re-evaluation
    vouchers = [c["voucher_no"] for c in small.cases.values() if c["voucher_no"]]
    assert len(vouchers) == len(set(vouchers)) > 1000


def test_deliberate_fraud_signals_and_overrides(small: Desk) -> None:
    catalogue = Catalogue.load(resource_path("policy", "rules.json"))
    kinds = Counter(s.kind for s in find_signals(small.applications, small.businesses, catalogue=catalogue))
    assert {"person_claimed_twice", "business_claimed_twice", "hire_claimed_twice", "received_before_registration"} <= set(kinds)
    assert all(n < 200 for n in kinds.values()), kinds
    assert 0 < sum(c["overridden"] for c in small.cases.values()) < 50


def test_the_engine_agrees_with_the_stored_decisions(small: Desk) -> None:
    """Granted cases are eligible for the approved amount (overrides excepted, which are not);
    refused cases are not eligible — checked for every application."""
    ctx = open_context(small.path, actor=ACTOR)
    try:
        application_service.reevaluate_all(ctx)
        rows = ctx.db.execute("SELECT receipt_no, status, overridden, eligible, eligible_amount_fen, approved_amount_fen"
                              " FROM applications").fetchall()
        sample = [small.applications[i] for i in range(0, len(small.applications), 997)]
        checks = {a.receipt_no: application_service.check(ctx, a.receipt_no) for a in sample}
    finally:
        ctx.close()
    wrong = []
    for receipt_no, status, overridden, eligible, amount, approved in rows:
        if status in GRANTED and not overridden and not (eligible and amount == approved):
            wrong.append((receipt_no, status, eligible, amount, approved))
        if (status == "不予批准" or overridden) and eligible:
            wrong.append((receipt_no, status, "overridden" if overridden else "", eligible))
    assert wrong == []
    verdicts = {r[0]: (bool(r[3]), r[4]) for r in rows}
    assert all((c.eligible, c.amount_fen) == verdicts[no] for no, c in checks.items())  # the SQL history agrees too
    eligible = Counter(bool(r[3]) for r in rows)
    assert eligible[True] > eligible[False] > 1000
