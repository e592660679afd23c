"""Demo subsidy ledger (interchange §5): allowance rates, budgets and payments 2023–2025.

Built on the demo health registry written earlier in the same transaction, from the entitlements
the rules give. Most payees are paid in full, some in two instalments; a share of each year stays
outstanding (overdue, as every demo year has ended), more in later years; the city's share of the
family-doctor incentive is sometimes late; one clinic is paid twice (an over-payment left standing)
and another's double payment is reversed. One county (the only one at ``small`` scale: for 2023)
has no allowance rate, so its retired doctors show 标准未设定. Deterministic for the seeded ``rng``;
nothing here reads the clock.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.subsidies import (
    CLINIC_OPERATING,
    ELDERLY_ALLOWANCE,
    FAMILY_DOCTOR,
    Budget,
    Entitlement,
    Payment,
)
from desktop_app.store import subsidies_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import DemoPlan, ProgressCallback

YEARS = (2023, 2024, 2025)
SHORT = {CLINIC_OPERATING: "YX", FAMILY_DOCTOR: "QY", ELDERLY_ALLOWANCE: "SH"}
# Per year: chances that a payee is paid in full, in part, or not at all (by the end of the demo).
OUTCOMES = {2023: {"full": 96, "part": 3, "none": 1}, 2024: {"full": 90, "part": 7, "none": 3},
            2025: {"full": 80, "part": 12, "none": 8}}
# Payment windows per year (the 2023 plan was issued in July).
WINDOWS = {2023: (date(2023, 9, 1), date(2024, 2, 28)), 2024: (date(2024, 3, 1), date(2025, 1, 20)),
           2025: (date(2025, 3, 1), date(2025, 12, 20))}
ALLOWANCE_YUAN = (1200, 1500, 1800, 2400)


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


class _Ledger:
    """Accumulates budgets and postings with unique voucher numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.payments: list[tuple[Payment, str, str, bool]] = []
        self.budgets: list[Budget] = []
        self.serials: dict[str, int] = defaultdict(int)

    def voucher(self, e: Entitlement, suffix: str = "") -> str:
        prefix = f"{e.county_code[:6]}-{e.year}-{SHORT[e.programme]}"
        self.serials[prefix] += 1
        return f"{prefix}-{self.serials[prefix]:05d}{suffix}"

    def pay(self, e: Entitlement, source: str, amount: int, on: date, *, over: bool = False) -> Payment:
        payment = Payment(self.voucher(e), e.programme, e.year, e.payee, amount, source, on)
        self.payments.append((payment, e.county_code, e.division_code, over))
        return payment

    def reverse(self, e: Entitlement, original: Payment, on: date, note: str) -> None:
        reversal = Payment(self.voucher(e, "-CX"), original.programme, original.year, original.payee,
                           -original.amount_fen, original.source, on, original.voucher_no, note)
        self.payments.append((reversal, e.county_code, e.division_code, False))

    def settle(self, e: Entitlement) -> None:
        """Pay one entitlement per source: in full (one or two instalments), in part, or not yet."""
        first, last = WINDOWS[e.year]
        outcome = self.rng.choices(list(OUTCOMES[e.year]), weights=list(OUTCOMES[e.year].values()))[0]
        for source, share in e.shares.items():
            late_city = source == "市级" and self.rng.random() < 0.1
            if outcome == "none" or (late_city and e.year == 2025):
                continue
            due = share if outcome == "full" and not late_city else share * self.rng.choice((3, 5, 6)) // 10
            if due <= 0:
                continue
            if due == share and self.rng.random() < 0.3:
                half = due // 2
                self.pay(e, source, half, _day(self.rng, first, first + (last - first) / 2))
                self.pay(e, source, due - half, _day(self.rng, first + (last - first) / 2, last))
            else:
                self.pay(e, source, due, _day(self.rng, first, last))

    def budget(self, programme: str, year: int, county: str, source: str, entitled: int) -> None:
        """A budget near the entitled share: mostly enough, sometimes short, rounded to 100 yuan."""
        factor = self.rng.choice((1.0, 1.0, 1.02, 1.05, 0.9, 0.8))
        self.budgets.append(Budget(programme, year, county, source, round(entitled * factor / 10_000) * 10_000))


def _rates(plan: DemoPlan, rng: random.Random) -> dict[tuple[str, int], int]:
    """Allowance rates: every county but one from 2023 (some raised in 2025); at small scale from 2024."""
    codes = [c.code for c in plan.counties]
    if len(codes) == 1:
        return {(codes[0], 2024): ALLOWANCE_YUAN[1] * 100}
    unset = rng.choice(codes)
    rates: dict[tuple[str, int], int] = {}
    for code in codes:
        if code == unset:
            continue
        yuan = rng.choice(ALLOWANCE_YUAN[:3])
        rates[(code, 2023)] = yuan * 100
        if rng.random() < 0.3:
            rates[(code, 2025)] = (yuan + 300) * 100
    return rates


def generate(ctx: ServiceContext, plan: DemoPlan, rng: random.Random, progress: ProgressCallback) -> dict[str, int]:
    """Allowance rates, budgets and payments 2023–2025 for the plan's counties (marked demo)."""
    from desktop_app.services.subsidies import entitlements_for

    codes = [c.code for c in plan.counties]
    rates = _rates(plan, rng)
    for (county, year), amount in rates.items():
        subsidies_repo.set_allowance_rate(ctx.db, county, year, amount, actor=ctx.actor.name, at="2023-08-01T00:00:00")
    ledger = _Ledger(rng)
    for index, year in enumerate(YEARS):
        progress(index, len(YEARS), f"生成{year}年示例补助预算和发放")
        found = [e for e in entitlements_for(ctx, year=year, county_codes=codes) if e.amount_fen]
        clinics = [e for e in found if e.programme == CLINIC_OPERATING]
        doubled = rng.sample(clinics, min(2, len(clinics))) if year == 2024 else []
        shares: dict[tuple[str, str, str], int] = defaultdict(int)
        for entitlement in found:
            for source, share in entitlement.shares.items():
                shares[(entitlement.programme, entitlement.county_code, source)] += share
            if entitlement not in doubled:
                ledger.settle(entitlement)
        for number, entitlement in enumerate(doubled):
            source, share = next(iter(entitlement.shares.items()))
            ledger.pay(entitlement, source, share, date(2024, 6, 18))
            duplicate = ledger.pay(entitlement, source, share, date(2024, 12, 16), over=True)
            if number == 1:
                ledger.reverse(entitlement, duplicate, date(2025, 1, 10), "重复发放，冲销")
        for (programme, county, source), entitled in sorted(shares.items()):
            ledger.budget(programme, year, county, source, entitled)
    progress(len(YEARS), len(YEARS), "写入示例补助数据")
    subsidies_repo.upsert_budgets(ctx.db, ledger.budgets, actor=ctx.actor.name, at="2023-08-01T00:00:00", is_demo=True)
    subsidies_repo.insert_payments(ctx.db, ledger.payments, actor=ctx.actor.name, at="2023-08-01T00:00:00", is_demo=True)
    return {"subsidy_budgets": len(ledger.budgets), "subsidy_payments": len(ledger.payments),
            "subsidy_allowance_rates": len(rates)}
