"""At start, when the database file fails its check: say so, and offer the newest good backup
instead of opening the file.

Restoring needs the user's explicit click; the damaged file is renamed and kept beside the
database, never deleted. The caller's ``submit(done)`` runs the recovery in the background and
answers ``done(None, None)`` (the dialog is then accepted) or ``done(None, message)``. Rejecting
(退出, Esc) leaves everything as it is.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.services.backup import GoodBackup
from desktop_app.services.database import StartupState
from desktop_app.ui.dialogs.password_dialog import Done, FormErrors

Submit = Callable[[Done], None]
MAX_PROBLEM_LINES = 12


class DamagedDatabaseDialog(QDialog):
    """The start-up check's finding, and 用此备份恢复 when a good backup exists (else only 退出)."""

    def __init__(self, parent: QWidget | None, *, state: StartupState, backup: GoodBackup | None, folder: Path,
                 submit: Submit):
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("数据库文件已损坏"))
        self.setMinimumWidth(560)
        self.intro = QLabel(
            self.tr("数据库文件未通过完整性检查，为免损坏扩大，本程序不会打开它：\n{0}").format(state.path))
        self.intro.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join("\n".join(state.problems).splitlines()[:MAX_PROBLEM_LINES]))
        self.details.setObjectName("problems")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.offer = QLabel(self._offer_text(backup, folder))
        self.offer.setObjectName("offer")
        self.offer.setTextFormat(Qt.TextFormat.RichText)
        self.offer.setWordWrap(True)
        self.errors = FormErrors()
        self._buttons = QDialogButtonBox()
        self.restore_button = None
        if backup is not None:
            self.restore_button = self._buttons.addButton(self.tr("用此备份恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.setDefault(True)
        self.quit_button = self._buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self._buttons.accepted.connect(self._restore)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.details)
        layout.addWidget(self.offer)
        layout.addWidget(self.errors.message)
        layout.addWidget(self._buttons)

    def _offer_text(self, backup: GoodBackup | None, folder: Path) -> str:
        if backup is None:
            return html.escape(self.tr(
                "备份文件夹 {0} 中没有可用的完好备份。请联系系统管理员：可用命令 township-desk restore "
                "从其他备份（如U盘上的备份）恢复。").format(folder))
        lines = [self.tr("可以用最近一份完好的备份（已通过完整性检查）替换它：{0}（{1} 备份）。").format(
                     backup.path.name, backup.taken_at.strftime("%Y-%m-%d %H:%M")),
                 self.tr("损坏的文件会改名保留在原文件夹中，不会被删除。该备份之后录入的数据需要重新录入。")]
        if backup.refused:
            lines.append(self.tr("更新的 {0} 份备份也未通过检查，已跳过。").format(len(backup.refused)))
        return "<br>".join(html.escape(line) for line in lines) + "<br><b>" + html.escape(
            self.tr("是否用此备份恢复？")) + "</b>"

    def _restore(self) -> None:
        self.errors.clear()
        self._buttons.setEnabled(False)
        self._submit(self._done)

    def _done(self, field_errors: Mapping[str, str] | None, message: str | None) -> None:
        self._buttons.setEnabled(True)
        if field_errors or message:
            self.errors.show(field_errors, message)
            return
        self.accept()
