"""Register the shipped CJK fonts with Qt so Chinese renders on machines without Chinese fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.resources import resource_path

MAIN_FONT_FILE = "wqy-microhei.ttc"
FALLBACK_FONT_FILE = "DroidSansFallbackFull.ttf"
POINT_SIZE = 10


def install_fonts(app: QApplication) -> list[str]:
    """Load both fonts and make them the application font (main first, fallback for rare glyphs).

    Returns the registered family names, main font first.
    """
    families: list[str] = []
    for file_name in (MAIN_FONT_FILE, FALLBACK_FONT_FILE):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file_name)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id)[:1])
    if families:
        font = QFont()
        font.setFamilies(families)
        font.setPointSize(POINT_SIZE)
        app.setFont(font)
    return families
