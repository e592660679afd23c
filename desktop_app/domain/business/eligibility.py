"""Eligibility of an individual-business or employment application (rule ids ``ib.*`` and ``emp.*``).

:func:`check_eligibility` finds the catalogue entry in force on the receipt date (successor
entries such as ``ib.startup_subsidy@2026`` included), checks the validity window
(``after_valid_to: expires``), reads the application facts against their specification and runs
the measure's conditions. The result lists every condition with the facts behind it, so the
decision screen can show why; ``Eligibility.as_json`` is the interchange §3 application object.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType

from desktop_app.domain.business import measures_emp, measures_ib
from desktop_app.domain.business.entities import Application
from desktop_app.domain.business.evaluation import Evaluation, yuan
from desktop_app.domain.business.facts import FactCatalogue, read_facts, shipped_fact_catalogue
from desktop_app.domain.business.lookups import (
    NO_SETTINGS,
    CountySettings,
    EligibilityHistory,
    EligibilitySettings,
    check_county_amount,
)
from desktop_app.domain.business.outcome import Condition, Eligibility
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry

__all__ = [
    "MEASURES",
    "NO_SETTINGS",
    "Condition",
    "CountySettings",
    "Eligibility",
    "EligibilityHistory",
    "EligibilitySettings",
    "check_county_amount",
    "check_eligibility",
]

MEASURES: Mapping[str, Callable[[Evaluation], int | None]] = MappingProxyType({
    "ib.startup_subsidy": measures_ib.startup_subsidy,
    "ib.directory_award": measures_ib.directory_award,
    "ib.conversion_award": measures_ib.conversion_award,
    "ib.conversion_bookkeeping": measures_ib.conversion_bookkeeping,
    "ib.guarantee_loan": measures_ib.guarantee_loan,
    "emp.skill_subsidy": measures_emp.skill_subsidy,
    "emp.expansion_subsidy": measures_emp.hiring_subsidy,
    "emp.absorption_subsidy": measures_emp.hiring_subsidy,
    "emp.stable_job_return": measures_emp.stable_job_return,
})
"""The implemented measures by base rule id."""

WINDOW_LABEL = "受理日期在政策有效期内"


def check_eligibility(
    application: Application,
    *,
    catalogue: Catalogue,
    history: EligibilityHistory,
    settings: EligibilitySettings = NO_SETTINGS,
    facts: FactCatalogue | None = None,
) -> Eligibility:
    """Decide whether ``application`` is eligible and for how much (fen).

    ``history`` answers the cross-database look-ups, ``settings`` the county amounts and
    overrides, ``facts`` the application-fact specification (default: the shipped one). The
    entry in force on the receipt date is taken from the policy's whole family, whichever member
    the application names. A policy id that is not in the catalogue, or not an implemented
    ib./emp. measure, gives an ineligible result naming it. Never raises for bad data: missing inputs make a condition unknown (not eligible).
    """
    base = application.base_policy_id
    evaluate = MEASURES.get(base)
    family = catalogue.family(base)
    if evaluate is None or application.policy_id not in catalogue:
        return _not_handled(application, catalogue)
    measure = (facts or shipped_fact_catalogue()).get(base)
    in_force = _entry_in_force(catalogue, base, application.received_on)
    entry = in_force or catalogue.latest(base, application.received_on)
    reading = read_facts(application.facts, measure, entry)
    ev = Evaluation(application, entry, catalogue, history, settings, measure, reading)
    _window(ev, family, in_force)
    if reading.problems:
        text = "；".join(p.reason for p in reading.problems)
        ev.add("facts", "申请事实填写正确", False, text, text)
    amount = evaluate(ev)
    return _verdict(ev, amount)


def _entry_in_force(catalogue: Catalogue, base: str, day: date) -> RuleEntry | None:
    entry = catalogue.in_force(base, day)
    if entry is None:
        latest = catalogue.latest(base, day)
        if latest.after_valid_to == "stays" and (latest.valid_from is None or latest.valid_from <= day):
            return latest
    return entry


def _span(entry: RuleEntry) -> str:
    start = entry.valid_from.isoformat() if entry.valid_from else "不限"
    end = entry.valid_to.isoformat() if entry.valid_to else "长期"
    return f"{start}至{end}"


def _window(ev: Evaluation, family: list[RuleEntry], in_force: RuleEntry | None) -> None:
    day = ev.received_on
    spans = "、".join(f"{e.id}：{_span(e)}" for e in family)
    facts = f"受理日期{day.isoformat()}；有效期 {spans}"
    if in_force is not None:
        ev.add("window", WINDOW_LABEL, True, f"受理日期{day.isoformat()}；适用{in_force.id}（{_span(in_force)}）")
        return
    started = [e for e in family if e.valid_from is None or e.valid_from <= day]
    if not started:
        message = f"该政策自{family[0].valid_from.isoformat()}起施行，受理日期{day.isoformat()}不在有效期内"
    else:
        ended = max(e.valid_to for e in started if e.valid_to is not None)
        message = f"该政策已于{ended.isoformat()}到期，受理日期{day.isoformat()}不在有效期内"
        upcoming = [e for e in family if e.valid_from is not None and e.valid_from > day]
        if upcoming:
            message += f"（后续政策自{upcoming[0].valid_from.isoformat()}起施行）"
    ev.add("window", WINDOW_LABEL, False, facts, message)


def _verdict(ev: Evaluation, amount: int | None) -> Eligibility:
    application = ev.application
    failed = [c for c in ev.conditions if c.passed is not True]
    eligible = not failed and amount is not None
    failed_rules = list(dict.fromkeys(c.rule_id for c in failed))
    if eligible:
        reasons = [f"符合全部条件，核定金额{yuan(amount)}", *ev.notes]
        requested = application.amount_requested_fen
        if requested is not None and requested != amount:
            reasons.append(f"申请金额{yuan(requested)}，核定金额{yuan(amount)}")
    else:
        reasons = list(dict.fromkeys(c.message for c in failed))
    return Eligibility(
        receipt_no=application.receipt_no,
        policy_id=application.policy_id,
        entry_id=ev.entry.id,
        eligible=eligible,
        amount_fen=amount if eligible else None,
        conditions=list(ev.conditions),
        failed_rules=failed_rules,
        reasons=reasons,
        citation=ev.entry.citation,
    )


def _not_handled(application: Application, catalogue: Catalogue) -> Eligibility:
    policy = application.policy_id
    if policy not in catalogue:
        reason = f"政策代码{policy}不在规则目录中"
    else:
        reason = f"政策{policy}不是个体工商户窗口受理的扶持政策"
    condition = Condition(policy, "policy", "政策代码为个体工商户或就业扶持政策", False, f"政策代码：{policy}", reason)
    return Eligibility(application.receipt_no, policy, None, False, None, [condition], [policy], [reason])
