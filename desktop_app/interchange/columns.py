"""Column definitions of the workbook and the conversion of one cell into a typed value.

A cell that cannot be converted raises :class:`CellError` with a Chinese reason; the reader adds
the sheet, row and column. Code cells (division codes, ID numbers) are never read through a
float that loses digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

TRUE_WORDS = {"是", "y", "yes", "1", "true", "t"}
FALSE_WORDS = {"否", "n", "no", "0", "false", "f"}
EXACT_FLOAT_DIGITS = 15  # Excel keeps 15 significant digits of a number
MAX_INTEGER = 2**63 - 1  # the largest INTEGER SQLite stores


class CellError(ValueError):
    """A cell's value does not fit its column; the message is the reason (Chinese)."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet: English key, Chinese header, type and constraints."""

    key: str
    header: str
    kind: str  # text | code | int | number | bool | date | year | money | choice | list
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    note: str = ""
    default: Any = None

    def parse(self, value: Any) -> Any:
        """Convert a raw cell value to this column's type (None for a blank cell)."""
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if self.required:
                raise CellError("必填，不能为空")
            return self.default
        if isinstance(value, str) and value.startswith("=") or _is_formula(value):
            raise CellError("不能是公式，请粘贴为数值")
        parsed = _PARSERS[self.kind](self, value)
        if self.minimum is not None and isinstance(parsed, (int, float)) and parsed < self.minimum:
            raise CellError(f"不能小于{self.minimum:g}")
        return parsed

    def format(self, value: Any) -> Any:
        """Convert a stored value back into a cell value for export."""
        if value is None:
            return None
        if self.kind == "bool":
            return "是" if value else "否"
        if self.kind == "list":
            return ";".join(value)
        if self.kind == "money":
            return float(Decimal(value) / 100)
        return value


def _is_formula(value: Any) -> bool:
    return type(value).__name__ in {"DataTableFormula", "ArrayFormula"}


def _text(column: Column, value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _code(column: Column, value: Any) -> str:
    if isinstance(value, bool):
        raise CellError("应为代码文本")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError("代码不能带小数")
        value = int(value)
    if isinstance(value, int):
        if len(str(abs(value))) > EXACT_FLOAT_DIGITS:
            raise CellError("Excel 把这个超过15位的代码存成了数字，末几位已丢失；请把单元格设为文本后重新输入")
        return str(value)
    if isinstance(value, (datetime, date)):
        raise CellError("应为代码文本，不是日期")
    text = str(value).strip()
    if "e+" in text.lower():
        raise CellError("代码被写成了科学计数法，请把单元格设为文本后重新输入")
    return text


def _int(column: Column, value: Any) -> int:
    if isinstance(value, bool):
        raise CellError("应为整数")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"应为整数，而不是{value:g}")
        value = int(value)
    if isinstance(value, int):
        return _storable(value)
    try:
        number = Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        raise CellError(f"应为整数，而不是“{value}”") from None
    if not number.is_finite():
        raise CellError(f"应为整数，而不是“{value}”")
    if number != number.to_integral_value():
        raise CellError(f"应为整数，而不是{value}")
    if number.adjusted() >= len(str(MAX_INTEGER)):  # e.g. 1e999999999: refuse before int() builds it
        raise CellError(f"数值过大（最多{MAX_INTEGER}）")
    return _storable(int(number))


def _storable(number: int) -> int:
    if abs(number) > MAX_INTEGER:
        raise CellError(f"数值过大（最多{MAX_INTEGER}）")
    return number


def _number(column: Column, value: Any) -> float:
    if isinstance(value, bool):
        raise CellError("应为数字")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError("应为有限的数字")
        return value
    try:
        number = float(str(value).replace(",", ""))
    except ValueError:
        raise CellError(f"应为数字，而不是“{value}”") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError("应为有限的数字")
    return number


def _bool(column: Column, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = _text(column, value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"应为 是/否（也可写 Y/N、1/0、true/false），而不是“{value}”")


def _date(column: Column, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise CellError(f"应为日期（YYYY-MM-DD），而不是“{value}”") from None


def _year(column: Column, value: Any) -> int:
    year = _int(column, value)
    if not 2000 <= year <= 2100:
        raise CellError(f"年度 {year} 不合理")
    return year


def _money(column: Column, value: Any) -> int:
    from desktop_app.domain.money import parse_yuan

    if isinstance(value, bool):
        raise CellError("金额应为数字（元）")
    try:
        return parse_yuan(value)
    except ValueError as exc:
        raise CellError(str(exc)) from None


def _choice(column: Column, value: Any) -> str:
    text = _text(column, value)
    if text not in column.choices:
        raise CellError(f"应为 {' / '.join(column.choices)} 之一，而不是“{text}”")
    return text


def _list(column: Column, value: Any) -> tuple[str, ...]:
    text = _code(column, value) if not isinstance(value, str) else value
    return tuple(part.strip() for part in text.replace("；", ";").split(";") if part.strip())


_PARSERS = {
    "text": _text,
    "code": _code,
    "int": _int,
    "number": _number,
    "bool": _bool,
    "date": _date,
    "year": _year,
    "money": _money,
    "choice": _choice,
    "list": _list,
}
