"""The decided rule catalogue (``resources/policy/rules.json``) as immutable Python objects.

Every number a rule uses lives in an entry's ``params``; code reads it from here. Successor
entries (a new document replacing an old one) share a *base id* and carry a suffix such as
``@2026``; :meth:`Catalogue.in_force` picks the entry whose window covers a given date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.domain.errors import NotFound


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Document:
    """A source document of the catalogue (e.g. 焦政办〔2023〕32号)."""

    id: str
    title: str
    issued: date | None
    valid_to: date | None


@dataclass(frozen=True)
class RuleEntry:
    """One rule of the catalogue with its parameters, window and decided reading."""

    id: str
    title: str
    applies_to: str
    source_doc: str
    source_item: str
    kind: str
    params: Mapping[str, Any] = field(hash=False)
    valid_from: date | None
    valid_to: date | None
    due: date | None
    after_valid_to: str
    decision: str
    raw: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def base_id(self) -> str:
        """The id without a successor suffix (``ib.startup_subsidy@2026`` → ``ib.startup_subsidy``)."""
        return self.id.split("@", 1)[0]

    @property
    def citation(self) -> str:
        """Document number and item, e.g. ``焦政办〔2023〕32号 三（一）1``, shown beside every result."""
        return f"{self.source_doc} {self.source_item}".strip()

    def covers(self, day: date) -> bool:
        """True when ``day`` lies inside [valid_from, valid_to] (open ends count as covered)."""
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_to and day > self.valid_to:
            return False
        return True

    def param(self, name: str) -> Any:
        """Return parameter ``name``; raise KeyError naming the rule when the catalogue lacks it."""
        try:
            return self.params[name]
        except KeyError:
            raise KeyError(f"rule {self.id} has no parameter {name!r}") from None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RuleEntry:
        """Build an entry from one object of ``rules.json``."""
        source = data.get("source") or {}
        return cls(
            id=data["id"],
            title=data.get("title", ""),
            applies_to=data.get("applies_to", ""),
            source_doc=source.get("doc", ""),
            source_item=source.get("item", ""),
            kind=data.get("kind", ""),
            params=_freeze(dict(data.get("params") or {})),
            valid_from=_parse_date(data.get("valid_from")),
            valid_to=_parse_date(data.get("valid_to")),
            due=_parse_date(data.get("due")),
            after_valid_to=data.get("after_valid_to", "stays"),
            decision=data.get("decision", ""),
            raw=_freeze(dict(data)),
        )


@dataclass(frozen=True)
class Catalogue:
    """The whole catalogue: version, documents and entries keyed by id (successors included)."""

    version: str
    documents: Mapping[str, Document]
    entries: Mapping[str, RuleEntry]
    conventions: Mapping[str, str] = field(default_factory=dict)

    def __iter__(self) -> Iterator[RuleEntry]:
        return iter(self.entries.values())

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self.entries

    def get(self, rule_id: str) -> RuleEntry:
        """Return the entry with exactly this id; raise NotFound otherwise."""
        try:
            return self.entries[rule_id]
        except KeyError:
            raise NotFound(f"规则 {rule_id} 不在规则目录中") from None

    def with_prefix(self, prefix: str) -> list[RuleEntry]:
        """Entries whose id starts with ``prefix`` (e.g. ``hc.``), in catalogue order."""
        return [e for e in self.entries.values() if e.id.startswith(prefix)]

    def family(self, base_id: str) -> list[RuleEntry]:
        """The entry ``base_id`` and its successors, ordered by valid_from (oldest first)."""
        members = [e for e in self.entries.values() if e.base_id == base_id]
        return sorted(members, key=lambda e: (e.valid_from or date.min, e.id))

    def in_force(self, base_id: str, day: date) -> RuleEntry | None:
        """The newest entry of the family whose window covers ``day``, or None if none does."""
        covering = [e for e in self.family(base_id) if e.covers(day)]
        return covering[-1] if covering else None

    def latest(self, base_id: str, day: date) -> RuleEntry:
        """The entry that governs ``day`` for standards that *stay* after their window.

        The newest family member that has started by ``day``; if none has started, the oldest.
        """
        family = self.family(base_id)
        if not family:
            raise NotFound(f"规则 {base_id} 不在规则目录中")
        started = [e for e in family if e.valid_from is None or e.valid_from <= day]
        return started[-1] if started else family[0]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Catalogue:
        """Build a catalogue from the parsed ``rules.json`` object."""
        documents = {
            d["id"]: Document(d["id"], d.get("title", ""), _parse_date(d.get("issued")), _parse_date(d.get("valid_to")))
            for d in data.get("documents", [])
        }
        entries: dict[str, RuleEntry] = {}
        for item in data.get("rules", []):
            entry = RuleEntry.from_json(item)
            if entry.id in entries:
                raise ValueError(f"duplicate rule id {entry.id} in catalogue")
            entries[entry.id] = entry
        return cls(
            version=str(data.get("version", "")),
            documents=MappingProxyType(documents),
            entries=MappingProxyType(entries),
            conventions=MappingProxyType(dict(data.get("conventions") or {})),
        )

    @classmethod
    def load(cls, path: Path) -> Catalogue:
        """Read and parse a catalogue file (UTF-8 JSON)."""
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
