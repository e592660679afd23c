"""A report made from another page, previewed with QtPdf, with 打印… (on the worker thread) and
另存为 PDF… (written atomically by the reports service)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.errors import DeskError
from desktop_app.services.context import Changes
from desktop_app.services.reports import save_pdf
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.reports_page import print_pdf


@dataclass(frozen=True)
class Rendered:
    """A worker result that changed nothing (pages do not refresh on ``op_executed``)."""

    value: Any
    changes: Changes = field(default_factory=Changes)


class PdfPreviewDialog(QDialog):
    """The pages of one PDF with print and save buttons."""

    printed = Signal(int)
    saved = Signal(str)

    def __init__(self, parent: QWidget | None, runner: OpRunner, pdf: bytes, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 900)
        self._runner, self._pdf, self._title = runner, pdf, title
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page_label = QLabel(self.tr("共 {0} 页").format(self.document.pageCount()))
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.close_button = QPushButton(self.tr("关闭"))
        bar = QHBoxLayout()
        bar.addWidget(self.page_label, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.accept)

    @property
    def page_count(self) -> int:
        """Pages of the previewed PDF."""
        return self.document.pageCount()

    def print_report(self) -> None:
        """Ask for a printer, then print on the worker thread."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self._title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(self.page_count, 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pdf = self._pdf
        self._runner.op(lambda _ctx, progress: Rendered(print_pdf(pdf, printer, progress)),
                        lambda done: self.printed.emit(done.value), lambda exc: show_error(self, exc),
                        label=self.tr("正在打印…"), parent=self, cancellable=True)

    def save_as(self) -> None:
        """Ask for a file name and write the PDF there."""
        stem = re.sub(r'[\\/:*?"<>|\s]+', "_", self._title).strip("_") or "report"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), str(Path.home() / f"{stem}.pdf"),
                                                    self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.save_to(Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))

    def save_to(self, target: Path) -> None:
        """Write the PDF to ``target`` (atomically)."""
        try:
            save_pdf(self._pdf, target)
        except OSError as exc:
            show_error(self, DeskError(self.tr("无法保存到 {0}：{1}").format(target, exc.strerror or exc)))
            return
        self.saved.emit(str(target))

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        """Close the document before the dialog goes."""
        self.document.close()
        self._buffer.close()
        super().done(result)
