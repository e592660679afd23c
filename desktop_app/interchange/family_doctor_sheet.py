"""The 签约服务 sheet (family-doctor contracts): columns, import (key 机构编码 + 年度) and export."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem
from desktop_app.domain.health.entities import FamilyDoctorFigure
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row, record_from, row_of, facility_division
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import facilities_repo, health_figures_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "签约服务"
COLUMNS = (
    Column("facility_code", "机构编码", "code", required=True, note="须已登记或在本工作簿“医疗机构”表中"),
    Column("year", "年度", "year", required=True, note="如 2024"),
    Column("signed_residents", "签约人数", "int", minimum=0, note="家庭医生签约居民人数，≥0"),
    Column("signed_key_population", "重点人群签约人数", "int", minimum=0, note="其中重点人群签约人数，≥0"),
)

Key = tuple[str, int]


def _key(figure: FamilyDoctorFigure) -> Key:
    return figure.facility_code, figure.year


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row (the facility must exist, here or in this import's 医疗机构 rows), then
    insert new (facility, year) rows and update changed ones, audited per row.

    Valid rows are written even when other rows are refused, so that later sheets are checked
    against them rather than refused in cascade; any problem rolls the whole import back.
    """
    outcome = SheetOutcome()
    facilities = {f.code for f in facilities_repo.all_facilities(ctx.db)}
    upsert: Upsert[Key, FamilyDoctorFigure] = Upsert(
        {_key(f): f for f in health_figures_repo.all_family_doctor(ctx.db)}
    )
    for parsed in rows:
        figure = record_from(FamilyDoctorFigure, COLUMNS, parsed.values)
        problems = []
        if figure.facility_code not in facilities:
            problems.append(Problem("facility_code", f"机构编码{figure.facility_code}不在医疗机构表中"))
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if not problems:
            upsert.add(_key(figure), figure)
    health_figures_repo.upsert_family_doctor(ctx.db, upsert.written)
    upsert.finish(ctx, "family_doctor", lambda f: f"{f.facility_code}:{f.year}", outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every 签约服务 row, by facility and year."""
    for figure in health_figures_repo.all_family_doctor(ctx.db):
        yield row_of(figure, COLUMNS)


SHEET = SheetSpec(
    name=NAME, key="family_doctor", columns=COLUMNS, key_columns=("facility_code", "year"), apply=apply, export=export,
    division_of=lambda ctx, values: facility_division(ctx, values.get("facility_code")),
)
