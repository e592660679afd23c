"""政策目录: the ib./emp. catalogue entries (successors included) with source, window, state,
parameters (amounts), facts and materials; administrators add a successor entry, retire an entry
and set a measure's promised working days. Further tabs: county amounts and the working-day
calendar (:mod:`policy_settings`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationError
from desktop_app.services import desk_admin, desk_queries
from desktop_app.services.desk_queries import CatalogueRow
from desktop_app.ui.dialogs.form_dialog import Done, FormDialog, Submit
from desktop_app.ui.dialogs.policy_dialogs import RetireDialog, SuccessorDialog, param_label
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.policy_settings import CalendarPanel, CountyAmountsPanel
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

CATALOGUE_INPUTS = ("catalogue_entries", "catalogue_retirements", "measure_settings")
STATE_COLOURS = {
    desk_queries.IN_FORCE: ("#1e7b45", "#e6f5ec"),
    desk_queries.EXPIRED: ("#626f70", "#f0f1f2"),
    desk_queries.UPCOMING: ("#1f5f8b", "#e6f0f8"),
    desk_queries.RETIRED: ("#a93226", "#fdecea"),
}


def state_label(state: str) -> str:
    """The translated name of an entry state."""
    labels = {
        desk_queries.IN_FORCE: QCoreApplication.translate("PolicyPage", "生效中"),
        desk_queries.EXPIRED: QCoreApplication.translate("PolicyPage", "已到期"),
        desk_queries.UPCOMING: QCoreApplication.translate("PolicyPage", "未生效"),
        desk_queries.RETIRED: QCoreApplication.translate("PolicyPage", "已停止执行"),
    }
    return labels.get(state, state)


def fact_type_label(kind: str) -> str:
    """The translated name of a fact type."""
    labels = {
        "yes_no": QCoreApplication.translate("PolicyPage", "是/否"),
        "integer": QCoreApplication.translate("PolicyPage", "整数"),
        "money": QCoreApplication.translate("PolicyPage", "金额（元）"),
        "date": QCoreApplication.translate("PolicyPage", "日期"),
        "year": QCoreApplication.translate("PolicyPage", "年度"),
        "choice": QCoreApplication.translate("PolicyPage", "选项"),
        "id_list": QCoreApplication.translate("PolicyPage", "身份证号列表"),
    }
    return labels.get(kind, kind)


class CatalogueEntriesPanel(QWidget):
    """The entries table and the selected entry's parameters, facts, materials and promised days."""

    loaded = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._selected: str | None = None
        self.model = TextTableModel([self.tr("条目编号"), self.tr("名称"), self.tr("文件依据"), self.tr("有效期"), self.tr("状态"),
                                     self.tr("承诺时限（工作日）")], numeric_columns=[5], parent=self)
        self.table = text_table(self.model, stretch=[1], selectable=True)
        self.table.setObjectName("catalogue")
        self.successor_button = QPushButton(self.tr("新增后续条目…"))
        self.retire_button = QPushButton(self.tr("停止执行…"))
        self.title = QLabel()
        self.title.setObjectName("entry_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.params_model = TextTableModel([self.tr("参数"), self.tr("值")], parent=self)
        self.facts_model = TextTableModel([self.tr("申请事实"), self.tr("类型")], parent=self)
        self.materials_model = TextTableModel([self.tr("申请材料"), self.tr("证明的条件")], parent=self)
        self.promised = QSpinBox()
        self.promised.setObjectName("promised_days")
        self.promised.setRange(1, desk_admin.MAX_PROMISED_DAYS)
        self.promised.setSuffix(self.tr(" 个工作日"))
        self.promised_button = QPushButton(self.tr("保存时限"))
        self.promised_default = QPushButton(self.tr("恢复默认（{0}个工作日）").format(desk_admin.DEFAULT_PROMISED_DAYS))
        self.message = QLabel()
        self.message.setObjectName("entry_message")
        self.message.setWordWrap(True)

        bar = QHBoxLayout()
        note = QLabel(self.tr("同一政策的后续条目沿用原判定方式，按受理日期选用生效的条目。"))
        note.setStyleSheet("color: #555;")
        bar.addWidget(note, 1)
        bar.addWidget(self.successor_button)
        bar.addWidget(self.retire_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        tables = QHBoxLayout()
        for title, model, stretch, weight in ((self.tr("参数（金额等）"), self.params_model, [1], 2),
                                              (self.tr("受理时填写的申请事实"), self.facts_model, [0], 2),
                                              (self.tr("申请材料清单"), self.materials_model, [0, 1], 4)):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(text_table(model, stretch=stretch, wrap=model is not self.facts_model))
            tables.addWidget(box, weight)
        promised_row = QHBoxLayout()
        promised_row.addWidget(QLabel(self.tr("承诺办结时限")))
        promised_row.addWidget(self.promised)
        promised_row.addWidget(self.promised_button)
        promised_row.addWidget(self.promised_default)
        promised_row.addWidget(self.message, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.title)
        bottom_layout.addLayout(tables, 1)
        bottom_layout.addLayout(promised_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.successor_button.clicked.connect(self.add_successor)
        self.retire_button.clicked.connect(self.retire)
        self.promised_button.clicked.connect(lambda: self._set_promised(self.promised.value()))
        self.promised_default.clicked.connect(lambda: self._set_promised(None))
        runner.op_executed.connect(self._on_op_executed)
        self._show_selected()
        self.reload()

    def reload(self) -> None:
        """Fetch the entries again (keeping the selection)."""
        self._runner.query(lambda ctx, _p: desk_queries.catalogue_rows(ctx), self._show, lambda exc: show_error(self, exc))

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(table) for table in CATALOGUE_INPUTS):
            self.reload()

    def _show(self, rows: list[CatalogueRow]) -> None:
        self.model.set_rows([[r.entry_id, r.title, r.citation, r.window, state_label(r.state), str(r.promised_days)] for r in rows],
                            keys=rows, colours={(i, 4): STATE_COLOURS[r.state] for i, r in enumerate(rows)})
        for row, entry in enumerate(rows):
            if entry.entry_id == self._selected:
                self.table.selectRow(row)
        if self.current() is None and rows:
            self.table.selectRow(0)
        self.loaded.emit()

    def current(self) -> CatalogueRow | None:
        """The selected entry, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.key(rows[0].row()) if rows else None

    def select_entry(self, entry_id: str) -> None:
        """Make the entry with this id the current one (when it is listed)."""
        for row in range(self.model.rowCount()):
            if self.model.key(row).entry_id == entry_id:
                self.table.selectRow(row)

    def _show_selected(self) -> None:
        row = self.current()
        for widget in (self.successor_button, self.retire_button, self.promised, self.promised_button, self.promised_default):
            widget.setEnabled(row is not None)
        if row is None:
            self.title.clear()
            for model in (self.params_model, self.facts_model, self.materials_model):
                model.set_rows([])
            return
        self._selected = row.entry_id
        title = self.tr("{0}　{1}　{2}　有效期 {3}").format(row.entry_id, row.title, row.citation, row.window)
        if row.retired:
            title += self.tr("　已于 {0} 停止执行：{1}").format(row.retired[0].isoformat(), row.retired[1])
        self.title.setText(title)
        self.params_model.set_rows([[f"{param_label(name)}", text] for name, text, _raw in row.params])
        self.facts_model.set_rows([[f.label, fact_type_label(f.type)] for f in row.facts] or [[self.tr("（无需填写）"), ""]])
        self.materials_model.set_rows([[m.name, m.proves] for m in row.materials])
        self.promised.setValue(row.promised_days)

    # -- administration ------------------------------------------------------------------------
    def _submit_for(self, operation: Any, new_selection: Any = None) -> Submit:
        """A dialog's submit: run ``operation(ctx, **values)``; refusals go back next to the fields."""
        def submit(values: dict[str, Any], done: Done) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            def saved(_changes: Any) -> None:
                if new_selection is not None:
                    self._selected = new_selection(values)
                done(None, None)

            self._runner.op(lambda ctx, _p: operation(ctx, **values), saved, failed)

        return submit

    @staticmethod
    def _open(dialog: FormDialog) -> FormDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_successor(self) -> FormDialog | None:
        """Open the successor form for the selected entry (the new entry is selected after saving)."""
        row = self.current()
        if row is None:
            return None
        submit = self._submit_for(desk_admin.add_successor_entry, lambda v: f"{row.base_id}@{v['suffix']}")
        return self._open(SuccessorDialog(self, row=row, submit=submit))

    def retire(self) -> FormDialog | None:
        """Open the retirement form for the selected entry."""
        row = self.current()
        if row is None:
            return None
        return self._open(RetireDialog(self, row=row, submit=self._submit_for(desk_admin.retire_entry)))

    def _set_promised(self, days: int | None) -> None:
        row = self.current()
        if row is None:
            return

        def saved(_changes: Any) -> None:
            self.message.setText(self.tr("已保存"))
            self.message.setStyleSheet("color: #1e7b45;")

        def failed(exc: BaseException) -> None:
            self.message.setText(message_for(exc))
            self.message.setStyleSheet("color: #c0392b;")

        self._runner.op(lambda ctx, _p: desk_admin.set_promised_working_days(ctx, base_id=row.base_id, days=days), saved, failed)


class PolicyPage(QWidget):
    """Tabs: catalogue entries, county amounts, working-day calendar; ``ready`` after the entries load."""

    ready = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ready = False
        self.entries = CatalogueEntriesPanel(runner)
        self.amounts = CountyAmountsPanel(runner)
        self.calendar = CalendarPanel(runner)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entries, self.tr("政策条目"))
        self.tabs.addTab(self.amounts, self.tr("县区金额"))
        self.tabs.addTab(self.calendar, self.tr("工作日历"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.entries.loaded.connect(self._on_loaded)

    def _on_loaded(self) -> None:
        if not self._ready:
            self._ready = True
            self.ready.emit()
