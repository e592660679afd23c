"""Evaluate the primary-healthcare standards (焦政办〔2023〕32号) on the registry.

The snapshot is loaded in bulk and evaluated in memory; the result is cached per worker context
until the database changes (own writes or another process's commits), so pages that filter by
rule status stay fast.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.health.engine import HealthEvaluation, SubjectResults, evaluate_health
from desktop_app.domain.rules.results import Status
from desktop_app.services.context import ServiceContext
from desktop_app.store.health_snapshot import load_snapshot

_CACHE_KEY = "health_evaluation"


def _data_stamp(ctx: ServiceContext) -> tuple[int, int]:
    return ctx.db.conn.total_changes, ctx.db.execute("PRAGMA data_version").fetchone()[0]


def evaluate(ctx: ServiceContext, *, as_of: date, year: int | None = None) -> HealthEvaluation:
    """Every hc. standard and indicator as of ``as_of`` (indicators for ``year``, default as_of's)."""
    year = as_of.year if year is None else year
    key = (as_of, year, _data_stamp(ctx))
    cached = ctx.cache.get(_CACHE_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]
    evaluation = evaluate_health(load_snapshot(ctx.db), ctx.catalogue, as_of, year)
    ctx.cache[_CACHE_KEY] = (key, evaluation)
    return evaluation


def facility_results(ctx: ServiceContext, *, code: str, as_of: date) -> SubjectResults | None:
    """The rule results of one facility, or None when it does not exist."""
    return next((s for s in evaluate(ctx, as_of=as_of).facilities if s.code == code), None)


def facilities_with_status(ctx: ServiceContext, *, rule_id: str, statuses: set[Status], as_of: date) -> list[str]:
    """Codes of facilities whose result for ``rule_id`` has one of ``statuses``."""
    return [
        s.code
        for s in evaluate(ctx, as_of=as_of).facilities
        if any(r.rule_id == rule_id and r.status in statuses for r in s.results)
    ]


@dataclass(frozen=True)
class RuleCount:
    """How many subjects a rule judged fail / warn / unknown (for the dashboard)."""

    rule_id: str
    title: str
    citation: str
    fail: int
    warn: int
    unknown: int


def failing_counts(
    ctx: ServiceContext, *, as_of: date, county_code: str | None = None, year: int | None = None
) -> list[RuleCount]:
    """Per facility rule: facilities failing, warned or unknown (in one county or the city)."""
    counts: dict[str, list[int]] = {}
    for subject in evaluate(ctx, as_of=as_of, year=year).facilities:
        if county_code and subject.county_code != county_code:
            continue
        for result in subject.results:
            slot = counts.setdefault(result.rule_id, [0, 0, 0])
            if result.status == Status.FAIL:
                slot[0] += 1
            elif result.status == Status.WARN:
                slot[1] += 1
            elif result.status == Status.UNKNOWN:
                slot[2] += 1
    found = []
    for rule_id, (fail, warn, unknown) in counts.items():
        entry = ctx.catalogue.get(rule_id)
        found.append(RuleCount(rule_id, entry.title, entry.citation, fail, warn, unknown))
    return sorted(found, key=lambda c: (-c.fail, c.rule_id))


def evaluation_document(ctx: ServiceContext, *, as_of: date, year: int | None = None) -> dict[str, Any]:
    """The interchange §3 document for the health sections (as_of, catalogue_version, facilities,
    villages, staff, counties, city). Staff ID numbers are masked."""
    evaluation = evaluate(ctx, as_of=as_of, year=year)
    return {"as_of": as_of.isoformat(), "catalogue_version": ctx.catalogue.version, **evaluation.as_json()}


def write_evaluation(ctx: ServiceContext, *, as_of: date, path: Path, year: int | None = None) -> Path:
    """Write the evaluation JSON (UTF-8) atomically: a partial file is never left behind."""
    document = evaluation_document(ctx, as_of=as_of, year=year)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, path)
    return path
