"""Opening, migrating and refusing database files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop_app.domain.errors import DatabaseFileError
from desktop_app.resources import migrations_dir
from desktop_app.services.database import check_database, open_context
from desktop_app.store.connection import open_database, write_transaction
from desktop_app.store.migrations import applied_names, migrate, split_statements


def test_new_database_has_pragmas_and_all_migrations(db_path: Path) -> None:
    db = open_database(db_path)
    migrate(db, db_path=db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert applied_names(db) == [p.stem for p in sorted(migrations_dir().glob("0*.sql"))]
    db.conn.close()


def test_migrating_twice_applies_nothing_and_writes_no_backup(db_path: Path) -> None:
    db = open_database(db_path)
    assert migrate(db, db_path=db_path)
    assert migrate(db, db_path=db_path) == []
    assert list(db_path.parent.glob("*before-*")) == []
    db.conn.close()


def test_pending_migration_backs_up_first_and_runs_in_one_transaction(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder)
    db = open_database(db_path)
    migrate(db, db_path=db_path, folder=folder)
    db.execute("INSERT INTO app_meta (key, value) VALUES ('marker', 'kept')")
    (folder / "9001_broken.sql").write_text(
        "CREATE TABLE extra (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n", encoding="utf-8"
    )
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, db_path=db_path, folder=folder)
    assert "extra" not in db.table_names()  # rolled back with its record
    assert "9001_broken" not in applied_names(db)
    backups = list(db_path.parent.glob("desk.before-9001-*"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT value FROM app_meta WHERE key = 'marker'").fetchone() == ("kept",)
    copy.close()
    db.conn.close()


def test_database_from_newer_version_is_refused(db_path: Path, actor) -> None:
    ctx = open_context(db_path, actor=actor)
    ctx.db["_sqlite_migrations"].insert(
        {"migration_set": "township_desk", "name": "9999_future", "applied_at": "2030-01-01"}
    )
    ctx.close()
    with pytest.raises(DatabaseFileError, match="更新版本"):
        open_context(db_path, actor=actor)


def test_non_sqlite_file_is_refused_and_not_modified(db_path: Path, actor) -> None:
    db_path.write_bytes(b"this is a Word document, not a database" * 10)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseFileError, match="不是 SQLite"):
        open_context(db_path, actor=actor)
    assert db_path.read_bytes() == before


def test_damaged_sqlite_file_is_refused(db_path: Path, actor) -> None:
    open_context(db_path, actor=actor).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(DatabaseFileError):
        open_context(db_path, actor=actor)


def test_another_programs_sqlite_file_is_refused(db_path: Path, actor) -> None:
    other = Database(db_path)
    other["customers"].insert({"id": 1, "name": "x"})
    other.conn.close()
    with pytest.raises(DatabaseFileError, match="不是乡镇服务台数据库"):
        open_context(db_path, actor=actor)
    assert Database(db_path).table_names() == ["customers"]


def test_write_transaction_rolls_back_on_error(ctx) -> None:
    with pytest.raises(RuntimeError):
        with write_transaction(ctx.db):
            ctx.db.execute("INSERT INTO app_meta (key, value) VALUES ('a', 'b')")
            raise RuntimeError("boom")
    assert ctx.db.execute("SELECT count(*) FROM app_meta WHERE key = 'a'").fetchone()[0] == 0


def test_audit_log_is_append_only(ctx) -> None:
    ctx.db.execute("INSERT INTO audit_log (at, actor, action) VALUES ('t', 'a', 'x')")
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute("UPDATE audit_log SET actor = 'b'")
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute("DELETE FROM audit_log")


def test_check_reports_healthy_and_missing_files(db_path: Path, actor, tmp_path: Path) -> None:
    open_context(db_path, actor=actor).close()
    report = check_database(db_path)
    assert report.ok, report.problems
    with pytest.raises(DatabaseFileError):
        check_database(tmp_path / "missing.sqlite3")


def test_statement_splitter_keeps_triggers_whole() -> None:
    sql = "CREATE TABLE t (a);\nCREATE TRIGGER x BEFORE DELETE ON t\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- trailing\n"
    statements = split_statements(sql)
    assert len(statements) == 2 and statements[1].endswith("END;")
