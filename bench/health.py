"""Health benchmarks on a ``city`` demo database: full ``evaluate`` (split into SQL load and Python
evaluation) and the 概览 dashboard (data preparation and first paint).

Run: ``python bench/health.py [--db PATH]`` (default ``/tmp/city.sqlite3``, created with
``township-desk init --demo city`` when missing). Targets on a 2-core machine: evaluate ≤ 2 s,
dashboard data + first paint ≤ 1 s, opening the facility list and applying a filter ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import machine, median_of, timed, write_section  # noqa: E402

from desktop_app.domain.actor import Actor  # noqa: E402
from desktop_app.services.database import open_context  # noqa: E402

RUNS = 5
AS_OF, YEAR = date(2025, 12, 31), 2025
ACTOR = Actor("bench")


def registry_size(path: Path) -> dict[str, int]:
    """Facilities, staff, training rows and villages in the database."""
    from desktop_app.store.health_snapshot import load_snapshot

    ctx = open_context(path, actor=ACTOR)
    snapshot = load_snapshot(ctx.db)
    ctx.close()
    return {"facilities": len(snapshot.facilities), "staff": len(snapshot.staff),
            "training": len(snapshot.training), "villages": len(snapshot.villages)}


def bench_evaluate(path: Path) -> dict[str, tuple[float, list[float]]]:
    """Median seconds of: SQL load of the snapshot, Python evaluation, the whole service call."""
    from desktop_app.domain.health import evaluate_health
    from desktop_app.services.health_evaluation import evaluate
    from desktop_app.store.health_snapshot import load_snapshot

    ctx = open_context(path, actor=ACTOR)
    load = median_of(lambda: load_snapshot(ctx.db), RUNS)
    snapshots = [load_snapshot(ctx.db) for _ in range(RUNS)]  # fresh snapshots: indexes built inside the timing
    python = median_of(lambda: evaluate_health(snapshots.pop(), ctx.catalogue, AS_OF, YEAR), RUNS)

    def full() -> None:
        ctx.cache.clear()
        evaluate(ctx, as_of=AS_OF, year=YEAR)

    whole = median_of(full, RUNS)
    ctx.close()
    return {"load": load, "python": python, "whole": whole}


def bench_dashboard(path: Path) -> dict[str, tuple[float, list[float]]]:
    """Median seconds of the dashboard: data preparation (evaluation cached, as after any other
    health page), a cold first paint (new worker: open, evaluate, prepare, paint) and a scope
    change (prepare + repaint on the warm worker)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.services.dashboard import CITY_SCOPE, dashboard_data
    from desktop_app.ui.fonts import install_fonts
    from desktop_app.ui.ops import OpRunner
    from desktop_app.ui.pages.dashboard_page import DashboardPage

    ctx = open_context(path, actor=ACTOR)
    dashboard_data(ctx, as_of=AS_OF, year=YEAR, scope=CITY_SCOPE)  # evaluates once; the timed runs reuse it
    prepare = median_of(lambda: dashboard_data(ctx, as_of=AS_OF, year=YEAR, scope=CITY_SCOPE), RUNS)
    ctx.close()

    app = QApplication.instance() or QApplication([])
    install_fonts(app)

    def wait(signal: object) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()

    pages: list[tuple[OpRunner, DashboardPage]] = []

    def cold() -> None:
        runner = OpRunner(lambda: open_context(path, actor=ACTOR))
        page = DashboardPage(runner)
        page.set_parameters(year=YEAR, as_of=AS_OF)
        page.resize(1180, 780)
        page.show()
        wait(page.ready)
        page.grab()
        pages.append((runner, page))

    first = median_of(cold, RUNS)
    runner, page = pages[-1]
    counties = [page.scope_combo.itemData(i) for i in range(1, page.scope_combo.count())]

    def change_scope() -> None:
        page.set_parameters(scope=counties.pop(0) if counties else CITY_SCOPE)
        wait(page.loaded)
        page.grab()

    switch = median_of(change_scope, RUNS)
    for runner, page in pages:
        page.close()
        runner.shutdown()
    return {"prepare": prepare, "first": first, "switch": switch}


def bench_facility_list(path: Path) -> dict[str, tuple[float, list[float]]]:
    """Median seconds to open the 医疗机构 page (warm worker) and to apply filters."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.fonts import install_fonts
    from desktop_app.ui.ops import OpRunner
    from desktop_app.ui.pages.facilities_page import FacilitiesPage

    app = QApplication.instance() or QApplication([])
    install_fonts(app)
    runner = OpRunner(lambda: open_context(path, actor=ACTOR))

    def wait(signal: object) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()

    pages: list[FacilitiesPage] = []
    first = FacilitiesPage(runner)  # opens the database and warms the worker
    wait(first.ready)
    pages.append(first)

    def open_page() -> None:
        page = FacilitiesPage(runner)
        page.resize(1180, 780)
        page.show()
        wait(page.ready)
        page.grab()
        pages.append(page)

    opened = median_of(open_page, RUNS)
    page = pages[-1]
    counties = ["410821000000", "410822000000", "410823000000", "410825000000", "410882000000", "410883000000"]

    def apply_county() -> None:
        page.apply_filter({"county": counties.pop(0), "kind": "村卫生室"})
        wait(page.model.loaded)
        page.grab()

    filtered = median_of(apply_county, RUNS)
    page.apply_filter({"rule": "hc.facility.licence", "status": "warn", "as_of": AS_OF})  # evaluates once
    wait(page.model.loaded)
    statuses = ["fail", "warn", "unknown", "fail", "warn"]

    def apply_rule() -> None:
        page.apply_filter({"rule": "hc.village_clinic.staff_per_1000", "status": statuses.pop(0), "as_of": AS_OF})
        wait(page.model.loaded)
        page.grab()

    by_rule = median_of(apply_rule, RUNS)
    for item in pages:
        item.close()
    runner.shutdown()
    return {"open": opened, "filter": filtered, "rule": by_rule}


def _fmt(result: tuple[float, list[float]]) -> str:
    median, samples = result
    return f"{median:.3f} s (samples {', '.join(f'{s:.2f}' for s in samples)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/city.sqlite3"))
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, "-m", "desktop_app", "init", "--db", str(args.db), "--demo", "city"],
                       check=True, capture_output=True)
    path, note = args.db, "the `city` demo database"
    size = registry_size(path)
    evaluation = bench_evaluate(path)
    dash = bench_dashboard(path)
    listing = bench_facility_list(path)
    table = f"""
## Health evaluation and dashboard ({date.today().isoformat()}, {machine()})

Data: {note} — {size['facilities']:,} facilities, {size['staff']:,} staff, {size['training']:,} training rows,
{size['villages']:,} villages. Evaluation date {AS_OF.isoformat()}, indicator year {YEAR}; medians of {RUNS} runs.

| measure | target | result |
|---|---|---|
| full `evaluate` for the city (service call, cache cleared) | ≤ 2 s | {_fmt(evaluation['whole'])} |
| — SQL load of the snapshot (`load_snapshot`) | — | {_fmt(evaluation['load'])} |
| — Python evaluation (`evaluate_health` on a fresh snapshot) | — | {_fmt(evaluation['python'])} |
| dashboard first paint, cold: new worker opens the database, evaluates, prepares the city dashboard, page painted | ≤ 1 s | {_fmt(dash['first'])} |
| — dashboard data preparation alone, whole city (evaluation cached) | — | {_fmt(dash['prepare'])} |
| dashboard scope change: data preparation + repaint (warm worker) | ≤ 1 s | {_fmt(dash['switch'])} |
| facility list opened: page built, filter choices and first page of the list shown | ≤ 200 ms | {_fmt(listing['open'])} |
| facility list filter applied (county + kind), list reloaded and painted | ≤ 200 ms | {_fmt(listing['filter'])} |
| facility list filtered by a rule's status (evaluation cached) | ≤ 200 ms | {_fmt(listing['rule'])} |

The dashboard reads the evaluation the worker context caches until the database changes, so only
its first display after a change (or after choosing another date or indicator year) pays for
`evaluate`; a scope change costs the preparation and a repaint.

Where `evaluate` goes (cProfile, one run): the SQL load is about a third — SQLite's `fetchall` of the
8 tables takes ~0.10 s, building the frozen domain records from rows (`RecordMapper.from_row`) most of
the rest; the Python evaluation is spread over ~37,000 rule results (about 10 µs each: the rule body,
the result object, its message and citation), plus ~0.08 s to index 41,000 training rows by person and
year with exact decimal sums.
"""
    print(table)
    write_section("health", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
