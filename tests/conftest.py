"""Shared fixtures: headless Qt, a fresh migrated database per test, the CLI actor."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop_app.domain.actor import Actor  # noqa: E402
from desktop_app.services.context import ServiceContext  # noqa: E402
from desktop_app.services.database import open_context  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def actor() -> Actor:
    return Actor(name="test:clerk")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def ctx(db_path: Path, actor: Actor) -> ServiceContext:
    context = open_context(db_path, actor=actor)
    yield context
    context.close()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep settings, logs and default databases of tests out of the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
