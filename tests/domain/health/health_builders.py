"""Small builders for the health-engine tests: catalogue variants, a township with villages,
valid ID numbers, and one-call helpers that evaluate a snapshot and pick one result."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.divisions import Division
from desktop_app.domain.health import HealthSnapshot, evaluate_health
from desktop_app.domain.health.engine import HealthEvaluation
from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.health.rules_common import IndicatorResult
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.rules.catalogue import Catalogue
from desktop_app.domain.rules.results import RuleResult
from desktop_app.domain.villages import Village

CATALOGUE_PATH = Path(__file__).parents[3] / "resources/policy/rules.json"
COUNTY = "410821000000"  # 修武县
TOWNSHIP = "410821100000"
OTHER_TOWNSHIP = "410821101000"
AS_OF = date(2025, 6, 30)


def modified_catalogue(rule_id: str, **params: Any) -> Catalogue:
    """The shipped catalogue with some params of one rule replaced."""
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        if rule["id"] == rule_id:
            rule["params"].update(params)
    return Catalogue.from_json(data)


def catalogue_with(rule_id: str, **fields: Any) -> Catalogue:
    """The shipped catalogue with top-level fields of one rule replaced (due, valid_to, …)."""
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        if rule["id"] == rule_id:
            rule.update(fields)
    return Catalogue.from_json(data)


def village_code(serial: int, township: str = TOWNSHIP) -> str:
    return township[:9] + f"{serial:03d}"


def village(serial: int, population: int | None = 900, *, kind: str = "行政村", minutes: int | None = 10,
            hosts: bool = False, township: str = TOWNSHIP) -> Village:
    return Village(village_code(serial, township), f"村{serial}", kind, population, hosts, minutes)


def clinic(code: str = "C1", host: str | None = None, **fields: Any) -> Facility:
    """A 村卫生室 hosted in village 201 unless told otherwise."""
    return Facility(code=code, name=f"卫生室{code}", kind="村卫生室", division_code=host or village_code(201), **fields)


def centre(code: str = "T1", kind: str = "乡镇卫生院", **fields: Any) -> Facility:
    return Facility(code=code, name=f"卫生院{code}", kind=kind, division_code=TOWNSHIP, **fields)


def id_number(serial: int, birth: str = "19700101") -> str:
    first17 = f"410821{birth}{serial:03d}"
    return first17 + id_check_character(first17)


def person(serial: int, facility: str = "C1", category: str = "乡村医生", status: str = "在岗", **fields: Any) -> StaffMember:
    return StaffMember(id_number(serial, fields.pop("birth", "19700101")), f"人{serial}", facility, category=category,
                       status=status, **fields)


COUNTY_DIVISION = Division(COUNTY, "修武县", "county", "410800000000", "county", "6县（市）")
TOWNSHIP_DIVISION = Division(TOWNSHIP, "城关镇", "township", COUNTY)


def snapshot(**parts: Any) -> HealthSnapshot:
    parts.setdefault("counties", [COUNTY_DIVISION])
    parts.setdefault("townships", [TOWNSHIP_DIVISION])
    return HealthSnapshot(**parts)


def evaluate(snap: HealthSnapshot, catalogue: Catalogue, as_of: date = AS_OF, year: int | None = None) -> HealthEvaluation:
    return evaluate_health(snap, catalogue, as_of, year)


def facility_result(snap: HealthSnapshot, catalogue: Catalogue, rule_id: str, code: str = "C1",
                    as_of: date = AS_OF) -> RuleResult:
    """The result of ``rule_id`` for facility ``code``."""
    found = {s.code: s for s in evaluate(snap, catalogue, as_of).facilities}[code]
    return _pick(found.results, rule_id)


def village_result(snap: HealthSnapshot, catalogue: Catalogue, code: str, as_of: date = AS_OF) -> RuleResult:
    found = {s.code: s for s in evaluate(snap, catalogue, as_of).villages}[code]
    return _pick(found.results, "hc.village.clinic_coverage")


def staff_result(snap: HealthSnapshot, catalogue: Catalogue, rule_id: str, serial: int = 1,
                 as_of: date = AS_OF) -> RuleResult:
    found = {s.code: s for s in evaluate(snap, catalogue, as_of).staff}
    return _pick(found[next(code for code in found if code[14:17] == f"{serial:03d}")].results, rule_id)


def county_indicator(snap: HealthSnapshot, catalogue: Catalogue, rule_id: str, as_of: date = AS_OF,
                     year: int | None = None, county: str = COUNTY) -> IndicatorResult:
    found = {c.code: c for c in evaluate(snap, catalogue, as_of, year).counties}[county]
    return _pick_indicator(found.indicators, rule_id)


def city_indicator(snap: HealthSnapshot, catalogue: Catalogue, rule_id: str, as_of: date = AS_OF,
                   year: int | None = None) -> IndicatorResult:
    return _pick_indicator(evaluate(snap, catalogue, as_of, year).city, rule_id)


def _pick(results: list[RuleResult], rule_id: str) -> RuleResult:
    matches = [r for r in results if r.rule_id == rule_id]
    assert len(matches) == 1, f"{rule_id}: {[r.rule_id for r in results]}"
    return matches[0]


def _pick_indicator(results: list[IndicatorResult], rule_id: str) -> IndicatorResult:
    matches = [r for r in results if r.rule_id == rule_id]
    assert len(matches) == 1, f"{rule_id}: {[r.rule_id for r in results]}"
    return matches[0]
