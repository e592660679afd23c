"""A date field for keyboard entry: ``yyyy-MM-dd`` with a calendar popup, where Tab leaves the field
instead of stepping through its year, month and day sections (←/→ still move between them)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


class DateEdit(QDateEdit):
    """A QDateEdit whose Tab/Shift+Tab move to the next/previous field."""

    def __init__(self, day: date | QDate | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if day is not None:
            self.setDate(day if isinstance(day, QDate) else QDate(day.year, day.month, day.day))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt API
        return QWidget.focusNextPrevChild(self, next)

    def value(self) -> date:
        """The date shown, as a Python date."""
        day = self.date()
        return date(day.year(), day.month(), day.day())
