"""The 县区指标 sheet (yearly county figures): columns, import (key 区划代码 + 年度) and export.

The code must be one of the county-level units of the division registry; visit rates are
percentages between 0 and 100 (87.5 means 87.5%).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem
from desktop_app.domain.health.entities import CountyFigure
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row, record_from, row_of
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import divisions_repo, health_figures_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "县区指标"
RATE_FIELDS = ("in_county_visit_rate", "primary_visit_rate")
COLUMNS = (
    Column("county_code", "区划代码", "code", required=True, note="县（市、区）的12位区划代码，如 410821000000"),
    Column("year", "年度", "year", required=True, note="如 2024"),
    Column("population", "常住人口", "int", minimum=0, note="整数，≥0"),
    Column("in_county_visit_rate", "县域内就诊率", "number", note="百分数 0–100，如 87.5 表示87.5%"),
    Column("primary_visit_rate", "基层就诊率", "number", note="百分数 0–100，如 65 表示65%"),
    Column("key_population", "重点人群人数", "int", minimum=0, note="整数，≥0"),
)

Key = tuple[str, int]


def _key(figure: CountyFigure) -> Key:
    return figure.county_code, figure.year


def _problems(figure: CountyFigure, counties: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    if figure.county_code not in counties:
        problems.append(Problem("county_code", f"{figure.county_code} 不是县（市、区）区划代码"))
    for name in RATE_FIELDS:
        rate = getattr(figure, name)
        if rate is not None and not 0 <= rate <= 100:
            problems.append(Problem(name, f"应为0到100之间的百分数（现为{rate:g}）"))
    return problems


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row (a county-level code, rates 0–100), then insert new (county, year) rows
    and update changed ones, audited per row.

    Valid rows are written even when other rows are refused, so that later sheets are checked
    against them rather than refused in cascade; any problem rolls the whole import back.
    """
    outcome = SheetOutcome()
    counties = {d.code for d in divisions_repo.all_divisions(ctx.db) if d.level == "county"}
    upsert: Upsert[Key, CountyFigure] = Upsert({_key(f): f for f in health_figures_repo.all_county_figures(ctx.db)})
    for parsed in rows:
        figure = record_from(CountyFigure, COLUMNS, parsed.values)
        problems = _problems(figure, counties)
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if not problems:
            upsert.add(_key(figure), figure)
    health_figures_repo.upsert_county_figures(ctx.db, upsert.written)
    upsert.finish(ctx, "county_figures", lambda f: f"{f.county_code}:{f.year}", outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every 县区指标 row, by county and year."""
    for figure in health_figures_repo.all_county_figures(ctx.db):
        yield row_of(figure, COLUMNS)


SHEET = SheetSpec(
    name=NAME, key="county_figures", columns=COLUMNS, key_columns=("county_code", "year"), apply=apply, export=export,
    division_of=lambda ctx, values: values.get("county_code"),
)
