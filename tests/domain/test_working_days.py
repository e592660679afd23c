"""Working days: weekends, holidays, make-up workdays (the Spring Festivals of 2023 and 2025)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.working_days import MAKE_UP_WORKDAY, PLAIN_WEEKS, REST_DAY, WorkCalendar

# 国务院办公厅 2025 arrangement: 1月28日至2月4日放假调休；1月26日（周日）、2月8日（周六）上班.
SPRING_2025 = WorkCalendar.from_days(
    [(date(2025, 1, d), REST_DAY) for d in (28, 29, 30, 31)]
    + [(date(2025, 2, d), REST_DAY) for d in (3, 4)]
    + [(date(2025, 1, 26), MAKE_UP_WORKDAY), (date(2025, 2, 8), MAKE_UP_WORKDAY)]
)
# 2023: 1月21日至27日放假调休；1月28日（周六）、1月29日（周日）上班.
SPRING_2023 = WorkCalendar.from_days(
    [(date(2023, 1, d), REST_DAY) for d in (23, 24, 25, 26, 27)]
    + [(date(2023, 1, 28), MAKE_UP_WORKDAY), (date(2023, 1, 29), MAKE_UP_WORKDAY)]
)


def test_weekdays_work_and_weekends_rest_without_a_calendar() -> None:
    assert PLAIN_WEEKS.is_working_day(date(2025, 3, 7))  # Friday
    assert not PLAIN_WEEKS.is_working_day(date(2025, 3, 8))  # Saturday
    assert not PLAIN_WEEKS.is_working_day(date(2025, 3, 9))  # Sunday
    assert PLAIN_WEEKS.add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 10)
    assert PLAIN_WEEKS.add_working_days(date(2025, 3, 3), 10) == date(2025, 3, 17)


def test_holidays_rest_and_make_up_days_work() -> None:
    assert not SPRING_2025.is_working_day(date(2025, 1, 28))  # Tuesday, holiday
    assert SPRING_2025.is_working_day(date(2025, 1, 26))  # Sunday, make-up
    assert SPRING_2025.is_working_day(date(2025, 2, 8))  # Saturday, make-up
    assert not SPRING_2025.is_working_day(date(2025, 2, 1))  # Saturday inside the holiday
    assert SPRING_2025.is_working_day(date(2025, 2, 5))


def test_ten_working_days_across_the_2025_spring_festival() -> None:
    # Fri 24 Jan → Sun 26 (1), Mon 27 (2), holiday to Tue 4 Feb, Wed 5–Fri 7 (3–5),
    # Sat 8 make-up (6), Mon 10–Thu 13 (7–10).
    assert SPRING_2025.add_working_days(date(2025, 1, 24), 10) == date(2025, 2, 13)
    assert PLAIN_WEEKS.add_working_days(date(2025, 1, 24), 10) == date(2025, 2, 7)
    assert SPRING_2025.add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 5)


def test_make_up_saturday_and_sunday_of_2023() -> None:
    # Fri 20 Jan: the holiday week 21–27 rests, then Sat 28 and Sun 29 are worked.
    assert SPRING_2023.add_working_days(date(2023, 1, 20), 1) == date(2023, 1, 28)
    assert SPRING_2023.add_working_days(date(2023, 1, 20), 2) == date(2023, 1, 29)
    assert SPRING_2023.add_working_days(date(2023, 1, 20), 3) == date(2023, 1, 30)
    assert SPRING_2023.working_days_between(date(2023, 1, 20), date(2023, 2, 3)) == 7


def test_zero_days_and_a_start_on_a_holiday() -> None:
    assert SPRING_2025.add_working_days(date(2025, 1, 29), 0) == date(2025, 1, 29)
    assert SPRING_2025.add_working_days(date(2025, 1, 29), 1) == date(2025, 2, 5)  # received during the holiday
    assert SPRING_2025.add_working_days(date(2025, 2, 7), 1) == date(2025, 2, 8)  # the make-up Saturday counts


def test_working_days_between_counts_after_start_and_is_signed() -> None:
    assert SPRING_2025.working_days_between(date(2025, 1, 24), date(2025, 2, 13)) == 10
    assert SPRING_2025.working_days_between(date(2025, 2, 13), date(2025, 1, 24)) == -10
    assert SPRING_2025.working_days_between(date(2025, 2, 5), date(2025, 2, 5)) == 0


def test_bad_calendars_and_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="同时"):
        WorkCalendar.from_days([(date(2025, 1, 1), REST_DAY), (date(2025, 1, 1), MAKE_UP_WORKDAY)])
    with pytest.raises(ValueError, match="日历类型"):
        WorkCalendar.from_days([(date(2025, 1, 1), "放假")])
    with pytest.raises(ValueError, match="负数"):
        PLAIN_WEEKS.add_working_days(date(2025, 1, 1), -1)
    everything = WorkCalendar(frozenset(date(2025, 1, 1) + timedelta(days=i) for i in range(400)))
    with pytest.raises(ValueError, match="连续"):
        everything.add_working_days(date(2025, 1, 1), 1)


@given(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)), st.integers(min_value=1, max_value=40))
def test_the_result_is_a_working_day_exactly_n_working_days_later(start: date, days: int) -> None:
    for calendar in (PLAIN_WEEKS, SPRING_2025, SPRING_2023):
        end = calendar.add_working_days(start, days)
        assert calendar.is_working_day(end)
        assert calendar.working_days_between(start, end) == days
        assert calendar.working_days_between(start, end - timedelta(days=1)) == days - 1
