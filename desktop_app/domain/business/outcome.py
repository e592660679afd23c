"""The outcome of an eligibility check: each condition with the facts behind it, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.money import fen_to_yuan_json


@dataclass(frozen=True)
class Condition:
    """One condition of a measure as the decision screen shows it.

    ``rule_id`` is the catalogue entry the condition comes from, ``key`` a stable English name
    (``window``, ``group``, ``first_business``…), ``label`` the requirement in Chinese, ``passed``
    True/False or None when an input it needs is blank, ``facts`` the data it was decided on and
    ``message`` the clerk-readable reason when it did not pass.
    """

    rule_id: str
    key: str
    label: str
    passed: bool | None
    facts: str
    message: str = ""


@dataclass(frozen=True)
class Eligibility:
    """Verdict on one application: eligible, amount (fen), conditions, failed rules and reasons.

    ``entry_id`` is the catalogue entry whose parameters were applied (a successor id such as
    ``ib.startup_subsidy@2026`` when that one was in force); ``amount_fen`` is None unless eligible.
    """

    receipt_no: str
    policy_id: str
    entry_id: str | None
    eligible: bool
    amount_fen: int | None
    conditions: list[Condition] = field(default_factory=list)
    failed_rules: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    citation: str = ""

    def as_json(self, receipt_no: str | None = None) -> dict[str, Any]:
        """The interchange §3 application object; amount in yuan rounded to 2 decimals (or null)."""
        return {
            "receipt_no": receipt_no if receipt_no is not None else self.receipt_no,
            "policy": self.policy_id,
            "eligible": self.eligible,
            "amount": fen_to_yuan_json(self.amount_fen) if self.amount_fen is not None else None,
            "failed_rules": list(self.failed_rules),
            "reasons": list(self.reasons),
        }
