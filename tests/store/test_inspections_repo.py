"""The inspection tables on a real database: visits with their inspectors and facilities, findings
and orders round-trip; the schema refuses a differing finding without a choice about the registry,
a finding on a facility that is not on the visit, dropping a visited facility that has findings and
a second order on one finding; the visit list filters and searches in SQL."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from inspection_setup import CENTRE, XIUWU, build_registry  # noqa: E402

from desktop_app.domain.inspections import CONFIRMED, DIFFERS, KEPT, OPEN, Finding, Order, OrderEvent, Visit  # noqa: E402
from desktop_app.domain.list_query import ListQuery  # noqa: E402
from desktop_app.store import inspections_repo as repo  # noqa: E402

AT = "2025-11-20T08:00:00+00:00"
VISIT = Visit("JC20251120-01", date(2025, 11, 20), ("张三", "李四"), ("XW-01", CENTRE), "年度督导")


@pytest.fixture
def stored(ctx):
    build_registry(ctx)
    repo.insert_visits(ctx.db, [VISIT], actor="test", at=AT)
    return ctx


def test_visits_findings_orders_and_events_round_trip(stored) -> None:
    db = stored.db
    assert repo.get_visit(db, VISIT.id).visit == VISIT and repo.all_visits(db) == [VISIT]
    finding = Finding(VISIT.id, "XW-01", "hc.village_clinic.seven_rooms", DIFFERS, "诊断室", "缺观察室", ("a.jpg", "b.jpg"), KEPT, "6室")
    repo.upsert_findings(db, [finding, Finding(VISIT.id, "XW-01", "hc.facility.licence", CONFIRMED)], actor="test", at=AT)
    assert repo.findings_of(db, visit_id=VISIT.id)[1] == finding
    order_id = repo.insert_order(db, Order(0, VISIT.id, "XW-01", finding.rule_id, "增设观察室", "王院长", date(2025, 12, 31),
                                           county_code=XIUWU, division_code="410821100201"), actor="test", at=AT)
    repo.add_events(db, [OrderEvent(order_id, "open", None, OPEN, "", date(2025, 11, 21), "test", AT)])
    stored_order = repo.get_order(db, order_id)
    assert stored_order.order.status == OPEN and stored_order.row_version == 1
    assert repo.order_for(db, VISIT.id, "XW-01", finding.rule_id).order.id == order_id
    assert [o.id for o in repo.orders_where(db, county_code=XIUWU, statuses=[OPEN], division_like="410821%")] == [order_id]
    assert repo.events_of(db, [order_id])[0].on_date == date(2025, 11, 21)
    assert repo.visits_of_facility(db, "XW-01") == [VISIT] and repo.facilities_with_findings(db, VISIT.id) == {"XW-01"}


def test_the_schema_refuses_what_makes_no_sense(stored) -> None:
    db = stored.db
    with pytest.raises(sqlite3.IntegrityError):  # 不符 without 已更新登记 / 保留待核实
        repo.upsert_findings(db, [Finding(VISIT.id, "XW-01", "hc.facility.licence", DIFFERS, "过期")], actor="t", at=AT)
    with pytest.raises(sqlite3.IntegrityError):  # a facility that is not on the visit
        repo.upsert_findings(db, [Finding(VISIT.id, "XW-02", "hc.facility.licence", CONFIRMED)], actor="t", at=AT)
    repo.upsert_findings(db, [Finding(VISIT.id, "XW-01", "hc.facility.licence", CONFIRMED)], actor="t", at=AT)
    with pytest.raises(sqlite3.IntegrityError):  # dropping a facility that has findings
        repo.update_visit(db, Visit(VISIT.id, VISIT.visited_on, VISIT.inspectors, (CENTRE,)))
    order = Order(0, VISIT.id, "XW-01", "hc.facility.licence", "", "甲", date(2025, 12, 1), county_code=XIUWU,
                  division_code="410821100201")
    repo.insert_order(db, order, actor="t", at=AT)
    with pytest.raises(sqlite3.IntegrityError):  # one order per finding
        repo.insert_order(db, order, actor="t", at=AT)


def test_visit_list_filters_and_searches_in_sql(stored) -> None:
    db = stored.db
    repo.insert_visits(db, [Visit("JC20240301-01", date(2024, 3, 1), ("王五",), ("BA-01",))], actor="t", at=AT)
    listing = repo.visit_list(db)
    assert listing.fetch_ids(ListQuery()) == [VISIT.id, "JC20240301-01"]  # latest first
    assert listing.fetch_ids(ListQuery(filters={"county": XIUWU})) == [VISIT.id]
    assert listing.fetch_ids(ListQuery(filters={"year": 2024})) == ["JC20240301-01"]
    assert listing.fetch_ids(ListQuery(search="王五")) == ["JC20240301-01"]
    assert listing.fetch_ids(ListQuery(search="城关镇卫生院")) == [VISIT.id]
    row = listing.fetch_rows([VISIT.id])[VISIT.id]
    assert dict(zip(listing.column_keys, row))["inspectors"] == "张三、李四"
    assert dict(zip(listing.column_keys, row))["counties"] == "修武县"
    restricted = listing.restricted(repo.visit_scope_clause(), "410822%")
    assert restricted.fetch_ids(ListQuery()) == ["JC20240301-01"]
    repo.delete_visit(db, "JC20240301-01")
    assert repo.visit_ids(db, "JC2024") == set()
