"""The start-up check on real files: ``quick_check`` finds pages overwritten with garbage and files
that are not SQLite; the newest backup that passes ``integrity_check`` is found; a damaged
database is recovered from it (the damaged file kept), a healthy one never."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import RuleViolation, StorageError, ValidationError
from desktop_app.domain.villages import Village
from desktop_app.services import backup
from desktop_app.services import villages as village_service
from desktop_app.services.database import open_context, startup_check
from desktop_app.store import file_health

VILLAGE = Village("410821100201", "东王庄村", "行政村", 1850)
PAGE = 4096


def damage_pages(path: Path, *, pages: int = 3) -> bytes:
    """Overwrite ``pages`` whole pages in the middle of the file with garbage; return the new bytes."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 2) // PAGE * PAGE
    data[middle:middle + pages * PAGE] = b"\xa5\x5a" * (pages * PAGE // 2)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture
def closed_db(ctx) -> Path:
    """A migrated database with a village, closed (its WAL folded into the file)."""
    village_service.create_village(ctx, village=VILLAGE)
    ctx.close()
    return ctx.db_path


def test_a_sound_new_or_empty_file_passes(closed_db: Path, tmp_path: Path) -> None:
    assert startup_check(closed_db).problems == () and startup_check(closed_db).exists
    missing = startup_check(tmp_path / "none.sqlite3")
    assert not missing.damaged and not missing.exists
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert not startup_check(tmp_path / "empty.sqlite3").damaged


def test_garbage_in_the_middle_of_the_file_is_found_and_the_file_left_alone(closed_db: Path) -> None:
    damaged = damage_pages(closed_db)
    state = startup_check(closed_db)
    assert state.damaged and "btreeInitPage" in state.problems[0]
    assert closed_db.read_bytes() == damaged


def test_a_file_that_is_not_sqlite_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"PK\x03\x04 a spreadsheet renamed" * 40)
    assert startup_check(path).problems == ("不是 SQLite 数据库文件（文件头不对）",)
    header_only = tmp_path / "header.sqlite3"
    header_only.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    assert startup_check(header_only).damaged


def test_a_file_locked_by_another_program_is_not_called_damaged(closed_db: Path, monkeypatch) -> None:
    monkeypatch.setattr(file_health, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(closed_db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError):
            startup_check(closed_db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
def copies(ctx, tmp_path: Path) -> tuple[Path, Path, Path]:
    """Backups of the database: an older good one (no village), a newer good one (the village)
    and a newest one that is damaged; then the database itself is damaged."""
    folder = tmp_path / "backups"
    older = backup.backup_now(ctx, folder, label="daily", now=datetime(2025, 3, 1, 8, 0, 0)).path
    village_service.create_village(ctx, village=VILLAGE)
    newer = backup.backup_now(ctx, folder, label="daily", now=datetime(2025, 3, 2, 8, 0, 0)).path
    newest = backup.backup_now(ctx, folder, label="before-import", now=datetime(2025, 3, 2, 9, 0, 0)).path
    damage_pages(newest)
    (folder / "other.daily.20250303-080000.sqlite3").write_bytes(newer.read_bytes())  # another database's copy
    ctx.close()
    return older, newer, newest


def test_the_newest_good_backup_skips_damaged_copies(copies, db_path: Path) -> None:
    older, newer, newest = copies
    found = backup.newest_good_backup(newer.parent, db_path.stem)
    assert found.path == newer and found.taken_at == datetime(2025, 3, 2, 8, 0, 0) and found.label == "daily"
    assert [path for path, _why in found.refused] == [newest]
    assert backup.newest_good_backup(newer.parent, "nothing-like-it") is None
    assert backup.newest_good_backup(newer.parent.parent / "no-folder", db_path.stem) is None


def test_a_damaged_database_is_recovered_from_the_newest_good_backup(copies, db_path: Path) -> None:
    _older, newer, _newest = copies
    damaged = damage_pages(db_path)
    result = backup.recover_damaged(db_path, source=newer, folder=newer.parent, now=datetime(2025, 3, 3, 7, 0, 0))
    assert result.kept == db_path.with_name("desk.before-restore-20250303-070000.sqlite3")
    assert result.kept.read_bytes() == damaged
    assert not startup_check(db_path).damaged
    ctx = open_context(db_path, actor=Actor("test:after"))
    try:
        assert village_service.get_village(ctx, VILLAGE.code).village.name == VILLAGE.name
    finally:
        ctx.close()


def test_recovery_refuses_a_sound_database_and_copies_from_elsewhere(copies, db_path: Path, tmp_path: Path) -> None:
    _older, newer, _newest = copies
    before = db_path.read_bytes()
    with pytest.raises(RuleViolation, match="通过了检查"):
        backup.recover_damaged(db_path, source=newer, folder=newer.parent)
    assert db_path.read_bytes() == before
    damage_pages(db_path)
    stray = tmp_path / newer.name  # the right name, but not in the backup folder
    stray.write_bytes(newer.read_bytes())
    other = newer.parent / "other.daily.20250303-080000.sqlite3"
    for source in (stray, other):
        with pytest.raises(ValidationError):
            backup.recover_damaged(db_path, source=source, folder=newer.parent)
    assert startup_check(db_path).damaged and not list(tmp_path.glob("*before-restore*"))


def test_a_file_as_the_app_closed_it_skips_the_full_check_anything_else_gets_it(closed_db: Path) -> None:
    from desktop_app.services.database import clean_close_fingerprint

    closed_as = clean_close_fingerprint(closed_db)
    assert closed_as is not None
    skipped = startup_check(closed_db, closed_cleanly_as=closed_as)
    assert not skipped.damaged and not skipped.full_check
    assert startup_check(closed_db, closed_cleanly_as="1:2:3").full_check  # another file's fingerprint
    damage_pages(closed_db)  # changed after the clean close (size kept, content and time not)
    assert clean_close_fingerprint(closed_db) != closed_as
    after = startup_check(closed_db, closed_cleanly_as=closed_as)
    assert after.full_check and after.damaged


def test_a_log_beside_the_file_means_it_was_not_closed_cleanly(closed_db: Path) -> None:
    from desktop_app.services.database import clean_close_fingerprint

    closed_as = clean_close_fingerprint(closed_db)
    Path(f"{closed_db}-wal").write_bytes(b"")
    assert clean_close_fingerprint(closed_db) is None
    assert startup_check(closed_db, closed_cleanly_as=closed_as).full_check
