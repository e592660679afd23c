"""Log-in and user accounts: the first administrator, sign-in with lockout, user management.

Passwords are kept only as scrypt hashes; neither a password nor its hash is ever logged or
written to the audit trail. Every log-in and every failed log-in is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import NotFound, PermissionDenied, Problem, RuleViolation, ValidationError
from desktop_app.domain.security import (
    ADMIN,
    COUNTER_CLERK,
    HEALTH_ADMIN,
    MANAGE_USERS,
    READ_ONLY,
    REVIEWER,
    ROLES,
    hash_password,
    is_locked,
    locked_until,
    password_problem,
    verify_password,
)
from desktop_app.services.context import ServiceContext
from desktop_app.services.permissions import guarded
from desktop_app.store import audit, divisions_repo, users_repo
from desktop_app.store.connection import write_transaction
from desktop_app.store.users_repo import UserRecord

TABLE = "users"
NOBODY = Actor(name="未登录", role="未登录")
DEMO_PASSWORD = "Demo1234"
# (user name, display name, role, scope) of the documented demo accounts (README, 示例账号).
DEMO_ACCOUNTS = (
    ("admin", "示例管理员", ADMIN, "410800000000"),
    ("weijian", "修武县卫健委示例", HEALTH_ADMIN, "410821000000"),
    ("chuangkou", "修武县窗口示例", COUNTER_CLERK, "410821000000"),
    ("shenhe", "修武县审核示例", REVIEWER, "410821000000"),
    ("dudao", "市督导示例", READ_ONLY, "410800000000"),
)


@dataclass(frozen=True)
class UserSummary:
    """An account as the user-management page shows it (no hash)."""

    user_name: str
    display_name: str
    role: str
    scope_code: str
    active: bool
    locked: bool
    is_demo: bool


def _actor(user: UserRecord) -> Actor:
    return Actor(name=user.user_name, role=user.role, scope_code=user.scope_code)


def _check_new_account(ctx: ServiceContext, *, user_name: str, role: str, scope_code: str, password: str | None) -> None:
    problems: list[Problem] = []
    if not user_name.strip():
        problems.append(Problem("user_name", "用户名必填"))
    elif users_repo.get(ctx.db, user_name.strip()) is not None:
        problems.append(Problem("user_name", f"用户名 {user_name} 已存在"))
    if role not in ROLES:
        problems.append(Problem("role", f"角色应为 {' / '.join(ROLES)} 之一"))
    division = divisions_repo.get(ctx.db, scope_code)
    if division is None:
        problems.append(Problem("scope_code", f"管辖范围 {scope_code} 不是已知的市、县或乡镇代码"))
    if password is not None and (reason := password_problem(password)):
        problems.append(Problem("password", reason))
    if problems:
        raise ValidationError(problems)


def needs_first_administrator(ctx: ServiceContext) -> bool:
    """True on the very first start: no account exists yet."""
    return users_repo.count(ctx.db) == 0


def create_first_administrator(ctx: ServiceContext, *, user_name: str, password: str, display_name: str = "") -> Actor:
    """Create the system administrator on first start (refused once any account exists); signs in."""
    with write_transaction(ctx.db):
        if not needs_first_administrator(ctx):
            raise PermissionDenied("已有用户账号：请用已有的系统管理员账号登录后再添加用户")
        _check_new_account(ctx, user_name=user_name, role=ADMIN, scope_code="410800000000", password=password)
        user = UserRecord(user_name.strip(), display_name.strip(), ADMIN, "410800000000", hash_password(password),
                          True, 0, None, False)
        users_repo.insert(ctx.db, user)
        audit.append(ctx.db, [audit.AuditEntry(user.user_name, "create_first_admin", TABLE, user.user_name, None,
                                               {"role": ADMIN, "scope_code": user.scope_code})])
    ctx.actor = _actor(user)
    return ctx.actor


def sign_in(ctx: ServiceContext, *, user_name: str, password: str, now: datetime | None = None) -> Actor:
    """Check a user name and password; on success the context acts as that user.

    Five consecutive failures lock the account for 15 minutes. Raises PermissionDenied with a
    message that does not reveal whether the user name exists.
    """
    now = now or datetime.now()
    refused = PermissionDenied("用户名或密码不正确")
    with write_transaction(ctx.db):
        user = users_repo.get(ctx.db, user_name.strip())
        if user is None or not user.active:
            audit.append(ctx.db, [audit.AuditEntry(user_name.strip() or "?", "login_failed", TABLE, user_name.strip(), None,
                                                   {"reason": "unknown or inactive account"})])
            failure = refused
        elif is_locked(user.failed_attempts, user.last_failure_at, now):
            until = locked_until(user.failed_attempts, user.last_failure_at)
            audit.append(ctx.db, [audit.AuditEntry(user.user_name, "login_failed", TABLE, user.user_name, None,
                                                   {"reason": "locked"})])
            failure = PermissionDenied(f"连续5次密码错误，账号已锁定至 {until:%H:%M}，请稍后再试")
        elif not verify_password(password, user.password_hash):
            users_repo.record_failure(ctx.db, user.user_name, now)
            audit.append(ctx.db, [audit.AuditEntry(user.user_name, "login_failed", TABLE, user.user_name, None,
                                                   {"reason": "wrong password", "failed_attempts": user.failed_attempts + 1})])
            failure = refused
        else:
            users_repo.clear_failures(ctx.db, user.user_name)
            audit.append(ctx.db, [audit.AuditEntry(user.user_name, "login", TABLE, user.user_name, None, None)])
            failure = None
    if failure is not None:
        raise failure
    ctx.actor = _actor(user)
    return ctx.actor


def sign_out(ctx: ServiceContext) -> None:
    """The context acts as nobody until the next sign-in."""
    ctx.actor = NOBODY


@guarded(MANAGE_USERS)
def list_users(ctx: ServiceContext, *, now: datetime | None = None) -> list[UserSummary]:
    """Every account with its role, scope and lock state."""
    now = now or datetime.now()
    return [UserSummary(u.user_name, u.display_name, u.role, u.scope_code, u.active,
                        is_locked(u.failed_attempts, u.last_failure_at, now), u.is_demo)
            for u in users_repo.all_users(ctx.db)]


@guarded(MANAGE_USERS)
def create_user(ctx: ServiceContext, *, user_name: str, role: str, scope_code: str, password: str,
                display_name: str = "") -> None:
    """Add an account with a role and a division scope (city, a county or a township)."""
    with write_transaction(ctx.db):
        _check_new_account(ctx, user_name=user_name, role=role, scope_code=scope_code, password=password)
        users_repo.insert(ctx.db, UserRecord(user_name.strip(), display_name.strip(), role, scope_code,
                                             hash_password(password), True, 0, None, False))
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "insert", TABLE, user_name.strip(), None,
                                               {"role": role, "scope_code": scope_code, "display_name": display_name})])


@guarded(MANAGE_USERS)
def update_user(ctx: ServiceContext, *, user_name: str, role: str, scope_code: str, active: bool,
                display_name: str = "") -> None:
    """Change an account's role, scope, name or active flag (an administrator cannot demote himself)."""
    with write_transaction(ctx.db):
        before = users_repo.get(ctx.db, user_name)
        if before is None:
            raise NotFound(f"用户 {user_name} 不存在")
        if user_name == ctx.actor.name and (role != ADMIN or not active):
            raise RuleViolation("不能取消自己的系统管理员角色或停用自己的账号")
        if role not in ROLES:
            raise ValidationError(Problem("role", f"角色应为 {' / '.join(ROLES)} 之一"))
        if divisions_repo.get(ctx.db, scope_code) is None:
            raise ValidationError(Problem("scope_code", f"管辖范围 {scope_code} 不是已知的区划代码"))
        users_repo.update_profile(ctx.db, user_name, display_name=display_name, role=role, scope_code=scope_code,
                                  active=active)
        audit.append(ctx.db, [audit.AuditEntry(
            ctx.actor.name, "update", TABLE, user_name,
            {"role": before.role, "scope_code": before.scope_code, "active": before.active, "display_name": before.display_name},
            {"role": role, "scope_code": scope_code, "active": active, "display_name": display_name})])


@guarded(MANAGE_USERS)
def reset_password(ctx: ServiceContext, *, user_name: str, new_password: str) -> None:
    """Set a new password for an account (also unlocks it)."""
    if reason := password_problem(new_password):
        raise ValidationError(Problem("password", reason))
    with write_transaction(ctx.db):
        if not users_repo.set_password(ctx.db, user_name, hash_password(new_password)):
            raise NotFound(f"用户 {user_name} 不存在")
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "reset_password", TABLE, user_name, None, None)])


def change_own_password(ctx: ServiceContext, *, old_password: str, new_password: str) -> None:
    """The signed-in user changes his password (the old one must be right)."""
    user = users_repo.get(ctx.db, ctx.actor.name)
    if user is None:
        raise PermissionDenied("请先登录")
    if not verify_password(old_password, user.password_hash):
        raise ValidationError(Problem("old_password", "原密码不正确"))
    if reason := password_problem(new_password):
        raise ValidationError(Problem("password", reason))
    with write_transaction(ctx.db):
        users_repo.set_password(ctx.db, user.user_name, hash_password(new_password))
        audit.append(ctx.db, [audit.AuditEntry(user.user_name, "change_password", TABLE, user.user_name, None, None)])


def create_demo_accounts(ctx: ServiceContext) -> int:
    """The documented demo accounts (password ``Demo1234``), marked demo; for ``--demo`` databases only."""
    created = 0
    for user_name, display_name, role, scope in DEMO_ACCOUNTS:
        if users_repo.get(ctx.db, user_name) is None:
            users_repo.insert(ctx.db, UserRecord(user_name, display_name, role, scope, hash_password(DEMO_PASSWORD),
                                                 True, 0, None, True))
            created += 1
    return created
