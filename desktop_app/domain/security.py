"""Users' roles, what each role may do, division scope, password hashing and log-in lockout.

Pure policy: services call :func:`require` before every use case, so the rules hold for the GUI
and the command line alike (hiding a button is never the protection).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import PermissionDenied

ADMIN = "系统管理员"
HEALTH_ADMIN = "卫健管理员"
COUNTER_CLERK = "窗口人员"
REVIEWER = "审核人员"
READ_ONLY = "只读/督导"
ROLES = (ADMIN, HEALTH_ADMIN, COUNTER_CLERK, REVIEWER, READ_ONLY)

CITY_CODE = "410800000000"

# Actions a service may require. Reading lists and printing reports is open to every role.
READ = "read"
PRINT = "print"
EDIT_VILLAGES = "edit_villages"
EDIT_HEALTH = "edit_health"
EDIT_SUBSIDIES = "edit_subsidies"
REGISTER_BUSINESS = "register_business"
INTAKE = "intake"
REVIEW = "review"
DECIDE = "decide"
PAY = "pay"
IMPORT = "import"
MANAGE_USERS = "manage_users"
MANAGE_SETTINGS = "manage_settings"
MANAGE_POLICY = "manage_policy"
MANAGE_BACKUPS = "manage_backups"
VIEW_FULL_ID = "view_full_id"

PERMISSIONS: dict[str, frozenset[str]] = {
    ADMIN: frozenset({READ, PRINT, EDIT_VILLAGES, EDIT_HEALTH, EDIT_SUBSIDIES, REGISTER_BUSINESS, INTAKE, REVIEW,
                      DECIDE, PAY, IMPORT, MANAGE_USERS, MANAGE_SETTINGS, MANAGE_POLICY, MANAGE_BACKUPS, VIEW_FULL_ID}),
    HEALTH_ADMIN: frozenset({READ, PRINT, EDIT_VILLAGES, EDIT_HEALTH, EDIT_SUBSIDIES, IMPORT, VIEW_FULL_ID}),
    COUNTER_CLERK: frozenset({READ, PRINT, REGISTER_BUSINESS, INTAKE, VIEW_FULL_ID}),
    REVIEWER: frozenset({READ, PRINT, REVIEW, DECIDE, PAY, VIEW_FULL_ID}),
    READ_ONLY: frozenset({READ, PRINT}),
}

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


Principal = Actor
"""A signed-in user as the services see it: name, role and division scope (a 12-digit code)."""


def scope_prefix(scope_code: str) -> str:
    """The code prefix a scope covers: city 4 digits, county 6, township 9."""
    if scope_code[4:] == "0" * 8:
        return scope_code[:4]
    if scope_code[6:] == "0" * 6:
        return scope_code[:6]
    return scope_code[:9]


def in_scope(scope_code: str, division_code: str | None) -> bool:
    """True when a record's division (village, township or county code) lies inside the scope."""
    if division_code is None:
        return scope_prefix(scope_code) == CITY_CODE[:4]
    return division_code.startswith(scope_prefix(scope_code))


def allowed(role: str, action: str) -> bool:
    """Whether a role may perform an action."""
    return action in PERMISSIONS.get(role, frozenset())


def require(principal: Principal, action: str, *, division_code: str | None = None) -> None:
    """Raise PermissionDenied unless the principal's role allows ``action`` inside its scope."""
    if not allowed(principal.role, action):
        raise PermissionDenied(f"“{principal.role}”角色无权执行此操作（{action}）")
    if division_code is not None and not in_scope(principal.scope_code, division_code):
        raise PermissionDenied(f"记录所在区划 {division_code} 不在您的管辖范围（{principal.scope_code}）内")


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """A memory-hard scrypt hash with its parameters and salt: ``scrypt$n$r$p$salt$hash``."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    encode = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt)}${encode(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches a hash made by :func:`hash_password` (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    computed = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                              dklen=len(base64.b64decode(digest)))
    return hmac.compare_digest(computed, base64.b64decode(digest))


def password_problem(password: str) -> str | None:
    """Why a new password is too weak (Chinese), or None: at least 8 characters, letters and digits."""
    if len(password) < 8:
        return "密码至少8位"
    if not any(c.isdigit() for c in password) or not any(c.isalpha() for c in password):
        return "密码须同时包含字母和数字"
    return None


def locked_until(failed_attempts: int, last_failure: datetime | None) -> datetime | None:
    """When an account with this many consecutive failures unlocks (None when not locked)."""
    if failed_attempts < MAX_FAILED_ATTEMPTS or last_failure is None:
        return None
    return last_failure + LOCKOUT


def is_locked(failed_attempts: int, last_failure: datetime | None, now: datetime) -> bool:
    """True while 5 or more consecutive failures are less than 15 minutes old."""
    until = locked_until(failed_attempts, last_failure)
    return until is not None and now < until
