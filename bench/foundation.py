"""Foundation benchmarks: ``init --demo city``, cold GUI start on the city database, 2,000-row import.

Run: ``python bench/foundation.py`` (about a minute). Targets on a 2-core machine: demo city ≤ 60 s,
start ≤ 0.6 s median, 2,000-row 村庄 import ≤ 2 s. Results go to docs/PERFORMANCE.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, median_of, timed, write_section  # noqa: E402

STARTS = 7
BENCH_USER, BENCH_PASSWORD = "bench", "Bench1234"


def make_village_workbook(path: Path, rows: int) -> None:
    """A 村庄 sheet of ``rows`` administrative villages spread over real townships."""
    from openpyxl import Workbook

    from desktop_app.domain.divisions import parse_divisions_csv
    from desktop_app.resources import resource_path

    townships = [d.code for d in parse_divisions_csv(resource_path("data", "jiaozuo_divisions_2023.csv").read_text("utf-8"))
                 if d.level == "township"]
    book = Workbook()
    sheet = book.active
    sheet.title = "村庄"
    sheet.append(["区划代码", "名称", "类型", "常住人口", "乡镇卫生院所在地", "到最近村卫生室路程分钟"])
    for n in range(rows):
        township = townships[n % len(townships)]
        sheet.append([f"{township[:9]}{500 + n // len(townships):03d}", f"基准测试村{n}", "行政村", 800 + n % 2000, "否", n % 30])
    book.save(path)


def ensure_bench_admin(path: Path) -> None:
    """An administrator account the start-up benchmark signs in as (``TOWNSHIP_DESK_AUTOLOGIN``)."""
    from desktop_app.domain.actor import Actor
    from desktop_app.domain.security import ADMIN, CITY_CODE
    from desktop_app.services import users
    from desktop_app.services.database import open_context

    ctx = open_context(path, actor=Actor("bench"))
    try:
        if users.needs_first_administrator(ctx):
            users.create_first_administrator(ctx, user_name=BENCH_USER, password=BENCH_PASSWORD)
        elif BENCH_USER not in {u.user_name for u in users.list_users(ctx)}:
            users.create_user(ctx, user_name=BENCH_USER, role=ADMIN, scope_code=CITY_CODE, password=BENCH_PASSWORD)
    finally:
        ctx.close()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-foundation-"))
    city = work / "city.sqlite3"
    demo_seconds = timed(lambda: subprocess.run(
        [sys.executable, "-m", "desktop_app", "init", "--db", str(city), "--demo", "city"], check=True, capture_output=True))

    ensure_bench_admin(city)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TOWNSHIP_DESK_EXIT_WHEN_READY="1",
               TOWNSHIP_DESK_AUTOLOGIN=f"{BENCH_USER}:{BENCH_PASSWORD}")
    subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(city)], env=env, check=True)  # warm the disk cache
    start_median, start_samples = median_of(
        lambda: subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(city)], env=env, check=True), STARTS)

    def start_after_outside_change() -> None:
        os.utime(city)  # as after a crash or a copy: the file is no longer as the app closed it
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(city)], env=env, check=True)

    checked_median, checked_samples = median_of(start_after_outside_change, 3)
    size_mib = city.stat().st_size / 2**20
    bare = median_of(lambda: subprocess.run([sys.executable, "-c", (
        "from PySide6.QtWidgets import QApplication, QMainWindow; from PySide6.QtCore import QTimer;"
        "app = QApplication([]); w = QMainWindow(); w.show(); QTimer.singleShot(0, app.quit); app.exec()")],
        env=env, check=True), STARTS)[0]

    workbook = work / "villages-2000.xlsx"
    make_village_workbook(workbook, 2000)
    empty = work / "import.sqlite3"
    subprocess.run([sys.executable, "-m", "desktop_app", "init", "--db", str(empty)], check=True, capture_output=True)
    from desktop_app.domain.actor import Actor
    from desktop_app.services.database import open_context
    from desktop_app.services.workbook import import_workbook

    ctx = open_context(empty, actor=Actor("bench"))
    import_seconds = timed(lambda: import_workbook(ctx, workbook))
    reimport_seconds = timed(lambda: import_workbook(ctx, workbook))
    ctx.close()

    table = f"""
## Foundation ({date.today().isoformat()}, {machine()})

| measure | target | result |
|---|---|---|
| `init --demo city` (every module's demo data, {size_mib:,.0f} MiB) | ≤ 60 s | {demo_seconds:.2f} s |
| cold start to usable main window, `city` database (median of {STARTS}) | ≤ 0.6 s | {start_median:.3f} s (samples {', '.join(f'{s:.2f}' for s in start_samples)}) |
| — the same when the file changed since the app closed it (full `quick_check` first, median of 3) | — | {checked_median:.3f} s (samples {', '.join(f'{s:.2f}' for s in checked_samples)}) |
| bare PySide6 QMainWindow shown, same machine (median) | — | {bare:.3f} s |
| import of a 2,000-row 村庄 sheet into an empty database | ≤ 2 s | {import_seconds:.2f} s |
| re-import of the same sheet (2,000 unchanged rows) | — | {reimport_seconds:.2f} s |

Start time is measured from process launch until the division tree of the main window is filled
(`TOWNSHIP_DESK_EXIT_WHEN_READY=1` makes the app quit at that moment), so it includes Python start-up,
imports, opening and checking the database on the worker thread, the sign-in (scrypt check of the
password given by `TOWNSHIP_DESK_AUTOLOGIN`, instead of typing it into the log-in dialog) and the
first query. A start finds the file as the previous run closed it, so the start-up check only compares
its fingerprint; after a crash, a copy or any change from outside it runs the full `PRAGMA
quick_check` first (the third line), whose time grows with the file.
"""
    print(table)
    write_section("foundation", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
