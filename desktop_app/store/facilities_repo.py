"""Facilities and the villages each 村卫生室 serves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from desktop_app.domain.health.entities import VILLAGE_LEVEL_KINDS, Facility
from desktop_app.store.listing import ListColumn, SqlList
from desktop_app.store.records import RecordMapper

MAPPER = RecordMapper(Facility, exclude=("served_village_codes",))

# 服务人口 as entered, or for a 村卫生室 left blank: the population of its served villages (its own
# village when none are listed) — the same reading as the standards engine.
DERIVED_SERVICE_POPULATION = (
    "COALESCE(f.service_population, CASE WHEN f.kind = '村卫生室' THEN"
    " (SELECT sum(v.population) FROM villages v WHERE v.code IN"
    " (SELECT s.village_code FROM facility_served_villages s WHERE s.facility_code = f.code))"
    " END, CASE WHEN f.kind = '村卫生室' THEN (SELECT v.population FROM villages v WHERE v.code = f.village_code) END)"
)
_SELECT = f"SELECT {MAPPER.column_list} FROM facilities"


@dataclass(frozen=True)
class StoredFacility:
    """A facility as stored, with its row version."""

    facility: Facility
    row_version: int


def _served(db: Database, codes: list[str] | None = None) -> dict[str, tuple[str, ...]]:
    result: dict[str, list[str]] = defaultdict(list)
    if codes is None:
        rows = db.execute("SELECT facility_code, village_code FROM facility_served_villages ORDER BY facility_code, village_code")
    else:
        marks = ", ".join("?" * len(codes))
        rows = db.execute(
            f"SELECT facility_code, village_code FROM facility_served_villages WHERE facility_code IN ({marks})"
            " ORDER BY facility_code, village_code",
            codes,
        )
    for facility_code, village_code in rows.fetchall():
        result[facility_code].append(village_code)
    return {k: tuple(v) for k, v in result.items()}


def all_facilities(db: Database) -> list[Facility]:
    """Every facility in code order, with its served villages."""
    served = _served(db)
    return [MAPPER.from_row(r, served_village_codes=served.get(r[0], ())) for r in db.execute(_SELECT + " ORDER BY code").fetchall()]


def get(db: Database, code: str) -> StoredFacility | None:
    """One facility with its row version, or None."""
    row = db.execute(f"SELECT {MAPPER.column_list}, row_version FROM facilities WHERE code = ?", [code]).fetchone()
    if row is None:
        return None
    return StoredFacility(MAPPER.from_row(row[:-1], served_village_codes=_served(db, [code]).get(code, ())), row[-1])


def _placement(facility: Facility) -> list:
    village = facility.division_code if facility.kind in VILLAGE_LEVEL_KINDS else None
    return [village, facility.township_code, facility.county_code]


def insert_many(db: Database, facilities: Iterable[tuple[Facility, str]], *, is_demo: bool = False) -> int:
    """Insert facilities (each with its pinyin initials) and their served villages."""
    facilities = list(facilities)
    db.conn.executemany(
        f"INSERT INTO facilities ({MAPPER.column_list}, village_code, township_code, county_code, pinyin_initials, is_demo)"
        f" VALUES ({MAPPER.placeholders}, ?, ?, ?, ?, ?)",
        [MAPPER.to_row(f) + _placement(f) + [initials, int(is_demo)] for f, initials in facilities],
    )
    _write_served(db, [f for f, _ in facilities])
    return len(facilities)


def _write_served(db: Database, facilities: list[Facility]) -> None:
    db.conn.executemany(
        "INSERT INTO facility_served_villages (facility_code, village_code) VALUES (?, ?)",
        [(f.code, v) for f in facilities for v in dict.fromkeys(f.served_village_codes)],
    )


def update_many(db: Database, facilities: Iterable[tuple[Facility, str]]) -> int:
    """Replace the stored values of existing facilities (bumping row versions)."""
    facilities = list(facilities)
    assignments = ", ".join(f"{c} = ?" for c in MAPPER.columns[1:])
    db.conn.executemany(
        f"UPDATE facilities SET {assignments}, village_code = ?, township_code = ?, county_code = ?, pinyin_initials = ?,"
        " row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE code = ?",
        [MAPPER.to_row(f)[1:] + _placement(f) + [initials, f.code] for f, initials in facilities],
    )
    db.conn.executemany("DELETE FROM facility_served_villages WHERE facility_code = ?", [(f.code,) for f, _ in facilities])
    _write_served(db, [f for f, _ in facilities])
    return len(facilities)


def row_version(db: Database, code: str) -> int | None:
    """The current row version of a facility, or None when it does not exist."""
    row = db.execute("SELECT row_version FROM facilities WHERE code = ?", [code]).fetchone()
    return row[0] if row else None


def delete(db: Database, code: str) -> bool:
    """Delete a facility (its served-village links go with it)."""
    return db.execute("DELETE FROM facilities WHERE code = ?", [code]).rowcount == 1


def count_referring_to_village(db: Database, village_code: str) -> int:
    """Facilities hosted in or serving this village."""
    return db.execute(
        "SELECT count(*) FROM (SELECT code FROM facilities WHERE village_code = ?"
        " UNION SELECT facility_code FROM facility_served_villages WHERE village_code = ?)",
        [village_code, village_code],
    ).fetchone()[0]


def count(db: Database) -> int:
    """Number of facilities."""
    return db.execute("SELECT count(*) FROM facilities").fetchone()[0]


def facility_list(db: Database) -> SqlList:
    """The facility list: filter by county, township, kind or a set of codes; search name, code, initials."""
    return SqlList(
        db,
        from_sql="facilities f JOIN divisions t ON t.code = f.township_code JOIN divisions c ON c.code = f.county_code",
        id_expression="f.rowid",
        columns=[
            ListColumn("code", "f.code"),
            ListColumn("name", "f.name"),
            ListColumn("kind", "f.kind"),
            ListColumn("county", "c.name"),
            ListColumn("township", "t.name"),
            ListColumn("service_population", DERIVED_SERVICE_POPULATION),
            ListColumn("ownership", "f.ownership"),
            ListColumn("licence_valid_until", "f.licence_valid_until"),
            ListColumn("staff", "(SELECT count(*) FROM staff s WHERE s.facility_code = f.code AND s.status = '在岗')"),
        ],
        search_expressions=["f.name", "f.code", "f.pinyin_initials"],
        filters={
            "county": "f.county_code = ?",
            "township": "f.township_code = ?",
            "kind": "f.kind = ?",
            "codes": "f.code IN (SELECT value FROM json_each(?))",
        },
        default_order="f.code",
    )
