"""The audit trail: one appended row per write (who, when, what, before and after), hash-chained.

Every row stores ``prev_hash`` (the previous row's ``hash``; 64 zeros for the first row) and
``hash`` = SHA-256 (lower-case hex) of the UTF-8 bytes of the JSON array

    [id, at, actor, action, table_name, record_key, before_json, after_json, prev_hash]

written with ``ensure_ascii=False`` and ``separators=(",", ":")`` (NULL → ``null``; ``id`` a
number, every other value a string). Changing, deleting or renumbering a row therefore breaks
the chain at that row or the next one, which :func:`verify_chain` reports. The chain has no
secret key: it shows tampering by anyone who does not recompute every later hash.

Rows written before migration 0003 (ids up to ``app_meta.audit_chain_legacy_max_id``) are
sealed by :func:`seal_legacy`, which :func:`append` calls on first use after the upgrade.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlite_utils import Database

from desktop_app.store.connection import write_transaction
from desktop_app.store.listing import ListColumn, SqlList

GENESIS_HASH = "0" * 64
LEGACY_MAX_ID_KEY = "audit_chain_legacy_max_id"
_CONTENT = "id, at, actor, action, table_name, record_key, before_json, after_json"


@dataclass(frozen=True)
class AuditEntry:
    """One audited action. ``before``/``after`` are JSON-able dicts (None for insert/delete)."""

    actor: str
    action: str
    table: str | None = None
    key: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


@dataclass(frozen=True)
class ChainReport:
    """Result of :func:`verify_chain`: ``first_broken_id`` names the first row whose link fails."""

    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str | None = None
    head_hash: str | None = None


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record_hash(content: Sequence[Any], prev_hash: str) -> str:
    """SHA-256 hex of a row's canonical form; ``content`` is (id, at, …, after_json) in that order."""
    canonical = json.dumps([*content, prev_hash], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _legacy_max_id(db: Database) -> int:
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [LEGACY_MAX_ID_KEY]).fetchone()
    return int(row[0]) if row else 0


def seal_legacy(db: Database) -> int:
    """Chain the rows written before migration 0003 (once); return how many were sealed.

    Runs in the caller's transaction (or its own). Cheap when there is nothing to seal.
    """
    boundary = _legacy_max_id(db)
    last = db.execute(
        "SELECT hash FROM audit_log WHERE id <= ? ORDER BY id DESC LIMIT 1", [boundary]
    ).fetchone()
    if last is None or last[0] is not None:
        return 0
    sealed = 0
    with write_transaction(db):
        rows = db.execute(
            f"SELECT {_CONTENT}, hash FROM audit_log WHERE id <= ? ORDER BY id", [boundary]
        ).fetchall()
        prev = GENESIS_HASH
        for row in rows:
            if row[8] is not None:
                prev = row[8]
                continue
            digest = record_hash(row[:8], prev)
            db.execute(
                "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ? AND hash IS NULL", [prev, digest, row[0]]
            )
            prev = digest
            sealed += 1
    return sealed


def _chain_head(db: Database) -> tuple[int, str]:
    """The last row's id and the hash the next row must link to."""
    row = db.execute(f"SELECT {_CONTENT}, prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return 0, GENESIS_HASH
    if row[9] is not None:
        return row[0], row[9]
    if row[0] <= _legacy_max_id(db) and seal_legacy(db):
        return _chain_head(db)
    # A row inserted without this module: verify_chain reports it; later rows still link to it.
    return row[0], record_hash(row[:8], row[8] or GENESIS_HASH)


def append(db: Database, entries: Iterable[AuditEntry]) -> int:
    """Append chained entries in the caller's transaction (or a new one); return how many."""
    entries = list(entries)
    if not entries:
        return 0
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    with write_transaction(db):
        last_id, prev = _chain_head(db)
        rows = []
        for offset, e in enumerate(entries, start=1):
            content = (last_id + offset, now, e.actor, e.action, e.table, e.key, _json(e.before), _json(e.after))
            digest = record_hash(content, prev)
            rows.append((*content, prev, digest))
            prev = digest
        db.conn.executemany(
            f"INSERT INTO audit_log ({_CONTENT}, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
    return len(rows)


def has_chain(db: Database) -> bool:
    """True when the audit table has the hash columns (migration 0003 applied)."""
    return {"prev_hash", "hash"} <= {row[1] for row in db.execute("PRAGMA table_info(audit_log)").fetchall()}


def _gap(prev_id: int | None, row_id: int) -> str | None:
    """Why ids jump before ``row_id`` (rows were deleted), or None when they follow on."""
    first = 1 if prev_id is None else prev_id + 1
    if first >= row_id:
        return None
    missing = str(first) if first == row_id - 1 else f"{first}–{row_id - 1}"
    return f"在此之前缺少编号 {missing} 的记录（记录被删除）"


def verify_chain(db: Database) -> ChainReport:
    """Recompute every hash and link, oldest first; report the first row where the chain breaks.

    Rows not yet sealed after the upgrade are checked with hashes computed in memory. Deleting
    the newest rows cannot be seen from the chain alone: compare ``head_hash`` with a record kept
    elsewhere (e.g. a backup). Read-only.
    """
    if not has_chain(db):
        return ChainReport(False, 0, None, "审计记录表尚未升级为摘要链结构（结构版本 0003）")
    boundary = _legacy_max_id(db)
    prev_id: int | None = None
    prev = GENESIS_HASH
    checked = 0
    for row in db.execute(f"SELECT {_CONTENT}, prev_hash, hash FROM audit_log ORDER BY id"):
        row_id, stored_prev, stored = row[0], row[8], row[9]
        reason = _gap(prev_id, row_id)
        if reason is None and stored is None:
            if row_id > boundary or stored_prev is not None:
                reason = "该记录没有摘要，不是由本程序写入的"
            stored = record_hash(row[:8], prev)
        elif reason is None and stored_prev != prev:
            where = "链的起点" if prev_id is None else f"上一条记录（编号 {prev_id}）的摘要"
            reason = f"该记录记下的前一摘要与{where}不符"
        elif reason is None and record_hash(row[:8], stored_prev) != stored:
            reason = "该记录的内容与其摘要不符（记录被改动）"
        if reason is not None:
            return ChainReport(False, checked, row_id, reason)
        prev_id, prev = row_id, stored
        checked += 1
    return ChainReport(True, checked, None, None, None if prev_id is None else prev)


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


AUDIT_COLUMNS = (
    ListColumn("id", "id"),
    ListColumn("at", "at"),
    ListColumn("actor", "actor"),
    ListColumn("action", "action"),
    ListColumn("table_name", "table_name"),
    ListColumn("record_key", "record_key"),
    ListColumn("before_json", "before_json", sortable=False),
    ListColumn("after_json", "after_json", sortable=False),
    ListColumn("hash", "hash", sortable=False),
)


def audit_list(db: Database) -> SqlList:
    """The audit rows as a paged list (newest first when the query is descending).

    Filters: ``actor``, ``action`` and ``table`` (exact), ``record_key`` (contains), ``since``
    and ``before`` (bounds on ``at``, ISO-8601 UTC strings in the stored form).
    """
    return SqlList(
        db,
        from_sql="audit_log",
        id_expression="id",
        columns=AUDIT_COLUMNS,
        filters={
            "actor": "actor = ?",
            "action": "action = ?",
            "table": "table_name = ?",
            "record_key": "instr(record_key, ?) > 0",
            "since": "at >= ?",
            "before": "at < ?",
        },
        default_order="id",
    )


@dataclass(frozen=True)
class AuditChoices:
    """The distinct users, tables and actions present in the audit trail (for filter lists)."""

    actors: list[str]
    tables: list[str]
    actions: list[str]


def audit_choices(db: Database) -> AuditChoices:
    """Distinct actors, table names and actions of the audit trail, each sorted."""

    def distinct(column: str) -> list[str]:
        sql = f"SELECT DISTINCT {column} FROM audit_log WHERE {column} IS NOT NULL ORDER BY {column}"
        return [row[0] for row in db.execute(sql).fetchall()]

    return AuditChoices(distinct("actor"), distinct("table_name"), distinct("action"))
