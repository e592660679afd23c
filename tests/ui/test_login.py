"""Log-in: the first start creates the administrator; wrong passwords and the lock after five
failures are shown; demo databases list their demo accounts; sign-out asks again; own password."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.actor import Actor
from desktop_app.services import users
from desktop_app.services.database import initialize, open_context
from desktop_app.ui.dialogs.first_admin_dialog import FirstAdminDialog
from desktop_app.ui.dialogs.login_dialog import LoginDialog
from desktop_app.ui.dialogs.password_dialog import PasswordDialog
from desktop_app.ui.fonts import install_fonts
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.session import Session


def make_runner(qapp, path: Path) -> OpRunner:
    install_fonts(qapp)
    return OpRunner(lambda: open_context(path, actor=users.NOBODY))


@pytest.fixture
def nobody_runner(qapp, working_db):
    """A runner on the demo database whose worker acts as nobody, as the GUI starts."""
    runner = make_runner(qapp, working_db)
    yield runner
    runner.shutdown()


def ask(runner: OpRunner, qtbot, fn):
    out: list = []
    runner.query(fn, out.append, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10000)
    return out[0]


def start(runner, settings, qtbot, path: Path, *, demo: str | None = "small", first: bool = False) -> Session:
    session = Session(runner, settings, db_path=path, demo_dataset=demo)
    session.start(needs_first_admin=first)
    qtbot.addWidget(session.dialog)
    return session


def submit(qtbot, dialog: LoginDialog, user_name: str, password: str) -> None:
    """Type a user name and password, press 登录 and wait until the worker answered."""
    dialog.user_name.setText(user_name)
    dialog.password.setText(password)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=10000)


def signed_in_window(session: Session, qtbot, *, register: bool = True):
    """The main window once it shows the signed-in user (``register``: qtbot closes it at the end;
    not for a window that a sign-out deletes)."""
    qtbot.waitUntil(lambda: session.window is not None, timeout=10000)
    window = session.window
    if register:
        qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "（" in window.user_label.text(), timeout=10000)
    return window


def test_first_start_creates_the_administrator_and_signs_in(qapp, qtbot, settings, tmp_path) -> None:
    path = tmp_path / "new.sqlite3"
    initialize(path, actor=Actor("test:setup"))
    runner = make_runner(qapp, path)
    try:
        assert ask(runner, qtbot, lambda ctx, _p: users.needs_first_administrator(ctx)) is True
        session = start(runner, settings, qtbot, path, demo=None, first=True)
        dialog = session.dialog
        assert isinstance(dialog, FirstAdminDialog) and dialog.isVisible()
        dialog.user_name.setText("zhangsan")
        dialog.password.setText("Admin2024")
        dialog.confirm.setText("Admin2025")
        dialog.ok_button.click()
        assert dialog.errors.labels["confirm"].isVisible()
        assert "不一致" in dialog.errors.labels["confirm"].text()
        dialog.password.setText("short1")
        dialog.confirm.setText("short1")
        dialog.ok_button.click()
        assert "8位" in dialog.errors.labels["password"].text()
        dialog.password.setText("Admin2024")
        dialog.confirm.setText("Admin2024")
        with qtbot.waitSignal(session.window_opened, timeout=10000):
            dialog.ok_button.click()
        window = signed_in_window(session, qtbot)
        assert "zhangsan" in window.user_label.text() and "系统管理员" in window.user_label.text()
        assert not dialog.isVisible()
        accounts = ask(runner, qtbot, lambda ctx, _p: users.list_users(ctx))
        assert [(u.user_name, u.role, u.scope_code) for u in accounts] == [("zhangsan", "系统管理员", "410800000000")]
        assert ask(runner, qtbot, lambda ctx, _p: users.needs_first_administrator(ctx)) is False
    finally:
        runner.shutdown()


def test_demo_database_lists_its_demo_accounts(nobody_runner, settings, qtbot, working_db) -> None:
    dialog = start(nobody_runner, settings, qtbot, working_db).dialog
    assert isinstance(dialog, LoginDialog)
    hint = dialog.demo_hint
    assert hint.isVisibleTo(dialog)
    assert "示例" in hint.text() and users.DEMO_PASSWORD in hint.text()
    assert all(name in hint.text() for name, *_rest in users.DEMO_ACCOUNTS)
    hint.linkActivated.emit("chuangkou")
    assert dialog.user_name.text() == "chuangkou" and dialog.password.text() == users.DEMO_PASSWORD


def test_a_real_database_shows_no_demo_hint(nobody_runner, settings, qtbot, working_db) -> None:
    dialog = start(nobody_runner, settings, qtbot, working_db, demo=None).dialog
    assert not dialog.demo_hint.isVisibleTo(dialog)


def test_wrong_password_is_refused_in_the_dialog(nobody_runner, settings, qtbot, working_db) -> None:
    session = start(nobody_runner, settings, qtbot, working_db)
    dialog = session.dialog
    submit(qtbot, dialog, "admin", "Wrong1234")
    assert dialog.isVisible() and session.window is None
    assert dialog.errors.message.text() == "用户名或密码不正确"
    assert dialog.password.text() == ""
    submit(qtbot, dialog, "nosuchuser", "Wrong1234")
    assert dialog.errors.message.text() == "用户名或密码不正确"  # does not reveal which accounts exist
    dialog.user_name.clear()
    dialog.ok_button.click()
    assert dialog.errors.labels["user_name"].isVisible()
    assert ask(nobody_runner, qtbot, lambda ctx, _p: ctx.actor) == users.NOBODY


def test_five_failures_lock_the_account(nobody_runner, settings, qtbot, working_db) -> None:
    session = start(nobody_runner, settings, qtbot, working_db)
    dialog = session.dialog
    for _attempt in range(5):
        submit(qtbot, dialog, "shenhe", "Wrong1234")
    submit(qtbot, dialog, "shenhe", users.DEMO_PASSWORD)  # even the right password is refused now
    assert "已锁定" in dialog.errors.message.text() and "5次" in dialog.errors.message.text()
    assert session.window is None
    submit(qtbot, dialog, "weijian", users.DEMO_PASSWORD)  # other accounts are not affected
    window = signed_in_window(session, qtbot)
    assert "卫健管理员" in window.user_label.text()


def test_cancelling_the_log_in_ends_the_session(nobody_runner, settings, qtbot, working_db) -> None:
    session = start(nobody_runner, settings, qtbot, working_db)
    with qtbot.waitSignal(session.ended) as ended:
        session.dialog.reject()
    assert ended.args == [0]


def test_automatic_log_in_failure_ends_with_status_1(nobody_runner, settings, qtbot, working_db) -> None:
    session = Session(nobody_runner, settings, db_path=working_db, demo_dataset="small")
    with qtbot.waitSignal(session.ended, timeout=10000) as ended:
        session.start(needs_first_admin=False, autologin=("admin", "wrong"))
    assert ended.args == [1] and "不正确" in session.error


def test_sign_out_asks_again_and_switches_user(nobody_runner, settings, qtbot, working_db, monkeypatch) -> None:
    session = start(nobody_runner, settings, qtbot, working_db)
    submit(qtbot, session.dialog, "admin", users.DEMO_PASSWORD)
    first = signed_in_window(session, qtbot, register=False)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    first.sign_out()
    qtbot.waitUntil(lambda: isinstance(session.dialog, LoginDialog) and session.dialog.isVisible(), timeout=10000)
    qtbot.addWidget(session.dialog)
    assert not first.isVisible()
    assert ask(nobody_runner, qtbot, lambda ctx, _p: ctx.actor) == users.NOBODY
    submit(qtbot, session.dialog, "chuangkou", users.DEMO_PASSWORD)
    qtbot.waitUntil(lambda: session.window is not first, timeout=10000)
    second = signed_in_window(session, qtbot)
    assert "chuangkou" in second.user_label.text() and "窗口人员" in second.user_label.text()


def test_changing_the_own_password(nobody_runner, settings, qtbot, working_db) -> None:
    session = start(nobody_runner, settings, qtbot, working_db)
    submit(qtbot, session.dialog, "dudao", users.DEMO_PASSWORD)
    window = signed_in_window(session, qtbot)
    seen: list[str] = []

    def fill(old: str, new: str, confirm: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        dialog.old_password.setText(old)
        dialog.password.setText(new)
        dialog.confirm.setText(confirm)
        dialog._buttons.accepted.emit()
        qtbot.waitUntil(lambda: dialog._buttons.isEnabled(), timeout=10000)
        seen.append(dialog.errors.message.text() + dialog.errors.labels["old_password"].text())
        if dialog.isVisible():
            fill(users.DEMO_PASSWORD, "Neu2024pw", "Neu2024pw")

    QTimer.singleShot(0, lambda: fill("Wrong1234", "Neu2024pw", "Neu2024pw"))
    window.change_password()
    assert "原密码不正确" in seen[0]
    other = open_context(working_db, actor=users.NOBODY)
    try:
        assert users.sign_in(other, user_name="dudao", password="Neu2024pw").role == "只读/督导"
    finally:
        other.close()
