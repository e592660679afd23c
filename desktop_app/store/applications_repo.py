"""Applications (政策申请) with their workflow fields, transition events, hired persons, receipt and
notice serials, one-time notices of missing materials, the work lists and the SQL eligibility history.

An application's facts are stored as a JSON object of workbook texts keyed by the Chinese fact key
(``{"连续纳税月数": "3"}``), so the engine reads them exactly as it reads an imported row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlite_utils import Database

from desktop_app.domain.business.entities import Application, Business, PersonStatus
from desktop_app.store import businesses_repo
from desktop_app.store.businesses_repo import SearchableList
from desktop_app.store.listing import ListColumn, SqlList

OPEN_STATUSES = ("已受理", "审核中")
RECEIPT_SERIES = "receipt"
NOTICE_SERIES = "notice"
MAX_SERIAL = 9999
_CHUNK = 500


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Verdict:
    """The engine's last verdict on an application, as stored for lists and the §3 output."""

    eligible: bool
    amount_fen: int | None
    entry_id: str | None
    failed_rules: tuple[str, ...]
    reasons: tuple[str, ...]
    evaluated_at: str


@dataclass(frozen=True)
class ApplicationCase:
    """An application with everything the counter records about it (one row of ``applications``)."""

    application: Application
    county_code: str
    materials_received: tuple[str, ...] = ()
    materials_waived: tuple[str, ...] = ()
    promised_on: date | None = None
    handler: str | None = None
    received_by: str | None = None
    verdict: Verdict | None = None
    approved_amount_fen: int | None = None
    decision_reasons: tuple[str, ...] = ()
    overridden: bool = False
    override_reason: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None
    voucher_no: str | None = None
    paid_on: date | None = None
    paid_amount_fen: int | None = None
    paid_by: str | None = None
    withdrawal_reason: str | None = None
    withdrawn_by: str | None = None
    withdrawn_at: str | None = None
    row_version: int = 1
    is_demo: bool = False

    @property
    def receipt_no(self) -> str:
        """The 受理编号."""
        return self.application.receipt_no

    @property
    def status(self) -> str:
        """The application's status (已受理 … 已撤回)."""
        return self.application.status

    def audit_view(self) -> dict[str, Any]:
        """The case as a flat JSON-able dict for the audit trail (facts included)."""
        app = self.application
        return {
            "receipt_no": app.receipt_no, "policy_id": app.policy_id, "uscc": app.uscc, "id_number": app.id_number,
            "received_on": app.received_on.isoformat(), "amount_requested_fen": app.amount_requested_fen,
            "facts": dict(app.facts), "status": app.status, "county_code": self.county_code,
            "materials_received": list(self.materials_received), "materials_waived": list(self.materials_waived),
            "promised_on": self.promised_on, "handler": self.handler, "approved_amount_fen": self.approved_amount_fen,
            "decision_reasons": list(self.decision_reasons), "overridden": self.overridden,
            "override_reason": self.override_reason, "decided_by": self.decided_by, "voucher_no": self.voucher_no,
            "paid_on": self.paid_on, "paid_amount_fen": self.paid_amount_fen, "withdrawal_reason": self.withdrawal_reason,
        }


_APP_COLUMNS = ("receipt_no", "policy_id", "received_on", "uscc", "id_number", "amount_requested_fen", "facts_json", "status")
_CASE_COLUMNS = (
    "county_code", "materials_received_json", "materials_waived_json", "promised_on", "handler", "received_by",
    "eligible", "eligible_amount_fen", "eligibility_entry_id", "eligibility_json", "evaluated_at",
    "approved_amount_fen", "decision_reasons_json", "overridden", "override_reason", "decided_by", "decided_at",
    "voucher_no", "paid_on", "paid_amount_fen", "paid_by", "withdrawal_reason", "withdrawn_by", "withdrawn_at",
)
_APP_SELECT = ", ".join(f"a.{c}" for c in _APP_COLUMNS)
_CASE_SELECT = f"{_APP_SELECT}, " + ", ".join(f"a.{c}" for c in _CASE_COLUMNS) + ", a.row_version, a.is_demo"


def _application(row: Sequence[Any]) -> Application:
    receipt_no, policy_id, received_on, uscc, id_number, amount, facts, status = row[:8]
    return Application(receipt_no, policy_id, date.fromisoformat(received_on), uscc, id_number, amount, json.loads(facts), status)


def _verdict_values(verdict: Verdict | None) -> list[Any]:
    if verdict is None:
        return [None] * 5
    details = _json({"failed_rules": list(verdict.failed_rules), "reasons": list(verdict.reasons)})
    return [int(verdict.eligible), verdict.amount_fen, verdict.entry_id, details, verdict.evaluated_at]


def _verdict(values: Sequence[Any]) -> Verdict | None:
    eligible, amount, entry_id, details, evaluated_at = values
    if eligible is None:
        return None
    parsed = json.loads(details or "{}")
    return Verdict(bool(eligible), amount, entry_id, tuple(parsed.get("failed_rules", ())), tuple(parsed.get("reasons", ())), evaluated_at)


def _case(row: Sequence[Any]) -> ApplicationCase:
    (county, received, waived, promised, handler, received_by, *verdict) = row[8:19]
    (approved, reasons, overridden, override_reason, decided_by, decided_at, voucher, paid_on, paid_amount, paid_by,
     withdrawal_reason, withdrawn_by, withdrawn_at, row_version, is_demo) = row[19:]
    return ApplicationCase(
        _application(row), county, tuple(json.loads(received)), tuple(json.loads(waived)), _date(promised), handler,
        received_by, _verdict(verdict), approved, tuple(json.loads(reasons)), bool(overridden), override_reason,
        decided_by, decided_at, voucher, _date(paid_on), paid_amount, paid_by, withdrawal_reason, withdrawn_by,
        withdrawn_at, row_version, bool(is_demo),
    )


def _values(case: ApplicationCase) -> list[Any]:
    app = case.application
    return [
        app.receipt_no, app.policy_id, app.received_on.isoformat(), app.uscc, app.id_number, app.amount_requested_fen,
        _json(dict(app.facts)), app.status,
        case.county_code, _json(list(case.materials_received)), _json(list(case.materials_waived)),
        case.promised_on.isoformat() if case.promised_on else None, case.handler, case.received_by,
        *_verdict_values(case.verdict),
        case.approved_amount_fen, _json(list(case.decision_reasons)), int(case.overridden), case.override_reason,
        case.decided_by, case.decided_at, case.voucher_no, case.paid_on.isoformat() if case.paid_on else None,
        case.paid_amount_fen, case.paid_by, case.withdrawal_reason, case.withdrawn_by, case.withdrawn_at,
    ]


def get(db: Database, receipt_no: str) -> ApplicationCase | None:
    """The application with this receipt number, or None."""
    row = db.execute(f"SELECT {_CASE_SELECT} FROM applications a WHERE a.receipt_no = ?", [receipt_no]).fetchone()
    return _case(row) if row else None


def exists(db: Database, receipt_no: str) -> bool:
    """True when an application has this receipt number."""
    return db.execute("SELECT 1 FROM applications WHERE receipt_no = ?", [receipt_no]).fetchone() is not None


def existing_receipts(db: Database, receipt_nos: Iterable[str]) -> set[str]:
    """Which of these receipt numbers are taken."""
    found: set[str] = set()
    codes = list(dict.fromkeys(receipt_nos))
    for start in range(0, len(codes), _CHUNK):
        chunk = codes[start : start + _CHUNK]
        rows = db.execute(f"SELECT receipt_no FROM applications WHERE receipt_no IN ({', '.join('?' * len(chunk))})", chunk)
        found.update(r[0] for r in rows.fetchall())
    return found


_ALL_COLUMNS = _APP_COLUMNS + _CASE_COLUMNS


def insert_many(db: Database, cases: Iterable[tuple[ApplicationCase, Sequence[str]]], *, is_demo: bool = False) -> int:
    """Insert applications, each with the ID numbers it lists as hired (招用人员); return the count."""
    cases = list(cases)
    db.conn.executemany(
        f"INSERT INTO applications ({', '.join(_ALL_COLUMNS)}, base_policy_id, is_demo)"
        f" VALUES ({', '.join('?' * len(_ALL_COLUMNS))}, ?, ?)",
        [_values(c) + [c.application.base_policy_id, int(is_demo)] for c, _ in cases],
    )
    db.conn.executemany(
        "INSERT INTO application_hires (hired_id_number, receipt_no) VALUES (?, ?)",
        [(h, c.receipt_no) for c, hires in cases for h in dict.fromkeys(hires)],
    )
    return len(cases)


def update(db: Database, case: ApplicationCase, hires: Sequence[str], *, expected_version: int) -> bool:
    """Replace an application's stored values and hired persons; False when missing or changed meanwhile."""
    assignments = ", ".join(f"{c} = ?" for c in _ALL_COLUMNS[1:])
    changed = db.execute(
        f"UPDATE applications SET {assignments}, base_policy_id = ?, row_version = row_version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE receipt_no = ? AND row_version = ?",
        _values(case)[1:] + [case.application.base_policy_id, case.receipt_no, expected_version],
    ).rowcount == 1
    if changed:
        db.execute("DELETE FROM application_hires WHERE receipt_no = ?", [case.receipt_no])
        db.conn.executemany("INSERT INTO application_hires (hired_id_number, receipt_no) VALUES (?, ?)",
                            [(h, case.receipt_no) for h in dict.fromkeys(hires)])
    return changed


def store_verdicts(db: Database, verdicts: Iterable[tuple[str, Verdict]]) -> int:
    """Store the engine's verdicts by receipt number (no row-version bump: derived data); return the count."""
    rows = [_verdict_values(v) + [receipt_no] for receipt_no, v in verdicts]
    db.conn.executemany(
        "UPDATE applications SET eligible = ?, eligible_amount_fen = ?, eligibility_entry_id = ?, eligibility_json = ?,"
        " evaluated_at = ? WHERE receipt_no = ?",
        rows,
    )
    return len(rows)


def of_business(db: Database, codes: Sequence[str]) -> list[ApplicationCase]:
    """Applications made under any of these credit codes, newest first."""
    marks = ", ".join("?" * len(codes))
    rows = db.execute(f"SELECT {_CASE_SELECT} FROM applications a WHERE a.uscc IN ({marks})"
                      " ORDER BY a.received_on DESC, a.receipt_no DESC", list(codes)).fetchall()
    return [_case(r) for r in rows]


def hires_of(db: Database, receipt_no: str) -> list[str]:
    """The hired ID numbers recorded for an application."""
    rows = db.execute("SELECT hired_id_number FROM application_hires WHERE receipt_no = ? ORDER BY hired_id_number", [receipt_no])
    return [r[0] for r in rows.fetchall()]


def receipt_of_voucher(db: Database, voucher_no: str) -> str | None:
    """The receipt number of the application paid with this voucher, or None."""
    row = db.execute("SELECT receipt_no FROM applications WHERE voucher_no = ?", [voucher_no]).fetchone()
    return row[0] if row else None


def stored_verdicts(db: Database) -> dict[str, tuple[bool, int | None]]:
    """(eligible, amount fen) of every evaluated application by receipt number."""
    rows = db.execute("SELECT receipt_no, eligible, eligible_amount_fen FROM applications WHERE eligible IS NOT NULL")
    return {r[0]: (bool(r[1]), r[2]) for r in rows.fetchall()}


def count(db: Database, *, received_until: date | None = None) -> int:
    """Number of applications (received on or before a day, when given)."""
    if received_until is None:
        return db.execute("SELECT count(*) FROM applications").fetchone()[0]
    return db.execute("SELECT count(*) FROM applications WHERE received_on <= ?", [received_until.isoformat()]).fetchone()[0]


def iter_applications(db: Database, *, received_until: date | None = None, batch: int = 5000) -> Iterator[list[Application]]:
    """Every application (optionally received on or before a day) in receipt order, in batches."""
    last = ""
    limit_day = received_until.isoformat() if received_until else "9999-12-31"
    while True:
        rows = db.execute(
            f"SELECT {_APP_SELECT} FROM applications a WHERE a.receipt_no > ? AND a.received_on <= ?"
            " ORDER BY a.receipt_no LIMIT ?",
            [last, limit_day, batch],
        ).fetchall()
        if not rows:
            return
        yield [_application(r) for r in rows]
        last = rows[-1][0]


def next_serial(db: Database, series: str, prefix: str) -> int | None:
    """Take the next serial (1…9999) of ``series`` for ``prefix`` in the caller's transaction; None when used up."""
    row = db.execute("SELECT last_serial FROM desk_serials WHERE series = ? AND prefix = ?", [series, prefix]).fetchone()
    serial = (row[0] if row else 0) + 1
    if serial > MAX_SERIAL:
        return None
    db.execute(
        "INSERT INTO desk_serials (series, prefix, last_serial) VALUES (?, ?, ?)"
        " ON CONFLICT(series, prefix) DO UPDATE SET last_serial = excluded.last_serial",
        [series, prefix, serial],
    )
    return serial


@dataclass(frozen=True)
class ApplicationEvent:
    """One transition of an application: who, when, what, from which status to which, and why."""

    receipt_no: str
    at: str
    actor: str
    action: str
    from_status: str | None
    to_status: str
    note: str = ""


def add_events(db: Database, events: Iterable[ApplicationEvent]) -> None:
    """Append transition events in the caller's transaction."""
    db.conn.executemany(
        "INSERT INTO application_events (receipt_no, at, actor, action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(e.receipt_no, e.at, e.actor, e.action, e.from_status, e.to_status, e.note) for e in events],
    )


def events_of(db: Database, receipt_no: str) -> list[ApplicationEvent]:
    """The transitions of one application, oldest first."""
    rows = db.execute("SELECT receipt_no, at, actor, action, from_status, to_status, note FROM application_events"
                      " WHERE receipt_no = ? ORDER BY id", [receipt_no]).fetchall()
    return [ApplicationEvent(*r) for r in rows]


@dataclass(frozen=True)
class MaterialNotice:
    """A one-time notice (一次性告知) of every missing material, kept so it can be printed later."""

    notice_no: str
    policy_id: str
    policy_title: str
    citation: str
    county_code: str
    issued_on: date
    issued_by: str
    issued_at: str
    materials_required: tuple[str, ...]
    materials_received: tuple[str, ...]
    materials_missing: tuple[str, ...]
    materials_waived: tuple[str, ...] = ()
    uscc: str | None = None
    id_number: str | None = None
    applicant_name: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    amount_requested_fen: int | None = None


_NOTICE_COLUMNS = ("notice_no", "policy_id", "policy_title", "citation", "county_code", "issued_on", "issued_by", "issued_at",
                   "materials_required_json", "materials_received_json", "materials_missing_json", "materials_waived_json",
                   "uscc", "id_number", "applicant_name", "facts_json", "amount_requested_fen")


def insert_notice(db: Database, notice: MaterialNotice, *, is_demo: bool = False) -> None:
    """Store a one-time notice."""
    n = notice
    db.execute(
        f"INSERT INTO missing_material_notices ({', '.join(_NOTICE_COLUMNS)}, is_demo) VALUES ({', '.join('?' * len(_NOTICE_COLUMNS))}, ?)",
        [n.notice_no, n.policy_id, n.policy_title, n.citation, n.county_code, n.issued_on.isoformat(), n.issued_by, n.issued_at,
         _json(list(n.materials_required)), _json(list(n.materials_received)), _json(list(n.materials_missing)),
         _json(list(n.materials_waived)), n.uscc, n.id_number, n.applicant_name, _json(n.facts), n.amount_requested_fen, int(is_demo)],
    )


def get_notice(db: Database, notice_no: str) -> MaterialNotice | None:
    """The notice with this number, or None."""
    row = db.execute(f"SELECT {', '.join(_NOTICE_COLUMNS)} FROM missing_material_notices WHERE notice_no = ?", [notice_no]).fetchone()
    if row is None:
        return None
    values = list(row)
    values[5] = date.fromisoformat(values[5])
    for index in (8, 9, 10, 11):
        values[index] = tuple(json.loads(values[index]))
    values[15] = json.loads(values[15])
    return MaterialNotice(*values)


def notices_of(db: Database, *, uscc: str | None = None, id_number: str | None = None) -> list[str]:
    """Numbers of the notices issued to a business or person, newest first."""
    rows = db.execute("SELECT notice_no FROM missing_material_notices WHERE uscc = ? OR id_number = ?"
                      " ORDER BY issued_on DESC, notice_no DESC", [uscc, id_number]).fetchall()
    return [r[0] for r in rows]


def _prefix(expression: str, normalise: str = "?") -> str:
    return f"{expression} >= {normalise} AND {expression} < {normalise} || char(1114111)"


_CODE_MIN, _ID_MIN = businesses_repo.CODE_SEARCH_MIN, businesses_repo.ID_SEARCH_MIN
# Receipt numbers from 6 characters (the county code), credit codes from 8, ID numbers from 6;
# business names anywhere (from 2 characters; a single one matches the start), pinyin initials as a prefix. One bound value fills every ``?``.
_APPLICATION_SEARCH = (
    "a.rowid IN ("
    f"SELECT rowid FROM applications WHERE length(?) >= {_ID_MIN} AND {_prefix('receipt_no')}"
    f" UNION ALL SELECT rowid FROM applications WHERE length(?) >= {_CODE_MIN} AND {_prefix('uscc', 'upper(?)')}"
    f" UNION ALL SELECT rowid FROM applications WHERE length(?) >= {_ID_MIN} AND {_prefix('id_number', 'upper(?)')}"
    " UNION ALL SELECT x.rowid FROM businesses b JOIN applications x ON x.uscc = b.uscc"
    f" WHERE {_prefix('b.pinyin_initials', 'lower(?)')}"
    " UNION ALL SELECT x.rowid FROM businesses b INDEXED BY businesses_name JOIN applications x ON x.uscc = b.uscc"
    f" WHERE length(?) >= {businesses_repo.NAME_PART_MIN} AND instr(b.name, ?) > 0"
    f" UNION ALL SELECT x.rowid FROM businesses b JOIN applications x ON x.uscc = b.uscc WHERE {_prefix('b.name')})"
)

APPLICATION_LIST_COLUMNS = ("receipt_no", "policy_id", "applicant", "uscc", "id_number", "received_on", "status",
                            "promised_on", "handler", "eligible", "amount_fen", "overridden", "is_demo")


def application_list(db: Database) -> SearchableList:
    """The application list and work lists: search receipt no / credit code / ID / business name or
    initials; filters ``status``, ``open`` (any value: 已受理 or 审核中), ``policy`` (base id),
    ``handler``, ``county``, ``uscc``, ``id_number``, ``due_from`` / ``due_until`` (promised date
    bounds, ISO), ``received_from`` / ``received_until``, ``paid_from`` / ``paid_until`` (payment
    date bounds, ISO), ``eligible`` (0/1), ``overridden`` (0/1).

    ``amount_fen`` is the approved amount once decided, else the engine's amount. ID numbers are masked.
    """
    return SearchableList(SqlList(
        db,
        from_sql="applications a",
        id_expression="a.rowid",
        columns=[
            ListColumn("receipt_no", "a.receipt_no"),
            ListColumn("policy_id", "a.policy_id"),
            ListColumn("applicant", "coalesce((SELECT b.name FROM businesses b WHERE b.uscc = a.uscc),"
                                    " (SELECT b.name FROM businesses b WHERE b.enterprise_uscc = a.uscc))"),
            ListColumn("uscc", "a.uscc"),
            ListColumn("id_number", "CASE WHEN a.id_number IS NULL THEN NULL"
                                    " ELSE substr(a.id_number, 1, 4) || '**********' || substr(a.id_number, 15) END", sortable=False),
            ListColumn("received_on", "a.received_on"),
            ListColumn("status", "a.status"),
            ListColumn("promised_on", "a.promised_on"),
            ListColumn("handler", "a.handler"),
            ListColumn("eligible", "a.eligible"),
            ListColumn("amount_fen", "coalesce(a.approved_amount_fen, a.eligible_amount_fen)"),
            ListColumn("overridden", "a.overridden"),
            ListColumn("is_demo", "a.is_demo"),
        ],
        filters={
            businesses_repo.SEARCH_FILTER: _APPLICATION_SEARCH,
            "status": "a.status = ?",
            "open": "a.status IN ('已受理', '审核中')",
            "policy": "a.base_policy_id = ?",
            "handler": "a.handler = ?",
            "county": "a.county_code = ?",
            "uscc": "a.uscc = upper(?)",
            "id_number": "a.id_number = upper(?)",
            "due_from": "a.promised_on >= ?",
            "due_until": "a.promised_on <= ?",
            "received_from": "a.received_on >= ?",
            "received_until": "a.received_on <= ?",
            "paid_from": "a.paid_on >= ?",
            "paid_until": "a.paid_on <= ?",
            "eligible": "a.eligible = ?",
            "overridden": "a.overridden = ?",
        },
        default_order="a.received_on DESC, a.receipt_no DESC",
    ))


def scope_clause() -> str:
    """A condition on ``a`` (applications) for a user limited to a division: the case's county is
    LIKE the first bound pattern (``4108xx%``), and the applicant business, when it has a township,
    lies LIKE the second (the user's own scope pattern)."""
    return ("a.county_code LIKE ? AND (a.uscc IS NULL OR (SELECT b.township_code FROM businesses b"
            " WHERE b.uscc = a.uscc) IS NULL OR (SELECT b.township_code FROM businesses b"
            " WHERE b.uscc = a.uscc) LIKE ?)")


_GRANTED = "a.status IN ('已批准', '已发放')"  # GRANTED_STATUSES


class SqlEligibilityHistory:
    """:class:`~desktop_app.domain.business.lookups.EligibilityHistory` answered by indexed queries.

    With ``received_until`` only applications received on or before that day count as granted
    (the history as it stood then; the registry is always today's). Every look-up is a primary-key or index range query (credit code, enterprise code, operator ID,
    person ID, hired ID), never a scan; ID numbers and codes are compared upper case as stored.
    """

    def __init__(self, db: Database, *, received_until: date | None = None):
        self._db = db
        self._until = received_until.isoformat() if received_until else "9999-12-31"

    def business(self, uscc: str) -> Business | None:
        """The business whose credit code — or post-conversion enterprise code — is ``uscc``."""
        return businesses_repo.find_by_code(self._db, uscc.strip().upper())

    def businesses_of_operator(self, id_number: str) -> Sequence[Business]:
        """Every business (any status) whose operator has this ID number."""
        return businesses_repo.of_operator(self._db, id_number.strip().upper())

    def person_statuses(self, id_number: str) -> Sequence[PersonStatus]:
        """Every group membership recorded for this ID number."""
        return businesses_repo.statuses_of(self._db, id_number.strip().upper())

    def _granted(self, where: str, params: list[Any], join: str = "") -> list[Application]:
        sql = (f"SELECT {_APP_SELECT} FROM {join or 'applications a'} WHERE {where} AND {_GRANTED}"
               " AND a.receipt_no <> ? AND a.received_on <= ?")
        return [_application(r) for r in self._db.conn.execute(sql, [*params, self._until]).fetchall()]

    def granted_for_person(self, base_id: str, id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose applicant ID number is ``id_number``."""
        return self._granted("a.id_number = ? AND a.base_policy_id = ?", [id_number.strip().upper(), base_id, exclude_receipt_no])

    def granted_for_business(self, base_id: str, uscc: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose applicant credit code is ``uscc``."""
        return self._granted("a.uscc = ? AND a.base_policy_id = ?", [uscc.strip().upper(), base_id, exclude_receipt_no])

    def granted_for_hire(self, base_id: str, hired_id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose fact 招用人员 lists ``hired_id_number``.

        CROSS JOIN keeps the hired person's key as the outer loop: without statistics SQLite would
        otherwise start from the (policy, status) index, thousands of rows.
        """
        return self._granted("h.hired_id_number = ? AND a.base_policy_id = ?",
                             [hired_id_number.strip().upper(), base_id, exclude_receipt_no],
                             join="application_hires h CROSS JOIN applications a ON a.receipt_no = h.receipt_no")


class SnapshotEligibilityHistory:
    """The same look-ups as :class:`SqlEligibilityHistory`, answered from one bulk read.

    For whole-database runs (re-evaluation, the §3 output): the registry, the person statuses and
    the granted applications are read once into dictionaries of raw rows, and records are built
    only when a look-up finds something. ``received_until`` as for SqlEligibilityHistory.
    """

    def __init__(self, db: Database, *, received_until: date | None = None):
        until = received_until.isoformat() if received_until else "9999-12-31"
        mapper = businesses_repo.MAPPER
        self._from_business = mapper.from_row
        self._from_status = businesses_repo.STATUS_MAPPER.from_row
        uscc_at = mapper.columns.index("uscc")
        enterprise_at = mapper.columns.index("enterprise_uscc")
        operator_at = mapper.columns.index("operator_id_number")
        self._businesses: dict[str, tuple] = {}
        self._operators: dict[str, list[tuple]] = {}
        for row in businesses_repo.all_rows(db):
            self._businesses[row[uscc_at]] = row
            if row[enterprise_at]:
                self._businesses.setdefault(row[enterprise_at], row)
            if row[operator_at]:
                self._operators.setdefault(row[operator_at], []).append(row)
        registered_at = mapper.columns.index("registered_on")
        for rows in self._operators.values():
            rows.sort(key=lambda r: (r[registered_at] or "", r[uscc_at]))
        self._statuses: dict[str, list[tuple]] = {}
        for row in businesses_repo.all_status_rows(db):
            self._statuses.setdefault(row[0], []).append(row)
        self._by_person: dict[tuple[str, str], list[tuple]] = {}
        self._by_business: dict[tuple[str, str], list[tuple]] = {}
        granted: dict[str, tuple] = {}
        for row in db.conn.execute(f"SELECT {_APP_SELECT}, a.base_policy_id FROM applications a WHERE {_GRANTED}"
                                   " AND a.received_on <= ?", [until]):
            base, app_row = row[-1], row[:-1]
            granted[app_row[0]] = (base, app_row)
            if app_row[3]:
                self._by_business.setdefault((base, app_row[3]), []).append(app_row)
            if app_row[4]:
                self._by_person.setdefault((base, app_row[4]), []).append(app_row)
        self._by_hire: dict[tuple[str, str], list[tuple]] = {}
        for hire, receipt_no in db.conn.execute("SELECT hired_id_number, receipt_no FROM application_hires"):
            if receipt_no in granted:
                base, app_row = granted[receipt_no]
                self._by_hire.setdefault((base, hire), []).append(app_row)

    @staticmethod
    def _others(rows: list[tuple] | None, exclude_receipt_no: str) -> list[Application]:
        return [_application(r) for r in rows or () if r[0] != exclude_receipt_no]

    def business(self, uscc: str) -> Business | None:
        """The business whose credit code — or post-conversion enterprise code — is ``uscc``."""
        row = self._businesses.get(uscc.strip().upper())
        return self._from_business(row) if row else None

    def businesses_of_operator(self, id_number: str) -> Sequence[Business]:
        """Every business (any status) whose operator has this ID number."""
        return [self._from_business(r) for r in self._operators.get(id_number.strip().upper(), ())]

    def person_statuses(self, id_number: str) -> Sequence[PersonStatus]:
        """Every group membership recorded for this ID number."""
        return [self._from_status(r) for r in self._statuses.get(id_number.strip().upper(), ())]

    def granted_for_person(self, base_id: str, id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose applicant ID number is ``id_number``."""
        return self._others(self._by_person.get((base_id, id_number.strip().upper())), exclude_receipt_no)

    def granted_for_business(self, base_id: str, uscc: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose applicant credit code is ``uscc``."""
        return self._others(self._by_business.get((base_id, uscc.strip().upper())), exclude_receipt_no)

    def granted_for_hire(self, base_id: str, hired_id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose fact 招用人员 lists ``hired_id_number``."""
        return self._others(self._by_hire.get((base_id, hired_id_number.strip().upper())), exclude_receipt_no)
