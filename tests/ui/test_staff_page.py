"""The staff page: masked list (qtmodeltester), filters, add with ID validation, transfer history
and the training detail against the standards."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.domain.actor import Actor
from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.list_query import ListQuery
from desktop_app.services import health_registry, staff_queries
from desktop_app.services import villages as village_service
from desktop_app.services.database import open_context
from desktop_app.ui.dialogs.staff_dialog import StaffDialog
from desktop_app.ui.pages.staff_page import StaffPage

ZHOUZHUANG = "410821103000"  # 周庄镇, 修武县
QIXIAN = "410821101000"  # 七贤镇
FULL_ID = re.compile(r"\d{17}[\dX]")
THIS_YEAR = date.today().year


def id_number(serial: int, birth: str = "19800101") -> str:
    first17 = f"410821{birth}{serial:03d}"
    return first17 + id_check_character(first17)


def seed_registry(path: Path) -> dict[str, str]:
    """Two township centres, a village clinic in 周庄镇 and four people (one 退出)."""
    ctx = open_context(path, actor=Actor("test:seed"))
    try:
        ids = village_service.village_list(ctx).fetch_ids(ListQuery(filters={"township": ZHOUZHUANG, "kind": "行政村"}))
        village = village_service.village_list(ctx).fetch_rows(ids[:1])[ids[0]][0]
        for facility in (
            Facility("T-ZZ", "周庄测试卫生院", "乡镇卫生院", ZHOUZHUANG, service_population=20000),
            Facility("T-QX", "七贤测试卫生院", "乡镇卫生院", QIXIAN, service_population=20000),
            Facility("T-ZZC", "周庄测试卫生室", "村卫生室", village),
        ):
            health_registry.create_facility(ctx, facility=facility)
        people = [
            StaffMember(id_number(901), "测试张医生", "T-ZZC", category="乡村医生", practice_scope="临床",
                        education="中专", status="在岗"),
            StaffMember(id_number(902, "19900215"), "测试李护士", "T-ZZ", category="注册护士", education="大专",
                        status="在岗"),
            StaffMember(id_number(903, "19750620"), "测试王医师", "T-ZZ", category="执业医师", practice_scope="中医",
                        education="本科", status="在岗"),
            StaffMember(id_number(904, "19550101"), "测试赵老医生", "T-ZZC", category="乡村医生", status="退出",
                        left_on=date(2024, 3, 1)),
        ]
        for member in people:
            health_registry.create_staff(ctx, member=member)
        health_registry.save_training(ctx, year=THIS_YEAR, days={(id_number(901), "集中学习"): 10,
                                                                 (id_number(901), "远程教育"): 4.5})
    finally:
        ctx.close()
    return {"doctor": id_number(901), "nurse": id_number(902, "19900215")}


@pytest.fixture
def seeded(working_db: Path) -> dict[str, str]:
    return seed_registry(working_db)


def open_page(runner, qtbot, search: str = "测试") -> StaffPage:
    page = StaffPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.resize(1200, 760)
        page.show()
    if search:
        with qtbot.waitSignal(page.model.loaded, timeout=5000):
            page.search.setText(search)
    return page


def select(page: StaffPage, qtbot, name: str) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_values(r)["name"] == name)
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        page.table.selectRow(row)


def on_dialog(action) -> None:
    """Run ``action(dialog)`` once the staff form is open (it opens after its choices load)."""
    def poll() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, StaffDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, poll)
        else:
            try:
                action(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()

    QTimer.singleShot(0, poll)


def run(runner, qtbot, fn):
    results: list = []
    runner.query(lambda ctx, _p: fn(ctx), results.append, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    return results[0]


def list_display(page: StaffPage) -> list[str]:
    model = page.model
    return [str(model.data(model.index(r, c))) for r in range(model.rowCount()) for c in range(model.columnCount())]


def test_list_passes_qtmodeltester_and_masks_every_id(seeded, runner, qtbot, qtmodeltester) -> None:
    page = open_page(runner, qtbot)
    assert page.model.rowCount() == 4
    qtmodeltester.check(page.model)
    shown = list_display(page)
    assert not [text for text in shown if FULL_ID.search(text)]
    assert seeded["doctor"][:4] + "*" * 10 + seeded["doctor"][-4:] in shown
    assert page.count_label.text() == "共 4 人"
    select(page, qtbot, "测试张医生")
    qtmodeltester.check(page.training_model)
    qtmodeltester.check(page.transfer_model)
    assert not FULL_ID.search(page.detail_title.text() + page.detail_facts.text())


def test_filters_and_pinyin_search_run_in_sql(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(page.status_filter.findData("退出"))
    assert [page.model.row_values(r)["name"] for r in range(page.model.rowCount())] == ["测试赵老医生"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(0)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.county_filter.setCurrentIndex(page.county_filter.findText("修武县"))
    assert page.township_filter.isEnabled()
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.township_filter.setCurrentIndex(page.township_filter.findData(QIXIAN))
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.township_filter.setCurrentIndex(page.township_filter.findData(ZHOUZHUANG))
    assert page.model.rowCount() == 4
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.setText("cszys")  # 测试张医生
    assert [page.model.row_values(r)["name"] for r in range(page.model.rowCount())] == ["测试张医生"]
    assert page.model.row_values(0)["age"] == date.today().year - 1980  # born 1 January 1980


def test_invalid_id_shows_message_next_to_field_and_writes_nothing(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    before = run(runner, qtbot, lambda ctx: health_registry.staff_list(ctx).count(ListQuery()))
    outcome: dict[str, str] = {}

    def fill_dialog(dialog: StaffDialog) -> None:
        error = dialog.findChild(QLabel, "error_id_number")
        dialog.id_number.setText(id_number(905)[:17])
        dialog.name.setText("测试新人")
        dialog.facility.setCurrentIndex(dialog.facility.findData("T-ZZ"))
        dialog._save()
        qtbot.waitUntil(error.isVisible, timeout=5000)
        outcome["short"] = error.text()
        wrong_check = id_number(905)[:17] + ("0" if id_number(905)[-1] != "0" else "1")
        dialog.id_number.setText(wrong_check)
        outcome["typed"] = error.text() if error.isVisible() else ""
        dialog._save()
        qtbot.wait(300)
        outcome["saved"] = error.text()
        outcome["derived_before"] = dialog.derived.text()
        dialog.id_number.setText(id_number(905, "19850709"))
        outcome["derived"] = dialog.derived.text()
        outcome["valid_hidden"] = str(error.isHidden())
        dialog.reject()

    on_dialog(fill_dialog)
    page.add_staff()
    qtbot.waitUntil(lambda: "derived" in outcome, timeout=10000)
    assert outcome["short"] == "身份证号应为18位，实际为17位"
    assert "校验位错误" in outcome["typed"] and "校验位错误" in outcome["saved"]
    assert "1985-07-09" in outcome["derived"] and "男" in outcome["derived"]
    assert outcome["valid_hidden"] == "True"
    after = run(runner, qtbot, lambda ctx: health_registry.staff_list(ctx).count(ListQuery()))
    assert after == before


def test_add_person_then_left_date_follows_status(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    outcome: dict[str, object] = {}

    def fill_dialog(dialog: StaffDialog) -> None:
        outcome["left_enabled_when_active"] = dialog.left_on.isEnabled()
        dialog.id_number.setText(id_number(906, "19920305"))
        dialog.name.setText("测试新人")
        dialog.facility.setEditText("T-QX")  # a code typed into the searchable combo
        dialog.category.setCurrentIndex(dialog.category.findData("药师"))
        dialog.status.setCurrentIndex(dialog.status.findData("退出"))
        outcome["left_enabled_when_left"] = dialog.left_on.isEnabled()
        dialog.status.setCurrentIndex(dialog.status.findData("在岗"))
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            dialog._save()

    on_dialog(fill_dialog)
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        page.add_staff()
    assert outcome == {"left_enabled_when_active": False, "left_enabled_when_left": True}
    rows = [page.model.row_values(r) for r in range(page.model.rowCount())]
    added = next(r for r in rows if r["name"] == "测试新人")
    assert added["id_number"] == id_number(906, "19920305")[:4] + "*" * 10 + id_number(906, "19920305")[-4:]
    assert added["facility"] == "七贤测试卫生院" and added["sex"] == "女"  # serial 906: even digit
    stored = run(runner, qtbot, lambda ctx: health_registry.get_staff(ctx, id_number(906, "19920305")))
    assert stored.member.left_on is None and stored.member.category == "药师"


def test_transfer_is_recorded_and_shown_in_the_detail(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    select(page, qtbot, "测试李护士")
    assert page.transfer_model.rowCount() == 0

    def move_to_qixian(dialog: StaffDialog) -> None:
        assert dialog.id_number.isReadOnly() and dialog.id_number.text() == seeded["nurse"]
        dialog.facility.setCurrentIndex(dialog.facility.findData("T-QX"))
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            dialog._save()

    on_dialog(move_to_qixian)
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        page.edit_staff()
    qtbot.waitUntil(lambda: page.transfer_model.rowCount() == 1, timeout=10000)
    model = page.transfer_model
    row = [model.data(model.index(0, c)) for c in range(3)]
    assert row == [date.today().isoformat(), "周庄测试卫生院", "七贤测试卫生院"]
    assert "七贤测试卫生院" in page.detail_facts.text()
    assert page.model.row_values(page.table.selectionModel().selectedRows()[0].row())["facility"] == "七贤测试卫生院"


def test_detail_judges_training_days_with_the_evaluation(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    select(page, qtbot, "测试张医生")
    model = page.training_model
    assert model.rowCount() == 5
    current = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert current == [str(THIS_YEAR), "10", "4.5", "", "", "14.5"]
    rules = page.rules_label.text()
    assert "基层医疗卫生专业技术人员每人每年培训不低于1个月" in rules and "乡村医生每年接受不低于15天的集中学习" in rules
    assert "少于30天" in rules and "少于15天" in rules
    select(page, qtbot, "测试李护士")
    assert "乡村医生每年接受不低于15天的集中学习" in page.rules_label.text()
    assert "不适用" in page.rules_label.text()


def test_training_saved_elsewhere_refreshes_the_detail(seeded, runner, qtbot) -> None:
    page = open_page(runner, qtbot)
    select(page, qtbot, "测试张医生")
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        runner.op(lambda ctx, _p: health_registry.save_training(
            ctx, year=THIS_YEAR, days={(seeded["doctor"], "集中学习"): 16, (seeded["doctor"], "业务进修"): 15}))
    model = page.training_model
    assert model.data(model.index(0, 5)) == "35.5"
    assert "不少于30天" in page.rules_label.text() and "不少于15天" in page.rules_label.text()


def test_masked_list_sorts_by_age_through_birth_date(seeded, working_db) -> None:
    ctx = open_context(working_db, actor=Actor("test:read"))
    try:
        source = staff_queries.staff_list(ctx, today=date(2026, 6, 1))
        query = ListQuery(search="测试", sort_key="age", descending=True)
        rows = source.fetch_rows(source.fetch_ids(query))
        ordered = [rows[i] for i in source.fetch_ids(query)]
        assert [r[source.column_keys.index("age")] for r in ordered] == [71, 50, 46, 36]
        assert all(not FULL_ID.search(str(value)) for r in ordered for value in r)
    finally:
        ctx.close()
