"""Family-doctor contract figures per facility/year and county figures per county/year."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from desktop_app.domain.health.entities import CountyFigure, FamilyDoctorFigure
from desktop_app.store.records import RecordMapper

FAMILY = RecordMapper(FamilyDoctorFigure)
COUNTY = RecordMapper(CountyFigure)


def all_family_doctor(db: Database) -> list[FamilyDoctorFigure]:
    """Every 签约服务 row."""
    return [FAMILY.from_row(r) for r in db.execute(f"SELECT {FAMILY.column_list} FROM family_doctor ORDER BY facility_code, year").fetchall()]


def upsert_family_doctor(db: Database, figures: Iterable[FamilyDoctorFigure]) -> int:
    """Insert or replace rows keyed by (facility_code, year)."""
    rows = [FAMILY.to_row(f) for f in figures]
    db.conn.executemany(
        f"INSERT INTO family_doctor ({FAMILY.column_list}) VALUES ({FAMILY.placeholders})"
        " ON CONFLICT(facility_code, year) DO UPDATE SET signed_residents = excluded.signed_residents,"
        " signed_key_population = excluded.signed_key_population",
        rows,
    )
    return len(rows)


def all_county_figures(db: Database) -> list[CountyFigure]:
    """Every 县区指标 row."""
    return [COUNTY.from_row(r) for r in db.execute(f"SELECT {COUNTY.column_list} FROM county_figures ORDER BY county_code, year").fetchall()]


def upsert_county_figures(db: Database, figures: Iterable[CountyFigure]) -> int:
    """Insert or replace rows keyed by (county_code, year)."""
    rows = [COUNTY.to_row(f) for f in figures]
    db.conn.executemany(
        f"INSERT INTO county_figures ({COUNTY.column_list}) VALUES ({COUNTY.placeholders})"
        " ON CONFLICT(county_code, year) DO UPDATE SET population = excluded.population,"
        " in_county_visit_rate = excluded.in_county_visit_rate, primary_visit_rate = excluded.primary_visit_rate,"
        " key_population = excluded.key_population",
        rows,
    )
    return len(rows)
