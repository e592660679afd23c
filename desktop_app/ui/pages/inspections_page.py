"""督导检查: inspection visits and their rectification orders.

The first tab lists the visits (paged, searchable, by county and year); the selected visit shows
its facilities with how far their findings have got, and the selected facility its findings.
From there: plan, change or cancel a visit; print the visit pack, the summary or a facility's
整改通知书 (rendered on the worker thread, previewed with print and save); record a facility's
findings in a keyboard grid; issue a rectification order on a failed or differing item. The
second tab is the rectification work lists (:mod:`desktop_app.ui.pages.inspection_orders`).
Every figure comes from the inspection services; the roles only disable what they may not do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from desktop_app.domain.inspections import CLOSED, CONFIRMED, DIFFERS, ORDERABLE_STATUSES, VisitPlan
from desktop_app.domain.rules.results import Status
from desktop_app.domain.security import EDIT_HEALTH, PRINT
from desktop_app.services import inspection_queries as queries
from desktop_app.services import inspection_reports  # noqa: F401 - registers the inspection report kinds
from desktop_app.services import inspections
from desktop_app.services.inspection_queries import FindingRow, FindingsForm, PlanChoices, VisitDetail
from desktop_app.services.reports import render_report
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.findings_dialog import FindingsDialog
from desktop_app.ui.dialogs.inspection_dialogs import OrderDialog, PlanVisitDialog
from desktop_app.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog, Rendered
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.inspection_orders import OrdersPanel
from desktop_app.ui.roles import permit_when
from desktop_app.ui.widgets.inspection_text import DIFFERS_COLOURS, OVERDUE_COLOURS, shown, status_word
from desktop_app.ui.widgets.list_model import ListModel
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

SEARCH_DELAY_MS = 200
REFRESH_TABLES = ("inspection_visits", "inspection_findings", "rectification_orders", "facilities")
Done = Callable[[dict[str, str] | None, str | None], None]


class InspectionsPage(QWidget):
    """The visits with their facilities and findings, and the rectification work lists."""

    ready = Signal()
    loaded = Signal()  # the visit list arrived
    detail_loaded = Signal()  # the selected visit's facilities arrived
    findings_loaded = Signal()  # the selected facility's findings arrived
    report_ready = Signal(str, object)  # title, PDF bytes (also shown in a preview unless preview_reports is off)
    open_facility = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._role: str | None = None
        self._choices: PlanChoices | None = None
        self._detail: VisitDetail | None = None
        self._form: FindingsForm | None = None
        self._detail_generation = self._form_generation = 0
        self.preview_reports = True
        self.preview: PdfPreviewDialog | None = None
        self.dialog: Any = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("检查编号、检查人员或机构名称"))
        self.search.setClearButtonEnabled(True)
        self.county_filter = QComboBox()
        self.county_filter.addItem(self.tr("全部县区"), None)
        self.year_filter = QComboBox()
        self.year_filter.addItem(self.tr("全部年度"), None)
        for year in range(date.today().year, date.today().year - 6, -1):
            self.year_filter.addItem(str(year), year)
        self.plan_button = QPushButton(self.tr("计划检查…"))
        self.edit_button = QPushButton(self.tr("修改计划…"))
        self.delete_button = QPushButton(self.tr("删除计划"))
        self.pack_button = QPushButton(self.tr("打印检查包"))
        self.summary_button = QPushButton(self.tr("检查情况汇总"))
        self.record_button = QPushButton(self.tr("录入检查结果…"))
        self.notice_button = QPushButton(self.tr("整改通知书"))
        self.facility_button = QPushButton(self.tr("查看机构"))
        self.order_button = QPushButton(self.tr("下达整改通知…"))

        self.model = ListModel(runner, queries.visit_list, [
            ("id", self.tr("检查编号")), ("visited_on", self.tr("检查日期")), ("inspectors", self.tr("检查人员")),
            ("counties", self.tr("县区")), ("facilities", self.tr("机构")), ("findings", self.tr("已录入")),
            ("differs", self.tr("不符")), ("open_orders", self.tr("未销号整改")), ("note", self.tr("说明")),
        ], numeric_keys=("facilities", "findings", "differs", "open_orders"), unsortable=("counties",), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.facilities_model = TextTableModel([self.tr("机构"), self.tr("类型"), self.tr("乡镇"), self.tr("已录入"),
                                                self.tr("不符"), self.tr("整改（未销号/全部）")], numeric_columns=[3, 4])
        self.facilities = text_table(self.facilities_model, stretch=[0], selectable=True)
        self.findings_model = TextTableModel([self.tr("检查项目"), self.tr("登记 / 评估"), self.tr("检查结论"),
                                              self.tr("现场值"), self.tr("登记处理"), self.tr("整改")])
        self.findings = text_table(self.findings_model, stretch=[0], selectable=True)
        self.count_label = QLabel()
        self.orders = OrdersPanel(runner)
        self.tabs = QTabWidget()
        self._build_layout()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.county_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.year_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.loaded.connect(self._on_loaded)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._load_detail())
        self.facilities.selectionModel().selectionChanged.connect(lambda *_: self._load_findings())
        self.facilities.doubleClicked.connect(lambda _i: self.record_findings())
        self.findings.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.plan_button.clicked.connect(self.plan_visit)
        self.edit_button.clicked.connect(self.edit_visit)
        self.delete_button.clicked.connect(self.delete_visit)
        self.pack_button.clicked.connect(self.print_pack)
        self.summary_button.clicked.connect(self.print_summary)
        self.record_button.clicked.connect(self.record_findings)
        self.notice_button.clicked.connect(lambda: self.print_notice())
        self.facility_button.clicked.connect(self._open_facility)
        self.order_button.clicked.connect(self.issue_order)
        self.orders.open_facility.connect(self.open_facility)
        self.orders.notice_requested.connect(lambda visit, code: self.print_notice(visit, code))
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()
        self._load_choices()
        self.apply_filter()
        self.orders.refresh()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for label, widget in ((self.tr("县区"), self.county_filter), (self.tr("年度"), self.year_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        for button in (self.plan_button, self.edit_button, self.delete_button, self.pack_button, self.summary_button):
            bar.addWidget(button)
        facility_bar = QHBoxLayout()
        for button in (self.record_button, self.notice_button, self.facility_button):
            facility_bar.addWidget(button)
        facility_bar.addStretch(1)
        finding_bar = QHBoxLayout()
        finding_bar.addWidget(QLabel(self.tr("选中机构的检查结果（双击机构或按“录入检查结果”录入）")), 1)
        finding_bar.addWidget(self.order_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_label)
        right_layout.addWidget(self.facilities, 2)
        right_layout.addLayout(facility_bar)
        right_layout.addLayout(finding_bar)
        right_layout.addWidget(self.findings, 3)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([620, 880])
        visits = QWidget()
        visits_layout = QVBoxLayout(visits)
        visits_layout.addLayout(bar)
        visits_layout.addWidget(splitter, 1)
        visits_layout.addWidget(self.count_label)
        self.tabs.addTab(visits, self.tr("检查计划与结果"))
        self.tabs.addTab(self.orders, self.tr("整改跟踪"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    # -- role and choices --------------------------------------------------------------------------
    def apply_role(self, actor: Actor) -> None:
        """Offer planning, recording and orders to a role that may edit the health registry, and
        printing to a role that may print."""
        self._role = actor.role
        self.orders.apply_role(actor.role)
        self._update_buttons()

    def _load_choices(self) -> None:
        today = date.today()
        self._runner.query(lambda ctx, _p: queries.plan_choices(ctx, as_of=today), self._fill_choices,
                           lambda exc: show_error(self, exc))

    def _fill_choices(self, choices: PlanChoices) -> None:
        self._choices = choices
        counties = [(c.code, c.name) for c in choices.counties]
        self.county_filter.blockSignals(True)
        for code, name in counties:
            self.county_filter.addItem(name, code)
        self.county_filter.blockSignals(False)
        self.orders.set_counties(counties)
        self._update_buttons()
        self.ready.emit()

    # -- the visit list --------------------------------------------------------------------------
    def apply_filter(self) -> None:
        """Reload the visit list for the search text, county and year."""
        filters = {"county": self.county_filter.currentData(), "year": self.year_filter.currentData()}
        self.model.set_query(replace(self.model.query, search=self.search.text().strip(), filters=filters))

    def _on_loaded(self) -> None:
        self.count_label.setText(self.tr("共 {0} 次检查").format(self.model.rowCount()))
        wanted = self._detail.visit.id if self._detail else None
        row = next((r for r in range(self.model.rowCount()) if self.model.row_id(r) == wanted), 0 if self.model.rowCount() else None)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._load_detail()
        self.loaded.emit()

    def current_visit_id(self) -> str | None:
        """The id of the selected visit."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def show_visit(self, visit_id: str) -> None:
        """Show one visit (searching for its id)."""
        self.tabs.setCurrentIndex(0)
        self._detail = None
        self.search.setText(visit_id)
        self._search_timer.stop()
        self.apply_filter()

    def show_orders(self, view: str = queries.OPEN_VIEW, county: str | None = None) -> None:
        """Switch to the rectification work list ``view`` of ``county`` (None: all in scope)."""
        self.tabs.setCurrentIndex(1)
        self.orders.set_filter(view=view, county=county)

    def focus_search(self) -> None:
        """Ctrl+F: the search box of the visit list."""
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    # -- one visit -------------------------------------------------------------------------------
    def _load_detail(self) -> None:
        self._detail_generation += 1
        generation, visit_id = self._detail_generation, self.current_visit_id()
        if visit_id is None:
            self._show_detail(None)
            return
        self._runner.query(lambda ctx, _p: queries.visit_detail(ctx, visit_id=visit_id),
                           lambda detail: generation == self._detail_generation and self._show_detail(detail),
                           lambda exc: show_error(self, exc))

    def _show_detail(self, detail: VisitDetail | None) -> None:
        previous = self.current_facility()
        self._detail = detail
        if detail is None:
            self.detail_label.setText(self.tr("选择一次检查，查看被检查机构和检查结果。"))
            self.facilities_model.set_rows([])
        else:
            v = detail.visit
            self.detail_label.setText(self.tr("<b>{0}</b> · {1} · 检查人员：{2}{3}").format(
                v.id, v.visited_on.isoformat(), v.inspectors_text, f" · {v.note}" if v.note else ""))
            rows, colours = [], {}
            for n, f in enumerate(detail.facilities):
                rows.append([f.name, vocabulary.display(f.kind), f.township_name, f"{f.findings}/{f.rules}", str(f.differs),
                             f"{f.open_orders}/{f.orders}"])
                if f.differs:
                    colours[(n, 4)] = DIFFERS_COLOURS
                if f.open_orders:
                    colours[(n, 5)] = OVERDUE_COLOURS
            self.facilities_model.set_rows(rows, [f.code for f in detail.facilities], colours)
            row = next((n for n, f in enumerate(detail.facilities) if f.code == previous), 0 if detail.facilities else None)
            if row is not None:
                self.facilities.selectRow(row)
        self._load_findings()
        self._update_buttons()
        self.detail_loaded.emit()

    def current_facility(self) -> str | None:
        """The code of the selected facility of the visit."""
        model = self.facilities.selectionModel()
        rows = model.selectedRows() if model else []
        return self.facilities_model.key(rows[0].row()) if rows else None

    def _load_findings(self) -> None:
        self._form_generation += 1
        generation, code = self._form_generation, self.current_facility()
        if self._detail is None or code is None:
            self._show_findings(None)
            return
        visit_id = self._detail.visit.id
        self._runner.query(lambda ctx, _p: queries.findings_form(ctx, visit_id=visit_id, facility_code=code),
                           lambda form: generation == self._form_generation and self._show_findings(form),
                           lambda exc: show_error(self, exc))

    def _show_findings(self, form: FindingsForm | None) -> None:
        self._form = form
        rows, colours = [], {}
        for n, r in enumerate(form.rows if form else ()):
            f = r.finding
            order = self.tr("{0}（期限 {1}）").format(shown(r.order.status), r.order.deadline.isoformat()) if r.order else ""
            rows.append([r.title, f"{r.registry_value or '—'} · {status_word(r.status)}", shown(f.finding) if f else "",
                         (f.value_seen or "") if f else "", shown(f.registry_decision) if f else "", order])
            if f and f.finding == DIFFERS:
                colours.update({(n, 2): DIFFERS_COLOURS, (n, 3): DIFFERS_COLOURS})
            if r.order and r.order.status != CLOSED:
                colours[(n, 5)] = OVERDUE_COLOURS
        self.findings_model.set_rows(rows, list(form.rows) if form else [], colours)
        self._update_buttons()
        self.findings_loaded.emit()

    def current_finding(self) -> FindingRow | None:
        """The selected row of the facility's findings."""
        rows = self.findings.selectionModel().selectedRows()
        return self.findings_model.key(rows[0].row()) if rows else None

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(t) for t in REFRESH_TABLES):
            self.model.reload()

    def _orderable(self, row: FindingRow | None) -> bool:
        if row is None or row.finding is None or row.order is not None:
            return False
        if row.finding.finding == DIFFERS:
            return True
        return row.finding.finding == CONFIRMED and bool(row.status) and Status(row.status) in ORDERABLE_STATUSES

    def _update_buttons(self) -> None:
        detail, facility = self._detail, self.current_facility()
        has_visit, has_facility = detail is not None, detail is not None and facility is not None
        held = has_visit and detail.visit.visited_on <= date.today()
        permit_when(self.plan_button, self._role, EDIT_HEALTH, ready=self._choices is not None)
        permit_when(self.edit_button, self._role, EDIT_HEALTH, ready=has_visit and self._choices is not None)
        permit_when(self.delete_button, self._role, EDIT_HEALTH, ready=has_visit and not detail.recorded,
                    not_ready_tip=self.tr("已录入检查结果的检查不能删除"))
        permit_when(self.record_button, self._role, EDIT_HEALTH, ready=has_facility and held,
                    not_ready_tip=self.tr("检查日期到了以后才能录入检查结果"))
        permit_when(self.order_button, self._role, EDIT_HEALTH, ready=self._orderable(self.current_finding()),
                    not_ready_tip=self.tr("选择一项与登记不符、或属实但未达标的检查结果"))
        permit_when(self.pack_button, self._role, PRINT, ready=has_visit)
        permit_when(self.summary_button, self._role, PRINT, ready=has_visit)
        orders = has_facility and any(o.facility_code == facility for o in detail.orders)
        permit_when(self.notice_button, self._role, PRINT, ready=orders, not_ready_tip=self.tr("该机构没有整改通知"))
        self.facility_button.setEnabled(has_facility)

    # -- writes ----------------------------------------------------------------------------------
    def _submit(self, operation: Callable[..., Any]) -> Callable[[dict[str, Any], Done], None]:
        """A dialog's submit: run ``operation(ctx, **values)`` as a write, report back to the form."""

        def submit(values: dict[str, Any], done: Done) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: operation(ctx, **values), lambda _c: done(None, None), failed)

        return submit

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _find(self, options: dict[str, Any], found: Callable[[list[Any]], None]) -> None:
        self._runner.query(lambda ctx, _p: queries.plan_candidates(ctx, **options), found, lambda exc: show_error(self, exc))

    def plan_visit(self) -> PlanVisitDialog | None:
        """Open the dialog planning a new visit."""
        if self._choices is None:
            return None
        return self._open(PlanVisitDialog(self, self._choices, self._find, self._submit(inspections.plan_visit)))

    def edit_visit(self) -> PlanVisitDialog | None:
        """Open the plan of the selected visit for changes."""
        detail = self._detail
        if detail is None or self._choices is None:
            return None
        v, version = detail.visit, detail.row_version
        plan = VisitPlan(v.visited_on, v.inspectors, v.facility_codes, v.note, v.id)
        names = {f.code: f.name for f in detail.facilities}
        submit = self._submit(lambda ctx, plan: inspections.update_visit(ctx, plan=plan, expected_version=version))
        return self._open(PlanVisitDialog(self, self._choices, self._find, submit, plan=plan, names=names))

    def delete_visit(self) -> None:
        """Cancel the selected visit (only while it has no findings), after asking."""
        detail = self._detail
        if detail is None:
            return
        answer = QMessageBox.question(self, self.tr("删除检查计划"),
                                      self.tr("删除检查 {0}（{1}）？").format(detail.visit.id, detail.visit.visited_on.isoformat()))
        if answer == QMessageBox.StandardButton.Yes:
            visit_id = detail.visit.id
            self._detail = None
            self._runner.op(lambda ctx, _p: inspections.delete_visit(ctx, visit_id=visit_id), None,
                            lambda exc: show_error(self, exc))

    def record_findings(self) -> None:
        """Load the selected facility's findings form and open the grid."""
        detail, code = self._detail, self.current_facility()
        if detail is None or code is None or not self.record_button.isEnabled():
            return
        visit_id = detail.visit.id

        def opened(form: FindingsForm) -> None:
            def submit(entries: list[Any], done: Done) -> None:
                self._submit(lambda ctx, **_: inspections.record_findings(
                    ctx, visit_id=visit_id, facility_code=code, entries=entries))({}, done)

            self._open(FindingsDialog(self, form, submit))

        self._runner.query(lambda ctx, _p: queries.findings_form(ctx, visit_id=visit_id, facility_code=code), opened,
                           lambda exc: show_error(self, exc))

    def issue_order(self) -> OrderDialog | None:
        """Open the order form for the selected finding."""
        row, detail, form = self.current_finding(), self._detail, self._form
        if row is None or detail is None or form is None or row.finding is None:
            return None
        dialog = OrderDialog(self, self._submit(inspections.create_order), visit_id=detail.visit.id,
                             visited_on=detail.visit.visited_on, facility_code=form.facility_code,
                             facility_name=form.facility_name, rule_id=row.rule_id, title=row.title,
                             finding=row.finding.finding, message=row.message)
        return self._open(dialog)

    def _open_facility(self) -> None:
        code = self.current_facility()
        if code is not None:
            self.open_facility.emit(code)

    # -- prints ----------------------------------------------------------------------------------
    def print_pack(self) -> None:
        """The visit pack: cover list and a pre-filled checklist per facility."""
        if self._detail is not None:
            visit_id = self._detail.visit.id
            self._render(self.tr("督导检查包 {0}").format(visit_id), kind="visit-pack", visit=visit_id)

    def print_summary(self) -> None:
        """The visit summary as of today."""
        if self._detail is not None:
            visit_id = self._detail.visit.id
            self._render(self.tr("督导检查情况汇总 {0}").format(visit_id), kind="visit-summary", visit=visit_id)

    def print_notice(self, visit_id: str | None = None, facility: str | None = None) -> None:
        """The 整改通知书 of a facility after a visit (default: the selected ones)."""
        visit_id = visit_id or (self._detail.visit.id if self._detail else None)
        facility = facility or self.current_facility()
        if visit_id and facility:
            self._render(self.tr("整改通知书 {0} {1}").format(visit_id, facility), kind="rectification-notice",
                         visit=visit_id, facility=facility)

    def _render(self, title: str, **options: Any) -> None:
        self._runner.op(lambda ctx, progress: Rendered(render_report(ctx, progress=progress, **options)),
                        lambda done: self._show_pdf(title, done.value), lambda exc: show_error(self, exc),
                        label=self.tr("正在生成…"), parent=self, cancellable=True)

    def _show_pdf(self, title: str, pdf: bytes) -> None:
        self.report_ready.emit(title, pdf)
        if self.preview_reports:
            self.preview = PdfPreviewDialog(self, self._runner, pdf, title)
            self._open(self.preview)

