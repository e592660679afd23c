"""The 人员身份 sheet (a person's membership of a supported group): columns, import (key 身份证号 +
身份类别) and export. The eligibility rules read these memberships (e.g. 高校毕业生 with the
graduation date as 起始日期 for the start-up subsidy).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desktop_app.domain.business.entities import PERSON_GROUPS, PersonStatus
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row, record_from, row_of
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.services.business_registry import id_number_problem
from desktop_app.store import businesses_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "人员身份"
COLUMNS = (
    Column("id_number", "身份证号", "code", required=True, note="18位居民身份证号（校验位须正确）；请把单元格设为文本"),
    Column("name", "姓名", "text", default="", note="文本"),
    Column("status", "身份类别", "choice", required=True, choices=PERSON_GROUPS, note=" / ".join(PERSON_GROUPS)),
    Column("since", "起始日期", "date", note="日期，如高校毕业生的毕业日期、登记失业人员的失业登记日期"),
    Column("until", "结束日期", "date", note="日期，可空；不早于起始日期"),
)

Key = tuple[str, str]


def _key(status: PersonStatus) -> Key:
    return status.id_number, status.status


def _division(values: dict[str, Any]) -> str | None:
    """The county of the ID number's area code (for users limited to a county)."""
    area = str(values.get("id_number") or "")[:6]
    return f"{area}000000" if len(area) == 6 and area.isdigit() else None


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row (GB 11643 ID, the group, dates in order), then insert new memberships and
    update changed ones, audited per row."""
    outcome = SheetOutcome()
    upsert: Upsert[Key, PersonStatus] = Upsert({_key(s): s for s in businesses_repo.all_statuses(ctx.db)})
    for parsed in rows:
        id_number = str(parsed.values.get("id_number") or "").strip().upper()
        problem = id_number_problem("id_number", id_number)
        if problem is not None:
            outcome.problems.extend(on_row([problem], COLUMNS, row=parsed.row, sheet=NAME))
            continue
        try:
            status = record_from(PersonStatus, COLUMNS, parsed.values, id_number=id_number,
                                 name=str(parsed.values.get("name") or "").strip())
        except ValidationError as refused:
            outcome.problems.extend(on_row(refused.problems, COLUMNS, row=parsed.row, sheet=NAME))
            continue
        earlier = upsert.claim(_key(status), parsed.row)
        if earlier is not None:
            outcome.problems.extend(on_row([Problem("id_number", f"与第{earlier}行的身份证号、身份类别相同")], COLUMNS,
                                           row=parsed.row, sheet=NAME))
            continue
        upsert.add(_key(status), status)
    businesses_repo.upsert_statuses(ctx.db, upsert.written)
    upsert.finish(ctx, "person_statuses", lambda s: f"{s.id_number}:{s.status}", outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every membership as a row of the 人员身份 sheet, by ID number and group."""
    for status in businesses_repo.all_statuses(ctx.db):
        yield row_of(status, COLUMNS)


SHEET = SheetSpec(name=NAME, key="person_statuses", columns=COLUMNS, key_columns=("id_number", "status"), apply=apply,
                  export=export, division_of=lambda ctx, values: _division(values))
