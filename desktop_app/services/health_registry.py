"""Health registry use cases: facilities, staff (with transfers) and training days, each one
validated, audited transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from datetime import date

from desktop_app.domain.divisions import level_of_code
from desktop_app.domain.errors import NotFound, Problem, RuleViolation, ValidationError
from desktop_app.domain.health.entities import (
    CENTRE_KINDS,
    TRAINING_MODES,
    Facility,
    StaffMember,
    TrainingRecord,
    validate_facility,
    validate_staff,
    validate_training,
)
from desktop_app.domain.text import pinyin_initials
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded, scope_filter
from desktop_app.domain.security import EDIT_HEALTH, READ
from desktop_app.store import audit, divisions_repo, facilities_repo, staff_repo, subsidies_repo, villages_repo
from desktop_app.store.connection import write_transaction
from desktop_app.store.facilities_repo import StoredFacility
from desktop_app.store.listing import SqlList
from desktop_app.store.staff_repo import StoredStaff

FACILITIES, STAFF, TRAINING = "facilities", "staff", "training"


def _facility_division(ctx: ServiceContext, code: str) -> str | None:
    stored = facilities_repo.get(ctx.db, code)
    return stored.facility.division_code if stored else None


def _staff_division(ctx: ServiceContext, id_number: str) -> str | None:
    stored = staff_repo.get(ctx.db, id_number)
    return _facility_division(ctx, stored.member.facility_code) if stored else None


def staff_division(ctx: ServiceContext, id_number: str) -> str | None:
    """The division code of the facility a person works at (None for an unknown person)."""
    return _staff_division(ctx, id_number)


def facility_problems(ctx: ServiceContext, facility: Facility) -> list[Problem]:
    """Every bad field of a facility, checked against the villages and townships in the database."""
    villages = villages_repo.get_many(ctx.db, [facility.division_code, *facility.served_village_codes])
    problems = validate_facility(facility, villages)
    if facility.kind in CENTRE_KINDS and level_of_code(facility.division_code) == "township":
        if divisions_repo.get(ctx.db, facility.division_code) is None:
            problems.append(Problem("division_code", f"乡镇代码 {facility.division_code} 不在区划表中"))
    return problems


@guarded(READ, scope=lambda ctx, a: [_facility_division(ctx, a["code"])])
def get_facility(ctx: ServiceContext, code: str) -> StoredFacility:
    """The facility with this code and its row version; NotFound otherwise."""
    stored = facilities_repo.get(ctx.db, code)
    if stored is None:
        raise NotFound(f"医疗机构 {code} 不存在")
    return stored


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [a["facility"].division_code])
def create_facility(ctx: ServiceContext, *, facility: Facility) -> Changes:
    """Register a facility after the 医疗机构 checks; refuse a duplicate code."""
    with write_transaction(ctx.db):
        problems = facility_problems(ctx, facility)
        if facilities_repo.row_version(ctx.db, facility.code) is not None:
            problems.append(Problem("code", f"机构编码 {facility.code} 已存在"))
        if problems:
            raise ValidationError(problems)
        facilities_repo.insert_many(ctx.db, [(facility, pinyin_initials(facility.name))])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "insert", FACILITIES, facility.code, None, asdict(facility))])
    return Changes(frozenset({FACILITIES}), inserted=1, keys=(facility.code,))


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [a["facility"].division_code, _facility_division(ctx, a["facility"].code)])
def update_facility(ctx: ServiceContext, *, facility: Facility, expected_version: int) -> Changes:
    """Change a facility's fields; refused when someone else changed it since ``expected_version``."""
    with write_transaction(ctx.db):
        before = get_facility(ctx, facility.code)
        if before.row_version != expected_version:
            raise RuleViolation("该机构记录在您打开后已被他人修改，请重新打开后再编辑")
        problems = facility_problems(ctx, facility)
        if problems:
            raise ValidationError(problems)
        facilities_repo.update_many(ctx.db, [(facility, pinyin_initials(facility.name))])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "update", FACILITIES, facility.code,
                                               asdict(before.facility), asdict(facility))])
    return Changes(frozenset({FACILITIES}), updated=1, keys=(facility.code,))


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [_facility_division(ctx, a["code"])])
def delete_facility(ctx: ServiceContext, *, code: str) -> Changes:
    """Delete a facility that no other record needs.

    Raises RuleViolation when staff records are still at the facility (move or remove them
    first), when subsidy payments were posted to it (the payment ledger is permanent, so the
    facility stays), or when any other record still refers to it (a foreign key).
    """
    with write_transaction(ctx.db):
        before = get_facility(ctx, code)
        staff = staff_repo.count_at_facility(ctx.db, code)
        if staff:
            raise RuleViolation(f"机构 {code} 仍有 {staff} 名人员记录，请先调出或删除人员")
        payments = len(subsidies_repo.postings_of(ctx.db, payee=code))
        if payments:
            raise RuleViolation(f"机构 {code} 已有 {payments} 笔补助发放记录，发放台账须永久保留，不能删除该机构")
        try:
            facilities_repo.delete(ctx.db, code)
        except sqlite3.IntegrityError as exc:
            raise RuleViolation(f"机构 {code} 仍被其他记录引用，不能删除") from exc
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "delete", FACILITIES, code, asdict(before.facility), None)])
    return Changes(frozenset({FACILITIES}), deleted=1, keys=(code,))


def facility_list(ctx: ServiceContext) -> SqlList:
    """The paged facility list (filters: county, township, kind, codes), limited to the user's scope."""
    listing = facilities_repo.facility_list(ctx.db)
    pattern = scope_filter(ctx)
    return listing if pattern is None else listing.restricted("f.division_code LIKE ?", pattern)


def _staff_problems(ctx: ServiceContext, member: StaffMember) -> list[Problem]:
    stored = facilities_repo.get(ctx.db, member.facility_code)
    facilities = {member.facility_code: stored.facility} if stored else {}
    return validate_staff(member, facilities, today=date.today())


@guarded(READ, scope=lambda ctx, a: [_staff_division(ctx, a["id_number"])])
def get_staff(ctx: ServiceContext, id_number: str) -> StoredStaff:
    """The staff record of this ID number and its row version; NotFound otherwise."""
    stored = staff_repo.get(ctx.db, id_number)
    if stored is None:
        raise NotFound("该身份证号没有人员记录")
    return stored


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [_facility_division(ctx, a["member"].facility_code)])
def create_staff(ctx: ServiceContext, *, member: StaffMember) -> Changes:
    """Register a person; one person has one record city-wide (a second facility is a transfer)."""
    with write_transaction(ctx.db):
        problems = _staff_problems(ctx, member)
        existing = staff_repo.get(ctx.db, member.id_number)
        if existing is not None:
            problems.append(Problem("id_number", f"此人已登记在机构 {existing.member.facility_code}，如调动请编辑其记录"))
        if problems:
            raise ValidationError(problems)
        staff_repo.insert_many(ctx.db, [(member, pinyin_initials(member.name))])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "insert", STAFF, member.id_number, None, asdict(member))])
    return Changes(frozenset({STAFF}), inserted=1, keys=(member.id_number,))


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [_facility_division(ctx, a["member"].facility_code),
                                             _staff_division(ctx, a["member"].id_number)])
def update_staff(ctx: ServiceContext, *, member: StaffMember, expected_version: int) -> Changes:
    """Change a staff record; a changed facility is recorded as a transfer dated today."""
    with write_transaction(ctx.db):
        before = get_staff(ctx, member.id_number)
        if before.row_version != expected_version:
            raise RuleViolation("该人员记录在您打开后已被他人修改，请重新打开后再编辑")
        problems = _staff_problems(ctx, member)
        if problems:
            raise ValidationError(problems)
        staff_repo.update_many(ctx.db, [(member, pinyin_initials(member.name))])
        if before.member.facility_code != member.facility_code:
            staff_repo.record_transfers(ctx.db, [(member.id_number, before.member.facility_code, member.facility_code,
                                                  date.today().isoformat(), ctx.actor.name)])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "update", STAFF, member.id_number,
                                               asdict(before.member), asdict(member))])
    return Changes(frozenset({STAFF}), updated=1, keys=(member.id_number,))


def staff_list(ctx: ServiceContext) -> SqlList:
    """The paged staff list (filters: county, township, facility, category, status), limited to the user's scope."""
    listing = staff_repo.staff_list(ctx.db)
    pattern = scope_filter(ctx)
    return listing if pattern is None else listing.restricted("f.division_code LIKE ?", pattern)


@guarded(READ, scope=lambda ctx, a: [a["township_code"]])
def township_training_grid(ctx: ServiceContext, *, township_code: str, year: int) -> list[tuple[StaffMember, dict[str, float]]]:
    """Active staff of a township with their training days per mode in ``year`` (for bulk entry)."""
    members = [m for m in staff_repo.all_staff(ctx.db) if m.status != "退出"]
    facilities = {f.code: f for f in facilities_repo.all_facilities(ctx.db) if f.township_code == township_code}
    members = [m for m in members if m.facility_code in facilities]
    members.sort(key=lambda m: (m.facility_code, m.name))
    days: dict[str, dict[str, float]] = {m.id_number: {} for m in members}
    for record in staff_repo.training_of(ctx.db, list(days), year):
        days[record.id_number][record.mode] = record.days
    return [(m, days[m.id_number]) for m in members]


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [_staff_division(ctx, i) for i in {i for i, _ in a["days"]}])
def save_training(ctx: ServiceContext, *, year: int, days: dict[tuple[str, str], float | None]) -> Changes:
    """Set training days for (id_number, mode) pairs of ``year`` in one transaction.

    A value of None or 0 removes the row. Every bad cell is reported (field ``id_number:mode``).
    """
    with write_transaction(ctx.db):
        staff = {m.id_number: m for m in staff_repo.all_staff(ctx.db)}
        problems: list[Problem] = []
        upserts: list[TrainingRecord] = []
        deletes: list[tuple[str, int, str]] = []
        for (id_number, mode), value in sorted(days.items()):
            if value in (None, 0):
                deletes.append((id_number, year, mode))
                continue
            record = TrainingRecord(id_number, year, float(value), mode)
            for problem in validate_training(record, staff):
                problems.append(Problem(f"{id_number}:{mode}", problem.reason))
            if mode not in TRAINING_MODES:
                continue
            upserts.append(record)
        if problems:
            raise ValidationError(problems)
        staff_repo.delete_training(ctx.db, deletes)
        staff_repo.upsert_training(ctx.db, upserts)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "save_training", TRAINING, str(year), None,
                                               {"set": len(upserts), "cleared": len(deletes)})])
    return Changes(frozenset({TRAINING}), updated=len(upserts), deleted=len(deletes))
