"""The 村庄 sheet (villages): columns, import (insert new codes, update known ones) and export."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem
from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import VILLAGE_KINDS, Village, validate_village
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import divisions_repo, villages_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "村庄"
COLUMNS = (
    Column("code", "区划代码", "code", required=True,
           note="行政村/社区：12位统计用区划代码，前9位须为已知乡镇；自然村：所属行政村代码-两位序号，如 410821100201-01"),
    Column("name", "名称", "text", required=True, note="必填"),
    Column("kind", "类型", "choice", required=True, choices=VILLAGE_KINDS, note="行政村 / 自然村 / 社区"),
    Column("population", "常住人口", "int", required=True, minimum=0, note="整数，≥0，必填"),
    Column("hosts_township_centre", "乡镇卫生院所在地", "bool", default=False, note="是/否，默认否"),
    Column("minutes_to_clinic", "到最近村卫生室路程分钟", "int", minimum=0, note="整数，≥0，可空"),
)


def _village(values: Mapping[str, Any]) -> Village:
    return Village(
        code=values["code"],
        name=values["name"],
        kind=values["kind"],
        population=values["population"],
        hosts_township_centre=bool(values.get("hosts_township_centre") or False),
        minutes_to_clinic=values.get("minutes_to_clinic"),
    ).normalised()


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row, then insert new codes and update changed ones (audited per record).

    Rows are processed in code order so an administrative village precedes its natural villages.
    Valid rows are written even when other rows are refused, so that later sheets are checked
    against them rather than refused in cascade; any problem rolls the whole import back.
    """
    outcome = SheetOutcome()
    townships = divisions_repo.township_codes(ctx.db)
    existing = {v.code: v for v in villages_repo.all_villages(ctx.db)}
    admin_codes = {code for code, v in existing.items() if v.kind == "行政村"}
    upsert: Upsert[str, Village] = Upsert(existing)
    for parsed in sorted(rows, key=lambda r: r.values["code"]):
        village = _village(parsed.values)
        problems = validate_village(
            village, township_exists=townships.__contains__, admin_village_exists=admin_codes.__contains__
        )
        before = existing.get(village.code)
        if not problems and before is not None and before.kind == "行政村" and village.kind != "行政村" and any(
            c.startswith(village.code + "-") for c in existing
        ):
            problems.append(Problem("kind", "该行政村下有自然村，不能改为其他类型"))
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if not problems:
            upsert.add(village.code, village)
            if village.kind == "行政村":  # code order: a valid parent precedes its natural villages
                admin_codes.add(village.code)
    villages_repo.insert_many(ctx.db, ((v, pinyin_initials(v.name)) for v in upsert.new))
    villages_repo.update_many(ctx.db, ((v, pinyin_initials(v.name)) for _, v in upsert.changed))
    upsert.finish(ctx, "villages", lambda v: v.code, outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every village as a row of the 村庄 sheet."""
    for village in villages_repo.all_villages(ctx.db):
        yield {
            "code": village.code,
            "name": village.name,
            "kind": village.kind,
            "population": village.population,
            "hosts_township_centre": village.hosts_township_centre,
            "minutes_to_clinic": village.minutes_to_clinic,
        }


SHEET = SheetSpec(name=NAME, key="villages", columns=COLUMNS, key_columns=("code",), apply=apply, export=export,
                   division_of=lambda ctx, values: values.get("code"))
