"""Money as integer fen (分): parse yuan amounts exactly, format them for people and for JSON.

Amounts never pass through binary floating point arithmetic. Input in yuan (text from a form or a
workbook cell, an int, a Decimal, or a float that is exactly a 2-decimal number such as Excel's
``1234.5``) becomes an ``int`` of fen; output is ``"1,234.50"`` for people and a float rounded to
2 decimals for JSON (interchange §3).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

FEN_PER_YUAN = 100

_YUAN_TEXT = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^[+-]?\.\d+$")
_CENT = Decimal("0.01")


def _decimal_from_text(text: str) -> Decimal:
    cleaned = text.strip()
    if cleaned.endswith("元"):
        cleaned = cleaned[:-1].strip()
    if cleaned.startswith(("¥", "￥")):
        cleaned = cleaned[1:].strip()
    if not cleaned:
        raise ValueError("金额为空")
    if not _YUAN_TEXT.match(cleaned):
        raise ValueError(f"金额“{text.strip()}”不是有效数字（以元为单位，最多两位小数）")
    return Decimal(cleaned.replace(",", ""))


def parse_yuan(value: str | int | Decimal | float, *, allow_negative: bool = False) -> int:
    """Convert an amount in yuan to integer fen.

    Accepts text (``"1234.5"``, ``"1,234.50"``, ``"¥12"``, ``"12元"``), ``int``, ``Decimal`` and
    ``float`` whose shortest decimal form has at most 2 decimals (``0.1`` yes, ``0.1 + 0.2`` no).
    Trailing zeros beyond the second decimal are accepted (``"1.230"``); any other third decimal is
    refused. Negative amounts are refused unless ``allow_negative`` (corrections, refunds).

    Raises ValueError with a Chinese reason for blank text, bools, NaN, infinity, more than two
    decimals, negative amounts and anything that is not a number.
    """
    if isinstance(value, bool):
        raise ValueError("金额不能是“是/否”值")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, float):
        amount = Decimal(str(value))
    elif isinstance(value, str):
        amount = _decimal_from_text(value)
    else:
        raise ValueError(f"金额类型不支持：{type(value).__name__}")
    if not amount.is_finite():
        raise ValueError("金额不是有限数字")
    try:
        exact = amount.quantize(_CENT)
    except InvalidOperation:
        raise ValueError("金额超出可处理范围") from None
    if exact != amount:
        raise ValueError(f"金额{amount}超过两位小数（以元为单位，最多精确到分）")
    if exact < 0 and not allow_negative:
        raise ValueError(f"金额不能为负数：{amount}")
    return int(exact * FEN_PER_YUAN)


def format_yuan(fen: int) -> str:
    """Format integer fen as yuan with thousands separators and 2 decimals: ``123450`` → ``"1,234.50"``."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"金额应为整数分，实际为 {type(fen).__name__}")
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{yuan:,}.{cents:02d}"


def fen_to_yuan_json(fen: int) -> float:
    """Yuan as a float rounded to 2 decimals, for JSON output only (``500000`` → ``5000.0``)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"金额应为整数分，实际为 {type(fen).__name__}")
    return round(fen / FEN_PER_YUAN, 2)


def round_fen(amount: Fraction) -> int:
    """Round an exact fraction of fen to whole fen, halves away from zero (四舍五入)."""
    sign = -1 if amount < 0 else 1
    magnitude = abs(amount)
    whole, remainder = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * remainder >= magnitude.denominator:
        whole += 1
    return sign * whole
