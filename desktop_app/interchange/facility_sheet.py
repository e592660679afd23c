"""The 医疗机构 sheet (facilities): columns, import (insert new codes, update known ones) and export.

A 村卫生室 lists the villages it serves in one cell separated by ``;`` (blank = its own village).
A blank 服务人口 stays blank: for a 村卫生室 the standards engine derives it from the served
villages; for the other kinds the engine reports the gap as 未填写 (the record allows it, so an
exported database always imports again).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.domain.divisions import level_of_code
from desktop_app.domain.errors import Problem
from desktop_app.domain.health.entities import (
    CAPABILITY_LEVELS,
    CENTRE_KINDS,
    FACILITY_KINDS,
    OWNERSHIP,
    TCM_HALL_LEVELS,
    Facility,
    validate_facility,
)
from desktop_app.domain.text import pinyin_initials
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row, record_from, row_of
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import divisions_repo, facilities_repo, villages_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "医疗机构"
EARLIEST_BUILT_YEAR = 1900


def _yes_no(key: str, header: str, note: str = "是/否") -> Column:
    return Column(key, header, "bool", note=note)


COLUMNS = (
    Column("code", "机构编码", "code", required=True, note="必填，唯一"),
    Column("name", "机构名称", "text", required=True, note="必填"),
    Column("kind", "机构类型", "choice", required=True, choices=FACILITY_KINDS, note=" / ".join(FACILITY_KINDS)),
    Column("division_code", "所在区划代码", "code", required=True,
           note="村卫生室、社区卫生服务站填所在村/社区代码；乡镇卫生院、中心乡镇卫生院、社区卫生服务中心填乡镇（街道）代码"),
    Column("served_village_codes", "服务村庄代码", "list",
           note="仅村卫生室：所服务村庄的代码，用;分隔，须在本乡镇；空白=所在村"),
    Column("service_population", "服务人口", "int", minimum=0,
           note="整数，≥0；村卫生室可空（按服务村庄常住人口合计）；其他机构应填写，空白时相关标准判为“未填写”"),
    Column("ownership", "产权性质", "choice", choices=OWNERSHIP, note=" / ".join(OWNERSHIP)),
    _yes_no("government_run", "政府举办"),
    Column("licence_no", "执业许可证号", "text", note="文本"),
    Column("licence_valid_until", "许可证有效期至", "date", note="日期 YYYY-MM-DD"),
    Column("floor_area_m2", "建筑面积", "number", minimum=0, note="平方米，≥0"),
    Column("built_year", "新改扩建年份", "int", minimum=EARLIEST_BUILT_YEAR,
           note="最近一次新建/改建/扩建的年份，无则空白"),
    Column("beds", "床位数", "int", minimum=0, note="整数，≥0；村卫生室不设床位"),
    _yes_no("room_diagnosis", "诊断室"),
    _yes_no("room_treatment", "治疗室"),
    _yes_no("room_observation", "观察室"),
    _yes_no("room_pharmacy", "药房"),
    _yes_no("room_tcm", "中医治疗室"),
    _yes_no("room_public_health", "公共卫生室"),
    _yes_no("room_duty", "值班室"),
    Column("common_diseases", "常见病种数", "int", minimum=0, note="能识别和初步诊治的常见病、多发病种数，≥0"),
    Column("tcm_techniques", "中医药适宜技术数", "int", minimum=0, note="能提供的中医药适宜技术项数，≥0"),
    Column("tcm_hall", "中医馆", "choice", choices=TCM_HALL_LEVELS, note=" / ".join(TCM_HALL_LEVELS)),
    Column("capability_level", "服务能力", "choice", choices=CAPABILITY_LEVELS, note=" / ".join(CAPABILITY_LEVELS)),
    _yes_no("community_hospital", "社区医院"),
    _yes_no("sub_centre", "次中心", "是/否：县域医疗卫生次中心"),
    _yes_no("fever_clinic", "发热诊室"),
    _yes_no("outpatient_building", "门诊楼"),
    _yes_no("ward_building", "病房楼"),
    _yes_no("ct16", "16排CT", "是/否：16排及以上CT"),
    _yes_no("laminar_theatre", "层流手术室"),
    _yes_no("negative_pressure_ambulance", "负压救护车"),
)


def _facility(values: Mapping[str, Any]) -> Facility:
    served = values.get("served_village_codes") or ()
    return record_from(Facility, COLUMNS, values, served_village_codes=tuple(sorted(set(served))))


def _sheet_problems(facility: Facility, townships: set[str], this_year: int) -> list[Problem]:
    """The 医疗机构 rules the domain validator leaves to the caller (registry and calendar facts)."""
    problems: list[Problem] = []
    if facility.kind in CENTRE_KINDS and level_of_code(facility.division_code) == "township":
        if facility.division_code not in townships:
            problems.append(Problem("division_code", f"乡镇代码 {facility.division_code} 不在区划表中"))
    if facility.built_year is not None and facility.built_year > this_year:
        problems.append(Problem("built_year", f"新改扩建年份{facility.built_year}晚于今年"))
    return problems


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row against the villages and townships (including this import's 村庄 rows),
    then insert new codes and update changed ones, audited per record.

    Valid rows are written even when other rows are refused, so that later sheets are checked
    against them rather than refused in cascade; any problem rolls the whole import back.
    """
    outcome = SheetOutcome()
    villages = {v.code: v for v in villages_repo.all_villages(ctx.db)}
    townships = divisions_repo.township_codes(ctx.db)
    this_year = date.today().year
    upsert: Upsert[str, Facility] = Upsert({f.code: f for f in facilities_repo.all_facilities(ctx.db)})
    for parsed in rows:
        facility = _facility(parsed.values)
        problems = validate_facility(facility, villages) + _sheet_problems(facility, townships, this_year)
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if not problems:
            upsert.add(facility.code, facility)
    facilities_repo.insert_many(ctx.db, ((f, pinyin_initials(f.name)) for f in upsert.new))
    facilities_repo.update_many(ctx.db, ((f, pinyin_initials(f.name)) for _, f in upsert.changed))
    upsert.finish(ctx, "facilities", lambda f: f.code, outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every facility as a row of the 医疗机构 sheet, in code order."""
    for facility in facilities_repo.all_facilities(ctx.db):
        yield row_of(facility, COLUMNS)


SHEET = SheetSpec(name=NAME, key="facilities", columns=COLUMNS, key_columns=("code",), apply=apply, export=export,
                   division_of=lambda ctx, values: values.get("division_code"))
