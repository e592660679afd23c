"""行政区划与村庄: the division tree (searchable by name or pinyin initials) and the village list;
adding, editing and deleting villages is offered to roles that may edit villages, in their scope."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.security import EDIT_VILLAGES, allowed, in_scope
from desktop_app.domain.villages import VILLAGE_KINDS, Village
from desktop_app.services import divisions as division_service
from desktop_app.services import villages as village_service
from desktop_app.domain.list_query import ListQuery
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.village_dialog import VillageDialog
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.models.paged_table_model import PagedTableModel
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.roles import permit_when

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_DELAY_MS = 150


class DivisionsPage(QWidget):
    """Tree of city → counties → townships; the selected unit's villages with add/edit/delete."""

    ready = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._selected_code: str | None = None
        self._selected_level: str | None = None
        self._actor: Actor | None = None

        self.tree_search = QLineEdit()
        self.tree_search.setPlaceholderText(self.tr("搜索区划：名称、代码或拼音首字母（如 xwx）"))
        self.tree_search.setClearButtonEnabled(True)
        self.tree_model = QStandardItemModel(self)
        self.tree_model.setHorizontalHeaderLabels([self.tr("行政区划"), self.tr("村/社区数")])
        self.tree_proxy = QSortFilterProxyModel(self)
        self.tree_proxy.setSourceModel(self.tree_model)
        self.tree_proxy.setRecursiveFilteringEnabled(True)
        self.tree_proxy.setFilterRole(SEARCH_ROLE)
        self.tree_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.title = QLabel(self.tr("请选择左侧的乡镇（街道）"))
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.village_search = QLineEdit()
        self.village_search.setPlaceholderText(self.tr("搜索村庄：名称、代码或拼音首字母"))
        self.village_search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind in VILLAGE_KINDS:
            self.kind_filter.addItem(vocabulary.display(kind), kind)
        self.add_button = QPushButton(self.tr("新增村庄"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.count_label = QLabel()

        columns = [
            ("code", self.tr("区划代码")),
            ("name", self.tr("名称")),
            ("kind", self.tr("类型")),
            ("population", self.tr("常住人口")),
            ("hosts_township_centre", self.tr("卫生院所在地")),
            ("minutes_to_clinic", self.tr("到村卫生室（分钟）")),
            ("township", self.tr("乡镇（街道）")),
        ]
        self.village_model = PagedTableModel(
            runner, village_service.village_list, columns, formatter=_format_village,
            numeric_keys=("population", "minutes_to_clinic"), parent=self,
        )
        self.village_model.set_query(ListQuery(filters={"township": "__none__"}))
        self.table = QTableView()
        self.table.setModel(self.village_model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setColumnWidth(0, 150)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree_search)
        left_layout.addWidget(self.tree)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        bar = QHBoxLayout()
        bar.addWidget(self.village_search, 1)
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_village_query)
        self.tree_search.textChanged.connect(self._filter_tree)
        self.tree.selectionModel().currentChanged.connect(self._on_division_selected)
        self.village_search.textChanged.connect(lambda _text: self._search_timer.start())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._apply_village_query())
        self.add_button.clicked.connect(self.add_village)
        self.edit_button.clicked.connect(self.edit_village)
        self.delete_button.clicked.connect(self.delete_village)
        self.table.doubleClicked.connect(lambda _index: self.edit_village())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.village_model.loaded.connect(self._on_villages_loaded)
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------------
    def reload_tree(self) -> None:
        """Fetch the division tree with village counts from the database thread."""
        self._runner.query(lambda ctx, _p: division_service.division_tree(ctx), self._fill_tree)

    def _fill_tree(self, nodes: list[division_service.DivisionNode]) -> None:
        selected = self._selected_code
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        items: dict[str, QStandardItem] = {}
        for node in nodes:
            d = node.division
            name_item = QStandardItem(d.name)
            name_item.setData(d.code, CODE_ROLE)
            name_item.setData(d.level, LEVEL_ROLE)
            name_item.setData(node.search_text, SEARCH_ROLE)
            name_item.setToolTip(d.code)
            count_item = QStandardItem(str(node.village_count))
            count_item.setData(node.search_text, SEARCH_ROLE)
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in (name_item, count_item):
                item.setEditable(False)
            parent = items.get(d.parent_code or "") if d.parent_code else None
            (parent or self.tree_model.invisibleRootItem()).appendRow([name_item, count_item])
            items[d.code] = name_item
        self.tree.expandToDepth(0)
        self.tree.resizeColumnToContents(1)
        if selected and selected in items:
            self.tree.setCurrentIndex(self.tree_proxy.mapFromSource(items[selected].index()))
        self.ready.emit()

    def _filter_tree(self, text: str) -> None:
        self.tree_proxy.setFilterFixedString(text.strip().lower())
        if text.strip():
            self.tree.expandAll()
            first = self._first_leafmost_match()
            if first is not None and first.isValid():
                self.tree.setCurrentIndex(first)

    def _first_leafmost_match(self) -> Any:
        index = self.tree_proxy.index(0, 0)
        needle = self.tree_search.text().strip().lower()
        while index.isValid():
            if needle in str(index.data(SEARCH_ROLE) or ""):
                return index
            child = self.tree_proxy.index(0, 0, index)
            if not child.isValid():
                return None
            index = child
        return None

    def _on_division_selected(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        index = current.siblingAtColumn(0)
        self._selected_code = index.data(CODE_ROLE)
        self._selected_level = index.data(LEVEL_ROLE)
        self.title.setText(f"{index.data()}（{self._selected_code}）")
        self._apply_village_query()
        self._update_buttons()

    def _apply_village_query(self) -> None:
        filters: dict[str, Any] = {"kind": self.kind_filter.currentData()}
        if self._selected_level == "township":
            filters["township"] = self._selected_code
        elif self._selected_level == "county":
            filters["county"] = self._selected_code
        elif self._selected_level != "city":
            filters["township"] = "__none__"
        self.village_model.set_query(replace(self.village_model.query, search=self.village_search.text(), filters=filters))

    def _on_villages_loaded(self) -> None:
        self.count_label.setText(self.tr("共 {0} 条").format(self.village_model.rowCount()))
        self._update_buttons()

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or touches("villages") or touches("divisions"):
            self.village_model.reload()
            self.reload_tree()

    # -- actions -------------------------------------------------------------------------------
    def apply_role(self, actor: Actor) -> None:
        """Offer adding, editing and deleting villages only to a role that may edit villages
        (adding: under a township inside the actor's scope)."""
        self._actor = actor
        self._update_buttons()

    def _may_edit(self) -> bool:
        return self._actor is None or allowed(self._actor.role, EDIT_VILLAGES)

    def _update_buttons(self) -> None:
        has_row = bool(self.table.selectionModel().selectedRows())
        role = self._actor.role if self._actor else None
        township = self._selected_level == "township"
        in_reach = not township or self._actor is None or in_scope(self._actor.scope_code, self._selected_code)
        why_not = self.tr("该乡镇（街道）不在您的管辖范围内") if township else self.tr("请先在左侧选择一个乡镇（街道）")
        permit_when(self.add_button, role, EDIT_VILLAGES, ready=township and in_reach, not_ready_tip=why_not)
        permit_when(self.edit_button, role, EDIT_VILLAGES, ready=has_row)
        permit_when(self.delete_button, role, EDIT_VILLAGES, ready=has_row)

    def _current_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        values = self.village_model.row_values(rows[0].row())
        return None if values is None else values["code"]

    def _submit(self, operation: Any) -> Any:
        def submit(village: Village, done: Any) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            self._runner.op(lambda ctx, _p: operation(ctx, village), lambda _r: done(None, None), failed)

        return submit

    def add_village(self) -> None:
        """Open the form for a new village under the selected township."""
        if self._selected_level != "township" or not self._may_edit():
            return
        submit = self._submit(lambda ctx, v: village_service.create_village(ctx, village=v))
        VillageDialog(self, submit=submit, code_prefix=(self._selected_code or "")[:9]).exec()

    def edit_village(self) -> None:
        """Open the selected village in the form (checked against concurrent changes on save)."""
        code = self._current_code()
        if code is None or not self._may_edit():
            return

        def opened(stored: Any) -> None:
            submit = self._submit(
                lambda ctx, v: village_service.update_village(ctx, village=v, expected_version=stored.row_version)
            )
            VillageDialog(self, submit=submit, village=stored.village).exec()

        self._runner.query(lambda ctx, _p: village_service.get_village(ctx, code), opened,
                           lambda exc: show_error(self, exc))

    def delete_village(self) -> None:
        """Delete the selected village after confirmation."""
        code = self._current_code()
        if code is None or not self._may_edit():
            return
        answer = QMessageBox.question(self, self.tr("删除村庄"), self.tr("确定删除村庄 {0} 吗？此操作会记入审计日志。").format(code))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._runner.op(lambda ctx, _p: village_service.delete_village(ctx, code=code), None,
                        lambda exc: show_error(self, exc))

    def focus_search(self) -> None:
        """Put the cursor in the village search box (Ctrl+F)."""
        self.village_search.setFocus()
        self.village_search.selectAll()


def _format_village(key: str, value: Any) -> Any:
    if key == "kind":
        return vocabulary.display(value)
    if key == "hosts_township_centre":
        return vocabulary.yes_no(value)
    if key == "population" and value is not None:
        return f"{value:,}"
    return value
