"""The one error boundary of the GUI: a Chinese message for the user, the traceback in the log."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.errors import Cancelled, DeskError, ValidationError
from desktop_app.paths import log_dir

log = logging.getLogger("desktop_app.errors")


def message_for(exc: BaseException) -> str:
    """The text shown to the user for an error (typed errors speak for themselves)."""
    if isinstance(exc, ValidationError):
        lines = [str(p) for p in exc.problems[:30]]
        more = len(exc.problems) - len(lines)
        if more > 0:
            lines.append(QCoreApplication.translate("ErrorBoundary", "……另有 {0} 个问题").format(more))
        return QCoreApplication.translate("ErrorBoundary", "输入有误，未写入任何数据：") + "\n" + "\n".join(lines)
    if isinstance(exc, DeskError):
        return str(exc)
    return QCoreApplication.translate("ErrorBoundary", "发生意外错误，未完成的操作已撤销。详情已写入日志：") + f"\n{log_dir()}\n\n{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` to the user; unexpected errors are logged with their traceback first."""
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, DeskError):
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc)))
    box = QMessageBox.warning if isinstance(exc, DeskError) else QMessageBox.critical
    box(parent, QCoreApplication.translate("ErrorBoundary", "乡镇服务台"), message_for(exc))
