"""The reusable table model: passes qtmodeltester, pages rows, sorts and filters in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.domain.list_query import ListQuery
from desktop_app.services import villages as village_service
from desktop_app.ui.models.paged_table_model import PLACEHOLDER, PagedTableModel

COLUMNS = [("code", "区划代码"), ("name", "名称"), ("kind", "类型"), ("population", "常住人口"),
           ("hosts_township_centre", "所在地"), ("minutes_to_clinic", "分钟"), ("township", "乡镇")]


def make_model(runner, qtbot, page_size: int = 50) -> PagedTableModel:
    model = PagedTableModel(runner, village_service.village_list, COLUMNS, page_size=page_size)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return model


def test_model_passes_qtmodeltester(runner, qtbot, qtmodeltester) -> None:
    model = make_model(runner, qtbot)
    assert model.rowCount() > 100
    qtmodeltester.check(model)


def test_rows_beyond_the_first_page_load_lazily(runner, qtbot) -> None:
    model = make_model(runner, qtbot, page_size=20)
    far = model.index(model.rowCount() - 1, 1)
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        assert model.data(far) == PLACEHOLDER
    assert model.data(far) not in (PLACEHOLDER, None, "")


def test_sort_and_filter_run_in_sql(runner, qtbot) -> None:
    model = make_model(runner, qtbot, page_size=1000)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(3, Qt.SortOrder.DescendingOrder)
    populations = [int(model.data(model.index(r, 3)))
                   for r in range(10)]
    assert populations == sorted(populations, reverse=True)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(ListQuery(filters={"kind": "自然村"}))
    assert model.rowCount() > 0
    assert {model.data(model.index(r, 2)) for r in range(model.rowCount())} == {"自然村"}


def test_superseded_results_are_dropped(runner, qtbot) -> None:
    model = make_model(runner, qtbot, page_size=1000)
    model.set_query(ListQuery(filters={"kind": "社区"}))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(ListQuery(filters={"kind": "自然村"}))
    qtbot.wait(100)
    assert {model.data(model.index(r, 2)) for r in range(model.rowCount())} == {"自然村"}
