"""Is a database file readable at all: ``PRAGMA quick_check`` of a file before the app opens it.

The file is opened with a plain connection (no WAL switch, no migration, no write) and only
read; SQLite itself may roll back a hot journal left by a crash, as any open would.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.domain.errors import DatabaseFileError, StorageError
from desktop_app.store.connection import BUSY_MESSAGE, BUSY_TIMEOUT_MS, SQLITE_HEADER

MAX_PROBLEMS = 10
_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _primary_code(exc: sqlite3.Error) -> int:
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF


def quick_check(path: Path) -> list[str]:
    """The damage ``PRAGMA quick_check`` finds in an existing, non-empty file (at most
    ``MAX_PROBLEMS`` lines; [] when the file is sound). A file without the SQLite header is damage.

    Raises StorageError when another program holds the file locked past the busy timeout and
    DatabaseFileError when it cannot be read for another reason (permissions, I/O): neither
    says the file is damaged.
    """
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return ["不是 SQLite 数据库文件（文件头不对）"]
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise DatabaseFileError(f"无法打开数据库文件（{exc}）：{path}") from exc
    try:
        rows = conn.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
        return [row[0] for row in rows if row[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        code = _primary_code(exc)
        if code in _DAMAGE_CODES:
            return [str(exc)]
        if code in _BUSY_CODES:
            raise StorageError(BUSY_MESSAGE) from exc
        raise DatabaseFileError(f"无法读取数据库文件（{exc}）：{path}") from exc
    finally:
        conn.close()


def fingerprint(path: Path) -> str | None:
    """What identifies the file's content as last written: size, modification time and SQLite's
    file change counter (header bytes 24–27). None when the file is missing, not SQLite, or has a
    write-ahead log or rollback journal beside it (it was not closed cleanly)."""
    if not path.is_file() or any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal")):
        return None
    stat = path.stat()
    with path.open("rb") as handle:
        header = handle.read(28)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}:{int.from_bytes(header[24:28], 'big')}"
