"""个体工商户: the business list (search as you type by name, credit code, operator or pinyin
initials; filter by county, township, tier and status), register/edit, and the selected business's
detail with its application history, its operator's statuses and other businesses, and notices.

``open_case(receipt_no)`` asks the main window to show a case on the applications page;
``intake_requested(uscc)`` to start an intake for the business.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.business.entities import BUSINESS_STATUSES, BUSINESS_TIERS, Business
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.money import format_yuan
from desktop_app.services import business_registry, desk_queries
from desktop_app.services.health_queries import CountyChoice
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.business_dialog import BusinessDialog
from desktop_app.ui.dialogs.person_status_dialog import PersonStatusDialog
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.list_model import ListModel
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

SEARCH_DELAY_MS = 150
BUSINESS_INPUTS = ("businesses", "person_statuses", "applications", "missing_material_notices", "divisions")


class BusinessDetailPanel(QWidget):
    """Key fields of one business beside its applications, operator statuses, other businesses and notices."""

    open_case = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        info = QGroupBox(self.tr("登记信息"))
        form = QFormLayout(info)
        for key, label in (
            ("uscc", self.tr("信用代码")), ("name", self.tr("名称")), ("operator", self.tr("经营者")),
            ("place", self.tr("所在地")), ("registered_on", self.tr("登记日期")), ("industry", self.tr("行业")),
            ("tier", self.tr("分型")), ("status", self.tr("状态")), ("directory", self.tr("名特优新")),
            ("conversion", self.tr("转企")),
        ):
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        info.setMinimumWidth(280)
        info.setMaximumWidth(360)

        self.applications_model = TextTableModel(
            [self.tr("受理编号"), self.tr("政策"), self.tr("受理日期"), self.tr("状态"), self.tr("金额（元）"), self.tr("说明")],
            numeric_columns=[4], parent=self)
        self.applications = text_table(self.applications_model, stretch=[1, 5], selectable=True)
        self.applications.setObjectName("application_history")
        self.applications.setToolTip(self.tr("双击或回车打开申请"))
        self.applications.activated.connect(lambda index: self.open_case.emit(self.applications_model.key(index.row())))
        self.statuses_model = TextTableModel([self.tr("人员身份"), self.tr("起始日期"), self.tr("结束日期")], parent=self)
        self.others_model = TextTableModel([self.tr("名称"), self.tr("信用代码"), self.tr("状态"), self.tr("登记日期")], parent=self)
        self.notices_model = TextTableModel([self.tr("一次性告知书编号")], parent=self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.applications, self.tr("申请记录"))
        self.tabs.addTab(text_table(self.statuses_model, stretch=[0]), self.tr("经营者人员身份"))
        self.tabs.addTab(text_table(self.others_model, stretch=[0]), self.tr("经营者名下其他个体工商户"))
        self.tabs.addTab(text_table(self.notices_model, stretch=[0]), self.tr("一次性告知"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.tabs, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(info)
        layout.addLayout(right, 1)
        self.clear()

    def clear(self) -> None:
        """Show no business."""
        for label in self.values.values():
            label.clear()
        self.hint.setText(self.tr("请在上方列表中选择一户，查看其申请记录。"))
        for model in (self.applications_model, self.statuses_model, self.others_model, self.notices_model):
            model.set_rows([])

    def show_detail(self, detail: business_registry.BusinessDetail, place: str, titles: dict[str, str]) -> None:
        """Show a business (operator ID masked) and its history; ``titles`` name the policies."""
        b: Business = detail.stored.business
        unfilled = self.tr("未填写")
        conversion = ""
        if b.converted_on:
            conversion = self.tr("{0} 转为{1}（{2}）").format(
                b.converted_on.isoformat(), vocabulary.display(b.enterprise_type) or unfilled, b.enterprise_uscc or unfilled)
        shown = {
            "uscc": b.uscc + (self.tr("（示例数据）") if detail.stored.is_demo else ""),
            "name": b.name,
            "operator": f"{b.operator_name}　{mask_id_number(b.operator_id_number)}".strip(),
            "place": place or unfilled,
            "registered_on": b.registered_on.isoformat() if b.registered_on else unfilled,
            "industry": (b.industry or unfilled) + (self.tr("（仅网络经营）") if b.online_only else ""),
            "tier": vocabulary.display(b.tier) or unfilled,
            "status": vocabulary.display(b.status),
            "directory": self.tr("{0} 入库").format(b.directory_joined_on.isoformat()) if b.directory_joined_on else self.tr("未入库"),
            "conversion": conversion or self.tr("未转企"),
        }
        for key, text in shown.items():
            self.values[key].setText(text)
        rows, colours = [], {}
        for row, case in enumerate(detail.applications):
            app = case.application
            amount = case.paid_amount_fen or case.approved_amount_fen or (case.verdict.amount_fen if case.verdict else None)
            note = self.tr("特批") if case.overridden else ""
            if case.verdict is not None and not case.verdict.eligible and not case.overridden:
                note = self.tr("系统判定不符合")
            rows.append([app.receipt_no, titles.get(app.policy_id, app.policy_id), app.received_on.isoformat(),
                         vocabulary.display(app.status), format_yuan(amount) if amount is not None else "", note])
            if case.overridden:
                colours[(row, 5)] = ("#a93226", "#fdecea")
        self.applications_model.set_rows(rows, keys=[c.receipt_no for c in detail.applications], colours=colours)
        self.statuses_model.set_rows([[vocabulary.display(s.status), s.since.isoformat() if s.since else "",
                                       s.until.isoformat() if s.until else ""] for s in detail.operator_statuses])
        self.others_model.set_rows([[o.name, o.uscc, vocabulary.display(o.status),
                                     o.registered_on.isoformat() if o.registered_on else ""] for o in detail.other_businesses])
        self.notices_model.set_rows([[n] for n in detail.notice_nos])
        self.hint.setText(self.tr("{0}：申请 {1} 件，一次性告知 {2} 次").format(
            b.name, len(detail.applications), len(detail.notice_nos)))


class BusinessesPage(QWidget):
    """Filter bar, the business list with 登记/编辑/受理申请, and the selected business's detail."""

    ready = Signal()
    detail_loaded = Signal()
    open_case = Signal(str)
    intake_requested = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._ready = False
        self._choices_loaded = False
        self._detail_generation = 0
        self._selected_uscc: str | None = None
        self._counties: dict[str, CountyChoice] = {}
        self._townships: dict[str, str] = {}
        self._titles: dict[str, str] = {}

        self.county_filter = QComboBox()
        self.county_filter.addItem(self.tr("全部县区"), None)
        self.township_filter = QComboBox()
        self.township_filter.addItem(self.tr("全部乡镇"), None)
        self.township_filter.setEnabled(False)
        self.tier_filter = QComboBox()
        self.tier_filter.addItem(self.tr("全部分型"), None)
        for tier in BUSINESS_TIERS:
            self.tier_filter.addItem(vocabulary.display(tier), tier)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in BUSINESS_STATUSES:
            self.status_filter.addItem(vocabulary.display(status), status)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索：名称、拼音首字母、信用代码、经营者姓名或身份证号"))
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("登记"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.intake_button = QPushButton(self.tr("受理申请"))
        self.status_button = QPushButton(self.tr("经营者人员身份…"))
        self.count_label = QLabel()

        columns = [
            ("uscc", self.tr("统一社会信用代码")), ("name", self.tr("名称")), ("operator_name", self.tr("经营者")),
            ("operator_id", self.tr("经营者身份证号")), ("township", self.tr("乡镇（街道）")), ("industry", self.tr("行业")),
            ("tier", self.tr("分型")), ("status", self.tr("状态")), ("registered_on", self.tr("登记日期")),
        ]
        self.model = ListModel(runner, business_registry.business_list, columns, formatter=_format_business,
                               unsortable=("operator_id",), parent=self)
        self.table = QTableView()
        self.table.setObjectName("business_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column, width in enumerate((165, 200, 70, 150, 100, 80, 64, 56, 90)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.detail = BusinessDetailPanel()

        self._build_layout()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.county_filter.currentIndexChanged.connect(lambda _i: self._on_county_changed())
        for combo in (self.township_filter, self.tier_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button.clicked.connect(self.add_business)
        self.edit_button.clicked.connect(self.edit_business)
        self.intake_button.clicked.connect(self._request_intake)
        self.status_button.clicked.connect(self.record_operator_status)
        self.table.doubleClicked.connect(lambda _index: self.edit_business())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection_changed())
        self.detail.open_case.connect(self.open_case)
        self.model.loaded.connect(self._on_loaded)
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()
        runner.query(lambda ctx, _p: (desk_queries.county_choices(ctx), desk_queries.policy_titles(ctx)),
                     self._fill_choices, lambda exc: show_error(self, exc))

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.county_filter, self.township_filter, self.tier_filter, self.status_filter):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.status_button, self.intake_button):
            bar.addWidget(button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([430, 330])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- filters and list ------------------------------------------------------------------------
    def _fill_choices(self, result: tuple[list[CountyChoice], dict[str, str]]) -> None:
        counties, self._titles = result
        self._counties = {c.code: c for c in counties}
        self._townships = {code: name for c in counties for code, name in c.townships}
        self.county_filter.blockSignals(True)
        for county in counties:
            self.county_filter.addItem(county.name, county.code)
        self.county_filter.blockSignals(False)
        self._choices_loaded = True
        self.refresh()

    def _on_county_changed(self) -> None:
        self._fill_townships()
        self.refresh()

    def _fill_townships(self) -> None:
        code = self.county_filter.currentData()
        self.township_filter.blockSignals(True)
        self.township_filter.clear()
        self.township_filter.addItem(self.tr("全部乡镇"), None)
        for township_code, name in (self._counties[code].townships if code else ()):
            self.township_filter.addItem(name, township_code)
        self.township_filter.setEnabled(code is not None)
        self.township_filter.blockSignals(False)

    def refresh(self) -> None:
        """Reload the list for the current search and filters."""
        self._search_timer.stop()
        filters = {
            "county": self.county_filter.currentData(),
            "township": self.township_filter.currentData(),
            "tier": self.tier_filter.currentData(),
            "status": self.status_filter.currentData(),
        }
        self.model.set_query(replace(self.model.query, search=self.search.text(), filters=filters))

    def reload(self) -> None:
        """Fetch the list (and the selected business) again."""
        self.model.reload()

    def _on_loaded(self) -> None:
        self.count_label.setText(self.tr("共 {0} 户").format(self.model.rowCount()))
        row = self._row_of(self._selected_uscc)
        if row is not None:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self._on_selection_changed(force=True)
        if self._choices_loaded and not self._ready:
            self._ready = True
            self.ready.emit()

    def _row_of(self, uscc: str | None) -> int | None:
        if uscc is None:
            return None
        for row in range(self.model.rowCount()):
            values = self.model.row_values(row)
            if values is None:
                return None
            if values["uscc"] == uscc:
                return row
        return None

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(table) for table in BUSINESS_INPUTS):
            self.model.reload()

    def show_business(self, uscc: str) -> None:
        """Show one business (e.g. from a fraud signal): search for its code, select it, show its detail."""
        self._selected_uscc = uscc
        for combo in (self.county_filter, self.tier_filter, self.status_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_townships()
        self.search.blockSignals(True)
        self.search.setText(uscc)
        self.search.blockSignals(False)
        self.refresh()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    # -- detail ----------------------------------------------------------------------------------
    def current_uscc(self) -> str | None:
        """The credit code of the selected business (None when no loaded row is selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        values = self.model.row_values(rows[0].row())
        return None if values is None else values["uscc"]

    def _on_selection_changed(self, force: bool = False) -> None:
        uscc = self.current_uscc()
        self._update_buttons()
        if uscc == self._selected_uscc and not force:
            return
        self._selected_uscc = uscc
        self._load_detail()

    def _load_detail(self) -> None:
        self._detail_generation += 1
        generation, uscc = self._detail_generation, self._selected_uscc
        if uscc is None:
            self.detail.clear()
            self.detail_loaded.emit()
            return

        def shown(detail: business_registry.BusinessDetail) -> None:
            if generation != self._detail_generation:
                return
            business = detail.stored.business
            county = self._counties.get(business.county_code or "")
            place = " / ".join(p for p in (county.name if county else "", self._townships.get(business.township_code or "", "")) if p)
            self.detail.show_detail(detail, place, self._titles)
            self.detail_loaded.emit()

        self._runner.query(lambda ctx, _p: business_registry.business_detail(ctx, uscc), shown,
                           lambda exc: show_error(self, exc))

    # -- actions ---------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        selected = self.current_uscc() is not None
        for button in (self.edit_button, self.intake_button, self.status_button):
            button.setEnabled(selected)

    def _request_intake(self) -> None:
        uscc = self.current_uscc()
        if uscc is not None:
            self.intake_requested.emit(uscc)

    def _submit(self, operation: Any) -> Any:
        def submit(business: Business, done: Any) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            def saved(_changes: Any) -> None:
                self._selected_uscc = business.uscc
                done(None, None)

            self._runner.op(lambda ctx, _p: operation(ctx, business), saved, failed)

        return submit

    def record_operator_status(self) -> None:
        """Record a group (人员身份) of the selected business's operator."""
        uscc = self.current_uscc()
        if uscc is None:
            return

        def submit(values: dict[str, Any], done: Any) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: business_registry.save_person_status(ctx, **values),
                            lambda _c: done(None, None), failed)

        def opened(stored: Any) -> None:
            business = stored.business
            self._open(PersonStatusDialog(self, submit=submit, id_number=business.operator_id_number or "",
                                          name=business.operator_name))

        self._runner.query(lambda ctx, _p: business_registry.get_business(ctx, uscc), opened,
                           lambda exc: show_error(self, exc))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def add_business(self) -> None:
        """Open the registration form (placed in the filtered township when one is chosen)."""
        submit = self._submit(lambda ctx, b: business_registry.create_business(ctx, business=b))
        self._open(BusinessDialog(self, submit=submit, counties=list(self._counties.values()),
                                  township_code=self.township_filter.currentData()))

    def edit_business(self) -> None:
        """Open the selected business in the form (checked against concurrent changes on save)."""
        uscc = self.current_uscc()
        if uscc is None:
            return

        def opened(stored: Any) -> None:
            submit = self._submit(lambda ctx, b: business_registry.update_business(
                ctx, business=b, expected_version=stored.row_version))
            self._open(BusinessDialog(self, submit=submit, counties=list(self._counties.values()), business=stored.business))

        self._runner.query(lambda ctx, _p: business_registry.get_business(ctx, uscc), opened,
                           lambda exc: show_error(self, exc))


def _format_business(key: str, value: Any) -> Any:
    if key in ("tier", "status"):
        return vocabulary.display(value)
    return value
