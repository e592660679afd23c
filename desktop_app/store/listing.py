"""Generic SQL-backed lists for large tables: ids first (filtered and sorted in SQL), rows by page.

A list is described once by its repository (FROM clause, columns, search expressions and named
filters, all fixed SQL fragments); user input only ever reaches SQL as bound parameters. The UI's
table model asks for the ordered id list of a query, then fetches the rows it shows in pages by
id — random access without deep OFFSET scans.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from desktop_app.domain.list_query import ListQuery

_MAX_VARIABLES = 500


@dataclass(frozen=True)
class ListColumn:
    """A column of a list: its key (used by the UI and for sorting) and SQL expression."""

    key: str
    expression: str
    sortable: bool = True


class SqlList:
    """A list over one FROM clause with a fixed set of columns, search expressions and filters."""

    def __init__(
        self,
        db: Database,
        *,
        from_sql: str,
        id_expression: str,
        columns: Sequence[ListColumn],
        search_expressions: Sequence[str] = (),
        filters: Mapping[str, str] | None = None,
        default_order: str | None = None,
    ):
        self._db = db
        self._from = from_sql
        self._id = id_expression
        self.columns = tuple(columns)
        self._by_key = {c.key: c for c in self.columns}
        self._search = tuple(search_expressions)
        self._filters = dict(filters or {})
        self._default_order = default_order or id_expression
        self._always: tuple[tuple[str, tuple[Any, ...]], ...] = ()

    def restricted(self, fragment: str, *params: Any) -> SqlList:
        """A copy that always applies ``fragment`` (e.g. the user's division scope), whatever the query."""
        copy = SqlList.__new__(SqlList)
        copy.__dict__.update(self.__dict__)
        copy._always = self._always + ((fragment, params),)
        return copy

    @property
    def column_keys(self) -> list[str]:
        """Keys of the columns, in display order."""
        return [c.key for c in self.columns]

    def _where(self, query: ListQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = [f"({fragment})" for fragment, _ in self._always]
        params: list[Any] = [value for _, values in self._always for value in values]
        text = query.search.strip()
        if text and self._search:
            pattern = f"%{text.lower()}%"
            clauses.append("(" + " OR ".join(f"{expr} LIKE ?" for expr in self._search) + ")")
            params.extend([pattern] * len(self._search))
        for name, value in query.filters.items():
            if value is None or value == "":
                continue
            try:
                fragment = self._filters[name]
            except KeyError:
                raise ValueError(f"unknown filter {name!r}") from None
            clauses.append(f"({fragment})")
            params.extend([value] * fragment.count("?"))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def fetch_ids(self, query: ListQuery) -> list[Any]:
        """Ids of the rows matching ``query``, in display order."""
        where, params = self._where(query)
        order = self._default_order
        if query.sort_key:
            column = self._by_key.get(query.sort_key)
            if column is None or not column.sortable:
                raise ValueError(f"cannot sort by {query.sort_key!r}")
            direction = "DESC" if query.descending else "ASC"
            order = f"{column.expression} {direction}, {self._id} {direction}"
        elif query.descending:
            order = f"{self._default_order} DESC"
        sql = f"SELECT {self._id} FROM {self._from}{where} ORDER BY {order}"
        return [row[0] for row in self._db.execute(sql, params).fetchall()]

    def count(self, query: ListQuery) -> int:
        """How many rows match ``query``."""
        where, params = self._where(query)
        return self._db.execute(f"SELECT count(*) FROM {self._from}{where}", params).fetchone()[0]

    def fetch_rows(self, ids: Sequence[Any]) -> dict[Any, tuple]:
        """The column values of the rows with these ids, keyed by id."""
        selected = ", ".join(c.expression for c in self.columns)
        result: dict[Any, tuple] = {}
        for start in range(0, len(ids), _MAX_VARIABLES):
            chunk = list(ids[start : start + _MAX_VARIABLES])
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {self._id}, {selected} FROM {self._from} WHERE {self._id} IN ({marks})"
            for row in self._db.execute(sql, chunk).fetchall():
                result[row[0]] = tuple(row[1:])
        return result
