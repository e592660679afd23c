"""录入检查结果: the findings grid of one facility of a visit, made for the keyboard.

One row per rule of the facility's kind, with what the registry says and how it is judged as of
the visit date. Keys 1 / 2 / 3 set 属实 / 不符 / 未检查 on the current row (不符 then opens the
现场值 cell), typing edits the current cell, Enter moves down, Ctrl+Enter saves. A differing row
needs the value seen and the choice 保留待核实 or 更新登记 (offered only where the registry holds
the value). The dialog only reads and returns the entries; the page runs the service and shows
what it refused next to the row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.inspections import CONFIRMED, DIFFERS, FINDINGS, KEPT, NOT_CHECKED, UPDATED, FindingEntry, split_inspectors
from desktop_app.services.inspection_queries import FindingRow, FindingsForm
from desktop_app.ui.widgets.inspection_text import DIFFERS_COLOURS, OVERDUE_COLOURS, shown, status_word

Index = QModelIndex | QPersistentModelIndex
Done = Callable[[dict[str, str] | None, str | None], None]
Submit = Callable[[list[FindingEntry], Done], None]
TITLE, REGISTRY, REQUIRED, FINDING, SEEN, DECISION, REMARK, PHOTOS, ORDER = range(9)
EDITABLE = (FINDING, SEEN, DECISION, REMARK, PHOTOS)
KEYS = {Qt.Key.Key_1: CONFIRMED, Qt.Key.Key_2: DIFFERS, Qt.Key.Key_3: NOT_CHECKED}


@dataclass(frozen=True)
class _Line:
    """What the grid holds for one rule: the service's row and the values being entered."""

    row: FindingRow
    finding: str = ""
    value_seen: str = ""
    decision: str = ""
    remark: str = ""
    photos: str = ""

    @classmethod
    def of(cls, row: FindingRow) -> _Line:
        f = row.finding
        if f is None:
            return cls(row)
        return cls(row, f.finding, f.value_seen or "", f.registry_decision or "", f.remark, "、".join(f.photos))

    def entry(self) -> FindingEntry:
        differs = self.finding == DIFFERS
        return FindingEntry(self.row.rule_id, self.finding, self.value_seen.strip() or None, self.remark.strip(),
                            split_inspectors(self.photos), (self.decision or KEPT) if differs else None)


class FindingsModel(QAbstractTableModel):
    """The editable grid: one line per rule; problems from the service are shown per rule id."""

    def __init__(self, rows: Sequence[FindingRow], parent: Any = None):
        super().__init__(parent)
        self._lines = [_Line.of(r) for r in rows]
        self._problems: dict[str, str] = {}
        self._headers = [self.tr("检查项目"), self.tr("登记 / 评估"), self.tr("要求"), self.tr("检查结论"), self.tr("现场值"),
                         self.tr("登记处理"), self.tr("备注"), self.tr("照片文件"), self.tr("整改")]

    def line(self, row: int) -> _Line:
        """The values of one row."""
        return self._lines[row]

    def entries(self) -> list[FindingEntry]:
        """The rows with a conclusion, as entries for the service."""
        return [line.entry() for line in self._lines if line.finding]

    def set_problems(self, problems: dict[str, str]) -> None:
        """Mark the rows the service refused (by rule id) and show the reason as their tooltip."""
        self.beginResetModel()
        self._problems = dict(problems)
        self.endResetModel()

    def set_finding(self, row: int, finding: str) -> None:
        """Set a row's conclusion (keyboard 1/2/3); a row that no longer differs loses its value seen."""
        self.setData(self.index(row, FINDING), finding)

    def fill_confirmed(self) -> None:
        """Mark every row without a conclusion 属实."""
        for row, line in enumerate(self._lines):
            if not line.finding:
                self.set_finding(row, CONFIRMED)

    def choices(self, column: int, row: int) -> list[tuple[str, str]]:
        """(value, label) pairs of a choice cell."""
        if column == FINDING:
            return [(value, shown(value)) for value in FINDINGS]
        if column == DECISION:
            options = [(KEPT, shown(KEPT))]
            if self._lines[row].row.can_update:
                options.append((UPDATED, self.tr("更新登记为现场值")))
            return options
        return []

    def _text(self, line: _Line, column: int) -> str:
        r = line.row
        if column == TITLE:
            return r.title
        if column == REGISTRY:
            return f"{r.registry_value or '—'} · {status_word(r.status)}" if r.status else r.registry_value
        if column == REQUIRED:
            return r.required
        if column == FINDING:
            return shown(line.finding)
        if column == SEEN:
            return line.value_seen
        if column == DECISION:
            if line.finding != DIFFERS:
                return ""
            return shown(line.decision or KEPT) if line.decision != UPDATED else self.tr("更新登记为现场值")
        if column == REMARK:
            return line.remark
        if column == PHOTOS:
            return line.photos
        if r.order is None:
            return ""
        return self.tr("{0}（期限 {1}）").format(shown(r.order.status), r.order.deadline.isoformat())

    def _tooltip(self, line: _Line, column: int) -> str:
        r = line.row
        if r.rule_id in self._problems:
            return self._problems[r.rule_id]
        if column == TITLE:
            return self.tr("依据：{0}").format(r.citation)
        if column == REGISTRY:
            return r.message
        if column == SEEN and line.finding == DIFFERS:
            return r.hint or self.tr("现场看到的情况（该项由人员记录计算，只能保留待核实）")
        if column == FINDING:
            return self.tr("按 1 属实、2 不符、3 未检查")
        return self._text(line, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and column in (FINDING, DECISION):
                return line.finding if column == FINDING else (line.decision or KEPT)
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        colours = None
        if line.row.rule_id in self._problems:
            colours = OVERDUE_COLOURS
        elif line.finding == DIFFERS and column in (FINDING, SEEN, DECISION):
            colours = DIFFERS_COLOURS
        if colours and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            return QBrush(QColor(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1]))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        line, column = self._lines[index.row()], index.column()
        text = "" if value is None else str(value).strip()
        if column == FINDING:
            if text and text not in FINDINGS:
                return False
            line = replace(line, finding=text)
            if text != DIFFERS:
                line = replace(line, value_seen="", decision="")
        elif column == SEEN:
            line = replace(line, value_seen=text)
        elif column == DECISION:
            line = replace(line, decision=text if text in (KEPT, UPDATED) else KEPT)
        elif column == REMARK:
            line = replace(line, remark=text)
        else:
            line = replace(line, photos=text)
        self._lines[index.row()] = line
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self._headers) - 1))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column, line = index.column(), self._lines[index.row()]
        if column in (SEEN, DECISION) and line.finding != DIFFERS:
            return base
        return base | Qt.ItemFlag.ItemIsEditable if column in EDITABLE else base


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the conclusion and registry-decision cells."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        model = index.model()
        if not isinstance(model, FindingsModel) or index.column() not in (FINDING, DECISION):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, label in model.choices(index.column(), index.row()):
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class FindingsTable(QTableView):
    """The grid's view: 1/2/3 set the conclusion, Enter moves down."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        model, current = self.model(), self.currentIndex()
        if isinstance(model, FindingsModel) and current.isValid() and self.state() != QAbstractItemView.State.EditingState:
            finding = KEYS.get(Qt.Key(event.key())) if not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier else None
            if finding is not None:
                model.set_finding(current.row(), finding)
                if finding == DIFFERS:
                    target = model.index(current.row(), SEEN)
                    self.setCurrentIndex(target)
                    self.edit(target)
                elif current.row() + 1 < model.rowCount():
                    self.setCurrentIndex(model.index(current.row() + 1, current.column()))
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                if current.row() + 1 < model.rowCount():
                    self.setCurrentIndex(model.index(current.row() + 1, current.column()))
                return
        super().keyPressEvent(event)


class FindingsDialog(QDialog):
    """The findings of one facility of a visit; ``submit(entries, done)`` runs the service."""

    saved = Signal()

    def __init__(self, parent: QWidget | None, form: FindingsForm, submit: Submit):
        super().__init__(parent)
        self.setWindowTitle(self.tr("录入检查结果 — {0}").format(form.facility_name))
        self.resize(1180, 560)
        self._submit = submit
        self.form = form
        heading = QLabel(self.tr("检查编号 {0} · {1} · 检查人员：{2} · {3}（{4}）").format(
            form.visit.id, form.visit.visited_on.isoformat(), form.visit.inspectors_text, form.facility_name,
            shown(form.facility_kind) or form.facility_kind))
        heading.setWordWrap(True)
        keys = QLabel(self.tr("键盘：1 属实 · 2 不符（随后填写现场值）· 3 未检查 · 直接输入可编辑当前格 · 回车下一行 · Ctrl+回车 保存"))
        keys.setStyleSheet("color: #555;")
        self.model = FindingsModel(form.rows, self)
        self.table = FindingsTable()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((TITLE, 220), (REGISTRY, 140), (REQUIRED, 90), (FINDING, 70), (SEEN, 150), (DECISION, 120),
                              (REMARK, 130), (PHOTOS, 100)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.all_confirmed_button = QPushButton(self.tr("其余全部属实"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_confirmed_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(keys)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.all_confirmed_button.clicked.connect(self.model.fill_confirmed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys_text in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys_text), self, self.save)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, FINDING))
        self.table.setFocus()

    def save(self) -> None:
        """Hand the entered rows to the caller; close when the service accepts them."""
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None:  # an open cell editor: keep what was typed
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        entries = self.model.entries()
        if not entries:
            self.show_problems(None, self.tr("尚未录入任何检查结论"))
            return
        self.buttons.setEnabled(False)

        def done(problems: dict[str, str] | None, message: str | None) -> None:
            self.buttons.setEnabled(True)
            if problems or message:
                self.show_problems(problems, message)
            else:
                self.saved.emit()
                self.accept()

        self._submit(entries, done)

    def show_problems(self, problems: dict[str, str] | None, message: str | None) -> None:
        """Mark refused rows (by rule id) and list the reasons below the grid."""
        problems = dict(problems or {})
        self.model.set_problems(problems)
        titles = {self.model.line(r).row.rule_id: self.model.line(r).row.title for r in range(self.model.rowCount())}
        lines = [*([message] if message else []), *(f"{titles.get(k, k)}：{v}" for k, v in problems.items())]
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines))
