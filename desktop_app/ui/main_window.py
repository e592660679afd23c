"""The main window: navigation pane, page stack, menus with standard shortcuts, status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.actor import Actor
from desktop_app.domain.security import IMPORT, MANAGE_BACKUPS
from desktop_app.paths import backup_dir
from desktop_app.services import backup as backup_service
from desktop_app.services import database as database_service
from desktop_app.services import users as user_service
from desktop_app.services import workbook as workbook_service
from desktop_app.ui.dialogs.password_dialog import Done, PasswordDialog, form_answer
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.errors import show_error
from desktop_app.ui.idle_lock import SessionLock
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.dashboard_page import DashboardPage
from desktop_app.ui.pages.divisions_page import DivisionsPage
from desktop_app.ui.pages.facilities_page import FacilitiesPage
from desktop_app.ui.pages.staff_page import StaffPage
from desktop_app.ui.roles import permit, role_display
from desktop_app.ui.settings import AppSettings

if TYPE_CHECKING:  # imported when first opened (each page module costs ~0.1 s of the start)
    from desktop_app.ui.pages.admin_page import AdminPage
    from desktop_app.ui.pages.applications_page import ApplicationsPage
    from desktop_app.ui.pages.businesses_page import BusinessesPage
    from desktop_app.ui.pages.inspections_page import InspectionsPage
    from desktop_app.ui.pages.reports_page import ReportsPage
    from desktop_app.ui.pages.subsidies_page import SubsidiesPage



def module_titles() -> list[tuple[str, str]]:
    """(key, title) of every module in the navigation pane, in order."""
    return [
        ("overview", QCoreApplication.translate("MainWindow", "概览")),
        ("divisions", QCoreApplication.translate("MainWindow", "行政区划与村庄")),
        ("facilities", QCoreApplication.translate("MainWindow", "医疗机构")),
        ("staff", QCoreApplication.translate("MainWindow", "人员")),
        ("inspections", QCoreApplication.translate("MainWindow", "督导检查")),
        ("subsidies", QCoreApplication.translate("MainWindow", "补助")),
        ("businesses", QCoreApplication.translate("MainWindow", "个体工商户")),
        ("applications", QCoreApplication.translate("MainWindow", "政策申请")),
        ("reports", QCoreApplication.translate("MainWindow", "报表")),
        ("admin", QCoreApplication.translate("MainWindow", "系统管理")),
    ]


class MainWindow(QMainWindow):
    """The shell holding the module pages. Only pages that work are enabled."""

    ready = Signal()
    sign_out_requested = Signal()

    def __init__(self, runner: OpRunner, settings: AppSettings, *, db_path: Path, user_name: str,
                 demo_dataset: str | None = None):
        super().__init__()
        self._runner = runner
        self._settings = settings
        self._db_path = db_path
        self.setWindowTitle(self._title(demo_dataset))
        self.setMinimumSize(960, 600)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(190)
        self.pages = QStackedWidget()
        self.divisions_page = DivisionsPage(runner)
        self.divisions_page.ready.connect(self.ready)
        self.dashboard_page = DashboardPage(runner)
        self.facilities_page = FacilitiesPage(runner)
        self.staff_page = StaffPage(runner)
        self.dashboard_page.open_facilities.connect(self.open_facilities)
        self.dashboard_page.open_rectifications.connect(self.show_rectifications)
        self.facilities_page.open_visit.connect(self.show_visit)
        self._actor: Actor | None = None
        self._page_index: dict[str, int] = {}
        self._pages: dict[str, QWidget] = {
            "overview": self.dashboard_page,
            "divisions": self.divisions_page,
            "facilities": self.facilities_page,
            "staff": self.staff_page,
        }
        # Pages made on first use: their first queries then run when the user opens them, not
        # ahead of the start page's on the one database thread.
        self._page_makers: dict[str, Callable[[], QWidget]] = {
            "inspections": self._make_inspections_page,
            "subsidies": self._make_subsidies_page,
            "businesses": self._make_businesses_page,
            "applications": self._make_applications_page,
            "reports": self._make_reports_page,
            "admin": self._make_admin_page,
        }
        for key, title in module_titles():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            page = self._pages.get(key)
            if page is not None:
                self._page_index[key] = self.pages.addWidget(page)
            elif key in self._page_makers:
                self._page_index[key] = self.pages.addWidget(QWidget())  # replaced on first use
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(self.tr("该模块尚在建设中，将在后续版本提供"))
            self.navigation.addItem(item)
        self.navigation.currentItemChanged.connect(self._on_navigate)
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1100])
        self.setCentralWidget(splitter)

        self.db_label = QLabel(self.tr("数据库：{0}").format(db_path))
        self.user_label = QLabel(self.tr("用户：{0}").format(user_name))
        self.statusBar().addWidget(self.db_label, 1)
        if demo_dataset:
            demo = QLabel(self.tr("示例数据"))
            demo.setStyleSheet("color: white; background: #c0392b; padding: 1px 6px;")
            self.statusBar().addPermanentWidget(demo)
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        runner.error.connect(lambda exc: show_error(self, exc))
        self.session_lock = SessionLock(self, runner, minutes=settings.idle_lock_minutes)
        runner.query(lambda ctx, _p: ctx.actor, self.set_actor)
        geometry = settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.select_module("overview")
        self.divisions_page.reload_tree()

    def _title(self, demo_dataset: str | None) -> str:
        title = self.tr("乡镇服务台") + f" {__version__} — {self._db_path.name}"
        return title + (self.tr("【示例数据】") if demo_dataset else "")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.setToolTipsVisible(True)
        self._import_action = self._action(file_menu, self.tr("导入工作簿(&I)…"), self.import_workbook, "Ctrl+I")
        self._export_action = self._action(file_menu, self.tr("导出工作簿(&E)…"), self.export_workbook, "Ctrl+E")
        self._action(file_menu, self.tr("生成导入模板(&T)…"), self.write_template)
        file_menu.addSeparator()
        self._backup_action = self._action(file_menu, self.tr("立即备份(&B)…"), self.backup_now)
        self._restore_action = self._action(file_menu, self.tr("从备份恢复(&R)…"), self.restore_backup)
        self._action(file_menu, self.tr("检查数据库(&C)"), self.check_database)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("修改密码(&P)…"), self.change_password)
        self._action(file_menu, self.tr("注销/切换用户(&L)…"), self.sign_out)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self._action(edit_menu, self.tr("新增(&N)"), lambda: self._page_action("add"), QKeySequence.StandardKey.New)
        self._action(edit_menu, self.tr("编辑所选(&O)"), lambda: self._page_action("edit"), "Ctrl+Return")
        self._action(edit_menu, self.tr("删除所选(&D)"), lambda: self._page_action("delete"), QKeySequence.StandardKey.Delete)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("查找(&F)"), lambda: self._page_action("find"), QKeySequence.StandardKey.Find)
        self._action(edit_menu, self.tr("刷新(&R)"), self._refresh, QKeySequence.StandardKey.Refresh)
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        self._action(tools, self.tr("设置(&S)…"), self.open_settings, QKeySequence.StandardKey.Preferences)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于乡镇服务台(&A)"), self.show_about)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def select_module(self, key: str) -> None:
        """Show the page of a module (only enabled modules have pages)."""
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentRow(row)

    def _on_navigate(self, current: QListWidgetItem | None, _previous: Any) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        if key in self._page_index:
            self.pages.setCurrentWidget(self.page(key))

    def page(self, key: str) -> QWidget:
        """The page of module ``key``, made (and given the signed-in user's role) on first use."""
        page = self._pages.get(key)
        if page is None:
            page = self._page_makers[key]()
            index = self._page_index[key]
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[key] = page
            if self._actor is not None and hasattr(page, "apply_role"):
                page.apply_role(self._actor)
        return page

    def _make_subsidies_page(self) -> QWidget:
        from desktop_app.ui.pages.subsidies_page import SubsidiesPage

        return SubsidiesPage(self._runner)

    def _make_admin_page(self) -> QWidget:
        from desktop_app.ui.pages.admin_page import AdminPage

        return AdminPage(self._runner)

    def _make_reports_page(self) -> QWidget:
        from desktop_app.ui.pages.reports_page import ReportsPage

        return ReportsPage(self._runner)

    def _make_businesses_page(self) -> QWidget:
        from desktop_app.ui.pages.businesses_page import BusinessesPage

        page = BusinessesPage(self._runner)
        page.open_case.connect(self.open_case)
        page.intake_requested.connect(self.start_intake)
        return page

    def _make_inspections_page(self) -> QWidget:
        from desktop_app.ui.pages.inspections_page import InspectionsPage

        page = InspectionsPage(self._runner)
        page.open_facility.connect(self.show_facility)
        return page

    def _make_applications_page(self) -> QWidget:
        from desktop_app.ui.pages.applications_page import ApplicationsPage

        page = ApplicationsPage(self._runner)
        page.open_business.connect(self.show_business)
        return page

    @property
    def admin_page(self) -> AdminPage:
        """The 系统管理 page (made on first use)."""
        return self.page("admin")  # type: ignore[return-value]

    @property
    def inspections_page(self) -> InspectionsPage:
        """The 督导检查 page (made on first use)."""
        return self.page("inspections")  # type: ignore[return-value]

    @property
    def subsidies_page(self) -> SubsidiesPage:
        """The 补助 page (made on first use)."""
        return self.page("subsidies")  # type: ignore[return-value]

    @property
    def businesses_page(self) -> BusinessesPage:
        """The 个体工商户 page (made on first use)."""
        return self.page("businesses")  # type: ignore[return-value]

    @property
    def applications_page(self) -> ApplicationsPage:
        """The 政策申请 page (made on first use)."""
        return self.page("applications")  # type: ignore[return-value]

    @property
    def reports_page(self) -> ReportsPage:
        """The 报表 page (made on first use)."""
        return self.page("reports")  # type: ignore[return-value]

    def current_page(self) -> QWidget:
        """The page shown now."""
        return self.pages.currentWidget()

    def _page_action(self, action: str) -> None:
        """Run the Edit-menu action on the page shown (pages without it ignore the shortcut)."""
        names = {
            "add": ("add_village", "add_facility", "add_staff", "add_user", "add_business", "post_payment",
                    "show_intake"),
            "edit": ("edit_village", "edit_facility", "edit_staff", "edit_user", "edit_business"),
            "delete": ("delete_village", "delete_facility"),
            "find": ("focus_search",),
        }[action]
        page = self.current_page()
        method = next((getattr(page, n) for n in names if hasattr(page, n)), None)
        if method is not None:
            method()

    def open_facilities(self, filters: dict) -> None:
        """Show the facility list filtered as the dashboard asked (click-through from a count)."""
        self.select_module("facilities")
        self.facilities_page.apply_filter(filters)

    def show_facility(self, code: str) -> None:
        """Show one facility on the 医疗机构 page (from an inspection visit or order)."""
        self.select_module("facilities")
        self.facilities_page.show_facility(code)

    def show_visit(self, visit_id: str) -> None:
        """Show one inspection visit (from a facility's inspection history)."""
        self.select_module("inspections")
        self.inspections_page.show_visit(visit_id)

    def show_rectifications(self, county: str | None, view: str) -> None:
        """Show the rectification orders of a work list (from the dashboard's counts)."""
        self.select_module("inspections")
        self.inspections_page.show_orders(view, county)

    def open_case(self, receipt_no: str) -> None:
        """Show one application case (from a business's history)."""
        self.select_module("applications")
        self.applications_page.open_case(receipt_no)

    def start_intake(self, uscc: str) -> None:
        """Start the counter intake for a business (from the business list)."""
        self.select_module("applications")
        self.applications_page.start_intake(uscc)

    def show_business(self, uscc: str) -> None:
        """Show one business in the registry (from a case)."""
        self.select_module("businesses")
        self.businesses_page.show_business(uscc)

    def _refresh(self) -> None:
        self.divisions_page.reload_tree()
        self.divisions_page.village_model.reload()
        for page in (p for key, p in self._pages.items() if key != "divisions"):
            for name in ("reload", "refresh"):
                if hasattr(page, name):
                    getattr(page, name)()
                    break

    # -- file actions ----------------------------------------------------------------------------
    def _ask_path(self, title: str, save: bool, default_name: str = "") -> Path | None:
        folder = self._settings.last_folder or str(Path.home())
        dialog = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _filter = dialog(self, title, str(Path(folder) / default_name), self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        self._settings.last_folder = str(Path(path).parent)
        return Path(path)

    def import_workbook(self) -> None:
        """Import a workbook chosen by the user, all-or-nothing, with progress."""
        path = self._ask_path(self.tr("导入工作簿"), save=False)
        if path is None:
            return

        def work(ctx: Any, progress: Any) -> Any:
            backup_service.backup_before(ctx, "import")
            return workbook_service.import_workbook(ctx, path, progress=progress)

        self._runner.op(
            work,
            lambda report: QMessageBox.information(self, self.tr("导入完成"), report.summary()),
            lambda exc: show_error(self, exc),
            label=self.tr("正在导入…"), parent=self, cancellable=True,
        )

    def export_workbook(self) -> None:
        """Export the whole database to a workbook chosen by the user."""
        path = self._ask_path(self.tr("导出工作簿"), save=True, default_name="乡镇服务台导出.xlsx")
        if path is None:
            return
        self._runner.query(
            lambda ctx, progress: workbook_service.export_workbook(ctx, path, progress=progress),
            lambda written: self.statusBar().showMessage(self.tr("已导出：{0}").format(written), 8000),
            lambda exc: show_error(self, exc),
        )

    def write_template(self) -> None:
        """Save an empty import template with drop-down lists."""
        path = self._ask_path(self.tr("生成导入模板"), save=True, default_name="乡镇服务台导入模板.xlsx")
        if path is None:
            return
        self._runner.query(
            lambda _ctx, _p: workbook_service.write_template(path),
            lambda written: self.statusBar().showMessage(self.tr("已生成模板：{0}").format(written), 8000),
            lambda exc: show_error(self, exc),
        )

    def backup_now(self) -> None:
        """Copy the database (verified) into a folder the user picks, e.g. a USB stick."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择备份保存位置"), self._settings.last_folder or str(Path.home()))
        if not folder:
            return
        self._settings.last_folder = folder
        self._runner.op(
            lambda ctx, _p: backup_service.backup_now(ctx, Path(folder), label="manual"),
            lambda result: QMessageBox.information(self, self.tr("备份完成"), self.tr("已备份到：{0}").format(result.path)),
            lambda exc: show_error(self, exc),
            label=self.tr("正在备份…"), parent=self,
        )

    def restore_backup(self) -> None:
        """Replace the database with a verified backup after confirmation; the current file is kept aside."""
        source, _filter = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), str(backup_dir()),
                                                      self.tr("数据库备份 (*.sqlite3 *.db);;所有文件 (*)"))
        if not source:
            return
        answer = QMessageBox.question(
            self, self.tr("从备份恢复"),
            self.tr("将用备份 {0} 替换当前数据库。当前数据库文件会先另存一份，不会被删除。是否继续？").format(source))
        if answer != QMessageBox.StandardButton.Yes:
            return
        target = self._db_path

        def restored(result: Any) -> None:
            self._refresh()
            QMessageBox.information(self, self.tr("恢复完成"),
                                    self.tr("已从备份恢复。原数据库已另存为：{0}").format(result.kept or "—"))

        actor = self._actor or user_service.NOBODY  # the services refuse whoever may not restore
        self._runner.with_database_closed(lambda _p: backup_service.restore(Path(source), target, actor=actor), restored,
                                          lambda exc: show_error(self, exc))

    def check_database(self) -> None:
        """Verify integrity, schema version and the audit chain of the open database file."""
        path = self._db_path

        def shown(report: Any) -> None:
            if report.ok:
                QMessageBox.information(self, self.tr("检查数据库"), self.tr("数据库完好，审计记录链完整。"))
            else:
                QMessageBox.warning(self, self.tr("检查数据库"), "\n".join(report.problems))

        self._runner.query(lambda _ctx, _p: database_service.check_database(path), shown, lambda exc: show_error(self, exc))

    def open_settings(self) -> None:
        """Open the settings dialog (language takes effect on restart, the idle lock time at once)."""
        if SettingsDialog(self, self._settings).exec():
            self.session_lock.set_minutes(self._settings.idle_lock_minutes)

    # -- the signed-in user ----------------------------------------------------------------------
    def set_actor(self, actor: Actor) -> None:
        """Show the signed-in user and role; disable what the role may not do (pages included)."""
        self.user_label.setText(self.tr("用户：{0}（{1}）").format(actor.name, role_display(actor.role)))
        self.session_lock.user_name = actor.name
        permit(self._import_action, actor.role, IMPORT)
        permit(self._export_action, actor.role, IMPORT)
        permit(self._backup_action, actor.role, MANAGE_BACKUPS)
        permit(self._restore_action, actor.role, MANAGE_BACKUPS)
        self._actor = actor
        for page in self._pages.values():
            if hasattr(page, "apply_role"):
                page.apply_role(actor)

    def change_password(self) -> None:
        """Change the signed-in user's own password."""

        def submit(old: str | None, new: str, done: Done) -> None:
            self._runner.query(lambda ctx, _p: user_service.change_own_password(ctx, old_password=old or "", new_password=new),
                               lambda _r: done(None, None), lambda exc: done(*form_answer(exc)))

        if PasswordDialog(self, submit=submit, user_name=self.session_lock.user_name, ask_old=True).exec():
            self.statusBar().showMessage(self.tr("密码已修改"), 8000)

    def sign_out(self) -> None:
        """Ask, then sign out: the log-in appears again (unsaved input in this window is lost)."""
        answer = QMessageBox.question(self, self.tr("注销/切换用户"),
                                      self.tr("注销后需要重新登录，本窗口中未保存的输入将丢失。是否注销？"))
        if answer == QMessageBox.StandardButton.Yes:
            self.sign_out_requested.emit()

    def show_about(self) -> None:
        """Show the About box with the version."""
        QMessageBox.about(
            self,
            self.tr("关于乡镇服务台"),
            self.tr("乡镇服务台 {0}\n焦作市基层医疗卫生与个体工商户服务离线桌面程序\n数据库：{1}").format(__version__, self._db_path),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.session_lock.stop()
        self._settings.window_geometry = self.saveGeometry()
        self._settings.sync()
        super().closeEvent(event)
