"""Wire the GUI together: logging, fonts, translation, the database worker, the start-up check of
the database file (a damaged file is not opened; the newest good backup is offered) and the
main window.

Qt, reportlab, openpyxl and pypinyin are imported only when needed, so the command line and
start-up stay fast.
"""

from __future__ import annotations

import getpass
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from desktop_app.domain.actor import Actor
from desktop_app.paths import backup_dir, default_database_path, demo_database_path, log_dir, settings_path

LOG_FILE = "township-desk.log"
READY_EXIT_ENV = "TOWNSHIP_DESK_EXIT_WHEN_READY"  # benchmarks: quit once the window is usable
# Benchmarks and tests only: ``user:password`` signs in without the log-in dialog (the account
# must exist; a failed sign-in exits with status 1). Never set it on a clerk's machine.
AUTOLOGIN_ENV = "TOWNSHIP_DESK_AUTOLOGIN"


def setup_logging(folder: Path | None = None) -> Path:
    """Log to a rotating file (1 MiB × 5) in the user log folder; return the file's path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1 << 20, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "township_desk", False)]:
        root.removeHandler(old)
        old.close()
    handler.township_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def gui_actor() -> Actor:
    """The GUI starts as nobody (no rights at all) until a user signs in."""
    from desktop_app.services.users import NOBODY

    return NOBODY


def _setup_actor() -> Actor:
    """Who generates a demo database before anyone can sign in: the local OS user, audited as ``gui:<user>``."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001
        user = "unknown"
    return Actor(name=f"gui:{user}")


def autologin_from_env() -> tuple[str, str] | None:
    """(user name, password) from ``TOWNSHIP_DESK_AUTOLOGIN=user:password``, or None when unset."""
    value = os.environ.get(AUTOLOGIN_ENV)
    if not value:
        return None
    user_name, _sep, password = value.partition(":")
    return user_name, password


def _prepare_demo(scale: str, db_path: Path | None) -> Path:
    from desktop_app.services.database import initialize

    path = db_path or demo_database_path(scale)
    if not path.exists():
        print(f"正在生成示例数据（{scale}）：{path}", file=sys.stderr)
        initialize(path, actor=_setup_actor(), demo=scale)
    return path


def run_gui(*, db_path: Path | None = None, demo: str | None = None) -> int:
    """Start the GUI on ``db_path`` (or the default/demo database); return the exit status."""
    setup_logging()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.domain.errors import DeskError
    from desktop_app.services.database import open_context
    from desktop_app.ui.errors import message_for
    from desktop_app.ui.fonts import install_fonts
    from desktop_app.ui.i18n import install_translation
    from desktop_app.ui.ops import OpRunner
    from desktop_app.ui.session import Session, StartupCheck
    from desktop_app.ui.settings import AppSettings

    try:
        path = _prepare_demo(demo, db_path) if demo else (db_path or default_database_path())
    except DeskError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Township Desk")
    # The worker reopens the database after a restore: it must go on as whoever is signed in.
    state: dict[str, object] = {"actor": gui_actor()}
    runner = OpRunner(lambda: open_context(path, actor=state["actor"]))  # type: ignore[arg-type]
    # The file's check runs on the worker while fonts and translations load; the database is
    # opened only once it passed (or was restored from a backup).
    def leave(status: int) -> None:
        """Leave the event loop once the current event is done: exiting while a dialog that is
        the last window closes leaves Qt's own last-window quit pending for a later event loop."""
        QTimer.singleShot(0, lambda: app.exit(status))

    settings = AppSettings(settings_path())
    check = StartupCheck(runner, db_path=path, backup_folder=backup_dir(), closed_cleanly_as=settings.clean_close(path))
    check.passed.connect(lambda: runner.query(first_open, opened, failed))
    check.ended.connect(leave)
    check.failed.connect(lambda exc: failed(exc))
    check.start()
    install_fonts(app)
    state["translators"] = install_translation(app, settings.language)

    def opened(result: tuple[str | None, bool]) -> None:
        demo_dataset, needs_first_admin = result
        session = Session(runner, settings, db_path=path, demo_dataset=demo_dataset)
        state["session"] = session
        session.actor_changed.connect(lambda actor: state.__setitem__("actor", actor))
        session.ended.connect(lambda status: ended(session, status))
        if os.environ.get(READY_EXIT_ENV):
            session.window_opened.connect(lambda window: window.ready.connect(lambda: app.exit(0)))
        session.start(needs_first_admin=needs_first_admin, autologin=autologin_from_env())

    def ended(session: Session, status: int) -> None:
        if session.error:
            print(session.error, file=sys.stderr)
        leave(status)

    def failed(exc: BaseException) -> None:
        logging.getLogger(__name__).error("cannot open database %s: %s", path, exc)
        QMessageBox.critical(None, "乡镇服务台", message_for(exc))
        app.exit(1)

    def first_open(ctx: object, _progress: object) -> tuple[str | None, bool]:
        """Open the database; on the first start of a day back up a real (non-demo) database.
        Returns the demo data set (or None) and whether the first administrator must be created."""
        from datetime import date

        from desktop_app.services.backup import automatic_daily_backup
        from desktop_app.services.users import needs_first_administrator

        demo_dataset = ctx.demo_dataset  # type: ignore[attr-defined]
        if demo_dataset is None:
            try:
                automatic_daily_backup(ctx, backup_dir(), date.today())  # type: ignore[arg-type]
            except DeskError as exc:  # a failed backup must not keep the user out: log and go on
                logging.getLogger(__name__).error("daily backup failed: %s", exc)
        return demo_dataset, needs_first_administrator(ctx)  # type: ignore[arg-type]

    try:
        return app.exec()
    finally:
        session = state.get("session")
        if isinstance(session, Session) and session.window is not None:
            session.window.close()  # saves the geometry and stops the idle lock
        runner.shutdown()
        # The next start may skip the full quick_check if the file is still exactly as closed now.
        from desktop_app.services.database import clean_close_fingerprint

        settings.set_clean_close(path, clean_close_fingerprint(path) if isinstance(session, Session) else None)
