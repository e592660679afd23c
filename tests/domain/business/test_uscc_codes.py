"""Unified social credit codes (GB 32100): check character, validation messages, 92 prefix."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.business.uscc import (
    CHARSET,
    InvalidUscc,
    complete_uscc,
    is_individual_business_uscc,
    uscc_check_character,
    uscc_problem,
    validate_uscc,
)

KNOWN_PUBLIC = "91350100M000100Y43"


def test_known_public_code_is_valid():
    assert validate_uscc(KNOWN_PUBLIC) == KNOWN_PUBLIC
    assert uscc_check_character(KNOWN_PUBLIC[:17]) == "3"


def test_check_character_maps_31_to_0():
    body = "0" * 17  # weighted sum 0: check value 31 - 0 = 31, written as "0"
    assert uscc_check_character(body) == "0"


def test_computed_individual_business_code_is_valid():
    code = complete_uscc("92410821MA0000001")
    assert len(code) == 18
    assert validate_uscc(code, individual_business=True) == code
    assert is_individual_business_uscc(code)


def test_wrong_check_character_names_the_expected_one():
    code = complete_uscc("92410821MA0000001")
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    with pytest.raises(InvalidUscc, match=f"第18位应为“{code[17]}”"):
        validate_uscc(wrong)


@pytest.mark.parametrize("letter", list("IOZSV"))
def test_excluded_letters_are_refused(letter):
    text = "92410821MA000000" + letter + "X"
    with pytest.raises(InvalidUscc, match="不使用字母I、O、Z、S、V"):
        validate_uscc(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "为空"),
        ("92410821MA000000", "应为18位"),
        ("92410821MA00000012X", "应为18位"),
        ("92410821MA00000-1X", "第16位字符“-”"),
        ("9241A821MA00000013", "行政区划代码"),
    ],
)
def test_malformed_codes_give_clear_reasons(text, reason):
    assert reason in (uscc_problem(text) or "")


def test_lower_case_and_blanks_are_normalised():
    code = complete_uscc("92410821MA0000001")
    assert validate_uscc(f"  {code.lower()} ") == code


def test_individual_business_prefix():
    enterprise = complete_uscc("91410821MA0000001")
    with pytest.raises(InvalidUscc, match="应以“92”开头"):
        validate_uscc(enterprise, individual_business=True)
    assert validate_uscc(enterprise, individual_business=False) == enterprise
    with pytest.raises(InvalidUscc, match="不应以“92”"):
        validate_uscc(complete_uscc("92410821MA0000001"), individual_business=False)


@given(st.text(alphabet="0123456789", min_size=6, max_size=6), st.text(alphabet=CHARSET, min_size=9, max_size=9))
def test_completed_codes_validate(area, tail):
    assert uscc_problem(complete_uscc("92" + area + tail)) is None


@given(st.text(alphabet="0123456789", min_size=6, max_size=6), st.text(alphabet=CHARSET, min_size=9, max_size=9),
       st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=30))
def test_any_single_substitution_is_detected(area, tail, position, shift):
    code = complete_uscc("92" + area + tail)
    old = CHARSET.index(code[position])
    new = CHARSET[(old + shift) % 31]
    changed = code[:position] + new + code[position + 1:]
    assert uscc_problem(changed) is not None
