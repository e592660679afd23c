"""Records of the individual-business desk (interchange §2): businesses, person statuses, applications.

Field names are the English keys of the workbook sheets 个体工商户, 人员身份 and 政策申请. The
records check their closed vocabularies and simple invariants on construction and raise
ValidationError naming the field; format checks of codes (GB 11643, GB 32100) belong to the
importer and the intake form, which report them with sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from desktop_app.domain.divisions import county_code_of, is_division_code
from desktop_app.domain.errors import Problem, ValidationError

BUSINESS_STATUSES = ("存续", "注销", "已转企")
BUSINESS_ACTIVE = "存续"
BUSINESS_CONVERTED = "已转企"
BUSINESS_TIERS = ("生存型", "成长型", "发展型")
ENTERPRISE_TYPES = ("个人独资企业", "合伙企业", "有限公司")

PERSON_GROUPS = (
    "高校毕业生",
    "在校大中专学生",
    "留学回国人员",
    "就业困难人员",
    "脱贫家庭劳动力",
    "返乡农民工",
    "退役军人",
    "军队转业干部",
    "残疾人",
    "登记失业人员",
    "零就业家庭",
    "低保家庭",
)
GRADUATE = "高校毕业生"

APPLICATION_STATUSES = ("已受理", "审核中", "已批准", "不予批准", "已发放", "已撤回")
APPLICATION_DEFAULT_STATUS = "已受理"
GRANTED_STATUSES = ("已批准", "已发放")
CLOSED_WITHOUT_GRANT = ("不予批准", "已撤回")

FactValue = str | int | bool | date | tuple[str, ...]
"""A fact as written (text) or typed: bool, int (count, year or fen), date, tuple of ID numbers."""


def _require_in(problems: list[Problem], name: str, value: str | None, allowed: tuple[str, ...], *, optional: bool) -> None:
    if value is None or value == "":
        if not optional:
            problems.append(Problem(name, "不能为空"))
        return
    if value not in allowed:
        problems.append(Problem(name, f"“{value}”不是允许的取值（{'/'.join(allowed)}）"))


@dataclass(frozen=True)
class Business:
    """One individual business (个体工商户), keyed by its unified social credit code."""

    uscc: str
    name: str
    operator_name: str
    operator_id_number: str | None = None
    registered_on: date | None = None
    township_code: str | None = None
    industry: str | None = None
    online_only: bool = False
    employees: int | None = None
    tier: str | None = None
    directory_joined_on: date | None = None
    status: str = BUSINESS_ACTIVE
    converted_on: date | None = None
    enterprise_type: str | None = None
    enterprise_uscc: str | None = None
    credit_flag: bool | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("uscc", "name", "operator_name"):
            if not getattr(self, name):
                problems.append(Problem(name, "不能为空"))
        _require_in(problems, "status", self.status, BUSINESS_STATUSES, optional=False)
        _require_in(problems, "tier", self.tier, BUSINESS_TIERS, optional=True)
        _require_in(problems, "enterprise_type", self.enterprise_type, ENTERPRISE_TYPES, optional=True)
        if self.employees is not None and self.employees < 0:
            problems.append(Problem("employees", "从业人数不能为负数"))
        if self.township_code and not is_division_code(self.township_code):
            problems.append(Problem("township_code", f"乡镇代码“{self.township_code}”应为12位数字"))
        if self.converted_on and self.registered_on and self.converted_on < self.registered_on:
            problems.append(Problem("converted_on", "转企日期早于登记日期"))
        if problems:
            raise ValidationError(problems)

    @property
    def county_code(self) -> str | None:
        """The county-level division code derived from the township code, or None when blank."""
        return county_code_of(self.township_code) if self.township_code else None


@dataclass(frozen=True)
class PersonStatus:
    """A person's membership of a group (人员身份) from ``since`` until ``until`` (both inclusive)."""

    id_number: str
    status: str
    name: str = ""
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if not self.id_number:
            problems.append(Problem("id_number", "不能为空"))
        _require_in(problems, "status", self.status, PERSON_GROUPS, optional=False)
        if self.since and self.until and self.until < self.since:
            problems.append(Problem("until", "结束日期早于起始日期"))
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class Application:
    """A policy application (政策申请) received at the counter.

    ``policy_id`` is a catalogue rule id (a base id or a successor id such as
    ``ib.startup_subsidy@2026``); ``facts`` maps fact keys to raw text or typed values (see
    :mod:`desktop_app.domain.business.facts`); ``amount_requested_fen`` is in fen.
    """

    receipt_no: str
    policy_id: str
    received_on: date
    uscc: str | None = None
    id_number: str | None = None
    amount_requested_fen: int | None = None
    facts: Mapping[str, FactValue] = field(default_factory=dict, hash=False)
    status: str = APPLICATION_DEFAULT_STATUS

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if not self.policy_id:
            problems.append(Problem("policy", "不能为空"))
        if not isinstance(self.received_on, date):
            problems.append(Problem("received_on", "受理日期不能为空"))
        if not self.uscc and not self.id_number:
            problems.append(Problem("uscc", "统一社会信用代码和身份证号至少填写一项"))
        if self.amount_requested_fen is not None and self.amount_requested_fen < 0:
            problems.append(Problem("amount_requested", "申请金额不能为负数"))
        _require_in(problems, "status", self.status, APPLICATION_STATUSES, optional=False)
        if problems:
            raise ValidationError(problems)
        object.__setattr__(self, "facts", MappingProxyType(dict(self.facts)))

    @property
    def base_policy_id(self) -> str:
        """The policy id without a successor suffix (``emp.skill_subsidy@2026`` → ``emp.skill_subsidy``)."""
        return self.policy_id.split("@", 1)[0]

    @property
    def granted(self) -> bool:
        """True when the application is approved or paid (已批准 / 已发放)."""
        return self.status in GRANTED_STATUSES
