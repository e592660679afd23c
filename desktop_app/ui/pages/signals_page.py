"""风险提示: fraud signals over every application and business — the same person, business or hired
person claimed more often than a measure allows, one operator ID in several counties, an
application received before the business was registered — with links to the cases and
businesses concerned. A signal is a prompt to look again, not a verdict; IDs are masked.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.domain.business import signals as kinds
from desktop_app.domain.business.signals import Signal as FraudSignal
from desktop_app.services import applications, desk_queries
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

SIGNAL_INPUTS = (applications.TABLE, "businesses")


def kind_label(kind: str) -> str:
    """The Chinese name of a signal kind."""
    labels = {
        kinds.PERSON_CLAIMED_TWICE: QCoreApplication.translate("SignalsPage", "同一人重复申领"),
        kinds.BUSINESS_CLAIMED_TWICE: QCoreApplication.translate("SignalsPage", "同一户重复申领"),
        kinds.HIRE_CLAIMED_TWICE: QCoreApplication.translate("SignalsPage", "招用人员重复申报"),
        kinds.ID_IN_SEVERAL_COUNTIES: QCoreApplication.translate("SignalsPage", "同一身份证号跨县区登记"),
        kinds.RECEIVED_BEFORE_REGISTRATION: QCoreApplication.translate("SignalsPage", "受理早于登记"),
    }
    return labels.get(kind, kind)


KINDS = (kinds.PERSON_CLAIMED_TWICE, kinds.BUSINESS_CLAIMED_TWICE, kinds.HIRE_CLAIMED_TWICE,
         kinds.ID_IN_SEVERAL_COUNTIES, kinds.RECEIVED_BEFORE_REGISTRATION)


class SignalsPage(QWidget):
    """The signal list (filter by kind) and the selected signal with links; Enter opens its first case.

    The signals are computed when the page is shown (and again after changes while it is shown),
    so the pass over every application never delays start-up.
    """

    ready = Signal()
    loaded = Signal()
    open_case = Signal(str)
    open_business = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._ready = False
        self._stale = True  # computed when first shown: it reads every application
        self._signals: list[FraudSignal] = []

        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind in KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.refresh_button = QPushButton(self.tr("重新检查"))
        self.count_label = QLabel()
        self.model = TextTableModel([self.tr("类型"), self.tr("提示"), self.tr("相关申请"), self.tr("相关个体工商户")], parent=self)
        self.table = text_table(self.model, stretch=[1], selectable=True, wrap=True)
        self.table.setObjectName("signals")
        self.detail = QLabel(self.tr("选择一条提示查看相关申请和个体工商户。"))
        self.detail.setObjectName("signal_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        note = QLabel(self.tr("风险提示是再核查的线索，不是结论；不予批准、已撤回的申请不计入。"))
        note.setStyleSheet("color: #555;")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("类型")))
        bar.addWidget(self.kind_filter)
        bar.addWidget(note, 1)
        bar.addWidget(self.refresh_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        detail_box = QGroupBox(self.tr("相关记录"))
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(detail_box)
        splitter.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.kind_filter.currentIndexChanged.connect(lambda _i: self._show())
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.table.activated.connect(lambda index: self._open_first(index.row()))
        self.detail.linkActivated.connect(self._follow)
        runner.op_executed.connect(self._on_op_executed)

    def reload(self) -> None:
        """Compute the signals again (on the worker)."""
        self._stale = False
        self._runner.query(lambda ctx, _p: desk_queries.fraud_signals(ctx), self._on_signals, lambda exc: show_error(self, exc))

    def _on_signals(self, found: list[FraudSignal]) -> None:
        self._signals = found
        self._show()
        self.loaded.emit()
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(table) for table in SIGNAL_INPUTS):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.reload()

    def shown_signals(self) -> list[FraudSignal]:
        """The signals in the table, in order."""
        kind = self.kind_filter.currentData()
        return [s for s in self._signals if kind is None or s.kind == kind]

    def _show(self) -> None:
        shown = self.shown_signals()
        self.model.set_rows([[kind_label(s.kind), s.message, "\n".join(s.receipt_nos), "\n".join(s.usccs)] for s in shown],
                            keys=shown, colours={(row, 0): ("#8a5300", "#fff3dc") for row in range(len(shown))})
        self.count_label.setText(self.tr("共 {0} 条提示").format(len(shown)))
        self._show_detail()

    def _show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.setText(self.tr("选择一条提示查看相关申请和个体工商户。"))
            return
        signal: FraudSignal = self.model.key(rows[0].row())
        cases = "　".join(f"<a href='case:{no}'>{no}</a>" for no in signal.receipt_nos) or self.tr("无")
        businesses = "　".join(f"<a href='business:{code}'>{code}</a>" for code in signal.usccs) or self.tr("无")
        cases_label, businesses_label = self.tr("相关申请："), self.tr("相关个体工商户：")
        self.detail.setText(
            f"<p><b>{html.escape(kind_label(signal.kind))}</b>　{html.escape(signal.message)}</p>"
            f"<p>{html.escape(cases_label)}{cases}</p><p>{html.escape(businesses_label)}{businesses}</p>")

    def _open_first(self, row: int) -> None:
        signal: FraudSignal = self.model.key(row)
        if signal.receipt_nos:
            self.open_case.emit(signal.receipt_nos[0])
        elif signal.usccs:
            self.open_business.emit(signal.usccs[0])

    def _follow(self, link: str) -> None:
        kind, _, value = link.partition(":")
        (self.open_case if kind == "case" else self.open_business).emit(value)
