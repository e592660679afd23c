"""The 督导检查 page on the demo database: its models pass qtmodeltester; visits with their facilities
and findings; planning a visit, recording findings with the keyboard (a refusal shown next to the
row), issuing an order and taking it through report, close and reopen; the prints; the roles; and
the facility history and dashboard widgets."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.actor import Actor
from desktop_app.domain.inspections import CLOSED, DIFFERS, KEPT, OPEN, REPORTED, VisitPlan
from desktop_app.domain.security import READ_ONLY
from desktop_app.services import inspections
from desktop_app.services.database import open_context
from desktop_app.services.demo import plan_for
from desktop_app.services.demo import inspections as demo
from desktop_app.store import facilities_repo, inspections_repo
from desktop_app.store.connection import write_transaction
from desktop_app.ui.dialogs.findings_dialog import FINDING, SEEN, FindingsDialog, FindingsModel
from desktop_app.ui.dialogs.inspection_dialogs import OrderStepDialog, PlanVisitDialog
from desktop_app.ui.pages.inspections_page import InspectionsPage
from desktop_app.ui.widgets.facility_inspection_history import FacilityInspectionHistory
from desktop_app.ui.widgets.rectification_summary import RectificationSummary

XIUWU = "410821000000"


@pytest.fixture
def inspected(working_db: Path) -> dict:
    """The demo visits (until the demo registers them) and a fresh visit held today, to record."""
    ctx = open_context(working_db, actor=Actor("test:setup"))
    try:
        if not inspections_repo.all_visits(ctx.db):
            with write_transaction(ctx.db):
                demo.generate(ctx, plan_for(ctx, "small"), random.Random("2023:inspections"), lambda *_: None)
        clinics = [f.code for f in facilities_repo.all_facilities(ctx.db) if f.kind == "村卫生室"][:2]
        fresh = inspections.plan_visit(ctx, plan=VisitPlan(date.today(), ("测试甲",), tuple(clinics))).keys[0]
        return {"fresh": fresh, "clinics": clinics, "visits": len(inspections_repo.all_visits(ctx.db))}
    finally:
        ctx.close()


@pytest.fixture
def page(inspected, runner, qtbot) -> InspectionsPage:
    widget = InspectionsPage(runner)
    widget.preview_reports = False
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget._choices is not None and widget.model.rowCount() == inspected["visits"], timeout=15000)
    qtbot.waitUntil(lambda: widget.findings_model.rowCount() > 0, timeout=15000)
    return widget


def show_fresh(qtbot, page: InspectionsPage, visit_id: str) -> None:
    page.show_visit(visit_id)
    qtbot.waitUntil(lambda: page._detail is not None and page._detail.visit.id == visit_id
                    and page.findings_model.rowCount() > 0, timeout=15000)


def test_models_pass_qtmodeltester(page, qtbot, qtmodeltester, inspected) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.facilities_model)
    qtmodeltester.check(page.findings_model)
    qtbot.waitUntil(lambda: page.orders.model.rowCount() > 0, timeout=15000)
    qtmodeltester.check(page.orders.model)
    form = page._form
    qtmodeltester.check(FindingsModel(form.rows))


def test_visits_show_facilities_and_findings(page, qtbot, inspected) -> None:
    assert page.model.rowCount() == inspected["visits"]
    assert page.model.row_id(0) == inspected["fresh"]  # latest first
    page.table.selectRow(1)
    qtbot.waitUntil(lambda: page._detail is not None and page._detail.visit.id == page.model.row_id(1)
                    and any(page.findings_model.text(r, 2) for r in range(page.findings_model.rowCount())), timeout=15000)
    detail = page._detail
    assert detail is not None and detail.facilities and page.facilities_model.rowCount() == len(detail.facilities)
    texts = [page.findings_model.text(r, 2) for r in range(page.findings_model.rowCount())]
    assert set(texts) <= {"属实", "不符", "未检查", ""} and any(texts)
    assert page.count_label.text() == f"共 {inspected['visits']} 次检查"


def test_plan_a_visit_through_the_dialog(page, qtbot, inspected) -> None:
    dialog = page.plan_visit()
    assert isinstance(dialog, PlanVisitDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 2, timeout=15000)
    dialog.inspectors.setText("王五、赵六")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.errors["facility_codes"].isVisible(), timeout=15000)
    for row in (0, 1):
        dialog.model.setData(dialog.model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.chosen_label.text() == "已选 2 个机构"
    with qtbot.waitSignal(dialog.finished, timeout=15000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.model.rowCount() == inspected["visits"] + 1, timeout=15000)


def test_record_findings_with_the_keyboard(page, qtbot, inspected, working_db) -> None:
    show_fresh(qtbot, page, inspected["fresh"])
    page.record_findings()
    qtbot.waitUntil(lambda: isinstance(page.dialog, FindingsDialog), timeout=15000)
    dialog: FindingsDialog = page.dialog
    table = dialog.table
    table.setCurrentIndex(dialog.model.index(0, FINDING))
    qtbot.keyClick(table, Qt.Key.Key_3)  # 未检查, next row
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_2)  # 不符: the value-seen cell opens
    assert table.currentIndex().column() == SEEN
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # no value seen yet: refused
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15000)
    assert "须填写现场值" in dialog.message.text() and dialog.isVisible()
    table.setCurrentIndex(dialog.model.index(1, SEEN))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(table.currentIndex())
    assert editor is not None
    qtbot.keyClicks(editor, "130")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: dialog.model.line(1).value_seen == "130", timeout=5000)
    dialog.all_confirmed_button.click()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ctx = open_context(working_db, actor=Actor("test:check"))
    try:
        found = inspections_repo.findings_of(ctx.db, visit_id=inspected["fresh"], facility_code=inspected["clinics"][0])
    finally:
        ctx.close()
    second = dialog.model.line(1).row.rule_id
    assert {f.rule_id: (f.finding, f.registry_decision) for f in found}[second] == (DIFFERS, KEPT)
    assert len(found) == dialog.model.rowCount()
    qtbot.waitUntil(lambda: any(page.findings_model.text(r, 2) == "不符" for r in range(page.findings_model.rowCount())),
                    timeout=15000)


def test_an_order_from_finding_to_closed_and_reopened(page, qtbot, inspected, working_db) -> None:
    ctx = open_context(working_db, actor=Actor("test:setup"))
    try:
        from desktop_app.domain.inspections import CONFIRMED, FindingEntry
        from desktop_app.services import inspection_queries

        form = inspection_queries.findings_form(ctx, visit_id=inspected["fresh"], facility_code=inspected["clinics"][0])
        entries = [FindingEntry(r.rule_id, CONFIRMED) for r in form.rows]
        entries[0] = FindingEntry(form.rows[0].rule_id, DIFFERS, "现场无许可证", decision=KEPT)
        inspections.record_findings(ctx, visit_id=inspected["fresh"], facility_code=inspected["clinics"][0], entries=entries)
    finally:
        ctx.close()
    page.show_visit(inspected["fresh"])
    qtbot.waitUntil(lambda: page.findings_model.rowCount() > 0 and page.findings_model.text(0, 2) == "不符", timeout=15000)
    page.findings.selectRow(0)
    assert page.order_button.isEnabled()
    dialog = page.issue_order()
    dialog.responsible.setText("王院长")
    dialog.deadline.setDate(date.today() + timedelta(days=3))
    with qtbot.waitSignal(dialog.finished, timeout=15000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    orders = page.orders
    orders.set_filter(view="due", facility=inspected["clinics"][0])
    qtbot.waitUntil(lambda: orders.model.rowCount() == 1, timeout=15000)
    orders.table.selectRow(0)
    for step, status in ((OrderStepDialog.REPORT, REPORTED), (OrderStepDialog.CLOSE, CLOSED), (OrderStepDialog.REOPEN, OPEN)):
        orders.set_filter(view="all", facility=inspected["clinics"][0])
        qtbot.waitUntil(lambda: orders.model.rowCount() == 1, timeout=15000)
        orders.table.selectRow(0)
        form_dialog = orders.step(step)
        form_dialog.note.setPlainText("已完成" if step != OrderStepDialog.REOPEN else "复查不合格")
        with qtbot.waitSignal(form_dialog.finished, timeout=15000):
            form_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: orders.model.rowCount() == 1 and orders.model.line(0).order.status == status, timeout=15000)
    orders.table.selectRow(0)
    qtbot.waitUntil(lambda: orders.events_model.rowCount() == 4, timeout=15000)
    assert [orders.events_model.text(r, 1) for r in range(4)] == ["下达", "报告完成", "销号", "重新打开"]


def test_prints_come_back_as_pdfs(page, qtbot) -> None:
    with qtbot.waitSignal(page.report_ready, timeout=60000) as summary:
        page.summary_button.click()
    assert summary.args[1].startswith(b"%PDF")
    with qtbot.waitSignal(page.report_ready, timeout=60000) as pack:
        page.pack_button.click()
    assert pack.args[1].startswith(b"%PDF") and "督导检查包" in pack.args[0]


def test_a_read_only_role_may_look_and_print_only(page, qtbot) -> None:
    page.apply_role(Actor("reader", role=READ_ONLY))
    for button in (page.plan_button, page.edit_button, page.record_button, page.order_button, page.orders.report_button):
        assert not button.isEnabled()
    assert "无权" in page.plan_button.toolTip()
    assert page.summary_button.isEnabled() and page.pack_button.isEnabled()


def test_history_and_dashboard_widgets(runner, qtbot, inspected) -> None:
    history = FacilityInspectionHistory(runner)
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.loaded, timeout=15000):
        history.set_facility(inspected["clinics"][0])
    assert history.visits_model.rowCount() >= 1 and "督导检查" in history.summary.text()
    summary = RectificationSummary(runner)
    qtbot.addWidget(summary)
    qtbot.waitUntil(lambda: summary.model.rowCount() > 1, timeout=15000)
    xiuwu = next(c for c in summary.counts if c.county_code == XIUWU)
    assert xiuwu.open + xiuwu.reported > 0 and xiuwu.overdue > 0
    with qtbot.waitSignal(summary.open_orders) as opened:
        row = next(r for r in range(summary.model.rowCount()) if summary.model.key(r) == XIUWU)
        summary.table.doubleClicked.emit(summary.model.index(row, 3))
    assert opened.args == [XIUWU, "overdue"]
