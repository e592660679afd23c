"""The audit trail: one appended row per write (who, when, what, before and after)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class AuditEntry:
    """One audited action. ``before``/``after`` are JSON-able dicts (None for insert/delete)."""

    actor: str
    action: str
    table: str | None = None
    key: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def append(db: Database, entries: Iterable[AuditEntry]) -> int:
    """Append entries in the caller's transaction; return how many were written."""
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    rows = [(now, e.actor, e.action, e.table, e.key, _json(e.before), _json(e.after)) for e in entries]
    db.conn.executemany(
        "INSERT INTO audit_log (at, actor, action, table_name, record_key, before_json, after_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def entries_for(db: Database, table: str, key: str) -> list[dict[str, Any]]:
    """Audit rows of one record, oldest first."""
    return list(
        db.query(
            "SELECT * FROM audit_log WHERE table_name = ? AND record_key = ? ORDER BY id", [table, key]
        )
    )


def count(db: Database) -> int:
    """Number of audit rows."""
    return db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
