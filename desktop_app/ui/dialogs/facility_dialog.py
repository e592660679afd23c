"""Add or edit one medical facility (every 医疗机构 field); the caller's ``submit`` runs the service.

Blank is meaningful for most fields (the standards report 待补充 rather than a failure), so yes/no
fields are 是/否/未填写 combos, numbers and dates may be left empty, and closed vocabularies offer
未填写 where the sheet allows a blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.health.entities import (
    CAPABILITY_LEVELS,
    FACILITY_KINDS,
    OWNERSHIP,
    TCM_HALL_LEVELS,
    VILLAGE_CLINIC,
    Facility,
)
from desktop_app.ui import vocabulary

Done = Callable[[dict[str, str] | None, str | None], None]
Submit = Callable[[Facility, Done], None]

BLANK_DATE = QDate(1900, 1, 1)
CHOICES: dict[str, tuple[str, ...]] = {
    "kind": FACILITY_KINDS,
    "ownership": OWNERSHIP,
    "tcm_hall": TCM_HALL_LEVELS,
    "capability_level": CAPABILITY_LEVELS,
}
REQUIRED = ("code", "name", "kind", "division_code")
INTEGER = r"\d{0,9}"
DECIMAL = r"\d{0,9}(\.\d{0,2})?"
YEAR = r"(19|20)\d\d"


def _unfilled() -> str:
    return QCoreApplication.translate("FacilityDialog", "未填写")


@dataclass
class _Editor:
    """A form widget of one Facility field, with its reader and writer."""

    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    line: QLineEdit | None = None  # the line edit whose validator must accept non-blank input


def _line(pattern: str | None, parse: Callable[[str], Any], show: Callable[[Any], str], placeholder: str,
          *, blank: Any = None) -> _Editor:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setToolTip(placeholder)
    if pattern is not None:
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))

    def read() -> Any:
        text = edit.text().strip()
        return parse(text) if text else blank

    return _Editor(edit, read, lambda value: edit.setText("" if value is None else show(value)), edit)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _choice(values: Sequence[str], *, blank: bool) -> _Editor:
    combo = QComboBox()
    if blank:
        combo.addItem(_unfilled(), None)
    for value in values:
        combo.addItem(vocabulary.display(value), value)
    return _Editor(combo, combo.currentData, lambda value: combo.setCurrentIndex(max(0, combo.findData(value))))


def _flag() -> _Editor:
    combo = QComboBox()
    combo.addItem(_unfilled(), None)
    combo.addItem(vocabulary.display("是"), True)
    combo.addItem(vocabulary.display("否"), False)
    return _Editor(combo, combo.currentData, lambda value: combo.setCurrentIndex(0 if value is None else (1 if value else 2)))


def _date() -> _Editor:
    box = QWidget()
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(BLANK_DATE)
    edit.setSpecialValueText(_unfilled())
    edit.setDate(BLANK_DATE)
    clear = QToolButton()
    clear.setText(QCoreApplication.translate("FacilityDialog", "清空"))
    clear.clicked.connect(lambda: edit.setDate(BLANK_DATE))
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(clear)

    def read() -> date | None:
        value = edit.date()
        return None if value == BLANK_DATE else date(value.year(), value.month(), value.day())

    def write(value: date | None) -> None:
        edit.setDate(BLANK_DATE if value is None else QDate(value.year, value.month, value.day))

    return _Editor(box, read, write)


def _editor_for(name: str, annotation: str) -> _Editor:
    """The widget for a Facility field, chosen by its vocabulary or its type."""
    if name in CHOICES:
        return _choice(CHOICES[name], blank=name not in REQUIRED)
    if name == "served_village_codes":
        hint = QCoreApplication.translate("FacilityDialog", "仅村卫生室填写；多个代码用 ; 分隔，空白为本村")
        return _line(None, lambda text: tuple(c for c in re.split(r"[;；,，\s]+", text) if c),
                     lambda codes: ";".join(codes), hint, blank=())
    if annotation == "bool | None":
        return _flag()
    if annotation == "date | None":
        return _date()
    if name == "built_year":
        return _line(YEAR, int, str, QCoreApplication.translate("FacilityDialog", "四位年份；未新改扩建留空"))
    if annotation == "int | None":
        return _line(INTEGER, int, str, _unfilled())
    if annotation == "float | None":
        return _line(DECIMAL, float, _number_text, _unfilled())
    if name in REQUIRED:
        return _line(None, str, str, "", blank="")
    return _line(None, str, str, _unfilled())


class FacilityDialog(QDialog):
    """Form for a facility. ``submit(facility, done)`` must call ``done(field_errors, message)``:
    ``(None, None)`` on success, otherwise the messages to show next to the fields."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, facility: Facility | None = None,
                 division_prefix: str = ""):
        super().__init__(parent)
        self._submit = submit
        self._editing = facility is not None
        self.setWindowTitle(self.tr("编辑医疗机构") if self._editing else self.tr("新增医疗机构"))
        types = {f.name: str(f.type) for f in fields(Facility)}
        self.editors: dict[str, _Editor] = {name: _editor_for(name, annotation) for name, annotation in types.items()}
        self.errors: dict[str, QLabel] = {}
        if facility is not None:
            for name, editor in self.editors.items():
                editor.write(getattr(facility, name))
        else:
            self.editors["kind"].write(VILLAGE_CLINIC)
            self.editors["division_code"].write(division_prefix or None)
        self.editors["code"].line.setReadOnly(self._editing)
        self.editors["division_code"].line.setPlaceholderText(self.tr("村卫生室、社区卫生服务站填村（社区）代码，其他填乡镇代码"))

        columns = QHBoxLayout()
        for groups in self._layout_plan():
            column = QVBoxLayout()
            for title, rows in groups:
                column.addWidget(self._group(title, rows))
            column.addStretch(1)
            columns.addLayout(column)
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
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.editors["name" if self._editing else "code"].widget.setFocus()

    def _layout_plan(self) -> list[list[tuple[str, list[tuple[str, str]]]]]:
        """Three columns of titled groups, each a list of (field, label)."""
        return [
            [
                (self.tr("基本信息"), [
                    ("code", self.tr("机构编码")), ("name", self.tr("机构名称")), ("kind", self.tr("机构类型")),
                    ("division_code", self.tr("所在区划代码")), ("served_village_codes", self.tr("服务村庄代码")),
                    ("service_population", self.tr("服务人口")), ("ownership", self.tr("产权性质")),
                    ("government_run", self.tr("政府举办")),
                ]),
                (self.tr("许可证"), [
                    ("licence_no", self.tr("执业许可证号")), ("licence_valid_until", self.tr("许可证有效期至")),
                ]),
            ],
            [
                (self.tr("房屋与床位"), [
                    ("floor_area_m2", self.tr("建筑面积（m²）")), ("built_year", self.tr("新改扩建年份")),
                    ("beds", self.tr("床位数")),
                ]),
                (self.tr("七室"), [
                    ("room_diagnosis", self.tr("诊断室")), ("room_treatment", self.tr("治疗室")),
                    ("room_observation", self.tr("观察室")), ("room_pharmacy", self.tr("药房")),
                    ("room_tcm", self.tr("中医治疗室")), ("room_public_health", self.tr("公共卫生室")),
                    ("room_duty", self.tr("值班室")),
                ]),
            ],
            [
                (self.tr("服务能力"), [
                    ("common_diseases", self.tr("常见病种数")), ("tcm_techniques", self.tr("中医药适宜技术数")),
                    ("tcm_hall", self.tr("中医馆")), ("capability_level", self.tr("服务能力")),
                    ("community_hospital", self.tr("社区医院")), ("sub_centre", self.tr("次中心")),
                ]),
                (self.tr("设施设备"), [
                    ("fever_clinic", self.tr("发热诊室")), ("outpatient_building", self.tr("门诊楼")),
                    ("ward_building", self.tr("病房楼")), ("ct16", self.tr("16排CT")),
                    ("laminar_theatre", self.tr("层流手术室")),
                    ("negative_pressure_ambulance", self.tr("负压救护车")),
                ]),
            ],
        ]

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in rows:
            widget = self.editors[key].widget
            widget.setMinimumWidth(120 if isinstance(widget, QComboBox) else 190)
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            box.addWidget(error)
            self.errors[key] = error
            form.addRow(label, box)
        return group

    def value(self) -> Facility:
        """The facility described by the form (not yet validated)."""
        return Facility(**{name: editor.read() for name, editor in self.editors.items()})

    def show_errors(self, field_errors: dict[str, str] | None, message: str | None) -> None:
        """Show each message under its field and the rest below the form; clear the others."""
        field_errors = dict(field_errors or {})
        for key, label in self.errors.items():
            text = field_errors.pop(key, None)
            label.setText(text or "")
            label.setVisible(bool(text))
        rest = [message] if message else []
        rest += list(field_errors.values())
        self.message.setText("\n".join(rest))
        self.message.setVisible(bool(rest))

    def _format_errors(self) -> dict[str, str]:
        """Fields whose text the validator does not accept (e.g. a two-digit year)."""
        bad = self.tr("格式不正确")
        return {
            name: bad for name, editor in self.editors.items()
            if editor.line is not None and editor.line.text().strip() and not editor.line.hasAcceptableInput()
        }

    def _save(self) -> None:
        errors = self._format_errors()
        if errors:
            self.show_errors(errors, None)
            return
        self._buttons.setEnabled(False)

        def done(field_errors: dict[str, str] | None, message: str | None) -> None:
            self._buttons.setEnabled(True)
            if field_errors or message:
                self.show_errors(field_errors, message)
            else:
                self.accept()

        self._submit(self.value(), done)
