"""Catalogue administration dialogs: add a successor entry (new amounts and window, id
``<base>@<suffix>``) and retire an entry early. Parameters keep their names and kinds; only the
changed ones are sent, and the service checks them against the predecessor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.services.desk_queries import CatalogueRow
from desktop_app.ui.dialogs.form_dialog import FieldProblem, FormDialog, Submit, text_box
from desktop_app.ui.widgets.date_edit import DateEdit

NO_DATE = QDate(1900, 1, 1)
_LIST_SEPARATORS = re.compile(r"[、,，;；]+")


def param_label(name: str) -> str:
    """A clerk-readable name for a catalogue parameter (the name itself when unknown)."""
    labels = {
        "amount": QCoreApplication.translate("PolicyDialogs", "补贴金额（元）"),
        "groups": QCoreApplication.translate("PolicyDialogs", "扶持群体"),
        "graduate_within_years": QCoreApplication.translate("PolicyDialogs", "毕业年限（年内）"),
        "min_operating_years": QCoreApplication.translate("PolicyDialogs", "最短经营年限"),
        "min_amount": QCoreApplication.translate("PolicyDialogs", "最低金额（元）"),
        "min_age_years": QCoreApplication.translate("PolicyDialogs", "个体户最短成立年限"),
        "converted_on_or_after": QCoreApplication.translate("PolicyDialogs", "转企日期不早于"),
        "min_enterprise_years": QCoreApplication.translate("PolicyDialogs", "转企后最短经营年限"),
        "min_tax_months": QCoreApplication.translate("PolicyDialogs", "连续纳税最少月数"),
        "amount_per_year": QCoreApplication.translate("PolicyDialogs", "每年金额（元）"),
        "years": QCoreApplication.translate("PolicyDialogs", "补贴年数"),
        "subsidised_max": QCoreApplication.translate("PolicyDialogs", "贴息贷款上限（元）"),
        "mixed_max": QCoreApplication.translate("PolicyDialogs", "混合贷款上限（元）"),
        "mixed_subsidised_max": QCoreApplication.translate("PolicyDialogs", "混合贷款贴息部分上限（元）"),
        "non_subsidised_max": QCoreApplication.translate("PolicyDialogs", "非贴息贷款上限（元）"),
        "amount_by_level": QCoreApplication.translate("PolicyDialogs", "按证书等级的金额（元）"),
        "min_insured_months": QCoreApplication.translate("PolicyDialogs", "最少参保月数"),
        "max_per_year": QCoreApplication.translate("PolicyDialogs", "每人每年最多次数"),
        "amount_per_hire": QCoreApplication.translate("PolicyDialogs", "每招用1人金额（元）"),
        "sme_rate": QCoreApplication.translate("PolicyDialogs", "返还比例"),
        "small_max_staff": QCoreApplication.translate("PolicyDialogs", "小微企业职工人数上限"),
        "small_max_layoff_rate": QCoreApplication.translate("PolicyDialogs", "小微企业裁员率上限"),
        "national_target_rate": QCoreApplication.translate("PolicyDialogs", "大型企业裁员率上限"),
    }
    return labels.get(name, name)


def _number(field: str, text: str) -> int | float:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise FieldProblem(field, QCoreApplication.translate("PolicyDialogs", "应为数字")) from None
    return int(value) if value == value.to_integral_value() else float(value)


def _date(edit: DateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def _date_edit(day: date | None, blank: str) -> DateEdit:
    edit = DateEdit()
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(blank)
    edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
    return edit


class SuccessorDialog(FormDialog):
    """新增后续条目: suffix, window, source, title and the parameters (prefilled with the predecessor's)."""

    def __init__(self, parent: QWidget | None, *, row: CatalogueRow, submit: Submit, today: date | None = None):
        super().__init__(parent, self.tr("新增后续条目：{0}").format(row.entry_id), submit)
        self.set_ok_text(self.tr("新增"))
        self.setMinimumWidth(600)
        today = today or date.today()
        self.row = row
        self.intro.setText(self.tr("新条目沿用“{0}”的判定方式，只改金额等参数和有效期；编号为 {1}@后缀。").format(
            row.title, row.base_id))
        self.intro.show()
        self.suffix = QLineEdit(str(today.year + 1))
        self.suffix.setObjectName("suffix")
        self.valid_from = _date_edit(date(today.year + 1, 1, 1), "")
        self.valid_from.setObjectName("valid_from")
        self.valid_to = _date_edit(None, self.tr("长期有效"))
        self.valid_to.setObjectName("valid_to")
        self.source_doc = QLineEdit()
        self.source_doc.setObjectName("source_doc")
        self.source_doc.setPlaceholderText(self.tr("新政策文件号，如 焦政办〔2026〕1号"))
        self.source_item = QLineEdit()
        self.source_item.setPlaceholderText(self.tr("条款，可不填（沿用原条款）"))
        self.title = QLineEdit(row.title)
        self.add_field("suffix", self.tr("编号后缀"), self.suffix)
        self.add_field("valid_from", self.tr("生效日期"), self.valid_from)
        self.add_field("valid_to", self.tr("失效日期"), self.valid_to)
        self.add_field("source_doc", self.tr("文件号"), self.source_doc)
        self.add_field("source_item", self.tr("条款"), self.source_item)
        self.add_field("title", self.tr("名称"), self.title)
        self.params: dict[str, QLineEdit] = {}
        for name, _text, raw in row.params:
            if isinstance(raw, Mapping):
                for key, value in raw.items():
                    self._param(f"{name}.{key}", f"{param_label(name)}：{key}", str(value))
            elif isinstance(raw, (tuple, list)):
                self._param(name, param_label(name), "、".join(str(v) for v in raw))
            else:
                self._param(name, param_label(name), str(raw))
        self.suffix.setFocus()

    def _param(self, key: str, label: str, text: str) -> None:
        edit = QLineEdit(text)
        edit.setObjectName(f"param_{key}")
        self.params[key] = edit
        self.add_field(f"params.{key}", label, edit)

    def _changed_params(self) -> dict[str, Any]:
        changed: dict[str, Any] = {}
        for name, _text, raw in self.row.params:
            if isinstance(raw, Mapping):
                value: Any = {key: _number(f"params.{name}.{key}", self.params[f"{name}.{key}"].text()) for key in raw}
                if value != dict(raw):
                    changed[name] = value
                continue
            text = self.params[name].text().strip()
            if isinstance(raw, (tuple, list)):
                value = [v.strip() for v in _LIST_SEPARATORS.split(text) if v.strip()]
                same = value == list(raw)
            elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
                value = _number(f"params.{name}", text)
                same = value == raw
            else:
                value, same = text, text == str(raw)
            if not same:
                changed[name] = value
        return changed

    def values(self) -> dict[str, Any]:
        """Keyword arguments of ``desk_admin.add_successor_entry`` (params: the changed ones only)."""
        valid_from = _date(self.valid_from)
        if valid_from is None:
            raise FieldProblem("valid_from", self.tr("请填写生效日期"))
        return {
            "predecessor_id": self.row.entry_id,
            "suffix": self.suffix.text().strip(),
            "valid_from": valid_from,
            "valid_to": _date(self.valid_to),
            "params": self._changed_params(),
            "source_doc": self.source_doc.text().strip(),
            "source_item": self.source_item.text().strip() or None,
            "title": self.title.text().strip() or None,
        }


class RetireDialog(FormDialog):
    """停止执行: the entry's last day (applications received later no longer qualify) and the reason."""

    def __init__(self, parent: QWidget | None, *, row: CatalogueRow, submit: Submit, today: date | None = None):
        super().__init__(parent, self.tr("停止执行：{0}").format(row.entry_id), submit)
        self.set_ok_text(self.tr("停止执行"))
        self.row = row
        self.intro.setText(self.tr("“{0}”（有效期 {1}）将提前停止执行：此日之后受理的申请不再符合条件。").format(
            row.title, row.window))
        self.intro.show()
        self.last_day = _date_edit(today or date.today(), "")
        self.last_day.setObjectName("last_day")
        self.reason = text_box()
        self.reason.setObjectName("reason")
        self.add_field("last_day", self.tr("最后执行日"), self.last_day)
        self.add_field("reason", self.tr("原因"), self.reason)
        self.reason.setFocus()

    def values(self) -> dict[str, Any]:
        """Keyword arguments of ``desk_admin.retire_entry``."""
        return {"rule_id": self.row.entry_id, "last_day": _date(self.last_day), "reason": self.reason.toPlainText().strip()}
