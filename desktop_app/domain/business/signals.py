"""Fraud signals for the individual-business desk, computed from plain records (no database).

A signal is a prompt to look again, not a verdict: the same person (or hired person) claimed more
often than a measure allows, one operator ID on businesses in different counties, an application
received before the business was registered. Applications refused or withdrawn are ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain.business.entities import CLOSED_WITHOUT_GRANT, Application, Business
from desktop_app.domain.identity import mask_id_number
from desktop_app.domain.rules.catalogue import Catalogue

PERSON_CLAIMED_TWICE = "person_claimed_twice"
BUSINESS_CLAIMED_TWICE = "business_claimed_twice"
HIRE_CLAIMED_TWICE = "hire_claimed_twice"
ID_IN_SEVERAL_COUNTIES = "id_in_several_counties"
RECEIVED_BEFORE_REGISTRATION = "received_before_registration"

ONCE_PER_PERSON = ("ib.startup_subsidy", "ib.conversion_award")
ONCE_PER_BUSINESS = ("ib.directory_award",)
PER_BUSINESS_AND_YEAR = {"ib.conversion_bookkeeping": ("补贴年度", "subsidy_year")}
PER_PERSON_AND_YEAR = "emp.skill_subsidy"
HIRING = ("emp.expansion_subsidy", "emp.absorption_subsidy")
HIRES_FACT = "招用人员"
SKILL_LIMIT_PARAM = "max_per_year"


@dataclass(frozen=True)
class Signal:
    """One fraud signal: kind, a Chinese message (IDs masked) and the records it concerns."""

    kind: str
    message: str
    receipt_nos: tuple[str, ...] = ()
    usccs: tuple[str, ...] = ()
    id_number: str | None = None


def _live(applications: Iterable[Application]) -> list[Application]:
    return [a for a in applications if a.status not in CLOSED_WITHOUT_GRANT]


def _receipts(applications: Iterable[Application]) -> tuple[str, ...]:
    return tuple(sorted(a.receipt_no for a in applications))


def _person_of(application: Application, businesses: dict[str, Business]) -> str | None:
    if application.id_number:
        return application.id_number.upper()
    business = businesses.get((application.uscc or "").upper())
    return business.operator_id_number.upper() if business and business.operator_id_number else None


def _hires_of(application: Application) -> list[str]:
    raw = application.facts.get(HIRES_FACT, application.facts.get("hires", ()))
    items = raw if isinstance(raw, (tuple, list)) else str(raw).replace("，", ",").replace("、", ",").split(",")
    return [str(i).strip().upper() for i in items if str(i).strip()]


def duplicate_claims(applications: Iterable[Application], businesses: Iterable[Business], *, catalogue: Catalogue | None = None) -> list[Signal]:
    """Persons and businesses claiming a measure more often than it allows.

    Once per person: ib.startup_subsidy, ib.conversion_award (the person is the applicant ID or
    the business operator). Once per business: ib.directory_award; per business and 补贴年度:
    ib.conversion_bookkeeping. emp.skill_subsidy: more than ``max_per_year`` claims of a person in
    a calendar year (the limit read from ``catalogue``; without it, any repeat is signalled).
    """
    by_code = {b.uscc.upper(): b for b in businesses}
    live = _live(applications)
    groups: dict[tuple[str, ...], list[Application]] = defaultdict(list)
    for app in live:
        base = app.base_policy_id
        if base in ONCE_PER_PERSON and (person := _person_of(app, by_code)):
            groups[(PERSON_CLAIMED_TWICE, base, person)].append(app)
        elif base in ONCE_PER_BUSINESS and app.uscc:
            groups[(BUSINESS_CLAIMED_TWICE, base, app.uscc.upper())].append(app)
        elif base in PER_BUSINESS_AND_YEAR and app.uscc:
            key_cn, name = PER_BUSINESS_AND_YEAR[base]
            year = str(app.facts.get(key_cn, app.facts.get(name, ""))).strip()
            groups[(BUSINESS_CLAIMED_TWICE, base, app.uscc.upper(), year)].append(app)
        elif base == PER_PERSON_AND_YEAR and app.id_number:
            groups[(PERSON_CLAIMED_TWICE, base, app.id_number.upper(), str(app.received_on.year))].append(app)
    signals: list[Signal] = []
    for key, apps in groups.items():
        kind, base, subject = key[0], key[1], key[2]
        allowed = 1
        if base == PER_PERSON_AND_YEAR and catalogue is not None:
            entry = catalogue.in_force(base, apps[0].received_on) or catalogue.latest(base, apps[0].received_on)
            allowed = int(entry.param(SKILL_LIMIT_PARAM))
        if len(apps) <= allowed:
            continue
        receipts = _receipts(apps)
        if kind == PERSON_CLAIMED_TWICE:
            period = f"{key[3]}年" if len(key) > 3 else ""
            message = f"{mask_id_number(subject)}{period}申请{base}共{len(apps)}次（允许{allowed}次）：{'、'.join(receipts)}"
            signals.append(Signal(kind, message, receipts, tuple(sorted({(a.uscc or '').upper() for a in apps if a.uscc})), subject))
        else:
            period = f"（补贴年度{key[3]}）" if len(key) > 3 else ""
            message = f"个体工商户{subject}{period}申请{base}共{len(apps)}次（允许{allowed}次）：{'、'.join(receipts)}"
            signals.append(Signal(kind, message, receipts, (subject,)))
    return signals


def duplicate_hires(applications: Iterable[Application]) -> list[Signal]:
    """Hired persons listed in more than one hiring-subsidy application (either subsidy, any employer)."""
    claims: dict[str, list[Application]] = defaultdict(list)
    for app in _live(applications):
        if app.base_policy_id in HIRING:
            for hire in dict.fromkeys(_hires_of(app)):
                claims[hire].append(app)
    signals = []
    for hire, apps in claims.items():
        if len(apps) > 1:
            receipts = _receipts(apps)
            detail = "、".join(f"{a.receipt_no}（{a.base_policy_id}，{a.uscc or ''}）" for a in sorted(apps, key=lambda a: a.receipt_no))
            signals.append(Signal(HIRE_CLAIMED_TWICE, f"招用人员{mask_id_number(hire)}在{len(apps)}份招用补助申请中出现：{detail}",
                                  receipts, tuple(sorted({(a.uscc or '').upper() for a in apps if a.uscc})), hire))
    return signals


def ids_in_several_counties(businesses: Iterable[Business]) -> list[Signal]:
    """Operator ID numbers found on businesses registered in more than one county."""
    by_operator: dict[str, list[Business]] = defaultdict(list)
    for business in businesses:
        if business.operator_id_number and business.county_code:
            by_operator[business.operator_id_number.upper()].append(business)
    signals = []
    for operator, owned in by_operator.items():
        counties = sorted({b.county_code for b in owned if b.county_code})
        if len(counties) > 1:
            detail = "、".join(f"{b.name}（{b.uscc}，{b.county_code}，{b.status}）" for b in sorted(owned, key=lambda b: b.uscc))
            signals.append(Signal(ID_IN_SEVERAL_COUNTIES, f"经营者{mask_id_number(operator)}在{len(counties)}个县区登记个体工商户：{detail}",
                                  usccs=tuple(sorted(b.uscc for b in owned)), id_number=operator))
    return signals


def received_before_registration(applications: Iterable[Application], businesses: Iterable[Business]) -> list[Signal]:
    """Applications received before the applicant business's registration date."""
    by_code: dict[str, Business] = {}
    for business in businesses:
        for code in (business.uscc, business.enterprise_uscc):
            if code:
                by_code[code.upper()] = business
    signals = []
    for app in _live(applications):
        business = by_code.get((app.uscc or "").upper())
        if business and business.registered_on and app.received_on < business.registered_on:
            signals.append(Signal(RECEIVED_BEFORE_REGISTRATION,
                                  f"申请{app.receipt_no}受理日期{app.received_on.isoformat()}早于个体工商户{business.uscc}登记日期{business.registered_on.isoformat()}",
                                  (app.receipt_no,), (business.uscc,)))
    return signals


def find_signals(applications: Iterable[Application], businesses: Iterable[Business], *, catalogue: Catalogue | None = None) -> list[Signal]:
    """Every fraud signal of the four kinds, in that order."""
    applications = list(applications)
    businesses = list(businesses)
    return [
        *duplicate_claims(applications, businesses, catalogue=catalogue),
        *duplicate_hires(applications),
        *ids_in_several_counties(businesses),
        *received_before_registration(applications, businesses),
    ]
