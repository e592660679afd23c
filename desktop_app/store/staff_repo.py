"""Staff records (one per person city-wide), their transfer history and training days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from desktop_app.domain.health.entities import StaffMember, TrainingRecord
from desktop_app.domain.identity import parse_id_number
from desktop_app.store.listing import ListColumn, SqlList
from desktop_app.store.records import RecordMapper

MAPPER = RecordMapper(StaffMember)
TRAINING = RecordMapper(TrainingRecord, columns=("id_number", "year", "days", "mode"))


@dataclass(frozen=True)
class StoredStaff:
    """A staff record with its row version."""

    member: StaffMember
    row_version: int


def _derived(member: StaffMember) -> list:
    parsed = parse_id_number(member.id_number, today=date(2100, 1, 1))
    return [parsed.birth_date.isoformat(), parsed.sex]


def all_staff(db: Database) -> list[StaffMember]:
    """Every staff record in ID order."""
    return [MAPPER.from_row(r) for r in db.execute(f"SELECT {MAPPER.column_list} FROM staff ORDER BY id_number").fetchall()]


def get(db: Database, id_number: str) -> StoredStaff | None:
    """One staff record with its row version, or None."""
    row = db.execute(f"SELECT {MAPPER.column_list}, row_version FROM staff WHERE id_number = ?", [id_number]).fetchone()
    return StoredStaff(MAPPER.from_row(row[:-1]), row[-1]) if row else None


def insert_many(db: Database, members: Iterable[tuple[StaffMember, str]], *, is_demo: bool = False) -> int:
    """Insert staff records (each with the pinyin initials of the name)."""
    rows = [MAPPER.to_row(m) + _derived(m) + [initials, int(is_demo)] for m, initials in members]
    db.conn.executemany(
        f"INSERT INTO staff ({MAPPER.column_list}, birth_date, sex, pinyin_initials, is_demo)"
        f" VALUES ({MAPPER.placeholders}, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def update_many(db: Database, members: Iterable[tuple[StaffMember, str]]) -> int:
    """Replace stored values of existing staff records (bumping row versions)."""
    assignments = ", ".join(f"{c} = ?" for c in MAPPER.columns[1:])
    rows = [MAPPER.to_row(m)[1:] + [initials, m.id_number] for m, initials in members]
    db.conn.executemany(
        f"UPDATE staff SET {assignments}, pinyin_initials = ?, row_version = row_version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id_number = ?",
        rows,
    )
    return len(rows)


def record_transfers(db: Database, transfers: Iterable[tuple[str, str, str, str, str]]) -> None:
    """Append (id_number, from_facility, to_facility, transferred_on, recorded_by) rows."""
    db.conn.executemany(
        "INSERT INTO staff_transfers (id_number, from_facility_code, to_facility_code, transferred_on, recorded_by)"
        " VALUES (?, ?, ?, ?, ?)",
        list(transfers),
    )


def transfers_of(db: Database, id_number: str) -> list[tuple[str, str, str]]:
    """(from facility, to facility, date) of a person's transfers, oldest first."""
    return [tuple(r) for r in db.execute(
        "SELECT from_facility_code, to_facility_code, transferred_on FROM staff_transfers WHERE id_number = ? ORDER BY id",
        [id_number]).fetchall()]


def count_at_facility(db: Database, facility_code: str) -> int:
    """Staff records (active or not) attached to a facility."""
    return db.execute("SELECT count(*) FROM staff WHERE facility_code = ?", [facility_code]).fetchone()[0]


def count(db: Database) -> int:
    """Number of staff records."""
    return db.execute("SELECT count(*) FROM staff").fetchone()[0]


def all_training(db: Database) -> list[TrainingRecord]:
    """Every training row."""
    return [TRAINING.from_row(r) for r in db.execute(f"SELECT {TRAINING.column_list} FROM training ORDER BY id_number, year, mode").fetchall()]


def training_of(db: Database, id_numbers: list[str], year: int) -> list[TrainingRecord]:
    """Training rows of these people in one year."""
    result: list[TrainingRecord] = []
    for start in range(0, len(id_numbers), 500):
        chunk = id_numbers[start : start + 500]
        sql = f"SELECT {TRAINING.column_list} FROM training WHERE year = ? AND id_number IN ({', '.join('?' * len(chunk))})"
        result.extend(TRAINING.from_row(r) for r in db.execute(sql, [year, *chunk]).fetchall())
    return result


def upsert_training(db: Database, records: Iterable[TrainingRecord]) -> int:
    """Insert or replace training rows keyed by (id_number, year, mode)."""
    rows = [TRAINING.to_row(r) for r in records]
    db.conn.executemany(
        "INSERT INTO training (id_number, year, days, mode) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(id_number, year, mode) DO UPDATE SET days = excluded.days",
        rows,
    )
    return len(rows)


def delete_training(db: Database, keys: Iterable[tuple[str, int, str]]) -> int:
    """Delete training rows by (id_number, year, mode)."""
    keys = list(keys)
    db.conn.executemany("DELETE FROM training WHERE id_number = ? AND year = ? AND mode = ?", keys)
    return len(keys)


def staff_list(db: Database) -> SqlList:
    """The staff list: filter by county, township, facility, category or status; search name, initials, facility."""
    return SqlList(
        db,
        from_sql="staff s JOIN facilities f ON f.code = s.facility_code JOIN divisions t ON t.code = f.township_code",
        id_expression="s.rowid",
        columns=[
            ListColumn("id_number", "s.id_number"),
            ListColumn("name", "s.name"),
            ListColumn("sex", "s.sex"),
            ListColumn("birth_date", "s.birth_date"),
            ListColumn("category", "s.category"),
            ListColumn("practice_scope", "s.practice_scope"),
            ListColumn("education", "s.education"),
            ListColumn("status", "s.status"),
            ListColumn("facility", "f.name"),
            ListColumn("township", "t.name"),
        ],
        search_expressions=["s.name", "s.pinyin_initials", "f.name", "f.code"],
        filters={
            "county": "f.county_code = ?",
            "township": "f.township_code = ?",
            "facility": "s.facility_code = ?",
            "category": "s.category = ?",
            "status": "s.status = ?",
        },
        default_order="t.code, f.code, s.name",
    )
