"""Backups and recovery: a copy now, the daily copy on first start, a copy before an import,
retention (30 daily and 12 monthly copies), restoring a copy in place of the database, and
recovering a database that the start-up check found damaged.

Copies are named as ``domain.backup_retention`` describes and go to a folder (by default
``paths.backup_dir()``). A copy is written under a temporary name, checked and only then
renamed. Restore never overwrites: the current file and its -wal/-shm are first renamed to
``<stem>.before-restore-<timestamp>.sqlite3``. Run these on the database worker, outside any
write transaction; for :func:`restore`, close every connection to the target first.

Copying or restoring a whole file needs ``MANAGE_BACKUPS`` (the command line acts as the
administrator); the copy before an import needs ``IMPORT``. Two run whatever the user's role,
because nobody chose them: the daily copy at start and :func:`recover_damaged`, which only puts this
database's newest verified copy in place of a file that fails the start-up check (nobody can
sign in to a damaged database, and a healthy one is refused).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from desktop_app.domain.actor import Actor
from desktop_app.domain.backup_retention import BackupName, RetentionPolicy, is_valid_label, plan_retention
from desktop_app.domain.errors import DatabaseFileError, DeskError, Problem, RuleViolation, ValidationError
from desktop_app.domain.security import IMPORT, MANAGE_BACKUPS
from desktop_app.paths import backup_dir
from desktop_app.services.context import ServiceContext
from desktop_app.services.database import startup_check
from desktop_app.services.permissions import guarded, guarded_by_actor
from desktop_app.store import backup as store_backup
from desktop_app.store.audit import ChainReport
from desktop_app.store.connection import open_database
from desktop_app.store.migrations import applied_names, discover_steps

DAILY = "daily"
MANUAL = "manual"
SOURCE_FIELD = "source"
_STAMP = "%Y%m%d-%H%M%S"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupResult:
    """A verified copy: where it is, its size, and old copies that retention deleted."""

    path: Path
    size: int
    deleted: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RestoreResult:
    """What :func:`restore` did; ``kept`` is where the previous database file now is (None: there was none)."""

    source: Path
    target: Path
    kept: Path | None
    applied_migrations: tuple[str, ...]
    pending_migrations: tuple[str, ...]
    audit_chain: ChainReport | None


def _copy_path(folder: Path, stem: str, label: str, now: datetime) -> Path:
    if not is_valid_label(label):
        raise ValidationError(Problem("label", f"备份标签只能由小写字母、数字和连字符组成，而不是“{label}”"))
    name = BackupName(stem, label, now.replace(microsecond=0))
    while (folder / name.file_name).exists():
        name = replace(name, serial=name.serial + 1)
    return folder / name.file_name


@guarded(MANAGE_BACKUPS)
def backup_now(
    ctx: ServiceContext, folder: Path | str, *, label: str = MANUAL, now: datetime | None = None
) -> BackupResult:
    """Write a verified copy of the open database into ``folder`` (created if needed), on request.

    Raises ValidationError for a bad label, DeskError when the copy cannot be written (a full
    disk included: no partial file is left and the database is untouched).
    """
    return _write_copy(ctx, folder, label=label, now=now)


def _write_copy(ctx: ServiceContext, folder: Path | str, *, label: str, now: datetime | None = None) -> BackupResult:
    """The copy itself; automatic copies (daily, before an import) run it whatever the user's role."""
    if ctx.db.conn.in_transaction:
        raise RuntimeError("backup_now must run outside a write transaction")
    target = _copy_path(Path(folder), ctx.db_path.stem, label, now or datetime.now())
    return BackupResult(target, store_backup.write_verified_copy(ctx.db.conn, target))


@guarded_by_actor(MANAGE_BACKUPS)
def backup_database_file(db_path: Path | str, folder: Path | str, *, actor: Actor, label: str = MANUAL) -> BackupResult:
    """Copy a database file without opening it for use (no migration): the ``backup`` command.

    Raises PermissionDenied unless ``actor`` may manage backups; DatabaseFileError when the
    file is missing, not SQLite or not a Township Desk database; DeskError when the copy
    cannot be written.
    """
    db_path = Path(db_path)
    db = open_database(db_path, create=False)
    try:
        if not applied_names(db):
            raise DatabaseFileError(f"该文件不是乡镇服务台数据库，未备份：{db_path}")
        target = _copy_path(Path(folder), db_path.stem, label, datetime.now())
        return BackupResult(target, store_backup.write_verified_copy(db.conn, target))
    finally:
        db.conn.close()


@guarded(IMPORT)
def backup_before(ctx: ServiceContext, reason: str, *, folder: Path | None = None) -> BackupResult:
    """A copy labelled ``before-<reason>`` (e.g. ``before-import``) in the backup folder, for a
    user about to import (PermissionDenied without the IMPORT right)."""
    return _write_copy(ctx, folder or backup_dir(), label=f"before-{reason}")


def copies(folder: Path | str, stem: str) -> list[BackupName]:
    """The copies of the database named ``stem`` in ``folder`` (other files are ignored)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    names = (BackupName.parse(path.name) for path in folder.iterdir() if path.is_file())
    return [name for name in names if name is not None and name.stem == stem]


def apply_retention(folder: Path | str, stem: str, policy: RetentionPolicy = RetentionPolicy()) -> list[Path]:
    """Delete the copies of ``stem`` in ``folder`` that the policy does not keep; return them."""
    folder = Path(folder)
    deleted = []
    for name in plan_retention(copies(folder, stem), policy).delete:
        path = folder / name.file_name
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not delete old backup %s: %s", path, exc)
            continue
        deleted.append(path)
    return deleted


def automatic_daily_backup(
    ctx: ServiceContext, folder: Path | str, today: date, *, policy: RetentionPolicy = RetentionPolicy()
) -> BackupResult | None:
    """On the first start of ``today``: a ``daily`` copy, then retention. None when today's copy exists.

    For the GUI start-up: ``automatic_daily_backup(ctx, paths.backup_dir(), date.today())``.
    """
    stem = ctx.db_path.stem
    if any(name.label == DAILY and name.taken_at.date() == today for name in copies(folder, stem)):
        return None
    now = datetime.now()
    if now.date() != today:
        now = datetime.combine(today, now.time())
    result = _write_copy(ctx, folder, label=DAILY, now=now)
    return replace(result, deleted=tuple(apply_retention(folder, stem, policy)))


def _kept_path(target: Path, now: datetime) -> Path:
    base = f"{target.stem}.before-restore-{now.strftime(_STAMP)}"
    kept, counter = target.with_name(f"{base}.sqlite3"), 1
    while kept.exists() or store_backup.companions(kept):
        kept, counter = target.with_name(f"{base}-{counter}.sqlite3"), counter + 1
    return kept


def _refused(source: Path, reason: str) -> ValidationError:
    return ValidationError(Problem(SOURCE_FIELD, f"{reason}（{source}），未做任何改动"))


@guarded_by_actor(MANAGE_BACKUPS)
def restore(source: Path | str, target: Path | str, *, actor: Actor, now: datetime | None = None) -> RestoreResult:
    """Put the backup ``source`` in place of the database file ``target``, keeping the old file.

    The source must be a readable SQLite file that passes ``integrity_check`` and is a Township
    Desk database no newer than this app (an older one is upgraded when next opened). The
    target, which no connection may have open, is checkpointed and renamed with its -wal/-shm
    (see ``RestoreResult.kept``); then a verified copy of the source takes its place.
    Raises PermissionDenied unless ``actor`` may manage backups, ValidationError when the
    source is refused and DeskError when the target is in use or a file cannot be written; in
    every case the target is then as it was.
    """
    log.info("restore %s over %s by %s", source, target, actor.name)
    return _restore(Path(source), Path(target), now=now)


def _restore(source: Path, target: Path, *, now: datetime | None) -> RestoreResult:
    if not source.is_file():
        raise _refused(source, "备份文件不存在或不是文件")
    if target.exists() and os.path.samefile(source, target):
        raise _refused(source, "备份文件就是要恢复的数据库本身")
    inspection = store_backup.inspect_file(source)
    if inspection.problems:
        raise ValidationError([Problem(SOURCE_FIELD, f"{p}（{source}），未做任何改动") for p in inspection.problems])
    incoming = target.with_name(f"{target.name}.restoring")
    store_backup.copy_file(source, incoming, action="恢复")
    kept = None
    try:
        if target.exists() or store_backup.companions(target):
            store_backup.quiesce(target)
            kept = _kept_path(target, now or datetime.now())
            store_backup.move_with_companions(target, kept)
        try:
            os.replace(incoming, target)
        except OSError:
            if kept is not None:
                store_backup.move_with_companions(kept, target)
            raise
    except OSError as exc:
        raise DeskError(f"恢复失败：{exc}。原数据库保持原样。") from exc
    finally:
        incoming.unlink(missing_ok=True)
    known = [step.name for step in discover_steps()]
    applied = tuple(inspection.applied_migrations)
    return RestoreResult(
        source, target, kept, applied, tuple(n for n in known if n not in applied), inspection.audit_chain
    )


@dataclass(frozen=True)
class GoodBackup:
    """The newest copy that passed ``integrity_check``, and the newer copies that did not (with why)."""

    path: Path
    taken_at: datetime
    label: str
    refused: tuple[tuple[Path, str], ...] = ()


def newest_good_backup(folder: Path | str, stem: str) -> GoodBackup | None:
    """The newest copy of the database named ``stem`` in ``folder`` that passes ``integrity_check``
    and is a Township Desk database this app can open; None when there is none. Only reads."""
    folder = Path(folder)
    refused: list[tuple[Path, str]] = []
    for name in sorted(copies(folder, stem), key=lambda n: n.sort_key, reverse=True):
        path = folder / name.file_name
        problems = store_backup.inspect_file(path).problems
        if not problems:
            return GoodBackup(path, name.taken_at, name.label, tuple(refused))
        refused.append((path, problems[0]))
    return None


def recover_damaged(target: Path | str, *, source: Path | str, folder: Path | str,
                    now: datetime | None = None) -> RestoreResult:
    """Put ``source`` (a copy of this database in the backup ``folder``) in place of the damaged
    database file ``target``, keeping the damaged file as ``<stem>.before-restore-<time>.sqlite3``.

    For the start-up, where nobody can sign in: it runs only while ``target`` fails the start-up
    check (RuleViolation otherwise), and only with a copy that :func:`newest_good_backup` would
    offer, i.e. named as a copy of ``target`` and lying in ``folder`` (ValidationError otherwise).
    Raises like :func:`restore` when the copy is refused or a file cannot be written.
    """
    target, source, folder = Path(target), Path(source), Path(folder)
    if not startup_check(target).damaged:
        raise RuleViolation("数据库文件通过了检查，不能在启动时用备份覆盖；如需恢复旧数据，请由系统管理员登录后从菜单恢复")
    name = BackupName.parse(source.name)
    if name is None or name.stem != target.stem or source.parent.resolve() != folder.resolve():
        raise _refused(source, f"只能使用备份文件夹 {folder} 中本数据库的备份")
    log.warning("recovering damaged database %s from %s", target, source)
    return _restore(source, target, now=now)
