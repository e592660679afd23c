"""Individual-business registry use cases: register and edit businesses (GB 32100 credit codes,
GB 11643 operator IDs), record person statuses (人员身份), search the list, show a business with its
application history. Each write is one validated, audited transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date

from desktop_app.domain.business.entities import BUSINESS_CONVERTED, Business, PersonStatus
from desktop_app.domain.business.uscc import InvalidUscc, validate_uscc
from desktop_app.domain.errors import NotFound, Problem, RuleViolation, ValidationError
from desktop_app.domain.identity import InvalidIdNumber, parse_id_number
from desktop_app.domain.text import pinyin_initials
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded, scope_filter
from desktop_app.domain.security import READ, REGISTER_BUSINESS
from desktop_app.store import applications_repo, audit, businesses_repo, divisions_repo
from desktop_app.store.applications_repo import ApplicationCase
from desktop_app.store.businesses_repo import SearchableList, StoredBusiness
from desktop_app.store.connection import write_transaction

BUSINESSES, PERSON_STATUSES = "businesses", "person_statuses"


def normalised(business: Business) -> Business:
    """The business with codes and ID numbers stripped and upper-cased, names stripped."""
    def code(value: str | None) -> str | None:
        return (value or "").strip().upper() or None

    return replace(
        business, uscc=code(business.uscc) or "", name=business.name.strip(), operator_name=business.operator_name.strip(),
        operator_id_number=code(business.operator_id_number), enterprise_uscc=code(business.enterprise_uscc),
        industry=(business.industry or "").strip() or None,
    )


def id_number_problem(field: str, value: str, *, today: date | None = None) -> Problem | None:
    """A Problem naming ``field`` when ``value`` is not a valid GB 11643 ID number, else None."""
    try:
        parse_id_number(value, today=today)
    except InvalidIdNumber as exc:
        return Problem(field, str(exc))
    return None


def business_problems(business: Business, *, township_exists: Callable[[str], bool], today: date | None = None) -> list[Problem]:
    """Every bad field of a (normalised) business beyond what the record itself checks.

    Credit code GB 32100 with the individual-business prefix 92; operator ID GB 11643 when given;
    a known township; registration not in the future; conversion fields only when 已转企 (and then
    a conversion date); an enterprise code that is a valid non-92 code; directory entry not
    before registration. For the registry form and the 个体工商户 sheet alike.
    """
    today = today or date.today()
    problems: list[Problem] = []
    try:
        validate_uscc(business.uscc, individual_business=True)
    except InvalidUscc as exc:
        problems.append(Problem("uscc", str(exc)))
    if business.operator_id_number and (problem := id_number_problem("operator_id_number", business.operator_id_number, today=today)):
        problems.append(problem)
    if not business.township_code:
        problems.append(Problem("township_code", "所在乡镇代码不能为空"))
    elif not township_exists(business.township_code):
        problems.append(Problem("township_code", f"乡镇代码 {business.township_code} 不在区划表中"))
    if business.registered_on and business.registered_on > today:
        problems.append(Problem("registered_on", f"登记日期{business.registered_on.isoformat()}晚于今天"))
    if business.directory_joined_on and business.registered_on and business.directory_joined_on < business.registered_on:
        problems.append(Problem("directory_joined_on", "名特优新入库日期早于登记日期"))
    converted = business.status == BUSINESS_CONVERTED
    if converted and business.converted_on is None:
        problems.append(Problem("converted_on", "状态为已转企时须填写转企日期"))
    for name in ("converted_on", "enterprise_type", "enterprise_uscc"):
        if not converted and getattr(business, name):
            problems.append(Problem(name, "仅在状态为“已转企”时填写"))
    if business.enterprise_uscc:
        try:
            validate_uscc(business.enterprise_uscc, individual_business=False)
        except InvalidUscc as exc:
            problems.append(Problem("enterprise_uscc", str(exc)))
        if business.enterprise_uscc == business.uscc:
            problems.append(Problem("enterprise_uscc", "转企后信用代码不能与个体工商户信用代码相同"))
    return problems


def _check(ctx: ServiceContext, business: Business, *, creating: bool) -> None:
    townships = divisions_repo.township_codes(ctx.db)
    problems = business_problems(business, township_exists=townships.__contains__)
    owner = businesses_repo.code_owner(ctx.db, business.uscc)
    if creating and owner is not None:
        problems.append(Problem("uscc", f"统一社会信用代码 {business.uscc} 已登记（{owner}）"))
    if business.enterprise_uscc:
        owner = businesses_repo.code_owner(ctx.db, business.enterprise_uscc)
        if owner is not None and owner != business.uscc:
            problems.append(Problem("enterprise_uscc", f"转企后信用代码已被个体工商户 {owner} 使用"))
    if problems:
        raise ValidationError(problems)


def _township_of(ctx: ServiceContext, uscc: str) -> str | None:
    stored = businesses_repo.get(ctx.db, uscc.strip().upper())
    return stored.business.township_code if stored else None


@guarded(READ, scope=lambda ctx, a: [_township_of(ctx, a["uscc"])])
def get_business(ctx: ServiceContext, uscc: str) -> StoredBusiness:
    """The business with this credit code and its row version; NotFound otherwise."""
    stored = businesses_repo.get(ctx.db, uscc.strip().upper())
    if stored is None:
        raise NotFound(f"个体工商户 {uscc} 不存在")
    return stored


@guarded(REGISTER_BUSINESS, scope=lambda ctx, a: [a["business"].township_code])
def create_business(ctx: ServiceContext, *, business: Business) -> Changes:
    """Register an individual business; refuse invalid codes, an unknown township or a duplicate code."""
    business = normalised(business)
    with write_transaction(ctx.db):
        _check(ctx, business, creating=True)
        businesses_repo.insert_many(ctx.db, [(business, pinyin_initials(business.name))])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "insert", BUSINESSES, business.uscc, None, asdict(business))])
    return Changes(frozenset({BUSINESSES}), inserted=1, keys=(business.uscc,))


@guarded(REGISTER_BUSINESS, scope=lambda ctx, a: [a["business"].township_code, _township_of(ctx, a["business"].uscc)])
def update_business(ctx: ServiceContext, *, business: Business, expected_version: int) -> Changes:
    """Change a business (its credit code is its identity); refused when someone changed it meanwhile."""
    business = normalised(business)
    with write_transaction(ctx.db):
        before = get_business(ctx, business.uscc)
        if before.row_version != expected_version:
            raise RuleViolation("该个体工商户记录在您打开后已被他人修改，请重新打开后再编辑")
        _check(ctx, business, creating=False)
        businesses_repo.update_many(ctx.db, [(business, pinyin_initials(business.name))])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "update", BUSINESSES, business.uscc,
                                               asdict(before.business), asdict(business))])
    return Changes(frozenset({BUSINESSES}), updated=1, keys=(business.uscc,))


def business_list(ctx: ServiceContext) -> SearchableList:
    """The paged business list: search as you type (name, credit code, operator name or ID, pinyin
    initials); filters ``township``, ``county``, ``tier``, ``status``, ``operator_id_number``, ``is_demo``."""
    listing = businesses_repo.business_list(ctx.db)
    pattern = scope_filter(ctx)
    return listing if pattern is None else listing.restricted("b.township_code LIKE ?", pattern)


@dataclass(frozen=True)
class BusinessDetail:
    """A business with its applications (newest first), its operator's statuses and other businesses."""

    stored: StoredBusiness
    applications: list[ApplicationCase]
    operator_statuses: list[PersonStatus]
    other_businesses: list[Business]
    notice_nos: list[str]


def business_detail(ctx: ServiceContext, uscc: str) -> BusinessDetail:
    """Everything the business page shows; NotFound when the credit code is unknown."""
    stored = get_business(ctx, uscc)
    business = stored.business
    codes = [c for c in (business.uscc, business.enterprise_uscc) if c]
    operator = business.operator_id_number
    return BusinessDetail(
        stored,
        applications_repo.of_business(ctx.db, codes),
        businesses_repo.statuses_of(ctx.db, operator) if operator else [],
        [b for b in businesses_repo.of_operator(ctx.db, operator) if b.uscc != business.uscc] if operator else [],
        applications_repo.notices_of(ctx.db, uscc=business.uscc),
    )


def _status_key(status: PersonStatus) -> str:
    return f"{status.id_number}:{status.status}"


def person_statuses(ctx: ServiceContext, id_number: str) -> list[PersonStatus]:
    """Every group membership recorded for this ID number."""
    return businesses_repo.statuses_of(ctx.db, id_number.strip().upper())


@guarded(REGISTER_BUSINESS)
def save_person_status(ctx: ServiceContext, *, status: PersonStatus) -> Changes:
    """Record or change a person's group membership (key: ID number + group); ID checked (GB 11643)."""
    status = replace(status, id_number=status.id_number.strip().upper(), name=status.name.strip())
    problem = id_number_problem("id_number", status.id_number)
    if problem:
        raise ValidationError(problem)
    with write_transaction(ctx.db):
        before = businesses_repo.get_status(ctx.db, status.id_number, status.status)
        businesses_repo.upsert_statuses(ctx.db, [status])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "insert" if before is None else "update", PERSON_STATUSES,
                                               _status_key(status), asdict(before) if before else None, asdict(status))])
    return Changes(frozenset({PERSON_STATUSES}), inserted=int(before is None), updated=int(before is not None),
                   keys=(_status_key(status),))


@guarded(REGISTER_BUSINESS)
def delete_person_status(ctx: ServiceContext, *, id_number: str, status: str) -> Changes:
    """Remove one group membership; NotFound when it is not recorded."""
    id_number = id_number.strip().upper()
    with write_transaction(ctx.db):
        before = businesses_repo.get_status(ctx.db, id_number, status)
        if before is None:
            raise NotFound("该人员没有这项身份记录")
        businesses_repo.delete_status(ctx.db, id_number, status)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "delete", PERSON_STATUSES, _status_key(before), asdict(before), None)])
    return Changes(frozenset({PERSON_STATUSES}), deleted=1, keys=(_status_key(before),))
