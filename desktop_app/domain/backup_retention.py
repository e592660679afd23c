"""Backup copies: how they are named and which of them to keep (30 daily, 12 monthly).

A copy is named ``<database stem>.<label>.<YYYYMMDD-HHMMSS>[-N].sqlite3`` in local time, e.g.
``township-desk.daily.20250301-081502.sqlite3``; ``N`` separates copies made in the same second.

Retention is the usual grandfather-father-son rule (as restic's ``--keep-daily 30
--keep-monthly 12``): keep the newest copy of each of the last 30 days that have a copy and
the newest copy of each of the last 12 months that have a copy; delete every other copy. Days
on which the app was not used do not use up the allowance, so an old copy is never deleted only
because time passed, and the newest copy is always kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"
_LABEL = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<label>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<stamp>\d{8}-\d{6})(?:-(?P<serial>[1-9]\d*))?"
    + re.escape(SUFFIX)
    + "$"
)


def is_valid_label(label: str) -> bool:
    """True for a label of lower-case letters, digits and single hyphens (``daily``, ``before-import``)."""
    return bool(_LABEL.match(label))


@dataclass(frozen=True)
class BackupName:
    """The parts of a copy's file name."""

    stem: str
    label: str
    taken_at: datetime
    serial: int = 0

    @property
    def sort_key(self) -> tuple[datetime, int, str, str]:
        """Oldest first by time, then serial (label and stem only make the order total)."""
        return self.taken_at, self.serial, self.label, self.stem

    @property
    def file_name(self) -> str:
        """The file name, e.g. ``desk.daily.20250301-081502.sqlite3``."""
        serial = f"-{self.serial}" if self.serial else ""
        return f"{self.stem}.{self.label}.{self.taken_at.strftime(_STAMP)}{serial}{SUFFIX}"

    @classmethod
    def parse(cls, file_name: str) -> BackupName | None:
        """The parts of ``file_name``, or None when it is not a copy's name."""
        match = _NAME.match(file_name)
        if not match:
            return None
        try:
            taken_at = datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            return None
        return cls(match["stem"], match["label"], taken_at, int(match["serial"] or 0))


@dataclass(frozen=True)
class RetentionPolicy:
    """How many days and months keep their newest copy."""

    daily: int = 30
    monthly: int = 12

    def __post_init__(self) -> None:
        if self.daily < 1 or self.monthly < 0:
            raise ValueError("retention must keep at least one daily copy")


@dataclass(frozen=True)
class RetentionPlan:
    """The copies to keep and to delete, each list newest first."""

    keep: list[BackupName]
    delete: list[BackupName]


def _newest_per_period(
    newest_first: list[BackupName], period: Callable[[datetime], Hashable], limit: int
) -> set[BackupName]:
    kept: dict[Hashable, BackupName] = {}
    for copy in newest_first:
        key = period(copy.taken_at)
        if key not in kept:
            if len(kept) == limit:
                break
            kept[key] = copy
    return set(kept.values())


def plan_retention(copies: Iterable[BackupName], policy: RetentionPolicy = RetentionPolicy()) -> RetentionPlan:
    """Split the copies of one database into those to keep and those to delete (see module doc)."""
    newest_first = sorted(set(copies), key=lambda c: c.sort_key, reverse=True)
    keep = _newest_per_period(newest_first, lambda t: t.date(), policy.daily)
    keep |= _newest_per_period(newest_first, lambda t: (t.year, t.month), policy.monthly)
    return RetentionPlan([c for c in newest_first if c in keep], [c for c in newest_first if c not in keep])
