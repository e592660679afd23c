"""Businesses (个体工商户) and person statuses (人员身份): reads, writes and the searchable list.

Codes and ID numbers are stored upper case. The business list searches as you type with index
range scans (prefixes of name, pinyin initials, credit code, operator name and ID number) plus a
substring match on the name, so it stays well under 100 ms on 100,000 businesses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from desktop_app.domain.business.entities import Business, PersonStatus
from desktop_app.domain.list_query import ListQuery
from desktop_app.store.listing import ListColumn, SqlList
from desktop_app.store.records import RecordMapper

MAPPER = RecordMapper(Business)
STATUS_MAPPER = RecordMapper(PersonStatus)
_SELECT = f"SELECT {MAPPER.column_list} FROM businesses"
_STATUS_SELECT = f"SELECT {STATUS_MAPPER.column_list} FROM person_statuses"
SEARCH_FILTER = "search"


@dataclass(frozen=True)
class StoredBusiness:
    """A business as stored, with its row version and demo marking."""

    business: Business
    row_version: int
    is_demo: bool


def _placement(business: Business, initials: str) -> list[Any]:
    return [business.county_code, initials]


def get(db: Database, uscc: str) -> StoredBusiness | None:
    """The business with exactly this credit code (not an enterprise code), or None."""
    row = db.execute(f"SELECT {MAPPER.column_list}, row_version, is_demo FROM businesses WHERE uscc = ?", [uscc]).fetchone()
    return StoredBusiness(MAPPER.from_row(row[:-2]), row[-2], bool(row[-1])) if row else None


def find_by_code(db: Database, code: str) -> Business | None:
    """The business whose credit code or post-conversion enterprise code is ``code``."""
    row = db.conn.execute(f"{_SELECT} WHERE uscc = ?", [code]).fetchone()
    if row is None:
        row = db.conn.execute(f"{_SELECT} WHERE enterprise_uscc = ?", [code]).fetchone()
    return MAPPER.from_row(row) if row else None


def of_operator(db: Database, id_number: str) -> list[Business]:
    """Every business (any status) whose operator has this ID number, oldest registration first."""
    rows = db.conn.execute(f"{_SELECT} WHERE operator_id_number = ? ORDER BY registered_on, uscc", [id_number]).fetchall()
    return [MAPPER.from_row(r) for r in rows]


def all_rows(db: Database) -> list[tuple]:
    """Every business as raw column values in :data:`MAPPER` order (bulk evaluation builds records lazily)."""
    return db.conn.execute(_SELECT).fetchall()


def all_status_rows(db: Database) -> list[tuple]:
    """Every person status as raw column values in :data:`STATUS_MAPPER` order."""
    return db.conn.execute(f"{_STATUS_SELECT} ORDER BY id_number, since, status").fetchall()


def all_businesses(db: Database) -> list[Business]:
    """Every business in credit-code order (export, fraud signals)."""
    return [MAPPER.from_row(r) for r in db.execute(f"{_SELECT} ORDER BY uscc").fetchall()]


def code_owner(db: Database, code: str) -> str | None:
    """The credit code of the business using ``code`` as its own or its enterprise code, or None."""
    row = db.execute("SELECT uscc FROM businesses WHERE uscc = ?1 OR enterprise_uscc = ?1 LIMIT 1", [code]).fetchone()
    return row[0] if row else None


def insert_many(db: Database, businesses: Iterable[tuple[Business, str]], *, is_demo: bool = False) -> int:
    """Insert businesses, each with the pinyin initials of its name; return the count."""
    rows = [MAPPER.to_row(b) + _placement(b, initials) + [int(is_demo)] for b, initials in businesses]
    db.conn.executemany(
        f"INSERT INTO businesses ({MAPPER.column_list}, county_code, pinyin_initials, is_demo)"
        f" VALUES ({MAPPER.placeholders}, ?, ?, ?)",
        rows,
    )
    return len(rows)


def update_many(db: Database, businesses: Iterable[tuple[Business, str]]) -> int:
    """Replace the stored values of existing businesses (bumping row versions); return the count."""
    assignments = ", ".join(f"{c} = ?" for c in MAPPER.columns[1:])
    rows = [MAPPER.to_row(b)[1:] + _placement(b, initials) + [b.uscc] for b, initials in businesses]
    db.conn.executemany(
        f"UPDATE businesses SET {assignments}, county_code = ?, pinyin_initials = ?, row_version = row_version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE uscc = ?",
        rows,
    )
    return len(rows)


def count(db: Database) -> int:
    """Number of businesses."""
    return db.execute("SELECT count(*) FROM businesses").fetchone()[0]


def statuses_of(db: Database, id_number: str) -> list[PersonStatus]:
    """Every group membership recorded for this ID number, in group order of entry."""
    rows = db.conn.execute(f"{_STATUS_SELECT} WHERE id_number = ? ORDER BY since, status", [id_number]).fetchall()
    return [STATUS_MAPPER.from_row(r) for r in rows]


def get_status(db: Database, id_number: str, status: str) -> PersonStatus | None:
    """One group membership, or None."""
    row = db.execute(f"{_STATUS_SELECT} WHERE id_number = ? AND status = ?", [id_number, status]).fetchone()
    return STATUS_MAPPER.from_row(row) if row else None


def all_statuses(db: Database) -> list[PersonStatus]:
    """Every person status, by ID number and group (export)."""
    return [STATUS_MAPPER.from_row(r) for r in db.execute(f"{_STATUS_SELECT} ORDER BY id_number, status").fetchall()]


def upsert_statuses(db: Database, statuses: Iterable[PersonStatus], *, is_demo: bool = False) -> int:
    """Insert or replace person statuses keyed by (ID number, group); return the count."""
    rows = [STATUS_MAPPER.to_row(s) + [int(is_demo)] for s in statuses]
    db.conn.executemany(
        f"INSERT INTO person_statuses ({STATUS_MAPPER.column_list}, is_demo) VALUES ({STATUS_MAPPER.placeholders}, ?)"
        " ON CONFLICT(id_number, status) DO UPDATE SET name = excluded.name, since = excluded.since, until = excluded.until",
        rows,
    )
    return len(rows)


def delete_status(db: Database, id_number: str, status: str) -> bool:
    """Delete one group membership; False when it did not exist."""
    return db.execute("DELETE FROM person_statuses WHERE id_number = ? AND status = ?", [id_number, status]).rowcount == 1


def _prefix(expression: str, normalise: str = "?") -> str:
    """``expression`` starts with the bound text: an index range, never a LIKE scan."""
    return f"{expression} >= {normalise} AND {expression} < {normalise} || char(1114111)"


# Credit codes share their first 8 characters (92 + the division code) and ID numbers their first 4
# across the city, so shorter code prefixes would select everything: they are searched from
# CODE_SEARCH_MIN / ID_SEARCH_MIN characters on.
CODE_SEARCH_MIN = 8
ID_SEARCH_MIN = 6
# One character matches the start of a name; from two on, any part (a lone 店 would match most names).
NAME_PART_MIN = 2

# One bound value (the search text) fills every ``?``: each branch is an index range scan except
# the substring match on the name, which scans one narrow covering index.
_BUSINESS_SEARCH = (
    "b.rowid IN ("
    f"SELECT rowid FROM businesses WHERE length(?) >= {CODE_SEARCH_MIN} AND {_prefix('uscc', 'upper(?)')}"
    f" UNION ALL SELECT rowid FROM businesses WHERE length(?) >= {CODE_SEARCH_MIN} AND {_prefix('enterprise_uscc', 'upper(?)')}"
    f" UNION ALL SELECT rowid FROM businesses WHERE {_prefix('pinyin_initials', 'lower(?)')}"
    f" UNION ALL SELECT rowid FROM businesses WHERE {_prefix('operator_name')}"
    f" UNION ALL SELECT rowid FROM businesses WHERE length(?) >= {ID_SEARCH_MIN} AND {_prefix('operator_id_number', 'upper(?)')}"
    f" UNION ALL SELECT rowid FROM businesses WHERE {_prefix('name')}"
    f" UNION ALL SELECT rowid FROM businesses INDEXED BY businesses_name WHERE length(?) >= {NAME_PART_MIN} AND instr(name, ?) > 0)"
)


class SearchableList:
    """A :class:`SqlList` whose search text goes to a fixed, index-friendly ``search`` filter.

    Same interface as SqlList (``column_keys``, ``fetch_ids``, ``count``, ``fetch_rows``), so the
    UI's paged model takes either; the search text of a :class:`ListQuery` is stripped and, when
    not blank, bound to the list's ``search`` filter instead of SqlList's ``%text%`` scan.
    """

    def __init__(self, inner: SqlList):
        self._inner = inner
        self.columns = inner.columns

    @property
    def column_keys(self) -> list[str]:
        """Keys of the columns, in display order."""
        return self._inner.column_keys

    def restricted(self, fragment: str, *params: Any) -> SearchableList:
        """A copy that always applies ``fragment`` (e.g. the user's division scope)."""
        return SearchableList(self._inner.restricted(fragment, *params))

    @staticmethod
    def _rewrite(query: ListQuery) -> ListQuery:
        text = query.search.strip()
        filters = {k: v for k, v in query.filters.items() if k != SEARCH_FILTER}
        if text:
            filters[SEARCH_FILTER] = text
        return replace(query, search="", filters=filters)

    def fetch_ids(self, query: ListQuery) -> list[Any]:
        """Ids of the rows matching ``query``, in display order."""
        return self._inner.fetch_ids(self._rewrite(query))

    def count(self, query: ListQuery) -> int:
        """How many rows match ``query``."""
        return self._inner.count(self._rewrite(query))

    def fetch_rows(self, ids: Sequence[Any]) -> dict[Any, tuple]:
        """The column values of the rows with these ids, keyed by id."""
        return self._inner.fetch_rows(ids)


BUSINESS_LIST_COLUMNS = ("uscc", "name", "operator_name", "operator_id", "township", "industry", "tier", "status",
                         "registered_on", "is_demo")


def business_list(db: Database) -> SearchableList:
    """The business list: search as you type — any part of the name (its start for a single
    character), prefixes of the pinyin initials and operator name, and (from 8 / 6 characters) of the credit or enterprise code and
    the operator's ID number; filters ``township``, ``county``, ``tier``, ``status``,
    ``operator_id_number``, ``is_demo``. Ordered by name; the operator's ID number is masked.
    """
    return SearchableList(SqlList(
        db,
        from_sql="businesses b",
        id_expression="b.rowid",
        columns=[
            ListColumn("uscc", "b.uscc"),
            ListColumn("name", "b.name"),
            ListColumn("operator_name", "b.operator_name"),
            ListColumn("operator_id", "CASE WHEN b.operator_id_number IS NULL THEN NULL"
                                      " ELSE substr(b.operator_id_number, 1, 4) || '**********' || substr(b.operator_id_number, 15) END",
                       sortable=False),
            ListColumn("township", "(SELECT t.name FROM divisions t WHERE t.code = b.township_code)"),
            ListColumn("industry", "b.industry"),
            ListColumn("tier", "b.tier"),
            ListColumn("status", "b.status"),
            ListColumn("registered_on", "b.registered_on"),
            ListColumn("is_demo", "b.is_demo"),
        ],
        filters={
            SEARCH_FILTER: _BUSINESS_SEARCH,
            "township": "b.township_code = ?",
            "county": "b.county_code = ?",
            "tier": "b.tier = ?",
            "status": "b.status = ?",
            "operator_id_number": "b.operator_id_number = upper(?)",
            "is_demo": "b.is_demo = ?",
        },
        default_order="b.name, b.rowid",
    ))
