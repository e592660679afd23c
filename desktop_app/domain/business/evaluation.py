"""The working state of one eligibility check and the helpers every measure shares.

A measure function receives an :class:`Evaluation`, adds its conditions in the order the decision
screen shows them and returns the amount (fen) it would grant. Parameters come from the catalogue
entry in force; nothing here knows a number of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from desktop_app.domain.business.entities import BUSINESS_ACTIVE, Application, Business, FactValue
from desktop_app.domain.business.facts import FactReading, MeasureSpec
from desktop_app.domain.business.lookups import COUNTY_AMOUNT_PARAMS, EligibilityHistory, EligibilitySettings
from desktop_app.domain.business.outcome import Condition
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.money import format_yuan, parse_yuan
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry

_UNSET = object()


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def yuan(fen: int) -> str:
    """Fen as a clerk reads it: ``500000`` → ``5,000.00元``."""
    return f"{format_yuan(fen)}元"


def percent(value: Fraction) -> str:
    """A ratio as a percentage with up to 2 decimals: ``Fraction(1, 5)`` → ``20%``."""
    text = f"{float(value * 100):.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def param_fen(entry: RuleEntry, name: str) -> int:
    """A money parameter of ``entry`` (yuan in the catalogue) in fen."""
    return parse_yuan(str(entry.param(name)))


def param_ratio(value: Any) -> Fraction:
    """A rate parameter (``0.055``) as an exact fraction, read through its decimal text."""
    return Fraction(str(value))


def granted_precedes(other: Application, application: Application) -> bool:
    """True when ``other`` was received before ``application`` (ties broken by receipt number)."""
    return (other.received_on, other.receipt_no) < (application.received_on, application.receipt_no)


@dataclass
class Evaluation:
    """Application, catalogue entry and look-ups of one check, collecting conditions and notes."""

    application: Application
    entry: RuleEntry
    catalogue: Catalogue
    history: EligibilityHistory
    settings: EligibilitySettings
    measure: MeasureSpec
    facts: FactReading
    conditions: list[Condition] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _business: Any = field(default=_UNSET, repr=False)

    @property
    def received_on(self) -> date:
        """The receipt date every date condition is measured against."""
        return self.application.received_on

    def add(self, key: str, label: str, passed: bool | None, facts: str, message: str = "", *, rule_id: str | None = None) -> bool | None:
        """Record one condition; ``message`` defaults to label and facts when it did not pass."""
        if passed is not True and not message:
            message = f"不符合“{label}”：{facts}"
        self.conditions.append(Condition(rule_id or self.entry.id, key, label, passed, facts, "" if passed is True else message))
        return passed

    def note(self, text: str) -> None:
        """Add an explanation that goes into the reasons of an eligible application."""
        self.notes.append(text)

    def param(self, name: str) -> Any:
        """Parameter ``name`` of the entry in force, or its configured override (settings)."""
        override = self.settings.parameter_override(self.entry.base_id, name)
        return self.entry.param(name) if override is None else override

    def fact(self, name: str) -> FactValue | None:
        """The typed value of fact ``name`` (English name), or None when absent or malformed."""
        return self.facts.values.get(name)

    def fact_gap(self, name: str) -> str:
        """Why a fact has no value: missing or malformed (for the message of a dependent condition)."""
        spec = self.measure.fact(name)
        if name in self.facts.missing:
            return f"缺少申请事实“{spec.key}”"
        return f"申请事实“{spec.key}”填写有误"

    def business(self) -> Business | None:
        """The applicant business (looked up once); adds the ``business`` condition."""
        if self._business is not _UNSET:
            return self._business
        uscc = (self.application.uscc or "").strip().upper()
        found = self.history.business(uscc) if uscc else None
        label = "申请主体为已登记的个体工商户"
        if not uscc:
            self.add("business", label, None, "申请未填写统一社会信用代码", "缺少申请主体的统一社会信用代码")
        elif found is None:
            self.add("business", label, False, f"统一社会信用代码{uscc}", f"登记库中没有统一社会信用代码为{uscc}的个体工商户")
        else:
            self.add("business", label, True, f"{found.name}（{found.uscc}），经营者{found.operator_name}")
        self._business = found
        return found

    def require_active(self, business: Business) -> None:
        """Add the condition that the business is 存续 (still operating as an individual business)."""
        self.add("active", f"个体工商户状态为“{BUSINESS_ACTIVE}”", business.status == BUSINESS_ACTIVE, f"状态：{business.status}",
                 f"个体工商户状态为“{business.status}”，不是“{BUSINESS_ACTIVE}”")

    def person_id(self) -> str | None:
        """The applicant's ID number (upper case); adds a failed condition when a person measure lacks it."""
        id_number = (self.application.id_number or "").strip().upper()
        if not id_number:
            self.add("person", "申请人身份证号", None, "申请未填写身份证号", "缺少申请人身份证号")
            return None
        return id_number

    def blocking(self, grants: Iterable[Application]) -> list[Application]:
        """The granted applications that count against this one, each once, oldest first.

        Any other granted application counts against a pending one; against an application that
        is itself granted only those received before it count, so that evaluating the database
        flags the later of two duplicates, not both.
        """
        own = self.application
        found: dict[str, Application] = {}
        for grant in grants:
            if grant.receipt_no == own.receipt_no or not grant.granted:
                continue
            if own.granted and not granted_precedes(grant, own):
                continue
            found.setdefault(grant.receipt_no, grant)
        return sorted(found.values(), key=lambda a: (a.received_on, a.receipt_no))

    def county_amount(self, business: Business | None) -> int:
        """The county's configured amount (fen) for this measure, never below the policy minimum."""
        minimum = param_fen(self.entry, COUNTY_AMOUNT_PARAMS[self.entry.base_id])
        county = business.county_code if business else None
        if county is None:
            self.note(f"个体工商户未登记所在乡镇，按政策最低标准{yuan(minimum)}核定")
            return minimum
        configured = self.settings.county_amount_fen(county, self.entry.base_id)
        if configured is None:
            self.note(f"所在县区未设定奖励金额，按政策最低标准{yuan(minimum)}核定")
            return minimum
        if configured < minimum:
            self.note(f"所在县区设定金额{yuan(configured)}低于政策最低标准，按{yuan(minimum)}核定")
            return minimum
        return configured


def describe_grants(grants: Iterable[Application]) -> str:
    """Receipt numbers, dates and statuses of granted applications, for condition facts."""
    items = [f"{g.receipt_no}（{g.received_on.isoformat()}受理，{g.status}）" for g in grants]
    return "、".join(items) if items else "无"


def masked(id_number: str | None) -> str:
    """A masked ID number, or 未登记 when blank."""
    return mask_id_number(id_number) if id_number else "未登记"
