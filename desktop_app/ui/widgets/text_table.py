"""A small read-only table of display strings (detail areas: histories, conditions, events), with
optional per-cell colours and a key per row, and the compact view that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex
Colours = tuple[str, str]  # (text, background)


class TextTableModel(QAbstractTableModel):
    """Rows of strings under fixed headers; ``colours`` maps (row, column) to (text, background)."""

    def __init__(self, headers: Sequence[str], numeric_columns: Sequence[int] = (), parent: Any = None):
        super().__init__(parent)
        self._headers = list(headers)
        self._numeric = set(numeric_columns)
        self._rows: list[list[str]] = []
        self._keys: list[Any] = []
        self._colours: dict[tuple[int, int], Colours] = {}

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None,
                 colours: dict[tuple[int, int], Colours] | None = None) -> None:
        """Replace the rows; ``keys`` (one per row) identify what a row shows."""
        self.beginResetModel()
        self._rows = [[str(v) for v in r] for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self._colours = dict(colours or {})
        self.endResetModel()

    def key(self, row: int) -> Any:
        """The key of the row at ``row``."""
        return self._keys[row]

    def text(self, row: int, column: int) -> str:
        """The text shown in a cell."""
        return self._rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        cell = (index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and cell in self._colours:
            return QBrush(QColor(self._colours[cell][0]))
        if role == Qt.ItemDataRole.BackgroundRole and cell in self._colours:
            return QBrush(QColor(self._colours[cell][1]))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


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
