"""The gap planner: for an indicator below its target, the smallest concrete change that reaches
it, as a Chinese sentence ("还需3所村卫生室转为公有产权").

All arithmetic is exact (integers and Fractions/Decimals, ceilings taken on exact values), so a
target of 85% of 20 clinics asks for exactly 17, never 18 through a float rounding error.
Sentences are keyed by the indicator's base rule id (plus ``.coverage``-style suffix).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from desktop_app.domain.health.rules_common import fmt

SHARE_CHANGES = {
    "hc.county.public_ownership_share": "还需{n}所行政村卫生室转为公有产权",
    "hc.county.township_hired_share": "还需{n}所村卫生室落实乡村医生“乡聘村用”",
    "hc.county.village_doctor_licensed_share": "还需{n}名乡村医生取得执业（助理）医师资格",
    "hc.city.recommended_standard_share": "还需{n}所乡镇卫生院（社区卫生服务中心）服务能力达到推荐标准",
    "hc.city.secondary_level_share": "还需{n}所乡镇卫生院（社区卫生服务中心）达到二级综合医院水平",
    "hc.city.tcm_hall_share.coverage": "还需{n}所乡镇卫生院（社区卫生服务中心）建成中医馆",
    "hc.city.tcm_hall_share.model": "还需{n}所乡镇卫生院（社区卫生服务中心）建成示范中医馆",
}
COUNT_CHANGES = {
    "hc.county.sub_centre_allocation": "还需建成{n}个县域医疗卫生次中心",
    "hc.city.village_clinics_built_2023": "还需新改（扩）建{n}所村卫生室",
}
RATE_CHANGES = {
    "hc.county.visit_rates.in_county": "县域内就诊率还需提高{points}个百分点",
    "hc.county.visit_rates.primary": "县域内基层就诊率还需提高{points}个百分点",
}
SIGNING_CHANGE = "还需新增签约{n}人"


def conversions_needed(yes: int, total: int, target: Fraction) -> int:
    """How many of ``total`` subjects must newly meet the condition so that the share reaches
    ``target`` (the denominator stays fixed): max(0, ⌈target × total⌉ − yes)."""
    return max(0, math.ceil(target * total) - yes)


def share_gap(key: str, yes: int, total: int, target: Fraction) -> str:
    """Sentence for a share indicator ``key``; empty when ``yes / total`` already reaches ``target``."""
    needed = conversions_needed(yes, total, target)
    return SHARE_CHANGES[key].format(n=fmt(needed)) if needed else ""


def count_gap(key: str, count: int, target: int) -> str:
    """Sentence for a count indicator ``key``; empty when ``count`` ≥ ``target``."""
    needed = target - count
    return COUNT_CHANGES[key].format(n=fmt(needed)) if needed > 0 else ""


def rate_gap(key: str, actual: Decimal, target: Decimal) -> str:
    """Sentence for a rate given in percent; the difference in percentage points, exact."""
    points = target - actual
    return RATE_CHANGES[key].format(points=fmt(points)) if points > 0 else ""


def signing_gap(signed: int, population: int, previous: Fraction, min_points: Fraction) -> str:
    """Sentence for the contract-coverage increase: the fewest extra signed residents so that
    ``(signed + n) / population`` exceeds the previous year's coverage by ≥ ``min_points`` points."""
    needed = max(0, math.ceil((previous + min_points / 100) * population) - signed)
    return SIGNING_CHANGE.format(n=fmt(needed)) if needed else ""
