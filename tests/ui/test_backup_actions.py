"""Backup, restore and check from the main window's menu; the daily backup at start-up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.domain.actor import Actor
from desktop_app.domain.villages import Village
from desktop_app.services import users
from desktop_app.services import villages as village_service
from desktop_app.services.database import initialize, open_context
from desktop_app.ui.main_window import MainWindow

NEW_VILLAGE = Village("410821103298", "恢复测试村", "行政村", 900)


def open_window(runner, settings, qtbot, path: Path) -> MainWindow:
    window = MainWindow(runner, settings, db_path=path, user_name="test:gui")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    return window


def run_and_wait(runner, qtbot, fn):
    out: list = []
    runner.query(fn, out.append, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10000)
    return out[0]


def test_backup_then_restore_brings_the_old_data_back(runner, settings, qtbot, working_db, tmp_path, monkeypatch) -> None:
    window = open_window(runner, settings, qtbot, working_db)
    folder = tmp_path / "usb"
    folder.mkdir()
    messages: list[str] = []
    errors: list[str] = []  # an error box must fail the test, not block it
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    for box in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, box, lambda parent, title, text: errors.append(text))
    window.backup_now()
    qtbot.waitUntil(lambda: bool(messages or errors), timeout=10000)
    assert errors == []
    backups = list(folder.glob("*.sqlite3"))
    assert len(backups) == 1 and str(backups[0]) in messages[0]

    run_and_wait(runner, qtbot, lambda ctx, _p: village_service.create_village(ctx, village=NEW_VILLAGE))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backups[0]), ""))
    window.restore_backup()
    qtbot.waitUntil(lambda: len(messages) == 2 or bool(errors), timeout=10000)
    assert errors == []
    assert "另存为" in messages[1]
    kept = list(working_db.parent.glob("work.before-restore-*.sqlite3"))
    assert len(kept) == 1
    missing = run_and_wait(runner, qtbot, lambda ctx, _p: village_service.get_village(ctx, NEW_VILLAGE.code))
    assert "不存在" in str(missing)  # the restored database is the one from before the change


def test_check_database_reports_a_healthy_file(runner, settings, qtbot, working_db, monkeypatch) -> None:
    window = open_window(runner, settings, qtbot, working_db)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window.check_database()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "完好" in shown[0]


def test_first_start_of_the_day_backs_up_a_real_database(qapp, tmp_path, monkeypatch) -> None:
    from desktop_app import app as desktop
    from desktop_app.paths import backup_dir

    path = tmp_path / "real.sqlite3"
    initialize(path, actor=Actor("test:setup"))
    ctx = open_context(path, actor=users.NOBODY)
    users.create_first_administrator(ctx, user_name="chief", password="Chief1234")
    ctx.close()
    monkeypatch.setenv(desktop.READY_EXIT_ENV, "1")
    monkeypatch.setenv(desktop.AUTOLOGIN_ENV, "chief:Chief1234")
    assert desktop.run_gui(db_path=path) == 0
    daily = list(backup_dir().glob("real.daily.*.sqlite3"))
    assert len(daily) == 1
    assert desktop.run_gui(db_path=path) == 0  # the second start of the day adds no copy
    assert len(list(backup_dir().glob("real.daily.*.sqlite3"))) == 1
