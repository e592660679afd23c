"""The writing side of the crash tests, and the driver that starts it, kills it and checks the file.

Run as ``python tests/crash/child_worker.py COMMAND DB …`` (stdlib and the Qt-free services only):

- ``serve DB``: import the services once, then for each stdin line ``import XLSX`` or
  ``writes FIRST`` fork one trial and answer ``pid N``; after ``reap`` answer ``exit N STATUS``.
  Forking a warm process costs milliseconds where a fresh interpreter costs ~0.3 s, so 50 kills
  stay cheap. The server never opens the database: each trial opens its own connection.
- ``interleave DB NAME COUNT``: after ``go`` on stdin, COUNT changes through the services (shared
  counter increments retried on a stale row version, own-village updates, new villages).
- ``edit DB KIND KEY``: one update of a village, facility or staff record through its service.
- ``hold DB SECONDS``: hold the write lock that long, as a long write in another process would.
- ``fill DB XLSX LIMIT``: cap file sizes at LIMIT bytes (RLIMIT_FSIZE), then try an import and a
  single write, printing the error the user would see.

Every report line is one ``os.write`` made after the service call returned, so a line the parent
has read stands for a commit that happened.

The parent's side lives here too, so the tests and ``bench/crash_figures.py`` run the same trials:
:class:`Server` forks and kills trials, :func:`kill_imports` and :func:`kill_writes` run and check
the kill trials, :func:`run_interleaved` the two-process run, :func:`run_full_disk` the size limit.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from desktop_app.domain.actor import Actor
from desktop_app.domain.identity import id_check_character

WORKER = Path(__file__).resolve()
ACTOR = Actor("crash:child")
POOL = 40  # villages the write stream keeps updating
IMPORT_ROWS = 60  # villages, clinics and staff of the import workbook (one of each per row)
VILLAGE_HEADER = ["区划代码", "名称", "类型", "常住人口"]
FACILITY_HEADER = ["机构编码", "机构名称", "机构类型", "所在区划代码", "服务村庄代码", "产权性质", "政府举办",
                   "执业许可证号", "许可证有效期至", "建筑面积", "新改扩建年份", "诊断室", "治疗室", "药房",
                   "常见病种数", "服务能力"]
STAFF_HEADER = ["身份证号", "姓名", "机构编码", "人员类别", "学历", "全日制", "状态"]


def emit(line: str) -> None:
    """Write one report line to stdout with a single system call (no buffer to lose on a kill)."""
    os.write(1, (line.replace("\n", " ") + "\n").encode("utf-8"))


# --- the data every trial writes ------------------------------------------------------------------


def township_prefixes(db) -> list[str]:
    """The first 9 digits of every known township, sorted: the code space the trials use."""
    from desktop_app.store import divisions_repo

    return sorted(code[:9] for code in divisions_repo.township_codes(db))


def pool_code(prefixes: list[str], index: int) -> str:
    """Code of the ``index``-th village of the write stream's pool."""
    return f"{prefixes[0]}{index + 1:03d}"


def planned_write(k: int, prefixes: list[str]) -> tuple[str, str, int]:
    """Write number ``k`` of the stream: ``("create", code, population)`` or ``("update", code, population)``."""
    if k % 3 == 0:
        return "create", f"{prefixes[1 + k // 999]}{k % 999 + 1:03d}", k
    return "update", pool_code(prefixes, (k * 7) % POOL), k


def person(serial: int) -> str:
    """A valid ID number for the ``serial``-th person of the import workbook."""
    first17 = f"41082119800101{serial:03d}"
    return first17 + id_check_character(first17)


def import_sheets(generation: int, prefixes: list[str]) -> dict[str, list[list]]:
    """The 村庄, 医疗机构 and 人员 sheets (header first) of import number ``generation``.

    Every village and clinic name ends in ``-generation``, so a half-applied import would show
    two generations side by side; the staff rows stay the same (unchanged rows on re-import).
    """
    village = [f"{prefixes[0]}{200 + i:03d}" for i in range(IMPORT_ROWS)]
    return {
        "村庄": [VILLAGE_HEADER] + [[village[i], f"导入村{i}-{generation}", "行政村", generation * 1000 + i]
                                   for i in range(IMPORT_ROWS)],
        "医疗机构": [FACILITY_HEADER] + [
            [f"K{i:03d}", f"卫生室{i}-{generation}", "村卫生室", village[i], village[i], "集体", "否", f"PDY{i:03d}",
             date(2030, 6, 30), 80 + i, 2019, "是", "是", "是", 30, "基本标准"]
            for i in range(IMPORT_ROWS)
        ],
        "人员": [STAFF_HEADER] + [[person(i), f"医生{i}", f"K{i:03d}", "乡村医生", "中专", "是", "在岗"]
                                 for i in range(IMPORT_ROWS)],
    }


def write_import_workbook(path: Path, generation: int, prefixes: list[str]) -> Path:
    """Save :func:`import_sheets` as an .xlsx file at ``path``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in import_sheets(generation, prefixes).items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


IMPORT_AUDIT_ROWS = 2 * IMPORT_ROWS + 1  # a re-import: each village and clinic updated, one import row


# --- child commands -------------------------------------------------------------------------------


def _open(db_path: str, actor: Actor = ACTOR):
    from desktop_app.services.database import open_context

    return open_context(Path(db_path), actor=actor, create=False)


def trial_import(db_path: str, workbook: str) -> None:
    """Import one workbook, reporting when the write transaction begins and after it committed."""
    from desktop_app.services.workbook import import_workbook

    start = time.perf_counter()
    ctx = _open(db_path)
    emit(f"ready {time.perf_counter() - start:.4f}")

    def progress(done: int, total: int, text: str) -> None:
        if done == 1:  # the first sheet is applied inside the transaction
            emit(f"begin {time.perf_counter() - start:.4f}")

    import_workbook(ctx, Path(workbook), progress=progress)
    emit(f"committed {time.perf_counter() - start:.4f}")
    ctx.close()


def trial_writes(db_path: str, first: int) -> None:
    """Run :func:`planned_write` from ``first`` on, one transaction each, until killed."""
    from desktop_app.domain.villages import Village
    from desktop_app.services import villages

    ctx = _open(db_path)
    prefixes = township_prefixes(ctx.db)
    emit("ready")
    for k in range(first, first + 100_000):
        kind, code, population = planned_write(k, prefixes)
        if kind == "create":
            villages.create_village(ctx, village=Village(code, f"新村{k}", "行政村", population))
        else:
            stored = villages.get_village(ctx, code)
            villages.update_village(ctx, village=replace(stored.village, population=population),
                                    expected_version=stored.row_version)
        emit(f"committed {k}")


def serve(db_path: str) -> None:
    """Fork one trial per stdin line; report its pid, and its wait status once told to ``reap``."""
    import desktop_app.services.villages  # noqa: F401 - warm imports, shared by every fork
    import desktop_app.services.workbook  # noqa: F401
    import openpyxl  # noqa: F401
    from desktop_app.domain.text import pinyin_initials

    pinyin_initials("村")  # loads the pinyin tables (~0.2 s) once, not in every trial
    emit("serving")
    for line in iter(sys.stdin.readline, ""):
        command, argument = line.split()
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                emit("start")
                if command == "import":
                    trial_import(db_path, argument)
                else:
                    trial_writes(db_path, int(argument))
            except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the trial
                emit(f"error {type(exc).__name__}: {exc}")
                status = 1
            finally:
                os._exit(status)
        emit(f"pid {pid}")
        sys.stdin.readline()  # "reap": until then a killed trial stays a zombie, so its pid is not reused
        _, status = os.waitpid(pid, 0)
        emit(f"exit {pid} {status}")


def interleave(db_path: str, name: str, count: int) -> None:
    """COUNT changes interleaved with another process: increments of a shared counter village
    (re-read and retried when the row version moved on), updates of own villages, new villages.

    A pause of up to 2 ms between changes stands for the user: without it the process holding the
    write lock takes it again at once, and the other one's busy handler sleeps until it is done.
    """
    from desktop_app.domain.errors import RuleViolation
    from desktop_app.domain.villages import Village
    from desktop_app.services import villages

    side = 0 if name == "a" else 1
    ctx = _open(db_path, Actor(f"crash:{name}"))
    prefixes = township_prefixes(ctx.db)
    emit("ready")
    sys.stdin.readline()  # "go"
    conflicts = 0
    pause = random.Random(name)
    for i in range(count):
        time.sleep(pause.uniform(0.0, 0.002))
        if i % 2 == 0:
            while True:
                stored = villages.get_village(ctx, shared_code(prefixes))
                changed = replace(stored.village, population=stored.village.population + 1)
                try:
                    villages.update_village(ctx, village=changed, expected_version=stored.row_version)
                    break
                except RuleViolation:
                    conflicts += 1
            emit(f"increment {i}")
        elif i % 4 == 1:
            code = own_code(prefixes, side, i // 4 % 10)
            stored = villages.get_village(ctx, code)
            villages.update_village(ctx, village=replace(stored.village, population=i),
                                    expected_version=stored.row_version)
            emit(f"set {code} {i}")
        else:
            code = f"{prefixes[2 + side]}{i // 4 + 1:03d}"
            villages.create_village(ctx, village=Village(code, f"{name}村{i}", "行政村", i))
            emit(f"create {code}")
    emit(f"done {conflicts}")
    ctx.close()


def shared_code(prefixes: list[str]) -> str:
    """The village both interleaving processes increment."""
    return f"{prefixes[0]}900"


def own_code(prefixes: list[str], side: int, index: int) -> str:
    """One of the ten villages only process ``side`` (0 or 1) updates."""
    return f"{prefixes[0]}{100 + 10 * side + index:03d}"


def edit(db_path: str, kind: str, key: str) -> None:
    """Change one record through its service, as another user in another process would."""
    from desktop_app.services import health_registry, villages

    ctx = _open(db_path, Actor("crash:other"))
    if kind == "village":
        stored = villages.get_village(ctx, key)
        villages.update_village(ctx, village=replace(stored.village, population=stored.village.population + 1),
                                expected_version=stored.row_version)
    elif kind == "facility":
        stored = health_registry.get_facility(ctx, key)
        health_registry.update_facility(ctx, facility=replace(stored.facility, name=stored.facility.name + "（改）"),
                                        expected_version=stored.row_version)
    else:
        stored = health_registry.get_staff(ctx, key)
        health_registry.update_staff(ctx, member=replace(stored.member, name=stored.member.name + "甲"),
                                     expected_version=stored.row_version)
    emit(f"committed {kind} {key}")
    ctx.close()


def hold(db_path: str, seconds: float) -> None:
    """Hold the write lock for ``seconds`` (a long write in another process), then roll back."""
    from desktop_app.store.connection import open_database

    db = open_database(Path(db_path), create=False)
    db.conn.execute("BEGIN IMMEDIATE")
    emit("holding")
    time.sleep(seconds)
    db.conn.execute("ROLLBACK")
    db.conn.close()
    emit("released")


def fill(db_path: str, workbook: str, limit: int) -> None:
    """Cap file sizes at ``limit`` bytes, then try an import and one single write; report each outcome."""
    import resource

    from desktop_app.domain.errors import DeskError
    from desktop_app.domain.villages import Village
    from desktop_app.services import villages
    from desktop_app.services.workbook import import_workbook

    ctx = _open(db_path)
    prefixes = township_prefixes(ctx.db)
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the log starts empty, so it must grow past the cap
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails with EFBIG instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    attempts = {
        "import": lambda: import_workbook(ctx, Path(workbook)),
        "write": lambda: villages.create_village(ctx, village=Village(f"{prefixes[5]}001", "满盘村", "行政村", 1)),
    }
    for label, attempt in attempts.items():
        try:
            attempt()
            emit(f"committed {label}")
        except DeskError as exc:
            emit(f"refused {label} {type(exc).__name__} {exc}")
        except Exception as exc:  # noqa: BLE001 - the parent fails the test on this line
            emit(f"unexpected {label} {type(exc).__name__} {exc}")
    ctx.close()
    emit("closed")


# --- the parent's side ----------------------------------------------------------------------------


@dataclass
class Trial:
    """What one forked trial printed, and how it ended."""

    lines: list[str]
    status: int
    seconds: float

    @property
    def killed(self) -> bool:
        """True when SIGKILL ended the trial (rather than it finishing or failing)."""
        return os.WIFSIGNALED(self.status) and os.WTERMSIG(self.status) == signal.SIGKILL

    @property
    def errors(self) -> list[str]:
        """``error …`` lines: the trial raised instead of finishing or being killed."""
        return [line for line in self.lines if line.startswith("error ")]

    def stamp(self, word: str) -> float | None:
        """Seconds since start printed on the first ``word …`` line, or None."""
        return next((float(line.split()[1]) for line in self.lines if line.startswith(word + " ")), None)


class Server:
    """A running ``serve`` process: forks trials on request and kills them after a delay."""

    def __init__(self, db_path: Path, log: Path):
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), "serve", str(db_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, text=True, bufsize=1,
        )
        if self._read() != "serving":
            raise RuntimeError(f"the trial server did not start; see {log}")

    def _read(self) -> str:
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the trial server ended unexpectedly")
        return line.rstrip("\n")

    def _send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def run(self, command: str, *, kill_after: float | None, anchor: str | None = None) -> Trial:
        """Fork ``command``; SIGKILL it ``kill_after`` seconds after it started, or after it printed
        the ``anchor`` word (so a loaded machine shifts the moment with the work). None: let it finish."""
        start = time.perf_counter()
        self._send(command)
        lines: list[str] = []
        while not (line := self._read()).startswith("pid "):
            lines.append(line)
        pid = int(line.split()[1])
        if kill_after is not None:
            if anchor is not None:
                while not any(line.split()[0] in (anchor, "committed", "error") for line in lines):
                    lines.append(self._read())
                start = time.perf_counter()
            time.sleep(max(0.0, kill_after - (time.perf_counter() - start)))
            os.kill(pid, signal.SIGKILL)  # not yet reaped: at worst a zombie, never another process
        self._send("reap")
        while not (line := self._read()).startswith(f"exit {pid} "):
            lines.append(line)
        return Trial(lines, int(line.split()[2]), time.perf_counter() - start)

    def close(self) -> None:
        """End the server (its stdin closes) and wait for it."""
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        self._log.close()


@dataclass
class Figures:
    """Counts of a run of kill trials, for the test's assertions and docs/PERFORMANCE.md."""

    trials: int = 0
    killed: int = 0
    reported: int = 0
    failures: list[str] = field(default_factory=list)
    where: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def note(self, where: str) -> None:
        """Count one trial under ``where`` (e.g. the phase the kill landed in)."""
        self.where[where] = self.where.get(where, 0) + 1


def database_problems(db_path: Path) -> tuple[list[str], sqlite3.Connection]:
    """Integrity, foreign keys and the audit chain of the file; and an open connection to query it."""
    from desktop_app.store import audit
    from desktop_app.store.connection import integrity_problems, open_database

    db = open_database(db_path, create=False)
    problems = integrity_problems(db)
    chain = audit.verify_chain(db)
    if not chain.ok:
        problems.append(f"audit chain broken at {chain.first_broken_id}: {chain.reason}")
    return problems, db.conn


def prepare(db_path: Path) -> list[str]:
    """Create and migrate the database with the write stream's pool; return the township prefixes."""
    from desktop_app.domain.villages import Village
    from desktop_app.services import villages
    from desktop_app.services.database import open_context

    ctx = open_context(db_path, actor=ACTOR)
    prefixes = township_prefixes(ctx.db)
    for index in range(POOL):
        villages.create_village(ctx, village=Village(pool_code(prefixes, index), f"池村{index}", "行政村", 0))
    shared = Village(shared_code(prefixes), "共用村", "行政村", 0)
    villages.create_village(ctx, village=shared)
    for side in (0, 1):
        for index in range(10):
            villages.create_village(ctx, village=Village(own_code(prefixes, side, index), f"自有村{side}{index}", "行政村", 0))
    ctx.close()
    return prefixes


def _import_generations(conn: sqlite3.Connection) -> set[int]:
    rows = conn.execute(
        "SELECT name FROM villages WHERE name LIKE '导入村%' UNION ALL SELECT name FROM facilities WHERE name LIKE '卫生室%'"
    ).fetchall()
    return {int(name.rsplit("-", 1)[1]) for (name,) in rows}


def _import_row_counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("villages", "facilities", "staff"))


def kill_imports(folder: Path, kills: int, rng: random.Random) -> Figures:
    """Imports of a 3-sheet workbook SIGKILLed at random moments until ``kills`` were killed; each checked.

    Half the kill moments are spread over the whole import (start, reading the workbook, writing),
    half over the write transaction alone (counted from the child's ``begin`` line), from timings
    of an import that was allowed to finish.
    After each kill the file must pass ``integrity_check`` and the audit chain, and hold either
    every row of the workbook or none of them (and the matching number of audit rows). A trial
    that finished before its kill is checked too and counted in ``trials`` but not in ``killed``.
    """
    db_path = folder / "import.sqlite3"
    prefixes = prepare(db_path)
    figures = Figures()
    server = Server(db_path, folder / "import-server.log")
    began = time.perf_counter()
    try:
        calibration = []
        for generation in (1, 2):  # the first import inserts, the second updates: time a typical one
            workbook = write_import_workbook(folder / f"g{generation}.xlsx", generation, prefixes)
            calibration.append(trial := server.run(f"import {workbook}", kill_after=None))
            if trial.errors or trial.stamp("committed") is None:
                raise RuntimeError(f"calibration import failed: {trial.lines}")
        whole = calibration[1].stamp("committed") or 0.0
        window = whole - (calibration[1].stamp("begin") or 0.0)
        _, conn = database_problems(db_path)
        rows, audit_rows = _import_row_counts(conn), conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        conn.close()
        applied = generation = 2
        while figures.killed < kills and figures.trials < 2 * kills:
            generation += 1
            workbook = write_import_workbook(folder / "next.xlsx", generation, prefixes)
            inside = figures.trials % 2 == 1
            delay = rng.uniform(0.0, window if inside else whole)
            trial = server.run(f"import {workbook}", kill_after=delay, anchor="begin" if inside else None)
            figures.trials += 1
            figures.killed += trial.killed
            committed = trial.stamp("committed") is not None
            figures.reported += committed
            phase = ("finished before the kill" if not trial.killed and committed
                     else "after commit" if committed else "in write transaction" if trial.stamp("begin") is not None
                     else "reading workbook" if trial.stamp("ready") is not None else "opening database")
            figures.note(phase)
            problems, conn = database_problems(db_path)
            try:
                seen = _import_generations(conn)
                if seen == {generation}:
                    applied = generation
                    audit_rows += IMPORT_AUDIT_ROWS
                elif seen != {applied}:
                    problems.append(f"half-applied import: generations {sorted(seen)} side by side")
                if committed and applied != generation:
                    problems.append("the import reported committed but is missing")
                if _import_row_counts(conn) != rows:  # every import writes the same keys
                    problems.append(f"row counts {_import_row_counts(conn)}, expected {rows}")
                stored_audit = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
                if stored_audit != audit_rows:
                    problems.append(f"{stored_audit} audit rows, expected {audit_rows}")
            finally:
                conn.close()
            problems += trial.errors
            if problems:
                figures.failures.append(f"trial {figures.trials} (kill at {delay:.3f}s, {phase}): {problems}")
    finally:
        server.close()
    figures.seconds = time.perf_counter() - began
    return figures


class WriteModel:
    """What the village table and audit count must be after the first ``m`` planned writes."""

    def __init__(self, villages: dict[str, int], audit_rows: int, prefixes: list[str]):
        self.villages, self.audit_rows, self.prefixes = dict(villages), audit_rows, prefixes

    def after(self, k: int) -> WriteModel:
        """A copy with planned write ``k`` applied."""
        _, code, population = planned_write(k, self.prefixes)
        model = WriteModel(self.villages, self.audit_rows + 1, self.prefixes)
        model.villages[code] = population
        return model


def _village_state(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT code, population FROM villages").fetchall())


def kill_writes(folder: Path, kills: int, rng: random.Random, *, longest: float = 0.25) -> Figures:
    """``kills`` streams of single writes (one transaction each), each SIGKILLed after a random delay
    (half of them counted from the child's start, half from its first write).

    After each kill every write the child reported is in the file, at most the one write in flight
    is there unreported, nothing else changed, and the file passes ``integrity_check`` and the chain.
    """
    db_path = folder / "writes.sqlite3"
    prefixes = prepare(db_path)
    figures = Figures()
    _, conn = database_problems(db_path)
    model = WriteModel(_village_state(conn), conn.execute("SELECT count(*) FROM audit_log").fetchone()[0], prefixes)
    conn.close()
    server = Server(db_path, folder / "writes-server.log")
    began = time.perf_counter()
    first = 0
    try:
        while figures.trials < kills:
            delay = rng.uniform(0.0, longest)  # every other one counted from "ready": writes under way
            trial = server.run(f"writes {first}", kill_after=delay, anchor="ready" if figures.trials % 2 else None)
            figures.trials += 1
            figures.killed += trial.killed
            reported = [int(line.split()[1]) for line in trial.lines if line.startswith("committed ")]
            problems = list(trial.errors)
            if reported != list(range(first, first + len(reported))):
                problems.append(f"reported writes out of order: {reported[:5]}…")
            for k in reported:
                model = model.after(k)
            in_flight = model.after(first + len(reported))
            found, conn = database_problems(db_path)
            problems += found
            try:
                state = _village_state(conn)
                stored_audit = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
            finally:
                conn.close()
            if (state, stored_audit) == (in_flight.villages, in_flight.audit_rows):
                model = in_flight
                figures.note("with the write in flight (its commit reached the file before the child could report it)")
            elif (state, stored_audit) != (model.villages, model.audit_rows):
                lost = [c for c, p in model.villages.items() if state.get(c) != p]
                problems.append(f"state differs from the reported writes (e.g. {lost[:3]}; audit {stored_audit} vs {model.audit_rows})")
            else:
                figures.note("exactly the reported writes")
            figures.reported += len(reported)
            first = first + len(reported) + (model is in_flight)
            if problems:
                figures.failures.append(f"trial {figures.trials} (kill at {delay:.3f}s): {problems}")
    finally:
        server.close()
    figures.seconds = time.perf_counter() - began
    return figures


@dataclass
class Interleaved:
    """What two ``interleave`` processes reported, and what the file holds afterwards."""

    changes: int
    failures: list[str]
    increments: int = 0
    counter: int = 0
    switches: int = 0
    conflicts: int = 0
    seconds: float = 0.0


def run_interleaved(folder: Path, changes: int) -> Interleaved:
    """Two fresh processes make ``changes`` changes each on one file at the same time; check the result.

    A failure is: a process that did not finish cleanly (e.g. an unhandled "database is locked"),
    a lost increment of the shared counter, a reported change missing, an audit row too many or too
    few, a damaged file or audit chain.
    """
    from desktop_app.services import villages
    from desktop_app.services.database import open_context
    from desktop_app.store import audit
    from desktop_app.store.connection import integrity_problems

    db_path = folder / "shared.sqlite3"
    prefixes = prepare(db_path)
    ctx = open_context(db_path, actor=Actor("crash:parent"))
    audit_before = audit.count(ctx.db)
    result = Interleaved(changes, [])
    began = time.perf_counter()
    children = {name: start("interleave", db_path, name, changes) for name in ("a", "b")}
    for proc in children.values():
        if proc.stdout.readline().strip() != "ready":
            result.failures.append(f"a process did not start: {proc.stderr.read()}")
    for proc in children.values():
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = {name: proc.communicate(timeout=120) for name, proc in children.items()}
    result.seconds = time.perf_counter() - began
    last_set: dict[str, int] = {}
    created: list[str] = []
    for name, (out, err) in outputs.items():
        lines = out.splitlines()
        if children[name].returncode != 0 or err or not lines or not lines[-1].startswith("done "):
            result.failures.append(f"process {name} failed (exit {children[name].returncode}): {err[-2000:]}")
            continue
        result.conflicts += int(lines[-1].split()[1])
        for line in lines[:-1]:
            word, *rest = line.split()
            if word == "increment":
                result.increments += 1
            elif word == "set":
                last_set[rest[0]] = int(rest[1])
            else:
                created.append(rest[0])
    try:
        result.counter = villages.get_village(ctx, shared_code(prefixes)).village.population
        if result.counter != result.increments:
            result.failures.append(f"counter {result.counter} after {result.increments} reported increments")
        stored = {code: villages.get_village(ctx, code).village.population for code in last_set}
        if stored != last_set:
            result.failures.append(f"own villages {stored} differ from the last reported values {last_set}")
        missing = [code for code in created if ctx.db.execute("SELECT 1 FROM villages WHERE code = ?", [code]).fetchone() is None]
        if missing:
            result.failures.append(f"reported new villages missing: {missing[:5]}")
        if audit.count(ctx.db) != audit_before + 2 * changes:
            result.failures.append(f"{audit.count(ctx.db) - audit_before} audit rows for {2 * changes} changes")
        actors = [row[0] for row in ctx.db.execute("SELECT actor FROM audit_log WHERE id > ? ORDER BY id", [audit_before])]
        result.switches = sum(1 for before, after in zip(actors, actors[1:]) if before != after)
        result.failures += integrity_problems(ctx.db)
        if not audit.verify_chain(ctx.db).ok:
            result.failures.append("audit chain broken")
    finally:
        ctx.close()
    return result


DISK_WORDS = ("磁盘", "未保存")  # what the user must read when the disk refuses a write


def stored_state(conn: sqlite3.Connection) -> tuple:
    """Everything a refused write must leave as it was: villages, facilities, staff, the audit trail."""
    return tuple(
        conn.execute(sql).fetchall()
        for sql in ("SELECT * FROM villages ORDER BY code", "SELECT code, name, row_version FROM facilities ORDER BY code",
                    "SELECT id_number, name, row_version FROM staff ORDER BY id_number",
                    "SELECT id, hash FROM audit_log ORDER BY id")
    )


@dataclass
class FullDisk:
    """What the ``fill`` child printed, and the problems found in the file afterwards."""

    lines: list[str]
    failures: list[str]
    seconds: float = 0.0


def run_full_disk(folder: Path, limit: int = 8192) -> FullDisk:
    """An import and a single write in a child whose files may not grow past ``limit`` bytes.

    Both must be refused with a message naming the disk, and the file must afterwards be sound,
    unchanged, and take the same import once the limit is gone.
    """
    from desktop_app.services.database import open_context
    from desktop_app.services.workbook import import_workbook

    db_path = folder / "full.sqlite3"
    workbook = write_import_workbook(folder / "full.xlsx", 1, prepare(db_path))
    _, conn = database_problems(db_path)
    before = stored_state(conn)
    conn.close()
    began = time.perf_counter()
    child = start("fill", db_path, workbook, limit)
    out, err = child.communicate(timeout=60)
    result = FullDisk(out.splitlines(), [], time.perf_counter() - began)
    if child.returncode != 0 or result.lines[-1:] != ["closed"] or len(result.lines) != 3:
        result.failures.append(f"the child did not finish as expected (exit {child.returncode}): {err[-2000:]}")
    for label, line in zip(("import", "write"), result.lines):
        if not line.startswith(f"refused {label} ") or not all(word in line for word in DISK_WORDS):
            result.failures.append(f"not a clear refusal: {line}")
    problems, conn = database_problems(db_path)
    result.failures += problems
    if stored_state(conn) != before:
        result.failures.append("the refused writes changed the file")
    conn.close()
    ctx = open_context(db_path, actor=Actor("crash:parent"))
    try:
        if import_workbook(ctx, workbook).sheets["villages"].inserted != IMPORT_ROWS:
            result.failures.append("the import did not go through once there was room")
    finally:
        ctx.close()
    result.failures += database_problems(db_path)[0]
    return result


def start(command: str, *arguments: object) -> subprocess.Popen:
    """Start a fresh ``child_worker.py`` process (not a fork) with piped stdin/stdout/stderr."""
    return subprocess.Popen(
        [sys.executable, str(WORKER), command, *map(str, arguments)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
    )


def main(argv: list[str]) -> None:
    """Dispatch a child command (see the module docstring)."""
    command, db_path, *rest = argv
    if command == "serve":
        serve(db_path)
    elif command == "interleave":
        interleave(db_path, rest[0], int(rest[1]))
    elif command == "edit":
        edit(db_path, rest[0], rest[1])
    elif command == "fill":
        fill(db_path, rest[0], int(rest[1]))
    elif command == "hold":
        hold(db_path, float(rest[0]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
