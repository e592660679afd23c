"""First start (no account yet): create the system administrator — user name, name, password twice.

The caller's ``submit(user_name, display_name, password, done)`` runs the service, which signs
the new administrator in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.ui.dialogs.password_dialog import Done, FormErrors, check_new_password, password_field

Submit = Callable[[str, str, str, Done], None]


class FirstAdminDialog(QDialog):
    """The form of the first administrator account."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, database_name: str = ""):
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("创建系统管理员"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("首次启动：数据库中还没有任何账号。请创建系统管理员账号，"
                               "之后用它登录并为其他工作人员添加账号。") +
                       (self.tr("数据库：{0}").format(database_name) if database_name else ""))
        intro.setWordWrap(True)
        self.user_name = QLineEdit("admin")
        self.user_name.setObjectName("user_name")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("选填，例如 张三"))
        self.password = password_field()
        self.password.setObjectName("password")
        self.confirm = password_field()
        self.confirm.setObjectName("confirm")
        self.errors = FormErrors()
        form = QFormLayout()
        self.errors.add_row(form, "user_name", self.tr("用户名"), self.user_name)
        self.errors.add_row(form, "display_name", self.tr("姓名"), self.display_name)
        self.errors.add_row(form, "password", self.tr("密码"), self.password)
        self.errors.add_row(form, "confirm", self.tr("再次输入密码"), self.confirm)
        hint = QLabel(self.tr("密码至少8位，须同时包含字母和数字。请妥善保管：忘记后只能由其他系统管理员重置。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self._buttons = QDialogButtonBox()
        self.ok_button = self._buttons.addButton(self.tr("创建并登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self._buttons.accepted.connect(self._save)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.message)
        layout.addWidget(self._buttons)
        self.password.setFocus()

    def _save(self) -> None:
        problems = check_new_password(self.password.text(), self.confirm.text())
        if not self.user_name.text().strip():
            problems["user_name"] = self.tr("用户名必填")
        if problems:
            self.errors.show(problems, None)
            return
        self.errors.clear()
        self._buttons.setEnabled(False)
        self._submit(self.user_name.text().strip(), self.display_name.text().strip(), self.password.text(), self._done)

    def _done(self, field_errors: Mapping[str, str] | None, message: str | None) -> None:
        self._buttons.setEnabled(True)
        if field_errors or message:
            self.errors.show(field_errors, message)
            return
        self.accept()
