"""Database files as wholes: verified online copies, inspecting a file, moving a file aside.

A copy is written with SQLite's online backup API under ``<name>.partial``, switched to a
single-file journal, checked with ``PRAGMA integrity_check``, synced and only then renamed to
its final name. When anything fails (a full disk included) the partial file is deleted and a
DeskError raised: a failed copy never sits under a name that looks valid. The source is only read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop_app.domain.errors import DeskError
from desktop_app.store import audit
from desktop_app.store.connection import SQLITE_HEADER
from desktop_app.store.migrations import applied_names, unknown_steps

PARTIAL_SUFFIX = ".partial"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
IN_USE_WAIT_SECONDS = 2.0
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_FULL = 13
_SQLITE_BUSY_OR_LOCKED = (5, 6)


@dataclass(frozen=True)
class FileInspection:
    """What :func:`inspect_file` found: problems (empty = usable), schema steps, audit chain."""

    problems: list[str]
    applied_migrations: list[str]
    audit_chain: audit.ChainReport | None = None


def has_sqlite_header(path: Path) -> bool:
    """True when ``path`` is a file that starts with the SQLite header (empty files do not)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` lines other than ``ok``."""
    return [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]


def schema_problems(db: Database) -> list[str]:
    """Why ``db`` is not a Township Desk database this app can open (newer schema), or []."""
    if not applied_names(db):
        return ["不是乡镇服务台数据库（没有结构版本记录）"]
    unknown = unknown_steps(db)
    if unknown:
        return ["由更新版本的乡镇服务台创建（结构版本 " + "、".join(unknown) + "），本程序无法使用"]
    return []


def _failure(exc: BaseException, action: str) -> DeskError:
    disk_full = (isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS) or (
        isinstance(exc, sqlite3.Error) and (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == _SQLITE_FULL
    )
    why = "磁盘空间不足" if disk_full else f"{type(exc).__name__}: {exc}"
    return DeskError(f"{action}失败：{why}。没有留下不完整的文件，数据库未被改动。")


def _remove_partial(partial: Path) -> None:
    for path in (partial, *(Path(f"{partial}{s}") for s in COMPANION_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_verified_copy(source: sqlite3.Connection, target: Path, *, action: str = "备份") -> int:
    """Copy the open database ``source`` to ``target`` (which must not exist); return its size.

    Raises DeskError (with ``action`` in its message) when the copy cannot be written or fails
    the integrity check; nothing is then left at ``target`` or ``target.partial``.
    """
    if target.exists():
        raise DeskError(f"{action}失败：目标文件已存在，不会覆盖：{target}")
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_partial(partial)
        destination = sqlite3.connect(str(partial), isolation_level=None)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
            problems = integrity_problems(destination)
        finally:
            destination.close()
        if problems:
            raise DeskError(f"{action}失败：副本未通过完整性检查（{problems[0]}），已删除该副本。数据库未被改动。")
        _fsync_file(partial)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except DeskError:
        _remove_partial(partial)
        raise
    except (OSError, sqlite3.Error) as exc:
        _remove_partial(partial)
        raise _failure(exc, action) from exc
    return target.stat().st_size


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def inspect_file(path: Path) -> FileInspection:
    """Check a database file without changing it: header, integrity, Township Desk schema, chain."""
    if not has_sqlite_header(path):
        return FileInspection(["不是 SQLite 数据库文件"], [])
    try:
        conn = _open_read_only(path)
    except sqlite3.Error as exc:
        return FileInspection([f"无法读取（{exc}）"], [])
    try:
        problems = integrity_problems(conn)
        if problems:
            return FileInspection(["文件已损坏：" + problems[0]], [])
        db = Database(conn)
        problems = schema_problems(db)
        applied = applied_names(db)
        chain = audit.verify_chain(db) if not problems and audit.has_chain(db) else None
        return FileInspection(problems, applied, chain)
    except sqlite3.Error as exc:
        return FileInspection([f"文件已损坏或无法读取（{exc}）"], [])
    finally:
        conn.close()


def copy_file(source: Path, target: Path, *, action: str) -> int:
    """Copy the database file ``source`` (read only, its -wal included) to ``target`` verified."""
    try:
        conn = _open_read_only(source)
    except sqlite3.Error as exc:
        raise _failure(exc, action) from exc
    try:
        return write_verified_copy(conn, target, action=action)
    finally:
        conn.close()


def companions(path: Path) -> list[Path]:
    """The -wal/-shm/-journal files that belong to the database file ``path`` and exist."""
    return [candidate for s in COMPANION_SUFFIXES if (candidate := Path(f"{path}{s}")).exists()]


def quiesce(path: Path) -> None:
    """Make sure no other connection uses ``path`` and fold its -wal into the file.

    Raises DeskError when another program (or this one) still has the database open. A file
    that SQLite cannot read (damaged, not SQLite) is left as it is; a missing file is ignored.
    """
    if not path.exists():
        return
    conn = sqlite3.connect(str(path), timeout=IN_USE_WAIT_SECONDS, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _SQLITE_BUSY_OR_LOCKED:
            raise DeskError(f"数据库正在被使用（可能是本程序的另一个窗口），请先关闭后再恢复：{path}") from exc
        # damaged or not SQLite: it is moved aside as it is
    finally:
        conn.close()


def move_with_companions(path: Path, destination: Path) -> None:
    """Rename ``path`` and its -wal/-shm/-journal files to ``destination`` (+ the same suffixes).

    Files that do not exist are skipped; when a rename fails, those already done are undone.
    """
    moves = [(path, destination)] if path.exists() else []
    moves += [(c, Path(f"{destination}{str(c)[len(str(path)):]}")) for c in companions(path)]
    done: list[tuple[Path, Path]] = []
    try:
        for old, new in moves:
            if new.exists():
                raise FileExistsError(errno.EEXIST, "file exists", str(new))
            os.replace(old, new)
            done.append((old, new))
    except OSError:
        for old, new in reversed(done):
            os.replace(new, old)
        raise
