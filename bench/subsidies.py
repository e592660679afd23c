"""Subsidy ledger benchmarks on a ``city`` demo database: the city ledger of one year, a county
ledger, a payee drill-down and the ``subsidies`` part of ``evaluate``.

Run: ``python bench/subsidies.py [--db PATH]`` (default ``/tmp/city.sqlite3``, created with
``township-desk init --demo city`` when missing; when the file has no subsidy postings yet — the
demo contributor not registered — the demo subsidies are added to it first). Targets on a 2-core
machine: the city ledger for one year ≤ 500 ms, a county ledger ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import machine, median_of, write_section  # noqa: E402

from desktop_app.domain.actor import Actor  # noqa: E402
from desktop_app.services.database import open_context  # noqa: E402

RUNS = 7
YEAR, AS_OF = 2025, date(2026, 3, 31)
COUNTY = "410823000000"  # 武陟县, the county with the most villages
ACTOR = Actor("bench")


def ensure_subsidies(path: Path) -> str:
    """Add the demo subsidies when the database has no postings; say what was done."""
    from desktop_app.services.demo import plan_for
    from desktop_app.services.demo import subsidies as demo_subsidies
    from desktop_app.store import subsidies_repo
    from desktop_app.store.connection import write_transaction

    ctx = open_context(path, actor=ACTOR)
    try:
        if subsidies_repo.payment_count(ctx.db):
            return "its demo subsidies"
        with write_transaction(ctx.db):
            counts = demo_subsidies.generate(ctx, plan_for(ctx, "city"), random.Random("2023:subsidies"),
                                             lambda *_: None)
        return f"demo subsidies added by this script ({counts['subsidy_payments']:,} postings)"
    finally:
        ctx.close()


def bench(path: Path) -> dict[str, tuple[float, list[float]]]:
    """Median seconds of the measured calls (fresh service calls; nothing is cached between runs)."""
    from desktop_app.domain.subsidies import CLINIC_OPERATING
    from desktop_app.services import subsidies

    ctx = open_context(path, actor=ACTOR)
    try:
        city = median_of(lambda: subsidies.ledger(ctx, year=YEAR, as_of=AS_OF), RUNS)
        county = median_of(lambda: subsidies.ledger(ctx, year=YEAR, county=COUNTY, as_of=AS_OF), RUNS)
        payee = subsidies.ledger(ctx, year=YEAR, county=COUNTY, as_of=AS_OF).lines_of(CLINIC_OPERATING)[0].entitlement.payee
        detail = median_of(lambda: subsidies.payee_detail(ctx, programme=CLINIC_OPERATING, year=YEAR, payee=payee,
                                                          as_of=AS_OF), RUNS)
        document = median_of(lambda: subsidies.subsidies_document(ctx, AS_OF), 3)
        found = subsidies.ledger(ctx, year=YEAR, as_of=AS_OF)
        size = {"lines": len(found.lines), "overdue": sum(1 for l in found.lines if l.overdue),
                "overpaid": sum(1 for l in found.lines if l.overpaid)}
    finally:
        ctx.close()
    return {"city": city, "county": county, "detail": detail, "document": document, "size": size}  # type: ignore[dict-item]


def _fmt(result: tuple[float, list[float]]) -> str:
    median, samples = result
    return f"{median * 1000:.0f} ms (samples {', '.join(f'{s * 1000:.0f}' for s in samples)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/city.sqlite3"))
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, "-m", "desktop_app", "init", "--db", str(args.db), "--demo", "city"],
                       check=True, capture_output=True)
    note = ensure_subsidies(args.db)
    result = bench(args.db)
    size = result["size"]
    table = f"""
## Subsidy ledger ({date.today().isoformat()}, {machine()})

Data: the `city` demo database with {note}; year {YEAR} as of {AS_OF.isoformat()} —
{size['lines']:,} payee lines ({size['overdue']:,} overdue, {size['overpaid']:,} over-paid). Medians of {RUNS} runs
(3 for the document); every call recomputes the entitlements from the registry (no cache).

| measure | target | result |
|---|---|---|
| city ledger of one year (`subsidies.ledger`, all 11 county-level units) | ≤ 500 ms | {_fmt(result['city'])} |
| county ledger of one year (武陟县) | ≤ 100 ms | {_fmt(result['county'])} |
| payee drill-down (`payee_detail`: the county ledger line and its vouchers) | — | {_fmt(result['detail'])} |
| `subsidies_document` for `evaluate` (2023–{AS_OF.year}, whole city) | — | {_fmt(result['document'])} |
"""
    print(table)
    write_section("subsidies", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
