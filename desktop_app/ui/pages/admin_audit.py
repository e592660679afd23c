"""系统管理 → 审计记录: the audit trail filtered by user, date range, table, record key and action
(in SQL, newest first, paged), the result of the chain check, and the export of the filtered
rows to Excel (in the background). Only the 系统管理员 role may read it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor
from desktop_app.domain.security import MANAGE_USERS, allowed
from desktop_app.services import audit_queries
from desktop_app.services.audit_queries import ACTION_LABELS, TABLE_LABELS, AuditFilter
from desktop_app.ui.errors import show_error
from desktop_app.ui.models.paged_table_model import PagedTableModel
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.roles import permit

SEARCH_DELAY_MS = 300
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as 不限
CONTEXT = "AuditVocabulary"
_MARKED = (  # the Chinese labels of audit_queries.ACTION_LABELS and TABLE_LABELS, for translation
    QT_TRANSLATE_NOOP("AuditVocabulary", "登录"), QT_TRANSLATE_NOOP("AuditVocabulary", "登录失败"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "创建首个管理员"), QT_TRANSLATE_NOOP("AuditVocabulary", "新增"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "修改"), QT_TRANSLATE_NOOP("AuditVocabulary", "删除"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "重置密码"), QT_TRANSLATE_NOOP("AuditVocabulary", "修改密码"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "载入区划代码"), QT_TRANSLATE_NOOP("AuditVocabulary", "生成示例数据"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "导入工作簿"), QT_TRANSLATE_NOOP("AuditVocabulary", "导入新增"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "导入修改"), QT_TRANSLATE_NOOP("AuditVocabulary", "保存培训记录"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "受理申请"), QT_TRANSLATE_NOOP("AuditVocabulary", "补正材料通知"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "开始审核"), QT_TRANSLATE_NOOP("AuditVocabulary", "批准"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "不予批准"), QT_TRANSLATE_NOOP("AuditVocabulary", "发放"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "撤回"), QT_TRANSLATE_NOOP("AuditVocabulary", "重新办理"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "新增规则版本"), QT_TRANSLATE_NOOP("AuditVocabulary", "停用规则"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "设置工作日历"), QT_TRANSLATE_NOOP("AuditVocabulary", "设置承诺时限"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "设置县区标准"), QT_TRANSLATE_NOOP("AuditVocabulary", "导出审计记录"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "用户账号"), QT_TRANSLATE_NOOP("AuditVocabulary", "行政区划"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "村庄"), QT_TRANSLATE_NOOP("AuditVocabulary", "医疗机构"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "人员"), QT_TRANSLATE_NOOP("AuditVocabulary", "培训"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "个体工商户"), QT_TRANSLATE_NOOP("AuditVocabulary", "人员身份"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "政策申请"), QT_TRANSLATE_NOOP("AuditVocabulary", "工作日历"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "政策措施设置"), QT_TRANSLATE_NOOP("AuditVocabulary", "县区补助标准"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "规则目录"), QT_TRANSLATE_NOOP("AuditVocabulary", "规则停用"),
    QT_TRANSLATE_NOOP("AuditVocabulary", "审计记录"),
)


def action_display(action: str | None) -> str:
    """An audited action's name in the UI language (the code itself when it has no name)."""
    return QCoreApplication.translate(CONTEXT, ACTION_LABELS[action]) if action in ACTION_LABELS else (action or "")


def table_display(table: str | None) -> str:
    """An audited table's name in the UI language (the table name itself when it has no name)."""
    return QCoreApplication.translate(CONTEXT, TABLE_LABELS[table]) if table in TABLE_LABELS else (table or "")


def _format(key: str, value: Any) -> Any:
    if key == "action":
        return action_display(value)
    if key == "table_name":
        return table_display(value)
    return value


def _day(edit: QDateEdit) -> date | None:
    chosen = edit.date()
    return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())


class AuditTab(QWidget):
    """Filters, the paged audit list, the chain check and 导出 Excel."""

    chain_checked = Signal(object)
    exported = Signal(object)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._role = ""
        self._allowed = False
        self._active = False
        self._stale = False
        self.actor_filter = self._combo(self.tr("全部用户"))
        self.table_filter = self._combo(self.tr("全部数据表"))
        self.action_filter = self._combo(self.tr("全部操作"))
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.record_key = QLineEdit()
        self.record_key.setPlaceholderText(self.tr("记录键包含…（如村庄代码、身份证号、受理编号）"))
        self.record_key.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.filter_error = QLabel()
        self.filter_error.setStyleSheet("color: #c0392b;")
        self.filter_error.hide()

        columns = [("id", self.tr("编号")), ("at", self.tr("时间")), ("actor", self.tr("用户")),
                   ("action", self.tr("操作")), ("table_name", self.tr("数据表")), ("record_key", self.tr("记录")),
                   ("changes", self.tr("变更内容"))]
        self.model = PagedTableModel(runner, audit_queries.audit_entries, columns, formatter=_format,
                                     numeric_keys=("id",), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((70, 150, 110, 110, 100, 170)):
            self.table.setColumnWidth(column, width)
        self.count_label = QLabel()
        self.chain_label = QLabel()
        self.chain_label.setObjectName("chain_label")
        self.chain_label.setWordWrap(True)
        self.check_button = QPushButton(self.tr("校验审计链"))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_label = QLabel()

        filters = QHBoxLayout()
        for label, widget in ((self.tr("用户"), self.actor_filter), (self.tr("自"), self.date_from),
                              (self.tr("至"), self.date_to), (self.tr("数据表"), self.table_filter),
                              (self.tr("操作"), self.action_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.record_key, 1)
        filters.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.chain_label, 1)
        bottom.addWidget(self.check_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.export_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.record_key.textChanged.connect(lambda _text: self._search_timer.start())
        for combo in (self.actor_filter, self.table_filter, self.action_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.clear_button.clicked.connect(self.clear_filter)
        self.check_button.clicked.connect(self.check_chain)
        self.export_button.clicked.connect(self.export)
        self.model.loaded.connect(self._on_loaded)
        runner.op_executed.connect(self._on_op_executed)
        self._update_controls()

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        combo.setMinimumContentsLength(8)
        return combo

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(NO_DATE)
        return edit

    # -- role and loading ---------------------------------------------------------------------
    def apply_role(self, actor: Actor) -> None:
        """Enable the audit functions for a role that may read the audit trail."""
        self._role = actor.role
        self._allowed = allowed(actor.role, MANAGE_USERS)
        self._update_controls()

    def _update_controls(self) -> None:
        permit(self.check_button, self._role, MANAGE_USERS, self.tr("重新计算每条审计记录的摘要，检查记录是否被改动或删除"))
        permit(self.export_button, self._role, MANAGE_USERS, self.tr("把当前筛选出的审计记录导出为 Excel 工作簿"))
        for widget in (self.actor_filter, self.table_filter, self.action_filter, self.date_from, self.date_to,
                       self.record_key, self.clear_button):
            widget.setEnabled(self._allowed)

    def activate(self) -> None:
        """Load the filter choices, the list and the chain check the first time the tab is shown
        (later: reload if writes happened meanwhile)."""
        if not self._allowed:
            return
        if not self._active:
            self._active = True
            self.load_choices()
            self.apply_filter()
            self.check_chain()
        elif self._stale:
            self.reload()

    def _on_op_executed(self, _changes: Any) -> None:
        """Nearly every write adds audit rows: reload when shown, else on the next show."""
        if not self._active:
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Fetch the filter choices and the list again."""
        if not self._active:
            return
        self._stale = False
        self.load_choices()
        self.model.reload()

    def load_choices(self) -> None:
        """Fill the user, table and action lists with the values present in the audit trail."""
        self._runner.query(lambda ctx, _p: audit_queries.audit_choices(ctx), self._fill_choices,
                           lambda exc: show_error(self, exc))

    def _fill_choices(self, choices: Any) -> None:
        for combo, values, display in ((self.actor_filter, choices.actors, str),
                                       (self.table_filter, choices.tables, table_display),
                                       (self.action_filter, choices.actions, action_display)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(display(value), value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            combo.blockSignals(False)

    # -- filters ------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        """The filter as chosen in the bar."""
        return AuditFilter(actor=self.actor_filter.currentData(), date_from=_day(self.date_from),
                           date_to=_day(self.date_to), table=self.table_filter.currentData(),
                           record_key=self.record_key.text(), action=self.action_filter.currentData())

    def apply_filter(self) -> None:
        """Show the rows matching the filter bar (a range ending before it starts is refused)."""
        if not self._active:
            return
        chosen = self.current_filter()
        if chosen.date_from and chosen.date_to and chosen.date_to < chosen.date_from:
            self.filter_error.setText(self.tr("结束日期早于开始日期，请重新选择"))
            self.filter_error.show()
            return
        self.filter_error.hide()
        query = self.model.query
        if query.sort_key is None:
            query = replace(query, descending=True)  # newest first until the user sorts by a column
        self.model.set_query(replace(query, filters=audit_queries.audit_filters(chosen)))

    def clear_filter(self) -> None:
        """Show every audit row again."""
        widgets = (self.actor_filter, self.table_filter, self.action_filter, self.date_from, self.date_to,
                   self.record_key)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.actor_filter, self.table_filter, self.action_filter):
            combo.setCurrentIndex(0)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.record_key.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    def _on_loaded(self) -> None:
        self.count_label.setText(self.tr("共 {0} 条记录").format(self.model.rowCount()))

    # -- chain check and export ---------------------------------------------------------------
    def check_chain(self) -> None:
        """Verify the audit chain in the background and show the result."""
        if not self._allowed:
            return
        self.chain_label.setText(self.tr("正在校验审计记录链…"))
        self.chain_label.setStyleSheet("color: #555;")
        self._runner.query(lambda ctx, _p: audit_queries.check_chain(ctx), self._show_chain,
                           lambda exc: show_error(self, exc))

    def _show_chain(self, report: Any) -> None:
        if report.ok:
            text, colour = self.tr("✔ 审计记录链完整：已校验 {0} 条记录").format(report.checked), "#1e8449"
        elif report.first_broken_id is None:
            text, colour = self.tr("✘ 审计记录链无法校验：{0}").format(report.reason), "#c0392b"
        else:
            text = self.tr("✘ 审计记录链在编号 {0} 处断开：{1}（此前 {2} 条完好）").format(
                report.first_broken_id, report.reason, report.checked)
            colour = "#c0392b"
        self.chain_label.setText(text)
        self.chain_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.chain_checked.emit(report)

    def export(self) -> None:
        """Export the filtered rows to a workbook the user names (in the background, cancellable)."""
        if not self._allowed:
            return
        chosen = self.current_filter()
        default = Path.home() / f"审计记录-{date.today():%Y%m%d}.xlsx"
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("导出审计记录"), str(default),
                                                      self.tr("Excel 工作簿 (*.xlsx)"))
        if not target:
            return
        path = Path(target) if target.lower().endswith(".xlsx") else Path(target + ".xlsx")

        def done(result: Any) -> None:
            self.export_label.setText(self.tr("已导出 {0} 条审计记录：{1}").format(result.rows, result.path))
            self.exported.emit(result)

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.exported.emit(exc)

        self._runner.op(
            lambda ctx, progress: audit_queries.export_audit(ctx, audit_filter=chosen, path=path, progress=progress),
            done, failed, label=self.tr("正在导出审计记录…"), parent=self, cancellable=True)
