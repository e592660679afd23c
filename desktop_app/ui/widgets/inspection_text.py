"""Display text the inspection views share: the stored inspection vocabulary (findings, registry
decisions, order statuses) and rule statuses shown translated, and the words for a deadline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.domain.inspections import days_left

CONTEXT = "Inspections"
_MARKED = (  # stored values (desktop_app.domain.inspections) and rule statuses, for translation
    QT_TRANSLATE_NOOP("Inspections", "属实"),
    QT_TRANSLATE_NOOP("Inspections", "不符"),
    QT_TRANSLATE_NOOP("Inspections", "未检查"),
    QT_TRANSLATE_NOOP("Inspections", "已更新登记"),
    QT_TRANSLATE_NOOP("Inspections", "保留待核实"),
    QT_TRANSLATE_NOOP("Inspections", "待整改"),
    QT_TRANSLATE_NOOP("Inspections", "已报告"),
    QT_TRANSLATE_NOOP("Inspections", "已销号"),
    QT_TRANSLATE_NOOP("Inspections", "达标"),
    QT_TRANSLATE_NOOP("Inspections", "未达标"),
    QT_TRANSLATE_NOOP("Inspections", "预警"),
    QT_TRANSLATE_NOOP("Inspections", "待补充数据"),
    QT_TRANSLATE_NOOP("Inspections", "不适用"),
)
STATUS_WORDS = {"pass": "达标", "fail": "未达标", "warn": "预警", "unknown": "待补充数据", "not_applicable": "不适用"}
OVERDUE_COLOURS = ("#a93226", "#fdecea")
DUE_COLOURS = ("#8a5300", "#fff3dc")
CLOSED_COLOURS = ("#606060", "#f2f2f2")
DIFFERS_COLOURS = ("#1f5f8b", "#e6f0f8")


def shown(value: str | None) -> str:
    """A stored inspection value as shown (translated in the English interface)."""
    return "" if not value else QCoreApplication.translate(CONTEXT, value)


def status_word(status: str | None) -> str:
    """A rule status (``fail`` …) as a word (未达标 …)."""
    return shown(STATUS_WORDS.get(status or "", status or ""))


def deadline_text(deadline: date, as_of: date, closed: bool) -> str:
    """``逾期3天`` / ``今天到期`` / ``还有5天`` (blank for a closed order)."""
    if closed:
        return ""
    left = days_left(deadline, as_of)
    if left < 0:
        return QCoreApplication.translate("Inspections", "逾期{0}天").format(-left)
    if left == 0:
        return QCoreApplication.translate("Inspections", "今天到期")
    return QCoreApplication.translate("Inspections", "还有{0}天").format(left)
