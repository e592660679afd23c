"""The policy catalogue page: entries with state, parameters and materials (qtmodeltester); a
successor entry and a retirement through their dialogs (refusals next to the fields); promised
working days; county amounts never below the minimum; the working-day calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop_app.services import desk_admin, desk_queries
from desktop_app.ui.pages.policy_page import PolicyPage

LOAN = "ib.guarantee_loan"
NEXT_YEAR = date.today().year + 1


def open_page(runner, qtbot) -> PolicyPage:
    """The page once all three tabs have loaded. Each tab starts its own query; waiting only for
    the entries (``ready``) left the other two in flight: their answers then arrived after the
    test ended (into deleted widgets) or in the middle of the test (a calendar load replacing the
    days just typed)."""
    page = PolicyPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignals([page.ready, page.amounts.loaded, page.calendar.loaded], timeout=10000):
        page.resize(1280, 800)
        page.show()
    return page


def run(runner, qtbot, fn):
    results: list = []
    runner.query(lambda ctx, _p: fn(ctx), results.append, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    return results[0]


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def rows(model) -> list[list[str]]:
    return [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_entries_show_source_window_state_parameters_and_materials(runner, qtbot, qtmodeltester) -> None:
    page = open_page(runner, qtbot)
    entries = page.entries
    table = rows(entries.model)
    assert len(table) == 9 and table[0][:3] == ["ib.startup_subsidy", "一次性创业补贴5000元", "焦政办〔2023〕29号 三（四）21"]
    assert table[0][3] == "2023-07-13 至 2025-12-31" and table[0][5] == "10"
    entries.select_entry(LOAN)
    assert ["贴息贷款上限（元）", "200000"] in rows(entries.params_model)
    assert [r[0] for r in rows(entries.facts_model)] == ["贷款类型", "申请贷款金额（元）"]
    assert rows(entries.materials_model)[0] == ["个体工商户营业执照", "申请主体为个体工商户"]
    for model in (entries.model, entries.params_model, entries.facts_model, entries.materials_model):
        qtmodeltester.check(model)


def test_a_successor_entry_is_added_through_its_dialog(runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    entries = page.entries
    entries.select_entry(LOAN)
    dialog = entries.add_successor()
    assert dialog.suffix.text() == str(NEXT_YEAR) and dialog.params["subsidised_max"].text() == "200000"
    dialog.params["subsidised_max"].setText("三十万")
    ok(dialog)
    assert dialog.findChild(QLabel, "error_params.subsidised_max").text() == "应为数字"
    dialog.params["subsidised_max"].setText("300000")
    ok(dialog)
    error = dialog.findChild(QLabel, "error_source_doc")
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert error.text() == "请填写新政策的文件号"
    dialog.source_doc.setText("测试政办〔2026〕1号")
    with qtbot.waitSignal(entries.loaded, timeout=10000):
        ok(dialog)
    new_id = f"{LOAN}@{NEXT_YEAR}"
    assert entries.current().entry_id == new_id and entries.current().state == desk_queries.UPCOMING
    assert ["贴息贷款上限（元）", "300000"] in rows(entries.params_model)
    entry = run(runner, qtbot, lambda ctx: desk_admin.effective_catalogue(ctx).get(new_id))
    assert entry.params["subsidised_max"] == 300000 and entry.params["mixed_max"] == 500000
    assert entry.valid_from == date(NEXT_YEAR, 1, 1) and entry.source_doc == "测试政办〔2026〕1号"


def test_an_entry_is_retired_with_a_reason_and_a_last_day_inside_its_window(runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    entries = page.entries
    entries.select_entry(LOAN)
    dialog = entries.retire()
    ok(dialog)
    reason = dialog.findChild(QLabel, "error_reason")
    qtbot.waitUntil(reason.isVisible, timeout=10000)
    assert reason.text() == "请填写停止执行的原因"
    assert "本就于2025-12-31失效" in dialog.findChild(QLabel, "error_last_day").text()
    dialog.last_day.setDate(QDate(2025, 6, 30))
    dialog.reason.setPlainText("额度政策调整")
    with qtbot.waitSignal(entries.loaded, timeout=10000):
        ok(dialog)
    assert entries.current().entry_id == LOAN and entries.current().state == desk_queries.RETIRED
    assert "已于 2025-06-30 停止执行：额度政策调整" in entries.title.text()


def test_promised_working_days_are_set_and_restored(runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    entries = page.entries
    entries.select_entry(LOAN)
    entries.promised.setValue(15)
    with qtbot.waitSignal(entries.loaded, timeout=10000):
        entries.promised_button.click()
    assert entries.current().promised_days == 15 and entries.message.text() == "已保存"
    assert run(runner, qtbot, lambda ctx: desk_admin.promised_working_days(ctx)[LOAN]) == 15
    with qtbot.waitSignal(entries.loaded, timeout=10000):
        entries.promised_default.click()
    assert entries.current().promised_days == 10


def test_county_amounts_are_never_below_the_minimum(runner, qtbot, qtmodeltester) -> None:
    page = open_page(runner, qtbot)
    amounts = page.amounts
    qtbot.waitUntil(lambda: amounts.model.rowCount() > 0, timeout=10000)
    qtmodeltester.check(amounts.model)
    row = next(r for r in range(amounts.model.rowCount())
               if amounts.model.key(r).county_name == "修武县" and amounts.model.key(r).base_id == "ib.directory_award")
    amounts.table.selectRow(row)
    shown = amounts.model.key(row)
    assert amounts.amount.text() == f"{(shown.amount_fen or shown.minimum_fen) // 100}.00" and amounts.model.text(row, 3) == "3,000.00"
    amounts.amount.setText("2500")
    amounts.save_button.click()
    qtbot.waitUntil(lambda: "低于政策最低标准" in amounts.message.text(), timeout=10000)
    amounts.amount.setText("4000")
    with qtbot.waitSignal(amounts.loaded, timeout=10000):
        amounts.save_button.click()
    assert amounts.model.text(row, 2) == "4,000.00" and amounts.message.text() == "已保存"
    with qtbot.waitSignal(amounts.loaded, timeout=10000):
        amounts.default_button.click()
    assert amounts.model.text(row, 2) == "未设定"


def test_the_calendar_of_a_year_is_edited_and_saved(runner, qtbot, qtmodeltester) -> None:
    page = open_page(runner, qtbot)
    calendar = page.calendar
    with qtbot.waitSignal(calendar.loaded, timeout=10000):
        calendar.year.setValue(2025)
    assert "尚未登记节假日" in calendar.message.text()
    calendar.day.setDate(QDate(2025, 1, 28))
    calendar.note.setText("春节")
    calendar.add_button.click()
    calendar.day.setDate(QDate(2025, 1, 29))  # a Wednesday cannot be a make-up workday
    calendar.kind.setCurrentIndex(calendar.kind.findData("调休上班日"))
    calendar.add_button.click()
    assert calendar.dirty and rows(calendar.model)[0] == ["2025-01-28", "星期二", "休息日", "春节"]
    qtmodeltester.check(calendar.model)
    calendar.save()
    qtbot.waitUntil(lambda: "调休上班日应为星期六或星期日" in calendar.message.text(), timeout=10000)
    calendar.table.selectRow(1)
    calendar.remove_selected()
    calendar.day.setDate(QDate(2025, 1, 26))  # a Sunday
    calendar.add_button.click()
    calendar.save()
    qtbot.waitUntil(lambda: not calendar.dirty, timeout=10000)
    assert calendar.message.text() == "已保存 2025 年日历"
    stored = run(runner, qtbot, lambda ctx: [(d.day, d.kind) for d in desk_admin.calendar_days(ctx, year=2025)])
    assert stored == [(date(2025, 1, 26), "调休上班日"), (date(2025, 1, 28), "休息日")]
