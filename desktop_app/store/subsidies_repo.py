"""Subsidy budgets, postings (payments and reversing entries, append-only), allowance rates, and the
lean registry facts the entitlements read (village clinics, 签约人数, retired staff) per county."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.subsidies import Budget, ClinicFacts, PaidFacts, Payment, SignedFacts

# Only the fields the entitlements read (a full record costs ~20 µs a row to build).
_FACILITY = "f.code, f.name, f.kind, f.division_code, f.licence_valid_until"
_STAFF = "s.id_number, s.name, s.facility_code, s.category, s.township_hired, s.status, s.left_on"
_PAYMENT_COLUMNS = ("voucher_no, programme, year, coalesce(facility_code, id_number), amount_fen, source, paid_on,"
                    " reverses, note")


@dataclass(frozen=True)
class StoredPayment:
    """A posting as stored: the payment, where its payee was, who posted it and when."""

    payment: Payment
    county_code: str
    division_code: str
    overpayment_confirmed: bool
    posted_by: str
    posted_at: str


def _county_clause(column: str, county_codes: Sequence[str] | None) -> tuple[str, list[Any]]:
    if county_codes is None:
        return "", []
    return f" AND {column} IN (SELECT value FROM json_each(?))", [_json_list(county_codes)]


def _json_list(values: Sequence[str]) -> str:
    return json.dumps(list(values))


# --- registry facts ------------------------------------------------------------------------------

def _facility(row: Sequence[Any]) -> Facility:
    code, name, kind, division, valid_until = row
    return Facility(code, name, kind, division, licence_valid_until=date.fromisoformat(valid_until) if valid_until else None)


def village_clinics(db: Database, county_codes: Sequence[str] | None = None) -> list[ClinicFacts]:
    """Every 村卫生室 (of these counties) with the kind of the village it stands in (facility fields:
    code, name, kind, host division and licence expiry only)."""
    where, params = _county_clause("f.county_code", county_codes)
    sql = (f"SELECT {_FACILITY}, v.kind FROM facilities f LEFT JOIN villages v ON v.code = f.village_code"
           f" WHERE f.kind = '村卫生室'{where} ORDER BY f.code")
    return [ClinicFacts(_facility(r[:5]), r[5]) for r in db.execute(sql, params).fetchall()]


def signed_residents(db: Database, year: int, county_codes: Sequence[str] | None = None) -> list[SignedFacts]:
    """Facilities with a 签约服务 row for ``year`` (of these counties) and their 签约人数."""
    where, params = _county_clause("f.county_code", county_codes)
    sql = (f"SELECT {_FACILITY}, d.signed_residents FROM family_doctor d JOIN facilities f"
           f" ON f.code = d.facility_code WHERE d.year = ?{where} ORDER BY f.code")
    return [SignedFacts(_facility(r[:5]), r[5]) for r in db.execute(sql, [year, *params]).fetchall()]


def retired_staff(db: Database, county_codes: Sequence[str] | None = None) -> list[tuple[StaffMember, Facility]]:
    """Staff whose status is 退出 (of these counties) with their facility (the fields the
    elderly-allowance rule reads)."""
    where, params = _county_clause("f.county_code", county_codes)
    sql = (f"SELECT {_STAFF}, {_FACILITY} FROM staff s JOIN facilities f ON f.code = s.facility_code"
           f" WHERE s.status = '退出'{where} ORDER BY s.id_number")
    found = []
    for row in db.execute(sql, params).fetchall():
        id_number, name, facility, category, hired, status, left_on = row[:7]
        member = StaffMember(id_number, name, facility, category=category,
                             township_hired=None if hired is None else bool(hired), status=status,
                             left_on=date.fromisoformat(left_on) if left_on else None)
        found.append((member, _facility(row[7:])))
    return found


def payee_place(db: Database, facility_code: str | None, id_number: str | None) -> tuple[str, str, str] | None:
    """(name, county code, host division) of a payee facility or person, or None when unknown."""
    if facility_code is not None:
        row = db.execute("SELECT name, county_code, division_code FROM facilities WHERE code = ?", [facility_code]).fetchone()
    else:
        row = db.execute("SELECT s.name, f.county_code, f.division_code FROM staff s JOIN facilities f"
                         " ON f.code = s.facility_code WHERE s.id_number = ?", [id_number]).fetchone()
    return tuple(row) if row else None


# --- budgets -------------------------------------------------------------------------------------

def budgets(db: Database, *, year: int | None = None, county_codes: Sequence[str] | None = None) -> list[Budget]:
    """Budgets of a year (or every year), of these counties, in key order."""
    where, params = _county_clause("division_code", county_codes)
    if year is not None:
        where, params = where + " AND year = ?", [*params, year]
    sql = ("SELECT programme, year, division_code, source, amount_fen FROM subsidy_budgets WHERE 1 = 1"
           f"{where} ORDER BY year, division_code, programme, source")
    return [Budget(*r) for r in db.execute(sql, params).fetchall()]


def upsert_budgets(db: Database, rows: Iterable[Budget], *, actor: str, at: str, is_demo: bool = False) -> int:
    """Insert or replace budgets keyed by (programme, year, division, source)."""
    values = [(b.programme, b.year, b.division_code, b.source, b.amount_fen, actor, at, int(is_demo)) for b in rows]
    db.conn.executemany(
        "INSERT INTO subsidy_budgets (programme, year, division_code, source, amount_fen, updated_by, updated_at, is_demo)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(programme, year, division_code, source) DO UPDATE SET"
        " amount_fen = excluded.amount_fen, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        values,
    )
    return len(values)


def delete_budget(db: Database, budget: Budget) -> bool:
    """Remove one budget row by its key."""
    return db.execute(
        "DELETE FROM subsidy_budgets WHERE programme = ? AND year = ? AND division_code = ? AND source = ?",
        [budget.programme, budget.year, budget.division_code, budget.source],
    ).rowcount == 1


# --- postings ------------------------------------------------------------------------------------

def _payment(row: Sequence[Any]) -> Payment:
    voucher, programme, year, payee, amount, source, paid_on, reverses, note = row
    return Payment(voucher, programme, year, payee, amount, source, date.fromisoformat(paid_on), reverses, note)


def get_payment(db: Database, voucher_no: str) -> StoredPayment | None:
    """One posting by voucher number, or None."""
    row = db.execute(
        f"SELECT {_PAYMENT_COLUMNS}, county_code, division_code, overpayment_confirmed, posted_by, posted_at"
        " FROM subsidy_payments WHERE voucher_no = ?", [voucher_no]).fetchone()
    return None if row is None else StoredPayment(_payment(row[:9]), row[9], row[10], bool(row[11]), row[12], row[13])


def existing_vouchers(db: Database, voucher_nos: Iterable[str]) -> set[str]:
    """Which of these voucher numbers are already posted."""
    found: set[str] = set()
    chunk: list[str] = []
    for voucher in voucher_nos:
        chunk.append(voucher)
        if len(chunk) == 500:
            found |= _existing(db, chunk)
            chunk = []
    return found | (_existing(db, chunk) if chunk else set())


def _existing(db: Database, chunk: list[str]) -> set[str]:
    rows = db.execute(f"SELECT voucher_no FROM subsidy_payments WHERE voucher_no IN ({', '.join('?' * len(chunk))})", chunk)
    return {r[0] for r in rows.fetchall()}


def all_payments(db: Database) -> list[Payment]:
    """Every posting in the order posted (originals before their reversals)."""
    return [_payment(r) for r in db.execute(f"SELECT {_PAYMENT_COLUMNS} FROM subsidy_payments ORDER BY rowid").fetchall()]


def reversed_total(db: Database, voucher_no: str) -> int:
    """The (negative) sum of the entries reversing a voucher; 0 when none."""
    return db.execute("SELECT coalesce(sum(amount_fen), 0) FROM subsidy_payments WHERE reverses = ?", [voucher_no]).fetchone()[0]


def insert_payments(db: Database, rows: Iterable[tuple[Payment, str, str, bool]], *, actor: str, at: str,
                    is_demo: bool = False) -> int:
    """Append postings: each (payment, county code, host division, over-payment confirmed)."""
    values = []
    for p, county, division, confirmed in rows:
        facility, person = (p.payee, None) if p.payee_kind == "facility" else (None, p.payee)
        values.append((p.voucher_no, p.programme, p.year, facility, person, county, division, p.source, p.amount_fen,
                       p.paid_on.isoformat(), p.reverses, p.note, int(confirmed), actor, at, int(is_demo)))
    db.conn.executemany(
        "INSERT INTO subsidy_payments (voucher_no, programme, year, facility_code, id_number, county_code, division_code,"
        " source, amount_fen, paid_on, reverses, note, overpayment_confirmed, posted_by, posted_at, is_demo)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )
    return len(values)


def paid_totals(db: Database, *, year: int, as_of: date, county_codes: Sequence[str] | None = None,
                programme: str | None = None, payee: str | None = None) -> list[PaidFacts]:
    """Net postings per (programme, payee) of a year dated up to ``as_of``, summed by source."""
    where, params = _county_clause("p.county_code", county_codes)
    if programme is not None:
        where, params = where + " AND p.programme = ?", [*params, programme]
    if payee is not None:
        where, params = where + " AND coalesce(p.facility_code, p.id_number) = ?", [*params, payee]
    sql = (
        "SELECT p.programme, coalesce(p.facility_code, p.id_number), coalesce(f.name, s.name, ''),"
        " CASE WHEN p.facility_code IS NULL THEN 'staff' ELSE 'facility' END, p.county_code, p.division_code,"
        " p.source, sum(p.amount_fen), count(*)"
        " FROM subsidy_payments p LEFT JOIN facilities f ON f.code = p.facility_code"
        " LEFT JOIN staff s ON s.id_number = p.id_number"
        f" WHERE p.year = ? AND p.paid_on <= ?{where}"
        " GROUP BY p.programme, coalesce(p.facility_code, p.id_number), p.source"
    )
    grouped: dict[tuple[str, str], list[Any]] = {}
    sources: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for programme_id, key, name, kind, county, division, source, amount, count in db.execute(
            sql, [year, as_of.isoformat(), *params]).fetchall():
        facts = grouped.setdefault((programme_id, key), [programme_id, key, name, kind, county, division, 0])
        facts[6] += count
        sources[(programme_id, key)][source] = amount
    return [PaidFacts(p, k, n, kind, c, d, sources[(p, k)], count) for (p, k), (_, _, n, kind, c, d, count) in grouped.items()]


def postings_of(db: Database, *, payee: str, programme: str | None = None, year: int | None = None) -> list[StoredPayment]:
    """Every posting to a payee (of a programme and year), oldest first."""
    where, params = "", [payee]
    if programme is not None:
        where, params = where + " AND programme = ?", [*params, programme]
    if year is not None:
        where, params = where + " AND year = ?", [*params, year]
    rows = db.execute(
        f"SELECT {_PAYMENT_COLUMNS}, county_code, division_code, overpayment_confirmed, posted_by, posted_at"
        f" FROM subsidy_payments WHERE coalesce(facility_code, id_number) = ?{where} ORDER BY paid_on, rowid", params)
    return [StoredPayment(_payment(r[:9]), r[9], r[10], bool(r[11]), r[12], r[13]) for r in rows.fetchall()]


def payment_count(db: Database) -> int:
    """Number of postings."""
    return db.execute("SELECT count(*) FROM subsidy_payments").fetchone()[0]


def years_with_records(db: Database) -> list[int]:
    """Years with a budget or a posting, ascending."""
    rows = db.execute("SELECT year FROM subsidy_budgets UNION SELECT year FROM subsidy_payments ORDER BY 1")
    return [r[0] for r in rows.fetchall()]


# --- allowance rates -----------------------------------------------------------------------------

def allowance_rates(db: Database) -> dict[tuple[str, int], int]:
    """Allowance rates in fen by (county code, first year)."""
    rows = db.execute("SELECT county_code, from_year, amount_fen FROM subsidy_allowance_rates").fetchall()
    return {(county, year): amount for county, year, amount in rows}


def set_allowance_rate(db: Database, county_code: str, from_year: int, amount_fen: int | None, *, actor: str, at: str) -> None:
    """Set (or with None remove) a county's allowance rate from ``from_year`` on."""
    if amount_fen is None:
        db.execute("DELETE FROM subsidy_allowance_rates WHERE county_code = ? AND from_year = ?", [county_code, from_year])
        return
    db.execute(
        "INSERT INTO subsidy_allowance_rates (county_code, from_year, amount_fen, updated_by, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(county_code, from_year) DO UPDATE SET amount_fen = excluded.amount_fen,"
        " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        [county_code, from_year, amount_fen, actor, at],
    )
