"""Set a password: change one's own (old password + new twice) or reset another user's (new twice).

Also holds :class:`FormErrors`, the error lines under form fields that the account dialogs share.
The caller's ``submit`` runs the service in the background and answers through ``done``.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DeskError, ValidationError
from desktop_app.domain.security import password_problem
from desktop_app.ui.errors import message_for

Done = Callable[[Mapping[str, str] | None, str | None], None]
"""``done(field_errors, message)``: ``(None, None)`` on success, else what to show in the form."""
Submit = Callable[[str | None, str, Done], None]
ERROR_STYLE = "color: #c0392b;"
log = logging.getLogger(__name__)


def password_field() -> QLineEdit:
    """A line edit that hides what is typed."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class FormErrors:
    """An error line under each form field plus one message line for the whole form."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

    def add_row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        """Add ``widget`` to ``form`` with an (initially hidden) error line named ``error_<key>``."""
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.labels[key] = error
        form.addRow(label, box)

    def show(self, field_errors: Mapping[str, str] | None, message: str | None) -> None:
        """Show errors next to their fields; errors of unknown fields join the message line."""
        self.clear()
        extra = []
        for key, reason in (field_errors or {}).items():
            label = self.labels.get(key)
            if label is None:
                extra.append(reason)
            else:
                label.setText(reason)
                label.show()
        text = "\n".join([*extra, message] if message else extra)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear(self) -> None:
        """Hide every error."""
        for label in self.labels.values():
            label.hide()
        self.message.hide()


def form_answer(exc: BaseException) -> tuple[dict[str, str] | None, str]:
    """``(field_errors, message)`` for a form from an error a service raised (unexpected errors
    are logged with their traceback and explained in the message)."""
    if isinstance(exc, ValidationError):
        return exc.by_field(), ""
    if not isinstance(exc, DeskError):
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc)))
    return None, message_for(exc)


def check_new_password(password: str, confirm: str) -> dict[str, str]:
    """Field errors of a new password typed twice (the service checks the strength again)."""
    if reason := password_problem(password):
        return {"password": reason}
    if password != confirm:
        return {"confirm": QCoreApplication.translate("PasswordDialog", "两次输入的密码不一致")}
    return {}


class PasswordDialog(QDialog):
    """Change the signed-in user's password (``ask_old``) or reset ``user_name``'s password."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, user_name: str, ask_old: bool):
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("修改密码") if ask_old else self.tr("重置密码"))
        self.setMinimumWidth(400)
        self.old_password = password_field() if ask_old else None
        self.password = password_field()
        self.confirm = password_field()
        intro = QLabel(self.tr("用户：{0}").format(user_name) if ask_old
                       else self.tr("为用户 {0} 设置新密码（同时解除锁定）。").format(user_name))
        intro.setWordWrap(True)
        self.errors = FormErrors()
        form = QFormLayout()
        if self.old_password is not None:
            self.errors.add_row(form, "old_password", self.tr("原密码"), self.old_password)
        self.errors.add_row(form, "password", self.tr("新密码"), self.password)
        self.errors.add_row(form, "confirm", self.tr("再次输入新密码"), self.confirm)
        hint = QLabel(self.tr("密码至少8位，须同时包含字母和数字。"))
        hint.setStyleSheet("color: #555;")
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._buttons.accepted.connect(self._save)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.message)
        layout.addWidget(self._buttons)
        (self.old_password or self.password).setFocus()

    def _save(self) -> None:
        problems = check_new_password(self.password.text(), self.confirm.text())
        if self.old_password is not None and not self.old_password.text():
            problems.setdefault("old_password", self.tr("请输入原密码"))
        if problems:
            self.errors.show(problems, None)
            return
        self.errors.clear()
        self._buttons.setEnabled(False)
        old = self.old_password.text() if self.old_password is not None else None
        self._submit(old, self.password.text(), self._done)

    def _done(self, field_errors: Mapping[str, str] | None, message: str | None) -> None:
        self._buttons.setEnabled(True)
        if field_errors or message:
            self.errors.show(field_errors, message)
            return
        self.accept()
