"""Two processes on one database file: 500 interleaved changes each through the services without
an unhandled "database is locked" or a lost update; a stale edit (the record changed in the other
process since it was opened) refused with a message for villages, facilities and staff; and a
write kept waiting past the busy timeout by another process refused with a message.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import RuleViolation, StorageError
from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.villages import Village
from desktop_app.services import health_registry, villages
from desktop_app.services.database import open_context
from desktop_app.store import audit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import child_worker  # noqa: E402

CHANGES = 500


@pytest.mark.slow
def test_two_processes_interleave_500_changes_each_without_loss(tmp_path: Path) -> None:
    result = child_worker.run_interleaved(tmp_path, CHANGES)
    assert result.failures == []
    assert result.increments == CHANGES == result.counter  # half of each process's changes, none lost
    assert result.switches >= 20, f"the two processes hardly interleaved ({result.switches} switches)"
    print(f"interleaved: {result.switches} switches between writers, "
          f"{result.conflicts} stale increments re-read and retried")


def person(serial: int) -> str:
    return child_worker.person(500 + serial)


@pytest.fixture
def registry(tmp_path: Path):
    ctx = open_context(tmp_path / "desk.sqlite3", actor=Actor("test:clerk"))
    villages.create_village(ctx, village=Village("410821100201", "东王庄村", "行政村", 2350))
    health_registry.create_facility(ctx, facility=Facility(
        code="C1", name="东王庄村卫生室", kind="村卫生室", division_code="410821100201",
        served_village_codes=("410821100201",), ownership="公有", licence_no="PDY001",
        licence_valid_until=date(2030, 6, 30)))
    health_registry.create_staff(ctx, member=StaffMember(person(1), "张医生", "C1", category="乡村医生", status="在岗"))
    yield ctx
    ctx.close()


def _open_for_edit(ctx, kind: str, key: str):
    if kind == "village":
        stored = villages.get_village(ctx, key)
        return stored, lambda: villages.update_village(
            ctx, village=replace(stored.village, population=1), expected_version=stored.row_version)
    if kind == "facility":
        stored = health_registry.get_facility(ctx, key)
        return stored, lambda: health_registry.update_facility(
            ctx, facility=replace(stored.facility, name="我的改动"), expected_version=stored.row_version)
    stored = health_registry.get_staff(ctx, key)
    return stored, lambda: health_registry.update_staff(
        ctx, member=replace(stored.member, name="我的改动"), expected_version=stored.row_version)


@pytest.mark.parametrize(("kind", "key"), [("village", "410821100201"), ("facility", "C1"), ("staff", person(1))])
def test_edit_of_a_record_changed_by_another_process_is_refused(registry, kind: str, key: str) -> None:
    opened, save = _open_for_edit(registry, kind, key)  # this user opens the record…
    other = child_worker.start("edit", registry.db_path, kind, key)  # …another user saves it meanwhile
    out, err = other.communicate(timeout=60)
    assert other.returncode == 0 and out.strip() == f"committed {kind} {key}", err
    audit_before = audit.count(registry.db)
    with pytest.raises(RuleViolation, match="已被他人修改") as refused:
        save()
    assert "重新打开" in str(refused.value) or "刷新" in str(refused.value)
    now, _ = _open_for_edit(registry, kind, key)
    assert now.row_version == opened.row_version + 1 and now != opened  # the other user's change stands
    assert audit.count(registry.db) == audit_before


def test_a_write_kept_waiting_past_the_busy_timeout_is_refused_clearly(registry) -> None:
    other = child_worker.start("hold", registry.db_path, 1.5)  # a long write in another process
    assert other.stdout.readline().strip() == "holding", other.stderr.read()
    registry.db.execute("PRAGMA busy_timeout = 300")  # wait 0.3 s instead of the 10 s the app allows
    stored = villages.get_village(registry, "410821100201")
    audit_before = audit.count(registry.db)
    try:
        with pytest.raises(StorageError, match="其他用户或窗口写入") as refused:
            villages.update_village(registry, village=replace(stored.village, population=7),
                                    expected_version=stored.row_version)
        assert "未保存" in str(refused.value)
    finally:
        other.communicate(timeout=30)
    assert villages.get_village(registry, "410821100201") == stored and audit.count(registry.db) == audit_before
    villages.update_village(registry, village=replace(stored.village, population=7), expected_version=stored.row_version)
