"""Money as integer fen: parsing yuan exactly, formatting for people and JSON."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.money import fen_to_yuan_json, format_yuan, parse_yuan, round_fen


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234.5", 123450),
        ("1,234.50", 123450),
        ("200,000", 20000000),
        (" 12 ", 1200),
        ("¥12.30", 1230),
        ("12元", 1200),
        ("0.01", 1),
        ("1.230", 123),
        (".5", 50),
        (5000, 500000),
        (0, 0),
        (Decimal("0.01"), 1),
        (Decimal("3000"), 300000),
        (0.1, 10),
        (1234.56, 123456),
        (200001.0, 20000100),
    ],
)
def test_parse_yuan_accepts_exact_amounts(value, expected):
    assert parse_yuan(value) == expected


@pytest.mark.parametrize(
    "value",
    ["1.234", "0.001", Decimal("0.005"), 0.1 + 0.2, 1.005, "", "  ", "abc", "1,23", "12,34.5", "1e3", "NaN", "inf",
     float("nan"), float("inf"), Decimal("NaN"), Decimal("Infinity"), True, None, [1], "--1"],
)
def test_parse_yuan_refuses_inexact_or_non_numbers(value):
    with pytest.raises(ValueError) as info:
        parse_yuan(value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(info.value)), "the reason must be in Chinese"


def test_more_than_two_decimals_names_the_problem():
    with pytest.raises(ValueError, match="两位小数"):
        parse_yuan("1.234")


def test_negative_amounts_are_refused_unless_allowed():
    with pytest.raises(ValueError, match="负数"):
        parse_yuan("-1.00")
    assert parse_yuan("-1.05", allow_negative=True) == -105
    assert parse_yuan(-3, allow_negative=True) == -300


@pytest.mark.parametrize(("fen", "text"), [(0, "0.00"), (5, "0.05"), (123450, "1,234.50"), (20000000, "200,000.00"), (-105, "-1.05"), (123456789012, "1,234,567,890.12")])
def test_format_yuan(fen, text):
    assert format_yuan(fen) == text


def test_format_and_json_refuse_non_integers():
    with pytest.raises(TypeError):
        format_yuan(12.5)
    with pytest.raises(TypeError):
        fen_to_yuan_json(True)


def test_json_amount_is_yuan_rounded_to_two_decimals():
    assert fen_to_yuan_json(500000) == 5000.0
    assert fen_to_yuan_json(123457) == 1234.57
    assert fen_to_yuan_json(1) == 0.01


def test_round_fen_rounds_half_away_from_zero():
    assert round_fen(Fraction(5, 2)) == 3
    assert round_fen(Fraction(49, 20)) == 2
    assert round_fen(Fraction(-5, 2)) == -3
    assert round_fen(Fraction(740742, 10)) == 74074


@given(st.integers(min_value=0, max_value=10**15))
def test_format_then_parse_round_trips(fen):
    assert parse_yuan(format_yuan(fen)) == fen


@given(st.integers(min_value=0, max_value=10**12))
def test_float_from_a_two_decimal_cell_parses_exactly(fen):
    as_float = float(format_yuan(fen).replace(",", ""))
    assert parse_yuan(as_float) == fen
