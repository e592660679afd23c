"""What a user asks of a list: search text, named filters, sort column and direction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ListQuery:
    """Search text, named filter values (None/"" = no filter), sort key and direction."""

    search: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False
