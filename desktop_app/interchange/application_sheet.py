"""The 政策申请 sheet (applications): columns, import (key 受理编号; blank = numbered on import) and
export.

Rows go through :func:`applications.import_applications`, the same checks as the counter's intake
(policy in the catalogue, applicant registered, facts typed by the measure's fact specification);
its problems are placed on the row under the Chinese column. A row identical to its stored case
(as exported) is left alone, so a round trip changes nothing. Materials and decisions are not
part of the sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.domain.business.entities import APPLICATION_DEFAULT_STATUS, APPLICATION_STATUSES, Application
from desktop_app.domain.business.facts import shipped_fact_catalogue, split_facts_text
from desktop_app.domain.errors import NotFound, Problem, ValidationError
from desktop_app.domain.money import format_yuan
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheet_support import on_row
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec
from desktop_app.services.applications import import_applications
from desktop_app.store import applications_repo, businesses_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext

NAME = "政策申请"
RECEIPT_NO = re.compile(r"^\d{18}$")
MAX_FEN = 2**63 - 1  # the largest INTEGER SQLite stores
EARLIEST_RECEIPT = date(2000, 1, 1)
COLUMNS = (
    Column("receipt_no", "受理编号", "code",
           note="18位数字：县区代码6位+受理日期8位+流水号4位；空白=导入时按县区和受理日期自动编号"),
    Column("policy", "政策代码", "text", required=True, note="规则目录中的政策代码，如 ib.startup_subsidy、emp.skill_subsidy"),
    Column("uscc", "统一社会信用代码", "code", note="申请主体个体工商户（或转企后企业）的信用代码，须已登记；请设为文本"),
    Column("id_number", "身份证号", "code", note="申请人身份证号（按政策要求与信用代码至少填一项）；请设为文本"),
    Column("received_on", "受理日期", "date", required=True, note="日期 YYYY-MM-DD"),
    Column("amount_requested", "申请金额", "money", note="元，最多两位小数，可空"),
    Column("facts", "申请事实", "text",
           note="键=值，以;分隔，键为该政策所需的申请事实（如 连续纳税月数=3;按期申报=是）；无申请事实的政策留空"),
    Column("status", "状态", "choice", choices=APPLICATION_STATUSES, default=APPLICATION_DEFAULT_STATUS,
           note=" / ".join(APPLICATION_STATUSES) + "（默认已受理）"),
)
# The service cannot tell the receiving county (no business, an ID from outside the city): the ID's column.
_SERVICE_FIELDS = {"county_code": "id_number"}


def _application(values: Mapping[str, Any]) -> tuple[Application | None, list[Problem]]:
    """The row as an application (facts as written), or the problems of its cells."""
    receipt_no = str(values.get("receipt_no") or "").strip()
    problems: list[Problem] = []
    if receipt_no and not RECEIPT_NO.match(receipt_no):
        problems.append(Problem("receipt_no", f"受理编号“{receipt_no}”应为18位数字（县区代码+受理日期+4位流水号）"))
    received_on = values.get("received_on")
    if isinstance(received_on, date) and not EARLIEST_RECEIPT <= received_on <= date.today():
        problems.append(Problem("received_on", f"受理日期{received_on.isoformat()}不合理"
                                               f"（应在{EARLIEST_RECEIPT.year}年以后且不晚于今天）"))
    if (values.get("amount_requested") or 0) > MAX_FEN:
        problems.append(Problem("amount_requested", f"金额过大（最多{format_yuan(MAX_FEN)}元）"))
    try:
        facts = dict(split_facts_text(values.get("facts") or ""))
    except ValidationError as refused:
        problems.extend(refused.problems)
        facts = {}
    try:
        application = Application(
            receipt_no, str(values.get("policy") or "").strip(), values.get("received_on"),
            (values.get("uscc") or "").strip().upper() or None, (values.get("id_number") or "").strip().upper() or None,
            values.get("amount_requested"), facts, values.get("status") or APPLICATION_DEFAULT_STATUS,
        )
    except ValidationError as refused:
        problems.extend(refused.problems)
        return None, problems
    return (None if problems else application), problems


def _stored(ctx: ServiceContext, receipt_nos: list[str]) -> dict[str, Application]:
    """The stored applications with these receipt numbers (one pass over the table for many)."""
    wanted = set(receipt_nos)
    if len(wanted) <= 200:
        cases = (applications_repo.get(ctx.db, no) for no in wanted)
        return {c.receipt_no: c.application for c in cases if c is not None}
    return {a.receipt_no: a for batch in applications_repo.iter_applications(ctx.db) for a in batch if a.receipt_no in wanted}


def apply(ctx: ServiceContext, rows: list[ParsedRow]) -> SheetOutcome:
    """Check every row's cells, skip rows identical to their stored case, and import the others
    through the application service (new receipt numbers assigned, known ones updated)."""
    outcome = SheetOutcome()
    headers = {c.key: c.header for c in COLUMNS}
    parsed_rows: list[tuple[int, Application]] = []
    for parsed in rows:
        application, problems = _application(parsed.values)
        outcome.problems.extend(on_row(problems, COLUMNS, row=parsed.row, sheet=NAME))
        if application is not None:
            parsed_rows.append((parsed.row, application))
    stored = _stored(ctx, [a.receipt_no for _, a in parsed_rows if a.receipt_no])
    changed = [(row, a) for row, a in parsed_rows if stored.get(a.receipt_no) != a]
    outcome.unchanged = len(parsed_rows) - len(changed)
    if changed:
        try:
            done = import_applications(ctx, applications=[a for _, a in changed], rows=[row for row, _ in changed], sheet=NAME)
        except ValidationError as refused:
            # An unknown applicant also leaves the receiving county unknown: report the cause only.
            unknown = {p.row for p in refused.problems if p.field == "uscc"}
            outcome.problems.extend(
                Problem(headers.get(_SERVICE_FIELDS.get(p.field, p.field), p.field), p.reason, row=p.row, sheet=NAME)
                for p in refused.problems if not (p.field == "county_code" and p.row in unknown))
        else:
            outcome.inserted, outcome.updated = done.inserted, done.updated
    outcome.problems.sort(key=lambda p: p.row or 0)
    return outcome


def facts_text(application: Application) -> str:
    """The stored facts as the sheet writes them, ``key=value;…`` in the measure's order."""
    facts = dict(application.facts)
    try:
        order = [spec.key for spec in shipped_fact_catalogue().get(application.base_policy_id).facts]
    except NotFound:
        order = []
    keys = [k for k in order if k in facts] + sorted(k for k in facts if k not in order)
    return ";".join(f"{k}={facts[k]}" for k in keys)


def export(ctx: ServiceContext) -> Iterable[dict[str, Any]]:
    """Every application as a row of the 政策申请 sheet, in receipt-number order."""
    for batch in applications_repo.iter_applications(ctx.db):
        for app in batch:
            yield {"receipt_no": app.receipt_no, "policy": app.policy_id, "uscc": app.uscc, "id_number": app.id_number,
                   "received_on": app.received_on, "amount_requested": app.amount_requested_fen,
                   "facts": facts_text(app), "status": app.status}


def _division(ctx: ServiceContext, values: Mapping[str, Any]) -> str | None:
    """The applicant business's township, else the county of the receipt number or of the ID's area."""
    uscc = str(values.get("uscc") or "").strip().upper()
    business = businesses_repo.find_by_code(ctx.db, uscc) if uscc else None
    if business is not None and business.township_code:
        return business.township_code
    for code in (str(values.get("receipt_no") or ""), str(values.get("id_number") or "")):
        if code[:6].isdigit() and len(code) >= 6:
            return f"{code[:6]}000000"
    return None


SHEET = SheetSpec(name=NAME, key="applications", columns=COLUMNS, key_columns=("receipt_no",), apply=apply, export=export,
                  division_of=_division)
