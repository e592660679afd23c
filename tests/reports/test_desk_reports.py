"""The business desk's papers and the payment ledger built from small known records and read back
with pypdf: Chinese text, amounts in figures and capitals, the right of appeal, the QR code's check
value, a long ledger split over pages with its header repeated, ID masking by the meta, fonts."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from desktop_app.domain.receipt_check import check_value, receipt_code
from desktop_app.reports.counter_papers import (
    acceptance_receipt_pdf,
    application_form_pdf,
    decision_notice_pdf,
    missing_materials_notice_pdf,
)
from desktop_app.reports.desk_models import (
    MISSING,
    RECEIVED,
    WAIVED,
    AcceptanceReceipt,
    Applicant,
    ApplicationForm,
    CaseFacts,
    DecisionNotice,
    FactLine,
    MaterialLine,
    Measure,
    MissingMaterialsNotice,
    PaymentLedgerData,
    PaymentLine,
)
from desktop_app.reports.desk_parts import qr_code, yuan_in_capitals
from desktop_app.reports.document import ReportMeta
from desktop_app.reports.payment_ledger import payment_ledger_pdf

META = ReportMeta(database_name="窗口.sqlite3", generated_on=date(2026, 1, 5))
FULL = replace(META, full_ids=True)
ID_A, ID_B = "410821199001010012", "41082119900101003X"
RECEIPT = "410821202503030001"
LONG_NAME = "修武县城关镇东岭后村欧阳娜娜特色农家乐餐饮服务部（个体工商户）"
APPLICANT = Applicant(LONG_NAME, "92410821000000001X", "欧阳娜娜", "欧阳娜娜", ID_A, "城关镇", date(2022, 3, 1), "餐饮")
MEASURE = Measure("ib.startup_subsidy", "一次性创业补贴", "焦政办〔2023〕29号 三（四）21", "修武县")
CASE = CaseFacts(RECEIPT, MEASURE, APPLICANT, date(2025, 3, 3), "窗口张三", "已受理", date(2025, 3, 17), 500000)
MATERIALS = (
    MaterialLine("经营者居民身份证", "申请人身份", RECEIVED),
    MaterialLine("个体工商户营业执照", "首次创办个体工商户", RECEIVED),
    MaterialLine("所属群体证明（按所属群体提供其一：毕业证书、在校学生证明、留学回国人员证明、就业困难人员认定证明、"
                 "贫困家庭劳动力证明、返乡农民工证明、退役证件）", "属于扶持群体", MISSING),
    MaterialLine("退役证件（退役军人申请时）", "退役军人身份", WAIVED),
)


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def joined(pdf: bytes) -> str:
    return re.sub(r"\s", "", "".join(texts(pdf)))


def assert_fonts_embedded(pdf: bytes) -> None:
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"])), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"/Helvetica" not in pdf and b"STSong" not in pdf


@pytest.mark.parametrize(("fen", "words"), [
    (500000, "人民币伍仟元整"), (0, "人民币零元整"), (5, "人民币伍分"), (1200050, "人民币壹万贰仟元伍角"),
    (100050007, "人民币壹佰万零伍佰元零柒分"), (10001000000, "人民币壹亿零壹万元整"),
    (1005000000, "人民币壹仟零伍万元整"), (123456789, "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
])
def test_amounts_in_chinese_capitals(fen: int, words: str) -> None:
    assert yuan_in_capitals(fen) == words


def test_application_form_has_applicant_facts_materials_and_signature() -> None:
    form = ApplicationForm(CASE, (FactLine("招用人员", "", (ID_A, ID_B)), FactLine("参保月数", "12")), MATERIALS)
    pdf = application_form_pdf(form, META)
    pages, text = texts(pdf), joined(pdf)
    assert len(pages) == 1 and "第 1 页 共 1 页" in pages[0]
    assert "一次性创业补贴申请表" in text and f"受理编号：{RECEIPT}" in text
    assert LONG_NAME in text and "92410821000000001X" in text and "城关镇" in text
    assert "5,000.00元" in text and "焦政办〔2023〕29号三（四）21" in text
    assert "4108**********0012、4108**********003X" in text and "参保月数" in text
    assert "就业困难人员认定证明" in text and "未收取" in text and "不适用" in text
    assert "申请人签字（盖章）：" in text and "自愿承担相应法律责任" in text
    assert ID_A not in text and ID_B not in text
    assert "窗口.sqlite3" in text and "v0.1.0" in text.replace("乡镇服务台", "")
    assert_fonts_embedded(pdf)
    full = joined(application_form_pdf(form, FULL))
    assert ID_A in full and ID_B in full


def test_acceptance_receipt_has_the_promised_date_materials_and_a_qr_code_with_the_check_value() -> None:
    receipt = AcceptanceReceipt(CASE, MATERIALS, check_value(RECEIPT), receipt_code(RECEIPT), 10)
    pdf = acceptance_receipt_pdf(receipt, META)
    text = joined(pdf)
    assert len(texts(pdf)) == 1
    assert "受理回执" in text and RECEIPT in text and "一次性创业补贴" in text
    assert "2025年3月17日（10个工作日）" in text and "2025年3月3日" in text and "窗口张三" in text
    assert f"校验码{check_value(RECEIPT)}" in text
    assert "已收取材料（2件）" in text and "经营者居民身份证" in text and "不适用" in text
    assert "所属群体证明" not in text  # missing materials are not on a receipt
    assert "4108**********0012" in text and ID_A not in text
    widget = qr_code(receipt.qr_text).contents[0]
    assert widget.value == f"TDSL:{RECEIPT}:{check_value(RECEIPT)}"


def test_missing_materials_notice_lists_everything_missing_at_once() -> None:
    missing = tuple(MaterialLine(f"补正材料第{n}项：{'很长的材料名称' * 3}", f"证明事项{n}", MISSING) for n in range(1, 13))
    notice = MissingMaterialsNotice("GZ410821202503030001", MEASURE, APPLICANT, date(2025, 3, 3), "窗口张三",
                                    MATERIALS + missing, 500000)
    pdf = missing_materials_notice_pdf(notice, META)
    text = joined(pdf)
    assert "一次性告知书" in text and "GZ410821202503030001" in text
    assert "需补正的材料（13件）" in text and "共13件" in text
    for n in range(1, 13):
        assert f"补正材料第{n}项" in text
    assert "已收取或不适用的材料（3件）" in text
    assert "除上列材料外，不再要求您补充其他材料" in text and "申请人签收：" in text


def test_decision_notice_when_approved_gives_the_amount_in_figures_and_capitals_and_the_right_of_appeal() -> None:
    decision = DecisionNotice(replace(CASE, status="已发放"), True, date(2025, 3, 10), 500000, (), date(2025, 3, 12), 500000)
    text = joined(decision_notice_pdf(decision, META))
    assert "审批结果通知书" in text and "决定予以批准" in text
    assert "核定补贴金额5,000.00元（大写：人民币伍仟元整）" in text
    assert "已于2025年3月12日发放5,000.00元" in text and "2025年3月10日" in text
    assert "六十日内依法申请行政复议" in text and "六个月内依法向人民法院提起行政诉讼" in text
    assert "受送达人签收：" in text


def test_decision_notice_when_refused_lists_every_reason() -> None:
    reasons = ("经营者不属于扶持群体", "受理日期早于政策施行日期2023-07-13")
    decision = DecisionNotice(replace(CASE, status="不予批准"), False, date(2025, 3, 10), None, reasons)
    text = joined(decision_notice_pdf(decision, META))
    assert "决定不予批准。理由如下" in text and "1.经营者不属于扶持群体" in text and "2.受理日期早于政策施行日期2023-07-13" in text
    assert "核定补贴金额" not in text and "行政复议" in text and "行政诉讼" in text


MEASURES = (("ib.startup_subsidy", "一次性创业补贴"), ("ib.guarantee_loan", "个体工商户创业担保贷款额度"),
            ("emp.skill_subsidy", "失业保险技能提升补贴"))


def _ledger(count: int, *, city: bool = False) -> PaymentLedgerData:
    lines = []
    for n in range(count):
        base, title = MEASURES[n % 3]
        month = 1 + n * 12 // count
        lines.append(PaymentLine(date(2025, month, 1 + n % 28), "修武县" if n % 2 or not city else "博爱县", base, title,
                                 f"4108212025{month:02d}01{n:04d}", f"ZF410821{n:010d}", f"第{n:03d}号{LONG_NAME}",
                                 f"92410821MA{n:08d}", ID_A if base == "emp.skill_subsidy" else "", 100000 + n, 100000 + n))
    key = (lambda l: (l.county_name, l.paid_on.month, [m for m, _ in MEASURES].index(l.base_id), l.paid_on)) if city else \
        (lambda l: (l.paid_on.month, [m for m, _ in MEASURES].index(l.base_id), l.paid_on))
    return PaymentLedgerData("焦作市" if city else "修武县", 2025, MEASURES, tuple(sorted(lines, key=key)), city=city)


def test_payment_ledger_sums_by_month_and_measure() -> None:
    ledger = _ledger(12)
    pdf = payment_ledger_pdf(ledger, META)
    text = joined(pdf)
    assert "2025年度修武县个体工商户扶持政策资金发放台账" in text
    count, fen = ledger.total()
    assert count == 12 and f"共发放12笔，合计{fen // 100:,}.{fen % 100:02d}元" in text
    assert "一、按月份、政策汇总" in text and "12月" in text
    january = ledger.total(month=1)
    assert january == (1, 100000) and "1,000.00" in text
    assert "（1）1月·一次性创业补贴：1笔，1,000.00元" in text
    assert text.count("4108**********0012") == 4 and ID_A not in text
    assert "制表人：" in text and "负责人：" in text
    assert_fonts_embedded(pdf)


def test_long_payment_ledger_splits_with_the_header_repeated_and_every_row_once() -> None:
    """600 payments of one measure in one month: one table over many pages (26 rows a full page)."""
    lines = tuple(PaymentLine(date(2025, 1, 1 + n % 28), "修武县", "ib.startup_subsidy", "一次性创业补贴",
                              f"41082120250101{n:04d}", f"ZF410821{n:010d}", f"第{n:03d}号商户", f"92410821MA{n:08d}", "",
                              500000, 500000) for n in range(600))
    ledger = PaymentLedgerData("修武县", 2025, MEASURES, lines)
    pages = texts(payment_ledger_pdf(ledger, META))
    rows = [len(re.findall(r"41082120250101\d{4}", p)) for p in pages]
    assert rows[0] == 0 and sum(rows) == 600  # the summary page, then the table (no orphaned first rows)
    assert rows[1] == 25 and all(count == 26 for count in rows[2:-1])  # page 2 also carries the subheading
    assert len(pages) == 2 + -(-(600 - 25) // 26) == 25
    detail = pages[1:]
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    for page in detail:
        assert "统一社会信用代码" in page and "发放金额" in page
    flat = re.sub(r"\s", "", "".join(pages))
    for line in lines:
        assert flat.count(line.receipt_no) == 1 and line.voucher_no in flat
    assert "合计600笔3,000,000.00" in flat


def test_city_ledger_adds_the_county_summary_and_groups_by_county() -> None:
    text = joined(payment_ledger_pdf(_ledger(30, city=True), META))
    assert "二、按县区、政策汇总" in text and "三、发放明细（按县区、月份、政策）" in text
    assert "博爱县·1月" in text and "修武县·1月" in text
