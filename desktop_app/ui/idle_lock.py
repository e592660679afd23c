"""The idle lock: after a set time without keyboard or mouse input the session locks.

An application-wide event filter restarts a single-shot timer on every input event. When it
fires, every open window (the main window and any dialog) is covered by an opaque panel and a
modal log-in dialog asks for the signed-in user's password. Nothing is closed or rebuilt, so
unsaved input is still there after unlocking. Unlocking is a sign-in (audited; five wrong
passwords lock the account as at log-in).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from desktop_app.services import users
from desktop_app.ui.dialogs.login_dialog import LoginDialog
from desktop_app.ui.dialogs.password_dialog import Done, form_answer
from desktop_app.ui.ops import OpRunner

MINUTE_MS = 60_000
ACTIVITY = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """Emits ``idle`` once no input event has reached the application for ``timeout_ms``."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    @property
    def timeout_ms(self) -> int:
        """Milliseconds without input before ``idle``."""
        return self._timer.interval()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the idle time; counting starts again."""
        self._timer.setInterval(timeout_ms)
        if self._timer.isActive():
            self._timer.start()

    def pause(self) -> None:
        """Stop counting (while locked)."""
        self._timer.stop()

    def resume(self) -> None:
        """Start counting from now."""
        self._timer.start()

    def stop(self) -> None:
        """Stop for good: no more counting, no more looking at events (the window closed)."""
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class _Cover(QWidget):
    """An opaque panel over a window's whole area, hiding its content while locked."""

    def __init__(self, window: QWidget, text: str):
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_cover { background: #2c3e50; } QLabel { color: white; font-size: 16pt; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False


class SessionLock(QObject):
    """Locks ``window`` (and every other open window) after ``minutes`` without input."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, runner: OpRunner, *, minutes: int, user_name: str = ""):
        super().__init__(window)
        self._window = window
        self._runner = runner
        self.user_name = user_name
        self._covers: list[_Cover] = []
        self.dialog: LoginDialog | None = None
        self.watcher = IdleWatcher(minutes * MINUTE_MS, self)
        self.watcher.idle.connect(self.lock)

    @property
    def is_locked(self) -> bool:
        """True while the unlock dialog is shown."""
        return self.dialog is not None

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time (from the settings)."""
        self.watcher.set_timeout_ms(minutes * MINUTE_MS)

    def lock(self) -> None:
        """Cover every window and ask for the password (no effect before sign-in, when already
        locked, or when the main window is not shown)."""
        if self.is_locked or not self.user_name or not self._window.isVisible():
            return
        self.watcher.pause()
        text = self.tr("乡镇服务台已锁定")
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and w.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)]
        self._covers = [_Cover(w, text) for w in windows]
        self.dialog = LoginDialog(self._window, submit=self._unlock, locked_user=self.user_name)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.show()  # open() would make it window-modal only
        self.locked.emit()

    def stop(self) -> None:
        """The main window closed: never lock again."""
        self.watcher.stop()

    def _unlock(self, user_name: str, password: str, done: Done) -> None:
        def failed(exc: BaseException) -> None:
            field_errors, message = form_answer(exc)
            done(field_errors, message)

        self._runner.query(lambda ctx, _p: users.sign_in(ctx, user_name=user_name, password=password),
                           lambda _actor: done(None, None), failed)

    def _unlocked(self) -> None:
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers = []
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.watcher.resume()
        self.unlocked.emit()

