"""The catalogue page's settings tabs: the amounts counties set for "不少于" measures, and the
working-day calendar (weekday holidays and worked weekend days) that promised dates count in.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.money import format_yuan, parse_yuan
from desktop_app.domain.working_days import DAY_KINDS
from desktop_app.services import desk_admin, desk_queries
from desktop_app.services.desk_admin import CalendarDay
from desktop_app.ui import vocabulary
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.text_table import TextTableModel, text_table

ERROR_STYLE = "color: #c0392b;"
OK_STYLE = "color: #1e7b45;"


class CountyAmountsPanel(QWidget):
    """Every county × county-set measure; the selected one's amount is set (never below the minimum)."""

    loaded = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.model = TextTableModel([self.tr("县区"), self.tr("政策"), self.tr("县区设定金额（元）"), self.tr("政策最低标准（元）")],
                                    numeric_columns=[2, 3], parent=self)
        self.table = text_table(self.model, stretch=[1], selectable=True)
        self.table.setObjectName("county_amounts")
        self.amount = QLineEdit()
        self.amount.setObjectName("county_amount")
        self.amount.setPlaceholderText(self.tr("金额（元）"))
        self.save_button = QPushButton(self.tr("保存金额"))
        self.default_button = QPushButton(self.tr("恢复为最低标准"))
        self.message = QLabel()
        self.message.setObjectName("county_amount_message")
        self.message.setWordWrap(True)
        editor = QHBoxLayout()
        self.selected = QLabel(self.tr("选择一行后设定该县区的金额"))
        editor.addWidget(self.selected, 1)
        editor.addWidget(self.amount)
        editor.addWidget(self.save_button)
        editor.addWidget(self.default_button)
        note = QLabel(self.tr("政策规定“不少于”的奖励由各县区设定具体金额；未设定时按政策最低标准核定。"))
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(editor)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.save_button.clicked.connect(lambda: self._save(clear=False))
        self.default_button.clicked.connect(lambda: self._save(clear=True))
        self.amount.returnPressed.connect(lambda: self._save(clear=False))
        self._on_selected()
        self.reload()

    def reload(self) -> None:
        """Fetch the rows again (keeping the selection)."""
        self._runner.query(lambda ctx, _p: desk_queries.county_amount_rows(ctx), self._show, lambda exc: show_error(self, exc))

    def _show(self, rows: list[desk_queries.CountyAmountRow]) -> None:
        current = self.current()
        key = (current.county_code, current.base_id) if current else None
        self.model.set_rows(
            [[r.county_name, r.title, format_yuan(r.amount_fen) if r.amount_fen is not None else self.tr("未设定"),
              format_yuan(r.minimum_fen)] for r in rows], keys=rows)
        for row, r in enumerate(rows):
            if (r.county_code, r.base_id) == key:
                self.table.selectRow(row)
        self.loaded.emit()

    def current(self) -> desk_queries.CountyAmountRow | None:
        """The selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.key(rows[0].row()) if rows else None

    def _on_selected(self) -> None:
        row = self.current()
        for widget in (self.amount, self.save_button, self.default_button):
            widget.setEnabled(row is not None)
        if row is not None:
            self.selected.setText(f"{row.county_name}　{row.title}")
            self.amount.setText(format_yuan(row.amount_fen if row.amount_fen is not None else row.minimum_fen).replace(",", ""))

    def _save(self, *, clear: bool) -> None:
        row = self.current()
        if row is None:
            return
        try:
            amount = None if clear else parse_yuan(self.amount.text())
        except ValueError as exc:
            self._say(str(exc), ok=False)
            return
        self._runner.op(lambda ctx, _p: desk_admin.set_county_amount(ctx, county_code=row.county_code, base_id=row.base_id,
                                                                     amount_fen=amount),
                        lambda _c: (self._say(self.tr("已保存"), ok=True), self.reload()),
                        lambda exc: self._say(message_for(exc), ok=False))

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)


class CalendarPanel(QWidget):
    """The exceptions of one year: weekday rest days (holidays) and worked weekends (调休上班日).

    Changes are collected here and saved for the whole year at once.
    """

    loaded = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._days: list[CalendarDay] = []
        self._dirty = False
        self.year = QSpinBox()
        self.year.setObjectName("calendar_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.model = TextTableModel([self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("说明")], parent=self)
        self.table = text_table(self.model, stretch=[3], selectable=True)
        self.table.setObjectName("calendar_days")
        self.day = DateEdit(QDate.currentDate())
        self.day.setObjectName("calendar_day")
        self.kind = QComboBox()
        self.kind.setObjectName("calendar_kind")
        for kind in DAY_KINDS:
            self.kind.addItem(vocabulary.display(kind), kind)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("说明，如 春节"))
        self.add_button = QPushButton(self.tr("添加"))
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.save_button = QPushButton(self.tr("保存本年日历"))
        self.save_button.setObjectName("save_calendar")
        self.message = QLabel()
        self.message.setObjectName("calendar_message")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        note = QLabel(self.tr("周一至周五为工作日，周六、周日休息；此处只登记例外：法定节假日（休息日）和调休上班的周末（调休上班日）。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        top.addWidget(note, 1)
        add_box = QGroupBox(self.tr("添加例外日期"))
        add = QHBoxLayout(add_box)
        for widget in (self.day, self.kind, self.note):
            add.addWidget(widget)
        add.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.message, 3)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(add_box)
        layout.addLayout(buttons)

        self.year.valueChanged.connect(lambda _y: self.reload())
        self.add_button.clicked.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        """Fetch the chosen year's exceptions (unsaved changes are dropped)."""
        year = self.year.value()
        self._runner.query(lambda ctx, _p: desk_admin.calendar_days(ctx, year=year), self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, days: list[CalendarDay]) -> None:
        self._days = list(days)
        self._set_dirty(False)
        self.message.setText("" if days else self.tr("本年尚未登记节假日和调休：承诺办结日期目前只跳过周六、周日。"))
        self.message.setStyleSheet("color: #8a5300;")
        self._show()
        self.loaded.emit()

    def _show(self) -> None:
        weekdays = [self.tr("星期一"), self.tr("星期二"), self.tr("星期三"), self.tr("星期四"), self.tr("星期五"),
                    self.tr("星期六"), self.tr("星期日")]
        self._days.sort(key=lambda d: d.day)
        self.model.set_rows([[d.day.isoformat(), weekdays[d.day.weekday()], vocabulary.display(d.kind), d.note] for d in self._days],
                            keys=self._days)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.save_button.setText(self.tr("保存本年日历（有未保存的修改）") if dirty else self.tr("保存本年日历"))

    def add_day(self) -> None:
        """Add the date chosen below (replacing an entry of the same day)."""
        day = self.day.value()
        self._days = [d for d in self._days if d.day != day] + [CalendarDay(day, self.kind.currentData(), self.note.text().strip())]
        self.note.clear()
        self._set_dirty(True)
        self._show()

    def remove_selected(self) -> None:
        """Remove the selected date."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            chosen = self.model.key(rows[0].row())
            self._days = [d for d in self._days if d is not chosen]
            self._set_dirty(True)
            self._show()

    def save(self) -> None:
        """Replace the year's exceptions with the list shown (the service checks each day)."""
        year, days = self.year.value(), list(self._days)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                text = "\n".join(f"{p.field}：{p.reason}" for p in exc.problems)
            else:
                text = message_for(exc)
            self.message.setText(text)
            self.message.setStyleSheet(ERROR_STYLE)

        def saved(_changes: Any) -> None:
            self._set_dirty(False)
            self.message.setText(self.tr("已保存 {0} 年日历").format(year))
            self.message.setStyleSheet(OK_STYLE)

        self._runner.op(lambda ctx, _p: desk_admin.set_calendar_year(ctx, year=year, days=days), saved, failed)

    @property
    def dirty(self) -> bool:
        """True while the shown year has unsaved changes."""
        return self._dirty
