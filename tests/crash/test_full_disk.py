"""A full disk during a write: the user gets a clear, typed error, and the file is not damaged —
``integrity_check`` and the audit chain pass, earlier data is intact, and writing works again once
there is room.

Two ways to fill the disk: a file-size limit (RLIMIT_FSIZE) on a child process, which runs
everywhere; and a real 4 MB tmpfs filled to the last byte, which needs root (skipped otherwise).
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import StorageError
from desktop_app.domain.villages import Village
from desktop_app.services import villages
from desktop_app.services.database import open_context
from desktop_app.services.workbook import import_workbook
from desktop_app.store import audit
from desktop_app.store.connection import integrity_problems

sys.path.insert(0, str(Path(__file__).resolve().parent))
import child_worker  # noqa: E402


def snapshot(ctx) -> tuple:
    return child_worker.stored_state(ctx.db.conn)


def assert_sound(ctx) -> None:
    assert integrity_problems(ctx.db) == []
    assert audit.verify_chain(ctx.db).ok


def assert_clear(message: str) -> None:
    assert all(word in message for word in child_worker.DISK_WORDS), message


def test_write_past_a_file_size_limit_is_refused_clearly_without_damage(tmp_path: Path) -> None:
    result = child_worker.run_full_disk(tmp_path)
    assert result.failures == [], result.lines
    assert result.lines[0].startswith("refused import StorageError ")


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``folder``; skips the test when mounting is not allowed."""
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_up(path: Path) -> Path:
    """Write ``path`` until the file system refuses another byte."""
    with path.open("wb", buffering=0) as handle:
        for chunk in (65536, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    return path


def test_full_tmpfs_during_import_and_single_write(tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    prefixes = child_worker.prepare(source)
    workbook = child_worker.write_import_workbook(tmp_path / "big.xlsx", 1, prefixes)
    with small_tmpfs(tmp_path / "disk") as disk:
        db_path = disk / "desk.sqlite3"
        db_path.write_bytes(source.read_bytes())
        ctx = open_context(db_path, actor=Actor("test:clerk"))
        try:
            before = snapshot(ctx)  # the log and its index exist now, before the disk fills
            filler = fill_up(disk / "filler")
            with pytest.raises(StorageError) as refused_import:
                import_workbook(ctx, workbook)
            assert_clear(str(refused_import.value))
            with pytest.raises(StorageError) as refused_write:
                villages.create_village(ctx, village=Village(f"{prefixes[5]}001", "满盘村", "行政村", 1))
            assert_clear(str(refused_write.value))
            assert_sound(ctx)
            assert snapshot(ctx) == before
            filler.unlink()
            villages.create_village(ctx, village=Village(f"{prefixes[5]}001", "满盘村", "行政村", 1))
            assert_sound(ctx)
        finally:
            ctx.close()
