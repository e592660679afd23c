"""概览: the primary-healthcare indicators of the city or one county-level unit — a table and a
bar chart of actual vs target, the facility rules with failing / warned / unknown counts (a
double-click opens those facilities) and the gap planner ("还需…")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QMargins, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor
from desktop_app.domain.divisions import county_code_of
from desktop_app.domain.rules.results import Status
from desktop_app.domain.security import CITY_CODE
from desktop_app.services import dashboard as dashboard_service
from desktop_app.services.dashboard import DashboardData, GapRow, IndicatorRow
from desktop_app.services.health_evaluation import RuleCount
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.rectification_summary import RectificationSummary

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "DashboardPage"
REFRESH_TABLES = ("facilities", "staff", "training", "villages", "family_doctor", "county_figures")
# Status → (text colour, cell tint).
STATUS_COLOURS = {
    Status.PASS: ("#1e8449", "#e9f7ef"),
    Status.FAIL: ("#c0392b", "#fdedec"),
    Status.WARN: ("#b9770e", "#fef5e7"),
    Status.UNKNOWN: ("#2471a3", "#eaf2f8"),
    Status.NOT_APPLICABLE: ("#7f8c8d", None),
}
ACTUAL_COLOUR, TARGET_COLOUR = "#2e86c1", "#b2babb"
COUNT_STATUSES = {1: Status.FAIL, 2: Status.WARN, 3: Status.UNKNOWN}  # rule table column → status


def status_text(status: Status) -> str:
    """The Chinese (translated) label of a rule status."""
    labels = {
        Status.PASS: QCoreApplication.translate("DashboardPage", "达标"),
        Status.FAIL: QCoreApplication.translate("DashboardPage", "未达标"),
        Status.WARN: QCoreApplication.translate("DashboardPage", "预警"),
        Status.UNKNOWN: QCoreApplication.translate("DashboardPage", "待补充数据"),
        Status.NOT_APPLICABLE: QCoreApplication.translate("DashboardPage", "不适用"),
    }
    return labels.get(status, str(status))


def format_value(unit: str, value: Any) -> str:
    """An indicator figure for the table: shares as 87.0%, rates in percent, counts, points."""
    if value is None:
        return "—"
    if unit == dashboard_service.SHARE:
        return f"{float(value) * 100:.1f}%"
    if unit == dashboard_service.PERCENT:
        return f"{float(value):.1f}%"
    if unit == dashboard_service.COUNT:
        return f"{int(value):,}"
    if unit == dashboard_service.POINTS:
        return QCoreApplication.translate("DashboardPage", "{0}个百分点").format(f"{float(value):.2f}".rstrip("0").rstrip("."))
    return str(value)


@dataclass(frozen=True)
class Column:
    """A column of a :class:`RowsModel`: header, display text, and optional tooltip/status/alignment."""

    header: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None
    status: Callable[[Any], Status] | None = None
    numeric: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table over a short list of row objects (the dashboard's tables)."""

    def __init__(self, columns: Sequence[Column], parent: Any = None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """The row object shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column, row = self._columns[index.column()], self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if column.status is not None and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = STATUS_COLOURS.get(column.status(row), (None, None))
            colour = colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1]
            return QColor(colour) if colour else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _table(model: RowsModel, stretch: int, *, wrap: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(wrap)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    if wrap:  # long sentences take two lines instead of being cut
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class BarChart(QChartView):
    """Horizontal bars of actual vs target per indicator (first indicator at the top)."""

    def __init__(self, actual_label: str, target_label: str, *, legend: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._labels = (actual_label, target_label)
        self.series = QHorizontalBarSeries()
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setVisible(legend)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.addSeries(self.series)
        self.categories = QBarCategoryAxis()
        self.values = QValueAxis()
        chart.addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.values, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.values)
        self.series.setLabelsVisible(True)
        self.series.setBarWidth(0.8)
        self.categories.setTruncateLabels(False)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.setChart(chart)

    def show_bars(self, labels: Sequence[str], actual: Sequence[float], target: Sequence[float], *,
                  percent: bool) -> None:
        """Replace the bars; ``percent`` fixes the axis to 0–100%, otherwise it fits the values."""
        self.series.clear()
        self.categories.clear()
        sets = []
        for label, values, colour in ((self._labels[0], actual, ACTUAL_COLOUR), (self._labels[1], target, TARGET_COLOUR)):
            bar_set = QBarSet(label)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            # Only the actual bars carry a value label (the target's is in the table and the tooltip).
            bar_set.setLabelColor(QColor("#1c2833") if colour == ACTUAL_COLOUR else QColor(0, 0, 0, 0))
            bar_set.append([round(v, 1) for v in reversed(values)])
            sets.append(bar_set)
        # Target first so that it is drawn below the actual bar of each category.
        self.series.append(list(reversed(sets)))
        self.categories.append(list(reversed(labels)))
        self.series.setLabelsFormat("@value%" if percent else "@value")
        self.series.setLabelsPrecision(4)
        if percent:
            self.values.setRange(0, 100)
            self.values.setTickCount(6)
            self.values.setLabelFormat("%.0f%%")
        else:  # room for the value label after the longest bar, on round tick values
            self.values.setRange(0, max([1.0, *actual, *target]) * 1.15)
            self.values.applyNiceNumbers()
            self.values.setLabelFormat("%g")

    def bar_values(self, label: str) -> list[float]:
        """The values of the bar set ``label`` in indicator order (for tests and checks)."""
        bar_set = next(s for s in self.series.barSets() if s.label() == label)
        return list(reversed([bar_set.at(i) for i in range(bar_set.count())]))

    def category_labels(self) -> list[str]:
        """The indicator labels in indicator order."""
        return list(reversed(self.categories.categories()))


class DashboardPage(QWidget):
    """The indicators of a scope with chart, facility-rule counts and the gap planner."""

    ready = Signal()
    loaded = Signal()
    open_facilities = Signal(dict)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self._requested = False
        self._stale = False
        self._ready_sent = False
        self._scope = dashboard_service.CITY_SCOPE
        self.data: DashboardData | None = None

        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("全市"), dashboard_service.CITY_SCOPE)
        self.scope_combo.setMinimumContentsLength(10)
        self.year_combo = QComboBox()
        for year in dashboard_service.INDICATOR_YEARS:
            self.year_combo.addItem(self.tr("{0}年").format(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(dashboard_service.default_year(date.today())))
        self.as_of_edit = QDateEdit(QDate.currentDate())
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.summary = QLabel(self.tr("正在计算…"))
        self.summary.setStyleSheet("font-size: 11pt; font-weight: bold;")

        self.indicator_model = RowsModel([
            Column(self.tr("指标"), lambda r: r.title, lambda r: r.message),
            Column(self.tr("实际"), lambda r: format_value(r.unit, r.actual), lambda r: r.message, numeric=True),
            Column(self.tr("目标"), lambda r: format_value(r.unit, r.target), lambda r: r.message, numeric=True),
            Column(self.tr("状态"), lambda r: status_text(r.status), lambda r: r.message, status=lambda r: r.status),
            Column(self.tr("差距"), lambda r: r.gap or "—", lambda r: r.message),
            Column(self.tr("依据"), lambda r: r.citation, lambda r: r.citation),
        ], self)
        self.rule_model = RowsModel([
            Column(self.tr("机构规则"), lambda c: c.title, lambda c: f"{c.rule_id}\n{c.citation}"),
            *(Column(status_text(s), _count_text(s), self._count_tip(s), status=_count_status(s), numeric=True)
              for s in COUNT_STATUSES.values()),
        ], self)
        self.gap_model = RowsModel([
            Column(self.tr("范围"), self._scope_name),
            Column(self.tr("指标"), lambda g: g.short_title, lambda g: g.title),
            Column(self.tr("状态"), lambda g: status_text(g.status), status=lambda g: g.status),
            Column(self.tr("还需"), lambda g: g.gap, lambda g: g.gap),
        ], self)
        self.indicator_table = _table(self.indicator_model, 4)
        self.rule_table = _table(self.rule_model, 0)
        self.gap_table = _table(self.gap_model, 3, wrap=True)
        self.gap_table.setAlternatingRowColors(True)
        self.rule_table.setAlternatingRowColors(True)
        self.percent_chart = BarChart(self.tr("实际"), self.tr("目标"))
        self.count_chart = BarChart(self.tr("实际"), self.tr("目标"), legend=False)
        hint = QLabel(self.tr("双击“未达标”“预警”“待补充数据”下的数字，可在医疗机构页查看这些机构。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5d6d7e;")

        bar = QHBoxLayout()
        for label, widget in ((self.tr("统计范围"), self.scope_combo), (self.tr("指标年度"), self.year_combo),
                              (self.tr("评价日期"), self.as_of_edit)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
            bar.addSpacing(12)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        charts = QWidget()
        chart_layout = QHBoxLayout(charts)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.percent_chart, 3)
        chart_layout.addWidget(self.count_chart, 2)
        rules = QWidget()
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(0, 0, 0, 0)
        rules_layout.addWidget(hint)
        rules_layout.addWidget(self.rule_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(charts, self.tr("实际与目标"))
        self.tabs.addTab(self.gap_table, self.tr("差距测算"))
        self.tabs.addTab(rules, self.tr("机构规则达标情况"))
        self.rectifications = RectificationSummary(self._runner)
        self.open_rectifications = self.rectifications.open_orders
        self.tabs.addTab(self.rectifications, self.tr("督导检查整改"))
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(_group(self.tr("指标完成情况"), self.indicator_table))
        body.addWidget(self.tabs)
        body.setSizes([330, 370])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)

        self.scope_combo.currentIndexChanged.connect(self._on_scope_chosen)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._parameters_changed())
        self.as_of_edit.dateChanged.connect(lambda _d: self._parameters_changed())
        self.refresh_button.clicked.connect(self.reload)
        self.rule_table.doubleClicked.connect(self._on_rule_double_clicked)
        runner.op_executed.connect(self._on_op_executed)

    # -- parameters ----------------------------------------------------------------------------
    @property
    def scope(self) -> str:
        """The selected scope code (CITY_SCOPE or a county code)."""
        return self._scope

    @property
    def year(self) -> int:
        """The selected indicator year."""
        return int(self.year_combo.currentData())

    @property
    def as_of(self) -> date:
        """The selected evaluation date."""
        return self.as_of_edit.date().toPython()

    def set_parameters(self, *, scope: str | None = None, year: int | None = None, as_of: date | None = None) -> None:
        """Choose scope, indicator year and evaluation date at once (one reload if loaded before)."""
        widgets = (self.scope_combo, self.year_combo, self.as_of_edit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if scope is not None:
                self._scope = scope  # the combo lists the counties only after the first load
                self.scope_combo.setCurrentIndex(self.scope_combo.findData(scope))
            if year is not None:
                self.year_combo.setCurrentIndex(self.year_combo.findData(year))
            if as_of is not None:
                self.as_of_edit.setDate(QDate(as_of.year, as_of.month, as_of.day))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._parameters_changed()

    def apply_role(self, actor: Actor) -> None:
        """Start on the actor's own county-level unit (a county or township user) instead of the
        city. The overview only reads, so no control depends on the role."""
        if actor.scope_code != CITY_CODE and self._scope == dashboard_service.CITY_SCOPE:
            self.set_parameters(scope=county_code_of(actor.scope_code))

    def _on_scope_chosen(self, index: int) -> None:
        self._scope = self.scope_combo.itemData(index) or dashboard_service.CITY_SCOPE
        self._parameters_changed()

    def _parameters_changed(self) -> None:
        if self._requested:
            self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the dashboard of the selected scope, year and date from the database thread."""
        self._requested = True
        self._stale = False
        self._generation += 1
        generation, scope, year, as_of = self._generation, self.scope, self.year, self.as_of
        self.summary.setText(self.tr("正在计算…"))
        self._runner.query(
            lambda ctx, _p: dashboard_service.dashboard_data(ctx, as_of=as_of, year=year, scope=scope),
            lambda data: self._show(generation, data),
            lambda exc: self._failed(generation, exc),
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._requested or self._stale:
            self.reload()

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is not None and not any(touches(t) for t in REFRESH_TABLES):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.summary.setText(self.tr("计算失败"))
        self._announce_ready()  # the window must not wait forever for a page that cannot load
        show_error(self, exc)

    def _announce_ready(self) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()

    def _show(self, generation: int, data: DashboardData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self._fill_scopes(data)
        self.indicator_model.set_rows(data.indicators)
        self.rule_model.set_rows(data.rule_counts)
        self.gap_model.set_rows(data.gaps)
        self.gap_table.setColumnHidden(0, data.scope != dashboard_service.CITY_SCOPE)
        self._fill_charts(data.indicators)
        self.summary.setText(self._summary(data))
        self.tabs.setTabText(1, self.tr("差距测算（{0}）").format(len(data.gaps)))
        self.loaded.emit()
        self._announce_ready()

    def _fill_scopes(self, data: DashboardData) -> None:
        self.scope_combo.blockSignals(True)
        try:
            self.scope_combo.clear()
            for option in data.scopes:
                self.scope_combo.addItem(self._scope_label(option.code, option.name), option.code)
            self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(data.scope)))
        finally:
            self.scope_combo.blockSignals(False)

    def _fill_charts(self, rows: Sequence[IndicatorRow]) -> None:
        percent = [(r, *r.percent_values) for r in rows if r.percent_values[0] is not None]
        self.percent_chart.show_bars([r.short_title for r, _a, _t in percent], [a for _r, a, _t in percent],
                                     [t or 0.0 for _r, _a, t in percent], percent=True)
        counts = [r for r in rows if r.percent_values[0] is None and r.actual is not None and r.target is not None]
        self.count_chart.show_bars([r.short_title for r in counts], [float(r.actual) for r in counts],
                                   [float(r.target) for r in counts], percent=False)
        self.percent_chart.setVisible(bool(percent))
        self.count_chart.setVisible(bool(counts))

    def _summary(self, data: DashboardData) -> str:
        statuses = [r.status for r in data.indicators]
        scope = self.scope_combo.currentText()
        return self.tr("{0} · {1}年度指标 · 评价日期 {2}：共{3}项，达标{4}项，未达标{5}项，预警{6}项，待补充数据{7}项").format(
            scope, data.year, data.as_of.isoformat(), len(statuses), statuses.count(Status.PASS),
            statuses.count(Status.FAIL), statuses.count(Status.WARN), statuses.count(Status.UNKNOWN))

    def _scope_label(self, code: str, name: str) -> str:
        return self.tr("全市") if code == dashboard_service.CITY_SCOPE else name

    def _scope_name(self, gap: GapRow) -> str:
        return self._scope_label(gap.scope_code, gap.scope_name)

    # -- facility drill-down ---------------------------------------------------------------------
    def _count_tip(self, status: Status) -> Callable[[RuleCount], str]:
        def tip(count: RuleCount) -> str:
            return self.tr("双击查看这些机构") if _count_of(count, status) else ""

        return tip

    def _on_rule_double_clicked(self, index: QModelIndex) -> None:
        status = COUNT_STATUSES.get(index.column())
        if status is None or self.data is None:
            return
        count: RuleCount = self.rule_model.row_at(index.row())
        if _count_of(count, status):
            self.open_facilities.emit({"county": self.data.county_code, "rule": count.rule_id, "status": status.value,
                                       "as_of": self.as_of})


def _count_of(count: RuleCount, status: Status) -> int:
    return {Status.FAIL: count.fail, Status.WARN: count.warn, Status.UNKNOWN: count.unknown}[status]


def _count_text(status: Status) -> Callable[[RuleCount], str]:
    return lambda count: str(_count_of(count, status))


def _count_status(status: Status) -> Callable[[RuleCount], Status]:
    # A zero count is drawn like "not applicable" (grey); a non-zero one in the status colour.
    return lambda count: status if _count_of(count, status) else Status.NOT_APPLICABLE
