"""The business page: masked list (qtmodeltester), search as you type by pinyin initials and code,
filters in SQL, the detail with application history, operator statuses and other businesses, and
the registration form checking credit code and ID next to the fields."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop_app.domain.actor import Actor
from desktop_app.domain.business.entities import Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.identity import id_check_character
from desktop_app.services import applications
from desktop_app.services import business_registry as registry
from desktop_app.services.database import open_context
from desktop_app.ui.dialogs.business_dialog import BusinessDialog
from desktop_app.ui.dialogs.person_status_dialog import PersonStatusDialog
from desktop_app.ui.pages.businesses_page import BusinessesPage


def person(serial: int) -> str:
    body = f"41082119870707{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, area: str = "410821") -> str:
    return complete_uscc(f"92{area}{990000000 + serial:09d}")


def masked(id_number: str) -> str:
    return id_number[:4] + "*" * 10 + id_number[-4:]


@pytest.fixture
def seeded(working_db: Path) -> str:
    """Three businesses (two of one operator, in two counties) and one application; its receipt number."""
    ctx = open_context(working_db, actor=Actor("test:seed"))
    try:
        registry.create_business(ctx, business=Business(uscc(1), "测试王记面馆", "王五", person(1), date(2022, 3, 1), "410821100000",
                                                        industry="餐饮", tier="生存型"))
        registry.create_business(ctx, business=Business(uscc(2, "410882"), "测试李家超市", "李四", person(2), date(2021, 3, 1),
                                                        "410882001000", status="注销"))
        registry.create_business(ctx, business=Business(uscc(3, "410882"), "测试王五烟酒店", "王五", person(1), date(2023, 5, 1),
                                                        "410882001000"))
        registry.save_person_status(ctx, status=PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1)))
        names = [m.name for m in applications.measure_spec(ctx, "ib.startup_subsidy").materials]
        return applications.intake(ctx, policy_id="ib.startup_subsidy", uscc=uscc(1), id_number=person(1),
                                   materials_received=names, received_on=date(2025, 3, 3)).receipt_no
    finally:
        ctx.close()


def open_page(runner, qtbot, search: str = "测试") -> BusinessesPage:
    page = BusinessesPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.resize(1280, 800)
        page.show()
    if search:
        with qtbot.waitSignal(page.model.loaded, timeout=5000):
            page.search.setText(search)
    return page


def names(page: BusinessesPage) -> list[str]:
    return [page.model.row_values(r)["name"] for r in range(page.model.rowCount())]


def select(page: BusinessesPage, qtbot, name: str) -> None:
    row = names(page).index(name)
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        page.table.selectRow(row)


def run(runner, qtbot, fn):
    results: list = []
    runner.query(lambda ctx, _p: fn(ctx), results.append, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    return results[0]


def dialog_on_screen() -> BusinessDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, BusinessDialog) and w.isVisible())


def test_list_passes_qtmodeltester_and_masks_every_id(seeded, runner, qtbot, qtmodeltester) -> None:
    page = open_page(runner, qtbot)
    assert sorted(names(page)) == ["测试李家超市", "测试王五烟酒店", "测试王记面馆"]
    qtmodeltester.check(page.model)
    shown = [str(page.model.data(page.model.index(r, c))) for r in range(page.model.rowCount())
             for c in range(page.model.columnCount())]
    assert masked(person(1)) in shown and not any(person(1) in text or person(2) in text for text in shown)
    assert "注销" in shown and page.count_label.text() == "共 3 户"


def test_search_as_you_type_by_initials_code_and_operator_with_filters(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.setText("cswjmg")
    assert names(page) == ["测试王记面馆"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.setText(uscc(3, "410882")[:17])
    assert names(page) == ["测试王五烟酒店"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.setText("测试")
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.county_filter.setCurrentIndex(page.county_filter.findText("沁阳市"))
    assert sorted(names(page)) == ["测试李家超市", "测试王五烟酒店"] and page.township_filter.isEnabled()
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(page.status_filter.findData("注销"))
    assert names(page) == ["测试李家超市"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.county_filter.setCurrentIndex(0)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(0)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.tier_filter.setCurrentIndex(page.tier_filter.findData("生存型"))
    assert names(page) == ["测试王记面馆"]


def test_detail_shows_applications_statuses_and_other_businesses(seeded, runner, qtbot, qtmodeltester) -> None:
    page = open_page(runner, qtbot)
    select(page, qtbot, "测试王记面馆")
    detail = page.detail
    assert detail.values["operator"].text() == f"王五　{masked(person(1))}"
    assert detail.values["place"].text() == "修武县 / 城关镇"
    history = detail.applications_model
    assert history.rowCount() == 1 and history.text(0, 0) == seeded and history.text(0, 1) == "一次性创业补贴5000元"
    assert detail.statuses_model.text(0, 0) == "返乡农民工"
    assert detail.others_model.text(0, 0) == "测试王五烟酒店"
    for model in (history, detail.statuses_model, detail.others_model, detail.notices_model):
        qtmodeltester.check(model)
    with qtbot.waitSignal(page.open_case, timeout=3000) as opened:
        detail.applications.activated.emit(history.index(0, 0))
    assert opened.args == [seeded]
    with qtbot.waitSignal(page.intake_requested, timeout=3000) as requested:
        page.intake_button.click()
    assert requested.args == [uscc(1)]
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        page.show_business(uscc(3, "410882"))  # e.g. from a fraud signal
    assert names(page) == ["测试王五烟酒店"] and page.current_uscc() == uscc(3, "410882")
    assert detail.values["name"].text() == "测试王五烟酒店"


def test_registration_checks_codes_as_typed_and_saves(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    page.add_business()
    dialog = dialog_on_screen()
    error_code = dialog.findChild(QLabel, "error_uscc")
    error_id = dialog.findChild(QLabel, "error_operator_id_number")
    wrong = uscc(4)[:17] + ("0" if uscc(4)[-1] != "0" else "1")
    dialog.uscc.setText(wrong)
    assert error_code.isVisible() and "校验码错误" in error_code.text()
    dialog.uscc.setText(complete_uscc(f"91410821{990000004:09d}"))
    assert "应以“92”开头" in error_code.text()
    dialog.uscc.setText(uscc(1))  # valid, but registered already: the service says so
    assert not error_code.isVisible()
    dialog.operator_id_number.setText(person(4)[:17] + ("0" if person(4)[-1] != "0" else "1"))
    assert error_id.isVisible() and "校验位错误" in error_id.text()
    dialog.operator_id_number.setText(person(4))
    assert not error_id.isVisible()
    dialog.name.setText("测试新开小吃店")
    dialog.operator_name.setText("赵六")
    dialog.county.setCurrentIndex(dialog.county.findData("410821000000"))
    dialog.township.setCurrentIndex(dialog.township.findData("410821100000"))
    dialog._save()
    qtbot.waitUntil(error_code.isVisible, timeout=10000)
    assert "已登记" in error_code.text() and dialog.isVisible()
    dialog.uscc.setText(uscc(4))
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        dialog._save()
    assert "测试新开小吃店" in names(page)
    qtbot.waitUntil(lambda: page.current_uscc() == uscc(4), timeout=5000)
    stored = run(runner, qtbot, lambda ctx: registry.get_business(ctx, uscc(4)).business)
    assert stored.operator_id_number == person(4) and stored.township_code == "410821100000"


def test_conversion_fields_open_only_for_converted_businesses(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    select(page, qtbot, "测试王记面馆")
    page.edit_business()
    qtbot.waitUntil(lambda: any(isinstance(w, BusinessDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10000)
    dialog = dialog_on_screen()
    assert dialog.uscc.isReadOnly() and dialog.uscc.text() == uscc(1)
    assert not dialog.converted_on.isEnabled() and dialog.tier.currentData() == "生存型"
    dialog.status.setCurrentIndex(dialog.status.findData("已转企"))
    assert dialog.converted_on.isEnabled() and dialog.enterprise_uscc.isEnabled()
    dialog._save()
    error = dialog.findChild(QLabel, "error_converted_on")
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert error.text() == "状态为已转企时须填写转企日期"
    dialog.status.setCurrentIndex(dialog.status.findData("存续"))
    dialog.tier.setCurrentIndex(dialog.tier.findData("成长型"))
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog._save()
    qtbot.waitUntil(lambda: page.detail.values["tier"].text() == "成长型", timeout=10000)


def test_sorting_runs_in_sql_and_the_masked_id_column_ignores_sort_clicks(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)  # 登记日期
    assert names(page) == ["测试王五烟酒店", "测试王记面馆", "测试李家超市"]
    with qtbot.assertNotEmitted(runner.error, wait=300):
        page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # 经营者身份证号: masked, not sortable
    assert names(page) == ["测试王五烟酒店", "测试王记面馆", "测试李家超市"]


def test_a_group_of_the_operator_is_recorded_from_the_page(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    select(page, qtbot, "测试李家超市")
    assert page.detail.statuses_model.rowCount() == 0
    page.record_operator_status()
    qtbot.waitUntil(lambda: any(isinstance(w, PersonStatusDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PersonStatusDialog) and w.isVisible())
    assert dialog.id_number.text() == person(2) and dialog.name.text() == "李四"
    dialog.group.setCurrentIndex(dialog.group.findData("退役军人"))
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert page.detail.statuses_model.text(0, 0) == "退役军人"
