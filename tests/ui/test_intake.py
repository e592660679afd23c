"""The counter's intake, driven from the keyboard: measure by digit, business by pinyin initials and
Enter, facts by type-ahead, materials by Space, Enter to accept → receipt number and promised date;
missing materials → a one-time notice listing all of them (only after a second Enter); bad facts
→ a message next to the fact, nothing written."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop_app.domain.actor import Actor
from desktop_app.domain.business.entities import Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.identity import id_check_character
from desktop_app.services import applications, desk_queries
from desktop_app.services import business_registry as registry
from desktop_app.services.database import open_context
from desktop_app.ui.dialogs.business_dialog import BusinessDialog
from desktop_app.ui.dialogs.person_status_dialog import PersonStatusDialog
from desktop_app.ui.pages.intake_panel import IntakePanel
from desktop_app.ui.widgets.fact_editors import TypeAheadCombo

LOAN_NUMBER, STARTUP_NUMBER, SKILL_NUMBER = "5", "1", "6"  # positions in the measure list


def person(serial: int) -> str:
    body = f"41082119870707{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, area: str = "410821") -> str:
    return complete_uscc(f"92{area}{990000000 + serial:09d}")


@pytest.fixture
def seeded(working_db: Path) -> None:
    ctx = open_context(working_db, actor=Actor("test:seed"))
    try:
        registry.create_business(ctx, business=Business(uscc(1), "测试王记面馆", "王五", person(1), date(2022, 3, 1), "410821100000"))
        registry.create_business(ctx, business=Business(uscc(2, "410882"), "测试李家超市", "李四", person(2), date(2021, 3, 1),
                                                        "410882001000"))
        registry.save_person_status(ctx, status=PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1)))
    finally:
        ctx.close()


def open_panel(runner, qtbot) -> IntakePanel:
    panel = IntakePanel(runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.ready, timeout=10000):
        panel.resize(1200, 800)
        panel.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.measure, timeout=5000)
    return panel


def focused():
    return QApplication.focusWidget()


def keys(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key)


def mark_materials(qtbot, states: str) -> None:
    """From the first material: ``r`` received (Space), ``w`` not applicable (Space twice), ``-`` missing."""
    for state in states:
        assert focused().objectName().startswith("material_")
        press(qtbot, Qt.Key.Key_Space, {"r": 1, "w": 2, "-": 0}[state])
        press(qtbot, Qt.Key.Key_Tab)


def run(runner, qtbot, fn):
    results: list = []
    runner.query(lambda ctx, _p: fn(ctx), results.append, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    return results[0]


def pick_business(qtbot, panel: IntakePanel, initials: str) -> None:
    keys(qtbot, initials)
    press(qtbot, Qt.Key.Key_Return)  # before the suggestions arrive: the first one is picked when they do
    qtbot.waitUntil(lambda: panel.picker.uscc is not None, timeout=5000)


def test_a_known_business_is_received_from_the_keyboard_alone(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, LOAN_NUMBER)
    assert panel.measure.currentData() == "ib.guarantee_loan" and not panel.id_row.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is panel.picker.edit
    pick_business(qtbot, panel, "csljcs")
    assert panel.picker.uscc == uscc(2, "410882")
    assert focused().objectName() == "fact_loan_type"
    keys(qtbot, "tx")
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "100000")
    press(qtbot, Qt.Key.Key_Tab)
    mark_materials(qtbot, "rrrw")
    with qtbot.waitSignal(panel.result_shown, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)
    result = panel.last_result
    assert result.accepted and re.fullmatch(r"410882\d{8}\d{4}", result.receipt_no)
    assert result.receipt_no in panel.result.text() and result.promised_on.isoformat() in panel.result.text()
    case = run(runner, qtbot, lambda ctx: applications.get_case(ctx, result.receipt_no))
    assert dict(case.application.facts) == {"贷款类型": "贴息", "贷款金额": "100000.00"}
    assert case.materials_waived == ("退役证件（退役军人申请时）",) and len(case.materials_received) == 3
    assert focused() is panel.picker.edit and panel.picker.uscc is None  # ready for the next applicant
    assert panel.measure.currentData() == "ib.guarantee_loan" and panel.material_boxes[0].state == "missing"


def test_the_operator_id_is_filled_from_the_business_for_the_start_up_subsidy(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, STARTUP_NUMBER)
    press(qtbot, Qt.Key.Key_Return)
    pick_business(qtbot, panel, "cswjmg")
    qtbot.waitUntil(lambda: panel.id_number.text() == person(1), timeout=5000)  # counter staff see the full ID
    assert focused().objectName() == "material_0"
    mark_materials(qtbot, "rrr")
    with qtbot.waitSignal(panel.result_shown, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)
    case = run(runner, qtbot, lambda ctx: applications.get_case(ctx, panel.last_result.receipt_no))
    assert case.application.id_number == person(1) and case.application.uscc == uscc(1)
    assert "系统初审" in panel.result.text()


def test_missing_materials_give_one_notice_listing_all_of_them_after_a_second_enter(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, LOAN_NUMBER)
    press(qtbot, Qt.Key.Key_Return)
    pick_business(qtbot, panel, "csljcs")
    keys(qtbot, "1")  # the first option: 贴息
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "50000")
    press(qtbot, Qt.Key.Key_Tab)
    mark_materials(qtbot, "r---")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "尚有 3 项材料未收取" in panel.result.text(), timeout=5000)
    assert run(runner, qtbot, lambda ctx: registry.business_detail(ctx, uscc(2, "410882")).notice_nos) == []
    with qtbot.waitSignal(panel.result_shown, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)
    notice = panel.last_result.notice
    assert not panel.last_result.accepted and notice.notice_no.startswith("GZ410882")
    assert notice.materials_missing == ("经营者居民身份证", "符合财政贴息申请条件的证明（申请贴息或混合贷款时）", "退役证件（退役军人申请时）")
    text = panel.result.text()
    assert notice.notice_no in text and all(m in text for m in notice.materials_missing)
    assert panel.picker.uscc == uscc(2, "410882")  # the form is kept for when the applicant returns
    stored = run(runner, qtbot, lambda ctx: applications.get_notice(ctx, notice.notice_no))
    assert stored.materials_received == ("个体工商户营业执照",)


def test_escape_after_the_missing_list_returns_to_the_materials(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, LOAN_NUMBER)
    press(qtbot, Qt.Key.Key_Return)
    pick_business(qtbot, panel, "csljcs")
    press(qtbot, Qt.Key.Key_Return)  # may arrive while the business is loading: it waits for it
    qtbot.waitUntil(lambda: "未收取" in panel.result.text(), timeout=5000)
    press(qtbot, Qt.Key.Key_Escape)
    assert focused().objectName() == "material_0" and "键盘操作" in panel.result.text()


def test_a_missing_fact_is_shown_next_to_it_and_nothing_is_written(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, LOAN_NUMBER)
    press(qtbot, Qt.Key.Key_Return)
    pick_business(qtbot, panel, "csljcs")
    keys(qtbot, "h")  # 混合
    press(qtbot, Qt.Key.Key_Tab, 2)
    mark_materials(qtbot, "rrrr")
    press(qtbot, Qt.Key.Key_Return)
    error = panel.findChild(QLabel, "error_fact_loan_amount")
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert error.text() == "缺少申请事实“贷款金额”"
    assert not panel.findChild(QLabel, "error_fact_loan_type").isVisible()
    query = desk_queries.work_list_query
    assert run(runner, qtbot, lambda ctx: applications.application_list(ctx).count(query(ctx, kind="all", search="csljcs"))) == 0


def test_a_person_measure_asks_for_the_id_and_no_business(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, SKILL_NUMBER)
    press(qtbot, Qt.Key.Key_Return)
    assert not panel.business_row.isVisible() and focused() is panel.id_number
    keys(qtbot, person(5)[:17] + "0" if person(5)[-1] != "0" else person(5)[:17] + "1")
    assert "校验位错误" in panel.errors["id_number"].text() and panel.errors["id_number"].isVisible()
    focused().clear()
    keys(qtbot, person(5))
    assert not panel.errors["id_number"].isVisible() and "1987-07-07" in panel.id_info.text()
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "zj")  # 中级
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "24")
    press(qtbot, Qt.Key.Key_Tab)
    mark_materials(qtbot, "rrr")
    with qtbot.waitSignal(panel.result_shown, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)
    case = run(runner, qtbot, lambda ctx: applications.get_case(ctx, panel.last_result.receipt_no))
    assert case.application.uscc is None and case.application.id_number == person(5)
    assert dict(case.application.facts) == {"证书等级": "中级", "参保月数": "24"}
    assert case.receipt_no.startswith("410821")  # the county of the ID's area


def test_a_new_business_registered_from_the_counter_becomes_the_applicant(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, LOAN_NUMBER)
    press(qtbot, Qt.Key.Key_Return)
    panel.register_business()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, BusinessDialog) and w.isVisible())
    dialog.uscc.setText(uscc(3))
    dialog.name.setText("测试新开小吃店")
    dialog.operator_name.setText("赵六")
    dialog.operator_id_number.setText(person(6))
    dialog.county.setCurrentIndex(dialog.county.findData("410821000000"))
    dialog.township.setCurrentIndex(dialog.township.findData("410821100000"))
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog._save()
    qtbot.waitUntil(lambda: panel.picker.uscc == uscc(3), timeout=10000)
    assert "测试新开小吃店" in panel.picker.edit.text()


def test_type_ahead_combo_picks_by_digit_pinyin_initials_and_extra_keys(qapp, qtbot) -> None:
    combo = TypeAheadCombo()
    qtbot.addWidget(combo)
    combo.addItem("请选择", None)
    for text, keys_ in (("贴息", ()), ("混合", ()), ("非贴息", ()), ("是", ("y",))):
        combo.add_option(text, text, keys=keys_)
    qtbot.keyClicks(combo, "3")
    assert combo.currentData() == "非贴息"
    qtbot.keyClicks(combo, "hh")
    assert combo.currentData() == "混合"
    qtbot.wait(1100)
    qtbot.keyClicks(combo, "y")
    assert combo.currentData() == "是"
    qtbot.wait(1100)
    qtbot.keyClicks(combo, "tx")
    assert combo.currentData() == "贴息"


def test_an_intake_started_from_the_business_page_has_the_business_picked(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    panel.start_for_business(uscc(1))
    qtbot.waitUntil(lambda: panel.picker.uscc == uscc(1), timeout=10000)
    assert focused() is panel.measure
    keys(qtbot, STARTUP_NUMBER)
    qtbot.waitUntil(lambda: panel.id_number.text() == person(1), timeout=5000)
    assert panel.picker.uscc == uscc(1)  # choosing the measure keeps the business


def test_the_applicant_groups_are_shown_and_a_new_one_is_recorded(seeded, runner, qtbot) -> None:
    panel = open_panel(runner, qtbot)
    keys(qtbot, SKILL_NUMBER)
    press(qtbot, Qt.Key.Key_Return)
    keys(qtbot, person(1))
    qtbot.waitUntil(lambda: "已登记人员身份：返乡农民工（2020-01-01起）" in panel.id_info.text(), timeout=5000)
    focused().clear()
    keys(qtbot, person(7))
    qtbot.waitUntil(lambda: "尚未登记人员身份" in panel.id_info.text(), timeout=5000)
    panel.record_person_status()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PersonStatusDialog) and w.isVisible())
    assert dialog.id_number.text() == person(7)
    qtbot.waitUntil(lambda: focused() is dialog.group, timeout=5000)  # the ID is known: the group comes first
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.findChild(QLabel, "error_status").text() == "不能为空"
    keys(qtbot, "gxbys")  # 高校毕业生
    dialog.since.setDate(QDate(2024, 7, 1))
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "高校毕业生（2024-07-01起）" in panel.id_info.text(), timeout=5000)
