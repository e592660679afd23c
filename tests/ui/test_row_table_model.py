"""The shared read-only row model: cells, tooltips, right-aligned numbers, row and cell colours,
bold rows, and a model that qtmodeltester accepts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.ui.models.row_table_model import RowTableModel
from desktop_app.ui.widgets.text_table import TextTableModel


class Payees(RowTableModel):
    numeric = frozenset({1})

    def cells(self, item: tuple[str, int]) -> list[str]:
        return [item[0], f"{item[1]:,}"]

    def colours(self, item: tuple[str, int]) -> tuple[str | None, str | None] | None:
        return ("#a93226", None) if item[1] < 0 else None

    def tooltip(self, item: tuple[str, int], column: int) -> str | None:
        return "超发" if item[1] < 0 else None


def test_row_model_shows_cells_colours_and_finds_rows(qapp, qtmodeltester) -> None:
    model = Payees(["收款对象", "欠拨（元）"])
    model.set_rows([("甲村卫生室", 6000), ("乙村卫生室", -1500)])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "6,000"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole).color().name() == "#a93226"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None  # only the text is coloured
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "超发"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "甲村卫生室"
    assert model.row_where(lambda item: item[1] < 0) == 1 and model.row_where(lambda item: item[1] > 10**6) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "欠拨（元）"


def test_text_table_colours_cells_and_bolds_total_rows(qapp, qtmodeltester) -> None:
    model = TextTableModel(["年度", "天数"], numeric_columns=[1])
    model.set_rows([["合计", 45], ["2025", 30]], keys=["all", 2025], colours={(1, 1): ("#1e8449", "#eafaf1")},
                   bold_rows=[0])
    qtmodeltester.check(model)
    assert model.text(0, 1) == "45" and model.key(1) == 2025
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole).color().name() == "#eafaf1"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
