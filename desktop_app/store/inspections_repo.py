"""Inspection visits, their inspectors and facilities, findings, rectification orders and the
steps of each order (the only SQL of the inspections module)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from desktop_app.domain.inspections import CLOSED, Finding, Order, OrderEvent, Visit
from desktop_app.store.listing import ListColumn, SqlList

_NOW = "strftime('%Y-%m-%dT%H:%M:%S', 'now')"
_FINDING = ("visit_id, facility_code, rule_id, finding, value_seen, remark, photos, registry_decision,"
            " registry_value")
_ORDER = ("id, visit_id, facility_code, rule_id, requirement, responsible, deadline, status, completion_note,"
          " reported_on, reopened, county_code, division_code")


@dataclass(frozen=True)
class StoredVisit:
    """A visit with its row version and who planned it."""

    visit: Visit
    row_version: int
    planned_by: str


@dataclass(frozen=True)
class StoredOrder:
    """An order with its row version."""

    order: Order
    row_version: int


def _json_list(values: Sequence[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


# --- visits --------------------------------------------------------------------------------------

def visit_ids(db: Database, prefix: str = "") -> set[str]:
    """Ids of the stored visits starting with ``prefix``."""
    rows = db.execute("SELECT id FROM inspection_visits WHERE id LIKE ? ESCAPE '\\'",
                      [prefix.replace("%", "\\%").replace("_", "\\_") + "%"])
    return {r[0] for r in rows.fetchall()}


def get_visit(db: Database, visit_id: str) -> StoredVisit | None:
    """One visit with its inspectors and facilities (in order), or None."""
    row = db.execute("SELECT id, visited_on, note, row_version, planned_by FROM inspection_visits WHERE id = ?",
                     [visit_id]).fetchone()
    if row is None:
        return None
    visits = _assemble(db, [row[:3]])
    return StoredVisit(visits[0], row[3], row[4])


def _assemble(db: Database, rows: Sequence[Sequence[Any]]) -> list[Visit]:
    ids = [r[0] for r in rows]
    inspectors: dict[str, list[str]] = {i: [] for i in ids}
    facilities: dict[str, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = _json_list(ids[start:start + 500])
        for visit_id, name in db.execute("SELECT visit_id, name FROM inspection_visit_inspectors WHERE visit_id IN"
                                         " (SELECT value FROM json_each(?)) ORDER BY visit_id, position", [chunk]):
            inspectors[visit_id].append(name)
        for visit_id, code in db.execute("SELECT visit_id, facility_code FROM inspection_visit_facilities WHERE visit_id"
                                         " IN (SELECT value FROM json_each(?)) ORDER BY visit_id, position", [chunk]):
            facilities[visit_id].append(code)
    return [Visit(i, date.fromisoformat(d), tuple(inspectors[i]), tuple(facilities[i]), note) for i, d, note in rows]


def all_visits(db: Database) -> list[Visit]:
    """Every visit by date and id."""
    rows = db.execute("SELECT id, visited_on, note FROM inspection_visits ORDER BY visited_on, id").fetchall()
    return _assemble(db, rows)


def visits_of_facility(db: Database, facility_code: str) -> list[Visit]:
    """The visits that included a facility, latest first."""
    rows = db.execute("SELECT v.id, v.visited_on, v.note FROM inspection_visits v JOIN inspection_visit_facilities f"
                      " ON f.visit_id = v.id WHERE f.facility_code = ? ORDER BY v.visited_on DESC, v.id DESC",
                      [facility_code]).fetchall()
    return _assemble(db, rows)


def insert_visits(db: Database, visits: Iterable[Visit], *, actor: str, at: str, is_demo: bool = False) -> int:
    """Insert visits with their inspectors and facilities."""
    visits = list(visits)
    db.conn.executemany("INSERT INTO inspection_visits (id, visited_on, note, planned_by, planned_at, is_demo)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        [(v.id, v.visited_on.isoformat(), v.note, actor, at, int(is_demo)) for v in visits])
    _write_members(db, visits)
    return len(visits)


def _write_members(db: Database, visits: list[Visit]) -> None:
    db.conn.executemany("INSERT INTO inspection_visit_inspectors (visit_id, position, name) VALUES (?, ?, ?)",
                        [(v.id, n, name) for v in visits for n, name in enumerate(v.inspectors)])
    db.conn.executemany("INSERT INTO inspection_visit_facilities (visit_id, facility_code, position) VALUES (?, ?, ?)",
                        [(v.id, code, n) for v in visits for n, code in enumerate(v.facility_codes)])


def update_visit(db: Database, visit: Visit) -> None:
    """Replace a visit's date, note, inspectors and facilities (bumping its row version). Facilities
    that carry findings must stay (the foreign keys refuse their removal)."""
    db.execute(f"UPDATE inspection_visits SET visited_on = ?, note = ?, row_version = row_version + 1, updated_at = {_NOW}"
               " WHERE id = ?", [visit.visited_on.isoformat(), visit.note, visit.id])
    db.execute("DELETE FROM inspection_visit_inspectors WHERE visit_id = ?", [visit.id])
    kept = _json_list(visit.facility_codes)
    db.execute("DELETE FROM inspection_visit_facilities WHERE visit_id = ? AND facility_code NOT IN"
               " (SELECT value FROM json_each(?))", [visit.id, kept])
    db.conn.executemany("INSERT INTO inspection_visit_inspectors (visit_id, position, name) VALUES (?, ?, ?)",
                        [(visit.id, n, name) for n, name in enumerate(visit.inspectors)])
    db.conn.executemany("INSERT INTO inspection_visit_facilities (visit_id, facility_code, position) VALUES (?, ?, ?)"
                        " ON CONFLICT(visit_id, facility_code) DO UPDATE SET position = excluded.position",
                        [(visit.id, code, n) for n, code in enumerate(visit.facility_codes)])


def delete_visit(db: Database, visit_id: str) -> bool:
    """Delete a visit without findings (its inspectors and facilities go with it)."""
    return db.execute("DELETE FROM inspection_visits WHERE id = ?", [visit_id]).rowcount == 1


def visit_list(db: Database) -> SqlList:
    """The visit list: filter by county (a visited facility lies in it) and year; search id,
    inspectors and facility names."""
    facilities = "inspection_visit_facilities vf JOIN facilities f ON f.code = vf.facility_code"
    return SqlList(
        db,
        from_sql="inspection_visits v",
        id_expression="v.id",
        columns=[
            ListColumn("id", "v.id"),
            ListColumn("visited_on", "v.visited_on"),
            ListColumn("inspectors", "(SELECT group_concat(name, '、') FROM (SELECT name FROM inspection_visit_inspectors"
                                     " i WHERE i.visit_id = v.id ORDER BY position))"),
            ListColumn("counties", "(SELECT group_concat(name, '、') FROM (SELECT DISTINCT c.name FROM"
                                   f" {facilities} JOIN divisions c ON c.code = f.county_code WHERE vf.visit_id = v.id))",
                       sortable=False),
            ListColumn("facilities", f"(SELECT count(*) FROM {facilities} WHERE vf.visit_id = v.id)"),
            ListColumn("findings", "(SELECT count(*) FROM inspection_findings x WHERE x.visit_id = v.id)"),
            ListColumn("differs", "(SELECT count(*) FROM inspection_findings x WHERE x.visit_id = v.id AND x.finding = '不符')"),
            ListColumn("open_orders", "(SELECT count(*) FROM rectification_orders o WHERE o.visit_id = v.id"
                                      f" AND o.status <> '{CLOSED}')"),
            ListColumn("note", "v.note"),
        ],
        search_expressions=[
            "lower(v.id)", "v.note",
            "(SELECT group_concat(name) FROM inspection_visit_inspectors i WHERE i.visit_id = v.id)",
            f"(SELECT group_concat(f.name) FROM {facilities} WHERE vf.visit_id = v.id)",
        ],
        filters={
            "county": f"EXISTS (SELECT 1 FROM {facilities} WHERE vf.visit_id = v.id AND f.county_code = ?)",
            "year": "substr(v.visited_on, 1, 4) = CAST(? AS TEXT)",
        },
        default_order="v.visited_on DESC, v.id",
    )


def visit_scope_clause() -> str:
    """A condition on ``v`` (inspection_visits) true when a visited facility's host division is
    LIKE the bound pattern (the user's division scope)."""
    return ("EXISTS (SELECT 1 FROM inspection_visit_facilities vf JOIN facilities f ON f.code = vf.facility_code"
            " WHERE vf.visit_id = v.id AND f.division_code LIKE ?)")


# --- findings ------------------------------------------------------------------------------------

def _finding(row: Sequence[Any]) -> Finding:
    visit, facility, rule, finding, seen, remark, photos, decision, registry = row
    return Finding(visit, facility, rule, finding, seen, remark, tuple(json.loads(photos)), decision, registry)


def findings_of(db: Database, *, visit_id: str | None = None, facility_code: str | None = None) -> list[Finding]:
    """Findings of a visit and/or a facility, by visit, facility and rule."""
    where, params = [], []
    if visit_id is not None:
        where, params = where + ["visit_id = ?"], params + [visit_id]
    if facility_code is not None:
        where, params = where + ["facility_code = ?"], params + [facility_code]
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = db.execute(f"SELECT {_FINDING} FROM inspection_findings{clause} ORDER BY visit_id, facility_code, rule_id", params)
    return [_finding(r) for r in rows.fetchall()]


def all_findings(db: Database) -> list[Finding]:
    """Every finding (for the sheet export)."""
    return findings_of(db)


def upsert_findings(db: Database, findings: Iterable[Finding], *, actor: str, at: str, is_demo: bool = False) -> int:
    """Insert findings, or replace the stored ones with the same visit, facility and rule."""
    values = [(f.visit_id, f.facility_code, f.rule_id, f.finding, f.value_seen, f.remark, _json_list(f.photos),
               f.registry_decision, f.registry_value, actor, at, int(is_demo)) for f in findings]
    db.conn.executemany(
        f"INSERT INTO inspection_findings ({_FINDING}, recorded_by, recorded_at, is_demo)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(visit_id, facility_code, rule_id) DO UPDATE SET"
        " finding = excluded.finding, value_seen = excluded.value_seen, remark = excluded.remark,"
        " photos = excluded.photos, registry_decision = excluded.registry_decision,"
        " registry_value = excluded.registry_value, recorded_by = excluded.recorded_by,"
        f" recorded_at = excluded.recorded_at, row_version = row_version + 1, updated_at = {_NOW}",
        values,
    )
    return len(values)


# --- orders --------------------------------------------------------------------------------------

def _order(row: Sequence[Any]) -> Order:
    (order_id, visit, facility, rule, requirement, responsible, deadline, status, note, reported, reopened, county,
     division) = row
    return Order(order_id, visit, facility, rule, requirement, responsible, date.fromisoformat(deadline), status, note,
                 date.fromisoformat(reported) if reported else None, reopened, county, division)


def get_order(db: Database, order_id: int) -> StoredOrder | None:
    """One order with its row version, or None."""
    row = db.execute(f"SELECT {_ORDER}, row_version FROM rectification_orders WHERE id = ?", [order_id]).fetchone()
    return None if row is None else StoredOrder(_order(row[:-1]), row[-1])


def order_for(db: Database, visit_id: str, facility_code: str, rule_id: str) -> StoredOrder | None:
    """The order on one finding, or None."""
    row = db.execute(f"SELECT {_ORDER}, row_version FROM rectification_orders WHERE visit_id = ? AND facility_code = ?"
                     " AND rule_id = ?", [visit_id, facility_code, rule_id]).fetchone()
    return None if row is None else StoredOrder(_order(row[:-1]), row[-1])


def orders_where(db: Database, *, visit_id: str | None = None, facility_code: str | None = None,
                 county_code: str | None = None, statuses: Sequence[str] | None = None,
                 division_like: str | None = None) -> list[Order]:
    """Orders matching every given condition, by deadline then id."""
    where, params = [], []
    for column, value in (("visit_id", visit_id), ("facility_code", facility_code), ("county_code", county_code)):
        if value is not None:
            where, params = where + [f"{column} = ?"], params + [value]
    if statuses is not None:
        where, params = where + ["status IN (SELECT value FROM json_each(?))"], params + [_json_list(statuses)]
    if division_like is not None:
        where, params = where + ["division_code LIKE ?"], params + [division_like]
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = db.execute(f"SELECT {_ORDER} FROM rectification_orders{clause} ORDER BY deadline, id", params)
    return [_order(r) for r in rows.fetchall()]


def insert_order(db: Database, order: Order, *, actor: str, at: str, is_demo: bool = False) -> int:
    """Insert an order (its ``id`` is ignored); returns the new id."""
    cursor = db.execute(
        "INSERT INTO rectification_orders (visit_id, facility_code, rule_id, county_code, division_code, requirement,"
        " responsible, deadline, status, completion_note, reported_on, reopened, created_by, created_at, is_demo)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [order.visit_id, order.facility_code, order.rule_id, order.county_code, order.division_code, order.requirement,
         order.responsible, order.deadline.isoformat(), order.status, order.completion_note,
         order.reported_on.isoformat() if order.reported_on else None, order.reopened, actor, at, int(is_demo)],
    )
    return int(cursor.lastrowid)


def update_order(db: Database, order: Order) -> None:
    """Store an order's changed fields (status, deadline, notes …), bumping its row version."""
    db.execute(
        "UPDATE rectification_orders SET requirement = ?, responsible = ?, deadline = ?, status = ?, completion_note = ?,"
        f" reported_on = ?, reopened = ?, row_version = row_version + 1, updated_at = {_NOW} WHERE id = ?",
        [order.requirement, order.responsible, order.deadline.isoformat(), order.status, order.completion_note,
         order.reported_on.isoformat() if order.reported_on else None, order.reopened, order.id],
    )


def add_events(db: Database, events: Iterable[OrderEvent]) -> int:
    """Append steps of orders."""
    values = [(e.order_id, e.action, e.from_status, e.to_status, e.note, e.on_date.isoformat(), e.actor, e.at)
              for e in events]
    db.conn.executemany("INSERT INTO rectification_events (order_id, action, from_status, to_status, note, on_date,"
                        " actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values)
    return len(values)


def events_of(db: Database, order_ids: Sequence[int]) -> list[OrderEvent]:
    """The steps of these orders, oldest first."""
    rows = db.execute("SELECT order_id, action, from_status, to_status, note, on_date, actor, at FROM rectification_events"
                      " WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, id", [_json_list(order_ids)])
    return [OrderEvent(o, a, f, t, n, date.fromisoformat(d), actor, at) for o, a, f, t, n, d, actor, at in rows.fetchall()]


def count_findings(db: Database, visit_id: str) -> int:
    """Number of findings recorded for a visit."""
    return db.execute("SELECT count(*) FROM inspection_findings WHERE visit_id = ?", [visit_id]).fetchone()[0]


def facilities_with_findings(db: Database, visit_id: str) -> set[str]:
    """Facilities of a visit that already carry findings."""
    rows = db.execute("SELECT DISTINCT facility_code FROM inspection_findings WHERE visit_id = ?", [visit_id])
    return {r[0] for r in rows.fetchall()}
