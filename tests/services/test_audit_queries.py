"""The audit page's use cases: filters in SQL, display rows, the chain check, the xlsx export, and
that only the 系统管理员 role may read the audit trail."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import Cancelled, PermissionDenied, ValidationError
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.security import COUNTER_CLERK, READ_ONLY
from desktop_app.services import audit_queries
from desktop_app.services.audit_queries import AuditFilter, audit_filters
from desktop_app.store import audit
from desktop_app.store.audit import AuditEntry

TODAY = date.today()


@pytest.fixture
def trail(ctx):
    """Five known audit rows after the ones written when the database was created."""
    audit.append(ctx.db, [
        AuditEntry("alice", "insert", "villages", "410821100201", None, {"name": "东村", "population": 900}),
        AuditEntry("alice", "update", "villages", "410821100201", {"name": "东村", "population": 900},
                   {"name": "东村", "population": 950}),
        AuditEntry("bob", "delete", "villages", "410821100202", {"name": "西村"}, None),
        AuditEntry("bob", "login", "users", "bob"),
        AuditEntry("carol", "login_failed", "users", "carol", None, {"reason": "wrong password"}),
    ])
    return ctx


def rows(ctx, audit_filter: AuditFilter, *, descending: bool = False) -> list[tuple]:
    source = audit_queries.audit_entries(ctx)
    ids = source.fetch_ids(ListQuery(filters=audit_filters(audit_filter), descending=descending))
    found = source.fetch_rows(ids)
    return [found[i] for i in ids]


def test_filters_by_user_action_table_and_record_key(trail) -> None:
    assert [r[3] for r in rows(trail, AuditFilter(actor="alice"))] == ["insert", "update"]
    assert [r[2] for r in rows(trail, AuditFilter(action="login"))] == ["bob"]
    assert len(rows(trail, AuditFilter(table="villages"))) == 3
    assert [r[3] for r in rows(trail, AuditFilter(record_key="100202"))] == ["delete"]
    assert [r[3] for r in rows(trail, AuditFilter(actor="bob", table="users"))] == ["login"]
    assert rows(trail, AuditFilter(actor="nobody-at-all")) == []


def test_date_range_is_inclusive_in_local_dates(trail) -> None:
    everything = rows(trail, AuditFilter())
    assert len(rows(trail, AuditFilter(date_from=TODAY, date_to=TODAY))) == len(everything)
    assert rows(trail, AuditFilter(date_to=TODAY - timedelta(days=1))) == []
    assert rows(trail, AuditFilter(date_from=TODAY + timedelta(days=1))) == []
    with pytest.raises(ValidationError) as refused:
        audit_filters(AuditFilter(date_from=TODAY, date_to=TODAY - timedelta(days=1)))
    assert "date_to" in refused.value.by_field()


def test_rows_show_local_time_and_what_changed_newest_first(trail) -> None:
    newest, *_rest = rows(trail, AuditFilter(), descending=True)
    assert newest[2:6] == ("carol", "login_failed", "users", "carol")
    assert newest[1].startswith(TODAY.isoformat()[:4]) and len(newest[1]) == len("2024-01-01 08:00:00")
    update = rows(trail, AuditFilter(action="update"))[0]
    assert update[6] == "population: 900 → 950"
    insert = rows(trail, AuditFilter(action="insert", actor="alice"))[0]
    assert insert[6] == "name=东村；population=900"


def test_sorting_by_the_change_summary_sorts_by_time(trail) -> None:
    source = audit_queries.audit_entries(trail)
    assert source.fetch_ids(ListQuery(sort_key="changes")) == sorted(source.fetch_ids(ListQuery()))


def test_choices_list_what_occurs(trail) -> None:
    choices = audit_queries.audit_choices(trail)
    assert {"alice", "bob", "carol"} <= set(choices.actors)
    assert {"villages", "users"} <= set(choices.tables)
    assert {"insert", "update", "delete", "login", "login_failed"} <= set(choices.actions)


def test_chain_check_reports_an_intact_chain(trail) -> None:
    report = audit_queries.check_chain(trail)
    assert report.ok and report.checked == audit.count(trail.db)
    assert "完整" in audit_queries.chain_text(report)


def test_export_writes_the_filtered_rows_and_is_audited(trail, tmp_path) -> None:
    target = tmp_path / "审计.xlsx"
    steps: list[tuple[int, int]] = []
    result = audit_queries.export_audit(trail, audit_filter=AuditFilter(table="villages"), path=target,
                                        progress=lambda done, total, _text: steps.append((done, total)))
    assert result.rows == 3 and result.path == target and result.chain.ok
    assert result.changes.touches("audit_log") and steps[-1] == (3, 3)
    book = load_workbook(target, read_only=True)
    sheet = list(book["审计记录"].iter_rows(values_only=True))
    assert sheet[0] == audit_queries.EXPORT_HEADERS
    assert [(r[2], r[3], r[4], r[5]) for r in sheet[1:]] == [
        ("alice", "新增", "村庄", "410821100201"),
        ("alice", "修改", "村庄", "410821100201"),
        ("bob", "删除", "村庄", "410821100202"),
    ]
    assert sheet[2][6] == "population: 900 → 950" and '"population": 950' in sheet[2][8]
    assert all(len(r[9]) == 64 for r in sheet[1:])  # the chain hash of each row
    notes = dict(book["导出说明"].iter_rows(values_only=True))
    assert notes["导出人"] == "test:clerk" and notes["记录条数"] == 3
    assert notes["筛选条件"] == "数据表 村庄" and "完整" in notes["审计链校验"]
    book.close()
    exported = rows(trail, AuditFilter(action="export_audit"))
    assert len(exported) == 1 and "rows=3" in exported[0][6]
    assert audit_queries.check_chain(trail).ok


def test_cancelled_export_leaves_no_file(trail, tmp_path) -> None:
    target = tmp_path / "cancelled.xlsx"

    def cancel(_done: int, _total: int, _text: str) -> None:
        raise Cancelled("操作已取消")

    with pytest.raises(Cancelled):
        audit_queries.export_audit(trail, audit_filter=AuditFilter(), path=target, progress=cancel)
    assert list(tmp_path.glob("cancelled*")) == []
    assert rows(trail, AuditFilter(action="export_audit")) == []


@pytest.mark.parametrize("role", [COUNTER_CLERK, READ_ONLY])
def test_only_the_administrator_reads_the_audit_trail(trail, tmp_path, role) -> None:
    trail.actor = Actor("someone", role, "410821000000")
    for call in (audit_queries.audit_entries, audit_queries.audit_choices, audit_queries.check_chain):
        with pytest.raises(PermissionDenied):
            call(trail)
    with pytest.raises(PermissionDenied):
        audit_queries.export_audit(trail, audit_filter=AuditFilter(), path=tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
