"""Administrative divisions of Jiaozuo (统计用区划代码): codes, levels, county kinds, funding groups.

Codes are 12 digits: city ``4108 00 000 000``, county ``4108xx 000000``, township
``4108xxyyy 000``, village/community ``4108xxyyy zzz``. A natural village (自然村) extends its
administrative village's code with ``-`` and a 2-digit serial (interchange §2, 村庄).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from desktop_app.domain.errors import Problem, ValidationError

LEVELS = ("city", "county", "township")

# How 焦政办〔2023〕32号 item 17 groups the county-level units (see resources/data/README.md).
COUNTY_KINDS = {
    "county": "县",
    "county_city": "县级市",
    "district": "市辖区",
    "demonstration_zone": "示范区",
}
SIX_COUNTIES = "6县（市）"
FIVE_DISTRICTS = "五城区"
FUNDING_GROUP_BY_KIND = {
    "county": SIX_COUNTIES,
    "county_city": SIX_COUNTIES,
    "district": FIVE_DISTRICTS,
    "demonstration_zone": FIVE_DISTRICTS,
}

_CODE12 = re.compile(r"^\d{12}$")
_NATURAL = re.compile(r"^(\d{12})-(\d{2})$")


@dataclass(frozen=True)
class Division:
    """A city, county-level unit or township of the registry."""

    code: str
    name: str
    level: str
    parent_code: str | None
    county_kind: str | None = None
    funding_group: str | None = None


def county_kind_for(name: str) -> str:
    """Classify a county-level unit by its official name (示范区 / 区 / 市 / 县)."""
    if name.endswith("示范区"):
        return "demonstration_zone"
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_city"
    if name.endswith("县"):
        return "county"
    raise ValueError(f"无法判断县级单位类型：{name}")


def is_division_code(code: str) -> bool:
    """True for a 12-digit statistical code."""
    return bool(_CODE12.match(code or ""))


def level_of_code(code: str) -> str | None:
    """The level a 12-digit code denotes by its trailing zeros: city, county, township or village."""
    if not is_division_code(code):
        return None
    if code[4:] == "00000000":
        return "city"
    if code[6:] == "000000":
        return "county"
    if code[9:] == "000":
        return "township"
    return "village"


def township_code_of(village_code: str) -> str:
    """The township code of a village or natural-village code (first 9 digits + ``000``)."""
    return village_code[:9] + "000"


def county_code_of(code: str) -> str:
    """The county-level code of any code below the city (first 6 digits + ``000000``)."""
    return code[:6] + "000000"


def natural_village_parent(code: str) -> str | None:
    """For a natural-village code ``<12 digits>-NN`` return the administrative village code."""
    match = _NATURAL.match(code or "")
    return match.group(1) if match else None


def parse_divisions_csv(text: str) -> list[Division]:
    """Parse the division reference CSV (code,name,level,parent_code) into divisions.

    County-level rows get their kind and funding group. Raises ValidationError naming the row
    of any malformed code, unknown level or parent that does not precede its child.
    """
    problems: list[Problem] = []
    divisions: list[Division] = []
    seen: dict[str, Division] = {}
    for row_no, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        level = (row.get("level") or "").strip()
        parent = (row.get("parent_code") or "").strip() or None
        if not is_division_code(code) or level_of_code(code) != level:
            problems.append(Problem("code", f"区划代码 {code!r} 与级别 {level!r} 不符", row=row_no))
            continue
        if not name:
            problems.append(Problem("name", "名称为空", row=row_no))
            continue
        if level != "city" and (parent not in seen or seen[parent].level != LEVELS[LEVELS.index(level) - 1]):
            problems.append(Problem("parent_code", f"上级区划 {parent!r} 不存在或级别不对", row=row_no))
            continue
        kind = county_kind_for(name) if level == "county" else None
        division = Division(code, name, level, parent, kind, FUNDING_GROUP_BY_KIND.get(kind) if kind else None)
        if code in seen:
            problems.append(Problem("code", f"区划代码 {code} 重复", row=row_no))
            continue
        seen[code] = division
        divisions.append(division)
    if problems:
        raise ValidationError(problems)
    return divisions
