"""Staff rules: yearly training days, village doctors' centralised study, elderly allowance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from health_builders import centre, clinic, person, snapshot, staff_result, village

from desktop_app.domain.health.entities import TrainingRecord
from desktop_app.domain.rules.results import Status

TRAINING = "hc.staff.training_days"
CENTRAL = "hc.staff.village_doctor_central_training"
ALLOWANCE = "hc.staff.elderly_allowance"
YEAR_END = date(2025, 12, 31)
RUNNING = date(2025, 12, 30)


def trained(member, *days_and_modes: tuple[float, str], year: int = 2025):
    return [TrainingRecord(member.id_number, year, days, mode) for days, mode in days_and_modes]


def training_snapshot(member, records):
    return snapshot(villages=[village(201)], facilities=[clinic(), centre()], staff=[member], training=records)


@pytest.mark.parametrize("offset, complete_status", [(0, Status.PASS), (1, Status.PASS), (-0.5, Status.FAIL), (-1, Status.FAIL)])
def test_training_days_threshold_and_year_end(catalogue, offset, complete_status):
    minimum = catalogue.get(TRAINING).params["min_days"]
    member = person(1, "T1", category="注册护士")
    snap = training_snapshot(member, trained(member, (minimum + offset - 5, "远程教育"), (5, "业务进修")))
    assert staff_result(snap, catalogue, TRAINING, as_of=YEAR_END).status is complete_status
    running = Status.PASS if complete_status is Status.PASS else Status.WARN
    assert staff_result(snap, catalogue, TRAINING, as_of=RUNNING).status is running


def test_training_year_is_complete_on_31_december(catalogue):
    member = person(1, "T1", category="执业医师")
    snap = training_snapshot(member, trained(member, (10, "集中学习")))
    assert staff_result(snap, catalogue, TRAINING, as_of=date(2025, 12, 30)).status is Status.WARN
    found = staff_result(snap, catalogue, TRAINING, as_of=date(2025, 12, 31))
    minimum = catalogue.get(TRAINING).params["min_days"]
    assert (found.status, found.actual, found.required) == (Status.FAIL, 10, minimum)
    assert found.message == f"2025年培训10天，少于{minimum}天，还差{minimum - 10}天"


def test_training_days_sum_exactly_and_only_in_the_year_of_as_of(catalogue):
    member = person(1, "T1", category="药师")
    records = trained(member, (10.1, "集中学习"), (19.9, "远程教育")) + trained(member, (30, "业务进修"), year=2024)
    found = staff_result(training_snapshot(member, records), catalogue, TRAINING, as_of=YEAR_END)
    assert (found.status, found.actual) == (Status.PASS, 30)
    no_rows = staff_result(training_snapshot(member, []), catalogue, TRAINING, as_of=YEAR_END)
    assert (no_rows.status, no_rows.actual) == (Status.FAIL, 0)


@pytest.mark.parametrize(
    "member, expected",
    [
        (person(1, category="其他"), Status.NOT_APPLICABLE),
        (person(1, status="退出", left_on=date(2025, 3, 1)), Status.NOT_APPLICABLE),
        (person(1, status=None), Status.UNKNOWN),
        (person(1, category=None), Status.UNKNOWN),
    ],
)
def test_training_days_applies_to_active_professionals(catalogue, member, expected):
    assert staff_result(training_snapshot(member, []), catalogue, TRAINING, as_of=YEAR_END).status is expected


def test_central_training_counts_only_its_mode_within_the_year(catalogue):
    params = catalogue.get(CENTRAL).params
    minimum, mode = params["min_days"], params["mode"]
    doctor = person(1, "C1")
    enough = trained(doctor, (minimum, mode), (20, "远程教育"))
    assert staff_result(training_snapshot(doctor, enough), catalogue, CENTRAL, as_of=YEAR_END).status is Status.PASS
    short = trained(doctor, (minimum - 1, mode), (30, "远程教育"))
    found = staff_result(training_snapshot(doctor, short), catalogue, CENTRAL, as_of=YEAR_END)
    assert (found.status, found.actual, found.required) == (Status.FAIL, minimum - 1, minimum)
    assert staff_result(training_snapshot(doctor, short), catalogue, CENTRAL, as_of=RUNNING).status is Status.WARN
    # the centralised days are counted inside the 30 days, not on top
    both = trained(doctor, (minimum, mode), (catalogue.get(TRAINING).params["min_days"] - minimum, "远程教育"))
    assert staff_result(training_snapshot(doctor, both), catalogue, TRAINING, as_of=YEAR_END).status is Status.PASS


@pytest.mark.parametrize(
    "member, expected",
    [
        (person(1, "C1", category="执业助理医师"), Status.FAIL),
        (person(1, "C1", category="注册护士"), Status.NOT_APPLICABLE),
        (person(1, "T1", category="执业医师"), Status.NOT_APPLICABLE),
        (person(1, "C1", status="退出", left_on=date(2025, 1, 1)), Status.NOT_APPLICABLE),
        (person(1, "GONE"), Status.UNKNOWN),
    ],
)
def test_central_training_applies_to_active_doctors_at_village_clinics(catalogue, member, expected):
    assert staff_result(training_snapshot(member, []), catalogue, CENTRAL, as_of=YEAR_END).status is expected


def retired(left_on: date | None = date(2026, 1, 1), **fields):
    base = dict(status="退出", left_on=left_on, township_hired=False, birth="19600315")
    return person(1, "C1", **{**base, **fields})


def allowance(catalogue, member):
    return staff_result(training_snapshot(member, []), catalogue, ALLOWANCE)


def test_elderly_allowance_age_on_the_exit_date(catalogue):
    minimum = catalogue.get(ALLOWANCE).params["min_age_at_exit"]
    birthday = date(1960 + minimum, 3, 15)
    on_birthday = allowance(catalogue, retired(birthday))
    assert (on_birthday.status, on_birthday.actual, on_birthday.required) == (Status.PASS, minimum, minimum)
    assert allowance(catalogue, retired(date(1960 + minimum, 3, 14))).status is Status.NOT_APPLICABLE
    assert allowance(catalogue, retired(date(1960 + minimum + 1, 3, 16))).status is Status.PASS


@pytest.mark.parametrize(
    "fields, expected",
    [
        (dict(township_hired=True), Status.NOT_APPLICABLE),
        (dict(township_hired=None), Status.UNKNOWN),
        (dict(category="注册护士"), Status.NOT_APPLICABLE),
        (dict(category="执业医师"), Status.PASS),
        (dict(status="在岗", left_on=None), Status.NOT_APPLICABLE),
        (dict(left_on=None), Status.UNKNOWN),
        (dict(status=None), Status.UNKNOWN),
    ],
)
def test_elderly_allowance_conditions(catalogue, fields, expected):
    member = retired(**fields)
    assert allowance(catalogue, member).status is expected


def test_elderly_allowance_only_for_village_clinic_work(catalogue):
    at_centre = person(1, "T1", status="退出", left_on=date(2026, 1, 1), township_hired=False, birth="19550101")
    found = allowance(catalogue, at_centre)
    assert found.status is Status.NOT_APPLICABLE and "不在村卫生室" in found.message


def test_elderly_allowance_with_an_invalid_id_is_unknown(catalogue):
    member = retired()
    wrong_check = "0" if member.id_number[17] != "0" else "1"
    broken = replace(member, id_number=member.id_number[:17] + wrong_check)
    found = staff_result(training_snapshot(broken, []), catalogue, ALLOWANCE)
    assert found.status is Status.UNKNOWN
