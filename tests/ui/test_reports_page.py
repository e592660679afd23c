"""The 报表 page on the small demo database: generate in the background, preview with QtPdf,
save as PDF and print (to a PDF printer), with the dialogs replaced by stand-ins."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_app.ui.pages import reports_page
from desktop_app.ui.pages.reports_page import ReportsPage

AS_OF = QDate(2025, 12, 31)


@pytest.fixture
def page(runner, qtbot) -> ReportsPage:
    widget = ReportsPage(runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.ready, timeout=10000):
        widget.show()
    widget.as_of_edit.setDate(AS_OF)
    return widget


def choose(page: ReportsPage, kind: str) -> None:
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))


def generate(page: ReportsPage, qtbot) -> int:
    with qtbot.waitSignal(page.generated, timeout=30000) as blocker:
        page.generate()
    return blocker.args[0]


def test_pickers_follow_the_kind(page: ReportsPage) -> None:
    choose(page, "county-summary")
    assert page.county_combo.itemText(0) == "焦作市"  # the city is offered for the summary only
    assert not page.facility_combo.isVisibleTo(page) and page.year_spin.isVisibleTo(page)
    choose(page, "facility-inspection")
    assert page.county_combo.findText("焦作市") == -1
    assert page.facility_combo.isVisibleTo(page) and page.blank_check.isVisibleTo(page)
    assert page.facility_combo.currentData() is not None  # a facility of the first county with any
    choose(page, "training-ledger")
    assert page.facility_combo.itemText(0) == "全部机构"
    assert page.year_spin.value() == 2025  # the newest year with figures


def test_generate_shows_the_preview_with_its_page_count(page: ReportsPage, qtbot) -> None:
    choose(page, "township-roster")
    assert not page.print_button.isEnabled()
    pages = generate(page, qtbot)
    assert pages >= 2
    assert page.document.pageCount() == pages
    assert page.page_label.text() == f"共 {pages} 页"
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    assert len(PdfReader(io.BytesIO(page._pdf)).pages) == pages
    page.view.grab()  # the view paints the loaded document


def test_inspection_form_and_its_blank_variant(page: ReportsPage, qtbot) -> None:
    choose(page, "facility-inspection")
    facility = page.facility_combo.currentText().split("（")[0]
    generate(page, qtbot)
    filled = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page._pdf)).pages)
    assert facility in filled and "达标" in filled and "示例数据" in filled
    page.blank_check.setChecked(True)
    generate(page, qtbot)
    blank = PdfReader(io.BytesIO(page._pdf)).pages[0].extract_text()
    assert "空白表" in blank and "评估结论" not in blank


def test_bad_input_is_shown_not_raised(page: ReportsPage, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    choose(page, "training-ledger")
    page.year_spin.setValue(2019)
    page.generate()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "2019年的培训记录" in shown[0]
    assert page.generate_button.isEnabled() and page._pdf is None


def test_save_as_writes_the_pdf(page: ReportsPage, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    choose(page, "county-summary")
    generate(page, qtbot)
    target = tmp_path / "out" / "汇总"
    monkeypatch.setattr(reports_page.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args, **_kwargs: (str(target), "PDF 文件 (*.pdf)")))
    with qtbot.waitSignal(page.saved, timeout=5000) as blocker:
        page.save_as()
    written = Path(blocker.args[0])
    assert written == target.with_suffix(".pdf")
    assert written.read_bytes() == page._pdf
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # no temporary file left


def test_print_renders_every_page_to_the_printer(page: ReportsPage, qtbot, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    choose(page, "training-ledger")
    pages = generate(page, qtbot)
    output = tmp_path / "printed.pdf"

    class AcceptingDialog:
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(output))
            printer.setResolution(72)

        def setMinMax(self, _low: int, _high: int) -> None:  # noqa: N802 - Qt API
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(reports_page, "QPrintDialog", AcceptingDialog)
    with qtbot.waitSignal(page.printed, timeout=30000) as blocker:
        page.print_report()
    assert blocker.args[0] == pages
    printed = PdfReader(str(output))
    assert len(printed.pages) == pages
    first = printed.pages[0]
    assert first.mediabox.width > first.mediabox.height  # the landscape ledger stays landscape


def test_cancelled_print_dialog_prints_nothing(page: ReportsPage, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    choose(page, "township-roster")
    generate(page, qtbot)

    class RejectingDialog:
        def __init__(self, *_args: object) -> None:
            pass

        def setMinMax(self, _low: int, _high: int) -> None:  # noqa: N802 - Qt API
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(reports_page, "QPrintDialog", RejectingDialog)
    page.print_report()
    assert not page._runner.busy


def test_default_as_of_is_today(runner, qtbot) -> None:
    widget = ReportsPage(runner)
    qtbot.addWidget(widget)
    value = widget.as_of_edit.date()
    assert date(value.year(), value.month(), value.day()) == date.today()


def test_ledger_and_counter_kinds_have_their_pickers(page: ReportsPage) -> None:
    choose(page, "subsidy-statement")
    assert page.county_combo.itemText(0) == "焦作市" and page.year_spin.isVisibleTo(page)
    assert not page._receipt_row.isVisibleTo(page) and not page.facility_combo.isVisibleTo(page)
    choose(page, "acceptance-receipt")
    assert page._receipt_row.isVisibleTo(page) and not page.county_combo.isVisibleTo(page)
    assert not page.year_spin.isVisibleTo(page) and page.receipt_label.text() == "受理编号"
    assert page.receipt_combo.count() > 0 and not page.generate_button.isEnabled()  # no number yet
    page.receipt_combo.setCurrentIndex(0)
    receipt = page.receipt_combo.itemData(0)
    assert page.receipt_number() == receipt and page.generate_button.isEnabled()
    assert page.request()["receipt"] == receipt and "division" not in page.request()
    choose(page, "missing-materials-notice")
    assert page.receipt_label.text() == "告知书编号" and page.receipt_combo.count() == 0
    assert page.receipt_number() == "" and not page.generate_button.isEnabled()


def test_receipt_lookup_and_the_generated_receipt(page: ReportsPage, qtbot) -> None:
    choose(page, "acceptance-receipt")
    receipt = page.receipt_combo.itemData(0)
    page.receipt_combo.setEditText(receipt)
    with qtbot.waitSignal(page.looked_up, timeout=10000) as blocker:
        page.look_up_receipt()
    assert blocker.args == [True] and receipt in page.receipt_info.text()
    assert generate(page, qtbot) == 1
    text = PdfReader(io.BytesIO(page._pdf)).pages[0].extract_text()
    assert "受理回执" in text and receipt in text and "示例数据" in text
    page.receipt_combo.setEditText("410821209901010001")
    with qtbot.waitSignal(page.looked_up, timeout=10000) as blocker:
        page.look_up_receipt()
    assert blocker.args == [False] and "查询失败" in page.receipt_info.text()


def test_payment_ledger_of_a_county_year(page: ReportsPage, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    choose(page, "payment-ledger")
    page.county_combo.setCurrentIndex(page.county_combo.findText("修武县"))
    page.year_spin.setValue(2019)
    page.generate()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "2019年没有发放记录" in shown[0] and page._pdf is None


def test_a_role_sees_only_the_kinds_it_may_print(qtbot, qapp, working_db) -> None:
    from desktop_app.domain.actor import Actor
    from desktop_app.domain.security import HEALTH_ADMIN
    from desktop_app.services.database import open_context
    from desktop_app.ui.ops import OpRunner

    runner = OpRunner(lambda: open_context(working_db, actor=Actor("test:weijian", role=HEALTH_ADMIN, scope_code="410821000000")))
    try:
        widget = ReportsPage(runner)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.ready, timeout=10000):
            widget.show()
        kinds = [widget.kind_combo.itemData(i) for i in range(widget.kind_combo.count())]
        assert "subsidy-statement" in kinds and "county-summary" in kinds
        assert not {"application-form", "acceptance-receipt", "missing-materials-notice", "decision-notice"} & set(kinds)
    finally:
        runner.shutdown()


def test_visit_kinds_pick_a_visit_of_the_demo(page: ReportsPage, qtbot) -> None:
    choose(page, "rectification-notice")
    assert page.visit_combo.isVisibleTo(page) and page.facility_combo.isVisibleTo(page)
    choose(page, "county-summary")
    assert not page.visit_combo.isVisibleTo(page)
    choose(page, "visit-summary")
    assert page.visit_combo.count() > 0 and page.generate_button.isEnabled()
    visit_id = page.visit_combo.currentData()
    assert page.visit_combo.currentText().startswith(visit_id)
    assert page.request()["visit"] == visit_id
    assert generate(page, qtbot) >= 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page._pdf)).pages)
    assert visit_id in text and "督导检查" in text
