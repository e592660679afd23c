"""Read-only staff queries for the GUI: the masked staff list, a person's detail (training per year
judged by the evaluation, transfer history), the facility choices of the form, and the township
training sheet (the county/township filter choices come from ``health_queries.division_choices``).
Full ID numbers never appear in list values; only ``staff_for_edit`` and the hidden key of a
training row carry one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from desktop_app.domain.errors import NotFound
from desktop_app.domain.health.entities import TRAINING_MODES, StaffMember
from desktop_app.domain.identity import InvalidIdNumber, mask_id_number, parse_id_number
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.rules.results import RuleResult
from desktop_app.domain.security import EDIT_HEALTH
from desktop_app.services import health_evaluation, health_registry
from desktop_app.services.context import ServiceContext
from desktop_app.services.permissions import guarded
from desktop_app.store import divisions_repo, facilities_repo, staff_repo
from desktop_app.store.listing import SqlList
from desktop_app.store.staff_repo import StoredStaff

TRAINING_RULES = ("hc.staff.training_days", "hc.staff.village_doctor_central_training")
YEARS_SHOWN = 5  # training years listed in a person's detail, ending with the chosen year


class MaskedStaffList:
    """The staff list with masked ID numbers and the birth date replaced by the age (today).

    Same protocol as :class:`SqlList` (fetch_ids / fetch_rows / count); sorting by ``age`` sorts
    by birth date in the opposite direction.
    """

    def __init__(self, source: SqlList, today: date):
        self._source = source
        self._today = today
        self._id_column = source.column_keys.index("id_number")
        self._birth_column = source.column_keys.index("birth_date")

    @property
    def column_keys(self) -> list[str]:
        """Keys of the columns, in the order of ``fetch_rows`` values."""
        return ["age" if key == "birth_date" else key for key in self._source.column_keys]

    def _source_query(self, query: ListQuery) -> ListQuery:
        if query.sort_key == "age":
            return replace(query, sort_key="birth_date", descending=not query.descending)
        return query

    def fetch_ids(self, query: ListQuery) -> list[Any]:
        """Row ids (staff rowids) matching ``query``, in display order."""
        return self._source.fetch_ids(self._source_query(query))

    def count(self, query: ListQuery) -> int:
        """How many people match ``query``."""
        return self._source.count(self._source_query(query))

    def fetch_rows(self, ids: Sequence[Any]) -> dict[Any, tuple]:
        """Column values by row id (``column_keys`` order): ID number masked, age for birth date."""
        rows: dict[Any, tuple] = {}
        for row_id, values in self._source.fetch_rows(ids).items():
            shown = list(values)
            shown[self._id_column] = mask_id_number(values[self._id_column])
            shown[self._birth_column] = _age(values[self._birth_column], self._today)
            rows[row_id] = tuple(shown)
        return rows


def _age(birth_date: str | None, today: date) -> int | None:
    if not birth_date:
        return None
    born = date.fromisoformat(birth_date)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def staff_list(ctx: ServiceContext, *, today: date | None = None) -> MaskedStaffList:
    """The paged staff list for display (filters: county, township, facility, category, status)."""
    return MaskedStaffList(health_registry.staff_list(ctx), today or date.today())


def _id_number_of(ctx: ServiceContext, row_id: int) -> str:
    row = health_registry.staff_list(ctx).fetch_rows([row_id]).get(row_id)
    if row is None:
        raise NotFound("该人员记录已不存在，请刷新列表")
    return row[0]


@guarded(EDIT_HEALTH, scope=lambda ctx, a: [health_registry.staff_division(ctx, _id_number_of(ctx, a["row_id"]))])
def staff_for_edit(ctx: ServiceContext, *, row_id: int) -> StoredStaff:
    """The full record (with the unmasked ID number and row version) of a list row, for the edit
    form: only for a role that may edit the health registry within the person's division
    (PermissionDenied otherwise — readers get the masked list and detail instead)."""
    return health_registry.get_staff(ctx, _id_number_of(ctx, row_id))


@dataclass(frozen=True)
class YearTraining:
    """A person's training days of one year, per mode and summed."""

    year: int
    days: dict[str, float]

    @property
    def total(self) -> float:
        """Days of all modes."""
        return sum(self.days.values())


@dataclass(frozen=True)
class Transfer:
    """One move between facilities (codes with names; a name is blank if the facility is gone)."""

    transferred_on: str
    from_code: str
    from_name: str
    to_code: str
    to_name: str


@dataclass(frozen=True)
class RuleLine:
    """A rule result with the title of its catalogue entry."""

    title: str
    result: RuleResult


@dataclass(frozen=True)
class StaffDetail:
    """What the detail area shows about one person (the ID number masked)."""

    masked_id: str
    name: str
    sex: str | None
    birth_date: date | None
    age: int | None
    category: str | None
    status: str | None
    left_on: date | None
    facility_code: str
    facility_name: str
    township_code: str
    year: int
    as_of: date
    training: list[YearTraining]
    rules: list[RuleLine]
    transfers: list[Transfer]


def _facility_names(ctx: ServiceContext, codes: set[str]) -> dict[str, str]:
    names = {}
    for code in codes:
        stored = facilities_repo.get(ctx.db, code)
        names[code] = stored.facility.name if stored else ""
    return names


def staff_detail(ctx: ServiceContext, *, row_id: int, year: int, today: date | None = None) -> StaffDetail:
    """A person's training days for the ``YEARS_SHOWN`` years up to ``year``, the training rules of
    the health evaluation for ``year`` (as of today in the current year, else 31 December), and
    the transfer history. Raises NotFound when the row no longer exists."""
    today = today or date.today()
    member = health_registry.get_staff(ctx, _id_number_of(ctx, row_id)).member
    as_of = today if year >= today.year else date(year, 12, 31)
    try:
        parsed = parse_id_number(member.id_number, today=today)
    except InvalidIdNumber:
        parsed = None
    training = []
    for shown in range(year - YEARS_SHOWN + 1, year + 1):
        records = staff_repo.training_of(ctx.db, [member.id_number], shown)
        ordered = sorted(records, key=lambda r: TRAINING_MODES.index(r.mode))
        training.append(YearTraining(shown, {r.mode: r.days for r in ordered}))
    evaluation = health_evaluation.evaluate(ctx, as_of=as_of)
    results = next((s.results for s in evaluation.staff if s.code == member.id_number), [])
    rules = []
    for result in results:
        entry = ctx.catalogue.get(result.rule_id)
        if entry.base_id in TRAINING_RULES:
            rules.append(RuleLine(entry.title, result))
    workplace = facilities_repo.get(ctx.db, member.facility_code)
    moves = staff_repo.transfers_of(ctx.db, member.id_number)
    names = _facility_names(ctx, {member.facility_code} | {c for m in moves for c in m[:2]})
    transfers = [Transfer(on, source, names[source], target, names[target]) for source, target, on in moves]
    return StaffDetail(
        masked_id=mask_id_number(member.id_number),
        name=member.name,
        sex=parsed.sex if parsed else None,
        birth_date=parsed.birth_date if parsed else None,
        age=parsed.age_on(today) if parsed else None,
        category=member.category,
        status=member.status,
        left_on=member.left_on,
        facility_code=member.facility_code,
        facility_name=names[member.facility_code],
        township_code=workplace.facility.township_code if workplace else "",
        year=year,
        as_of=as_of,
        training=training,
        rules=rules,
        transfers=transfers,
    )


@dataclass(frozen=True)
class FacilityChoice:
    """A facility offered in the staff form."""

    code: str
    name: str
    kind: str
    township_name: str


def facility_choices(ctx: ServiceContext) -> list[FacilityChoice]:
    """Every facility (code order) with its township's name, for the facility combo of the form."""
    townships = {d.code: d.name for d in divisions_repo.all_divisions(ctx.db)}
    return [
        FacilityChoice(f.code, f.name, f.kind, townships.get(f.township_code, ""))
        for f in facilities_repo.all_facilities(ctx.db)
    ]


@dataclass(frozen=True)
class TrainingRow:
    """One active person of a township's training sheet. ``id_number`` is the key for saving and
    is never shown; ``masked_id`` is."""

    id_number: str
    masked_id: str
    name: str
    facility_name: str
    category: str | None
    days: dict[str, float]


def training_sheet(ctx: ServiceContext, *, township_code: str, year: int) -> list[TrainingRow]:
    """The active staff of a township with their training days per mode in ``year``."""
    grid: list[tuple[StaffMember, dict[str, float]]] = health_registry.township_training_grid(
        ctx, township_code=township_code, year=year)
    names = _facility_names(ctx, {m.facility_code for m, _ in grid})
    return [
        TrainingRow(m.id_number, mask_id_number(m.id_number), m.name, names[m.facility_code], m.category, dict(days))
        for m, days in grid
    ]
