"""UI fixtures: fonts installed once, a runner on a demo database, settings in a temp file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.services.database import initialize, open_context
from desktop_app.ui.fonts import install_fonts
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.settings import AppSettings


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite3"
    initialize(path, actor=Actor("test:setup"), demo="small")
    return path


@pytest.fixture
def working_db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database that a test may change."""
    import sqlite3

    target = tmp_path / "work.sqlite3"
    source, destination = sqlite3.connect(demo_db), sqlite3.connect(target)
    source.backup(destination)
    source.close()
    destination.close()
    return target


@pytest.fixture
def runner(qapp, working_db: Path):
    install_fonts(qapp)
    op_runner = OpRunner(lambda: open_context(working_db, actor=Actor("test:gui")))
    yield op_runner
    op_runner.shutdown()


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings.ini")
