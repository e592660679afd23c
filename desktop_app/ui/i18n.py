"""Install the UI translation. Source strings are Simplified Chinese; English comes from a .qm file."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.resources import resource_path


def translation_file(language: str) -> str:
    """The compiled translation (.qm) for a language code."""
    return str(resource_path("translations", f"township_desk_{language}.qm"))


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translators for ``language``; Chinese needs only Qt's.

    Returns the installed translators (keep references alive for the app's lifetime).
    """
    installed: list[QTranslator] = []
    qt_base = QTranslator(app)
    qt_locale = "zh_CN" if language == "zh_CN" else "en"
    if qt_base.load(f"qtbase_{qt_locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    if language != "zh_CN":
        own = QTranslator(app)
        if own.load(translation_file(language)):
            app.installTranslator(own)
            installed.append(own)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN" else QLocale(QLocale.Language.English))
    return installed
