"""Villages table: read, insert, update (with row-version check), delete, bulk upsert, list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desktop_app.domain.villages import Village
from desktop_app.store.listing import ListColumn, SqlList

_COLUMNS = "code, name, kind, population, hosts_township_centre, minutes_to_clinic"


@dataclass(frozen=True)
class StoredVillage:
    """A village as stored: the domain record plus its row version and demo marking."""

    village: Village
    row_version: int
    is_demo: bool


def _village(row: Sequence) -> Village:
    code, name, kind, population, hosts, minutes = row[:6]
    return Village(code, name, kind, population, bool(hosts), minutes)


def _values(v: Village) -> list:
    return [v.code, v.name, v.kind, v.population, int(v.hosts_township_centre), v.minutes_to_clinic]


def get(db: Database, code: str) -> StoredVillage | None:
    """The village with this code, or None."""
    row = db.execute(f"SELECT {_COLUMNS}, row_version, is_demo FROM villages WHERE code = ?", [code]).fetchone()
    return StoredVillage(_village(row), row[6], bool(row[7])) if row else None


def get_many(db: Database, codes: Iterable[str]) -> dict[str, Village]:
    """Villages by code for the given codes (unknown codes are absent from the result)."""
    result: dict[str, Village] = {}
    codes = list(dict.fromkeys(codes))
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        sql = f"SELECT {_COLUMNS} FROM villages WHERE code IN ({', '.join('?' * len(chunk))})"
        for row in db.execute(sql, chunk).fetchall():
            result[row[0]] = _village(row)
    return result


def all_villages(db: Database) -> list[Village]:
    """Every village, administrative villages before their natural villages, in code order."""
    return [_village(r) for r in db.execute(f"SELECT {_COLUMNS} FROM villages ORDER BY code").fetchall()]


def admin_village_codes(db: Database) -> set[str]:
    """Codes of every 行政村 (possible parents of natural villages)."""
    return {r[0] for r in db.execute("SELECT code FROM villages WHERE kind = '行政村'").fetchall()}


def insert_many(db: Database, villages: Iterable[tuple[Village, str]], *, is_demo: bool = False) -> int:
    """Insert villages (each with its pinyin initials); return the count."""
    rows = [
        _values(v) + [v.township_code, v.parent_village_code, initials, int(is_demo)] for v, initials in villages
    ]
    db.conn.executemany(
        f"INSERT INTO villages ({_COLUMNS}, township_code, parent_village_code, pinyin_initials, is_demo)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def update(db: Database, village: Village, initials: str, *, expected_version: int | None) -> bool:
    """Update a village by code; False when it is missing or its row version moved on."""
    sql = (
        "UPDATE villages SET name = ?, kind = ?, population = ?, hosts_township_centre = ?,"
        " minutes_to_clinic = ?, pinyin_initials = ?, row_version = row_version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE code = ?"
    )
    params: list = _values(village)[1:] + [initials, village.code]
    if expected_version is not None:
        sql += " AND row_version = ?"
        params.append(expected_version)
    return db.execute(sql, params).rowcount == 1


def update_many(db: Database, villages: Iterable[tuple[Village, str]]) -> int:
    """Update many villages by code (bumping row versions); return the count."""
    rows = [_values(v)[1:] + [initials, v.code] for v, initials in villages]
    db.conn.executemany(
        "UPDATE villages SET name = ?, kind = ?, population = ?, hosts_township_centre = ?,"
        " minutes_to_clinic = ?, pinyin_initials = ?, row_version = row_version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE code = ?",
        rows,
    )
    return len(rows)


def delete(db: Database, code: str) -> bool:
    """Delete the village; False when it did not exist."""
    return db.execute("DELETE FROM villages WHERE code = ?", [code]).rowcount == 1


def natural_village_count(db: Database, code: str) -> int:
    """How many natural villages hang under this administrative village."""
    return db.execute("SELECT count(*) FROM villages WHERE parent_village_code = ?", [code]).fetchone()[0]


def count(db: Database) -> int:
    """Number of villages stored."""
    return db.execute("SELECT count(*) FROM villages").fetchone()[0]


VILLAGE_LIST_COLUMNS = ("code", "name", "kind", "population", "hosts_township_centre", "minutes_to_clinic", "township")


def village_list(db: Database) -> SqlList:
    """The village list: filter by ``township``/``county`` code or ``kind``; search name, code, initials."""
    return SqlList(
        db,
        from_sql="villages v JOIN divisions t ON t.code = v.township_code",
        id_expression="v.rowid",
        columns=[
            ListColumn("code", "v.code"),
            ListColumn("name", "v.name"),
            ListColumn("kind", "v.kind"),
            ListColumn("population", "v.population"),
            ListColumn("hosts_township_centre", "v.hosts_township_centre"),
            ListColumn("minutes_to_clinic", "v.minutes_to_clinic"),
            ListColumn("township", "t.name"),
        ],
        search_expressions=["v.name", "v.code", "v.pinyin_initials"],
        filters={
            "township": "v.township_code = ?",
            "county": "t.parent_code = ?",
            "kind": "v.kind = ?",
        },
        default_order="v.code",
    )
