"""The audit trail is a hash chain: tampering, deleting and unchained rows are found by row id."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.resources import migrations_dir
from desktop_app.services.database import check_database, open_context
from desktop_app.store import audit
from desktop_app.store.connection import open_database, write_transaction
from desktop_app.store.migrations import discover_steps, migrate


def add_entries(db, n: int) -> None:
    with write_transaction(db):
        audit.append(db, [audit.AuditEntry("test:clerk", "update", "villages", f"V{i}", {"n": i}, {"n": i + 1})
                          for i in range(n)])


@pytest.fixture
def chained(db_path: Path, actor) -> Path:
    """A closed database file with 7 chained audit rows (ids 1–7)."""
    ctx = open_context(db_path, actor=actor)
    add_entries(ctx.db, 6)
    assert audit.count(ctx.db) == 7
    ctx.close()
    return db_path


def tamper(path: Path, statement: str, params: tuple = ()) -> None:
    """Do what a person with the file could do: drop the guard triggers, change, recreate them."""
    conn = sqlite3.connect(path)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").fetchall()
    assert triggers
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(statement, params)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def verify(path: Path) -> audit.ChainReport:
    db = open_database(path, create=False)
    try:
        return audit.verify_chain(db)
    finally:
        db.conn.close()


def test_clean_chain_is_ok_and_hashes_follow_the_documented_form(chained: Path) -> None:
    report = verify(chained)
    assert report == audit.ChainReport(True, 7, None, None, report.head_hash) and report.head_hash
    conn = sqlite3.connect(chained)
    rows = conn.execute("SELECT id, at, actor, action, table_name, record_key, before_json, after_json, prev_hash, hash"
                        " FROM audit_log ORDER BY id").fetchall()
    conn.close()
    prev = "0" * 64
    for row in rows:
        canonical = json.dumps(list(row[:9]), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        assert row[8] == prev and row[9] == hashlib.sha256(canonical).hexdigest()
        prev = row[9]
    assert report.head_hash == prev
    checked = check_database(chained)
    assert checked.ok and checked.audit_chain.checked == 7


def test_a_changed_value_is_reported_at_its_row(chained: Path) -> None:
    tamper(chained, "UPDATE audit_log SET after_json = ? WHERE id = 4", ('{"n": 999}',))
    report = verify(chained)
    assert (report.ok, report.first_broken_id, report.checked) == (False, 4, 3)
    assert "改动" in report.reason
    checked = check_database(chained)
    assert not checked.ok and any("编号 4" in p for p in checked.problems)


def test_a_changed_row_with_a_recomputed_hash_breaks_the_next_link(chained: Path) -> None:
    conn = sqlite3.connect(chained)
    row = conn.execute("SELECT id, at, actor, action, table_name, record_key, before_json, after_json, prev_hash"
                       " FROM audit_log WHERE id = 4").fetchone()
    conn.close()
    forged = audit.record_hash((*row[:2], "someone-else", *row[3:8]), row[8])
    tamper(chained, "UPDATE audit_log SET actor = 'someone-else', hash = ? WHERE id = 4", (forged,))
    report = verify(chained)
    assert report.first_broken_id == 5 and "编号 4" in report.reason


@pytest.mark.parametrize(("deleted", "reported", "missing"), [(4, 5, "4"), (1, 2, "1")])
def test_a_deleted_row_is_reported_at_the_gap(chained: Path, deleted: int, reported: int, missing: str) -> None:
    tamper(chained, "DELETE FROM audit_log WHERE id = ?", (deleted,))
    report = verify(chained)
    assert (report.ok, report.first_broken_id) == (False, reported)
    assert f"缺少编号 {missing} " in report.reason
    assert any(f"编号 {reported}" in p for p in check_database(chained).problems)


def test_a_row_inserted_around_the_chain_is_reported(chained: Path) -> None:
    conn = sqlite3.connect(chained)
    conn.execute("INSERT INTO audit_log (at, actor, action) VALUES ('2025-01-01', 'intruder', 'insert')")
    conn.commit()
    conn.close()
    assert verify(chained).first_broken_id == 8


def test_sealed_rows_cannot_be_updated_or_deleted(chained: Path) -> None:
    db = open_database(chained, create=False)
    for statement in ("UPDATE audit_log SET actor = 'x' WHERE id = 2", "UPDATE audit_log SET hash = NULL WHERE id = 2",
                      "DELETE FROM audit_log WHERE id = 7"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
    db.conn.close()


def test_rolled_back_appends_leave_the_chain_intact(ctx) -> None:
    with pytest.raises(RuntimeError):
        with write_transaction(ctx.db):
            add_entries(ctx.db, 3)
            raise RuntimeError("boom")
    audit.append(ctx.db, [audit.AuditEntry("test:clerk", "insert", "villages", "V9")])  # outside a transaction
    assert not ctx.db.conn.in_transaction
    report = audit.verify_chain(ctx.db)
    assert report.ok and report.checked == 2


def test_rows_from_before_the_chain_are_sealed_on_the_first_append(tmp_path: Path, db_path: Path) -> None:
    old = tmp_path / "old-migrations"
    old.mkdir()
    for step in discover_steps():
        if step.name < "0003":
            shutil.copy(step.path, old)
    db = open_database(db_path)
    migrate(db, db_path=db_path, folder=old)
    for n in range(3):  # what the old append wrote: no id given, no hash columns
        db.execute("INSERT INTO audit_log (at, actor, action, record_key, after_json)"
                   " VALUES (?, 'old', 'insert', ?, ?)", [f"2024-01-0{n + 1}", f"K{n}", json.dumps({"n": n})])
    assert "0003_audit_chain" in migrate(db, db_path=db_path, folder=migrations_dir())
    assert db.execute("SELECT count(*) FROM audit_log WHERE hash IS NULL").fetchone()[0] == 3
    before = audit.verify_chain(db)
    assert before.ok and before.checked == 3  # hashes computed in memory until sealed

    with pytest.raises(sqlite3.IntegrityError):  # sealing may not change the content
        db.execute("UPDATE audit_log SET prev_hash = 'x', hash = 'y', actor = 'new' WHERE id = 1")
    add_entries(db, 1)
    assert db.execute("SELECT count(*) FROM audit_log WHERE hash IS NULL").fetchone()[0] == 0
    after = audit.verify_chain(db)
    assert after.ok and after.checked == 4
    sealed_head = db.execute("SELECT hash FROM audit_log WHERE id = 3").fetchone()[0]
    assert sealed_head == before.head_hash
    assert audit.seal_legacy(db) == 0

    db.execute("INSERT INTO audit_log (at, actor, action) VALUES ('t', 'raw', 'x')")  # id 5, after the chain began
    with pytest.raises(sqlite3.IntegrityError):  # only pre-chain rows may be sealed
        db.execute("UPDATE audit_log SET prev_hash = 'x', hash = 'y' WHERE id = 5")
    db.conn.close()
