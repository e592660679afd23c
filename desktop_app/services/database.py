"""Open, create, migrate and check database files (shared by the GUI start-up and the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app import __version__
from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import DatabaseFileError, RuleViolation
from desktop_app.services.context import ServiceContext
from desktop_app.services.divisions import load_division_registry
from desktop_app.store import audit, divisions_repo, file_health, meta, villages_repo
from desktop_app.store.audit import ChainReport
from desktop_app.store.connection import integrity_problems, open_database, write_transaction
from desktop_app.store.migrations import applied_names, discover_steps, migrate, unknown_steps

ProgressCallback = Callable[[int, int, str], None]


def open_context(path: Path | str, *, actor: Actor, create: bool = True) -> ServiceContext:
    """Open (creating if allowed) and migrate the database; load the division codes if absent.

    Raises DatabaseFileError for a non-SQLite, damaged or newer-version file (never modified).
    """
    path = Path(path)
    db = open_database(path, create=create)
    try:
        migrate(db, db_path=path)
        audit.seal_legacy(db)
        ctx = ServiceContext(db=db, actor=actor, db_path=path)
        if divisions_repo.count(db) == 0:
            load_division_registry(ctx)
            with write_transaction(db):
                meta.put(db, meta.CREATED_BY_VERSION, __version__)
    except BaseException:
        db.conn.close()
        raise
    return ctx


@dataclass(frozen=True)
class InitResult:
    """What ``init`` did: migrations applied, divisions and demo records present."""

    path: Path
    divisions: int
    demo: str | None
    demo_counts: dict[str, int] = field(default_factory=dict)


def initialize(
    path: Path | str,
    *,
    actor: Actor,
    demo: str | None = None,
    seed: int = 2023,
    progress: ProgressCallback | None = None,
) -> InitResult:
    """Create or migrate a database, load the division codes and optionally generate demo data.

    Demo data (``small``: one county, ``city``: all 11 units, interchange §5) goes only into a
    database that has no villages yet; otherwise RuleViolation, and nothing is written.
    """
    from desktop_app.services.demo import generate_demo

    ctx = open_context(path, actor=actor, create=True)
    try:
        counts: dict[str, int] = {}
        if demo:
            if villages_repo.count(ctx.db):
                raise RuleViolation("该数据库已有村庄数据，示例数据只能生成到新的数据库文件中")
            counts = generate_demo(ctx, scale=demo, seed=seed, progress=progress)
        return InitResult(Path(path), divisions_repo.count(ctx.db), ctx.demo_dataset, counts)
    finally:
        ctx.close()


@dataclass(frozen=True)
class CheckReport:
    """Result of ``check``: the problems found (empty = healthy) and facts about the file."""

    path: Path
    problems: list[str]
    applied_migrations: list[str]
    pending_migrations: list[str]
    audit_chain: ChainReport | None = None

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def check_database(path: Path | str) -> CheckReport:
    """Verify an existing database without changing it: integrity, foreign keys, schema version,
    and the audit hash chain (the first broken link is reported with its row id).

    Raises DatabaseFileError when the file is missing, not SQLite or unreadable.
    """
    path = Path(path)
    db = open_database(path, create=False)
    try:
        problems = integrity_problems(db)
        applied = applied_names(db)
        known = [s.name for s in discover_steps()]
        unknown = unknown_steps(db)
        if unknown:
            problems.append("数据库包含本程序不认识的结构版本：" + "、".join(unknown))
        pending = [n for n in known if n not in applied]
        if pending:
            problems.append("数据库结构尚未升级（待执行：" + "、".join(pending) + "），请用本程序打开一次或运行 init")
        if not unknown and not pending and divisions_repo.count(db) == 0:
            problems.append("区划代码表为空")
        chain = audit.verify_chain(db) if audit.has_chain(db) else None
        if chain is not None and not chain.ok:
            problems.append(f"审计记录链在编号 {chain.first_broken_id} 处断开：{chain.reason}")
        return CheckReport(path, problems, applied, pending, chain)
    except Exception as exc:
        if isinstance(exc, DatabaseFileError):
            raise
        raise DatabaseFileError(f"检查数据库时出错：{exc}") from exc
    finally:
        db.conn.close()


@dataclass(frozen=True)
class StartupState:
    """What the start-up check found in the database file: ``problems`` (empty = it may be
    opened) and whether the file exists yet (a missing or empty file is a new database)."""

    path: Path
    exists: bool
    problems: tuple[str, ...] = ()
    full_check: bool = True
    """False when the file was found exactly as the app left it at its last clean close, so the
    full ``quick_check`` (seconds on a large file) was skipped."""

    @property
    def damaged(self) -> bool:
        """True when the file must not be opened (damaged, or not an SQLite file)."""
        return bool(self.problems)


def startup_check(path: Path | str, *, closed_cleanly_as: str | None = None) -> StartupState:
    """Before opening the database at start: ``PRAGMA quick_check`` of the file, read only.

    A missing or empty file is fine (it becomes a new database); a folder is left to
    :func:`open_context` to refuse. ``closed_cleanly_as`` is the :func:`clean_close_fingerprint`
    the app recorded when it last closed this file: when the file still has it (nobody and no
    crash touched it since), the full check is skipped — a crash, a copy from elsewhere or any
    change after the close leaves a different fingerprint (or a log beside the file) and gets the
    full check. Raises StorageError when another program keeps the file locked and
    DatabaseFileError when it cannot be read at all (permissions, I/O errors).
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return StartupState(path, exists=path.exists())
    if closed_cleanly_as is not None and file_health.fingerprint(path) == closed_cleanly_as:
        return StartupState(path, exists=True, full_check=False)
    return StartupState(path, exists=True, problems=tuple(file_health.quick_check(path)))


def clean_close_fingerprint(path: Path | str) -> str | None:
    """The fingerprint of a database file after the app closed it cleanly (size, modification time,
    SQLite change counter), to give :func:`startup_check` next time; None when the file was not
    closed cleanly (a log is beside it) or does not exist."""
    return file_health.fingerprint(Path(path))
