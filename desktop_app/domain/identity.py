"""Personal ID numbers (居民身份证号, GB 11643-1999): validation, derived facts and masking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


class InvalidIdNumber(ValueError):
    """The text is not a valid 18-character ID number; the message says why (in Chinese)."""


@dataclass(frozen=True)
class IdNumber:
    """A validated ID number with what it encodes: area prefix, birth date and sex."""

    value: str
    area_code: str
    birth_date: date
    sex: str  # "男" or "女"

    def age_on(self, day: date) -> int:
        """Whole years of age on ``day``."""
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


def id_check_character(first17: str) -> str:
    """The GB 11643 check character for 17 digits (weights 2^(17-i) mod 11)."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Validate an 18-character ID number and return its derived facts.

    Raises InvalidIdNumber when the length, characters, birth date (a real calendar date, not in
    the future) or the check character is wrong. A lowercase ``x`` is accepted as ``X``.
    """
    value = (text or "").strip().upper()
    if len(value) != 18:
        raise InvalidIdNumber(f"身份证号应为18位，实际为{len(value)}位")
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise InvalidIdNumber("身份证号前17位应为数字，末位为数字或X")
    try:
        birth = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise InvalidIdNumber(f"身份证号中的出生日期{value[6:14]}不是有效日期") from None
    if birth.year < 1900 or birth > (today or date.today()):
        raise InvalidIdNumber(f"身份证号中的出生日期{birth.isoformat()}不合理")
    expected = id_check_character(value[:17])
    if value[17] != expected:
        raise InvalidIdNumber(f"身份证号校验位错误（应为{expected}）")
    sex = "男" if int(value[16]) % 2 == 1 else "女"
    return IdNumber(value=value, area_code=value[:6], birth_date=birth, sex=sex)


def mask_id_number(value: str | None) -> str:
    """Mask a personal ID for lists and prints: keep the first 4 and last 4 characters."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]
