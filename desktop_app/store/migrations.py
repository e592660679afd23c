"""Numbered SQL migrations from ``db/`` (``0001_name.sql`` …), applied in order.

Each step runs in one transaction together with its record (sqlite-utils migrations). Before
any pending step runs on an existing file, the file is copied aside with SQLite's online
backup API. A database that has steps this app does not know (a newer version) is refused.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop_app.domain.errors import DatabaseFileError
from desktop_app.resources import migrations_dir

MIGRATION_SET = "township_desk"
_FILE_PATTERN = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class MigrationStep:
    """One SQL file of ``db/``: its name (file stem) and statements."""

    name: str
    path: Path


def discover_steps(folder: Path | None = None) -> list[MigrationStep]:
    """The migration files in ``folder`` (default ``db/``), sorted by number."""
    folder = folder or migrations_dir()
    steps = [MigrationStep(p.stem, p) for p in sorted(folder.glob("*.sql")) if _FILE_PATTERN.match(p.name)]
    numbers = [s.name[:4] for s in steps]
    if len(numbers) != len(set(numbers)):
        raise RuntimeError(f"duplicate migration numbers in {folder}")
    return steps


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (triggers included) with ``sqlite3.complete_statement``."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buffer.splitlines()):
        raise ValueError("migration ends with an incomplete statement")
    return statements


def _runner(step: MigrationStep) -> Callable[[Database], None]:
    def run(db: Database) -> None:
        # executescript would COMMIT the surrounding transaction: run statements one by one.
        for statement in split_statements(step.path.read_text(encoding="utf-8")):
            db.conn.execute(statement)

    run.__name__ = step.name
    return run


def build_migrations(steps: list[MigrationStep]) -> Migrations:
    """Register each step with a sqlite-utils migration set."""
    migrations = Migrations(MIGRATION_SET)
    for step in steps:
        migrations(name=step.name)(_runner(step))
    return migrations


def applied_names(db: Database) -> list[str]:
    """Names of the steps recorded as applied in this database."""
    return [m.name for m in Migrations(MIGRATION_SET).applied(db)]


def unknown_steps(db: Database, folder: Path | None = None) -> list[str]:
    """Applied steps this app does not have: the database was written by a newer version."""
    known = {s.name for s in discover_steps(folder)}
    return [name for name in applied_names(db) if name not in known]


def backup_file(db: Database, source_path: Path, label: str) -> Path:
    """Copy the open database beside its file with the online backup API; return the copy's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source_path.with_name(f"{source_path.stem}.{label}-{stamp}{source_path.suffix or '.sqlite3'}")
    counter = 1
    while target.exists():
        target = target.with_name(f"{source_path.stem}.{label}-{stamp}-{counter}{source_path.suffix or '.sqlite3'}")
        counter += 1
    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    return target


def migrate(db: Database, *, db_path: Path | None = None, folder: Path | None = None) -> list[str]:
    """Apply pending migrations; return the names applied (empty when up to date).

    Raises DatabaseFileError when the database records a step this app does not have (it was
    written by a newer version). When ``db_path`` is given and the database already has
    applied steps, a backup copy is written before the first pending step runs.
    """
    steps = discover_steps(folder)
    applied = applied_names(db)
    foreign = [t for t in db.table_names() if t != "_sqlite_migrations" and not t.startswith("sqlite_")]
    if not applied and foreign:
        raise DatabaseFileError("该 SQLite 文件不是乡镇服务台数据库（含有其他程序的表），已拒绝打开。文件未被修改。")
    unknown = unknown_steps(db, folder)
    if unknown:
        raise DatabaseFileError(
            "该数据库由更新版本的乡镇服务台创建（包含本程序不认识的结构版本 "
            + "、".join(unknown)
            + "），请升级程序后再打开。文件未被修改。"
        )
    migrations = build_migrations(steps)
    pending = [m.name for m in migrations.pending(db)]
    if not pending:
        return []
    if db_path is not None and applied:
        backup_file(db, Path(db_path), f"before-{pending[0][:4]}")
    migrations.apply(db)
    return pending
