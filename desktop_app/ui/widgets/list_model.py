"""The paged list model with columns that are not sortable (masked ID numbers are computed in SQL
and the lists refuse to sort by them): a click on such a header is ignored instead of failing."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.ui.models.paged_table_model import PagedTableModel


class ListModel(PagedTableModel):
    """A PagedTableModel whose ``unsortable`` column keys ignore sort requests."""

    def __init__(self, *args: Any, unsortable: Collection[str] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._unsortable = frozenset(unsortable)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < self.columnCount() and self.column_key(column) in self._unsortable:
            return
        super().sort(column, order)
