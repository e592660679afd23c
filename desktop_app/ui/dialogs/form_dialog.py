"""A thin form dialog: named fields with a message under each, a general message below, and
``submit(values, done)`` run by the caller; ``done(field_errors, message)`` shows what the service
refused (``(None, None)`` closes the dialog). Helpers read amounts and line lists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.domain.money import parse_yuan

Done = Callable[[dict[str, str] | None, str | None], None]
Submit = Callable[[dict[str, Any], Done], None]
ERROR_STYLE = "color: #c0392b;"


def text_box(text: str = "") -> QPlainTextEdit:
    """A short multi-line box in which Tab moves on."""
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(72)
    return box


def lines(box: QPlainTextEdit) -> list[str]:
    """The non-blank lines of a box, stripped."""
    return [line.strip() for line in box.toPlainText().splitlines() if line.strip()]


class FormDialog(QDialog):
    """A form of named fields with an error label under each and a general message below."""

    def __init__(self, parent: QWidget | None, title: str, submit: Submit):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._submit = submit
        self.errors: dict[str, QLabel] = {}
        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.intro.hide()
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def set_ok_text(self, text: str) -> None:
        """The label of the OK button (e.g. 批准)."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        """Add a row with an error label for ``key``."""
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(error)
        self.errors[key] = error
        self.form.addRow(label, box)

    def show_errors(self, field_errors: dict[str, str] | None, message: str | None) -> None:
        """Show each message under its field and the rest below; clear the others."""
        field_errors = dict(field_errors or {})
        for key, label in self.errors.items():
            text = field_errors.pop(key, None)
            label.setText(text or "")
            label.setVisible(bool(text))
        rest = [*([message] if message else []), *field_errors.values()]
        self.message.setText("\n".join(rest))
        self.message.setVisible(bool(rest))

    def values(self) -> dict[str, Any]:
        """The values for the service; raises ``FieldProblem`` for unreadable input (e.g. an amount)."""
        raise NotImplementedError

    def _save(self) -> None:
        try:
            values = self.values()
        except FieldProblem as problem:
            self.show_errors({problem.field: problem.reason}, None)
            return
        self.buttons.setEnabled(False)

        def done(field_errors: dict[str, str] | None, message: str | None) -> None:
            self.buttons.setEnabled(True)
            if field_errors or message:
                self.show_errors(field_errors, message)
            else:
                self.accept()

        self._submit(values, done)


class FieldProblem(Exception):
    """Input the dialog cannot read (shown under ``field``)."""

    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field, self.reason = field, reason


def amount_fen(field: str, edit: QLineEdit, *, required: bool) -> int | None:
    """The amount in yuan typed into ``edit`` as fen (None when blank and not required)."""
    text = edit.text().strip()
    if not text:
        if required:
            raise FieldProblem(field, QCoreApplication.translate("FormDialog", "请填写金额"))
        return None
    try:
        return parse_yuan(text)
    except ValueError as exc:
        raise FieldProblem(field, str(exc)) from None
