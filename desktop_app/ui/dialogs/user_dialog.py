"""Add an account (user name, name, role, division scope, password twice) or edit one (role,
scope, name, active). The caller's ``submit(values, done)`` runs the service in the background;
``values`` are the service's keyword arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.security import ROLES
from desktop_app.ui.dialogs.password_dialog import Done, FormErrors, check_new_password, password_field
from desktop_app.ui.roles import role_display

Submit = Callable[[dict[str, Any], Done], None]


class UserDialog(QDialog):
    """The account form. ``scopes`` are (division code, label) pairs: the city, counties, townships.
    ``user`` (an object with user_name, display_name, role, scope_code, active) makes it an edit."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, scopes: Sequence[tuple[str, str]],
                 user: Any = None):
        super().__init__(parent)
        self._submit = submit
        self._editing = user is not None
        self.setWindowTitle(self.tr("编辑用户") if self._editing else self.tr("新增用户"))
        self.setMinimumWidth(460)
        self.user_name = QLineEdit(user.user_name if user else "")
        self.user_name.setReadOnly(self._editing)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_display(role), role)
        self.scope = QComboBox()
        self.scope.setMaxVisibleItems(20)
        for code, label in scopes:
            self.scope.addItem(label, code)
        self.active = QCheckBox(self.tr("启用（停用的账号不能登录）"))
        self.password = password_field()
        self.confirm = password_field()
        if user is not None:
            self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
            self.scope.setCurrentIndex(max(self.scope.findData(user.scope_code), 0))
            self.active.setChecked(user.active)
        self.errors = FormErrors()
        form = QFormLayout()
        self.errors.add_row(form, "user_name", self.tr("用户名"), self.user_name)
        self.errors.add_row(form, "display_name", self.tr("姓名"), self.display_name)
        self.errors.add_row(form, "role", self.tr("角色"), self.role)
        self.errors.add_row(form, "scope_code", self.tr("管辖范围"), self.scope)
        if self._editing:
            self.errors.add_row(form, "active", self.tr("状态"), self.active)
        else:
            self.errors.add_row(form, "password", self.tr("初始密码"), self.password)
            self.errors.add_row(form, "confirm", self.tr("再次输入密码"), self.confirm)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._buttons.accepted.connect(self._save)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.message)
        layout.addWidget(self._buttons)
        (self.display_name if self._editing else self.user_name).setFocus()

    def values(self) -> dict[str, Any]:
        """The form as the service's keyword arguments (``create_user`` or ``update_user``)."""
        values: dict[str, Any] = {
            "user_name": self.user_name.text().strip(),
            "display_name": self.display_name.text().strip(),
            "role": self.role.currentData(),
            "scope_code": self.scope.currentData(),
        }
        if self._editing:
            values["active"] = self.active.isChecked()
        else:
            values["password"] = self.password.text()
        return values

    def _save(self) -> None:
        problems = {} if self._editing else check_new_password(self.password.text(), self.confirm.text())
        if not self.user_name.text().strip():
            problems["user_name"] = self.tr("用户名必填")
        if problems:
            self.errors.show(problems, None)
            return
        self.errors.clear()
        self._buttons.setEnabled(False)
        self._submit(self.values(), self._done)

    def _done(self, field_errors: Mapping[str, str] | None, message: str | None) -> None:
        self._buttons.setEnabled(True)
        if field_errors or message:
            self.errors.show(field_errors, message)
            return
        self.accept()
