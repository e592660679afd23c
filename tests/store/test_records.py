"""Dataclass ↔ row mapping keeps None, booleans, dates and tuples exactly."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.store.records import RecordMapper


def test_facility_round_trip_keeps_blanks_and_types() -> None:
    mapper = RecordMapper(Facility, exclude=("served_village_codes",))
    facility = Facility(code="C1", name="卫生室", kind="村卫生室", division_code="410821100201",
                        licence_valid_until=date(2026, 1, 31), room_tcm=False, room_duty=None, floor_area_m2=120.5)
    row = mapper.to_row(facility)
    assert row[mapper.columns.index("licence_valid_until")] == "2026-01-31"
    assert row[mapper.columns.index("room_tcm")] == 0 and row[mapper.columns.index("room_duty")] is None
    assert mapper.from_row(row, served_village_codes=()) == facility


def test_staff_round_trip() -> None:
    mapper = RecordMapper(StaffMember)
    member = StaffMember("11010519491231002X", "王五", "C1", full_time=True, left_on=date(2024, 3, 1), status="退出")
    assert mapper.from_row(mapper.to_row(member)) == member
