"""Background operations: one worker thread owns the database; results come back by signal.

``OpRunner.query`` runs a read, ``OpRunner.op`` a write (after which ``op_executed`` carries its
``Changes`` so views refresh). A progress dialog appears only for work running longer than
``PROGRESS_DELAY_MS`` and can cancel it; the worker function then raises ``Cancelled`` at its next
progress report and its transaction rolls back. Worker code never touches widgets.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.domain.errors import Cancelled

PROGRESS_DELAY_MS = 500
log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
WorkFn = Callable[[Any, Progress], Any]


class _Worker(QObject):
    finished = Signal(int, object, object)
    progressed = Signal(int, int, int, str)

    def __init__(self, open_context: Callable[[], Any]):
        super().__init__()
        self._open_context = open_context
        self._context: Any = None

    @Slot(int, object, object)
    def run(self, op_id: int, fn: WorkFn, cancel: threading.Event) -> None:
        def report(done: int, total: int, text: str) -> None:
            if cancel.is_set():
                raise Cancelled("操作已取消，未写入任何数据")
            self.progressed.emit(op_id, done, total, text)

        try:
            if getattr(fn, "closes_database", False):
                self.close()  # the work replaces the file; the next operation reopens it
                result = fn(None, report)
                self.finished.emit(op_id, result, None)
                return
            if self._context is None:
                self._context = self._open_context()
            result = fn(self._context, report)
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the GUI thread
            if not isinstance(exc, Exception):
                raise
            log.debug("operation %s failed", op_id, exc_info=True)
            self.finished.emit(op_id, None, exc)
        else:
            self.finished.emit(op_id, result, None)

    @Slot()
    def close(self) -> None:
        if self._context is not None:
            self._context.close()
            self._context = None


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    is_write: bool
    cancel: threading.Event
    dialog: QProgressDialog | None = None
    timer: QTimer | None = None


class OpRunner(QObject):
    """Runs work on the database thread and delivers results on the GUI thread."""

    op_executed = Signal(object)
    error = Signal(object)
    _submit = Signal(int, object, object)
    _close = Signal()

    def __init__(self, open_context: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._thread = QThread()
        self._thread.setObjectName("database-worker")
        self._worker = _Worker(open_context)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close, Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.finished.connect(self._on_finished)
        self._worker.progressed.connect(self._on_progress)
        self._thread.start()

    def query(self, fn: WorkFn, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> int:
        """Run a read ``fn(ctx, progress)``; ``on_done(result)`` is called on the GUI thread."""
        return self._start(fn, on_done, on_error, is_write=False)

    def op(self, fn: WorkFn, on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None, *, label: str | None = None,
           parent: QWidget | None = None, cancellable: bool = False) -> int:
        """Run a write; show a progress dialog (with cancel) if it takes longer than 0.5 s."""
        op_id = self._start(fn, on_done, on_error, is_write=True)
        pending = self._pending.get(op_id)
        if pending is not None and label is not None:
            dialog = QProgressDialog(label, self.tr("取消") if cancellable else "", 0, 0, parent)
            dialog.setWindowTitle(self.tr("请稍候"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(0)
            if not cancellable:
                dialog.setCancelButton(None)
            dialog.canceled.connect(pending.cancel.set)
            dialog.hide()
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: op_id in self._pending and dialog.show())
            timer.start(PROGRESS_DELAY_MS)
            pending.dialog, pending.timer = dialog, timer
        return op_id

    def with_database_closed(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None,
                             on_error: Callable[[BaseException], None] | None = None) -> int:
        """Run ``fn(progress)`` on the worker with the database closed (e.g. restoring the file);
        the next operation opens it again."""

        def work(_ctx: Any, progress: Progress) -> Any:
            return fn(progress)

        work.closes_database = True  # type: ignore[attr-defined]
        return self._start(work, on_done, on_error, is_write=False)

    def _start(self, fn: WorkFn, on_done, on_error, *, is_write: bool) -> int:
        op_id = next(self._ids)
        cancel = threading.Event()
        self._pending[op_id] = _Pending(on_done, on_error, is_write, cancel)
        self._submit.emit(op_id, fn, cancel)
        return op_id

    @property
    def busy(self) -> bool:
        """True while any operation is queued or running."""
        return bool(self._pending)

    @Slot(int, int, int, str)
    def _on_progress(self, op_id: int, done: int, total: int, text: str) -> None:
        pending = self._pending.get(op_id)
        if pending and pending.dialog is not None:
            pending.dialog.setMaximum(max(total, 1))
            pending.dialog.setValue(min(done, max(total, 1)))
            if text:
                pending.dialog.setLabelText(text)

    @Slot(int, object, object)
    def _on_finished(self, op_id: int, result: Any, exc: BaseException | None) -> None:
        pending = self._pending.pop(op_id, None)
        if pending is None:
            return
        if pending.timer is not None:
            pending.timer.stop()
        if pending.dialog is not None:
            pending.dialog.hide()
            pending.dialog.deleteLater()
        if exc is not None:
            if pending.on_error is not None:
                pending.on_error(exc)
            else:
                self.error.emit(exc)
            return
        if pending.on_done is not None:
            pending.on_done(result)
        if pending.is_write:
            self.op_executed.emit(getattr(result, "changes", result))

    def shutdown(self) -> None:
        """Close the database on its thread and stop the thread (waits for running work)."""
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
