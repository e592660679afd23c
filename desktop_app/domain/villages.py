"""Villages and communities (村庄 sheet): the record and its validation.

Administrative villages (行政村) and communities (社区) carry a 12-digit code under a known
township; a natural village (自然村) carries its administrative village's code + ``-NN``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from desktop_app.domain.divisions import is_division_code, level_of_code, natural_village_parent, township_code_of
from desktop_app.domain.errors import Problem

VILLAGE_KINDS = ("行政村", "自然村", "社区")
NAME_MAX_LENGTH = 60


@dataclass(frozen=True)
class Village:
    """One village or community: code, name, kind, resident population and access facts."""

    code: str
    name: str
    kind: str
    population: int
    hosts_township_centre: bool = False
    minutes_to_clinic: int | None = None

    @property
    def township_code(self) -> str:
        """The township this village belongs to (first 9 digits of its code + ``000``)."""
        return township_code_of(self.code)

    @property
    def parent_village_code(self) -> str | None:
        """For a natural village, its administrative village's code; otherwise None."""
        return natural_village_parent(self.code)

    def normalised(self) -> Village:
        """The same village with surrounding whitespace removed from code and name."""
        return replace(self, code=(self.code or "").strip(), name=(self.name or "").strip())


def validate_village(
    village: Village,
    *,
    township_exists: Callable[[str], bool],
    admin_village_exists: Callable[[str], bool],
) -> list[Problem]:
    """Check one village against the 村庄 rules of interchange §2; return one Problem per field.

    ``township_exists(code)`` says whether a township code is in the division registry;
    ``admin_village_exists(code)`` whether an administrative village with that code is known
    (in the database or earlier in the same import).
    """
    problems: list[Problem] = []
    code = village.code
    parent = natural_village_parent(code)
    if village.kind not in VILLAGE_KINDS:
        problems.append(Problem("kind", f"类型应为 {'/'.join(VILLAGE_KINDS)} 之一"))
    if parent is not None:
        if village.kind in VILLAGE_KINDS and village.kind != "自然村":
            problems.append(Problem("kind", "带“-序号”的代码只能是自然村"))
        if not admin_village_exists(parent):
            problems.append(Problem("code", f"自然村所属的行政村 {parent} 不存在"))
        elif not township_exists(township_code_of(parent)):
            problems.append(Problem("code", f"代码前9位 {code[:9]} 不是已知乡镇"))
    elif not is_division_code(code):
        problems.append(Problem("code", "区划代码应为12位数字（自然村为行政村代码加“-两位序号”）"))
    elif level_of_code(code) != "village":
        problems.append(Problem("code", f"{code} 是乡镇或县级代码，不是村/社区代码（末3位不能为000）"))
    else:
        if village.kind == "自然村":
            problems.append(Problem("kind", "自然村的代码应为所属行政村代码加“-两位序号”"))
        if not township_exists(township_code_of(code)):
            problems.append(Problem("code", f"代码前9位 {code[:9]} 不是已知乡镇"))
    if not village.name:
        problems.append(Problem("name", "名称必填"))
    elif len(village.name) > NAME_MAX_LENGTH:
        problems.append(Problem("name", f"名称过长（最多{NAME_MAX_LENGTH}字）"))
    if village.population is None:
        problems.append(Problem("population", "常住人口必填"))
    elif village.population < 0:
        problems.append(Problem("population", "常住人口不能为负数"))
    if village.minutes_to_clinic is not None and village.minutes_to_clinic < 0:
        problems.append(Problem("minutes_to_clinic", "路程分钟数不能为负数"))
    return problems
