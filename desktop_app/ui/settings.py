"""User-interface settings, declared once with type and default, stored in an INI file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


class AppSettings:
    """Typed access to the settings file (language, window geometry, last folders)."""

    def __init__(self, path: Path):
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        """The UI language code (``zh_CN`` default, or ``en``); takes effect on restart."""
        value = str(self._settings.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._settings.setValue("ui/language", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        """The main window's saved geometry, if any."""
        value = self._settings.value("ui/window_geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("ui/window_geometry", value)

    @property
    def last_folder(self) -> str:
        """The folder last used in a file dialog."""
        return str(self._settings.value("ui/last_folder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._settings.setValue("ui/last_folder", value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()
