"""审核办理: one case on the decision screen — every eligibility condition with pass/fail and the
facts behind it, the verdict, the facts and materials, the event history (who, when) — and the
actions its status allows: start review, approve (an ineligible case only with a written
override reason, flagged), refuse with reasons, pay, withdraw, reopen with a reason.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import RuleViolation, ValidationError
from desktop_app.domain.money import format_yuan
from desktop_app.services import applications, desk_queries
from desktop_app.services.desk_queries import CaseView
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.decision_dialogs import ApproveDialog, PayDialog, ReasonDialog, RefuseDialog
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

PASS_COLOURS = {True: ("#1e7b45", "#e6f5ec"), False: ("#a93226", "#fdecea"), None: ("#1f5f8b", "#e6f0f8")}
MATERIAL_COLOURS = {"已收取": ("#1e7b45", "#e6f5ec"), "不适用": ("#626f70", "#f0f1f2"), "未收取": ("#a93226", "#fdecea")}
Operation = Callable[[Any, str, int, dict[str, Any]], Any]


def action_label(action: str) -> str:
    """The Chinese name of an event's action."""
    labels = {
        "intake": QCoreApplication.translate("DecisionPanel", "受理"),
        "start_review": QCoreApplication.translate("DecisionPanel", "开始审核"),
        "approve": QCoreApplication.translate("DecisionPanel", "批准"),
        "approve_override": QCoreApplication.translate("DecisionPanel", "特批（超出系统判定）"),
        "refuse": QCoreApplication.translate("DecisionPanel", "不予批准"),
        "pay": QCoreApplication.translate("DecisionPanel", "发放"),
        "withdraw": QCoreApplication.translate("DecisionPanel", "撤回"),
        "reopen": QCoreApplication.translate("DecisionPanel", "重新办理"),
        "amend": QCoreApplication.translate("DecisionPanel", "更正申请事实"),
        "import": QCoreApplication.translate("DecisionPanel", "导入"),
    }
    return labels.get(action, action)


def passed_label(passed: bool | None) -> str:
    """符合 / 不符合 / 待补充 for a condition."""
    if passed is None:
        return QCoreApplication.translate("DecisionPanel", "待补充")
    return QCoreApplication.translate("DecisionPanel", "符合") if passed else QCoreApplication.translate("DecisionPanel", "不符合")


class DecisionPanel(QWidget):
    """The case shown on the decision screen and its action buttons; ``loaded`` after each (re)load."""

    loaded = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self.receipt_no: str | None = None
        self.view: CaseView | None = None

        self.header = QLabel()
        self.header.setObjectName("case_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.flag = QLabel()
        self.flag.setObjectName("override_flag")
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet("color: #a93226; background: #fdecea; border: 1px solid #a93226; padding: 4px;")
        self.flag.hide()
        self.values: dict[str, QLabel] = {}
        info = QGroupBox(self.tr("申请信息"))
        form = QFormLayout(info)
        for key, label in (
            ("policy", self.tr("政策")), ("applicant", self.tr("申请主体")), ("person", self.tr("申请人")),
            ("received_on", self.tr("受理日期")), ("promised_on", self.tr("承诺办结")), ("handler", self.tr("受理/办理")),
            ("requested", self.tr("申请金额")), ("decision", self.tr("决定")), ("payment", self.tr("发放")),
        ):
            value = QLabel()
            value.setObjectName(f"case_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        info.setMinimumWidth(300)
        info.setMaximumWidth(380)

        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.conditions_model = TextTableModel([self.tr("结果"), self.tr("条件"), self.tr("依据事实"), self.tr("说明")], parent=self)
        self.conditions = text_table(self.conditions_model, stretch=[1, 2, 3], wrap=True)
        self.conditions.setObjectName("conditions")
        conditions_page = QWidget()
        conditions_layout = QVBoxLayout(conditions_page)
        conditions_layout.addWidget(self.verdict)
        conditions_layout.addWidget(self.conditions, 1)
        self.facts_model = TextTableModel([self.tr("申请事实"), self.tr("填报内容")], parent=self)
        self.materials_model = TextTableModel([self.tr("申请材料"), self.tr("状态")], parent=self)
        facts_page = QWidget()
        facts_layout = QHBoxLayout(facts_page)
        facts_layout.addWidget(text_table(self.facts_model, stretch=[1]), 2)
        facts_layout.addWidget(text_table(self.materials_model, stretch=[0], wrap=True), 3)
        self.events_model = TextTableModel([self.tr("时间"), self.tr("办理人"), self.tr("操作"), self.tr("状态变化"), self.tr("说明")],
                                           parent=self)
        self.events = text_table(self.events_model, stretch=[4], wrap=True)
        self.events.setObjectName("events")
        self.tabs = QTabWidget()
        self.tabs.addTab(conditions_page, self.tr("资格条件"))
        self.tabs.addTab(facts_page, self.tr("申请事实与材料"))
        self.tabs.addTab(self.events, self.tr("办理记录"))

        self.buttons: dict[str, QPushButton] = {}
        button_row = QHBoxLayout()
        for action, text, slot in (
            ("start_review", self.tr("开始审核"), self.start_review),
            ("approve", self.tr("批准…"), self.approve),
            ("refuse", self.tr("不予批准…"), self.refuse),
            ("pay", self.tr("发放…"), self.pay),
            ("withdraw", self.tr("撤回…"), self.withdraw),
            ("reopen", self.tr("重新办理…"), self.reopen),
        ):
            button = QPushButton(text)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            button_row.addWidget(button)
            self.buttons[action] = button
        button_row.addStretch(1)

        middle = QHBoxLayout()
        middle.addWidget(info)
        middle.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.flag)
        layout.addLayout(middle, 1)
        layout.addLayout(button_row)
        runner.op_executed.connect(self._on_op_executed)
        self._show(None)

    # -- loading -----------------------------------------------------------------------------------
    def show_case(self, receipt_no: str | None) -> None:
        """Load and show a case (None clears the panel)."""
        self.receipt_no = receipt_no
        self.reload()

    def reload(self) -> None:
        """Fetch the shown case again (fresh verdict, events)."""
        self._generation += 1
        generation, receipt_no = self._generation, self.receipt_no
        if receipt_no is None:
            self._show(None)
            self.loaded.emit()
            return

        def shown(view: CaseView) -> None:
            if generation == self._generation:
                self._show(view)
                self.loaded.emit()

        self._runner.query(lambda ctx, _p: desk_queries.case_view(ctx, receipt_no), shown, lambda exc: show_error(self, exc))

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if self.receipt_no is not None and (touches is None or touches(applications.TABLE) or touches("businesses")
                                            or touches("person_statuses") or touches("catalogue_entries")):
            self.reload()

    # -- showing -----------------------------------------------------------------------------------
    def _show(self, view: CaseView | None) -> None:
        self.view = view
        for action, button in self.buttons.items():
            button.setEnabled(view is not None and action in view.allowed)
        if view is None:
            self.header.setText(self.tr("请在上方清单中选择一件申请。"))
            self.flag.hide()
            self.verdict.clear()
            for label in self.values.values():
                label.clear()
            for model in (self.conditions_model, self.facts_model, self.materials_model, self.events_model):
                model.set_rows([])
            return
        case, app = view.case, view.case.application
        overdue_text, number = html.escape(self.tr("已超期")), html.escape(self.tr("受理编号"))
        overdue = f"　<span style='color:#a93226; font-weight:bold'>{overdue_text}</span>" if view.overdue else ""
        self.header.setText(
            f"<span style='font-size:13pt'>{number} <b>{case.receipt_no}</b></span>　"
            f"<span style='background:#e6f0f8; color:#1f5f8b; padding:2px'>&nbsp;{html.escape(vocabulary.display(case.status))}&nbsp;</span>"
            f"{overdue}")
        self.flag.setVisible(case.overridden)
        self.flag.setText(self.tr("特批：超出系统判定批准。理由：{0}").format(case.override_reason or ""))
        decision = ""
        if case.approved_amount_fen is not None:
            decision = self.tr("批准 {0} 元（{1}）").format(format_yuan(case.approved_amount_fen), case.decided_by or "")
        elif case.status == "不予批准":
            decision = self.tr("不予批准：{0}").format("；".join(case.decision_reasons))
        elif case.withdrawal_reason:
            decision = self.tr("撤回：{0}").format(case.withdrawal_reason)
        payment = ""
        if case.voucher_no:
            payment = self.tr("{0} 发放 {1} 元，凭证号 {2}").format(
                case.paid_on.isoformat() if case.paid_on else "", format_yuan(case.paid_amount_fen or 0), case.voucher_no)
        shown = {
            "policy": f"{view.title}\n{view.citation}",
            "applicant": f"{view.applicant_name}\n{app.uscc}" if app.uscc else self.tr("（个人申请）"),
            "person": view.id_masked or "—",
            "received_on": app.received_on.isoformat(),
            "promised_on": case.promised_on.isoformat() if case.promised_on else "",
            "handler": f"{case.received_by or ''} / {case.handler or ''}",
            "requested": self.tr("{0} 元").format(format_yuan(app.amount_requested_fen)) if app.amount_requested_fen is not None else "—",
            "decision": decision or "—",
            "payment": payment or "—",
        }
        for key, text in shown.items():
            self.values[key].setText(text)
        verdict = view.eligibility
        if verdict.eligible:
            self.verdict.setText(self.tr("系统判定：符合全部条件，核定金额 {0} 元（依据 {1}）").format(
                format_yuan(verdict.amount_fen), verdict.entry_id or ""))
            self.verdict.setStyleSheet("color: #1e7b45; font-weight: bold;")
        else:
            self.verdict.setText(self.tr("系统判定：不符合 — {0}").format("；".join(verdict.reasons)))
            self.verdict.setStyleSheet("color: #a93226; font-weight: bold;")
        rows, colours = [], {}
        for row, condition in enumerate(verdict.conditions):
            rows.append([passed_label(condition.passed), condition.label, condition.facts, condition.message])
            colours[(row, 0)] = PASS_COLOURS[condition.passed]
        self.conditions_model.set_rows(rows, colours=colours)
        self.facts_model.set_rows([list(f) for f in view.facts])
        self.materials_model.set_rows(
            [[name, vocabulary.display(state)] for name, state in view.materials],
            colours={(row, 1): MATERIAL_COLOURS[state] for row, (_name, state) in enumerate(view.materials)})
        self.events_model.set_rows([
            [e.at.replace("T", " ")[:19], e.actor, action_label(e.action),
             f"{vocabulary.display(e.from_status) or '—'} → {vocabulary.display(e.to_status)}", e.note]
            for e in view.events])

    # -- actions -----------------------------------------------------------------------------------
    def _open(self, dialog_class: type[QDialog], operation: Operation, *, rule_field: str | None = None,
              **dialog_options: Any) -> QDialog | None:
        """Open ``dialog_class``; its values go to ``operation(ctx, receipt_no, version, values)`` and
        what the service refuses comes back next to the fields (a RuleViolation to ``rule_field``)."""
        view = self.view
        if view is None:
            return None
        receipt_no, version = view.case.receipt_no, view.case.row_version

        def submit(values: dict[str, Any], done: Callable[[dict[str, str] | None, str | None], None]) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                elif isinstance(exc, RuleViolation) and rule_field is not None:
                    done({rule_field: str(exc)}, None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: operation(ctx, receipt_no, version, values), lambda _c: done(None, None), failed)

        dialog = dialog_class(self, submit=submit, **dialog_options)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def start_review(self) -> None:
        """已受理 → 审核中 (the acting user becomes the handler)."""
        view = self.view
        if view is None:
            return
        receipt_no, version = view.case.receipt_no, view.case.row_version
        self._runner.op(lambda ctx, _p: applications.start_review(ctx, receipt_no=receipt_no, expected_version=version),
                        None, lambda exc: show_error(self, exc))

    def approve(self) -> QDialog | None:
        """Open the approval dialog (an ineligible case needs a written override reason)."""
        return self._open(ApproveDialog, lambda ctx, no, version, v: applications.approve(
            ctx, receipt_no=no, expected_version=version, amount_fen=v["amount_fen"], reasons=v["reasons"],
            override_reason=v["override_reason"]), rule_field="override_reason", view=self.view)

    def refuse(self) -> QDialog | None:
        """Open the refusal dialog (reasons required)."""
        return self._open(RefuseDialog, lambda ctx, no, version, v: applications.refuse(
            ctx, receipt_no=no, expected_version=version, reasons=v["reasons"]), view=self.view)

    def pay(self) -> QDialog | None:
        """Open the payment dialog (voucher, date, amount ≤ approved)."""
        return self._open(PayDialog, lambda ctx, no, version, v: applications.pay(
            ctx, receipt_no=no, expected_version=version, voucher_no=v["voucher_no"], paid_on=v["paid_on"],
            amount_fen=v["amount_fen"]), view=self.view)

    def withdraw(self) -> QDialog | None:
        """Open the withdrawal dialog (reason required)."""
        return self._open(ReasonDialog, lambda ctx, no, version, v: applications.withdraw(
            ctx, receipt_no=no, expected_version=version, reason=v["reason"]), rule_field="reason",
            title=self.tr("撤回申请"), ok_text=self.tr("撤回"), intro=self.tr("申请人撤回申请。请写明撤回原因。"))

    def reopen(self) -> QDialog | None:
        """Open the reopening dialog (reason required; the earlier decision stays in the history)."""
        return self._open(ReasonDialog, lambda ctx, no, version, v: applications.reopen(
            ctx, receipt_no=no, expected_version=version, reason=v["reason"]), rule_field="reason",
            title=self.tr("重新办理"), ok_text=self.tr("重新办理"),
            intro=self.tr("已作出的决定将保留在办理记录中，申请回到审核中。请写明重新办理的原因。"))
