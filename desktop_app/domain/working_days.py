"""Working days (工作日) for promised completion dates: weekends, public holidays and make-up workdays.

A day is a working day when it is Monday–Friday and not listed as a rest day (休息日, e.g. the
Spring Festival holiday), or when it is a weekend day listed as a make-up workday (调休上班日).
The calendar is maintained by an administrator; this module only reads it. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

REST_DAY = "休息日"
MAKE_UP_WORKDAY = "调休上班日"
DAY_KINDS = (REST_DAY, MAKE_UP_WORKDAY)

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5
# No real calendar has this many rest days in a row; it stops a loop over a broken calendar.
_MAX_REST_RUN = 60


@dataclass(frozen=True)
class WorkCalendar:
    """Rest days on weekdays (holidays) and weekend days that are worked (make-up workdays)."""

    rest_days: frozenset[date] = field(default_factory=frozenset)
    make_up_workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.rest_days & self.make_up_workdays
        if both:
            listed = "、".join(d.isoformat() for d in sorted(both))
            raise ValueError(f"{listed}不能同时是休息日和调休上班日")

    @classmethod
    def from_days(cls, days: Iterable[tuple[date, str]]) -> WorkCalendar:
        """Build a calendar from (day, kind) pairs, kind 休息日 or 调休上班日.

        Raises ValueError for an unknown kind or a day listed with both kinds.
        """
        rest: set[date] = set()
        work: set[date] = set()
        for day, kind in days:
            if kind == REST_DAY:
                rest.add(day)
            elif kind == MAKE_UP_WORKDAY:
                work.add(day)
            else:
                raise ValueError(f"日历类型“{kind}”应为{'/'.join(DAY_KINDS)}")
        return cls(frozenset(rest), frozenset(work))

    def is_working_day(self, day: date) -> bool:
        """True when ``day`` is worked: a weekday not listed as 休息日, or a listed 调休上班日."""
        if day in self.make_up_workdays:
            return True
        if day in self.rest_days:
            return False
        return day.weekday() < _SATURDAY

    def add_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself is not counted).

        ``days`` = 0 returns ``start`` unchanged. Raises ValueError for a negative count, or when
        the calendar has more than 60 rest days in a row (a calendar entered wrongly).
        """
        if days < 0:
            raise ValueError("工作日天数不能为负数")
        current = start
        counted = 0
        resting = 0
        while counted < days:
            current += _ONE_DAY
            if self.is_working_day(current):
                counted += 1
                resting = 0
            else:
                resting += 1
                if resting > _MAX_REST_RUN:
                    raise ValueError(f"工作日历自{current - timedelta(days=resting - 1)}起连续{resting}天休息，请检查节假日设置")
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        current = start
        while current < end:
            current += _ONE_DAY
            if self.is_working_day(current):
                count += 1
        return count


PLAIN_WEEKS = WorkCalendar()
"""Monday–Friday with no holidays (used where no calendar has been entered)."""
