"""Standards of village clinics (村卫生室) and community stations (社区卫生服务站).

Each rule function takes the governing catalogue entry, the facility and the evaluation context,
reads every number from ``entry.params`` and returns one RuleResult.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from desktop_app.domain.health.entities import DOCTOR_CATEGORIES, OTHER_STAFF, ROOM_FIELDS, Facility, StaffMember
from desktop_app.domain.health.rules_common import (
    Context,
    Fact,
    all_of,
    due_note,
    exact,
    fmt,
    member_of,
    result,
    shortfall_status,
)
from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import RuleResult, Status


def service_population(clinic: Facility, snapshot: HealthSnapshot) -> tuple[int | None, str]:
    """Service population of a clinic in persons, with the reason when it cannot be known.

    The registered 服务人口 if given; otherwise the sum of the served villages' populations.
    """
    if clinic.service_population is not None:
        return clinic.service_population, ""
    villages = snapshot.villages_by_code
    missing = [code for code in clinic.served_codes if code not in villages]
    blank = [code for code in clinic.served_codes if code in villages and villages[code].population is None]
    if not clinic.served_codes or missing or blank:
        reason = "服务人口未填写"
        if missing:
            reason += f"，服务村庄{'、'.join(missing)}不在村庄表中"
        if blank:
            reason += f"，服务村庄{'、'.join(blank)}常住人口未填写"
        return None, reason
    return sum(villages[code].population for code in clinic.served_codes), ""


def is_medical_staff(member: StaffMember) -> Fact:
    """Active and of a category other than 其他 (hc.village_clinic.staff_per_1000)."""
    category = None if member.category is None else member.category != OTHER_STAFF
    return all_of((member.active, category))


def is_active_doctor(member: StaffMember) -> Fact:
    """Active 乡村医生 / 执业医师 / 执业助理医师."""
    return all_of((member.active, member_of(member.category, DOCTOR_CATEGORIES)))


def township_hired_fact(staff: Iterable[StaffMember]) -> tuple[Fact, int]:
    """Whether a clinic implements 乡聘村用 (hc.village_clinic.township_hired), and how many of
    its active doctors are township-hired: True when one is, None when blanks leave it open."""
    facts = [all_of((is_active_doctor(m), m.township_hired)) for m in staff]
    hired = sum(fact is True for fact in facts)
    if hired:
        return True, hired
    return (None if any(fact is None for fact in facts) else False), 0


def staff_per_1000(entry: RuleEntry, clinic: Facility, ctx: Context) -> RuleResult:
    """hc.village_clinic.staff_per_1000: medical staff ≥ max(min_staff, ⌈service population / per_population⌉)."""
    population, reason = service_population(clinic, ctx.snapshot)
    if population is None:
        return result(entry, Status.UNKNOWN, None, None, f"{reason}，无法核定医务人员数")
    required = max(entry.param("min_staff"), math.ceil(Fraction(population) / exact(entry.param("per_population"))))
    facts = [is_medical_staff(m) for m in ctx.snapshot.staff_by_facility.get(clinic.code, ())]
    have = sum(fact is True for fact in facts)
    undecided = sum(fact is None for fact in facts)
    head = f"服务人口{fmt(population)}人，需医务人员{required}名，现有{have}名"
    if have >= required:
        return result(entry, Status.PASS, have, required, head)
    if have + undecided >= required:
        return result(entry, Status.UNKNOWN, have, required, f"{head}，另有{undecided}名人员在岗状态或类别未填写")
    return result(entry, Status.FAIL, have, required, f"{head}，缺{required - have}名")


def floor_area(entry: RuleEntry, facility: Facility, ctx: Context) -> RuleResult:
    """hc.village_clinic.floor_area and hc.community_station.floor_area (m²): below min_area_m2
    fails for facilities built or renovated from new_from_year on, warns for older or unknown years."""
    minimum = entry.param("min_area_m2")
    area = facility.floor_area_m2
    if area is None:
        return result(entry, Status.UNKNOWN, None, minimum, "建筑面积未填写")
    if exact(area) >= exact(minimum):
        return result(entry, Status.PASS, area, minimum, f"建筑面积{fmt(area)}m²，不低于{fmt(minimum)}m²")
    head = f"建筑面积{fmt(area)}m²，低于{fmt(minimum)}m²"
    new_from = entry.param("new_from_year")
    if facility.built_year is not None and facility.built_year >= new_from:
        return result(entry, Status.FAIL, area, minimum, f"{head}（{facility.built_year}年新改扩建，须达标）")
    built = f"建于{facility.built_year}年" if facility.built_year is not None else "无新改扩建记录"
    return result(entry, Status.WARN, area, minimum, f"{head}（{built}，建议改扩建时达到标准）")


def seven_rooms(entry: RuleEntry, clinic: Facility, ctx: Context) -> RuleResult:
    """hc.village_clinic.seven_rooms: every room of params.rooms present; missing rooms fail for
    clinics built from new_from_year on, warn otherwise."""
    rooms = entry.param("rooms")
    states = {room: getattr(clinic, ROOM_FIELDS[room]) for room in rooms}
    present = sum(state is True for state in states.values())
    missing = [room for room, state in states.items() if state is False]
    blank = [room for room, state in states.items() if state is None]
    blank_note = f"；{'、'.join(blank)}未填写" if blank else ""
    if not missing and not blank:
        return result(entry, Status.PASS, present, len(rooms), f"{len(rooms)}室齐全")
    if not missing:
        return result(entry, Status.UNKNOWN, present, len(rooms), f"已有{present}室{blank_note}")
    new_from = entry.param("new_from_year")
    is_new = clinic.built_year is not None and clinic.built_year >= new_from
    status = Status.FAIL if is_new else Status.WARN
    advice = "" if is_new else "，建议改扩建时实现七室分开"
    return result(entry, status, present, len(rooms), f"缺{'、'.join(missing)}{blank_note}{advice}")


def public_ownership(entry: RuleEntry, clinic: Facility, ctx: Context) -> RuleResult:
    """hc.village_clinic.public_ownership: ownership equals params.ownership (公有)."""
    wanted = entry.param("ownership")
    if clinic.ownership is None:
        return result(entry, Status.UNKNOWN, None, wanted, "产权性质未填写")
    if clinic.ownership == wanted:
        return result(entry, Status.PASS, clinic.ownership, wanted, f"产权性质为{wanted}")
    return result(entry, Status.FAIL, clinic.ownership, wanted, f"产权性质为{clinic.ownership}，应为{wanted}")


def _at_least(entry: RuleEntry, value: int | None, minimum: int, what: str, unit: str, ctx: Context) -> RuleResult:
    """A count that must reach ``minimum``; a shortfall is warn before the entry's due date."""
    if value is None:
        return result(entry, Status.UNKNOWN, None, minimum, f"{what}未填写")
    if value >= minimum:
        return result(entry, Status.PASS, value, minimum, f"{what}{value}{unit}，不少于{minimum}{unit}")
    status = shortfall_status(entry, ctx.as_of)
    message = f"{what}{value}{unit}，少于{minimum}{unit}，还差{minimum - value}{unit}{due_note(entry, status)}"
    return result(entry, status, value, minimum, message)


def common_diseases(entry: RuleEntry, clinic: Facility, ctx: Context) -> RuleResult:
    """hc.village_clinic.common_diseases: diseases recognised and treated ≥ min_diseases (due date applies)."""
    return _at_least(entry, clinic.common_diseases, entry.param("min_diseases"), "能识别和初步诊治的常见病", "种", ctx)


def tcm_techniques(entry: RuleEntry, clinic: Facility, ctx: Context) -> RuleResult:
    """hc.village_clinic.tcm_techniques: TCM techniques mastered ≥ min_techniques (due date applies)."""
    return _at_least(entry, clinic.tcm_techniques, entry.param("min_techniques"), "掌握中医药适宜技术", "类", ctx)


def township_hired(entry: RuleEntry, clinic: Facility, ctx: Context) -> RuleResult:
    """hc.village_clinic.township_hired: at least one active doctor is township-hired (乡聘村用)."""
    fact, hired = township_hired_fact(ctx.snapshot.staff_by_facility.get(clinic.code, ()))
    if fact is True:
        return result(entry, Status.PASS, hired, 1, f"{hired}名在岗医生为乡聘村用")
    if fact is None:
        return result(entry, Status.UNKNOWN, 0, 1, "部分在岗医生的乡聘村用情况、类别或状态未填写")
    return result(entry, Status.FAIL, 0, 1, "无乡聘村用的在岗医生（乡村医生/执业医师/执业助理医师）")
