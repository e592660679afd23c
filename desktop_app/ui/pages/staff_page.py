"""人员: the staff list (ID numbers masked, filtered and sorted in SQL), add/edit and the bulk
training entry (for roles that may edit the health registry), and a detail area with the selected
person's training days against the training standards and transfer history."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.health.entities import STAFF_CATEGORIES, STAFF_STATUSES, TRAINING_MODES, StaffMember
from desktop_app.domain.security import EDIT_HEALTH, allowed
from desktop_app.services import health_queries, health_registry, staff_queries
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.staff_dialog import StaffDialog
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.models.paged_table_model import PagedTableModel
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.training_page import TrainingEntry, format_days
from desktop_app.ui.roles import permit_when
from desktop_app.ui.widgets.text_table import TextTableModel

SEARCH_DELAY_MS = 150
STATUS_COLOURS = {"pass": "#1e8449", "fail": "#c0392b", "warn": "#b9770e", "not_applicable": "#7f8c8d",
                  "unknown": "#7f8c8d"}


def _small_table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setMinimumSectionSize(56)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class StaffPage(QWidget):
    """Filter bar, the masked staff list with 新增/编辑/批量录入培训, and the selected person's detail."""

    ready = Signal()
    detail_loaded = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._ready = False
        self._detail_generation = 0
        self._selected_row_id: Any = None
        self._counties: dict[str, health_queries.CountyChoice] = {}
        self._training_entry: TrainingEntry | None = None
        self._actor: Actor | None = None
        self._detail_township: str | None = None
        self._today = date.today()

        self.county_filter = QComboBox()
        self.county_filter.addItem(self.tr("全部县区"), None)
        self.township_filter = QComboBox()
        self.township_filter.addItem(self.tr("全部乡镇"), None)
        self.township_filter.setEnabled(False)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("全部类别"), None)
        for category in STAFF_CATEGORIES:
            self.category_filter.addItem(vocabulary.display(category), category)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in STAFF_STATUSES:
            self.status_filter.addItem(vocabulary.display(status), status)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母或所在机构"))
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("新增"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.training_button = QPushButton(self.tr("批量录入培训"))
        self.count_label = QLabel()

        columns = [
            ("id_number", self.tr("身份证号")),
            ("name", self.tr("姓名")),
            ("sex", self.tr("性别")),
            ("age", self.tr("年龄")),
            ("category", self.tr("人员类别")),
            ("practice_scope", self.tr("执业范围")),
            ("education", self.tr("学历")),
            ("status", self.tr("状态")),
            ("facility", self.tr("所在机构")),
            ("township", self.tr("乡镇（街道）")),
        ]
        self.model = PagedTableModel(runner, staff_queries.staff_list, columns, formatter=_format_staff,
                                     numeric_keys=("age",), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # township, facility, name
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        for column, width in enumerate((170, 80, 60, 50, 120, 90, 100, 60, 200)):
            self.table.setColumnWidth(column, width)

        bar = QHBoxLayout()
        for widget in (self.county_filter, self.township_filter, self.category_filter, self.status_filter):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.training_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([460, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.county_filter.currentIndexChanged.connect(lambda _i: self._on_county_changed())
        for combo in (self.township_filter, self.category_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self._apply_query())
        self.year.currentIndexChanged.connect(lambda _i: self._load_detail())
        self.add_button.clicked.connect(self.add_staff)
        self.edit_button.clicked.connect(self.edit_staff)
        self.training_button.clicked.connect(self.open_training_entry)
        self.table.doubleClicked.connect(lambda _index: self.edit_staff())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection_changed())
        self.model.loaded.connect(self._on_loaded)
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()
        runner.query(lambda ctx, _p: health_queries.division_choices(ctx), self._fill_counties,
                     lambda exc: show_error(self, exc))
        self.model.reload()

    def _build_detail(self) -> QWidget:
        self.detail_title = QLabel(self.tr("请在上方列表中选择一名人员，查看其培训天数与调动记录"))
        self.detail_title.setObjectName("detail_title")
        self.detail_title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.detail_facts = QLabel()
        self.detail_facts.setObjectName("detail_facts")
        self.detail_facts.setWordWrap(True)
        self.year = QComboBox()
        for year in range(self._today.year, 2019, -1):
            self.year.addItem(str(year), year)
        self.training_model = TextTableModel(
            [self.tr("年度"), *(vocabulary.display(m) for m in TRAINING_MODES), self.tr("合计")],
            numeric_columns=range(1, len(TRAINING_MODES) + 2), parent=self)
        self.training_table = _small_table(self.training_model)
        self.rules_label = QLabel()
        self.rules_label.setObjectName("rules")
        self.rules_label.setWordWrap(True)
        self.rules_label.setTextFormat(Qt.TextFormat.RichText)
        self.rules_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.transfer_model = TextTableModel([self.tr("调动日期"), self.tr("调出机构"), self.tr("调入机构")], parent=self)
        self.transfer_table = _small_table(self.transfer_model)
        for column in (1, 2):
            self.transfer_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        training_box = QGroupBox(self.tr("培训天数（近五年）"))
        training_layout = QVBoxLayout(training_box)
        training_layout.addWidget(self.training_table)
        rules_box = QGroupBox(self.tr("培训标准对照"))
        rules_layout = QVBoxLayout(rules_box)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("考核年度")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        rules_layout.addLayout(year_row)
        rules_layout.addWidget(self.rules_label, 1)
        transfer_box = QGroupBox(self.tr("调动记录"))
        transfer_layout = QVBoxLayout(transfer_box)
        transfer_layout.addWidget(self.transfer_table)

        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.detail_title, 0, 0, 1, 3)
        grid.addWidget(self.detail_facts, 1, 0, 1, 3)
        grid.addWidget(training_box, 2, 0)
        grid.addWidget(rules_box, 2, 1)
        grid.addWidget(transfer_box, 2, 2)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(2, 1)
        return detail

    # -- filters and list ---------------------------------------------------------------------
    def _fill_counties(self, counties: list[health_queries.CountyChoice]) -> None:
        self._counties = {c.code: c for c in counties}
        self.county_filter.blockSignals(True)
        for county in counties:
            self.county_filter.addItem(county.name, county.code)
        self.county_filter.blockSignals(False)

    def _on_county_changed(self) -> None:
        code = self.county_filter.currentData()
        self.township_filter.blockSignals(True)
        self.township_filter.clear()
        self.township_filter.addItem(self.tr("全部乡镇"), None)
        for township_code, name in (self._counties[code].townships if code else []):
            self.township_filter.addItem(name, township_code)
        self.township_filter.setEnabled(code is not None)
        self.township_filter.blockSignals(False)
        self._apply_query()

    def _apply_query(self) -> None:
        filters = {
            "county": self.county_filter.currentData(),
            "township": self.township_filter.currentData(),
            "category": self.category_filter.currentData(),
            "status": self.status_filter.currentData(),
        }
        self.model.set_query(replace(self.model.query, search=self.search.text(), filters=filters))

    def _on_loaded(self) -> None:
        self.count_label.setText(self.tr("共 {0} 人").format(self.model.rowCount()))
        if self._selected_row_id is not None:
            row = next((r for r in range(self.model.rowCount()) if self.model.row_id(r) == self._selected_row_id), None)
            if row is not None:
                self.table.selectRow(row)
            else:
                self.table.clearSelection()
        self._on_selection_changed()
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or touches("staff") or touches("facilities"):
            self.model.reload()
        elif touches("training"):
            self._load_detail()

    def reload(self) -> None:
        """Fetch the list (and the selected person's detail) again."""
        self.model.reload()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    # -- detail ---------------------------------------------------------------------------------
    def _current_row_id(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def _on_selection_changed(self) -> None:
        self._selected_row_id = self._current_row_id()
        self._update_buttons()
        self._load_detail()

    def _load_detail(self) -> None:
        self._detail_generation += 1
        generation, row_id, year = self._detail_generation, self._selected_row_id, self.year.currentData()
        if row_id is None:
            self._show_detail(None)
            self.detail_loaded.emit()
            return

        def shown(detail: staff_queries.StaffDetail) -> None:
            if generation == self._detail_generation:
                self._show_detail(detail)
                self.detail_loaded.emit()

        self._runner.query(lambda ctx, _p: staff_queries.staff_detail(ctx, row_id=row_id, year=year), shown,
                           lambda exc: show_error(self, exc))

    def _show_detail(self, detail: staff_queries.StaffDetail | None) -> None:
        self._detail_township = detail.township_code if detail else None
        if detail is None:
            self.detail_title.setText(self.tr("请在上方列表中选择一名人员，查看其培训天数与调动记录"))
            self.detail_facts.clear()
            self.training_model.set_rows([])
            self.transfer_model.set_rows([])
            self.rules_label.clear()
            return
        self.detail_title.setText(f"{detail.name}　{detail.masked_id}")
        facts = [
            vocabulary.display(detail.sex),
            self.tr("{0} 出生，{1} 岁").format(detail.birth_date.isoformat(), detail.age) if detail.birth_date else "",
            vocabulary.display(detail.category),
            vocabulary.display(detail.status),
            self.tr("退出日期 {0}").format(detail.left_on.isoformat()) if detail.left_on else "",
            self.tr("所在机构：{0}（{1}）").format(detail.facility_name, detail.facility_code),
        ]
        self.detail_facts.setText("　".join(f for f in facts if f))
        rows = [[str(t.year), *(format_days(t.days.get(m)) for m in TRAINING_MODES), format_days(t.total)]
                for t in reversed(detail.training)]
        self.training_model.set_rows(rows, bold_rows=[0])
        self.transfer_model.set_rows([
            [t.transferred_on, t.from_name or t.from_code, t.to_name or t.to_code] for t in reversed(detail.transfers)
        ])
        lines = [self.tr("按 {0} 的数据判断：").format(detail.as_of.isoformat())]
        for line in detail.rules:
            status = line.result.status.value
            colour = STATUS_COLOURS.get(status, "#333")
            lines.append(
                f"<p style='margin:4px 0'><b style='color:{colour}'>●&nbsp;{html.escape(self._status_text(status))}</b>"
                f"&nbsp;{html.escape(line.title)}<br><span style='color:#333'>{html.escape(line.result.message)}</span></p>"
            )
        if not detail.rules:
            lines.append(self.tr("本年度无适用的培训标准结果"))
        self.rules_label.setText("".join(lines))

    def _status_text(self, status: str) -> str:
        return {
            "pass": self.tr("达标"),
            "fail": self.tr("未达标"),
            "warn": self.tr("预警"),
            "not_applicable": self.tr("不适用"),
            "unknown": self.tr("无法判断"),
        }.get(status, status)

    # -- actions --------------------------------------------------------------------------------
    def apply_role(self, actor: Actor) -> None:
        """Offer adding and editing people and the bulk training entry only to a role that may
        edit the health registry (an open training entry becomes read only otherwise)."""
        self._actor = actor
        self._update_buttons()
        if self._training_entry is not None:
            self._training_entry.apply_role(actor)

    def _may_edit(self) -> bool:
        return self._actor is None or allowed(self._actor.role, EDIT_HEALTH)

    def _update_buttons(self) -> None:
        role = self._actor.role if self._actor else None
        permit_when(self.add_button, role, EDIT_HEALTH)
        permit_when(self.edit_button, role, EDIT_HEALTH, ready=self._selected_row_id is not None)
        permit_when(self.training_button, role, EDIT_HEALTH)

    def _submit(self, operation: Any) -> Any:
        def submit(member: StaffMember, done: Any) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: operation(ctx, member), lambda _r: done(None, None), failed)

        return submit

    def add_staff(self) -> None:
        """Open the form for a new person."""
        if not self._may_edit():
            return

        def opened(facilities: list[staff_queries.FacilityChoice]) -> None:
            submit = self._submit(lambda ctx, m: health_registry.create_staff(ctx, member=m))
            StaffDialog(self, submit=submit, facilities=facilities).exec()

        self._runner.query(lambda ctx, _p: staff_queries.facility_choices(ctx), opened, lambda exc: show_error(self, exc))

    def edit_staff(self) -> None:
        """Open the selected person in the form (checked against concurrent changes on save)."""
        row_id = self._selected_row_id
        if row_id is None or not self._may_edit():
            return

        def load(ctx: Any, _p: Any) -> tuple[Any, list[staff_queries.FacilityChoice]]:
            return staff_queries.staff_for_edit(ctx, row_id=row_id), staff_queries.facility_choices(ctx)

        def opened(result: tuple[Any, list[staff_queries.FacilityChoice]]) -> None:
            stored, facilities = result
            submit = self._submit(lambda ctx, m: health_registry.update_staff(
                ctx, member=m, expected_version=stored.row_version))
            StaffDialog(self, submit=submit, facilities=facilities, member=stored.member).exec()

        self._runner.query(load, opened, lambda exc: show_error(self, exc))

    def open_training_entry(self) -> TrainingEntry:
        """Open (or raise) the bulk training entry window on the township of the filter (else of
        the selected person)."""
        if self._training_entry is None:
            township = self.township_filter.currentData() or self._detail_township
            entry = TrainingEntry(self._runner, self, township_code=township, year=self.year.currentData())
            entry.setWindowFlag(Qt.WindowType.Window)
            entry.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            entry.destroyed.connect(lambda *_: setattr(self, "_training_entry", None))
            entry.resize(1000, 640)
            if self._actor is not None:
                entry.apply_role(self._actor)
            self._training_entry = entry
        self._training_entry.show()
        self._training_entry.raise_()
        self._training_entry.activateWindow()
        return self._training_entry


def _format_staff(key: str, value: Any) -> Any:
    if key in ("sex", "category", "practice_scope", "education", "status"):
        return vocabulary.display(value)
    return value
