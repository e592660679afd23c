"""A reusable table model over a service list: ids first, rows fetched in pages on the worker.

Sorting and filtering are rewritten into SQL by the list (no proxy model over a lazy model).
``data()`` shows a placeholder until a row's page arrives; a generation counter drops results
of a superseded query. Every list of the app uses this model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_app.domain.list_query import ListQuery
from desktop_app.ui.ops import OpRunner

PLACEHOLDER = "…"
Formatter = Callable[[str, Any], Any]
Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows of a service list (``list_factory(ctx)`` returns an object with fetch_ids/fetch_rows)."""

    loaded = Signal()

    def __init__(
        self,
        runner: OpRunner,
        list_factory: Callable[[Any], Any],
        columns: Sequence[tuple[str, str]],
        *,
        formatter: Formatter | None = None,
        numeric_keys: Sequence[str] = (),
        page_size: int = 200,
        parent: Any = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._list_factory = list_factory
        self._columns = list(columns)
        self._formatter = formatter or (lambda key, value: value)
        self._numeric = set(numeric_keys)
        self._page_size = page_size
        self._query = ListQuery()
        self._ids: list[Any] = []
        self._rows: dict[Any, tuple] = {}
        self._requested: set[int] = set()
        self._generation = 0

    # -- queries ---------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        """The current search, filters and sort."""
        return self._query

    def set_query(self, query: ListQuery) -> None:
        """Replace search/filters/sort and reload from the database."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Fetch the id list (and the first page) again; stale results are dropped."""
        self._generation += 1
        generation, query, factory, size = self._generation, self._query, self._list_factory, self._page_size

        def work(ctx: Any, _progress: Any) -> tuple[list[Any], dict[Any, tuple]]:
            source = factory(ctx)
            ids = source.fetch_ids(query)
            return ids, source.fetch_rows(ids[:size])

        self._runner.query(work, lambda result: self._on_ids(generation, result))

    def _on_ids(self, generation: int, result: tuple[list[Any], dict[Any, tuple]]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids, self._rows = result
        self._requested = {0}
        self.endResetModel()
        self.loaded.emit()

    def _request_page(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        generation, factory = self._generation, self._list_factory
        ids = self._ids[page * self._page_size : (page + 1) * self._page_size]

        def work(ctx: Any, _progress: Any) -> dict[Any, tuple]:
            return factory(ctx).fetch_rows(ids)

        self._runner.query(work, lambda rows: self._on_page(generation, page, rows))

    def _on_page(self, generation: int, page: int, rows: dict[Any, tuple]) -> None:
        if generation != self._generation:
            return
        self._rows.update(rows)
        first = page * self._page_size
        last = min(len(self._ids), first + self._page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    # -- access for views ------------------------------------------------------------------
    def row_id(self, row: int) -> Any:
        """The id of the row shown at ``row``."""
        return self._ids[row]

    def row_values(self, row: int) -> dict[str, Any] | None:
        """The raw values of a loaded row by column key, or None while it is loading."""
        values = self._rows.get(self._ids[row])
        return None if values is None else dict(zip((k for k, _ in self._columns), values))

    def column_key(self, column: int) -> str:
        """The key of the column at ``column``."""
        return self._columns[column][0]

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        key = self._columns[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in self._numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = self._rows.get(self._ids[index.row()])
        if values is None:
            self._request_page(index.row() // self._page_size)
            return PLACEHOLDER
        value = self._formatter(key, values[index.column()])
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1] if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.set_query(
            replace(self._query, sort_key=self._columns[column][0], descending=order == Qt.SortOrder.DescendingOrder)
        )
