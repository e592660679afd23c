"""User-interface settings, declared once with type and default, stored in an INI file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
DEFAULT_IDLE_LOCK_MINUTES = 10
IDLE_LOCK_MINUTES = range(1, 121)  # the allowed idle times before the session locks


class AppSettings:
    """Typed access to the settings file (language, idle lock, window geometry, last folders)."""

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
    def idle_lock_minutes(self) -> int:
        """Minutes without keyboard or mouse input before the session locks (1–120, default 10)."""
        try:
            value = int(self._settings.value("session/idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_LOCK_MINUTES
        return value if value in IDLE_LOCK_MINUTES else DEFAULT_IDLE_LOCK_MINUTES

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        if value not in IDLE_LOCK_MINUTES:
            raise ValueError(f"idle lock minutes must be 1–120, not {value!r}")
        self._settings.setValue("session/idle_lock_minutes", int(value))

    def clean_close(self, database: Path) -> str | None:
        """The fingerprint recorded when the app last closed ``database`` cleanly (None if never)."""
        value = self._settings.value("database/clean_close")
        if not isinstance(value, str) or "|" not in value:
            return None
        path, fingerprint = value.rsplit("|", 1)
        return fingerprint if path == str(Path(database).resolve()) else None

    def set_clean_close(self, database: Path, fingerprint: str | None) -> None:
        """Record (or, with None, forget) the fingerprint of ``database`` after a clean close."""
        if fingerprint is None:
            self._settings.remove("database/clean_close")
        else:
            self._settings.setValue("database/clean_close", f"{Path(database).resolve()}|{fingerprint}")
        self._settings.sync()

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
