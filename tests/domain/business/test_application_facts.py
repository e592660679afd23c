"""Application facts: the shipped specification, strict parsing of ``key=value;…`` and formatting."""

from __future__ import annotations

from datetime import date

import pytest
from ib_testkit import CATALOGUE, catalogue_with, make_id, successor

from desktop_app.domain.business.facts import (
    FACT_TYPES,
    FactCatalogue,
    format_facts,
    parse_facts,
    read_facts,
    shipped_fact_catalogue,
    split_facts_text,
)
from desktop_app.domain.errors import NotFound, ValidationError

SPEC = shipped_fact_catalogue()


def reasons(exc: ValidationError) -> str:
    return "\n".join(p.reason for p in exc.problems)


def test_every_ib_and_emp_measure_has_facts_and_materials():
    assert SPEC.check_against(CATALOGUE) == []
    bases = {e.base_id for e in CATALOGUE if e.id.startswith(("ib.", "emp."))}
    assert set(SPEC.measures) == bases
    for measure in SPEC.measures.values():
        assert measure.materials, measure.base_id
        assert all(m.name and m.proves for m in measure.materials)
        assert all(f.type in FACT_TYPES for f in measure.facts)


def test_skill_levels_come_from_the_catalogue_parameters():
    entry = CATALOGUE.get("emp.skill_subsidy")
    spec = SPEC.get("emp.skill_subsidy").fact("certificate_level")
    assert spec.options_for(entry) == tuple(entry.params["amount_by_level"])


def test_successor_levels_need_no_code_change():
    levels = dict(CATALOGUE.get("emp.skill_subsidy").params["amount_by_level"], 技师=2500)
    catalogue = catalogue_with(successor("emp.skill_subsidy", "2026", params={"amount_by_level": levels},
                                         valid_from="2026-01-01", valid_to="2026-12-31"))
    measure = SPEC.get("emp.skill_subsidy@2026")
    values = parse_facts("证书等级=技师;参保月数=12", measure, catalogue.get("emp.skill_subsidy@2026"))
    assert values["certificate_level"] == "技师"
    with pytest.raises(ValidationError):
        parse_facts("证书等级=技师;参保月数=12", measure, CATALOGUE.get("emp.skill_subsidy"))


def test_parse_conversion_facts():
    measure = SPEC.get("ib.conversion_award")
    assert parse_facts("连续纳税月数=3;按期申报=是", measure) == {"tax_months": 3, "filed_on_time": True}
    assert parse_facts("连续纳税月数 = 12 ；按期申报＝N；", measure) == {"tax_months": 12, "filed_on_time": False}
    assert parse_facts("tax_months=4;filed_on_time=true", measure) == {"tax_months": 4, "filed_on_time": True}


def test_unknown_key_lists_the_allowed_keys():
    with pytest.raises(ValidationError) as info:
        parse_facts("连续纳税月数=3;按期申报=是;纳税等级=A", SPEC.get("ib.conversion_award"), row=7, sheet="政策申请")
    problem = info.value.problems[0]
    assert "未知的申请事实“纳税等级”" in problem.reason and "按期申报、连续纳税月数" in problem.reason
    assert (problem.row, problem.sheet, problem.field) == (7, "政策申请", "facts")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("连续纳税月数=三;按期申报=是", "应为整数"),
        ("连续纳税月数=3;按期申报=也许", "应为“是”或“否”"),
        ("连续纳税月数=-1;按期申报=是", "不能小于0"),
        ("连续纳税月数=3", "缺少申请事实“按期申报”"),
        ("连续纳税月数=3;按期申报=", "缺少申请事实“按期申报”"),
        ("连续纳税月数=3;连续纳税月数=4;按期申报=是", "重复"),
        ("连续纳税月数3;按期申报=是", "应写作“键=值”"),
    ],
)
def test_wrong_facts_are_refused_with_reasons(text, reason):
    with pytest.raises(ValidationError) as info:
        parse_facts(text, SPEC.get("ib.conversion_award"))
    assert reason in reasons(info.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as info:
        parse_facts("连续纳税月数=x;其他=1", SPEC.get("ib.conversion_award"))
    text = reasons(info.value)
    assert "应为整数" in text and "未知的申请事实“其他”" in text and "缺少申请事实“按期申报”" in text


def test_money_and_choice_facts():
    measure = SPEC.get("ib.guarantee_loan")
    assert parse_facts("贷款类型=混合;贷款金额=500,000.00", measure) == {"loan_type": "混合", "loan_amount": 50000000}
    with pytest.raises(ValidationError, match="贴息/混合/非贴息"):
        parse_facts("贷款类型=商业;贷款金额=1", measure)
    with pytest.raises(ValidationError, match="两位小数"):
        parse_facts("贷款类型=贴息;贷款金额=1.001", measure)
    with pytest.raises(ValidationError, match="不能小于0.01元"):
        parse_facts("贷款类型=贴息;贷款金额=0", measure)


def test_year_and_id_list_facts():
    assert parse_facts("补贴年度=2024;财务制度健全=是;按期申报=是;连续纳税月数=3", SPEC.get("ib.conversion_bookkeeping"))["subsidy_year"] == 2024
    with pytest.raises(ValidationError, match="四位年份"):
        parse_facts("补贴年度=24;财务制度健全=是;按期申报=是;连续纳税月数=3", SPEC.get("ib.conversion_bookkeeping"))
    a, b = make_id(serial=11), make_id(serial=12)
    hires = SPEC.get("emp.expansion_subsidy")
    assert parse_facts(f"招用人员={a},{b.lower()}", hires) == {"hires": (a, b)}
    assert parse_facts(f"招用人员={a}，{b}", hires) == {"hires": (a, b)}
    with pytest.raises(ValidationError, match="重复"):
        parse_facts(f"招用人员={a},{a}", hires)
    broken = a[:17] + ("0" if a[17] != "0" else "1")
    with pytest.raises(ValidationError, match="校验位") as info:
        parse_facts(f"招用人员={broken}", hires)
    assert broken not in reasons(info.value), "ID numbers in messages are masked"


def test_measures_without_facts_refuse_any():
    assert parse_facts("", SPEC.get("ib.startup_subsidy")) == {}
    with pytest.raises(ValidationError, match="该政策的申请事实：无"):
        parse_facts("金额=5000", SPEC.get("ib.startup_subsidy"))


def test_format_round_trips():
    measure = SPEC.get("ib.guarantee_loan")
    values = parse_facts("贷款类型=混合;贷款金额=500000", measure)
    text = format_facts(values, measure)
    assert text == "贷款类型=混合;贷款金额=500000.00"
    assert parse_facts(text, measure) == values
    stable = SPEC.get("emp.stable_job_return")
    values = parse_facts("上年度失业保险缴费额=1234.5;参保职工数=30;裁员人数=6", stable)
    assert parse_facts(format_facts(values, stable), stable) == values


def test_typed_values_pass_through_unchanged():
    measure = SPEC.get("ib.guarantee_loan")
    values = parse_facts({"贷款类型": "贴息", "贷款金额": "200000"}, measure)
    assert parse_facts(values, measure) == values


def test_lenient_reading_separates_missing_from_malformed():
    reading = read_facts({"连续纳税月数": "x"}, SPEC.get("ib.conversion_award"))
    assert reading.missing == ("filed_on_time",)
    assert [p.reason for p in reading.problems] == ["申请事实“连续纳税月数”应为整数，实际为“x”"]


def test_split_keeps_values_with_equals_signs_and_skips_blanks():
    assert split_facts_text(";a=b=c;;") == [("a", "b=c")]


def test_unknown_measure():
    with pytest.raises(NotFound):
        SPEC.get("hc.facility.licence")


def test_bad_specification_is_refused():
    with pytest.raises(ValueError, match="unknown fact type"):
        FactCatalogue.from_json({"measures": {"ib.x": {"applicant": "business", "facts": [{"name": "a", "key": "甲", "type": "float"}]}}})
    with pytest.raises(ValueError, match="applicant"):
        FactCatalogue.from_json({"measures": {"ib.x": {"applicant": "robot", "facts": []}}})


def test_date_fact_type():
    spec = FactCatalogue.from_json({"measures": {"ib.x": {"applicant": "business", "facts": [{"name": "d", "key": "日期", "type": "date"}]}}})
    measure = spec.get("ib.x")
    assert parse_facts("日期=2024-02-29", measure) == {"d": date(2024, 2, 29)}
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        parse_facts("日期=2023-02-29", measure)
