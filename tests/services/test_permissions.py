"""Permissions are enforced in the services: every guarded use case, every role, and scopes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import pytest

import desktop_app.services as services_package
from desktop_app.domain.actor import Actor, cli_actor
from desktop_app.domain.errors import PermissionDenied
from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.security import ADMIN, COUNTER_CLERK, HEALTH_ADMIN, READ_ONLY, REVIEWER, ROLES, allowed
from desktop_app.domain.villages import Village
from desktop_app.services import health_registry, users
from desktop_app.services import villages as village_service
from desktop_app.services.permissions import REGISTRY

XIUWU, BOAI = "410821000000", "410822000000"
XIUWU_TOWN, BOAI_TOWN = "410821100000", "410822102000"

# What each use case needs: the table the test checks the registry against (a new write must
# be added here, which forces a decision about who may do it).
EXPECTED_ACTIONS = {
    "villages.get_village": "read", "villages.create_village": "edit_villages",
    "villages.update_village": "edit_villages", "villages.delete_village": "edit_villages",
    "health_registry.get_facility": "read", "health_registry.create_facility": "edit_health",
    "health_registry.update_facility": "edit_health", "health_registry.delete_facility": "edit_health",
    "health_registry.get_staff": "read", "health_registry.create_staff": "edit_health",
    "health_registry.update_staff": "edit_health", "health_registry.township_training_grid": "read",
    "health_registry.save_training": "edit_health", "staff_queries.staff_for_edit": "edit_health",
    "business_registry.get_business": "read", "business_registry.create_business": "register_business",
    "business_registry.update_business": "register_business", "business_registry.save_person_status": "register_business",
    "business_registry.delete_person_status": "register_business",
    "applications.get_case": "read", "applications.events": "read", "applications.check": "read",
    "applications.get_notice": "read",
    "applications.intake": "intake", "applications.amend_application": "intake", "applications.withdraw": "intake",
    "applications.start_review": "review", "applications.approve": "decide", "applications.refuse": "decide",
    "applications.reopen": "decide", "applications.pay": "pay", "applications.reevaluate_all": "decide",
    "applications.import_applications": "import",
    "desk_admin.add_successor_entry": "manage_policy", "desk_admin.retire_entry": "manage_policy",
    "desk_admin.set_calendar_year": "manage_settings", "desk_admin.set_promised_working_days": "manage_settings",
    "desk_admin.set_county_amount": "manage_settings",
    "workbook.import_workbook": "import", "workbook.export_workbook": "import",
    "backup.backup_now": "manage_backups", "backup.restore": "manage_backups",
    "backup.backup_database_file": "manage_backups", "backup.backup_before": "import",
    "desk_queries.intake_applicant": "intake",
    "users.list_users": "manage_users", "users.create_user": "manage_users", "users.update_user": "manage_users",
    "users.reset_password": "manage_users",
    "subsidies.entitlements": "read", "subsidies.ledger": "read", "subsidies.payee_detail": "read",
    "subsidies.statement_data": "read", "subsidies.post_payment": "edit_subsidies",
    "subsidies.reverse_payment": "edit_subsidies", "subsidies.save_budget": "edit_subsidies",
    "subsidies.delete_budget": "edit_subsidies", "subsidies.set_allowance_rate": "edit_subsidies",
    "audit_queries.audit_entries": "manage_users", "audit_queries.audit_choices": "manage_users",
    "audit_queries.check_chain": "manage_users", "audit_queries.export_audit": "manage_users",
    "reports.render_report": "print", "reports.render_inspection_pack": "print", "reports.find_paper": "read",
    "inspections.plan_visit": "edit_health", "inspections.update_visit": "edit_health",
    "inspections.delete_visit": "edit_health", "inspections.record_findings": "edit_health",
    "inspections.create_order": "edit_health", "inspections.report_completion": "edit_health",
    "inspections.close_order": "edit_health", "inspections.reopen_order": "edit_health",
    "inspection_queries.visit_detail": "read", "inspection_queries.findings_form": "read",
    "inspection_queries.order_events": "read", "inspection_queries.facility_history": "read",
    "inspection_reports.notice_data": "read", "inspection_reports.summary_data": "read",
    "inspection_reports.pack_data": "read", "inspection_reports.render_visit_pack": "print",
}


def _load_all_services() -> dict[str, object]:
    functions = {}
    for module_info in pkgutil.walk_packages(services_package.__path__, "desktop_app.services."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isfunction(value) and value.__module__ == module.__name__ and hasattr(value, "guard"):
                functions[f"{module.__name__.removeprefix('desktop_app.services.')}.{name}"] = value
    return functions


GUARDED = _load_all_services()


def test_every_guarded_use_case_is_in_the_table() -> None:
    assert {name: f.guard.action for name, f in GUARDED.items()} == EXPECTED_ACTIONS
    assert len(REGISTRY) >= len(EXPECTED_ACTIONS)


def _dummy_arguments(fn) -> dict:
    parameters = list(inspect.signature(fn).parameters.values())
    if not fn.guard.by_actor:
        parameters = parameters[1:]  # the context
    return {p.name: None for p in parameters if p.default is inspect.Parameter.empty and p.name != "actor"}


def _call(fn, ctx, arguments: dict):
    """A context use case gets the context (acting as ``ctx.actor``); a file use case ``actor=``."""
    if fn.guard.by_actor:
        return fn(**arguments, actor=ctx.actor)
    return fn(ctx, **arguments)


@pytest.mark.parametrize("role", [*ROLES, "未登录"])
@pytest.mark.parametrize("name", sorted(EXPECTED_ACTIONS))
def test_every_use_case_as_every_role(ctx, name: str, role: str) -> None:
    """A denied role is stopped before anything runs; an allowed role gets past the guard."""
    fn = GUARDED[name]
    ctx.actor = Actor("test:role", role=role)
    arguments = _dummy_arguments(fn)
    if allowed(role, EXPECTED_ACTIONS[name]):
        try:
            _call(fn, ctx, arguments)
        except PermissionDenied as denied:  # pragma: no cover - the failure message says why
            pytest.fail(f"{role} was refused {name}: {denied}")
        except Exception:  # noqa: BLE001 - dummy arguments fail later, past the guard
            pass
    else:
        with pytest.raises(PermissionDenied):
            _call(fn, ctx, arguments)


def test_a_file_use_case_cannot_be_called_without_naming_the_actor(tmp_path) -> None:
    from desktop_app.services import backup

    with pytest.raises(TypeError):
        backup.restore(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")  # type: ignore[call-arg]


def test_restore_by_a_role_without_backup_rights_touches_nothing(ctx, tmp_path) -> None:
    from desktop_app.services import backup

    copy = backup.backup_now(ctx, tmp_path / "backups").path
    ctx.close()
    before = {p.name: p.read_bytes() for p in ctx.db_path.parent.iterdir() if p.is_file()}
    for role in (HEALTH_ADMIN, READ_ONLY):
        with pytest.raises(PermissionDenied):
            backup.restore(copy, ctx.db_path, actor=Actor("test:user", role=role))
        with pytest.raises(PermissionDenied):
            backup.backup_database_file(ctx.db_path, tmp_path / "usb", actor=Actor("test:user", role=role))
    assert {p.name: p.read_bytes() for p in ctx.db_path.parent.iterdir() if p.is_file()} == before
    assert not (tmp_path / "usb").exists()
    assert backup.restore(copy, ctx.db_path, actor=cli_actor()).kept is not None  # the command line is the administrator


def test_the_workbook_export_needs_the_right_to_see_full_id_numbers(two_counties, tmp_path, monkeypatch) -> None:
    """The export holds full ID numbers (it imports again): a role that may import but not see
    full IDs is refused, and so is the read-only role; a health administrator gets full IDs."""
    from desktop_app.domain import security
    from desktop_app.interchange.workbook import read_workbook
    from desktop_app.services.workbook import export_workbook

    ctx = two_counties
    monkeypatch.setitem(security.PERMISSIONS, "测试导入员", frozenset({security.READ, security.IMPORT}))
    for role, message in (("测试导入员", "完整身份证号"), (READ_ONLY, "无权")):
        ctx.actor = Actor("test:exporter", role=role)
        with pytest.raises(PermissionDenied, match=message):
            export_workbook(ctx, tmp_path / f"{role.replace('/', '-')}.xlsx")
    assert not list(tmp_path.glob("*.xlsx"))
    ctx.actor = Actor("test:xiuwu", role=HEALTH_ADMIN, scope_code=XIUWU)
    staff = read_workbook(export_workbook(ctx, tmp_path / "xiuwu.xlsx"))["staff"]
    assert [row.values["id_number"] for row in staff] == [person(1)]


def person(serial: int) -> str:
    first17 = f"41082119800101{serial:03d}"
    return first17 + id_check_character(first17)


@pytest.fixture
def two_counties(ctx):
    for code, name in ((XIUWU_TOWN[:9] + "201", "修武甲村"), (BOAI_TOWN[:9] + "201", "博爱乙村")):
        village_service.create_village(ctx, village=Village(code, name, "行政村", 1000))
    health_registry.create_facility(ctx, facility=Facility("XW1", "修武甲村卫生室", "村卫生室", XIUWU_TOWN[:9] + "201"))
    health_registry.create_facility(ctx, facility=Facility("BA1", "博爱乙村卫生室", "村卫生室", BOAI_TOWN[:9] + "201"))
    health_registry.create_staff(ctx, member=StaffMember(person(1), "修武医生", "XW1", category="乡村医生", status="在岗"))
    health_registry.create_staff(ctx, member=StaffMember(person(2), "博爱医生", "BA1", category="乡村医生", status="在岗"))
    return ctx


@pytest.mark.parametrize(
    ("role", "scope", "own_ok", "other_ok"),
    [
        (HEALTH_ADMIN, XIUWU, True, False),
        (HEALTH_ADMIN, XIUWU_TOWN, True, False),
        (HEALTH_ADMIN, "410800000000", True, True),
        (ADMIN, BOAI, False, True),
        (COUNTER_CLERK, XIUWU, False, False),
        (REVIEWER, XIUWU, False, False),
        (READ_ONLY, "410800000000", False, False),
    ],
)
def test_division_scope_of_health_writes(two_counties, role, scope, own_ok, other_ok) -> None:
    ctx = two_counties
    ctx.actor = Actor("test:scoped", role=role, scope_code=scope)
    for code, ok in (("XW1", own_ok), ("BA1", other_ok)):
        facility = health_registry.facilities_repo.get(ctx.db, code)
        if ok:
            health_registry.update_facility(ctx, facility=facility.facility, expected_version=facility.row_version)
        else:
            with pytest.raises(PermissionDenied):
                health_registry.update_facility(ctx, facility=facility.facility, expected_version=facility.row_version)


def test_lists_show_only_the_users_scope(two_counties) -> None:
    ctx = two_counties
    ctx.actor = Actor("test:xiuwu", role=READ_ONLY, scope_code=XIUWU)
    listing = health_registry.facility_list(ctx)
    assert [r[0] for r in listing.fetch_rows(listing.fetch_ids(ListQuery())).values()] == ["XW1"]
    staff = health_registry.staff_list(ctx)
    assert len(staff.fetch_ids(ListQuery())) == 1
    villages = village_service.village_list(ctx)
    assert {r[0] for r in villages.fetch_rows(villages.fetch_ids(ListQuery())).values()} == {XIUWU_TOWN[:9] + "201"}
    with pytest.raises(PermissionDenied, match="管辖范围"):
        health_registry.get_facility(ctx, "BA1")
    assert health_registry.get_facility(ctx, "XW1").facility.code == "XW1"


def test_a_transfer_out_of_scope_is_refused(two_counties) -> None:
    ctx = two_counties
    ctx.actor = Actor("test:xiuwu", role=HEALTH_ADMIN, scope_code=XIUWU)
    stored = health_registry.get_staff(ctx, person(1))
    with pytest.raises(PermissionDenied):
        health_registry.update_staff(ctx, member=StaffMember(person(1), "修武医生", "BA1", category="乡村医生", status="在岗"),
                                     expected_version=stored.row_version)


def test_sign_in_lockout_and_audit(ctx) -> None:
    from datetime import datetime, timedelta

    from desktop_app.store import audit

    ctx.actor = users.NOBODY
    assert users.needs_first_administrator(ctx)
    users.create_first_administrator(ctx, user_name="zhang", password="Secret123")
    with pytest.raises(PermissionDenied):
        users.create_first_administrator(ctx, user_name="li", password="Secret123")
    users.create_user(ctx, user_name="clerk", role=COUNTER_CLERK, scope_code=XIUWU, password="Clerk1234")
    users.sign_out(ctx)
    start = datetime(2026, 3, 2, 9, 0)
    for minute in range(5):
        with pytest.raises(PermissionDenied, match="用户名或密码不正确"):
            users.sign_in(ctx, user_name="clerk", password="wrong", now=start + timedelta(minutes=minute))
    with pytest.raises(PermissionDenied, match="锁定"):
        users.sign_in(ctx, user_name="clerk", password="Clerk1234", now=start + timedelta(minutes=10))
    actor = users.sign_in(ctx, user_name="clerk", password="Clerk1234", now=start + timedelta(minutes=20))
    assert (actor.role, actor.scope_code) == (COUNTER_CLERK, XIUWU) and ctx.actor == actor
    actions = [row[0] for row in ctx.db.execute("SELECT action FROM audit_log WHERE table_name = 'users' ORDER BY id")]
    assert actions.count("login_failed") == 6 and actions[-1] == "login"
    stored = ctx.db.execute("SELECT group_concat(coalesce(before_json, '') || coalesce(after_json, '')) FROM audit_log").fetchone()[0]
    assert "Clerk1234" not in stored and "scrypt$" not in stored
    assert audit.verify_chain(ctx.db).ok
    with pytest.raises(PermissionDenied):
        users.list_users(ctx)  # a counter clerk manages no users


def test_demo_database_has_the_documented_accounts(tmp_path) -> None:
    from desktop_app.services.database import initialize, open_context

    path = tmp_path / "demo.sqlite3"
    initialize(path, actor=Actor("test:setup"), demo="small")
    ctx = open_context(path, actor=users.NOBODY)
    try:
        for user_name, _display, role, scope in users.DEMO_ACCOUNTS:
            actor = users.sign_in(ctx, user_name=user_name, password=users.DEMO_PASSWORD)
            assert (actor.role, actor.scope_code) == (role, scope)
    finally:
        ctx.close()
