"""The main window on a demo database: Chinese rendering, modules, search, add/edit with validation."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop_app.services import villages as village_service
from desktop_app.ui.dialogs.village_dialog import VillageDialog
from desktop_app.ui.i18n import install_translation
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import AppSettings

CJK = re.compile(r"[\u3400-\u9fff]")
TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "township_desk_en.ts"


def open_window(runner, settings, qtbot, path: Path) -> MainWindow:
    window = MainWindow(runner, settings, db_path=path, user_name="test:gui", demo_dataset="small")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    return window


def test_chinese_glyphs_come_from_the_shipped_font(runner, settings, qtbot, working_db, qapp) -> None:
    window = open_window(runner, settings, qtbot, working_db)
    font = qapp.font()
    assert font.families()[0] == "WenQuanYi Micro Hei"
    metrics = QFontMetrics(font)
    text = window.windowTitle() + "".join(t for _, t in [("", window.navigation.item(i).text()) for i in range(9)])
    assert CJK.search(text)
    assert all(metrics.inFontUcs4(ord(c)) for c in text if CJK.match(c))
    image = window.grab().toImage()
    assert not image.isNull() and image.width() > 900
    assert "示例数据" in window.windowTitle()


def test_every_module_has_a_working_page(runner, settings, qtbot, working_db) -> None:
    window = open_window(runner, settings, qtbot, working_db)
    enabled = [window.navigation.item(i).text() for i in range(window.navigation.count())
               if window.navigation.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
    assert enabled == ["概览", "行政区划与村庄", "医疗机构", "人员", "督导检查", "补助", "个体工商户", "政策申请", "报表", "系统管理"]
    assert window.pages.count() == window.navigation.count()
    shown = []
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        shown.append(type(window.current_page()).__name__)
    assert shown == ["DashboardPage", "DivisionsPage", "FacilitiesPage", "StaffPage", "InspectionsPage", "SubsidiesPage",
                     "BusinessesPage",
                     "ApplicationsPage", "ReportsPage", "AdminPage"]
    assert window.pages.count() == window.navigation.count()  # placeholders were replaced, not added to
    assert str(working_db) in window.db_label.text() and "test:gui" in window.user_label.text()


def test_pinyin_initials_find_the_county_and_list_its_villages(runner, settings, qtbot, working_db) -> None:
    window = open_window(runner, settings, qtbot, working_db)
    page = window.divisions_page
    with qtbot.waitSignal(page.village_model.loaded, timeout=5000):
        page.tree_search.setText("xwx")
    assert page.tree.currentIndex().data() == "修武县"
    assert page.village_model.rowCount() > 100
    assert not page.add_button.isEnabled()  # a village is added under a township


def test_add_village_shows_messages_next_to_fields_then_saves(runner, settings, qtbot, working_db) -> None:
    window = open_window(runner, settings, qtbot, working_db)
    page = window.divisions_page
    with qtbot.waitSignal(page.village_model.loaded, timeout=5000):
        page.tree_search.setText("周庄镇")
    assert page.add_button.isEnabled()
    outcome: dict[str, object] = {}

    def fill_dialog() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, VillageDialog) and w.isVisible())
        dialog.code.setText("410821103299")
        dialog.name.setText("")
        dialog.population.setValue(1200)
        dialog._save()
        qtbot.waitUntil(lambda: dialog.findChild(QLabel, "error_name").isVisible(), timeout=5000)
        outcome["name_error"] = dialog.findChild(QLabel, "error_name").text()
        dialog.name.setText("测试新村")
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            dialog._save()

    QTimer.singleShot(0, fill_dialog)
    with qtbot.waitSignal(page.village_model.loaded, timeout=10000):
        page.add_village()
    assert outcome["name_error"] == "名称必填"
    results: list = []
    runner.query(lambda ctx, _p: village_service.get_village(ctx, "410821103299"), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0].village.name == "测试新村"


def test_geometry_is_remembered(runner, qtbot, working_db, tmp_path) -> None:
    settings = AppSettings(tmp_path / "geometry.ini")
    window = open_window(runner, settings, qtbot, working_db)
    window.resize(1111, 777)
    window.close()
    assert AppSettings(tmp_path / "geometry.ini").window_geometry is not None


def test_english_translation_covers_every_ui_string(tmp_path: Path) -> None:
    """lupdate finds no string in desktop_app/ui that lacks an English translation."""
    copy = tmp_path / "check.ts"
    copy.write_bytes(TS_FILE.read_bytes())
    sources = [str(p) for p in (TS_FILE.parents[2] / "desktop_app" / "ui").rglob("*.py")]
    subprocess.run(["pyside6-lupdate", *sources, "-ts", str(copy), "-no-obsolete"], check=True, capture_output=True)
    text = copy.read_text(encoding="utf-8")
    unfinished = re.findall(r"<source>(.*?)</source>\s*<translation type=\"unfinished\"", text, re.S)
    assert unfinished == []
    assert text.count("<message>") >= 80


def test_english_ui_has_no_chinese_in_menus_and_navigation(runner, qtbot, working_db, qapp, tmp_path) -> None:
    translators = install_translation(qapp, "en")
    try:
        window = open_window(runner, AppSettings(tmp_path / "en.ini"), qtbot, working_db)
        texts = [a.text() for a in window.menuBar().actions()]
        texts += [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
        texts += [window.navigation.item(i).text() for i in range(window.navigation.count())]
        texts += [window.divisions_page.add_button.text(), window.divisions_page.tree_search.placeholderText()]
        assert [t for t in texts if CJK.search(t)] == []
        assert "Divisions & villages" in texts
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translation(qapp, "zh_CN")


def test_unexpected_errors_are_logged_with_traceback(qapp, monkeypatch, tmp_path, caplog) -> None:
    from desktop_app.ui import errors

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        with caplog.at_level("ERROR"):
            errors.show_error(None, exc)
    assert "意外错误" in shown[0] and "ZeroDivisionError" in shown[0]
    assert "Traceback" in caplog.text


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_language_setting_round_trips(tmp_path: Path, language: str) -> None:
    settings = AppSettings(tmp_path / "s.ini")
    settings.language = language
    settings.sync()
    assert AppSettings(tmp_path / "s.ini").language == language


def test_dashboard_click_through_opens_the_filtered_facility_list(runner, settings, qtbot, working_db) -> None:
    window = open_window(runner, settings, qtbot, working_db)
    assert window.current_page() is window.dashboard_page
    window.open_facilities({"county": "410821000000", "rule": "hc.facility.licence", "status": "fail"})
    assert window.current_page() is window.facilities_page
    assert window.navigation.currentItem().text() == "医疗机构"


def test_a_business_case_opens_on_the_applications_page_and_back(runner, settings, qtbot, working_db) -> None:
    import sqlite3

    with sqlite3.connect(working_db) as db:
        receipt_no, uscc = db.execute("SELECT receipt_no, uscc FROM applications WHERE uscc IS NOT NULL ORDER BY receipt_no LIMIT 1").fetchone()
    window = open_window(runner, settings, qtbot, working_db)
    with qtbot.waitSignal(window.applications_page.decision.loaded, timeout=10000):
        window.businesses_page.open_case.emit(receipt_no)
    assert window.current_page() is window.applications_page
    assert window.applications_page.decision.view is not None
    assert receipt_no in window.applications_page.decision.header.text()
    with qtbot.waitSignal(window.businesses_page.detail_loaded, timeout=10000):
        window.applications_page.open_business.emit(uscc)
    assert window.current_page() is window.businesses_page
    assert window.businesses_page.current_uscc() == uscc


def test_a_facility_shows_its_inspections_and_links_to_the_visit_and_back(runner, settings, qtbot, working_db) -> None:
    import sqlite3

    with sqlite3.connect(working_db) as db:
        visit_id, code = db.execute("SELECT visit_id, facility_code FROM inspection_visit_facilities"
                                    " ORDER BY visit_id, facility_code LIMIT 1").fetchone()
    window = open_window(runner, settings, qtbot, working_db)
    facilities = window.facilities_page
    with qtbot.waitSignal(facilities.history.loaded, timeout=15000):
        window.show_facility(code)
    assert window.current_page() is facilities and facilities.current_code() == code
    with qtbot.waitSignal(window.inspections_page.loaded, timeout=15000):
        facilities.open_visit.emit(visit_id)
    assert window.current_page() is window.inspections_page
    qtbot.waitUntil(lambda: window.inspections_page.current_visit_id() == visit_id, timeout=15000)
    with qtbot.waitSignal(facilities.history.loaded, timeout=15000):
        window.inspections_page.open_facility.emit(code)
    assert window.current_page() is facilities and facilities.current_code() == code
