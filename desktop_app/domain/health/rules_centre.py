"""Standards of township health centres (乡镇卫生院, 中心乡镇卫生院) and community health centres
(社区卫生服务中心): beds, key staff, TCM hall, disease capability, buildings, floor area, fever clinic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from desktop_app.domain.health.entities import (
    BACHELOR_OR_ABOVE,
    CENTRAL_TOWNSHIP_CENTRE,
    EQUIPMENT_FIELDS,
    LICENSED_CATEGORIES,
    PHYSICIAN,
    SCOPE_PUBLIC_HEALTH,
    SCOPE_TCM,
    TCM_HALL_PRESENT,
    Facility,
    StaffMember,
)
from desktop_app.domain.health.rules_common import (
    Context,
    Fact,
    all_of,
    due_note,
    equals,
    exact,
    fmt,
    json_number,
    member_of,
    result,
    shortfall_status,
)
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import RuleResult, Status

PER_THOUSAND = 1000  # the unit of the beds_per_1000 parameter (beds per 1,000 people)

# Key-staff slots of hc.township_centre.key_staff, keyed like the entry's params.
SLOT_LABELS = {
    "gp": "全日制本科及以上学历全科医生",
    "tcm": "中医类别执业医师",
    "public_health": "公共卫生类别执业（助理）医师",
}
SLOT_TESTS: dict[str, Callable[[StaffMember], Fact]] = {
    "gp": lambda m: all_of(
        (
            m.active,
            member_of(m.category, LICENSED_CATEGORIES),
            m.general_practice,
            member_of(m.education, BACHELOR_OR_ABOVE),
            m.full_time,
        )
    ),
    "tcm": lambda m: all_of((m.active, equals(m.category, PHYSICIAN), equals(m.practice_scope, SCOPE_TCM))),
    "public_health": lambda m: all_of(
        (m.active, member_of(m.category, LICENSED_CATEGORIES), equals(m.practice_scope, SCOPE_PUBLIC_HEALTH))
    ),
}


def beds_per_1000(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.township_centre.beds_per_1000: beds ≥ ⌈beds_per_1000 × service population / 1,000⌉."""
    population, beds = centre.service_population, centre.beds
    if population is None or beds is None:
        blank = "、".join(name for name, v in (("服务人口", population), ("床位数", beds)) if v is None)
        return result(entry, Status.UNKNOWN, beds, None, f"{blank}未填写")
    required = math.ceil(exact(entry.param("beds_per_1000")) * population / PER_THOUSAND)
    head = f"服务人口{fmt(population)}人，需床位{required}张，现有{beds}张"
    if beds >= required:
        return result(entry, Status.PASS, beds, required, head)
    return result(entry, Status.FAIL, beds, required, f"{head}，缺{required - beds}张")


def _assign(candidates: Sequence[Sequence[int]]) -> list[int | None]:
    """A maximum assignment of distinct persons to slots (augmenting paths); person index or None per slot."""
    owner: dict[int, int] = {}

    def place(slot: int, seen: set[int]) -> bool:
        for person in candidates[slot]:
            if person not in seen:
                seen.add(person)
                if person not in owner or place(owner[person], seen):
                    owner[person] = slot
                    return True
        return False

    for slot in range(len(candidates)):
        place(slot, set())
    assigned: list[int | None] = [None] * len(candidates)
    for person, slot in owner.items():
        assigned[slot] = person
    return assigned


def key_staff(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.township_centre.key_staff: each slot named in params (gp, tcm, public_health) filled by a
    distinct active person; a shortfall is warn before the due date. Counts are persons."""
    slots = list(entry.params)
    staff = ctx.snapshot.staff_by_facility.get(centre.code, [])
    facts = [[SLOT_TESTS[slot](member) for member in staff] for slot in slots]
    sure = _assign([[i for i, fact in enumerate(row) if fact is True] for row in facts])
    filled = sum(person is not None for person in sure)
    if filled == len(slots):
        names = "；".join(f"{SLOT_LABELS[slot]}：{staff[p].name}" for slot, p in zip(slots, sure) if p is not None)
        return result(entry, Status.PASS, filled, len(slots), names)
    possible = _assign([[i for i, fact in enumerate(row) if fact is not False] for row in facts])
    empty = [slot for slot, person in zip(slots, sure) if person is None]
    missing = "、".join(SLOT_LABELS[slot] for slot in empty)
    if all(person is not None for person in possible):
        return result(entry, Status.UNKNOWN, filled, len(slots), f"能否配齐{missing}取决于未填写的人员信息")
    status = shortfall_status(entry, ctx.as_of)
    message = f"{len(slots)}个岗位须由{len(slots)}名不同人员担任，现配齐{filled}个，缺{missing}"
    if any(any(fact is True for fact in facts[slots.index(slot)]) for slot in empty):
        message += "（符合条件的人员已占其他岗位，一人只能占一个岗位）"
    return result(entry, status, filled, len(slots), message + due_note(entry, status))


def tcm_hall(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.township_centre.tcm_hall: 中医馆 有 or 示范; a shortfall is warn before the due date."""
    required = "或".join(TCM_HALL_PRESENT)
    if centre.tcm_hall is None:
        return result(entry, Status.UNKNOWN, None, required, "中医馆情况未填写")
    if centre.tcm_hall in TCM_HALL_PRESENT:
        return result(entry, Status.PASS, centre.tcm_hall, required, f"中医馆：{centre.tcm_hall}")
    status = shortfall_status(entry, ctx.as_of)
    return result(entry, status, centre.tcm_hall, required, f"尚未建成中医馆{due_note(entry, status)}")


def _diseases(entry: RuleEntry, centre: Facility, short: Status, label: str, tail: str = "") -> RuleResult:
    minimum = entry.param("min_diseases")
    value = centre.common_diseases
    if value is None:
        return result(entry, Status.UNKNOWN, None, minimum, "能识别和初步诊治的常见病、多发病种数未填写")
    head = f"能识别和初步诊治{value}种常见病、多发病"
    if value >= minimum:
        return result(entry, Status.PASS, value, minimum, f"{head}，达到{label}{minimum}种")
    return result(entry, short, value, minimum, f"{head}，低于{label}{minimum}种，还差{minimum - value}种{tail}")


def township_common_diseases(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.township_centre.common_diseases: ≥ min_diseases; a shortfall is only warn (补短达标 bar)."""
    return _diseases(entry, centre, Status.WARN, "补短达标标准")


def central_common_diseases(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.central_centre.common_diseases: for a 中心乡镇卫生院, or a 乡镇卫生院 that is a 次中心,
    ≥ min_diseases (due date applies)."""
    if centre.kind != CENTRAL_TOWNSHIP_CENTRE:
        if centre.sub_centre is None:
            return result(entry, Status.UNKNOWN, centre.common_diseases, entry.param("min_diseases"), "是否为次中心未填写")
        if not centre.sub_centre:
            return result(entry, Status.NOT_APPLICABLE, None, None, "非中心乡镇卫生院、非次中心，本项不适用")
    status = shortfall_status(entry, ctx.as_of)
    return _diseases(entry, centre, status, "次中心标准", due_note(entry, status))


def buildings_and_ct(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.central_centre.buildings_and_ct: every item of params.required (门诊楼, 病房楼, 16排CT) present."""
    items = entry.param("required")
    states = {item: getattr(centre, EQUIPMENT_FIELDS[item]) for item in items}
    present = sum(state is True for state in states.values())
    missing = [item for item, state in states.items() if state is False]
    blank = [item for item, state in states.items() if state is None]
    if not missing and not blank:
        return result(entry, Status.PASS, present, len(items), f"{'、'.join(items)}齐全")
    if not missing:
        return result(entry, Status.UNKNOWN, present, len(items), f"{'、'.join(blank)}未填写")
    status = shortfall_status(entry, ctx.as_of)
    blank_note = f"；{'、'.join(blank)}未填写" if blank else ""
    message = f"缺{'、'.join(missing)}{blank_note}{due_note(entry, status)}"
    return result(entry, status, present, len(items), message)


def community_floor_area(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.community_centre.floor_area (m²): floor area ≥ band area for the service population (upper
    bounds inclusive) + per_bed_m2 × beds; a population outside planning_population adds a note."""
    population, beds, area = centre.service_population, centre.beds, centre.floor_area_m2
    blank = [name for name, v in (("服务人口", population), ("床位数", beds), ("建筑面积", area)) if v is None]
    if blank:
        return result(entry, Status.UNKNOWN, area, None, f"{'、'.join(blank)}未填写")
    band = next(a for _, upper, a in entry.param("bands") if upper is None or population <= upper)
    required = exact(band) + exact(entry.param("per_bed_m2")) * beds
    message = f"服务人口{fmt(population)}人对应{fmt(band)}m²，{beds}张床位，需{fmt(required)}m²，现有{fmt(area)}m²"
    low, high = entry.param("planning_population")
    if not low <= population <= high:
        message += f"（注意：服务人口不在规划标准{fmt(low)}—{fmt(high)}人范围内）"
    if exact(area) >= required:
        return result(entry, Status.PASS, area, json_number(required), message)
    return result(entry, Status.FAIL, area, json_number(required), f"{message}，缺{fmt(required - exact(area))}m²")


def fever_clinic(entry: RuleEntry, centre: Facility, ctx: Context) -> RuleResult:
    """hc.centre.fever_clinic: a standard fever clinic (发热诊室) is in place."""
    if centre.fever_clinic is None:
        return result(entry, Status.UNKNOWN, None, True, "标准化发热诊室情况未填写")
    if centre.fever_clinic:
        return result(entry, Status.PASS, True, True, "已建立标准化发热诊室")
    return result(entry, Status.FAIL, False, True, "未建立标准化发热诊室")
