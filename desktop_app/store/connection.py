"""Open a Township Desk database file with the settings every connection needs.

WAL journal, ``foreign_keys=ON``, ``synchronous=FULL`` and a busy timeout. A file that is not
SQLite, or is damaged, is refused with :class:`DatabaseFileError` and never overwritten.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from desktop_app.domain.errors import DatabaseFileError, StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
_DISK_REFUSED = (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR)  # primary result codes
DISK_REFUSED_MESSAGE = "磁盘已满或无法写入，本次修改未保存，原有数据未受影响。请腾出磁盘空间（或检查存储设备）后重试。"
BUSY_MESSAGE = "数据库正由其他用户或窗口写入，等待超时，本次修改未保存。请稍后重试。"


def looks_like_sqlite(path: Path) -> bool:
    """True when the file is empty/absent (a new database) or starts with the SQLite header."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (or create) the database at ``path`` and apply the connection pragmas.

    Raises DatabaseFileError when the file is not an SQLite database, is damaged, or when it
    does not exist and ``create`` is False. Migrations are not run here (see store.migrations).
    """
    path = Path(path)
    if not path.exists() and not create:
        raise DatabaseFileError(f"数据库文件不存在：{path}")
    if path.is_dir():
        raise DatabaseFileError(f"数据库路径是一个文件夹，不是文件：{path}")
    if not looks_like_sqlite(path):
        raise DatabaseFileError(f"该文件不是 SQLite 数据库，已拒绝打开（文件未被修改）：{path}")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        if db.journal_mode != "wal":
            db.enable_wal()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(Exception):
            conn.close()
        raise DatabaseFileError(f"数据库文件已损坏或无法读取（{exc}）：{path}") from exc
    return db


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One unit of work: ``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on any exception).

    IMMEDIATE takes the write lock up front, so a second process waits (busy timeout) instead
    of failing half-way. Nested use becomes a savepoint through sqlite-utils' ``atomic()``.
    Raises StorageError when another process keeps the write lock past the busy timeout, or
    when the disk refuses the write (full, or an I/O error).
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_BUSY:
            raise StorageError(BUSY_MESSAGE) from exc
        raise
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError) and (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _DISK_REFUSED:
            raise StorageError(DISK_REFUSED_MESSAGE) from exc
        raise


def integrity_problems(db: Database) -> list[str]:
    """Run ``integrity_check`` and ``foreign_key_check``; return a readable line per problem."""
    problems = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]
    for table, rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} 第{rowid}行引用了不存在的 {parent} 记录")
    return problems
