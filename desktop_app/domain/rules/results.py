"""What evaluating a rule produces: a status, actual vs required, and a clerk-readable message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Rule outcome (catalogue conventions). UNKNOWN when a needed input is blank — never PASS."""

    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RuleResult:
    """The result of one rule for one subject (facility, village, staff member, county…)."""

    rule_id: str
    status: Status
    actual: Any = None
    required: Any = None
    message: str = ""
    citation: str = ""

    def as_json(self) -> dict[str, Any]:
        """The interchange §3 result object (rule, status, actual, required, message)."""
        return {
            "rule": self.rule_id,
            "status": self.status.value,
            "actual": self.actual,
            "required": self.required,
            "message": self.message,
        }
