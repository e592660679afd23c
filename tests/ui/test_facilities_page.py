"""The facilities page: list model, filters (place, kind, search, rule status), detail with results
and citations, the add/edit dialog, and the dashboard's click-through filter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import NotFound
from desktop_app.domain.health.entities import Facility
from desktop_app.domain.rules.results import Status
from desktop_app.services import health_evaluation
from desktop_app.services import health_registry as registry
from desktop_app.services.database import open_context
from desktop_app.store import villages_repo
from desktop_app.ui.dialogs.facility_dialog import FacilityDialog
from desktop_app.ui.pages.facilities_page import FacilitiesPage

BOAI = "410822000000"
BOAI_TOWNSHIP = "410822101000"
LICENCE = "hc.facility.licence"
ROOMS = dict.fromkeys(("room_diagnosis", "room_treatment", "room_observation", "room_pharmacy", "room_tcm",
                       "room_public_health", "room_duty"), True)


@pytest.fixture
def seeded(working_db: Path) -> dict[str, str]:
    """Three test facilities (codes UTC-00n) added through the service before the runner opens."""
    ctx = open_context(working_db, actor=Actor("test:setup"))
    try:
        first, second = [v.code for v in villages_repo.all_villages(ctx.db) if v.kind == "行政村"][:2]
        facilities = [
            Facility("UTC-001", "测试甲村卫生室", "村卫生室", first, ownership="公有", licence_no="UT-1",
                     licence_valid_until=date(2099, 12, 31), floor_area_m2=150.0, common_diseases=25,
                     tcm_techniques=5, **ROOMS),
            Facility("UTC-002", "测试乙村卫生室", "村卫生室", second, ownership="集体"),
            Facility("UTC-003", "测试博爱卫生院", "乡镇卫生院", BOAI_TOWNSHIP, service_population=20000,
                     licence_no="UT-3", licence_valid_until=date(2099, 12, 31), beds=30, tcm_hall="有",
                     fever_clinic=True),
        ]
        for facility in facilities:
            registry.create_facility(ctx, facility=facility)
    finally:
        ctx.close()
    return {"village": first}


@pytest.fixture
def page(seeded, runner, qtbot) -> FacilitiesPage:
    widget = FacilitiesPage(runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.ready, timeout=10000):
        pass
    return widget


def shown_codes(page: FacilitiesPage) -> list[str]:
    rows = [page.model.row_values(r) for r in range(page.model.rowCount())]
    assert None not in rows, "every row of the result should be loaded"
    return [row["code"] for row in rows]


def choose(qtbot, page: FacilitiesPage, combo, data) -> None:
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        combo.setCurrentIndex(combo.findData(data))


def service(working_db: Path):
    return open_context(working_db, actor=Actor("test:check"))


def test_list_model_passes_qtmodeltester(page, qtmodeltester) -> None:
    assert page.model.rowCount() >= 3
    assert page.count_label.text() == f"共 {page.model.rowCount()} 个机构"
    qtmodeltester.check(page.model)


def test_filters_by_county_kind_and_search(page, qtbot) -> None:
    everything = page.model.rowCount()
    choose(qtbot, page, page.county_filter, BOAI)
    assert shown_codes(page) == ["UTC-003"]
    assert page.township_filter.isEnabled() and page.township_filter.findData(BOAI_TOWNSHIP) > 0
    choose(qtbot, page, page.county_filter, None)
    assert page.model.rowCount() == everything

    choose(qtbot, page, page.kind_filter, "乡镇卫生院")
    codes = shown_codes(page)
    assert "UTC-003" in codes and "UTC-001" not in codes
    assert {page.model.data(page.model.index(r, 2)) for r in range(page.model.rowCount())} == {"乡镇卫生院"}
    choose(qtbot, page, page.kind_filter, None)

    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        page.search.setText("utc-00")
    assert sorted(shown_codes(page)) == ["UTC-001", "UTC-002", "UTC-003"]
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        page.search.setText("csjcwss")  # pinyin initials of 测试甲村卫生室
    assert shown_codes(page) == ["UTC-001"]


def test_rule_status_filter_shows_what_the_service_says_fails(page, qtbot, working_db) -> None:
    choose(qtbot, page, page.rule_filter, LICENCE)
    choose(qtbot, page, page.status_filter, "fail")
    ctx = service(working_db)
    try:
        expected = health_evaluation.facilities_with_status(ctx, rule_id=LICENCE, statuses={Status.FAIL},
                                                            as_of=date.today())
    finally:
        ctx.close()
    assert "UTC-002" in expected and "UTC-001" not in expected
    assert sorted(shown_codes(page)) == sorted(expected)


def test_selecting_a_facility_shows_results_with_citations(page, qtbot, working_db, qtmodeltester) -> None:
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        page.search.setText("UTC-002")
    page.table.selectRow(0)
    results = page.detail.results_model
    qtbot.waitUntil(lambda: results.rowCount() > 0, timeout=10000)
    ctx = service(working_db)
    try:
        expected = health_evaluation.facility_results(ctx, code="UTC-002", as_of=date.today()).results
    finally:
        ctx.close()
    assert results.rowCount() == len(expected)
    for row, result in enumerate(expected):
        assert results.data(results.index(row, 4)) == result.citation
        assert results.data(results.index(row, 4)).startswith("焦政办〔2023〕32号")
        assert results.data(results.index(row, 3)) == result.message
    licence = next(r for r in range(results.rowCount()) if results.line(r).result.rule_id == LICENCE)
    assert results.data(results.index(licence, 0)) == "不达标"
    assert results.data(results.index(licence, 1)) == "依法取得《医疗机构执业许可证》"
    assert page.detail.values["code"].text() == "UTC-002"
    assert "不达标" in page.detail.summary.text()
    qtmodeltester.check(results)


def open_dialog(page: FacilitiesPage, qtbot) -> FacilityDialog:
    qtbot.waitUntil(lambda: page.findChild(FacilityDialog) is not None, timeout=10000)
    return page.findChild(FacilityDialog)


def test_adding_a_bad_facility_shows_the_message_next_to_the_field(page, qtbot, seeded, working_db) -> None:
    page.add_facility()
    dialog = open_dialog(page, qtbot)
    for name, value in (("code", "UTC-009"), ("name", "测试丙村卫生室"), ("division_code", seeded["village"]), ("beds", 3)):
        dialog.editors[name].write(value)
    dialog._buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.errors["beds"].isHidden(), timeout=10000)
    assert "村卫生室不设床位" in dialog.errors["beds"].text()
    assert dialog.errors["name"].isHidden()
    assert dialog.isVisible()
    ctx = service(working_db)
    try:
        with pytest.raises(NotFound):
            registry.get_facility(ctx, "UTC-009")
    finally:
        ctx.close()


def test_a_good_edit_is_saved_and_shown(page, qtbot, working_db) -> None:
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        page.search.setText("UTC-001")
    page.table.selectRow(0)
    page.edit_facility()
    dialog = open_dialog(page, qtbot)
    assert dialog.editors["code"].line.isReadOnly()
    dialog.editors["name"].write("测试甲村卫生室（新）")
    dialog.editors["floor_area_m2"].write(180.5)
    with qtbot.waitSignals([dialog.accepted, page.model.loaded], timeout=10000):
        dialog._buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    ctx = service(working_db)
    try:
        stored = registry.get_facility(ctx, "UTC-001")
    finally:
        ctx.close()
    assert stored.facility.name == "测试甲村卫生室（新）" and stored.facility.floor_area_m2 == 180.5
    assert stored.facility.room_duty is True and stored.row_version == 2
    assert page.model.data(page.model.index(0, 1)) == "测试甲村卫生室（新）"
    qtbot.waitUntil(lambda: page.detail.values["name"].text() == "测试甲村卫生室（新）", timeout=10000)


def test_apply_filter_selects_rule_and_status(seeded, runner, qtbot, working_db) -> None:
    widget = FacilitiesPage(runner)
    qtbot.addWidget(widget)
    widget.apply_filter({"rule": LICENCE, "status": "fail"})  # before the choices arrive: kept until then
    with qtbot.waitSignal(widget.ready, timeout=10000):
        pass
    assert widget.rule_filter.currentData() == LICENCE and widget.status_filter.currentData() == "fail"
    ctx = service(working_db)
    try:
        expected = health_evaluation.facilities_with_status(ctx, rule_id=LICENCE, statuses={Status.FAIL},
                                                            as_of=date.today())
    finally:
        ctx.close()
    assert sorted(shown_codes(widget)) == sorted(expected)

    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.apply_filter({"county": BOAI, "kind": "乡镇卫生院"})
    assert widget.rule_filter.currentData() is None and widget.status_filter.currentData() is None
    assert shown_codes(widget) == ["UTC-003"]

    day = date(2024, 6, 1)
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.apply_filter({"rule": LICENCE, "status": Status.PASS, "as_of": day})
    assert widget.as_of.date() == QDate(2024, 6, 1) and widget.status_filter.currentData() == "pass"
    ctx = service(working_db)
    try:
        expected = health_evaluation.facilities_with_status(ctx, rule_id=LICENCE, statuses={Status.PASS}, as_of=day)
    finally:
        ctx.close()
    assert "UTC-001" in expected and widget.model.rowCount() == len(expected)
    first_page = [widget.model.row_values(r) for r in range(widget.model.rowCount())]
    assert {row["code"] for row in first_page if row is not None} <= set(expected)


def test_dialog_has_every_field_and_round_trips_a_facility(qapp) -> None:
    facility = Facility("UTC-100", "测试", "中心乡镇卫生院", BOAI_TOWNSHIP, service_population=1234, ownership="其他",
                        government_run=False, licence_no="L-1", licence_valid_until=date(2026, 3, 1),
                        floor_area_m2=1234.5, built_year=2019, beds=40, room_tcm=False, common_diseases=110,
                        tcm_techniques=8, tcm_hall="示范", capability_level="推荐标准", sub_centre=True, ct16=True)
    dialog = FacilityDialog(None, submit=lambda f, done: done(None, None), facility=facility)
    assert dialog.value() == facility
    assert set(dialog.errors) == set(dialog.editors) == set(Facility.__dataclass_fields__)
    dialog.editors["built_year"].write(None)
    dialog.editors["built_year"].line.setText("19")
    dialog._save()
    assert dialog.errors["built_year"].text() == "格式不正确" and dialog.result() == 0
    dialog.deleteLater()


def test_changing_the_date_keeps_filters_and_re_evaluates_the_detail(page, qtbot) -> None:
    choose(qtbot, page, page.county_filter, BOAI)
    choose(qtbot, page, page.township_filter, BOAI_TOWNSHIP)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.values["code"].text() == "UTC-003", timeout=10000)
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        page.as_of.setDate(QDate(2024, 6, 1))
    assert page.township_filter.currentData() == BOAI_TOWNSHIP and shown_codes(page) == ["UTC-003"]
    qtbot.waitUntil(lambda: page.detail.summary.text().startswith("评价日 2024-06-01"), timeout=10000)
