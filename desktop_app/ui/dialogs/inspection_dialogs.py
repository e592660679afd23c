"""Dialogs of the 督导检查 page: plan (or change) a visit, issue a rectification order, and the
steps of an order (report completion, close, reopen). Each reads its fields and hands the values
to the page, which runs the service and shows what it refused under the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.inspections import VisitPlan, split_inspectors
from desktop_app.services.inspection_queries import PlanCandidate, PlanChoices
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.form_dialog import FormDialog, Submit, lines, text_box
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.inspection_text import shown

Index = QModelIndex | QPersistentModelIndex
FindCandidates = Callable[[dict[str, Any], Callable[[list[PlanCandidate]], None]], None]
DEFAULT_DAYS = 30  # a new order's suggested deadline: the visit date plus this many days


class CandidateModel(QAbstractTableModel):
    """Facilities that may go on the visit, each with a check box; the chosen codes survive new searches."""

    chosen_changed = Signal()

    def __init__(self, titles: dict[str, str], parent: Any = None):
        super().__init__(parent)
        self._titles = titles
        self._rows: list[PlanCandidate] = []
        self.chosen: dict[str, PlanCandidate] = {}
        self._headers = [self.tr("机构名称"), self.tr("类型"), self.tr("县区"), self.tr("乡镇"), self.tr("未达标项")]

    def set_rows(self, rows: Sequence[PlanCandidate]) -> None:
        """Show these candidates (the chosen ones stay chosen)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_all(self, checked: bool) -> None:
        """Choose, or un-choose, every candidate shown."""
        for row in self._rows:
            if checked:
                self.chosen.setdefault(row.code, row)
            else:
                self.chosen.pop(row.code, None)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
        self.chosen_changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if row.code in self.chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            failing = self.tr("{0} 项").format(len(row.failing)) if row.failing else ""
            return [row.name, vocabulary.display(row.kind), row.county_name, row.township_name, failing][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self._titles.get(r, r) for r in row.failing) if index.column() == 4 else row.code
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        row = self._rows[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.chosen[row.code] = row
        else:
            self.chosen.pop(row.code, None)
        self.dataChanged.emit(index, index)
        self.chosen_changed.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags


class PlanVisitDialog(FormDialog):
    """计划督导检查: date, inspectors, a note, and the facilities — found by county, township, kind
    or a standard they fail — ticked in the list (Space ticks the current row)."""

    def __init__(self, parent: QWidget | None, choices: PlanChoices, find: FindCandidates, submit: Submit, *,
                 plan: VisitPlan | None = None, names: dict[str, str] | None = None):
        super().__init__(parent, self.tr("修改检查计划") if plan and plan.visit_id else self.tr("计划督导检查"), submit)
        self.setMinimumSize(860, 620)
        self._choices, self._find, self._visit_id = choices, find, plan.visit_id if plan else None
        self.date_edit = DateEdit(plan.visited_on if plan else date.today())
        self.inspectors = QLineEdit("、".join(plan.inspectors) if plan else "")
        self.inspectors.setPlaceholderText(self.tr("姓名用、分隔，如 张三、李四"))
        self.note = QLineEdit(plan.note if plan else "")
        self.county = QComboBox()
        self.township = QComboBox()
        self.kind = QComboBox()
        self.rule = QComboBox()
        self.find_button = QPushButton(self.tr("查找机构"))
        self.model = CandidateModel({r.base_id: r.title for r in choices.rules}, self)
        for code in plan.facility_codes if plan else ():
            self.model.chosen[code] = PlanCandidate(code, (names or {}).get(code, code), "", "", "", ())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.all_check = QCheckBox(self.tr("全选所列机构"))
        self.chosen_label = QLabel()
        self._fill_pickers()
        self.add_field("visited_on", self.tr("检查日期"), self.date_edit)
        self.add_field("inspectors", self.tr("检查人员"), self.inspectors)
        self.add_field("note", self.tr("说明"), self.note)
        finder = QWidget()
        bar = QHBoxLayout(finder)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.county, self.township, self.kind, self.rule, self.find_button):
            bar.addWidget(widget)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(finder)
        box_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.all_check)
        row.addStretch(1)
        row.addWidget(self.chosen_label)
        box_layout.addLayout(row)
        self.add_field("facility_codes", self.tr("机构"), box)
        self.set_ok_text(self.tr("保存计划"))
        self.county.currentIndexChanged.connect(lambda _i: self._fill_townships())
        self.find_button.clicked.connect(self.search)
        self.all_check.toggled.connect(self.model.set_all)
        self.model.chosen_changed.connect(self._show_chosen)
        self._show_chosen()
        self.search()

    def _fill_pickers(self) -> None:
        self.county.addItem(self.tr("全部县区"), None)
        for county in self._choices.counties:
            self.county.addItem(county.name, county.code)
        if len(self._choices.counties) == 1:
            self.county.setCurrentIndex(1)
        self.kind.addItem(self.tr("全部类型"), None)
        for kind in self._choices.kinds:
            self.kind.addItem(vocabulary.display(kind), kind)
        self.rule.addItem(self.tr("不限达标情况"), None)
        for rule in self._choices.rules:
            self.rule.addItem(self.tr("未达标：{0}").format(rule.title), rule.base_id)
        self._fill_townships()

    def _fill_townships(self) -> None:
        self.township.clear()
        self.township.addItem(self.tr("全部乡镇"), None)
        for county in self._choices.counties:
            if county.code == self.county.currentData():
                for code, name in county.townships:
                    self.township.addItem(name, code)

    def search(self) -> None:
        """Ask the page for the facilities matching the pickers (as of the visit date)."""
        rule = self.rule.currentData()
        options = {"county": self.county.currentData(), "township": self.township.currentData(),
                   "kind": self.kind.currentData(), "failing_rules": [rule] if rule else [],
                   "as_of": self.date_edit.value()}
        self.find_button.setEnabled(False)

        def found(rows: list[PlanCandidate]) -> None:
            self.find_button.setEnabled(True)
            self.model.set_rows(rows)

        self._find(options, found)

    def _show_chosen(self) -> None:
        self.chosen_label.setText(self.tr("已选 {0} 个机构").format(len(self.model.chosen)))

    def values(self) -> dict[str, Any]:
        """The plan for ``plan_visit`` / ``update_visit``."""
        return {"plan": VisitPlan(self.date_edit.value(), split_inspectors(self.inspectors.text()),
                                  tuple(self.model.chosen), self.note.text().strip(), self._visit_id)}


class OrderDialog(FormDialog):
    """下达整改通知 on one item: the responsible person, the deadline and what to do."""

    def __init__(self, parent: QWidget | None, submit: Submit, *, visit_id: str, visited_on: date, facility_code: str,
                 facility_name: str, rule_id: str, title: str, finding: str, message: str):
        super().__init__(parent, self.tr("下达整改通知"), submit)
        self._key = {"visit_id": visit_id, "facility_code": facility_code, "rule_id": rule_id}
        self.intro.setText(self.tr("<b>{0}</b>：{1}<br>检查结论：{2}　{3}").format(facility_name, title, shown(finding), message))
        self.intro.show()
        self.responsible = QLineEdit()
        self.responsible.setPlaceholderText(self.tr("如 院长 王某某"))
        self.deadline = DateEdit(visited_on + timedelta(days=DEFAULT_DAYS))
        self.requirement = text_box()
        self.add_field("responsible", self.tr("责任人"), self.responsible)
        self.add_field("deadline", self.tr("整改期限"), self.deadline)
        self.add_field("requirement", self.tr("整改要求"), self.requirement)
        self.set_ok_text(self.tr("下达"))

    def values(self) -> dict[str, Any]:
        """The keywords of ``create_order``."""
        return self._key | {"responsible": self.responsible.text().strip(), "deadline": self.deadline.value(),
                            "requirement": "\n".join(lines(self.requirement))}


class OrderStepDialog(FormDialog):
    """One step of an order: 报告整改完成 (note, date reported), 销号 (note) or 重新打开 (reason and
    optionally a new deadline)."""

    REPORT, CLOSE, REOPEN = "report", "close", "reopen"

    def __init__(self, parent: QWidget | None, submit: Submit, *, step: str, order_id: int, summary: str,
                 deadline: date):
        titles = {self.REPORT: self.tr("报告整改完成"), self.CLOSE: self.tr("销号"), self.REOPEN: self.tr("重新打开整改")}
        super().__init__(parent, titles[step], submit)
        self._step, self._order_id = step, order_id
        self.intro.setText(summary)
        self.intro.show()
        self.note = text_box()
        self.reported_on = DateEdit(date.today())
        self.new_deadline = QCheckBox(self.tr("重新规定整改期限"))
        self.deadline = DateEdit(max(deadline, date.today() + timedelta(days=DEFAULT_DAYS)))
        self.deadline.setEnabled(False)
        self.new_deadline.toggled.connect(self.deadline.setEnabled)
        if step == self.REPORT:
            self.add_field("note", self.tr("整改完成情况"), self.note)
            self.add_field("reported_on", self.tr("报告日期"), self.reported_on)
        elif step == self.CLOSE:
            self.add_field("note", self.tr("核实意见"), self.note)
        else:
            self.add_field("reason", self.tr("重新打开的原因"), self.note)
            self.add_field("new_deadline", "", self.new_deadline)
            self.add_field("deadline", self.tr("新的整改期限"), self.deadline)
        self.set_ok_text(titles[step])

    def values(self) -> dict[str, Any]:
        """The keywords of ``report_completion`` / ``close_order`` / ``reopen_order``."""
        text = "\n".join(lines(self.note))
        if self._step == self.REPORT:
            return {"order_id": self._order_id, "note": text, "reported_on": self.reported_on.value()}
        if self._step == self.CLOSE:
            return {"order_id": self._order_id, "note": text}
        return {"order_id": self._order_id, "reason": text,
                "deadline": self.deadline.value() if self.new_deadline.isChecked() else None}
