"""Demo-data generator (``init --demo small|city``): clearly marked, deterministic for a seed.

Each module adds its own contributor to ``CONTRIBUTORS`` (in dependency order); a contributor
receives the context, the demo plan and a seeded random generator and returns counts per table.
Everything is written in one transaction, so a failed or cancelled run leaves no demo rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.domain.errors import ValidationError, Problem
from desktop_app.services.context import ServiceContext
from desktop_app.services.users import create_demo_accounts
from desktop_app.store import audit, divisions_repo, meta
from desktop_app.store.connection import write_transaction
from desktop_app.domain.divisions import Division

SMALL_COUNTY = "410821000000"  # 修武县
SCALES = ("small", "city")


@dataclass(frozen=True)
class DemoPlan:
    """Which counties and townships get demo data, and at what scale."""

    scale: str
    counties: list[Division]
    townships: list[Division]


ProgressCallback = Callable[[int, int, str], None]
Contributor = Callable[[ServiceContext, DemoPlan, random.Random, ProgressCallback], dict[str, int]]


def _contributors() -> list[tuple[str, Contributor]]:
    from desktop_app.services.demo import business, health, inspections, subsidies, villages

    return [
        ("villages", villages.generate),
        ("health", health.generate),
        ("subsidies", subsidies.generate),
        ("inspections", inspections.generate),
        ("business", business.generate),
    ]


def plan_for(ctx: ServiceContext, scale: str) -> DemoPlan:
    """The counties/townships covered: ``small`` = 修武县 only, ``city`` = all 11 units."""
    if scale not in SCALES:
        raise ValidationError(Problem("demo", f"示例数据规模应为 {' / '.join(SCALES)}"))
    divisions = divisions_repo.all_divisions(ctx.db)
    counties = [d for d in divisions if d.level == "county" and (scale == "city" or d.code == SMALL_COUNTY)]
    codes = {c.code for c in counties}
    townships = [d for d in divisions if d.level == "township" and d.parent_code in codes]
    return DemoPlan(scale, counties, townships)


def generate_demo(
    ctx: ServiceContext, *, scale: str, seed: int = 2023, progress: ProgressCallback | None = None
) -> dict[str, int]:
    """Generate demo records of every module in one transaction; mark the database as demo."""
    plan = plan_for(ctx, scale)
    report = progress or (lambda done, total, text: None)
    counts: dict[str, int] = {}
    with write_transaction(ctx.db):
        for name, contribute in _contributors():
            rng = random.Random(f"{seed}:{name}")
            counts.update(contribute(ctx, plan, rng, report))
        counts["users"] = create_demo_accounts(ctx)
        meta.put(ctx.db, meta.DEMO_DATASET, scale)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "demo_data", None, scale, None, counts)])
    return counts
