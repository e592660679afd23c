"""Add or edit one village/community; the caller's ``submit`` runs the service in the background."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.villages import VILLAGE_KINDS, Village
from desktop_app.ui import vocabulary

Submit = Callable[[Village, Callable[[dict[str, str] | None, str | None], None]], None]


class VillageDialog(QDialog):
    """Form for a village. ``submit(village, done)`` must call ``done(field_errors, message)``:
    ``(None, None)`` on success, otherwise the messages to show next to the fields."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, village: Village | None = None,
                 code_prefix: str = ""):
        super().__init__(parent)
        self._submit = submit
        self._editing = village is not None
        self.setWindowTitle(self.tr("编辑村庄") if self._editing else self.tr("新增村庄"))
        self.code = QLineEdit(village.code if village else code_prefix)
        self.code.setReadOnly(self._editing)
        self.code.setPlaceholderText(self.tr("12位代码；自然村为行政村代码-两位序号"))
        self.name = QLineEdit(village.name if village else "")
        self.kind = QComboBox()
        for kind in VILLAGE_KINDS:
            self.kind.addItem(vocabulary.display(kind), kind)
        if village:
            self.kind.setCurrentIndex(VILLAGE_KINDS.index(village.kind))
        self.population = QSpinBox()
        self.population.setRange(0, 10_000_000)
        self.population.setGroupSeparatorShown(True)
        self.population.setValue(village.population if village else 0)
        self.hosts_centre = QCheckBox(self.tr("乡镇卫生院所在地"))
        self.hosts_centre.setChecked(bool(village and village.hosts_township_centre))
        self.minutes = QLineEdit("" if not village or village.minutes_to_clinic is None else str(village.minutes_to_clinic))
        self.minutes.setValidator(QIntValidator(0, 100_000, self))
        self.minutes.setPlaceholderText(self.tr("可空"))

        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, widget in (
            ("code", self.tr("区划代码"), self.code),
            ("name", self.tr("名称"), self.name),
            ("kind", self.tr("类型"), self.kind),
            ("population", self.tr("常住人口"), self.population),
            ("hosts_township_centre", "", self.hosts_centre),
            ("minutes_to_clinic", self.tr("到最近村卫生室路程（分钟）"), self.minutes),
        ):
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            box.addWidget(error)
            self._errors[key] = error
            form.addRow(label, box)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.name if self._editing else self.code).setFocus()

    def value(self) -> Village:
        """The village described by the form (not yet validated)."""
        minutes = self.minutes.text().strip()
        return Village(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            population=self.population.value(),
            hosts_township_centre=self.hosts_centre.isChecked(),
            minutes_to_clinic=int(minutes) if minutes else None,
        )

    def show_errors(self, field_errors: dict[str, str] | None, message: str | None) -> None:
        """Show each message under its field (and a general message); clear the others."""
        for key, label in self._errors.items():
            text = (field_errors or {}).get(key)
            label.setText(text or "")
            label.setVisible(bool(text))
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    def _save(self) -> None:
        self._buttons.setEnabled(False)

        def done(field_errors: dict[str, str] | None, message: str | None) -> None:
            self._buttons.setEnabled(True)
            if field_errors or message:
                self.show_errors(field_errors, message)
            else:
                self.accept()

        self._submit(self.value(), done)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
