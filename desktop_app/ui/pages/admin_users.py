"""系统管理 → 用户管理: the accounts with role, division scope, active and locked state; add an
account, edit its role/scope/active flag, reset its password. Only the 系统管理员 role may use it
(the services refuse everyone else; the buttons say so)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor
from desktop_app.domain.security import CITY_CODE, MANAGE_USERS, allowed
from desktop_app.services import health_queries, users
from desktop_app.services.context import Changes
from desktop_app.ui.dialogs.password_dialog import Done, PasswordDialog, form_answer
from desktop_app.ui.dialogs.user_dialog import UserDialog
from desktop_app.ui.errors import show_error
from desktop_app.ui.models.row_table_model import RowTableModel
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.roles import permit, role_display

USER_CHANGES = Changes(frozenset({"users", "audit_log"}), updated=1)


class UserTableModel(RowTableModel):
    """The accounts: user name, display name, role, scope, state; locked red, inactive grey."""

    def __init__(self, parent: Any = None):
        super().__init__([self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("管辖范围"), self.tr("状态"),
                          self.tr("锁定"), self.tr("备注")], parent)
        self._scope_names: Mapping[str, str] = {}

    def set_users(self, accounts: Sequence[users.UserSummary], scope_names: Mapping[str, str]) -> None:
        """Replace the accounts; ``scope_names`` maps division codes to the names shown."""
        self._scope_names = dict(scope_names)
        self.set_rows(accounts)

    def user(self, row: int) -> users.UserSummary:
        """The account shown at ``row``."""
        return self.row(row)

    def cells(self, user: users.UserSummary) -> list[str]:
        return [
            user.user_name,
            user.display_name,
            role_display(user.role),
            self._scope_names.get(user.scope_code, user.scope_code),
            self.tr("启用") if user.active else self.tr("停用"),
            self.tr("已锁定") if user.locked else "",
            self.tr("示例账号") if user.is_demo else "",
        ]

    def colours(self, user: users.UserSummary) -> tuple[str | None, str | None] | None:
        if user.locked:
            return ("#c0392b", None)
        return None if user.active else ("#7f8c8d", None)


class UsersTab(QWidget):
    """The account list with 新增用户 / 编辑 / 重置密码."""

    loaded = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._role = users.NOBODY.role
        self._allowed = False
        self._scopes: list[tuple[str, str]] = []
        self.add_button = QPushButton(self.tr("新增用户"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.reset_button = QPushButton(self.tr("重置密码"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.count_label = QLabel()
        self.model = UserTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button, self.refresh_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.refresh_button.clicked.connect(self.reload)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        runner.op_executed.connect(self._on_op_executed)
        self._update_buttons()

    def apply_role(self, actor: Actor) -> None:
        """Enable the account functions for a role that may manage users."""
        self._role = actor.role
        self._allowed = allowed(actor.role, MANAGE_USERS)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self._selected() is not None
        for button, tip, needs_selection in (
                (self.add_button, self.tr("添加一个账号，指定角色和管辖范围"), False),
                (self.edit_button, self.tr("修改所选账号的角色、管辖范围、姓名或启用状态"), True),
                (self.reset_button, self.tr("为所选账号设置新密码（同时解除锁定）"), True),
                (self.refresh_button, "", False)):
            if permit(button, self._role, MANAGE_USERS, tip) and needs_selection and not selected:
                button.setEnabled(False)

    def _selected(self) -> users.UserSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()) if rows else None

    # -- loading ------------------------------------------------------------------------------
    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if self._scopes and (touches is None or touches("users")):
            self.reload()

    def reload(self) -> None:
        """Fetch the accounts (and, the first time, the division names for the scopes)."""
        if not self._allowed:
            return
        need_scopes = not self._scopes

        def work(ctx: Any, _progress: Any) -> tuple[list[users.UserSummary], list[Any] | None]:
            return users.list_users(ctx), health_queries.division_choices(ctx) if need_scopes else None

        self._runner.query(work, self._show, lambda exc: show_error(self, exc))

    def _show(self, result: tuple[list[users.UserSummary], list[Any] | None]) -> None:
        accounts, counties = result
        if counties is not None:
            self._scopes = scope_choices(counties, self.tr("焦作市（全市）"))
        selected = self._selected()
        self.model.set_users(accounts, {code: label.strip() for code, label in self._scopes})
        self.count_label.setText(self.tr("共 {0} 个账号").format(len(accounts)))
        if selected is not None:
            row = next((r for r, u in enumerate(accounts) if u.user_name == selected.user_name), None)
            if row is not None:
                self.table.selectRow(row)
        self._update_buttons()
        self.loaded.emit()

    # -- actions ------------------------------------------------------------------------------
    def _write(self, call: Callable[[Any], None], done: Done) -> None:
        """Run ``call(ctx)`` as a write; ``done`` gets the outcome, the list reloads on success."""

        def work(ctx: Any, _progress: Any) -> Changes:
            call(ctx)
            return USER_CHANGES

        def finished(_result: Any) -> None:
            done(None, None)

        def failed(exc: BaseException) -> None:
            done(*form_answer(exc))

        self._runner.op(work, finished, failed)

    def add_user(self) -> None:
        """Open the form for a new account."""
        if not self._allowed:
            return

        def submit(values: dict[str, Any], done: Done) -> None:
            self._write(lambda ctx: users.create_user(ctx, **values), done)

        UserDialog(self, submit=submit, scopes=self._scopes).exec()

    def edit_user(self) -> None:
        """Edit the selected account's role, scope, name or active flag."""
        user = self._selected()
        if not self._allowed or user is None:
            return

        def submit(values: dict[str, Any], done: Done) -> None:
            self._write(lambda ctx: users.update_user(ctx, **values), done)

        UserDialog(self, submit=submit, scopes=self._scopes, user=user).exec()

    def reset_password(self) -> None:
        """Set a new password for the selected account (which also unlocks it)."""
        user = self._selected()
        if not self._allowed or user is None:
            return

        def submit(_old: str | None, new_password: str, done: Done) -> None:
            self._write(lambda ctx: users.reset_password(ctx, user_name=user.user_name, new_password=new_password), done)

        PasswordDialog(self, submit=submit, user_name=user.user_name, ask_old=False).exec()


def scope_choices(counties: Sequence[Any], city_label: str) -> list[tuple[str, str]]:
    """(code, label) of the city, each county and (indented) its townships, for the scope picker."""
    choices = [(CITY_CODE, city_label)]
    for county in counties:
        choices.append((county.code, county.name))
        choices.extend((code, f"　　{county.name} · {name}") for code, name in county.townships)
    return choices
