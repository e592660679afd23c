"""User accounts: role, scope, password hash and failed log-in count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database


@dataclass(frozen=True)
class UserRecord:
    """An account as stored (never holds a clear-text password)."""

    user_name: str
    display_name: str
    role: str
    scope_code: str
    password_hash: str
    active: bool
    failed_attempts: int
    last_failure_at: datetime | None
    is_demo: bool


_COLUMNS = "user_name, display_name, role, scope_code, password_hash, active, failed_attempts, last_failure_at, is_demo"


def _record(row: tuple) -> UserRecord:
    name, display, role, scope, password_hash, active, failed, last_failure, is_demo = row
    return UserRecord(name, display, role, scope, password_hash, bool(active), failed,
                      datetime.fromisoformat(last_failure) if last_failure else None, bool(is_demo))


def get(db: Database, user_name: str) -> UserRecord | None:
    """The account with this user name, or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM users WHERE user_name = ?", [user_name]).fetchone()
    return _record(row) if row else None


def all_users(db: Database) -> list[UserRecord]:
    """Every account by user name."""
    return [_record(r) for r in db.execute(f"SELECT {_COLUMNS} FROM users ORDER BY user_name").fetchall()]


def count(db: Database) -> int:
    """Number of accounts."""
    return db.execute("SELECT count(*) FROM users").fetchone()[0]


def insert(db: Database, user: UserRecord) -> None:
    """Add an account."""
    db.execute(
        f"INSERT INTO users ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [user.user_name, user.display_name, user.role, user.scope_code, user.password_hash, int(user.active),
         user.failed_attempts, user.last_failure_at.isoformat() if user.last_failure_at else None, int(user.is_demo)],
    )


def update_profile(db: Database, user_name: str, *, display_name: str, role: str, scope_code: str, active: bool) -> bool:
    """Change an account's name, role, scope or active flag."""
    return db.execute(
        "UPDATE users SET display_name = ?, role = ?, scope_code = ?, active = ?, row_version = row_version + 1"
        " WHERE user_name = ?",
        [display_name, role, scope_code, int(active), user_name],
    ).rowcount == 1


def set_password(db: Database, user_name: str, password_hash: str) -> bool:
    """Replace the password hash (and clear the failure count)."""
    return db.execute(
        "UPDATE users SET password_hash = ?, failed_attempts = 0, last_failure_at = NULL,"
        " row_version = row_version + 1 WHERE user_name = ?",
        [password_hash, user_name],
    ).rowcount == 1


def record_failure(db: Database, user_name: str, at: datetime) -> None:
    """Count one more consecutive failed log-in."""
    db.execute(
        "UPDATE users SET failed_attempts = failed_attempts + 1, last_failure_at = ? WHERE user_name = ?",
        [at.isoformat(timespec="seconds"), user_name],
    )


def clear_failures(db: Database, user_name: str) -> None:
    """Reset the failure count after a successful log-in."""
    db.execute("UPDATE users SET failed_attempts = 0, last_failure_at = NULL WHERE user_name = ?", [user_name])
