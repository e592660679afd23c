"""A read-only table model over a list of row objects (the small lists of the pages and dialogs).

A subclass says how a row looks: ``cells(row)`` gives the texts of its columns, and optionally
``colours(row)`` a (text, background) colour pair (``colours_at`` for one cell), ``tooltip(row,
column)`` a tooltip, ``is_bold(row)`` emphasis, ``numeric`` the columns aligned right and ``centred``
the columns centred. Long lists that page through the database use
:class:`~desktop_app.ui.models.paged_table_model.PagedTableModel` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    """Rows of objects shown through ``cells(row) -> list[str]``, with optional colours per row."""

    numeric: frozenset[int] = frozenset()
    """Columns aligned right (amounts, counts)."""
    centred: frozenset[int] = frozenset()
    """Columns centred (short status words)."""

    def __init__(self, headers: Sequence[str], parent: Any = None):
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show these rows (replacing what was shown)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        """The object shown at row ``index``."""
        return self._rows[index]

    def rows(self) -> list[Any]:
        """Every object shown, in order."""
        return list(self._rows)

    def row_where(self, matches: Any) -> int | None:
        """The first row whose object satisfies ``matches(obj)``, or None."""
        return next((n for n, item in enumerate(self._rows) if matches(item)), None)

    def cells(self, item: Any) -> list[str]:  # pragma: no cover - each model defines it
        """The texts of the columns of ``item``."""
        raise NotImplementedError

    def colours(self, item: Any) -> tuple[str | None, str | None] | None:
        """(text colour, background colour) of ``item``'s row (either may be None), or None."""
        return None

    def tooltip(self, item: Any, column: int) -> str | None:
        """The tooltip of a cell (default: the cell's text)."""
        return None

    def colours_at(self, row: int, column: int) -> tuple[str | None, str | None] | None:
        """The colours of one cell (default: its row's :meth:`colours`)."""
        return self.colours(self._rows[row])

    def is_bold(self, row: int) -> bool:
        """Whether row ``row`` is emphasised (e.g. a total)."""
        return False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(item)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, index.column()) or self.cells(item)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = self.colours_at(index.row(), index.column())
            colour = None if colours is None else colours[0 if role == Qt.ItemDataRole.ForegroundRole else 1]
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and self.is_bold(index.row()):
            font = QFont()
            font.setBold(True)
            return font
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
