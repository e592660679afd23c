"""Log in with a user name and password, or unlock an idle session (the user name is then fixed).

The caller's ``submit(user_name, password, done)`` runs the sign-in in the background; the
service's refusal (wrong password, the 15-minute lock after 5 failures) is shown in the dialog.
On a demo database the documented demo accounts are listed, clearly marked as demo.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.dialogs.password_dialog import Done, FormErrors, password_field
from desktop_app.ui.roles import role_display

Submit = Callable[[str, str, Done], None]


class LoginDialog(QDialog):
    """User name and password. With ``locked_user`` it is the idle lock: it cannot be dismissed and
    only that user's password unlocks it. ``demo_accounts`` are (user name, role) pairs."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, demo_accounts: Sequence[tuple[str, str]] = (),
                 demo_password: str = "", locked_user: str | None = None, database_name: str = ""):
        super().__init__(parent)
        self._submit = submit
        self._locked = locked_user is not None
        self._demo_password = demo_password
        self.setWindowTitle(self.tr("乡镇服务台已锁定") if self._locked else self.tr("登录乡镇服务台"))
        self.setMinimumWidth(480)
        if self._locked:
            intro = self.tr("闲置时间过长，乡镇服务台已锁定。未保存的输入仍然保留，请输入密码解锁。")
        else:
            intro = self.tr("请输入用户名和密码。") + (self.tr("数据库：{0}").format(database_name) if database_name else "")
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.user_name = QLineEdit(locked_user or "")
        self.user_name.setReadOnly(self._locked)
        self.user_name.setObjectName("user_name")
        self.password = password_field()
        self.password.setObjectName("password")
        self.errors = FormErrors()
        form = QFormLayout()
        self.errors.add_row(form, "user_name", self.tr("用户名"), self.user_name)
        self.errors.add_row(form, "password", self.tr("密码"), self.password)
        self.demo_hint = QLabel()
        self.demo_hint.setObjectName("demo_hint")
        self.demo_hint.setTextFormat(Qt.TextFormat.RichText)
        self.demo_hint.linkActivated.connect(self._fill_demo_account)
        self.demo_hint.setVisible(bool(demo_accounts) and not self._locked)
        if demo_accounts:
            self.demo_hint.setText(self._demo_text(demo_accounts))
        self._buttons = QDialogButtonBox()
        self.ok_button = self._buttons.addButton(self.tr("解锁") if self._locked else self.tr("登录"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        if not self._locked:
            self._buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self._buttons.accepted.connect(self._sign_in)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.errors.message)
        layout.addWidget(self._buttons)
        (self.password if self._locked else self.user_name).setFocus()

    def _demo_text(self, accounts: Sequence[tuple[str, str]]) -> str:
        """A red 示例 badge, the demo password and one line per account (a table: no word wrap,
        so the label's height is exact)."""
        badge = ("<span style='color:white; background:#c0392b;'>&nbsp;{0}&nbsp;</span>"
                 .format(html.escape(self.tr("示例"))))
        text = self.tr("这是示例数据库，以下示例账号的密码均为 {0}").format(self._demo_password)
        rows = "".join(f"<tr><td><a href='{html.escape(name)}'>{html.escape(name)}</a>&nbsp;&nbsp;</td>"
                       f"<td>{html.escape(role_display(role))}</td></tr>" for name, role in accounts)
        return f"{badge} {html.escape(text)}<table style='margin-left:12px'>{rows}</table>"

    def _fill_demo_account(self, user_name: str) -> None:
        self.user_name.setText(user_name)
        self.password.setText(self._demo_password)
        self.password.setFocus()

    def _sign_in(self) -> None:
        problems = {}
        if not self.user_name.text().strip():
            problems["user_name"] = self.tr("请输入用户名")
        if not self.password.text():
            problems["password"] = self.tr("请输入密码")
        if problems:
            self.errors.show(problems, None)
            return
        self.errors.clear()
        self._buttons.setEnabled(False)
        self._submit(self.user_name.text().strip(), self.password.text(), self._done)

    def _done(self, field_errors: Mapping[str, str] | None, message: str | None) -> None:
        self._buttons.setEnabled(True)
        if field_errors or message:
            self.errors.show(field_errors, message)
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.accept()

    def reject(self) -> None:
        """Esc and 退出 close the log-in; the idle lock cannot be dismissed."""
        if not self._locked:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self._locked:
            event.ignore()
            return
        super().closeEvent(event)
