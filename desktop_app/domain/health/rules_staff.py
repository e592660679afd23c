"""Staff rules: yearly training days, village doctors' centralised study, and eligibility for the
elderly village doctors' allowance. Days are calendar days (fractions allowed), ages whole years.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.domain.health.entities import DOCTOR_CATEGORIES, LEFT, VILLAGE_CLINIC, StaffMember
from desktop_app.domain.health.rules_clinic import is_active_doctor, is_medical_staff
from desktop_app.domain.health.rules_common import Context, Fact, all_of, equals, fmt, json_number, member_of, result
from desktop_app.domain.identity import InvalidIdNumber, parse_id_number
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import RuleResult, Status


def _days_result(entry: RuleEntry, days: Decimal, what: str, ctx: Context) -> RuleResult:
    """Days of the as_of year against params.min_days: a shortfall is warn until the year is
    complete (as_of on or after 31 December), fail from then on."""
    year = ctx.as_of.year
    minimum = entry.param("min_days")
    head = f"{year}年{what}{fmt(days)}天"
    if days >= minimum:
        return result(entry, Status.PASS, json_number(days), minimum, f"{head}，不少于{minimum}天")
    shortfall = f"{head}，少于{minimum}天，还差{fmt(minimum - days)}天"
    if ctx.as_of >= date(year, 12, 31):
        return result(entry, Status.FAIL, json_number(days), minimum, shortfall)
    return result(entry, Status.WARN, json_number(days), minimum, f"{shortfall}（年度尚未结束）")


def training_days(entry: RuleEntry, member: StaffMember, ctx: Context) -> RuleResult:
    """hc.staff.training_days: an active professional (category not 其他) trains ≥ min_days days,
    all modes summed, in the calendar year of as_of."""
    applies = is_medical_staff(member)
    if applies is None:
        return result(entry, Status.UNKNOWN, None, None, "在岗状态或人员类别未填写")
    if not applies:
        return result(entry, Status.NOT_APPLICABLE, None, None, "非在岗专业技术人员，本项不适用")
    by_mode = ctx.snapshot.training_days.get((member.id_number, ctx.as_of.year), {})
    return _days_result(entry, sum(by_mode.values(), Decimal(0)), "培训", ctx)


def central_training(entry: RuleEntry, member: StaffMember, ctx: Context) -> RuleResult:
    """hc.staff.village_doctor_central_training: an active doctor at a 村卫生室 has ≥ min_days days
    of params.mode (集中学习) in the year of as_of (counted within the yearly training days)."""
    facility = ctx.snapshot.facilities_by_code.get(member.facility_code)
    applies = all_of((is_active_doctor(member), equals(facility.kind if facility else None, VILLAGE_CLINIC)))
    if applies is None:
        return result(entry, Status.UNKNOWN, None, None, "在岗状态、人员类别或所在机构未填写")
    if not applies:
        return result(entry, Status.NOT_APPLICABLE, None, None, "非村卫生室在岗医生，本项不适用")
    mode = entry.param("mode")
    by_mode = ctx.snapshot.training_days.get((member.id_number, ctx.as_of.year), {})
    return _days_result(entry, by_mode.get(mode, Decimal(0)), mode, ctx)


def _age_at_exit(member: StaffMember, ctx: Context) -> int | None:
    if member.left_on is None:
        return None
    try:
        return parse_id_number(member.id_number, today=ctx.as_of).age_on(member.left_on)
    except InvalidIdNumber:
        return None


def elderly_allowance(entry: RuleEntry, member: StaffMember, ctx: Context) -> RuleResult:
    """hc.staff.elderly_allowance: eligible (pass) when 退出, aged ≥ min_age_at_exit on left_on (age
    from the ID number), not township-hired, and a doctor at a 村卫生室; not_applicable otherwise."""
    minimum = entry.param("min_age_at_exit")
    if member.status is not None and member.status != LEFT:
        return result(entry, Status.NOT_APPLICABLE, None, minimum, "在岗人员，本项不适用")
    facility = ctx.snapshot.facilities_by_code.get(member.facility_code)
    age = _age_at_exit(member, ctx)
    hired = member.township_hired
    conditions: list[tuple[Fact, str, str]] = [
        (equals(member.status, LEFT), "未退出", "状态"),
        (member_of(member.category, DOCTOR_CATEGORIES), "不是乡村医生或执业（助理）医师", "人员类别"),
        (equals(facility.kind if facility else None, VILLAGE_CLINIC), "不在村卫生室工作", "所在机构"),
        (None if hired is None else not hired, "已纳入乡聘村用", "乡聘村用"),
        (None if age is None else age >= minimum, f"退出时未满{minimum}周岁", "退出日期或有效身份证号"),
    ]
    fact = all_of(c[0] for c in conditions)
    if fact is False:
        reasons = "，".join(reason for f, reason, _ in conditions if f is False)
        return result(entry, Status.NOT_APPLICABLE, age, minimum, f"{reasons}，不符合老年乡村医生生活补助条件")
    if fact is None:
        blanks = "、".join(label for f, _, label in conditions if f is None)
        return result(entry, Status.UNKNOWN, age, minimum, f"{blanks}未填写，无法判断生活补助资格")
    message = f"退出时年满{age}周岁，未纳入乡聘村用，符合老年乡村医生生活补助条件（补助标准由县区确定）"
    return result(entry, Status.PASS, age, minimum, message)


# Rule base ids and functions evaluated for every staff member, in the order results are listed.
STAFF_RULES = (
    ("hc.staff.training_days", training_days),
    ("hc.staff.village_doctor_central_training", central_training),
    ("hc.staff.elderly_allowance", elderly_allowance),
)
