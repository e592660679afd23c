"""Guards against Qt binding defects we depend on not having."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(int)


def test_emitting_signals_does_not_leak_references_to_true(qapp) -> None:
    """PySide6 6.12.0 dropped a reference to True per emit(), crashing long sessions."""
    emitter = _Emitter()
    received: list[int] = []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True)
    for value in range(2000):
        emitter.happened.emit(value)
    assert len(received) == 2000
    assert sys.getrefcount(True) - before > -20


def test_pdf_and_chart_modules_are_available() -> None:
    import PySide6.QtCharts  # noqa: F401
    import PySide6.QtPdf  # noqa: F401
    import PySide6.QtPdfWidgets  # noqa: F401
