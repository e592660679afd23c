"""报表: choose a report kind and its scope, generate it in the background, preview it (QtPdf),
print it or save it as PDF.

The kinds offered are those the user's role may print; the pickers shown follow the kind's options
in ``services.reports.REPORT_KINDS`` (county or city, township, facility, year, blank form, and a
receipt or notice number typed or picked from the newest cases, with 查询 to check it).
Generating and printing run on the worker thread with a progress dialog that can cancel; the PDF
bytes stay in memory for the preview, printing and saving (saved atomically by
``services.reports.save_pdf``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DeskError
from desktop_app.services import reports as report_service
from desktop_app.services.context import Changes
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner, Progress

NOTICE_KIND = "missing-materials-notice"  # its number is a notice number (GZ…), not a receipt number
MAX_PRINT_DPI = 300  # an A4 page at 300 dpi is a 35 MB image; printer drivers scale it up
REFRESH_TABLES = ("facilities", "divisions", "applications", "inspection_visits")


@dataclass(frozen=True)
class _Done:
    """A worker result that changed nothing (so no page refreshes on ``op_executed``)."""

    value: Any
    changes: Changes = field(default_factory=Changes)


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print the pages of ``pdf`` (the printer's page range, else all) on ``printer``, each page
    rendered at the printer's resolution (at most MAX_PRINT_DPI) on white; returns the pages printed.

    Runs on any thread (QPdfDocument and QPainter on a QPrinter are thread-safe to use from one
    thread). ``progress(done, total, text)`` may raise Cancelled, which aborts the print job.
    Raises DeskError when the PDF cannot be read or the printer cannot be opened.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise DeskError("报表文件无法读取，未打印")
        first, last = printer.fromPage(), printer.toPage()
        pages = list(range(first - 1, last)) if first > 0 and last >= first else list(range(document.pageCount()))
        pages = [p for p in pages if 0 <= p < document.pageCount()]
        printer.setFullPage(True)  # the PDF carries its own margins
        for number, page in enumerate(pages):
            if progress is not None:
                progress(number, len(pages), f"正在打印第 {number + 1} / {len(pages)} 页…")
            size = document.pagePointSize(page)
            landscape = size.width() > size.height()
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
            if number == 0:
                if not painter.begin(printer):
                    raise DeskError("无法打开打印机，未打印")
            elif not printer.newPage():
                raise DeskError("打印机无法换页，打印已中止")
            _draw_page(painter, printer, document, page)
        if painter.isActive():
            painter.end()
        return len(pages)
    except BaseException:
        if painter.isActive():
            printer.abort()
            painter.end()
        raise
    finally:
        document.close()
        buffer.close()


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    points = document.pagePointSize(page)
    pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    image = QImage(pixels, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)  # QPdfDocument.render gives a transparent page
    image_painter = QPainter(image)
    image_painter.drawImage(0, 0, document.render(page, pixels))
    image_painter.end()
    painter.drawImage(target, image)


class ReportsPage(QWidget):
    """Kind and scope pickers on the left, the preview with 打印 / 另存为 PDF on the right."""

    ready = Signal()
    generated = Signal(int)  # pages of the report now shown in the preview
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # path written
    looked_up = Signal(bool)  # a receipt or notice number was checked: found or not

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._choices: report_service.ReportChoices | None = None
        self._pdf: bytes | None = None
        self._file_stem = ""
        self._buffer = QBuffer(self)
        self._notice_mode = False

        self.kind_combo = QComboBox()
        for key in report_service.REPORT_KINDS:
            self.kind_combo.addItem(self._kind_label(key), key)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #555;")
        self.county_combo = QComboBox()
        self.township_combo = QComboBox()
        self.facility_combo = QComboBox()
        self.facility_combo.setMinimumContentsLength(14)
        self.facility_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(report_service.MIN_YEAR, report_service.MAX_YEAR)
        self.year_spin.setValue(date.today().year)
        self.as_of_edit = QDateEdit(QDate.currentDate())
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.blank_check = QCheckBox(self.tr("空白表（现场手工填写）"))
        self.receipt_label = QLabel(self.tr("受理编号"))
        self.receipt_combo = QComboBox()
        self.receipt_combo.setEditable(True)
        self.receipt_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.receipt_combo.setMinimumContentsLength(18)
        self.receipt_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.receipt_combo.lineEdit().setPlaceholderText(self.tr("输入或选择受理编号"))
        self.lookup_button = QPushButton(self.tr("查询"))
        self.receipt_info = QLabel()
        self.receipt_info.setWordWrap(True)
        self.receipt_info.setStyleSheet("color: #555;")
        self._receipt_row = QWidget()
        receipt_layout = QHBoxLayout(self._receipt_row)
        receipt_layout.setContentsMargins(0, 0, 0, 0)
        receipt_layout.addWidget(self.receipt_combo, 1)
        receipt_layout.addWidget(self.lookup_button)
        self.visit_combo = QComboBox()
        self.visit_combo.setMinimumContentsLength(18)
        self.visit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.generate_button = QPushButton(self.tr("生成"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.page_label = QLabel(self.tr("尚未生成报表"))

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self._form = QFormLayout()
        self._form.addRow(self.tr("报表"), self.kind_combo)
        self._form.addRow(self.description)
        self._form.addRow(self.tr("检查编号"), self.visit_combo)
        self._form.addRow(self.tr("县区"), self.county_combo)
        self._form.addRow(self.tr("乡镇"), self.township_combo)
        self._form.addRow(self.tr("机构"), self.facility_combo)
        self._form.addRow(self.tr("年度"), self.year_spin)
        self._form.addRow(self.receipt_label, self._receipt_row)
        self._form.addRow(self.receipt_info)
        self._form.addRow(self.tr("评价日期"), self.as_of_edit)
        self._form.addRow(self.blank_check)
        self._build_layout()

        self.kind_combo.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.county_combo.currentIndexChanged.connect(lambda _i: self._fill_townships())
        self.township_combo.currentIndexChanged.connect(lambda _i: self._fill_facilities())
        self.facility_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.visit_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.receipt_combo.currentTextChanged.connect(lambda _t: self._on_receipt_edited())
        self.lookup_button.clicked.connect(self.look_up_receipt)
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_as)
        runner.op_executed.connect(self._on_op_executed)
        self._on_kind_changed()
        self._update_buttons()
        self.reload_choices()

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._form)
        left_layout.addWidget(self.generate_button)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _kind_label(self, key: str) -> str:
        labels = {
            "facility-inspection": self.tr("督导检查表（单个机构）"),
            "county-summary": self.tr("县区汇总表"),
            "township-roster": self.tr("乡镇花名册"),
            "training-ledger": self.tr("培训台账"),
            "subsidy-statement": self.tr("补助资金台账"),
            "payment-ledger": self.tr("发放台账（个体工商户扶持政策）"),
            "application-form": self.tr("申请表（单件申请）"),
            "acceptance-receipt": self.tr("受理回执"),
            "missing-materials-notice": self.tr("一次性告知书"),
            "decision-notice": self.tr("审批结果通知书"),
            "rectification-notice": self.tr("整改通知书（一次检查、一个机构）"),
            "visit-summary": self.tr("督导检查情况汇总"),
            "visit-pack": self.tr("督导检查包（清单和逐机构检查表）"),
        }
        return labels.get(key, report_service.REPORT_KINDS[key].title)

    # -- choices ------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        """Fetch the counties, townships, facilities and years from the database thread."""
        self._runner.query(lambda ctx, _p: report_service.report_choices(ctx), self._fill_choices,
                           lambda exc: show_error(self, exc))

    def _fill_choices(self, choices: report_service.ReportChoices) -> None:
        self._choices = choices
        if choices.years and self.year_spin.value() not in choices.years:
            self.year_spin.setValue(choices.years[-1])
        self._fill_kinds(choices.kinds)
        self._fill_cases()
        self._fill_visits()
        self._on_kind_changed()
        self.ready.emit()

    def _fill_kinds(self, kinds: list[str]) -> None:
        """Offer only the kinds the user's role may print (keeping the current one when it stays)."""
        selected = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for key in kinds:
            self.kind_combo.addItem(self._kind_label(key), key)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(selected), 0))
        self.kind_combo.blockSignals(False)

    def _fill_cases(self) -> None:
        """The newest cases for the receipt picker (not for the one-time notice, which has its own numbers)."""
        typed = self.receipt_combo.currentText()
        self.receipt_combo.blockSignals(True)
        self.receipt_combo.clear()
        if self._choices is not None and self.kind_combo.currentData() != NOTICE_KIND:
            for case in self._choices.cases:
                self.receipt_combo.addItem(case.label, case.receipt_no)
        self.receipt_combo.setCurrentIndex(-1)
        self.receipt_combo.setEditText(typed)
        self.receipt_combo.blockSignals(False)

    def _fill_visits(self) -> None:
        """The newest inspection visits of the user's scope (keeping the one picked when it stays)."""
        selected = self.visit_combo.currentData()
        self.visit_combo.blockSignals(True)
        self.visit_combo.clear()
        for visit_id, label in self._choices.visits if self._choices is not None else []:
            self.visit_combo.addItem(label, visit_id)
        self.visit_combo.setCurrentIndex(max(self.visit_combo.findData(selected), 0))
        self.visit_combo.blockSignals(False)

    def _spec(self) -> report_service.ReportKind:
        return report_service.REPORT_KINDS[self.kind_combo.currentData() or next(iter(report_service.REPORT_KINDS))]

    def receipt_number(self) -> str:
        """The receipt (or notice) number typed or picked: the first word of the picker's text."""
        words = self.receipt_combo.currentText().split()
        return words[0] if words else ""

    def _fill_counties(self) -> None:
        if self._choices is None:
            return
        spec = self._spec()
        selected = self.county_combo.currentData()
        self.county_combo.blockSignals(True)
        self.county_combo.clear()
        if "city" in spec.division_levels:
            self.county_combo.addItem(self._choices.city[1], self._choices.city[0])
        for county in self._choices.counties:
            self.county_combo.addItem(county.name, county.code)
        index = self.county_combo.findData(selected)
        if index < 0:  # first county with facilities
            index = next((self.county_combo.findData(c.code) for c in self._choices.counties
                          if any(t in self._choices.facilities for t, _ in c.townships)), 0)
        self.county_combo.setCurrentIndex(max(index, 0))
        self.county_combo.blockSignals(False)
        self._fill_townships()

    def _fill_townships(self) -> None:
        county = self.county_combo.currentData()
        selected = self.township_combo.currentData()
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        for choice in self._choices.counties if self._choices else ():
            if choice.code == county:
                for code, name in choice.townships:
                    self.township_combo.addItem(name, code)
        self.township_combo.setCurrentIndex(max(self.township_combo.findData(selected), 0))
        self.township_combo.blockSignals(False)
        self._fill_facilities()

    def _fill_facilities(self) -> None:
        selected = self.facility_combo.currentData()
        self.facility_combo.clear()
        if report_service.FACILITY not in self._spec().required:
            self.facility_combo.addItem(self.tr("全部机构"), None)
        facilities = self._choices.facilities.get(self.township_combo.currentData(), []) if self._choices else []
        for code, name, kind in facilities:
            self.facility_combo.addItem(f"{name}（{kind}）", code)
        self.facility_combo.setCurrentIndex(max(self.facility_combo.findData(selected), 0))
        self._update_buttons()

    def _on_kind_changed(self) -> None:
        spec = self._spec()
        levels = spec.division_levels
        self.description.setText(spec.description)
        wants_facility = report_service.FACILITY in spec.options
        self._form.setRowVisible(self.county_combo, report_service.DIVISION in spec.options or wants_facility)
        self._form.setRowVisible(self.township_combo, "township" in levels or wants_facility)
        self._form.setRowVisible(self.facility_combo, wants_facility)
        self._form.setRowVisible(self.year_spin, report_service.YEAR in spec.options)
        self._form.setRowVisible(self.blank_check, report_service.BLANK in spec.options)
        self._form.setRowVisible(self.visit_combo, report_service.VISIT in spec.options)
        wants_receipt = report_service.RECEIPT in spec.options
        self._form.setRowVisible(self._receipt_row, wants_receipt)
        self._form.setRowVisible(self.receipt_info, wants_receipt)
        notice = spec.key == NOTICE_KIND
        self.receipt_label.setText(self.tr("告知书编号") if notice else self.tr("受理编号"))
        self.receipt_combo.lineEdit().setPlaceholderText(
            self.tr("输入告知书编号（GZ…）") if notice else self.tr("输入或选择受理编号"))
        if wants_receipt and notice != self._notice_mode:
            self._notice_mode = notice
            self.receipt_combo.setEditText("")
            self._fill_cases()
        self._fill_counties()
        self._update_buttons()

    def _on_op_executed(self, changes: Any) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or any(touches(t) for t in REFRESH_TABLES):
            self.reload_choices()

    # -- generating -----------------------------------------------------------------------------
    def request(self) -> dict[str, Any]:
        """The keywords for ``render_report`` from the pickers."""
        spec = self._spec()
        options: dict[str, Any] = {"kind": spec.key}
        value = self.as_of_edit.date()
        options["as_of"] = date(value.year(), value.month(), value.day())
        if report_service.DIVISION in spec.options:
            levels = spec.division_levels
            division = self.township_combo.currentData() if "township" in levels else self.county_combo.currentData()
            if division is not None:
                options["division"] = division
        if report_service.FACILITY in spec.options and self.facility_combo.currentData() is not None:
            options["facility"] = self.facility_combo.currentData()
            options.pop("division", None)
        if report_service.YEAR in spec.options:
            options["year"] = self.year_spin.value()
        if report_service.BLANK in spec.options:
            options["blank"] = self.blank_check.isChecked()
        if report_service.RECEIPT in spec.options:
            options["receipt"] = self.receipt_number()
        if report_service.VISIT in spec.options and self.visit_combo.currentData() is not None:
            options["visit"] = self.visit_combo.currentData()
        return options

    def _scope_text(self, options: dict[str, Any]) -> str:
        if "receipt" in options:
            return options["receipt"]
        if "visit" in options and "facility" not in options:
            return options["visit"]
        if "facility" in options:
            return self.facility_combo.currentText().split("（")[0]
        if "division" in options:
            combo = self.township_combo if options["division"] == self.township_combo.currentData() else self.county_combo
            return combo.currentText()
        return ""

    def generate(self) -> None:
        """Render the chosen report on the worker thread and show it in the preview."""
        options = self.request()
        spec = self._spec()
        stem = "_".join(p for p in (spec.title, self._scope_text(options), str(options.get("year") or ""),
                                    options["as_of"].isoformat()) if p)
        self.generate_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            show_error(self, exc)

        self._runner.op(
            lambda ctx, progress: _Done(report_service.render_report(ctx, progress=progress, **options)),
            lambda done: self.show_pdf(done.value, stem), failed,
            label=self.tr("正在生成报表…"), parent=self, cancellable=True,
        )

    def show_pdf(self, pdf: bytes, file_stem: str = "") -> None:
        """Show ``pdf`` in the preview and keep it for printing and saving."""
        self.document.close()
        self._buffer.close()
        self._pdf, self._file_stem = pdf, file_stem
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0
        self.page_label.setText(self.tr("共 {0} 页").format(pages))
        self._update_buttons()
        self.generated.emit(pages)

    # -- the receipt picker -----------------------------------------------------------------------
    def _on_receipt_edited(self) -> None:
        self.receipt_info.clear()
        self._update_buttons()

    def look_up_receipt(self) -> None:
        """Check the typed number on the worker thread and show whose case (or notice) it is."""
        number, kind = self.receipt_number(), self._spec().key
        if not number:
            return

        def found(choice: Any) -> None:
            self.receipt_info.setText(self.tr("{0}　{1}　{2}（{3}，{4}）").format(
                choice.receipt_no, choice.applicant, choice.title, choice.status, choice.received_on))
            self.looked_up.emit(True)

        def failed(exc: BaseException) -> None:
            self.receipt_info.setText(self.tr("查询失败：{0}").format(exc))
            self.looked_up.emit(False)

        self._runner.query(lambda ctx, _p: report_service.find_paper(ctx, kind=kind, number=number), found, failed)

    def _update_buttons(self) -> None:
        spec = self._spec()
        missing = report_service.FACILITY in spec.required and self.facility_combo.currentData() is None
        missing = missing or (report_service.RECEIPT in spec.required and not self.receipt_number())
        missing = missing or (report_service.VISIT in spec.required and self.visit_combo.currentData() is None)
        self.lookup_button.setEnabled(bool(self.receipt_number()))
        self.generate_button.setEnabled(self._choices is not None and not missing)
        has_pdf = self._pdf is not None
        self.print_button.setEnabled(has_pdf)
        self.save_button.setEnabled(has_pdf)

    # -- printing and saving -----------------------------------------------------------------------
    def print_report(self) -> None:
        """Ask for a printer, then print the previewed report on the worker thread."""
        if self._pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self._file_stem or self.tr("报表"))
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(self.document.pageCount(), 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pdf = self._pdf
        self._runner.op(
            lambda _ctx, progress: _Done(print_pdf(pdf, printer, progress)),
            lambda done: self.printed.emit(done.value), lambda exc: show_error(self, exc),
            label=self.tr("正在打印…"), parent=self, cancellable=True,
        )

    def save_as(self) -> None:
        """Ask for a file name and write the previewed report there (atomically)."""
        if self._pdf is None:
            return
        suggested = str(Path.home() / f"{_safe_file_name(self._file_stem or 'report')}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), suggested, self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            report_service.save_pdf(self._pdf, target)
        except OSError as exc:
            show_error(self, DeskError(self.tr("无法保存到 {0}：{1}").format(target, exc.strerror or exc)))
            return
        self.saved.emit(str(target))


def _safe_file_name(text: str) -> str:
    """``text`` without characters file systems refuse."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "report"
