"""The GUI session: the start-up check of the database file (a damaged file is not opened; the
newest good backup is offered instead), log-in (or, on the first start, creating the
administrator), the main window of the signed-in user, and sign-out / switch user.

Sign-in runs on the database worker, whose service context then acts as the signed-in user;
until then it acts as ``users.NOBODY``, who may do nothing. Switching user builds a fresh main
window, so every page loads with the new user's role and division scope.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.services import backup, users
from desktop_app.services.backup import GoodBackup
from desktop_app.services.database import StartupState, startup_check
from desktop_app.ui.dialogs.first_admin_dialog import FirstAdminDialog
from desktop_app.ui.dialogs.login_dialog import LoginDialog
from desktop_app.ui.dialogs.password_dialog import Done, form_answer
from desktop_app.ui.dialogs.recovery_dialog import DamagedDatabaseDialog
from desktop_app.ui.errors import message_for
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.settings import AppSettings

log = logging.getLogger(__name__)


def _inspect(db_path: Path, folder: Path, closed_cleanly_as: str | None) -> tuple[StartupState, GoodBackup | None]:
    """The start-up check and, for a damaged file only, the newest good backup (worker side)."""
    state = startup_check(db_path, closed_cleanly_as=closed_cleanly_as)
    return state, (backup.newest_good_backup(folder, db_path.stem) if state.damaged else None)


class StartupCheck(QObject):
    """Before the database is opened: ``PRAGMA quick_check`` on the worker, with the database
    closed. ``passed`` when it may be opened (sound, new, or just restored from a backup);
    ``ended(1)`` when the user leaves at the damaged-file dialog; ``failed(exc)`` when the file
    cannot be checked at all (locked by another program, unreadable)."""

    passed = Signal()
    ended = Signal(int)
    failed = Signal(object)

    def __init__(self, runner: OpRunner, *, db_path: Path, backup_folder: Path, closed_cleanly_as: str | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._db_path = db_path
        self._folder = backup_folder
        self._closed_cleanly_as = closed_cleanly_as
        self.state: StartupState | None = None
        self.dialog: DamagedDatabaseDialog | None = None

    def start(self) -> None:
        """Check the file in the background (the worker keeps the database closed meanwhile)."""
        path, folder, known = self._db_path, self._folder, self._closed_cleanly_as
        self._runner.with_database_closed(lambda _p: _inspect(path, folder, known), self._checked, self.failed.emit)

    def _checked(self, result: tuple[StartupState, GoodBackup | None]) -> None:
        state, good = result
        self.state = state
        if not state.damaged:
            self.passed.emit()
            return
        log.error("database %s failed the start-up check: %s", state.path, "; ".join(state.problems))
        self.dialog = DamagedDatabaseDialog(None, state=state, backup=good, folder=self._folder,
                                            submit=lambda done: self._recover(good, done))
        self.dialog.accepted.connect(self.passed)
        self.dialog.rejected.connect(lambda: self.ended.emit(1))
        self.dialog.open()

    def _recover(self, good: GoodBackup | None, done: Done) -> None:
        if good is None:
            return
        path, folder = self._db_path, self._folder

        def restored(result: backup.RestoreResult) -> None:
            log.warning("restored %s from %s; the damaged file is kept as %s", path, good.path, result.kept)
            done(None, None)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                done(None, "\n".join(problem.reason for problem in exc.problems))
            else:
                done(*form_answer(exc))

        self._runner.with_database_closed(lambda _p: backup.recover_damaged(path, source=good.path, folder=folder),
                                          restored, refused)


class Session(QObject):
    """Shows the log-in, then the main window; ``ended`` carries the exit status when the user
    leaves at the log-in (0) or an automatic log-in fails (1, ``error`` says why)."""

    window_opened = Signal(object)
    actor_changed = Signal(object)
    ended = Signal(int)

    def __init__(self, runner: OpRunner, settings: AppSettings, *, db_path: Path, demo_dataset: str | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._db_path = db_path
        self._demo_dataset = demo_dataset
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self.error = ""

    def start(self, *, needs_first_admin: bool, autologin: tuple[str, str] | None = None) -> None:
        """Ask who is working (or sign in as ``autologin`` = (user name, password) without asking)."""
        if autologin is not None:
            user_name, password = autologin
            self._runner.query(lambda ctx, _p: users.sign_in(ctx, user_name=user_name, password=password),
                               self._signed_in, self._autologin_failed)
        elif needs_first_admin:
            self._show(FirstAdminDialog(None, submit=self._create_admin, database_name=str(self._db_path)))
        else:
            self._ask()

    def _ask(self) -> None:
        demo = [(name, role) for name, _display, role, _scope in users.DEMO_ACCOUNTS] if self._demo_dataset else []
        self._show(LoginDialog(None, submit=self._sign_in, demo_accounts=demo, demo_password=users.DEMO_PASSWORD,
                               database_name=str(self._db_path)))

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.rejected.connect(lambda: self.ended.emit(0))
        dialog.open()

    def _sign_in(self, user_name: str, password: str, done: Done) -> None:
        self._run(lambda ctx, _p: users.sign_in(ctx, user_name=user_name, password=password), done)

    def _create_admin(self, user_name: str, display_name: str, password: str, done: Done) -> None:
        self._run(lambda ctx, _p: users.create_first_administrator(
            ctx, user_name=user_name, password=password, display_name=display_name), done)

    def _run(self, work: Any, done: Done) -> None:
        def signed_in(actor: Actor) -> None:
            self._signed_in(actor)  # the window first: closing the last window would quit the app
            done(None, None)

        def failed(exc: BaseException) -> None:
            done(*form_answer(exc))

        self._runner.query(work, signed_in, failed)

    def _autologin_failed(self, exc: BaseException) -> None:
        self.error = message_for(exc)
        log.error("automatic log-in failed: %s", self.error)
        self.ended.emit(1)

    def _signed_in(self, actor: Actor) -> None:
        log.info("signed in: %s (%s)", actor.name, actor.role)
        self.actor_changed.emit(actor)
        old, self.dialog = self.window, None
        self.window = MainWindow(self._runner, self._settings, db_path=self._db_path, user_name=actor.name,
                                 demo_dataset=self._demo_dataset)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.show()
        if old is not None:
            old.deleteLater()
        self.window_opened.emit(self.window)

    def sign_out(self) -> None:
        """The worker acts as nobody; the log-in asks again (the old window closes behind it)."""

        def signed_out(_result: Any) -> None:
            self.actor_changed.emit(users.NOBODY)
            self._ask()
            if self.window is not None:
                self.window.close()

        self._runner.query(lambda ctx, _p: users.sign_out(ctx), signed_out)
