"""Who is acting: the user name and role that services check and audit records name."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

ROLE_ADMIN = "系统管理员"  # the same value as desktop_app.domain.security.ADMIN


@dataclass(frozen=True)
class Actor:
    """The acting user. ``name`` appears in the audit trail (e.g. ``cli:root``)."""

    name: str
    role: str = ROLE_ADMIN
    scope_code: str = "410800000000"


def cli_actor() -> Actor:
    """The command line acts as system administrator, audited as ``cli:<OS user>`` (interchange §1)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name available in some service accounts
        user = "unknown"
    return Actor(name=f"cli:{user}")
