"""Shared helpers for the individual-business tests: catalogue, valid codes and an in-memory history."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desktop_app.domain.business.eligibility import CountySettings, Eligibility, check_eligibility
from desktop_app.domain.business.entities import Application, Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.money import parse_yuan
from desktop_app.domain.rules.catalogue import Catalogue

ROOT = Path(__file__).resolve().parents[3]
RULES_PATH = ROOT / "resources" / "policy" / "rules.json"
ONE_DAY = timedelta(days=1)

_RAW = json.loads(RULES_PATH.read_text(encoding="utf-8"))
CATALOGUE = Catalogue.from_json(_RAW)


def params(rule_id: str) -> Any:
    """Parameters of a shipped catalogue entry."""
    return CATALOGUE.get(rule_id).params


def fen(rule_id: str, name: str) -> int:
    """A money parameter of a shipped entry, in fen."""
    return parse_yuan(str(params(rule_id)[name]))


def catalogue_with(*entries: dict[str, Any]) -> Catalogue:
    """The shipped catalogue plus extra entries (successors), each a copy of a base entry with changes."""
    data = copy.deepcopy(_RAW)
    data["rules"].extend(entries)
    return Catalogue.from_json(data)


def successor(base_id: str, suffix: str, **changes: Any) -> dict[str, Any]:
    """A successor entry ``base_id@suffix``: the base entry with ``changes`` (``params`` merged)."""
    entry = copy.deepcopy(next(r for r in _RAW["rules"] if r["id"] == base_id))
    entry["id"] = f"{base_id}@{suffix}"
    new_params = changes.pop("params", {})
    entry["params"].update(new_params)
    entry.update(changes)
    return entry


def make_id(birth: date = date(1995, 5, 17), serial: int = 1, area: str = "410821") -> str:
    """A valid synthetic 18-character ID number."""
    body = f"{area}{birth:%Y%m%d}{serial:03d}"
    return body + id_check_character(body)


def make_uscc(serial: int, area: str = "410821", prefix: str = "92") -> str:
    """A valid synthetic credit code (individual business unless ``prefix`` says otherwise)."""
    return complete_uscc(f"{prefix}{area}{serial:09d}")


TOWNSHIP = "410821100000"
COUNTY = "410821000000"
OTHER_TOWNSHIP = "410882100000"


def business(serial: int = 1, **changes: Any) -> Business:
    """A 存续 business of 修武县 registered 2022-03-01, operator :func:`make_id` ()."""
    values: dict[str, Any] = {
        "uscc": make_uscc(serial),
        "name": f"测试商户{serial}",
        "operator_name": "张三",
        "operator_id_number": make_id(),
        "registered_on": date(2022, 3, 1),
        "township_code": TOWNSHIP,
        "status": "存续",
        "credit_flag": False,
    }
    values.update(changes)
    return Business(**values)


_counter = iter(range(1, 10**6))


def application(policy_id: str, received_on: date, **changes: Any) -> Application:
    """An application with a fresh receipt number (status 已受理 unless changed)."""
    values: dict[str, Any] = {"receipt_no": f"T{next(_counter):06d}", "policy_id": policy_id, "received_on": received_on}
    values.update(changes)
    return Application(**values)


@dataclass
class MemoryHistory:
    """EligibilityHistory over plain lists, as the store will answer it with SQL."""

    businesses: list[Business] = field(default_factory=list)
    statuses: list[PersonStatus] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)

    def business(self, uscc: str) -> Business | None:
        code = uscc.upper()
        return next((b for b in self.businesses if code in (b.uscc, b.enterprise_uscc)), None)

    def businesses_of_operator(self, id_number: str) -> Sequence[Business]:
        return [b for b in self.businesses if (b.operator_id_number or "").upper() == id_number.upper()]

    def person_statuses(self, id_number: str) -> Sequence[PersonStatus]:
        return [s for s in self.statuses if s.id_number.upper() == id_number.upper()]

    def _granted(self, base_id: str, exclude_receipt_no: str) -> list[Application]:
        return [a for a in self.applications if a.base_policy_id == base_id and a.granted and a.receipt_no != exclude_receipt_no]

    def granted_for_person(self, base_id: str, id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        return [a for a in self._granted(base_id, exclude_receipt_no) if (a.id_number or "").upper() == id_number.upper()]

    def granted_for_business(self, base_id: str, uscc: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        return [a for a in self._granted(base_id, exclude_receipt_no) if (a.uscc or "").upper() == uscc.upper()]

    def granted_for_hire(self, base_id: str, hired_id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        def hires(a: Application) -> list[str]:
            raw = a.facts.get("招用人员", "")
            items = raw if isinstance(raw, tuple) else str(raw).split(",")
            return [i.strip().upper() for i in items]

        return [a for a in self._granted(base_id, exclude_receipt_no) if hired_id_number.upper() in hires(a)]


def check(app: Application, history: MemoryHistory, *, catalogue: Catalogue = CATALOGUE, settings: CountySettings | None = None) -> Eligibility:
    """Run check_eligibility with the shipped catalogue and no county settings by default."""
    return check_eligibility(app, catalogue=catalogue, history=history, settings=settings or CountySettings())


def condition(result: Eligibility, key: str) -> Any:
    """The condition with this key (exactly one must exist)."""
    found = [c for c in result.conditions if c.key == key]
    assert len(found) == 1, f"expected one condition {key!r}, got {[c.key for c in result.conditions]}"
    return found[0]


def failed_keys(result: Eligibility) -> list[str]:
    """Keys of the conditions that did not pass."""
    return [c.key for c in result.conditions if c.passed is not True]
