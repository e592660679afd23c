"""SIGKILL at random moments, 50 times during a workbook import and 50 times during a stream of
single writes: after every kill the file passes ``integrity_check`` and the audit chain, every
commit the child reported is there, and an import is all or nothing. The surviving file then
passes ``township-desk check``.

Set ``CRASH_SEED`` to repeat a run's kill delays (timing still varies from run to run).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import child_worker  # noqa: E402

KILLS = 50
SEED = int(os.environ.get("CRASH_SEED") or time.time_ns() % 2**32)


def cli_check(db_path: Path) -> subprocess.CompletedProcess:
    """``township-desk check --db PATH`` (the installed script, or ``python -m desktop_app``)."""
    script = shutil.which("township-desk")
    command = [script] if script else [sys.executable, "-m", "desktop_app"]
    return subprocess.run([*command, "check", "--db", str(db_path)], capture_output=True, text=True, timeout=60)


def assert_check_passes(db_path: Path) -> None:
    result = cli_check(db_path)
    assert result.returncode == 0, result.stderr
    assert "数据库完好" in result.stdout and "摘要链完好" in result.stdout, result.stdout


@pytest.mark.slow
def test_kills_during_workbook_import_leave_all_or_nothing(tmp_path: Path) -> None:
    figures = child_worker.kill_imports(tmp_path, KILLS, random.Random(SEED))
    assert figures.failures == [], f"seed {SEED}"
    assert figures.killed == KILLS, figures
    assert figures.where.get("in write transaction", 0) >= 5, f"too few kills inside the transaction: {figures.where}"
    assert_check_passes(tmp_path / "import.sqlite3")


@pytest.mark.slow
def test_kills_during_single_writes_keep_every_reported_commit(tmp_path: Path) -> None:
    figures = child_worker.kill_writes(tmp_path, KILLS, random.Random(SEED))
    assert figures.failures == [], f"seed {SEED}"
    assert figures.killed == KILLS, figures
    assert figures.reported >= KILLS, f"the children reported too few commits to test anything: {figures}"
    assert_check_passes(tmp_path / "writes.sqlite3")
