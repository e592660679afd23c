"""Business-desk repositories on a real SQLite file: round trips, serials, constraints, the search
list and the two implementations of the eligibility history (indexed SQL and bulk snapshot)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from desktop_app.domain.business.entities import Application, Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.list_query import ListQuery
from desktop_app.store import applications_repo, businesses_repo
from desktop_app.store.applications_repo import (
    ApplicationCase,
    SnapshotEligibilityHistory,
    SqlEligibilityHistory,
    Verdict,
)
from desktop_app.store.connection import write_transaction

TOWNSHIP = "410821100000"
COUNTY = "410821000000"


def person(serial: int) -> str:
    body = f"41082119900101{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, prefix: str = "92") -> str:
    return complete_uscc(f"{prefix}410821{serial:09d}")


def business(serial: int, **changes) -> Business:
    values = dict(uscc=uscc(serial), name=f"王记面馆{serial}", operator_name="王五", operator_id_number=person(1),
                  registered_on=date(2022, 3, 1), township_code=TOWNSHIP)
    values.update(changes)
    return Business(**values)


def case(receipt_no: str, policy: str = "ib.startup_subsidy", status: str = "已批准", *,
         received_on: date = date(2024, 3, 1), approved_amount_fen: int | None = None, **app) -> ApplicationCase:
    values = dict(uscc=uscc(1), id_number=person(1), facts={})
    values.update(app)
    return ApplicationCase(Application(receipt_no, policy, received_on, status=status, **values), COUNTY,
                           approved_amount_fen=approved_amount_fen)


@pytest.fixture
def db(ctx):
    with write_transaction(ctx.db):
        businesses_repo.insert_many(ctx.db, [
            (business(1), "wjmg"),
            (business(2, name="李家超市", operator_name="李四", operator_id_number=person(2), status="已转企",
                      converted_on=date(2023, 5, 1), enterprise_type="有限公司", enterprise_uscc=uscc(2, "91")), "ljcs"),
            (business(3, name="老王烩面馆", registered_on=date(2021, 1, 1)), "lwhmg"),
        ])
        businesses_repo.upsert_statuses(ctx.db, [PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1))])
    return ctx.db


def test_business_round_trip_with_row_version_and_county(db) -> None:
    stored = businesses_repo.get(db, uscc(2))
    assert stored.business.enterprise_uscc == uscc(2, "91") and stored.business.converted_on == date(2023, 5, 1)
    assert stored.row_version == 1 and not stored.is_demo
    assert db.execute("SELECT county_code FROM businesses WHERE uscc = ?", [uscc(2)]).fetchone() == (COUNTY,)
    businesses_repo.update_many(db, [(business(1, industry="餐饮"), "wjmg")])
    assert businesses_repo.get(db, uscc(1)).row_version == 2
    assert businesses_repo.find_by_code(db, uscc(2, "91")).uscc == uscc(2)
    assert [b.uscc for b in businesses_repo.of_operator(db, person(1))] == [uscc(3), uscc(1)]


def test_person_statuses_upsert_by_id_and_group(db) -> None:
    businesses_repo.upsert_statuses(db, [PersonStatus(person(1), "返乡农民工", "王五", date(2019, 6, 1)),
                                         PersonStatus(person(1), "退役军人", "王五", date(2015, 1, 1))])
    assert [(s.status, s.since) for s in businesses_repo.statuses_of(db, person(1))] == [
        ("退役军人", date(2015, 1, 1)), ("返乡农民工", date(2019, 6, 1))]
    assert businesses_repo.delete_status(db, person(1), "退役军人")
    assert not businesses_repo.delete_status(db, person(1), "退役军人")


def test_serials_count_per_prefix_and_stop_at_9999(db) -> None:
    assert [applications_repo.next_serial(db, "receipt", "41082120240301") for _ in range(3)] == [1, 2, 3]
    assert applications_repo.next_serial(db, "receipt", "41082120240302") == 1
    assert applications_repo.next_serial(db, "notice", "41082120240301") == 1
    db.execute("UPDATE desk_serials SET last_serial = 9999 WHERE series = 'receipt' AND prefix = '41082120240301'")
    assert applications_repo.next_serial(db, "receipt", "41082120240301") is None


def test_case_round_trip_keeps_workflow_fields_and_hires(db) -> None:
    original = ApplicationCase(
        Application("410821202403010001", "emp.expansion_subsidy", date(2024, 3, 1), uscc(1), None, 150000,
                    {"招用人员": f"{person(5)},{person(6)}"}, "已批准"),
        COUNTY, ("营业执照",), ("劳动合同",), date(2024, 3, 15), "clerk", "clerk",
        Verdict(True, 200000, "emp.expansion_subsidy", (), ("符合",), "2024-03-01T08:00:00+00:00"),
        approved_amount_fen=200000, decision_reasons=("符合",), overridden=True, override_reason="特批", decided_by="chief")
    applications_repo.insert_many(db, [(original, [person(5), person(6)])])
    assert applications_repo.get(db, original.receipt_no) == original
    assert applications_repo.hires_of(db, original.receipt_no) == sorted([person(5), person(6)])
    assert db.execute("SELECT base_policy_id FROM applications").fetchone() == ("emp.expansion_subsidy",)


@pytest.mark.parametrize(("column", "value"), [
    ("paid_amount_fen", 300000),  # above the approved amount
    ("overridden", 1),  # an override without a reason
    ("receipt_no", "41082120240301001X"),
])
def test_constraints_guard_the_workflow_columns(db, column, value) -> None:
    applications_repo.insert_many(db, [(case("410821202403010001", approved_amount_fen=200000), [])])
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(f"UPDATE applications SET {column} = ?", [value])


def test_voucher_numbers_are_unique(db) -> None:
    applications_repo.insert_many(db, [(replace_voucher(case("410821202403010001"), "V1"), []),
                                       (case("410821202403010002"), [])])
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE applications SET voucher_no = 'V1' WHERE receipt_no = '410821202403010002'")
    assert applications_repo.receipt_of_voucher(db, "V1") == "410821202403010001"


def replace_voucher(value: ApplicationCase, voucher: str) -> ApplicationCase:
    from dataclasses import replace

    return replace(value, voucher_no=voucher, paid_amount_fen=100, approved_amount_fen=100)


def ids(db, query: ListQuery) -> list[str]:
    listing = businesses_repo.business_list(db)
    rows = listing.fetch_rows(listing.fetch_ids(query))
    return [rows[i][0] for i in listing.fetch_ids(query)]


@pytest.mark.parametrize(("text", "expected"), [
    ("", [2, 1, 3]),  # ordered by name (code point order): 李家超市, 王记面馆1, 老王烩面馆
    ("面馆", [1, 3]),  # any part of the name
    ("王", [1, 3]),  # one character: the start of the name (王记…) or of the operator's name (王五)
    ("老", [3]),
    ("LW", [3]),  # pinyin initials, case-insensitive
    ("李四", [2]),  # operator name
    (uscc(1)[:17].lower(), [1]),  # credit code prefix, from 8 characters
    (uscc(2, "91")[:12], [2]),  # the enterprise code after conversion
    ("9241", []),  # too short to be a code prefix (every code here starts with 92410821)
    (person(2), [2]),  # the operator's ID number
    (person(1), [1, 3]),
])
def test_business_search(db, text, expected) -> None:
    assert ids(db, ListQuery(search=text)) == [uscc(n) for n in expected]


def test_business_list_filters_and_masks_ids(db) -> None:
    assert ids(db, ListQuery(filters={"status": "已转企"})) == [uscc(2)]
    assert ids(db, ListQuery(search="lw", filters={"township": TOWNSHIP})) == [uscc(3)]
    assert ids(db, ListQuery(filters={"operator_id_number": person(1).lower()})) == [uscc(1), uscc(3)]
    listing = businesses_repo.business_list(db)
    row = listing.fetch_rows(listing.fetch_ids(ListQuery(search="李家")))
    values = dict(zip(listing.column_keys, next(iter(row.values()))))
    assert values["operator_id"] == person(2)[:4] + "*" * 10 + person(2)[-4:]
    assert values["township"] == "城关镇"
    assert listing.count(ListQuery(search="面馆")) == 2


def query_plan(db, sql: str) -> list[str]:
    return [r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql)]


def traced(db, action) -> list[str]:
    """The statements ``action`` runs, with their bound values expanded."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        db.conn.set_trace_callback(None)
    return statements


def test_search_is_index_ranges_and_one_narrow_index_scan(db) -> None:
    listing = businesses_repo.business_list(db)
    [sql] = [s for s in traced(db, lambda: listing.fetch_ids(ListQuery(search="王记"))) if s.startswith("SELECT")]
    plan = query_plan(db, sql)
    assert [p for p in plan if p.startswith("SCAN")] == ["SCAN businesses USING COVERING INDEX businesses_name"], plan
    for index in ("autoindex_businesses_1", "businesses_initials", "businesses_operator_name", "businesses_operator_id"):
        assert any(p.startswith("SEARCH") and index in p for p in plan), (index, plan)


def seed_history(db) -> None:
    hires = [person(7)]
    applications_repo.insert_many(db, [
        (case("410821202403010001", received_on=date(2024, 2, 1)), []),
        (case("410821202403010002", status="不予批准"), []),
        (case("410821202403010003", "ib.startup_subsidy@2026", status="已发放"), []),
        (case("410821202403010004", "emp.absorption_subsidy", id_number=None, facts={"招用人员": person(7)}), hires),
        (case("410821202403010005", "ib.directory_award", uscc=uscc(2, "91"), id_number=None), []),
    ])


@pytest.mark.parametrize("history_class", [SqlEligibilityHistory, SnapshotEligibilityHistory])
def test_both_histories_answer_the_same(db, history_class) -> None:
    seed_history(db)
    history = history_class(db)
    assert history.business(uscc(2, "91").lower()).uscc == uscc(2)
    assert history.business(uscc(9)) is None
    assert [b.uscc for b in history.businesses_of_operator(person(1))] == [uscc(3), uscc(1)]
    assert [s.status for s in history.person_statuses(person(1))] == ["返乡农民工"]
    granted = history.granted_for_person("ib.startup_subsidy", person(1).lower(), exclude_receipt_no="410821202403010001")
    assert [a.receipt_no for a in granted] == ["410821202403010003"]  # refused ones never count; successors do
    assert sorted(a.receipt_no for a in history.granted_for_business("ib.startup_subsidy", uscc(1), exclude_receipt_no="x")) == [
        "410821202403010001", "410821202403010003"]
    assert [a.receipt_no for a in history.granted_for_business("ib.directory_award", uscc(2, "91"), exclude_receipt_no="x")] == [
        "410821202403010005"]
    hired = history.granted_for_hire("emp.absorption_subsidy", person(7), exclude_receipt_no="x")
    assert [a.facts["招用人员"] for a in hired] == [person(7)]
    assert history.granted_for_hire("emp.expansion_subsidy", person(7), exclude_receipt_no="x") == []


@pytest.mark.parametrize("history_class", [SqlEligibilityHistory, SnapshotEligibilityHistory])
def test_history_as_of_a_day_leaves_out_later_grants(db, history_class) -> None:
    seed_history(db)
    history = history_class(db, received_until=date(2024, 2, 29))
    assert [a.receipt_no for a in history.granted_for_business("ib.startup_subsidy", uscc(1), exclude_receipt_no="x")] == [
        "410821202403010001"]


def test_sql_history_never_scans_a_table(db) -> None:
    seed_history(db)
    history = SqlEligibilityHistory(db)

    def lookups() -> None:
        history.granted_for_person("ib.startup_subsidy", person(1), exclude_receipt_no="x")
        history.granted_for_business("ib.startup_subsidy", uscc(1), exclude_receipt_no="x")
        history.granted_for_hire("emp.absorption_subsidy", person(7), exclude_receipt_no="x")
        history.businesses_of_operator(person(1))
        history.person_statuses(person(1))
        history.business(uscc(2, "91"))

    statements = traced(db, lookups)
    assert len(statements) == 7  # the enterprise code is tried after the credit code
    # Each look-up starts from the index on the key it is given (no statistics: a new database).
    first_steps = [query_plan(db, sql)[0] for sql in statements]
    assert first_steps == [
        "SEARCH a USING INDEX applications_person (id_number=? AND base_policy_id=? AND status=?)",
        "SEARCH a USING INDEX applications_uscc (uscc=? AND base_policy_id=? AND status=?)",
        "SEARCH h USING PRIMARY KEY (hired_id_number=?)",
        "SEARCH businesses USING INDEX businesses_operator_id (operator_id_number=?)",
        "SEARCH person_statuses USING PRIMARY KEY (id_number=?)",
        "SEARCH businesses USING INDEX sqlite_autoindex_businesses_1 (uscc=?)",
        "SEARCH businesses USING INDEX sqlite_autoindex_businesses_2 (enterprise_uscc=?)",
    ], first_steps
    plans = [p for sql in statements for p in query_plan(db, sql)]
    assert not [p for p in plans if p.startswith("SCAN")], plans
