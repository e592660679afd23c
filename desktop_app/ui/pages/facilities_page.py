"""医疗机构: the facility list (filter by place, kind and rule status; search by name, code or pinyin
initials), add/edit/delete, and the selected facility's standards results with their sources."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.health.entities import FACILITY_KINDS, Facility
from desktop_app.domain.rules.results import Status
from desktop_app.domain.security import EDIT_HEALTH, allowed
from desktop_app.services import health_queries
from desktop_app.services import health_registry as registry
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.facility_dialog import FacilityDialog
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.models.paged_table_model import PagedTableModel
from desktop_app.ui.models.row_table_model import RowTableModel
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.roles import permit_when
from desktop_app.ui.widgets.facility_inspection_history import FacilityInspectionHistory

SEARCH_DELAY_MS = 150
# Tables whose changes can change the list or a facility's results.
FACILITY_INPUTS = ("facilities", "staff", "villages", "divisions")
# (text colour, background) per status: dark text on a light tint stays readable in both themes.
STATUS_COLOURS = {
    Status.FAIL: ("#a93226", "#fdecea"),
    Status.WARN: ("#8a5300", "#fff3dc"),
    Status.UNKNOWN: ("#1f5f8b", "#e6f0f8"),
    Status.PASS: ("#1e7b45", "#e6f5ec"),
    Status.NOT_APPLICABLE: ("#626f70", "#f0f1f2"),
}
FILTER_STATUSES = (Status.FAIL, Status.WARN, Status.UNKNOWN, Status.PASS)


def status_label(status: Status) -> str:
    """The Chinese (translated) name of a rule status."""
    labels = {
        Status.FAIL: QCoreApplication.translate("FacilitiesPage", "不达标"),
        Status.WARN: QCoreApplication.translate("FacilitiesPage", "预警"),
        Status.UNKNOWN: QCoreApplication.translate("FacilitiesPage", "待补充"),
        Status.PASS: QCoreApplication.translate("FacilitiesPage", "达标"),
        Status.NOT_APPLICABLE: QCoreApplication.translate("FacilitiesPage", "不适用"),
    }
    return labels[status]


def value_text(value: Any) -> str:
    """A result's actual or required value for display (blank → —, flags → 是/否)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return vocabulary.yes_no(value)
    if isinstance(value, (int, float)):
        return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    return vocabulary.display(str(value))


class RuleResultsModel(RowTableModel):
    """The rule results of one facility: status, rule, actual / required, message, citation."""

    centred = frozenset({0, 2})

    def __init__(self, parent: Any = None):
        super().__init__([self.tr("结果"), self.tr("标准"), self.tr("实际 / 要求"), self.tr("说明"), self.tr("依据")], parent)

    def set_lines(self, lines: list[health_queries.ResultLine]) -> None:
        """Show these results (in the order given)."""
        self.set_rows(lines)

    def line(self, row: int) -> health_queries.ResultLine:
        """The result shown at ``row``."""
        return self.row(row)

    def cells(self, line: health_queries.ResultLine) -> list[str]:
        result = line.result
        return [status_label(result.status), line.title, f"{value_text(result.actual)} / {value_text(result.required)}",
                result.message, result.citation]

    def tooltip(self, line: health_queries.ResultLine, column: int) -> str | None:
        result = line.result
        return (result.rule_id, f"{line.title}\n{result.rule_id}", None, result.message,
                f"{result.citation}\n{line.document_title}")[column]

    def colours_at(self, row: int, column: int) -> tuple[str, str] | None:
        return STATUS_COLOURS[self.row(row).result.status] if column == 0 else None


class FacilityDetailPanel(QWidget):
    """Key fields of one facility beside its standards results as of the evaluation date."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        info = QGroupBox(self.tr("机构信息"))
        form = QFormLayout(info)
        for key, label in (
            ("code", self.tr("机构编码")), ("name", self.tr("机构名称")), ("kind", self.tr("机构类型")),
            ("place", self.tr("所在地")), ("service_population", self.tr("服务人口")),
            ("ownership", self.tr("产权性质")), ("licence", self.tr("执业许可证")),
            ("floor_area_m2", self.tr("建筑面积")), ("beds", self.tr("床位数")),
            ("capability_level", self.tr("服务能力")),
        ):
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        info.setMinimumWidth(270)
        info.setMaximumWidth(340)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.results_model = RuleResultsModel(self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.setWordWrap(True)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.results.horizontalHeader()
        for column, width in ((0, 64), (2, 120), (4, 215)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.results.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        results_box = QGroupBox(self.tr("达标情况"))
        results_layout = QVBoxLayout(results_box)
        results_layout.addWidget(self.summary)
        results_layout.addWidget(self.results, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(info)
        layout.addWidget(results_box, 1)
        self.clear()

    def clear(self) -> None:
        """Show no facility."""
        for label in self.values.values():
            label.setText("")
        self.summary.setText(self.tr("请在上方列表中选择一个机构，查看其各项标准的达标情况。"))
        self.results_model.set_lines([])

    def show_detail(self, detail: health_queries.FacilityDetail) -> None:
        """Show a facility's key fields and results."""
        f: Facility = detail.facility
        unfilled = self.tr("未填写")
        place = " / ".join(p for p in (detail.county_name, detail.township_name, detail.village_name) if p)
        licence = f.licence_no or unfilled
        if f.licence_valid_until is not None:
            licence += self.tr("（有效期至 {0}）").format(f.licence_valid_until.isoformat())
        shown = {
            "code": f.code,
            "name": f.name,
            "kind": vocabulary.display(f.kind),
            "place": self.tr("{0}（{1}）").format(place, f.division_code),
            "service_population": unfilled if detail.service_population is None else (
                self.tr("{0}（按服务村庄计算）").format(f"{detail.service_population:,}")
                if detail.service_population_derived else f"{detail.service_population:,}"),
            "ownership": vocabulary.display(f.ownership) or unfilled,
            "licence": licence,
            "floor_area_m2": unfilled if f.floor_area_m2 is None else f"{value_text(f.floor_area_m2)} m²",
            "beds": unfilled if f.beds is None else str(f.beds),
            "capability_level": vocabulary.display(f.capability_level) or unfilled,
        }
        for key, text in shown.items():
            self.values[key].setText(text)
        counts = {status: sum(1 for line in detail.results if line.result.status == status) for status in Status}
        parts = [f"{status_label(s)} {counts[s]}" for s in (*FILTER_STATUSES, Status.NOT_APPLICABLE) if counts[s]]
        self.summary.setText(
            self.tr("评价日 {0}，共 {1} 项标准：{2}").format(detail.as_of.isoformat(), len(detail.results), self.tr("，").join(parts))
            if detail.results else self.tr("评价日 {0}：该类机构没有适用的标准").format(detail.as_of.isoformat())
        )
        self.results_model.set_lines(list(detail.results))


class FacilitiesPage(QWidget):
    """Filter bar, facility list with add/edit/delete, and the selected facility's results."""

    ready = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._counties: list[health_queries.CountyChoice] = []
        self._rules: list[health_queries.FacilityRule] = []
        self._choices_loaded = False
        self._pending_filter: dict[str, Any] | None = None
        self._is_ready = False
        self._codes_generation = 0
        self._detail_generation = 0
        self._selected_code: str | None = None
        self._role: str | None = None

        self.county_filter = QComboBox()
        self.township_filter = QComboBox()
        for combo in (self.county_filter, self.township_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind in FACILITY_KINDS:
            self.kind_filter.addItem(vocabulary.display(kind), kind)
        self.rule_filter = QComboBox()
        self.rule_filter.setMinimumContentsLength(16)
        self.rule_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部结果"), None)
        for status in FILTER_STATUSES:
            self.status_filter.addItem(status_label(status), status.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索机构：名称、编码或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.add_button = QPushButton(self.tr("新增"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.count_label = QLabel()

        columns = [
            ("code", self.tr("机构编码")),
            ("name", self.tr("机构名称")),
            ("kind", self.tr("类型")),
            ("county", self.tr("县（市、区）")),
            ("township", self.tr("乡镇（街道）")),
            ("service_population", self.tr("服务人口")),
            ("ownership", self.tr("产权")),
            ("licence_valid_until", self.tr("许可证有效期至")),
            ("staff", self.tr("在岗人员")),
        ]
        self.model = PagedTableModel(runner, registry.facility_list, columns, formatter=_format_facility,
                                     numeric_keys=("service_population", "staff"), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 220, 120, 90, 110, 80, 60, 115, 70)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.detail = FacilityDetailPanel()
        self.history = FacilityInspectionHistory(runner)
        self.open_visit = self.history.open_visit
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.detail, self.tr("标准评估"))
        self.detail_tabs.addTab(self.history, self.tr("督导检查"))

        self._build_layout()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.county_filter.currentIndexChanged.connect(self._on_county_changed)
        for combo in (self.township_filter, self.kind_filter, self.rule_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.as_of.dateChanged.connect(self._on_date_changed)
        self.add_button.clicked.connect(self.add_facility)
        self.edit_button.clicked.connect(self.edit_facility)
        self.delete_button.clicked.connect(self.delete_facility)
        self.table.doubleClicked.connect(lambda _index: self.edit_facility())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection_changed())
        self.model.loaded.connect(self._on_loaded)
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()
        self._load_choices()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in ((self.tr("县区"), self.county_filter), (self.tr("乡镇"), self.township_filter),
                              (self.tr("类型"), self.kind_filter), (self.tr("规则"), self.rule_filter),
                              (self.tr("结果"), self.status_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1 if widget is self.rule_filter else 0)
        actions = QHBoxLayout()
        actions.addWidget(self.search, 1)
        actions.addWidget(QLabel(self.tr("评价日期")))
        actions.addWidget(self.as_of)
        actions.addSpacing(12)
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 390])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

    # -- filter choices ----------------------------------------------------------------------
    def _as_of_date(self) -> date:
        value = self.as_of.date()
        return date(value.year(), value.month(), value.day())

    def _load_choices(self) -> None:
        as_of = self._as_of_date()
        self._runner.query(
            lambda ctx, _p: (health_queries.division_choices(ctx), health_queries.facility_rules(ctx, as_of=as_of)),
            self._fill_choices, lambda exc: show_error(self, exc),
        )

    def _fill_choices(self, result: tuple[list[health_queries.CountyChoice], list[health_queries.FacilityRule]]) -> None:
        self._counties, self._rules = result
        county, rule = self.county_filter.currentData(), self.rule_filter.currentData()
        for combo in (self.county_filter, self.rule_filter):
            combo.blockSignals(True)
            combo.clear()
        self.county_filter.addItem(self.tr("全部县区"), None)
        for choice in self._counties:
            self.county_filter.addItem(choice.name, choice.code)
        self.rule_filter.addItem(self.tr("全部规则"), None)
        for entry in self._rules:
            self.rule_filter.addItem(entry.title, entry.base_id)
            self.rule_filter.setItemData(self.rule_filter.count() - 1, f"{entry.title}\n{entry.citation}",
                                         Qt.ItemDataRole.ToolTipRole)
        self.county_filter.setCurrentIndex(max(0, self.county_filter.findData(county)))
        self.rule_filter.setCurrentIndex(max(0, self.rule_filter.findData(rule)))
        self._fill_townships(self.township_filter.currentData())
        for combo in (self.county_filter, self.rule_filter):
            combo.blockSignals(False)
        self._choices_loaded = True
        if self._pending_filter is not None:
            self.apply_filter(self._pending_filter)
        else:
            self.refresh()

    def _fill_townships(self, selected: str | None = None) -> None:
        county = self.county_filter.currentData()
        self.township_filter.blockSignals(True)
        self.township_filter.clear()
        self.township_filter.addItem(self.tr("全部乡镇"), None)
        for choice in self._counties:
            if choice.code == county:
                for code, name in choice.townships:
                    self.township_filter.addItem(name, code)
        self.township_filter.setCurrentIndex(max(0, self.township_filter.findData(selected)))
        self.township_filter.setEnabled(county is not None)
        self.township_filter.blockSignals(False)

    def _on_county_changed(self, _index: int) -> None:
        self._fill_townships()
        self.refresh()

    def _on_date_changed(self, _value: QDate) -> None:
        self._load_choices()

    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Show the facilities matching ``filters`` (keys county, township, kind, rule, status; a
        rule may be a base or entry id, a status a Status value; an optional ``as_of`` date sets the
        evaluation date). Other filters and the search are cleared."""
        as_of = filters.get("as_of")
        if as_of is not None and as_of != self._as_of_date():
            self.as_of.blockSignals(True)
            self.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
            self.as_of.blockSignals(False)
            self._choices_loaded = False
            self._load_choices()
        if not self._choices_loaded:
            self._pending_filter = {key: value for key, value in filters.items() if key != "as_of"}
            return
        self._pending_filter = None
        rule = filters.get("rule")
        base = next((r.base_id for r in self._rules if rule in (r.rule_id, r.base_id)), None)
        if rule and base is None:  # an entry id not governing the page's date: match its family
            base = next((r.base_id for r in self._rules if str(rule).startswith(f"{r.base_id}@")), None)
        combos = (self.county_filter, self.township_filter, self.kind_filter, self.rule_filter, self.status_filter)
        for combo in combos:
            combo.blockSignals(True)
        self.search.blockSignals(True)
        self.search.clear()
        self.county_filter.setCurrentIndex(max(0, self.county_filter.findData(filters.get("county"))))
        self._fill_townships(filters.get("township"))
        self.township_filter.blockSignals(True)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(filters.get("kind"))))
        self.rule_filter.setCurrentIndex(max(0, self.rule_filter.findData(base)))
        status = filters.get("status")
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(None if status is None else str(status))))
        for combo in combos:
            combo.blockSignals(False)
        self.search.blockSignals(False)
        self.refresh()

    # -- the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list for the current filters (asking for rule-status matches first)."""
        self._search_timer.stop()
        self._codes_generation += 1
        generation = self._codes_generation
        filters: dict[str, Any] = {
            "county": self.county_filter.currentData(),
            "township": self.township_filter.currentData(),
            "kind": self.kind_filter.currentData(),
        }
        search = self.search.text()
        rule, status = self.rule_filter.currentData(), self.status_filter.currentData()
        if rule is None and status is None:
            self.model.set_query(replace(self.model.query, search=search, filters=filters))
            return
        statuses = {Status(status)} if status else set()
        as_of = self._as_of_date()

        def matched(codes: list[str]) -> None:
            if generation == self._codes_generation:
                filters["codes"] = json.dumps(codes)
                self.model.set_query(replace(self.model.query, search=search, filters=filters))

        self._runner.query(
            lambda ctx, _p: health_queries.facility_codes_with_status(ctx, rule_id=rule, statuses=statuses, as_of=as_of),
            matched, lambda exc: show_error(self, exc),
        )

    def _on_loaded(self) -> None:
        self.count_label.setText(self.tr("共 {0} 个机构").format(self.model.rowCount()))
        row = self._row_of(self._selected_code)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._selected_code = None
        self._show_selected()
        self._update_buttons()
        if self._choices_loaded and not self._is_ready:
            self._is_ready = True
            self.ready.emit()

    def _row_of(self, code: str | None) -> int | None:
        if code is None:
            return None
        for row in range(self.model.rowCount()):
            values = self.model.row_values(row)
            if values is None:
                return None
            if values["code"] == code:
                return row
        return None

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(table) for table in FACILITY_INPUTS):
            self.refresh()

    # -- the detail ----------------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        code = self.current_code()
        self._update_buttons()
        if code is None or code == self._selected_code:
            return
        self._selected_code = code
        self._show_selected()

    def _show_selected(self) -> None:
        self._detail_generation += 1
        generation, code, as_of = self._detail_generation, self._selected_code, self._as_of_date()
        self.history.set_facility(code)
        if code is None:
            self.detail.clear()
            return

        def shown(detail: health_queries.FacilityDetail) -> None:
            if generation == self._detail_generation:
                self.detail.show_detail(detail)

        self._runner.query(lambda ctx, _p: health_queries.facility_detail(ctx, code=code, as_of=as_of), shown,
                           lambda exc: show_error(self, exc))

    def show_facility(self, code: str) -> None:
        """Show one facility (e.g. from an inspection visit): clear the filters, search for its code
        and select it once the list has it."""
        self._selected_code = code
        self.apply_filter({})
        self.search.blockSignals(True)
        self.search.setText(code)
        self.search.blockSignals(False)
        self.refresh()

    def current_code(self) -> str | None:
        """The code of the selected facility (None when no loaded row is selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        values = self.model.row_values(rows[0].row())
        return None if values is None else values["code"]

    # -- actions -------------------------------------------------------------------------------
    def apply_role(self, actor: Actor) -> None:
        """Offer adding, editing and deleting facilities only to a role that may edit the health registry."""
        self._role = actor.role
        self._update_buttons()

    def _may_edit(self) -> bool:
        return self._role is None or allowed(self._role, EDIT_HEALTH)

    def _update_buttons(self) -> None:
        has_row = bool(self.table.selectionModel().selectedRows())
        permit_when(self.add_button, self._role, EDIT_HEALTH)
        permit_when(self.edit_button, self._role, EDIT_HEALTH, ready=has_row)
        permit_when(self.delete_button, self._role, EDIT_HEALTH, ready=has_row)

    def _submit(self, operation: Any) -> Any:
        def submit(facility: Facility, done: Any) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            def saved(_changes: Any) -> None:
                self._selected_code = facility.code
                done(None, None)

            self._runner.op(lambda ctx, _p: operation(ctx, facility), saved, failed)

        return submit

    def _open(self, dialog: FacilityDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def add_facility(self) -> None:
        """Open the form for a new facility (placed in the filtered township when one is chosen)."""
        if not self._may_edit():
            return
        township = self.township_filter.currentData()
        submit = self._submit(lambda ctx, f: registry.create_facility(ctx, facility=f))
        self._open(FacilityDialog(self, submit=submit, division_prefix=(township or "")[:9]))

    def edit_facility(self) -> None:
        """Open the selected facility in the form (checked against concurrent changes on save)."""
        code = self.current_code()
        if code is None or not self._may_edit():
            return

        def opened(stored: Any) -> None:
            submit = self._submit(
                lambda ctx, f: registry.update_facility(ctx, facility=f, expected_version=stored.row_version)
            )
            self._open(FacilityDialog(self, submit=submit, facility=stored.facility))

        self._runner.query(lambda ctx, _p: registry.get_facility(ctx, code), opened, lambda exc: show_error(self, exc))

    def delete_facility(self) -> None:
        """Delete the selected facility after confirmation."""
        code = self.current_code()
        if code is None or not self._may_edit():
            return
        answer = QMessageBox.question(self, self.tr("删除医疗机构"),
                                      self.tr("确定删除医疗机构 {0} 吗？此操作会记入审计日志。").format(code))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._runner.op(lambda ctx, _p: registry.delete_facility(ctx, code=code), None,
                        lambda exc: show_error(self, exc))

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()


def _format_facility(key: str, value: Any) -> Any:
    if key in ("kind", "ownership"):
        return vocabulary.display(value)
    if key == "service_population" and value is not None:
        return f"{value:,}"
    return value
