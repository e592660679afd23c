"""At start a damaged database is not opened: the dialog says so and offers the newest good
backup; restoring needs a click and keeps the damaged file; 退出 leaves everything as it was. A
sound database opens without a dialog. Also through ``run_gui``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.domain.actor import Actor
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.villages import Village
from desktop_app.services import backup, users
from desktop_app.services import villages as village_service
from desktop_app.services.database import initialize, open_context, startup_check
from desktop_app.ui.dialogs.recovery_dialog import DamagedDatabaseDialog
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.session import StartupCheck

VILLAGE = Village("410821100201", "东王庄村", "行政村", 1850)
PAGE = 4096


def damage(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 2) // PAGE * PAGE
    data[middle:middle + 3 * PAGE] = b"\xa5" * (3 * PAGE)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture
def damaged_db(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A database with a village and a daily backup of it in ``backups``; then the database is damaged."""
    path = tmp_path / "desk.sqlite3"
    initialize(path, actor=Actor("test:setup"))
    ctx = open_context(path, actor=Actor("test:setup"))
    village_service.create_village(ctx, village=VILLAGE)
    backup.backup_now(ctx, tmp_path / "backups", label="daily", now=datetime(2025, 3, 2, 8, 0, 0))
    ctx.close()
    return path, tmp_path / "backups", damage(path)


@pytest.fixture
def nobody_runner(qapp, damaged_db):
    runner = OpRunner(lambda: open_context(damaged_db[0], actor=users.NOBODY))
    yield runner
    runner.shutdown()


def start(runner, qtbot, path: Path, folder: Path) -> StartupCheck:
    check = StartupCheck(runner, db_path=path, backup_folder=folder)
    check.start()
    qtbot.waitUntil(lambda: check.dialog is not None, timeout=10000)
    qtbot.addWidget(check.dialog)
    return check


def test_the_newest_good_backup_is_restored_after_a_click(nobody_runner, qtbot, damaged_db) -> None:
    path, folder, damaged = damaged_db
    check = start(nobody_runner, qtbot, path, folder)
    dialog = check.dialog
    assert dialog.isVisible() and str(path) in dialog.intro.text()
    assert "btreeInitPage" in dialog.details.toPlainText()
    assert "desk.daily.20250302-080000.sqlite3" in dialog.offer.text() and "不会被删除" in dialog.offer.text()
    assert path.read_bytes() == damaged  # nothing happens before the click
    with qtbot.waitSignal(check.passed, timeout=10000):
        dialog.restore_button.click()
    assert not dialog.isVisible()
    (kept,) = path.parent.glob("desk.before-restore-*.sqlite3")
    assert kept.read_bytes() == damaged and not startup_check(path).damaged
    found: list = []
    nobody_runner.query(lambda ctx, _p: village_service.village_list(ctx).count(ListQuery()), found.append, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    assert found == [1]  # the worker opens the restored file


def test_leaving_keeps_the_damaged_file_as_it_is(nobody_runner, qtbot, damaged_db) -> None:
    path, folder, damaged = damaged_db
    check = start(nobody_runner, qtbot, path, folder)
    with qtbot.waitSignal(check.ended, timeout=10000) as ended:
        check.dialog.quit_button.click()
    assert ended.args == [1]
    assert path.read_bytes() == damaged and not list(path.parent.glob("*before-restore*"))


def test_without_a_good_backup_only_leaving_is_offered(nobody_runner, qtbot, damaged_db, tmp_path) -> None:
    path, _folder, _damaged = damaged_db
    check = start(nobody_runner, qtbot, path, tmp_path / "empty-folder")
    assert check.dialog.restore_button is None
    assert "没有可用的完好备份" in check.dialog.offer.text() and "township-desk restore" in check.dialog.offer.text()


def test_a_refused_recovery_is_shown_in_the_dialog(nobody_runner, qtbot, damaged_db) -> None:
    path, folder, damaged = damaged_db
    check = start(nobody_runner, qtbot, path, folder)
    damage(next(folder.glob("desk.daily.*.sqlite3")))  # the copy goes bad after it was offered
    check.dialog.restore_button.click()
    message = check.dialog.findChild(QLabel, "message")
    qtbot.waitUntil(message.isVisible, timeout=10000)
    assert "损坏" in message.text() and check.dialog.isVisible()
    assert path.read_bytes() == damaged


def test_a_sound_database_opens_without_a_dialog(qapp, qtbot, working_db) -> None:
    runner = OpRunner(lambda: open_context(working_db, actor=users.NOBODY))
    try:
        check = StartupCheck(runner, db_path=working_db, backup_folder=working_db.parent / "backups")
        with qtbot.waitSignal(check.passed, timeout=10000):
            check.start()
        assert check.dialog is None
    finally:
        runner.shutdown()


def test_run_gui_does_not_open_a_damaged_database(qapp, damaged_db, monkeypatch) -> None:
    from desktop_app import app as desktop

    path, folder, damaged = damaged_db
    monkeypatch.setattr(desktop, "backup_dir", lambda: folder)
    seen: list[DamagedDatabaseDialog] = []

    def leave() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, DamagedDatabaseDialog) and w.isVisible()]
        if dialogs:
            seen.append(dialogs[0])
            dialogs[0].quit_button.click()
        else:
            QTimer.singleShot(20, leave)

    QTimer.singleShot(0, leave)
    assert desktop.run_gui(db_path=path) == 1
    assert seen and seen[0].restore_button is not None
    assert path.read_bytes() == damaged


def test_the_event_loop_works_after_run_gui_left_at_the_dialog(qtbot) -> None:
    """Runs after the test above (file order): leaving at the dialog as the last window must not
    leave Qt's quit pending, which stopped every later test's event loop."""
    fired: list[int] = []
    QTimer.singleShot(0, lambda: fired.append(1))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)


def test_run_gui_records_the_clean_close_and_the_next_start_skips_the_full_check(qapp, working_db, monkeypatch,
                                                                                  tmp_path) -> None:
    from desktop_app import app as desktop
    from desktop_app.services import database
    from desktop_app.ui.settings import AppSettings

    monkeypatch.setattr(desktop, "settings_path", lambda: tmp_path / "settings.ini")
    monkeypatch.setattr(desktop, "backup_dir", lambda: tmp_path / "backups")
    monkeypatch.setenv(desktop.READY_EXIT_ENV, "1")
    monkeypatch.setenv(desktop.AUTOLOGIN_ENV, f"admin:{users.DEMO_PASSWORD}")
    checks: list[bool] = []
    original = database.startup_check

    def recording(path, **kwargs):
        state = original(path, **kwargs)
        checks.append(state.full_check)
        return state

    monkeypatch.setattr("desktop_app.ui.session.startup_check", recording)
    assert desktop.run_gui(db_path=working_db) == 0
    recorded = AppSettings(tmp_path / "settings.ini").clean_close(working_db)
    assert recorded is not None and recorded == database.clean_close_fingerprint(working_db)
    assert desktop.run_gui(db_path=working_db) == 0
    assert checks == [True, False]
