"""Register or edit an individual business (个体工商户); the caller's ``submit`` runs the service.

The credit code (GB 32100, prefix 92) and the operator's ID number (GB 11643) are checked as they
are typed, with the reason next to the field; the service checks everything again on save. The
township is picked county first, both with type-ahead (digits or pinyin initials). The 转企
fields are open only when the status is 已转企.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.business.entities import (
    BUSINESS_ACTIVE,
    BUSINESS_CONVERTED,
    BUSINESS_STATUSES,
    BUSINESS_TIERS,
    ENTERPRISE_TYPES,
    Business,
)
from desktop_app.domain.business.uscc import uscc_problem
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import InvalidIdNumber, parse_id_number
from desktop_app.services.health_queries import CountyChoice
from desktop_app.ui import vocabulary
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.fact_editors import TypeAheadCombo

Done = Callable[[dict[str, str] | None, str | None], None]
Submit = Callable[[Business, Done], None]
NO_DATE = QDate(1900, 1, 1)
CODE_PATTERN = r"[0-9A-Za-z]{0,18}"
CONVERSION_FIELDS = ("converted_on", "enterprise_type", "enterprise_uscc")


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper()


class BusinessDialog(QDialog):
    """Form for a business. ``submit(business, done)`` must call ``done(field_errors, message)``:
    ``(None, None)`` on success, otherwise the messages to show next to the fields."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, counties: Sequence[CountyChoice],
                 business: Business | None = None, township_code: str | None = None):
        super().__init__(parent)
        self._submit = submit
        self._counties = {c.code: c for c in counties}
        self._editing = business is not None
        self.setWindowTitle(self.tr("编辑个体工商户") if self._editing else self.tr("登记个体工商户"))
        self.setMinimumWidth(560)

        self.uscc = self._code_edit(self.tr("18位统一社会信用代码，以92开头"))
        self.uscc.setReadOnly(self._editing)
        self.name = QLineEdit()
        self.operator_name = QLineEdit()
        self.operator_id_number = self._code_edit(self.tr("18位居民身份证号"))
        self.county = TypeAheadCombo()
        self.county.addItem(self.tr("请选择县区"), None)
        for county in counties:
            self.county.add_option(county.name, county.code)
        self.township = TypeAheadCombo()
        self.registered_on = self._date_edit()
        self.industry = QLineEdit()
        self.online_only = QCheckBox(self.tr("仅网络经营"))
        self.employees = QLineEdit()
        self.employees.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.employees))
        self.tier = self._choice(BUSINESS_TIERS, blank=True)
        self.directory_joined_on = self._date_edit()
        self.status = self._choice(BUSINESS_STATUSES, blank=False)
        self.converted_on = self._date_edit()
        self.enterprise_type = self._choice(ENTERPRISE_TYPES, blank=True)
        self.enterprise_uscc = self._code_edit(self.tr("转企后企业的统一社会信用代码"))
        self.credit_flag = QComboBox()
        self.credit_flag.addItem(self.tr("未填写"), None)
        self.credit_flag.addItem(self.tr("有不良信用记录"), True)
        self.credit_flag.addItem(self.tr("无不良信用记录"), False)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("uscc", self.tr("统一社会信用代码"), self.uscc),
            ("name", self.tr("名称"), self.name),
            ("operator_name", self.tr("经营者姓名"), self.operator_name),
            ("operator_id_number", self.tr("经营者身份证号"), self.operator_id_number),
            ("county", self.tr("所在县区"), self.county),
            ("township_code", self.tr("所在乡镇（街道）"), self.township),
            ("registered_on", self.tr("登记日期"), self.registered_on),
            ("industry", self.tr("行业"), self.industry),
            ("online_only", "", self.online_only),
            ("employees", self.tr("从业人数"), self.employees),
            ("tier", self.tr("分型"), self.tier),
            ("directory_joined_on", self.tr("名特优新入库日期"), self.directory_joined_on),
            ("status", self.tr("状态"), self.status),
            ("converted_on", self.tr("转企日期"), self.converted_on),
            ("enterprise_type", self.tr("转企类型"), self.enterprise_type),
            ("enterprise_uscc", self.tr("转企后信用代码"), self.enterprise_uscc),
            ("credit_flag", self.tr("信用记录"), self.credit_flag),
        ]
        for key, label, widget in rows:
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
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._buttons.accepted.connect(self._save)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self._buttons)

        self.county.currentIndexChanged.connect(lambda _i: self._fill_townships(None))
        self.status.currentIndexChanged.connect(lambda _i: self._sync_conversion())
        self.uscc.textChanged.connect(lambda _t: self._check_code("uscc", self._uscc_problem))
        self.operator_id_number.textChanged.connect(lambda _t: self._check_code("operator_id_number", self._id_problem))
        self.enterprise_uscc.textChanged.connect(
            lambda _t: self._check_code("enterprise_uscc", lambda v: uscc_problem(v, individual_business=False)))
        self._load(business, township_code)
        (self.name if self._editing else self.uscc).setFocus()

    # -- widgets -----------------------------------------------------------------------------------
    def _code_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(18)
        edit.setPlaceholderText(placeholder)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(CODE_PATTERN), edit))
        return edit

    def _date_edit(self) -> DateEdit:
        edit = DateEdit()
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("未填写"))
        edit.setDate(NO_DATE)
        return edit

    def _choice(self, values: Sequence[str], *, blank: bool) -> TypeAheadCombo:
        combo = TypeAheadCombo()
        if blank:
            combo.addItem(self.tr("未填写"), None)
        for value in values:
            combo.add_option(vocabulary.display(value), value)
        return combo

    @staticmethod
    def _set_date(edit: DateEdit, value: date | None) -> None:
        edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    @staticmethod
    def _date(edit: DateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    def _load(self, business: Business | None, township_code: str | None) -> None:
        township_code = business.township_code if business else township_code
        county = f"{township_code[:6]}000000" if township_code else None
        self.county.setCurrentIndex(max(0, self.county.findData(county)))
        self._fill_townships(township_code)
        self.status.setCurrentIndex(max(0, self.status.findData(business.status if business else BUSINESS_ACTIVE)))
        if business is not None:
            self.uscc.setText(business.uscc)
            self.name.setText(business.name)
            self.operator_name.setText(business.operator_name)
            self.operator_id_number.setText(business.operator_id_number or "")
            self._set_date(self.registered_on, business.registered_on)
            self.industry.setText(business.industry or "")
            self.online_only.setChecked(business.online_only)
            self.employees.setText("" if business.employees is None else str(business.employees))
            self.tier.setCurrentIndex(max(0, self.tier.findData(business.tier)))
            self._set_date(self.directory_joined_on, business.directory_joined_on)
            self._set_date(self.converted_on, business.converted_on)
            self.enterprise_type.setCurrentIndex(max(0, self.enterprise_type.findData(business.enterprise_type)))
            self.enterprise_uscc.setText(business.enterprise_uscc or "")
            self.credit_flag.setCurrentIndex({None: 0, True: 1, False: 2}[business.credit_flag])
        self._sync_conversion()

    def _fill_townships(self, selected: str | None) -> None:
        county = self._counties.get(self.county.currentData())
        self.township.clear()
        self.township.addItem(self.tr("请选择乡镇（街道）") if county else self.tr("请先选择县区"), None)
        for code, name in county.townships if county else ():
            self.township.add_option(name, code)
        self.township.setCurrentIndex(max(0, self.township.findData(selected)))
        self.township.setEnabled(county is not None)

    def _sync_conversion(self) -> None:
        converted = self.status.currentData() == BUSINESS_CONVERTED
        for widget in (self.converted_on, self.enterprise_type, self.enterprise_uscc):
            widget.setEnabled(converted)

    # -- checking as you type ------------------------------------------------------------------------
    def _uscc_problem(self, value: str) -> str | None:
        return uscc_problem(value, individual_business=True)

    @staticmethod
    def _id_problem(value: str) -> str | None:
        try:
            parse_id_number(value)
        except InvalidIdNumber as exc:
            return str(exc)
        return None

    def _check_code(self, key: str, problem_of: Callable[[str], str | None]) -> None:
        """Show the reason a complete (18-character) code is wrong; hide it while typing."""
        value = _normal(getattr(self, key).text())
        problem = problem_of(value) if len(value) >= 18 else None
        self.errors[key].setText(problem or "")
        self.errors[key].setVisible(bool(problem))

    # -- value and saving ----------------------------------------------------------------------------
    def value(self) -> Business:
        """The business described by the form (the record checks its vocabularies on construction)."""
        converted = self.status.currentData() == BUSINESS_CONVERTED
        employees = self.employees.text().strip()
        return Business(
            uscc=_normal(self.uscc.text()),
            name=self.name.text().strip(),
            operator_name=self.operator_name.text().strip(),
            operator_id_number=_normal(self.operator_id_number.text()) or None,
            registered_on=self._date(self.registered_on),
            township_code=self.township.currentData(),
            industry=self.industry.text().strip() or None,
            online_only=self.online_only.isChecked(),
            employees=int(employees) if employees else None,
            tier=self.tier.currentData(),
            directory_joined_on=self._date(self.directory_joined_on),
            status=self.status.currentData(),
            converted_on=self._date(self.converted_on) if converted else None,
            enterprise_type=self.enterprise_type.currentData() if converted else None,
            enterprise_uscc=(_normal(self.enterprise_uscc.text()) or None) if converted else None,
            credit_flag=self.credit_flag.currentData(),
        )

    def show_errors(self, field_errors: dict[str, str] | None, message: str | None) -> None:
        """Show each message under its field and the rest below the form; clear the others."""
        field_errors = dict(field_errors or {})
        for key, label in self.errors.items():
            text = field_errors.pop(key, None)
            label.setText(text or "")
            label.setVisible(bool(text))
        rest = [*([message] if message else []), *field_errors.values()]
        self.message.setText("\n".join(rest))
        self.message.setVisible(bool(rest))

    def _save(self) -> None:
        try:
            business = self.value()
        except ValidationError as exc:
            self.show_errors(exc.by_field(), None)
            return
        self._buttons.setEnabled(False)

        def done(field_errors: dict[str, str] | None, message: str | None) -> None:
            self._buttons.setEnabled(True)
            if field_errors or message:
                self.show_errors(field_errors, message)
            else:
                self.accept()

        self._submit(business, done)
