"""Display text of stored vocabulary values (stored Chinese, shown translated in English UI)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Vocabulary"
_MARKED = (
    QT_TRANSLATE_NOOP("Vocabulary", "行政村"),
    QT_TRANSLATE_NOOP("Vocabulary", "自然村"),
    QT_TRANSLATE_NOOP("Vocabulary", "社区"),
    QT_TRANSLATE_NOOP("Vocabulary", "是"),
    QT_TRANSLATE_NOOP("Vocabulary", "否"),
)


def display(value: str | None) -> str:
    """The translated display text of a vocabulary value (the value itself when untranslated)."""
    if value is None:
        return ""
    return QCoreApplication.translate(CONTEXT, value)


def yes_no(value: object) -> str:
    """``是``/``否`` (translated) for a truthy/falsy stored flag; blank for None."""
    if value is None:
        return ""
    return display("是" if value else "否")
