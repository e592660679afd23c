"""The check value of receipt numbers (ISO 7064 MOD 97-10) and the QR text of the 受理回执."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.receipt_check import check_value, is_valid, parse_receipt_code, receipt_code

RECEIPT = "410821202503050012"


def test_known_value_and_the_mod_97_identity() -> None:
    assert check_value(RECEIPT) == "58"
    assert int(RECEIPT + check_value(RECEIPT)) % 97 == 1  # ISO 7064 MOD 97-10
    assert receipt_code(f" {RECEIPT} ") == f"TDSL:{RECEIPT}:58"
    assert parse_receipt_code(f"TDSL:{RECEIPT}:58") == RECEIPT


@given(st.text(alphabet="0123456789", min_size=18, max_size=18), st.integers(0, 17), st.integers(1, 9))
def test_every_single_wrong_digit_is_caught(number: str, position: int, shift: int) -> None:
    wrong = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1:]
    assert not is_valid(wrong, check_value(number))


@given(st.text(alphabet="0123456789", min_size=18, max_size=18), st.integers(0, 16))
def test_every_swap_of_neighbouring_digits_is_caught(number: str, position: int) -> None:
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2:]
    if swapped != number:
        assert not is_valid(swapped, check_value(number))


def test_letters_and_other_characters_get_a_check_value_too() -> None:
    assert check_value("SL-2025-001") != check_value("SL-2025-002")
    assert check_value("ab12") == check_value("AB12")
    with pytest.raises(ValueError):
        check_value("  ")


@pytest.mark.parametrize("text", ["", RECEIPT, f"XX:{RECEIPT}:58", f"TDSL:{RECEIPT}:57", "TDSL::58", f"TDSL:{RECEIPT}"])
def test_bad_qr_texts_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_receipt_code(text)
