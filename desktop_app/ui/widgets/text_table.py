"""A small read-only table of display strings (detail areas: histories, conditions, events), with
optional per-cell colours and a key per row, and the compact view that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop_app.ui.models.row_table_model import RowTableModel

Colours = tuple[str, str]  # (text, background)


class TextTableModel(RowTableModel):
    """Rows of strings under fixed headers; ``colours`` maps (row, column) to (text, background);
    ``bold_rows`` are emphasised (totals)."""

    def __init__(self, headers: Sequence[str], numeric_columns: Sequence[int] = (), parent: Any = None):
        super().__init__(headers, parent)
        self.numeric = frozenset(numeric_columns)
        self._keys: list[Any] = []
        self._colours: dict[tuple[int, int], Colours] = {}
        self._bold: set[int] = set()

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None,  # type: ignore[override]
                 colours: dict[tuple[int, int], Colours] | None = None, bold_rows: Sequence[int] = ()) -> None:
        """Replace the rows; ``keys`` (one per row) identify what a row shows."""
        texts = [[str(v) for v in r] for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(texts)
        self._colours = dict(colours or {})
        self._bold = set(bold_rows)
        super().set_rows(texts)

    def key(self, row: int) -> Any:
        """The key of the row at ``row``."""
        return self._keys[row]

    def text(self, row: int, column: int) -> str:
        """The text shown in a cell."""
        return self._rows[row][column]

    def cells(self, item: list[str]) -> list[str]:
        return item

    def colours_at(self, row: int, column: int) -> Colours | None:
        return self._colours.get((row, column))

    def is_bold(self, row: int) -> bool:
        return row in self._bold


def text_table(model: QAbstractTableModel, *, stretch: Sequence[int] = (), selectable: bool = False,
               wrap: bool = False) -> QTableView:
    """A compact read-only view of ``model``; ``stretch`` columns take the spare width."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection if selectable
                          else QAbstractItemView.SelectionMode.NoSelection)
    view.setWordWrap(wrap)
    view.verticalHeader().hide()
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(56)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    if not stretch:
        header.setStretchLastSection(True)
    return view
