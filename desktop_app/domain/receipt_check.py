"""The check value printed with a receipt number (受理编号) in the QR code of the 受理回执.

A scanned or typed receipt number is verified before anyone looks it up: the check value is the
two digits of ISO 7064 MOD 97-10 (the scheme of IBAN), which catches every single wrong character
and every swap of two neighbouring characters. Receipt numbers are digits (county code, date,
serial); letters count as 10–35 as in IBAN, and any other character by its code point, so numbers
imported from other systems get a check value too.

The QR code holds :func:`receipt_code`: ``TDSL:<receipt number>:<check value>``.
"""

from __future__ import annotations

QR_PREFIX = "TDSL"
_MODULUS = 97


def _digits(receipt_no: str) -> str:
    """The receipt number as a string of decimal digits (letters 10–35, other characters' code points)."""
    parts = []
    for char in receipt_no:
        if char.isascii() and char.isdigit():
            parts.append(char)
        elif char.isascii() and char.isalpha():
            parts.append(str(ord(char.upper()) - ord("A") + 10))
        else:
            parts.append(str(ord(char)))
    return "".join(parts)


def check_value(receipt_no: str) -> str:
    """The two-digit ISO 7064 MOD 97-10 check value of ``receipt_no`` (``"02"`` … ``"98"``).

    Raises ValueError for a blank receipt number.
    """
    text = receipt_no.strip()
    if not text:
        raise ValueError("受理编号为空，无法计算校验码")
    remainder = int(_digits(text) + "00") % _MODULUS
    return f"{_MODULUS + 1 - remainder:02d}"


def is_valid(receipt_no: str, check: str) -> bool:
    """True when ``check`` is the check value of ``receipt_no``."""
    try:
        return check_value(receipt_no) == check.strip()
    except ValueError:
        return False


def receipt_code(receipt_no: str) -> str:
    """The text the receipt's QR code holds: ``TDSL:<receipt number>:<check value>``."""
    text = receipt_no.strip()
    return f"{QR_PREFIX}:{text}:{check_value(text)}"


def parse_receipt_code(text: str) -> str:
    """The receipt number held by a scanned QR code text; ValueError (Chinese reason) when the text
    is not a receipt code or its check value does not match (a misread or altered number)."""
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0] != QR_PREFIX or not parts[1]:
        raise ValueError(f"“{text.strip()}”不是受理回执的二维码内容")
    receipt_no, check = parts[1], parts[2]
    if not is_valid(receipt_no, check):
        raise ValueError(f"受理编号{receipt_no}的校验码{check}不符，请核对回执")
    return receipt_no
