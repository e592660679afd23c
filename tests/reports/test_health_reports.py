"""The health report kinds built from small known data and read back with pypdf: Chinese text,
numbers, repeated headers on long tables, embedded fonts, masked ID numbers, demo marking."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from desktop_app.reports.county_summary import county_summary_pdf
from desktop_app.reports.document import ReportMeta
from desktop_app.reports.facility_inspection import facility_inspection_pdf, inspection_pack_pdf
from desktop_app.reports.models import (
    CountySummary,
    FailingFacility,
    GapLine,
    IndicatorLine,
    InspectionForm,
    InspectionRule,
    InspectionStaff,
    LedgerRow,
    RosterFacility,
    RosterStaff,
    RuleFailures,
    TownshipRoster,
    TrainingLedger,
)
from desktop_app.reports.township_roster import township_roster_pdf
from desktop_app.reports.training_ledger import training_ledger_pdf

META = ReportMeta(database_name="西村乡.sqlite3", generated_on=date(2026, 1, 5))
DEMO = replace(META, demo=True)
AS_OF = date(2025, 12, 31)
FULL_ID = re.compile(r"\d{17}[\dX]")
LONG_NAME = "修武县西村乡东岭后村民委员会第三村民小组联合村卫生室"
ID_A, ID_B = "410821198003150021", "41082119751109003X"

RULES = (
    InspectionRule("依法取得《医疗机构执业许可证》", "焦政办〔2023〕32号 三（一）1", "pass", "2027-04-22", "≥2025-12-31",
                   "执业许可证有效期至2027-04-22"),
    InspectionRule("新建村卫生室建筑面积不少于120m²", "焦政办〔2023〕32号 三（一）3", "fail", "60.4m²", "≥120m²",
                   "建筑面积60.4m²，低于120m²"),
    InspectionRule("“七室分开”", "焦政办〔2023〕32号 三（一）3", "warn", "5室", "≥7室", "缺观察室、中医治疗室"),
    InspectionRule("掌握4类以上中医药适宜技术", "焦政办〔2023〕32号 三（一）2", "unknown", "—", "≥4类", "掌握中医药适宜技术未填写"),
)
STAFF = (
    InspectionStaff("王秀英", ID_A, "乡村医生", "临床", "是", "32.5"),
    InspectionStaff("欧阳娜娜", ID_B, "执业助理医师", "中医", "否", "12"),
)
FORM = InspectionForm(
    facility_code="CWS410821100201", facility_name="东岭后村卫生室", facility_kind="村卫生室", county_name="修武县",
    township_name="西村乡", village_name="东岭后村", as_of=AS_OF, rules=RULES, service_population="1,047人",
    licence="PDY12345（有效期至2027-04-22）", staff=STAFF, training_year=2025,
)


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def joined(pdf: bytes) -> str:
    """All text without whitespace (wrapped cells come back split over lines)."""
    return re.sub(r"\s", "", "".join(texts(pdf)))


def assert_fonts_embedded(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"])), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"/Helvetica" not in pdf and b"STSong" not in pdf  # no standard font that is not embedded


def assert_no_full_id(pdf: bytes) -> None:
    for text in texts(pdf):
        assert not FULL_ID.search(re.sub(r"\s", "", text))


# -- 督导检查表 --------------------------------------------------------------------------------------

def test_inspection_form_lists_every_rule_with_result_and_source() -> None:
    pdf = facility_inspection_pdf(FORM, META)
    pages = texts(pdf)
    text = joined(pdf)
    assert len(pages) == 1
    assert "村卫生室督导检查表" in text and "东岭后村卫生室" in text and "CWS410821100201" in text
    for rule in RULES:
        assert rule.title in text and f"依据：{rule.citation}".replace(" ", "") in text
        assert rule.actual in text and rule.required in text
    for word in ("达标", "未达标", "预警", "待补充数据", "现场核查记录", "检查人员", "检查日期", "机构负责人签字"):
        assert word in text
    assert "1,047人" in text and "2025年12月31日" in text
    assert "第 1 页 共 1 页" in pages[0] and "西村乡.sqlite3" in pages[0]
    assert_fonts_embedded(pdf)


def test_inspection_form_masks_staff_id_numbers() -> None:
    pdf = facility_inspection_pdf(FORM, META)
    text = joined(pdf)
    assert "4108**********0021" in text and "4108**********003X" in text
    assert "王秀英" in text and "32.5" in text
    assert_no_full_id(pdf)


def test_full_id_numbers_only_when_the_meta_allows_them() -> None:
    full = replace(META, full_ids=True)
    assert ID_A in joined(facility_inspection_pdf(FORM, full)) and ID_B in joined(facility_inspection_pdf(FORM, full))
    assert "410821198001010003" in joined(township_roster_pdf(_roster(3), full))


def test_blank_form_keeps_the_rule_list_only() -> None:
    blank_rules = tuple(InspectionRule(r.title, r.citation) for r in RULES)
    pdf = facility_inspection_pdf(replace(FORM, rules=blank_rules, staff=(), blank=True, service_population="",
                                          licence=""), META)
    text = joined(pdf)
    assert all(r.title in text for r in RULES)
    assert "空白表" in text and "□符合□不符合" in text and "现场情况" in text
    for filled in ("评估结论", "60.4m²", "≥120m²", "未达标", "预警", "王秀英", "PDY12345", "1,047人"):
        assert filled not in text


def test_inspection_pack_starts_each_form_on_a_new_page() -> None:
    forms = [replace(FORM, facility_code=f"CWS4108211002{n:02d}", facility_name=f"第{n}村卫生室") for n in range(1, 4)]
    pdf = inspection_pack_pdf(forms, META, title="修武县村卫生室督导检查表", subtitle="共 3 所")
    pages = texts(pdf)
    assert len(pages) == 4
    assert "检查机构清单（共 3 所）" in pages[0]
    for number, page in enumerate(pages[1:], start=1):
        assert f"第{number}村卫生室" in page and "村卫生室督导检查表" in page
        assert f"第 {number + 1} 页 共 4 页" in page
    with pytest.raises(ValueError):
        inspection_pack_pdf([], META, title="空", subtitle="")


# -- 县区汇总表 ---------------------------------------------------------------------------------------

def _summary(failing: int) -> CountySummary:
    indicators = (
        IndicatorLine("公有产权行政村卫生室占比", "公有产权村卫生室占比", "94.7%", "90.0%", "pass", "", "行政村卫生室283所",
                      "焦政办〔2023〕32号 三（一）2", 94.7, 90.0),
        IndicatorLine("落实“乡聘村用”的基层医疗卫生机构占比", "“乡聘村用”占比", "48.8%", "60.0%", "fail",
                      "还需34所村卫生室落实乡村医生“乡聘村用”", "", "焦政办〔2023〕32号 三（四）13", 48.8, 60.0),
        IndicatorLine("县域医疗卫生次中心建设任务", "次中心（个）", "2", "2", "pass", "", "已建设次中心2个",
                      "焦政办〔2023〕32号 三（二）6"),
    )
    facilities = tuple(
        FailingFacility(f"CWS41082110{n:04d}", LONG_NAME if n == 7 else f"第{n}村卫生室", "村卫生室", "西村乡",
                        "无乡聘村用的在岗医生（乡村医生/执业医师/执业助理医师）")
        for n in range(1, failing + 1)
    )
    rules = (
        RuleFailures("落实乡村医生“乡聘村用”", "焦政办〔2023〕32号 三（四）13", failing, 0, 4, facilities),
        RuleFailures("“七室分开”", "焦政办〔2023〕32号 三（一）3", 0, 122, 7),
    )
    gaps = (GapLine("修武县", "落实“乡聘村用”的基层医疗卫生机构占比", "fail", "还需34所村卫生室落实乡村医生“乡聘村用”"),)
    return CountySummary("修武县", 2025, AS_OF, indicators, rules, gaps, facility_count=309)


def test_county_summary_shows_indicators_chart_failures_and_gaps() -> None:
    pdf = county_summary_pdf(_summary(3), META)
    text = joined(pdf)
    assert "修武县基层医疗卫生服务能力汇总表" in text and "指标年度：2025年" in text
    for figure in ("94.7%", "90.0%", "48.8%", "60.0%", "共309所机构"):
        assert figure in text
    assert "百分比类指标：实际与目标" in text and "“乡聘村用”占比" in text  # the chart's Chinese labels
    assert "实际（%）" in text and "目标（%）" in text
    assert "（1）落实乡村医生“乡聘村用”——未达标3所" in text
    assert "第3村卫生室" in text and "差距测算" in text and "还需34所村卫生室" in text
    assert "“七室分开”" in text and "122" in text
    assert_fonts_embedded(pdf)


def test_long_failure_list_splits_with_its_header_repeated() -> None:
    short, long = county_summary_pdf(_summary(5), META), county_summary_pdf(_summary(160), META)
    short_pages, long_pages = texts(short), texts(long)
    assert len(long_pages) >= len(short_pages) + 3
    listing = [p for p in long_pages if "第100村卫生室" in p or "第60村卫生室" in p or "第140村卫生室" in p]
    assert len(listing) >= 2
    assert all("机构名称" in p and "乡镇（街道）" in p and "情况" in p for p in listing)
    assert LONG_NAME in joined(long)  # the long name wraps inside its column
    for number, page in enumerate(long_pages, start=1):
        assert f"第 {number} 页 共 {len(long_pages)} 页" in page


# -- 乡镇花名册 ---------------------------------------------------------------------------------------

def _roster(staff: int) -> TownshipRoster:
    facilities = (
        RosterFacility("WSY410821104", "西村乡卫生院", "乡镇卫生院", "—", {"pass": 5, "fail": 1}, ("未达标：乡镇卫生院中医馆全覆盖",)),
        RosterFacility("CWS410821104201", LONG_NAME, "村卫生室", "东岭后村", {"pass": 6, "warn": 1, "unknown": 1},
                       ("预警：“七室分开”",)),
    )
    people = tuple(
        RosterStaff(f"人员{n:03d}", f"41082119800101{n:04d}", "西村乡卫生院", "执业医师", "临床", "在岗",
                    "pass" if n % 3 else "fail", "not_applicable")
        for n in range(1, staff + 1)
    )
    return TownshipRoster("修武县", "西村乡", "410821104000", AS_OF, facilities, people, 30.0, 15.0)


def test_township_roster_lists_facilities_and_staff_with_status() -> None:
    pdf = township_roster_pdf(_roster(4), DEMO)
    pages = texts(pdf)
    text = joined(pdf)
    assert "西村乡医疗机构及人员花名册" in text and "医疗机构（2所）" in text and "人员（4人）" in text
    assert LONG_NAME in text and "未达标：乡镇卫生院中医馆全覆盖" in text and "预警：“七室分开”" in text
    assert "人员003" in text and "4108**********0003" in text and "不适用" in text
    assert all("示例数据" in page for page in pages)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert page.mediabox.width > page.mediabox.height
    assert_no_full_id(pdf)
    assert_fonts_embedded(pdf)


def test_long_staff_table_grows_pages_and_repeats_its_header() -> None:
    short, long = texts(township_roster_pdf(_roster(5), META)), texts(township_roster_pdf(_roster(300), META))
    assert len(short) == 1
    assert len(long) >= 8
    listing = [page for page in long if re.search(r"人员\d{3}", page)]
    assert len(listing) >= 8
    for page in listing:
        assert "身份证号" in page and "所在机构" in page and "现场核实" in page
    assert "人员300" in "".join(long[-2:])
    assert_no_full_id(township_roster_pdf(_roster(300), META))


# -- 培训台账 -----------------------------------------------------------------------------------------

def test_training_ledger_numbers_match_and_ids_are_masked() -> None:
    rows = (
        LedgerRow("王秀英", ID_A, "东岭后村卫生室", "乡村医生", {"集中学习": 16.5, "远程教育": 15.0}, 31.5,
                  "pass", "2025年培训31.5天，不少于30天", "pass", "2025年集中学习16.5天，不少于15天"),
        LedgerRow("欧阳娜娜", ID_B, "西村乡卫生院", "注册护士", {"业务进修": 7.0}, 7.0,
                  "fail", "2025年培训7天，少于30天", "not_applicable", ""),
    )
    modes = ("集中学习", "远程教育", "业务进修", "其他")
    ledger = TrainingLedger("西村乡", 2025, AS_OF, modes, rows, 30.0, 15.0)
    pdf = training_ledger_pdf(ledger, META)
    text = joined(pdf)
    assert "2025年度西村乡卫生技术人员培训台账" in text
    assert "16.5" in text and "31.5" in text and "7" in text
    assert "年度培训≥30天" in text and "集中学习≥15天" in text
    assert "4108**********0021" in text and "不适用" in text
    assert "共2人，应达到年度培训30天的2人，其中达标1人、未达标1人" in text
    assert "村卫生室在岗医生1人，集中学习达标1人" in text
    assert_no_full_id(pdf)
    assert_fonts_embedded(pdf)
