"""Upgrading a database created by an older version: every later step applies, data is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.resources import migrations_dir
from desktop_app.store.connection import open_database
from desktop_app.store.migrations import applied_names, discover_steps, migrate


def test_each_step_upgrades_a_database_of_the_previous_version(tmp_path: Path) -> None:
    steps = discover_steps()
    for index in range(1, len(steps)):
        folder = tmp_path / f"v{index}"
        folder.mkdir()
        for step in steps[:index]:
            shutil.copy(step.path, folder)
        path = tmp_path / f"db{index}.sqlite3"
        db = open_database(path)
        migrate(db, db_path=path, folder=folder)
        db.execute("INSERT INTO app_meta (key, value) VALUES ('kept', 'yes')")
        assert migrate(db, db_path=path) == [s.name for s in steps[index:]]
        assert applied_names(db) == [s.name for s in steps]
        assert db.execute("SELECT value FROM app_meta WHERE key = 'kept'").fetchone() == ("yes",)
        assert len(list(tmp_path.glob(f"db{index}.before-*"))) == 1
        db.conn.close()
    assert migrations_dir().is_dir()
