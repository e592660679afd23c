"""Division registry table (city, county-level units, townships)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from desktop_app.domain.divisions import Division

_COLUMNS = "code, name, level, parent_code, county_kind, funding_group"


def _division(row: tuple) -> Division:
    return Division(*row)


def upsert_all(db: Database, divisions: Iterable[tuple[Division, str, str]]) -> int:
    """Insert or update divisions with their pinyin initials and full pinyin; return the count."""
    rows = [
        (d.code, d.name, d.level, d.parent_code, d.county_kind, d.funding_group, initials, full)
        for d, initials, full in divisions
    ]
    db.conn.executemany(
        "INSERT INTO divisions (code, name, level, parent_code, county_kind, funding_group, pinyin_initials, pinyin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level,"
        " parent_code = excluded.parent_code, county_kind = excluded.county_kind,"
        " funding_group = excluded.funding_group, pinyin_initials = excluded.pinyin_initials,"
        " pinyin = excluded.pinyin",
        rows,
    )
    return len(rows)


def count(db: Database) -> int:
    """Number of divisions stored."""
    return db.execute("SELECT count(*) FROM divisions").fetchone()[0]


def all_divisions(db: Database) -> list[Division]:
    """Every division, parents before children, in code order."""
    sql = f"SELECT {_COLUMNS} FROM divisions ORDER BY CASE level WHEN 'city' THEN 0 WHEN 'county' THEN 1 ELSE 2 END, code"
    return [_division(r) for r in db.execute(sql).fetchall()]


def get(db: Database, code: str) -> Division | None:
    """The division with this code, or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM divisions WHERE code = ?", [code]).fetchone()
    return _division(row) if row else None


def township_codes(db: Database) -> set[str]:
    """Codes of every township-level unit."""
    return {r[0] for r in db.execute("SELECT code FROM divisions WHERE level = 'township'").fetchall()}


def search(db: Database, text: str, limit: int = 50) -> list[Division]:
    """Divisions whose name, code, pinyin initials or full pinyin contains ``text``."""
    pattern = f"%{text.strip().lower()}%"
    sql = (
        f"SELECT {_COLUMNS} FROM divisions WHERE name LIKE ? OR code LIKE ? OR pinyin_initials LIKE ?"
        " OR pinyin LIKE ? ORDER BY code LIMIT ?"
    )
    return [_division(r) for r in db.execute(sql, [pattern, pattern, pattern, pattern, limit]).fetchall()]


def village_counts(db: Database) -> dict[str, int]:
    """Number of villages/communities per township code."""
    return dict(db.execute("SELECT township_code, count(*) FROM villages GROUP BY township_code").fetchall())


def search_keys(db: Database) -> dict[str, str]:
    """Per division code, the text searched by the tree filter: name, code, initials, pinyin."""
    rows = db.execute("SELECT code, name || ' ' || code || ' ' || pinyin_initials || ' ' || pinyin FROM divisions")
    return {code: text.lower() for code, text in rows.fetchall()}
