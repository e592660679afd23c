"""Village and community use cases: add, edit, delete, list (validated, audited, one transaction each)."""

from __future__ import annotations

from dataclasses import asdict

from desktop_app.domain.errors import NotFound, Problem, RuleViolation, ValidationError
from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import Village, validate_village
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded, scope_filter
from desktop_app.domain.security import EDIT_VILLAGES, READ
from desktop_app.store import audit, divisions_repo, facilities_repo, villages_repo
from desktop_app.store.connection import write_transaction
from desktop_app.store.listing import SqlList
from desktop_app.store.villages_repo import StoredVillage

TABLE = "villages"


def _check(ctx: ServiceContext, village: Village) -> None:
    townships = divisions_repo.township_codes(ctx.db)
    problems = validate_village(
        village,
        township_exists=townships.__contains__,
        admin_village_exists=lambda code: (v := villages_repo.get(ctx.db, code)) is not None
        and v.village.kind == "行政村",
    )
    if problems:
        raise ValidationError(problems)


@guarded(READ, scope=lambda ctx, a: [a["code"]])
def get_village(ctx: ServiceContext, code: str) -> StoredVillage:
    """The village with this code and its row version; NotFound otherwise."""
    stored = villages_repo.get(ctx.db, code)
    if stored is None:
        raise NotFound(f"村庄 {code} 不存在")
    return stored


@guarded(EDIT_VILLAGES, scope=lambda ctx, a: [a["village"].code])
def create_village(ctx: ServiceContext, *, village: Village) -> Changes:
    """Add a village/community after validating it against the 村庄 rules; refuse a duplicate code."""
    village = village.normalised()
    with write_transaction(ctx.db):
        _check(ctx, village)
        if villages_repo.get(ctx.db, village.code) is not None:
            raise ValidationError(Problem("code", f"区划代码 {village.code} 已存在"))
        villages_repo.insert_many(ctx.db, [(village, pinyin_initials(village.name))])
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "insert", TABLE, village.code, None, asdict(village))])
    return Changes(frozenset({TABLE}), inserted=1, keys=(village.code,))


@guarded(EDIT_VILLAGES, scope=lambda ctx, a: [a["village"].code])
def update_village(ctx: ServiceContext, *, village: Village, expected_version: int) -> Changes:
    """Change a village's name, kind, population or access facts (its code is its identity).

    Refused with RuleViolation when someone else changed the record since ``expected_version``.
    """
    village = village.normalised()
    with write_transaction(ctx.db):
        before = get_village(ctx, village.code)
        _check(ctx, village)
        if before.village.kind == "行政村" and village.kind != "行政村" and villages_repo.natural_village_count(ctx.db, village.code):
            raise ValidationError(Problem("kind", "该行政村下有自然村，不能改为其他类型"))
        if not villages_repo.update(ctx.db, village, pinyin_initials(village.name), expected_version=expected_version):
            raise RuleViolation("该村庄记录在您打开后已被他人修改，请关闭后重新打开再编辑")
        audit.append(
            ctx.db,
            [audit.AuditEntry(ctx.actor.name, "update", TABLE, village.code, asdict(before.village), asdict(village))],
        )
    return Changes(frozenset({TABLE}), updated=1, keys=(village.code,))


@guarded(EDIT_VILLAGES, scope=lambda ctx, a: [a["code"]])
def delete_village(ctx: ServiceContext, *, code: str, expected_version: int | None = None) -> Changes:
    """Delete a village that nothing else refers to (natural villages, later facilities)."""
    with write_transaction(ctx.db):
        before = get_village(ctx, code)
        if expected_version is not None and before.row_version != expected_version:
            raise RuleViolation("该村庄记录在您打开后已被他人修改，请刷新后再删除")
        children = villages_repo.natural_village_count(ctx.db, code)
        if children:
            raise RuleViolation(f"村庄 {code} 下还有{children}个自然村，请先删除或调整它们")
        facilities = facilities_repo.count_referring_to_village(ctx.db, code)
        if facilities:
            raise RuleViolation(f"村庄 {code} 仍有{facilities}个医疗机构设在此处或为其服务，请先调整这些机构")
        villages_repo.delete(ctx.db, code)
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "delete", TABLE, code, asdict(before.village), None)])
    return Changes(frozenset({TABLE}), deleted=1, keys=(code,))


def village_list(ctx: ServiceContext) -> SqlList:
    """The paged, SQL-sorted and filtered village list, limited to the user's division scope."""
    listing = villages_repo.village_list(ctx.db)
    pattern = scope_filter(ctx)
    return listing if pattern is None else listing.restricted("v.code LIKE ?", pattern)
