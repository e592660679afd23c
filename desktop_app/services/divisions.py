"""Division registry use cases: load the shipped codes, show the tree, search by name or pinyin."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.divisions import Division, parse_divisions_csv
from desktop_app.domain.errors import NotFound
from desktop_app.domain.text import pinyin_full, pinyin_initials
from desktop_app.resources import resource_path
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.store import audit, divisions_repo
from desktop_app.store.connection import write_transaction

DIVISIONS_FILE = ("data", "jiaozuo_divisions_2023.csv")


@dataclass(frozen=True)
class DivisionNode:
    """A division with the number of villages/communities registered under it."""

    division: Division
    village_count: int
    search_text: str = ""


def load_division_registry(ctx: ServiceContext) -> Changes:
    """Load (or refresh) the city, 11 county-level units and 112 townships from resources/data."""
    divisions = parse_divisions_csv(resource_path(*DIVISIONS_FILE).read_text(encoding="utf-8"))
    with write_transaction(ctx.db):
        before = divisions_repo.count(ctx.db)
        n = divisions_repo.upsert_all(ctx.db, ((d, pinyin_initials(d.name), pinyin_full(d.name)) for d in divisions))
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "load_divisions", "divisions", None, None, {"rows": n})])
    return Changes(frozenset({"divisions"}), inserted=n - before, updated=before)


def division_tree(ctx: ServiceContext) -> list[DivisionNode]:
    """Every division (parents first) with its village count (townships: own; above: summed)."""
    divisions = divisions_repo.all_divisions(ctx.db)
    counts = dict(divisions_repo.village_counts(ctx.db))
    for d in reversed(divisions):
        if d.parent_code:
            counts[d.parent_code] = counts.get(d.parent_code, 0) + counts.get(d.code, 0)
    keys = divisions_repo.search_keys(ctx.db)
    return [DivisionNode(d, counts.get(d.code, 0), keys.get(d.code, "")) for d in divisions]


def find_divisions(ctx: ServiceContext, text: str) -> list[Division]:
    """Divisions matching ``text`` by name, code, pinyin initials (``xwx`` → 修武县) or full pinyin."""
    if not text.strip():
        return []
    return divisions_repo.search(ctx.db, text)


def get_division(ctx: ServiceContext, code: str) -> Division:
    """The division with this code; NotFound otherwise."""
    division = divisions_repo.get(ctx.db, code)
    if division is None:
        raise NotFound(f"区划代码 {code} 不存在")
    return division
