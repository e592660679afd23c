"""Unified social credit codes (统一社会信用代码, GB 32100-2015): validation and check character.

A code has 18 characters from ``0-9A-HJ-NPQRTUWXY`` (the letters I, O, Z, S and V are never
used). Position 1 is the registration authority, 2 the entity type (``92`` = individual business
registered by market regulation), 3–8 the administrative division code, 9–17 the entity's own
code and 18 the check character: weights 3^(i-1) mod 31 for positions 1..17, check value
31 − (weighted sum mod 31), where 31 becomes 0.
"""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
EXCLUDED_LETTERS = "IOZSV"
INDIVIDUAL_BUSINESS_PREFIX = "92"
LENGTH = 18

_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(LENGTH - 1))


class InvalidUscc(ValueError):
    """The text is not a valid unified social credit code; the message says why (in Chinese)."""


def uscc_check_character(first17: str) -> str:
    """The GB 32100 check character (position 18) for the first 17 characters of a code.

    Raises InvalidUscc when ``first17`` is not 17 characters of the code's character set.
    """
    body = (first17 or "").strip().upper()
    if len(body) != LENGTH - 1:
        raise InvalidUscc(f"计算校验码需要前17位，实际为{len(body)}位")
    _check_characters(body)
    total = sum(_VALUE[c] * w for c, w in zip(body, _WEIGHTS, strict=True))
    value = 31 - total % 31
    return CHARSET[0 if value == 31 else value]


def _check_characters(text: str) -> None:
    for position, char in enumerate(text, start=1):
        if char in _VALUE:
            continue
        if char in EXCLUDED_LETTERS:
            raise InvalidUscc(f"第{position}位字符“{char}”不允许：统一社会信用代码不使用字母I、O、Z、S、V")
        raise InvalidUscc(f"第{position}位字符“{char}”不允许：只能是数字0-9或大写字母（不含I、O、Z、S、V）")


def validate_uscc(text: str, *, individual_business: bool | None = None) -> str:
    """Validate a unified social credit code and return it normalised (stripped, upper case).

    ``individual_business=True`` also requires the ``92`` prefix of an individual business
    (个体工商户 sheet); ``False`` refuses it (the enterprise code after 个转企); ``None`` accepts
    either. Raises InvalidUscc naming the wrong length, character, division part or check character.
    """
    code = (text or "").strip().upper()
    if not code:
        raise InvalidUscc("统一社会信用代码为空")
    if len(code) != LENGTH:
        raise InvalidUscc(f"统一社会信用代码应为18位，实际为{len(code)}位")
    _check_characters(code)
    if not code[2:8].isdigit():
        raise InvalidUscc(f"统一社会信用代码第3—8位应为行政区划代码（6位数字），实际为“{code[2:8]}”")
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        raise InvalidUscc(f"统一社会信用代码校验码错误：第18位应为“{expected}”，实际为“{code[17]}”")
    if individual_business is True and not code.startswith(INDIVIDUAL_BUSINESS_PREFIX):
        raise InvalidUscc(f"个体工商户的统一社会信用代码应以“92”开头，实际为“{code[:2]}”")
    if individual_business is False and code.startswith(INDIVIDUAL_BUSINESS_PREFIX):
        raise InvalidUscc("转企后的企业统一社会信用代码不应以“92”（个体工商户）开头")
    return code


def uscc_problem(text: str, *, individual_business: bool | None = None) -> str | None:
    """The Chinese reason why ``text`` is not a valid code, or None when it is valid."""
    try:
        validate_uscc(text, individual_business=individual_business)
    except InvalidUscc as exc:
        return str(exc)
    return None


def is_individual_business_uscc(code: str) -> bool:
    """True when a (valid) code belongs to an individual business (prefix ``92``)."""
    return (code or "").strip().upper().startswith(INDIVIDUAL_BUSINESS_PREFIX)


def complete_uscc(first17: str) -> str:
    """Append the check character to 17 characters (used by the demo-data generator)."""
    body = (first17 or "").strip().upper()
    return body + uscc_check_character(body)
