"""Key/value facts about the database file itself (demo marking, creation date, app version)."""

from __future__ import annotations

from sqlite_utils import Database

DEMO_DATASET = "demo_dataset"
CREATED_BY_VERSION = "created_by_version"


def get(db: Database, key: str) -> str | None:
    """The value stored under ``key``, or None."""
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def put(db: Database, key: str, value: str) -> None:
    """Store ``value`` under ``key`` (insert or replace), in the caller's transaction."""
    db.execute(
        "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
