"""Inspection visits (督导检查) under 焦政办〔2023〕32号 四（三）: the records, their bad-input checks,
the life of a rectification order and the work-list dates.

A visit takes inspectors to facilities on a date. After the visit each facility gets one finding
per rule of its kind: 属实 (the registry is right), 不符 (the registry differs from what was seen,
with the value seen) or 未检查. A differing finding never changes the registry by itself: the
inspector chooses 已更新登记 (the registry is changed to what was seen, through the registry's own
use case) or 保留待核实. A failed or differing item may get one rectification order (整改通知) with
a responsible person and a deadline; the facility reports completion (已报告) and the inspector
closes it (已销号) or reopens it (back to 待整改). Dates are ``datetime.date``; comparisons are on
whole days, so they hold across a year end.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop_app.domain.errors import Problem, RuleViolation
from desktop_app.domain.health.entities import EQUIPMENT_FIELDS, OWNERSHIP, ROOM_FIELDS, TCM_HALL_LEVELS
from desktop_app.domain.health.rules_facility import FACILITY_RULES
from desktop_app.domain.rules.results import Status

CONFIRMED, DIFFERS, NOT_CHECKED = "属实", "不符", "未检查"
FINDINGS = (CONFIRMED, DIFFERS, NOT_CHECKED)
UPDATED, KEPT = "已更新登记", "保留待核实"
DECISIONS = (UPDATED, KEPT)
OPEN, REPORTED, CLOSED = "待整改", "已报告", "已销号"
ORDER_STATUSES = (OPEN, REPORTED, CLOSED)
NO_ORDER = "无"
SHEET_ORDER_STATUSES = (NO_ORDER, OPEN, REPORTED, CLOSED)
REPORT, CLOSE, REOPEN = "report", "close", "reopen"
DUE_SOON_DAYS = 7
INSPECTOR_SEPARATOR = "、"
MAX_VISIT_ID = 40
_NAME_SPLIT = re.compile(r"[、，,;；\s]+")
_VISIT_ID = re.compile(r"^[0-9A-Za-z\-_]+$")
# A failed rule, or one judged only a warning, may be ordered to be put right.
ORDERABLE_STATUSES = (Status.FAIL, Status.WARN)


@dataclass(frozen=True)
class VisitPlan:
    """What a planned visit is: its date, inspectors and facilities (codes, in visiting order).
    ``visit_id`` is None for a new visit (the service assigns ``JCyyyymmdd-nn``)."""

    visited_on: date
    inspectors: tuple[str, ...]
    facility_codes: tuple[str, ...]
    note: str = ""
    visit_id: str | None = None


@dataclass(frozen=True)
class Visit:
    """A stored visit (检查编号 = ``id``)."""

    id: str
    visited_on: date
    inspectors: tuple[str, ...]
    facility_codes: tuple[str, ...]
    note: str = ""

    @property
    def inspectors_text(self) -> str:
        """The inspectors as the sheet and the prints write them: ``张三、李四``."""
        return INSPECTOR_SEPARATOR.join(self.inspectors)


@dataclass(frozen=True)
class FindingEntry:
    """What the inspectors found for one rule of one facility. ``decision`` (已更新登记 /
    保留待核实) is required exactly when ``finding`` is 不符; ``photos`` are file names."""

    rule_id: str
    finding: str
    value_seen: str | None = None
    remark: str = ""
    photos: tuple[str, ...] = ()
    decision: str | None = None


@dataclass(frozen=True)
class Finding:
    """A stored finding; ``registry_value`` is what the registry said when it was recorded."""

    visit_id: str
    facility_code: str
    rule_id: str
    finding: str
    value_seen: str | None = None
    remark: str = ""
    photos: tuple[str, ...] = ()
    registry_decision: str | None = None
    registry_value: str = ""


@dataclass(frozen=True)
class Order:
    """A rectification order (整改通知) on one finding; ``division_code`` is the facility's host."""

    id: int
    visit_id: str
    facility_code: str
    rule_id: str
    requirement: str
    responsible: str
    deadline: date
    status: str = OPEN
    completion_note: str = ""
    reported_on: date | None = None
    reopened: int = 0
    county_code: str = ""
    division_code: str = ""


@dataclass(frozen=True)
class OrderEvent:
    """One step of an order: who did what (open, report, close, reopen, deadline) and when."""

    order_id: int
    action: str
    from_status: str | None
    to_status: str
    note: str
    on_date: date
    actor: str
    at: str


# --- visits --------------------------------------------------------------------------------------

def split_inspectors(text: str | None) -> tuple[str, ...]:
    """Names written ``张三、李四`` (also separated by ，,;； or spaces), trimmed, blanks dropped."""
    return tuple(name for name in _NAME_SPLIT.split(text or "") if name)


def visit_id_for(visited_on: date, taken: Collection[str]) -> str:
    """The first free ``JCyyyymmdd-nn`` for a visit on ``visited_on``."""
    number = 1
    while f"JC{visited_on:%Y%m%d}-{number:02d}" in taken:
        number += 1
    return f"JC{visited_on:%Y%m%d}-{number:02d}"


def visit_id_problem(visit_id: str) -> Problem | None:
    """Why a visit id given by hand (or in a sheet) cannot be used, or None."""
    if not visit_id.strip():
        return Problem("visit_id", "检查编号不能为空")
    if len(visit_id) > MAX_VISIT_ID or not _VISIT_ID.match(visit_id):
        return Problem("visit_id", f"检查编号“{visit_id}”只能由字母、数字、-和_组成，最多{MAX_VISIT_ID}位")
    return None


def visit_problems(plan: VisitPlan, known_facilities: Collection[str]) -> list[Problem]:
    """Every reason to refuse a visit plan: no inspector, a name that holds the separator, no or
    unknown or repeated facilities, a malformed visit id. A planned date may lie in the future."""
    problems: list[Problem] = []
    if plan.visit_id is not None:
        problem = visit_id_problem(plan.visit_id)
        if problem is not None:
            problems.append(problem)
    names = [n.strip() for n in plan.inspectors]
    if not any(names):
        problems.append(Problem("inspectors", "至少填写一名检查人员"))
    for name in names:
        if name and len(split_inspectors(name)) != 1:
            problems.append(Problem("inspectors", f"“{name}”含有分隔符，每位检查人员单独填写"))
    if not plan.facility_codes:
        problems.append(Problem("facility_codes", "至少选择一个被检查机构"))
    unknown = [c for c in plan.facility_codes if c not in known_facilities]
    if unknown:
        problems.append(Problem("facility_codes", f"机构编码{'、'.join(unknown)}不在医疗机构表中"))
    repeated = sorted({c for c in plan.facility_codes if plan.facility_codes.count(c) > 1})
    if repeated:
        problems.append(Problem("facility_codes", f"机构{'、'.join(repeated)}重复"))
    return problems


def findings_date_problem(visited_on: date, today: date) -> Problem | None:
    """Findings can be recorded only once the visit has taken place (its date is not in the future)."""
    if visited_on > today:
        return Problem("visited_on", f"检查日期{visited_on.isoformat()}晚于今天（{today.isoformat()}），检查尚未进行，不能录入检查结果")
    return None


# --- findings ------------------------------------------------------------------------------------

def base_id(rule_id: str) -> str:
    """The rule id without a successor suffix (``hc.x@2026`` → ``hc.x``)."""
    return rule_id.split("@", 1)[0]


def applicable_rules(kind: str) -> tuple[str, ...]:
    """Base ids of the standards that apply to a kind of facility, in checklist order."""
    return tuple(rule_id for rule_id, _ in FACILITY_RULES.get(kind, ()))


def rule_problem(rule_id: str, kind: str, catalogue_ids: Collection[str]) -> Problem | None:
    """Why ``rule_id`` cannot carry a finding for a facility of ``kind``: unknown to the catalogue,
    or a rule that does not apply to that kind; None when it may."""
    if rule_id not in catalogue_ids:
        return Problem("rule_id", f"规则代码“{rule_id}”不在规则目录中")
    if base_id(rule_id) not in applicable_rules(kind):
        return Problem("rule_id", f"规则{rule_id}不适用于{kind}（适用：{'、'.join(applicable_rules(kind)) or '无'}）")
    return None


def finding_problems(entry: FindingEntry, kind: str, catalogue_ids: Collection[str]) -> list[Problem]:
    """Every reason to refuse one finding (field = English key): the rule, the conclusion, a
    differing finding without the value seen or without the choice about the registry, a value
    seen or a choice given for a finding that does not differ."""
    problems: list[Problem] = []
    problem = rule_problem(entry.rule_id, kind, catalogue_ids)
    if problem is not None:
        problems.append(problem)
    if entry.finding not in FINDINGS:
        return problems + [Problem("finding", f"检查结论应为 {' / '.join(FINDINGS)} 之一，而不是“{entry.finding}”")]
    seen = (entry.value_seen or "").strip()
    if entry.finding == DIFFERS:
        if not seen:
            problems.append(Problem("value_seen", "检查结论为不符时须填写现场值"))
        if entry.decision not in DECISIONS:
            problems.append(Problem("decision", f"与登记不符的项目须选择：{UPDATED}（按现场更新登记）或{KEPT}"))
    else:
        if seen:
            problems.append(Problem("value_seen", f"检查结论为{entry.finding}时不填现场值（只有不符时填写）"))
        if entry.decision is not None:
            problems.append(Problem("decision", "只有与登记不符的项目才需选择是否更新登记"))
    for name in entry.photos:
        if not name.strip() or "/" in name or "\\" in name:
            problems.append(Problem("photos", f"照片文件名“{name}”无效（只填文件名，不含文件夹）"))
    return problems


# --- the registry behind a rule ----------------------------------------------------------------------

# The 医疗机构 fields a finding's value seen can be written to, per rule (base id). Rules computed
# from staff records (staff per 1,000, 乡聘村用, key staff) have none: their differences are
# corrected on the staff pages.
REGISTRY_FIELDS: Mapping[str, tuple[str, ...]] = {
    "hc.facility.licence": ("licence_valid_until",),
    "hc.village_clinic.floor_area": ("floor_area_m2",),
    "hc.community_station.floor_area": ("floor_area_m2",),
    "hc.community_centre.floor_area": ("floor_area_m2",),
    "hc.village_clinic.seven_rooms": tuple(ROOM_FIELDS.values()),
    "hc.village_clinic.public_ownership": ("ownership",),
    "hc.village_clinic.common_diseases": ("common_diseases",),
    "hc.township_centre.common_diseases": ("common_diseases",),
    "hc.central_centre.common_diseases": ("common_diseases",),
    "hc.village_clinic.tcm_techniques": ("tcm_techniques",),
    "hc.township_centre.beds_per_1000": ("beds",),
    "hc.township_centre.tcm_hall": ("tcm_hall",),
    "hc.centre.fever_clinic": ("fever_clinic",),
    "hc.central_centre.buildings_and_ct": tuple(EQUIPMENT_FIELDS.values()),
}
_HINTS = {
    "licence_valid_until": "许可证有效期至，日期如 2027-06-30",
    "floor_area_m2": "建筑面积（m²），如 126.5",
    "room_diagnosis": "现有的房间，用、分隔，如 诊断室、治疗室、药房；一间都没有写 无",
    "ownership": f"产权性质：{' / '.join(OWNERSHIP)}",
    "common_diseases": "能识别和初步诊治的病种数，如 22",
    "tcm_techniques": "掌握的中医药适宜技术类数，如 4",
    "beds": "床位数（张），如 60",
    "tcm_hall": f"中医馆：{' / '.join(TCM_HALL_LEVELS)}",
    "fever_clinic": "是否建立标准化发热诊室：是 / 否",
    "outpatient_building": "已有的项目，用、分隔，如 门诊楼、病房楼；都没有写 无",
}
_UNITS = ("m²", "㎡", "平方米", "平米", "种", "类", "张")


def value_hint(rule_id: str) -> str:
    """How to write the value seen for a rule whose registry can be updated ('' when it cannot)."""
    fields = REGISTRY_FIELDS.get(base_id(rule_id))
    return _HINTS.get(fields[0], "") if fields else ""


def can_update_registry(rule_id: str) -> bool:
    """True when a differing finding on this rule can be written to the 医疗机构 record."""
    return base_id(rule_id) in REGISTRY_FIELDS


def _number(text: str, *, integer: bool) -> Any:
    for unit in _UNITS:
        text = text.removesuffix(unit)
    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        raise ValueError("应为数字") from None
    if not value.is_finite() or value < 0:
        raise ValueError("应为不小于0的数字")
    if integer:
        if value != value.to_integral_value():
            raise ValueError("应为整数")
        return int(value)
    return float(value)


def _present(text: str, names: Iterable[str]) -> set[str]:
    parts = set(split_inspectors(text)) - {"无"}
    unknown = parts - set(names)
    if unknown:
        raise ValueError(f"不认识“{'、'.join(sorted(unknown))}”（可写：{'、'.join(names)}，或 无）")
    return parts


def registry_update(rule_id: str, value_seen: str) -> dict[str, Any]:
    """The 医疗机构 field values that write ``value_seen`` of a rule into the registry.

    Raises ValueError with a Chinese reason when the rule has no registry field (it is computed
    from staff records) or the value cannot be read (the reason says how to write it).
    """
    fields = REGISTRY_FIELDS.get(base_id(rule_id))
    if not fields:
        raise ValueError("该项由人员记录计算，不能直接更新机构登记；请选择“保留待核实”，到人员页核实更正")
    text = value_seen.strip()
    try:
        field = fields[0]
        if field == "licence_valid_until":
            try:
                return {field: date.fromisoformat(text)}
            except ValueError:
                raise ValueError("应为日期 YYYY-MM-DD") from None
        if field == "floor_area_m2":
            return {field: _number(text, integer=False)}
        if field in ("common_diseases", "tcm_techniques", "beds"):
            return {field: _number(text, integer=True)}
        if field == "ownership" or field == "tcm_hall":
            allowed = OWNERSHIP if field == "ownership" else TCM_HALL_LEVELS
            if text not in allowed:
                raise ValueError(f"应为 {' / '.join(allowed)} 之一")
            return {field: text}
        if field == "fever_clinic":
            if text not in ("是", "否", "有", "无"):
                raise ValueError("应为 是 / 否")
            return {field: text in ("是", "有")}
        names = ROOM_FIELDS if field in ROOM_FIELDS.values() else EQUIPMENT_FIELDS
        present = _present(text, names)
        return {column: label in present for label, column in names.items()}
    except ValueError as exc:
        raise ValueError(f"现场值“{value_seen}”无法写入登记：{exc}（{value_hint(rule_id)}）") from None


# --- rectification orders ------------------------------------------------------------------------------

def order_problems(*, finding: str | None, rule_status: Status | None, deadline: date, visited_on: date,
                   responsible: str | None, require_responsible: bool = True) -> list[Problem]:
    """Every reason to refuse a rectification order: no finding yet, an item that was not checked,
    or one found as registered and passing (nothing to put right); a deadline before the visit;
    no responsible person (not required for orders read from a sheet, which has no such column)."""
    problems: list[Problem] = []
    if finding is None:
        problems.append(Problem("rule_id", "该项尚未录入检查结论，不能下达整改"))
    elif finding == NOT_CHECKED:
        problems.append(Problem("rule_id", "该项未检查，不能下达整改"))
    elif finding == CONFIRMED and rule_status not in ORDERABLE_STATUSES:
        problems.append(Problem("rule_id", "该项现场属实且已达标，无需整改"))
    problem = deadline_problem(deadline, visited_on)
    if problem is not None:
        problems.append(problem)
    if require_responsible and not (responsible or "").strip():
        problems.append(Problem("responsible", "请填写整改责任人"))
    return problems


def deadline_problem(deadline: date, visited_on: date) -> Problem | None:
    """A deadline before the visit is refused."""
    if deadline < visited_on:
        return Problem("deadline", f"整改期限{deadline.isoformat()}早于检查日期{visited_on.isoformat()}")
    return None


def next_status(status: str, action: str) -> str:
    """The status an order moves to by ``action``; RuleViolation when the step is not allowed:
    only an open order can be reported, only a reported one closed (closing an order that was
    never reported is refused), and only a reported or closed one reopened."""
    if action == REPORT:
        if status != OPEN:
            raise RuleViolation(f"整改状态为{status}，只有待整改的通知可以报告完成")
        return REPORTED
    if action == CLOSE:
        if status != REPORTED:
            raise RuleViolation(f"整改状态为{status}：机构尚未报告整改完成，不能销号")
        return CLOSED
    if action == REOPEN:
        if status not in (REPORTED, CLOSED):
            raise RuleViolation(f"整改状态为{status}，只有已报告或已销号的通知可以重新打开")
        return OPEN
    raise ValueError(f"unknown order action {action!r}")


def path_to(status: str, target: str) -> list[str]:
    """The actions that take an order from ``status`` to ``target`` (for a sheet row that names the
    status): forward through 已报告, or a reopen back to 待整改. RuleViolation when there is none
    (e.g. 待整改 straight to 已销号: the facility never reported)."""
    forward = {(OPEN, REPORTED): [REPORT], (REPORTED, CLOSED): [CLOSE], (OPEN, OPEN): [], (REPORTED, REPORTED): [],
               (CLOSED, CLOSED): [], (REPORTED, OPEN): [REOPEN], (CLOSED, OPEN): [REOPEN]}
    if (status, target) in forward:
        return forward[(status, target)]
    if (status, target) == (OPEN, CLOSED):
        raise RuleViolation("机构尚未报告整改完成，不能直接销号（应先为已报告）")
    raise RuleViolation(f"整改状态不能从{status}改为{target}（已销号的通知只能重新打开为待整改）")


def is_overdue(deadline: date, status: str, as_of: date) -> bool:
    """Not closed and the deadline has passed (``deadline < as_of``)."""
    return status != CLOSED and deadline < as_of


def is_due_soon(deadline: date, status: str, as_of: date, days: int = DUE_SOON_DAYS) -> bool:
    """Not closed and due within ``days`` days from ``as_of`` (as_of itself included)."""
    return status != CLOSED and as_of <= deadline <= as_of + timedelta(days=days)


def days_left(deadline: date, as_of: date) -> int:
    """Days from ``as_of`` to the deadline (negative once it has passed)."""
    return (deadline - as_of).days
