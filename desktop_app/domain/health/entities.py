"""Records of the primary-healthcare registry (interchange §2) and their bad-input checks.

Field names are the English keys of the sheets 医疗机构, 人员, 培训, 签约服务 and 县区指标; the
村庄 record is :class:`desktop_app.domain.villages.Village`. A blank cell is ``None``; closed
vocabularies stay Chinese strings, listed in the tuples below. The ``validate_*`` functions
return one :class:`Problem` per bad field (English key), for the importer and the forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.divisions import county_code_of, level_of_code, natural_village_parent, township_code_of
from desktop_app.domain.errors import Problem
from desktop_app.domain.identity import InvalidIdNumber, parse_id_number
from desktop_app.domain.villages import Village

VILLAGE_CLINIC = "村卫生室"
TOWNSHIP_CENTRE = "乡镇卫生院"
CENTRAL_TOWNSHIP_CENTRE = "中心乡镇卫生院"
COMMUNITY_CENTRE = "社区卫生服务中心"
COMMUNITY_STATION = "社区卫生服务站"
FACILITY_KINDS = (VILLAGE_CLINIC, TOWNSHIP_CENTRE, CENTRAL_TOWNSHIP_CENTRE, COMMUNITY_CENTRE, COMMUNITY_STATION)
CENTRE_KINDS = (TOWNSHIP_CENTRE, CENTRAL_TOWNSHIP_CENTRE, COMMUNITY_CENTRE)
TOWNSHIP_CENTRE_KINDS = (TOWNSHIP_CENTRE, CENTRAL_TOWNSHIP_CENTRE)
VILLAGE_LEVEL_KINDS = (VILLAGE_CLINIC, COMMUNITY_STATION)

ADMIN_VILLAGE = "行政村"
NATURAL_VILLAGE = "自然村"
COMMUNITY = "社区"

OWNERSHIP = ("公有", "集体", "私人", "其他")
TCM_HALL_LEVELS = ("无", "有", "示范")
TCM_HALL_PRESENT = ("有", "示范")
TCM_HALL_MODEL = "示范"
CAPABILITY_LEVELS = ("未达标", "基本标准", "推荐标准", "二级水平")
CAPABILITY_RECOMMENDED = ("推荐标准", "二级水平")
CAPABILITY_SECONDARY = "二级水平"

VILLAGE_DOCTOR = "乡村医生"
PHYSICIAN = "执业医师"
ASSISTANT_PHYSICIAN = "执业助理医师"
OTHER_STAFF = "其他"
STAFF_CATEGORIES = (VILLAGE_DOCTOR, PHYSICIAN, ASSISTANT_PHYSICIAN, "注册护士", "药师", "技师", OTHER_STAFF)
DOCTOR_CATEGORIES = (VILLAGE_DOCTOR, PHYSICIAN, ASSISTANT_PHYSICIAN)
LICENSED_CATEGORIES = (PHYSICIAN, ASSISTANT_PHYSICIAN)
PRACTICE_SCOPES = ("临床", "中医", "公共卫生", "口腔")
SCOPE_TCM = "中医"
SCOPE_PUBLIC_HEALTH = "公共卫生"
EDUCATION_LEVELS = ("研究生", "本科", "大专", "中专", "高中及以下")
BACHELOR_OR_ABOVE = ("研究生", "本科")
STAFF_STATUSES = ("在岗", "退出")
ACTIVE = "在岗"
LEFT = "退出"
TRAINING_MODES = ("集中学习", "远程教育", "业务进修", "其他")

# Chinese labels used by the catalogue's params (rooms, buildings) → Facility field names.
ROOM_FIELDS = {
    "诊断室": "room_diagnosis",
    "治疗室": "room_treatment",
    "观察室": "room_observation",
    "药房": "room_pharmacy",
    "中医治疗室": "room_tcm",
    "公共卫生室": "room_public_health",
    "值班室": "room_duty",
}
EQUIPMENT_FIELDS = {"门诊楼": "outpatient_building", "病房楼": "ward_building", "16排CT": "ct16"}


def admin_village_code(village_code: str) -> str:
    """The administrative village of a village code (a natural village's code before ``-``)."""
    return natural_village_parent(village_code) or village_code


@dataclass(frozen=True)
class Facility:
    """One medical facility (医疗机构 sheet); areas in m², counts in units, populations in persons."""

    code: str
    name: str
    kind: str
    division_code: str
    served_village_codes: tuple[str, ...] = ()
    service_population: int | None = None
    ownership: str | None = None
    government_run: bool | None = None
    licence_no: str | None = None
    licence_valid_until: date | None = None
    floor_area_m2: float | None = None
    built_year: int | None = None
    beds: int | None = None
    room_diagnosis: bool | None = None
    room_treatment: bool | None = None
    room_observation: bool | None = None
    room_pharmacy: bool | None = None
    room_tcm: bool | None = None
    room_public_health: bool | None = None
    room_duty: bool | None = None
    common_diseases: int | None = None
    tcm_techniques: int | None = None
    tcm_hall: str | None = None
    capability_level: str | None = None
    community_hospital: bool | None = None
    sub_centre: bool | None = None
    fever_clinic: bool | None = None
    outpatient_building: bool | None = None
    ward_building: bool | None = None
    ct16: bool | None = None
    laminar_theatre: bool | None = None
    negative_pressure_ambulance: bool | None = None

    @property
    def county_code(self) -> str:
        """County-level code of the host division (first 6 digits + ``000000``)."""
        return county_code_of(self.division_code)

    @property
    def township_code(self) -> str:
        """Township code of the host division (first 9 digits + ``000``)."""
        return township_code_of(self.division_code)

    @property
    def served_codes(self) -> tuple[str, ...]:
        """Villages a 村卫生室 serves: the listed codes, or its own village when none are listed."""
        if self.kind != VILLAGE_CLINIC:
            return ()
        return self.served_village_codes or (self.division_code,)


@dataclass(frozen=True)
class StaffMember:
    """One staff member (人员 sheet), keyed by the full ID number."""

    id_number: str
    name: str
    facility_code: str
    category: str | None = None
    practice_scope: str | None = None
    general_practice: bool | None = None
    education: str | None = None
    full_time: bool | None = None
    township_hired: bool | None = None
    pension_insured: bool | None = None
    status: str | None = None
    left_on: date | None = None

    @property
    def active(self) -> bool | None:
        """True when 在岗, False when 退出, None when the status is blank."""
        return None if self.status is None else self.status == ACTIVE


@dataclass(frozen=True)
class TrainingRecord:
    """Training days (may be fractional) of one person in one year and mode (培训 sheet)."""

    id_number: str
    year: int
    days: float
    mode: str


@dataclass(frozen=True)
class FamilyDoctorFigure:
    """Family-doctor contracts of one facility in one year (签约服务 sheet), in persons."""

    facility_code: str
    year: int
    signed_residents: int | None = None
    signed_key_population: int | None = None


@dataclass(frozen=True)
class CountyFigure:
    """Yearly figures of a county-level unit (县区指标 sheet); visit rates in percent (87.5 = 87.5%)."""

    county_code: str
    year: int
    population: int | None = None
    in_county_visit_rate: float | None = None
    primary_visit_rate: float | None = None
    key_population: int | None = None


def _check_choice(problems: list[Problem], name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        problems.append(Problem(name, f"“{value}”不是允许的取值（{'/'.join(allowed)}）"))


def _check_not_negative(problems: list[Problem], record: object, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(record, name)
        if value is not None and value < 0:
            problems.append(Problem(name, f"不能为负数（现为{value}）"))


def validate_facility(facility: Facility, villages_by_code: Mapping[str, Village]) -> list[Problem]:
    """Check one facility against the 医疗机构 rules of interchange §2; one Problem per bad field.

    ``villages_by_code`` holds every known village (database plus the rows of the same import).
    Checks: required fields and vocabularies, host division level per kind, served villages
    (村卫生室 only; must exist and lie in the clinic's township), no beds on a 村卫生室, no
    negative area or count.
    """
    problems: list[Problem] = []
    if not facility.code:
        problems.append(Problem("code", "机构编码必填"))
    if not facility.name:
        problems.append(Problem("name", "机构名称必填"))
    _check_choice(problems, "kind", facility.kind, FACILITY_KINDS)
    _check_choice(problems, "ownership", facility.ownership, OWNERSHIP)
    _check_choice(problems, "tcm_hall", facility.tcm_hall, TCM_HALL_LEVELS)
    _check_choice(problems, "capability_level", facility.capability_level, CAPABILITY_LEVELS)
    host = facility.division_code
    if facility.kind in CENTRE_KINDS and level_of_code(host) != "township":
        problems.append(Problem("division_code", f"{facility.kind}应登记在乡镇（街道）区划代码，{host}不是乡镇代码"))
    if facility.kind in VILLAGE_LEVEL_KINDS and host not in villages_by_code:
        problems.append(Problem("division_code", f"{facility.kind}所在村庄代码{host}不在村庄表中"))
    if facility.served_village_codes and facility.kind != VILLAGE_CLINIC:
        problems.append(Problem("served_village_codes", "只有村卫生室填写服务村庄代码"))
    for code in facility.served_codes:
        if code not in villages_by_code:
            problems.append(Problem("served_village_codes", f"服务村庄代码{code}不在村庄表中"))
        elif township_code_of(code) != facility.township_code:
            problems.append(Problem("served_village_codes", f"服务村庄{code}属于其他乡镇，村卫生室只能服务本乡镇的村庄"))
    if facility.kind in FACILITY_KINDS and facility.kind != VILLAGE_CLINIC and facility.service_population is None:
        problems.append(Problem("service_population", f"{facility.kind}须填写服务人口（只有村卫生室可按服务村庄自动计算）"))
    if facility.kind == VILLAGE_CLINIC and facility.beds:
        problems.append(Problem("beds", f"村卫生室不设床位（现填{facility.beds}张）"))
    _check_not_negative(
        problems, facility, ("service_population", "floor_area_m2", "beds", "common_diseases", "tcm_techniques")
    )
    return problems


def validate_staff(member: StaffMember, facilities_by_code: Mapping[str, Facility], *, today: date) -> list[Problem]:
    """Check one staff member against the 人员 rules of interchange §2; one Problem per bad field.

    ``today`` bounds the birth date in the ID number. Checks: a valid GB 11643 ID number, name,
    a known facility, vocabularies, and 退出日期 given exactly when the status is 退出.
    """
    problems: list[Problem] = []
    try:
        parse_id_number(member.id_number, today=today)
    except InvalidIdNumber as exc:
        problems.append(Problem("id_number", str(exc)))
    if not member.name:
        problems.append(Problem("name", "姓名必填"))
    if member.facility_code not in facilities_by_code:
        problems.append(Problem("facility_code", f"机构编码{member.facility_code}不在医疗机构表中"))
    _check_choice(problems, "category", member.category, STAFF_CATEGORIES)
    _check_choice(problems, "practice_scope", member.practice_scope, PRACTICE_SCOPES)
    _check_choice(problems, "education", member.education, EDUCATION_LEVELS)
    _check_choice(problems, "status", member.status, STAFF_STATUSES)
    if member.status == LEFT and member.left_on is None:
        problems.append(Problem("left_on", "状态为退出时须填写退出日期"))
    if member.status == ACTIVE and member.left_on is not None:
        problems.append(Problem("left_on", "在岗人员不应有退出日期"))
    return problems


def validate_training(record: TrainingRecord, staff_by_id: Mapping[str, StaffMember]) -> list[Problem]:
    """Check one 培训 row: a known person, days > 0 and a known mode."""
    problems: list[Problem] = []
    if record.id_number not in staff_by_id:
        problems.append(Problem("id_number", "身份证号不在人员表中"))
    if record.days is None or record.days <= 0:
        problems.append(Problem("days", "天数应大于0"))
    _check_choice(problems, "mode", record.mode, TRAINING_MODES)
    return problems
