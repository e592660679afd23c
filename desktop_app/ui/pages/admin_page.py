"""系统管理: user management and the audit trail, as two tabs, for the 系统管理员 role.

Other roles see the page with its functions disabled and a note saying why; the services refuse
them anyway. Nothing is loaded until the page is first shown to a permitted user.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.actor import Actor
from desktop_app.domain.security import MANAGE_USERS, allowed
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.admin_audit import AuditTab
from desktop_app.ui.pages.admin_users import UsersTab
from desktop_app.ui.roles import role_display


class AdminPage(QWidget):
    """The 用户管理 and 审计记录 tabs."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._allowed = False
        self._users_loaded = False
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b9770e; font-weight: bold;")
        self.notice.hide()
        self.users_tab = UsersTab(runner)
        self.audit_tab = AuditTab(runner)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.users_tab, self.tr("用户管理"))
        self.tabs.addTab(self.audit_tab, self.tr("审计记录"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self._activate())

    def apply_role(self, actor: Actor) -> None:
        """Enable the page's functions for the signed-in user's role."""
        self._allowed = allowed(actor.role, MANAGE_USERS)
        self.users_tab.apply_role(actor)
        self.audit_tab.apply_role(actor)
        self.notice.setText(self.tr("用户管理和审计记录仅供系统管理员使用（您的角色：{0}）。").format(role_display(actor.role)))
        self.notice.setVisible(not self._allowed)
        if self.isVisible():
            self._activate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._activate()

    def _activate(self) -> None:
        if not self._allowed:
            return
        if self.tabs.currentWidget() is self.audit_tab:
            self.audit_tab.activate()
        elif not self._users_loaded:
            self._users_loaded = True
            self.users_tab.reload()

    def reload(self) -> None:
        """Fetch the accounts and the audit list again (F5)."""
        if self._users_loaded:
            self.users_tab.reload()
        self.audit_tab.reload()

    def add_user(self) -> None:
        """新增 (Ctrl+N) on this page adds an account."""
        self.tabs.setCurrentWidget(self.users_tab)
        self.users_tab.add_user()

    def edit_user(self) -> None:
        """编辑所选 on this page edits the selected account."""
        if self.tabs.currentWidget() is self.users_tab:
            self.users_tab.edit_user()
