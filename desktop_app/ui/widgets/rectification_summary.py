"""整改情况 for the dashboard: per county of the user's scope, rectification orders 待整改, 已报告,
已逾期 and due within 7 days, with a total row. Double-clicking a figure asks to open that work
list (``open_orders(county code or None, view)``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.services import inspection_queries as queries
from desktop_app.services.inspection_queries import RectificationCount
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.inspection_text import DUE_COLOURS, OVERDUE_COLOURS
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

REFRESH_TABLES = ("rectification_orders",)
# The work list each column opens.
COLUMN_VIEWS = (queries.OPEN_VIEW, queries.OPEN_VIEW, queries.REPORTED_VIEW, queries.OVERDUE, queries.DUE)


class RectificationSummary(QWidget):
    """Open and overdue rectifications per county; ``refresh()`` reloads them as of today."""

    loaded = Signal()
    open_orders = Signal(object, str)  # county code (None: every county), work list

    def __init__(self, runner: OpRunner, parent: QWidget | None = None, *, only_with_orders: bool = False):
        super().__init__(parent)
        self._runner = runner
        self._only_with_orders = only_with_orders
        self._generation = 0
        self.counts: list[RectificationCount] = []
        self.title = QLabel(self.tr("督导检查整改情况"))
        self.title.setStyleSheet("font-weight: bold;")
        self.model = TextTableModel([self.tr("县（市、区）"), self.tr("未销号"), self.tr("已报告待销号"), self.tr("已逾期"),
                                     self.tr("7天内到期")], numeric_columns=[1, 2, 3, 4])
        self.table = text_table(self.model, stretch=[0], selectable=True)
        self.table.setToolTip(self.tr("双击数字，打开对应的整改清单"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.table.doubleClicked.connect(self._on_double_click)
        runner.op_executed.connect(self._on_op_executed)
        self.refresh()

    def refresh(self) -> None:
        """Load the counts as of today."""
        self._generation += 1
        generation, today = self._generation, date.today()
        self._runner.query(lambda ctx, _p: queries.rectification_counts(ctx, as_of=today),
                           lambda counts: generation == self._generation and self._show(counts),
                           lambda exc: show_error(self, exc))

    def _show(self, counts: list[RectificationCount]) -> None:
        if self._only_with_orders:
            counts = [c for c in counts if c.open or c.reported]
        self.counts = counts
        rows, keys, colours = [], [], {}
        for n, c in enumerate(counts):
            rows.append([c.county_name, str(c.open + c.reported), str(c.reported), str(c.overdue), str(c.due_soon)])
            keys.append(c.county_code)
            if c.overdue:
                colours[(n, 3)] = OVERDUE_COLOURS
            if c.due_soon:
                colours[(n, 4)] = DUE_COLOURS
        total = [sum(getattr(c, name) for c in counts) for name in ("open", "reported", "overdue", "due_soon")]
        rows.append([self.tr("合计"), str(total[0] + total[1]), str(total[1]), str(total[2]), str(total[3])])
        keys.append(None)
        self.model.set_rows(rows, keys, colours)
        self.loaded.emit()

    def _on_double_click(self, index: Any) -> None:
        if index.isValid():
            self.open_orders.emit(self.model.key(index.row()), COLUMN_VIEWS[index.column()])

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(t) for t in REFRESH_TABLES):
            self.refresh()
