"""The 概览 dashboard on a small registry built here: the indicator table shows the evaluation's
figures, the chart has one bar set for actual and one for target, the facility-rule counts match
``failing_counts``, a double-click on a count asks for those facilities, the models pass
qtmodeltester and a write refreshes the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from desktop_app.domain.actor import Actor
from desktop_app.domain.health.entities import CountyFigure, Facility
from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import Village
from desktop_app.services.database import open_context
from desktop_app.services.health_evaluation import evaluate, failing_counts
from desktop_app.services.health_registry import create_facility
from desktop_app.store import health_figures_repo, villages_repo
from desktop_app.store.connection import write_transaction
from desktop_app.ui.fonts import install_fonts
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.dashboard_page import DashboardPage

XIUWU, WENXIAN = "410821000000", "410825000000"
XIUWU_TOWN, WENXIAN_TOWN = "410821100000", "410825001000"
AS_OF, YEAR = date(2026, 1, 15), 2025
OWNERSHIP_RULE = "hc.village_clinic.public_ownership"


def village(township: str, serial: int) -> Village:
    return Village(township[:9] + f"{serial:03d}", f"测试村{serial}", "行政村", 900, False, 10)


@pytest.fixture
def health_db(tmp_path: Path) -> Path:
    """修武县: three 行政村卫生室, two of them 公有 (66.7%), a 乡镇卫生院 and visit rates; 温县: one clinic."""
    path = tmp_path / "health.sqlite3"
    ctx = open_context(path, actor=Actor("test:setup"))
    villages = [village(XIUWU_TOWN, n) for n in (201, 202, 203)] + [village(WENXIAN_TOWN, 201)]
    with write_transaction(ctx.db):
        villages_repo.insert_many(ctx.db, [(v, pinyin_initials(v.name)) for v in villages])
        health_figures_repo.upsert_county_figures(ctx.db, [CountyFigure(XIUWU, YEAR, 250_000, 85.5, 70.0)])
    for code, host, ownership in (("XW-C1", villages[0], "公有"), ("XW-C2", villages[1], "公有"),
                                  ("XW-C3", villages[2], "私人"), ("WX-C1", villages[3], None)):
        create_facility(ctx, facility=Facility(code, f"{host.name}卫生室", "村卫生室", host.code, ownership=ownership))
    create_facility(ctx, facility=Facility("XW-T1", "城关镇卫生院", "乡镇卫生院", XIUWU_TOWN,
                                           service_population=30000, capability_level="推荐标准", tcm_hall="有"))
    ctx.close()
    return path


@pytest.fixture
def health_runner(qapp, health_db: Path):
    install_fonts(qapp)
    runner = OpRunner(lambda: open_context(health_db, actor=Actor("test:gui")))
    yield runner
    runner.shutdown()


@pytest.fixture
def page(health_runner, qtbot) -> DashboardPage:
    widget = DashboardPage(health_runner)
    qtbot.addWidget(widget)
    widget.set_parameters(scope=XIUWU, year=YEAR, as_of=AS_OF)
    widget.resize(1100, 760)
    with qtbot.waitSignal(widget.ready, timeout=10000):
        widget.show()
    return widget


def on_worker(runner: OpRunner, qtbot, fn):
    results: list = []
    runner.query(lambda ctx, _p: fn(ctx), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    return results[0]


def table_text(model) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_indicator_table_shows_the_evaluation_figures(page: DashboardPage, health_runner, qtbot) -> None:
    evaluation = on_worker(health_runner, qtbot, lambda ctx: evaluate(ctx, as_of=AS_OF, year=YEAR))
    expected = next(c for c in evaluation.counties if c.code == XIUWU).indicators
    model = page.indicator_model
    assert [model.row_at(r).rule_id for r in range(model.rowCount())] == [i.rule_id for i in expected]
    rows = {row[0]: row for row in table_text(model)}
    # 2 of 3 行政村卫生室 public → 66.7%, below the 2025 target of 90% and past the year's end → 未达标.
    assert rows["公有产权行政村卫生室占比"] == [
        "公有产权行政村卫生室占比", "66.7%", "90.0%", "未达标", "还需1所行政村卫生室转为公有产权", "焦政办〔2023〕32号 三（一）2"]
    assert rows["县域内就诊率"][1:5] == ["85.5%", "90.0%", "未达标", "县域内就诊率还需提高4.5个百分点"]
    assert rows["县域内基层就诊率"][1:4] == ["70.0%", "65.0%", "达标"]
    assert rows["县域医疗卫生次中心建设任务"][1:3] == ["0", "2"]
    ownership_row = next(r for r in range(model.rowCount()) if model.row_at(r).key == "hc.county.public_ownership_share")
    assert "占66.66%" in model.data(model.index(ownership_row, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(ownership_row, 3), Qt.ItemDataRole.ForegroundRole).name() == "#c0392b"
    assert page.summary.text().startswith("修武县 · 2025年度指标")


def test_chart_has_an_actual_and_a_target_bar_set(page: DashboardPage) -> None:
    chart = page.percent_chart
    assert sorted(s.label() for s in chart.series.barSets()) == ["实际", "目标"]
    labels = chart.category_labels()
    assert labels[0] == "公有产权村卫生室占比" and "县域内就诊率" in labels
    actual, target = chart.bar_values("实际"), chart.bar_values("目标")
    assert len(actual) == len(target) == len(labels)
    assert actual[0] == pytest.approx(66.7) and target[0] == pytest.approx(90.0)
    visit = labels.index("县域内就诊率")
    assert (actual[visit], target[visit]) == (pytest.approx(85.5), pytest.approx(90.0))
    assert (chart.values.min(), chart.values.max()) == (0, 100)
    assert page.count_chart.category_labels() == ["次中心（个）"]
    assert (page.count_chart.bar_values("实际"), page.count_chart.bar_values("目标")) == ([0.0], [2.0])
    metrics = QFontMetrics(chart.categories.labelsFont())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "".join(labels) if "\u4e00" <= ch <= "\u9fff")


def test_rule_counts_match_failing_counts(page: DashboardPage, health_runner, qtbot) -> None:
    expected = on_worker(health_runner, qtbot, lambda ctx: failing_counts(ctx, as_of=AS_OF, county_code=XIUWU))
    model = page.rule_model
    shown = [(model.row_at(r).rule_id, *(int(model.data(model.index(r, c))) for c in (1, 2, 3)))
             for r in range(model.rowCount())]
    assert shown == [(c.rule_id, c.fail, c.warn, c.unknown) for c in expected]
    assert ("hc.village_clinic.public_ownership", 1) in {(rule, fail) for rule, fail, _w, _u in shown}
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["机构规则", "未达标", "预警", "待补充数据"]


def double_click(qtbot, view, row: int, column: int) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # the first press of a double-click
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_double_click_on_a_count_opens_those_facilities(page: DashboardPage, qtbot) -> None:
    page.tabs.setCurrentIndex(2)
    model = page.rule_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).rule_id == OWNERSHIP_RULE)
    with qtbot.waitSignal(page.open_facilities, timeout=3000) as signal:
        double_click(qtbot, page.rule_table, row, 1)
    assert signal.args == [{"county": XIUWU, "rule": OWNERSHIP_RULE, "status": "fail", "as_of": page.as_of}]
    with qtbot.assertNotEmitted(page.open_facilities, wait=100):
        double_click(qtbot, page.rule_table, row, 2)  # no facility is warned: nothing to open
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.set_parameters(scope="city")
    row = next(r for r in range(model.rowCount()) if model.row_at(r).rule_id == OWNERSHIP_RULE)
    with qtbot.waitSignal(page.open_facilities, timeout=3000) as signal:
        double_click(qtbot, page.rule_table, row, 3)  # 温县's clinic has no ownership entered
    assert signal.args == [{"county": None, "rule": OWNERSHIP_RULE, "status": "unknown", "as_of": page.as_of}]


def test_gap_planner_lists_each_county_when_the_scope_is_the_city(page: DashboardPage, qtbot) -> None:
    assert page.gap_table.isColumnHidden(0)
    indicators = page.indicator_model
    with_gap = [indicators.row_at(r) for r in range(indicators.rowCount()) if indicators.row_at(r).gap]
    assert [row[1:] for row in table_text(page.gap_model)] == [
        [r.short_title, {"fail": "未达标", "warn": "预警"}[r.status.value], r.gap] for r in with_gap]
    assert ["公有产权村卫生室占比", "未达标", "还需1所行政村卫生室转为公有产权"] in [row[1:] for row in table_text(page.gap_model)]
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.set_parameters(scope="city")
    assert not page.gap_table.isColumnHidden(0)
    rows = table_text(page.gap_model)
    assert rows[0][0] == "全市" and ["修武县", "公有产权村卫生室占比", "未达标", "还需1所行政村卫生室转为公有产权"] in rows
    assert all(row[3].startswith(("还需", "县域内")) for row in rows)
    assert page.tabs.tabText(1) == f"差距测算（{len(rows)}）"
    assert page.scope_combo.currentText() == "全市" and page.scope_combo.count() == 12


def test_models_pass_qtmodeltester(page: DashboardPage, qtmodeltester) -> None:
    for model in (page.indicator_model, page.rule_model, page.gap_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_registry_write_refreshes_the_page(page: DashboardPage, health_runner, qtbot) -> None:
    public = Facility("XW-C4", "新卫生室", "村卫生室", village(XIUWU_TOWN, 201).code, ownership="公有")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        health_runner.op(lambda ctx, _p: create_facility(ctx, facility=public))
    rows = {row[0]: row for row in table_text(page.indicator_model)}
    assert rows["公有产权行政村卫生室占比"][1] == "75.0%"  # 3 of 4


def test_a_hidden_page_refreshes_when_shown_again(page: DashboardPage, health_runner, qtbot) -> None:
    page.hide()
    with qtbot.waitSignal(health_runner.op_executed, timeout=5000):
        health_runner.op(lambda ctx, _p: create_facility(ctx, facility=Facility(
            "XW-C5", "又一卫生室", "村卫生室", village(XIUWU_TOWN, 202).code, ownership="公有")))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    assert {row[0]: row for row in table_text(page.indicator_model)}["公有产权行政村卫生室占比"][1] == "75.0%"
