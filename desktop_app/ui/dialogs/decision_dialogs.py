"""The decision screen's dialogs: approve (with the flagged override), refuse, pay, and a reason for
withdrawing or reopening. Each collects values and hands them to ``submit(values, done)``; the
caller runs the service and ``done(field_errors, message)`` shows what it refused next to the
fields (``(None, None)`` closes the dialog).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.money import format_yuan
from desktop_app.services.desk_queries import CaseView
from desktop_app.ui.dialogs.form_dialog import FormDialog, Submit, amount_fen, lines, text_box
from desktop_app.ui.widgets.date_edit import DateEdit


class ApproveDialog(FormDialog):
    """批准: amount (the engine's by default) and reasons; when the engine finds the case ineligible
    the dialog says so in red and the written override reason is required (the service enforces it)."""

    def __init__(self, parent: QWidget | None, *, view: CaseView, submit: Submit):
        super().__init__(parent, self.tr("批准申请 {0}").format(view.case.receipt_no), submit)
        self.set_ok_text(self.tr("批准"))
        verdict = view.eligibility
        self.override_needed = not verdict.eligible
        self.amount = QLineEdit(format_yuan(verdict.amount_fen).replace(",", "") if verdict.amount_fen is not None else "")
        self.amount.setObjectName("amount")
        self.reasons = text_box()
        self.reasons.setPlaceholderText(self.tr("可不填：默认为系统判定理由"))
        self.override_reason = text_box()
        self.override_reason.setObjectName("override_reason")
        if self.override_needed:
            reasons = "".join(f"<li>{html.escape(r)}</li>" for r in verdict.reasons)
            heading = html.escape(self.tr("系统判定：不符合条件"))
            warning = html.escape(self.tr("批准即为超出系统判定的特批：须填写书面理由，该件将被醒目标记并记入审计。"))
            self.intro.setText(f"<p style='color:#a93226'><b>{heading}</b></p><ul>{reasons}</ul>"
                               f"<p style='color:#a93226'>{warning}</p>")
            self.intro.setStyleSheet("background: #fdecea; border: 1px solid #a93226; padding: 6px;")
            self.override_reason.setPlaceholderText(self.tr("必填：特批的书面理由"))
            self.amount.setPlaceholderText(self.tr("必填：批准金额（元）"))
        else:
            self.intro.setText(html.escape(self.tr("系统判定：符合，核定金额 {0} 元。").format(format_yuan(verdict.amount_fen))))
            self.override_reason.setPlaceholderText(self.tr("仅在批准金额高于核定金额时填写理由"))
        self.intro.show()
        self.add_field("amount", self.tr("批准金额（元）"), self.amount)
        self.add_field("reasons", self.tr("批准说明"), self.reasons)
        self.add_field("override_reason", self.tr("特批理由") if self.override_needed else self.tr("超额理由"), self.override_reason)
        (self.override_reason if self.override_needed else self.amount).setFocus()

    def values(self) -> dict[str, Any]:
        """amount_fen, reasons, override_reason."""
        return {"amount_fen": amount_fen("amount", self.amount, required=self.override_needed),
                "reasons": lines(self.reasons),
                "override_reason": self.override_reason.toPlainText().strip() or None}


class RefuseDialog(FormDialog):
    """不予批准: written reasons, one per line (the engine's reasons to start from)."""

    def __init__(self, parent: QWidget | None, *, view: CaseView, submit: Submit):
        super().__init__(parent, self.tr("不予批准 {0}").format(view.case.receipt_no), submit)
        self.set_ok_text(self.tr("不予批准"))
        reasons = [] if view.eligibility.eligible else view.eligibility.reasons
        self.reasons = text_box("\n".join(reasons))
        self.reasons.setObjectName("reasons")
        self.reasons.setFixedHeight(110)
        self.intro.setText(html.escape(self.tr("请写明不予批准的理由，每行一条（将告知申请人）。")))
        self.intro.show()
        self.add_field("reasons", self.tr("理由"), self.reasons)
        self.reasons.setFocus()

    def values(self) -> dict[str, Any]:
        """reasons."""
        return {"reasons": lines(self.reasons)}


class PayDialog(FormDialog):
    """发放: voucher number, payment date (today) and amount (the approved amount; never above it)."""

    def __init__(self, parent: QWidget | None, *, view: CaseView, submit: Submit):
        super().__init__(parent, self.tr("发放 {0}").format(view.case.receipt_no), submit)
        self.set_ok_text(self.tr("发放"))
        approved = view.case.approved_amount_fen
        self.voucher = QLineEdit()
        self.voucher.setObjectName("voucher_no")
        self.paid_on = DateEdit(QDate.currentDate())
        self.paid_on.setObjectName("paid_on")
        self.amount = QLineEdit(format_yuan(approved).replace(",", "") if approved is not None else "")
        self.amount.setObjectName("amount")
        if approved is not None:
            self.intro.setText(html.escape(self.tr("批准金额 {0} 元；发放金额不能超过批准金额。").format(format_yuan(approved))))
            self.intro.show()
        self.add_field("voucher_no", self.tr("发放凭证号"), self.voucher)
        self.add_field("paid_on", self.tr("发放日期"), self.paid_on)
        self.add_field("amount", self.tr("发放金额（元）"), self.amount)
        self.voucher.setFocus()

    def values(self) -> dict[str, Any]:
        """voucher_no, paid_on, amount_fen."""
        return {"voucher_no": self.voucher.text().strip(), "paid_on": self.paid_on.value(),
                "amount_fen": amount_fen("amount", self.amount, required=False)}


class ReasonDialog(FormDialog):
    """A reason for withdrawing (撤回) or reopening (重新办理) a case."""

    def __init__(self, parent: QWidget | None, *, title: str, ok_text: str, intro: str, submit: Submit):
        super().__init__(parent, title, submit)
        self.set_ok_text(ok_text)
        self.intro.setText(html.escape(intro))
        self.intro.show()
        self.reason = text_box()
        self.reason.setObjectName("reason")
        self.add_field("reason", self.tr("原因"), self.reason)
        self.reason.setFocus()

    def values(self) -> dict[str, Any]:
        """reason."""
        return {"reason": self.reason.toPlainText().strip()}
