"""What the signed-in role may do, as the UI shows it: role names, and controls disabled with a reason.

The services enforce every permission (``desktop_app.domain.security``); the UI only disables
what the role cannot do, so nobody clicks into a refusal; the tooltip names the roles that may.
Pages that hold such controls implement ``apply_role(actor)``, which the main window calls once
it knows the signed-in user. Until then a page's role is None and its controls stay enabled (the
services still refuse what the user may not do).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop_app.domain.security import ROLES, allowed

CONTEXT = "Roles"
_MARKED = (  # the stored role names (desktop_app.domain.security.ROLES), for translation
    QT_TRANSLATE_NOOP("Roles", "系统管理员"),
    QT_TRANSLATE_NOOP("Roles", "卫健管理员"),
    QT_TRANSLATE_NOOP("Roles", "窗口人员"),
    QT_TRANSLATE_NOOP("Roles", "审核人员"),
    QT_TRANSLATE_NOOP("Roles", "只读/督导"),
    QT_TRANSLATE_NOOP("Roles", "未登录"),
)


def role_display(role: str) -> str:
    """The role's name in the UI language."""
    return QCoreApplication.translate(CONTEXT, role)


def roles_allowed(action: str) -> list[str]:
    """The roles that may perform ``action``, in the order of ``security.ROLES``."""
    return [role for role in ROLES if allowed(role, action)]


def refused_tip(role: str, action: str | None = None) -> str:
    """The tooltip of a control the role may not use; with ``action``, it names the roles that may."""
    needed = roles_allowed(action) if action else []
    if not needed:
        return QCoreApplication.translate("Roles", "“{0}”角色无权使用此功能").format(role_display(role))
    return QCoreApplication.translate("Roles", "“{0}”角色无权使用此功能，需要以下角色之一：{1}").format(
        role_display(role), QCoreApplication.translate("Roles", "、").join(role_display(r) for r in needed))


def permit(control: QWidget | QAction, role: str, action: str, allowed_tip: str = "") -> bool:
    """Enable ``control`` when ``role`` may perform ``action``; otherwise disable it with the reason
    (and the roles that may) as its tooltip. Returns whether it is allowed."""
    ok = allowed(role, action)
    control.setEnabled(ok)
    control.setToolTip(allowed_tip if ok else refused_tip(role, action))
    if isinstance(control, QAction):
        control.setStatusTip("" if ok else refused_tip(role, action))
    return ok


def permit_when(control: QWidget | QAction, role: str | None, action: str, *, ready: bool = True,
                tip: str = "", not_ready_tip: str = "") -> bool:
    """Like :func:`permit`, for a control that also needs the page to be ready (e.g. a selected
    row): disabled with the refusal when the role may not, else enabled when ``ready`` (tooltip
    ``tip``, or ``not_ready_tip`` while not ready). ``role`` None (nobody signed in yet) counts as
    allowed. Returns whether the control is enabled."""
    if role is not None and not permit(control, role, action, tip):
        return False
    control.setEnabled(ready)
    control.setToolTip(tip if ready else not_ready_tip)
    return ready
