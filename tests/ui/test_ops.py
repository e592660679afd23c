"""The worker runner: results by signal, errors to the handler, progress dialog, cancel rolls back."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from desktop_app.domain.errors import Cancelled, ValidationError, Problem
from desktop_app.store import meta
from desktop_app.store.connection import write_transaction


def test_query_runs_on_the_worker_thread(runner, qtbot) -> None:
    results: list = []
    runner.query(lambda ctx, _p: threading.current_thread() is not threading.main_thread(), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [True]


def test_errors_go_to_the_error_callback(runner, qtbot) -> None:
    errors: list = []

    def fail(ctx, _p):
        raise ValidationError(Problem("name", "名称必填"))

    runner.query(fail, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValidationError)


def test_slow_operation_shows_progress_and_cancel_rolls_back(runner, qtbot) -> None:
    outcome: list = []

    def slow_write(ctx, progress):
        with write_transaction(ctx.db):
            meta.put(ctx.db, "cancel-test", "written")
            for step in range(100):
                progress(step, 100, "步骤")
                time.sleep(0.03)
        return "finished"

    runner.op(slow_write, outcome.append, outcome.append, label="正在处理…", cancellable=True)
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=3000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())
    assert dialog.maximum() == 100
    dialog.findChild(QPushButton).click()  # the user presses 取消
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Cancelled)
    stored: list = []
    runner.query(lambda ctx, _p: meta.get(ctx.db, "cancel-test"), stored.append)
    qtbot.waitUntil(lambda: bool(stored), timeout=5000)
    assert stored == [None]


def test_fast_operation_shows_no_dialog(runner, qtbot) -> None:
    done: list = []
    runner.op(lambda ctx, _p: "quick", done.append, label="不会出现")
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    qtbot.wait(600)
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_gui_refuses_a_corrupt_database_with_a_dialog_and_exit_1(qapp, tmp_path: Path, monkeypatch) -> None:
    """The start-up check finds the file is not SQLite: the damaged-database dialog says so (no
    backup here to offer); leaving it exits with 1 and the file is untouched."""
    from PySide6.QtCore import QTimer

    from desktop_app import app as desktop
    from desktop_app.ui.dialogs.recovery_dialog import DamagedDatabaseDialog

    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"\x00garbage" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    def leave() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, DamagedDatabaseDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, leave)
            return
        shown.append(dialogs[0].details.toPlainText())
        dialogs[0].quit_button.click()

    QTimer.singleShot(0, leave)
    assert desktop.run_gui(db_path=corrupt) == 1
    assert shown and "不是 SQLite" in shown[0]
    assert corrupt.read_bytes() == b"\x00garbage" * 100


def test_log_file_is_written_to_the_log_folder(tmp_path: Path) -> None:
    import logging

    from desktop_app.app import setup_logging

    path = setup_logging(tmp_path / "logs")
    logging.getLogger("desktop_app.test").error("测试日志")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "测试日志" in path.read_text(encoding="utf-8")
