"""Division codes, the shipped registry file, village validation, ID numbers, pinyin initials."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.divisions import (
    FIVE_DISTRICTS,
    SIX_COUNTIES,
    county_code_of,
    level_of_code,
    natural_village_parent,
    parse_divisions_csv,
    township_code_of,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import InvalidIdNumber, id_check_character, mask_id_number, parse_id_number
from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import Village, validate_village
from desktop_app.resources import resource_path

TOWNSHIP = "410821100000"


def shipped_divisions():
    return parse_divisions_csv(resource_path("data", "jiaozuo_divisions_2023.csv").read_text(encoding="utf-8"))


def test_shipped_registry_has_city_11_counties_112_townships() -> None:
    divisions = shipped_divisions()
    levels = [d.level for d in divisions]
    assert levels.count("city") == 1 and levels.count("county") == 11 and levels.count("township") == 112
    groups = {d.name: d.funding_group for d in divisions if d.level == "county"}
    assert [n for n, g in groups.items() if g == SIX_COUNTIES] == ["修武县", "博爱县", "武陟县", "温县", "沁阳市", "孟州市"]
    assert sorted(n for n, g in groups.items() if g == FIVE_DISTRICTS) == sorted(
        ["解放区", "中站区", "马村区", "山阳区", "焦作城乡一体化示范区"]
    )
    kinds = {d.name: d.county_kind for d in divisions if d.level == "county"}
    assert kinds["焦作城乡一体化示范区"] == "demonstration_zone" and kinds["沁阳市"] == "county_city"


def test_registry_parser_names_the_bad_row() -> None:
    text = "code,name,level,parent_code\n410800000000,焦作市,city,\n41082100000,修武县,county,410800000000\n"
    with pytest.raises(ValidationError) as error:
        parse_divisions_csv(text)
    assert error.value.problems[0].row == 3 and error.value.problems[0].field == "code"


def test_code_helpers() -> None:
    assert level_of_code("410800000000") == "city"
    assert level_of_code("410821000000") == "county"
    assert level_of_code("410821100000") == "township"
    assert level_of_code("410821100201") == "village"
    assert level_of_code("4108211002") is None
    assert township_code_of("410821100201-01") == TOWNSHIP
    assert county_code_of("410821100201") == "410821000000"
    assert natural_village_parent("410821100201-01") == "410821100201"
    assert natural_village_parent("410821100201") is None


def _problems(village: Village, admin: set[str] = frozenset({"410821100201"})) -> dict[str, str]:
    problems = validate_village(village, township_exists={TOWNSHIP}.__contains__, admin_village_exists=admin.__contains__)
    return {p.field: p.reason for p in problems}


def test_valid_villages_pass() -> None:
    assert _problems(Village("410821100201", "东王庄村", "行政村", 1200)) == {}
    assert _problems(Village("410821100001", "和平社区", "社区", 0)) == {}
    assert _problems(Village("410821100201-01", "小王庄", "自然村", 1500, minutes_to_clinic=0)) == {}


@pytest.mark.parametrize(
    ("village", "field"),
    [
        (Village("41082110020", "甲村", "行政村", 10), "code"),  # 11 digits
        (Village("41082110020X", "甲村", "行政村", 10), "code"),
        (Village("410821999201", "甲村", "行政村", 10), "code"),  # unknown township
        (Village("410821100000", "甲村", "行政村", 10), "code"),  # a township code
        (Village("410821100202-01", "甲", "自然村", 10), "code"),  # parent village unknown
        (Village("410821100201-01", "甲", "行政村", 10), "kind"),  # suffix but not 自然村
        (Village("410821100203", "甲", "自然村", 10), "kind"),  # 自然村 without suffix
        (Village("410821100201", "", "行政村", 10), "name"),
        (Village("410821100201", "甲村", "村委会", 10), "kind"),
        (Village("410821100201", "甲村", "行政村", -1), "population"),
        (Village("410821100201", "甲村", "行政村", 5, minutes_to_clinic=-1), "minutes_to_clinic"),
    ],
)
def test_bad_villages_are_refused_naming_the_field(village: Village, field: str) -> None:
    assert field in _problems(village)


def test_id_number_check_digit_birth_date_and_sex() -> None:
    parsed = parse_id_number("11010519491231002x")
    assert parsed.value == "11010519491231002X"
    assert parsed.birth_date == date(1949, 12, 31) and parsed.sex == "女"
    assert parsed.age_on(date(2025, 12, 30)) == 75 and parsed.age_on(date(2025, 12, 31)) == 76
    first17 = "41082119800101123"
    assert parse_id_number(first17 + id_check_character(first17)).sex == "男"


@pytest.mark.parametrize(
    "text",
    ["11010519491231002", "110105194912310021", "11010519490231002X", "1101051949123100AX", "41082130000101123X"],
)
def test_invalid_id_numbers(text: str) -> None:
    with pytest.raises(InvalidIdNumber):
        parse_id_number(text, today=date(2026, 1, 1))


def test_mask_keeps_first_and_last_four() -> None:
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_id_number(None) == ""


@pytest.mark.parametrize(("name", "initials"), [("修武县", "xwx"), ("孟州市", "mzs"), ("焦作城乡一体化示范区", "jzcxythsfq")])
def test_pinyin_initials(name: str, initials: str) -> None:
    assert pinyin_initials(name) == initials
