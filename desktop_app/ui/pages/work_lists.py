"""工作清单: the counter's queues — my pending cases, due within 2 working days, overdue, all —
each with its count, narrowed by status, measure and a search (receipt number, credit code, ID,
business name or initials). The queries come from the services; ID numbers arrive masked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.business.entities import APPLICATION_STATUSES
from desktop_app.domain.money import format_yuan
from desktop_app.services import applications, desk_queries
from desktop_app.ui import vocabulary
from desktop_app.ui.errors import show_error
from desktop_app.ui.widgets.list_model import ListModel
from desktop_app.ui.ops import OpRunner

SEARCH_DELAY_MS = 150
LIST_INPUTS = (applications.TABLE, "businesses", "work_calendar")


class WorkListsPanel(QWidget):
    """Queues on the left, the chosen queue's cases on the right; ``case_selected`` carries a receipt
    number, ``refreshed`` follows the list's load for the latest :meth:`refresh`."""

    ready = Signal()
    refreshed = Signal()
    case_selected = Signal(object)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._ready = False
        self._generation = 0
        self._applied = -1
        self._titles: dict[str, str] = {}
        self._selected: str | None = None

        self.queues = QListWidget()
        self.queues.setObjectName("queues")
        self.queues.setMaximumWidth(190)
        for kind in desk_queries.WORK_LIST_KINDS:
            item = QListWidgetItem(self._queue_title(kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.queues.addItem(item)
        self.queues.setCurrentRow(0)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in APPLICATION_STATUSES:
            self.status_filter.addItem(vocabulary.display(status), status)
        self.measure_filter = QComboBox()
        self.measure_filter.addItem(self.tr("全部政策"), None)
        self.measure_filter.setMinimumContentsLength(14)
        self.measure_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(self.tr("搜索：受理编号、信用代码、身份证号、名称或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()

        columns = [
            ("receipt_no", self.tr("受理编号")), ("policy_id", self.tr("政策")), ("applicant", self.tr("申请主体")),
            ("uscc", self.tr("信用代码")), ("id_number", self.tr("身份证号")), ("received_on", self.tr("受理日期")),
            ("status", self.tr("状态")), ("promised_on", self.tr("承诺办结")), ("handler", self.tr("办理人")),
            ("eligible", self.tr("系统判定")), ("amount_fen", self.tr("金额（元）")), ("overridden", self.tr("特批")),
        ]
        self.model = ListModel(runner, applications.application_list, columns, formatter=self._format,
                               numeric_keys=("amount_fen",), unsortable=("id_number",), parent=self)
        self.table = QTableView()
        self.table.setObjectName("cases")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column, width in enumerate((145, 170, 120, 150, 130, 84, 56, 84, 70, 64, 84, 40)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)

        bar = QHBoxLayout()
        bar.addWidget(self.status_filter)
        bar.addWidget(self.measure_filter)
        bar.addWidget(self.search, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(bar)
        right.addWidget(self.table, 1)
        right.addWidget(self.count_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.queues)
        layout.addLayout(right, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.queues.currentRowChanged.connect(lambda _r: self.refresh())
        for combo in (self.status_filter, self.measure_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection_changed())
        self.model.loaded.connect(self._on_loaded)
        runner.op_executed.connect(self._on_op_executed)
        runner.query(lambda ctx, _p: desk_queries.policy_titles(ctx), self._fill_measures, lambda exc: show_error(self, exc))

    def _queue_title(self, kind: str, count: int | None = None) -> str:
        title = {
            "mine": self.tr("我的待办"),
            "due_soon": self.tr("2个工作日内到期"),
            "overdue": self.tr("已超期"),
            "all": self.tr("全部申请"),
        }[kind]
        return title if count is None else self.tr("{0}（{1}）").format(title, count)

    def _fill_measures(self, titles: dict[str, str]) -> None:
        self._titles = titles
        self.measure_filter.blockSignals(True)
        for rule_id, title in titles.items():
            if "@" not in rule_id:
                self.measure_filter.addItem(title, rule_id)
        self.measure_filter.blockSignals(False)
        self.refresh()

    def _format(self, key: str, value: Any) -> Any:
        if key == "policy_id":
            return self._titles.get(value, value)
        if key == "status":
            return vocabulary.display(value)
        if key == "eligible":
            return "" if value is None else (self.tr("符合") if value else self.tr("不符合"))
        if key == "amount_fen":
            return "" if value is None else format_yuan(value)
        if key == "overridden":
            return self.tr("特批") if value else ""
        return value

    # -- queries -----------------------------------------------------------------------------------
    def current_kind(self) -> str:
        """The chosen queue (``mine``, ``due_soon``, ``overdue`` or ``all``)."""
        item = self.queues.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "all"

    def show_queue(self, kind: str, *, search: str = "") -> None:
        """Show a queue with a search text (other filters cleared)."""
        for combo in (self.status_filter, self.measure_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(search)
        self.search.blockSignals(False)
        self.queues.blockSignals(True)
        self.queues.setCurrentRow(list(desk_queries.WORK_LIST_KINDS).index(kind))
        self.queues.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Ask the services for the queue's query, then load it; the counts are refreshed too."""
        self._search_timer.stop()
        self._generation += 1
        generation, kind, search = self._generation, self.current_kind(), self.search.text()
        filters = {"status": self.status_filter.currentData(), "policy": self.measure_filter.currentData()}

        def work(ctx: Any, _p: Any) -> tuple[Any, dict[str, int]]:
            return (desk_queries.work_list_query(ctx, kind=kind, search=search, filters=filters),
                    desk_queries.work_list_counts(ctx))

        def loaded(result: tuple[Any, dict[str, int]]) -> None:
            query, counts = result
            for row in range(self.queues.count()):
                item = self.queues.item(row)
                item.setText(self._queue_title(item.data(Qt.ItemDataRole.UserRole), counts[item.data(Qt.ItemDataRole.UserRole)]))
            if generation == self._generation:
                self._applied = generation
                self.model.set_query(query)

        self._runner.query(work, loaded, lambda exc: show_error(self, exc))

    def _on_loaded(self) -> None:
        self.count_label.setText(self.tr("共 {0} 件").format(self.model.rowCount()))
        row = next((r for r in range(self.model.rowCount())
                    if (self.model.row_values(r) or {}).get("receipt_no") == self._selected), None)
        if row is not None:
            self.table.selectRow(row)
        if self._applied == self._generation:
            self.refreshed.emit()
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(table) for table in LIST_INPUTS):
            self.refresh()

    # -- selection ---------------------------------------------------------------------------------
    def current_receipt(self) -> str | None:
        """The receipt number of the selected case (None when nothing loaded is selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        values = self.model.row_values(rows[0].row())
        return None if values is None else values["receipt_no"]

    def _on_selection_changed(self) -> None:
        receipt = self.current_receipt()
        if receipt is not None and receipt != self._selected:
            self._selected = receipt
            self.case_selected.emit(receipt)

    def select_receipt(self, receipt_no: str) -> None:
        """Remember a case to highlight when it appears in the list."""
        self._selected = receipt_no
