"""Backup copy names and the 30-daily / 12-monthly retention rule."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.backup_retention import BackupName, RetentionPolicy, is_valid_label, plan_retention


def copy(when: datetime, label: str = "daily", serial: int = 0) -> BackupName:
    return BackupName("township-desk", label, when, serial)


def daily_copies(first: datetime, days: int) -> list[BackupName]:
    return [copy(first + timedelta(days=n)) for n in range(days)]


def test_names_round_trip_and_foreign_files_are_not_copies() -> None:
    name = BackupName("desk.v2", "before-import", datetime(2025, 3, 1, 8, 15, 2), 2)
    assert name.file_name == "desk.v2.before-import.20250301-081502-2.sqlite3"
    assert BackupName.parse(name.file_name) == name
    assert BackupName.parse("township-desk.daily.20250301-081502.sqlite3") == copy(datetime(2025, 3, 1, 8, 15, 2))
    for foreign in (
        "township-desk.daily.20250301-081502.sqlite3.partial",  # not yet verified
        "township-desk.before-restore-20250301-081502.sqlite3",  # kept aside by restore
        "township-desk.daily.20251301-081502.sqlite3",  # month 13
        "township-desk.Daily.20250301-081502.sqlite3",
        "township-desk.sqlite3",
        "notes.txt",
    ):
        assert BackupName.parse(foreign) is None, foreign


def test_labels() -> None:
    assert is_valid_label("daily") and is_valid_label("before-import")
    for bad in ("", "Daily", "before import", "-x", "x-", "a--b", "备份", "a.b"):
        assert not is_valid_label(bad)


def test_the_last_30_days_and_12_months_keep_their_newest_copy() -> None:
    copies = daily_copies(datetime(2023, 1, 1, 8), 730)  # two years, one copy a day
    plan = plan_retention(copies)
    newest = copies[-1].taken_at
    daily = {c for c in copies if (newest - c.taken_at).days < 30}
    monthly = {max((c for c in copies if (c.taken_at.year, c.taken_at.month) == month), key=lambda c: c.taken_at)
               for month in {(c.taken_at.year, c.taken_at.month) for c in copies[-365:]}}
    assert set(plan.keep) == daily | monthly
    assert len(plan.keep) == 30 + 11  # December's newest is also a daily copy
    assert set(plan.delete) == set(copies) - set(plan.keep)
    assert plan.keep[0] == copies[-1] and plan.keep == sorted(plan.keep, key=lambda c: c.taken_at, reverse=True)


def test_only_the_newest_copy_of_a_day_is_kept() -> None:
    morning, noon = copy(datetime(2025, 3, 1, 8)), copy(datetime(2025, 3, 1, 12), "before-import")
    same_second = copy(datetime(2025, 3, 1, 12), "before-import", serial=1)
    plan = plan_retention([morning, noon, same_second])
    assert plan.keep == [same_second] and plan.delete == [noon, morning]


def test_days_without_copies_do_not_use_up_the_allowance() -> None:
    sparse = [copy(datetime(2024, 1, 1, 9) + timedelta(weeks=n)) for n in range(30)]  # the app used weekly
    assert plan_retention(sparse).delete == []
    assert plan_retention(sparse + [copy(datetime(2024, 12, 1))]).delete == [sparse[0]]


def test_smaller_policies_and_invalid_ones() -> None:
    copies = daily_copies(datetime(2025, 1, 1), 70)
    plan = plan_retention(copies, RetentionPolicy(daily=3, monthly=0))
    assert plan.keep == copies[-1:-4:-1]
    with pytest.raises(ValueError):
        RetentionPolicy(daily=0)
    assert plan_retention([]).keep == []


@given(st.lists(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)), max_size=120))
def test_plan_is_a_partition_that_always_keeps_the_newest(times: list[datetime]) -> None:
    copies = {copy(t.replace(microsecond=0)) for t in times}
    plan = plan_retention(copies)
    assert set(plan.keep) | set(plan.delete) == copies and not set(plan.keep) & set(plan.delete)
    assert len(plan.keep) <= 30 + 12
    if copies:
        assert max(copies, key=lambda c: c.taken_at) in plan.keep
    days = {c.taken_at.date() for c in plan.keep}
    assert len(days) == len(plan.keep)  # at most one copy per day survives
