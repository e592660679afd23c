"""The idle lock: it appears after the idle time (shortened here), covers every window, needs the
signed-in user's password, and leaves unsaved input where it was; input postpones it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.services import users
from desktop_app.services.database import open_context
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.dialogs.village_dialog import VillageDialog
from desktop_app.ui.fonts import install_fonts
from desktop_app.ui.idle_lock import MINUTE_MS
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.settings import DEFAULT_IDLE_LOCK_MINUTES, AppSettings


@pytest.fixture
def signed_in_runner(qapp, qtbot, working_db):
    """A runner whose worker acts as the demo administrator ``admin``."""
    install_fonts(qapp)
    runner = OpRunner(lambda: open_context(working_db, actor=users.NOBODY))
    done: list = []
    runner.query(lambda ctx, _p: users.sign_in(ctx, user_name="admin", password=users.DEMO_PASSWORD), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    yield runner
    runner.shutdown()


@pytest.fixture
def window(signed_in_runner, settings, qtbot, working_db) -> MainWindow:
    main = MainWindow(signed_in_runner, settings, db_path=working_db, user_name="admin", demo_dataset="small")
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10000):
        main.show()
    qtbot.waitUntil(lambda: main.session_lock.user_name == "admin", timeout=10000)
    return main


def covers(widget: QWidget) -> list[QWidget]:
    return [c for c in widget.findChildren(QWidget, "lock_cover") if c.isVisible()]


def test_idle_lock_keeps_unsaved_input(window, qtbot) -> None:
    lock = window.session_lock
    window.select_module("staff")
    search = window.staff_page.search
    qtbot.keyClicks(search, "zsf")  # pinyin initials, typed
    dialog = VillageDialog(window, submit=lambda _village, _done: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.insert("未保存的村名")  # as an input method commits it
    qtbot.keyClicks(dialog.name, "2")

    with qtbot.waitSignal(lock.locked, timeout=5000):
        lock.watcher.set_timeout_ms(300)
    unlock = lock.dialog
    assert unlock.isVisible() and unlock.windowModality() == Qt.WindowModality.ApplicationModal
    assert unlock.user_name.text() == "admin" and unlock.user_name.isReadOnly()
    assert covers(window) and covers(dialog)  # the data on screen is hidden while locked
    unlock.reject()  # Esc does not dismiss the lock
    assert unlock.isVisible() and lock.is_locked

    unlock.password.setText("Wrong1234")
    unlock.ok_button.click()
    qtbot.waitUntil(lambda: unlock.errors.message.isVisible(), timeout=10000)
    assert unlock.errors.message.text() == "用户名或密码不正确" and lock.is_locked

    unlock.password.setText(users.DEMO_PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        unlock.ok_button.click()
    assert not lock.is_locked and not covers(window) and not covers(dialog)
    assert search.text() == "zsf" and dialog.name.text() == "未保存的村名2" and dialog.isVisible()
    assert window.current_page() is window.staff_page


def test_input_postpones_the_lock(window, qtbot) -> None:
    lock = window.session_lock
    lock.watcher.set_timeout_ms(400)
    for _step in range(8):
        qtbot.keyClick(window.staff_page.search, Qt.Key.Key_Right)
        qtbot.wait(100)
    assert not lock.is_locked
    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass  # without input it locks
    lock.dialog.password.setText(users.DEMO_PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        lock.dialog.ok_button.click()


def test_idle_time_is_a_setting(window, settings, qtbot, tmp_path, monkeypatch) -> None:
    assert settings.idle_lock_minutes == DEFAULT_IDLE_LOCK_MINUTES == 10
    assert window.session_lock.watcher.timeout_ms == 10 * MINUTE_MS
    with pytest.raises(ValueError):
        settings.idle_lock_minutes = 0
    dialog = SettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    dialog.idle_lock_minutes.setValue(3)
    dialog.save()
    assert AppSettings(tmp_path / "settings.ini").idle_lock_minutes == 3
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: 1)
    window.open_settings()
    assert window.session_lock.watcher.timeout_ms == 3 * MINUTE_MS


def test_a_broken_setting_falls_back_to_the_default(tmp_path) -> None:
    path = tmp_path / "broken.ini"
    path.write_text("[session]\nidle_lock_minutes=abc\n", encoding="utf-8")
    assert AppSettings(path).idle_lock_minutes == DEFAULT_IDLE_LOCK_MINUTES
