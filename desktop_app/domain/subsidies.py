"""Subsidy entitlements under 焦政办〔2023〕32号 and the ledger arithmetic, in integer fen.

Three programmes, each named by its rule id and read from the catalogue's params:

- ``hc.subsidy.village_clinic_operating``: one yearly amount per 村卫生室 standing in a 行政村 with a
  licence valid on any day of the year (``amount_by_year``, ``later_years``), paid by the county-level
  unit (县级 in the six counties, 区级 in the five urban districts);
- ``hc.subsidy.family_doctor_incentive``: ``yuan_per_signed_person`` × 签约人数 of a facility, paid
  wholly by the county in ``county_units_full``, else shared by ``district_split`` (市级 2 : 区级 3);
- ``hc.staff.elderly_allowance``: a yearly amount per retired village doctor the rule finds
  eligible, at the rate the county's administrator set (the policy gives none: until set the
  entitlement is unknown, "标准未设定", never zero), paid by the county-level unit.

An entitlement whose amount cannot be known is ``amount_fen is None`` with the reason in ``gap``.
The ledger compares entitlements with postings (payments and reversing entries) per payee; a year
is overdue once it has ended with an amount outstanding; paying more than the entitlement is an
over-payment, always flagged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from desktop_app.domain.divisions import FIVE_DISTRICTS, SIX_COUNTIES, Division
from desktop_app.domain.errors import Problem, RuleViolation
from desktop_app.domain.health.entities import ADMIN_VILLAGE, LEFT, VILLAGE_CLINIC, Facility, StaffMember
from desktop_app.domain.health.rules_common import Context
from desktop_app.domain.health.rules_staff import elderly_allowance
from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.money import FEN_PER_YUAN, format_yuan, parse_yuan, round_fen
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry
from desktop_app.domain.rules.results import RuleResult, Status

CLINIC_OPERATING = "hc.subsidy.village_clinic_operating"
FAMILY_DOCTOR = "hc.subsidy.family_doctor_incentive"
ELDERLY_ALLOWANCE = "hc.staff.elderly_allowance"
PROGRAMMES = (CLINIC_OPERATING, FAMILY_DOCTOR, ELDERLY_ALLOWANCE)

CENTRAL, PROVINCE, CITY, COUNTY, DISTRICT = "中央", "省级", "市级", "县级", "区级"
SOURCES = (CENTRAL, PROVINCE, CITY, COUNTY, DISTRICT)
FACILITY_PAYEE, STAFF_PAYEE = "facility", "staff"
PAYEE_KIND = {CLINIC_OPERATING: FACILITY_PAYEE, FAMILY_DOCTOR: FACILITY_PAYEE, ELDERLY_ALLOWANCE: STAFF_PAYEE}
STANDARD_NOT_SET = "标准未设定"
SIGNED_UNKNOWN = "签约人数未填写"
LICENCE_UNKNOWN = "许可证有效期未填写"
ELIGIBILITY_UNKNOWN = "资格待核实"
STAYS = "stays"
Shares = Mapping[str, int]


class OverpaymentNotConfirmed(RuleViolation):
    """A payment would take the payee past its entitlement; post again with the over-payment confirmed."""

    def __init__(self, message: str, *, entitled_fen: int | None, paid_fen: int, amount_fen: int):
        super().__init__(message)
        self.entitled_fen, self.paid_fen, self.amount_fen = entitled_fen, paid_fen, amount_fen


# --- records ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Budget:
    """A yearly budget of one programme for one county-level unit from one source (补助预算)."""

    programme: str
    year: int
    division_code: str
    source: str
    amount_fen: int


@dataclass(frozen=True)
class Payment:
    """One posting (补助发放): a payment, or with ``reverses`` a negative entry reversing (part of) a
    posted voucher. ``payee`` is a facility code or, for the allowance, an ID number."""

    voucher_no: str
    programme: str
    year: int
    payee: str
    amount_fen: int
    source: str
    paid_on: date
    reverses: str | None = None
    note: str = ""

    @property
    def payee_kind(self) -> str:
        """``facility`` or ``staff``, as the programme pays."""
        return PAYEE_KIND.get(self.programme, FACILITY_PAYEE)


@dataclass(frozen=True)
class ClinicFacts:
    """What the operating subsidy reads of a 村卫生室: host village kind and licence expiry."""

    facility: Facility
    host_kind: str | None


@dataclass(frozen=True)
class SignedFacts:
    """A facility's 签约人数 of one year (None when the cell is blank)."""

    facility: Facility
    signed_residents: int | None


@dataclass(frozen=True)
class Entitlement:
    """What one payee is entitled to under one programme in one year, and how it was computed.

    ``amount_fen`` is None when it cannot be known (``gap`` says why); ``shares`` splits a known
    amount by source of funds (empty otherwise). ``rule_id`` is the catalogue entry governing the year.
    """

    programme: str
    rule_id: str
    year: int
    payee: str
    payee_name: str
    payee_kind: str
    county_code: str
    division_code: str
    amount_fen: int | None
    shares: Shares = field(default_factory=dict)
    basis: str = ""
    gap: str | None = None


# --- programmes and years ----------------------------------------------------------------------

def family_window(family: Sequence[RuleEntry]) -> tuple[int | None, int | None]:
    """First and last year a programme covers (None = open): from the oldest entry's start to the
    newest entry's end, open-ended when the newest entry stays after its window (catalogue rule)."""
    if not family:
        return None, None
    starts = [e.valid_from.year for e in family if e.valid_from is not None]
    first = min(starts) if len(starts) == len(family) else None
    newest = family[-1]
    last = None if newest.after_valid_to == STAYS or newest.valid_to is None else newest.valid_to.year
    return first, last


def covers_year(family: Sequence[RuleEntry], year: int) -> bool:
    """True when the programme pays for ``year``."""
    first, last = family_window(family)
    return bool(family) and (first is None or year >= first) and (last is None or year <= last)


def governing_entry(catalogue: Catalogue, programme: str, year: int) -> RuleEntry:
    """The entry of the programme's family that governs ``year`` (in force on 31 December)."""
    return catalogue.latest(programme, date(year, 12, 31))


def resolve_programme(catalogue: Catalogue, text: str | None) -> str | None:
    """The programme a cell names: its id, a successor's id, or a Chinese title of the family."""
    value = (text or "").strip()
    if not value:
        return None
    base = value.split("@", 1)[0]
    if base in PROGRAMMES and (value == base or value in catalogue):
        return base
    for programme in PROGRAMMES:
        if any(value == e.title for e in catalogue.family(programme)):
            return programme
    return None


def own_source(county: Division) -> str:
    """The source name of a county-level unit's own finance: 县级 (six counties) or 区级 (five districts)."""
    if county.funding_group == SIX_COUNTIES:
        return COUNTY
    if county.funding_group == FIVE_DISTRICTS:
        return DISTRICT
    raise ValueError(f"{county.name}（{county.code}）没有资金分组，无法确定补助资金来源")


def share_weights(programme: str, entry: RuleEntry, county: Division) -> dict[str, int]:
    """Sources of funds of a programme in a county and their relative weights (catalogue params)."""
    if programme == FAMILY_DOCTOR:
        if county.code in entry.param("county_units_full"):
            return {own_source(county): 1}
        return {source: int(weight) for source, weight in entry.param("district_split").items()}
    return {own_source(county): 1}


def split_fen(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """Split ``total`` fen by ``weights``: each share rounded to the fen (四舍五入), the last share
    taking what is left, so the shares always add up to the total exactly."""
    whole = sum(weights.values())
    shares: dict[str, int] = {}
    names = list(weights)
    for name in names[:-1]:
        shares[name] = round_fen(Fraction(total * weights[name], whole))
    shares[names[-1]] = total - sum(shares.values())
    return shares


def _fen_fraction(yuan: Any) -> Fraction:
    """An amount in yuan from the catalogue as an exact fraction of fen."""
    return Fraction(Decimal(str(yuan))) * FEN_PER_YUAN


# --- entitlements ------------------------------------------------------------------------------

def _entitlement(programme: str, entry: RuleEntry, year: int, payee: str, name: str, kind: str, county: Division,
                 division_code: str, amount: int | None, basis: str, gap: str | None = None) -> Entitlement:
    shares = split_fen(amount, share_weights(programme, entry, county)) if amount else {}
    if entry.valid_to is not None and year > entry.valid_to.year:
        basis += f"（{entry.source_doc}已于{entry.valid_to.isoformat()}到期，按规则目录继续适用，直至有后续规定）"
    return Entitlement(programme, entry.id, year, payee, name, kind, county.code, division_code, amount,
                       MappingProxyType(shares), basis, gap)


def clinic_operating(entry: RuleEntry, clinic: ClinicFacts, year: int, county: Division) -> Entitlement:
    """hc.subsidy.village_clinic_operating: ``amount_by_year`` (or ``later_years`` after the last
    listed year) for a 村卫生室 in a 行政村 whose licence is valid on some day of ``year``; one
    amount per clinic however many villages it serves. 0 with the reason otherwise; unknown when
    the licence expiry is blank."""
    f = clinic.facility
    make = lambda amount, basis, gap=None: _entitlement(  # noqa: E731
        CLINIC_OPERATING, entry, year, f.code, f.name, FACILITY_PAYEE, county, f.division_code, amount, basis, gap)
    if f.kind != VILLAGE_CLINIC or clinic.host_kind != ADMIN_VILLAGE:
        where = clinic.host_kind or "未登记的村庄"
        return make(0, f"所在地为{where}，不是行政村卫生室，不享受基本运行经费补助")
    if f.licence_valid_until is None:
        return make(None, f"执业许可证有效期未填写，无法确定{year}年是否持有有效许可证", LICENCE_UNKNOWN)
    if f.licence_valid_until < date(year, 1, 1):
        return make(0, f"执业许可证已于{f.licence_valid_until.isoformat()}到期，{year}年内无有效许可证")
    by_year = entry.param("amount_by_year")
    listed = [int(y) for y in by_year]
    if str(year) in by_year:
        yuan = by_year[str(year)]
    elif listed and year > max(listed):
        yuan = entry.param("later_years")
    else:
        return make(0, f"规则目录未列出{year}年的补助标准")
    amount = parse_yuan(yuan)
    return make(amount, f"{year}年行政村卫生室基本运行经费每所{format_yuan(amount)}元（共建共用的村卫生室只补一所）")


def family_doctor(entry: RuleEntry, signed: SignedFacts, year: int, county: Division) -> Entitlement:
    """hc.subsidy.family_doctor_incentive: ``yuan_per_signed_person`` × 签约人数 of the year,
    rounded to the fen; unknown when 签约人数 is blank."""
    f = signed.facility
    rate = entry.param("yuan_per_signed_person")
    if signed.signed_residents is None:
        return _entitlement(FAMILY_DOCTOR, entry, year, f.code, f.name, FACILITY_PAYEE, county, f.division_code,
                            None, f"{year}年签约人数未填写，无法计算激励补助", SIGNED_UNKNOWN)
    rate_fen = _fen_fraction(rate)
    amount = (rate_fen.numerator * signed.signed_residents if rate_fen.denominator == 1
              else round_fen(rate_fen * signed.signed_residents))
    weights = share_weights(FAMILY_DOCTOR, entry, county)
    split = "全部由县级财政落实" if len(weights) == 1 else "由" + "、".join(
        f"{source}{w}" for source, w in weights.items()) + "比例配套"
    return _entitlement(FAMILY_DOCTOR, entry, year, f.code, f.name, FACILITY_PAYEE, county, f.division_code, amount,
                        f"签约{signed.signed_residents:,}人 × {rate}元/人·年，{split}")


def allowance_result(entry: RuleEntry, member: StaffMember, facility: Facility | None, year: int) -> RuleResult:
    """The hc.staff.elderly_allowance result of a person judged at the end of ``year`` (the engine's own rule)."""
    snapshot = HealthSnapshot(facilities=[facility] if facility else [])
    return elderly_allowance(entry, member, Context(snapshot, date(year, 12, 31)))


def elderly_allowance_entitlement(entry: RuleEntry, member: StaffMember, facility: Facility, year: int,
                                  county: Division, rate_fen: int | None) -> Entitlement | None:
    """The retired village doctor allowance of ``year`` for a person who had left by its end: the
    county's yearly rate when the rule finds him eligible, unknown while the rate is not set or the
    rule lacks an input; None when he is not eligible (or had not left yet)."""
    if member.status != LEFT or member.left_on is None or member.left_on > date(year, 12, 31):
        return None
    result = allowance_result(entry, member, facility, year)
    make = lambda amount, basis, gap=None: _entitlement(  # noqa: E731
        ELDERLY_ALLOWANCE, entry, year, member.id_number, member.name, STAFF_PAYEE, county, facility.division_code,
        amount, basis, gap)
    if result.status == Status.UNKNOWN:
        return make(None, result.message, ELIGIBILITY_UNKNOWN)
    if result.status != Status.PASS:
        return None
    if rate_fen is None:
        return make(None, f"{county.name}尚未设定老年乡村医生生活补助标准", STANDARD_NOT_SET)
    return make(rate_fen, f"{member.left_on.isoformat()}退出，{county.name}{year}年标准{format_yuan(rate_fen)}元/人·年")


def rate_for(rates: Mapping[tuple[str, int], int], county_code: str, year: int) -> int | None:
    """The allowance rate of a county in ``year``: the setting with the latest start year ≤ ``year``."""
    starts = [start for (county, start) in rates if county == county_code and start <= year]
    return rates[(county_code, max(starts))] if starts else None


# --- the ledger ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PaidFacts:
    """Postings of one payee under one programme and year, summed by source (paid_on ≤ as_of)."""

    programme: str
    payee: str
    payee_name: str
    payee_kind: str
    county_code: str
    division_code: str
    by_source: Mapping[str, int]
    vouchers: int = 0


@dataclass(frozen=True)
class PayeeLine:
    """One payee's line: entitlement against what was paid (by source) as of a date."""

    entitlement: Entitlement
    paid_by_source: Mapping[str, int]
    as_of: date
    vouchers: int = 0
    paid: int = field(init=False)
    """Net paid fen (payments less reversals)."""
    outstanding: int | None = field(init=False)
    """Entitled less paid (negative when over-paid; None when the entitlement is unknown)."""

    def __post_init__(self) -> None:
        paid = sum(self.paid_by_source.values())
        object.__setattr__(self, "paid", paid)
        entitled = self.entitlement.amount_fen
        object.__setattr__(self, "outstanding", None if entitled is None else entitled - paid)

    @property
    def entitled(self) -> int | None:
        """Entitled fen (None when unknown)."""
        return self.entitlement.amount_fen

    @property
    def arrears(self) -> int:
        """What is still owed (0 when paid in full, over-paid or unknown)."""
        return max(0, self.outstanding or 0)

    @property
    def overpaid(self) -> int:
        """Paid beyond the entitlement (0 when not over-paid or unknown)."""
        return max(0, -(self.outstanding or 0))

    @property
    def overdue(self) -> bool:
        """The year has ended and something is still owed."""
        return self.as_of > date(self.entitlement.year, 12, 31) and self.arrears > 0

    @property
    def outstanding_by_source(self) -> dict[str, int]:
        """Per source: its share less what it paid."""
        sources = dict.fromkeys([*self.entitlement.shares, *self.paid_by_source])
        return {s: self.entitlement.shares.get(s, 0) - self.paid_by_source.get(s, 0) for s in sources}

    @property
    def status(self) -> str:
        """The line's state for people: 超发 / 逾期未拨 / 未拨足 / 已拨足 / the gap of an unknown amount."""
        if self.entitled is None:
            return self.entitlement.gap or ELIGIBILITY_UNKNOWN
        if self.overpaid:
            return "超发"
        if self.overdue:
            return "逾期未拨"
        if self.arrears:
            return "未拨足"
        return "已拨足" if self.entitled else "无应补助"


@dataclass(frozen=True)
class ProgrammeSummary:
    """One programme in one county-level unit (or the whole scope when ``county_code`` is None)."""

    programme: str
    county_code: str | None
    year: int
    payees: int
    entitled: int
    unknown: int
    entitled_by_source: Mapping[str, int]
    budget_by_source: Mapping[str, int]
    paid_by_source: Mapping[str, int]
    arrears: int
    overpaid: int
    overdue_payees: int
    overpaid_payees: int

    @property
    def budgeted(self) -> int:
        """Budget from every source, fen."""
        return sum(self.budget_by_source.values())

    @property
    def paid(self) -> int:
        """Net paid from every source, fen."""
        return sum(self.paid_by_source.values())

    @property
    def outstanding(self) -> int:
        """Entitled (known amounts) less net paid; over-payments offset arrears here."""
        return self.entitled - self.paid

    @property
    def sources(self) -> list[str]:
        """Every source that appears in the shares, budgets or payments, in the fixed order."""
        seen = {*self.entitled_by_source, *self.budget_by_source, *self.paid_by_source}
        return [s for s in SOURCES if s in seen]


@dataclass(frozen=True)
class Ledger:
    """The subsidy ledger of one year as of a date: per county and programme, and per payee."""

    year: int
    as_of: date
    summaries: list[ProgrammeSummary]
    lines: list[PayeeLine]

    def lines_of(self, programme: str | None = None, county_code: str | None = None) -> list[PayeeLine]:
        """Payee lines of a programme and/or county (all when None)."""
        return [
            line for line in self.lines
            if (programme is None or line.entitlement.programme == programme)
            and (county_code is None or line.entitlement.county_code == county_code)
        ]

    def total(self, programme: str) -> ProgrammeSummary:
        """The summaries of one programme added up over every county in the ledger."""
        return _sum_summaries(programme, None, self.year, [s for s in self.summaries if s.programme == programme])


def _add(target: dict[str, int], values: Mapping[str, int]) -> None:
    for key, value in values.items():
        target[key] = target.get(key, 0) + value


def _ordered(values: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType({s: values[s] for s in SOURCES if s in values})


def _sum_summaries(programme: str, county: str | None, year: int, parts: Iterable[ProgrammeSummary]) -> ProgrammeSummary:
    entitled_by, budget_by, paid_by = {}, {}, {}
    counts = [0] * 7
    for part in parts:
        _add(entitled_by, part.entitled_by_source)
        _add(budget_by, part.budget_by_source)
        _add(paid_by, part.paid_by_source)
        for i, value in enumerate((part.payees, part.entitled, part.unknown, part.arrears, part.overpaid,
                                   part.overdue_payees, part.overpaid_payees)):
            counts[i] += value
    payees, entitled, unknown, arrears, overpaid, overdue, overpaid_payees = counts
    return ProgrammeSummary(programme, county, year, payees, entitled, unknown, _ordered(entitled_by),
                            _ordered(budget_by), _ordered(paid_by), arrears, overpaid, overdue, overpaid_payees)


def _unlisted(paid: PaidFacts, catalogue_entry: RuleEntry, year: int) -> Entitlement:
    """The entitlement line of a payee who was paid but is entitled to nothing this year."""
    return Entitlement(paid.programme, catalogue_entry.id, year, paid.payee, paid.payee_name, paid.payee_kind,
                       paid.county_code, paid.division_code, 0, MappingProxyType({}),
                       "不在本年度应补助名单中（不符合条件或已不存在），所发金额均为超发")


def build_ledger(
    *,
    year: int,
    as_of: date,
    entitlements: Iterable[Entitlement],
    paid: Iterable[PaidFacts],
    budgets: Iterable[Budget],
    counties: Sequence[str],
    entries: Mapping[str, RuleEntry],
) -> Ledger:
    """Match entitlements with postings per (programme, payee) and add them up per county.

    Payees entitled to nothing and never paid are left out; payees paid without an entitlement get
    a line with entitled 0 (all over-paid). ``entries`` are the governing entries by programme;
    ``counties`` the county codes to summarise (each gets a summary per programme).
    """
    paid_by_key = {(p.programme, p.payee): p for p in paid}
    lines: list[PayeeLine] = []
    for entitlement in entitlements:
        facts = paid_by_key.pop((entitlement.programme, entitlement.payee), None)
        if entitlement.amount_fen == 0 and facts is None:
            continue
        by_source = facts.by_source if facts else {}
        lines.append(PayeeLine(entitlement, _ordered(by_source), as_of, facts.vouchers if facts else 0))
    for facts in paid_by_key.values():
        entry = entries[facts.programme]
        lines.append(PayeeLine(_unlisted(facts, entry, year), _ordered(facts.by_source), as_of, facts.vouchers))
    lines.sort(key=lambda l: (PROGRAMMES.index(l.entitlement.programme), l.entitlement.county_code, l.entitlement.payee))
    grouped: dict[tuple[str, str], list[PayeeLine]] = defaultdict(list)
    for line in lines:
        grouped[(line.entitlement.county_code, line.entitlement.programme)].append(line)
    budget_by: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for budget in budgets:
        _add(budget_by[(budget.division_code, budget.programme)], {budget.source: budget.amount_fen})
    summaries = []
    for county in counties:
        for programme in PROGRAMMES:
            summaries.append(_summarise(programme, county, year, grouped.get((county, programme), []),
                                        budget_by.get((county, programme), {})))
    return Ledger(year, as_of, summaries, lines)


def _summarise(programme: str, county: str, year: int, lines: Sequence[PayeeLine], budget: Mapping[str, int]) -> ProgrammeSummary:
    entitled_by: dict[str, int] = {}
    paid_by: dict[str, int] = {}
    for line in lines:
        _add(entitled_by, line.entitlement.shares)
        _add(paid_by, line.paid_by_source)
    return ProgrammeSummary(
        programme, county, year, len(lines),
        entitled=sum(l.entitled or 0 for l in lines),
        unknown=sum(1 for l in lines if l.entitled is None),
        entitled_by_source=_ordered(entitled_by), budget_by_source=_ordered(budget), paid_by_source=_ordered(paid_by),
        arrears=sum(l.arrears for l in lines), overpaid=sum(l.overpaid for l in lines),
        overdue_payees=sum(1 for l in lines if l.overdue), overpaid_payees=sum(1 for l in lines if l.overpaid),
    )


# --- checks of input ---------------------------------------------------------------------------

def year_problem(catalogue: Catalogue, programme: str, year: int) -> Problem | None:
    """Why ``year`` is outside the years the programme pays for, or None."""
    family = catalogue.family(programme)
    if covers_year(family, year):
        return None
    first, last = family_window(family)
    span = f"{first or '—'}年至{last or '今后各'}年"
    return Problem("year", f"{catalogue.get(programme).title}只覆盖{span}，不含{year}年")


def source_problem(catalogue: Catalogue, programme: str, year: int, county: Division, source: str) -> Problem | None:
    """Why ``source`` does not fund the programme in this county and year, or None."""
    if source not in SOURCES:
        return Problem("source", f"资金来源“{source}”不是允许的取值（{'/'.join(SOURCES)}）")
    allowed = share_weights(programme, governing_entry(catalogue, programme, year), county)
    if source in allowed:
        return None
    return Problem("source", f"{county.name}的{catalogue.get(programme).title}资金来源只能是"
                             f"{'、'.join(allowed)}，不含“{source}”")


def paid_on_problem(catalogue: Catalogue, programme: str, paid_on: date, today: date) -> Problem | None:
    """Why a posting date is impossible (before the programme began, or in the future), or None."""
    first = catalogue.family(programme)[0].valid_from if catalogue.family(programme) else None
    if first is not None and paid_on < first:
        return Problem("paid_on", f"发放日期{paid_on.isoformat()}早于政策施行日{first.isoformat()}")
    if paid_on > today:
        return Problem("paid_on", f"发放日期{paid_on.isoformat()}晚于今天，不能预先登记")
    return None


def reversal_problems(payment: Payment, original: Payment | None, reversed_fen: int) -> list[Problem]:
    """Why a negative posting cannot reverse ``original`` (already reversed by ``reversed_fen``, a
    negative sum), or an empty list. A positive posting must not name a voucher to reverse."""
    if payment.amount_fen == 0:
        return [Problem("amount", "金额不能为0")]
    if payment.amount_fen > 0:
        return [Problem("reverses", "冲销凭证的金额应为负数")] if payment.reverses else []
    if not payment.reverses:
        return [Problem("amount", "金额为负数，但没有注明所冲销的凭证号；负数只能用于冲销已过账的发放")]
    if original is None:
        return [Problem("reverses", f"要冲销的凭证号{payment.reverses}不存在")]
    if original.amount_fen < 0:
        return [Problem("reverses", f"凭证{original.voucher_no}本身是冲销凭证，不能再冲销")]
    problems = []
    for name, label in (("programme", "项目"), ("year", "年度"), ("payee", "收款对象"), ("source", "资金来源")):
        if getattr(payment, name) != getattr(original, name):
            problems.append(Problem(name, f"冲销凭证的{label}须与原凭证{original.voucher_no}一致"))
    left = original.amount_fen + reversed_fen
    if -payment.amount_fen > left:
        problems.append(Problem("amount", f"凭证{original.voucher_no}尚可冲销{format_yuan(left)}元，"
                                          f"不能冲销{format_yuan(-payment.amount_fen)}元"))
    if payment.paid_on < original.paid_on:
        problems.append(Problem("paid_on", f"冲销日期不能早于原凭证发放日期{original.paid_on.isoformat()}"))
    return problems


def overpayment_message(entitlement: Entitlement | None, paid_fen: int, amount_fen: int) -> str | None:
    """The warning for a payment that takes the payee past its entitlement, or None when it does not."""
    if amount_fen <= 0:
        return None
    entitled = entitlement.amount_fen if entitlement else 0
    after = paid_fen + amount_fen
    if entitled is None:
        return (f"应补助金额尚无法确定（{entitlement.gap}），本笔发放后累计{format_yuan(after)}元；"
                "如确需登记，请确认后按超发标记登记")
    if after <= entitled:
        return None
    return (f"本笔发放后累计{format_yuan(after)}元，超过应补助{format_yuan(entitled)}元"
            f"（超发{format_yuan(after - entitled)}元）；如确属超发，请确认后登记，并在核实后冲销")
