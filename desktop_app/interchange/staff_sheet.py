"""The 人员 sheet (staff): columns, import (one record per ID number; a new facility is a transfer)
and export.

A known ID number with a different 机构编码 updates the person's record and appends a transfer
dated today to their history; it never creates a second record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem
from desktop_app.domain.health.entities import (
    EDUCATION_LEVELS,
    PRACTICE_SCOPES,
    STAFF_CATEGORIES,
    STAFF_STATUSES,
    StaffMember,
    validate_staff,
)
from desktop_app.domain.text import pinyin_initials
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row, record_from, row_of, facility_division
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import facilities_repo, staff_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "人员"
COLUMNS = (
    Column("id_number", "身份证号", "code", required=True,
           note="18位居民身份证号（校验位须正确），出生日期和性别由此得出；请把单元格设为文本，勿存成数字"),
    Column("name", "姓名", "text", required=True, note="必填"),
    Column("facility_code", "机构编码", "code", required=True,
           note="所在医疗机构的编码（须已登记或在本工作簿“医疗机构”表中）；与原记录不同即记为调动"),
    Column("category", "人员类别", "choice", choices=STAFF_CATEGORIES, note=" / ".join(STAFF_CATEGORIES)),
    Column("practice_scope", "执业类别", "choice", choices=PRACTICE_SCOPES, note=" / ".join(PRACTICE_SCOPES) + " / 空白"),
    Column("general_practice", "全科", "bool", note="是/否"),
    Column("education", "学历", "choice", choices=EDUCATION_LEVELS, note=" / ".join(EDUCATION_LEVELS)),
    Column("full_time", "全日制", "bool", note="是/否：最高学历是否全日制"),
    Column("township_hired", "乡聘村用", "bool", note="是/否"),
    Column("pension_insured", "职工养老保险", "bool", note="是/否"),
    Column("status", "状态", "choice", choices=STAFF_STATUSES, note=" / ".join(STAFF_STATUSES)),
    Column("left_on", "退出日期", "date", note="日期 YYYY-MM-DD；状态为退出时必填"),
)


def _member(values: Mapping[str, Any]) -> StaffMember:
    return record_from(StaffMember, COLUMNS, values, id_number=values["id_number"].upper())


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row against the facilities (including this import's 医疗机构 rows), then
    insert new people, update changed ones and record a transfer for each changed facility.

    Valid rows are written even when other rows are refused, so that later sheets are checked
    against them rather than refused in cascade; any problem rolls the whole import back.
    """
    outcome = SheetOutcome()
    today = date.today()
    facilities = {f.code: f for f in facilities_repo.all_facilities(ctx.db)}
    upsert: Upsert[str, StaffMember] = Upsert({m.id_number: m for m in staff_repo.all_staff(ctx.db)})
    for parsed in rows:
        member = _member(parsed.values)
        problems = validate_staff(member, facilities, today=today)
        earlier = upsert.claim(member.id_number, parsed.row)
        if earlier is not None:
            problems.append(Problem("id_number", f"与第{earlier}行是同一身份证号"))
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if not problems:
            upsert.add(member.id_number, member)
    staff_repo.insert_many(ctx.db, ((m, pinyin_initials(m.name)) for m in upsert.new))
    staff_repo.update_many(ctx.db, ((m, pinyin_initials(m.name)) for _, m in upsert.changed))
    staff_repo.record_transfers(
        ctx.db,
        (
            (after.id_number, before.facility_code, after.facility_code, today.isoformat(), ctx.actor.name)
            for before, after in upsert.changed
            if before.facility_code != after.facility_code
        ),
    )
    upsert.finish(ctx, "staff", lambda m: m.id_number, outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every staff record as a row of the 人员 sheet, in ID-number order."""
    for member in staff_repo.all_staff(ctx.db):
        yield row_of(member, COLUMNS)


SHEET = SheetSpec(name=NAME, key="staff", columns=COLUMNS, key_columns=("id_number",), apply=apply, export=export,
                   division_of=lambda ctx, values: facility_division(ctx, values.get("facility_code")))
