"""The gap planner: the smallest change that reaches a target, computed exactly."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from desktop_app.domain.health.gaps import conversions_needed, count_gap, rate_gap, share_gap, signing_gap
from desktop_app.domain.health.rules_common import exact


@pytest.mark.parametrize(
    "yes, total, target, needed",
    [
        (17, 20, "0.85", 0),
        (16, 20, "0.85", 1),
        (17, 20, "0.9", 1),
        (0, 3, "0.9", 3),   # 2.7 → 3
        (26, 30, "0.9", 1),  # 27 exactly
        (27, 30, "0.9", 0),
        (5, 10, "1.0", 5),
        (12, 10, "0.5", 0),
    ],
)
def test_conversions_needed(yes, total, target, needed):
    assert conversions_needed(yes, total, Fraction(target)) == needed
    if needed:
        assert Fraction(yes + needed, total) >= Fraction(target) > Fraction(yes + needed - 1, total)


def test_no_float_rounding_surprise():
    assert math.ceil(0.07 * 100) == 8  # what float arithmetic would ask for
    assert conversions_needed(0, 100, exact(0.07)) == 7
    assert exact(0.85) == Fraction(17, 20)


def test_sentences():
    assert share_gap("hc.county.public_ownership_share", 16, 20, exact(0.9)) == "还需2所行政村卫生室转为公有产权"
    assert share_gap("hc.county.village_doctor_licensed_share", 100, 300, exact(0.45)) == "还需35名乡村医生取得执业（助理）医师资格"
    assert share_gap("hc.county.public_ownership_share", 18, 20, exact(0.9)) == ""
    assert count_gap("hc.county.sub_centre_allocation", 1, 3) == "还需建成2个县域医疗卫生次中心"
    assert count_gap("hc.city.village_clinics_built_2023", 85, 85) == ""
    assert count_gap("hc.city.village_clinics_built_2023", 1_000, 2_500) == "还需新改（扩）建1,500所村卫生室"
    assert rate_gap("hc.county.visit_rates.in_county", Decimal("87.35"), Decimal("90")) == "县域内就诊率还需提高2.65个百分点"
    assert rate_gap("hc.county.visit_rates.primary", Decimal("65.5"), Decimal("65")) == ""


def test_signing_gap_is_the_fewest_residents():
    previous = Fraction(30_000, 100_000)
    assert signing_gap(30_999, 100_000, previous, Fraction(1)) == "还需新增签约1人"
    assert signing_gap(31_000, 100_000, previous, Fraction(1)) == ""
    # 1 point of 333,333 people is 3,333.33 → 3,334 more residents
    assert signing_gap(0, 333_333, Fraction(0), Fraction(1)) == "还需新增签约3,334人"
