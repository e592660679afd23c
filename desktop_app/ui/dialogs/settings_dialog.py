"""Settings dialog: check every field before saving any (language takes effect on restart; the
idle lock time at once)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.settings import IDLE_LOCK_MINUTES, LANGUAGES, AppSettings


class SettingsDialog(QDialog):
    """Edit the user-interface settings."""

    def __init__(self, parent: QWidget | None, settings: AppSettings):
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(settings.language))
        self.idle_lock_minutes = QSpinBox()
        self.idle_lock_minutes.setRange(IDLE_LOCK_MINUTES.start, IDLE_LOCK_MINUTES.stop - 1)
        self.idle_lock_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_lock_minutes.setValue(settings.idle_lock_minutes)
        self.idle_lock_minutes.setToolTip(self.tr("超过这段时间没有键盘或鼠标操作，程序锁定，需重新输入密码（未保存的输入不会丢失）"))
        note = QLabel(self.tr("界面语言在重新启动程序后生效。"))
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("闲置锁定时间"), self.idle_lock_minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Store the chosen values and close."""
        self._settings.language = self.language.currentData()
        self._settings.idle_lock_minutes = self.idle_lock_minutes.value()
        self._settings.sync()
        self.accept()
