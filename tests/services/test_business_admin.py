"""Desk administration: the working-day calendar, promised days, successor entries and retirement,
each validated and audited."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.working_days import MAKE_UP_WORKDAY, REST_DAY
from desktop_app.services import desk_admin
from desktop_app.store import audit
from desktop_app.store.desk_settings_repo import CalendarDay

STARTUP = "ib.startup_subsidy"


def test_the_calendar_of_a_year_is_replaced_and_audited(ctx) -> None:
    desk_admin.set_calendar_year(ctx, year=2025, days=[CalendarDay(date(2025, 1, 1), REST_DAY, "元旦"),
                                                       CalendarDay(date(2025, 1, 26), MAKE_UP_WORKDAY)])
    desk_admin.set_calendar_year(ctx, year=2024, days=[CalendarDay(date(2024, 5, 1), REST_DAY)])
    desk_admin.set_calendar_year(ctx, year=2025, days=[CalendarDay(date(2025, 10, 1), REST_DAY, "国庆节")])
    assert [(d.day, d.note) for d in desk_admin.calendar_days(ctx, year=2025)] == [(date(2025, 10, 1), "国庆节")]
    calendar = desk_admin.work_calendar(ctx)
    assert not calendar.is_working_day(date(2024, 5, 1)) and calendar.is_working_day(date(2025, 1, 1))
    last = audit.entries_for(ctx.db, "work_calendar", "2025")[-1]
    assert "2025-01-26" in last["before_json"] and "2025-10-01" in last["after_json"]


@pytest.mark.parametrize("day", [
    CalendarDay(date(2024, 12, 31), REST_DAY),  # another year
    CalendarDay(date(2025, 1, 2), MAKE_UP_WORKDAY),  # a Thursday is worked anyway
    CalendarDay(date(2025, 1, 2), "放假"),
])
def test_bad_calendar_days_are_refused(ctx, day) -> None:
    with pytest.raises(ValidationError):
        desk_admin.set_calendar_year(ctx, year=2025, days=[day])
    assert desk_admin.calendar_days(ctx) == []


def test_a_day_listed_twice_is_refused(ctx) -> None:
    with pytest.raises(ValidationError, match="重复"):
        desk_admin.set_calendar_year(ctx, year=2025, days=[CalendarDay(date(2025, 2, 8), MAKE_UP_WORKDAY),
                                                           CalendarDay(date(2025, 2, 8), REST_DAY)])


def test_promised_days_default_to_ten_and_are_bounded(ctx) -> None:
    assert desk_admin.promised_working_days(ctx)[STARTUP] == desk_admin.DEFAULT_PROMISED_DAYS == 10
    desk_admin.set_promised_working_days(ctx, base_id=STARTUP, days=15)
    assert desk_admin.promised_working_days(ctx)[STARTUP] == 15
    desk_admin.set_promised_working_days(ctx, base_id=STARTUP, days=None)
    assert desk_admin.promised_working_days(ctx)[STARTUP] == 10
    for bad in (0, 121, True):
        with pytest.raises(ValidationError):
            desk_admin.set_promised_working_days(ctx, base_id=STARTUP, days=bad)
    with pytest.raises(ValidationError):
        desk_admin.set_promised_working_days(ctx, base_id="hc.village_clinic.seven_rooms", days=5)
    assert len(audit.entries_for(ctx.db, "measure_settings", STARTUP)) == 2


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"predecessor_id": "ib.nothing"}, "predecessor_id"),
    ({"predecessor_id": "hc.village_clinic.seven_rooms"}, "predecessor_id"),
    ({"suffix": "2026 new"}, "suffix"),
    ({"valid_from": date(2023, 7, 13)}, "valid_from"),  # not after the predecessor
    ({"valid_to": date(2025, 12, 31)}, "valid_to"),  # before valid_from
    ({"source_doc": " "}, "source_doc"),
    ({"params": {"amount": "很多"}}, "params.amount"),
    ({"params": {"bonus": 100}}, "params.bonus"),
    ({"params": {"groups": []}}, "params.groups"),
])
def test_bad_successor_entries_are_refused(ctx, kwargs, field) -> None:
    values = {"predecessor_id": STARTUP, "suffix": "2026", "valid_from": date(2026, 1, 1), "params": {"amount": 6000},
              "source_doc": "焦政办〔2026〕1号"}
    values.update(kwargs)
    with pytest.raises(ValidationError) as error:
        desk_admin.add_successor_entry(ctx, **values)
    assert field in error.value.by_field()
    assert [e.id for e in desk_admin.measure_entries(ctx) if "@" in e.id] == []


def test_successor_keeps_the_predecessor_logic_and_parameter_shapes(ctx) -> None:
    desk_admin.add_successor_entry(ctx, predecessor_id="emp.skill_subsidy", suffix="2024", valid_from=date(2024, 1, 1),
                                   valid_to=date(2024, 12, 31), params={"amount_by_level": {"初级": 1200, "中级": 1700, "高级": 2200, "不分级": 1700}},
                                   source_doc="焦人社〔2024〕1号", source_item="二")
    entry = desk_admin.effective_catalogue(ctx).get("emp.skill_subsidy@2024")
    assert entry.params["amount_by_level"]["初级"] == 1200 and entry.params["min_insured_months"] == 12
    assert entry.citation == "焦人社〔2024〕1号 二" and entry.after_valid_to == "expires"
    with pytest.raises(ValidationError, match="已存在"):
        desk_admin.add_successor_entry(ctx, predecessor_id="emp.skill_subsidy", suffix="2024", valid_from=date(2025, 1, 1),
                                       source_doc="x")
    with pytest.raises(ValidationError) as error:
        desk_admin.add_successor_entry(ctx, predecessor_id="emp.skill_subsidy@2024", suffix="2025", valid_from=date(2025, 1, 1),
                                       params={"amount_by_level": {"初级": 1}}, source_doc="x")
    assert "params.amount_by_level" in error.value.by_field()


def test_retirement_shortens_a_window_with_a_reason(ctx) -> None:
    desk_admin.retire_entry(ctx, rule_id="ib.guarantee_loan", last_day=date(2025, 6, 30), reason="额度政策调整")
    assert desk_admin.effective_catalogue(ctx).get("ib.guarantee_loan").valid_to == date(2025, 6, 30)
    assert desk_admin.retirements(ctx)["ib.guarantee_loan"].reason == "额度政策调整"
    for kwargs in ({"last_day": date(2026, 1, 1), "reason": "延期"},  # would extend the window
                   {"last_day": date(2023, 1, 1), "reason": "早于生效"},
                   {"last_day": date(2025, 3, 31), "reason": " "}):
        with pytest.raises(ValidationError):
            desk_admin.retire_entry(ctx, rule_id="ib.guarantee_loan", **kwargs)
    with pytest.raises(ValidationError):
        desk_admin.retire_entry(ctx, rule_id="hc.village_clinic.seven_rooms", last_day=date(2025, 1, 1), reason="x")
    assert [e["action"] for e in audit.entries_for(ctx.db, "catalogue_retirements", "ib.guarantee_loan")] == ["retire"]


def test_effective_catalogue_is_cached_until_it_changes(ctx) -> None:
    first = desk_admin.effective_catalogue(ctx)
    assert desk_admin.effective_catalogue(ctx) is first and first.version == ctx.catalogue.version
    assert first.family(STARTUP) == ctx.catalogue.family(STARTUP)
    desk_admin.retire_entry(ctx, rule_id=STARTUP, last_day=date(2025, 6, 30), reason="调整")
    assert desk_admin.effective_catalogue(ctx) is not first
