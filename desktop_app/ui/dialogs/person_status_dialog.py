"""Record a person's group (人员身份: 返乡农民工, 高校毕业生 …) at the counter, from the proof the
applicant brings; several measures decide on it. The service checks the ID number (GB 11643).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.business.entities import PERSON_GROUPS, PersonStatus
from desktop_app.domain.errors import ValidationError
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.form_dialog import FieldProblem, FormDialog, Submit
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.fact_editors import TypeAheadCombo

NO_DATE = QDate(1900, 1, 1)


def _date_edit(blank: str) -> DateEdit:
    edit = DateEdit()
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(blank)
    edit.setDate(NO_DATE)
    return edit


def _day(edit: DateEdit) -> date | None:
    return None if edit.date() == NO_DATE else edit.value()


class PersonStatusDialog(FormDialog):
    """ID number, name, group (type-ahead by pinyin initials) and the period it holds."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, id_number: str = "", name: str = ""):
        super().__init__(parent, self.tr("登记人员身份"), submit)
        self.set_ok_text(self.tr("保存"))
        self.intro.setText(self.tr("按申请人提供的证明登记其所属群体（如返乡农民工证明、毕业证书）；起始日期为证明所载日期。"))
        self.intro.show()
        self.id_number = QLineEdit(id_number)
        self.id_number.setObjectName("status_id_number")
        self.id_number.setMaxLength(18)
        self.name = QLineEdit(name)
        self.group = TypeAheadCombo()
        self.group.setObjectName("status_group")
        self.group.addItem(self.tr("请选择（拼音首字母）"), None)
        for group in PERSON_GROUPS:
            self.group.add_option(vocabulary.display(group), group)
        self.since = _date_edit(self.tr("未填写"))
        self.until = _date_edit(self.tr("长期"))
        self.add_field("id_number", self.tr("身份证号"), self.id_number)
        self.add_field("name", self.tr("姓名"), self.name)
        self.add_field("status", self.tr("人员身份"), self.group)
        self.add_field("since", self.tr("起始日期"), self.since)
        self.add_field("until", self.tr("结束日期"), self.until)
        (self.group if id_number else self.id_number).setFocus()

    def values(self) -> dict[str, Any]:
        """``status``: the PersonStatus to save."""
        try:
            status = PersonStatus(self.id_number.text().strip().upper(), self.group.currentData() or "",
                                  self.name.text().strip(), _day(self.since), _day(self.until))
        except ValidationError as exc:
            field, reason = next(iter(exc.by_field().items()))
            raise FieldProblem(field, reason) from None
        return {"status": status}
