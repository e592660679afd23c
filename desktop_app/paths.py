"""Where the app keeps its files on this machine (platformdirs): database, backups, settings, logs."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "TownshipDesk"


def _dirs():  # noqa: ANN202 - platformdirs object
    from platformdirs import PlatformDirs

    return PlatformDirs(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """The database used when no ``--db`` is given (created on first start)."""
    return Path(_dirs().user_data_dir) / "township-desk.sqlite3"


def demo_database_path(scale: str) -> Path:
    """The demo database of a scale (``small``/``city``) used by ``township-desk --demo``."""
    return Path(_dirs().user_data_dir) / f"township-desk-demo-{scale}.sqlite3"


def backup_dir() -> Path:
    """The folder of automatic backup copies (daily, before imports)."""
    return Path(_dirs().user_data_dir) / "backups"


def settings_path() -> Path:
    """The INI file holding user interface settings (language, window geometry)."""
    return Path(_dirs().user_config_dir) / "settings.ini"


def log_dir() -> Path:
    """The folder of the rotating log file."""
    return Path(_dirs().user_log_dir)
