"""Pieces every health rule shares: the governing catalogue entry, due-date status, exact
numbers, three-valued facts, result builders and Chinese number formatting.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import RuleResult, Status

Number = int | Fraction | Decimal
Subject = TypeVar("Subject")
# True / False, or None when the input that decides it is blank.
Fact = bool | None

STAYS = "stays"
CITY = "city"


@dataclass(frozen=True)
class Context:
    """What a subject rule sees besides its subject: the whole snapshot and the evaluation date."""

    snapshot: HealthSnapshot
    as_of: date


def lapsed(entry: RuleEntry, day: date) -> bool:
    """True when the entry does not stay after its window and ``day`` lies outside it."""
    return entry.after_valid_to != STAYS and not entry.covers(day)


def lapsed_message(entry: RuleEntry) -> str:
    """Clerk message for a rule whose document window does not cover the evaluation date."""
    start = entry.valid_from.isoformat() if entry.valid_from else "—"
    end = entry.valid_to.isoformat() if entry.valid_to else "—"
    return f"依据文件有效期为{start}至{end}，评价日不在有效期内，本项不适用"


def apply_rule(
    entry: RuleEntry, rule: Callable[[RuleEntry, Subject, Context], RuleResult], subject: Subject, ctx: Context
) -> RuleResult:
    """Run ``rule`` on ``subject``, or return not_applicable when the entry has lapsed on as_of."""
    if lapsed(entry, ctx.as_of):
        return result(entry, Status.NOT_APPLICABLE, None, None, lapsed_message(entry))
    return rule(entry, subject, ctx)


def result(entry: RuleEntry, status: Status, actual: Any, required: Any, message: str) -> RuleResult:
    """A RuleResult carrying the entry's id and citation (actual/required must be JSON-ready)."""
    return RuleResult(entry.id, status, actual, required, message, entry.citation)


def indicator_shortfall(year: int, target_year: int, as_of: date) -> tuple[Status, str]:
    """Status of an indicator below target, and the note for a warn. A target is due at the end of
    its target year: fail for indicator years from the target year on once as_of has reached
    31 December of it; warn before."""
    if year >= target_year and as_of >= date(target_year, 12, 31):
        return Status.FAIL, ""
    return Status.WARN, f"（目标须于{target_year}年底前达到）"


def shortfall_status(entry: RuleEntry, day: date) -> Status:
    """Status of a shortfall: warn before the entry's due date, fail on or after it (or without one)."""
    return Status.WARN if entry.due is not None and day < entry.due else Status.FAIL


def due_note(entry: RuleEntry, status: Status) -> str:
    """The message tail explaining a warn caused by a due date still ahead."""
    if status is Status.WARN and entry.due is not None:
        return f"（须于{entry.due.isoformat()}前达标）"
    return ""


def exact(value: int | float | str | Decimal) -> Fraction:
    """An exact Fraction for a catalogue or input number (0.85 → 17/20, never a binary float)."""
    if isinstance(value, float):
        return Fraction(str(value))
    return Fraction(value)


def json_number(value: Number | float | None) -> int | float | None:
    """A JSON-ready number: integers stay int, other values become floats rounded to 4 places."""
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, (Fraction, Decimal)) and value == int(value):
        return int(value)
    return round(float(value), 4)


def fmt(value: Number | float) -> str:
    """A number for a Chinese message with thousands separators (2,350). Entered values (int,
    float, Decimal) are shown exactly; computed Fractions are cut, never rounded up, to 2 decimals."""
    if isinstance(value, Fraction):
        value = Decimal(math.trunc(value * 100)) / 100
    elif isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return f"{int(value):,}"
        return f"{value.normalize():,f}"
    return f"{value:,}"


def fmt_percent(share: Fraction) -> str:
    """A share as a percentage cut to 2 decimals: 17/20 → 85%, 2/3 → 66.66%."""
    return f"{fmt(share * 100)}%"


def all_of(facts: Iterable[Fact]) -> Fact:
    """Three-valued AND: False if any is False, else None if any is None, else True."""
    unknown = False
    for fact in facts:
        if fact is False:
            return False
        if fact is None:
            unknown = True
    return None if unknown else True


def equals(value: Any, expected: Any) -> Fact:
    """``value == expected`` as a fact (None when the value is blank)."""
    return None if value is None else value == expected


def member_of(value: Any, allowed: Iterable[Any]) -> Fact:
    """``value in allowed`` as a fact (None when the value is blank)."""
    return None if value is None else value in allowed


@dataclass(frozen=True)
class Tally:
    """How many subjects satisfy a condition: ``yes`` of ``total``, of which ``blank`` undecided."""

    yes: int = 0
    total: int = 0
    blank: int = 0

    def add(self, fact: Fact) -> Tally:
        """The tally with one more subject whose condition is ``fact``."""
        return Tally(self.yes + (fact is True), self.total + 1, self.blank + (fact is None))

    def status(self, target: Fraction, shortfall: Status) -> Status:
        """pass when the share reaches ``target``; ``shortfall`` when even all blanks could not
        lift it there; unknown in between; not_applicable when there are no subjects."""
        if not self.total:
            return Status.NOT_APPLICABLE
        if Fraction(self.yes, self.total) >= target:
            return Status.PASS
        if Fraction(self.yes + self.blank, self.total) < target:
            return shortfall
        return Status.UNKNOWN


@dataclass(frozen=True)
class Scope:
    """Where a county or city indicator is computed: the county code (or CITY), the registry
    tallies of that scope, and the snapshot for figures kept per county."""

    code: str
    counts: Mapping[str, Tally]
    snapshot: HealthSnapshot


@dataclass(frozen=True)
class IndicatorResult:
    """A county or city indicator for one year: actual vs target in the unit of the rule's
    params (shares as fractions, visit rates in percent, counts, percentage points), the status,
    the smallest change that reaches the target (``gap``, empty when none is needed) and a message."""

    rule_id: str
    year: int
    actual: Number | None
    target: Number | None
    status: Status
    gap: str
    message: str
    citation: str

    def as_json(self) -> dict[str, Any]:
        """The interchange §3 indicator object (rule, year, actual, target, status, gap)."""
        return {
            "rule": self.rule_id,
            "year": self.year,
            "actual": json_number(self.actual),
            "target": json_number(self.target),
            "status": self.status.value,
            "gap": self.gap,
        }
