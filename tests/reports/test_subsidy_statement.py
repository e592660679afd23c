"""The 补助资金台账 built from small known records and read back with pypdf: figures by source and
their totals, "标准未设定" instead of 0, overdue and over-paid payees flagged, ID numbers masked by
the meta, a long payee list split over pages with its header repeated, the city's county column."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from desktop_app.reports.document import ReportMeta
from desktop_app.reports.subsidy_models import PayeeRow, ProgrammeSection, SourceFigures, SubsidyStatementData
from desktop_app.reports.subsidy_statement import subsidy_statement_pdf

META = ReportMeta(database_name="补助.sqlite3", generated_on=date(2026, 1, 5))
ID_A = "410821195503010012"
LONG_NAME = "修武县城关镇东岭后村民委员会第三村民小组联合村卫生室（共建共用）"

CLINICS = ProgrammeSection(
    "修武县", "hc.subsidy.village_clinic_operating", "行政村卫生室基本运行经费补助", "焦政办〔2023〕32号 三（五）17",
    (SourceFigures("县级", 1_800_000, 2_000_000, 1_950_000),),
    (
        PayeeRow("甲村卫生室", "XW-A", "", "城关镇", 600_000, {"县级": 600_000}, 600_000, "已拨足"),
        PayeeRow(LONG_NAME, "XW-B", "", "城关镇", 600_000, {"县级": 150_000}, 150_000, "逾期未拨", overdue=True),
        PayeeRow("丙村卫生室", "XW-C", "", "西村乡", 600_000, {"县级": 1_200_000}, 1_200_000, "超发", overpaid=600_000),
    ),
    arrears=450_000, overpaid=600_000, overdue_payees=1, overpaid_payees=1,
)
FAMILY = ProgrammeSection(
    "修武县", "hc.subsidy.family_doctor_incentive", "家庭医生签约服务激励补助（每人每年5元）", "焦政办〔2023〕32号 三（五）18",
    (SourceFigures("市级", 200_000, 200_000, 100_000), SourceFigures("区级", 300_000, 300_000, 300_000)),
    (PayeeRow("城关镇卫生院", "XW-T", "", "城关镇", 500_000, {"市级": 100_000, "区级": 300_000}, 400_000, "未拨足"),),
    arrears=100_000,
)
ALLOWANCE = ProgrammeSection(
    "修武县", "hc.staff.elderly_allowance", "老年乡村医生生活补助", "焦政办〔2023〕32号 三（二）8",
    (SourceFigures("县级", 0, 0, 0),),
    (PayeeRow("王老医生", "", ID_A, "城关镇", None, {}, 0, "标准未设定", gap="标准未设定"),),
    unknown=1,
)
DATA = SubsidyStatementData("修武县", 2024, date(2025, 3, 1), (CLINICS, FAMILY, ALLOWANCE),
                            unknown_notes=("标准未设定 1 户/人",))


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def joined(pdf: bytes) -> str:
    return re.sub(r"\s", "", "".join(texts(pdf)))


def test_figures_by_source_with_subtotals_and_the_total() -> None:
    pdf = subsidy_statement_pdf(DATA, META)
    text = joined(pdf)
    for page in PdfReader(io.BytesIO(pdf)).pages:  # the CJK font is embedded as a subset, nothing else is used
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"])) and "/FontFile2" in font["/FontDescriptor"].get_object()
    assert "2024年度修武县基层医疗卫生补助资金台账" in text and "统计截至：2025年3月1日" in text
    assert "行政村卫生室基本运行经费补助县级18,000.0020,000.0019,500.00-1,500.00" in text
    assert "市级2,000.002,000.001,000.001,000.00" in text and "区级3,000.003,000.003,000.000.00" in text
    assert "小计5,000.005,000.004,000.001,000.00" in text
    assert "合计23,000.0025,000.0023,500.00-500.00" in text  # every programme added up
    assert "制表人：" in text and "财务审核：" in text and "单位负责人：" in text


def test_flags_and_an_unknown_standard_is_never_zero() -> None:
    text = joined(subsidy_statement_pdf(DATA, META))
    assert "逾期未拨" in text and "超发" in text and "已拨足" in text and "未拨足" in text
    assert "行政村卫生室基本运行经费补助3014,500.0016,000.00" in text  # 3 payees, none unknown, 1 overdue (4,500 yuan owed), 1 over-paid
    assert "王老医生4108**********0012城关镇标准未设定" in text  # the entitlement cell says why, not 0
    assert "另有1户/人的应补助金额尚不能确定（标准未设定1户/人）" in text
    assert LONG_NAME in text and ID_A not in text
    assert ID_A in joined(subsidy_statement_pdf(DATA, replace(META, full_ids=True)))


def test_per_source_paid_columns_when_a_programme_has_two_sources() -> None:
    text = joined(subsidy_statement_pdf(DATA, META))
    assert "已拨付（市级）已拨付（区级）已拨付合计" in text
    assert "城关镇卫生院XW-T城关镇5,000.001,000.003,000.004,000.001,000.00未拨足" in text


def test_long_payee_list_splits_with_its_header_repeated() -> None:
    payees = tuple(PayeeRow(f"第{n:03d}村卫生室", f"XW-{n:03d}", "", "城关镇", 600_000, {"县级": 600_000}, 600_000, "已拨足")
                   for n in range(400))
    many = replace(CLINICS, payees=payees)
    pages = texts(subsidy_statement_pdf(replace(DATA, sections=(many,)), META))
    assert len(pages) >= 10
    listing = [p for p in pages if re.search(r"第\d{3}村卫生室", p)]
    for page in listing:
        assert "收款对象" in page and "未拨付" in page
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    flat = re.sub(r"\s", "", "".join(pages))
    assert all(flat.count(f"XW-{n:03d}") == 1 for n in range(400))


def test_the_city_names_the_county_of_each_section() -> None:
    bo_ai = replace(FAMILY, county_name="博爱县")
    text = joined(subsidy_statement_pdf(replace(DATA, scope_name="焦作市", city=True, sections=(CLINICS, bo_ai)), META))
    assert "县区补助项目资金来源" in text and "修武县行政村卫生室基本运行经费补助县级" in text
    assert "（2）博爱县家庭医生签约服务激励补助" in text
