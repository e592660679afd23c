"""Backups and restore on real files: verified copies, daily retention, full disks, refusals."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import DeskError, ValidationError
from desktop_app.domain.villages import Village
from desktop_app.services import backup
from desktop_app.services import villages as village_service
from desktop_app.services.database import check_database, open_context
from desktop_app.store import audit
from desktop_app.store import backup as store_backup
from desktop_app.store.connection import open_database
from desktop_app.store.migrations import discover_steps, migrate

VILLAGE = Village("410821100201", "东王庄村", "行政村", 1850)
NOW = datetime(2025, 3, 1, 8, 15, 2)
ADMIN = Actor("test:admin")  # the role that may restore (the command line acts as it)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the SHA-256 of its bytes (-shm: only its presence; readers write to it)."""
    return {p.name: "present" if p.name.endswith("-shm") else hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def village_codes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT code FROM villages")]
    finally:
        conn.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def test_backup_now_writes_a_verified_single_file_copy(ctx, folder: Path) -> None:
    village_service.create_village(ctx, village=VILLAGE)
    result = backup.backup_now(ctx, folder, label="manual", now=NOW)
    assert result.path == folder / "desk.manual.20250301-081502.sqlite3"
    assert [p.name for p in folder.iterdir()] == [result.path.name]  # no .partial, no -journal/-wal
    assert result.size == result.path.stat().st_size
    copy = open_database(result.path, create=False)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert village_codes(result.path) == [VILLAGE.code]
    assert audit.verify_chain(copy).checked == audit.count(ctx.db)
    copy.conn.close()
    again = backup.backup_now(ctx, folder, label="manual", now=NOW)
    assert again.path.name == "desk.manual.20250301-081502-1.sqlite3"


def test_backup_refuses_a_bad_label_and_an_open_transaction(ctx, folder: Path) -> None:
    with pytest.raises(ValidationError) as bad:
        backup.backup_now(ctx, folder, label="我的 备份")
    assert set(bad.value.by_field()) == {"label"}
    ctx.db.execute("BEGIN")
    with pytest.raises(RuntimeError):
        backup.backup_now(ctx, folder)
    ctx.db.execute("ROLLBACK")
    assert not folder.exists()


def test_backup_before_an_import(ctx, folder: Path) -> None:
    result = backup.backup_before(ctx, "import", folder=folder)
    assert result.path.name.startswith("desk.before-import.")


def test_default_backup_folder_is_in_the_user_data_folder(ctx) -> None:
    from desktop_app.paths import backup_dir, default_database_path

    assert backup_dir().parent == default_database_path().parent and backup_dir().name == "backups"
    assert backup.backup_before(ctx, "import").path.parent == backup_dir()


def test_daily_backup_once_a_day_keeps_30_daily_and_12_monthly(ctx, folder: Path) -> None:
    folder.mkdir()
    old = [folder / f"desk.daily.202501{d:02d}-080000.sqlite3" for d in range(1, 32)]
    old += [folder / f"desk.daily.202502{d:02d}-080000.sqlite3" for d in range(1, 10)]
    others = [folder / "other.daily.20200101-080000.sqlite3", folder / "desk.daily.20200101-080000.sqlite3.partial",
              folder / "notes.txt"]
    for path in old + others:
        path.write_bytes(b"old copy")
    result = backup.automatic_daily_backup(ctx, folder, date(2025, 3, 1))
    assert result is not None and result.path.name.startswith("desk.daily.20250301-")
    assert sorted(result.deleted) == old[:11]  # 1–11 January; the 29 newest days and 31 January stay
    assert set(folder.iterdir()) == set(old[11:]) | set(others) | {result.path}
    assert backup.automatic_daily_backup(ctx, folder, date(2025, 3, 1)) is None
    assert backup.automatic_daily_backup(ctx, folder, date(2025, 3, 2)).deleted == (old[11],)


def assert_failed_cleanly(ctx, folder: Path, db_files: dict[str, str], error: pytest.ExceptionInfo) -> None:
    assert "没有留下不完整的文件" in str(error.value)
    assert list(folder.iterdir()) == []
    assert snapshot(ctx.db_path.parent) == db_files
    assert audit.verify_chain(ctx.db).ok and ctx.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.fixture
def tiny_tmpfs(tmp_path: Path):
    """A 128 KiB tmpfs (needs root and Linux; the test is skipped elsewhere)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("tmpfs needs Linux")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(mount_point)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_full_disk_on_a_tiny_tmpfs(ctx, tiny_tmpfs: Path) -> None:
    db_files = snapshot(ctx.db_path.parent)
    with pytest.raises(DeskError, match="磁盘空间不足") as error:
        backup.backup_now(ctx, tiny_tmpfs)
    assert_failed_cleanly(ctx, tiny_tmpfs, db_files, error)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE is a POSIX limit checked on Linux")
def test_file_size_limit_reached_while_writing(ctx, folder: Path) -> None:
    import resource

    db_files = snapshot(ctx.db_path.parent)
    folder.mkdir()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, hard))
    try:
        with pytest.raises(DeskError, match="备份失败") as error:
            backup.backup_now(ctx, folder)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert_failed_cleanly(ctx, folder, db_files, error)


def test_disk_full_while_syncing_and_a_copy_failing_its_check(ctx, folder: Path, monkeypatch) -> None:
    db_files = snapshot(ctx.db_path.parent)
    folder.mkdir()

    def no_space(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    with monkeypatch.context() as patch:
        patch.setattr(store_backup, "_fsync_file", no_space)
        with pytest.raises(DeskError, match="磁盘空间不足") as error:
            backup.backup_now(ctx, folder)
    assert_failed_cleanly(ctx, folder, db_files, error)
    monkeypatch.setattr(store_backup, "integrity_problems", lambda conn: ["*** in database main ***"])
    with pytest.raises(DeskError, match="完整性检查"):
        backup.backup_now(ctx, folder)
    assert list(folder.iterdir()) == []


@pytest.fixture
def saved(ctx, folder: Path) -> Path:
    """A backup without the village, then the database gains the village and is closed."""
    copy = backup.backup_now(ctx, folder, now=NOW).path
    village_service.create_village(ctx, village=VILLAGE)
    ctx.close()
    return copy


def test_restore_keeps_the_previous_file_and_puts_the_copy_in_place(saved: Path, db_path: Path, actor) -> None:
    result = backup.restore(saved, db_path, actor=ADMIN, now=datetime(2025, 3, 2, 9, 0, 0))
    assert result.kept == db_path.with_name("desk.before-restore-20250302-090000.sqlite3")
    assert village_codes(result.kept) == [VILLAGE.code] and village_codes(db_path) == []
    assert result.pending_migrations == () and result.audit_chain.ok
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "backups", "desk.before-restore-20250302-090000.sqlite3", "desk.sqlite3"]
    assert check_database(db_path).ok
    open_context(db_path, actor=actor).close()
    again = backup.restore(saved, db_path, actor=ADMIN, now=datetime(2025, 3, 2, 9, 0, 0))
    assert again.kept.name == "desk.before-restore-20250302-090000-1.sqlite3"


def test_restore_keeps_what_only_the_wal_of_a_crashed_database_held(saved: Path, tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    shutil.copy(saved, live)
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("INSERT INTO app_meta (key, value) VALUES ('only_in_wal', 'yes')")
    writer.commit()
    crashed = tmp_path / "crashed.sqlite3"
    shutil.copy(live, crashed)  # as a power cut leaves it: the main file plus a -wal
    shutil.copy(f"{live}-wal", f"{crashed}-wal")
    writer.close()
    result = backup.restore(saved, crashed, actor=ADMIN)
    assert not Path(f"{crashed}-wal").exists()
    kept = sqlite3.connect(result.kept)
    assert kept.execute("SELECT value FROM app_meta WHERE key = 'only_in_wal'").fetchone() == ("yes",)
    kept.close()


def test_restore_over_a_damaged_or_missing_file(saved: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    result = backup.restore(saved, damaged, actor=ADMIN)
    assert result.kept.read_bytes() == b"not a database" * 100 and village_codes(damaged) == []
    fresh = tmp_path / "new" / "desk.sqlite3"
    assert backup.restore(saved, fresh, actor=ADMIN).kept is None and village_codes(fresh) == []


def make_source(kind: str, saved: Path, tmp_path: Path, db_path: Path) -> Path:
    source = tmp_path / f"{kind}.sqlite3"
    if kind == "same-file":
        return db_path
    if kind == "missing":
        return source
    if kind == "not-sqlite":
        source.write_bytes(b"PK\x03\x04 a spreadsheet" * 50)
    elif kind == "damaged":
        data = bytearray(saved.read_bytes())
        data[4096:12288] = b"\xff" * 8192
        source.write_bytes(bytes(data))
    elif kind == "other-program":
        conn = sqlite3.connect(source)
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
        conn.close()
    elif kind == "newer":
        shutil.copy(saved, source)
        conn = sqlite3.connect(source)
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('township_desk', '9999_future', '2030-01-01')")
        conn.commit()
        conn.close()
    return source


@pytest.mark.parametrize("kind", ["missing", "same-file", "not-sqlite", "damaged", "other-program", "newer"])
def test_restore_refuses_a_source_that_is_not_a_valid_backup(saved: Path, tmp_path: Path, db_path: Path,
                                                             kind: str) -> None:
    source = make_source(kind, saved, tmp_path, db_path)
    before = snapshot(tmp_path)
    with pytest.raises(ValidationError) as refused:
        backup.restore(source, db_path, actor=ADMIN)
    assert set(refused.value.by_field()) == {"source"}
    assert snapshot(tmp_path) == before


def test_restore_refuses_while_the_database_is_open(saved: Path, db_path: Path, actor, monkeypatch) -> None:
    monkeypatch.setattr(store_backup, "IN_USE_WAIT_SECONDS", 0.1)
    ctx = open_context(db_path, actor=actor)
    before = snapshot(db_path.parent)
    with pytest.raises(DeskError, match="正在被使用"):
        backup.restore(saved, db_path, actor=ADMIN)
    assert snapshot(db_path.parent) == before
    assert village_codes(db_path) == [VILLAGE.code]
    ctx.close()


def test_disk_full_during_restore_leaves_the_database_as_it_was(saved: Path, db_path: Path, monkeypatch) -> None:
    before = snapshot(db_path.parent)

    def no_space(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store_backup, "_fsync_file", no_space)
    with pytest.raises(DeskError, match="磁盘空间不足"):
        backup.restore(saved, db_path, actor=ADMIN)
    assert snapshot(db_path.parent) == before


def test_an_older_backup_is_restored_and_upgraded_when_opened(tmp_path: Path, db_path: Path, actor) -> None:
    old_steps = tmp_path / "old-steps"
    old_steps.mkdir()
    for step in discover_steps()[:2]:
        shutil.copy(step.path, old_steps)
    old = tmp_path / "old.sqlite3"
    db = open_database(old)
    migrate(db, db_path=old, folder=old_steps)
    db.conn.close()
    result = backup.restore(old, db_path, actor=ADMIN)
    assert result.applied_migrations == tuple(s.name for s in discover_steps()[:2])
    assert result.pending_migrations == tuple(s.name for s in discover_steps()[2:])
    assert result.audit_chain is None
    open_context(db_path, actor=actor).close()
    assert check_database(db_path).ok
    assert os.path.exists(old)
