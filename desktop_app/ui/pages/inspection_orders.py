"""整改跟踪: the rectification work lists (open, due within 7 days, overdue, reported, closed, all)
by county and facility, each order's steps, and the actions report completion / close / reopen,
the 整改通知书 and a jump to the facility. Overdue orders show red, those due soon amber."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.inspections import CLOSED, OPEN, REPORTED, OrderEvent
from desktop_app.domain.security import EDIT_HEALTH, PRINT
from desktop_app.services import inspection_queries as queries
from desktop_app.services import inspections
from desktop_app.services.inspection_queries import OrderLine
from desktop_app.ui.dialogs.inspection_dialogs import OrderStepDialog
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.models.row_table_model import RowTableModel
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.roles import permit_when
from desktop_app.ui.widgets.inspection_text import CLOSED_COLOURS, DUE_COLOURS, OVERDUE_COLOURS, deadline_text, shown
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

REFRESH_TABLES = ("rectification_orders", "inspection_findings", "inspection_visits", "facilities")


class OrderLinesModel(RowTableModel):
    """The orders of a work list; overdue red, due soon amber, closed grey."""

    def __init__(self, parent: Any = None):
        super().__init__([self.tr("整改期限"), self.tr("剩余"), self.tr("状态"), self.tr("机构"), self.tr("县区"),
                          self.tr("乡镇"), self.tr("整改项目"), self.tr("责任人"), self.tr("检查编号")], parent)
        self.as_of = date.today()

    def set_rows(self, rows: Sequence[OrderLine], as_of: date) -> None:  # type: ignore[override]
        """Show these orders, judged as of ``as_of``."""
        self.as_of = as_of
        super().set_rows(rows)

    def line(self, row: int) -> OrderLine:
        """The order shown at ``row``."""
        return self.row(row)

    def row_of(self, order_id: int) -> int | None:
        """Where an order is shown, if it is."""
        return self.row_where(lambda line: line.order.id == order_id)

    def cells(self, line: OrderLine) -> list[str]:
        o = line.order
        return [o.deadline.isoformat(), deadline_text(o.deadline, self.as_of, o.status == CLOSED), shown(o.status),
                line.facility_name, line.county_name, line.township_name, line.rule_title, o.responsible or self.tr("（未指定）"),
                o.visit_id]

    def tooltip(self, line: OrderLine, column: int) -> str | None:
        return line.order.requirement or line.order.completion_note or None

    def colours(self, line: OrderLine) -> tuple[str, str] | None:
        return (OVERDUE_COLOURS if line.overdue else DUE_COLOURS if line.due_soon
                else CLOSED_COLOURS if line.order.status == CLOSED else None)


class OrdersPanel(QWidget):
    """Work-list filters, the orders, the steps of the selected one and its actions."""

    loaded = Signal()
    open_facility = Signal(str)
    notice_requested = Signal(str, str)  # visit id, facility code

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._role: str | None = None
        self._generation = 0
        self._events_generation = 0
        self._lines: list[OrderLine] = []
        self._as_of = date.today()
        self.view_filter = QComboBox()
        for view, label in ((queries.OPEN_VIEW, self.tr("未销号")), (queries.DUE, self.tr("7天内到期")),
                            (queries.OVERDUE, self.tr("已逾期")), (queries.REPORTED_VIEW, self.tr("已报告待销号")),
                            (queries.CLOSED_VIEW, self.tr("已销号")), (queries.ALL, self.tr("全部"))):
            self.view_filter.addItem(label, view)
        self.county_filter = QComboBox()
        self.county_filter.addItem(self.tr("全部县区"), None)
        self.facility_search = QLineEdit()
        self.facility_search.setPlaceholderText(self.tr("机构名称或编码"))
        self.facility_search.setClearButtonEnabled(True)
        self.report_button = QPushButton(self.tr("报告整改完成…"))
        self.close_button = QPushButton(self.tr("销号…"))
        self.reopen_button = QPushButton(self.tr("重新打开…"))
        self.notice_button = QPushButton(self.tr("整改通知书"))
        self.facility_button = QPushButton(self.tr("查看机构"))
        self.model = OrderLinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.events_model = TextTableModel([self.tr("日期"), self.tr("步骤"), self.tr("状态"), self.tr("说明"), self.tr("经办人")])
        self.events = text_table(self.events_model, stretch=[3])
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.count_label = QLabel()
        self._build_layout()
        self.view_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.county_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.facility_search.textChanged.connect(lambda _t: self._show_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _i: self._open_facility())
        self.report_button.clicked.connect(lambda: self.step(OrderStepDialog.REPORT))
        self.close_button.clicked.connect(lambda: self.step(OrderStepDialog.CLOSE))
        self.reopen_button.clicked.connect(lambda: self.step(OrderStepDialog.REOPEN))
        self.notice_button.clicked.connect(self._request_notice)
        self.facility_button.clicked.connect(self._open_facility)
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in ((self.tr("清单"), self.view_filter), (self.tr("县区"), self.county_filter),
                              (self.tr("机构"), self.facility_search)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.report_button, self.close_button, self.reopen_button, self.notice_button, self.facility_button):
            actions.addWidget(button)
        actions.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.detail_label)
        lower_layout.addWidget(self.events, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    def set_counties(self, counties: Sequence[tuple[str, str]]) -> None:
        """The county picker's entries (code, name) of the user's scope."""
        selected = self.county_filter.currentData()
        self.county_filter.blockSignals(True)
        self.county_filter.clear()
        self.county_filter.addItem(self.tr("全部县区"), None)
        for code, name in counties:
            self.county_filter.addItem(name, code)
        self.county_filter.setCurrentIndex(max(0, self.county_filter.findData(selected)))
        self.county_filter.blockSignals(False)

    def set_filter(self, *, view: str | None = None, county: str | None = None, facility: str | None = None) -> None:
        """Show a work list (``open``, ``due``, ``overdue``, ``reported``, ``closed``, ``all``) of a
        county (None: every county) and, with ``facility``, of the facilities whose name or code
        contains that text."""
        for combo, value in ((self.view_filter, view), (self.county_filter, county)):
            if value is not None or combo is self.county_filter:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                combo.blockSignals(False)
        self.facility_search.blockSignals(True)
        self.facility_search.setText(facility or "")
        self.facility_search.blockSignals(False)
        self.refresh()

    def apply_role(self, role: str) -> None:
        """Offer the order steps to a role that may edit the health registry."""
        self._role = role
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the chosen work list as of today."""
        self._generation += 1
        generation, view, county, today = self._generation, self.view_filter.currentData(), self.county_filter.currentData(), date.today()
        self._runner.query(lambda ctx, _p: queries.work_list(ctx, as_of=today, view=view, county=county),
                           lambda lines: self._on_lines(generation, lines, today), lambda exc: show_error(self, exc))

    def _on_lines(self, generation: int, lines: list[OrderLine], as_of: date) -> None:
        if generation != self._generation:
            return
        self._lines, self._as_of = lines, as_of
        self._show_rows()
        self.loaded.emit()

    def _show_rows(self) -> None:
        selected = self.current_line()
        text = self.facility_search.text().strip().lower()
        lines = [l for l in self._lines if not text or text in l.facility_name.lower() or text in l.order.facility_code.lower()]
        self.model.set_rows(lines, self._as_of)
        row = self.model.row_of(selected.order.id) if selected else None
        if row is not None:
            self.table.selectRow(row)
        self.count_label.setText(self.tr("共 {0} 项：已逾期 {1}，7天内到期 {2}，已报告待销号 {3}").format(
            len(lines), sum(l.overdue for l in lines), sum(l.due_soon for l in lines),
            sum(l.order.status == REPORTED for l in lines)))
        self._show_selected()

    def current_line(self) -> OrderLine | None:
        """The selected order."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.line(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        self._update_buttons()
        line = self.current_line()
        self._events_generation += 1
        generation = self._events_generation
        if line is None:
            self.detail_label.setText(self.tr("选择一项整改，查看其下达、报告、销号的经过。"))
            self.events_model.set_rows([])
            return
        o = line.order
        self.detail_label.setText(self.tr("{0} · {1}：{2}（检查日期 {3}）").format(
            line.facility_name, line.rule_title, o.requirement or self.tr("按标准整改到位"), line.visited_on.isoformat()))

        def shown_events(events: list[OrderEvent]) -> None:
            if generation == self._events_generation:
                self.events_model.set_rows([[e.on_date.isoformat(), self._event_word(e.action), shown(e.to_status), e.note,
                                             e.actor] for e in events])

        self._runner.query(lambda ctx, _p: queries.order_events(ctx, order_id=o.id), shown_events,
                           lambda exc: show_error(self, exc))

    def _event_word(self, action: str) -> str:
        words = {"open": self.tr("下达"), "report": self.tr("报告完成"), "close": self.tr("销号"),
                 "reopen": self.tr("重新打开"), "deadline": self.tr("修改期限")}
        return words.get(action, action)

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(t) for t in REFRESH_TABLES):
            self.refresh()

    def _update_buttons(self) -> None:
        line = self.current_line()
        status = line.order.status if line else None
        permit_when(self.report_button, self._role, EDIT_HEALTH, ready=status == OPEN)
        permit_when(self.close_button, self._role, EDIT_HEALTH, ready=status == REPORTED)
        permit_when(self.reopen_button, self._role, EDIT_HEALTH, ready=status in (REPORTED, CLOSED))
        permit_when(self.notice_button, self._role, PRINT, ready=line is not None)
        self.facility_button.setEnabled(line is not None)

    # -- actions -------------------------------------------------------------------------------
    def step(self, step: str) -> OrderStepDialog | None:
        """Open the dialog of one step of the selected order."""
        line = self.current_line()
        if line is None:
            return None
        operations: dict[str, Callable[..., Any]] = {OrderStepDialog.REPORT: inspections.report_completion,
                                                     OrderStepDialog.CLOSE: inspections.close_order,
                                                     OrderStepDialog.REOPEN: inspections.reopen_order}
        operation = operations[step]

        def submit(values: dict[str, Any], done: Callable[[dict[str, str] | None, str | None], None]) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: operation(ctx, **values), lambda _c: done(None, None), failed)

        summary = self.tr("{0} · {1} · 期限 {2} · {3}").format(line.facility_name, line.rule_title,
                                                             line.order.deadline.isoformat(), shown(line.order.status))
        dialog = OrderStepDialog(self, submit, step=step, order_id=line.order.id, summary=summary,
                                 deadline=line.order.deadline)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _request_notice(self) -> None:
        line = self.current_line()
        if line is not None:
            self.notice_requested.emit(line.order.visit_id, line.order.facility_code)

    def _open_facility(self) -> None:
        line = self.current_line()
        if line is not None:
            self.open_facility.emit(line.order.facility_code)

