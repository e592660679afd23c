"""Read-only look-ups for the individual-business desk pages: the intake form of every measure, the
business picker, a case as the decision screen shows it, work-list counts, fraud signals and the
policy catalogue page. Writes stay in :mod:`business_registry`, :mod:`applications` and
:mod:`desk_admin`.

ID numbers are masked everywhere except :func:`intake_applicant`, which fills the counter's
intake form (counter staff check the applicant's ID card against it): it needs the INTAKE right
inside the business's division, and shows the full number only to roles with VIEW_FULL_ID.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.domain.business.eligibility import MEASURES, Eligibility
from desktop_app.domain.business.facts import FactSpec, Material, read_facts, shipped_fact_catalogue
from desktop_app.domain.business.lookups import COUNTY_AMOUNT_PARAMS
from desktop_app.domain.business.signals import Signal, find_signals
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.money import parse_yuan
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.security import INTAKE, VIEW_FULL_ID, allowed
from desktop_app.services import applications, business_registry, desk_admin, health_queries
from desktop_app.services.context import ServiceContext
from desktop_app.services.permissions import guarded
from desktop_app.store import applications_repo, businesses_repo, divisions_repo
from desktop_app.store.applications_repo import ApplicationCase, ApplicationEvent

WORK_LIST_KINDS = (*applications.WORK_LISTS, "all")

# Entry states on the catalogue page.
IN_FORCE, EXPIRED, UPCOMING, RETIRED = "生效中", "已到期", "未生效", "已停止执行"


def _span(entry: RuleEntry) -> str:
    start = entry.valid_from.isoformat() if entry.valid_from else "不限"
    end = entry.valid_to.isoformat() if entry.valid_to else "长期"
    return f"{start} 至 {end}"


def _entry_state(entry: RuleEntry, day: date, retired: bool) -> str:
    if entry.covers(day):
        return IN_FORCE
    if entry.valid_from and day < entry.valid_from:
        return UPCOMING
    return RETIRED if retired else EXPIRED


def county_choices(ctx: ServiceContext) -> list[health_queries.CountyChoice]:
    """Every county-level unit with its townships (filters and the registration form)."""
    return health_queries.division_choices(ctx)


def policy_titles(ctx: ServiceContext) -> dict[str, str]:
    """The title of every desk measure entry by rule id (successors included), for list columns."""
    return {entry.id: entry.title for entry in desk_admin.measure_entries(ctx)}


# --- intake ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FactField:
    """A fact of the intake form and the options a ``choice`` takes under the entry in force."""

    spec: FactSpec
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasureForm:
    """What the intake form shows for one measure on a receipt date.

    ``entry_id`` is the entry governing the date (in force, else the latest started one);
    ``in_force`` is False when the date lies outside every window of the family (the case can be
    received, but the engine will find it ineligible).
    """

    base_id: str
    entry_id: str
    title: str
    citation: str
    window: str
    in_force: bool
    needs_business: bool
    needs_person: bool
    facts: tuple[FactField, ...]
    materials: tuple[Material, ...]
    promised_days: int


def intake_forms(ctx: ServiceContext, *, day: date) -> list[MeasureForm]:
    """The intake form of every desk measure (catalogue order of MEASURES) for a receipt date."""
    catalogue = desk_admin.effective_catalogue(ctx)
    promised = desk_admin.promised_working_days(ctx)
    forms = []
    for base in MEASURES:
        in_force = catalogue.in_force(base, day)
        entry = in_force or catalogue.latest(base, day)
        measure = shipped_fact_catalogue().get(base)
        forms.append(MeasureForm(
            base, entry.id, entry.title, entry.citation, _span(entry), in_force is not None,
            measure.needs_business, measure.needs_person,
            tuple(FactField(spec, spec.options_for(entry) if spec.type == "choice" else ()) for spec in measure.facts),
            measure.materials, promised[base]))
    return forms


@dataclass(frozen=True)
class BusinessChoice:
    """A business offered by the type-ahead picker (operator ID masked)."""

    uscc: str
    name: str
    operator_name: str
    operator_id_masked: str
    township: str
    status: str


def find_businesses(ctx: ServiceContext, text: str, *, limit: int = 8) -> tuple[list[BusinessChoice], int]:
    """Businesses matching the picker's text (same search as the business list) and how many match."""
    source = business_registry.business_list(ctx)
    ids = source.fetch_ids(ListQuery(search=text))
    rows = source.fetch_rows(ids[:limit])
    keys = source.column_keys
    found = []
    for row_id in ids[:limit]:
        values = dict(zip(keys, rows[row_id], strict=True))
        found.append(BusinessChoice(values["uscc"], values["name"], values["operator_name"], values["operator_id"] or "",
                                    values["township"] or "", values["status"]))
    return found, len(ids)


@dataclass(frozen=True)
class IntakeApplicant:
    """The business picked at the counter, with the operator's full ID number for the intake form."""

    uscc: str
    name: str
    operator_name: str
    operator_id_number: str | None
    township: str
    status: str
    registered_on: date | None


def _business_division(ctx: ServiceContext, uscc: str | None) -> str | None:
    stored = businesses_repo.get(ctx.db, (uscc or "").strip().upper())
    return stored.business.township_code if stored else None


@guarded(INTAKE, scope=lambda ctx, a: [_business_division(ctx, a["uscc"])])
def intake_applicant(ctx: ServiceContext, uscc: str) -> IntakeApplicant:
    """The picked business for the intake form (full operator ID for roles that may see it);
    NotFound when unknown, PermissionDenied without the INTAKE right in the business's division."""
    business = business_registry.get_business(ctx, uscc).business
    township = divisions_repo.get(ctx.db, business.township_code) if business.township_code else None
    operator_id = business.operator_id_number
    if operator_id and not allowed(ctx.actor.role, VIEW_FULL_ID):
        operator_id = mask_id_number(operator_id)
    return IntakeApplicant(business.uscc, business.name, business.operator_name, operator_id,
                           township.name if township else "", business.status, business.registered_on)


# --- the decision screen ---------------------------------------------------------------------

@dataclass(frozen=True)
class CaseView:
    """One application as the decision screen shows it (ID numbers masked).

    ``facts`` are (label, value) in the measure's order; ``materials`` (name, state) with state
    已收取 / 不适用 / 未收取; ``allowed`` the transitions the case's status allows.
    """

    case: ApplicationCase
    title: str
    citation: str
    applicant_name: str
    id_masked: str
    facts: tuple[tuple[str, str], ...]
    materials: tuple[tuple[str, str], ...]
    eligibility: Eligibility
    events: tuple[ApplicationEvent, ...]
    allowed: tuple[str, ...]
    overdue: bool


def allowed_actions(status: str) -> tuple[str, ...]:
    """The transitions (``start_review``, ``approve``…) a case in ``status`` allows."""
    return tuple(action for action, (sources, _, _) in applications.TRANSITIONS.items() if status in sources)


def case_view(ctx: ServiceContext, receipt_no: str, *, today: date | None = None) -> CaseView:
    """Everything the decision screen shows for a case, with a fresh verdict; NotFound when unknown."""
    today = today or date.today()
    case = applications.get_case(ctx, receipt_no)
    app = case.application
    catalogue = desk_admin.effective_catalogue(ctx)
    entry = catalogue.in_force(app.base_policy_id, app.received_on) or catalogue.latest(app.base_policy_id, app.received_on)
    measure = shipped_fact_catalogue().get(app.base_policy_id)
    values = read_facts(app.facts, measure, entry).values
    facts = tuple((spec.label, spec.describe(values[spec.name]) if spec.name in values else str(app.facts.get(spec.key, "")))
                  for spec in measure.facts)
    states = {**{m: "已收取" for m in case.materials_received}, **{m: "不适用" for m in case.materials_waived}}
    materials = tuple((m.name, states.get(m.name, "未收取")) for m in measure.materials)
    business = businesses_repo.find_by_code(ctx.db, app.uscc) if app.uscc else None
    overdue = case.status in applications_repo.OPEN_STATUSES and case.promised_on is not None and case.promised_on < today
    return CaseView(case, entry.title, entry.citation, business.name if business else "", mask_id_number(app.id_number),
                    facts, materials, applications.check(ctx, receipt_no), tuple(applications.events(ctx, receipt_no)),
                    allowed_actions(case.status), overdue)


def work_list_query(ctx: ServiceContext, *, kind: str, search: str = "", filters: Mapping[str, Any] | None = None,
                    today: date | None = None) -> ListQuery:
    """The list query of a work list (``mine``, ``due_soon``, ``overdue``) or of every application (``all``)."""
    if kind == "all":
        return ListQuery(search=search, filters=dict(filters or {}))
    return applications.work_list_query(ctx, kind=kind, search=search, filters=filters, today=today)


def work_list_counts(ctx: ServiceContext, *, today: date | None = None) -> dict[str, int]:
    """How many applications each work list holds (``mine``, ``due_soon``, ``overdue``, ``all``)."""
    source = applications.application_list(ctx)
    return {kind: source.count(work_list_query(ctx, kind=kind, today=today)) for kind in WORK_LIST_KINDS}


# --- fraud signals ---------------------------------------------------------------------------

def fraud_signals(ctx: ServiceContext) -> list[Signal]:
    """Every fraud signal over all applications and businesses (messages mask ID numbers)."""
    apps = [a for batch in applications_repo.iter_applications(ctx.db) for a in batch]
    return find_signals(apps, businesses_repo.all_businesses(ctx.db), catalogue=desk_admin.effective_catalogue(ctx))


# --- the policy catalogue page ---------------------------------------------------------------

@dataclass(frozen=True)
class CatalogueRow:
    """One entry of a desk measure for the catalogue page.

    ``params`` are (name, value as text, raw value) of the entry's parameters; ``retired`` the
    early end (last day, reason) when an administrator retired it.
    """

    entry_id: str
    base_id: str
    title: str
    citation: str
    window: str
    state: str
    valid_from: date | None
    params: tuple[tuple[str, str, Any], ...]
    materials: tuple[Material, ...]
    facts: tuple[FactSpec, ...]
    promised_days: int
    retired: tuple[date, str] | None


def _param_text(value: Any) -> str:
    if isinstance(value, Mapping):
        return "；".join(f"{k} {_param_text(v)}" for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return "、".join(str(v) for v in value)
    return str(value)


def catalogue_rows(ctx: ServiceContext, *, today: date | None = None) -> list[CatalogueRow]:
    """Every entry of the desk measures (successors included, family by family) with its state."""
    today = today or date.today()
    retirements = desk_admin.retirements(ctx)
    promised = desk_admin.promised_working_days(ctx)
    rows = []
    for entry in desk_admin.measure_entries(ctx):
        measure = shipped_fact_catalogue().get(entry.base_id)
        retired = retirements.get(entry.id)
        rows.append(CatalogueRow(
            entry.id, entry.base_id, entry.title, entry.citation, _span(entry),
            _entry_state(entry, today, retired is not None), entry.valid_from,
            tuple((name, _param_text(value), value) for name, value in entry.params.items()),
            measure.materials, measure.facts, promised[entry.base_id],
            (retired.last_day, retired.reason) if retired else None))
    return rows


@dataclass(frozen=True)
class CountyAmountRow:
    """A county's amount for a "不少于" measure: configured (fen) or None, and the policy minimum (fen)."""

    county_code: str
    county_name: str
    base_id: str
    title: str
    amount_fen: int | None
    minimum_fen: int


def county_amount_rows(ctx: ServiceContext, *, today: date | None = None) -> list[CountyAmountRow]:
    """Every county × county-set measure, with its configured amount and the minimum in force today."""
    today = today or date.today()
    catalogue = desk_admin.effective_catalogue(ctx)
    configured = desk_admin.county_amounts(ctx)
    rows = []
    for base, param in COUNTY_AMOUNT_PARAMS.items():
        entry = catalogue.in_force(base, today) or catalogue.latest(base, today)
        minimum = parse_yuan(str(entry.param(param)))
        for county in county_choices(ctx):
            rows.append(CountyAmountRow(county.code, county.name, base, entry.title,
                                        configured.get((county.code, base)), minimum))
    return rows
