"""The decision screen and work lists: conditions with the facts behind them, approval with and
without the flagged override (the override needs its reason), payment never above the approved
amount (message next to the field), refusal, withdrawal and reopening with reasons, the event
history, the queues (masked IDs, qtmodeltester) and the fraud signals linking to cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop_app.domain.actor import Actor
from desktop_app.domain.business import signals as kinds
from desktop_app.domain.business.entities import Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.identity import id_check_character
from desktop_app.services import applications
from desktop_app.services import business_registry as registry
from desktop_app.services.database import open_context
from desktop_app.ui.pages.applications_page import ApplicationsPage
from desktop_app.ui.pages.decision_panel import DecisionPanel
from desktop_app.ui.pages.signals_page import SignalsPage


def person(serial: int) -> str:
    body = f"41082119870707{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, area: str = "410821") -> str:
    return complete_uscc(f"92{area}{990000000 + serial:09d}")


def masked(id_number: str) -> str:
    return id_number[:4] + "*" * 10 + id_number[-4:]


@pytest.fixture
def cases(working_db: Path) -> dict[str, str]:
    """An eligible start-up subsidy, an ineligible loan (received before the policy began) and a
    second start-up claim of the same person in another county, received before registration."""
    ctx = open_context(working_db, actor=Actor("test:seed"))
    try:
        registry.create_business(ctx, business=Business(uscc(1), "测试王记面馆", "王五", person(1), date(2022, 3, 1), "410821100000"))
        registry.create_business(ctx, business=Business(uscc(2, "410882"), "测试李家超市", "李四", person(2), date(2021, 3, 1),
                                                        "410882001000"))
        registry.create_business(ctx, business=Business(uscc(3, "410882"), "测试王五烟酒店", "王五", person(1), date(2023, 5, 1),
                                                        "410882001000"))
        registry.save_person_status(ctx, status=PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1)))

        def take(policy: str, business: str, received_on: date, **more) -> str:
            names = [m.name for m in applications.measure_spec(ctx, policy).materials]
            return applications.intake(ctx, policy_id=policy, uscc=business, received_on=received_on,
                                       materials_received=names, **more).receipt_no

        return {
            "eligible": take("ib.startup_subsidy", uscc(1), date(2025, 3, 3), id_number=person(1)),
            "ineligible": take("ib.guarantee_loan", uscc(2, "410882"), date(2023, 3, 3), facts="贷款类型=贴息;贷款金额=100000"),
            "repeat": take("ib.startup_subsidy", uscc(3, "410882"), date(2023, 3, 3), id_number=person(1)),
        }
    finally:
        ctx.close()


def open_panel(runner, qtbot, receipt_no: str) -> DecisionPanel:
    panel = DecisionPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.show_case(receipt_no)
    return panel


def run(runner, qtbot, fn):
    results: list = []
    runner.query(lambda ctx, _p: fn(ctx), results.append, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    return results[0]


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def start_review(panel: DecisionPanel, qtbot) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.buttons["start_review"].click()
    assert panel.view.case.status == "审核中"


def column(model, index: int) -> list[str]:
    return [model.data(model.index(r, index)) for r in range(model.rowCount())]


def test_each_condition_is_shown_with_its_result_and_facts(cases, runner, qtbot, qtmodeltester) -> None:
    panel = open_panel(runner, qtbot, cases["eligible"])
    assert set(column(panel.conditions_model, 0)) == {"符合"}
    assert "返乡农民工" in " ".join(column(panel.conditions_model, 2))
    assert "符合全部条件" in panel.verdict.text() and "5,000.00" in panel.verdict.text()
    for model in (panel.conditions_model, panel.facts_model, panel.materials_model, panel.events_model):
        qtmodeltester.check(model)
    assert column(panel.events_model, 2) == ["受理"] and column(panel.events_model, 1) == ["test:seed"]
    assert panel.values["person"].text() == masked(person(1))
    assert [b for b, button in panel.buttons.items() if button.isEnabled()] == ["start_review", "withdraw"]
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.show_case(cases["ineligible"])
    assert "不符合" in column(panel.conditions_model, 0) and panel.verdict.text().startswith("系统判定：不符合")
    assert "该政策自2023-07-13起施行" in " ".join(column(panel.conditions_model, 3))


def test_an_eligible_case_is_approved_without_override(cases, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot, cases["eligible"])
    start_review(panel, qtbot)
    dialog = panel.approve()
    assert not dialog.override_needed and dialog.amount.text() == "5000.00"
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        ok(dialog)
    case = panel.view.case
    assert case.status == "已批准" and case.approved_amount_fen == 500000 and not case.overridden
    assert not panel.flag.isVisible() and column(panel.events_model, 2)[-1] == "批准"
    assert column(panel.events_model, 1)[-1] == "test:gui"


def test_approving_an_ineligible_case_needs_the_written_override_reason(cases, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot, cases["ineligible"])
    start_review(panel, qtbot)
    dialog = panel.approve()
    assert dialog.override_needed and "系统判定：不符合条件" in dialog.intro.text()
    dialog.amount.setText("100000")
    ok(dialog)
    error = dialog.findChild(QLabel, "error_override_reason")
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "请填写书面理由" in error.text() and dialog.isVisible()
    assert run(runner, qtbot, lambda ctx: applications.get_case(ctx, cases["ineligible"]).status) == "审核中"
    dialog.override_reason.setPlainText("县政府专题会议纪要同意补办")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        ok(dialog)
    case = panel.view.case
    assert case.status == "已批准" and case.overridden and case.override_reason == "县政府专题会议纪要同意补办"
    assert panel.flag.isVisible() and "特批" in panel.flag.text() and "县政府专题会议纪要同意补办" in panel.flag.text()
    assert column(panel.events_model, 2)[-1] == "特批（超出系统判定）"


def test_payment_above_the_approved_amount_is_refused_next_to_the_field(cases, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot, cases["eligible"])
    start_review(panel, qtbot)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        ok(panel.approve())
    dialog = panel.pay()
    assert dialog.amount.text() == "5000.00"
    dialog.voucher.setText("测试PZ-001")
    dialog.amount.setText("6000")
    ok(dialog)
    error = dialog.findChild(QLabel, "error_amount")
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert error.text() == "发放金额6,000.00元超过批准金额5,000.00元"
    assert run(runner, qtbot, lambda ctx: applications.get_case(ctx, cases["eligible"]).status) == "已批准"
    dialog.amount.setText("5000")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        ok(dialog)
    case = panel.view.case
    assert case.status == "已发放" and case.voucher_no == "测试PZ-001" and case.paid_amount_fen == 500000
    assert "测试PZ-001" in panel.values["payment"].text() and not any(b.isEnabled() for b in panel.buttons.values())


def test_refuse_withdraw_and_reopen_need_reasons_and_stay_in_the_history(cases, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot, cases["ineligible"])
    start_review(panel, qtbot)
    dialog = panel.refuse()
    assert "该政策自2023-07-13起施行" in dialog.reasons.toPlainText()  # the engine's reasons to start from
    dialog.reasons.setPlainText("")
    ok(dialog)
    error = dialog.findChild(QLabel, "error_reasons")
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert error.text() == "不予批准须写明理由"
    dialog.reasons.setPlainText("受理日期早于政策施行日期")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        ok(dialog)
    assert panel.view.case.status == "不予批准" and "受理日期早于政策施行日期" in panel.values["decision"].text()
    dialog = panel.reopen()
    ok(dialog)
    error = dialog.findChild(QLabel, "error_reason")
    qtbot.waitUntil(error.isVisible, timeout=10000)
    dialog.reason.setPlainText("申请人补充了新材料")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        ok(dialog)
    dialog = panel.withdraw()
    dialog.reason.setPlainText("申请人自愿撤回")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        ok(dialog)
    assert panel.view.case.status == "已撤回"
    assert column(panel.events_model, 2) == ["受理", "开始审核", "不予批准", "重新办理", "撤回"]
    assert column(panel.events_model, 4)[-2:] == ["申请人补充了新材料", "申请人自愿撤回"]
    assert column(panel.events_model, 3)[2] == "审核中 → 不予批准"


def test_work_lists_mask_ids_and_lead_to_the_decision_screen(cases, runner, qtbot, qtmodeltester) -> None:
    page = ApplicationsPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.resize(1280, 820)
        page.show()
    page.show_work_lists()
    lists = page.work_lists
    with qtbot.waitSignal(lists.refreshed, timeout=10000):
        lists.show_queue("overdue", search="测试")
    shown = {lists.model.row_values(r)["receipt_no"] for r in range(lists.model.rowCount())}
    assert set(cases.values()) <= shown  # promised long ago, still open
    qtmodeltester.check(lists.model)
    texts = [str(lists.model.data(lists.model.index(r, c))) for r in range(lists.model.rowCount())
             for c in range(lists.model.columnCount())]
    assert person(1) not in texts and masked(person(1)) in texts and "一次性创业补贴5000元" in texts
    assert lists.queues.item(2).text().startswith("已超期（")
    row = next(r for r in range(lists.model.rowCount()) if lists.model.row_values(r)["receipt_no"] == cases["eligible"])
    with qtbot.waitSignal(page.decision.loaded, timeout=10000):
        lists.table.selectRow(row)
    assert page.decision.view.case.receipt_no == cases["eligible"]
    with qtbot.waitSignal(page.decision.loaded, timeout=10000):
        page.decision.buttons["start_review"].click()
    with qtbot.waitSignal(lists.refreshed, timeout=10000):
        lists.show_queue("mine")
    assert [lists.model.row_values(r)["receipt_no"] for r in range(lists.model.rowCount())] == [cases["eligible"]]
    with qtbot.waitSignal(page.decision.loaded, timeout=10000):
        page.open_case(cases["repeat"])
    assert page.tabs.currentWidget() is page.review_tab and page.decision.view.case.receipt_no == cases["repeat"]


def test_fraud_signals_list_the_cases_and_open_them(cases, runner, qtbot, qtmodeltester) -> None:
    page = SignalsPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.resize(1200, 700)
        page.show()
    ours = [s for s in page.shown_signals() if set(s.usccs) & {uscc(1), uscc(3, "410882")}]
    assert {s.kind for s in ours} == {kinds.PERSON_CLAIMED_TWICE, kinds.ID_IN_SEVERAL_COUNTIES, kinds.RECEIVED_BEFORE_REGISTRATION}
    qtmodeltester.check(page.model)
    texts = [page.model.text(r, c) for r in range(page.model.rowCount()) for c in range(page.model.columnCount())]
    assert not any(person(1) in t for t in texts)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(kinds.RECEIVED_BEFORE_REGISTRATION))
    row = next(r for r in range(page.model.rowCount()) if cases["repeat"] in page.model.text(r, 2))
    page.table.selectRow(row)
    assert f"case:{cases['repeat']}" in page.detail.text()
    with qtbot.waitSignal(page.open_case, timeout=3000) as opened:
        page.table.activated.emit(page.model.index(row, 0))
    assert opened.args == [cases["repeat"]]
    with qtbot.waitSignal(page.open_business, timeout=3000) as business:
        page.detail.linkActivated.emit(f"business:{uscc(3, '410882')}")
    assert business.args == [uscc(3, "410882")]
