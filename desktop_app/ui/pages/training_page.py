"""批量录入培训: one township's active staff in a grid (one column per training mode), typed from
the keyboard and saved in one all-or-nothing ``save_training`` call. Unsaved edits survive a
failed save; bad cells are highlighted with their message and block saving. For a role that may
not edit the health registry the grid is read only."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.health.entities import TRAINING_MODES
from desktop_app.domain.security import EDIT_HEALTH, allowed
from desktop_app.services import health_queries, health_registry, staff_queries
from desktop_app.ui import vocabulary
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.roles import permit_when

Index = QModelIndex | QPersistentModelIndex
FIXED_COLUMNS = 4  # 姓名, 身份证号, 所在机构, 人员类别
TOTAL_COLUMN = FIXED_COLUMNS + len(TRAINING_MODES)
BAD = QBrush(QColor("#f5c6cb"))
DIRTY = QBrush(QColor("#fff3cd"))
TOTAL = QBrush(QColor("#eef2f4"))
FIRST_YEAR = 2020


def format_days(value: float | None) -> str:
    """Days for display: ``12``, ``2.5``; blank for None."""
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


class TrainingGridModel(QAbstractTableModel):
    """Editable training days of a township sheet: rows = people, a column per mode, a total.

    A typed value is kept as typed when it is not a positive number, with its message; such
    cells block saving. ``changes()`` gives the cells that differ from what was loaded.
    """

    edited = Signal()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[staff_queries.TrainingRow] = []
        self._values: list[dict[str, float | None]] = []
        self._bad: dict[tuple[int, str], tuple[str, str]] = {}
        self.editable = True  # False for a role that may not edit: no day cell can be edited

    def set_rows(self, rows: Iterable[staff_queries.TrainingRow]) -> None:
        """Show a freshly loaded sheet (forgetting every edit)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._values = [{m: r.days.get(m) for m in TRAINING_MODES} for r in self._rows]
        self._bad = {}
        self.endResetModel()
        self.edited.emit()

    # -- state ----------------------------------------------------------------------------------
    def _mode(self, column: int) -> str | None:
        offset = column - FIXED_COLUMNS
        return TRAINING_MODES[offset] if 0 <= offset < len(TRAINING_MODES) else None

    def _is_dirty(self, row: int, mode: str) -> bool:
        return (row, mode) in self._bad or self._values[row][mode] != self._rows[row].days.get(mode)

    def changes(self) -> dict[tuple[str, str], float | None]:
        """(id_number, mode) → days (None = clear) of every valid cell that differs from the loaded sheet."""
        return {
            (self._rows[r].id_number, m): self._values[r][m]
            for r in range(len(self._rows)) for m in TRAINING_MODES
            if (r, m) not in self._bad and self._values[r][m] != self._rows[r].days.get(m)
        }

    def is_dirty(self) -> bool:
        """True when any cell was changed (validly or not) since loading."""
        return bool(self._bad) or bool(self.changes())

    def bad_cells(self) -> list[QModelIndex]:
        """The cells holding an invalid value, top to bottom, left to right."""
        return [self.index(r, FIXED_COLUMNS + TRAINING_MODES.index(m)) for r, m in sorted(
            self._bad, key=lambda key: (key[0], TRAINING_MODES.index(key[1])))]

    def cell_error(self, index: Index) -> str | None:
        """The message of an invalid cell, or None."""
        mode = self._mode(index.column())
        bad = self._bad.get((index.row(), mode)) if mode else None
        return bad[1] if bad else None

    def mark_errors(self, errors: dict[tuple[str, str], str]) -> int:
        """Mark cells refused by the service ((id_number, mode) → reason); returns how many matched."""
        rows = {r.id_number: i for i, r in enumerate(self._rows)}
        marked = 0
        for (id_number, mode), reason in errors.items():
            row = rows.get(id_number)
            if row is None or mode not in TRAINING_MODES:
                continue
            self._bad[(row, mode)] = (format_days(self._values[row][mode]), reason)
            self._cell_changed(row, mode)
            marked += 1
        return marked

    def parse(self, text: str) -> tuple[float | None, str | None]:
        """Typed text → (days or None for blank, error message or None)."""
        value = unicodedata.normalize("NFKC", text).strip()
        if not value:
            return None, None
        try:
            days = float(value)
        except ValueError:
            return None, self.tr("“{0}”不是数字，请输入培训天数").format(value)
        if not math.isfinite(days):
            return None, self.tr("“{0}”不是数字，请输入培训天数").format(value)
        if days <= 0:
            return None, self.tr("天数应大于0（要清空请按 Delete）")
        return days, None

    def _cell_changed(self, row: int, mode: str) -> None:
        column = FIXED_COLUMNS + TRAINING_MODES.index(mode)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.dataChanged.emit(self.index(row, TOTAL_COLUMN), self.index(row, TOTAL_COLUMN))
        self.edited.emit()

    # -- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else TOTAL_COLUMN + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        fixed = (self.tr("姓名"), self.tr("身份证号"), self.tr("所在机构"), self.tr("人员类别"))
        if 0 <= section < FIXED_COLUMNS:
            return fixed[section]
        mode = self._mode(section)
        if mode is not None:
            return vocabulary.display(mode)
        return self.tr("合计") if section == TOTAL_COLUMN else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and self._mode(index.column()) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = index.row(), index.column()
        mode = self._mode(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, mode)
        if role == Qt.ItemDataRole.ToolTipRole:
            if mode is not None and (row, mode) in self._bad:
                return self._bad[(row, mode)][1]
            if mode is not None and self._is_dirty(row, mode):
                return self.tr("已修改，尚未保存")
            return self._text(row, column, mode)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIXED_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if mode is not None and (row, mode) in self._bad:
                return BAD
            if mode is not None and self._is_dirty(row, mode):
                return DIRTY
            return TOTAL if column == TOTAL_COLUMN else None
        if role == Qt.ItemDataRole.FontRole and column == TOTAL_COLUMN:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: int, column: int, mode: str | None) -> str:
        person = self._rows[row]
        if mode is not None:
            bad = self._bad.get((row, mode))
            return bad[0] if bad else format_days(self._values[row][mode])
        if column == TOTAL_COLUMN:
            total = sum(v for v in self._values[row].values() if v is not None)
            return format_days(total) if total else ""
        return (person.name, person.masked_id, person.facility_name, vocabulary.display(person.category))[column]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        mode = self._mode(index.column()) if index.isValid() and self.editable else None
        if mode is None or role != Qt.ItemDataRole.EditRole or not (0 <= index.row() < len(self._rows)):
            return False
        text = "" if value is None else str(value)
        days, error = self.parse(text)
        row = index.row()
        if error is not None:
            self._bad[(row, mode)] = (text.strip(), error)
        else:
            self._bad.pop((row, mode), None)
            self._values[row][mode] = days
        self._cell_changed(row, mode)
        return True


class TrainingGridView(QTableView):
    """Spreadsheet-like keys: typing replaces a cell, Tab/Enter move to the next day cell,
    Delete/Backspace clear the selected cells."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(26)

    def _editable(self, index: QModelIndex) -> bool:
        return bool(index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable)

    def _step(self, index: QModelIndex, forward: bool) -> QModelIndex:
        model = self.model()
        rows, columns = model.rowCount(), model.columnCount()
        position = index.row() * columns + index.column()
        while True:
            position += 1 if forward else -1
            if not 0 <= position < rows * columns:
                return index
            candidate = model.index(position // columns, position % columns)
            if self._editable(candidate):
                return candidate

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        current = self.currentIndex()
        if current.isValid() and action == QAbstractItemView.CursorAction.MoveNext:
            return self._step(current, forward=True)
        if current.isValid() and action == QAbstractItemView.CursorAction.MovePrevious:
            return self._step(current, forward=False)
        return super().moveCursor(action, modifiers)

    def _move_down(self) -> None:
        current = self.currentIndex()
        below = current.sibling(current.row() + 1, current.column())
        if below.isValid():
            self.setCurrentIndex(below)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._move_down()
            return
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selected()
            return
        super().keyPressEvent(event)

    def commit_editing(self) -> None:
        """Write the open editor's text into the model (before saving)."""
        editor = self.indexWidget(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def clear_selected(self) -> None:
        """Clear every editable selected cell (or the current one)."""
        model = self.model()
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        for index in indexes:
            if self._editable(index):
                model.setData(index, None, Qt.ItemDataRole.EditRole)


class TrainingEntry(QWidget):
    """Pick a township and year, type days into the grid, save everything at once."""

    loaded = Signal()
    saved = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None, *, township_code: str | None = None,
                 year: int | None = None):
        super().__init__(parent)
        self._runner = runner
        self._counties: list[health_queries.CountyChoice] = []
        self._loaded: tuple[str | None, int] | None = None
        self._role: str | None = None
        self.setWindowTitle(self.tr("批量录入培训"))

        self.county = QComboBox()
        self.township = QComboBox()
        self.year = QComboBox()
        this_year = date.today().year
        for shown in range(this_year, FIRST_YEAR - 1, -1):
            self.year.addItem(self.tr("{0} 年").format(shown), shown)
        if year is not None and self.year.findData(year) < 0:
            self.year.addItem(self.tr("{0} 年").format(year), year)
        self.year.setCurrentIndex(max(self.year.findData(year if year is not None else this_year), 0))
        self._wanted_township = township_code
        hint = QLabel(self.tr("直接输入天数（可带小数），Tab 或 Enter 移到下一格，Delete 清空。"
                              "保存时一次写入全部修改；有错误时不写入任何数据。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.model = TrainingGridModel(self)
        self.grid = TrainingGridView()
        self.grid.setModel(self.model)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # 所在机构 takes the spare width
        header.setStretchLastSection(False)
        for column, width in enumerate((90, 160, 200, 130)):
            self.grid.setColumnWidth(column, width)
        header.setMinimumSectionSize(72)
        for column in range(FIXED_COLUMNS, TOTAL_COLUMN + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存"))
        self.revert_button = QPushButton(self.tr("撤销修改"))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("县区")))
        bar.addWidget(self.county)
        bar.addWidget(QLabel(self.tr("乡镇")))
        bar.addWidget(self.township)
        bar.addWidget(QLabel(self.tr("年度")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)

        self.county.currentIndexChanged.connect(lambda _i: self._on_county_changed())
        self.township.currentIndexChanged.connect(lambda _i: self._on_selection_changed())
        self.year.currentIndexChanged.connect(lambda _i: self._on_selection_changed())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.reload())
        self.model.edited.connect(self._update_state)
        self._update_state()
        runner.query(lambda ctx, _p: health_queries.division_choices(ctx), self._fill_counties,
                     lambda exc: show_error(self, exc))

    # -- choosing the sheet ------------------------------------------------------------------------
    def _fill_counties(self, counties: list[health_queries.CountyChoice]) -> None:
        self._counties = counties
        wanted = self._wanted_township
        self.county.blockSignals(True)
        for county in counties:
            self.county.addItem(county.name, county.code)
        owner = next((i for i, c in enumerate(counties) if any(code == wanted for code, _ in c.townships)), 0)
        self.county.setCurrentIndex(owner if counties else -1)
        self.county.blockSignals(False)
        self._fill_townships(wanted)
        self.reload()

    def _fill_townships(self, wanted: str | None) -> None:
        county = next((c for c in self._counties if c.code == self.county.currentData()), None)
        self.township.blockSignals(True)
        self.township.clear()
        for code, name in county.townships if county else []:
            self.township.addItem(name, code)
        self.township.setCurrentIndex(max(self.township.findData(wanted), 0) if wanted else 0)
        self.township.blockSignals(False)

    def _selection(self) -> tuple[str | None, int]:
        return self.township.currentData(), self.year.currentData()

    def _on_county_changed(self) -> None:
        if self._confirm_discard():
            self._fill_townships(None)
            self.reload()
        else:
            self._restore_selection()

    def _on_selection_changed(self) -> None:
        if self._selection() == self._loaded:
            return
        if self._confirm_discard():
            self.reload()
        else:
            self._restore_selection()

    def _restore_selection(self) -> None:
        if self._loaded is None:
            return
        township, year = self._loaded
        for combo in (self.county, self.township, self.year):
            combo.blockSignals(True)
        county = next((i for i, c in enumerate(self._counties) if any(code == township for code, _ in c.townships)), 0)
        self.county.setCurrentIndex(county)
        self._fill_townships(township)
        self.year.setCurrentIndex(self.year.findData(year))
        for combo in (self.county, self.township, self.year):
            combo.blockSignals(False)

    def _confirm_discard(self) -> bool:
        if not self.model.is_dirty():
            return True
        answer = QMessageBox.question(self, self.tr("批量录入培训"), self.tr("有未保存的修改，确定放弃吗？"))
        return answer == QMessageBox.StandardButton.Yes

    # -- loading and saving ------------------------------------------------------------------------
    def reload(self, notice: str = "") -> None:
        """Load the sheet of the chosen township and year (discarding edits); show ``notice`` after."""
        township, year = self._selection()
        self._loaded = (township, year)
        if township is None:
            self.model.set_rows([])
            self.loaded.emit()
            return

        def shown(rows: list[staff_queries.TrainingRow]) -> None:
            if self._loaded == (township, year):
                self.model.set_rows(rows)
                self._set_message(notice, "ok")
                if rows:
                    self.grid.setCurrentIndex(self.model.index(0, FIXED_COLUMNS))
                self.loaded.emit()

        self._runner.query(lambda ctx, _p: staff_queries.training_sheet(ctx, township_code=township, year=year),
                           shown, lambda exc: show_error(self, exc))

    def apply_role(self, actor: Actor) -> None:
        """Make the grid read only, and saving unavailable, for a role that may not edit the health registry."""
        self._role = actor.role
        self.model.editable = allowed(actor.role, EDIT_HEALTH)
        self._update_state()

    def _update_state(self) -> None:
        rows = self.model.rowCount()
        pending = len(self.model.changes())
        bad = len(self.model.bad_cells())
        text = self.tr("在岗 {0} 人").format(rows)
        if pending:
            text += self.tr("，{0} 处修改未保存").format(pending)
        self.count_label.setText(text)
        permit_when(self.save_button, self._role, EDIT_HEALTH, ready=bool(pending or bad))
        permit_when(self.revert_button, self._role, EDIT_HEALTH, ready=self.model.is_dirty())
        if not bad and self.message.property("kind") == "error":
            self._set_message("", "")

    def _set_message(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.setStyleSheet("color: #c0392b;" if kind == "error" else "color: #1e8449;")

    def save(self) -> None:
        """Save every changed cell in one transaction; refuse while a cell is invalid."""
        self.grid.commit_editing()
        bad = self.model.bad_cells()
        if bad:
            self._refuse(bad)
            return
        changes = self.model.changes()
        if not changes or self._loaded is None:
            return
        year = self._loaded[1]
        self.save_button.setEnabled(False)

        def done(_changes: Any) -> None:
            self.saved.emit()
            self.reload(self.tr("已保存 {0} 处修改").format(len(changes)))

        def failed(exc: BaseException) -> None:
            self._update_state()
            if isinstance(exc, ValidationError):
                errors = {}
                for field, reason in exc.by_field().items():
                    id_number, _, mode = field.partition(":")
                    errors[(id_number, mode)] = reason
                self.model.mark_errors(errors)
                self._refuse(self.model.bad_cells())
            else:
                show_error(self, exc)

        self._runner.op(lambda ctx, _p: health_registry.save_training(ctx, year=year, days=changes), done, failed,
                        label=self.tr("正在保存培训天数…"), parent=self)

    def _refuse(self, bad: list[QModelIndex]) -> None:
        first = bad[0]
        self._set_message(self.tr("有 {0} 个单元格输入有误（已标红），未保存任何数据。第 {1} 行：{2}").format(
            len(bad), first.row() + 1, self.model.cell_error(first)), "error")
        self.grid.setCurrentIndex(first)
        self.grid.scrollTo(first)
        self.grid.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self._confirm_discard():
            event.accept()
        else:
            event.ignore()
