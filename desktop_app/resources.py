"""Locate files shipped with the app (``resources/`` and ``db/``), from a source checkout or a bundle.

This is the one place that knows where shipped files live: from source they sit beside the
package at the repository root; in a PyInstaller bundle they sit under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``resources/`` and ``db/``: the repo root, or the bundle's data folder."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS"))
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``.

    From source this is ``<repo root>/resources/<parts>``; when frozen by PyInstaller
    (``sys.frozen`` set) it is ``<sys._MEIPASS>/resources/<parts>``. The path is not checked
    for existence: callers that open it get the usual ``FileNotFoundError``.
    """
    return app_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    """The folder of numbered SQL migrations (``db/``)."""
    return app_root() / "db"
