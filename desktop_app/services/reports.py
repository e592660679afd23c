"""报表: the registry of report kinds, rendering a report to PDF bytes, writing it atomically, and
the inspection pack (every village clinic of a county in one PDF).

Each kind is one :class:`ReportKind` in :data:`REPORT_KINDS`: its Chinese title, the options it
reads, a ``gather`` step (service data → plain report records) and a ``layout`` step (records →
PDF bytes, in :mod:`desktop_app.reports`). Later modules add their kinds with :func:`register`.
Bad input (unknown kind, facility, division, receipt or notice number, a division of the wrong
level, a year without data, an option the kind does not read) raises NotFound or ValidationError
before any file is touched; :func:`save_pdf` writes to a temporary name and renames it only when
complete.

Printing needs the ``print`` action and the report's divisions inside the user's scope (checked by
the guard of :func:`render_report`); the counter's papers to applicants also need a desk role
(:data:`DESK_ACTIONS`). ID numbers print in full only for roles with ``view_full_id``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.divisions import Division
from desktop_app.domain.errors import PermissionDenied, Problem, ValidationError
from desktop_app.domain.security import DECIDE, INTAKE, PRINT, READ, REVIEW, VIEW_FULL_ID, allowed
from desktop_app.services import dashboard, desk_report_data, health_report_data, subsidy_report_data
from desktop_app.services.context import ServiceContext
from desktop_app.services.desk_report_data import CaseChoice
from desktop_app.services.health_queries import CountyChoice, division_choices
from desktop_app.services.permissions import guarded
from desktop_app.store import applications_repo, businesses_repo, divisions_repo, facilities_repo, health_figures_repo

if TYPE_CHECKING:
    from desktop_app.reports.document import ReportMeta

DIVISION, FACILITY, YEAR, BLANK, RECEIPT, VISIT = "division", "facility", "year", "blank", "receipt", "visit"
OPTION_NAMES = {DIVISION: "区划代码", FACILITY: "机构编码", YEAR: "年度", BLANK: "空白表", RECEIPT: "受理编号", VISIT: "检查编号"}
MIN_YEAR, MAX_YEAR = 2000, 2100
DESK_ACTIONS = frozenset({INTAKE, REVIEW, DECIDE})
"""A role issuing the counter's papers to applicants needs one of these (a business desk role)."""

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ReportRequest:
    """What a report was asked for, checked: the division resolved, ``as_of`` filled in."""

    as_of: date
    division: Division | None = None
    facility: str | None = None
    year: int | None = None
    blank: bool = False
    receipt: str | None = None
    visit: str | None = None


@dataclass(frozen=True)
class ReportKind:
    """One kind of report: ``key`` (the CLI's KIND), Chinese ``title``, the ``options`` it reads
    (of DIVISION, FACILITY, YEAR, BLANK, RECEIPT, VISIT) and which are ``required``, the division levels it
    accepts, and its two steps: ``gather`` (ctx, request → report data; raises NotFound /
    ValidationError for bad input) and ``layout`` (data, meta → PDF bytes). ``needs_one_of``: actions
    of which the user's role needs at least one besides ``print`` (empty: ``print`` is enough)."""

    key: str
    title: str
    gather: Callable[[ServiceContext, ReportRequest], Any]
    layout: Callable[[Any, ReportMeta], bytes]
    options: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    division_levels: tuple[str, ...] = ()
    description: str = ""
    needs_one_of: frozenset[str] = frozenset()


REPORT_KINDS: dict[str, ReportKind] = {}


def register(kind: ReportKind) -> ReportKind:
    """Add a report kind to :data:`REPORT_KINDS`; raises ValueError for a key already taken."""
    if kind.key in REPORT_KINDS:
        raise ValueError(f"report kind {kind.key} is already registered")
    if not kind.required <= kind.options:
        raise ValueError(f"report kind {kind.key}: required options must be among its options")
    REPORT_KINDS[kind.key] = kind
    return kind


def report_meta(ctx: ServiceContext, *, today: date | None = None) -> ReportMeta:
    """The footer facts of a report from ``ctx``: database file name, generation date, demo flag,
    and whether ID numbers print in full (the acting user's role has ``view_full_id``)."""
    from desktop_app.reports.document import ReportMeta

    return ReportMeta(database_name=ctx.db_path.name, generated_on=today or date.today(),
                      demo=ctx.demo_dataset is not None, full_ids=allowed(ctx.actor.role, VIEW_FULL_ID))


def printable(role: str, kind: ReportKind) -> bool:
    """Whether a role may print a kind: ``print``, plus one of ``kind.needs_one_of`` when it names any."""
    return allowed(role, PRINT) and (not kind.needs_one_of or any(allowed(role, a) for a in kind.needs_one_of))


def _paper_division(ctx: ServiceContext, number: str) -> str | None:
    """The division of the case or one-time notice with this number: the applicant business's
    township, else the receiving county (None when there is no such case or notice)."""
    case = applications_repo.get(ctx.db, number)
    if case is not None:
        uscc, county = case.application.uscc, case.county_code
    else:
        notice = applications_repo.get_notice(ctx.db, number)
        if notice is None:
            return None
        uscc, county = notice.uscc, notice.county_code
    stored = businesses_repo.get(ctx.db, uscc) if uscc else None
    return stored.business.township_code if stored and stored.business.township_code else county


def _report_scope(ctx: ServiceContext, arguments: dict[str, Any]) -> list[str | None]:
    """The known divisions a report touches: its division, its facility's and its case's or notice's
    (unknown codes are left to the report, which refuses them with NotFound)."""
    codes: list[str | None] = []
    for key in ("division", "county"):
        code = str(arguments.get(key) or "").strip()
        if code and divisions_repo.get(ctx.db, code) is not None:
            codes.append(code)
    facility = str(arguments.get("facility") or "").strip()
    if facility:
        stored = facilities_repo.get(ctx.db, facility)
        codes.append(stored.facility.division_code if stored else None)
    number = str(arguments.get("receipt") or arguments.get("number") or "").strip()
    if number:
        codes.append(_paper_division(ctx, number))
    return codes


def parse_year(text: str | None) -> int | None:
    """The ``--year`` of the command line as an int (None when absent); ValidationError otherwise."""
    if text is None or not str(text).strip():
        return None
    value = str(text).strip()
    if not value.isdigit() or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise ValidationError(Problem(YEAR, f"年度应为 {MIN_YEAR}–{MAX_YEAR} 之间的四位数字，而不是“{value}”"))
    return int(value)


def _check(ctx: ServiceContext, spec: ReportKind, given: dict[str, Any], as_of: date) -> ReportRequest:
    problems = []
    for option, value in given.items():
        if value is None or value is False or value == "":
            if option in spec.required:
                problems.append(Problem(option, f"{spec.title}需要指定{OPTION_NAMES[option]}"))
        elif option not in spec.options:
            problems.append(Problem(option, f"{spec.title}不使用{OPTION_NAMES[option]}（{value}）"))
    year = given[YEAR]
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        problems.append(Problem(YEAR, f"年度应在 {MIN_YEAR}–{MAX_YEAR} 之间，而不是 {year}"))
    if problems:
        raise ValidationError(problems)
    division = None
    if given[DIVISION]:
        division = health_report_data.division_of_level(ctx, given[DIVISION], spec.division_levels, what=spec.title)
    return ReportRequest(as_of=as_of, division=division, facility=given[FACILITY] or None, year=year,
                         blank=bool(given[BLANK]), receipt=given[RECEIPT] or None, visit=given[VISIT] or None)


@guarded(PRINT, scope=_report_scope)
def render_report(
    ctx: ServiceContext,
    *,
    kind: str,
    division: str | None = None,
    facility: str | None = None,
    year: int | None = None,
    blank: bool = False,
    receipt: str | None = None,
    visit: str | None = None,
    as_of: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """Render one report of ``kind`` and return the PDF bytes.

    ``division`` is a county, township or the city's code (as the kind needs), ``facility`` a
    facility code, ``year`` the report year (default: the kind's, usually ``as_of``'s), ``blank``
    the empty inspection form, ``receipt`` a receipt number (or, for the one-time notice, the
    notice number), ``visit`` an inspection visit id (for kinds that read them), ``as_of`` the
    evaluation date and the payments' cut-off (default today). ``progress(done, total, text)`` is
    called between the steps (it may raise Cancelled).
    Raises PermissionDenied when the user's role may not print (this kind) or the report lies
    outside the user's scope; ValidationError for an unknown kind, an option the kind does not read
    or lacks, a wrong division level or a year without data; NotFound for an unknown facility,
    division, receipt or notice.
    """
    spec = REPORT_KINDS.get(kind)
    if spec is None:
        raise ValidationError(Problem("kind", f"未知的报表种类“{kind}”，可用：{'、'.join(REPORT_KINDS)}"))
    if not printable(ctx.actor.role, spec):
        raise PermissionDenied(f"“{ctx.actor.role}”角色不能打印{spec.title}（须为窗口、审核人员或系统管理员）")
    report = progress or (lambda _done, _total, _text: None)
    as_of = as_of or date.today()
    given = {DIVISION: division, FACILITY: facility, YEAR: year, BLANK: blank, RECEIPT: receipt, VISIT: visit}
    request = _check(ctx, spec, given, as_of)
    report(0, 2, f"正在汇总{spec.title}数据…")
    data = spec.gather(ctx, request)
    report(1, 2, f"正在排版{spec.title}…")
    pdf = spec.layout(data, report_meta(ctx))
    report(2, 2, "")
    return pdf


def save_pdf(pdf: bytes, out: Path | str) -> Path:
    """Write ``pdf`` to ``out`` atomically: a temporary file in the same folder, renamed when
    complete, removed on any failure (so no partial or stray file is left). Returns ``out``."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out


def write_report(ctx: ServiceContext, *, out: Path | str, **options: Any) -> Path:
    """Render a report (same keywords as :func:`render_report`) and write it to ``out``
    atomically; on bad input nothing is written. Returns the path written."""
    return save_pdf(render_report(ctx, **options), out)


@guarded(PRINT, scope=_report_scope)
def render_inspection_pack(
    ctx: ServiceContext, *, county: str, as_of: date | None = None, blank: bool = False, progress: Progress | None = None
) -> bytes:
    """The inspection forms of every 村卫生室 of a county-level unit in one PDF (a list of the
    clinics first, then one form per clinic on its own pages). NotFound for an unknown code,
    ValidationError for a code that is not a county or a county without village clinics."""
    from desktop_app.reports.facility_inspection import inspection_pack_pdf

    report = progress or (lambda _done, _total, _text: None)
    as_of = as_of or date.today()
    division = health_report_data.division_of_level(ctx, county, ("county",), what="村卫生室督导检查表汇编")
    clinics = health_report_data.county_clinics(ctx, division)
    if not clinics:
        raise ValidationError(Problem(DIVISION, f"{division.name}没有登记村卫生室"))
    report(0, 2, f"正在汇总{division.name} {len(clinics)} 所村卫生室的数据…")
    forms = health_report_data.inspection_forms(ctx, clinics, as_of=as_of, blank=blank)
    report(1, 2, "正在排版…")
    subtitle = f"共 {len(forms)} 所 · 评估日期：{as_of.year}年{as_of.month}月{as_of.day}日"
    pdf = inspection_pack_pdf(forms, report_meta(ctx), title=f"{division.name}村卫生室督导检查表", subtitle=subtitle)
    report(2, 2, "")
    return pdf


@dataclass(frozen=True)
class ReportChoices:
    """What the 报表 page offers: the city, the counties with their townships, the facilities of
    each township (code, name, kind), the years with 县区指标 or 签约服务 figures (ascending), the
    kinds the user's role may print (registry order) and the newest cases for the receipt picker."""

    city: tuple[str, str]
    counties: list[CountyChoice]
    facilities: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    cases: list[CaseChoice] = field(default_factory=list)
    visits: list[tuple[str, str]] = field(default_factory=list)
    """The newest inspection visits as (visit id, label), for kinds that read ``--visit``."""


def printable_kinds(ctx: ServiceContext) -> list[str]:
    """The kinds the acting user's role may print, in registry order."""
    return [key for key, spec in REPORT_KINDS.items() if printable(ctx.actor.role, spec)]


def report_choices(ctx: ServiceContext) -> ReportChoices:
    """The pickers' contents for the 报表 page (one call on the database thread)."""
    city = next(((d.code, d.name) for d in divisions_repo.all_divisions(ctx.db) if d.level == "city"), ("", "全市"))
    by_township: dict[str, list[tuple[str, str, str]]] = {}
    for facility in facilities_repo.all_facilities(ctx.db):
        by_township.setdefault(facility.township_code, []).append((facility.code, facility.name, facility.kind))
    years = {f.year for f in health_figures_repo.all_county_figures(ctx.db)}
    years |= {f.year for f in health_figures_repo.all_family_doctor(ctx.db)}
    kinds = printable_kinds(ctx)
    wants_cases = any(RECEIPT in REPORT_KINDS[k].options for k in kinds)
    cases = desk_report_data.recent_cases(ctx) if wants_cases else []
    visits: list[tuple[str, str]] = []
    if any(VISIT in REPORT_KINDS[k].options for k in kinds):
        from desktop_app.services.inspection_queries import visit_choices

        visits = visit_choices(ctx)
    return ReportChoices(city, division_choices(ctx), by_township, sorted(years), kinds, cases, visits)


@guarded(READ, scope=_report_scope)
def find_paper(ctx: ServiceContext, *, kind: str, number: str) -> CaseChoice:
    """The case (or, for ``missing-materials-notice``, the one-time notice) a receipt-number entry
    names, as the 报表 page shows it; NotFound for an unknown number."""
    if kind == "missing-materials-notice":
        return desk_report_data.find_notice(ctx, notice_no=number)
    return desk_report_data.find_case(ctx, receipt_no=number)


def _facility_inspection(ctx: ServiceContext, request: ReportRequest) -> Any:
    return health_report_data.inspection_form(ctx, code=request.facility or "", as_of=request.as_of, blank=request.blank)


def _county_summary(ctx: ServiceContext, request: ReportRequest) -> Any:
    assert request.division is not None
    year = request.year or dashboard.default_year(request.as_of)
    return health_report_data.county_summary(ctx, division=request.division, year=year, as_of=request.as_of)


def _township_roster(ctx: ServiceContext, request: ReportRequest) -> Any:
    assert request.division is not None
    return health_report_data.township_roster(ctx, township=request.division, as_of=request.as_of)


def _training_ledger(ctx: ServiceContext, request: ReportRequest) -> Any:
    return health_report_data.training_ledger(ctx, year=request.year or request.as_of.year, as_of=request.as_of,
                                              township=request.division, facility_code=request.facility)


def _receipt(request: ReportRequest) -> str:
    return request.receipt or ""


def _subsidy_statement(ctx: ServiceContext, request: ReportRequest) -> Any:
    assert request.division is not None
    return subsidy_report_data.statement(ctx, division=request.division, year=request.year or request.as_of.year,
                                         as_of=request.as_of)


def _payment_ledger(ctx: ServiceContext, request: ReportRequest) -> Any:
    assert request.division is not None
    return desk_report_data.payment_ledger(ctx, division=request.division, year=request.year or request.as_of.year)


def _layout(module: str, function: str) -> Callable[[Any, ReportMeta], bytes]:
    """A layout step imported on first use (reportlab costs ~0.1 s to import; the GUI starts without it)."""
    def layout(data: Any, meta: ReportMeta) -> bytes:
        from importlib import import_module

        return getattr(import_module(f"desktop_app.reports.{module}"), function)(data, meta)

    return layout


register(ReportKind(
    "facility-inspection", "督导检查表", _facility_inspection, _layout("facility_inspection", "facility_inspection_pdf"),
    options=frozenset({FACILITY, BLANK}), required=frozenset({FACILITY}),
    description="一个医疗机构的督导检查表：各项标准的评估结论、实际与要求、依据，现场核查栏和签字栏；可打印空白表",
))
register(ReportKind(
    "county-summary", "县区汇总表", _county_summary, _layout("county_summary", "county_summary_pdf"),
    options=frozenset({DIVISION, YEAR}), required=frozenset({DIVISION}), division_levels=("city", "county"),
    description="一个县（市、区）或全市：各项指标与目标（含柱状图）、按标准列出未达标机构、差距测算",
))
register(ReportKind(
    "township-roster", "乡镇花名册", _township_roster, _layout("township_roster", "township_roster_pdf"),
    options=frozenset({DIVISION}), required=frozenset({DIVISION}), division_levels=("township",),
    description="一个乡镇（街道）的医疗机构和人员及其达标情况，供检查时核对",
))
register(ReportKind(
    "training-ledger", "培训台账", _training_ledger, _layout("training_ledger", "training_ledger_pdf"),
    options=frozenset({DIVISION, FACILITY, YEAR}), division_levels=("township",),
    description="一个乡镇（街道）或医疗机构某年度每人培训天数，对照规则目录中的年度培训天数和集中学习天数要求",
))
register(ReportKind(
    "subsidy-statement", "补助资金台账", _subsidy_statement, _layout("subsidy_statement", "subsidy_statement_pdf"),
    options=frozenset({DIVISION, YEAR}), required=frozenset({DIVISION}), division_levels=("city", "county"),
    description="一个县（市、区）或全市某年度的补助资金：按项目和资金来源列应补助、预算、已拨付、未拨付，"
                "逾期未拨和超发标记，逐户明细，合计和签字栏（年度默认为评价日期所在年度）",
))
register(ReportKind(
    "payment-ledger", "发放台账", _payment_ledger, _layout("payment_ledger", "payment_ledger_pdf"),
    options=frozenset({DIVISION, YEAR}), required=frozenset({DIVISION}), division_levels=("city", "county"),
    description="一个县（市、区）或全市某年度个体工商户扶持政策的全部发放：按月份和政策汇总金额与笔数，再按月列出每笔发放"
                "（年度默认为评价日期所在年度）",
))
register(ReportKind(
    "application-form", "申请表", lambda ctx, r: desk_report_data.application_form(ctx, receipt_no=_receipt(r)),
    _layout("counter_papers", "application_form_pdf"), options=frozenset({RECEIPT}), required=frozenset({RECEIPT}),
    description="一件申请按受理记录填好的申请表：申请人、申请事项、申请事实、提交材料，供申请人核对签字",
    needs_one_of=DESK_ACTIONS,
))
register(ReportKind(
    "acceptance-receipt", "受理回执", lambda ctx, r: desk_report_data.acceptance_receipt(ctx, receipt_no=_receipt(r)),
    _layout("counter_papers", "acceptance_receipt_pdf"), options=frozenset({RECEIPT}), required=frozenset({RECEIPT}),
    description="受理回执：受理编号、申请事项、已收取材料、承诺办结日期，二维码含受理编号和校验码",
    needs_one_of=DESK_ACTIONS,
))
register(ReportKind(
    "missing-materials-notice", "一次性告知书",
    lambda ctx, r: desk_report_data.missing_materials_notice(ctx, notice_no=_receipt(r)),
    _layout("counter_papers", "missing_materials_notice_pdf"), options=frozenset({RECEIPT}), required=frozenset({RECEIPT}),
    description="材料不全时的一次性告知书：一次列出全部需补正的材料（编号为告知书编号 GZ…）",
    needs_one_of=DESK_ACTIONS,
))
register(ReportKind(
    "decision-notice", "审批结果通知书", lambda ctx, r: desk_report_data.decision_notice(ctx, receipt_no=_receipt(r)),
    _layout("counter_papers", "decision_notice_pdf"), options=frozenset({RECEIPT}), required=frozenset({RECEIPT}),
    description="审批结果通知书：批准金额（大写）或不予批准的理由，以及申请行政复议（60日）或提起行政诉讼（6个月）的权利",
    needs_one_of=DESK_ACTIONS,
))

# Kinds of other modules register themselves on import (kept last: they use register()).
from desktop_app.services import inspection_reports  # noqa: E402,F401 - rectification-notice, visit-summary, visit-pack
