"""Demo health registry (interchange §5): clinics, centres, staff, training and yearly figures.

Built on the demo villages written earlier in the same transaction. Every value a hc. rule reads
is scattered around that rule's threshold (read from the catalogue), so the standards show passes,
failures, warnings and a few blank inputs (unknown) on the demo data. Deterministic for the seeded
``rng``; nothing here reads the clock.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from desktop_app.domain.divisions import county_code_of
from desktop_app.domain.health.entities import (
    ACTIVE,
    ADMIN_VILLAGE,
    CENTRAL_TOWNSHIP_CENTRE,
    COMMUNITY,
    COMMUNITY_CENTRE,
    COMMUNITY_STATION,
    DOCTOR_CATEGORIES,
    LEFT,
    NATURAL_VILLAGE,
    OTHER_STAFF,
    ROOM_FIELDS,
    TOWNSHIP_CENTRE,
    VILLAGE_CLINIC,
    VILLAGE_DOCTOR,
    CountyFigure,
    Facility,
    FamilyDoctorFigure,
    StaffMember,
    TrainingRecord,
)
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import Village
from desktop_app.store import facilities_repo, health_figures_repo, staff_repo, villages_repo

if TYPE_CHECKING:
    from desktop_app.domain.divisions import Division
    from desktop_app.domain.rules.catalogue import Catalogue
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import DemoPlan, ProgressCallback

YEARS = (2023, 2024, 2025)
RULES_DAY = date(2025, 12, 31)  # the catalogue entries the demo values are scattered around
# Area prefixes (GB/T 2260) of the ID numbers of people living in a county-level unit: its own
# code, except the 2010s demonstration zone, whose residents hold codes of the older units.
ID_PREFIXES = ("410802", "410803", "410804", "410811", "410821", "410822", "410823", "410825", "410882", "410883")
ID_PREFIXES_OF = {"410871": ("410811", "410804", "410823")}
# Common surnames of Henan (毋 and 原 are typical of Jiaozuo); polyphonic ones are left out because
# plain pinyin initials would misread them (曾 → c, 单 → d).
SURNAMES = "王王王王李李李李张张张张刘刘刘陈陈杨杨赵赵郭郭黄周吴徐孙马马朱胡高何宋郑韩冯谢梁许范董程田崔贾魏杜史苏袁侯孟吕薛牛卢申焦毋原靳常秦郝"
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林阳建国志文海东亮峰博振永德新保成卫兵忠春庆金"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲丹萍红洁琳雪梅莉英慧倩婷颖晶秀兰凤玉雅悦佳欣怡楠璐瑶月桂琴云华春荣爱晓"
TRAINING_OTHER_MODES = ("远程教育", "业务进修", "其他")
EDUCATION: dict[str | None, dict[str, float]] = {
    VILLAGE_DOCTOR: {"中专": 55, "大专": 25, "高中及以下": 15, "本科": 5},
    "执业医师": {"本科": 55, "大专": 28, "中专": 8, "研究生": 9},
    "执业助理医师": {"大专": 50, "中专": 30, "本科": 20},
    "注册护士": {"大专": 50, "本科": 25, "中专": 25},
    None: {"大专": 40, "中专": 30, "本科": 20, "高中及以下": 10},
}
# Yearly increase of family-doctor coverage (fraction of residents): too little, on target, a lot.
SLOW_STEP, STEADY_STEP, FAST_STEP = (0.001, 0.008), (0.011, 0.029), (0.032, 0.045)
COVERAGE_STEPS = {SLOW_STEP: 18, STEADY_STEP: 67, FAST_STEP: 15}
# Fields left blank together on a few facilities of the given kinds (about 3%, at least one), so
# the rules reading them show unknown even where the kind is rare.
ALL_CENTRES = (TOWNSHIP_CENTRE, CENTRAL_TOWNSHIP_CENTRE, COMMUNITY_CENTRE)
CENTRE_BLANKS = (
    (ALL_CENTRES, ("fever_clinic",)),
    (ALL_CENTRES, ("tcm_hall",)),
    (ALL_CENTRES, ("capability_level",)),
    ((TOWNSHIP_CENTRE, COMMUNITY_CENTRE), ("common_diseases",)),
    ((TOWNSHIP_CENTRE, CENTRAL_TOWNSHIP_CENTRE), ("beds",)),
    ((TOWNSHIP_CENTRE,), ("sub_centre",)),
    ((COMMUNITY_CENTRE,), ("floor_area_m2",)),
    ((COMMUNITY_STATION,), ("floor_area_m2",)),
)
# Buildings of three of the (few) central centres: one complete, one short of the CT, one blank.
BUILDINGS = ("outpatient_building", "ward_building", "ct16")
BUILDING_CASES = (
    dict.fromkeys(BUILDINGS, True),
    {**dict.fromkeys(BUILDINGS, True), "ct16": False},
    dict.fromkeys(BUILDINGS),
)
CENTRE_CATEGORIES = {"执业医师": 30, "执业助理医师": 12, "注册护士": 35, "药师": 6, "技师": 9, OTHER_STAFF: 8}


def _chance(rng: random.Random, weights: Mapping[Any, float]) -> Any:
    """One key of ``weights``, drawn with the given relative weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _blank_or(rng: random.Random, share: float, make: Callable[[], Any]) -> Any:
    """None (a blank cell) with probability ``share``, else ``make()``."""
    return None if rng.random() < share else make()


def _day_in(rng: random.Random, first: date, last: date) -> date:
    """A day from ``first`` to ``last`` inclusive."""
    return first + timedelta(days=rng.randint(0, (last - first).days))


@dataclass(frozen=True)
class _Bars:
    """The thresholds the demo values are placed around (from the catalogue, never hard-coded)."""

    params: Mapping[str, Mapping[str, Any]]

    @classmethod
    def load(cls, catalogue: Catalogue) -> _Bars:
        return cls({e.base_id: catalogue.latest(e.base_id, RULES_DAY).params for e in catalogue.with_prefix("hc.")})

    def __call__(self, rule: str, name: str) -> Any:
        return self.params[rule][name]


@dataclass(frozen=True)
class _CountyBias:
    """How far a county has got: chances that a clinic is public or township-hired, a doctor licensed."""

    public: float
    hired: float
    licensed: float


class _People:
    """Synthetic persons: unique valid ID numbers, plausible names, pinyin initials memoised."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        # Initials per character of the fixed vocabulary: 30× faster than pypinyin per name, and
        # the same result for these characters (a test compares every name with pinyin_initials).
        self.initials = {c: pinyin_initials(c) for c in sorted(set(SURNAMES + GIVEN_MALE + GIVEN_FEMALE))}

    def birth_for_age(self, age: int, on: date = RULES_DAY) -> date:
        """A birth date giving ``age`` whole years on ``on`` (Feb 29 avoided)."""
        latest = date(on.year - age, on.month, min(on.day, 28))
        return latest - timedelta(days=self.rng.randint(0, 364))

    def id_number(self, county_code: str, birth: date, male: bool) -> str:
        """A new GB 11643 number: a Jiaozuo area prefix (mostly the county's), birth date, sex digit."""
        prefixes = ID_PREFIXES_OF.get(county_code[:6], (county_code[:6],))
        while True:
            prefix = self.rng.choice(prefixes) if self.rng.random() < 0.85 else self.rng.choice(ID_PREFIXES)
            sex_digit = self.rng.choice("13579" if male else "02468")
            first17 = f"{prefix}{birth:%Y%m%d}{self.rng.randint(0, 99):02d}{sex_digit}"
            if first17 not in self.used:
                self.used.add(first17)
                return first17 + id_check_character(first17)

    def name(self, male: bool) -> tuple[str, str]:
        """A surname and a one- or two-character given name, with its pinyin initials."""
        pool = GIVEN_MALE if male else GIVEN_FEMALE
        given = "".join(self.rng.choice(pool) for _ in range(2 if self.rng.random() < 0.75 else 1))
        name = self.rng.choice(SURNAMES) + given
        return name, "".join(self.initials[c] for c in name)


class _Builder:
    """Accumulates the demo health records of the plan's townships, then their yearly figures."""

    def __init__(self, rng: random.Random, bars: _Bars, plan: DemoPlan) -> None:
        self.rng = rng
        self.bars = bars
        self.people = _People(rng)
        self.facilities: list[Facility] = []
        self.staff: list[tuple[StaffMember, str]] = []
        self.training: list[TrainingRecord] = []
        self.weights: dict[str, float] = {}  # facility code → share of the county's family-doctor contracts
        self.bias = {
            c.code: _CountyBias(rng.uniform(0.80, 0.97), rng.uniform(0.45, 0.80), rng.uniform(0.40, 0.60))
            for c in plan.counties
        }
        self.centre_kinds = self._centre_kinds(plan)

    # --- township centres: which are central (中心乡镇卫生院) or sub-centres (次中心) -----------------

    def _centre_kinds(self, plan: DemoPlan) -> dict[str, tuple[str, bool]]:
        """Kind and 次中心 flag per rural township: around each county's allocation, some short of it."""
        allocation = self.bars("hc.county.sub_centre_allocation", "allocation")
        kinds: dict[str, tuple[str, bool]] = {}
        for county in plan.counties:
            towns = [t.code for t in plan.townships if t.parent_code == county.code and not t.name.endswith("街道")]
            target = allocation.get(county.code, self.rng.randint(0, 1))
            count = target + _chance(self.rng, {-1: 3, 0: 6, 1: 1})
            subs = set(self.rng.sample(towns, max(0, min(len(towns), count))))
            for code in towns:
                if code in subs:
                    kinds[code] = (CENTRAL_TOWNSHIP_CENTRE if self.rng.random() < 0.6 else TOWNSHIP_CENTRE, True)
                else:
                    kinds[code] = (TOWNSHIP_CENTRE, False)
        return kinds

    # --- facilities -----------------------------------------------------------------------------

    def _licence(self, county_code: str) -> tuple[str | None, date | None]:
        """Licence number and expiry: mostly valid for years, some expiring soon, expired or blank."""
        number = f"PDY{self.rng.randint(10000, 99999)}{len(self.facilities):05d}{county_code[:6]}"
        outcome = _chance(self.rng, {"ok": 89, "soon": 5, "expired": 3, "none": 1.5, "no_date": 1.5})
        horizon = RULES_DAY + timedelta(days=self.bars("hc.facility.licence", "warn_days_before_expiry"))
        if outcome == "none":
            return None, None
        if outcome == "no_date":
            return number, None
        if outcome == "expired":
            return number, _day_in(self.rng, date(2025, 3, 1), RULES_DAY - timedelta(days=1))
        if outcome == "soon":
            return number, _day_in(self.rng, RULES_DAY, horizon)
        return number, _day_in(self.rng, horizon + timedelta(days=1), date(2030, 12, 31))

    def _area(self, bar: float, new: bool, spread: float) -> float | None:
        """Floor area (m²) around ``bar``: new buildings mostly reach it, older ones often do not."""
        below = 0.10 if new else 0.35
        outcome = _chance(self.rng, {"blank": 2, "exact": 4, "below": below * 94, "above": (1 - below) * 94})
        if outcome == "blank":
            return None
        if outcome == "exact":
            return float(bar)
        low, high = (bar * 0.5, bar - 1) if outcome == "below" else (bar, bar + spread)
        return round(self.rng.uniform(low, high), 1)

    def _count(self, bar: int, below: float, span: tuple[int, int]) -> int | None:
        """A count around ``bar``: blank 2%, exactly the bar 4%, ``below`` of the rest short of it."""
        outcome = _chance(self.rng, {"blank": 2, "exact": 4, "below": below * 94, "above": (1 - below) * 94})
        if outcome == "blank":
            return None
        if outcome == "exact":
            return bar
        return self.rng.randint(span[0], bar - 1) if outcome == "below" else self.rng.randint(bar + 1, span[1])

    def _built_year(self, new_share: float) -> int | None:
        """Year of the last (re)build: ``new_share`` under the plan (2023–2025), else older or blank."""
        if self.rng.random() < new_share:
            return self.rng.choice(YEARS)
        return _blank_or(self.rng, 0.18, lambda: self.rng.randint(2003, 2022))

    def _rooms(self, new: bool) -> dict[str, bool | None]:
        """The seven rooms: new clinics mostly complete, older ones often missing one to three."""
        rooms = {field: True for field in ROOM_FIELDS.values()}
        outcome = _chance(self.rng, {"complete": 88 if new else 50, "missing": 10.5 if new else 48.5, "blank": 1.5})
        if outcome != "complete":
            count = 1 if outcome == "blank" else self.rng.randint(1, 1 if new else 3)
            for field in self.rng.sample(list(rooms), count):
                rooms[field] = None if outcome == "blank" else False
        return rooms

    def add_village_clinic(self, host: Village, served: Sequence[Village], county_code: str) -> None:
        """A 村卫生室 standing in ``host`` and serving ``served`` (the host first), with its staff."""
        rule, bias = "hc.village_clinic", self.bias[county_code]
        built = self._built_year(0.15)
        new = built is not None and built >= self.bars(f"{rule}.floor_area", "new_from_year")
        drawn = "公有" if self.rng.random() < bias.public else _chance(self.rng, {"集体": 5, "私人": 4, "其他": 1})
        ownership = _blank_or(self.rng, 0.02, lambda: drawn)
        licence_no, valid_until = self._licence(county_code)
        facility = Facility(
            code="CWS" + host.code.replace("-", ""),
            name=f"{host.name}卫生室",
            kind=VILLAGE_CLINIC,
            division_code=host.code,
            served_village_codes=tuple(v.code for v in served) if len(served) > 1 else (),
            ownership=ownership,
            government_run=ownership == "公有" and self.rng.random() < 0.9,
            licence_no=licence_no,
            licence_valid_until=valid_until,
            floor_area_m2=self._area(self.bars(f"{rule}.floor_area", "min_area_m2"), new, 110),
            built_year=built,
            beds=0,
            common_diseases=self._count(self.bars(f"{rule}.common_diseases", "min_diseases"), 0.15, (10, 40)),
            tcm_techniques=self._count(self.bars(f"{rule}.tcm_techniques", "min_techniques"), 0.18, (0, 10)),
            **self._rooms(new),
        )
        self.facilities.append(facility)
        population = sum(v.population for v in served)
        self.weights[facility.code] = population * self.rng.uniform(0.8, 1.2)
        self._clinic_staff(facility, population, bias)

    def add_township_centre(self, township: Division, villages: Sequence[Village]) -> None:
        """The 乡镇卫生院 (or 中心乡镇卫生院) of a rural township, with its staff."""
        kind, sub_centre = self.centre_kinds[township.code]
        central = kind == CENTRAL_TOWNSHIP_CENTRE or sub_centre is True
        population = sum(v.population for v in villages if v.kind != NATURAL_VILLAGE)
        required = math.ceil(self.bars("hc.township_centre.beds_per_1000", "beds_per_1000") * population / 1000)
        diseases = self.bars(f"hc.{'central' if central else 'township'}_centre.common_diseases", "min_diseases")
        has = {item: self.rng.random() < (0.9 if central else 0.45) for item in BUILDINGS}
        licence_no, valid_until = self._licence(township.code)
        facility = Facility(
            code="WSY" + township.code[:9],
            name=f"{township.name}{'中心' if kind == CENTRAL_TOWNSHIP_CENTRE else ''}卫生院",
            kind=kind,
            division_code=township.code,
            service_population=population,
            ownership="公有",
            government_run=True,
            licence_no=licence_no,
            licence_valid_until=valid_until,
            floor_area_m2=round(self.rng.uniform(5000, 12000) if central else self.rng.uniform(1800, 6000), 1),
            built_year=self.rng.randint(1998, 2024),
            beds=self._beds(required),
            common_diseases=self._count(diseases, 0.28, (diseases - 25, diseases + 40)),
            sub_centre=sub_centre,
            laminar_theatre=self.rng.random() < (0.6 if central else 0.15),
            negative_pressure_ambulance=self.rng.random() < (0.5 if central else 0.25),
            community_hospital=self.rng.random() < 0.1,
            **self._centre_common(central),
            **has,
        )
        self.facilities.append(facility)
        self.weights[facility.code] = population * self.rng.uniform(0.08, 0.15)
        self._centre_staff(facility, self.rng.randint(22, 34) if central else self.rng.randint(12, 22), key_slots=True)

    def _beds(self, required: int) -> int:
        """Beds around ``required``: mostly enough, some exactly, about a quarter short."""
        outcome = _chance(self.rng, {"above": 70, "exact": 6, "below": 24})
        if outcome == "exact":
            return required
        if outcome == "below":
            return self.rng.randint(required // 2, max(required // 2, required - 1))
        return self.rng.randint(required, required * 8 // 5 + 1)

    def _centre_common(self, central: bool) -> dict[str, Any]:
        """Capability, TCM hall and fever clinic of a township or community centre."""
        capability = (
            {"二级水平": 55, "推荐标准": 35, "基本标准": 10}
            if central
            else {"二级水平": 9, "推荐标准": 36, "基本标准": 45, "未达标": 8}
        )
        hall = {"示范": 50, "有": 48, "无": 2} if central else {"示范": 22, "有": 66, "无": 10}
        return {
            "capability_level": _chance(self.rng, capability),
            "tcm_hall": _chance(self.rng, hall),
            "fever_clinic": _chance(self.rng, {True: 88, False: 12}),
        }

    def add_community_centre(self, street: Division, communities: Sequence[Village]) -> None:
        """The 社区卫生服务中心 of a 街道 (floor area against the population band plus beds)."""
        population = sum(v.population for v in communities)
        beds = self.rng.choice([0, 0, self.rng.randint(5, 15), self.rng.randint(10, 40)])
        rule = "hc.community_centre.floor_area"
        band = next(a for _, upper, a in self.bars(rule, "bands") if upper is None or population <= upper)
        required = band + self.bars(rule, "per_bed_m2") * beds
        diseases = self.bars("hc.township_centre.common_diseases", "min_diseases")
        licence_no, valid_until = self._licence(street.code)
        facility = Facility(
            code="SQZX" + street.code[:9],
            name=f"{street.name}社区卫生服务中心",
            kind=COMMUNITY_CENTRE,
            division_code=street.code,
            service_population=population,
            ownership="公有",
            government_run=True,
            licence_no=licence_no,
            licence_valid_until=valid_until,
            floor_area_m2=self._area(required, False, 1800),
            built_year=_blank_or(self.rng, 0.2, lambda: self.rng.randint(2005, 2024)),
            beds=beds,
            common_diseases=self._count(diseases, 0.28, (diseases - 20, diseases + 40)),
            community_hospital=self.rng.random() < 0.15,
            **self._centre_common(False),
        )
        self.facilities.append(facility)
        self.weights[facility.code] = population * self.rng.uniform(0.3, 0.5)
        self._centre_staff(facility, self.rng.randint(6, 12), key_slots=False)

    def add_station(self, community: Village, county_code: str) -> None:
        """A 社区卫生服务站 in a community."""
        built = self._built_year(0.25)
        new = built is not None and built >= self.bars("hc.community_station.floor_area", "new_from_year")
        licence_no, valid_until = self._licence(county_code)
        facility = Facility(
            code="SQFZ" + community.code,
            name=f"{community.name}卫生服务站",
            kind=COMMUNITY_STATION,
            division_code=community.code,
            service_population=community.population,
            ownership=_chance(self.rng, {"公有": 70, "集体": 10, "私人": 18, "其他": 2}),
            government_run=self.rng.random() < 0.6,
            licence_no=licence_no,
            licence_valid_until=valid_until,
            floor_area_m2=self._area(self.bars("hc.community_station.floor_area", "min_area_m2"), new, 160),
            built_year=built,
            beds=0,
        )
        self.facilities.append(facility)
        self.weights[facility.code] = community.population * self.rng.uniform(0.4, 0.6)
        for _ in range(self.rng.randint(2, 3)):
            category = _chance(self.rng, {"执业医师": 4, "执业助理医师": 3, "注册护士": 4})
            self._add_member(facility, category, None if category == "注册护士" else "临床", (25, 58, 40))

    # --- townships and their village clinics -----------------------------------------------------

    def add_township(self, township: Division, villages: Sequence[Village]) -> None:
        """Every facility of one township: its centre, its village clinics and community stations."""
        county_code = township.parent_code or ""
        if township.name.endswith("街道"):
            self.add_community_centre(township, [v for v in villages if v.kind == COMMUNITY])
        else:
            self.add_township_centre(township, villages)
            self._village_clinics(villages, county_code)
        for community in (v for v in villages if v.kind == COMMUNITY):
            if self.rng.random() < 0.4:
                self.add_station(community, county_code)

    def _village_clinics(self, villages: Sequence[Village], county_code: str) -> None:
        """Clinics for most 行政村 (a few small neighbours share one, a few have none) and for about
        half of the 自然村 large enough to need their own."""
        coverage = "hc.village.clinic_coverage"
        max_population = self.bars(coverage, "shared_max_population")
        max_minutes = self.bars(coverage, "shared_max_minutes")
        groups: list[list[Village]] = []  # a clinic's host village first, then the neighbour it also serves
        for village in (v for v in villages if v.kind == ADMIN_VILLAGE):
            if village.hosts_township_centre:
                if self.rng.random() < 0.5:
                    groups.append([village])
                continue
            near = (village.minutes_to_clinic or 0) <= max_minutes
            share = (35 if near else 8) if village.population <= max_population else 1
            outcome = _chance(self.rng, {"share": share, "none": 2, "own": 100 - share - 2})
            if outcome == "share" and groups and len(groups[-1]) == 1:
                groups[-1].append(village)
            elif outcome != "none":
                groups.append([village])
        minimum = self.bars(coverage, "natural_village_min_population")
        for village in villages:
            if village.kind == NATURAL_VILLAGE and village.population >= minimum and self.rng.random() < 0.55:
                groups.append([village])
        for group in groups:
            self.add_village_clinic(group[0], group, county_code)

    # --- staff ----------------------------------------------------------------------------------

    def _add_member(
        self,
        facility: Facility,
        category: str,
        scope: str | None,
        ages: tuple[int, int, int] = (23, 60, 38),
        *,
        birth: date | None = None,
        **fields: Any,
    ) -> None:
        """One person at ``facility`` (age drawn from ``ages`` = youngest, oldest, most likely) and
        their training; ``fields`` override the drawn values. A few categories or statuses are blank."""
        rng = self.rng
        male = rng.random() < {"注册护士": 0.08, VILLAGE_DOCTOR: 0.72}.get(category, 0.5)
        birth = birth or self.people.birth_for_age(round(rng.triangular(ages[0], ages[1], ages[2])))
        id_number = self.people.id_number(facility.county_code, birth, male)
        name, initials = self.people.name(male)
        education = _chance(rng, EDUCATION.get(category, EDUCATION[None]))
        values: dict[str, Any] = {
            "category": _blank_or(rng, 0.005, lambda: category),
            "practice_scope": scope,
            "general_practice": False,
            "education": education,
            "full_time": rng.random() < (0.8 if education in ("本科", "研究生") else 0.55),
            "township_hired": False,
            "pension_insured": rng.random() < (0.4 if category == VILLAGE_DOCTOR else 0.9),
            "status": _blank_or(rng, 0.003, lambda: ACTIVE),
            "left_on": None,
            **fields,
        }
        member = StaffMember(id_number, name, facility.code, **values)
        self.staff.append((member, initials))
        if member.category != OTHER_STAFF:
            self._add_training(member, facility.kind == VILLAGE_CLINIC)

    def _clinic_staff(self, clinic: Facility, population: int, bias: _CountyBias) -> None:
        """Medical staff around max(min_staff, ⌈population / per_population⌉), some 乡聘村用, and
        now and then a retired village doctor (for the elderly allowance)."""
        rule = "hc.village_clinic.staff_per_1000"
        required = max(self.bars(rule, "min_staff"), math.ceil(population / self.bars(rule, "per_population")))
        count = max(1, required + _chance(self.rng, {-1: 18, 0: 57, 1: 22, 2: 3}))
        hired = self.rng.random() < bias.hired
        for index in range(count):
            if index and self.rng.random() < 0.08:
                self._add_member(clinic, "注册护士", None, (22, 50, 32))
                continue
            township_hired = _blank_or(self.rng, 0.015, lambda: hired and (index == 0 or self.rng.random() < 0.5))
            if self.rng.random() < bias.licensed:
                category = _chance(self.rng, {"执业助理医师": 60, "执业医师": 40})
                scope = _chance(self.rng, {"临床": 85, "中医": 15})
                self._add_member(clinic, category, scope, (26, 66, 44), township_hired=township_hired)
            else:
                self._add_member(clinic, VILLAGE_DOCTOR, None, (28, 74, 56), township_hired=township_hired)
        if self.rng.random() < 0.1:
            self._retired_doctor(clinic)

    def _retired_doctor(self, clinic: Facility) -> None:
        """A 乡村医生 who left: aged around the elderly-allowance age, a few township-hired or blank."""
        minimum = self.bars("hc.staff.elderly_allowance", "min_age_at_exit")
        left_on = _day_in(self.rng, date(2019, 1, 1), date(2025, 11, 28))
        left_on = left_on.replace(day=min(left_on.day, 28))
        age = _chance(self.rng, {"younger": 30, "exact": 10, "older": 60})
        if age == "exact":
            birth = left_on.replace(year=left_on.year - minimum)
        else:
            years = self.rng.randint(58, minimum - 1) if age == "younger" else self.rng.randint(minimum, 76)
            birth = self.people.birth_for_age(years, left_on)
        hired = _chance(self.rng, {False: 85, True: 10, None: 5})
        self._add_member(clinic, VILLAGE_DOCTOR, None, birth=birth, status=LEFT, left_on=left_on, township_hired=hired)

    def _centre_staff(self, centre: Facility, size: int, *, key_slots: bool) -> None:
        """Staff of a centre; for township centres the three key posts are mostly filled, sometimes
        one is missing, held twice by one person, or open on a blank education."""
        outcome = "free"
        if key_slots:
            outcome = _chance(self.rng, {"complete": 72, "missing": 18, "shared": 4, "blank": 6})
        slots: dict[str, dict[str, Any]] = {}
        if key_slots:
            slots = {
                "gp": {
                    "category": _chance(self.rng, {"执业医师": 8, "执业助理医师": 2}),
                    "scope": "临床",
                    "general_practice": True,
                    "education": _chance(self.rng, {"本科": 85, "研究生": 15}),
                    "full_time": True,
                },
                "tcm": {"category": "执业医师", "scope": "中医"},
                "public_health": {"category": _chance(self.rng, {"执业医师": 6, "执业助理医师": 4}), "scope": "公共卫生"},
            }
            if outcome == "missing":
                del slots[self.rng.choice(list(slots))]
            elif outcome == "shared":
                del slots["gp"]
                slots["public_health"].update(general_practice=True, education="本科", full_time=True)
            elif outcome == "blank":
                slots["gp"]["education"] = None
        for fields in slots.values():
            self._add_member(centre, fields.pop("category"), fields.pop("scope"), (28, 55, 40), **fields)
        free = outcome in ("complete", "free")  # others may also hold a key qualification
        scopes = {"临床": 80, "口腔": 8, "中医": 9 if free else 0, "公共卫生": 3 if free else 0}
        for _ in range(size - len(slots)):
            category = _chance(self.rng, CENTRE_CATEGORIES)
            doctor = category in ("执业医师", "执业助理医师")
            left: dict[str, Any] = {}
            if self.rng.random() < 0.03:
                left = {"status": LEFT, "left_on": _day_in(self.rng, date(2022, 1, 1), date(2025, 11, 28))}
            scope = _chance(self.rng, scopes) if doctor else None
            gp = free and doctor and self.rng.random() < 0.1
            self._add_member(centre, category, scope, general_practice=gp, **left)

    def _halves(self, bar: int, weights: Mapping[str, float]) -> int:
        """Half-days around ``bar`` days: none, below, exactly at, above or well above it."""
        outcome = _chance(self.rng, weights)
        spans = {"none": (0, 0), "below": (bar // 3 * 2, 2 * bar - 1), "exact": (2 * bar, 2 * bar),
                 "above": (2 * bar + 1, 3 * bar), "well_above": (3 * bar + 1, 4 * bar)}
        return self.rng.randint(*spans[outcome])

    def _add_training(self, member: StaffMember, at_clinic: bool) -> None:
        """Training days per year and mode (half-day steps), around the yearly and 集中学习 minimums."""
        minimum = self.bars("hc.staff.training_days", "min_days")
        central_rule = "hc.staff.village_doctor_central_training"
        central_mode, central_minimum = self.bars(central_rule, "mode"), self.bars(central_rule, "min_days")
        doctor_at_clinic = at_clinic and member.category in DOCTOR_CATEGORIES
        for year in YEARS:
            if member.left_on is not None and member.left_on.year <= year:
                break
            total = self._halves(minimum, {"none": 5, "below": 20, "exact": 8, "above": 57, "well_above": 10})
            if doctor_at_clinic:
                central = self._halves(central_minimum, {"below": 12, "exact": 10, "above": 78})
            else:
                central = self.rng.randint(0, total // 2) if self.rng.random() < 0.5 else 0
            central = min(central, total)
            rest = total - central
            modes = [m for m in TRAINING_OTHER_MODES if m == "远程教育" or self.rng.random() < 0.35][: max(rest, 0)]
            cuts = sorted(self.rng.sample(range(1, rest), len(modes) - 1)) if len(modes) > 1 else []
            parts = [b - a for a, b in zip([0, *cuts], [*cuts, rest])]
            for mode, halves in [(central_mode, central), *zip(modes, parts)]:
                if halves:
                    self.training.append(TrainingRecord(member.id_number, year, halves / 2, mode))

    def settle_centres(self) -> None:
        """Apply CENTRE_BLANKS and BUILDING_CASES once every facility exists."""
        for kinds, names in CENTRE_BLANKS:
            candidates = [i for i, f in enumerate(self.facilities) if f.kind in kinds]
            for i in self.rng.sample(candidates, min(len(candidates), max(1, round(0.03 * len(candidates))))):
                self.facilities[i] = replace(self.facilities[i], **dict.fromkeys(names))
        central = [i for i, f in enumerate(self.facilities) if f.kind == CENTRAL_TOWNSHIP_CENTRE]
        for i, case in zip(self.rng.sample(central, min(len(central), len(BUILDING_CASES))), BUILDING_CASES):
            self.facilities[i] = replace(self.facilities[i], **case)

    # --- yearly figures -------------------------------------------------------------------------

    def figures(
        self, plan: DemoPlan, villages: Mapping[str, Sequence[Village]]
    ) -> tuple[list[FamilyDoctorFigure], list[CountyFigure]]:
        """签约服务 per facility and 县区指标 per county for each demo year: coverage rising by
        about the target each year (some counties too little, some a lot), one blank of each kind."""
        rates = "hc.county.visit_rates"
        in_county_target, primary_target = self.bars(rates, "in_county"), self.bars(rates, "primary")
        population: dict[str, int] = defaultdict(int)
        for township_villages in villages.values():
            for v in township_villages:
                if v.kind != NATURAL_VILLAGE:
                    population[county_code_of(v.code)] += v.population
        facilities: dict[str, list[str]] = defaultdict(list)
        for facility in self.facilities:
            facilities[facility.county_code].append(facility.code)
        codes = [c.code for c in plan.counties]
        # Distinct counties for the blank and boundary cases of the last year (city scale only).
        picks = self.rng.sample(codes, 6) if len(codes) >= 6 else codes[:1] * 6
        blank_signed, blank_rate, exact_in, exact_primary, slow, fast = picks
        family: list[FamilyDoctorFigure] = []
        county_rows: list[CountyFigure] = []
        for code in codes:
            people = population[code] * self.rng.uniform(1.0, 1.03)
            coverage = self.rng.uniform(0.40, 0.52)
            for year in YEARS:
                last = year == YEARS[-1] and len(codes) > 1  # one county of each case in the last year
                if year != YEARS[0]:
                    people *= 1 + self.rng.uniform(-0.006, 0.004)
                    forced = {slow: SLOW_STEP, fast: FAST_STEP}.get(code) if last else None
                    coverage += self.rng.uniform(*(forced or _chance(self.rng, COVERAGE_STEPS)))
                residents = round(people)
                in_county = in_county_target if last and code == exact_in else round(self.rng.uniform(86, 95.5), 1)
                primary = primary_target if last and code == exact_primary else round(self.rng.uniform(58, 72), 1)
                county_rows.append(CountyFigure(
                    code, year, residents, in_county, None if last and code == blank_rate else primary,
                    round(residents * self.rng.uniform(0.27, 0.33)),
                ))
                signed = round(coverage * residents)
                family.extend(self._signed(facilities[code], signed, year, last and code == blank_signed))
        return family, county_rows

    def _signed(self, codes: Sequence[str], total: int, year: int, with_blank: bool) -> list[FamilyDoctorFigure]:
        """Split a county's signed residents over its facilities by weight (the sum is exact)."""
        if not codes:
            return []
        weights = [self.weights[c] * self.rng.uniform(0.95, 1.05) for c in codes]
        whole = sum(weights)
        signed = [int(total * w / whole) for w in weights]
        signed[weights.index(max(weights))] += total - sum(signed)
        blank = self.rng.randrange(len(codes)) if with_blank else -1
        return [
            FamilyDoctorFigure(c, year, None if i == blank else s, round(s * self.rng.uniform(0.42, 0.6)))
            for i, (c, s) in enumerate(zip(codes, signed))
        ]


def generate(ctx: ServiceContext, plan: DemoPlan, rng: random.Random, progress: ProgressCallback) -> dict[str, int]:
    """Add the health registry of the plan's townships on the demo villages: facilities, staff,
    training 2023–2025, family-doctor and county figures 2023–2025 (all marked demo)."""
    builder = _Builder(rng, _Bars.load(ctx.catalogue), plan)
    townships = {t.code for t in plan.townships}
    villages: dict[str, list[Village]] = defaultdict(list)
    for village in villages_repo.all_villages(ctx.db):
        if village.township_code in townships:
            villages[village.township_code].append(village)
    for index, township in enumerate(plan.townships):
        progress(index, len(plan.townships), "生成示例医疗机构和人员")
        builder.add_township(township, villages[township.code])
    builder.settle_centres()
    family, county_figures = builder.figures(plan, villages)
    progress(len(plan.townships), len(plan.townships), "写入示例医疗机构和人员")
    facilities_repo.insert_many(ctx.db, ((f, pinyin_initials(f.name)) for f in builder.facilities), is_demo=True)
    staff_repo.insert_many(ctx.db, builder.staff, is_demo=True)
    staff_repo.upsert_training(ctx.db, builder.training)
    health_figures_repo.upsert_family_doctor(ctx.db, family)
    health_figures_repo.upsert_county_figures(ctx.db, county_figures)
    return {
        "facilities": len(builder.facilities),
        "staff": len(builder.staff),
        "training": len(builder.training),
        "family_doctor": len(family),
        "county_figures": len(county_figures),
    }
