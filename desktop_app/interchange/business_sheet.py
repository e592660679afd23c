"""The 个体工商户 sheet (individual businesses): columns, import (key 统一社会信用代码) and export.

Each row is checked as the registry form checks it (:func:`business_registry.business_problems`:
GB 32100 code with the ``92`` prefix, GB 11643 operator ID, a known township, conversion fields
only when 已转企), and no credit code — own or post-conversion — may belong to another business,
stored or in the same sheet.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.domain.business.entities import BUSINESS_ACTIVE, BUSINESS_STATUSES, BUSINESS_TIERS, ENTERPRISE_TYPES, Business
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.domain.text import pinyin_initials
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import Upsert, on_row, record_from, row_of
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.services.business_registry import business_problems, normalised
from desktop_app.store import businesses_repo, divisions_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "个体工商户"
COLUMNS = (
    Column("uscc", "统一社会信用代码", "code", required=True,
           note="18位统一社会信用代码（GB 32100校验码须正确），个体工商户以92开头；请把单元格设为文本"),
    Column("name", "名称", "text", required=True, note="必填"),
    Column("operator_name", "经营者姓名", "text", required=True, note="必填"),
    Column("operator_id_number", "经营者身份证号", "code", note="18位居民身份证号（校验位须正确）；请把单元格设为文本"),
    Column("registered_on", "登记日期", "date", note="日期 YYYY-MM-DD，不晚于今天"),
    Column("township_code", "所在乡镇代码", "code", required=True, note="12位乡镇（街道）区划代码，须在区划表中"),
    Column("industry", "行业", "text", note="文本，如 餐饮、零售"),
    Column("online_only", "仅网络经营", "bool", default=False, note="是/否（默认否）"),
    Column("employees", "从业人数", "int", minimum=0, note="整数，≥0"),
    Column("tier", "分型", "choice", choices=BUSINESS_TIERS, note=" / ".join(BUSINESS_TIERS) + " / 空白"),
    Column("directory_joined_on", "名特优新入库日期", "date", note="日期，未进入名录库留空；不早于登记日期"),
    Column("status", "状态", "choice", choices=BUSINESS_STATUSES, default=BUSINESS_ACTIVE,
           note=" / ".join(BUSINESS_STATUSES) + "（默认存续）"),
    Column("converted_on", "转企日期", "date", note="状态为已转企时必填，其他状态留空"),
    Column("enterprise_type", "转企类型", "choice", choices=ENTERPRISE_TYPES, note=" / ".join(ENTERPRISE_TYPES) + "（仅已转企）"),
    Column("enterprise_uscc", "转企后信用代码", "code",
           note="转型后企业的统一社会信用代码（GB 32100，不以92开头；仅已转企）；请把单元格设为文本"),
    Column("credit_flag", "信用异常", "bool", note="是/否：有不良信用记录或被列入经营异常名录；空白=未核实"),
)


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Validate every row against the townships and the stored codes, then insert new businesses
    and update changed ones (pinyin initials of the name for the search), audited per record.

    Valid rows are written even when other rows are refused, so that the 政策申请 sheet is checked
    against them rather than refused in cascade; any problem rolls the whole import back.
    """
    outcome = SheetOutcome()
    today = date.today()
    townships = divisions_repo.township_codes(ctx.db)
    stored = {b.uscc: b for b in businesses_repo.all_businesses(ctx.db)}
    owners = {b.enterprise_uscc: b.uscc for b in stored.values() if b.enterprise_uscc} | {code: code for code in stored}
    upsert: Upsert[str, Business] = Upsert(stored)
    for parsed in rows:
        try:
            business = normalised(record_from(Business, COLUMNS, parsed.values))
        except ValidationError as refused:
            outcome.problems.extend(on_row(refused.problems, COLUMNS, row=parsed.row, sheet=NAME))
            continue
        problems = business_problems(business, township_exists=townships.__contains__, today=today)
        earlier = upsert.claim(business.uscc, parsed.row)
        if earlier is not None:
            problems.append(Problem("uscc", f"与第{earlier}行是同一统一社会信用代码"))
        for field in ("uscc", "enterprise_uscc"):
            code = getattr(business, field)
            owner = owners.get(code) if code else None
            if owner is not None and owner != business.uscc:
                problems.append(Problem(field, f"统一社会信用代码 {code} 已被个体工商户 {owner} 使用"))
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if not problems:
            owners[business.uscc] = business.uscc
            if business.enterprise_uscc:
                owners[business.enterprise_uscc] = business.uscc
            upsert.add(business.uscc, business)
    businesses_repo.insert_many(ctx.db, ((b, pinyin_initials(b.name)) for b in upsert.new))
    businesses_repo.update_many(ctx.db, ((b, pinyin_initials(b.name)) for _, b in upsert.changed))
    upsert.finish(ctx, "businesses", lambda b: b.uscc, outcome)
    return outcome


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every business as a row of the 个体工商户 sheet, in credit-code order."""
    for business in businesses_repo.all_businesses(ctx.db):
        yield row_of(business, COLUMNS)


SHEET = SheetSpec(name=NAME, key="businesses", columns=COLUMNS, key_columns=("uscc",), apply=apply, export=export,
                  division_of=lambda ctx, values: values.get("township_code"))
