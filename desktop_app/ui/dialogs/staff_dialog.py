"""Add or edit one staff member; the caller's ``submit`` runs the service in the background.

Birth date, sex and age are shown as derived from the ID number; 退出日期 can only be entered
when the status is 退出. The ID number is the person's key and cannot change when editing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.health.entities import (
    ACTIVE,
    EDUCATION_LEVELS,
    LEFT,
    PRACTICE_SCOPES,
    STAFF_CATEGORIES,
    STAFF_STATUSES,
    StaffMember,
)
from desktop_app.domain.identity import InvalidIdNumber, parse_id_number
from desktop_app.ui import vocabulary

Done = Callable[[dict[str, str] | None, str | None], None]
Submit = Callable[[StaffMember, Done], None]
FLAG_FIELDS = ("general_practice", "full_time", "township_hired", "pension_insured")
NO_DATE = QDate(1900, 1, 1)  # the date edit's minimum, shown as blank


class StaffDialog(QDialog):
    """Form for a staff member. ``facilities`` are objects with code, name and township_name.
    ``submit(member, done)`` must call ``done(field_errors, message)``: ``(None, None)`` on success,
    otherwise the messages to show next to the fields."""

    def __init__(self, parent: QWidget | None, *, submit: Submit, facilities: Sequence[Any],
                 member: StaffMember | None = None):
        super().__init__(parent)
        self._submit = submit
        self._editing = member is not None
        self.setWindowTitle(self.tr("编辑人员") if self._editing else self.tr("新增人员"))
        self.setMinimumWidth(520)

        self.id_number = QLineEdit(member.id_number if member else "")
        self.id_number.setReadOnly(self._editing)
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18位居民身份证号"))
        self.derived = QLabel()
        self.derived.setObjectName("derived")
        self.derived.setStyleSheet("color: #555;")
        self.name = QLineEdit(member.name if member else "")
        self.facility = self._facility_combo(facilities, member.facility_code if member else None)
        self.category = self._choice_combo(STAFF_CATEGORIES, member.category if member else None)
        self.practice_scope = self._choice_combo(PRACTICE_SCOPES, member.practice_scope if member else None)
        self.education = self._choice_combo(EDUCATION_LEVELS, member.education if member else None)
        self.flags = {key: self._flag_combo(getattr(member, key) if member else None) for key in FLAG_FIELDS}
        self.status = self._choice_combo(STAFF_STATUSES, member.status if member else ACTIVE)
        self.left_on = QDateEdit()
        self.left_on.setCalendarPopup(True)
        self.left_on.setDisplayFormat("yyyy-MM-dd")
        self.left_on.setMinimumDate(NO_DATE)
        self.left_on.setSpecialValueText(self.tr("（仅退出人员填写）"))
        left = member.left_on if member else None
        self.left_on.setDate(QDate(left.year, left.month, left.day) if left else NO_DATE)

        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("id_number", self.tr("身份证号"), self.id_number),
            ("derived", "", self.derived),
            ("name", self.tr("姓名"), self.name),
            ("facility_code", self.tr("所在机构"), self.facility),
            ("category", self.tr("人员类别"), self.category),
            ("practice_scope", self.tr("执业范围"), self.practice_scope),
            ("education", self.tr("学历"), self.education),
            ("general_practice", self.tr("全科医生"), self.flags["general_practice"]),
            ("full_time", self.tr("专职"), self.flags["full_time"]),
            ("township_hired", self.tr("乡聘村用"), self.flags["township_hired"]),
            ("pension_insured", self.tr("参加养老保险"), self.flags["pension_insured"]),
            ("status", self.tr("状态"), self.status),
            ("left_on", self.tr("退出日期"), self.left_on),
        ]
        for key, label, widget in rows:
            if key == "derived":
                form.addRow(label, widget)
                continue
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

        self.id_number.textChanged.connect(self._show_derived)
        self.status.currentIndexChanged.connect(lambda _i: self._sync_left_on())
        self._show_derived(self.id_number.text(), on_typing=False)
        self._sync_left_on()
        (self.name if self._editing else self.id_number).setFocus()

    # -- widgets -------------------------------------------------------------------------------
    def _choice_combo(self, values: Sequence[str], current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("（未填写）"), None)
        for value in values:
            combo.addItem(vocabulary.display(value), value)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        return combo

    def _flag_combo(self, current: bool | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("（未填写）"), None)
        combo.addItem(vocabulary.yes_no(True), True)
        combo.addItem(vocabulary.yes_no(False), False)
        combo.setCurrentIndex({None: 0, True: 1, False: 2}[current])
        return combo

    def _facility_combo(self, facilities: Sequence[Any], current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(20)
        for f in facilities:
            combo.addItem(f"{f.code}  {f.name}（{f.township_name}）", f.code)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.lineEdit().setPlaceholderText(self.tr("输入机构编码或名称搜索"))
        index = combo.findData(current) if current else -1
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setCurrentIndex(-1)
            combo.setEditText(current or "")
        return combo

    def _show_derived(self, text: str, on_typing: bool = True) -> None:
        value = unicodedata.normalize("NFKC", text).strip()
        error = self._errors["id_number"]
        try:
            parsed = parse_id_number(value)
        except InvalidIdNumber as exc:
            self.derived.setText(self.tr("出生日期、性别由身份证号自动得出"))
            if on_typing and len(value) >= 18:
                error.setText(str(exc))
                error.show()
            elif on_typing:
                error.hide()
            return
        error.hide()
        self.derived.setText(self.tr("出生日期 {0}　性别 {1}　年龄 {2} 岁").format(
            parsed.birth_date.isoformat(), vocabulary.display(parsed.sex), parsed.age_on(date.today())))

    def _sync_left_on(self) -> None:
        """退出日期 is entered only for 退出 (today offered); otherwise it is blank."""
        leaving = self.status.currentData() == LEFT
        self.left_on.setEnabled(leaving)
        if leaving and self.left_on.date() == NO_DATE:
            self.left_on.setDate(QDate.currentDate())
        elif not leaving:
            self.left_on.setDate(NO_DATE)

    # -- value and saving ------------------------------------------------------------------------
    def facility_code(self) -> str:
        """The chosen facility code: the item whose text is shown, else the text typed as a code."""
        text = self.facility.currentText().strip()
        index = self.facility.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return self.facility.itemData(index)
        return text.split()[0] if text else ""

    def value(self) -> StaffMember:
        """The staff member described by the form (not yet validated)."""
        status = self.status.currentData()
        left_on = self.left_on.date().toPython() if status == LEFT and self.left_on.date() != NO_DATE else None
        return StaffMember(
            id_number=unicodedata.normalize("NFKC", self.id_number.text()).strip().upper(),
            name=self.name.text().strip(),
            facility_code=self.facility_code(),
            category=self.category.currentData(),
            practice_scope=self.practice_scope.currentData(),
            education=self.education.currentData(),
            status=status,
            left_on=left_on,
            **{key: combo.currentData() for key, combo in self.flags.items()},
        )

    def show_errors(self, field_errors: dict[str, str] | None, message: str | None) -> None:
        """Show each message under its field (and a general message); clear the others."""
        for key, label in self._errors.items():
            text = (field_errors or {}).get(key)
            label.setText(text or "")
            label.setVisible(bool(text))
        unplaced = [text for key, text in (field_errors or {}).items() if key not in self._errors]
        general = "\n".join([*unplaced, *([message] if message else [])])
        self.message.setText(general)
        self.message.setVisible(bool(general))

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
