"""Administration of the individual-business desk: the working-day calendar, promised working days per
measure, county amounts for "不少于" measures, successor catalogue entries and retirement.

:func:`effective_catalogue` is the shipped rule catalogue merged with the entries administrators
added and retired; every desk service decides with it. Each write is one audited transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, timezone
from numbers import Real
from types import MappingProxyType
from typing import Any

from desktop_app.domain.business.eligibility import MEASURES
from desktop_app.domain.business.facts import shipped_fact_catalogue
from desktop_app.domain.business.lookups import COUNTY_AMOUNT_PARAMS, CountySettings, check_county_amount
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.domain.money import format_yuan
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry
from desktop_app.domain.working_days import DAY_KINDS, MAKE_UP_WORKDAY, REST_DAY, WorkCalendar
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded
from desktop_app.domain.security import MANAGE_POLICY, MANAGE_SETTINGS
from desktop_app.store import audit, desk_settings_repo, divisions_repo
from desktop_app.store.connection import write_transaction
from desktop_app.store.desk_settings_repo import CalendarDay, Retirement

DEFAULT_PROMISED_DAYS = 10
MAX_PROMISED_DAYS = 120
CALENDAR, MEASURE_SETTINGS, COUNTY_AMOUNTS = "work_calendar", "measure_settings", "county_amounts"
CATALOGUE_ENTRIES, CATALOGUE_RETIREMENTS = "catalogue_entries", "catalogue_retirements"
_CATALOGUE_CACHE = "desk_effective_catalogue"
_SUFFIX = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,31}$")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _today() -> date:
    return date.today()


# --- catalogue -------------------------------------------------------------------------------

class _IndexedCatalogue(Catalogue):
    """A catalogue whose families are computed once: the engine asks for them several times per
    application, and :meth:`Catalogue.family` scans every entry each time."""

    _families: Mapping[str, tuple[RuleEntry, ...]]

    @classmethod
    def of(cls, catalogue: Catalogue) -> _IndexedCatalogue:
        """The same entries, documents and version, with the families indexed."""
        indexed = cls(catalogue.version, catalogue.documents, catalogue.entries, catalogue.conventions)
        families: dict[str, list[RuleEntry]] = {}
        for entry in catalogue.entries.values():
            families.setdefault(entry.base_id, []).append(entry)
        object.__setattr__(indexed, "_families", {
            base: tuple(sorted(members, key=lambda e: (e.valid_from or date.min, e.id))) for base, members in families.items()})
        return indexed

    def family(self, base_id: str) -> list[RuleEntry]:
        """The entry ``base_id`` and its successors, ordered by valid_from (oldest first)."""
        return list(self._families.get(base_id, ()))


def effective_catalogue(ctx: ServiceContext) -> Catalogue:
    """The shipped catalogue plus administrator-added successor entries, with retirements applied.

    A retired entry's ``valid_to`` becomes its retirement's last day. The version reads
    ``<shipped>+<number of local changes>`` when there are any. Cached per context until an entry
    is added or retired.
    """
    stamp = (str(ctx.catalogue_path), desk_settings_repo.catalogue_stamp(ctx.db))
    cached = ctx.cache.get(_CATALOGUE_CACHE)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    added = desk_settings_repo.added_entries(ctx.db)
    retired = desk_settings_repo.retirements(ctx.db)
    if not added and not retired:
        catalogue = _IndexedCatalogue.of(ctx.catalogue)
    else:
        raw = json.loads(ctx.catalogue_path.read_text(encoding="utf-8"))
        raw["rules"].extend(added)
        merged = Catalogue.from_json(raw)
        entries = dict(merged.entries)
        for rule_id, retirement in retired.items():
            if rule_id in entries:
                entry = entries[rule_id]
                end = min(entry.valid_to, retirement.last_day) if entry.valid_to else retirement.last_day
                entries[rule_id] = replace(entry, valid_to=end)
        catalogue = _IndexedCatalogue.of(replace(merged, version=f"{merged.version}+{len(added) + len(retired)}",
                                                 entries=MappingProxyType(entries)))
    ctx.cache[_CATALOGUE_CACHE] = (stamp, catalogue)
    return catalogue


def measure_entries(ctx: ServiceContext) -> list[RuleEntry]:
    """Every entry of the desk's measures (ib./emp., successors included), family by family."""
    catalogue = effective_catalogue(ctx)
    return [e for base in MEASURES for e in catalogue.family(base)]


def retirements(ctx: ServiceContext) -> dict[str, Retirement]:
    """Entries retired early, by rule id (for the catalogue page)."""
    return desk_settings_repo.retirements(ctx.db)


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_thaw(v) for v in value]
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _param_problems(name: str, old: Any, new: Any) -> list[Problem]:
    field = f"params.{name}"
    if _is_number(old):
        if not _is_number(new) or new < 0:
            return [Problem(field, f"参数{name}应为不小于0的数，实际为“{new}”")]
        return []
    if isinstance(old, Mapping):
        if not isinstance(new, Mapping) or set(new) != set(old):
            return [Problem(field, f"参数{name}须保留原有的各项（{'、'.join(old)}），只改数值")]
        return [p for key in old for p in _param_problems(f"{name}.{key}", old[key], new[key])]
    if isinstance(old, tuple | list):
        if not isinstance(new, tuple | list) or not all(isinstance(v, str) and v.strip() for v in new) or not new:
            return [Problem(field, f"参数{name}应为非空的文字列表")]
        return []
    if isinstance(old, str) and not isinstance(new, str):
        return [Problem(field, f"参数{name}应为文字")]
    return []


@guarded(MANAGE_POLICY)
def add_successor_entry(
    ctx: ServiceContext,
    *,
    predecessor_id: str,
    suffix: str,
    valid_from: date,
    valid_to: date | None = None,
    params: Mapping[str, Any] | None = None,
    source_doc: str,
    source_item: str | None = None,
    title: str | None = None,
) -> Changes:
    """Add a successor of a desk measure: same logic, new parameters and window, id ``<base>@<suffix>``.

    ``params`` holds the changed parameters only (same names and kinds as the predecessor's);
    ``valid_from`` must be later than every existing entry of the family. The new entry is
    checked against the application-fact specification. Raises ValidationError naming the field.
    """
    catalogue = effective_catalogue(ctx)
    problems: list[Problem] = []
    if predecessor_id not in catalogue:
        raise ValidationError(Problem("predecessor_id", f"规则 {predecessor_id} 不在规则目录中"))
    predecessor = catalogue.get(predecessor_id)
    base = predecessor.base_id
    if base not in MEASURES:
        raise ValidationError(Problem("predecessor_id", f"规则 {base} 不是个体工商户窗口受理的政策，不能在此添加后续条目"))
    suffix = (suffix or "").strip()
    new_id = f"{base}@{suffix}"
    if not _SUFFIX.match(suffix):
        problems.append(Problem("suffix", "后缀只能由字母、数字、点、下划线或连字符组成（如 2026），最多32个字符"))
    elif new_id in catalogue:
        problems.append(Problem("suffix", f"规则 {new_id} 已存在"))
    family = catalogue.family(base)
    latest_start = max((e.valid_from for e in family if e.valid_from), default=None)
    if latest_start is not None and valid_from <= latest_start:
        problems.append(Problem("valid_from", f"生效日期须晚于本政策现有条目的生效日期（{latest_start.isoformat()}）"))
    if valid_to is not None and valid_to < valid_from:
        problems.append(Problem("valid_to", "失效日期早于生效日期"))
    if not (source_doc or "").strip():
        problems.append(Problem("source_doc", "请填写新政策的文件号"))
    merged = _thaw(predecessor.params)
    for name, value in (params or {}).items():
        if name not in merged:
            problems.append(Problem(f"params.{name}", f"{base}没有参数{name}（可改：{'、'.join(merged)}）"))
            continue
        problems.extend(_param_problems(name, merged[name], value))
        merged[name] = _thaw(value)
    if problems:
        raise ValidationError(problems)
    entry = _thaw(predecessor.raw)
    entry.update(id=new_id, params=merged, valid_from=valid_from.isoformat(), valid_to=valid_to.isoformat() if valid_to else None,
                 title=(title or predecessor.title).strip(), source={"doc": source_doc.strip(), "item": (source_item or predecessor.source_item).strip()})
    candidate = Catalogue.from_json({"version": catalogue.version, "rules": [_thaw(e.raw) for e in catalogue if e.base_id == base] + [entry]})
    inconsistent = [p for p in shipped_fact_catalogue().check_against(candidate) if p.startswith(new_id)]
    if inconsistent:
        raise ValidationError([Problem("params", p) for p in inconsistent])
    with write_transaction(ctx.db):
        desk_settings_repo.add_entry(ctx.db, entry, actor=ctx.actor.name, at=_now())
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "add_successor", CATALOGUE_ENTRIES, new_id, None, entry)])
    return Changes(frozenset({CATALOGUE_ENTRIES}), inserted=1, keys=(new_id,))


@guarded(MANAGE_POLICY)
def retire_entry(ctx: ServiceContext, *, rule_id: str, last_day: date, reason: str) -> Changes:
    """End an entry's window early (applications received after ``last_day`` no longer qualify).

    Only desk measures; ``last_day`` may not precede the entry's start nor extend its window; a
    reason is required.
    """
    catalogue = effective_catalogue(ctx)
    if rule_id not in catalogue or catalogue.get(rule_id).base_id not in MEASURES:
        raise ValidationError(Problem("rule_id", f"规则 {rule_id} 不是个体工商户窗口受理的政策条目"))
    entry = catalogue.get(rule_id)
    problems: list[Problem] = []
    if entry.valid_from and last_day < entry.valid_from:
        problems.append(Problem("last_day", f"停止日期早于该条目的生效日期{entry.valid_from.isoformat()}"))
    if entry.valid_to and last_day >= entry.valid_to:
        problems.append(Problem("last_day", f"该条目本就于{entry.valid_to.isoformat()}失效，停止日期须早于此日"))
    if not (reason or "").strip():
        problems.append(Problem("reason", "请填写停止执行的原因"))
    if problems:
        raise ValidationError(problems)
    retirement = Retirement(rule_id, last_day, reason.strip(), ctx.actor.name, _now())
    with write_transaction(ctx.db):
        before = desk_settings_repo.retirements(ctx.db).get(rule_id)
        desk_settings_repo.retire(ctx.db, retirement)
        audit.append(ctx.db, [audit.AuditEntry(
            ctx.actor.name, "retire", CATALOGUE_RETIREMENTS, rule_id,
            {"valid_to": entry.valid_to, "retired": before is not None},
            {"last_day": last_day, "reason": retirement.reason})])
    return Changes(frozenset({CATALOGUE_RETIREMENTS}), updated=1, keys=(rule_id,))


# --- working-day calendar --------------------------------------------------------------------

def work_calendar(ctx: ServiceContext) -> WorkCalendar:
    """The working-day calendar entered by administrators (holidays and make-up workdays)."""
    return WorkCalendar.from_days((d.day, d.kind) for d in desk_settings_repo.calendar_days(ctx.db))


def calendar_days(ctx: ServiceContext, *, year: int | None = None) -> list[CalendarDay]:
    """The calendar exceptions of one year (or all), in date order."""
    return desk_settings_repo.calendar_days(ctx.db, year=year)


@guarded(MANAGE_SETTINGS)
def set_calendar_year(ctx: ServiceContext, *, year: int, days: Iterable[CalendarDay]) -> Changes:
    """Replace the holidays and make-up workdays of ``year``.

    Refused: a day outside the year, an unknown kind, a day listed twice, a make-up workday that
    is not a Saturday or Sunday. A 休息日 on a weekend is accepted (holiday ranges often include one).
    """
    days = list(days)
    problems: list[Problem] = []
    seen: set[date] = set()
    for item in days:
        field = item.day.isoformat()
        if item.day.year != year:
            problems.append(Problem(field, f"日期不在{year}年内"))
        if item.kind not in DAY_KINDS:
            problems.append(Problem(field, f"类型“{item.kind}”应为{'/'.join(DAY_KINDS)}"))
        if item.kind == MAKE_UP_WORKDAY and item.day.weekday() < 5:
            problems.append(Problem(field, "调休上班日应为星期六或星期日（工作日本来就上班）"))
        if item.day in seen:
            problems.append(Problem(field, "同一天重复设置"))
        seen.add(item.day)
    if problems:
        raise ValidationError(problems)
    with write_transaction(ctx.db):
        before = desk_settings_repo.calendar_days(ctx.db, year=year)
        written = desk_settings_repo.replace_calendar_year(ctx.db, year, sorted(days, key=lambda d: d.day), actor=ctx.actor.name, at=_now())
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "set_calendar", CALENDAR, str(year),
                                               _calendar_view(before), _calendar_view(days))])
    return Changes(frozenset({CALENDAR}), updated=written, keys=(str(year),))


def _calendar_view(days: Iterable[CalendarDay]) -> dict[str, Any]:
    return {REST_DAY: sorted(d.day.isoformat() for d in days if d.kind == REST_DAY),
            MAKE_UP_WORKDAY: sorted(d.day.isoformat() for d in days if d.kind == MAKE_UP_WORKDAY)}


# --- promised working days -------------------------------------------------------------------

def promised_working_days(ctx: ServiceContext) -> dict[str, int]:
    """Promised working days for every desk measure (the default where none is configured)."""
    configured = desk_settings_repo.promised_days(ctx.db)
    return {base: configured.get(base, DEFAULT_PROMISED_DAYS) for base in MEASURES}


@guarded(MANAGE_SETTINGS)
def set_promised_working_days(ctx: ServiceContext, *, base_id: str, days: int | None) -> Changes:
    """Set a measure's promised completion time in working days (1–120); None restores the default."""
    if base_id not in MEASURES:
        raise ValidationError(Problem("base_id", f"{base_id} 不是个体工商户窗口受理的政策"))
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_PROMISED_DAYS):
        raise ValidationError(Problem("days", f"承诺办结时限应为1至{MAX_PROMISED_DAYS}个工作日"))
    with write_transaction(ctx.db):
        before = desk_settings_repo.promised_days(ctx.db).get(base_id)
        desk_settings_repo.set_promised_days(ctx.db, base_id, days, actor=ctx.actor.name, at=_now())
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "set_promised_days", MEASURE_SETTINGS, base_id,
                                               {"days": before}, {"days": days})])
    return Changes(frozenset({MEASURE_SETTINGS}), updated=1, keys=(base_id,))


# --- county amounts --------------------------------------------------------------------------

def county_amounts(ctx: ServiceContext) -> dict[tuple[str, str], int]:
    """Configured amounts (fen) by (county code, base rule id)."""
    return desk_settings_repo.county_amounts(ctx.db)


def eligibility_settings(ctx: ServiceContext) -> CountySettings:
    """The county amounts as the engine's settings (no parameter overrides are configurable yet)."""
    return CountySettings(amounts_fen=MappingProxyType(desk_settings_repo.county_amounts(ctx.db)))


@guarded(MANAGE_SETTINGS, scope=lambda ctx, a: [a["county_code"]])
def set_county_amount(ctx: ServiceContext, *, county_code: str, base_id: str, amount_fen: int | None,
                      day: date | None = None) -> Changes:
    """Set the amount (fen) a county pays for a "不少于" measure, checked against the minimum of the
    entry in force on ``day`` (default today); None removes it (the minimum applies)."""
    division = divisions_repo.get(ctx.db, county_code)
    if division is None or division.level != "county":
        raise ValidationError(Problem("county_code", f"{county_code} 不是县级区划代码"))
    if base_id not in COUNTY_AMOUNT_PARAMS:
        raise ValidationError(Problem("base_id", f"政策{base_id}的金额不由县区设定"))
    if amount_fen is not None:
        check_county_amount(effective_catalogue(ctx), base_id, amount_fen, day=day or _today())
    with write_transaction(ctx.db):
        before = desk_settings_repo.county_amounts(ctx.db).get((county_code, base_id))
        desk_settings_repo.set_county_amount(ctx.db, county_code, base_id, amount_fen, actor=ctx.actor.name, at=_now())
        audit.append(ctx.db, [audit.AuditEntry(
            ctx.actor.name, "set_county_amount", COUNTY_AMOUNTS, f"{county_code}:{base_id}",
            {"amount": format_yuan(before) if before is not None else None},
            {"amount": format_yuan(amount_fen) if amount_fen is not None else None})])
    return Changes(frozenset({COUNTY_AMOUNTS}), updated=1, keys=(f"{county_code}:{base_id}",))

