"""补助: the subsidy ledger of a county (or every county in scope) and year — per programme entitled,
budgeted and paid by source, arrears and over-payments — with drill-down to the payees and each
payee's vouchers; posting and reversing payments, budgets and the retired doctor allowance rate.
Overdue and over-paid rows are highlighted; every figure comes from the subsidies service."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.money import format_yuan
from desktop_app.domain.subsidies import (
    FACILITY_PAYEE,
    Budget,
    Ledger,
    OverpaymentNotConfirmed,
    PayeeLine,
    Payment,
    ProgrammeSummary,
)
from desktop_app.services import subsidies
from desktop_app.ui.dialogs.form_dialog import Done, FormDialog, Submit, amount_fen
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.models.row_table_model import RowTableModel
from desktop_app.ui.ops import OpRunner

# Tables whose changes can change the ledger.
LEDGER_INPUTS = ("subsidy_budgets", "subsidy_payments", "subsidy_allowance_rates", "facilities", "staff",
                 "family_doctor", "villages")
OVERPAID, OVERDUE, UNKNOWN = ("#a93226", "#fdecea"), ("#8a5300", "#fff3dc"), ("#1f5f8b", "#e6f0f8")
CONTEXT = "SubsidiesPage"
_MARKED = (  # statuses and sources the services return, shown translated
    QT_TRANSLATE_NOOP("SubsidiesPage", "超发"), QT_TRANSLATE_NOOP("SubsidiesPage", "逾期未拨"),
    QT_TRANSLATE_NOOP("SubsidiesPage", "未拨足"), QT_TRANSLATE_NOOP("SubsidiesPage", "已拨足"),
    QT_TRANSLATE_NOOP("SubsidiesPage", "无应补助"), QT_TRANSLATE_NOOP("SubsidiesPage", "标准未设定"),
    QT_TRANSLATE_NOOP("SubsidiesPage", "签约人数未填写"), QT_TRANSLATE_NOOP("SubsidiesPage", "许可证有效期未填写"),
    QT_TRANSLATE_NOOP("SubsidiesPage", "资格待核实"), QT_TRANSLATE_NOOP("SubsidiesPage", "中央"),
    QT_TRANSLATE_NOOP("SubsidiesPage", "省级"), QT_TRANSLATE_NOOP("SubsidiesPage", "市级"),
    QT_TRANSLATE_NOOP("SubsidiesPage", "县级"), QT_TRANSLATE_NOOP("SubsidiesPage", "区级"),
)


def shown(text: str | None) -> str:
    """A status or source name as shown (translated when the English interface is chosen)."""
    return "" if text is None else QCoreApplication.translate(CONTEXT, text)


def by_source(values: dict[str, int] | Any) -> str:
    """``市级 2,000.00；区级 3,000.00`` (blank when empty)."""
    return "；".join(f"{shown(source)} {format_yuan(amount)}" for source, amount in values.items())


def payee_text(line: PayeeLine) -> str:
    """The payee's code, or a masked ID number for a person."""
    e = line.entitlement
    return e.payee if e.payee_kind == FACILITY_PAYEE else mask_id_number(e.payee)


def colours_of(line: PayeeLine) -> tuple[str, str] | None:
    """Highlight: over-paid red, overdue amber, unknown entitlement blue."""
    if line.overpaid:
        return OVERPAID
    if line.overdue:
        return OVERDUE
    if line.entitled is None:
        return UNKNOWN
    return None


class SummaryModel(RowTableModel):
    """One row per county and programme (and a 合计 row per programme for several counties)."""

    numeric = frozenset({2, 3, 4, 5, 6})

    def __init__(self, parent: Any = None):
        super().__init__([self.tr("县（市、区）"), self.tr("补助项目"), self.tr("应补助（元）"), self.tr("预算（元）"),
                          self.tr("已发放（元）"), self.tr("欠拨（元）"), self.tr("超发（元）"), self.tr("逾期/超发/待定")], parent)
        self.titles: dict[str, str] = {}
        self.county_names: dict[str, str] = {}

    def cells(self, item: ProgrammeSummary) -> list[str]:
        county = self.county_names.get(item.county_code or "", self.tr("合计"))
        return [county, self.titles.get(item.programme, item.programme), format_yuan(item.entitled),
                format_yuan(item.budgeted), format_yuan(item.paid), format_yuan(item.arrears), format_yuan(item.overpaid),
                f"{item.overdue_payees} / {item.overpaid_payees} / {item.unknown}"]

    def colours(self, item: ProgrammeSummary) -> tuple[str, str] | None:
        return OVERPAID if item.overpaid_payees else OVERDUE if item.overdue_payees else None

    def tooltip(self, item: ProgrammeSummary, column: int) -> str | None:
        parts = {2: item.entitled_by_source, 3: item.budget_by_source, 4: item.paid_by_source}.get(column)
        if parts is not None:
            return by_source(dict(parts)) or self.tr("无")
        if column == 7:
            return self.tr("逾期未拨 {0} 户，超发 {1} 户，应补助待定 {2} 户").format(
                item.overdue_payees, item.overpaid_payees, item.unknown)
        return None


class PayeeModel(RowTableModel):
    """One row per payee: entitlement against what was paid, and the state of the line."""

    numeric = frozenset({3, 4, 5})

    def __init__(self, parent: Any = None):
        super().__init__([self.tr("收款对象"), self.tr("编码 / 身份证号"), self.tr("县（市、区）"), self.tr("应补助（元）"),
                          self.tr("已发放（元）"), self.tr("欠拨（元）"), self.tr("状态"), self.tr("依据")], parent)
        self.county_names: dict[str, str] = {}

    def cells(self, item: PayeeLine) -> list[str]:
        e = item.entitlement
        entitled = shown(e.gap) if item.entitled is None else format_yuan(item.entitled)
        outstanding = "—" if item.outstanding is None else format_yuan(item.outstanding)
        return [e.payee_name, payee_text(item), self.county_names.get(e.county_code, e.county_code), entitled,
                format_yuan(item.paid), outstanding, shown(item.status), e.basis]

    def colours(self, item: PayeeLine) -> tuple[str, str] | None:
        return colours_of(item)

    def tooltip(self, item: PayeeLine, column: int) -> str | None:
        if column in (3, 4, 5):
            shares = by_source(dict(item.entitlement.shares)) or "—"
            return self.tr("应补助：{0}\n已发放：{1}").format(shares, by_source(dict(item.paid_by_source)) or "—")
        return None


class VoucherModel(RowTableModel):
    """The postings of one payee: payments and the entries reversing them."""

    numeric = frozenset({2})

    def __init__(self, parent: Any = None):
        super().__init__([self.tr("凭证号"), self.tr("发放日期"), self.tr("金额（元）"), self.tr("资金来源"),
                          self.tr("冲销凭证"), self.tr("登记人"), self.tr("备注")], parent)

    def cells(self, item: subsidies.StoredPayment) -> list[str]:
        p = item.payment
        note = p.note + (self.tr("（确认超发）") if item.overpayment_confirmed else "")
        return [p.voucher_no, p.paid_on.isoformat(), format_yuan(p.amount_fen), shown(p.source), p.reverses or "",
                item.posted_by, note]

    def colours(self, item: subsidies.StoredPayment) -> tuple[str, str] | None:
        if item.payment.reverses or item.overpayment_confirmed:
            return OVERPAID
        return None


def _table(model: QAbstractTableModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


# --- dialogs: load, check what can be read, return values; the page runs the service --------------



class LedgerForm(FormDialog):
    """The ledger's forms: the shared :class:`FormDialog` with 确定 on the OK button, fields named
    by their key, amounts read as fen, and ``save()`` for the OK button's work."""

    def __init__(self, parent: QWidget | None, title: str, submit: Submit):
        super().__init__(parent, title, submit)
        self.set_ok_text(self.tr("确定"))

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:  # type: ignore[override]
        """Add ``widget`` under ``label`` with an error line for ``key``; return the widget."""
        widget.setObjectName(key)
        super().add_field(key, label, widget)
        return widget

    def amount(self, key: str, edit: QLineEdit, *, required: bool = True) -> int | None:
        """The yuan typed into ``edit`` as fen (None when blank and optional); unreadable text is shown under the field."""
        return amount_fen(key, edit, required=required)

    def save(self) -> None:
        """Read the fields, then hand the values to the caller; the dialog closes when it succeeds."""
        self._save()


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _combo(items: Sequence[tuple[str, Any]], selected: Any = None) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


class PaymentDialog(LedgerForm):
    """登记发放: programme, year, payee, amount, source, date, voucher number and a note."""

    def __init__(self, parent: QWidget | None, choices: subsidies.LedgerChoices, submit: Submit, *,
                 programme: str | None, year: int, payee: str = "", source: str | None = None, amount: int | None = None):
        super().__init__(parent, self.tr("登记补助发放"), submit)
        self.programme = self.add_field("programme", self.tr("补助项目"), _combo([(t, p) for p, t in choices.programmes], programme))
        self.year = self.add_field("year", self.tr("年度"), _combo([(str(y), y) for y in choices.years], year))
        self.payee = self.add_field("payee", self.tr("收款机构编码 / 身份证号"), QLineEdit(payee))
        self.amount_edit = self.add_field("amount", self.tr("金额（元）"),
                                          QLineEdit("" if not amount or amount < 0 else format_yuan(amount).replace(",", "")))
        self.source = self.add_field("source", self.tr("资金来源"), _combo([(shown(s), s) for s in choices.sources], source))
        self.paid_on = self.add_field("paid_on", self.tr("发放日期"), _date_edit(date.today()))
        self.voucher = self.add_field("voucher_no", self.tr("凭证号"), QLineEdit())
        self.note = self.add_field("note", self.tr("备注"), QLineEdit())
        self.voucher.setFocus()

    def values(self) -> dict[str, Any]:
        """The payment to post."""
        return {"payment": Payment(self.voucher.text(), self.programme.currentData(), self.year.currentData(),
                                   self.payee.text(), self.amount("amount", self.amount_edit) or 0,
                                   self.source.currentData(), _day(self.paid_on), note=self.note.text())}


class ReversalDialog(LedgerForm):
    """冲销: a new voucher number, the date and the amount (default: all that is not yet reversed)."""

    def __init__(self, parent: QWidget | None, original: Payment, submit: Submit):
        super().__init__(parent, self.tr("冲销凭证 {0}").format(original.voucher_no), submit)
        intro = QLabel(self.tr("原凭证 {0}：{1} 元，{2}。冲销不会修改原凭证，而是登记一笔负数凭证。").format(
            original.voucher_no, format_yuan(original.amount_fen), original.paid_on.isoformat()))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.voucher = self.add_field("voucher_no", self.tr("冲销凭证号"), QLineEdit())
        self.paid_on = self.add_field("paid_on", self.tr("冲销日期"), _date_edit(date.today()))
        self.amount_edit = self.add_field("amount", self.tr("冲销金额（元，空白=全部）"), QLineEdit())
        self.note = self.add_field("note", self.tr("原因"), QLineEdit())
        self.original = original
        self.voucher.setFocus()

    def values(self) -> dict[str, Any]:
        """The reversal's voucher, date, amount (None = all) and reason."""
        return {"voucher_no": self.original.voucher_no, "reversal_voucher_no": self.voucher.text().strip(),
                "paid_on": _day(self.paid_on), "amount_fen": self.amount("amount", self.amount_edit, required=False),
                "note": self.note.text().strip()}


class BudgetDialog(LedgerForm):
    """补助预算: programme, year, county, source and amount (an existing key is changed)."""

    def __init__(self, parent: QWidget | None, choices: subsidies.LedgerChoices, submit: Submit, *,
                 programme: str | None, year: int, county: str | None, source: str | None):
        super().__init__(parent, self.tr("补助预算"), submit)
        self.programme = self.add_field("programme", self.tr("补助项目"), _combo([(t, p) for p, t in choices.programmes], programme))
        self.year = self.add_field("year", self.tr("年度"), _combo([(str(y), y) for y in choices.years], year))
        self.county = self.add_field("division_code", self.tr("县（市、区）"), _combo([(n, c) for c, n in choices.counties], county))
        self.source = self.add_field("source", self.tr("资金来源"), _combo([(shown(s), s) for s in choices.sources], source))
        self.amount_edit = self.add_field("amount", self.tr("预算金额（元）"), QLineEdit())

    def values(self) -> dict[str, Any]:
        """The budget to save."""
        return {"budget": Budget(self.programme.currentData(), self.year.currentData(), self.county.currentData(),
                                 self.source.currentData(), self.amount("amount", self.amount_edit) or 0)}


class AllowanceDialog(LedgerForm):
    """老年乡村医生生活补助标准: a county's yuan per person and year from a year on (blank = remove)."""

    def __init__(self, parent: QWidget | None, choices: subsidies.LedgerChoices, rates: list[subsidies.AllowanceRate],
                 submit: Submit, *, county: str | None, year: int):
        super().__init__(parent, self.tr("老年乡村医生生活补助标准"), submit)
        text = "\n".join(self.tr("{0}：{1}年起 {2} 元/人·年").format(r.county_name, r.from_year, format_yuan(r.amount_fen))
                         for r in rates) or self.tr("尚未设定任何县区的标准（政策未规定金额，由县区确定）。")
        current = QLabel(text)
        current.setObjectName("current_rates")
        current.setWordWrap(True)
        self.form.addRow(self.tr("已设定"), current)
        self.county = self.add_field("county_code", self.tr("县（市、区）"), _combo([(n, c) for c, n in choices.counties], county))
        self.year = self.add_field("from_year", self.tr("起始年度"), _combo([(str(y), y) for y in choices.years], year))
        self.amount_edit = self.add_field("amount", self.tr("每人每年（元，空白=取消该设置）"), QLineEdit())

    def values(self) -> dict[str, Any]:
        """county_code, from_year, amount_fen (None removes the setting)."""
        return {"county_code": self.county.currentData(), "from_year": self.year.currentData(),
                "amount_fen": self.amount("amount", self.amount_edit, required=False)}


# --- the page -------------------------------------------------------------------------------------

class SubsidiesPage(QWidget):
    """Filter bar, ledger summary, payee lines with their vouchers, and the posting actions."""

    ready = Signal()
    loaded = Signal()
    detail_loaded = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._choices: subsidies.LedgerChoices | None = None
        self._ledger: Ledger | None = None
        self._generation = 0
        self._detail_generation = 0
        self._is_ready = False
        self.allowance_dialog: AllowanceDialog | None = None

        self.county_filter = QComboBox()
        self.county_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_filter = QComboBox()
        self.flagged_only = QCheckBox(self.tr("只看逾期、超发和待定"))
        self.post_button = QPushButton(self.tr("登记发放"))
        self.reverse_button = QPushButton(self.tr("冲销所选凭证"))
        self.budget_button = QPushButton(self.tr("补助预算"))
        self.allowance_button = QPushButton(self.tr("生活补助标准"))
        self.summary_model = SummaryModel(self)
        self.summary = _table(self.summary_model, 1)
        self.payee_model = PayeeModel(self)
        self.payees = _table(self.payee_model, 7)
        self.voucher_model = VoucherModel(self)
        self.vouchers = _table(self.voucher_model, 6)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.count_label = QLabel()
        self._build_layout()

        self.county_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.flagged_only.toggled.connect(lambda _on: self._show_payees())
        self.summary.selectionModel().selectionChanged.connect(lambda *_: self._show_payees())
        self.payees.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.vouchers.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.post_button.clicked.connect(self.post_payment)
        self.reverse_button.clicked.connect(self.reverse_payment)
        self.budget_button.clicked.connect(self.edit_budget)
        self.allowance_button.clicked.connect(self.edit_allowance)
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()
        self._load_choices()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in ((self.tr("县区"), self.county_filter), (self.tr("年度"), self.year_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.flagged_only)
        bar.addStretch(1)
        for button in (self.post_button, self.reverse_button, self.budget_button, self.allowance_button):
            bar.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_label)
        right_layout.addWidget(self.vouchers, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.payees)
        lower.addWidget(right)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        upper = QSplitter(Qt.Orientation.Vertical)
        upper.addWidget(self.summary)
        upper.addWidget(lower)
        upper.setSizes([220, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(upper, 1)
        layout.addWidget(self.count_label)

    # -- choices and the ledger ------------------------------------------------------------------
    def _load_choices(self) -> None:
        today = date.today()
        self._runner.query(lambda ctx, _p: (subsidies.ledger_choices(ctx, today=today)), self._fill_choices,
                           lambda exc: show_error(self, exc))

    def _fill_choices(self, choices: subsidies.LedgerChoices) -> None:
        self._choices = choices
        for combo in (self.county_filter, self.year_filter):
            combo.blockSignals(True)
            combo.clear()
        if len(choices.counties) != 1:
            self.county_filter.addItem(self.tr("全部县区"), None)
        for code, name in choices.counties:
            self.county_filter.addItem(name, code)
        for year in choices.years:
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(date.today().year - 1)))
        self.summary_model.titles = dict(choices.programmes)
        self.summary_model.county_names = self.payee_model.county_names = dict(choices.counties)
        for combo in (self.county_filter, self.year_filter):
            combo.blockSignals(False)
        self.refresh()

    def set_filter(self, *, county: str | None = None, year: int | None = None) -> None:
        """Show the ledger of ``county`` (None = every county in scope) and ``year``."""
        self.county_filter.blockSignals(True)
        self.county_filter.setCurrentIndex(max(0, self.county_filter.findData(county)))
        self.county_filter.blockSignals(False)
        if year is not None:
            self.year_filter.blockSignals(True)
            self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(year)))
            self.year_filter.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Reload the ledger for the chosen county and year (as of today)."""
        year = self.year_filter.currentData()
        if year is None:
            return
        county, today = self.county_filter.currentData(), date.today()
        self._generation += 1
        generation = self._generation
        self._runner.query(lambda ctx, _p: subsidies.ledger(ctx, year=year, county=county, as_of=today),
                           lambda found: self._on_ledger(generation, found), lambda exc: show_error(self, exc))

    def _on_ledger(self, generation: int, found: Ledger) -> None:
        if generation != self._generation:
            return
        selected = self._selected_summary()
        key = None if selected is None else (selected.programme, selected.county_code)
        self._ledger = found
        rows = list(found.summaries)
        if len({s.county_code for s in rows}) > 1:
            rows += [found.total(p) for p, _ in (self._choices.programmes if self._choices else [])]
        self.summary_model.set_rows(rows)
        row = next((i for i, s in enumerate(rows) if (s.programme, s.county_code) == key), None)
        if row is not None:
            self.summary.selectRow(row)
        self._show_payees()
        self.loaded.emit()
        if not self._is_ready:
            self._is_ready = True
            self.ready.emit()

    def _selected_summary(self) -> ProgrammeSummary | None:
        rows = self.summary.selectionModel().selectedRows() if self.summary.selectionModel() else []
        return self.summary_model.row(rows[0].row()) if rows else None

    def _show_payees(self) -> None:
        if self._ledger is None:
            return
        chosen = self._selected_summary()
        lines = self._ledger.lines if chosen is None else self._ledger.lines_of(chosen.programme, chosen.county_code)
        if self.flagged_only.isChecked():
            lines = [l for l in lines if l.overdue or l.overpaid or l.entitled is None]
        previous = self.current_line()
        self.payee_model.set_rows(lines)
        if previous is not None:
            key = (previous.entitlement.programme, previous.entitlement.payee)
            row = next((i for i, l in enumerate(lines) if (l.entitlement.programme, l.entitlement.payee) == key), None)
            if row is not None:
                self.payees.selectRow(row)
        self.count_label.setText(self.tr("共 {0} 个收款对象：逾期 {1}，超发 {2}，应补助待定 {3}").format(
            len(lines), sum(1 for l in lines if l.overdue), sum(1 for l in lines if l.overpaid),
            sum(1 for l in lines if l.entitled is None)))
        self._show_detail()

    def current_line(self) -> PayeeLine | None:
        """The selected payee line."""
        rows = self.payees.selectionModel().selectedRows()
        return self.payee_model.row(rows[0].row()) if rows else None

    def current_voucher(self) -> subsidies.StoredPayment | None:
        """The selected voucher of the payee."""
        rows = self.vouchers.selectionModel().selectedRows()
        return self.voucher_model.row(rows[0].row()) if rows else None

    def _show_detail(self) -> None:
        self._detail_generation += 1
        generation, line = self._detail_generation, self.current_line()
        self._update_buttons()
        if line is None:
            self.detail_label.setText(self.tr("选择一个收款对象，查看其每一笔发放凭证。"))
            self.voucher_model.set_rows([])
            return
        e, today = line.entitlement, date.today()

        def shown_detail(detail: subsidies.PayeeDetail) -> None:
            if generation != self._detail_generation:
                return
            self.detail_label.setText(self.tr("{0}（{1}）{2}年：应补助 {3}，已发放 {4}，{5}").format(
                e.payee_name, payee_text(line), e.year,
                shown(e.gap) if line.entitled is None else format_yuan(line.entitled) + self.tr(" 元"),
                format_yuan(detail.line.paid) + self.tr(" 元"), shown(detail.line.status)))
            self.voucher_model.set_rows(detail.postings)
            self._update_buttons()
            self.detail_loaded.emit()

        self._runner.query(
            lambda ctx, _p: subsidies.payee_detail(ctx, programme=e.programme, year=e.year, payee=e.payee, as_of=today),
            shown_detail, lambda exc: show_error(self, exc))

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(table) for table in LEDGER_INPUTS):
            self.refresh()

    def _update_buttons(self) -> None:
        voucher = self.current_voucher()
        self.reverse_button.setEnabled(voucher is not None and voucher.payment.amount_fen > 0)
        ready = self._choices is not None
        for button in (self.post_button, self.budget_button, self.allowance_button):
            button.setEnabled(ready)

    # -- actions -------------------------------------------------------------------------------
    def _run(self, operation: Callable[[Any], Any]) -> Callable[[dict[str, Any], Done], None]:
        """A dialog's submit: run ``operation(ctx, **values)`` as a write and report back to the form."""

        def submit(values: dict[str, Any], done: Done) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: operation(ctx, **values), lambda _changes: done(None, None), failed)

        return submit

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def post_payment(self) -> PaymentDialog | None:
        """Open the form for a payment (to the selected payee, for what is still owed)."""
        if self._choices is None:
            return None
        line = self.current_line()
        chosen = self._selected_summary()
        programme = line.entitlement.programme if line else chosen.programme if chosen else None
        source = next(iter(line.entitlement.shares), None) if line else None
        dialog = PaymentDialog(self, self._choices, self._payment_submit(), programme=programme,
                               year=self.year_filter.currentData(), payee=line.entitlement.payee if line else "",
                               source=source, amount=line.arrears if line else None)
        self._open(dialog)
        return dialog

    def _payment_submit(self) -> Callable[[dict[str, Any], Done], None]:
        def submit(values: dict[str, Any], done: Done) -> None:
            payment = values["payment"]

            def failed(exc: BaseException) -> None:
                if isinstance(exc, OverpaymentNotConfirmed):
                    answer = QMessageBox.question(self, self.tr("确认超发"), str(exc))
                    if answer == QMessageBox.StandardButton.Yes:
                        self._runner.op(lambda ctx, _p: subsidies.post_payment(ctx, payment=payment, confirm_overpayment=True),
                                        lambda _c: done(None, None), failed)
                    else:
                        done(None, self.tr("未登记：该笔发放会造成超发"))
                elif isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: subsidies.post_payment(ctx, payment=payment), lambda _c: done(None, None), failed)

        return submit

    def reverse_payment(self) -> ReversalDialog | None:
        """Open the form reversing the selected voucher."""
        voucher = self.current_voucher()
        if voucher is None or voucher.payment.amount_fen <= 0:
            return None
        dialog = ReversalDialog(self, voucher.payment, self._run(lambda ctx, **v: subsidies.reverse_payment(ctx, **v)))
        self._open(dialog)
        return dialog

    def edit_budget(self) -> BudgetDialog | None:
        """Open the budget form for the selected programme, county and year."""
        if self._choices is None:
            return None
        chosen = self._selected_summary()
        dialog = BudgetDialog(self, self._choices, self._run(lambda ctx, **v: subsidies.save_budget(ctx, **v)),
                              programme=chosen.programme if chosen else None, year=self.year_filter.currentData(),
                              county=(chosen.county_code if chosen else None) or self.county_filter.currentData(),
                              source=next(iter(chosen.entitled_by_source), None) if chosen else None)
        self._open(dialog)
        return dialog

    def edit_allowance(self) -> None:
        """Open the allowance-rate form (after loading the current settings)."""
        if self._choices is None:
            return
        choices, county, year = self._choices, self.county_filter.currentData(), self.year_filter.currentData()

        def opened(rates: list[subsidies.AllowanceRate]) -> None:
            self.allowance_dialog = AllowanceDialog(
                self, choices, rates, self._run(lambda ctx, **v: subsidies.set_allowance_rate(ctx, **v)),
                county=county, year=year)
            self._open(self.allowance_dialog)

        self._runner.query(lambda ctx, _p: subsidies.allowance_rates(ctx), opened, lambda exc: show_error(self, exc))

    def focus_search(self) -> None:
        """Ctrl+F: put the focus on the county picker (the page has no search box)."""
        self.county_filter.setFocus()

