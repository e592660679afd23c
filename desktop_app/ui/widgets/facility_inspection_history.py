"""督导检查记录 of one facility (a tab of the facilities page): its past visits, and for the
selected visit what was found there and the rectification orders it got. ``set_facility(code)``
loads it; double-clicking a visit asks to open it on the 督导检查 page (``open_visit``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.domain.inspections import CLOSED, CONFIRMED, DIFFERS, NOT_CHECKED, is_overdue
from desktop_app.services import inspection_queries as queries
from desktop_app.services.inspection_queries import FacilityHistory, VisitRecord
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.inspection_text import DIFFERS_COLOURS, OVERDUE_COLOURS, deadline_text, shown
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

REFRESH_TABLES = ("inspection_visits", "inspection_findings", "rectification_orders")


class FacilityInspectionHistory(QWidget):
    """The visits of one facility (latest first) with their findings and orders."""

    loaded = Signal()
    open_visit = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._code: str | None = None
        self._history: FacilityHistory | None = None
        self._generation = 0
        self.summary = QLabel(self.tr("选择一个机构，查看其督导检查记录。"))
        self.summary.setWordWrap(True)
        self.visits_model = TextTableModel([self.tr("检查日期"), self.tr("检查编号"), self.tr("检查人员"), self.tr("属实"),
                                            self.tr("不符"), self.tr("未检查"), self.tr("整改（未销号/全部）")],
                                           numeric_columns=[3, 4, 5])
        self.visits = text_table(self.visits_model, stretch=[2], selectable=True)
        self.findings_model = TextTableModel([self.tr("检查项目"), self.tr("结论"), self.tr("登记值"), self.tr("现场值"),
                                              self.tr("登记处理"), self.tr("整改"), self.tr("备注")])
        self.findings = text_table(self.findings_model, stretch=[0, 6])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.visits)
        splitter.addWidget(self.findings)
        splitter.setSizes([160, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.visits.selectionModel().selectionChanged.connect(lambda *_: self._show_findings())
        self.visits.doubleClicked.connect(self._on_double_click)
        runner.op_executed.connect(self._on_op_executed)

    @property
    def facility_code(self) -> str | None:
        """The facility shown."""
        return self._code

    def set_facility(self, code: str | None) -> None:
        """Show the history of the facility with this code (None clears it)."""
        self._code = code
        self.reload()

    def reload(self) -> None:
        """Fetch the history again."""
        self._generation += 1
        generation, code = self._generation, self._code
        if code is None:
            self._show(None)
            return
        self._runner.query(lambda ctx, _p: queries.facility_history(ctx, code=code),
                           lambda history: generation == self._generation and self._show(history),
                           lambda exc: show_error(self, exc))

    def _show(self, history: FacilityHistory | None) -> None:
        self._history = history
        if history is None:
            self.summary.setText(self.tr("选择一个机构，查看其督导检查记录。"))
            self.visits_model.set_rows([])
            self._show_findings()
            self.loaded.emit()
            return
        orders = [o for r in history.visits for o in r.orders]
        open_orders = [o for o in orders if o.status != CLOSED]
        overdue = sum(is_overdue(o.deadline, o.status, history.as_of) for o in orders)
        self.summary.setText(self.tr("{0}：共 {1} 次督导检查，整改通知 {2} 项，未销号 {3} 项，其中已逾期 {4} 项。").format(
            history.facility_name, len(history.visits), len(orders), len(open_orders), overdue))
        rows, colours = [], {}
        for n, record in enumerate(history.visits):
            counts = Counter(f.finding for f in record.findings)
            still_open = sum(o.status != CLOSED for o in record.orders)
            rows.append([record.visit.visited_on.isoformat(), record.visit.id, record.visit.inspectors_text,
                         str(counts[CONFIRMED]), str(counts[DIFFERS]), str(counts[NOT_CHECKED]),
                         f"{still_open}/{len(record.orders)}"])
            if still_open:
                colours[(n, 6)] = OVERDUE_COLOURS
        self.visits_model.set_rows(rows, [r.visit.id for r in history.visits], colours)
        if history.visits:
            self.visits.selectRow(0)
        self._show_findings()
        self.loaded.emit()

    def _current(self) -> VisitRecord | None:
        rows = self.visits.selectionModel().selectedRows()
        if self._history is None or not rows:
            return None
        return self._history.visits[rows[0].row()]

    def _show_findings(self) -> None:
        record, history = self._current(), self._history
        if record is None or history is None:
            self.findings_model.set_rows([])
            return
        orders = {o.rule_id: o for o in record.orders}
        rows: list[list[str]] = []
        colours: dict[tuple[int, int], tuple[str, str]] = {}
        for n, f in enumerate(record.findings):
            order = orders.get(f.rule_id)
            order_text = ""
            if order is not None:
                late = deadline_text(order.deadline, history.as_of, order.status == CLOSED)
                order_text = self.tr("{0} · 期限 {1}").format(shown(order.status), order.deadline.isoformat())
                order_text += f" · {late}" if late else ""
                if is_overdue(order.deadline, order.status, history.as_of):
                    colours[(n, 5)] = OVERDUE_COLOURS
            if f.finding == DIFFERS:
                colours.update({(n, 1): DIFFERS_COLOURS, (n, 3): DIFFERS_COLOURS})
            rows.append([history.rule_titles.get(f.rule_id, f.rule_id), shown(f.finding), f.registry_value,
                         f.value_seen or "", shown(f.registry_decision), order_text, f.remark])
        self.findings_model.set_rows(rows, [f.rule_id for f in record.findings], colours)

    def _on_double_click(self, index: Any) -> None:
        if index.isValid():
            self.open_visit.emit(self.visits_model.key(index.row()))

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if self._code is not None and (touches is None or any(touches(t) for t in REFRESH_TABLES)):
            self.reload()

