"""Demo inspection visits (interchange §5 names no scale: three visits per county-level unit).

Built on the demo registry written earlier in the same transaction. Each county gets a visit about
fourteen months ago, one about five months ago and one twelve days ago, each to a township centre
and up to five village clinics of one township. Every applicable rule gets a finding (mostly 属实;
some 不符, kept to be verified, so the registry is never changed; a few 未检查). Failed and differing
items get rectification orders in every state: closed (one after being reopened), reported,
open and overdue, and — from the latest visit — open and due within the week. The visit dates
hang on the day the demo is made (the only clock this module reads), so the work lists have
something to show; everything else is deterministic for the seeded ``rng``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from desktop_app.domain.health.entities import OWNERSHIP, ROOM_FIELDS, TCM_HALL_LEVELS, VILLAGE_CLINIC, Facility
from desktop_app.domain.inspections import (
    CLOSED,
    CONFIRMED,
    DIFFERS,
    KEPT,
    NOT_CHECKED,
    OPEN,
    ORDERABLE_STATUSES,
    REPORTED,
    Finding,
    Order,
    OrderEvent,
    Visit,
    base_id,
    visit_id_for,
)
from desktop_app.domain.rules.results import RuleResult, Status
from desktop_app.services import health_report_data
from desktop_app.services.inspections import registry_text
from desktop_app.store import facilities_repo, inspections_repo, staff_repo, villages_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import DemoPlan, ProgressCallback

# Days before the demo is made, with the share of that visit's orders per state (the rest open).
VISIT_AGES = ((420, {CLOSED: 0.8, REPORTED: 0.05}), (150, {CLOSED: 0.4, REPORTED: 0.25}), (12, {CLOSED: 0.0, REPORTED: 0.15}))
INSPECTORS = ("王建国", "李秀梅", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "郭丽", "周敏", "孙浩")
RESPONSIBLE = ("韩志强", "牛秀英", "毋建军", "原丽娟", "焦红霞", "申文斌", "靳海燕", "秦振国")
REQUIREMENTS = {
    "hc.facility.licence": "办理执业许可证校验换证",
    "hc.village_clinic.floor_area": "按标准改扩建业务用房",
    "hc.village_clinic.seven_rooms": "完善功能分区，做到七室分开",
    "hc.village_clinic.township_hired": "落实乡村医生乡聘村用",
    "hc.village_clinic.staff_per_1000": "按服务人口配齐医务人员",
}


def _seen(facility: Facility, result: RuleResult, rng: random.Random) -> str:
    """A plausible value seen on site that differs from the registry."""
    rule = base_id(result.rule_id)
    if rule == "hc.facility.licence":
        until = facility.licence_valid_until or date(2024, 1, 1)
        return (until + timedelta(days=rng.choice((365, 730, 1825)))).isoformat()
    if rule.endswith("floor_area"):
        return f"{(facility.floor_area_m2 or 80) + rng.choice((-15, -8, 10, 24)):g}"
    if rule.endswith("seven_rooms"):
        return "、".join(rng.sample(list(ROOM_FIELDS), rng.randint(4, 6)))
    if rule.endswith("public_ownership"):
        return rng.choice([o for o in OWNERSHIP if o != facility.ownership])
    if rule.endswith("tcm_hall"):
        return rng.choice([o for o in TCM_HALL_LEVELS if o != facility.tcm_hall])
    if rule.endswith("fever_clinic"):
        return "否" if facility.fever_clinic else "是"
    if isinstance(result.actual, int) and not isinstance(result.actual, bool):
        return str(max(0, result.actual + rng.choice((-3, -1, 2, 4))))
    return rng.choice(("现场核实人数与登记不一致", "登记信息与现场不符，待补充材料"))


def _findings(visit: Visit, facility: Facility, results: list[RuleResult], rng: random.Random) -> list[Finding]:
    found = []
    for result in results:
        if result.status == Status.NOT_APPLICABLE:
            continue
        roll = rng.random()
        if roll < 0.05:
            found.append(Finding(visit.id, facility.code, result.rule_id, NOT_CHECKED, registry_value=registry_text(result),
                                 remark="现场未能查看"))
        elif roll < 0.17:
            photos = (f"{visit.id}-{facility.code}-{len(found) + 1}.jpg",) if rng.random() < 0.5 else ()
            found.append(Finding(visit.id, facility.code, result.rule_id, DIFFERS, _seen(facility, result, rng),
                                 "与登记不一致，待核实", photos, KEPT, registry_text(result)))
        else:
            found.append(Finding(visit.id, facility.code, result.rule_id, CONFIRMED, registry_value=registry_text(result)))
    return found


class _Orders:
    """Orders of the demo with their steps, in every state."""

    def __init__(self, rng: random.Random, today: date, actor: str):
        self.rng, self.today, self.actor = rng, today, actor
        self.orders: list[tuple[Order, list[OrderEvent]]] = []
        self.reopened_one = False

    def add(self, visit: Visit, facility: Facility, finding: Finding, shares: dict[str, float]) -> None:
        rng, visited = self.rng, visit.visited_on
        deadline = visited + timedelta(days=rng.choice((10, 15, 20, 30, 45, 60)))
        roll = rng.random()
        status = CLOSED if roll < shares[CLOSED] else REPORTED if roll < shares[CLOSED] + shares[REPORTED] else OPEN
        order = Order(0, visit.id, facility.code, finding.rule_id, REQUIREMENTS.get(base_id(finding.rule_id), "按标准整改到位"),
                      rng.choice(RESPONSIBLE), deadline, OPEN,
                      county_code=facility.county_code, division_code=facility.division_code)
        at = lambda day: f"{day.isoformat()}T09:00:00"  # noqa: E731
        events = [OrderEvent(0, "open", None, OPEN, order.requirement, visited, self.actor, at(visited))]
        if status != OPEN:
            reported = min(self.today, visited + timedelta(days=rng.randint(5, 40)))
            order = replace(order, status=REPORTED, reported_on=reported, completion_note="已按要求整改，附整改前后照片")
            events.append(OrderEvent(0, "report", OPEN, REPORTED, order.completion_note, reported, self.actor, at(reported)))
            if status == CLOSED:
                closed = min(self.today, reported + timedelta(days=rng.randint(2, 15)))
                if not self.reopened_one:
                    self.reopened_one = True
                    events += [OrderEvent(0, "reopen", REPORTED, OPEN, "整改不到位，请继续整改", closed, self.actor, at(closed)),
                               OrderEvent(0, "report", OPEN, REPORTED, "已再次整改", closed, self.actor, at(closed))]
                    order = replace(order, reopened=1)
                events.append(OrderEvent(0, "close", REPORTED, CLOSED, "经核实整改到位，予以销号", closed, self.actor, at(closed)))
                order = replace(order, status=CLOSED)
        self.orders.append((order, events))


def generate(ctx: ServiceContext, plan: DemoPlan, rng: random.Random, progress: ProgressCallback) -> dict[str, int]:
    """Three visits per county of the plan with findings and orders (marked demo)."""
    today = date.today()
    county_codes = {c.code for c in plan.counties}
    by_township: dict[str, list[Facility]] = defaultdict(list)
    for facility in facilities_repo.all_facilities(ctx.db):
        if facility.county_code in county_codes:
            by_township[facility.township_code].append(facility)
    staff = defaultdict(list)
    for member in staff_repo.all_staff(ctx.db):
        staff[member.facility_code].append(member)
    visits: list[Visit] = []
    findings: list[Finding] = []
    orders = _Orders(rng, today, ctx.actor.name)
    taken: set[str] = set(inspections_repo.visit_ids(ctx.db, "JC"))
    for index, county in enumerate(plan.counties):
        progress(index, len(plan.counties), f"生成{county.name}示例督导检查")
        townships = sorted(t for t in by_township if t.startswith(county.code[:6]))
        for (age, shares), township in zip(VISIT_AGES, rng.sample(townships, min(len(townships), len(VISIT_AGES)))):
            members = by_township[township]
            centres = [f for f in members if f.kind != VILLAGE_CLINIC][:1]
            clinics = [f for f in members if f.kind == VILLAGE_CLINIC]
            chosen = centres + rng.sample(clinics, min(5, len(clinics)))
            day = today - timedelta(days=age + rng.randint(0, 6))
            visit = Visit(visit_id_for(day, taken), day, tuple(rng.sample(INSPECTORS, 2)), tuple(f.code for f in chosen),
                          "示例督导检查")
            taken.add(visit.id)
            visits.append(visit)
            villages = villages_repo.get_many(ctx.db, {c for f in chosen for c in (f.division_code, *f.served_codes)})
            everyone = [m for f in chosen for m in staff[f.code]]
            results = health_report_data.facility_results(ctx, chosen, everyone, villages, as_of=day)
            for facility in chosen:
                own = _findings(visit, facility, results[facility.code], rng)
                findings += own
                status = {r.rule_id: r.status for r in results[facility.code]}
                for finding in own:
                    orderable = finding.finding == DIFFERS or status.get(finding.rule_id) in ORDERABLE_STATUSES
                    if finding.finding != NOT_CHECKED and orderable and rng.random() < 0.6:
                        orders.add(visit, facility, finding, shares)
    progress(len(plan.counties), len(plan.counties), "写入示例督导检查数据")
    at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    inspections_repo.insert_visits(ctx.db, visits, actor=ctx.actor.name, at=at, is_demo=True)
    inspections_repo.upsert_findings(ctx.db, findings, actor=ctx.actor.name, at=at, is_demo=True)
    events: list[OrderEvent] = []
    for order, steps in orders.orders:
        order_id = inspections_repo.insert_order(ctx.db, order, actor=ctx.actor.name, at=at, is_demo=True)
        events += [replace(step, order_id=order_id) for step in steps]
    inspections_repo.add_events(ctx.db, events)
    return {"inspection_visits": len(visits), "inspection_findings": len(findings),
            "rectification_orders": len(orders.orders)}
