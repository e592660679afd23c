"""Settings of the individual-business desk: the working-day calendar, promised working days per
measure, county amounts for "不少于" measures, and catalogue entries added or retired by administrators.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class CalendarDay:
    """One calendar exception: a weekday rest day (休息日) or a worked weekend day (调休上班日)."""

    day: date
    kind: str
    note: str = ""


def calendar_days(db: Database, *, year: int | None = None) -> list[CalendarDay]:
    """Calendar exceptions in date order (one year, or all)."""
    if year is None:
        rows = db.execute("SELECT day, kind, note FROM work_calendar ORDER BY day").fetchall()
    else:
        rows = db.execute("SELECT day, kind, note FROM work_calendar WHERE day >= ? AND day <= ? ORDER BY day",
                          [f"{year:04d}-01-01", f"{year:04d}-12-31"]).fetchall()
    return [CalendarDay(date.fromisoformat(d), k, n) for d, k, n in rows]


def replace_calendar_year(db: Database, year: int, days: Iterable[CalendarDay], *, actor: str, at: str) -> int:
    """Replace every exception of ``year`` by ``days``; return how many were written."""
    db.execute("DELETE FROM work_calendar WHERE day >= ? AND day <= ?", [f"{year:04d}-01-01", f"{year:04d}-12-31"])
    rows = [(d.day.isoformat(), d.kind, d.note, actor, at) for d in days]
    db.conn.executemany("INSERT INTO work_calendar (day, kind, note, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def promised_days(db: Database) -> dict[str, int]:
    """Configured promised working days by base rule id."""
    return dict(db.execute("SELECT base_id, promised_working_days FROM measure_settings").fetchall())


def set_promised_days(db: Database, base_id: str, days: int | None, *, actor: str, at: str) -> None:
    """Set (or, with None, clear back to the default) the promised working days of a measure."""
    if days is None:
        db.execute("DELETE FROM measure_settings WHERE base_id = ?", [base_id])
        return
    db.execute(
        "INSERT INTO measure_settings (base_id, promised_working_days, updated_by, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(base_id) DO UPDATE SET promised_working_days = excluded.promised_working_days,"
        " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        [base_id, days, actor, at],
    )


def county_amounts(db: Database) -> dict[tuple[str, str], int]:
    """Configured amounts in fen by (county code, base rule id)."""
    rows = db.execute("SELECT county_code, base_id, amount_fen FROM county_amounts").fetchall()
    return {(county, base): amount for county, base, amount in rows}


def set_county_amount(db: Database, county_code: str, base_id: str, amount_fen: int | None, *, actor: str, at: str) -> None:
    """Set (or, with None, remove) a county's amount for a measure."""
    if amount_fen is None:
        db.execute("DELETE FROM county_amounts WHERE county_code = ? AND base_id = ?", [county_code, base_id])
        return
    db.execute(
        "INSERT INTO county_amounts (county_code, base_id, amount_fen, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(county_code, base_id) DO UPDATE SET amount_fen = excluded.amount_fen,"
        " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        [county_code, base_id, amount_fen, actor, at],
    )


def added_entries(db: Database) -> list[dict[str, Any]]:
    """Catalogue entries added by administrators (rules.json-shaped objects), oldest first."""
    return [json.loads(r[0]) for r in db.execute("SELECT entry_json FROM catalogue_entries ORDER BY rowid").fetchall()]


def add_entry(db: Database, entry: Mapping[str, Any], *, actor: str, at: str) -> None:
    """Store an added catalogue entry (its ``id`` carries the successor suffix)."""
    db.execute(
        "INSERT INTO catalogue_entries (id, base_id, entry_json, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
        [entry["id"], entry["id"].split("@", 1)[0], json.dumps(entry, ensure_ascii=False, sort_keys=True), actor, at],
    )


@dataclass(frozen=True)
class Retirement:
    """An entry retired early: its window ends on ``last_day``."""

    rule_id: str
    last_day: date
    reason: str
    retired_by: str
    retired_at: str


def retirements(db: Database) -> dict[str, Retirement]:
    """Retirements by rule id."""
    rows = db.execute("SELECT rule_id, last_day, reason, retired_by, retired_at FROM catalogue_retirements").fetchall()
    return {r[0]: Retirement(r[0], date.fromisoformat(r[1]), r[2], r[3], r[4]) for r in rows}


def retire(db: Database, retirement: Retirement) -> None:
    """Record (or move earlier) the retirement of an entry."""
    r = retirement
    db.execute(
        "INSERT INTO catalogue_retirements (rule_id, last_day, reason, retired_by, retired_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(rule_id) DO UPDATE SET last_day = excluded.last_day, reason = excluded.reason,"
        " retired_by = excluded.retired_by, retired_at = excluded.retired_at",
        [r.rule_id, r.last_day.isoformat(), r.reason, r.retired_by, r.retired_at],
    )


def catalogue_stamp(db: Database) -> tuple[int, int, str]:
    """Changes whenever an entry is added or retired (cache key of the effective catalogue)."""
    added = db.execute("SELECT count(*) FROM catalogue_entries").fetchone()[0]
    row = db.execute("SELECT count(*), coalesce(max(retired_at || rule_id || last_day), '') FROM catalogue_retirements").fetchone()
    return added, row[0], row[1]
