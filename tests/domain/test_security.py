"""Roles, scopes, password hashing and lockout."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_app.domain.errors import PermissionDenied
from desktop_app.domain.security import (
    ADMIN,
    COUNTER_CLERK,
    EDIT_HEALTH,
    HEALTH_ADMIN,
    INTAKE,
    MANAGE_USERS,
    PAY,
    PRINT,
    READ_ONLY,
    REVIEWER,
    VIEW_FULL_ID,
    Principal,
    hash_password,
    in_scope,
    is_locked,
    password_problem,
    require,
    verify_password,
)


@pytest.mark.parametrize(
    ("role", "action", "ok"),
    [
        (ADMIN, MANAGE_USERS, True), (HEALTH_ADMIN, MANAGE_USERS, False),
        (HEALTH_ADMIN, EDIT_HEALTH, True), (COUNTER_CLERK, EDIT_HEALTH, False),
        (COUNTER_CLERK, INTAKE, True), (REVIEWER, INTAKE, False),
        (REVIEWER, PAY, True), (COUNTER_CLERK, PAY, False),
        (READ_ONLY, PRINT, True), (READ_ONLY, VIEW_FULL_ID, False), (READ_ONLY, EDIT_HEALTH, False),
    ],
)
def test_role_permissions(role: str, action: str, ok: bool) -> None:
    principal = Principal("u", role)
    if ok:
        require(principal, action)
    else:
        with pytest.raises(PermissionDenied):
            require(principal, action)


def test_scopes() -> None:
    assert in_scope("410800000000", "410821100201")
    assert in_scope("410821000000", "410821100201") and not in_scope("410821000000", "410822100201")
    assert in_scope("410821100000", "410821100201-01") and not in_scope("410821100000", "410821101201")
    with pytest.raises(PermissionDenied, match="管辖范围"):
        require(Principal("u", HEALTH_ADMIN, "410821000000"), EDIT_HEALTH, division_code="410882100201")


def test_password_hash_is_salted_and_verifies() -> None:
    first, second = hash_password("abc12345"), hash_password("abc12345")
    assert first != second and first.startswith("scrypt$")
    assert "abc12345" not in first
    assert verify_password("abc12345", first) and not verify_password("abc12346", first)
    assert not verify_password("abc12345", "garbage")


def test_password_strength() -> None:
    assert password_problem("short1") == "密码至少8位"
    assert password_problem("onlyletters") is not None
    assert password_problem("letters123") is None


def test_five_failures_lock_for_fifteen_minutes() -> None:
    failed_at = datetime(2026, 1, 5, 9, 0)
    assert not is_locked(4, failed_at, failed_at)
    assert is_locked(5, failed_at, failed_at + timedelta(minutes=14, seconds=59))
    assert not is_locked(5, failed_at, failed_at + timedelta(minutes=15))
