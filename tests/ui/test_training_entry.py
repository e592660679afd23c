"""Bulk training entry: the grid model passes qtmodeltester, keyboard entry of several people is
saved in one call, and a bad cell blocks saving without writing anything."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.domain.health.entities import TRAINING_MODES, Facility, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.list_query import ListQuery
from desktop_app.services import health_registry, staff_queries
from desktop_app.services import villages as village_service
from desktop_app.services.database import open_context
from desktop_app.ui.pages.training_page import BAD, FIXED_COLUMNS, TOTAL_COLUMN, TrainingEntry

ZHOUZHUANG = "410821103000"
YEAR = 2025
COLUMN = {mode: FIXED_COLUMNS + i for i, mode in enumerate(TRAINING_MODES)}


def id_number(serial: int, birth: str = "19800101") -> str:
    first17 = f"410821{birth}{serial:03d}"
    return first17 + id_check_character(first17)


PEOPLE = {"甲": id_number(911), "乙": id_number(912), "丙": id_number(913), "丁": id_number(914)}


def seed_registry(path: Path) -> None:
    """A township centre and a village clinic in 周庄镇; three active people and one who left."""
    ctx = open_context(path, actor=Actor("test:seed"))
    try:
        ids = village_service.village_list(ctx).fetch_ids(ListQuery(filters={"township": ZHOUZHUANG, "kind": "行政村"}))
        village = village_service.village_list(ctx).fetch_rows(ids[:1])[ids[0]][0]
        health_registry.create_facility(ctx, facility=Facility("T-ZZ", "周庄测试卫生院", "乡镇卫生院", ZHOUZHUANG, service_population=20000))
        health_registry.create_facility(ctx, facility=Facility("T-ZZC", "周庄测试卫生室", "村卫生室", village))
        for suffix, facility, status in (("甲", "T-ZZ", "在岗"), ("乙", "T-ZZ", "在岗"), ("丙", "T-ZZC", "在岗"),
                                         ("丁", "T-ZZC", "退出")):
            health_registry.create_staff(ctx, member=StaffMember(
                PEOPLE[suffix], f"测试{suffix}", facility, category="乡村医生", status=status,
                left_on=date(2024, 1, 1) if status == "退出" else None))
        health_registry.save_training(ctx, year=YEAR, days={(PEOPLE["乙"], "其他"): 3})
    finally:
        ctx.close()


@pytest.fixture
def seeded(working_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The registry seeded; closing with unsaved edits answers "discard" instead of blocking."""
    seed_registry(working_db)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    return working_db


def open_entry(runner, qtbot) -> TrainingEntry:
    widget = TrainingEntry(runner, township_code=ZHOUZHUANG, year=YEAR)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.resize(1000, 600)
        widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.grid.setFocus()
    return widget


def row_of(widget: TrainingEntry, name: str) -> int:
    model = widget.model
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)


def type_keys(qtbot, widget: TrainingEntry, keys: list) -> None:
    """Send text or key codes to whatever has the focus (the grid or its open editor)."""
    for key in keys:
        for stroke in (list(key) if isinstance(key, str) else [key]):
            qtbot.keyClick(QApplication.focusWidget() or widget.grid, stroke)
            qtbot.wait(1)  # let queued commits run between keystrokes, as between real ones


def stored_days(runner, qtbot) -> dict[str, dict[str, float]]:
    results: list = []
    runner.query(lambda ctx, _p: staff_queries.training_sheet(ctx, township_code=ZHOUZHUANG, year=YEAR), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    return {row.name: row.days for row in results[0] if row.name.startswith("测试")}


def test_grid_model_passes_qtmodeltester_and_lists_active_people(seeded, runner, qtbot, qtmodeltester) -> None:
    widget = open_entry(runner, qtbot)
    names = [widget.model.index(r, 0).data() for r in range(widget.model.rowCount())]
    assert {"测试甲", "测试乙", "测试丙"} <= set(names) and "测试丁" not in names
    qtmodeltester.check(widget.model)
    row = row_of(widget, "测试乙")
    assert widget.model.index(row, COLUMN["其他"]).data() == "3"
    assert widget.model.index(row, TOTAL_COLUMN).data() == "3"
    shown = [str(widget.model.index(r, c).data()) for r in range(widget.model.rowCount()) for c in range(TOTAL_COLUMN + 1)]
    assert not any(PEOPLE[k] in text for k in PEOPLE for text in shown)
    assert not widget.model.flags(widget.model.index(row, 0)) & Qt.ItemFlag.ItemIsEditable
    assert widget.model.flags(widget.model.index(row, COLUMN["集中学习"])) & Qt.ItemFlag.ItemIsEditable


def test_keyboard_entry_for_several_people_is_saved_in_one_call(seeded, runner, qtbot, monkeypatch) -> None:
    widget = open_entry(runner, qtbot)
    calls: list = []
    original = health_registry.save_training
    monkeypatch.setattr(health_registry, "save_training", lambda ctx, **kw: calls.append(kw) or original(ctx, **kw))
    first = row_of(widget, "测试乙")  # rows go by facility, then name: 乙, 甲 (卫生院), 丙 (卫生室)
    assert [row_of(widget, name) for name in ("测试甲", "测试丙")] == [first + 1, first + 2]
    widget.grid.setCurrentIndex(widget.model.index(first, COLUMN["集中学习"]))
    # 乙: 12 集中学习, Tab → 3.5 远程教育, Enter → 甲's 远程教育 6, Enter → 丙's 远程教育 2
    type_keys(qtbot, widget, ["12", Qt.Key.Key_Tab, "3.5", Qt.Key.Key_Return, "6", Qt.Key.Key_Return, "2",
                              Qt.Key.Key_Return])
    # type over 乙's stored 3 days of 其他
    widget.grid.setCurrentIndex(widget.model.index(first, COLUMN["其他"]))
    type_keys(qtbot, widget, ["4", Qt.Key.Key_Return])
    assert widget.model.index(first, TOTAL_COLUMN).data() == "19.5"
    assert widget.model.is_dirty() and widget.save_button.isEnabled()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.save_button.click()
    assert len(calls) == 1 and calls[0]["year"] == YEAR
    assert stored_days(runner, qtbot) == {
        "测试乙": {"集中学习": 12.0, "远程教育": 3.5, "其他": 4.0},
        "测试甲": {"远程教育": 6.0},
        "测试丙": {"远程教育": 2.0},
    }
    assert not widget.model.is_dirty() and "已保存 5 处修改" in widget.message.text()


def test_delete_key_clears_a_saved_value(seeded, runner, qtbot) -> None:
    widget = open_entry(runner, qtbot)
    widget.grid.setCurrentIndex(widget.model.index(row_of(widget, "测试乙"), COLUMN["其他"]))
    type_keys(qtbot, widget, [Qt.Key.Key_Delete])
    assert widget.model.changes() == {(PEOPLE["乙"], "其他"): None}
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.save()
    assert stored_days(runner, qtbot)["测试乙"] == {}


@pytest.mark.parametrize("bad", ["-2", "abc", "0"])
def test_invalid_cell_blocks_saving_and_nothing_is_written(seeded, runner, qtbot, bad) -> None:
    widget = open_entry(runner, qtbot)
    widget.grid.setCurrentIndex(widget.model.index(row_of(widget, "测试甲"), COLUMN["集中学习"]))
    type_keys(qtbot, widget, ["8", Qt.Key.Key_Return])
    bad_index = widget.model.index(row_of(widget, "测试丙"), COLUMN["业务进修"])
    widget.grid.setCurrentIndex(bad_index)
    type_keys(qtbot, widget, [bad, Qt.Key.Key_Return])
    assert bad_index.data() == bad
    assert bad_index.data(Qt.ItemDataRole.BackgroundRole) == BAD
    assert bad_index.data(Qt.ItemDataRole.ToolTipRole)
    widget.save()
    qtbot.wait(200)
    assert not runner.busy
    assert "未保存任何数据" in widget.message.text() and "1 个单元格" in widget.message.text()
    assert widget.grid.currentIndex() == bad_index
    assert stored_days(runner, qtbot) == {"测试甲": {}, "测试乙": {"其他": 3.0}, "测试丙": {}}
    assert widget.model.changes() == {(PEOPLE["甲"], "集中学习"): 8.0}  # the good edit is kept
    # correcting the cell lets the whole sheet save
    widget.grid.setCurrentIndex(bad_index)
    type_keys(qtbot, widget, ["1", Qt.Key.Key_Return])
    assert widget.model.bad_cells() == [] and widget.message.text() == ""
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.save()
    assert stored_days(runner, qtbot)["测试丙"] == {"业务进修": 1.0}


def test_refused_save_keeps_edits_and_marks_the_cell(seeded, runner, qtbot, monkeypatch) -> None:
    widget = open_entry(runner, qtbot)

    def refuse(ctx, *, year, days):
        raise ValidationError(Problem(f"{PEOPLE['丙']}:集中学习", "身份证号不在人员表中"))

    monkeypatch.setattr(health_registry, "save_training", refuse)
    cell = widget.model.index(row_of(widget, "测试丙"), COLUMN["集中学习"])
    widget.grid.setCurrentIndex(cell)
    type_keys(qtbot, widget, ["5", Qt.Key.Key_Return])
    widget.save()
    qtbot.waitUntil(lambda: "未保存任何数据" in widget.message.text(), timeout=5000)
    assert cell.data() == "5" and cell.data(Qt.ItemDataRole.BackgroundRole) == BAD
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "身份证号不在人员表中"
    assert stored_days(runner, qtbot)["测试丙"] == {}


def test_tab_skips_the_read_only_columns(seeded, runner, qtbot) -> None:
    widget = open_entry(runner, qtbot)
    row = row_of(widget, "测试甲")
    widget.grid.setCurrentIndex(widget.model.index(row, COLUMN["其他"]))
    type_keys(qtbot, widget, [Qt.Key.Key_Tab])
    current: QModelIndex = widget.grid.currentIndex()
    assert (current.row(), current.column()) == (row + 1, COLUMN["集中学习"])
