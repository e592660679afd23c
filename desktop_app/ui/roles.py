"""What the signed-in role may do, as the UI shows it: role names, and controls disabled with a reason.

The services enforce every permission (``desktop_app.domain.security``); the UI only disables
what the role cannot do, so nobody clicks into a refusal. Pages that hold such controls implement
``apply_role(actor)``, which the main window calls once it knows the signed-in user.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop_app.domain.security import allowed

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


def refused_tip(role: str) -> str:
    """The tooltip of a control the role may not use."""
    return QCoreApplication.translate("Roles", "“{0}”角色无权使用此功能").format(role_display(role))


def permit(control: QWidget | QAction, role: str, action: str, allowed_tip: str = "") -> bool:
    """Enable ``control`` when ``role`` may perform ``action``; otherwise disable it with the reason
    as its tooltip. Returns whether it is allowed."""
    ok = allowed(role, action)
    control.setEnabled(ok)
    control.setToolTip(allowed_tip if ok else refused_tip(role))
    if isinstance(control, QAction):
        control.setStatusTip("" if ok else refused_tip(role))
    return ok
