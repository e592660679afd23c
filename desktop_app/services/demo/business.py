"""Demo individual-business desk (interchange §5): businesses, group memberships and applications.

City scale: 100,000 individual businesses on the real township codes with valid synthetic credit
codes (``92`` + county code + ``MA…`` + GB 32100 check character), operators with valid ID numbers
of the county's area (some running several businesses over time, a few in two counties), their
group memberships (人员身份), and 200,000 applications under the nine ib./emp. measures received
2023–2025, in every workflow status. ``small`` is 修武县 at 1/11 of that.

The eligibility engine is *not* run here: 200,000 checks take ~20 s and ``init`` must stay fast.
Instead each application is built either to meet every condition of its measure or to fail one
named condition (parameters read from the catalogue), and its status follows: eligible cases are
approved and paid (or still open), ineligible ones refused with that condition as the reason —
apart from a few deliberate overrides (approved against the rules with a written reason) and
fraud signals left open for review (a second claim, a hire claimed twice, an application received
before registration). The engine's verdict columns stay empty until the app re-evaluates
(``applications.reevaluate_all``). Deterministic for the seeded ``rng``; nothing reads the clock.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from itertools import accumulate
from math import floor
from typing import TYPE_CHECKING, Any

from desktop_app.domain.business.entities import (
    BUSINESS_ACTIVE,
    BUSINESS_CONVERTED,
    ENTERPRISE_TYPES,
    GRADUATE,
    Application,
    Business,
    PersonStatus,
)
from desktop_app.domain.business.evaluation import add_years, param_fen
from desktop_app.domain.business.facts import shipped_fact_catalogue
from desktop_app.domain.business.lookups import COUNTY_AMOUNT_PARAMS
from desktop_app.domain.business.uscc import CHARSET, complete_uscc
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.money import format_yuan, parse_yuan, round_fen
from desktop_app.domain.text import pinyin_initials
from desktop_app.services import desk_admin
from desktop_app.services.demo.health import GIVEN_FEMALE, GIVEN_MALE, ID_PREFIXES_OF, SURNAMES
from desktop_app.store import applications_repo, businesses_repo, desk_settings_repo
from desktop_app.store.applications_repo import ApplicationCase, ApplicationEvent

if TYPE_CHECKING:
    from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import DemoPlan, ProgressCallback


class _Weights:
    """Keys drawn with relative weights (the cumulative table is built once)."""

    def __init__(self, weights: Mapping[Any, float]) -> None:
        self.keys = list(weights)
        self.cumulative = list(accumulate(weights.values()))

    def draw(self, rng: random.Random) -> Any:
        """One key, drawn with the given relative weights."""
        return self.keys[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


CITY_BUSINESSES = 100_000
CITY_COUNTY_UNITS = 11
APPLICATIONS_PER_BUSINESS = 2
DEMO_END = date(2025, 12, 31)  # the demo's "today": nothing is dated later
FIRST_YEAR = 2008
EARLIEST_RECEIPT = date(2023, 1, 3)
CLOSED = "注销"
STARTUP, DIRECTORY, CONVERSION, BOOKKEEPING, LOAN = (
    "ib.startup_subsidy", "ib.directory_award", "ib.conversion_award", "ib.conversion_bookkeeping", "ib.guarantee_loan")
SKILL, EXPANSION, ABSORPTION, STABLE = ("emp.skill_subsidy", "emp.expansion_subsidy", "emp.absorption_subsidy",
                                        "emp.stable_job_return")
# Share of the applications per measure; the guarantee loan takes the rest.
MEASURE_SHARES = {STARTUP: 0.10, DIRECTORY: 0.025, CONVERSION: 0.02, BOOKKEEPING: 0.03, SKILL: 0.14, EXPANSION: 0.05,
                  ABSORPTION: 0.05, STABLE: 0.06}
# Amounts some counties pay for the "不少于" awards (fen; the others pay the policy minimum).
COUNTY_AMOUNTS = {("410821000000", DIRECTORY): 500_000, ("410821000000", CONVERSION): 1_000_000,
                  ("410882000000", DIRECTORY): 400_000, ("410823000000", CONVERSION): 800_000}
DEMO_ACTOR = "demo"

# Name pieces: their pinyin initials are computed once and concatenated (checked by a test against
# pinyin_initials of whole names; 太行, 康乐, 永盛 and 琴行 are left out because pypinyin reads
# them differently inside a longer name).
BRANDS = ("鑫源 福满 顺发 宏达 金穗 百姓 聚福 兴隆 华兴 万家 佳美 利民 恒通 安康 美佳 诚信 瑞丰 鸿运 昌盛 和顺 同心 金鼎 丰收"
          " 怀府 云台 竹林 嘉禾 春晓 阳光 绿源 天成 新月 金达 好运 众鑫 宝丰 汇丰 德顺 富民 乐家 惠民 祥和 旺达 益民 荣华 盛达 友谊").split()
INDUSTRIES: dict[str, tuple[float, tuple[str, ...]]] = {
    "餐饮": (22, ("烩面馆", "面馆", "饭店", "快餐店", "小吃店", "饺子馆", "烧烤店", "火锅店", "包子铺", "胡辣汤馆", "羊肉汤馆",
                 "驴肉馆", "凉皮店", "蛋糕店")),
    "零售": (34, ("超市", "便利店", "日用百货店", "烟酒店", "水果店", "蔬菜店", "服装店", "鞋店", "五金店", "建材店", "家电店",
                 "手机店", "农资店", "怀药店", "副食店", "粮油店", "文具店", "母婴用品店", "眼镜店", "花店")),
    "居民服务": (10, ("理发店", "美容美发店", "洗衣店", "家政服务部", "摄影部", "开锁部")),
    "修理": (7, ("汽车修理部", "摩托车维修部", "家电维修部", "电动车维修部", "轮胎店", "钟表维修部")),
    "住宿": (3, ("宾馆", "旅馆", "农家乐")),
    "交通运输": (4, ("货运部", "物流服务部", "搬家服务部")),
    "农副产品加工": (5, ("面粉加工坊", "榨油坊", "山药加工坊", "豆腐坊", "食品加工坊", "粉条加工坊")),
    "建筑装修": (5, ("装饰部", "水电安装部", "门窗加工部", "广告制作部")),
    "电子商务": (4, ("网店", "电子商务部", "直播工作室")),
    "种养殖": (4, ("养殖场", "种植园", "家庭农场", "菊花种植园")),
    "文化娱乐": (2, ("图文打印店", "书店", "画室")),
}
TIERS = _Weights({"生存型": 60, "成长型": 25, "发展型": 8, None: 7})
ENTERPRISE_TYPE_WEIGHTS = _Weights(dict(zip(ENTERPRISE_TYPES, (40, 10, 50))))
# Groups an operator may hold when registering (start-up subsidy groups and others), with weights.
STARTUP_GROUP_WEIGHTS = _Weights({"返乡农民工": 30, GRADUATE: 25, "退役军人": 12, "就业困难人员": 10, "脱贫家庭劳动力": 14,
                                  "在校大中专学生": 4, "留学回国人员": 5})
OTHER_GROUPS = ("残疾人", "低保家庭", "登记失业人员", "零就业家庭", "军队转业干部")
LOAN_TYPES = _Weights({"贴息": 55, "混合": 20, "非贴息": 25})
LOAN_LIMIT_PARAMS = {"贴息": "subsidised_max", "混合": "mixed_max", "非贴息": "non_subsidised_max"}
SKILL_LEVELS = _Weights({"初级": 45, "中级": 35, "高级": 10, "不分级": 10})
EMPLOYEES = _Weights({0: 8, 1: 25, 2: 20, 3: 15, 5: 12, 8: 10, 15: 7, 40: 3})
BUSINESSES_PER_OPERATOR = _Weights({1: 90, 2: 8, 3: 2})
CONVERSION_CASES = _Weights({"policy": 75, "before_2022": 15, "young": 10})
HIRES_PER_APPLICATION = _Weights({1: 50, 2: 25, 3: 15, 4: 6, 6: 4})
CREDIT_FLAGS = _Weights({False: 95, True: 2, None: 3})
CREDIT_FLAGS_CONVERTED = _Weights({False: 88, True: 7, None: 5})
# What becomes of an application that is not forced: eligible ones are mostly granted, the others
# mostly refused; a few are withdrawn or still (long) open.
ELIGIBLE_OUTCOMES = _Weights({"grant": 92, "withdraw": 5, "review": 1, "accepted": 0.5})
REFUSED_OUTCOMES = _Weights({"refuse": 87, "withdraw": 11, "review": 1, "accepted": 0.5})
WITHDRAWALS = ("申请人主动撤回", "材料需补充，申请人撤回后另行申请", "已享受其他同类政策，申请人撤回", "经营地址变更，申请人撤回")


def _int(rng: random.Random, low: int, high: int) -> int:
    """An integer from ``low`` to ``high`` inclusive (one call of ``random()``: cheaper than randint)."""
    return low + int(rng.random() * (high - low + 1))


def _one(rng: random.Random, items: Sequence[Any]) -> Any:
    """One item of a non-empty sequence."""
    return items[int(rng.random() * len(items))]


def _day(rng: random.Random, first: date, last: date) -> date:
    """A day from ``first`` to ``last`` inclusive."""
    return first + timedelta(days=_int(rng, 0, max(0, (last - first).days)))


def _workday(rng: random.Random, first: date, last: date) -> date:
    """A day from ``first`` to ``last``, moved off a weekend where the bounds allow (counters close)."""
    day = _day(rng, first, last)
    if day.weekday() >= 5:
        monday, friday = day + timedelta(days=7 - day.weekday()), day - timedelta(days=day.weekday() - 4)
        day = monday if monday <= last else friday if friday >= first else day
    return day


def _stamp(rng: random.Random, day: date) -> str:
    """An ISO timestamp (UTC) in the counter's opening hours on ``day``."""
    minute = int(rng.random() * 540)
    return f"{day.isoformat()}T{minute // 60:02d}:{minute % 60:02d}:00+00:00"


@dataclass(slots=True)
class _Shop:
    """A business being built (mutable until written), with what the application builders need."""

    uscc: str
    name: str
    initials: str
    operator_name: str
    operator_id: str
    registered_on: date
    township: str
    county: str
    industry: str
    online_only: bool
    employees: int
    tier: str | None
    first: bool  # the operator's first business
    in_group: bool  # the operator held a start-up group on the registration date
    status: str = BUSINESS_ACTIVE
    directory_joined_on: date | None = None
    converted_on: date | None = None
    enterprise_type: str | None = None
    enterprise_uscc: str | None = None
    credit_flag: bool | None = False

    def record(self) -> Business:
        """The domain record to store."""
        return Business(self.uscc, self.name, self.operator_name, self.operator_id, self.registered_on, self.township,
                        self.industry, self.online_only, self.employees, self.tier, self.directory_joined_on, self.status,
                        self.converted_on, self.enterprise_type, self.enterprise_uscc, self.credit_flag)


@dataclass(slots=True)
class _Draft:
    """An application before its receipt number and workflow: eligible (``amount`` set) or refused
    for ``refusal``; ``grant`` forces approval (a later claim relies on it), ``pending`` keeps it
    under review (a fraud signal), ``override`` approves an ineligible one with that reason."""

    policy: str
    county: str
    received_on: date
    uscc: str | None
    id_number: str | None
    facts: dict[str, str]
    requested: int | None
    amount: int | None = None
    refusal: str | None = None
    hires: tuple[str, ...] = ()
    grant: bool = False
    pending: bool = False
    override: str | None = None
    override_amount: int | None = None


class _People:
    """Synthetic persons: unique valid ID numbers of a county's area, names and group memberships."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.statuses: dict[tuple[str, str], PersonStatus] = {}

    def new(self, county: str, birth: date, male: bool | None = None) -> tuple[str, str]:
        """A new person of ``county`` born on ``birth``: (ID number, name)."""
        rng = self.rng
        male = rng.random() < 0.55 if male is None else male
        prefixes = ID_PREFIXES_OF.get(county[:6], (county[:6],))
        while True:
            first17 = f"{_one(rng, prefixes)}{birth:%Y%m%d}{_int(rng, 0, 99):02d}{_one(rng, '13579' if male else '02468')}"
            if first17 not in self.used:
                break
        self.used.add(first17)
        id_number = first17 + id_check_character(first17)
        pool = GIVEN_MALE if male else GIVEN_FEMALE
        given = "".join(_one(rng, pool) for _ in range(2 if rng.random() < 0.75 else 1))
        return id_number, _one(rng, SURNAMES) + given

    def born(self, year_from: int, year_to: int) -> date:
        """A birth date in the given years (29 February avoided)."""
        return date(_int(self.rng, year_from, year_to), _int(self.rng, 1, 12), _int(self.rng, 1, 28))

    def hold(self, id_number: str, name: str, group: str, since: date, until: date | None = None) -> None:
        """Record a group membership (one per person and group)."""
        self.statuses.setdefault((id_number, group), PersonStatus(id_number, group, name, since, until))


class _Registry:
    """Builds the businesses of the plan's townships and their operators' memberships."""

    def __init__(self, rng: random.Random, people: _People, startup: RuleEntry, county_names: Mapping[str, str]) -> None:
        self.rng = rng
        self.people = people
        self.groups = tuple(startup.param("groups"))
        self.graduate_years = int(startup.param("graduate_within_years"))
        self.shops: list[_Shop] = []
        self.used_codes: set[str] = set()
        self.prefixes = {code: (name, pinyin_initials(name)) for code, name in county_names.items()}
        surnames = list(dict.fromkeys(SURNAMES))
        brands = BRANDS + [s + "记" for s in surnames] + [s + "家" for s in surnames] + ["老" + s for s in surnames]
        self.brands = [(b, pinyin_initials(b)) for b in brands]
        self.items = {ind: [(i, pinyin_initials(i)) for i in items] for ind, (_, items) in INDUSTRIES.items()}
        self.industry_weights = _Weights({ind: w for ind, (w, _) in INDUSTRIES.items()})
        self.year_weights = _Weights({y: 1 + (y - FIRST_YEAR) * 0.6 for y in range(FIRST_YEAR, DEMO_END.year + 1)})

    def code(self, kind: str, county: str) -> str:
        """A new credit code: ``92`` (individual business) or ``91`` (enterprise), county, ``MA`` + 7."""
        while True:
            value = self.rng.getrandbits(36) % 31**7
            tail = "".join(CHARSET[(value // 31**i) % 31] for i in range(7))
            code = complete_uscc(f"{kind}{county[:6]}MA{tail}")
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code

    def _name(self, county: str, industry: str) -> tuple[str, str]:
        rng = self.rng
        brand, brand_ini = _one(rng, self.brands)
        item, item_ini = _one(rng, self.items[industry])
        prefix, prefix_ini = self.prefixes[county] if rng.random() < 0.6 else ("", "")
        return prefix + brand + item, prefix_ini + brand_ini + item_ini

    def registration_day(self) -> date:
        """A registration date, more recent years more likely."""
        year = self.year_weights.draw(self.rng)
        return _day(self.rng, date(year, 1, 1), min(date(year, 12, 31), DEMO_END))

    def operator(self, county: str, registered_on: date) -> tuple[str, str, bool]:
        """A new operator of a business registered on ``registered_on``: ID, name, and whether a
        start-up group is held that day (a few near misses: graduated too long ago, status later)."""
        rng, people = self.rng, self.people
        roll = rng.random()
        if roll < 0.36:
            group = STARTUP_GROUP_WEIGHTS.draw(rng)
            return self._group_holder(county, registered_on, group)
        if roll < 0.41:
            return self._near_miss(county, registered_on)
        id_number, name = people.new(county, people.born(registered_on.year - 58, registered_on.year - 20))
        if roll < 0.47:
            group = _one(rng, OTHER_GROUPS)
            people.hold(id_number, name, group, _day(rng, registered_on - timedelta(days=2000), DEMO_END))
        return id_number, name, False

    def _group_holder(self, county: str, day: date, group: str) -> tuple[str, str, bool]:
        rng, people = self.rng, self.people
        until = None
        if group == GRADUATE:
            year = _int(rng, day.year - self.graduate_years + 1, day.year)
            since = date(year, 7, 1) if date(year, 7, 1) <= day else date(year - 1, 7, 1)
            birth = people.born(since.year - 23, since.year - 21)
        elif group == "在校大中专学生":
            since = date(day.year - 1 if day.month >= 9 else day.year - 2, 9, 1)
            until = date(since.year + 3, 6, 30)
            birth = people.born(since.year - 19, since.year - 17)
        else:
            since = day - timedelta(days=_int(rng, 20, 1500))
            birth = people.born(day.year - 50, day.year - 23)
            if group == "就业困难人员" and rng.random() < 0.4:
                until = day + timedelta(days=_int(rng, 100, 900))
        id_number, name = people.new(county, birth)
        people.hold(id_number, name, group, since, until)
        return id_number, name, self.holds(group, since, until, day)

    def _near_miss(self, county: str, day: date) -> tuple[str, str, bool]:
        rng, people = self.rng, self.people
        if rng.random() < 0.6:
            since = date(day.year - self.graduate_years - _int(rng, 1, 4), 7, 1)
            id_number, name = people.new(county, people.born(since.year - 23, since.year - 21))
            people.hold(id_number, name, GRADUATE, since)
            return id_number, name, self.holds(GRADUATE, since, None, day)
        id_number, name = people.new(county, people.born(day.year - 45, day.year - 22))
        since = min(DEMO_END, day + timedelta(days=_int(rng, 30, 700)))
        people.hold(id_number, name, "返乡农民工", since)
        return id_number, name, False

    def holds(self, group: str, since: date, until: date | None, day: date) -> bool:
        """The start-up subsidy's group test on ``day`` (as the engine reads it)."""
        if group not in self.groups or since > day or (until is not None and until < day):
            return False
        return group != GRADUATE or day <= add_years(since, self.graduate_years)

    def add(self, county: str, township: str, registered_on: date, operator: tuple[str, str, bool], first: bool) -> _Shop:
        """A new business of ``operator`` with varied tier, size, directory entry and status."""
        rng = self.rng
        industry = self.industry_weights.draw(rng)
        name, initials = self._name(county, industry)
        employees = EMPLOYEES.draw(rng)
        employees = employees + _int(rng, 0, max(0, employees // 2))
        shop = _Shop(self.code("92", county), name, initials, operator[1], operator[0], registered_on, township, county,
                     industry, industry == "电子商务" and rng.random() < 0.7, employees, TIERS.draw(rng), first,
                     operator[2] and first)
        roll = rng.random()
        if roll < 0.09:
            shop.status = CLOSED
        elif roll < 0.155:
            self._convert(shop)
        joined_from = max(registered_on + timedelta(days=180), date(2021, 1, 1))
        share = 0.07 if shop.status == BUSINESS_ACTIVE else 0.02
        if rng.random() < share and joined_from <= date(2025, 11, 30):
            shop.directory_joined_on = _day(rng, joined_from, date(2025, 11, 30))
        shop.credit_flag = (CREDIT_FLAGS_CONVERTED if shop.status == BUSINESS_CONVERTED else CREDIT_FLAGS).draw(rng)
        self.shops.append(shop)
        return shop

    def _convert(self, shop: _Shop) -> None:
        rng, registered = self.rng, shop.registered_on
        aged = add_years(registered, 2)
        case = CONVERSION_CASES.draw(rng)
        if case == "policy" and max(aged, date(2022, 1, 1)) <= date(2024, 12, 31):
            converted = _day(rng, max(aged, date(2022, 1, 1)), date(2024, 12, 31))
        elif case == "before_2022" and aged <= date(2021, 12, 31):
            converted = _day(rng, max(aged, date(2018, 1, 1)), date(2021, 12, 31))
        elif case == "young" and (start := max(registered + timedelta(days=90), date(2022, 1, 1))) < min(aged, date(2025, 6, 30)):
            converted = _day(rng, start, min(aged, date(2025, 6, 30)) - timedelta(days=1))
        else:
            return
        shop.status, shop.converted_on = BUSINESS_CONVERTED, converted
        shop.enterprise_type = ENTERPRISE_TYPE_WEIGHTS.draw(rng)
        shop.enterprise_uscc = self.code("91", shop.county)

    def build(self, townships: Mapping[str, Sequence[tuple[str, float]]], totals: Mapping[str, int]) -> None:
        """``totals[county]`` businesses per county: operators with one business (most), two or three
        over time (some, the earlier one often closed); at city scale a few operators register a later
        business in another county (a fraud signal)."""
        rng = self.rng
        counties = list(totals)
        for county in counties:
            places = _Weights(dict(townships[county]))
            made = 0
            while made < totals[county]:
                registered = self.registration_day()
                operator = self.operator(county, registered)
                previous: _Shop | None = None
                for index in range(min(BUSINESSES_PER_OPERATOR.draw(rng), totals[county] - made)):
                    if previous is not None:
                        if previous.registered_on > DEMO_END - timedelta(days=400):
                            break
                        registered = _day(rng, previous.registered_on + timedelta(days=365),
                                          min(DEMO_END, previous.registered_on + timedelta(days=2200)))
                    home = county
                    if previous is not None and len(counties) > 1 and rng.random() < 0.003:
                        home = _one(rng, [c for c in counties if c != county])
                    township = places.draw(rng) if home == county else _one(rng, [t for t, _ in townships[home]])
                    if previous is not None and previous.status == BUSINESS_ACTIVE and rng.random() < 0.65:
                        previous.status = CLOSED
                    previous = self.add(home, township, registered, operator, first=index == 0)
                    made += 1


class _Pool:
    """A shuffled pool of businesses taken one at a time (optionally once per ``taken`` set)."""

    def __init__(self, rng: random.Random, items: Sequence[_Shop]) -> None:
        self.items = list(items)
        rng.shuffle(self.items)

    def take(self, taken: set[str] | None = None) -> _Shop | None:
        """The next business not in ``taken`` (which then records it), or None when exhausted."""
        while self.items:
            shop = self.items.pop()
            if taken is None or shop.uscc not in taken:
                if taken is not None:
                    taken.add(shop.uscc)
                return shop
        return None


@dataclass
class _Window:
    """The receipt window of a measure's entry: applications inside it can be eligible."""

    entry: RuleEntry
    first: date
    last: date


class _Desk:
    """Builds the applications of every measure, each eligible by construction or failing one
    named condition, then settles their workflow (receipt numbers, decisions, payments, events)."""

    def __init__(self, rng: random.Random, people: _People, shops: Sequence[_Shop], catalogue: Catalogue,
                 county_amounts: Mapping[tuple[str, str], int], county_weights: Mapping[str, int]) -> None:
        self.rng = rng
        self.people = people
        self.shops = shops
        self.catalogue = catalogue
        self.county_amounts = county_amounts
        self.county_weights = _Weights(county_weights)
        self.fact_specs = shipped_fact_catalogue()
        self.by_code = {s.uscc: s for s in shops}
        self.drafts: list[_Draft] = []
        self.by_measure: dict[str, list[_Draft]] = defaultdict(list)

    # --- helpers ---------------------------------------------------------------------------------

    def window(self, base: str) -> _Window:
        """The entry of ``base`` in force at the demo's end (or the latest before it) and its window."""
        entry = self.catalogue.in_force(base, DEMO_END) or self.catalogue.latest(base, DEMO_END)
        return _Window(entry, entry.valid_from or EARLIEST_RECEIPT, min(entry.valid_to or DEMO_END, DEMO_END))

    def facts(self, base: str, **values: Any) -> dict[str, str]:
        """Typed facts by English name → the stored texts by Chinese key (as intake stores them)."""
        specs = self.fact_specs.get(base).facts
        return {spec.key: spec.format(values[spec.name]) for spec in specs if spec.name in values}

    def add(self, draft: _Draft) -> _Draft:
        """Keep a draft (and return it)."""
        self.drafts.append(draft)
        self.by_measure[draft.policy].append(draft)
        return draft

    def requested(self, amount: int | None) -> int | None:
        """The amount the applicant wrote: usually the expected amount, sometimes left blank."""
        return amount if self.rng.random() < 0.9 else None

    def county_amount(self, county: str, base: str, entry: RuleEntry) -> int:
        """What the county pays for a "不少于" award: its setting, else the policy minimum (fen)."""
        return self.county_amounts.get((county, base)) or param_fen(entry, COUNTY_AMOUNT_PARAMS[base])

    def earlier(self, base: str, before: date) -> _Draft | None:
        """A random eligible draft of ``base`` received at least 15 days before ``before`` (a few
        random draws, not a scan), to be granted so that a later claim can be refused for it."""
        drafts = self.by_measure[base]
        for _ in range(30 if drafts else 0):
            draft = _one(self.rng, drafts)
            if draft.amount is not None and not draft.pending and draft.received_on <= before - timedelta(days=15):
                return draft
        return None

    def fill(self, base: str, count: int, kinds: Mapping[str, float], builders: Mapping[str, Callable[[], bool]]) -> None:
        """Add ``count`` drafts of ``base``, each of a kind drawn by weight; an exhausted kind falls
        back to an eligible one (and the loan takes up any shortfall later)."""
        start = len(self.by_measure[base])
        chances = _Weights(kinds)
        for _ in range(count * 3):
            if len(self.by_measure[base]) - start >= count:
                return
            kind = chances.draw(self.rng)
            if not builders[kind]() and kind != "eligible":
                builders["eligible"]()

    def county(self) -> str:
        """A county of the plan, weighted by its number of businesses (for persons without one)."""
        return self.county_weights.draw(self.rng)

    # --- ib. measures ----------------------------------------------------------------------------

    def startup(self, count: int) -> None:
        """ib.startup_subsidy: first business, operator in a group when registering, operating a year."""
        rng, w = self.rng, self.window(STARTUP)
        amount, years = param_fen(w.entry, "amount"), int(w.entry.param("min_operating_years"))
        due = {s.uscc: add_years(s.registered_on, years) for s in self.shops}
        active_first = [s for s in self.shops if s.status == BUSINESS_ACTIVE and s.first]
        ready = _Pool(rng, [s for s in active_first if s.in_group and due[s.uscc] <= w.last])
        early = _Pool(rng, [s for s in active_first if s.in_group
                            and max(w.first, s.registered_on + timedelta(days=30)) < min(w.last, due[s.uscc])])
        no_group = _Pool(rng, [s for s in active_first if not s.in_group and due[s.uscc] <= w.last])
        later = _Pool(rng, [s for s in self.shops if s.status == BUSINESS_ACTIVE and not s.first and due[s.uscc] <= w.last])
        closed = _Pool(rng, [s for s in self.shops if s.status == CLOSED])
        before = _Pool(rng, [s for s in active_first if s.registered_on < w.first - timedelta(days=10)])
        taken: set[str] = set()

        def draft(shop: _Shop, first: date, last: date, **more: Any) -> _Draft:
            day = _workday(rng, first, last)
            return self.add(_Draft(STARTUP, shop.county, day, shop.uscc, shop.operator_id, {}, self.requested(amount), **more))

        def eligible() -> bool:
            shop = ready.take(taken)
            return shop is not None and bool(draft(shop, max(w.first, due[shop.uscc]), w.last, amount=amount))

        def refused(pool: _Pool, reason: Callable[[_Shop], str], first: Callable[[_Shop], date] = lambda s: max(
                w.first, due[s.uscc], s.registered_on)) -> Callable[[], bool]:
            def build() -> bool:
                shop = pool.take()
                return shop is not None and bool(draft(shop, first(shop), w.last, refusal=reason(shop)))
            return build

        def too_early(override: bool = False) -> bool:
            shop = early.take(taken if override else None)
            if shop is None:
                return False
            reason = f"自登记注册之日起经营不满{years}年（{due[shop.uscc].isoformat()}起方可申请）"
            more: dict[str, Any] = {"refusal": reason}
            if override:
                more |= {"override": "经现场核查，该户登记前已在同址经营（有租赁合同和水电费凭证），经研究按经营满一年认定",
                         "override_amount": amount}
            draft(shop, max(w.first, shop.registered_on + timedelta(days=30)), min(w.last, due[shop.uscc] - timedelta(days=1)),
                  **more)
            return True

        def again() -> bool:
            first = self.earlier(STARTUP, w.last)
            if first is None:
                return False
            first.grant = True
            day = _workday(rng, first.received_on + timedelta(days=15), w.last)
            self.add(_Draft(STARTUP, first.county, day, first.uscc, first.id_number, {}, self.requested(amount),
                            refusal=f"经营者已于{first.received_on.isoformat()}申请并享受一次性创业补贴，不能重复享受",
                            pending=rng.random() < 0.1))
            return True

        def before_window() -> bool:
            shop = before.take()
            if shop is None or max(EARLIEST_RECEIPT, shop.registered_on) >= w.first:
                return False
            draft(shop, max(EARLIEST_RECEIPT, shop.registered_on), w.first - timedelta(days=1),
                  refusal=f"受理日期早于政策施行日期{w.first.isoformat()}")
            return True

        self.fill(STARTUP, count, {"eligible": 60, "no_group": 12, "too_early": 6, "not_first": 5, "closed": 5, "again": 6,
                                   "before_window": 5, "override": 0.3}, {
            "eligible": eligible,
            "no_group": refused(no_group, lambda s: f"经营者登记注册时不属于创业补贴扶持群体（或高校毕业生毕业已超过"
                                                    f"{w.entry.param('graduate_within_years')}年）"),
            "too_early": too_early,
            "not_first": refused(later, lambda s: "经营者此前已登记个体工商户，不属于首次创业"),
            "closed": refused(closed, lambda s: "个体工商户已注销", lambda s: max(w.first, s.registered_on)),
            "again": again,
            "before_window": before_window,
            "override": lambda: too_early(override=True),
        })

    def directory(self, count: int) -> None:
        """ib.directory_award: in the 名特优新 directory by the receipt date, 存续, first award."""
        rng, w = self.rng, self.window(DIRECTORY)
        active = [s for s in self.shops if s.status == BUSINESS_ACTIVE]
        listed = _Pool(rng, [s for s in active if s.directory_joined_on and s.directory_joined_on <= w.last])
        unlisted = _Pool(rng, [s for s in active if s.directory_joined_on is None])
        gone = _Pool(rng, [s for s in self.shops if s.status != BUSINESS_ACTIVE and s.directory_joined_on])
        later = _Pool(rng, [s for s in active if s.directory_joined_on and s.directory_joined_on > w.first + timedelta(days=20)])
        taken: set[str] = set()

        def draft(shop: _Shop, first: date, **more: Any) -> _Draft:
            expected = self.county_amount(shop.county, DIRECTORY, w.entry)
            return self.add(_Draft(DIRECTORY, shop.county, _workday(rng, first, more.pop("last", w.last)), shop.uscc, None, {},
                                   self.requested(expected), **more))

        def eligible() -> bool:
            shop = listed.take(taken)
            if shop is None:
                return False
            draft(shop, max(w.first, shop.directory_joined_on), amount=self.county_amount(shop.county, DIRECTORY, w.entry))
            return True

        def not_listed(override: bool = False) -> bool:
            shop = unlisted.take(taken if override else None)
            if shop is None:
                return False
            more: dict[str, Any] = {"refusal": "该个体工商户未进入“名特优新”名录库"}
            if override:
                more |= {"override": "已列入本年度名特优新拟入库名单且公示期满无异议，经局务会研究先行奖励",
                         "override_amount": self.county_amount(shop.county, DIRECTORY, w.entry)}
            draft(shop, max(w.first, shop.registered_on), **more)
            return True

        def again() -> bool:
            first = self.earlier(DIRECTORY, w.last)
            if first is None:
                return False
            first.grant = True
            self.add(_Draft(DIRECTORY, first.county, _workday(rng, first.received_on + timedelta(days=15), w.last), first.uscc,
                            None, {}, first.requested, refusal="该个体工商户已享受“名特优新”首次入库奖励，不能重复享受",
                            pending=rng.random() < 0.1))
            return True

        def not_active() -> bool:
            shop = gone.take()
            return shop is not None and bool(draft(shop, max(w.first, shop.directory_joined_on),
                                                   refusal=f"个体工商户状态为“{shop.status}”，不是“{BUSINESS_ACTIVE}”"))

        def joined_later() -> bool:
            shop = later.take()
            if shop is None:
                return False
            joined = shop.directory_joined_on
            draft(shop, max(w.first, joined - timedelta(days=90)), last=joined - timedelta(days=1),
                  refusal=f"受理时尚未进入名录库（{joined.isoformat()}入库）")
            return True

        self.fill(DIRECTORY, count, {"eligible": 66, "not_listed": 14, "again": 7, "not_active": 5, "joined_later": 5,
                                     "override": 0.4}, {
            "eligible": eligible, "not_listed": not_listed, "again": again, "not_active": not_active,
            "joined_later": joined_later, "override": lambda: not_listed(override=True),
        })

    def _conversion_pools(self, entry: RuleEntry) -> tuple[list[_Shop], list[_Shop], list[_Shop], list[_Shop]]:
        """Converted businesses: meeting every 个转企 condition but time (one conversion per operator,
        on or after the policy date, old enough, clean credit), converted too early, too young, flagged."""
        after = date.fromisoformat(str(entry.param("converted_on_or_after")))
        age = int(entry.param("min_age_years"))
        converted = [s for s in self.shops if s.status == BUSINESS_CONVERTED]
        conversions: dict[str, int] = defaultdict(int)
        for shop in converted:
            conversions[shop.operator_id] += 1
        ok = [s for s in converted if s.converted_on >= after and add_years(s.registered_on, age) <= s.converted_on
              and s.credit_flag is False and conversions[s.operator_id] == 1]
        before = [s for s in converted if s.converted_on < after]
        young = [s for s in converted if s.converted_on >= after and add_years(s.registered_on, age) > s.converted_on]
        flagged = [s for s in converted if s.credit_flag is not False and s.converted_on >= after]
        return ok, before, young, flagged

    def conversion(self, count: int) -> None:
        """ib.conversion_award: 个转企 since 2022, 2 years old at conversion, a year as an enterprise,
        taxes filed and paid 3 months, clean credit, the operator's first conversion."""
        rng, w = self.rng, self.window(CONVERSION)
        years, months = int(w.entry.param("min_enterprise_years")), int(w.entry.param("min_tax_months"))
        ok, before, young, flagged = self._conversion_pools(w.entry)
        due = {s.uscc: add_years(s.converted_on, years) for s in ok + before + young + flagged}
        ready = _Pool(rng, [s for s in ok if due[s.uscc] <= w.last])
        retry = _Pool(rng, [s for s in ok if due[s.uscc] <= w.last])
        soon = _Pool(rng, [s for s in ok if max(w.first, s.converted_on + timedelta(days=30)) < min(w.last, due[s.uscc])])
        pools = {"before_2022": _Pool(rng, before), "young": _Pool(rng, young), "credit": _Pool(rng, flagged)}
        taken: set[str] = set()

        def draft(shop: _Shop, first: date, last: date, facts: Mapping[str, Any], **more: Any) -> _Draft:
            code = shop.enterprise_uscc if rng.random() < 0.8 else shop.uscc
            expected = self.county_amount(shop.county, CONVERSION, w.entry)
            values = {"filed_on_time": True, "tax_months": _int(rng, months, 36), **facts}
            return self.add(_Draft(CONVERSION, shop.county, _workday(rng, first, last), code, None,
                                   self.facts(CONVERSION, **values), self.requested(expected), **more))

        def eligible() -> bool:
            shop = ready.take(taken)
            return shop is not None and bool(draft(shop, max(w.first, due[shop.uscc]), w.last, {},
                                                   amount=self.county_amount(shop.county, CONVERSION, w.entry)))

        def tax() -> bool:
            shop = retry.take()
            if shop is None:
                return False
            if rng.random() < 0.5:
                facts, reason = {"filed_on_time": False}, "未按期申报纳税"
            else:
                short = _int(rng, 0, months - 1)
                facts, reason = {"tax_months": short}, f"连续纳税{short}个月，不足{months}个月"
            draft(shop, max(w.first, due[shop.uscc]), w.last, facts, refusal=reason)
            return True

        def too_soon() -> bool:
            shop = soon.take()
            if shop is None:
                return False
            draft(shop, max(w.first, shop.converted_on + timedelta(days=30)), min(w.last, due[shop.uscc] - timedelta(days=1)),
                  {}, refusal=f"转企后经营不满{years}年（{due[shop.uscc].isoformat()}起方可申请）")
            return True

        reasons = {"before_2022": lambda s: f"{s.converted_on.isoformat()}转型为企业，早于政策规定的{w.entry.param('converted_on_or_after')}",
                   "young": lambda s: f"转企时个体工商户成立不满{w.entry.param('min_age_years')}年",
                   "credit": lambda s: "有不良信用记录或被列入经营异常名录" if s.credit_flag else "信用情况未登记，无法核实"}

        def other(kind: str) -> Callable[[], bool]:
            def build() -> bool:
                shop = pools[kind].take()
                return shop is not None and bool(draft(shop, max(w.first, shop.converted_on), w.last, {},
                                                       refusal=reasons[kind](shop)))
            return build

        def again() -> bool:
            first = self.earlier(CONVERSION, w.last)
            if first is None:
                return False
            first.grant = True
            self.add(_Draft(CONVERSION, first.county, _workday(rng, first.received_on + timedelta(days=15), w.last), first.uscc,
                            None, dict(first.facts), first.requested, refusal="该经营者已享受“个转企”一次性奖励，仅首次转企可享受"))
            return True

        self.fill(CONVERSION, count, {"eligible": 58, "tax": 10, "before_2022": 10, "young": 7, "credit": 7, "too_soon": 5,
                                      "again": 3}, {
            "eligible": eligible, "tax": tax, "too_soon": too_soon, "again": again,
            **{kind: other(kind) for kind in pools},
        })

    def bookkeeping(self, count: int) -> None:
        """ib.conversion_bookkeeping: a subsidy year among the three after conversion, the 个转企
        conditions met, books in order, once per enterprise and year."""
        rng, w = self.rng, self.window(BOOKKEEPING)
        award = self.window(CONVERSION).entry
        years = int(w.entry.param("years"))
        enterprise_years, months = int(award.param("min_enterprise_years")), int(award.param("min_tax_months"))
        amount = param_fen(w.entry, "amount_per_year")
        ok, before, _, _ = self._conversion_pools(award)
        due = {s.uscc: add_years(s.converted_on, enterprise_years) for s in ok}

        def span(shop: _Shop, year: int) -> tuple[date, date]:
            return max(w.first, due[shop.uscc], date(year, 1, 1)), min(w.last, date(year + 1, 3, 31))

        slots = [(s, y) for s in ok for y in range(s.converted_on.year + 1, s.converted_on.year + years + 1)
                 if span(s, y)[0] <= span(s, y)[1]]
        rng.shuffle(slots)
        spare = list(slots)
        rng.shuffle(spare)
        outside = _Pool(rng, [s for s in ok if due[s.uscc] <= w.last])
        early = _Pool(rng, before)

        def draft(shop: _Shop, year: int, first: date, last: date, books: bool = True, **more: Any) -> _Draft:
            code = shop.enterprise_uscc if rng.random() < 0.8 else shop.uscc
            facts = self.facts(BOOKKEEPING, subsidy_year=year, books_in_order=books, filed_on_time=True,
                               tax_months=_int(rng, months, 36))
            return self.add(_Draft(BOOKKEEPING, shop.county, _workday(rng, first, last), code, None, facts,
                                   self.requested(amount), **more))

        def eligible() -> bool:
            if not slots:
                return False
            shop, year = slots.pop()
            draft(shop, year, *span(shop, year), amount=amount)
            return True

        def books() -> bool:
            if not spare:
                return False
            shop, year = spare.pop()
            draft(shop, year, *span(shop, year), books=False, refusal="财务及纳税申报制度不健全")
            return True

        def year_outside() -> bool:
            shop = outside.take()
            if shop is None:
                return False
            year = _one(rng, (shop.converted_on.year, shop.converted_on.year + years + 1))
            draft(shop, year, max(w.first, due[shop.uscc]), w.last,
                  refusal=f"补贴年度{year}不在转型次年起{years}年过渡期内（{shop.converted_on.year + 1}—{shop.converted_on.year + years}年）")
            return True

        def converted_early() -> bool:
            shop = early.take()
            if shop is None:
                return False
            draft(shop, shop.converted_on.year + 1, w.first, w.last,
                  refusal=f"{shop.converted_on.isoformat()}转型为企业，不符合“个转企”奖励条件")
            return True

        def again() -> bool:
            first = self.earlier(BOOKKEEPING, w.last)
            if first is None:
                return False
            first.grant = True
            year = first.facts["补贴年度"]
            self.add(_Draft(BOOKKEEPING, first.county, _workday(rng, first.received_on + timedelta(days=15), w.last), first.uscc,
                            None, dict(first.facts), first.requested, refusal=f"该企业{year}年度财务代理服务费补贴已享受"))
            return True

        self.fill(BOOKKEEPING, count, {"eligible": 72, "year_outside": 8, "books": 8, "again": 7, "converted_early": 5}, {
            "eligible": eligible, "books": books, "year_outside": year_outside, "converted_early": converted_early,
            "again": again,
        })

    def loans(self, count: int) -> None:
        """ib.guarantee_loan: within the limit of the loan type, business 存续 (any number per business)."""
        rng, w = self.rng, self.window(LOAN)
        limits = {kind: param_fen(w.entry, param) // 1_000_000 for kind, param in LOAN_LIMIT_PARAMS.items()}  # in 10,000 yuan
        active = [s for s in self.shops if s.status == BUSINESS_ACTIVE]
        closed = [s for s in self.shops if s.status == CLOSED]
        new = _Pool(rng, [s for s in active if s.registered_on > w.first + timedelta(days=60)])
        lowest = {"贴息": 3, "混合": limits["贴息"] + 1, "非贴息": 5}

        def draft(shop: _Shop, first: date, last: date, *, over: bool = False, **more: Any) -> _Draft:
            kind = LOAN_TYPES.draw(rng)
            units = _int(rng, limits[kind] + 1, limits[kind] * 8 // 5) if over else _int(rng, lowest[kind], limits[kind])
            loan = units * 1_000_000
            facts = self.facts(LOAN, loan_type=kind, loan_amount=loan)
            if over:
                more["refusal"] = f"{kind}创业担保贷款最高{format_yuan(limits[kind] * 1_000_000)}元，申请{format_yuan(loan)}元超过额度"
            elif "refusal" not in more:
                more["amount"] = loan
            return self.add(_Draft(LOAN, shop.county, _workday(rng, first, last), shop.uscc, None, facts, loan, **more))

        def eligible() -> bool:
            shop = _one(rng, active)
            return bool(draft(shop, max(w.first, shop.registered_on), w.last))

        def over_limit() -> bool:
            shop = _one(rng, active)
            return bool(draft(shop, max(w.first, shop.registered_on), w.last, over=True))

        def closed_business() -> bool:
            shop = _one(rng, closed) if closed else None
            return shop is not None and bool(draft(shop, max(w.first, shop.registered_on), w.last,
                                                   refusal="个体工商户已注销，不能申请创业担保贷款"))

        def before_window() -> bool:
            shop = _one(rng, active)
            if max(EARLIEST_RECEIPT, shop.registered_on) >= w.first:
                return False
            draft(shop, max(EARLIEST_RECEIPT, shop.registered_on), w.first - timedelta(days=1),
                  refusal=f"受理日期早于政策施行日期{w.first.isoformat()}")
            return True

        def before_registration() -> bool:
            shop = new.take()
            if shop is None:
                return False
            draft(shop, max(w.first, shop.registered_on - timedelta(days=45)), shop.registered_on - timedelta(days=1),
                  pending=True)
            return True

        self.fill(LOAN, count, {"eligible": 88, "over_limit": 6, "closed": 3, "before_window": 2.5,
                                "before_registration": 0.1}, {
            "eligible": eligible, "over_limit": over_limit, "closed": closed_business, "before_window": before_window,
            "before_registration": before_registration,
        })

    # --- emp. measures ---------------------------------------------------------------------------

    def worker(self, county: str | None = None) -> tuple[str, str]:
        """A new insured worker (some registered unemployed before): (ID number, county)."""
        county = county or self.county()
        id_number, name = self.people.new(county, self.people.born(1968, 2002))
        if self.rng.random() < 0.2:
            self.people.hold(id_number, name, "登记失业人员", _day(self.rng, date(2021, 1, 1), date(2023, 6, 30)),
                             _day(self.rng, date(2023, 7, 1), date(2024, 6, 30)))
        return id_number, county

    def skill(self, count: int) -> None:
        """emp.skill_subsidy: insured 12 months, fewer than 3 granted claims in the calendar year."""
        rng, w = self.rng, self.window(SKILL)
        amounts = {level: parse_yuan(str(v)) for level, v in w.entry.param("amount_by_level").items()}
        minimum, limit = int(w.entry.param("min_insured_months")), int(w.entry.param("max_per_year"))
        late_first = w.last + timedelta(days=2)
        claims: dict[str, int] = defaultdict(int)
        repeaters: list[tuple[str, str]] = []

        def draft(person: tuple[str, str], first: date, last: date, months: int, **more: Any) -> _Draft:
            level = SKILL_LEVELS.draw(rng)
            facts = self.facts(SKILL, certificate_level=level, insured_months=months)
            if "refusal" not in more:
                more["amount"] = amounts[level]
                claims[person[0]] += 1
            return self.add(_Draft(SKILL, person[1], _workday(rng, first, last), None, person[0], facts,
                                   self.requested(amounts[level]), **more))

        def eligible() -> bool:
            person = self.worker()
            if rng.random() < 0.25:
                repeaters.append(person)
            draft(person, w.first, w.last, _int(rng, minimum, 180))
            return True

        def repeat() -> bool:
            while repeaters:
                index = int(rng.random() * len(repeaters))
                repeaters[index], repeaters[-1] = repeaters[-1], repeaters[index]
                if claims[repeaters[-1][0]] < limit:
                    draft(repeaters[-1], w.first, w.last, _int(rng, minimum, 180))
                    return True
                repeaters.pop()
            return False

        def short() -> bool:
            months = _int(rng, 1, minimum - 1)
            draft(self.worker(), w.first, w.last, months, refusal=f"参加失业保险{months}个月，不足{minimum}个月")
            return True

        def late() -> bool:
            draft(self.worker(), late_first, min(DEMO_END, late_first + timedelta(days=110)), _int(rng, minimum, 180),
                  refusal=f"政策已于{w.last.isoformat()}到期，受理日期不在有效期内")
            return True

        def fourth() -> bool:
            person = self.worker()
            days = sorted(_workday(rng, w.first, w.last - timedelta(days=20)) for _ in range(limit))
            for day in days:
                draft(person, day, day, _int(rng, minimum, 180), grant=True)
            draft(person, days[-1] + timedelta(days=1), w.last, _int(rng, minimum, 180),
                  refusal=f"本年度已享受技能提升补贴{limit}次，每人每年最多{limit}次")
            return True

        self.fill(SKILL, count, {"eligible": 70, "repeat": 8, "short": 9, "late": 6, "fourth": 0.8}, {
            "eligible": eligible, "repeat": repeat, "short": short, "late": late, "fourth": fourth})

    def hire(self, county: str) -> str:
        """A new hire: a young person, often a recent graduate or registered unemployed."""
        rng, people = self.rng, self.people
        roll = rng.random()
        if roll < 0.35:
            graduated = date(_one(rng, (2021, 2022, 2023)), 7, 1)
            id_number, name = people.new(county, people.born(graduated.year - 23, graduated.year - 21))
            people.hold(id_number, name, GRADUATE, graduated)
        else:
            id_number, name = people.new(county, people.born(1999, 2007))
            if roll < 0.6:
                people.hold(id_number, name, "登记失业人员", _day(rng, date(2022, 6, 1), date(2023, 7, 31)),
                            _day(rng, date(2023, 8, 11), date(2023, 12, 31)))
        return id_number

    def hiring(self, base: str, other: str, count: int) -> None:
        """emp.expansion_subsidy / emp.absorption_subsidy: 1,000 yuan per hire not already claimed
        under the other subsidy (any employer) or this one (same employer)."""
        rng, w = self.rng, self.window(base)
        per_hire = param_fen(w.entry, "amount_per_hire")
        employers = [s for s in self.shops if s.employees >= 1 and s.registered_on <= w.first]
        title = {EXPANSION: "一次性扩岗补助", ABSORPTION: "一次性吸纳就业补贴"}
        late_first = w.last + timedelta(days=2)

        def draft(shop: _Shop, first: date, last: date, hires: tuple[str, ...], **more: Any) -> _Draft:
            if "refusal" not in more:
                more["amount"] = per_hire * len(hires)
            return self.add(_Draft(base, shop.county, _workday(rng, first, last), shop.uscc, None,
                                   self.facts(base, hires=hires), self.requested(per_hire * len(hires)), hires=hires, **more))

        def new_hires(shop: _Shop) -> tuple[str, ...]:
            return tuple(self.hire(shop.county) for _ in range(HIRES_PER_APPLICATION.draw(rng)))

        def eligible() -> bool:
            shop = _one(rng, employers)
            draft(shop, w.first, w.last, new_hires(shop))
            return True

        def claimed(pending: bool = False) -> bool:
            source = other if self.by_measure[other] else base
            first = self.earlier(source, w.last)
            if first is None:
                return False
            first.grant = True
            hire = _one(rng, first.hires)
            shop = self.by_code[first.uscc] if source == base and not pending else _one(rng, employers)
            day = (first.received_on + timedelta(days=15), w.last)
            if pending:
                draft(shop, *day, (hire, *new_hires(shop)), pending=True)
            elif source == base:
                draft(shop, *day, (hire,), refusal=f"招用人员已由本单位享受{title[base]}，不再计入")
            else:
                draft(shop, *day, (hire,), refusal=f"招用人员已享受{title[other]}，不重复享受，无可计入人员")
            return True

        def late() -> bool:
            shop = _one(rng, employers)
            draft(shop, late_first, min(DEMO_END, late_first + timedelta(days=110)), new_hires(shop),
                  refusal=f"政策已于{w.last.isoformat()}到期，受理日期不在有效期内")
            return True

        self.fill(base, count, {"eligible": 85, "claimed": 7, "late": 6, "shared": 0.3}, {
            "eligible": eligible, "claimed": claimed, "late": late, "shared": lambda: claimed(pending=True)})

    def stable(self, count: int) -> None:
        """emp.stable_job_return: layoff rate within the limit for the unit's size; 60% of last
        year's unemployment-insurance contribution."""
        rng, w = self.rng, self.window(STABLE)
        rate = Fraction(str(w.entry.param("sme_rate")))
        small_staff = int(w.entry.param("small_max_staff"))
        small_rate = Fraction(str(w.entry.param("small_max_layoff_rate")))
        large_rate = Fraction(str(w.entry.param("national_target_rate")))
        pool = _Pool(rng, [s for s in self.shops if s.employees >= 2 and s.registered_on <= w.first])
        late_first = w.last + timedelta(days=2)

        def draft(kind: str) -> bool:
            shop = pool.take()
            if shop is None:
                return False
            staff = max(1, shop.employees - _int(rng, 0, 2))
            allowed = floor(staff * (small_rate if staff <= small_staff else large_rate))
            if kind == "layoffs":
                if allowed >= staff:
                    return False
                layoffs = _int(rng, allowed + 1, staff)
            else:
                layoffs = 0 if rng.random() < 0.65 else _int(rng, 0, allowed)
            contribution = staff * _int(rng, 18_000, 72_000) + _int(rng, 0, 99)
            amount = round_fen(contribution * rate)
            first, last = (late_first, min(DEMO_END, late_first + timedelta(days=110))) if kind == "late" else (w.first, w.last)
            more: dict[str, Any] = {"amount": amount}
            if kind == "layoffs":
                more = {"refusal": f"参保职工{staff}人，裁员{layoffs}人，裁员率高于规定上限"}
            elif kind == "late":
                more = {"refusal": f"政策已于{w.last.isoformat()}到期，受理日期不在有效期内"}
            facts = self.facts(STABLE, contribution=contribution, insured_staff=staff, layoffs=layoffs)
            self.add(_Draft(STABLE, shop.county, _workday(rng, first, last), shop.uscc, None, facts, self.requested(amount),
                            **more))
            return True

        self.fill(STABLE, count, {"eligible": 86, "layoffs": 9, "late": 5}, {
            kind: (lambda k=kind: draft(k)) for kind in ("eligible", "layoffs", "late")})

    def build(self, total: int) -> None:
        """Every measure's share of ``total`` applications; the guarantee loan takes the rest."""
        counts = {base: round(total * share) for base, share in MEASURE_SHARES.items()}
        self.startup(counts[STARTUP])
        self.directory(counts[DIRECTORY])
        self.conversion(counts[CONVERSION])
        self.bookkeeping(counts[BOOKKEEPING])
        self.skill(counts[SKILL])
        self.hiring(EXPANSION, ABSORPTION, counts[EXPANSION])
        self.hiring(ABSORPTION, EXPANSION, counts[ABSORPTION])
        self.stable(counts[STABLE])
        self.loans(total - len(self.drafts))


@dataclass
class _Workflow:
    """Turns drafts into stored cases: receipt numbers per county and day, promised dates, the
    decision each draft's outcome calls for, payments with voucher numbers, and the events."""

    rng: random.Random
    promised: Callable[[str, date], date]
    clerks: Mapping[str, Sequence[str]]
    materials: Mapping[str, tuple[str, ...]]
    vouchers: dict[tuple[str, int], int] = field(default_factory=dict)
    events: list[ApplicationEvent] = field(default_factory=list)
    yuan: dict[int, str] = field(default_factory=dict)
    loan_materials: dict[tuple[bool, bool], tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    def _yuan(self, fen: int) -> str:
        text = self.yuan.get(fen)
        if text is None:
            text = self.yuan[fen] = f"{format_yuan(fen)}元"
        return text

    def cases(self, drafts: Sequence[_Draft]) -> list[tuple[ApplicationCase, tuple[str, ...]]]:
        """Every draft as a case with its hires, numbered in (county, receipt date) order."""
        serials: dict[str, int] = defaultdict(int)
        result = []
        for draft in sorted(drafts, key=lambda d: (d.county, d.received_on)):
            prefix = f"{draft.county[:6]}{draft.received_on:%Y%m%d}"
            serials[prefix] += 1
            result.append((self.settle(draft, f"{prefix}{serials[prefix]:04d}"), draft.hires))
        return result

    def _outcome(self, draft: _Draft) -> str:
        if draft.pending:
            return "review"
        if draft.grant or draft.override:
            return "grant"
        return (ELIGIBLE_OUTCOMES if draft.amount is not None else REFUSED_OUTCOMES).draw(self.rng)

    def settle(self, draft: _Draft, receipt_no: str) -> ApplicationCase:
        """The case of one draft with its decision, payment or withdrawal, and its events."""
        rng = self.rng
        clerk = _one(rng, self.clerks[draft.county])
        received = draft.received_on
        review = min(DEMO_END, received + timedelta(days=_int(rng, 0, 3)))
        decided = review + timedelta(days=_int(rng, 2, 15))
        outcome = self._outcome(draft)
        if decided > DEMO_END and outcome in ("grant", "refuse"):
            outcome = "grant" if draft.grant or draft.override else "review" if review < DEMO_END else "accepted"
            decided = DEMO_END
        events = [(received, "intake", None, "已受理", "")]
        if outcome != "accepted":
            events.append((review, "start_review", "已受理", "审核中", ""))
        fields: dict[str, Any] = {}
        amount = draft.amount if draft.amount is not None else draft.override_amount
        status = {"accepted": "已受理", "review": "审核中"}.get(outcome, "")
        if outcome == "grant":
            status = "已批准"
            note = f"批准金额{self._yuan(amount)}" + (f"；超出系统判定批准，理由：{draft.override}" if draft.override else "")
            reasons = (draft.refusal,) if draft.override else (f"符合全部条件，核定金额{self._yuan(amount)}",)
            fields |= {"approved_amount_fen": amount, "decision_reasons": reasons, "overridden": bool(draft.override),
                       "override_reason": draft.override, "decided_by": clerk, "decided_at": _stamp(rng, decided)}
            events.append((decided, "approve_override" if draft.override else "approve", "审核中", "已批准", note))
            paid = decided + timedelta(days=_int(rng, 3, 25))
            if paid <= DEMO_END and rng.random() < 0.92:
                status = "已发放"
                year_key = (draft.county[:6], paid.year)
                self.vouchers[year_key] = self.vouchers.get(year_key, 0) + 1
                voucher = f"ZF{draft.county[:6]}{paid.year}{self.vouchers[year_key]:06d}"
                fields |= {"voucher_no": voucher, "paid_on": paid, "paid_amount_fen": amount,
                           "paid_by": _one(rng, self.clerks[draft.county])}
                events.append((paid, "pay", "已批准", "已发放", f"凭证号{voucher}，{paid.isoformat()}发放{self._yuan(amount)}"))
        elif outcome == "refuse":
            status = "不予批准"
            fields |= {"decision_reasons": (draft.refusal,), "decided_by": clerk, "decided_at": _stamp(rng, decided)}
            events.append((decided, "refuse", "审核中", "不予批准", draft.refusal))
        elif outcome == "withdraw":
            status = "已撤回"
            day = min(DEMO_END, review + timedelta(days=_int(rng, 0, 10)))
            reason = _one(rng, WITHDRAWALS)
            fields |= {"withdrawal_reason": reason, "withdrawn_by": clerk, "withdrawn_at": _stamp(rng, day)}
            events.append((day, "withdraw", "审核中", "已撤回", reason))
        self.events.extend(ApplicationEvent(receipt_no, _stamp(rng, day), clerk, action, before, after, note)
                           for day, action, before, after, note in events)
        application = Application(receipt_no, draft.policy, received, draft.uscc, draft.id_number, draft.requested,
                                  draft.facts, status)
        received_materials, waived = self._materials(draft)
        return ApplicationCase(application, draft.county, received_materials, waived, self.promised(draft.policy, received),
                               clerk, clerk, **fields, is_demo=True)

    def _materials(self, draft: _Draft) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Every material of the measure received; for a loan, the conditional ones not applicable
        to it (interest-subsidy proof for a non-subsidised loan, discharge papers mostly) waived."""
        names = self.materials[draft.policy]
        if draft.policy != LOAN:
            return names, ()
        key = (draft.facts.get("贷款类型") == "非贴息", self.rng.random() < 0.9)
        if key not in self.loan_materials:
            waived = tuple(n for n in names if ("贴息" in n and key[0]) or ("退役" in n and key[1]))
            self.loan_materials[key] = (tuple(n for n in names if n not in waived), waived)
        return self.loan_materials[key]


def _split(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """``total`` split by ``weights`` into whole numbers that add up exactly (largest remainder)."""
    whole = sum(weights.values())
    shares = {k: total * w / whole for k, w in weights.items()}
    counts = {k: floor(v) for k, v in shares.items()}
    for key in sorted(shares, key=lambda k: counts[k] - shares[k])[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def generate(ctx: ServiceContext, plan: DemoPlan, rng: random.Random, progress: ProgressCallback) -> dict[str, int]:
    """Add the business desk of the plan's counties: businesses, group memberships, county award
    amounts and applications with their events (all marked demo; verdicts left to re-evaluation)."""
    catalogue = desk_admin.effective_catalogue(ctx)
    total = round(CITY_BUSINESSES * len(plan.counties) / CITY_COUNTY_UNITS)
    townships = {c.code: [(t.code, 2.0 if t.name.endswith("街道") else 1.0) for t in plan.townships if t.parent_code == c.code]
                 for c in plan.counties}
    totals = _split(total, {code: sum(w for _, w in towns) for code, towns in townships.items() if towns})
    people = _People(rng)
    startup = catalogue.in_force(STARTUP, DEMO_END) or catalogue.latest(STARTUP, DEMO_END)
    registry = _Registry(rng, people, startup, {c.code: c.name for c in plan.counties})
    progress(0, 3, "生成示例个体工商户")
    registry.build(townships, totals)
    amounts = {key: fen for key, fen in COUNTY_AMOUNTS.items() if key[0] in totals}
    desk = _Desk(rng, people, registry.shops, catalogue, amounts, totals)
    progress(1, 3, "生成示例政策申请")
    desk.build(APPLICATIONS_PER_BUSINESS * total)
    calendar, days = desk_admin.work_calendar(ctx), desk_admin.promised_working_days(ctx)
    promised_on: dict[tuple[str, date], date] = {}

    def promised(policy: str, day: date) -> date:
        if (policy, day) not in promised_on:
            promised_on[policy, day] = calendar.add_working_days(day, days[policy])
        return promised_on[policy, day]

    clerks = {code: [people.new(code, people.born(1975, 1998))[1] for _ in range(4)] for code in totals}
    specs = shipped_fact_catalogue()
    materials = {base: tuple(m.name for m in specs.get(base).materials) for base in desk.by_measure}
    workflow = _Workflow(rng, promised, clerks, materials)
    cases = workflow.cases(desk.drafts)
    progress(2, 3, "写入示例个体工商户和政策申请")
    # In key order: the primary-key B-trees then grow at their end (about twice as fast).
    shops = sorted(registry.shops, key=lambda s: s.uscc)
    businesses_repo.insert_many(ctx.db, ((s.record(), s.initials) for s in shops), is_demo=True)
    businesses_repo.upsert_statuses(ctx.db, (people.statuses[k] for k in sorted(people.statuses)), is_demo=True)
    for (county, base), fen in amounts.items():
        desk_settings_repo.set_county_amount(ctx.db, county, base, fen, actor=DEMO_ACTOR, at=f"{DEMO_END}T00:00:00+00:00")
    applications_repo.insert_many(ctx.db, cases, is_demo=True)
    applications_repo.add_events(ctx.db, workflow.events)
    return {"businesses": len(registry.shops), "person_statuses": len(people.statuses), "applications": len(cases),
            "application_events": len(workflow.events)}
