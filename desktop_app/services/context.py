"""The service context: the open database, the acting user and the loaded rule catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlite_utils import Database

from desktop_app.domain.actor import Actor
from desktop_app.domain.rules.catalogue import Catalogue
from desktop_app.resources import resource_path
from desktop_app.store import meta


@dataclass(frozen=True)
class Changes:
    """What a write changed, so views can refresh lazily (like Anki's OpChanges)."""

    tables: frozenset[str] = frozenset()
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    keys: tuple[str, ...] = ()

    def touches(self, table: str) -> bool:
        """True when the write touched ``table``."""
        return table in self.tables


@dataclass
class ServiceContext:
    """Everything a service function needs. Created once per database and thread of use."""

    db: Database
    actor: Actor
    db_path: Path
    catalogue_path: Path = field(default_factory=lambda: resource_path("policy", "rules.json"))
    cache: dict = field(default_factory=dict)  # per-context memo of derived results (e.g. evaluations)

    @cached_property
    def catalogue(self) -> Catalogue:
        """The shipped rule catalogue, loaded on first use."""
        return Catalogue.load(self.catalogue_path)

    @property
    def demo_dataset(self) -> str | None:
        """``small``/``city`` when this database holds generated demo data, else None."""
        return meta.get(self.db, meta.DEMO_DATASET)

    def close(self) -> None:
        """Close the database connection."""
        self.db.conn.close()
