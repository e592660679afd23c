"""The 培训 sheet (training days): columns, import (key 身份证号 + 年度 + 方式) and export."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import Problem
from desktop_app.domain.health.entities import TRAINING_MODES, TrainingRecord, validate_training
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row, record_from, row_of, staff_division
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.store import staff_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "培训"
COLUMNS = (
    Column("id_number", "身份证号", "code", required=True, note="须已登记在人员表或本工作簿“人员”表中；请设为文本"),
    Column("year", "年度", "year", required=True, note="如 2024"),
    Column("days", "天数", "number", required=True, note="大于0，可带小数（如 0.5）"),
    Column("mode", "方式", "choice", required=True, choices=TRAINING_MODES, note=" / ".join(TRAINING_MODES)),
)

Key = tuple[str, int, str]


def _record(values: Mapping[str, Any]) -> TrainingRecord:
    id_number, days = values["id_number"].upper(), float(values["days"])
    return record_from(TrainingRecord, COLUMNS, values, id_number=id_number, days=days)


def _key(record: TrainingRecord) -> Key:
    return record.id_number, record.year, record.mode


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row against the staff records (including this import's 人员 rows), then
    insert new (person, year, mode) rows and update changed days, audited per row.

    Valid rows are written even when other rows are refused, so that later sheets are checked
    against them rather than refused in cascade; any problem rolls the whole import back.
    """
    outcome = SheetOutcome()
    staff = {m.id_number: m for m in staff_repo.all_staff(ctx.db)}
    upsert: Upsert[Key, TrainingRecord] = Upsert({_key(r): r for r in staff_repo.all_training(ctx.db)})
    for parsed in rows:
        record = _record(parsed.values)
        problems = validate_training(record, staff)
        earlier = upsert.claim(_key(record), parsed.row)
        if earlier is not None:
            problems.append(Problem("id_number", f"与第{earlier}行的身份证号、年度、方式相同"))
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if not problems:
            upsert.add(_key(record), record)
    staff_repo.upsert_training(ctx.db, upsert.written)
    upsert.finish(ctx, "training", lambda r: f"{r.id_number}:{r.year}:{r.mode}", outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every training row of the 培训 sheet, by person, year and mode."""
    for record in staff_repo.all_training(ctx.db):
        yield row_of(record, COLUMNS)


SHEET = SheetSpec(
    name=NAME, key="training", columns=COLUMNS, key_columns=("id_number", "year", "mode"), apply=apply, export=export,
    division_of=lambda ctx, values: staff_division(ctx, values.get("id_number")),
)
