"""系统管理: the account list and its dialogs, the audit tab (filters, chain check, xlsx export,
model test), and a 窗口人员 who sees the functions disabled while the services refuse anyway."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import PermissionDenied
from desktop_app.domain.security import ADMIN, COUNTER_CLERK, REVIEWER
from desktop_app.services import audit_queries, users
from desktop_app.services.database import open_context
from desktop_app.ui.dialogs.password_dialog import PasswordDialog
from desktop_app.ui.dialogs.user_dialog import UserDialog
from desktop_app.ui.fonts import install_fonts
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.admin_page import AdminPage

ADMIN_ACTOR = Actor("admin", ADMIN, "410800000000")
CLERK = Actor("chuangkou", COUNTER_CLERK, "410821000000")


def ask(runner: OpRunner, qtbot, fn):
    out: list = []
    runner.query(fn, out.append, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10000)
    return out[0]


@pytest.fixture
def admin_runner(qapp, working_db):
    install_fonts(qapp)
    runner = OpRunner(lambda: open_context(working_db, actor=ADMIN_ACTOR))
    yield runner
    runner.shutdown()


@pytest.fixture
def page(admin_runner, qtbot) -> AdminPage:
    admin = AdminPage(admin_runner)
    qtbot.addWidget(admin)
    admin.apply_role(ADMIN_ACTOR)
    with qtbot.waitSignal(admin.users_tab.loaded, timeout=10000):
        admin.show()
    return admin


def row_of(page: AdminPage, user_name: str) -> int:
    model = page.users_tab.model
    return next(r for r in range(model.rowCount()) if model.user(r).user_name == user_name)


def cell(page: AdminPage, user_name: str, column: int) -> str:
    model = page.users_tab.model
    return model.index(row_of(page, user_name), column).data()


def run_modal(qtbot, action, fill) -> None:
    """Call ``action`` (which runs a modal dialog) while ``fill(dialog)`` completes it."""
    QTimer.singleShot(0, lambda: fill(QApplication.activeModalWidget()))
    action()


def test_accounts_are_listed_with_role_scope_and_state(page, qtmodeltester) -> None:
    tab = page.users_tab
    assert tab.model.rowCount() == len(users.DEMO_ACCOUNTS)
    assert cell(page, "chuangkou", 2) == "窗口人员" and cell(page, "chuangkou", 3) == "修武县"
    assert cell(page, "admin", 3) == "焦作市（全市）" and cell(page, "admin", 4) == "启用"
    assert cell(page, "dudao", 6) == "示例账号"
    assert tab.add_button.isEnabled() and not tab.edit_button.isEnabled()  # nothing selected yet
    tab.table.selectRow(row_of(page, "shenhe"))
    assert tab.edit_button.isEnabled() and tab.reset_button.isEnabled()
    assert not page.notice.isVisible()
    qtmodeltester.check(tab.model)


def test_add_edit_and_reset_through_the_dialogs(page, admin_runner, qtbot, working_db) -> None:
    tab = page.users_tab

    def add(dialog: UserDialog) -> None:
        dialog.user_name.setText("xiaowang")
        dialog.display_name.setText("小王")
        dialog.role.setCurrentIndex(dialog.role.findData(COUNTER_CLERK))
        dialog.scope.setCurrentIndex(dialog.scope.findData("410821100000"))  # a township of 修武县
        dialog.password.setText("Xiao2024")
        dialog.confirm.setText("Xiao2024")
        dialog._buttons.accepted.emit()

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        run_modal(qtbot, tab.add_user, add)
    assert cell(page, "xiaowang", 1) == "小王" and cell(page, "xiaowang", 2) == "窗口人员"
    assert "修武县" in cell(page, "xiaowang", 3) and "·" in cell(page, "xiaowang", 3)

    seen: list[str] = []

    def duplicate(dialog: UserDialog) -> None:
        dialog.user_name.setText("xiaowang")
        dialog.password.setText("Xiao2024")
        dialog.confirm.setText("Xiao2024")
        dialog._buttons.accepted.emit()
        qtbot.waitUntil(lambda: dialog.errors.labels["user_name"].isVisible(), timeout=10000)
        seen.append(dialog.errors.labels["user_name"].text())
        dialog.reject()

    run_modal(qtbot, tab.add_user, duplicate)
    assert "已存在" in seen[0]

    tab.table.selectRow(row_of(page, "xiaowang"))

    def edit(dialog: UserDialog) -> None:
        assert dialog.user_name.isReadOnly()
        dialog.role.setCurrentIndex(dialog.role.findData(REVIEWER))
        dialog.active.setChecked(False)
        dialog._buttons.accepted.emit()

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        run_modal(qtbot, tab.edit_user, edit)
    assert cell(page, "xiaowang", 2) == "审核人员" and cell(page, "xiaowang", 4) == "停用"

    other = open_context(working_db, actor=users.NOBODY)
    try:
        for _attempt in range(5):
            with pytest.raises(PermissionDenied):
                users.sign_in(other, user_name="shenhe", password="Wrong1234")
    finally:
        other.close()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.reload()
    assert cell(page, "shenhe", 5) == "已锁定"
    tab.table.selectRow(row_of(page, "shenhe"))

    def reset(dialog: PasswordDialog) -> None:
        assert dialog.old_password is None
        dialog.password.setText("Neu2024pw")
        dialog.confirm.setText("Neu2024pw")
        dialog._buttons.accepted.emit()

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        run_modal(qtbot, tab.reset_password, reset)
    assert cell(page, "shenhe", 5) == ""
    other = open_context(working_db, actor=users.NOBODY)
    try:
        assert users.sign_in(other, user_name="shenhe", password="Neu2024pw").role == REVIEWER
    finally:
        other.close()


def show_audit(page: AdminPage, qtbot) -> None:
    audit = page.audit_tab
    with qtbot.waitSignals([audit.model.loaded, audit.chain_checked], timeout=10000):
        page.tabs.setCurrentWidget(audit)


def test_audit_tab_filters_checks_the_chain_and_passes_the_model_test(page, qtbot, qtmodeltester) -> None:
    audit = page.audit_tab
    show_audit(page, qtbot)
    assert audit.chain_label.text().startswith("✔") and "完整" in audit.chain_label.text()
    total = audit.model.rowCount()
    assert total >= 2 and f"共 {total} 条记录" == audit.count_label.text()
    first = audit.model.row_values(0)
    assert first["id"] == max(audit.model.row_id(r) for r in range(total))  # newest first
    qtmodeltester.check(audit.model)

    index = audit.action_filter.findData("demo_data")
    assert audit.action_filter.itemText(index) == "生成示例数据"
    with qtbot.waitSignal(audit.model.loaded, timeout=10000):
        audit.action_filter.setCurrentIndex(index)
    assert audit.model.rowCount() == 1
    assert audit.model.index(0, 3).data() == "生成示例数据"

    with qtbot.waitSignal(audit.model.loaded, timeout=10000):
        audit.clear_filter()
    assert audit.model.rowCount() == total
    with qtbot.waitSignal(audit.model.loaded, timeout=10000):
        audit.record_key.setText("small")
    assert [audit.model.index(r, 5).data() for r in range(audit.model.rowCount())] == ["small"]

    audit.date_from.setDate(audit.date_from.date().currentDate())
    audit.date_to.setDate(audit.date_from.date().addDays(-1))
    assert audit.filter_error.isVisibleTo(audit) and "早于" in audit.filter_error.text()


def test_audit_export_writes_the_filtered_rows(page, qtbot, tmp_path, monkeypatch) -> None:
    audit = page.audit_tab
    show_audit(page, qtbot)
    with qtbot.waitSignal(audit.model.loaded, timeout=10000):
        audit.table_filter.setCurrentIndex(audit.table_filter.findData("divisions"))
    target = tmp_path / "audit-export"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(audit.exported, timeout=10000) as exported:
        audit.export()
    result = exported.args[0]
    assert result.path == Path(f"{target}.xlsx") and result.rows == 1
    assert str(result.path) in audit.export_label.text()
    book = load_workbook(result.path, read_only=True)
    rows = list(book["审计记录"].iter_rows(values_only=True))
    assert rows[0] == audit_queries.EXPORT_HEADERS and len(rows) == 2
    assert rows[1][3] == "载入区划代码" and rows[1][4] == "行政区划"
    book.close()
    qtbot.waitUntil(lambda: audit.table_filter.findData("audit_log") >= 0, timeout=10000)  # the export is audited


def test_a_counter_clerk_sees_admin_functions_disabled_and_is_refused(qapp, qtbot, working_db, settings) -> None:
    install_fonts(qapp)
    runner = OpRunner(lambda: open_context(working_db, actor=users.NOBODY))
    try:
        assert ask(runner, qtbot, lambda ctx, _p: users.sign_in(ctx, user_name="chuangkou", password=users.DEMO_PASSWORD)) == CLERK
        window = MainWindow(runner, settings, db_path=working_db, user_name="chuangkou", demo_dataset="small")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=10000):
            window.show()
        qtbot.waitUntil(lambda: "窗口人员" in window.user_label.text(), timeout=10000)
        window.select_module("admin")
        page = window.admin_page
        assert page.isVisible() and page.notice.isVisible() and "窗口人员" in page.notice.text()
        for button in (page.users_tab.add_button, page.users_tab.edit_button, page.users_tab.reset_button,
                       page.audit_tab.export_button, page.audit_tab.check_button):
            assert not button.isEnabled() and "窗口人员" in button.toolTip()
        assert page.users_tab.model.rowCount() == 0 and page.audit_tab.model.rowCount() == 0
        page.tabs.setCurrentWidget(page.audit_tab)
        assert page.audit_tab.model.rowCount() == 0
        for action in (window._import_action, window._backup_action, window._restore_action):
            assert not action.isEnabled() and "窗口人员" in action.toolTip()
        for call in (lambda ctx, _p: users.list_users(ctx),
                     lambda ctx, _p: users.create_user(ctx, user_name="x", role=ADMIN, scope_code="410800000000",
                                                       password="Sneaky123"),
                     lambda ctx, _p: audit_queries.audit_entries(ctx)):
            assert isinstance(ask(runner, qtbot, call), PermissionDenied)
    finally:
        runner.shutdown()
