"""The 补助 page: its three models pass qtmodeltester; the ledger of 修武县 2024 with overdue and
over-paid rows highlighted; drill-down to a payee's vouchers; posting (with the over-payment
confirmation), reversing, a budget and the allowance rate through the page's forms."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.actor import Actor
from desktop_app.domain.subsidies import CLINIC_OPERATING, ELDERLY_ALLOWANCE, STANDARD_NOT_SET, Payment
from desktop_app.services import subsidies
from desktop_app.services.database import open_context
from desktop_app.ui.pages.subsidies_page import OVERDUE, OVERPAID, SubsidiesPage

XIUWU = "410821000000"
YEAR = 2024


@pytest.fixture
def seeded(working_db: Path) -> dict[str, Any]:
    """Two clinics of 修武县 paid for 2024 before the page opens: one half (overdue), one twice (over-paid)."""
    ctx = open_context(working_db, actor=Actor("test:setup"))
    try:
        # The demo database already pays most clinics; take two that nothing was paid to yet.
        unpaid = subsidies.ledger(ctx, year=YEAR, county=XIUWU, as_of=date(2025, 3, 1)).lines_of(CLINIC_OPERATING)
        clinics = [line.entitlement for line in unpaid if line.entitlement.amount_fen and line.paid == 0]
        overpaid_before = sum(1 for line in unpaid if line.overpaid)
        half, twice = clinics[0], clinics[1]
        subsidies.post_payment(ctx, payment=Payment("UT-1", CLINIC_OPERATING, YEAR, half.payee, half.amount_fen // 2, "县级",
                                                    date(2024, 6, 1)))
        subsidies.post_payment(ctx, payment=Payment("UT-2", CLINIC_OPERATING, YEAR, twice.payee, twice.amount_fen, "县级",
                                                    date(2024, 6, 1)))
        subsidies.post_payment(ctx, payment=Payment("UT-3", CLINIC_OPERATING, YEAR, twice.payee, twice.amount_fen, "县级",
                                                    date(2024, 6, 2)), confirm_overpayment=True)
    finally:
        ctx.close()
    return {"half": half.payee, "twice": twice.payee, "overpaid_before": overpaid_before}


@pytest.fixture
def page(seeded, runner, qtbot) -> SubsidiesPage:
    widget = SubsidiesPage(runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.ready, timeout=10000):
        pass
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_filter(county=XIUWU, year=YEAR)
    return widget


def row_of(page: SubsidiesPage, payee: str, programme: str = CLINIC_OPERATING) -> int:
    for row in range(page.payee_model.rowCount()):
        line = page.payee_model.row(row)
        if line.entitlement.payee == payee and line.entitlement.programme == programme:
            return row
    raise AssertionError(f"{payee} is not listed")


def select_payee(qtbot, page: SubsidiesPage, payee: str) -> None:
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        page.payees.selectRow(row_of(page, payee))


def background(model, row: int) -> str:
    from PySide6.QtCore import Qt

    brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush is not None else ""


def test_models_pass_qtmodeltester(page, qtbot, qtmodeltester, seeded) -> None:
    assert page.summary_model.rowCount() == 3
    qtmodeltester.check(page.summary_model)
    qtmodeltester.check(page.payee_model)
    select_payee(qtbot, page, seeded["twice"])
    assert page.voucher_model.rowCount() == 2
    qtmodeltester.check(page.voucher_model)


def test_overdue_and_overpaid_rows_are_highlighted(page, seeded) -> None:
    half = page.payee_model.row(row_of(page, seeded["half"]))
    twice = page.payee_model.row(row_of(page, seeded["twice"]))
    assert half.overdue and half.status == "逾期未拨"
    assert twice.overpaid == twice.entitled and twice.status == "超发"
    assert background(page.payee_model, row_of(page, seeded["half"])) == OVERDUE[1]
    assert background(page.payee_model, row_of(page, seeded["twice"])) == OVERPAID[1]
    assert background(page.summary_model, 0) == OVERPAID[1]  # the clinic row has an over-paid payee
    clinics = page.summary_model.row(0)
    assert page.summary_model.data(page.summary_model.index(0, 1)) == "行政村卫生室基本运行经费补助"
    assert clinics.overpaid_payees == seeded["overpaid_before"] + 1 and clinics.overdue_payees >= 1
    page.flagged_only.setChecked(True)
    assert all(l.overdue or l.overpaid or l.entitled is None
               for l in (page.payee_model.row(r) for r in range(page.payee_model.rowCount())))


def test_summary_selection_narrows_the_payees(page, qtbot) -> None:
    everyone = page.payee_model.rowCount()
    page.summary.selectRow(0)
    assert 0 < page.payee_model.rowCount() < everyone
    assert {page.payee_model.row(r).entitlement.programme for r in range(page.payee_model.rowCount())} == {CLINIC_OPERATING}


def test_reversing_the_double_payment(page, qtbot, seeded) -> None:
    select_payee(qtbot, page, seeded["twice"])
    assert not page.reverse_button.isEnabled()
    page.vouchers.selectRow(1)
    assert page.reverse_button.isEnabled()
    dialog = page.reverse_payment()
    dialog.voucher.setText("UT-3-R")
    dialog.note.setText("重复发放")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dialog.save()
    line = page.payee_model.row(row_of(page, seeded["twice"]))
    assert line.overpaid == 0 and line.status == "已拨足"


def test_posting_what_is_owed_then_confirming_an_overpayment(page, qtbot, seeded, monkeypatch) -> None:
    page.payees.selectRow(row_of(page, seeded["half"]))
    dialog = page.post_payment()
    assert dialog.payee.text() == seeded["half"] and dialog.amount_edit.text() != ""
    dialog.voucher.setText("UT-4")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dialog.save()
    assert page.payee_model.row(row_of(page, seeded["half"])).status == "已拨足"

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    again = page.post_payment()
    again.payee.setText(seeded["half"])
    again.amount_edit.setText("100")
    again.voucher.setText("UT-5")
    again.save()
    qtbot.waitUntil(lambda: again.message.isVisible(), timeout=10000)
    assert "超发" in again.message.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        again.save()
    assert page.payee_model.row(row_of(page, seeded["half"])).overpaid == 10_000


def test_bad_input_is_shown_under_the_field(page, qtbot) -> None:
    dialog = page.post_payment()
    dialog.payee.setText("NO-SUCH-CLINIC")
    dialog.amount_edit.setText("12.345")
    dialog.save()
    assert "两位小数" in dialog.errors["amount"].text()
    dialog.amount_edit.setText("100")
    dialog.voucher.setText("UT-9")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["payee"].isVisible(), timeout=10000)
    assert "收款对象不存在" in dialog.errors["payee"].text()


def test_budget_and_allowance_forms(page, qtbot, working_db) -> None:
    ctx = open_context(working_db, actor=Actor("test:setup"))
    try:  # the small demo sets 修武县's allowance from 2024; this test starts from "not set"
        subsidies.set_allowance_rate(ctx, county_code=XIUWU, from_year=2024, amount_fen=None)
    finally:
        ctx.close()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    page.summary.selectRow(0)
    dialog = page.edit_budget()
    dialog.amount_edit.setText("12,000")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dialog.save()
    assert page.summary_model.row(0).budgeted == 1_200_000

    page.summary.clearSelection()
    lines = [page.payee_model.row(r) for r in range(page.payee_model.rowCount())
             if page.payee_model.row(r).entitlement.programme == ELDERLY_ALLOWANCE]
    assert lines and {l.status for l in lines} <= {STANDARD_NOT_SET, "资格待核实"}
    page.edit_allowance()
    qtbot.waitUntil(lambda: page.allowance_dialog is not None and page.allowance_dialog.isVisible(), timeout=10000)
    form = page.allowance_dialog
    form.year.setCurrentIndex(form.year.findData(2023))
    form.amount_edit.setText("1500")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        form.save()
    known = [page.payee_model.row(r) for r in range(page.payee_model.rowCount())
             if page.payee_model.row(r).entitlement.programme == ELDERLY_ALLOWANCE
             and page.payee_model.row(r).entitlement.gap != "资格待核实"]
    assert known and {l.entitled for l in known} == {150_000}

